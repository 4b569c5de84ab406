/* sc-kpi-row.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the scorecard's KPI list: name, target and category, a sparkline
 * of the series, the value of the period and its status as symbol and word.
 */

#define G_LOG_DOMAIN "sc-kpi-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-kpi-row.h"
#include "sc-palette.h"
#include "sc-sparkline-widget.h"

static const char *
status_css_class (ScStatus status)
{
  switch (status)
    {
    case SC_STATUS_GREEN: return "status-green";
    case SC_STATUS_AMBER: return "status-amber";
    case SC_STATUS_RED: return "status-red";
    case SC_STATUS_NO_DATA:
    default: return "status-none";
    }
}

/* "Target ≥ 95.0 %", "Target ≤ 250 ppm" or "Target 20.0 – 25.0 °C". */
static char *
format_target (ScKpi  *kpi,
               double  target)
{
  g_autofree char *value = sc_kpi_format_value (kpi, target, TRUE);

  switch (sc_kpi_get_direction (kpi))
    {
    case SC_DIRECTION_LOWER:
      return g_strdup_printf (_("Target ≤ %s"), value);
    case SC_DIRECTION_BAND:
      {
        g_autofree char *low = sc_kpi_format_value (kpi, target, FALSE);
        g_autofree char *high = sc_kpi_format_value (kpi, sc_kpi_get_target_max (kpi), TRUE);
        return g_strdup_printf (_("Target %s – %s"), low, high);
      }
    case SC_DIRECTION_HIGHER:
    default:
      return g_strdup_printf (_("Target ≥ %s"), value);
    }
}

static char *
format_change (ScKpi  *kpi,
               double  value,
               double  previous)
{
  g_autofree char *delta = NULL;
  double change = value - previous;

  if (isnan (change))
    return NULL;

  delta = sc_kpi_format_value (kpi, fabs (change), FALSE);
  if (change > 0)
    return g_strdup_printf ("+%s", delta);
  if (change < 0)
    return g_strdup_printf ("−%s", delta);
  return g_strdup ("±0");
}

GtkWidget *
sc_kpi_row_new (ScWorkbook        *book,
                const ScKpiResult *result,
                const ScSeries    *series,
                ScPeriod           period)
{
  g_autofree char *target = format_target (result->kpi, result->target);
  g_autofree char *subtitle = NULL;
  g_autofree char *value = sc_kpi_format_value (result->kpi, result->value, TRUE);
  g_autofree char *change = format_change (result->kpi, result->value, result->previous);
  g_autofree char *status_text = NULL;
  g_autofree char *spark_label = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row, *sparkline, *value_box, *value_label, *status_label;
  guint n = MIN (sc_workbook_get_n_periods (book),
                 (guint) MAX (0, period - sc_workbook_get_first_period (book) + 1));

  subtitle = g_strdup_printf ("%s · %s", target, sc_category_get_label (sc_kpi_get_category (result->kpi)));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_kpi_get_name (result->kpi));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (*sc_kpi_get_description (result->kpi))
    gtk_widget_set_tooltip_text (row, sc_kpi_get_description (result->kpi));

  sparkline = sc_sparkline_widget_new ();
  spark_label = g_strdup_printf (_("%s over %u periods"), sc_kpi_get_name (result->kpi), n);
  sc_sparkline_widget_set_values (SC_SPARKLINE_WIDGET (sparkline), series->values, n,
                                  result->target, result->status, spark_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sparkline);

  value_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (value_box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (value_box, 110, -1);
  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_widget_add_css_class (value_label, "kpi-value");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_box_append (GTK_BOX (value_box), value_label);
  if (change != NULL)
    {
      GtkWidget *change_label = gtk_label_new (change);

      gtk_label_set_xalign (GTK_LABEL (change_label), 1);
      gtk_widget_add_css_class (change_label, "caption");
      gtk_widget_add_css_class (change_label, "dim-label");
      gtk_widget_add_css_class (change_label, "numeric");
      gtk_widget_set_tooltip_text (change_label, _("Change against the previous period"));
      gtk_box_append (GTK_BOX (value_box), change_label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_box);

  status_text = g_strdup_printf ("%s %s", sc_palette_status_symbol (result->status),
                                 sc_status_get_label (result->status));
  status_label = gtk_label_new (status_text);
  gtk_widget_set_size_request (status_label, 104, -1);
  gtk_label_set_xalign (GTK_LABEL (status_label), 0);
  gtk_widget_set_valign (status_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status_label, "status-badge");
  gtk_widget_add_css_class (status_label, status_css_class (result->status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);

  accessible = g_strdup_printf ("%s: %s, %s, %s", sc_kpi_get_name (result->kpi), value,
                                sc_status_get_label (result->status), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                  -1);

  return row;
}
