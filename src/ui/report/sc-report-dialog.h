/* sc-report-dialog.h
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

#define SC_TYPE_REPORT_DIALOG (sc_report_dialog_get_type())

G_DECLARE_FINAL_TYPE (ScReportDialog, sc_report_dialog, SC, REPORT_DIALOG, AdwWindow)

GtkWindow       *sc_report_dialog_new                 (GtkWindow      *parent,
                                                       ScWorkbook     *book,
                                                       ScPartner      *selected,
                                                       const ScRollup *view,
                                                       GSettings      *settings);
void             sc_report_dialog_present             (GtkWindow      *parent,
                                                       ScWorkbook     *book,
                                                       ScPartner      *selected,
                                                       const ScRollup *view,
                                                       GSettings      *settings);
ScReportOptions *sc_report_dialog_dup_default_options (ScWorkbook     *book,
                                                       ScPartner      *selected,
                                                       const ScRollup *view,
                                                       GSettings      *settings);

G_END_DECLS
