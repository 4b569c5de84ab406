/* sc-window-live.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window showing a team workbook edited live (sc-window-live.c).
 */

#pragma once

#include "sc-team-session.h"
#include "sc-window.h"

G_BEGIN_DECLS

void           sc_window_open_team        (ScWindow   *self,
                                           const char *uri);
ScTeamSession *sc_window_get_live_session (ScWindow   *self);

G_END_DECLS
