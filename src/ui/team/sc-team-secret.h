/* sc-team-secret.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-team-address.h"

G_BEGIN_DECLS

void      sc_team_secret_lookup        (const ScTeamAddress  *address,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char     *sc_team_secret_lookup_finish (GAsyncResult         *result,
                                        GError              **error);
void      sc_team_secret_store         (const ScTeamAddress  *address,
                                        const char           *password,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  sc_team_secret_store_finish  (GAsyncResult         *result,
                                        GError              **error);
void      sc_team_secret_clear         (const ScTeamAddress  *address,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  sc_team_secret_clear_finish  (GAsyncResult         *result,
                                        GError              **error);
void      sc_team_secret_free          (char                 *password);

G_END_DECLS
