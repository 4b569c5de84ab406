/* sc-score-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one rule that turns a value into a status and a score, shared by the
 * public helpers of sc-score.c and the engine of sc-scorer.c.
 */

#pragma once

#include "sc-score.h"

G_BEGIN_DECLS

typedef struct
{
  ScDirection   direction;
  ScAggregation aggregation;
  double        target;
  double        target_max;
  double        warning;
  double        critical;
} ScThresholds;

void sc_thresholds_init_from_kpi (ScThresholds       *t,
                                  ScKpi              *kpi,
                                  double              target);
void sc_thresholds_score         (const ScThresholds *t,
                                  double              value,
                                  double              n_periods,
                                  ScStatus           *status,
                                  double             *score);

G_END_DECLS
