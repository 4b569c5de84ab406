/* sc-rollup.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Roll-ups: which stored periods a view (quarter, year, year-to-date,
 * rolling 12 months) covers, and how a KPI's values combine over them —
 * by its own aggregation, a ratio KPI as a ratio of sums.
 */

#define G_LOG_DOMAIN "sc-rollup"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-i18n.h"
#include "sc-rollup.h"

/* Stored periods per quarter and per year: weeks are approximated by 13 and
 * 52, which is what managers mean by a "quarter" of weekly data.
 */
static int
periods_per_quarter (ScGranularity granularity)
{
  switch (granularity)
    {
    case SC_GRANULARITY_QUARTER: return 1;
    case SC_GRANULARITY_WEEK: return 13;
    case SC_GRANULARITY_MONTH:
    default: return 3;
    }
}

static int
periods_per_year (ScGranularity granularity)
{
  return periods_per_quarter (granularity) * 4;
}

/* First stored period of the calendar year that holds @period. */
static ScPeriod
year_start (ScGranularity granularity,
            ScPeriod      period)
{
  int year = sc_period_get_year (granularity, period);

  if (granularity == SC_GRANULARITY_WEEK)
    {
      ScPeriod p;

      /* Week 1 of the ISO year */
      g_autofree char *str = g_strdup_printf ("%04d-W01", year);
      if (sc_period_parse (granularity, str, &p))
        return p;
      return period;
    }

  return year * periods_per_year (granularity);
}

/* The stored periods @first … @last (inclusive) that @rollup covers. */
void
sc_rollup_get_range (const ScRollup *rollup,
                     ScGranularity   granularity,
                     ScPeriod       *first,
                     ScPeriod       *last)
{
  ScPeriod p = rollup->anchor;
  int per_quarter = periods_per_quarter (granularity);

  switch (rollup->kind)
    {
    case SC_ROLLUP_QUARTER:
      if (granularity == SC_GRANULARITY_WEEK)
        {
          ScPeriod start = year_start (granularity, p);
          int q = MIN ((p - start) / per_quarter, 3);

          *first = start + q * per_quarter;
          *last = *first + per_quarter - 1;
        }
      else
        {
          *first = p - (p % per_quarter);
          *last = *first + per_quarter - 1;
        }
      break;

    case SC_ROLLUP_YEAR:
      *first = year_start (granularity, p);
      *last = granularity == SC_GRANULARITY_WEEK
        ? year_start (granularity, p + 53) - 1
        : *first + periods_per_year (granularity) - 1;
      if (granularity == SC_GRANULARITY_WEEK && *last < p)
        *last = p;
      break;

    case SC_ROLLUP_YTD:
      *first = year_start (granularity, p);
      *last = p;
      break;

    case SC_ROLLUP_ROLLING_12:
      *first = p - periods_per_year (granularity) + 1;
      *last = p;
      break;

    case SC_ROLLUP_PERIOD:
    default:
      *first = *last = p;
      break;
    }
}

/* The view a change is measured against: the quarter or year before, and
 * for the period, year-to-date and rolling views the one a period earlier.
 */
ScRollup
sc_rollup_previous (const ScRollup *rollup,
                    ScGranularity   granularity)
{
  ScRollup previous = *rollup;
  ScPeriod first, last;

  switch (rollup->kind)
    {
    case SC_ROLLUP_QUARTER:
    case SC_ROLLUP_YEAR:
      sc_rollup_get_range (rollup, granularity, &first, &last);
      previous.anchor = first - 1;
      break;

    case SC_ROLLUP_PERIOD:
    case SC_ROLLUP_YTD:
    case SC_ROLLUP_ROLLING_12:
    default:
      previous.anchor = rollup->anchor - 1;
      break;
    }

  return previous;
}

const char *
sc_rollup_kind_to_string (ScRollupKind kind)
{
  switch (kind)
    {
    case SC_ROLLUP_QUARTER: return "quarter";
    case SC_ROLLUP_YEAR: return "year";
    case SC_ROLLUP_YTD: return "ytd";
    case SC_ROLLUP_ROLLING_12: return "r12";
    case SC_ROLLUP_PERIOD:
    default: return "period";
    }
}

gboolean
sc_rollup_kind_from_string (const char   *str,
                            ScRollupKind *kind)
{
  for (guint i = SC_ROLLUP_PERIOD; i <= SC_ROLLUP_ROLLING_12; i++)
    {
      if (g_ascii_strcasecmp (str, sc_rollup_kind_to_string (i)) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  if (g_ascii_strcasecmp (str, "month") == 0)
    {
      *kind = SC_ROLLUP_PERIOD;
      return TRUE;
    }
  return FALSE;
}

/* Parses a view as the command line takes it:
 *   2025-03       the stored period        2025-Q1   a quarter
 *   2025          a year                   2025-03/ytd, 2025-03/r12
 */
gboolean
sc_rollup_parse (const char    *str,
                 ScGranularity  granularity,
                 ScRollup      *rollup)
{
  g_auto(GStrv) parts = NULL;
  ScPeriod period;

  if (str == NULL || *str == '\0')
    return FALSE;

  parts = g_strsplit (str, "/", 2);
  if (parts[1] != NULL)
    {
      if (!sc_rollup_kind_from_string (parts[1], &rollup->kind))
        return FALSE;
      if (!sc_period_parse (granularity, parts[0], &rollup->anchor))
        return FALSE;
      return TRUE;
    }

  if (sc_period_parse (granularity, str, &period))
    {
      rollup->kind = SC_ROLLUP_PERIOD;
      rollup->anchor = period;
      return TRUE;
    }
  if (granularity == SC_GRANULARITY_MONTH && sc_period_parse (SC_GRANULARITY_QUARTER, str, &period))
    {
      rollup->kind = SC_ROLLUP_QUARTER;
      rollup->anchor = period * 3 + 2;
      return TRUE;
    }
  if (strlen (str) == 4 && g_ascii_isdigit (str[0]) && g_ascii_isdigit (str[3]))
    {
      int year = atoi (str);
      g_autofree char *first = g_strdup_printf (granularity == SC_GRANULARITY_QUARTER ? "%04d-Q1" :
                                                granularity == SC_GRANULARITY_WEEK ? "%04d-W01" :
                                                "%04d-01", year);

      if (year < 1000 || !sc_period_parse (granularity, first, &period))
        return FALSE;
      rollup->kind = SC_ROLLUP_YEAR;
      rollup->anchor = period;
      return TRUE;
    }

  return FALSE;
}

char *
sc_rollup_to_string (const ScRollup *rollup,
                     ScGranularity   granularity)
{
  g_autofree char *anchor = sc_period_to_string (granularity, rollup->anchor);

  if (rollup->kind == SC_ROLLUP_PERIOD)
    return g_steal_pointer (&anchor);
  return g_strdup_printf ("%s/%s", anchor, sc_rollup_kind_to_string (rollup->kind));
}

/* "Mar 2025", "Q1 2025", "2025", "YTD Mar 2025", "12 months to Mar 2025". */
char *
sc_rollup_to_label (const ScRollup *rollup,
                    ScGranularity   granularity)
{
  g_autofree char *anchor = sc_period_to_label (granularity, rollup->anchor);
  int year = sc_period_get_year (granularity, rollup->anchor);

  switch (rollup->kind)
    {
    case SC_ROLLUP_QUARTER:
      {
        ScPeriod first, last;

        sc_rollup_get_range (rollup, granularity, &first, &last);
        if (granularity == SC_GRANULARITY_MONTH)
          return sc_period_to_label (SC_GRANULARITY_QUARTER, first / 3);
        return g_strdup_printf (_("Quarter to %s"), anchor);
      }
    case SC_ROLLUP_YEAR:
      return g_strdup_printf ("%d", year);
    case SC_ROLLUP_YTD:
      /* Translators: year to date, e.g. "YTD Mar 2025" */
      return g_strdup_printf (_("YTD %s"), anchor);
    case SC_ROLLUP_ROLLING_12:
      /* Translators: the rolling twelve months up to a month */
      return g_strdup_printf (_("12 months to %s"), anchor);
    case SC_ROLLUP_PERIOD:
    default:
      return g_steal_pointer (&anchor);
    }
}

/* Combines @n values by @aggregation, skipping missing ones; @n_present
 * returns how many periods had data. No data at all gives NaN, never 0.
 * A ratio uses the numerators and denominators when both are there
 * (Σ numerator / Σ denominator × scale) and falls back to the mean of the
 * values otherwise.
 */
double
sc_aggregate (ScAggregation  aggregation,
              double         ratio_scale,
              const double  *values,
              const double  *numerator,
              const double  *denominator,
              guint          n,
              guint         *n_present)
{
  double sum = 0, num = 0, den = 0, last = NAN;
  guint count = 0, ratio_count = 0;

  for (guint i = 0; i < n; i++)
    {
      if (numerator && denominator && !isnan (numerator[i]) && !isnan (denominator[i]))
        {
          num += numerator[i];
          den += denominator[i];
          ratio_count++;
        }
      if (isnan (values[i]))
        continue;
      sum += values[i];
      last = values[i];
      count++;
    }

  if (n_present)
    *n_present = MAX (count, ratio_count);

  if (aggregation == SC_AGGREGATION_RATIO && ratio_count > 0)
    return den != 0 ? num / den * ratio_scale : NAN;
  if (count == 0)
    return NAN;

  switch (aggregation)
    {
    case SC_AGGREGATION_SUM: return sum;
    case SC_AGGREGATION_LAST: return last;
    case SC_AGGREGATION_MEAN:
    case SC_AGGREGATION_RATIO:
    default: return sum / count;
    }
}

/* The formula of a recipe over the combined parts of the periods
 * [i0, i0 + n): exactly the formula over all their rows. FALSE when a
 * period's value was edited by hand (a value without parts): then the
 * parts no longer describe the values.
 */
static gboolean
aggregate_parts (const ScSeries *series,
                 guint           i0,
                 guint           n,
                 double         *value,
                 guint          *n_present)
{
  double combined[SC_FORMULA_MAX_PARTS + 1];
  double period[SC_FORMULA_MAX_PARTS + 1];
  guint n_parts = series->n_parts - 1;
  guint present = 0;

  sc_formula_init_parts (series->formula, combined);
  for (guint i = i0; i < i0 + n; i++)
    {
      if (isnan (series->parts[0][i]))
        {
          if (!isnan (series->values[i]))
            return FALSE;
          continue;
        }
      for (guint k = 0; k < n_parts; k++)
        period[k] = series->parts[1 + k][i];
      sc_formula_combine_parts (series->formula, combined, period);
      present++;
    }

  *n_present = present;
  *value = present > 0 ? sc_formula_finish (series->formula, combined) : NAN;
  return TRUE;
}

/* The value of @series over the stored periods [i0, i0 + n), both within
 * the workbook's range: a recipe's formula over the combined parts where
 * the series has them, the KPI's @aggregation otherwise.
 */
double
sc_series_aggregate (const ScSeries *series,
                     ScAggregation   aggregation,
                     double          ratio_scale,
                     guint           i0,
                     guint           n,
                     guint          *n_present)
{
  double value;

  if (series->formula != NULL && n > 1 && aggregate_parts (series, i0, n, &value, n_present))
    return value;

  return sc_aggregate (aggregation, ratio_scale, series->values + i0,
                       series->numerator ? series->numerator + i0 : NULL,
                       series->denominator ? series->denominator + i0 : NULL,
                       n, n_present);
}
