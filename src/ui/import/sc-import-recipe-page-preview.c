/* sc-import-recipe-page-preview.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the recipe step shows of the recipe over the file's first rows:
 * an example value under each valid formula, the partner × period table
 * of one KPI and how many rows it comes from, or why there is none.
 */

#define G_LOG_DOMAIN "sc-import-recipe-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-catalogue.h"
#include "sc-import-recipe-page-private.h"
#include "sc-kpi-guess.h"

/* How the workbook will show the KPI @k: the workbook's own definition,
 * the catalogue's, or a new one from the recipe.
 */
ScKpi *
_sc_import_recipe_page_kpi_definition (ScImportRecipePage *self,
                                       ScRecipeKpi        *k)
{
  ScKpi *kpi;

  if (self->book != NULL && (kpi = sc_workbook_lookup_kpi (self->book, k->id)) != NULL)
    return g_object_ref (kpi);
  if ((kpi = sc_catalogue_lookup (k->id)) != NULL)
    return kpi;

  /* As the import will make it: guessed from its name, then the recipe's */
  kpi = sc_kpi_new (k->id, k->name ? k->name : k->id);
  sc_kpi_guess_from_name (kpi, sc_kpi_get_name (kpi), NULL, 0);
  sc_recipe_kpi_apply (k, kpi);
  return kpi;
}

/* "90.0 % for Rápido Sul in Mar 2024": the latest period's first value */
static char *
example_text (ScImportRecipePage *self,
              guint               kpi)
{
  ScRecipePreview *p = self->preview;

  for (guint period = p->n_periods; period-- > 0;)
    for (guint partner = 0; partner < p->n_partners; partner++)
      {
        double value = sc_recipe_preview_get (p, kpi, partner, period);
        g_autofree char *text = NULL;
        g_autofree char *label = NULL;

        if (isnan (value))
          continue;
        text = sc_kpi_format_value (g_ptr_array_index (self->preview_kpis, kpi), value, TRUE);
        label = sc_period_to_label (p->granularity, p->first + (ScPeriod) period);
        /* Translators: "Example: 90.0 % for Rápido Sul Transportes in Mar 2024" */
        return g_strdup_printf (_("Example: %s for %s in %s"), text, p->partners[partner], label);
      }

  return g_strdup (_("No value in the rows read: no partner and period has rows this formula uses"));
}

static void
show_examples (ScImportRecipePage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ScImportRecipeKpiRow *row = SC_IMPORT_RECIPE_KPI_ROW (child);
      g_autofree char *example = NULL;
      guint position;

      if (self->preview != NULL && sc_import_recipe_kpi_row_is_valid (row) &&
          g_ptr_array_find_with_equal_func (self->preview_ids, sc_import_recipe_kpi_row_get_id (row),
                                            g_str_equal, &position))
        example = example_text (self, position);
      sc_import_recipe_kpi_row_set_example (row, example);
    }
}

void
_sc_import_recipe_page_show_values (ScImportRecipePage *self)
{
  guint selected = adw_combo_row_get_selected (self->values_kpi_row);

  if (self->preview == NULL || selected >= self->preview_ids->len)
    {
      sc_import_recipe_values_clear (self->values);
      return;
    }
  sc_import_recipe_values_show (self->values, self->preview, selected,
                                g_ptr_array_index (self->preview_kpis, selected));
}

/* The KPI choice over the table, keeping the KPI chosen before */
static void
fill_values_kpis (ScImportRecipePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < self->preview_kpis->len; i++)
    {
      gtk_string_list_append (names, sc_kpi_get_name (g_ptr_array_index (self->preview_kpis, i)));
      if (g_strcmp0 (g_ptr_array_index (self->preview_ids, i), self->values_kpi) == 0)
        selected = i;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->values_kpi_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->values_kpi_row, selected);
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->values_kpi_row), self->preview_kpis->len > 0);
}

static void
describe_rows (ScImportRecipePage *self)
{
  guint64 n_rows = self->preview ? self->preview->n_rows : self->table->rows->len;
  guint64 n_left = self->preview ? self->preview->n_rows - self->preview->n_used : 0;
  g_autofree char *count = g_strdup_printf ("%'" G_GUINT64_FORMAT, n_rows);
  g_autofree char *rows = g_strdup_printf (ngettext ("%s row", "%s rows", n_rows), count);
  g_autofree char *text = NULL;

  /* Translators: %s is "90 rows" */
  text = g_strdup_printf (self->table->complete ? _("Computed from all %s of the file.")
                                                : _("Computed from the first %s of the file."), rows);
  if (n_left > 0)
    {
      g_autofree char *left = g_strdup_printf ("%'" G_GUINT64_FORMAT, n_left);
      g_autofree char *more = NULL;

      /* Translators: follows "Computed from the first 5,000 rows of the file." */
      more = g_strdup_printf (ngettext ("%s row has no partner or date, or is filtered out.",
                                        "%s rows have no partner or date, or are filtered out.", n_left),
                              left);
      g_free (text);
      text = g_strdup_printf ("%s %s", text, more);
    }

  adw_preferences_group_set_description (self->values_group, text);
}

/* Runs the valid KPIs over the table's rows: examples and the table. */
void
_sc_import_recipe_page_update_preview (ScImportRecipePage *self)
{
  g_autoptr(ScRecipe) recipe = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_pointer (&self->preview, sc_recipe_preview_free);
  g_ptr_array_set_size (self->preview_ids, 0);
  g_ptr_array_set_size (self->preview_kpis, 0);

  if (self->table == NULL)
    return;

  recipe = _sc_import_recipe_page_build_recipe (self, TRUE);
  if (self->date_problem != NULL)
    _sc_import_recipe_page_set_problem (self, self->date_problem, TRUE);
  else if (recipe->kpis->len > 0 &&
           (self->preview = sc_recipe_preview (recipe, self->table, self->display_name, &error)) == NULL)
    /* A bad cell or date in a row: the import can skip the row; a
     * missing column or a wrong format stops the whole file
     */
    _sc_import_recipe_page_set_problem (self, error->message,
                 !g_error_matches (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_VALUE) &&
                 !g_error_matches (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_DATE));
  else
    _sc_import_recipe_page_set_problem (self, NULL, FALSE);

  for (guint k = 0; self->preview != NULL && k < recipe->kpis->len; k++)
    {
      ScRecipeKpi *kpi = g_ptr_array_index (recipe->kpis, k);

      g_ptr_array_add (self->preview_ids, g_strdup (kpi->id));
      g_ptr_array_add (self->preview_kpis, _sc_import_recipe_page_kpi_definition (self, kpi));
    }

  show_examples (self);
  fill_values_kpis (self);
  _sc_import_recipe_page_show_values (self);
  describe_rows (self);
  _sc_import_recipe_page_update_ready (self);
}
