/* bench-score.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scoring speed (docs/performance.md, "Scoring"): a generated workbook of
 * 3,500 partners × 12 KPIs × 24 months, scored for every period; then one
 * value edited and the touched partner rescored.
 *
 *   bench-score [N_PARTNERS] [N_PERIODS]
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "sc-catalogue.h"
#include "sc-scorer.h"

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

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
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
  printf ("checksum %.3f\n", checksum);

  return 0;
}
