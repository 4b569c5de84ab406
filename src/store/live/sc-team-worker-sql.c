/* sc-team-worker-sql.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statements of live editing, run by the worker thread. Each edit is
 * one transaction that first takes the workbook's row lock (as saves and
 * imports do, so that none of them writes over an edit it did not read),
 * then checks the edit's key in applied_edit (sent twice, applied once),
 * then the issue's row_version (someone else's newer text is a conflict,
 * never overwritten). Every value is a parameter.
 */

#define G_LOG_DOMAIN "sc-team-worker"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-team-worker-private.h"
#include "sc-workbook-io.h"

typedef struct
{
  gint64 origin;    /* the version an edit of this session was made on */
  gint64 current;   /* what this session's edits since made of it */
} ScTeamChain;

#define TIME_FORMAT "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'"

static const char *sql_lock =
  "UPDATE scorecards.workbook SET revision = revision + 1, updated_at = now(),"
  " updated_by = CURRENT_USER WHERE id = $1::bigint"
  " RETURNING coalesce(first_period, ''), n_periods";

static const char *sql_applied =
  "SELECT coalesce(result_version, 0)::bigint FROM scorecards.applied_edit"
  " WHERE workbook_id = $1::bigint AND edit_key = $2::text";

static const char *sql_record =
  "INSERT INTO scorecards.applied_edit (workbook_id, edit_key, result_version)"
  " VALUES ($1::bigint, $2::text, $3::integer)";

#define SQL_ISSUE_JSON \
  "SELECT i.row_version::bigint, json_build_object(" \
  " 'id', i.id, 'partner', i.partner_id, 'kpi', i.kpi_id, 'period', i.period," \
  " 'title', i.title, 'description', i.description, 'severity', i.severity," \
  " 'status', i.status, 'owner', i.owner, 'due', to_char(i.due, 'YYYY-MM-DD')," \
  " 'action', i.action, 'reference', i.reference," \
  " 'created', to_char(i.created AT TIME ZONE 'UTC', " TIME_FORMAT ")," \
  " 'updated', to_char(i.updated AT TIME ZONE 'UTC', " TIME_FORMAT ")," \
  " 'changes', coalesce((SELECT json_agg(json_build_object(" \
  "     'time', to_char(c.changed_at AT TIME ZONE 'UTC', " TIME_FORMAT ")," \
  "     'field', c.field, 'old', c.old_value, 'new', c.new_value, 'by', c.changed_by)" \
  "     ORDER BY c.seq) FROM scorecards.issue_change c" \
  "   WHERE c.workbook_id = i.workbook_id AND c.issue_id = i.id), '[]'::json))::text" \
  " FROM scorecards.issue i WHERE i.workbook_id = $1::bigint AND i.id = $2::text"

static const char *sql_issue = SQL_ISSUE_JSON;
static const char *sql_issue_for_update = SQL_ISSUE_JSON " FOR UPDATE OF i";

static const char *sql_update_issue =
  "UPDATE scorecards.issue SET partner_id = $3::text, kpi_id = $4::text, period = $5::text,"
  " title = $6::text, description = $7::text, severity = $8::text, status = $9::text,"
  " owner = $10::text, due = $11::date, action = $12::text, reference = $13::text,"
  " created = $14::timestamptz, updated = $15::timestamptz, row_version = row_version + 1"
  " WHERE workbook_id = $1::bigint AND id = $2::text RETURNING row_version::bigint";

static const char *sql_insert_issue =
  "INSERT INTO scorecards.issue (workbook_id, id, position, partner_id, kpi_id, period, title,"
  " description, severity, status, owner, due, action, reference, created, updated, row_version)"
  " SELECT $1::bigint, $2::text, coalesce(max(position) + 1, 0), $3::text, $4::text, $5::text,"
  " $6::text, $7::text, $8::text, $9::text, $10::text, $11::date, $12::text, $13::text,"
  " $14::timestamptz, $15::timestamptz, 1"
  " FROM scorecards.issue WHERE workbook_id = $1::bigint RETURNING row_version::bigint";

static const char *sql_insert_changes =
  "INSERT INTO scorecards.issue_change (workbook_id, issue_id, seq, changed_at, field, old_value,"
  " new_value, changed_by)"
  " SELECT $1::bigint, $2::text, coalesce((SELECT max(seq) FROM scorecards.issue_change"
  "   WHERE workbook_id = $1::bigint AND issue_id = $2::text), 0) + e.n,"
  " coalesce((e.v->>'time')::timestamptz, now()), e.v->>'field', e.v->>'old', e.v->>'new',"
  " coalesce(nullif($4::text, ''), CURRENT_USER)"
  " FROM json_array_elements($3::json) WITH ORDINALITY AS e(v, n)";

static const char *sql_delete_issue =
  "DELETE FROM scorecards.issue WHERE workbook_id = $1::bigint AND id = $2::text";

static const char *sql_id_taken =
  "SELECT EXISTS (SELECT 1 FROM scorecards.issue WHERE workbook_id = $1::bigint AND id = $2::text)";

static const char *sql_count_issues =
  "SELECT count(*)::bigint FROM scorecards.issue WHERE workbook_id = $1::bigint";

static const char *sql_update_series =
  "UPDATE scorecards.series SET period_values = $4::float8[]"
  " WHERE workbook_id = $1::bigint AND partner_id = $2::text AND kpi_id = $3::text";

static const char *sql_insert_series =
  "INSERT INTO scorecards.series (workbook_id, partner_id, kpi_id, period_values)"
  " VALUES ($1::bigint, $2::text, $3::text, $4::float8[])";

static const char *sql_series =
  "SELECT coalesce(w.first_period, ''), to_json(s.period_values)::text"
  " FROM scorecards.workbook w LEFT JOIN scorecards.series s ON s.workbook_id = w.id"
  "  AND s.partner_id = $2::text AND s.kpi_id = $3::text WHERE w.id = $1::bigint";

static const char *sql_versions =
  "SELECT id, row_version::bigint FROM scorecards.issue WHERE workbook_id = $1::bigint";

ScTeamMsg *
sc_team_msg_new (ScTeamMsgKind kind)
{
  ScTeamMsg *msg = g_new0 (ScTeamMsg, 1);

  msg->kind = kind;
  return msg;
}

void
sc_team_msg_free (ScTeamMsg *msg)
{
  if (msg == NULL)
    return;

  g_free (msg->message);
  g_free (msg->key);
  g_free (msg->target);
  g_free (msg->new_id);
  g_clear_pointer (&msg->data, json_object_unref);
  g_clear_object (&msg->book);
  g_clear_pointer (&msg->versions, g_hash_table_unref);
  g_free (msg);
}

/* Whether @error means the connection is gone or the server too slow:
 * the edit is kept and sent again after reconnecting.
 */
gboolean
sc_team_error_is_lost (ScTeamConn   *c,
                       const GError *error)
{
  const char *state = c->s.sqlstate;

  if (c->s.conn == NULL || PQstatus (c->s.conn) != CONNECTION_OK)
    return TRUE;
  if (g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_CONNECT))
    return TRUE;
  /* query_canceled (statement_timeout), admin/crash shutdown, cannot connect now */
  return g_str_equal (state, "57014") || g_str_has_prefix (state, "57P") ||
         g_str_has_prefix (state, "08") || g_str_equal (state, "40001") ||
         g_str_equal (state, "40P01") || g_str_equal (state, "55P03");
}

static PGresult *
query (ScTeamConn          *c,
       const char          *sql,
       int                  n_params,
       const char * const  *params,
       GError             **error)
{
  c->s.sqlstate[0] = '\0';
  return sc_pg_session_query (&c->s, sql, n_params, params, error);
}

/* The issue @id as JSON and its row version; NULL data when there is none. */
static gboolean
read_issue_row (ScTeamConn   *c,
                const char   *id,
                gboolean      for_update,
                JsonObject  **data,
                gint64       *version,
                GError      **error)
{
  const char *params[] = { c->id_text, id };
  g_autoptr(JsonParser) parser = json_parser_new ();
  PGresult *result = query (c, for_update ? sql_issue_for_update : sql_issue, 2, params, error);

  *data = NULL;
  *version = 0;
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      PQclear (result);
      return TRUE;
    }

  *version = sc_pg_get_int8 (result, 0, 0);
  if (!json_parser_load_from_data (parser, sc_pg_get_text (result, 0, 1), -1, error))
    {
      PQclear (result);
      return FALSE;
    }
  *data = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  PQclear (result);
  return TRUE;
}

static gint64
query_int8 (ScTeamConn          *c,
            const char          *sql,
            int                  n_params,
            const char * const  *params,
            gboolean            *found,
            GError             **error)
{
  PGresult *result = query (c, sql, n_params, params, error);
  gint64 value = 0;

  *found = FALSE;
  if (result == NULL)
    return -1;
  if (PQntuples (result) > 0)
    {
      *found = TRUE;
      value = PQftype (result, 0) == SC_PG_BOOL ? sc_pg_get_bool (result, 0, 0)
                                                : sc_pg_get_int8 (result, 0, 0);
    }
  PQclear (result);
  return value;
}

/* An id like "ISS-0042" nobody's issue has: for a new issue whose id
 * someone else took first.
 */
static char *
find_free_id (ScTeamConn  *c,
              GError     **error)
{
  const char *params[] = { c->id_text, NULL };
  gboolean found;
  gint64 n = query_int8 (c, sql_count_issues, 1, params, &found, error);

  for (n = MAX (n, 0) + 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("ISS-%04" G_GINT64_FORMAT, n);
      gint64 taken;

      params[1] = id;
      taken = query_int8 (c, sql_id_taken, 2, params, &found, error);
      if (taken < 0)
        return NULL;
      if (!taken)
        return g_steal_pointer (&id);
    }
}

static gboolean
write_issue (ScTeamConn  *c,
             const char  *id,
             JsonObject  *data,
             gboolean     exists,
             gint64      *version,
             GError     **error)
{
  const char *params[15] = { c->id_text, id };
  static const char * const fields[] = {
    "partner", "kpi", "period", "title", "description", "severity", "status", "owner", "due",
    "action", "reference", "created", "updated",
  };
  g_autofree char *changes = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *change_params[4];
  PGresult *result;
  gboolean found;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    params[2 + i] = sc_team_json_get_string (data, fields[i]);

  result = query (c, exists ? sql_update_issue : sql_insert_issue, 15, params, error);
  if (result == NULL)
    return FALSE;
  found = PQntuples (result) > 0;
  *version = found ? sc_pg_get_int8 (result, 0, 0) : 0;
  PQclear (result);

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, json_object_has_member (data, "changes")
                             ? json_object_get_array_member (data, "changes")
                             : json_array_new ());
  changes = json_to_string (node, FALSE);
  change_params[0] = c->id_text;
  change_params[1] = id;
  change_params[2] = changes;
  change_params[3] = c->changed_by;
  if (!(result = query (c, sql_insert_changes, 4, change_params, error)))
    return FALSE;
  PQclear (result);
  return TRUE;
}

static gint64
effective_base (ScTeamConn *c,
                ScTeamEdit *edit)
{
  ScTeamChain *chain = g_hash_table_lookup (c->chains, edit->target);

  if (chain != NULL && chain->origin == edit->base)
    return chain->current;
  return edit->base;
}

static void
extend_chain (ScTeamConn *c,
              ScTeamEdit *edit,
              gint64      version)
{
  ScTeamChain *chain = g_hash_table_lookup (c->chains, edit->target);

  if (chain == NULL || chain->origin != edit->base)
    {
      chain = g_new0 (ScTeamChain, 1);
      chain->origin = edit->base;
      g_hash_table_replace (c->chains, g_strdup (edit->target), chain);
    }
  chain->current = version;
}

static ScTeamOutcome
conflict (ScTeamEdit  *edit,
          JsonObject  *theirs,
          gint64       version,
          ScTeamMsg  **msg)
{
  *msg = sc_team_msg_new (SC_TEAM_MSG_CONFLICT);
  (*msg)->target = g_strdup (edit->target);
  (*msg)->data = theirs ? json_object_ref (theirs) : NULL;
  (*msg)->version = version;
  return SC_TEAM_CONFLICT;
}

/* Within the transaction: FALSE with @error, or the outcome in @outcome. */
static gboolean
apply_issue (ScTeamConn     *c,
             ScTeamEdit     *edit,
             ScTeamOutcome  *outcome,
             gint64         *version,
             char          **new_id,
             ScTeamMsg     **msg,
             GError        **error)
{
  g_autoptr(JsonObject) theirs = NULL;
  gint64 base = effective_base (c, edit);
  gboolean is_new = json_object_get_boolean_member_with_default (edit->data, "new", FALSE);
  gint64 current;
  const char *id = edit->target;

  if (!read_issue_row (c, id, TRUE, &theirs, &current, error))
    return FALSE;
  /* edited before the session knew its version: the one there */
  if (base == 0 && !is_new)
    base = current;

  if (edit->kind == SC_TEAM_EDIT_ISSUE_DELETE)
    {
      PGresult *result;

      if (theirs != NULL && current != base && !edit->force)
        *outcome = conflict (edit, theirs, current, msg);
      else if (theirs != NULL)
        {
          if (!(result = query (c, sql_delete_issue, 2, (const char *[]) { c->id_text, id },
                                error)))
            return FALSE;
          PQclear (result);
        }
      return TRUE;
    }

  if (theirs != NULL && is_new && !edit->force)
    {
      /* a new issue, and someone else's new issue has its id */
      if (!(*new_id = find_free_id (c, error)))
        return FALSE;
      json_object_set_string_member (edit->data, "id", *new_id);
      return write_issue (c, *new_id, edit->data, FALSE, version, error);
    }
  if (theirs != NULL && current != base && !edit->force &&
      !sc_team_issue_equal_json (theirs, edit->data))
    {
      *outcome = conflict (edit, theirs, current, msg);
      return TRUE;
    }
  if (theirs == NULL && base != 0 && !edit->force)
    {
      *outcome = conflict (edit, NULL, 0, msg);
      return TRUE;
    }
  return write_issue (c, id, edit->data, theirs != NULL, version, error);
}

static char *
values_literal (JsonArray *values)
{
  GString *text = g_string_new ("{");

  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonNode *node = json_array_get_element (values, i);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (i > 0)
        g_string_append_c (text, ',');
      if (JSON_NODE_HOLDS_NULL (node))
        g_string_append (text, "NULL");
      else
        g_string_append (text, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    }
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

static gboolean
apply_series (ScTeamConn     *c,
              ScTeamEdit     *edit,
              const char     *first_period,
              gint64          n_periods,
              ScTeamOutcome  *outcome,
              ScTeamMsg     **msg,
              GError        **error)
{
  JsonArray *values = json_object_get_array_member (edit->data, "values");
  g_autofree char *literal = values_literal (values);
  const char *params[] = {
    c->id_text, sc_team_json_get_string (edit->data, "partner"),
    sc_team_json_get_string (edit->data, "kpi"), literal,
  };
  PGresult *result;
  gboolean updated;

  if (g_strcmp0 (first_period, sc_team_json_get_string (edit->data, "first")) != 0 ||
      (gint64) json_array_get_length (values) != n_periods)
    {
      *outcome = SC_TEAM_REFUSED;
      *msg = sc_team_msg_new (SC_TEAM_MSG_REFUSED);
      (*msg)->message = g_strdup_printf (_("%s: the workbook’s periods changed on the server; "
                                           "the values were read again"), c->s.display_name);
      return TRUE;
    }

  if (!(result = query (c, sql_update_series, 4, params, error)))
    return FALSE;
  updated = g_strcmp0 (PQcmdTuples (result), "0") != 0;
  PQclear (result);
  if (!updated && !(result = query (c, sql_insert_series, 4, params, error)))
    return FALSE;
  if (!updated)
    PQclear (result);
  return TRUE;
}

/* Partners, KPIs or settings changed here: the whole workbook, as saved
 * in the snapshot the edit names, replaces the server's (as `copy
 * --replace` does, under the lock this transaction holds).
 */
static gboolean
apply_workbook (ScTeamConn     *c,
                const char     *workbook,
                ScTeamEdit     *edit,
                GError        **error)
{
  const char *path = sc_team_json_get_string (edit->data, "file");
  g_autoptr(GFile) file = path ? g_file_new_for_path (path) : NULL;
  g_autoptr(ScWorkbook) book = NULL;
  gint64 revision;

  if (file == NULL || !(book = sc_workbook_load_from_file (file, NULL, error)))
    return FALSE;
  return sc_pg_write_workbook (&c->s, workbook, book, SC_STORE_SAVE_REPLACE, 0, &revision, error);
}

static ScTeamOutcome
fail (ScTeamConn  *c,
      ScTeamEdit  *edit,
      GError      *error,
      ScTeamMsg  **msg)
{
  ScTeamOutcome outcome = sc_team_error_is_lost (c, error) ? SC_TEAM_LOST : SC_TEAM_REFUSED;

  sc_pg_session_rollback (&c->s);
  if (outcome == SC_TEAM_REFUSED)
    {
      *msg = sc_team_msg_new (SC_TEAM_MSG_REFUSED);
      (*msg)->message = g_strdup (error->message);
      (*msg)->key = g_strdup (edit->key);
      (*msg)->target = g_strdup (edit->target);
    }
  g_error_free (error);
  return outcome;
}

static ScTeamOutcome
finish (ScTeamConn     *c,
        ScTeamEdit     *edit,
        ScTeamOutcome   outcome,
        ScTeamMsg     **msg)
{
  if (*msg == NULL)
    *msg = sc_team_msg_new (outcome == SC_TEAM_SENT ? SC_TEAM_MSG_APPLIED : SC_TEAM_MSG_REFUSED);
  (*msg)->key = g_strdup (edit->key);
  if ((*msg)->target == NULL)
    (*msg)->target = g_strdup (edit->target);
  return outcome;
}

/* Sends @edit in one transaction. */
ScTeamOutcome
sc_team_sql_apply (ScTeamConn  *c,
                   const char  *workbook,
                   ScTeamEdit  *edit,
                   ScTeamMsg  **msg)
{
  GError *error = NULL;
  ScTeamOutcome outcome = SC_TEAM_SENT;
  g_autofree char *first_period = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *version_text = NULL;
  gint64 n_periods = 0, version = 0;
  PGresult *result;
  gboolean found;

  *msg = NULL;
  if (!sc_pg_session_exec (&c->s, "BEGIN", &error) ||
      !(result = query (c, sql_lock, 1, (const char *[]) { c->id_text }, &error)))
    return fail (c, edit, error, msg);
  if (PQntuples (result) > 0)
    {
      first_period = g_strdup (sc_pg_get_text (result, 0, 0));
      n_periods = sc_pg_get_int4 (result, 0, 1);
    }
  PQclear (result);

  version = query_int8 (c, sql_applied, 2, (const char *[]) { c->id_text, edit->key }, &found,
                        &error);
  if (version < 0)
    return fail (c, edit, error, msg);
  if (found)
    {
      /* sent before, and its reply lost: applied once already */
      sc_pg_session_rollback (&c->s);
      if (edit->kind == SC_TEAM_EDIT_ISSUE)
        extend_chain (c, edit, version);
      *msg = sc_team_msg_new (SC_TEAM_MSG_APPLIED);
      (*msg)->version = version;
      return finish (c, edit, SC_TEAM_SENT, msg);
    }

  if (edit->kind == SC_TEAM_EDIT_WORKBOOK
      ? !apply_workbook (c, workbook, edit, &error)
      : edit->kind == SC_TEAM_EDIT_SERIES
      ? !apply_series (c, edit, first_period, n_periods, &outcome, msg, &error)
      : !apply_issue (c, edit, &outcome, &version, &new_id, msg, &error))
    return fail (c, edit, error, msg);
  if (outcome != SC_TEAM_SENT)
    {
      sc_pg_session_rollback (&c->s);
      return finish (c, edit, outcome, msg);
    }

  version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  if (!(result = query (c, sql_record, 3,
                        (const char *[]) { c->id_text, edit->key, version_text }, &error)))
    return fail (c, edit, error, msg);
  PQclear (result);
  if (!sc_pg_session_exec (&c->s, "COMMIT", &error))
    return fail (c, edit, error, msg);

  if (edit->kind == SC_TEAM_EDIT_ISSUE)
    extend_chain (c, edit, version);
  *msg = sc_team_msg_new (SC_TEAM_MSG_APPLIED);
  (*msg)->version = version;
  (*msg)->new_id = g_steal_pointer (&new_id);
  return finish (c, edit, SC_TEAM_SENT, msg);
}

/* Reading what others changed */

ScTeamMsg *
sc_team_sql_read_issue (ScTeamConn  *c,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(JsonObject) data = NULL;
  ScTeamMsg *msg;
  gint64 version;

  if (!read_issue_row (c, id, FALSE, &data, &version, error))
    return NULL;

  msg = sc_team_msg_new (SC_TEAM_MSG_ISSUE);
  msg->target = g_strdup (id);
  msg->version = version;
  msg->data = g_steal_pointer (&data);
  return msg;
}

ScTeamMsg *
sc_team_sql_read_series (ScTeamConn  *c,
                         const char  *target,
                         GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (target, "\t", 2);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *values;
  PGresult *result;
  ScTeamMsg *msg;

  if (g_strv_length (parts) != 2)
    return NULL;
  if (!(result = query (c, sql_series, 3, (const char *[]) { c->id_text, parts[0], parts[1] },
                        error)))
    return NULL;

  msg = sc_team_msg_new (SC_TEAM_MSG_SERIES);
  msg->target = g_strdup (target);
  msg->data = json_object_new ();
  json_object_set_string_member (msg->data, "partner", parts[0]);
  json_object_set_string_member (msg->data, "kpi", parts[1]);
  if (PQntuples (result) > 0)
    {
      json_object_set_string_member (msg->data, "first", sc_pg_get_text (result, 0, 0));
      values = sc_pg_get_text (result, 0, 1);
      if (values != NULL && json_parser_load_from_data (parser, values, -1, NULL) &&
          JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
        json_object_set_array_member (msg->data, "values",
                                      json_array_ref (json_node_get_array (
                                        json_parser_get_root (parser))));
    }
  PQclear (result);
  return msg;
}

/* The whole workbook and its issues' row versions, as of one moment. */
ScTeamMsg *
sc_team_sql_read_all (ScTeamConn  *c,
                      const char  *workbook,
                      GError     **error)
{
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GHashTable) versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ScPgHeader header = { 0 };
  PGresult *result;
  ScTeamMsg *msg;

  if (!sc_pg_session_exec (&c->s, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error) ||
      !(book = sc_pg_read_workbook (&c->s, workbook, FALSE, &header, error)) ||
      !(result = query (c, sql_versions, 1, (const char *[]) { c->id_text }, error)))
    {
      sc_pg_session_rollback (&c->s);
      return NULL;
    }
  for (int i = 0; i < PQntuples (result); i++)
    g_hash_table_insert (versions, g_strdup (sc_pg_get_text (result, i, 0)),
                         GSIZE_TO_POINTER ((gsize) sc_pg_get_int8 (result, i, 1)));
  PQclear (result);
  if (!sc_pg_session_exec (&c->s, "COMMIT", error))
    {
      sc_pg_session_rollback (&c->s);
      return NULL;
    }

  msg = sc_team_msg_new (SC_TEAM_MSG_WORKBOOK);
  msg->book = g_steal_pointer (&book);
  msg->versions = g_steal_pointer (&versions);
  return msg;
}
