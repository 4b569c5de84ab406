/* sc-import-memory.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-import-mapping.h"

G_BEGIN_DECLS

void     sc_import_memory_remember (const char * const *header,
                                    guint               n_columns,
                                    const ScImportRole *roles,
                                    GHashTable         *kpi_matches);
gboolean sc_import_memory_recall   (const char * const *header,
                                    guint               n_columns,
                                    GArray             *roles,
                                    GHashTable         *kpi_matches);

G_END_DECLS
