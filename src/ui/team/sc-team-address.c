/* sc-team-address.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team workbook's address as the connect form holds it (host, port,
 * database, user, workbook), to and from the URI the store and the recent
 * list use: postgresql://user@host:port/database?workbook=NAME. A socket
 * folder goes percent-encoded where the host is, as libpq reads it. The
 * URI carries no password.
 */

#define G_LOG_DOMAIN "sc-team-address"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sc-team-address.h"

G_DEFINE_BOXED_TYPE (ScTeamAddress, sc_team_address, sc_team_address_copy, sc_team_address_free)

ScTeamAddress *
sc_team_address_new (const char *host,
                     guint       port,
                     const char *database,
                     const char *user,
                     const char *workbook)
{
  ScTeamAddress *self = g_new0 (ScTeamAddress, 1);

  self->host = g_strdup (host);
  self->port = port;
  self->database = g_strdup (database);
  self->user = g_strdup (user);
  self->workbook = g_strdup (workbook);

  return self;
}

ScTeamAddress *
sc_team_address_copy (const ScTeamAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return sc_team_address_new (self->host, self->port, self->database, self->user,
                              self->workbook);
}

void
sc_team_address_free (ScTeamAddress *self)
{
  if (self == NULL)
    return;

  g_free (self->host);
  g_free (self->database);
  g_free (self->user);
  g_free (self->workbook);
  g_free (self);
}

static char *
unescape (const char *start,
          gsize       length)
{
  g_autofree char *part = g_strndup (start, length);

  return g_uri_unescape_string (part, NULL);
}

/* The value of @key in the query @query ("a=1&b=2"), decoded. */
static char *
query_value (const char *query,
             const char *key)
{
  g_auto(GStrv) items = g_strsplit (query, "&", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *equals = strchr (items[i], '=');

      if (equals != NULL && strlen (key) == (gsize) (equals - items[i]) &&
          strncmp (items[i], key, equals - items[i]) == 0)
        return g_uri_unescape_string (equals + 1, NULL);
    }

  return NULL;
}

/* Takes a team workbook URI apart (as the recent list holds them); NULL
 * when it is not one. Parameters other than host, port and workbook are
 * not kept; host, port and user there win over the authority's, as in
 * libpq.
 */
ScTeamAddress *
sc_team_address_parse (const char *uri)
{
  g_autoptr(ScTeamAddress) self = g_new0 (ScTeamAddress, 1);
  const char *authority, *path, *query, *at, *colon;
  g_autofree char *port = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  if (g_str_has_prefix (uri, "postgresql://"))
    authority = uri + strlen ("postgresql://");
  else if (g_str_has_prefix (uri, "postgres://"))
    authority = uri + strlen ("postgres://");
  else
    return NULL;

  query = authority + strcspn (authority, "?");
  path = authority + strcspn (authority, "/?");
  at = memchr (authority, '@', path - authority);
  if (at != NULL)
    {
      colon = memchr (authority, ':', at - authority);
      self->user = unescape (authority, (colon ? colon : at) - authority);
      authority = at + 1;
    }
  colon = memchr (authority, ':', path - authority);
  self->host = unescape (authority, (colon ? colon : path) - authority);
  if (colon != NULL)
    port = g_strndup (colon + 1, path - colon - 1);
  if (*path == '/')
    self->database = unescape (path + 1, query - path - 1);

  if (*query == '?')
    {
      g_autofree char *host = query_value (query + 1, "host");
      g_autofree char *query_port = query_value (query + 1, "port");
      g_autofree char *user = query_value (query + 1, "user");

      if (host != NULL)
        {
          g_free (self->host);
          self->host = g_steal_pointer (&host);
        }
      if (user != NULL)
        {
          g_free (self->user);
          self->user = g_steal_pointer (&user);
        }
      if (query_port != NULL)
        {
          g_free (port);
          port = g_steal_pointer (&query_port);
        }
      self->workbook = query_value (query + 1, "workbook");
    }
  self->port = port ? (guint) strtoul (port, NULL, 10) : 0;
  if (self->host == NULL || self->database == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/* The URI of the address: with the workbook, a team workbook's, which the
 * store opens; without, the server's, which sc_pg_server_query() lists.
 */
char *
sc_team_address_to_uri (const ScTeamAddress *self)
{
  GString *uri = g_string_new ("postgresql://");

  g_return_val_if_fail (self != NULL, NULL);

  if (self->user != NULL && *self->user != '\0')
    {
      g_autofree char *user = g_uri_escape_string (self->user, NULL, FALSE);

      g_string_append_printf (uri, "%s@", user);
    }
  if (self->host != NULL && *self->host != '\0')
    {
      /* a socket folder's slashes are escaped too: it is all host */
      g_autofree char *host = g_uri_escape_string (self->host, NULL, FALSE);

      g_string_append (uri, host);
    }
  if (self->port != 0)
    g_string_append_printf (uri, ":%u", self->port);
  g_string_append_c (uri, '/');
  if (self->database != NULL)
    {
      g_autofree char *database = g_uri_escape_string (self->database, NULL, FALSE);

      g_string_append (uri, database);
    }
  if (self->workbook != NULL)
    {
      g_autofree char *workbook = g_uri_escape_string (self->workbook, NULL, FALSE);

      g_string_append_printf (uri, "?workbook=%s", workbook);
    }

  return g_string_free (uri, FALSE);
}

/* "anna@db.example.com", as the window's header names the connection */
char *
sc_team_address_describe (const ScTeamAddress *self)
{
  const char *host = self->host;

  if (host == NULL || *host == '\0' || *host == '/')
    host = "localhost";
  if (self->user == NULL || *self->user == '\0')
    return g_strdup (host);
  return g_strdup_printf ("%s@%s", self->user, host);
}
