/* sc-chart-pareto.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issue Pareto chart: issue counts per KPI or category as bars,
 * largest first, with the cumulative share as a line on a 0–100 % axis on
 * the right and the 80 % mark. The "vital few" bars up to 80 % are drawn
 * solid, the rest lighter. Category labels are ellipsised and slanted
 * when they do not fit under their bar.
 */

#define G_LOG_DOMAIN "sc-chart-pareto"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"
#include "sc-chart-frame.h"
#include "sc-chart-pareto.h"
#include "sc-chart-shape.h"

#define SLANT (-G_PI / 4)

typedef struct
{
  double       header;
  ScChartRect  plot;
  ScChartScale counts;
  ScChartScale share;
  double       slot;
  double       label_max;
  gboolean     slanted;
  guint        total;
} ParetoLayout;

static guint
total_count (const ScChartParetoData *data)
{
  guint total = 0;

  for (guint i = 0; i < data->n_items; i++)
    total += data->items[i].count;
  return total;
}

static void
pareto_layout (ScChartText             *text,
               cairo_t                 *cr,
               const ScChartStyle      *style,
               double                   width,
               double                   height,
               const ScChartParetoData *data,
               ParetoLayout            *layout)
{
  double pad = SC_CHART_PAD (style);
  double body = sc_chart_text_line_height (text, SC_CHART_FONT_BODY);
  double small = sc_chart_text_line_height (text, SC_CHART_FONT_SMALL);
  double widest = 0, left, right, bottom;
  guint max_count = data->n_items ? data->items[0].count : 0;

  layout->total = total_count (data);
  layout->header = height >= 8 * body ? sc_chart_frame_header (text, cr, style, width, data->title,
                                                               data->subtitle, NULL) : 0;
  layout->plot.y = layout->header + pad + small / 2;
  /* steps of 20 % put a tick on the 80 % mark */
  sc_chart_scale_init (&layout->share, 0, 100, 5, 0);
  sc_chart_scale_init (&layout->counts, 0, MAX (max_count, 1), 5, SC_CHART_SCALE_INTEGER);
  left = pad + sc_chart_axis_label_width (text, &layout->counts, NULL) + pad / 2;
  right = pad + sc_chart_axis_label_width (text, &layout->share, "%") + pad / 2;
  layout->plot.x = left;
  layout->plot.width = MAX (width - left - right, 1);
  layout->slot = layout->plot.width / MAX (data->n_items, 1);

  for (guint i = 0; i < data->n_items; i++)
    widest = MAX (widest, sc_chart_text_measure (text, SC_CHART_FONT_SMALL, data->items[i].label));
  layout->slanted = widest + pad / 2 > layout->slot;
  layout->label_max = layout->slanted ? MIN (widest, MIN (style->font_size * 11, height * 0.3))
                                      : layout->slot - pad / 2;
  if (layout->slanted)
    {
      /* room on the left for the first slanted label to hang down into */
      double hang = MIN (layout->label_max * 0.7071 - layout->slot / 2, width * 0.2);

      if (hang > layout->plot.x)
        {
          layout->plot.width -= hang - layout->plot.x;
          layout->plot.x = hang;
          layout->slot = layout->plot.width / MAX (data->n_items, 1);
        }
    }
  bottom = height - pad - (layout->slanted ? (layout->label_max + small) * 0.7071 : small) - pad / 3;
  layout->plot.height = MAX (bottom - layout->plot.y, 1);

  /* fewer ticks on a short plot */
  sc_chart_scale_init (&layout->counts, 0, MAX (max_count, 1),
                       sc_chart_axis_max_steps (text, layout->plot.height, 2.2), SC_CHART_SCALE_INTEGER);
  if (sc_chart_axis_max_steps (text, layout->plot.height, 1.6) < 5)
    sc_chart_scale_init (&layout->share, 0, 100, 2, 0);
}

static double
bar_x (const ParetoLayout *layout,
       guint               index)
{
  return layout->plot.x + (index + 0.5) * layout->slot;
}

static double
count_y (const ParetoLayout *layout,
         double              count)
{
  return layout->plot.y + layout->plot.height * (1 - sc_chart_scale_fraction (&layout->counts, count));
}

static double
share_y (const ParetoLayout *layout,
         double              share)
{
  return layout->plot.y + layout->plot.height * (1 - share / 100);
}

static void
draw_bars (ScChartText             *text,
           cairo_t                 *cr,
           const ScChartStyle      *style,
           const ScChartParetoData *data,
           const ParetoLayout      *layout)
{
  double width = MIN (layout->slot * 0.7, style->font_size * 5), cumulative = 0;
  gboolean counts = layout->slot >= sc_chart_text_measure (text, SC_CHART_FONT_SMALL, "000");

  for (guint i = 0; i < data->n_items; i++)
    {
      double top = count_y (layout, data->items[i].count), bottom = count_y (layout, 0);
      gboolean vital = cumulative < 80;

      cumulative += 100.0 * data->items[i].count / MAX (layout->total, 1);
      cairo_set_source_rgba (cr, style->line.red, style->line.green, style->line.blue, vital ? 1 : 0.45);
      cairo_rectangle (cr, bar_x (layout, i) - width / 2, top, width, MAX (bottom - top, 0));
      cairo_fill (cr);
      if (counts && data->items[i].count > 0)
        {
          g_autofree char *label = g_strdup_printf ("%u", data->items[i].count);

          sc_color_set_source (cr, &style->foreground);
          sc_chart_text_draw (text, cr, SC_CHART_FONT_SMALL, label, -1, bar_x (layout, i), top - 1, 0.5, 1);
        }
    }
}

static void
draw_cumulative (cairo_t                 *cr,
                 const ScChartStyle      *style,
                 const ScChartParetoData *data,
                 const ParetoLayout      *layout)
{
  static const double dashes[] = { 4, 3 };
  ScColor line;
  double cumulative = 0;

  /* the 80 % mark */
  cairo_set_source_rgba (cr, style->muted.red, style->muted.green, style->muted.blue, 0.8);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, layout->plot.x, sc_chart_crisp (share_y (layout, 80), 1));
  cairo_line_to (cr, layout->plot.x + layout->plot.width, sc_chart_crisp (share_y (layout, 80), 1));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  sc_palette_series (style->theme, 1, &line);
  sc_color_set_source (cr, &line);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < data->n_items; i++)
    {
      cumulative += 100.0 * data->items[i].count / MAX (layout->total, 1);
      cairo_line_to (cr, bar_x (layout, i), share_y (layout, cumulative));
    }
  cairo_stroke (cr);

  cumulative = 0;
  for (guint i = 0; i < data->n_items; i++)
    {
      cumulative += 100.0 * data->items[i].count / MAX (layout->total, 1);
      if (layout->slot >= 6)
        sc_chart_shape_draw (cr, SC_CHART_SHAPE_CIRCLE, bar_x (layout, i), share_y (layout, cumulative),
                             3, &line, &style->background);
    }
}

static void
draw_labels (ScChartText             *text,
             cairo_t                 *cr,
             const ScChartStyle      *style,
             const ParetoLayout      *layout,
             const ScChartParetoData *data)
{
  double y = layout->plot.y + layout->plot.height + SC_CHART_PAD (style) / 3;
  double small = sc_chart_text_line_height (text, SC_CHART_FONT_SMALL);
  /* slanted labels sit slot × cos 45° apart */
  guint step = layout->slanted ? MAX (1, (guint) ceil (small * 1.05 / (layout->slot * 0.7071))) : 1;

  sc_color_set_source (cr, &style->foreground);
  for (guint i = 0; i < data->n_items; i += step)
    {
      /* a slanted label may not reach left of the frame */
      double room = layout->slanted ? MIN (layout->label_max, bar_x (layout, i) / 0.7071 - small) : layout->label_max;

      if (room < small)
        continue;
      sc_chart_text_set (text, SC_CHART_FONT_SMALL, data->items[i].label, room);
      if (layout->slanted)
        sc_chart_text_show_rotated (text, cr, bar_x (layout, i) + small * 0.35, y + small * 0.35, SLANT, 1);
      else
        sc_chart_text_show (text, cr, bar_x (layout, i), y, 0.5, 0);
    }
}

void
sc_chart_pareto_draw (cairo_t                 *cr,
                      const ScChartStyle      *style,
                      double                   width,
                      double                   height,
                      const ScChartParetoData *data)
{
  g_autoptr(ScChartText) text = NULL;
  ParetoLayout layout;

  g_return_if_fail (cr != NULL && style != NULL && data != NULL);

  if (width < 1 || height < 1)
    return;

  text = sc_chart_text_new (style);
  sc_chart_frame_begin (cr, style, width, height);
  pareto_layout (text, cr, style, width, height, data, &layout);

  sc_chart_axis_draw_y (text, cr, style, &layout.counts, NULL, &layout.plot, FALSE);
  sc_chart_axis_draw_y (text, cr, style, &layout.share, "%", &layout.plot, TRUE);
  if (layout.total == 0)
    {
      sc_chart_frame_message (text, cr, style, &layout.plot, _("No issues"));
      sc_chart_frame_end (cr);
      return;
    }
  draw_bars (text, cr, style, data, &layout);
  draw_cumulative (cr, style, data, &layout);
  draw_labels (text, cr, style, &layout, data);

  sc_chart_frame_end (cr);
}

static void
measure_layout (const ScChartStyle      *style,
                double                   width,
                double                   height,
                const ScChartParetoData *data,
                ParetoLayout            *layout)
{
  g_autoptr(ScChartText) text = sc_chart_text_new (style);

  pareto_layout (text, NULL, style, width, height, data, layout);
}

static void
pareto_hit (const ScChartParetoData *data,
            const ParetoLayout      *layout,
            guint                    index,
            ScChartHit              *hit)
{
  sc_chart_hit_clear (hit);
  hit->index = index;
  hit->partner = data->partner;
  hit->kpi = data->items[index].kpi;
  hit->x = bar_x (layout, index);
  hit->y = count_y (layout, data->items[index].count);
}

/* The bar whose slot holds @x, anywhere over the plot's height. */
gboolean
sc_chart_pareto_hit_test (const ScChartStyle      *style,
                          double                   width,
                          double                   height,
                          const ScChartParetoData *data,
                          double                   x,
                          double                   y,
                          ScChartHit              *hit)
{
  ParetoLayout layout;
  int index;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (data->n_items == 0)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  if (!sc_chart_rect_contains (&layout.plot, x, y))
    return FALSE;
  index = MIN ((int) ((x - layout.plot.x) / layout.slot), (int) data->n_items - 1);
  pareto_hit (data, &layout, index, hit);
  return TRUE;
}

gboolean
sc_chart_pareto_get_point (const ScChartStyle      *style,
                           double                   width,
                           double                   height,
                           const ScChartParetoData *data,
                           guint                    index,
                           ScChartHit              *hit)
{
  ParetoLayout layout;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (index >= data->n_items)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  pareto_hit (data, &layout, index, hit);
  return TRUE;
}

char *
sc_chart_pareto_dup_tooltip (const ScChartParetoData *data,
                             const ScChartHit        *hit)
{
  guint total, cumulative = 0;

  g_return_val_if_fail (data != NULL && hit != NULL, NULL);

  if (hit->index < 0 || (guint) hit->index >= data->n_items)
    return NULL;
  total = MAX (total_count (data), 1);
  for (int i = 0; i <= hit->index; i++)
    cumulative += data->items[i].count;
  return g_strdup_printf (LN_ (NULL, "%s\n%u issue · %.0f %% of all, %.0f %% cumulative",
                                       "%s\n%u issues · %.0f %% of all, %.0f %% cumulative",
                                       data->items[hit->index].count),
                          data->items[hit->index].label, data->items[hit->index].count,
                          100.0 * data->items[hit->index].count / total, 100.0 * cumulative / total);
}

char *
sc_chart_pareto_dup_description (const ScChartParetoData *data)
{
  g_autoptr(GString) str = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  g_string_append (str, data->title ? data->title : _("Issues"));
  for (guint i = 0; i < MIN (data->n_items, 5); i++)
    g_string_append_printf (str, ", %s %u", data->items[i].label, data->items[i].count);
  if (data->n_items > 5)
    g_string_append_printf (str, LN_ (NULL, " and %u more", " and %u more", data->n_items - 5),
                            data->n_items - 5);
  return g_string_free (g_steal_pointer (&str), FALSE);
}
