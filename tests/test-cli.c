/* test-cli.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the command line (src/cli): runs the built scorecards binary
 * without a display, as a script or a CI job would, and checks its exit
 * status, its messages and the summary it prints.
 */

#include "config.h"

#include "sc-test-cli.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#define SAMPLE_FILE "contoso-2024-2025.scorecard"


/* Helpers */


static const char *
sample_path (void)
{
  return g_test_get_filename (G_TEST_DIST, "..", "data", "samples", SAMPLE_FILE, NULL);
}

static const char *
fixture_path (const char *name)
{
  return g_test_get_filename (G_TEST_DIST, "fixtures", name, NULL);
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

/* A number member, whether json-glib reads it as an integer or a double. */
static double
get_number (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  g_assert_true (json_node_get_value_type (node) == G_TYPE_DOUBLE);
  return json_node_get_double (node);
}

static JsonObject *
find_by_id (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0)
        return object;
    }

  g_error ("no “%s” in the summary", id);
}

static void
assert_has_members (JsonObject         *object,
                    const char * const *members)
{
  for (guint i = 0; members[i] != NULL; i++)
    {
      if (!json_object_has_member (object, members[i]))
        g_error ("member “%s” is missing", members[i]);
    }
}

/* Tests */

static void
test_version (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("--version", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "scorecards " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run->out, ==, "scorecards 0.1.0\n");
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_help (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("--help", NULL);
  g_autoptr(CliRun) summary_help = sc_test_cli_run ("summary", "--help", NULL);
  g_autoptr(CliRun) report_help = sc_test_cli_run ("report", "--help", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "summary"));
  g_assert_nonnull (strstr (run->out, "--version"));

  g_assert_cmpint (summary_help->status, ==, 0);
  g_assert_nonnull (strstr (summary_help->out, "--period"));
  g_assert_nonnull (strstr (summary_help->out, "--json"));
  /* The usage line names the argument once */
  g_assert_nonnull (strstr (summary_help->out, "[OPTION…] BOOK — "));

  {
    const char *commands[] = { "chart", "import", "issues", "report" };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_autoptr(CliRun) help = sc_test_cli_run (commands[i], "--help", NULL);

        g_assert_cmpint (help->status, ==, 0);
        g_assert_null (strstr (help->out, "BOOK BOOK"));
        g_assert_null (strstr (help->out, "DATA… DATA…"));
      }
  }

  /* report takes the same views as summary */
  g_assert_cmpint (report_help->status, ==, 0);
  g_assert_nonnull (strstr (report_help->out, "--period"));
  g_assert_nonnull (strstr (report_help->out, "2025-03/r12"));
  g_assert_nonnull (strstr (run->out, "[--to P] [--period P]"));
}

static void
test_usage_errors (void)
{
  g_autoptr(CliRun) no_args = sc_test_cli_run ("summary", NULL);
  g_autoptr(CliRun) two_books = sc_test_cli_run ("summary", sample_path (), sample_path (), NULL);
  g_autoptr(CliRun) bad_option = sc_test_cli_run ("summary", "--frobnicate", sample_path (), NULL);

  g_assert_cmpint (no_args->status, ==, 2);
  g_assert_cmpstr (no_args->out, ==, "");
  g_assert_nonnull (strstr (no_args->err, "summary"));

  g_assert_cmpint (two_books->status, ==, 2);
  g_assert_cmpint (bad_option->status, ==, 2);
  g_assert_nonnull (strstr (bad_option->err, "--frobnicate"));
}

static void
test_missing_file (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", "nonexistent.scorecard", NULL);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "nonexistent.scorecard"));
}

/* A broken file: the message points at the line and column. */
static void
test_broken_file (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", fixture_path ("truncated.scorecard"), NULL);
  const char *place;

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  place = strstr (run->err, "truncated.scorecard:14:");
  g_assert_nonnull (place);
  place += strlen ("truncated.scorecard:14:");
  g_assert_true (g_ascii_isdigit (*place));
}

static void
assert_partner_summary (JsonObject *partner)
{
  static const char * const members[] = {
    "id", "name", "type", "score", "grade", "trend", "rank", "kpis", NULL
  };
  static const char * const kpi_members[] = { "id", "value", "target", "status", "score", NULL };
  static const char * const statuses[] = { "green", "amber", "red", "no-data", NULL };
  JsonArray *kpis;

  assert_has_members (partner, members);
  kpis = json_object_get_array_member (partner, "kpis");
  g_assert_cmpuint (json_array_get_length (kpis), >, 0);

  for (guint i = 0; i < json_array_get_length (kpis); i++)
    {
      JsonObject *kpi = json_array_get_object_element (kpis, i);

      assert_has_members (kpi, kpi_members);
      g_assert_true (g_strv_contains (statuses, json_object_get_string_member (kpi, "status")));
    }
}

static void
test_summary_json (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", sample_path (), "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *partners;
  guint n_suppliers = 0, n_customers = 0;
  JsonObject *s07;

  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "period"), ==,
                   "2025-12");
  partners = json_object_get_array_member (json_node_get_object (root), "partners");
  g_assert_cmpuint (json_array_get_length (partners), ==, 27);

  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *partner = json_array_get_object_element (partners, i);
      gboolean supplier = g_str_equal (json_object_get_string_member (partner, "type"), "supplier");
      double rank;

      assert_partner_summary (partner);
      rank = get_number (partner, "rank");
      g_assert_cmpfloat (rank, >=, 1);
      g_assert_cmpfloat (rank, <=, supplier ? 19 : 8);
      if (supplier)
        n_suppliers++;
      else
        n_customers++;
    }
  g_assert_cmpuint (n_suppliers, ==, 19);
  g_assert_cmpuint (n_customers, ==, 8);

  /* Fonderia Valle Trompia is the worst supplier at the end of 2025 */
  s07 = find_by_id (partners, "s07");
  g_assert_cmpstr (json_object_get_string_member (s07, "name"), ==, "Fonderia Valle Trompia S.r.l.");
  g_assert_cmpfloat (get_number (s07, "rank"), ==, 19);
  g_assert_cmpstr (json_object_get_string_member (s07, "grade"), ==, "D");
  g_assert_cmpstr (json_object_get_string_member (s07, "trend"), ==, "declining");
}

static void
test_summary_json_period (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", sample_path (), "--period", "2025-04", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *s02, *ppm;

  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "period"), ==,
                   "2025-04");

  s02 = find_by_id (json_object_get_array_member (json_node_get_object (root), "partners"), "s02");
  ppm = find_by_id (json_object_get_array_member (s02, "kpis"), "ppm_defects");
  /* The value as stored for the month (359 / 48004 × 10⁶, rounded) */
  g_assert_cmpfloat (get_number (ppm, "value"), ==, 7479);
  g_assert_cmpfloat (get_number (ppm, "target"), ==, 250);
  g_assert_cmpstr (json_object_get_string_member (ppm, "status"), ==, "red");
  g_assert_cmpfloat (get_number (ppm, "score"), ==, 0);
}

static void
test_summary_text_period (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", sample_path (), "--period", "2025-04", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "Period: Apr 2025"));
  g_assert_nonnull (strstr (run->out, "(PPM) 7479 ppm"));
}

static void
test_bad_period (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", sample_path (), "--period", "2025-13", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "2025-13"));
}

static void
test_summary_text (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", sample_path (), NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_str_has_prefix (run->out, "Period: Dec 2025"));
  g_assert_nonnull (strstr (run->out, "Fonderia Valle Trompia"));
  g_assert_nonnull (strstr (run->out, "Lombardia Macchine Agricole"));

  /* A title, a blank line, the header and one line per partner */
  lines = g_strsplit (g_strchomp (run->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3 + 27);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/summary/missing-file", test_missing_file);
  g_test_add_func ("/cli/summary/broken-file", test_broken_file);
  g_test_add_func ("/cli/summary/json", test_summary_json);
  g_test_add_func ("/cli/summary/json-period", test_summary_json_period);
  g_test_add_func ("/cli/summary/text-period", test_summary_text_period);
  g_test_add_func ("/cli/summary/bad-period", test_bad_period);
  g_test_add_func ("/cli/summary/text", test_summary_text);

  return g_test_run ();
}
