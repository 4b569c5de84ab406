/* test-sample.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests that the shipped sample, data/samples/contoso-2024-2025.scorecard,
 * loads with the partners, values and issues docs/sample-data.md describes.
 */

#include "config.h"

#include <math.h>

#include "sc-scorer.h"
#include "sc-workbook-io.h"

static const char *
sample_path (void)
{
  return g_test_get_filename (G_TEST_DIST, "..", "data", "samples",
                              "contoso-2024-2025.scorecard", NULL);
}

static ScWorkbook *
load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (sample_path ());
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (book);
  return book;
}

static ScPeriod
month (const char *str)
{
  ScPeriod period;

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, str, &period));
  return period;
}

static guint
count_partners (ScWorkbook    *book,
                ScPartnerType  type)
{
  GListModel *partners = sc_workbook_get_partners (book);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);

      if (sc_partner_get_partner_type (partner) == type)
        n++;
    }

  return n;
}

static double
sample_value (ScWorkbook *book,
              const char *partner_id,
              const char *kpi_id,
              const char *period)
{
  ScPartner *partner = sc_workbook_lookup_partner (book, partner_id);
  ScKpi *kpi = sc_workbook_lookup_kpi (book, kpi_id);

  g_assert_nonnull (partner);
  g_assert_nonnull (kpi);
  return sc_workbook_get_value (book, partner, kpi, month (period));
}

static void
test_contents (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();

  g_assert_cmpint (sc_workbook_get_granularity (book), ==, SC_GRANULARITY_MONTH);
  g_assert_cmpint (sc_workbook_get_first_period (book), ==,
                   month ("2024-01"));
  g_assert_cmpuint (sc_workbook_get_n_periods (book), ==, 24);
  g_assert_cmpint (sc_workbook_get_latest_period (book), ==,
                   month ("2025-12"));
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_kpis (book)), ==, 17);
  g_assert_cmpuint (count_partners (book, SC_PARTNER_SUPPLIER), ==, 19);
  g_assert_cmpuint (count_partners (book, SC_PARTNER_CUSTOMER), ==, 8);
  g_assert_cmpuint (sc_workbook_get_n_series (book), ==, 311);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_issues (book)), ==, 15);

  g_assert_cmpstr (sc_workbook_get_company (book), ==, "Contoso Manufacturing GmbH");
  g_assert_cmpstr (sc_workbook_get_confidentiality (book), ==,
                   "Confidential – for the named partner only");
  g_assert_cmpstr (sc_workbook_get_page_size (book), ==, "a4");
  g_assert_cmpuint (sc_workbook_get_trend_periods (book), ==, 6);
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 89.99), ==, "B");
  g_assert_false (sc_workbook_get_modified (book));
}

/* Values docs/sample-data.md quotes. */
static void
test_values (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  ScPartner *s02 = sc_workbook_lookup_partner (book, "s02");
  const ScSeries *ppm = sc_workbook_get_series (book, s02, sc_workbook_lookup_kpi (book, "ppm_defects"));
  guint april = month ("2025-04") - sc_workbook_get_first_period (book);

  g_assert_cmpstr (sc_partner_get_name (s02), ==, "Precision Hydraulics & Fluid Power Components Ltd.");
  g_assert_cmpfloat (sample_value (book, "s02", "ppm_defects", "2025-04"), ==, 7479);
  g_assert_cmpfloat (sample_value (book, "s02", "ppm_defects", "2025-07"), ==, 319);
  g_assert_nonnull (ppm->numerator);
  g_assert_cmpfloat (ppm->numerator[april], ==, 359);
  g_assert_cmpfloat (ppm->denominator[april], ==, 48004);

  g_assert_cmpfloat (sample_value (book, "s07", "scrap_rate_pct", "2025-12"), ==, 5.54);
  g_assert_cmpfloat (sample_value (book, "s04", "on_time_delivery_pct", "2025-08"), ==, 66.6);
  g_assert_cmpfloat (sample_value (book, "c03", "nps", "2025-12"), ==, -13);
  g_assert_true (isnan (sample_value (book, "c03", "nps", "2025-11")));

  /* s18 starts in 2025-03, s01 has no report for 2025-05 */
  g_assert_true (isnan (sample_value (book, "s18", "on_time_delivery_pct", "2025-02")));
  g_assert_cmpfloat (sample_value (book, "s18", "on_time_delivery_pct", "2025-03"), ==, 96.1);
  g_assert_true (isnan (sample_value (book, "s01", "on_time_delivery_pct", "2025-05")));
}

static void
test_partners_and_issues (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  ScPartner *s08 = sc_workbook_lookup_partner (book, "s08");
  ScPartner *c07 = sc_workbook_lookup_partner (book, "c07");
  ScIssue *first = sc_workbook_lookup_issue (book, "ISS-0001");
  ScIssue *last = sc_workbook_lookup_issue (book, "ISS-0015");
  double target, weight;

  g_assert_true (sc_partner_get_override (s08, "ppm_defects", &target, &weight));
  g_assert_cmpfloat (target, ==, 100);
  g_assert_cmpfloat (weight, ==, 3);
  g_assert_true (sc_partner_get_override (c07, "ppm_defects", &target, &weight));
  g_assert_cmpfloat (target, ==, 100);
  g_assert_true (isnan (weight));
  g_assert_cmpstr (sc_partner_get_tag (s08, "site"), ==, "Odense, DK");
  g_assert_cmpstr (sc_partner_get_contact (s08), ==, "Mette Rasmussen");

  g_assert_cmpstr (sc_issue_get_partner_id (first), ==, "s02");
  g_assert_cmpstr (sc_issue_get_kpi_id (first), ==, "ppm_defects");
  g_assert_cmpint (sc_issue_get_period (first), ==, month ("2025-03"));
  g_assert_cmpint (sc_issue_get_severity (first), ==, SC_SEVERITY_CRITICAL);
  g_assert_cmpint (sc_issue_get_status (first), ==, SC_ISSUE_RESOLVED);
  g_assert_cmpstr (sc_issue_get_due (first), ==, "2025-05-31");
  g_assert_cmpstr (sc_issue_get_reference (first), ==, "8D-2025-004");
  g_assert_cmpuint (sc_issue_get_n_changes (first), ==, 4);
  g_assert_cmpstr (sc_issue_get_change (first, 2)->old_value, ==, "2025-04-30");
  g_assert_cmpint (g_date_time_to_unix (sc_issue_get_created (first)), ==,
                   1741074900 /* 2025-03-04T07:55:00Z */);

  /* Loading is not editing: the history is the file's */
  g_assert_null (sc_issue_get_kpi_id (last));
  g_assert_cmpuint (sc_issue_get_n_changes (last), ==, 1);
  g_assert_cmpuint (sc_workbook_count_open_issues (book, NULL), ==, 8);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ScWorkbook **book = user_data;
  g_autoptr(GError) error = NULL;

  *book = sc_workbook_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (sample_path ());
  g_autoptr(ScWorkbook) book = NULL;

  sc_workbook_load_async (file, NULL, on_loaded_cb, &book);
  while (book == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (sc_workbook_get_n_series (book), ==, 311);
}

static void
assert_same (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    g_assert_cmpint (isnan (a), ==, isnan (b));
  else
    g_assert_cmpfloat_with_epsilon (a, b, 1e-9);
}

/* The sidebar's summary of every partner, in every view, is what the full
 * result says
 */
static void
test_summaries (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  GListModel *partners = sc_workbook_get_partners (book);
  ScPeriod last = sc_workbook_get_latest_period (book);
  const ScRollupKind kinds[] = {
    SC_ROLLUP_PERIOD, SC_ROLLUP_QUARTER, SC_ROLLUP_YEAR, SC_ROLLUP_YTD, SC_ROLLUP_ROLLING_12,
  };
  guint n_red = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
      {
        g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
        ScRollup rollup = { kinds[k], last - 2 };
        g_autoptr(ScPartnerResult) result = sc_scorer_score_partner (scorer, partner, &rollup);
        ScPartnerSummary expected, with_trend, without;

        sc_partner_summary_init (&expected, result);
        sc_scorer_summarize (scorer, partner, &rollup, TRUE, &with_trend);
        sc_scorer_summarize (scorer, partner, &rollup, FALSE, &without);

        assert_same (with_trend.score, expected.score);
        assert_same (with_trend.change, expected.change);
        assert_same (with_trend.slope, expected.slope);
        g_assert_cmpint (with_trend.trend, ==, expected.trend);
        g_assert_cmpstr (with_trend.grade, ==, expected.grade);
        g_assert_cmpuint (with_trend.n_red, ==, expected.n_red);

        assert_same (without.score, expected.score);
        g_assert_cmpstr (without.grade, ==, expected.grade);
        g_assert_cmpuint (without.n_red, ==, expected.n_red);
        g_assert_true (isnan (without.change));
        g_assert_cmpint (without.trend, ==, SC_TREND_NONE);
        n_red += expected.n_red;
      }

  /* The sample has partners in trouble: the comparison saw red KPIs */
  g_assert_cmpuint (n_red, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/contents", test_contents);
  g_test_add_func ("/sample/values", test_values);
  g_test_add_func ("/sample/partners-and-issues", test_partners_and_issues);
  g_test_add_func ("/sample/load-async", test_load_async);
  g_test_add_func ("/sample/summaries", test_summaries);

  return g_test_run ();
}
