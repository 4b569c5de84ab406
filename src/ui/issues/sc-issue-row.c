/* sc-issue-row.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the Issues page: id and title; partner, KPI and period; owner
 * and due date, "Overdue" in words as well as in red; severity and status
 * as symbol-and-word badges. It follows its issue's changes while bound.
 */

#define G_LOG_DOMAIN "sc-issue-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-issue-row.h"

struct _ScIssueRow
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *box;
  GtkLabel   *id_label;
  GtkLabel   *title_label;
  GtkLabel   *context_label;
  GtkLabel   *owner_label;
  GtkLabel   *due_label;
  GtkLabel   *overdue_label;
  GtkLabel   *severity_label;
  GtkLabel   *status_label;
  GtkButton  *open_button;

  /* State */
  ScWorkbook *book;
  ScIssue    *issue;
  GDate       today;
};

G_DEFINE_FINAL_TYPE (ScIssueRow, sc_issue_row, GTK_TYPE_WIDGET)

static void
set_single_class (GtkWidget  *widget,
                  const char *prefix,
                  const char *css_class)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);

  for (guint i = 0; classes[i]; i++)
    {
      if (g_str_has_prefix (classes[i], prefix))
        gtk_widget_remove_css_class (widget, classes[i]);
    }
  gtk_widget_add_css_class (widget, css_class);
}

static void
update (ScIssueRow *self)
{
  ScIssue *issue = self->issue;
  const char *owner = sc_issue_get_owner (issue);
  const char *due = sc_issue_get_due (issue);
  gboolean overdue = sc_issue_is_overdue (issue, &self->today);
  g_autofree char *context = sc_issue_format_context (self->book, issue);
  g_autofree char *severity = sc_issue_format_severity (sc_issue_get_severity (issue));
  g_autofree char *status = sc_issue_format_status (sc_issue_get_status (issue));
  g_autofree char *due_text = NULL;
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->id_label, sc_issue_get_id (issue));
  gtk_label_set_label (self->title_label, sc_issue_get_title (issue));
  gtk_label_set_label (self->context_label, context);
  gtk_label_set_label (self->owner_label, *owner ? owner : _("No owner"));
  gtk_widget_set_visible (GTK_WIDGET (self->owner_label), TRUE);
  due_text = due ? g_strdup_printf (_("· Due %s"), due) : g_strdup (_("· No due date"));
  gtk_label_set_label (self->due_label, due_text);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "status-red");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "status-red");

  gtk_label_set_label (self->severity_label, severity);
  set_single_class (GTK_WIDGET (self->severity_label), "severity-",
                    sc_issue_severity_css_class (sc_issue_get_severity (issue)));
  gtk_label_set_label (self->status_label, status);
  set_single_class (GTK_WIDGET (self->status_label), "issue-status-",
                    sc_issue_status_css_class (sc_issue_get_status (issue)));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", sc_issue_get_id (issue));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "issues.open");

  accessible = g_strdup_printf ("%s %s: %s; %s; %s; %s%s", sc_issue_get_id (issue),
                                sc_issue_get_title (issue), context,
                                sc_severity_get_label (sc_issue_get_severity (issue)),
                                sc_issue_status_get_label (sc_issue_get_status (issue)),
                                due_text + strlen ("· "), overdue ? _("; overdue") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_issue_notify_cb (ScIssueRow *self)
{
  update (self);
}

static void
sc_issue_row_dispose (GObject *object)
{
  ScIssueRow *self = (ScIssueRow *)object;

  sc_issue_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ISSUE_ROW);

  G_OBJECT_CLASS (sc_issue_row_parent_class)->dispose (object);
}

static void
sc_issue_row_class_init (ScIssueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_issue_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-issue-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScIssueRow, box);
  gtk_widget_class_bind_template_child (widget_class, ScIssueRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, ScIssueRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScIssueRow, context_label);
  gtk_widget_class_bind_template_child (widget_class, ScIssueRow, owner_label);
  gtk_widget_class_bind_template_child (widget_class, ScIssueRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, ScIssueRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, ScIssueRow, severity_label);
  gtk_widget_class_bind_template_child (widget_class, ScIssueRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScIssueRow, open_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "issuerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sc_issue_row_init (ScIssueRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->today, 1);
}

/* Public API */

GtkWidget *
sc_issue_row_new (void)
{
  return g_object_new (SC_TYPE_ISSUE_ROW, NULL);
}

ScIssue *
sc_issue_row_get_issue (ScIssueRow *self)
{
  g_return_val_if_fail (SC_IS_ISSUE_ROW (self), NULL);
  return self->issue;
}

/* Shows @issue of @book, overdue as of @today, and follows its changes. */
void
sc_issue_row_bind (ScIssueRow  *self,
                   ScWorkbook  *book,
                   ScIssue     *issue,
                   const GDate *today)
{
  g_return_if_fail (SC_IS_ISSUE_ROW (self));
  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (SC_IS_ISSUE (issue));
  g_return_if_fail (today != NULL);

  sc_issue_row_unbind (self);
  self->book = g_object_ref (book);
  self->issue = g_object_ref (issue);
  self->today = *today;
  g_signal_connect_object (issue, "notify", G_CALLBACK (on_issue_notify_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

void
sc_issue_row_unbind (ScIssueRow *self)
{
  g_return_if_fail (SC_IS_ISSUE_ROW (self));

  if (self->issue != NULL)
    g_signal_handlers_disconnect_by_func (self->issue, on_issue_notify_cb, self);
  g_clear_object (&self->issue);
  g_clear_object (&self->book);
}

/* Severity and status as a symbol and a word, never colour alone */

char *
sc_issue_format_severity (ScSeverity severity)
{
  static const char *symbols[] = { "▽", "◇", "▲", "◆" };

  return g_strdup_printf ("%s %s", symbols[MIN (severity, SC_SEVERITY_CRITICAL)],
                          sc_severity_get_label (severity));
}

char *
sc_issue_format_status (ScIssueStatus status)
{
  static const char *symbols[] = { "○", "◐", "✓", "●" };

  return g_strdup_printf ("%s %s", symbols[MIN (status, SC_ISSUE_CLOSED)],
                          sc_issue_status_get_label (status));
}

const char *
sc_issue_severity_css_class (ScSeverity severity)
{
  static const char *classes[] = {
    "severity-low", "severity-medium", "severity-high", "severity-critical",
  };

  return classes[MIN (severity, SC_SEVERITY_CRITICAL)];
}

const char *
sc_issue_status_css_class (ScIssueStatus status)
{
  static const char *classes[] = {
    "issue-status-open", "issue-status-in-progress", "issue-status-resolved", "issue-status-closed",
  };

  return classes[MIN (status, SC_ISSUE_CLOSED)];
}

/* "Partner · KPI · Period", leaving out what the issue is not pinned to. */
char *
sc_issue_format_context (ScWorkbook *book,
                         ScIssue    *issue)
{
  ScPartner *partner = sc_workbook_lookup_partner (book, sc_issue_get_partner_id (issue));
  const char *kpi_id = sc_issue_get_kpi_id (issue);
  ScKpi *kpi = kpi_id ? sc_workbook_lookup_kpi (book, kpi_id) : NULL;
  ScPeriod period = sc_issue_get_period (issue);
  GString *text = g_string_new (partner ? sc_partner_get_name (partner) : sc_issue_get_partner_id (issue));

  if (kpi_id != NULL)
    g_string_append_printf (text, " · %s", kpi ? sc_kpi_get_name (kpi) : kpi_id);
  if (period != SC_PERIOD_NONE)
    {
      g_autofree char *label = sc_period_to_label (sc_workbook_get_granularity (book), period);

      g_string_append_printf (text, " · %s", label);
    }

  return g_string_free (text, FALSE);
}
