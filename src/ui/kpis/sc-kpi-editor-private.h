/* sc-kpi-editor-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach into: the rows and fields a user edits.
 */

#pragma once

#include "sc-kpi-check.h"
#include "sc-kpi-definition-row.h"
#include "sc-kpi-editor.h"
#include "sc-kpi-override-row.h"
#include "sc-scorecard-groups-page.h"

G_BEGIN_DECLS

ScKpiDefinitionRow *sc_kpi_editor_get_kpi_row              (ScKpiEditor        *self,
                                                            const char         *kpi_id);
ScKpiOverrideRow   *sc_kpi_editor_get_override_row         (ScKpiEditor        *self,
                                                            const char         *kpi_id);
GtkSpinButton      *sc_kpi_editor_get_band_spin            (ScKpiEditor        *self,
                                                            guint               position);
AdwActionRow       *sc_kpi_editor_get_band_row             (ScKpiEditor        *self,
                                                            guint               position);
GtkSpinButton      *sc_kpi_editor_get_trend_spin           (ScKpiEditor        *self);
GMenuModel         *sc_kpi_editor_get_catalogue_menu       (ScKpiEditor        *self);
GtkEditable        *sc_kpi_editor_get_action_row           (ScKpiEditor        *self,
                                                            guint               position);
GtkSpinButton      *sc_kpi_editor_get_watch_spin           (ScKpiEditor        *self);
ScScorecardGroupsPage *sc_kpi_editor_get_groups_page       (ScKpiEditor        *self);

GtkEditable        *sc_kpi_definition_row_get_field        (ScKpiDefinitionRow *self,
                                                            ScKpiField          field);
AdwComboRow        *sc_kpi_definition_row_get_direction_row (ScKpiDefinitionRow *self);
GtkEditable        *sc_kpi_definition_row_get_name_field   (ScKpiDefinitionRow *self,
                                                            const char         *code);
ScKpiField          sc_kpi_definition_row_get_problem      (ScKpiDefinitionRow *self);
const char         *sc_kpi_definition_row_get_message      (ScKpiDefinitionRow *self);

G_END_DECLS
