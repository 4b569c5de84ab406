/* test-cli-store.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Team workbooks on the command line: every subcommand that takes a BOOK
 * run on a postgresql://…?workbook=NAME URI against a real server started
 * for this run (sc-test-pg.c); `copy` both ways giving the same summary,
 * issues and bytes; ten imports into one team workbook at once losing
 * nothing; a viewer refused; hostile names; a newer schema refused.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sc-test-cli.h"
#include "sc-test-pg.h"

#define N_WRITERS 10

static ScTestPg *server;
static char *tmp_dir;

static const char *
sample_path (void)
{
  return g_test_get_filename (G_TEST_DIST, "..", "data", "samples", "contoso-2024-2025.scorecard",
                              NULL);
}

static char *
temp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
write_temp (const char *name,
            const char *contents)
{
  char *path = temp_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* A database set up as docs/team-server.md says, for one test */
static char *
new_database (void)
{
  static guint counter;
  char *name = g_strdup_printf ("cli_%u", ++counter);

  sc_test_pg_add_team (server, name);
  return name;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Copying both ways */

static void
test_copy_both_ways (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *uri = sc_test_pg_uri (server, "scorecards_owner", db, "Contoso 2024–2025");
  g_autofree char *back = temp_path ("back.scorecard");
  g_autofree char *direct = temp_path ("direct.scorecard");
  g_autofree char *back_bytes = NULL;
  g_autofree char *direct_bytes = NULL;
  g_autoptr(CliRun) up = sc_test_cli_run ("copy", sample_path (), uri, NULL);
  g_autoptr(CliRun) down = sc_test_cli_run ("copy", uri, back, NULL);
  g_autoptr(CliRun) plain = sc_test_cli_run ("copy", sample_path (), direct, NULL);
  g_autoptr(CliRun) summary_file = sc_test_cli_run ("summary", sample_path (), "--json", NULL);
  g_autoptr(CliRun) summary_team = sc_test_cli_run ("summary", uri, "--json", NULL);
  g_autoptr(CliRun) summary_back = sc_test_cli_run ("summary", back, "--json", NULL);
  g_autoptr(CliRun) issues_file = sc_test_cli_run ("issues", sample_path (), "--json", NULL);
  g_autoptr(CliRun) issues_team = sc_test_cli_run ("issues", uri, "--json", NULL);
  g_autoptr(CliRun) quarter_file =
    sc_test_cli_run ("summary", sample_path (), "--period", "2025-Q2", NULL);
  g_autoptr(CliRun) quarter_team = sc_test_cli_run ("summary", uri, "--period", "2025-Q2", NULL);

  g_assert_cmpint (up->status, ==, 0);
  g_assert_nonnull (strstr (up->out,
                            "Copied 6437 values of 27 partners and 15 issues to postgresql:"));
  g_assert_cmpint (down->status, ==, 0);
  g_assert_cmpint (plain->status, ==, 0);

  g_assert_cmpint (summary_team->status, ==, 0);
  g_assert_cmpstr (summary_team->out, ==, summary_file->out);
  g_assert_cmpstr (summary_back->out, ==, summary_file->out);
  g_assert_cmpint (issues_team->status, ==, 0);
  g_assert_cmpstr (issues_team->out, ==, issues_file->out);
  g_assert_cmpstr (quarter_team->out, ==, quarter_file->out);

  /* the file that came back from the server is the file copied directly */
  back_bytes = read_file (back);
  direct_bytes = read_file (direct);
  g_assert_cmpstr (back_bytes, ==, direct_bytes);
}

/* `review` on a team workbook saves the review on the server; `copy` to a
 * file and back keeps it byte for byte.
 */
static void
test_review_kept (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *uri = sc_test_pg_uri (server, "scorecards_owner", db, "Reviews");
  g_autofree char *pack = temp_path ("pack.pdf");
  g_autofree char *down = temp_path ("down.scorecard");
  g_autofree char *again = temp_path ("again.scorecard");
  g_autofree char *uri2 = sc_test_pg_uri (server, "scorecards_owner", db, "Reviews again");
  g_autoptr(CliRun) up = sc_test_cli_run ("copy", sample_path (), uri, NULL);
  g_autoptr(CliRun) review = sc_test_cli_run ("review", uri, "--partner", "s02", "--date", "2025-06-12",
                                              "-o", pack, NULL);
  g_autoptr(CliRun) list = sc_test_cli_run ("reviews", uri, "--json", NULL);
  g_autoptr(CliRun) first = sc_test_cli_run ("copy", uri, down, NULL);
  g_autoptr(CliRun) back_up = sc_test_cli_run ("copy", down, uri2, NULL);
  g_autoptr(CliRun) second = sc_test_cli_run ("copy", uri2, again, NULL);
  g_autofree char *down_bytes = NULL;
  g_autofree char *again_bytes = NULL;

  g_assert_cmpint (up->status, ==, 0);
  g_assert_cmpint (review->status, ==, 0);
  g_assert_true (g_file_test (pack, G_FILE_TEST_EXISTS));
  g_assert_cmpint (list->status, ==, 0);
  g_assert_nonnull (strstr (list->out, "\"id\": \"REV-0001\""));
  g_assert_nonnull (strstr (list->out, "\"frozen\": true"));
  g_assert_cmpint (first->status, ==, 0);
  g_assert_cmpint (back_up->status, ==, 0);
  g_assert_cmpint (second->status, ==, 0);
  down_bytes = read_file (down);
  again_bytes = read_file (again);
  g_assert_nonnull (strstr (down_bytes, "\"reviews\""));
  g_assert_nonnull (strstr (down_bytes, "\"snapshot\""));
  g_assert_cmpstr (again_bytes, ==, down_bytes);
}

/* Partners' report languages and KPIs' names in other languages go to the
 * server and come back (migration 005).
 */
static void
test_copy_languages (void)
{
  const char *fixture = g_test_get_filename (G_TEST_DIST, "fixtures", "language-customers.scorecard", NULL);
  g_autofree char *db = new_database ();
  g_autofree char *uri = sc_test_pg_uri (server, "scorecards_owner", db, "Languages");
  g_autofree char *back = temp_path ("languages-back.scorecard");
  g_autofree char *direct = temp_path ("languages-direct.scorecard");
  g_autoptr(CliRun) up = sc_test_cli_run ("copy", fixture, uri, NULL);
  g_autoptr(CliRun) down = sc_test_cli_run ("copy", uri, back, NULL);
  g_autoptr(CliRun) plain = sc_test_cli_run ("copy", fixture, direct, NULL);
  g_autofree char *back_bytes = NULL;
  g_autofree char *direct_bytes = NULL;

  g_assert_cmpint (up->status, ==, 0);
  g_assert_cmpint (down->status, ==, 0);
  g_assert_cmpint (plain->status, ==, 0);
  back_bytes = read_file (back);
  direct_bytes = read_file (direct);
  g_assert_cmpstr (back_bytes, ==, direct_bytes);
  g_assert_nonnull (strstr (back_bytes, "\"report_language\": \"fr\""));
  g_assert_nonnull (strstr (back_bytes, "\"report_language\": \"de\""));
  g_assert_nonnull (strstr (back_bytes, "\"fr\": \"Fiabilité des prévisions\""));
  g_assert_nonnull (strstr (back_bytes, "\"de\": \"Prognosegüte\""));
}

static void
test_copy_existing (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *uri = sc_test_pg_uri (server, "scorecards_owner", db, "Twice");
  g_autofree char *file = temp_path ("twice.scorecard");
  g_autoptr(CliRun) first = sc_test_cli_run ("copy", sample_path (), uri, NULL);
  g_autoptr(CliRun) again = sc_test_cli_run ("copy", sample_path (), uri, NULL);
  g_autoptr(CliRun) replaced = sc_test_cli_run ("copy", sample_path (), uri, "--replace", NULL);
  g_autoptr(CliRun) down = sc_test_cli_run ("copy", uri, file, NULL);
  g_autoptr(CliRun) down_again = sc_test_cli_run ("copy", uri, file, NULL);
  g_autoptr(CliRun) down_replaced = sc_test_cli_run ("copy", uri, file, "--replace", NULL);
  g_autoptr(CliRun) usage = sc_test_cli_run ("copy", uri, NULL);
  g_autofree char *revision =
    sc_test_pg_query (server, db, "SELECT revision FROM scorecards.workbook");

  g_assert_cmpint (first->status, ==, 0);
  g_assert_cmpint (again->status, ==, 1);
  g_assert_nonnull (strstr (again->err, "“Twice”"));
  g_assert_nonnull (strstr (again->err, "--replace"));
  g_assert_cmpint (replaced->status, ==, 0);
  g_assert_cmpstr (revision, ==, "2");

  g_assert_cmpint (down->status, ==, 0);
  g_assert_cmpint (down_again->status, ==, 1);
  g_assert_nonnull (strstr (down_again->err, "exists already; add --replace"));
  g_assert_cmpint (down_replaced->status, ==, 0);
  g_assert_cmpint (usage->status, ==, 2);
}

/* Every subcommand that takes a BOOK */

static void
test_subcommands (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *uri = sc_test_pg_uri (server, "alice", db, "Contoso");
  g_autofree char *owner_uri = sc_test_pg_uri (server, "scorecards_owner", db, "Contoso");
  g_autofree char *new_uri = sc_test_pg_uri (server, "alice", db, "From CSV");
  g_autofree char *pdf = temp_path ("team.pdf");
  g_autofree char *png = temp_path ("team.png");
  g_autofree char *xl = temp_path ("team.xlsx");
  g_autofree char *csv = write_temp ("more.csv",
                                     "partner,kpi,period,value\n"
                                     "Müller Drehteile GmbH,on_time_delivery_pct,2026-01,42.5\n"
                                     "Newcomer Ltd,on_time_delivery_pct,2026-01,97\n");
  g_autoptr(CliRun) up = sc_test_cli_run ("copy", sample_path (), owner_uri, NULL);
  g_autoptr(CliRun) summary = sc_test_cli_run ("summary", uri, NULL);
  g_autoptr(CliRun) issues = sc_test_cli_run ("issues", uri, "--status", "open", NULL);
  g_autoptr(CliRun) report =
    sc_test_cli_run ("report", uri, "-o", pdf, "--partner", "Müller", "--quiet", NULL);
  g_autoptr(CliRun) chart =
    sc_test_cli_run ("chart", uri, "--partner", "Müller", "--kind", "trend", "-o", png, NULL);
  g_autoptr(CliRun) xlsx = sc_test_cli_run ("export", uri, "-o", xl, "--partner", "Müller", NULL);
  g_autoptr(CliRun) dry = sc_test_cli_run ("import", csv, "--into", uri, "--dry-run", NULL);
  g_autoptr(CliRun) dry_summary = sc_test_cli_run ("summary", uri, "--json", NULL);
  g_autoptr(CliRun) import = sc_test_cli_run ("import", csv, "--into", uri, NULL);
  g_autoptr(CliRun) after = sc_test_cli_run ("summary", uri, "--period", "2026-01", "--json", NULL);
  g_autoptr(CliRun) created = sc_test_cli_run ("import", csv, "-o", new_uri, NULL);
  g_autoptr(CliRun) created_again = sc_test_cli_run ("import", csv, "-o", new_uri, NULL);
  g_autoptr(CliRun) created_summary = sc_test_cli_run ("summary", new_uri, "--json", NULL);
  g_autofree char *head = NULL;

  g_assert_cmpint (up->status, ==, 0);
  g_assert_cmpint (summary->status, ==, 0);
  g_assert_nonnull (strstr (summary->out, "Müller Drehteile GmbH"));
  g_assert_cmpint (issues->status, ==, 0);
  g_assert_nonnull (strstr (issues->out, "ISS-"));

  g_assert_cmpint (report->status, ==, 0);
  head = read_file (pdf);
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  g_clear_pointer (&head, g_free);
  g_assert_cmpint (chart->status, ==, 0);
  head = read_file (png);
  g_assert_true (g_str_has_prefix (head, "\x89PNG"));
  g_clear_pointer (&head, g_free);
  g_assert_cmpint (xlsx->status, ==, 0);
  head = read_file (xl);
  g_assert_true (g_str_has_prefix (head, "PK"));

  /* a dry run writes nothing */
  g_assert_cmpint (dry->status, ==, 0);
  g_assert_nonnull (strstr (dry->out, "Would import 2 values"));
  g_assert_cmpint (dry_summary->status, ==, 0);
  g_assert_null (strstr (dry_summary->out, "Newcomer Ltd"));

  g_assert_cmpint (import->status, ==, 0);
  g_assert_nonnull (strstr (import->out, "Saved postgresql:"));
  g_assert_cmpint (after->status, ==, 0);
  g_assert_nonnull (strstr (after->out, "\"value\": 42.5"));
  g_assert_nonnull (strstr (after->out, "Newcomer Ltd"));

  g_assert_cmpint (created->status, ==, 0);
  g_assert_cmpint (created_again->status, ==, 1);
  g_assert_nonnull (strstr (created_again->err, "use --into"));
  g_assert_cmpint (created_summary->status, ==, 0);
  g_assert_nonnull (strstr (created_summary->out, "Newcomer Ltd"));
}

/* A recipe kept with a team workbook serves the next import, and its parts
 * make the quarter exact
 */
static void
test_recipe_kept (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *owner = sc_test_pg_uri (server, "scorecards_owner", db, "none");
  g_autofree char *uri = sc_test_pg_uri (server, "alice", db, "Orders");
  g_autofree char *recipe = write_temp ("orders.recipe.json",
    "{\"partner\": \"supplier\", \"date\": \"order_date\", \"kpis\": ["
    "{\"id\": \"ppm_defects\", \"formula\": \"1e6 * sum(defective) / sum(quantity)\"}]}");
  g_autofree char *jan = write_temp ("orders-jan.csv",
    "po_line,supplier,order_date,quantity,defective\n"
    "1,Acme,2025-01-03,1000,1\n2,Acme,2025-01-09,1000,3\n");
  g_autofree char *feb = write_temp ("orders-feb.csv",
    "po_line,supplier,order_date,quantity,defective\n"
    "3,Acme,2025-02-03,2000,1\n4,Acme,2025-02-19,2000,1\n");
  g_autoptr(CliRun) schema = sc_test_cli_run ("summary", owner, NULL);
  g_autoptr(CliRun) first = sc_test_cli_run ("import", jan, "--recipe", recipe, "-o", uri, NULL);
  g_autoptr(CliRun) second = sc_test_cli_run ("import", feb, "--into", uri, NULL);
  g_autoptr(CliRun) quarter =
    sc_test_cli_run ("summary", uri, "--period", "2025-Q1", "--json", NULL);
  g_autoptr(CliRun) with_recipe = sc_test_cli_run ("summary", uri, "--recipe", recipe, NULL);

  g_assert_cmpint (schema->status, ==, 1);
  g_assert_cmpint (first->status, ==, 0);
  g_assert_cmpint (second->status, ==, 0);
  g_assert_nonnull (strstr (second->err, "recipe kept in the workbook"));
  /* Σ defects / Σ quantity of both files: 6 / 6,000 */
  g_assert_cmpint (quarter->status, ==, 0);
  g_assert_nonnull (strstr (quarter->out, "\"value\": 1000,"));
  g_assert_cmpint (with_recipe->status, ==, 1);
  g_assert_nonnull (strstr (with_recipe->err, "--recipe"));
}

/* Ten imports at once into one team workbook: each adds a partner, and a
 * value to one shared series; none may be lost
 */
static GSubprocess *
spawn_import (const char *csv,
              const char *uri)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SCORECARDS_BIN"),
                                         "import", csv, "--into", uri, NULL);
  g_assert_no_error (error);
  return process;
}

/* The values of partner @name's series of @kpi in the workbook file @path */
static JsonArray *
series_values (JsonObject *root,
               const char *name,
               const char *kpi)
{
  JsonArray *partners = json_object_get_array_member (root, "partners");
  JsonArray *series = json_object_get_array_member (root, "series");
  const char *id = NULL;

  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *p = json_array_get_object_element (partners, i);

      if (g_str_equal (json_object_get_string_member (p, "name"), name))
        id = json_object_get_string_member (p, "id");
    }
  g_assert_nonnull (id);
  for (guint i = 0; i < json_array_get_length (series); i++)
    {
      JsonObject *s = json_array_get_object_element (series, i);

      if (g_str_equal (json_object_get_string_member (s, "partner"), id) &&
          g_str_equal (json_object_get_string_member (s, "kpi"), kpi))
        return json_object_get_array_member (s, "values");
    }
  g_error ("no series %s × %s", name, kpi);
  return NULL;
}

static void
test_concurrent_writers (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *uri = sc_test_pg_uri (server, "alice", db, "Busy");
  g_autofree char *owner = sc_test_pg_uri (server, "scorecards_owner", db, "Busy");
  g_autofree char *base =
    write_temp ("base.csv", "partner,kpi,period,value\nShared,on_time_delivery_pct,2024-12,0\n");
  g_autofree char *back = temp_path ("busy.scorecard");
  g_autoptr(CliRun) created = sc_test_cli_run ("import", base, "-o", owner, NULL);
  g_autoptr(CliRun) down = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *writers[N_WRITERS];
  g_autofree char *revision = NULL;
  JsonObject *root;
  JsonArray *shared;

  g_assert_cmpint (created->status, ==, 0);

  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("writer-%u.csv", i + 1);
      g_autofree char *rows = g_strdup_printf ("partner,kpi,period,value\n"
                                               "Writer %u,on_time_delivery_pct,2025-01,%u\n"
                                               "Shared,on_time_delivery_pct,2025-%02u,%u\n",
                                               i + 1, 90 + i, i + 1, i + 1);
      g_autofree char *csv = write_temp (name, rows);

      writers[i] = spawn_import (csv, uri);
    }
  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_subprocess_communicate_utf8 (writers[i], NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_test_message ("writer %u: %s%s", i + 1, out, err);
      g_assert_cmpint (g_subprocess_get_exit_status (writers[i]), ==, 0);
      g_object_unref (writers[i]);
    }

  /* one revision per writer, after the first */
  revision = sc_test_pg_query (server, db, "SELECT revision FROM scorecards.workbook");
  g_assert_cmpstr (revision, ==, "11");

  down = sc_test_cli_run ("copy", uri, back, NULL);
  g_assert_cmpint (down->status, ==, 0);
  json_parser_load_from_file (parser, back, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "partners")), ==,
                    N_WRITERS + 1);
  shared = series_values (root, "Shared", "on_time_delivery_pct");
  g_assert_cmpuint (json_array_get_length (shared), ==, N_WRITERS + 1);
  g_assert_cmpint (json_array_get_int_element (shared, 0), ==, 0);
  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Writer %u", i + 1);
      JsonArray *own = series_values (root, name, "on_time_delivery_pct");

      g_assert_cmpint (json_array_get_int_element (shared, i + 1), ==, i + 1);
      g_assert_cmpint (json_array_get_int_element (own, 1), ==, 90 + i);
    }
}

/* Roles */

static void
test_viewer (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *owner = sc_test_pg_uri (server, "scorecards_owner", db, "Contoso");
  g_autofree char *viewer = sc_test_pg_uri (server, "bob", db, "Contoso");
  g_autofree char *viewer_new = sc_test_pg_uri (server, "bob", db, "Bob's own");
  g_autofree char *csv =
    write_temp ("bob.csv", "partner,kpi,period,value\nBob's pick,on_time_delivery_pct,2026-01,1\n");
  g_autoptr(CliRun) up = sc_test_cli_run ("copy", sample_path (), owner, NULL);
  g_autoptr(CliRun) summary = sc_test_cli_run ("summary", viewer, "--json", NULL);
  g_autoptr(CliRun) import = sc_test_cli_run ("import", csv, "--into", viewer, NULL);
  g_autoptr(CliRun) replace = sc_test_cli_run ("copy", sample_path (), viewer, "--replace", NULL);
  g_autoptr(CliRun) create = sc_test_cli_run ("copy", sample_path (), viewer_new, NULL);
  g_autoptr(CliRun) after = sc_test_cli_run ("summary", viewer, NULL);
  g_autofree char *count =
    sc_test_pg_query (server, db, "SELECT count(*) || ' ' || max(revision) FROM scorecards.workbook");

  g_assert_cmpint (up->status, ==, 0);
  g_assert_cmpint (summary->status, ==, 0);
  g_assert_cmpint (import->status, ==, 1);
  g_assert_nonnull (strstr (import->err, "role “bob” may read team workbooks on this server "
                                         "but not change them"));
  g_assert_cmpint (replace->status, ==, 1);
  g_assert_nonnull (strstr (replace->err, "role “bob” may read"));
  g_assert_cmpint (create->status, ==, 1);
  g_assert_cmpint (after->status, ==, 0);
  g_assert_null (strstr (after->out, "Bob's pick"));
  g_assert_cmpstr (count, ==, "1 1");
}

/* Hostile names and wrong addresses */

static void
test_hostile_name (void)
{
  g_autofree char *db = new_database ();
  const char *name = "Q'3 \"review\" \\ '; DROP TABLE scorecards.workbook; -- & ?workbook=x #1";
  g_autofree char *uri = sc_test_pg_uri (server, "scorecards_owner", db, name);
  g_autofree char *other = sc_test_pg_uri (server, "scorecards_owner", db, "Q'3");
  g_autofree char *back = temp_path ("hostile.scorecard");
  g_autofree char *direct = temp_path ("hostile-direct.scorecard");
  g_autoptr(CliRun) up = sc_test_cli_run ("copy", sample_path (), uri, NULL);
  g_autoptr(CliRun) missing = sc_test_cli_run ("summary", other, NULL);
  g_autoptr(CliRun) down = sc_test_cli_run ("copy", uri, back, NULL);
  g_autoptr(CliRun) plain = sc_test_cli_run ("copy", sample_path (), direct, NULL);
  g_autofree char *stored = sc_test_pg_query (server, db, "SELECT name FROM scorecards.workbook");
  g_autofree char *back_bytes = NULL;
  g_autofree char *direct_bytes = NULL;

  g_assert_cmpint (up->status, ==, 0);
  g_assert_cmpstr (stored, ==, name);
  g_assert_cmpint (missing->status, ==, 1);
  g_assert_nonnull (strstr (missing->err, "no team workbook “Q'3”"));
  g_assert_cmpint (down->status, ==, 0);
  back_bytes = read_file (back);
  direct_bytes = read_file (direct);
  g_assert_cmpstr (back_bytes, ==, direct_bytes);
}

static void
test_bad_locations (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *nowhere =
    g_strdup_printf ("postgresql://anna:s3cret@/%s?host=%s/nowhere&workbook=x",
                     db, sc_test_pg_get_socket_dir (server));
  g_autoptr(CliRun) no_workbook =
    sc_test_cli_run ("summary", "postgresql://anna:s3cret@db.example.com/q", NULL);
  g_autoptr(CliRun) bad_name = sc_test_cli_run ("issues", "postgresql:///q?workbook=%FF", NULL);
  g_autoptr(CliRun) no_server = sc_test_cli_run ("summary", nowhere, NULL);
  g_autoptr(CliRun) no_chart =
    sc_test_cli_run ("chart", nowhere, "--partner", "x", "-o", "x.png", NULL);
  g_autoptr(CliRun) no_report = sc_test_cli_run ("report", nowhere, "-o", "x.pdf", NULL);
  g_autofree char *owner = sc_test_pg_uri (server, "scorecards_owner", db, "Pw");
  g_autofree char *with_password = g_strdup_printf ("%s&password=s3cret", owner);
  g_autofree char *csv =
    write_temp ("pw.csv", "partner,kpi,period,value\nP,on_time_delivery_pct,2026-01,1\n");
  g_autoptr(CliRun) saved = NULL;

  g_assert_cmpint (no_workbook->status, ==, 1);
  g_assert_nonnull (strstr (no_workbook->err, "add ?workbook=NAME"));
  g_assert_null (strstr (no_workbook->err, "s3cret"));
  g_assert_cmpint (bad_name->status, ==, 1);
  g_assert_nonnull (strstr (bad_name->err, "not valid UTF-8"));
  g_assert_cmpint (no_server->status, ==, 1);
  g_assert_nonnull (strstr (no_server->err, "cannot connect to the team server"));
  g_assert_null (strstr (no_server->err, "s3cret"));
  g_assert_cmpint (no_chart->status, ==, 1);
  g_assert_null (strstr (no_chart->err, "s3cret"));
  g_assert_cmpint (no_report->status, ==, 1);
  g_assert_null (strstr (no_report->err, "s3cret"));

  /* a password parameter reaches libpq but is never printed */
  saved = sc_test_cli_run ("import", csv, "-o", with_password, NULL);
  g_assert_cmpint (saved->status, ==, 0);
  g_assert_nonnull (strstr (saved->out, "Saved postgresql:"));
  g_assert_nonnull (strstr (saved->out, "workbook=Pw"));
  g_assert_null (strstr (saved->out, "s3cret"));
}

static void
test_newer_schema (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *uri = sc_test_pg_uri (server, "alice", db, "Contoso");
  g_autofree char *owner = sc_test_pg_uri (server, "scorecards_owner", db, "Contoso");
  g_autoptr(CliRun) up = sc_test_cli_run ("copy", sample_path (), owner, NULL);
  g_autoptr(CliRun) summary = NULL;
  g_autoptr(CliRun) import = NULL;
  g_autofree char *csv =
    write_temp ("late.csv", "partner,kpi,period,value\nLate,on_time_delivery_pct,2026-01,1\n");

  g_assert_cmpint (up->status, ==, 0);
  sc_test_pg_exec (server, db, "INSERT INTO scorecards.schema_migration (version, name) "
                               "SELECT max(version) + 1, 'from-the-future.sql' "
                               "FROM scorecards.schema_migration");

  summary = sc_test_cli_run ("summary", uri, NULL);
  g_assert_cmpint (summary->status, ==, 1);
  g_assert_nonnull (strstr (summary->err, "made by a newer Scorecards"));
  import = sc_test_cli_run ("import", csv, "--into", owner, NULL);
  g_assert_cmpint (import->status, ==, 1);
  g_assert_nonnull (strstr (import->err, "Update Scorecards"));
}

#ifndef SC_TEST_SANITIZED

/* The commands that reach the server, under valgrind as the "valgrind"
 * suite runs the file commands: no definite leak, no memory error
 */
static void
run_valgrind (int         expected_status,
              const char *first_arg,
              ...)
{
  g_autofree char *valgrind = g_find_program_in_path ("valgrind");
  g_autofree char *suppressions = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "build-aux",
                                                    "valgrind.supp", NULL);
  g_autofree char *option = g_strconcat ("--suppressions=", suppressions, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;

  if (valgrind == NULL)
    g_error ("valgrind is not installed: install it, as build-aux/setup.sh does");
  g_ptr_array_add (argv, valgrind);
  g_ptr_array_add (argv, (char *) "-q");
  g_ptr_array_add (argv, (char *) "--error-exitcode=99");
  g_ptr_array_add (argv, (char *) "--leak-check=full");
  g_ptr_array_add (argv, (char *) "--errors-for-leak-kinds=definite");
  g_ptr_array_add (argv, (char *) "--show-leak-kinds=definite");
  g_ptr_array_add (argv, option);
  g_ptr_array_add (argv, (char *) g_getenv ("SCORECARDS_BIN"));
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("valgrind %s: %s", first_arg, err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, expected_status);
}

static void
test_valgrind (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *owner = sc_test_pg_uri (server, "scorecards_owner", db, "Checked");
  g_autofree char *viewer = sc_test_pg_uri (server, "bob", db, "Checked");
  g_autofree char *back = temp_path ("checked.scorecard");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "crlf.csv", NULL);

  /* valgrind's own failure is 99; the command's statuses are its own */
  run_valgrind (0, "copy", sample_path (), owner, NULL);
  run_valgrind (0, "summary", viewer, "--json", NULL);
  run_valgrind (0, "import", csv, "--into", owner, NULL);
  run_valgrind (1, "import", csv, "--into", viewer, NULL);
  run_valgrind (0, "copy", owner, back, NULL);
}

#endif

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-store/copy/both-ways", test_copy_both_ways);
  g_test_add_func ("/cli-store/copy/existing", test_copy_existing);
  g_test_add_func ("/cli-store/review-kept", test_review_kept);
  g_test_add_func ("/cli-store/copy/languages", test_copy_languages);
  g_test_add_func ("/cli-store/subcommands", test_subcommands);
  g_test_add_func ("/cli-store/recipe-kept", test_recipe_kept);
  g_test_add_func ("/cli-store/concurrent-writers", test_concurrent_writers);
  g_test_add_func ("/cli-store/viewer", test_viewer);
  g_test_add_func ("/cli-store/hostile-name", test_hostile_name);
  g_test_add_func ("/cli-store/bad-locations", test_bad_locations);
  g_test_add_func ("/cli-store/newer-schema", test_newer_schema);
#ifndef SC_TEST_SANITIZED
  /* valgrind cannot run a sanitizer build, which checks the same itself */
  g_test_add_func ("/cli-store/valgrind", test_valgrind);
#endif

  tmp_dir = g_dir_make_tmp ("scorecards-cli-store-XXXXXX", NULL);
  server = sc_test_pg_start ();
  status = g_test_run ();
  sc_test_pg_stop (server);

  /* the files each test wrote, then the directory */
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (tmp_dir);
  }

  return status;
}
