/* sc-chart-ranking.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranking bars: partners by overall score, best first, each bar in its
 * grade's colour with the grade and score written at its end. Long names
 * are ellipsised (the tooltip has them in full); with more partners than
 * fit, bars get thinner and only every n-th name is written.
 */

#define G_LOG_DOMAIN "sc-chart-ranking"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"
#include "sc-chart-frame.h"
#include "sc-chart-ranking.h"

typedef struct
{
  double       header;
  ScChartRect  plot;
  double       row_height;
  double       label_width;
  double       rank_width;
  guint        label_step;   /* name every n-th row */
  gboolean     bar_labels;   /* grade and score at the bar's end */
  ScChartScale scale;
} RankingLayout;

static void
ranking_layout (ScChartText              *text,
                cairo_t                  *cr,
                const ScChartStyle       *style,
                double                    width,
                double                    height,
                const ScChartRankingData *data,
                RankingLayout            *layout)
{
  double pad = SC_CHART_PAD (style);
  double body = sc_chart_text_line_height (text, SC_CHART_FONT_BODY);
  double small = sc_chart_text_line_height (text, SC_CHART_FONT_SMALL);
  double widest = 0, bottom;
  g_autofree char *rank = g_strdup_printf ("%u", MAX (data->n_items, 1));

  layout->header = height >= 8 * body ? sc_chart_frame_header (text, cr, style, width, data->title,
                                                               data->subtitle, NULL) : 0;
  layout->plot.y = layout->header + pad;
  bottom = height - pad - small - pad / 3;
  layout->plot.height = MAX (bottom - layout->plot.y, 1);
  layout->row_height = data->n_items ? layout->plot.height / data->n_items : layout->plot.height;
  layout->row_height = MIN (layout->row_height, body * 2.2);

  /* a name every n-th row when the rows are thinner than a line of text */
  layout->label_step = MAX (1, (guint) ceil (body * 1.05 / MAX (layout->row_height, 0.01)));
  {
    g_autofree const char **names = g_new (const char *, MAX (data->n_items, 1));
    guint n_names = 0;

    for (guint i = 0; i < data->n_items; i += layout->label_step)
      names[n_names++] = data->items[i].name;
    widest = sc_chart_text_widest (text, SC_CHART_FONT_BODY, names, n_names);
  }
  layout->rank_width = sc_chart_text_measure (text, SC_CHART_FONT_SMALL, rank) + pad / 2;
  layout->label_width = MIN (widest, width * 0.35);
  layout->bar_labels = layout->row_height >= body * 0.95;

  layout->plot.x = pad + layout->rank_width + layout->label_width + pad;
  layout->plot.width = MAX (width - layout->plot.x - pad - (layout->bar_labels ? style->font_size * 4.5 : 0), 1);
  sc_chart_scale_init (&layout->scale, 0, 100,
                       CLAMP ((guint) (layout->plot.width / (style->font_size * 4)), 1, 5), 0);
}

static double
row_y (const RankingLayout *layout,
       guint                index)
{
  return layout->plot.y + index * layout->row_height;
}

static double
bar_end (const RankingLayout      *layout,
         const ScChartRankingItem *item)
{
  double score = isfinite (item->score) ? CLAMP (item->score, 0, 100) : 0;

  return layout->plot.x + layout->plot.width * sc_chart_scale_fraction (&layout->scale, score);
}

static void
draw_bars (cairo_t                  *cr,
           const ScChartStyle       *style,
           const ScChartRankingData *data,
           const RankingLayout      *layout)
{
  double gap = layout->row_height >= 6 ? MIN (layout->row_height * 0.25, 6) : 0;
  guint first, end;

  sc_chart_visible_rows (cr, layout->plot.y, layout->row_height, data->n_items, &first, &end);
  for (guint i = first; i < end; i++)
    {
      const ScChartRankingItem *item = &data->items[i];
      ScColor color;

      if (item->highlight)
        {
          cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue, 0.15);
          cairo_rectangle (cr, 0, row_y (layout, i), layout->plot.x + layout->plot.width + SC_CHART_PAD (style),
                           MAX (layout->row_height, 2));
          cairo_fill (cr);
        }
      if (!isfinite (item->score))
        continue;
      sc_palette_grade_color (style->theme, item->grade_index, data->n_grades, &color);
      sc_color_set_source (cr, &color);
      cairo_rectangle (cr, layout->plot.x, row_y (layout, i) + gap / 2,
                       MAX (bar_end (layout, item) - layout->plot.x, 1),
                       MAX (layout->row_height - gap, 0.75));
      cairo_fill (cr);
    }
}

static void
draw_row_labels (ScChartText              *text,
                 cairo_t                  *cr,
                 const ScChartStyle       *style,
                 const ScChartRankingData *data,
                 const RankingLayout      *layout)
{
  double pad = SC_CHART_PAD (style);
  guint first, end;

  sc_chart_visible_rows (cr, layout->plot.y, layout->row_height, data->n_items, &first, &end);
  for (guint i = first; i < end; i++)
    {
      const ScChartRankingItem *item = &data->items[i];
      double y = row_y (layout, i) + layout->row_height / 2;

      if (i % layout->label_step != 0 && !item->highlight)
        continue;
      if (item->rank > 0)
        {
          g_autofree char *rank = g_strdup_printf ("%u", item->rank);

          sc_color_set_source (cr, &style->muted);
          sc_chart_text_draw (text, cr, SC_CHART_FONT_SMALL, rank, -1, pad + layout->rank_width - pad / 2, y, 1, 0.5);
        }
      sc_color_set_source (cr, &style->foreground);
      sc_chart_text_draw (text, cr, item->highlight ? SC_CHART_FONT_BOLD : SC_CHART_FONT_BODY, item->name,
                          layout->label_width, pad + layout->rank_width, y, 0, 0.5);
      if (!layout->bar_labels)
        continue;
      if (isfinite (item->score))
        {
          /* Translators: grade and score at the end of a ranking bar, e.g. "B 81.2" */
          g_autofree char *label = g_strdup_printf (_("%s %.1f"), item->grade ? item->grade : "", item->score);

          sc_chart_text_draw (text, cr, SC_CHART_FONT_BOLD, label, -1, bar_end (layout, item) + pad / 2, y, 0, 0.5);
        }
      else
        {
          sc_color_set_source (cr, &style->muted);
          sc_chart_text_draw (text, cr, SC_CHART_FONT_SMALL, _("no data"), -1, layout->plot.x + pad / 2, y, 0, 0.5);
        }
    }
}

void
sc_chart_ranking_draw (cairo_t                  *cr,
                       const ScChartStyle       *style,
                       double                    width,
                       double                    height,
                       const ScChartRankingData *data)
{
  g_autoptr(ScChartText) text = NULL;
  RankingLayout layout;
  ScChartRect axis;

  g_return_if_fail (cr != NULL && style != NULL && data != NULL);

  if (width < 1 || height < 1)
    return;

  text = sc_chart_text_new (style);
  sc_chart_frame_begin (cr, style, width, height);
  ranking_layout (text, cr, style, width, height, data, &layout);

  axis = layout.plot;
  axis.height = data->n_items ? MIN (layout.plot.height, data->n_items * layout.row_height) : layout.plot.height;
  sc_chart_axis_draw_x (text, cr, style, &layout.scale, NULL, &axis);
  if (data->n_items == 0)
    sc_chart_frame_message (text, cr, style, &layout.plot, _("No partners"));
  draw_bars (cr, style, data, &layout);
  draw_row_labels (text, cr, style, data, &layout);

  sc_chart_frame_end (cr);
}

static void
measure_layout (const ScChartStyle       *style,
                double                    width,
                double                    height,
                const ScChartRankingData *data,
                RankingLayout            *layout)
{
  g_autoptr(ScChartText) text = sc_chart_text_new (style);

  ranking_layout (text, NULL, style, width, height, data, layout);
}

static void
ranking_hit (const ScChartRankingData *data,
             const RankingLayout      *layout,
             guint                     index,
             ScChartHit               *hit)
{
  sc_chart_hit_clear (hit);
  hit->index = index;
  hit->partner = data->items[index].partner;
  hit->period = data->period;
  hit->x = bar_end (layout, &data->items[index]);
  hit->y = row_y (layout, index) + layout->row_height / 2;
}

gboolean
sc_chart_ranking_hit_test (const ScChartStyle       *style,
                           double                    width,
                           double                    height,
                           const ScChartRankingData *data,
                           double                    x,
                           double                    y,
                           ScChartHit               *hit)
{
  RankingLayout layout;
  int row;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (data->n_items == 0 || x < 0 || x > width)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  if (y < layout.plot.y)
    return FALSE;
  row = (int) floor ((y - layout.plot.y) / layout.row_height);
  if (row < 0 || (guint) row >= data->n_items)
    return FALSE;
  ranking_hit (data, &layout, row, hit);
  return TRUE;
}

gboolean
sc_chart_ranking_get_point (const ScChartStyle       *style,
                            double                    width,
                            double                    height,
                            const ScChartRankingData *data,
                            guint                     index,
                            ScChartHit               *hit)
{
  RankingLayout layout;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (index >= data->n_items)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  ranking_hit (data, &layout, index, hit);
  return TRUE;
}

char *
sc_chart_ranking_dup_tooltip (const ScChartRankingData *data,
                              const ScChartHit         *hit)
{
  const ScChartRankingItem *item;

  g_return_val_if_fail (data != NULL && hit != NULL, NULL);

  if (hit->index < 0 || (guint) hit->index >= data->n_items)
    return NULL;
  item = &data->items[hit->index];
  if (!isfinite (item->score))
    return g_strdup_printf ("%s\n%s", item->name, _("No data"));
  /* Translators: a ranking tooltip: name, then rank, score and grade */
  return g_strdup_printf (_("%s\nRank %u · score %.1f · grade %s"), item->name, item->rank,
                          item->score, item->grade ? item->grade : "—");
}

char *
sc_chart_ranking_dup_description (const ScChartRankingData *data)
{
  g_autoptr(GString) str = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  g_string_append (str, data->title ? data->title : _("Ranking"));
  g_string_append_printf (str, LN_ (NULL, ", %u partner", ", %u partners", data->n_items),
                          data->n_items);
  for (guint i = 0; i < MIN (data->n_items, 3); i++)
    {
      if (isfinite (data->items[i].score))
        /* Translators: one partner in a ranking's description: rank, name, score */
        g_string_append_printf (str, _("; %u. %s %.1f"), data->items[i].rank, data->items[i].name,
                                data->items[i].score);
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}
