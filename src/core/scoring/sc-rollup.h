/* sc-rollup.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-kpi.h"
#include "sc-period.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

/**
 * ScRollupKind:
 * @SC_ROLLUP_PERIOD: the single stored period (a month in a monthly workbook)
 * @SC_ROLLUP_QUARTER: the calendar quarter that contains the period
 * @SC_ROLLUP_YEAR: the calendar year that contains the period
 * @SC_ROLLUP_YTD: from the start of the period's year up to the period
 * @SC_ROLLUP_ROLLING_12: the twelve months (four quarters, 52 weeks) up to the period
 *
 * How a view combines stored periods.
 */
typedef enum
{
  SC_ROLLUP_PERIOD,
  SC_ROLLUP_QUARTER,
  SC_ROLLUP_YEAR,
  SC_ROLLUP_YTD,
  SC_ROLLUP_ROLLING_12,
} ScRollupKind;

/* A view: a kind of roll-up anchored at a stored period. */
typedef struct
{
  ScRollupKind kind;
  ScPeriod     anchor;
} ScRollup;

void         sc_rollup_get_range         (const ScRollup *rollup,
                                          ScGranularity   granularity,
                                          ScPeriod       *first,
                                          ScPeriod       *last);
ScRollup     sc_rollup_previous          (const ScRollup *rollup,
                                          ScGranularity   granularity);
gboolean     sc_rollup_parse             (const char     *str,
                                          ScGranularity   granularity,
                                          ScRollup       *rollup);
char        *sc_rollup_to_string         (const ScRollup *rollup,
                                          ScGranularity   granularity);
char        *sc_rollup_to_label          (const ScRollup *rollup,
                                          ScGranularity   granularity);
const char  *sc_rollup_kind_to_string    (ScRollupKind    kind);
gboolean     sc_rollup_kind_from_string  (const char     *str,
                                          ScRollupKind   *kind);

double       sc_aggregate                (ScAggregation   aggregation,
                                          double          ratio_scale,
                                          const double   *values,
                                          const double   *numerator,
                                          const double   *denominator,
                                          guint           n,
                                          guint          *n_present);
double       sc_series_aggregate         (const ScSeries *series,
                                          ScAggregation   aggregation,
                                          double          ratio_scale,
                                          guint           i0,
                                          guint           n,
                                          guint          *n_present);

G_END_DECLS
