/* test-report-dialog.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export dialog under Xvfb, over a window with the sample open: its
 * defaults (the window's partner and view, the preferences), two chosen
 * partners exported to one PDF with a bookmark each and to a PDF each,
 * the partner search, a cancelled export that leaves no file, an error
 * that keeps the dialog open, and printing through GtkPrintOperation to a
 * PDF. PDFs are read back with poppler-glib, else pdfinfo, else checked
 * for their magic only.
 * With SC_SCREENSHOT_DIR set, it also saves PNG screenshots there.
 */

#include "config.h"

#include "sc-test-ui.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#if __has_include (<poppler.h>)
#include <poppler.h>
#define HAVE_POPPLER 1
#endif

#include "sc-report-dialog.h"
#include "sc-language-row.h"
#include "sc-report-dialog-private.h"
#include "sc-report-print.h"
#include "sc-window.h"
#include "sc-window-private.h"

#define SUPPLIER_A "s07"  /* Fonderia Valle Trompia S.r.l. */
#define SUPPLIER_B "s02"  /* Precision Hydraulics & Fluid Power Components Ltd. */

/* Helpers */

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
has_workbook (gpointer data)
{
  return sc_window_get_workbook (data) != NULL;
}

static gboolean
is_idle (gpointer data)
{
  return !sc_report_dialog_get_busy (data);
}

/* Iterates the main loop until @done returns TRUE or 60 s have passed. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, on_timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static ScWindow *
open_sample_window (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "contoso-2024-2025.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ScWindow *window = sc_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_file (window, file);
  wait_until (has_workbook, window);
  return window;
}

static ScPartner *
lookup (ScWindow   *window,
        const char *id)
{
  ScPartner *partner = sc_workbook_lookup_partner (sc_window_get_workbook (window), id);

  g_assert_nonnull (partner);
  return partner;
}

static ScReportDialog *
open_dialog (ScWindow  *window,
             ScPartner *selected)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.scorecards.Scorecards");
  GtkWindow *dialog = sc_report_dialog_new (GTK_WINDOW (window), sc_window_get_workbook (window),
                                            selected, sc_window_get_rollup (window), settings);

  g_assert_true (SC_IS_REPORT_DIALOG (dialog));
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_present (dialog);
  return SC_REPORT_DIALOG (dialog);
}

/* The descendant whose buildable id is @name (set by the template). */
static GtkWidget *
find_widget_named (GtkWidget  *widget,
                   const char *name)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_named (child, name);

      if (found)
        return found;
    }

  return NULL;
}

/* The first partner's progress is on screen. */
static gboolean
has_progress (gpointer data)
{
  GtkWidget *label = find_widget_named (data, "progress_label");

  return g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), "Preparing “") ||
         !sc_report_dialog_get_busy (data);
}

/* The Export button follows its action, as a user sees it. */
static gboolean
can_export (ScReportDialog *dialog)
{
  GtkWidget *button = find_widget_named (GTK_WIDGET (dialog), "export_button");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
assert_pdf_magic (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
}

#ifdef HAVE_POPPLER
#ifndef POPPLER_CHECK_VERSION
#define POPPLER_CHECK_VERSION(a, b, c) 0
#endif
#if !POPPLER_CHECK_VERSION (23, 0, 0)
/* older poppler-glib declares no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return doc;
}
#endif

/* The page count of the PDF at @path, or -1 when nothing here can tell. */
static int
count_pages (const char *path)
{
#ifdef HAVE_POPPLER
  g_autoptr(PopplerDocument) doc = open_pdf (path);

  return poppler_document_get_n_pages (doc);
#else
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;

  if (pdfinfo == NULL)
    return -1;
  argv[0] = pdfinfo;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, NULL, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
#endif
}

/* The pages the engine lays out for @options. */
static int
expected_pages (ScWorkbook            *book,
                const ScReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReport) report = sc_report_new (book, options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return (int) sc_report_get_n_pages (report);
}

static void
assert_page_count (const char *path,
                   int         expected)
{
  int n = count_pages (path);

  if (n < 0)
    g_test_skip ("neither poppler-glib nor pdfinfo is installed: the page count is not checked");
  else
    g_assert_cmpint (n, ==, expected);
}

static void
close_window (ScWindow *window)
{
  sc_workbook_set_modified (sc_window_get_workbook (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Tests */

static void
test_defaults (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.scorecards.Scorecards");
  ScWindow *window = open_sample_window ();
  ScWorkbook *book = sc_window_get_workbook (window);
  ScPartner *partner = lookup (window, SUPPLIER_A);
  const ScRollup *view = sc_window_get_rollup (window);
  g_autoptr(ScReportDialog) dialog = NULL;
  g_autoptr(ScReportOptions) options = NULL;

  g_settings_set_string (settings, "report-page-size", "letter");
  dialog = g_object_ref (open_dialog (window, partner));
  options = sc_report_dialog_dup_options (dialog);

  /* The window's partner and view, twelve periods up to it */
  g_assert_cmpuint (options->partners->len, ==, 1);
  g_assert_true (g_ptr_array_index (options->partners, 0) == partner);
  g_assert_cmpint (options->rollup, ==, view->kind);
  g_assert_cmpint (options->last, ==, view->anchor);
  g_assert_cmpint (options->first, ==, view->anchor - 11);
  g_assert_cmpint (options->sections, ==, SC_REPORT_SECTIONS_ALL);
  g_assert_null (options->notes);

  /* The workbook's company wins over the preferences; the page size is the preferences' */
  g_assert_cmpstr (options->company, ==, "Contoso Manufacturing GmbH");
  g_assert_cmpstr (options->confidentiality, ==, "Confidential – for the named partner only");
  g_assert_cmpint (options->page_size, ==, SC_REPORT_PAGE_LETTER);
  g_assert_true (can_export (dialog));
  sc_test_save_screenshot (GTK_WIDGET (dialog), "report-dialog.png");

  /* The whole workbook, then only its customers */
  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_ALL));
  g_clear_pointer (&options, sc_report_options_free);
  options = sc_report_dialog_dup_options (dialog);
  g_assert_cmpuint (options->partners->len, ==, 27);
  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_CUSTOMERS));
  g_clear_pointer (&options, sc_report_options_free);
  options = sc_report_dialog_dup_options (dialog);
  g_assert_cmpuint (options->partners->len, ==, 8);
  for (guint i = 0; i < options->partners->len; i++)
    g_assert_cmpint (sc_partner_get_partner_type (g_ptr_array_index (options->partners, i)), ==,
                     SC_PARTNER_CUSTOMER);

  /* Nothing chosen yet: nothing to export */
  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_CHOSEN));
  g_assert_false (can_export (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "report-page-size");
  g_assert_true (sc_workbook_get_modified (book) == FALSE);
  close_window (window);
}

static void
test_search (void)
{
  ScWindow *window = open_sample_window ();
  ScReportDialog *dialog = open_dialog (window, NULL);
  GtkListBox *list = sc_report_dialog_get_partner_list (dialog);
  guint n_visible = 0;

  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_CHOSEN));
  gtk_editable_set_text (sc_report_dialog_get_partner_search (dialog), "fonderia");
  sc_test_settle ();
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      if (gtk_widget_get_child_visible (row))
        {
          n_visible++;
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                           "Fonderia Valle Trompia S.r.l.");
        }
    }
  g_assert_cmpuint (n_visible, ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

/* Two chosen partners, one PDF with a bookmark each. */
static void
test_export_chosen (void)
{
  ScWindow *window = open_sample_window ();
  ScWorkbook *book = sc_window_get_workbook (window);
  g_autoptr(ScReportDialog) dialog = g_object_ref (open_dialog (window, lookup (window, SUPPLIER_A)));
  g_autoptr(ScReportOptions) options = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-report-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "two partners.pdf", NULL);

  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_CHOSEN));
  g_assert_true (sc_report_dialog_set_chosen (dialog, lookup (window, SUPPLIER_A), TRUE));
  g_assert_true (sc_report_dialog_set_chosen (dialog, lookup (window, SUPPLIER_B), TRUE));
  g_assert_true (can_export (dialog));
  sc_test_save_screenshot (GTK_WIDGET (dialog), "report-dialog-chosen.png");

  options = sc_report_dialog_dup_options (dialog);
  g_assert_cmpuint (options->partners->len, ==, 2);

  sc_report_dialog_export_to (dialog, path);
  g_assert_true (sc_report_dialog_get_busy (dialog));
  g_assert_false (can_export (dialog));
  wait_until (is_idle, dialog);

  /* Saved, and the dialog gone */
  g_assert_null (sc_report_dialog_get_error (dialog));
  g_assert_cmpstr (sc_report_dialog_get_saved_path (dialog), ==, path);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  assert_pdf_magic (path);
  assert_page_count (path, expected_pages (book, options));

#ifdef HAVE_POPPLER
  {
    g_autoptr(PopplerDocument) doc = open_pdf (path);
    PopplerIndexIter *iter = poppler_index_iter_new (doc);
    guint n_top = 0;

    g_assert_nonnull (iter);
    do
      n_top++;
    while (poppler_index_iter_next (iter));
    poppler_index_iter_free (iter);
    g_assert_cmpuint (n_top, ==, 2);
  }
#endif

  g_unlink (path);
  g_rmdir (dir);
  close_window (window);
}

/* A PDF per partner into a folder. */
static void
test_export_split (void)
{
  ScWindow *window = open_sample_window ();
  g_autoptr(ScReportDialog) dialog = g_object_ref (open_dialog (window, NULL));
  g_autofree char *dir = g_dir_make_tmp ("sc-report-dialog-XXXXXX", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_CHOSEN));
  g_assert_true (sc_report_dialog_set_chosen (dialog, lookup (window, SUPPLIER_A), TRUE));
  g_assert_true (sc_report_dialog_set_chosen (dialog, lookup (window, SUPPLIER_B), TRUE));
  sc_report_dialog_set_split (dialog, TRUE);
  sc_report_dialog_export_to (dialog, dir);
  wait_until (is_idle, dialog);
  g_assert_null (sc_report_dialog_get_error (dialog));

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_str_has_suffix (name, ".pdf"));
      assert_pdf_magic (path);
      g_unlink (path);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 2);

  g_rmdir (dir);
  close_window (window);
}

/* Cancelled half-way: no file, and the dialog back on its choices. */
static void
test_cancel (void)
{
  ScWindow *window = open_sample_window ();
  g_autoptr(ScReportDialog) dialog = g_object_ref (open_dialog (window, NULL));
  g_autofree char *dir = g_dir_make_tmp ("sc-report-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "everyone.pdf", NULL);
  GtkTextView *notes = GTK_TEXT_VIEW (find_widget_named (GTK_WIDGET (dialog), "notes_view"));
  g_autoptr(GString) text = g_string_new (NULL);

  /* Pages of notes in every report make a job of seconds, not a blink */
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "Action %u: agree the containment plan and the date of the re-audit.\n", i);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), text->str, -1);
  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_ALL));
  sc_test_settle ();

  sc_report_dialog_export_to (dialog, path);
  wait_until (has_progress, dialog);
  g_assert_true (sc_report_dialog_get_busy (dialog));
  sc_test_save_screenshot (GTK_WIDGET (dialog), "report-dialog-progress.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.cancel", NULL));
  wait_until (is_idle, dialog);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (sc_report_dialog_get_error (dialog));
  g_assert_null (sc_report_dialog_get_saved_path (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (can_export (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_rmdir (dir);
  close_window (window);
}

/* A logo that cannot be read: the error stays in the open dialog. */
static void
test_error (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.scorecards.Scorecards");
  ScWindow *window = open_sample_window ();
  g_autoptr(ScReportDialog) dialog = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-report-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *logo = g_build_filename (dir, "missing-logo.png", NULL);

  g_settings_set_string (settings, "company-logo", logo);
  dialog = g_object_ref (open_dialog (window, lookup (window, SUPPLIER_A)));
  sc_report_dialog_export_to (dialog, path);
  wait_until (is_idle, dialog);

  g_assert_error (sc_report_dialog_get_error (dialog), SC_REPORT_ERROR, SC_REPORT_ERROR_LOGO);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "company-logo");
  g_rmdir (dir);
  close_window (window);
}

/* Printing draws the same pages, here into a PDF. */
static void
test_print (void)
{
  ScWindow *window = open_sample_window ();
  ScWorkbook *book = sc_window_get_workbook (window);
  g_autoptr(ScReportOptions) options = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-report-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  GtkPrintOperationResult result;

  options = sc_report_dialog_dup_default_options (book, lookup (window, SUPPLIER_A),
                                                  sc_window_get_rollup (window), NULL);
  operation = sc_report_print_operation_new (book, options);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  assert_pdf_magic (path);
  assert_page_count (path, expected_pages (book, options));

#ifdef HAVE_POPPLER
  {
    g_autoptr(PopplerDocument) doc = open_pdf (path);
    g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
    g_autofree char *text = poppler_page_get_text (page);

    g_assert_nonnull (strstr (text, "Fonderia Valle Trompia"));
    g_assert_nonnull (strstr (text, "Page 1 of"));
  }
#endif

  g_unlink (path);
  g_rmdir (dir);
  close_window (window);
}

/* A partner's report language, chosen on its page, is kept in the
 * workbook and is the export dialog's default; the dialog can choose
 * another, or each partner's own.
 */
static void
test_language (void)
{
  ScWindow *window = open_sample_window ();
  ScWorkbook *book = sc_window_get_workbook (window);
  GtkSelectionModel *selection = sc_window_get_partner_selection (window);
  g_autoptr(ScPartner) shown = NULL;
  AdwComboRow *page_row = ADW_COMBO_ROW (find_widget_named (GTK_WIDGET (window), "language_row"));
  g_autoptr(ScReportOptions) options = NULL;
  ScReportDialog *dialog;
  AdwComboRow *row;

  g_assert_nonnull (page_row);
  shown = g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection)));
  g_assert_cmpstr (sc_partner_get_report_language (shown), ==, "");
  g_assert_null (sc_language_row_get_code (page_row));
  g_assert_false (sc_workbook_get_modified (book));

  /* chosen on the partner's page */
  g_assert_true (sc_language_row_set_code (page_row, "fr"));
  g_assert_cmpstr (sc_partner_get_report_language (shown), ==, "fr");
  g_assert_true (sc_workbook_get_modified (book));
  sc_test_save_screenshot (GTK_WIDGET (window), "partner-report-language.png");

  /* one undo step, and back */
  g_assert_cmpstr (sc_undo_stack_get_undo_label (sc_window_get_undo_stack (window)), ==,
                   "Change Report Language");
  g_assert_true (sc_undo_stack_undo (sc_window_get_undo_stack (window)));
  g_assert_cmpstr (sc_partner_get_report_language (shown), ==, "");
  g_assert_true (sc_undo_stack_redo (sc_window_get_undo_stack (window)));
  g_assert_cmpstr (sc_partner_get_report_language (shown), ==, "fr");

  /* the dialog opens on it */
  dialog = open_dialog (window, shown);
  row = sc_report_dialog_get_language_row (dialog);
  g_assert_cmpstr (sc_language_row_get_code (row), ==, "fr");
  options = sc_report_dialog_dup_options (dialog);
  g_assert_cmpstr (options->language, ==, "fr");
  sc_test_save_screenshot (GTK_WIDGET (dialog), "report-dialog-language.png");

  /* several partners: each in its own language, until one is chosen */
  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_ALL));
  g_assert_null (sc_language_row_get_code (row));
  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_SELECTED));
  g_assert_cmpstr (sc_language_row_get_code (row), ==, "fr");

  /* another language, then each partner's own */
  g_assert_true (sc_language_row_set_code (row, "de"));
  g_clear_pointer (&options, sc_report_options_free);
  options = sc_report_dialog_dup_options (dialog);
  g_assert_cmpstr (options->language, ==, "de");
  g_assert_true (sc_language_row_set_code (row, NULL));
  g_clear_pointer (&options, sc_report_options_free);
  options = sc_report_dialog_dup_options (dialog);
  g_assert_null (options->language);
  /* a language the user chose stays, whoever the report is on */
  g_assert_true (sc_language_row_set_code (row, "es"));
  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_ALL));
  g_assert_cmpstr (sc_language_row_get_code (row), ==, "es");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a partner without a language: the dialog follows each partner */
  dialog = open_dialog (window, lookup (window, SUPPLIER_B));
  g_assert_null (sc_language_row_get_code (sc_report_dialog_get_language_row (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

/* "Email to <contact>…": for one partner's PDF only; it saves the report
 * in the cache and hands it to the mail client, here through a stub
 * xdg-email (no portal on the test's bus) that records its arguments.
 */
static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_email (void)
{
  ScWindow *window = open_sample_window ();
  ScReportDialog *dialog = open_dialog (window, lookup (window, "s07"));
  GtkWidget *group = find_widget_named (GTK_WIDGET (dialog), "send_group");
  GtkWidget *row = find_widget_named (GTK_WIDGET (dialog), "email_row");
  g_autofree char *dir = g_dir_make_tmp ("test-report-dialog-XXXXXX", NULL);
  g_autofree char *bin = g_build_filename (dir, "bin", NULL);
  g_autofree char *stub = g_build_filename (bin, "xdg-email", NULL);
  g_autofree char *log = g_build_filename (dir, "xdg-email.log", NULL);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *new_path = g_strdup_printf ("%s:%s", bin, old_path);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\nfor a in \"$@\"; do printf '%%s|' \"$a\"; done > '%s.tmp'\n"
                                             "mv '%s.tmp' '%s'\n", log, log, log);
  g_autofree char *attached = g_build_filename (g_get_user_cache_dir (), "scorecards", "outgoing",
                                                "Fonderia-Valle-Trompia-S.r.l.pdf", NULL);
  g_autofree char *args = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Email to Marco Gatti…");
  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_ALL));
  g_assert_false (gtk_widget_get_visible (group));
  g_assert_true (sc_report_dialog_set_partners_mode (dialog, SC_REPORT_PARTNERS_SELECTED));
  g_assert_true (gtk_widget_get_visible (group));
  sc_test_settle ();
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    /* the Send group at the bottom, in the screenshot */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  sc_test_settle ();
  sc_test_settle ();
  sc_test_save_screenshot (GTK_WIDGET (dialog), "report-dialog-email.png");

  g_assert_cmpint (g_mkdir_with_parents (bin, 0755), ==, 0);
  g_assert_true (g_file_set_contents (stub, script, -1, NULL));
  g_assert_cmpint (g_chmod (stub, 0755), ==, 0);
  g_setenv ("PATH", new_path, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.email", NULL));
  wait_until (file_exists, log);
  g_setenv ("PATH", old_path, TRUE);

  g_assert_true (g_file_get_contents (log, &args, NULL, NULL));
  /* the contact is a name, not an address: the user picks the recipient */
  expected = g_strdup_printf ("--utf8|--subject|Scorecard: Fonderia Valle Trompia S.r.l.|--body|Dear Marco Gatti,\n\n"
                              "please find the scorecard of Fonderia Valle Trompia S.r.l. attached.\n\n"
                              "Kind regards,\nContoso Manufacturing GmbH|--attach|%s|", attached);
  g_assert_cmpstr (args, ==, expected);
  assert_pdf_magic (attached);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *cache_home = NULL;

  /* Recovery files go to a directory of the test's own */
  data_home = g_dir_make_tmp ("sc-test-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  cache_home = g_dir_make_tmp ("sc-test-cache-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/report-dialog/defaults", test_defaults);
  g_test_add_func ("/report-dialog/search", test_search);
  g_test_add_func ("/report-dialog/export-chosen", test_export_chosen);
  g_test_add_func ("/report-dialog/export-split", test_export_split);
  g_test_add_func ("/report-dialog/cancel", test_cancel);
  g_test_add_func ("/report-dialog/error", test_error);
  g_test_add_func ("/report-dialog/print", test_print);
  g_test_add_func ("/report-dialog/language", test_language);
  g_test_add_func ("/report-dialog/email", test_email);

  return g_test_run ();
}
