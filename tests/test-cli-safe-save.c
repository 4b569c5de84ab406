/* test-cli-safe-save.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Outputs of the command line that cannot be written: `import --into` and
 * `report -o` on a "full disk" (the process limited by RLIMIT_FSIZE, so no
 * root is needed), and `chart -o`, `report -o` and `import --into` into a
 * read-only folder (as the user nobody where the suite runs as root). The
 * command exits 1 with a message naming the file, and the file is as it
 * was: byte-identical, or still absent.
 */

#include "config.h"

#include "sc-test-cli.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#define TEMP_INFIX ".sc-tmp-"

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "contoso-2024-2025.scorecard", NULL);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("scorecards-cli-safe-save-XXXXXX", &error);

  g_assert_no_error (error);
  /* The user nobody must reach the folders inside */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_chmod (dir, 0700);
  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_temp_dir (path);
      else
        g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_same_file (const char *path,
                  GBytes     *expected)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  g_assert_true (g_bytes_equal (bytes, expected));
}

static void
assert_no_temps (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, TEMP_INFIX) != NULL)
      g_error ("%s/%s was left behind", dir, name);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, text);
}

/* A long CSV of @n_partners × 10 KPIs × 24 months: a workbook of a few MB */
static char *
write_big_csv (const char *dir,
               guint       n_partners)
{
  g_autoptr(GString) csv = g_string_new ("partner,kpi,period,value\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "big.csv", NULL);

  for (guint p = 0; p < n_partners; p++)
    for (guint k = 0; k < 10; k++)
      for (guint m = 0; m < 24; m++)
        g_string_append_printf (csv, "Supplier %u,KPI %u,%u-%02u,%u.%u\n",
                                p, k, 2024 + m / 12, m % 12 + 1, 50 + (p + k + m) % 50, m % 10);
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

/* `import big.csv --into book.scorecard` on a full disk: exit 1 naming the
 * workbook, which is byte-identical; `-o new.scorecard` creates nothing.
 */
static void
test_import_full_disk (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "fixtures", "crlf.csv", NULL);
  g_autofree char *big = write_big_csv (dir, 200);
  g_autofree char *book = g_build_filename (dir, "book.scorecard", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.scorecard", NULL);
  CliLimits limits = { 64 * 1024, FALSE };
  g_autoptr(CliRun) made = sc_test_cli_run ("import", small, "-o", book, NULL);
  g_autoptr(CliRun) into = NULL;
  g_autoptr(CliRun) new = NULL;
  g_autoptr(GBytes) old = NULL;

  g_assert_cmpint (made->status, ==, 0);
  old = read_bytes (book);
  g_assert_cmpuint (g_bytes_get_size (old), <, limits.max_file_size);

  into = sc_test_cli_run_limited (&limits, "import", big, "--into", book, NULL);
  g_assert_cmpint (into->status, ==, 1);
  assert_contains (into->err, book);
  assert_contains (into->err, "File too large");
  assert_contains (into->err, "unchanged");
  assert_same_file (book, old);

  new = sc_test_cli_run_limited (&limits, "import", big, "-o", fresh, NULL);
  g_assert_cmpint (new->status, ==, 1);
  assert_contains (new->err, "fresh.scorecard");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  assert_no_temps (dir);

  remove_temp_dir (dir);
}

/* `report -o` on a full disk leaves no 0-byte PDF, and an older PDF of
 * that name as it was.
 */
static void
test_report_full_disk (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *sample = sample_path ();
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *older = g_build_filename (dir, "older.pdf", NULL);
  CliLimits limits = { 16 * 1024, FALSE };
  g_autoptr(CliRun) fresh = NULL;
  g_autoptr(CliRun) over = NULL;
  g_autoptr(GBytes) old = g_bytes_new_static ("%PDF-1.5 an older report", 24);
  g_autoptr(GError) error = NULL;

  fresh = sc_test_cli_run_limited (&limits, "report", sample, "-o", pdf, NULL);
  g_assert_cmpint (fresh->status, ==, 1);
  assert_contains (fresh->err, "report.pdf: could not write");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_file_set_contents (older, g_bytes_get_data (old, NULL), g_bytes_get_size (old), &error);
  g_assert_no_error (error);
  over = sc_test_cli_run_limited (&limits, "report", sample, "-o", older, NULL);
  g_assert_cmpint (over->status, ==, 1);
  assert_contains (over->err, "older.pdf");
  assert_same_file (older, old);
  assert_no_temps (dir);

  remove_temp_dir (dir);
}

/* chart -o, report -o and import --into a read-only folder: exit 1 with
 * "cannot save safely: the folder … is read-only" naming the output.
 */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *sample = sample_path ();
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "fixtures", "crlf.csv", NULL);
  g_autofree char *book = g_build_filename (locked, "book.scorecard", NULL);
  g_autofree char *chart = g_build_filename (locked, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (locked, "report.pdf", NULL);
  CliLimits limits = { 0, geteuid () == 0 };
  g_autoptr(CliRun) made = NULL;
  g_autoptr(GBytes) old = NULL;
  struct { const char *output; const char *args[8]; } runs[] = {
    { chart, { "chart", sample, "--partner", "s02", "-o", chart, NULL } },
    { pdf, { "report", sample, "--partner", "s02", "-o", pdf, NULL } },
    { book, { "import", small, "--into", book, NULL } },
  };

  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  made = sc_test_cli_run ("import", small, "-o", book, NULL);
  g_assert_cmpint (made->status, ==, 0);
  old = read_bytes (book);
  /* The workbook itself may be written: only the folder is in the way */
  g_assert_cmpint (g_chmod (book, 0666), ==, 0);
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      const char * const *a = runs[i].args;
      g_autoptr(CliRun) run = sc_test_cli_run_limited (&limits, a[0], a[1], a[2], a[3], a[4], a[5],
                                                       a[6], NULL);
      g_autofree char *expected = g_strdup_printf ("%s: cannot save safely: the folder “%s” is "
                                                   "read-only — choose Save As", runs[i].output, locked);

      g_assert_cmpint (run->status, ==, 1);
      assert_contains (run->err, expected);
    }
  assert_same_file (book, old);
  g_assert_false (g_file_test (chart, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  assert_no_temps (locked);

  remove_temp_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-safe-save/import-full-disk", test_import_full_disk);
  g_test_add_func ("/cli-safe-save/report-full-disk", test_report_full_disk);
  g_test_add_func ("/cli-safe-save/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
