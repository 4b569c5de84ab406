/* sc-issue-export.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-workbook.h"

G_BEGIN_DECLS

char   *sc_issue_export_csv_cell    (const char *value);
GBytes *sc_issue_export_csv         (ScWorkbook *book,
                                     GListModel *issues,
                                     GDate      *today);
char   *sc_issue_export_json        (ScWorkbook *book,
                                     GListModel *issues,
                                     GDate      *today);
void    sc_issue_export_today       (GDate      *today);

G_END_DECLS
