/* sc-report-print.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-report.h"
#include "sc-rollup.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

GtkPrintOperation *sc_report_print_operation_new (ScWorkbook            *book,
                                                  const ScReportOptions *options);
void               sc_report_print_run           (GtkWindow             *parent,
                                                  ScWorkbook            *book,
                                                  const ScReportOptions *options);
void               sc_report_print               (GtkWindow             *parent,
                                                  ScWorkbook            *book,
                                                  ScPartner             *partner,
                                                  const ScRollup        *view,
                                                  GSettings             *settings);

/* For sc-report-dialog.c: a toast in @window's toast overlay */
void               _sc_report_add_toast          (GtkWindow             *window,
                                                  AdwToast              *toast);

G_END_DECLS
