/* bench-window.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Window speed (docs/performance.md, "Window"), run under Xvfb:
 *
 *   bench-window bare                  the smallest libadwaita window: a
 *                                      header bar and a drawing area
 *   bench-window open BOOK             the Scorecards window with BOOK open
 *   bench-window switch BOOK [N]       then select N partners one after
 *                                      the other, each until it is drawn
 *   bench-window compare BOOK [N]      the same on the Compare page
 *   bench-window scroll BOOK [N]       scroll the sidebar N pages down
 *   bench-window search BOOK [TEXT]    type TEXT into the sidebar's search,
 *                                      each letter until it is drawn
 *   bench-window view BOOK             then change the view (quarter, year,
 *                                      YTD, rolling 12, month) each until
 *                                      it is drawn: every partner rescored
 *   bench-window team BOOK             put BOOK on a PostgreSQL server
 *                                      started for the run (sc-test-pg.c),
 *                                      open it from there as the window
 *                                      does, and cancel a second opening;
 *                                      prints the longest time the window's
 *                                      main loop did not run meanwhile
 *
 * The bare window uses GTK's own choice of renderer; the Scorecards window
 * the one the application chooses (sc_application_choose_renderer()).
 * Set GSK_RENDERER to compare both on the same renderer.
 *
 * Each prints the time from the start of main() to the first frame drawn
 * (with the workbook shown), the switching times, and the peak resident
 * memory of the process.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "sc-application.h"
#include "sc-store-location.h"
#include "../sc-test-pg.h"
#include "sc-window-private.h"
#include "sc-workbook-io.h"

static gint64 start_time;
static gboolean painted;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted = TRUE;
}

/* Iterates until the next frame of @widget has been painted. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  painted = FALSE;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, NULL);
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static long
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

static void
run_bare (void)
{
  double t_init = elapsed_ms (start_time);
  GtkWidget *window = adw_application_window_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_drawing_area_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  printf ("bare window: first frame after %.1f ms (GTK and libadwaita ready %.1f ms), peak %ld MB\n",
          elapsed_ms (start_time), t_init, peak_rss_mb ());
}

static ScWindow *
open_book (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  double t_init, t_new, t_loaded;
  ScWindow *window;

  t_init = elapsed_ms (start_time);
  window = sc_window_new (NULL);
  t_new = elapsed_ms (start_time);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  /* As the application does: the loading page, not the empty one, is
   * what the window first lays out
   */
  sc_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  while (sc_window_get_workbook (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  t_loaded = elapsed_ms (start_time);
  wait_for_frame (GTK_WIDGET (window));

  printf ("timeline: GTK and libadwaita ready %.1f ms, window built %.1f ms, "
          "workbook shown %.1f ms, frame painted %.1f ms\n",
          t_init, t_new, t_loaded, elapsed_ms (start_time));
  return window;
}

static void
run_switch (ScWindow *window,
            guint     n)
{
  GtkSelectionModel *selection = sc_window_get_partner_selection (window);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_autofree double *times = g_new0 (double, MAX (n, 1));
  double total = 0, worst = 0;

  for (guint i = 0; i < n && n_items > 0; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      gtk_selection_model_select_item (selection, (i * 7919) % n_items, TRUE);
      wait_for_frame (GTK_WIDGET (window));
      times[i] = elapsed_ms (t0);
      total += times[i];
      worst = MAX (worst, times[i]);
    }

  printf ("switch partner: %u switches, mean %.1f ms, worst %.1f ms\n", n, total / MAX (n, 1), worst);
}

static void
run_view (ScWindow *window)
{
  static const ScRollupKind kinds[] = {
    SC_ROLLUP_QUARTER, SC_ROLLUP_YEAR, SC_ROLLUP_YTD, SC_ROLLUP_ROLLING_12, SC_ROLLUP_PERIOD,
  };
  ScWorkbook *book = sc_window_get_workbook (window);
  ScPeriod last = sc_workbook_get_first_period (book) + sc_workbook_get_n_periods (book) - 1;
  double total = 0, worst = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      ScRollup rollup = { kinds[i], last };
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      sc_window_set_rollup (window, &rollup);
      wait_for_frame (GTK_WIDGET (window));
      ms = elapsed_ms (t0);
      total += ms;
      worst = MAX (worst, ms);
    }

  printf ("change view: %u changes, mean %.1f ms, worst %.1f ms\n",
          (guint) G_N_ELEMENTS (kinds), total / G_N_ELEMENTS (kinds), worst);
}

/* Types a name into the sidebar's search one letter at a time, each
 * letter until the filtered list is drawn.
 */
static void
run_search (ScWindow   *window,
            const char *typed)
{
  double total = 0, worst = 0;
  guint n = 0;

  for (const char *end = g_utf8_next_char (typed); ; end = g_utf8_next_char (end))
    {
      g_autofree char *text = g_strndup (typed, end - typed);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      /* The entry waits a moment after each key (search-delay) before it
       * says the search changed; that pause is not the window's work
       */
      gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
      g_signal_emit_by_name (window->search_entry, "search-changed");
      wait_for_frame (GTK_WIDGET (window));
      ms = elapsed_ms (t0);
      total += ms;
      worst = MAX (worst, ms);
      n++;
      if (*end == '\0')
        break;
    }
  printf ("search: %u letters, mean %.1f ms, worst %.1f ms, %u partners shown\n", n, total / MAX (n, 1), worst,
          g_list_model_get_n_items (G_LIST_MODEL (sc_window_get_partner_selection (window))));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
}

/* Scrolls the sidebar down a page at a time, each page until drawn: the
 * rows of the partners that come into view are made and bound.
 */
static void
run_scroll (ScWindow *window,
            guint     n)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (window->partner_list), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double total = 0, worst = 0;

  for (guint i = 0; i < n; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      wait_for_frame (GTK_WIDGET (window));
      ms = elapsed_ms (t0);
      total += ms;
      worst = MAX (worst, ms);
    }
  printf ("scroll: %u pages, mean %.1f ms, worst %.1f ms\n", n, total / MAX (n, 1), worst);
}

/* The longest gap between two runs of a 5 ms timeout: how long the
 * window's main loop was held up
 */
static gint64 last_tick;
static gint64 longest_stall;

static gboolean
on_tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  longest_stall = MAX (longest_stall, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static ScStore *
put_on_server (ScTestPg   *pg,
               const char *path,
               char      **uri)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;

  sc_test_pg_add_team (pg, "bench");
  *uri = sc_test_pg_uri (pg, "scorecards_owner", "bench", "Large");
  if (!(book = sc_workbook_load_from_file (file, NULL, &error)) ||
      !(store = sc_store_new_for_location (*uri, &error)) ||
      !sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error))
    g_error ("%s", error->message);

  return sc_store_new_for_location (*uri, NULL);
}

static void
run_team (const char *path)
{
  g_autoptr(ScTestPg) pg = sc_test_pg_start ();
  g_autofree char *uri = NULL;
  g_autoptr(ScStore) warm = put_on_server (pg, path, &uri);
  g_autoptr(ScStore) store = sc_store_new_for_location (uri, NULL);
  g_autoptr(ScStore) again = sc_store_new_for_location (uri, NULL);
  ScWindow *window = sc_window_new (NULL);
  ScWindow *second = sc_window_new (NULL);
  guint tick;
  gint64 t0;
  double loaded;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));

  last_tick = g_get_monotonic_time ();
  longest_stall = 0;
  tick = g_timeout_add (5, on_tick_cb, NULL);
  t0 = g_get_monotonic_time ();
  sc_window_open_store (window, store);
  while (sc_window_get_workbook (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  loaded = elapsed_ms (t0);
  wait_for_frame (GTK_WIDGET (window));
  printf ("team workbook: %u partners shown after %.1f ms, painted after %.1f ms; "
          "longest main-loop stall %.1f ms\n",
          g_list_model_get_n_items (sc_workbook_get_partners (sc_window_get_workbook (window))),
          loaded, elapsed_ms (t0), longest_stall / 1000.0);

  /* The same workbook from its file, for comparison */
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
    ScWindow *third = sc_window_new (NULL);

    gtk_window_set_default_size (GTK_WINDOW (third), 1100, 720);
    gtk_window_present (GTK_WINDOW (third));
    wait_for_frame (GTK_WIDGET (third));
    last_tick = g_get_monotonic_time ();
    longest_stall = 0;
    t0 = g_get_monotonic_time ();
    sc_window_open_file (third, file);
    while (sc_window_get_workbook (third) == NULL)
      g_main_context_iteration (NULL, TRUE);
    loaded = elapsed_ms (t0);
    wait_for_frame (GTK_WIDGET (third));
    printf ("the file, for comparison: shown after %.1f ms, painted after %.1f ms; "
            "longest main-loop stall %.1f ms\n", loaded, elapsed_ms (t0), longest_stall / 1000.0);
    gtk_window_destroy (GTK_WINDOW (third));
  }

  /* Cancel 100 ms into a second opening */
  gtk_window_present (GTK_WINDOW (second));
  wait_for_frame (GTK_WIDGET (second));
  sc_window_open_store (second, again);
  t0 = g_get_monotonic_time ();
  while (elapsed_ms (t0) < 100)
    g_main_context_iteration (NULL, FALSE);
  t0 = g_get_monotonic_time ();
  sc_window_cancel_loading (second);
  while (second->load_cancellable != NULL)
    g_main_context_iteration (NULL, TRUE);
  printf ("cancel: back to the empty window after %.1f ms (workbook %s)\n", elapsed_ms (t0),
          sc_window_get_workbook (second) ? "loaded before the cancel" : "not loaded");
  g_source_remove (tick);
  printf ("peak at the end: %ld MB\n", peak_rss_mb ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = NULL;

  start_time = g_get_monotonic_time ();
  g_setenv ("GTK_A11Y", "none", TRUE);

  if (argc >= 2 && g_str_equal (argv[1], "bare"))
    {
      adw_init ();
      run_bare ();
      return 0;
    }

  sc_application_choose_renderer ();
  adw_init ();
  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-window bare | open BOOK | switch BOOK [N] | compare BOOK [N] | view BOOK | scroll BOOK [N] | search BOOK [TEXT] | team BOOK\n");
      return 2;
    }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/scorecards/Scorecards/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  if (g_str_equal (argv[1], "team"))
    {
      run_team (argv[2]);
      return 0;
    }

  {
    ScWindow *window = open_book (argv[2]);

    printf ("workbook window: first frame after %.1f ms, peak %ld MB\n",
            elapsed_ms (start_time), peak_rss_mb ());
    if (g_str_equal (argv[1], "switch"))
      run_switch (window, argc > 3 ? (guint) atoi (argv[3]) : 50);
    else if (g_str_equal (argv[1], "compare"))
      {
        adw_view_stack_set_visible_child_name (sc_window_get_view_stack (window), "compare");
        wait_for_frame (GTK_WIDGET (window));
        run_switch (window, argc > 3 ? (guint) atoi (argv[3]) : 10);
      }
    else if (g_str_equal (argv[1], "view"))
      run_view (window);
    else if (g_str_equal (argv[1], "scroll"))
      run_scroll (window, argc > 3 ? (guint) atoi (argv[3]) : 30);
    else if (g_str_equal (argv[1], "search"))
      run_search (window, argc > 3 ? argv[3] : "lombardi");
    printf ("peak at the end: %ld MB\n", peak_rss_mb ());
  }

  return 0;
}
