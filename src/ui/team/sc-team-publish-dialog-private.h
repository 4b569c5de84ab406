/* sc-team-publish-dialog-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach into.
 */

#pragma once

#include "sc-team-login.h"
#include "sc-team-publish-dialog.h"

G_BEGIN_DECLS

ScTeamLogin *sc_team_publish_dialog_get_login    (ScTeamPublishDialog *self);
const char  *sc_team_publish_dialog_get_error    (ScTeamPublishDialog *self);
gboolean     sc_team_publish_dialog_get_busy     (ScTeamPublishDialog *self);
GtkWindow   *sc_team_publish_dialog_get_question (ScTeamPublishDialog *self);

G_END_DECLS
