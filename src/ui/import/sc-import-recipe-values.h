/* sc-import-recipe-values.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-kpi.h"
#include "sc-recipe-preview.h"

G_BEGIN_DECLS

#define SC_TYPE_IMPORT_RECIPE_VALUES (sc_import_recipe_values_get_type())

G_DECLARE_FINAL_TYPE (ScImportRecipeValues, sc_import_recipe_values, SC, IMPORT_RECIPE_VALUES, GtkWidget)

GtkWidget  *sc_import_recipe_values_new        (void);
void        sc_import_recipe_values_show       (ScImportRecipeValues *self,
                                                ScRecipePreview      *preview,
                                                guint                 kpi,
                                                ScKpi                *definition);
void        sc_import_recipe_values_clear      (ScImportRecipeValues *self);
guint       sc_import_recipe_values_get_n_rows (ScImportRecipeValues *self);
const char *sc_import_recipe_values_get_cell   (ScImportRecipeValues *self,
                                                guint                 row,
                                                guint                 column);
const char *sc_import_recipe_values_get_title  (ScImportRecipeValues *self,
                                                guint                 column);

G_END_DECLS
