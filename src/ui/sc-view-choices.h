/* sc-view-choices.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-rollup.h"

G_BEGIN_DECLS

#define SC_VIEW_CHOICES_MAX 5

GtkStringList *sc_view_choices_new (ScGranularity  granularity,
                                    ScRollupKind  *kinds,
                                    guint         *n_kinds);

G_END_DECLS
