/* sc-kpi-item.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-score.h"

G_BEGIN_DECLS

#define SC_TYPE_KPI_ITEM (sc_kpi_item_get_type())

G_DECLARE_FINAL_TYPE (ScKpiItem, sc_kpi_item, SC, KPI_ITEM, GObject)

ScKpiItem    *sc_kpi_item_new              (ScWorkbook        *book,
                                            const ScKpiResult *result,
                                            const ScSeries    *series,
                                            ScPeriod           period);
void          sc_kpi_item_update           (ScKpiItem         *self,
                                            ScWorkbook        *book,
                                            const ScKpiResult *result,
                                            const ScSeries    *series,
                                            ScPeriod           period);
ScKpi        *sc_kpi_item_get_kpi          (ScKpiItem *self);
const char   *sc_kpi_item_get_name         (ScKpiItem *self);
const char   *sc_kpi_item_get_details      (ScKpiItem *self);
const char   *sc_kpi_item_get_value_text   (ScKpiItem *self);
const char   *sc_kpi_item_get_target_text  (ScKpiItem *self);
const char   *sc_kpi_item_get_change_text  (ScKpiItem *self);
const char   *sc_kpi_item_get_status_text  (ScKpiItem *self);
ScStatus      sc_kpi_item_get_status       (ScKpiItem *self);
double        sc_kpi_item_get_value        (ScKpiItem *self);
double        sc_kpi_item_get_change       (ScKpiItem *self);
double        sc_kpi_item_get_score        (ScKpiItem *self);
double        sc_kpi_item_get_target       (ScKpiItem *self);
const double *sc_kpi_item_get_history      (ScKpiItem *self,
                                            guint     *n_values);
const char   *sc_kpi_item_get_description  (ScKpiItem *self);

G_END_DECLS
