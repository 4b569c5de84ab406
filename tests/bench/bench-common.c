/* bench-common.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "bench-common.h"
#include "sc-import.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

double
bench_median (double *values,
              guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

char *
bench_generate_csv (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "p100.csv", NULL);
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *tool = g_build_filename (srcdir ? srcdir : "tests", "..", "tools", "sc-gen.py", NULL);
  const char *argv[] = { "/usr/bin/python3", tool, "long", "--partners", "100", "--periods", "24", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("could not generate %s with %s: %s", path, tool, error->message);
  return g_steal_pointer (&path);
}

ScWorkbook *
bench_import_csv (const char *path)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_new ();

  if (!sc_import_add_file (import, file, NULL, &error) || !sc_import_commit (import, book, &error))
    g_error ("%s: %s", path, error->message);
  return book;
}

/* Runs the matplotlib anchor once; its time in seconds, or a negative
 * number when it cannot run here.
 */
double
bench_run_anchor (const char *anchor,
                  const char *csv,
                  const char *dir)
{
  g_autofree char *out = g_build_filename (dir, "anchor.pdf", NULL);
  const char *argv[] = { "/usr/bin/python3", anchor, csv, out, "100", NULL };
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_file_test (anchor, G_FILE_TEST_EXISTS) ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The anchor beside the repository (../shared/anchors), found from the
 * tests' source folder under meson, else from the current folder.
 */
char *
bench_default_anchor (void)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");

  if (srcdir != NULL)
    return g_build_filename (srcdir, "..", "..", "shared", "anchors", "matplotlib_report.py", NULL);
  return g_build_filename ("..", "shared", "anchors", "matplotlib_report.py", NULL);
}
