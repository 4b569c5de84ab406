/* test-team-window.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window showing a team workbook edited live (src/ui/sc-window-live.c,
 * src/ui/team/), against a real PostgreSQL server: an issue changed by
 * someone else changes in the open issue list in place, the selection
 * kept; the banner says when the server is gone and goes when it is back.
 */

#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>
#include <string.h>

#include "sc-issue-editor-private.h"
#include "sc-issue-editor.h"
#include "sc-issues-page-private.h"
#include "sc-store-location.h"
#include "sc-team-banner.h"
#include "sc-team-conflict-dialog.h"
#include "sc-team-session.h"
#include "sc-test-pg.h"
#include "sc-test-ui.h"
#include "sc-window-live.h"
#include "sc-window-private.h"
#include "sc-workbook-io.h"

static ScTestPg *server;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data,
            guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

static char *
new_team_workbook (void)
{
  static guint counter;
  g_autofree char *db = g_strdup_printf ("team_window_%u", ++counter);
  const char *path = g_test_get_filename (G_TEST_DIST, "..", "data", "samples",
                                          "contoso-2024-2025.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(ScStore) owner = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  sc_test_pg_add_team (server, db);
  uri = sc_test_pg_uri (server, "scorecards_owner", db, "Live");
  book = sc_workbook_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  owner = sc_store_new_for_location (uri, &error);
  g_assert_no_error (error);
  sc_store_save (owner, book, SC_STORE_SAVE_CREATE, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static gboolean
is_live (gpointer data)
{
  ScTeamSession *session = sc_window_get_live_session (data);

  return session != NULL && sc_team_session_get_state (session) == SC_TEAM_SESSION_ONLINE;
}

static gboolean
is_offline (gpointer data)
{
  ScTeamSession *session = sc_window_get_live_session (data);

  return sc_team_session_get_state (session) == SC_TEAM_SESSION_OFFLINE;
}

static gboolean
is_online (gpointer data)
{
  return sc_team_session_get_state (data) == SC_TEAM_SESSION_ONLINE;
}

typedef struct
{
  ScIssue    *issue;
  const char *title;
} TitleWait;

static gboolean
has_title (gpointer data)
{
  TitleWait *w = data;

  return g_strcmp0 (sc_issue_get_title (w->issue), w->title) == 0;
}

/* A label showing exactly @text under @widget */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_remote_edit_in_place (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autofree char *uri = sc_test_pg_uri (server, "alice", db, "Live");
  ScWindow *window = sc_window_new (NULL);
  g_autoptr(ScTeamSession) other = NULL;
  g_autoptr(ScWorkbook) other_book = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ScIssuesPage *page;
  GtkSelectionModel *selection;
  g_autoptr(ScIssue) selected = NULL;
  ScTeamBanner *banner;
  TitleWait w;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_team (window, uri);
  g_assert_true (wait_until (is_live, window, 15000));

  /* the issues page, its third issue selected */
  page = _sc_window_ensure_issues_page (window);
  adw_view_stack_set_visible_child_name (sc_window_get_view_stack (window), "issues");
  sc_test_settle ();
  selection = sc_issues_page_get_selection (page);
  gtk_selection_model_select_item (selection, 2, TRUE);
  sc_test_settle ();
  selected = g_list_model_get_item (G_LIST_MODEL (selection), 2);

  /* someone else renames it */
  store = sc_store_new_for_location (uri, &error);
  g_assert_no_error (error);
  other_book = sc_store_load (store, NULL, &error);
  g_assert_no_error (error);
  other = sc_team_session_new (uri, other_book, &error);
  g_assert_no_error (error);
  g_assert_true (wait_until (is_online, other, 15000));
  sc_issue_set_title (sc_workbook_lookup_issue (other_book, sc_issue_get_id (selected)),
                      "Renamed by a colleague");
  sc_team_session_flush (other);

  w.issue = selected;
  w.title = "Renamed by a colleague";
  g_assert_true (wait_until (has_title, &w, 2000));
  sc_test_settle ();
  g_assert_true (shows_label (GTK_WIDGET (page), "Renamed by a colleague"));
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
  {
    g_autoptr(ScIssue) still = g_list_model_get_item (G_LIST_MODEL (selection), 2);
    g_assert_true (still == selected);
  }

  /* an editor open while someone else changes the title: saving the
   * description keeps their title
   */
  {
    GtkWindow *editor = sc_issue_editor_new_for_issue (GTK_WINDOW (window),
                                                       sc_window_get_workbook (window),
                                                       sc_window_get_undo_stack (window),
                                                       selected);
    ScIssue *theirs = sc_workbook_lookup_issue (other_book, sc_issue_get_id (selected));
    g_autofree char *sql = NULL;
    g_autofree char *stored = NULL;

    gtk_window_present (editor);
    sc_test_settle ();
    sc_issue_set_title (theirs, "Their title, while the editor was open");
    sc_team_session_flush (other);
    w.title = "Their title, while the editor was open";
    g_assert_true (wait_until (has_title, &w, 2000));
    gtk_text_buffer_set_text (sc_issue_editor_get_description_buffer (SC_ISSUE_EDITOR (editor)),
                              "My description, typed meanwhile", -1);
    sc_test_settle ();
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
    sc_test_settle ();
    sc_team_session_flush (sc_window_get_live_session (window));
    sc_test_settle ();
    g_assert_cmpstr (sc_issue_get_title (selected), ==, "Their title, while the editor was open");
    sql = g_strdup_printf ("SELECT title || ' / ' || description FROM scorecards.issue"
                           " WHERE id = '%s'", sc_issue_get_id (selected));
    stored = sc_test_pg_query (server, db, sql);
    g_assert_cmpstr (stored, ==, "Their title, while the editor was open / "
                                 "My description, typed meanwhile");
  }

  /* the server goes: the banner says so, and goes when it is back */
  banner = window->team_banner;
  g_assert_cmpstr (sc_team_banner_get_text (banner), ==, "");
  sc_test_pg_kill (server);
  g_assert_true (wait_until (is_offline, window, 10000));
  sc_test_settle ();
  g_assert_true (g_str_has_prefix (sc_team_banner_get_text (banner), "Offline"));
  sc_test_save_screenshot (GTK_WIDGET (window), "team-offline.png");
  sc_test_pg_restart (server);
  g_assert_true (wait_until (is_live, window, 20000));
  sc_test_settle ();
  g_assert_cmpstr (sc_team_banner_get_text (banner), ==, "");

  sc_team_session_close (other);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_conflict_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (SC_IS_TEAM_CONFLICT_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

static gboolean
has_conflict_dialog (gpointer data)
{
  return find_conflict_dialog () != NULL;
}

/* Two people save one issue: the window shows both texts, and "Keep Mine"
 * writes the window's.
 */
static void
test_conflict_dialog (void)
{
  g_autofree char *db = new_team_workbook ();
  g_autofree char *uri = sc_test_pg_uri (server, "alice", db, "Live");
  ScWindow *window = sc_window_new (NULL);
  g_autoptr(ScTeamSession) other = NULL;
  g_autoptr(ScWorkbook) other_book = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *stored = NULL;
  ScIssue *mine;
  GtkWindow *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_team (window, uri);
  g_assert_true (wait_until (is_live, window, 15000));
  store = sc_store_new_for_location (uri, &error);
  g_assert_no_error (error);
  other_book = sc_store_load (store, NULL, &error);
  g_assert_no_error (error);
  other = sc_team_session_new (uri, other_book, &error);
  g_assert_no_error (error);
  g_assert_true (wait_until (is_online, other, 15000));
  sc_test_settle ();

  mine = sc_workbook_lookup_issue (sc_window_get_workbook (window), "ISS-0003");
  sc_issue_set_description (mine, "Anna: the supplier sent a new 8D report today.");
  sc_issue_set_description (sc_workbook_lookup_issue (other_book, "ISS-0003"),
                            "Ben: escalated to the plant manager.");
  /* the other's worker writes while nothing runs on the main context:
   * the window's edit is still unsent when theirs is committed
   */
  sc_team_session_flush (other);
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *now = sc_test_pg_query (server, db, "SELECT description FROM "
                                               "scorecards.issue WHERE id = 'ISS-0003'");

      if (g_strcmp0 (now, "Ben: escalated to the plant manager.") == 0)
        break;
      g_usleep (10 * 1000);
    }
  sc_team_session_flush (sc_window_get_live_session (window));
  g_assert_true (wait_until (has_conflict_dialog, NULL, 5000));
  sc_test_settle ();
  dialog = find_conflict_dialog ();
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Someone Else Changed This Issue"));
  g_assert_nonnull (strstr (sc_team_banner_get_text (window->team_banner), "changed by someone else"));
  sc_test_save_screenshot (GTK_WIDGET (dialog), "team-conflict.png");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  sc_test_settle ();
  sc_team_session_flush (sc_window_get_live_session (window));
  sc_test_settle ();
  sql = g_strdup_printf ("SELECT description FROM scorecards.issue WHERE id = 'ISS-0003'");
  stored = sc_test_pg_query (server, db, sql);
  g_assert_cmpstr (stored, ==, "Anna: the supplier sent a new 8D report today.");
  g_assert_cmpstr (sc_team_banner_get_text (window->team_banner), ==, "");

  sc_team_session_close (other);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Removes @path and everything under it (the state folder of the run) */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("sc-test-team-window-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  sc_test_ui_init (&argc, &argv);
  server = sc_test_pg_start_with_options ("-c fsync=off -c full_page_writes=off");
  g_test_add_func ("/team-window/remote-edit-in-place", test_remote_edit_in_place);
  g_test_add_func ("/team-window/conflict-dialog", test_conflict_dialog);
  status = g_test_run ();
  sc_test_pg_stop (server);
  remove_tree (state);
  return status;
}
