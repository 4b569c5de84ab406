/* sc-sparkline-widget.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-score.h"

G_BEGIN_DECLS

#define SC_TYPE_SPARKLINE_WIDGET (sc_sparkline_widget_get_type())

G_DECLARE_FINAL_TYPE (ScSparklineWidget, sc_sparkline_widget, SC, SPARKLINE_WIDGET, GtkWidget)

GtkWidget *sc_sparkline_widget_new        (void);
void       sc_sparkline_widget_set_values (ScSparklineWidget *self,
                                           const double      *values,
                                           guint              n_values,
                                           double             target,
                                           ScStatus           last_status,
                                           const char        *description);

G_END_DECLS
