/* sc-catalogue.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-kpi.h"

G_BEGIN_DECLS

guint   sc_catalogue_get_n_kpis (void);
ScKpi  *sc_catalogue_create_kpi (guint       position);
ScKpi  *sc_catalogue_lookup     (const char *id);

G_END_DECLS
