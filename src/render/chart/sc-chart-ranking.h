/* sc-chart-ranking.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-chart-data.h"
#include "sc-chart-style.h"

G_BEGIN_DECLS

void     sc_chart_ranking_draw            (cairo_t                  *cr,
                                           const ScChartStyle       *style,
                                           double                    width,
                                           double                    height,
                                           const ScChartRankingData *data);
gboolean sc_chart_ranking_hit_test        (const ScChartStyle       *style,
                                           double                    width,
                                           double                    height,
                                           const ScChartRankingData *data,
                                           double                    x,
                                           double                    y,
                                           ScChartHit               *hit);
gboolean sc_chart_ranking_get_point       (const ScChartStyle       *style,
                                           double                    width,
                                           double                    height,
                                           const ScChartRankingData *data,
                                           guint                     index,
                                           ScChartHit               *hit);
char    *sc_chart_ranking_dup_tooltip     (const ScChartRankingData *data,
                                           const ScChartHit         *hit);
char    *sc_chart_ranking_dup_description (const ScChartRankingData *data);

G_END_DECLS
