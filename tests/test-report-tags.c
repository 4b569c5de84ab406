/* test-report-tags.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests that the PDF reports are accessible and archivable
 * (sc-report-layout.c, sc-report-pdf-tags.c): read back with poppler-glib,
 * the structure tree holds the document in the report's language, a
 * section per partner, the headings' text, the KPI table with header cells
 * scoped to their column, and the trend charts as figures with an
 * alternative text; pdfinfo says "Tagged: yes", pdffonts that every font
 * is embedded, and the update that adds the language is a well-formed
 * incremental update.
 */

#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "sc-report.h"
#include "sc-workbook-io.h"

/* older poppler-glib declares no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerStructureElement, g_object_unref)

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
export_report (const char  *language,
               const char **partners)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-report-tags-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "report.pdf", NULL);
  sc_report_options_set_string (&options->language, language);
  for (guint i = 0; partners[i] != NULL; i++)
    sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, partners[i]));
  g_assert_true (sc_report_export (book, options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

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
run_tool (const char *tool,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { tool, path, NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* One element of the structure tree, flattened in document order. */
typedef struct
{
  PopplerStructureElementKind kind;
  guint                       depth;
  char                       *text;
  char                       *alt;
  char                       *language;
} Element;

static void
element_clear (Element *element)
{
  g_free (element->text);
  g_free (element->alt);
  g_free (element->language);
}

static void
collect (PopplerStructureElementIter *iter,
         guint                        depth,
         GArray                      *elements)
{
  do
    {
      g_autoptr(PopplerStructureElement) element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child;
      Element e = { 0 };

      e.kind = poppler_structure_element_get_kind (element);
      e.depth = depth;
      e.text = poppler_structure_element_get_text (element, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
      e.alt = poppler_structure_element_get_alt_text (element);
      e.language = poppler_structure_element_get_language (element);
      g_array_append_val (elements, e);
      if ((child = poppler_structure_element_iter_get_child (iter)) != NULL)
        {
          collect (child, depth + 1, elements);
          poppler_structure_element_iter_free (child);
        }
    }
  while (poppler_structure_element_iter_next (iter));
}

static GArray *
read_structure (PopplerDocument *doc)
{
  GArray *elements = g_array_new (FALSE, TRUE, sizeof (Element));
  PopplerStructureElementIter *iter = poppler_structure_element_iter_new (doc);

  g_array_set_clear_func (elements, (GDestroyNotify) element_clear);
  g_assert_nonnull (iter);
  collect (iter, 0, elements);
  poppler_structure_element_iter_free (iter);
  return elements;
}

static const Element *
find (GArray                      *elements,
      PopplerStructureElementKind  kind,
      const char                  *text)
{
  for (guint i = 0; i < elements->len; i++)
    {
      const Element *e = &g_array_index (elements, Element, i);

      if (e->kind == kind && (text == NULL || (e->text && strstr (e->text, text))))
        return e;
    }
  g_error ("no element of kind %d with “%s” in the structure", kind, text ? text : "");
  return NULL;
}

static guint
count (GArray                      *elements,
       PopplerStructureElementKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < elements->len; i++)
    n += g_array_index (elements, Element, i).kind == kind;
  return n;
}

static void
test_structure (void)
{
  const char *partners[] = { "s07", NULL };
  g_autofree char *path = export_report ("en-GB", partners);
  g_autoptr(PopplerDocument) doc = open_pdf (path);
  g_autoptr(GArray) elements = read_structure (doc);
  const Element *root = &g_array_index (elements, Element, 0);
  const Element *e;

  g_assert_cmpint (root->kind, ==, POPPLER_STRUCTURE_ELEMENT_DOCUMENT);
  g_assert_cmpstr (root->language, ==, "en-GB");
  g_assert_cmpuint (count (elements, POPPLER_STRUCTURE_ELEMENT_SECTION), ==, 1);

  e = find (elements, POPPLER_STRUCTURE_ELEMENT_HEADING_1, NULL);
  g_assert_cmpstr (e->text, ==, "Fonderia Valle Trompia S.r.l.");
  find (elements, POPPLER_STRUCTURE_ELEMENT_HEADING_2, "Key performance indicators");
  find (elements, POPPLER_STRUCTURE_ELEMENT_HEADING_2, "Issues and actions");
  find (elements, POPPLER_STRUCTURE_ELEMENT_PARAGRAPH, "Change: Dec 2025 against Nov 2025.");

  /* The KPI table: header cells, then the values */
  find (elements, POPPLER_STRUCTURE_ELEMENT_TABLE, "5.54%");
  find (elements, POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING, "Status");
  find (elements, POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING, "Target");
  find (elements, POPPLER_STRUCTURE_ELEMENT_TABLE_DATA, "5.54%");
  find (elements, POPPLER_STRUCTURE_ELEMENT_TABLE_DATA, "ISS-0005");
  /* a row's link to its chart is in its last cell */
  find (elements, POPPLER_STRUCTURE_ELEMENT_LINK, "p. ");

  /* Every trend chart is a figure with a text for those who cannot see it */
  g_assert_cmpuint (count (elements, POPPLER_STRUCTURE_ELEMENT_FIGURE), >=, 6);
  for (guint i = 0; i < elements->len; i++)
    {
      e = &g_array_index (elements, Element, i);
      if (e->kind == POPPLER_STRUCTURE_ELEMENT_FIGURE)
        {
          g_assert_nonnull (e->alt);
          g_assert_true (g_str_has_prefix (e->alt, "Trend chart of "));
        }
    }
  e = NULL;
  for (guint i = 0; i < elements->len && e == NULL; i++)
    {
      const Element *f = &g_array_index (elements, Element, i);

      if (f->kind == POPPLER_STRUCTURE_ELEMENT_FIGURE && strstr (f->alt, "Scrap rate"))
        e = f;
    }
  g_assert_nonnull (e);
  g_assert_nonnull (strstr (e->alt, "latest 5.54% in Dec 2025: Critical."));
}

static const char *
rfind (const char *bytes,
       gsize       length,
       const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    {
      if (memcmp (bytes + i, needle, n) == 0)
        return bytes + i;
    }
  return NULL;
}

/* The catalog names the language too, in an update poppler, pdfinfo and a
 * byte-exact cross-reference agree on.
 */
static void
test_language_and_update (void)
{
  const char *partners[] = { "c03", NULL };
  g_autofree char *path = export_report ("fr_FR.UTF-8", partners);
  g_autofree char *info = run_tool ("pdfinfo", path);
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *startxref, *catalog;
  gsize length;
  guint64 xref;

  g_assert_nonnull (strstr (info, "Tagged:          yes"));
  g_assert_nonnull (strstr (info, "Suspects:        no"));
  g_file_get_contents (path, &bytes, &length, &error);
  g_assert_no_error (error);
  startxref = rfind (bytes, length, "startxref\n");
  g_assert_nonnull (startxref);
  xref = g_ascii_strtoull (startxref + strlen ("startxref\n"), NULL, 10);
  g_assert_cmpuint (xref, <, length);
  g_assert_true (g_str_has_prefix (bytes + xref, "xref\n"));
  catalog = rfind (bytes, length, "<< /Type /Catalog");
  g_assert_nonnull (catalog);
  /* the completed catalog is in the update, after cairo's end of file */
  g_assert_true (catalog > (const char *) memmem (bytes, length, "%%EOF", 5));
  g_assert_nonnull (strstr (catalog, "/Lang (fr-FR)"));
  /* poppler-glib 22.12 reads a scope only on a Table (a bug), so the
   * header cells are checked in the bytes: every one is scoped */
  {
    guint n_th = 0, n_scoped = 0;

    const char *end = bytes + length;

    for (const char *p = bytes; (p = memmem (p, end - p, "/S /TH\n", 7)) != NULL; p++)
      {
        const char *endobj = memmem (p, end - p, "endobj", 6);

        n_th++;
        n_scoped += memmem (p, endobj - p, "/Scope /Column", 14) != NULL;
      }
    g_assert_cmpuint (n_th, >=, 14);
    /* cairo's copies and the update's: half of them are scoped */
    g_assert_cmpuint (n_scoped * 2, ==, n_th);
  }
  g_assert_cmpmem (bytes + length - 6, 6, "%%EOF\n", 6);
}

static void
test_fonts_embedded (void)
{
  const char *partners[] = { "s02", "c05", NULL };
  g_autofree char *path = export_report (NULL, partners);
  g_autofree char *fonts = run_tool ("pdffonts", path);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      /* name type … emb sub uni object ID: emb is the sixth field from the end */
      {
        g_autoptr(GPtrArray) words = g_ptr_array_new ();

        for (guint w = 0; fields[w] != NULL; w++)
          if (fields[w][0] != '\0')
            g_ptr_array_add (words, fields[w]);
        g_assert_cmpuint (words->len, >=, 7);
        g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      }
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_batch_sections (void)
{
  const char *partners[] = { "s02", "c05", "s07", NULL };
  g_autofree char *path = export_report (NULL, partners);
  g_autoptr(PopplerDocument) doc = open_pdf (path);
  g_autoptr(GArray) elements = read_structure (doc);
  guint n_documents = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      const Element *e = &g_array_index (elements, Element, i);

      n_documents += e->depth == 0;
      if (e->kind == POPPLER_STRUCTURE_ELEMENT_SECTION)
        g_assert_cmpuint (e->depth, ==, 1);
    }
  g_assert_cmpuint (n_documents, ==, 1);
  g_assert_cmpuint (count (elements, POPPLER_STRUCTURE_ELEMENT_SECTION), ==, 3);
  g_assert_cmpuint (count (elements, POPPLER_STRUCTURE_ELEMENT_HEADING_1), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SOURCE_DATE_EPOCH", "1767139200", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-tags/structure", test_structure);
  g_test_add_func ("/report-tags/language-and-update", test_language_and_update);
  g_test_add_func ("/report-tags/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/report-tags/batch-sections", test_batch_sections);

  return g_test_run ();
}
