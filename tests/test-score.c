/* test-score.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of sc-score.c against hand-computed numbers: KPI status and score
 * in each direction, a partner's weighted overall score, overrides, the
 * trend slope, ranks and trend classes.
 */

#include "config.h"

#include <math.h>

#include "sc-score.h"
#include "sc-scorer.h"

typedef struct
{
  double   value;
  ScStatus status;
  double   score;
} Expectation;

static ScPeriod
month (const char *str)
{
  ScPeriod period;

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, str, &period));
  return period;
}

static ScKpi *
new_kpi (const char  *id,
         ScDirection  direction,
         double       target,
         double       warning,
         double       critical,
         double       weight)
{
  ScKpi *kpi = sc_kpi_new (id, NULL);

  sc_kpi_set_direction (kpi, direction);
  sc_kpi_set_target (kpi, target);
  sc_kpi_set_warning (kpi, warning);
  sc_kpi_set_critical (kpi, critical);
  sc_kpi_set_weight (kpi, weight);

  return kpi;
}

static void
assert_same_score (double actual,
                   double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, expected, 0.005);
}

static void
assert_expectations (ScKpi             *kpi,
                     const Expectation *expected,
                     guint              n)
{
  double target = sc_kpi_get_target (kpi);

  for (guint i = 0; i < n; i++)
    {
      g_test_message ("value %g", expected[i].value);
      g_assert_cmpstr (sc_status_to_string (sc_score_status (kpi, target, expected[i].value)), ==,
                       sc_status_to_string (expected[i].status));
      assert_same_score (sc_score_value (kpi, target, expected[i].value), expected[i].score);
    }
}

/* A workbook whose KPI "score" has target 100, warning 50 and critical 0,
 * so that a partner's score equals the value entered.
 */
static ScWorkbook *
new_identity_book (void)
{
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(ScKpi) kpi = new_kpi ("score", SC_DIRECTION_HIGHER, 100, 50, 0, 1);

  sc_workbook_add_kpi (book, kpi);
  return book;
}

static ScPartner *
add_partner (ScWorkbook    *book,
             const char    *id,
             ScPartnerType  type)
{
  g_autoptr(ScPartner) partner = sc_partner_new (id, NULL, type);

  g_assert_true (sc_workbook_add_partner (book, partner));
  return partner;
}

/* Enters @values for @partner's "score" KPI in the periods ending at @last. */
static void
set_scores (ScWorkbook   *book,
            ScPartner    *partner,
            ScPeriod      last,
            const double *values,
            guint         n)
{
  ScKpi *kpi = sc_workbook_lookup_kpi (book, "score");

  for (guint i = 0; i < n; i++)
    g_assert_true (sc_workbook_set_value (book, partner, kpi, last - (ScPeriod) (n - 1 - i),
                                          values[i], NULL));
}

/* KPI scores */

static void
test_higher_is_better (void)
{
  g_autoptr(ScKpi) kpi = new_kpi ("otd", SC_DIRECTION_HIGHER, 95, 90, 80, 1);
  static const Expectation expected[] = {
    { 95, SC_STATUS_GREEN, 100 },
    { 97, SC_STATUS_GREEN, 100 },
    /* 2.5 of the 15 points to the critical threshold: 100 × (1 − 2.5/15) */
    { 92.5, SC_STATUS_AMBER, 83.33 },
    { 90, SC_STATUS_AMBER, 66.67 },
    { 85, SC_STATUS_RED, 33.33 },
    { 80, SC_STATUS_RED, 0 },
    { 70, SC_STATUS_RED, 0 },
    { NAN, SC_STATUS_NO_DATA, NAN },
  };

  assert_expectations (kpi, expected, G_N_ELEMENTS (expected));
}

static void
test_lower_is_better (void)
{
  g_autoptr(ScKpi) kpi = new_kpi ("ppm", SC_DIRECTION_LOWER, 250, 500, 1000, 1);
  static const Expectation expected[] = {
    { 0, SC_STATUS_GREEN, 100 },
    { 250, SC_STATUS_GREEN, 100 },
    { 375, SC_STATUS_AMBER, 83.33 },
    { 500, SC_STATUS_AMBER, 66.67 },
    { 625, SC_STATUS_RED, 50 },
    { 1000, SC_STATUS_RED, 0 },
    { 7479, SC_STATUS_RED, 0 },
    { NAN, SC_STATUS_NO_DATA, NAN },
  };

  assert_expectations (kpi, expected, G_N_ELEMENTS (expected));
}

static void
test_band (void)
{
  g_autoptr(ScKpi) kpi = new_kpi ("wall", SC_DIRECTION_BAND, 20, 2, 5, 1);
  static const Expectation expected[] = {
    { 22, SC_STATUS_GREEN, 100 },
    { 20, SC_STATUS_GREEN, 100 },
    { 25, SC_STATUS_GREEN, 100 },
    { 26, SC_STATUS_AMBER, 80 },
    { 27, SC_STATUS_AMBER, 60 },
    { 28, SC_STATUS_RED, 40 },
    { 30, SC_STATUS_RED, 0 },
    { 19, SC_STATUS_AMBER, 80 },
    { 17, SC_STATUS_RED, 40 },
    { 10, SC_STATUS_RED, 0 },
    { NAN, SC_STATUS_NO_DATA, NAN },
  };

  sc_kpi_set_target_max (kpi, 25);
  assert_expectations (kpi, expected, G_N_ELEMENTS (expected));
}

/* The status and score use the target they are given, not the KPI's. */
static void
test_target_argument (void)
{
  g_autoptr(ScKpi) kpi = new_kpi ("otd", SC_DIRECTION_HIGHER, 95, 90, 80, 1);

  g_assert_cmpint (sc_score_status (kpi, 92, 92), ==, SC_STATUS_GREEN);
  g_assert_cmpfloat (sc_score_value (kpi, 92, 92), ==, 100);
  /* 1 of the 12 points from 92 down to 80 */
  assert_same_score (sc_score_value (kpi, 92, 91), 91.67);
}

/* A new KPI has no target: a value is "no target", with no score */
static void
test_no_target (void)
{
  g_autoptr(ScKpi) kpi = sc_kpi_new ("scrap_cost", "Ausschusskosten EUR");
  static const Expectation expected[] = {
    { 12480, SC_STATUS_NO_TARGET, NAN },
    { 0, SC_STATUS_NO_TARGET, NAN },
    { NAN, SC_STATUS_NO_DATA, NAN },
  };

  g_assert_false (sc_kpi_has_target (kpi));
  g_assert_true (isnan (sc_kpi_get_warning (kpi)));
  g_assert_true (isnan (sc_kpi_get_critical (kpi)));
  assert_expectations (kpi, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (sc_status_to_string (SC_STATUS_NO_TARGET), ==, "no-target");
  g_assert_cmpstr (sc_status_get_label (SC_STATUS_NO_TARGET), ==, "No target");
}

/* A target without thresholds: no amber, and the score falls to 0 right
 * past the target; with a warning threshold only, the score's 0 is there.
 */
static void
test_unset_thresholds (void)
{
  g_autoptr(ScKpi) kpi = new_kpi ("cost", SC_DIRECTION_LOWER, 5000, NAN, NAN, 1);
  g_autoptr(ScKpi) warned = new_kpi ("cost", SC_DIRECTION_LOWER, 5000, 8000, NAN, 1);
  static const Expectation expected[] = {
    { 4000, SC_STATUS_GREEN, 100 },
    { 5000, SC_STATUS_GREEN, 100 },
    { 5001, SC_STATUS_RED, 0 },
  };
  static const Expectation expected_warned[] = {
    { 5000, SC_STATUS_GREEN, 100 },
    /* 1,500 of the 3,000 to the warning threshold */
    { 6500, SC_STATUS_AMBER, 50 },
    { 8000, SC_STATUS_AMBER, 0 },
    { 9000, SC_STATUS_RED, 0 },
  };

  assert_expectations (kpi, expected, G_N_ELEMENTS (expected));
  assert_expectations (warned, expected_warned, G_N_ELEMENTS (expected_warned));
}

/* Partner scores */

/* A KPI without a target stays out of the score, of its category and of
 * the history; it is listed with its value and "no target".
 */
static void
test_partner_no_target (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScKpi) otd = new_kpi ("otd", SC_DIRECTION_HIGHER, 95, 90, 80, 1);
  g_autoptr(ScKpi) cost = sc_kpi_new ("scrap_cost", "Ausschusskosten EUR");
  ScPartner *s01 = add_partner (book, "s01", SC_PARTNER_SUPPLIER);
  g_autoptr(ScPartnerResult) result = NULL;
  g_autoptr(ScScorer) scorer = NULL;
  ScKpiResult *kr;
  double history[2];

  sc_kpi_set_direction (cost, SC_DIRECTION_LOWER);
  sc_kpi_set_category (cost, "cost");
  sc_workbook_add_kpi (book, otd);
  sc_workbook_add_kpi (book, cost);
  sc_workbook_set_value (book, s01, otd, month ("2025-03"), 92.5, NULL);
  sc_workbook_set_value (book, s01, cost, month ("2025-02"), 1234.5, NULL);
  sc_workbook_set_value (book, s01, cost, month ("2025-03"), 12480, NULL);

  result = sc_score_partner (book, s01, month ("2025-03"));
  /* Only on-time delivery counts: 83.33, not the mean with a 100 */
  assert_same_score (result->score, 83.33);
  kr = &g_array_index (result->kpis, ScKpiResult, 1);
  g_assert_cmpint (kr->status, ==, SC_STATUS_NO_TARGET);
  g_assert_true (isnan (kr->score));
  g_assert_true (isnan (kr->target));
  g_assert_cmpfloat (kr->value, ==, 12480);
  g_assert_cmpfloat (kr->share, ==, 0);
  g_assert_cmpfloat (kr->contribution, ==, 0);
  g_assert_true (isnan (g_array_index (result->categories, ScCategoryResult, 1).score));

  /* 2025-02 has only the KPI without a target: no score at all */
  assert_same_score (sc_score_partner_period (book, s01, month ("2025-02")), NAN);
  scorer = sc_scorer_new (book);
  sc_scorer_overall_history (scorer, s01, SC_ROLLUP_PERIOD, history);
  assert_same_score (history[0], NAN);
  assert_same_score (history[1], 83.33);
}

/* s01 with otd (weight 2) at 97 → 100, ppm (weight 1) at 700 → 40, and
 * scrap (weight 5) with a series but no value in 2025-04.
 */
static ScWorkbook *
new_weighted_book (void)
{
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(ScKpi) otd = new_kpi ("otd", SC_DIRECTION_HIGHER, 95, 90, 80, 2);
  g_autoptr(ScKpi) ppm = new_kpi ("ppm", SC_DIRECTION_LOWER, 250, 500, 1000, 1);
  g_autoptr(ScKpi) scrap = new_kpi ("scrap", SC_DIRECTION_LOWER, 1.5, 2.5, 4, 5);
  ScPartner *s01 = add_partner (book, "s01", SC_PARTNER_SUPPLIER);

  sc_workbook_add_kpi (book, otd);
  sc_workbook_add_kpi (book, ppm);
  sc_workbook_add_kpi (book, scrap);
  sc_workbook_set_value (book, s01, otd, month ("2025-04"), 97, NULL);
  sc_workbook_set_value (book, s01, ppm, month ("2025-04"), 700, NULL);
  sc_workbook_set_value (book, s01, scrap, month ("2025-03"), 1.2, NULL);

  return book;
}

static void
test_partner_weighted_mean (void)
{
  g_autoptr(ScWorkbook) book = new_weighted_book ();
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  g_autoptr(ScPartnerResult) result = sc_score_partner (book, s01, month ("2025-04"));
  ScKpiResult *scrap;

  /* (2 × 100 + 1 × 40) / 3; scrap has no value and its weight drops out */
  assert_same_score (result->score, 80);
  g_assert_cmpstr (result->grade, ==, "B");
  assert_same_score (sc_score_partner_period (book, s01, month ("2025-04")), 80);

  g_assert_cmpuint (result->kpis->len, ==, 3);
  scrap = &g_array_index (result->kpis, ScKpiResult, 2);
  g_assert_cmpstr (sc_kpi_get_id (scrap->kpi), ==, "scrap");
  g_assert_cmpint (scrap->status, ==, SC_STATUS_NO_DATA);
  g_assert_true (isnan (scrap->value));
  g_assert_cmpfloat (scrap->previous, ==, 1.2);

  /* In 2025-03 only scrap has data */
  assert_same_score (sc_score_partner_period (book, s01, month ("2025-03")), 100);
}

static void
test_partner_override (void)
{
  g_autoptr(ScWorkbook) book = new_weighted_book ();
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  g_autoptr(ScPartnerResult) result = NULL;
  ScKpiResult *ppm;

  /* A tighter PPM target of 400 with weight 2: 700 is 300 past it, of the
   * 600 to the critical 1000, so 50; (2 × 100 + 2 × 50) / 4 = 75
   */
  sc_partner_set_override (s01, "ppm", 400, 2);
  result = sc_score_partner (book, s01, month ("2025-04"));

  ppm = &g_array_index (result->kpis, ScKpiResult, 1);
  g_assert_cmpfloat (ppm->target, ==, 400);
  g_assert_cmpfloat (ppm->weight, ==, 2);
  g_assert_cmpint (ppm->status, ==, SC_STATUS_RED);
  assert_same_score (ppm->score, 50);
  assert_same_score (result->score, 75);

  /* Only the weight overridden: the KPI's own target applies */
  sc_partner_set_override (s01, "ppm", NAN, 4);
  assert_same_score (sc_score_partner_period (book, s01, month ("2025-04")), (200 + 160) / 6.0);
}

/* What the sidebar keeps of a result: the score, grade and reds */
static void
test_partner_summary (void)
{
  g_autoptr(ScWorkbook) book = new_weighted_book ();
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  g_autoptr(ScPartnerResult) result = NULL;
  ScPartnerSummary summary;

  sc_partner_set_override (s01, "ppm", 400, 2);
  result = sc_score_partner (book, s01, month ("2025-04"));
  sc_partner_summary_init (&summary, result);

  assert_same_score (summary.score, 75);
  g_assert_cmpstr (summary.grade, ==, result->grade);
  g_assert_cmpuint (summary.n_red, ==, 1);
  g_assert_cmpint (summary.trend, ==, result->trend);
  g_assert_cmpfloat (summary.change, ==, result->change);

  /* No result: no data, nothing red */
  sc_partner_summary_init (&summary, NULL);
  g_assert_true (isnan (summary.score));
  g_assert_null (summary.grade);
  g_assert_cmpuint (summary.n_red, ==, 0);
  g_assert_cmpint (summary.trend, ==, SC_TREND_NONE);
}

static void
test_partner_zero_weights (void)
{
  g_autoptr(ScWorkbook) book = new_weighted_book ();
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  g_autoptr(ScPartnerResult) result = NULL;

  sc_kpi_set_weight (sc_workbook_lookup_kpi (book, "otd"), 0);
  sc_partner_set_override (s01, "ppm", NAN, 0);
  result = sc_score_partner (book, s01, month ("2025-04"));

  g_assert_true (isnan (result->score));
  g_assert_null (result->grade);
  /* The KPIs themselves are still scored */
  assert_same_score (g_array_index (result->kpis, ScKpiResult, 0).score, 100);
}

static void
test_partner_without_data (void)
{
  g_autoptr(ScWorkbook) book = new_weighted_book ();
  ScPartner *s02 = add_partner (book, "s02", SC_PARTNER_SUPPLIER);
  g_autoptr(ScPartnerResult) result = sc_score_partner (book, s02, month ("2025-04"));
  g_autoptr(ScPartnerResult) outside = NULL;

  g_assert_true (isnan (result->score));
  g_assert_null (result->grade);
  g_assert_cmpint (result->trend, ==, SC_TREND_NONE);
  g_assert_cmpuint (result->kpis->len, ==, 0);

  /* A period outside the workbook's range is no data, not a crash */
  outside = sc_score_partner (book, sc_workbook_lookup_partner (book, "s01"), month ("2030-01"));
  g_assert_true (isnan (outside->score));
}

/* Trend slope */

static void
test_least_squares (void)
{
  static const double rising[] = { 1, 2, 3 };
  static const double falling[] = { 3, 2, 1 };
  static const double flat[] = { 2, 2, 2, 2 };
  static const double holes[] = { 1, NAN, 3, NAN, 5 };
  static const double noisy[] = { 2, 1, 4, 3 };
  static const double one[] = { NAN, 4, NAN };

  g_assert_cmpfloat (sc_least_squares_slope (rising, 3), ==, 1);
  g_assert_cmpfloat (sc_least_squares_slope (falling, 3), ==, -1);
  g_assert_cmpfloat (sc_least_squares_slope (flat, 4), ==, 0);
  g_assert_cmpfloat (sc_least_squares_slope (holes, 5), ==, 1);
  /* x̄ = 1.5, ȳ = 2.5: Σ(x − x̄)(y − ȳ) = 3, Σ(x − x̄)² = 5 */
  g_assert_cmpfloat_with_epsilon (sc_least_squares_slope (noisy, 4), 0.6, 1e-12);

  g_assert_true (isnan (sc_least_squares_slope (one, 3)));
  g_assert_true (isnan (sc_least_squares_slope (rising, 1)));
  g_assert_true (isnan (sc_least_squares_slope (rising, 0)));
}

static void
test_rank (void)
{
  g_autoptr(ScWorkbook) book = new_identity_book ();
  static const struct {
    const char    *id;
    ScPartnerType  type;
    double         score;
    guint          rank;
  } partners[] = {
    { "s01", SC_PARTNER_SUPPLIER, 80, 2 },
    { "s02", SC_PARTNER_SUPPLIER, 100, 1 },
    { "c01", SC_PARTNER_CUSTOMER, 50, 2 },
    { "s03", SC_PARTNER_SUPPLIER, 40, 4 },
    { "s04", SC_PARTNER_SUPPLIER, 80, 2 },
    { "s05", SC_PARTNER_SUPPLIER, NAN, 0 },
    { "c02", SC_PARTNER_CUSTOMER, 90, 1 },
  };
  g_autoptr(GPtrArray) results = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      ScPartner *partner = add_partner (book, partners[i].id, partners[i].type);

      set_scores (book, partner, month ("2025-04"), &partners[i].score, 1);
    }

  results = sc_score_all (book, month ("2025-04"));
  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (partners));
  for (guint i = 0; i < results->len; i++)
    {
      ScPartnerResult *result = g_ptr_array_index (results, i);

      /* In the workbook's order, ranked within suppliers and customers */
      g_assert_cmpstr (sc_partner_get_id (result->partner), ==, partners[i].id);
      assert_same_score (result->score, partners[i].score);
      g_assert_cmpuint (result->rank, ==, partners[i].rank);
    }
}

static void
test_trend (void)
{
  g_autoptr(ScWorkbook) book = new_identity_book ();
  static const double improving[] = { 40, 50, 60, 70 };
  static const double stable[] = { 80, 80.2, 80.4, 80.6 };
  static const double declining[] = { 90, 80, NAN, 60 };
  static const double single[] = { NAN, NAN, NAN, 75 };
  static const struct {
    const char   *id;
    const double *values;
    ScTrend       trend;
    double        slope;
    double        change;
  } cases[] = {
    { "s01", improving, SC_TREND_IMPROVING, 10, 10 },
    { "s02", stable, SC_TREND_STABLE, 0.2, 0.2 },
    { "s03", declining, SC_TREND_DECLINING, -10, NAN },
    { "s04", single, SC_TREND_NONE, NAN, NAN },
  };

  sc_workbook_set_trend_periods (book, 4);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScPartner *partner = add_partner (book, cases[i].id, SC_PARTNER_SUPPLIER);

      set_scores (book, partner, month ("2025-06"), cases[i].values, 4);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScPartner *partner = sc_workbook_lookup_partner (book, cases[i].id);
      g_autoptr(ScPartnerResult) result = sc_score_partner (book, partner, month ("2025-06"));

      g_test_message ("partner %s", cases[i].id);
      g_assert_cmpstr (sc_trend_to_string (result->trend), ==, sc_trend_to_string (cases[i].trend));
      assert_same_score (result->slope, cases[i].slope);
      assert_same_score (result->change, cases[i].change);
    }
}

/* Only the last trend_periods periods count for the slope. */
static void
test_trend_window (void)
{
  g_autoptr(ScWorkbook) book = new_identity_book ();
  ScPartner *s01 = add_partner (book, "s01", SC_PARTNER_SUPPLIER);
  static const double values[] = { 10, 20, 30, 90, 90, 90 };
  g_autoptr(ScPartnerResult) wide = NULL;
  g_autoptr(ScPartnerResult) narrow = NULL;

  set_scores (book, s01, month ("2025-06"), values, G_N_ELEMENTS (values));

  sc_workbook_set_trend_periods (book, 6);
  wide = sc_score_partner (book, s01, month ("2025-06"));
  g_assert_cmpint (wide->trend, ==, SC_TREND_IMPROVING);

  sc_workbook_set_trend_periods (book, 3);
  narrow = sc_score_partner (book, s01, month ("2025-06"));
  g_assert_cmpint (narrow->trend, ==, SC_TREND_STABLE);
  g_assert_cmpfloat (narrow->slope, ==, 0);
}

static void
test_strings (void)
{
  g_assert_cmpstr (sc_status_to_string (SC_STATUS_GREEN), ==, "green");
  g_assert_cmpstr (sc_status_to_string (SC_STATUS_AMBER), ==, "amber");
  g_assert_cmpstr (sc_status_to_string (SC_STATUS_RED), ==, "red");
  g_assert_cmpstr (sc_status_to_string (SC_STATUS_NO_DATA), ==, "no-data");
  g_assert_cmpstr (sc_trend_to_string (SC_TREND_IMPROVING), ==, "improving");
  g_assert_cmpstr (sc_trend_to_string (SC_TREND_STABLE), ==, "stable");
  g_assert_cmpstr (sc_trend_to_string (SC_TREND_DECLINING), ==, "declining");
  g_assert_cmpstr (sc_trend_to_string (SC_TREND_NONE), ==, "none");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/score/kpi/higher-is-better", test_higher_is_better);
  g_test_add_func ("/score/kpi/lower-is-better", test_lower_is_better);
  g_test_add_func ("/score/kpi/band", test_band);
  g_test_add_func ("/score/kpi/target-argument", test_target_argument);
  g_test_add_func ("/score/kpi/no-target", test_no_target);
  g_test_add_func ("/score/kpi/unset-thresholds", test_unset_thresholds);
  g_test_add_func ("/score/partner/no-target", test_partner_no_target);
  g_test_add_func ("/score/partner/weighted-mean", test_partner_weighted_mean);
  g_test_add_func ("/score/partner/override", test_partner_override);
  g_test_add_func ("/score/partner/summary", test_partner_summary);
  g_test_add_func ("/score/partner/zero-weights", test_partner_zero_weights);
  g_test_add_func ("/score/partner/without-data", test_partner_without_data);
  g_test_add_func ("/score/least-squares", test_least_squares);
  g_test_add_func ("/score/rank", test_rank);
  g_test_add_func ("/score/trend", test_trend);
  g_test_add_func ("/score/trend-window", test_trend_window);
  g_test_add_func ("/score/strings", test_strings);

  return g_test_run ();
}
