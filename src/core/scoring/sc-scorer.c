/* sc-scorer.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scoring engine behind every number the window, the command line and
 * the reports show. It keeps, per partner, a flat array of its KPIs with
 * the targets, thresholds and weights already resolved (overrides applied),
 * so that scoring is a tight loop over doubles. An edit to one partner's
 * values invalidates that partner only; any other change invalidates all.
 * The rules are in docs/scoring.md.
 */

#define G_LOG_DOMAIN "sc-scorer"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-score-private.h"
#include "sc-scorecard-group.h"
#include "sc-scorer.h"
#include "sc-scoring-rules.h"

#define TREND_THRESHOLD 0.5
#define NOT_YET         (-1.0)  /* a view score not computed yet: scores are 0–100 */

typedef struct
{
  ScThresholds    t;
  const ScSeries *series;
  ScKpi          *kpi;
  const char     *category;
  double          weight;
  double          ratio_scale;
  guint           category_index;
} Entry;

/* One allocation per partner: with thousands of partners, arrays grown by
 * doubling would leave much of their memory unused.
 */
typedef struct
{
  ScPartner *partner;
  ScScorecardGroup *group;  /* the partner's scorecard; NULL: the default */
  double    *views[SC_ROLLUP_ROLLING_12 + 1]; /* a score over several periods: each
                                               * kind's view score at every stored
                                               * anchor, made when first needed */
  guint      n_entries;
  guint      n_categories;
  Entry      entries[];    /* in the workbook's KPI order */
} PartnerEntries;

/* The mean score of each KPI category over the partners of one type, for
 * one view
 */
typedef struct
{
  ScPartnerType  type;
  ScRollup       rollup;
  GHashTable    *means;    /* category → double* */
} CategoryMeans;

struct _ScScorer
{
  GObject     parent_instance;

  ScWorkbook *book;
  GHashTable *partners;    /* ScPartner* → PartnerEntries* */
  GPtrArray  *category_means; /* CategoryMeans*, a few views */
  ScPartner  *series_edit; /* partner of the series change being announced */
  ScScoringRules *rules;   /* a what-if's sandbox, or NULL: the workbook's */
};

G_DEFINE_FINAL_TYPE (ScScorer, sc_scorer, G_TYPE_OBJECT)

static void
partner_entries_free (gpointer data)
{
  PartnerEntries *pe = data;

  for (guint k = 0; k < G_N_ELEMENTS (pe->views); k++)
    g_free (pe->views[k]);
  g_free (pe);
}

static void
category_means_free (gpointer data)
{
  CategoryMeans *cm = data;

  g_hash_table_unref (cm->means);
  g_free (cm);
}

/* Resolves one series into an entry: the group's changes applied, then
 * the partner's overrides.
 */
static void
fill_entry (ScScorer               *self,
            Entry                  *e,
            ScPartner              *partner,
            const ScScorecardGroup *group,
            const ScSeries         *series)
{
  ScKpi *kpi = sc_scoring_rules_get_kpi (self->rules, series->kpi);
  const char *id = sc_kpi_get_id (series->kpi);
  double target, weight;
  ScGroupKpi g;

  sc_group_kpi_init (&g);
  if (group != NULL)
    sc_scorecard_group_get_kpi (group, id, &g);
  sc_partner_get_override (partner, id, &target, &weight);
  if (isnan (target))
    target = isnan (g.target) ? sc_kpi_get_target (kpi) : g.target;
  if (isnan (weight))
    weight = isnan (g.weight) ? sc_kpi_get_weight (kpi) : g.weight;
  sc_thresholds_init_from_kpi (&e->t, kpi, target);
  if (!isnan (g.warning))
    e->t.warning = g.warning;
  if (!isnan (g.critical))
    e->t.critical = g.critical;
  e->series = series;
  e->kpi = series->kpi;
  e->category = sc_kpi_get_category (series->kpi);
  e->weight = weight;
  e->ratio_scale = sc_kpi_get_ratio_scale (series->kpi);
}

static PartnerEntries *
get_entries (ScScorer  *self,
             ScPartner *partner)
{
  PartnerEntries *pe = g_hash_table_lookup (self->partners, partner);
  g_autoptr(GPtrArray) list = NULL;

  if (pe != NULL)
    return pe;

  list = sc_workbook_dup_partner_series (self->book, partner);
  pe = g_malloc0 (sizeof (PartnerEntries) + list->len * sizeof (Entry));
  pe->partner = partner;
  pe->group = sc_workbook_scorecard_group_for_partner (self->book, partner);
  for (guint i = 0; i < list->len; i++)
    {
      const ScSeries *series = g_ptr_array_index (list, i);
      Entry *e;

      /* A KPI outside the partner's scorecard is not scored at all */
      if (pe->group != NULL &&
          !sc_scorecard_group_includes_kpi (pe->group, sc_kpi_get_id (series->kpi)))
        continue;
      e = &pe->entries[pe->n_entries++];
      fill_entry (self, e, partner, pe->group, series);
      e->category_index = pe->n_categories;
      for (guint j = 0; j + 1 < pe->n_entries; j++)
        {
          const Entry *other = &pe->entries[j];

          if (g_strcmp0 (other->category, e->category) == 0)
            {
              e->category_index = other->category_index;
              break;
            }
        }
      if (e->category_index == pe->n_categories)
        pe->n_categories++;
    }
  g_hash_table_insert (self->partners, partner, pe);

  return pe;
}

/* The aggregated value of @e over the stored periods [first, last]. */
static double
entry_value (ScScorer    *self,
             const Entry *e,
             ScPeriod     first,
             ScPeriod     last,
             guint       *n_present)
{
  ScPeriod book_first = sc_workbook_get_first_period (self->book);
  gint64 i0 = (gint64) first - book_first;
  gint64 i1 = (gint64) last - book_first;
  gint64 n_periods = sc_workbook_get_n_periods (self->book);
  const ScSeries *s = e->series;

  i0 = MAX (i0, 0);
  i1 = MIN (i1, n_periods - 1);
  if (n_periods == 0 || i1 < i0)
    {
      *n_present = 0;
      return NAN;
    }
  if (i0 == i1)
    {
      /* One period: the value as stored (for a ratio KPI, the numerator
       * and denominator only matter when periods are combined)
       */
      double v = s->values[i0];

      *n_present = isnan (v) ? 0 : 1;
      return v;
    }

  return sc_series_aggregate (s, e->t.aggregation, e->ratio_scale, (guint) i0,
                              (guint) (i1 - i0 + 1), n_present);
}

/* After a sandbox's rules changed: every resolved entry takes the new
 * targets, thresholds and weights, without listing the series again.
 */
static void
refill_entries (ScScorer *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->partners);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PartnerEntries *pe = value;

      for (guint i = 0; i < pe->n_entries; i++)
        {
          Entry *e = &pe->entries[i];

          fill_entry (self, e, pe->partner, pe->group, e->series);
        }
      for (guint k = 0; k < G_N_ELEMENTS (pe->views); k++)
        g_clear_pointer (&pe->views[k], g_free);
    }
}

/* The overall score of one view without building a result: the hot path. */
static double
view_overall (ScScorer       *self,
              PartnerEntries *pe,
              const ScRollup *rollup)
{
  ScPeriod first, last;
  double sum = 0, weights = 0;

  sc_rollup_get_range (rollup, sc_workbook_get_granularity (self->book), &first, &last);
  for (guint i = 0; i < pe->n_entries; i++)
    {
      const Entry *e = &pe->entries[i];
      guint n_present;
      double value = entry_value (self, e, first, last, &n_present);
      ScStatus status;
      double score;

      if (isnan (value) || e->weight <= 0)
        continue;
      sc_thresholds_score (&e->t, value, n_present, &status, &score);
      if (isnan (score))
        continue;
      sum += e->weight * score;
      weights += e->weight;
    }

  return weights > 0 ? sum / weights : NAN;
}

/* A score over several periods (sc-period-weighting.c) */

static void period_history (PartnerEntries *pe,
                            guint           n,
                            double         *scores);

/* The score of the one view @rollup, from the partner's cache of views of
 * that kind when its anchor is a stored period: a weighted score reads
 * each view many times (the view, the one before for the change, the
 * trend's), and each is computed once.
 */
static double
cached_view_overall (ScScorer       *self,
                     PartnerEntries *pe,
                     const ScRollup *rollup)
{
  gint64 i = (gint64) rollup->anchor - sc_workbook_get_first_period (self->book);
  guint n = sc_workbook_get_n_periods (self->book);
  double *views;

  if (i < 0 || i >= n || rollup->kind >= G_N_ELEMENTS (pe->views))
    return view_overall (self, pe, rollup);

  if ((views = pe->views[rollup->kind]) == NULL)
    {
      views = pe->views[rollup->kind] = g_new (double, n);
      if (rollup->kind == SC_ROLLUP_PERIOD)
        period_history (pe, n, views);   /* one sweep gives every month */
      else
        for (guint a = 0; a < n; a++)
          views[a] = NOT_YET;
    }
  /* Longer views are made one at a time: a year or a YTD view costs as
   * much as the months it covers, and only the last N are read
   */
  if (views[i] == NOT_YET)
    views[i] = view_overall (self, pe, rollup);

  return views[i];
}

static const ScPeriodWeighting *
period_weighting (ScScorer *self)
{
  if (self->rules != NULL)
    return sc_scoring_rules_get_period_weighting (self->rules);
  return sc_workbook_get_period_weighting (self->book);
}

/* Fills @out[0 … n − 1] with the overall scores of the n views ending at
 * @rollup (out[n − 1]), each combining the last N views by the period
 * weighting: the score of every view is computed once.
 */
static void
view_history (ScScorer       *self,
              PartnerEntries *pe,
              const ScRollup *rollup,
              guint           n,
              double         *out)
{
  const ScPeriodWeighting *w = period_weighting (self);
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  guint m = sc_period_weighting_is_latest (w) ? 1 : w->n_periods;
  double base[2 * SC_WEIGHTING_MAX_PERIODS];
  double weights[SC_WEIGHTING_MAX_PERIODS];
  ScRollup r = *rollup;

  g_assert (n > 0 && n + m - 1 <= G_N_ELEMENTS (base));

  for (guint j = 0; j < n + m - 1; j++)
    {
      base[j] = m == 1 ? view_overall (self, pe, &r) : cached_view_overall (self, pe, &r);
      r = sc_rollup_previous (&r, granularity);
    }
  if (m == 1)
    {
      for (guint i = 0; i < n; i++)
        out[n - 1 - i] = base[i];
      return;
    }

  sc_period_weighting_get_weights (w, weights);
  for (guint i = 0; i < n; i++)
    out[n - 1 - i] = sc_period_weighting_combine (w, weights, base + i);
}

/* The overall score of a view: its own, or the last N views' weighted. */
static double
overall (ScScorer       *self,
         PartnerEntries *pe,
         const ScRollup *rollup)
{
  double score;

  view_history (self, pe, rollup, 1, &score);
  return score;
}

/* Applies the period weighting to a history of single-period scores. */
static void
weight_period_history (ScScorer *self,
                       guint     n,
                       double   *scores)
{
  const ScPeriodWeighting *w = period_weighting (self);
  double weights[SC_WEIGHTING_MAX_PERIODS];
  double window[SC_WEIGHTING_MAX_PERIODS];
  g_autofree double *base = NULL;

  if (sc_period_weighting_is_latest (w) || n == 0)
    return;

  base = g_memdup2 (scores, n * sizeof (double));
  sc_period_weighting_get_weights (w, weights);
  for (guint i = 0; i < n; i++)
    {
      for (guint k = 0; k < w->n_periods; k++)
        window[k] = k <= i ? base[i - k] : NAN;
      scores[i] = sc_period_weighting_combine (w, weights, window);
    }
}

static const char *
grade_for_score (ScScorer *self,
                 double    score)
{
  if (self->rules != NULL)
    return sc_scoring_rules_grade_for_score (self->rules, score);
  return sc_workbook_grade_for_score (self->book, score);
}

static void
on_series_changed_cb (ScScorer   *self,
                      ScPartner  *partner,
                      ScKpi      *kpi,
                      ScWorkbook *book)
{
  sc_scorer_invalidate (self, partner);
  self->series_edit = partner;
}

static void
on_workbook_changed_cb (ScScorer   *self,
                        ScWorkbook *book)
{
  /* A value edit is announced twice: series-changed, then changed */
  if (self->series_edit != NULL)
    {
      self->series_edit = NULL;
      return;
    }
  sc_scorer_invalidate (self, NULL);
}

static void
sc_scorer_dispose (GObject *object)
{
  ScScorer *self = (ScScorer *)object;

  if (self->book)
    g_signal_handlers_disconnect_by_data (self->book, self);
  g_clear_object (&self->book);
  g_clear_pointer (&self->rules, sc_scoring_rules_unref);

  G_OBJECT_CLASS (sc_scorer_parent_class)->dispose (object);
}

static void
sc_scorer_finalize (GObject *object)
{
  ScScorer *self = (ScScorer *)object;

  g_clear_pointer (&self->partners, g_hash_table_unref);
  g_clear_pointer (&self->category_means, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_scorer_parent_class)->finalize (object);
}

static void
sc_scorer_class_init (ScScorerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_scorer_dispose;
  object_class->finalize = sc_scorer_finalize;
}

static void
sc_scorer_init (ScScorer *self)
{
  self->partners = g_hash_table_new_full (NULL, NULL, NULL, partner_entries_free);
  self->category_means = g_ptr_array_new_with_free_func (category_means_free);
}

/* Public API */

ScScorer *
sc_scorer_new (ScWorkbook *book)
{
  ScScorer *self;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  self = g_object_new (SC_TYPE_SCORER, NULL);
  self->book = g_object_ref (book);
  g_signal_connect_object (book, "series-changed", G_CALLBACK (on_series_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (book, "changed", G_CALLBACK (on_workbook_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * sc_scorer_new_with_rules:
 * @book: a workbook
 * @rules: a sandbox of settings over @book
 *
 * A scorer of @book with the KPI definitions, grade bands and period
 * weighting of @rules where it sets them: a what-if. Call
 * sc_scorer_invalidate() after changing @rules.
 */
ScScorer *
sc_scorer_new_with_rules (ScWorkbook     *book,
                          ScScoringRules *rules)
{
  ScScorer *self;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (sc_scoring_rules_get_workbook (rules) == book, NULL);

  self = sc_scorer_new (book);
  self->rules = sc_scoring_rules_ref (rules);
  return self;
}

/**
 * sc_scorer_rules_changed:
 * @self: a scorer made with sc_scorer_new_with_rules()
 *
 * Takes the sandbox's changed KPI settings, bands or weighting: quicker
 * than sc_scorer_invalidate(), as the partners' series stay the same.
 */
void
sc_scorer_rules_changed (ScScorer *self)
{
  g_return_if_fail (SC_IS_SCORER (self));

  g_ptr_array_set_size (self->category_means, 0);
  refill_entries (self);
}

/* The period weighting this scorer uses: its sandbox's or the workbook's. */
const ScPeriodWeighting *
sc_scorer_get_period_weighting (ScScorer *self)
{
  g_return_val_if_fail (SC_IS_SCORER (self), NULL);
  return period_weighting (self);
}

/* The grade of @score with this scorer's bands. */
const char *
sc_scorer_grade_for_score (ScScorer *self,
                           double    score)
{
  g_return_val_if_fail (SC_IS_SCORER (self), NULL);
  return grade_for_score (self, score);
}

/* The overall score of the one view @rollup, without the period weighting:
 * what sc_period_weighting_combine() combines.
 */
double
sc_scorer_view_score (ScScorer       *self,
                      ScPartner      *partner,
                      const ScRollup *rollup)
{
  g_return_val_if_fail (SC_IS_SCORER (self), NAN);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NAN);

  return view_overall (self, get_entries (self, partner), rollup);
}

ScWorkbook *
sc_scorer_get_workbook (ScScorer *self)
{
  g_return_val_if_fail (SC_IS_SCORER (self), NULL);
  return self->book;
}

/* Forgets what was resolved for @partner, or for every partner when NULL. */
void
sc_scorer_invalidate (ScScorer  *self,
                      ScPartner *partner)
{
  g_return_if_fail (SC_IS_SCORER (self));

  g_ptr_array_set_size (self->category_means, 0);
  if (partner == NULL)
    {
      g_hash_table_remove_all (self->partners);
      return;
    }

  g_hash_table_remove (self->partners, partner);
}

double
sc_scorer_overall (ScScorer       *self,
                   ScPartner      *partner,
                   const ScRollup *rollup)
{
  g_return_val_if_fail (SC_IS_SCORER (self), NAN);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NAN);

  return overall (self, get_entries (self, partner), rollup);
}

/* The single-period history in one sweep over each series: the same rule
 * as overall(), without a roll-up per period.
 */
static void
period_history (PartnerEntries *pe,
                guint           n,
                double         *scores)
{
  g_autofree double *weights = g_new0 (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    scores[i] = 0;

  for (guint k = 0; k < pe->n_entries; k++)
    {
      const Entry *e = &pe->entries[k];
      const ScSeries *s = e->series;

      if (e->weight <= 0 || isnan (e->t.target))
        continue;
      for (guint i = 0; i < n; i++)
        {
          double v = s->values[i];
          ScStatus status;
          double score;

          if (isnan (v))
            continue;
          sc_thresholds_score (&e->t, v, 1, &status, &score);
          if (isnan (score))
            continue;
          scores[i] += e->weight * score;
          weights[i] += e->weight;
        }
    }

  for (guint i = 0; i < n; i++)
    scores[i] = weights[i] > 0 ? scores[i] / weights[i] : NAN;
}

/* Fills @scores (the workbook's n_periods long) with the overall score of
 * @partner for a view of @kind anchored at each stored period.
 */
void
sc_scorer_overall_history (ScScorer     *self,
                           ScPartner    *partner,
                           ScRollupKind  kind,
                           double       *scores)
{
  PartnerEntries *pe;
  ScPeriod first;
  guint n;

  g_return_if_fail (SC_IS_SCORER (self));

  pe = get_entries (self, partner);
  first = sc_workbook_get_first_period (self->book);
  n = sc_workbook_get_n_periods (self->book);

  if (kind == SC_ROLLUP_PERIOD)
    {
      period_history (pe, n, scores);
      weight_period_history (self, n, scores);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      ScRollup rollup = { kind, first + (ScPeriod) i };
      scores[i] = overall (self, pe, &rollup);
    }
}

/* KPI results, category scores, shares and the overall score of one view. */
static void
fill_result (ScScorer        *self,
             PartnerEntries  *pe,
             ScPartnerResult *result)
{
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  ScRollup previous = sc_rollup_previous (&result->rollup, granularity);
  ScPeriod first, last, pfirst, plast;
  double sum = 0, weights = 0;

  sc_rollup_get_range (&result->rollup, granularity, &first, &last);
  sc_rollup_get_range (&previous, granularity, &pfirst, &plast);
  g_array_set_size (result->categories, pe->n_categories);
  g_array_set_size (result->kpis, pe->n_entries);

  for (guint i = 0; i < pe->n_entries; i++)
    {
      const Entry *e = &pe->entries[i];
      ScCategoryResult *cat = &g_array_index (result->categories, ScCategoryResult, e->category_index);
      ScKpiResult r = { e->kpi };
      guint n_previous;

      r.value = entry_value (self, e, first, last, &r.n_present);
      r.previous = entry_value (self, e, pfirst, plast, &n_previous);
      r.target = e->t.target * (e->t.aggregation == SC_AGGREGATION_SUM && r.n_present > 1 ? r.n_present : 1);
      r.weight = e->weight;
      sc_thresholds_score (&e->t, r.value, r.n_present, &r.status, &r.score);
      cat->category = e->category;
      if (!isnan (r.score) && e->weight > 0)
        {
          sum += e->weight * r.score;
          weights += e->weight;
          cat->score = (isnan (cat->score) ? 0 : cat->score) + e->weight * r.score;
          cat->weight += e->weight;
        }
      g_array_index (result->kpis, ScKpiResult, i) = r;
    }

  for (guint i = 0; i < result->categories->len; i++)
    {
      ScCategoryResult *cat = &g_array_index (result->categories, ScCategoryResult, i);
      cat->score = cat->weight > 0 ? cat->score / cat->weight : NAN;
    }
  for (guint i = 0; i < result->kpis->len; i++)
    {
      ScKpiResult *r = &g_array_index (result->kpis, ScKpiResult, i);
      gboolean counted = !isnan (r->score) && r->weight > 0;

      r->share = counted ? r->weight / weights : 0;
      r->contribution = counted ? r->share * r->score : 0;
    }

  result->score = weights > 0 ? sum / weights : NAN;
  if (!sc_period_weighting_is_latest (period_weighting (self)))
    result->score = overall (self, pe, &result->rollup);
}

static void
fill_trend (ScScorer        *self,
            PartnerEntries  *pe,
            ScPartnerResult *result)
{
  guint n = sc_workbook_get_trend_periods (self->book);
  g_autofree double *history = g_new (double, n);

  /* The score of the view and of the n − 1 views before it, each over the
   * period weighting's views: history[n − 1] is result->score
   */
  view_history (self, pe, &result->rollup, n, history);
  history[n - 1] = result->score;
  result->change = result->score - history[n - 2];

  result->slope = sc_least_squares_slope (history, n);
  if (isnan (result->slope))
    result->trend = SC_TREND_NONE;
  else if (result->slope > TREND_THRESHOLD)
    result->trend = SC_TREND_IMPROVING;
  else if (result->slope < -TREND_THRESHOLD)
    result->trend = SC_TREND_DECLINING;
  else
    result->trend = SC_TREND_STABLE;
}

ScPartnerResult *
sc_scorer_score_partner (ScScorer       *self,
                         ScPartner      *partner,
                         const ScRollup *rollup)
{
  PartnerEntries *pe;
  ScPartnerResult *result;

  g_return_val_if_fail (SC_IS_SCORER (self), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (rollup != NULL, NULL);

  pe = get_entries (self, partner);
  result = sc_partner_result_new (partner, rollup);
  fill_result (self, pe, result);
  result->grade = grade_for_score (self, result->score);
  fill_trend (self, pe, result);
  result->scorecard = pe->group;
  if (result->grade != NULL)
    result->action = (self->rules != NULL ? sc_scoring_rules_standing_for_score (self->rules, result->score)
                                          : sc_workbook_standing_for_score (self->book, result->score))->action;

  return result;
}

/**
 * sc_scorer_summarize:
 * @self: a scorer
 * @partner: a partner of the workbook
 * @rollup: the view
 * @with_trend: whether to compute the change and the trend too
 * @summary: (out caller-allocates): what a list of partners shows
 *
 * The score, grade and red KPIs of @partner without building a result:
 * what the sidebar needs of every partner. The change and the trend take
 * the overall score of the periods before as well, four to eight times the
 * work; without @with_trend they are left unknown.
 */
void
sc_scorer_summarize (ScScorer         *self,
                     ScPartner        *partner,
                     const ScRollup   *rollup,
                     gboolean          with_trend,
                     ScPartnerSummary *summary)
{
  PartnerEntries *pe;
  ScPeriod first, last;
  double sum = 0, weights = 0;

  g_return_if_fail (SC_IS_SCORER (self));
  g_return_if_fail (SC_IS_PARTNER (partner));
  g_return_if_fail (rollup != NULL);
  g_return_if_fail (summary != NULL);

  sc_partner_summary_init (summary, NULL);
  pe = get_entries (self, partner);
  sc_rollup_get_range (rollup, sc_workbook_get_granularity (self->book), &first, &last);
  for (guint i = 0; i < pe->n_entries; i++)
    {
      const Entry *e = &pe->entries[i];
      guint n_present;
      double value = entry_value (self, e, first, last, &n_present);
      ScStatus status;
      double score;

      sc_thresholds_score (&e->t, value, n_present, &status, &score);
      if (status == SC_STATUS_RED)
        summary->n_red++;
      if (!isnan (score) && e->weight > 0)
        {
          sum += e->weight * score;
          weights += e->weight;
        }
    }

  summary->score = weights > 0 ? sum / weights : NAN;
  if (!sc_period_weighting_is_latest (period_weighting (self)))
    summary->score = overall (self, pe, rollup);
  summary->grade = grade_for_score (self, summary->score);

  if (with_trend)
    {
      ScPartnerResult trend = { 0 };

      trend.partner = partner;
      trend.rollup = *rollup;
      trend.score = summary->score;
      fill_trend (self, pe, &trend);
      summary->change = trend.change;
      summary->slope = trend.slope;
      summary->trend = trend.trend;
    }
}

static int
compare_by_score (const void *a,
                  const void *b)
{
  const ScPartnerResult *ra = *(ScPartnerResult * const *) a;
  const ScPartnerResult *rb = *(ScPartnerResult * const *) b;
  int ta = sc_partner_get_partner_type (ra->partner);
  int tb = sc_partner_get_partner_type (rb->partner);

  if (ta != tb)
    return ta - tb;
  if (ra->scorecard != rb->scorecard)
    return (guintptr) ra->scorecard < (guintptr) rb->scorecard ? -1 : 1;
  if (isnan (ra->score) || isnan (rb->score))
    return isnan (ra->score) - isnan (rb->score);
  return (ra->score < rb->score) - (ra->score > rb->score);
}

static gboolean
same_pool (const ScPartnerResult *a,
           const ScPartnerResult *b)
{
  return sc_partner_get_partner_type (a->partner) == sc_partner_get_partner_type (b->partner) &&
         a->scorecard == b->scorecard;
}

/* Competition ranking within each partner type and scorecard: 1, 2, 2, 4.
 * Each ranked result also learns how many it was ranked among.
 */
static void
rank_results (GPtrArray *results)
{
  g_autofree ScPartnerResult **sorted = g_new (ScPartnerResult *, MAX (results->len, 1));
  guint pool_start = 0;

  memcpy (sorted, results->pdata, results->len * sizeof (gpointer));
  qsort (sorted, results->len, sizeof (gpointer), compare_by_score);

  for (guint i = 0; i <= results->len; i++)
    {
      ScPartnerResult *r = i < results->len ? sorted[i] : NULL;
      ScPartnerResult *before = i > 0 ? sorted[i - 1] : NULL;

      if (before != NULL && (r == NULL || !same_pool (before, r)))
        {
          guint n_ranked = 0;

          for (guint k = pool_start; k < i; k++)
            n_ranked += sorted[k]->rank > 0;
          for (guint k = pool_start; k < i; k++)
            sorted[k]->n_ranked = sorted[k]->rank > 0 ? n_ranked : 0;
          pool_start = i;
        }
      if (r == NULL || isnan (r->score))
        continue;
      if (i > pool_start && before->score == r->score)
        r->rank = before->rank;
      else
        r->rank = i - pool_start + 1;
    }
}

/* Scores every partner in the workbook's order and ranks them. */
GPtrArray *
sc_scorer_score_all (ScScorer       *self,
                     const ScRollup *rollup)
{
  GListModel *partners;
  GPtrArray *results;
  guint n;

  g_return_val_if_fail (SC_IS_SCORER (self), NULL);

  partners = sc_workbook_get_partners (self->book);
  n = g_list_model_get_n_items (partners);
  results = g_ptr_array_new_full (n, (GDestroyNotify) sc_partner_result_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_ptr_array_add (results, sc_scorer_score_partner (self, partner, rollup));
    }

  rank_results (results);
  return results;
}

/**
 * sc_scorer_rank_all:
 * @self: a scorer
 * @rollup: the view
 * @scores: (out caller-allocates): a score a partner, in the workbook's order
 * @ranks: (out caller-allocates): a rank a partner, 0 for unranked
 *
 * Every partner's overall score and rank as sc_scorer_score_all() gives
 * them, without KPI results, categories or trends: what a what-if
 * compares.
 */
void
sc_scorer_rank_all (ScScorer       *self,
                    const ScRollup *rollup,
                    double         *scores,
                    guint          *ranks)
{
  GListModel *partners;
  g_autofree ScPartnerResult *lite = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint n;

  g_return_if_fail (SC_IS_SCORER (self));
  g_return_if_fail (rollup != NULL);

  partners = sc_workbook_get_partners (self->book);
  n = g_list_model_get_n_items (partners);
  lite = g_new0 (ScPartnerResult, MAX (n, 1));
  results = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      ScPartner *partner = g_list_model_get_item (partners, i);

      /* Held by the workbook's list: the reference is not kept */
      g_object_unref (partner);
      lite[i].partner = partner;
      lite[i].rollup = *rollup;
      lite[i].score = overall (self, get_entries (self, partner), rollup);
      g_ptr_array_add (results, &lite[i]);
    }
  rank_results (results);
  for (guint i = 0; i < n; i++)
    {
      scores[i] = lite[i].score;
      ranks[i] = lite[i].rank;
    }
}

/* The mean over every partner of @type of their score in each KPI
 * category, in the view @rollup, over the partners with data in that
 * category. Kept until the workbook changes.
 */
static CategoryMeans *
compute_category_means (ScScorer       *self,
                        ScPartnerType   type,
                        const ScRollup *rollup)
{
  GListModel *partners = sc_workbook_get_partners (self->book);
  guint n = g_list_model_get_n_items (partners);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  CategoryMeans *cm = g_new0 (CategoryMeans, 1);
  GHashTableIter iter;
  gpointer key, value;

  cm->type = type;
  cm->rollup = *rollup;
  cm->means = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(ScPartnerResult) result = NULL;

      if (sc_partner_get_partner_type (partner) != type)
        continue;

      /* The categories only: no grade, no trend */
      result = sc_partner_result_new (partner, rollup);
      fill_result (self, get_entries (self, partner), result);
      for (guint c = 0; c < result->categories->len; c++)
        {
          const ScCategoryResult *cat = &g_array_index (result->categories, ScCategoryResult, c);
          double *sum;

          if (cat->category == NULL || isnan (cat->score))
            continue;
          if ((sum = g_hash_table_lookup (cm->means, cat->category)) == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (cm->means, g_strdup (cat->category), sum);
            }
          *sum += cat->score;
          g_hash_table_insert (counts, (gpointer) cat->category,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, cat->category)) + 1));
        }
    }

  g_hash_table_iter_init (&iter, cm->means);
  while (g_hash_table_iter_next (&iter, &key, &value))
    *(double *) value /= GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

  return cm;
}

double
sc_scorer_category_mean (ScScorer       *self,
                         ScPartnerType   type,
                         const ScRollup *rollup,
                         const char     *category)
{
  CategoryMeans *cm = NULL;
  double *mean;

  g_return_val_if_fail (SC_IS_SCORER (self), NAN);
  g_return_val_if_fail (rollup != NULL, NAN);

  if (category == NULL)
    return NAN;

  for (guint i = 0; i < self->category_means->len && cm == NULL; i++)
    {
      CategoryMeans *c = g_ptr_array_index (self->category_means, i);

      if (c->type == type && c->rollup.kind == rollup->kind && c->rollup.anchor == rollup->anchor)
        cm = c;
    }
  if (cm == NULL)
    {
      /* A handful of views is plenty: the window shows one at a time */
      if (self->category_means->len >= 8)
        g_ptr_array_remove_index (self->category_means, 0);
      cm = compute_category_means (self, type, rollup);
      g_ptr_array_add (self->category_means, cm);
    }

  mean = g_hash_table_lookup (cm->means, category);
  return mean ? *mean : NAN;
}
