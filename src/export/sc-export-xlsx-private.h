/* sc-export-xlsx-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Excel export's files share: one export in progress, its
 * libxlsxwriter workbook and the cell formats made once for it.
 */

#pragma once

#include <xlsxwriter.h>

#include "sc-export-xlsx.h"
#include "sc-scorer.h"

G_BEGIN_DECLS

/* Excel's last row (0-based) */
#define SC_EXPORT_MAX_ROW 1048575

typedef struct
{
  ScWorkbook    *book;
  lxw_workbook  *wb;
  const char    *display_name;
  GCancellable  *cancellable;
  ScRollup       rollup;
  GPtrArray     *results;        /* ScPartnerResult*, the partners exported */
  GHashTable    *formats;        /* number format string → lxw_format* (the workbook's) */

  lxw_format    *header;
  lxw_format    *text;
  lxw_format    *wrap;
  lxw_format    *date;
  lxw_format    *date_time;
  lxw_format    *month;
  lxw_format    *score;
  lxw_format    *signed_score;
  lxw_format    *integer;
  lxw_format    *status[3];      /* green, amber, red fills */
} ScExportXlsx;

lxw_format *sc_export_xlsx_number_format (ScExportXlsx *self,
                                          const char   *num_format);
lxw_format *sc_export_xlsx_kpi_format    (ScExportXlsx *self,
                                          ScKpi        *kpi);
double      sc_export_xlsx_kpi_number    (ScKpi        *kpi,
                                          double        value);
gboolean    sc_export_xlsx_check         (ScExportXlsx *self,
                                          lxw_error     status,
                                          GError      **error);

gboolean    sc_export_xlsx_write_summary   (ScExportXlsx *self,
                                            GError      **error);
gboolean    sc_export_xlsx_write_scorecard (ScExportXlsx *self,
                                            GError      **error);
gboolean    sc_export_xlsx_write_series    (ScExportXlsx *self,
                                            GError      **error);
gboolean    sc_export_xlsx_write_issues    (ScExportXlsx *self,
                                            GError      **error);

G_END_DECLS
