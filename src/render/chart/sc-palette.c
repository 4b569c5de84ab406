/* sc-palette.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one palette every chart, list and report draws with. Status colours
 * follow the Okabe–Ito colour-blind-safe set (bluish green, orange,
 * vermillion), and every status also has a symbol, so colour is never the
 * only cue.
 */

#define G_LOG_DOMAIN "sc-palette"

#include "config.h"

#include "sc-palette.h"

static void
set_rgb (ScColor *color,
         guint32  rgb)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1.0;
}

void
sc_palette_status_color (ScTheme   theme,
                         ScStatus  status,
                         ScColor  *color)
{
  gboolean dark = theme == SC_THEME_DARK;

  switch (status)
    {
    case SC_STATUS_GREEN:
      set_rgb (color, dark ? 0x2ec4a0 : 0x009e73);
      break;
    case SC_STATUS_AMBER:
      set_rgb (color, dark ? 0xf5b942 : 0xe69f00);
      break;
    case SC_STATUS_RED:
      set_rgb (color, dark ? 0xff7a50 : 0xd55e00);
      break;
    case SC_STATUS_NO_TARGET:   /* not judged: the grey of no data, its own symbol */
    case SC_STATUS_NO_DATA:
    default:
      set_rgb (color, dark ? 0x8a8a8a : 0x9a9996);
      break;
    }
}

void
sc_palette_foreground (ScTheme  theme,
                       ScColor *color)
{
  set_rgb (color, theme == SC_THEME_DARK ? 0xeeeeec : 0x241f31);
}

void
sc_palette_accent (ScTheme  theme,
                   ScColor *color)
{
  set_rgb (color, theme == SC_THEME_DARK ? 0x78aeed : 0x1c71d8);
}

/* A symbol that tells the status without colour: ● on target, ▲ warning,
 * ◆ critical, ○ no data, □ no target.
 */
const char *
sc_palette_status_symbol (ScStatus status)
{
  switch (status)
    {
    case SC_STATUS_GREEN: return "●";
    case SC_STATUS_AMBER: return "▲";
    case SC_STATUS_RED: return "◆";
    case SC_STATUS_NO_TARGET: return "□";
    case SC_STATUS_NO_DATA:
    default: return "○";
    }
}

/* The surface a chart is drawn on: GNOME's view background in light and
 * dark, plain white on paper.
 */
void
sc_palette_background (ScTheme  theme,
                       ScColor *color)
{
  set_rgb (color, theme == SC_THEME_DARK ? 0x1e1e1e : 0xffffff);
}

/* Secondary text (axis labels, subtitles); keeps 4.5:1 contrast on the
 * background of each theme.
 */
void
sc_palette_muted (ScTheme  theme,
                  ScColor *color)
{
  switch (theme)
    {
    case SC_THEME_DARK: set_rgb (color, 0xb8b7b3); break;
    case SC_THEME_PRINT: set_rgb (color, 0x3d3846); break;
    case SC_THEME_LIGHT:
    default: set_rgb (color, 0x5e5c64); break;
    }
}

/* Grid lines: faint, but still visible on paper. */
void
sc_palette_grid (ScTheme  theme,
                 ScColor *color)
{
  switch (theme)
    {
    case SC_THEME_DARK: set_rgb (color, 0x3a3a3a); break;
    case SC_THEME_PRINT: set_rgb (color, 0xc0bfbc); break;
    case SC_THEME_LIGHT:
    default: set_rgb (color, 0xe0dfdc); break;
    }
}

/* A translucent tint of a status colour for threshold bands behind data. */
void
sc_palette_band (ScTheme   theme,
                 ScStatus  status,
                 ScColor  *color)
{
  sc_palette_status_color (theme, status, color);
  /* red bands are often large: lighter, so they tint rather than shout */
  if (theme == SC_THEME_DARK)
    color->alpha = status == SC_STATUS_RED ? 0.10 : 0.14;
  else
    color->alpha = status == SC_STATUS_RED ? 0.11 : 0.16;
}

/* Categorical colours in Okabe–Ito order (blue, orange, reddish purple,
 * sky blue, bluish green, yellow), for series that carry no status.
 */
void
sc_palette_series (ScTheme  theme,
                   guint    position,
                   ScColor *color)
{
  static const guint32 light[] = { 0x0072b2, 0xe69f00, 0xcc79a7, 0x56b4e9, 0x009e73, 0xf0e442 };
  static const guint32 dark[] = { 0x5aa9e6, 0xf5b942, 0xe39ac4, 0x8fd0f5, 0x2ec4a0, 0xf0e442 };

  position %= G_N_ELEMENTS (light);
  set_rgb (color, theme == SC_THEME_DARK ? dark[position] : light[position]);
}

/* Issue severities run from sky blue (low) through orange and vermillion
 * to reddish purple (critical); markers also differ in shape.
 */
void
sc_palette_severity_color (ScTheme     theme,
                           ScSeverity  severity,
                           ScColor    *color)
{
  gboolean dark = theme == SC_THEME_DARK;

  switch (severity)
    {
    case SC_SEVERITY_LOW: set_rgb (color, dark ? 0x8fd0f5 : 0x0072b2); break;
    case SC_SEVERITY_HIGH: set_rgb (color, dark ? 0xff7a50 : 0xd55e00); break;
    case SC_SEVERITY_CRITICAL: set_rgb (color, dark ? 0xf08cc8 : 0x9c2a6e); break;
    case SC_SEVERITY_MEDIUM:
    default: set_rgb (color, dark ? 0xf5b942 : 0xe69f00); break;
    }
}

/* Grades from best to worst: bluish green, sky blue, orange, vermillion.
 * With more or fewer bands than four, the ends stay green and vermillion.
 */
void
sc_palette_grade_color (ScTheme  theme,
                        guint    grade_index,
                        guint    n_grades,
                        ScColor *color)
{
  static const guint32 light[] = { 0x009e73, 0x3a9ad9, 0xe69f00, 0xd55e00 };
  static const guint32 dark[] = { 0x2ec4a0, 0x6cb8ef, 0xf5b942, 0xff7a50 };
  guint i = 0;

  if (n_grades > 1)
    i = MIN (grade_index, n_grades - 1) * 3 / (n_grades - 1);
  set_rgb (color, theme == SC_THEME_DARK ? dark[i] : light[i]);
}

/* Black or white, whichever reads better on @fill. */
void
sc_palette_text_on (const ScColor *fill,
                    ScColor       *color)
{
  double luminance = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;

  set_rgb (color, luminance > 0.45 ? 0x000000 : 0xffffff);
}

void
sc_color_set_source (cairo_t       *cr,
                     const ScColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}
