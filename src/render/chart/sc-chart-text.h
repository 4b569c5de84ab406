/* sc-chart-text.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  SC_CHART_FONT_BODY,    /* labels and values */
  SC_CHART_FONT_SMALL,   /* ticks and annotations */
  SC_CHART_FONT_BOLD,    /* emphasised labels */
  SC_CHART_FONT_TITLE,   /* the chart's title */
  SC_CHART_N_FONTS
} ScChartFont;

typedef struct _ScChartText ScChartText;

ScChartText *sc_chart_text_new            (const ScChartStyle *style);
void         sc_chart_text_free           (ScChartText        *self);
void         sc_chart_text_set            (ScChartText        *self,
                                           ScChartFont         font,
                                           const char         *text,
                                           double              max_width);
gboolean     sc_chart_text_is_ellipsized  (ScChartText        *self);
void         sc_chart_text_get_size       (ScChartText        *self,
                                           double             *width,
                                           double             *height);
double       sc_chart_text_measure        (ScChartText        *self,
                                           ScChartFont         font,
                                           const char         *text);
double       sc_chart_text_widest         (ScChartText        *self,
                                           ScChartFont         font,
                                           const char * const *texts,
                                           guint               n_texts);
double       sc_chart_text_line_height    (ScChartText        *self,
                                           ScChartFont         font);
void         sc_chart_text_show           (ScChartText        *self,
                                           cairo_t            *cr,
                                           double              x,
                                           double              y,
                                           double              xalign,
                                           double              yalign);
void         sc_chart_text_show_rotated   (ScChartText        *self,
                                           cairo_t            *cr,
                                           double              x,
                                           double              y,
                                           double              angle,
                                           double              xalign);
void         sc_chart_text_draw           (ScChartText        *self,
                                           cairo_t            *cr,
                                           ScChartFont         font,
                                           const char         *text,
                                           double              max_width,
                                           double              x,
                                           double              y,
                                           double              xalign,
                                           double              yalign);
guint        sc_chart_thin_step           (double              slot,
                                           double              label_width,
                                           const guint        *steps,
                                           guint               n_steps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartText, sc_chart_text_free)

G_END_DECLS
