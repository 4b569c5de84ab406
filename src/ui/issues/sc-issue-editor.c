/* sc-issue-editor.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window that creates or edits one issue: what is wrong, what is being
 * done, who owns it and by when, with the issue's history underneath.
 * Nothing changes until Create or Save; then every changed field is one
 * undo step (sc-issue-edit.c), so a history entry is a field, not a
 * keystroke.
 */

#define G_LOG_DOMAIN "sc-issue-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sc-enum-types.h"
#include "sc-issue-edit.h"
#include "sc-issue-editor.h"
#include "sc-issue-editor-private.h"
#include "sc-issue-row.h"

struct _ScIssueEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkButton        *save_button;
  AdwEntryRow      *title_row;
  AdwComboRow      *partner_row;
  AdwComboRow      *kpi_row;
  AdwComboRow      *period_row;
  GtkTextView      *description_view;
  GtkTextView      *action_view;
  AdwComboRow      *severity_row;
  AdwComboRow      *status_row;
  AdwEntryRow      *owner_row;
  AdwActionRow     *due_row;
  GtkEntry         *due_entry;
  GtkPopover       *calendar_popover;
  GtkCalendar      *calendar;
  AdwEntryRow      *reference_row;
  AdwPreferencesGroup *history_group;
  GtkListBox       *history_list;
  GtkButton        *delete_button;

  /* Owned state */
  ScWorkbook       *book;
  ScUndoStack      *undo_stack;
  ScIssue          *issue;        /* NULL while creating */
  char             *review_id;    /* a new issue is an action item of this review */
  GPtrArray        *kpi_ids;      /* char*, parallel to kpi_row; NULL for "None" */
  GArray           *periods;      /* ScPeriod, parallel to period_row */
  AdwMessageDialog *delete_dialog; /* weak */
  GValue            loaded[10];   /* the fields as opened (N_FIELDS) */

  guint             loading : 1;
  guint             has_loaded : 1;
};

G_DEFINE_FINAL_TYPE (ScIssueEditor, sc_issue_editor, ADW_TYPE_WINDOW)

#define N_FIELDS 10
G_STATIC_ASSERT (N_FIELDS == G_N_ELEMENTS (((ScIssueEditor *) NULL)->loaded));

/* The fields in the order of collect_values() */
static const char *field_names[N_FIELDS] = {
  "title", "description", "action", "owner", "due", "reference",
  "kpi-id", "period", "severity", "status",
};

/* Helpers */

static char *
dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static ScPartner *
selected_partner (ScIssueEditor *self)
{
  return adw_combo_row_get_selected_item (self->partner_row);
}

static const char *
due_text (ScIssueEditor *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->due_entry));
}

static gboolean
due_is_valid (ScIssueEditor *self)
{
  const char *text = due_text (self);

  return *text == '\0' || sc_date_is_valid_iso (text);
}

static gboolean
title_is_valid (ScIssueEditor *self)
{
  g_autofree char *title = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));

  return *title != '\0';
}

/* The editor's values of field_names, as GValues of the properties' types. */
static void
collect_values (ScIssueEditor *self,
                GValue        *values)
{
  guint kpi = adw_combo_row_get_selected (self->kpi_row);
  guint period = adw_combo_row_get_selected (self->period_row);
  const char *due = due_text (self);

  for (guint i = 0; i < 7; i++)
    g_value_init (&values[i], G_TYPE_STRING);
  g_value_take_string (&values[0], dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_value_take_string (&values[1], buffer_text (self->description_view));
  g_value_take_string (&values[2], buffer_text (self->action_view));
  g_value_take_string (&values[3], dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->owner_row))));
  g_value_set_string (&values[4], *due ? due : NULL);
  g_value_take_string (&values[5], dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
  g_value_set_string (&values[6], kpi < self->kpi_ids->len ? g_ptr_array_index (self->kpi_ids, kpi) : NULL);
  g_value_init (&values[7], G_TYPE_INT);
  g_value_set_int (&values[7], period < self->periods->len
                               ? g_array_index (self->periods, ScPeriod, period) : SC_PERIOD_NONE);
  g_value_init (&values[8], SC_TYPE_SEVERITY);
  g_value_set_enum (&values[8], MIN (adw_combo_row_get_selected (self->severity_row), SC_SEVERITY_CRITICAL));
  g_value_init (&values[9], SC_TYPE_ISSUE_STATUS);
  g_value_set_enum (&values[9], MIN (adw_combo_row_get_selected (self->status_row), SC_ISSUE_CLOSED));
}

static void
clear_values (GValue *values)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_value_unset (&values[i]);
}

/* Whether field @i of @a and @b (values of the editor) differ. */
static gboolean
field_differs (ScIssueEditor *self,
               guint          i,
               const GValue  *a,
               const GValue  *b)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->issue), field_names[i]);
  g_auto(GValue) x = G_VALUE_INIT;
  g_auto(GValue) y = G_VALUE_INIT;

  g_value_init (&x, pspec->value_type);
  g_value_init (&y, pspec->value_type);
  g_value_transform (a, &x);
  g_value_transform (b, &y);
  return g_param_values_cmp (pspec, &x, &y) != 0;
}

/* TRUE when a value of @values differs from the issue's. */
static gboolean
has_changes (ScIssueEditor *self,
             const GValue  *values)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->issue), field_names[i]);
      g_auto(GValue) current = G_VALUE_INIT;
      g_auto(GValue) edited = G_VALUE_INIT;

      g_value_init (&current, pspec->value_type);
      g_object_get_property (G_OBJECT (self->issue), field_names[i], &current);
      g_value_init (&edited, pspec->value_type);
      g_value_transform (&values[i], &edited);
      if (g_param_values_cmp (pspec, &current, &edited) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
update_due_state (ScIssueEditor *self)
{
  if (due_is_valid (self))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "issue-field-invalid");
      adw_action_row_set_subtitle (self->due_row, _("Optional, as YYYY-MM-DD"));
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->due_entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "issue-field-invalid");
      adw_action_row_set_subtitle (self->due_row, _("Not a date: write it as YYYY-MM-DD, e.g. 2025-04-30"));
    }
}

/* Save/Create is possible with a title, a valid due date and (when
 * editing) a change.
 */
static void
update_state (ScIssueEditor *self)
{
  gboolean valid;

  if (self->loading)
    return;

  update_due_state (self);
  valid = title_is_valid (self) && due_is_valid (self) && selected_partner (self) != NULL;
  if (valid && self->issue != NULL)
    {
      GValue values[N_FIELDS] = { G_VALUE_INIT };

      collect_values (self, values);
      valid = has_changes (self, values);
      clear_values (values);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
}

/* The choice lists */

/* "None" and the KPIs the partner has data for, in the workbook's order;
 * every KPI when it has none yet. @keep stays in the list whatever.
 */
static void
fill_kpis (ScIssueEditor *self,
           const char    *keep)
{
  ScPartner *partner = selected_partner (self);
  GListModel *kpis = sc_workbook_get_kpis (self->book);
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->kpi_ids, 0);
  gtk_string_list_append (labels, _("None"));
  g_ptr_array_add (self->kpi_ids, NULL);
  if (partner != NULL)
    series = sc_workbook_dup_partner_series (self->book, partner);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);
      gboolean used = series == NULL || series->len == 0;

      for (guint k = 0; !used && k < series->len; k++)
        used = ((ScSeries *) g_ptr_array_index (series, k))->kpi == kpi;
      if (!used && g_strcmp0 (keep, sc_kpi_get_id (kpi)) != 0)
        continue;
      if (g_strcmp0 (keep, sc_kpi_get_id (kpi)) == 0)
        selected = self->kpi_ids->len;
      gtk_string_list_append (labels, sc_kpi_get_name (kpi));
      g_ptr_array_add (self->kpi_ids, g_strdup (sc_kpi_get_id (kpi)));
    }
  if (keep != NULL && selected == 0)
    {
      /* Pinned to a KPI the workbook no longer defines: keep it */
      selected = self->kpi_ids->len;
      gtk_string_list_append (labels, keep);
      g_ptr_array_add (self->kpi_ids, g_strdup (keep));
    }

  adw_combo_row_set_model (self->kpi_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->kpi_row, selected);
}

/* "None" and the workbook's periods, newest first. */
static void
fill_periods (ScIssueEditor *self,
              ScPeriod       keep)
{
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  ScPeriod first = sc_workbook_get_first_period (self->book);
  guint n = sc_workbook_get_n_periods (self->book);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  ScPeriod none = SC_PERIOD_NONE;
  guint selected = 0;

  g_array_set_size (self->periods, 0);
  gtk_string_list_append (labels, _("None"));
  g_array_append_val (self->periods, none);

  if (keep != SC_PERIOD_NONE && (n == 0 || keep < first || keep >= first + (ScPeriod) n))
    {
      g_autofree char *label = sc_period_to_label (granularity, keep);

      selected = self->periods->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->periods, keep);
    }
  for (guint i = n; i > 0; i--)
    {
      ScPeriod period = first + (ScPeriod) i - 1;
      g_autofree char *label = sc_period_to_label (granularity, period);

      if (period == keep)
        selected = self->periods->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->periods, period);
    }

  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->period_row, selected);
}

static void
fill_enums (ScIssueEditor *self)
{
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  for (ScSeverity s = SC_SEVERITY_LOW; s <= SC_SEVERITY_CRITICAL; s++)
    {
      g_autofree char *text = sc_issue_format_severity (s);
      gtk_string_list_append (severities, text);
    }
  for (ScIssueStatus s = SC_ISSUE_OPEN; s <= SC_ISSUE_CLOSED; s++)
    {
      g_autofree char *text = sc_issue_format_status (s);
      gtk_string_list_append (statuses, text);
    }
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (severities));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

/* History */

static const char *
field_label (const char *field)
{
  static const struct { const char *field, *label; } labels[] = {
    { "title", N_("Title") }, { "description", N_("Description") },
    { "action", N_("Corrective action") }, { "owner", N_("Owner") },
    { "due", N_("Due date") }, { "reference", N_("Reference") },
    { "kpi_id", N_("KPI") }, { "kpi-id", N_("KPI") }, { "period", N_("Period") },
    { "severity", N_("Severity") }, { "status", N_("Status") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_str_equal (labels[i].field, field))
        return _(labels[i].label);
    }
  return field;
}

/* A history value as the user knows it: labels, names, "—" for none. */
static char *
format_history_value (ScIssueEditor *self,
                      const char    *field,
                      const char    *value)
{
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  ScSeverity severity;
  ScIssueStatus status;
  ScPeriod period;
  ScKpi *kpi;

  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  if (g_str_equal (field, "status") && sc_issue_status_from_string (value, &status))
    return g_strdup (sc_issue_status_get_label (status));
  if (g_str_equal (field, "severity") && sc_severity_from_string (value, &severity))
    return g_strdup (sc_severity_get_label (severity));
  if (g_str_has_prefix (field, "kpi") && (kpi = sc_workbook_lookup_kpi (self->book, value)))
    return g_strdup (sc_kpi_get_name (kpi));
  /* Periods are written as in the file: "2025-03", "2025-Q1", "2025-W12" */
  if (g_str_equal (field, "period") &&
      (sc_period_parse (granularity, value, &period) ||
       sc_period_parse_any (value, &granularity, &period)))
    return sc_period_to_label (granularity, period);
  if (g_utf8_strlen (value, -1) > 40)
    {
      g_autofree char *cut = g_utf8_substring (value, 0, 39);
      return g_strdup_printf ("%s…", g_strdelimit (cut, "\r\n\t", ' '));
    }
  return g_strdelimit (g_strdup (value), "\r\n\t", ' ');
}

static GtkWidget *
history_row_new (ScIssueEditor       *self,
                 const ScIssueChange *change)
{
  g_autofree char *old_value = format_history_value (self, change->field, change->old_value);
  g_autofree char *new_value = format_history_value (self, change->field, change->new_value);
  g_autoptr(GDateTime) local = g_date_time_to_local (change->time);
  /* Translators: a history entry, e.g. "Status: Open → In progress" */
  g_autofree char *title = g_strdup_printf (_("%s: %s → %s"), field_label (change->field),
                                            old_value, new_value);
  /* Translators: date and time of a history entry, in the locale's format */
  g_autofree char *when = g_date_time_format (local, _("%x %H:%M"));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (change->old_value || change->new_value)
    {
      g_autofree char *tooltip = g_strdup_printf ("%s\n→\n%s", change->old_value ? change->old_value : "—",
                                                  change->new_value ? change->new_value : "—");
      gtk_widget_set_tooltip_text (row, tooltip);
    }
  return row;
}

/* Newest first; the group hides while there is nothing to show. */
static void
fill_history (ScIssueEditor *self)
{
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))))
    gtk_list_box_remove (self->history_list, child);

  n = self->issue ? sc_issue_get_n_changes (self->issue) : 0;
  for (guint i = n; i > 0; i--)
    gtk_list_box_append (self->history_list, history_row_new (self, sc_issue_get_change (self->issue, i - 1)));
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), n > 0);
}

/* Loading the fields */

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static void
select_partner (ScIssueEditor *self,
                const char    *partner_id)
{
  GListModel *partners = sc_workbook_get_partners (self->book);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);

      if (g_strcmp0 (sc_partner_get_id (partner), partner_id) == 0)
        {
          adw_combo_row_set_selected (self->partner_row, i);
          return;
        }
    }
}

static void
load_issue (ScIssueEditor *self)
{
  ScIssue *issue = self->issue;
  g_autofree char *title = g_strdup_printf (_("Issue %s"), sc_issue_get_id (issue));

  self->loading = TRUE;
  adw_window_title_set_title (self->window_title, title);
  gtk_button_set_label (self->save_button, _("_Save"));
  select_partner (self, sc_issue_get_partner_id (issue));
  gtk_widget_set_sensitive (GTK_WIDGET (self->partner_row), FALSE);
  fill_kpis (self, sc_issue_get_kpi_id (issue));
  fill_periods (self, sc_issue_get_period (issue));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), sc_issue_get_title (issue));
  set_buffer_text (self->description_view, sc_issue_get_description (issue));
  set_buffer_text (self->action_view, sc_issue_get_action (issue));
  adw_combo_row_set_selected (self->severity_row, sc_issue_get_severity (issue));
  adw_combo_row_set_selected (self->status_row, sc_issue_get_status (issue));
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), sc_issue_get_owner (issue));
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), sc_issue_get_due (issue) ? sc_issue_get_due (issue) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), sc_issue_get_reference (issue));
  fill_history (self);
  self->loading = FALSE;
  if (self->has_loaded)
    clear_values (self->loaded);
  collect_values (self, self->loaded);
  self->has_loaded = TRUE;
  update_state (self);
}

/* Callbacks */

static void
on_field_changed_cb (ScIssueEditor *self)
{
  update_state (self);
}

static void
on_partner_selected_cb (ScIssueEditor *self)
{
  guint kpi = adw_combo_row_get_selected (self->kpi_row);
  const char *keep = kpi < self->kpi_ids->len ? g_ptr_array_index (self->kpi_ids, kpi) : NULL;
  g_autofree char *kept = g_strdup (keep);

  if (self->kpi_ids == NULL || self->loading)
    return;
  fill_kpis (self, kept);
  update_state (self);
}

static void
on_day_selected_cb (ScIssueEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), text);
  gtk_popover_popdown (self->calendar_popover);
}

/* Opens the calendar on the entered date, or today. */
static void
on_calendar_popover_shown_cb (ScIssueEditor *self)
{
  int y, m, d;
  g_autoptr(GDateTime) date = NULL;

  if (sc_date_is_valid_iso (due_text (self)) && sscanf (due_text (self), "%d-%d-%d", &y, &m, &d) == 3)
    date = g_date_time_new_local (y, m, d, 0, 0, 0);
  else
    date = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (self->calendar, on_day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, date);
  g_signal_handlers_unblock_by_func (self->calendar, on_day_selected_cb, self);
}

/* Actions */

static void
create_issue (ScIssueEditor *self,
              const GValue  *values)
{
  ScPartner *partner = selected_partner (self);
  g_autofree char *id = sc_workbook_next_issue_id (self->book);
  g_autoptr(ScIssue) issue = sc_issue_new (id, sc_partner_get_id (partner), g_value_get_string (&values[0]));

  g_object_setv (G_OBJECT (issue), N_FIELDS, field_names, values);
  sc_issue_set_review_id (issue, self->review_id);
  sc_issue_edit_add (self->undo_stack, self->book, issue);
  g_set_object (&self->issue, issue);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ScIssueEditor *self = SC_ISSUE_EDITOR (widget);
  GValue values[N_FIELDS] = { G_VALUE_INIT };

  if (!title_is_valid (self) || !due_is_valid (self) || selected_partner (self) == NULL)
    return;

  collect_values (self, values);
  if (self->issue == NULL)
    create_issue (self, values);
  else
    {
      g_autofree char *label = g_strdup_printf (_("Edit Issue “%s”"), g_value_get_string (&values[0]));
      const char *names[N_FIELDS];
      GValue changed[N_FIELDS];
      guint n = 0;

      /* Only the fields changed here: what someone else changed in a team
       * workbook while the editor was open stays theirs
       */
      for (guint i = 0; i < N_FIELDS; i++)
        if (!self->has_loaded || field_differs (self, i, &values[i], &self->loaded[i]))
          {
            names[n] = field_names[i];
            changed[n++] = values[i];
          }
      if (n > 0)
        sc_issue_edit_setv (self->undo_stack, self->issue, label, n, names, changed);
    }
  clear_values (values);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_response_cb (ScIssueEditor    *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "delete") != 0 || self->issue == NULL)
    return;

  sc_issue_edit_remove (self->undo_stack, self->book, self->issue);
  /* The dialog outlives this handler; it must not point at a destroyed window */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ScIssueEditor *self = SC_ISSUE_EDITOR (widget);
  GtkWidget *dialog;

  if (self->issue == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Issue?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and its history will be removed from the workbook. "
                                    "Undo brings it back."),
                                  sc_issue_get_title (self->issue));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->delete_dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_due_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ScIssueEditor *self = SC_ISSUE_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), "");
  gtk_popover_popdown (self->calendar_popover);
}

/* GObject */

static void
sc_issue_editor_dispose (GObject *object)
{
  ScIssueEditor *self = (ScIssueEditor *)object;

  g_clear_weak_pointer (&self->delete_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ISSUE_EDITOR);

  G_OBJECT_CLASS (sc_issue_editor_parent_class)->dispose (object);
}

static void
sc_issue_editor_finalize (GObject *object)
{
  ScIssueEditor *self = (ScIssueEditor *)object;

  g_clear_object (&self->book);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->issue);
  g_clear_pointer (&self->review_id, g_free);
  g_clear_pointer (&self->kpi_ids, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  if (self->has_loaded)
    clear_values (self->loaded);

  G_OBJECT_CLASS (sc_issue_editor_parent_class)->finalize (object);
}

static void
sc_issue_editor_class_init (ScIssueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_issue_editor_dispose;
  object_class->finalize = sc_issue_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-issue-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, partner_row);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, kpi_row);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, period_row);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, action_view);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, severity_row);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, due_entry);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, ScIssueEditor, delete_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.clear-due", NULL, clear_due_action);
}

static void
connect_field (ScIssueEditor *self,
               gpointer       object,
               const char    *signal)
{
  g_signal_connect_object (object, signal, G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
sc_issue_editor_init (ScIssueEditor *self)
{
  /* the row takes a reference of its own */
  g_autoptr(GtkExpression) partner_name = gtk_property_expression_new (SC_TYPE_PARTNER, NULL, "name");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kpi_ids = g_ptr_array_new_with_free_func (g_free);
  self->periods = g_array_new (FALSE, FALSE, sizeof (ScPeriod));
  fill_enums (self);

  adw_combo_row_set_expression (self->partner_row, partner_name);
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_combo_row_set_enable_search (self->partner_row, TRUE);
#endif
  g_signal_connect_object (self->partner_row, "notify::selected",
                           G_CALLBACK (on_partner_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (on_day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar_popover, "show",
                           G_CALLBACK (on_calendar_popover_shown_cb), self, G_CONNECT_SWAPPED);

  connect_field (self, self->title_row, "changed");
  connect_field (self, self->owner_row, "changed");
  connect_field (self, self->reference_row, "changed");
  connect_field (self, self->due_entry, "changed");
  connect_field (self, gtk_text_view_get_buffer (self->description_view), "changed");
  connect_field (self, gtk_text_view_get_buffer (self->action_view), "changed");
  connect_field (self, self->kpi_row, "notify::selected");
  connect_field (self, self->period_row, "notify::selected");
  connect_field (self, self->severity_row, "notify::selected");
  connect_field (self, self->status_row, "notify::selected");
}

static ScIssueEditor *
editor_new (GtkWindow   *parent,
            ScWorkbook  *book,
            ScUndoStack *undo_stack)
{
  ScIssueEditor *self = g_object_new (SC_TYPE_ISSUE_EDITOR,
                                      "transient-for", parent,
                                      NULL);

  self->book = g_object_ref (book);
  self->undo_stack = undo_stack ? g_object_ref (undo_stack) : NULL;
  self->loading = TRUE;
  adw_combo_row_set_model (self->partner_row, sc_workbook_get_partners (book));
  self->loading = FALSE;

  return self;
}

/* Public API */

/* A window editing @issue of @book; edits go onto @undo_stack. */
GtkWindow *
sc_issue_editor_new_for_issue (GtkWindow   *parent,
                               ScWorkbook  *book,
                               ScUndoStack *undo_stack,
                               ScIssue     *issue)
{
  ScIssueEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (undo_stack == NULL || SC_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (SC_IS_ISSUE (issue), NULL);

  self = editor_new (parent, book, undo_stack);
  self->issue = g_object_ref (issue);
  load_issue (self);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);

  return GTK_WINDOW (self);
}

/* A window creating an issue. With @partner, the issue is for it and the
 * partner cannot be changed; without, the user picks one. @kpi and
 * @period pre-select what the issue is pinned to (%NULL and
 * %SC_PERIOD_NONE for none).
 */
GtkWindow *
sc_issue_editor_new_for_create (GtkWindow   *parent,
                                ScWorkbook  *book,
                                ScUndoStack *undo_stack,
                                ScPartner   *partner,
                                ScKpi       *kpi,
                                ScPeriod     period)
{
  ScIssueEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (undo_stack == NULL || SC_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (partner == NULL || SC_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (kpi == NULL || SC_IS_KPI (kpi), NULL);

  self = editor_new (parent, book, undo_stack);
  self->loading = TRUE;
  adw_window_title_set_title (self->window_title, _("New Issue"));
  gtk_button_set_label (self->save_button, _("C_reate"));
  if (partner != NULL)
    {
      select_partner (self, sc_partner_get_id (partner));
      gtk_widget_set_sensitive (GTK_WIDGET (self->partner_row), FALSE);
    }
  fill_kpis (self, kpi ? sc_kpi_get_id (kpi) : NULL);
  fill_periods (self, period);
  adw_combo_row_set_selected (self->severity_row, SC_SEVERITY_MEDIUM);
  adw_combo_row_set_selected (self->status_row, SC_ISSUE_OPEN);
  fill_history (self);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), FALSE);
  self->loading = FALSE;
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return GTK_WINDOW (self);
}

/* The issue edited, or the one created once Create was pressed. */
ScIssue *
sc_issue_editor_get_issue (ScIssueEditor *self)
{
  g_return_val_if_fail (SC_IS_ISSUE_EDITOR (self), NULL);
  return self->issue;
}

/* Makes the issue being created an action item of the review @review_id. */
void
sc_issue_editor_set_review_id (ScIssueEditor *self,
                               const char    *review_id)
{
  g_return_if_fail (SC_IS_ISSUE_EDITOR (self));

  g_free (self->review_id);
  self->review_id = g_strdup (review_id);
}

/* For the tests */

GtkEditable *
sc_issue_editor_get_title_editable (ScIssueEditor *self)
{
  return GTK_EDITABLE (self->title_row);
}

GtkEditable *
sc_issue_editor_get_owner_editable (ScIssueEditor *self)
{
  return GTK_EDITABLE (self->owner_row);
}

GtkEditable *
sc_issue_editor_get_due_editable (ScIssueEditor *self)
{
  return GTK_EDITABLE (self->due_entry);
}

GtkEditable *
sc_issue_editor_get_reference_editable (ScIssueEditor *self)
{
  return GTK_EDITABLE (self->reference_row);
}

GtkTextBuffer *
sc_issue_editor_get_description_buffer (ScIssueEditor *self)
{
  return gtk_text_view_get_buffer (self->description_view);
}

GtkTextBuffer *
sc_issue_editor_get_action_buffer (ScIssueEditor *self)
{
  return gtk_text_view_get_buffer (self->action_view);
}

AdwComboRow *
sc_issue_editor_get_partner_row (ScIssueEditor *self)
{
  return self->partner_row;
}

AdwComboRow *
sc_issue_editor_get_kpi_row (ScIssueEditor *self)
{
  return self->kpi_row;
}

AdwComboRow *
sc_issue_editor_get_period_row (ScIssueEditor *self)
{
  return self->period_row;
}

AdwComboRow *
sc_issue_editor_get_severity_row (ScIssueEditor *self)
{
  return self->severity_row;
}

AdwComboRow *
sc_issue_editor_get_status_row (ScIssueEditor *self)
{
  return self->status_row;
}

AdwActionRow *
sc_issue_editor_get_due_row (ScIssueEditor *self)
{
  return self->due_row;
}

GtkCalendar *
sc_issue_editor_get_calendar (ScIssueEditor *self)
{
  return self->calendar;
}

GtkButton *
sc_issue_editor_get_save_button (ScIssueEditor *self)
{
  return self->save_button;
}

GtkButton *
sc_issue_editor_get_delete_button (ScIssueEditor *self)
{
  return self->delete_button;
}

GtkListBox *
sc_issue_editor_get_history_list (ScIssueEditor *self)
{
  return self->history_list;
}

AdwMessageDialog *
sc_issue_editor_get_delete_dialog (ScIssueEditor *self)
{
  return self->delete_dialog;
}
