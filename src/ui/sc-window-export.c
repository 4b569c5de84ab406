/* sc-window-export.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's "Export as Excel…": a file chooser, then the workbook's
 * scorecards in the window's view written in a worker thread
 * (sc-export-xlsx.c), the window kept from editing meanwhile, and a toast
 * with the result that opens the file.
 */

#define G_LOG_DOMAIN "sc-window-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-export-xlsx.h"
#include "sc-window-private.h"

static void
on_open_clicked_cb (AdwToast *toast,
                    gpointer  user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gdk_display_get_default ());

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, NULL, NULL);
}

/* The book is read by the worker: nothing may change it until it is done */
static void
set_busy (ScWindow *self,
          gboolean  busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-excel", !busy && self->book != NULL);
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

typedef struct
{
  ScWindow *window;
  char     *path;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->window);
  g_free (export->path);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  ScWindow *self = export->window;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  set_busy (self, FALSE);
  if (!sc_export_xlsx_finish (result, &error))
    {
      _sc_window_show_error (self, error->message);
      return;
    }
  toast = adw_toast_new (_("Exported as Excel workbook"));
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_filename_to_uri (export->path, NULL, NULL), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_to (ScWindow   *self,
           const char *path)
{
  g_autoptr(ScExportOptions) options = sc_export_options_new ();
  Export *export = g_new0 (Export, 1);

  export->window = g_object_ref (self);
  export->path = g_strdup (path);
  options->rollup = self->rollup;
  set_busy (self, TRUE);
  sc_export_xlsx_async (self->book, options, path, NULL, exported_cb, export);
}

static void
on_response_cb (ScWindow             *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->book != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        export_to (self, path);
      else if (file != NULL)
        _sc_window_show_error (self, _("Excel workbooks can only be exported to a local folder"));
    }
  g_clear_object (&self->chooser);
}

static char *
dup_suggested_name (ScWindow *self)
{
  g_autofree char *base = self->file ? g_file_get_basename (self->file) : g_strdup (_("Scorecards"));
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, ".xlsx", NULL);
}

static void
export_excel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->book == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export as Excel Workbook"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = dup_suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_sc_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-excel", NULL, export_excel_action);
}

/* For tests: exports as "Export as Excel…" does once a file is chosen. */
void
_sc_window_export_excel (ScWindow   *self,
                         const char *path)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  if (self->book != NULL)
    export_to (self, path);
}
