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
  g_autoptr(CliRun) no_partner = sc_test_cli_run ("review", book, "-o", pack, NULL);
  g_autoptr(CliRun) bad_date = sc_test_cli_run ("review", book, "--partner", "s02", "--date", "12/06/2025",
                                                "-o", pack, NULL);
  g_autoptr(CliRun) bad_period = sc_test_cli_run ("review", book, "--partner", "s02", "--period", "June",
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
  g_assert_nonnull (strstr (no_output->err, "-o PACK.pdf is required"));
  g_assert_cmpint (no_partner->status, ==, 2);
  g_assert_nonnull (strstr (no_partner->err, "--partner is required"));
  g_assert_cmpint (bad_date->status, ==, 2);
  g_assert_nonnull (strstr (bad_date->err, "“12/06/2025” is not a date written YYYY-MM-DD"));
  g_assert_cmpint (bad_period->status, ==, 2);
  g_assert_nonnull (strstr (bad_period->err, "“June” is not a period"));
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
  g_test_add_func ("/cli-review/errors", test_errors);

  return g_test_run ();
}
