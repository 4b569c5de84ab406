/* sc-chart-shape.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Marker shapes, so that a status or a severity is told by shape as well
 * as colour: the shapes match the palette's symbols (● ▲ ◆ ○), drawn as
 * paths rather than glyphs so they are crisp at any size and cheap to draw
 * thousands of times.
 */

#define G_LOG_DOMAIN "sc-chart-shape"

#include "config.h"

#include <math.h>

#include "sc-chart-shape.h"

ScChartShape
sc_chart_shape_for_status (ScStatus status)
{
  switch (status)
    {
    case SC_STATUS_GREEN: return SC_CHART_SHAPE_CIRCLE;
    case SC_STATUS_AMBER: return SC_CHART_SHAPE_TRIANGLE;
    case SC_STATUS_RED: return SC_CHART_SHAPE_DIAMOND;
    case SC_STATUS_NO_TARGET: return SC_CHART_SHAPE_FRAME;
    case SC_STATUS_NO_DATA:
    default: return SC_CHART_SHAPE_RING;
    }
}

/* Issue markers grow more angular with severity. */
ScChartShape
sc_chart_shape_for_severity (ScSeverity severity)
{
  switch (severity)
    {
    case SC_SEVERITY_LOW: return SC_CHART_SHAPE_CIRCLE;
    case SC_SEVERITY_HIGH: return SC_CHART_SHAPE_DIAMOND;
    case SC_SEVERITY_CRITICAL: return SC_CHART_SHAPE_SQUARE;
    case SC_SEVERITY_MEDIUM:
    default: return SC_CHART_SHAPE_TRIANGLE;
    }
}

/* Appends the outline of @shape to the current path, so many markers of one
 * colour can be filled at once.
 */
void
sc_chart_shape_path (cairo_t      *cr,
                     ScChartShape  shape,
                     double        x,
                     double        y,
                     double        r)
{
  switch (shape)
    {
    case SC_CHART_SHAPE_TRIANGLE:
      /* same area as the circle, centred on its centroid */
      r *= 1.25;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.866, y + r * 0.5);
      cairo_line_to (cr, x - r * 0.866, y + r * 0.5);
      cairo_close_path (cr);
      break;
    case SC_CHART_SHAPE_DIAMOND:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case SC_CHART_SHAPE_SQUARE:
    case SC_CHART_SHAPE_FRAME:
      r *= 0.9;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case SC_CHART_SHAPE_CIRCLE:
    case SC_CHART_SHAPE_RING:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    }
}

/* Whether @shape is drawn as an outline rather than filled */
gboolean
sc_chart_shape_is_outline (ScChartShape shape)
{
  return shape == SC_CHART_SHAPE_RING || shape == SC_CHART_SHAPE_FRAME;
}

/* Draws @shape centred at (@x, @y). A ring and a frame are only outlined,
 * in @fill; other shapes are filled and, when @outline is set, get a thin
 * outline that separates them from a line or cell beneath.
 */
void
sc_chart_shape_draw (cairo_t       *cr,
                     ScChartShape   shape,
                     double         x,
                     double         y,
                     double         radius,
                     const ScColor *fill,
                     const ScColor *outline)
{
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (sc_chart_shape_is_outline (shape))
    {
      sc_chart_shape_path (cr, shape, x, y, radius - 0.6);
      cairo_set_line_width (cr, 1.2);
      sc_color_set_source (cr, fill);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  sc_chart_shape_path (cr, shape, x, y, radius);
  sc_color_set_source (cr, fill);
  if (outline)
    {
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1);
      sc_color_set_source (cr, outline);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
  cairo_restore (cr);
}
