/* bench-score.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scoring speed (docs/performance.md, "Scoring"): a generated workbook of
 * 3,500 partners × 12 KPIs × 24 months, scored for every period; then one
 * value edited and the touched partner rescored. Then the same with a score
 * over the last 12 periods, exponentially weighted (half-life 3): every
 * period, every view of the window (month, quarter, year, YTD, rolling 12
 * months: each partner's score, grade, change and trend, as the sidebar
 * shows them, and all of them ranked), and a what-if recomputed after one
 * changed KPI weight.
 *
 *   bench-score [N_PARTNERS] [N_PERIODS]
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sc-catalogue.h"
#include "sc-scorer.h"
#include "sc-whatif.h"

#define N_KPIS 12

static ScWorkbook *
make_book (guint n_partners,
           guint n_periods)
{
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  ScPeriod first = 2024 * 12;

  sc_workbook_ensure_periods (book, first, first + (ScPeriod) n_periods - 1, NULL);
  for (guint k = 0; k < N_KPIS; k++)
    {
      g_autoptr(ScKpi) kpi = sc_catalogue_create_kpi (k);
      sc_workbook_add_kpi (book, kpi);
    }

  for (guint p = 0; p < n_partners; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%05u", p);
      g_autoptr(ScPartner) partner = sc_partner_new (id, id, p % 5 == 4 ? SC_PARTNER_CUSTOMER
                                                                        : SC_PARTNER_SUPPLIER);
      sc_workbook_add_partner (book, partner);

      for (guint k = 0; k < N_KPIS; k++)
        {
          ScKpi *kpi = g_list_model_get_item (sc_workbook_get_kpis (book), k);
          ScSeries *series = sc_workbook_ensure_series (book, partner, kpi);
          double target = sc_kpi_get_target (kpi);
          double spread = fabs (sc_kpi_get_critical (kpi) - target) + 1;

          for (guint t = 0; t < n_periods; t++)
            series->values[t] = target + g_rand_double_range (rand, -spread, spread);
          g_object_unref (kpi);
        }
    }

  return book;
}

/* CPU time of the process: the machines are shared by several builds at
 * once, and wall time measured how busy they were more than the code
 * (docs/performance.md)
 */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Every partner's history of single-period scores, once. */
static double
score_every_period (ScScorer   *scorer,
                    GListModel *partners,
                    guint       n_periods,
                    double     *checksum)
{
  g_autofree double *scores = g_new (double, n_periods);
  double t0 = now_ms ();

  for (guint p = 0; p < g_list_model_get_n_items (partners); p++)
    {
      g_autoptr(ScPartner) item = g_list_model_get_item (partners, p);

      sc_scorer_overall_history (scorer, item, SC_ROLLUP_PERIOD, scores);
      *checksum += scores[n_periods - 1];
    }
  return now_ms () - t0;
}

/* What the window does when the view changes: every partner summarised
 * (score, grade, change, trend), then all of them scored and ranked.
 */
static void
score_views (ScScorer   *scorer,
             double     *checksum)
{
  static const ScRollupKind kinds[] = { SC_ROLLUP_PERIOD, SC_ROLLUP_QUARTER, SC_ROLLUP_YEAR,
                                        SC_ROLLUP_YTD, SC_ROLLUP_ROLLING_12 };
  static const char *names[] = { "month", "quarter", "year", "ytd", "r12" };
  ScWorkbook *book = sc_scorer_get_workbook (scorer);
  GListModel *partners = sc_workbook_get_partners (book);

  /* The window keeps its scorer from view to view: the KPIs of every
   * partner are resolved already (the passes above)
   */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) ranked = NULL;
      ScRollup rollup = { kinds[k], sc_workbook_get_latest_period (book) };
      double t0 = now_ms (), list, rank;

      for (guint p = 0; p < g_list_model_get_n_items (partners); p++)
        {
          g_autoptr(ScPartner) item = g_list_model_get_item (partners, p);
          ScPartnerSummary summary;

          sc_scorer_summarize (scorer, item, &rollup, TRUE, &summary);
          *checksum += isnan (summary.slope) ? 0 : summary.slope;
        }
      list = now_ms () - t0;
      t0 = now_ms ();
      ranked = sc_scorer_score_all (scorer, &rollup);
      rank = now_ms () - t0;
      printf ("  view %-8s list (score, grade, change, trend): %.1f ms, ranked: %.1f ms\n",
              names[k], list, rank);
    }
}

static void
bench_weighted (ScWorkbook *book,
                guint       n_periods,
                double     *checksum)
{
  ScPeriodWeighting w = { SC_WEIGHTING_EXPONENTIAL, 12, 3 };
  GListModel *partners = sc_workbook_get_partners (book);
  g_autoptr(ScScorer) scorer = NULL;
  g_autoptr(ScWhatif) whatif = NULL;
  g_autoptr(GArray) rows = NULL;
  ScRollup rollup = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  double cold, warm, t0, first, again;

  sc_workbook_set_period_weighting (book, &w);
  scorer = sc_scorer_new (book);
  cold = score_every_period (scorer, partners, n_periods, checksum);
  warm = score_every_period (scorer, partners, n_periods, checksum);
  printf ("exponential weighting, 12 periods, half-life 3:\n");
  printf ("  score every period, first pass: %.1f ms\n", cold);
  printf ("  score every period, again:      %.1f ms\n", warm);
  score_views (scorer, checksum);

  /* A what-if: one KPI's weight, every partner before and after, ranked */
  whatif = sc_whatif_new (book);
  t0 = now_ms ();
  sc_whatif_set (whatif, "ppm_defects.weight=3", NULL);
  rows = sc_whatif_compute (whatif, &rollup);
  first = now_ms () - t0;
  g_clear_pointer (&rows, g_array_unref);
  t0 = now_ms ();
  sc_whatif_set (whatif, "ppm_defects.target=400", NULL);
  rows = sc_whatif_compute (whatif, &rollup);
  again = now_ms () - t0;
  *checksum += g_array_index (rows, ScWhatifRow, 0).score_after;
  printf ("  what-if, first change:  %.1f ms\n", first);
  printf ("  what-if, next change:   %.1f ms\n", again);
}

int
main (int   argc,
      char *argv[])
{
  guint n_partners = argc > 1 ? (guint) atoi (argv[1]) : 3500;
  guint n_periods = argc > 2 ? (guint) atoi (argv[2]) : 24;
  g_autoptr(ScWorkbook) book = make_book (n_partners, n_periods);
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  g_autofree double *scores = g_new (double, n_periods);
  g_autoptr(ScPartner) partner = NULL;
  ScPartnerResult *result;
  GListModel *partners = sc_workbook_get_partners (book);
  double t0, cold, warm, edit, checksum = 0;
  ScRollup rollup = { SC_ROLLUP_PERIOD, sc_workbook_get_first_period (book) + (ScPeriod) n_periods - 1 };
  ScKpi *kpi;

  /* Every partner's overall score in every period, twice: the first pass
   * also resolves the KPIs of each partner.
   */
  for (int pass = 0; pass < 2; pass++)
    {
      t0 = now_ms ();
      for (guint p = 0; p < n_partners; p++)
        {
          g_autoptr(ScPartner) item = g_list_model_get_item (partners, p);

          sc_scorer_overall_history (scorer, item, SC_ROLLUP_PERIOD, scores);
          checksum += scores[n_periods - 1];
        }
      if (pass == 0)
        cold = now_ms () - t0;
      else
        warm = now_ms () - t0;
    }

  /* One edit, then the touched partner's full result */
  partner = g_list_model_get_item (partners, n_partners / 2);
  kpi = sc_workbook_lookup_kpi (book, "ppm_defects");
  t0 = now_ms ();
  sc_workbook_set_value (book, partner, kpi, rollup.anchor, 1234, NULL);
  result = sc_scorer_score_partner (scorer, partner, &rollup);
  edit = now_ms () - t0;
  checksum += result->score;
  sc_partner_result_free (result);

  printf ("partners %u, KPIs %d, periods %u\n", n_partners, N_KPIS, n_periods);
  printf ("score every period, first pass: %.1f ms\n", cold);
  printf ("score every period, again:      %.1f ms\n", warm);
  printf ("edit one value and rescore:     %.3f ms\n", edit);

  printf ("latest period only:\n");
  score_views (scorer, &checksum);
  bench_weighted (book, n_periods, &checksum);
  printf ("checksum %.3f\n", checksum);

  return 0;
}
