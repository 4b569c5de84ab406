/* sc-workbook-io.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_WORKBOOK_MAX_FILE_SIZE (512 * 1024 * 1024)

ScWorkbook *sc_workbook_load_from_data  (const char           *data,
                                         gsize                 length,
                                         const char           *display_name,
                                         GError              **error);
ScWorkbook *sc_workbook_load_from_file  (GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
void        sc_workbook_load_async      (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
ScWorkbook *sc_workbook_load_finish     (GAsyncResult         *result,
                                         GError              **error);
GBytes     *sc_workbook_to_bytes        (ScWorkbook           *self);
gboolean    sc_workbook_save_to_file    (ScWorkbook           *self,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);

G_END_DECLS
