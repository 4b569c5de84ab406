/* sc-recipe-run.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running a recipe inside an import: the rows of every file of the import
 * go into one partner × period table of aggregate parts; validation turns
 * the table into staged values.
 */

#pragma once

#include "sc-import-private.h"
#include "sc-reader-csv.h"
#include "sc-recipe-preview.h"
#include "sc-recipe.h"

G_BEGIN_DECLS

/* Hostile or mistaken input stays bounded */
#define SC_RECIPE_MAX_PARTNERS 100000
#define SC_RECIPE_MAX_GROUPS   (4 * 1024 * 1024)
#define SC_RECIPE_SAMPLE_ROWS  2000

typedef struct _ScRecipeRun ScRecipeRun;

ScRecipeRun *sc_recipe_run_new         (ScRecipe       *recipe);
void         sc_recipe_run_free        (ScRecipeRun    *run);
gboolean     sc_recipe_run_read        (ScRecipeRun    *run,
                                        ScImport       *import,
                                        ScReaderCsv    *reader,
                                        guint           source,
                                        GBytes         *spreadsheet,
                                        GCancellable   *cancellable,
                                        GError        **error);
gboolean     sc_recipe_run_stage       (ScRecipeRun    *run,
                                        ScImport       *import,
                                        GError        **error);
void         sc_recipe_run_get_parts   (ScRecipeRun    *run,
                                        guint32         group,
                                        guint           kpi,
                                        double         *out);

G_END_DECLS
