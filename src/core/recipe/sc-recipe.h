/* sc-recipe.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A recipe says how transaction rows (order lines, deliveries, defect
 * reports, invoices) become KPI values: which column names the partner and
 * which the date, lookups and aliases for partner names, a row filter, and
 * one formula per KPI. docs/recipes.md documents the JSON.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sc-formula.h"
#include "sc-period.h"

G_BEGIN_DECLS

#define SC_RECIPE_ERROR (sc_recipe_error_quark())

/* Limits that keep a hostile recipe bounded */
#define SC_RECIPE_MAX_SIZE    (4 * 1024 * 1024)
#define SC_RECIPE_MAX_DEPTH   32
#define SC_RECIPE_MAX_KPIS    256
#define SC_RECIPE_MAX_LOOKUPS 16
#define SC_RECIPE_MAX_ALIASES 100000

/**
 * ScRecipeError:
 * @SC_RECIPE_ERROR_INVALID: the recipe is not valid JSON, or a member has a
 *   wrong type or value (the message names the member)
 * @SC_RECIPE_ERROR_FORMULA: a formula (or the filter) does not parse, or
 *   does not fit the file's columns
 * @SC_RECIPE_ERROR_COLUMN: the partner, date or a lookup column is missing
 * @SC_RECIPE_ERROR_DATE: a date cannot be read, or dates read both
 *   day-first and month-first
 * @SC_RECIPE_ERROR_VALUE: a cell a formula reads is not a number
 * @SC_RECIPE_ERROR_NEEDED: the data are transactions: they need a recipe
 * @SC_RECIPE_ERROR_TOO_LARGE: more partners, periods or groups than a
 *   workbook holds
 */
typedef enum
{
  SC_RECIPE_ERROR_INVALID,
  SC_RECIPE_ERROR_FORMULA,
  SC_RECIPE_ERROR_COLUMN,
  SC_RECIPE_ERROR_DATE,
  SC_RECIPE_ERROR_VALUE,
  SC_RECIPE_ERROR_NEEDED,
  SC_RECIPE_ERROR_TOO_LARGE,
} ScRecipeError;

/* One KPI of a recipe. For an id of the catalogue (or one the workbook
 * has) the definition stays as it is; the other members describe a new KPI.
 */
typedef struct
{
  char      *id;
  char      *formula;
  char      *name;          /* NULL: from the id */
  char      *unit;
  char      *category;
  char      *direction;     /* "higher", "lower" or NULL: guessed */
  double     target;        /* NaN: none */
  double     warning;
  double     critical;
  double     weight;
  int        decimals;      /* -1: the default */
  ScFormula *parsed;
} ScRecipeKpi;

/* A code column resolved to names through a table of another sheet of the
 * same workbook or of another file.
 */
typedef struct
{
  char *column;             /* the code column of the data */
  char *sheet;              /* a sheet of the data's workbook, or NULL */
  char *file;               /* another file (relative to the recipe), or NULL */
  char *key;                /* the table's code column; NULL: the one named as @column, else the first */
  char *value;              /* the table's name column; NULL: the first other text column */
} ScRecipeLookup;

typedef struct _ScRecipe ScRecipe;

struct _ScRecipe
{
  /*< private >*/
  gint           ref_count;

  /*< public >*/
  char          *name;
  char          *sheet;
  char          *partner;          /* the partner column */
  char          *partner_type;     /* "supplier", "customer" or a column */
  char          *date;             /* the date column */
  char          *date_format;      /* strptime-style, "excel", or NULL: ISO and typed dates */
  ScGranularity  granularity;
  char          *filter;           /* a condition on each row, or NULL */
  ScFormula     *filter_parsed;
  GPtrArray     *lookups;          /* ScRecipeLookup */
  GPtrArray     *aliases;          /* pairs: spelling, name, spelling, name, … */
  GPtrArray     *kpis;             /* ScRecipeKpi */
  GStrv          columns;          /* the header it was made for, or NULL */
  char          *base_dir;         /* where relative lookup files are, or NULL */
};

GQuark      sc_recipe_error_quark     (void);

ScRecipe   *sc_recipe_new             (void);
ScRecipe   *sc_recipe_new_from_json   (JsonNode      *node,
                                       const char    *display_name,
                                       GError       **error);
ScRecipe   *sc_recipe_new_from_data   (const char    *data,
                                       gsize          length,
                                       const char    *display_name,
                                       GError       **error);
ScRecipe   *sc_recipe_new_from_file   (GFile         *file,
                                       GError       **error);
ScRecipe   *sc_recipe_ref             (ScRecipe      *self);
void        sc_recipe_unref           (ScRecipe      *self);

JsonNode   *sc_recipe_to_json         (ScRecipe      *self);
char       *sc_recipe_to_string       (ScRecipe      *self);
char       *sc_recipe_to_compact_string (ScRecipe    *self);

void        sc_recipe_set_columns     (ScRecipe      *self,
                                       const char   **columns,
                                       guint          n_columns);
gboolean    sc_recipe_fits_columns    (ScRecipe      *self,
                                       const char   **columns,
                                       guint          n_columns);
ScRecipeKpi *sc_recipe_add_kpi        (ScRecipe      *self,
                                       const char    *id,
                                       const char    *formula);

/* Defined here to keep sc-kpi.h free of recipes */
typedef struct _ScKpi ScKpi;
void        sc_recipe_kpi_apply       (ScRecipeKpi   *kpi,
                                       ScKpi         *definition);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRecipe, sc_recipe_unref)

G_END_DECLS
