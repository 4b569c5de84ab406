/* sc-window-actions.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's document actions: open, save, save as, undo and redo, the
 * question about unsaved changes on close, and files dropped on the window.
 */

#define G_LOG_DOMAIN "sc-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-import-assistant.h"
#include "sc-issue-editor.h"
#include "sc-kpi-editor.h"
#include "sc-report-dialog.h"
#include "sc-report-print.h"
#include "sc-whatif-dialog.h"
#include "sc-window-private.h"
#include "sc-workbook-io.h"

/* Open */

static void
on_open_response_cb (ScWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sc_window_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) books = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (books, _("Scorecard Workbooks"));
  gtk_file_filter_add_mime_type (books, "application/x-scorecard");
  gtk_file_filter_add_suffix (books, "scorecard");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, books);
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Workbook"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_open_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Save */

/* Saves atomically to @file, which becomes the workbook's file; the
 * recovery copy is no longer needed then.
 */
gboolean
sc_window_save_to (ScWindow  *self,
                   GFile     *file,
                   GError   **error)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->book != NULL, FALSE);

  if (!sc_workbook_save_to_file (self->book, file, NULL, error))
    return FALSE;

  g_set_object (&self->file, file);
  g_clear_object (&self->store);   /* a team workbook saved as a file is that file now */
  _sc_window_recovery_discard (self);
  _sc_window_update_title (self);
  uri = g_file_get_uri (file);
  if (g_get_application_name () != NULL)
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);

  return TRUE;
}

static gboolean
close_idle_cb (gpointer data)
{
  ScWindow *self = data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked has gone: destroying the window from
 * inside its transient dialog's response would pull it from under it.
 */
void
_sc_window_close_later (ScWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
save_and_report (ScWindow *self,
                 GFile    *file,
                 gboolean  close_after)
{
  g_autoptr(GError) error = NULL;

  if (!sc_window_save_to (self, file, &error))
    {
      _sc_window_show_error (self, error->message);
      return;
    }

  if (close_after)
    _sc_window_close_later (self);
}

static void
on_save_response_cb (ScWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "close-after"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        save_and_report (self, file, close_after);
    }
  g_clear_object (&self->chooser);
}

static void
show_save_dialog (ScWindow *self,
                  gboolean  close_after)
{
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->book == NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save Workbook"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (self->chooser));
  name = self->file ? g_file_get_basename (self->file) : g_strdup (_("Untitled.scorecard"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_save_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save (ScWindow *self,
      gboolean  close_after)
{
  if (self->store != NULL)
    _sc_window_team_save (self, close_after);
  else if (self->file == NULL)
    show_save_dialog (self, close_after);
  else
    save_and_report (self, self->file, close_after);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (SC_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_save_dialog (SC_WINDOW (widget), FALSE);
}

/* Undo and redo */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  g_autofree char *label = g_strdup (sc_undo_stack_get_undo_label (self->undo_stack));

  if (sc_undo_stack_undo (self->undo_stack) && label != NULL)
    {
      /* Translators: %s names the edit, e.g. "Undone: Edit On-time delivery" */
      g_autofree char *message = g_strdup_printf (_("Undone: %s"), label);
      _sc_window_show_toast (self, message);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  sc_undo_stack_redo (self->undo_stack);
}

/* Import */

static void
on_import_done_cb (ScImportAssistant    *assistant,
                   ScWorkbook           *book,
                   const ScImportCounts *counts,
                   gpointer              user_data)
{
  ScWindow *self = user_data;

  self->import_committed = TRUE;
  if (self->book != book)
    _sc_window_set_workbook (self, book, NULL);   /* a new, untitled workbook */
  adw_toast_overlay_add_toast (self->toast_overlay, sc_import_assistant_create_toast (assistant));
}

static void start_import (ScWindow *self,
                          GFile    *file,
                          gboolean  queued);

static gboolean
import_next_cb (gpointer data)
{
  g_autoptr(ScWindow) self = data;
  g_autoptr(GFile) file = NULL;

  /* An assistant opened meanwhile (Import… from the menu) goes first; its
   * closing goes on with the queue
   */
  if (self->import_assistant != NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  file = g_queue_pop_head (&self->import_queue);
  if (file != NULL)
    start_import (self, file, TRUE);
  return G_SOURCE_REMOVE;
}

/* Several data files dropped or opened at once go into this workbook one
 * after the other, each through the assistant (which remembers the
 * mapping of a header, so the next export of the same kind needs only
 * Import). Cancelling one stops the rest.
 */
static void
on_import_assistant_destroy_cb (ScWindow  *self,
                                GtkWidget *assistant)
{
  guint n_left = g_queue_get_length (&self->import_queue);

  self->import_assistant = NULL;
  if (n_left == 0)
    return;

  /* Cancelling a file of the queue stops the queue; cancelling an import
   * started from the menu meanwhile does not
   */
  if (!self->import_committed && self->import_queued)
    {
      g_autofree char *message = NULL;

      g_queue_clear_full (&self->import_queue, g_object_unref);
      message = g_strdup_printf (ngettext ("%u more file was not imported", "%u more files were not imported",
                                           n_left), n_left);
      _sc_window_show_toast (self, message);
      return;
    }
  g_idle_add (import_next_cb, g_object_ref (self));
}

static void
start_import (ScWindow *self,
              GFile    *file,
              gboolean  queued)
{
  ScImportAssistant *assistant;

  self->import_committed = FALSE;
  self->import_queued = queued;
  assistant = sc_import_assistant_present (GTK_WINDOW (self), self->book, self->undo_stack, file,
                                           on_import_done_cb, self);
  self->import_assistant = GTK_WINDOW (assistant);
  if (queued)
    sc_import_assistant_set_queue (assistant, ++self->import_batch_done, self->import_batch_size);
  g_signal_connect_object (assistant, "destroy", G_CALLBACK (on_import_assistant_destroy_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Opens the import assistant, on @file when given; with one already open,
 * @file waits for it.
 */
void
sc_window_import_file (ScWindow *self,
                       GFile    *file)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  if (_sc_window_team_refuses_edit (self))
    return;
  if (self->import_assistant != NULL)
    {
      if (file != NULL)
        {
          if (g_queue_is_empty (&self->import_queue) && !self->import_queued)
            self->import_batch_done = self->import_batch_size = 0;
          self->import_batch_size++;
          g_queue_push_tail (&self->import_queue, g_object_ref (file));
        }
      else
        gtk_window_present (self->import_assistant);
      return;
    }
  start_import (self, file, FALSE);
}

/* Imports @files into this window's workbook, one after the other. */
void
sc_window_import_files (ScWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  if (n_files > 0 && _sc_window_team_refuses_edit (self))
    return;
  /* A new batch, or more files for the one under way */
  if (g_queue_is_empty (&self->import_queue) && (self->import_assistant == NULL || !self->import_queued))
    self->import_batch_done = self->import_batch_size = 0;
  self->import_batch_size += n_files;
  for (guint i = 0; i < n_files; i++)
    g_queue_push_tail (&self->import_queue, g_object_ref (files[i]));
  if (self->import_assistant == NULL && !g_queue_is_empty (&self->import_queue))
    {
      g_autoptr(GFile) file = g_queue_pop_head (&self->import_queue);

      start_import (self, file, TRUE);
    }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sc_window_import_file (SC_WINDOW (widget), NULL);
}

static gboolean
is_workbook_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".scorecard");
}

/* A workbook opens; anything else is data to import. */
void
sc_window_open_or_import (ScWindow *self,
                          GFile    *file)
{
  if (is_workbook_file (file))
    sc_window_open_file (self, file);
  else
    sc_window_import_file (self, file);
}

/* Reports */

static GSettings *
window_settings (ScWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return SC_IS_APPLICATION (app) ? sc_application_get_settings (SC_APPLICATION (app)) : NULL;
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  ScPartner *partner = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  if (self->book != NULL)
    sc_report_dialog_present (GTK_WINDOW (self), self->book, partner, &self->rollup,
                              window_settings (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  ScPartner *partner = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  if (self->book != NULL)
    sc_report_print (GTK_WINDOW (self), self->book, partner, &self->rollup, window_settings (self));
}

/* KPI definitions, with the selected partner's overrides */
static void
edit_kpis_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  ScPartner *partner = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  ScKpiEditor *editor;

  if (self->book == NULL)
    return;

  editor = sc_kpi_editor_new (GTK_WINDOW (self), self->book, self->undo_stack, partner);
  gtk_window_present (GTK_WINDOW (editor));
}

/* What if: other weights, targets, bands or weighting, before applying */
static void
whatif_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  ScWhatifDialog *dialog;

  if (self->book == NULL || self->rollup.anchor == SC_PERIOD_NONE)
    return;

  dialog = sc_whatif_dialog_new (GTK_WINDOW (self), self->book, self->undo_stack, &self->rollup);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_issue_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  ScPartner *partner = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  if (self->book == NULL || partner == NULL)
    return;

  gtk_window_present (sc_issue_editor_new_for_create (GTK_WINDOW (self), self->book, self->undo_stack,
                                                      partner, NULL, self->rollup.anchor));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  if (self->book != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_sc_window_update_actions (ScWindow *self)
{
  gboolean has_book = self->book != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_book);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_book);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_book);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-kpis", has_book);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.whatif", has_book);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", has_book);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-excel", has_book);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_book);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 sc_undo_stack_get_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 sc_undo_stack_get_can_redo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading",
                                 self->load_cancellable != NULL);
  _sc_window_team_update_actions (self);
}

/* Closing with unsaved changes */

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ScWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      _sc_window_recovery_discard (self);
      _sc_window_close_later (self);
    }
  else if (g_str_equal (response, "save"))
    save (self, TRUE);
}

/* TRUE when the window may close now; otherwise asks what to do with the
 * unsaved changes and closes (or not) once answered.
 */
gboolean
_sc_window_confirm_close (ScWindow *self)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->close_confirmed || self->book == NULL || !sc_workbook_get_modified (self->book))
    return TRUE;

  name = _sc_window_team_dup_name (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not saved "
                                    "will be lost."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

/* Drag and drop */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            ScWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  /* Data files are imported into this window's workbook, one after the
   * other; a workbook opens here when this window has none and no data
   * comes with it, else in a window of its own
   */
  {
    g_autoptr(GPtrArray) data = g_ptr_array_new ();
    gboolean here = self->book == NULL;

    for (GSList *l = files; l; l = l->next)
      if (!is_workbook_file (l->data))
        g_ptr_array_add (data, l->data);
    if (data->len > 0)
      here = FALSE;

    for (GSList *l = files; l; l = l->next)
      {
        ScWindow *window;

        if (!is_workbook_file (l->data))
          continue;
        if (here)
          {
            sc_window_open_file (self, l->data);
            here = FALSE;
            continue;
          }
        window = sc_window_new (SC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
        sc_window_open_file (window, l->data);
        gtk_window_present (GTK_WINDOW (window));
      }
    sc_window_import_files (self, (GFile **) data->pdata, data->len);
  }

  return TRUE;
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sc_window_cancel_loading (SC_WINDOW (widget));
}

static void
on_undo_state_changed_cb (ScWindow *self)
{
  _sc_window_update_actions (self);
}

void
_sc_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  _sc_window_class_init_export (widget_class);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.edit-kpis", NULL, edit_kpis_action);
  gtk_widget_class_install_action (widget_class, "win.new-issue", NULL, new_issue_action);
  gtk_widget_class_install_action (widget_class, "win.whatif", NULL, whatif_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  _sc_window_class_init_team (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.edit-kpis", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.whatif", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.new-issue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-loading", NULL);
}

void
_sc_window_init_actions (ScWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (self->undo_stack, "notify::can-undo",
                           G_CALLBACK (on_undo_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_stack, "notify::can-redo",
                           G_CALLBACK (on_undo_state_changed_cb), self, G_CONNECT_SWAPPED);
  _sc_window_init_team (self);
  _sc_window_update_actions (self);
}
