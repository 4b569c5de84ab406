/* sc-scored-then-view.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-scorer.h"

G_BEGIN_DECLS

#define SC_TYPE_SCORED_THEN_VIEW (sc_scored_then_view_get_type())

G_DECLARE_FINAL_TYPE (ScScoredThenView, sc_scored_then_view, SC, SCORED_THEN_VIEW, GtkWidget)

GtkWidget  *sc_scored_then_view_new           (void);
void        sc_scored_then_view_show          (ScScoredThenView *self,
                                               ScScorer         *scorer,
                                               ScPartner        *partner);
guint       sc_scored_then_view_get_n_rows    (ScScoredThenView *self);
const char *sc_scored_then_view_get_cell_text (ScScoredThenView *self,
                                               guint             row,
                                               guint             column);

G_END_DECLS
