/* sc-sparkline-widget.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small widget around the sparkline of src/render: it keeps a copy of the
 * values and redraws only when they or the style change.
 */

#define G_LOG_DOMAIN "sc-sparkline-widget"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "sc-sparkline.h"
#include "sc-sparkline-widget.h"

struct _ScSparklineWidget
{
  GtkWidget  parent_instance;

  double    *values;
  guint      n_values;
  double     target;
  ScStatus   last_status;
};

G_DEFINE_FINAL_TYPE (ScSparklineWidget, sc_sparkline_widget, GTK_TYPE_WIDGET)

static void
on_dark_changed_cb (ScSparklineWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sc_sparkline_widget_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  ScSparklineWidget *self = SC_SPARKLINE_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  if (self->n_values == 0 || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sc_sparkline_draw (cr, dark ? SC_THEME_DARK : SC_THEME_LIGHT, width, height,
                     self->values, self->n_values, self->target, self->last_status);
  cairo_destroy (cr);
}

static void
sc_sparkline_widget_finalize (GObject *object)
{
  ScSparklineWidget *self = (ScSparklineWidget *)object;

  g_clear_pointer (&self->values, g_free);

  G_OBJECT_CLASS (sc_sparkline_widget_parent_class)->finalize (object);
}

static void
sc_sparkline_widget_class_init (ScSparklineWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sc_sparkline_widget_finalize;
  widget_class->snapshot = sc_sparkline_widget_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sc_sparkline_widget_init (ScSparklineWidget *self)
{
  self->target = NAN;
  gtk_widget_set_size_request (GTK_WIDGET (self), 96, 28);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sc_sparkline_widget_new (void)
{
  return g_object_new (SC_TYPE_SPARKLINE_WIDGET, NULL);
}

/* Copies @values; @description is what screen readers say about it. */
void
sc_sparkline_widget_set_values (ScSparklineWidget *self,
                                const double      *values,
                                guint              n_values,
                                double             target,
                                ScStatus           last_status,
                                const char        *description)
{
  g_return_if_fail (SC_IS_SPARKLINE_WIDGET (self));

  g_clear_pointer (&self->values, g_free);
  self->values = n_values ? g_memdup2 (values, n_values * sizeof (double)) : NULL;
  self->n_values = n_values;
  self->target = target;
  self->last_status = last_status;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description ? description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
