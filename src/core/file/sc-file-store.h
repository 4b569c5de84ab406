/* sc-file-store.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_FILE_STORE (sc_file_store_get_type())

G_DECLARE_FINAL_TYPE (ScFileStore, sc_file_store, SC, FILE_STORE, GObject)

ScStore *sc_file_store_new      (GFile       *file);
GFile   *sc_file_store_get_file (ScFileStore *self);

G_END_DECLS
