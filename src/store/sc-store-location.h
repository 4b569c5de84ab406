/* sc-store-location.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

gboolean  sc_store_location_is_server (const char  *location);
ScStore  *sc_store_new_for_location   (const char  *location,
                                       GError     **error);
char     *sc_store_location_dup_display_name (const char *location);

G_END_DECLS
