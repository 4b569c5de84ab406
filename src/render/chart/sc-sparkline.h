/* sc-sparkline.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-palette.h"

G_BEGIN_DECLS

void sc_sparkline_draw (cairo_t      *cr,
                        ScTheme       theme,
                        double        width,
                        double        height,
                        const double *values,
                        guint         n_values,
                        double        target,
                        ScStatus      last_status);

G_END_DECLS
