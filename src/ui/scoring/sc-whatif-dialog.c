/* sc-whatif-dialog.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The What If window: try other KPI weights and targets, a period
 * weighting or grade bands in a sandbox (sc-whatif.c) and see, before
 * applying, every partner's score, grade and rank before and after in a
 * sortable table. Apply makes them the workbook's as one undoable step;
 * Discard (or closing the window) leaves the workbook as it was.
 */

#define G_LOG_DOMAIN "sc-whatif-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-weighting-group.h"
#include "sc-whatif-dialog.h"
#include "sc-whatif-item.h"

struct _ScWhatifDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  AdwPreferencesGroup *kpi_group;
  ScWeightingGroup *weighting_group;
  AdwEntryRow      *bands_row;
  GtkLabel         *summary_label;
  GtkLabel         *error_label;
  GtkColumnView    *column_view;

  /* Owned state */
  ScWorkbook       *book;
  ScUndoStack      *undo_stack;
  ScWhatif         *whatif;
  GListStore       *rows;       /* ScWhatifItem */
  GtkSortListModel *sorted;
  GHashTable       *spins;      /* "kpi-id\tfield" → GtkSpinButton */
  ScRollup          rollup;
  guint             recompute_source;
};

G_DEFINE_FINAL_TYPE (ScWhatifDialog, sc_whatif_dialog, ADW_TYPE_WINDOW)

static const char *column_titles[] = {
  N_("Partner"), N_("Score"), N_("New Score"), N_("Change"), N_("Grade"),
  N_("New Grade"), N_("Rank"), N_("New Rank"), N_("Moved"),
};

/* Wide enough for the title; the partner takes the rest */
static const int column_widths[] = { -1, 64, 96, 76, 64, 96, 60, 88, 88 };

/* The table */

static void
recompute (ScWhatifDialog *self)
{
  g_autoptr(GArray) rows = sc_whatif_compute (self->whatif, &self->rollup);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;
  guint n_changed = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const ScWhatifRow *row = &g_array_index (rows, ScWhatifRow, i);

      g_ptr_array_add (items, sc_whatif_item_new (row));
      n_changed += row->changed;
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);

  if (!sc_whatif_has_changes (self->whatif))
    summary = g_strdup (_("Change a weight, a target, the weighting or the bands to see who moves"));
  else
    summary = g_strdup_printf (ngettext ("%u of %u partner changes grade or rank",
                                         "%u of %u partners change grade or rank", rows->len),
                               n_changed, rows->len);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "whatif.apply", sc_whatif_has_changes (self->whatif));
}

static gboolean
recompute_cb (gpointer data)
{
  ScWhatifDialog *self = data;

  self->recompute_source = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

/* Spin buttons fire on every step: score once they settle. */
static void
queue_recompute (ScWhatifDialog *self)
{
  if (self->recompute_source == 0)
    self->recompute_source = g_timeout_add (60, recompute_cb, self);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  ScWhatifColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == SC_WHATIF_COLUMN_PARTNER ||
                                           column == SC_WHATIF_COLUMN_MOVED ||
                                           column == SC_WHATIF_COLUMN_GRADE_BEFORE ||
                                           column == SC_WHATIF_COLUMN_GRADE_AFTER ? 0 : 1);
  if (column == SC_WHATIF_COLUMN_PARTNER)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ScWhatifColumn column = GPOINTER_TO_UINT (user_data);
  ScWhatifItem *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = sc_whatif_item_dup_text (row, column);
  gboolean moved = sc_whatif_item_get_row (row)->changed;

  gtk_label_set_label (GTK_LABEL (label), text);
  if (column == SC_WHATIF_COLUMN_PARTNER)
    gtk_widget_set_tooltip_text (label, text);
  if (moved && (column == SC_WHATIF_COLUMN_MOVED || column == SC_WHATIF_COLUMN_GRADE_AFTER ||
                column == SC_WHATIF_COLUMN_RANK_AFTER))
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static GtkSorter *
column_sorter (ScWhatifColumn column)
{
  const char *property = sc_whatif_column_get_property (column);
  GtkExpression *expression = gtk_property_expression_new (SC_TYPE_WHATIF_ITEM, NULL, property);

  if (column == SC_WHATIF_COLUMN_PARTNER || column == SC_WHATIF_COLUMN_GRADE_BEFORE ||
      column == SC_WHATIF_COLUMN_GRADE_AFTER)
    return GTK_SORTER (gtk_string_sorter_new (expression));
  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}

static void
add_columns (ScWhatifDialog *self)
{
  GtkColumnViewColumn *sort_column = NULL;

  for (guint c = 0; c < SC_WHATIF_N_COLUMNS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = column_sorter (c);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(column_titles[c]), g_object_ref (factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, c == SC_WHATIF_COLUMN_PARTNER);
      gtk_column_view_column_set_fixed_width (column, column_widths[c]);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      if (c == SC_WHATIF_COLUMN_RANK_AFTER)
        sort_column = column;
    }

  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))));
  gtk_column_view_sort_by_column (self->column_view, sort_column, GTK_SORT_ASCENDING);
}

/* The settings to try */

static void
on_spin_changed_cb (ScWhatifDialog *self,
                    GtkSpinButton  *spin)
{
  ScKpi *kpi = g_object_get_data (G_OBJECT (spin), "kpi");
  const char *field = g_object_get_data (G_OBJECT (spin), "field");

  if (sc_whatif_set_kpi_field (self->whatif, kpi, field, gtk_spin_button_get_value (spin), NULL))
    queue_recompute (self);
}

static GtkWidget *
kpi_spin_new (ScWhatifDialog *self,
              ScKpi          *kpi,
              const char     *field,
              double          value,
              const char     *accessible)
{
  gboolean weight = g_str_equal (field, "weight");
  guint digits = weight ? 1 : sc_kpi_get_decimals (kpi);
  double range = weight ? 100 : MAX (1e6, 10 * fabs (value));
  GtkWidget *spin = gtk_spin_button_new_with_range (weight ? 0 : -range, range, weight ? 0.5 : pow (10, -(double) digits));

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), weight ? 4 : 8);
  gtk_widget_set_tooltip_text (spin, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (spin), "kpi", g_object_ref (kpi), g_object_unref);
  g_object_set_data (G_OBJECT (spin), "field", (gpointer) g_intern_string (field));
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_spin_changed_cb), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->spins, g_strdup_printf ("%s\t%s", sc_kpi_get_id (kpi), field), spin);

  return spin;
}

static void
add_kpi_rows (ScWhatifDialog *self)
{
  GListModel *kpis = sc_workbook_get_kpis (self->book);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);
      g_autofree char *weight_name = g_strdup_printf (_("Weight of %s"), sc_kpi_get_name (kpi));
      g_autofree char *target_name = g_strdup_printf (_("Target of %s"), sc_kpi_get_name (kpi));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_kpi_get_name (kpi));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sc_kpi_has_target (kpi) ? _("Weight · Target")
                                                                               : _("Weight · no target set"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 kpi_spin_new (self, kpi, "weight", sc_kpi_get_weight (kpi), weight_name));
      if (sc_kpi_has_target (kpi))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   kpi_spin_new (self, kpi, "target", sc_kpi_get_target (kpi), target_name));
      adw_preferences_group_add (self->kpi_group, row);
    }
}

static void
on_weighting_changed_cb (ScWhatifDialog *self)
{
  ScPeriodWeighting w;

  sc_weighting_group_get_weighting (self->weighting_group, &w);
  sc_whatif_set_period_weighting (self->whatif, &w);
  queue_recompute (self);
}

static char *
bands_to_text (ScWorkbook *book)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sc_workbook_get_n_grade_bands (book); i++)
    {
      const ScGradeBand *band = sc_workbook_get_grade_band (book, i);
      g_string_append_printf (text, "%s%s:%g", i ? ", " : "", band->grade, band->min_score);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_bands_applied_cb (ScWhatifDialog *self)
{
  g_autoptr(GString) text = g_string_new (gtk_editable_get_text (GTK_EDITABLE (self->bands_row)));
  g_autoptr(GArray) bands = NULL;
  g_autoptr(GError) error = NULL;

  g_string_replace (text, " ", "", 0);
  if (!sc_grade_bands_parse (text->str, &bands, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->bands_row), "error");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->bands_row), "error");
  sc_whatif_set_grade_bands (self->whatif, (ScGradeBand *) bands->data, bands->len);
  queue_recompute (self);
}

/* Actions */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScWhatifDialog *self = SC_WHATIF_DIALOG (widget);

  g_clear_handle_id (&self->recompute_source, g_source_remove);
  sc_whatif_apply (self->whatif, self->undo_stack);
  gtk_window_close (GTK_WINDOW (self));
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScWhatifDialog *self = SC_WHATIF_DIALOG (widget);

  sc_whatif_discard (self->whatif);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sc_whatif_dialog_dispose (GObject *object)
{
  ScWhatifDialog *self = (ScWhatifDialog *)object;

  g_clear_handle_id (&self->recompute_source, g_source_remove);
  g_clear_pointer (&self->spins, g_hash_table_unref);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_object (&self->whatif);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->book);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WHATIF_DIALOG);

  G_OBJECT_CLASS (sc_whatif_dialog_parent_class)->dispose (object);
}

static void
sc_whatif_dialog_class_init (ScWhatifDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_whatif_dialog_dispose;

  g_type_ensure (SC_TYPE_WEIGHTING_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-whatif-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWhatifDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScWhatifDialog, kpi_group);
  gtk_widget_class_bind_template_child (widget_class, ScWhatifDialog, weighting_group);
  gtk_widget_class_bind_template_child (widget_class, ScWhatifDialog, bands_row);
  gtk_widget_class_bind_template_child (widget_class, ScWhatifDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScWhatifDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScWhatifDialog, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_weighting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bands_applied_cb);

  gtk_widget_class_install_action (widget_class, "whatif.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "whatif.discard", NULL, discard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "whatif.discard", NULL);
}

static void
sc_whatif_dialog_init (ScWhatifDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (SC_TYPE_WHATIF_ITEM);
  self->spins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_columns (self);
}

/* Public API */

/**
 * sc_whatif_dialog_new:
 * @parent: the window
 * @book: the workbook
 * @undo_stack: (nullable): where Apply puts its one step
 * @rollup: the view the window shows, which the table scores
 */
ScWhatifDialog *
sc_whatif_dialog_new (GtkWindow      *parent,
                      ScWorkbook     *book,
                      ScUndoStack    *undo_stack,
                      const ScRollup *rollup)
{
  ScWhatifDialog *self;
  g_autofree char *label = NULL;
  g_autofree char *bands = NULL;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (rollup != NULL, NULL);

  self = g_object_new (SC_TYPE_WHATIF_DIALOG, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  self->undo_stack = undo_stack ? g_object_ref (undo_stack) : NULL;
  self->whatif = sc_whatif_new (book);
  self->rollup = *rollup;

  label = sc_rollup_to_label (rollup, sc_workbook_get_granularity (book));
  adw_window_title_set_subtitle (self->window_title, label);
  add_kpi_rows (self);
  sc_weighting_group_set_weighting (self->weighting_group, sc_workbook_get_period_weighting (book));
  bands = bands_to_text (book);
  gtk_editable_set_text (GTK_EDITABLE (self->bands_row), bands);
  recompute (self);

  return self;
}

/* The rows as the table shows them, sorted (ScWhatifItem) */
GListModel *
sc_whatif_dialog_get_rows (ScWhatifDialog *self)
{
  g_return_val_if_fail (SC_IS_WHATIF_DIALOG (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

GtkColumnView *
sc_whatif_dialog_get_column_view (ScWhatifDialog *self)
{
  g_return_val_if_fail (SC_IS_WHATIF_DIALOG (self), NULL);
  return self->column_view;
}

/* Sets the spin button of @kpi's @field ("weight" or "target") as a user
 * would, and scores at once (for tests).
 */
gboolean
sc_whatif_dialog_set_kpi_value (ScWhatifDialog *self,
                                ScKpi          *kpi,
                                const char     *field,
                                double          value)
{
  g_autofree char *key = NULL;
  GtkSpinButton *spin;

  g_return_val_if_fail (SC_IS_WHATIF_DIALOG (self), FALSE);

  key = g_strdup_printf ("%s\t%s", sc_kpi_get_id (kpi), field);
  if ((spin = g_hash_table_lookup (self->spins, key)) == NULL)
    return FALSE;
  gtk_spin_button_set_value (spin, value);
  g_clear_handle_id (&self->recompute_source, g_source_remove);
  recompute (self);
  return TRUE;
}

const char *
sc_whatif_dialog_get_summary (ScWhatifDialog *self)
{
  g_return_val_if_fail (SC_IS_WHATIF_DIALOG (self), NULL);
  return gtk_label_get_label (self->summary_label);
}
