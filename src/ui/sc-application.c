/* sc-application.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: one window per workbook, application-wide actions
 * (about, quit, open) and the settings.
 */

#define G_LOG_DOMAIN "sc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-application.h"
#include "sc-preferences-window.h"
#include "sc-window-live.h"
#include "sc-window-private.h"

struct _ScApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (ScApplication, sc_application, ADW_TYPE_APPLICATION)

/* Reuses the active window when it holds no workbook yet. */
static ScWindow *
get_empty_or_new_window (ScApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Not one that is loading a workbook or importing into a new one */
  if (SC_IS_WINDOW (active) && sc_window_get_workbook (SC_WINDOW (active)) == NULL &&
      g_strcmp0 (sc_window_get_visible_page (SC_WINDOW (active)), "empty") == 0 &&
      SC_WINDOW (active)->import_assistant == NULL)
    return SC_WINDOW (active);

  return sc_window_new (self);
}

/* After a crash, the workbooks with unsaved changes come back first. */
static gboolean
open_recovered (ScApplication *self)
{
  g_autoptr(GPtrArray) files = sc_window_list_recovery_files ();

  for (guint i = 0; i < files->len; i++)
    {
      ScWindow *window = sc_window_new (self);

      sc_window_open_recovered (window, g_ptr_array_index (files, i));
      gtk_window_present (GTK_WINDOW (window));
    }

  return files->len > 0;
}

static void
sc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && open_recovered (SC_APPLICATION (app)))
    return;
  if (window == NULL)
    window = GTK_WINDOW (sc_window_new (SC_APPLICATION (app)));

  gtk_window_present (window);
}

static void
sc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  g_autoptr(GPtrArray) data = g_ptr_array_new ();

  /* Each workbook in a window of its own; it first shows the loading page,
   * not the empty one (a frame less to lay out)
   */
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);
      ScWindow *window;

      if (g_file_has_uri_scheme (files[i], "postgresql") ||
          g_file_has_uri_scheme (files[i], "postgres"))
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          /* a team workbook, edited live */
          window = get_empty_or_new_window (SC_APPLICATION (app));
          sc_window_open_team (window, uri);
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }
      if (name == NULL || !g_str_has_suffix (name, ".scorecard"))
        {
          g_ptr_array_add (data, files[i]);
          continue;
        }
      window = get_empty_or_new_window (SC_APPLICATION (app));
      sc_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }

  /* The data files into one new workbook, one after the other, through the
   * import assistant (which needs its window on screen)
   */
  if (data->len > 0)
    {
      ScWindow *window = get_empty_or_new_window (SC_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      sc_window_import_files (window, (GFile **) data->pdata, data->len);
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close windows one by one so each can ask about unsaved changes */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Scorecards developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Scorecards"),
                         "application-icon", APP_ID,
                         "developer-name", _("Scorecards developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Review supplier and customer scorecards, annotate issues "
                                       "and send clean reports."),
                         "website", "https://github.com/scorecards/scorecards",
                         "issue-url", "https://github.com/scorecards/scorecards/issues",
                         "developers", developers,
                         "copyright", "© 2026 Scorecards developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ScApplication *self = user_data;
  GSettings *settings = sc_application_get_settings (self);
  GtkWindow *active;
  GtkWidget *window;

  if (settings == NULL)
    return;

  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  window = sc_preferences_window_new (active, settings);
  /* The open workbook's own scoring settings get a page of their own */
  if (SC_IS_WINDOW (active) && sc_window_get_workbook (SC_WINDOW (active)) != NULL)
    sc_preferences_window_set_workbook (SC_PREFERENCES_WINDOW (window),
                                        sc_window_get_workbook (SC_WINDOW (active)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (sc_window_new (SC_APPLICATION (user_data))));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "new-window", new_window_action },
  { "preferences", preferences_action },
};

/* TRUE when the machine has a GPU that GL can use: a DRI render node, or
 * NVIDIA's proprietary device.
 */
static gboolean
has_gpu (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test ("/dev/nvidiactl", G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_dir_open ("/dev/dri", 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD") || g_str_has_prefix (name, "card"))
      return TRUE;

  return FALSE;
}

/**
 * sc_application_choose_renderer:
 *
 * Without a GPU, GTK's GL renderer runs on the CPU through Mesa's llvmpipe,
 * and draws this window slower and with more memory than GTK's cairo
 * renderer (docs/performance.md, "Window"): then the cairo renderer is
 * used. A renderer chosen with GSK_RENDERER is always kept. Call before
 * the first window is shown, while the process has one thread.
 */
void
sc_application_choose_renderer (void)
{
  if (g_getenv ("GSK_RENDERER") != NULL || has_gpu ())
    return;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
}

static void
sc_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.edit-kpis", { "<Control>k", NULL } },
    { "win.import", { "<Control><Shift>i", NULL } },
    { "win.connect-team", { "<Control><Shift>o", NULL } },
    { "win.export-report", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.new-issue", { "<Control>i", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (sc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
sc_application_finalize (GObject *object)
{
  ScApplication *self = (ScApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sc_application_parent_class)->finalize (object);
}

static void
sc_application_class_init (ScApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sc_application_finalize;
  app_class->activate = sc_application_activate;
  app_class->open = sc_application_open;
  app_class->startup = sc_application_startup;
}

static void
sc_application_init (ScApplication *self)
{
  g_set_application_name (_("Scorecards"));
  gtk_window_set_default_icon_name (APP_ID);
}

ScApplication *
sc_application_new (void)
{
  return g_object_new (SC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/scorecards/Scorecards",
                       NULL);
}

/* The application's settings; NULL when the schema is not installed
 * (running from a build tree without GSETTINGS_SCHEMA_DIR).
 */
GSettings *
sc_application_get_settings (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
      if (schema != NULL)
        self->settings = g_settings_new (APP_ID);
    }

  return self->settings;
}
