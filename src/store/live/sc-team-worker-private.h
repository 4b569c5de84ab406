/* sc-team-worker-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between the worker's thread (sc-team-worker.c) and its statements
 * (sc-team-worker-sql.c).
 */

#pragma once

#include "sc-pg-private.h"
#include "sc-team-worker.h"

G_BEGIN_DECLS

typedef enum
{
  SC_TEAM_SENT,       /* applied now or before: msg is APPLIED */
  SC_TEAM_CONFLICT,   /* msg is CONFLICT */
  SC_TEAM_REFUSED,    /* msg is REFUSED: never to be sent again */
  SC_TEAM_LOST,       /* the connection failed: send it again later */
} ScTeamOutcome;

typedef struct
{
  ScPgSession  s;
  gint64       workbook_id;
  char        *id_text;       /* workbook_id as a parameter */
  const char  *changed_by;    /* "" for the role */
  GHashTable  *chains;        /* issue id → ScTeamChain: versions this session wrote */
} ScTeamConn;

ScTeamMsg    *sc_team_msg_new          (ScTeamMsgKind   kind);
void          sc_team_msg_free         (ScTeamMsg      *msg);
gboolean      sc_team_error_is_lost    (ScTeamConn     *c,
                                        const GError   *error);
ScTeamOutcome sc_team_sql_apply        (ScTeamConn     *c,
                                        const char     *workbook,
                                        ScTeamEdit     *edit,
                                        ScTeamMsg     **msg);
ScTeamMsg    *sc_team_sql_read_issue   (ScTeamConn     *c,
                                        const char     *id,
                                        GError        **error);
ScTeamMsg    *sc_team_sql_read_series  (ScTeamConn     *c,
                                        const char     *target,
                                        GError        **error);
ScTeamMsg    *sc_team_sql_read_all     (ScTeamConn     *c,
                                        const char     *workbook,
                                        GError        **error);

G_END_DECLS
