/* sc-export-xlsx.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-rollup.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_EXPORT_ERROR (sc_export_error_quark())

/**
 * ScExportError:
 * @SC_EXPORT_ERROR_NO_DATA: the workbook holds no values, so there is no
 *   period to score
 * @SC_EXPORT_ERROR_TOO_LARGE: a sheet would have more rows than Excel's
 *   1,048,576
 * @SC_EXPORT_ERROR_WRITE: the Excel file could not be written; the file's
 *   own errors (a read-only folder, a full disk) come in %SC_SAFE_FILE_ERROR
 */
typedef enum
{
  SC_EXPORT_ERROR_NO_DATA,
  SC_EXPORT_ERROR_TOO_LARGE,
  SC_EXPORT_ERROR_WRITE,
} ScExportError;

/* What an export holds: the partners (empty: all of them) and the view
 * their scorecards are scored in (an anchor of SC_PERIOD_NONE: the latest
 * period with data).
 */
typedef struct
{
  GPtrArray *partners;        /* ScPartner* */
  ScRollup   rollup;
} ScExportOptions;

GQuark           sc_export_error_quark       (void);

ScExportOptions *sc_export_options_new       (void);
ScExportOptions *sc_export_options_copy      (const ScExportOptions *options);
void             sc_export_options_free      (ScExportOptions       *options);
void             sc_export_options_add_partner (ScExportOptions     *options,
                                              ScPartner             *partner);

gboolean         sc_export_xlsx              (ScWorkbook            *book,
                                              const ScExportOptions *options,
                                              const char            *path,
                                              GCancellable          *cancellable,
                                              GError               **error);
void             sc_export_xlsx_async        (ScWorkbook            *book,
                                              const ScExportOptions *options,
                                              const char            *path,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean         sc_export_xlsx_finish       (GAsyncResult          *result,
                                              GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScExportOptions, sc_export_options_free)

G_END_DECLS
