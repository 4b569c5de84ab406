/* sc-score-explainer.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-score.h"

G_BEGIN_DECLS

#define SC_TYPE_SCORE_EXPLAINER (sc_score_explainer_get_type())

G_DECLARE_FINAL_TYPE (ScScoreExplainer, sc_score_explainer, SC, SCORE_EXPLAINER, GtkWidget)

GtkWidget *sc_score_explainer_new        (void);
void       sc_score_explainer_set_result (ScScoreExplainer      *self,
                                          const ScPartnerResult *result);

G_END_DECLS
