/* sc-import-memory.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant remembers the mapping it was last given for a
 * header: the next export from the same system (same columns, new month)
 * imports with the same column roles and KPI matches without asking again.
 * Kept in $XDG_CONFIG_HOME/scorecards/import-mappings.ini, one group per
 * header, named by the SHA-1 of the header cells.
 */

#define G_LOG_DOMAIN "sc-import-memory"

#include "config.h"

#include <errno.h>

#include "sc-import-memory.h"
#include "sc-safe-file.h"

/* At most this many headers are kept; the oldest go first */
#define MAX_MAPPINGS 50

static char *
memory_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "scorecards", "import-mappings.ini", NULL);
}

static char *
header_key (const char * const *header,
            guint               n_columns)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);

  for (guint i = 0; i < n_columns; i++)
    {
      const char *cell = header[i] ? header[i] : "";

      g_checksum_update (checksum, (const guchar *) cell, -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
forget_oldest (GKeyFile *keys)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keys, NULL);
  guint n = g_strv_length (groups);

  for (guint i = 0; n > MAX_MAPPINGS && groups[i]; i++, n--)
    g_key_file_remove_group (keys, groups[i], NULL);
}

/* Stores @roles (one per column) and @kpi_matches (name as written → KPI
 * id, "" for a new KPI) for files whose header is @header.
 */
void
sc_import_memory_remember (const char * const *header,
                           guint               n_columns,
                           const ScImportRole *roles,
                           GHashTable         *kpi_matches)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = memory_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *group = header_key (header, n_columns);
  g_autofree int *ints = g_new (int, MAX (n_columns, 1));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *data = NULL;
  GHashTableIter iter;
  gsize length;
  gpointer name, id;

  g_return_if_fail (header != NULL && roles != NULL);

  g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL);
  g_key_file_remove_group (keys, group, NULL);

  for (guint i = 0; i < n_columns; i++)
    ints[i] = roles[i];
  g_key_file_set_integer_list (keys, group, "roles", ints, n_columns);

  if (kpi_matches != NULL)
    {
      g_hash_table_iter_init (&iter, kpi_matches);
      while (g_hash_table_iter_next (&iter, &name, &id))
        {
          g_ptr_array_add (names, name);
          g_ptr_array_add (ids, id);
        }
    }
  g_key_file_set_string_list (keys, group, "kpi-names", (const char * const *) names->pdata, names->len);
  g_key_file_set_string_list (keys, group, "kpi-ids", (const char * const *) ids->pdata, ids->len);
  forget_oldest (keys);
  data = g_key_file_to_data (keys, &length, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !sc_safe_file_set_contents (path, data, length, SC_SAFE_FILE_PRIVATE, &error))
    g_warning ("Could not remember the import mapping: %s", error ? error->message : g_strerror (errno));
}

/* Fills @roles and @kpi_matches from the mapping remembered for @header;
 * FALSE (and nothing changed) when there is none.
 */
gboolean
sc_import_memory_recall (const char * const *header,
                         guint               n_columns,
                         GArray             *roles,
                         GHashTable         *kpi_matches)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = memory_path ();
  g_autofree char *group = header_key (header, n_columns);
  g_autofree int *ints = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) ids = NULL;
  gsize n_ints = 0;

  g_return_val_if_fail (header != NULL && roles != NULL, FALSE);

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL) ||
      !(ints = g_key_file_get_integer_list (keys, group, "roles", &n_ints, NULL)) ||
      n_ints != n_columns)
    return FALSE;

  for (gsize i = 0; i < n_ints; i++)
    if (ints[i] < 0 || ints[i] >= SC_IMPORT_N_ROLES)
      return FALSE;

  g_array_set_size (roles, 0);
  for (gsize i = 0; i < n_ints; i++)
    {
      ScImportRole role = ints[i];
      g_array_append_val (roles, role);
    }

  names = g_key_file_get_string_list (keys, group, "kpi-names", NULL, NULL);
  ids = g_key_file_get_string_list (keys, group, "kpi-ids", NULL, NULL);
  for (guint i = 0; kpi_matches && names && ids && names[i] && ids[i]; i++)
    g_hash_table_insert (kpi_matches, g_strdup (names[i]), g_strdup (ids[i]));

  return TRUE;
}
