/* sc-report-dialog-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach into: the choices a user makes, an export to a
 * path without the file chooser, and the progress on screen.
 */

#pragma once

#include "sc-report-dialog.h"

G_BEGIN_DECLS

/* The choices of the "Report On" row */
typedef enum
{
  SC_REPORT_PARTNERS_SELECTED,
  SC_REPORT_PARTNERS_ALL,
  SC_REPORT_PARTNERS_SUPPLIERS,
  SC_REPORT_PARTNERS_CUSTOMERS,
  SC_REPORT_PARTNERS_CHOSEN,
} ScReportPartners;

gboolean         sc_report_dialog_set_partners_mode (ScReportDialog   *self,
                                                     ScReportPartners  mode);
gboolean         sc_report_dialog_set_chosen        (ScReportDialog   *self,
                                                     ScPartner        *partner,
                                                     gboolean          chosen);
void             sc_report_dialog_set_split         (ScReportDialog   *self,
                                                     gboolean          split);
ScReportOptions *sc_report_dialog_dup_options       (ScReportDialog   *self);
void             sc_report_dialog_export_to         (ScReportDialog   *self,
                                                     const char       *path);
gboolean         sc_report_dialog_get_busy          (ScReportDialog   *self);
const char      *sc_report_dialog_get_saved_path    (ScReportDialog   *self);
const GError    *sc_report_dialog_get_error         (ScReportDialog   *self);
GtkProgressBar  *sc_report_dialog_get_progress_bar  (ScReportDialog   *self);
GtkListBox      *sc_report_dialog_get_partner_list  (ScReportDialog   *self);
GtkEditable     *sc_report_dialog_get_partner_search (ScReportDialog  *self);
AdwComboRow     *sc_report_dialog_get_language_row  (ScReportDialog   *self);

G_END_DECLS
