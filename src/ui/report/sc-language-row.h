/* sc-language-row.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void        sc_language_row_setup    (AdwComboRow *row,
                                      const char  *default_label);
const char *sc_language_row_get_code (AdwComboRow *row);
gboolean    sc_language_row_set_code (AdwComboRow *row,
                                      const char  *code);

G_END_DECLS
