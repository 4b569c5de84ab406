/* sc-kpi-editor.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-partner.h"
#include "sc-undo-stack.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_KPI_EDITOR (sc_kpi_editor_get_type())

G_DECLARE_FINAL_TYPE (ScKpiEditor, sc_kpi_editor, SC, KPI_EDITOR, AdwPreferencesWindow)

ScKpiEditor *sc_kpi_editor_new           (GtkWindow   *parent,
                                          ScWorkbook  *book,
                                          ScUndoStack *undo_stack,
                                          ScPartner   *partner);
ScWorkbook  *sc_kpi_editor_get_workbook  (ScKpiEditor *self);
ScPartner   *sc_kpi_editor_get_partner   (ScKpiEditor *self);
void         sc_kpi_editor_commit        (ScKpiEditor *self);

G_END_DECLS
