/* sc-partner-row.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the partner sidebar: grade badge, name, type and score with the
 * count of red KPIs and open issues, and a sparkline of the overall score.
 */

#define G_LOG_DOMAIN "sc-partner-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-palette.h"
#include "sc-partner-row.h"
#include "sc-sparkline-widget.h"
#include "sc-tooltip.h"

struct _ScPartnerRow
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *grade_label;
  GtkLabel          *name_label;
  GtkLabel          *detail_label;
  ScSparklineWidget *sparkline;
};

G_DEFINE_FINAL_TYPE (ScPartnerRow, sc_partner_row, GTK_TYPE_WIDGET)

static void
sc_partner_row_dispose (GObject *object)
{
  ScPartnerRow *self = (ScPartnerRow *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sc_partner_row_parent_class)->dispose (object);
}

static void
sc_partner_row_class_init (ScPartnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_partner_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "partnerrow");
}

static GtkLabel *
row_label_new (const char *css_class,
               const char *css_class2)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  if (css_class2)
    gtk_widget_add_css_class (label, css_class2);
  return GTK_LABEL (label);
}

/* Built in code, not from a template: the sidebar makes a row for every
 * partner that scrolls or filters into view, and GtkBuilder cost half of
 * each row's making.
 */
static void
sc_partner_row_init (ScPartnerRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->grade_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->grade_label), GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (self->grade_label, 2);
  gtk_widget_add_css_class (GTK_WIDGET (self->grade_label), "grade-badge");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->grade_label));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  self->name_label = row_label_new (NULL, NULL);
  self->detail_label = row_label_new ("caption", "dim-label");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->detail_label));
  gtk_box_append (GTK_BOX (self->box), text);

  self->sparkline = SC_SPARKLINE_WIDGET (g_object_new (SC_TYPE_SPARKLINE_WIDGET, NULL));
  gtk_widget_set_size_request (GTK_WIDGET (self->sparkline), 64, 24);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->sparkline));
}

GtkWidget *
sc_partner_row_new (void)
{
  return g_object_new (SC_TYPE_PARTNER_ROW, NULL);
}

static const char *
grade_css_class (const char *grade)
{
  if (grade == NULL)
    return "grade-none";
  switch (grade[0])
    {
    case 'A': return "grade-a";
    case 'B': return "grade-b";
    case 'C': return "grade-c";
    default: return "grade-d";
    }
}

/* Shows @summary of @partner; @history is the overall score over the
 * workbook's periods.
 */
void
sc_partner_row_update (ScPartnerRow           *self,
                       ScPartner              *partner,
                       const ScPartnerSummary *summary,
                       const double           *history,
                       guint                   n_history,
                       guint                   open_issues)
{
  static const char *grade_classes[] = { "grade-a", "grade-b", "grade-c", "grade-d", "grade-none" };
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *spark_label = NULL;
  g_autofree char *tooltip = NULL;
  const char *name = sc_partner_get_name (partner);
  guint n_red = summary->n_red;

  g_return_if_fail (SC_IS_PARTNER_ROW (self));

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->grade_label, summary->grade ? summary->grade : "–");
  for (guint i = 0; i < G_N_ELEMENTS (grade_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->grade_label), grade_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->grade_label), grade_css_class (summary->grade));

  g_string_append (detail, sc_partner_type_get_label (sc_partner_get_partner_type (partner)));
  if (!isnan (summary->score))
    g_string_append_printf (detail, " · %.1f", summary->score);
  else
    g_string_append_printf (detail, " · %s", _("no data"));
  if (n_red > 0)
    /* Translators: number of KPIs in the red; the symbol marks the status */
    {
      g_string_append_printf (detail, " · %s ", sc_palette_status_symbol (SC_STATUS_RED));
      g_string_append_printf (detail, ngettext ("%u red", "%u red", n_red), n_red);
    }
  if (open_issues > 0)
    {
      g_string_append (detail, " · ");
      g_string_append_printf (detail, ngettext ("%u open issue", "%u open issues", open_issues),
                              open_issues);
    }
  gtk_label_set_label (self->detail_label, detail->str);

  tooltip = g_strdup_printf ("%s\n%s", name, detail->str);
  sc_tooltip_set_text (GTK_WIDGET (self), tooltip);

  spark_label = g_strdup_printf (_("Overall score over %u periods"), n_history);
  sc_sparkline_widget_set_values (self->sparkline, history, n_history, NAN,
                                  isnan (summary->score) ? SC_STATUS_NO_DATA :
                                  n_red > 0 ? SC_STATUS_RED : SC_STATUS_GREEN,
                                  spark_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}
