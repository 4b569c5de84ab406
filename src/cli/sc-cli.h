/* sc-cli.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of DESIGN.md */
#define SC_EXIT_OK        0
#define SC_EXIT_BAD_INPUT 1
#define SC_EXIT_USAGE     2

gboolean sc_cli_handles    (int    argc,
                            char **argv);
int      sc_cli_run        (int    argc,
                            char **argv);

G_END_DECLS
