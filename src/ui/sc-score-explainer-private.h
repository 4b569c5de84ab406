/* sc-score-explainer-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests read: the rows in the order shown, and their text.
 */

#pragma once

#include "sc-score-explainer.h"

G_BEGIN_DECLS

/* One KPI as the explainer shows it. */
typedef struct
{
  ScKpi    *kpi;
  double    value;
  ScStatus  status;
  double    score;
  double    weight;
  double    share;         /* 0–1 of the counted weight */
  double    contribution;  /* share × score */
  double    lost;          /* share × (100 − score) */
  guint     position;      /* in the workbook's KPI order */
  gboolean  counted;       /* has data and a weight above 0 */
} ScExplainerRow;

guint                 sc_score_explainer_get_n_rows    (ScScoreExplainer *self);
const ScExplainerRow *sc_score_explainer_get_row       (ScScoreExplainer *self,
                                                        guint             position);
const char           *sc_score_explainer_get_cell_text (ScScoreExplainer *self,
                                                        guint             position,
                                                        guint             column);

G_END_DECLS
