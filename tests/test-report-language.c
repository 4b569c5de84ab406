/* test-report-language.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports in the customer's language (src/render/report with
 * src/core/i18n): a report rendered in French or German, read back with
 * poppler-glib, holds none of the English words of the layout, and holds
 * the language's words, numbers ("94,3 %"), months and the KPI's own name
 * in that language. A partner's report language is the default; the
 * options' language overrides it; without either, the report is in the
 * application's language.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "sc-report.h"
#include "sc-workbook-io.h"

#define EPOCH "1767139200" /* 2025-12-31T00:00:00Z */

#ifndef POPPLER_CHECK_VERSION
#define POPPLER_CHECK_VERSION(a, b, c) 0
#endif
#if !POPPLER_CHECK_VERSION (23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

/* The words and phrases of the report's layout in English (headings,
 * column headers, labels, statuses, categories, months, units and the
 * catalogue's KPI names) that differ in French and German: none may be
 * left in a translated report. Words the languages share ("Score",
 * "Service", "Stable", "Page") are not listed.
 */
static const char *english[] = {
  "Customer scorecard", "CUSTOMER SCORECARD", "Supplier scorecard", "Overall score", "Grade",
  "Trend", "Rank", "Category scores", "Key performance indicators", "Status", "Value", "Target",
  "Change", "Chart", "On target", "Warning", "Critical", "No data", "no data", "No target",
  "KPI trends", "Issues and actions", "Meeting notes", "of", "Period", "scored for", "Issued",
  "better", "worse", "same", "below", "out of 100", "on the previous period", "among",
  "customers", "points a period", "over", "periods", "Improving", "Declining", "Delivery",
  "Quality", "Cost", "On-time delivery", "Lead time", "Cost of poor quality", "Complaints",
  "Forecast accuracy", "days", "Severity", "Owner", "Due", "Corrective action", "Issue",
  "overdue", "open or in progress", "target", "lower is better", "continued",
  "January", "February", "March", "April", "May", "June", "Jan", "Feb", "Mar", "Apr", "Jun",
  "December", "Dec",
};

static const char *german_same[] = { "Trend", "Status", "Jan", "Feb", "Apr", NULL };

static ScWorkbook *
load_fixture (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures",
                                                                    "language-customers.scorecard", NULL));
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return book;
}

/* The text of every page, with no-break spaces as spaces. */
static char *
export_text (ScWorkbook      *book,
             ScReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-report-language-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_true (sc_report_export (book, options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  g_unlink (path);
  g_rmdir (dir);
  for (char *p; (p = strstr (text->str, "\u202f")) || (p = strstr (text->str, "\u00a0"));)
    {
      gsize at = p - text->str;

      g_string_erase (text, at, strlen (p[0] == '\xe2' ? "\u202f" : "\u00a0"));
      g_string_insert_c (text, at, ' ');
    }
  return g_string_free (text, FALSE);
}

static gboolean
is_letter_at (const char *text,
              const char *p)
{
  if (p < text || *p == '\0')
    return FALSE;
  p = g_utf8_find_prev_char (text, p + 1);
  return p != NULL && g_unichar_isalpha (g_utf8_get_char (p));
}

/* Whether @word occurs in @text as a whole word. */
static gboolean
has_word (const char *text,
          const char *word)
{
  gsize n = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      const char *before = p == text ? NULL : g_utf8_find_prev_char (text, p);

      if ((before == NULL || !g_unichar_isalpha (g_utf8_get_char (before))) && !is_letter_at (text, p + n))
        return TRUE;
    }
  return FALSE;
}

/* @same: the words the language shares with English ("Trend" in German). */
static void
assert_no_english (const char  *text,
                   const char **same)
{
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    {
      if (same != NULL && g_strv_contains (same, english[i]))
        continue;
      if (has_word (text, english[i]))
        g_error ("English left in the report: “%s”", english[i]);
    }
}

static void
assert_has (const char *text,
            const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” is missing from the report", expected);
}

static char *
report_on (ScWorkbook *book,
           const char *partner,
           const char *language)
{
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);

  sc_report_options_add_partner (options, sc_workbook_lookup_partner (book, partner));
  sc_report_options_set_string (&options->language, language);
  return export_text (book, options);
}

/* c01's report language is French: its report is French by default. */
static void
test_french_by_default (void)
{
  g_autoptr(ScWorkbook) book = load_fixture ();
  g_autofree char *text = report_on (book, "c01", NULL);

  assert_no_english (text, NULL);
  assert_has (text, "TABLEAU DE BORD CLIENT");
  assert_has (text, "Indicateurs clés de performance");
  assert_has (text, "94,3 %");
  assert_has (text, "1 234,5 jours");
  assert_has (text, "2 930 €");
  assert_has (text, "juin 2025");
  assert_has (text, "janv. 2025");
  assert_has (text, "Émis le 31 décembre 2025");
  assert_has (text, "Livraison à l’heure");
  assert_has (text, "Fiabilité des prévisions");
  assert_has (text, "Page 1 sur 3");
  assert_has (text, "en retard");
  /* The due date in the language too, and each count agreeing with its word */
  assert_has (text, "31 mai 2025");
  assert_has (text, "1 problème : 1 ouvert ou en cours, 1 en retard.");
}

static void
test_german_by_default (void)
{
  g_autoptr(ScWorkbook) book = load_fixture ();
  g_autofree char *text = report_on (book, "c02", NULL);

  assert_no_english (text, german_same);
  assert_has (text, "KUNDENBEWERTUNG");
  assert_has (text, "94,3 %");
  assert_has (text, "1.234,5 Tage");
  assert_has (text, "2.930 €");
  assert_has (text, "Juni 2025");
  assert_has (text, "31. Dezember 2025");
  assert_has (text, "Prognosegüte");
  assert_has (text, "Seite 1 von 3");
}

/* The options' language wins over the partner's. */
static void
test_option_overrides_partner (void)
{
  g_autoptr(ScWorkbook) book = load_fixture ();
  g_autofree char *text = report_on (book, "c01", "de");

  assert_no_english (text, german_same);
  assert_has (text, "Prognosegüte");
  assert_has (text, "Juni 2025");
  assert_has (text, "31. Mai 2025");
}

/* Without a language, the application's: English under the C locale. */
static void
test_application_language (void)
{
  g_autoptr(ScWorkbook) book = load_fixture ();
  g_autofree char *text = report_on (book, "c03", NULL);

  assert_has (text, "CUSTOMER SCORECARD");
  assert_has (text, "Forecast accuracy");
  assert_has (text, "Jun 2025");
  assert_has (text, "94.3 %");
}

/* A batch gives each partner its own language. */
static void
test_batch_mixes_languages (void)
{
  g_autoptr(ScWorkbook) book = load_fixture ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autofree char *text = export_text (book, options);

  assert_has (text, "TABLEAU DE BORD CLIENT");
  assert_has (text, "KUNDENBEWERTUNG");
  assert_has (text, "CUSTOMER SCORECARD");
}

static void
test_unknown_language (void)
{
  g_autoptr(ScWorkbook) book = load_fixture ();
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReport) report = NULL;

  sc_report_options_set_string (&options->language, "tlh");
  report = sc_report_new (book, options, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_LANGUAGE);
  g_assert_nonnull (strstr (error->message, "fr (Français)"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SOURCE_DATE_EPOCH", EPOCH, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-language/french-by-default", test_french_by_default);
  g_test_add_func ("/report-language/german-by-default", test_german_by_default);
  g_test_add_func ("/report-language/option-overrides-partner", test_option_overrides_partner);
  g_test_add_func ("/report-language/application-language", test_application_language);
  g_test_add_func ("/report-language/batch-mixes-languages", test_batch_mixes_languages);
  g_test_add_func ("/report-language/unknown", test_unknown_language);

  return g_test_run ();
}
