/* test-score-history.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of sc-score-history.c: which periods are complete, the scores
 * kept, a changed target leaving them alone while today's rules move,
 * a review's record, the file round trip and its errors, and the summary.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "sc-import.h"
#include "sc-score-history.h"
#include "sc-scorer.h"
#include "sc-summary.h"
#include "sc-workbook-io.h"

static ScPeriod
month (const char *str)
{
  ScPeriod period;

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, str, &period));
  return period;
}

/* KPIs "a" and "b" (target 100, warning 50, critical 0: the score is the
 * value). Partner s1: January a = 80, b = 60 (complete, 70); February
 * a = 90 only (not complete). Partner s2: January a = 50, b = 50.
 */
static ScWorkbook *
new_book (void)
{
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(ScPartner) s1 = sc_partner_new ("s1", "Atlas", SC_PARTNER_SUPPLIER);
  g_autoptr(ScPartner) s2 = sc_partner_new ("s2", "Birch", SC_PARTNER_SUPPLIER);
  ScKpi *a, *b;

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(ScKpi) kpi = sc_kpi_new (k == 0 ? "a" : "b", NULL);

      sc_kpi_set_direction (kpi, SC_DIRECTION_HIGHER);
      sc_kpi_set_target (kpi, 100);
      sc_kpi_set_warning (kpi, 50);
      sc_kpi_set_critical (kpi, 0);
      sc_kpi_set_weight (kpi, 1);
      sc_workbook_add_kpi (book, kpi);
    }
  a = sc_workbook_lookup_kpi (book, "a");
  b = sc_workbook_lookup_kpi (book, "b");
  sc_workbook_add_partner (book, s1);
  sc_workbook_add_partner (book, s2);
  g_assert_true (sc_workbook_set_value (book, s1, a, month ("2025-01"), 80, NULL));
  g_assert_true (sc_workbook_set_value (book, s1, b, month ("2025-01"), 60, NULL));
  g_assert_true (sc_workbook_set_value (book, s1, a, month ("2025-02"), 90, NULL));
  g_assert_true (sc_workbook_set_value (book, s1, b, month ("2025-02"), NAN, NULL));
  g_assert_true (sc_workbook_set_value (book, s2, a, month ("2025-01"), 50, NULL));
  g_assert_true (sc_workbook_set_value (book, s2, b, month ("2025-01"), 50, NULL));

  return book;
}

static void
test_complete (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  ScPartner *s1 = sc_workbook_lookup_partner (book, "s1");
  const ScScoredThen *r;

  g_assert_true (sc_score_history_is_complete (book, s1, month ("2025-01")));
  g_assert_false (sc_score_history_is_complete (book, s1, month ("2025-02")));
  g_assert_false (sc_score_history_is_complete (book, s1, month ("2024-12")));

  g_assert_cmpuint (sc_score_history_record_complete (book, NULL), ==, 2);
  r = sc_score_history_lookup (book, s1, month ("2025-01"));
  g_assert_nonnull (r);
  g_assert_cmpfloat (r->score, ==, 70);
  g_assert_cmpstr (r->grade, ==, "C");
  g_assert_cmpint (r->reason, ==, SC_SCORED_THEN_COMPLETE);
  g_assert_null (sc_score_history_lookup (book, s1, month ("2025-02")));

  /* Nothing new: nothing recorded twice */
  g_assert_cmpuint (sc_score_history_record_complete (book, NULL), ==, 0);
}

/* A changed target moves today's score, never the one kept. */
static void
test_target_change (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  g_autoptr(ScScorer) scorer = NULL;
  ScPartner *s1 = sc_workbook_lookup_partner (book, "s1");
  ScRollup january = { SC_ROLLUP_PERIOD, month ("2025-01") };
  const ScScoredThen *r;

  sc_score_history_record_complete (book, NULL);
  /* b's target down to 60: b = 60 scores 100, s1 (80 + 100) / 2 = 90 */
  sc_kpi_set_target (sc_workbook_lookup_kpi (book, "b"), 60);
  scorer = sc_scorer_new (book);
  g_assert_cmpfloat (sc_scorer_overall (scorer, s1, &january), ==, 90);
  r = sc_score_history_lookup (book, s1, month ("2025-01"));
  g_assert_cmpfloat (r->score, ==, 70);
  g_assert_cmpstr (r->grade, ==, "C");

  /* The next import completes February: only February is scored anew */
  g_assert_true (sc_workbook_set_value (book, s1, sc_workbook_lookup_kpi (book, "b"), month ("2025-02"), 60, NULL));
  g_assert_cmpuint (sc_score_history_record_complete (book, NULL), ==, 1);
  g_assert_cmpfloat (sc_score_history_lookup (book, s1, month ("2025-02"))->score, ==, 95);
  g_assert_cmpfloat (sc_score_history_lookup (book, s1, month ("2025-01"))->score, ==, 70);
}

/* A review held records what the partner was told, replacing the record
 * of the complete data.
 */
static void
test_review (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  ScPartner *s1 = sc_workbook_lookup_partner (book, "s1");
  const ScScoredThen *r;

  sc_score_history_record_complete (book, NULL);
  sc_kpi_set_target (sc_workbook_lookup_kpi (book, "b"), 60);
  r = sc_score_history_record (book, s1, month ("2025-01"), SC_SCORED_THEN_REVIEW);
  g_assert_cmpfloat (r->score, ==, 90);
  g_assert_cmpstr (r->grade, ==, "A");
  g_assert_true (sc_score_history_lookup (book, s1, month ("2025-01")) == r);
  g_assert_cmpint (r->reason, ==, SC_SCORED_THEN_REVIEW);
  g_assert_true (sc_workbook_get_modified (book));
}

static void
test_file (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  g_autoptr(ScWorkbook) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  const ScScoredThen *r;

  sc_score_history_record_complete (book, NULL);
  bytes = sc_workbook_to_bytes (book);
  back = sc_workbook_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "book.scorecard", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_score_history_get_n_records (back), ==, 2);
  r = sc_score_history_lookup (back, sc_workbook_lookup_partner (back, "s2"), month ("2025-01"));
  g_assert_cmpfloat (r->score, ==, 50);
  g_assert_cmpstr (r->grade, ==, "D");
  again = sc_workbook_to_bytes (back);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_file_errors (void)
{
  static const struct
  {
    const char *record;
    const char *message;
  } cases[] = {
    { "{\"partner\": \"zz\", \"period\": \"2025-01\", \"score\": 70, \"grade\": \"C\", \"reason\": \"complete\", "
      "\"recorded\": \"2026-01-05T10:00:00Z\"}", "book.scorecard: score_history[0].partner: unknown partner “zz”" },
    { "{\"partner\": \"s1\", \"period\": \"2025-01\", \"score\": 170, \"grade\": \"C\", \"reason\": \"complete\", "
      "\"recorded\": \"2026-01-05T10:00:00Z\"}", "book.scorecard: score_history[0].score: expected a score from 0 to 100" },
    { "{\"partner\": \"s1\", \"period\": \"2025-01\", \"score\": 70, \"grade\": \"C\", \"reason\": \"told\", "
      "\"recorded\": \"2026-01-05T10:00:00Z\"}", "book.scorecard: score_history[0].reason: expected “complete” or “review”, found “told”" },
    { "{\"partner\": \"s1\", \"period\": \"2025-01\", \"score\": 70, \"grade\": \"C\", \"reason\": \"review\"}",
      "book.scorecard: score_history[0].recorded: is missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"scorecards\", \"version\": 2, "
                                               "\"partners\": [{\"id\": \"s1\", \"name\": \"Atlas\", \"type\": \"supplier\"}], "
                                               "\"score_history\": [%s]}", cases[i].record);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScWorkbook) book = sc_workbook_load_from_data (text, strlen (text), "book.scorecard", &error);

      g_assert_null (book);
      g_assert_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* summary --json lists what was kept beside today's score. */
static void
test_summary (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonObject *partner;
  JsonArray *history;
  JsonObject *first;

  sc_score_history_record_complete (book, NULL);
  sc_kpi_set_target (sc_workbook_lookup_kpi (book, "b"), 60);
  json = sc_summary_to_json (book, month ("2025-01"));
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  partner = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                         "partners"), 0);
  g_assert_cmpfloat (json_object_get_double_member (partner, "score"), ==, 90);
  history = json_object_get_array_member (partner, "scored_then");
  g_assert_cmpuint (json_array_get_length (history), ==, 1);
  first = json_array_get_object_element (history, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "period"), ==, "2025-01");
  g_assert_cmpfloat (json_object_get_double_member (first, "score"), ==, 70);
  g_assert_cmpstr (json_object_get_string_member (first, "grade"), ==, "C");
  g_assert_cmpfloat (json_object_get_double_member (first, "today"), ==, 90);
  g_assert_cmpstr (json_object_get_string_member (first, "today_grade"), ==, "A");
  g_assert_cmpstr (json_object_get_string_member (first, "reason"), ==, "complete");
}

/* An import keeps the periods it completes; undoing it forgets them, and
 * the workbook is as before.
 */
static void
test_import (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *csv = "partner,kpi,period,value\nAtlas,b,2025-02,60\n";
  ScPartner *s1 = sc_workbook_lookup_partner (book, "s1");

  sc_score_history_record_complete (book, NULL);
  before = sc_workbook_to_bytes (book);
  g_assert_true (sc_import_add_data (import, csv, strlen (csv), "feb.csv", &error));
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  /* February is complete now: (90 + 60) / 2 */
  g_assert_cmpfloat (sc_score_history_lookup (book, s1, month ("2025-02"))->score, ==, 75);
  g_assert_cmpuint (sc_score_history_get_n_records (book), ==, 3);

  sc_import_undo (import, book);
  g_assert_null (sc_score_history_lookup (book, s1, month ("2025-02")));
  after = sc_workbook_to_bytes (book);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/score-history/complete", test_complete);
  g_test_add_func ("/score-history/target-change", test_target_change);
  g_test_add_func ("/score-history/review", test_review);
  g_test_add_func ("/score-history/file", test_file);
  g_test_add_func ("/score-history/file-errors", test_file_errors);
  g_test_add_func ("/score-history/summary", test_summary);
  g_test_add_func ("/score-history/import", test_import);

  return g_test_run ();
}
