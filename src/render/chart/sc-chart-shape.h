/* sc-chart-shape.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-palette.h"

G_BEGIN_DECLS

typedef enum
{
  SC_CHART_SHAPE_CIRCLE,
  SC_CHART_SHAPE_RING,
  SC_CHART_SHAPE_TRIANGLE,
  SC_CHART_SHAPE_DIAMOND,
  SC_CHART_SHAPE_SQUARE,
  SC_CHART_SHAPE_FRAME,         /* a square outline: no target */
} ScChartShape;

ScChartShape sc_chart_shape_for_status   (ScStatus      status);
ScChartShape sc_chart_shape_for_severity (ScSeverity    severity);
gboolean     sc_chart_shape_is_outline   (ScChartShape  shape);
void         sc_chart_shape_path         (cairo_t      *cr,
                                          ScChartShape  shape,
                                          double        x,
                                          double        y,
                                          double        radius);
void         sc_chart_shape_draw         (cairo_t      *cr,
                                          ScChartShape  shape,
                                          double        x,
                                          double        y,
                                          double        radius,
                                          const ScColor *fill,
                                          const ScColor *outline);

G_END_DECLS
