/* sc-import-recipe-page-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach into on the import assistant's recipe step.
 */

#pragma once

#include <adwaita.h>

#include "sc-import-recipe-kpi-row.h"
#include "sc-import-recipe-page.h"
#include "sc-import-recipe-values.h"

G_BEGIN_DECLS

gboolean              sc_import_recipe_page_is_busy           (ScImportRecipePage *self);
AdwComboRow          *sc_import_recipe_page_get_source_row    (ScImportRecipePage *self);
AdwComboRow          *sc_import_recipe_page_get_partner_row   (ScImportRecipePage *self);
AdwComboRow          *sc_import_recipe_page_get_date_row      (ScImportRecipePage *self);
AdwComboRow          *sc_import_recipe_page_get_values_kpi_row (ScImportRecipePage *self);
AdwEntryRow          *sc_import_recipe_page_get_add_row       (ScImportRecipePage *self);
ScImportRecipeKpiRow *sc_import_recipe_page_get_kpi_row       (ScImportRecipePage *self,
                                                               const char         *id);
ScImportRecipeValues *sc_import_recipe_page_get_values        (ScImportRecipePage *self);
const char           *sc_import_recipe_page_get_problem       (ScImportRecipePage *self);

G_END_DECLS
