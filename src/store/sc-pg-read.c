/* sc-pg-read.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a team workbook into the model: one query per table, results in
 * binary, values copied straight into the series' arrays. What the server
 * holds is checked as a file's members are (docs/file-format.md), because
 * anyone with the rights can change rows by hand: a bad row is an error
 * naming the table and the row, never a half-read workbook.
 */

#define G_LOG_DOMAIN "sc-pg-read"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-formula.h"
#include "sc-json-depth.h"
#include "sc-pg-private.h"
#include "sc-review-snapshot.h"
#include "sc-score-history.h"
#include "sc-scorecard-group.h"

typedef struct
{
  ScPgSession   *s;
  ScWorkbook    *book;
  const char    *id;       /* the workbook's id as a query parameter */
  ScGranularity  granularity;
  guint          n_periods;
  GError       **error;
} Reader;

static gboolean G_GNUC_PRINTF (2, 3)
invalid (Reader     *r,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (r->error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
               _("%s: the server holds an invalid workbook: %s"), r->s->display_name, message);
  return FALSE;
}

/* The rows of @sql for this workbook, checked to have @types. */
static PGresult *
select_rows (Reader     *r,
             const char *sql,
             const Oid  *types,
             int         n_types)
{
  const char *params[] = { r->id };

  return sc_pg_session_select (r->s, sql, 1, params, types, n_types, r->error);
}

static const char *
text_or (const PGresult *result,
         int             row,
         int             column,
         const char     *fallback)
{
  const char *text = sc_pg_get_text (result, row, column);

  return text ? text : fallback;
}

/* Scores as scored then (migration 006) */
static gboolean
read_score_history (Reader *r)
{
  static const char *sql =
    "SELECT partner_id, period, score, grade, reason, recorded FROM scorecards.score_history"
    " WHERE workbook_id = $1";
  static const Oid types[] = { SC_PG_TEXT, SC_PG_TEXT, SC_PG_FLOAT8, SC_PG_TEXT, SC_PG_TEXT,
                               SC_PG_TIMESTAMPTZ };
  PGresult *result = select_rows (r, sql, types, G_N_ELEMENTS (types));
  gboolean ok = result != NULL;

  for (int i = 0; ok && i < PQntuples (result); i++)
    {
      const char *period_text = text_or (result, i, 1, "");
      const char *reason_text = text_or (result, i, 4, "");
      g_autoptr(GDateTime) recorded = sc_pg_get_timestamptz (result, i, 5);
      ScScoredThenReason reason;
      ScPeriod period;

      if (!sc_period_parse (r->granularity, period_text, &period) ||
          !sc_scored_then_reason_from_string (reason_text, &reason) || recorded == NULL)
        ok = invalid (r, _("a score as scored then for period “%s”"), period_text);
      else
        sc_score_history_add (r->book, sc_scored_then_new (sc_pg_get_text (result, i, 0), period,
                                                           sc_pg_get_float8 (result, i, 2),
                                                           sc_pg_get_text (result, i, 3),
                                                           reason, recorded));
    }
  g_clear_pointer (&result, PQclear);

  return ok;
}

/* The workbook row */

static const char *sql_header =
  "SELECT id, revision, granularity, first_period, n_periods, company, trend_periods,"
  "       page_size, confidentiality, notes,"
  "       pg_catalog.has_table_privilege('scorecards.workbook', 'UPDATE')"
  "  FROM scorecards.workbook WHERE name = $1";

static const char *sql_header_for_update =
  "SELECT id, revision, granularity, first_period, n_periods, company, trend_periods,"
  "       page_size, confidentiality, notes,"
  "       pg_catalog.has_table_privilege('scorecards.workbook', 'UPDATE')"
  "  FROM scorecards.workbook WHERE name = $1 FOR UPDATE";

static const Oid header_types[] = {
  SC_PG_INT8, SC_PG_INT8, SC_PG_TEXT, SC_PG_TEXT, SC_PG_INT4, SC_PG_TEXT, SC_PG_INT4,
  SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_BOOL,
};

static const char *sql_names =
  "SELECT name FROM scorecards.workbook ORDER BY name LIMIT 6";

/* "there is no team workbook X", with the names there are as a hint. */
static void
set_not_found (ScPgSession  *s,
               const char   *name,
               GError      **error)
{
  static const Oid types[] = { SC_PG_TEXT };
  g_autoptr(GString) names = g_string_new (NULL);
  PGresult *result = sc_pg_session_select (s, sql_names, 0, NULL, types, 1, NULL);

  for (int i = 0; result && i < PQntuples (result); i++)
    {
      if (i == 5)
        {
          g_string_append (names, ", …");
          break;
        }
      g_string_append_printf (names, "%s“%s”", i ? ", " : "", sc_pg_get_text (result, i, 0));
    }
  PQclear (result);

  if (names->len > 0)
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                 _("%s: there is no team workbook “%s” on this server (it has %s)"),
                 s->display_name, name, names->str);
  else
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                 _("%s: there is no team workbook “%s” on this server; “scorecards copy "
                   "BOOK.scorecard URI” puts one there"), s->display_name, name);
}

static PGresult *
select_header (ScPgSession  *s,
               const char   *name,
               gboolean      for_update,
               ScPgHeader   *header,
               GError      **error)
{
  const char *params[] = { name };
  PGresult *result;

  result = sc_pg_session_select (s, for_update ? sql_header_for_update : sql_header,
                                 1, params, header_types, G_N_ELEMENTS (header_types), error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      PQclear (result);
      set_not_found (s, name, error);
      return NULL;
    }

  header->id = sc_pg_get_int8 (result, 0, 0);
  header->revision = sc_pg_get_int8 (result, 0, 1);
  header->may_write = sc_pg_get_bool (result, 0, 10);
  return result;
}

/* Finds the workbook called @name: its id and revision; with
 * @for_update, locks it until the transaction ends.
 */
gboolean
sc_pg_read_header (ScPgSession  *s,
                   const char   *name,
                   gboolean      for_update,
                   ScPgHeader   *header,
                   GError      **error)
{
  PGresult *result = select_header (s, name, for_update, header, error);

  PQclear (result);
  return result != NULL;
}

static gboolean
read_settings (Reader         *r,
               const PGresult *result)
{
  const char *granularity = sc_pg_get_text (result, 0, 2);
  const char *first_text = sc_pg_get_text (result, 0, 3);
  const char *page_size = sc_pg_get_text (result, 0, 7);
  gint32 n_periods = sc_pg_get_int4 (result, 0, 4);
  gint32 trend = sc_pg_get_int4 (result, 0, 6);
  ScPeriod first;

  if (!sc_granularity_from_string (granularity, &r->granularity))
    return invalid (r, _("unknown granularity “%s”"), granularity);
  sc_workbook_set_granularity (r->book, r->granularity);
  if (n_periods < 0 || n_periods > SC_WORKBOOK_MAX_PERIODS)
    return invalid (r, _("%d periods"), n_periods);
  r->n_periods = (guint) n_periods;
  if (n_periods > 0)
    {
      if (first_text == NULL || !sc_period_parse (r->granularity, first_text, &first))
        return invalid (r, _("first period “%s” is not a %s period"),
                        first_text ? first_text : "", granularity);
      if (!sc_workbook_ensure_periods (r->book, first, first + n_periods - 1, r->error))
        return FALSE;
    }

  if (trend < 2 || trend > 60)
    return invalid (r, _("trend over %d periods"), trend);
  if (g_strcmp0 (page_size, "a4") != 0 && g_strcmp0 (page_size, "letter") != 0)
    return invalid (r, _("unknown page size “%s”"), page_size ? page_size : "");
  sc_workbook_set_company (r->book, text_or (result, 0, 5, ""));
  sc_workbook_set_trend_periods (r->book, (guint) trend);
  sc_workbook_set_page_size (r->book, page_size);
  sc_workbook_set_confidentiality (r->book, text_or (result, 0, 8, ""));
  sc_workbook_set_notes (r->book, text_or (result, 0, 9, ""));

  return TRUE;
}

static gboolean
read_grade_bands (Reader *r)
{
  static const char *sql =
    "SELECT grade, min_score, action, colour, symbol FROM scorecards.grade_band"
    " WHERE workbook_id = $1 ORDER BY position";
  static const Oid types[] = { SC_PG_TEXT, SC_PG_FLOAT8, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT };
  PGresult *result = select_rows (r, sql, types, G_N_ELEMENTS (types));
  g_autofree ScGradeBand *bands = NULL;
  int n;

  if (result == NULL)
    return FALSE;

  /* none: the default bands */
  if ((n = PQntuples (result)) > 0)
    {
      bands = g_new0 (ScGradeBand, n);
      for (int i = 0; i < n; i++)
        {
          bands[i].grade = (char *) sc_pg_get_text (result, i, 0);
          bands[i].min_score = sc_pg_get_float8 (result, i, 1);
          /* NULL: the default (sc-standing.c) */
          bands[i].action = (char *) sc_pg_get_text (result, i, 2);
          bands[i].colour = (char *) sc_pg_get_text (result, i, 3);
          bands[i].symbol = (char *) sc_pg_get_text (result, i, 4);
        }
      sc_workbook_set_grade_bands (r->book, bands, n);
    }
  PQclear (result);

  return TRUE;
}

/* A score over several periods (migration 006): no row, the latest only */
static gboolean
read_period_weighting (Reader *r)
{
  static const char *sql =
    "SELECT mode, periods, half_life FROM scorecards.period_weighting WHERE workbook_id = $1";
  static const Oid types[] = { SC_PG_TEXT, SC_PG_INT4, SC_PG_FLOAT8 };
  PGresult *result = select_rows (r, sql, types, G_N_ELEMENTS (types));
  ScPeriodWeighting w = SC_PERIOD_WEIGHTING_LATEST;
  gboolean ok = TRUE;

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) > 0)
    {
      const char *mode = text_or (result, 0, 0, "");

      w.n_periods = (guint) sc_pg_get_int4 (result, 0, 1);
      w.half_life = sc_pg_get_float8 (result, 0, 2);
      if (!sc_weighting_mode_from_string (mode, &w.mode) || !sc_period_weighting_validate (&w, NULL))
        ok = invalid (r, _("unknown period weighting “%s”"), mode);
      else
        sc_workbook_set_period_weighting (r->book, &w);
    }
  PQclear (result);

  return ok;
}

/* Standings and scorecard groups (migration 004) */

static gboolean
read_watch_periods (Reader *r)
{
  static const char *sql = "SELECT watch_periods FROM scorecards.workbook WHERE id = $1";
  static const Oid types[] = { SC_PG_INT4 };
  PGresult *result = select_rows (r, sql, types, G_N_ELEMENTS (types));
  gint32 n;

  if (result == NULL)
    return FALSE;
  n = PQntuples (result) > 0 ? sc_pg_get_int4 (result, 0, 0) : 3;
  PQclear (result);
  if (n < 1 || n > 60)
    return invalid (r, _("watch list after %d periods"), n);
  sc_workbook_set_watch_periods (r->book, (guint) n);

  return TRUE;
}

static ScScorecardGroup *
find_group (GPtrArray  *groups,
            const char *id)
{
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (sc_scorecard_group_get_id (g_ptr_array_index (groups, i)), id) == 0)
      return g_ptr_array_index (groups, i);
  return NULL;
}

static gboolean
read_group_rows (Reader    *r,
                 GPtrArray *groups)
{
  static const char *sql =
    "SELECT id, name, partner_type, has_kpi_set FROM scorecards.scorecard_group"
    " WHERE workbook_id = $1 ORDER BY position";
  static const Oid types[] = { SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_BOOL };
  PGresult *result = select_rows (r, sql, types, G_N_ELEMENTS (types));
  gboolean ok = result != NULL;

  for (int i = 0; ok && i < PQntuples (result); i++)
    {
      const char *type_text = sc_pg_get_text (result, i, 2);
      ScScorecardGroup *group = sc_scorecard_group_new (sc_pg_get_text (result, i, 0),
                                                        sc_pg_get_text (result, i, 1));
      ScPartnerType type = SC_PARTNER_SUPPLIER;

      g_ptr_array_add (groups, group);
      if (type_text != NULL && !sc_partner_type_from_string (type_text, &type))
        ok = invalid (r, _("scorecard group “%s”: unknown type “%s”"),
                      sc_scorecard_group_get_id (group), type_text);
      sc_scorecard_group_set_partner_type (group, type_text == NULL, type);
      if (sc_pg_get_bool (result, i, 3))
        {
          const char *none[] = { NULL };
          sc_scorecard_group_set_kpis (group, none);
        }
    }
  PQclear (result);

  return ok;
}

/* The tags, and the KPIs of each group's set (in order) and its changes */
static gboolean
read_group_members (Reader    *r,
                    GPtrArray *groups)
{
  static const char *sql_tags =
    "SELECT group_id, tag, value FROM scorecards.scorecard_group_tag"
    " WHERE workbook_id = $1 ORDER BY group_id, seq";
  static const Oid tag_types[] = { SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT };
  static const char *sql_kpis =
    "SELECT group_id, kpi_id, in_set, target, warning, critical, weight"
    "  FROM scorecards.scorecard_group_kpi WHERE workbook_id = $1 ORDER BY group_id, seq";
  static const Oid kpi_types[] = {
    SC_PG_TEXT, SC_PG_TEXT, SC_PG_BOOL, SC_PG_FLOAT8, SC_PG_FLOAT8, SC_PG_FLOAT8, SC_PG_FLOAT8,
  };
  PGresult *result;

  if (!(result = select_rows (r, sql_tags, tag_types, G_N_ELEMENTS (tag_types))))
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      ScScorecardGroup *group = find_group (groups, sc_pg_get_text (result, i, 0));

      if (group != NULL)
        sc_scorecard_group_add_tag (group, sc_pg_get_text (result, i, 1), sc_pg_get_text (result, i, 2));
    }
  PQclear (result);

  if (!(result = select_rows (r, sql_kpis, kpi_types, G_N_ELEMENTS (kpi_types))))
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      ScScorecardGroup *group = find_group (groups, sc_pg_get_text (result, i, 0));
      const char *kpi_id = sc_pg_get_text (result, i, 1);
      ScGroupKpi kpi = {
        sc_pg_get_float8 (result, i, 3), sc_pg_get_float8 (result, i, 4),
        sc_pg_get_float8 (result, i, 5), sc_pg_get_float8 (result, i, 6),
      };

      if (group == NULL)
        continue;
      if (sc_pg_get_bool (result, i, 2) && sc_scorecard_group_has_kpi_set (group))
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) set = NULL;

          g_strv_builder_addv (builder, (const char **) sc_scorecard_group_get_kpis (group));
          g_strv_builder_add (builder, kpi_id);
          set = g_strv_builder_end (builder);
          sc_scorecard_group_set_kpis (group, (const char * const *) set);
        }
      sc_scorecard_group_set_kpi (group, kpi_id, &kpi);
    }
  PQclear (result);

  return TRUE;
}

static gboolean
read_groups (Reader *r)
{
  g_autoptr(GPtrArray) groups =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sc_scorecard_group_unref);

  if (!read_watch_periods (r) ||
      !read_group_rows (r, groups) ||
      !read_group_members (r, groups))
    return FALSE;
  if (groups->len > 0)
    sc_workbook_set_scorecard_groups (r->book, (ScScorecardGroup **) groups->pdata, groups->len);

  return TRUE;
}

/* KPI definitions */

static const char *sql_kpis =
  "SELECT id, name, description, unit, category, direction, target, target_max, warning,"
  "       critical, weight, aggregation, ratio_scale, decimals"
  "  FROM scorecards.kpi WHERE workbook_id = $1 ORDER BY position";

static const Oid kpi_types[] = {
  SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_FLOAT8,
  SC_PG_FLOAT8, SC_PG_FLOAT8, SC_PG_FLOAT8, SC_PG_FLOAT8, SC_PG_TEXT, SC_PG_FLOAT8, SC_PG_INT4,
};

static gboolean
read_kpi (Reader         *r,
          const PGresult *result,
          int             i)
{
  const char *id = sc_pg_get_text (result, i, 0);
  const char *direction_text = sc_pg_get_text (result, i, 5);
  const char *aggregation_text = sc_pg_get_text (result, i, 11);
  gint32 decimals = sc_pg_get_int4 (result, i, 13);
  g_autoptr(ScKpi) kpi = sc_kpi_new (id, text_or (result, i, 1, ""));
  ScDirection direction;
  ScAggregation aggregation;

  if (!sc_direction_from_string (direction_text, &direction))
    return invalid (r, _("KPI “%s”: unknown direction “%s”"), id, direction_text);
  if (!sc_aggregation_from_string (aggregation_text, &aggregation))
    return invalid (r, _("KPI “%s”: unknown aggregation “%s”"), id, aggregation_text);
  if (decimals < 0 || decimals > 6)
    return invalid (r, _("KPI “%s”: %d decimals"), id, decimals);

  sc_kpi_set_description (kpi, text_or (result, i, 2, ""));
  sc_kpi_set_unit (kpi, text_or (result, i, 3, ""));
  sc_kpi_set_category (kpi, text_or (result, i, 4, "quality"));
  sc_kpi_set_direction (kpi, direction);
  sc_kpi_set_target (kpi, sc_pg_get_float8 (result, i, 6));
  sc_kpi_set_target_max (kpi, sc_pg_get_float8 (result, i, 7));
  sc_kpi_set_warning (kpi, sc_pg_get_float8 (result, i, 8));
  sc_kpi_set_critical (kpi, sc_pg_get_float8 (result, i, 9));
  sc_kpi_set_weight (kpi, sc_pg_get_float8 (result, i, 10));
  sc_kpi_set_aggregation (kpi, aggregation);
  sc_kpi_set_ratio_scale (kpi, sc_pg_get_float8 (result, i, 12));
  sc_kpi_set_decimals (kpi, (guint) decimals);

  sc_workbook_add_kpi (r->book, kpi);
  return TRUE;
}

static gboolean
read_kpis (Reader *r)
{
  PGresult *result = select_rows (r, sql_kpis, kpi_types, G_N_ELEMENTS (kpi_types));
  gboolean ok = result != NULL;

  for (int i = 0; ok && i < PQntuples (result); i++)
    ok = read_kpi (r, result, i);
  PQclear (result);

  return ok;
}

/* A KPI's names in report languages (migration 005) */
static gboolean
read_kpi_names (Reader *r)
{
  static const char *sql =
    "SELECT kpi_id, language, name FROM scorecards.kpi_name WHERE workbook_id = $1";
  static const Oid types[] = { SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT };
  PGresult *result = select_rows (r, sql, types, G_N_ELEMENTS (types));

  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      ScKpi *kpi = sc_workbook_lookup_kpi (r->book, sc_pg_get_text (result, i, 0));

      if (kpi != NULL)
        sc_kpi_set_translated_name (kpi, sc_pg_get_text (result, i, 1), text_or (result, i, 2, ""));
    }
  PQclear (result);

  return TRUE;
}

/* Partners, their tags and overrides */

static gboolean
read_partners (Reader *r)
{
  static const char *sql =
    "SELECT id, name, type, contact, report_language FROM scorecards.partner"
    " WHERE workbook_id = $1 ORDER BY position";
  static const Oid types[] = { SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT };
  PGresult *result = select_rows (r, sql, types, G_N_ELEMENTS (types));
  gboolean ok = result != NULL;

  for (int i = 0; ok && i < PQntuples (result); i++)
    {
      const char *id = sc_pg_get_text (result, i, 0);
      const char *type_text = sc_pg_get_text (result, i, 2);
      g_autoptr(ScPartner) partner = NULL;
      ScPartnerType type;

      if (!(ok = sc_partner_type_from_string (type_text, &type)))
        {
          invalid (r, _("partner “%s”: unknown type “%s”"), id, type_text);
          break;
        }
      partner = sc_partner_new (id, text_or (result, i, 1, ""), type);
      sc_partner_set_contact (partner, text_or (result, i, 3, ""));
      sc_partner_set_report_language (partner, text_or (result, i, 4, ""));
      sc_workbook_add_partner (r->book, partner);
    }
  PQclear (result);

  return ok;
}

static gboolean
read_partner_extras (Reader *r)
{
  static const char *sql_tags =
    "SELECT partner_id, tag, value FROM scorecards.partner_tag WHERE workbook_id = $1";
  static const Oid tag_types[] = { SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT };
  static const char *sql_overrides =
    "SELECT partner_id, kpi_id, target, weight FROM scorecards.partner_override"
    " WHERE workbook_id = $1";
  static const Oid override_types[] = { SC_PG_TEXT, SC_PG_TEXT, SC_PG_FLOAT8, SC_PG_FLOAT8 };
  PGresult *result;

  if (!(result = select_rows (r, sql_tags, tag_types, G_N_ELEMENTS (tag_types))))
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      ScPartner *partner = sc_workbook_lookup_partner (r->book, sc_pg_get_text (result, i, 0));

      /* the foreign key keeps partner from being NULL */
      if (partner != NULL)
        sc_partner_set_tag (partner, sc_pg_get_text (result, i, 1), sc_pg_get_text (result, i, 2));
    }
  PQclear (result);

  if (!(result = select_rows (r, sql_overrides, override_types, G_N_ELEMENTS (override_types))))
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      ScPartner *partner = sc_workbook_lookup_partner (r->book, sc_pg_get_text (result, i, 0));

      if (partner != NULL)
        sc_partner_set_override (partner, sc_pg_get_text (result, i, 1),
                                 sc_pg_get_float8 (result, i, 2), sc_pg_get_float8 (result, i, 3));
    }
  PQclear (result);

  return TRUE;
}

/* Series */

static const char *sql_series =
  "SELECT partner_id, kpi_id, period_values, numerators, denominators, formula, parts"
  "  FROM scorecards.series WHERE workbook_id = $1";

static const Oid series_types[] = {
  SC_PG_TEXT, SC_PG_TEXT, SC_PG_FLOAT8_ARRAY, SC_PG_FLOAT8_ARRAY, SC_PG_FLOAT8_ARRAY,
  SC_PG_TEXT, SC_PG_FLOAT8_ARRAY,
};

static gboolean
read_counts (Reader          *r,
             const PGresult  *result,
             int              i,
             int              column,
             double         **out)
{
  if (PQgetisnull (result, i, column))
    return TRUE;

  *out = g_new (double, MAX (r->n_periods, 1));
  return sc_pg_get_float8_array (result, i, column, *out, r->n_periods);
}

static gboolean
read_formula (Reader          *r,
              const PGresult  *result,
              int              i,
              ScSeries        *series,
              GHashTable      *formulas)
{
  const char *text = sc_pg_get_text (result, i, 5);
  g_autoptr(GError) error = NULL;
  ScFormula *formula;

  if (text == NULL)
    return TRUE;

  if (!(formula = g_hash_table_lookup (formulas, text)))
    {
      if (!(formula = sc_formula_parse (text, SC_FORMULA_KPI, NULL, &error)))
        return invalid (r, _("series %s × %s: %s"), sc_partner_get_id (series->partner),
                        sc_kpi_get_id (series->kpi), error->message);
      g_hash_table_insert (formulas, g_strdup (text), formula);
    }
  sc_series_set_formula (series, formula, r->n_periods);

  return sc_pg_get_float8_matrix (result, i, 6, series->parts, series->n_parts, r->n_periods);
}

static gboolean
read_one_series (Reader         *r,
                 const PGresult *result,
                 int             i,
                 GHashTable     *formulas)
{
  const char *partner_id = sc_pg_get_text (result, i, 0);
  const char *kpi_id = sc_pg_get_text (result, i, 1);
  ScPartner *partner = sc_workbook_lookup_partner (r->book, partner_id);
  ScKpi *kpi = sc_workbook_lookup_kpi (r->book, kpi_id);
  ScSeries *series;

  if (partner == NULL || kpi == NULL)
    return invalid (r, _("series of unknown partner “%s” or KPI “%s”"), partner_id, kpi_id);

  series = sc_workbook_ensure_series (r->book, partner, kpi);
  if (!sc_pg_get_float8_array (result, i, 2, series->values, r->n_periods) ||
      !read_counts (r, result, i, 3, &series->numerator) ||
      !read_counts (r, result, i, 4, &series->denominator) ||
      !read_formula (r, result, i, series, formulas))
    {
      if (r->error == NULL || *r->error == NULL)
        invalid (r, _("series %s × %s: an array does not span the workbook’s %u periods"),
                 partner_id, kpi_id, r->n_periods);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_series (Reader *r)
{
  g_autoptr(GHashTable) formulas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) sc_formula_unref);
  PGresult *result = select_rows (r, sql_series, series_types, G_N_ELEMENTS (series_types));
  gboolean ok = result != NULL;

  for (int i = 0; ok && i < PQntuples (result); i++)
    ok = read_one_series (r, result, i, formulas);
  PQclear (result);

  return ok;
}

/* Issues and their history */

static const char *sql_issues =
  "SELECT id, partner_id, kpi_id, period, title, description, severity, status, owner, due,"
  "       action, reference, created, updated, review_id"
  "  FROM scorecards.issue WHERE workbook_id = $1 ORDER BY position";

static const Oid issue_types[] = {
  SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT,
  SC_PG_TEXT, SC_PG_TEXT, SC_PG_DATE, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TIMESTAMPTZ,
  SC_PG_TIMESTAMPTZ, SC_PG_TEXT,
};

static gboolean
read_issue (Reader         *r,
            const PGresult *result,
            int             i)
{
  const char *id = sc_pg_get_text (result, i, 0);
  const char *period_text = sc_pg_get_text (result, i, 3);
  const char *severity_text = sc_pg_get_text (result, i, 6);
  const char *status_text = sc_pg_get_text (result, i, 7);
  g_autoptr(ScIssue) issue = sc_issue_new (id, sc_pg_get_text (result, i, 1),
                                           text_or (result, i, 4, ""));
  g_autoptr(GDateTime) created = sc_pg_get_timestamptz (result, i, 12);
  g_autoptr(GDateTime) updated = sc_pg_get_timestamptz (result, i, 13);
  g_autofree char *due = sc_pg_get_date (result, i, 9);
  ScPeriod period = SC_PERIOD_NONE;
  ScSeverity severity;
  ScIssueStatus status;

  if (period_text != NULL && !sc_period_parse (r->granularity, period_text, &period))
    return invalid (r, _("issue “%s”: “%s” is not a period of the workbook"), id, period_text);
  if (!sc_severity_from_string (severity_text, &severity))
    return invalid (r, _("issue “%s”: unknown severity “%s”"), id, severity_text);
  if (!sc_issue_status_from_string (status_text, &status))
    return invalid (r, _("issue “%s”: unknown status “%s”"), id, status_text);

  sc_issue_set_kpi_id (issue, sc_pg_get_text (result, i, 2));
  sc_issue_set_period (issue, period);
  sc_issue_set_description (issue, text_or (result, i, 5, ""));
  sc_issue_set_severity (issue, severity);
  sc_issue_set_status (issue, status);
  sc_issue_set_owner (issue, text_or (result, i, 8, ""));
  sc_issue_set_due (issue, due);
  sc_issue_set_action (issue, text_or (result, i, 10, ""));
  sc_issue_set_reference (issue, text_or (result, i, 11, ""));
  sc_issue_set_created (issue, created);
  sc_issue_set_updated (issue, updated);
  sc_issue_set_review_id (issue, sc_pg_get_text (result, i, 14));

  sc_workbook_add_issue (r->book, issue);
  return TRUE;
}

static gboolean
read_issues (Reader *r)
{
  static const char *sql_changes =
    "SELECT issue_id, changed_at, field, old_value, new_value FROM scorecards.issue_change"
    " WHERE workbook_id = $1 ORDER BY issue_id, seq";
  static const Oid change_types[] = {
    SC_PG_TEXT, SC_PG_TIMESTAMPTZ, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT,
  };
  PGresult *result = select_rows (r, sql_issues, issue_types, G_N_ELEMENTS (issue_types));
  gboolean ok = result != NULL;

  for (int i = 0; ok && i < PQntuples (result); i++)
    ok = read_issue (r, result, i);
  PQclear (result);
  if (!ok || !(result = select_rows (r, sql_changes, change_types, G_N_ELEMENTS (change_types))))
    return FALSE;

  for (int i = 0; ok && i < PQntuples (result); i++)
    {
      ScIssue *issue = sc_workbook_lookup_issue (r->book, sc_pg_get_text (result, i, 0));
      g_autoptr(GDateTime) time = sc_pg_get_timestamptz (result, i, 1);

      if (issue == NULL || time == NULL)
        ok = invalid (r, _("issue “%s”: a change without a time"), sc_pg_get_text (result, i, 0));
      else
        sc_issue_add_change (issue, time, sc_pg_get_text (result, i, 2),
                             sc_pg_get_text (result, i, 3), sc_pg_get_text (result, i, 4));
    }
  PQclear (result);

  return ok;
}

/* Reviews, their attendees and agenda, their snapshot as JSON */

static const char *sql_reviews =
  "SELECT id, partner_id, review_date, period, state, decisions, notes, sent_at, sent_file,"
  "       snapshot, language"
  "  FROM scorecards.review WHERE workbook_id = $1 ORDER BY position";

static const Oid review_types[] = {
  SC_PG_TEXT, SC_PG_TEXT, SC_PG_DATE, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT,
  SC_PG_TIMESTAMPTZ, SC_PG_TEXT, SC_PG_JSON, SC_PG_TEXT,
};

static gboolean
read_snapshot (Reader     *r,
               ScReview   *review,
               const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(ScReviewSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("review “%s”", sc_review_get_id (review));
  JsonNode *root;

  if (!sc_json_check (json, strlen (json), SC_JSON_MAX_DEPTH, path, &error) ||
      !json_parser_load_from_data (parser, json, -1, &error))
    return invalid (r, "%s", error->message);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid (r, _("%s: the snapshot is not a JSON object"), path);
  snapshot = sc_review_snapshot_read_json (json_node_get_object (root), path, "snapshot", &error);
  if (snapshot == NULL)
    return invalid (r, "%s", error->message);
  sc_review_set_snapshot (review, snapshot);
  return TRUE;
}

static gboolean
read_review (Reader         *r,
             const PGresult *result,
             int             i)
{
  const char *id = sc_pg_get_text (result, i, 0);
  g_autofree char *date = sc_pg_get_date (result, i, 2);
  g_autoptr(ScReview) review = sc_review_new (id, sc_pg_get_text (result, i, 1), date);
  g_autoptr(GDateTime) sent_at = sc_pg_get_timestamptz (result, i, 7);
  const char *state_text = sc_pg_get_text (result, i, 4);
  const char *snapshot = sc_pg_get_text (result, i, 9);
  ScReviewState state;

  if (!sc_review_state_from_string (state_text, &state))
    return invalid (r, _("review “%s”: unknown state “%s”"), id, state_text);
  sc_review_set_period (review, sc_pg_get_text (result, i, 3));
  sc_review_set_decisions (review, text_or (result, i, 5, ""));
  sc_review_set_notes (review, text_or (result, i, 6, ""));
  sc_review_set_language (review, sc_pg_get_text (result, i, 10));
  if (snapshot != NULL && !read_snapshot (r, review, snapshot))
    return FALSE;
  if (sent_at != NULL)
    sc_review_set_sent (review, sent_at, sc_pg_get_text (result, i, 8));
  sc_review_set_state (review, state);
  sc_workbook_add_review (r->book, review);
  return TRUE;
}

/* Appends the attendee or agenda line of row @i to its review. */
static gboolean
read_review_line (Reader         *r,
                  const PGresult *result,
                  int             i)
{
  ScReview *review = sc_workbook_lookup_review (r->book, sc_pg_get_text (result, i, 0));
  const char *kind = sc_pg_get_text (result, i, 1);
  const char *property = g_strcmp0 (kind, "ours") == 0 ? "attendees-ours"
                       : g_strcmp0 (kind, "theirs") == 0 ? "attendees-theirs"
                       : g_strcmp0 (kind, "agenda") == 0 ? "agenda" : NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  if (review == NULL || property == NULL)
    return invalid (r, _("review “%s”: a line of unknown kind “%s”"), sc_pg_get_text (result, i, 0), kind);
  g_object_get (review, property, &lines, NULL);
  n = lines ? g_strv_length (lines) : 0;
  lines = g_renew (char *, lines, n + 2);
  lines[n] = g_strdup (text_or (result, i, 2, ""));
  lines[n + 1] = NULL;
  g_object_set (review, property, lines, NULL);
  return TRUE;
}

static gboolean
read_reviews (Reader *r)
{
  static const char *sql_lines =
    "SELECT review_id, kind, body FROM scorecards.review_line"
    " WHERE workbook_id = $1 ORDER BY review_id, kind, position";
  static const Oid line_types[] = { SC_PG_TEXT, SC_PG_TEXT, SC_PG_TEXT };
  PGresult *result = select_rows (r, sql_reviews, review_types, G_N_ELEMENTS (review_types));
  gboolean ok = result != NULL;

  for (int i = 0; ok && i < PQntuples (result); i++)
    ok = read_review (r, result, i);
  PQclear (result);
  if (!ok || !(result = select_rows (r, sql_lines, line_types, G_N_ELEMENTS (line_types))))
    return FALSE;
  for (int i = 0; ok && i < PQntuples (result); i++)
    ok = read_review_line (r, result, i);
  PQclear (result);
  return ok;
}

/* Recipes, kept as JSON text */

static gboolean
read_recipes (Reader *r)
{
  static const char *sql =
    "SELECT body FROM scorecards.recipe WHERE workbook_id = $1 ORDER BY position";
  static const Oid types[] = { SC_PG_JSON };
  PGresult *result = select_rows (r, sql, types, G_N_ELEMENTS (types));
  gboolean ok = result != NULL;

  for (int i = 0; ok && i < PQntuples (result); i++)
    {
      const char *body = sc_pg_get_text (result, i, 0);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScRecipe) recipe = NULL;
      g_autoptr(ScRecipe) replaced = NULL;
      g_autofree char *name = g_strdup_printf ("recipe %d", i + 1);

      if (!(recipe = sc_recipe_new_from_data (body, strlen (body), name, &error)))
        ok = invalid (r, "%s", error->message);
      else
        replaced = sc_workbook_add_recipe (r->book, recipe);
    }
  PQclear (result);

  return ok;
}

/* Reads the whole workbook called @name, in the caller's transaction
 * (repeatable read, so that the tables agree with each other; or holding
 * the workbook's lock with @for_update).
 */
ScWorkbook *
sc_pg_read_workbook (ScPgSession  *s,
                     const char   *name,
                     gboolean      for_update,
                     ScPgHeader   *header,
                     GError      **error)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autofree char *id = NULL;
  Reader r = { s, book, NULL, SC_GRANULARITY_MONTH, 0, error };
  PGresult *result;
  gboolean ok;

  if (!(result = select_header (s, name, for_update, header, error)))
    return NULL;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, header->id);
  r.id = id;
  ok = read_settings (&r, result);
  PQclear (result);

  if (!ok ||
      !read_grade_bands (&r) ||
      !read_kpis (&r) ||
      !read_kpi_names (&r) ||
      !read_partners (&r) ||
      !read_partner_extras (&r) ||
      !read_groups (&r) ||
      !read_series (&r) ||
      !read_issues (&r) ||
      !read_reviews (&r) ||
      !read_recipes (&r) ||
      !read_period_weighting (&r) ||
      !read_score_history (&r))
    return NULL;

  sc_workbook_set_modified (book, FALSE);
  return g_steal_pointer (&book);
}
