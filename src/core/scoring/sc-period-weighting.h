/* sc-period-weighting.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ScWeightingMode:
 * @SC_WEIGHTING_LATEST: the latest period only (the default)
 * @SC_WEIGHTING_EQUAL: the last N periods, equal weights
 * @SC_WEIGHTING_LINEAR: the last N periods, weights N, N − 1, … 1
 * @SC_WEIGHTING_EXPONENTIAL: the last N periods, weights halving every
 *   half-life periods
 */
typedef enum
{
  SC_WEIGHTING_LATEST,
  SC_WEIGHTING_EQUAL,
  SC_WEIGHTING_LINEAR,
  SC_WEIGHTING_EXPONENTIAL,
} ScWeightingMode;

#define SC_WEIGHTING_MAX_PERIODS 60

/* How the overall score combines the overall scores of the last
 * n_periods views (docs/scoring.md, "A score over several periods").
 */
typedef struct
{
  ScWeightingMode mode;
  guint           n_periods;   /* 1 for latest, 2 … 60 otherwise */
  double          half_life;   /* periods, exponential only; > 0 */
} ScPeriodWeighting;

#define SC_PERIOD_WEIGHTING_LATEST ((ScPeriodWeighting) { SC_WEIGHTING_LATEST, 1, 0 })

gboolean     sc_period_weighting_is_latest   (const ScPeriodWeighting *w);
gboolean     sc_period_weighting_equal       (const ScPeriodWeighting *a,
                                              const ScPeriodWeighting *b);
gboolean     sc_period_weighting_validate    (const ScPeriodWeighting *w,
                                              GError                 **error);
void         sc_period_weighting_get_weights (const ScPeriodWeighting *w,
                                              double                  *weights);
double       sc_period_weighting_combine     (const ScPeriodWeighting *w,
                                              const double            *weights,
                                              const double            *scores);
char        *sc_period_weighting_to_string   (const ScPeriodWeighting *w);
gboolean     sc_period_weighting_parse       (const char              *str,
                                              ScPeriodWeighting       *out,
                                              GError                 **error);
char        *sc_period_weighting_describe    (const ScPeriodWeighting *w);
const char  *sc_weighting_mode_to_string     (ScWeightingMode          mode);
gboolean     sc_weighting_mode_from_string   (const char              *str,
                                              ScWeightingMode         *mode);

G_END_DECLS
