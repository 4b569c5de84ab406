/* sc-pg-store.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_PG_STORE (sc_pg_store_get_type())

G_DECLARE_FINAL_TYPE (ScPgStore, sc_pg_store, SC, PG_STORE, GObject)

ScStore    *sc_pg_store_new                (const char  *uri,
                                            GError     **error);
ScStore    *sc_pg_store_new_with_password  (const char  *uri,
                                            const char  *password,
                                            GError     **error);
const char *sc_pg_store_get_workbook_name  (ScPgStore   *self);
const char *sc_pg_store_get_user           (ScPgStore   *self);
const char *sc_pg_store_get_host           (ScPgStore   *self);
const char *sc_pg_store_get_password       (ScPgStore   *self);
int         sc_pg_store_get_schema_version (void);

G_END_DECLS
