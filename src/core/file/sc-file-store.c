/* sc-file-store.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The .scorecard file as a store: a thin wrapper around
 * sc_workbook_load_from_file() and sc_workbook_save_to_file(), so that a
 * workbook in a file costs nothing more than before there were stores.
 */

#define G_LOG_DOMAIN "sc-file-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-file-store.h"
#include "sc-workbook-io.h"

struct _ScFileStore
{
  GObject  parent_instance;

  GFile   *file;
  char    *display_name;
};

static void sc_file_store_iface_init (ScStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScFileStore, sc_file_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_STORE, sc_file_store_iface_init))

/* ScStore */

static const char *
sc_file_store_get_display_name (ScStore *store)
{
  return SC_FILE_STORE (store)->display_name;
}

static ScWorkbook *
sc_file_store_load (ScStore       *store,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return sc_workbook_load_from_file (SC_FILE_STORE (store)->file, cancellable, error);
}

/* Files have no revisions: an update saves over the file as it is. */
static gboolean
sc_file_store_save (ScStore          *store,
                    ScWorkbook       *book,
                    ScStoreSaveMode   mode,
                    GCancellable     *cancellable,
                    GError          **error)
{
  ScFileStore *self = SC_FILE_STORE (store);

  if (mode == SC_STORE_SAVE_CREATE && g_file_query_exists (self->file, cancellable))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_EXISTS,
                   _("%s exists already"), self->display_name);
      return FALSE;
    }

  return sc_workbook_save_to_file (book, self->file, cancellable, error);
}

static void
sc_file_store_iface_init (ScStoreInterface *iface)
{
  iface->get_display_name = sc_file_store_get_display_name;
  iface->load = sc_file_store_load;
  iface->save = sc_file_store_save;
}

/* GObject */

static void
sc_file_store_finalize (GObject *object)
{
  ScFileStore *self = (ScFileStore *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (sc_file_store_parent_class)->finalize (object);
}

static void
sc_file_store_class_init (ScFileStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_file_store_finalize;
}

static void
sc_file_store_init (ScFileStore *self)
{
}

/* Public API */

ScStore *
sc_file_store_new (GFile *file)
{
  ScFileStore *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (SC_TYPE_FILE_STORE, NULL);
  self->file = g_object_ref (file);
  self->display_name = g_file_get_parse_name (file);

  return SC_STORE (self);
}

GFile *
sc_file_store_get_file (ScFileStore *self)
{
  g_return_val_if_fail (SC_IS_FILE_STORE (self), NULL);

  return self->file;
}
