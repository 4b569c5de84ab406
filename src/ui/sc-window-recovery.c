/* sc-window-recovery.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Autosave and crash recovery. Thirty seconds after an unsaved change the
 * workbook is written (atomically) to a recovery file under
 * $XDG_DATA_HOME/scorecards/recovery, with a ".origin" file beside it
 * naming the workbook it belongs to. Saving or discarding the changes
 * removes both; after a crash they are still there, and the application
 * offers them back when it starts.
 */

#define G_LOG_DOMAIN "sc-window-recovery"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-safe-file.h"
#include "sc-window-private.h"
#include "sc-workbook-io.h"

#define AUTOSAVE_SECONDS 30

GFile *
sc_window_recovery_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "scorecards", "recovery", NULL);
}

static GFile *
origin_file_for (GFile *recovery_file)
{
  g_autofree char *path = g_file_get_path (recovery_file);
  g_autofree char *origin = g_strconcat (path, ".origin", NULL);

  return g_file_new_for_path (origin);
}

/* One recovery file per workbook: named after its location, or a fresh
 * name for an untitled one.
 */
static GFile *
new_recovery_file (ScWindow *self)
{
  g_autoptr(GFile) dir = sc_window_recovery_dir ();
  g_autofree char *name = NULL;

  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, uri, -1);

      name = g_strdup_printf ("%s.scorecard", hash);
    }
  else
    name = g_strdup_printf ("untitled-%" G_GINT64_FORMAT "-%08x.scorecard",
                            g_get_real_time () / G_USEC_PER_SEC, g_random_int ());

  return g_file_get_child (dir, name);
}

/* Writes the recovery copy now, if there is anything unsaved. */
gboolean
_sc_window_autosave_now (ScWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = sc_window_recovery_dir ();
  g_autoptr(GFile) origin = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;

  if (self->book == NULL || !sc_workbook_get_modified (self->book))
    return TRUE;

  if (self->recovery_file == NULL)
    self->recovery_file = new_recovery_file (self);

  if (!g_file_make_directory_with_parents (dir, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    goto failed;
  g_clear_error (&error);

  bytes = sc_workbook_to_bytes (self->book);
  if (!sc_safe_file_replace_contents (self->recovery_file, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), SC_SAFE_FILE_PRIVATE, &error))
    goto failed;

  origin = origin_file_for (self->recovery_file);
  uri = self->file ? g_file_get_uri (self->file) : g_strdup ("");
  if (!sc_safe_file_replace_contents (origin, uri, strlen (uri), SC_SAFE_FILE_PRIVATE, &error))
    goto failed;

  return TRUE;

failed:
  g_warning ("Could not write the recovery copy: %s", error->message);
  return FALSE;
}

/* A modal window of ours (an export running in its worker thread, an
 * import) may be reading the workbook: the copy waits until it closes.
 */
static gboolean
has_modal_child (ScWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self) &&
          gtk_window_get_modal (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
autosave_cb (gpointer data)
{
  ScWindow *self = data;

  if (has_modal_child (self))
    return G_SOURCE_CONTINUE;

  self->autosave_source = 0;
  _sc_window_autosave_now (self);

  return G_SOURCE_REMOVE;
}

/* Called on every change: the recovery copy is written at most every
 * AUTOSAVE_SECONDS seconds.
 */
void
_sc_window_autosave_schedule (ScWindow *self)
{
  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_cb, self);
}

/* The changes are saved or deliberately thrown away: no recovery needed. */
void
_sc_window_recovery_discard (ScWindow *self)
{
  g_autoptr(GFile) origin = NULL;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->recovery_file == NULL)
    return;

  origin = origin_file_for (self->recovery_file);
  g_file_delete (self->recovery_file, NULL, NULL);
  g_file_delete (origin, NULL, NULL);
  g_clear_object (&self->recovery_file);
}

/* The recovery files left behind by a crash, oldest first. */
GPtrArray *
sc_window_list_recovery_files (void)
{
  g_autoptr(GFile) dir = sc_window_recovery_dir ();
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      if (g_str_has_suffix (g_file_info_get_name (info), ".scorecard"))
        g_ptr_array_add (files, g_file_enumerator_get_child (children, info));
      g_object_unref (info);
    }

  return files;
}

static void
recovered_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ScWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = sc_workbook_load_finish (result, &error);
  GFile *recovery_file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GFile) origin_file = origin_file_for (recovery_file);
  g_autoptr(GFile) original = NULL;
  g_autofree char *uri = NULL;

  gtk_spinner_stop (self->spinner);
  if (book == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      _sc_window_show_error (self, error->message);
      return;
    }

  if (g_file_load_contents (origin_file, NULL, &uri, NULL, NULL, NULL) && uri[0] != '\0')
    original = g_file_new_for_uri (g_strstrip (uri));

  _sc_window_set_workbook (self, book, original);
  g_set_object (&self->recovery_file, recovery_file);
  sc_workbook_set_modified (book, TRUE);
  _sc_window_show_toast (self, _("Unsaved changes were recovered. Save them to keep them."));
}

/* Opens a recovery copy: the workbook comes back with its unsaved changes,
 * marked modified, attached to its original file.
 */
void
sc_window_open_recovered (ScWindow *self,
                          GFile    *recovery_file)
{
  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (recovery_file));

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_spinner_start (self->spinner);
  sc_workbook_load_async (recovery_file, self->cancellable, recovered_cb, g_object_ref (self));
}
