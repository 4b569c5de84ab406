/* sc-score.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scoring: each KPI value against its target and thresholds, a partner's
 * weighted overall score, grade, change, trend and rank. docs/scoring.md
 * states every formula.
 */

#define G_LOG_DOMAIN "sc-score"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sc-score.h"

/* Trend classification: a slope of the overall score beyond this many
 * points per period is improving or declining.
 */
#define TREND_THRESHOLD 0.5

/* How far @value is on the wrong side of the target, as a distance that
 * grows as it gets worse; 0 or less is on target. Thresholds are turned
 * into the same distances so the three directions share one rule.
 */
static void
badness (ScKpi  *kpi,
         double  target,
         double  value,
         double *distance,
         double *warning,
         double *critical)
{
  switch (sc_kpi_get_direction (kpi))
    {
    case SC_DIRECTION_LOWER:
      *distance = value - target;
      *warning = sc_kpi_get_warning (kpi) - target;
      *critical = sc_kpi_get_critical (kpi) - target;
      break;

    case SC_DIRECTION_BAND:
      {
        double upper = sc_kpi_get_target_max (kpi);

        if (isnan (upper))
          upper = target;
        *distance = value < target ? target - value : value > upper ? value - upper : 0;
        *warning = sc_kpi_get_warning (kpi);
        *critical = sc_kpi_get_critical (kpi);
      }
      break;

    case SC_DIRECTION_HIGHER:
    default:
      *distance = target - value;
      *warning = target - sc_kpi_get_warning (kpi);
      *critical = target - sc_kpi_get_critical (kpi);
      break;
    }
}

/* Green at or better than the target, amber up to the warning threshold,
 * red beyond it.
 */
ScStatus
sc_score_status (ScKpi  *kpi,
                 double  target,
                 double  value)
{
  double distance, warning, critical;

  g_return_val_if_fail (SC_IS_KPI (kpi), SC_STATUS_NO_DATA);

  if (isnan (value))
    return SC_STATUS_NO_DATA;

  badness (kpi, target, value, &distance, &warning, &critical);
  if (distance <= 0)
    return SC_STATUS_GREEN;
  if (distance <= warning)
    return SC_STATUS_AMBER;
  return SC_STATUS_RED;
}

/* 100 at or better than the target, 0 at or beyond the critical threshold,
 * linear in between.
 */
double
sc_score_value (ScKpi  *kpi,
                double  target,
                double  value)
{
  double distance, warning, critical;

  g_return_val_if_fail (SC_IS_KPI (kpi), NAN);

  if (isnan (value))
    return NAN;

  badness (kpi, target, value, &distance, &warning, &critical);
  if (distance <= 0)
    return 100;
  if (critical <= 0 || distance >= critical)
    return 0;
  return 100 * (1 - distance / critical);
}

static void
kpi_target_weight (ScPartner *partner,
                   ScKpi     *kpi,
                   double    *target,
                   double    *weight)
{
  double t, w;

  sc_partner_get_override (partner, sc_kpi_get_id (kpi), &t, &w);
  *target = isnan (t) ? sc_kpi_get_target (kpi) : t;
  *weight = isnan (w) ? sc_kpi_get_weight (kpi) : w;
}

static double
series_value (ScWorkbook     *book,
              const ScSeries *series,
              ScPeriod        period)
{
  gint64 index = (gint64) period - sc_workbook_get_first_period (book);

  if (index < 0 || index >= sc_workbook_get_n_periods (book))
    return NAN;
  return series->values[index];
}

/* Fills @results with one entry per series of @partner; returns the overall
 * score (NaN when no KPI with a weight has data).
 */
static double
score_kpis (ScWorkbook *book,
            ScPartner  *partner,
            ScPeriod    period,
            GArray     *results)
{
  g_autoptr(GPtrArray) list = sc_workbook_dup_partner_series (book, partner);
  double sum = 0, weights = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      const ScSeries *series = g_ptr_array_index (list, i);
      ScKpiResult r = { series->kpi };

      kpi_target_weight (partner, series->kpi, &r.target, &r.weight);
      r.value = series_value (book, series, period);
      r.previous = series_value (book, series, period - 1);
      r.status = sc_score_status (series->kpi, r.target, r.value);
      r.score = sc_score_value (series->kpi, r.target, r.value);

      if (!isnan (r.score))
        {
          any = TRUE;
          sum += r.weight * r.score;
          weights += r.weight;
        }
      if (results)
        g_array_append_val (results, r);
    }

  if (!any)
    return NAN;
  if (weights <= 0)
    return NAN;
  return sum / weights;
}

double
sc_score_partner_period (ScWorkbook *book,
                         ScPartner  *partner,
                         ScPeriod    period)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (book), NAN);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NAN);

  return score_kpis (book, partner, period, NULL);
}

/* Ordinary least squares slope of the non-missing @values against their
 * index; NaN when fewer than two values are present.
 */
double
sc_least_squares_slope (const double *values,
                        guint         n)
{
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  guint count = 0;
  double denominator;

  for (guint i = 0; i < n; i++)
    {
      if (isnan (values[i]))
        continue;
      sx += i;
      sy += values[i];
      sxx += (double) i * i;
      sxy += i * values[i];
      count++;
    }

  if (count < 2)
    return NAN;

  denominator = count * sxx - sx * sx;
  if (denominator == 0)
    return NAN;

  return (count * sxy - sx * sy) / denominator;
}

ScPartnerResult *
sc_score_partner (ScWorkbook *book,
                  ScPartner  *partner,
                  ScPeriod    period)
{
  ScPartnerResult *result;
  guint n_trend;
  g_autofree double *history = NULL;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);

  result = g_new0 (ScPartnerResult, 1);
  result->partner = g_object_ref (partner);
  result->period = period;
  result->kpis = g_array_new (FALSE, TRUE, sizeof (ScKpiResult));
  result->score = score_kpis (book, partner, period, result->kpis);
  result->grade = sc_workbook_grade_for_score (book, result->score);
  result->change = result->score - score_kpis (book, partner, period - 1, NULL);

  n_trend = sc_workbook_get_trend_periods (book);
  history = g_new (double, n_trend);
  for (guint i = 0; i < n_trend; i++)
    history[i] = score_kpis (book, partner, period - (ScPeriod) (n_trend - 1 - i), NULL);
  result->slope = sc_least_squares_slope (history, n_trend);

  if (isnan (result->slope))
    result->trend = SC_TREND_NONE;
  else if (result->slope > TREND_THRESHOLD)
    result->trend = SC_TREND_IMPROVING;
  else if (result->slope < -TREND_THRESHOLD)
    result->trend = SC_TREND_DECLINING;
  else
    result->trend = SC_TREND_STABLE;

  return result;
}

void
sc_partner_result_free (ScPartnerResult *result)
{
  if (result == NULL)
    return;

  g_clear_object (&result->partner);
  g_clear_pointer (&result->kpis, g_array_unref);
  g_free (result);
}

/* Ranks by score within each partner type: 1 for the best, equal scores
 * share a rank and the next rank skips ("1, 2, 2, 4"); no data is unranked.
 */
static void
rank_results (GPtrArray *results)
{
  for (guint i = 0; i < results->len; i++)
    {
      ScPartnerResult *a = g_ptr_array_index (results, i);
      ScPartnerType type = sc_partner_get_partner_type (a->partner);
      guint better = 0;

      if (isnan (a->score))
        continue;

      for (guint j = 0; j < results->len; j++)
        {
          ScPartnerResult *b = g_ptr_array_index (results, j);

          if (sc_partner_get_partner_type (b->partner) == type && !isnan (b->score) &&
              b->score > a->score)
            better++;
        }
      a->rank = better + 1;
    }
}

/* Scores every partner of @book in @period, in the workbook's order. */
GPtrArray *
sc_score_all (ScWorkbook *book,
              ScPeriod    period)
{
  GListModel *partners;
  GPtrArray *results;
  guint n;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  partners = sc_workbook_get_partners (book);
  n = g_list_model_get_n_items (partners);
  results = g_ptr_array_new_full (n, (GDestroyNotify) sc_partner_result_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_ptr_array_add (results, sc_score_partner (book, partner, period));
    }

  rank_results (results);
  return results;
}

const char *
sc_status_to_string (ScStatus status)
{
  switch (status)
    {
    case SC_STATUS_GREEN: return "green";
    case SC_STATUS_AMBER: return "amber";
    case SC_STATUS_RED: return "red";
    case SC_STATUS_NO_DATA:
    default: return "no-data";
    }
}

const char *
sc_status_get_label (ScStatus status)
{
  switch (status)
    {
    case SC_STATUS_GREEN: return _("On target");
    case SC_STATUS_AMBER: return _("Warning");
    case SC_STATUS_RED: return _("Critical");
    case SC_STATUS_NO_DATA:
    default: return _("No data");
    }
}

const char *
sc_trend_to_string (ScTrend trend)
{
  switch (trend)
    {
    case SC_TREND_IMPROVING: return "improving";
    case SC_TREND_STABLE: return "stable";
    case SC_TREND_DECLINING: return "declining";
    case SC_TREND_NONE:
    default: return "none";
    }
}

const char *
sc_trend_get_label (ScTrend trend)
{
  switch (trend)
    {
    case SC_TREND_IMPROVING: return _("Improving");
    case SC_TREND_STABLE: return _("Stable");
    case SC_TREND_DECLINING: return _("Declining");
    case SC_TREND_NONE:
    default: return _("No trend");
    }
}
