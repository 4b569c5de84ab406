/* sc-issue-edit.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-issue.h"
#include "sc-undo-stack.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

gboolean sc_issue_edit_setv            (ScUndoStack         *stack,
                                        ScIssue             *issue,
                                        const char          *label,
                                        guint                n_properties,
                                        const char * const  *names,
                                        const GValue        *values);
gboolean sc_issue_edit_set_string      (ScUndoStack         *stack,
                                        ScIssue             *issue,
                                        const char          *property,
                                        const char          *value);
gboolean sc_issue_edit_set_period      (ScUndoStack         *stack,
                                        ScIssue             *issue,
                                        ScPeriod             period);
gboolean sc_issue_edit_set_severity    (ScUndoStack         *stack,
                                        ScIssue             *issue,
                                        ScSeverity           severity);
gboolean sc_issue_edit_set_status      (ScUndoStack         *stack,
                                        ScIssue             *issue,
                                        ScIssueStatus        status);
guint    sc_issue_edit_set_status_bulk (ScUndoStack         *stack,
                                        ScIssue * const     *issues,
                                        guint                n_issues,
                                        ScIssueStatus        status);
gboolean sc_issue_edit_add             (ScUndoStack         *stack,
                                        ScWorkbook          *book,
                                        ScIssue             *issue);
void     sc_issue_edit_remove          (ScUndoStack         *stack,
                                        ScWorkbook          *book,
                                        ScIssue             *issue);

G_END_DECLS
