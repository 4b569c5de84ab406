/* sc-pg-store.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team workbook on a PostgreSQL server as a store. Every operation is
 * one transaction: a load reads a consistent snapshot, a save replaces the
 * workbook only if nobody saved it since it was loaded, and an edit holds
 * the workbook's row lock from reading to writing, so that writers take
 * turns and none loses another's work. The connection is made on first
 * use and kept; the schema is checked (and created or upgraded) once per
 * connection.
 */

#define G_LOG_DOMAIN "sc-pg-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-pg-location.h"
#include "sc-pg-private.h"
#include "sc-pg-store.h"

struct _ScPgStore
{
  GObject       parent_instance;

  ScPgLocation *location;
  char         *password;   /* NULL: libpq's own (~/.pgpass, a service) */
  char         *user;       /* the role connected as, once connected */
  char         *host;       /* and the server, as libpq names it */
  PGconn       *conn;
  GMutex        mutex;      /* one operation at a time on the connection */

  gint64        revision;   /* as last loaded or saved; 0: never */
  guint         read_only : 1;
};

static void sc_pg_store_iface_init (ScStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScPgStore, sc_pg_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_STORE, sc_pg_store_iface_init))

/* Who is connected to which server, for the window's header. Set once:
 * the window reads them while a later operation may reconnect, and the
 * same URI logs in as the same role.
 */
static void
remember_identity (ScPgStore *self)
{
  const char *host = PQhost (self->conn);

  if (self->user != NULL)
    return;
  self->user = g_strdup (PQuser (self->conn));
  /* a socket folder is "this computer" to a user */
  self->host = g_strdup (host == NULL || *host == '\0' || *host == '/' ? "localhost" : host);
}

/* Connects if need be; fills @s for this operation. */
static gboolean
begin_session (ScPgStore     *self,
               ScPgSession   *s,
               GCancellable  *cancellable,
               GError       **error)
{
  s->display_name = self->location->display_name;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (self->conn != NULL && PQstatus (self->conn) != CONNECTION_OK)
    g_clear_pointer (&self->conn, PQfinish);
  if (self->conn == NULL)
    {
      PGconn *conn = sc_pg_session_connect_with_password (self->location->conninfo,
                                                          self->password, s->display_name,
                                                          error);

      if (conn == NULL)
        return FALSE;
      sc_pg_session_watch (s, conn, cancellable);
      if (!sc_pg_schema_prepare (s, error))
        {
          sc_pg_session_clear (s);
          s->conn = NULL;
          PQfinish (conn);
          return FALSE;
        }
      self->conn = conn;
      remember_identity (self);
    }

  sc_pg_session_watch (s, self->conn, cancellable);
  return TRUE;
}

/* After a failure: ends the transaction, drops a broken connection. */
static void
abort_session (ScPgStore   *self,
               ScPgSession *s)
{
  if (s->conn == NULL)
    return;

  sc_pg_session_rollback (s);
  if (PQstatus (self->conn) != CONNECTION_OK)
    g_clear_pointer (&self->conn, PQfinish);
}

/* ScStore */

static const char *
sc_pg_store_get_display_name (ScStore *store)
{
  return SC_PG_STORE (store)->location->display_name;
}

static gboolean
sc_pg_store_get_read_only (ScStore *store)
{
  return SC_PG_STORE (store)->read_only;
}

static ScWorkbook *
sc_pg_store_load (ScStore       *store,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ScPgStore *self = SC_PG_STORE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(ScWorkbook) book = NULL;
  ScPgHeader header = { 0 };
  g_auto(ScPgSession) s = { 0 };

  if (!begin_session (self, &s, cancellable, error))
    return NULL;

  /* Repeatable read: every table as of one moment, whoever writes meanwhile */
  if (!sc_pg_session_exec (&s, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error) ||
      !(book = sc_pg_read_workbook (&s, self->location->workbook, FALSE, &header, error)) ||
      !sc_pg_session_exec (&s, "COMMIT", error))
    {
      abort_session (self, &s);
      return NULL;
    }

  self->revision = header.revision;
  self->read_only = !header.may_write;
  return g_steal_pointer (&book);
}

static gboolean
sc_pg_store_save (ScStore          *store,
                  ScWorkbook       *book,
                  ScStoreSaveMode   mode,
                  GCancellable     *cancellable,
                  GError          **error)
{
  ScPgStore *self = SC_PG_STORE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  gint64 revision;
  g_auto(ScPgSession) s = { 0 };

  if (!begin_session (self, &s, cancellable, error))
    return FALSE;

  if (!sc_pg_session_exec (&s, "BEGIN", error) ||
      !sc_pg_write_workbook (&s, self->location->workbook, book, mode, self->revision,
                             &revision, error) ||
      !sc_pg_session_exec (&s, "COMMIT", error))
    {
      abort_session (self, &s);
      return FALSE;
    }

  self->revision = revision;
  self->read_only = FALSE;
  sc_workbook_set_modified (book, FALSE);
  return TRUE;
}

/* Reads and writes under the workbook's row lock: a second writer waits
 * at the read until the first one commits, then reads what it wrote.
 */
static ScWorkbook *
sc_pg_store_edit (ScStore          *store,
                  ScStoreEditFunc   func,
                  gpointer          user_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  ScPgStore *self = SC_PG_STORE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(ScWorkbook) book = NULL;
  ScPgHeader header = { 0 };
  gint64 revision;
  g_auto(ScPgSession) s = { 0 };

  if (!begin_session (self, &s, cancellable, error))
    return NULL;

  if (!sc_pg_session_exec (&s, "BEGIN", error) ||
      !(book = sc_pg_read_workbook (&s, self->location->workbook, TRUE, &header, error)) ||
      !func (book, user_data, error) ||
      !sc_pg_write_workbook (&s, self->location->workbook, book, SC_STORE_SAVE_UPDATE,
                             header.revision, &revision, error) ||
      !sc_pg_session_exec (&s, "COMMIT", error))
    {
      abort_session (self, &s);
      return NULL;
    }

  self->revision = revision;
  self->read_only = FALSE;
  sc_workbook_set_modified (book, FALSE);
  return g_steal_pointer (&book);
}

static void
sc_pg_store_iface_init (ScStoreInterface *iface)
{
  iface->get_display_name = sc_pg_store_get_display_name;
  iface->get_read_only = sc_pg_store_get_read_only;
  iface->load = sc_pg_store_load;
  iface->save = sc_pg_store_save;
  iface->edit = sc_pg_store_edit;
}

/* GObject */

static void
sc_pg_store_finalize (GObject *object)
{
  ScPgStore *self = (ScPgStore *)object;

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->location, sc_pg_location_free);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->host, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (sc_pg_store_parent_class)->finalize (object);
}

static void
sc_pg_store_class_init (ScPgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_pg_store_finalize;
}

static void
sc_pg_store_init (ScPgStore *self)
{
  g_mutex_init (&self->mutex);
}

/* Public API */

/* A store for the team workbook @uri (see sc-pg-location.c); nothing is
 * connected until the first load or save.
 */
ScStore *
sc_pg_store_new (const char  *uri,
                 GError     **error)
{
  ScPgLocation *location;
  ScPgStore *self;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!(location = sc_pg_location_parse (uri, error)))
    return NULL;

  self = g_object_new (SC_TYPE_PG_STORE, NULL);
  self->location = location;

  return SC_STORE (self);
}

/* As sc_pg_store_new(), logging in with @password (NULL: as libpq finds
 * one). The password is kept in memory only, to connect again, and goes
 * to libpq as a connection parameter, never in a URI.
 */
ScStore *
sc_pg_store_new_with_password (const char  *uri,
                               const char  *password,
                               GError     **error)
{
  ScStore *store = sc_pg_store_new (uri, error);

  if (store != NULL)
    SC_PG_STORE (store)->password = g_strdup (password);
  return store;
}

/* The role connected as; NULL until the first load or save. */
const char *
sc_pg_store_get_user (ScPgStore *self)
{
  g_return_val_if_fail (SC_IS_PG_STORE (self), NULL);

  return self->user;
}

/* The server's host ("localhost" for a socket); NULL until connected. */
const char *
sc_pg_store_get_host (ScPgStore *self)
{
  g_return_val_if_fail (SC_IS_PG_STORE (self), NULL);

  return self->host;
}

const char *
sc_pg_store_get_workbook_name (ScPgStore *self)
{
  g_return_val_if_fail (SC_IS_PG_STORE (self), NULL);

  return self->location->workbook;
}

/* The schema version this Scorecards creates and expects. */
int
sc_pg_store_get_schema_version (void)
{
  return sc_pg_schema_get_latest ();
}

/* The password the store logs in with (NULL: libpq's own), for a live
 * session on the same workbook; never to be shown or written anywhere.
 */
const char *
sc_pg_store_get_password (ScPgStore *self)
{
  g_return_val_if_fail (SC_IS_PG_STORE (self), NULL);

  return self->password;
}
