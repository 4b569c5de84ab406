/* sc-team-session-remote.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the worker reports, on the session's main context: the state of
 * the connection, edits applied, refused or in conflict, and others'
 * changes, set on the workbook in place (sc-team-merge.c). An issue with
 * edits of this session not yet written keeps the user's text: a
 * conflict, if any, shows when theirs is written.
 */

#define G_LOG_DOMAIN "sc-team-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sc-team-merge.h"
#include "sc-team-session-private.h"

static void
answered (ScTeamSession *self,
          ScTeamMsg     *msg)
{
  g_autoptr(GError) error = NULL;

  const char *snapshot = g_hash_table_lookup (self->snapshots, msg->key);

  _sc_team_session_change_in_flight (self, msg->target, -1);
  if (snapshot != NULL)
    {
      /* written whole: every issue's version changed, read them again */
      g_unlink (snapshot);
      g_hash_table_remove (self->snapshots, msg->key);
      sc_team_worker_resync (self->worker);
    }
  if (self->n_pending > 0)
    self->n_pending--;
  if (self->journal != NULL && !sc_team_journal_done (self->journal, msg->key, &error))
    g_warning ("%s", error->message);
}

/* An issue whose id someone else took first gets the id the server chose. */
static void
rename_issue (ScTeamSession *self,
              const char    *old_id,
              const char    *new_id,
              gint64         version)
{
  ScIssue *issue = sc_workbook_lookup_issue (self->book, old_id);
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(ScIssue) renamed = NULL;
  guint position = 0;

  if (issue == NULL)
    return;
  data = sc_team_issue_to_json (issue, granularity, 0);
  json_object_set_string_member (data, "id", new_id);
  renamed = sc_team_issue_new_from_json (data, granularity);
  g_list_store_find (G_LIST_STORE (sc_workbook_get_issues (self->book)), issue, &position);

  _sc_team_session_begin_applying (self);
  sc_workbook_remove_issue (self->book, issue);
  sc_workbook_insert_issue (self->book, position, renamed);
  _sc_team_session_end_applying (self);
  _sc_team_session_set_version (self, new_id, version);
  g_hash_table_insert (self->sent, g_strdup (new_id),
                       GUINT_TO_POINTER (sc_issue_get_n_changes (renamed)));
  _sc_team_session_emit_remote_changed (self, "issue", new_id);
}

static void
handle_applied (ScTeamSession *self,
                ScTeamMsg     *msg)
{
  answered (self, msg);
  g_hash_table_remove (self->created, msg->target);
  if (msg->new_id != NULL)
    rename_issue (self, msg->target, msg->new_id, msg->version);
  else if (msg->version > 0)
    _sc_team_session_set_version (self, msg->target, msg->version);
  _sc_team_session_notify_state (self);
}

static void
handle_conflict (ScTeamSession *self,
                 ScTeamMsg     *msg)
{
  ScTeamConflict *c = g_new0 (ScTeamConflict, 1);
  ScIssue *mine = sc_workbook_lookup_issue (self->book, msg->target);
  g_autoptr(ScIssue) theirs = NULL;

  answered (self, msg);
  c->theirs = msg->data ? json_object_ref (msg->data) : NULL;
  c->version = msg->version;
  c->mine = mine ? g_object_ref (mine)
                 : g_hash_table_lookup (self->issues, msg->target)
                   ? g_object_ref (g_hash_table_lookup (self->issues, msg->target)) : NULL;
  g_hash_table_replace (self->conflicts, g_strdup (msg->target), c);
  if (c->theirs != NULL)
    theirs = sc_team_issue_new_from_json (c->theirs, sc_workbook_get_granularity (self->book));
  _sc_team_session_notify_state (self);
  _sc_team_session_emit_conflict (self, msg->target, c->mine, theirs);
}

static void
handle_refused (ScTeamSession *self,
                ScTeamMsg     *msg)
{
  answered (self, msg);
  _sc_team_session_set_state (self, self->state, msg->message);
  _sc_team_session_notify_state (self);
  /* what the server has, in place of what it refused */
  sc_team_worker_resync (self->worker);
}

static gboolean
has_local_work (ScTeamSession *self,
                const char    *id)
{
  return g_hash_table_contains (self->in_flight, id) ||
         g_hash_table_contains (self->conflicts, id) ||
         g_hash_table_contains (self->dirty, id);
}

static void
handle_issue (ScTeamSession *self,
              ScTeamMsg     *msg)
{
  gboolean changed;

  if (has_local_work (self, msg->target))
    return;   /* a conflict, if any, shows when ours is written */

  _sc_team_session_begin_applying (self);
  changed = sc_team_merge_issue (self->book, msg->target, msg->data);
  _sc_team_session_end_applying (self);
  if (msg->data != NULL)
    {
      ScIssue *issue = sc_workbook_lookup_issue (self->book, msg->target);

      _sc_team_session_set_version (self, msg->target, msg->version);
      if (issue != NULL)
        g_hash_table_insert (self->sent, g_strdup (msg->target),
                             GUINT_TO_POINTER (sc_issue_get_n_changes (issue)));
    }
  else
    g_hash_table_remove (self->versions, msg->target);
  if (changed)
    _sc_team_session_emit_remote_changed (self, "issue", msg->target);
}

static void
handle_series (ScTeamSession *self,
               ScTeamMsg     *msg)
{
  gboolean merged;

  if (g_hash_table_contains (self->in_flight, msg->target) ||
      g_hash_table_contains (self->dirty_series, msg->target))
    return;

  _sc_team_session_begin_applying (self);
  merged = sc_team_merge_series (self->book, msg->data);
  _sc_team_session_end_applying (self);
  if (!merged)
    sc_team_worker_resync (self->worker);
  else
    _sc_team_session_emit_remote_changed (self, "series", msg->target);
}

/* Online only once the workbook was read on the new connection: until
 * then the row versions of its issues are not known.
 */
static void
handle_state (ScTeamSession *self,
              ScTeamMsg     *msg)
{
  gboolean online = msg->state == SC_TEAM_SESSION_ONLINE;

  if (msg->state != self->state || online)
    self->synced = FALSE;
  self->online_pending = online;
  if (online)
    return;
  _sc_team_session_set_state (self, msg->state, msg->message);
}

static void
mark_synced (ScTeamSession *self)
{
  self->synced = TRUE;
  if (self->online_pending)
    {
      self->online_pending = FALSE;
      _sc_team_session_set_state (self, SC_TEAM_SESSION_ONLINE, NULL);
    }
}

static void
handle_workbook (ScTeamSession *self,
                 ScTeamMsg     *msg)
{
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  /* our whole workbook is on its way: the reading after it brings all */
  if (g_hash_table_contains (self->in_flight, "workbook"))
    {
      mark_synced (self);
      return;
    }

  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keep, key);
  g_hash_table_iter_init (&iter, self->conflicts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keep, key);
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keep, key);

  _sc_team_session_begin_applying (self);
  sc_team_merge_workbook (self->book, msg->book, keep);
  _sc_team_session_end_applying (self);

  /* an issue edited before the first reading gets the version read, the
   * one the workbook was loaded at as far as anyone can tell
   */
  g_hash_table_iter_init (&iter, msg->versions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (keep, key) || !g_hash_table_contains (self->versions, key))
      {
        ScIssue *issue = sc_workbook_lookup_issue (self->book, key);

        g_hash_table_insert (self->versions, g_strdup (key), value);
        if (issue != NULL)
          g_hash_table_insert (self->sent, g_strdup (key),
                               GUINT_TO_POINTER (sc_issue_get_n_changes (issue)));
      }
  _sc_team_session_emit_remote_changed (self, "workbook", NULL);
  mark_synced (self);
}

void
_sc_team_session_on_worker_message (ScTeamMsg *msg,
                                    gpointer   user_data)
{
  ScTeamSession *self = user_data;
  g_autoptr(ScTeamSession) hold = g_object_ref (self);

  g_debug ("%p: message %d on %s (version %" G_GINT64_FORMAT "): %s", self, msg->kind,
           msg->target ? msg->target : "-", msg->version, msg->message ? msg->message : "");
  switch (msg->kind)
    {
    case SC_TEAM_MSG_STATE:
      handle_state (self, msg);
      break;
    case SC_TEAM_MSG_APPLIED:
      handle_applied (self, msg);
      break;
    case SC_TEAM_MSG_CONFLICT:
      handle_conflict (self, msg);
      break;
    case SC_TEAM_MSG_REFUSED:
      handle_refused (self, msg);
      break;
    case SC_TEAM_MSG_ISSUE:
      handle_issue (self, msg);
      break;
    case SC_TEAM_MSG_SERIES:
      handle_series (self, msg);
      break;
    case SC_TEAM_MSG_WORKBOOK:
      handle_workbook (self, msg);
      break;
    case SC_TEAM_MSG_DELETED:
      _sc_team_session_set_state (self, SC_TEAM_SESSION_FAILED, msg->message);
      break;
    default:
      g_assert_not_reached ();
    }
}
