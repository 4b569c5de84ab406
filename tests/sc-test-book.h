/* sc-test-book.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-workbook.h"

G_BEGIN_DECLS

ScPartner *sc_test_find_partner (ScWorkbook *book,
                                 const char *name);
double     sc_test_value_at     (ScWorkbook *book,
                                 const char *partner_name,
                                 const char *kpi_id,
                                 const char *period_str);

G_END_DECLS
