/* test-cli-whatif.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of `scorecards whatif`: the before/after table as text and JSON
 * for tests/fixtures/whatif-three-suppliers.scorecard (worked out in
 * tests/test-whatif.c), usage errors with exit status 2, and --apply.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sc-test-cli.h"

static const char *
fixture (void)
{
  return g_test_get_filename (G_TEST_DIST, "fixtures", "whatif-three-suppliers.scorecard", NULL);
}

static void
test_text (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("whatif", fixture (), "--set", "a.weight=3", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "Period: Mar 2025 — what if a.weight=3\n"));
  g_assert_nonnull (strstr (run->out, "3 of 3 partners change grade or rank (marked *)"));
  /* By rank after: Atlas up from 3rd to 1st, C to B */
  g_assert_nonnull (strstr (run->out,
    "Suppliers\n"
    "* Atlas Castings                   70.0   85.0  +15.0 C      B           3      1 \n"
    "* Cedar Springs                    80.0   80.0   +0.0 B      B           1      2 \n"
    "* Birch Plastics                   75.0   67.5   -7.5 B      C           2      3 \n"));
}

static void
test_json (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("whatif", fixture (), "--set", "a.weight=3",
                                           "--set", "bands=A:85,B:70,C:0", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *first, *before, *after;
  JsonArray *partners;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run->out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "2025-03");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "set")), ==, 2);
  partners = json_object_get_array_member (root, "partners");
  g_assert_cmpuint (json_array_get_length (partners), ==, 3);
  first = json_array_get_object_element (partners, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "p1");
  before = json_object_get_object_member (first, "before");
  after = json_object_get_object_member (first, "after");
  g_assert_cmpfloat (json_object_get_double_member (before, "score"), ==, 70);
  g_assert_cmpstr (json_object_get_string_member (before, "grade"), ==, "C");
  g_assert_cmpint (json_object_get_int_member (before, "rank"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (after, "score"), ==, 85);
  /* 85 reaches the tried A band */
  g_assert_cmpstr (json_object_get_string_member (after, "grade"), ==, "A");
  g_assert_cmpint (json_object_get_int_member (after, "rank"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (first, "change"), ==, 15);
  g_assert_true (json_object_get_boolean_member (first, "changed"));
}

static void
test_usage_errors (void)
{
  static const struct
  {
    const char *set;
    const char *message;
  } cases[] = {
    { "zz.weight=3", "scorecards whatif: --set zz.weight=3: the workbook has no KPI “zz”\n" },
    { "a.wieght=3", "scorecards whatif: --set a.wieght=3: “wieght” is not a KPI setting a what-if can "
      "change (weight, target, target_max, warning, critical)\n" },
    { "weighting=exponential:12", "scorecards whatif: --set weighting=exponential:12: “exponential:12” is "
      "not a period weighting: expected “latest”, “equal:N”, “linear:N” or “exponential:N:HALF-LIFE”\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliRun) run = sc_test_cli_run ("whatif", fixture (), "--set", cases[i].set, NULL);

      g_assert_cmpint (run->status, ==, 2);
      g_assert_true (g_str_has_prefix (run->err, cases[i].message));
      g_assert_cmpstr (run->out, ==, "");
    }

  {
    g_autoptr(CliRun) run = sc_test_cli_run ("whatif", fixture (), NULL);

    g_assert_cmpint (run->status, ==, 2);
    g_assert_true (g_str_has_prefix (run->err, "scorecards whatif: nothing to try"));
  }
}

/* --apply -o writes the workbook with the changes; BOOK stays as it was. */
static void
test_apply (void)
{
  g_autofree char *dir = g_dir_make_tmp ("whatif-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "applied.scorecard", NULL);
  g_autoptr(CliRun) run = sc_test_cli_run ("whatif", fixture (), "--set", "a.weight=3",
                                           "--set", "weighting=equal:3", "--apply", "-o", out, NULL);
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) original = NULL;

  g_assert_cmpint (run->status, ==, 0);
  again = sc_test_cli_run ("summary", out, "--json", NULL);
  g_assert_cmpint (again->status, ==, 0);
  g_assert_nonnull (strstr (again->out, "\"score\": 85,"));
  original = sc_test_cli_run ("summary", fixture (), "--json", NULL);
  g_assert_nonnull (strstr (original->out, "\"score\": 70,"));

  g_unlink (out);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/whatif/text", test_text);
  g_test_add_func ("/cli/whatif/json", test_json);
  g_test_add_func ("/cli/whatif/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/whatif/apply", test_apply);

  return g_test_run ();
}
