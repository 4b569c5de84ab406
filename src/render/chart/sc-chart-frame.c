/* sc-chart-frame.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every chart kind shares around its data: the clip to the frame, the
 * background, the title block, value axes with grid lines and the "no
 * data" message. Each function that places something can also run without
 * a cairo_t, so a hit test repeats the layout of the drawing exactly.
 */

#define G_LOG_DOMAIN "sc-chart-frame"

#include "config.h"

#include <math.h>

#include "sc-chart-frame.h"

gboolean
sc_chart_rect_contains (const ScChartRect *rect,
                        double             x,
                        double             y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
         y >= rect->y && y <= rect->y + rect->height;
}

/* Saves @cr and clips it to the frame, so nothing a chart draws can spill
 * outside it whatever its data; paints the background for print.
 */
void
sc_chart_frame_begin (cairo_t            *cr,
                      const ScChartStyle *style,
                      double              width,
                      double              height)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, MAX (width, 0), MAX (height, 0));
  cairo_clip (cr);
  if (style->paint_background)
    {
      sc_color_set_source (cr, &style->background);
      cairo_paint (cr);
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
}

void
sc_chart_frame_end (cairo_t *cr)
{
  cairo_restore (cr);
}

/* Snaps a line @line_width wide to the pixel grid at @coordinate. */
double
sc_chart_crisp (double coordinate,
                double line_width)
{
  if (((int) round (line_width)) % 2 == 1)
    return floor (coordinate) + 0.5;
  return round (coordinate);
}

/* The title and subtitle at the top left, @aside (e.g. the latest value)
 * at the top right; returns the height they take. With @cr NULL only
 * measures.
 */
double
sc_chart_frame_header (ScChartText        *text,
                       cairo_t            *cr,
                       const ScChartStyle *style,
                       double              width,
                       const char         *title,
                       const char         *subtitle,
                       const char         *aside)
{
  double pad = SC_CHART_PAD (style), y = pad, aside_width = 0, available;

  if (title == NULL && subtitle == NULL)
    return 0;

  if (aside != NULL)
    {
      sc_chart_text_set (text, SC_CHART_FONT_TITLE, aside, -1);
      sc_chart_text_get_size (text, &aside_width, NULL);
      /* the aside gives way to the title on a narrow chart */
      if (aside_width > (width - 2 * pad) * 0.4)
        aside_width = 0;
      else if (cr)
        {
          sc_color_set_source (cr, &style->foreground);
          sc_chart_text_show (text, cr, width - pad, pad, 1, 0);
        }
    }
  available = width - 2 * pad - (aside_width > 0 ? aside_width + pad : 0);

  if (title != NULL)
    {
      sc_chart_text_set (text, SC_CHART_FONT_TITLE, title, available);
      if (cr)
        {
          sc_color_set_source (cr, &style->foreground);
          sc_chart_text_show (text, cr, pad, y, 0, 0);
        }
      y += sc_chart_text_line_height (text, SC_CHART_FONT_TITLE);
    }
  if (subtitle != NULL)
    {
      sc_chart_text_set (text, SC_CHART_FONT_SMALL, subtitle, available);
      if (cr)
        {
          sc_color_set_source (cr, &style->muted);
          sc_chart_text_show (text, cr, pad, y, 0, 0);
        }
      y += sc_chart_text_line_height (text, SC_CHART_FONT_SMALL);
    }
  return y;
}

/* A centred message such as "No data" in @rect, if it fits. */
void
sc_chart_frame_message (ScChartText        *text,
                        cairo_t            *cr,
                        const ScChartStyle *style,
                        const ScChartRect  *rect,
                        const char         *message)
{
  if (rect->width <= 0 || rect->height < sc_chart_text_line_height (text, SC_CHART_FONT_BODY))
    return;
  sc_chart_text_set (text, SC_CHART_FONT_BODY, message, rect->width);
  sc_color_set_source (cr, &style->muted);
  sc_chart_text_show (text, cr, rect->x + rect->width / 2, rect->y + rect->height / 2, 0.5, 0.5);
}

/* The rows [*first, *end) of @n_rows rows @row_height tall from @top that
 * meet @cr's clip: a chart of thousands of partners is drawn in tiles, and
 * each tile draws only its own rows (and one more each side, for labels
 * that overhang).
 */
void
sc_chart_visible_rows (cairo_t *cr,
                       double   top,
                       double   row_height,
                       guint    n_rows,
                       guint   *first,
                       guint   *end)
{
  double x1, y1, x2, y2, a, b;

  *first = 0;
  *end = n_rows;
  if (row_height <= 0 || n_rows == 0)
    return;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  a = floor ((y1 - top) / row_height) - 1;
  b = ceil ((y2 - top) / row_height) + 1;
  *first = (guint) CLAMP (a, 0, n_rows);
  *end = (guint) CLAMP (b, *first, n_rows);
}

/* How many steps an axis @length long can hold with labels at least
 * @spacing line heights apart.
 */
guint
sc_chart_axis_max_steps (ScChartText *text,
                         double       length,
                         double       spacing)
{
  double line = sc_chart_text_line_height (text, SC_CHART_FONT_SMALL);

  if (length <= 0)
    return 1;
  return CLAMP ((guint) (length / (line * spacing)), 1, 10);
}

/* The width of the widest tick label of @scale. */
double
sc_chart_axis_label_width (ScChartText        *text,
                           const ScChartScale *scale,
                           const char         *unit)
{
  double widest = 0;

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      g_autofree char *label = sc_chart_scale_format_tick (scale, sc_chart_scale_tick (scale, i), unit);

      widest = MAX (widest, sc_chart_text_measure (text, SC_CHART_FONT_SMALL, label));
    }
  return widest;
}

/* Horizontal grid lines at each tick of @scale across @plot, labelled on
 * the left (or the right) of it.
 */
void
sc_chart_axis_draw_y (ScChartText        *text,
                      cairo_t            *cr,
                      const ScChartStyle *style,
                      const ScChartScale *scale,
                      const char         *unit,
                      const ScChartRect  *plot,
                      gboolean            right)
{
  double pad = SC_CHART_PAD (style) / 2;

  cairo_set_line_width (cr, 1);
  sc_color_set_source (cr, &style->grid);
  for (guint i = 0; i < scale->n_ticks && !right; i++)
    {
      double y = plot->y + plot->height * (1 - sc_chart_scale_fraction (scale, sc_chart_scale_tick (scale, i)));

      y = sc_chart_crisp (y, 1);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
    }
  cairo_stroke (cr);

  sc_color_set_source (cr, &style->muted);
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double value = sc_chart_scale_tick (scale, i);
      double y = plot->y + plot->height * (1 - sc_chart_scale_fraction (scale, value));
      g_autofree char *label = sc_chart_scale_format_tick (scale, value, unit);

      sc_chart_text_set (text, SC_CHART_FONT_SMALL, label, -1);
      if (right)
        sc_chart_text_show (text, cr, plot->x + plot->width + pad, y, 0, 0.5);
      else
        sc_chart_text_show (text, cr, plot->x - pad, y, 1, 0.5);
    }
}

/* Vertical grid lines at each tick of @scale, labelled under @plot; labels
 * that would collide are thinned.
 */
void
sc_chart_axis_draw_x (ScChartText        *text,
                      cairo_t            *cr,
                      const ScChartStyle *style,
                      const ScChartScale *scale,
                      const char         *unit,
                      const ScChartRect  *plot)
{
  static const guint steps[] = { 1, 2, 5, 10 };
  double widest = sc_chart_axis_label_width (text, scale, unit);
  double slot = scale->n_ticks > 1 ? plot->width / (scale->n_ticks - 1) : plot->width;
  guint every = sc_chart_thin_step (slot, widest, steps, G_N_ELEMENTS (steps));

  cairo_set_line_width (cr, 1);
  sc_color_set_source (cr, &style->grid);
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double x = sc_chart_crisp (plot->x + plot->width * sc_chart_scale_fraction (scale, sc_chart_scale_tick (scale, i)), 1);

      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, plot->y + plot->height);
    }
  cairo_stroke (cr);

  if (every == 0)
    return;
  sc_color_set_source (cr, &style->muted);
  for (guint i = 0; i < scale->n_ticks; i += every)
    {
      double value = sc_chart_scale_tick (scale, i);
      g_autofree char *label = sc_chart_scale_format_tick (scale, value, unit);

      sc_chart_text_set (text, SC_CHART_FONT_SMALL, label, -1);
      sc_chart_text_show (text, cr, plot->x + plot->width * sc_chart_scale_fraction (scale, value),
                          plot->y + plot->height + SC_CHART_PAD (style) / 3, 0.5, 0);
    }
}
