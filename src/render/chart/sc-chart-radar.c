/* sc-chart-radar.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The category radar: one spoke per KPI category, scored 0–100 from the
 * centre out, the partner as a filled polygon over the reference (the
 * mean of its peers) as a dashed one. Each spoke is labelled with the
 * category and the score, so the numbers are there to read, not only
 * the shape.
 */

#define G_LOG_DOMAIN "sc-chart-radar"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"
#include "sc-chart-frame.h"
#include "sc-chart-radar.h"
#include "sc-chart-shape.h"

typedef struct
{
  double header;
  double cx;
  double cy;
  double radius;
  double legend_y;
} RadarLayout;

static double
axis_angle (const ScChartRadarData *data,
            guint                   index)
{
  return -G_PI / 2 + 2 * G_PI * index / MAX (data->n_axes, 1);
}

static void
axis_point (const RadarLayout      *layout,
            const ScChartRadarData *data,
            guint                   index,
            double                  score,
            double                 *x,
            double                 *y)
{
  double r = layout->radius * CLAMP (score, 0, 100) / 100;

  *x = layout->cx + r * cos (axis_angle (data, index));
  *y = layout->cy + r * sin (axis_angle (data, index));
}

static double
widest_axis_label (ScChartText            *text,
                   const ScChartRadarData *data)
{
  double widest = 0;

  for (guint i = 0; i < data->n_axes; i++)
    widest = MAX (widest, sc_chart_text_measure (text, SC_CHART_FONT_BODY, data->axes[i].label));
  return MIN (widest, 10 * sc_chart_text_line_height (text, SC_CHART_FONT_BODY));
}

/* Keeps room around the circle for the spoke labels: their width on the
 * sides, two lines above and below.
 */
static void
radar_layout (ScChartText            *text,
              cairo_t                *cr,
              const ScChartStyle     *style,
              double                  width,
              double                  height,
              const ScChartRadarData *data,
              RadarLayout            *layout)
{
  double pad = SC_CHART_PAD (style);
  double body = sc_chart_text_line_height (text, SC_CHART_FONT_BODY);
  double small = sc_chart_text_line_height (text, SC_CHART_FONT_SMALL);
  double label = widest_axis_label (text, data), top, bottom;

  layout->header = height >= 10 * body ? sc_chart_frame_header (text, cr, style, width, data->title,
                                                                data->subtitle, NULL) : 0;
  layout->legend_y = height - pad - small / 2;
  top = layout->header + pad + body + small;
  bottom = height - pad - (layout->header > 0 ? small + pad : 0) - body - small;
  layout->cx = width / 2;
  layout->cy = (top + bottom) / 2;
  layout->radius = MAX (MIN ((bottom - top) / 2, width / 2 - pad - label - pad / 2), 1);
}

static void
draw_grid (ScChartText            *text,
           cairo_t                *cr,
           const ScChartStyle     *style,
           const ScChartRadarData *data,
           const RadarLayout      *layout)
{
  double x, y;

  sc_color_set_source (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  for (guint ring = 1; ring <= 4; ring++)
    {
      for (guint i = 0; i <= data->n_axes; i++)
        {
          axis_point (layout, data, i % data->n_axes, ring * 25, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
  for (guint i = 0; i < data->n_axes; i++)
    {
      axis_point (layout, data, i, 100, &x, &y);
      cairo_move_to (cr, layout->cx, layout->cy);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  if (layout->radius < 4 * sc_chart_text_line_height (text, SC_CHART_FONT_SMALL))
    return;
  sc_color_set_source (cr, &style->muted);
  for (guint ring = 1; ring <= 4; ring++)
    {
      g_autofree char *label = g_strdup_printf ("%u", ring * 25);

      sc_chart_text_draw (text, cr, SC_CHART_FONT_SMALL, label, -1,
                          layout->cx + 3, layout->cy - layout->radius * ring / 4, 0, 0.5);
    }
}

/* A polygon through the axes that have a score; missing ones are skipped. */
static gboolean
polygon_path (cairo_t                *cr,
              const ScChartRadarData *data,
              const RadarLayout      *layout,
              gboolean                reference)
{
  gboolean any = FALSE;

  for (guint i = 0; i < data->n_axes; i++)
    {
      double score = reference ? data->axes[i].reference : data->axes[i].score;
      double x, y;

      if (!isfinite (score))
        continue;
      axis_point (layout, data, i, score, &x, &y);
      if (any)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      any = TRUE;
    }
  if (any)
    cairo_close_path (cr);
  return any;
}

static void
draw_polygons (cairo_t                *cr,
               const ScChartStyle     *style,
               const ScChartRadarData *data,
               const RadarLayout      *layout)
{
  static const double dashes[] = { 5, 3 };
  ScColor line = style->line;

  if (polygon_path (cr, data, layout, TRUE))
    {
      sc_color_set_source (cr, &style->muted);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  if (polygon_path (cr, data, layout, FALSE))
    {
      cairo_set_source_rgba (cr, line.red, line.green, line.blue, 0.22);
      cairo_fill_preserve (cr);
      sc_color_set_source (cr, &line);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < data->n_axes; i++)
    {
      double x, y;

      if (!isfinite (data->axes[i].score))
        continue;
      axis_point (layout, data, i, data->axes[i].score, &x, &y);
      sc_chart_shape_draw (cr, SC_CHART_SHAPE_CIRCLE, x, y, 3.5, &line, &style->background);
    }
}

static void
draw_axis_labels (ScChartText            *text,
                  cairo_t                *cr,
                  const ScChartStyle     *style,
                  const ScChartRadarData *data,
                  const RadarLayout      *layout)
{
  double body = sc_chart_text_line_height (text, SC_CHART_FONT_BODY);
  double small = sc_chart_text_line_height (text, SC_CHART_FONT_SMALL);
  double max_width = widest_axis_label (text, data);

  for (guint i = 0; i < data->n_axes; i++)
    {
      double a = axis_angle (data, i), c = cos (a), s = sin (a);
      double x = layout->cx + (layout->radius + SC_CHART_PAD (style) / 2) * c;
      double y = layout->cy + (layout->radius + SC_CHART_PAD (style) / 2) * s;
      double xalign = c > 0.3 ? 0 : c < -0.3 ? 1 : 0.5;
      double top = s < -0.3 ? y - body - small : s > 0.3 ? y : y - (body + small) / 2;
      g_autofree char *score = isfinite (data->axes[i].score) ? sc_language_format_number (NULL, data->axes[i].score, 0)
                                                              : g_strdup (_("no data"));

      sc_color_set_source (cr, &style->foreground);
      sc_chart_text_draw (text, cr, SC_CHART_FONT_BODY, data->axes[i].label, max_width, x, top, xalign, 0);
      sc_color_set_source (cr, isfinite (data->axes[i].score) ? &style->foreground : &style->muted);
      sc_chart_text_draw (text, cr, isfinite (data->axes[i].score) ? SC_CHART_FONT_BOLD : SC_CHART_FONT_SMALL,
                          score, -1, x, top + body, xalign, 0);
    }
}

static void
draw_legend (ScChartText            *text,
             cairo_t                *cr,
             const ScChartStyle     *style,
             const ScChartRadarData *data,
             const RadarLayout      *layout,
             double                  width)
{
  static const double dashes[] = { 5, 3 };
  const char *own = data->partner ? sc_partner_get_name (data->partner) : _("Score");
  const char *reference = data->reference_label ? data->reference_label : _("Reference");
  double swatch = style->font_size * 1.5, gap = SC_CHART_PAD (style), half = width / 2 - 2 * gap;
  double own_width = MIN (sc_chart_text_measure (text, SC_CHART_FONT_SMALL, own), half - swatch);
  double ref_width = MIN (sc_chart_text_measure (text, SC_CHART_FONT_SMALL, reference), half - swatch);
  double x = (width - (2 * swatch + own_width + ref_width + 3 * gap)) / 2, y = layout->legend_y;

  cairo_set_line_width (cr, 2);
  sc_color_set_source (cr, &style->line);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + swatch - 4, y);
  cairo_stroke (cr);
  sc_color_set_source (cr, &style->foreground);
  sc_chart_text_draw (text, cr, SC_CHART_FONT_SMALL, own, own_width + 1, x + swatch, y, 0, 0.5);

  x += swatch + own_width + 2 * gap;
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, 2, 0);
  sc_color_set_source (cr, &style->muted);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + swatch - 4, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  sc_chart_text_draw (text, cr, SC_CHART_FONT_SMALL, reference, ref_width + 1, x + swatch, y, 0, 0.5);
}

void
sc_chart_radar_draw (cairo_t                *cr,
                     const ScChartStyle     *style,
                     double                  width,
                     double                  height,
                     const ScChartRadarData *data)
{
  g_autoptr(ScChartText) text = NULL;
  RadarLayout layout;

  g_return_if_fail (cr != NULL && style != NULL && data != NULL);

  if (width < 1 || height < 1)
    return;

  text = sc_chart_text_new (style);
  sc_chart_frame_begin (cr, style, width, height);
  radar_layout (text, cr, style, width, height, data, &layout);

  if (data->n_axes == 0)
    {
      ScChartRect rect = { 0, layout.header, width, height - layout.header };

      sc_chart_frame_message (text, cr, style, &rect, _("No data"));
      sc_chart_frame_end (cr);
      return;
    }
  draw_grid (text, cr, style, data, &layout);
  draw_polygons (cr, style, data, &layout);
  draw_axis_labels (text, cr, style, data, &layout);
  if (layout.header > 0)
    draw_legend (text, cr, style, data, &layout, width);

  sc_chart_frame_end (cr);
}

static void
measure_layout (const ScChartStyle     *style,
                double                  width,
                double                  height,
                const ScChartRadarData *data,
                RadarLayout            *layout)
{
  g_autoptr(ScChartText) text = sc_chart_text_new (style);

  radar_layout (text, NULL, style, width, height, data, layout);
}

static void
radar_hit (const ScChartRadarData *data,
           const RadarLayout      *layout,
           guint                   index,
           ScChartHit             *hit)
{
  double score = data->axes[index].score;

  sc_chart_hit_clear (hit);
  hit->index = index;
  hit->partner = data->partner;
  hit->period = data->period;
  /* off the centre, where every spoke meets, so the anchor tells its spoke */
  axis_point (layout, data, index, isfinite (score) ? MAX (score, 12) : 12, &hit->x, &hit->y);
}

/* The spoke nearest in angle to (@x, @y), within the circle and a margin
 * for its label.
 */
gboolean
sc_chart_radar_hit_test (const ScChartStyle     *style,
                         double                  width,
                         double                  height,
                         const ScChartRadarData *data,
                         double                  x,
                         double                  y,
                         ScChartHit             *hit)
{
  RadarLayout layout;
  double angle, sector;
  int index;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (data->n_axes == 0)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  if (hypot (x - layout.cx, y - layout.cy) > layout.radius + 2 * style->font_size)
    return FALSE;
  sector = 2 * G_PI / data->n_axes;
  angle = atan2 (y - layout.cy, x - layout.cx) + G_PI / 2;
  index = ((int) floor ((angle + sector / 2) / sector) % (int) data->n_axes + (int) data->n_axes) % (int) data->n_axes;
  radar_hit (data, &layout, index, hit);
  return TRUE;
}

gboolean
sc_chart_radar_get_point (const ScChartStyle     *style,
                          double                  width,
                          double                  height,
                          const ScChartRadarData *data,
                          guint                   index,
                          ScChartHit             *hit)
{
  RadarLayout layout;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (index >= data->n_axes)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  radar_hit (data, &layout, index, hit);
  return TRUE;
}

char *
sc_chart_radar_dup_tooltip (const ScChartRadarData *data,
                            const ScChartHit       *hit)
{
  const ScChartRadarAxis *axis;
  g_autofree char *score = NULL;
  g_autofree char *reference = NULL;

  g_return_val_if_fail (data != NULL && hit != NULL, NULL);

  if (hit->index < 0 || (guint) hit->index >= data->n_axes)
    return NULL;
  axis = &data->axes[hit->index];
  score = isfinite (axis->score) ? sc_language_format_number (NULL, axis->score, 1) : g_strdup (_("no data"));
  reference = isfinite (axis->reference) ? sc_language_format_number (NULL, axis->reference, 1) : g_strdup ("—");
  /* Translators: a radar tooltip: category, score, then the reference's name and score */
  return g_strdup_printf (_("%s — score %s\n%s: %s"), axis->label, score,
                          data->reference_label ? data->reference_label : _("Reference"), reference);
}

char *
sc_chart_radar_dup_description (const ScChartRadarData *data)
{
  g_autoptr(GString) str = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  g_string_append (str, data->title ? data->title : _("Score by category"));
  for (guint i = 0; i < data->n_axes; i++)
    {
      if (isfinite (data->axes[i].score))
        g_string_append_printf (str, ", %s %.0f", data->axes[i].label, data->axes[i].score);
      else
        g_string_append_printf (str, ", %s %s", data->axes[i].label, _("no data"));
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}
