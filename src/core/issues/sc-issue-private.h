/* sc-issue-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the workbook tells the issues it holds; for src/core only.
 */

#pragma once

#include "sc-issue.h"
#include "sc-json-writer.h"

G_BEGIN_DECLS

void sc_issue_set_granularity    (ScIssue       *self,
                                  ScGranularity  granularity);
void sc_issue_write_json_members (ScJsonWriter  *w,
                                  ScIssue       *issue);

G_END_DECLS
