/* sc-team-address.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a team workbook is, as the connect form asks for it. Never holds
 * a password: that is the keyring's (sc-team-secret.h).
 */
typedef struct
{
  char  *host;      /* a name, an address, or a socket folder ("/run/postgresql") */
  guint  port;      /* 0: libpq's default, 5432 */
  char  *database;
  char  *user;      /* NULL or "": libpq's default, the login name */
  char  *workbook;  /* NULL: the server, no workbook chosen yet */
} ScTeamAddress;

#define SC_TYPE_TEAM_ADDRESS (sc_team_address_get_type ())

GType          sc_team_address_get_type  (void) G_GNUC_CONST;
ScTeamAddress *sc_team_address_new       (const char          *host,
                                          guint                port,
                                          const char          *database,
                                          const char          *user,
                                          const char          *workbook);
ScTeamAddress *sc_team_address_copy      (const ScTeamAddress *self);
void           sc_team_address_free      (ScTeamAddress       *self);
ScTeamAddress *sc_team_address_parse     (const char          *uri);
char          *sc_team_address_to_uri    (const ScTeamAddress *self);
char          *sc_team_address_describe  (const ScTeamAddress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTeamAddress, sc_team_address_free)

G_END_DECLS
