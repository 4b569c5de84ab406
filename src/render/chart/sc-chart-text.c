/* sc-chart-text.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measured text for charts. Every label goes through one Pango layout with
 * the style's explicit font, is measured before it is placed, and is
 * ellipsised, thinned or rotated when it does not fit. Layouts come from a
 * per-thread context with fixed font options, so a chart measures the same
 * on screen, in a PNG, an SVG or a PDF, and a hit test can repeat the
 * layout of a drawing without a cairo_t.
 */

#define G_LOG_DOMAIN "sc-chart-text"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "sc-chart-text.h"

struct _ScChartText
{
  PangoLayout          *layout;
  PangoFontDescription *fonts[SC_CHART_N_FONTS];
  double                line_heights[SC_CHART_N_FONTS];
  ScChartFont           font;
};

static GPrivate context_key = G_PRIVATE_INIT (g_object_unref);

/* One context per thread: font maps are per thread in Pango. */
static PangoContext *
get_context (void)
{
  PangoContext *context = g_private_get (&context_key);

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (context, options);
      pango_cairo_context_set_resolution (context, 96);
      pango_context_set_round_glyph_positions (context, FALSE);
      cairo_font_options_destroy (options);
      g_private_set (&context_key, context);
    }
  return context;
}

ScChartText *
sc_chart_text_new (const ScChartStyle *style)
{
  static const double scales[SC_CHART_N_FONTS] = { 1.0, 0.875, 1.0, 1.25 };
  ScChartText *self;

  g_return_val_if_fail (style != NULL, NULL);

  self = g_new0 (ScChartText, 1);
  self->layout = pango_layout_new (get_context ());
  for (guint i = 0; i < SC_CHART_N_FONTS; i++)
    {
      self->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (self->fonts[i], style->font_family);
      pango_font_description_set_absolute_size (self->fonts[i],
                                                MAX (1, style->font_size * scales[i]) * PANGO_SCALE);
      if (i == SC_CHART_FONT_BOLD || i == SC_CHART_FONT_TITLE)
        pango_font_description_set_weight (self->fonts[i], PANGO_WEIGHT_BOLD);
      self->line_heights[i] = -1;
    }
  self->font = SC_CHART_FONT_BODY;
  pango_layout_set_font_description (self->layout, self->fonts[self->font]);
  return self;
}

void
sc_chart_text_free (ScChartText *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->layout);
  for (guint i = 0; i < SC_CHART_N_FONTS; i++)
    pango_font_description_free (self->fonts[i]);
  g_free (self);
}

/* Sets the text to measure or show; with @max_width > 0 it is ellipsised
 * at the end to fit.
 */
void
sc_chart_text_set (ScChartText *self,
                   ScChartFont  font,
                   const char  *text,
                   double       max_width)
{
  g_return_if_fail (self != NULL);

  if (font != self->font)
    {
      self->font = font;
      pango_layout_set_font_description (self->layout, self->fonts[font]);
    }
  if (max_width > 0)
    {
      pango_layout_set_width (self->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (self->layout, -1);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_set_text (self->layout, text ? text : "", -1);
}

gboolean
sc_chart_text_is_ellipsized (ScChartText *self)
{
  return pango_layout_is_ellipsized (self->layout);
}

/* The logical size of the current text, in user units. */
void
sc_chart_text_get_size (ScChartText *self,
                        double      *width,
                        double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (self->layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

double
sc_chart_text_measure (ScChartText *self,
                       ScChartFont  font,
                       const char  *text)
{
  double width;

  sc_chart_text_set (self, font, text, -1);
  sc_chart_text_get_size (self, &width, NULL);
  return width;
}

#define WIDEST_SAMPLE 32

/* The width of the widest of @texts. With thousands of partner names,
 * measuring each would cost a frame or more on every draw: beyond a few
 * dozen, only the ones with the most characters are measured. A name
 * shorter in characters but wider in glyphs may then lose a few pixels to
 * ellipsis.
 */
double
sc_chart_text_widest (ScChartText        *self,
                      ScChartFont         font,
                      const char * const *texts,
                      guint               n_texts)
{
  const char *longest[WIDEST_SAMPLE];
  glong lengths[WIDEST_SAMPLE];
  guint n_longest = 0;
  double widest = 0;

  if (n_texts <= WIDEST_SAMPLE)
    {
      for (guint i = 0; i < n_texts; i++)
        if (texts[i] != NULL)
          widest = MAX (widest, sc_chart_text_measure (self, font, texts[i]));
      return widest;
    }

  /* The WIDEST_SAMPLE longest, kept sorted longest first */
  for (guint i = 0; i < n_texts; i++)
    {
      glong length;
      guint at;

      if (texts[i] == NULL)
        continue;
      length = g_utf8_strlen (texts[i], -1);
      if (n_longest == WIDEST_SAMPLE && length <= lengths[n_longest - 1])
        continue;
      at = MIN (n_longest, WIDEST_SAMPLE - 1);
      while (at > 0 && lengths[at - 1] < length)
        {
          lengths[at] = lengths[at - 1];
          longest[at] = longest[at - 1];
          at--;
        }
      lengths[at] = length;
      longest[at] = texts[i];
      n_longest = MIN (n_longest + 1, WIDEST_SAMPLE);
    }
  for (guint i = 0; i < n_longest; i++)
    widest = MAX (widest, sc_chart_text_measure (self, font, longest[i]));
  return widest;
}

double
sc_chart_text_line_height (ScChartText *self,
                           ScChartFont  font)
{
  if (self->line_heights[font] < 0)
    {
      sc_chart_text_set (self, font, "Ag", -1);
      sc_chart_text_get_size (self, NULL, &self->line_heights[font]);
    }
  return self->line_heights[font];
}

/* Shows the current text with its box aligned at (@x, @y): @xalign 0 puts
 * the left edge there, 0.5 the centre, 1 the right edge; @yalign likewise.
 */
void
sc_chart_text_show (ScChartText *self,
                    cairo_t     *cr,
                    double       x,
                    double       y,
                    double       xalign,
                    double       yalign)
{
  PangoRectangle logical;
  double width, height;

  /* lines of a multi-line label line up the way the label does */
  pango_layout_set_alignment (self->layout, xalign < 0.25 ? PANGO_ALIGN_LEFT :
                                            xalign > 0.75 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
  pango_layout_get_extents (self->layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;
  /* with a width set, the text may start right of the layout's origin */
  cairo_move_to (cr, x - xalign * width - (double) logical.x / PANGO_SCALE,
                 y - yalign * height - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, self->layout);
}

/* Shows the current text turned by @angle (radians; negative turns it up
 * to the right), vertically centred on (@x, @y): with @xalign 0 the text
 * starts there, with 1 it ends there. That is how slanted axis labels hang
 * from their tick.
 */
void
sc_chart_text_show_rotated (ScChartText *self,
                            cairo_t     *cr,
                            double       x,
                            double       y,
                            double       angle,
                            double       xalign)
{
  PangoRectangle logical;
  double width, height;

  pango_layout_set_alignment (self->layout, xalign > 0.5 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_extents (self->layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, -xalign * width - (double) logical.x / PANGO_SCALE,
                 -height / 2 - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, self->layout);
  cairo_restore (cr);
}

void
sc_chart_text_draw (ScChartText *self,
                    cairo_t     *cr,
                    ScChartFont  font,
                    const char  *text,
                    double       max_width,
                    double       x,
                    double       y,
                    double       xalign,
                    double       yalign)
{
  sc_chart_text_set (self, font, text, max_width);
  sc_chart_text_show (self, cr, x, y, xalign, yalign);
}

/* The first of @steps (label every n-th slot) that leaves room for labels
 * @label_width wide plus a gap, in slots @slot wide; 0 when none does.
 */
guint
sc_chart_thin_step (double       slot,
                    double       label_width,
                    const guint *steps,
                    guint        n_steps)
{
  double needed = label_width + MAX (6, label_width * 0.25);

  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i] * slot >= needed)
        return steps[i];
    }
  return 0;
}
