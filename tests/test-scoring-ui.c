/* test-scoring-ui.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of src/ui/scoring: the What If window (the table a user reads,
 * sorted by rank after; Apply as one undo step), the periods behind a
 * weighted score in "Overall score — why?", "As scored then" on the
 * scorecard, and the period weighting in the preferences.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "sc-test-ui.h"

#include "sc-preferences-window.h"
#include "sc-score-history.h"
#include "sc-scored-then-view.h"
#include "sc-scorecard-page.h"
#include "sc-scorer.h"
#include "sc-weighting-explainer.h"
#include "sc-weighting-group.h"
#include "sc-whatif-dialog.h"
#include "sc-whatif-item.h"
#include "sc-window.h"
#include "sc-workbook-io.h"

static ScWorkbook *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  ScWorkbook *book;

  file = g_file_new_for_path (path);
  book = sc_workbook_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  return book;
}

static char *
cell_text (GListModel     *rows,
           guint           position,
           ScWhatifColumn  column)
{
  g_autoptr(ScWhatifItem) item = g_list_model_get_item (rows, position);

  return sc_whatif_item_dup_text (item, column);
}

static void
assert_cell (GListModel     *rows,
             guint           position,
             ScWhatifColumn  column,
             const char     *expected)
{
  g_autofree char *text = cell_text (rows, position, column);

  g_assert_cmpstr (text, ==, expected);
}

/* The worked example of tests/test-whatif.c, through the window. */
static void
test_whatif_dialog (void)
{
  g_autoptr(ScWorkbook) book = load (g_test_get_filename (G_TEST_DIST, "fixtures", "whatif-three-suppliers.scorecard", NULL));
  g_autoptr(ScUndoStack) undo = sc_undo_stack_new ();
  ScRollup rollup = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  ScWhatifDialog *dialog = sc_whatif_dialog_new (NULL, book, undo, &rollup);
  ScKpi *a = sc_workbook_lookup_kpi (book, "a");
  GListModel *rows;

  gtk_window_present (GTK_WINDOW (dialog));
  sc_test_settle ();
  rows = sc_whatif_dialog_get_rows (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  assert_cell (rows, 0, SC_WHATIF_COLUMN_PARTNER, "Cedar Springs");

  g_assert_true (sc_whatif_dialog_set_kpi_value (dialog, a, "weight", 3));
  sc_test_settle ();
  g_assert_cmpstr (sc_whatif_dialog_get_summary (dialog), ==, "3 of 3 partners change grade or rank");
  /* Sorted by rank after: Atlas climbs from 3rd to 1st, C to B */
  assert_cell (rows, 0, SC_WHATIF_COLUMN_PARTNER, "Atlas Castings");
  assert_cell (rows, 0, SC_WHATIF_COLUMN_SCORE_BEFORE, "70.0");
  assert_cell (rows, 0, SC_WHATIF_COLUMN_SCORE_AFTER, "85.0");
  assert_cell (rows, 0, SC_WHATIF_COLUMN_CHANGE, "+15.0");
  assert_cell (rows, 0, SC_WHATIF_COLUMN_GRADE_BEFORE, "C");
  assert_cell (rows, 0, SC_WHATIF_COLUMN_GRADE_AFTER, "B");
  assert_cell (rows, 0, SC_WHATIF_COLUMN_RANK_BEFORE, "3");
  assert_cell (rows, 0, SC_WHATIF_COLUMN_RANK_AFTER, "1");
  assert_cell (rows, 0, SC_WHATIF_COLUMN_MOVED, "● Grade");
  assert_cell (rows, 2, SC_WHATIF_COLUMN_PARTNER, "Birch Plastics");
  assert_cell (rows, 2, SC_WHATIF_COLUMN_CHANGE, "−7.5");
  /* Nothing applied yet */
  g_assert_cmpfloat (sc_kpi_get_weight (a), ==, 1);

  /* Sorting by another column: the biggest loser first */
  {
    GtkColumnView *view = sc_whatif_dialog_get_column_view (dialog);
    g_autoptr(GtkColumnViewColumn) change = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                    SC_WHATIF_COLUMN_CHANGE);

    gtk_column_view_sort_by_column (view, change, GTK_SORT_ASCENDING);
    assert_cell (rows, 0, SC_WHATIF_COLUMN_PARTNER, "Birch Plastics");
  }

  gtk_widget_activate_action (GTK_WIDGET (dialog), "whatif.apply", NULL);
  sc_test_settle ();
  g_assert_cmpfloat (sc_kpi_get_weight (a), ==, 3);
  g_assert_cmpstr (sc_undo_stack_get_undo_label (undo), ==, "Apply What-If");
  g_assert_true (sc_undo_stack_undo (undo));
  g_assert_cmpfloat (sc_kpi_get_weight (a), ==, 1);
}

/* Discard, and Escape, leave the workbook alone. */
static void
test_whatif_discard (void)
{
  g_autoptr(ScWorkbook) book = load (g_test_get_filename (G_TEST_DIST, "fixtures", "whatif-three-suppliers.scorecard", NULL));
  g_autoptr(ScUndoStack) undo = sc_undo_stack_new ();
  ScRollup rollup = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  ScWhatifDialog *dialog = sc_whatif_dialog_new (NULL, book, undo, &rollup);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (sc_whatif_dialog_set_kpi_value (dialog, sc_workbook_lookup_kpi (book, "b"), "target", 80));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "whatif.discard", NULL);
  sc_test_settle ();
  g_assert_cmpfloat (sc_kpi_get_target (sc_workbook_lookup_kpi (book, "b")), ==, 100);
  g_assert_false (sc_undo_stack_get_can_undo (undo));
  g_assert_false (sc_workbook_get_modified (book));
}

/* The window on the sample, for docs/screenshots/whatif.png */
static void
test_whatif_sample (void)
{
  g_autoptr(ScWorkbook) book = load (g_test_get_filename (G_TEST_DIST, "..", "data", "samples", "contoso-2024-2025.scorecard", NULL));
  ScRollup rollup = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  ScWhatifDialog *dialog = sc_whatif_dialog_new (NULL, book, NULL, &rollup);
  ScKpi *otd = sc_workbook_lookup_kpi (book, "on_time_delivery_pct");

  gtk_window_set_default_size (GTK_WINDOW (dialog), 1240, 720);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (sc_whatif_dialog_set_kpi_value (dialog, otd, "weight", 3));
  g_assert_true (sc_whatif_dialog_set_kpi_value (dialog, otd, "target", 97));
  g_assert_cmpstr (sc_whatif_dialog_get_summary (dialog), ==, "11 of 27 partners change grade or rank");
  sc_test_save_screenshot (GTK_WIDGET (dialog), "whatif.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The periods behind June's score with linear:4 (docs/scoring.md). */
static void
test_explainer_periods (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScKpi) kpi = sc_kpi_new ("otd", "On-time delivery");
  g_autoptr(ScPartner) partner = sc_partner_new ("atlas", "Atlas Castings", SC_PARTNER_SUPPLIER);
  g_autoptr(ScScorer) scorer = NULL;
  static const double values[] = { 95, 92.5, 80, NAN, 87.5, 90.5 };
  ScPeriodWeighting w = { SC_WEIGHTING_LINEAR, 4, 0 };
  ScRollup june = { SC_ROLLUP_PERIOD, SC_PERIOD_NONE };
  GtkWidget *window, *explainer;
  g_autofree char *text = NULL;

  sc_kpi_set_target (kpi, 95);
  sc_kpi_set_warning (kpi, 90);
  sc_kpi_set_critical (kpi, 80);
  sc_workbook_add_kpi (book, kpi);
  sc_workbook_add_partner (book, partner);
  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-06", &june.anchor));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_true (sc_workbook_set_value (book, partner, kpi, june.anchor - 5 + i, values[i], NULL));

  scorer = sc_scorer_new (book);
  g_assert_null (sc_weighting_explainer_new (scorer, partner, &june));
  sc_workbook_set_period_weighting (book, &w);
  explainer = sc_weighting_explainer_new (scorer, partner, &june);
  g_assert_nonnull (explainer);

  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), explainer);
  gtk_window_present (GTK_WINDOW (window));
  sc_test_settle ();
  {
    GtkWidget *grid = gtk_widget_get_last_child (explainer);
    GtkWidget *june_score = gtk_grid_get_child_at (GTK_GRID (grid), 1, 1);
    GtkWidget *june_share = gtk_grid_get_child_at (GTK_GRID (grid), 3, 1);
    GtkWidget *april = gtk_grid_get_child_at (GTK_GRID (grid), 1, 3);
    GtkWidget *total = gtk_grid_get_child_at (GTK_GRID (grid), 4, 6);

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (june_score)), ==, "70.0");
    /* 4 of 4 + 3 + 1 */
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (june_share)), ==, "50.0 %");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (april)), ==, "No data — skipped");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (total)), ==, "53.8");
  }
  sc_test_save_screenshot (window, "explain-periods.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static ScScoredThenView *
find_scored_then (GtkWidget *widget)
{
  if (SC_IS_SCORED_THEN_VIEW (widget))
    return SC_SCORED_THEN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      ScScoredThenView *found = find_scored_then (child);

      if (found)
        return found;
    }
  return NULL;
}

/* After a target change the page shows both: what was told, what today's
 * rules say.
 */
static void
test_scored_then (void)
{
  g_autoptr(ScWorkbook) book = load (g_test_get_filename (G_TEST_DIST, "..", "data", "samples", "contoso-2024-2025.scorecard", NULL));
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  g_autoptr(ScPartnerResult) result = NULL;
  ScPartner *partner = sc_workbook_lookup_partner (book, "s01");
  ScRollup rollup = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  const ScScoredThen *kept;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = sc_scorecard_page_new ();
  ScScoredThenView *view;
  g_autofree char *then = NULL;

  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *label = NULL;
  ScRollup kept_view = { SC_ROLLUP_PERIOD, SC_PERIOD_NONE };

  g_assert_cmpuint (sc_score_history_record_complete (book, NULL), >, 0);
  records = sc_score_history_list (book, partner);
  g_assert_cmpuint (records->len, >, 0);
  kept = g_ptr_array_index (records, records->len - 1);
  kept_view.anchor = kept->period;
  label = sc_rollup_to_label (&kept_view, SC_GRANULARITY_MONTH);
  sc_kpi_set_target (sc_workbook_lookup_kpi (book, "on_time_delivery_pct"), 99);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  result = sc_scorer_score_partner (scorer, partner, &rollup);
  sc_scorecard_page_show (SC_SCORECARD_PAGE (page), scorer, partner, result, &rollup);
  sc_test_settle ();

  view = find_scored_then (page);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_cmpuint (sc_scored_then_view_get_n_rows (view), >, 0);
  then = g_strdup_printf ("%.1f  %s", kept->score, kept->grade);
  g_assert_cmpstr (sc_scored_then_view_get_cell_text (view, 0, 0), ==, label);
  g_assert_cmpstr (sc_scored_then_view_get_cell_text (view, 0, 1), ==, then);
  g_assert_cmpstr (sc_scored_then_view_get_cell_text (view, 0, 2), !=, then);
  {
    /* The section alone, for docs/screenshots */
    GtkWidget *shot = gtk_window_new ();
    GtkWidget *alone = sc_scored_then_view_new ();

    gtk_widget_set_margin_start (alone, 18);
    gtk_widget_set_margin_end (alone, 18);
    gtk_widget_set_margin_bottom (alone, 18);
    gtk_window_set_default_size (GTK_WINDOW (shot), 720, -1);
    gtk_window_set_child (GTK_WINDOW (shot), alone);
    sc_scored_then_view_show (SC_SCORED_THEN_VIEW (alone), scorer, partner);
    gtk_window_present (GTK_WINDOW (shot));
    sc_test_save_screenshot (shot, "scored-then.png");
    gtk_window_destroy (GTK_WINDOW (shot));
  }

  /* Another partner without records: hidden */
  sc_scorecard_page_show (SC_SCORECARD_PAGE (page), scorer, NULL, NULL, &rollup);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static ScWeightingGroup *
find_weighting_group (GtkWidget *widget)
{
  if (SC_IS_WEIGHTING_GROUP (widget))
    return SC_WEIGHTING_GROUP (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      ScWeightingGroup *found = find_weighting_group (child);

      if (found)
        return found;
    }
  return NULL;
}

/* The preferences set the open workbook's weighting. */
static void
test_preferences (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.scorecards.Scorecards");
  GtkWidget *window = sc_preferences_window_new (NULL, settings);
  ScPeriodWeighting w = { SC_WEIGHTING_EXPONENTIAL, 12, 3 };
  ScWeightingGroup *group;
  ScPeriodWeighting shown;

  sc_preferences_window_set_workbook (SC_PREFERENCES_WINDOW (window), book);
  gtk_window_present (GTK_WINDOW (window));
  sc_test_settle ();
  group = find_weighting_group (window);
  g_assert_nonnull (group);
  sc_weighting_group_get_weighting (group, &shown);
  g_assert_true (sc_period_weighting_is_latest (&shown));

  /* As the user would: the rows change, the workbook follows */
  sc_weighting_group_set_weighting (group, &w);
  g_signal_emit_by_name (group, "changed");
  g_assert_cmpint (sc_workbook_get_period_weighting (book)->mode, ==, SC_WEIGHTING_EXPONENTIAL);
  g_assert_cmpuint (sc_workbook_get_period_weighting (book)->n_periods, ==, 12);
  g_assert_cmpfloat (sc_workbook_get_period_weighting (book)->half_life, ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What If… in the window's menu (win.whatif) opens the window over the
 * workbook shown.
 */
static void
test_window_action (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures",
                                                                    "whatif-three-suppliers.scorecard", NULL));
  ScWindow *window = sc_window_new (NULL);
  g_autoptr(GListModel) toplevels = NULL;
  ScWhatifDialog *dialog = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_file (window, file);
  while (sc_window_get_workbook (window) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (sc_window_get_workbook (window));
  sc_test_settle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.whatif", NULL));
  sc_test_settle ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (SC_IS_WHATIF_DIALOG (item))
        dialog = SC_WHATIF_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (sc_whatif_dialog_get_rows (dialog)), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "whatif.discard", NULL);
  sc_test_settle ();
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/scoring-ui/whatif-dialog", test_whatif_dialog);
  g_test_add_func ("/scoring-ui/whatif-discard", test_whatif_discard);
  g_test_add_func ("/scoring-ui/whatif-sample", test_whatif_sample);
  g_test_add_func ("/scoring-ui/explainer-periods", test_explainer_periods);
  g_test_add_func ("/scoring-ui/scored-then", test_scored_then);
  g_test_add_func ("/scoring-ui/preferences", test_preferences);
  g_test_add_func ("/scoring-ui/window-action", test_window_action);

  return g_test_run ();
}
