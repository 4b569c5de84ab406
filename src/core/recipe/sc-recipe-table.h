/* sc-recipe-table.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-formula.h"
#include "sc-reader-csv.h"
#include "sc-recipe.h"

G_BEGIN_DECLS

/* The header and first rows of a transaction file, with each column's kind */
typedef struct
{
  char       **headers;
  guint        n_columns;
  guint64      header_line;
  GPtrArray   *rows;           /* GStrv each, trimmed */
  GArray      *lines;          /* guint64: the line of each row */
  ScCellType  *types;          /* per column, after sc_recipe_table_infer() */
  char        *date_format;    /* of the date columns; NULL: ISO */
  char         decimal_mark;
  char         thousands;
  guint        complete : 1;   /* the file has no more rows */
} ScRecipeTable;

ScRecipeTable *sc_recipe_table_read           (ScReaderCsv    *reader,
                                               const char    **wanted,
                                               guint           max_rows,
                                               GCancellable   *cancellable,
                                               GError        **error);
void           sc_recipe_table_free           (ScRecipeTable  *table);
int            sc_recipe_table_find           (ScRecipeTable  *table,
                                               const char     *name);
const char    *sc_recipe_table_cell           (ScRecipeTable  *table,
                                               guint           row,
                                               guint           column);
gboolean       sc_recipe_table_infer          (ScRecipeTable  *table,
                                               int             date_column,
                                               const char     *date_format,
                                               const char     *display_name,
                                               GError        **error);
guint          sc_recipe_table_count_distinct (ScRecipeTable  *table,
                                               guint           column,
                                               guint           max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRecipeTable, sc_recipe_table_free)

G_END_DECLS
