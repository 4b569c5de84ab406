/* sc-import-recipe-page.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-recipe.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_IMPORT_RECIPE_PAGE (sc_import_recipe_page_get_type())

G_DECLARE_FINAL_TYPE (ScImportRecipePage, sc_import_recipe_page, SC, IMPORT_RECIPE_PAGE, GtkWidget)

GtkWidget *sc_import_recipe_page_new         (void);
void       sc_import_recipe_page_load_async  (ScImportRecipePage  *self,
                                              GFile               *file,
                                              const char          *sheet,
                                              ScWorkbook          *book,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean   sc_import_recipe_page_load_finish (ScImportRecipePage  *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void       sc_import_recipe_page_clear       (ScImportRecipePage  *self);
gboolean   sc_import_recipe_page_get_ready   (ScImportRecipePage  *self);
ScRecipe  *sc_import_recipe_page_dup_recipe  (ScImportRecipePage  *self);

G_END_DECLS
