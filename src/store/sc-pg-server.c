/* sc-pg-server.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team server before any workbook is chosen: log in, check (and create
 * or upgrade, for the owner) the schema as opening a workbook would, and
 * list the workbooks there with what the role may do with them. The
 * window's "Connect to Team Server…" shows this.
 */

#define G_LOG_DOMAIN "sc-pg-server"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sc-pg-location.h"
#include "sc-pg-private.h"
#include "sc-pg-server.h"

static const char *sql_list =
  "SELECT name, pg_catalog.has_table_privilege('scorecards.workbook', 'UPDATE')"
  "  FROM scorecards.workbook ORDER BY name";

static const char *sql_may_write =
  "SELECT NULL::text, pg_catalog.has_table_privilege('scorecards.workbook', 'UPDATE')";

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(char * const *) a, *(char * const *) b);
}

static gboolean
read_list (ScPgSession     *s,
           ScPgServerInfo  *info,
           GError         **error)
{
  static const Oid types[] = { SC_PG_TEXT, SC_PG_BOOL };
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  PGresult *result;
  int n;

  if (!(result = sc_pg_session_select (s, sql_list, 0, NULL, types, 2, error)))
    return FALSE;
  n = PQntuples (result);
  if (n == 0)
    {
      PQclear (result);
      if (!(result = sc_pg_session_select (s, sql_may_write, 0, NULL, types, 2, error)))
        return FALSE;
    }
  for (int i = 0; i < n; i++)
    g_strv_builder_add (names, sc_pg_get_text (result, i, 0));
  info->may_write = sc_pg_get_bool (result, 0, 1);
  info->workbooks = g_strv_builder_end (names);
  /* in the user's order, whatever the database's collation */
  qsort (info->workbooks, n, sizeof (char *), compare_names);
  PQclear (result);

  return TRUE;
}

/* Logs in to the server of @server_uri (a team workbook URI, with or
 * without its workbook parameter) with @password (NULL: as libpq finds
 * one) and lists its team workbooks. Blocks: call it from a thread.
 * Errors are those of #ScStoreError, with messages naming the server.
 */
ScPgServerInfo *
sc_pg_server_query (const char    *server_uri,
                    const char    *password,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(ScPgServerInfo) info = g_new0 (ScPgServerInfo, 1);
  g_autoptr(ScPgLocation) location = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *display_name = NULL;
  g_auto(ScPgSession) s = { 0 };
  PGconn *conn;
  const char *host;
  gboolean ok;

  g_return_val_if_fail (server_uri != NULL, NULL);

  /* The location parser wants a workbook; any name does to take it apart */
  uri = g_strconcat (server_uri, strchr (server_uri, '?') ? "&" : "?", "workbook=-", NULL);
  if (!(location = sc_pg_location_parse (uri, error)))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* messages name the server as the user gave it, without the password */
  display_name = sc_pg_location_dup_display_name (server_uri);
  s.display_name = display_name;
  if (!(conn = sc_pg_session_connect_with_password (location->conninfo, password,
                                                    display_name, error)))
    return NULL;
  sc_pg_session_watch (&s, conn, cancellable);
  ok = sc_pg_schema_prepare (&s, error) && read_list (&s, info, error);
  host = PQhost (conn);
  info->user = g_strdup (PQuser (conn));
  info->host = g_strdup (host == NULL || *host == '\0' || *host == '/' ? "localhost" : host);
  sc_pg_session_clear (&s);
  PQfinish (conn);

  return ok ? g_steal_pointer (&info) : NULL;
}

void
sc_pg_server_info_free (ScPgServerInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->user);
  g_free (info->host);
  g_strfreev (info->workbooks);
  g_free (info);
}
