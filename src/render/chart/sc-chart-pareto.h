/* sc-chart-pareto.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-chart-data.h"
#include "sc-chart-style.h"

G_BEGIN_DECLS

void     sc_chart_pareto_draw            (cairo_t                 *cr,
                                          const ScChartStyle      *style,
                                          double                   width,
                                          double                   height,
                                          const ScChartParetoData *data);
gboolean sc_chart_pareto_hit_test        (const ScChartStyle      *style,
                                          double                   width,
                                          double                   height,
                                          const ScChartParetoData *data,
                                          double                   x,
                                          double                   y,
                                          ScChartHit              *hit);
gboolean sc_chart_pareto_get_point       (const ScChartStyle      *style,
                                          double                   width,
                                          double                   height,
                                          const ScChartParetoData *data,
                                          guint                    index,
                                          ScChartHit              *hit);
char    *sc_chart_pareto_dup_tooltip     (const ScChartParetoData *data,
                                          const ScChartHit        *hit);
char    *sc_chart_pareto_dup_description (const ScChartParetoData *data);

G_END_DECLS
