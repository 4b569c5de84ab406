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

#include <json-glib/json-glib.h>
#include <math.h>

#include "sc-score.h"
#include "sc-summary.h"

/* Numbers are rounded for output: scores to 0.01, values to the KPI's
 * decimals plus two, so that the JSON shows what a user would read.
 */
static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value,
            int          decimals)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value) || !isfinite (value))
    json_builder_add_null_value (builder);
  else
    {
      double scale = pow (10, decimals);
      json_builder_add_double_value (builder, round (value * scale) / scale);
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_kpi (JsonBuilder       *builder,
         const ScKpiResult *r)
{
  int decimals = (int) sc_kpi_get_decimals (r->kpi) + 2;

  json_builder_begin_object (builder);
  add_string (builder, "id", sc_kpi_get_id (r->kpi));
  add_string (builder, "name", sc_kpi_get_name (r->kpi));
  add_string (builder, "unit", sc_kpi_get_unit (r->kpi));
  add_string (builder, "category", sc_kpi_get_category (r->kpi));
  add_number (builder, "value", r->value, decimals);
  add_number (builder, "target", r->target, decimals);
  add_string (builder, "status", sc_status_to_string (r->status));
  add_number (builder, "score", r->score, 2);
  add_number (builder, "weight", r->weight, 4);
  add_number (builder, "change", r->value - r->previous, decimals);
  json_builder_end_object (builder);
}

static void
add_partner (JsonBuilder           *builder,
             ScWorkbook            *book,
             const ScPartnerResult *result)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", sc_partner_get_id (result->partner));
  add_string (builder, "name", sc_partner_get_name (result->partner));
  add_string (builder, "type", sc_partner_type_to_string (sc_partner_get_partner_type (result->partner)));
  add_number (builder, "score", result->score, 2);
  add_string (builder, "grade", result->grade);
  add_number (builder, "change", result->change, 2);
  add_string (builder, "trend", sc_trend_to_string (result->trend));
  add_number (builder, "slope", result->slope, 4);
  json_builder_set_member_name (builder, "rank");
  if (result->rank > 0)
    json_builder_add_int_value (builder, result->rank);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "open_issues");
  json_builder_add_int_value (builder, sc_workbook_count_open_issues (book, result->partner));

  json_builder_set_member_name (builder, "kpis");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->kpis->len; i++)
    add_kpi (builder, &g_array_index (result->kpis, ScKpiResult, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Returns the summary of @book in @period as pretty-printed JSON. */
char *
sc_summary_to_json (ScWorkbook *book,
                    ScPeriod    period)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *period_str = NULL;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  results = sc_score_all (book, period);
  period_str = sc_period_to_string (sc_workbook_get_granularity (book), period);

  json_builder_begin_object (builder);
  add_string (builder, "period", period_str);
  add_string (builder, "granularity", sc_granularity_to_string (sc_workbook_get_granularity (book)));
  json_builder_set_member_name (builder, "partners");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    add_partner (builder, book, g_ptr_array_index (results, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}
