/* sc-weighting-group.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows that set a period weighting (docs/scoring.md, "A score over
 * several periods"): the weighting, the number of periods and the
 * half-life, the last two shown only when they apply. Used by the
 * preferences and the What If window; "changed" says when the user changed
 * it.
 */

#define G_LOG_DOMAIN "sc-weighting-group"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-weighting-group.h"

struct _ScWeightingGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  AdwComboRow         *mode_row;
  AdwActionRow        *periods_row;
  GtkSpinButton       *periods_spin;
  AdwActionRow        *half_life_row;
  GtkSpinButton       *half_life_spin;

  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (ScWeightingGroup, sc_weighting_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_rows (ScWeightingGroup *self)
{
  guint mode = adw_combo_row_get_selected (self->mode_row);

  gtk_widget_set_visible (GTK_WIDGET (self->periods_row), mode != SC_WEIGHTING_LATEST);
  gtk_widget_set_visible (GTK_WIDGET (self->half_life_row), mode == SC_WEIGHTING_EXPONENTIAL);
}

static void
on_value_changed_cb (ScWeightingGroup *self)
{
  update_rows (self);
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
sc_weighting_group_class_init (ScWeightingGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * ScWeightingGroup::changed:
   *
   * The user changed the weighting.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-weighting-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWeightingGroup, mode_row);
  gtk_widget_class_bind_template_child (widget_class, ScWeightingGroup, periods_row);
  gtk_widget_class_bind_template_child (widget_class, ScWeightingGroup, periods_spin);
  gtk_widget_class_bind_template_child (widget_class, ScWeightingGroup, half_life_row);
  gtk_widget_class_bind_template_child (widget_class, ScWeightingGroup, half_life_spin);
}

static void
sc_weighting_group_init (ScWeightingGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->periods_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Periods"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->half_life_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Half-life in periods"), -1);
  g_signal_connect_object (self->mode_row, "notify::selected", G_CALLBACK (on_value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->periods_spin, "value-changed", G_CALLBACK (on_value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->half_life_spin, "value-changed", G_CALLBACK (on_value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_rows (self);
}

GtkWidget *
sc_weighting_group_new (void)
{
  return g_object_new (SC_TYPE_WEIGHTING_GROUP, NULL);
}

/* The weighting the rows show; always a valid one. */
void
sc_weighting_group_get_weighting (ScWeightingGroup  *self,
                                  ScPeriodWeighting *weighting)
{
  g_return_if_fail (SC_IS_WEIGHTING_GROUP (self));
  g_return_if_fail (weighting != NULL);

  *weighting = SC_PERIOD_WEIGHTING_LATEST;
  weighting->mode = MIN (adw_combo_row_get_selected (self->mode_row), SC_WEIGHTING_EXPONENTIAL);
  if (weighting->mode == SC_WEIGHTING_LATEST)
    return;
  weighting->n_periods = (guint) gtk_spin_button_get_value_as_int (self->periods_spin);
  weighting->half_life = weighting->mode == SC_WEIGHTING_EXPONENTIAL
                         ? gtk_spin_button_get_value (self->half_life_spin) : 0;
}

/* Shows @weighting without emitting "changed". */
void
sc_weighting_group_set_weighting (ScWeightingGroup        *self,
                                  const ScPeriodWeighting *weighting)
{
  g_return_if_fail (SC_IS_WEIGHTING_GROUP (self));
  g_return_if_fail (weighting != NULL);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->mode_row, weighting->mode);
  if (weighting->mode != SC_WEIGHTING_LATEST)
    gtk_spin_button_set_value (self->periods_spin, weighting->n_periods);
  if (weighting->mode == SC_WEIGHTING_EXPONENTIAL)
    gtk_spin_button_set_value (self->half_life_spin, weighting->half_life);
  self->updating = FALSE;
  update_rows (self);
}
