/* sc-team-banner.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-team-session.h"

G_BEGIN_DECLS

#define SC_TYPE_TEAM_BANNER (sc_team_banner_get_type())

G_DECLARE_FINAL_TYPE (ScTeamBanner, sc_team_banner, SC, TEAM_BANNER, GtkWidget)

GtkWidget     *sc_team_banner_new         (void);
ScTeamSession *sc_team_banner_get_session (ScTeamBanner  *self);
void           sc_team_banner_set_session (ScTeamBanner  *self,
                                           ScTeamSession *session);
const char    *sc_team_banner_get_text    (ScTeamBanner  *self);

G_END_DECLS
