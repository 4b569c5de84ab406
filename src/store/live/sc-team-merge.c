/* sc-team-merge.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Applies the server's version of an issue, a series or a whole workbook
 * to the workbook a window shows, changing only what differs.
 */

#define G_LOG_DOMAIN "sc-team-merge"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-team-edit.h"
#include "sc-team-merge.h"

/* Sets the issue @id to @data (NULL: removes it); TRUE if anything changed. */
gboolean
sc_team_merge_issue (ScWorkbook *book,
                     const char *id,
                     JsonObject *data)
{
  ScGranularity granularity = sc_workbook_get_granularity (book);
  ScIssue *issue = sc_workbook_lookup_issue (book, id);
  g_autoptr(JsonObject) mine = NULL;
  JsonArray *changes;

  if (data == NULL)
    {
      if (issue == NULL)
        return FALSE;
      sc_workbook_remove_issue (book, issue);
      return TRUE;
    }
  if (issue == NULL)
    {
      g_autoptr(ScIssue) added = sc_team_issue_new_from_json (data, granularity);

      sc_workbook_add_issue (book, added);
      return TRUE;
    }

  mine = sc_team_issue_to_json (issue, granularity, 0);
  changes = json_object_has_member (data, "changes")
            ? json_object_get_array_member (data, "changes") : NULL;
  if (sc_team_issue_equal_json (mine, data) &&
      (changes == NULL || json_array_get_length (changes) <= sc_issue_get_n_changes (issue)))
    return FALSE;

  sc_team_issue_apply_json (issue, data, granularity);
  return TRUE;
}

static gboolean
same_values (const double *a,
             const double *b,
             guint         n)
{
  for (guint i = 0; i < n; i++)
    if (!(a[i] == b[i] || (isnan (a[i]) && isnan (b[i]))))
      return FALSE;
  return TRUE;
}

/* Sets one series from the server; FALSE when the workbook must be read
 * whole instead (a partner, KPI or period range this one does not have).
 */
gboolean
sc_team_merge_series (ScWorkbook *book,
                      JsonObject *data)
{
  ScPartner *partner = sc_workbook_lookup_partner (book, sc_team_json_get_string (data, "partner"));
  ScKpi *kpi = sc_workbook_lookup_kpi (book, sc_team_json_get_string (data, "kpi"));
  guint n = sc_workbook_get_n_periods (book);
  g_autofree char *first = NULL;
  g_autofree double *values = NULL;
  JsonArray *array;
  ScSeries *series;

  if (partner == NULL || kpi == NULL)
    return FALSE;
  if (!json_object_has_member (data, "values") ||
      JSON_NODE_HOLDS_NULL (json_object_get_member (data, "values")))
    {
      sc_workbook_remove_series (book, partner, kpi);
      return TRUE;
    }

  first = sc_period_to_string (sc_workbook_get_granularity (book),
                               sc_workbook_get_first_period (book));
  array = json_object_get_array_member (data, "values");
  if (g_strcmp0 (first, sc_team_json_get_string (data, "first")) != 0 ||
      json_array_get_length (array) != n)
    return FALSE;

  values = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      values[i] = JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
    }
  series = sc_workbook_ensure_series (book, partner, kpi);
  if (same_values (series->values, values, n))
    return TRUE;
  memcpy (series->values, values, n * sizeof (double));
  sc_workbook_series_changed (book, series);
  return TRUE;
}

static void
merge_settings (ScWorkbook *book,
                ScWorkbook *from)
{
  guint n_bands = sc_workbook_get_n_grade_bands (from);
  gboolean same_bands = n_bands == sc_workbook_get_n_grade_bands (book);
  g_autofree ScGradeBand *bands = g_new0 (ScGradeBand, MAX (n_bands, 1));

  if (g_strcmp0 (sc_workbook_get_company (book), sc_workbook_get_company (from)) != 0)
    sc_workbook_set_company (book, sc_workbook_get_company (from));
  if (g_strcmp0 (sc_workbook_get_confidentiality (book), sc_workbook_get_confidentiality (from)))
    sc_workbook_set_confidentiality (book, sc_workbook_get_confidentiality (from));
  if (g_strcmp0 (sc_workbook_get_page_size (book), sc_workbook_get_page_size (from)) != 0)
    sc_workbook_set_page_size (book, sc_workbook_get_page_size (from));
  if (g_strcmp0 (sc_workbook_get_notes (book), sc_workbook_get_notes (from)) != 0)
    sc_workbook_set_notes (book, sc_workbook_get_notes (from));
  if (sc_workbook_get_trend_periods (book) != sc_workbook_get_trend_periods (from))
    sc_workbook_set_trend_periods (book, sc_workbook_get_trend_periods (from));

  for (guint i = 0; i < n_bands; i++)
    {
      const ScGradeBand *band = sc_workbook_get_grade_band (from, i);

      bands[i] = *band;
      if (same_bands)
        {
          const ScGradeBand *mine = sc_workbook_get_grade_band (book, i);
          same_bands = g_strcmp0 (mine->grade, band->grade) == 0 &&
                       mine->min_score == band->min_score;
        }
    }
  if (!same_bands)
    sc_workbook_set_grade_bands (book, bands, n_bands);
}

static void
merge_kpis (ScWorkbook *book,
            ScWorkbook *from)
{
  GListModel *kpis = sc_workbook_get_kpis (from);
  GListModel *mine = sc_workbook_get_kpis (book);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);
      ScKpi *existing = sc_workbook_lookup_kpi (book, sc_kpi_get_id (kpi));

      if (existing == NULL)
        {
          g_autoptr(ScKpi) copy = sc_kpi_copy (kpi);
          sc_workbook_add_kpi (book, copy);
        }
      else
        sc_kpi_assign (existing, kpi);
    }
  for (guint i = g_list_model_get_n_items (mine); i > 0; i--)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (mine, i - 1);

      if (sc_workbook_lookup_kpi (from, sc_kpi_get_id (kpi)) == NULL)
        sc_workbook_remove_kpi (book, kpi);
    }
}

static void
merge_partner (ScPartner *partner,
               ScPartner *from)
{
  g_auto(GStrv) tags = sc_partner_dup_tag_keys (from);
  g_auto(GStrv) overrides = sc_partner_dup_override_kpis (from);

  if (g_strcmp0 (sc_partner_get_name (partner), sc_partner_get_name (from)) != 0)
    sc_partner_set_name (partner, sc_partner_get_name (from));
  if (sc_partner_get_partner_type (partner) != sc_partner_get_partner_type (from))
    sc_partner_set_partner_type (partner, sc_partner_get_partner_type (from));
  if (g_strcmp0 (sc_partner_get_contact (partner), sc_partner_get_contact (from)) != 0)
    sc_partner_set_contact (partner, sc_partner_get_contact (from));
  for (guint i = 0; tags && tags[i]; i++)
    if (g_strcmp0 (sc_partner_get_tag (partner, tags[i]), sc_partner_get_tag (from, tags[i])))
      sc_partner_set_tag (partner, tags[i], sc_partner_get_tag (from, tags[i]));
  for (guint i = 0; overrides && overrides[i]; i++)
    {
      double target, weight, my_target, my_weight;

      sc_partner_get_override (from, overrides[i], &target, &weight);
      if (!sc_partner_get_override (partner, overrides[i], &my_target, &my_weight) ||
          !(my_target == target || (isnan (my_target) && isnan (target))) ||
          !(my_weight == weight || (isnan (my_weight) && isnan (weight))))
        sc_partner_set_override (partner, overrides[i], target, weight);
    }
}

static void
merge_partners (ScWorkbook *book,
                ScWorkbook *from)
{
  GListModel *partners = sc_workbook_get_partners (from);
  GListModel *mine = sc_workbook_get_partners (book);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      ScPartner *existing = sc_workbook_lookup_partner (book, sc_partner_get_id (partner));

      if (existing == NULL)
        {
          g_autoptr(ScPartner) added = sc_partner_new (sc_partner_get_id (partner),
                                                       sc_partner_get_name (partner),
                                                       sc_partner_get_partner_type (partner));
          merge_partner (added, partner);
          sc_workbook_add_partner (book, added);
        }
      else
        merge_partner (existing, partner);
    }
  for (guint i = g_list_model_get_n_items (mine); i > 0; i--)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (mine, i - 1);

      if (sc_workbook_lookup_partner (from, sc_partner_get_id (partner)) == NULL)
        sc_workbook_remove_partner (book, partner);
    }
}

static void
merge_partner_series (ScWorkbook *book,
                      ScWorkbook *from,
                      ScPartner  *partner)
{
  ScPartner *theirs = sc_workbook_lookup_partner (from, sc_partner_get_id (partner));
  g_autoptr(GPtrArray) mine = sc_workbook_dup_partner_series (book, partner);
  g_autoptr(GPtrArray) series = sc_workbook_dup_partner_series (from, theirs);
  int offset = sc_workbook_get_first_period (from) - sc_workbook_get_first_period (book);
  guint n = sc_workbook_get_n_periods (from);

  for (guint i = 0; i < series->len; i++)
    {
      const ScSeries *s = g_ptr_array_index (series, i);
      ScKpi *kpi = sc_workbook_lookup_kpi (book, sc_kpi_get_id (s->kpi));
      ScSeries *target;

      if (kpi == NULL || offset < 0)
        continue;
      target = sc_workbook_ensure_series (book, partner, kpi);
      if (same_values (target->values + offset, s->values, n))
        continue;
      memcpy (target->values + offset, s->values, n * sizeof (double));
      sc_workbook_series_changed (book, target);
    }
  for (guint i = 0; i < mine->len; i++)
    {
      const ScSeries *s = g_ptr_array_index (mine, i);
      ScKpi *kpi = sc_workbook_lookup_kpi (from, sc_kpi_get_id (s->kpi));

      if (kpi == NULL || sc_workbook_get_series (from, theirs, kpi) == NULL)
        sc_workbook_remove_series (book, s->partner, s->kpi);
    }
}

static void
merge_issues (ScWorkbook *book,
              ScWorkbook *from,
              GHashTable *keep)
{
  GListModel *issues = sc_workbook_get_issues (from);
  GListModel *mine = sc_workbook_get_issues (book);
  ScGranularity granularity = sc_workbook_get_granularity (from);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
      g_autoptr(JsonObject) data = NULL;

      if (keep != NULL && g_hash_table_contains (keep, sc_issue_get_id (issue)))
        continue;
      data = sc_team_issue_to_json (issue, granularity, 0);
      sc_team_merge_issue (book, sc_issue_get_id (issue), data);
    }
  for (guint i = g_list_model_get_n_items (mine); i > 0; i--)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (mine, i - 1);

      if (sc_workbook_lookup_issue (from, sc_issue_get_id (issue)) == NULL &&
          (keep == NULL || !g_hash_table_contains (keep, sc_issue_get_id (issue))))
        sc_workbook_remove_issue (book, issue);
    }
}

/* Makes @book what @from (the server's) is, leaving the issues in @keep
 * (ids with edits of this session not yet written) as they are.
 */
void
sc_team_merge_workbook (ScWorkbook *book,
                        ScWorkbook *from,
                        GHashTable *keep)
{
  GListModel *partners;
  guint n = sc_workbook_get_n_periods (from);

  if (n > 0 && sc_workbook_get_granularity (book) == sc_workbook_get_granularity (from))
    {
      ScPeriod first = sc_workbook_get_first_period (from);

      if (sc_workbook_get_n_periods (book) == 0 ||
          first < sc_workbook_get_first_period (book) ||
          first + (int) n > sc_workbook_get_first_period (book) +
                            (int) sc_workbook_get_n_periods (book))
        sc_workbook_ensure_periods (book, first, first + n - 1, NULL);
    }
  else if (n > 0 && sc_workbook_get_n_periods (book) == 0)
    {
      sc_workbook_set_granularity (book, sc_workbook_get_granularity (from));
      sc_workbook_ensure_periods (book, sc_workbook_get_first_period (from),
                                  sc_workbook_get_first_period (from) + n - 1, NULL);
    }

  merge_settings (book, from);
  merge_kpis (book, from);
  merge_partners (book, from);

  partners = sc_workbook_get_partners (book);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      merge_partner_series (book, from, partner);
    }
  merge_issues (book, from, keep);
}
