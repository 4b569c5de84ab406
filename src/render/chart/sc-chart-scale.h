/* sc-chart-scale.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SC_CHART_SCALE_NONE         = 0,
  SC_CHART_SCALE_INTEGER      = 1 << 0,  /* counts: never a step below 1 */
  SC_CHART_SCALE_INCLUDE_ZERO = 1 << 1,  /* bars start at zero */
} ScChartScaleFlags;

/* A linear axis from min to max in n_ticks - 1 steps of step, each a
 * "nice" number (1, 2, 2.5 or 5 × 10ⁿ); decimals is what a tick label
 * needs to show every tick exactly.
 */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;
  guint  decimals;
} ScChartScale;

double   sc_chart_nice_step          (double              span,
                                      guint               max_steps,
                                      ScChartScaleFlags   flags);
void     sc_chart_scale_init         (ScChartScale       *scale,
                                      double              lo,
                                      double              hi,
                                      guint               max_steps,
                                      ScChartScaleFlags   flags);
double   sc_chart_scale_tick         (const ScChartScale *scale,
                                      guint               position);
double   sc_chart_scale_fraction     (const ScChartScale *scale,
                                      double              value);
char    *sc_chart_scale_format_tick  (const ScChartScale *scale,
                                      double              value,
                                      const char         *unit);
char    *sc_chart_format_number      (double              value,
                                      guint               decimals,
                                      const char         *unit);

G_END_DECLS
