/* sc-issues-page-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach into: the controls a user changes, the list as
 * shown, and a synchronous CSV export.
 */

#pragma once

#include "sc-issues-page.h"

G_BEGIN_DECLS

typedef enum
{
  SC_ISSUES_SORT_DUE,
  SC_ISSUES_SORT_SEVERITY,
  SC_ISSUES_SORT_STATUS,
  SC_ISSUES_SORT_PARTNER,
  SC_ISSUES_SORT_UPDATED,
} ScIssuesSort;

GtkEditable       *sc_issues_page_get_search_entry      (ScIssuesPage *self);
GtkDropDown       *sc_issues_page_get_sort_dropdown     (ScIssuesPage *self);
GtkDropDown       *sc_issues_page_get_kpi_dropdown      (ScIssuesPage *self);
GtkDropDown       *sc_issues_page_get_status_dropdown   (ScIssuesPage *self);
GtkDropDown       *sc_issues_page_get_severity_dropdown (ScIssuesPage *self);
GtkDropDown       *sc_issues_page_get_owner_dropdown    (ScIssuesPage *self);
GtkToggleButton   *sc_issues_page_get_overdue_toggle    (ScIssuesPage *self);
GtkToggleButton   *sc_issues_page_get_partner_toggle    (ScIssuesPage *self);
GtkSelectionModel *sc_issues_page_get_selection         (ScIssuesPage *self);
GtkListView       *sc_issues_page_get_list_view         (ScIssuesPage *self);
const char        *sc_issues_page_get_visible_child     (ScIssuesPage *self);
AdwStatusPage     *sc_issues_page_get_status_page       (ScIssuesPage *self);
void               sc_issues_page_set_today             (ScIssuesPage *self,
                                                         const GDate  *today);
gboolean           sc_issues_page_export_csv_to         (ScIssuesPage *self,
                                                         GFile        *file,
                                                         GError      **error);

G_END_DECLS
