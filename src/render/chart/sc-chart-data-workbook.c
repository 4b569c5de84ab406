/* sc-chart-data-workbook.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills the chart data structs from a workbook, so the window, the report
 * and the command line ask for "the trend of this KPI of this partner"
 * instead of each walking series, overrides, scores and issues.
 */

#define G_LOG_DOMAIN "sc-chart-data"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sc-i18n.h"
#include "sc-chart-data.h"
#include "sc-scorecard-group.h"

static double
partner_target (ScPartner *partner,
                ScKpi     *kpi)
{
  double target = NAN, weight;

  if (partner != NULL)
    sc_partner_get_override (partner, sc_kpi_get_id (kpi), &target, &weight);
  return isnan (target) ? sc_kpi_get_target (kpi) : target;
}

static ScPeriod
resolve_period (ScWorkbook *book,
                ScPeriod    period)
{
  return period == SC_PERIOD_NONE ? sc_workbook_get_latest_period (book) : period;
}

/* A scorer of @book and the view of the single stored @period (the latest
 * when none), for the charts made from a workbook alone.
 */
static ScScorer *
period_scorer (ScWorkbook *book,
               ScPeriod    period,
               ScRollup   *rollup)
{
  rollup->kind = SC_ROLLUP_PERIOD;
  rollup->anchor = resolve_period (book, period);
  return sc_scorer_new (book);
}

static void
add_trend_markers (ScWorkbook       *book,
                   ScChartTrendData *data)
{
  GListModel *issues = sc_workbook_get_issues (book);
  guint n = g_list_model_get_n_items (issues);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
      gint64 index = (gint64) sc_issue_get_period (issue) - data->first_period;

      if (g_strcmp0 (sc_issue_get_partner_id (issue), sc_partner_get_id (data->partner)) != 0 ||
          g_strcmp0 (sc_issue_get_kpi_id (issue), sc_kpi_get_id (data->kpi)) != 0 ||
          sc_issue_get_period (issue) == SC_PERIOD_NONE ||
          index < 0 || index >= data->n_values)
        continue;
      sc_chart_trend_data_add_marker (data, index, sc_issue_get_severity (issue),
                                      sc_issue_get_id (issue), sc_issue_get_title (issue));
    }
}

/* @partner's @kpi from @first to @last (SC_PERIOD_NONE: the workbook's
 * range), with its target after the partner's override, the statuses and
 * the issues pinned to it.
 */
ScChartTrendData *
sc_chart_trend_data_new_from_workbook (ScWorkbook *book,
                                       ScPartner  *partner,
                                       ScKpi      *kpi,
                                       ScPeriod    first,
                                       ScPeriod    last)
{
  ScChartTrendData *data;
  gint64 n;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (SC_IS_KPI (kpi), NULL);

  if (first == SC_PERIOD_NONE)
    first = sc_workbook_get_first_period (book);
  if (last == SC_PERIOD_NONE)
    last = sc_workbook_get_first_period (book) + (ScPeriod) sc_workbook_get_n_periods (book) - 1;
  n = CLAMP ((gint64) last - first + 1, 1, SC_WORKBOOK_MAX_PERIODS);

  data = sc_chart_trend_data_new ((guint) n);
  data->title = g_strdup (sc_kpi_get_name_in (kpi, NULL));
  data->subtitle = g_strdup (sc_partner_get_name (partner));
  data->partner = g_object_ref (partner);
  data->kpi = g_object_ref (kpi);
  data->granularity = sc_workbook_get_granularity (book);
  data->first_period = first;
  data->direction = sc_kpi_get_direction (kpi);
  data->target = partner_target (partner, kpi);
  data->target_max = sc_kpi_get_target_max (kpi);
  data->warning = sc_kpi_get_warning (kpi);
  data->critical = sc_kpi_get_critical (kpi);

  for (guint i = 0; i < data->n_values; i++)
    {
      data->values[i] = sc_workbook_get_value (book, partner, kpi, first + (ScPeriod) i);
      data->statuses[i] = sc_score_status (kpi, data->target, data->values[i]);
    }
  add_trend_markers (book, data);

  return data;
}

static void
fill_bullet_item (ScWorkbook        *book,
                  ScPartner         *partner,
                  ScKpi             *kpi,
                  ScPeriod           period,
                  ScChartBulletItem *item)
{
  item->kpi = g_object_ref (kpi);
  item->label = g_strdup (sc_kpi_get_name_in (kpi, NULL));
  item->value = sc_workbook_get_value (book, partner, kpi, period);
  item->previous = sc_workbook_get_value (book, partner, kpi, period - 1);
  item->direction = sc_kpi_get_direction (kpi);
  item->target = partner_target (partner, kpi);
  item->target_max = sc_kpi_get_target_max (kpi);
  item->warning = sc_kpi_get_warning (kpi);
  item->critical = sc_kpi_get_critical (kpi);
  item->status = sc_score_status (kpi, item->target, item->value);
}

/* One bullet for @kpi, or one per KPI @partner has a series of. */
ScChartBulletData *
sc_chart_bullet_data_new_from_workbook (ScWorkbook *book,
                                        ScPartner  *partner,
                                        ScKpi      *kpi,
                                        ScPeriod    period)
{
  g_autoptr(GPtrArray) series = NULL;
  ScChartBulletData *data;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);

  period = resolve_period (book, period);
  series = sc_workbook_dup_partner_series (book, partner);
  data = sc_chart_bullet_data_new (kpi ? 1 : series->len);
  for (guint i = 0; i < data->n_items; i++)
    {
      ScKpi *item_kpi = kpi ? kpi : ((const ScSeries *) g_ptr_array_index (series, i))->kpi;

      fill_bullet_item (book, partner, item_kpi, period, &data->items[i]);
    }

  label = sc_period_to_label (sc_workbook_get_granularity (book), period);
  data->title = g_strdup (kpi ? sc_kpi_get_name_in (kpi, NULL) : sc_partner_get_name (partner));
  /* Translators: the subtitle of a bullet chart: partner or "KPIs", then a period */
  data->subtitle = g_strdup_printf (_("%s · %s"), kpi ? sc_partner_get_name (partner) : _("KPIs against target"), label);
  data->partner = g_object_ref (partner);
  data->period = period;
  return data;
}

static guint
grade_index (ScWorkbook *book,
             const char *grade)
{
  for (guint i = 0; grade && i < sc_workbook_get_n_grade_bands (book); i++)
    {
      if (g_strcmp0 (sc_workbook_get_grade_band (book, i)->grade, grade) == 0)
        return i;
    }
  return 0;
}

/* Best score first, no data last, then by name. */
static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const ScPartnerResult *ra = *(ScPartnerResult * const *) a;
  const ScPartnerResult *rb = *(ScPartnerResult * const *) b;

  if (isnan (ra->score) != isnan (rb->score))
    return isnan (ra->score) ? 1 : -1;
  if (!isnan (ra->score) && ra->score != rb->score)
    return ra->score > rb->score ? -1 : 1;
  return g_utf8_collate (sc_partner_get_name (ra->partner), sc_partner_get_name (rb->partner));
}

/* The results of the partners of @type in the view @rollup, sorted best
 * first; @all owns them.
 */
static GPtrArray *
sorted_results (ScScorer       *scorer,
                ScPartnerType   type,
                ScPartner      *highlight,
                const ScRollup *rollup,
                GPtrArray     **all)
{
  GPtrArray *results = g_ptr_array_new ();
  ScWorkbook *book = sc_scorer_get_workbook (scorer);
  ScScorecardGroup *scorecard = NULL;
  gboolean one_scorecard = highlight != NULL && sc_partner_get_partner_type (highlight) == type;

  /* Ranks are kept among the partners on the same scorecard: with a
   * partner to show, only they are shown (docs/scoring.md)
   */
  if (one_scorecard)
    scorecard = sc_workbook_scorecard_group_for_partner (book, highlight);
  *all = sc_scorer_score_all (scorer, rollup);
  for (guint i = 0; i < (*all)->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (*all, i);

      if (sc_partner_get_partner_type (r->partner) == type &&
          (!one_scorecard || r->scorecard == scorecard))
        g_ptr_array_add (results, r);
    }
  g_ptr_array_sort (results, compare_results);
  return results;
}

/* How many scorecards @results are measured on */
static guint
count_scorecards (GPtrArray *results)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < results->len; i++)
    g_hash_table_add (seen, ((ScPartnerResult *) g_ptr_array_index (results, i))->scorecard);
  return g_hash_table_size (seen);
}

/* "Suppliers · Dec 2025"; with scorecard groups it says which scorecard
 * the partners are on, or that they are on several, ranked separately.
 */
static char *
type_subtitle (ScWorkbook     *book,
               ScPartnerType   type,
               const ScRollup *rollup,
               GPtrArray      *results)
{
  g_autofree char *label = sc_rollup_to_label (rollup, sc_workbook_get_granularity (book));
  guint n_scorecards = count_scorecards (results);
  g_autofree char *scorecard = NULL;

  if (sc_workbook_get_n_scorecard_groups (book) == 0 || results->len == 0)
    return g_strdup_printf (type == SC_PARTNER_SUPPLIER ?
                            /* Translators: %s is a period, e.g. "Dec 2025" */
                            _("Suppliers · %s") :
                            /* Translators: %s is a period, e.g. "Dec 2025" */
                            _("Customers · %s"), label);

  if (n_scorecards > 1)
    scorecard = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "on %u scorecard, ranked separately",
                                              "on %u scorecards, ranked separately", n_scorecards),
                                 n_scorecards);
  else if (((ScPartnerResult *) g_ptr_array_index (results, 0))->scorecard != NULL)
    scorecard = g_strdup_printf (_("on the %s scorecard"),
                                 sc_scorecard_group_get_name (((ScPartnerResult *) g_ptr_array_index (results, 0))->scorecard));
  else
    scorecard = g_strdup (_("on the default scorecard"));

  return g_strdup_printf (type == SC_PARTNER_SUPPLIER ?
                          /* Translators: a scorecard ("on the Castings scorecard"), a period */
                          _("Suppliers %s · %s") :
                          /* Translators: a scorecard ("on the Castings scorecard"), a period */
                          _("Customers %s · %s"), scorecard, label);
}

/* Partners of @type by overall score in the view @rollup, @highlight
 * marked.
 */
ScChartRankingData *
sc_chart_ranking_data_new_from_scorer (ScScorer       *scorer,
                                       ScPartnerType   type,
                                       ScPartner      *highlight,
                                       const ScRollup *rollup)
{
  ScWorkbook *book;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) results = NULL;
  ScChartRankingData *data;

  g_return_val_if_fail (SC_IS_SCORER (scorer), NULL);
  g_return_val_if_fail (rollup != NULL, NULL);

  book = sc_scorer_get_workbook (scorer);
  results = sorted_results (scorer, type, highlight, rollup, &all);
  data = sc_chart_ranking_data_new (results->len);
  data->title = g_strdup (_("Ranking by overall score"));
  data->subtitle = type_subtitle (book, type, rollup, results);
  data->period = rollup->anchor;
  data->n_grades = MAX (1, sc_workbook_get_n_grade_bands (book));

  for (guint i = 0; i < results->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (results, i);
      ScChartRankingItem *item = &data->items[i];

      item->partner = g_object_ref (r->partner);
      item->name = g_strdup (sc_partner_get_name (r->partner));
      item->score = r->score;
      item->grade = g_strdup (r->grade);
      item->grade_index = grade_index (book, r->grade);
      item->rank = r->rank;
      item->highlight = r->partner == highlight;
    }
  return data;
}

/* Partners of @type by overall score in @period, @highlight marked. */
ScChartRankingData *
sc_chart_ranking_data_new_from_workbook (ScWorkbook    *book,
                                         ScPartnerType  type,
                                         ScPartner     *highlight,
                                         ScPeriod       period)
{
  g_autoptr(ScScorer) scorer = NULL;
  ScRollup rollup;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  scorer = period_scorer (book, period, &rollup);
  return sc_chart_ranking_data_new_from_scorer (scorer, type, highlight, &rollup);
}

static int
kpi_column (GPtrArray *kpis,
            ScKpi     *kpi)
{
  for (guint i = 0; i < kpis->len; i++)
    {
      if (g_ptr_array_index (kpis, i) == kpi)
        return i;
    }
  return -1;
}

/* The KPIs, in workbook order, that at least one of @results has. */
static GPtrArray *
heatmap_columns (ScWorkbook *book,
                 GPtrArray  *results)
{
  GListModel *model = sc_workbook_get_kpis (book);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  GPtrArray *kpis = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < results->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (results, i);

      for (guint k = 0; k < r->kpis->len; k++)
        g_hash_table_add (used, g_array_index (r->kpis, ScKpiResult, k).kpi);
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      ScKpi *kpi = g_list_model_get_item (model, i);

      if (g_hash_table_contains (used, kpi))
        g_ptr_array_add (kpis, kpi);
      else
        g_object_unref (kpi);
    }
  return kpis;
}

/* Partners of @type (best first) × the KPIs they have, in the view
 * @rollup.
 */
ScChartHeatmapData *
sc_chart_heatmap_data_new_from_scorer (ScScorer       *scorer,
                                       ScPartnerType   type,
                                       ScPartner      *highlight,
                                       const ScRollup *rollup)
{
  ScWorkbook *book;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  ScChartHeatmapData *data;

  g_return_val_if_fail (SC_IS_SCORER (scorer), NULL);
  g_return_val_if_fail (rollup != NULL, NULL);

  book = sc_scorer_get_workbook (scorer);
  results = sorted_results (scorer, type, highlight, rollup, &all);
  kpis = heatmap_columns (book, results);
  data = sc_chart_heatmap_data_new (results->len, kpis->len);
  data->title = g_strdup (_("Status by partner and KPI"));
  data->subtitle = type_subtitle (book, type, rollup, results);
  data->period = rollup->anchor;

  for (guint c = 0; c < kpis->len; c++)
    {
      data->kpis[c] = g_object_ref (g_ptr_array_index (kpis, c));
      data->col_labels[c] = g_strdup (sc_kpi_get_name_in (data->kpis[c], NULL));
    }
  for (guint r = 0; r < results->len; r++)
    {
      ScPartnerResult *result = g_ptr_array_index (results, r);

      data->partners[r] = g_object_ref (result->partner);
      data->row_labels[r] = g_strdup (sc_partner_get_name (result->partner));
      if (result->partner == highlight)
        data->highlight_row = r;
      for (guint k = 0; k < result->kpis->len; k++)
        {
          ScKpiResult *kr = &g_array_index (result->kpis, ScKpiResult, k);
          int c = kpi_column (kpis, kr->kpi);

          data->statuses[r * data->n_cols + c] = kr->status;
          data->values[r * data->n_cols + c] = kr->value;
        }
    }
  return data;
}

/* Partners of @type (best first) × the KPIs they have, in @period. */
ScChartHeatmapData *
sc_chart_heatmap_data_new_from_workbook (ScWorkbook    *book,
                                         ScPartnerType  type,
                                         ScPartner     *highlight,
                                         ScPeriod       period)
{
  g_autoptr(ScScorer) scorer = NULL;
  ScRollup rollup;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  scorer = period_scorer (book, period, &rollup);
  return sc_chart_heatmap_data_new_from_scorer (scorer, type, highlight, &rollup);
}

/* The weighted mean score of @result's KPIs in @category; NaN when none
 * has data.
 */
static double
category_score (ScPartnerResult *result,
                const char      *category)
{
  double sum = 0, weights = 0;

  for (guint k = 0; k < result->kpis->len; k++)
    {
      ScKpiResult *kr = &g_array_index (result->kpis, ScKpiResult, k);

      if (isnan (kr->score) || g_strcmp0 (sc_kpi_get_category (kr->kpi), category) != 0)
        continue;
      sum += kr->weight * kr->score;
      weights += kr->weight;
    }
  return weights > 0 ? sum / weights : NAN;
}

/* The categories of @result's KPIs: the five built-in ones in their usual
 * order, then any others in workbook order.
 */
static GPtrArray *
partner_categories (ScPartnerResult *result)
{
  static const char *known[] = { "quality", "delivery", "cost", "service", "satisfaction" };
  GPtrArray *categories = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      for (guint k = 0; k < result->kpis->len; k++)
        {
          if (g_strcmp0 (sc_kpi_get_category (g_array_index (result->kpis, ScKpiResult, k).kpi), known[i]) == 0)
            {
              g_ptr_array_add (categories, (gpointer) known[i]);
              break;
            }
        }
    }
  for (guint k = 0; k < result->kpis->len; k++)
    {
      const char *category = sc_kpi_get_category (g_array_index (result->kpis, ScKpiResult, k).kpi);

      if (category && !g_ptr_array_find_with_equal_func (categories, category, g_str_equal, NULL))
        g_ptr_array_add (categories, (gpointer) category);
    }
  return categories;
}

/* @partner's score per KPI category in the view @rollup, against the mean
 * of the partners of the same type. The scorer keeps those means, so that
 * going from partner to partner does not score them all again.
 */
ScChartRadarData *
sc_chart_radar_data_new_from_scorer (ScScorer       *scorer,
                                     ScPartner      *partner,
                                     const ScRollup *rollup)
{
  ScWorkbook *book;
  g_autoptr(ScPartnerResult) result = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autofree char *label = NULL;
  ScPartnerType type;
  ScChartRadarData *data;

  g_return_val_if_fail (SC_IS_SCORER (scorer), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (rollup != NULL, NULL);

  book = sc_scorer_get_workbook (scorer);
  result = sc_scorer_score_partner (scorer, partner, rollup);
  type = sc_partner_get_partner_type (partner);
  categories = partner_categories (result);
  data = sc_chart_radar_data_new (categories->len);
  for (guint i = 0; i < categories->len; i++)
    {
      const char *category = g_ptr_array_index (categories, i);

      data->axes[i].category = g_strdup (category);
      data->axes[i].label = g_strdup (sc_category_get_label (category));
      data->axes[i].score = category_score (result, category);
      data->axes[i].reference = sc_scorer_category_mean (scorer, type, rollup, category);
    }

  label = sc_rollup_to_label (rollup, sc_workbook_get_granularity (book));
  data->title = g_strdup (_("Score by category"));
  /* Translators: the subtitle of a chart: a partner, then a period */
  data->subtitle = g_strdup_printf (_("%s · %s"), sc_partner_get_name (partner), label);
  data->reference_label = g_strdup (type == SC_PARTNER_SUPPLIER ? _("Mean of all suppliers")
                                                                : _("Mean of all customers"));
  data->partner = g_object_ref (partner);
  data->period = rollup->anchor;
  return data;
}

/* @partner's score per KPI category in @period, against the mean of the
 * partners of the same type.
 */
ScChartRadarData *
sc_chart_radar_data_new_from_workbook (ScWorkbook *book,
                                       ScPartner  *partner,
                                       ScPeriod    period)
{
  g_autoptr(ScScorer) scorer = NULL;
  ScRollup rollup;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);

  scorer = period_scorer (book, period, &rollup);
  return sc_chart_radar_data_new_from_scorer (scorer, partner, &rollup);
}

typedef struct
{
  char  *label;
  ScKpi *kpi;
  guint  count;
} ParetoBucket;

static void
pareto_bucket_free (gpointer data)
{
  ParetoBucket *bucket = data;

  g_free (bucket->label);
  g_clear_object (&bucket->kpi);
  g_free (bucket);
}

static ParetoBucket *
pareto_bucket_for_issue (ScWorkbook         *book,
                         ScIssue            *issue,
                         ScChartParetoGroup  group,
                         GHashTable         *buckets)
{
  ScKpi *kpi = sc_issue_get_kpi_id (issue) ? sc_workbook_lookup_kpi (book, sc_issue_get_kpi_id (issue)) : NULL;
  const char *key;
  ParetoBucket *bucket;

  if (kpi == NULL)
    key = "";
  else if (group == SC_CHART_PARETO_BY_CATEGORY)
    key = sc_kpi_get_category (kpi);
  else
    key = sc_kpi_get_id (kpi);

  bucket = g_hash_table_lookup (buckets, key);
  if (bucket == NULL)
    {
      bucket = g_new0 (ParetoBucket, 1);
      if (kpi == NULL)
        bucket->label = g_strdup (_("Not pinned to a KPI"));
      else if (group == SC_CHART_PARETO_BY_CATEGORY)
        bucket->label = g_strdup (sc_category_get_label (key));
      else
        {
          bucket->label = g_strdup (sc_kpi_get_name_in (kpi, NULL));
          bucket->kpi = g_object_ref (kpi);
        }
      g_hash_table_insert (buckets, g_strdup (key), bucket);
    }
  return bucket;
}

/* The issues of @partner (NULL: of every partner) counted by KPI or by
 * category, largest first.
 */
ScChartParetoData *
sc_chart_pareto_data_new_from_workbook (ScWorkbook         *book,
                                        ScPartner          *partner,
                                        ScChartParetoGroup  group)
{
  g_autoptr(GHashTable) buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pareto_bucket_free);
  GListModel *issues;
  ScChartParetoData *data;
  GHashTableIter iter;
  ParetoBucket *bucket;
  guint i = 0, total = 0;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  issues = sc_workbook_get_issues (book);
  for (guint n = 0; n < g_list_model_get_n_items (issues); n++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, n);

      if (partner && g_strcmp0 (sc_issue_get_partner_id (issue), sc_partner_get_id (partner)) != 0)
        continue;
      pareto_bucket_for_issue (book, issue, group, buckets)->count++;
      total++;
    }

  data = sc_chart_pareto_data_new (g_hash_table_size (buckets));
  g_hash_table_iter_init (&iter, buckets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &bucket))
    {
      data->items[i].label = g_steal_pointer (&bucket->label);
      data->items[i].kpi = g_steal_pointer (&bucket->kpi);
      data->items[i++].count = bucket->count;
    }
  sc_chart_pareto_data_sort (data);

  data->title = g_strdup (group == SC_CHART_PARETO_BY_CATEGORY ? _("Issues by category")
                                                              : _("Issues by KPI"));
  data->subtitle = partner ? g_strdup_printf (LN_ (NULL, "%s · %u issue", "%s · %u issues", total),
                                              sc_partner_get_name (partner), total)
                           : g_strdup_printf (LN_ (NULL, "All partners · %u issue", "All partners · %u issues", total),
                                              total);
  data->partner = partner ? g_object_ref (partner) : NULL;
  return data;
}

/* The value of @kpi for @partner over the stored periods [first, last],
 * by the KPI's own aggregation (docs/scoring.md, "Views").
 */
static double
view_value (ScWorkbook *book,
            ScPartner  *partner,
            ScKpi      *kpi,
            ScPeriod    first,
            ScPeriod    last,
            guint      *n_present)
{
  const ScSeries *series = sc_workbook_get_series (book, partner, kpi);
  ScPeriod book_first = sc_workbook_get_first_period (book);
  gint64 i0 = MAX ((gint64) first - book_first, 0);
  gint64 i1 = MIN ((gint64) last - book_first, (gint64) sc_workbook_get_n_periods (book) - 1);

  *n_present = 0;
  if (series == NULL || i1 < i0)
    return NAN;
  if (i0 == i1)
    {
      *n_present = isnan (series->values[i0]) ? 0 : 1;
      return series->values[i0];
    }
  return sc_series_aggregate (series, sc_kpi_get_aggregation (kpi), sc_kpi_get_ratio_scale (kpi),
                              (guint) i0, (guint) (i1 - i0 + 1), n_present);
}

/* A trend that follows the window's view: quarters for the quarter view
 * (one point a quarter), the rolling twelve months for that view (one
 * point a month, each the twelve months to it), stored periods otherwise.
 * Targets and thresholds of a sum KPI are scaled to the periods a point
 * covers, as the scores are. At most @max_points points up to the view.
 */
/* Issue markers on the point that covers their period. */
static void
add_view_markers (ScWorkbook       *book,
                  ScChartTrendData *data,
                  gboolean          quarters)
{
  GListModel *issues = sc_workbook_get_issues (book);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
      ScPeriod period = sc_issue_get_period (issue);
      gint64 index;

      if (period == SC_PERIOD_NONE ||
          g_strcmp0 (sc_issue_get_partner_id (issue), sc_partner_get_id (data->partner)) != 0 ||
          g_strcmp0 (sc_issue_get_kpi_id (issue), sc_kpi_get_id (data->kpi)) != 0)
        continue;
      index = (gint64) (quarters ? period / 3 : period) - data->first_period;
      if (index >= 0 && index < data->n_values)
        sc_chart_trend_data_add_marker (data, index, sc_issue_get_severity (issue),
                                        sc_issue_get_id (issue), sc_issue_get_title (issue));
    }
}

/* A trend that follows the window's view: quarters for the quarter view
 * (one point a quarter), the rolling twelve months for that view (one
 * point a month, each the twelve months to it), stored periods otherwise.
 * Targets and thresholds of a sum KPI are scaled to the periods a point
 * covers, as the scores are. At most @max_points points up to the view.
 */
ScChartTrendData *
sc_chart_trend_data_new_for_view (ScWorkbook     *book,
                                  ScPartner      *partner,
                                  ScKpi          *kpi,
                                  const ScRollup *view,
                                  guint           max_points)
{
  ScGranularity granularity = sc_workbook_get_granularity (book);
  gboolean quarters = view->kind == SC_ROLLUP_QUARTER && granularity == SC_GRANULARITY_MONTH;
  gboolean rolling = view->kind == SC_ROLLUP_ROLLING_12;
  ScPeriod book_first = sc_workbook_get_first_period (book);
  ScPeriod last_point, first_point;
  ScChartTrendData *data;
  double scale;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (SC_IS_KPI (kpi), NULL);
  g_return_val_if_fail (view != NULL && max_points > 0, NULL);

  if (!quarters && !rolling)
    return sc_chart_trend_data_new_from_workbook (book, partner, kpi,
                                                  MAX (book_first, view->anchor - (ScPeriod) max_points + 1),
                                                  view->anchor);

  last_point = quarters ? view->anchor / 3 : view->anchor;
  first_point = MAX (quarters ? book_first / 3 : book_first, last_point - (ScPeriod) max_points + 1);
  scale = sc_kpi_get_aggregation (kpi) == SC_AGGREGATION_SUM ? (quarters ? 3 : 12) : 1;

  data = sc_chart_trend_data_new ((guint) (last_point - first_point + 1));
  data->title = g_strdup (sc_kpi_get_name_in (kpi, NULL));
  data->subtitle = g_strdup (sc_partner_get_name (partner));
  data->partner = g_object_ref (partner);
  data->kpi = g_object_ref (kpi);
  data->granularity = quarters ? SC_GRANULARITY_QUARTER : granularity;
  data->first_period = first_point;
  data->direction = sc_kpi_get_direction (kpi);
  data->target = partner_target (partner, kpi) * scale;
  data->target_max = sc_kpi_get_target_max (kpi) * scale;
  data->warning = sc_kpi_get_warning (kpi) * scale;
  data->critical = sc_kpi_get_critical (kpi) * scale;

  for (guint i = 0; i < data->n_values; i++)
    {
      ScPeriod p = first_point + (ScPeriod) i;
      guint n_present;

      data->values[i] = view_value (book, partner, kpi, quarters ? p * 3 : p - 11,
                                    quarters ? p * 3 + 2 : p, &n_present);
      data->statuses[i] = sc_score_status_for_periods (kpi, partner_target (partner, kpi),
                                                       data->values[i], scale);
    }
  add_view_markers (book, data, quarters);

  return data;
}
