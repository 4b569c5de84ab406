/* test-store.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the stores (src/core/file/sc-store.c, sc-file-store.c and src/store/)
 * against a real PostgreSQL server started for this run (sc-test-pg.c):
 * team workbook URIs, exact round trips (the file bytes of a workbook read
 * back from the server are those of the workbook written), save modes and
 * conflicts, hostile and invalid text, roles, and the schema's versions.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sc-file-store.h"
#include "sc-import.h"
#include "sc-pg-location.h"
#include "sc-pg-store.h"
#include "sc-review-edit.h"
#include "sc-score-history.h"
#include "sc-scorecard-group.h"
#include "sc-store-location.h"
#include "sc-test-pg.h"
#include "sc-workbook-io.h"

static ScTestPg *server;

static ScWorkbook *
load_sample (void)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "..", "data", "samples",
                                          "contoso-2024-2025.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return book;
}

/* A new database set up as docs/team-server.md says, for one test */
static char *
new_database (void)
{
  static guint counter;
  char *name = g_strdup_printf ("store_%u", ++counter);

  sc_test_pg_add_team (server, name);
  return name;
}

static ScStore *
team_store (const char *user,
            const char *database,
            const char *workbook)
{
  g_autofree char *uri = sc_test_pg_uri (server, user, database, workbook);
  g_autoptr(GError) error = NULL;
  ScStore *store = sc_store_new_for_location (uri, &error);

  g_assert_no_error (error);
  g_assert_true (SC_IS_PG_STORE (store));
  return store;
}

/* The store of @uri, which it frees */
static ScStore *
team_store_at (char *uri)
{
  g_autoptr(GError) error = NULL;
  ScStore *store = sc_store_new_for_location (uri, &error);

  g_assert_no_error (error);
  g_free (uri);
  return store;
}

/* As new_database(), and the owner has connected once: the tables exist */
static char *
new_team_database (void)
{
  char *name = new_database ();
  g_autoptr(ScStore) owner = team_store ("scorecards_owner", name, "none");
  g_autoptr(GError) error = NULL;

  g_assert_null (sc_store_load (owner, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  return name;
}

static char *
to_text (ScWorkbook *book)
{
  g_autoptr(GBytes) bytes = sc_workbook_to_bytes (book);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Saves @book as a new team workbook, reads it back with another store and
 * checks that it serialises to the very same bytes.
 */
static void
assert_round_trip (ScWorkbook *book,
                   const char *database,
                   const char *workbook)
{
  g_autoptr(ScStore) writer = team_store ("alice", database, workbook);
  g_autoptr(ScStore) reader = team_store ("bob", database, workbook);
  g_autoptr(ScWorkbook) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = to_text (book);
  g_autofree char *found = NULL;

  sc_workbook_set_modified (book, TRUE);
  sc_store_save (writer, book, SC_STORE_SAVE_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (sc_workbook_get_modified (book));

  back = sc_store_load (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (sc_workbook_get_modified (back));
  found = to_text (back);
  g_assert_cmpstr (found, ==, expected);
}

/* Locations */

static void
test_location_parse (void)
{
  g_autoptr(ScPgLocation) plain =
    sc_pg_location_parse ("postgresql://db.example.com/quality?workbook=Suppliers%202025", NULL);
  g_autoptr(ScPgLocation) secret =
    sc_pg_location_parse ("postgres://anna:s3cret@db:5433/q?sslmode=verify-full&workbook=A%26B"
                          "&password=x", NULL);
  g_autoptr(ScPgLocation) socket =
    sc_pg_location_parse ("postgresql:///q?host=/run/postgresql"
                          "&workbook=%27%3B%20drop%20table%20x%3B", NULL);
  char *shown;

  g_assert_cmpstr (plain->conninfo, ==, "postgresql://db.example.com/quality");
  g_assert_cmpstr (plain->workbook, ==, "Suppliers 2025");
  g_assert_cmpstr (plain->display_name, ==,
                   "postgresql://db.example.com/quality?workbook=Suppliers%202025");

  /* the password reaches libpq, never the display */
  g_assert_cmpstr (secret->conninfo, ==,
                   "postgres://anna:s3cret@db:5433/q?sslmode=verify-full&password=x");
  g_assert_cmpstr (secret->workbook, ==, "A&B");
  g_assert_null (strstr (secret->display_name, "s3cret"));
  g_assert_cmpstr (secret->display_name, ==,
                   "postgres://anna@db:5433/q?sslmode=verify-full&workbook=A%26B");

  g_assert_cmpstr (socket->conninfo, ==, "postgresql:///q?host=/run/postgresql");
  g_assert_cmpstr (socket->workbook, ==, "'; drop table x;");

  shown = sc_store_location_dup_display_name ("postgresql://anna:s3cret@h/d"
                                              "?password=x&sslmode=require");
  g_assert_cmpstr (shown, ==, "postgresql://anna@h/d?sslmode=require");
  g_free (shown);
  shown = sc_store_location_dup_display_name ("reports/q1.scorecard");
  g_assert_cmpstr (shown, ==, "reports/q1.scorecard");
  g_free (shown);

  g_assert_true (sc_store_location_is_server ("postgresql://h/d?workbook=w"));
  g_assert_false (sc_store_location_is_server ("/home/anna/postgresql.scorecard"));
}

static void
test_location_errors (void)
{
  const char *bad[] = {
    "postgresql://anna:s3cret@db/q",               /* no workbook */
    "postgresql://anna:s3cret@db/q?workbook=",     /* empty */
    "postgresql://anna:s3cret@db/q?workbook=%FF",  /* not UTF-8 */
    "postgresql://anna:s3cret@db/q?workbook=%zz",  /* not percent-encoding */
    "postgresql://anna:s3cret@db/q?workbook=a&workbook=b",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScStore) store = sc_store_new_for_location (bad[i], &error);

      g_assert_null (store);
      g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_LOCATION);
      g_assert_null (strstr (error->message, "s3cret"));
      g_test_message ("%s", error->message);
    }
}

/* The file store */

static void
test_file_store (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("sc-test-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "copy.scorecard", NULL);
  g_autoptr(ScStore) store = sc_store_new_for_location (path, NULL);
  g_autoptr(ScWorkbook) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = to_text (book);
  g_autofree char *found = NULL;

  g_assert_true (SC_IS_FILE_STORE (store));
  g_assert_cmpstr (sc_store_get_display_name (store), ==, path);
  g_assert_true (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (sc_store_save (store, book, SC_STORE_SAVE_REPLACE, NULL, &error));

  back = sc_store_load (store, NULL, &error);
  g_assert_no_error (error);
  found = to_text (back);
  g_assert_cmpstr (found, ==, expected);

  g_unlink (path);
  g_rmdir (dir);
}

/* Round trips */

static void
test_round_trip_sample (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autofree char *db = new_team_database ();

  assert_round_trip (book, db, "Contoso");
}

/* Series computed by a recipe keep their formula and parts; the recipe
 * is kept with the workbook.
 */
static void
test_round_trip_recipe (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScRecipe) recipe = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_team_database ();
  g_autofree char *dir = g_dir_make_tmp ("sc-test-store-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "orders.csv", NULL);
  const char *recipe_json =
    "{\"partner\": \"supplier\", \"date\": \"order_date\", \"kpis\": ["
    "{\"id\": \"ppm_defects\", \"formula\": \"1e6 * sum(defective) / sum(quantity)\"},"
    "{\"id\": \"on_time_delivery_pct\", \"formula\": \"share(late = 0)\"}]}";

  g_file_set_contents (csv, "po,supplier,order_date,quantity,defective,late\n"
                            "1,Acme,2025-01-03,1000,1,0\n2,Acme,2025-01-09,1000,3,1\n"
                            "3,Acme,2025-03-03,2000,1,0\n"
                            "4,Büro \"Weiß\",2025-02-19,2000,1,0\n", -1, NULL);
  recipe = sc_recipe_new_from_data (recipe_json, strlen (recipe_json), "recipe", &error);
  g_assert_no_error (error);
  sc_import_set_recipe (import, recipe);
  file = g_file_new_for_path (csv);
  g_assert_true (sc_import_add_file (import, file, NULL, &error));
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_workbook_get_n_recipes (book), ==, 1);

  assert_round_trip (book, db, "Orders");

  g_unlink (csv);
  g_rmdir (dir);
}

/* Standings with their actions, the watch list's setting and scorecard
 * groups (migration 004): a group with a type, tags, a KPI set and changes
 * to a KPI in and out of the set; a group by tag with every KPI.
 */
static void
test_round_trip_standings (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScScorecardGroup) castings = sc_scorecard_group_new ("castings", "Castings “foundries”");
  g_autoptr(ScScorecardGroup) keys = sc_scorecard_group_new ("key", "Key accounts");
  ScScorecardGroup *groups[] = { castings, keys };
  const char *set[] = { "ppm_defects", "on_time_delivery_pct", "scrap_rate_pct", NULL };
  ScGradeBand bands[] = {
    { (char *) "Preferred", 85, (char *) "Frame contract; O'Brien's team", (char *) "#0072B2", (char *) "✓" },
    { (char *) "Approved", 60 },
    { (char *) "Blocked", 0, (char *) "", (char *) "#d55e00", (char *) "✗" },
  };
  ScGroupKpi in = { 300, NAN, 900, 3 }, out = { NAN, NAN, NAN, 0.5 };
  g_autofree char *db = new_team_database ();

  sc_workbook_set_grade_bands (book, bands, G_N_ELEMENTS (bands));
  sc_workbook_set_watch_periods (book, 5);
  sc_scorecard_group_set_partner_type (castings, FALSE, SC_PARTNER_SUPPLIER);
  sc_scorecard_group_add_tag (castings, "commodity", "Iron castings");
  sc_scorecard_group_add_tag (castings, "commodity", "Investment castings");
  sc_scorecard_group_set_kpis (castings, set);
  sc_scorecard_group_set_kpi (castings, "ppm_defects", &in);
  sc_scorecard_group_set_kpi (castings, "lead_time_days", &out);
  sc_scorecard_group_add_tag (keys, "segment", "Powertrain");
  sc_workbook_set_scorecard_groups (book, groups, G_N_ELEMENTS (groups));

  assert_round_trip (book, db, "Standings");
}

/* A score over several periods and scores as scored then (migration 006):
 * kept through file → server → file.
 */
static void
test_round_trip_weighting (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autofree char *db = new_team_database ();
  ScPeriodWeighting w = { SC_WEIGHTING_EXPONENTIAL, 12, 2.5 };
  ScPartner *partner = sc_workbook_lookup_partner (book, "s01");
  g_autofree char *text = NULL;

  sc_workbook_set_period_weighting (book, &w);
  g_assert_cmpuint (sc_score_history_record_complete (book, NULL), >, 0);
  sc_score_history_record (book, partner, sc_workbook_get_latest_period (book), SC_SCORED_THEN_REVIEW);
  text = to_text (book);
  g_assert_nonnull (strstr (text, "\"half_life\": 2.5"));
  g_assert_nonnull (strstr (text, "\"reason\": \"review\""));

  assert_round_trip (book, db, "Weighted");
}

/* Reviews: a held one with its snapshot, attendees, agenda, an action
 * item linked to it and its sending; a draft one.
 */
static void
test_round_trip_reviews (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autofree char *db = new_team_database ();
  g_autoptr(GDateTime) sent = g_date_time_new_utc (2025, 6, 13, 8, 0, 0);
  g_autoptr(ScIssue) action = sc_issue_new ("ISS-0100", "s02", "Weekly delivery call");
  ScPartner *partner = sc_workbook_lookup_partner (book, "s02");
  const char *ours[] = { "Jana Weber", "Markus “MJ” Lehmann", NULL };
  const char *theirs[] = { "O'Hughes; DROP TABLE review", NULL };
  ScRollup view;
  g_autoptr(ScReview) held = NULL;
  g_autoptr(ScReview) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_rollup_parse ("2025-05", SC_GRANULARITY_MONTH, &view));
  held = sc_review_create_in_language (book, partner, "2025-06-12", &view, "fr");
  g_assert_cmpstr (sc_review_get_language (held), ==, "fr");
  sc_review_set_attendees_ours (held, ours);
  sc_review_set_attendees_theirs (held, theirs);
  sc_review_set_decisions (held, "Dual sourcing.\nMonthly calls.");
  g_assert_true (sc_review_edit_add (NULL, book, held));
  sc_issue_set_review_id (action, sc_review_get_id (held));
  g_assert_true (sc_workbook_add_issue (book, action));
  g_assert_true (sc_review_edit_freeze (NULL, book, held, SC_REVIEW_HELD, &error));
  g_assert_no_error (error);
  sc_review_set_sent (held, sent, "pack.pdf");
  g_assert_true (sc_rollup_parse ("2025-08", SC_GRANULARITY_MONTH, &view));
  draft = sc_review_create (book, partner, "2025-09-15", &view);
  g_assert_true (sc_review_edit_add (NULL, book, draft));

  assert_round_trip (book, db, "Reviews");
  {
    g_autofree char *language = sc_test_pg_query (server, db,
                                                  "SELECT string_agg(language, ',' ORDER BY id)"
                                                  " FROM scorecards.review");

    /* The held review's language; the draft has none (s02 has no report language) */
    g_assert_cmpstr (language, ==, "fr,");
  }
}

/* A workbook with nothing in it yet */
static void
test_round_trip_empty (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autofree char *db = new_team_database ();

  assert_round_trip (book, db, "Empty");
}

/* Names and texts that would break SQL built from strings, or a COPY in
 * text format, come back exactly; so do a megabyte of notes.
 */
static void
test_hostile_texts (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScPartner) partner = NULL;
  g_autoptr(ScIssue) issue = NULL;
  g_autoptr(GString) megabyte = g_string_sized_new (1 << 20);
  g_autofree char *db = new_team_database ();
  g_autofree char *tables = NULL;
  g_autofree char *expected_tables = sc_test_pg_dup_n_tables ();
  const char *hostile = "O'Brien \"Quotes\" \\ back\\slash '; DROP TABLE scorecards.workbook; --"
                        "\t\r\n\\N \\. ∑ 🚚";

  while (megabyte->len < (1 << 20))
    g_string_append (megabyte, "Line with 'quotes', \\backslashes\\, tabs\t and ünïcödé.\n");
  sc_workbook_set_notes (book, megabyte->str);
  sc_workbook_set_company (book, hostile);

  partner = sc_partner_new ("'); DELETE FROM scorecards.partner; --", hostile, SC_PARTNER_CUSTOMER);
  sc_partner_set_tag (partner, "key \\ with ' quote", hostile);
  sc_partner_set_contact (partner, "\\x00 \\000 %s %n");
  sc_workbook_add_partner (book, partner);
  issue = sc_issue_new ("ISS-'\\", "'); DELETE FROM scorecards.partner; --", hostile);
  sc_issue_set_description (issue, megabyte->str);
  sc_issue_set_action (issue, "\\.\n\\.\n");
  sc_workbook_add_issue (book, issue);
  sc_issue_set_owner (issue, "Zoë \"the boss\" O'Neil");

  assert_round_trip (book, db, hostile);

  /* and the tables are all still there (eleven of 001, applied_edit of 002, two of 006) */
  tables = sc_test_pg_query (server, db,
                             "SELECT count(*) FROM pg_tables WHERE schemaname = 'scorecards'");
  g_assert_cmpstr (tables, ==, expected_tables);
}

/* Text that is not UTF-8 is refused, and nothing is written */
static void
test_invalid_utf8 (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScPartner) partner = sc_partner_new ("latin1", "M\xfcller GmbH", SC_PARTNER_SUPPLIER);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_team_database ();
  g_autofree char *count = NULL;

  sc_workbook_add_partner (book, partner);
  store = team_store ("alice", db, "Latin-1");
  g_assert_false (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not valid UTF-8"));
  g_assert_nonnull (strstr (error->message, "M\xef\xbf\xbdller GmbH"));

  count = sc_test_pg_query (server, db, "SELECT count(*) FROM scorecards.workbook");
  g_assert_cmpstr (count, ==, "0");
  g_clear_error (&error);

  /* the company name goes as a parameter, not by COPY */
  sc_workbook_remove_partner (book, partner);
  sc_workbook_set_company (book, "\xc3\x28");
  g_assert_false (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
}

/* Save modes */

static void
test_save_modes (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScStore) first = NULL;
  g_autoptr(ScStore) second = NULL;
  g_autoptr(ScWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_team_database ();
  g_autofree char *who = NULL;

  first = team_store ("alice", db, "Modes");
  g_assert_true (sc_store_save (first, book, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_no_error (error);

  /* a second new one of the same name */
  second = team_store ("alice", db, "Modes");
  g_assert_false (sc_store_save (second, book, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  /* an update by a store that never loaded it is a new one, too */
  g_assert_false (sc_store_save (second, book, SC_STORE_SAVE_UPDATE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* both load; the second saves; the first's save is a conflict */
  g_clear_object (&loaded);
  loaded = sc_store_load (second, NULL, &error);
  g_assert_no_error (error);
  sc_workbook_set_company (loaded, "Second's");
  g_assert_true (sc_store_save (second, loaded, SC_STORE_SAVE_UPDATE, NULL, &error));
  sc_workbook_set_company (book, "First's");
  g_assert_false (sc_store_save (first, book, SC_STORE_SAVE_UPDATE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "alice changed"));
  g_clear_error (&error);

  /* the second saves again: its revision is the server's */
  g_assert_true (sc_store_save (second, loaded, SC_STORE_SAVE_UPDATE, NULL, &error));
  g_assert_no_error (error);

  /* replace wins */
  g_assert_true (sc_store_save (first, book, SC_STORE_SAVE_REPLACE, NULL, &error));
  g_assert_no_error (error);
  who = sc_test_pg_query (server, db, "SELECT company || ' ' || revision || ' ' || updated_by "
                                      "FROM scorecards.workbook");
  g_assert_cmpstr (who, ==, "First's 4 alice");
}

static void
test_not_found (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScStore) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_team_database ();

  store = team_store ("alice", db, "Present");
  missing = team_store ("alice", db, "Absent");
  g_assert_null (sc_store_load (missing, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "scorecards copy"));
  g_clear_error (&error);

  g_assert_true (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_null (sc_store_load (missing, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Absent”"));
  g_assert_nonnull (strstr (error->message, "it has “Present”"));
}

/* An edit reads, changes and writes as one step */
static gboolean
add_value (ScWorkbook  *book,
           gpointer     user_data,
           GError     **error)
{
  ScPartner *partner = sc_workbook_lookup_partner (book, "s01");
  ScKpi *kpi = sc_workbook_lookup_kpi (book, user_data);

  return sc_workbook_set_value (book, partner, kpi, sc_workbook_get_first_period (book), 12.5,
                                error);
}

static gboolean
refuse (ScWorkbook  *book,
        gpointer     user_data,
        GError     **error)
{
  sc_workbook_set_company (book, "never saved");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "refused");
  return FALSE;
}

static void
test_edit (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScWorkbook) edited = NULL;
  g_autoptr(ScWorkbook) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScKpi) kpi = g_list_model_get_item (sc_workbook_get_kpis (book), 0);
  g_autofree char *db = new_team_database ();

  g_assert_nonnull (sc_workbook_lookup_partner (book, "s01"));
  store = team_store ("alice", db, "Edits");
  g_assert_true (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));

  edited = sc_store_edit (store, add_value, (gpointer) sc_kpi_get_id (kpi), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (sc_workbook_get_modified (edited));

  g_assert_null (sc_store_edit (store, refuse, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  back = sc_store_load (store, NULL, NULL);
  g_assert_cmpfloat (sc_workbook_get_value (back, sc_workbook_lookup_partner (back, "s01"),
                                            sc_workbook_lookup_kpi (back, sc_kpi_get_id (kpi)),
                                            sc_workbook_get_first_period (back)), ==, 12.5);
  g_assert_cmpstr (sc_workbook_get_company (back), !=, "never saved");
}

/* Roles: GRANTs decide, not the application */

static void
test_viewer (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScStore) editor = NULL;
  g_autoptr(ScStore) viewer = NULL;
  g_autoptr(ScWorkbook) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_database ();
  g_autofree char *company = NULL;

  /* before the owner has connected, there are no tables and a viewer may not make them */
  viewer = team_store ("bob", db, "Read me");
  g_assert_null (sc_store_load (viewer, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "no Scorecards tables yet"));
  g_clear_error (&error);

  editor = team_store ("scorecards_owner", db, "Read me");
  g_assert_true (sc_store_save (editor, book, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_no_error (error);

  seen = sc_store_load (viewer, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_store_get_read_only (viewer));
  g_assert_false (sc_store_get_read_only (editor));

  sc_workbook_set_company (seen, "Bob's");
  g_assert_false (sc_store_save (viewer, seen, SC_STORE_SAVE_UPDATE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "role “bob” may read"));
  g_clear_error (&error);
  g_assert_false (sc_store_save (viewer, seen, SC_STORE_SAVE_REPLACE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (sc_store_edit (viewer, add_value, "otif_pct", NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  company = sc_test_pg_query (server, db, "SELECT company FROM scorecards.workbook");
  g_assert_cmpstr (company, ==, sc_workbook_get_company (book));
}

/* Someone in neither group may not even read */
static void
test_denied (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScStore) owner = NULL;
  g_autoptr(ScStore) stranger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_database ();
  g_autofree char *grant = g_strdup_printf ("GRANT CONNECT ON DATABASE %s TO mallory", db);

  owner = team_store ("scorecards_owner", db, "Secret");
  g_assert_true (sc_store_save (owner, book, SC_STORE_SAVE_CREATE, NULL, &error));
  sc_test_pg_exec (server, NULL, grant);

  stranger = team_store ("mallory", db, "Secret");
  g_assert_null (sc_store_load (stranger, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sc_store_save (stranger, book, SC_STORE_SAVE_REPLACE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_DENIED);
}

/* Schema versions */

static void
test_newer_schema (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScStore) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_database ();
  g_autofree char *insert = NULL;
  g_autofree char *version = NULL;

  store = team_store ("scorecards_owner", db, "Old");
  g_assert_true (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));
  version = sc_test_pg_query (server, db, "SELECT max(version) FROM scorecards.schema_migration");
  g_assert_cmpint (atoi (version), ==, sc_pg_store_get_schema_version ());

  insert = g_strdup_printf ("INSERT INTO scorecards.schema_migration (version, name) "
                            "VALUES (%d, '999-from-the-future.sql')",
                            sc_pg_store_get_schema_version () + 1);
  sc_test_pg_exec (server, db, insert);
  later = team_store ("scorecards_owner", db, "Old");
  g_assert_null (sc_store_load (later, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer Scorecards"));
  g_clear_error (&error);
  g_assert_false (sc_store_save (later, book, SC_STORE_SAVE_REPLACE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA);
}

/* Several workbooks, one database; the view lists values by period */
static void
test_values_view (void)
{
  g_autoptr(ScWorkbook) months = load_sample ();
  g_autoptr(ScWorkbook) weeks = sc_workbook_new ();
  g_autoptr(ScKpi) kpi = sc_kpi_new ("otd", "On time");
  g_autoptr(ScPartner) partner = sc_partner_new ("p", "P", SC_PARTNER_SUPPLIER);
  g_autoptr(ScStore) a = NULL;
  g_autoptr(ScStore) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_team_database ();
  g_autofree char *first = NULL;
  g_autofree char *week = NULL;
  g_autofree char *count = NULL;
  ScPeriod w;

  sc_workbook_set_granularity (weeks, SC_GRANULARITY_WEEK);
  sc_workbook_add_kpi (weeks, kpi);
  sc_workbook_add_partner (weeks, partner);
  g_assert_true (sc_period_parse (SC_GRANULARITY_WEEK, "2024-W52", &w));
  sc_workbook_set_value (weeks, partner, kpi, w, 1, NULL);
  sc_workbook_set_value (weeks, partner, kpi, w + 2, 3, NULL);

  a = team_store ("alice", db, "Months");
  b = team_store ("alice", db, "Weeks");
  g_assert_true (sc_store_save (a, months, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_true (sc_store_save (b, weeks, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_no_error (error);

  first = sc_test_pg_query (server, db, "SELECT min(period) FROM scorecards.series_value "
                                        "WHERE workbook = 'Months'");
  g_assert_cmpstr (first, ==, "2024-01");
  week = sc_test_pg_query (server, db,
                           "SELECT string_agg(period || '=' || value, ' ' ORDER BY period) "
                           "FROM scorecards.series_value WHERE workbook = 'Weeks'");
  g_assert_cmpstr (week, ==, "2024-W52=1 2025-W02=3");
  count = sc_test_pg_query (server, db, "SELECT count(*) FROM scorecards.workbook");
  g_assert_cmpstr (count, ==, "2");
}

/* The triggers that stand in for the series' foreign keys do their work
 * whoever changes the rows: here SQL typed by hand
 */
static char *
state_of (PGconn     *conn,
          const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  char *state = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));

  PQclear (result);
  return state;
}

static void
test_series_integrity (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_team_database ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *orphan = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *left = NULL;
  PGconn *conn;

  store = team_store ("alice", db, "Kept whole");
  g_assert_true (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));
  conn = sc_test_pg_connect (server, db);

  /* a series of a partner the workbook does not have */
  orphan = state_of (conn, "INSERT INTO scorecards.series"
                           " (workbook_id, partner_id, kpi_id, period_values)"
                           " SELECT id, 'nobody', 'otif_pct', '{}' FROM scorecards.workbook");
  g_assert_cmpstr (orphan, ==, "23503");
  /* a KPI renamed under its series */
  renamed = state_of (conn, "UPDATE scorecards.kpi SET id = 'renamed' WHERE id = 'scrap_rate_pct'");
  g_assert_cmpstr (renamed, ==, "23503");

  /* a partner deleted takes its series along, a workbook all of them */
  before = sc_test_pg_query (server, db,
                             "SELECT count(*) FROM scorecards.series WHERE partner_id <> 's01'");
  g_assert_null (state_of (conn, "DELETE FROM scorecards.partner WHERE id = 's01'"));
  after = sc_test_pg_query (server, db, "SELECT count(*) FROM scorecards.series");
  g_assert_cmpstr (after, ==, before);
  g_assert_null (state_of (conn, "DELETE FROM scorecards.workbook"));
  left = sc_test_pg_query (server, db, "SELECT count(*) FROM scorecards.series");
  g_assert_cmpstr (left, ==, "0");

  PQfinish (conn);
}

/* JSON from the server goes through the checks of JSON from files: a
 * recipe nested 5,000 deep, put there by hand, is refused, not recursed
 * into
 */
static void
test_hostile_recipe (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_team_database ();

  store = team_store ("alice", db, "Deep");
  g_assert_true (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));
  sc_test_pg_exec (server, db, "INSERT INTO scorecards.recipe (workbook_id, position, body)"
                               " SELECT id, 0, (repeat('[', 5000) || repeat(']', 5000))::json"
                               "   FROM scorecards.workbook");

  loaded = sc_store_load (store, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "recipe 1"));
  g_test_message ("%s", error->message);
}

/* A load waiting on the server (here for a lock another connection holds)
 * stops when its cancellable is cancelled, and the store works on after
 */
static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(ScWorkbook) book = sc_store_load_finish (SC_STORE (source), result, error);

  g_assert_null (book);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScWorkbook) later = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *db = new_team_database ();
  PGconn *holder;
  gint64 start;

  store = team_store ("alice", db, "Locked");
  g_assert_true (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));

  holder = sc_test_pg_connect (server, db);
  PQclear (PQexec (holder, "BEGIN; LOCK TABLE scorecards.workbook IN ACCESS EXCLUSIVE MODE"));

  start = g_get_monotonic_time ();
  sc_store_load_async (store, cancellable, loaded_cb, &error);
  g_timeout_add (300, cancel_cb, cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&error);

  PQclear (PQexec (holder, "ROLLBACK"));
  PQfinish (holder);
  later = sc_store_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (later);
}

/* libpq's TLS through a team workbook URI: verify-full against the CA that
 * signed the server's certificate, refused for another host name or CA
 */
static void
test_tls (void)
{
  g_autoptr(ScTestPg) secure = sc_test_pg_start_tls ();
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScStore) by_address = NULL;
  g_autoptr(ScStore) other_ca = NULL;
  g_autoptr(ScWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = sc_test_pg_get_root_cert (secure);
  g_autofree char *server_cert = g_build_filename (sc_test_pg_get_socket_dir (secure), "server.crt",
                                                   NULL);
  g_autofree char *uri = NULL;
  g_autofree char *encrypted = NULL;
  guint port = sc_test_pg_get_port (secure);

  sc_test_pg_add_team (secure, "tls");
  uri = g_strdup_printf ("postgresql://scorecards_owner@localhost:%u/tls?sslmode=verify-full"
                         "&sslrootcert=%s&workbook=Secure", port, root);
  store = sc_store_new_for_location (uri, &error);
  sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error);
  g_assert_no_error (error);
  loaded = sc_store_load (store, NULL, &error);
  g_assert_no_error (error);

  /* the store's connection, still open, is the encrypted one */
  encrypted = sc_test_pg_query (secure, "tls",
                                "SELECT count(*) FROM pg_stat_ssl s"
                                "  JOIN pg_stat_activity a USING (pid)"
                                " WHERE a.usename = 'scorecards_owner' AND s.ssl");
  g_assert_cmpstr (encrypted, ==, "1");

  by_address = team_store_at (g_strdup_printf ("postgresql://scorecards_owner@127.0.0.1:%u/tls"
                                               "?sslmode=verify-full&sslrootcert=%s&workbook=Secure",
                                               port, root));
  g_assert_null (sc_store_load (by_address, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "does not match host name"));
  g_clear_error (&error);

  other_ca = team_store_at (g_strdup_printf ("postgresql://scorecards_owner@localhost:%u/tls"
                                             "?sslmode=verify-full&sslrootcert=%s&workbook=Secure",
                                             port, server_cert));
  g_assert_null (sc_store_load (other_ca, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "certificate verify failed"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/location/parse", test_location_parse);
  g_test_add_func ("/store/location/errors", test_location_errors);
  g_test_add_func ("/store/file", test_file_store);
  g_test_add_func ("/store/pg/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/store/pg/round-trip/recipe", test_round_trip_recipe);
  g_test_add_func ("/store/pg/round-trip/empty", test_round_trip_empty);
  g_test_add_func ("/store/pg/round-trip/reviews", test_round_trip_reviews);
  g_test_add_func ("/store/pg/round-trip/weighting", test_round_trip_weighting);
  g_test_add_func ("/store/pg/round-trip/standings", test_round_trip_standings);
  g_test_add_func ("/store/pg/hostile-texts", test_hostile_texts);
  g_test_add_func ("/store/pg/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/store/pg/save-modes", test_save_modes);
  g_test_add_func ("/store/pg/not-found", test_not_found);
  g_test_add_func ("/store/pg/edit", test_edit);
  g_test_add_func ("/store/pg/viewer", test_viewer);
  g_test_add_func ("/store/pg/denied", test_denied);
  g_test_add_func ("/store/pg/newer-schema", test_newer_schema);
  g_test_add_func ("/store/pg/values-view", test_values_view);
  g_test_add_func ("/store/pg/series-integrity", test_series_integrity);
  g_test_add_func ("/store/pg/hostile-recipe", test_hostile_recipe);
  g_test_add_func ("/store/pg/cancel", test_cancel);
  g_test_add_func ("/store/pg/tls", test_tls);

  server = sc_test_pg_start ();
  status = g_test_run ();
  sc_test_pg_stop (server);

  return status;
}
