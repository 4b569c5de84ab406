/* sc-pg-schema.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's tables, kept in step with the application: the SQL
 * migrations of src/store/migrations/ (bundled as a GResource) are applied
 * in order on connect, each once and all in one transaction, when the role
 * may create in the database; a schema newer than the application is
 * refused, so that an old Scorecards never writes over columns it does not
 * know.
 */

#define G_LOG_DOMAIN "sc-pg-schema"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sc-pg-private.h"
#include "sc-store-resources.h"

#define RESOURCE_DIR "/io/github/scorecards/store/migrations/"

/* Any constant, the same in every Scorecards: two clients that find the
 * schema missing at the same moment take turns creating it.
 */
#define SQL_LOCK "SELECT pg_catalog.pg_advisory_xact_lock(7310309147052655923)"

static const char *sql_has_table =
  "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
  "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
  " WHERE n.nspname = 'scorecards' AND c.relname = 'schema_migration')";

static const char *sql_version =
  "SELECT coalesce(max(version), 0)::integer, count(*)::integer FROM scorecards.schema_migration";

static const char *sql_applied =
  "SELECT version FROM scorecards.schema_migration";

static const char *sql_record =
  "INSERT INTO scorecards.schema_migration (version, name) VALUES ($1, $2)";

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The migrations' file names ("001-initial.sql", …) in order. */
static GStrv
list_migrations (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (sc_store_get_resource (), RESOURCE_DIR,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; names && names[i]; i++)
    if (g_ascii_isdigit (names[i][0]))
      g_ptr_array_add (sorted, names[i]);
  g_ptr_array_sort (sorted, compare_names);

  for (guint i = 0; i < sorted->len; i++)
    {
      /* 001, 002, …: a repeat is a mistake in the source tree. A gap is
       * allowed while branches that each add a migration are merged: the
       * version is the file's number, not its place in the list.
       */
      g_assert (atoi (g_ptr_array_index (sorted, i)) > (i ? atoi (g_ptr_array_index (sorted, i - 1)) : 0));
      g_strv_builder_add (builder, g_ptr_array_index (sorted, i));
    }

  return g_strv_builder_end (builder);
}

/* The version of the newest migration this Scorecards has. */
int
sc_pg_schema_get_latest (void)
{
  g_auto(GStrv) names = list_migrations ();
  guint n = g_strv_length (names);

  return n ? atoi (names[n - 1]) : 0;
}

static char *
load_script (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (sc_store_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (bytes != NULL);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
read_version (ScPgSession  *s,
              int          *version,
              int          *n_applied,
              GError      **error)
{
  static const Oid bool_type[] = { SC_PG_BOOL };
  static const Oid int_type[] = { SC_PG_INT4, SC_PG_INT4 };
  g_autoptr(GError) local_error = NULL;
  PGresult *result;
  gboolean exists;

  if (!(result = sc_pg_session_select (s, sql_has_table, 0, NULL, bool_type, 1, error)))
    return FALSE;
  exists = sc_pg_get_bool (result, 0, 0);
  PQclear (result);

  *version = 0;
  *n_applied = 0;
  if (!exists)
    return TRUE;

  if (!(result = sc_pg_session_select (s, sql_version, 0, NULL, int_type, 2, &local_error)))
    {
      if (g_error_matches (local_error, SC_STORE_ERROR, SC_STORE_ERROR_READ_ONLY))
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_DENIED,
                       _("%s: role “%s” may not read team workbooks on this server; the database "
                         "owner can grant it scorecards_viewer or scorecards_editor"),
                       s->display_name, sc_pg_session_get_user (s));
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *version = sc_pg_get_int4 (result, 0, 0);
  *n_applied = sc_pg_get_int4 (result, 0, 1);
  PQclear (result);

  return TRUE;
}

static gboolean
apply (ScPgSession  *s,
       const char   *name,
       int           version,
       GError      **error)
{
  g_autofree char *script = load_script (name);
  g_autofree char *number = g_strdup_printf ("%d", version);
  const char *params[] = { number, name };
  PGresult *result;

  g_debug ("applying migration %s", name);
  if (!sc_pg_session_exec (s, script, error))
    return FALSE;
  if (!(result = sc_pg_session_query (s, sql_record, 2, params, error)))
    return FALSE;
  PQclear (result);

  return TRUE;
}

/* The versions applied to the server (empty when there are no tables). */
static GHashTable *
read_applied (ScPgSession  *s,
              int           version,
              GError      **error)
{
  static const Oid int_type[] = { SC_PG_INT4 };
  GHashTable *applied = g_hash_table_new (NULL, NULL);
  PGresult *result;

  if (version == 0)
    return applied;
  if (!(result = sc_pg_session_select (s, sql_applied, 0, NULL, int_type, 1, error)))
    {
      g_hash_table_unref (applied);
      return NULL;
    }
  for (int i = 0; i < PQntuples (result); i++)
    g_hash_table_add (applied, GINT_TO_POINTER (sc_pg_get_int4 (result, i, 0)));
  PQclear (result);
  return applied;
}

/* Applies the migrations the server lacks, in one transaction: those
 * after its newest, and any older one merged in after (a branch's 002
 * arriving after another's 008 was applied).
 */
static gboolean
migrate (ScPgSession  *s,
         int          *from,
         GError      **error)
{
  g_auto(GStrv) names = list_migrations ();
  g_autofree char *grants = load_script ("grants.sql");
  g_autoptr(GHashTable) applied = NULL;
  gboolean any = FALSE;
  int n_applied;

  if (!sc_pg_session_exec (s, "BEGIN", error))
    return FALSE;
  /* Another client may have migrated while this one waited for the lock */
  if (!sc_pg_session_exec (s, SQL_LOCK, error) || !read_version (s, from, &n_applied, error) ||
      !(applied = read_applied (s, *from, error)))
    goto failed;

  for (guint i = 0; names[i] != NULL; i++)
    {
      int version = atoi (names[i]);

      if (g_hash_table_contains (applied, GINT_TO_POINTER (version)))
        continue;
      if (!apply (s, names[i], version, error))
        goto failed;
      any = TRUE;
    }
  if ((any && !sc_pg_session_exec (s, grants, error)) ||
      !sc_pg_session_exec (s, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  sc_pg_session_rollback (s);
  return FALSE;
}

/* Makes sure the server's schema is the one this Scorecards writes:
 * creates or upgrades it when the role may, refuses a newer one.
 */
gboolean
sc_pg_schema_prepare (ScPgSession  *s,
                      GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) names = list_migrations ();
  int latest = sc_pg_schema_get_latest ();
  int version, n_applied;

  if (!read_version (s, &version, &n_applied, error))
    return FALSE;
  if (version == latest && n_applied == (int) g_strv_length (names))
    return TRUE;

  if (version > latest)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA,
                   _("%s: the server’s team workbooks were made by a newer Scorecards (schema "
                     "version %d; this version knows up to %d). Update Scorecards to open them."),
                   s->display_name, version, latest);
      return FALSE;
    }

  if (migrate (s, &version, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, SC_STORE_ERROR, SC_STORE_ERROR_READ_ONLY) &&
      !g_error_matches (local_error, SC_STORE_ERROR, SC_STORE_ERROR_DENIED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (version == 0)
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA,
                 _("%s: this database has no Scorecards tables yet, and role “%s” may not create "
                   "them. The database owner creates them by opening any team workbook once "
                   "(see docs/team-server.md)."),
                 s->display_name, sc_pg_session_get_user (s));
  else
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA,
                 _("%s: the server’s Scorecards tables are at schema version %d, this Scorecards "
                   "needs version %d, and role “%s” may not upgrade them. The database owner "
                   "upgrades them by opening any team workbook once with this Scorecards."),
                 s->display_name, version, latest, sc_pg_session_get_user (s));
  return FALSE;
}
