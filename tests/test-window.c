/* test-window.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window under Xvfb, driven as a user would: open the sample, find the
 * partners in the sidebar, select one and read its KPIs, search, filter and
 * sort, change the view, edit, undo, save, recover after a crash, close
 * with unsaved changes. "Export as Excel…" is in test-window-export.c.
 * With SC_SCREENSHOT_DIR set, it also saves PNG screenshots there.
 *
 * The windows have no GtkApplication: registering one wants a D-Bus session
 * bus, which a bare CI machine does not have.
 */

#include "config.h"

#include "sc-test-book.h"
#include "sc-test-ui.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "sc-application.h"
#include "sc-catalogue.h"
#include "sc-chart-data.h"
#include "sc-chart-widget.h"
#include "sc-compare-page-private.h"
#include "sc-import-assistant.h"
#include "sc-import-assistant-private.h"
#include "sc-issue-editor.h"
#include "sc-issue-editor-private.h"
#include "sc-issue-row.h"
#include "sc-partner-row.h"
#include "sc-preferences-window.h"
#include "sc-score-explainer.h"
#include "sc-scorer.h"
#include "sc-score-explainer-private.h"
#include "sc-tooltip.h"
#include "sc-window.h"
#include "sc-window-private.h"
#include "sc-workbook-io.h"

/* The partner with @name in the sidebar, or G_MAXUINT. */
static guint
find_partner (GListModel *model,
              const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (model, i);

      if (g_strcmp0 (sc_partner_get_name (partner), name) == 0)
        return i;
    }

  return G_MAXUINT;
}

/* The label showing exactly @text under @widget, or NULL. */
static GtkLabel *
find_label_with_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label_with_text (child, text);

      if (label)
        return label;
    }

  return NULL;
}

/* The row of the KPI table for @kpi_name; its value is on screen too. */
static ScKpiItem *
kpi_row (ScWindow   *window,
         const char *kpi_name)
{
  ScKpiTable *table = sc_window_get_kpi_table (window);
  ScKpiItem *item = sc_kpi_table_find (table, kpi_name);

  g_assert_nonnull (item);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (table), sc_kpi_item_get_name (item)));
  return item;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* The widgets of @type inside @widget, at any depth. */
static guint
count_descendants (GtkWidget *widget,
                   GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n += (G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? 1 : 0) + count_descendants (child, type);

  return n;
}

/* The first @type below @widget whose tooltip starts with @prefix */
static GtkWidget *
find_with_tooltip (GtkWidget  *widget,
                   GType       type,
                   const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && sc_tooltip_get_text (child) &&
          g_str_has_prefix (sc_tooltip_get_text (child), prefix))
        return child;
      if ((found = find_with_tooltip (child, type, prefix)))
        return found;
    }

  return NULL;
}

static gboolean
has_charts (ScWindow *window)
{
  return count_children (GTK_WIDGET (sc_window_get_chart_grid (window))) >= 12;
}

static void
test_open_sample (void)
{
  g_autofree char *path = sc_test_sample_path ();
  ScWindow *window = sc_test_open_window (path);
  GtkSelectionModel *selection;
  g_autoptr(ScKpiItem) first = NULL;
  ScKpiItem *row;
  GtkLabel *status;
  guint position;

  sc_test_wait_until (sc_test_has_workbook, window);
  g_assert_cmpstr (sc_window_get_visible_page (window), ==, "book");

  selection = sc_window_get_partner_selection (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 27);
  g_assert_cmpuint (find_partner (G_LIST_MODEL (selection), "Müller Drehteile GmbH"), !=, G_MAXUINT);
  g_assert_cmpuint (find_partner (G_LIST_MODEL (selection), "Isar Fahrzeugbau AG"), !=, G_MAXUINT);
  sc_test_save_screenshot (GTK_WIDGET (window), "window.png");

  position = find_partner (G_LIST_MODEL (selection), "Fonderia Valle Trompia S.r.l.");
  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_selection_model_select_item (selection, position, TRUE);
  sc_test_settle ();

  g_assert_cmpstr (sc_window_get_partner_title (window), ==, "Fonderia Valle Trompia S.r.l.");
  g_assert_cmpuint (g_list_model_get_n_items (sc_kpi_table_get_items (sc_window_get_kpi_table (window))), >=, 12);

  /* Scrap reached 5.54 % in Dec 2025 (docs/sample-data.md): critical */
  row = kpi_row (window, "Scrap rate");
  g_assert_cmpstr (sc_kpi_item_get_status_text (row), ==, "◆ Critical");
  g_assert_cmpstr (sc_kpi_item_get_value_text (row), ==, "5.54 %");
  status = find_label_with_text (GTK_WIDGET (sc_window_get_kpi_table (window)), "◆ Critical");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "status-red"));

  /* The sidebar row says how many KPIs are red, in its tooltip too */
  {
    GtkWidget *partner_row = find_with_tooltip (GTK_WIDGET (window), SC_TYPE_PARTNER_ROW,
                                                "Fonderia Valle Trompia S.r.l.");

    g_assert_nonnull (partner_row);
    g_assert_true (gtk_widget_get_has_tooltip (partner_row));
    g_assert_nonnull (strstr (sc_tooltip_get_text (partner_row), "◆ 6 red"));
    g_assert_nonnull (strstr (sc_tooltip_get_text (partner_row), "2 open issues"));
    g_assert_cmpstr (sc_partner_row_get_grade_text (SC_PARTNER_ROW (partner_row)), ==, "D");

    /* Closing one of its issues: the row counts one */
    {
      GListModel *issues = sc_workbook_get_issues (sc_window_get_workbook (window));

      for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
        {
          g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

          if (g_strcmp0 (sc_issue_get_partner_id (issue), "s07") == 0 &&
              sc_issue_get_status (issue) <= SC_ISSUE_IN_PROGRESS)
            {
              sc_issue_set_status (issue, SC_ISSUE_CLOSED);
              break;
            }
        }
      sc_test_settle ();
      partner_row = find_with_tooltip (GTK_WIDGET (window), SC_TYPE_PARTNER_ROW, "Fonderia Valle Trompia S.r.l.");
      g_assert_nonnull (strstr (sc_tooltip_get_text (partner_row), "1 open issue"));
      g_assert_null (strstr (sc_tooltip_get_text (partner_row), "1 open issues"));
    }
  }

  /* "Overall score — why?" makes its explanation when opened: one row per
   * KPI of the partner shown
   */
  {
    GtkLabel *caption = find_label_with_text (GTK_WIDGET (window), "Overall score — why?");
    GtkWidget *button = gtk_widget_get_ancestor (GTK_WIDGET (caption), GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover;

    g_assert_nonnull (button);
    g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    sc_test_settle ();
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    g_assert_nonnull (popover);
    g_assert_true (SC_IS_SCORE_EXPLAINER (gtk_popover_get_child (popover)));
    g_assert_cmpuint (sc_score_explainer_get_n_rows (SC_SCORE_EXPLAINER (gtk_popover_get_child (popover))), ==,
                      g_list_model_get_n_items (sc_kpi_table_get_items (sc_window_get_kpi_table (window))));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    sc_test_settle ();
  }

  /* The main menu is made when first opened, with every entry */
  g_assert_null (gtk_menu_button_get_menu_model (window->sidebar_menu_button));
  gtk_menu_button_popup (window->sidebar_menu_button);
  sc_test_settle ();
  g_assert_true (gtk_menu_button_get_menu_model (window->sidebar_menu_button) == window->primary_menu);
  g_assert_nonnull (gtk_menu_button_get_popover (window->sidebar_menu_button));
  g_assert_cmpint (g_menu_model_get_n_items (window->primary_menu), >=, 3);
  gtk_menu_button_popdown (window->sidebar_menu_button);
  sc_test_settle ();

  /* Sorted by status, the worst comes first */
  sc_kpi_table_sort_by (sc_window_get_kpi_table (window), SC_KPI_COLUMN_STATUS, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (sc_kpi_table_get_items (sc_window_get_kpi_table (window)), 0);
  g_assert_cmpint (sc_kpi_item_get_status (first), ==, SC_STATUS_RED);
  sc_test_save_screenshot (GTK_WIDGET (window), "scorecard-red-supplier.png");

  /* A trend chart per KPI, made just after the table (in a low-priority
   * idle, which a loaded machine may run later than the settling time)
   */
  sc_test_wait_until (has_charts, window);
  g_assert_cmpuint (count_children (GTK_WIDGET (sc_window_get_chart_grid (window))), >=, 12);

  /* The other pages: compare and issues */
  adw_view_stack_set_visible_child_name (sc_window_get_view_stack (window), "compare");
  sc_test_save_screenshot (GTK_WIDGET (window), "compare.png");
  /* The Issues page is made when first shown, and then lists the issues */
  g_assert_null (window->issues_page);
  adw_view_stack_set_visible_child_name (sc_window_get_view_stack (window), "issues");
  sc_test_settle ();
  g_assert_cmpuint (count_descendants (GTK_WIDGET (window->issues_page), SC_TYPE_ISSUE_ROW), >=, 5);
  sc_test_save_screenshot (GTK_WIDGET (window), "issues.png");
  adw_view_stack_set_visible_child_name (sc_window_get_view_stack (window), "scorecard");
  if (g_getenv ("SC_SCREENSHOT_DIR"))
    {
      GtkWidget *grid = GTK_WIDGET (sc_window_get_chart_grid (window));
      GtkWidget *scroller = gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      graphene_point_t point;

      g_assert_true (gtk_widget_compute_point (grid, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (adjustment, point.y - 40);
      sc_test_save_screenshot (GTK_WIDGET (window), "scorecard-charts.png");
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      sc_test_save_screenshot (GTK_WIDGET (window), "scorecard-radar.png");
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_and_filter (void)
{
  g_autofree char *path = sc_test_sample_path ();
  ScWindow *window = sc_test_open_window (path);
  GListModel *model;

  sc_test_wait_until (sc_test_has_workbook, window);
  model = G_LIST_MODEL (sc_window_get_partner_selection (window));

  sc_window_set_search_text (window, "fonderia");
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Tags are searched too: three suppliers of castings */
  sc_window_set_search_text (window, "castings");
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  sc_window_set_search_text (window, "");
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 27);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sidebar.partner-filter", "s", "customer"));
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);

  /* Six of the customers are OEMs */
  sc_window_set_search_text (window, "oem");
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sidebar.partner-filter", "s", "supplier"));
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sidebar.partner-filter", "s", "all"));
  sc_window_set_search_text (window, "");
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 19 + 8);

  /* The tag filter: the suppliers in the Powertrain segment */
  sc_window_set_tag (window, "segment", "Powertrain");
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  sc_window_set_tag (window, NULL, NULL);
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 27);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_broken_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sc-test-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.scorecard", NULL);
  ScWindow *window;

  g_assert_true (g_file_set_contents (path, "{ \"format\": \"scorecards\", \"version\": 1, \"kpis\": [", -1, NULL));
  window = sc_test_open_window (path);
  sc_test_settle ();
  sc_test_settle ();

  /* Nothing opened, the window still invites opening a workbook */
  g_assert_null (sc_window_get_workbook (window));
  g_assert_cmpstr (sc_window_get_visible_page (window), ==, "empty");
  sc_test_save_screenshot (GTK_WIDGET (window), "empty-with-error.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
is_modified (ScWindow *window)
{
  return sc_window_get_workbook (window) && sc_workbook_get_modified (sc_window_get_workbook (window));
}

static void
select_partner (ScWindow   *window,
                const char *name)
{
  GtkSelectionModel *selection = sc_window_get_partner_selection (window);
  guint position = find_partner (G_LIST_MODEL (selection), name);

  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_selection_model_select_item (selection, position, TRUE);
  sc_test_settle ();
}

static const char *
kpi_value (ScWindow   *window,
           const char *kpi_name)
{
  return sc_kpi_item_get_value_text (kpi_row (window, kpi_name));
}

/* Scrolls the scorecard so that its trend charts show. */
static void
scroll_to_charts (ScWindow *window)
{
  GtkWidget *grid = GTK_WIDGET (sc_window_get_chart_grid (window));
  GtkWidget *scroller = gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  sc_test_settle ();
  g_assert_true (gtk_widget_compute_point (grid, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 40);
}

static void
test_sort (void)
{
  g_autofree char *path = sc_test_sample_path ();
  ScWindow *window = sc_test_open_window (path);
  GListModel *model;
  g_autoptr(ScPartner) first = NULL;

  sc_test_wait_until (sc_test_has_workbook, window);
  model = G_LIST_MODEL (sc_window_get_partner_selection (window));

  /* Lowest score first: the foundry whose quality collapsed (45.2 in Dec 2025) */
  sc_window_set_sort (window, 1);
  sc_test_settle ();
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (sc_partner_get_name (first), ==, "Fonderia Valle Trompia S.r.l.");
  g_clear_object (&first);

  /* Highest first: several at 100, then by name */
  sc_window_set_sort (window, 2);
  sc_test_settle ();
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (sc_partner_get_name (first), ==, "Fjord Marine Propulsion AS");

  /* By trend, then by change: the sidebar computes them only now, and the
   * order follows what the scorer says of each partner
   */
  for (guint sort = 3; sort <= 4; sort++)
    {
      ScWorkbook *book = sc_window_get_workbook (window);
      g_autoptr(ScScorer) scorer = sc_scorer_new (book);
      ScRollup rollup = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
      double previous = -G_MAXDOUBLE;
      guint n_numbers = 0;

      sc_window_set_sort (window, sort);
      sc_test_settle ();
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(ScPartner) partner = g_list_model_get_item (model, i);
          g_autoptr(ScPartnerResult) result = sc_scorer_score_partner (scorer, partner, &rollup);
          double key = sort == 3 ? result->slope : result->change;

          if (isnan (key))
            {
              previous = G_MAXDOUBLE;   /* no data last */
              continue;
            }
          g_assert_cmpfloat (key, >=, previous);
          previous = key;
          n_numbers++;
        }
      g_assert_cmpuint (n_numbers, >=, 20);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_view (void)
{
  g_autofree char *path = sc_test_sample_path ();
  ScWindow *window = sc_test_open_window (path);
  ScRollup quarter;
  ScWorkbook *book;

  sc_test_wait_until (sc_test_has_workbook, window);
  book = sc_window_get_workbook (window);
  select_partner (window, "Precision Hydraulics & Fluid Power Components Ltd.");

  /* Dec 2025: PPM has recovered */
  g_assert_cmpstr (kpi_value (window, "Defective parts per million (PPM)"), ==, "260 ppm");

  /* Q2 2025: the ratio of the quarter's defects to its received parts */
  g_assert_true (sc_rollup_parse ("2025-Q2", sc_workbook_get_granularity (book), &quarter));
  sc_window_set_rollup (window, &quarter);
  sc_test_settle ();
  g_assert_cmpstr (kpi_value (window, "Defective parts per million (PPM)"), ==, "3808 ppm");
  sc_test_save_screenshot (GTK_WIDGET (window), "quarter-view.png");
  scroll_to_charts (window);
  sc_test_save_screenshot (GTK_WIDGET (window), "quarter-trends.png");

  /* The Compare page follows the view too: its ranking is of Q2 2025 */
  adw_view_stack_set_visible_child_name (sc_window_get_view_stack (window), "compare");
  sc_test_settle ();
  {
    ScChart *chart = sc_chart_widget_get_chart (sc_compare_page_get_ranking (window->compare_page));
    const ScChartRankingData *ranking = sc_chart_get_data (chart);
    g_autoptr(ScScorer) scorer = sc_scorer_new (book);
    gboolean found = FALSE;

    g_assert_nonnull (strstr (ranking->subtitle, "Q2 2025"));
    for (guint i = 0; i < ranking->n_items; i++)
      {
        g_autoptr(ScPartnerResult) result = sc_scorer_score_partner (scorer, ranking->items[i].partner, &quarter);

        if (isnan (result->score))
          g_assert_true (isnan (ranking->items[i].score));
        else
          g_assert_cmpfloat_with_epsilon (ranking->items[i].score, result->score, 1e-9);
        if (ranking->items[i].highlight)
          {
            g_assert_cmpstr (sc_partner_get_name (ranking->items[i].partner), ==,
                             "Precision Hydraulics & Fluid Power Components Ltd.");
            found = TRUE;
          }
      }
    g_assert_true (found);

    /* Another supplier: the same chart, the highlight moved */
    select_partner (window, "Fonderia Valle Trompia S.r.l.");
    g_assert_true (sc_chart_widget_get_chart (sc_compare_page_get_ranking (window->compare_page)) == chart);
    for (guint i = 0; i < ranking->n_items; i++)
      g_assert_cmpint (ranking->items[i].highlight, ==,
                       g_str_equal (sc_partner_get_name (ranking->items[i].partner), "Fonderia Valle Trompia S.r.l."));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  ScKpi *kpi;
  double before;
  double after;
} TargetEdit;

static void
undo_target (gpointer data)
{
  TargetEdit *edit = data;
  sc_kpi_set_target (edit->kpi, edit->before);
}

static void
redo_target (gpointer data)
{
  TargetEdit *edit = data;
  sc_kpi_set_target (edit->kpi, edit->after);
}

/* Edits a KPI's target the way the KPI editor does: apply, then push. */
static void
edit_target (ScWindow   *window,
             const char *kpi_id,
             double      target)
{
  ScKpi *kpi = sc_workbook_lookup_kpi (sc_window_get_workbook (window), kpi_id);
  TargetEdit *edit = g_new0 (TargetEdit, 1);

  edit->kpi = kpi;
  edit->before = sc_kpi_get_target (kpi);
  edit->after = target;
  sc_kpi_set_target (kpi, target);
  sc_undo_stack_push (sc_window_get_undo_stack (window), "Edit target", undo_target, redo_target,
                      edit, g_free);
}

static char *
copy_sample (const char *dir)
{
  g_autofree char *path = sc_test_sample_path ();
  g_autofree char *contents = NULL;
  char *copy = g_build_filename (dir, "book.scorecard", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  return copy;
}

static void
test_edit_undo_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sc-test-window-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScWorkbook) reloaded = NULL;
  ScWindow *window = sc_test_open_window (path);
  ScWorkbook *book;

  sc_test_wait_until (sc_test_has_workbook, window);
  book = sc_window_get_workbook (window);
  g_assert_false (is_modified (window));
  select_partner (window, "Officine Meccaniche Bergamasche S.p.A.");
  g_assert_cmpint (sc_kpi_item_get_status (kpi_row (window, "On-time delivery")), ==, SC_STATUS_RED);

  /* A target of 70 % makes its 72 % delivery performance green */
  edit_target (window, "on_time_delivery_pct", 70);
  sc_test_settle ();
  g_assert_true (is_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_cmpint (sc_kpi_item_get_status (kpi_row (window, "On-time delivery")), ==, SC_STATUS_GREEN);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  sc_test_settle ();
  g_assert_cmpfloat (sc_kpi_get_target (sc_workbook_lookup_kpi (book, "on_time_delivery_pct")), ==, 95);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  sc_test_settle ();
  g_assert_cmpfloat (sc_kpi_get_target (sc_workbook_lookup_kpi (book, "on_time_delivery_pct")), ==, 70);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  sc_test_settle ();
  g_assert_false (is_modified (window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  reloaded = sc_workbook_load_from_file (file, NULL, NULL);
  g_assert_nonnull (reloaded);
  g_assert_cmpfloat (sc_kpi_get_target (sc_workbook_lookup_kpi (reloaded, "on_time_delivery_pct")), ==, 70);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
is_book_view (ScWindow *window)
{
  return g_strcmp0 (sc_window_get_visible_page (window), "book") == 0 && is_modified (window);
}

static void
test_recovery (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sc-test-window-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir);
  g_autoptr(GPtrArray) files = NULL;
  ScWindow *window = sc_test_open_window (path);
  ScWindow *recovered;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  sc_test_wait_until (sc_test_has_workbook, window);
  edit_target (window, "ppm_defects", 150);
  g_assert_true (_sc_window_autosave_now (window));

  /* The "crash": the window goes away without saving */
  files = sc_window_list_recovery_files ();
  g_assert_cmpuint (files->len, ==, 1);
  
  recovered = sc_window_new (NULL);
  gtk_window_present (GTK_WINDOW (recovered));
  sc_window_open_recovered (recovered, g_ptr_array_index (files, 0));
  sc_test_wait_until (is_book_view, recovered);
  g_assert_true (g_file_equal (sc_window_get_file (recovered), file));
  g_assert_cmpfloat (sc_kpi_get_target (sc_workbook_lookup_kpi (sc_window_get_workbook (recovered),
                                                                "ppm_defects")), ==, 150);

  /* Saving the recovered work removes the recovery copy */
  g_assert_true (sc_window_save_to (recovered, file, NULL));
  g_clear_pointer (&files, g_ptr_array_unref);
  files = sc_window_list_recovery_files ();
  g_assert_cmpuint (files->len, ==, 0);

  sc_workbook_set_modified (sc_window_get_workbook (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (recovered));
  g_unlink (path);
  g_rmdir (dir);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }

  return NULL;
}

static void
test_close_unsaved (void)
{
  g_autofree char *path = sc_test_sample_path ();
  ScWindow *window = sc_test_open_window (path);
  AdwMessageDialog *dialog;

  sc_test_wait_until (sc_test_has_workbook, window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  edit_target (window, "scrap_rate_pct", 2);
  sc_test_settle ();

  /* Closing asks first, and Cancel keeps the window and its changes */
  gtk_window_close (GTK_WINDOW (window));
  sc_test_settle ();
  g_assert_nonnull (window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  sc_test_save_screenshot (GTK_WIDGET (dialog), "close-unsaved.png");
  adw_message_dialog_response (dialog, "cancel");
  sc_test_settle ();
  g_assert_nonnull (window);
  g_assert_true (is_modified (window));

  /* Discard closes it */
  gtk_window_close (GTK_WINDOW (window));
  sc_test_settle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  sc_test_settle ();
  g_assert_null (window);
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return GTK_WINDOW (item);
    }

  return NULL;
}

/* A KPI the file invented, without a target: its row says "□ No target"
 * in words and symbol, its target "Not set", and it is out of the score.
 */
static void
test_no_target (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "de-new-kpi-scrap-cost.csv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("sc-test-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "no-target.scorecard", NULL);
  g_autoptr(GFile) data = g_file_new_for_path (csv);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;
  GtkSelectionModel *selection;
  ScWindow *window;
  ScKpiItem *row;
  GtkLabel *status;

  g_assert_true (sc_import_add_file (import, data, NULL, &error));
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_true (sc_workbook_save_to_file (book, out, NULL, &error));
  g_assert_no_error (error);

  window = sc_test_open_window (path);
  sc_test_wait_until (sc_test_has_workbook, window);
  selection = sc_window_get_partner_selection (window);
  gtk_selection_model_select_item (selection, find_partner (G_LIST_MODEL (selection), "Schäfer Gusswerk KG"), TRUE);
  sc_test_settle ();

  row = kpi_row (window, "Ausschusskosten EUR");
  g_assert_cmpint (sc_kpi_item_get_status (row), ==, SC_STATUS_NO_TARGET);
  g_assert_cmpstr (sc_kpi_item_get_status_text (row), ==, "□ No target");
  g_assert_cmpstr (sc_kpi_item_get_target_text (row), ==, "Not set");
  status = find_label_with_text (GTK_WIDGET (sc_window_get_kpi_table (window)), "□ No target");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "status-none"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (sc_window_get_kpi_table (window)), "Not set"));
  /* On-time delivery alone makes the score: 95.5 % against 95 % */
  g_assert_cmpfloat (sc_score_partner_period (sc_window_get_workbook (window),
                                              sc_test_find_partner (sc_window_get_workbook (window),
                                                                    "Schäfer Gusswerk KG"),
                                              sc_workbook_get_first_period (book) + 2), ==, 100);
  sc_test_save_screenshot (GTK_WIDGET (window), "window-no-target.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* A data file dropped or named on the command line opens the import
 * assistant; a workbook opens as a workbook.
 */
static void
test_open_data_file (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "de-semicolon-decimal-comma.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  ScWindow *window = sc_window_new (NULL);
  GtkWindow *assistant;

  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_or_import (window, file);
  sc_test_settle ();

  assistant = find_toplevel_of_type (SC_TYPE_IMPORT_ASSISTANT);
  g_assert_nonnull (assistant);
  g_assert_true (gtk_window_get_transient_for (assistant) == GTK_WINDOW (window));
  g_assert_null (sc_window_get_workbook (window));

  gtk_window_destroy (assistant);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Noting an issue from the window: the action opens the editor for the
 * selected partner; saving adds the issue, the partner's count and undo
 * follow; undo takes it away again.
 */
static void
test_new_issue (void)
{
  g_autofree char *path = sc_test_sample_path ();
  ScWindow *window = sc_test_open_window (path);
  ScIssueEditor *editor;
  ScWorkbook *book;
  ScPartner *partner;
  guint n_before, open_before;

  sc_test_wait_until (sc_test_has_workbook, window);
  book = sc_window_get_workbook (window);
  select_partner (window, "Isar Fahrzeugbau AG");
  partner = sc_workbook_lookup_partner (book, "c02");
  g_assert_nonnull (partner);
  n_before = g_list_model_get_n_items (sc_workbook_get_issues (book));
  open_before = sc_workbook_count_open_issues (book, partner);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-issue", NULL));
  sc_test_settle ();
  editor = SC_ISSUE_EDITOR (find_toplevel_of_type (SC_TYPE_ISSUE_EDITOR));
  g_assert_nonnull (editor);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (sc_issue_editor_get_save_button (editor))));

  gtk_editable_set_text (sc_issue_editor_get_title_editable (editor), "Late shipment of spare parts");
  gtk_editable_set_text (sc_issue_editor_get_owner_editable (editor), "Jana Weber");
  sc_test_settle ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (sc_issue_editor_get_save_button (editor))));
  g_signal_emit_by_name (sc_issue_editor_get_save_button (editor), "clicked");
  sc_test_settle ();

  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_issues (book)), ==, n_before + 1);
  g_assert_cmpuint (sc_workbook_count_open_issues (book, partner), ==, open_before + 1);
  g_assert_true (is_modified (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_issues (book)), ==, n_before);

  sc_workbook_set_modified (book, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.scorecards.Scorecards");
  GtkWidget *window = sc_preferences_window_new (NULL, settings);
  g_autofree char *view = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_settings_set_string (settings, "company-name", "Contoso Manufacturing GmbH");
  sc_test_settle ();

  /* The rows show the settings, and a choice is stored at once */
  adw_combo_row_set_selected (ADW_COMBO_ROW (sc_test_find_widget_named (window, "view_row")), 2);
  view = g_settings_get_string (settings, "default-period-view");
  g_assert_cmpstr (view, ==, "ytd");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sc_test_find_widget_named (window, "company_row"))),
                   ==, "Contoso Manufacturing GmbH");
  /* the name issue history of team workbooks records */
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_widget_named (window, "display_name_row")), "Anna Martin");
  {
    g_autofree char *name = g_settings_get_string (settings, "display-name");
    g_assert_cmpstr (name, ==, "Anna Martin");
  }
  sc_test_save_screenshot (window, "preferences.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every cairo node under @node, in order */
static void
collect_cairo_nodes (GskRenderNode *node,
                     GPtrArray     *found)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CAIRO_NODE:
      g_ptr_array_add (found, node);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_cairo_nodes (gsk_container_node_get_child (node, i), found);
      break;
    default:
      break;
    }
}

/* The cairo nodes of @widget's snapshot: their top and bottom, in order */
static void
snapshot_tiles (GtkWidget *widget,
                double    *top,
                double    *bottom,
                guint     *n_tiles)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) tiles = g_ptr_array_new ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  collect_cairo_nodes (node, tiles);
  g_assert_cmpuint (tiles->len, >, 0);
  for (guint i = 0; i < tiles->len; i++)
    {
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (g_ptr_array_index (tiles, i), &bounds);
      g_assert_cmpfloat (bounds.size.height, <=, 1024);
      if (i == 0)
        *top = bounds.origin.y;
      else
        g_assert_cmpfloat_with_epsilon (bounds.origin.y, *bottom, 0.001);
      *bottom = bounds.origin.y + bounds.size.height;
    }
  *n_tiles = tiles->len;
}

/* A ranking of thousands of suppliers is far taller than a GL texture may
 * be (GTK 4.8 aborted on the Compare page with 3,500 suppliers), and slow
 * to draw whole: the chart widget draws tiles of at most 1,024 pixels
 * around what is on screen, and the next ones when scrolled to.
 */
static void
test_tall_chart (void)
{
  const guint n = 2000;
  ScChartRankingData *data = sc_chart_ranking_data_new (n);
  g_autoptr(ScChart) chart = NULL;
  GtkWidget *widget = GTK_WIDGET (g_object_new (SC_TYPE_CHART_WIDGET, NULL));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkAdjustment *adjustment;
  int height = 60 + n * 22;
  double top, bottom;
  guint n_tiles;

  data->title = g_strdup ("Ranking by overall score");
  for (guint i = 0; i < n; i++)
    {
      data->items[i].name = g_strdup_printf ("Supplier %u", i + 1);
      data->items[i].score = 100.0 - 50.0 * i / n;
      data->items[i].grade = g_strdup ("B");
      data->items[i].grade_index = 1;
      data->items[i].rank = i + 1;
    }
  chart = sc_chart_new (SC_CHART_RANKING, data);
  sc_chart_widget_set_chart (SC_CHART_WIDGET (widget), chart);
  gtk_widget_set_size_request (widget, 600, height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), widget);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_present (GTK_WINDOW (window));
  sc_test_settle ();
  g_assert_cmpint (gtk_widget_get_height (widget), ==, height);

  /* At the top: the first tiles only */
  snapshot_tiles (widget, &top, &bottom, &n_tiles);
  g_assert_cmpfloat (top, ==, 0);
  g_assert_cmpfloat (bottom, >=, 480);
  g_assert_cmpfloat (bottom, <=, 3 * 1024);

  /* Scrolled to the middle: the tiles there, drawn by the window's own
   * frames
   */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, 20000);
  sc_test_settle ();
  {
    int drawn_top, drawn_bottom;

    sc_chart_widget_get_drawn_range (SC_CHART_WIDGET (widget), &drawn_top, &drawn_bottom);
    g_assert_cmpint (drawn_top, <=, 20000);
    g_assert_cmpint (drawn_bottom, >=, 20000 + (int) gtk_adjustment_get_page_size (adjustment));
  }
  snapshot_tiles (widget, &top, &bottom, &n_tiles);
  g_assert_cmpfloat (top, <=, 20000);
  g_assert_cmpfloat (bottom, >=, 20000 + gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpuint (n_tiles, <=, 4);

  /* At the very end: the last tile ends with the chart */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  sc_test_settle ();
  snapshot_tiles (widget, &top, &bottom, &n_tiles);
  g_assert_cmpfloat (bottom, ==, height);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A workbook of @granularity with one supplier and on-time delivery in
 * three periods, saved to a temporary file
 */
static char *
write_small_book (ScGranularity  granularity,
                  const char    *first)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScPartner) partner = sc_partner_new ("s1", "Müller GmbH", SC_PARTNER_SUPPLIER);
  g_autoptr(ScKpi) kpi = sc_catalogue_lookup ("on_time_delivery_pct");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  char *path = NULL;
  ScPeriod period;
  int fd;

  g_assert_true (sc_workbook_set_granularity (book, granularity));
  g_assert_true (sc_workbook_add_partner (book, partner));
  sc_workbook_add_kpi (book, kpi);
  g_assert_true (sc_period_parse (granularity, first, &period));
  for (guint i = 0; i < 3; i++)
    g_assert_true (sc_workbook_set_value (book, partner, kpi, period + i, 90.0 + i, &error));

  fd = g_file_open_tmp ("granularity-XXXXXX.scorecard", &path, &error);
  g_assert_no_error (error);
  close (fd);
  file = g_file_new_for_path (path);
  g_assert_true (sc_workbook_save_to_file (book, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static char *
view_item (ScWindow *window,
           guint     position)
{
  GListModel *model = gtk_drop_down_get_model (window->view_dropdown);

  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model), position));
}

/* The view menu names the workbook's own period: a week, a month, a
 * quarter; a quarterly workbook has no second "Quarter"
 */
static void
test_views_by_granularity (void)
{
  struct {
    ScGranularity granularity;
    const char *first;
    const char *items[6];
  } cases[] = {
    { SC_GRANULARITY_WEEK, "2025-W01", { "Week", "Quarter", "Year to Date", "Rolling 12 Months", "Year", NULL } },
    { SC_GRANULARITY_MONTH, "2025-01", { "Month", "Quarter", "Year to Date", "Rolling 12 Months", "Year", NULL } },
    { SC_GRANULARITY_QUARTER, "2025-Q1", { "Quarter", "Year to Date", "Rolling 12 Months", "Year", NULL } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *path = write_small_book (cases[c].granularity, cases[c].first);
      ScWindow *window = sc_test_open_window (path);
      GListModel *model;
      guint n = 0;

      sc_test_wait_until (sc_test_has_workbook, window);
      sc_test_settle ();
      model = gtk_drop_down_get_model (window->view_dropdown);
      while (cases[c].items[n] != NULL)
        {
          g_autofree char *item = view_item (window, n);

          g_assert_cmpstr (item, ==, cases[c].items[n]);
          n++;
        }
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

      /* Choosing the last item shows the year */
      gtk_drop_down_set_selected (window->view_dropdown, n - 1);
      sc_test_settle ();
      g_assert_cmpint (sc_window_get_rollup (window)->kind, ==, SC_ROLLUP_YEAR);

      gtk_window_destroy (GTK_WINDOW (window));
      g_unlink (path);
    }
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* The open import assistant, waited for */
static ScImportAssistant *
wait_for_assistant (ScImportAssistant *not_this)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, on_timeout_cb, &timed_out);
  GtkWindow *assistant = NULL;

  while (!timed_out)
    {
      assistant = find_toplevel_of_type (SC_TYPE_IMPORT_ASSISTANT);
      if (assistant != NULL && assistant != GTK_WINDOW (not_this))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (timed_out);
  g_source_remove (id);
  return SC_IMPORT_ASSISTANT (assistant);
}

static char *
write_month_csv (const char *period,
                 double      delivery)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("export-%s-XXXXXX.csv", period);
  g_autofree char *text = g_strdup_printf ("partner,partner_type,kpi,period,value\n"
                                           "Acme Castings,supplier,on_time_delivery_pct,%s,%.1f\n"
                                           "Baltic Seals,supplier,on_time_delivery_pct,%s,99.0\n",
                                           period, delivery, period);
  char *path = NULL;
  int fd = g_file_open_tmp (name, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return path;
}

/* Several monthly exports dropped at once go into one workbook, one after
 * the other; cancelling one stops the rest
 */
static void
test_import_several (void)
{
  g_autofree char *jan = write_month_csv ("2025-01", 91.5);
  g_autofree char *feb = write_month_csv ("2025-02", 88.0);
  g_autofree char *mar = write_month_csv ("2025-03", 97.0);
  g_autoptr(GFile) f1 = g_file_new_for_path (jan);
  g_autoptr(GFile) f2 = g_file_new_for_path (feb);
  g_autoptr(GFile) f3 = g_file_new_for_path (mar);
  GFile *files[] = { f1, f2, f3 };
  ScWindow *window = sc_window_new (NULL);
  ScImportAssistant *first, *second, *third;
  ScWorkbook *book;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  sc_window_import_files (window, files, 2);

  first = wait_for_assistant (NULL);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  sc_test_wait_for_import_step (first, "format");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (first->window_title), ", file 1 of 2"));
  sc_test_import_through (first);
  sc_test_wait_until (sc_test_has_workbook, window);
  book = sc_window_get_workbook (window);

  second = wait_for_assistant (first);
  sc_test_wait_for_import_step (second, "format");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (second->window_title), ", file 2 of 2"));
  sc_test_import_through (second);
  sc_test_settle ();
  g_assert_null (find_toplevel_of_type (SC_TYPE_IMPORT_ASSISTANT));
  g_assert_true (sc_window_get_workbook (window) == book);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings", "on_time_delivery_pct", "2025-01"), ==, 91.5);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings", "on_time_delivery_pct", "2025-02"), ==, 88.0);

  /* Two more, the first of them cancelled: the other is not imported */
  files[0] = f3;
  files[1] = f1;
  sc_window_import_files (window, files, 2);
  third = wait_for_assistant (NULL);
  sc_test_wait_for_import_step (third, "format");
  gtk_window_close (GTK_WINDOW (third));
  sc_test_settle ();
  g_assert_null (find_toplevel_of_type (SC_TYPE_IMPORT_ASSISTANT));
  g_assert_true (isnan (sc_test_value_at (book, "Acme Castings", "on_time_delivery_pct", "2025-03")));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (jan);
  g_unlink (feb);
  g_unlink (mar);
}

/* With hundreds of suppliers, choosing one on the Compare page scrolls its
 * row of the ranking into view
 */
static void
test_compare_scrolls (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScKpi) kpi = sc_catalogue_lookup ("on_time_delivery_pct");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  ScWindow *window;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  ScChartWidget *ranking;
  GtkWidget *content;
  const ScChartRankingData *data;
  graphene_point_t point, in_content;
  ScPeriod period;
  guint last = G_MAXUINT;
  int fd;

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-06", &period));
  sc_workbook_add_kpi (book, kpi);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%03u", i);
      g_autofree char *name = g_strdup_printf ("Supplier %03u", i);
      g_autoptr(ScPartner) partner = sc_partner_new (id, name, SC_PARTNER_SUPPLIER);

      g_assert_true (sc_workbook_add_partner (book, partner));
      g_assert_true (sc_workbook_set_value (book, partner, kpi, period, 99.9 - i * 0.1, &error));
    }
  fd = g_file_open_tmp ("compare-XXXXXX.scorecard", &path, &error);
  g_assert_no_error (error);
  close (fd);
  file = g_file_new_for_path (path);
  g_assert_true (sc_workbook_save_to_file (book, file, NULL, &error));

  window = sc_test_open_window (path);
  sc_test_wait_until (sc_test_has_workbook, window);
  adw_view_stack_set_visible_child_name (sc_window_get_view_stack (window), "compare");
  sc_test_settle ();
  scroller = sc_compare_page_get_scroller (window->compare_page);
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  ranking = sc_compare_page_get_ranking (window->compare_page);
  content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (scroller)));

  /* The worst supplier ranks last, far below the window */
  select_partner (window, "Supplier 299");
  sc_test_settle ();
  data = sc_chart_get_data (sc_chart_widget_get_chart (ranking));
  for (guint i = 0; i < data->n_items; i++)
    if (data->items[i].highlight)
      last = i;
  g_assert_cmpuint (last, ==, 299);
  g_assert_true (sc_chart_widget_get_point_position (ranking, last, &point));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (ranking), content, &point, &in_content));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (in_content.y, >=, gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (in_content.y, <=, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));

  /* Back to the best one: up again */
  select_partner (window, "Supplier 000");
  sc_test_settle ();
  g_assert_true (sc_chart_widget_get_point_position (ranking, 0, &point));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (ranking), content, &point, &in_content));
  g_assert_cmpfloat (in_content.y, >=, gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (in_content.y, <=, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* The watch list in Dec 2025 (summary --watch): Fonderia has been a D for
 * three months, three customers fell a standing. The toggle shows only
 * them, each row says why, and the scorecard names the standing, its
 * action and the reason.
 */
static void
test_watch_list (void)
{
  g_autofree char *path = sc_test_sample_path ();
  ScWindow *window = sc_test_open_window (path);
  static const char *watched[] = {
    "Fonderia Valle Trompia S.r.l.", "Lombardia Macchine Agricole S.p.A.",
    "Midwest Industrial Supply, Inc.", "Atlantic Rail Systems Corp.",
  };
  GListModel *model;
  GtkWidget *row;

  sc_test_wait_until (sc_test_has_workbook, window);
  model = G_LIST_MODEL (sc_window_get_partner_selection (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 27);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sidebar.watch-list", NULL));
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (watched));
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_assert_cmpuint (find_partner (model, watched[i]), !=, G_MAXUINT);

  row = find_with_tooltip (GTK_WIDGET (window), SC_TYPE_PARTNER_ROW, "Midwest Industrial Supply, Inc.");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (sc_partner_row_get_detail_text (SC_PARTNER_ROW (row)), "⚑ fell from A to B"));
  g_assert_nonnull (strstr (sc_partner_row_get_detail_text (SC_PARTNER_ROW (row)), "✓ Customer"));
  row = find_with_tooltip (GTK_WIDGET (window), SC_TYPE_PARTNER_ROW, "Fonderia Valle Trompia S.r.l.");
  g_assert_nonnull (strstr (sc_tooltip_get_text (row), "⚑ D for 3 periods"));

  select_partner (window, "Fonderia Valle Trompia S.r.l.");
  g_assert_cmpstr (sc_scorecard_page_get_standing_text (window->scorecard_page), ==,
                   "✗ Standing D — No new RFQs\n⚑ On the watch list: D for 3 periods");
  sc_test_save_screenshot (GTK_WIDGET (window), "watch-list.png");

  /* Combined with the type filter; and off again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sidebar.partner-filter", "s", "customer"));
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sidebar.partner-filter", "s", "all"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sidebar.watch-list", NULL));
  sc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 27);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sample with a "Castings" scorecard for the two foundries: the
 * scorecard says which one a partner is measured on, and Compare ranks it
 * among the partners on the same one only.
 */
static void
test_scorecard_groups (void)
{
  static const char groups[] =
    "{ \"scorecard_groups\": [ { \"id\": \"castings\", \"name\": \"Castings\",\n"
    "    \"match\": { \"tags\": [ { \"key\": \"commodity\", \"value\": \"Iron castings\" },\n"
    "      { \"key\": \"commodity\", \"value\": \"Investment castings\" } ] },\n"
    "    \"kpis\": [ \"on_time_delivery_pct\", \"ppm_defects\", \"scrap_rate_pct\" ] } ],\n";
  g_autofree char *sample = sc_test_sample_path ();
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) grouped = g_string_new (groups);
  g_autoptr(GError) error = NULL;
  const ScChartRankingData *data;
  ScWindow *window;
  int fd;

  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  g_string_append (grouped, strchr (text, '{') + 1);
  fd = g_file_open_tmp ("groups-XXXXXX.scorecard", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, grouped->str, grouped->len, NULL));

  window = sc_test_open_window (path);
  sc_test_wait_until (sc_test_has_workbook, window);
  select_partner (window, "Ningbo Oriental Precision Casting Co., Ltd.");
  g_assert_nonnull (strstr (sc_scorecard_page_get_standing_text (window->scorecard_page),
                            "Measured on the Castings scorecard"));
  g_assert_cmpuint (g_list_model_get_n_items (sc_kpi_table_get_items (sc_window_get_kpi_table (window))), ==, 3);

  adw_view_stack_set_visible_child_name (sc_window_get_view_stack (window), "compare");
  sc_test_settle ();
  g_assert_cmpstr (sc_compare_page_get_ranking_heading (window->compare_page), ==,
                   "Suppliers by Overall Score — ranked among 2 suppliers on the Castings scorecard");
  data = sc_chart_get_data (sc_chart_widget_get_chart (sc_compare_page_get_ranking (window->compare_page)));
  g_assert_cmpuint (data->n_items, ==, 2);
  g_assert_nonnull (strstr (data->subtitle, "on the Castings scorecard"));
  sc_test_save_screenshot (GTK_WIDGET (window), "compare-scorecard.png");

  /* A supplier on the default scorecard is ranked among the other 17 */
  select_partner (window, "Müller Drehteile GmbH");
  sc_test_settle ();
  g_assert_cmpstr (sc_compare_page_get_ranking_heading (window->compare_page), ==,
                   "Suppliers by Overall Score — ranked among 17 suppliers on the default scorecard");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recovery_home = NULL;

  /* Recovery files go to a directory of the test's own */
  recovery_home = g_dir_make_tmp ("sc-test-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", recovery_home, TRUE);

  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/window/open-sample", test_open_sample);
  g_test_add_func ("/window/search-and-filter", test_search_and_filter);
  g_test_add_func ("/window/watch-list", test_watch_list);
  g_test_add_func ("/window/scorecard-groups", test_scorecard_groups);
  g_test_add_func ("/window/open-broken-file", test_open_broken_file);
  g_test_add_func ("/window/sort", test_sort);
  g_test_add_func ("/window/tall-chart", test_tall_chart);
  g_test_add_func ("/window/views-by-granularity", test_views_by_granularity);
  g_test_add_func ("/window/import-several", test_import_several);
  g_test_add_func ("/window/compare-scrolls", test_compare_scrolls);
  g_test_add_func ("/window/view", test_view);
  g_test_add_func ("/window/edit-undo-save", test_edit_undo_save);
  g_test_add_func ("/window/recovery", test_recovery);
  g_test_add_func ("/window/close-unsaved", test_close_unsaved);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/open-data-file", test_open_data_file);
  g_test_add_func ("/window/no-target", test_no_target);
  g_test_add_func ("/window/new-issue", test_new_issue);

  return g_test_run ();
}
