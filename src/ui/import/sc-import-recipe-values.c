/* sc-import-recipe-values.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table of the recipe step: what one KPI of a recipe gives for each
 * partner (a row) and period (a column) of a file's first rows, the
 * numbers formatted as the KPI shows them, in the user's locale.
 */

#define G_LOG_DOMAIN "sc-import-recipe-values"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-import-recipe-values.h"

/* More partners than this scroll within the table; fewer are all shown,
 * as GtkColumnView 4.8 reports a natural height a little short of its rows
 */
#define MAX_UNSCROLLED_ROWS 12
#define SCROLLED_HEIGHT     360

struct _ScImportRecipeValues
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkColumnView *view;

  /* State */
  GListStore    *rows;     /* GtkStringList: the partner, then a value per period */
};

G_DEFINE_FINAL_TYPE (ScImportRecipeValues, sc_import_recipe_values, GTK_TYPE_WIDGET)

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gboolean number = GPOINTER_TO_UINT (user_data) > 0;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  const char *text = gtk_string_list_get_string (row, GPOINTER_TO_UINT (user_data));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
  /* A partner name too long for its column is still there to read */
  gtk_widget_set_tooltip_text (label, GPOINTER_TO_UINT (user_data) == 0 ? text : NULL);
}

static void
add_column (ScImportRecipeValues *self,
            const char           *title,
            guint                 position)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (position));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (position));
  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
}

/* GObject */

static void
sc_import_recipe_values_dispose (GObject *object)
{
  ScImportRecipeValues *self = (ScImportRecipeValues *)object;

  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_IMPORT_RECIPE_VALUES);

  G_OBJECT_CLASS (sc_import_recipe_values_parent_class)->dispose (object);
}

static void
sc_import_recipe_values_finalize (GObject *object)
{
  ScImportRecipeValues *self = (ScImportRecipeValues *)object;

  g_clear_object (&self->rows);

  G_OBJECT_CLASS (sc_import_recipe_values_parent_class)->finalize (object);
}

static void
sc_import_recipe_values_class_init (ScImportRecipeValuesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_import_recipe_values_dispose;
  object_class->finalize = sc_import_recipe_values_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-import-recipe-values.ui");
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipeValues, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipeValues, view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sc_import_recipe_values_init (ScImportRecipeValues *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
}

/* Public API */

GtkWidget *
sc_import_recipe_values_new (void)
{
  return g_object_new (SC_TYPE_IMPORT_RECIPE_VALUES, NULL);
}

void
sc_import_recipe_values_clear (ScImportRecipeValues *self)
{
  GListModel *columns;

  g_return_if_fail (SC_IS_IMPORT_RECIPE_VALUES (self));

  g_list_store_remove_all (self->rows);
  columns = gtk_column_view_get_columns (self->view);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, column);
    }
}

/* Shows KPI @kpi of @preview: a row per partner, a column per period,
 * each value formatted by @definition.
 */
void
sc_import_recipe_values_show (ScImportRecipeValues *self,
                              ScRecipePreview      *preview,
                              guint                 kpi,
                              ScKpi                *definition)
{
  g_autofree char *accessible = NULL;
  gboolean scrolled;

  g_return_if_fail (SC_IS_IMPORT_RECIPE_VALUES (self));
  g_return_if_fail (preview != NULL && kpi < preview->n_kpis);
  g_return_if_fail (SC_IS_KPI (definition));

  sc_import_recipe_values_clear (self);

  scrolled = preview->n_partners > MAX_UNSCROLLED_ROWS;
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_AUTOMATIC,
                                  scrolled ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  gtk_scrolled_window_set_min_content_height (self->scroller, scrolled ? SCROLLED_HEIGHT : -1);

  add_column (self, _("Partner"), 0);
  for (guint p = 0; p < preview->n_periods; p++)
    {
      g_autofree char *label = sc_period_to_label (preview->granularity, preview->first + (ScPeriod) p);

      add_column (self, label, p + 1);
    }

  for (guint i = 0; i < preview->n_partners; i++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new (NULL);

      gtk_string_list_append (row, preview->partners[i]);
      for (guint p = 0; p < preview->n_periods; p++)
        {
          g_autofree char *text = sc_kpi_format_value (definition,
                                                       sc_recipe_preview_get (preview, kpi, i, p), TRUE);

          gtk_string_list_append (row, text);
        }
      g_list_store_append (self->rows, row);
    }

  /* Translators: the accessible name of the preview table, e.g. "Spend by partner and period" */
  accessible = g_strdup_printf (_("%s by partner and period"), sc_kpi_get_name (definition));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

guint
sc_import_recipe_values_get_n_rows (ScImportRecipeValues *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_VALUES (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/* The text of a cell: column 0 is the partner, column 1 the first period. */
const char *
sc_import_recipe_values_get_cell (ScImportRecipeValues *self,
                                  guint                 row,
                                  guint                 column)
{
  g_autoptr(GtkStringList) item = NULL;

  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_VALUES (self), NULL);

  if (row >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  return gtk_string_list_get_string (item, column);
}

const char *
sc_import_recipe_values_get_title (ScImportRecipeValues *self,
                                   guint                 column)
{
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) item = NULL;

  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_VALUES (self), NULL);

  columns = gtk_column_view_get_columns (self->view);
  if (column >= g_list_model_get_n_items (columns))
    return NULL;
  item = g_list_model_get_item (columns, column);
  return gtk_column_view_column_get_title (item);
}
