/* sc-kpi-table.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-kpi-item.h"

G_BEGIN_DECLS

typedef enum
{
  SC_KPI_COLUMN_NAME,
  SC_KPI_COLUMN_VALUE,
  SC_KPI_COLUMN_TARGET,
  SC_KPI_COLUMN_CHANGE,
  SC_KPI_COLUMN_STATUS,
  SC_KPI_COLUMN_TREND,
  SC_KPI_COLUMN_ACTIONS,
} ScKpiColumn;

#define SC_TYPE_KPI_TABLE (sc_kpi_table_get_type())

G_DECLARE_FINAL_TYPE (ScKpiTable, sc_kpi_table, SC, KPI_TABLE, GtkWidget)

GtkWidget  *sc_kpi_table_new       (void);
void        sc_kpi_table_set_items (ScKpiTable  *self,
                                    GListStore  *items);
GListModel *sc_kpi_table_get_items (ScKpiTable  *self);
void        sc_kpi_table_sort_by   (ScKpiTable  *self,
                                    ScKpiColumn  column,
                                    GtkSortType  order);
ScKpiItem  *sc_kpi_table_find      (ScKpiTable  *self,
                                    const char  *kpi_name);

G_END_DECLS
