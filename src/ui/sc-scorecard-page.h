/* sc-scorecard-page.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-scorer.h"
#include "sc-undo-stack.h"

#include "sc-kpi-table.h"
#include "sc-score.h"

G_BEGIN_DECLS

#define SC_TYPE_SCORECARD_PAGE (sc_scorecard_page_get_type())

G_DECLARE_FINAL_TYPE (ScScorecardPage, sc_scorecard_page, SC, SCORECARD_PAGE, GtkWidget)

GtkWidget  *sc_scorecard_page_new            (void);
void        sc_scorecard_page_show           (ScScorecardPage       *self,
                                              ScScorer              *scorer,
                                              ScPartner             *partner,
                                              const ScPartnerResult *result,
                                              const ScRollup        *rollup);
ScKpiTable *sc_scorecard_page_get_kpi_table  (ScScorecardPage       *self);
const char *sc_scorecard_page_get_title      (ScScorecardPage       *self);
const char *sc_scorecard_page_get_standing_text (ScScorecardPage *self);
GtkFlowBox *sc_scorecard_page_get_chart_grid (ScScorecardPage       *self);
void        sc_scorecard_page_set_undo_stack (ScScorecardPage       *self,
                                              ScUndoStack           *undo_stack);

G_END_DECLS
