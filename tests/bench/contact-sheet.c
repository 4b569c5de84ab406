/* contact-sheet.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws every chart kind large and small, light and dark, plus awkward
 * data, onto one PNG to look at (docs/charts-contact-sheet.png), and every
 * kind in the print theme into a PDF, one page each.
 *
 *   contact-sheet data/samples/contoso-2024-2025.scorecard OUT.png [OUT.pdf]
 */

#include "config.h"

#include <cairo-pdf.h>
#include <locale.h>
#include <math.h>

#include "sc-chart.h"
#include "sc-sparkline.h"
#include "sc-workbook-io.h"

#define LARGE_W 640
#define LARGE_H 400
#define SMALL_W 320
#define SMALL_H 200
#define GAP     16

typedef struct
{
  ScChartKind  kind;
  const char  *partner;
  const char  *kpi;
} Sample;

static const Sample samples[] = {
  { SC_CHART_TREND, "s04", "on_time_delivery_pct" },
  { SC_CHART_TREND, "s02", "ppm_defects" },
  { SC_CHART_BULLET, "s07", NULL },
  { SC_CHART_RANKING, "s07", NULL },
  { SC_CHART_HEATMAP, "s07", NULL },
  { SC_CHART_RADAR, "c03", NULL },
  { SC_CHART_PARETO, NULL, NULL },
};

static ScChart *
sample_chart (ScWorkbook   *book,
              const Sample *sample)
{
  g_autoptr(GError) error = NULL;
  ScPartner *partner = sample->partner ? sc_workbook_lookup_partner (book, sample->partner) : NULL;
  ScKpi *kpi = sample->kpi ? sc_workbook_lookup_kpi (book, sample->kpi) : NULL;
  ScChart *chart = sc_chart_new_from_workbook (book, sample->kind, partner, kpi,
                                               SC_PERIOD_NONE, SC_PERIOD_NONE, &error);

  g_assert_no_error (error);
  return chart;
}

static void
draw_cell (cairo_t *cr,
           ScChart *chart,
           ScTheme  theme,
           double   x,
           double   y,
           double   width,
           double   height)
{
  ScChartStyle style;

  sc_chart_style_init (&style, theme);
  style.paint_background = TRUE;
  if (width < LARGE_W)
    style.font_size = 11;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  sc_chart_draw (chart, cr, &style, width, height);
  /* the frame, to see that nothing spills out of it */
  cairo_rectangle (cr, -0.5, -0.5, width + 1, height + 1);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Awkward data: all missing, one point, negative and huge values, a
 * constant series, 120 periods with gaps.
 */
static ScChart *
awkward_trend (guint which)
{
  guint n = which == 4 ? 120 : 24;
  ScChartTrendData *data = sc_chart_trend_data_new (n);

  data->title = g_strdup ((const char *[]) { "All missing", "One point", "Negative", "Huge", "120 periods, gaps" }[which]);
  data->target = which == 2 ? -5 : which == 3 ? 2e9 : 50;
  data->warning = which == 2 ? -20 : which == 3 ? 1e9 : 40;
  for (guint i = 0; i < n; i++)
    {
      double v = which == 1 ? (i == 11 ? 60 : NAN) :
                 which == 2 ? -30 + 25 * sin (i / 3.0) :
                 which == 3 ? 3e9 * (1 + 0.5 * sin (i / 4.0)) :
                 which == 4 ? ((i / 7) % 3 == 2 && i % 7 != 3 ? NAN : 50 + 20 * sin (i / 9.0)) : NAN;

      data->values[i] = v;
      data->statuses[i] = isnan (v) ? SC_STATUS_NO_DATA : v >= data->target ? SC_STATUS_GREEN :
                          v >= data->warning ? SC_STATUS_AMBER : SC_STATUS_RED;
    }
  return sc_chart_new (SC_CHART_TREND, data);
}

static void
draw_sparklines (cairo_t *cr,
                 double   x,
                 double   y)
{
  static const double values[] = { 3, 4, NAN, 5, NAN, NAN, 4, 6, 5, NAN, 7, NAN, 6, 6.5, 7 };

  for (guint t = 0; t < 2; t++)
    {
      ScColor bg;

      sc_palette_background (t ? SC_THEME_DARK : SC_THEME_LIGHT, &bg);
      sc_color_set_source (cr, &bg);
      cairo_rectangle (cr, x + t * 120, y, 110, 32);
      cairo_fill (cr);
      cairo_save (cr);
      cairo_translate (cr, x + t * 120 + 7, y + 2);
      sc_sparkline_draw (cr, t ? SC_THEME_DARK : SC_THEME_LIGHT, 96, 28, values,
                         G_N_ELEMENTS (values), 5, SC_STATUS_GREEN);
      cairo_restore (cr);
    }
}

static void
write_pdf (GPtrArray  *charts,
           const char *filename)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (filename, 595, 842);
  cairo_t *cr = cairo_create (surface);
  ScChartStyle style;

  sc_chart_style_init (&style, SC_THEME_PRINT);
  style.font_size = 10;
  for (guint i = 0; i < charts->len; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 48, 60);
      sc_chart_draw (g_ptr_array_index (charts, i), cr, &style, 499, 320);
      cairo_translate (cr, 0, 360);
      sc_chart_draw (g_ptr_array_index (charts, i), cr, &style, 240, 150);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_unref);
  guint n_rows = G_N_ELEMENTS (samples) + 2;
  double width = 2 * (LARGE_W + SMALL_W) + 5 * GAP, height = n_rows * (LARGE_H + GAP) + GAP;
  cairo_surface_t *surface;
  cairo_t *cr;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      g_printerr ("usage: %s BOOK OUT.png [OUT.pdf]\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  book = sc_workbook_load_from_file (file, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_ptr_array_add (charts, sample_chart (book, &samples[i]));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.78);
  cairo_paint (cr);
  for (guint i = 0; i < charts->len; i++)
    {
      double y = GAP + i * (LARGE_H + GAP), x = GAP;

      draw_cell (cr, g_ptr_array_index (charts, i), SC_THEME_LIGHT, x, y, LARGE_W, LARGE_H);
      draw_cell (cr, g_ptr_array_index (charts, i), SC_THEME_DARK, x += LARGE_W + GAP, y, LARGE_W, LARGE_H);
      draw_cell (cr, g_ptr_array_index (charts, i), SC_THEME_LIGHT, x += LARGE_W + GAP, y, SMALL_W, SMALL_H);
      draw_cell (cr, g_ptr_array_index (charts, i), SC_THEME_DARK, x += SMALL_W + GAP, y, SMALL_W, SMALL_H);
      draw_cell (cr, g_ptr_array_index (charts, i), SC_THEME_PRINT, x - SMALL_W - GAP, y + SMALL_H + GAP,
                 SMALL_W, SMALL_H - GAP);
      draw_cell (cr, g_ptr_array_index (charts, i), SC_THEME_LIGHT, x, y + SMALL_H + GAP, 160, SMALL_H - GAP);
    }
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ScChart) chart = awkward_trend (i);
      double y = GAP + charts->len * (LARGE_H + GAP);

      draw_cell (cr, chart, i % 2 ? SC_THEME_DARK : SC_THEME_LIGHT, GAP + i * (SMALL_W + 3 * GAP),
                 y, SMALL_W + 2 * GAP, SMALL_H);
    }
  draw_sparklines (cr, GAP, GAP + charts->len * (LARGE_H + GAP) + SMALL_H + GAP);
  cairo_surface_write_to_png (surface, argv[2]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (argc > 3)
    write_pdf (charts, argv[3]);
  return 0;
}
