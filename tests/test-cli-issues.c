/* test-cli-issues.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of `scorecards issues` (src/cli/sc-cli-issues.c): runs the built
 * binary on the sample workbook, with its 15 issues, and checks the
 * filters, the table, the JSON and CSV output and the exit statuses.
 */

#include "config.h"

#include "sc-test-cli.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>



static const char *
sample_path (void)
{
  return g_test_get_filename (G_TEST_DIST, "..", "data", "samples", "contoso-2024-2025.scorecard", NULL);
}

/* Runs `scorecards issues SAMPLE` with the arguments up to NULL. */
static CliRun * G_GNUC_NULL_TERMINATED
run_issues (const char *first_arg,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (char *) "issues");
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return sc_test_cli_runv ((const char * const *) args->pdata, NULL);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_copy (json_parser_get_root (parser));
}

static JsonArray *
issues_of (JsonNode *root)
{
  return json_object_get_array_member (json_node_get_object (root), "issues");
}

static guint
count_lines_with (const char *text,
                  const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i]; i++)
    n += strstr (lines[i], needle) != NULL;
  return n;
}

static void
test_table (void)
{
  g_autoptr(CliRun) run = run_issues (sample_path (), NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_nonnull (strstr (run->out, "Severity"));
  g_assert_cmpuint (count_lines_with (run->out, "ISS-00"), ==, 15);
  g_assert_nonnull (strstr (run->out, "Leaking O-ring seals"));
  g_assert_nonnull (strstr (run->out, "15 issues"));
  /* ISS-0002 was due 2025-09-30 and is still in progress */
  g_assert_nonnull (strstr (run->out, "2025-09-30 OVERDUE"));
  /* ISS-0001 is resolved: never overdue */
  g_assert_null (strstr (run->out, "2025-05-31 OVERDUE"));
}

static void
test_json_all (void)
{
  g_autoptr(CliRun) run = run_issues (sample_path (), "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *issues;
  const char *today;

  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  issues = issues_of (root);
  g_assert_cmpuint (json_array_get_length (issues), ==, 15);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "count"), ==, 15);
  today = json_object_get_string_member (json_node_get_object (root), "today");

  /* Overdue exactly when open or in progress and due before today */
  for (guint i = 0; i < 15; i++)
    {
      JsonObject *issue = json_array_get_object_element (issues, i);
      const char *status = json_object_get_string_member (issue, "status");
      const char *due = json_object_get_string_member (issue, "due");
      gboolean open = g_str_equal (status, "open") || g_str_equal (status, "in-progress");

      g_assert_cmpint (json_object_get_boolean_member (issue, "overdue"), ==,
                       open && strcmp (due, today) < 0);
      g_assert_nonnull (json_object_get_string_member (issue, "partner_name"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (issues, 0),
                                                   "id"), ==, "ISS-0001");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (issues, 0), "history")), ==, 4);
}

static void
test_filters (void)
{
  g_autoptr(CliRun) by_id = run_issues (sample_path (), "--partner", "c03", "--json", NULL);
  g_autoptr(CliRun) by_name = run_issues (sample_path (), "--partner", "lombardia", "--json", NULL);
  g_autoptr(CliRun) status = run_issues (sample_path (), "--status", "closed", "--json", NULL);
  g_autoptr(CliRun) kpi = run_issues (sample_path (), "--kpi", "ppm_defects", "--json", NULL);
  g_autoptr(CliRun) both = run_issues (sample_path (), "--partner", "s04", "--status", "open",
                                       "--json", NULL);
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (by_id->status, ==, 0);
  root = parse_json (by_id->out);
  g_assert_cmpuint (json_array_get_length (issues_of (root)), ==, 3);
  g_clear_pointer (&root, json_node_unref);

  /* A part of the name, in another case, finds the same partner */
  g_assert_cmpint (by_name->status, ==, 0);
  g_assert_cmpstr (by_name->out, ==, by_id->out);

  root = parse_json (status->out);
  g_assert_cmpuint (json_array_get_length (issues_of (root)), ==, 4);
  g_clear_pointer (&root, json_node_unref);

  root = parse_json (kpi->out);
  g_assert_cmpuint (json_array_get_length (issues_of (root)), ==, 2);
  g_clear_pointer (&root, json_node_unref);

  root = parse_json (both->out);
  g_assert_cmpuint (json_array_get_length (issues_of (root)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (issues_of (root), 0),
                                                  "id"), ==, "ISS-0004");
}

static void
test_overdue (void)
{
  g_autoptr(CliRun) run = run_issues (sample_path (), "--overdue", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *issues;

  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  issues = issues_of (root);
  /* Six were overdue at the end of the data (docs/sample-data.md); two more since 2026-01-31 */
  g_assert_cmpuint (json_array_get_length (issues), >=, 6);
  for (guint i = 0; i < json_array_get_length (issues); i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (issues, i), "overdue"));
}

static void
test_csv (void)
{
  g_autoptr(CliRun) run = run_issues (sample_path (), "--csv", "--partner", "s02", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "\xEF\xBB\xBF" "id,partner_id,partner_name,kpi,"));
  lines = g_strsplit (run->out, "\r\n", -1);
  /* header, two issues, and the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[1], "ISS-0001,s02,\"Precision Hydraulics & Fluid Power Components Ltd.\","
                                   ) || g_str_has_prefix (lines[1], "ISS-0001,s02,Precision Hydraulics"));
  g_assert_cmpstr (lines[3], ==, "");
}

static void
test_no_match (void)
{
  g_autoptr(CliRun) run = run_issues (sample_path (), "--partner", "s01", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "No issues match."));
}

static void
test_bad_usage (void)
{
  g_autoptr(CliRun) status = run_issues (sample_path (), "--status", "done", NULL);
  g_autoptr(CliRun) partner = run_issues (sample_path (), "--partner", "Nobody Ltd", NULL);
  g_autoptr(CliRun) ambiguous = run_issues (sample_path (), "--partner", "GmbH", NULL);
  g_autoptr(CliRun) kpi = run_issues (sample_path (), "--kpi", "nope", NULL);
  g_autoptr(CliRun) both = run_issues (sample_path (), "--json", "--csv", NULL);
  g_autoptr(CliRun) none = run_issues (NULL, NULL);
  g_autoptr(CliRun) missing = run_issues ("/nonexistent/book.scorecard", NULL);

  g_assert_cmpint (status->status, ==, 2);
  g_assert_nonnull (strstr (status->err, "“done” is not a status"));
  g_assert_cmpint (partner->status, ==, 2);
  g_assert_nonnull (strstr (partner->err, "Nobody Ltd"));
  g_assert_cmpint (ambiguous->status, ==, 2);
  g_assert_nonnull (strstr (ambiguous->err, "matches"));
  g_assert_cmpint (kpi->status, ==, 2);
  g_assert_cmpint (both->status, ==, 2);
  g_assert_cmpint (none->status, ==, 2);
  g_assert_cmpint (missing->status, ==, 1);
  g_assert_nonnull (strstr (missing->err, "book.scorecard"));
  g_assert_cmpstr (missing->out, ==, "");
}

static void
test_help (void)
{
  g_autoptr(CliRun) run = run_issues ("--help", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "--overdue"));
  g_assert_nonnull (strstr (run->out, "--partner"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-issues/table", test_table);
  g_test_add_func ("/cli-issues/json", test_json_all);
  g_test_add_func ("/cli-issues/filters", test_filters);
  g_test_add_func ("/cli-issues/overdue", test_overdue);
  g_test_add_func ("/cli-issues/csv", test_csv);
  g_test_add_func ("/cli-issues/no-match", test_no_match);
  g_test_add_func ("/cli-issues/bad-usage", test_bad_usage);
  g_test_add_func ("/cli-issues/help", test_help);

  return g_test_run ();
}
