/* test-period-weighting.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of sc-period-weighting.c and its use by the scorer: the worked
 * examples of docs/scoring.md ("A score over several periods") for equal,
 * linear and exponential weights with a missing period, the history, the
 * change and the rank, the setting in the file, and old workbooks scoring
 * as before.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-score.h"
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

static void
assert_score (double actual,
              double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, expected, 0.005);
}

/* The worked example: on-time delivery (target 95 %, warning 90 %,
 * critical 80 %) of Atlas Castings, January to June 2025, April missing.
 * The monthly scores are 100, 83.33, 0, —, 50 and 70.
 */
static ScWorkbook *
new_example_book (ScPartner **out_partner)
{
  static const double values[] = { 95, 92.5, 80, NAN, 87.5, 90.5 };
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(ScKpi) kpi = sc_kpi_new ("otd", "On-time delivery");
  g_autoptr(ScPartner) partner = sc_partner_new ("atlas", "Atlas Castings", SC_PARTNER_SUPPLIER);
  g_autoptr(ScPartner) other = sc_partner_new ("birch", "Birch Plastics", SC_PARTNER_SUPPLIER);

  sc_kpi_set_direction (kpi, SC_DIRECTION_HIGHER);
  sc_kpi_set_target (kpi, 95);
  sc_kpi_set_warning (kpi, 90);
  sc_kpi_set_critical (kpi, 80);
  sc_kpi_set_weight (kpi, 1);
  sc_workbook_add_kpi (book, kpi);
  sc_workbook_add_partner (book, partner);
  sc_workbook_add_partner (book, other);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (!isnan (values[i]))
        g_assert_true (sc_workbook_set_value (book, partner, kpi, month ("2025-01") + i, values[i], NULL));
      /* Birch: 92 every month, 80 points */
      g_assert_true (sc_workbook_set_value (book, other, kpi, month ("2025-01") + i, 92, NULL));
    }

  *out_partner = partner;
  return book;
}

static double
score_in (ScWorkbook *book,
          ScPartner  *partner,
          const char *period)
{
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  ScRollup rollup = { SC_ROLLUP_PERIOD, month (period) };

  return sc_scorer_overall (scorer, partner, &rollup);
}

static void
set_weighting (ScWorkbook *book,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  ScPeriodWeighting w;

  g_assert_true (sc_period_weighting_parse (text, &w, &error));
  g_assert_no_error (error);
  sc_workbook_set_period_weighting (book, &w);
}

/* The table of docs/scoring.md: June over the last four months (June, May,
 * April without data, March).
 */
static void
test_worked_examples (void)
{
  ScPartner *partner;
  g_autoptr(ScWorkbook) book = new_example_book (&partner);
  static const struct
  {
    const char *weighting;
    double      june;
    double      april;   /* a view whose own period has no data */
  } expected[] = {
    { "latest", 70, NAN },
    /* (70 + 50 + 0) / 3 */
    { "equal:4", 40, (0 + 83.3333 + 100) / 3 },
    /* (4 × 70 + 3 × 50 + 1 × 0) / (4 + 3 + 1) */
    { "linear:4", 53.75, (3 * 0 + 2 * 83.3333 + 1 * 100) / 6.0 },
    /* weights 1, ½, ¼, ⅛; April's ¼ left out: (70 + 25 + 0) / 1.625 */
    { "exponential:4:1", 58.4615, (0.5 * 0 + 0.25 * 83.3333 + 0.125 * 100) / 0.875 },
    /* weights 1, 0.7071, 0.5, 0.3536 */
    { "exponential:4:2", (70 + 0.70711 * 50) / (1 + 0.70711 + 0.35355),
      (0.70711 * 0 + 0.5 * 83.3333 + 0.35355 * 100) / (0.70711 + 0.5 + 0.35355) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i].weighting);
      set_weighting (book, expected[i].weighting);
      assert_score (score_in (book, partner, "2025-06"), expected[i].june);
      assert_score (score_in (book, partner, "2025-04"), expected[i].april);
    }
}

static void
test_weights (void)
{
  ScPeriodWeighting w = { SC_WEIGHTING_EXPONENTIAL, 4, 2 };
  double weights[4];

  sc_period_weighting_get_weights (&w, weights);
  assert_score (weights[0], 1);
  assert_score (weights[1], 0.70711);
  assert_score (weights[2], 0.5);
  assert_score (weights[3], 0.35355);

  w.mode = SC_WEIGHTING_LINEAR;
  sc_period_weighting_get_weights (&w, weights);
  assert_score (weights[0], 4);
  assert_score (weights[3], 1);
}

/* The result, the list summary and the history agree; the change is the
 * weighted score minus the weighted score of the month before.
 */
static void
test_everywhere (void)
{
  ScPartner *partner;
  g_autoptr(ScWorkbook) book = new_example_book (&partner);
  g_autoptr(ScScorer) scorer = NULL;
  g_autoptr(ScPartnerResult) result = NULL;
  g_autoptr(GPtrArray) all = NULL;
  ScRollup june = { SC_ROLLUP_PERIOD, month ("2025-06") };
  ScPartnerSummary summary;
  double history[6];

  set_weighting (book, "linear:4");
  scorer = sc_scorer_new (book);
  result = sc_scorer_score_partner (scorer, partner, &june);
  assert_score (result->score, 53.75);
  g_assert_cmpstr (result->grade, ==, "D");
  /* May over May, April, March, February: (4 × 50 + 2 × 0 + 1 × 83.33) / 7 */
  assert_score (result->change, 53.75 - (200 + 83.3333) / 7);
  /* The KPI's own figures stay the month's */
  assert_score (g_array_index (result->kpis, ScKpiResult, 0).score, 70);

  sc_scorer_summarize (scorer, partner, &june, TRUE, &summary);
  assert_score (summary.score, 53.75);
  assert_score (summary.change, result->change);
  g_assert_cmpfloat (summary.slope, ==, result->slope);

  sc_scorer_overall_history (scorer, partner, SC_ROLLUP_PERIOD, history);
  assert_score (history[5], 53.75);
  assert_score (history[4], (200 + 83.3333) / 7);
  /* January alone: 100 */
  assert_score (history[0], 100);

  /* summary --json says which weighting its scores use */
  {
    g_autofree char *json = sc_summary_to_json (book, june.anchor);

    g_assert_nonnull (strstr (json, "\"weighting\": \"linear:4\""));
    g_assert_nonnull (strstr (json, "\"score\": 53.75,"));
  }

  /* The one month without weighting */
  assert_score (sc_scorer_view_score (scorer, partner, &june), 70);

  /* Ranking uses the weighted score: Birch's 80 beats Atlas's 53.75 */
  all = sc_scorer_score_all (scorer, &june);
  g_assert_cmpuint (((ScPartnerResult *) g_ptr_array_index (all, 0))->rank, ==, 2);
  g_assert_cmpuint (((ScPartnerResult *) g_ptr_array_index (all, 1))->rank, ==, 1);
}

/* A quarter view combines the quarters before it. */
static void
test_quarters (void)
{
  ScPartner *partner;
  g_autoptr(ScWorkbook) book = new_example_book (&partner);
  g_autoptr(ScScorer) scorer = NULL;
  ScRollup q2 = { SC_ROLLUP_QUARTER, month ("2025-06") };

  set_weighting (book, "equal:2");
  scorer = sc_scorer_new (book);
  /* Q2: mean of 87.5 and 90.5 = 89 → 60; Q1: mean 89.17 → 61.11 */
  assert_score (sc_scorer_overall (scorer, partner, &q2), (60 + 100 * (1 - (95 - 89.1667) / 15)) / 2);
}

static void
test_text_form (void)
{
  static const char *good[] = { "latest", "equal:12", "linear:6", "exponential:12:3", "exponential:24:1.5" };
  static const char *bad[] = { "", "recent", "equal", "equal:1", "equal:61", "linear:x", "exponential:12",
                               "exponential:12:0", "latest:3", "equal:12:3" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;
      ScPeriodWeighting w;

      g_assert_true (sc_period_weighting_parse (good[i], &w, &error));
      back = sc_period_weighting_to_string (&w);
      g_assert_cmpstr (back, ==, good[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      ScPeriodWeighting w;

      g_test_message ("%s", bad[i]);
      g_assert_false (sc_period_weighting_parse (bad[i], &w, &error));
      g_assert_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID);
    }
}

/* The setting survives a save; a file without it scores the latest period
 * only, and is written without it.
 */
static void
test_file (void)
{
  ScPartner *partner;
  g_autoptr(ScWorkbook) book = new_example_book (&partner);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(ScWorkbook) back = NULL;
  g_autoptr(GError) error = NULL;
  const ScPeriodWeighting *w;

  plain = sc_workbook_to_bytes (book);
  g_assert_null (g_strstr_len (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), "period_weighting"));

  set_weighting (book, "exponential:12:3");
  bytes = sc_workbook_to_bytes (book);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"period_weighting\""));
  back = sc_workbook_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "book.scorecard", &error);
  g_assert_no_error (error);
  w = sc_workbook_get_period_weighting (back);
  g_assert_cmpint (w->mode, ==, SC_WEIGHTING_EXPONENTIAL);
  g_assert_cmpuint (w->n_periods, ==, 12);
  g_assert_cmpfloat (w->half_life, ==, 3);
}

static void
test_file_errors (void)
{
  static const struct
  {
    const char *member;
    const char *message;
  } cases[] = {
    { "{\"mode\": \"recent\"}", "book.scorecard: settings.period_weighting.mode: expected “latest”, “equal”, “linear” or “exponential”, found “recent”" },
    { "{\"mode\": \"equal\"}", "book.scorecard: settings.period_weighting.periods: is missing" },
    { "{\"mode\": \"equal\", \"periods\": 1.5}", "book.scorecard: settings.period_weighting.periods: expected a whole number from 2 to 60" },
    { "{\"mode\": \"exponential\", \"periods\": 12}", "book.scorecard: settings.period_weighting.half_life: is missing" },
    { "{\"mode\": \"exponential\", \"periods\": 12, \"half_life\": 0}", "book.scorecard: settings.period_weighting: the half-life must be more than 0 and at most 60 periods" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"scorecards\", \"version\": 2, \"settings\": "
                                               "{\"period_weighting\": %s}}", cases[i].member);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScWorkbook) book = sc_workbook_load_from_data (text, strlen (text), "book.scorecard", &error);

      g_assert_null (book);
      g_assert_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* The sample workbook predates the setting: every partner scores what its
 * single view scores, and it is written back without new members.
 */
static void
test_old_workbook (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "contoso-2024-2025.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = sc_workbook_load_from_file (file, NULL, &error);
  g_autoptr(ScScorer) scorer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GListModel *partners;
  ScRollup rollup;

  g_assert_no_error (error);
  g_assert_true (sc_period_weighting_is_latest (sc_workbook_get_period_weighting (book)));
  scorer = sc_scorer_new (book);
  partners = sc_workbook_get_partners (book);
  rollup = (ScRollup) { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(ScPartnerResult) result = sc_scorer_score_partner (scorer, partner, &rollup);
      double sum = 0;

      for (guint k = 0; k < result->kpis->len; k++)
        sum += g_array_index (result->kpis, ScKpiResult, k).contribution;
      assert_score (result->score, sum);
      assert_score (result->score, sc_scorer_view_score (scorer, partner, &rollup));
    }

  bytes = sc_workbook_to_bytes (book);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "period_weighting"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period-weighting/worked-examples", test_worked_examples);
  g_test_add_func ("/period-weighting/weights", test_weights);
  g_test_add_func ("/period-weighting/everywhere", test_everywhere);
  g_test_add_func ("/period-weighting/quarters", test_quarters);
  g_test_add_func ("/period-weighting/text-form", test_text_form);
  g_test_add_func ("/period-weighting/file", test_file);
  g_test_add_func ("/period-weighting/file-errors", test_file_errors);
  g_test_add_func ("/period-weighting/old-workbook", test_old_workbook);

  return g_test_run ();
}
