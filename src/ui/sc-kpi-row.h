/* sc-kpi-row.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-score.h"

G_BEGIN_DECLS

GtkWidget *sc_kpi_row_new (ScWorkbook        *book,
                           const ScKpiResult *result,
                           const ScSeries    *series,
                           ScPeriod           period);

G_END_DECLS
