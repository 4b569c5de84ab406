/* sc-score.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scoring rules: a KPI value against its target and thresholds, the
 * least-squares slope, and one-shot helpers over ScScorer (sc-scorer.c),
 * which does the work. docs/scoring.md states every formula.
 */

#define G_LOG_DOMAIN "sc-score"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"
#include "sc-score-private.h"
#include "sc-scorer.h"

void
sc_thresholds_init_from_kpi (ScThresholds *t,
                             ScKpi        *kpi,
                             double        target)
{
  t->direction = sc_kpi_get_direction (kpi);
  t->aggregation = sc_kpi_get_aggregation (kpi);
  t->target = target;
  t->target_max = sc_kpi_get_target_max (kpi);
  t->warning = sc_kpi_get_warning (kpi);
  t->critical = sc_kpi_get_critical (kpi);
}

/* The rule of docs/scoring.md. The value is turned into a distance d on
 * the wrong side of the target, the thresholds into distances w and c:
 * green when d ≤ 0, amber when d ≤ w, red beyond; the score is 100 at the
 * target, 0 at the critical threshold, linear in between. @n_periods
 * scales the thresholds of a sum over several periods (a monthly target of
 * one complaint is three for a quarter). Without a target there is no
 * status and no score; an unset warning threshold leaves no amber band,
 * and an unset critical one puts the score's 0 at the warning threshold
 * (at the target when both are unset).
 */
void
sc_thresholds_score (const ScThresholds *t,
                     double              value,
                     double              n_periods,
                     ScStatus           *status,
                     double             *score)
{
  double n = t->aggregation == SC_AGGREGATION_SUM ? MAX (n_periods, 1) : 1;
  double target = t->target * n, d, w, c;

  if (isnan (value))
    {
      *status = SC_STATUS_NO_DATA;
      *score = NAN;
      return;
    }
  if (isnan (target))
    {
      *status = SC_STATUS_NO_TARGET;
      *score = NAN;
      return;
    }

  switch (t->direction)
    {
    case SC_DIRECTION_LOWER:
      d = value - target;
      w = (t->warning * n) - target;
      c = (t->critical * n) - target;
      break;
    case SC_DIRECTION_BAND:
      {
        double upper = (isnan (t->target_max) ? t->target : t->target_max) * n;

        d = value < target ? target - value : value > upper ? value - upper : 0;
        w = t->warning * n;
        c = t->critical * n;
      }
      break;
    case SC_DIRECTION_HIGHER:
    default:
      d = target - value;
      w = target - (t->warning * n);
      c = target - (t->critical * n);
      break;
    }

  if (isnan (w))
    w = 0;
  if (isnan (c))
    c = w;

  *status = d <= 0 ? SC_STATUS_GREEN : d <= w ? SC_STATUS_AMBER : SC_STATUS_RED;
  *score = d <= 0 ? 100 : (c <= 0 || d >= c) ? 0 : 100 * (1 - d / c);
}

ScStatus
sc_score_status (ScKpi  *kpi,
                 double  target,
                 double  value)
{
  ScThresholds t;
  ScStatus status;
  double score;

  g_return_val_if_fail (SC_IS_KPI (kpi), SC_STATUS_NO_DATA);

  sc_thresholds_init_from_kpi (&t, kpi, target);
  sc_thresholds_score (&t, value, 1, &status, &score);
  return status;
}

/* The status of @value combined over @n_periods periods: the thresholds of
 * a sum KPI scale with them (docs/scoring.md, "Targets of sums").
 */
ScStatus
sc_score_status_for_periods (ScKpi  *kpi,
                             double  target,
                             double  value,
                             double  n_periods)
{
  ScThresholds t;
  ScStatus status;
  double score;

  g_return_val_if_fail (SC_IS_KPI (kpi), SC_STATUS_NO_DATA);

  sc_thresholds_init_from_kpi (&t, kpi, target);
  sc_thresholds_score (&t, value, n_periods, &status, &score);
  return status;
}

double
sc_score_value (ScKpi  *kpi,
                double  target,
                double  value)
{
  ScThresholds t;
  ScStatus status;
  double score;

  g_return_val_if_fail (SC_IS_KPI (kpi), NAN);

  sc_thresholds_init_from_kpi (&t, kpi, target);
  sc_thresholds_score (&t, value, 1, &status, &score);
  return score;
}

double
sc_score_partner_period (ScWorkbook *book,
                         ScPartner  *partner,
                         ScPeriod    period)
{
  g_autoptr(ScScorer) scorer = NULL;
  ScRollup rollup = { SC_ROLLUP_PERIOD, period };

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NAN);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NAN);

  scorer = sc_scorer_new (book);
  return sc_scorer_overall (scorer, partner, &rollup);
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
sc_partner_result_new (ScPartner      *partner,
                       const ScRollup *rollup)
{
  ScPartnerResult *result = g_new0 (ScPartnerResult, 1);

  result->partner = g_object_ref (partner);
  result->rollup = *rollup;
  result->period = rollup->anchor;
  result->score = NAN;
  result->change = NAN;
  result->slope = NAN;
  result->kpis = g_array_new (FALSE, TRUE, sizeof (ScKpiResult));
  result->categories = g_array_new (FALSE, TRUE, sizeof (ScCategoryResult));

  return result;
}

/* One partner in one stored period. To score many, or other views, keep
 * an ScScorer.
 */
ScPartnerResult *
sc_score_partner (ScWorkbook *book,
                  ScPartner  *partner,
                  ScPeriod    period)
{
  g_autoptr(ScScorer) scorer = NULL;
  ScRollup rollup = { SC_ROLLUP_PERIOD, period };

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);

  scorer = sc_scorer_new (book);
  return sc_scorer_score_partner (scorer, partner, &rollup);
}

ScPartnerResult *
sc_partner_result_copy (const ScPartnerResult *result)
{
  ScPartnerResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->partner = g_object_ref (result->partner);
  copy->kpis = g_array_copy (result->kpis);
  copy->categories = g_array_copy (result->categories);

  return copy;
}

void
sc_partner_result_free (ScPartnerResult *result)
{
  if (result == NULL)
    return;

  g_clear_object (&result->partner);
  g_clear_pointer (&result->kpis, g_array_unref);
  g_clear_pointer (&result->categories, g_array_unref);
  g_free (result);
}

/* Keeps of @result what a list of partners shows; @result may be NULL (no
 * data).
 */
void
sc_partner_summary_init (ScPartnerSummary      *summary,
                         const ScPartnerResult *result)
{
  g_return_if_fail (summary != NULL);

  *summary = (ScPartnerSummary) { NAN, NAN, NAN, NULL, SC_TREND_NONE, 0 };
  if (result == NULL)
    return;

  summary->score = result->score;
  summary->change = result->change;
  summary->slope = result->slope;
  summary->grade = result->grade;
  summary->trend = result->trend;
  for (guint i = 0; i < result->kpis->len; i++)
    if (g_array_index (result->kpis, ScKpiResult, i).status == SC_STATUS_RED)
      summary->n_red++;
}

/* Scores every partner of @book in @period, in the workbook's order, ranked
 * within each partner type.
 */
GPtrArray *
sc_score_all (ScWorkbook *book,
              ScPeriod    period)
{
  g_autoptr(ScScorer) scorer = NULL;
  ScRollup rollup = { SC_ROLLUP_PERIOD, period };

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  scorer = sc_scorer_new (book);
  return sc_scorer_score_all (scorer, &rollup);
}

const char *
sc_status_to_string (ScStatus status)
{
  switch (status)
    {
    case SC_STATUS_GREEN: return "green";
    case SC_STATUS_AMBER: return "amber";
    case SC_STATUS_RED: return "red";
    case SC_STATUS_NO_TARGET: return "no-target";
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
    case SC_STATUS_NO_TARGET: return _("No target");
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
