/* sc-team-merge.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bringing an open workbook up to date with the server in place: the
 * objects the views show stay the same objects, only what changed is set,
 * so that selections, scroll positions and editors survive.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-workbook.h"

G_BEGIN_DECLS

gboolean sc_team_merge_issue    (ScWorkbook  *book,
                                 const char  *id,
                                 JsonObject  *data);
gboolean sc_team_merge_series   (ScWorkbook  *book,
                                 JsonObject  *data);
void     sc_team_merge_workbook (ScWorkbook  *book,
                                 ScWorkbook  *from,
                                 GHashTable  *keep);

G_END_DECLS
