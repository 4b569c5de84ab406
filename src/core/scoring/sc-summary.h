/* sc-summary.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-rollup.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

char *sc_summary_to_json        (ScWorkbook     *book,
                                 ScPeriod        period);
char *sc_summary_rollup_to_json (ScWorkbook     *book,
                                 const ScRollup *rollup);
char *sc_summary_rollup_to_json_full (ScWorkbook     *book,
                                      const ScRollup *rollup,
                                      gboolean        watch_only);

G_END_DECLS
