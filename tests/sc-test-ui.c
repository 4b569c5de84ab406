/* sc-test-ui.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers of the window tests: starting GTK as the application does,
 * letting the main loop run, and saving what a widget shows as a PNG when
 * SC_SCREENSHOT_DIR is set, to look at.
 */

#include "config.h"

#include "sc-test-ui.h"

#include <adwaita.h>

#include "sc-import-assistant-private.h"

/* g_test_init() and libadwaita, with the style sheet and icons that
 * ScApplication loads from its resource base path.
 */
void
sc_test_ui_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display;

  /* The accessibility bridge needs a session bus, which a bare CI machine
   * does not have; without one, GTK would warn (fatal in a test).
   */
  g_setenv ("GTK_A11Y", "none", TRUE);

  g_test_init (argc, argv, NULL);
  adw_init ();

  display = gdk_display_get_default ();
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/scorecards/Scorecards/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    "/io/github/scorecards/Scorecards/icons");
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for 300 ms: layout, idles and a transition or two.
 * On a loaded machine the timeout can come before a low-priority idle (a
 * page's refresh) had its turn, so whatever is ready then runs too, up to a
 * bound in case something keeps itself ready. */
void
sc_test_settle (void)
{
  gboolean timed_out = FALSE;

  g_timeout_add (300, on_timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Renders @widget to SC_SCREENSHOT_DIR/@name, past every transition. */
void
sc_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("SC_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  sc_test_settle ();
  sc_test_settle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Iterates until the import assistant shows @step and is not busy; fails
 * the test after 20 s, naming the step it shows.
 */
void
sc_test_wait_for_import_step (ScImportAssistant *assistant,
                              const char        *step)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, on_timeout_cb, &timed_out);

  while ((g_strcmp0 (sc_import_assistant_get_step (assistant), step) != 0 ||
          sc_import_assistant_is_busy (assistant)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("the assistant shows “%s”, not “%s”", sc_import_assistant_get_step (assistant), step);
  g_source_remove (id);
}

/* Goes through the assistant's steps from the preview on, each with Next
 * (which must be sensitive), and imports.
 */
void
sc_test_import_through (ScImportAssistant *assistant)
{
  static const char *steps[] = { "format", "mapping", "kpis", "results" };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sc_test_wait_for_import_step (assistant, steps[i]);
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));
      gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
    }
}

/* Window tests */

/* The bundled sample workbook. */
char *
sc_test_sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "contoso-2024-2025.scorecard", NULL);
}

static gboolean
on_wait_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @done returns TRUE or 20 s have passed. */
void
sc_test_wait_until (gboolean (*done) (ScWindow *),
                    ScWindow  *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, on_wait_timeout_cb, &timed_out);

  while (!done (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

gboolean
sc_test_has_workbook (ScWindow *window)
{
  return sc_window_get_workbook (window) != NULL;
}

/* A window of the usual size, presented, opening @path. */
ScWindow *
sc_test_open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ScWindow *window = sc_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_file (window, file);

  return window;
}

/* The descendant whose buildable id is @name (set by the template). */
GtkWidget *
sc_test_find_widget_named (GtkWidget  *widget,
                           const char *name)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sc_test_find_widget_named (child, name);

      if (found)
        return found;
    }

  return NULL;
}
