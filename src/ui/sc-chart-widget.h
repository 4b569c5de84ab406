/* sc-chart-widget.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-chart.h"

G_BEGIN_DECLS

#define SC_TYPE_CHART_WIDGET (sc_chart_widget_get_type())

G_DECLARE_FINAL_TYPE (ScChartWidget, sc_chart_widget, SC, CHART_WIDGET, GtkWidget)

GtkWidget *sc_chart_widget_new       (void);
ScChart   *sc_chart_widget_get_chart (ScChartWidget *self);
void       sc_chart_widget_chart_changed (ScChartWidget *self);
void       sc_chart_widget_get_drawn_range (ScChartWidget *self,
                                            int           *top,
                                            int           *bottom);
gboolean   sc_chart_widget_get_point_position (ScChartWidget    *self,
                                               guint             index,
                                               graphene_point_t *point);
void       sc_chart_widget_set_chart (ScChartWidget *self,
                                      ScChart       *chart);

G_END_DECLS
