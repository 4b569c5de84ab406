/* sc-pg-session.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One connection to a team server: connecting with libpq's own URI and
 * environment (PGSERVICE, PGPASSFILE, sslmode, …), running parameterised
 * queries that return binary results, and turning the server's errors
 * into messages that say which workbook and what went wrong.
 */

#define G_LOG_DOMAIN "sc-pg-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-pg-private.h"

#define MIN_SERVER_VERSION 120000

static char *
strip_message (const char *message)
{
  return g_strstrip (g_strdup (message ? message : ""));
}

static gboolean
check_server (PGconn      *conn,
              const char  *display_name,
              GError     **error)
{
  const char *encoding = PQparameterStatus (conn, "server_encoding");
  int version = PQserverVersion (conn);

  if (version < MIN_SERVER_VERSION)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA,
                   _("%s: the server runs PostgreSQL %d.%d; team workbooks need "
                     "PostgreSQL 12 or newer"),
                   display_name, version / 10000, version % 10000);
      return FALSE;
    }
  if (g_strcmp0 (encoding, "UTF8") != 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA,
                   _("%s: the database’s encoding is %s; team workbooks need a database created "
                     "with ENCODING 'UTF8'"), display_name, encoding ? encoding : "?");
      return FALSE;
    }

  return TRUE;
}

/* The error of a failed connection; a missing or refused password gets
 * its own code, so that the window can ask for one.
 */
static void
set_connect_error (PGconn      *conn,
                   const char  *display_name,
                   GError     **error)
{
  g_autofree char *message = strip_message (conn ? PQerrorMessage (conn) : NULL);

  if (conn != NULL && PQconnectionNeedsPassword (conn))
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_PASSWORD,
                 _("%s: the server asks for the password of role “%s”"),
                 display_name, PQuser (conn));
  else if (conn != NULL && PQconnectionUsedPassword (conn) &&
           strstr (message, "password authentication failed") != NULL)
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_PASSWORD,
                 _("%s: the server refused the password of role “%s”"),
                 display_name, PQuser (conn));
  else
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONNECT,
                 _("%s: cannot connect to the team server: %s"), display_name, message);
}

/* Connects; @conninfo is a libpq URI. The client encoding is always UTF-8,
 * whatever the URI or PGCLIENTENCODING say, and the search path is
 * emptied: every name the store uses is schema-qualified, so nobody can
 * slip a table or function of their own in front of ours.
 */
PGconn *
sc_pg_session_connect (const char  *conninfo,
                       const char  *display_name,
                       GError     **error)
{
  return sc_pg_session_connect_with_password (conninfo, NULL, display_name, error);
}

/* As sc_pg_session_connect(), with @password (NULL: libpq's own sources,
 * ~/.pgpass or PGPASSFILE) passed as a connection parameter: it overrides
 * any in @conninfo and never appears in a URI, a message or a command line.
 */
PGconn *
sc_pg_session_connect_with_password (const char  *conninfo,
                                     const char  *password,
                                     const char  *display_name,
                                     GError     **error)
{
  const char *keywords[] = { "dbname", "fallback_application_name", "client_encoding",
                             password ? "password" : NULL, NULL };
  const char *values[] = { conninfo, "scorecards", "UTF8", password, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, TRUE);
  PGresult *result;

  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      set_connect_error (conn, display_name, error);
      PQfinish (conn);
      return NULL;
    }
  if (!check_server (conn, display_name, error))
    {
      PQfinish (conn);
      return NULL;
    }

  result = PQexec (conn, "SELECT pg_catalog.set_config('search_path', '', false)");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      g_autofree char *message = strip_message (PQerrorMessage (conn));

      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONNECT, "%s: %s", display_name, message);
      PQclear (result);
      PQfinish (conn);
      return NULL;
    }
  PQclear (result);

  return conn;
}

static void
on_cancelled_cb (GCancellable *cancellable,
                 PGcancel     *cancel)
{
  char message[256];

  /* the server stops the running statement; it fails with query_canceled */
  PQcancel (cancel, message, sizeof message);
}

/* Runs the operation @s on @conn; cancelling @cancellable cancels the
 * statement running on the server (a query waiting for another writer's
 * lock, a long COPY), and any statement not yet sent.
 */
void
sc_pg_session_watch (ScPgSession  *s,
                     PGconn       *conn,
                     GCancellable *cancellable)
{
  s->conn = conn;
  if (cancellable == NULL || s->cancellable != NULL)
    return;

  s->cancellable = g_object_ref (cancellable);
  s->cancel = PQgetCancel (conn);
  s->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb),
                                          s->cancel, NULL);
}

/* Ends watching the cancellable; the connection stays open. */
void
sc_pg_session_clear (ScPgSession *s)
{
  if (s->cancellable != NULL)
    g_cancellable_disconnect (s->cancellable, s->cancelled_id);
  g_clear_pointer (&s->cancel, PQfreeCancel);
  g_clear_object (&s->cancellable);
  s->cancelled_id = 0;
}

static gboolean
set_error_if_cancelled (ScPgSession  *s,
                        GError      **error)
{
  return g_cancellable_set_error_if_cancelled (s->cancellable, error);
}

static int
code_for_state (const char *state)
{
  if (state == NULL)
    return SC_STORE_ERROR_CONNECT;
  if (g_str_equal (state, "42501"))   /* insufficient_privilege */
    return SC_STORE_ERROR_READ_ONLY;
  if (g_str_equal (state, "25006"))   /* read_only_sql_transaction: a standby */
    return SC_STORE_ERROR_READ_ONLY;
  if (g_str_has_prefix (state, "08")) /* connection exceptions */
    return SC_STORE_ERROR_CONNECT;
  if (g_str_equal (state, "23505"))   /* unique_violation */
    return SC_STORE_ERROR_EXISTS;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01"))
    return SC_STORE_ERROR_CONFLICT;   /* serialization failure, deadlock */
  if (g_str_equal (state, "22021") || g_str_equal (state, "22P05"))
    return SC_STORE_ERROR_INVALID;    /* not UTF-8, untranslatable */

  return SC_STORE_ERROR_FAILED;
}

/* Sets @error from the failed @result (NULL: the connection failed). */
void
sc_pg_session_fail (ScPgSession     *s,
                    const PGresult  *result,
                    GError         **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *detail = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL) : NULL;
  g_autofree char *primary = NULL;
  int code = code_for_state (state);

  g_strlcpy (s->sqlstate, state ? state : "", sizeof s->sqlstate);

  /* query_canceled, by the cancellable: the caller's own doing */
  if (g_strcmp0 (state, "57014") == 0 && set_error_if_cancelled (s, error))
    return;

  if (result != NULL && PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) != NULL)
    primary = strip_message (PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
  else
    primary = strip_message (PQerrorMessage (s->conn));

  if (code == SC_STORE_ERROR_READ_ONLY)
    g_set_error (error, SC_STORE_ERROR, code,
                 _("%s: role “%s” may read team workbooks on this server but not change them (%s)"),
                 s->display_name, sc_pg_session_get_user (s), primary);
  else if (detail != NULL)
    g_set_error (error, SC_STORE_ERROR, code, "%s: %s (%s)", s->display_name, primary, detail);
  else
    g_set_error (error, SC_STORE_ERROR, code, "%s: %s", s->display_name, primary);
}

/* Runs @sql, which takes no parameters and may hold several statements. */
gboolean
sc_pg_session_exec (ScPgSession  *s,
                    const char   *sql,
                    GError      **error)
{
  PGresult *result;
  ExecStatusType status;
  gboolean ok;

  if (set_error_if_cancelled (s, error))
    return FALSE;

  result = PQexec (s->conn, sql);
  status = PQresultStatus (result);
  ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  if (!ok)
    sc_pg_session_fail (s, result, error);
  PQclear (result);

  return ok;
}

/* Runs @sql with text parameters; rows come back in binary. */
PGresult *
sc_pg_session_query (ScPgSession         *s,
                     const char          *sql,
                     int                  n_params,
                     const char * const  *params,
                     GError             **error)
{
  PGresult *result;
  ExecStatusType status;

  if (set_error_if_cancelled (s, error))
    return NULL;

  result = PQexecParams (s->conn, sql, n_params, NULL, params, NULL, NULL, 1);
  status = PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      sc_pg_session_fail (s, result, error);
      PQclear (result);
      return NULL;
    }

  return result;
}

/* As sc_pg_session_query(), and checks that the columns have @types: the
 * binary values are read by type, so a column a database administrator
 * changed by hand is an error, never a misreading.
 */
PGresult *
sc_pg_session_select (ScPgSession         *s,
                      const char          *sql,
                      int                  n_params,
                      const char * const  *params,
                      const Oid           *types,
                      int                  n_types,
                      GError             **error)
{
  PGresult *result = sc_pg_session_query (s, sql, n_params, params, error);

  if (result == NULL)
    return NULL;

  for (int i = 0; i < n_types; i++)
    {
      if (i < PQnfields (result) && PQftype (result, i) == types[i])
        continue;
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA,
                   _("%s: column “%s” of the server’s tables has a type this Scorecards does not "
                     "expect; was the schema changed by hand?"),
                   s->display_name, i < PQnfields (result) ? PQfname (result, i) : "?");
      PQclear (result);
      return NULL;
    }

  return result;
}

/* Ends a failed transaction; a broken connection is left as it is. */
void
sc_pg_session_rollback (ScPgSession *s)
{
  if (PQtransactionStatus (s->conn) != PQTRANS_IDLE)
    PQclear (PQexec (s->conn, "ROLLBACK"));
}

const char *
sc_pg_session_get_user (ScPgSession *s)
{
  return PQuser (s->conn);
}

/* For a connection made elsewhere (the live session's, with its own
 * timeouts): checks the server as sc_pg_session_connect() does and
 * empties the search path.
 */
gboolean
sc_pg_session_setup (PGconn      *conn,
                     const char  *display_name,
                     GError     **error)
{
  PGresult *result;

  if (!check_server (conn, display_name, error))
    return FALSE;

  result = PQexec (conn, "SELECT pg_catalog.set_config('search_path', '', false)");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      g_autofree char *message = strip_message (PQerrorMessage (conn));

      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONNECT, "%s: %s", display_name, message);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);
  return TRUE;
}
