/* sc-issue-editor-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach into: the fields a user edits and the buttons a
 * user presses.
 */

#pragma once

#include "sc-issue-editor.h"

G_BEGIN_DECLS

GtkEditable      *sc_issue_editor_get_title_editable     (ScIssueEditor *self);
GtkEditable      *sc_issue_editor_get_owner_editable     (ScIssueEditor *self);
GtkEditable      *sc_issue_editor_get_due_editable       (ScIssueEditor *self);
GtkEditable      *sc_issue_editor_get_reference_editable (ScIssueEditor *self);
GtkTextBuffer    *sc_issue_editor_get_description_buffer (ScIssueEditor *self);
GtkTextBuffer    *sc_issue_editor_get_action_buffer      (ScIssueEditor *self);
AdwComboRow      *sc_issue_editor_get_partner_row        (ScIssueEditor *self);
AdwComboRow      *sc_issue_editor_get_kpi_row            (ScIssueEditor *self);
AdwComboRow      *sc_issue_editor_get_period_row         (ScIssueEditor *self);
AdwComboRow      *sc_issue_editor_get_severity_row       (ScIssueEditor *self);
AdwComboRow      *sc_issue_editor_get_status_row         (ScIssueEditor *self);
AdwActionRow     *sc_issue_editor_get_due_row            (ScIssueEditor *self);
GtkCalendar      *sc_issue_editor_get_calendar           (ScIssueEditor *self);
GtkButton        *sc_issue_editor_get_save_button        (ScIssueEditor *self);
GtkButton        *sc_issue_editor_get_delete_button      (ScIssueEditor *self);
GtkListBox       *sc_issue_editor_get_history_list       (ScIssueEditor *self);
AdwMessageDialog *sc_issue_editor_get_delete_dialog      (ScIssueEditor *self);

G_END_DECLS
