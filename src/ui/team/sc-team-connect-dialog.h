/* sc-team-connect-dialog.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-team-address.h"

G_BEGIN_DECLS

#define SC_TYPE_TEAM_CONNECT_DIALOG (sc_team_connect_dialog_get_type())

G_DECLARE_FINAL_TYPE (ScTeamConnectDialog, sc_team_connect_dialog, SC, TEAM_CONNECT_DIALOG, AdwWindow)

ScTeamConnectDialog *sc_team_connect_dialog_new (GtkWindow           *parent,
                                                 const ScTeamAddress *address);
void                 sc_team_connect_dialog_show_error (ScTeamConnectDialog *self,
                                                        const char          *message);

G_END_DECLS
