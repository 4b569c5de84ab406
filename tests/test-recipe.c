/* test-recipe.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of recipes (src/core/recipe): transaction rows become the values a
 * manager would compute by hand, a quarter rolls up exactly, dates in every
 * form, lookups and aliases, a recipe kept in the workbook and used again,
 * suggestions, and hostile input failing fast with file, line and column.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-date.h"
#include "sc-import.h"
#include "sc-recipe-preview.h"
#include "sc-recipe-suggest.h"
#include "sc-recipe.h"
#include "sc-rollup.h"
#include "sc-workbook-io.h"
#include "sc-test-book.h"

static char *tmpdir;

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static ScRecipe *
parse_recipe (const char *json)
{
  g_autoptr(GError) error = NULL;
  ScRecipe *recipe = sc_recipe_new_from_data (json, strlen (json), "r.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (recipe);
  return recipe;
}

/* Imports @file with @recipe_json into @book (a new one when NULL). */
static ScWorkbook *
import_with (const char  *recipe_json,
             GFile       *file,
             ScWorkbook  *book,
             GError     **error)
{
  g_autoptr(ScRecipe) recipe = parse_recipe (recipe_json);
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) result = book ? g_object_ref (book) : sc_workbook_new ();

  sc_import_set_recipe (import, recipe);
  if (!sc_import_add_file (import, file, NULL, error) || !sc_import_commit (import, result, error))
    return NULL;
  return g_steal_pointer (&result);
}

static const char *orders_csv =
  "po_line,supplier,order_date,due_date,delivery_date,quantity,defective,amount,status\n"
  "1,Acme GmbH,2025-01-05,2025-01-20,2025-01-19,1000,2,100.50,Delivered\n"
  "2,Acme GmbH,2025-01-17,2025-02-01,2025-02-03,3000,0,200,Delivered\n"
  "3,Acme GmbH,2025-01-30,2025-02-10,,500,,50,Open\n"
  "4,  Acme   GmbH ,2025-02-02,2025-02-15,2025-02-15,2000,10,300,Delivered\n"
  "5,Borealis AB,2025-01-09,2025-01-30,2025-02-04,400,4,40,Delivered\n"
  "6,Borealis AB,2025-03-01,2025-03-20,2025-03-18,600,0,60,delivered\n"
  "7,Acme GmbH,2025-03-11,2025-03-25,2025-03-30,1000,1,100,Delivered\n";

static const char *orders_recipe =
  "{\"partner\": \"supplier\", \"partner_type\": \"supplier\", \"date\": \"order_date\","
  " \"granularity\": \"month\", \"kpis\": ["
  " {\"id\": \"on_time_delivery_pct\", \"formula\": \"100 * share(delivery_date <= due_date where status = \\\"Delivered\\\")\"},"
  " {\"id\": \"ppm_defects\", \"formula\": \"1e6 * sum(defective where status = \\\"Delivered\\\") / sum(quantity where status = \\\"Delivered\\\")\"},"
  " {\"id\": \"lead_time_days\", \"formula\": \"mean(days(order_date, delivery_date) where status = \\\"Delivered\\\")\"},"
  " {\"id\": \"spend\", \"formula\": \"sum(amount)\"}]}";

static void
test_orders (void)
{
  g_autoptr(GFile) file = write_file ("orders.csv", orders_csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = import_with (orders_recipe, file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (book);
  /* The padded spelling is the same partner */
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 2);

  /* Acme, January: two delivered lines, one on time; the open one counts for spend only */
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Acme GmbH", "on_time_delivery_pct", "2025-01"), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Acme GmbH", "ppm_defects", "2025-01"), 1e6 * 2 / 4000, 1e-9);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Acme GmbH", "lead_time_days", "2025-01"), (14 + 17) / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Acme GmbH", "spend", "2025-01"), 350.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Acme GmbH", "ppm_defects", "2025-02"), 5000, 1e-9);
  /* "delivered" matches "Delivered": strings compare ignoring case */
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Borealis AB", "on_time_delivery_pct", "2025-03"), 100, 1e-9);
  g_assert_true (isnan (sc_test_value_at (book, "Borealis AB", "spend", "2025-02")));
}

/* A quarter's PPM is Σ defects / Σ quantity of the quarter, not the mean
 * of the monthly PPMs.
 */
static void
test_quarter_exact (void)
{
  g_autoptr(GFile) file = write_file ("orders-q.csv", orders_csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = import_with (orders_recipe, file, NULL, &error);
  ScPartner *acme;
  const ScSeries *series;
  ScPeriod first, last, jan;
  ScRollup quarter;
  guint n_present;
  double ppm, on_time;

  g_assert_no_error (error);
  acme = sc_test_find_partner (book, "Acme GmbH");
  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-03", &quarter.anchor));
  quarter.kind = SC_ROLLUP_QUARTER;
  sc_rollup_get_range (&quarter, SC_GRANULARITY_MONTH, &first, &last);
  jan = sc_workbook_get_first_period (book);

  series = sc_workbook_get_series (book, acme, sc_workbook_lookup_kpi (book, "ppm_defects"));
  ppm = sc_series_aggregate (series, SC_AGGREGATION_MEAN, 1, first - jan, last - first + 1, &n_present);
  g_assert_cmpfloat_with_epsilon (ppm, 1e6 * (2 + 0 + 10 + 1) / (1000 + 3000 + 2000 + 1000), 1e-6);
  g_assert_cmpuint (n_present, ==, 3);

  /* Three of four delivered lines on time over the quarter (not the mean of 50, 100, 0) */
  series = sc_workbook_get_series (book, acme, sc_workbook_lookup_kpi (book, "on_time_delivery_pct"));
  on_time = sc_series_aggregate (series, SC_AGGREGATION_MEAN, 1, first - jan, last - first + 1, &n_present);
  g_assert_cmpfloat_with_epsilon (on_time, 50, 1e-9);
}

/* Saved, loaded, and used again for the next month's export */
static void
test_kept_in_workbook (void)
{
  g_autoptr(GFile) file = write_file ("orders-kept.csv", orders_csv);
  g_autoptr(GFile) next = write_file ("orders-april.csv",
    "po_line,supplier,order_date,due_date,delivery_date,quantity,defective,amount,status\n"
    "8,Acme GmbH,2025-04-02,2025-04-20,2025-04-10,100,1,10,Delivered\n");
  g_autoptr(GFile) saved = g_file_new_build_filename (tmpdir, "kept.scorecard", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = import_with (orders_recipe, file, NULL, &error);
  g_autoptr(ScWorkbook) loaded = NULL;
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScRecipeTable) table = NULL;
  ScRecipe *kept;
  ScPartner *acme;
  const ScSeries *series;
  guint n_present;
  double ppm;

  g_assert_no_error (error);
  g_assert_cmpuint (sc_workbook_get_n_recipes (book), ==, 1);
  g_assert_true (sc_workbook_save_to_file (book, saved, NULL, &error));
  g_assert_no_error (error);
  loaded = sc_workbook_load_from_file (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_workbook_get_n_recipes (loaded), ==, 1);

  /* The parts came back: the quarter is still exact */
  acme = sc_test_find_partner (loaded, "Acme GmbH");
  series = sc_workbook_get_series (loaded, acme, sc_workbook_lookup_kpi (loaded, "ppm_defects"));
  g_assert_nonnull (series->formula);
  ppm = sc_series_aggregate (series, SC_AGGREGATION_MEAN, 1, 0, 3, &n_present);
  g_assert_cmpfloat_with_epsilon (ppm, 1e6 * 13 / 7000, 1e-6);

  /* April's export has the same columns: the kept recipe fits it */
  table = sc_recipe_table_read_file (next, NULL, NULL, 1, NULL, &error);
  g_assert_no_error (error);
  kept = sc_workbook_find_recipe (loaded, (const char **) table->headers, table->n_columns);
  g_assert_nonnull (kept);
  sc_import_set_recipe (import, kept);
  g_assert_true (sc_import_add_file (import, next, NULL, &error));
  g_assert_true (sc_import_commit (import, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (loaded, "Acme GmbH", "ppm_defects", "2025-04"), 10000, 1e-6);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (loaded, "Acme GmbH", "ppm_defects", "2025-01"), 500, 1e-6);
  g_assert_cmpuint (sc_workbook_get_n_recipes (loaded), ==, 1);

  /* Undo takes April away again */
  sc_import_undo (import, loaded);
  g_assert_true (isnan (sc_test_value_at (loaded, "Acme GmbH", "ppm_defects", "2025-04")));
}

/* Two exports of the same month in one import add up, they do not replace */
static void
test_files_add_up (void)
{
  g_autoptr(GFile) a = write_file ("part-a.csv",
    "supplier,date,ok\nAcme,2025-05-02,yes\nAcme,2025-05-03,no\n");
  g_autoptr(GFile) b = write_file ("part-b.csv",
    "supplier,date,ok\nAcme,2025-05-20,yes\nAcme,2025-05-21,yes\n");
  g_autoptr(ScRecipe) recipe = parse_recipe (
    "{\"partner\": \"supplier\", \"date\": \"date\", \"kpis\": [{\"id\": \"ok_pct\", \"formula\": \"100 * share(ok)\"}]}");
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;

  sc_import_set_recipe (import, recipe);
  g_assert_true (sc_import_add_file (import, a, NULL, &error));
  g_assert_true (sc_import_add_file (import, b, NULL, &error));
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Acme", "ok_pct", "2025-05"), 75, 1e-9);
}

/* Weeks and quarters; a recipe whose periods do not fit the workbook says
 * which member to change
 */
static void
test_granularity (void)
{
  g_autoptr(GFile) file = write_file ("weeks.csv",
    "supplier,date,qty\nA,2025-01-06,10\nA,2025-01-12,5\nA,2025-01-13,7\nA,2025-04-01,1\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) weekly = import_with (
    "{\"partner\": \"supplier\", \"date\": \"date\", \"granularity\": \"week\","
    " \"kpis\": [{\"id\": \"qty\", \"formula\": \"sum(qty)\"}]}", file, NULL, &error);
  g_autoptr(ScWorkbook) quarterly = NULL;
  g_autoptr(ScWorkbook) monthly = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sc_workbook_get_granularity (weekly), ==, SC_GRANULARITY_WEEK);
  g_assert_cmpfloat (sc_test_value_at (weekly, "A", "qty", "2025-W02"), ==, 15);
  g_assert_cmpfloat (sc_test_value_at (weekly, "A", "qty", "2025-W03"), ==, 7);

  quarterly = import_with ("{\"partner\": \"supplier\", \"date\": \"date\", \"granularity\": \"quarter\","
                           " \"kpis\": [{\"id\": \"qty\", \"formula\": \"sum(qty)\"}]}", file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_test_value_at (quarterly, "A", "qty", "2025-Q1"), ==, 22);

  monthly = import_with ("{\"partner\": \"supplier\", \"date\": \"date\","
                         " \"kpis\": [{\"id\": \"qty\", \"formula\": \"sum(qty)\"}]}", file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (import_with ("{\"partner\": \"supplier\", \"date\": \"date\", \"granularity\": \"week\","
                              " \"kpis\": [{\"id\": \"qty\", \"formula\": \"sum(qty)\"}]}", file, monthly, &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "\"granularity\": \"month\""));
}

/* Dates */

static double
day (const char *format,
     const char *text)
{
  double days = NAN;

  if (!sc_date_parse (format, text, strlen (text), &days))
    return NAN;
  return days;
}

static void
test_dates (void)
{
  double expected;
  gboolean ambiguous;
  guint n;
  g_autofree char *format = NULL;
  const char *day_first[] = { "04-01-2016", "13-01-2016", "28-02-2016" };
  const char *undecided[] = { "04-01-2016", "05-02-2016" };
  const char *serials[] = { "45658", "45700" };

  g_assert_true (sc_date_from_ymd (2025, 3, 17, &expected));
  g_assert_cmpfloat (day (NULL, "2025-03-17"), ==, expected);
  g_assert_cmpfloat (day (NULL, "2025-03-17T10:30:00Z"), ==, expected);
  g_assert_cmpfloat (day (NULL, " 2025-03-17 00:00:00 "), ==, expected);
  g_assert_cmpfloat (day ("%d.%m.%Y", "17.03.2025"), ==, expected);
  g_assert_cmpfloat (day ("%m/%d/%y", "3/17/25"), ==, expected);
  g_assert_cmpfloat (day ("%d %b %Y", "17 Mär 2025"), ==, expected);
  g_assert_cmpfloat (day ("%b %d, %Y", "Mar 17, 2025"), ==, expected);
  g_assert_cmpfloat (day ("excel", "45733"), ==, expected);
  g_assert_cmpfloat (day (NULL, "1970-01-01"), ==, 0);
  g_assert_true (isnan (day (NULL, "2025-02-29")));
  g_assert_true (isnan (day (NULL, "2025-04-31")));
  g_assert_true (isnan (day ("%d.%m.%Y", "31.04.2025")));
  g_assert_true (isnan (day (NULL, "garbage")));

  format = sc_date_guess_format (day_first, G_N_ELEMENTS (day_first), &ambiguous, &n);
  g_assert_cmpstr (format, ==, "%d-%m-%Y");
  g_assert_false (ambiguous);
  g_clear_pointer (&format, g_free);
  format = sc_date_guess_format (undecided, G_N_ELEMENTS (undecided), &ambiguous, &n);
  g_assert_true (ambiguous);
  g_clear_pointer (&format, g_free);
  format = sc_date_guess_format (serials, G_N_ELEMENTS (serials), &ambiguous, &n);
  g_assert_cmpstr (format, ==, "excel");
}

/* Day-first dates of a retailer's invoices, vendors padded with spaces */
static void
test_day_first_invoices (void)
{
  g_autoptr(GFile) file = write_file ("invoices.csv",
    "Invoice,Vendor Name,Invoice Date,Amount\n"
    "A1,  Fresh Farms  ,04-01-2016,100\n"
    "A2,Fresh Farms,13-01-2016,50\n"
    "A3,Dairy Co,04-02-2016,70\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = import_with (
    "{\"partner\": \"Vendor Name\", \"date\": \"Invoice Date\", \"kpis\": [{\"id\": \"spend\", \"formula\": \"sum(Amount)\"}]}",
    file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (sc_test_value_at (book, "Fresh Farms", "spend", "2016-01"), ==, 150);
  g_assert_cmpfloat (sc_test_value_at (book, "Dairy Co", "spend", "2016-02"), ==, 70);
}

static void
test_ambiguous_dates (void)
{
  g_autoptr(GFile) file = write_file ("ambiguous.csv",
    "Vendor,Date,Amount\nA,04-01-2016,1\nB,05-02-2016,2\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = import_with (
    "{\"partner\": \"Vendor\", \"date\": \"Date\", \"kpis\": [{\"id\": \"spend\", \"formula\": \"sum(Amount)\"}]}",
    file, NULL, &error);

  g_assert_null (book);
  g_assert_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "ambiguous.csv"));
  g_assert_nonnull (strstr (error->message, "%d-%m-%Y"));
  g_assert_nonnull (strstr (error->message, "%m-%d-%Y"));
}

/* A date column of garbage: file, line and column */
static void
test_bad_date (void)
{
  g_autoptr(GFile) file = write_file ("bad-date.csv",
    "Vendor,Date,Amount\nA,2025-01-04,1\nB,2025-01-05,2\nC,someday,3\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = import_with (
    "{\"partner\": \"Vendor\", \"date\": \"Date\", \"kpis\": [{\"id\": \"spend\", \"formula\": \"sum(Amount)\"}]}",
    file, NULL, &error);

  g_assert_null (book);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bad-date.csv"));
  g_assert_nonnull (strstr (error->message, ":4:2"));
  g_assert_nonnull (strstr (error->message, "someday"));
}

static void
test_bad_number (void)
{
  g_autoptr(GFile) file = write_file ("bad-number.csv",
    "Vendor,Date,Amount\nA,2025-01-04,1\nB,2025-01-05,2\n");
  g_autoptr(GFile) file2 = write_file ("bad-number-2.csv",
    "Vendor,Date,Amount\nA,2025-01-04,1\nB,2025-01-05,two\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  const char *recipe =
    "{\"partner\": \"Vendor\", \"date\": \"Date\", \"kpis\": [{\"id\": \"spend\", \"formula\": \"sum(Amount)\"}]}";

  book = import_with (recipe, file, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&book);
  /* One cell of Amount is not a number: file, line and column */
  book = import_with (recipe, file2, NULL, &error);
  g_assert_null (book);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bad-number-2.csv:3:3"));
  g_assert_nonnull (strstr (error->message, "“two”"));
  g_clear_error (&error);

  /* A sum of names: a type error at the formula, naming the column */
  book = import_with ("{\"partner\": \"Vendor\", \"date\": \"Date\", "
                      "\"kpis\": [{\"id\": \"x\", \"formula\": \"sum(Vendor)\"}]}", file, NULL, &error);
  g_assert_null (book);
  g_assert_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_FORMULA);
  g_assert_nonnull (strstr (error->message, "Vendor"));
}

/* Lookups and aliases */

static void
test_lookup_file_and_aliases (void)
{
  g_autoptr(GFile) vendors = write_file ("vendors.csv", "ID,Name\nV1,Acme Inc.\nV2,Borealis AB\n");
  g_autoptr(GFile) defects = write_file ("defects.csv",
    "Vendor ID,Report Date,Defective_Units,Quantity\n"
    "V1,2025-01-03,5,1000\nV1,2025-01-09,5,1000\nV2,2025-01-09,1,500\nACME INC,2025-01-20,10,3000\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *recipe = g_strdup_printf (
    "{\"partner\": \"Vendor ID\", \"date\": \"Report Date\","
    " \"lookups\": [{\"column\": \"Vendor ID\", \"file\": \"%s/vendors.csv\"}],"
    " \"aliases\": {\"ACME INC\": \"Acme Inc.\"},"
    " \"kpis\": [{\"id\": \"ppm_defects\", \"formula\": \"1e6 * sum(Defective_Units) / sum(Quantity)\"}]}", tmpdir);
  g_autoptr(ScWorkbook) book = import_with (recipe, defects, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 2);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Acme Inc.", "ppm_defects", "2025-01"), 1e6 * 20 / 5000, 1e-6);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Borealis AB", "ppm_defects", "2025-01"), 2000, 1e-6);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  return g_file_new_for_path (path);
}

/* Order lines on the third sheet of a workbook, typed dates, a title row
 * above the header; the quarter's PPM by hand from the fixture's script:
 * Σ rejected / Σ received of Müller's Q1 lines.
 */
static void
test_po_lines_xlsx (void)
{
  g_autoptr(GFile) file = fixture_file ("tx-po-lines.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = import_with (
    "{\"sheet\": \"PO Lines\", \"partner\": \"Vendor\", \"date\": \"Order Date\", \"kpis\": ["
    " {\"id\": \"on_time_delivery_pct\", \"formula\": \"100 * share([Received Date] <= [Promised Date])\"},"
    " {\"id\": \"ppm_defects\", \"formula\": \"1e6 * sum([Qty Rejected]) / sum([Qty Received])\"}]}",
    file, NULL, &error);
  ScPartner *mueller;
  const ScSeries *series;
  guint n_present;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 3);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Müller Drehteile GmbH", "on_time_delivery_pct", "2025-01"),
                                  93.75, 1e-9);
  mueller = sc_test_find_partner (book, "Müller Drehteile GmbH");
  series = sc_workbook_get_series (book, mueller, sc_workbook_lookup_kpi (book, "ppm_defects"));
  g_assert_cmpfloat_with_epsilon (sc_series_aggregate (series, SC_AGGREGATION_RATIO, 1e6, 0, 3, &n_present),
                                  394.7368421052632, 1e-6);
}

/* A defect report whose vendor codes are named on the "Vendor" sheet */
static void
test_lookup_sheet (void)
{
  g_autoptr(GFile) file = fixture_file ("tx-defects-lookup.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = import_with (
    "{\"sheet\": \"Defects\", \"partner\": \"Vendor ID\", \"date\": \"Report Date\","
    " \"lookups\": [{\"column\": \"Vendor ID\", \"sheet\": \"Vendor\"}],"
    " \"kpis\": [{\"id\": \"defects\", \"formula\": \"sum([Defect Qty])\"},"
    "            {\"id\": \"reports\", \"formula\": \"count()\"}]}",
    file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sc_test_find_partner (book, "Nordkap Castings AS"));
  g_assert_nonnull (sc_test_find_partner (book, "Fonderia Valle S.r.l."));
  /* Reports 0, 6, 12, … are vendor 101 in January: ten of them */
  g_assert_cmpfloat (sc_test_value_at (book, "Müller Drehteile GmbH", "reports", "2025-01"), ==, 10);
}

/* Errors */

static void
expect_recipe_error (const char *json,
                     int         code,
                     const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRecipe) recipe = sc_recipe_new_from_data (json, strlen (json), "r.json", &error);

  g_assert_null (recipe);
  g_assert_error (error, SC_RECIPE_ERROR, code);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” not in “%s”", part, error->message);
}

static void
test_recipe_errors (void)
{
  expect_recipe_error ("[1]", SC_RECIPE_ERROR_INVALID, "r.json");
  expect_recipe_error ("{\"date\": \"d\", \"kpis\": [{\"id\": \"x\", \"formula\": \"count()\"}]}",
                       SC_RECIPE_ERROR_INVALID, "partner");
  expect_recipe_error ("{\"partner\": \"p\", \"date\": \"d\", \"kpis\": []}", SC_RECIPE_ERROR_INVALID, "kpis");
  expect_recipe_error ("{\"partner\": \"p\", \"date\": \"d\", \"kpis\": [{\"id\": \"x\"}]}",
                       SC_RECIPE_ERROR_INVALID, "kpis[0].formula");
  expect_recipe_error ("{\"partner\": \"p\", \"date\": \"d\", \"kpis\": [{\"id\": \"x\", \"formula\": \"sum(a\"}]}",
                       SC_RECIPE_ERROR_FORMULA, "kpis[0].formula");
  expect_recipe_error ("{\"partner\": \"p\", \"date\": \"d\", \"granularity\": \"day\", \"kpis\": []}",
                       SC_RECIPE_ERROR_INVALID, "granularity");
  expect_recipe_error ("{\"partner\": 3, \"date\": \"d\"}", SC_RECIPE_ERROR_INVALID, "partner");
}

static void
test_unknown_column (void)
{
  g_autoptr(GFile) file = write_file ("columns.csv", "Vendor,Date,Delivery_Date\nA,2025-01-04,2025-01-05\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = import_with (
    "{\"partner\": \"Vendor\", \"date\": \"Date\", \"kpis\": [{\"id\": \"lead\", \"formula\": \"mean(days(Date, DeliveryDate))\"}]}",
    file, NULL, &error);

  g_assert_null (book);
  g_assert_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_FORMULA);
  g_assert_nonnull (strstr (error->message, "columns.csv"));
  g_assert_nonnull (strstr (error->message, "Delivery_Date"));
  g_clear_error (&error);

  book = import_with ("{\"partner\": \"Vendr\", \"date\": \"Date\", \"kpis\": [{\"id\": \"n\", \"formula\": \"count()\"}]}",
                      file, NULL, &error);
  g_assert_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN);
  g_assert_nonnull (strstr (error->message, "did you mean “Vendor”"));
}

/* Hostile input: each a clear error within 2 s */

static void
test_deep_recipe (void)
{
  GString *json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRecipe) recipe = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 100000; i++)
    g_string_append (json, "{\"a\":");
  recipe = sc_recipe_new_from_data (json->str, json->len, "deep.json", &error);
  g_assert_null (recipe);
  g_assert_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "deep.json"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_string_free (json, TRUE);
}

static void
test_huge_formula (void)
{
  GString *json = g_string_new ("{\"partner\": \"p\", \"date\": \"d\", \"kpis\": [{\"id\": \"x\", \"formula\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRecipe) recipe = NULL;
  gint64 start = g_get_monotonic_time ();

  while (json->len < 1024 * 1024)
    g_string_append (json, "count() + ");
  g_string_append (json, "1\"}]}");
  recipe = sc_recipe_new_from_data (json->str, json->len, "huge.json", &error);
  g_assert_null (recipe);
  g_assert_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_FORMULA);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_string_free (json, TRUE);
}

static void
test_million_partners (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "million.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GString *csv = g_string_new ("partner,date\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  gint64 start;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (csv, "P%u,2025-01-01\n", i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  g_string_free (csv, TRUE);

  start = g_get_monotonic_time ();
  book = import_with ("{\"partner\": \"partner\", \"date\": \"date\", \"kpis\": [{\"id\": \"n\", \"formula\": \"count()\"}]}",
                      file, NULL, &error);
  g_assert_null (book);
  g_assert_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "million.csv"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

/* A failed recipe import changes nothing */
static void
test_failure_changes_nothing (void)
{
  g_autoptr(GFile) good = write_file ("good.csv", orders_csv);
  g_autoptr(GFile) bad = write_file ("bad.csv",
    "po_line,supplier,order_date,due_date,delivery_date,quantity,defective,amount,status\n"
    "9,Acme GmbH,2025-05-02,2025-05-20,2025-05-10,100,1,10,Delivered\n"
    "10,Acme GmbH,2025-05-02,2025-05-20,2025-05-10,100,1,ten,Delivered\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = import_with (orders_recipe, good, NULL, &error);
  g_autoptr(GBytes) before = sc_workbook_to_bytes (book);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(ScWorkbook) failed = NULL;

  g_assert_no_error (error);
  failed = import_with (orders_recipe, bad, book, &error);
  g_assert_null (failed);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bad.csv:3:8"));
  after = sc_workbook_to_bytes (book);
  g_assert_true (g_bytes_equal (before, after));
}

/* Transaction data without a recipe is refused, not collapsed */
static void
test_needs_recipe (void)
{
  g_autoptr(GFile) file = write_file ("defect-report.csv",
    "partner,kpi,period,value\n"
    "Acme,defects,2025-01,3\nAcme,defects,2025-01,4\nAcme,defects,2025-01,1\nAcme,defects,2025-01,2\n"
    "Acme,defects,2025-02,3\nAcme,defects,2025-02,4\nAcme,defects,2025-02,1\nAcme,defects,2025-02,2\n"
    "Beta,defects,2025-01,3\nBeta,defects,2025-01,4\nBeta,defects,2025-01,1\nBeta,defects,2025-01,2\n");
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_import_add_file (import, file, NULL, &error));
  g_assert_false (sc_import_commit (import, book, &error));
  g_assert_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_NEEDED);
  g_assert_nonnull (strstr (error->message, "scorecards recipe"));
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 0);
}

/* Suggestions */

static void
test_suggest_orders (void)
{
  g_autoptr(GFile) file = write_file ("suggest.csv", orders_csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRecipeTable) table = sc_recipe_table_read_file (file, NULL, NULL, 100, NULL, &error);
  g_autoptr(ScRecipe) recipe = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  recipe = sc_recipe_suggest (table, "suggest.csv", &error);
  g_assert_no_error (error);
  json = sc_recipe_to_string (recipe);
  g_assert_cmpstr (recipe->partner, ==, "supplier");
  g_assert_cmpstr (recipe->date, ==, "order_date");
  g_assert_nonnull (strstr (json, "\"on_time_delivery_pct\""));
  g_assert_nonnull (strstr (json, "share(delivery_date <= due_date where status = \\\"Delivered\\\")"));
  g_assert_nonnull (strstr (json, "\"ppm_defects\""));
  g_assert_nonnull (strstr (json, "\"lead_time_days\""));
  g_assert_nonnull (strstr (json, "sum(amount)"));
}

static void
test_suggest_carrier (void)
{
  g_autoptr(GFile) file = write_file ("carrier.csv",
    "Nome Transportador;Data Entrega;On Time;In Full\n"
    "Rápido Sul;03/02/2024;On Time;In Full\n"
    "Rápido Sul;15/02/2024;Late;In Full\n"
    "TransNorte;20/03/2024;On Time;Not In Full\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRecipeTable) table = sc_recipe_table_read_file (file, NULL, NULL, 100, NULL, &error);
  g_autoptr(ScRecipe) recipe = NULL;
  g_autofree char *json = NULL;
  g_autoptr(ScWorkbook) book = NULL;

  g_assert_no_error (error);
  recipe = sc_recipe_suggest (table, "carrier.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (recipe->partner, ==, "Nome Transportador");
  g_assert_cmpstr (recipe->date, ==, "Data Entrega");
  g_assert_cmpstr (recipe->date_format, ==, "%d/%m/%Y");
  json = sc_recipe_to_string (recipe);
  g_assert_nonnull (strstr (json, "share([On Time] = \\\"On Time\\\")"));
  g_assert_nonnull (strstr (json, "share([In Full] = \\\"In Full\\\")"));

  /* And the suggestion imports as it is */
  book = import_with (json, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (sc_test_value_at (book, "Rápido Sul", "on_time_pct", "2024-02"), 50, 1e-9);
}

/* What the assistant shows before importing: the suggestion over the
 * first rows, partner × month, as the import would compute it; a column
 * the file lacks fails as the import would, naming it.
 */
static void
test_preview (void)
{
  g_autoptr(GFile) file = write_file ("carrier-preview.csv",
    "Nome Transportador;Data Entrega;On Time\n"
    "Rápido Sul;03/02/2024;On Time\n"
    "Rápido Sul;15/02/2024;Late\n"
    "TransNorte;20/03/2024;On Time\n"
    "Rápido Sul;21/03/2024;On Time\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRecipeTable) table = sc_recipe_table_read_file (file, NULL, NULL, 100, NULL, &error);
  g_autoptr(ScRecipe) recipe = NULL;
  g_autoptr(ScRecipePreview) preview = NULL;
  guint rapido;

  g_assert_no_error (error);
  recipe = sc_recipe_suggest (table, "carrier-preview.csv", &error);
  g_assert_no_error (error);
  preview = sc_recipe_preview (recipe, table, "carrier-preview.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_partners, ==, 2);
  g_assert_cmpuint (preview->n_periods, ==, 2);
  g_assert_cmpuint (preview->n_rows, ==, 4);
  g_assert_cmpuint (preview->n_kpis, ==, recipe->kpis->len);
  rapido = g_strcmp0 (preview->partners[0], "Rápido Sul") == 0 ? 0 : 1;
  g_assert_cmpstr (preview->partners[rapido], ==, "Rápido Sul");
  g_assert_cmpfloat_with_epsilon (sc_recipe_preview_get (preview, 0, rapido, 0), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (sc_recipe_preview_get (preview, 0, rapido, 1), 100, 1e-9);
  g_assert_true (isnan (sc_recipe_preview_get (preview, 0, !rapido, 0)));

  g_clear_pointer (&preview, sc_recipe_preview_free);
  g_free (recipe->partner);
  recipe->partner = g_strdup ("Transportadora");
  preview = sc_recipe_preview (recipe, table, "carrier-preview.csv", &error);
  g_assert_null (preview);
  g_assert_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN);
  g_assert_nonnull (strstr (error->message, "Transportadora"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("test-recipe-XXXXXX", NULL);

  g_test_add_func ("/recipe/orders", test_orders);
  g_test_add_func ("/recipe/quarter-exact", test_quarter_exact);
  g_test_add_func ("/recipe/kept-in-workbook", test_kept_in_workbook);
  g_test_add_func ("/recipe/files-add-up", test_files_add_up);
  g_test_add_func ("/recipe/granularity", test_granularity);
  g_test_add_func ("/recipe/dates", test_dates);
  g_test_add_func ("/recipe/day-first-invoices", test_day_first_invoices);
  g_test_add_func ("/recipe/ambiguous-dates", test_ambiguous_dates);
  g_test_add_func ("/recipe/bad-date", test_bad_date);
  g_test_add_func ("/recipe/bad-number", test_bad_number);
  g_test_add_func ("/recipe/lookup-file-and-aliases", test_lookup_file_and_aliases);
  g_test_add_func ("/recipe/po-lines-xlsx", test_po_lines_xlsx);
  g_test_add_func ("/recipe/lookup-sheet", test_lookup_sheet);
  g_test_add_func ("/recipe/errors", test_recipe_errors);
  g_test_add_func ("/recipe/unknown-column", test_unknown_column);
  g_test_add_func ("/recipe/deep", test_deep_recipe);
  g_test_add_func ("/recipe/huge-formula", test_huge_formula);
  g_test_add_func ("/recipe/million-partners", test_million_partners);
  g_test_add_func ("/recipe/failure-changes-nothing", test_failure_changes_nothing);
  g_test_add_func ("/recipe/needs-recipe", test_needs_recipe);
  g_test_add_func ("/recipe/suggest-orders", test_suggest_orders);
  g_test_add_func ("/recipe/suggest-carrier", test_suggest_carrier);
  g_test_add_func ("/recipe/preview", test_preview);

  status = g_test_run ();
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmpdir);
  (void) !system (command);
  return status;
}
