/* bench-standings.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scoring speed with scorecard groups and standings (docs/performance.md,
 * "Scoring with groups"): the workbook of bench-score.c — 3,500 partners ×
 * 12 KPIs × 24 months — with four partner groups matched by tag and by
 * type, each leaving out KPIs and changing targets and weights; scored for
 * every period, then every partner in every view (month, quarter, year,
 * year to date, rolling 12 months) as the sidebar and the ranking do, and
 * the watch list of every partner.
 *
 * Times are the thread's CPU time.
 *
 *   bench-standings [N_PARTNERS] [N_PERIODS] [--no-groups] [--exponential]
 *
 * --exponential scores over the last 12 periods with exponential recency
 * weights (half-life 3 periods), as issue 18's item 7 asks.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sc-catalogue.h"
#include "sc-period-weighting.h"
#include "sc-scorecard-group.h"
#include "sc-scorer.h"
#include "sc-standing.h"

#define N_KPIS 12

static const char *commodities[] = { "Castings", "Freight", "Electronics", "Fasteners", "Plastics" };

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
      sc_partner_set_tag (partner, "commodity", commodities[p % G_N_ELEMENTS (commodities)]);
      sc_partner_set_tag (partner, "segment", p % 7 == 0 ? "Key accounts" : "Other");
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

/* Four groups: by tag (castings, freight, key accounts) and by type
 * (customers), each with 6–9 of the 12 KPIs and changed targets/weights.
 */
static void
add_groups (ScWorkbook *book)
{
  static const struct { const char *id, *key, *value; int type; guint n_kpis; } defs[] = {
    { "castings", "commodity", "Castings", -1, 8 },
    { "freight", "commodity", "Freight", -1, 6 },
    { "key", "segment", "Key accounts", SC_PARTNER_CUSTOMER, 9 },
    { "customers", NULL, NULL, SC_PARTNER_CUSTOMER, 7 },
  };
  GListModel *kpis = sc_workbook_get_kpis (book);
  ScScorecardGroup *groups[G_N_ELEMENTS (defs)];

  for (guint g = 0; g < G_N_ELEMENTS (defs); g++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) set = NULL;

      groups[g] = sc_scorecard_group_new (defs[g].id, defs[g].id);
      if (defs[g].key)
        sc_scorecard_group_add_tag (groups[g], defs[g].key, defs[g].value);
      sc_scorecard_group_set_partner_type (groups[g], defs[g].type < 0, defs[g].type < 0 ? 0 : defs[g].type);
      for (guint k = 0; k < defs[g].n_kpis; k++)
        {
          g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, (k + g) % N_KPIS);
          ScGroupKpi change;

          g_strv_builder_add (builder, sc_kpi_get_id (kpi));
          sc_group_kpi_init (&change);
          change.weight = 1 + (k % 3);
          if (k % 2 == 0)
            change.target = sc_kpi_get_target (kpi);
          sc_scorecard_group_set_kpi (groups[g], sc_kpi_get_id (kpi), &change);
        }
      set = g_strv_builder_end (builder);
      sc_scorecard_group_set_kpis (groups[g], (const char * const *) set);
    }
  sc_workbook_set_scorecard_groups (book, groups, G_N_ELEMENTS (groups));
  for (guint g = 0; g < G_N_ELEMENTS (defs); g++)
    sc_scorecard_group_unref (groups[g]);
}

/* The thread's CPU time: on a machine shared with other jobs, wall time
 * measures the other jobs as much as this one (docs/performance.md).
 */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  gboolean groups = TRUE, exponential = FALSE;
  guint n_partners = argc > 1 ? (guint) atoi (argv[1]) : 3500;
  guint n_periods = argc > 2 ? (guint) atoi (argv[2]) : 24;
  g_autoptr(ScWorkbook) book = make_book (n_partners, n_periods);
  g_autoptr(ScScorer) scorer = NULL;
  g_autofree double *scores = g_new (double, n_periods);
  GListModel *partners = sc_workbook_get_partners (book);
  ScPeriod last = sc_workbook_get_first_period (book) + (ScPeriod) n_periods - 1;
  static const ScRollupKind kinds[] = {
    SC_ROLLUP_PERIOD, SC_ROLLUP_QUARTER, SC_ROLLUP_YEAR, SC_ROLLUP_YTD, SC_ROLLUP_ROLLING_12,
  };
  double t0, checksum = 0;
  guint n_watched = 0;

  for (int i = 3; i < argc; i++)
    {
      groups = groups && strcmp (argv[i], "--no-groups") != 0;
      exponential = exponential || strcmp (argv[i], "--exponential") == 0;
    }
  if (groups)
    add_groups (book);
  if (exponential)
    {
      ScPeriodWeighting w = { SC_WEIGHTING_EXPONENTIAL, 12, 3 };
      sc_workbook_set_period_weighting (book, &w);
    }
  scorer = sc_scorer_new (book);
  printf ("partners %u, KPIs %d, periods %u, %s, %s\n", n_partners, N_KPIS, n_periods,
          groups ? "4 scorecard groups" : "no groups",
          exponential ? "12-period exponential weighting" : "the latest period only");

  for (int pass = 0; pass < 2; pass++)
    {
      t0 = now_ms ();
      for (guint p = 0; p < n_partners; p++)
        {
          g_autoptr(ScPartner) item = g_list_model_get_item (partners, p);

          sc_scorer_overall_history (scorer, item, SC_ROLLUP_PERIOD, scores);
          checksum += scores[n_periods - 1];
        }
      printf ("score every period, %s: %.1f ms\n", pass ? "again     " : "first pass", now_ms () - t0);
    }

  for (guint v = 0; v < G_N_ELEMENTS (kinds); v++)
    {
      ScRollup rollup = { kinds[v], last };
      g_autoptr(GPtrArray) results = NULL;
      double summaries, ranked;

      t0 = now_ms ();
      for (guint p = 0; p < n_partners; p++)
        {
          g_autoptr(ScPartner) item = g_list_model_get_item (partners, p);
          ScPartnerSummary summary;

          sc_scorer_summarize (scorer, item, &rollup, FALSE, &summary);
          checksum += isnan (summary.score) ? 0 : summary.score;
        }
      summaries = now_ms () - t0;

      t0 = now_ms ();
      results = sc_scorer_score_all (scorer, &rollup);
      ranked = now_ms () - t0;
      printf ("view %-9s sidebar (every partner's score and standing): %5.1f ms, "
              "ranked results: %6.1f ms\n", sc_rollup_kind_to_string (kinds[v]), summaries, ranked);
    }

  t0 = now_ms ();
  for (guint p = 0; p < n_partners; p++)
    {
      g_autoptr(ScPartner) item = g_list_model_get_item (partners, p);
      ScRollup rollup = { SC_ROLLUP_PERIOD, last };
      ScWatch watch;

      n_watched += sc_standing_watch (scorer, item, &rollup, &watch);
    }
  printf ("watch list of every partner (month): %.1f ms, %u on it\n", now_ms () - t0, n_watched);
  printf ("checksum %.3f\n", checksum);

  return 0;
}
