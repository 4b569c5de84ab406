/* sc-scorer.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-score.h"
#include "sc-scoring-rules.h"

G_BEGIN_DECLS

#define SC_TYPE_SCORER (sc_scorer_get_type())

G_DECLARE_FINAL_TYPE (ScScorer, sc_scorer, SC, SCORER, GObject)

ScScorer        *sc_scorer_new            (ScWorkbook      *book);
ScWorkbook      *sc_scorer_get_workbook   (ScScorer        *self);

/* A score over several periods and what-ifs (weighting branch) */
ScScorer        *sc_scorer_new_with_rules (ScWorkbook      *book,
                                           ScScoringRules  *rules);
void             sc_scorer_rules_changed  (ScScorer        *self);
const ScPeriodWeighting *sc_scorer_get_period_weighting (ScScorer *self);
const char      *sc_scorer_grade_for_score (ScScorer       *self,
                                           double           score);
double           sc_scorer_view_score     (ScScorer        *self,
                                           ScPartner       *partner,
                                           const ScRollup  *rollup);
void             sc_scorer_rank_all       (ScScorer        *self,
                                           const ScRollup  *rollup,
                                           double          *scores,
                                           guint           *ranks);

ScPartnerResult *sc_scorer_score_partner  (ScScorer        *self,
                                           ScPartner       *partner,
                                           const ScRollup  *rollup);
void             sc_scorer_summarize      (ScScorer        *self,
                                           ScPartner       *partner,
                                           const ScRollup  *rollup,
                                           gboolean         with_trend,
                                           ScPartnerSummary *summary);
GPtrArray       *sc_scorer_score_all      (ScScorer        *self,
                                           const ScRollup  *rollup);
double           sc_scorer_overall        (ScScorer        *self,
                                           ScPartner       *partner,
                                           const ScRollup  *rollup);
void             sc_scorer_overall_history (ScScorer       *self,
                                           ScPartner       *partner,
                                           ScRollupKind     kind,
                                           double          *scores);
double           sc_scorer_category_mean  (ScScorer        *self,
                                           ScPartnerType    type,
                                           const ScRollup  *rollup,
                                           const char      *category);
void             sc_scorer_invalidate     (ScScorer        *self,
                                           ScPartner       *partner);

G_END_DECLS
