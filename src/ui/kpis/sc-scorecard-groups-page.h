/* sc-scorecard-groups-page.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-undo-stack.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_SCORECARD_GROUPS_PAGE (sc_scorecard_groups_page_get_type())

G_DECLARE_FINAL_TYPE (ScScorecardGroupsPage, sc_scorecard_groups_page, SC, SCORECARD_GROUPS_PAGE,
                      AdwPreferencesPage)

ScScorecardGroupsPage *sc_scorecard_groups_page_new     (ScWorkbook            *book,
                                                         ScUndoStack           *undo_stack);
void                   sc_scorecard_groups_page_commit  (ScScorecardGroupsPage *self);
guint                  sc_scorecard_groups_page_get_selected (ScScorecardGroupsPage *self);
void                   sc_scorecard_groups_page_select  (ScScorecardGroupsPage *self,
                                                         guint                  position);
const char            *sc_scorecard_groups_page_get_editing_text (ScScorecardGroupsPage *self);

/* For the tests */
GtkEditable           *sc_scorecard_groups_page_get_name_row (ScScorecardGroupsPage *self);
GtkEditable           *sc_scorecard_groups_page_get_tags_row (ScScorecardGroupsPage *self);
GtkSwitch             *sc_scorecard_groups_page_get_kpi_switch (ScScorecardGroupsPage *self,
                                                         const char            *kpi_id);
GtkEditable           *sc_scorecard_groups_page_get_kpi_entry (ScScorecardGroupsPage *self,
                                                         const char            *kpi_id,
                                                         gboolean               weight);

G_END_DECLS
