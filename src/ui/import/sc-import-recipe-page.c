/* sc-import-recipe-page.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's recipe step, shown instead of the column step for
 * a file of transactions (order lines, deliveries, defect reports,
 * invoices): the partner and date columns, the partner type and the
 * period, one formula per KPI checked as the user types with an example
 * value, and what the recipe makes of the file's first rows as a partner ×
 * period table. It starts from the recipe the workbook keeps for files
 * with these columns, or from a suggestion (docs/recipes.md).
 */

#define G_LOG_DOMAIN "sc-import-recipe-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-import-names.h"
#include "sc-import-recipe-page-private.h"
#include "sc-recipe-suggest.h"

/* Typing pauses this long before the first rows are computed again */
#define PREVIEW_DELAY_MS 300

G_DEFINE_FINAL_TYPE (ScImportRecipePage, sc_import_recipe_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  GFile         *file;
  char          *sheet;
  ScRecipeTable *table;
  ScRecipe      *suggested;
  GError        *suggest_error;
} LoadData;

static void refresh (ScImportRecipePage *self);

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->sheet, g_free);
  g_clear_pointer (&data->table, sc_recipe_table_free);
  g_clear_pointer (&data->suggested, sc_recipe_unref);
  g_clear_error (&data->suggest_error);
  g_free (data);
}

/* KPIs */

static char *
kpi_display_name (ScImportRecipePage *self,
                  const char         *id,
                  const char         *name,
                  const char         *formula)
{
  ScRecipeKpi k = { (char *) id, (char *) formula, (char *) name };
  ScRecipeKpi *template = _sc_import_recipe_find_kpi (self->base, id);
  g_autoptr(ScKpi) kpi = NULL;

  k.target = k.warning = k.critical = k.weight = NAN;
  k.decimals = -1;
  kpi = _sc_import_recipe_page_kpi_definition (self, name == NULL && template != NULL ? template : &k);
  return g_strdup (sc_kpi_get_name (kpi));
}

static void
on_kpi_changed_cb (ScImportRecipePage   *self,
                   ScImportRecipeKpiRow *row)
{
  if (self->filling)
    return;

  refresh (self);
}

static void
on_kpi_remove_cb (ScImportRecipePage   *self,
                  ScImportRecipeKpiRow *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (row));

  if (next == NULL)
    next = gtk_widget_get_prev_sibling (GTK_WIDGET (row));

  gtk_list_box_remove (self->kpi_list, GTK_WIDGET (row));
  refresh (self);

  /* The keyboard focus stays in the list, or goes to adding one */
  if (next != NULL)
    gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static ScImportRecipeKpiRow *
add_kpi_row (ScImportRecipePage *self,
             const char         *id,
             const char         *name,
             const char         *formula)
{
  g_autofree char *shown = kpi_display_name (self, id, name, formula);
  GtkWidget *row = sc_import_recipe_kpi_row_new (id, shown, formula);

  /* A new KPI keeps the name it was given */
  if (name != NULL)
    g_object_set_data_full (G_OBJECT (row), "name", g_strdup (name), g_free);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_kpi_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_kpi_remove_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->kpi_list, row);

  return SC_IMPORT_RECIPE_KPI_ROW (row);
}

static void
clear_kpi_rows (ScImportRecipePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_list))) != NULL)
    gtk_list_box_remove (self->kpi_list, child);
}

/* Checking */

/* Says under the KPI choice why the first rows give nothing; @blocks:
 * the whole file cannot be imported so
 */
void
_sc_import_recipe_page_set_problem (ScImportRecipePage *self,
                                    const char         *problem,
                                    gboolean            blocks)
{
  _sc_set_str (&self->problem, problem);
  self->blocked = problem != NULL && blocks;
  gtk_label_set_label (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (self->problem_box, problem != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->values), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem ? problem : "", -1);
}

void
_sc_import_recipe_page_update_ready (ScImportRecipePage *self)
{
  gboolean ready = self->table != NULL && !self->blocked;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child), n++)
    if (!sc_import_recipe_kpi_row_is_valid (SC_IMPORT_RECIPE_KPI_ROW (child)))
      ready = FALSE;
  ready = ready && n > 0;

  if (ready == self->ready)
    return;
  self->ready = ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/* Column kinds follow the date column and its format */
static void
infer_columns (ScImportRecipePage *self)
{
  g_autoptr(GError) error = NULL;
  const char *date = _sc_import_recipe_page_selected_header (self->date_row, 0);
  int column = date ? sc_recipe_table_find (self->table, date) : -1;

  /* A date as the file writes it, to tell day-first from month-first */
  for (guint r = 0; column >= 0 && r < self->table->rows->len; r++)
    {
      const char *cell = sc_recipe_table_cell (self->table, r, column);
      g_autofree char *subtitle = NULL;

      if (*cell == '\0')
        continue;
      /* Translators: %s is a date cell as written, e.g. "03/04/2025" */
      subtitle = g_strdup_printf (_("The first row has %s"), cell);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_format_row), subtitle);
      break;
    }

  if (!sc_recipe_table_infer (self->table, column, _sc_import_recipe_page_get_date_format (self), self->display_name, &error))
    _sc_set_str (&self->date_problem, error->message);
  else
    _sc_set_str (&self->date_problem, NULL);

  for (guint c = 0; c < self->table->n_columns; c++)
    {
      self->columns[c].name = self->table->headers[c];
      self->columns[c].type = self->table->types[c];
    }
}

/* Each formula against the columns; two KPIs may not share an id */
static void
check_kpis (ScImportRecipePage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ScImportRecipeKpiRow *row = SC_IMPORT_RECIPE_KPI_ROW (child);
      const char *id = sc_import_recipe_kpi_row_get_id (row);
      g_autofree char *problem = NULL;

      sc_import_recipe_kpi_row_check (row, self->columns, self->table->n_columns);
      if (!g_hash_table_add (seen, (gpointer) id))
        /* Translators: %s is a KPI id such as on_time_delivery_pct */
        problem = g_strdup_printf (_("Another KPI above computes “%s”; remove one of them"), id);
      sc_import_recipe_kpi_row_set_problem (row, problem);
    }
}

static gboolean
on_preview_timeout_cb (gpointer data)
{
  ScImportRecipePage *self = data;

  self->preview_source = 0;
  _sc_import_recipe_page_update_preview (self);
  return G_SOURCE_REMOVE;
}

/* Checks everything now and computes the first rows again after a pause. */
static void
refresh (ScImportRecipePage *self)
{
  if (self->table == NULL || self->filling)
    return;

  check_kpis (self);
  _sc_import_recipe_page_update_ready (self);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, on_preview_timeout_cb, self);
}

static void
refresh_now (ScImportRecipePage *self)
{
  if (self->table == NULL || self->filling)
    return;

  infer_columns (self);
  check_kpis (self);
  _sc_import_recipe_page_update_preview (self);
}

/* Filling the page from a recipe */

static void
fill (ScImportRecipePage *self,
      ScRecipe           *recipe)
{
  if (self->base != recipe)
    {
      g_clear_pointer (&self->base, sc_recipe_unref);
      self->base = sc_recipe_ref (recipe);
    }

  self->filling = TRUE;
  _sc_import_recipe_page_fill_columns (self, recipe);

  adw_combo_row_set_selected (self->source_row, recipe == self->kept ? 0 : 1);
  gtk_widget_set_visible (GTK_WIDGET (self->source_group), self->kept != NULL && self->suggested != NULL);

  clear_kpi_rows (self);
  for (guint i = 0; i < recipe->kpis->len; i++)
    {
      ScRecipeKpi *k = g_ptr_array_index (recipe->kpis, i);

      add_kpi_row (self, k->id, NULL, k->formula);
    }
  self->filling = FALSE;

  refresh_now (self);
}

/* Callbacks */

static void
on_source_changed_cb (ScImportRecipePage *self)
{
  ScRecipe *recipe;

  if (self->filling || self->table == NULL)
    return;

  recipe = adw_combo_row_get_selected (self->source_row) == 0 ? self->kept : self->suggested;
  if (recipe != NULL && recipe != self->base)
    fill (self, recipe);
}

static void
on_rows_changed_cb (ScImportRecipePage *self)
{
  refresh_now (self);
}

static void
on_values_kpi_changed_cb (ScImportRecipePage *self)
{
  guint selected = adw_combo_row_get_selected (self->values_kpi_row);

  if (self->filling)
    return;

  if (selected < self->preview_ids->len)
    _sc_set_str (&self->values_kpi, g_ptr_array_index (self->preview_ids, selected));
  _sc_import_recipe_page_show_values (self);
}

/* A new KPI by name: the catalogue's or the workbook's KPI of that name,
 * or a new one; its formula is the next thing to type.
 */
static void
on_add_applied_cb (ScImportRecipePage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  g_autofree char *id = NULL;
  const char *catalogue_id;
  ScImportRecipeKpiRow *row;

  if (*name == '\0' || self->table == NULL)
    return;

  if ((catalogue_id = sc_import_match_catalogue (name)) != NULL)
    id = g_strdup (catalogue_id);
  else if (self->book != NULL && sc_workbook_lookup_kpi (self->book, name) != NULL)
    id = g_strdup (name);
  else
    id = sc_import_slugify (name, '_');

  if (id == NULL || *id == '\0')
    return;

  row = add_kpi_row (self, id, catalogue_id ? NULL : name, "");
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (sc_import_recipe_kpi_row_get_entry (row)));
}

/* GObject */

static void
sc_import_recipe_page_dispose (GObject *object)
{
  ScImportRecipePage *self = (ScImportRecipePage *)object;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_IMPORT_RECIPE_PAGE);

  G_OBJECT_CLASS (sc_import_recipe_page_parent_class)->dispose (object);
}

static void
sc_import_recipe_page_finalize (GObject *object)
{
  ScImportRecipePage *self = (ScImportRecipePage *)object;

  g_clear_pointer (&self->table, sc_recipe_table_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->suggested, sc_recipe_unref);
  g_clear_pointer (&self->kept, sc_recipe_unref);
  g_clear_pointer (&self->base, sc_recipe_unref);
  g_clear_object (&self->book);
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->preview, sc_recipe_preview_free);
  g_clear_pointer (&self->preview_ids, g_ptr_array_unref);
  g_clear_pointer (&self->date_formats, g_ptr_array_unref);
  g_clear_pointer (&self->preview_kpis, g_ptr_array_unref);
  g_clear_pointer (&self->values_kpi, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->date_problem, g_free);

  G_OBJECT_CLASS (sc_import_recipe_page_parent_class)->finalize (object);
}

static void
sc_import_recipe_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ScImportRecipePage *self = SC_IMPORT_RECIPE_PAGE (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_import_recipe_page_class_init (ScImportRecipePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_import_recipe_page_dispose;
  object_class->finalize = sc_import_recipe_page_finalize;
  object_class->get_property = sc_import_recipe_page_get_property;

  /**
   * ScImportRecipePage:ready:
   *
   * Whether the fields make a recipe the import can use: every formula
   * fits the file's columns and the first rows read.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_IMPORT_RECIPE_VALUES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-import-recipe-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, source_group);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, source_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, partner_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, date_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, date_format_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, type_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, granularity_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, filter_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, kpi_list);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, add_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, values_group);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, values_kpi_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, values);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, problem_box);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipePage, map_button);
  gtk_widget_class_bind_template_callback (widget_class, on_source_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rows_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_values_kpi_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_applied_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sc_import_recipe_page_init (ScImportRecipePage *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;

  /* Mapping the columns is offered only where the window enables it, by
   * the action of the button; a button that does nothing is not shown
   */
  g_object_bind_property (self->map_button, "sensitive", self->map_button, "visible", G_BINDING_SYNC_CREATE);

  self->preview_ids = g_ptr_array_new_with_free_func (g_free);
  self->date_formats = g_ptr_array_new_with_free_func (g_free);
  self->preview_kpis = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

GtkWidget *
sc_import_recipe_page_new (void)
{
  return g_object_new (SC_TYPE_IMPORT_RECIPE_PAGE, NULL);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autofree char *name = g_file_get_basename (data->file);
  g_autofree char *sheet_used = NULL;
  GError *error = NULL;

  data->table = sc_recipe_table_read_file (data->file, data->sheet, NULL, SC_RECIPE_SUGGEST_ROWS,
                                           &sheet_used, &error);
  if (data->table == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->suggested = sc_recipe_suggest (data->table, name, &data->suggest_error);
  g_task_return_boolean (task, TRUE);
}

/**
 * sc_import_recipe_page_load_async:
 * @sheet: (nullable): the sheet of a spreadsheet, or %NULL for the one
 *   that holds a table
 * @book: (nullable): the workbook, whose kept recipe for these columns
 *   is offered first
 *
 * Reads the header and first rows of @file in a thread and suggests a
 * recipe for them.
 */
void
sc_import_recipe_page_load_async (ScImportRecipePage  *self,
                                  GFile               *file,
                                  const char          *sheet,
                                  ScWorkbook          *book,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (book == NULL || SC_IS_WORKBOOK (book));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->sheet = g_strdup (sheet);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_import_recipe_page_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  if (book != NULL)
    g_object_set_data_full (G_OBJECT (task), "book", g_object_ref (book), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * sc_import_recipe_page_load_finish:
 *
 * Fills the page from the recipe the workbook keeps for the file's
 * columns, else from the suggestion. Fails when the file cannot be read
 * or has no partner and date columns a recipe could use.
 */
gboolean
sc_import_recipe_page_load_finish (ScImportRecipePage  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  ScWorkbook *book = g_object_get_data (G_OBJECT (result), "book");
  LoadData *data;
  ScRecipe *kept;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  kept = book ? sc_workbook_find_recipe (book, (const char **) data->table->headers,
                                         data->table->n_columns) : NULL;
  if (kept == NULL && data->suggested == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&data->suggest_error));
      return FALSE;
    }

  sc_import_recipe_page_clear (self);
  name = g_file_get_basename (data->file);
  self->display_name = g_steal_pointer (&name);
  self->table = g_steal_pointer (&data->table);
  self->suggested = g_steal_pointer (&data->suggested);
  self->kept = kept ? sc_recipe_ref (kept) : NULL;
  g_set_object (&self->book, book);
  self->columns = g_new0 (ScFormulaColumn, MAX (self->table->n_columns, 1));

  fill (self, self->kept ? self->kept : self->suggested);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);

  return TRUE;
}

/* Forgets the file. */
void
sc_import_recipe_page_clear (ScImportRecipePage *self)
{
  g_return_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self));

  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->filling = TRUE;
  clear_kpi_rows (self);
  self->filling = FALSE;
  sc_import_recipe_values_clear (self->values);
  g_clear_pointer (&self->preview, sc_recipe_preview_free);
  g_ptr_array_set_size (self->preview_ids, 0);
  g_ptr_array_set_size (self->preview_kpis, 0);
  g_clear_pointer (&self->table, sc_recipe_table_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->suggested, sc_recipe_unref);
  g_clear_pointer (&self->kept, sc_recipe_unref);
  g_clear_pointer (&self->base, sc_recipe_unref);
  g_clear_pointer (&self->columns, g_free);
  g_clear_object (&self->book);
  _sc_import_recipe_page_set_problem (self, NULL, FALSE);
  _sc_import_recipe_page_update_ready (self);
}

gboolean
sc_import_recipe_page_get_ready (ScImportRecipePage *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), FALSE);
  return self->ready;
}

/**
 * sc_import_recipe_page_dup_recipe:
 *
 * Returns: (transfer full) (nullable): the recipe the page describes, a
 *   new one the caller may hand to another thread; %NULL until it is ready
 */
ScRecipe *
sc_import_recipe_page_dup_recipe (ScImportRecipePage *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), NULL);

  if (!self->ready)
    return NULL;

  /* A formula typed a moment ago counts */
  if (self->preview_source != 0)
    _sc_import_recipe_page_update_preview (self);
  return self->ready ? _sc_import_recipe_page_build_recipe (self, FALSE) : NULL;
}

/* Private API, for the tests */

gboolean
sc_import_recipe_page_is_busy (ScImportRecipePage *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), FALSE);
  return self->preview_source != 0;
}

AdwComboRow *
sc_import_recipe_page_get_source_row (ScImportRecipePage *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), NULL);
  return self->source_row;
}

AdwComboRow *
sc_import_recipe_page_get_partner_row (ScImportRecipePage *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), NULL);
  return self->partner_row;
}

AdwComboRow *
sc_import_recipe_page_get_date_row (ScImportRecipePage *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), NULL);
  return self->date_row;
}

AdwComboRow *
sc_import_recipe_page_get_values_kpi_row (ScImportRecipePage *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), NULL);
  return self->values_kpi_row;
}

AdwEntryRow *
sc_import_recipe_page_get_add_row (ScImportRecipePage *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), NULL);
  return self->add_row;
}

ScImportRecipeKpiRow *
sc_import_recipe_page_get_kpi_row (ScImportRecipePage *self,
                                   const char         *id)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (sc_import_recipe_kpi_row_get_id (SC_IMPORT_RECIPE_KPI_ROW (child)), id) == 0)
      return SC_IMPORT_RECIPE_KPI_ROW (child);

  return NULL;
}

ScImportRecipeValues *
sc_import_recipe_page_get_values (ScImportRecipePage *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), NULL);
  return self->values;
}

const char *
sc_import_recipe_page_get_problem (ScImportRecipePage *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_PAGE (self), NULL);
  return self->problem;
}
