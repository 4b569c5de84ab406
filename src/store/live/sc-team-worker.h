/* sc-team-worker.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The thread that talks to the server for an ScTeamSession: it keeps the
 * connection (reconnecting with backoff), listens for the workbook's
 * notifications, writes the edits it is given, one transaction each, and
 * reads what others changed. It reports on the session's main context.
 */

#pragma once

#include "sc-team-edit.h"
#include "sc-team-session.h"

G_BEGIN_DECLS

typedef enum
{
  SC_TEAM_MSG_STATE,     /* state, message */
  SC_TEAM_MSG_APPLIED,   /* key, target, version; new_id when the id was taken */
  SC_TEAM_MSG_CONFLICT,  /* key, target, version, data (theirs; NULL: deleted) */
  SC_TEAM_MSG_REFUSED,   /* key, target, message */
  SC_TEAM_MSG_ISSUE,     /* target, version, data (NULL: deleted) */
  SC_TEAM_MSG_SERIES,    /* target, data */
  SC_TEAM_MSG_WORKBOOK,  /* book, versions (issue id → row version) */
  SC_TEAM_MSG_DELETED,   /* the workbook was deleted: message */
} ScTeamMsgKind;

typedef struct
{
  ScTeamMsgKind       kind;
  ScTeamSessionState  state;
  char               *message;
  char               *key;
  char               *target;
  char               *new_id;
  gint64              version;
  JsonObject         *data;
  ScWorkbook         *book;
  GHashTable         *versions;
} ScTeamMsg;

typedef struct _ScTeamWorker ScTeamWorker;

typedef void (*ScTeamWorkerFunc) (ScTeamMsg *msg,
                                  gpointer   user_data);

ScTeamWorker *sc_team_worker_new            (const char       *conninfo,
                                             const char       *password,
                                             const char       *display_name,
                                             const char       *workbook,
                                             ScTeamWorkerFunc  func,
                                             gpointer          user_data);
void          sc_team_worker_push           (ScTeamWorker     *self,
                                             ScTeamEdit       *edit);
void          sc_team_worker_set_changed_by (ScTeamWorker     *self,
                                             const char       *changed_by);
void          sc_team_worker_resync         (ScTeamWorker     *self);
void          sc_team_worker_stop           (ScTeamWorker     *self);

G_END_DECLS
