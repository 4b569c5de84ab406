/* test-charts.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests the charts of src/render: every kind drawn onto an image surface
 * and probed (the target line where it belongs, bands in the right colour,
 * nothing outside the frame), hit tests that find the point they were
 * given, awkward data, the data built from the sample workbook, and
 * `scorecards chart` writing real PNG, SVG and PDF files.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "sc-chart.h"
#include "sc-chart-text.h"
#include "sc-safe-file.h"
#include "sc-sparkline.h"
#include "sc-workbook-io.h"

#define MARGIN 40

/* Helpers */

static ScWorkbook *
load_sample (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ScWorkbook *book;

  file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "contoso-2024-2025.scorecard", NULL));
  book = sc_workbook_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  return book;
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       guint8          *rgba)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 value = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  guint alpha = value >> 24;

  /* un-premultiply ARGB32 */
  rgba[3] = alpha;
  for (guint i = 0; i < 3; i++)
    {
      guint c = (value >> (16 - 8 * i)) & 0xff;
      rgba[i] = alpha ? MIN (255, c * 255 / alpha) : 0;
    }
}

/* Draws @chart at @width × @height into a surface with a MARGIN all round
 * it, and checks that not one pixel of the margin was touched.
 */
static cairo_surface_t *
draw_checked (ScChart            *chart,
              const ScChartStyle *style,
              int                 width,
              int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 2 * MARGIN,
                                                         height + 2 * MARGIN);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, MARGIN, MARGIN);
  sc_chart_draw (chart, cr, style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < height + 2 * MARGIN; y++)
    for (int x = 0; x < width + 2 * MARGIN; x++)
      {
        guint8 rgba[4];

        if (x >= MARGIN && x < MARGIN + width && y >= MARGIN && y < MARGIN + height)
          continue;
        pixel (surface, x, y, rgba);
        if (rgba[3] != 0)
          g_error ("%s chart %d×%d drew outside its frame at (%d, %d)",
                   sc_chart_kind_to_string (sc_chart_get_kind (chart)), width, height, x - MARGIN, y - MARGIN);
      }
  return surface;
}

static void
set_statuses (ScChartTrendData *data)
{
  for (guint i = 0; i < data->n_values; i++)
    {
      double v = data->values[i];

      data->statuses[i] = isnan (v) ? SC_STATUS_NO_DATA : v >= data->target ? SC_STATUS_GREEN :
                          v >= data->warning ? SC_STATUS_AMBER : SC_STATUS_RED;
    }
}

static ScChart *
make_trend (guint   n,
            double (*value) (guint i))
{
  ScChartTrendData *data = sc_chart_trend_data_new (n);

  data->title = g_strdup ("On-time delivery");
  data->subtitle = g_strdup ("Officine Meccaniche Bergamasche S.p.A.");
  data->target = 95;
  data->warning = 90;
  data->critical = 80;
  for (guint i = 0; i < n; i++)
    data->values[i] = value (i);
  set_statuses (data);
  return sc_chart_new (SC_CHART_TREND, data);
}

static double value_high (guint i) { return 97 + (i % 3); }
static double value_wave (guint i) { return 85 + 12 * sin (i / 2.0); }
static double value_missing (guint i) { return NAN; }
static double value_one (guint i) { return i == 5 ? 91 : NAN; }
static double value_negative (guint i) { return -50.0 - i * 3; }
static double value_huge (guint i) { return 1e12 * (i + 1); }
static double value_constant (guint i) { return 95; }
static double value_gappy (guint i) { return i % 5 == 2 ? NAN : 80 + (i * 37 % 20); }

static ScChart *
make_ranking (guint n)
{
  ScChartRankingData *data = sc_chart_ranking_data_new (n);

  data->title = g_strdup ("Ranking");
  for (guint i = 0; i < n; i++)
    {
      data->items[i].name = g_strdup_printf ("Partner %u with a very long name GmbH & Co. KG", i);
      data->items[i].score = i % 17 == 3 ? NAN : 100.0 - 100.0 * i / MAX (n, 1);
      data->items[i].grade = g_strdup (i < n / 2 ? "A" : "C");
      data->items[i].grade_index = i < n / 2 ? 0 : 2;
      data->items[i].rank = i + 1;
      data->items[i].highlight = i == n / 3;
    }
  return sc_chart_new (SC_CHART_RANKING, data);
}

static ScChart *
make_heatmap (guint n_rows,
              guint n_cols)
{
  ScChartHeatmapData *data = sc_chart_heatmap_data_new (n_rows, n_cols);

  data->title = g_strdup ("Status");
  for (guint r = 0; r < n_rows; r++)
    data->row_labels[r] = g_strdup_printf ("Partner %u", r);
  for (guint c = 0; c < n_cols; c++)
    data->col_labels[c] = g_strdup_printf ("KPI with a long name %u", c);
  for (guint i = 0; i < n_rows * n_cols; i++)
    data->statuses[i] = i % 4;
  data->highlight_row = n_rows > 1 ? 1 : -1;
  return sc_chart_new (SC_CHART_HEATMAP, data);
}

static ScChart *
make_bullet (guint n)
{
  ScChartBulletData *data = sc_chart_bullet_data_new (n);

  data->title = g_strdup ("KPIs");
  for (guint i = 0; i < n; i++)
    {
      ScChartBulletItem *item = &data->items[i];

      item->label = g_strdup_printf ("KPI %u", i);
      item->direction = i % 3;
      item->value = i % 7 == 6 ? NAN : i % 2 ? -40.0 * i : 10.0 * i;
      item->target = 50;
      item->target_max = 60;
      item->warning = item->direction == SC_DIRECTION_HIGHER ? 40 : item->direction == SC_DIRECTION_LOWER ? 70 : 5;
      item->critical = 20;
      item->status = i % 4;
    }
  return sc_chart_new (SC_CHART_BULLET, data);
}

static ScChart *
make_radar (guint n)
{
  ScChartRadarData *data = sc_chart_radar_data_new (n);

  data->title = g_strdup ("Score by category");
  for (guint i = 0; i < n; i++)
    {
      data->axes[i].label = g_strdup_printf ("Category %u", i);
      data->axes[i].score = i % 4 == 3 ? NAN : 20.0 * (i % 6);
      data->axes[i].reference = 70;
    }
  return sc_chart_new (SC_CHART_RADAR, data);
}

static ScChart *
make_pareto (guint n)
{
  ScChartParetoData *data = sc_chart_pareto_data_new (n);

  data->title = g_strdup ("Issues by KPI");
  for (guint i = 0; i < n; i++)
    {
      data->items[i].label = g_strdup_printf ("Defective parts per million %u", i);
      data->items[i].count = (n - i) * 3 + i % 2;
    }
  sc_chart_pareto_data_sort (data);
  return sc_chart_new (SC_CHART_PARETO, data);
}

/* The y of @value, from two drawn points of a trend with different values. */
static double
trend_value_y (ScChart            *chart,
               const ScChartStyle *style,
               int                 width,
               int                 height,
               guint               a,
               guint               b,
               double              value)
{
  const ScChartTrendData *data = sc_chart_get_data (chart);
  ScChartHit ha, hb;

  g_assert_true (sc_chart_get_point (chart, style, width, height, a, &ha));
  g_assert_true (sc_chart_get_point (chart, style, width, height, b, &hb));
  return ha.y + (value - data->values[a]) * (hb.y - ha.y) / (data->values[b] - data->values[a]);
}

static void
assert_blend (cairo_surface_t *surface,
              int              x,
              int              y,
              const ScColor   *over,
              const ScColor   *under)
{
  guint8 rgba[4];
  double expected[3] = {
    over->alpha * over->red + (1 - over->alpha) * under->red,
    over->alpha * over->green + (1 - over->alpha) * under->green,
    over->alpha * over->blue + (1 - over->alpha) * under->blue,
  };

  pixel (surface, x + MARGIN, y + MARGIN, rgba);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (fabs (rgba[i] / 255.0 - expected[i]), <, 3 / 255.0);
}

/* Trend */

static void
test_trend_target_line (void)
{
  g_autoptr(ScChart) chart = make_trend (24, value_high);
  ScChartStyle style;
  cairo_surface_t *surface;
  ScChartHit first, ninth;
  double target_y;
  guint dark_on_line = 0, dark_off_line = 0;

  sc_chart_style_init (&style, SC_THEME_LIGHT);
  style.paint_background = TRUE;
  surface = draw_checked (chart, &style, 600, 400);
  target_y = trend_value_y (chart, &style, 600, 400, 0, 1, 95);
  g_assert_true (sc_chart_get_point (chart, &style, 600, 400, 0, &first));
  g_assert_true (sc_chart_get_point (chart, &style, 600, 400, 8, &ninth));

  for (int x = first.x; x < ninth.x; x++)
    {
      guint8 on[4], off[4];
      guint darkest = G_MAXUINT;

      /* the 1.5-unit line is snapped to the pixel grid: look one row either side */
      for (int dy = -1; dy <= 1; dy++)
        {
          pixel (surface, x + MARGIN, (int) round (target_y) + dy + MARGIN, on);
          darkest = MIN (darkest, (guint) on[0] + on[1] + on[2]);
        }
      pixel (surface, x + MARGIN, (int) round (target_y) + 6 + MARGIN, off);
      dark_on_line += darkest < 450;
      dark_off_line += off[0] + off[1] + off[2] < 450;
    }
  /* a dashed line: dark for about two thirds of its length */
  g_assert_cmpuint (dark_on_line, >, (ninth.x - first.x) / 2);
  g_assert_cmpuint (dark_off_line, ==, 0);
  cairo_surface_destroy (surface);
}

static double value_one_drop (guint i) { return i == 23 ? 80 : 99; }

static void
test_trend_bands (void)
{
  g_autoptr(ScChart) chart = make_trend (24, value_one_drop);
  ScChartStyle style;
  cairo_surface_t *surface;
  ScColor amber, red;
  ScChartHit third;

  sc_chart_style_init (&style, SC_THEME_LIGHT);
  style.paint_background = TRUE;
  surface = draw_checked (chart, &style, 600, 400);
  g_assert_true (sc_chart_get_point (chart, &style, 600, 400, 3, &third));

  /* between the target (95) and the warning threshold (90): amber */
  sc_palette_band (SC_THEME_LIGHT, SC_STATUS_AMBER, &amber);
  assert_blend (surface, third.x + 3, trend_value_y (chart, &style, 600, 400, 0, 23, 92.7), &amber, &style.background);
  /* below the warning threshold: red */
  sc_palette_band (SC_THEME_LIGHT, SC_STATUS_RED, &red);
  assert_blend (surface, third.x + 3, trend_value_y (chart, &style, 600, 400, 0, 23, 86.3), &red, &style.background);
  /* above the target: no band, the background */
  assert_blend (surface, third.x + 3, trend_value_y (chart, &style, 600, 400, 0, 23, 97.3),
                &(ScColor) { 0, 0, 0, 0 }, &style.background);
  cairo_surface_destroy (surface);
}

static void
test_trend_marker (void)
{
  ScChartTrendData *data;
  g_autoptr(ScChart) chart = make_trend (24, value_wave);
  ScChartStyle style;
  ScChartHit point, hit;
  gboolean found = FALSE;
  g_autofree char *tooltip = NULL;

  data = (ScChartTrendData *) sc_chart_get_data (chart);
  sc_chart_trend_data_add_marker (data, 7, SC_SEVERITY_CRITICAL, "ISS-0042", "Seals leak");
  sc_chart_style_init (&style, SC_THEME_LIGHT);
  g_assert_true (sc_chart_get_point (chart, &style, 640, 400, 7, &point));
  for (double y = 0; y < point.y && !found; y += 1)
    {
      if (sc_chart_hit_test (chart, &style, 640, 400, point.x, y, &hit) && hit.issue_id != NULL)
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_cmpstr (hit.issue_id, ==, "ISS-0042");
  g_assert_cmpint (hit.index, ==, 7);
  tooltip = sc_chart_dup_tooltip (chart, &hit);
  g_assert_nonnull (strstr (tooltip, "Seals leak"));
}

/* Hit tests */

static GPtrArray *
typical_charts (void)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_unref);

  g_ptr_array_add (charts, make_trend (24, value_wave));
  g_ptr_array_add (charts, make_trend (24, value_gappy));
  g_ptr_array_add (charts, make_bullet (6));
  g_ptr_array_add (charts, make_ranking (30));
  g_ptr_array_add (charts, make_heatmap (20, 8));
  g_ptr_array_add (charts, make_radar (5));
  g_ptr_array_add (charts, make_pareto (8));
  return charts;
}

static void
test_hit_round_trip (void)
{
  g_autoptr(GPtrArray) charts = typical_charts ();
  static const int sizes[][2] = { { 640, 400 }, { 320, 200 }, { 1200, 700 } };
  ScChartStyle style;

  sc_chart_style_init (&style, SC_THEME_LIGHT);
  for (guint c = 0; c < charts->len; c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        ScChart *chart = g_ptr_array_index (charts, c);
        guint n = sc_chart_get_n_points (chart), found = 0;

        for (guint i = 0; i < n; i++)
          {
            ScChartHit point, hit;
            g_autofree char *tooltip = NULL;

            if (!sc_chart_get_point (chart, &style, sizes[s][0], sizes[s][1], i, &point))
              continue;
            found++;
            g_assert_true (sc_chart_hit_test (chart, &style, sizes[s][0], sizes[s][1], point.x, point.y, &hit));
            if (hit.index != (int) i)
              g_error ("%s chart at %d×%d: point %u at (%g, %g) hits %d",
                       sc_chart_kind_to_string (sc_chart_get_kind (chart)), sizes[s][0], sizes[s][1],
                       i, point.x, point.y, hit.index);
            tooltip = sc_chart_dup_tooltip (chart, &hit);
            g_assert_nonnull (tooltip);
          }
        g_assert_cmpuint (found, >, 0);
      }
}

static void
test_hit_outside (void)
{
  g_autoptr(GPtrArray) charts = typical_charts ();
  ScChartStyle style;

  sc_chart_style_init (&style, SC_THEME_LIGHT);
  for (guint c = 0; c < charts->len; c++)
    {
      ScChartHit hit;

      g_assert_false (sc_chart_hit_test (g_ptr_array_index (charts, c), &style, 640, 400, -10, -10, &hit));
      g_assert_cmpint (hit.index, ==, -1);
      g_assert_false (sc_chart_hit_test (g_ptr_array_index (charts, c), &style, 640, 400, 2, 2, &hit));
    }
}

/* Awkward data */

static GPtrArray *
awkward_charts (void)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_unref);
  ScChartParetoData *zeros = sc_chart_pareto_data_new (3);

  g_ptr_array_add (charts, make_trend (24, value_missing));
  g_ptr_array_add (charts, make_trend (24, value_one));
  g_ptr_array_add (charts, make_trend (1, value_constant));
  g_ptr_array_add (charts, make_trend (0, value_constant));
  g_ptr_array_add (charts, make_trend (24, value_negative));
  g_ptr_array_add (charts, make_trend (24, value_huge));
  g_ptr_array_add (charts, make_trend (24, value_constant));
  g_ptr_array_add (charts, make_trend (120, value_gappy));
  g_ptr_array_add (charts, make_trend (1200, value_wave));
  g_ptr_array_add (charts, make_bullet (0));
  g_ptr_array_add (charts, make_bullet (1));
  g_ptr_array_add (charts, make_bullet (40));
  g_ptr_array_add (charts, make_ranking (0));
  g_ptr_array_add (charts, make_ranking (1));
  g_ptr_array_add (charts, make_ranking (200));
  g_ptr_array_add (charts, make_heatmap (0, 0));
  g_ptr_array_add (charts, make_heatmap (1, 1));
  g_ptr_array_add (charts, make_heatmap (200, 15));
  g_ptr_array_add (charts, make_heatmap (3, 40));
  g_ptr_array_add (charts, make_radar (0));
  g_ptr_array_add (charts, make_radar (1));
  g_ptr_array_add (charts, make_radar (2));
  g_ptr_array_add (charts, make_radar (12));
  g_ptr_array_add (charts, make_pareto (0));
  g_ptr_array_add (charts, make_pareto (1));
  g_ptr_array_add (charts, make_pareto (40));
  for (guint i = 0; i < zeros->n_items; i++)
    zeros->items[i].label = g_strdup ("Nothing");
  g_ptr_array_add (charts, sc_chart_new (SC_CHART_PARETO, zeros));
  return charts;
}

static void
test_awkward (void)
{
  g_autoptr(GPtrArray) charts = awkward_charts ();
  static const int sizes[][2] = { { 800, 500 }, { 160, 100 }, { 40, 30 }, { 3, 2 } };
  static const ScTheme themes[] = { SC_THEME_LIGHT, SC_THEME_DARK, SC_THEME_PRINT };

  for (guint c = 0; c < charts->len; c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        ScChart *chart = g_ptr_array_index (charts, c);
        g_autofree char *description = sc_chart_dup_description (chart);
        ScChartStyle style;
        cairo_surface_t *surface;
        ScChartHit hit;

        sc_chart_style_init (&style, themes[(c + s) % G_N_ELEMENTS (themes)]);
        surface = draw_checked (chart, &style, sizes[s][0], sizes[s][1]);
        cairo_surface_destroy (surface);
        g_assert_nonnull (description);
        for (double f = 0; f <= 1; f += 0.125)
          sc_chart_hit_test (chart, &style, sizes[s][0], sizes[s][1], f * sizes[s][0], f * sizes[s][1], &hit);
        for (guint i = 0; i < MIN (sc_chart_get_n_points (chart), 50); i++)
          sc_chart_get_point (chart, &style, sizes[s][0], sizes[s][1], i, &hit);
      }
}

/* Data from the sample workbook */

static void
test_sample_trend (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  ScPartner *s04 = sc_workbook_lookup_partner (book, "s04");
  ScKpi *otd = sc_workbook_lookup_kpi (book, "on_time_delivery_pct");
  g_autoptr(ScChartTrendData) data = sc_chart_trend_data_new_from_workbook (book, s04, otd, SC_PERIOD_NONE,
                                                                            SC_PERIOD_NONE);
  g_autoptr(ScChart) chart = NULL;
  g_autofree char *description = NULL;

  g_assert_cmpuint (data->n_values, ==, 24);
  g_assert_cmpfloat_with_epsilon (data->values[23], 72.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (data->values[19], 66.6, 1e-9);
  g_assert_cmpint (data->statuses[23], ==, SC_STATUS_RED);
  g_assert_cmpfloat (data->target, ==, 95);
  g_assert_cmpuint (data->n_markers, ==, 1);
  g_assert_cmpstr (data->markers[0].id, ==, "ISS-0003");
  g_assert_cmpuint (data->markers[0].index, ==, 19);
  g_assert_cmpint (data->markers[0].severity, ==, SC_SEVERITY_CRITICAL);

  chart = sc_chart_new (SC_CHART_TREND, g_steal_pointer (&data));
  description = sc_chart_dup_description (chart);
  g_assert_cmpstr (description, ==, "On-time delivery, 24 months, latest 72.0 %, below target 95.0 %, 1 issue");
}

static void
test_sample_compare (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  ScPartner *s07 = sc_workbook_lookup_partner (book, "s07");
  g_autoptr(ScChartRankingData) ranking = sc_chart_ranking_data_new_from_workbook (book, SC_PARTNER_SUPPLIER,
                                                                                   s07, SC_PERIOD_NONE);
  g_autoptr(ScChartHeatmapData) heatmap = sc_chart_heatmap_data_new_from_workbook (book, SC_PARTNER_SUPPLIER,
                                                                                   s07, SC_PERIOD_NONE);
  ScChartRankingItem *last = &ranking->items[ranking->n_items - 1];
  guint red = 0;

  /* s07 is the lowest supplier at 2025-12 (docs/sample-data.md) */
  g_assert_cmpuint (ranking->n_items, ==, 19);
  g_assert_true (last->partner == s07);
  g_assert_true (last->highlight);
  g_assert_cmpfloat (last->score, <, 60);
  g_assert_cmpstr (last->grade, ==, "D");
  for (guint i = 1; i < ranking->n_items; i++)
    g_assert_cmpfloat (ranking->items[i - 1].score, >=, ranking->items[i].score);

  g_assert_cmpuint (heatmap->n_rows, ==, 19);
  g_assert_cmpuint (heatmap->n_cols, ==, 13);
  g_assert_cmpint (heatmap->highlight_row, ==, 18);
  for (guint c = 0; c < heatmap->n_cols; c++)
    red += heatmap->statuses[18 * heatmap->n_cols + c] == SC_STATUS_RED;
  g_assert_cmpuint (red, >=, 6);
}

static void
test_sample_radar_pareto (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  ScPartner *c03 = sc_workbook_lookup_partner (book, "c03");
  g_autoptr(ScChartRadarData) radar = sc_chart_radar_data_new_from_workbook (book, c03, SC_PERIOD_NONE);
  g_autoptr(ScChartParetoData) pareto = sc_chart_pareto_data_new_from_workbook (book, NULL, SC_CHART_PARETO_BY_KPI);
  g_autoptr(ScChartParetoData) by_category = sc_chart_pareto_data_new_from_workbook (book, NULL,
                                                                                    SC_CHART_PARETO_BY_CATEGORY);
  g_autoptr(ScChartBulletData) bullet = sc_chart_bullet_data_new_from_workbook (book, c03, NULL, SC_PERIOD_NONE);
  guint total = 0;
  gboolean satisfaction = FALSE;

  for (guint i = 0; i < radar->n_axes; i++)
    {
      if (g_strcmp0 (radar->axes[i].category, "satisfaction") == 0)
        {
          satisfaction = TRUE;
          g_assert_cmpfloat (radar->axes[i].score, <, radar->axes[i].reference);
        }
    }
  g_assert_true (satisfaction);

  for (guint i = 0; i < pareto->n_items; i++)
    {
      total += pareto->items[i].count;
      if (i > 0)
        g_assert_cmpuint (pareto->items[i - 1].count, >=, pareto->items[i].count);
    }
  g_assert_cmpuint (total, ==, 15);
  g_assert_cmpuint (by_category->n_items, <, pareto->n_items);
  g_assert_cmpuint (bullet->n_items, ==, 8);
}

/* The mean of @category over every partner of @type, scored one by one */
static double
mean_by_hand (ScWorkbook     *book,
              ScPartnerType   type,
              const ScRollup *rollup,
              const char     *category)
{
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  GListModel *partners = sc_workbook_get_partners (book);
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(ScPartnerResult) result = NULL;

      if (sc_partner_get_partner_type (partner) != type)
        continue;
      result = sc_scorer_score_partner (scorer, partner, rollup);
      for (guint c = 0; c < result->categories->len; c++)
        {
          const ScCategoryResult *cat = &g_array_index (result->categories, ScCategoryResult, c);

          if (g_strcmp0 (cat->category, category) == 0 && !isnan (cat->score))
            {
              sum += cat->score;
              n++;
            }
        }
    }
  return n ? sum / n : NAN;
}

/* The radar's reference is the mean of the partners of the same type, in
 * the view shown, and follows an edit
 */
static void
test_radar_reference (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  ScPeriod last = sc_workbook_get_first_period (book) + sc_workbook_get_n_periods (book) - 1;
  ScRollup month = { SC_ROLLUP_PERIOD, last };
  ScRollup quarter = { SC_ROLLUP_QUARTER, last };
  const ScRollup *views[] = { &month, &quarter };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(ScChartRadarData) radar = sc_chart_radar_data_new_from_scorer (scorer, s01, views[v]);

      g_assert_cmpuint (radar->n_axes, >=, 4);
      for (guint i = 0; i < radar->n_axes; i++)
        g_assert_cmpfloat_with_epsilon (radar->axes[i].reference,
                                        mean_by_hand (book, SC_PARTNER_SUPPLIER, views[v], radar->axes[i].category),
                                        1e-9);
    }

  /* Every supplier's on-time delivery to 0 %: the delivery mean drops */
  {
    ScKpi *otd = sc_workbook_lookup_kpi (book, "on_time_delivery_pct");
    GListModel *partners = sc_workbook_get_partners (book);
    g_autoptr(ScChartRadarData) before = sc_chart_radar_data_new_from_scorer (scorer, s01, &month);
    g_autoptr(ScChartRadarData) after = NULL;
    double delivery_before = NAN, delivery_after = NAN;

    for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
      {
        g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);

        if (sc_partner_get_partner_type (partner) == SC_PARTNER_SUPPLIER)
          g_assert_true (sc_workbook_set_value (book, partner, otd, last, 0, NULL));
      }
    after = sc_chart_radar_data_new_from_scorer (scorer, s01, &month);
    for (guint i = 0; i < before->n_axes; i++)
      if (g_strcmp0 (before->axes[i].category, "delivery") == 0)
        delivery_before = before->axes[i].reference;
    for (guint i = 0; i < after->n_axes; i++)
      if (g_strcmp0 (after->axes[i].category, "delivery") == 0)
        delivery_after = after->axes[i].reference;
    g_assert_false (isnan (delivery_before));
    g_assert_cmpfloat (delivery_after, <, delivery_before);
    g_assert_cmpfloat_with_epsilon (delivery_after, mean_by_hand (book, SC_PARTNER_SUPPLIER, &month, "delivery"),
                                    1e-9);
  }
}

/* The label column of a ranking of thousands is as wide as its longest
 * name, without measuring every name
 */
static void
test_widest_text (void)
{
  ScChartStyle style;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  ScChartText *text;
  const char *longest = "Officine Meccaniche Bergamasche di Precisione S.p.A.";
  double expected;

  sc_chart_style_init (&style, SC_THEME_LIGHT);
  text = sc_chart_text_new (&style);
  for (guint i = 0; i < 3000; i++)
    g_ptr_array_add (names, g_strdup_printf ("Supplier %u GmbH", i));
  g_ptr_array_add (names, NULL);
  g_ptr_array_insert (names, 1234, g_strdup (longest));

  expected = sc_chart_text_measure (text, SC_CHART_FONT_BODY, longest);
  g_assert_cmpfloat (sc_chart_text_widest (text, SC_CHART_FONT_BODY, (const char * const *) names->pdata,
                                           names->len), ==, expected);

  /* A few: every one measured, NULLs skipped */
  g_assert_cmpfloat (sc_chart_text_widest (text, SC_CHART_FONT_BODY,
                                           (const char * const *) names->pdata + 1230, 10), ==, expected);
  g_assert_cmpfloat (sc_chart_text_widest (text, SC_CHART_FONT_BODY, NULL, 0), ==, 0);
  sc_chart_text_free (text);
}

/* Sparkline */

static void
test_sparkline_isolated_point (void)
{
  static const double values[] = { 1, NAN, 5, NAN, 2, 3 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 30);
  cairo_t *cr = cairo_create (surface);
  guint8 rgba[4];

  sc_sparkline_draw (cr, SC_THEME_LIGHT, 100, 30, values, G_N_ELEMENTS (values), NAN, SC_STATUS_GREEN);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* index 2 of 6 across 95 pixels from 2.5; value 5 is the top */
  pixel (surface, (int) floor (2.5 + 95.0 * 2 / 5), 2, rgba);
  g_assert_cmpuint (rgba[3], >, 100);
  cairo_surface_destroy (surface);
}

/* Export */

static void
assert_magic (const char *path,
              const char *magic,
              gsize       offset)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, offset + strlen (magic));
  g_assert_cmpmem (contents + offset, strlen (magic), magic, strlen (magic));
}

static void
test_export (void)
{
  g_autoptr(ScChart) chart = make_trend (24, value_wave);
  g_autofree char *dir = g_dir_make_tmp ("test-charts-XXXXXX", NULL);
  static const struct { const char *name; const char *magic; gsize offset; } files[] = {
    { "chart.png", "\x89PNG\r\n\x1a\n", 0 },
    { "chart.svg", "<svg", 0 },
    { "chart.pdf", "%PDF-", 0 },
  };
  ScChartStyle style;

  sc_chart_style_init (&style, SC_THEME_DARK);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autoptr(GError) error = NULL;
      ScChartFormat format;

      g_assert_true (sc_chart_format_from_filename (path, &format));
      g_assert_true (sc_chart_export (chart, &style, 400, 250, format, path, &error));
      g_assert_no_error (error);
      if (format == SC_CHART_FORMAT_SVG)
        {
          g_autofree char *contents = NULL;

          g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
          g_assert_nonnull (strstr (contents, "<svg"));
        }
      else
        assert_magic (path, files[i].magic, files[i].offset);
      g_unlink (path);
    }

  /* At twice the pixels: the same chart, 800 × 500 */
  {
    g_autofree char *path = g_build_filename (dir, "chart@2x.png", NULL);
    g_autoptr(GError) error = NULL;
    cairo_surface_t *image;

    g_assert_true (sc_chart_export_scaled (chart, &style, 400, 250, 2, SC_CHART_FORMAT_PNG, path, &error));
    g_assert_no_error (error);
    image = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 500);
    cairo_surface_destroy (image);
    g_unlink (path);
  }
  g_rmdir (dir);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sc_chart_export (chart, &style, 400, 250, SC_CHART_FORMAT_PNG,
                                     "/nonexistent/dir/chart.png", &error));
    g_assert_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "/nonexistent/dir/chart.png"));
  }
}

/* Runs `scorecards chart` on the sample with @extra arguments. */
static int
run_chart (const char        *output,
           const char * const *extra,
           char             **err)
{
  const char *bin = g_getenv ("SCORECARDS_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *) bin);
  g_ptr_array_add (argv, (char *) "chart");
  g_ptr_array_add (argv, (char *) g_test_get_filename (G_TEST_DIST, "..", "data", "samples",
                                                       "contoso-2024-2025.scorecard", NULL));
  if (output)
    {
      g_ptr_array_add (argv, (char *) "-o");
      g_ptr_array_add (argv, (char *) output);
    }
  for (guint i = 0; extra[i]; i++)
    g_ptr_array_add (argv, (char *) extra[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  static const struct { const char *name; const char *args[5]; const char *magic; } runs[] = {
    { "trend.png", { "--partner", "s04", NULL }, "\x89PNG\r\n\x1a\n" },
    { "ppm.svg", { "--partner", "Precision Hydraulics", "--kpi", "ppm_defects", NULL }, "<?xml" },
    { "heatmap.pdf", { "--kind", "heatmap", "--theme", "print", NULL }, "%PDF-" },
    { "radar.png", { "--partner", "c03", "--kind", "radar", NULL }, "\x89PNG\r\n\x1a\n" },
    { "pareto.PDF", { "--kind", "pareto", "--theme", "dark", NULL }, "%PDF-" },
  };

  if (g_getenv ("SCORECARDS_BIN") == NULL)
    {
      g_test_skip ("SCORECARDS_BIN is not set");
      return;
    }
  dir = g_dir_make_tmp ("test-charts-cli-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *path = g_build_filename (dir, runs[i].name, NULL);
      g_autofree char *err = NULL;

      g_assert_cmpint (run_chart (path, runs[i].args, &err), ==, 0);
      assert_magic (path, runs[i].magic, 0);
      g_unlink (path);
    }

  {
    g_autofree char *path = g_build_filename (dir, "x.png", NULL);
    g_autofree char *gif = g_build_filename (dir, "x.gif", NULL);
    g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL, *e4 = NULL;

    g_assert_cmpint (run_chart (path, (const char *[]) { "--partner", "no such partner", NULL }, &e1), ==, 1);
    g_assert_nonnull (strstr (e1, "no such partner"));
    g_assert_cmpint (run_chart (gif, (const char *[]) { "--partner", "s04", NULL }, &e2), ==, 2);
    g_assert_cmpint (run_chart (NULL, (const char *[]) { "--partner", "s04", NULL }, &e3), ==, 2);
    g_assert_cmpint (run_chart (path, (const char *[]) { "--kind", "pie", NULL }, &e4), ==, 2);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/trend/target-line", test_trend_target_line);
  g_test_add_func ("/charts/trend/bands", test_trend_bands);
  g_test_add_func ("/charts/trend/issue-marker", test_trend_marker);
  g_test_add_func ("/charts/hit-test/round-trip", test_hit_round_trip);
  g_test_add_func ("/charts/hit-test/outside", test_hit_outside);
  g_test_add_func ("/charts/awkward-data", test_awkward);
  g_test_add_func ("/charts/sample/trend", test_sample_trend);
  g_test_add_func ("/charts/sample/ranking-heatmap", test_sample_compare);
  g_test_add_func ("/charts/sample/radar-pareto-bullet", test_sample_radar_pareto);
  g_test_add_func ("/charts/sample/radar-reference", test_radar_reference);
  g_test_add_func ("/charts/widest-text", test_widest_text);
  g_test_add_func ("/charts/sparkline/isolated-point", test_sparkline_isolated_point);
  g_test_add_func ("/charts/export", test_export);
  g_test_add_func ("/charts/cli", test_cli);

  return g_test_run ();
}
