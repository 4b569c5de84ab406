/* test-reviews-ui.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the review meetings in the window (src/ui/reviews): "New
 * Review" on a partner's scorecard makes a review, which shows in the
 * list and opens in its own window; "Mark as Held" freezes it and undo
 * thaws it; the pack is exported; "Email to <contact>…" attaches it to
 * a message (a stub xdg-email records it) and marks the review sent,
 * which undo takes back.
 */

#include "config.h"

#include "sc-test-ui.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-review-diff.h"
#include "sc-review-edit.h"
#include "sc-review-window.h"
#include "sc-reviews-section.h"
#include "sc-window.h"
#include "sc-window-private.h"

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_workbook (ScWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, on_timeout_cb, &timed_out);

  while (sc_window_get_workbook (window) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  sc_test_settle ();
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The first label under @widget whose text starts with @prefix. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found)
        return found;
    }
  return NULL;
}

/* The first widget under @widget whose tooltip starts with @prefix. */
static GtkWidget *
find_tooltip (GtkWidget  *widget,
              const char *prefix)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip != NULL && g_str_has_prefix (tooltip, prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, prefix);

      if (found)
        return found;
    }
  return NULL;
}

static void
select_partner (ScWindow   *window,
                const char *name)
{
  GtkSelectionModel *selection = sc_window_get_partner_selection (window);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (selection), i);
      ScPartner *partner = SC_IS_PARTNER (item) ? SC_PARTNER (item)
        : GTK_IS_TREE_LIST_ROW (item) ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item)) : NULL;

      if (partner && g_strcmp0 (sc_partner_get_name (partner), name) == 0)
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          sc_test_settle ();
          return;
        }
    }
  g_assert_not_reached ();
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static ScReviewWindow *
find_review_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SC_IS_REVIEW_WINDOW (window))
        return SC_REVIEW_WINDOW (window);
    }
  return NULL;
}

static char *
copy_sample (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-reviews-ui-XXXXXX", NULL);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "contoso-2024-2025.scorecard", NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, "book.scorecard", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
test_new_review (void)
{
  g_autofree char *path = copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pack_path = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr(GFile) pack = g_file_new_for_path (pack_path);
  g_autoptr(GError) error = NULL;
  ScWindow *window = sc_window_new (NULL);
  ScReviewsSection *section;
  ScReviewWindow *review_window;
  GtkListBoxRow *row;
  ScReview *review;
  const char *ours[] = { "Jana Weber", "Markus Lehmann", NULL };
  const char *theirs[] = { "Oliver Hughes", NULL };

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_file (window, file);
  wait_for_workbook (window);
  select_partner (window, "Precision Hydraulics & Fluid Power Components Ltd.");

  section = SC_REVIEWS_SECTION (find_descendant (GTK_WIDGET (window), SC_TYPE_REVIEWS_SECTION));
  g_assert_nonnull (section);
  g_assert_cmpuint (count_rows (sc_reviews_section_get_list (section)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (section), "reviews.new", NULL);
  sc_test_settle ();

  /* The review is in the list, and open in its own window */
  g_assert_cmpuint (count_rows (sc_reviews_section_get_list (section)), ==, 1);
  row = gtk_list_box_get_row_at_index (sc_reviews_section_get_list (section), 0);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Draft"));
  review_window = find_review_window ();
  g_assert_nonnull (review_window);
  review = sc_review_window_get_review (review_window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (review_window)), ==,
                   "Review with Precision Hydraulics & Fluid Power Components Ltd.");
  g_assert_cmpuint (g_strv_length ((char **) sc_review_get_agenda (review)), >, 2);

  /* A date or period that cannot be taken is refused in words, and the
   * review keeps what it had
   */
  {
    AdwEntryRow *date_row = ADW_ENTRY_ROW (find_descendant (GTK_WIDGET (review_window), ADW_TYPE_ENTRY_ROW));
    g_autofree char *date_before = g_strdup (sc_review_get_date (review));
    g_autofree char *tooltip = NULL;

    gtk_editable_set_text (GTK_EDITABLE (date_row), "12/06/2025");
    g_signal_emit_by_name (date_row, "entry-activated");
    sc_test_settle ();
    g_assert_cmpstr (sc_review_get_date (review), ==, date_before);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));
    tooltip = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (date_row)));
    g_assert_cmpstr (tooltip, ==, "“12/06/2025” is not a date: write it as YYYY-MM-DD");

    gtk_editable_set_text (GTK_EDITABLE (date_row), "2025-06-12");
    g_signal_emit_by_name (date_row, "entry-activated");
    sc_test_settle ();
    g_assert_cmpstr (sc_review_get_date (review), ==, "2025-06-12");
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));
    g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (date_row)));
  }

  sc_review_set_attendees_ours (review, ours);
  sc_review_set_attendees_theirs (review, theirs);
  gtk_window_set_default_size (GTK_WINDOW (review_window), 760, 1000);
  sc_test_settle ();
  sc_test_save_screenshot (GTK_WIDGET (review_window), "review-new.png");

  /* Held: frozen, and the list says so; undo thaws it */
  gtk_widget_activate_action (GTK_WIDGET (review_window), "review.mark-held", NULL);
  sc_test_settle ();
  g_assert_cmpint (sc_review_get_state (review), ==, SC_REVIEW_HELD);
  g_assert_true (sc_review_is_frozen (review));
  row = gtk_list_box_get_row_at_index (sc_reviews_section_get_list (section), 0);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Held"));
  g_assert_true (sc_undo_stack_undo (sc_window_get_undo_stack (window)));
  g_assert_false (sc_review_is_frozen (review));
  g_assert_true (sc_undo_stack_redo (sc_window_get_undo_stack (window)));

  g_assert_true (sc_review_window_export_to (review_window, pack, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (pack, NULL));

  gtk_window_destroy (GTK_WINDOW (review_window));
  sc_workbook_set_modified (sc_window_get_workbook (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_settle ();
  g_unlink (pack_path);
  g_unlink (path);
}

static ScIssue *
add_action (ScWorkbook *book,
            ScReview   *review,
            const char *title,
            const char *due)
{
  g_autofree char *id = sc_workbook_next_issue_id (book);
  g_autoptr(ScIssue) issue = sc_issue_new (id, "s02", title);

  sc_issue_set_owner (issue, "Oliver Hughes");
  sc_issue_set_due (issue, due);
  sc_issue_set_review_id (issue, sc_review_get_id (review));
  g_assert_true (sc_workbook_add_issue (book, issue));
  return issue;
}

/* A second review shows what changed since the first, held one; the first
 * says when the live data moved since its figures were frozen.
 */
static void
test_history (void)
{
  g_autofree char *path = copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ScWindow *window = sc_window_new (NULL);
  ScWorkbook *book;
  ScPartner *partner;
  ScReview *first, *second;
  GtkWindow *first_window, *second_window;
  GtkRevealer *revealer;
  ScRollup view = { SC_ROLLUP_PERIOD, SC_PERIOD_NONE };
  const char *ours[] = { "Jana Weber", "Markus Lehmann", NULL };
  const char *theirs[] = { "Oliver Hughes", "Priya Nair", NULL };
  ScIssue *actions[4];
  GtkWidget *since;

  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_file (window, file);
  wait_for_workbook (window);
  book = sc_window_get_workbook (window);
  partner = sc_workbook_lookup_partner (book, "s02");

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-05", &view.anchor));
  first = sc_review_create (book, partner, "2025-06-12", &view);
  sc_review_edit_add (NULL, book, first);
  g_object_unref (first);
  actions[0] = add_action (book, first, "Second source for O-ring seals", "2025-07-31");
  actions[1] = add_action (book, first, "Weekly delivery call", "2025-06-30");
  actions[2] = add_action (book, first, "Audit the seal press line", "2025-08-15");
  actions[3] = add_action (book, first, "Recover sorting costs for HV-220", "2025-07-01");
  g_assert_true (sc_review_edit_freeze (NULL, book, first, SC_REVIEW_HELD, NULL));
  for (guint i = 0; i < 3; i++)
    sc_issue_set_status (actions[i], SC_ISSUE_CLOSED);

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-08", &view.anchor));
  second = sc_review_create (book, partner, "2025-09-15", &view);
  sc_review_set_attendees_ours (second, ours);
  sc_review_set_attendees_theirs (second, theirs);
  sc_review_edit_add (NULL, book, second);
  g_object_unref (second);
  add_action (book, second, "Containment of HV-310 burrs", "2025-10-15");

  /* Both in the partner's list, newest first */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 900);
  select_partner (window, "Precision Hydraulics & Fluid Power Components Ltd.");
  {
    ScReviewsSection *section = SC_REVIEWS_SECTION (find_descendant (GTK_WIDGET (window),
                                                                     SC_TYPE_REVIEWS_SECTION));
    GtkListBox *list = sc_reviews_section_get_list (section);
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (section), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    sc_test_settle ();
    g_assert_cmpuint (count_rows (list), ==, 2);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                     ==, "15 September 2025");
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 1))),
                                     "Held · 1 of 4 action items open · figures frozen"));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    sc_test_save_screenshot (GTK_WIDGET (window), "reviews-section.png");
  }

  second_window = sc_review_window_new (GTK_WINDOW (window), book, sc_window_get_undo_stack (window), second);
  gtk_window_set_default_size (second_window, 760, 1180);
  gtk_window_present (second_window);
  sc_test_settle ();
  since = find_label (GTK_WIDGET (second_window), "• Overall score");
  g_assert_nonnull (since);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (since)),
                            "• 3 of 4 actions agreed on 12 June are closed.\n"
                            "• 1 is still open, 1 of them overdue."));
  revealer = GTK_REVEALER (find_descendant (GTK_WIDGET (second_window), GTK_TYPE_REVEALER));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  sc_test_save_screenshot (GTK_WIDGET (second_window), "review.png");
  {
    g_auto(GStrv) sentences = sc_review_since_last (book, second);
    g_assert_cmpstr (sentences[g_strv_length (sentences) - 3], ==,
                     "3 of 4 actions agreed on 12 June are closed.");
  }

  /* The live data moves: the first review says so, and keeps its figures */
  first_window = sc_review_window_new (GTK_WINDOW (window), book, NULL, first);
  gtk_window_present (first_window);
  sc_test_settle ();
  revealer = GTK_REVEALER (find_descendant (GTK_WIDGET (first_window), GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));

  gtk_window_destroy (first_window);
  gtk_window_destroy (second_window);
  sc_workbook_set_modified (book, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_settle ();
  g_unlink (path);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
wait_until (GSourceFunc condition,
            gpointer    data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, on_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
is_sent (gpointer data)
{
  return sc_review_get_sent_at (data) != NULL;
}

static void
test_email (void)
{
  g_autofree char *path = copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ScWindow *window = sc_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("test-reviews-ui-XXXXXX", NULL);
  g_autofree char *bin = g_build_filename (dir, "bin", NULL);
  g_autofree char *stub = g_build_filename (bin, "xdg-email", NULL);
  g_autofree char *log = g_build_filename (dir, "xdg-email.log", NULL);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *new_path = g_strdup_printf ("%s:%s", bin, old_path);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\nfor a in \"$@\"; do printf '%%s|' \"$a\"; done > '%s.tmp'\n"
                                             "mv '%s.tmp' '%s'\n", log, log, log);
  g_autofree char *attached = g_build_filename (g_get_user_cache_dir (), "scorecards", "outgoing",
                                                "Precision-Hydraulics-Fluid-Power-Components-Ltd-review-2025-06-12.pdf",
                                                NULL);
  g_autofree char *args = NULL;
  g_autofree char *expected = NULL;
  ScRollup view = { SC_ROLLUP_PERIOD, SC_PERIOD_NONE };
  ScUndoStack *stack;
  ScWorkbook *book;
  ScReview *review;
  GtkWindow *review_window;
  GtkWidget *button;

  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_file (window, file);
  wait_for_workbook (window);
  book = sc_window_get_workbook (window);
  stack = sc_window_get_undo_stack (window);
  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-05", &view.anchor));
  review = sc_review_create (book, sc_workbook_lookup_partner (book, "s02"), "2025-06-12", &view);
  sc_review_edit_add (NULL, book, review);
  g_object_unref (review);

  review_window = sc_review_window_new (GTK_WINDOW (window), book, stack, review);
  gtk_window_present (review_window);
  sc_test_settle ();
  /* an icon in the header, the contact in its tooltip */
  button = find_tooltip (GTK_WIDGET (review_window), "Email to ");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Email to Oliver Hughes…");
  g_assert_true (gtk_widget_get_visible (button));
  sc_test_save_screenshot (GTK_WIDGET (review_window), "review-email.png");

  g_assert_cmpint (g_mkdir_with_parents (bin, 0755), ==, 0);
  g_assert_true (g_file_set_contents (stub, script, -1, NULL));
  g_assert_cmpint (g_chmod (stub, 0755), ==, 0);
  g_setenv ("PATH", new_path, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review_window), "review.email", NULL));
  wait_until (file_exists, log);
  g_setenv ("PATH", old_path, TRUE);

  g_assert_true (g_file_get_contents (log, &args, NULL, NULL));
  expected = g_strdup_printf ("--utf8|--subject|Review meeting of 12 June 2025: Precision Hydraulics & Fluid "
                              "Power Components Ltd.|--body|Dear Oliver Hughes,\n\nplease find attached the "
                              "pack of our review meeting of 12 June 2025.\n\nKind regards,\n"
                              "Contoso Manufacturing GmbH|--attach|%s|", attached);
  g_assert_cmpstr (args, ==, expected);
  g_assert_true (g_file_test (attached, G_FILE_TEST_IS_REGULAR));
  /* The pack froze the review; once the mail client has it, it is sent */
  wait_until (is_sent, review);
  g_assert_true (sc_review_is_frozen (review));
  g_assert_cmpint (sc_review_get_state (review), ==, SC_REVIEW_SENT);
  g_assert_cmpstr (sc_review_get_sent_file (review), ==,
                   "Precision-Hydraulics-Fluid-Power-Components-Ltd-review-2025-06-12.pdf");

  /* Undo takes the sending back, then the freezing */
  g_assert_true (sc_undo_stack_undo (stack));
  g_assert_null (sc_review_get_sent_at (review));
  g_assert_cmpint (sc_review_get_state (review), ==, SC_REVIEW_DRAFT);
  g_assert_true (sc_review_is_frozen (review));

  gtk_window_destroy (review_window);
  sc_workbook_set_modified (book, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_settle ();
  g_unlink (attached);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_home = g_dir_make_tmp ("sc-test-cache-XXXXXX", NULL);

  /* The outgoing pack goes to a cache of the test's own */
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/reviews-ui/new-review", test_new_review);
  g_test_add_func ("/reviews-ui/history", test_history);
  g_test_add_func ("/reviews-ui/email", test_email);

  return g_test_run ();
}
