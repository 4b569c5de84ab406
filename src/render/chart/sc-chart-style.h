/* sc-chart-style.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-palette.h"

G_BEGIN_DECLS

/* What every chart kind draws with: the theme's colours (all taken from the
 * palette), the font and the base text size in user units (pixels on
 * screen, points in a PDF).
 */
typedef struct
{
  ScTheme     theme;
  const char *font_family;
  double      font_size;
  gboolean    paint_background;

  ScColor     background;
  ScColor     foreground;
  ScColor     muted;
  ScColor     grid;
  ScColor     accent;
  ScColor     line;
} ScChartStyle;

#define SC_CHART_FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, sans-serif"

void     sc_chart_style_init        (ScChartStyle *style,
                                     ScTheme       theme);
gboolean sc_theme_from_string       (const char   *str,
                                     ScTheme      *theme);
const char *sc_theme_to_string      (ScTheme       theme);

G_END_DECLS
