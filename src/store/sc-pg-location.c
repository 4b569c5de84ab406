/* sc-pg-location.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Team workbook URIs: libpq's own URI (postgresql://[user@]host[:port]/db
 * with any of its parameters: host=/socket/dir, sslmode, service, …) plus
 * one parameter of ours, workbook=NAME, taken out before libpq sees it.
 * Only the query string is split here; libpq parses the rest, so its whole
 * syntax (several hosts, IPv6 literals, percent-encoding) keeps working.
 */

#define G_LOG_DOMAIN "sc-pg-location"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-pg-location.h"
#include "sc-store.h"

#define MAX_WORKBOOK_NAME 1000  /* bytes */

static const char *schemes[] = { "postgresql://", "postgres://" };

gboolean
sc_pg_location_is_uri (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_has_prefix (location, schemes[i]))
      return TRUE;

  return FALSE;
}

void
sc_pg_location_free (ScPgLocation *self)
{
  if (self == NULL)
    return;

  g_free (self->conninfo);
  g_free (self->workbook);
  g_free (self->display_name);
  g_free (self);
}

/* @base (scheme, authority and path) without the ":password" of its
 * user information.
 */
static void
append_without_password (GString    *out,
                         const char *base)
{
  const char *authority = strstr (base, "://") + 3;
  const char *end = authority + strcspn (authority, "/");
  const char *at = g_strrstr_len (authority, end - authority, "@");
  const char *colon = at ? memchr (authority, ':', at - authority) : NULL;

  if (colon == NULL)
    {
      g_string_append (out, base);
      return;
    }
  g_string_append_len (out, base, colon - base);
  g_string_append (out, at);
}

/* @uri as it may be shown, valid or not: without the password of its user
 * information nor a password parameter.
 */
char *
sc_pg_location_dup_display_name (const char *uri)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *base = NULL;
  g_auto(GStrv) items = NULL;
  gsize base_length;

  g_return_val_if_fail (sc_pg_location_is_uri (uri), NULL);

  base_length = strcspn (uri, "?");
  base = g_strndup (uri, base_length);
  append_without_password (shown, base);
  items = g_strsplit (uri[base_length] == '?' ? uri + base_length + 1 : "", "&", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *key = g_uri_unescape_segment (items[i], strchr (items[i], '='), NULL);

      if (*items[i] == '\0' || g_strcmp0 (key, "password") == 0)
        continue;
      g_string_append_c (shown, strchr (shown->str, '?') ? '&' : '?');
      g_string_append (shown, items[i]);
    }

  return g_string_free (g_steal_pointer (&shown), FALSE);
}

static gboolean
fail (GError     **error,
      const char  *uri,
      const char  *message)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *base = g_strndup (uri, strcspn (uri, "?"));

  /* never repeat a password back, not even in an error; nor the query,
   * which may be what is wrong
   */
  append_without_password (shown, base);
  g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_LOCATION, "%s: %s", shown->str, message);
  return FALSE;
}

static gboolean
take_workbook (const char  *uri,
               const char  *value,
               char       **out,
               GError     **error)
{
  g_autofree char *name = NULL;

  if (*out != NULL)
    return fail (error, uri, _("the workbook is named twice"));
  if (!(name = g_uri_unescape_string (value, NULL)))
    return fail (error, uri, _("the workbook name is not valid percent-encoding"));
  if (!g_utf8_validate (name, -1, NULL))
    return fail (error, uri, _("the workbook name is not valid UTF-8"));
  if (*name == '\0')
    return fail (error, uri, _("the workbook name is empty"));
  if (strlen (name) > MAX_WORKBOOK_NAME)
    return fail (error, uri, _("the workbook name is longer than 1000 bytes"));

  *out = g_steal_pointer (&name);
  return TRUE;
}

/* Adds the parameters of @query other than workbook to @conninfo and,
 * all but the password, to @display; takes the workbook's name.
 */
static gboolean
split_query (ScPgLocation  *self,
             const char    *uri,
             const char    *query,
             GString       *conninfo,
             GString       *display,
             GError       **error)
{
  g_auto(GStrv) items = g_strsplit (query, "&", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = items[i];
      const char *equals = strchr (item, '=');
      g_autofree char *key = g_uri_unescape_segment (item, equals, NULL);

      if (*item == '\0')
        continue;
      if (g_strcmp0 (key, "workbook") == 0)
        {
          if (!take_workbook (uri, equals ? equals + 1 : "", &self->workbook, error))
            return FALSE;
          continue;
        }
      g_string_append_c (conninfo, strchr (conninfo->str, '?') ? '&' : '?');
      g_string_append (conninfo, item);
      if (g_strcmp0 (key, "password") == 0)
        continue;
      g_string_append_c (display, strchr (display->str, '?') ? '&' : '?');
      g_string_append (display, item);
    }

  if (self->workbook == NULL)
    return fail (error, uri, _("the address does not say which workbook: add ?workbook=NAME"));
  return TRUE;
}

/* Splits @uri into the parts of #ScPgLocation; an error of
 * %SC_STORE_ERROR_LOCATION says what is wrong with it, without repeating
 * any password it holds.
 */
ScPgLocation *
sc_pg_location_parse (const char  *uri,
                      GError     **error)
{
  g_autoptr(ScPgLocation) self = g_new0 (ScPgLocation, 1);
  g_autoptr(GString) conninfo = NULL;
  g_autoptr(GString) display = g_string_new (NULL);
  g_autofree char *base = NULL;
  g_autofree char *encoded = NULL;
  gsize base_length;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!sc_pg_location_is_uri (uri))
    {
      fail (error, uri, _("a team workbook is written "
                          "postgresql://[user@]host[:port]/database?workbook=NAME"));
      return NULL;
    }
  if (!g_utf8_validate (uri, -1, NULL))
    {
      fail (error, uri, _("the address is not valid UTF-8"));
      return NULL;
    }

  base_length = strcspn (uri, "?");
  base = g_strndup (uri, base_length);
  conninfo = g_string_new (base);
  append_without_password (display, base);
  if (!split_query (self, uri, uri[base_length] == '?' ? uri + base_length + 1 : "",
                    conninfo, display, error))
    return NULL;

  encoded = g_uri_escape_string (self->workbook, NULL, FALSE);
  g_string_append_printf (display, "%sworkbook=%s",
                          strchr (display->str, '?') ? "&" : "?", encoded);

  self->conninfo = g_string_free (g_steal_pointer (&conninfo), FALSE);
  self->display_name = g_string_free (g_steal_pointer (&display), FALSE);
  return g_steal_pointer (&self);
}
