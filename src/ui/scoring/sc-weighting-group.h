/* sc-weighting-group.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-period-weighting.h"

G_BEGIN_DECLS

#define SC_TYPE_WEIGHTING_GROUP (sc_weighting_group_get_type())

G_DECLARE_FINAL_TYPE (ScWeightingGroup, sc_weighting_group, SC, WEIGHTING_GROUP, AdwPreferencesGroup)

GtkWidget *sc_weighting_group_new           (void);
void       sc_weighting_group_get_weighting (ScWeightingGroup        *self,
                                             ScPeriodWeighting       *weighting);
void       sc_weighting_group_set_weighting (ScWeightingGroup        *self,
                                             const ScPeriodWeighting *weighting);

G_END_DECLS
