/* sc-kpi-check.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-kpi.h"

G_BEGIN_DECLS

/* The fields of a KPI definition that a check can find fault with. */
typedef enum
{
  SC_KPI_FIELD_NONE        = 0,
  SC_KPI_FIELD_NAME        = 1 << 0,
  SC_KPI_FIELD_CATEGORY    = 1 << 1,
  SC_KPI_FIELD_TARGET      = 1 << 2,
  SC_KPI_FIELD_TARGET_MAX  = 1 << 3,
  SC_KPI_FIELD_WARNING     = 1 << 4,
  SC_KPI_FIELD_CRITICAL    = 1 << 5,
  SC_KPI_FIELD_WEIGHT      = 1 << 6,
  SC_KPI_FIELD_RATIO_SCALE = 1 << 7,
} ScKpiField;

ScKpiField  sc_kpi_check        (ScKpi       *kpi,
                                 char       **message);
char       *sc_kpi_describe_thresholds (ScKpi *kpi);
gboolean    sc_kpi_check_parse_number     (const char  *text,
                                 double      *value);
char       *sc_number_format    (double       value);

G_END_DECLS
