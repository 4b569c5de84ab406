/* test-rollup.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views and roll-ups (docs/scoring.md, "Views"): which periods a view
 * covers, each aggregation, a ratio KPI over a quarter, year to date across
 * a year boundary, sums against scaled targets, and the change of a view.
 * Every expected number is worked out by hand in the comments.
 */

#include "config.h"

#include <math.h>

#include "sc-catalogue.h"
#include "sc-rollup.h"
#include "sc-scorer.h"

#define MONTH(y, m) ((y) * 12 + (m) - 1)

static void
assert_range (const char *view,
              const char *first,
              const char *last)
{
  ScRollup rollup;
  ScPeriod f, l;
  g_autofree char *fs = NULL;
  g_autofree char *ls = NULL;

  g_assert_true (sc_rollup_parse (view, SC_GRANULARITY_MONTH, &rollup));
  sc_rollup_get_range (&rollup, SC_GRANULARITY_MONTH, &f, &l);
  fs = sc_period_to_string (SC_GRANULARITY_MONTH, f);
  ls = sc_period_to_string (SC_GRANULARITY_MONTH, l);
  g_assert_cmpstr (fs, ==, first);
  g_assert_cmpstr (ls, ==, last);
}

static void
test_ranges (void)
{
  ScRollup rollup;

  assert_range ("2025-03", "2025-03", "2025-03");
  assert_range ("2025-Q1", "2025-01", "2025-03");
  assert_range ("2025-Q4", "2025-10", "2025-12");
  assert_range ("2025", "2025-01", "2025-12");
  assert_range ("2025-03/ytd", "2025-01", "2025-03");
  assert_range ("2025-01/ytd", "2025-01", "2025-01");
  /* Rolling twelve months across the year boundary */
  assert_range ("2025-03/r12", "2024-04", "2025-03");
  assert_range ("2025-02/quarter", "2025-01", "2025-03");

  g_assert_false (sc_rollup_parse ("2025-13", SC_GRANULARITY_MONTH, &rollup));
  g_assert_false (sc_rollup_parse ("2025-03/week", SC_GRANULARITY_MONTH, &rollup));
  g_assert_false (sc_rollup_parse ("", SC_GRANULARITY_MONTH, &rollup));
}

static void
test_previous (void)
{
  ScRollup rollup, previous;
  g_autofree char *str = NULL;

  /* The quarter before Q1 2025 is Q4 2024 */
  g_assert_true (sc_rollup_parse ("2025-Q1", SC_GRANULARITY_MONTH, &rollup));
  previous = sc_rollup_previous (&rollup, SC_GRANULARITY_MONTH);
  str = sc_rollup_to_label (&previous, SC_GRANULARITY_MONTH);
  g_assert_cmpstr (str, ==, "Q4 2024");
  g_clear_pointer (&str, g_free);

  /* Year to date January 2025 is compared with year to date December 2024 */
  g_assert_true (sc_rollup_parse ("2025-01/ytd", SC_GRANULARITY_MONTH, &rollup));
  previous = sc_rollup_previous (&rollup, SC_GRANULARITY_MONTH);
  str = sc_rollup_to_string (&previous, SC_GRANULARITY_MONTH);
  g_assert_cmpstr (str, ==, "2024-12/ytd");
}

static void
test_aggregations (void)
{
  const double values[] = { 2, NAN, 4, 9 };
  const double num[] = { 1, 2, NAN, 3 };
  const double den[] = { 1000, 1000, 1000, 2000 };
  const double none[] = { NAN, NAN };
  guint n;

  /* (2 + 4 + 9) / 3 = 5, skipping the missing month */
  g_assert_cmpfloat_with_epsilon (sc_aggregate (SC_AGGREGATION_MEAN, 1, values, NULL, NULL, 4, &n), 5, 1e-12);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (sc_aggregate (SC_AGGREGATION_SUM, 1, values, NULL, NULL, 4, NULL), ==, 15);
  g_assert_cmpfloat (sc_aggregate (SC_AGGREGATION_LAST, 1, values, NULL, NULL, 4, NULL), ==, 9);
  /* Ratio of sums over the months with both: (1 + 2 + 3) / (1000 + 1000 + 2000) × 10⁶ = 1500 */
  g_assert_cmpfloat_with_epsilon (sc_aggregate (SC_AGGREGATION_RATIO, 1e6, values, num, den, 4, NULL),
                                  1500, 1e-9);
  /* Without counts a ratio KPI falls back to the mean */
  g_assert_cmpfloat_with_epsilon (sc_aggregate (SC_AGGREGATION_RATIO, 1e6, values, NULL, NULL, 4, NULL),
                                  5, 1e-12);
  /* No data is no data, never 0 */
  g_assert_true (isnan (sc_aggregate (SC_AGGREGATION_SUM, 1, none, NULL, NULL, 2, &n)));
  g_assert_cmpuint (n, ==, 0);
}

/* One supplier with PPM (with counts), complaints (a sum) and on-time
 * delivery (a mean) from October 2024 to March 2025.
 */
static ScWorkbook *
make_book (ScPartner **partner_out)
{
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(ScPartner) partner = sc_partner_new ("s1", "Supplier", SC_PARTNER_SUPPLIER);
  g_autoptr(ScKpi) ppm = sc_catalogue_lookup ("ppm_defects");
  g_autoptr(ScKpi) complaints = sc_catalogue_lookup ("complaints_count");
  g_autoptr(ScKpi) otd = sc_catalogue_lookup ("on_time_delivery_pct");
  /*                       Oct    Nov    Dec    Jan    Feb    Mar */
  const double ppm_v[] = { 100,   200,   300,   7479,  3026,  770 };
  const double def[] =   { 10,    20,    30,    359,   132,   36 };
  const double rec[] =   { 100000, 100000, 100000, 48004, 43619, 46753 };
  const double compl[] = { 0,     1,     NAN,   2,     2,     1 };
  const double otd_v[] = { 96,    94,    92,    80,    85,    90 };
  ScSeries *s;

  sc_workbook_add_partner (book, partner);
  sc_workbook_add_kpi (book, ppm);
  sc_workbook_add_kpi (book, complaints);
  sc_workbook_add_kpi (book, otd);
  sc_workbook_ensure_periods (book, MONTH (2024, 10), MONTH (2025, 3), NULL);

  s = sc_workbook_ensure_series (book, partner, ppm);
  s->numerator = g_new (double, 6);
  s->denominator = g_new (double, 6);
  for (int i = 0; i < 6; i++)
    {
      s->values[i] = ppm_v[i];
      s->numerator[i] = def[i];
      s->denominator[i] = rec[i];
    }
  s = sc_workbook_ensure_series (book, partner, complaints);
  memcpy (s->values, compl, sizeof compl);
  s = sc_workbook_ensure_series (book, partner, otd);
  memcpy (s->values, otd_v, sizeof otd_v);

  *partner_out = partner;
  return book;
}

static const ScKpiResult *
kpi_result (const ScPartnerResult *result,
            const char            *id)
{
  for (guint i = 0; i < result->kpis->len; i++)
    {
      const ScKpiResult *r = &g_array_index (result->kpis, ScKpiResult, i);

      if (g_str_equal (sc_kpi_get_id (r->kpi), id))
        return r;
    }
  g_assert_not_reached ();
}

static void
test_quarter (void)
{
  ScPartner *partner;
  g_autoptr(ScWorkbook) book = make_book (&partner);
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  g_autoptr(ScPartnerResult) result = NULL;
  const ScKpiResult *r;
  ScRollup q1;

  g_assert_true (sc_rollup_parse ("2025-Q1", SC_GRANULARITY_MONTH, &q1));
  result = sc_scorer_score_partner (scorer, partner, &q1);

  /* PPM: (359 + 132 + 36) / (48004 + 43619 + 46753) × 10⁶ = 527 / 138376 × 10⁶ = 3808.46…,
   * not the mean of the months (3758.33); the previous quarter: 60 / 300000 × 10⁶ = 200
   */
  r = kpi_result (result, "ppm_defects");
  g_assert_cmpfloat_with_epsilon (r->value, 527.0 / 138376.0 * 1e6, 1e-6);
  g_assert_cmpfloat_with_epsilon (r->previous, 200, 1e-9);
  g_assert_cmpint (r->status, ==, SC_STATUS_RED);

  /* Complaints, a sum: 2 + 2 + 1 = 5 against a target of 1 × 3 months = 3, warning 9,
   * critical 18: d = 2, w = 6, c = 15 → amber, score 100 × (1 − 2/15) = 86.67
   */
  r = kpi_result (result, "complaints_count");
  g_assert_cmpfloat (r->value, ==, 5);
  g_assert_cmpfloat (r->target, ==, 3);
  g_assert_cmpint (r->status, ==, SC_STATUS_AMBER);
  g_assert_cmpfloat_with_epsilon (r->score, 100.0 * (1 - 2.0 / 15.0), 1e-9);
  /* Q4 2024 had data in two months only: 0 + 1 = 1 */
  g_assert_cmpfloat (r->previous, ==, 1);

  /* On-time delivery, a mean: (80 + 85 + 90) / 3 = 85 */
  r = kpi_result (result, "on_time_delivery_pct");
  g_assert_cmpfloat (r->value, ==, 85);
}

static void
test_ytd_across_year (void)
{
  ScPartner *partner;
  g_autoptr(ScWorkbook) book = make_book (&partner);
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  g_autoptr(ScPartnerResult) jan = NULL;
  g_autoptr(ScPartnerResult) feb = NULL;
  ScRollup rollup;

  /* YTD January 2025 is January alone; its predecessor is YTD December 2024 */
  g_assert_true (sc_rollup_parse ("2025-01/ytd", SC_GRANULARITY_MONTH, &rollup));
  jan = sc_scorer_score_partner (scorer, partner, &rollup);
  g_assert_cmpfloat (kpi_result (jan, "on_time_delivery_pct")->value, ==, 80);
  /* (96 + 94 + 92) / 3 = 94 for October to December 2024 */
  g_assert_cmpfloat (kpi_result (jan, "on_time_delivery_pct")->previous, ==, 94);

  /* YTD February: (80 + 85) / 2 = 82.5; complaints 2 + 2 = 4 */
  g_assert_true (sc_rollup_parse ("2025-02/ytd", SC_GRANULARITY_MONTH, &rollup));
  feb = sc_scorer_score_partner (scorer, partner, &rollup);
  g_assert_cmpfloat (kpi_result (feb, "on_time_delivery_pct")->value, ==, 82.5);
  g_assert_cmpfloat (kpi_result (feb, "complaints_count")->value, ==, 4);
}

static void
test_rolling (void)
{
  ScPartner *partner;
  g_autoptr(ScWorkbook) book = make_book (&partner);
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  g_autoptr(ScPartnerResult) result = NULL;
  ScRollup rollup;

  /* Twelve months to March 2025 reach back to April 2024: all six months here.
   * OTD (96 + 94 + 92 + 80 + 85 + 90) / 6 = 89.5; complaints 0+1+2+2+1 = 6.
   */
  g_assert_true (sc_rollup_parse ("2025-03/r12", SC_GRANULARITY_MONTH, &rollup));
  result = sc_scorer_score_partner (scorer, partner, &rollup);
  g_assert_cmpfloat (kpi_result (result, "on_time_delivery_pct")->value, ==, 89.5);
  g_assert_cmpfloat (kpi_result (result, "complaints_count")->value, ==, 6);
  /* Five months with data: a target of 1 × 5 */
  g_assert_cmpfloat (kpi_result (result, "complaints_count")->target, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollup/ranges", test_ranges);
  g_test_add_func ("/rollup/previous", test_previous);
  g_test_add_func ("/rollup/aggregations", test_aggregations);
  g_test_add_func ("/rollup/quarter", test_quarter);
  g_test_add_func ("/rollup/ytd-across-year", test_ytd_across_year);
  g_test_add_func ("/rollup/rolling", test_rolling);

  return g_test_run ();
}
