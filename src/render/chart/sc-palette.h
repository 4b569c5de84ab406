/* sc-palette.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-issue.h"
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
void        sc_palette_background   (ScTheme   theme,
                                     ScColor  *color);
void        sc_palette_muted        (ScTheme   theme,
                                     ScColor  *color);
void        sc_palette_grid         (ScTheme   theme,
                                     ScColor  *color);
void        sc_palette_band         (ScTheme   theme,
                                     ScStatus  status,
                                     ScColor  *color);
void        sc_palette_series       (ScTheme   theme,
                                     guint     position,
                                     ScColor  *color);
void        sc_palette_severity_color (ScTheme     theme,
                                       ScSeverity  severity,
                                       ScColor    *color);
void        sc_palette_grade_color  (ScTheme   theme,
                                     guint     grade_index,
                                     guint     n_grades,
                                     ScColor  *color);
void        sc_palette_text_on      (const ScColor *fill,
                                     ScColor       *color);
void        sc_color_set_source     (cairo_t       *cr,
                                     const ScColor *color);

G_END_DECLS
