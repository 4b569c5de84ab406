/* sc-team-connect-dialog-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach into.
 */

#pragma once

#include "sc-team-connect-dialog.h"
#include "sc-team-login.h"

G_BEGIN_DECLS

ScTeamLogin *sc_team_connect_dialog_get_login         (ScTeamConnectDialog *self);
GtkListBox  *sc_team_connect_dialog_get_workbook_list (ScTeamConnectDialog *self);
const char  *sc_team_connect_dialog_get_error         (ScTeamConnectDialog *self);
const char  *sc_team_connect_dialog_get_page          (ScTeamConnectDialog *self);
gboolean     sc_team_connect_dialog_get_busy          (ScTeamConnectDialog *self);
void         sc_team_connect_dialog_set_new_name      (ScTeamConnectDialog *self,
                                                       const char          *name);

G_END_DECLS
