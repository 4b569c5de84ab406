/* sc-workbook-save-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sections of a .scorecard file that sc-workbook-save-scoring.c writes
 * for sc-workbook-save.c.
 */

#pragma once

#include "sc-json-writer.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

void sc_workbook_write_weighting     (ScJsonWriter *w,
                                      ScWorkbook   *book);
void sc_workbook_write_score_history (ScJsonWriter *w,
                                      ScWorkbook   *book);

G_END_DECLS
