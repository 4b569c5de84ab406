/* sc-recipe-preview.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-recipe-table.h"

G_BEGIN_DECLS

/* What a recipe makes of the first rows of a file, for the assistant */
typedef struct
{
  char          **partners;     /* names, NULL-terminated */
  guint           n_partners;
  guint           n_kpis;       /* the recipe's, in its order */
  ScGranularity   granularity;
  ScPeriod        first;
  guint           n_periods;
  guint64         n_rows;       /* rows read */
  guint64         n_used;       /* rows in a group (with partner, date, through the filter) */
  double         *values;       /* see sc_recipe_preview_get() */
} ScRecipePreview;

ScRecipePreview *sc_recipe_preview     (ScRecipe       *recipe,
                                        ScRecipeTable  *table,
                                        const char     *display_name,
                                        GError        **error);
double       sc_recipe_preview_get     (ScRecipePreview *preview,
                                        guint           kpi,
                                        guint           partner,
                                        guint           period);
void         sc_recipe_preview_free    (ScRecipePreview *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRecipePreview, sc_recipe_preview_free)

G_END_DECLS
