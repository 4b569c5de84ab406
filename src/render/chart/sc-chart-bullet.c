/* sc-chart-bullet.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bullet graphs, one row per KPI: the actual as a dark bar from zero over
 * tinted good / warning / critical ranges, the target as a tick across it,
 * and the value with its status symbol beside it. Each row has its own
 * scale, since the KPIs have different units.
 */

#define G_LOG_DOMAIN "sc-chart-bullet"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"
#include "sc-chart-bullet.h"
#include "sc-chart-frame.h"
#include "sc-chart-shape.h"

typedef struct
{
  double header;
  double top;
  double row_height;
  double label_width;
  double value_width;
  double bar_x;
  double bar_width;
  guint  n_rows;        /* rows shown; the rest are summed up in a line */
  gboolean ticks;       /* room for a scale under each bar */
} BulletLayout;

static void
item_domain (const ScChartBulletItem *item,
             double                  *lo,
             double                  *hi)
{
  double values[] = { item->value, item->target, item->target_max, item->warning, item->critical };

  *lo = 0;
  *hi = 0;
  if (item->direction == SC_DIRECTION_BAND && isfinite (item->warning))
    {
      values[3] = item->target - item->critical;
      values[4] = (isfinite (item->target_max) ? item->target_max : item->target) + item->critical;
    }
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (isfinite (values[i]))
        {
          *lo = MIN (*lo, values[i]);
          *hi = MAX (*hi, values[i]);
        }
    }
}

static void
item_scale (ScChartText             *text,
            const ScChartBulletItem *item,
            double                   bar_width,
            ScChartScale            *scale)
{
  const char *unit = item->kpi ? sc_kpi_get_unit (item->kpi) : NULL;
  double lo, hi, label;
  guint steps = 5;

  item_domain (item, &lo, &hi);
  sc_chart_scale_init (scale, lo, hi, steps, SC_CHART_SCALE_INCLUDE_ZERO);
  label = sc_chart_axis_label_width (text, scale, unit);
  /* fewer ticks until their labels fit under the bar */
  while (steps > 1 && (label + 8) * scale->n_ticks > bar_width)
    {
      steps--;
      sc_chart_scale_init (scale, lo, hi, steps, SC_CHART_SCALE_INCLUDE_ZERO);
      label = sc_chart_axis_label_width (text, scale, unit);
    }
}

static char *
item_value_text (const ScChartBulletItem *item)
{
  return sc_chart_format_value (item->kpi, item->value);
}

static void
bullet_layout (ScChartText             *text,
               cairo_t                 *cr,
               const ScChartStyle      *style,
               double                   width,
               double                   height,
               const ScChartBulletData *data,
               BulletLayout            *layout)
{
  double pad = SC_CHART_PAD (style);
  double body = sc_chart_text_line_height (text, SC_CHART_FONT_BODY);
  double small = sc_chart_text_line_height (text, SC_CHART_FONT_SMALL);
  double widest = 0, available, min_row = body * 1.5;

  layout->header = height >= 6 * body ? sc_chart_frame_header (text, cr, style, width, data->title,
                                                               data->subtitle, NULL) : 0;
  layout->top = layout->header + pad;
  available = MAX (height - layout->top - pad, 0);

  layout->n_rows = data->n_items;
  if (data->n_items * min_row > available)
    layout->n_rows = MAX (available / min_row, 1) - 1;
  layout->row_height = data->n_items ? available / MAX (layout->n_rows + (layout->n_rows < data->n_items), 1) : 0;
  layout->row_height = MIN (layout->row_height, body * 4.5);
  layout->ticks = layout->row_height >= body * 1.2 + small * 1.6;

  for (guint i = 0; i < layout->n_rows; i++)
    widest = MAX (widest, sc_chart_text_measure (text, SC_CHART_FONT_BODY, data->items[i].label));
  layout->label_width = MIN (widest, width * 0.32);
  layout->value_width = 0;
  for (guint i = 0; i < layout->n_rows; i++)
    {
      g_autofree char *value = item_value_text (&data->items[i]);

      layout->value_width = MAX (layout->value_width, sc_chart_text_measure (text, SC_CHART_FONT_BOLD, value));
    }
  /* room for the status shape before the value */
  layout->value_width += style->font_size * 1.3;
  layout->bar_x = pad + layout->label_width + pad;
  layout->bar_width = MAX (width - layout->bar_x - layout->value_width - 2 * pad, 1);
}

static double
value_x (const BulletLayout *layout,
         const ScChartScale *scale,
         double              value)
{
  return layout->bar_x + layout->bar_width * sc_chart_scale_fraction (scale, value);
}

static void
fill_range (cairo_t            *cr,
            const BulletLayout *layout,
            const ScChartScale *scale,
            ScTheme             theme,
            ScStatus            status,
            double              from,
            double              to,
            double              y,
            double              h)
{
  ScColor color;
  double x0, x1;

  if (!isfinite (from) || !isfinite (to))
    return;
  x0 = CLAMP (value_x (layout, scale, from), layout->bar_x, layout->bar_x + layout->bar_width);
  x1 = CLAMP (value_x (layout, scale, to), layout->bar_x, layout->bar_x + layout->bar_width);
  sc_palette_band (theme, status, &color);
  color.alpha *= 1.6;
  sc_color_set_source (cr, &color);
  cairo_rectangle (cr, MIN (x0, x1), y, fabs (x1 - x0), h);
  cairo_fill (cr);
}

/* The qualitative ranges: good, warning and critical, by direction. */
static void
draw_ranges (cairo_t                 *cr,
             const ScChartStyle      *style,
             const BulletLayout      *layout,
             const ScChartScale      *scale,
             const ScChartBulletItem *item,
             double                   y,
             double                   h)
{
  double lo = scale->min, hi = scale->max, t = item->target, w = item->warning;
  double upper = isfinite (item->target_max) ? item->target_max : t;
  ScTheme theme = style->theme;

  if (!isfinite (t) || !isfinite (w))
    {
      fill_range (cr, layout, scale, theme, SC_STATUS_NO_DATA, lo, hi, y, h);
      return;
    }
  switch (item->direction)
    {
    case SC_DIRECTION_LOWER:
      fill_range (cr, layout, scale, theme, SC_STATUS_GREEN, lo, t, y, h);
      fill_range (cr, layout, scale, theme, SC_STATUS_AMBER, t, w, y, h);
      fill_range (cr, layout, scale, theme, SC_STATUS_RED, w, hi, y, h);
      break;
    case SC_DIRECTION_BAND:
      fill_range (cr, layout, scale, theme, SC_STATUS_RED, lo, t - w, y, h);
      fill_range (cr, layout, scale, theme, SC_STATUS_AMBER, t - w, t, y, h);
      fill_range (cr, layout, scale, theme, SC_STATUS_GREEN, t, upper, y, h);
      fill_range (cr, layout, scale, theme, SC_STATUS_AMBER, upper, upper + w, y, h);
      fill_range (cr, layout, scale, theme, SC_STATUS_RED, upper + w, hi, y, h);
      break;
    case SC_DIRECTION_HIGHER:
    default:
      fill_range (cr, layout, scale, theme, SC_STATUS_RED, lo, w, y, h);
      fill_range (cr, layout, scale, theme, SC_STATUS_AMBER, w, t, y, h);
      fill_range (cr, layout, scale, theme, SC_STATUS_GREEN, t, hi, y, h);
      break;
    }
}

static void
draw_ticks (ScChartText        *text,
            cairo_t            *cr,
            const ScChartStyle *style,
            const BulletLayout *layout,
            const ScChartScale *scale,
            const char         *unit,
            double              y)
{
  sc_color_set_source (cr, &style->muted);
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double value = sc_chart_scale_tick (scale, i);
      g_autofree char *label = sc_chart_scale_format_tick (scale, value, unit);
      double x = value_x (layout, scale, value);

      cairo_rectangle (cr, sc_chart_crisp (x, 1) - 0.5, y, 1, 3);
      cairo_fill (cr);
      sc_chart_text_set (text, SC_CHART_FONT_SMALL, label, -1);
      /* the end labels stay inside the bar's span */
      sc_chart_text_show (text, cr, x, y + 3, i == 0 ? 0 : i + 1 == scale->n_ticks ? 1 : 0.5, 0);
    }
}

static void
draw_row (ScChartText             *text,
          cairo_t                 *cr,
          const ScChartStyle      *style,
          const BulletLayout      *layout,
          const ScChartBulletItem *item,
          double                   top)
{
  double pad = SC_CHART_PAD (style);
  double body = sc_chart_text_line_height (text, SC_CHART_FONT_BODY);
  double bar_h = MIN (layout->ticks ? layout->row_height * 0.45 : layout->row_height * 0.7, body * 1.4);
  double bar_y = top + (layout->ticks ? (layout->row_height - bar_h - body) / 2 : (layout->row_height - bar_h) / 2);
  const char *unit = item->kpi ? sc_kpi_get_unit (item->kpi) : NULL;
  g_autofree char *value = item_value_text (item);
  ScChartScale scale;
  ScColor color;

  item_scale (text, item, layout->bar_width, &scale);
  draw_ranges (cr, style, layout, &scale, item, bar_y, bar_h);

  if (isfinite (item->value))
    {
      double x0 = value_x (layout, &scale, 0), x1 = value_x (layout, &scale, item->value);

      sc_color_set_source (cr, &style->foreground);
      cairo_rectangle (cr, MIN (x0, x1), bar_y + bar_h / 3, MAX (fabs (x1 - x0), 1), bar_h / 3);
      cairo_fill (cr);
    }
  if (isfinite (item->target))
    {
      double x = value_x (layout, &scale, item->target);

      sc_color_set_source (cr, &style->foreground);
      cairo_rectangle (cr, round (x) - 1, bar_y + bar_h * 0.12, 2, bar_h * 0.76);
      cairo_fill (cr);
    }
  if (layout->ticks)
    draw_ticks (text, cr, style, layout, &scale, unit, bar_y + bar_h);

  sc_color_set_source (cr, &style->foreground);
  sc_chart_text_draw (text, cr, SC_CHART_FONT_BODY, item->label, layout->label_width,
                      pad + layout->label_width, bar_y + bar_h / 2, 1, 0.5);
  sc_palette_status_color (style->theme, item->status, &color);
  sc_chart_shape_draw (cr, sc_chart_shape_for_status (item->status),
                       layout->bar_x + layout->bar_width + pad + style->font_size * 0.45,
                       bar_y + bar_h / 2, style->font_size * 0.4, &color, NULL);
  sc_color_set_source (cr, item->status == SC_STATUS_NO_DATA ? &style->muted : &style->foreground);
  sc_chart_text_draw (text, cr, SC_CHART_FONT_BOLD, value, -1,
                      layout->bar_x + layout->bar_width + pad + style->font_size * 1.3,
                      bar_y + bar_h / 2, 0, 0.5);
}

void
sc_chart_bullet_draw (cairo_t                 *cr,
                      const ScChartStyle      *style,
                      double                   width,
                      double                   height,
                      const ScChartBulletData *data)
{
  g_autoptr(ScChartText) text = NULL;
  BulletLayout layout;

  g_return_if_fail (cr != NULL && style != NULL && data != NULL);

  if (width < 1 || height < 1)
    return;

  text = sc_chart_text_new (style);
  sc_chart_frame_begin (cr, style, width, height);
  bullet_layout (text, cr, style, width, height, data, &layout);

  if (data->n_items == 0)
    {
      ScChartRect rect = { 0, layout.top, width, height - layout.top };

      sc_chart_frame_message (text, cr, style, &rect, _("No data"));
    }
  for (guint i = 0; i < layout.n_rows; i++)
    draw_row (text, cr, style, &layout, &data->items[i], layout.top + i * layout.row_height);
  if (layout.n_rows < data->n_items)
    {
      guint rest = data->n_items - layout.n_rows;
      g_autofree char *more = g_strdup_printf (LN_ (NULL, "and %u more KPI", "and %u more KPIs", rest), rest);

      sc_color_set_source (cr, &style->muted);
      sc_chart_text_draw (text, cr, SC_CHART_FONT_SMALL, more, width - 2 * SC_CHART_PAD (style), layout.bar_x,
                          layout.top + (layout.n_rows + 0.5) * layout.row_height, 0, 0.5);
    }

  sc_chart_frame_end (cr);
}

static void
measure_layout (const ScChartStyle      *style,
                double                   width,
                double                   height,
                const ScChartBulletData *data,
                BulletLayout            *layout)
{
  g_autoptr(ScChartText) text = sc_chart_text_new (style);

  bullet_layout (text, NULL, style, width, height, data, layout);
}

static void
bullet_hit (const ScChartStyle      *style,
            const ScChartBulletData *data,
            const BulletLayout      *layout,
            guint                    index,
            ScChartHit              *hit)
{
  g_autoptr(ScChartText) text = sc_chart_text_new (style);
  const ScChartBulletItem *item = &data->items[index];
  ScChartScale scale;

  item_scale (text, item, layout->bar_width, &scale);
  sc_chart_hit_clear (hit);
  hit->index = index;
  hit->partner = data->partner;
  hit->kpi = item->kpi;
  hit->period = data->period;
  hit->x = value_x (layout, &scale, isfinite (item->value) ? item->value : 0);
  hit->y = layout->top + (index + 0.5) * layout->row_height;
}

/* The row under (@x, @y). */
gboolean
sc_chart_bullet_hit_test (const ScChartStyle      *style,
                          double                   width,
                          double                   height,
                          const ScChartBulletData *data,
                          double                   x,
                          double                   y,
                          ScChartHit              *hit)
{
  BulletLayout layout;
  int row;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (data->n_items == 0 || x < 0 || x > width)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  if (y < layout.top || layout.row_height <= 0)
    return FALSE;
  row = (int) ((y - layout.top) / layout.row_height);
  if (row < 0 || (guint) row >= layout.n_rows)
    return FALSE;
  bullet_hit (style, data, &layout, row, hit);
  return TRUE;
}

gboolean
sc_chart_bullet_get_point (const ScChartStyle      *style,
                           double                   width,
                           double                   height,
                           const ScChartBulletData *data,
                           guint                    index,
                           ScChartHit              *hit)
{
  BulletLayout layout;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (index >= data->n_items)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  if (index >= layout.n_rows)
    return FALSE;
  bullet_hit (style, data, &layout, index, hit);
  return TRUE;
}

char *
sc_chart_bullet_dup_tooltip (const ScChartBulletData *data,
                             const ScChartHit        *hit)
{
  const ScChartBulletItem *item;
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;
  g_autofree char *previous = NULL;

  g_return_val_if_fail (data != NULL && hit != NULL, NULL);

  if (hit->index < 0 || (guint) hit->index >= data->n_items)
    return NULL;
  item = &data->items[hit->index];
  value = sc_chart_format_value (item->kpi, item->value);
  target = sc_chart_format_value (item->kpi, item->target);
  previous = sc_chart_format_value (item->kpi, item->previous);
  /* Translators: a bullet chart's tooltip: KPI — value, target, status, previous period */
  return g_strdup_printf (_("%s — %s\nTarget: %s\n%s %s\nPrevious period: %s"),
                          item->label, value, target, sc_palette_status_symbol (item->status),
                          sc_status_get_label (item->status), previous);
}

char *
sc_chart_bullet_dup_description (const ScChartBulletData *data)
{
  g_autoptr(GString) str = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  g_string_append (str, data->title ? data->title : _("Bullet graph"));
  for (guint i = 0; i < data->n_items; i++)
    {
      g_autofree char *value = sc_chart_format_value (data->items[i].kpi, data->items[i].value);
      g_autofree char *target = sc_chart_format_value (data->items[i].kpi, data->items[i].target);

      /* Translators: one KPI in a bullet chart's description */
      g_string_append_printf (str, _("; %s %s, target %s, %s"), data->items[i].label, value, target,
                              sc_status_get_label (data->items[i].status));
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}
