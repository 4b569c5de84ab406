/* sc-pg-write.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing a whole workbook to the server, inside the caller's transaction:
 * the workbook's row first (which also locks it against other writers),
 * then its old rows deleted and every table bulk-loaded with binary COPY.
 * Readers see the old workbook until the transaction commits, then the new
 * one; a failure anywhere leaves the old one.
 */

#define G_LOG_DOMAIN "sc-pg-write"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-pg-private.h"
#include "sc-score-history.h"
#include "sc-review-snapshot.h"
#include "sc-scorecard-group.h"

typedef struct
{
  ScPgSession *s;
  ScWorkbook  *book;
  gint64       id;
  guint        n_periods;
} Writer;

/* The workbook row */

#define WORKBOOK_COLUMNS \
  "name, granularity, first_period, n_periods, company, trend_periods, page_size," \
  " confidentiality, notes"

static const char *sql_create =
  "INSERT INTO scorecards.workbook (" WORKBOOK_COLUMNS ")"
  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, revision";

static const char *sql_replace =
  "INSERT INTO scorecards.workbook (" WORKBOOK_COLUMNS ")"
  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
  " ON CONFLICT (name) DO UPDATE SET granularity = excluded.granularity,"
  "   first_period = excluded.first_period, n_periods = excluded.n_periods,"
  "   company = excluded.company, trend_periods = excluded.trend_periods,"
  "   page_size = excluded.page_size, confidentiality = excluded.confidentiality,"
  "   notes = excluded.notes, revision = scorecards.workbook.revision + 1,"
  "   updated_at = now(), updated_by = CURRENT_USER"
  " RETURNING id, revision";

static const char *sql_update =
  "UPDATE scorecards.workbook SET granularity = $2, first_period = $3, n_periods = $4,"
  "   company = $5, trend_periods = $6, page_size = $7, confidentiality = $8, notes = $9,"
  "   revision = revision + 1, updated_at = now(), updated_by = CURRENT_USER"
  " WHERE name = $1 AND revision = $10 RETURNING id, revision";

static const char *sql_who =
  "SELECT updated_by, pg_catalog.to_char(updated_at, 'YYYY-MM-DD HH24:MI:SS TZ')"
  "  FROM scorecards.workbook WHERE name = $1";

static const char *sql_delete[] = {
  "DELETE FROM scorecards.scorecard_group WHERE workbook_id = $1",
  "DELETE FROM scorecards.series WHERE workbook_id = $1",
  "DELETE FROM scorecards.review_line WHERE workbook_id = $1",
  "DELETE FROM scorecards.review WHERE workbook_id = $1",
  "DELETE FROM scorecards.issue_change WHERE workbook_id = $1",
  "DELETE FROM scorecards.issue WHERE workbook_id = $1",
  "DELETE FROM scorecards.partner_override WHERE workbook_id = $1",
  "DELETE FROM scorecards.partner_tag WHERE workbook_id = $1",
  "DELETE FROM scorecards.score_history WHERE workbook_id = $1",
  "DELETE FROM scorecards.partner WHERE workbook_id = $1",
  "DELETE FROM scorecards.kpi_name WHERE workbook_id = $1",
  "DELETE FROM scorecards.kpi WHERE workbook_id = $1",
  "DELETE FROM scorecards.grade_band WHERE workbook_id = $1",
  "DELETE FROM scorecards.recipe WHERE workbook_id = $1",
  "DELETE FROM scorecards.period_weighting WHERE workbook_id = $1",
};

static gboolean
check_utf8 (ScPgSession  *s,
            const char   *text,
            GError      **error)
{
  g_autofree char *head = NULL;
  g_autofree char *shown = NULL;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;

  head = g_strndup (text, 60);
  shown = g_utf8_make_valid (head, -1);
  g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
               _("%s: text that is not valid UTF-8 cannot be saved: “%s”"), s->display_name, shown);
  return FALSE;
}

/* Why an update found no row of the revision it loaded. */
static void
set_conflict (ScPgSession  *s,
              const char   *name,
              gboolean      loaded,
              GError      **error)
{
  static const Oid types[] = { SC_PG_TEXT, SC_PG_TEXT };
  const char *params[] = { name };
  PGresult *result = sc_pg_session_select (s, sql_who, 1, params, types, 2, error);

  if (result == NULL)
    return;
  if (PQntuples (result) == 0)
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                 _("%s: team workbook “%s” was deleted from the server since it was opened"),
                 s->display_name, name);
  else if (loaded)
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONFLICT,
                 _("%s: %s changed team workbook “%s” on the server at %s, after you opened it; "
                   "nothing was saved"),
                 s->display_name, sc_pg_get_text (result, 0, 0), name,
                 sc_pg_get_text (result, 0, 1));
  else
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_EXISTS,
                 _("%s: there is a team workbook “%s” on the server already"),
                 s->display_name, name);
  PQclear (result);
}

/* Writes the workbook's row as @mode says; sets @w->id, @new_revision and
 * @inserted (the workbook has no rows of its own yet).
 */
static gboolean
write_row (Writer           *w,
           const char       *name,
           ScStoreSaveMode   mode,
           gint64            expected_revision,
           gint64           *new_revision,
           gboolean         *inserted,
           GError          **error)
{
  ScWorkbook *book = w->book;
  ScGranularity granularity = sc_workbook_get_granularity (book);
  g_autofree char *first = w->n_periods > 0
    ? sc_period_to_string (granularity, sc_workbook_get_first_period (book)) : NULL;
  g_autofree char *n_periods = g_strdup_printf ("%u", w->n_periods);
  g_autofree char *trend = g_strdup_printf ("%u", sc_workbook_get_trend_periods (book));
  g_autofree char *revision = g_strdup_printf ("%" G_GINT64_FORMAT, expected_revision);
  const char *params[] = {
    name, sc_granularity_to_string (granularity), first, n_periods,
    sc_workbook_get_company (book), trend, sc_workbook_get_page_size (book),
    sc_workbook_get_confidentiality (book), sc_workbook_get_notes (book), revision,
  };
  g_autoptr(GError) local_error = NULL;
  const char *sql;
  PGresult *result;

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    if (!check_utf8 (w->s, params[i], error))
      return FALSE;

  sql = mode == SC_STORE_SAVE_REPLACE ? sql_replace :
        mode == SC_STORE_SAVE_CREATE || expected_revision == 0 ? sql_create : sql_update;
  result = sc_pg_session_query (w->s, sql, sql == sql_update ? 10 : 9, params, &local_error);
  if (result == NULL)
    {
      if (g_error_matches (local_error, SC_STORE_ERROR, SC_STORE_ERROR_EXISTS))
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_EXISTS,
                     _("%s: there is a team workbook “%s” on the server already"),
                     w->s->display_name, name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (PQntuples (result) == 0)
    {
      PQclear (result);
      set_conflict (w->s, name, TRUE, error);
      return FALSE;
    }

  w->id = sc_pg_get_int8 (result, 0, 0);
  *new_revision = sc_pg_get_int8 (result, 0, 1);
  *inserted = *new_revision == 1;
  PQclear (result);

  return TRUE;
}

static gboolean
delete_rows (Writer  *w,
             GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, w->id);
  const char *params[] = { id };

  for (guint i = 0; i < G_N_ELEMENTS (sql_delete); i++)
    {
      PGresult *result = sc_pg_session_query (w->s, sql_delete[i], 1, params, error);

      if (result == NULL)
        return FALSE;
      PQclear (result);
    }

  return TRUE;
}

/* The tables, each one COPY */

typedef void (*RowsFunc) (Writer *w, ScPgCopy *copy);

static void
kpi_rows (Writer   *w,
          ScPgCopy *copy)
{
  GListModel *kpis = sc_workbook_get_kpis (w->book);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);

      sc_pg_copy_tuple (copy, 16);
      sc_pg_copy_int8 (copy, w->id);
      sc_pg_copy_text (copy, sc_kpi_get_id (kpi));
      sc_pg_copy_int4 (copy, i);
      sc_pg_copy_text (copy, sc_kpi_get_name (kpi));
      sc_pg_copy_text (copy, sc_kpi_get_description (kpi));
      sc_pg_copy_text (copy, sc_kpi_get_unit (kpi));
      sc_pg_copy_text (copy, sc_kpi_get_category (kpi));
      sc_pg_copy_text (copy, sc_direction_to_string (sc_kpi_get_direction (kpi)));
      sc_pg_copy_float8 (copy, sc_kpi_get_target (kpi));
      sc_pg_copy_float8 (copy, sc_kpi_get_target_max (kpi));
      sc_pg_copy_float8 (copy, sc_kpi_get_warning (kpi));
      sc_pg_copy_float8 (copy, sc_kpi_get_critical (kpi));
      sc_pg_copy_float8 (copy, sc_kpi_get_weight (kpi));
      sc_pg_copy_text (copy, sc_aggregation_to_string (sc_kpi_get_aggregation (kpi)));
      sc_pg_copy_float8 (copy, sc_kpi_get_ratio_scale (kpi));
      sc_pg_copy_int4 (copy, sc_kpi_get_decimals (kpi));
    }
}

static void
partner_rows (Writer   *w,
              ScPgCopy *copy)
{
  GListModel *partners = sc_workbook_get_partners (w->book);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);

      sc_pg_copy_tuple (copy, 7);
      sc_pg_copy_int8 (copy, w->id);
      sc_pg_copy_text (copy, sc_partner_get_id (partner));
      sc_pg_copy_int4 (copy, i);
      sc_pg_copy_text (copy, sc_partner_get_name (partner));
      sc_pg_copy_text (copy, sc_partner_type_to_string (sc_partner_get_partner_type (partner)));
      sc_pg_copy_text (copy, sc_partner_get_contact (partner));
      sc_pg_copy_text (copy, sc_partner_get_report_language (partner));
    }
}

/* A KPI's names in report languages (migration 005) */
static void
kpi_name_rows (Writer   *w,
               ScPgCopy *copy)
{
  GListModel *kpis = sc_workbook_get_kpis (w->book);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);
      g_auto(GStrv) codes = sc_kpi_dup_translated_codes (kpi);

      for (guint k = 0; codes[k] != NULL; k++)
        {
          sc_pg_copy_tuple (copy, 4);
          sc_pg_copy_int8 (copy, w->id);
          sc_pg_copy_text (copy, sc_kpi_get_id (kpi));
          sc_pg_copy_text (copy, codes[k]);
          sc_pg_copy_text (copy, sc_kpi_get_translated_name (kpi, codes[k]));
        }
    }
}

static void
tag_rows (Writer   *w,
          ScPgCopy *copy)
{
  GListModel *partners = sc_workbook_get_partners (w->book);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_auto(GStrv) tags = sc_partner_dup_tag_keys (partner);

      for (guint k = 0; tags[k] != NULL; k++)
        {
          sc_pg_copy_tuple (copy, 4);
          sc_pg_copy_int8 (copy, w->id);
          sc_pg_copy_text (copy, sc_partner_get_id (partner));
          sc_pg_copy_text (copy, tags[k]);
          sc_pg_copy_text (copy, sc_partner_get_tag (partner, tags[k]));
        }
    }
}

static void
override_rows (Writer   *w,
               ScPgCopy *copy)
{
  GListModel *partners = sc_workbook_get_partners (w->book);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_auto(GStrv) kpis = sc_partner_dup_override_kpis (partner);

      for (guint k = 0; kpis[k] != NULL; k++)
        {
          double target, weight;

          sc_partner_get_override (partner, kpis[k], &target, &weight);
          sc_pg_copy_tuple (copy, 5);
          sc_pg_copy_int8 (copy, w->id);
          sc_pg_copy_text (copy, sc_partner_get_id (partner));
          sc_pg_copy_text (copy, kpis[k]);
          sc_pg_copy_float8 (copy, target);
          sc_pg_copy_float8 (copy, weight);
        }
    }
}

static void
series_row (Writer         *w,
            ScPgCopy       *copy,
            const ScSeries *series)
{
  sc_pg_copy_tuple (copy, 8);
  sc_pg_copy_int8 (copy, w->id);
  sc_pg_copy_text (copy, sc_partner_get_id (series->partner));
  sc_pg_copy_text (copy, sc_kpi_get_id (series->kpi));
  sc_pg_copy_float8_array (copy, series->values, w->n_periods);
  if (series->numerator != NULL)
    sc_pg_copy_float8_array (copy, series->numerator, w->n_periods);
  else
    sc_pg_copy_null (copy);
  if (series->denominator != NULL)
    sc_pg_copy_float8_array (copy, series->denominator, w->n_periods);
  else
    sc_pg_copy_null (copy);
  if (series->formula != NULL)
    {
      sc_pg_copy_text (copy, sc_formula_get_text (series->formula));
      sc_pg_copy_float8_matrix (copy, series->parts, series->n_parts, w->n_periods);
    }
  else
    {
      sc_pg_copy_null (copy);
      sc_pg_copy_null (copy);
    }
}

static void
series_rows (Writer   *w,
             ScPgCopy *copy)
{
  GListModel *partners = sc_workbook_get_partners (w->book);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(GPtrArray) list = sc_workbook_dup_partner_series (w->book, partner);

      for (guint k = 0; k < list->len; k++)
        series_row (w, copy, g_ptr_array_index (list, k));
    }
}

static void
issue_rows (Writer   *w,
            ScPgCopy *copy)
{
  GListModel *issues = sc_workbook_get_issues (w->book);
  ScGranularity granularity = sc_workbook_get_granularity (w->book);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
      ScPeriod period = sc_issue_get_period (issue);
      g_autofree char *period_text = period != SC_PERIOD_NONE
        ? sc_period_to_string (granularity, period) : NULL;

      sc_pg_copy_tuple (copy, 18);
      sc_pg_copy_int8 (copy, w->id);
      sc_pg_copy_text (copy, sc_issue_get_id (issue));
      sc_pg_copy_int4 (copy, i);
      sc_pg_copy_text (copy, sc_issue_get_partner_id (issue));
      sc_pg_copy_text (copy, sc_issue_get_kpi_id (issue));
      sc_pg_copy_text (copy, period_text);
      sc_pg_copy_text (copy, sc_issue_get_title (issue));
      sc_pg_copy_text (copy, sc_issue_get_description (issue));
      sc_pg_copy_text (copy, sc_severity_to_string (sc_issue_get_severity (issue)));
      sc_pg_copy_text (copy, sc_issue_status_to_string (sc_issue_get_status (issue)));
      sc_pg_copy_text (copy, sc_issue_get_owner (issue));
      sc_pg_copy_date (copy, sc_issue_get_due (issue));
      sc_pg_copy_text (copy, sc_issue_get_action (issue));
      sc_pg_copy_text (copy, sc_issue_get_reference (issue));
      sc_pg_copy_timestamptz (copy, sc_issue_get_created (issue));
      sc_pg_copy_timestamptz (copy, sc_issue_get_updated (issue));
      sc_pg_copy_int4 (copy, 1);
      sc_pg_copy_text (copy, sc_issue_get_review_id (issue));
    }
}

static void
change_rows (Writer   *w,
             ScPgCopy *copy)
{
  GListModel *issues = sc_workbook_get_issues (w->book);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      for (guint k = 0; k < sc_issue_get_n_changes (issue); k++)
        {
          const ScIssueChange *change = sc_issue_get_change (issue, k);

          sc_pg_copy_tuple (copy, 7);
          sc_pg_copy_int8 (copy, w->id);
          sc_pg_copy_text (copy, sc_issue_get_id (issue));
          sc_pg_copy_int4 (copy, k);
          sc_pg_copy_timestamptz (copy, change->time);
          sc_pg_copy_text (copy, change->field);
          sc_pg_copy_text (copy, change->old_value);
          sc_pg_copy_text (copy, change->new_value);
        }
    }
}

static char *
dup_snapshot_json (ScReview *review)
{
  ScJsonWriter *json;

  if (sc_review_get_snapshot (review) == NULL)
    return NULL;
  json = sc_json_writer_new (4096);
  sc_review_snapshot_write_json (sc_review_get_snapshot (review), json, NULL);
  return sc_json_writer_free_to_string (json);
}

static void
review_rows (Writer   *w,
             ScPgCopy *copy)
{
  GListModel *reviews = sc_workbook_get_reviews (w->book);

  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(ScReview) review = g_list_model_get_item (reviews, i);
      g_autofree char *snapshot = dup_snapshot_json (review);

      sc_pg_copy_tuple (copy, 13);
      sc_pg_copy_int8 (copy, w->id);
      sc_pg_copy_text (copy, sc_review_get_id (review));
      sc_pg_copy_int4 (copy, i);
      sc_pg_copy_text (copy, sc_review_get_partner_id (review));
      sc_pg_copy_date (copy, sc_review_get_date (review));
      sc_pg_copy_text (copy, sc_review_get_period (review));
      sc_pg_copy_text (copy, sc_review_state_to_string (sc_review_get_state (review)));
      sc_pg_copy_text (copy, sc_review_get_decisions (review));
      sc_pg_copy_text (copy, sc_review_get_notes (review));
      sc_pg_copy_timestamptz (copy, sc_review_get_sent_at (review));
      sc_pg_copy_text (copy, sc_review_get_sent_file (review));
      sc_pg_copy_text (copy, snapshot);
      sc_pg_copy_text (copy, sc_review_get_language (review) ? sc_review_get_language (review) : "");
    }
}

static void
review_lines (Writer             *w,
              ScPgCopy           *copy,
              ScReview           *review,
              const char         *kind,
              const char * const *lines)
{
  for (guint k = 0; lines && lines[k]; k++)
    {
      sc_pg_copy_tuple (copy, 5);
      sc_pg_copy_int8 (copy, w->id);
      sc_pg_copy_text (copy, sc_review_get_id (review));
      sc_pg_copy_text (copy, kind);
      sc_pg_copy_int4 (copy, k);
      sc_pg_copy_text (copy, lines[k]);
    }
}

static void
review_line_rows (Writer   *w,
                  ScPgCopy *copy)
{
  GListModel *reviews = sc_workbook_get_reviews (w->book);

  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(ScReview) review = g_list_model_get_item (reviews, i);

      review_lines (w, copy, review, "ours", sc_review_get_attendees_ours (review));
      review_lines (w, copy, review, "theirs", sc_review_get_attendees_theirs (review));
      review_lines (w, copy, review, "agenda", sc_review_get_agenda (review));
    }
}

static void
grade_band_rows (Writer   *w,
                 ScPgCopy *copy)
{
  for (guint i = 0; i < sc_workbook_get_n_grade_bands (w->book); i++)
    {
      const ScGradeBand *band = sc_workbook_get_grade_band (w->book, i);

      sc_pg_copy_tuple (copy, 7);
      sc_pg_copy_int8 (copy, w->id);
      sc_pg_copy_int4 (copy, i);
      sc_pg_copy_text (copy, band->grade);
      sc_pg_copy_float8 (copy, band->min_score);
      sc_pg_copy_text (copy, band->action);
      sc_pg_copy_text (copy, band->colour);
      sc_pg_copy_text (copy, band->symbol);
    }
}

/* Scorecard groups (migration 004) */

static void
group_rows (Writer   *w,
            ScPgCopy *copy)
{
  for (guint i = 0; i < sc_workbook_get_n_scorecard_groups (w->book); i++)
    {
      const ScScorecardGroup *group = sc_workbook_get_scorecard_group (w->book, i);
      ScPartnerType type;

      sc_pg_copy_tuple (copy, 6);
      sc_pg_copy_int8 (copy, w->id);
      sc_pg_copy_text (copy, sc_scorecard_group_get_id (group));
      sc_pg_copy_int4 (copy, i);
      sc_pg_copy_text (copy, sc_scorecard_group_get_name (group));
      if (sc_scorecard_group_get_partner_type (group, &type))
        sc_pg_copy_text (copy, sc_partner_type_to_string (type));
      else
        sc_pg_copy_null (copy);
      sc_pg_copy_bool (copy, sc_scorecard_group_has_kpi_set (group));
    }
}

static void
group_tag_rows (Writer   *w,
                ScPgCopy *copy)
{
  for (guint i = 0; i < sc_workbook_get_n_scorecard_groups (w->book); i++)
    {
      const ScScorecardGroup *group = sc_workbook_get_scorecard_group (w->book, i);

      for (guint t = 0; t < sc_scorecard_group_get_n_tags (group); t++)
        {
          const char *key, *value;

          sc_scorecard_group_get_tag (group, t, &key, &value);
          sc_pg_copy_tuple (copy, 5);
          sc_pg_copy_int8 (copy, w->id);
          sc_pg_copy_text (copy, sc_scorecard_group_get_id (group));
          sc_pg_copy_int4 (copy, t);
          sc_pg_copy_text (copy, key);
          sc_pg_copy_text (copy, value);
        }
    }
}

static void
group_kpi_row (Writer                 *w,
               ScPgCopy               *copy,
               const ScScorecardGroup *group,
               const char             *kpi_id,
               guint                   seq)
{
  ScGroupKpi kpi;

  /* A KPI removed since (an import undone) is not written: the foreign key */
  if (sc_workbook_lookup_kpi (w->book, kpi_id) == NULL)
    return;
  sc_scorecard_group_get_kpi (group, kpi_id, &kpi);
  sc_pg_copy_tuple (copy, 9);
  sc_pg_copy_int8 (copy, w->id);
  sc_pg_copy_text (copy, sc_scorecard_group_get_id (group));
  sc_pg_copy_text (copy, kpi_id);
  sc_pg_copy_int4 (copy, seq);
  sc_pg_copy_bool (copy, sc_scorecard_group_has_kpi_set (group) &&
                         sc_scorecard_group_includes_kpi (group, kpi_id));
  sc_pg_copy_float8 (copy, kpi.target);
  sc_pg_copy_float8 (copy, kpi.warning);
  sc_pg_copy_float8 (copy, kpi.critical);
  sc_pg_copy_float8 (copy, kpi.weight);
}

/* One row per KPI of the set (in its order), then per other KPI the group
 * changes.
 */
static void
group_kpi_rows (Writer   *w,
                ScPgCopy *copy)
{
  for (guint i = 0; i < sc_workbook_get_n_scorecard_groups (w->book); i++)
    {
      const ScScorecardGroup *group = sc_workbook_get_scorecard_group (w->book, i);
      const char * const *set = sc_scorecard_group_get_kpis (group);
      g_auto(GStrv) changed = sc_scorecard_group_dup_kpi_overrides (group);
      guint seq = 0;

      for (guint k = 0; set != NULL && set[k] != NULL; k++)
        group_kpi_row (w, copy, group, set[k], seq++);
      for (guint k = 0; changed[k] != NULL; k++)
        if (set == NULL || !g_strv_contains (set, changed[k]))
          group_kpi_row (w, copy, group, changed[k], seq++);
    }
}

static gboolean
write_watch_periods (Writer  *w,
                     GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, w->id);
  g_autofree char *n = g_strdup_printf ("%u", sc_workbook_get_watch_periods (w->book));
  const char *params[] = { id, n };
  PGresult *result = sc_pg_session_query (w->s, "UPDATE scorecards.workbook SET watch_periods = $2"
                                          " WHERE id = $1", 2, params, error);

  PQclear (result);
  return result != NULL;
}

static void
recipe_rows (Writer   *w,
             ScPgCopy *copy)
{
  for (guint i = 0; i < sc_workbook_get_n_recipes (w->book); i++)
    {
      g_autofree char *json = sc_recipe_to_compact_string (sc_workbook_get_recipe (w->book, i));

      sc_pg_copy_tuple (copy, 3);
      sc_pg_copy_int8 (copy, w->id);
      sc_pg_copy_int4 (copy, i);
      sc_pg_copy_text (copy, json);
    }
}

/* A score over several periods: a row only when not the latest alone
 * (migration 006)
 */
static void
period_weighting_rows (Writer   *w,
                       ScPgCopy *copy)
{
  const ScPeriodWeighting *weighting = sc_workbook_get_period_weighting (w->book);

  if (sc_period_weighting_is_latest (weighting))
    return;
  sc_pg_copy_tuple (copy, 4);
  sc_pg_copy_int8 (copy, w->id);
  sc_pg_copy_text (copy, sc_weighting_mode_to_string (weighting->mode));
  sc_pg_copy_int4 (copy, weighting->n_periods);
  if (weighting->mode == SC_WEIGHTING_EXPONENTIAL)
    sc_pg_copy_float8 (copy, weighting->half_life);
  else
    sc_pg_copy_null (copy);
}

/* Scores as scored then (migration 006) */
static void
score_history_rows (Writer   *w,
                    ScPgCopy *copy)
{
  g_autoptr(GPtrArray) records = sc_score_history_list (w->book, NULL);
  ScGranularity granularity = sc_workbook_get_granularity (w->book);

  for (guint i = 0; i < records->len; i++)
    {
      const ScScoredThen *r = g_ptr_array_index (records, i);
      g_autofree char *period = sc_period_to_string (granularity, r->period);

      sc_pg_copy_tuple (copy, 7);
      sc_pg_copy_int8 (copy, w->id);
      sc_pg_copy_text (copy, r->partner_id);
      sc_pg_copy_text (copy, period);
      sc_pg_copy_float8 (copy, r->score);
      sc_pg_copy_text (copy, r->grade);
      sc_pg_copy_text (copy, sc_scored_then_reason_to_string (r->reason));
      sc_pg_copy_timestamptz (copy, r->recorded);
    }
}

#define TABLE(name, columns, rows) \
  { name, "COPY scorecards." name " (" columns ") FROM STDIN (FORMAT binary)", rows }

/* Parents before children: the foreign keys are checked row by row */
static const struct
{
  const char *name;
  const char *sql;
  RowsFunc    rows;
} tables[] = {
  TABLE ("kpi", "workbook_id, id, position, name, description, unit, category, direction,"
                " target, target_max, warning, critical, weight, aggregation, ratio_scale,"
                " decimals", kpi_rows),
  TABLE ("kpi_name", "workbook_id, kpi_id, language, name", kpi_name_rows),
  TABLE ("partner", "workbook_id, id, position, name, type, contact, report_language", partner_rows),
  TABLE ("partner_tag", "workbook_id, partner_id, tag, value", tag_rows),
  TABLE ("partner_override", "workbook_id, partner_id, kpi_id, target, weight", override_rows),
  TABLE ("series", "workbook_id, partner_id, kpi_id, period_values, numerators, denominators,"
                   " formula, parts", series_rows),
  TABLE ("issue", "workbook_id, id, position, partner_id, kpi_id, period, title, description,"
                  " severity, status, owner, due, action, reference, created, updated,"
                  " row_version, review_id", issue_rows),
  TABLE ("issue_change", "workbook_id, issue_id, seq, changed_at, field, old_value, new_value",
         change_rows),
  TABLE ("review", "workbook_id, id, position, partner_id, review_date, period, state, decisions,"
                   " notes, sent_at, sent_file, snapshot, language", review_rows),
  TABLE ("review_line", "workbook_id, review_id, kind, position, body", review_line_rows),
  TABLE ("grade_band", "workbook_id, position, grade, min_score, action, colour, symbol",
         grade_band_rows),
  TABLE ("scorecard_group", "workbook_id, id, position, name, partner_type, has_kpi_set",
         group_rows),
  TABLE ("scorecard_group_tag", "workbook_id, group_id, seq, tag, value", group_tag_rows),
  TABLE ("scorecard_group_kpi", "workbook_id, group_id, kpi_id, seq, in_set, target, warning,"
                                " critical, weight", group_kpi_rows),
  TABLE ("recipe", "workbook_id, position, body", recipe_rows),
  TABLE ("period_weighting", "workbook_id, mode, periods, half_life", period_weighting_rows),
  TABLE ("score_history", "workbook_id, partner_id, period, score, grade, reason, recorded",
         score_history_rows),
};

/* Writes @book as the workbook @name, in the caller's transaction; see
 * #ScStoreSaveMode for @mode. An update expects the server to hold
 * @expected_revision (0: the store never loaded it). Sets @new_revision.
 */
gboolean
sc_pg_write_workbook (ScPgSession      *s,
                      const char       *name,
                      ScWorkbook       *book,
                      ScStoreSaveMode   mode,
                      gint64            expected_revision,
                      gint64           *new_revision,
                      GError          **error)
{
  Writer w = { s, book, 0, sc_workbook_get_n_periods (book) };
  gboolean inserted;

  if (!write_row (&w, name, mode, expected_revision, new_revision, &inserted, error) ||
      (!inserted && !delete_rows (&w, error)) ||
      !write_watch_periods (&w, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 start = g_get_monotonic_time ();
      ScPgCopy *copy = sc_pg_copy_begin (s, tables[i].sql, error);

      if (copy == NULL)
        return FALSE;
      tables[i].rows (&w, copy);
      if (!sc_pg_copy_end (copy, error))
        return FALSE;
      g_debug ("COPY %s: %.1f ms", tables[i].name, (g_get_monotonic_time () - start) / 1000.0);
    }

  return TRUE;
}
