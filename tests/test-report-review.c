/* test-report-review.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the review pack (src/render/report/sc-report-review.c): what
 * its pages say, read back with poppler, on A4 and Letter, and that a
 * held review's pack comes out byte for byte the same after the live data
 * changed; a pack in French and German after a held review with actions:
 * its sentences, numbers and dates in the language, no English left.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sc-report-review.h"
#include "sc-review-edit.h"
#include "sc-workbook-io.h"

#include <poppler.h>

#ifndef POPPLER_CHECK_VERSION
#define POPPLER_CHECK_VERSION(a, b, c) 0
#endif
#if !POPPLER_CHECK_VERSION (23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
#endif

#define N_ACTIONS 30

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
  g_autofree char *dir = g_dir_make_tmp ("test-report-review-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

/* A held review of Precision Hydraulics on 12 June 2025 with many actions. */
static ScReview *
held_review (ScWorkbook *book)
{
  ScPartner *partner = sc_workbook_lookup_partner (book, "s02");
  ScRollup view;
  g_autoptr(ScReview) review = NULL;
  g_autoptr(GError) error = NULL;
  const char *ours[] = { "Jana Weber", "Markus Lehmann", NULL };
  const char *theirs[] = { "Oliver Hughes", "Priya Nair", NULL };

  g_assert_true (sc_rollup_parse ("2025-05", SC_GRANULARITY_MONTH, &view));
  review = sc_review_create (book, partner, "2025-06-12", &view);
  sc_review_set_attendees_ours (review, ours);
  sc_review_set_attendees_theirs (review, theirs);
  sc_review_set_decisions (review, "Sorting at the supplier’s cost until the PPM is below 250.\n"
                                   "Monthly review calls until the end of the year.");
  sc_review_set_notes (review, "Oliver Hughes will send the 8D report for the HV-220 leaks.");
  g_assert_true (sc_review_edit_add (NULL, book, review));
  for (guint i = 1; i <= N_ACTIONS; i++)
    {
      g_autofree char *id = sc_workbook_next_issue_id (book);
      g_autofree char *title = g_strdup_printf ("Action number %u on valve block HV-220", i);
      g_autoptr(ScIssue) issue = sc_issue_new (id, "s02", title);

      sc_issue_set_owner (issue, i % 2 ? "Oliver Hughes" : "Jana Weber");
      sc_issue_set_due (issue, i % 3 ? "2025-07-31" : "2025-05-31");
      sc_issue_set_action (issue, "Containment, root cause with 8D, then a poka-yoke on the seal press.");
      sc_issue_set_review_id (issue, sc_review_get_id (review));
      g_assert_true (sc_workbook_add_issue (book, issue));
    }
  g_assert_true (sc_review_edit_freeze (NULL, book, review, SC_REVIEW_HELD, &error));
  g_assert_no_error (error);
  return review;
}

static char *
export_pack (ScWorkbook       *book,
             ScReview         *review,
             ScReportPageSize  size,
             const char       *name)
{
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(GError) error = NULL;
  char *path = temp_path (name);

  options->page_size = size;
  g_assert_true (sc_report_review_export (book, review, options, path, &error));
  g_assert_no_error (error);
  return path;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static char *
page_text (PopplerDocument *doc,
           int              index)
{
  g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (doc, index));

  return poppler_page_get_text (POPPLER_PAGE (page));
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, text);
}

static void
check_pages (const char *path,
             double      width)
{
  g_autoptr(GObject) object = G_OBJECT (open_pdf (path));
  PopplerDocument *doc = POPPLER_DOCUMENT (object);
  int n = poppler_document_get_n_pages (doc);
  g_autofree char *first = page_text (doc, 0);
  g_autofree char *second = page_text (doc, 1);
  g_autoptr(GString) back = g_string_new (NULL);
  g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (doc, 0));
  double w, h;

  poppler_page_get_size (POPPLER_PAGE (page), &w, &h);
  g_assert_cmpfloat_with_epsilon (w, width, 0.5);
  g_assert_cmpint (n, >=, 6);
  assert_contains (first, "Precision Hydraulics & Fluid Power Components Ltd.");
  assert_contains (first, "Review meeting of 12 June 2025 · scorecard for May 2025");
  assert_contains (first, "Contoso Manufacturing GmbH: Jana Weber, Markus Lehmann");
  assert_contains (first, "Precision Hydraulics & Fluid Power Components Ltd.: Oliver Hughes, Priya Nair");
  assert_contains (first, "This is the first review with this partner.");
  assert_contains (first, "Welcome and introductions");
  assert_contains (first, "Scorecard for May 2025: overall score 60.9, grade C");
  assert_contains (second, "60.9");
  assert_contains (second, "Issued 12 June 2025");
  for (int i = 2; i < n; i++)
    {
      g_autofree char *text = page_text (doc, i);
      g_string_append (back, text);
    }
  assert_contains (back->str, "Sorting at the supplier’s cost until the PPM is below 250.");
  assert_contains (back->str, "Action items");
  assert_contains (back->str, "Action number 1 on valve block HV-220");
  assert_contains (back->str, "Action number 30 on valve block HV-220");
  assert_contains (back->str, "overdue");
  assert_contains (back->str, "Oliver Hughes will send the 8D report");
}

static void
test_pages (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  ScReview *review = held_review (book);
  g_autofree char *a4 = export_pack (book, review, SC_REPORT_PAGE_A4, "a4.pdf");
  g_autofree char *letter = export_pack (book, review, SC_REPORT_PAGE_LETTER, "letter.pdf");

  check_pages (a4, 595.276);
  check_pages (letter, 612);
}

/* Render twice, change the live data, render again: the same bytes. */
static void
test_byte_identical (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  ScReview *review = held_review (book);
  g_autofree char *first = export_pack (book, review, SC_REPORT_PAGE_A4, "first.pdf");
  g_autofree char *second = export_pack (book, review, SC_REPORT_PAGE_A4, "second.pdf");
  g_autofree char *third = NULL;
  g_autoptr(GBytes) a = read_bytes (first);
  g_autoptr(GBytes) b = read_bytes (second);
  g_autoptr(GBytes) c = NULL;
  g_autoptr(GError) error = NULL;
  ScPartner *partner = sc_workbook_lookup_partner (book, "s02");
  ScPeriod may;
  g_autoptr(GPtrArray) actions = sc_workbook_dup_review_actions (book, review);

  g_assert_true (g_bytes_equal (a, b));

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-05", &may));
  g_assert_true (sc_workbook_set_value (book, partner, sc_workbook_lookup_kpi (book, "on_time_delivery_pct"),
                                        may, 42.0, &error));
  g_assert_no_error (error);
  sc_kpi_set_target (sc_workbook_lookup_kpi (book, "ppm_defects"), 5000);
  sc_issue_set_status (g_ptr_array_index (actions, 0), SC_ISSUE_CLOSED);
  g_assert_true (sc_review_live_differs (book, review));

  third = export_pack (book, review, SC_REPORT_PAGE_A4, "third.pdf");
  c = read_bytes (third);
  g_assert_true (g_bytes_equal (a, c));
}

/* The English words and phrases of a pack's own layout and sentences
 * (sc-report-review.c, core/reviews) that differ in French and German,
 * and some of the report's around them.
 */
static const char *english[] = {
  "Review meeting of", "scorecard for", "Attendees", "Us", "Since the last review", "Agenda",
  "No agenda", "Action items", "Decisions", "No decisions recorded", "Notes", "No notes",
  "No action items were agreed", "Welcome and introductions", "Scorecard for", "overall score",
  "grade", "Off target", "target", "Follow up", "open action", "open actions", "overdue",
  "new dates or escalation", "Since the last review on", "Decisions and next actions",
  "Overall score", "is back on target", "has moved off target", "actions agreed on",
  "is closed", "are closed", "still open", "of them overdue", "none overdue", "new issue",
  "new issues", "No new issues since", "This is the first review", "Owner", "Due", "Action",
  "Grade", "Issued", "Key performance indicators", "June", "May", "August", "September",
  "Jun", "Aug", "Sep",
};

static const char *french_same[] = { "Notes", "Action", NULL };
static const char *german_same[] = { "Agenda", "Status", "September", "Sep", "Aug", NULL };

/* Whether @word occurs in @text as a whole word (or phrase). */
static gboolean
has_word (const char *text,
          const char *word)
{
  gsize n = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      const char *before = p == text ? NULL : g_utf8_find_prev_char (text, p);
      const char *after = p + n;

      if ((before == NULL || !g_unichar_isalpha (g_utf8_get_char (before))) &&
          (*after == '\0' || !g_unichar_isalpha (g_utf8_get_char (after))))
        return TRUE;
    }
  return FALSE;
}

/* Every page's text, no-break spaces as spaces. */
static char *
pack_text (const char *path)
{
  g_autoptr(PopplerDocument) doc = open_pdf (path);
  GString *text = g_string_new (NULL);
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *page = page_text (doc, i);

      g_string_append (text, page);
      g_string_append_c (text, '\n');
    }
  joined = g_string_free (text, FALSE);
  parts = g_regex_split_simple ("\u202f|\u00a0", joined, 0, 0);
  return g_strjoinv (" ", parts);
}

/* A second review of s02 in @language, three months after the held one
 * with its actions; its pack's text.
 */
static char *
second_pack_text (const char *language,
                  char      **path_out)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  ScPartner *partner = sc_workbook_lookup_partner (book, "s02");
  g_autoptr(ScReview) second = NULL;
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s.pdf", language);
  char *path = temp_path (name);
  ScRollup view;

  held_review (book);
  g_assert_true (sc_rollup_parse ("2025-08", SC_GRANULARITY_MONTH, &view));
  second = sc_review_create_in_language (book, partner, "2025-09-15", &view, language);
  g_assert_cmpstr (sc_review_get_language (second), ==, language);
  g_assert_true (sc_review_edit_add (NULL, book, second));
  g_assert_true (sc_review_edit_freeze (NULL, book, second, SC_REVIEW_HELD, &error));
  g_assert_no_error (error);
  /* No language in the options: the review's */
  g_assert_true (sc_report_review_export (book, second, options, path, &error));
  g_assert_no_error (error);
  *path_out = path;
  return pack_text (path);
}

static void
assert_no_english (const char  *text,
                   const char **same)
{
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    {
      if (same != NULL && g_strv_contains (same, english[i]))
        continue;
      if (has_word (text, english[i]))
        g_error ("English left in the pack: “%s” in:\n%s", english[i], text);
    }
}

/* The held review's pack (its thirty actions) in @language on Letter. */
static char *
held_pack_text (const char *language)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  ScReview *review = held_review (book);
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("held-%s.pdf", language);
  g_autofree char *path = temp_path (name);

  options->page_size = SC_REPORT_PAGE_LETTER;
  sc_report_options_set_string (&options->language, language);
  g_assert_true (sc_report_review_export (book, review, options, path, &error));
  g_assert_no_error (error);
  return pack_text (path);
}

static void
test_french (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = second_pack_text ("fr", &path);

  if (g_test_verbose ())
    g_printerr ("%s\n", text);
  assert_no_english (text, french_same);
  assert_contains (text, "Revue du 15 septembre 2025 · tableau de bord : août 2025");
  assert_contains (text, "Depuis la dernière revue du 12 juin 2025");
  assert_contains (text, "actions convenues le 12 juin");
  assert_contains (text, "Score global 60,9 (note C) le 12 juin");
  assert_contains (text, "Livraison à l’heure n’est plus dans l’objectif : 95,1 % → 93,7 %.");
  assert_contains (text, "Hors objectif : Livraison à l’heure à 93,7 % (objectif 95,0 %)");
  assert_contains (text, "Accueil et présentations");
  assert_contains (text, "Aucune action n’a été convenue.");
  g_clear_pointer (&text, g_free);

  /* Its agenda and minutes are the user's (English) text; the layout is French */
  text = held_pack_text ("fr");
  for (const char * const *w = (const char * const[]) { "Action items", "Attendees", "Owner", "Due",
                                                         "overdue", "Review meeting of", "Since the last review",
                                                         "This is the first review", NULL }; *w; w++)
    g_assert_false (has_word (text, *w));
  assert_contains (text, "Ordre du jour");
  assert_contains (text, "Décisions");
  assert_contains (text, "Revue du 12 juin 2025 · tableau de bord : mai 2025");
  assert_contains (text, "C’est la première revue avec ce partenaire.");
  assert_contains (text, "Actions convenues");
  assert_contains (text, "Action number 30 on valve block HV-220");
  assert_contains (text, "en retard");
}

static void
test_german (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = second_pack_text ("de", &path);

  if (g_test_verbose ())
    g_printerr ("%s\n", text);
  assert_no_english (text, german_same);
  assert_contains (text, "Review vom 15. September 2025");
  assert_contains (text, "am 12. Juni vereinbarten Maßnahmen");
  assert_contains (text, "Gesamtpunktzahl 60,9 (Note C) am 12. Juni");
  assert_contains (text, "Begrüßung und Vorstellungsrunde");
  g_clear_pointer (&text, g_free);

  text = held_pack_text ("de");
  assert_contains (text, "Vereinbarte Maßnahmen");
  assert_contains (text, "Verantwortlich");
  assert_contains (text, "überfällig");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("SOURCE_DATE_EPOCH", "1767139200", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-review/pages", test_pages);
  g_test_add_func ("/report-review/byte-identical", test_byte_identical);
  g_test_add_func ("/report-review/french", test_french);
  g_test_add_func ("/report-review/german", test_german);

  return g_test_run ();
}
