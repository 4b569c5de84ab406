/* sc-chart-trend.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The KPI trend: a line of values over periods with gaps where data is
 * missing, the target line, tinted warning and critical bands, off-target
 * points marked by status shape and colour, and issue markers (shape and
 * colour by severity) in a lane above the plot.
 */

#define G_LOG_DOMAIN "sc-chart-trend"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"
#include "sc-chart-frame.h"
#include "sc-chart-shape.h"
#include "sc-chart-trend.h"

typedef struct
{
  ScChartRect  plot;
  ScChartScale scale;
  double       header;
  double       lane_y;      /* centre of the issue marker lane */
  double       slot;        /* width of one period */
  guint        label_step;  /* label every n-th period, 0: none */
  gboolean     year_only;
  const char  *unit;
} TrendLayout;

static int
last_index (const ScChartTrendData *data)
{
  for (guint i = data->n_values; i > 0; i--)
    {
      if (!isnan (data->values[i - 1]))
        return i - 1;
    }
  return -1;
}

static double
trend_x (const TrendLayout *layout,
         guint              index)
{
  return layout->plot.x + (index + 0.5) * layout->slot;
}

static double
trend_y (const TrendLayout *layout,
         double             value)
{
  return layout->plot.y + layout->plot.height * (1 - sc_chart_scale_fraction (&layout->scale, value));
}

/* The value range to show: the data, the target and the warning threshold,
 * so the bands that tell good from bad are always in view.
 */
static void
trend_domain (const ScChartTrendData *data,
              double                 *lo,
              double                 *hi)
{
  double extra[] = { data->target, data->target_max, data->warning };

  *lo = INFINITY;
  *hi = -INFINITY;
  for (guint i = 0; i < data->n_values; i++)
    {
      if (isfinite (data->values[i]))
        {
          *lo = MIN (*lo, data->values[i]);
          *hi = MAX (*hi, data->values[i]);
        }
    }
  if (data->direction == SC_DIRECTION_BAND && isfinite (data->warning))
    {
      extra[2] = data->target - data->warning;
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      if (isfinite (extra[i]))
        {
          *lo = MIN (*lo, extra[i]);
          *hi = MAX (*hi, extra[i]);
        }
    }
}

static gboolean
is_month_chart (const ScChartTrendData *data)
{
  return data->granularity == SC_GRANULARITY_MONTH;
}

/* The label under period @index, or NULL when it has none; months show
 * the month with the year below it at the first label and in January.
 */
static char *
period_label (const ScChartTrendData *data,
              const TrendLayout      *layout,
              guint                   index,
              gboolean                first)
{
  ScPeriod period = data->first_period + (ScPeriod) index;
  GDate date;
  int month;

  if (!is_month_chart (data))
    return sc_chart_period_label (data->granularity, period);

  month = period % 12;
  if (!g_date_valid_dmy (1, month + 1, period / 12))
    return g_strdup ("—");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month + 1, period / 12);
  if (layout->year_only)
    return g_strdup_printf ("%d", period / 12);
  if (first || month == 0)
    /* Translators: a month above its year on a chart axis, see strftime */
    return sc_language_format_date (NULL, &date, _("%b\n%Y"));
  /* Translators: a month on a chart axis, see strftime */
  return sc_language_format_date (NULL, &date, _("%b"));
}

static gboolean
has_label (const ScChartTrendData *data,
           const TrendLayout      *layout,
           guint                   index)
{
  ScPeriod period = data->first_period + (ScPeriod) index;

  if (layout->label_step == 0)
    return FALSE;
  if (is_month_chart (data))
    {
      if (layout->year_only)
        return period % 12 == 0 && (period / 12) % (layout->label_step / 12) == 0;
      return (period % 12) % layout->label_step == 0;
    }
  return index % layout->label_step == 0;
}

/* Picks how often periods are labelled: calendar-aligned steps for months
 * (every month, quarter, half year, then years only), plain steps else.
 */
static void
layout_x_labels (ScChartText            *text,
                 const ScChartTrendData *data,
                 TrendLayout            *layout)
{
  static const guint month_steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600 };
  static const guint other_steps[] = { 1, 2, 4, 8, 13, 26, 52, 104, 260, 520 };
  double widest = 0;

  layout->year_only = FALSE;
  for (guint i = 0; i < MIN (data->n_values, 12); i++)
    {
      g_autofree char *label = period_label (data, layout, i, FALSE);

      widest = MAX (widest, sc_chart_text_measure (text, SC_CHART_FONT_SMALL, label));
    }
  if (is_month_chart (data))
    {
      layout->label_step = sc_chart_thin_step (layout->slot, widest, month_steps, 4);
      if (layout->label_step == 0)
        {
          widest = sc_chart_text_measure (text, SC_CHART_FONT_SMALL, "2000");
          layout->label_step = sc_chart_thin_step (layout->slot, widest, month_steps + 4, 6);
          layout->year_only = TRUE;
        }
    }
  else
    layout->label_step = sc_chart_thin_step (layout->slot, widest, other_steps, G_N_ELEMENTS (other_steps));
}

static char *
aside_text (const ScChartTrendData *data,
            gboolean                with_period)
{
  int last = last_index (data);
  g_autofree char *value = NULL;

  if (last < 0)
    return NULL;
  value = sc_chart_format_value (data->kpi, data->values[last]);
  if (with_period && (guint) last + 1 < data->n_values)
    {
      /* The last period shown has no value: say which period this one is,
       * so it is not read as the current value
       */
      g_autofree char *period = sc_period_to_label (data->granularity, data->first_period + last);

      /* Translators: the latest value of a trend chart and its period when
       * the last period shown has no data, e.g. "● 50 ppm (W2 2025)"
       */
      return g_strdup_printf (_("%s %s (%s)"), sc_palette_status_symbol (data->statuses[last]), value, period);
    }
  return g_strdup_printf ("%s %s", sc_palette_status_symbol (data->statuses[last]), value);
}

/* Places the header, the marker lane, the plot and its axes in the frame.
 * With @cr set it also draws the header.
 */
static void
trend_layout (ScChartText            *text,
              cairo_t                *cr,
              const ScChartStyle     *style,
              double                  width,
              double                  height,
              const ScChartTrendData *data,
              TrendLayout            *layout)
{
  double pad = SC_CHART_PAD (style);
  double small = sc_chart_text_line_height (text, SC_CHART_FONT_SMALL);
  double lane = data->n_markers > 0 ? style->font_size * 1.25 : 0;
  double lo, hi, bottom, label_width;
  gboolean roomy = height >= 9 * small && width >= 16 * small;
  g_autofree char *aside = roomy ? aside_text (data, TRUE) : NULL;

  /* The header drops an aside wider than 40 % of the chart: the value
   * without its period may still fit
   */
  if (aside != NULL)
    {
      double aside_width;

      sc_chart_text_set (text, SC_CHART_FONT_TITLE, aside, -1);
      sc_chart_text_get_size (text, &aside_width, NULL);
      if (aside_width > (width - 2 * pad) * 0.4)
        {
          g_free (aside);
          aside = aside_text (data, FALSE);
        }
    }

  layout->unit = data->kpi ? sc_kpi_get_unit (data->kpi) : NULL;
  layout->header = roomy ? sc_chart_frame_header (text, cr, style, width, data->title,
                                                  data->subtitle, aside) : 0;
  layout->lane_y = layout->header + pad + lane / 2;
  layout->plot.y = layout->header + pad + lane + (lane > 0 ? pad / 2 : 0);
  bottom = height - pad - (is_month_chart (data) ? 2 * small : small) - pad / 3;
  layout->plot.height = MAX (bottom - layout->plot.y, 1);

  trend_domain (data, &lo, &hi);
  sc_chart_scale_init (&layout->scale, lo, hi,
                       sc_chart_axis_max_steps (text, layout->plot.height, 2.2), 0);
  label_width = sc_chart_axis_label_width (text, &layout->scale, layout->unit);
  layout->plot.x = pad + label_width + pad / 2;
  layout->plot.width = MAX (width - pad - layout->plot.x, 1);
  layout->slot = layout->plot.width / MAX (data->n_values, 1);
  layout_x_labels (text, data, layout);
}

static void
fill_band (cairo_t           *cr,
           const TrendLayout *layout,
           ScTheme            theme,
           ScStatus           status,
           double             from,
           double             to)
{
  ScColor color;
  double y0, y1;

  if (!isfinite (from) || !isfinite (to))
    return;
  y0 = CLAMP (trend_y (layout, from), layout->plot.y, layout->plot.y + layout->plot.height);
  y1 = CLAMP (trend_y (layout, to), layout->plot.y, layout->plot.y + layout->plot.height);
  if (fabs (y1 - y0) < 0.01)
    return;
  sc_palette_band (theme, status, &color);
  sc_color_set_source (cr, &color);
  cairo_rectangle (cr, layout->plot.x, MIN (y0, y1), layout->plot.width, fabs (y1 - y0));
  cairo_fill (cr);
}

/* Amber between the target and the warning threshold, red beyond it. */
static void
draw_bands (cairo_t                *cr,
            const ScChartStyle     *style,
            const ScChartTrendData *data,
            const TrendLayout      *layout)
{
  double lo = layout->scale.min, hi = layout->scale.max;
  double t = data->target, w = data->warning;
  double upper = isfinite (data->target_max) ? data->target_max : t;

  if (!isfinite (t) || !isfinite (w))
    return;

  switch (data->direction)
    {
    case SC_DIRECTION_LOWER:
      fill_band (cr, layout, style->theme, SC_STATUS_AMBER, t, MIN (w, hi));
      fill_band (cr, layout, style->theme, SC_STATUS_RED, MIN (w, hi), hi);
      break;
    case SC_DIRECTION_BAND:
      fill_band (cr, layout, style->theme, SC_STATUS_AMBER, MAX (t - w, lo), t);
      fill_band (cr, layout, style->theme, SC_STATUS_RED, lo, MAX (t - w, lo));
      fill_band (cr, layout, style->theme, SC_STATUS_AMBER, upper, MIN (upper + w, hi));
      fill_band (cr, layout, style->theme, SC_STATUS_RED, MIN (upper + w, hi), hi);
      break;
    case SC_DIRECTION_HIGHER:
    default:
      fill_band (cr, layout, style->theme, SC_STATUS_AMBER, MAX (w, lo), t);
      fill_band (cr, layout, style->theme, SC_STATUS_RED, lo, MAX (w, lo));
      break;
    }
}

static void
draw_target_line (ScChartText            *text,
                  cairo_t                *cr,
                  const ScChartStyle     *style,
                  const ScChartTrendData *data,
                  const TrendLayout      *layout,
                  double                  target,
                  gboolean                label_only)
{
  static const double dashes[] = { 6, 3 };
  double y = sc_chart_crisp (trend_y (layout, target), 1.5);
  g_autofree char *value = sc_chart_format_value (data->kpi, target);
  /* Translators: the label on a chart's target line, e.g. "Target 95 %" */
  g_autofree char *label = g_strdup_printf (_("Target %s"), value);
  double label_width, label_height, label_y;

  if (!label_only)
    {
      cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green, style->foreground.blue, 0.8);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, layout->plot.x, y);
      cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }

  sc_chart_text_set (text, SC_CHART_FONT_SMALL, label, -1);
  sc_chart_text_get_size (text, &label_width, &label_height);
  if (layout->plot.height < 3 * label_height || label_width > layout->plot.width / 2)
    return;
  /* above the line, unless that leaves the plot; on a halo so the data
   * beneath never makes it unreadable
   */
  label_y = y - label_height - 1 < layout->plot.y ? y + 2 : y - label_height - 1;
  cairo_save (cr);
  cairo_set_source_rgba (cr, style->background.red, style->background.green, style->background.blue, 0.8);
  cairo_rectangle (cr, layout->plot.x + layout->plot.width - 5 - label_width, label_y, label_width + 4, label_height);
  cairo_fill (cr);
  cairo_restore (cr);
  sc_color_set_source (cr, &style->foreground);
  sc_chart_text_show (text, cr, layout->plot.x + layout->plot.width - 3, label_y, 1, 0);
}

/* The line through the values, broken at missing ones; a value with no
 * neighbour shows as a dot so it is not lost between gaps.
 */
static void
draw_line (cairo_t                *cr,
           const ScChartStyle     *style,
           const ScChartTrendData *data,
           const TrendLayout      *layout)
{
  double width = layout->slot >= 4 ? 2 : 1.5;
  gboolean pen_down = FALSE;

  sc_color_set_source (cr, &style->line);
  cairo_set_line_width (cr, width);
  for (guint i = 0; i < data->n_values; i++)
    {
      double v = data->values[i];

      if (!isfinite (v))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, trend_x (layout, i), trend_y (layout, v));
      else
        cairo_move_to (cr, trend_x (layout, i), trend_y (layout, v));
      pen_down = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < data->n_values; i++)
    {
      gboolean before = i > 0 && isfinite (data->values[i - 1]);
      gboolean after = i + 1 < data->n_values && isfinite (data->values[i + 1]);

      if (isfinite (data->values[i]) && !before && !after)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, trend_x (layout, i), trend_y (layout, data->values[i]), width * 1.25, 0, 2 * G_PI);
        }
    }
  cairo_fill (cr);
}

/* Every point as a small dot when there is room; points off target, and
 * the latest, in their status shape and colour whenever they fit.
 */
static void
draw_points (cairo_t                *cr,
             const ScChartStyle     *style,
             const ScChartTrendData *data,
             const TrendLayout      *layout)
{
  int last = last_index (data);
  double radius = CLAMP (layout->slot / 3, 2.5, style->font_size * 0.38);

  for (guint i = 0; i < data->n_values; i++)
    {
      double v = data->values[i];
      ScStatus status = data->statuses[i];
      ScColor color;

      if (!isfinite (v))
        continue;
      if ((status == SC_STATUS_AMBER || status == SC_STATUS_RED) && layout->slot >= 3)
        {
          sc_palette_status_color (style->theme, status, &color);
          sc_chart_shape_draw (cr, sc_chart_shape_for_status (status), trend_x (layout, i),
                               trend_y (layout, v), radius, &color, &style->background);
        }
      else if ((int) i == last)
        {
          sc_palette_status_color (style->theme, status, &color);
          sc_chart_shape_draw (cr, sc_chart_shape_for_status (status), trend_x (layout, i),
                               trend_y (layout, v), radius, &color, &style->background);
        }
      else if (layout->slot >= 10)
        sc_chart_shape_draw (cr, SC_CHART_SHAPE_CIRCLE, trend_x (layout, i), trend_y (layout, v),
                             radius * 0.7, &style->line, &style->background);
    }
}

/* Issue markers in the lane above the plot, each with a faint guide down
 * to its period's value.
 */
static void
draw_markers (cairo_t                *cr,
              const ScChartStyle     *style,
              const ScChartTrendData *data,
              const TrendLayout      *layout)
{
  static const double dots[] = { 1, 2 };
  double radius = style->font_size * 0.38;

  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dots, 2, 0);
  cairo_set_source_rgba (cr, style->muted.red, style->muted.green, style->muted.blue, 0.7);
  for (guint i = 0; i < data->n_markers; i++)
    {
      guint index = data->markers[i].index;
      double x = sc_chart_crisp (trend_x (layout, index), 1);
      double v = index < data->n_values ? data->values[index] : NAN;

      cairo_move_to (cr, x, layout->lane_y + radius + 1);
      cairo_line_to (cr, x, isfinite (v) ? trend_y (layout, v) : layout->plot.y + layout->plot.height);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < data->n_markers; i++)
    {
      ScColor color;

      if (data->markers[i].index >= data->n_values)
        continue;
      sc_palette_severity_color (style->theme, data->markers[i].severity, &color);
      sc_chart_shape_draw (cr, sc_chart_shape_for_severity (data->markers[i].severity),
                           trend_x (layout, data->markers[i].index), layout->lane_y,
                           radius, &color, &style->background);
    }
}

static void
draw_x_labels (ScChartText            *text,
               cairo_t                *cr,
               const ScChartStyle     *style,
               const ScChartTrendData *data,
               const TrendLayout      *layout)
{
  double top = layout->plot.y + layout->plot.height;
  gboolean first = TRUE;

  sc_color_set_source (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, layout->plot.x, sc_chart_crisp (top, 1));
  cairo_line_to (cr, layout->plot.x + layout->plot.width, sc_chart_crisp (top, 1));
  cairo_stroke (cr);

  sc_color_set_source (cr, &style->muted);
  for (guint i = 0; i < data->n_values; i++)
    {
      g_autofree char *label = NULL;

      if (!has_label (data, layout, i))
        continue;
      label = period_label (data, layout, i, first);
      first = FALSE;
      sc_chart_text_set (text, SC_CHART_FONT_SMALL, label, -1);
      sc_chart_text_show (text, cr, trend_x (layout, i), top + SC_CHART_PAD (style) / 3, 0.5, 0);
    }
}

void
sc_chart_trend_draw (cairo_t                *cr,
                     const ScChartStyle     *style,
                     double                  width,
                     double                  height,
                     const ScChartTrendData *data)
{
  g_autoptr(ScChartText) text = NULL;
  TrendLayout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (data != NULL);

  if (width < 1 || height < 1)
    return;

  text = sc_chart_text_new (style);
  sc_chart_frame_begin (cr, style, width, height);
  trend_layout (text, cr, style, width, height, data, &layout);

  cairo_save (cr);
  cairo_rectangle (cr, layout.plot.x, layout.plot.y, layout.plot.width, layout.plot.height);
  cairo_clip (cr);
  draw_bands (cr, style, data, &layout);
  cairo_restore (cr);

  sc_chart_axis_draw_y (text, cr, style, &layout.scale, layout.unit, &layout.plot, FALSE);
  draw_x_labels (text, cr, style, data, &layout);

  if (last_index (data) < 0)
    {
      sc_chart_frame_message (text, cr, style, &layout.plot, _("No data"));
      sc_chart_frame_end (cr);
      return;
    }

  cairo_save (cr);
  /* room for the markers' outlines at the plot's edges */
  cairo_rectangle (cr, layout.plot.x - style->font_size, layout.plot.y - 0.5 * style->font_size,
                   layout.plot.width + 2 * style->font_size, layout.plot.height + style->font_size);
  cairo_clip (cr);
  /* the target's label goes over the data, its line under it */
  for (int label_only = 0; label_only <= 1; label_only++)
    {
      if (isfinite (data->target))
        draw_target_line (text, cr, style, data, &layout, data->target, label_only);
      if (data->direction == SC_DIRECTION_BAND && isfinite (data->target_max))
        draw_target_line (text, cr, style, data, &layout, data->target_max, label_only);
      if (!label_only)
        {
          draw_line (cr, style, data, &layout);
          draw_points (cr, style, data, &layout);
        }
    }
  cairo_restore (cr);

  if (data->n_markers > 0)
    draw_markers (cr, style, data, &layout);

  sc_chart_frame_end (cr);
}

static void
trend_hit (const ScChartTrendData *data,
           const TrendLayout      *layout,
           guint                   index,
           ScChartHit             *hit)
{
  sc_chart_hit_clear (hit);
  hit->index = index;
  hit->partner = data->partner;
  hit->kpi = data->kpi;
  hit->period = data->first_period + (ScPeriod) index;
  hit->x = trend_x (layout, index);
  hit->y = isfinite (data->values[index]) ? trend_y (layout, data->values[index]) : layout->plot.y;
}

static void
measure_layout (const ScChartStyle     *style,
                double                  width,
                double                  height,
                const ScChartTrendData *data,
                TrendLayout            *layout)
{
  g_autoptr(ScChartText) text = sc_chart_text_new (style);

  trend_layout (text, NULL, style, width, height, data, layout);
}

/* The period under (@x, @y): an issue marker in the lane above the plot,
 * or the nearest period with a value within half a period (at least a
 * finger's width) of @x.
 */
gboolean
sc_chart_trend_hit_test (const ScChartStyle     *style,
                         double                  width,
                         double                  height,
                         const ScChartTrendData *data,
                         double                  x,
                         double                  y,
                         ScChartHit             *hit)
{
  TrendLayout layout;
  double reach, best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (data->n_values == 0 || x < 0 || y < 0 || x > width || y > height)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  reach = MAX (layout.slot / 2, 8);

  if (data->n_markers > 0 && fabs (y - layout.lane_y) <= style->font_size * 0.75)
    {
      for (guint i = 0; i < data->n_markers; i++)
        {
          double dx = fabs (trend_x (&layout, data->markers[i].index) - x);

          if (data->markers[i].index < data->n_values && dx <= reach && dx < best)
            {
              best = dx;
              trend_hit (data, &layout, data->markers[i].index, hit);
              hit->issue_id = data->markers[i].id;
              hit->y = layout.lane_y;
            }
        }
      if (hit->index >= 0)
        return TRUE;
    }

  if (y < layout.plot.y - style->font_size || y > layout.plot.y + layout.plot.height + style->font_size)
    return FALSE;
  for (guint i = 0; i < data->n_values; i++)
    {
      double dx = fabs (trend_x (&layout, i) - x);

      if (isfinite (data->values[i]) && dx <= reach && dx < best)
        {
          best = dx;
          found = i;
        }
    }
  if (found < 0)
    return FALSE;
  trend_hit (data, &layout, found, hit);
  return TRUE;
}

/* Where the value of period @index is drawn; FALSE when it has none. */
gboolean
sc_chart_trend_get_point (const ScChartStyle     *style,
                          double                  width,
                          double                  height,
                          const ScChartTrendData *data,
                          guint                   index,
                          ScChartHit             *hit)
{
  TrendLayout layout;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (index >= data->n_values || !isfinite (data->values[index]))
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  trend_hit (data, &layout, index, hit);
  return TRUE;
}

/* Period, value, target, status and the issues pinned there, one a line. */
char *
sc_chart_trend_dup_tooltip (const ScChartTrendData *data,
                            const ScChartHit       *hit)
{
  g_autoptr(GString) str = NULL;
  g_autofree char *period = NULL;
  g_autofree char *value = NULL;
  guint index;

  g_return_val_if_fail (data != NULL && hit != NULL, NULL);

  if (hit->index < 0 || (guint) hit->index >= data->n_values)
    return NULL;
  index = hit->index;
  period = sc_chart_period_label (data->granularity, data->first_period + (ScPeriod) index);
  value = sc_chart_format_value (data->kpi, data->values[index]);
  str = g_string_new (NULL);
  g_string_append_printf (str, "%s — %s", period, value);
  if (isfinite (data->target))
    {
      g_autofree char *target = sc_chart_format_value (data->kpi, data->target);

      g_string_append_c (str, '\n');
      /* Translators: a line of a chart tooltip */
      g_string_append_printf (str, _("Target: %s"), target);
    }
  g_string_append_printf (str, "\n%s %s", sc_palette_status_symbol (data->statuses[index]),
                          sc_status_get_label (data->statuses[index]));
  for (guint i = 0; i < data->n_markers; i++)
    {
      if (data->markers[i].index == index)
        g_string_append_printf (str, "\n%s %s · %s", data->markers[i].id,
                                sc_severity_get_label (data->markers[i].severity),
                                data->markers[i].title ? data->markers[i].title : "");
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
compare_to_target (const ScChartTrendData *data,
                   double                  value,
                   const char             *target)
{
  double upper = isfinite (data->target_max) ? data->target_max : data->target;

  if (value < data->target)
    /* Translators: "latest 93.1 %, below target 95 %" */
    return g_strdup_printf (_("below target %s"), target);
  if (value > upper)
    /* Translators: "latest 97.2 %, above target 95 %" */
    return g_strdup_printf (_("above target %s"), target);
  /* Translators: "latest 95 %, at target 95 %" */
  return g_strdup_printf (_("at target %s"), target);
}

/* "On-time delivery, 24 months, latest 93.1 %, below target 95 %": what a
 * screen reader says about the chart.
 */
char *
sc_chart_trend_dup_description (const ScChartTrendData *data)
{
  g_autoptr(GString) str = g_string_new (NULL);
  int last;

  g_return_val_if_fail (data != NULL, NULL);

  last = last_index (data);
  g_string_append (str, data->title ? data->title : _("Trend"));
  g_string_append (str, ", ");
  switch (data->granularity)
    {
    case SC_GRANULARITY_QUARTER:
      g_string_append_printf (str, LN_ (NULL, "%u quarter", "%u quarters", data->n_values), data->n_values);
      break;
    case SC_GRANULARITY_WEEK:
      g_string_append_printf (str, LN_ (NULL, "%u week", "%u weeks", data->n_values), data->n_values);
      break;
    case SC_GRANULARITY_MONTH:
    default:
      g_string_append_printf (str, LN_ (NULL, "%u month", "%u months", data->n_values), data->n_values);
      break;
    }
  if (last < 0)
    {
      g_string_append_printf (str, ", %s", _("no data"));
      return g_string_free (g_steal_pointer (&str), FALSE);
    }

  {
    g_autofree char *value = sc_chart_format_value (data->kpi, data->values[last]);
    /* Translators: "latest 93.1 %" in a chart's description */
    g_string_append_printf (str, _(", latest %s"), value);
  }
  if (isfinite (data->target))
    {
      g_autofree char *target = sc_chart_format_value (data->kpi, data->target);
      g_autofree char *comparison = compare_to_target (data, data->values[last], target);

      g_string_append_printf (str, ", %s", comparison);
    }
  if (data->n_markers > 0)
    g_string_append_printf (str, LN_ (NULL, ", %u issue", ", %u issues", data->n_markers), data->n_markers);
  return g_string_free (g_steal_pointer (&str), FALSE);
}
