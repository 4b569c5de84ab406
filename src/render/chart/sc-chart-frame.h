/* sc-chart-frame.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-chart-scale.h"
#include "sc-chart-text.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ScChartRect;

/* Room around the frame and between its parts, in multiples of the font
 * size so a chart keeps its proportions at any text size.
 */
#define SC_CHART_PAD(style) (0.75 * (style)->font_size)

gboolean sc_chart_rect_contains     (const ScChartRect  *rect,
                                     double              x,
                                     double              y);
void     sc_chart_frame_begin       (cairo_t            *cr,
                                     const ScChartStyle *style,
                                     double              width,
                                     double              height);
void     sc_chart_frame_end         (cairo_t            *cr);
double   sc_chart_frame_header      (ScChartText        *text,
                                     cairo_t            *cr,
                                     const ScChartStyle *style,
                                     double              width,
                                     const char         *title,
                                     const char         *subtitle,
                                     const char         *aside);
void     sc_chart_frame_message     (ScChartText        *text,
                                     cairo_t            *cr,
                                     const ScChartStyle *style,
                                     const ScChartRect  *rect,
                                     const char         *message);
void     sc_chart_visible_rows      (cairo_t            *cr,
                                     double              top,
                                     double              row_height,
                                     guint               n_rows,
                                     guint              *first,
                                     guint              *end);
guint    sc_chart_axis_max_steps    (ScChartText        *text,
                                     double              length,
                                     double              spacing);
double   sc_chart_axis_label_width  (ScChartText        *text,
                                     const ScChartScale *scale,
                                     const char         *unit);
void     sc_chart_axis_draw_y       (ScChartText        *text,
                                     cairo_t            *cr,
                                     const ScChartStyle *style,
                                     const ScChartScale *scale,
                                     const char         *unit,
                                     const ScChartRect  *plot,
                                     gboolean            right);
void     sc_chart_axis_draw_x       (ScChartText        *text,
                                     cairo_t            *cr,
                                     const ScChartStyle *style,
                                     const ScChartScale *scale,
                                     const char         *unit,
                                     const ScChartRect  *plot);
double   sc_chart_crisp             (double              coordinate,
                                     double              line_width);

G_END_DECLS
