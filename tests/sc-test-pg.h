/* sc-test-pg.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

typedef struct _ScTestPg ScTestPg;

ScTestPg   *sc_test_pg_start          (void);
ScTestPg   *sc_test_pg_start_with_options (const char *options);
ScTestPg   *sc_test_pg_start_tls      (void);
guint16     sc_test_pg_get_port       (ScTestPg   *self);
char       *sc_test_pg_get_root_cert  (ScTestPg   *self);
void        sc_test_pg_stop           (ScTestPg   *self);
void        sc_test_pg_kill           (ScTestPg   *self);
void        sc_test_pg_restart        (ScTestPg   *self);
const char *sc_test_pg_get_socket_dir (ScTestPg   *self);
char       *sc_test_pg_uri            (ScTestPg   *self,
                                       const char *user,
                                       const char *database,
                                       const char *workbook);
PGconn     *sc_test_pg_connect        (ScTestPg   *self,
                                       const char *database);
void        sc_test_pg_exec           (ScTestPg   *self,
                                       const char *database,
                                       const char *sql);
char       *sc_test_pg_query          (ScTestPg   *self,
                                       const char *database,
                                       const char *sql);
void        sc_test_pg_add_team       (ScTestPg   *self,
                                       const char *database);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTestPg, sc_test_pg_stop)

char       *sc_test_pg_dup_n_tables (void);

G_END_DECLS
