/* test-team-live.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Team workbooks edited live (src/store/live/) against a real PostgreSQL
 * server: an edit in one session reaching another within a second, two
 * people saving one issue, the server killed and restarted with edits
 * made meanwhile, a crash and the journal replayed exactly once, a
 * viewer refused, and hostile text round-tripping.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sc-pg-store.h"
#include "sc-store-location.h"
#include "sc-team-session.h"
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

/* A database of docs/team-server.md holding the sample as workbook "Live" */
static char *
new_team_workbook (void)
{
  static guint counter;
  char *db = g_strdup_printf ("live_%u", ++counter);
  g_autofree char *owner_uri = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(ScStore) owner = NULL;
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(GError) error = NULL;

  sc_test_pg_add_team (server, db);
  owner_uri = sc_test_pg_uri (server, "scorecards_owner", db, "Live");
  owner = sc_store_new_for_location (owner_uri, &error);
  g_assert_no_error (error);
  sc_store_save (owner, book, SC_STORE_SAVE_CREATE, NULL, &error);
  g_assert_no_error (error);
  return db;
}

static ScWorkbook *
load (const char *uri)
{
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ScWorkbook *book;

  store = sc_store_new_for_location (uri, &error);
  g_assert_no_error (error);
  book = sc_store_load (store, NULL, &error);
  g_assert_no_error (error);
  return book;
}

static ScTeamSession *
open_session (const char *user,
              const char *db)
{
  g_autofree char *uri = sc_test_pg_uri (server, user, db, "Live");
  g_autoptr(ScWorkbook) book = load (uri);
  g_autoptr(GError) error = NULL;
  ScTeamSession *session = sc_team_session_new (uri, book, &error);

  g_assert_no_error (error);
  return session;
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; FALSE after @timeout_ms. */
static gboolean
wait_until (Condition condition,
            gpointer  data,
            guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

static gboolean
is_online (gpointer data)
{
  return sc_team_session_get_state (data) == SC_TEAM_SESSION_ONLINE;
}

static gboolean
is_offline (gpointer data)
{
  return sc_team_session_get_state (data) == SC_TEAM_SESSION_OFFLINE;
}

static gboolean
is_read_only (gpointer data)
{
  return sc_team_session_get_state (data) == SC_TEAM_SESSION_READ_ONLY;
}

static gboolean
nothing_pending (gpointer data)
{
  return sc_team_session_get_n_pending (data) == 0;
}

static void
settle (ScTeamSession *session)
{
  sc_team_session_flush (session);
  g_assert_true (wait_until (nothing_pending, session, 10000));
}

static ScIssue *
first_issue (ScTeamSession *session)
{
  GListModel *issues = sc_workbook_get_issues (sc_team_session_get_workbook (session));
  g_autoptr(ScIssue) issue = g_list_model_get_item (issues, 0);

  g_assert_nonnull (issue);
  return issue;
}

static ScIssue *
issue_of (ScTeamSession *session,
          const char    *id)
{
  return sc_workbook_lookup_issue (sc_team_session_get_workbook (session), id);
}

typedef struct
{
  ScTeamSession *session;
  const char    *id;
  const char    *title;
} TitleWait;

static gboolean
has_title (gpointer data)
{
  TitleWait *w = data;
  ScIssue *issue = issue_of (w->session, w->id);

  return issue != NULL && g_strcmp0 (sc_issue_get_title (issue), w->title) == 0;
}

static gboolean
lacks_issue (gpointer data)
{
  TitleWait *w = data;

  return issue_of (w->session, w->id) == NULL;
}

static char *
query (const char *db,
       const char *sql)
{
  return sc_test_pg_query (server, db, sql);
}

/* An issue edited in one session reaches the other within a second, in
 * place: the same ScIssue object, its history saying who changed it.
 */
static void
test_notify (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autoptr(ScTeamSession) a = open_session ("alice", db);
  g_autoptr(ScTeamSession) b = open_session ("alice", db);
  ScIssue *mine = first_issue (a);
  g_autofree char *id = g_strdup (sc_issue_get_id (mine));
  ScIssue *theirs = issue_of (b, id);
  TitleWait w = { b, id, "Supplier audit moved to May" };
  g_autofree char *by = NULL;
  gint64 start;

  g_assert_true (wait_until (is_online, a, 10000));
  g_assert_true (wait_until (is_online, b, 10000));

  sc_team_session_set_display_name (a, "Alice Martin");
  sc_issue_set_title (mine, "Supplier audit moved to May");
  start = g_get_monotonic_time ();
  sc_team_session_flush (a);
  g_assert_true (wait_until (has_title, &w, 1000));
  g_test_message ("edit seen by the second session after %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (issue_of (b, id) == theirs);   /* in place */

  by = query (db, "SELECT changed_by FROM scorecards.issue_change"
                  " WHERE field = 'title' ORDER BY changed_at DESC LIMIT 1");
  g_assert_cmpstr (by, ==, "Alice Martin");
}

/* New and deleted issues, and values, travel too. */
static void
test_add_remove_values (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autoptr(ScTeamSession) a = open_session ("alice", db);
  g_autoptr(ScTeamSession) b = open_session ("alice", db);
  ScWorkbook *book_a = sc_team_session_get_workbook (a);
  ScWorkbook *book_b = sc_team_session_get_workbook (b);
  ScIssue *old = first_issue (a);
  g_autofree char *old_id = g_strdup (sc_issue_get_id (old));
  g_autofree char *new_id = sc_workbook_next_issue_id (book_a);
  g_autoptr(ScPartner) partner = g_list_model_get_item (sc_workbook_get_partners (book_a), 0);
  g_autoptr(ScKpi) kpi = g_list_model_get_item (sc_workbook_get_kpis (book_a), 0);
  g_autoptr(ScIssue) added = sc_issue_new (new_id, sc_partner_get_id (partner), "Late deliveries");
  ScPeriod period = sc_workbook_get_latest_period (book_a);
  TitleWait w_new = { b, new_id, "Late deliveries" };
  TitleWait w_old = { b, old_id, NULL };
  g_autoptr(GError) error = NULL;
  ScPartner *partner_b;
  ScKpi *kpi_b;
  gint64 end;

  g_assert_true (wait_until (is_online, a, 10000));
  g_assert_true (wait_until (is_online, b, 10000));

  sc_workbook_add_issue (book_a, added);
  sc_workbook_remove_issue (book_a, old);
  sc_workbook_set_value (book_a, partner, kpi, period, 42.125, &error);
  g_assert_no_error (error);
  settle (a);

  g_assert_true (wait_until (has_title, &w_new, 2000));
  g_assert_true (wait_until (lacks_issue, &w_old, 2000));
  partner_b = sc_workbook_lookup_partner (book_b, sc_partner_get_id (partner));
  kpi_b = sc_workbook_lookup_kpi (book_b, sc_kpi_get_id (kpi));
  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (sc_workbook_get_value (book_b, partner_b, kpi_b, period) != 42.125 &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpfloat (sc_workbook_get_value (book_b, partner_b, kpi_b, period), ==, 42.125);
}

typedef struct
{
  char    *id;
  char    *mine;
  char    *theirs;
} ConflictSeen;

static void
on_conflict_cb (ScTeamSession *session,
                const char    *id,
                ScIssue       *mine,
                ScIssue       *theirs,
                ConflictSeen  *seen)
{
  seen->id = g_strdup (id);
  seen->mine = g_strdup (sc_issue_get_description (mine));
  seen->theirs = g_strdup (sc_issue_get_description (theirs));
}

static gboolean
conflict_seen (gpointer data)
{
  return ((ConflictSeen *) data)->id != NULL;
}

/* Two people save one issue: the second is shown both texts, and nothing
 * is overwritten until they choose.
 */
static void
test_conflict (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autoptr(ScTeamSession) a = open_session ("alice", db);
  g_autoptr(ScTeamSession) b = open_session ("alice", db);
  ScIssue *issue_a = first_issue (a);
  g_autofree char *id = g_strdup (sc_issue_get_id (issue_a));
  ScIssue *issue_b = issue_of (b, id);
  ConflictSeen seen = { 0 };
  g_autofree char *sql = NULL;
  g_autofree char *stored = NULL;

  g_assert_true (wait_until (is_online, a, 10000));
  g_assert_true (wait_until (is_online, b, 10000));
  g_signal_connect (b, "conflict", G_CALLBACK (on_conflict_cb), &seen);

  /* b types, and a saves first: a's worker writes while nothing runs on
   * the main context, so b's edit is still unsent when a's is committed
   */
  sql = g_strdup_printf ("SELECT description FROM scorecards.issue WHERE id = '%s'", id);
  sc_issue_set_description (issue_b, "Ben: the supplier sent a new 8D report");
  sc_issue_set_description (issue_a, "Anna: escalated to the supplier's plant manager");
  sc_team_session_flush (a);
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *now = query (db, sql);

      if (g_strcmp0 (now, "Anna: escalated to the supplier's plant manager") == 0)
        break;
      g_usleep (10 * 1000);
    }
  sc_team_session_flush (b);
  g_assert_true (wait_until (conflict_seen, &seen, 5000));
  /* until b chooses, the edit counts as not saved */
  g_assert_cmpuint (sc_team_session_get_n_pending (b), ==, 1);

  g_assert_cmpstr (seen.id, ==, id);
  g_assert_cmpstr (seen.mine, ==, "Ben: the supplier sent a new 8D report");
  g_assert_cmpstr (seen.theirs, ==, "Anna: escalated to the supplier's plant manager");
  g_assert_cmpstr (sc_issue_get_description (issue_b), ==, "Ben: the supplier sent a new 8D report");
  stored = query (db, sql);
  g_assert_cmpstr (stored, ==, "Anna: escalated to the supplier's plant manager");
  g_clear_pointer (&stored, g_free);

  /* keep mine: a new row version, and a sees it */
  sc_team_session_resolve (b, id, SC_TEAM_RESOLUTION_KEEP_MINE);
  settle (b);
  stored = query (db, sql);
  g_assert_cmpstr (stored, ==, "Ben: the supplier sent a new 8D report");
  {
    gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

    while (g_strcmp0 (sc_issue_get_description (issue_a), stored) != 0 &&
           g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpstr (sc_issue_get_description (issue_a), ==, stored);
  g_free (seen.id);
  g_free (seen.mine);
  g_free (seen.theirs);
}

/* The server killed mid-edit: edits made meanwhile are kept, shown as
 * pending, and applied exactly once when it is back.
 */
static void
test_offline (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autoptr(ScTeamSession) a = open_session ("alice", db);
  ScWorkbook *book = sc_team_session_get_workbook (a);
  GListModel *issues = sc_workbook_get_issues (book);
  g_autoptr(ScIssue) one = g_list_model_get_item (issues, 0);
  g_autoptr(ScIssue) two = g_list_model_get_item (issues, 1);
  g_autofree char *new_id = sc_workbook_next_issue_id (book);
  g_autoptr(ScPartner) partner = g_list_model_get_item (sc_workbook_get_partners (book), 0);
  g_autoptr(ScIssue) added = sc_issue_new (new_id, sc_partner_get_id (partner), "Made offline");
  g_autofree char *count = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (wait_until (is_online, a, 10000));

  sc_issue_set_title (one, "Edited as the server died");
  sc_team_session_flush (a);
  sc_test_pg_kill (server);
  g_assert_true (wait_until (is_offline, a, 10000));

  sc_issue_set_title (two, "Edited offline");
  sc_workbook_add_issue (book, added);
  sc_team_session_flush (a);
  g_assert_cmpuint (sc_team_session_get_n_pending (a), >=, 2);

  sc_test_pg_restart (server);
  g_assert_true (wait_until (is_online, a, 20000));
  g_assert_true (wait_until (nothing_pending, a, 10000));

  sql = g_strdup_printf ("SELECT string_agg(title, '|' ORDER BY title) FROM scorecards.issue"
                         " WHERE id IN ('%s', '%s', '%s')",
                         sc_issue_get_id (one), sc_issue_get_id (two), new_id);
  titles = query (db, sql);
  g_assert_cmpstr (titles, ==, "Edited as the server died|Edited offline|Made offline");
  count = query (db, "SELECT count(*) FROM scorecards.applied_edit");
  g_assert_cmpstr (count, ==, "3");
  g_clear_pointer (&count, g_free);
  count = query (db, "SELECT count(*) FROM scorecards.issue_change WHERE new_value = 'Edited offline'");
  g_assert_cmpstr (count, ==, "1");
}

/* A crash: the session goes without sending; the next one on the same
 * URI finds its journal and sends it, and an edit sent already (its
 * reply lost) is applied once. The journal left is then removed.
 */
static void
test_crash_replay (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autofree char *journal = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *id = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;
  ScTeamSession *a = open_session ("alice", db);
  g_autoptr(ScTeamSession) b = NULL;
  gsize length;

  g_assert_true (wait_until (is_online, a, 10000));
  id = g_strdup (sc_issue_get_id (first_issue (a)));
  journal = g_strdup (sc_team_session_get_journal_path (a));

  /* an edit applied, its journal entry as it was before the reply */
  sc_issue_set_title (first_issue (a), "Applied once");
  sc_team_session_flush (a);
  g_file_get_contents (journal, &saved, &length, &error);
  g_assert_no_error (error);
  g_assert_true (wait_until (nothing_pending, a, 10000));

  /* and one never sent: the server is down when the session dies */
  sc_test_pg_kill (server);
  g_assert_true (wait_until (is_offline, a, 10000));
  sc_issue_set_owner (first_issue (a), "Kept by the journal");
  sc_team_session_flush (a);
  {
    g_autofree char *rest = NULL;
    g_autofree char *both = NULL;

    g_file_get_contents (journal, &rest, NULL, &error);
    g_assert_no_error (error);
    both = g_strconcat (saved, rest, NULL);
    g_object_unref (a);   /* the crash: nothing more is sent */
    g_file_set_contents (journal, both, -1, &error);
    g_assert_no_error (error);
  }

  sc_test_pg_restart (server);
  b = open_session ("alice", db);
  g_assert_true (wait_until (is_online, b, 20000));
  g_assert_true (wait_until (nothing_pending, b, 10000));

  sql = g_strdup_printf ("SELECT title || '/' || owner || '/' || row_version"
                         " FROM scorecards.issue WHERE id = '%s'", id);
  title = query (db, sql);
  g_assert_cmpstr (title, ==, "Applied once/Kept by the journal/3");
  count = query (db, "SELECT count(*) FROM scorecards.issue_change WHERE new_value = 'Applied once'");
  g_assert_cmpstr (count, ==, "1");
  g_assert_cmpstr (sc_issue_get_owner (issue_of (b, id)), ==, "Kept by the journal");
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Two sessions on one URI in one process (two windows): each its own
 * journal, neither emptying the other's.
 */
static void
test_two_journals (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autoptr(ScTeamSession) a = open_session ("alice", db);
  g_autoptr(ScTeamSession) b = open_session ("alice", db);
  g_autofree char *path_b = g_strdup (sc_team_session_get_journal_path (b));
  g_autofree char *contents = NULL;
  ScIssue *issue_b;

  g_assert_cmpstr (sc_team_session_get_journal_path (a), !=, path_b);
  g_assert_true (wait_until (is_online, a, 10000));
  g_assert_true (wait_until (is_online, b, 10000));

  sc_test_pg_kill (server);
  g_assert_true (wait_until (is_offline, b, 10000));
  issue_b = first_issue (b);
  sc_issue_set_owner (issue_b, "Queued in b");
  sc_team_session_flush (b);
  g_object_unref (g_steal_pointer (&a));   /* closing a leaves b's journal alone */
  g_assert_true (g_file_get_contents (path_b, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Queued in b"));

  sc_test_pg_restart (server);
  g_assert_true (wait_until (is_online, b, 20000));
  g_assert_true (wait_until (nothing_pending, b, 10000));
}

static gboolean
owner_is_not_ben (gpointer data)
{
  return g_strcmp0 (sc_issue_get_owner (data), "Ben") != 0;
}

/* A viewer's session is read-only; an edit is refused with a clear
 * message, undone from the server's text and not queued.
 */
static void
test_viewer (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autoptr(ScTeamSession) bob = open_session ("bob", db);
  ScIssue *issue = first_issue (bob);
  g_autofree char *before = g_strdup (sc_issue_get_owner (issue));
  g_autofree char *sql = NULL;
  g_autofree char *stored = NULL;

  /* sent before the session knows: the server refuses it */
  sc_issue_set_owner (issue, "Ben");
  sc_team_session_flush (bob);
  g_assert_true (wait_until (is_read_only, bob, 10000));
  g_assert_true (wait_until (nothing_pending, bob, 10000));
  g_assert_true (sc_team_session_get_read_only (bob));
  g_assert_nonnull (strstr (sc_team_session_get_message (bob), "bob"));
  g_assert_true (wait_until (owner_is_not_ben, issue, 5000));
  g_assert_cmpstr (sc_issue_get_owner (issue), ==, before);

  /* once known, nothing is even sent */
  sc_issue_set_owner (issue, "Ben");
  sc_team_session_flush (bob);
  g_assert_cmpuint (sc_team_session_get_n_pending (bob), ==, 0);
  g_assert_true (wait_until (owner_is_not_ben, issue, 5000));

  sql = g_strdup_printf ("SELECT owner FROM scorecards.issue WHERE id = '%s'",
                         sc_issue_get_id (issue));
  stored = query (db, sql);
  g_assert_cmpstr (stored, ==, before);
}

/* Hostile texts round-trip exactly; text that is not UTF-8 is refused. */
static void
test_hostile (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autoptr(ScTeamSession) a = open_session ("alice", db);
  g_autoptr(ScTeamSession) b = open_session ("alice", db);
  ScIssue *issue = first_issue (a);
  g_autofree char *id = g_strdup (sc_issue_get_id (issue));
  g_autoptr(GString) megabyte = g_string_new (NULL);
  const char *hostile = "'; DROP TABLE scorecards.issue; -- \"quoted\" \\ back\\slash \\.\n";
  TitleWait w = { b, id, hostile };
  g_autofree char *tables = NULL;
  g_autofree char *expected_tables = sc_test_pg_dup_n_tables ();
  gint64 end;

  g_assert_true (wait_until (is_online, a, 10000));
  g_assert_true (wait_until (is_online, b, 10000));
  while (megabyte->len < 1024 * 1024)
    g_string_append (megabyte, "Zoë's note, with \"quotes\" and a \\ backslash.\n");

  sc_issue_set_title (issue, hostile);
  sc_issue_set_description (issue, megabyte->str);
  settle (a);
  g_assert_true (wait_until (has_title, &w, 3000));
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (g_strcmp0 (sc_issue_get_description (issue_of (b, id)), megabyte->str) != 0 &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (sc_issue_get_description (issue_of (b, id)), ==, megabyte->str);

  sc_issue_set_owner (issue, "bad \xff\xfe owner");
  sc_team_session_flush (a);
  g_assert_cmpuint (sc_team_session_get_n_pending (a), ==, 0);
  g_assert_nonnull (strstr (sc_team_session_get_message (a), "UTF-8"));

  tables = query (db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'scorecards'");
  g_assert_cmpstr (tables, ==, expected_tables);
}

/* What an `import --into` or a whole save does (sc_store_edit): a new
 * partner, values, an issue and a setting at once
 */
static gboolean
import_like (ScWorkbook  *book,
             gpointer     user_data,
             GError     **error)
{
  g_autoptr(ScPartner) partner = sc_partner_new ("s99", "Nordic Castings AB", SC_PARTNER_SUPPLIER);
  g_autoptr(ScKpi) kpi = g_list_model_get_item (sc_workbook_get_kpis (book), 0);

  sc_workbook_add_partner (book, partner);
  sc_workbook_set_company (book, "Contoso Live GmbH");
  sc_issue_set_title (sc_workbook_lookup_issue (book, "ISS-0002"), "Renamed by an import");
  return sc_workbook_set_value (book, partner, kpi, sc_workbook_get_latest_period (book), 77.0,
                                error);
}

static gboolean
has_import (gpointer data)
{
  ScWorkbook *book = sc_team_session_get_workbook (data);
  ScPartner *partner = sc_workbook_lookup_partner (book, "s99");
  g_autoptr(ScKpi) kpi = g_list_model_get_item (sc_workbook_get_kpis (book), 0);

  return partner != NULL &&
         sc_workbook_get_value (book, partner, kpi, sc_workbook_get_latest_period (book)) == 77.0 &&
         g_strcmp0 (sc_workbook_get_company (book), "Contoso Live GmbH") == 0 &&
         g_strcmp0 (sc_issue_get_title (sc_workbook_lookup_issue (book, "ISS-0002")),
                    "Renamed by an import") == 0;
}

/* A whole save by someone else reaches a live session, merged in place */
static void
test_whole_save (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autofree char *uri = sc_test_pg_uri (server, "alice", db, "Live");
  g_autoptr(ScTeamSession) a = open_session ("alice", db);
  ScIssue *issue = issue_of (a, "ISS-0002");
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScWorkbook) edited = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (wait_until (is_online, a, 10000));
  store = sc_store_new_for_location (uri, &error);
  g_assert_no_error (error);
  edited = sc_store_edit (store, import_like, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (wait_until (has_import, a, 5000));
  g_assert_true (issue_of (a, "ISS-0002") == issue);
  g_assert_cmpstr (sc_partner_get_name (sc_workbook_lookup_partner (sc_team_session_get_workbook (a), "s99")),
                   ==, "Nordic Castings AB");
}

static gboolean
has_partner_s98 (gpointer data)
{
  return sc_workbook_lookup_partner (sc_team_session_get_workbook (data), "s98") != NULL;
}

/* Partners and settings changed in a window are written whole, and reach
 * the other windows; issues edited afterwards are no conflict.
 */
static void
test_structure (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autoptr(ScTeamSession) a = open_session ("alice", db);
  g_autoptr(ScTeamSession) b = open_session ("alice", db);
  ScWorkbook *book = sc_team_session_get_workbook (a);
  g_autoptr(ScPartner) partner = sc_partner_new ("s98", "Baltic Forgings UAB", SC_PARTNER_SUPPLIER);
  g_autoptr(ScKpi) kpi = g_list_model_get_item (sc_workbook_get_kpis (book), 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *company = NULL;
  g_autofree char *value = NULL;
  TitleWait w = { b, "ISS-0004", "Edited after the partner came" };

  g_assert_true (wait_until (is_online, a, 10000));
  g_assert_true (wait_until (is_online, b, 10000));

  sc_workbook_add_partner (book, partner);
  sc_workbook_set_value (book, partner, kpi, sc_workbook_get_latest_period (book), 61.5, &error);
  g_assert_no_error (error);
  sc_workbook_set_company (book, "Contoso Team");
  settle (a);

  company = query (db, "SELECT company FROM scorecards.workbook");
  g_assert_cmpstr (company, ==, "Contoso Team");
  value = query (db, "SELECT value FROM scorecards.series_value WHERE partner_id = 's98'");
  g_assert_cmpstr (value, ==, "61.5");
  g_assert_true (wait_until (has_partner_s98, b, 5000));

  /* the versions were read again: an issue edit goes through */
  g_usleep (300 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sc_issue_set_title (issue_of (a, "ISS-0004"), "Edited after the partner came");
  settle (a);
  g_assert_true (wait_until (has_title, &w, 5000));
}

/* Removes @path and everything under it (the state folder of the run) */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("sc-test-live-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

  /* synchronous_commit stays on: the tests kill the server and count on
   * what was committed before
   */
  server = sc_test_pg_start_with_options ("-c fsync=off -c full_page_writes=off");
  g_test_add_func ("/team-live/notify", test_notify);
  g_test_add_func ("/team-live/add-remove-values", test_add_remove_values);
  g_test_add_func ("/team-live/conflict", test_conflict);
  g_test_add_func ("/team-live/offline", test_offline);
  g_test_add_func ("/team-live/crash-replay", test_crash_replay);
  g_test_add_func ("/team-live/two-journals", test_two_journals);
  g_test_add_func ("/team-live/viewer", test_viewer);
  g_test_add_func ("/team-live/hostile", test_hostile);
  g_test_add_func ("/team-live/whole-save", test_whole_save);
  g_test_add_func ("/team-live/structure", test_structure);
  status = g_test_run ();
  sc_test_pg_stop (server);
  remove_tree (state);
  return status;
}
