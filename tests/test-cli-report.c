/* test-cli-report.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of `scorecards report` (src/cli/sc-cli-report.c): runs the built
 * binary on the sample workbook and checks the files it writes (one PDF,
 * one per partner, PNG pages), their text with pdftotext when it is
 * installed, reproducible bytes with SOURCE_DATE_EPOCH, and the exit
 * statuses of bad usage (2) and bad input (1).
 */

#define _GNU_SOURCE /* memmem */

#include "config.h"

#include "sc-test-cli.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>



static const char *
sample_path (void)
{
  return g_test_get_filename (G_TEST_DIST, "..", "data", "samples", "contoso-2024-2025.scorecard", NULL);
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-cli-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Runs `scorecards ARGS…` up to NULL. */
static CliRun * G_GNUC_NULL_TERMINATED
run_cli (const char *first_arg,
         ...)
{
  static const char *env[] = { "SOURCE_DATE_EPOCH=1767139200", NULL };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return sc_test_cli_runv ((const char * const *) args->pdata, env);
}

/* The number of pages, counted in the file itself. */
static guint
count_pages (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (length > 5 && memcmp (data, "%PDF-", 5) == 0);
  for (const char *p = data; (p = memmem (p, length - (p - data), "/Type /Page", 11)) != NULL; p += 11)
    n += p[11] != 's';
  return n;
}

/* The text of @path via pdftotext, or NULL when it is not installed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *argv[] = { tool, "-enc", "UTF-8", path, "-", NULL };
  char *out = NULL;
  int status;

  if (tool == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_one_partner (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "s02.pdf", NULL);
  g_autoptr(CliRun) run = run_cli ("report", sample_path (), "-o", out, "--partner", "Precision Hydraulics",
                                   "--from", "2025-01", "--to", "2025-06", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpuint (count_pages (out), >=, 4);
  text = pdf_text (out);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils): the page text is not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Precision Hydraulics & Fluid Power Components Ltd."));
  g_assert_nonnull (strstr (text, "Jan 2025 – Jun 2025"));
  g_assert_nonnull (strstr (text, "Page 1 of "));
  g_assert_nonnull (strstr (text, "ISS-0001"));
  g_assert_nonnull (strstr (text, "31 December 2025"));
}

static JsonObject *
find_member_with_id (JsonArray  *array,
                     const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (o, "id"), id) == 0 ||
          g_strcmp0 (json_object_get_string_member (o, "name"), id) == 0)
        return o;
    }

  return NULL;
}

/* The user story: a German KPI table whose scrap cost rose from 1.234,50
 * to 12.480,00. The new KPI is lower-is-better in €, a cost, without a
 * target: "no target" in the summary, out of the score, and the PDF says
 * the rise made it worse — never "On target … better".
 */
static void
test_new_kpi_no_target (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "de-new-kpi-scrap-cost.csv", NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *book = g_build_filename (dir, "de.scorecard", NULL);
  g_autofree char *out = g_build_filename (dir, "schaefer.pdf", NULL);
  g_autoptr(CliRun) import = run_cli ("import", csv, "-o", book, NULL);
  g_autoptr(CliRun) summary = run_cli ("summary", book, "--json", NULL);
  g_autoptr(CliRun) report = run_cli ("report", book, "-o", out, "--partner", "Schäfer Gusswerk KG", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *partner, *kpi;

  g_assert_cmpint (import->status, ==, 0);
  g_assert_nonnull (strstr (import->out, "New KPI “Ausschusskosten EUR”: lower is better, in €, Cost; "
                                         "no target yet, so it is not in the score\n"));

  g_assert_cmpint (summary->status, ==, 0);
  json_parser_load_from_data (parser, summary->out, -1, &error);
  g_assert_no_error (error);
  partner = find_member_with_id (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                               "partners"), "Schäfer Gusswerk KG");
  g_assert_nonnull (partner);
  kpi = find_member_with_id (json_object_get_array_member (partner, "kpis"), "ausschusskosten_eur");
  g_assert_nonnull (kpi);
  g_assert_cmpstr (json_object_get_string_member (kpi, "status"), ==, "no-target");
  g_assert_cmpstr (json_object_get_string_member (kpi, "unit"), ==, "€");
  g_assert_cmpstr (json_object_get_string_member (kpi, "category"), ==, "cost");
  g_assert_true (json_object_get_null_member (kpi, "target"));
  g_assert_true (json_object_get_null_member (kpi, "score"));
  g_assert_cmpfloat (json_object_get_double_member (kpi, "value"), ==, 12480);
  g_assert_cmpfloat (json_object_get_double_member (kpi, "share"), ==, 0);
  /* The score is on-time delivery's alone: 95.5 % against 95 % */
  g_assert_cmpfloat (json_object_get_double_member (partner, "score"), ==, 100);

  g_assert_cmpint (report->status, ==, 0);
  text = pdf_text (out);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed: the page text is not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Ausschusskosten EUR"));
  g_assert_nonnull (strstr (text, "No target"));
  g_assert_nonnull (strstr (text, "not set"));
  g_assert_nonnull (strstr (text, "□ no target, not in the score."));
  g_assert_nonnull (strstr (text, "Cost · no target, lower is better"));
  g_assert_null (strstr (text, "≥ 0.0"));
  /* The rise of 7,920 € from February is worse, not better */
  g_assert_nonnull (strstr (text, "+7920.00\nworse"));
  g_assert_null (strstr (text, "+7920.00\nbetter"));
}

static void
test_split (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *split = g_build_filename (dir, "reports", NULL);
  g_autoptr(CliRun) run = run_cli ("report", sample_path (), "--split", split, "--page-size", "letter", NULL);
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "27 reports"));
  listing = g_dir_open (split, 0, NULL);
  for (const char *name; (name = g_dir_read_name (listing)) != NULL; n++)
    g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_cmpuint (n, ==, 27);
}

/* The overall score `summary --period VIEW --json` gives partner @id, as
 * the report prints it.
 */
static char *
dup_summary_score (const char *view,
                   const char *id)
{
  g_autoptr(CliRun) run = run_cli ("summary", sample_path (), "--period", view, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *partners;

  g_assert_cmpint (run->status, ==, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  partners = json_object_get_array_member (root, "partners");
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *partner = json_array_get_object_element (partners, i);

      if (g_str_equal (json_object_get_string_member (partner, "id"), id))
        return g_strdup_printf ("%.1f", json_object_get_double_member (partner, "score"));
    }
  g_assert_not_reached ();
}

/* --period takes the views of `summary --period`: the summary page scores
 * that view, names it, and the report ends with it.
 */
static void
test_period (void)
{
  static const struct {
    const char *period;
    const char *label;    /* "scored for …" */
    const char *range;
  } cases[] = {
    { "2025-Q2", "scored for Q2 2025", "Jul 2024 – Jun 2025" },
    { "2025", "scored for 2025", "Jan 2025 – Dec 2025" },
    { "2025-03/ytd", "scored for YTD Mar 2025", "Apr 2024 – Mar 2025" },
    { "2025-06/r12", "scored for 12 months to Jun 2025", "Jul 2024 – Jun 2025" },
    { "2025-04", "scored for Apr 2025", "May 2024 – Apr 2025" },
  };
  g_autofree char *dir = temp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = g_build_filename (dir, "s02.pdf", NULL);
      g_autoptr(CliRun) run = run_cli ("report", sample_path (), "-o", out, "-p", "s02",
                                       "--period", cases[i].period, NULL);
      g_autofree char *text = NULL;
      g_autofree char *score = NULL;

      g_assert_cmpint (run->status, ==, 0);
      text = pdf_text (out);
      if (text == NULL)
        {
          g_test_skip ("pdftotext is not installed (poppler-utils): the page text is not checked");
          return;
        }
      if (strstr (text, cases[i].label) == NULL || strstr (text, cases[i].range) == NULL)
        g_error ("--period %s: “%s” or “%s” is not in the text:\n%s", cases[i].period,
                 cases[i].label, cases[i].range, text);
      score = dup_summary_score (cases[i].period, "s02");
      g_assert_nonnull (strstr (text, score));
    }
}

/* The same command twice, with SOURCE_DATE_EPOCH, gives the same bytes. */
static void
test_reproducible (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *a = g_build_filename (dir, "a.pdf", NULL);
  g_autofree char *b = g_build_filename (dir, "b.pdf", NULL);
  g_autoptr(CliRun) run_a = run_cli ("report", sample_path (), "-o", a, "-p", "s04", "-p", "c03", NULL);
  g_autoptr(CliRun) run_b = run_cli ("report", sample_path (), "-o", b, "-p", "s04", "-p", "c03", NULL);
  g_autofree char *data_a = NULL, *data_b = NULL;
  gsize len_a, len_b;

  g_assert_cmpint (run_a->status, ==, 0);
  g_assert_cmpint (run_b->status, ==, 0);
  g_assert_true (g_file_get_contents (a, &data_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &data_b, &len_b, NULL));
  g_assert_cmpmem (data_a, len_a, data_b, len_b);
}

static void
test_png_pages (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *slides = g_build_filename (dir, "slides", NULL);
  g_autofree char *first = g_build_filename (slides, "Lombardia-Macchine-Agricole-S.p.A-01.png", NULL);
  g_autoptr(CliRun) run = run_cli ("report", sample_path (), "-o", slides, "--format", "png", "-p", "c03", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
}

static void
test_usage_errors (void)
{
  static const char *cases[][8] = {
    { "report", NULL },
    { "report", "BOOK", NULL },                                 /* no -o */
    { "report", "BOOK", "-o", "x.pdf", "--page-size", "a5" },
    { "report", "BOOK", "-o", "x.pdf", "--split", "dir" },
    { "report", "BOOK", "-o", "x.pdf", "--from", "March" },
    { "report", "BOOK", "-o", "x.pdf", "--format", "docx" },
    { "report", "BOOK", "-o", "x.pdf", "--period", "2025-13" },
    { "report", "BOOK", "-o", "x.pdf", "--period", "2025-Q5" },
    { "report", "BOOK", "-o", "x.pdf", "--period", "2025-03/ytd", "--to", "2025-03" },
    { "report", "BOOK", "-o", "x.pdf", "--period", "2024-Q1", "--from", "2024-06" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliRun) run = NULL;
      const char *args[8] = { NULL };

      for (guint k = 0; k < 8 && cases[i][k] != NULL; k++)
        args[k] = g_str_equal (cases[i][k], "BOOK") ? sample_path () : cases[i][k];
      run = run_cli (args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7], NULL);
      g_assert_cmpint (run->status, ==, 2);
      g_assert_nonnull (strstr (run->err, "scorecards report:"));
    }
}

static void
test_bad_input (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "x.pdf", NULL);
  g_autoptr(CliRun) missing = run_cli ("report", "/nonexistent.scorecard", "-o", out, NULL);
  g_autoptr(CliRun) nobody = run_cli ("report", sample_path (), "-o", out, "--partner", "Nobody Inc", NULL);
  g_autoptr(CliRun) logo = run_cli ("report", sample_path (), "-o", out, "--logo", "/nonexistent.png", NULL);

  g_assert_cmpint (missing->status, ==, 1);
  g_assert_cmpint (nobody->status, ==, 1);
  g_assert_nonnull (strstr (nobody->err, "Nobody Inc"));
  g_assert_cmpint (logo->status, ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* --language: a known one writes the report in it, an unknown one is bad
 * usage that lists the languages there are and writes nothing.
 */
static void
test_language (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "fr.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "xx.pdf", NULL);
  g_autoptr(CliRun) run = run_cli ("report", sample_path (), "-o", out, "-p", "s01", "--language", "fr", NULL);
  g_autoptr(CliRun) unknown = run_cli ("report", sample_path (), "-o", bad, "--language", "xx", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (run->status, ==, 0);
  text = pdf_text (out);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "TABLEAU DE BORD FOURNISSEUR"));
  g_assert_nonnull (strstr (text, "Livraison à l’heure"));
  g_assert_null (strstr (text, "Supplier scorecard"));

  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_nonnull (strstr (unknown->err, "no report language “xx”"));
  g_assert_nonnull (strstr (unknown->err, "de (Deutsch), en (English), es (Español), fr (Français)"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-report/one-partner", test_one_partner);
  g_test_add_func ("/cli-report/split", test_split);
  g_test_add_func ("/cli-report/new-kpi-no-target", test_new_kpi_no_target);
  g_test_add_func ("/cli-report/period", test_period);
  g_test_add_func ("/cli-report/reproducible", test_reproducible);
  g_test_add_func ("/cli-report/png-pages", test_png_pages);
  g_test_add_func ("/cli-report/usage-errors", test_usage_errors);
  g_test_add_func ("/cli-report/bad-input", test_bad_input);
  g_test_add_func ("/cli-report/language", test_language);

  return g_test_run ();
}
