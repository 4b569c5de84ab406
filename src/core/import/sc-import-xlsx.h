/* sc-import-xlsx.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spreadsheets (.xlsx, .ods) into the import, for the files of src/core.
 * The public part (choosing the sheet, listing sheets) is in sc-import.h.
 */

#pragma once

#include "sc-import.h"
#include "sc-reader-xlsx.h"

G_BEGIN_DECLS

gboolean      sc_import_is_spreadsheet      (const char     *data,
                                             gsize           length);
gboolean      sc_import_read_spreadsheet    (ScImport       *self,
                                             GInputStream   *stream,
                                             const char     *name,
                                             GCancellable   *cancellable,
                                             GError        **error);
gboolean      sc_import_choose_table_sheet  (ScReaderXlsx   *reader,
                                             guint          *sheet,
                                             GCancellable   *cancellable,
                                             GError        **error);
gboolean      sc_import_choose_sheet        (ScReaderXlsx   *reader,
                                             const char     *wanted,
                                             guint          *sheet,
                                             GCancellable   *cancellable,
                                             GError        **error);
GInputStream *sc_import_open_sheet_text     (GBytes         *workbook,
                                             const char     *name,
                                             const char     *sheet,
                                             char            decimal_mark,
                                             char          **sheet_used,
                                             GError        **error);

G_END_DECLS
