/* sc-team-publish-dialog.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_TEAM_PUBLISH_DIALOG (sc_team_publish_dialog_get_type())

G_DECLARE_FINAL_TYPE (ScTeamPublishDialog, sc_team_publish_dialog, SC, TEAM_PUBLISH_DIALOG, AdwWindow)

ScTeamPublishDialog *sc_team_publish_dialog_new (GtkWindow  *parent,
                                                 ScWorkbook *book,
                                                 const char *name);

G_END_DECLS
