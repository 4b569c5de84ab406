/* sc-workbook-save.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing .scorecard files (docs/file-format.md) with the streaming writer
 * of sc-json-writer.c, and saving them safely (sc-safe-file.c).
 */

#define G_LOG_DOMAIN "sc-workbook-save"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-issue-private.h"
#include "sc-json-writer.h"
#include "sc-review-snapshot.h"
#include "sc-safe-file.h"
#include "sc-scorecard-group.h"
#include "sc-workbook-io.h"
#include "sc-workbook-save-private.h"

typedef ScJsonWriter Writer;

static void
member_period (Writer        *w,
               const char    *name,
               ScGranularity  granularity,
               ScPeriod       period)
{
  g_autofree char *str = sc_period_to_string (granularity, period);

  sc_json_writer_string (w, name, str);
}

static void
member_time (Writer     *w,
             const char *name,
             GDateTime  *time)
{
  g_autofree char *str = NULL;

  if (time != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
      str = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
  sc_json_writer_string (w, name, str);
}

static void
write_settings (Writer     *w,
                ScWorkbook *book)
{
  sc_json_writer_begin_object (w, "settings");
  sc_json_writer_string (w, "company", sc_workbook_get_company (book));
  sc_json_writer_number (w, "trend_periods", sc_workbook_get_trend_periods (book));
  sc_json_writer_begin_array (w, "grade_bands");
  for (guint i = 0; i < sc_workbook_get_n_grade_bands (book); i++)
    {
      const ScGradeBand *band = sc_workbook_get_grade_band (book, i);

      sc_json_writer_begin_object (w, NULL);
      sc_json_writer_string (w, "grade", band->grade);
      sc_json_writer_number (w, "min", band->min_score);
      sc_json_writer_string (w, "action", band->action);
      sc_json_writer_string (w, "colour", band->colour);
      sc_json_writer_string (w, "symbol", band->symbol);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);
  sc_json_writer_number (w, "watch_periods", sc_workbook_get_watch_periods (book));
  sc_workbook_write_weighting (w, book);
  sc_json_writer_begin_object (w, "report");
  sc_json_writer_string (w, "page_size", sc_workbook_get_page_size (book));
  sc_json_writer_string (w, "confidentiality", sc_workbook_get_confidentiality (book));
  sc_json_writer_end_object (w);
  sc_json_writer_string (w, "notes", sc_workbook_get_notes (book));
  sc_json_writer_end_object (w);
}

/* A group may still name a KPI that was removed since (an import undone):
 * only the workbook's KPIs are written, so that the file reads back.
 */
static void
write_group_kpis (Writer                 *w,
                  ScWorkbook             *book,
                  const ScScorecardGroup *group)
{
  const char * const *kpis = sc_scorecard_group_get_kpis (group);
  g_auto(GStrv) ids = sc_scorecard_group_dup_kpi_overrides (group);

  if (kpis == NULL)
    sc_json_writer_null (w, "kpis");
  else
    {
      sc_json_writer_begin_array (w, "kpis");
      for (guint i = 0; kpis[i] != NULL; i++)
        if (sc_workbook_lookup_kpi (book, kpis[i]) != NULL)
          sc_json_writer_string (w, NULL, kpis[i]);
      sc_json_writer_end_array (w);
    }

  sc_json_writer_begin_object (w, "overrides");
  for (guint i = 0; ids[i] != NULL; i++)
    {
      ScGroupKpi kpi;

      if (sc_workbook_lookup_kpi (book, ids[i]) == NULL)
        continue;
      sc_scorecard_group_get_kpi (group, ids[i], &kpi);
      sc_json_writer_begin_object (w, ids[i]);
      sc_json_writer_number (w, "target", kpi.target);
      sc_json_writer_number (w, "warning", kpi.warning);
      sc_json_writer_number (w, "critical", kpi.critical);
      sc_json_writer_number (w, "weight", kpi.weight);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_object (w);
}

/* The scorecard of each partner group, in precedence order; absent when
 * there is none, as in the files of older versions.
 */
static void
write_groups (Writer     *w,
              ScWorkbook *book)
{
  guint n = sc_workbook_get_n_scorecard_groups (book);

  if (n == 0)
    return;

  sc_json_writer_begin_array (w, "scorecard_groups");
  for (guint i = 0; i < n; i++)
    {
      const ScScorecardGroup *group = sc_workbook_get_scorecard_group (book, i);
      ScPartnerType type;

      sc_json_writer_begin_object (w, NULL);
      sc_json_writer_string (w, "id", sc_scorecard_group_get_id (group));
      sc_json_writer_string (w, "name", sc_scorecard_group_get_name (group));
      sc_json_writer_begin_object (w, "match");
      if (sc_scorecard_group_get_partner_type (group, &type))
        sc_json_writer_string (w, "type", sc_partner_type_to_string (type));
      else
        sc_json_writer_null (w, "type");
      sc_json_writer_begin_array (w, "tags");
      for (guint t = 0; t < sc_scorecard_group_get_n_tags (group); t++)
        {
          const char *key, *value;

          sc_scorecard_group_get_tag (group, t, &key, &value);
          sc_json_writer_begin_object (w, NULL);
          sc_json_writer_string (w, "key", key);
          sc_json_writer_string (w, "value", value);
          sc_json_writer_end_object (w);
        }
      sc_json_writer_end_array (w);
      sc_json_writer_end_object (w);
      write_group_kpis (w, book, group);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);
}

/* Version 2 allows a KPI without a target or thresholds (null); a workbook
 * whose KPIs all have them is written as version 1, which an older
 * Scorecards still opens. Version 3 adds reviews and scorecard groups: a
 * Scorecards that would drop the reviews on saving, or ignore the groups
 * and score the partners on the wrong KPIs, refuses the file instead.
 */
static int
format_version (ScWorkbook *book,
                GListModel *kpis)
{
  if (g_list_model_get_n_items (sc_workbook_get_reviews (book)) > 0 ||
      sc_workbook_get_n_scorecard_groups (book) > 0)
    return 3;
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);

      if (!sc_kpi_has_target (kpi) || isnan (sc_kpi_get_warning (kpi)) ||
          isnan (sc_kpi_get_critical (kpi)))
        return 2;
    }

  return 1;
}

/* Only when there are any: files without them stay as they were. */
static void
write_kpi_names (Writer *w,
                 ScKpi  *kpi)
{
  g_auto(GStrv) codes = sc_kpi_dup_translated_codes (kpi);

  if (codes[0] == NULL)
    return;
  sc_json_writer_begin_object (w, "names");
  for (guint i = 0; codes[i] != NULL; i++)
    sc_json_writer_string (w, codes[i], sc_kpi_get_translated_name (kpi, codes[i]));
  sc_json_writer_end_object (w);
}

static void
write_kpi (Writer *w,
           ScKpi  *kpi)
{
  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "id", sc_kpi_get_id (kpi));
  sc_json_writer_string (w, "name", sc_kpi_get_name (kpi));
  sc_json_writer_string (w, "description", sc_kpi_get_description (kpi));
  sc_json_writer_string (w, "unit", sc_kpi_get_unit (kpi));
  sc_json_writer_string (w, "category", sc_kpi_get_category (kpi));
  sc_json_writer_string (w, "direction", sc_direction_to_string (sc_kpi_get_direction (kpi)));
  sc_json_writer_number (w, "target", sc_kpi_get_target (kpi));
  sc_json_writer_number (w, "target_max", sc_kpi_get_target_max (kpi));
  sc_json_writer_number (w, "warning", sc_kpi_get_warning (kpi));
  sc_json_writer_number (w, "critical", sc_kpi_get_critical (kpi));
  sc_json_writer_number (w, "weight", sc_kpi_get_weight (kpi));
  sc_json_writer_string (w, "aggregation", sc_aggregation_to_string (sc_kpi_get_aggregation (kpi)));
  sc_json_writer_number (w, "ratio_scale", sc_kpi_get_ratio_scale (kpi));
  sc_json_writer_number (w, "decimals", sc_kpi_get_decimals (kpi));
  write_kpi_names (w, kpi);
  sc_json_writer_end_object (w);
}

static void
write_partner (Writer    *w,
               ScPartner *partner)
{
  g_auto(GStrv) tags = sc_partner_dup_tag_keys (partner);
  g_auto(GStrv) overrides = sc_partner_dup_override_kpis (partner);

  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "id", sc_partner_get_id (partner));
  sc_json_writer_string (w, "name", sc_partner_get_name (partner));
  sc_json_writer_string (w, "type", sc_partner_type_to_string (sc_partner_get_partner_type (partner)));
  sc_json_writer_string (w, "contact", sc_partner_get_contact (partner));
  if (sc_partner_get_report_language (partner)[0] != '\0')
    sc_json_writer_string (w, "report_language", sc_partner_get_report_language (partner));
  sc_json_writer_begin_object (w, "tags");
  for (guint i = 0; tags[i]; i++)
    sc_json_writer_string (w, tags[i], sc_partner_get_tag (partner, tags[i]));
  sc_json_writer_end_object (w);
  sc_json_writer_begin_object (w, "overrides");
  for (guint i = 0; overrides[i]; i++)
    {
      double target, weight;

      sc_partner_get_override (partner, overrides[i], &target, &weight);
      sc_json_writer_begin_object (w, overrides[i]);
      if (!isnan (target))
        sc_json_writer_number (w, "target", target);
      if (!isnan (weight))
        sc_json_writer_number (w, "weight", weight);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_object (w);
  sc_json_writer_end_object (w);
}

static void
write_series (Writer         *w,
              ScWorkbook     *book,
              const ScSeries *series)
{
  ScGranularity granularity = sc_workbook_get_granularity (book);
  guint n = sc_workbook_get_n_periods (book);

  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "partner", sc_partner_get_id (series->partner));
  sc_json_writer_string (w, "kpi", sc_kpi_get_id (series->kpi));
  member_period (w, "first", granularity, sc_workbook_get_first_period (book));
  sc_json_writer_numbers (w, "values", series->values, n);
  if (series->numerator)
    sc_json_writer_numbers (w, "numerator", series->numerator, n);
  if (series->denominator)
    sc_json_writer_numbers (w, "denominator", series->denominator, n);
  if (series->formula)
    {
      sc_json_writer_string (w, "formula", sc_formula_get_text (series->formula));
      sc_json_writer_begin_array (w, "parts");
      for (guint k = 0; k < series->n_parts; k++)
        sc_json_writer_numbers (w, NULL, series->parts[k], n);
      sc_json_writer_end_array (w);
    }
  sc_json_writer_end_object (w);
}

/* An issue's members from its title to its history, as the workbook file
 * has them; the issue export writes them too, between members of its own.
 */
void
sc_issue_write_json_members (ScJsonWriter *w,
                             ScIssue      *issue)
{
  sc_json_writer_string (w, "title", sc_issue_get_title (issue));
  sc_json_writer_string (w, "description", sc_issue_get_description (issue));
  sc_json_writer_string (w, "severity", sc_severity_to_string (sc_issue_get_severity (issue)));
  sc_json_writer_string (w, "status", sc_issue_status_to_string (sc_issue_get_status (issue)));
  sc_json_writer_string (w, "owner", sc_issue_get_owner (issue));
  sc_json_writer_string (w, "due", sc_issue_get_due (issue));
  sc_json_writer_string (w, "action", sc_issue_get_action (issue));
  sc_json_writer_string (w, "reference", sc_issue_get_reference (issue));
  if (sc_issue_get_review_id (issue) != NULL)
    sc_json_writer_string (w, "review", sc_issue_get_review_id (issue));
  member_time (w, "created", sc_issue_get_created (issue));
  member_time (w, "updated", sc_issue_get_updated (issue));
  sc_json_writer_begin_array (w, "history");
  for (guint i = 0; i < sc_issue_get_n_changes (issue); i++)
    {
      const ScIssueChange *change = sc_issue_get_change (issue, i);

      sc_json_writer_begin_object (w, NULL);
      member_time (w, "time", change->time);
      sc_json_writer_string (w, "field", change->field);
      sc_json_writer_string (w, "old", change->old_value);
      sc_json_writer_string (w, "new", change->new_value);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);
}

static void
write_issue (Writer        *w,
             ScGranularity  granularity,
             ScIssue       *issue)
{
  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "id", sc_issue_get_id (issue));
  sc_json_writer_string (w, "partner", sc_issue_get_partner_id (issue));
  sc_json_writer_string (w, "kpi", sc_issue_get_kpi_id (issue));
  member_period (w, "period", granularity, sc_issue_get_period (issue));
  sc_issue_write_json_members (w, issue);
  sc_json_writer_end_object (w);
}

static void
write_strings (Writer             *w,
               const char         *name,
               const char * const *strings)
{
  sc_json_writer_begin_array (w, name);
  for (guint i = 0; strings && strings[i]; i++)
    sc_json_writer_string (w, NULL, strings[i]);
  sc_json_writer_end_array (w);
}

static void
write_review (Writer   *w,
              ScReview *review)
{
  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "id", sc_review_get_id (review));
  sc_json_writer_string (w, "partner", sc_review_get_partner_id (review));
  sc_json_writer_string (w, "date", sc_review_get_date (review));
  sc_json_writer_string (w, "period", sc_review_get_period (review));
  sc_json_writer_string (w, "state", sc_review_state_to_string (sc_review_get_state (review)));
  sc_json_writer_begin_object (w, "attendees");
  write_strings (w, "ours", sc_review_get_attendees_ours (review));
  write_strings (w, "theirs", sc_review_get_attendees_theirs (review));
  sc_json_writer_end_object (w);
  write_strings (w, "agenda", sc_review_get_agenda (review));
  sc_json_writer_string (w, "decisions", sc_review_get_decisions (review));
  sc_json_writer_string (w, "notes", sc_review_get_notes (review));
  member_time (w, "sent_at", sc_review_get_sent_at (review));
  sc_json_writer_string (w, "sent_file", sc_review_get_sent_file (review));
  if (sc_review_get_language (review) != NULL)
    sc_json_writer_string (w, "language", sc_review_get_language (review));
  if (sc_review_get_snapshot (review) != NULL)
    sc_review_snapshot_write_json (sc_review_get_snapshot (review), w, "snapshot");
  sc_json_writer_end_object (w);
}

/* Serialises the workbook to the bytes of a .scorecard file. */
GBytes *
sc_workbook_to_bytes (ScWorkbook *self)
{
  GListModel *partners, *kpis, *issues;
  ScGranularity granularity;
  Writer *w;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);

  partners = sc_workbook_get_partners (self);
  kpis = sc_workbook_get_kpis (self);
  issues = sc_workbook_get_issues (self);
  granularity = sc_workbook_get_granularity (self);
  w = sc_json_writer_new (4096 + 16 * sc_workbook_get_n_series (self) *
                          (sc_workbook_get_n_periods (self) + 8));

  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "format", "scorecards");
  sc_json_writer_number (w, "version", format_version (self, kpis));
  sc_json_writer_string (w, "generator", "Scorecards " PACKAGE_VERSION);
  sc_json_writer_string (w, "granularity", sc_granularity_to_string (granularity));
  if (sc_workbook_get_n_periods (self) > 0)
    member_period (w, "first_period", granularity, sc_workbook_get_first_period (self));
  sc_json_writer_number (w, "n_periods", sc_workbook_get_n_periods (self));
  write_settings (w, self);

  sc_json_writer_begin_array (w, "kpis");
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);
      write_kpi (w, kpi);
    }
  sc_json_writer_end_array (w);

  sc_json_writer_begin_array (w, "partners");
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      write_partner (w, partner);
    }
  sc_json_writer_end_array (w);

  write_groups (w, self);

  sc_json_writer_begin_array (w, "series");
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(GPtrArray) list = sc_workbook_dup_partner_series (self, partner);

      for (guint j = 0; j < list->len; j++)
        write_series (w, self, g_ptr_array_index (list, j));
    }
  sc_json_writer_end_array (w);

  sc_json_writer_begin_array (w, "issues");
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
      write_issue (w, granularity, issue);
    }
  sc_json_writer_end_array (w);

  if (g_list_model_get_n_items (sc_workbook_get_reviews (self)) > 0)
    {
      GListModel *reviews = sc_workbook_get_reviews (self);

      sc_json_writer_begin_array (w, "reviews");
      for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
        {
          g_autoptr(ScReview) review = g_list_model_get_item (reviews, i);
          write_review (w, review);
        }
      sc_json_writer_end_array (w);
    }

  if (sc_workbook_get_n_recipes (self) > 0)
    {
      sc_json_writer_begin_array (w, "recipes");
      for (guint i = 0; i < sc_workbook_get_n_recipes (self); i++)
        {
          g_autofree char *json = sc_recipe_to_compact_string (sc_workbook_get_recipe (self, i));

          sc_json_writer_raw (w, NULL, json);
        }
      sc_json_writer_end_array (w);
    }

  sc_workbook_write_score_history (w, self);

  sc_json_writer_end_object (w);

  return sc_json_writer_free_to_bytes (w);
}

/* Saves through sc-safe-file.c: the bytes go to a temporary file beside
 * @file, which is renamed over it only once all of it is on the disk, so a
 * crash, a kill or a full disk never truncates a workbook.
 */
gboolean
sc_workbook_save_to_file (ScWorkbook    *self,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  bytes = sc_workbook_to_bytes (self);
  if (!sc_safe_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      SC_SAFE_FILE_NONE, error))
    return FALSE;

  sc_workbook_set_modified (self, FALSE);
  return TRUE;
}
