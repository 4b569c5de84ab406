/* sc-team-login.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-team-address.h"

G_BEGIN_DECLS

#define SC_TYPE_TEAM_LOGIN (sc_team_login_get_type())

G_DECLARE_FINAL_TYPE (ScTeamLogin, sc_team_login, SC, TEAM_LOGIN, GtkWidget)

ScTeamAddress *sc_team_login_dup_address  (ScTeamLogin         *self);
void           sc_team_login_set_address  (ScTeamLogin         *self,
                                           const ScTeamAddress *address);
char          *sc_team_login_dup_password (ScTeamLogin         *self);
void           sc_team_login_set_password (ScTeamLogin         *self,
                                           const char          *password);
gboolean       sc_team_login_get_remember (ScTeamLogin         *self);
gboolean       sc_team_login_is_complete  (ScTeamLogin         *self);
void           sc_team_login_focus_password (ScTeamLogin       *self);

G_END_DECLS
