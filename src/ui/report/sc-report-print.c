/* sc-report-print.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a report through GtkPrintOperation, with the layout of the PDF:
 * the report is laid out when printing begins, for the paper chosen in the
 * print dialog (Letter-wide paper gets the Letter layout, any other A4's),
 * and each page is drawn scaled to the paper.
 */

#define G_LOG_DOMAIN "sc-report-print"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-report-dialog.h"
#include "sc-report-print.h"

typedef struct
{
  ScWorkbook      *book;
  ScReportOptions *options;
  ScReport        *report;
  GError          *error;
  GtkWindow       *parent;   /* weak */
  gboolean         done;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->book);
  g_clear_pointer (&job->options, sc_report_options_free);
  g_clear_pointer (&job->report, sc_report_free);
  g_clear_error (&job->error);
  g_clear_weak_pointer (&job->parent);
  g_free (job);
}

/* Toasts */

static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *overlay = find_toast_overlay (child);

      if (overlay != NULL)
        return overlay;
    }

  return NULL;
}

/* Shows @toast (consumed) in @window's toast overlay, the main window's
 * for the report dialog, or logs it when the window has none.
 */
void
_sc_report_add_toast (GtkWindow *window,
                      AdwToast  *toast)
{
  AdwToastOverlay *overlay = window ? find_toast_overlay (GTK_WIDGET (window)) : NULL;

  g_return_if_fail (ADW_IS_TOAST (toast));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

static void
show_error (GtkWindow  *window,
            const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _sc_report_add_toast (window, toast);
}

/* Print operation */

static ScReportPageSize
page_size_for_setup (GtkPageSetup *setup)
{
  double width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  double letter_width, letter_height;

  /* Letter, Legal and their kin are 8.5 in wide; the rest get A4's layout.
   * Either is scaled to fit the paper.
   */
  sc_report_page_size_get_points (SC_REPORT_PAGE_LETTER, &letter_width, &letter_height);
  if (fabs (MIN (width, height) - letter_width) < 6)
    return SC_REPORT_PAGE_LETTER;
  return SC_REPORT_PAGE_A4;
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  g_clear_pointer (&job->report, sc_report_free);
  g_clear_error (&job->error);

  job->options->page_size = page_size_for_setup (gtk_print_context_get_page_setup (context));
  job->report = sc_report_new (job->book, job->options, NULL, NULL, NULL, &job->error);
  if (job->report == NULL)
    {
      gtk_print_operation_set_n_pages (operation, 1);
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int) sc_report_get_n_pages (job->report));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  if (job->report == NULL || page_nr < 0 || (guint) page_nr >= sc_report_get_n_pages (job->report))
    return;

  sc_report_draw_page (job->report, gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context),
                       gtk_print_context_get_height (context),
                       (guint) page_nr);
}

static void
on_end_print_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 PrintJob          *job)
{
  g_clear_pointer (&job->report, sc_report_free);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  job->done = TRUE;
  if (job->error != NULL)
    error = g_error_copy (job->error);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);

  if (error != NULL)
    {
      /* Translators: %s says why, e.g. "Could not read the logo …" */
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      show_error (job->parent, message);
    }
}

static GtkPageSetup *
page_setup_new (ScReportPageSize size)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper =
    gtk_paper_size_new (size == SC_REPORT_PAGE_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static char *
dup_job_name (const ScReportOptions *options)
{
  if (options->partners->len == 1)
    {
      ScPartner *partner = g_ptr_array_index (options->partners, 0);

      /* Translators: the name of a print job, %s is a partner's name */
      return g_strdup_printf (_("Scorecard: %s"), sc_partner_get_name (partner));
    }
  return g_strdup (_("Scorecards"));
}

/* Public API */

/* A print operation that lays out a report of @options when printing
 * begins and draws its pages; @book must not change until it is done.
 */
GtkPrintOperation *
sc_report_print_operation_new (ScWorkbook            *book,
                               const ScReportOptions *options)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *job_name = NULL;
  PrintJob *job;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  job = g_new0 (PrintJob, 1);
  job->book = g_object_ref (book);
  job->options = sc_report_options_copy (options);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "sc-report-print-job", job, print_job_free);

  /* The report draws its own margins */
  setup = page_setup_new (options->page_size);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  job_name = dup_job_name (options);
  gtk_print_operation_set_job_name (operation, job_name);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (operation, "end-print", G_CALLBACK (on_end_print_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), job);

  return operation;
}

/* Shows the print dialog for a report of @options, modal to @parent; errors
 * appear as a toast in @parent.
 */
void
sc_report_print_run (GtkWindow             *parent,
                     ScWorkbook            *book,
                     const ScReportOptions *options)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (options != NULL);

  operation = sc_report_print_operation_new (book, options);
  job = g_object_get_data (G_OBJECT (operation), "sc-report-print-job");
  g_set_weak_pointer (&job->parent, parent);
  gtk_print_operation_set_allow_async (operation, TRUE);

  /* "done" reports the errors, also of an asynchronous run; a run that
   * fails before it starts may only return.
   */
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL && !job->done)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      show_error (parent, message);
    }
}

/* Prints @partner's report (every partner's when NULL) over @view, with
 * the defaults of the export dialog.
 */
void
sc_report_print (GtkWindow      *parent,
                 ScWorkbook     *book,
                 ScPartner      *partner,
                 const ScRollup *view,
                 GSettings      *settings)
{
  g_autoptr(ScReportOptions) options = NULL;

  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (partner == NULL || SC_IS_PARTNER (partner));

  options = sc_report_dialog_dup_default_options (book, partner, view, settings);
  sc_report_print_run (parent, book, options);
}
