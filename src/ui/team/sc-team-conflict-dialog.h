/* sc-team-conflict-dialog.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-team-session.h"

G_BEGIN_DECLS

#define SC_TYPE_TEAM_CONFLICT_DIALOG (sc_team_conflict_dialog_get_type())

G_DECLARE_FINAL_TYPE (ScTeamConflictDialog, sc_team_conflict_dialog, SC, TEAM_CONFLICT_DIALOG,
                      AdwMessageDialog)

GtkWidget *sc_team_conflict_dialog_new (GtkWindow     *parent,
                                        ScTeamSession *session,
                                        const char    *issue_id);

G_END_DECLS
