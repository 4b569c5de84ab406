/* sc-sparkline.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A word-sized line chart of a series: gaps where data is missing (a value
 * alone between two gaps shows as a dot), a faint target line, and the
 * last value marked in its status colour.
 */

#define G_LOG_DOMAIN "sc-sparkline"

#include "config.h"

#include <math.h>

#include "sc-sparkline.h"

void
sc_sparkline_draw (cairo_t      *cr,
                   ScTheme       theme,
                   double        width,
                   double        height,
                   const double *values,
                   guint         n_values,
                   double        target,
                   ScStatus      last_status)
{
  double lo = INFINITY, hi = -INFINITY, pad = 2.5;
  ScColor fg, status_color;
  gboolean pen_down = FALSE;
  int last = -1;

  g_return_if_fail (cr != NULL);

  for (guint i = 0; i < n_values; i++)
    {
      if (isnan (values[i]))
        continue;
      lo = MIN (lo, values[i]);
      hi = MAX (hi, values[i]);
      last = i;
    }
  if (last < 0 || width <= 2 * pad || height <= 2 * pad)
    return;
  if (!isnan (target))
    {
      lo = MIN (lo, target);
      hi = MAX (hi, target);
    }
  if (hi - lo < 1e-12)
    {
      lo -= 1;
      hi += 1;
    }

#define X(i) (pad + (n_values > 1 ? (width - 2 * pad) * (i) / (n_values - 1) : (width - 2 * pad) / 2))
#define Y(v) (height - pad - (height - 2 * pad) * ((v) - lo) / (hi - lo))

  cairo_save (cr);
  sc_palette_foreground (theme, &fg);

  if (!isnan (target))
    {
      double dashes[] = { 2, 2 };

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, pad, round (Y (target)) + 0.5);
      cairo_line_to (cr, width - pad, round (Y (target)) + 0.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.75);
  cairo_set_line_width (cr, 1.25);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n_values; i++)
    {
      if (isnan (values[i]))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, X (i), Y (values[i]));
      else
        {
          cairo_move_to (cr, X (i), Y (values[i]));
          cairo_line_to (cr, X (i), Y (values[i]));
        }
      pen_down = TRUE;
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);

  /* a value between two gaps has no line: show it as a dot */
  for (guint i = 0; i < n_values; i++)
    {
      gboolean before = i > 0 && !isnan (values[i - 1]);
      gboolean after = i + 1 < n_values && !isnan (values[i + 1]);

      if (!isnan (values[i]) && !before && !after && (int) i != last)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, X (i), Y (values[i]), 1.5, 0, 2 * G_PI);
        }
    }
  cairo_fill (cr);

  sc_palette_status_color (theme, last_status, &status_color);
  sc_color_set_source (cr, &status_color);
  cairo_arc (cr, X (last), Y (values[last]), 2.25, 0, 2 * G_PI);
  cairo_fill (cr);

#undef X
#undef Y

  cairo_restore (cr);
}
