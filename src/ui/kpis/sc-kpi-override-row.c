/* sc-kpi-override-row.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One KPI on the KPI editor's partner page: the target and weight that apply
 * to this partner only. An empty field uses the definition's value, shown
 * as the placeholder; the reset button clears both.
 */

#define G_LOG_DOMAIN "sc-kpi-override-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-kpi-check.h"
#include "sc-kpi-override-row.h"

struct _ScKpiOverrideRow
{
  AdwActionRow   parent_instance;

  /* Child widgets */
  GtkEntry      *target_entry;
  GtkEntry      *weight_entry;
  GtkButton     *reset_button;

  /* Owned state */
  ScKpi         *kpi;
  ScPartner     *partner;

  /* Borrowed: the editor's pending edit of the partner's overrides */
  ScPendingEdit *pending;

  guint          syncing : 1;
  guint          applying : 1;
};

G_DEFINE_FINAL_TYPE (ScKpiOverrideRow, sc_kpi_override_row, ADW_TYPE_ACTION_ROW)

static void
update_definition (ScKpiOverrideRow *self)
{
  g_autofree char *target = sc_kpi_format_value (self->kpi, sc_kpi_get_target (self->kpi), TRUE);
  g_autofree char *target_text = sc_number_format (sc_kpi_get_target (self->kpi));
  g_autofree char *weight = sc_number_format (sc_kpi_get_weight (self->kpi));
  g_autofree char *subtitle = NULL;

  /* Translators: the KPI definition's values, which apply when there is no override */
  subtitle = g_strdup_printf (_("Definition: target %s, weight %s"), target, weight);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sc_kpi_get_name (self->kpi));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_entry_set_placeholder_text (self->target_entry, target_text);
  gtk_entry_set_placeholder_text (self->weight_entry, weight);
}

static void
set_entry (GtkEntry *entry,
           double    value)
{
  g_autofree char *text = sc_number_format (value);
  double current;

  if (sc_kpi_check_parse_number (gtk_editable_get_text (GTK_EDITABLE (entry)), &current) && current == value)
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
show_problem (ScKpiOverrideRow *self,
              GtkEntry         *entry,
              const char       *message)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->target_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->weight_entry), "error");

  if (message == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "sc-problem");
      update_definition (self);
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self), "sc-problem");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), message);
}

static void
sync_entries (ScKpiOverrideRow *self)
{
  double target, weight;
  gboolean has_override;

  has_override = sc_partner_get_override (self->partner, sc_kpi_get_id (self->kpi), &target, &weight);

  self->syncing = TRUE;
  set_entry (self->target_entry, target);
  set_entry (self->weight_entry, weight);
  self->syncing = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), has_override);
  show_problem (self, NULL, NULL);
}

/* Reads one entry: empty is NaN (no override), anything else a number. */
static gboolean
read_entry (GtkEntry  *entry,
            double    *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  *value = NAN;
  return *text == '\0' || sc_kpi_check_parse_number (text, value);
}

/* Checks the override target against the definition's thresholds. */
static char *
check_target (ScKpiOverrideRow *self,
              double            target)
{
  g_autoptr(ScKpi) kpi = NULL;
  char *message = NULL;

  if (isnan (target))
    return NULL;

  kpi = sc_kpi_copy (self->kpi);
  sc_kpi_set_target (kpi, target);
  sc_kpi_check (kpi, &message);
  return message;
}

static void
apply_entries (ScKpiOverrideRow *self)
{
  g_autofree char *message = NULL;
  g_autofree char *label = NULL;
  double target, weight;

  if (!read_entry (self->target_entry, &target))
    {
      show_problem (self, self->target_entry, _("The target must be a number"));
      return;
    }
  if (!read_entry (self->weight_entry, &weight) || weight < 0)
    {
      show_problem (self, self->weight_entry, _("The weight must be a number of 0 or more"));
      return;
    }
  if ((message = check_target (self, target)) != NULL)
    {
      show_problem (self, self->target_entry, message);
      return;
    }

  /* Translators: an undo step; the KPI's name, then the partner's */
  label = g_strdup_printf (_("Override %s for %s"), sc_kpi_get_name (self->kpi),
                           sc_partner_get_name (self->partner));
  sc_pending_edit_begin (self->pending, label);
  self->applying = TRUE;
  sc_partner_set_override (self->partner, sc_kpi_get_id (self->kpi), target, weight);
  self->applying = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), !isnan (target) || !isnan (weight));
  show_problem (self, NULL, NULL);
}

/* Callbacks */

static void
on_entry_changed_cb (ScKpiOverrideRow *self)
{
  if (!self->syncing)
    apply_entries (self);
}

static void
on_focus_left_cb (ScKpiOverrideRow *self)
{
  sc_pending_edit_commit (self->pending);
}

static void
on_reset_clicked_cb (ScKpiOverrideRow *self)
{
  g_autofree char *label = NULL;

  /* Translators: an undo step; the KPI's name, then the partner's */
  label = g_strdup_printf (_("Reset %s for %s"), sc_kpi_get_name (self->kpi),
                           sc_partner_get_name (self->partner));
  sc_pending_edit_commit (self->pending);
  sc_pending_edit_begin (self->pending, label);
  sc_partner_set_override (self->partner, sc_kpi_get_id (self->kpi), NAN, NAN);
  sc_pending_edit_commit (self->pending);
  sync_entries (self);
}

static void
on_kpi_notified_cb (ScKpiOverrideRow *self)
{
  if (!gtk_widget_has_css_class (GTK_WIDGET (self), "sc-problem"))
    update_definition (self);
}

static void
on_partner_changed_cb (ScKpiOverrideRow *self)
{
  if (!self->applying)
    sync_entries (self);
}

/* Building */

/* A caption over an entry, in @column of the fields' grid. */
static GtkEntry *
add_field (ScKpiOverrideRow *self,
           GtkGrid          *grid,
           int               column,
           const char       *caption,
           const char       *accessible)
{
  GtkWidget *label = gtk_label_new (caption);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  /* A fixed width, so that the fields line up in columns down the page */
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 7);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, focus);

  gtk_grid_attach (grid, label, column, 0, 1, 1);
  gtk_grid_attach (grid, entry, column, 1, 1, 1);

  return GTK_ENTRY (entry);
}

static void
sc_kpi_override_row_finalize (GObject *object)
{
  ScKpiOverrideRow *self = (ScKpiOverrideRow *)object;

  g_clear_object (&self->kpi);
  g_clear_object (&self->partner);

  G_OBJECT_CLASS (sc_kpi_override_row_parent_class)->finalize (object);
}

static void
sc_kpi_override_row_class_init (ScKpiOverrideRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_kpi_override_row_finalize;
}

static void
sc_kpi_override_row_init (ScKpiOverrideRow *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-clear-symbolic");

  gtk_widget_add_css_class (GTK_WIDGET (self), "override-row");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_valign (grid, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  self->target_entry = add_field (self, GTK_GRID (grid), 0, _("Target"), _("Target for this partner"));
  self->weight_entry = add_field (self, GTK_GRID (grid), 1, _("Weight"), _("Weight for this partner"));

  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (reset, _("Use the definition’s target and weight"));
  gtk_widget_add_css_class (reset, "flat");
  g_signal_connect_object (reset, "clicked", G_CALLBACK (on_reset_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (GTK_GRID (grid), reset, 2, 1, 1, 1);
  self->reset_button = GTK_BUTTON (reset);

  adw_action_row_add_suffix (ADW_ACTION_ROW (self), grid);
}

/* Public API */

/* @pending records edits of @partner's overrides; the caller keeps it
 * alive for as long as the row.
 */
GtkWidget *
sc_kpi_override_row_new (ScKpi         *kpi,
                         ScPartner     *partner,
                         ScPendingEdit *pending)
{
  ScKpiOverrideRow *self;

  g_return_val_if_fail (SC_IS_KPI (kpi), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (pending != NULL, NULL);

  self = g_object_new (SC_TYPE_KPI_OVERRIDE_ROW, NULL);
  self->kpi = g_object_ref (kpi);
  self->partner = g_object_ref (partner);
  self->pending = pending;

  g_signal_connect_object (kpi, "notify", G_CALLBACK (on_kpi_notified_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (partner, "changed", G_CALLBACK (on_partner_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sync_entries (self);

  return GTK_WIDGET (self);
}

ScKpi *
sc_kpi_override_row_get_kpi (ScKpiOverrideRow *self)
{
  g_return_val_if_fail (SC_IS_KPI_OVERRIDE_ROW (self), NULL);
  return self->kpi;
}

GtkEditable *
sc_kpi_override_row_get_target (ScKpiOverrideRow *self)
{
  g_return_val_if_fail (SC_IS_KPI_OVERRIDE_ROW (self), NULL);
  return GTK_EDITABLE (self->target_entry);
}

GtkEditable *
sc_kpi_override_row_get_weight (ScKpiOverrideRow *self)
{
  g_return_val_if_fail (SC_IS_KPI_OVERRIDE_ROW (self), NULL);
  return GTK_EDITABLE (self->weight_entry);
}

GtkButton *
sc_kpi_override_row_get_reset (ScKpiOverrideRow *self)
{
  g_return_val_if_fail (SC_IS_KPI_OVERRIDE_ROW (self), NULL);
  return self->reset_button;
}
