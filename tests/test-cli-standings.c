/* test-cli-standings.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards summary` with standings, the watch list and scorecard
 * groups: what --json and --watch print, and that a workbook of an older
 * version scores exactly as before.
 */

#include "config.h"

#include "sc-test-cli.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static const char *
sample_path (void)
{
  return g_test_get_filename (G_TEST_DIST, "..", "data", "samples", "contoso-2024-2025.scorecard", NULL);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Every member of @before is in @after with the same value; @after may
 * have more (the members this version adds).
 */
static void
assert_contains (JsonNode   *before,
                 JsonNode   *after,
                 const char *path)
{
  g_assert_cmpint (JSON_NODE_TYPE (before), ==, JSON_NODE_TYPE (after));

  if (JSON_NODE_HOLDS_OBJECT (before))
    {
      JsonObject *b = json_node_get_object (before), *a = json_node_get_object (after);
      g_autoptr(GList) members = json_object_get_members (b);

      for (GList *l = members; l; l = l->next)
        {
          g_autofree char *sub = g_strdup_printf ("%s.%s", path, (char *) l->data);

          if (!json_object_has_member (a, l->data))
            g_error ("%s is missing", sub);
          assert_contains (json_object_get_member (b, l->data), json_object_get_member (a, l->data), sub);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (before))
    {
      JsonArray *b = json_node_get_array (before), *a = json_node_get_array (after);

      g_assert_cmpuint (json_array_get_length (b), ==, json_array_get_length (a));
      for (guint i = 0; i < json_array_get_length (b); i++)
        {
          g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);
          assert_contains (json_array_get_element (b, i), json_array_get_element (a, i), sub);
        }
    }
  else if (!json_node_equal (before, after))
    g_error ("%s differs", path);
}

/* The sample (a version 1 file without standings or groups) scores as it
 * did before them: the summary of the version before, kept as a fixture,
 * is all in today's, member for member.
 */
static void
test_old_workbook_unchanged (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", sample_path (), "--period", "2025-06", "--json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *first;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures",
                                                           "summary-before-standings-2025-06.json", NULL),
                                      &expected, NULL, NULL));
  before = parse_json (expected);
  after = parse_json (run->out);
  assert_contains (before, after, "$");

  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (after),
                                                                       "partners"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "standing"), ==,
                   json_object_get_string_member (first, "grade"));
  g_assert_true (json_object_has_member (first, "action"));
  g_assert_true (json_object_get_null_member (first, "scorecard"));
}

static void
test_watch_text (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", sample_path (), "--period", "2025-06", "--watch", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "watch list: 3 partners"));
  g_assert_nonnull (strstr (run->out, "fell from A to C"));
  g_assert_nonnull (strstr (run->out, "Lombardia Macchine Agricole S.p.A."));
  g_assert_nonnull (strstr (run->out, "Escalation meeting within 30 days"));
  /* Not on the list */
  g_assert_null (strstr (run->out, "Müller Drehteile"));
}

static void
test_watch_json (void)
{
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", sample_path (), "--period", "2025-06",
                                           "--watch", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *partners;

  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  partners = json_object_get_array_member (json_node_get_object (root), "partners");
  g_assert_cmpuint (json_array_get_length (partners), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *p = json_array_get_object_element (partners, i);
      JsonObject *watch = json_object_get_object_member (p, "watch");

      g_assert_cmpstr (json_object_get_string_member (watch, "reason"), ==, "worsened");
      g_assert_cmpstr (json_object_get_string_member (watch, "to"), ==,
                       json_object_get_string_member (p, "standing"));
    }
}

/* The sample with a "Castings" scorecard for the foundries */
static char *
write_grouped_sample (void)
{
  static const char groups[] =
    "{ \"scorecard_groups\": [ { \"id\": \"castings\", \"name\": \"Castings\",\n"
    "    \"match\": { \"type\": \"supplier\", \"tags\": [\n"
    "      { \"key\": \"commodity\", \"value\": \"Iron castings\" },\n"
    "      { \"key\": \"commodity\", \"value\": \"Investment castings\" } ] },\n"
    "    \"kpis\": [ \"on_time_delivery_pct\", \"ppm_defects\", \"scrap_rate_pct\" ],\n"
    "    \"overrides\": { \"ppm_defects\": { \"weight\": 3 } } } ],\n";
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-cli-standings-XXXXXX.scorecard", NULL);
  g_autoptr(GString) grouped = NULL;
  int fd;

  g_assert_true (g_file_get_contents (sample_path (), &text, NULL, NULL));
  grouped = g_string_new (groups);
  g_string_append (grouped, strchr (text, '{') + 1);
  fd = g_mkstemp (path);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, grouped->str, grouped->len, NULL));

  return g_steal_pointer (&path);
}

static void
test_scorecard_groups (void)
{
  g_autofree char *path = write_grouped_sample ();
  g_autoptr(CliRun) run = sc_test_cli_run ("summary", path, "--period", "2025-06", "--json", NULL);
  g_autoptr(CliRun) text = sc_test_cli_run ("summary", path, "--period", "2025-06", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *partners;
  guint n_castings = 0;

  g_assert_cmpint (run->status, ==, 0);
  root = parse_json (run->out);
  partners = json_object_get_array_member (json_node_get_object (root), "partners");
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *p = json_array_get_object_element (partners, i);

      if (json_object_get_null_member (p, "scorecard"))
        continue;
      n_castings++;
      g_assert_cmpstr (json_object_get_string_member (p, "scorecard"), ==, "Castings");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p, "kpis")), ==, 3);
      g_assert_cmpint (json_object_get_int_member (p, "ranked_among"), ==, 2);
      g_assert_cmpint (json_object_get_int_member (p, "rank"), <=, 2);
    }
  g_assert_cmpuint (n_castings, ==, 2);

  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, "Partners on different scorecards are ranked separately"));
  g_assert_nonnull (strstr (text->out, "Castings"));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/summary/old-workbook-unchanged", test_old_workbook_unchanged);
  g_test_add_func ("/cli/summary/watch-text", test_watch_text);
  g_test_add_func ("/cli/summary/watch-json", test_watch_json);
  g_test_add_func ("/cli/summary/scorecard-groups", test_scorecard_groups);

  return g_test_run ();
}
