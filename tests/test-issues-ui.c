/* test-issues-ui.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Issues page and the issue editor under Xvfb, driven through their
 * widgets as a user would: filter, search and sort the sample's 15 issues,
 * change the status of several at once, create, edit and delete an issue,
 * read its history, undo.
 * With SC_SCREENSHOT_DIR set, it also saves PNG screenshots there.
 */

#include "config.h"

#include "sc-test-ui.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-issue-edit.h"
#include "sc-issue-editor.h"
#include "sc-issue-editor-private.h"
#include "sc-issues-page.h"
#include "sc-issues-page-private.h"
#include "sc-workbook-io.h"

typedef struct
{
  ScWorkbook   *book;
  ScUndoStack  *undo;
  GtkWindow    *window;
  ScIssuesPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "contoso-2024-2025.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GDate today;

  f->book = sc_workbook_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  f->undo = sc_undo_stack_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 720);
  f->page = SC_ISSUES_PAGE (sc_issues_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  /* The end of the sample's data, as docs/sample-data.md counts overdue */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 31, 12, 2025);
  sc_issues_page_set_today (f->page, &today);
  sc_issues_page_set_workbook (f->page, f->book, f->undo);
  gtk_window_present (f->window);
  sc_test_settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->undo);
  g_clear_object (&f->book);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sc_issues_page_get_selection (f->page)));
}

/* Iterates until the page shows @n issues, or 10 s have passed: it
 * refreshes in an idle, which a loaded machine's redraws can hold off
 * longer than sc_test_settle() waits
 */
static void
wait_for_shown (Fixture *f,
                guint    n)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (n_shown (f) != n && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static ScIssue *
shown (Fixture *f,
       guint    position)
{
  ScIssue *issue = g_list_model_get_item (G_LIST_MODEL (sc_issues_page_get_selection (f->page)), position);

  g_object_unref (issue);   /* the workbook keeps it */
  return issue;
}

/* The position of @text among the dropdown's strings. */
static guint
find_choice (GtkDropDown *dropdown,
             const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
        return i;
    }
  g_error ("no “%s” in the dropdown", text);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_assert_cmpuint (n_shown (f), ==, 15);
  g_assert_cmpstr (sc_issues_page_get_visible_child (f->page), ==, "list");
  sc_test_save_screenshot (GTK_WIDGET (f->window), "issues-page.png");

  gtk_drop_down_set_selected (sc_issues_page_get_status_dropdown (f->page), 5);   /* Closed */
  g_assert_cmpuint (n_shown (f), ==, 4);
  gtk_drop_down_set_selected (sc_issues_page_get_status_dropdown (f->page), 1);   /* Not done */
  g_assert_cmpuint (n_shown (f), ==, 8);
  gtk_drop_down_set_selected (sc_issues_page_get_status_dropdown (f->page), 0);

  gtk_drop_down_set_selected (sc_issues_page_get_severity_dropdown (f->page), 4); /* Critical */
  g_assert_cmpuint (n_shown (f), ==, 3);
  gtk_drop_down_set_selected (sc_issues_page_get_severity_dropdown (f->page), 0);

  gtk_drop_down_set_selected (sc_issues_page_get_owner_dropdown (f->page),
                              find_choice (sc_issues_page_get_owner_dropdown (f->page), "Jana Weber"));
  g_assert_cmpuint (n_shown (f), ==, 3);
  gtk_drop_down_set_selected (sc_issues_page_get_owner_dropdown (f->page), 0);

  gtk_drop_down_set_selected (sc_issues_page_get_kpi_dropdown (f->page),
                              find_choice (sc_issues_page_get_kpi_dropdown (f->page), "Defective parts per million (PPM)"));
  g_assert_cmpuint (n_shown (f), ==, 2);
  gtk_drop_down_set_selected (sc_issues_page_get_kpi_dropdown (f->page), 0);

  /* Six were overdue on 2025-12-31 */
  gtk_toggle_button_set_active (sc_issues_page_get_overdue_toggle (f->page), TRUE);
  g_assert_cmpuint (n_shown (f), ==, 6);
  gtk_toggle_button_set_active (sc_issues_page_get_overdue_toggle (f->page), FALSE);

  /* "Only <partner>" appears with a partner and filters by it */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sc_issues_page_get_partner_toggle (f->page))));
  sc_issues_page_set_partner (f->page, sc_workbook_lookup_partner (f->book, "s07"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sc_issues_page_get_partner_toggle (f->page))));
  g_assert_cmpuint (n_shown (f), ==, 15);
  gtk_toggle_button_set_active (sc_issues_page_get_partner_toggle (f->page), TRUE);
  g_assert_cmpuint (n_shown (f), ==, 2);
  gtk_toggle_button_set_active (sc_issues_page_get_partner_toggle (f->page), FALSE);

  /* Search: title, description, owner and partner name, ignoring case */
  gtk_editable_set_text (sc_issues_page_get_search_entry (f->page), "POROSITY");
  sc_test_settle ();
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (sc_issue_get_id (shown (f, 0)), ==, "ISS-0005");
  gtk_editable_set_text (sc_issues_page_get_search_entry (f->page), "lombardia");
  sc_test_settle ();
  g_assert_cmpuint (n_shown (f), ==, 3);
  gtk_editable_set_text (sc_issues_page_get_search_entry (f->page), "no such thing");
  sc_test_settle ();
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (sc_issues_page_get_visible_child (f->page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (sc_issues_page_get_status_page (f->page)), ==,
                   "No Matching Issues");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "issues.clear-filters", NULL);
  g_assert_cmpuint (n_shown (f), ==, 15);
  g_assert_cmpstr (sc_issues_page_get_visible_child (f->page), ==, "list");
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkDropDown *sort = sc_issues_page_get_sort_dropdown (f->page);

  /* Due date, soonest first */
  g_assert_cmpstr (sc_issue_get_id (shown (f, 0)), ==, "ISS-0012");
  gtk_drop_down_set_selected (sort, SC_ISSUES_SORT_SEVERITY);
  g_assert_cmpint (sc_issue_get_severity (shown (f, 0)), ==, SC_SEVERITY_CRITICAL);
  g_assert_cmpint (sc_issue_get_severity (shown (f, 14)), ==, SC_SEVERITY_LOW);
  gtk_drop_down_set_selected (sort, SC_ISSUES_SORT_STATUS);
  g_assert_cmpint (sc_issue_get_status (shown (f, 0)), ==, SC_ISSUE_OPEN);
  g_assert_cmpint (sc_issue_get_status (shown (f, 14)), ==, SC_ISSUE_CLOSED);
  gtk_drop_down_set_selected (sort, SC_ISSUES_SORT_PARTNER);
  g_assert_cmpstr (sc_issue_get_partner_id (shown (f, 0)), ==, "s07");   /* Fonderia Valle Trompia */
}

static void
test_bulk_status (Fixture       *f,
                  gconstpointer  data)
{
  GtkSelectionModel *selection = sc_issues_page_get_selection (f->page);
  ScIssue *issues[3];

  gtk_drop_down_set_selected (sc_issues_page_get_status_dropdown (f->page), 2);   /* Open */
  g_assert_cmpuint (n_shown (f), ==, 3);
  for (guint i = 0; i < 3; i++)
    issues[i] = shown (f, i);

  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "issues.set-status", "s", "resolved");
  sc_test_settle ();
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (sc_issue_get_status (issues[i]), ==, SC_ISSUE_RESOLVED);
  /* The page follows: none is open any more */
  wait_for_shown (f, 0);
  g_assert_cmpuint (n_shown (f), ==, 0);

  /* One undo step brings all three back */
  g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_false (sc_undo_stack_get_can_undo (f->undo));
  sc_test_settle ();
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (sc_issue_get_status (issues[i]), ==, SC_ISSUE_OPEN);
  wait_for_shown (f, 3);
  g_assert_cmpuint (n_shown (f), ==, 3);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  ScPartner *partner = sc_workbook_lookup_partner (f->book, "s07");
  ScKpi *kpi = sc_workbook_lookup_kpi (f->book, "scrap_rate_pct");
  ScIssueEditor *editor;
  GtkButton *create;
  ScIssue *issue;
  ScPeriod period;

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-11", &period));
  editor = SC_ISSUE_EDITOR (sc_issue_editor_new_for_create (f->window, f->book, f->undo,
                                                            partner, kpi, period));
  gtk_window_present (GTK_WINDOW (editor));
  sc_test_settle ();
  create = sc_issue_editor_get_save_button (editor);

  /* No title, no Create */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (create)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (sc_issue_editor_get_partner_row (editor))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sc_issue_editor_get_delete_button (editor))));
  gtk_editable_set_text (sc_issue_editor_get_title_editable (editor), "Porosity again on AH-310");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (create)));

  /* A bad due date shows as an error and blocks Create */
  gtk_editable_set_text (sc_issue_editor_get_due_editable (editor), "2025-02-30");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (create)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (sc_issue_editor_get_due_row (editor)),
                                           "issue-field-invalid"));
  gtk_editable_set_text (sc_issue_editor_get_due_editable (editor), "2026-01-15");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (create)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (sc_issue_editor_get_due_row (editor)),
                                            "issue-field-invalid"));

  gtk_editable_set_text (sc_issue_editor_get_owner_editable (editor), "Paolo Ricci");
  gtk_editable_set_text (sc_issue_editor_get_reference_editable (editor), "8D-2025-031");
  gtk_text_buffer_set_text (sc_issue_editor_get_description_buffer (editor), "Scrap up to 6 %.", -1);
  gtk_text_buffer_set_text (sc_issue_editor_get_action_buffer (editor), "X-ray every lot.", -1);
  adw_combo_row_set_selected (sc_issue_editor_get_severity_row (editor), SC_SEVERITY_HIGH);
  g_signal_emit_by_name (create, "clicked");
  sc_test_settle ();

  issue = sc_workbook_lookup_issue (f->book, "ISS-0016");
  g_assert_nonnull (issue);
  g_assert_cmpstr (sc_issue_get_partner_id (issue), ==, "s07");
  g_assert_cmpstr (sc_issue_get_kpi_id (issue), ==, "scrap_rate_pct");
  g_assert_cmpint (sc_issue_get_period (issue), ==, period);
  g_assert_cmpstr (sc_issue_get_title (issue), ==, "Porosity again on AH-310");
  g_assert_cmpstr (sc_issue_get_owner (issue), ==, "Paolo Ricci");
  g_assert_cmpstr (sc_issue_get_due (issue), ==, "2026-01-15");
  g_assert_cmpstr (sc_issue_get_reference (issue), ==, "8D-2025-031");
  g_assert_cmpstr (sc_issue_get_description (issue), ==, "Scrap up to 6 %.");
  g_assert_cmpstr (sc_issue_get_action (issue), ==, "X-ray every lot.");
  g_assert_cmpint (sc_issue_get_severity (issue), ==, SC_SEVERITY_HIGH);
  g_assert_cmpint (sc_issue_get_status (issue), ==, SC_ISSUE_OPEN);
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, 0);
  g_assert_cmpuint (n_shown (f), ==, 16);

  g_assert_true (sc_undo_stack_undo (f->undo));
  sc_test_settle ();
  g_assert_null (sc_workbook_lookup_issue (f->book, "ISS-0016"));
  g_assert_cmpuint (n_shown (f), ==, 15);
}

static void
test_edit_history (Fixture       *f,
                   gconstpointer  data)
{
  ScIssue *issue = sc_workbook_lookup_issue (f->book, "ISS-0003");
  guint n_changes = sc_issue_get_n_changes (issue);
  ScIssueEditor *editor;
  GtkListBoxRow *row;
  GtkButton *save;

  editor = SC_ISSUE_EDITOR (sc_issue_editor_new_for_issue (f->window, f->book, f->undo, issue));
  gtk_window_set_default_size (GTK_WINDOW (editor), 640, 1270);
  gtk_window_present (GTK_WINDOW (editor));
  sc_test_settle ();
  sc_test_save_screenshot (GTK_WIDGET (editor), "issue-editor.png");
  save = sc_issue_editor_get_save_button (editor);

  /* Nothing changed yet: nothing to save */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (save)));
  g_assert_cmpstr (gtk_editable_get_text (sc_issue_editor_get_title_editable (editor)), ==,
                   sc_issue_get_title (issue));
  g_assert_cmpuint (adw_combo_row_get_selected (sc_issue_editor_get_status_row (editor)), ==,
                    SC_ISSUE_IN_PROGRESS);
  g_assert_nonnull (gtk_list_box_get_row_at_index (sc_issue_editor_get_history_list (editor), n_changes - 1));

  adw_combo_row_set_selected (sc_issue_editor_get_status_row (editor), SC_ISSUE_RESOLVED);
  gtk_editable_set_text (sc_issue_editor_get_owner_editable (editor), "Markus Lehmann");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (save)));
  g_signal_emit_by_name (save, "clicked");
  sc_test_settle ();

  g_assert_cmpint (sc_issue_get_status (issue), ==, SC_ISSUE_RESOLVED);
  g_assert_cmpstr (sc_issue_get_owner (issue), ==, "Markus Lehmann");
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, n_changes + 2);

  /* The history shows the change, newest first */
  editor = SC_ISSUE_EDITOR (sc_issue_editor_new_for_issue (f->window, f->book, f->undo, issue));
  gtk_window_present (GTK_WINDOW (editor));
  sc_test_settle ();
  row = gtk_list_box_get_row_at_index (sc_issue_editor_get_history_list (editor), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Status: In progress → Resolved");
  row = gtk_list_box_get_row_at_index (sc_issue_editor_get_history_list (editor), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Owner: Paolo Ricci → Markus Lehmann");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Both fields were one undo step */
  g_assert_true (sc_undo_stack_undo (f->undo));
  g_assert_false (sc_undo_stack_get_can_undo (f->undo));
  g_assert_cmpint (sc_issue_get_status (issue), ==, SC_ISSUE_IN_PROGRESS);
  g_assert_cmpstr (sc_issue_get_owner (issue), ==, "Paolo Ricci");
}

/* The position of @text among the combo row's strings. */
static guint
find_row_choice (AdwComboRow *row,
                 const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
        return i;
    }
  g_error ("no “%s” in the combo row", text);
}

/* The title of the newest history entry, as the editor of @issue shows it. */
static char *
newest_history_title (Fixture *f,
                      ScIssue *issue)
{
  GtkWindow *editor = GTK_WINDOW (sc_issue_editor_new_for_issue (f->window, f->book, f->undo, issue));
  GtkListBoxRow *row;
  char *title;

  gtk_window_present (editor);
  sc_test_settle ();
  row = gtk_list_box_get_row_at_index (sc_issue_editor_get_history_list (SC_ISSUE_EDITOR (editor)), 0);
  g_assert_nonnull (row);
  title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_window_destroy (editor);
  sc_test_settle ();

  return title;
}

static void
test_edit_period_history (Fixture       *f,
                          gconstpointer  data)
{
  ScIssue *issue = sc_workbook_lookup_issue (f->book, "ISS-0003");
  guint n_changes = sc_issue_get_n_changes (issue);
  g_autofree char *title = NULL;
  AdwComboRow *period_row;
  ScIssueEditor *editor;
  ScPeriod june;

  editor = SC_ISSUE_EDITOR (sc_issue_editor_new_for_issue (f->window, f->book, f->undo, issue));
  gtk_window_present (GTK_WINDOW (editor));
  sc_test_settle ();
  period_row = sc_issue_editor_get_period_row (editor);
  g_assert_cmpuint (adw_combo_row_get_selected (period_row), ==, find_row_choice (period_row, "Aug 2025"));
  adw_combo_row_set_selected (period_row, find_row_choice (period_row, "Jun 2025"));
  g_signal_emit_by_name (sc_issue_editor_get_save_button (editor), "clicked");
  sc_test_settle ();

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-06", &june));
  g_assert_cmpint (sc_issue_get_period (issue), ==, june);
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, n_changes + 1);
  title = newest_history_title (f, issue);
  g_assert_cmpstr (title, ==, "Period: Aug 2025 → Jun 2025");
  g_clear_pointer (&title, g_free);

  /* Undoing puts the period back, and the history says so */
  g_assert_true (sc_undo_stack_undo (f->undo));
  sc_test_settle ();
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, n_changes + 2);
  title = newest_history_title (f, issue);
  g_assert_cmpstr (title, ==, "Period: Jun 2025 → Aug 2025");
  g_clear_pointer (&title, g_free);

  /* No period: a dash, as for an empty due date */
  g_assert_true (sc_issue_edit_set_period (f->undo, issue, SC_PERIOD_NONE));
  title = newest_history_title (f, issue);
  g_assert_cmpstr (title, ==, "Period: Aug 2025 → —");
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ScIssue) issue = g_object_ref (sc_workbook_lookup_issue (f->book, "ISS-0015"));
  ScIssueEditor *editor;
  AdwMessageDialog *dialog;

  editor = SC_ISSUE_EDITOR (sc_issue_editor_new_for_issue (f->window, f->book, f->undo, issue));
  gtk_window_present (GTK_WINDOW (editor));
  sc_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sc_issue_editor_get_delete_button (editor))));
  g_signal_emit_by_name (sc_issue_editor_get_delete_button (editor), "clicked");
  sc_test_settle ();

  /* Nothing is deleted before the user confirms */
  dialog = sc_issue_editor_get_delete_dialog (editor);
  g_assert_nonnull (dialog);
  g_assert_nonnull (sc_workbook_lookup_issue (f->book, "ISS-0015"));
  adw_message_dialog_response (dialog, "delete");
  sc_test_settle ();

  g_assert_null (sc_workbook_lookup_issue (f->book, "ISS-0015"));
  g_assert_cmpuint (n_shown (f), ==, 14);
  g_assert_true (sc_undo_stack_undo (f->undo));
  sc_test_settle ();
  g_assert_true (sc_workbook_lookup_issue (f->book, "ISS-0015") == issue);
  g_assert_cmpuint (n_shown (f), ==, 15);
}

/* The ids of @issues in their order, "ISS-0001 ISS-0002 …". */
static char *
issue_ids (GListModel *issues)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", sc_issue_get_id (issue));
    }
  return g_string_free (ids, FALSE);
}

/* Deleting an issue from the middle and undoing it leaves the workbook's
 * list, the page and the saved file as they were.
 */
static void
test_delete_undo_order (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ScIssue) issue = g_object_ref (sc_workbook_lookup_issue (f->book, "ISS-0007"));
  g_autofree char *book_before = issue_ids (sc_workbook_get_issues (f->book));
  g_autofree char *page_before = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-issues-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "book.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;
  ScIssueEditor *editor;

  page_before = issue_ids (G_LIST_MODEL (sc_issues_page_get_selection (f->page)));
  g_assert_nonnull (strstr (book_before, "ISS-0006 ISS-0007 ISS-0008"));

  editor = SC_ISSUE_EDITOR (sc_issue_editor_new_for_issue (f->window, f->book, f->undo, issue));
  gtk_window_present (GTK_WINDOW (editor));
  sc_test_settle ();
  g_signal_emit_by_name (sc_issue_editor_get_delete_button (editor), "clicked");
  sc_test_settle ();
  adw_message_dialog_response (sc_issue_editor_get_delete_dialog (editor), "delete");
  sc_test_settle ();
  g_assert_null (sc_workbook_lookup_issue (f->book, "ISS-0007"));
  g_assert_cmpuint (n_shown (f), ==, 14);

  g_assert_true (sc_undo_stack_undo (f->undo));
  sc_test_settle ();
  ids = issue_ids (sc_workbook_get_issues (f->book));
  g_assert_cmpstr (ids, ==, book_before);
  g_clear_pointer (&ids, g_free);
  ids = issue_ids (G_LIST_MODEL (sc_issues_page_get_selection (f->page)));
  g_assert_cmpstr (ids, ==, page_before);
  g_clear_pointer (&ids, g_free);

  /* Redo deletes it again, undo brings it back to the same place */
  g_assert_true (sc_undo_stack_redo (f->undo));
  sc_test_settle ();
  g_assert_null (sc_workbook_lookup_issue (f->book, "ISS-0007"));
  g_assert_cmpuint (n_shown (f), ==, 14);
  g_assert_true (sc_undo_stack_undo (f->undo));
  sc_test_settle ();
  g_assert_true (sc_workbook_lookup_issue (f->book, "ISS-0007") == issue);
  ids = issue_ids (G_LIST_MODEL (sc_issues_page_get_selection (f->page)));
  g_assert_cmpstr (ids, ==, page_before);
  g_clear_pointer (&ids, g_free);

  /* The saved file lists the issues as before the delete */
  g_assert_true (sc_workbook_save_to_file (f->book, file, NULL, &error));
  g_assert_no_error (error);
  loaded = sc_workbook_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  ids = issue_ids (sc_workbook_get_issues (loaded));
  g_assert_cmpstr (ids, ==, book_before);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_empty_and_export (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ScWorkbook) empty = sc_workbook_new ();
  g_autofree char *dir = g_dir_make_tmp ("sc-issues-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "issues.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  /* The export writes what the page shows */
  gtk_drop_down_set_selected (sc_issues_page_get_severity_dropdown (f->page), 4);
  g_assert_true (sc_issues_page_export_csv_to (f->page, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "id,"));
  g_assert_nonnull (strstr (contents, "ISS-0009"));
  g_assert_null (strstr (contents, "ISS-0002"));
  g_unlink (path);
  g_rmdir (dir);

  sc_issues_page_set_workbook (f->page, empty, f->undo);
  sc_test_settle ();
  g_assert_cmpstr (sc_issues_page_get_visible_child (f->page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (sc_issues_page_get_status_page (f->page)), ==, "No Issues");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  sc_test_ui_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/issues-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("filters", test_filters);
  ADD ("sort", test_sort);
  ADD ("bulk-status", test_bulk_status);
  ADD ("create", test_create);
  ADD ("edit-history", test_edit_history);
  ADD ("edit-period-history", test_edit_period_history);
  ADD ("delete", test_delete);
  ADD ("delete-undo-order", test_delete_undo_order);
  ADD ("empty-and-export", test_empty_and_export);
#undef ADD

  return g_test_run ();
}
