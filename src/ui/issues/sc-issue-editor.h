/* sc-issue-editor.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-undo-stack.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_ISSUE_EDITOR (sc_issue_editor_get_type())

G_DECLARE_FINAL_TYPE (ScIssueEditor, sc_issue_editor, SC, ISSUE_EDITOR, AdwWindow)

GtkWindow  *sc_issue_editor_new_for_issue  (GtkWindow     *parent,
                                            ScWorkbook    *book,
                                            ScUndoStack   *undo_stack,
                                            ScIssue       *issue);
GtkWindow  *sc_issue_editor_new_for_create (GtkWindow     *parent,
                                            ScWorkbook    *book,
                                            ScUndoStack   *undo_stack,
                                            ScPartner     *partner,
                                            ScKpi         *kpi,
                                            ScPeriod       period);
ScIssue    *sc_issue_editor_get_issue      (ScIssueEditor *self);
void        sc_issue_editor_set_review_id  (ScIssueEditor *self,
                                            const char    *review_id);

G_END_DECLS
