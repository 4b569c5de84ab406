/* sc-kpi-table.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The KPI table of a scorecard: KPI, value, target, change, status (as a
 * symbol and a word) and a sparkline, sortable by each column — "worst
 * first" is one click on Status. The last column notes an issue on that
 * KPI ("create-issue").
 */

#define G_LOG_DOMAIN "sc-kpi-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-kpi-table.h"
#include "sc-palette.h"
#include "sc-sparkline-widget.h"
#include "sc-tooltip.h"

struct _ScKpiTable
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkWidget        *scroller;
  GtkColumnView    *view;

  /* Owned state */
  GtkSortListModel *sorted;
  GPtrArray        *columns;   /* GtkColumnViewColumn, by ScKpiColumn */
};

G_DEFINE_FINAL_TYPE (ScKpiTable, sc_kpi_table, GTK_TYPE_WIDGET)

enum {
  CREATE_ISSUE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Cells */

static GtkWidget *
new_label (float       xalign,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = new_label (0, NULL);
  GtkWidget *details = new_label (0, "caption");

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 12);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  ScKpiItem *kpi = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (GTK_LABEL (name), sc_kpi_item_get_name (kpi));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (name)), sc_kpi_item_get_details (kpi));
  tooltip = g_strdup_printf ("%s\n%s", sc_kpi_item_get_name (kpi),
                             sc_kpi_get_description (sc_kpi_item_get_kpi (kpi)));
  sc_tooltip_set_text (box, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sc_kpi_item_get_description (kpi),
                                  -1);
}

static void
setup_value_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = new_label (1, "kpi-value");

  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_value_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       sc_kpi_item_get_value_text (gtk_list_item_get_item (item)));
}

static void
setup_dim_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = new_label (1, "dim-label");

  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_target_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       sc_kpi_item_get_target_text (gtk_list_item_get_item (item)));
}

static void
bind_change_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       sc_kpi_item_get_change_text (gtk_list_item_get_item (item)));
}

/* By ScStatus: a KPI without a target is not judged, as one without data */
static const char *status_classes[SC_N_STATUSES] = { "status-none", "status-green", "status-amber", "status-red",
                                                     "status-none" };

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, new_label (0, "status-badge"));
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  ScKpiItem *kpi = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (label, status_classes[i]);
  gtk_widget_add_css_class (label, status_classes[sc_kpi_item_get_status (kpi)]);
  gtk_label_set_label (GTK_LABEL (label), sc_kpi_item_get_status_text (kpi));
}

static void
setup_trend_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_list_item_set_child (item, sc_sparkline_widget_new ());
}

static void
bind_trend_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  ScKpiItem *kpi = gtk_list_item_get_item (item);
  g_autofree char *label = NULL;
  const double *values;
  guint n;

  values = sc_kpi_item_get_history (kpi, &n);
  label = g_strdup_printf (_("%s over %u periods"), sc_kpi_item_get_name (kpi), n);
  sc_sparkline_widget_set_values (SC_SPARKLINE_WIDGET (gtk_list_item_get_child (item)), values, n,
                                  sc_kpi_item_get_target (kpi), sc_kpi_item_get_status (kpi), label);
}

static void
on_note_clicked_cb (GtkButton  *button,
                    ScKpiTable *self)
{
  ScKpiItem *kpi = g_object_get_data (G_OBJECT (button), "item");

  if (kpi != NULL)
    g_signal_emit (self, signals[CREATE_ISSUE], 0, sc_kpi_item_get_kpi (kpi));
}

static void
setup_actions_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ScKpiTable               *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (on_note_clicked_cb), self);
  gtk_list_item_set_child (item, button);
}

static void
bind_actions_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  ScKpiItem *kpi = gtk_list_item_get_item (item);
  GtkWidget *button = gtk_list_item_get_child (item);
  g_autofree char *tooltip = g_strdup_printf (_("Note an Issue on %s…"), sc_kpi_item_get_name (kpi));

  g_object_set_data (G_OBJECT (button), "item", kpi);
  sc_tooltip_set_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

/* Sorting: missing values last whatever the direction would put first */

static int
compare_numbers (double a,
                 double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a > b) - (a < b);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  ScKpiItem *ia = (ScKpiItem *) a, *ib = (ScKpiItem *) b;
  /* By ScStatus: red first, then amber, green, no target, no data last */
  static const int severity[SC_N_STATUSES] = { 4, 2, 1, 0, 3 };

  switch (GPOINTER_TO_INT (user_data))
    {
    case SC_KPI_COLUMN_VALUE:
      return compare_numbers (sc_kpi_item_get_value (ia), sc_kpi_item_get_value (ib));
    case SC_KPI_COLUMN_TARGET:
      return compare_numbers (sc_kpi_item_get_target (ia), sc_kpi_item_get_target (ib));
    case SC_KPI_COLUMN_CHANGE:
      return compare_numbers (sc_kpi_item_get_change (ia), sc_kpi_item_get_change (ib));
    case SC_KPI_COLUMN_STATUS:
    case SC_KPI_COLUMN_TREND:
      {
        int order = severity[sc_kpi_item_get_status (ia)] - severity[sc_kpi_item_get_status (ib)];
        return order ? order : compare_numbers (sc_kpi_item_get_score (ia), sc_kpi_item_get_score (ib));
      }
    case SC_KPI_COLUMN_NAME:
    default:
      return g_utf8_collate (sc_kpi_item_get_name (ia), sc_kpi_item_get_name (ib));
    }
}

static void
add_column (ScKpiTable  *self,
            ScKpiColumn  column,
            const char  *title,
            GCallback    setup,
            GCallback    bind,
            gboolean     sortable)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  if (sortable)
    {
      /* the column takes a reference of its own */
      g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (column), NULL);

      gtk_column_view_column_set_sorter (col, GTK_SORTER (sorter));
    }
  gtk_column_view_append_column (self->view, col);
  g_ptr_array_add (self->columns, g_object_ref (col));
}

static void
sc_kpi_table_dispose (GObject *object)
{
  ScKpiTable *self = (ScKpiTable *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_KPI_TABLE);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_kpi_table_parent_class)->dispose (object);
}

static void
sc_kpi_table_class_init (ScKpiTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kpi_table_dispose;

  /**
   * ScKpiTable::create-issue:
   * @kpi: the KPI of the row
   *
   * The user asked to note an issue on @kpi.
   */
  signals[CREATE_ISSUE] =
    g_signal_new ("create-issue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_KPI);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-kpi-table.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKpiTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScKpiTable, view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Wide enough for the longest status in the language in use ("● Dans
 * l’objectif"), as its badge draws it, and never narrower than before.
 */
static int
status_column_width (void)
{
  GtkWidget *label = g_object_ref_sink (new_label (0, "status-badge"));
  int widest = 0;

  for (ScStatus status = SC_STATUS_NO_DATA; status <= SC_STATUS_NO_TARGET; status++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", sc_palette_status_symbol (status),
                                               sc_status_get_label (status));
      int natural = 0;

      gtk_label_set_label (GTK_LABEL (label), text);
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural);
    }
  g_object_unref (label);
  /* the cell's padding */
  return MAX (120, widest + 12);
}

static void
sc_kpi_table_init (ScKpiTable *self)
{
  GtkColumnViewColumn *name;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);

  add_column (self, SC_KPI_COLUMN_NAME, _("KPI"), G_CALLBACK (setup_name_cb), G_CALLBACK (bind_name_cb), TRUE);
  add_column (self, SC_KPI_COLUMN_VALUE, _("Value"), G_CALLBACK (setup_value_cb), G_CALLBACK (bind_value_cb), TRUE);
  add_column (self, SC_KPI_COLUMN_TARGET, _("Target"), G_CALLBACK (setup_dim_cb), G_CALLBACK (bind_target_cb), TRUE);
  add_column (self, SC_KPI_COLUMN_CHANGE, _("Change"), G_CALLBACK (setup_dim_cb), G_CALLBACK (bind_change_cb), TRUE);
  add_column (self, SC_KPI_COLUMN_STATUS, _("Status"), G_CALLBACK (setup_status_cb), G_CALLBACK (bind_status_cb), TRUE);
  add_column (self, SC_KPI_COLUMN_TREND, _("Trend"), G_CALLBACK (setup_trend_cb), G_CALLBACK (bind_trend_cb), FALSE);
  add_column (self, SC_KPI_COLUMN_ACTIONS, NULL, G_CALLBACK (setup_actions_cb), G_CALLBACK (bind_actions_cb), FALSE);

  name = g_ptr_array_index (self->columns, SC_KPI_COLUMN_NAME);
  gtk_column_view_column_set_expand (name, TRUE);
  gtk_column_view_column_set_fixed_width (g_ptr_array_index (self->columns, SC_KPI_COLUMN_STATUS),
                                          status_column_width ());

  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->view)));
  gtk_column_view_set_model (self->view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))));
}

GtkWidget *
sc_kpi_table_new (void)
{
  return g_object_new (SC_TYPE_KPI_TABLE, NULL);
}

/* Shows @items (ScKpiItem), keeping the user's sort order. */
void
sc_kpi_table_set_items (ScKpiTable *self,
                        GListStore *items)
{
  g_return_if_fail (SC_IS_KPI_TABLE (self));

  gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (items));
}

/* The rows in the order shown. */
GListModel *
sc_kpi_table_get_items (ScKpiTable *self)
{
  g_return_val_if_fail (SC_IS_KPI_TABLE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
sc_kpi_table_sort_by (ScKpiTable  *self,
                      ScKpiColumn  column,
                      GtkSortType  order)
{
  g_return_if_fail (SC_IS_KPI_TABLE (self));
  g_return_if_fail (column < self->columns->len);

  gtk_column_view_sort_by_column (self->view, g_ptr_array_index (self->columns, column), order);
}

/* The row of the KPI named @kpi_name, or NULL. */
ScKpiItem *
sc_kpi_table_find (ScKpiTable *self,
                   const char *kpi_name)
{
  GListModel *model;

  g_return_val_if_fail (SC_IS_KPI_TABLE (self), NULL);

  model = G_LIST_MODEL (self->sorted);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScKpiItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (sc_kpi_item_get_name (item), kpi_name) == 0)
        return item;
    }

  return NULL;
}
