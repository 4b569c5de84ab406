/* sc-chart-style.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The light, dark and print looks of the charts. Colours come from the
 * palette; this only chooses which palette entry plays which role.
 */

#define G_LOG_DOMAIN "sc-chart-style"

#include "config.h"

#include <string.h>

#include "sc-chart-style.h"

/* Fills @style for @theme with the default font at 12 units. Print paints a
 * white page; light and dark leave the background to the widget.
 */
void
sc_chart_style_init (ScChartStyle *style,
                     ScTheme       theme)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->theme = theme;
  style->font_family = SC_CHART_FONT_FAMILY;
  style->font_size = 12;
  style->paint_background = theme == SC_THEME_PRINT;

  sc_palette_background (theme, &style->background);
  sc_palette_foreground (theme, &style->foreground);
  sc_palette_muted (theme, &style->muted);
  sc_palette_grid (theme, &style->grid);
  sc_palette_accent (theme, &style->accent);
  sc_palette_series (theme, 0, &style->line);
}

gboolean
sc_theme_from_string (const char *str,
                      ScTheme    *theme)
{
  static const char *names[] = { "light", "dark", "print" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (str, names[i]) == 0)
        {
          *theme = (ScTheme) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
sc_theme_to_string (ScTheme theme)
{
  switch (theme)
    {
    case SC_THEME_DARK: return "dark";
    case SC_THEME_PRINT: return "print";
    case SC_THEME_LIGHT:
    default: return "light";
    }
}
