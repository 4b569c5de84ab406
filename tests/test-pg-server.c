/* test-pg-server.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team server before a workbook is chosen (sc-pg-server.c), and logging
 * in with a password given apart from the URI (sc_pg_store_new_with_password),
 * against a real PostgreSQL that asks for SCRAM passwords: the workbooks
 * listed in order with names that are no SQL, what each role may do, and
 * the errors a user sees (a refused or missing password, a role that may
 * not connect, no server, a newer schema).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sc-pg-server.h"
#include "sc-pg-store.h"
#include "sc-test-pg.h"
#include "sc-workbook-io.h"

#define ALICE_PASSWORD "alice pass ' ; word"
#define BOB_PASSWORD "bob-password"
#define MALLORY_PASSWORD "mallory-password"
#define OWNER_PASSWORD "owner-password"

static ScTestPg *server;

static char *
server_uri (const char *user)
{
  return sc_test_pg_uri (server, user, "quality", NULL);
}

static void
save_empty (const char *name)
{
  g_autofree char *uri = sc_test_pg_uri (server, "scorecards_owner", "quality", name);
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_pg_store_new_with_password (uri, OWNER_PASSWORD, &error);

  g_assert_no_error (error);
  g_assert_true (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_no_error (error);
}

/* The names in order, each as it is; an editor may write, a viewer not */
static void
test_list (void)
{
  g_autofree char *alice = server_uri ("alice");
  g_autofree char *bob = server_uri ("bob");
  g_autoptr(ScPgServerInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  /* the C locale's order: by code point */
  const char *expected[] = { "Customers", "Suppliers", "Zulieferer Öl",
                             "x'); DROP TABLE scorecards.workbook; --", NULL };

  info = sc_pg_server_query (alice, ALICE_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (info->workbooks, expected);
  g_assert_true (info->may_write);
  g_assert_cmpstr (info->user, ==, "alice");
  g_assert_cmpstr (info->host, ==, "localhost");
  g_clear_pointer (&info, sc_pg_server_info_free);

  info = sc_pg_server_query (bob, BOB_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (info->workbooks, expected);
  g_assert_false (info->may_write);
}

/* A wrong password and none are SC_STORE_ERROR_PASSWORD, named for the
 * role, never repeating the password
 */
static void
test_errors (void)
{
  g_autofree char *alice = server_uri ("alice");
  g_autofree char *mallory = server_uri ("mallory");
  g_autoptr(GError) error = NULL;

  g_assert_null (sc_pg_server_query (alice, "wrong-one", NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_PASSWORD);
  g_assert_nonnull (strstr (error->message, "the server refused the password of role “alice”"));
  g_assert_null (strstr (error->message, "wrong-one"));
  g_clear_error (&error);

  g_assert_null (sc_pg_server_query (alice, NULL, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_PASSWORD);
  g_assert_nonnull (strstr (error->message, "the server asks for the password of role “alice”"));
  g_clear_error (&error);

  /* mallory may not even connect (REVOKE ALL ON DATABASE … FROM PUBLIC) */
  g_assert_null (sc_pg_server_query (mallory, MALLORY_PASSWORD, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "permission denied for database \"quality\""));
  g_clear_error (&error);

  g_assert_null (sc_pg_server_query ("postgresql://alice@%2Fnonexistent-socket-dir/quality",
                                     ALICE_PASSWORD, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONNECT);
}

/* The store logs in with the password given apart; one in the URI is
 * overridden by it, and the role and host are known once connected
 */
static void
test_store_password (void)
{
  g_autofree char *uri = sc_test_pg_uri (server, "alice", "quality", "Suppliers");
  g_autofree char *with_wrong = g_strconcat (uri, "&password=wrong", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_pg_store_new_with_password (with_wrong, ALICE_PASSWORD, &error);
  g_autoptr(ScStore) without = NULL;
  g_autoptr(ScWorkbook) book = NULL;

  g_assert_no_error (error);
  g_assert_null (sc_pg_store_get_user (SC_PG_STORE (store)));
  book = sc_store_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (book);
  g_assert_cmpstr (sc_pg_store_get_user (SC_PG_STORE (store)), ==, "alice");
  g_assert_cmpstr (sc_pg_store_get_host (SC_PG_STORE (store)), ==, "localhost");
  g_assert_null (strstr (sc_store_get_display_name (store), "wrong"));
  g_assert_false (sc_store_get_read_only (store));

  without = sc_pg_store_new_with_password (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (sc_store_load (without, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_PASSWORD);
}

/* Listing checks the schema as opening does */
static void
test_newer_schema (void)
{
  g_autofree char *alice = server_uri ("alice");
  g_autoptr(GError) error = NULL;

  sc_test_pg_exec (server, "quality",
                   "INSERT INTO scorecards.schema_migration (version, name) VALUES (99, 'future')");
  g_assert_null (sc_pg_server_query (alice, ALICE_PASSWORD, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer Scorecards (schema version 99"));
  sc_test_pg_exec (server, "quality", "DELETE FROM scorecards.schema_migration WHERE version = 99");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("sc-test-hba-XXXXXX", NULL);
  g_autofree char *hba = g_build_filename (dir, "pg_hba.conf", NULL);
  g_autofree char *options = g_strdup_printf ("-c hba_file=%s", hba);
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Everyone but the superuser gives a password */
  g_assert_true (g_file_set_contents (hba, "local all postgres trust\n"
                                           "local all all scram-sha-256\n", -1, NULL));
  g_chmod (dir, 0755);
  g_chmod (hba, 0644);
  server = sc_test_pg_start_with_options (options);
  sc_test_pg_add_team (server, "quality");
  sc_test_pg_exec (server, NULL,
                   "ALTER ROLE alice PASSWORD 'alice pass '' ; word';"
                   "ALTER ROLE bob PASSWORD '" BOB_PASSWORD "';"
                   "ALTER ROLE mallory PASSWORD '" MALLORY_PASSWORD "';"
                   "ALTER ROLE scorecards_owner PASSWORD '" OWNER_PASSWORD "'");
  save_empty ("Suppliers");
  save_empty ("Zulieferer Öl");
  save_empty ("Customers");
  save_empty ("x'); DROP TABLE scorecards.workbook; --");
  g_unlink (hba);
  g_rmdir (dir);

  g_test_add_func ("/pg-server/list", test_list);
  g_test_add_func ("/pg-server/errors", test_errors);
  g_test_add_func ("/pg-server/store-password", test_store_password);
  g_test_add_func ("/pg-server/newer-schema", test_newer_schema);

  status = g_test_run ();
  sc_test_pg_stop (server);
  return status;
}
