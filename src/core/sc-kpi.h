/* sc-kpi.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-language.h"

G_BEGIN_DECLS

typedef enum
{
  SC_DIRECTION_HIGHER,
  SC_DIRECTION_LOWER,
  SC_DIRECTION_BAND,
} ScDirection;

typedef enum
{
  SC_AGGREGATION_MEAN,
  SC_AGGREGATION_SUM,
  SC_AGGREGATION_LAST,
  SC_AGGREGATION_RATIO,
} ScAggregation;

#define SC_TYPE_KPI (sc_kpi_get_type())

G_DECLARE_FINAL_TYPE (ScKpi, sc_kpi, SC, KPI, GObject)

ScKpi         *sc_kpi_new               (const char    *id,
                                         const char    *name);
ScKpi         *sc_kpi_copy              (ScKpi         *self);
void           sc_kpi_assign            (ScKpi         *self,
                                         ScKpi         *from);
const char    *sc_kpi_get_id            (ScKpi         *self);
const char    *sc_kpi_get_name          (ScKpi         *self);
void           sc_kpi_set_name          (ScKpi         *self,
                                         const char    *name);
const char    *sc_kpi_get_description   (ScKpi         *self);
void           sc_kpi_set_description   (ScKpi         *self,
                                         const char    *description);
const char    *sc_kpi_get_unit          (ScKpi         *self);
void           sc_kpi_set_unit          (ScKpi         *self,
                                         const char    *unit);
const char    *sc_kpi_get_category      (ScKpi         *self);
void           sc_kpi_set_category      (ScKpi         *self,
                                         const char    *category);
ScDirection    sc_kpi_get_direction     (ScKpi         *self);
void           sc_kpi_set_direction     (ScKpi         *self,
                                         ScDirection    direction);
gboolean       sc_kpi_has_target        (ScKpi         *self);
double         sc_kpi_get_target        (ScKpi         *self);
void           sc_kpi_set_target        (ScKpi         *self,
                                         double         target);
double         sc_kpi_get_target_max    (ScKpi         *self);
void           sc_kpi_set_target_max    (ScKpi         *self,
                                         double         target_max);
double         sc_kpi_get_warning       (ScKpi         *self);
void           sc_kpi_set_warning       (ScKpi         *self,
                                         double         warning);
double         sc_kpi_get_critical      (ScKpi         *self);
void           sc_kpi_set_critical      (ScKpi         *self,
                                         double         critical);
double         sc_kpi_get_weight        (ScKpi         *self);
void           sc_kpi_set_weight        (ScKpi         *self,
                                         double         weight);
ScAggregation  sc_kpi_get_aggregation   (ScKpi         *self);
void           sc_kpi_set_aggregation   (ScKpi         *self,
                                         ScAggregation  aggregation);
double         sc_kpi_get_ratio_scale   (ScKpi         *self);
void           sc_kpi_set_ratio_scale   (ScKpi         *self,
                                         double         ratio_scale);
guint          sc_kpi_get_decimals      (ScKpi         *self);
void           sc_kpi_set_decimals      (ScKpi         *self,
                                         guint          decimals);
char          *sc_kpi_format_value      (ScKpi         *self,
                                         double         value,
                                         gboolean       with_unit);

const char    *sc_direction_to_string   (ScDirection    direction);
gboolean       sc_direction_from_string (const char    *str,
                                         ScDirection   *direction);
const char    *sc_aggregation_to_string (ScAggregation  aggregation);
gboolean       sc_aggregation_from_string (const char  *str,
                                           ScAggregation *aggregation);
const char    *sc_category_get_label    (const char    *category);

const char    *sc_kpi_get_name_in       (ScKpi            *self,
                                         const ScLanguage *language);
const char    *sc_kpi_get_translated_name (ScKpi         *self,
                                           const char    *code);
void           sc_kpi_set_translated_name (ScKpi         *self,
                                           const char    *code,
                                           const char    *name);
GStrv          sc_kpi_dup_translated_codes (ScKpi        *self);

G_END_DECLS
