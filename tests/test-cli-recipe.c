/* test-cli-recipe.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of transaction data on the command line (`scorecards recipe`,
 * `import --recipe`, and `--recipe` for summary, report and chart), the
 * way a buyer would use them on the exports of other people's systems:
 * a suggestion imported as it is, day-first invoices with padded vendor
 * names, a Portuguese carrier log, the kept recipe used for next month.
 */

#include "config.h"

#include "sc-test-cli.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static char *tmpdir;

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static char *
temp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
write_temp (const char *name,
            const char *contents)
{
  char *path = temp_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* The value of @kpi for @partner in `summary --json` output */
static double
summary_value (const char *json,
               const char *partner,
               const char *kpi)
{
  g_autoptr(JsonNode) root = parse (json);
  JsonArray *partners = json_object_get_array_member (json_node_get_object (root), "partners");

  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *p = json_array_get_object_element (partners, i);
      JsonArray *kpis;

      if (g_strcmp0 (json_object_get_string_member (p, "name"), partner) != 0)
        continue;
      kpis = json_object_get_array_member (p, "kpis");
      for (guint k = 0; k < json_array_get_length (kpis); k++)
        {
          JsonObject *o = json_array_get_object_element (kpis, k);

          if (g_strcmp0 (json_object_get_string_member (o, "id"), kpi) == 0)
            return json_object_get_double_member_with_default (o, "value", -1);
        }
    }
  g_error ("no %s / %s in the summary", partner, kpi);
  return -1;
}

/* The suggestion for a Portuguese carrier log imports as it is */
static void
test_suggest_and_import (void)
{
  g_autofree char *data = fixture ("tx-carrier-pt.csv");
  g_autofree char *recipe = temp_path ("carrier.recipe.json");
  g_autofree char *book = temp_path ("carriers.scorecard");
  g_autoptr(CliRun) suggest = sc_test_cli_run ("recipe", data, NULL);
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) summary = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpint (suggest->status, ==, 0);
  root = parse (suggest->out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "partner"), ==, "Nome Transportador");
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "Data Coleta");
  g_assert_cmpstr (json_object_get_string_member (object, "date_format"), ==, "%d/%m/%Y");
  g_assert_nonnull (strstr (suggest->out, "share([On Time] = \\\"On Time\\\")"));
  g_assert_nonnull (strstr (suggest->err, "--recipe"));
  g_assert_true (g_file_set_contents (recipe, suggest->out, -1, NULL));

  import = sc_test_cli_run ("import", data, "--recipe", recipe, "-o", book, NULL);
  g_assert_cmpint (import->status, ==, 0);
  g_assert_nonnull (strstr (import->out, "3 partners"));

  summary = sc_test_cli_run ("summary", book, "--period", "2024-01", "--json", NULL);
  g_assert_cmpint (summary->status, ==, 0);
  /* 30 loads a month each; the value is the share of the file's "On Time" rows */
  g_assert_cmpfloat (summary_value (summary->out, "Rápido Sul Transportes", "on_time_pct"), >, 0);
  g_assert_cmpfloat (summary_value (summary->out, "Rápido Sul Transportes", "on_time_pct"), <=, 100);
}

static const char *invoice_recipe =
  "{\"partner\": \"Vendor Name\", \"date\": \"Invoice Date\", \"date_format\": \"%d-%m-%Y\","
  " \"aliases\": {\"FRESH FARMS INC\": \"Fresh Farms Inc\"},"
  " \"kpis\": [{\"id\": \"spend\", \"name\": \"Spend\", \"unit\": \"USD\", \"formula\": \"sum([Invoice Amount])\"},"
  "            {\"id\": \"paid_late_pct\", \"formula\": \"100 * share([Paid Late] = \\\"Y\\\")\"}]}";

/* Day-first dates and padded names; an alias merges two spellings */
static void
test_invoices (void)
{
  g_autofree char *data = fixture ("tx-invoices-day-first.csv");
  g_autofree char *recipe = write_temp ("invoices.recipe.json", invoice_recipe);
  g_autoptr(CliRun) run = sc_test_cli_run ("import", data, "--recipe", recipe, "--dry-run", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *report;
  JsonArray *names, *periods, *values;
  double fresh_feb = 0;

  g_assert_cmpint (run->status, ==, 0);
  root = parse (run->out);
  report = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (report, "ok"));
  names = json_object_get_array_member (report, "partner_names");
  g_assert_cmpuint (json_array_get_length (names), ==, 3);
  periods = json_object_get_array_member (report, "periods");
  g_assert_cmpstr (json_array_get_string_element (periods, 0), ==, "2016-01");
  g_assert_cmpstr (json_array_get_string_element (periods, json_array_get_length (periods) - 1), ==, "2016-06");
  values = json_object_get_array_member (report, "values");
  g_assert_cmpuint (json_array_get_length (values), >, 0);
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonObject *v = json_array_get_object_element (values, i);

      if (g_str_equal (json_object_get_string_member (v, "partner"), "Fresh Farms Inc") &&
          g_str_equal (json_object_get_string_member (v, "kpi"), "spend") &&
          g_str_equal (json_object_get_string_member (v, "period"), "2016-02"))
        fresh_feb = json_object_get_double_member (v, "value");
    }
  /* Rows 1 (11-02-2016, 833.50) and every fifth after it: added up by hand from the fixture */
  g_assert_cmpfloat (fresh_feb, >, 833);
}

/* Without a recipe, transaction rows are refused with the command to run */
static void
test_needs_recipe (void)
{
  g_autofree char *data = fixture ("tx-invoices-day-first.csv");
  g_autofree char *book = temp_path ("refused.scorecard");
  g_autoptr(CliRun) run = sc_test_cli_run ("import", data, "-o", book, NULL);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "tx-invoices-day-first.csv"));
  g_assert_nonnull (strstr (run->err, "scorecards recipe"));
  g_assert_false (g_file_test (book, G_FILE_TEST_EXISTS));
}

/* The recipe is kept: next month's export imports with --into alone */
static void
test_kept_recipe (void)
{
  g_autofree char *recipe = write_temp ("orders.recipe.json",
    "{\"partner\": \"supplier\", \"date\": \"order_date\", \"kpis\": ["
    "{\"id\": \"ppm_defects\", \"formula\": \"1e6 * sum(defective) / sum(quantity)\"}]}");
  g_autofree char *jan = write_temp ("orders-jan.csv",
    "po_line,supplier,order_date,quantity,defective\n1,Acme,2025-01-03,1000,1\n2,Acme,2025-01-09,1000,3\n");
  g_autofree char *feb = write_temp ("orders-feb.csv",
    "po_line,supplier,order_date,quantity,defective\n3,Acme,2025-02-03,2000,1\n4,Acme,2025-02-19,2000,1\n");
  g_autofree char *book = temp_path ("orders.scorecard");
  g_autoptr(CliRun) first = sc_test_cli_run ("import", jan, "--recipe", recipe, "-o", book, NULL);
  g_autoptr(CliRun) second = NULL;
  g_autoptr(CliRun) quarter = NULL;

  g_assert_cmpint (first->status, ==, 0);
  second = sc_test_cli_run ("import", feb, "--into", book, NULL);
  g_assert_cmpint (second->status, ==, 0);
  g_assert_nonnull (strstr (second->err, "recipe kept in the workbook"));

  /* The quarter is Σ defects / Σ quantity of both files: 6 / 6,000 */
  quarter = sc_test_cli_run ("summary", book, "--period", "2025-Q1", "--json", NULL);
  g_assert_cmpint (quarter->status, ==, 0);
  g_assert_cmpfloat_with_epsilon (summary_value (quarter->out, "Acme", "ppm_defects"), 1000, 1e-6);
}

/* summary, report and chart read transaction data with --recipe */
static void
test_other_commands (void)
{
  g_autofree char *data = fixture ("tx-invoices-day-first.csv");
  g_autofree char *recipe = write_temp ("invoices2.recipe.json", invoice_recipe);
  g_autofree char *pdf = temp_path ("invoices.pdf");
  g_autofree char *png = temp_path ("invoices.png");
  g_autoptr(CliRun) summary = sc_test_cli_run ("summary", data, "--recipe", recipe, "--json", NULL);
  g_autoptr(CliRun) report = sc_test_cli_run ("report", data, "--recipe", recipe, "--partner", "Dairy Gold Co",
                                              "-o", pdf, "--quiet", NULL);
  g_autoptr(CliRun) chart = sc_test_cli_run ("chart", data, "--recipe", recipe, "--partner", "Sunrise Bakery",
                                             "--kpi", "spend", "-o", png, NULL);

  g_assert_cmpint (summary->status, ==, 0);
  g_assert_nonnull (strstr (summary->out, "Dairy Gold Co"));
  g_assert_cmpint (report->status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (chart->status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static void
test_bad_recipe (void)
{
  g_autofree char *data = fixture ("tx-invoices-day-first.csv");
  g_autofree char *recipe = write_temp ("bad.recipe.json",
    "{\"partner\": \"Vendor Name\", \"date\": \"Invoice Date\", \"date_format\": \"%d-%m-%Y\","
    " \"kpis\": [{\"id\": \"spend\", \"formula\": \"sum([Invoice Amnt])\"}]}");
  g_autoptr(CliRun) run = sc_test_cli_run ("import", data, "--recipe", recipe, "--dry-run", NULL);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "tx-invoices-day-first.csv"));
  g_assert_nonnull (strstr (run->err, "Invoice Amount"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("test-cli-recipe-XXXXXX", NULL);

  g_test_add_func ("/cli-recipe/suggest-and-import", test_suggest_and_import);
  g_test_add_func ("/cli-recipe/invoices", test_invoices);
  g_test_add_func ("/cli-recipe/needs-recipe", test_needs_recipe);
  g_test_add_func ("/cli-recipe/kept-recipe", test_kept_recipe);
  g_test_add_func ("/cli-recipe/other-commands", test_other_commands);
  g_test_add_func ("/cli-recipe/bad-recipe", test_bad_recipe);

  status = g_test_run ();
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmpdir);
  (void) !system (command);
  return status;
}
