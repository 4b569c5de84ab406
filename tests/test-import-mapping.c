/* test-import-mapping.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of what the import assistant asks of the import pipeline
 * (sc-import-preview.c, sc-import-mapping.c): the first rows of a file as
 * parsed with the chosen options, column roles that override the header,
 * KPI matches that override the catalogue, and undo followed by redo.
 */

#include "config.h"

#include <string.h>

#include "sc-import-preview.h"
#include "sc-workbook-io.h"
#include "sc-test-book.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  return g_file_new_for_path (path);
}

static ScImportPreview *
preview_fixture (ScImport   *import,
                 const char *name,
                 guint       max_rows)
{
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(GError) error = NULL;
  ScImportPreview *preview;

  preview = sc_import_preview_file (import, file, max_rows, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (preview);

  return preview;
}

static void
test_preview_detected (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScImportPreview) preview = preview_fixture (import, "de-semicolon-decimal-comma.csv", 2);

  g_assert_cmpint (preview->format, ==, SC_IMPORT_FORMAT_CSV);
  g_assert_cmpint (preview->delimiter, ==, ';');
  g_assert_cmpint (preview->decimal_mark, ==, ',');
  g_assert_cmpstr (preview->encoding, ==, "UTF-8");
  g_assert_cmpint (preview->layout, ==, SC_IMPORT_LAYOUT_LONG);
  g_assert_cmpuint (preview->n_columns, ==, 4);
  g_assert_cmpstr (preview->header[0], ==, "Lieferant");
  g_assert_cmpint (preview->roles[0], ==, SC_IMPORT_ROLE_PARTNER);
  g_assert_cmpint (preview->roles[1], ==, SC_IMPORT_ROLE_PERIOD);
  g_assert_cmpint (preview->roles[2], ==, SC_IMPORT_ROLE_KPI);
  g_assert_cmpint (preview->roles[3], ==, SC_IMPORT_ROLE_VALUE);

  /* Only the rows asked for */
  g_assert_cmpuint (preview->rows->len, ==, 2);
  g_assert_true (preview->more);
  g_assert_cmpstr (sc_import_preview_get_cell (preview, 0, 0), ==, "Schäfer Gusswerk KG");
  g_assert_cmpstr (sc_import_preview_get_cell (preview, 1, 3), ==, "93,25");
  g_assert_cmpstr (sc_import_preview_get_cell (preview, 5, 0), ==, "");
}

static void
test_preview_options (void)
{
  g_autoptr(ScImport) comma = sc_import_new ();
  g_autoptr(ScImport) latin = sc_import_new ();
  g_autoptr(ScImport) utf8 = sc_import_new ();
  g_autoptr(ScImportPreview) split = NULL;
  g_autoptr(ScImportPreview) detected = NULL;
  g_autoptr(ScImportPreview) forced = NULL;

  /* A comma splits the German file elsewhere */
  sc_import_set_delimiter (comma, ',');
  split = preview_fixture (comma, "de-semicolon-decimal-comma.csv", 20);
  g_assert_cmpuint (split->n_columns, ==, 1);
  g_assert_cmpstr (split->header[0], ==, "Lieferant;Monat;Kennzahl;Wert");
  g_assert_cmpstr (sc_import_preview_get_cell (split, 0, 0), ==, "Schäfer Gusswerk KG;Jan 2025;Liefertreue;97");
  g_assert_false (split->more);
  g_assert_cmpuint (split->rows->len, ==, 4);

  detected = preview_fixture (latin, "windows-1252.csv", 20);
  g_assert_cmpstr (detected->encoding, ==, "WINDOWS-1252");
  g_assert_cmpstr (sc_import_preview_get_cell (detected, 0, 0), ==, "Müller Drehteile GmbH");

  /* Read as UTF-8, the bytes that are not are replaced, not refused */
  sc_import_set_encoding (utf8, "UTF-8");
  forced = preview_fixture (utf8, "windows-1252.csv", 20);
  g_assert_cmpstr (forced->encoding, ==, "UTF-8");
  g_assert_true (g_utf8_validate (sc_import_preview_get_cell (forced, 0, 0), -1, NULL));
  g_assert_cmpstr (sc_import_preview_get_cell (forced, 0, 0), !=, "Müller Drehteile GmbH");
}

static void
test_preview_wide_and_roles (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScImport) long_import = sc_import_new ();
  g_autoptr(ScImportPreview) wide = preview_fixture (import, "wide-unknown-kpi.csv", 20);
  g_autoptr(ScImportPreview) forced = NULL;

  g_assert_cmpint (wide->layout, ==, SC_IMPORT_LAYOUT_WIDE);
  g_assert_cmpint (wide->roles[0], ==, SC_IMPORT_ROLE_PARTNER);
  g_assert_cmpint (wide->roles[1], ==, SC_IMPORT_ROLE_PERIOD);
  g_assert_cmpint (wide->roles[4], ==, SC_IMPORT_ROLE_KPI_COLUMN);
  g_assert_cmpstr (sc_import_role_to_string (wide->roles[4]), ==, "kpi_column");

  /* In a long file an unknown column is ignored */
  sc_import_set_layout (long_import, SC_IMPORT_LAYOUT_LONG);
  sc_import_set_column_role (long_import, 2, SC_IMPORT_ROLE_KPI);
  forced = preview_fixture (long_import, "wide-unknown-kpi.csv", 20);
  g_assert_cmpint (forced->roles[2], ==, SC_IMPORT_ROLE_KPI);
  g_assert_cmpint (forced->roles[3], ==, SC_IMPORT_ROLE_IGNORE);
}

static void
test_preview_json (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScImportPreview) preview = preview_fixture (import, "interchange.json", 20);

  g_assert_cmpint (preview->format, ==, SC_IMPORT_FORMAT_JSON);
  g_assert_cmpuint (preview->n_columns, ==, 0);
  g_assert_cmpuint (preview->rows->len, ==, 0);
}

static void
test_column_roles (void)
{
  static const char data[] =
    "Wer,Wann,Was,Wie viel,Bemerkung\n"
    "Alpha AB,2025-01,OTD,90,fine\n"
    "Alpha AB,2025-02,OTD,91,\n";
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScImport) twice = sc_import_new ();
  g_autoptr(ScImport) ignored = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScWorkbook) wide = sc_workbook_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("wide-unknown-kpi.csv");

  /* Headers the import does not know, mapped by hand */
  sc_import_set_column_role (import, 0, SC_IMPORT_ROLE_PARTNER);
  sc_import_set_column_role (import, 1, SC_IMPORT_ROLE_PERIOD);
  sc_import_set_column_role (import, 2, SC_IMPORT_ROLE_KPI);
  sc_import_set_column_role (import, 3, SC_IMPORT_ROLE_VALUE);
  sc_import_set_column_role (import, 4, SC_IMPORT_ROLE_IGNORE);
  g_assert_true (sc_import_add_data (import, data, strlen (data), "by-hand.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_import_get_source (import, 0)->layout, ==, SC_IMPORT_LAYOUT_LONG);
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_cmpfloat (sc_test_value_at (book, "Alpha AB", "on_time_delivery_pct", "2025-02"), ==, 91);

  /* Two columns with one role are a header error */
  sc_import_set_column_role (twice, 1, SC_IMPORT_ROLE_PARTNER);
  g_assert_false (sc_import_add_file (twice, file, NULL, &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_HEADER);
  g_clear_error (&error);

  /* An ignored KPI column of a wide file is not imported */
  sc_import_set_column_role (ignored, 4, SC_IMPORT_ROLE_IGNORE);
  g_assert_true (sc_import_add_file (ignored, file, NULL, &error));
  g_assert_true (sc_import_commit (ignored, wide, &error));
  g_assert_no_error (error);
  g_assert_null (sc_workbook_lookup_kpi (wide, "tickets_je_woche"));
  g_assert_cmpfloat (sc_test_value_at (wide, "Nordwind GmbH", "nps", "2025-04"), ==, 38);
  g_assert_cmpuint (sc_import_get_n_kpis (ignored), ==, 2);
}

static void
test_kpi_matches (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScKpi) tickets = sc_kpi_new ("tickets", "Tickets per week");
  g_autoptr(GFile) file = fixture ("wide-unknown-kpi.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) spellings = NULL;
  ScKpi *nps;

  sc_workbook_add_kpi (book, tickets);
  sc_import_set_kpi_match (import, "Tickets je Woche", "tickets");
  sc_import_set_kpi_match (import, "NPS", NULL);
  g_assert_true (sc_import_add_file (import, file, NULL, &error));
  g_assert_no_error (error);

  /* What commit will do, before it does it */
  g_assert_cmpuint (sc_import_get_n_kpis (import), ==, 3);
  g_assert_cmpstr (sc_import_get_kpi_name (import, 0), ==, "NPS");
  g_assert_cmpint (sc_import_match_kpi (import, 0, book, &id), ==, SC_IMPORT_KPI_MATCH_NEW);
  g_clear_pointer (&id, g_free);
  g_assert_cmpint (sc_import_match_kpi (import, 1, book, &id), ==, SC_IMPORT_KPI_MATCH_CATALOGUE);
  g_assert_cmpstr (id, ==, "csat_score");
  g_clear_pointer (&id, g_free);
  g_assert_cmpint (sc_import_match_kpi (import, 2, book, &id), ==, SC_IMPORT_KPI_MATCH_WORKBOOK);
  g_assert_cmpstr (id, ==, "tickets");
  g_assert_cmpint (sc_import_match_kpi (import, 2, NULL, NULL), ==, SC_IMPORT_KPI_MATCH_NEW);
  spellings = sc_import_dup_kpi_spellings (import, 1);
  g_assert_cmpstrv (spellings, ((const char *[]) { "Kundenzufriedenheit", NULL }));

  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordwind GmbH", "tickets", "2025-04"), ==, 9);
  g_assert_null (sc_workbook_lookup_kpi (book, "tickets_je_woche"));

  /* "NPS" as a new KPI named as written, not the catalogue's */
  nps = sc_workbook_lookup_kpi (book, "nps");
  g_assert_nonnull (nps);
  g_assert_cmpstr (sc_kpi_get_name (nps), ==, "NPS");
  g_assert_cmpfloat (sc_test_value_at (book, "Nordwind GmbH", "nps", "2025-03"), ==, 35);
}

/* A new KPI whose id the workbook uses already gets another one. */
static void
test_new_kpi_id_taken (void)
{
  static const char data[] = "partner,period,kpi,value\nAlpha,2025-01,OTD,90\n";
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScKpi) otd = sc_kpi_new ("otd", "OTD");
  g_autoptr(GError) error = NULL;

  sc_workbook_add_kpi (book, otd);
  sc_import_set_kpi_match (import, "OTD", NULL);
  g_assert_true (sc_import_add_data (import, data, strlen (data), "otd.csv", &error));
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sc_workbook_lookup_kpi (book, "otd_2"));
  g_assert_cmpfloat (sc_test_value_at (book, "Alpha", "otd_2", "2025-01"), ==, 90);
}

static void
test_undo_redo (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = fixture ("de-semicolon-decimal-comma.csv");
  g_autoptr(GBytes) empty = sc_workbook_to_bytes (book);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_import_add_file (import, file, NULL, &error));
  g_assert_true (sc_import_commit (import, book, &error));
  first = sc_workbook_to_bytes (book);

  sc_import_undo (import, book);
  undone = sc_workbook_to_bytes (book);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 0);

  /* Redo commits the same import again */
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  redone = sc_workbook_to_bytes (book);
  g_assert_true (g_bytes_equal (first, redone));
  g_assert_false (g_bytes_equal (empty, redone));
  g_assert_cmpfloat (sc_test_value_at (book, "Schäfer Gusswerk KG", "on_time_delivery_pct", "2025-03"), ==, 93.25);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-mapping/preview-detected", test_preview_detected);
  g_test_add_func ("/import-mapping/preview-options", test_preview_options);
  g_test_add_func ("/import-mapping/preview-wide-and-roles", test_preview_wide_and_roles);
  g_test_add_func ("/import-mapping/preview-json", test_preview_json);
  g_test_add_func ("/import-mapping/column-roles", test_column_roles);
  g_test_add_func ("/import-mapping/kpi-matches", test_kpi_matches);
  g_test_add_func ("/import-mapping/new-kpi-id-taken", test_new_kpi_id_taken);
  g_test_add_func ("/import-mapping/undo-redo", test_undo_redo);

  return g_test_run ();
}
