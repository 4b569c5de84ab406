/* sc-compare-page-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach into: the two charts as shown.
 */

#pragma once

#include "sc-chart-widget.h"
#include "sc-compare-page.h"

G_BEGIN_DECLS

ScChartWidget *sc_compare_page_get_ranking (ScComparePage *self);
ScChartWidget *sc_compare_page_get_heatmap (ScComparePage *self);
GtkScrolledWindow *sc_compare_page_get_scroller (ScComparePage *self);
const char    *sc_compare_page_get_ranking_heading (ScComparePage *self);

G_END_DECLS
