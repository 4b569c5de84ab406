/* sc-chart-export.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a chart to a PNG, SVG or PDF file: the same drawing code on a
 * different Cairo surface, streamed into the file safely
 * (sc-render-file.c). Used by the widget's "Export as…" and by
 * `scorecards chart`.
 */

#define G_LOG_DOMAIN "sc-chart-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

#include "sc-chart.h"
#include "sc-render-file.h"

static cairo_surface_t *
create_surface (ScChartFormat  format,
                ScSafeFile    *out,
                double         width,
                double         height,
                double         scale)
{
  switch (format)
    {
    case SC_CHART_FORMAT_SVG:
      return cairo_svg_surface_create_for_stream (sc_render_file_write_cb, out, width, height);
    case SC_CHART_FORMAT_PDF:
      {
        cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (sc_render_file_write_cb, out,
                                                                        width, height);

        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Scorecards " PACKAGE_VERSION);
        return surface;
      }
    case SC_CHART_FORMAT_PNG:
    default:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                         (int) ceil (height * scale));
    }
}

/* Draws @self at @width × @height (pixels for PNG, points for SVG and
 * PDF) into @filename, always on the theme's background.
 */
gboolean
sc_chart_export (ScChart             *self,
                 const ScChartStyle  *style,
                 double               width,
                 double               height,
                 ScChartFormat        format,
                 const char          *filename,
                 GError             **error)
{
  return sc_chart_export_scaled (self, style, width, height, 1, format, filename, error);
}

/* The same, a PNG with @scale device pixels per pixel: laid out at
 * @width × @height, sharp on a screen or a slide of twice the density.
 * SVG and PDF are vector and ignore @scale.
 */
gboolean
sc_chart_export_scaled (ScChart             *self,
                        const ScChartStyle  *style,
                        double               width,
                        double               height,
                        double               scale,
                        ScChartFormat        format,
                        const char          *filename,
                        GError             **error)
{
  g_autoptr(ScSafeFile) out = NULL;
  ScChartStyle opaque;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);
  g_return_val_if_fail (scale >= 1 && scale <= 4, FALSE);

  if (format != SC_CHART_FORMAT_PNG)
    scale = 1;
  opaque = *style;
  opaque.paint_background = TRUE;

  if ((out = sc_safe_file_new (filename, SC_SAFE_FILE_NONE, error)) == NULL)
    return FALSE;
  surface = create_surface (format, out, width, height, scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  sc_chart_draw (self, cr, &opaque, width, height);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == SC_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sc_render_file_write_cb, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return sc_render_file_check (out, status, SC_CHART_ERROR, SC_CHART_ERROR_WRITE, error) &&
         sc_safe_file_commit (out, error);
}
