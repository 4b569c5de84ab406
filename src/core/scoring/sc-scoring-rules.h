/* sc-scoring-rules.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-workbook.h"

G_BEGIN_DECLS

typedef struct _ScScoringRules ScScoringRules;

#define SC_TYPE_SCORING_RULES (sc_scoring_rules_get_type ())

GType           sc_scoring_rules_get_type          (void) G_GNUC_CONST;
ScScoringRules *sc_scoring_rules_new               (ScWorkbook              *book);
ScScoringRules *sc_scoring_rules_ref               (ScScoringRules          *self);
void            sc_scoring_rules_unref             (ScScoringRules          *self);
ScWorkbook     *sc_scoring_rules_get_workbook      (ScScoringRules          *self);
gboolean        sc_scoring_rules_is_empty          (ScScoringRules          *self);
void            sc_scoring_rules_clear             (ScScoringRules          *self);

ScKpi          *sc_scoring_rules_get_kpi           (ScScoringRules          *self,
                                                    ScKpi                   *kpi);
ScKpi          *sc_scoring_rules_edit_kpi          (ScScoringRules          *self,
                                                    ScKpi                   *kpi);
GPtrArray      *sc_scoring_rules_dup_edited_kpis   (ScScoringRules          *self);

gboolean        sc_scoring_rules_has_grade_bands   (ScScoringRules          *self);
guint           sc_scoring_rules_get_n_grade_bands (ScScoringRules          *self);
const ScGradeBand *sc_scoring_rules_get_grade_band (ScScoringRules          *self,
                                                    guint                    position);
void            sc_scoring_rules_set_grade_bands   (ScScoringRules          *self,
                                                    const ScGradeBand       *bands,
                                                    guint                    n_bands);
const char     *sc_scoring_rules_grade_for_score   (ScScoringRules          *self,
                                                    double                   score);
const ScGradeBand *sc_scoring_rules_standing_for_score (ScScoringRules   *self,
                                                    double            score);

gboolean        sc_scoring_rules_has_period_weighting (ScScoringRules       *self);
const ScPeriodWeighting *sc_scoring_rules_get_period_weighting (ScScoringRules *self);
void            sc_scoring_rules_set_period_weighting (ScScoringRules       *self,
                                                    const ScPeriodWeighting *weighting);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScScoringRules, sc_scoring_rules_unref)

G_END_DECLS
