/* sc-store-location.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Picks the store for a location as a user types it: a team workbook URI
 * (postgresql://…?workbook=NAME) is on a server, anything else is a file.
 */

#define G_LOG_DOMAIN "sc-store-location"

#include "config.h"

#include "sc-file-store.h"
#include "sc-pg-location.h"
#include "sc-pg-store.h"
#include "sc-store-location.h"

/* TRUE when @location names a team workbook on a server. */
gboolean
sc_store_location_is_server (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return sc_pg_location_is_uri (location);
}

/* @location as messages may show it: a server URI without its password. */
char *
sc_store_location_dup_display_name (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (sc_pg_location_is_uri (location))
    return sc_pg_location_dup_display_name (location);
  return g_strdup (location);
}

/* The store of @location: a path or file URI (as on a command line), or a
 * team workbook URI. Fails only for a malformed team workbook URI.
 */
ScStore *
sc_store_new_for_location (const char  *location,
                           GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (sc_pg_location_is_uri (location))
    return sc_pg_store_new (location, error);

  file = g_file_new_for_commandline_arg (location);
  return sc_file_store_new (file);
}
