/* sc-language.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Report languages: a customer's report is written in the customer's
 * language whatever the application's is. The process locale cannot do
 * that (the machine may have no French locale, and gettext ignores
 * LANGUAGE under the C locale), so a language here reads its compiled
 * catalogue itself (sc-mo-file.c) and carries its own conventions for
 * numbers (CLDR's separators) and dates (month names from the catalogue).
 */

#define G_LOG_DOMAIN "sc-language"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-i18n.h"
#include "sc-mo-file.h"

#define NBSP  "\u00a0"
#define NNBSP "\u202f"

typedef struct
{
  const char *code;
  const char *name;            /* in the language itself */
  const char *decimal;
  const char *group;
  guint       min_grouping;    /* digits before the first group separator is used: es writes 1234 */
  const char *percent_space;   /* between a number and "%" */
  gboolean    currency_after;  /* "12,50 €" rather than "€12.50" */
} LanguageSpec;

/* CLDR's conventions for the languages Scorecards has catalogues for. */
static const LanguageSpec specs[] = {
  { "de", "Deutsch", ",", ".", 1, NBSP, TRUE },
  { "en", "English", ".", ",", 1, "", FALSE },
  { "es", "Español", ",", ".", 2, NBSP, TRUE },
  { "fr", "Français", ",", NNBSP, 1, NNBSP, TRUE },
  { "it", "Italiano", ",", ".", 1, "", TRUE },
};

struct _ScLanguage
{
  const LanguageSpec *spec;
  ScMoFile           *catalogue;   /* NULL for English, the language of the sources */
};

static GMutex      languages_lock;
static GHashTable *languages;      /* code → ScLanguage*, never freed but by sc_language_set_locale_dir() */
static char       *locale_dir;
static GPrivate    in_use_key;     /* const ScLanguage*, borrowed */

G_DEFINE_QUARK (sc-language-error-quark, sc_language_error)

/* Loading */

static const LanguageSpec *
find_spec (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (g_strcmp0 (specs[i].code, code) == 0)
      return &specs[i];
  return NULL;
}

static const char *
get_locale_dir (void)
{
  const char *env = g_getenv ("SCORECARDS_LOCALEDIR");

  if (locale_dir != NULL)
    return locale_dir;
  return env != NULL && env[0] != '\0' ? env : LOCALEDIR;
}

static char *
dup_catalogue_path (const char *code)
{
  return g_build_filename (get_locale_dir (), code, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
}

static void
language_free (gpointer data)
{
  ScLanguage *self = data;

  g_clear_pointer (&self->catalogue, sc_mo_file_free);
  g_free (self);
}

/* Loads @spec's catalogue; with the lock held. A catalogue that is missing
 * or damaged makes the language unavailable (with a warning for damage).
 */
static ScLanguage *
load_language (const LanguageSpec *spec)
{
  ScLanguage *self = g_hash_table_lookup (languages, spec->code);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  ScMoFile *catalogue = NULL;

  if (self != NULL)
    return self;
  if (!g_str_equal (spec->code, "en"))
    {
      path = dup_catalogue_path (spec->code);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return NULL;
      catalogue = sc_mo_file_new_for_path (path, &error);
      if (catalogue == NULL)
        {
          g_warning ("%s", error->message);
          return NULL;
        }
    }
  self = g_new0 (ScLanguage, 1);
  self->spec = spec;
  self->catalogue = catalogue;
  g_hash_table_insert (languages, (gpointer) spec->code, self);
  return self;
}

static void
ensure_table (void)
{
  if (languages == NULL)
    languages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, language_free);
}

/* Public API: languages */

/* "fr", "FR", "fr_FR.UTF-8" and "fr-CA" all name French. */
char *
sc_language_normalize_code (const char *code)
{
  g_autofree char *lower = NULL;
  gsize length;

  if (code == NULL)
    return NULL;
  lower = g_ascii_strdown (code, -1);
  g_strstrip (lower);
  length = strcspn (lower, "_-.@");
  return g_strndup (lower, length);
}

/* The language named @code ("fr", "de", "en"…), loaded on first use; an
 * error listing the available ones when there is no catalogue for it.
 */
const ScLanguage *
sc_language_get (const char  *code,
                 GError     **error)
{
  g_autofree char *normal = sc_language_normalize_code (code);
  const LanguageSpec *spec = find_spec (normal);
  ScLanguage *self = NULL;

  if (spec != NULL)
    {
      g_mutex_lock (&languages_lock);
      ensure_table ();
      self = load_language (spec);
      g_mutex_unlock (&languages_lock);
    }
  if (self == NULL)
    {
      g_autofree char *available = sc_language_dup_available_text ();

      /* Translators: the first %s is what the user typed, the second a
       * list such as "de (Deutsch), en (English), fr (Français)" */
      g_set_error (error, SC_LANGUAGE_ERROR, SC_LANGUAGE_ERROR_UNKNOWN,
                   _("There is no report language “%s”; the available languages are %s"),
                   code ? code : "", available);
    }
  return self;
}

/* The codes of the languages with a catalogue, English included, sorted. */
GStrv
sc_language_list_available (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_mutex_lock (&languages_lock);
  ensure_table ();
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (load_language (&specs[i]) != NULL)
      g_strv_builder_add (builder, specs[i].code);
  g_mutex_unlock (&languages_lock);
  return g_strv_builder_end (builder);
}

/* "de (Deutsch), en (English), fr (Français)" */
char *
sc_language_dup_available_text (void)
{
  g_auto(GStrv) codes = sc_language_list_available ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    g_string_append_printf (text, "%s%s (%s)", i ? ", " : "", codes[i], find_spec (codes[i])->name);
  return g_string_free (text, FALSE);
}

const char *
sc_language_get_code (const ScLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->spec->code;
}

const char *
sc_language_get_name (const ScLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->spec->name;
}

/* Makes @language the one in use in this thread (NULL: the application's)
 * and returns the one in use before, to restore it afterwards, as
 * uselocale() does.
 */
const ScLanguage *
sc_language_use (const ScLanguage *language)
{
  const ScLanguage *before = g_private_get (&in_use_key);

  g_private_set (&in_use_key, (gpointer) language);
  return before;
}

const ScLanguage *
sc_language_get_in_use (void)
{
  return g_private_get (&in_use_key);
}

void
sc_language_set_locale_dir (const char *directory)
{
  g_mutex_lock (&languages_lock);
  g_free (locale_dir);
  locale_dir = g_strdup (directory);
  g_clear_pointer (&languages, g_hash_table_unref);
  g_mutex_unlock (&languages_lock);
}

/* Public API: messages */

static const ScLanguage *
resolve (const ScLanguage *language)
{
  return language != NULL ? language : g_private_get (&in_use_key);
}

const char *
sc_language_gettext (const ScLanguage *language,
                     const char       *msgid)
{
  const char *found;

  g_return_val_if_fail (msgid != NULL, NULL);

  language = resolve (language);
  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (language->catalogue == NULL || msgid[0] == '\0')
    return msgid;
  found = sc_mo_file_lookup (language->catalogue, NULL, msgid);
  return found != NULL ? found : msgid;
}

const char *
sc_language_ngettext (const ScLanguage *language,
                      const char       *msgid,
                      const char       *msgid_plural,
                      gulong            n)
{
  const char *found;

  language = resolve (language);
  if (language == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if (language->catalogue == NULL ||
      (found = sc_mo_file_lookup_plural (language->catalogue, msgid, n)) == NULL)
    return n == 1 ? msgid : msgid_plural;
  return found;
}

const char *
sc_language_pgettext (const ScLanguage *language,
                      const char       *context,
                      const char       *msgid)
{
  const char *found;

  language = resolve (language);
  if (language == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  if (language->catalogue == NULL)
    return msgid;
  found = sc_mo_file_lookup (language->catalogue, context, msgid);
  return found != NULL ? found : msgid;
}

/* Public API: numbers */

/* @digits with @group between every three from the right. */
static void
append_grouped (GString            *out,
                const char         *digits,
                gsize               n,
                const LanguageSpec *spec)
{
  gboolean grouping = n > 3 && n >= 3 + spec->min_grouping;

  for (gsize i = 0; i < n; i++)
    {
      if (grouping && i > 0 && (n - i) % 3 == 0)
        g_string_append (out, spec->group);
      g_string_append_c (out, digits[i]);
    }
}

/* @value with @decimals decimals, the language's decimal and grouping
 * separators: "1,234.5" (en), "1.234,5" (de), "1 234,5" (fr).
 */
char *
sc_language_format_number (const ScLanguage *language,
                           double            value,
                           int               decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 320];
  g_autofree char *format = NULL;
  const char *digits, *point;
  GString *out;

  language = resolve (language);
  decimals = CLAMP (decimals, 0, 12);
  if (language == NULL)
    return g_strdup_printf ("%'.*f", decimals, value);
  if (isnan (value))
    return g_strdup ("—");
  if (isinf (value))
    return g_strdup (value < 0 ? "-∞" : "∞");

  format = g_strdup_printf ("%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  out = g_string_new (NULL);
  digits = buffer[0] == '-' ? buffer + 1 : buffer;
  /* no "-0.0": a negative number that rounds to zero is zero */
  if (digits != buffer && strspn (digits, "0.") != strlen (digits))
    g_string_append_c (out, '-');
  point = strchr (digits, '.');
  append_grouped (out, digits, point ? (gsize) (point - digits) : strlen (digits), language->spec);
  if (point != NULL)
    {
      g_string_append (out, language->spec->decimal);
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_currency (const char *unit)
{
  return g_strcmp0 (unit, "€") == 0 || g_strcmp0 (unit, "$") == 0 || g_strcmp0 (unit, "£") == 0;
}

/* A value with its unit the language's way: "94.3%" and "€1,200" in
 * English, "94,3 %" and "1 200 €" in French; other units follow the
 * number after a no-break space ("12 days"). Without a language in use,
 * the application's form: "94.3 %", "€1,200".
 */
char *
sc_language_format_with_unit (const ScLanguage *language,
                              double            value,
                              int               decimals,
                              const char       *unit)
{
  g_autofree char *number = sc_language_format_number (language, value, decimals);

  if (isnan (value))
    return g_steal_pointer (&number);
  return sc_language_attach_unit (language, number, unit);
}

/* @number (already formatted, with "-" or "−" for a negative one) with
 * @unit placed as sc_language_format_with_unit() does.
 */
char *
sc_language_attach_unit (const ScLanguage *language,
                         const char       *number,
                         const char       *unit)
{
  g_return_val_if_fail (number != NULL, NULL);

  language = resolve (language);
  if (unit == NULL || unit[0] == '\0')
    return g_strdup (number);
  if (is_currency (unit) && (language == NULL || !language->spec->currency_after))
    {
      if (number[0] == '-')
        return g_strdup_printf ("−%s%s", unit, number + 1);
      if (g_str_has_prefix (number, "−"))
        return g_strdup_printf ("−%s%s", unit, number + strlen ("−"));
      return g_strdup_printf ("%s%s", unit, number);
    }
  if (language == NULL)
    return g_strdup_printf ("%s %s", number, unit);
  if (g_str_equal (unit, "%"))
    return g_strdup_printf ("%s%s%%", number, language->spec->percent_space);
  if (is_currency (unit))
    return g_strdup_printf ("%s" NBSP "%s", number, unit);
  return g_strdup_printf ("%s" NBSP "%s", number, LC_ (language, "unit", unit));
}

/* The units a KPI of the catalogue or an import may have, for xgettext;
 * sc_language_attach_unit() translates a unit in the context "unit".
 */
G_GNUC_UNUSED static const char *unit_names[] = {
  NC_("unit", "days"), NC_("unit", "hours"), NC_("unit", "weeks"), NC_("unit", "points"),
  NC_("unit", "parts"), NC_("unit", "pcs"),
};

/* Public API: dates */

static const char *
month_name (const ScLanguage *language,
            int               month,
            gboolean          abbreviated)
{
  static const char *names[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"), NC_("month", "July"),
    NC_("month", "August"), NC_("month", "September"), NC_("month", "October"),
    NC_("month", "November"), NC_("month", "December"),
  };
  static const char *short_names[] = {
    NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"),
    NC_("abbreviated month", "Mar"), NC_("abbreviated month", "Apr"),
    NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
    NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"),
    NC_("abbreviated month", "Sep"), NC_("abbreviated month", "Oct"),
    NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
  };

  month = CLAMP (month, 1, 12) - 1;
  if (abbreviated)
    return sc_language_pgettext (language, "abbreviated month", short_names[month]);
  return sc_language_pgettext (language, "month", names[month]);
}

/* strftime for a language: %e (day), %d (day, two digits), %B and %b
 * (month names from the catalogue), %m, %Y and %%. Without a language in
 * use, strftime in the process's locale.
 */
char *
sc_language_format_date (const ScLanguage *language,
                         const GDate      *date,
                         const char       *format)
{
  GString *out;

  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  language = resolve (language);
  if (language == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 0, 0, 0);
      char *text = dt ? g_date_time_format (dt, format) : NULL;

      return text ? g_strstrip (text) : g_strdup ("");
    }
  out = g_string_new (NULL);
  for (const char *p = format; *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 'e': g_string_append_printf (out, "%d", g_date_get_day (date)); break;
        case 'd': g_string_append_printf (out, "%02d", g_date_get_day (date)); break;
        case 'm': g_string_append_printf (out, "%02d", g_date_get_month (date)); break;
        case 'Y': g_string_append_printf (out, "%d", g_date_get_year (date)); break;
        case 'B': g_string_append (out, month_name (language, g_date_get_month (date), FALSE)); break;
        case 'b': g_string_append (out, month_name (language, g_date_get_month (date), TRUE)); break;
        default: g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (out, FALSE);
}

/* "3 December 2026", "3. Dezember 2026", "3 décembre 2026". */
char *
sc_language_format_long_date (const ScLanguage *language,
                              const GDate      *date)
{
  /* Translators: a date written out, as strftime: "3 December 2026";
   * only %e, %d, %B, %b, %m and %Y may be used */
  return sc_language_format_date (language, date, LC_ (language, "long date", "%e %B %Y"));
}

/* A date stored as YYYY-MM-DD (a due date), written short for a table:
 * "15 Jul 2025", "15 juil. 2025", "15. Juli 2025". Text that is not such
 * a date comes back as it is.
 */
char *
sc_language_format_iso_date (const ScLanguage *language,
                             const char       *iso)
{
  GDate date;
  int y, m, d;
  char end;

  g_return_val_if_fail (iso != NULL, NULL);

  if (sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup (iso);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  /* Translators: a date in a table's column, as strftime: "15 Jul 2025";
   * only %e, %d, %B, %b, %m and %Y may be used */
  return sc_language_format_date (language, &date, LC_ (language, "short date", "%e %b %Y"));
}

/* "Mar 2025", "mars 2025". */
char *
sc_language_format_month (const ScLanguage *language,
                          int               year,
                          int               month)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!g_date_valid_dmy (1, CLAMP (month, 1, 12), year))
    return g_strdup ("—");
  g_date_set_dmy (&date, 1, CLAMP (month, 1, 12), year);
  /* Translators: month and year, see strftime; "%b %Y" gives "Mar 2025" */
  return sc_language_format_date (language, &date, _("%b %Y"));
}
