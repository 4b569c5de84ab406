/* sc-period.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ScGranularity:
 * @SC_GRANULARITY_MONTH: calendar months (the default)
 * @SC_GRANULARITY_QUARTER: calendar quarters
 * @SC_GRANULARITY_WEEK: ISO 8601 weeks
 *
 * The kind of period a workbook's series are stored in.
 */
typedef enum
{
  SC_GRANULARITY_MONTH,
  SC_GRANULARITY_QUARTER,
  SC_GRANULARITY_WEEK,
} ScGranularity;

/* A period is an index in its granularity: months since year 0
 * (year * 12 + month - 1), quarters since year 0 (year * 4 + quarter - 1),
 * or ISO weeks counted from the Monday 0001-01-01.
 */
typedef gint32 ScPeriod;

#define SC_PERIOD_NONE G_MININT32

const char    *sc_granularity_to_string   (ScGranularity  granularity);
gboolean       sc_granularity_from_string (const char    *str,
                                           ScGranularity *granularity);

gboolean       sc_period_parse            (ScGranularity  granularity,
                                           const char    *str,
                                           ScPeriod      *period);
gboolean       sc_period_parse_any        (const char    *str,
                                           ScGranularity *granularity,
                                           ScPeriod      *period);
char          *sc_period_to_string        (ScGranularity  granularity,
                                           ScPeriod       period);
char          *sc_period_to_label         (ScGranularity  granularity,
                                           ScPeriod       period);
ScPeriod       sc_period_from_ymd         (ScGranularity  granularity,
                                           int            year,
                                           int            month,
                                           int            day);
int            sc_period_get_year         (ScGranularity  granularity,
                                           ScPeriod       period);

G_END_DECLS
