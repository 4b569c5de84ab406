/* sc-review-window.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review meeting in its own window: the date, the scorecard reviewed,
 * attendees, what changed since the last review, the agenda, decisions,
 * action items (issues linked to the review, made with the issue editor)
 * and notes; "Mark as Held" freezes the figures, "Export Pack…" writes
 * the PDF, "Email to <contact>…" writes it to the outgoing cache and
 * attaches it to a message to the partner's contact, then marks the
 * review sent. A notice says when the live data has moved since the figures
 * were frozen. Every edit is one undo step of the main window's stack.
 */

#define G_LOG_DOMAIN "sc-review-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-language.h"

#include "sc-email.h"
#include "sc-issue-editor.h"
#include "sc-report-send.h"
#include "sc-report-review.h"
#include "sc-review-diff.h"
#include "sc-review-edit.h"
#include "sc-review-window.h"

struct _ScReviewWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  GtkButton       *email_button;
  GtkRevealer     *moved_revealer;
  GtkLabel        *moved_label;
  AdwEntryRow     *date_row;
  AdwEntryRow     *period_row;
  AdwActionRow    *state_row;
  AdwEntryRow     *ours_row;
  AdwEntryRow     *theirs_row;
  GtkLabel        *since_label;
  GtkTextView     *agenda_view;
  GtkTextView     *decisions_view;
  GtkListBox      *actions_list;
  GtkTextView     *notes_view;

  /* Owned state */
  ScWorkbook      *book;
  ScUndoStack     *undo_stack;
  ScReview        *review;
  GPtrArray       *actions;      /* ScIssue, in the list's order */
  GtkFileChooserNative *chooser;
  guint            sync_source;
};

G_DEFINE_FINAL_TYPE (ScReviewWindow, sc_review_window, ADW_TYPE_WINDOW)

/* Showing the review */

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  g_autofree char *old = dup_text (view);

  if (!gtk_widget_has_focus (GTK_WIDGET (view)) && g_strcmp0 (old, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (row)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
dup_action_subtitle (ScIssue *issue,
                     GDate   *today)
{
  const char *owner = sc_issue_get_owner (issue);
  const char *due = sc_issue_get_due (issue);
  const char *status = sc_issue_status_get_label (sc_issue_get_status (issue));

  /* Translators: an action item's owner, due date and status */
  return g_strdup_printf (sc_issue_is_overdue (issue, today) ? _("%1$s · due %2$s · %3$s, overdue")
                                                             : _("%1$s · due %2$s · %3$s"),
                          owner && owner[0] ? owner : _("no owner"), due ? due : "—", status);
}

static void
sync_actions (ScReviewWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkListBoxRow *old;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  while ((old = gtk_list_box_get_row_at_index (self->actions_list, 0)) != NULL)
    gtk_list_box_remove (self->actions_list, GTK_WIDGET (old));
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  self->actions = sc_workbook_dup_review_actions (self->book, self->review);
  for (guint i = 0; i < self->actions->len; i++)
    {
      ScIssue *issue = g_ptr_array_index (self->actions, i);
      g_autofree char *subtitle = dup_action_subtitle (issue, &today);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_issue_get_title (issue));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->actions_list, row);
    }
}

static void
sync_since_last (ScReviewWindow *self)
{
  g_auto(GStrv) sentences = sc_review_since_last (self->book, self->review);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; sentences[i]; i++)
    g_string_append_printf (text, "%s• %s", i ? "\n" : "", sentences[i]);
  gtk_label_set_label (self->since_label, text->str);
}

static void
sync_notice (ScReviewWindow *self)
{
  ScReviewSnapshot *snapshot = sc_review_get_snapshot (self->review);
  gboolean moved = snapshot != NULL && sc_review_live_differs (self->book, self->review);

  if (moved)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (snapshot->frozen_at);
      g_autofree char *when = g_date_time_format (local, "%x");
      g_autofree char *text =
        /* Translators: %s is the date the review's figures were frozen */
        g_strdup_printf (_("The live data has moved since this review’s figures were frozen on %s. "
                           "The review and its pack keep showing the figures as they were."), when);

      gtk_label_set_label (self->moved_label, text);
    }
  gtk_revealer_set_reveal_child (self->moved_revealer, moved);
}

static void
sync_header (ScReviewWindow *self)
{
  ScPartner *partner = sc_workbook_lookup_partner (self->book, sc_review_get_partner_id (self->review));
  g_autofree char *date = sc_review_format_date (sc_review_get_date (self->review), TRUE);
  g_autofree char *title = g_strdup_printf (_("Review with %s"), partner ? sc_partner_get_name (partner)
                                                                          : sc_review_get_partner_id (self->review));
  g_autoptr(ScReviewSnapshot) figures = sc_review_dup_figures (self->book, self->review, NULL);
  ScReviewState state = sc_review_get_state (self->review);
  g_autofree char *state_text = NULL;

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, date);
  gtk_window_set_title (GTK_WINDOW (self), title);
  set_entry (self->period_row, sc_review_get_period (self->review));
  /* What was shown stays what was shown: a frozen review's period is fixed */
  gtk_editable_set_editable (GTK_EDITABLE (self->period_row), !sc_review_is_frozen (self->review));
  state_text = sc_review_is_frozen (self->review)
    /* Translators: a review's state, the scorecard it shows, and that its figures are frozen */
    ? g_strdup_printf (_("%1$s · scorecard for %2$s, figures frozen"), sc_review_state_get_label (state),
                       figures ? figures->view_label : _("no data"))
    : g_strdup_printf (_("%1$s · scorecard for %2$s, figures follow the live data"),
                       sc_review_state_get_label (state), figures ? figures->view_label : _("no data"));
  adw_action_row_set_subtitle (self->state_row, state_text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.mark-held", state == SC_REVIEW_DRAFT);
  if (partner != NULL)
    {
      g_autofree char *email = sc_report_send_dup_label (partner);

      /* an icon, the contact in its tooltip and name: the header keeps
       * room for the title */
      gtk_button_set_icon_name (self->email_button, "mail-send-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->email_button), email);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->email_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, email, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->email_button), partner != NULL);
}

static void
sync_all (ScReviewWindow *self)
{
  g_autofree char *ours = g_strjoinv (", ", (char **) sc_review_get_attendees_ours (self->review));
  g_autofree char *theirs = g_strjoinv (", ", (char **) sc_review_get_attendees_theirs (self->review));
  g_autofree char *agenda = g_strjoinv ("\n", (char **) sc_review_get_agenda (self->review));

  sync_header (self);
  set_entry (self->date_row, sc_review_get_date (self->review));
  set_entry (self->ours_row, ours);
  set_entry (self->theirs_row, theirs);
  set_text (self->agenda_view, agenda);
  set_text (self->decisions_view, sc_review_get_decisions (self->review));
  set_text (self->notes_view, sc_review_get_notes (self->review));
  sync_since_last (self);
  sync_actions (self);
  sync_notice (self);
}

static gboolean
sync_cb (gpointer data)
{
  ScReviewWindow *self = data;

  self->sync_source = 0;
  sync_all (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed_cb (ScReviewWindow *self)
{
  if (self->sync_source == 0)
    self->sync_source = g_idle_add (sync_cb, self);
}

/* Editing */

static char **
split_names (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static char **
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

/* Marks @row as holding text that was not taken, saying why in words (a
 * tooltip, and a toast the first time that text is refused), not only in
 * red; @message NULL clears it.
 */
static void
mark_refused (ScReviewWindow *self,
              AdwEntryRow    *row,
              const char     *message)
{
  GtkWidget *widget = GTK_WIDGET (row);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (message == NULL)
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      g_object_set_data (G_OBJECT (row), "sc-refused-text", NULL);
      return;
    }
  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, message);
  if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "sc-refused-text"), text) != 0)
    {
      g_object_set_data_full (G_OBJECT (row), "sc-refused-text", g_strdup (text), g_free);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
    }
}

/* The view typed into the period row, if the workbook has it and has data
 * by then; empty is the latest period.
 */
static void
commit_period (ScReviewWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_row))));
  g_autofree char *canonical = NULL;
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  ScPeriod first, last;
  ScRollup view;

  if (text[0] != '\0' && !sc_rollup_parse (text, granularity, &view))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a period: write it as 2025-05, 2025-Q2 or 2025-05/ytd"),
                                                  text);

      mark_refused (self, self->period_row, message);
      return;
    }
  if (text[0] != '\0')
    {
      sc_rollup_get_range (&view, granularity, &first, &last);
      if (first > sc_workbook_get_latest_period (self->book))
        {
          g_autofree char *latest = sc_period_to_label (granularity, sc_workbook_get_latest_period (self->book));
          g_autofree char *message = g_strdup_printf (_("“%s” is after the latest period with data (%s)"),
                                                      text, latest);

          mark_refused (self, self->period_row, message);
          return;
        }
    }
  mark_refused (self, self->period_row, NULL);
  if (text[0] != '\0')
    canonical = sc_rollup_to_string (&view, sc_workbook_get_granularity (self->book));
  sc_review_edit_set_string (self->undo_stack, self->review, "period", canonical);
}

/* Applies what the fields hold, each changed field one undo step. */
static void
commit (ScReviewWindow *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_auto(GStrv) ours = split_names (gtk_editable_get_text (GTK_EDITABLE (self->ours_row)));
  g_auto(GStrv) theirs = split_names (gtk_editable_get_text (GTK_EDITABLE (self->theirs_row)));
  g_autofree char *agenda_text = dup_text (self->agenda_view);
  g_auto(GStrv) agenda = split_lines (agenda_text);
  g_autofree char *decisions = dup_text (self->decisions_view);
  g_autofree char *notes = dup_text (self->notes_view);

  if (!sc_review_is_frozen (self->review))
    commit_period (self);
  if (sc_date_is_valid_iso (date))
    {
      mark_refused (self, self->date_row, NULL);
      sc_review_edit_set_string (self->undo_stack, self->review, "date", date);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD"), date);

      mark_refused (self, self->date_row, message);
    }
  sc_review_edit_set_strv (self->undo_stack, self->review, "attendees-ours", (const char * const *) ours);
  sc_review_edit_set_strv (self->undo_stack, self->review, "attendees-theirs", (const char * const *) theirs);
  sc_review_edit_set_strv (self->undo_stack, self->review, "agenda", (const char * const *) agenda);
  sc_review_edit_set_string (self->undo_stack, self->review, "decisions", decisions);
  sc_review_edit_set_string (self->undo_stack, self->review, "notes", notes);
}

static void
on_focus_left_cb (ScReviewWindow *self)
{
  commit (self);
}

static void
watch_focus (ScReviewWindow *self,
             GtkWidget      *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
  /* Enter in a one-line field takes it too */
  if (ADW_IS_ENTRY_ROW (widget))
    g_signal_connect_object (widget, "entry-activated", G_CALLBACK (on_focus_left_cb), self, G_CONNECT_SWAPPED);
}

static void
on_action_activated_cb (ScReviewWindow *self,
                        GtkListBoxRow  *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->actions != NULL && index >= 0 && (guint) index < self->actions->len)
    gtk_window_present (sc_issue_editor_new_for_issue (GTK_WINDOW (self), self->book, self->undo_stack,
                                                       g_ptr_array_index (self->actions, index)));
}

/* Actions */

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ScReviewWindow *self = SC_REVIEW_WINDOW (widget);
  ScPartner *partner = sc_workbook_lookup_partner (self->book, sc_review_get_partner_id (self->review));
  GtkWindow *editor;

  commit (self);
  editor = sc_issue_editor_new_for_create (GTK_WINDOW (self), self->book, self->undo_stack, partner,
                                           NULL, SC_PERIOD_NONE);
  sc_issue_editor_set_review_id (SC_ISSUE_EDITOR (editor), sc_review_get_id (self->review));
  gtk_window_present (editor);
}

static void
mark_held_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ScReviewWindow *self = SC_REVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  commit (self);
  if (!sc_review_edit_freeze (self->undo_stack, self->book, self->review, SC_REVIEW_HELD, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  else
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Review held: its figures are frozen")));
}

static void
on_chooser_response_cb (ScReviewWindow       *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (sc_review_window_export_to (self, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Pack saved as “%s”"), name);

          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
        }
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ScReviewWindow *self = SC_REVIEW_WINDOW (widget);
  ScPartner *partner = sc_workbook_lookup_partner (self->book, sc_review_get_partner_id (self->review));
  g_autofree char *safe = sc_report_safe_file_name (partner ? sc_partner_get_name (partner) : "partner");
  g_autofree char *name = g_strdup_printf ("%s-review-%s.pdf", safe, sc_review_get_date (self->review));

  commit (self);
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Review Pack"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Sending */

static char *
dup_pack_name (ScReviewWindow *self,
               ScPartner      *partner)
{
  g_autofree char *safe = sc_report_safe_file_name (partner ? sc_partner_get_name (partner) : "partner");

  return g_strdup_printf ("%s-review-%s.pdf", safe, sc_review_get_date (self->review));
}

static void
on_email_composed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ScReviewWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ScPartner *partner = sc_workbook_lookup_partner (self->book, sc_review_get_partner_id (self->review));

  if (sc_email_compose_finish (result, &error))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *name = dup_pack_name (self, partner);
      g_autofree char *who = partner ? sc_email_dup_partner_label (partner) : g_strdup ("");
      g_autofree char *text = g_strdup_printf (_("Email to %s ready in your email program"), who);

      sc_review_edit_set_sent (self->undo_stack, self->review, now, name);
      sync_header (self);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

/* The message, in the language of the pack it carries. */
static void
email_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  ScReviewWindow *self = SC_REVIEW_WINDOW (widget);
  ScPartner *partner = sc_workbook_lookup_partner (self->book, sc_review_get_partner_id (self->review));
  g_autoptr(GError) error = NULL;
  g_autofree char *cached = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  commit (self);
  if (partner == NULL)
    return;
  if (!(cached = sc_report_send_dup_path (partner, &error)))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  dir = g_path_get_dirname (cached);
  name = dup_pack_name (self, partner);
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);
  if (!sc_review_window_export_to (self, file, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  {
    const ScLanguage *language = sc_language_get (sc_review_get_language (self->review), NULL);
    g_autofree char *address = sc_email_dup_partner_address (partner);
    g_autofree char *who = sc_email_dup_partner_label (partner);
    g_autofree char *date = NULL;
    g_autofree char *subject = NULL;
    g_autofree char *body = NULL;
    const char *company = sc_workbook_get_company (self->book);
    const ScLanguage *before = sc_language_use (language);

    date = sc_review_format_date (sc_review_get_date (self->review), TRUE);
    /* Translators: the subject of the email a review pack is attached to:
     * the meeting's date, the partner */
    subject = g_strdup_printf (sc_language_gettext (language, N_("Review meeting of %1$s: %2$s")),
                               date, sc_partner_get_name (partner));
    /* Translators: the email a review pack is attached to: the contact,
     * the meeting's date, the company sending it */
    body = g_strdup_printf (sc_language_gettext (language,
                                                 N_("Dear %1$s,\n\nplease find attached the pack of our "
                                                    "review meeting of %2$s.\n\nKind regards,\n%3$s")),
                            who, date, company ? company : "");
    sc_language_use (before);
    sc_email_compose_async (GTK_WINDOW (self), address, subject, body, file, NULL, on_email_composed_cb,
                            g_object_ref (self));
  }
}

/* GObject */

static void
sc_review_window_dispose (GObject *object)
{
  ScReviewWindow *self = (ScReviewWindow *)object;

  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_REVIEW_WINDOW);

  G_OBJECT_CLASS (sc_review_window_parent_class)->dispose (object);
}

static void
sc_review_window_finalize (GObject *object)
{
  ScReviewWindow *self = (ScReviewWindow *)object;

  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_object (&self->review);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (sc_review_window_parent_class)->finalize (object);
}

static void
sc_review_window_class_init (ScReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_review_window_dispose;
  object_class->finalize = sc_review_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, email_button);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, moved_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, moved_label);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, period_row);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, state_row);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, ours_row);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, theirs_row);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, since_label);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, decisions_view);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, actions_list);
  gtk_widget_class_bind_template_child (widget_class, ScReviewWindow, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_action_activated_cb);

  gtk_widget_class_install_action (widget_class, "review.mark-held", NULL, mark_held_action);
  gtk_widget_class_install_action (widget_class, "review.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "review.email", NULL, email_action);
  gtk_widget_class_install_action (widget_class, "review.add-action", NULL, add_action_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "review.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
label_view (GtkTextView *view,
            const char  *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
sc_review_window_init (ScReviewWindow *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_("No action items yet: add what is agreed in the meeting"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->actions_list, placeholder);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ours_row), _("Ours"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->theirs_row), _("Theirs"));
  label_view (self->agenda_view, _("Agenda, one item a line"));
  label_view (self->decisions_view, _("Decisions"));
  label_view (self->notes_view, _("Notes"));
  watch_focus (self, GTK_WIDGET (self->date_row));
  watch_focus (self, GTK_WIDGET (self->period_row));
  watch_focus (self, GTK_WIDGET (self->ours_row));
  watch_focus (self, GTK_WIDGET (self->theirs_row));
  watch_focus (self, GTK_WIDGET (self->agenda_view));
  watch_focus (self, GTK_WIDGET (self->decisions_view));
  watch_focus (self, GTK_WIDGET (self->notes_view));
}

/* Public API */

GtkWindow *
sc_review_window_new (GtkWindow   *parent,
                      ScWorkbook  *book,
                      ScUndoStack *undo_stack,
                      ScReview    *review)
{
  ScReviewWindow *self;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_REVIEW (review), NULL);

  self = g_object_new (SC_TYPE_REVIEW_WINDOW, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  self->undo_stack = undo_stack ? g_object_ref (undo_stack) : NULL;
  self->review = g_object_ref (review);
  g_signal_connect_object (book, "changed", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  sync_all (self);
  return GTK_WINDOW (self);
}

ScReview *
sc_review_window_get_review (ScReviewWindow *self)
{
  g_return_val_if_fail (SC_IS_REVIEW_WINDOW (self), NULL);
  return self->review;
}

/* Freezes the review if it is not yet and writes its pack to @file. */
gboolean
sc_review_window_export_to (ScReviewWindow  *self,
                            GFile           *file,
                            GError         **error)
{
  g_autoptr(ScReportOptions) options = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (SC_IS_REVIEW_WINDOW (self), FALSE);

  if (!sc_review_is_frozen (self->review))
    {
      ScPartner *partner = sc_workbook_lookup_partner (self->book, sc_review_get_partner_id (self->review));

      /* A review made before reviews kept a language: the partner's */
      if (sc_review_get_language (self->review) == NULL)
        sc_review_set_language (self->review, sc_review_resolve_language (partner, NULL));
      if (!sc_review_edit_freeze (self->undo_stack, self->book, self->review, SC_REVIEW_DRAFT, error))
        return FALSE;
    }
  options = sc_report_options_new (self->book);
  return sc_report_review_export (self->book, self->review, options, path, error);
}
