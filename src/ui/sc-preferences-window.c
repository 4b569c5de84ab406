/* sc-preferences-window.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences, stored in GSettings: the view a workbook opens in, and the
 * company name, logo, page size and confidentiality line of reports.
 * Every change applies at once.
 */

#define G_LOG_DOMAIN "sc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-logo-chooser.h"
#include "sc-preferences-window.h"
#include "sc-weighting-group.h"

struct _ScPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *view_row;
  AdwEntryRow          *company_row;
  AdwActionRow         *logo_row;
  GtkButton            *logo_clear_button;
  AdwComboRow          *page_size_row;
  AdwEntryRow          *confidentiality_row;
  AdwEntryRow          *display_name_row;

  /* Owned state */
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  ScWorkbook           *book;         /* its scoring settings, when one is open */
  ScWeightingGroup     *weighting_group;
};

G_DEFINE_FINAL_TYPE (ScPreferencesWindow, sc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *views[] = { "month", "quarter", "ytd", "rolling12", "year" };
static const char *page_sizes[] = { "a4", "letter" };

static guint
index_of (const char  *value,
          const char **choices,
          guint        n_choices)
{
  for (guint i = 0; i < n_choices; i++)
    if (g_strcmp0 (value, choices[i]) == 0)
      return i;
  return 0;
}

static void
show_logo (ScPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "company-logo");
  g_autofree char *name = *path ? g_path_get_basename (path) : NULL;

  adw_action_row_set_subtitle (self->logo_row, name ? name : _("None"));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_clear_button), name != NULL);
}

static void
on_view_selected_cb (ScPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->view_row);

  if (i < G_N_ELEMENTS (views))
    g_settings_set_string (self->settings, "default-period-view", views[i]);
}

static void
on_page_size_selected_cb (ScPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->page_size_row);

  if (i < G_N_ELEMENTS (page_sizes))
    g_settings_set_string (self->settings, "report-page-size", page_sizes[i]);
}

static void
on_logo_response_cb (ScPreferencesWindow  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "company-logo", path);
    }
  g_clear_object (&self->chooser);
}

static void
on_logo_clicked_cb (ScPreferencesWindow *self)
{
  if (self->chooser != NULL)
    return;

  self->chooser = sc_logo_chooser_new (GTK_WINDOW (self));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_logo_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_logo_clear_clicked_cb (ScPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "company-logo", "");
}

static void
sc_preferences_window_dispose (GObject *object)
{
  ScPreferencesWindow *self = (ScPreferencesWindow *)object;

  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (sc_preferences_window_parent_class)->dispose (object);
}

static void
sc_preferences_window_finalize (GObject *object)
{
  ScPreferencesWindow *self = (ScPreferencesWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (sc_preferences_window_parent_class)->finalize (object);
}

static void
sc_preferences_window_class_init (ScPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_preferences_window_dispose;
  object_class->finalize = sc_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, view_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, company_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, logo_clear_button);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, page_size_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, confidentiality_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, display_name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clear_clicked_cb);
}

static void
sc_preferences_window_init (ScPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A preferences window for @settings (the application's). */
GtkWidget *
sc_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  ScPreferencesWindow *self;
  g_autofree char *view = NULL;
  g_autofree char *page_size = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SC_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

  view = g_settings_get_string (settings, "default-period-view");
  page_size = g_settings_get_string (settings, "report-page-size");
  adw_combo_row_set_selected (self->view_row, index_of (view, views, G_N_ELEMENTS (views)));
  adw_combo_row_set_selected (self->page_size_row,
                              index_of (page_size, page_sizes, G_N_ELEMENTS (page_sizes)));
  g_signal_connect_object (self->view_row, "notify::selected",
                           G_CALLBACK (on_view_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page_size_row, "notify::selected",
                           G_CALLBACK (on_page_size_selected_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind (settings, "company-name", self->company_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "report-confidentiality", self->confidentiality_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "display-name", self->display_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::company-logo", G_CALLBACK (show_logo),
                           self, G_CONNECT_SWAPPED);
  show_logo (self);

  return GTK_WIDGET (self);
}

/* Workbook scoring */

static void
on_weighting_changed_cb (ScPreferencesWindow *self)
{
  ScPeriodWeighting w;

  sc_weighting_group_get_weighting (self->weighting_group, &w);
  sc_workbook_set_period_weighting (self->book, &w);
}

/* Adds a page with @book's scoring settings (the period weighting); they
 * are saved with the workbook, not in GSettings.
 */
void
sc_preferences_window_set_workbook (ScPreferencesWindow *self,
                                    ScWorkbook          *book)
{
  GtkWidget *page;

  g_return_if_fail (SC_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Scoring"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "emblem-documents-symbolic");
  self->weighting_group = SC_WEIGHTING_GROUP (sc_weighting_group_new ());
  sc_weighting_group_set_weighting (self->weighting_group, sc_workbook_get_period_weighting (book));
  g_signal_connect_object (self->weighting_group, "changed", G_CALLBACK (on_weighting_changed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->weighting_group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}
