/* sc-kpi-override-row.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-kpi.h"
#include "sc-partner.h"
#include "sc-pending-edit.h"

G_BEGIN_DECLS

#define SC_TYPE_KPI_OVERRIDE_ROW (sc_kpi_override_row_get_type())

G_DECLARE_FINAL_TYPE (ScKpiOverrideRow, sc_kpi_override_row, SC, KPI_OVERRIDE_ROW, AdwActionRow)

GtkWidget   *sc_kpi_override_row_new           (ScKpi            *kpi,
                                                ScPartner        *partner,
                                                ScPendingEdit    *pending);
ScKpi       *sc_kpi_override_row_get_kpi       (ScKpiOverrideRow *self);
GtkEditable *sc_kpi_override_row_get_target    (ScKpiOverrideRow *self);
GtkEditable *sc_kpi_override_row_get_weight    (ScKpiOverrideRow *self);
GtkButton   *sc_kpi_override_row_get_reset     (ScKpiOverrideRow *self);

G_END_DECLS
