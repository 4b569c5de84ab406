/* sc-import-recipe-page-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's recipe step's state, shared by
 * sc-import-recipe-page.c (the widget, its KPI rows, checking, loading),
 * sc-import-recipe-page-fields.c (the fields and the recipe they make) and
 * sc-import-recipe-page-preview.c (examples and the table); and what the
 * tests reach into.
 */

#pragma once

#include <adwaita.h>

#include "sc-import-recipe-kpi-row.h"
#include "sc-import-recipe-page.h"
#include "sc-import-recipe-values.h"
#include "sc-recipe-preview.h"
#include "sc-recipe-table.h"

G_BEGIN_DECLS

struct _ScImportRecipePage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkWidget            *scroller;
  AdwPreferencesGroup  *source_group;
  AdwComboRow          *source_row;
  AdwComboRow          *partner_row;
  AdwComboRow          *date_row;
  AdwComboRow          *date_format_row;
  AdwComboRow          *type_row;
  AdwComboRow          *granularity_row;
  AdwActionRow         *filter_row;
  GtkListBox           *kpi_list;
  AdwEntryRow          *add_row;
  AdwPreferencesGroup  *values_group;
  AdwComboRow          *values_kpi_row;
  ScImportRecipeValues *values;
  GtkWidget            *problem_box;
  GtkLabel             *problem_label;
  GtkWidget            *map_button;

  /* Owned state */
  ScRecipeTable        *table;
  char                 *display_name;
  ScRecipe             *suggested;      /* NULL when the file allows none */
  ScRecipe             *kept;           /* the workbook's for this header, or NULL */
  ScRecipe             *base;           /* one of the two: where the fields started */
  ScWorkbook           *book;
  ScFormulaColumn      *columns;        /* the table's headers and kinds, for checking */
  GPtrArray            *date_formats;   /* the choices of date_format_row; "": ISO */
  ScRecipePreview      *preview;
  GPtrArray            *preview_ids;    /* the previewed KPIs' ids, in order */
  GPtrArray            *preview_kpis;   /* ScKpi: their definitions, for formatting */
  char                 *values_kpi;     /* the id the table shows */
  char                 *problem;        /* why the first rows give nothing, or NULL */
  char                 *date_problem;   /* why the dates cannot be read, or NULL */
  guint                 preview_source;

  guint                 filling : 1;
  guint                 ready : 1;
  guint                 blocked : 1;    /* the problem stops the whole file */
};

/* The rows of the partner type choice before one per column */
enum {
  TYPE_SUPPLIER,
  TYPE_CUSTOMER,
  N_FIXED_TYPES
};

/* Like g_set_str() of GLib 2.76, which Debian 12 does not have */
static inline gboolean
_sc_set_str (char       **str_pointer,
             const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/* sc-import-recipe-page.c */
void         _sc_import_recipe_page_set_problem      (ScImportRecipePage *self,
                                                      const char         *problem,
                                                      gboolean            blocks);
void         _sc_import_recipe_page_update_ready     (ScImportRecipePage *self);

/* sc-import-recipe-page-fields.c */
ScRecipeKpi *_sc_import_recipe_find_kpi              (ScRecipe           *recipe,
                                                      const char         *id);
const char  *_sc_import_recipe_page_selected_header  (AdwComboRow        *row,
                                                      guint               offset);
const char  *_sc_import_recipe_page_get_date_format  (ScImportRecipePage *self);
ScRecipe    *_sc_import_recipe_page_build_recipe     (ScImportRecipePage *self,
                                                      gboolean            valid_only);
void         _sc_import_recipe_page_fill_columns     (ScImportRecipePage *self,
                                                      ScRecipe           *recipe);

/* sc-import-recipe-page-preview.c */
ScKpi       *_sc_import_recipe_page_kpi_definition   (ScImportRecipePage *self,
                                                      ScRecipeKpi        *k);
void         _sc_import_recipe_page_show_values      (ScImportRecipePage *self);
void         _sc_import_recipe_page_update_preview   (ScImportRecipePage *self);

/* For the tests */
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
