/* sc-palette.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-score.h"

G_BEGIN_DECLS

typedef enum
{
  SC_THEME_LIGHT,
  SC_THEME_DARK,
  SC_THEME_PRINT,
} ScTheme;

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} ScColor;

void        sc_palette_status_color (ScTheme   theme,
                                     ScStatus  status,
                                     ScColor  *color);
void        sc_palette_foreground   (ScTheme   theme,
                                     ScColor  *color);
void        sc_palette_accent       (ScTheme   theme,
                                     ScColor  *color);
const char *sc_palette_status_symbol (ScStatus status);
void        sc_color_set_source     (cairo_t       *cr,
                                     const ScColor *color);

G_END_DECLS
