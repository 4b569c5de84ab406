/* sc-json-depth.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_JSON_ERROR (sc_json_error_quark())

/**
 * ScJsonError:
 * @SC_JSON_ERROR_TOO_DEEP: arrays and objects are nested deeper than allowed
 */
typedef enum
{
  SC_JSON_ERROR_TOO_DEEP,
} ScJsonError;

/* Deeper than any file of ours needs, far from what exhausts a stack */
#define SC_JSON_MAX_DEPTH 64

GQuark   sc_json_error_quark (void);

gboolean sc_json_scan_depth  (const char  *data,
                              gsize        length,
                              guint        max_depth,
                              guint64     *line,
                              guint64     *column);
gboolean sc_json_check_depth (const char  *data,
                              gsize        length,
                              guint        max_depth,
                              const char  *display_name,
                              GError     **error);

G_END_DECLS
