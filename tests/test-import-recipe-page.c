/* test-import-recipe-page.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's recipe step under Xvfb, driven as a user would
 * with a carrier's delivery log (a row per delivery, Portuguese headers):
 * the step replaces the column mapping, the suggested columns are chosen,
 * a formula with a misspelt column says where and what it meant, a fixed
 * one shows an example, the partner × month table shows what a KPI makes,
 * and the import commits what was computed by hand. The recipe is kept in
 * the workbook, and the next month's export goes through with it.
 * With SC_SCREENSHOT_DIR set, it saves PNGs of the step there.
 */

#include "config.h"

#include "sc-test-ui.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sc-import-assistant-private.h"
#include "sc-import-recipe-page-private.h"
#include "sc-test-book.h"

typedef struct
{
  ScWorkbook     *book;
  ScImportCounts  counts;
  guint           n_done;
} Done;

static void
done_clear (Done *done)
{
  g_clear_object (&done->book);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Done, done_clear)

static void
on_done_cb (ScImportAssistant    *assistant,
            ScWorkbook           *book,
            const ScImportCounts *counts,
            gpointer              user_data)
{
  Done *done = user_data;
  g_autoptr(AdwToast) toast = g_object_ref_sink (sc_import_assistant_create_toast (assistant));

  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_set_object (&done->book, book);
  done->counts = *counts;
  done->n_done++;
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  return g_file_new_for_path (path);
}

static void
next (ScImportAssistant *assistant)
{
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
}

static const char *
selected_string (AdwComboRow *row)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (row),
                                                           adw_combo_row_get_selected (row));

  return item ? gtk_string_object_get_string (item) : NULL;
}

static guint
find_string (GListModel *model,
             const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }

  return G_MAXUINT;
}

/* The text of the table's cell for @partner in the column titled @period */
static const char *
table_cell (ScImportRecipePage *page,
            const char         *partner,
            const char         *period)
{
  ScImportRecipeValues *values = sc_import_recipe_page_get_values (page);
  guint column = 0;

  for (guint c = 1; sc_import_recipe_values_get_title (values, c) != NULL; c++)
    if (g_strcmp0 (sc_import_recipe_values_get_title (values, c), period) == 0)
      column = c;
  g_assert_cmpuint (column, >, 0);

  for (guint r = 0; r < sc_import_recipe_values_get_n_rows (values); r++)
    if (g_strcmp0 (sc_import_recipe_values_get_cell (values, r, 0), partner) == 0)
      return sc_import_recipe_values_get_cell (values, r, column);

  return NULL;
}

static void
set_formula (ScImportAssistant *assistant,
             const char        *id,
             const char        *formula)
{
  ScImportRecipeKpiRow *row = sc_import_recipe_page_get_kpi_row (assistant->recipe_page, id);

  g_assert_nonnull (row);
  gtk_editable_set_text (sc_import_recipe_kpi_row_get_entry (row), formula);
  sc_test_wait_for_import_step (assistant, "recipe");
}

static void
add_kpi (ScImportAssistant *assistant,
         const char        *name)
{
  AdwEntryRow *add = sc_import_recipe_page_get_add_row (assistant->recipe_page);

  gtk_editable_set_text (GTK_EDITABLE (add), name);
  g_signal_emit_by_name (add, "apply");
}

/* Every step of a delivery log, with the formulas edited on the way. */
static void
test_steps (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScUndoStack) undo = sc_undo_stack_new ();
  g_autoptr(GFile) file = fixture ("tx-carrier-pt.csv");
  const char *headers[] = { "Pedido", "Nome Transportador", "Data Coleta", "Data Entrega", "On Time",
                            "In Full", "Peso (kg)" };
  ScImportAssistant *assistant;
  ScImportRecipePage *page;
  ScImportRecipeKpiRow *row;
  AdwComboRow *kpis;
  ScRecipe *kept;
  const char *message;

  assistant = sc_import_assistant_present (NULL, book, undo, file, on_done_cb, &done);
  gtk_window_set_default_size (GTK_WINDOW (assistant), 900, 1000);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  page = assistant->recipe_page;
  sc_test_wait_for_import_step (assistant, "format");

  /* Transactions: the recipe step instead of the columns */
  next (assistant);
  sc_test_wait_for_import_step (assistant, "recipe");
  g_assert_cmpstr (adw_window_title_get_subtitle (assistant->window_title), ==,
                   "Step 3 of 5 · tx-carrier-pt.csv");
  g_assert_cmpstr (selected_string (sc_import_recipe_page_get_partner_row (page)), ==, "Nome Transportador");
  g_assert_cmpstr (selected_string (sc_import_recipe_page_get_date_row (page)), ==, "Data Coleta");
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (sc_import_recipe_page_get_source_row (page))));
  g_assert_nonnull (sc_import_recipe_page_get_kpi_row (page, "on_time_pct"));
  g_assert_nonnull (sc_import_recipe_page_get_kpi_row (page, "in_full_pct"));
  row = sc_import_recipe_page_get_kpi_row (page, "lead_time_days");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (sc_import_recipe_kpi_row_get_message (row), "Example: "));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));

  /* A misspelt column: where, and the column it closest resembles */
  set_formula (assistant, "lead_time_days", "mean(days([Data Coleta], [Data Entreg]))");
  message = sc_import_recipe_kpi_row_get_message (row);
  g_assert_nonnull (strstr (message, "character 26"));
  g_assert_nonnull (strstr (message, "“Data Entreg”"));
  g_assert_nonnull (strstr (message, "did you mean “[Data Entrega]”?"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (sc_import_recipe_kpi_row_get_entry (row)), "error"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-recipe-error.png");

  /* Fixed: an example value again, the latest month's */
  set_formula (assistant, "lead_time_days", "mean(days([Data Coleta], [Data Entrega]))");
  g_assert_cmpstr (sc_import_recipe_kpi_row_get_message (row), ==,
                   "Example: 2.0 days for Rápido Sul Transportes in Mar 2024");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));

  /* The table of one KPI: partners × months */
  kpis = sc_import_recipe_page_get_values_kpi_row (page);
  adw_combo_row_set_selected (kpis, find_string (adw_combo_row_get_model (kpis), "On Time"));
  /* (with a unit, once the KPI step guesses one for a new KPI) */
  g_assert_true (g_str_has_prefix (table_cell (page, "Rápido Sul Transportes", "Jan 2024"), "90.0"));
  g_assert_true (g_str_has_prefix (table_cell (page, "TransNorte Logística", "Feb 2024"), "90.0"));
  g_assert_true (g_str_has_prefix (table_cell (page, "Expresso Paulista", "Feb 2024"), "30.0"));

  /* A KPI of the catalogue by its name, and one KPI less */
  add_kpi (assistant, "OTIF");
  row = sc_import_recipe_page_get_kpi_row (page, "otif_pct");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));
  set_formula (assistant, "otif_pct", "100 * share([On Time] = \"On Time\" and [In Full] = \"In Full\")");
  g_assert_true (g_str_has_prefix (sc_import_recipe_kpi_row_get_message (row), "Example: "));
  gtk_widget_activate_action (GTK_WIDGET (sc_import_recipe_page_get_kpi_row (page, "in_full_pct")),
                              "kpi.remove", NULL);
  sc_test_wait_for_import_step (assistant, "recipe");
  g_assert_null (sc_import_recipe_page_get_kpi_row (page, "in_full_pct"));
  adw_combo_row_set_selected (kpis, find_string (adw_combo_row_get_model (kpis), "On time in full (OTIF)"));
  g_assert_true (g_str_has_prefix (table_cell (page, "Rápido Sul Transportes", "Jan 2024"), "60.0"));

  /* The KPI the recipe invents, to confirm how it is defined; the
   * catalogue's need nothing, and a recipe has nothing to match
   */
  next (assistant);
  sc_test_wait_for_import_step (assistant, "kpis");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (assistant->kpi_group)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (assistant->new_kpi_group)));
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-recipe-new-kpis.png");

  /* Import: the values computed by hand, and the recipe kept */
  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");
  g_assert_cmpstr (adw_window_title_get_subtitle (assistant->window_title), ==,
                   "Step 5 of 5 · tx-carrier-pt.csv");
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.back", NULL);
  g_assert_cmpstr (sc_import_assistant_get_step (assistant), ==, "kpis");
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.back", NULL);
  g_assert_cmpstr (sc_import_assistant_get_step (assistant), ==, "recipe");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "kpis");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");
  next (assistant);
  sc_test_settle ();
  g_assert_null (assistant);
  g_assert_cmpuint (done.n_done, ==, 1);
  g_assert_cmpuint (done.counts.n_partners, ==, 3);
  g_assert_cmpuint (done.counts.n_kpis, ==, 3);
  g_assert_cmpuint (done.counts.n_values, ==, 27);
  g_assert_cmpfloat (sc_test_value_at (book, "Rápido Sul Transportes", "on_time_pct", "2024-01"), ==, 90);
  g_assert_cmpfloat (sc_test_value_at (book, "Rápido Sul Transportes", "otif_pct", "2024-01"), ==, 60);
  g_assert_cmpfloat (sc_test_value_at (book, "Expresso Paulista", "otif_pct", "2024-02"), ==, 30);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Expresso Paulista", "lead_time_days", "2024-03"),
                                  1.9, 1e-9);
  g_assert_null (sc_workbook_lookup_kpi (book, "in_full_pct"));

  kept = sc_workbook_find_recipe (book, headers, G_N_ELEMENTS (headers));
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept->partner, ==, "Nome Transportador");
  g_assert_cmpuint (kept->kpis->len, ==, 3);

  /* Undo takes the values and the recipe back */
  g_assert_true (sc_undo_stack_undo (undo));
  g_assert_null (sc_workbook_find_recipe (book, headers, G_N_ELEMENTS (headers)));
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 0);
}

/* Twelve monthly exports in miniature: January through the recipe step,
 * February with the recipe the workbook kept, as the window's queue
 * imports them one after the other.
 */
static void
test_kept_recipe (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  const char *months[] = { "tx-carrier-pt-2024-01.csv", "tx-carrier-pt-2024-02.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_auto(Done) done = { 0 };
      g_autoptr(GFile) file = fixture (months[i]);
      g_autofree char *subtitle = NULL;
      ScImportAssistant *assistant;
      ScImportRecipePage *page;
      AdwComboRow *source;

      assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
      sc_import_assistant_set_queue (assistant, i + 1, G_N_ELEMENTS (months));
      page = assistant->recipe_page;
      sc_test_wait_for_import_step (assistant, "format");
      next (assistant);
      sc_test_wait_for_import_step (assistant, "recipe");
      subtitle = g_strdup_printf ("Step 3 of 5 · %s, file %u of 2", months[i], i + 1);
      g_assert_cmpstr (adw_window_title_get_subtitle (assistant->window_title), ==, subtitle);
      source = sc_import_recipe_page_get_source_row (page);

      if (i == 0)
        {
          /* Nothing kept yet: the suggestion, changed a little */
          g_assert_false (gtk_widget_is_visible (GTK_WIDGET (source)));
          add_kpi (assistant, "OTIF");
          set_formula (assistant, "otif_pct", "100 * share([On Time] = \"On Time\" and [In Full] = \"In Full\")");
        }
      else
        {
          /* The kept recipe, as it was left, and the suggestion to go back to */
          g_assert_true (gtk_widget_is_visible (GTK_WIDGET (source)));
          g_assert_cmpuint (adw_combo_row_get_selected (source), ==, 0);
          g_assert_nonnull (sc_import_recipe_page_get_kpi_row (page, "otif_pct"));
          sc_test_save_screenshot (GTK_WIDGET (assistant), "import-recipe-kept.png");
          adw_combo_row_set_selected (source, 1);
          sc_test_wait_for_import_step (assistant, "recipe");
          g_assert_null (sc_import_recipe_page_get_kpi_row (page, "otif_pct"));
          adw_combo_row_set_selected (source, 0);
          sc_test_wait_for_import_step (assistant, "recipe");
          g_assert_nonnull (sc_import_recipe_page_get_kpi_row (page, "otif_pct"));
        }

      /* January invents a KPI to confirm; February finds them all */
      next (assistant);
      if (i == 0)
        {
          sc_test_wait_for_import_step (assistant, "kpis");
          next (assistant);
        }
      sc_test_wait_for_import_step (assistant, "results");
      next (assistant);
      sc_test_settle ();
      g_assert_cmpuint (done.n_done, ==, 1);
      g_assert_cmpuint (done.counts.n_values, ==, 12);
    }

  g_assert_cmpuint (sc_workbook_get_n_recipes (book), ==, 1);
  g_assert_cmpfloat (sc_test_value_at (book, "Rápido Sul Transportes", "otif_pct", "2024-01"), ==, 60);
  g_assert_cmpfloat (sc_test_value_at (book, "Rápido Sul Transportes", "otif_pct", "2024-02"), ==, 50);
  g_assert_cmpfloat (sc_test_value_at (book, "TransNorte Logística", "on_time_pct", "2024-02"), ==, 90);
}

/* Back from the recipe step and forward again keeps what was typed; a
 * formula that does not parse says so and blocks the import.
 */
static void
test_back_and_syntax (void)
{
  g_autoptr(GFile) file = fixture ("tx-invoices-day-first.csv");
  ScImportAssistant *assistant = sc_import_assistant_present (NULL, NULL, NULL, file, NULL, NULL);
  ScImportRecipePage *page = assistant->recipe_page;
  ScImportRecipeKpiRow *row;
  GtkWidget *date_format;

  sc_test_wait_for_import_step (assistant, "format");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "recipe");
  g_assert_cmpstr (selected_string (sc_import_recipe_page_get_partner_row (page)), ==, "Vendor Name");
  g_assert_cmpstr (selected_string (sc_import_recipe_page_get_date_row (page)), ==, "Invoice Date");

  /* Day-first, as the suggestion found; month-first cannot read 14-04-2016 */
  date_format = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), SC_TYPE_IMPORT_RECIPE_PAGE,
                                                           "date_format_row"));
  g_assert_true (gtk_widget_get_visible (date_format));
  g_assert_cmpstr (selected_string (ADW_COMBO_ROW (date_format)), ==, "Day First, as 31-12-2024");
  g_assert_null (sc_import_recipe_page_get_problem (page));
  adw_combo_row_set_selected (ADW_COMBO_ROW (date_format), 1);
  sc_test_wait_for_import_step (assistant, "recipe");
  g_assert_cmpstr (selected_string (ADW_COMBO_ROW (date_format)), ==, "Month First, as 12-31-2024");
  g_assert_nonnull (sc_import_recipe_page_get_problem (page));
  g_test_message ("month-first: %s", sc_import_recipe_page_get_problem (page));
  adw_combo_row_set_selected (ADW_COMBO_ROW (date_format), 0);
  sc_test_wait_for_import_step (assistant, "recipe");
  g_assert_null (sc_import_recipe_page_get_problem (page));

  set_formula (assistant, "spend", "sum([Invoice Amount]");
  row = sc_import_recipe_page_get_kpi_row (page, "spend");
  g_assert_true (g_str_has_prefix (sc_import_recipe_kpi_row_get_message (row), "At character"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.back", NULL);
  g_assert_cmpstr (sc_import_assistant_get_step (assistant), ==, "format");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "recipe");
  g_assert_cmpstr (gtk_editable_get_text (sc_import_recipe_kpi_row_get_entry (row)), ==,
                   "sum([Invoice Amount]");

  set_formula (assistant, "spend", "sum([Invoice Amount])");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));
  gtk_window_destroy (GTK_WINDOW (assistant));
}

/* Defect reports look like a KPI table (a partner, a month, numbers)
 * until the analysis finds three reports of one supplier in one month:
 * then the recipe step, with no way back to a mapping that cannot work.
 */
static void
test_needed_after_mapping (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("tx-defects-repeated-months.csv");
  ScImportAssistant *assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
  GtkWidget *map_button;

  sc_test_wait_for_import_step (assistant, "format");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "mapping");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "recipe");
  g_assert_nonnull (sc_import_recipe_page_get_kpi_row (assistant->recipe_page, "ppm_defects"));
  map_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (assistant->recipe_page),
                                                          SC_TYPE_IMPORT_RECIPE_PAGE, "map_button"));
  g_assert_false (gtk_widget_get_visible (map_button));

  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");
  next (assistant);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 1);
  /* Σ defects / Σ inspected of January's three reports: 4 / 1,100 */
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Acme GmbH", "ppm_defects", "2024-01"),
                                  4e6 / 1100, 1e-6);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Beta AG", "ppm_defects", "2024-02"), 20000, 1e-6);
}

/* With SC_SCREENSHOT_DIR set: the step in the light and dark styles, wide
 * and narrow, to look at (docs/screenshots/import-recipe.png is one).
 */
static void
test_screenshots (void)
{
  static const struct {
    const char     *name;
    int             width;
    int             height;
    AdwColorScheme  scheme;
    gboolean        to_end;
  } shots[] = {
    { "import-recipe.png", 860, 1000, ADW_COLOR_SCHEME_FORCE_LIGHT, TRUE },
    { "import-recipe-full.png", 860, 1380, ADW_COLOR_SCHEME_FORCE_LIGHT, FALSE },
    { "import-recipe-dark.png", 860, 1380, ADW_COLOR_SCHEME_FORCE_DARK, FALSE },
    { "import-recipe-narrow.png", 360, 1560, ADW_COLOR_SCHEME_FORCE_LIGHT, FALSE },
    { "import-recipe-narrow-dark.png", 360, 1560, ADW_COLOR_SCHEME_FORCE_DARK, FALSE },
  };

  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("tx-carrier-pt.csv");
  AdwStyleManager *style = adw_style_manager_get_default ();
  ScImportAssistant *assistant;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  AdwComboRow *kpis;


  assistant = sc_import_assistant_present (NULL, book, NULL, file, NULL, NULL);
  sc_test_wait_for_import_step (assistant, "format");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "recipe");
  add_kpi (assistant, "OTIF");
  set_formula (assistant, "otif_pct", "100 * share([On Time] = \"On Time\" and [In Full] = \"In Full\")");
  set_formula (assistant, "in_full_pct", "100 * share([In Full] = \"In Ful\" and Peso > 100)");
  kpis = sc_import_recipe_page_get_values_kpi_row (assistant->recipe_page);
  adw_combo_row_set_selected (kpis, find_string (adw_combo_row_get_model (kpis), "On time in full (OTIF)"));
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (assistant->recipe_page),
                                                                 SC_TYPE_IMPORT_RECIPE_PAGE, "scroller"));

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      adw_style_manager_set_color_scheme (style, shots[i].scheme);
      gtk_window_set_default_size (GTK_WINDOW (assistant), shots[i].width, shots[i].height);
      sc_test_settle ();
      /* The formulas and the table, below the columns */
      adjustment = gtk_scrolled_window_get_vadjustment (scroller);
      gtk_adjustment_set_value (adjustment, shots[i].to_end ? gtk_adjustment_get_upper (adjustment) : 0);
      sc_test_save_screenshot (GTK_WIDGET (assistant), shots[i].name);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (assistant));

  /* Forty partners over a year: the table scrolls both ways */
  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "sc-test-recipe-many.csv", NULL);
    g_autoptr(GFile) many = g_file_new_for_path (path);
    g_autoptr(GString) data = g_string_new ("Supplier,Order Date,Amount\n");

    for (guint i = 0; i < 960; i++)
      g_string_append_printf (data, "Supplier %02u GmbH,2025-%02u-%02u,%u.50\n", i % 40, i / 40 % 12 + 1,
                              i % 28 + 1, 100 + i);
    g_assert_true (g_file_set_contents (path, data->str, data->len, NULL));
    assistant = sc_import_assistant_present (NULL, book, NULL, many, NULL, NULL);
    sc_test_wait_for_import_step (assistant, "format");
    next (assistant);
    sc_test_wait_for_import_step (assistant, "recipe");
    gtk_window_set_default_size (GTK_WINDOW (assistant), 860, 1000);
    scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (assistant->recipe_page),
                                                                   SC_TYPE_IMPORT_RECIPE_PAGE, "scroller"));
    sc_test_settle ();
    adjustment = gtk_scrolled_window_get_vadjustment (scroller);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    sc_test_save_screenshot (GTK_WIDGET (assistant), "import-recipe-many.png");
    gtk_window_destroy (GTK_WINDOW (assistant));
    g_unlink (path);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_home = g_dir_make_tmp ("sc-test-config-XXXXXX", NULL);

  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/import-recipe/steps", test_steps);
  g_test_add_func ("/import-recipe/kept-recipe", test_kept_recipe);
  g_test_add_func ("/import-recipe/back-and-syntax", test_back_and_syntax);
  g_test_add_func ("/import-recipe/needed-after-mapping", test_needed_after_mapping);
  /* Pictures to look at, not a check: only when asked for */
  if (g_getenv ("SC_SCREENSHOT_DIR") != NULL)
    g_test_add_func ("/import-recipe/screenshots", test_screenshots);

  return g_test_run ();
}
