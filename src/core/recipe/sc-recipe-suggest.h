/* sc-recipe-suggest.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-recipe-table.h"

G_BEGIN_DECLS

#define SC_RECIPE_SUGGEST_ROWS 5000

ScRecipe      *sc_recipe_suggest         (ScRecipeTable  *table,
                                          const char     *display_name,
                                          GError        **error);
void           sc_recipe_suggest_lookups (ScRecipe       *recipe,
                                          GFile          *file);
ScRecipeTable *sc_recipe_table_read_file (GFile          *file,
                                          const char     *sheet,
                                          const char    **wanted,
                                          guint           max_rows,
                                          char          **sheet_used,
                                          GError        **error);

G_END_DECLS
