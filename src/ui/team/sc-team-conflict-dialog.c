/* sc-team-conflict-dialog.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown when an issue the user changed was saved by someone else in the
 * meantime: both versions side by side, and the choice of which to keep.
 * Nothing is written until the user chooses; "Decide Later" leaves the
 * conflict for the banner's Resolve button.
 */

#define G_LOG_DOMAIN "sc-team-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-team-conflict-dialog.h"

struct _ScTeamConflictDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkTextView      *mine_view;
  GtkTextView      *theirs_view;

  /* Owned references */
  ScTeamSession    *session;
  char             *issue_id;
};

G_DEFINE_FINAL_TYPE (ScTeamConflictDialog, sc_team_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The issue as a reader compares it: title, status, owner, due, text. */
static char *
describe (ScIssue *issue)
{
  GString *text;

  if (issue == NULL)
    return g_strdup (_("Deleted"));

  text = g_string_new (sc_issue_get_title (issue));
  g_string_append_printf (text, "\n\n%s: %s", _("Status"),
                          sc_issue_status_get_label (sc_issue_get_status (issue)));
  if (*sc_issue_get_owner (issue) != '\0')
    g_string_append_printf (text, "\n%s: %s", _("Owner"), sc_issue_get_owner (issue));
  if (sc_issue_get_due (issue) != NULL)
    g_string_append_printf (text, "\n%s: %s", _("Due"), sc_issue_get_due (issue));
  if (*sc_issue_get_description (issue) != '\0')
    g_string_append_printf (text, "\n\n%s", sc_issue_get_description (issue));
  if (*sc_issue_get_action (issue) != '\0')
    g_string_append_printf (text, "\n\n%s: %s", _("Corrective action"), sc_issue_get_action (issue));
  return g_string_free (text, FALSE);
}

static void
on_response_cb (ScTeamConflictDialog *self,
                const char           *response)
{
  if (g_strcmp0 (response, "mine") == 0)
    sc_team_session_resolve (self->session, self->issue_id, SC_TEAM_RESOLUTION_KEEP_MINE);
  else if (g_strcmp0 (response, "theirs") == 0)
    sc_team_session_resolve (self->session, self->issue_id, SC_TEAM_RESOLUTION_TAKE_THEIRS);
}

static void
sc_team_conflict_dialog_finalize (GObject *object)
{
  ScTeamConflictDialog *self = (ScTeamConflictDialog *)object;

  g_clear_object (&self->session);
  g_free (self->issue_id);

  G_OBJECT_CLASS (sc_team_conflict_dialog_parent_class)->finalize (object);
}

static void
sc_team_conflict_dialog_class_init (ScTeamConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sc_team_conflict_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/"
                                               "sc-team-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScTeamConflictDialog, mine_view);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConflictDialog, theirs_view);
}

static void
sc_team_conflict_dialog_init (ScTeamConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

/* Public API */

/* A dialog for the conflict on @issue_id of @session; NULL if there is none. */
GtkWidget *
sc_team_conflict_dialog_new (GtkWindow     *parent,
                             ScTeamSession *session,
                             const char    *issue_id)
{
  g_autoptr(ScIssue) mine = NULL;
  g_autoptr(ScIssue) theirs = NULL;
  g_autofree char *mine_text = NULL;
  g_autofree char *theirs_text = NULL;
  ScTeamConflictDialog *self;

  g_return_val_if_fail (SC_IS_TEAM_SESSION (session), NULL);

  if (!sc_team_session_get_conflict (session, issue_id, &mine, &theirs))
    return NULL;

  self = g_object_new (SC_TYPE_TEAM_CONFLICT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->issue_id = g_strdup (issue_id);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("Issue %s was saved by someone else while you were "
                                    "changing it. Nothing was overwritten: choose the version "
                                    "to keep."), issue_id);
  mine_text = describe (mine);
  theirs_text = describe (theirs);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->mine_view), mine_text, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->theirs_view), theirs_text, -1);

  return GTK_WIDGET (self);
}
