/* test-import.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the import pipeline (sc-import*.c): values land at the right
 * partner, KPI and period for every dialect and layout; errors name the
 * line and column; a failed import leaves the workbook byte for byte as it
 * was; a committed one can be undone.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-import.h"
#include "sc-workbook-io.h"
#include "sc-test-book.h"

static ScImport *
new_import (gboolean skip_bad_rows)
{
  ScImport *import = sc_import_new ();

  sc_import_set_skip_bad_rows (import, skip_bad_rows);
  return import;
}

static gboolean
add_fixture (ScImport    *import,
             const char  *name,
             GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sc_import_add_file (import, file, NULL, error);
}

/* Imports @name into a new workbook; must succeed. */
static ScWorkbook *
import_fixture (const char *name)
{
  g_autoptr(ScImport) import = new_import (FALSE);
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_new ();

  g_assert_true (add_fixture (import, name, &error));
  g_assert_no_error (error);
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);

  return book;
}

/* Dialects and layouts */

static void
test_utf16_wide (void)
{
  g_autoptr(ScWorkbook) book = import_fixture ("excel-utf16-tab.txt");

  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "on_time_delivery_pct", "2025-02"), ==, 94);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "ppm_defects", "2025-01"), ==, 410);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "on_time_delivery_pct", "2025-01"), ==, 88.25);
  g_assert_cmpint (sc_partner_get_partner_type (sc_test_find_partner (book, "Nordkap AS")), ==, SC_PARTNER_SUPPLIER);
}

static void
test_german (void)
{
  g_autoptr(ScWorkbook) book = import_fixture ("de-semicolon-decimal-comma.csv");

  g_assert_cmpfloat (sc_test_value_at (book, "Schäfer Gusswerk KG", "on_time_delivery_pct", "2025-01"), ==, 97.5);
  g_assert_cmpfloat (sc_test_value_at (book, "Schäfer Gusswerk KG", "on_time_delivery_pct", "2025-03"), ==, 93.25);
  g_assert_cmpfloat (sc_test_value_at (book, "Schäfer Gusswerk KG", "cost_of_poor_quality_eur", "2025-03"), ==, 1234.5);
  g_assert_cmpfloat (sc_test_value_at (book, "Schäfer Gusswerk KG", "ppm_defects", "2025-12"), ==, 250);
}

static void
test_windows_1252 (void)
{
  g_autoptr(ScWorkbook) book = import_fixture ("windows-1252.csv");

  g_assert_cmpfloat (sc_test_value_at (book, "Société Générale des Pièces", "rework_cost_eur", "2025-03"), ==, 2500);
  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "rework_cost_eur", "2025-03"), ==, 1500);
}

static void
test_small_dialects (void)
{
  g_autoptr(ScWorkbook) crlf = import_fixture ("crlf.csv");
  g_autoptr(ScWorkbook) cr = import_fixture ("cr-only.csv");
  g_autoptr(ScWorkbook) bom = import_fixture ("bom-utf8.csv");
  g_autoptr(ScWorkbook) pipe = import_fixture ("pipe.csv");
  g_autoptr(ScWorkbook) be = import_fixture ("excel-utf16be-tab.txt");

  g_assert_cmpfloat (sc_test_value_at (crlf, "Alpha AB", "otif_pct", "2025-02"), ==, 92.5);
  g_assert_cmpfloat (sc_test_value_at (cr, "Alpha AB", "otif_pct", "2025-02"), ==, 92.5);
  g_assert_cmpfloat (sc_test_value_at (bom, "Öresund AB", "ppm_defects", "2025-01"), ==, 300);
  g_assert_cmpint (sc_workbook_get_granularity (pipe), ==, SC_GRANULARITY_QUARTER);
  g_assert_cmpfloat (sc_test_value_at (pipe, "Zenith Motors", "nps", "2025-Q2"), ==, 45);
  g_assert_cmpint (sc_partner_get_partner_type (sc_test_find_partner (pipe, "Zenith Motors")), ==, SC_PARTNER_CUSTOMER);
  g_assert_cmpfloat (sc_test_value_at (be, "Åkesson AB", "on_time_delivery_pct", "2025-03"), ==, 91.5);
}

static void
test_wide_unknown_kpi (void)
{
  g_autoptr(ScWorkbook) book = import_fixture ("wide-unknown-kpi.csv");
  ScKpi *kpi = sc_workbook_lookup_kpi (book, "tickets_je_woche");

  g_assert_nonnull (kpi);
  g_assert_cmpstr (sc_kpi_get_name (kpi), ==, "Tickets je Woche");
  g_assert_cmpfloat (sc_test_value_at (book, "Nordwind GmbH", "tickets_je_woche", "2025-04"), ==, 9);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordwind GmbH", "csat_score", "2025-03"), ==, 4.2);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordwind GmbH", "nps", "2025-04"), ==, 38);
  g_assert_cmpint (sc_partner_get_partner_type (sc_test_find_partner (book, "Nordwind GmbH")), ==, SC_PARTNER_CUSTOMER);
}

/* KPI headers that start with their period: no period column needed */
static void
test_wide_period_headers (void)
{
  static const char data[] =
    "Supplier,Mar 2025 OTD,Mar 2025 PPM,2025-04 OTD,2025-04 PPM\n"
    "Nordkap AS,97.5,310,98,305\n"
    "Acme Castings Ltd,91,450,,420\n";
  g_autoptr(ScImport) import = new_import (FALSE);
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_import_add_data (import, data, strlen (data), "pivot.csv", &error));
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_kpis (book)), ==, 2);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "on_time_delivery_pct", "2025-03"), ==, 97.5);
  g_assert_cmpfloat (sc_test_value_at (book, "Nordkap AS", "ppm_defects", "2025-04"), ==, 305);
  g_assert_cmpfloat (sc_test_value_at (book, "Acme Castings Ltd", "ppm_defects", "2025-03"), ==, 450);
  g_assert_true (isnan (sc_test_value_at (book, "Acme Castings Ltd", "on_time_delivery_pct", "2025-04")));
}

static void
test_target_and_ratio (void)
{
  g_autoptr(ScWorkbook) book = import_fixture ("long-target-ratio.csv");
  ScPartner *alpha = sc_test_find_partner (book, "Alpha AB");
  const ScSeries *series = sc_workbook_get_series (book, alpha, sc_workbook_lookup_kpi (book, "ppm_defects"));
  double target, weight;

  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Alpha AB", "ppm_defects", "2025-01"), 150, 1e-9);
  g_assert_cmpfloat (sc_test_value_at (book, "Alpha AB", "ppm_defects", "2025-02"), ==, 100);
  g_assert_nonnull (series->numerator);
  g_assert_cmpfloat (series->denominator[1], ==, 20000);
  g_assert_true (sc_partner_get_override (alpha, "ppm_defects", &target, &weight));
  g_assert_cmpfloat (target, ==, 150);
  g_assert_cmpint (sc_partner_get_partner_type (alpha), ==, SC_PARTNER_CUSTOMER);
}

static void
test_layout_override (void)
{
  static const char data[] = "partner,period,kpi,value\nAlpha,2025-01,OTD,90\n";
  g_autoptr(ScImport) import = new_import (FALSE);
  g_autoptr(GError) error = NULL;

  /* Forced wide, "kpi" and "value" are known columns, so no KPI columns are left */
  sc_import_set_layout (import, SC_IMPORT_LAYOUT_WIDE);
  g_assert_false (sc_import_add_data (import, data, strlen (data), "forced.csv", &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_HEADER);
  g_assert_cmpint (sc_import_get_source (import, 0)->layout, ==, SC_IMPORT_LAYOUT_WIDE);
}

static void
test_interchange_json (void)
{
  g_autoptr(ScWorkbook) book = import_fixture ("interchange.json");
  ScPartner *mueller = sc_workbook_lookup_partner (book, "s042");

  g_assert_nonnull (mueller);
  g_assert_cmpstr (sc_partner_get_tag (mueller, "site"), ==, "Stuttgart");
  g_assert_cmpstr (sc_kpi_get_unit (sc_workbook_lookup_kpi (book, "tickets_per_week")), ==, "count");
  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "on_time_delivery_pct", "2025-03"), ==, 96.5);
  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "tickets_per_week", "2025-03"), ==, 12);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Nordkap AS", "ppm_defects", "2025-04"), 500, 1e-9);
}

/* A workbook merges into another: values add, names match. */
static void
test_merge_workbook (void)
{
  g_autoptr(ScWorkbook) source = import_fixture ("crlf.csv");
  g_autoptr(ScWorkbook) book = import_fixture ("bom-utf8.csv");
  g_autoptr(ScImport) import = new_import (FALSE);
  g_autoptr(GBytes) bytes = sc_workbook_to_bytes (source);
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_import_add_data (import, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "other.scorecard", &error));
  g_assert_cmpint (sc_import_get_source (import, 0)->format, ==, SC_IMPORT_FORMAT_SCORECARD);
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_test_value_at (book, "Alpha AB", "otif_pct", "2025-01"), ==, 91);
  g_assert_cmpfloat (sc_test_value_at (book, "Öresund AB", "ppm_defects", "2025-01"), ==, 300);
}

/* Errors */

static void
assert_fails (const char *name,
              int         code,
              const char *prefix)
{
  g_autoptr(ScImport) import = new_import (FALSE);
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;

  if (add_fixture (import, name, &error))
    g_assert_false (sc_import_commit (import, book, &error));
  g_assert_error (error, SC_IMPORT_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
}

static void
test_errors (void)
{
  assert_fails ("quoted-newlines.csv", SC_IMPORT_ERROR_VALUE, "quoted-newlines.csv:6:4: ");
  assert_fails ("unterminated-quote.csv", SC_IMPORT_ERROR_SYNTAX, "unterminated-quote.csv:3:1: ");
  assert_fails ("bad-rows.csv", SC_IMPORT_ERROR_PERIOD, "bad-rows.csv:3:4: “2025-13”");
  assert_fails ("ambiguous-dates.csv", SC_IMPORT_ERROR_AMBIGUOUS_PERIOD, "ambiguous-dates.csv:2:3: “03/04/2025”");
}

static void
test_date_order_learnt (void)
{
  g_autoptr(ScWorkbook) dmy = import_fixture ("dmy-dates.csv");
  g_autoptr(ScWorkbook) mdy = import_fixture ("mdy-dates.csv");

  /* 17/05 makes the file day-first: 03/04 is April, 05/06 June */
  g_assert_cmpfloat (sc_test_value_at (dmy, "Alpha", "on_time_delivery_pct", "2025-04"), ==, 90);
  g_assert_cmpfloat (sc_test_value_at (dmy, "Alpha", "on_time_delivery_pct", "2025-06"), ==, 92);
  /* 4/17 makes it month-first: 3/4 is March */
  g_assert_cmpfloat (sc_test_value_at (mdy, "Alpha", "on_time_delivery_pct", "2025-03"), ==, 90);
  g_assert_cmpfloat (sc_test_value_at (mdy, "Alpha", "on_time_delivery_pct", "2025-04"), ==, 91);
}

static void
test_skip_bad_rows (void)
{
  g_autoptr(ScImport) import = new_import (TRUE);
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;
  static const struct { guint64 line; guint column; } expected[] = {
    { 3, 4 }, { 4, 5 }, { 5, 6 }, { 6, 1 },
  };
  GPtrArray *problems;

  g_assert_true (add_fixture (import, "bad-rows.csv", &error));
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);

  problems = sc_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (sc_import_get_n_skipped (import), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      const ScImportProblem *p = g_ptr_array_index (problems, i);

      g_assert_true (p->skipped);
      g_assert_cmpstr (p->file, ==, "bad-rows.csv");
      g_assert_cmpuint (p->line, ==, expected[i].line);
      g_assert_cmpuint (p->column, ==, expected[i].column);
    }
  g_assert_cmpfloat (sc_test_value_at (book, "Alpha AB", "on_time_delivery_pct", "2025-04"), ==, 95);
  g_assert_cmpuint (sc_import_get_n_values (import), ==, 3);
}

static void
test_duplicates (void)
{
  g_autoptr(ScImport) refuse = new_import (FALSE);
  g_autoptr(ScWorkbook) book = import_fixture ("duplicates.csv");
  g_autoptr(ScWorkbook) empty = sc_workbook_new ();
  g_autoptr(GError) error = NULL;

  /* Last wins by default; "On-time delivery %" is OTD */
  g_assert_cmpfloat (sc_test_value_at (book, "Alpha", "on_time_delivery_pct", "2025-01"), ==, 92);

  sc_import_set_duplicates (refuse, SC_IMPORT_DUPLICATES_REFUSE);
  g_assert_true (add_fixture (refuse, "duplicates.csv", &error));
  g_assert_false (sc_import_commit (refuse, empty, &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_DUPLICATE);
  g_assert_true (g_str_has_prefix (error->message, "duplicates.csv:4:4: "));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (empty)), ==, 0);
}

/* Nothing changes when an import fails, byte for byte. */
static void
test_failed_import_changes_nothing (void)
{
  g_autoptr(ScWorkbook) book = import_fixture ("crlf.csv");
  g_autoptr(GBytes) before = sc_workbook_to_bytes (book);
  g_autoptr(GBytes) after = NULL;
  const char *failing[] = { "quoted-newlines.csv", "ambiguous-dates.csv", "pipe.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (failing); i++)
    {
      g_autoptr(ScImport) import = new_import (FALSE);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      ok = add_fixture (import, failing[i], &error) && sc_import_commit (import, book, &error);
      g_assert_false (ok); /* pipe.csv: quarters into a monthly workbook */
      g_assert_nonnull (error);
    }

  after = sc_workbook_to_bytes (book);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_undo (void)
{
  g_autoptr(ScWorkbook) book = import_fixture ("crlf.csv");
  g_autoptr(ScImport) import = new_import (FALSE);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  static const char data[] =
    "partner,kpi,period,value\n"
    "Alpha AB,OTIF,2025-02,50\n"       /* replaces 92.5 */
    "Alpha AB,Scrap rate,2025-02,3\n"  /* a new series and KPI */
    "Gamma AB,OTIF,2025-02,70\n";      /* a new partner */

  before = sc_workbook_to_bytes (book);
  g_assert_true (sc_import_add_data (import, data, strlen (data), "more.csv", &error));
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_test_value_at (book, "Alpha AB", "otif_pct", "2025-02"), ==, 50);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 2);

  g_assert_true (sc_import_can_undo (import));
  sc_import_undo (import, book);
  g_assert_false (sc_import_can_undo (import));
  after = sc_workbook_to_bytes (book);
  g_assert_cmpfloat (sc_test_value_at (book, "Alpha AB", "otif_pct", "2025-02"), ==, 92.5);
  g_assert_null (sc_workbook_lookup_kpi (book, "scrap_rate_pct"));
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/utf16-wide", test_utf16_wide);
  g_test_add_func ("/import/german", test_german);
  g_test_add_func ("/import/windows-1252", test_windows_1252);
  g_test_add_func ("/import/small-dialects", test_small_dialects);
  g_test_add_func ("/import/wide-unknown-kpi", test_wide_unknown_kpi);
  g_test_add_func ("/import/wide-period-headers", test_wide_period_headers);
  g_test_add_func ("/import/target-and-ratio", test_target_and_ratio);
  g_test_add_func ("/import/layout-override", test_layout_override);
  g_test_add_func ("/import/interchange-json", test_interchange_json);
  g_test_add_func ("/import/merge-workbook", test_merge_workbook);
  g_test_add_func ("/import/errors", test_errors);
  g_test_add_func ("/import/date-order-learnt", test_date_order_learnt);
  g_test_add_func ("/import/skip-bad-rows", test_skip_bad_rows);
  g_test_add_func ("/import/duplicates", test_duplicates);
  g_test_add_func ("/import/failed-import-changes-nothing", test_failed_import_changes_nothing);
  g_test_add_func ("/import/undo", test_undo);

  return g_test_run ();
}
