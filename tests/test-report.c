/* test-report.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests the partner reports of src/render (sc-report*.c) by reading the
 * PDFs back with poppler-glib: the page count, the text on each page, the
 * metadata with SOURCE_DATE_EPOCH, the bookmarks and the links; every
 * partner of the sample without a warning; awkward data (long names, 40
 * KPIs, 60 issues with long text, missing values) that must wrap and break
 * pages without a glyph outside the margins. Without poppler-glib the PDF
 * tests are reported as skipped (and build-aux/test.sh fails).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sc-chart.h"
#include "sc-chart-data.h"
#include "sc-report.h"
#include "sc-scorer.h"
#include "sc-workbook-io.h"

#if __has_include (<poppler.h>)
#include <poppler.h>
#define HAVE_POPPLER 1
#endif

#define EPOCH "1767139200" /* 2025-12-31T00:00:00Z */

static ScWorkbook *
load_sample (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ScWorkbook *book;

  file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "contoso-2024-2025.scorecard", NULL));
  book = sc_workbook_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  return book;
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-report-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static char *
export_partners (ScWorkbook      *book,
                 ScReportOptions *options,
                 const char      *name)
{
  g_autoptr(GError) error = NULL;
  char *path = temp_path (name);

  g_assert_true (sc_report_export (book, options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Names and options, without poppler */

static void
test_safe_file_name (void)
{
  static const struct { const char *name; const char *safe; } cases[] = {
    { "Schäfer, Müller & Sons GmbH & Co. KG", "Schafer-Muller-Sons-GmbH-Co.-KG" },
    { "Fjord \"Bearings\" s.r.o.", "Fjord-Bearings-s.r.o" },
    { "../../etc/passwd", "etc-passwd" },
    { "a/b\\c:d", "a-b-c-d" },
    { "", "partner" },
    { "???", "partner" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = sc_report_safe_file_name (cases[i].name);

      g_assert_cmpstr (safe, ==, cases[i].safe);
    }
}

static void
test_options_defaults (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  ScReportPageSize size;
  double w, h;

  g_assert_cmpstr (options->company, ==, "Contoso Manufacturing GmbH");
  g_assert_cmpstr (options->confidentiality, ==, "Confidential – for the named partner only");
  g_assert_cmpint (options->page_size, ==, SC_REPORT_PAGE_A4);
  g_assert_cmpint (options->sections, ==, SC_REPORT_SECTIONS_ALL);
  g_assert_true (sc_report_page_size_from_string ("letter", &size));
  g_assert_cmpint (size, ==, SC_REPORT_PAGE_LETTER);
  g_assert_false (sc_report_page_size_from_string ("a5", &size));
  sc_report_page_size_get_points (SC_REPORT_PAGE_LETTER, &w, &h);
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 792);
}

static void
test_cancel (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("cancelled.pdf");

  g_cancellable_cancel (cancellable);
  g_assert_false (sc_report_export (book, options, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_png_pages (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(ScReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_path ("slides");
  g_autofree char *first = NULL;
  cairo_surface_t *png;

  sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, "s01"));
  options->png_resolution = 72;
  report = sc_report_new (book, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_report_write (report, SC_REPORT_FORMAT_PNG, dir, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  first = g_build_filename (dir, "Muller-Drehteile-GmbH-01.png", NULL);
  png = cairo_image_surface_create_from_png (first);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 596);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 842);
  cairo_surface_destroy (png);
  g_assert_true (sc_report_write (report, SC_REPORT_FORMAT_SVG, dir, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The print path: any page on any cairo_t, scaled to the paper. */
static void
test_draw_page (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(ScReport) report = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 300);
  cairo_t *cr = cairo_create (surface);

  sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, "c03"));
  report = sc_report_new (book, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_report_get_n_partners (report), ==, 1);
  for (guint i = 0; i < sc_report_get_n_pages (report); i++)
    sc_report_draw_page (report, cr, 300, 300, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_bad_logo (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(ScReport) report = NULL;
  g_autoptr(GError) error = NULL;

  sc_report_options_set_string (&options->logo_path, "/nonexistent/logo.png");
  report = sc_report_new (book, options, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_LOGO);
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

static char *
page_text (PopplerDocument *doc,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);

  return poppler_page_get_text (page);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the page text:\n%s", needle, text);
}

/* Every page says which page of how many it is. */
static void
assert_page_numbers (PopplerDocument *doc,
                     int              first,
                     int              n)
{
  for (int i = 0; i < n; i++)
    {
      g_autofree char *text = page_text (doc, first + i);
      g_autofree char *number = g_strdup_printf ("Page %d of %d", i + 1, n);

      assert_contains (text, number);
    }
}

static void
test_one_partner (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *issues = NULL;
  int n;

  sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, "s07"));
  path = export_partners (book, options, "s07.pdf");
  doc = open_pdf (path);
  n = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n, ==, 5);
  assert_page_numbers (doc, 0, n);

  summary = page_text (doc, 0);
  assert_contains (summary, "Fonderia Valle Trompia S.r.l.");
  assert_contains (summary, "Contoso Manufacturing GmbH");
  assert_contains (summary, "Confidential – for the named partner only");
  assert_contains (summary, "Jan 2025 – Dec 2025");
  assert_contains (summary, "45.2");           /* overall score at 2025-12 */
  assert_contains (summary, "5.54 %");         /* scrap rate, docs/sample-data.md */
  assert_contains (summary, "87.7 %");         /* first-pass yield */
  assert_contains (summary, "Critical");
  assert_contains (summary, "On target");
  /* The change column's legend names both periods */
  assert_contains (summary, "Change: Dec 2025 against Nov 2025.");

  issues = page_text (doc, n - 1);
  assert_contains (issues, "Issues and actions");
  assert_contains (issues, "ISS-0005");
  assert_contains (issues, "Rising porosity scrap");
  assert_contains (issues, "overdue");
  assert_contains (issues, "Meeting notes");
}

static void
test_metadata (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *issued = NULL;

  sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, "c03"));
  path = export_partners (book, options, "c03.pdf");
  doc = open_pdf (path);

  title = poppler_document_get_title (doc);
  author = poppler_document_get_author (doc);
  subject = poppler_document_get_subject (doc);
  g_assert_cmpstr (title, ==, "Scorecard: Lombardia Macchine Agricole S.p.A.");
  g_assert_cmpstr (author, ==, "Contoso Manufacturing GmbH");
  g_assert_cmpstr (subject, ==, "Customer scorecard, Jan 2025 – Dec 2025");
  g_assert_cmpint (poppler_document_get_creation_date (doc), ==, g_ascii_strtoll (EPOCH, NULL, 10));
  issued = page_text (doc, 0);
  assert_contains (issued, "31 December 2025");
}

/* The same input and SOURCE_DATE_EPOCH give the same bytes. */
static void
test_reproducible (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autofree char *a = NULL, *b = NULL, *data_a = NULL, *data_b = NULL;
  gsize len_a, len_b;

  sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, "s02"));
  a = export_partners (book, options, "a.pdf");
  b = export_partners (book, options, "b.pdf");
  g_assert_true (g_file_get_contents (a, &data_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &data_b, &len_b, NULL));
  g_assert_cmpmem (data_a, len_a, data_b, len_b);
}

static GPtrArray *
outline_titles (PopplerDocument *doc,
                gboolean         children)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);

  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = children ? poppler_index_iter_get_child (iter) : NULL;

      g_ptr_array_add (titles, g_strdup (action->any.title));
      poppler_action_free (action);
      if (child != NULL)
        {
          do
            {
              PopplerAction *sub = poppler_index_iter_get_action (child);

              g_ptr_array_add (titles, g_strdup_printf ("  %s", sub->any.title));
              poppler_action_free (sub);
            }
          while (poppler_index_iter_next (child));
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  return titles;
}

static void
test_bookmarks_and_links (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *path = NULL;
  GList *links;
  guint n_to_charts = 0;

  sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, "s04"));
  path = export_partners (book, options, "s04.pdf");
  doc = open_pdf (path);
  titles = outline_titles (doc, FALSE);
  g_assert_cmpuint (titles->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Summary");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "KPI trends");
  g_assert_cmpstr (g_ptr_array_index (titles, 2), ==, "Issues and actions");
  g_assert_cmpstr (g_ptr_array_index (titles, 3), ==, "Meeting notes");

  /* every KPI row of the summary links to a chart page */
  page = poppler_document_get_page (doc, 0);
  links = poppler_page_get_link_mapping (page);
  for (GList *l = links; l != NULL; l = l->next)
    {
      PopplerLinkMapping *mapping = l->data;

      if (mapping->action->type == POPPLER_ACTION_GOTO_DEST)
        {
          PopplerDest *dest = mapping->action->goto_dest.dest;
          PopplerDest *found = NULL;

          if (dest->type == POPPLER_DEST_NAMED)
            dest = found = poppler_document_find_dest (doc, dest->named_dest);
          g_assert_nonnull (dest);
          /* 1-based: the charts are on pages 2 to 4 */
          g_assert_cmpint (dest->page_num, >=, 2);
          g_assert_cmpint (dest->page_num, <=, 4);
          g_clear_pointer (&found, poppler_dest_free);
          n_to_charts++;
        }
    }
  poppler_page_free_link_mapping (links);
  g_assert_cmpuint (n_to_charts, ==, 13);
}

/* Every partner of the sample, one PDF: no warning (warnings are fatal in
 * a test), a bookmark per partner, "Page X of Y" counted per partner.
 */
static void
test_every_partner (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;

  path = export_partners (book, options, "all.pdf");
  doc = open_pdf (path);
  titles = outline_titles (doc, TRUE);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Müller Drehteile GmbH");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "  Summary");
  g_assert_cmpuint (titles->len, ==, 27 * 5);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 27 * 4);
  first = page_text (doc, 0);
  assert_contains (first, "Page 1 of ");
}

static void
test_split (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_path ("split");
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, "s02"));
  sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, "s09"));
  files = sc_report_export_split (book, options, dir, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 0), "/Gummiwerk-Alpenland-GmbH.pdf"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 1),
                                   "/Precision-Hydraulics-Fluid-Power-Components-Ltd.pdf"));
  doc = open_pdf (g_ptr_array_index (files, 1));
  text = page_text (doc, 0);
  assert_contains (text, "Precision Hydraulics & Fluid Power Components Ltd.");
  g_assert_null (strstr (text, "Gummiwerk"));
}

/* The rectangle of the character at byte @p of @text. */
static const PopplerRectangle *
char_rect (const char             *text,
           const char             *p,
           const PopplerRectangle *rects,
           guint                   n_rects)
{
  glong offset = g_utf8_pointer_to_offset (text, p);

  g_assert_cmpint (offset, <, n_rects);
  return &rects[offset];
}

/* "RANK among N suppliers" from a summary page, NULL from other pages.
 * The rank is what is drawn in the panel below its title "Rank" and above
 * its detail ("among 19 suppliers"), found by position: the order in
 * which poppler runs the four panels' text together changes with the
 * fonts installed (Cantarell, where present, puts the digits on another
 * line than DejaVu Sans), so it cannot be read from the text's lines.
 */
static char *
dup_rank_text (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GString) rank = g_string_new (NULL);
  g_autofree char *detail = NULL;
  const PopplerRectangle *title = NULL, *among_rect;
  const char *among, *p;
  guint n_rects;

  if ((among = strstr (text, "among ")) == NULL &&
      (among = strstr (text, "not ranked without data")) == NULL)
    return NULL;
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  among_rect = char_rect (text, among, rects, n_rects);
  detail = g_strndup (among, strcspn (among, "\n"));

  /* The title: a "Rank" above the detail, in its column */
  for (p = text; title == NULL && (p = strstr (p, "Rank")) != NULL; p++)
    {
      const PopplerRectangle *r = char_rect (text, p, rects, n_rects);

      if (r->y2 <= among_rect->y1 && fabs (r->x1 - among_rect->x1) < 20)
        title = r;
    }
  g_assert_nonnull (title);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const PopplerRectangle *r = char_rect (text, p, rects, n_rects);
      double x = (r->x1 + r->x2) / 2, y = (r->y1 + r->y2) / 2;

      if (!g_unichar_isspace (g_utf8_get_char (p)) &&
          y > title->y2 && y < among_rect->y1 && x > title->x1 - 5 && x < title->x1 + 100)
        g_string_append_len (rank, p, g_utf8_next_char (p) - p);
    }
  return g_strdup_printf ("%s %s", rank->str, detail);
}

/* What the scorer ranks @partner among all partners at the latest period. */
static char *
dup_expected_rank (ScWorkbook *book,
                   ScPartner  *partner)
{
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  ScRollup rollup = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  g_autoptr(GPtrArray) results = sc_scorer_score_all (scorer, &rollup);
  guint rank = 0, n_ranked = 0;

  for (guint i = 0; i < results->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (results, i);

      if (sc_partner_get_partner_type (r->partner) != sc_partner_get_partner_type (partner))
        continue;
      n_ranked += r->rank > 0;
      if (r->partner == partner)
        rank = r->rank;
    }
  g_assert_cmpuint (rank, >, 0);
  return g_strdup_printf ("%u among %u %s", rank, n_ranked,
                          sc_partner_get_partner_type (partner) == SC_PARTNER_CUSTOMER ? "customers" : "suppliers");
}

/* A split report ranks each partner among all partners once, before its
 * workers start; its files must show the ranks of one combined report.
 */
static void
test_split_ranks (void)
{
  static const char *ids[] = { "s02", "s07", "c03", "c05" };
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(PopplerDocument) combined = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) combined_ranks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_path ("split-ranks");
  g_autofree char *path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, ids[i]));
  path = export_partners (book, options, "combined.pdf");
  combined = open_pdf (path);
  for (int i = 0; i < poppler_document_get_n_pages (combined); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (combined, i);
      char *rank = dup_rank_text (page);

      if (rank != NULL)
        g_ptr_array_add (combined_ranks, rank);
    }
  g_assert_cmpuint (combined_ranks->len, ==, G_N_ELEMENTS (ids));

  files = sc_report_export_split (book, options, dir, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ScPartner *partner = sc_workbook_lookup_partner (book, ids[i]);
      g_autofree char *base = sc_report_safe_file_name (sc_partner_get_name (partner));
      g_autofree char *name = g_strdup_printf ("%s.pdf", base);
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_autofree char *expected = dup_expected_rank (book, partner);
      g_autoptr(PopplerDocument) doc = open_pdf (file);
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
      g_autofree char *rank = dup_rank_text (page);

      g_test_message ("%s: %s", ids[i], rank);
      g_assert_cmpstr (rank, ==, g_ptr_array_index (combined_ranks, i));
      g_assert_cmpstr (rank, ==, expected);
    }
}

static void
test_letter (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *path = NULL;
  double w, h;

  options->page_size = SC_REPORT_PAGE_LETTER;
  sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, "s18"));
  path = export_partners (book, options, "letter.pdf");
  doc = open_pdf (path);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 792, 0.5);
}

/* Awkward data */

static ScKpi *
add_kpi (ScWorkbook *book,
         guint       i)
{
  g_autofree char *id = g_strdup_printf ("kpi_%02u", i);
  g_autofree char *name = g_strdup_printf ("Extraordinarily long key performance indicator name number %u "
                                           "with qualifiers", i);
  g_autoptr(ScKpi) kpi = sc_kpi_new (id, name);

  sc_kpi_set_unit (kpi, "%");
  sc_kpi_set_category (kpi, i % 3 ? "quality" : "A category nobody has heard of before today");
  sc_kpi_set_direction (kpi, i % 2 ? SC_DIRECTION_HIGHER : SC_DIRECTION_LOWER);
  sc_kpi_set_target (kpi, 50);
  sc_kpi_set_warning (kpi, i % 2 ? 40 : 60);
  sc_kpi_set_critical (kpi, i % 2 ? 20 : 80);
  sc_kpi_set_weight (kpi, 1);
  sc_kpi_set_decimals (kpi, 1);
  g_assert_true (sc_workbook_add_kpi (book, kpi));
  return kpi;
}

static void
add_issue (ScWorkbook *book,
           guint       i)
{
  g_autofree char *id = g_strdup_printf ("ISS-%04u", i + 1);
  g_autofree char *title = g_strdup_printf ("Issue title %u that goes on and on about a problem "
                                            "with a Verbindungselementebeschichtungsanlage", i + 1);
  g_autoptr(GString) action = g_string_new (NULL);
  g_autoptr(ScIssue) issue = sc_issue_new (id, "long", title);

  for (guint k = 0; k < (i % 7 == 0 ? 40 : 3); k++)
    g_string_append (action, "Contain the defect, sort the stock at the warehouse and at the customer, then "
                             "find the root cause with a five-why analysis. ");
  sc_issue_set_action (issue, action->str);
  sc_issue_set_owner (issue, "Maximiliane Oberhuber-Wittgenstein-Schwarzenberg");
  sc_issue_set_due (issue, i % 2 ? "2025-01-31" : "2026-06-30");
  sc_issue_set_severity (issue, (ScSeverity) (i % 4));
  sc_issue_set_status (issue, (ScIssueStatus) (i % 2));
  sc_issue_set_kpi_id (issue, "kpi_03");
  sc_issue_set_period (issue, sc_workbook_get_first_period (book) + 20);
  g_assert_true (sc_workbook_add_issue (book, issue));
}

static ScWorkbook *
awkward_book (void)
{
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(ScPartner) partner = NULL;
  g_autoptr(ScPartner) empty = sc_partner_new ("empty", "Nobody Sends Us Data Ltd.", SC_PARTNER_CUSTOMER);
  g_autoptr(GString) name = g_string_new ("Vereinigte ");
  ScPeriod first = sc_period_from_ymd (SC_GRANULARITY_MONTH, 2024, 1, 1);

  for (guint i = 0; i < 8; i++)
    g_string_append (name, "Präzisions­werkzeug­maschinen­fabriken ");
  g_string_append (name, "GmbH & Co. KG");
  partner = sc_partner_new ("long", name->str, SC_PARTNER_SUPPLIER);
  g_assert_true (sc_workbook_ensure_periods (book, first, first + 23, NULL));
  sc_workbook_set_company (book, "Company with a rather long legal name Aktiengesellschaft & Co. KGaA");
  sc_workbook_set_confidentiality (book, "Strictly confidential. Not for distribution outside the "
                                         "recipient's organisation; all rights reserved, no warranty.");
  g_assert_true (sc_workbook_add_partner (book, partner));
  g_assert_true (sc_workbook_add_partner (book, empty));
  for (guint i = 0; i < 40; i++)
    {
      ScKpi *kpi = add_kpi (book, i);

      for (guint p = 0; p < 24; p++)
        {
          /* some KPIs without data, some with holes, a few outliers */
          double value = i % 9 == 8 ? NAN : p % 5 == 4 ? NAN : 50 + 30 * sin (i + p) + (p == 13 ? 900 : 0);

          if (!isnan (value))
            g_assert_true (sc_workbook_set_value (book, partner, kpi, first + p, value, NULL));
        }
      if (i < 3)
        sc_workbook_ensure_series (book, empty, kpi);
    }
  for (guint i = 0; i < 60; i++)
    add_issue (book, i);
  return book;
}

/* No glyph outside the page's margins: nothing overflows. */
static void
assert_inside_margins (PopplerDocument *doc)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint r = 0; r < n_rects; r++)
        {
          if (rects[r].x1 < 40 || rects[r].x2 > w - 40 || rects[r].y1 < 20 || rects[r].y2 > h - 20)
            g_error ("page %d: text at %.1f,%.1f–%.1f,%.1f is outside the margins", i + 1,
                     rects[r].x1, rects[r].y1, rects[r].x2, rects[r].y2);
        }
    }
}

static void
test_awkward (void)
{
  g_autoptr(ScWorkbook) book = awkward_book ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *empty = NULL;
  int n;

  sc_report_options_set_string (&options->notes, "First point of the meeting.\n\nSecond point, which is "
                                "long enough to wrap over more than one line of the page when it is set "
                                "in the body font at the full width of the text column.");
  path = export_partners (book, options, "awkward.pdf");
  doc = open_pdf (path);
  n = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n, >, 10);
  assert_inside_margins (doc);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *text = page_text (doc, i);

      g_string_append (all, text);
    }
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("ISS-%04u", i + 1);

      assert_contains (all->str, id);
    }
  assert_contains (all->str, "Second point, which is long enough");
  assert_contains (all->str, "No data in Jan 2025 – Dec 2025 for:");
  /* the partner without values still gets its report, saying so */
  empty = page_text (doc, n - 2);
  (void) empty;
  assert_contains (all->str, "Nobody Sends Us Data Ltd.");
}

/* A trend whose last period has no value names the period of the value it
 * shows in its header, when there is room
 */
static void
test_trend_latest_period (void)
{
  ScChartTrendData *data = sc_chart_trend_data_new (3);
  g_autoptr(ScChart) chart = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("trend-gap.pdf");
  g_autofree char *text = NULL;
  ScChartStyle style;

  data->title = g_strdup ("Defective parts per million (PPM)");
  data->subtitle = g_strdup ("Acme Ltd");
  data->granularity = SC_GRANULARITY_WEEK;
  g_assert_true (sc_period_parse (SC_GRANULARITY_WEEK, "2025-W01", &data->first_period));
  data->values[0] = NAN;
  data->values[1] = 50;
  data->values[2] = NAN;
  data->statuses[1] = SC_STATUS_GREEN;
  data->target = 250;
  data->direction = SC_DIRECTION_LOWER;
  chart = sc_chart_new (SC_CHART_TREND, data);
  sc_chart_style_init (&style, SC_THEME_PRINT);

  g_assert_true (sc_chart_export (chart, &style, 800, 400, SC_CHART_FORMAT_PDF, path, &error));
  g_assert_no_error (error);
  doc = open_pdf (path);
  text = page_text (doc, 0);
  assert_contains (text, "50 (W2 2025)");
  g_unlink (path);
}

#else /* HAVE_POPPLER */

/* Each PDF test is listed as skipped, so that test.sh fails the run */
static void
test_without_poppler (void)
{
  g_test_skip ("poppler-glib is not installed (libpoppler-glib-dev): the PDF is not read back");
}

#define test_one_partner test_without_poppler
#define test_metadata test_without_poppler
#define test_reproducible test_without_poppler
#define test_bookmarks_and_links test_without_poppler
#define test_every_partner test_without_poppler
#define test_split test_without_poppler
#define test_split_ranks test_without_poppler
#define test_letter test_without_poppler
#define test_awkward test_without_poppler
#define test_trend_latest_period test_without_poppler

#endif /* HAVE_POPPLER */

int
main (int   argc,
      char *argv[])
{
  /* before any thread exists: every report of this test is dated by it */
  g_setenv ("SOURCE_DATE_EPOCH", EPOCH, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/safe-file-name", test_safe_file_name);
  g_test_add_func ("/report/options-defaults", test_options_defaults);
  g_test_add_func ("/report/cancel", test_cancel);
  g_test_add_func ("/report/png-pages", test_png_pages);
  g_test_add_func ("/report/draw-page", test_draw_page);
  g_test_add_func ("/report/bad-logo", test_bad_logo);
  g_test_add_func ("/report/one-partner", test_one_partner);
  g_test_add_func ("/report/metadata", test_metadata);
  g_test_add_func ("/report/reproducible", test_reproducible);
  g_test_add_func ("/report/bookmarks-and-links", test_bookmarks_and_links);
  g_test_add_func ("/report/every-partner", test_every_partner);
  g_test_add_func ("/report/split", test_split);
  g_test_add_func ("/report/split-ranks", test_split_ranks);
  g_test_add_func ("/report/letter", test_letter);
  g_test_add_func ("/report/awkward", test_awkward);
  g_test_add_func ("/report/trend-latest-period", test_trend_latest_period);

  return g_test_run ();
}
