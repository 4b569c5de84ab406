/* bench-charts.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the charts take to draw at 800 × 500 on an image surface, and
 * how long a hover's hit test takes with 3,500 partners. Prints the median
 * and the 95th percentile of many runs; docs/performance.md has figures.
 *
 *   bench-charts [ITERATIONS]
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sc-chart.h"

#define WIDTH  800
#define HEIGHT 500

typedef void (*BenchFunc) (gpointer data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static void
run (const char *name,
     BenchFunc   func,
     gpointer    data,
     guint       iterations,
     double      budget_ms)
{
  g_autofree double *times = g_new (double, iterations);
  double median, p95;

  func (data); /* warm up fonts and caches */
  for (guint i = 0; i < iterations; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, iterations, sizeof (double), compare_doubles);
  median = times[iterations / 2];
  p95 = times[MIN (iterations - 1, iterations * 95 / 100)];
  g_print ("%-34s median %7.3f ms   p95 %7.3f ms   budget %5.1f ms   %s\n",
           name, median, p95, budget_ms, median <= budget_ms ? "ok" : "OVER");
}

typedef struct
{
  cairo_surface_t *surface;
  ScChart         *chart;
  ScChartStyle     style;
} DrawJob;

static void
draw_job (gpointer data)
{
  DrawJob *job = data;
  cairo_t *cr = cairo_create (job->surface);

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  sc_chart_draw (job->chart, cr, &job->style, WIDTH, HEIGHT);
  cairo_destroy (cr);
}

static void
hit_job (gpointer data)
{
  DrawJob *job = data;
  ScChartHit hit;

  sc_chart_hit_test (job->chart, &job->style, WIDTH, HEIGHT, WIDTH * 0.6, HEIGHT * 0.5, &hit);
}

static ScChart *
make_trend (guint n)
{
  ScChartTrendData *data = sc_chart_trend_data_new (n);

  data->title = g_strdup ("On-time delivery");
  data->subtitle = g_strdup ("Officine Meccaniche Bergamasche S.p.A.");
  data->target = 95;
  data->warning = 90;
  data->critical = 80;
  for (guint i = 0; i < n; i++)
    {
      data->values[i] = i == 16 ? NAN : 92 + 6 * sin (i / 2.0);
      data->statuses[i] = isnan (data->values[i]) ? SC_STATUS_NO_DATA :
                          data->values[i] >= 95 ? SC_STATUS_GREEN :
                          data->values[i] >= 90 ? SC_STATUS_AMBER : SC_STATUS_RED;
    }
  sc_chart_trend_data_add_marker (data, 20, SC_SEVERITY_HIGH, "ISS-0001", "Late deliveries");
  return sc_chart_new (SC_CHART_TREND, data);
}

static ScChart *
make_heatmap (guint n_rows,
              guint n_cols)
{
  ScChartHeatmapData *data = sc_chart_heatmap_data_new (n_rows, n_cols);
  GRand *rand = g_rand_new_with_seed (1);

  data->title = g_strdup ("Status by partner and KPI");
  for (guint r = 0; r < n_rows; r++)
    data->row_labels[r] = g_strdup_printf ("Partner %04u Components GmbH", r);
  for (guint c = 0; c < n_cols; c++)
    data->col_labels[c] = g_strdup_printf ("KPI number %u", c);
  for (guint i = 0; i < n_rows * n_cols; i++)
    data->statuses[i] = g_rand_int_range (rand, 0, 4);
  g_rand_free (rand);
  return sc_chart_new (SC_CHART_HEATMAP, data);
}

static ScChart *
make_ranking (guint n)
{
  ScChartRankingData *data = sc_chart_ranking_data_new (n);

  data->title = g_strdup ("Ranking by overall score");
  for (guint i = 0; i < n; i++)
    {
      data->items[i].name = g_strdup_printf ("Partner %04u Components GmbH", i);
      data->items[i].score = 100.0 - 100.0 * i / n;
      data->items[i].grade = g_strdup ("A");
      data->items[i].rank = i + 1;
    }
  return sc_chart_new (SC_CHART_RANKING, data);
}

static void
bench_chart (const char *name,
             ScChart    *chart,
             guint       iterations,
             double      budget_ms,
             BenchFunc   func)
{
  DrawJob job = { cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT), chart };

  sc_chart_style_init (&job.style, SC_THEME_LIGHT);
  run (name, func, &job, iterations, budget_ms);
  cairo_surface_destroy (job.surface);
  sc_chart_unref (chart);
}

int
main (int    argc,
      char **argv)
{
  guint iterations = argc > 1 ? (guint) MAX (atoi (argv[1]), 1) : 500;

  g_print ("%u iterations, %d x %d image surface\n", iterations, WIDTH, HEIGHT);
  bench_chart ("trend, 24 points", make_trend (24), iterations, 1, draw_job);
  bench_chart ("trend, 120 points", make_trend (120), iterations, 2, draw_job);
  bench_chart ("heatmap, 200 x 15", make_heatmap (200, 15), iterations, 5, draw_job);
  bench_chart ("heatmap, 3500 x 12", make_heatmap (3500, 12), MAX (iterations / 10, 1), 16, draw_job);
  bench_chart ("ranking, 200 partners", make_ranking (200), iterations, 5, draw_job);
  bench_chart ("hit test: trend, 24 points", make_trend (24), iterations, 16, hit_job);
  bench_chart ("hit test: heatmap, 3500 x 12", make_heatmap (3500, 12), iterations, 16, hit_job);
  bench_chart ("hit test: ranking, 3500", make_ranking (3500), iterations, 16, hit_job);
  return 0;
}
