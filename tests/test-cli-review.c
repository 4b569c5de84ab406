/* test-cli-review.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of `scorecards review` and `scorecards reviews`
 * (src/cli/sc-cli-review.c) on a copy of the sample workbook: the review
 * made and saved, its pack made again byte for byte, the listing as a
 * table and JSON, and the errors with their exit statuses.
 */

#define _GNU_SOURCE
#include "config.h"

#include "sc-test-cli.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* A copy of the sample workbook in a fresh folder. */
static char *
copy_sample (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-cli-review-XXXXXX", &error);
  const char *sample = g_test_get_filename (G_TEST_DIST, "..", "data", "samples",
                                            "contoso-2024-2025.scorecard", NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, "book.scorecard", NULL);
  gsize length;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  *dir_out = g_steal_pointer (&dir);
  return path;
}

static GBytes *
read_bytes (const char *path)
{
  char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (data, length);
}

static void
test_review_and_list (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *book = copy_sample (&dir);
  g_autofree char *pack = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *again = g_build_filename (dir, "again.pdf", NULL);
  g_autoptr(CliRun) made = sc_test_cli_run ("review", book, "--partner", "Precision Hydraulics",
                                            "--date", "2025-06-12", "--period", "2025-05",
                                            "--language", "en", "-o", pack, NULL);
  g_autoptr(CliRun) list = sc_test_cli_run ("reviews", book, NULL);
  g_autoptr(CliRun) json = sc_test_cli_run ("reviews", book, "--partner", "s02", "--json", NULL);
  g_autoptr(CliRun) remade = sc_test_cli_run ("review", book, "--partner", "s02", "-o", again, NULL);
  g_autoptr(CliRun) none = sc_test_cli_run ("reviews", book, "--partner", "s01", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *review;

  g_assert_cmpint (made->status, ==, 0);
  g_assert_nonnull (strstr (made->out, "review REV-0001 of Precision Hydraulics & Fluid Power Components "
                                       "Ltd. on 2025-06-12"));
  g_assert_true (g_file_test (pack, G_FILE_TEST_EXISTS));

  g_assert_cmpint (list->status, ==, 0);
  g_assert_nonnull (strstr (list->out, "REV-0001"));
  g_assert_nonnull (strstr (list->out, "2025-06-12"));

  g_assert_cmpint (json->status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json->out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  review = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (review, "id"), ==, "REV-0001");
  g_assert_cmpstr (json_object_get_string_member (review, "partner"), ==, "s02");
  g_assert_cmpstr (json_object_get_string_member (review, "date"), ==, "2025-06-12");
  g_assert_cmpstr (json_object_get_string_member (review, "period"), ==, "2025-05");
  g_assert_cmpstr (json_object_get_string_member (review, "state"), ==, "draft");
  g_assert_true (json_object_get_boolean_member (review, "frozen"));
  g_assert_cmpint (json_object_get_int_member (review, "n_actions"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (review, "open_actions"), ==, 0);
  g_assert_true (json_object_get_null_member (review, "sent_at"));
  g_assert_true (json_object_has_member (json_object_get_object_member (review, "attendees"), "ours"));

  /* The latest review again, frozen: the same pack, no second review */
  g_assert_cmpint (remade->status, ==, 0);
  g_assert_nonnull (strstr (remade->out, "REV-0001"));
  a = read_bytes (pack);
  b = read_bytes (again);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_cmpint (none->status, ==, 0);
  g_assert_cmpstr (none->out, ==, "No reviews.\n");
}

/* A pack in French: the review keeps its language, and the pack made again
 * without --language is the same file.
 */
static void
test_language (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *book = copy_sample (&dir);
  g_autofree char *pack = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *again = g_build_filename (dir, "again.pdf", NULL);
  g_autoptr(CliRun) made = sc_test_cli_run ("review", book, "--partner", "s02", "--date", "2025-06-12",
                                            "--period", "2025-05", "--language", "fr", "-o", pack, NULL);
  g_autoptr(CliRun) remade = sc_test_cli_run ("review", book, "--partner", "s02", "-o", again, NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;

  g_assert_cmpint (made->status, ==, 0);
  g_assert_cmpint (remade->status, ==, 0);
  g_assert_true (g_file_get_contents (book, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"language\": \"fr\""));
  g_assert_nonnull (strstr (saved, "Accueil et présentations"));
  a = read_bytes (pack);
  b = read_bytes (again);
  g_assert_true (g_bytes_equal (a, b));
}

/* The packs written by a run, from its lines "PATH: review ID of NAME on …" */
static GPtrArray *
written_packs (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *at = strstr (lines[i], ": review REV-");

      if (at != NULL)
        g_ptr_array_add (paths, g_strndup (lines[i], at - lines[i]));
    }
  return paths;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* --split DIR: a review and a pack for every partner, one PDF each, the
 * workbook saved with the reviews; run again, the same packs and no new
 * review; a pack of the batch is the pack `review -o` makes of the same
 * review; --partner picks some, once each, in their language.
 */
static void
test_split (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *book = copy_sample (&dir);
  g_autofree char *packs = g_build_filename (dir, "packs", "december", NULL);
  g_autofree char *some = g_build_filename (dir, "some", NULL);
  g_autofree char *single = g_build_filename (dir, "single.pdf", NULL);
  g_autoptr(CliRun) summary = sc_test_cli_run ("summary", book, "--json", NULL);
  g_autoptr(CliRun) made = sc_test_cli_run ("review", book, "--split", packs, "--date", "2025-06-12",
                                            "--period", "2025-05", NULL);
  g_autoptr(CliRun) list = sc_test_cli_run ("reviews", book, "--json", NULL);
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) one = NULL;
  g_autoptr(CliRun) picked = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) paths_again = NULL;
  g_autoptr(GPtrArray) paths_picked = NULL;
  g_autoptr(GError) error = NULL;
  guint n_partners, s02 = G_MAXUINT;

  g_assert_cmpint (summary->status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, summary->out, -1, &error));
  g_assert_no_error (error);
  n_partners = json_array_get_length (json_object_get_array_member (
      json_node_get_object (json_parser_get_root (parser)), "partners"));
  g_assert_cmpuint (n_partners, >, 5);

  g_assert_cmpint (made->status, ==, 0);
  paths = written_packs (made->out);
  g_assert_cmpuint (paths->len, ==, n_partners);
  g_assert_cmpuint (count_files (packs), ==, n_partners);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      g_assert_true (g_str_has_prefix (path, packs));
      g_assert_true (g_str_has_suffix (path, "-review-2025-06-12.pdf"));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      if (strstr (path, "Precision-Hydraulics") != NULL)
        s02 = i;
    }
  g_assert_cmpuint (s02, <, paths->len);

  /* Saved: a frozen review per partner */
  g_assert_cmpint (list->status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, list->out, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, n_partners);
  for (guint i = 0; i < n_partners; i++)
    {
      JsonObject *review = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), i);

      g_assert_true (json_object_get_boolean_member (review, "frozen"));
      g_assert_cmpstr (json_object_get_string_member (review, "date"), ==, "2025-06-12");
      g_assert_cmpstr (json_object_get_string_member (review, "period"), ==, "2025-05");
    }

  /* Again: the same reviews, the same files */
  again = sc_test_cli_run ("review", book, "--split", packs, "--date", "2025-06-12", NULL);
  g_assert_cmpint (again->status, ==, 0);
  paths_again = written_packs (again->out);
  g_assert_cmpuint (paths_again->len, ==, n_partners);
  g_assert_nonnull (strstr (again->out, g_strrstr (made->out, "REV-")));
  {
    g_autoptr(CliRun) relist = sc_test_cli_run ("reviews", book, "--json", NULL);

    g_assert_true (json_parser_load_from_data (parser, relist->out, -1, &error));
    g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==,
                      n_partners);
  }

  /* One of them, written alone: the same bytes as in the batch */
  one = sc_test_cli_run ("review", book, "--partner", "s02", "--date", "2025-06-12", "-o", single, NULL);
  g_assert_cmpint (one->status, ==, 0);
  {
    g_autoptr(GBytes) a = read_bytes (single);
    g_autoptr(GBytes) b = read_bytes (g_ptr_array_index (paths, s02));

    g_assert_true (g_bytes_equal (a, b));
  }

  /* Two partners picked (one given twice), in German, new reviews on a new date */
  picked = sc_test_cli_run ("review", book, "--split", some, "-p", "s02", "-p", "Precision Hydraulics",
                            "-p", "s03", "--date", "2025-07-01", "--language", "de", NULL);
  g_assert_cmpint (picked->status, ==, 0);
  paths_picked = written_packs (picked->out);
  g_assert_cmpuint (paths_picked->len, ==, 2);
  g_assert_cmpuint (count_files (some), ==, 2);
  for (guint i = 0; i < paths_picked->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_str_has_suffix (g_ptr_array_index (paths_picked, i), "-review-2025-07-01.pdf"));
      g_assert_true (g_file_get_contents (g_ptr_array_index (paths_picked, i), &contents, &length, NULL));
      g_assert_nonnull (memmem (contents, length, "/Lang (de)", strlen ("/Lang (de)")));
    }
}

static void
test_errors (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *book = copy_sample (&dir);
  g_autofree char *pack = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr(GBytes) before = read_bytes (book);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CliRun) unknown = sc_test_cli_run ("review", book, "--partner", "Nobody Ltd", "-o", pack, NULL);
  g_autoptr(CliRun) no_output = sc_test_cli_run ("review", book, "--partner", "s02", NULL);
  g_autofree char *split_dir = g_build_filename (dir, "packs", NULL);
  g_autoptr(CliRun) both = sc_test_cli_run ("review", book, "--partner", "s02", "-o", pack,
                                            "--split", split_dir, NULL);
  g_autoptr(CliRun) two_partners = sc_test_cli_run ("review", book, "-p", "s02", "-p", "s03", "-o", pack, NULL);
  g_autoptr(CliRun) split_unknown = sc_test_cli_run ("review", book, "-p", "s02", "-p", "Nobody Ltd",
                                                     "--split", split_dir, NULL);
  g_autoptr(CliRun) no_partner = sc_test_cli_run ("review", book, "-o", pack, NULL);
  g_autoptr(CliRun) bad_date = sc_test_cli_run ("review", book, "--partner", "s02", "--date", "12/06/2025",
                                                "-o", pack, NULL);
  g_autoptr(CliRun) bad_period = sc_test_cli_run ("review", book, "--partner", "s02", "--period", "June",
                                                  "-o", pack, NULL);
  g_autoptr(CliRun) future = sc_test_cli_run ("review", book, "--partner", "s02", "--period", "2030-01",
                                              "-o", pack, NULL);
  g_autoptr(CliRun) missing = sc_test_cli_run ("review", "/nonexistent/book.scorecard", "--partner", "s02",
                                               "-o", pack, NULL);
  g_autoptr(CliRun) list_unknown = sc_test_cli_run ("reviews", book, "--partner", "Nobody Ltd", NULL);
  g_autoptr(CliRun) list_usage = sc_test_cli_run ("reviews", NULL);
  g_autoptr(CliRun) bad_language = sc_test_cli_run ("review", book, "--partner", "s02", "--language", "xx",
                                                    "-o", pack, NULL);

  g_assert_cmpint (unknown->status, ==, 1);
  g_assert_nonnull (strstr (unknown->err, "book.scorecard: no partner has the id or name “Nobody Ltd”"));
  g_assert_cmpint (no_output->status, ==, 2);
  g_assert_nonnull (strstr (no_output->err, "-o PACK.pdf or --split DIR is required"));
  g_assert_cmpint (both->status, ==, 2);
  g_assert_nonnull (strstr (both->err, "give either -o PACK.pdf or --split DIR, not both"));
  g_assert_cmpint (two_partners->status, ==, 2);
  g_assert_nonnull (strstr (two_partners->err, "use --split DIR for several"));
  g_assert_cmpint (split_unknown->status, ==, 1);
  g_assert_nonnull (strstr (split_unknown->err, "no partner has the id or name “Nobody Ltd”"));
  g_assert_false (g_file_test (split_dir, G_FILE_TEST_EXISTS));
  g_assert_cmpint (no_partner->status, ==, 2);
  g_assert_nonnull (strstr (no_partner->err, "--partner is required"));
  g_assert_cmpint (bad_date->status, ==, 2);
  g_assert_nonnull (strstr (bad_date->err, "“12/06/2025” is not a date written YYYY-MM-DD"));
  g_assert_cmpint (bad_period->status, ==, 2);
  g_assert_nonnull (strstr (bad_period->err, "“June” is not a period"));
  g_assert_cmpint (future->status, ==, 2);
  g_assert_nonnull (strstr (future->err, "“2030-01” is after the latest period with data (Dec 2025)"));
  g_assert_cmpint (missing->status, ==, 1);
  g_assert_nonnull (strstr (missing->err, "/nonexistent/book.scorecard"));
  g_assert_cmpint (list_unknown->status, ==, 1);
  g_assert_nonnull (strstr (list_unknown->err, "no partner has the id or name “Nobody Ltd”"));
  g_assert_cmpint (list_usage->status, ==, 2);
  g_assert_cmpint (bad_language->status, ==, 2);
  g_assert_nonnull (strstr (bad_language->err, "no report language “xx”; the available languages are de (Deutsch)"));

  /* Nothing was written */
  g_assert_false (g_file_test (pack, G_FILE_TEST_EXISTS));
  after = read_bytes (book);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-review/review-and-list", test_review_and_list);
  g_test_add_func ("/cli-review/language", test_language);
  g_test_add_func ("/cli-review/split", test_split);
  g_test_add_func ("/cli-review/errors", test_errors);

  return g_test_run ();
}
