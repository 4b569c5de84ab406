/* sc-issues-page.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-undo-stack.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_ISSUES_PAGE (sc_issues_page_get_type())

G_DECLARE_FINAL_TYPE (ScIssuesPage, sc_issues_page, SC, ISSUES_PAGE, GtkWidget)

GtkWidget  *sc_issues_page_new          (void);
ScWorkbook *sc_issues_page_get_workbook (ScIssuesPage *self);
void        sc_issues_page_set_workbook (ScIssuesPage *self,
                                         ScWorkbook   *book,
                                         ScUndoStack  *undo_stack);
void        sc_issues_page_set_read_only (ScIssuesPage *self,
                                          gboolean      read_only);
ScPartner  *sc_issues_page_get_partner  (ScIssuesPage *self);
void        sc_issues_page_set_partner  (ScIssuesPage *self,
                                         ScPartner    *partner);

G_END_DECLS
