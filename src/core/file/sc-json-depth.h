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
 * @SC_JSON_ERROR_NUMBER_TOO_LARGE: a number is beyond the range of a double
 *   (json-glib would read it as infinity)
 */
typedef enum
{
  SC_JSON_ERROR_TOO_DEEP,
  SC_JSON_ERROR_NUMBER_TOO_LARGE,
} ScJsonError;

/* Deeper than any file of ours needs, far from what exhausts a stack */
#define SC_JSON_MAX_DEPTH 64

/* What sc_json_find_problem() found: where, and what (without the where) */
typedef struct
{
  ScJsonError  code;
  guint64      line;
  guint64      column;
  char        *message;
} ScJsonProblem;

GQuark   sc_json_error_quark   (void);

gboolean sc_json_scan_depth    (const char     *data,
                                gsize           length,
                                guint           max_depth,
                                guint64        *line,
                                guint64        *column);
gboolean sc_json_check_depth   (const char     *data,
                                gsize           length,
                                guint           max_depth,
                                const char     *display_name,
                                GError        **error);
gboolean sc_json_find_problem  (const char     *data,
                                gsize           length,
                                guint           max_depth,
                                ScJsonProblem  *problem);
void     sc_json_problem_clear (ScJsonProblem  *problem);
gboolean sc_json_check         (const char     *data,
                                gsize           length,
                                guint           max_depth,
                                const char     *display_name,
                                GError        **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScJsonProblem, sc_json_problem_clear)

G_END_DECLS
