/* sc-pg-location.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A team workbook URI taken apart: what goes to libpq, which workbook, and
 * what the user may be shown.
 */
typedef struct
{
  char *conninfo;      /* the URI without its workbook parameter, for libpq */
  char *workbook;      /* the workbook's name, decoded */
  char *display_name;  /* the URI without its password */
} ScPgLocation;

gboolean      sc_pg_location_is_uri (const char    *location);
ScPgLocation *sc_pg_location_parse  (const char    *uri,
                                     GError       **error);
void          sc_pg_location_free   (ScPgLocation  *self);
char         *sc_pg_location_dup_display_name (const char *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPgLocation, sc_pg_location_free)

G_END_DECLS
