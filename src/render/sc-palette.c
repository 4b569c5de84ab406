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
 * ◆ critical, ○ no data.
 */
const char *
sc_palette_status_symbol (ScStatus status)
{
  switch (status)
    {
    case SC_STATUS_GREEN: return "●";
    case SC_STATUS_AMBER: return "▲";
    case SC_STATUS_RED: return "◆";
    case SC_STATUS_NO_DATA:
    default: return "○";
    }
}

void
sc_color_set_source (cairo_t       *cr,
                     const ScColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}
