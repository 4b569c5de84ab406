/* sc-report-export.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a laid-out report: a PDF with metadata, bookmarks and links, or
 * each page as a PNG or SVG slide. Every file goes through sc-safe-file.c,
 * so a failed or cancelled export never leaves a truncated file.
 */

#define G_LOG_DOMAIN "sc-report-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>

#include "sc-i18n.h"
#include "sc-render-file.h"
#include "sc-report-private.h"

static void
set_metadata (cairo_surface_t       *surface,
              ScReport              *report)
{
  const ScReportOptions *options = sc_report_get_options (report);
  GPtrArray *docs = sc_report_get_docs (report);
  ScReportDoc *doc = g_ptr_array_index (docs, 0);
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *date = g_date_time_format (options->date, "%Y-%m-%dT%H:%M:%S");
  const char *author = options->author ? options->author : options->company;
  const ScLanguage *before = sc_language_use (doc->language);

  if (docs->len == 1)
    title = g_strdup_printf (_("Scorecard: %s"), sc_partner_get_name (doc->partner));
  else
    title = g_strdup_printf (LN_ (NULL, "Scorecards: %u partner",
                                          "Scorecards: %u partners", docs->len), docs->len);
  /* Translators: the PDF's subject: "Supplier scorecard, Jan 2025 – Dec 2025" */
  subject = g_strdup_printf (_("%s, %s"), docs->len == 1 &&
                             sc_partner_get_partner_type (doc->partner) == SC_PARTNER_CUSTOMER
                             ? _("Customer scorecard") : _("Supplier scorecard"), doc->range_label);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && author[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Scorecards " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  sc_language_use (before);
}

static char *
dup_dest (const ScReportDoc    *doc,
          const ScReportTarget *target)
{
  return g_strdup_printf ("page=%u pos=[0 %.2f]", doc->first_page + (guint) target->page + 1,
                          MAX (0, target->y - 12));
}

/* Bookmarks: the sections of a single report at the top level; in a
 * batch one closed entry per partner with its sections inside.
 */
static void
add_outline (cairo_surface_t *surface,
             ScReportDoc     *doc,
             gboolean         batch)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  const ScLanguage *before = sc_language_use (doc->language);

  if (batch)
    {
      ScReportTarget first = { 0, 0 };
      g_autofree char *dest = dup_dest (doc, &first);

      parent = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                              sc_partner_get_name (doc->partner), dest, 0);
    }
  for (guint m = 0; m < SC_REPORT_N_MARKS; m++)
    {
      g_autofree char *dest = NULL;

      if (doc->marks[m].page < 0)
        continue;
      dest = dup_dest (doc, &doc->marks[m]);
      cairo_pdf_surface_add_outline (surface, parent, sc_report_mark_get_label (m), dest, 0);
    }
  sc_language_use (before);
}

static gboolean
draw_pdf (ScReport              *report,
          cairo_surface_t       *surface,
          ScReportProgressFunc   progress,
          gpointer               user_data,
          GCancellable          *cancellable,
          GError               **error)
{
  GPtrArray *pages = sc_report_get_pages (report);
  GPtrArray *docs = sc_report_get_docs (report);
  cairo_t *cr = cairo_create (surface);
  gboolean ok = TRUE;

  set_metadata (surface, report);
  for (guint i = 0; i < pages->len && ok; i++)
    {
      ScReportPage *page = g_ptr_array_index (pages, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        {
          if (page->number == 1)
            add_outline (surface, page->doc, docs->len > 1);
          sc_report_page_draw (page, sc_report_get_options (report), cr,
                               SC_REPORT_DRAW_TAGS | (i + 1 == pages->len ? SC_REPORT_DRAW_LAST : 0));
          cairo_show_page (cr);
          if (progress != NULL)
            progress ((double) (i + 1) / pages->len, sc_partner_get_name (page->doc->partner), user_data);
        }
    }
  cairo_destroy (cr);
  return ok;
}

/* The alternative texts of the figures, in the order they are drawn. */
static GPtrArray *
collect_alts (ScReport *report)
{
  GPtrArray *pages = sc_report_get_pages (report);
  GPtrArray *alts = g_ptr_array_new ();

  for (guint i = 0; i < pages->len; i++)
    {
      ScReportPage *page = g_ptr_array_index (pages, i);

      for (guint j = 0; j < page->items->len; j++)
        {
          ScReportItem *item = &g_array_index (page->items, ScReportItem, j);

          if (g_strcmp0 (item->tag, SC_REPORT_TAG_FIGURE) == 0)
            g_ptr_array_add (alts, item->alt);
        }
    }
  return alts;
}

/* The document language of the PDF (/Lang): the report's language, NULL:
 * the application's (sc_report_language_tag() makes the tag).
 */
static const char *
pdf_language (ScReport *report)
{
  const char *chosen = sc_report_get_options (report)->language;
  GPtrArray *docs = sc_report_get_docs (report);
  ScReportDoc *doc;

  if (chosen != NULL && chosen[0] != '\0')
    return chosen;
  /* Each partner's own language: the document's is the first partner's
   * (NULL: the application's) */
  doc = docs->len > 0 ? g_ptr_array_index (docs, 0) : NULL;
  return doc != NULL && doc->language != NULL ? sc_language_get_code (doc->language) : NULL;
}

/* Draws the PDF of @report into @out and finishes it (written out and
 * synced, not yet renamed): the split commits all its files at the end.
 * The PDF is tagged: cairo writes the structure, sc-report-pdf-tags.c
 * adds the language and alternative texts.
 */
gboolean
sc_report_write_pdf_to (ScReport              *report,
                        ScSafeFile            *out,
                        ScReportProgressFunc   progress,
                        gpointer               user_data,
                        GCancellable          *cancellable,
                        GError               **error)
{
  ScReportPdfStream stream = { out, 0, NULL, 0 };
  g_autoptr(GPtrArray) alts = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  gboolean ok;

  sc_report_get_page_size (report, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (sc_report_pdf_stream_write_cb, &stream, width, height);
  ok = draw_pdf (report, surface, progress, user_data, cancellable, error);
  sc_report_pdf_stream_capture (&stream);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (ok && status == CAIRO_STATUS_SUCCESS)
    {
      alts = collect_alts (report);
      ok = sc_report_pdf_complete_tags (&stream, pdf_language (report), alts, error);
    }
  sc_report_pdf_stream_clear (&stream);

  return ok && sc_render_file_check (out, status, SC_REPORT_ERROR, SC_REPORT_ERROR_WRITE, error);
}

static gboolean
write_pdf (ScReport              *report,
           const char            *filename,
           ScReportProgressFunc   progress,
           gpointer               user_data,
           GCancellable          *cancellable,
           GError               **error)
{
  g_autoptr(ScSafeFile) out = sc_safe_file_new (filename, SC_SAFE_FILE_NONE, error);

  return out != NULL &&
         sc_report_write_pdf_to (report, out, progress, user_data, cancellable, error) &&
         sc_safe_file_commit (out, error);
}

/* One PNG or SVG file per page, named after the partner and the page. */
static gboolean
write_page_image (ScReport       *report,
                  ScReportPage   *page,
                  ScReportFormat  format,
                  const char     *path,
                  GError        **error)
{
  const ScReportOptions *options = sc_report_get_options (report);
  double width, height, scale = options->png_resolution / 72.0;
  g_autoptr(ScSafeFile) out = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if ((out = sc_safe_file_new (path, SC_SAFE_FILE_NONE, error)) == NULL)
    return FALSE;
  sc_report_get_page_size (report, &width, &height);
  if (format == SC_REPORT_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (sc_render_file_write_cb, out, width, height);
      scale = 1;
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale),
                                          (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  sc_report_page_draw (page, options, cr, SC_REPORT_DRAW_PLAIN);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == SC_REPORT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sc_render_file_write_cb, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return sc_render_file_check (out, status, SC_REPORT_ERROR, SC_REPORT_ERROR_WRITE, error) &&
         sc_safe_file_commit (out, error);
}

static gboolean
write_images (ScReport              *report,
              ScReportFormat         format,
              const char            *directory,
              ScReportProgressFunc   progress,
              gpointer               user_data,
              GCancellable          *cancellable,
              GError               **error)
{
  GPtrArray *pages = sc_report_get_pages (report);

  if (g_mkdir_with_parents (directory, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_WRITE, _("Could not create the folder “%s”: %s"),
                   directory, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < pages->len; i++)
    {
      ScReportPage *page = g_ptr_array_index (pages, i);
      g_autofree char *base = sc_report_safe_file_name (sc_partner_get_name (page->doc->partner));
      g_autofree char *name = g_strdup_printf ("%s-%02u.%s", base, page->number,
                                               format == SC_REPORT_FORMAT_SVG ? "svg" : "png");
      g_autofree char *path = g_build_filename (directory, name, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_page_image (report, page, format, path, error))
        return FALSE;
      if (progress != NULL)
        progress ((double) (i + 1) / pages->len, sc_partner_get_name (page->doc->partner), user_data);
    }
  return TRUE;
}

/* Writes @self as a PDF file at @path, or, for PNG and SVG, one file per
 * page into the folder @path.
 */
gboolean
sc_report_write (ScReport              *self,
                 ScReportFormat         format,
                 const char            *path,
                 ScReportProgressFunc   progress,
                 gpointer               user_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == SC_REPORT_FORMAT_PDF)
    return write_pdf (self, path, progress, user_data, cancellable, error);
  return write_images (self, format, path, progress, user_data, cancellable, error);
}

/* Progress of a job in two halves: laying out, then writing. */
typedef struct
{
  ScReportProgressFunc func;
  gpointer             user_data;
  double               start;
  double               span;
} Stage;

static void
stage_cb (double      fraction,
          const char *message,
          gpointer    user_data)
{
  Stage *stage = user_data;

  stage->func (stage->start + fraction * stage->span, message, stage->user_data);
}

/* Lays out and writes one PDF of every partner in @options, with a
 * bookmark per partner when there are several.
 */
gboolean
sc_report_export (ScWorkbook             *book,
                  const ScReportOptions  *options,
                  const char             *filename,
                  ScReportProgressFunc    progress,
                  gpointer                user_data,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autoptr(ScReport) report = NULL;
  Stage layout = { progress, user_data, 0, 0.3 };
  Stage write = { progress, user_data, 0.3, 0.7 };

  g_return_val_if_fail (SC_IS_WORKBOOK (book), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  report = sc_report_new (book, options, progress ? stage_cb : NULL, &layout, cancellable, error);
  if (report == NULL)
    return FALSE;
  return write_pdf (report, filename, progress ? stage_cb : NULL, &write, cancellable, error);
}
