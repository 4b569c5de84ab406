/* sc-tooltip.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        sc_tooltip_set_text (GtkWidget  *widget,
                                 const char *text);
const char *sc_tooltip_get_text (GtkWidget  *widget);

G_END_DECLS
