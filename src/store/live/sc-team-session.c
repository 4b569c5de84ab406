/* sc-team-session.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team workbook edited live. The session watches the workbook a window
 * shows (sc-team-session-capture.c): an issue added, changed or removed,
 * or a series' values changed, becomes an edit, appended to the journal on
 * disk and handed to the worker thread, which writes it as one
 * transaction. What others change comes back from the worker
 * (sc-team-session-remote.c) and is set on the same workbook, the
 * session's own watching paused meanwhile. This file: the object, the
 * state, the journal and the public API.
 */

#define G_LOG_DOMAIN "sc-team-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-pg-store.h"
#include "sc-team-merge.h"
#include "sc-team-session-private.h"

G_DEFINE_FINAL_TYPE (ScTeamSession, sc_team_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URI,
  PROP_WORKBOOK,
  PROP_STATE,
  PROP_N_PENDING,
  PROP_READ_ONLY,
  PROP_DISPLAY_NAME,
  N_PROPS
};

enum {
  STATE_CHANGED,
  CONFLICT,
  REMOTE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

void
_sc_team_session_conflict_free (gpointer data)
{
  ScTeamConflict *c = data;

  g_clear_pointer (&c->theirs, json_object_unref);
  g_clear_object (&c->mine);
  g_free (c);
}

gint64
_sc_team_session_known_version (ScTeamSession *self,
               const char    *id)
{
  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (self->versions, id));
}

void
_sc_team_session_set_version (ScTeamSession *self,
             const char    *id,
             gint64         version)
{
  g_hash_table_insert (self->versions, g_strdup (id), GSIZE_TO_POINTER ((gsize) version));
}

void
_sc_team_session_notify_state (ScTeamSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  g_signal_emit (self, signals[STATE_CHANGED], 0);
}

void
_sc_team_session_set_state (ScTeamSession      *self,
           ScTeamSessionState  state,
           const char         *message)
{
  if (self->state == state && g_strcmp0 (self->message, message) == 0)
    return;
  self->state = state;
  g_free (self->message);
  self->message = g_strdup (message);
  _sc_team_session_notify_state (self);
}

void
_sc_team_session_change_in_flight (ScTeamSession *self,
                  const char    *target,
                  int            delta)
{
  int n = GPOINTER_TO_INT (g_hash_table_lookup (self->in_flight, target)) + delta;

  if (n > 0)
    g_hash_table_insert (self->in_flight, g_strdup (target), GINT_TO_POINTER (n));
  else
    g_hash_table_remove (self->in_flight, target);
}

/* Journals @edit (taking it) and hands it to the worker. */
void
_sc_team_session_send_edit (ScTeamSession *self,
           ScTeamEdit    *edit)
{
  g_autoptr(GError) error = NULL;

  if (self->journal != NULL && !sc_team_journal_append (self->journal, edit, &error))
    g_warning ("%s", error->message);   /* sent all the same, just not crash-proof */
  _sc_team_session_change_in_flight (self, edit->target, +1);
  self->n_pending++;
  sc_team_worker_push (self->worker, edit);
  _sc_team_session_notify_state (self);
}

void
_sc_team_session_begin_applying (ScTeamSession *self)
{
  self->applying++;
}

void
_sc_team_session_end_applying (ScTeamSession *self)
{
  self->applying--;
  if (self->applying == 0 && self->book != NULL)
    {
      g_free (self->structure);
      self->structure = _sc_team_session_dup_structure (self->book);
    }
  sc_workbook_set_modified (self->book, FALSE);
}

void
_sc_team_session_emit_conflict (ScTeamSession *self,
                                const char    *issue_id,
                                ScIssue       *mine,
                                ScIssue       *theirs)
{
  g_signal_emit (self, signals[CONFLICT], 0, issue_id, mine, theirs);
}

void
_sc_team_session_emit_remote_changed (ScTeamSession *self,
                                      const char    *what,
                                      const char    *id)
{
  g_signal_emit (self, signals[REMOTE_CHANGED], 0, what, id);
}

/* GObject */

static void
sc_team_session_dispose (GObject *object)
{
  ScTeamSession *self = (ScTeamSession *)object;

  sc_team_session_close (self);

  G_OBJECT_CLASS (sc_team_session_parent_class)->dispose (object);
}

static void
sc_team_session_finalize (GObject *object)
{
  ScTeamSession *self = (ScTeamSession *)object;

  g_clear_pointer (&self->location, sc_pg_location_free);
  g_clear_pointer (&self->issues, g_hash_table_unref);
  g_clear_pointer (&self->versions, g_hash_table_unref);
  g_clear_pointer (&self->sent, g_hash_table_unref);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->conflicts, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->created, g_hash_table_unref);
  g_clear_pointer (&self->snapshots, g_hash_table_unref);
  g_clear_pointer (&self->structure, g_free);
  g_clear_pointer (&self->dirty_series, g_hash_table_unref);
  g_free (self->uri);
  g_free (self->message);
  g_free (self->display_name);

  G_OBJECT_CLASS (sc_team_session_parent_class)->finalize (object);
}

static void
sc_team_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScTeamSession *self = SC_TEAM_SESSION (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    case PROP_WORKBOOK:
      g_value_set_object (value, self->book);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, sc_team_session_get_n_pending (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, sc_team_session_get_read_only (self));
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_team_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScTeamSession *self = SC_TEAM_SESSION (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      sc_team_session_set_display_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_team_session_class_init (ScTeamSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_team_session_dispose;
  object_class->finalize = sc_team_session_finalize;
  object_class->get_property = sc_team_session_get_property;
  object_class->set_property = sc_team_session_set_property;

  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, SC_TYPE_WORKBOOK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, SC_TEAM_SESSION_CONNECTING, SC_TEAM_SESSION_FAILED,
                      SC_TEAM_SESSION_CONNECTING, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, SC_TYPE_ISSUE,
                  SC_TYPE_ISSUE);
  signals[REMOTE_CHANGED] =
    g_signal_new ("remote-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
sc_team_session_init (ScTeamSession *self)
{
  self->issues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _sc_team_session_conflict_free);
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->dirty_series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

/* Where the queues of edits for @uri are kept, one file per session:
 * $XDG_STATE_HOME/scorecards/queue/SHA256-OF-URI/
 */
char *
sc_team_session_dup_journal_dir (const char *uri)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

  return g_build_filename (g_get_user_state_dir (), "scorecards", "queue", hash, NULL);
}

/* The file this session journals its edits in (for tests). */
const char *
sc_team_session_get_journal_path (ScTeamSession *self)
{
  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), NULL);

  return self->journal ? sc_team_journal_get_path (self->journal) : NULL;
}


/* Edits a previous session on @uri left unsent (it crashed, or the
 * server was away when it closed) are sent first, and their text shown.
 */
static void
replay_journal (ScTeamSession *self,
                GPtrArray     *pending)
{
  ScGranularity granularity = sc_workbook_get_granularity (self->book);

  _sc_team_session_begin_applying (self);
  for (guint i = 0; i < pending->len; i++)
    {
      ScTeamEdit *edit = g_ptr_array_index (pending, i);

      if (edit->kind == SC_TEAM_EDIT_ISSUE)
        {
          ScIssue *issue = sc_workbook_lookup_issue (self->book, edit->target);

          if (issue != NULL)
            sc_team_issue_apply_json (issue, edit->data, granularity);
          else
            {
              g_autoptr(ScIssue) added = sc_team_issue_new_from_json (edit->data, granularity);
              sc_workbook_add_issue (self->book, added);
            }
        }
      else if (edit->kind == SC_TEAM_EDIT_ISSUE_DELETE)
        sc_team_merge_issue (self->book, edit->target, NULL);
      else if (edit->kind == SC_TEAM_EDIT_WORKBOOK)
        g_hash_table_insert (self->snapshots, g_strdup (edit->key),
                             g_strdup (sc_team_json_get_string (edit->data, "file")));
      else
        sc_team_merge_series (self->book, edit->data);
      _sc_team_session_change_in_flight (self, edit->target, +1);
      self->n_pending++;
      sc_team_worker_push (self->worker, g_ptr_array_steal_index (pending, i--));
    }
  _sc_team_session_end_applying (self);
}

/**
 * sc_team_session_new:
 * @uri: a team workbook URI (`postgresql://…?workbook=NAME`)
 * @book: the workbook as loaded from @uri
 *
 * Starts editing @book live: from now on its changes are written to the
 * server as they happen, and others' changes are set on it. Edits an
 * earlier session on @uri left in the journal are sent first.
 */
ScTeamSession *
sc_team_session_new (const char  *uri,
                     ScWorkbook  *book,
                     GError     **error)
{
  return sc_team_session_new_with_password (uri, NULL, book, error);
}

/* As sc_team_session_new(), connecting with @password (from the keyring;
 * NULL: libpq's own sources, ~/.pgpass or PGPASSFILE).
 */
ScTeamSession *
sc_team_session_new_with_password (const char  *uri,
                                   const char  *password,
                                   ScWorkbook  *book,
                                   GError     **error)
{
  g_autoptr(ScTeamSession) self = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *path = NULL;
  ScPgLocation *location;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  if (!(location = sc_pg_location_parse (uri, error)))
    return NULL;

  self = g_object_new (SC_TYPE_TEAM_SESSION, NULL);
  self->uri = g_strdup (uri);
  self->location = location;
  self->book = g_object_ref (book);
  path = sc_team_session_dup_journal_dir (uri);
  if (!(self->journal = sc_team_journal_open (path, &pending, error)))
    return NULL;

  self->worker = sc_team_worker_new (location->conninfo, password, location->display_name,
                                     location->workbook, _sc_team_session_on_worker_message, self);
  _sc_team_session_start_watching (self);
  replay_journal (self, pending);
  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ScWorkbook *book;

  if (!(store = sc_pg_store_new (task_data, &error)) ||
      !(book = sc_store_load (store, cancellable, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, book, g_object_unref);
}

/* Loads the team workbook @uri off the main thread, then starts a session on it. */
void
sc_team_session_open_async (const char          *uri,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, sc_team_session_open_async);
  g_task_set_task_data (task, g_strdup (uri), g_free);
  g_task_run_in_thread (task, open_thread);
}

ScTeamSession *
sc_team_session_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(ScWorkbook) book = g_task_propagate_pointer (G_TASK (result), error);

  if (book == NULL)
    return NULL;
  return sc_team_session_new (g_task_get_task_data (G_TASK (result)), book, error);
}

const char *
sc_team_session_get_uri (ScTeamSession *self)
{
  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), NULL);
  return self->uri;
}

/* The URI without its password, for showing. */
const char *
sc_team_session_get_display_uri (ScTeamSession *self)
{
  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), NULL);
  return self->location->display_name;
}

ScWorkbook *
sc_team_session_get_workbook (ScTeamSession *self)
{
  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), NULL);
  return self->book;
}

ScTeamSessionState
sc_team_session_get_state (ScTeamSession *self)
{
  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), SC_TEAM_SESSION_FAILED);
  return self->state;
}

gboolean
sc_team_session_get_read_only (ScTeamSession *self)
{
  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), TRUE);
  return self->state == SC_TEAM_SESSION_READ_ONLY;
}

/* Edits made and not yet on the server: sending, queued while offline,
 * or waiting for a conflict to be resolved.
 */
guint
sc_team_session_get_n_pending (ScTeamSession *self)
{
  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), 0);
  return self->n_pending + g_hash_table_size (self->dirty) +
         g_hash_table_size (self->dirty_series) + g_hash_table_size (self->conflicts);
}

/* Why the session is offline or failed, or what the server last refused. */
const char *
sc_team_session_get_message (ScTeamSession *self)
{
  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), NULL);
  return self->message;
}

const char *
sc_team_session_get_display_name (ScTeamSession *self)
{
  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), NULL);
  return self->display_name;
}

/* What issue history records as having made this session's changes; NULL
 * or "" for the database role.
 */
void
sc_team_session_set_display_name (ScTeamSession *self,
                                  const char    *display_name)
{
  g_return_if_fail (SC_IS_TEAM_SESSION (self));

  if (g_strcmp0 (self->display_name, display_name) == 0)
    return;
  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  if (self->worker != NULL)
    sc_team_worker_set_changed_by (self->worker, display_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

/* Ends the conflict on @issue_id: writes my text over theirs, or takes theirs. */
void
sc_team_session_resolve (ScTeamSession    *self,
                         const char       *issue_id,
                         ScTeamResolution  resolution)
{
  ScGranularity granularity;
  g_autofree char *key = NULL;
  ScTeamConflict *c;

  g_return_if_fail (SC_IS_TEAM_SESSION (self));

  if (!g_hash_table_steal_extended (self->conflicts, issue_id, (gpointer *) &key, (gpointer *) &c))
    return;
  issue_id = key;   /* the caller's may have been the key itself */
  granularity = sc_workbook_get_granularity (self->book);

  if (resolution == SC_TEAM_RESOLUTION_KEEP_MINE)
    {
      ScIssue *issue = sc_workbook_lookup_issue (self->book, issue_id);

      _sc_team_session_set_version (self, issue_id, c->version);
      if (issue != NULL)
        {
          g_hash_table_insert (self->sent, g_strdup (issue_id), GUINT_TO_POINTER (0));
          _sc_team_session_queue_issue (self, issue);
        }
      else
        _sc_team_session_send_edit (self, sc_team_edit_new (SC_TEAM_EDIT_ISSUE_DELETE, issue_id, c->version, NULL));
    }
  else
    {
      _sc_team_session_begin_applying (self);
      if (c->theirs != NULL && sc_workbook_lookup_issue (self->book, issue_id) == NULL)
        {
          g_autoptr(ScIssue) added = sc_team_issue_new_from_json (c->theirs, granularity);
          sc_workbook_add_issue (self->book, added);
        }
      else
        sc_team_merge_issue (self->book, issue_id, c->theirs);
      _sc_team_session_end_applying (self);
      _sc_team_session_set_version (self, issue_id, c->version);
    }
  _sc_team_session_conflict_free (c);
  _sc_team_session_notify_state (self);
}

/* The ids of the issues in conflict, waiting for sc_team_session_resolve(). */
GStrv
sc_team_session_dup_conflicts (ScTeamSession *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), NULL);

  g_hash_table_iter_init (&iter, self->conflicts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (builder, key);
  return g_strv_builder_end (builder);
}

/* The two sides of the conflict on @issue_id: @mine as the user left it
 * (NULL if they deleted it), @theirs a new copy of the server's (NULL if
 * deleted there). Both are new references.
 */
gboolean
sc_team_session_get_conflict (ScTeamSession  *self,
                              const char     *issue_id,
                              ScIssue       **mine,
                              ScIssue       **theirs)
{
  ScTeamConflict *c;

  g_return_val_if_fail (SC_IS_TEAM_SESSION (self), FALSE);

  if (!(c = g_hash_table_lookup (self->conflicts, issue_id)))
    return FALSE;
  *mine = c->mine ? g_object_ref (c->mine) : NULL;
  *theirs = c->theirs
            ? sc_team_issue_new_from_json (c->theirs, sc_workbook_get_granularity (self->book))
            : NULL;
  return TRUE;
}

/* Sends edits made in the last moments now rather than after typing
 * pauses (before closing, and in tests).
 */
void
sc_team_session_flush (ScTeamSession *self)
{
  g_return_if_fail (SC_IS_TEAM_SESSION (self));

  if (self->flush_id == 0)
    return;
  g_clear_handle_id (&self->flush_id, g_source_remove);
  _sc_team_session_flush_cb (self);
}

/* Stops editing live. Edits not yet on the server stay in the journal
 * and are sent by the next session on the same URI.
 */
void
sc_team_session_close (ScTeamSession *self)
{
  g_return_if_fail (SC_IS_TEAM_SESSION (self));

  sc_team_session_flush (self);
  if (self->book != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_signal_handlers_disconnect_by_data (sc_workbook_get_issues (self->book), self);
      g_signal_handlers_disconnect_by_data (self->book, self);
      g_hash_table_iter_init (&iter, self->issues);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_signal_handlers_disconnect_by_data (value, self);
    }
  g_clear_pointer (&self->worker, sc_team_worker_stop);
  g_clear_pointer (&self->journal, sc_team_journal_free);
  g_clear_object (&self->book);
}
