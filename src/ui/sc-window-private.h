/* sc-window-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests reach into: the models and widgets a user looks at.
 */

#pragma once

#include "sc-window.h"

G_BEGIN_DECLS

GtkSelectionModel *sc_window_get_partner_selection (ScWindow   *self);
GtkListBox        *sc_window_get_kpi_list          (ScWindow   *self);
const char        *sc_window_get_partner_title     (ScWindow   *self);
const char        *sc_window_get_visible_page      (ScWindow   *self);
void               sc_window_set_search_text       (ScWindow   *self,
                                                    const char *text);

G_END_DECLS
