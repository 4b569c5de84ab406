/* sc-team-secret.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Team server passwords in the user's keyring (the Secret Service: GNOME
 * Keyring, KWallet), through libsecret, keyed by host, port, database and
 * role. They are kept nowhere else: not in GSettings, files, the recent
 * list or a URI.
 */

#define G_LOG_DOMAIN "sc-team-secret"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "sc-team-secret.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.scorecards.Scorecards.TeamServer", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* The keyring's key of @address; the workbook is not part of it: one
 * password per role and server.
 */
static GHashTable *
attributes_for (const ScTeamAddress *address)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, "host", g_strdup (address->host ? address->host : ""));
  g_hash_table_insert (attributes, "port", g_strdup_printf ("%u", address->port ? address->port : 5432));
  g_hash_table_insert (attributes, "database", g_strdup (address->database ? address->database : ""));
  g_hash_table_insert (attributes, "user", g_strdup (address->user ? address->user : ""));

  return attributes;
}

static void
on_lookup_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

/* The password kept for @address; finishes with NULL and no error when the
 * keyring has none. Free it with sc_team_secret_free().
 */
void
sc_team_secret_lookup (const ScTeamAddress *address,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = attributes_for (address);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, sc_team_secret_lookup);
  secret_password_lookupv (get_schema (), attributes, cancellable, on_lookup_cb, task);
}

char *
sc_team_secret_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_stored_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Keeps @password for @address in the default keyring, replacing any. */
void
sc_team_secret_store (const ScTeamAddress *address,
                      const char          *password,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = attributes_for (address);
  g_autofree char *who = sc_team_address_describe (address);
  g_autofree char *label = NULL;
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  /* Translators: the keyring's label, e.g. "Scorecards team server anna@db.example.com/quality" */
  label = g_strdup_printf (_("Scorecards team server %s/%s"), who, address->database);
  g_task_set_source_tag (task, sc_team_secret_store);
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, on_stored_cb, task);
}

gboolean
sc_team_secret_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_cleared_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Forgets the password of @address (when "Remember password" is off). */
void
sc_team_secret_clear (const ScTeamAddress *address,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = attributes_for (address);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, sc_team_secret_clear);
  secret_password_clearv (get_schema (), attributes, cancellable, on_cleared_cb, task);
}

gboolean
sc_team_secret_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Wipes and frees a password from sc_team_secret_lookup_finish(). */
void
sc_team_secret_free (char *password)
{
  secret_password_free (password);
}
