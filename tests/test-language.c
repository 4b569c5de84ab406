/* test-language.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of report languages (src/core/i18n): the .mo reader on good,
 * truncated and hostile catalogues, plural forms, each language's numbers,
 * percentages, money and dates with the catalogues the build compiles
 * (SCORECARDS_LOCALEDIR points at them), KPI names per language, and a
 * partner's report language and a KPI's names kept through a save.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sc-catalogue.h"
#include "sc-language.h"
#include "sc-mo-file.h"
#include "sc-standing.h"
#include "sc-workbook-io.h"

#define NBSP  "\u00a0"
#define NNBSP "\u202f"

typedef struct
{
  const char *key;       /* "context\004msgid" or "msgid\0plural" (length in key_len) */
  gsize       key_len;
  const char *value;
  gsize       value_len;
} MoEntry;

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  g_byte_array_append (out, (const guint8 *) &value, sizeof value);
}

/* A .mo file of @entries, sorted by key as msgfmt writes them. */
static GBytes *
build_mo (const MoEntry *entries,
          guint          n)
{
  GByteArray *out = g_byte_array_new ();
  guint32 originals = 28, translations = 28 + 8 * n, strings = 28 + 16 * n;
  guint32 offset = strings;

  put_u32 (out, 0x950412de);
  put_u32 (out, 0);
  put_u32 (out, n);
  put_u32 (out, originals);
  put_u32 (out, translations);
  put_u32 (out, 0);
  put_u32 (out, 0);
  for (guint i = 0; i < n; i++)
    {
      put_u32 (out, entries[i].key_len);
      put_u32 (out, offset);
      offset += entries[i].key_len + 1;
    }
  for (guint i = 0; i < n; i++)
    {
      put_u32 (out, entries[i].value_len);
      put_u32 (out, offset);
      offset += entries[i].value_len + 1;
    }
  for (guint i = 0; i < n; i++)
    g_byte_array_append (out, (const guint8 *) entries[i].key, entries[i].key_len + 1);
  for (guint i = 0; i < n; i++)
    g_byte_array_append (out, (const guint8 *) entries[i].value, entries[i].value_len + 1);
  return g_byte_array_free_to_bytes (out);
}

#define E(k, v) { k, sizeof k - 1, v, sizeof v - 1 }

static const char header[] =
  "Content-Type: text/plain; charset=UTF-8\n"
  "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n";

static const MoEntry sample_entries[] = {
  { "", 0, header, sizeof header - 1 },
  E ("%u issue\0%u issues", "%u problem\0%u problemy\0%u problemów"),
  E ("%u of %u", "%s z %u"),                 /* wrong conversions: dropped */
  E ("%u day\0%u days", "jeden dzie\xc5\x84\0%u dni\0%u dni"),   /* "one" without the number */
  E ("%s of %u", "%2$u z %1$s"),             /* reordered: kept */
  E ("%s in %s", "%2$s"),                    /* a gap before argument 2: dropped */
  E ("Target", "Cel"),
  E ("month\004May", "maj"),
};

static GBytes *
sample_mo (void)
{
  return build_mo (sample_entries, G_N_ELEMENTS (sample_entries));
}

static void
test_mo_lookup (void)
{
  g_autoptr(GBytes) bytes = sample_mo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScMoFile) mo = sc_mo_file_new_from_bytes (bytes, "pl.mo", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sc_mo_file_lookup (mo, NULL, "Target"), ==, "Cel");
  g_assert_cmpstr (sc_mo_file_lookup (mo, "month", "May"), ==, "maj");
  g_assert_null (sc_mo_file_lookup (mo, NULL, "May"));
  g_assert_null (sc_mo_file_lookup (mo, NULL, "Missing"));
  /* a translation taking other arguments would crash printf: left out */
  g_assert_null (sc_mo_file_lookup (mo, NULL, "%u of %u"));
  g_assert_null (sc_mo_file_lookup (mo, NULL, "%s in %s"));
  g_assert_cmpstr (sc_mo_file_lookup (mo, NULL, "%s of %u"), ==, "%2$u z %1$s");
  g_assert_cmpstr (sc_mo_file_lookup_plural (mo, "%u day", 1), ==, "jeden dzień");
  g_assert_cmpstr (sc_mo_file_lookup_plural (mo, "%u day", 5), ==, "%u dni");
  g_assert_cmpstr (sc_mo_file_lookup_plural (mo, "%u issue", 1), ==, "%u problem");
  g_assert_cmpstr (sc_mo_file_lookup_plural (mo, "%u issue", 3), ==, "%u problemy");
  g_assert_cmpstr (sc_mo_file_lookup_plural (mo, "%u issue", 5), ==, "%u problemów");
  g_assert_cmpstr (sc_mo_file_lookup_plural (mo, "%u issue", 22), ==, "%u problemy");
  g_assert_cmpstr (sc_mo_file_lookup_plural (mo, "%u issue", 12), ==, "%u problemów");
}

static void
test_plural_expressions (void)
{
  gulong result;

  g_assert_true (sc_mo_plural_eval ("(n > 1)", 2, &result));
  g_assert_cmpuint (result, ==, 1);
  g_assert_true (sc_mo_plural_eval ("(n > 1)", 1, &result));
  g_assert_cmpuint (result, ==, 0);
  g_assert_true (sc_mo_plural_eval ("n != 1", 0, &result));
  g_assert_cmpuint (result, ==, 1);
  g_assert_true (sc_mo_plural_eval ("n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2", 21, &result));
  g_assert_cmpuint (result, ==, 0);
  g_assert_true (sc_mo_plural_eval ("n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2", 0, &result));
  g_assert_cmpuint (result, ==, 2);
  g_assert_false (sc_mo_plural_eval ("n >", 1, &result));
  g_assert_false (sc_mo_plural_eval ("n / 0", 1, &result));
  g_assert_false (sc_mo_plural_eval ("(((((((((((((((((((((((((((((((((((n)))))))))))))))))))))))))))))))))))", 1, &result));
  g_assert_false (sc_mo_plural_eval ("n; rm -rf", 1, &result));
}

/* Every truncation of a good catalogue fails with an error or loads:
 * never a crash or a read past the end (run it under valgrind or ASan).
 */
static void
test_mo_truncated (void)
{
  g_autoptr(GBytes) bytes = sample_mo ();
  gsize size = g_bytes_get_size (bytes);
  guint failed = 0;

  for (gsize cut = 0; cut < size; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (bytes, 0, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScMoFile) mo = sc_mo_file_new_from_bytes (part, "cut.mo", &error);

      if (mo == NULL)
        {
          g_assert_error (error, SC_MO_FILE_ERROR, SC_MO_FILE_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (error->message, "cut.mo: "));
          failed++;
        }
    }
  /* the strings come last: only the cut through the last NUL may load */
  g_assert_cmpuint (failed, ==, size);
}

static void
expect_invalid (const guint8 *data,
                gsize         size,
                const char   *fragment)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScMoFile) mo = sc_mo_file_new_from_bytes (bytes, "bad.mo", &error);

  g_assert_null (mo);
  g_assert_error (error, SC_MO_FILE_ERROR, SC_MO_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_mo_hostile (void)
{
  g_autoptr(GBytes) good = sample_mo ();
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);
  g_autofree guint8 *copy = g_memdup2 (data, size);
  guint32 huge = 0x7fffffff;
  static const MoEntry latin1[] = { { "Target", 6, "Zielgr\xf6\xdf" "e", 9 } };
  g_autoptr(GBytes) not_utf8 = build_mo (latin1, 1);

  expect_invalid ((const guint8 *) "GNU gettext", 11, "only 11 bytes");
  memcpy (copy, "\xde\xad\xbe\xef", 4);
  expect_invalid (copy, size, "magic");
  /* a count that would make the tables run far past the file */
  memcpy (copy, data, size);
  memcpy (copy + 8, &huge, 4);
  expect_invalid (copy, size, "do not fit");
  /* an offset past the end */
  memcpy (copy, data, size);
  memcpy (copy + 28 + 4, &huge, 4);
  expect_invalid (copy, size, "outside the file");
  /* a length reaching past the end (the first of the translations' table) */
  memcpy (copy, data, size);
  memcpy (copy + 28 + 8 * G_N_ELEMENTS (sample_entries), &huge, 4);
  expect_invalid (copy, size, "outside the file");
  expect_invalid (g_bytes_get_data (not_utf8, NULL), g_bytes_get_size (not_utf8), "not UTF-8");
}

static void
test_mo_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScMoFile) mo = sc_mo_file_new_for_path ("/nonexistent/scorecards.mo", &error);

  g_assert_null (mo);
  g_assert_nonnull (error);
}

static void
test_numbers (void)
{
  const ScLanguage *en = sc_language_get ("en", NULL);
  const ScLanguage *de = sc_language_get ("de", NULL);
  const ScLanguage *fr = sc_language_get ("fr_FR.UTF-8", NULL);
  const ScLanguage *es = sc_language_get ("es", NULL);

  g_assert_nonnull (es);
  g_assert_nonnull (en);
  g_assert_nonnull (de);
  g_assert_nonnull (fr);
  g_assert_cmpstr (sc_language_get_code (fr), ==, "fr");

#define NUMBER(lang, value, decimals, expected) \
  { g_autofree char *s = sc_language_format_number (lang, value, decimals); g_assert_cmpstr (s, ==, expected); }
  NUMBER (en, 1234.5, 1, "1,234.5");
  NUMBER (de, 1234.5, 1, "1.234,5");
  NUMBER (fr, 1234.5, 1, "1" NNBSP "234,5");
  NUMBER (fr, 1234567, 0, "1" NNBSP "234" NNBSP "567");
  NUMBER (de, -1234.56, 2, "-1.234,56");
  NUMBER (fr, 999, 0, "999");
  NUMBER (fr, -0.01, 1, "0,0");
  NUMBER (en, 0.005, 2, "0.01");
  /* Spanish groups from five digits on */
  NUMBER (es, 1234.5, 1, "1234,5");
  NUMBER (es, 12345.5, 1, "12.345,5");
#undef NUMBER

#define UNIT(lang, value, decimals, unit, expected) \
  { g_autofree char *s = sc_language_format_with_unit (lang, value, decimals, unit); g_assert_cmpstr (s, ==, expected); }
  UNIT (fr, 94.3, 1, "%", "94,3" NNBSP "%");
  UNIT (de, 94.3, 1, "%", "94,3" NBSP "%");
  UNIT (en, 94.3, 1, "%", "94.3%");
  UNIT (fr, 12500, 0, "€", "12" NNBSP "500" NBSP "€");
  UNIT (de, 12500, 0, "€", "12.500" NBSP "€");
  UNIT (en, -12500, 0, "€", "−€12,500");
  UNIT (fr, 11.8, 1, "days", "11,8" NBSP "jours");
  UNIT (de, 11.8, 1, "days", "11,8" NBSP "Tage");
  UNIT (fr, 13, 0, "ppm", "13" NBSP "ppm");
  UNIT (es, 94.3, 1, "%", "94,3" NBSP "%");
  UNIT (es, 11.8, 1, "days", "11,8" NBSP "días");
#undef UNIT
}

static void
test_dates (void)
{
  const ScLanguage *de = sc_language_get ("de", NULL);
  const ScLanguage *fr = sc_language_get ("fr", NULL);
  const ScLanguage *en = sc_language_get ("en", NULL);
  g_autofree char *fr_long = NULL, *de_long = NULL, *en_long = NULL;
  g_autofree char *fr_month = NULL, *de_month = NULL, *en_month = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_DECEMBER, 2026);
  fr_long = sc_language_format_long_date (fr, &date);
  de_long = sc_language_format_long_date (de, &date);
  en_long = sc_language_format_long_date (en, &date);
  g_assert_cmpstr (fr_long, ==, "3 décembre 2026");
  g_assert_cmpstr (de_long, ==, "3. Dezember 2026");
  g_assert_cmpstr (en_long, ==, "3 December 2026");
  {
    g_autofree char *es_long = sc_language_format_long_date (sc_language_get ("es", NULL), &date);
    g_autofree char *es_month = sc_language_format_month (sc_language_get ("es", NULL), 2025, 9);

    g_assert_cmpstr (es_long, ==, "3 de diciembre de 2026");
    g_assert_cmpstr (es_month, ==, "sept 2025");
  }
  fr_month = sc_language_format_month (fr, 2025, 2);
  de_month = sc_language_format_month (de, 2025, 3);
  en_month = sc_language_format_month (en, 2025, 3);
  g_assert_cmpstr (fr_month, ==, "févr. 2025");
  g_assert_cmpstr (de_month, ==, "März 2025");
  g_assert_cmpstr (en_month, ==, "Mar 2025");
}

/* The language in use in a thread is the default of every function, and
 * only in that thread.
 */
static gpointer
other_thread (gpointer data)
{
  return g_strdup (sc_language_gettext (NULL, "Target"));
}

static void
test_in_use (void)
{
  const ScLanguage *fr = sc_language_get ("fr", NULL);
  const ScLanguage *before = sc_language_use (fr);
  g_autofree char *elsewhere = NULL;
  g_autofree char *month = NULL;
  GThread *thread;

  g_assert_null (before);
  g_assert_cmpstr (sc_language_gettext (NULL, "Target"), ==, "Objectif");
  g_assert_cmpstr (sc_language_ngettext (NULL, "%u month", "%u months", 2), ==, "%u mois");
  g_assert_cmpstr (sc_language_pgettext (NULL, "month", "June"), ==, "juin");
  month = sc_language_format_month (NULL, 2025, 6);
  g_assert_cmpstr (month, ==, "juin 2025");
  thread = g_thread_new ("other", other_thread, NULL);
  elsewhere = g_thread_join (thread);
  g_assert_cmpstr (elsewhere, ==, "Target");   /* the C locale's */
  g_assert_true (sc_language_use (before) == fr);
  g_assert_cmpstr (sc_language_gettext (NULL, "Target"), ==, "Target");
}

static void
test_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = sc_language_list_available ();

  g_assert_null (sc_language_get ("xx", &error));
  g_assert_error (error, SC_LANGUAGE_ERROR, SC_LANGUAGE_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "“xx”"));
  g_assert_nonnull (strstr (error->message, "de (Deutsch), en (English), es (Español), fr (Français)"));
  g_assert_true (g_strv_contains ((const char * const *) codes, "fr"));
  g_assert_true (g_strv_contains ((const char * const *) codes, "en"));
}

static void
test_kpi_names (void)
{
  const ScLanguage *fr = sc_language_get ("fr", NULL);
  const ScLanguage *de = sc_language_get ("de", NULL);
  g_autoptr(ScKpi) builtin = sc_catalogue_lookup ("scrap_rate_pct");
  g_autoptr(ScKpi) own = sc_kpi_new ("forecast", "Forecast accuracy");
  g_auto(GStrv) codes = NULL;

  g_assert_cmpstr (sc_kpi_get_name_in (builtin, fr), ==, "Taux de rebut");
  g_assert_cmpstr (sc_kpi_get_name_in (builtin, de), ==, "Ausschussquote");
  g_assert_cmpstr (sc_kpi_get_name_in (builtin, NULL), ==, "Scrap rate");
  sc_kpi_set_translated_name (own, "FR", "Fiabilité des prévisions");
  g_assert_cmpstr (sc_kpi_get_name_in (own, fr), ==, "Fiabilité des prévisions");
  g_assert_cmpstr (sc_kpi_get_name_in (own, de), ==, "Forecast accuracy");
  /* the user's own name wins over the catalogue's */
  sc_kpi_set_translated_name (builtin, "fr", "Rebut");
  g_assert_cmpstr (sc_kpi_get_name_in (builtin, fr), ==, "Rebut");
  sc_kpi_set_translated_name (builtin, "fr", "");
  g_assert_cmpstr (sc_kpi_get_name_in (builtin, fr), ==, "Taux de rebut");
  codes = sc_kpi_dup_translated_codes (own);
  g_assert_cmpuint (g_strv_length (codes), ==, 1);
  g_assert_cmpstr (codes[0], ==, "fr");
}

static void
test_file_round_trip (void)
{
  g_autoptr(GFile) fixture = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures",
                                                                       "language-customers.scorecard", NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = sc_workbook_load_from_file (fixture, NULL, &error);
  g_autoptr(ScWorkbook) again = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-language-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ScKpi *kpi;

  g_assert_no_error (error);
  g_assert_cmpstr (sc_partner_get_report_language (sc_workbook_lookup_partner (book, "c01")), ==, "fr");
  g_assert_cmpstr (sc_partner_get_report_language (sc_workbook_lookup_partner (book, "c03")), ==, "");
  sc_partner_set_report_language (sc_workbook_lookup_partner (book, "c03"), "it");
  g_assert_true (sc_workbook_save_to_file (book, file, NULL, &error));
  g_assert_no_error (error);

  again = sc_workbook_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_partner_get_report_language (sc_workbook_lookup_partner (again, "c02")), ==, "de");
  g_assert_cmpstr (sc_partner_get_report_language (sc_workbook_lookup_partner (again, "c03")), ==, "it");
  kpi = sc_workbook_lookup_kpi (again, "forecast_accuracy_pct");
  g_assert_cmpstr (sc_kpi_get_translated_name (kpi, "fr"), ==, "Fiabilité des prévisions");
  g_assert_cmpstr (sc_kpi_get_translated_name (kpi, "de"), ==, "Prognosegüte");
  g_assert_null (sc_kpi_get_translated_name (sc_workbook_lookup_kpi (again, "lead_time_days"), "fr"));
  g_unlink (path);
  g_rmdir (dir);
}

/* The default standings' actions stay in English in the file, whatever
 * language was in use when it was loaded and saved, and are shown in the
 * language in use; an action the user wrote is shown as written.
 */
static void
test_standing_actions (void)
{
  const ScLanguage *before = sc_language_use (sc_language_get ("fr", NULL));
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-language-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  const char *action = sc_workbook_get_grade_band (book, 0)->action;

  g_assert_cmpstr (action, ==, "Preferred supplier");
  g_assert_cmpstr (sc_standing_action_label (action), ==, "Fournisseur privilégié");
  g_assert_cmpstr (sc_standing_action_label ("Call Anna first"), ==, "Call Anna first");
  /* The French label unchanged keeps the English default; an edit is the user's */
  g_assert_cmpstr (sc_standing_action_from_label (action, "Fournisseur privilégié"), ==, "Preferred supplier");
  g_assert_cmpstr (sc_standing_action_from_label (action, "Fournisseur stratégique"), ==, "Fournisseur stratégique");
  g_assert_true (sc_workbook_save_to_file (book, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"action\": \"Preferred supplier\""));
  g_assert_null (strstr (saved, "privilégié"));

  sc_language_use (sc_language_get ("de", NULL));
  g_assert_cmpstr (sc_standing_action_label (action), !=, "Preferred supplier");
  g_assert_cmpstr (sc_standing_action_label (action), !=, "Fournisseur privilégié");
  sc_language_use (before);
  g_assert_cmpstr (sc_standing_action_label (action), ==, "Preferred supplier");
  g_unlink (path);
  g_rmdir (dir);
}

/* A bad language code names the member and changes nothing. */
static void
test_file_bad_code (void)
{
  static const char json[] =
    "{\"format\": \"scorecards\", \"version\": 1, \"granularity\": \"month\",\n"
    " \"partners\": [{\"id\": \"c01\", \"name\": \"A\", \"report_language\": \"French\"}]}";
  g_autofree char *dir = g_dir_make_tmp ("test-language-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  book = sc_workbook_load_from_file (file, NULL, &error);
  g_assert_null (book);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "report_language"));
  g_assert_nonnull (strstr (error->message, "“French”"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language/mo/lookup", test_mo_lookup);
  g_test_add_func ("/language/mo/plural-expressions", test_plural_expressions);
  g_test_add_func ("/language/mo/truncated", test_mo_truncated);
  g_test_add_func ("/language/mo/hostile", test_mo_hostile);
  g_test_add_func ("/language/mo/missing-file", test_mo_missing_file);
  g_test_add_func ("/language/numbers", test_numbers);
  g_test_add_func ("/language/standing-actions", test_standing_actions);
  g_test_add_func ("/language/dates", test_dates);
  g_test_add_func ("/language/in-use", test_in_use);
  g_test_add_func ("/language/unknown", test_unknown);
  g_test_add_func ("/language/kpi-names", test_kpi_names);
  g_test_add_func ("/language/file-round-trip", test_file_round_trip);
  g_test_add_func ("/language/file-bad-code", test_file_bad_code);

  return g_test_run ();
}
