/* sc-render-file.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cairo's output streams onto sc-safe-file.c, for every file src/render
 * writes: a PDF, SVG or PNG reaches the user's name only once it is
 * complete, and a failure says which file and why.
 */

#define G_LOG_DOMAIN "sc-render-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-render-file.h"

/* The cairo_write_func_t of cairo_*_surface_create_for_stream() and
 * cairo_surface_write_to_png_stream(), @closure an ScSafeFile. The file
 * keeps the write's error for sc_render_file_check().
 */
cairo_status_t
sc_render_file_write_cb (void                *closure,
                         const unsigned char *data,
                         unsigned int         length)
{
  ScSafeFile *out = closure;

  if (!sc_safe_file_write (out, data, length, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* After the surface has been finished with @status: whether all of it
 * reached the temporary file and the disk. The file's own error (a full
 * disk, a read-only folder) wins over cairo's; a drawing error comes in
 * @domain with @code. The caller commits or frees @out.
 */
gboolean
sc_render_file_check (ScSafeFile      *out,
                      cairo_status_t   status,
                      GQuark           domain,
                      int              code,
                      GError         **error)
{
  if (!sc_safe_file_finish (out, error))
    return FALSE;
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  /* Translators: "FILE: could not draw: out of memory" */
  g_set_error (error, domain, code, _("%s: could not draw: %s"),
               sc_safe_file_get_display_name (out), cairo_status_to_string (status));
  return FALSE;
}
