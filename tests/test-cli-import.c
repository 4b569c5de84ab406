/* test-cli-import.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of `scorecards import` (src/cli/sc-cli-import.c) and of data files
 * given to `scorecards summary`: runs the built binary on the fixtures and
 * checks the JSON report, the text summary (its plurals), the exit
 * statuses and the workbooks written.
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
  g_autofree char *path = fixture ("de-semicolon-decimal-comma.csv");
  g_autoptr(CliRun) r = sc_test_cli_run ("import", path, "--dry-run", "--json", NULL);
  g_autoptr(JsonObject) report = NULL;

  g_assert_cmpint (r->status, ==, 0);
  report = parse_object (r->out);
  g_assert_true (json_object_get_boolean_member (report, "ok"));
  g_assert_cmpstr (json_object_get_string_member (report, "format"), ==, "csv");
  g_assert_cmpstr (json_object_get_string_member (report, "layout"), ==, "long");
  g_assert_cmpstr (json_object_get_string_member (report, "encoding"), ==, "UTF-8");
  g_assert_cmpstr (json_object_get_string_member (report, "delimiter"), ==, ";");
  g_assert_cmpstr (json_object_get_string_member (report, "decimal_mark"), ==, ",");
  g_assert_cmpint (json_object_get_int_member (report, "rows"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (report, "imported"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (report, "skipped"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "partners"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "kpis"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (report, "first_period"), ==, "2025-01");
  g_assert_cmpstr (json_object_get_string_member (report, "last_period"), ==, "2025-12");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "errors")), ==, 0);
}

/* A dry run lists every bad row, as --skip-bad-rows does, but as errors:
 * it fails, naming the first on stderr.
 */
static void
test_dry_run_errors (void)
{
  static const int lines[] = { 3, 4, 5, 6 };
  g_autofree char *path = fixture ("bad-rows.csv");
  g_autoptr(CliRun) failed = sc_test_cli_run ("import", path, "--dry-run", "--json", NULL);
  g_autoptr(CliRun) text = sc_test_cli_run ("import", path, "--dry-run", NULL);
  g_autoptr(CliRun) skipped = sc_test_cli_run ("import", path, "--dry-run", "--json", "--skip-bad-rows", NULL);
  g_autoptr(JsonObject) report = NULL;
  JsonArray *errors;
  JsonObject *first;

  g_assert_cmpint (failed->status, ==, 1);
  g_assert_nonnull (strstr (failed->err, "bad-rows.csv:3:4:"));
  report = parse_object (failed->out);
  g_assert_false (json_object_get_boolean_member (report, "ok"));
  g_assert_cmpint (json_object_get_int_member (report, "skipped"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "imported"), ==, 0);
  errors = json_object_get_array_member (report, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      JsonObject *e = json_array_get_object_element (errors, i);

      g_assert_cmpint (json_object_get_int_member (e, "line"), ==, lines[i]);
      g_assert_false (json_object_get_boolean_member (e, "skipped"));
    }
  first = json_array_get_object_element (errors, 0);
  g_assert_cmpint (json_object_get_int_member (first, "column"), ==, 4);
  g_clear_pointer (&report, json_object_unref);

  /* Without --json, one line each on stderr */
  g_assert_cmpint (text->status, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *position = g_strdup_printf ("bad-rows.csv:%d:", lines[i]);

      g_assert_nonnull (strstr (text->err, position));
    }
  g_assert_cmpstr (text->out, ==, "");

  g_assert_cmpint (skipped->status, ==, 0);
  report = parse_object (skipped->out);
  g_assert_cmpint (json_object_get_int_member (report, "skipped"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (report, "imported"), ==, 3);
  errors = json_object_get_array_member (report, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (errors, 3), "line"), ==, 6);
}

static void
test_import_and_summary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scorecards-cli-import-XXXXXX", NULL);
  g_autofree char *book = g_build_filename (dir, "book.scorecard", NULL);
  g_autofree char *utf16 = fixture ("excel-utf16-tab.txt");
  g_autofree char *cp1252 = fixture ("windows-1252.csv");
  g_autoptr(CliRun) created = sc_test_cli_run ("import", utf16, "-o", book, NULL);
  g_autoptr(CliRun) exists = sc_test_cli_run ("import", utf16, "-o", book, NULL);
  g_autoptr(CliRun) added = sc_test_cli_run ("import", cp1252, "--into", book, NULL);
  g_autoptr(CliRun) summary = sc_test_cli_run ("summary", book, "--json", NULL);
  g_autoptr(CliRun) direct = sc_test_cli_run ("summary", utf16, "--json", NULL);
  g_autoptr(JsonObject) report = NULL;

  g_assert_cmpint (created->status, ==, 0);
  g_assert_cmpint (exists->status, ==, 2);
  g_assert_cmpint (added->status, ==, 0);
  g_assert_cmpint (summary->status, ==, 0);
  report = parse_object (summary->out);
  /* Müller Drehteile GmbH is in both files: matched by name, not added twice */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "partners")), ==, 3);
  g_assert_nonnull (strstr (summary->out, "Société Générale des Pièces"));

  g_assert_cmpint (direct->status, ==, 0);
  g_assert_nonnull (strstr (direct->out, "Nordkap AS"));

  g_unlink (book);
  g_rmdir (dir);
}

static void
test_usage_and_bad_input (void)
{
  g_autofree char *path = fixture ("unterminated-quote.csv");
  g_autoptr(CliRun) no_output = sc_test_cli_run ("import", path, NULL);
  g_autoptr(CliRun) bad_layout = sc_test_cli_run ("import", path, "--dry-run", "--layout", "diagonal", NULL);
  g_autoptr(CliRun) bad_input = sc_test_cli_run ("import", path, "--dry-run", NULL);
  g_autoptr(CliRun) summary = sc_test_cli_run ("summary", path, NULL);

  g_assert_cmpint (no_output->status, ==, 2);
  g_assert_cmpint (bad_layout->status, ==, 2);
  g_assert_cmpint (bad_input->status, ==, 1);
  g_assert_nonnull (strstr (bad_input->err, "unterminated-quote.csv:3:1:"));
  g_assert_cmpint (summary->status, ==, 1);
  g_assert_nonnull (strstr (summary->err, "unterminated-quote.csv:3:1:"));
}

/* Writes @text to @name in a new temporary folder; returns the path. */
static char *
write_temp (const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("scorecards-cli-import-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* The summary after an import says "1 value of 1 partner and 1 KPI",
 * each count with its own plural, and the plurals as they always were.
 */
static void
test_counts_text (void)
{
  g_autofree char *one = write_temp ("one.csv", "partner,kpi,period,value\n"
                                                "Alpha,OTD,2025-01,90\n"
                                                "Alpha,OTD,2025-01,91\n"
                                                "Alpha,OTD,2025-13,92\n");
  g_autofree char *many = write_temp ("many.csv", "partner,kpi,period,value\n"
                                                  "Alpha,OTD,2025-01,90\n"
                                                  "Alpha,OTD,2025-01,91\n"
                                                  "Beta,OTD,2025-01,92\n"
                                                  "Beta,OTD,2025-01,93\n"
                                                  "Beta,Scrap rate,2025-02,1.5\n"
                                                  "Alpha,OTD,2025-13,1\n"
                                                  "Alpha,OTD,2025-14,1\n");
  g_autofree char *dir = g_path_get_dirname (one);
  g_autofree char *book = g_build_filename (dir, "one.scorecard", NULL);
  g_autoptr(CliRun) dry_one = sc_test_cli_run ("import", one, "--dry-run", "--skip-bad-rows", NULL);
  g_autoptr(CliRun) dry_many = sc_test_cli_run ("import", many, "--dry-run", "--skip-bad-rows", NULL);
  g_autoptr(CliRun) saved = sc_test_cli_run ("import", one, "--skip-bad-rows", "-o", book, NULL);
  g_autoptr(CliRun) summary = sc_test_cli_run ("summary", book, NULL);
  g_autofree char *saved_text = g_strdup_printf ("Imported 1 value of 1 partner and 1 KPI (2025-01 – 2025-01)\n"
                                                 "Skipped 1 bad row (listed above)\n"
                                                 "1 value was given more than once; the last one was kept\n"
                                                 "Saved %s\n", book);

  g_assert_cmpint (dry_one->status, ==, 0);
  g_assert_cmpstr (dry_one->out, ==,
                   "Would import 1 value of 1 partner and 1 KPI (2025-01 – 2025-01)\n"
                   "Skipped 1 bad row (listed above)\n"
                   "1 value was given more than once; the last one was kept\n");
  g_assert_cmpint (dry_many->status, ==, 0);
  g_assert_cmpstr (dry_many->out, ==,
                   "Would import 3 values of 2 partners and 2 KPIs (2025-01 – 2025-02)\n"
                   "Skipped 2 bad rows (listed above)\n"
                   "2 values were given more than once; the last one was kept\n");
  g_assert_cmpint (saved->status, ==, 0);
  g_assert_cmpstr (saved->out, ==, saved_text);
  g_assert_cmpint (summary->status, ==, 0);
  g_assert_true (g_str_has_prefix (summary->out, "Period: Jan 2025 — 1 partner\n\n"));
}

/* Padded names merged; names that only look alike listed, in the JSON
 * report and the text, against the workbook too with --into.
 */
static void
test_near_duplicates (void)
{
  g_autofree char *path = fixture ("padded-names.csv");
  g_autofree char *april = write_temp ("april.csv", "Supplier,Month,OTD\n"
                                                    "acme inc,2025-04,93\n"
                                                    "NORDKAP A/S,2025-04,90\n");
  g_autofree char *dir = g_path_get_dirname (april);
  g_autofree char *book = g_build_filename (dir, "names.scorecard", NULL);
  g_autoptr(CliRun) json = sc_test_cli_run ("import", path, "--dry-run", "--json", NULL);
  g_autoptr(CliRun) text = sc_test_cli_run ("import", path, "-o", book, NULL);
  g_autoptr(CliRun) into = sc_test_cli_run ("import", april, "--into", book, "--dry-run", "--json", NULL);
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonObject) into_report = NULL;
  JsonArray *pairs;
  JsonArray *pair;

  g_assert_cmpint (json->status, ==, 0);
  report = parse_object (json->out);
  g_assert_cmpint (json_object_get_int_member (report, "partners"), ==, 8);
  pairs = json_object_get_array_member (report, "near_duplicates");
  g_assert_cmpuint (json_array_get_length (pairs), ==, 3);
  pair = json_array_get_array_element (pairs, 0);
  g_assert_cmpstr (json_array_get_string_element (pair, 0), ==, "ACME Inc");
  g_assert_cmpstr (json_array_get_string_element (pair, 1), ==, "Acme Inc.");
  pair = json_array_get_array_element (pairs, 2);
  g_assert_cmpstr (json_array_get_string_element (pair, 0), ==, "Smith & Sons Ltd");
  g_assert_cmpstr (json_array_get_string_element (pair, 1), ==, "Smith and Sons");

  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, "Imported 10 values of 8 partners and 1 KPI"));
  g_assert_nonnull (strstr (text->out, "3 pairs of partner names look alike but were not merged:\n"
                                       "  “ACME Inc” and “Acme Inc.”\n"
                                       "  “Müller Drehteile GmbH” and “Muller Drehteile”\n"
                                       "  “Smith & Sons Ltd” and “Smith and Sons”\n"));

  g_assert_cmpint (into->status, ==, 0);
  into_report = parse_object (into->out);
  g_assert_cmpint (json_object_get_int_member (into_report, "partners"), ==, 2);
  pairs = json_object_get_array_member (into_report, "near_duplicates");
  g_assert_cmpuint (json_array_get_length (pairs), ==, 1);
  pair = json_array_get_array_element (pairs, 0);
  g_assert_cmpstr (json_array_get_string_element (pair, 0), ==, "Nordkap AS");
  g_assert_cmpstr (json_array_get_string_element (pair, 1), ==, "NORDKAP A/S");
}

/* A KPI the data invents is listed with what was guessed of it */
static void
test_new_kpis (void)
{
  g_autofree char *path = fixture ("de-new-kpi-scrap-cost.csv");
  g_autoptr(CliRun) r = sc_test_cli_run ("import", path, "--dry-run", "--json", NULL);
  g_autoptr(JsonObject) report = NULL;
  JsonArray *kpis;
  JsonObject *kpi;

  g_assert_cmpint (r->status, ==, 0);
  report = parse_object (r->out);
  g_assert_cmpint (json_object_get_int_member (report, "kpis"), ==, 2);
  /* Liefertreue is the catalogue's on-time delivery: not new */
  kpis = json_object_get_array_member (report, "new_kpis");
  g_assert_cmpuint (json_array_get_length (kpis), ==, 1);
  kpi = json_array_get_object_element (kpis, 0);
  g_assert_cmpstr (json_object_get_string_member (kpi, "name"), ==, "Ausschusskosten EUR");
  g_assert_cmpstr (json_object_get_string_member (kpi, "direction"), ==, "lower");
  g_assert_cmpstr (json_object_get_string_member (kpi, "unit"), ==, "€");
  g_assert_cmpstr (json_object_get_string_member (kpi, "category"), ==, "cost");
  g_assert_true (json_object_get_null_member (kpi, "target"));
}

/* 100,000 nested objects (600 KB) as a .json and as a .scorecard without
 * "format": import, summary and report refuse them with exit 1 and the
 * position, instead of json-glib recursing off the stack.
 */
static void
test_deep_json (void)
{
  static const char *names[] = { "deep.json", "deep.scorecard" };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "{\"a\":");
  g_string_append_c (deep, '1');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '}');

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *path = write_temp (names[n], deep->str);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *book = g_build_filename (dir, "out.scorecard", NULL);
      g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
      g_autofree char *position = g_strdup_printf ("%s:1:321: the JSON is nested more than 64 levels deep",
                                                   names[n]);
      const char *runs[][5] = {
        { "import", path, "--dry-run", NULL },
        { "import", path, "-o", book, NULL },
        { "summary", path, NULL },
        { "report", path, "-o", pdf, NULL },
      };

      for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
        {
          g_autoptr(CliRun) run = sc_test_cli_runv (runs[r], NULL);

          g_assert_cmpint (run->status, ==, 1);
          g_assert_nonnull (strstr (run->err, position));
        }
      g_assert_false (g_file_test (book, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      g_unlink (path);
      g_rmdir (dir);
    }
}

/* Counts the times @needle is in @haystack. */
static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* A binary file given as CSV says so, and where. */
static void
test_binary_file (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GString) noise = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  for (guint i = 0; i < 256 * 1024; i++)
    {
      guint32 r = g_rand_int (rand);

      g_string_append_len (noise, (const char *) &r, 4);
    }
  path = write_temp ("data.csv", "");
  g_assert_true (g_file_set_contents (path, noise->str, noise->len, NULL));
  dir = g_path_get_dirname (path);

  {
    g_autoptr(CliRun) run = sc_test_cli_run ("import", path, "--dry-run", NULL);
    g_autoptr(CliRun) summary = sc_test_cli_run ("summary", path, NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "data.csv: not a text file: binary data at byte "));
    g_assert_cmpint (summary->status, ==, 1);
    g_assert_nonnull (strstr (summary->err, "data.csv: not a text file: binary data at byte "));
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* 1e309 is too large, in a CSV, the JSON interchange format and a
 * workbook imported or summarised: said with the file (once), the line
 * and the column.
 */
static void
test_number_too_large (void)
{
  static const struct { const char *name; const char *text; const char *message; } cases[] = {
    { "big.csv", "partner,kpi,period,value\nAlpha,OTD,2025-01,1e309\n",
      "big.csv:2:4: 1e309 is too large in column “value”" },
    { "big.json", "{ \"format\": \"scorecards-data\", \"version\": 1,\n  \"values\": [ 1e309 ] }",
      "big.json:2:15: 1e309 is too large" },
    { "big.scorecard", "{ \"format\": \"scorecards\", \"version\": 1,\n"
                       "  \"kpis\": [ { \"id\": \"otd\", \"target\": 1e309 } ] }",
      "big.scorecard:2:38: 1e309 is too large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_temp (cases[i].name, cases[i].text);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(CliRun) import = sc_test_cli_run ("import", path, "--dry-run", NULL);
      g_autoptr(CliRun) summary = sc_test_cli_run ("summary", path, NULL);

      g_assert_cmpint (import->status, ==, 1);
      g_assert_nonnull (strstr (import->err, cases[i].message));
      g_assert_cmpuint (count (import->err, cases[i].name), ==, 1);
      g_assert_cmpint (summary->status, ==, 1);
      g_assert_nonnull (strstr (summary->err, cases[i].message));
      g_assert_cmpuint (count (summary->err, cases[i].name), ==, 1);
      g_unlink (path);
      g_rmdir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-import/dry-run-json", test_dry_run_json);
  g_test_add_func ("/cli-import/dry-run-errors", test_dry_run_errors);
  g_test_add_func ("/cli-import/import-and-summary", test_import_and_summary);
  g_test_add_func ("/cli-import/usage-and-bad-input", test_usage_and_bad_input);
  g_test_add_func ("/cli-import/counts-text", test_counts_text);
  g_test_add_func ("/cli-import/near-duplicates", test_near_duplicates);
  g_test_add_func ("/cli-import/new-kpis", test_new_kpis);
  g_test_add_func ("/cli-import/deep-json", test_deep_json);
  g_test_add_func ("/cli-import/binary-file", test_binary_file);
  g_test_add_func ("/cli-import/number-too-large", test_number_too_large);

  return g_test_run ();
}
