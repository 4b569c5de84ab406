/* bench-store.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Team server speed (docs/performance.md, "Team server"), against a local
 * PostgreSQL started for the run (tests/sc-test-pg.c) with its default,
 * durable settings:
 *
 *   copy     `scorecards copy BOOK URI` of the 1,008,000-value workbook into
 *            a new team workbook, against `psql -c '\copy t from CSV csv
 *            header'` of the same values into a plain table (the floor of
 *            loading rows into PostgreSQL); target ≤ 1.5×
 *   summary  `scorecards summary URI --json` against
 *            `scorecards summary BOOK --json`; target ≤ 2×
 *
 * The commands alternate within each round; medians of the rounds.
 *
 *   bench-store BOOK.scorecard DATA.csv [ROUNDS]
 *
 * with BOOK and DATA from tools/sc-gen.py book / long --partners 3500
 * --periods 24.
 */

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>

#include "../sc-test-pg.h"

#define DATABASE "bench"

static const char *
scorecards (void)
{
  const char *bin = g_getenv ("SCORECARDS_BIN");

  return bin ? bin : "build/src/scorecards";
}

/* Runs @argv to the end and returns its wall time in seconds. */
static double
timed (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    g_error ("%s: %s", argv[0], error->message);

  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

/* Times @a then @b (or @b first when @swap), adding to @a_times and @b_times. */
static void
time_pair (const char * const *a,
           const char * const *b,
           gboolean            swap,
           GArray             *a_times,
           GArray             *b_times)
{
  double t_a, t_b;

  if (swap)
    {
      t_b = timed (b);
      t_a = timed (a);
    }
  else
    {
      t_a = timed (a);
      t_b = timed (b);
    }
  g_array_append_val (a_times, t_a);
  g_array_append_val (b_times, t_b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScTestPg) server = NULL;
  g_autoptr(GArray) psql_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) copy_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) file_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) team_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *conninfo = NULL;
  g_autofree char *copy_command = NULL;
  g_autofree char *uri = NULL;
  int rounds;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-store BOOK.scorecard DATA.csv [ROUNDS]\n");
      return 2;
    }
  rounds = argc > 3 ? atoi (argv[3]) : 5;

  server = sc_test_pg_start_with_options (NULL);
  sc_test_pg_add_team (server, DATABASE);
  conninfo = g_strdup_printf ("host=%s dbname=" DATABASE " user=scorecards_owner",
                              sc_test_pg_get_socket_dir (server));
  uri = sc_test_pg_uri (server, "scorecards_owner", DATABASE, "Large");
  copy_command = g_strdup_printf ("\\copy t from '%s' csv header", argv[2]);

  for (int round = 0; round < rounds; round++)
    {
      const char *psql[] = { "psql", "-q", conninfo, "-c", copy_command, NULL };
      const char *copy[] = { scorecards (), "copy", argv[1], uri, NULL };
      const char *file[] = { scorecards (), "summary", argv[1], "--json", NULL };
      const char *team[] = { scorecards (), "summary", uri, "--json", NULL };

      /* both into empty tables: the table and the workbook made anew */
      sc_test_pg_exec (server, DATABASE,
                       "SET client_min_messages TO warning; DROP TABLE IF EXISTS t;"
                       "CREATE TABLE t (partner text, partner_type text, kpi text, period text,"
                       "                value double precision);"
                       "ALTER TABLE t OWNER TO scorecards_owner");
      if (round > 0)
        sc_test_pg_exec (server, DATABASE, "DELETE FROM scorecards.workbook; CHECKPOINT");

      time_pair (psql, copy, round % 2, psql_times, copy_times);
      sc_test_pg_exec (server, DATABASE, "VACUUM ANALYZE");
      time_pair (file, team, round % 2, file_times, team_times);

      printf ("round %d: psql \\copy %.2f s, scorecards copy %.2f s, "
              "summary file %.2f s, summary URI %.2f s\n",
              round + 1,
              g_array_index (psql_times, double, round), g_array_index (copy_times, double, round),
              g_array_index (file_times, double, round), g_array_index (team_times, double, round));
    }

  {
    double psql = median (psql_times), copy = median (copy_times);
    double file = median (file_times), team = median (team_times);

    printf ("\nmedians of %d rounds\n", rounds);
    printf ("copy:    scorecards %.2f s, psql \\copy %.2f s: %.2f× (target ≤ 1.5×)\n",
            copy, psql, copy / psql);
    printf ("summary: URI %.2f s, file %.2f s: %.2f× (target ≤ 2×)\n", team, file, team / file);
  }

  return 0;
}
