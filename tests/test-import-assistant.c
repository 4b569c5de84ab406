/* test-import-assistant.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant under Xvfb, driven as a user would: open a file,
 * read the preview, change the delimiter, map a KPI to the workbook's,
 * look at the problems, skip bad rows, import, undo and redo. A failed
 * import leaves the workbook byte for byte as it was.
 * With SC_SCREENSHOT_DIR set, it also saves a PNG of each step there.
 *
 * The windows have no GtkApplication: registering one wants a D-Bus session
 * bus, which a bare CI machine does not have.
 */

#include "config.h"

#include "sc-test-ui.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sc-import-assistant.h"
#include "sc-import-assistant-private.h"
#include "sc-kpi-definition-row.h"
#include "sc-workbook-io.h"
#include "sc-test-book.h"

typedef struct
{
  ScWorkbook     *book;
  ScImportCounts  counts;
  char           *toast_title;
  AdwToastOverlay *overlay;
  guint           n_done;
} Done;

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until_idle (ScImportAssistant *assistant)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, on_timeout_cb, &timed_out);

  while (sc_import_assistant_is_busy (assistant) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  return g_file_new_for_path (path);
}

/* A workbook with the values of @name, imported without the assistant. */
static ScWorkbook *
workbook_from (const char *name)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_new ();

  g_assert_true (sc_import_add_file (import, file, NULL, &error));
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  sc_workbook_set_modified (book, FALSE);

  return book;
}

static void
on_done_cb (ScImportAssistant    *assistant,
            ScWorkbook           *book,
            const ScImportCounts *counts,
            gpointer              user_data)
{
  Done *done = user_data;
  AdwToast *toast = sc_import_assistant_create_toast (assistant);

  g_set_object (&done->book, book);
  done->counts = *counts;
  g_free (done->toast_title);
  done->toast_title = sc_import_counts_to_string (counts);
  g_assert_nonnull (adw_toast_get_custom_title (toast));
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  done->n_done++;
  if (done->overlay != NULL)
    adw_toast_overlay_add_toast (done->overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
done_clear (Done *done)
{
  g_clear_object (&done->book);
  g_clear_pointer (&done->toast_title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Done, done_clear)

/* The window the assistant is modal for, with somewhere to show toasts. */
static GtkWindow *
parent_window (Done *done)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Scorecards");
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  done->overlay = ADW_TOAST_OVERLAY (overlay);

  return GTK_WINDOW (window);
}

static void
next (ScImportAssistant *assistant)
{
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row;
       row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
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

/* Every step of a German file, with a screenshot of each. */
static void
test_steps (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScUndoStack) undo = sc_undo_stack_new ();
  g_autoptr(GFile) file = fixture ("de-semicolon-decimal-comma.csv");
  GtkWindow *parent = parent_window (&done);
  ScImportAssistant *assistant;

  assistant = sc_import_assistant_present (parent, book, undo, NULL, on_done_cb, &done);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_assert_cmpstr (sc_import_assistant_get_step (assistant), ==, "choose");
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-choose.png");

  /* The preview, as parsed */
  sc_import_assistant_set_file (assistant, file);
  sc_test_wait_for_import_step (assistant, "format");
  g_assert_cmpuint (sc_import_assistant_get_n_preview_columns (assistant), ==, 4);
  g_assert_cmpstr (sc_import_assistant_get_preview_cell (assistant, 0, 0), ==, "Schäfer Gusswerk KG");
  g_assert_cmpstr (sc_import_assistant_get_preview_cell (assistant, 0, 3), ==, "97,5");
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant.png");

  /* A comma as the delimiter reads it otherwise, at once */
  adw_combo_row_set_selected (assistant->delimiter_row, 1);
  wait_until_idle (assistant);
  g_assert_cmpuint (sc_import_assistant_get_n_preview_columns (assistant), ==, 1);
  g_assert_cmpstr (sc_import_assistant_get_preview_cell (assistant, 0, 0), ==,
                   "Schäfer Gusswerk KG;Jan 2025;Liefertreue;97");
  adw_combo_row_set_selected (assistant->delimiter_row, 0);
  wait_until_idle (assistant);
  g_assert_cmpuint (sc_import_assistant_get_n_preview_columns (assistant), ==, 4);

  /* The mapping, detected from the German header */
  next (assistant);
  sc_test_wait_for_import_step (assistant, "mapping");
  g_assert_cmpuint (adw_combo_row_get_selected (sc_import_assistant_get_column_row (assistant, 0)), ==,
                    SC_IMPORT_ROLE_PARTNER);
  g_assert_cmpuint (adw_combo_row_get_selected (sc_import_assistant_get_column_row (assistant, 1)), ==,
                    SC_IMPORT_ROLE_PERIOD);
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-mapping.png");

  /* The KPIs: German names mean catalogue KPIs */
  next (assistant);
  sc_test_wait_for_import_step (assistant, "kpis");
  g_assert_nonnull (sc_import_assistant_get_kpi_row (assistant, "Liefertreue"));
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-kpis.png");

  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");
  g_assert_cmpuint (count_rows (sc_import_assistant_get_problem_list (assistant)), ==, 0);
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-results.png");

  /* Import: the assistant closes, the window gets a toast */
  next (assistant);
  sc_test_settle ();
  g_assert_null (assistant);
  g_assert_cmpuint (done.n_done, ==, 1);
  g_assert_true (done.book == book);
  g_assert_cmpuint (done.counts.n_values, ==, 4);
  g_assert_cmpuint (done.counts.n_partners, ==, 1);
  g_assert_cmpuint (done.counts.n_kpis, ==, 3);
  g_assert_cmpstr (done.toast_title, ==, "Imported 4 values for 1 partner and 3 KPIs");
  g_assert_cmpfloat (sc_test_value_at (book, "Schäfer Gusswerk KG", "on_time_delivery_pct", "2025-03"), ==, 93.25);
  g_assert_cmpfloat (sc_test_value_at (book, "Schäfer Gusswerk KG", "cost_of_poor_quality_eur", "2025-03"), ==, 1234.5);
  sc_test_save_screenshot (GTK_WIDGET (parent), "import-toast.png");

  /* Undo and redo from the window's undo stack */
  g_assert_cmpstr (sc_undo_stack_get_undo_label (undo), ==, "Import de-semicolon-decimal-comma.csv");
  g_assert_true (sc_undo_stack_undo (undo));
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 0);
  g_assert_true (sc_undo_stack_redo (undo));
  g_assert_cmpfloat (sc_test_value_at (book, "Schäfer Gusswerk KG", "ppm_defects", "2025-12"), ==, 250);

  gtk_window_destroy (parent);
}

static void
test_windows_1252 (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(GFile) file = fixture ("windows-1252.csv");
  ScImportAssistant *assistant = sc_import_assistant_present (NULL, NULL, NULL, file, on_done_cb, &done);

  sc_test_wait_for_import_step (assistant, "format");
  g_assert_cmpstr (sc_import_assistant_get_preview_cell (assistant, 0, 0), ==, "Müller Drehteile GmbH");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (assistant->encoding_row)), ==,
                   "Detected: WINDOWS-1252");

  /* Without a workbook the import makes a new one */
  next (assistant);
  sc_test_wait_for_import_step (assistant, "mapping");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "kpis");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");
  next (assistant);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 1);
  g_assert_nonnull (done.book);
  g_assert_cmpfloat (sc_test_value_at (done.book, "Société Générale des Pièces", "rework_cost_eur", "2025-03"), ==, 2500);
}

/* "Tickets je Woche" goes into the workbook's own tickets KPI. */
static void
test_kpi_match (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScKpi) tickets = sc_kpi_new ("tickets", "Tickets per week");
  g_autoptr(GFile) file = fixture ("wide-unknown-kpi.csv");
  ScImportAssistant *assistant;
  AdwComboRow *row;
  guint position;

  sc_workbook_add_kpi (book, tickets);
  assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
  sc_test_wait_for_import_step (assistant, "format");
  g_assert_cmpstr (sc_import_assistant_get_preview_cell (assistant, 1, 4), ==, "9");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "mapping");
  g_assert_cmpuint (adw_combo_row_get_selected (sc_import_assistant_get_column_row (assistant, 4)), ==,
                    SC_IMPORT_ROLE_KPI_COLUMN);
  next (assistant);
  sc_test_wait_for_import_step (assistant, "kpis");

  /* Proposed: a new KPI named as written */
  row = sc_import_assistant_get_kpi_row (assistant, "Tickets je Woche");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  position = find_string (adw_combo_row_get_model (row), "Tickets per week");
  g_assert_cmpuint (position, !=, G_MAXUINT);
  adw_combo_row_set_selected (row, position);
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-kpi-match.png");

  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");
  next (assistant);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 1);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordwind GmbH", "tickets", "2025-04"), ==, 9);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordwind GmbH", "nps", "2025-03"), ==, 35);
  g_assert_null (sc_workbook_lookup_kpi (book, "tickets_je_woche"));
}

/* The next file with the same header comes with the mapping chosen last
 * time: the KPI matched by hand is matched again without asking.
 */
static void
test_remembers_mapping (void)
{
  g_autoptr(GFile) file = fixture ("wide-unknown-kpi.csv");

  for (guint round = 0; round < 2; round++)
    {
      g_auto(Done) done = { 0 };
      g_autoptr(ScWorkbook) book = sc_workbook_new ();
      g_autoptr(ScKpi) tickets = sc_kpi_new ("tickets", "Tickets per week");
      ScImportAssistant *assistant;
      AdwComboRow *row;
      g_autoptr(GtkStringObject) chosen = NULL;

      sc_workbook_add_kpi (book, tickets);
      assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
      sc_test_wait_for_import_step (assistant, "format");
      next (assistant);
      sc_test_wait_for_import_step (assistant, "mapping");
      next (assistant);
      sc_test_wait_for_import_step (assistant, "kpis");

      row = sc_import_assistant_get_kpi_row (assistant, "Tickets je Woche");
      g_assert_nonnull (row);
      if (round == 0)
        adw_combo_row_set_selected (row, find_string (adw_combo_row_get_model (row), "Tickets per week"));
      chosen = g_list_model_get_item (adw_combo_row_get_model (row), adw_combo_row_get_selected (row));
      g_assert_cmpstr (gtk_string_object_get_string (chosen), ==, "Tickets per week");

      next (assistant);
      sc_test_wait_for_import_step (assistant, "results");
      next (assistant);
      sc_test_settle ();
      g_assert_cmpuint (done.n_done, ==, 1);
      g_assert_cmpfloat (sc_test_value_at (book, "Nordwind GmbH", "tickets", "2025-04"), ==, 9);
    }
}

/* An Excel workbook previews and imports like a CSV: its first sheet
 * with data, the header found below the title rows.
 */
static void
test_xlsx (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("xlsx-header-row-3.xlsx");
  ScImportAssistant *assistant;

  assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
  sc_test_wait_for_import_step (assistant, "format");
  g_assert_cmpstr (sc_import_assistant_get_preview_cell (assistant, 0, 0), ==, "Müller Drehteile GmbH");
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-xlsx.png");
  sc_test_import_through (assistant);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), >, 0);
}

/* A workbook with several sheets: the assistant lists them, previews the
 * first with data, and imports the one chosen.
 */
static void
test_xlsx_sheets (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("xlsx-several-sheets.xlsx");
  ScImportAssistant *assistant;
  AdwComboRow *sheets;

  assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
  sc_test_wait_for_import_step (assistant, "format");
  sheets = assistant->sheet_row;
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sheets)));
  /* Cover, Suppliers, Customers, Lists: the one with the most data rows chosen */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (sheets)), ==, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (sheets), ==, 1);
  g_assert_cmpstr (sc_import_assistant_get_preview_cell (assistant, 0, 0), ==, "Müller Drehteile GmbH");

  adw_combo_row_set_selected (sheets, 2);
  sc_test_wait_for_import_step (assistant, "format");
  sc_test_settle ();
  g_assert_cmpstr (sc_import_assistant_get_preview_cell (assistant, 0, 0), ==, "Contoso AG");
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-sheets.png");

  next (assistant);
  sc_test_wait_for_import_step (assistant, "mapping");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "kpis");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");
  next (assistant);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 1);
  g_assert_cmpfloat (sc_test_value_at (book, "Fabrikam Inc", "nps", "2025-02"), ==, 23);
}

/* Notes and a one-column dump before the table: the sheet row shows the
 * table's sheet, as the command line chooses it.
 */
static void
test_xlsx_sheet_choice (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("xlsx-notes-dump-table.xlsx");
  ScImportAssistant *assistant;
  GtkStringObject *item;

  assistant = sc_import_assistant_present (NULL, book, NULL, file, NULL, NULL);
  sc_test_wait_for_import_step (assistant, "format");
  item = adw_combo_row_get_selected_item (assistant->sheet_row);
  g_assert_nonnull (item);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Scorecard");
  g_assert_cmpstr (sc_import_assistant_get_preview_cell (assistant, 0, 0), ==, "Müller Drehteile GmbH");
  gtk_window_destroy (GTK_WINDOW (assistant));
}

/* Padded names are one partner; names that only look alike are listed on
 * the results page, and again in the details after the import.
 */
static void
test_similar_names (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("padded-names.csv");
  g_autoptr(ScImport) import = NULL;
  ScImportAssistant *assistant;
  ScImportAssistant *details;
  GtkListBox *similar;

  assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
  sc_test_wait_for_import_step (assistant, "format");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "mapping");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "kpis");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");

  similar = sc_import_assistant_get_similar_list (assistant);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (assistant->similar_group)));
  g_assert_cmpuint (count_rows (similar), ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_first_child (GTK_WIDGET (similar)))),
                   ==, "“ACME Inc” and “Acme Inc.”");
  g_assert_cmpstr (gtk_label_get_label (assistant->partners_label), ==, "8");
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-similar-names.png");

  /* The assistant goes away with the import; the toast's Details keep it */
  import = g_object_ref (sc_import_assistant_get_import (assistant));
  next (assistant);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 8);

  details = sc_import_assistant_present_details (NULL, import);
  sc_test_settle ();
  g_assert_cmpuint (count_rows (sc_import_assistant_get_similar_list (details)), ==, 3);
  gtk_window_destroy (GTK_WINDOW (details));
}

/* A German KPI table invents "Ausschusskosten EUR" (scrap cost): the KPI
 * step shows it as guessed — lower is better, in €, Cost, no target — and
 * what the user confirms there is what the workbook gets.
 */
static void
walk_to_kpis (ScImportAssistant *assistant)
{
  sc_test_wait_for_import_step (assistant, "format");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "mapping");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "kpis");
}

static void
test_new_kpi_guessed (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("de-new-kpi-scrap-cost.csv");
  ScImportAssistant *assistant;
  GtkWidget *row;
  ScKpi *definition;
  ScKpi *kpi;

  assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
  walk_to_kpis (assistant);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (assistant->new_kpi_group)));
  /* Liefertreue is the catalogue's on-time delivery: no definition to confirm */
  g_assert_false (gtk_widget_get_visible (sc_import_assistant_get_definition_row (assistant, "Liefertreue")));
  row = sc_import_assistant_get_definition_row (assistant, "Ausschusskosten EUR");
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Cost · lower is better, in € · no target · weight 1");
  definition = sc_kpi_definition_row_get_kpi (SC_KPI_DEFINITION_ROW (row));
  g_assert_cmpint (sc_kpi_get_direction (definition), ==, SC_DIRECTION_LOWER);
  g_assert_cmpstr (sc_kpi_get_unit (definition), ==, "€");
  g_assert_cmpstr (sc_kpi_get_category (definition), ==, "cost");
  g_assert_false (sc_kpi_has_target (definition));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-new-kpi.png");

  /* The user gives it a target */
  sc_kpi_set_target (definition, 5000);
  sc_kpi_set_warning (definition, 8000);
  sc_kpi_set_critical (definition, 15000);

  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");
  next (assistant);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 1);

  kpi = sc_workbook_lookup_kpi (book, "ausschusskosten_eur");
  g_assert_nonnull (kpi);
  g_assert_cmpint (sc_kpi_get_direction (kpi), ==, SC_DIRECTION_LOWER);
  g_assert_cmpstr (sc_kpi_get_unit (kpi), ==, "€");
  g_assert_cmpstr (sc_kpi_get_category (kpi), ==, "cost");
  g_assert_cmpfloat (sc_kpi_get_target (kpi), ==, 5000);
  g_assert_cmpfloat (sc_kpi_get_critical (kpi), ==, 15000);
}

/* Left as guessed, the new KPI has no target */
static void
test_new_kpi_without_target (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("de-new-kpi-scrap-cost.csv");
  ScImportAssistant *assistant;
  ScKpi *kpi;

  assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
  walk_to_kpis (assistant);
  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");
  next (assistant);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 1);

  kpi = sc_workbook_lookup_kpi (book, "ausschusskosten_eur");
  g_assert_nonnull (kpi);
  g_assert_cmpint (sc_kpi_get_direction (kpi), ==, SC_DIRECTION_LOWER);
  g_assert_false (sc_kpi_has_target (kpi));
}

/* Bad rows: listed with file, line and column; imported only when skipped. */
static void
test_skip_bad_rows (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = workbook_from ("crlf.csv");
  g_autoptr(ScUndoStack) undo = sc_undo_stack_new ();
  g_autoptr(GFile) file = fixture ("bad-rows.csv");
  g_autoptr(GBytes) before = sc_workbook_to_bytes (book);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(ScWorkbook) widened = workbook_from ("crlf.csv");
  ScPeriod first, last;
  static const char *where[] = { "bad-rows.csv:3:4", "bad-rows.csv:4:5", "bad-rows.csv:5:6", "bad-rows.csv:6:1" };
  ScImportAssistant *assistant;
  GtkListBox *problems;
  GtkWidget *row;
  guint i = 0;

  assistant = sc_import_assistant_present (NULL, book, undo, file, on_done_cb, &done);
  sc_test_wait_for_import_step (assistant, "format");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "mapping");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "kpis");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");

  problems = sc_import_assistant_get_problem_list (assistant);
  g_assert_cmpuint (count_rows (problems), ==, G_N_ELEMENTS (where));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (problems)); row; row = gtk_widget_get_next_sibling (row))
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, where[i++]);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (assistant->results_status), "error"));
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-problems.png");

  /* Without skipping, nothing can be imported and nothing changes */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 0);
  after = sc_workbook_to_bytes (book);
  g_assert_true (g_bytes_equal (before, after));

  /* Skipping lists the rows as skipped and imports the others */
  gtk_switch_set_active (assistant->skip_switch, TRUE);
  g_assert_cmpstr (adw_preferences_group_get_title (assistant->problems_group), ==, "Skipped Rows");
  g_assert_cmpuint (count_rows (problems), ==, G_N_ELEMENTS (where));
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-skipped.png");
  next (assistant);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 1);
  g_assert_cmpuint (done.counts.n_values, ==, 3);
  g_assert_cmpuint (done.counts.n_skipped, ==, 4);
  g_assert_cmpfloat (sc_test_value_at (book, "Alpha AB", "on_time_delivery_pct", "2025-04"), ==, 95);
  first = sc_workbook_get_first_period (book);
  last = first + (ScPeriod) sc_workbook_get_n_periods (book) - 1;

  /* Undo takes it all back; only the period range stays as widened
   * (docs/decisions.md), so compare with the range widened alike
   */
  g_assert_true (sc_undo_stack_undo (undo));
  g_assert_null (sc_workbook_lookup_kpi (book, "on_time_delivery_pct"));
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 1);
  g_assert_cmpfloat (sc_test_value_at (book, "Alpha AB", "otif_pct", "2025-02"), ==, 92.5);
  g_assert_true (sc_workbook_ensure_periods (widened, first, last, NULL));
  expected = sc_workbook_to_bytes (widened);
  undone = sc_workbook_to_bytes (book);
  g_assert_true (g_bytes_equal (expected, undone));
}

/* Quarters into a monthly workbook: commit refuses, the workbook is as it was. */
static void
test_failed_commit (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = workbook_from ("crlf.csv");
  g_autoptr(GFile) file = fixture ("pipe.csv");
  g_autoptr(GBytes) before = sc_workbook_to_bytes (book);
  g_autoptr(GBytes) after = NULL;
  ScImportAssistant *assistant;

  assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  sc_test_wait_for_import_step (assistant, "format");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "mapping");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "kpis");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "results");
  next (assistant);
  sc_test_settle ();

  g_assert_nonnull (assistant);
  g_assert_cmpuint (done.n_done, ==, 0);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (assistant->results_status),
                                   "The import failed and the workbook was not changed."));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (assistant->next_button)));
  after = sc_workbook_to_bytes (book);
  g_assert_true (g_bytes_equal (before, after));
  sc_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant-failed.png");

  gtk_window_destroy (GTK_WINDOW (assistant));
  g_assert_null (assistant);
}

/* Cancel while reading a large file goes back to where the user was. */
static void
test_cancel (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "sc-test-large-import.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) data = g_string_new ("partner,kpi,period,value\n");
  g_autoptr(GError) error = NULL;
  ScImportAssistant *assistant;

  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (data, "Partner %u,OTD,2025-%02u,%u\n", i / 12, i % 12 + 1, i % 100);
  g_assert_true (g_file_set_contents (path, data->str, data->len, &error));

  assistant = sc_import_assistant_present (NULL, NULL, NULL, file, NULL, NULL);
  sc_test_wait_for_import_step (assistant, "format");
  next (assistant);
  sc_test_wait_for_import_step (assistant, "mapping");
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  g_assert_cmpstr (sc_import_assistant_get_step (assistant), ==, "working");
  g_assert_true (sc_import_assistant_is_busy (assistant));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel-work", NULL);
  sc_test_wait_for_import_step (assistant, "mapping");
  g_assert_null (sc_import_assistant_get_import (assistant));

  gtk_window_destroy (GTK_WINDOW (assistant));
  g_unlink (path);
}

static void
test_details (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("bad-rows.csv");
  g_autoptr(GError) error = NULL;
  ScImportAssistant *details;

  sc_import_set_skip_bad_rows (import, TRUE);
  g_assert_true (sc_import_add_file (import, file, NULL, &error));
  g_assert_true (sc_import_commit (import, book, &error));

  details = sc_import_assistant_present_details (NULL, import);
  sc_test_settle ();
  g_assert_cmpstr (sc_import_assistant_get_step (details), ==, "results");
  g_assert_cmpuint (count_rows (sc_import_assistant_get_problem_list (details)), ==, 4);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (details->next_button)));
  sc_test_save_screenshot (GTK_WIDGET (details), "import-details.png");
  gtk_window_destroy (GTK_WINDOW (details));
}

/* A sheet whose months are merged over KPI sub-headers goes through the
 * assistant as it goes through the command line
 */
static void
test_xlsx_merged_months (void)
{
  g_auto(Done) done = { 0 };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("xlsx-merged-months-wide.xlsx");
  ScImportAssistant *assistant;

  assistant = sc_import_assistant_present (NULL, book, NULL, file, on_done_cb, &done);
  sc_test_import_through (assistant);
  sc_test_settle ();
  g_assert_cmpuint (done.n_done, ==, 1);
  g_assert_cmpuint (done.counts.n_values, ==, 27);
  g_assert_cmpuint (done.counts.n_partners, ==, 3);
  g_assert_cmpuint (done.counts.n_kpis, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_home = NULL;

  /* Remembered mappings go to a directory of the test's own */
  config_home = g_dir_make_tmp ("sc-test-config-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/import-assistant/steps", test_steps);
  g_test_add_func ("/import-assistant/windows-1252", test_windows_1252);
  g_test_add_func ("/import-assistant/kpi-match", test_kpi_match);
  g_test_add_func ("/import-assistant/skip-bad-rows", test_skip_bad_rows);
  g_test_add_func ("/import-assistant/failed-commit", test_failed_commit);
  g_test_add_func ("/import-assistant/cancel", test_cancel);
  g_test_add_func ("/import-assistant/details", test_details);
  g_test_add_func ("/import-assistant/remembers-mapping", test_remembers_mapping);
  g_test_add_func ("/import-assistant/xlsx", test_xlsx);
  g_test_add_func ("/import-assistant/xlsx-sheets", test_xlsx_sheets);
  g_test_add_func ("/import-assistant/xlsx-sheet-choice", test_xlsx_sheet_choice);
  g_test_add_func ("/import-assistant/similar-names", test_similar_names);
  g_test_add_func ("/import-assistant/new-kpi-guessed", test_new_kpi_guessed);
  g_test_add_func ("/import-assistant/new-kpi-without-target", test_new_kpi_without_target);
  g_test_add_func ("/import-assistant/xlsx-merged-months", test_xlsx_merged_months);

  return g_test_run ();
}
