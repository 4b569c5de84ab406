/* sc-pg-server.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a team server holds for the role that logged in */
typedef struct
{
  char     *user;       /* the role connected as */
  char     *host;       /* the server ("localhost" for a socket) */
  GStrv     workbooks;  /* the team workbooks' names, in the locale's order */
  gboolean  may_write;  /* the role may change workbooks (an editor) */
} ScPgServerInfo;

ScPgServerInfo *sc_pg_server_query (const char      *server_uri,
                                    const char      *password,
                                    GCancellable    *cancellable,
                                    GError         **error);
void            sc_pg_server_info_free (ScPgServerInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPgServerInfo, sc_pg_server_info_free)

G_END_DECLS
