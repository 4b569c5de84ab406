/* sc-team-worker.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker thread of a live team workbook. It owns the connection:
 * connects (a slow or dead server times out rather than hangs), listens
 * on the workbook's channel, sends the queued edits in order, reads what
 * the notifications of others name, and sleeps in poll() on the
 * connection's socket and a wake-up pipe. A lost connection is retried
 * with growing pauses; the edit that was being sent stays at the head of
 * the queue. Results go to the main context of the thread that created
 * the worker.
 */

#define G_LOG_DOMAIN "sc-team-worker"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "sc-team-worker-private.h"

#define STATEMENT_TIMEOUT_MS "15000"
#define MAX_BACKOFF_MS       4000
#define MANY_CHANGES         50

struct _ScTeamWorker
{
  GThread          *thread;
  GMainContext     *context;
  ScTeamWorkerFunc  func;
  gpointer          user_data;
  char             *conninfo;
  char             *display_name;
  char             *workbook;
  char             *password;
  int               wake[2];

  GMutex            mutex;          /* guards what follows */
  GQueue            edits;          /* ScTeamEdit, oldest first */
  char             *changed_by;
  gboolean          quit;
  gboolean          resync;
  grefcount         ref_count;      /* the thread and the owner */
};

typedef struct
{
  ScTeamWorker *worker;
  ScTeamMsg    *msg;
} Delivery;

static void
worker_unref (ScTeamWorker *self)
{
  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_queue_clear_full (&self->edits, (GDestroyNotify) sc_team_edit_free);
  g_mutex_clear (&self->mutex);
  close (self->wake[0]);
  close (self->wake[1]);
  g_main_context_unref (self->context);
  g_free (self->conninfo);
  g_free (self->display_name);
  g_free (self->workbook);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self->changed_by);
  g_free (self);
}

static gboolean
deliver_cb (gpointer data)
{
  Delivery *d = data;
  gboolean quit;

  g_mutex_lock (&d->worker->mutex);
  quit = d->worker->quit;
  g_mutex_unlock (&d->worker->mutex);
  if (!quit)
    d->worker->func (d->msg, d->worker->user_data);
  return G_SOURCE_REMOVE;
}

static void
delivery_free (gpointer data)
{
  Delivery *d = data;

  sc_team_msg_free (d->msg);
  worker_unref (d->worker);
  g_free (d);
}

/* Hands @msg to the owner on its main context. */
static void
post (ScTeamWorker *self,
      ScTeamMsg    *msg)
{
  Delivery *d = g_new0 (Delivery, 1);
  GSource *source = g_idle_source_new ();

  g_ref_count_inc (&self->ref_count);
  d->worker = self;
  d->msg = msg;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_cb, d, delivery_free);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static void
post_state (ScTeamWorker       *self,
            ScTeamSessionState  state,
            const char         *message)
{
  ScTeamMsg *msg = sc_team_msg_new (SC_TEAM_MSG_STATE);

  msg->state = state;
  msg->message = g_strdup (message);
  post (self, msg);
}

static gboolean
should_quit (ScTeamWorker *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return self->quit;
}

/* Sleeps up to @timeout_ms (-1: forever) or until woken or @fd readable. */
static gboolean
wait_for (ScTeamWorker *self,
          int           fd,
          int           timeout_ms)
{
  struct pollfd fds[2] = { { self->wake[0], POLLIN, 0 }, { fd, POLLIN, 0 } };
  char buffer[64];
  int n = poll (fds, fd >= 0 ? 2 : 1, timeout_ms);

  if (n > 0 && (fds[0].revents & POLLIN))
    while (read (self->wake[0], buffer, sizeof buffer) == sizeof buffer)
      ;
  return n > 0 && fd >= 0 && fds[1].revents != 0;
}

static void
disconnect (ScTeamConn *c)
{
  sc_pg_session_clear (&c->s);
  g_clear_pointer (&c->s.conn, PQfinish);
}

static gboolean
listen_to (ScTeamConn  *c,
           GError     **error)
{
  /* LISTEN takes no parameters; the channel is built from an integer */
  g_autofree char *sql = g_strdup_printf ("LISTEN \"scorecards_%" G_GINT64_FORMAT "\"",
                                          c->workbook_id);

  return sc_pg_session_exec (&c->s, sql, error);
}

/* Opens the connection: a dead server is given up on after 5 s, a silent
 * one noticed by TCP keepalives; the URI's own settings win. The password
 * (from the keyring) is a parameter, never part of a URI.
 */
static PGconn *
open_connection (ScTeamWorker  *self,
                 GError       **error)
{
  const char *keys[] = {
    "connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval",
    "keepalives_count", "dbname", "fallback_application_name", "client_encoding",
    self->password ? "password" : NULL, NULL,
  };
  const char *values[] = {
    "5", "1", "5", "2", "3", self->conninfo, "scorecards", "UTF8", self->password, NULL,
  };
  PGconn *conn = PQconnectdbParams (keys, values, TRUE);

  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (conn ? PQerrorMessage (conn) : ""));

      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONNECT,
                   _("%s: cannot connect to the team server: %s"), self->display_name, message);
      PQfinish (conn);
      return NULL;
    }
  if (!sc_pg_session_setup (conn, self->display_name, error))
    {
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

/* Connects, prepares the schema, finds the workbook and listens. */
static gboolean
connect_to (ScTeamWorker  *self,
            ScTeamConn    *c,
            gboolean      *may_write,
            GError       **error)
{
  ScPgHeader header = { 0 };
  PGconn *conn;

  c->s.display_name = self->display_name;
  if (!(conn = open_connection (self, error)))
    return FALSE;
  c->s.conn = conn;

  if (!sc_pg_session_exec (&c->s, "SELECT pg_catalog.set_config('statement_timeout', '"
                                  STATEMENT_TIMEOUT_MS "', false)", error) ||
      !sc_pg_schema_prepare (&c->s, error) ||
      !sc_pg_read_header (&c->s, self->workbook, FALSE, &header, error))
    {
      disconnect (c);
      return FALSE;
    }

  c->workbook_id = header.id;
  g_free (c->id_text);
  c->id_text = g_strdup_printf ("%" G_GINT64_FORMAT, header.id);
  *may_write = header.may_write;
  if (!listen_to (c, error))
    {
      disconnect (c);
      return FALSE;
    }
  return TRUE;
}

static ScTeamEdit *
peek_edit (ScTeamWorker *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  ScTeamEdit *edit = g_queue_peek_head (&self->edits);

  return edit ? sc_team_edit_copy (edit) : NULL;
}

static void
drop_edit (ScTeamWorker *self,
           const char   *key)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  ScTeamEdit *edit = g_queue_peek_head (&self->edits);

  if (edit != NULL && g_str_equal (edit->key, key))
    sc_team_edit_free (g_queue_pop_head (&self->edits));
}

/* Sends the queued edits; FALSE when the connection was lost. */
static gboolean
send_edits (ScTeamWorker *self,
            ScTeamConn   *c)
{
  ScTeamEdit *edit;

  while (!should_quit (self) && (edit = peek_edit (self)))
    {
      g_autoptr(ScTeamEdit) owned = edit;
      g_autofree char *changed_by = NULL;
      ScTeamMsg *msg = NULL;
      ScTeamOutcome outcome;

      g_mutex_lock (&self->mutex);
      changed_by = g_strdup (self->changed_by ? self->changed_by : "");
      g_mutex_unlock (&self->mutex);
      c->changed_by = changed_by;

      outcome = sc_team_sql_apply (c, self->workbook, edit, &msg);
      c->changed_by = NULL;
      if (outcome == SC_TEAM_LOST)
        {
          sc_team_msg_free (msg);
          return FALSE;
        }
      drop_edit (self, edit->key);
      post (self, msg);
    }
  return TRUE;
}

typedef struct
{
  GHashTable *issues;
  GHashTable *series;
  gboolean    workbook;
  gboolean    deleted;
} Changes;

static void
note (Changes    *changes,
      const char *payload)
{
  if (g_str_has_prefix (payload, "issue "))
    g_hash_table_add (changes->issues, g_strdup (payload + 6));
  else if (g_str_has_prefix (payload, "series "))
    g_hash_table_add (changes->series, g_strdup (payload + 7));
  else if (g_str_equal (payload, "deleted"))
    changes->deleted = TRUE;
  else
    changes->workbook = TRUE;
}

/* Reads what the notifications of others named; FALSE when the
 * connection was lost.
 */
static gboolean
read_changes (ScTeamWorker *self,
              ScTeamConn   *c,
              Changes      *changes)
{
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GError) error = NULL;
  ScTeamMsg *msg;

  if (changes->deleted)
    {
      msg = sc_team_msg_new (SC_TEAM_MSG_DELETED);
      msg->message = g_strdup_printf (_("%s: the workbook was deleted from the server"),
                                      self->display_name);
      post (self, msg);
      return TRUE;
    }
  if (changes->workbook || g_hash_table_size (changes->issues) +
                           g_hash_table_size (changes->series) > MANY_CHANGES)
    {
      g_mutex_lock (&self->mutex);
      self->resync = TRUE;
      g_mutex_unlock (&self->mutex);
      return TRUE;
    }

  g_hash_table_iter_init (&iter, changes->issues);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!(msg = sc_team_sql_read_issue (c, key, &error)))
        return !sc_team_error_is_lost (c, error);
      post (self, msg);
    }
  g_hash_table_iter_init (&iter, changes->series);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if ((msg = sc_team_sql_read_series (c, key, &error)))
        post (self, msg);
      else if (error != NULL)
        return !sc_team_error_is_lost (c, error);
    }
  return TRUE;
}

/* Takes the notifications that arrived; FALSE when the connection was
 * lost. Those that arrive while the changes are read are kept by libpq,
 * not left on the socket: they are taken in the next round here, before
 * sleeping in poll() again.
 */
static gboolean
consume (ScTeamWorker *self,
         ScTeamConn   *c)
{
  int own_pid = PQbackendPID (c->s.conn);
  gboolean ok = PQconsumeInput (c->s.conn) != 0;

  while (ok)
    {
      Changes changes = {
        g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
        g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
        FALSE, FALSE,
      };
      gboolean any = FALSE;
      PGnotify *notify;

      while ((notify = PQnotifies (c->s.conn)))
        {
          any = TRUE;
          /* our own edits are in the workbook already */
          if (notify->be_pid != own_pid)
            note (&changes, notify->extra);
          PQfreemem (notify);
        }
      if (any)
        ok = read_changes (self, c, &changes);
      g_hash_table_unref (changes.issues);
      g_hash_table_unref (changes.series);
      if (!any)
        break;
    }
  return ok;
}

static gboolean
resync_pending (ScTeamWorker *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return self->resync;
}

static gboolean
take_resync (ScTeamWorker *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  gboolean resync = self->resync;

  self->resync = FALSE;
  return resync;
}

/* One connected stretch: until the connection is lost or quit. */
static void
run_connected (ScTeamWorker *self,
               ScTeamConn   *c)
{
  while (!should_quit (self))
    {
      g_autoptr(GError) error = NULL;

      if (!send_edits (self, c))
        return;
      if (take_resync (self))
        {
          ScTeamMsg *msg = sc_team_sql_read_all (c, self->workbook, &error);

          if (msg == NULL && sc_team_error_is_lost (c, error))
            return;
          if (msg != NULL)
            post (self, msg);
          else
            post_state (self, SC_TEAM_SESSION_FAILED, error->message);
          continue;
        }
      if (!consume (self, c))
        return;
      if (PQstatus (c->s.conn) != CONNECTION_OK)
        return;
      if (resync_pending (self))
        continue;   /* the notifications asked for the whole workbook */
      wait_for (self, PQsocket (c->s.conn), -1);
    }
}

static gboolean
is_permanent (const GError *error)
{
  return g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND) ||
         g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_DENIED) ||
         g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA);
}

static gpointer
worker_main (gpointer data)
{
  ScTeamWorker *self = data;
  ScTeamConn c = { { 0 } };
  guint backoff = 250;
  gboolean first = TRUE;

  c.chains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while (!should_quit (self))
    {
      g_autoptr(GError) error = NULL;
      gboolean may_write = FALSE;

      if (!connect_to (self, &c, &may_write, &error))
        {
          gboolean permanent = is_permanent (error);

          post_state (self, permanent ? SC_TEAM_SESSION_FAILED
                                      : first ? SC_TEAM_SESSION_CONNECTING
                                              : SC_TEAM_SESSION_OFFLINE,
                      error->message);
          wait_for (self, -1, permanent ? 30000 : (int) backoff);
          backoff = MIN (backoff * 2, MAX_BACKOFF_MS);
          if (!permanent)
            first = FALSE;
          continue;
        }

      backoff = 250;
      first = FALSE;
      if (may_write)
        post_state (self, SC_TEAM_SESSION_ONLINE, NULL);
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("Role “%s” may read this team workbook but not change it"),
                             PQuser (c.s.conn));
          post_state (self, SC_TEAM_SESSION_READ_ONLY, message);
        }
      /* whatever happened while we were away */
      g_mutex_lock (&self->mutex);
      self->resync = TRUE;
      g_mutex_unlock (&self->mutex);

      run_connected (self, &c);
      disconnect (&c);
      if (!should_quit (self))
        post_state (self, SC_TEAM_SESSION_OFFLINE,
                    _("The connection to the team server was lost"));
    }

  disconnect (&c);
  g_free (c.id_text);
  g_hash_table_unref (c.chains);
  worker_unref (self);
  return NULL;
}

static void
wake (ScTeamWorker *self)
{
  char byte = 1;

  if (write (self->wake[1], &byte, 1) < 0)
    g_debug ("wake-up pipe full");
}

/* Public API */

ScTeamWorker *
sc_team_worker_new (const char       *conninfo,
                    const char       *password,
                    const char       *display_name,
                    const char       *workbook,
                    ScTeamWorkerFunc  func,
                    gpointer          user_data)
{
  ScTeamWorker *self = g_new0 (ScTeamWorker, 1);
  g_autoptr(GError) error = NULL;

  if (!g_unix_open_pipe (self->wake, FD_CLOEXEC, &error))
    g_error ("cannot make a pipe: %s", error->message);
  g_unix_set_fd_nonblocking (self->wake[0], TRUE, NULL);
  g_unix_set_fd_nonblocking (self->wake[1], TRUE, NULL);

  self->context = g_main_context_ref_thread_default ();
  self->func = func;
  self->user_data = user_data;
  self->conninfo = g_strdup (conninfo);
  self->password = g_strdup (password);
  self->display_name = g_strdup (display_name);
  self->workbook = g_strdup (workbook);
  g_mutex_init (&self->mutex);
  g_queue_init (&self->edits);
  g_ref_count_init (&self->ref_count);
  g_ref_count_inc (&self->ref_count);   /* the thread's */
  self->thread = g_thread_new ("sc-team-worker", worker_main, self);

  return self;
}

/* Queues @edit (taking it) to be sent as soon as the server is there. */
void
sc_team_worker_push (ScTeamWorker *self,
                     ScTeamEdit   *edit)
{
  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->edits, edit);
  g_mutex_unlock (&self->mutex);
  wake (self);
}

void
sc_team_worker_set_changed_by (ScTeamWorker *self,
                               const char   *changed_by)
{
  g_mutex_lock (&self->mutex);
  g_free (self->changed_by);
  self->changed_by = g_strdup (changed_by);
  g_mutex_unlock (&self->mutex);
}

/* Reads the whole workbook again (reported as SC_TEAM_MSG_WORKBOOK). */
void
sc_team_worker_resync (ScTeamWorker *self)
{
  g_mutex_lock (&self->mutex);
  self->resync = TRUE;
  g_mutex_unlock (&self->mutex);
  wake (self);
}

/* Tells the thread to stop and lets go of the worker; nothing more is
 * reported. The thread is not waited for: a statement it is running
 * finishes (or times out) on its own, and an edit it was sending is
 * either applied or still in the journal, never both twice.
 */
void
sc_team_worker_stop (ScTeamWorker *self)
{
  g_mutex_lock (&self->mutex);
  self->quit = TRUE;
  g_mutex_unlock (&self->mutex);
  wake (self);
  g_clear_pointer (&self->thread, g_thread_unref);
  worker_unref (self);
}
