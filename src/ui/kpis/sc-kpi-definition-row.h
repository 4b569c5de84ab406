/* sc-kpi-definition-row.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-kpi.h"
#include "sc-undo-stack.h"

G_BEGIN_DECLS

#define SC_TYPE_KPI_DEFINITION_ROW (sc_kpi_definition_row_get_type())

G_DECLARE_FINAL_TYPE (ScKpiDefinitionRow, sc_kpi_definition_row, SC, KPI_DEFINITION_ROW, AdwExpanderRow)

GtkWidget *sc_kpi_definition_row_new     (ScKpi              *kpi,
                                          ScUndoStack        *undo_stack);
ScKpi     *sc_kpi_definition_row_get_kpi (ScKpiDefinitionRow *self);
void       sc_kpi_definition_row_commit  (ScKpiDefinitionRow *self);

G_END_DECLS
