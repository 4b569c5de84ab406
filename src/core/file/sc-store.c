/* sc-store.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a workbook lives: the interface the model is loaded from and saved
 * to. The .scorecard file (sc-file-store.c) is one store; a team workbook on
 * a PostgreSQL server (src/store/) is the other. Callers never need to know
 * which one they hold.
 */

#define G_LOG_DOMAIN "sc-store"

#include "config.h"

#include "sc-store.h"

G_DEFINE_INTERFACE (ScStore, sc_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (sc-store-error-quark, sc_store_error)

static gboolean
sc_store_real_get_read_only (ScStore *self)
{
  return FALSE;
}

/* Load, edit, save: right for a store that nobody else writes at the
 * same time. A server store replaces it with one transaction.
 */
static ScWorkbook *
sc_store_real_edit (ScStore          *self,
                    ScStoreEditFunc   func,
                    gpointer          user_data,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(ScWorkbook) book = sc_store_load (self, cancellable, error);

  if (book == NULL || !func (book, user_data, error) ||
      !sc_store_save (self, book, SC_STORE_SAVE_UPDATE, cancellable, error))
    return NULL;

  return g_steal_pointer (&book);
}

static void
sc_store_default_init (ScStoreInterface *iface)
{
  iface->get_read_only = sc_store_real_get_read_only;
  iface->edit = sc_store_real_edit;
}

/* Public API */

/* What to show the user for the location: a file's name, or a server URI
 * without its password.
 */
const char *
sc_store_get_display_name (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  return SC_STORE_GET_IFACE (self)->get_display_name (self);
}

/* TRUE when the last load found that the user may not change the
 * workbook; saving would then fail with %SC_STORE_ERROR_READ_ONLY.
 */
gboolean
sc_store_get_read_only (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  return SC_STORE_GET_IFACE (self)->get_read_only (self);
}

/* Reads the whole workbook; blocks. The workbook comes back unmodified. */
ScWorkbook *
sc_store_load (ScStore       *self,
               GCancellable  *cancellable,
               GError       **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return SC_STORE_GET_IFACE (self)->load (self, cancellable, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  ScWorkbook *book = sc_store_load (source_object, cancellable, &error);

  if (book == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, book, g_object_unref);
}

/* Loads in a worker thread; one operation at a time per store. */
void
sc_store_load_async (ScStore             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_store_load_async);
  g_task_run_in_thread (task, load_thread);
}

ScWorkbook *
sc_store_load_finish (ScStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Writes all of @book; see #ScStoreSaveMode. On success @book is no longer
 * modified; on failure the store holds what it held before.
 */
gboolean
sc_store_save (ScStore          *self,
               ScWorkbook       *book,
               ScStoreSaveMode   mode,
               GCancellable     *cancellable,
               GError          **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_WORKBOOK (book), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SC_STORE_GET_IFACE (self)->save (self, book, mode, cancellable, error);
}

/* Loads the workbook, lets @func change it and saves it, as one step that
 * other writers of the same store wait for: on a server, two people
 * importing into one team workbook at the same moment both keep their
 * values. Returns the workbook as saved, or NULL when anything failed
 * (then nothing was saved).
 */
ScWorkbook *
sc_store_edit (ScStore          *self,
               ScStoreEditFunc   func,
               gpointer          user_data,
               GCancellable     *cancellable,
               GError          **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return SC_STORE_GET_IFACE (self)->edit (self, func, user_data, cancellable, error);
}
