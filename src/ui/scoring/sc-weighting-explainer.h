/* sc-weighting-explainer.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-scorer.h"

G_BEGIN_DECLS

GtkWidget *sc_weighting_explainer_new (ScScorer       *scorer,
                                       ScPartner      *partner,
                                       const ScRollup *rollup);

G_END_DECLS
