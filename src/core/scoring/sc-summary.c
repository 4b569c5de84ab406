/* sc-summary.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The machine-readable summary of `scorecards summary --json`: every partner
 * with its score, grade, trend and rank, and each KPI's value, target,
 * status and score in one period.
 */

#define G_LOG_DOMAIN "sc-summary"

#include "config.h"

#include <math.h>

#include "sc-json-writer.h"
#include "sc-score-history.h"
#include "sc-score.h"
#include "sc-scorecard-group.h"
#include "sc-scorer.h"
#include "sc-standing.h"
#include "sc-summary.h"

/* Numbers are rounded for output: scores to 0.01, values to the KPI's
 * decimals plus two, so that the JSON shows what a user would read.
 */
static void
add_number (ScJsonWriter *w,
            const char   *name,
            double        value,
            int           decimals)
{
  sc_json_writer_number_rounded (w, name, value, (guint) CLAMP (decimals, 0, 9));
}

static void
add_kpi (ScJsonWriter      *w,
         const ScKpiResult *r)
{
  int decimals = (int) sc_kpi_get_decimals (r->kpi) + 2;

  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "id", sc_kpi_get_id (r->kpi));
  sc_json_writer_string (w, "name", sc_kpi_get_name (r->kpi));
  sc_json_writer_string (w, "unit", sc_kpi_get_unit (r->kpi));
  sc_json_writer_string (w, "category", sc_kpi_get_category (r->kpi));
  add_number (w, "value", r->value, decimals);
  add_number (w, "target", r->target, decimals);
  sc_json_writer_string (w, "status", sc_status_to_string (r->status));
  add_number (w, "score", r->score, 2);
  add_number (w, "weight", r->weight, 4);
  add_number (w, "change", r->value - r->previous, decimals);
  add_number (w, "share", r->share, 4);
  add_number (w, "contribution", r->contribution, 2);
  sc_json_writer_end_object (w);
}

/* The standing, its action, the scorecard and the watch list's reason */
static void
add_standing (ScJsonWriter          *w,
              const ScPartnerResult *result,
              const ScWatch         *watch)
{
  g_autofree char *reason = sc_watch_describe (watch);

  if (result->n_ranked > 0)
    sc_json_writer_int (w, "ranked_among", result->n_ranked);
  else
    sc_json_writer_null (w, "ranked_among");
  sc_json_writer_string (w, "standing", result->grade);
  sc_json_writer_string (w, "action", result->action ? sc_standing_action_label (result->action) : NULL);
  sc_json_writer_string (w, "scorecard", result->scorecard ?
                         sc_scorecard_group_get_name (result->scorecard) : NULL);
  sc_json_writer_string (w, "scorecard_id", result->scorecard ?
                         sc_scorecard_group_get_id (result->scorecard) : NULL);
  if (watch->reason == SC_WATCH_NONE)
    {
      sc_json_writer_null (w, "watch");
      return;
    }
  sc_json_writer_begin_object (w, "watch");
  sc_json_writer_string (w, "reason", sc_watch_reason_to_string (watch->reason));
  sc_json_writer_string (w, "text", reason);
  sc_json_writer_string (w, "from", watch->from);
  sc_json_writer_string (w, "to", watch->to);
  sc_json_writer_int (w, "periods", watch->n_periods);
  sc_json_writer_end_object (w);
}

static void
add_partner (ScJsonWriter          *w,
             ScWorkbook            *book,
             ScScorer              *scorer,
             const ScPartnerResult *result,
             const ScWatch         *watch)
{
  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "id", sc_partner_get_id (result->partner));
  sc_json_writer_string (w, "name", sc_partner_get_name (result->partner));
  sc_json_writer_string (w, "type", sc_partner_type_to_string (sc_partner_get_partner_type (result->partner)));
  add_number (w, "score", result->score, 2);
  sc_json_writer_string (w, "grade", result->grade);
  add_number (w, "change", result->change, 2);
  sc_json_writer_string (w, "trend", sc_trend_to_string (result->trend));
  add_number (w, "slope", result->slope, 4);
  if (result->rank > 0)
    sc_json_writer_int (w, "rank", result->rank);
  else
    sc_json_writer_null (w, "rank");
  sc_json_writer_int (w, "open_issues", sc_workbook_count_open_issues (book, result->partner));
  add_standing (w, result, watch);

  sc_json_writer_begin_array (w, "categories");
  for (guint i = 0; i < result->categories->len; i++)
    {
      const ScCategoryResult *c = &g_array_index (result->categories, ScCategoryResult, i);

      sc_json_writer_begin_object (w, NULL);
      sc_json_writer_string (w, "category", c->category);
      add_number (w, "score", c->score, 2);
      add_number (w, "weight", c->weight, 4);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);

  sc_json_writer_begin_array (w, "kpis");
  for (guint i = 0; i < result->kpis->len; i++)
    add_kpi (w, &g_array_index (result->kpis, ScKpiResult, i));
  sc_json_writer_end_array (w);

  /* As scored then, when any score was kept (sc-score-history.c) */
  sc_score_history_write_json (w, scorer, result->partner);
  sc_json_writer_end_object (w);
}

/* Returns the summary of @book for the view @rollup as indented JSON;
 * with @watch_only, of the partners on the watch list only.
 */
char *
sc_summary_rollup_to_json_full (ScWorkbook     *book,
                                const ScRollup *rollup,
                                gboolean        watch_only)
{
  g_autoptr(ScScorer) scorer = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *view = NULL;
  g_autofree char *label = NULL;
  g_autofree char *first_str = NULL;
  g_autofree char *last_str = NULL;
  ScGranularity granularity;
  ScPeriod first, last;
  ScJsonWriter *w;
  gsize reserve;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (rollup != NULL, NULL);

  granularity = sc_workbook_get_granularity (book);
  scorer = sc_scorer_new (book);
  results = sc_scorer_score_all (scorer, rollup);
  sc_rollup_get_range (rollup, granularity, &first, &last);
  view = sc_rollup_to_string (rollup, granularity);
  label = sc_rollup_to_label (rollup, granularity);
  first_str = sc_period_to_string (granularity, first);
  last_str = sc_period_to_string (granularity, last);

  /* About 400 bytes a KPI and 800 a partner: one allocation, no regrowth */
  reserve = 4096;
  for (guint i = 0; i < results->len; i++)
    reserve += 800 + 400 * ((ScPartnerResult *) g_ptr_array_index (results, i))->kpis->len;
  w = sc_json_writer_new (reserve);
  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "period", view);
  sc_json_writer_string (w, "label", label);
  sc_json_writer_string (w, "view", sc_rollup_kind_to_string (rollup->kind));
  sc_json_writer_string (w, "first_period", first_str);
  sc_json_writer_string (w, "last_period", last_str);
  sc_json_writer_string (w, "granularity", sc_granularity_to_string (granularity));
  /* A score over several periods: the setting behind every score */
  if (!sc_period_weighting_is_latest (sc_workbook_get_period_weighting (book)))
    {
      g_autofree char *weighting = sc_period_weighting_to_string (sc_workbook_get_period_weighting (book));
      sc_json_writer_string (w, "weighting", weighting);
    }
  sc_json_writer_begin_array (w, "partners");
  for (guint i = 0; i < results->len; i++)
    {
      ScPartnerResult *result = g_ptr_array_index (results, i);
      ScWatch watch;

      if (!sc_standing_watch (scorer, result->partner, rollup, &watch) && watch_only)
        continue;
      add_partner (w, book, scorer, result, &watch);
    }
  sc_json_writer_end_array (w);
  sc_json_writer_end_object (w);

  return sc_json_writer_free_to_string (w);
}

/* Returns the summary of @book for the view @rollup as indented JSON. */
char *
sc_summary_rollup_to_json (ScWorkbook     *book,
                           const ScRollup *rollup)
{
  return sc_summary_rollup_to_json_full (book, rollup, FALSE);
}

/* Returns the summary of @book in the stored period @period. */
char *
sc_summary_to_json (ScWorkbook *book,
                    ScPeriod    period)
{
  ScRollup rollup = { SC_ROLLUP_PERIOD, period };

  return sc_summary_rollup_to_json (book, &rollup);
}
