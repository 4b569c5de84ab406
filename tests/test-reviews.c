/* test-reviews.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of reviews (src/core/reviews): saving and loading them, older
 * files, the generated agenda, the "since the last review" sentences word
 * for word on hand-computed numbers, and frozen figures that an import
 * does not change.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "sc-import.h"
#include "sc-review-agenda.h"
#include "sc-review-diff.h"
#include "sc-review-edit.h"
#include "sc-score-history.h"
#include "sc-undo-stack.h"
#include "sc-workbook-io.h"

/* One supplier, two KPIs with equal weights, January to September 2025:
 *
 *   otd (higher is better, target 94, warning 90, critical 80, "%")
 *     May 88.1 → score (88.1 − 80) / (94 − 80) × 100 = 57.857…, off target
 *     Aug 94.3 → on target, score 100
 *   ppm (lower is better, target 100, warning 200, critical 500, "ppm")
 *     May 80 → on target, score 100
 *     Aug 350 → off target, score (500 − 350) / (500 − 100) × 100 = 37.5
 *
 * Overall: May (57.857 + 100) / 2 = 78.9 (grade B, from 75), Aug (100 + 37.5) / 2
 * = 68.75 (grade C, from 60).
 */
static const char book_json[] =
  "{\"format\": \"scorecards\", \"version\": 1, \"granularity\": \"month\","
  " \"first_period\": \"2025-01\", \"n_periods\": 9,"
  " \"settings\": {\"company\": \"Contoso\"},"
  " \"kpis\": ["
  "  {\"id\": \"otd\", \"name\": \"On-time delivery\", \"unit\": \"%\", \"category\": \"delivery\","
  "   \"direction\": \"higher\", \"target\": 94, \"warning\": 90, \"critical\": 80, \"weight\": 1,"
  "   \"aggregation\": \"mean\", \"decimals\": 1},"
  "  {\"id\": \"ppm\", \"name\": \"PPM\", \"unit\": \"ppm\", \"category\": \"quality\","
  "   \"direction\": \"lower\", \"target\": 100, \"warning\": 200, \"critical\": 500, \"weight\": 1,"
  "   \"aggregation\": \"mean\", \"decimals\": 0}],"
  " \"partners\": [{\"id\": \"acme\", \"name\": \"Acme Castings\", \"type\": \"supplier\"}],"
  " \"series\": ["
  "  {\"partner\": \"acme\", \"kpi\": \"otd\", \"first\": \"2025-01\","
  "   \"values\": [90, 91, 89, 87, 88.1, 90, 92, 94.3, null]},"
  "  {\"partner\": \"acme\", \"kpi\": \"ppm\", \"first\": \"2025-01\","
  "   \"values\": [120, 110, 90, 85, 80, 150, 300, 350, null]}]}";

static ScWorkbook *
load_book (void)
{
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_load_from_data (book_json, strlen (book_json), "acme.scorecard", &error);

  g_assert_no_error (error);
  return book;
}

static ScIssue *
add_action (ScWorkbook *book,
            ScReview   *review,
            const char *title,
            const char *due)
{
  g_autofree char *id = sc_workbook_next_issue_id (book);
  g_autoptr(ScIssue) issue = sc_issue_new (id, "acme", title);

  sc_issue_set_due (issue, due);
  sc_issue_set_owner (issue, "Jana Weber");
  if (review != NULL)
    sc_issue_set_review_id (issue, sc_review_get_id (review));
  g_assert_true (sc_workbook_add_issue (book, issue));
  return issue;
}

static ScReview *
new_review (ScWorkbook *book,
            const char *date,
            const char *period)
{
  ScPartner *partner = sc_workbook_lookup_partner (book, "acme");
  ScRollup view;
  ScReview *review;

  g_assert_true (sc_rollup_parse (period, SC_GRANULARITY_MONTH, &view));
  review = sc_review_create (book, partner, date, &view);
  g_assert_true (sc_review_edit_add (NULL, book, review));
  g_object_unref (review);   /* the workbook holds it */
  return review;
}

/* The first review on 12 June (May's figures), four actions, held. */
static ScReview *
hold_first_review (ScWorkbook *book)
{
  g_autoptr(GError) error = NULL;
  ScReview *review = new_review (book, "2025-06-12", "2025-05");

  add_action (book, review, "Second supplier for castings", "2025-07-31");
  add_action (book, review, "Weekly delivery call", "2025-06-30");
  add_action (book, review, "Audit the packing line", "2025-08-15");
  add_action (book, review, "Recover sorting costs", "2025-07-01");
  g_assert_true (sc_review_edit_freeze (NULL, book, review, SC_REVIEW_HELD, &error));
  g_assert_no_error (error);
  return review;
}

static void
test_round_trip (void)
{
  g_autoptr(ScWorkbook) book = load_book ();
  g_autoptr(ScWorkbook) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  const char *ours[] = { "Ana Ruiz", "Tom Berg", NULL };
  const char *theirs[] = { "Li Wei", NULL };
  g_autoptr(GDateTime) sent = g_date_time_new_utc (2025, 6, 13, 9, 30, 0);
  ScReview *review = hold_first_review (book);
  ScReview *loaded;
  ScReviewSnapshot *snapshot;

  sc_review_set_attendees_ours (review, ours);
  sc_review_set_attendees_theirs (review, theirs);
  sc_review_set_decisions (review, "Dual sourcing from Q3.");
  sc_review_set_notes (review, "Li Wei to send the audit plan.");
  sc_review_set_sent (review, sent, "Acme-review-2025-06-12.pdf");

  bytes = sc_workbook_to_bytes (book);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"version\": 3,"));
  again = sc_workbook_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      "again.scorecard", &error);
  g_assert_no_error (error);
  bytes_again = sc_workbook_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));

  loaded = sc_workbook_lookup_review (again, "REV-0001");
  g_assert_nonnull (loaded);
  g_assert_cmpstr (sc_review_get_date (loaded), ==, "2025-06-12");
  g_assert_cmpstr (sc_review_get_period (loaded), ==, "2025-05");
  g_assert_cmpint (sc_review_get_state (loaded), ==, SC_REVIEW_SENT);
  g_assert_cmpstr (sc_review_get_attendees_ours (loaded)[1], ==, "Tom Berg");
  g_assert_cmpstr (sc_review_get_attendees_theirs (loaded)[0], ==, "Li Wei");
  g_assert_cmpstr (sc_review_get_decisions (loaded), ==, "Dual sourcing from Q3.");
  g_assert_cmpstr (sc_review_get_sent_file (loaded), ==, "Acme-review-2025-06-12.pdf");
  g_assert_true (g_date_time_equal (sc_review_get_sent_at (loaded), sent));
  snapshot = sc_review_get_snapshot (loaded);
  g_assert_nonnull (snapshot);
  g_assert_cmpfloat_with_epsilon (snapshot->score, (57.857142857142854 + 100) / 2, 1e-9);
  g_assert_cmpstr (snapshot->grade, ==, "B");
  g_assert_cmpuint (snapshot->issues->len, ==, 4);
  g_assert_true (sc_review_snapshot_same_figures (snapshot, sc_review_get_snapshot (review)));
  {
    g_autoptr(GPtrArray) actions = sc_workbook_dup_review_actions (again, loaded);
    g_assert_cmpuint (actions->len, ==, 4);
  }
}

/* A workbook written before reviews (version 1 and 2) still opens, with
 * none; it is written back in its old version.
 */
static void
test_old_file (void)
{
  g_autoptr(ScWorkbook) book = load_book ();
  g_autoptr(GBytes) bytes = sc_workbook_to_bytes (book);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "contoso-2024-2025.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScWorkbook) sample = sc_workbook_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_reviews (sample)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_reviews (book)), ==, 0);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"version\": 1,"));
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "reviews"));
}

static void
test_bad_review (void)
{
  static const char *cases[][2] = {
    { "{\"id\": \"R1\", \"partner\": \"nobody\", \"date\": \"2025-06-12\"}",
      "bad.scorecard: reviews[0]: unknown partner “nobody”" },
    { "{\"id\": \"R1\", \"partner\": \"acme\", \"date\": \"12/06/2025\"}",
      "bad.scorecard: reviews[0].date: “12/06/2025” is not a date written YYYY-MM-DD" },
    { "{\"id\": \"R1\", \"partner\": \"acme\", \"date\": \"2025-06-12\", \"state\": \"done\"}",
      "bad.scorecard: reviews[0].state: expected “draft”, “held” or “sent”, found “done”" },
    { "{\"id\": \"R1\", \"partner\": \"acme\", \"date\": \"2025-06-12\", \"agenda\": [1]}",
      "bad.scorecard: reviews[0].agenda: expected an array of strings" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("%.*s, \"reviews\": [%s]}", (int) strlen (book_json) - 1,
                                               book_json, cases[i][0]);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScWorkbook) book = sc_workbook_load_from_data (json, strlen (json), "bad.scorecard", &error);

      g_assert_null (book);
      g_assert_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i][1]);
    }
}

static void
test_agenda (void)
{
  g_autoptr(ScWorkbook) book = load_book ();
  ScReview *first = hold_first_review (book);
  ScReview *second;
  const char * const *agenda;

  agenda = sc_review_get_agenda (first);
  g_assert_cmpuint (g_strv_length ((char **) agenda), ==, 4);
  g_assert_cmpstr (agenda[0], ==, "Welcome and introductions");
  g_assert_cmpstr (agenda[1], ==, "Scorecard for May 2025: overall score 78.9, grade B");
  g_assert_cmpstr (agenda[2], ==, "Off target: On-time delivery at 88.1 % (target 94.0 %)");
  g_assert_cmpstr (agenda[3], ==, "Decisions and next actions");

  second = new_review (book, "2025-09-15", "2025-08");
  agenda = sc_review_get_agenda (second);
  g_assert_cmpuint (g_strv_length ((char **) agenda), ==, 7);
  g_assert_cmpstr (agenda[1], ==, "Scorecard for Aug 2025: overall score 68.8, grade C");
  g_assert_cmpstr (agenda[2], ==, "Since the last review on 12 June 2025");
  g_assert_cmpstr (agenda[3], ==, "Off target: PPM at 350 ppm (target 100 ppm)");
  g_assert_cmpstr (agenda[4], ==, "Follow up 4 open actions");
  g_assert_cmpstr (agenda[5], ==, "4 actions are overdue: new dates or escalation");
}

static void
test_since_last (void)
{
  g_autoptr(ScWorkbook) book = load_book ();
  ScReview *first = hold_first_review (book);
  g_autoptr(GPtrArray) actions = sc_workbook_dup_review_actions (book, first);
  g_auto(GStrv) first_sentences = NULL;
  g_auto(GStrv) sentences = NULL;
  ScReview *second;

  first_sentences = sc_review_since_last (book, first);
  g_assert_cmpstr (first_sentences[0], ==, "This is the first review with this partner.");
  g_assert_null (first_sentences[1]);

  /* Three of the four closed, one left open past its due date; two new */
  for (guint i = 0; i < 3; i++)
    sc_issue_set_status (g_ptr_array_index (actions, i), SC_ISSUE_CLOSED);
  add_action (book, NULL, "Burrs on flange", NULL);
  add_action (book, NULL, "Wrong labels", NULL);

  second = new_review (book, "2025-09-15", "2025-08");
  sentences = sc_review_since_last (book, second);
  g_assert_cmpstr (sentences[0], ==, "Overall score 78.9 (grade B) on 12 June → 68.8 (grade C).");
  g_assert_cmpstr (sentences[1], ==, "On-time delivery is back on target: 88.1 % → 94.3 %.");
  g_assert_cmpstr (sentences[2], ==, "PPM has moved off target: 80 ppm → 350 ppm.");
  g_assert_cmpstr (sentences[3], ==, "3 of 4 actions agreed on 12 June are closed.");
  g_assert_cmpstr (sentences[4], ==, "1 is still open, 1 of them overdue.");
  g_assert_cmpstr (sentences[5], ==, "2 new issues since 12 June.");
  g_assert_null (sentences[6]);
}

/* What was shown stays what was shown: an import that rewrites May's
 * value changes neither the frozen figures nor the frozen data, and the
 * review says the live data moved.
 */
static void
test_frozen_after_import (void)
{
  static const char csv[] = "partner,kpi,period,value\nAcme Castings,On-time delivery,2025-05,99.5\n";
  g_autoptr(ScWorkbook) book = load_book ();
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  ScReview *review = hold_first_review (book);
  ScReviewSnapshot *snapshot = sc_review_get_snapshot (review);
  const ScReviewKpiFigure *otd;
  ScWorkbook *frozen;
  ScPeriod may;

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-05", &may));
  g_assert_false (sc_review_live_differs (book, review));
  before = g_bytes_ref (snapshot->workbook);

  g_assert_true (sc_import_add_data (import, csv, strlen (csv), "fix.csv", &error));
  g_assert_no_error (error);
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_workbook_get_value (book, sc_workbook_lookup_partner (book, "acme"),
                                            sc_workbook_lookup_kpi (book, "otd"), may), ==, 99.5);

  g_assert_true (sc_review_get_snapshot (review) == snapshot);
  otd = sc_review_snapshot_find_kpi (snapshot, "otd");
  g_assert_cmpfloat (otd->value, ==, 88.1);
  g_assert_cmpint (otd->status, !=, SC_STATUS_GREEN);
  g_assert_true (g_bytes_equal (before, snapshot->workbook));
  frozen = sc_review_snapshot_get_book (snapshot, NULL);
  g_assert_cmpfloat (sc_workbook_get_value (frozen, sc_workbook_lookup_partner (frozen, "acme"),
                                            sc_workbook_lookup_kpi (frozen, "otd"), may), ==, 88.1);
  g_assert_true (sc_review_live_differs (book, review));

  /* Freezing again keeps the first figures */
  g_assert_true (sc_review_edit_freeze (NULL, book, review, SC_REVIEW_HELD, NULL));
  g_assert_true (sc_review_get_snapshot (review) == snapshot);
}

static void
test_undo (void)
{
  g_autoptr(ScWorkbook) book = load_book ();
  g_autoptr(ScUndoStack) stack = sc_undo_stack_new ();
  ScPartner *partner = sc_workbook_lookup_partner (book, "acme");
  ScRollup view = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  g_autoptr(ScReview) review = sc_review_create (book, partner, "2025-06-12", &view);
  const char *ours[] = { "Ana Ruiz", NULL };

  g_assert_true (sc_review_edit_add (stack, book, review));
  g_assert_true (sc_review_edit_set_string (stack, review, "decisions", "Dual sourcing."));
  g_assert_true (sc_review_edit_set_strv (stack, review, "attendees-ours", ours));
  g_assert_null (sc_score_history_lookup (book, partner, view.anchor));
  g_assert_true (sc_review_edit_freeze (stack, book, review, SC_REVIEW_HELD, NULL));
  g_assert_cmpint (sc_review_get_state (review), ==, SC_REVIEW_HELD);
  g_assert_true (sc_review_is_frozen (review));
  /* Held: the period's score is kept as the partner was told it */
  g_assert_nonnull (sc_score_history_lookup (book, partner, view.anchor));
  g_assert_cmpint (sc_score_history_lookup (book, partner, view.anchor)->reason, ==, SC_SCORED_THEN_REVIEW);
  g_assert_cmpfloat_with_epsilon (sc_score_history_lookup (book, partner, view.anchor)->score,
                                  sc_review_get_snapshot (review)->score, 1e-9);

  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_false (sc_review_is_frozen (review));
  g_assert_null (sc_score_history_lookup (book, partner, view.anchor));
  g_assert_cmpint (sc_review_get_state (review), ==, SC_REVIEW_DRAFT);
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_cmpuint (g_strv_length ((char **) sc_review_get_attendees_ours (review)), ==, 0);
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_cmpstr (sc_review_get_decisions (review), ==, "");
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_null (sc_workbook_lookup_review (book, "REV-0001"));
  g_assert_true (sc_undo_stack_redo (stack));
  g_assert_true (sc_workbook_lookup_review (book, "REV-0001") == review);

  /* Removing the partner removes its reviews */
  sc_workbook_remove_partner (book, partner);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_reviews (book)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reviews/round-trip", test_round_trip);
  g_test_add_func ("/reviews/old-file", test_old_file);
  g_test_add_func ("/reviews/bad-review", test_bad_review);
  g_test_add_func ("/reviews/agenda", test_agenda);
  g_test_add_func ("/reviews/since-last", test_since_last);
  g_test_add_func ("/reviews/frozen-after-import", test_frozen_after_import);
  g_test_add_func ("/reviews/undo", test_undo);

  return g_test_run ();
}
