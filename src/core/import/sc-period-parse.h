/* sc-period-parse.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-period.h"

G_BEGIN_DECLS

/**
 * ScDateOrder:
 * @SC_DATE_ORDER_UNKNOWN: nothing seen yet decides between the two readings
 * @SC_DATE_ORDER_DMY: day before month, as in 17/03/2025
 * @SC_DATE_ORDER_MDY: month before day, as in 3/17/2025
 *
 * How a file writes slashed dates.
 */
typedef enum
{
  SC_DATE_ORDER_UNKNOWN,
  SC_DATE_ORDER_DMY,
  SC_DATE_ORDER_MDY,
} ScDateOrder;

/**
 * ScLoosePeriodKind:
 * @SC_LOOSE_PERIOD_MONTH: a month (2025-03, 03/2025, März 2025, …)
 * @SC_LOOSE_PERIOD_DATE: a day (2025-03-17, 17.03.2025, …), bucketed later
 * @SC_LOOSE_PERIOD_QUARTER: a quarter (2025-Q1, Q1 2025)
 * @SC_LOOSE_PERIOD_WEEK: an ISO week (2025-W12, KW12 2025)
 */
typedef enum
{
  SC_LOOSE_PERIOD_MONTH,
  SC_LOOSE_PERIOD_DATE,
  SC_LOOSE_PERIOD_QUARTER,
  SC_LOOSE_PERIOD_WEEK,
} ScLoosePeriodKind;

/**
 * ScLoosePeriodStatus:
 * @SC_LOOSE_PERIOD_OK: read
 * @SC_LOOSE_PERIOD_UNREADABLE: not a period in any form Scorecards knows
 * @SC_LOOSE_PERIOD_IMPOSSIBLE: a known form, but no such month, day, week or quarter
 * @SC_LOOSE_PERIOD_AMBIGUOUS: a slashed date both day-first and month-first readings fit
 */
typedef enum
{
  SC_LOOSE_PERIOD_OK,
  SC_LOOSE_PERIOD_UNREADABLE,
  SC_LOOSE_PERIOD_IMPOSSIBLE,
  SC_LOOSE_PERIOD_AMBIGUOUS,
} ScLoosePeriodStatus;

/* A period as a spreadsheet wrote it, before it is bucketed to the
 * workbook's granularity. @implied_order tells what a slashed date proves
 * about the file's date order (a day above 12 decides it).
 */
typedef struct
{
  ScLoosePeriodKind kind;
  int               year;
  int               month;    /* 1–12 for MONTH and DATE */
  int               day;      /* 1–31 for DATE */
  int               quarter;  /* 1–4 for QUARTER */
  int               week;     /* 1–53 for WEEK */
  ScDateOrder       implied_order;
} ScLoosePeriod;

ScLoosePeriodStatus sc_loose_period_parse     (const char          *str,
                                               ScDateOrder          order,
                                               ScLoosePeriod       *out);
gboolean            sc_loose_period_to_period (const ScLoosePeriod *loose,
                                               ScGranularity        granularity,
                                               ScPeriod            *period);

G_END_DECLS
