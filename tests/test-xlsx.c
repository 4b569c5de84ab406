/* test-xlsx.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the spreadsheet reader (sc-reader-xlsx*.c, sc-reader-ods.c,
 * sc-xml-scanner.c) and of importing sheets (sc-import-xlsx.c,
 * sc-sheet-text-stream.c): every fixture made by a real spreadsheet
 * program lands at the right partner, KPI and period; errors name the
 * sheet and the cell; every hostile file fails quickly with a clear error.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-import.h"
#include "sc-import-xlsx.h"
#include "sc-reader-xlsx.h"
#include "sc-workbook-io.h"
#include "sc-test-book.h"

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  return g_file_new_for_path (path);
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static gboolean collect_row_cb (guint64             row,
                                const ScSheetCell  *cells,
                                guint               n_cells,
                                gpointer            user_data,
                                GError            **error);

/* Imports sheet @sheet (NULL: the default) of @name into a new workbook. */
static ScWorkbook *
import_sheet (const char *name,
              const char *sheet)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_new ();

  sc_import_set_sheet (import, sheet);
  g_assert_true (sc_import_add_file (import, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);

  return book;
}

/* Fixtures */

static void
test_long_dates (void)
{
  g_autoptr(ScWorkbook) book = import_sheet ("xlsx-long-dates.xlsx", NULL);

  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "on_time_delivery_pct", "2025-01"), ==, 96.75);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "ppm_defects", "2025-03"), ==, 312.25);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "scrap_rate_pct", "2025-02"), ==, 4.75);
}

static void
test_ods (void)
{
  g_autoptr(ScWorkbook) book = import_sheet ("ods-long-dates.ods", NULL);
  g_autoptr(ScWorkbook) xlsx = import_sheet ("xlsx-long-dates.xlsx", NULL);
  g_autoptr(GBytes) a = sc_workbook_to_bytes (book);
  g_autoptr(GBytes) b = sc_workbook_to_bytes (xlsx);

  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "ppm_defects", "2025-03"), ==, 312.25);
  g_assert_true (g_bytes_equal (a, b));
}

static void
test_wide_decimals (void)
{
  g_autoptr(ScWorkbook) book = import_sheet ("xlsx-wide-decimals.xlsx", NULL);

  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "on_time_delivery_pct", "2025-02"), ==, 98.5);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "scrap_rate_pct", "2025-03"), ==, 5);
  /* 0.938 in a percent format is 93.8 as the user sees it */
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "otif_pct", "2025-03"), ==, 93.8);
}

static void
test_numbers_as_text (void)
{
  g_autoptr(ScWorkbook) book = import_sheet ("xlsx-numbers-as-text.xlsx", NULL);

  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "on_time_delivery_pct", "2025-03"), ==, 98.8);
}

static void
test_merged_header (void)
{
  g_autoptr(ScWorkbook) book = import_sheet ("xlsx-merged-header.xlsx", NULL);

  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "on_time_delivery_pct", "2025-02"), ==, 100);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "ppm_defects", "2025-02"), ==, 313.5);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "lead_time_days", "2025-02"), ==, 14);
  g_assert_null (sc_workbook_lookup_kpi (book, "quality"));
}

/* Months merged over their KPIs: each column is a KPI of the month above it */
static void
test_merged_months (gconstpointer data)
{
  g_autoptr(ScWorkbook) book = import_sheet (data, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_kpis (book)), ==, 3);
  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "on_time_delivery_pct", "2025-01"), ==, 96.75);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "ppm_defects", "2025-02"), ==, 312);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "scrap_rate_pct", "2025-03"), ==, 5);
  /* The title merged across the table names no partner or KPI */
  g_assert_null (sc_workbook_lookup_partner (book, "Supplier scorecard Q1 2025 (exported from the BI portal)"));
}

/* The supplier merged down its nine rows, each KPI down its three months */
static void
test_merged_partner_long (gconstpointer data)
{
  g_autoptr(ScWorkbook) book = import_sheet (data, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 3);
  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "on_time_delivery_pct", "2025-03"), ==, 97.25);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "ppm_defects", "2025-02"), ==, 312);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "scrap_rate_pct", "2025-03"), ==, 5);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "scrap_rate_pct", "2025-01"), ==, 4.5);
}

/* The same merged tables from an .xlsx and from an .ods make the same workbook. */
static void
test_merged_ods_same (void)
{
  g_autoptr(ScWorkbook) a = import_sheet ("xlsx-merged-months-wide.xlsx", NULL);
  g_autoptr(ScWorkbook) b = import_sheet ("ods-merged-months-wide.ods", NULL);
  g_autoptr(ScWorkbook) c = import_sheet ("xlsx-merged-partner-long.xlsx", NULL);
  g_autoptr(ScWorkbook) d = import_sheet ("ods-merged-partner-long.ods", NULL);
  g_autoptr(GBytes) ab = sc_workbook_to_bytes (a);
  g_autoptr(GBytes) bb = sc_workbook_to_bytes (b);
  g_autoptr(GBytes) cb = sc_workbook_to_bytes (c);
  g_autoptr(GBytes) db = sc_workbook_to_bytes (d);

  g_assert_true (g_bytes_equal (ab, bb));
  g_assert_true (g_bytes_equal (cb, db));
}

/* Covered cells come filled and marked, from both readers */
static void
test_merged_cells (void)
{
  static const char *names[] = { "xlsx-merged-partner-long.xlsx", "ods-merged-partner-long.ods" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = fixture_bytes (names[i]);
      g_autoptr(ScReaderXlsx) reader = sc_reader_xlsx_new (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      gboolean done = FALSE;

      g_assert_true (sc_reader_xlsx_open (reader, bytes, &error));
      g_assert_true (sc_reader_xlsx_begin_sheet (reader, 0, collect_row_cb, out, &error));
      while (!done)
        g_assert_true (sc_reader_xlsx_read_chunk (reader, &done, NULL, &error));
      g_assert_no_error (error);
      /* Row 12 is the last of Müller's: name and KPI are the first rows' */
      g_assert_nonnull (strstr (out->str, "\n12: 0/0/Müller Drehteile GmbH* 1/0/Scrap rate* 2/0/2025-03 3/1/2\n"));
    }
}

static void
test_several_sheets (void)
{
  g_autoptr(ScWorkbook) first = import_sheet ("xlsx-several-sheets.xlsx", NULL);
  g_autoptr(ScWorkbook) customers = import_sheet ("xlsx-several-sheets.xlsx", "Customers");
  g_autoptr(GFile) file = fixture_file ("xlsx-several-sheets.xlsx");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sheets = sc_import_list_xlsx_sheets (file, &error);

  g_assert_no_error (error);
  g_assert_cmpstrv (sheets, ((const char *[]) { "Cover", "Suppliers", "Customers", "Lists", NULL }));

  /* The empty cover is passed over; the hidden list is not chosen */
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (first)), ==, 3);
  g_assert_cmpfloat (sc_test_value_at (first, "Nordkap AS", "on_time_delivery_pct", "2025-02"), ==, 98.5);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (customers)), ==, 2);
  g_assert_cmpfloat (sc_test_value_at (customers, "Fabrikam Inc", "nps", "2025-02"), ==, 23);
}

static void
test_missing_sheet (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(GFile) file = fixture_file ("xlsx-several-sheets.xlsx");
  g_autoptr(GError) error = NULL;

  sc_import_set_sheet (import, "Vendors");
  g_assert_false (sc_import_add_file (import, file, NULL, &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "“Vendors”"));
  g_assert_nonnull (strstr (error->message, "“Customers”"));
}

/* Notes first, a one-column dump (the active sheet, and longer than the
 * table) second: the table on the third sheet is the one imported.
 */
static void
test_sheet_choice (gconstpointer data)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture_file (data);
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_import_add_file (import, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sc_import_get_source (import, 0)->sheet, ==, "Scorecard");
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 3);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "on_time_delivery_pct", "2025-02"), ==, 98.5);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "ppm_defects", "2025-03"), ==, 313.75);
}

/* The choice itself, for the recipe import and the assistant, and the
 * sizes it learns without reading the sheets whole.
 */
static void
test_choose_table_sheet (gconstpointer data)
{
  g_autoptr(GBytes) bytes = fixture_bytes (data);
  g_autoptr(ScReaderXlsx) reader = sc_reader_xlsx_new (data);
  g_autoptr(GError) error = NULL;
  guint64 n_rows;
  guint n_columns;
  guint sheet;

  g_assert_true (sc_reader_xlsx_open (reader, bytes, &error));
  g_assert_true (sc_import_choose_table_sheet (reader, &sheet, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sc_reader_xlsx_get_sheet_name (reader, sheet), ==, "Scorecard");

  g_assert_true (sc_reader_xlsx_get_sheet_size (reader, 1, &n_rows, &n_columns));
  g_assert_cmpuint (n_rows, ==, 400);
  g_assert_cmpuint (n_columns, ==, 1);
  g_assert_true (sc_reader_xlsx_get_sheet_size (reader, 2, &n_rows, &n_columns));
  g_assert_cmpuint (n_rows, ==, 10);
  g_assert_cmpuint (n_columns, ==, 4);
}

/* No sheet holds a table: the error lists the sheets with their sizes */
static void
test_no_table (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(GFile) file = fixture_file ("xlsx-no-table.xlsx");
  g_autoptr(GError) error = NULL;

  g_assert_false (sc_import_add_file (import, file, NULL, &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==,
                   "xlsx-no-table.xlsx: no sheet holds a table (a header row over rows of two columns "
                   "or more); the workbook has “Notes” (3 rows × 1 column), “Dump” (400 rows × 1 column)");
}

static void
test_header_row_3 (void)
{
  g_autoptr(ScWorkbook) book = import_sheet ("xlsx-header-row-3.xlsx", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 3);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "on_time_delivery_pct", "2025-01"), ==, 99.75);
}

static void
test_date1904 (void)
{
  g_autoptr(ScWorkbook) book = import_sheet ("xlsx-date1904.xlsx", NULL);

  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "on_time_delivery_pct", "2025-01"), ==, 91);
  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "on_time_delivery_pct", "2025-03"), ==, 93);
}

static void
test_sparse_formulas (void)
{
  g_autoptr(ScWorkbook) book = import_sheet ("xlsx-sparse-formulas.xlsx", NULL);

  /* PPM is a formula; Gnumeric stored its result */
  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "ppm_defects", "2025-03"), ==, 300);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "ppm_defects", "2025-03"), ==, 800);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "defects", "2025-03"), ==, 5);
}

static void
test_bad_value (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScImport) skipping = sc_import_new ();
  g_autoptr(GFile) file = fixture_file ("xlsx-bad-value.xlsx");
  g_autoptr(GError) error = NULL;
  const ScImportProblem *problem;

  g_assert_false (sc_import_add_file (import, file, NULL, &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "xlsx-bad-value.xlsx: Suppliers!C17: expected a number"));
  g_assert_nonnull (strstr (error->message, "found “ninety”"));
  g_clear_error (&error);

  sc_import_set_skip_bad_rows (skipping, TRUE);
  g_assert_true (sc_import_add_file (skipping, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_import_get_n_skipped (skipping), ==, 1);
  problem = g_ptr_array_index (sc_import_get_problems (skipping), 0);
  g_assert_cmpuint (problem->line, ==, 17);
  g_assert_cmpuint (problem->column, ==, 3);
  g_assert_true (g_str_has_prefix (problem->message, "Suppliers!C17: "));
}

/* The same data from a CSV and from an .xlsx make the same workbook. */
static void
test_same_as_csv (void)
{
  static const char csv[] =
    "partner,kpi,period,value\n"
    "Müller Drehteile GmbH,OTD,2025-01,96.8\n" "Müller Drehteile GmbH,OTD,2025-02,97.0\n"
    "Müller Drehteile GmbH,OTD,2025-03,97.2\n" "Nordkap AS,OTD,2025-01,98.2\n"
    "Nordkap AS,OTD,2025-02,98.5\n" "Nordkap AS,OTD,2025-03,98.8\n"
    "Acme Castings Ltd,OTD,2025-01,99.8\n" "Acme Castings Ltd,OTD,2025-02,100.0\n"
    "Acme Castings Ltd,OTD,2025-03,100.2\n";
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) from_csv = sc_workbook_new ();
  g_autoptr(ScWorkbook) from_xlsx = import_sheet ("xlsx-numbers-as-text.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;

  g_assert_true (sc_import_add_data (import, csv, strlen (csv), "same.csv", &error));
  g_assert_true (sc_import_commit (import, from_csv, &error));
  g_assert_no_error (error);
  a = sc_workbook_to_bytes (from_csv);
  b = sc_workbook_to_bytes (from_xlsx);
  g_assert_true (g_bytes_equal (a, b));
}

static void
test_undo (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture_file ("xlsx-wide-decimals.xlsx");
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_import_add_file (import, file, NULL, &error));
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 3);
  sc_import_undo (import, book);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 0);
  g_assert_null (sc_workbook_lookup_kpi (book, "otif_pct"));
}

/* Rows read with the scanner and with GMarkupParseContext are the same. */
static gboolean
collect_row_cb (guint64             row,
                const ScSheetCell  *cells,
                guint               n_cells,
                gpointer            user_data,
                GError            **error)
{
  GString *out = user_data;

  g_string_append_printf (out, "%" G_GUINT64_FORMAT ":", row);
  for (guint i = 0; i < n_cells; i++)
    g_string_append_printf (out, " %u/%d/%s%s", cells[i].column, cells[i].type, cells[i].text,
                            cells[i].covered ? "*" : "");
  g_string_append_c (out, '\n');
  return TRUE;
}

static char *
read_rows (GBytes   *bytes,
           guint     sheet,
           gboolean  use_gmarkup)
{
  g_autoptr(ScReaderXlsx) reader = sc_reader_xlsx_new ("test.xlsx");
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  gboolean done = FALSE;

  sc_reader_xlsx_set_use_gmarkup (reader, use_gmarkup);
  g_assert_true (sc_reader_xlsx_open (reader, bytes, &error));
  g_assert_true (sc_reader_xlsx_begin_sheet (reader, sheet, collect_row_cb, out, &error));
  while (!done)
    g_assert_true (sc_reader_xlsx_read_chunk (reader, &done, NULL, &error));
  g_assert_no_error (error);

  return g_string_free (out, FALSE);
}

static void
test_scanner_matches_gmarkup (void)
{
  static const char *names[] = {
    "xlsx-long-dates.xlsx", "xlsx-wide-decimals.xlsx", "xlsx-numbers-as-text.xlsx", "xlsx-merged-header.xlsx",
    "xlsx-several-sheets.xlsx", "xlsx-header-row-3.xlsx", "xlsx-date1904.xlsx", "xlsx-sparse-formulas.xlsx",
    "xlsx-bad-value.xlsx", "xlsx-merged-months-wide.xlsx", "xlsx-merged-partner-long.xlsx",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = fixture_bytes (names[i]);
      g_autofree char *fast = read_rows (bytes, i == 4 ? 1 : 0, FALSE);
      g_autofree char *slow = read_rows (bytes, i == 4 ? 1 : 0, TRUE);

      g_assert_cmpstr (fast, ==, slow);
      g_assert_cmpuint (strlen (fast), >, 10);
    }
}

static void
test_sheet_text (void)
{
  g_autoptr(GBytes) bytes = fixture_bytes ("xlsx-merged-header.xlsx");
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(GInputStream) text = sc_import_open_sheet_text (bytes, "m.xlsx", NULL, ',', &sheet, &error);
  char buffer[4096] = { 0 };
  gsize n;

  g_assert_no_error (error);
  g_assert_cmpstr (sheet, ==, "Suppliers");
  g_assert_true (g_input_stream_read_all (text, buffer, sizeof buffer - 1, &n, NULL, &error));
  /* Line 3 is the header merged from rows 2 and 3; numbers carry the decimal comma */
  g_assert_true (g_str_has_prefix (buffer, "\n\nSupplier\tMonth\tPPM\tScrap rate\tOTD\tLead time\n"
                                           "Müller Drehteile GmbH\t2025-01-01\t310,25\t1,5\t96,75\t11\n"));
}

/* A period merged over the KPIs below it stays in their names */
static void
test_sheet_text_months (void)
{
  g_autoptr(GBytes) bytes = fixture_bytes ("xlsx-merged-months-wide.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) text = sc_import_open_sheet_text (bytes, "m.xlsx", NULL, '.', NULL, &error);
  char buffer[4096] = { 0 };
  gsize n;

  g_assert_no_error (error);
  g_assert_true (g_input_stream_read_all (text, buffer, sizeof buffer - 1, &n, NULL, &error));
  g_assert_true (g_str_has_prefix (buffer, "\n\nSupplier\t2025-01 On-time delivery\t2025-01 PPM\t2025-01 Scrap rate\t"
                                           "2025-02 On-time delivery\t"));
}

/* Units */

static void
test_serial_dates (void)
{
  char buf[16];

  g_assert_true (sc_reader_xlsx_serial_to_date (1, FALSE, TRUE, buf, sizeof buf));
  g_assert_cmpstr (buf, ==, "1900-01-01");
  g_assert_true (sc_reader_xlsx_serial_to_date (59, FALSE, TRUE, buf, sizeof buf));
  g_assert_cmpstr (buf, ==, "1900-02-28");
  g_assert_true (sc_reader_xlsx_serial_to_date (60, FALSE, TRUE, buf, sizeof buf));
  g_assert_cmpstr (buf, ==, "1900-02-29"); /* Excel's day that never was */
  g_assert_true (sc_reader_xlsx_serial_to_date (61, FALSE, TRUE, buf, sizeof buf));
  g_assert_cmpstr (buf, ==, "1900-03-01");
  g_assert_true (sc_reader_xlsx_serial_to_date (45292.75, FALSE, TRUE, buf, sizeof buf));
  g_assert_cmpstr (buf, ==, "2024-01-01");
  g_assert_true (sc_reader_xlsx_serial_to_date (45352, FALSE, FALSE, buf, sizeof buf));
  g_assert_cmpstr (buf, ==, "2024-03");
  g_assert_true (sc_reader_xlsx_serial_to_date (0, TRUE, TRUE, buf, sizeof buf));
  g_assert_cmpstr (buf, ==, "1904-01-01");
  g_assert_true (sc_reader_xlsx_serial_to_date (43830, TRUE, TRUE, buf, sizeof buf));
  g_assert_cmpstr (buf, ==, "2024-01-01");
  g_assert_false (sc_reader_xlsx_serial_to_date (-1, FALSE, TRUE, buf, sizeof buf));
  g_assert_false (sc_reader_xlsx_serial_to_date (NAN, FALSE, TRUE, buf, sizeof buf));
}

static void
test_cell_names (void)
{
  g_autofree char *a = sc_reader_xlsx_cell_name ("Suppliers", 2, 17);
  g_autofree char *b = sc_reader_xlsx_cell_name ("Q1 data", 26, 3);
  g_autofree char *c = sc_reader_xlsx_cell_name ("Bob's", 16383, 1048576);
  g_autofree char *d = sc_reader_xlsx_cell_name (NULL, 0, 1);

  g_assert_cmpstr (a, ==, "Suppliers!C17");
  g_assert_cmpstr (b, ==, "'Q1 data'!AA3");
  g_assert_cmpstr (c, ==, "'Bob''s'!XFD1048576");
  g_assert_cmpstr (d, ==, "A1");
}

/* Hostile files */

typedef struct
{
  const char *name;
  int         code;
  const char *message;
} Hostile;

static const Hostile hostile[] = {
  { "hostile-zip-bomb.xlsx", SC_IMPORT_ERROR_TOO_LARGE, "unpacks to 3072 MiB" },
  { "hostile-ratio-bomb.xlsx", SC_IMPORT_ERROR_TOO_LARGE, "zip bomb" },
  { "hostile-huge-strings.xlsx", SC_IMPORT_ERROR_TOO_LARGE, "xl/sharedStrings.xml" },
  { "hostile-deep.xlsx", SC_IMPORT_ERROR_TOO_LARGE, "nested" },
  { "hostile-malformed.xlsx", SC_IMPORT_ERROR_SYNTAX, "malformed" },
  { "hostile-missing-sheet.xlsx", SC_IMPORT_ERROR_SYNTAX, "no part “xl/worksheets/sheet1.xml”" },
  { "hostile-no-workbook.xlsx", SC_IMPORT_ERROR_SYNTAX, "no part “xl/workbook.xml”" },
  { "hostile-not-a-zip.xlsx", SC_IMPORT_ERROR_SYNTAX, "not a readable .xlsx" },
  { "hostile-merge-count.xlsx", SC_IMPORT_ERROR_TOO_LARGE,
    "hostile-merge-count.xlsx: Sheet1!C65537: the sheet merges more than 65536 ranges of cells" },
  { "hostile-merge-huge.xlsx", SC_IMPORT_ERROR_TOO_LARGE,
    "hostile-merge-huge.xlsx: Sheet1!A5: the merged range A5:XFD1048576 is too large" },
  { "hostile-merge-malformed.xlsx", SC_IMPORT_ERROR_SYNTAX,
    "hostile-merge-malformed.xlsx: Sheet1!E7: the merged range “E7:ZZZZ9” is not a range of cells" },
  { "hostile-encrypted.xlsx", SC_IMPORT_ERROR_ENCRYPTED,
    "This workbook is password-protected; save it without a password in Excel and import again" },
};

static void
test_hostile (gconstpointer data)
{
  const Hostile *h = data;
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GBytes) before = sc_workbook_to_bytes (book);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GFile) file = fixture_file (h->name);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (sc_import_add_file (import, file, NULL, &error));
  g_assert_error (error, SC_IMPORT_ERROR, h->code);
  g_assert_true (g_str_has_prefix (error->message, h->name));
  g_assert_nonnull (strstr (error->message, h->message));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (sc_import_get_problems (import)->len, ==, 1);

  /* A failed import changes nothing */
  g_assert_false (sc_import_commit (import, book, NULL));
  after = sc_workbook_to_bytes (book);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx/long-dates", test_long_dates);
  g_test_add_func ("/xlsx/ods", test_ods);
  g_test_add_func ("/xlsx/wide-decimals", test_wide_decimals);
  g_test_add_func ("/xlsx/numbers-as-text", test_numbers_as_text);
  g_test_add_func ("/xlsx/merged-header", test_merged_header);
  g_test_add_data_func ("/xlsx/merged-months/xlsx", "xlsx-merged-months-wide.xlsx", test_merged_months);
  g_test_add_data_func ("/xlsx/merged-months/ods", "ods-merged-months-wide.ods", test_merged_months);
  g_test_add_data_func ("/xlsx/merged-partner-long/xlsx", "xlsx-merged-partner-long.xlsx", test_merged_partner_long);
  g_test_add_data_func ("/xlsx/merged-partner-long/ods", "ods-merged-partner-long.ods", test_merged_partner_long);
  g_test_add_func ("/xlsx/merged-ods-same", test_merged_ods_same);
  g_test_add_func ("/xlsx/merged-cells", test_merged_cells);
  g_test_add_func ("/xlsx/several-sheets", test_several_sheets);
  g_test_add_func ("/xlsx/missing-sheet", test_missing_sheet);
  g_test_add_data_func ("/xlsx/sheet-choice/xlsx", "xlsx-notes-dump-table.xlsx", test_sheet_choice);
  g_test_add_data_func ("/xlsx/sheet-choice/ods", "ods-notes-dump-table.ods", test_sheet_choice);
  g_test_add_data_func ("/xlsx/choose-table-sheet/xlsx", "xlsx-notes-dump-table.xlsx", test_choose_table_sheet);
  g_test_add_data_func ("/xlsx/choose-table-sheet/ods", "ods-notes-dump-table.ods", test_choose_table_sheet);
  g_test_add_func ("/xlsx/no-table", test_no_table);
  g_test_add_func ("/xlsx/header-row-3", test_header_row_3);
  g_test_add_func ("/xlsx/date1904", test_date1904);
  g_test_add_func ("/xlsx/sparse-formulas", test_sparse_formulas);
  g_test_add_func ("/xlsx/bad-value", test_bad_value);
  g_test_add_func ("/xlsx/same-as-csv", test_same_as_csv);
  g_test_add_func ("/xlsx/undo", test_undo);
  g_test_add_func ("/xlsx/scanner-matches-gmarkup", test_scanner_matches_gmarkup);
  g_test_add_func ("/xlsx/sheet-text", test_sheet_text);
  g_test_add_func ("/xlsx/sheet-text-months", test_sheet_text_months);
  g_test_add_func ("/xlsx/serial-dates", test_serial_dates);
  g_test_add_func ("/xlsx/cell-names", test_cell_names);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xlsx/hostile/%s", hostile[i].name);

      g_test_add_data_func (path, &hostile[i], test_hostile);
    }

  return g_test_run ();
}
