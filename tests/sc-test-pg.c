/* sc-test-pg.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A throwaway PostgreSQL server for the tests and benchmarks: a new
 * cluster (initdb) in a temporary directory, listening only on a Unix
 * socket there, started with pg_ctl as an unprivileged user when the
 * tests run as root (PostgreSQL refuses to run as root).
 *
 * A small shell keeps watch over the server: it starts it, says "ready",
 * then waits on a pipe from the test. When the test ends — by
 * sc_test_pg_stop(), a failed assertion, a crash or meson's timeout — the
 * pipe closes (or the shell gets the signal) and the shell stops the
 * server and removes the directory. No server outlives its test.
 */

#include "config.h"

#include <gio/gio.h>
#include <libpq-fe.h>
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sc-test-pg.h"

struct _ScTestPg
{
  GSubprocess *watchdog;
  char        *dir;
  char        *options;    /* for postgres, to start it again */
  guint16      port;       /* 0: the default, on the socket only */
};

static const char watchdog_script[] =
  "bin=$1; dir=$2; options=$3; tls=$4\n"
  "stop () {\n"
  "  \"$bin/pg_ctl\" -D \"$dir/data\" -m immediate -w stop >/dev/null 2>&1; rm -rf \"$dir\"\n"
  "}\n"
  "trap 'stop; exit 0' TERM INT HUP\n"
  "if [ \"$tls\" = tls ] && ! (cd \"$dir\" && printf 'subjectAltName=DNS:localhost\\n' >san.ext &&\n"
  "     openssl req -new -x509 -days 2 -nodes -subj /CN=sc-test-ca -keyout ca.key -out root.crt &&\n"
  "     openssl req -new -nodes -subj /CN=localhost -keyout server.key -out server.csr &&\n"
  "     openssl x509 -req -in server.csr -days 2 -CA root.crt -CAkey ca.key -CAcreateserial \\\n"
  "       -extfile san.ext -out server.crt && chmod 600 server.key) >\"$dir/openssl.log\" 2>&1; then\n"
  "  cat \"$dir/openssl.log\" >&2; rm -rf \"$dir\"; exit 1\n"
  "fi\n"
  "if ! \"$bin/initdb\" -D \"$dir/data\" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync"
  "     >\"$dir/initdb.log\" 2>&1; then cat \"$dir/initdb.log\" >&2; rm -rf \"$dir\"; exit 1; fi\n"
  "if ! \"$bin/pg_ctl\" -D \"$dir/data\" -l \"$dir/server.log\" -w -s"
  "     -o \"-k $dir -c listen_addresses= -c max_connections=50 $options\" start; then"
  "   cat \"$dir/server.log\" >&2; stop; exit 1; fi\n"
  "echo ready\n"
  "read line\n"
  "stop\n";

/* Debian's server binaries (/usr/lib/postgresql/VERSION/bin), the newest
 * one there, or $SC_TEST_PG_BINDIR.
 */
static char *
find_bindir (void)
{
  const char *env = g_getenv ("SC_TEST_PG_BINDIR");
  g_autoptr(GDir) dir = NULL;
  g_autofree char *best = NULL;
  int best_version = 0;
  const char *name;

  if (env != NULL)
    return g_strdup (env);

  if ((dir = g_dir_open ("/usr/lib/postgresql", 0, NULL)))
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *initdb = g_build_filename ("/usr/lib/postgresql", name, "bin", "initdb",
                                                    NULL);
        int version = atoi (name);

        if (version > best_version && g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
          {
            best_version = version;
            g_free (best);
            best = g_build_filename ("/usr/lib/postgresql", name, "bin", NULL);
          }
      }

  if (best == NULL)
    g_error ("PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb): "
             "install the package postgresql, as build-aux/setup.sh does");
  return g_steal_pointer (&best);
}

/* As root, the server runs as nobody, who must own its directory. */
static void
add_unprivileged_user (GPtrArray  *argv,
                       const char *dir)
{
  struct passwd *nobody;

  if (geteuid () != 0)
    return;

  if (!(nobody = getpwnam ("nobody")))
    g_error ("the tests run as root, and there is no user “nobody” to run PostgreSQL as");
  if (chown (dir, nobody->pw_uid, nobody->pw_gid) != 0)
    g_error ("cannot give %s to nobody: %s", dir, g_strerror (errno));

  g_ptr_array_add (argv, g_strdup ("setpriv"));
  g_ptr_array_add (argv, g_strdup_printf ("--reuid=%u", (guint) nobody->pw_uid));
  g_ptr_array_add (argv, g_strdup_printf ("--regid=%u", (guint) nobody->pw_gid));
  g_ptr_array_add (argv, g_strdup ("--clear-groups"));
}

static ScTestPg *
start (const char *options,
       guint16     port)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bindir = find_bindir ();
  g_autofree char *line = NULL;
  ScTestPg *self = g_new0 (ScTestPg, 1);

  /* /tmp, not the build tree: nobody must reach the socket directory */
  self->dir = g_dir_make_tmp ("sc-test-pg-XXXXXX", &error);
  g_assert_no_error (error);

  add_unprivileged_user (argv, self->dir);
  g_ptr_array_add (argv, g_strdup ("/bin/sh"));
  g_ptr_array_add (argv, g_strdup ("-c"));
  g_ptr_array_add (argv, g_strdup (watchdog_script));
  g_ptr_array_add (argv, g_strdup ("sc-test-pg"));
  g_ptr_array_add (argv, g_strdup (bindir));
  g_ptr_array_add (argv, g_strdup (self->dir));
  g_ptr_array_add (argv, port ? g_strdup_printf ("%s -c listen_addresses=127.0.0.1 -c port=%u -c ssl=on "
                                                  "-c ssl_cert_file=%s/server.crt -c ssl_key_file=%s/server.key",
                                                  options, port, self->dir, self->dir)
                                : g_strdup (options ? options : ""));
  g_ptr_array_add (argv, g_strdup (port ? "tls" : ""));
  g_ptr_array_add (argv, NULL);
  self->port = port;
  self->options = g_strdup (argv->pdata[argv->len - 3]);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "PGDATA");
  self->watchdog = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                 &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->watchdog));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (line, "ready") != 0)
    g_error ("the test server in %s did not start (its log is above)", self->dir);

  return self;
}

#define THROWAWAY "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"

/* Starts a new server with @options for postgres (-c name=value …);
 * fails the test (never skips it) when it cannot.
 */
ScTestPg *
sc_test_pg_start_with_options (const char *options)
{
  return start (options, 0);
}

/* A server for tests: nothing is flushed to disk, which a throwaway
 * cluster does not need.
 */
ScTestPg *
sc_test_pg_start (void)
{
  return start (THROWAWAY, 0);
}

/* A port of 127.0.0.1 nobody listens on just now */
static guint16
find_free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (socket);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* As sc_test_pg_start(), and listening with TLS on localhost too, its
 * certificate (CN and subjectAltName localhost) signed by a new CA whose
 * certificate sc_test_pg_get_root_cert() names.
 */
ScTestPg *
sc_test_pg_start_tls (void)
{
  return start (THROWAWAY, find_free_port ());
}

guint16
sc_test_pg_get_port (ScTestPg *self)
{
  return self->port;
}

char *
sc_test_pg_get_root_cert (ScTestPg *self)
{
  return g_build_filename (self->dir, "root.crt", NULL);
}

/* Stops the server and removes its directory. */
void
sc_test_pg_stop (ScTestPg *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  g_output_stream_close (g_subprocess_get_stdin_pipe (self->watchdog), NULL, NULL);
  g_subprocess_wait (self->watchdog, NULL, &error);
  g_assert_no_error (error);

  g_object_unref (self->watchdog);
  g_free (self->dir);
  g_free (self->options);
  g_free (self);
}

const char *
sc_test_pg_get_socket_dir (ScTestPg *self)
{
  return self->dir;
}

/* postgresql:///DATABASE?host=DIR&user=USER&workbook=WORKBOOK, the
 * workbook name percent-encoded; NULL parts are left out.
 */
char *
sc_test_pg_uri (ScTestPg   *self,
                const char *user,
                const char *database,
                const char *workbook)
{
  GString *uri = g_string_new ("postgresql:///");

  g_string_append (uri, database ? database : "postgres");
  g_string_append_printf (uri, "?host=%s", self->dir);
  if (self->port != 0)
    g_string_append_printf (uri, "&port=%u", self->port);
  if (user != NULL)
    g_string_append_printf (uri, "&user=%s", user);
  if (workbook != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (workbook, NULL, FALSE);
      g_string_append_printf (uri, "&workbook=%s", escaped);
    }

  return g_string_free (uri, FALSE);
}

/* A connection as the superuser, for a test to hold (PQfinish it). */
PGconn *
sc_test_pg_connect (ScTestPg   *self,
                    const char *database)
{
  g_autofree char *port = g_strdup_printf ("%u", self->port ? self->port : 5432);
  const char *keys[] = { "host", "port", "dbname", "user", NULL };
  const char *values[] = { self->dir, port, database ? database : "postgres", "postgres", NULL };
  PGconn *conn = PQconnectdbParams (keys, values, FALSE);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to the test server: %s", PQerrorMessage (conn));
  return conn;
}

/* Runs @sql (test set-up: statements written in the test) as the superuser. */
void
sc_test_pg_exec (ScTestPg   *self,
                 const char *database,
                 const char *sql)
{
  PGconn *conn = sc_test_pg_connect (self, database);
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

/* The first value of the first row of @sql, as text (NULL for NULL). */
char *
sc_test_pg_query (ScTestPg   *self,
                  const char *database,
                  const char *sql)
{
  PGconn *conn = sc_test_pg_connect (self, database);
  PGresult *result = PQexec (conn, sql);
  char *value = NULL;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);

  return value;
}

/* The set-up of docs/team-server.md, statement for statement: a database
 * owned by scorecards_owner, the two group roles, and three people —
 * alice edits, bob only reads, mallory is in neither group.
 */
void
sc_test_pg_add_team (ScTestPg   *self,
                     const char *database)
{
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s OWNER scorecards_owner "
                                             "ENCODING 'UTF8' TEMPLATE template0", database);
  g_autofree char *revoke = g_strdup_printf ("REVOKE ALL ON DATABASE %s FROM PUBLIC", database);
  g_autofree char *grant = g_strdup_printf ("GRANT CONNECT, TEMPORARY ON DATABASE %s TO "
                                            "scorecards_owner, scorecards_editor, "
                                            "scorecards_viewer", database);
  g_autofree char *exists = NULL;

  exists = sc_test_pg_query (self, NULL,
                             "SELECT 1 FROM pg_roles WHERE rolname = 'scorecards_owner'");

  if (exists == NULL)
    sc_test_pg_exec (self, NULL,
                     "CREATE ROLE scorecards_owner LOGIN;"
                     "CREATE ROLE scorecards_editor NOLOGIN;"
                     "CREATE ROLE scorecards_viewer NOLOGIN;"
                     "CREATE ROLE alice LOGIN IN ROLE scorecards_editor;"
                     "CREATE ROLE bob LOGIN IN ROLE scorecards_viewer;"
                     "CREATE ROLE mallory LOGIN;");
  sc_test_pg_exec (self, NULL, create);
  sc_test_pg_exec (self, NULL, revoke);
  sc_test_pg_exec (self, NULL, grant);
}

/* Runs pg_ctl @args… on the server's cluster, as the user it runs as. */
static void
run_pg_ctl (ScTestPg   *self,
            const char *action,
            const char *extra)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *bindir = find_bindir ();
  g_autofree char *data = g_build_filename (self->dir, "data", NULL);
  g_autofree char *log = g_build_filename (self->dir, "server.log", NULL);
  g_autoptr(GSubprocess) process = NULL;

  if (geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      g_ptr_array_add (argv, g_strdup ("setpriv"));
      g_ptr_array_add (argv, g_strdup_printf ("--reuid=%u", (guint) nobody->pw_uid));
      g_ptr_array_add (argv, g_strdup_printf ("--regid=%u", (guint) nobody->pw_gid));
      g_ptr_array_add (argv, g_strdup ("--clear-groups"));
    }
  g_ptr_array_add (argv, g_build_filename (bindir, "pg_ctl", NULL));
  g_ptr_array_add (argv, g_strdup ("-D"));
  g_ptr_array_add (argv, g_strdup (data));
  g_ptr_array_add (argv, g_strdup ("-w"));
  g_ptr_array_add (argv, g_strdup ("-s"));
  if (g_str_equal (action, "start"))
    {
      g_ptr_array_add (argv, g_strdup ("-l"));
      g_ptr_array_add (argv, g_strdup (log));
      g_ptr_array_add (argv, g_strdup ("-o"));
      g_ptr_array_add (argv, g_strdup_printf ("-k %s -c listen_addresses= -c max_connections=50 %s",
                                              self->dir, self->options));
    }
  else
    {
      g_ptr_array_add (argv, g_strdup ("-m"));
      g_ptr_array_add (argv, g_strdup (extra));
    }
  g_ptr_array_add (argv, g_strdup (action));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* Stops the server at once, as a crash or a pulled cable would
 * (pg_ctl stop -m immediate); its data stay for sc_test_pg_restart().
 */
void
sc_test_pg_kill (ScTestPg *self)
{
  run_pg_ctl (self, "stop", "immediate");
}

/* Starts the server sc_test_pg_kill() stopped, with its data. */
void
sc_test_pg_restart (ScTestPg *self)
{
  run_pg_ctl (self, "start", NULL);
}

/* How many tables the migrations of src/store/migrations/ make, as text
 * (what a count(*) query returns): each "CREATE TABLE" in them.
 */
char *
sc_test_pg_dup_n_tables (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "src", "store", "migrations", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (name, ".sql"))
        continue;
      path = g_build_filename (dir, name, NULL);
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      for (const char *p = text; (p = strstr (p, "CREATE TABLE")) != NULL; p++)
        n++;
    }
  return g_strdup_printf ("%u", n);
}
