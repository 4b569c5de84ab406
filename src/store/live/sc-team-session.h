/* sc-team-session.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team workbook edited live: one ScTeamSession per open team workbook.
 * It writes each local edit of the workbook as one transaction as it
 * happens, applies the edits of others to the same ScWorkbook in place
 * (the views refresh from the model's own signals), keeps edits made while
 * the server is unreachable in an on-disk journal and sends them, exactly
 * once, when it is back. The network is used from a worker thread: no
 * call here waits on the server.
 */

#pragma once

#include "sc-issue.h"
#include "sc-store.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

/**
 * ScTeamSessionState:
 * @SC_TEAM_SESSION_CONNECTING: connecting for the first time
 * @SC_TEAM_SESSION_ONLINE: connected; edits are written as they happen
 * @SC_TEAM_SESSION_OFFLINE: the server is unreachable or too slow; edits
 *   are kept in the journal and sent when it is back (see n-pending)
 * @SC_TEAM_SESSION_READ_ONLY: the role may read the workbook but not
 *   change it; local edits are refused (and undone), nothing is queued
 * @SC_TEAM_SESSION_FAILED: the workbook cannot be used (deleted, access
 *   denied, schema too new): see sc_team_session_get_message()
 */
typedef enum
{
  SC_TEAM_SESSION_CONNECTING,
  SC_TEAM_SESSION_ONLINE,
  SC_TEAM_SESSION_OFFLINE,
  SC_TEAM_SESSION_READ_ONLY,
  SC_TEAM_SESSION_FAILED,
} ScTeamSessionState;

/**
 * ScTeamResolution:
 * @SC_TEAM_RESOLUTION_KEEP_MINE: write my text over theirs (a new row version)
 * @SC_TEAM_RESOLUTION_TAKE_THEIRS: replace my text by theirs
 */
typedef enum
{
  SC_TEAM_RESOLUTION_KEEP_MINE,
  SC_TEAM_RESOLUTION_TAKE_THEIRS,
} ScTeamResolution;

#define SC_TYPE_TEAM_SESSION (sc_team_session_get_type())

G_DECLARE_FINAL_TYPE (ScTeamSession, sc_team_session, SC, TEAM_SESSION, GObject)

/*
 * Signals (all emitted on the thread-default main context of the thread
 * that created the session):
 *
 * "state-changed" (ScTeamSession *self)
 *    the state, the number of pending edits or the message changed.
 * "conflict" (ScTeamSession *self, const char *issue_id,
 *             ScIssue *mine, ScIssue *theirs)
 *    someone else saved the issue since this session last saw it; @mine
 *    is the issue in the workbook (kept as the user left it), @theirs a
 *    copy of the server's row. Nothing is written until
 *    sc_team_session_resolve() is called for @issue_id.
 * "remote-changed" (ScTeamSession *self, const char *what, const char *id)
 *    an edit by someone else was applied to the workbook; @what is
 *    "issue" (@id its id), "series" (@id "partner\tkpi") or "workbook"
 *    (@id NULL: partners, KPIs or settings were brought up to date).
 */

/* Properties: "uri", "workbook", "state", "n-pending", "read-only",
 * "display-name" (what issue history records as changed_by; NULL or ""
 * for the database role).
 */

ScTeamSession      *sc_team_session_new              (const char          *uri,
                                                      ScWorkbook          *book,
                                                      GError             **error);
ScTeamSession      *sc_team_session_new_with_password (const char         *uri,
                                                      const char          *password,
                                                      ScWorkbook          *book,
                                                      GError             **error);
void                sc_team_session_open_async       (const char          *uri,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ScTeamSession      *sc_team_session_open_finish      (GAsyncResult        *result,
                                                      GError             **error);

const char         *sc_team_session_get_uri          (ScTeamSession       *self);
const char         *sc_team_session_get_display_uri  (ScTeamSession       *self);
ScWorkbook         *sc_team_session_get_workbook     (ScTeamSession       *self);
ScTeamSessionState  sc_team_session_get_state        (ScTeamSession       *self);
gboolean            sc_team_session_get_read_only    (ScTeamSession       *self);
guint               sc_team_session_get_n_pending    (ScTeamSession       *self);
const char         *sc_team_session_get_message      (ScTeamSession       *self);
const char         *sc_team_session_get_display_name (ScTeamSession       *self);
void                sc_team_session_set_display_name (ScTeamSession       *self,
                                                      const char          *display_name);
void                sc_team_session_resolve          (ScTeamSession       *self,
                                                      const char          *issue_id,
                                                      ScTeamResolution     resolution);
GStrv               sc_team_session_dup_conflicts    (ScTeamSession       *self);
gboolean            sc_team_session_get_conflict     (ScTeamSession       *self,
                                                      const char          *issue_id,
                                                      ScIssue            **mine,
                                                      ScIssue            **theirs);
void                sc_team_session_flush            (ScTeamSession       *self);
void                sc_team_session_close            (ScTeamSession       *self);

char               *sc_team_session_dup_journal_dir  (const char          *uri);
const char         *sc_team_session_get_journal_path (ScTeamSession       *self);

G_END_DECLS
