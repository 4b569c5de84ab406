/* sc-chart-heatmap.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The partner × KPI heatmap: one cell per partner and KPI in its status
 * colour, with the status shape inside whenever the cell is big enough, so
 * status never rests on colour alone. KPI names head the columns (slanted
 * when they do not fit), partner names the rows (thinned when the rows
 * are thinner than a line of text). Cells are filled one status at a time,
 * so thousands of them cost a handful of fills.
 */

#define G_LOG_DOMAIN "sc-chart-heatmap"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"
#include "sc-chart-frame.h"
#include "sc-chart-heatmap.h"
#include "sc-chart-shape.h"

#define SLANT (-G_PI / 4)

typedef struct
{
  double       header;
  ScChartRect  grid;
  double       cell_width;
  double       cell_height;
  double       label_width;    /* row labels */
  double       col_label_max;  /* longest column label, after ellipsising */
  double       angle;          /* of the column labels: 0, slanted or upright */
  guint        col_step;       /* a KPI name every n-th column */
  guint        row_step;       /* a partner name every n-th row */
} HeatmapLayout;

/* Columns first: their labels decide how much height is left for rows. */
static void
heatmap_layout (ScChartText              *text,
                cairo_t                  *cr,
                const ScChartStyle       *style,
                double                    width,
                double                    height,
                const ScChartHeatmapData *data,
                HeatmapLayout            *layout)
{
  double pad = SC_CHART_PAD (style);
  double small = sc_chart_text_line_height (text, SC_CHART_FONT_SMALL);
  double body = sc_chart_text_line_height (text, SC_CHART_FONT_BODY);
  double col_widest, head, right = 0;
  guint n_cols = MAX (data->n_cols, 1), n_rows = MAX (data->n_rows, 1);

  layout->header = height >= 8 * body ? sc_chart_frame_header (text, cr, style, width, data->title,
                                                               data->subtitle, NULL) : 0;
  layout->label_width = MIN (sc_chart_text_widest (text, SC_CHART_FONT_SMALL,
                                                   (const char * const *) data->row_labels, data->n_rows),
                             width * 0.3);
  layout->grid.x = pad + layout->label_width + pad / 2;
  layout->cell_width = MAX (width - layout->grid.x - pad, 1) / n_cols;

  /* column labels: level if they fit, else slanted, else upright when
   * slanted ones would touch, and thinned when even upright ones would
   */
  col_widest = sc_chart_text_widest (text, SC_CHART_FONT_SMALL, (const char * const *) data->col_labels, data->n_cols);
  layout->col_step = 1;
  layout->angle = 0;
  layout->col_label_max = layout->cell_width - pad / 2;
  head = small;
  if (col_widest + pad / 2 > layout->cell_width)
    {
      layout->col_label_max = MIN (col_widest, style->font_size * 11);
      if (layout->cell_width * 0.7071 >= small)
        {
          layout->angle = SLANT;
          head = (layout->col_label_max + small) * 0.7071;
          right = MAX (0, layout->col_label_max * 0.7071 - layout->cell_width / 2);
          layout->cell_width = MAX (width - layout->grid.x - pad - right, 1) / n_cols;
        }
      else
        {
          layout->angle = -G_PI / 2;
          head = layout->col_label_max;
          layout->col_step = MAX (1, (guint) ceil (small * 1.05 / layout->cell_width));
        }
    }

  layout->grid.y = layout->header + pad + head + pad / 2;
  layout->grid.width = layout->cell_width * n_cols;
  layout->cell_height = MIN (MAX (height - pad - layout->grid.y, 1) / n_rows, body * 2);
  layout->grid.height = layout->cell_height * n_rows;
  layout->row_step = MAX (1, (guint) ceil (small * 1.05 / MAX (layout->cell_height, 0.01)));
}

static void
cell_rect (const HeatmapLayout *layout,
           guint                row,
           guint                col,
           ScChartRect         *rect)
{
  double gap = layout->cell_width >= 8 && layout->cell_height >= 8 ? 1 : 0;
  double x0 = round (layout->grid.x + col * layout->cell_width);
  double y0 = round (layout->grid.y + row * layout->cell_height);

  /* whole pixels: crisp edges, and cheap to fill without antialiasing */
  rect->x = x0;
  rect->y = y0;
  rect->width = MAX (round (layout->grid.x + (col + 1) * layout->cell_width) - x0 - gap, 1);
  rect->height = MAX (round (layout->grid.y + (row + 1) * layout->cell_height) - y0 - gap, 1);
}

/* Fills every cell of @status with one fill, then, when cells are big
 * enough, its shapes with another.
 */
static void
draw_status_cells (cairo_t                  *cr,
                   const ScChartStyle       *style,
                   const ScChartHeatmapData *data,
                   const HeatmapLayout      *layout,
                   ScStatus                  status)
{
  double size = MIN (layout->cell_width, layout->cell_height);
  ScColor fill, ink;
  ScChartRect rect;

  sc_palette_status_color (style->theme, status, &fill);
  if (status == SC_STATUS_NO_DATA || status == SC_STATUS_NO_TARGET)
    fill = style->grid;
  guint first, end;

  sc_chart_visible_rows (cr, layout->grid.y, layout->cell_height, data->n_rows, &first, &end);
  sc_color_set_source (cr, &fill);
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint r = first; r < end; r++)
    for (guint c = 0; c < data->n_cols; c++)
      {
        if (data->statuses[r * data->n_cols + c] != status)
          continue;
        cell_rect (layout, r, c, &rect);
        cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      }
  cairo_fill (cr);
  cairo_restore (cr);

  if (size < 9)
    return;
  sc_palette_text_on (&fill, &ink);
  if (status == SC_STATUS_NO_DATA || status == SC_STATUS_NO_TARGET)
    ink = style->muted;
  sc_color_set_source (cr, &ink);
  for (guint r = first; r < end; r++)
    for (guint c = 0; c < data->n_cols; c++)
      {
        if (data->statuses[r * data->n_cols + c] != status)
          continue;
        cell_rect (layout, r, c, &rect);
        sc_chart_shape_path (cr, sc_chart_shape_for_status (status), rect.x + rect.width / 2,
                             rect.y + rect.height / 2, MIN (size * 0.22, style->font_size * 0.4));
      }
  if (sc_chart_shape_is_outline (sc_chart_shape_for_status (status)))
    {
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static void
draw_column_labels (ScChartText              *text,
                    cairo_t                  *cr,
                    const ScChartStyle       *style,
                    const ScChartHeatmapData *data,
                    const HeatmapLayout      *layout)
{
  double y = layout->grid.y - SC_CHART_PAD (style) / 2;

  sc_color_set_source (cr, &style->foreground);
  for (guint c = 0; c < data->n_cols; c += layout->col_step)
    {
      double x = layout->grid.x + (c + 0.5) * layout->cell_width;

      sc_chart_text_set (text, SC_CHART_FONT_SMALL, data->col_labels[c], layout->col_label_max);
      if (layout->angle != 0)
        sc_chart_text_show_rotated (text, cr, x, y, layout->angle, 0);
      else
        sc_chart_text_show (text, cr, x, y, 0.5, 1);
    }
}

static void
draw_row_labels (ScChartText              *text,
                 cairo_t                  *cr,
                 const ScChartStyle       *style,
                 const ScChartHeatmapData *data,
                 const HeatmapLayout      *layout)
{
  double pad = SC_CHART_PAD (style);
  guint first, end;

  sc_chart_visible_rows (cr, layout->grid.y, layout->cell_height, data->n_rows, &first, &end);
  for (guint r = first; r < end; r++)
    {
      gboolean highlight = (int) r == data->highlight_row;

      if (r % layout->row_step != 0 && !highlight)
        continue;
      sc_color_set_source (cr, &style->foreground);
      sc_chart_text_draw (text, cr, highlight ? SC_CHART_FONT_BOLD : SC_CHART_FONT_SMALL,
                          data->row_labels[r], layout->label_width, pad,
                          layout->grid.y + (r + 0.5) * layout->cell_height, 0, 0.5);
    }
  if (data->highlight_row >= 0 && (guint) data->highlight_row < data->n_rows)
    {
      sc_color_set_source (cr, &style->accent);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, layout->grid.x - 1, layout->grid.y + data->highlight_row * layout->cell_height - 1,
                       layout->grid.width + 1, layout->cell_height + 1);
      cairo_stroke (cr);
    }
}

void
sc_chart_heatmap_draw (cairo_t                  *cr,
                       const ScChartStyle       *style,
                       double                    width,
                       double                    height,
                       const ScChartHeatmapData *data)
{
  static const ScStatus order[] = { SC_STATUS_NO_DATA, SC_STATUS_NO_TARGET, SC_STATUS_GREEN, SC_STATUS_AMBER,
                                    SC_STATUS_RED };
  g_autoptr(ScChartText) text = NULL;
  HeatmapLayout layout;

  g_return_if_fail (cr != NULL && style != NULL && data != NULL);

  if (width < 1 || height < 1)
    return;

  text = sc_chart_text_new (style);
  sc_chart_frame_begin (cr, style, width, height);
  heatmap_layout (text, cr, style, width, height, data, &layout);

  if (data->n_rows == 0 || data->n_cols == 0)
    {
      sc_chart_frame_message (text, cr, style, &layout.grid, _("No data"));
      sc_chart_frame_end (cr);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    draw_status_cells (cr, style, data, &layout, order[i]);
  draw_column_labels (text, cr, style, data, &layout);
  draw_row_labels (text, cr, style, data, &layout);

  sc_chart_frame_end (cr);
}

static void
measure_layout (const ScChartStyle       *style,
                double                    width,
                double                    height,
                const ScChartHeatmapData *data,
                HeatmapLayout            *layout)
{
  g_autoptr(ScChartText) text = sc_chart_text_new (style);

  heatmap_layout (text, NULL, style, width, height, data, layout);
}

static void
heatmap_hit (const ScChartHeatmapData *data,
             const HeatmapLayout      *layout,
             guint                     row,
             guint                     col,
             ScChartHit               *hit)
{
  sc_chart_hit_clear (hit);
  hit->index = row * data->n_cols + col;
  hit->partner = data->partners[row];
  hit->kpi = data->kpis[col];
  hit->period = data->period;
  hit->x = layout->grid.x + (col + 0.5) * layout->cell_width;
  hit->y = layout->grid.y + (row + 0.5) * layout->cell_height;
}

/* The cell under (@x, @y); its index is row × columns + column. */
gboolean
sc_chart_heatmap_hit_test (const ScChartStyle       *style,
                           double                    width,
                           double                    height,
                           const ScChartHeatmapData *data,
                           double                    x,
                           double                    y,
                           ScChartHit               *hit)
{
  HeatmapLayout layout;
  int row, col;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (data->n_rows == 0 || data->n_cols == 0)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  if (!sc_chart_rect_contains (&layout.grid, x, y))
    return FALSE;
  row = MIN ((int) ((y - layout.grid.y) / layout.cell_height), (int) data->n_rows - 1);
  col = MIN ((int) ((x - layout.grid.x) / layout.cell_width), (int) data->n_cols - 1);
  heatmap_hit (data, &layout, row, col, hit);
  return TRUE;
}

gboolean
sc_chart_heatmap_get_point (const ScChartStyle       *style,
                            double                    width,
                            double                    height,
                            const ScChartHeatmapData *data,
                            guint                     index,
                            ScChartHit               *hit)
{
  HeatmapLayout layout;

  g_return_val_if_fail (style != NULL && data != NULL && hit != NULL, FALSE);

  sc_chart_hit_clear (hit);
  if (data->n_cols == 0 || index >= data->n_rows * data->n_cols)
    return FALSE;
  measure_layout (style, width, height, data, &layout);
  heatmap_hit (data, &layout, index / data->n_cols, index % data->n_cols, hit);
  return TRUE;
}

char *
sc_chart_heatmap_dup_tooltip (const ScChartHeatmapData *data,
                              const ScChartHit         *hit)
{
  g_autofree char *value = NULL;
  ScStatus status;

  g_return_val_if_fail (data != NULL && hit != NULL, NULL);

  if (hit->index < 0 || (guint) hit->index >= data->n_rows * data->n_cols)
    return NULL;
  status = data->statuses[hit->index];
  value = sc_chart_format_value (data->kpis[hit->index % data->n_cols], data->values[hit->index]);
  return g_strdup_printf ("%s\n%s — %s\n%s %s", data->row_labels[hit->index / data->n_cols],
                          data->col_labels[hit->index % data->n_cols], value,
                          sc_palette_status_symbol (status), sc_status_get_label (status));
}

char *
sc_chart_heatmap_dup_description (const ScChartHeatmapData *data)
{
  guint counts[SC_N_STATUSES] = { 0, };
  g_autofree char *description = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->n_rows * data->n_cols; i++)
    counts[CLAMP (data->statuses[i], 0, SC_N_STATUSES - 1)]++;
  /* Translators: a heatmap's description; partners, KPIs, then cells per status */
  description = g_strdup_printf (_("%s, %u partners × %u KPIs: %u on target, %u warning, %u critical, %u without data"),
                                 data->title ? data->title : _("Heatmap"), data->n_rows, data->n_cols,
                                 counts[SC_STATUS_GREEN], counts[SC_STATUS_AMBER], counts[SC_STATUS_RED],
                                 counts[SC_STATUS_NO_DATA]);
  if (counts[SC_STATUS_NO_TARGET] == 0)
    return g_steal_pointer (&description);
  /* Translators: added to a heatmap's description; %u is a number of cells */
  return g_strdup_printf (_("%s, %u without a target"), description, counts[SC_STATUS_NO_TARGET]);
}
