/* sc-issue-row.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_ISSUE_ROW (sc_issue_row_get_type())

G_DECLARE_FINAL_TYPE (ScIssueRow, sc_issue_row, SC, ISSUE_ROW, GtkWidget)

GtkWidget  *sc_issue_row_new              (void);
ScIssue    *sc_issue_row_get_issue        (ScIssueRow    *self);
void        sc_issue_row_bind             (ScIssueRow    *self,
                                           ScWorkbook    *book,
                                           ScIssue       *issue,
                                           const GDate   *today);
void        sc_issue_row_unbind           (ScIssueRow    *self);

char       *sc_issue_format_severity      (ScSeverity     severity);
char       *sc_issue_format_status        (ScIssueStatus  status);
const char *sc_issue_severity_css_class   (ScSeverity     severity);
const char *sc_issue_status_css_class     (ScIssueStatus  status);
char       *sc_issue_format_context       (ScWorkbook    *book,
                                           ScIssue       *issue);

G_END_DECLS
