/* test-cli-xlsx.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of `scorecards import BOOK.xlsx [--sheet NAME]`: runs the built
 * binary on the spreadsheet fixtures and checks the report, the messages
 * naming sheet and cell, and the exit statuses.
 */

#include "config.h"

#include "sc-test-cli.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>



static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}


static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_dry_run_json (void)
{
  g_autofree char *path = fixture ("xlsx-wide-decimals.xlsx");
  g_autoptr(CliRun) r = sc_test_cli_run ("import", path, "--dry-run", "--json", NULL);
  g_autoptr(JsonObject) report = NULL;
  JsonObject *file;

  g_assert_cmpint (r->status, ==, 0);
  report = parse_object (r->out);
  g_assert_true (json_object_get_boolean_member (report, "ok"));
  g_assert_cmpstr (json_object_get_string_member (report, "format"), ==, "xlsx");
  g_assert_cmpint (json_object_get_int_member (report, "rows"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (report, "imported"), ==, 36);
  g_assert_cmpint (json_object_get_int_member (report, "partners"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (report, "first_period"), ==, "2025-01");
  file = json_array_get_object_element (json_object_get_array_member (report, "files"), 0);
  g_assert_cmpstr (json_object_get_string_member (file, "format"), ==, "xlsx");
}

static void
test_sheet_option (void)
{
  g_autofree char *path = fixture ("xlsx-several-sheets.xlsx");
  g_autoptr(CliRun) first = sc_test_cli_run ("import", path, "--dry-run", "--json", NULL);
  g_autoptr(CliRun) customers = sc_test_cli_run ("import", path, "--sheet", "Customers", "--dry-run", "--json", NULL);
  g_autoptr(CliRun) missing = sc_test_cli_run ("import", path, "--sheet", "Vendors", "--dry-run", NULL);
  g_autoptr(JsonObject) a = NULL;
  g_autoptr(JsonObject) b = NULL;

  g_assert_cmpint (first->status, ==, 0);
  g_assert_cmpint (customers->status, ==, 0);
  a = parse_object (first->out);
  b = parse_object (customers->out);
  g_assert_cmpint (json_object_get_int_member (a, "partners"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (b, "partners"), ==, 2);

  g_assert_cmpint (missing->status, ==, 1);
  g_assert_nonnull (strstr (missing->err, "there is no sheet “Vendors”"));
  g_assert_nonnull (strstr (missing->err, "“Suppliers”, “Customers”"));
}

/* Without --sheet, the sheet with the table; with none, the sheets and their sizes */
static void
test_sheet_choice (void)
{
  g_autofree char *path = fixture ("xlsx-notes-dump-table.xlsx");
  g_autofree char *none = fixture ("xlsx-no-table.xlsx");
  g_autoptr(CliRun) json = sc_test_cli_run ("import", path, "--dry-run", "--json", NULL);
  g_autoptr(CliRun) text = sc_test_cli_run ("import", path, "--dry-run", NULL);
  g_autoptr(CliRun) failed = sc_test_cli_run ("import", none, "--dry-run", NULL);
  g_autoptr(JsonObject) report = NULL;
  JsonObject *file;

  g_assert_cmpint (json->status, ==, 0);
  report = parse_object (json->out);
  g_assert_cmpstr (json_object_get_string_member (report, "sheet"), ==, "Scorecard");
  g_assert_cmpint (json_object_get_int_member (report, "partners"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (report, "imported"), ==, 18);
  file = json_array_get_object_element (json_object_get_array_member (report, "files"), 0);
  g_assert_cmpstr (json_object_get_string_member (file, "sheet"), ==, "Scorecard");

  g_assert_cmpint (text->status, ==, 0);
  g_assert_true (g_str_has_prefix (text->out, "Read the sheet “Scorecard” of xlsx-notes-dump-table.xlsx\n"
                                              "Would import 18 values of 3 partners and 2 KPIs"));

  g_assert_cmpint (failed->status, ==, 1);
  g_assert_nonnull (strstr (failed->err, "no sheet holds a table"));
  g_assert_nonnull (strstr (failed->err, "“Notes” (3 rows × 1 column), “Dump” (400 rows × 1 column)"));
}

static void
test_cell_errors (void)
{
  g_autofree char *path = fixture ("xlsx-bad-value.xlsx");
  g_autoptr(CliRun) failed = sc_test_cli_run ("import", path, "--dry-run", NULL);
  g_autoptr(CliRun) skipped = sc_test_cli_run ("import", path, "--dry-run", "--json", "--skip-bad-rows", NULL);
  g_autoptr(JsonObject) report = NULL;
  JsonObject *problem;

  g_assert_cmpint (failed->status, ==, 1);
  g_assert_nonnull (strstr (failed->err, "xlsx-bad-value.xlsx: Suppliers!C17: expected a number"));

  g_assert_cmpint (skipped->status, ==, 0);
  report = parse_object (skipped->out);
  g_assert_cmpint (json_object_get_int_member (report, "skipped"), ==, 1);
  problem = json_array_get_object_element (json_object_get_array_member (report, "errors"), 0);
  g_assert_cmpint (json_object_get_int_member (problem, "line"), ==, 17);
  g_assert_cmpint (json_object_get_int_member (problem, "column"), ==, 3);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (problem, "message"), "Suppliers!C17: "));
}

static void
test_hostile (void)
{
  static const char *names[] = {
    "hostile-zip-bomb.xlsx", "hostile-ratio-bomb.xlsx", "hostile-huge-strings.xlsx", "hostile-deep.xlsx",
    "hostile-malformed.xlsx", "hostile-missing-sheet.xlsx", "hostile-no-workbook.xlsx",
    "hostile-not-a-zip.xlsx", "hostile-encrypted.xlsx", "hostile-merge-count.xlsx", "hostile-merge-huge.xlsx",
    "hostile-merge-malformed.xlsx",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = fixture (names[i]);
      g_autoptr(CliRun) r = sc_test_cli_run ("import", path, "--dry-run", "--json", NULL);
      g_autoptr(JsonObject) report = NULL;

      g_assert_cmpint (r->status, ==, 1);
      g_assert_true (g_str_has_prefix (r->err, "scorecards: "));
      g_assert_nonnull (strstr (r->err, names[i]));
      report = parse_object (r->out);
      g_assert_false (json_object_get_boolean_member (report, "ok"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "errors")), ==, 1);
    }
}

/* Merged cells: months over their KPIs, a supplier down its rows, as .xlsx and .ods */
static void
test_merged (void)
{
  static const char *names[] = {
    "xlsx-merged-months-wide.xlsx", "ods-merged-months-wide.ods",
    "xlsx-merged-partner-long.xlsx", "ods-merged-partner-long.ods",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = fixture (names[i]);
      g_autoptr(CliRun) r = sc_test_cli_run ("import", path, "--dry-run", "--json", NULL);
      g_autoptr(JsonObject) report = NULL;

      g_assert_cmpint (r->status, ==, 0);
      report = parse_object (r->out);
      g_assert_cmpint (json_object_get_int_member (report, "rows"), ==, i < 2 ? 3 : 27);
      g_assert_cmpint (json_object_get_int_member (report, "imported"), ==, 27);
      g_assert_cmpint (json_object_get_int_member (report, "partners"), ==, 3);
      g_assert_cmpint (json_object_get_int_member (report, "kpis"), ==, 3);
      g_assert_cmpstr (json_object_get_string_member (report, "first_period"), ==, "2025-01");
      g_assert_cmpstr (json_object_get_string_member (report, "last_period"), ==, "2025-03");
    }
}

static void
test_merge_errors (void)
{
  g_autofree char *count = fixture ("hostile-merge-count.xlsx");
  g_autofree char *huge = fixture ("hostile-merge-huge.xlsx");
  g_autofree char *malformed = fixture ("hostile-merge-malformed.xlsx");
  g_autoptr(CliRun) a = sc_test_cli_run ("import", count, "--dry-run", NULL);
  g_autoptr(CliRun) b = sc_test_cli_run ("import", huge, "--dry-run", NULL);
  g_autoptr(CliRun) c = sc_test_cli_run ("import", malformed, "--dry-run", NULL);

  g_assert_cmpint (a->status, ==, 1);
  g_assert_nonnull (strstr (a->err, "hostile-merge-count.xlsx: Sheet1!C65537: the sheet merges more than 65536"));
  g_assert_cmpint (b->status, ==, 1);
  g_assert_nonnull (strstr (b->err, "hostile-merge-huge.xlsx: Sheet1!A5: the merged range A5:XFD1048576"));
  g_assert_cmpint (c->status, ==, 1);
  g_assert_nonnull (strstr (c->err, "hostile-merge-malformed.xlsx: Sheet1!E7: the merged range “E7:ZZZZ9”"));
}

static void
test_encrypted_message (void)
{
  g_autofree char *path = fixture ("hostile-encrypted.xlsx");
  g_autoptr(CliRun) r = sc_test_cli_run ("import", path, "--dry-run", NULL);

  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "This workbook is password-protected; save it without a password in "
                                    "Excel and import again"));
}

/* `summary` takes a workbook file as data too */
static void
test_summary_of_xlsx (void)
{
  g_autofree char *path = fixture ("xlsx-long-dates.xlsx");
  g_autoptr(CliRun) r = sc_test_cli_run ("summary", path, "--json", NULL);

  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "Nordkap AS"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-xlsx/dry-run-json", test_dry_run_json);
  g_test_add_func ("/cli-xlsx/sheet-option", test_sheet_option);
  g_test_add_func ("/cli-xlsx/sheet-choice", test_sheet_choice);
  g_test_add_func ("/cli-xlsx/cell-errors", test_cell_errors);
  g_test_add_func ("/cli-xlsx/hostile", test_hostile);
  g_test_add_func ("/cli-xlsx/merged", test_merged);
  g_test_add_func ("/cli-xlsx/merge-errors", test_merge_errors);
  g_test_add_func ("/cli-xlsx/encrypted-message", test_encrypted_message);
  g_test_add_func ("/cli-xlsx/summary-of-xlsx", test_summary_of_xlsx);

  return g_test_run ();
}
