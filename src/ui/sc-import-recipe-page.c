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
#include <string.h>

#include "sc-catalogue.h"
#include "sc-import-names.h"
#include "sc-import-recipe-page-private.h"
#include "sc-kpi-guess.h"
#include "sc-recipe-preview.h"
#include "sc-recipe-suggest.h"

/* Typing pauses this long before the first rows are computed again */
#define PREVIEW_DELAY_MS 300

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

G_DEFINE_FINAL_TYPE (ScImportRecipePage, sc_import_recipe_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The rows of the partner type choice before one per column */
enum {
  TYPE_SUPPLIER,
  TYPE_CUSTOMER,
  N_FIXED_TYPES
};

typedef struct
{
  GFile         *file;
  char          *sheet;
  ScRecipeTable *table;
  ScRecipe      *suggested;
  GError        *suggest_error;
} LoadData;

static void refresh        (ScImportRecipePage *self);
static void update_preview (ScImportRecipePage *self);

/* g_set_str() is GLib 2.76; Debian 12 has 2.74 */
static gboolean
set_str (char       **str,
         const char  *value)
{
  char *copy;

  if (*str == value || g_strcmp0 (*str, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*str);
  *str = copy;
  return TRUE;
}

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

static ScRecipeKpi *
find_recipe_kpi (ScRecipe   *recipe,
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

/* How the workbook will show the KPI @k: the workbook's own definition,
 * the catalogue's, or a new one from the recipe.
 */
static ScKpi *
kpi_definition (ScImportRecipePage *self,
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

static char *
kpi_display_name (ScImportRecipePage *self,
                  const char         *id,
                  const char         *name,
                  const char         *formula)
{
  ScRecipeKpi k = { (char *) id, (char *) formula, (char *) name };
  ScRecipeKpi *template = find_recipe_kpi (self->base, id);
  g_autoptr(ScKpi) kpi = NULL;

  k.target = k.warning = k.critical = k.weight = NAN;
  k.decimals = -1;
  kpi = kpi_definition (self, name == NULL && template != NULL ? template : &k);
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

/* Building the recipe from the fields */

static const char *
selected_header (AdwComboRow *row,
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
static const char *
selected_date_format (ScImportRecipePage *self)
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
  ScRecipeKpi *template = find_recipe_kpi (self->base, id);
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
static ScRecipe *
build_recipe (ScImportRecipePage *self,
              gboolean            valid_only)
{
  ScRecipe *recipe = copy_recipe (self, self->base);
  const char *partner = selected_header (self->partner_row, 0);
  const char *date = selected_header (self->date_row, 0);
  guint type = adw_combo_row_get_selected (self->type_row);

  if (partner != NULL)
    set_str (&recipe->partner, partner);
  if (date != NULL)
    set_str (&recipe->date, date);
  if (type == TYPE_SUPPLIER)
    set_str (&recipe->partner_type, "supplier");
  else if (type == TYPE_CUSTOMER)
    set_str (&recipe->partner_type, "customer");
  else if (selected_header (self->type_row, N_FIXED_TYPES) != NULL)
    set_str (&recipe->partner_type, selected_header (self->type_row, N_FIXED_TYPES));
  recipe->granularity = adw_combo_row_get_selected (self->granularity_row);
  set_str (&recipe->date_format, selected_date_format (self));

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

/* Checking */

static void
set_problem (ScImportRecipePage *self,
             const char         *problem,
             gboolean            blocks)
{
  set_str (&self->problem, problem);
  self->blocked = problem != NULL && blocks;
  gtk_label_set_label (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (self->problem_box, problem != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->values), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem ? problem : "", -1);
}

static void
update_ready (ScImportRecipePage *self)
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
  const char *date = selected_header (self->date_row, 0);
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

  if (!sc_recipe_table_infer (self->table, column, selected_date_format (self), self->display_name, &error))
    set_str (&self->date_problem, error->message);
  else
    set_str (&self->date_problem, NULL);

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
  update_preview (self);
  return G_SOURCE_REMOVE;
}

/* Checks everything now and computes the first rows again after a pause. */
static void
refresh (ScImportRecipePage *self)
{
  if (self->table == NULL || self->filling)
    return;

  check_kpis (self);
  update_ready (self);

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
  update_preview (self);
}

/* The preview */

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

static void
show_values (ScImportRecipePage *self)
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
static void
update_preview (ScImportRecipePage *self)
{
  g_autoptr(ScRecipe) recipe = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_pointer (&self->preview, sc_recipe_preview_free);
  g_ptr_array_set_size (self->preview_ids, 0);
  g_ptr_array_set_size (self->preview_kpis, 0);

  if (self->table == NULL)
    return;

  recipe = build_recipe (self, TRUE);
  if (self->date_problem != NULL)
    set_problem (self, self->date_problem, TRUE);
  else if (recipe->kpis->len > 0 &&
           (self->preview = sc_recipe_preview (recipe, self->table, self->display_name, &error)) == NULL)
    /* A bad cell or date in a row: the import can skip the row; a
     * missing column or a wrong format stops the whole file
     */
    set_problem (self, error->message,
                 !g_error_matches (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_VALUE) &&
                 !g_error_matches (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_DATE));
  else
    set_problem (self, NULL, FALSE);

  for (guint k = 0; self->preview != NULL && k < recipe->kpis->len; k++)
    {
      ScRecipeKpi *kpi = g_ptr_array_index (recipe->kpis, k);

      g_ptr_array_add (self->preview_ids, g_strdup (kpi->id));
      g_ptr_array_add (self->preview_kpis, kpi_definition (self, kpi));
    }

  show_examples (self);
  fill_values_kpis (self);
  show_values (self);
  describe_rows (self);
  update_ready (self);
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

static void
fill (ScImportRecipePage *self,
      ScRecipe           *recipe)
{
  g_autoptr(GListModel) partners = header_model (self, FALSE);
  g_autoptr(GListModel) dates = header_model (self, FALSE);
  g_autoptr(GListModel) types = header_model (self, TRUE);

  if (self->base != recipe)
    {
      g_clear_pointer (&self->base, sc_recipe_unref);
      self->base = sc_recipe_ref (recipe);
    }

  self->filling = TRUE;
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
    set_str (&self->values_kpi, g_ptr_array_index (self->preview_ids, selected));
  show_values (self);
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
  set_problem (self, NULL, FALSE);
  update_ready (self);
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
    update_preview (self);
  return self->ready ? build_recipe (self, FALSE) : NULL;
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
