/* sc-chart-radar.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-chart-data.h"
#include "sc-chart-style.h"

G_BEGIN_DECLS

void     sc_chart_radar_draw            (cairo_t                *cr,
                                         const ScChartStyle     *style,
                                         double                  width,
                                         double                  height,
                                         const ScChartRadarData *data);
gboolean sc_chart_radar_hit_test        (const ScChartStyle     *style,
                                         double                  width,
                                         double                  height,
                                         const ScChartRadarData *data,
                                         double                  x,
                                         double                  y,
                                         ScChartHit             *hit);
gboolean sc_chart_radar_get_point       (const ScChartStyle     *style,
                                         double                  width,
                                         double                  height,
                                         const ScChartRadarData *data,
                                         guint                   index,
                                         ScChartHit             *hit);
char    *sc_chart_radar_dup_tooltip     (const ScChartRadarData *data,
                                         const ScChartHit       *hit);
char    *sc_chart_radar_dup_description (const ScChartRadarData *data);

G_END_DECLS
