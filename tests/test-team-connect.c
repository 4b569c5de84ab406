/* test-team-connect.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Team workbooks in the window, against a real PostgreSQL server
 * (sc-test-pg.c) that asks for passwords, and a real GNOME keyring:
 * the test runs in a D-Bus session of its own with gnome-keyring-daemon
 * unlocked (tests/run-with-keyring.sh). As a user would: connect with the
 * dialog and open a workbook (its partners appear), reopen it from the
 * recent list with the keyring's password, publish a local workbook (the
 * server's summary then equals the file's), open as a viewer (editing is
 * off, and the header says why), and see a wrong password refused in the
 * dialog. The password is then nowhere in GSettings, the recent list or
 * the command line.
 * With SC_SCREENSHOT_DIR set, it also saves PNG screenshots there.
 */

#include "config.h"

#include "sc-test-pg.h"
#include "sc-test-ui.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-issue-editor.h"
#include "sc-pg-store.h"
#include "sc-team-connect-dialog-private.h"
#include "sc-team-publish-dialog-private.h"
#include "sc-team-secret.h"
#include "sc-window.h"
#include "sc-window-live.h"
#include "sc-window-private.h"
#include "sc-workbook-io.h"

#define DATABASE "quality"
#define ALICE_PASSWORD "alice-Secret-4711"
#define BOB_PASSWORD "bob-Secret-0815"
#define OWNER_PASSWORD "owner-Secret-1234"

static ScTestPg *server;

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "contoso-2024-2025.scorecard",
                                NULL);
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates until @done (@data) or 30 s have passed. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, on_timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("timed out waiting for %s", what);
  g_source_remove (id);
}

static gboolean
server_has_company (gpointer company)
{
  g_autofree char *now = sc_test_pg_query (server, DATABASE,
                                           "SELECT company FROM scorecards.workbook "
                                           "WHERE name = 'Suppliers'");

  if (g_strcmp0 (now, company) == 0)
    return TRUE;
  g_usleep (20000);
  return FALSE;
}

static gboolean
has_workbook (gpointer window)
{
  return sc_window_get_workbook (window) != NULL && sc_window_get_store (window) != NULL &&
         g_strcmp0 (sc_window_get_visible_page (window), "") != 0;
}

static gboolean
connect_done (gpointer dialog)
{
  return !sc_team_connect_dialog_get_busy (dialog);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static ScTeamAddress *
address_for (const char *user)
{
  return sc_team_address_new (sc_test_pg_get_socket_dir (server), sc_test_pg_get_port (server),
                              DATABASE, user, NULL);
}

/* The window's action @name is enabled: a button bound to it is sensitive */
static gboolean
action_enabled (ScWindow   *window,
                const char *name)
{
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_box_append (GTK_BOX (window->team_bar), button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
  enabled = gtk_widget_get_sensitive (button);
  gtk_box_remove (GTK_BOX (window->team_bar), button);
  return enabled;
}

static gboolean
found_secret (gpointer data)
{
  return *(char **) data != NULL;
}

static void
on_secret_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **password = user_data;
  g_autoptr(GError) error = NULL;
  char *found = sc_team_secret_lookup_finish (result, &error);

  g_assert_no_error (error);
  *password = found ? found : g_strdup ("");
}

/* What the keyring keeps for @user ("" for nothing), once it is @expected
 * or after 10 s: the window stores it in the background.
 */
static char *
lookup_secret (const char *user,
               const char *expected)
{
  g_autoptr(ScTeamAddress) address = address_for (user);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  char *password = NULL;

  for (;;)
    {
      sc_team_secret_lookup (address, NULL, on_secret_cb, &password);
      wait_until (found_secret, &password, "the keyring");
      if (g_str_equal (password, expected) || g_get_monotonic_time () > end)
        return password;
      g_clear_pointer (&password, g_free);
      sc_test_settle ();
    }
}

static ScTeamConnectDialog *
open_connect_dialog (ScWindow   *window,
                     const char *user,
                     const char *password)
{
  g_autoptr(ScTeamAddress) address = address_for (user);
  ScTeamConnectDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-team", NULL);
  dialog = find_toplevel (SC_TYPE_TEAM_CONNECT_DIALOG);
  g_assert_nonnull (dialog);
  sc_team_login_set_address (sc_team_connect_dialog_get_login (dialog), address);
  sc_team_login_set_password (sc_team_connect_dialog_get_login (dialog), password);
  return dialog;
}

/* Connect to Team Server…, fill in the form, open "Suppliers": the
 * partners appear, the header names alice as an editor, and the keyring
 * keeps the password.
 */
static void
test_connect_and_open (void)
{
  ScWindow *window = sc_window_new (NULL);
  ScTeamConnectDialog *dialog;
  GtkListBoxRow *row;
  g_autofree char *kept = NULL;
  g_autofree char *title = NULL;
  GListModel *partners;

  gtk_window_present (GTK_WINDOW (window));
  dialog = open_connect_dialog (window, "alice", ALICE_PASSWORD);
  if (g_getenv ("SC_SCREENSHOT_DIR") != NULL)
    {
      /* for docs/screenshots: an address as a user would type it */
      g_autoptr(ScTeamAddress) shown = sc_team_address_new ("db.example.com", 0, "quality", "anna",
                                                           NULL);
      g_autoptr(ScTeamAddress) real = address_for ("alice");

      sc_team_login_set_address (sc_team_connect_dialog_get_login (dialog), shown);
      sc_test_save_screenshot (GTK_WIDGET (dialog), "team-connect.png");
      sc_team_login_set_address (sc_team_connect_dialog_get_login (dialog), real);
    }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.go", NULL);
  wait_until (connect_done, dialog, "the connection");
  g_assert_null (sc_team_connect_dialog_get_error (dialog));
  g_assert_cmpstr (sc_team_connect_dialog_get_page (dialog), ==, "workbooks");

  /* The server's workbooks, one row each */
  row = gtk_list_box_get_row_at_index (sc_team_connect_dialog_get_workbook_list (dialog), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Suppliers");
  g_assert_null (gtk_list_box_get_row_at_index (sc_team_connect_dialog_get_workbook_list (dialog), 1));
  sc_test_save_screenshot (GTK_WIDGET (dialog), "team-connect-workbooks.png");

  g_signal_emit_by_name (sc_team_connect_dialog_get_workbook_list (dialog), "row-activated", row);
  wait_until (has_workbook, window, "the team workbook");

  partners = sc_workbook_get_partners (sc_window_get_workbook (window));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 27);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sc_window_get_partner_selection (window))), ==, 27);
  g_assert_cmpstr (sc_window_get_team_description (window), ==, "Team · alice@localhost — editor");
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_cmpstr (title, ==, "Suppliers");
  /* Opened live: every edit goes to the server as it happens */
  g_assert_nonnull (sc_window_get_live_session (window));
  g_assert_false (action_enabled (window, "win.save"));
  g_assert_true (action_enabled (window, "win.edit-kpis"));
  g_assert_false (action_enabled (window, "win.publish-team"));
  g_assert_false (gtk_widget_get_visible (window->team_bar));
  sc_test_save_screenshot (GTK_WIDGET (window), "team-header.png");

  kept = lookup_secret ("alice", ALICE_PASSWORD);
  g_assert_cmpstr (kept, ==, ALICE_PASSWORD);

  /* An edit reaches the server by itself, nothing to save */
  sc_workbook_set_company (sc_window_get_workbook (window), "Contoso Team");
  sc_workbook_changed (sc_window_get_workbook (window));
  wait_until (server_has_company, (gpointer) "Contoso Team", "the edit on the server");
  g_assert_false (sc_workbook_get_modified (sc_window_get_workbook (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new, empty team workbook from the dialog; a name that is taken is
 * refused there, naming it
 */
static void
test_create (void)
{
  ScWindow *window = sc_window_new (NULL);
  ScTeamConnectDialog *dialog;
  g_autofree char *count = NULL;

  gtk_window_present (GTK_WINDOW (window));
  dialog = open_connect_dialog (window, "alice", ALICE_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.go", NULL);
  wait_until (connect_done, dialog, "the connection");
  g_assert_cmpstr (sc_team_connect_dialog_get_page (dialog), ==, "workbooks");

  sc_team_connect_dialog_set_new_name (dialog, "Suppliers");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.create", NULL);
  g_assert_nonnull (strstr (sc_team_connect_dialog_get_error (dialog),
                            "There is already a team workbook “Suppliers” on this server"));

  sc_team_connect_dialog_set_new_name (dialog, "Logistics 2026");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.create", NULL);
  wait_until (has_workbook, window, "the new team workbook");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Logistics 2026");
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (sc_window_get_workbook (window))),
                    ==, 0);
  count = sc_test_pg_query (server, DATABASE,
                            "SELECT count(*) FROM scorecards.workbook WHERE name = 'Logistics 2026'");
  g_assert_cmpstr (count, ==, "1");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
recent_has_row (gpointer window)
{
  ScWindow *self = window;

  return gtk_list_box_get_row_at_index (self->recent_list, 0) != NULL &&
         g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (self->recent_list, 0)), "uri");
}

static GtkListBoxRow *
find_recent_row (ScWindow   *window,
                 const char *title)
{
  for (int i = 0; gtk_list_box_get_row_at_index (window->recent_list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (window->recent_list, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }
  g_error ("no recent workbook “%s”", title);
}

static gboolean
recent_file_written (gpointer path)
{
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && strstr (text, "workbook=Suppliers");
}

/* The recent list holds the team workbook without a password; opening it
 * takes the keyring's password, without asking.
 */
static void
test_recent_reopen (void)
{
  g_autofree char *recent = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autofree char *text = NULL;
  ScWindow *window;
  GtkListBoxRow *row;

  wait_until (recent_file_written, recent, "the recent list");
  g_assert_true (g_file_get_contents (recent, &text, NULL, NULL));
  g_assert_null (strstr (text, ALICE_PASSWORD));
  g_assert_null (strstr (text, "password"));

  window = sc_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (recent_has_row, window, "the recent row");
  row = find_recent_row (window, "Suppliers");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Suppliers");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Team · alice@localhost");
  sc_test_save_screenshot (GTK_WIDGET (window), "team-recent.png");

  g_signal_emit_by_name (window->recent_list, "row-activated", row);
  wait_until (has_workbook, window, "the reopened team workbook");
  g_assert_null (find_toplevel (SC_TYPE_TEAM_CONNECT_DIALOG));
  g_assert_cmpstr (sc_window_get_team_description (window), ==, "Team · alice@localhost — editor");
  g_assert_cmpstr (sc_workbook_get_company (sc_window_get_workbook (window)), ==, "Contoso Team");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
secret_cleared (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_secret_cleared_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  sc_team_secret_clear_finish (result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
connect_dialog_shown (gpointer data)
{
  return find_toplevel (SC_TYPE_TEAM_CONNECT_DIALOG) != NULL;
}

/* With no password in the keyring, reopening asks for it: the connect
 * dialog comes filled in and says why; once answered, the workbook opens
 * and the keyring keeps the password again.
 */
static void
test_recent_asks_password (void)
{
  g_autoptr(ScTeamAddress) address = address_for ("alice");
  g_autofree char *kept = NULL;
  gboolean cleared = FALSE;
  ScTeamConnectDialog *dialog;
  ScWindow *window;
  GtkListBoxRow *row;

  sc_team_secret_clear (address, NULL, on_secret_cleared_cb, &cleared);
  wait_until (secret_cleared, &cleared, "the keyring to forget");

  window = sc_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (recent_has_row, window, "the recent row");
  row = find_recent_row (window, "Suppliers");
  g_signal_emit_by_name (window->recent_list, "row-activated", row);
  wait_until (connect_dialog_shown, NULL, "the question for the password");

  dialog = find_toplevel (SC_TYPE_TEAM_CONNECT_DIALOG);
  g_assert_nonnull (strstr (sc_team_connect_dialog_get_error (dialog),
                            "the server asks for the password of role “alice”"));
  g_assert_null (sc_window_get_workbook (window));
  sc_team_login_set_password (sc_team_connect_dialog_get_login (dialog), ALICE_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.go", NULL);
  wait_until (has_workbook, window, "the team workbook, with the password typed");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Suppliers");

  kept = lookup_secret ("alice", ALICE_PASSWORD);
  g_assert_cmpstr (kept, ==, ALICE_PASSWORD);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* bob may only read: the header says so and why, editing is off */
static void
test_viewer_read_only (void)
{
  g_autofree char *uri = sc_test_pg_uri (server, "bob", DATABASE, "Suppliers");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_pg_store_new_with_password (uri, BOB_PASSWORD, &error);
  ScWindow *window = sc_window_new (NULL);
  static const char *edits[] = { "win.save", "win.import", "win.edit-kpis", "win.new-issue" };

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_store (window, store);
  wait_until (has_workbook, window, "the team workbook, as a viewer");

  g_assert_cmpstr (sc_window_get_team_description (window), ==,
                   "Team · bob@localhost — viewer (read-only)");
  g_assert_true (gtk_widget_get_visible (window->team_bar));
  g_assert_nonnull (strstr (gtk_label_get_text (window->team_label),
                            "Read-only: role “bob” may read this team workbook but not change it"));
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    g_assert_false (action_enabled (window, edits[i]));
  g_assert_true (action_enabled (window, "win.export-report"));
  g_assert_true (action_enabled (window, "win.search"));

  /* Data dropped on the window is refused, saying why */
  {
    g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "crlf.csv", NULL);
    g_autoptr(GFile) data = g_file_new_for_path (csv);

    sc_window_import_files (window, &data, 1);
    sc_test_settle ();
    g_assert_null (window->import_assistant);
  }

  /* The issues page: New Issue does nothing */
  adw_view_stack_set_visible_child_name (sc_window_get_view_stack (window), "issues");
  sc_test_settle ();
  g_assert_nonnull (window->issues_page);
  gtk_widget_activate_action (GTK_WIDGET (window->issues_page), "issues.new", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-issue", NULL);
  sc_test_settle ();
  g_assert_null (find_toplevel (SC_TYPE_ISSUE_EDITOR));
  adw_view_stack_set_visible_child_name (sc_window_get_view_stack (window), "scorecard");
  sc_test_save_screenshot (GTK_WIDGET (window), "team-viewer.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_loading (gpointer window)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (((ScWindow *) window)->main_stack),
                    "loading") == 0;
}

static gboolean
load_stopped (gpointer window)
{
  return ((ScWindow *) window)->load_cancellable == NULL;
}

/* While the server makes the window wait (another session locks the
 * workbook table), the window goes on: it shows what is loading, and
 * Cancel stops the query on the server and goes back to the empty page.
 */
static void
test_cancel_loading (void)
{
  g_autofree char *uri = sc_test_pg_uri (server, "alice", DATABASE, "Suppliers");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_pg_store_new_with_password (uri, ALICE_PASSWORD, &error);
  PGconn *locker = sc_test_pg_connect (server, DATABASE);
  ScWindow *window = sc_window_new (NULL);
  PGresult *result;

  g_assert_no_error (error);
  result = PQexec (locker, "BEGIN; LOCK TABLE scorecards.workbook IN ACCESS EXCLUSIVE MODE");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);

  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_store (window, store);
  wait_until (shows_loading, window, "the loading page");
  sc_test_settle ();
  sc_test_settle ();
  g_assert_true (shows_loading (window));
  g_assert_cmpstr (gtk_label_get_text (window->loading_label), ==,
                   "Opening “Suppliers” from alice@localhost…");
  g_assert_null (strstr (gtk_label_get_text (window->loading_label), ALICE_PASSWORD));
  sc_test_save_screenshot (GTK_WIDGET (window), "team-loading.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL);
  wait_until (load_stopped, window, "the cancelled load");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");
  g_assert_null (sc_window_get_workbook (window));

  PQclear (PQexec (locker, "COMMIT"));
  PQfinish (locker);

  /* the store is still good for another try */
  sc_window_open_store (window, store);
  wait_until (has_workbook, window, "the team workbook, unlocked");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A wrong password is refused, in the dialog, which stays on the form */
static void
test_wrong_password (void)
{
  ScWindow *window = sc_window_new (NULL);
  ScTeamConnectDialog *dialog;
  const char *message;

  gtk_window_present (GTK_WINDOW (window));
  dialog = open_connect_dialog (window, "alice", "not-her-password");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.go", NULL);
  wait_until (connect_done, dialog, "the refusal");
  message = sc_team_connect_dialog_get_error (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "the server refused the password of role “alice”"));
  g_assert_null (strstr (message, "not-her-password"));
  g_assert_cmpstr (sc_team_connect_dialog_get_page (dialog), ==, "login");
  sc_test_save_screenshot (GTK_WIDGET (dialog), "team-connect-refused.png");

  /* and a server that is not there */
  {
    g_autoptr(ScTeamAddress) nowhere = sc_team_address_new ("/nonexistent-socket-dir", 0, DATABASE,
                                                            "alice", NULL);

    sc_team_login_set_address (sc_team_connect_dialog_get_login (dialog), nowhere);
    gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.go", NULL);
    wait_until (connect_done, dialog, "no server");
    g_assert_nonnull (strstr (sc_team_connect_dialog_get_error (dialog),
                              "cannot connect to the team server"));
  }

  /* and a server upgraded by a newer Scorecards */
  {
    g_autoptr(ScTeamAddress) newer = address_for ("alice");

    g_free (newer->database);
    newer->database = g_strdup ("newer");
    sc_team_login_set_address (sc_team_connect_dialog_get_login (dialog), newer);
    sc_team_login_set_password (sc_team_connect_dialog_get_login (dialog), ALICE_PASSWORD);
    gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.go", NULL);
    wait_until (connect_done, dialog, "the newer schema");
    if (!strstr (sc_team_connect_dialog_get_error (dialog),
                 "made by a newer Scorecards (schema version 99"))
      g_error ("not the newer schema's message: %s", sc_team_connect_dialog_get_error (dialog));
    g_assert_cmpstr (sc_team_connect_dialog_get_page (dialog), ==, "login");
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
window_on_store (gpointer window)
{
  return sc_window_get_store (window) != NULL;
}

static gboolean
publish_stopped (gpointer dialog)
{
  return !sc_team_publish_dialog_get_busy (dialog) &&
         (sc_team_publish_dialog_get_question (dialog) != NULL ||
          sc_team_publish_dialog_get_error (dialog) != NULL);
}

static gboolean
window_has_book (gpointer window)
{
  return sc_window_get_workbook (window) != NULL;
}

static char *
summary_json (const char *book)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;

  /* libpq's environment, not the command line, carries the password */
  g_subprocess_launcher_setenv (launcher, "PGPASSWORD", ALICE_PASSWORD, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SCORECARDS_BIN"),
                                         "summary", book, "--json", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("summary %s: %s", book, err);
  return out;
}

static ScTeamPublishDialog *
start_publish (ScWindow   *window,
               const char *screenshot)
{
  g_autoptr(ScTeamAddress) address = address_for ("alice");
  ScTeamPublishDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-team", NULL);
  dialog = find_toplevel (SC_TYPE_TEAM_PUBLISH_DIALOG);
  g_assert_nonnull (dialog);
  sc_team_login_set_address (sc_team_publish_dialog_get_login (dialog), address);
  sc_team_login_set_password (sc_team_publish_dialog_get_login (dialog), ALICE_PASSWORD);
  if (screenshot != NULL)
    sc_test_save_screenshot (GTK_WIDGET (dialog), screenshot);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "publish.publish", NULL);
  return dialog;
}

/* Publish a local workbook: the window then shows the team workbook, and
 * the server's summary is the file's. Publishing it again under the same
 * name asks before replacing.
 */
static void
test_publish (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = NULL;
  g_autofree char *from_file = NULL;
  g_autofree char *from_server = NULL;
  ScTeamPublishDialog *dialog;
  ScWindow *window = sc_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_file (window, file);
  wait_until (window_has_book, window, "the sample");
  g_assert_true (action_enabled (window, "win.edit-kpis"));
  g_assert_true (action_enabled (window, "win.publish-team"));

  start_publish (window, "team-publish.png");
  wait_until (window_on_store, window, "the published workbook");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "contoso-2024-2025");
  g_assert_null (sc_window_get_file (window));
  g_assert_cmpstr (sc_window_get_team_description (window), ==, "Team · alice@localhost — editor");

  uri = sc_test_pg_uri (server, "alice", DATABASE, "contoso-2024-2025");
  from_file = summary_json (path);
  from_server = summary_json (uri);
  g_assert_cmpstr (from_server, ==, from_file);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Again: the name is taken, the dialog asks; Replace replaces */
  window = sc_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_file (window, file);
  wait_until (window_has_book, window, "the sample, again");
  sc_workbook_set_company (sc_window_get_workbook (window), "Replaced Ltd");
  dialog = start_publish (window, NULL);
  wait_until (publish_stopped, dialog, "the question");
  g_assert_nonnull (sc_team_publish_dialog_get_question (dialog));
  g_assert_null (sc_window_get_store (window));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (sc_team_publish_dialog_get_question (dialog)),
                               "replace");
  wait_until (window_on_store, window, "the replaced workbook");
  {
    g_autofree char *company = sc_test_pg_query (server, DATABASE,
                                                 "SELECT company FROM scorecards.workbook "
                                                 "WHERE name = 'contoso-2024-2025'");
    g_assert_cmpstr (company, ==, "Replaced Ltd");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* After all of the above: no password in GSettings, the recent list or
 * this process's command line.
 */
static void
test_password_nowhere (void)
{
  static const char *passwords[] = { ALICE_PASSWORD, BOB_PASSWORD, OWNER_PASSWORD };
  g_autoptr(GSettings) settings = g_settings_new ("io.github.scorecards.Scorecards");
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *recent_path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel",
                                                   NULL);
  g_autofree char *recent = NULL;
  g_autofree char *cmdline = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GString) all_settings = g_string_new (NULL);
  gsize cmdline_length;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_string_append_printf (all_settings, "%s=%s\n", keys[i], text);
    }
  g_assert_true (g_file_get_contents (recent_path, &recent, NULL, NULL));
  g_assert_true (g_file_get_contents ("/proc/self/cmdline", &cmdline, &cmdline_length, NULL));
  for (gsize i = 0; i + 1 < cmdline_length; i++)
    if (cmdline[i] == '\0')
      cmdline[i] = ' ';

  g_assert_nonnull (strstr (recent, "workbook=Suppliers"));
  for (guint i = 0; i < G_N_ELEMENTS (passwords); i++)
    {
      g_assert_null (strstr (all_settings->str, passwords[i]));
      g_assert_null (strstr (recent, passwords[i]));
      g_assert_null (strstr (cmdline, passwords[i]));
    }
}

/* A server that asks everyone but its superuser for a password, with the
 * team of docs/team-server.md and the sample as "Suppliers".
 */
static void
start_server (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sc-test-hba-XXXXXX", NULL);
  g_autofree char *hba = g_build_filename (dir, "pg_hba.conf", NULL);
  g_autofree char *options = g_strdup_printf ("-c hba_file=%s", hba);
  g_autofree char *owner_uri = NULL;
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (hba, "local all postgres trust\n"
                                           "local all all scram-sha-256\n", -1, NULL));
  g_chmod (dir, 0755);
  g_chmod (hba, 0644);
  server = sc_test_pg_start_with_options (options);
  sc_test_pg_add_team (server, DATABASE);
  sc_test_pg_exec (server, NULL,
                   "ALTER ROLE alice PASSWORD '" ALICE_PASSWORD "';"
                   "ALTER ROLE bob PASSWORD '" BOB_PASSWORD "';"
                   "ALTER ROLE scorecards_owner PASSWORD '" OWNER_PASSWORD "'");

  owner_uri = sc_test_pg_uri (server, "scorecards_owner", DATABASE, "Suppliers");
  book = sc_workbook_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  store = sc_pg_store_new_with_password (owner_uri, OWNER_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (sc_store_save (store, book, SC_STORE_SAVE_CREATE, NULL, &error));
  g_assert_no_error (error);

  /* "newer": a database whose tables a newer Scorecards made */
  sc_test_pg_add_team (server, "newer");
  {
    g_autofree char *newer_uri = sc_test_pg_uri (server, "scorecards_owner", "newer", "Old");
    g_autoptr(ScStore) newer = sc_pg_store_new_with_password (newer_uri, OWNER_PASSWORD, &error);

    g_assert_no_error (error);
    g_assert_true (sc_store_save (newer, book, SC_STORE_SAVE_CREATE, NULL, &error));
    g_assert_no_error (error);
    sc_test_pg_exec (server, "newer",
                     "INSERT INTO scorecards.schema_migration (version, name) VALUES (99, 'future')");
  }

  g_unlink (hba);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sc_test_ui_init (&argc, &argv);
  /* the recent list is written only for a named application */
  g_set_application_name ("Scorecards");
  start_server ();

  g_test_add_func ("/team-connect/connect-and-open", test_connect_and_open);
  g_test_add_func ("/team-connect/recent-reopen", test_recent_reopen);
  g_test_add_func ("/team-connect/create", test_create);
  g_test_add_func ("/team-connect/recent-asks-password", test_recent_asks_password);
  g_test_add_func ("/team-connect/viewer-read-only", test_viewer_read_only);
  g_test_add_func ("/team-connect/cancel-loading", test_cancel_loading);
  g_test_add_func ("/team-connect/wrong-password", test_wrong_password);
  g_test_add_func ("/team-connect/publish", test_publish);
  g_test_add_func ("/team-connect/password-nowhere", test_password_nowhere);

  status = g_test_run ();
  sc_test_pg_stop (server);
  return status;
}
