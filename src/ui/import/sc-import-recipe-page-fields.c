/* sc-import-recipe-page-fields.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recipe step's fields and the recipe they describe: the choices of
 * columns, date format and partner type filled from a recipe, and the
 * recipe built back from them, the KPI rows and what the page does not
 * show (filter, lookups, aliases, a new KPI's unit and target).
 */

#define G_LOG_DOMAIN "sc-import-recipe-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-import-recipe-page-private.h"

/* Building the recipe from the fields */

ScRecipeKpi *
_sc_import_recipe_find_kpi (ScRecipe   *recipe,
                            const char *id)
{
  for (guint i = 0; recipe != NULL && i < recipe->kpis->len; i++)
    {
      ScRecipeKpi *k = g_ptr_array_index (recipe->kpis, i);

      if (g_strcmp0 (k->id, id) == 0)
        return k;
    }

  return NULL;
}

const char *
_sc_import_recipe_page_selected_header (AdwComboRow *row,
                                        guint        offset)
{
  g_autoptr(GtkStringObject) item = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset)
    return NULL;
  item = g_list_model_get_item (adw_combo_row_get_model (row), selected);
  return item ? g_object_get_data (G_OBJECT (item), "header") : NULL;
}

/* The date format chosen: NULL for ISO and typed dates */
const char *
_sc_import_recipe_page_get_date_format (ScImportRecipePage *self)
{
  guint selected = adw_combo_row_get_selected (self->date_format_row);
  const char *format;

  if (selected >= self->date_formats->len)
    return self->base ? self->base->date_format : NULL;
  format = g_ptr_array_index (self->date_formats, selected);
  return *format ? format : NULL;
}

static ScRecipe *
copy_recipe (ScImportRecipePage *self,
             ScRecipe           *recipe)
{
  g_autoptr(JsonNode) node = sc_recipe_to_json (recipe);
  g_autoptr(GError) error = NULL;
  ScRecipe *copy = sc_recipe_new_from_json (node, self->display_name, &error);

  /* What Scorecards wrote reads back; should it not, start afresh */
  if (copy == NULL)
    {
      g_warning ("Cannot copy the recipe: %s", error->message);
      copy = sc_recipe_new ();
    }
  g_free (copy->base_dir);
  copy->base_dir = g_strdup (recipe->base_dir);

  return copy;
}

static void
add_recipe_kpi (ScImportRecipePage   *self,
                ScRecipe             *recipe,
                ScImportRecipeKpiRow *row)
{
  const char *id = sc_import_recipe_kpi_row_get_id (row);
  const char *name = g_object_get_data (G_OBJECT (row), "name");
  ScRecipeKpi *template = _sc_import_recipe_find_kpi (self->base, id);
  ScRecipeKpi *k = sc_recipe_add_kpi (recipe, id, sc_import_recipe_kpi_row_get_formula (row));

  if (k->parsed == NULL)
    {
      g_ptr_array_remove (recipe->kpis, k);
      return;
    }

  if (template != NULL)
    {
      k->name = g_strdup (template->name);
      k->unit = g_strdup (template->unit);
      k->category = g_strdup (template->category);
      k->direction = g_strdup (template->direction);
      k->target = template->target;
      k->warning = template->warning;
      k->critical = template->critical;
      k->weight = template->weight;
      k->decimals = template->decimals;
    }
  else if (name != NULL)
    k->name = g_strdup (name);
}

/* The recipe the fields describe, with every KPI row or only the valid
 * ones. Members the page does not show (filter, lookups, aliases, a new
 * KPI's unit and target) come from the recipe it started from.
 */
ScRecipe *
_sc_import_recipe_page_build_recipe (ScImportRecipePage *self,
                                     gboolean            valid_only)
{
  ScRecipe *recipe = copy_recipe (self, self->base);
  const char *partner = _sc_import_recipe_page_selected_header (self->partner_row, 0);
  const char *date = _sc_import_recipe_page_selected_header (self->date_row, 0);
  guint type = adw_combo_row_get_selected (self->type_row);

  if (partner != NULL)
    _sc_set_str (&recipe->partner, partner);
  if (date != NULL)
    _sc_set_str (&recipe->date, date);
  if (type == TYPE_SUPPLIER)
    _sc_set_str (&recipe->partner_type, "supplier");
  else if (type == TYPE_CUSTOMER)
    _sc_set_str (&recipe->partner_type, "customer");
  else if (_sc_import_recipe_page_selected_header (self->type_row, N_FIXED_TYPES) != NULL)
    _sc_set_str (&recipe->partner_type, _sc_import_recipe_page_selected_header (self->type_row, N_FIXED_TYPES));
  recipe->granularity = adw_combo_row_get_selected (self->granularity_row);
  _sc_set_str (&recipe->date_format, _sc_import_recipe_page_get_date_format (self));

  g_ptr_array_set_size (recipe->kpis, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ScImportRecipeKpiRow *row = SC_IMPORT_RECIPE_KPI_ROW (child);

      if (!valid_only || sc_import_recipe_kpi_row_is_valid (row))
        add_recipe_kpi (self, recipe, row);
    }
  sc_recipe_set_columns (recipe, (const char **) self->table->headers, self->table->n_columns);

  return recipe;
}

/* Filling the fields from a recipe */

static GListModel *
header_model (ScImportRecipePage *self,
              gboolean            with_types)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (with_types)
    {
      gtk_string_list_append (list, _("Suppliers"));
      gtk_string_list_append (list, _("Customers"));
    }
  for (guint c = 0; c < self->table->n_columns; c++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GtkStringObject) item = NULL;

      if (with_types)
        /* Translators: partner types read from a column, e.g. "As Column “Type” Says" */
        label = g_strdup_printf (_("As Column “%s” Says"), self->table->headers[c]);
      gtk_string_list_append (list, label ? label : self->table->headers[c]);
      item = g_list_model_get_item (G_LIST_MODEL (list), g_list_model_get_n_items (G_LIST_MODEL (list)) - 1);
      g_object_set_data_full (G_OBJECT (item), "header", g_strdup (self->table->headers[c]), g_free);
    }

  return G_LIST_MODEL (list);
}

static guint
header_position (ScImportRecipePage *self,
                 const char         *name)
{
  int column = name ? sc_recipe_table_find (self->table, name) : -1;

  return column >= 0 ? (guint) column : 0;
}

static guint
type_position (ScImportRecipePage *self,
               const char         *partner_type)
{
  int column;

  if (partner_type == NULL || g_ascii_strcasecmp (partner_type, "supplier") == 0)
    return TYPE_SUPPLIER;
  if (g_ascii_strcasecmp (partner_type, "customer") == 0)
    return TYPE_CUSTOMER;
  column = sc_recipe_table_find (self->table, partner_type);
  return column >= 0 ? N_FIXED_TYPES + (guint) column : TYPE_SUPPLIER;
}

/* "Day First, as 31/12/2024" */
static char *
date_format_label (const char *format)
{
  g_autoptr(GDate) date = g_date_new_dmy (31, G_DATE_DECEMBER, 2024);
  const char *day = format ? strstr (format, "%d") : NULL;
  const char *month = format ? strstr (format, "%m") : NULL;
  char example[64];

  if (format == NULL)
    return g_strdup (_("ISO, as 2024-12-31"));
  if (g_str_equal (format, "excel"))
    return g_strdup (_("Excel Serial Numbers"));
  if (g_date_strftime (example, sizeof example, format, date) == 0)
    return g_strdup (format);
  if (day != NULL && month != NULL)
    /* Translators: %s is a date as the format writes it, e.g. "31/12/2024" */
    return g_strdup_printf (day < month ? _("Day First, as %s") : _("Month First, as %s"), example);
  /* Translators: %s is a date as the format writes it, e.g. "31 Dec 2024" */
  return g_strdup_printf (_("As %s"), example);
}

/* The recipe's date format and, when it has day and month as numbers,
 * the same with the two swapped: a guess from dates such as 03/04/2025
 * can be wrong, and only the user knows.
 */
static void
fill_date_formats (ScImportRecipePage *self,
                   ScRecipe           *recipe)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *format = recipe->date_format;

  g_ptr_array_set_size (self->date_formats, 0);
  g_ptr_array_add (self->date_formats, g_strdup (format ? format : ""));
  if (format != NULL && strstr (format, "%d") != NULL && strstr (format, "%m") != NULL)
    {
      char *twin = g_strdup (format);

      for (char *p = twin; p[0] && p[1]; p++)
        if (p[0] == '%' && (p[1] == 'd' || p[1] == 'm'))
          p[1] = p[1] == 'd' ? 'm' : 'd', p++;
      g_ptr_array_add (self->date_formats, twin);
    }

  for (guint i = 0; i < self->date_formats->len; i++)
    {
      const char *f = g_ptr_array_index (self->date_formats, i);
      g_autofree char *label = date_format_label (*f ? f : NULL);

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->date_format_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->date_format_row, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->date_format_row), self->date_formats->len > 1);
}

/* Sets the choices of columns, dates, partner type, periods and the
 * filter from @recipe; the caller holds back their change signals.
 */
void
_sc_import_recipe_page_fill_columns (ScImportRecipePage *self,
                                     ScRecipe           *recipe)
{
  g_autoptr(GListModel) partners = header_model (self, FALSE);
  g_autoptr(GListModel) dates = header_model (self, FALSE);
  g_autoptr(GListModel) types = header_model (self, TRUE);

  adw_combo_row_set_model (self->partner_row, partners);
  adw_combo_row_set_selected (self->partner_row, header_position (self, recipe->partner));
  adw_combo_row_set_model (self->date_row, dates);
  adw_combo_row_set_selected (self->date_row, header_position (self, recipe->date));
  fill_date_formats (self, recipe);
  adw_combo_row_set_model (self->type_row, types);
  adw_combo_row_set_selected (self->type_row, type_position (self, recipe->partner_type));
  adw_combo_row_set_selected (self->granularity_row, recipe->granularity);
  adw_action_row_set_subtitle (self->filter_row, recipe->filter ? recipe->filter : "");
  gtk_widget_set_visible (GTK_WIDGET (self->filter_row), recipe->filter != NULL);
}
