/* sc-report-save.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-report.h"

G_BEGIN_DECLS

/* Progress of a save, in the main thread: @fraction of the whole job,
 * the partner worked on (1-based) of @n_partners, and what is being done.
 */
typedef void (*ScReportSaveProgress) (double      fraction,
                                      guint       partner,
                                      guint       n_partners,
                                      const char *what,
                                      gpointer    user_data);

void  sc_report_save_async  (ScWorkbook             *book,
                             const ScReportOptions  *options,
                             const char             *path,
                             gboolean                split,
                             ScReportSaveProgress    progress,
                             gpointer                progress_data,
                             GCancellable           *cancellable,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data);
guint sc_report_save_finish (GAsyncResult           *result,
                             GError                **error);

G_END_DECLS
