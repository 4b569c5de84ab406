/* sc-render-file.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-safe-file.h"

G_BEGIN_DECLS

cairo_status_t sc_render_file_write_cb (void                *closure,
                                        const unsigned char *data,
                                        unsigned int         length);
gboolean       sc_render_file_check    (ScSafeFile          *out,
                                        cairo_status_t       status,
                                        GQuark               domain,
                                        int                  code,
                                        GError             **error);

G_END_DECLS
