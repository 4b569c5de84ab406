/* sc-team-session-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session's state, shared by sc-team-session.c (the object, its
 * journal and public API), sc-team-session-capture.c (local edits becoming
 * edits to send) and sc-team-session-remote.c (what the worker reports).
 */

#pragma once

#include "sc-pg-location.h"
#include "sc-team-edit.h"
#include "sc-team-journal.h"
#include "sc-team-session.h"
#include "sc-team-worker.h"

G_BEGIN_DECLS

#define SC_TEAM_COALESCE_MS 150

typedef struct
{
  JsonObject *theirs;     /* NULL: they deleted it */
  gint64      version;
  ScIssue    *mine;       /* the issue as I left it (also when I deleted it) */
} ScTeamConflict;

struct _ScTeamSession
{
  GObject             parent_instance;

  char               *uri;
  ScPgLocation       *location;
  ScWorkbook         *book;
  ScTeamWorker       *worker;
  ScTeamJournal      *journal;

  ScTeamSessionState  state;
  char               *message;
  char               *display_name;

  GHashTable         *issues;      /* id → ScIssue: what the workbook held */
  GHashTable         *versions;    /* id → row version on the server */
  GHashTable         *sent;        /* id → history entries already sent */
  GHashTable         *in_flight;   /* id → edits not yet answered */
  GHashTable         *conflicts;   /* id → Conflict */
  GHashTable         *dirty;       /* ids of issues changed, not yet sent */
  GHashTable         *created;     /* ids of issues added here, not yet on the server */
  GHashTable         *dirty_series;/* "partner\tkpi" */
  guint               flush_id;
  guint               applying;    /* > 0 while the server's changes are set */
  guint               n_pending;
  GHashTable         *snapshots;   /* edit key → snapshot file of a whole-workbook edit */
  char               *structure;   /* _sc_team_session_dup_structure() as on the server */
  guint               structure_changed : 1;
  guint               synced : 1;  /* the workbook was read once since connecting */
  guint               online_pending : 1; /* ONLINE, shown once synced */
};


/* sc-team-session.c */
void     _sc_team_session_conflict_free       (gpointer            data);
gint64   _sc_team_session_known_version       (ScTeamSession      *self,
                                               const char         *id);
void     _sc_team_session_set_version         (ScTeamSession      *self,
                                               const char         *id,
                                               gint64              version);
void     _sc_team_session_notify_state        (ScTeamSession      *self);
void     _sc_team_session_set_state           (ScTeamSession      *self,
                                               ScTeamSessionState  state,
                                               const char         *message);
void     _sc_team_session_change_in_flight    (ScTeamSession      *self,
                                               const char         *target,
                                               int                 delta);
void     _sc_team_session_send_edit           (ScTeamSession      *self,
                                               ScTeamEdit         *edit);
void     _sc_team_session_begin_applying      (ScTeamSession      *self);
void     _sc_team_session_end_applying        (ScTeamSession      *self);
void     _sc_team_session_emit_conflict       (ScTeamSession      *self,
                                               const char         *issue_id,
                                               ScIssue            *mine,
                                               ScIssue            *theirs);
void     _sc_team_session_emit_remote_changed (ScTeamSession      *self,
                                               const char         *what,
                                               const char         *id);

/* sc-team-session-capture.c */
void     _sc_team_session_start_watching      (ScTeamSession      *self);
void     _sc_team_session_queue_issue         (ScTeamSession      *self,
                                               ScIssue            *issue);
gboolean _sc_team_session_flush_cb            (gpointer            data);
char    *_sc_team_session_dup_structure       (ScWorkbook         *book);

/* sc-team-session-remote.c */
void     _sc_team_session_on_worker_message   (ScTeamMsg          *msg,
                                               gpointer            user_data);

G_END_DECLS
