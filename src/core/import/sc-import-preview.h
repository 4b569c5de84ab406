/* sc-import-preview.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-import-mapping.h"

G_BEGIN_DECLS

/**
 * ScImportPreview:
 * @format: what the file is; only delimited text has the fields below
 * @sheet: the sheet read, for a workbook (.xlsx, .ods): chosen, or the one
 *   with a table
 * @encoding: the encoding detected or chosen
 * @delimiter: the delimiter detected or chosen
 * @decimal_mark: the decimal mark detected or chosen
 * @layout: the layout detected from the header, or chosen
 * @n_columns: the number of columns of the header
 * @header: the header's cells, trimmed, as UTF-8 (%NULL-terminated)
 * @roles: what each column holds: chosen, or detected from its header
 * @rows: up to the number asked for: each a %NULL-terminated array of
 *   cells as UTF-8 (invalid bytes replaced)
 * @more: whether the file has more rows than @rows
 *
 * The start of a file as the import reads it with the options of an
 * import, for the assistant to show before anything is staged.
 */
typedef struct
{
  ScImportFormat  format;
  char           *sheet;
  char           *encoding;
  char            delimiter;
  char            decimal_mark;
  ScImportLayout  layout;
  guint           n_columns;
  char          **header;
  ScImportRole   *roles;
  GPtrArray      *rows;
  guint           more : 1;
} ScImportPreview;

ScImportPreview *sc_import_preview_file        (ScImport             *self,
                                                GFile                *file,
                                                guint                 max_rows,
                                                GCancellable         *cancellable,
                                                GError              **error);
void             sc_import_preview_file_async  (ScImport             *self,
                                                GFile                *file,
                                                guint                 max_rows,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ScImportPreview *sc_import_preview_file_finish (ScImport             *self,
                                                GAsyncResult         *result,
                                                GError              **error);
const char      *sc_import_preview_get_cell    (const ScImportPreview *preview,
                                                guint                 row,
                                                guint                 column);
void             sc_import_preview_free        (ScImportPreview      *preview);
gboolean         sc_import_split_period_header (const char           *header,
                                                char                **period,
                                                const char          **kpi);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScImportPreview, sc_import_preview_free)

G_END_DECLS
