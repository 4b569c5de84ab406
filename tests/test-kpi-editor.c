/* test-kpi-editor.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The KPI editor and the score explainer, driven through their widgets as a
 * user would: type a target, see the scores change, undo and redo it, type
 * a threshold in the wrong order and read the message, override a target
 * for one partner and reset it. Set SC_SCREENSHOT_DIR to save screenshots.
 */

#include "config.h"

#include "sc-test-ui.h"

#include <adwaita.h>
#include <math.h>

#include "sc-catalogue.h"
#include "sc-kpi-editor-private.h"
#include "sc-score-explainer-private.h"
#include "sc-scorecard-group.h"
#include "sc-scorer.h"
#include "sc-workbook-io.h"

/* Helpers */

static ScWorkbook *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "contoso-2024-2025.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (book);
  return book;
}

static void
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (20);
}

/* The KPI result of @kpi_id for @partner in the latest period. */
static ScKpiResult
score_kpi (ScScorer   *scorer,
           ScWorkbook *book,
           const char *partner_id,
           const char *kpi_id,
           double     *overall)
{
  ScRollup rollup = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  g_autoptr(ScPartnerResult) result =
    sc_scorer_score_partner (scorer, sc_workbook_lookup_partner (book, partner_id), &rollup);

  if (overall)
    *overall = result->score;
  for (guint i = 0; i < result->kpis->len; i++)
    {
      ScKpiResult r = g_array_index (result->kpis, ScKpiResult, i);

      if (g_str_equal (sc_kpi_get_id (r.kpi), kpi_id))
        return r;
    }
  g_assert_not_reached ();
}

/* Writes what @widget shows to $SC_SCREENSHOT_DIR/@name, if set. */
typedef struct
{
  ScWorkbook  *book;
  ScUndoStack *undo;
  ScScorer    *scorer;
  GtkWindow   *parent;
  ScKpiEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *partner_id = data;

  f->book = load_sample ();
  f->undo = sc_undo_stack_new ();
  f->scorer = sc_scorer_new (f->book);
  f->parent = GTK_WINDOW (gtk_window_new ());
  f->editor = sc_kpi_editor_new (f->parent, f->book, f->undo,
                                 partner_id ? sc_workbook_lookup_partner (f->book, partner_id) : NULL);
  gtk_window_present (GTK_WINDOW (f->editor));
  wait_ms (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_window (f->editor);
  destroy_window (f->parent);
  g_clear_object (&f->scorer);
  g_clear_object (&f->undo);
  g_clear_object (&f->book);
}

static GtkEditable *
kpi_field (Fixture    *f,
           const char *kpi_id,
           ScKpiField  field)
{
  ScKpiDefinitionRow *row = sc_kpi_editor_get_kpi_row (f->editor, kpi_id);

  g_assert_nonnull (row);
  return sc_kpi_definition_row_get_field (row, field);
}

/* The KPI editor */

static void
test_editor_lists_kpis (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *kpis = sc_workbook_get_kpis (f->book);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);
      ScKpiDefinitionRow *row = sc_kpi_editor_get_kpi_row (f->editor, sc_kpi_get_id (kpi));

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       sc_kpi_get_name (kpi));
    }

  /* The sample has every catalogue KPI: nothing left to add */
  g_assert_cmpint (g_menu_model_get_n_items (sc_kpi_editor_get_catalogue_menu (f->editor)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (kpi_field (f, "ppm_defects", SC_KPI_FIELD_TARGET)), ==, "250");
  g_assert_null (sc_kpi_editor_get_override_row (f->editor, "ppm_defects"));
}

static void
test_editor_target_undo_redo (Fixture       *f,
                              gconstpointer  data)
{
  ScKpi *kpi = sc_workbook_lookup_kpi (f->book, "on_time_delivery_pct");
  GtkEditable *target = kpi_field (f, "on_time_delivery_pct", SC_KPI_FIELD_TARGET);
  ScKpiResult before, after;
  double overall_before, overall_after;

  /* s04 delivered 72.0 % on time in 2025-12: red, score 0 against 95/80 */
  before = score_kpi (f->scorer, f->book, "s05", "on_time_delivery_pct", &overall_before);
  g_assert_cmpfloat (before.target, ==, 95);
  g_assert_cmpfloat (before.score, >, 0);
  g_assert_cmpfloat (before.score, <, 100);

  /* Typed keystroke by keystroke; every valid step applies at once */
  gtk_editable_set_text (target, "9");
  gtk_editable_set_text (target, "97");
  gtk_editable_set_text (target, "97.5");
  g_assert_cmpfloat (sc_kpi_get_target (kpi), ==, 97.5);

  after = score_kpi (f->scorer, f->book, "s05", "on_time_delivery_pct", &overall_after);
  g_assert_cmpfloat (after.target, ==, 97.5);
  g_assert_cmpfloat (after.score, <, before.score);
  g_assert_cmpfloat (overall_after, <, overall_before);

  /* Nothing recorded until the pause; then the keystrokes are one step */
  g_assert_false (sc_undo_stack_get_can_undo (f->undo));
  wait_ms (800);
  g_assert_true (sc_undo_stack_get_can_undo (f->undo));

  g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_cmpfloat (sc_kpi_get_target (kpi), ==, 95);
  g_assert_false (sc_undo_stack_get_can_undo (f->undo));
  g_assert_cmpstr (gtk_editable_get_text (target), ==, "95");
  after = score_kpi (f->scorer, f->book, "s05", "on_time_delivery_pct", NULL);
  g_assert_cmpfloat (after.score, ==, before.score);

  g_assert_true (sc_undo_stack_redo (f->undo));
  g_assert_cmpfloat (sc_kpi_get_target (kpi), ==, 97.5);
  g_assert_cmpstr (gtk_editable_get_text (target), ==, "97.5");

  /* Through the window's own shortcut action too */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.undo", NULL);
  g_assert_cmpfloat (sc_kpi_get_target (kpi), ==, 95);
}

static void
test_editor_edits_commit_per_field (Fixture       *f,
                                    gconstpointer  data)
{
  ScKpi *kpi = sc_workbook_lookup_kpi (f->book, "ppm_defects");

  gtk_editable_set_text (kpi_field (f, "ppm_defects", SC_KPI_FIELD_TARGET), "200");
  sc_kpi_editor_commit (f->editor);
  gtk_editable_set_text (kpi_field (f, "ppm_defects", SC_KPI_FIELD_WARNING), "400");
  gtk_editable_set_text (kpi_field (f, "ppm_defects", SC_KPI_FIELD_NAME), "PPM");
  sc_kpi_editor_commit (f->editor);

  g_assert_cmpstr (sc_undo_stack_get_undo_label (f->undo), ==, "Edit Defective parts per million (PPM)");

  /* Leaving a field ends its edit, without waiting for the pause */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sc_kpi_editor_get_kpi_row (f->editor, "ppm_defects")),
                                 TRUE);
  wait_ms (300);
  gtk_widget_grab_focus (GTK_WIDGET (kpi_field (f, "ppm_defects", SC_KPI_FIELD_CRITICAL)));
  wait_ms (20);
  gtk_editable_set_text (kpi_field (f, "ppm_defects", SC_KPI_FIELD_CRITICAL), "1200");
  gtk_widget_grab_focus (GTK_WIDGET (kpi_field (f, "ppm_defects", SC_KPI_FIELD_NAME)));
  wait_ms (20);
  g_assert_cmpfloat (sc_kpi_get_critical (kpi), ==, 1200);
  g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_cmpfloat (sc_kpi_get_critical (kpi), ==, 1000);

  g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_cmpstr (sc_kpi_get_name (kpi), ==, "Defective parts per million (PPM)");
  g_assert_cmpfloat (sc_kpi_get_warning (kpi), ==, 500);
  g_assert_cmpfloat (sc_kpi_get_target (kpi), ==, 200);
  g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_cmpfloat (sc_kpi_get_target (kpi), ==, 250);
}

static void
test_editor_rejects_invalid_thresholds (Fixture       *f,
                                        gconstpointer  data)
{
  ScKpi *kpi = sc_workbook_lookup_kpi (f->book, "on_time_delivery_pct");
  ScKpiDefinitionRow *row = sc_kpi_editor_get_kpi_row (f->editor, "on_time_delivery_pct");
  GtkEditable *warning = sc_kpi_definition_row_get_field (row, SC_KPI_FIELD_WARNING);
  GtkEditable *critical = sc_kpi_definition_row_get_field (row, SC_KPI_FIELD_CRITICAL);

  /* Higher is better: critical ≤ warning ≤ target */
  gtk_editable_set_text (warning, "96");
  g_assert_cmpfloat (sc_kpi_get_warning (kpi), ==, 90);
  g_assert_true (sc_kpi_definition_row_get_problem (row) & SC_KPI_FIELD_WARNING);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (warning), "error"));
  g_assert_nonnull (strstr (sc_kpi_definition_row_get_message (row), "must not be above the target"));

  gtk_editable_set_text (warning, "85");
  g_assert_cmpfloat (sc_kpi_get_warning (kpi), ==, 85);
  g_assert_cmpint (sc_kpi_definition_row_get_problem (row), ==, SC_KPI_FIELD_NONE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (warning), "error"));

  gtk_editable_set_text (critical, "88");
  g_assert_cmpfloat (sc_kpi_get_critical (kpi), ==, 80);
  g_assert_true (sc_kpi_definition_row_get_problem (row) & SC_KPI_FIELD_CRITICAL);
  g_assert_nonnull (strstr (sc_kpi_definition_row_get_message (row), "critical threshold"));

  gtk_editable_set_text (critical, "eighty");
  g_assert_cmpfloat (sc_kpi_get_critical (kpi), ==, 80);
  g_assert_nonnull (strstr (sc_kpi_definition_row_get_message (row), "is not a number"));

  /* Lower is better turns the order round: 85/80 no longer fit */
  gtk_editable_set_text (critical, "80");
  adw_combo_row_set_selected (sc_kpi_definition_row_get_direction_row (row), SC_DIRECTION_LOWER);
  g_assert_cmpint (sc_kpi_get_direction (kpi), ==, SC_DIRECTION_HIGHER);
  g_assert_nonnull (strstr (sc_kpi_definition_row_get_message (row), "Lower is better"));

  /* A band needs its upper edge */
  adw_combo_row_set_selected (sc_kpi_definition_row_get_direction_row (row), SC_DIRECTION_BAND);
  g_assert_true (sc_kpi_definition_row_get_problem (row) & SC_KPI_FIELD_TARGET_MAX);
  gtk_editable_set_text (sc_kpi_definition_row_get_field (row, SC_KPI_FIELD_TARGET_MAX), "99");
  gtk_editable_set_text (warning, "2");
  gtk_editable_set_text (critical, "5");
  g_assert_cmpint (sc_kpi_get_direction (kpi), ==, SC_DIRECTION_BAND);
  g_assert_cmpfloat (sc_kpi_get_target_max (kpi), ==, 99);
  g_assert_cmpint (sc_kpi_definition_row_get_problem (row), ==, SC_KPI_FIELD_NONE);

  /* An empty name is refused too */
  gtk_editable_set_text (sc_kpi_definition_row_get_field (row, SC_KPI_FIELD_NAME), " ");
  g_assert_cmpstr (sc_kpi_get_name (kpi), ==, "On-time delivery");
  g_assert_true (sc_kpi_definition_row_get_problem (row) & SC_KPI_FIELD_NAME);
}

static void
test_editor_override (Fixture       *f,
                      gconstpointer  data)
{
  ScPartner *partner = sc_workbook_lookup_partner (f->book, "s05");
  ScKpiOverrideRow *row = sc_kpi_editor_get_override_row (f->editor, "on_time_delivery_pct");
  ScKpiOverrideRow *ppm = sc_kpi_editor_get_override_row (f->editor, "ppm_defects");
  ScKpiResult r;
  double target, weight;

  g_assert_nonnull (row);
  g_assert_false (sc_partner_get_override (partner, "on_time_delivery_pct", NULL, NULL));
  g_assert_cmpstr (gtk_editable_get_text (sc_kpi_override_row_get_target (row)), ==, "");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (sc_kpi_override_row_get_reset (row))));

  gtk_editable_set_text (sc_kpi_override_row_get_target (row), "90");
  gtk_editable_set_text (sc_kpi_override_row_get_weight (row), "4");
  g_assert_true (sc_partner_get_override (partner, "on_time_delivery_pct", &target, &weight));
  g_assert_cmpfloat (target, ==, 90);
  g_assert_cmpfloat (weight, ==, 4);
  r = score_kpi (f->scorer, f->book, "s05", "on_time_delivery_pct", NULL);
  g_assert_cmpfloat (r.target, ==, 90);
  g_assert_cmpfloat (r.weight, ==, 4);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (sc_kpi_override_row_get_reset (row))));

  /* An override target on the wrong side of the thresholds is refused */
  gtk_editable_set_text (sc_kpi_override_row_get_target (ppm), "600");
  g_assert_false (sc_partner_get_override (partner, "ppm_defects", NULL, NULL));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ppm), "sc-problem"));
  gtk_editable_set_text (sc_kpi_override_row_get_target (ppm), "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ppm), "sc-problem"));

  g_signal_emit_by_name (sc_kpi_override_row_get_reset (row), "clicked");
  g_assert_false (sc_partner_get_override (partner, "on_time_delivery_pct", NULL, NULL));
  g_assert_cmpstr (gtk_editable_get_text (sc_kpi_override_row_get_target (row)), ==, "");
  r = score_kpi (f->scorer, f->book, "s05", "on_time_delivery_pct", NULL);
  g_assert_cmpfloat (r.target, ==, 95);

  /* Undo brings the override back, then removes it */
  g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_true (sc_partner_get_override (partner, "on_time_delivery_pct", &target, &weight));
  g_assert_cmpfloat (target, ==, 90);
  g_assert_cmpstr (gtk_editable_get_text (sc_kpi_override_row_get_target (row)), ==, "90");
  g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_false (sc_partner_get_override (partner, "on_time_delivery_pct", NULL, NULL));
}

static void
test_editor_shows_existing_override (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  ScKpiEditor *editor = sc_kpi_editor_new (parent, book, NULL, sc_workbook_lookup_partner (book, "s08"));
  ScKpiOverrideRow *row = sc_kpi_editor_get_override_row (editor, "ppm_defects");

  /* Dansk Elektronik Montage: PPM target 100, weight 3 */
  g_assert_cmpstr (gtk_editable_get_text (sc_kpi_override_row_get_target (row)), ==, "100");
  g_assert_cmpstr (gtk_editable_get_text (sc_kpi_override_row_get_weight (row)), ==, "3");

  destroy_window (editor);
  destroy_window (parent);
}

static void
test_editor_adds_from_catalogue (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScKpi) otd = sc_catalogue_lookup ("on_time_delivery_pct");
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  ScKpiEditor *editor;
  GMenuModel *menu;

  sc_workbook_add_kpi (book, otd);
  editor = sc_kpi_editor_new (parent, book, NULL, NULL);
  menu = sc_kpi_editor_get_catalogue_menu (editor);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, sc_catalogue_get_n_kpis () - 1);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-kpi", "s", "ppm_defects");
  g_assert_nonnull (sc_workbook_lookup_kpi (book, "ppm_defects"));
  g_assert_nonnull (sc_kpi_editor_get_kpi_row (editor, "ppm_defects"));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, sc_catalogue_get_n_kpis () - 2);

  destroy_window (editor);
  destroy_window (parent);
}

static void
test_editor_grade_bands (Fixture       *f,
                         gconstpointer  data)
{
  GtkSpinButton *b = sc_kpi_editor_get_band_spin (f->editor, 1);

  g_assert_cmpfloat (gtk_spin_button_get_value (b), ==, 75);
  g_assert_cmpstr (sc_workbook_grade_for_score (f->book, 78), ==, "B");

  gtk_spin_button_set_value (b, 80);
  g_assert_cmpfloat (sc_workbook_get_grade_band (f->book, 1)->min_score, ==, 80);
  g_assert_cmpstr (sc_workbook_grade_for_score (f->book, 78), ==, "C");

  /* B's minimum must stay below A's */
  gtk_spin_button_set_value (b, 92);
  g_assert_cmpfloat (sc_workbook_get_grade_band (f->book, 1)->min_score, ==, 80);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (sc_kpi_editor_get_band_row (f->editor, 1)),
                                           "sc-problem"));

  gtk_spin_button_set_value (b, 80);
  sc_kpi_editor_commit (f->editor);
  g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_cmpfloat (sc_workbook_get_grade_band (f->book, 1)->min_score, ==, 75);
  g_assert_cmpfloat (gtk_spin_button_get_value (b), ==, 75);

  gtk_spin_button_set_value (sc_kpi_editor_get_band_spin (f->editor, 0), 95);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.restore-grade-bands", NULL);
  g_assert_cmpfloat (sc_workbook_get_grade_band (f->book, 0)->min_score, ==, 90);
}

static void
test_editor_trend_periods (Fixture       *f,
                           gconstpointer  data)
{
  g_assert_cmpuint (sc_workbook_get_trend_periods (f->book), ==, 6);
  gtk_spin_button_set_value (sc_kpi_editor_get_trend_spin (f->editor), 12);
  g_assert_cmpuint (sc_workbook_get_trend_periods (f->book), ==, 12);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.undo", NULL);
  g_assert_cmpuint (sc_workbook_get_trend_periods (f->book), ==, 6);
  g_assert_cmpfloat (gtk_spin_button_get_value (sc_kpi_editor_get_trend_spin (f->editor)), ==, 6);
}

/* A standing's recommended action, typed, is the workbook's; undo */
static void
test_editor_standing_action (Fixture       *f,
                             gconstpointer  data)
{
  GtkEditable *d = sc_kpi_editor_get_action_row (f->editor, 3);

  g_assert_cmpstr (gtk_editable_get_text (d), ==, "No new RFQs");
  gtk_editable_set_text (d, "Stop new orders");
  g_assert_cmpstr (sc_workbook_get_grade_band (f->book, 3)->action, ==, "Stop new orders");
  /* The rest of the standing stays */
  g_assert_cmpstr (sc_workbook_get_grade_band (f->book, 3)->symbol, ==, "✗");
  g_assert_cmpfloat (sc_workbook_get_grade_band (f->book, 2)->min_score, ==, 60);
  sc_kpi_editor_commit (f->editor);
  g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_cmpstr (sc_workbook_get_grade_band (f->book, 3)->action, ==, "No new RFQs");
  g_assert_cmpstr (gtk_editable_get_text (d), ==, "No new RFQs");

  gtk_spin_button_set_value (sc_kpi_editor_get_watch_spin (f->editor), 4);
  g_assert_cmpuint (sc_workbook_get_watch_periods (f->book), ==, 4);
}

/* The Scorecards page: a group added, named, matched by tags, with a KPI
 * left out and a target of its own; the editor says which scorecard it
 * edits; undo takes it all back.
 */
static void
test_editor_scorecard_groups (Fixture       *f,
                              gconstpointer  data)
{
  ScScorecardGroupsPage *page = sc_kpi_editor_get_groups_page (f->editor);
  ScPartner *ningbo = sc_workbook_lookup_partner (f->book, "s12");
  ScScorecardGroup *group;
  GtkSwitch *audit;
  ScGroupKpi kpi;
  double before, after;

  g_assert_nonnull (page);
  g_assert_cmpuint (sc_scorecard_groups_page_get_selected (page), ==, 0);
  g_assert_nonnull (strstr (sc_scorecard_groups_page_get_editing_text (page), "default scorecard"));
  score_kpi (f->scorer, f->book, "s12", "ppm_defects", &before);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->editor), "scorecards");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scorecards.add", NULL));
  g_assert_cmpuint (sc_workbook_get_n_scorecard_groups (f->book), ==, 1);
  g_assert_cmpuint (sc_scorecard_groups_page_get_selected (page), ==, 1);

  gtk_editable_set_text (sc_scorecard_groups_page_get_name_row (page), "Castings");
  g_assert_cmpstr (sc_scorecard_groups_page_get_editing_text (page), ==, "Editing the Castings scorecard");
  gtk_editable_set_text (sc_scorecard_groups_page_get_tags_row (page),
                         "commodity=Iron castings; commodity=Investment castings");
  group = sc_workbook_get_scorecard_group (f->book, 0);
  g_assert_cmpstr (sc_scorecard_group_get_name (group), ==, "Castings");
  g_assert_cmpuint (sc_scorecard_group_get_n_tags (group), ==, 2);
  g_assert_true (sc_workbook_scorecard_group_for_partner (f->book, ningbo) == group);

  /* A tag without "=" is refused: the row says so, the group keeps no tag of it */
  gtk_editable_set_text (sc_scorecard_groups_page_get_tags_row (page), "castings");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (sc_scorecard_groups_page_get_tags_row (page)), "error"));
  g_assert_cmpuint (sc_scorecard_group_get_n_tags (group), ==, 0);
  gtk_editable_set_text (sc_scorecard_groups_page_get_tags_row (page),
                         "commodity=Iron castings; commodity=Investment castings");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (sc_scorecard_groups_page_get_tags_row (page)), "error"));
  g_assert_cmpuint (sc_scorecard_group_get_n_tags (group), ==, 2);

  gtk_editable_set_text (sc_scorecard_groups_page_get_kpi_entry (page, "ppm_defects", FALSE), "10");
  g_assert_true (sc_scorecard_group_get_kpi (group, "ppm_defects", &kpi));
  g_assert_cmpfloat (kpi.target, ==, 10);
  g_assert_cmpfloat (score_kpi (f->scorer, f->book, "s12", "ppm_defects", &after).target, ==, 10);
  g_assert_cmpfloat (after, <, before);

  audit = sc_scorecard_groups_page_get_kpi_switch (page, "audit_findings_count");
  g_assert_true (gtk_switch_get_active (audit));
  gtk_switch_set_active (audit, FALSE);
  g_assert_false (sc_scorecard_group_includes_kpi (group, "audit_findings_count"));
  g_assert_true (sc_scorecard_group_includes_kpi (group, "ppm_defects"));

  sc_test_save_screenshot (GTK_WIDGET (f->editor), "kpi-editor-scorecards.png");

  /* A second group, moved before the first: it wins where both match by tag */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scorecards.add", NULL));
  gtk_editable_set_text (sc_scorecard_groups_page_get_name_row (page), "Asia");
  gtk_editable_set_text (sc_scorecard_groups_page_get_tags_row (page), "commodity=Iron castings");
  g_assert_true (sc_workbook_scorecard_group_for_partner (f->book, ningbo) == group);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scorecards.move-up", NULL));
  g_assert_cmpuint (sc_scorecard_groups_page_get_selected (page), ==, 1);
  g_assert_cmpstr (sc_scorecard_group_get_name (sc_workbook_scorecard_group_for_partner (f->book, ningbo)),
                   ==, "Asia");

  /* Back to the default scorecard */
  sc_kpi_editor_commit (f->editor);
  while (sc_workbook_get_n_scorecard_groups (f->book) > 0)
    g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_cmpuint (sc_scorecard_groups_page_get_selected (page), ==, 0);
  score_kpi (f->scorer, f->book, "s12", "ppm_defects", &after);
  g_assert_cmpfloat (after, ==, before);
}

static void
test_editor_screenshot (Fixture       *f,
                        gconstpointer  data)
{
  ScKpiDefinitionRow *row = sc_kpi_editor_get_kpi_row (f->editor, "ppm_defects");

  gtk_window_set_default_size (GTK_WINDOW (f->editor), 760, 900);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_editable_set_text (sc_kpi_definition_row_get_field (row, SC_KPI_FIELD_WARNING), "200");
  sc_test_save_screenshot (GTK_WIDGET (f->editor), "kpi-editor.png");

  gtk_editable_set_text (sc_kpi_definition_row_get_field (row, SC_KPI_FIELD_WARNING), "500");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->editor), "overrides");
  sc_test_save_screenshot (GTK_WIDGET (f->editor), "kpi-editor-overrides.png");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->editor), "grades");
  sc_test_save_screenshot (GTK_WIDGET (f->editor), "kpi-editor-grades.png");
}

/* A KPI's name in a report language: typed in its row, kept in the KPI,
 * one undo step; empty again, the catalogue's translation serves.
 */
static void
test_editor_name_in_language (Fixture       *f,
                              gconstpointer  data)
{
  ScKpiDefinitionRow *row = sc_kpi_editor_get_kpi_row (f->editor, "ppm_defects");
  ScKpi *kpi = sc_kpi_definition_row_get_kpi (row);
  GtkEditable *french = sc_kpi_definition_row_get_name_field (row, "fr");
  GtkEditable *german = sc_kpi_definition_row_get_name_field (row, "de");

  g_assert_nonnull (french);
  g_assert_nonnull (german);
  g_assert_null (sc_kpi_definition_row_get_name_field (row, "en"));
  g_assert_cmpstr (gtk_editable_get_text (french), ==, "");

  gtk_editable_set_text (french, "PPM fournisseur");
  g_assert_cmpstr (sc_kpi_get_translated_name (kpi, "fr"), ==, "PPM fournisseur");
  g_assert_cmpstr (sc_kpi_get_name_in (kpi, sc_language_get ("fr", NULL)), ==, "PPM fournisseur");
  g_assert_cmpstr (sc_kpi_get_name_in (kpi, sc_language_get ("de", NULL)), ==,
                   "Fehlerhafte Teile pro Million (PPM)");
  sc_kpi_editor_commit (f->editor);

  g_assert_true (sc_undo_stack_undo (f->undo));
  sc_test_settle ();
  g_assert_null (sc_kpi_get_translated_name (kpi, "fr"));
  g_assert_cmpstr (gtk_editable_get_text (french), ==, "");
  g_assert_cmpstr (sc_kpi_get_name_in (kpi, sc_language_get ("fr", NULL)), ==,
                   "Pièces défectueuses par million (PPM)");
}

/* The score explainer */

static void
test_explainer_rows (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  ScRollup rollup = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  g_autoptr(ScPartnerResult) result =
    sc_scorer_score_partner (scorer, sc_workbook_lookup_partner (book, "s07"), &rollup);
  GtkWidget *window = gtk_window_new ();
  ScScoreExplainer *explainer = SC_SCORE_EXPLAINER (sc_score_explainer_new ());
  double shares = 0, points = 0, lost = G_MAXDOUBLE;
  gboolean no_data = FALSE;
  guint n;

  /* As in the popover it lives in */
  gtk_widget_set_margin_start (GTK_WIDGET (explainer), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (explainer), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (explainer), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (explainer), 12);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (explainer));
  sc_score_explainer_set_result (explainer, result);
  n = sc_score_explainer_get_n_rows (explainer);
  g_assert_cmpuint (n, ==, result->kpis->len);

  for (guint i = 0; i < n; i++)
    {
      const ScExplainerRow *r = sc_score_explainer_get_row (explainer, i);

      g_assert_cmpstr (sc_score_explainer_get_cell_text (explainer, i, 0), ==, sc_kpi_get_name (r->kpi));
      if (!r->counted)
        {
          no_data = no_data || isnan (r->score);
          if (isnan (r->score))
            g_assert_cmpstr (sc_score_explainer_get_cell_text (explainer, i, 3), ==,
                             "No data — not counted");
          continue;
        }
      /* Counted KPIs come first, the most points lost first */
      g_assert_false (no_data);
      g_assert_cmpfloat (r->lost, <=, lost);
      g_assert_cmpfloat_with_epsilon (r->lost, r->share * (100 - r->score), 1e-9);
      lost = r->lost;
      shares += r->share;
      points += r->contribution;
    }

  /* s07 has no audit in 2025-12: that KPI is listed, not counted */
  g_assert_true (no_data);
  g_assert_cmpfloat_with_epsilon (shares, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (points, result->score, 0.01);
  /* Scrap rate is red at 5.54 % and among the costliest */
  g_assert_cmpstr (sc_kpi_get_id (sc_score_explainer_get_row (explainer, 0)->kpi), !=, "audit_findings_count");

  gtk_window_present (GTK_WINDOW (window));
  sc_test_save_screenshot (window, "explain-score.png");

  sc_score_explainer_set_result (explainer, NULL);
  g_assert_cmpuint (sc_score_explainer_get_n_rows (explainer), ==, 0);
  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  sc_test_ui_init (&argc, &argv);

#define ADD(path, partner, func) \
  g_test_add (path, Fixture, partner, fixture_set_up, func, fixture_tear_down)
  ADD ("/kpi-editor/lists-kpis", NULL, test_editor_lists_kpis);
  ADD ("/kpi-editor/target-undo-redo", NULL, test_editor_target_undo_redo);
  ADD ("/kpi-editor/commit-per-field", NULL, test_editor_edits_commit_per_field);
  ADD ("/kpi-editor/invalid-thresholds", NULL, test_editor_rejects_invalid_thresholds);
  ADD ("/kpi-editor/override", "s05", test_editor_override);
  ADD ("/kpi-editor/grade-bands", NULL, test_editor_grade_bands);
  ADD ("/kpi-editor/trend-periods", NULL, test_editor_trend_periods);
  ADD ("/kpi-editor/standing-action", NULL, test_editor_standing_action);
  ADD ("/kpi-editor/scorecard-groups", NULL, test_editor_scorecard_groups);
  ADD ("/kpi-editor/screenshot", "s08", test_editor_screenshot);
  ADD ("/kpi-editor/name-in-language", NULL, test_editor_name_in_language);
#undef ADD
  g_test_add_func ("/kpi-editor/existing-override", test_editor_shows_existing_override);
  g_test_add_func ("/kpi-editor/add-from-catalogue", test_editor_adds_from_catalogue);
  g_test_add_func ("/score-explainer/rows", test_explainer_rows);

  return g_test_run ();
}
