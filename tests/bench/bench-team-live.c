/* bench-team-live.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Live editing speed (docs/performance.md, "Team server: live edits"),
 * against a local PostgreSQL started for the run with its default,
 * durable settings (fsync and synchronous commit on):
 *
 *   issue   an issue's title changed in one session → the same issue in a
 *           second session's workbook has the new title; target ≤ 1 s
 *   value   a value set in one session → the second session's workbook
 *           has it
 *   replay  500 edits made while the server is down → all applied after
 *           it is started again (from pg_ctl start returning; the
 *           session reconnects within its pause of at most 4 s)
 *
 * Timed from the moment the edit is handed to the session (its typing
 * pause of 150 ms is skipped with sc_team_session_flush()).
 *
 *   bench-team-live [ROUNDS]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "sc-store-location.h"
#include "sc-team-session.h"
#include "sc-workbook-io.h"
#include "../sc-test-pg.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *name,
        GArray     *ms)
{
  g_array_sort (ms, compare_doubles);
  printf ("%-7s n=%u  median %.1f ms  p95 %.1f ms  max %.1f ms\n", name, ms->len,
          g_array_index (ms, double, ms->len / 2),
          g_array_index (ms, double, MIN (ms->len - 1, ms->len * 95 / 100)),
          g_array_index (ms, double, ms->len - 1));
}

static ScTeamSession *
open_session (const char *uri)
{
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GError) error = NULL;
  ScTeamSession *session;

  if (!(store = sc_store_new_for_location (uri, &error)) ||
      !(book = sc_store_load (store, NULL, &error)) ||
      !(session = sc_team_session_new (uri, book, &error)))
    g_error ("%s", error->message);
  return session;
}

static void
wait_state (ScTeamSession      *session,
            ScTeamSessionState  state)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (sc_team_session_get_state (session) != state && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  if (sc_team_session_get_state (session) != state)
    g_error ("the session did not reach state %d", state);
}

/* Milliseconds from now until @done holds */
static double
time_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 start = g_get_monotonic_time ();

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () - start > 120 * G_USEC_PER_SEC)
        g_error ("an edit did not arrive within 120 s");
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct
{
  ScIssue    *issue;
  const char *title;
} TitleWait;

static gboolean
has_title (gpointer data)
{
  TitleWait *w = data;

  return g_strcmp0 (sc_issue_get_title (w->issue), w->title) == 0;
}

typedef struct
{
  ScWorkbook *book;
  ScPartner  *partner;
  ScKpi      *kpi;
  ScPeriod    period;
  double      value;
} ValueWait;

static gboolean
has_value (gpointer data)
{
  ValueWait *w = data;

  return sc_workbook_get_value (w->book, w->partner, w->kpi, w->period) == w->value;
}

static gboolean
drained (gpointer data)
{
  return sc_team_session_get_n_pending (data) == 0;
}

static void
bench_issues (ScTeamSession *a,
              ScTeamSession *b,
              guint          rounds)
{
  GListModel *issues_a = sc_workbook_get_issues (sc_team_session_get_workbook (a));
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues_a, i % g_list_model_get_n_items (issues_a));
      g_autofree char *title = g_strdup_printf ("Round %u of the benchmark", i);
      TitleWait w = { sc_workbook_lookup_issue (sc_team_session_get_workbook (b),
                                                sc_issue_get_id (issue)), title };
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      sc_issue_set_title (issue, title);
      sc_team_session_flush (a);
      time_until (has_title, &w);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);
    }
  report ("issue", ms);
}

static void
bench_values (ScTeamSession *a,
              ScTeamSession *b,
              guint          rounds)
{
  ScWorkbook *book_a = sc_team_session_get_workbook (a);
  ScWorkbook *book_b = sc_team_session_get_workbook (b);
  g_autoptr(ScPartner) partner = g_list_model_get_item (sc_workbook_get_partners (book_a), 0);
  g_autoptr(ScKpi) kpi = g_list_model_get_item (sc_workbook_get_kpis (book_a), 0);
  ScPeriod period = sc_workbook_get_latest_period (book_a);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  ValueWait w = {
    book_b, sc_workbook_lookup_partner (book_b, sc_partner_get_id (partner)),
    sc_workbook_lookup_kpi (book_b, sc_kpi_get_id (kpi)), period, 0,
  };

  for (guint i = 0; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      w.value = 50.0 + i * 0.25;
      if (!sc_workbook_set_value (book_a, partner, kpi, period, w.value, NULL))
        g_error ("cannot set a value");
      sc_team_session_flush (a);
      time_until (has_value, &w);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);
    }
  report ("value", ms);
}

static void
bench_replay (ScTestPg      *server,
              ScTeamSession *a)
{
  GListModel *issues = sc_workbook_get_issues (sc_team_session_get_workbook (a));
  gint64 start;

  sc_test_pg_kill (server);
  wait_state (a, SC_TEAM_SESSION_OFFLINE);
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i % g_list_model_get_n_items (issues));
      g_autofree char *owner = g_strdup_printf ("Owner %u", i);

      sc_issue_set_owner (issue, owner);
      sc_team_session_flush (a);
    }
  printf ("replay  %u edits queued offline\n", sc_team_session_get_n_pending (a));
  sc_test_pg_restart (server);
  start = g_get_monotonic_time ();
  time_until (drained, a);
  printf ("replay  all applied %.0f ms after the server was started again\n",
          (g_get_monotonic_time () - start) / 1000.0);
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
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 200;
  g_autofree char *state = g_dir_make_tmp ("bench-team-live-XXXXXX", NULL);
  g_autoptr(ScTestPg) server = NULL;
  g_autoptr(ScTeamSession) a = NULL;
  g_autoptr(ScTeamSession) b = NULL;
  g_autoptr(ScStore) owner = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GFile) sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owner_uri = NULL;
  g_autofree char *uri = NULL;
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  server = sc_test_pg_start_with_options ("");
  sc_test_pg_add_team (server, "bench");
  owner_uri = sc_test_pg_uri (server, "scorecards_owner", "bench", "Live");
  uri = sc_test_pg_uri (server, "alice", "bench", "Live");

  sample = g_file_new_build_filename (srcdir ? srcdir : "tests", "..", "data", "samples",
                                      "contoso-2024-2025.scorecard", NULL);
  if (!(book = sc_workbook_load_from_file (sample, NULL, &error)) ||
      !(owner = sc_store_new_for_location (owner_uri, &error)) ||
      !sc_store_save (owner, book, SC_STORE_SAVE_CREATE, NULL, &error))
    g_error ("%s", error->message);

  a = open_session (uri);
  b = open_session (uri);
  wait_state (a, SC_TEAM_SESSION_ONLINE);
  wait_state (b, SC_TEAM_SESSION_ONLINE);
  /* past the first reading of both */
  g_usleep (500 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  bench_issues (a, b, rounds);
  bench_values (a, b, rounds);
  bench_replay (server, a);

  sc_team_session_close (a);
  sc_team_session_close (b);
  remove_tree (state);
  return 0;
}
