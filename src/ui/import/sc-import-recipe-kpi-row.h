/* sc-import-recipe-kpi-row.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-formula.h"

G_BEGIN_DECLS

#define SC_TYPE_IMPORT_RECIPE_KPI_ROW (sc_import_recipe_kpi_row_get_type())

G_DECLARE_FINAL_TYPE (ScImportRecipeKpiRow, sc_import_recipe_kpi_row, SC, IMPORT_RECIPE_KPI_ROW, GtkListBoxRow)

GtkWidget  *sc_import_recipe_kpi_row_new         (const char            *id,
                                                  const char            *name,
                                                  const char            *formula);
const char *sc_import_recipe_kpi_row_get_id      (ScImportRecipeKpiRow  *self);
const char *sc_import_recipe_kpi_row_get_name    (ScImportRecipeKpiRow  *self);
const char *sc_import_recipe_kpi_row_get_formula (ScImportRecipeKpiRow  *self);
void        sc_import_recipe_kpi_row_set_formula (ScImportRecipeKpiRow  *self,
                                                  const char            *formula);
gboolean    sc_import_recipe_kpi_row_check       (ScImportRecipeKpiRow  *self,
                                                  const ScFormulaColumn *columns,
                                                  guint                  n_columns);
gboolean    sc_import_recipe_kpi_row_is_valid    (ScImportRecipeKpiRow  *self);
void        sc_import_recipe_kpi_row_set_problem (ScImportRecipeKpiRow  *self,
                                                  const char            *problem);
void        sc_import_recipe_kpi_row_set_example (ScImportRecipeKpiRow  *self,
                                                  const char            *example);
const char *sc_import_recipe_kpi_row_get_message (ScImportRecipeKpiRow  *self);
GtkEditable *sc_import_recipe_kpi_row_get_entry  (ScImportRecipeKpiRow  *self);

G_END_DECLS
