/* sc-import-names.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the names in a file mean: header synonyms in English and German
 * ("Lieferant" is the partner, "Monat" the period), KPI names that clearly
 * mean a catalogue KPI ("OTD", "Liefertreue" → on_time_delivery_pct),
 * identifiers made from names, and partner names: tidied of stray
 * whitespace, and a loose key under which "ACME Inc" and "Acme Inc." meet.
 */

#define G_LOG_DOMAIN "sc-import-names"

#include "config.h"

#include <string.h>

#include "sc-catalogue.h"
#include "sc-import-names.h"

/* Normalised names (see sc_import_normalize_name()) */
static const struct {
  const char     *name;
  ScImportColumn  column;
  int             implied_type;  /* -1, or the ScPartnerType the header implies */
} headers[] = {
  { "partner", SC_IMPORT_COLUMN_PARTNER, -1 },
  { "partnername", SC_IMPORT_COLUMN_PARTNER, -1 },
  { "name", SC_IMPORT_COLUMN_PARTNER, -1 },
  { "company", SC_IMPORT_COLUMN_PARTNER, -1 },
  { "firma", SC_IMPORT_COLUMN_PARTNER, -1 },
  { "geschaftspartner", SC_IMPORT_COLUMN_PARTNER, -1 },
  { "supplier", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_SUPPLIER },
  { "suppliername", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_SUPPLIER },
  { "vendor", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_SUPPLIER },
  { "vendorname", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_SUPPLIER },
  { "lieferant", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_SUPPLIER },
  { "lieferantenname", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_SUPPLIER },
  { "customer", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_CUSTOMER },
  { "customername", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_CUSTOMER },
  { "client", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_CUSTOMER },
  { "account", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_CUSTOMER },
  { "kunde", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_CUSTOMER },
  { "kundenname", SC_IMPORT_COLUMN_PARTNER, SC_PARTNER_CUSTOMER },
  { "partnerid", SC_IMPORT_COLUMN_PARTNER_ID, -1 },
  { "supplierid", SC_IMPORT_COLUMN_PARTNER_ID, SC_PARTNER_SUPPLIER },
  { "suppliernumber", SC_IMPORT_COLUMN_PARTNER_ID, SC_PARTNER_SUPPLIER },
  { "vendorid", SC_IMPORT_COLUMN_PARTNER_ID, SC_PARTNER_SUPPLIER },
  { "lieferantennummer", SC_IMPORT_COLUMN_PARTNER_ID, SC_PARTNER_SUPPLIER },
  { "customerid", SC_IMPORT_COLUMN_PARTNER_ID, SC_PARTNER_CUSTOMER },
  { "kundennummer", SC_IMPORT_COLUMN_PARTNER_ID, SC_PARTNER_CUSTOMER },
  { "partnertype", SC_IMPORT_COLUMN_PARTNER_TYPE, -1 },
  { "type", SC_IMPORT_COLUMN_PARTNER_TYPE, -1 },
  { "typ", SC_IMPORT_COLUMN_PARTNER_TYPE, -1 },
  { "partnertyp", SC_IMPORT_COLUMN_PARTNER_TYPE, -1 },
  { "kind", SC_IMPORT_COLUMN_PARTNER_TYPE, -1 },
  { "art", SC_IMPORT_COLUMN_PARTNER_TYPE, -1 },
  { "kpi", SC_IMPORT_COLUMN_KPI, -1 },
  { "kpiid", SC_IMPORT_COLUMN_KPI, -1 },
  { "kpiname", SC_IMPORT_COLUMN_KPI, -1 },
  { "kennzahl", SC_IMPORT_COLUMN_KPI, -1 },
  { "metric", SC_IMPORT_COLUMN_KPI, -1 },
  { "measure", SC_IMPORT_COLUMN_KPI, -1 },
  { "indicator", SC_IMPORT_COLUMN_KPI, -1 },
  { "messgrosse", SC_IMPORT_COLUMN_KPI, -1 },
  { "period", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "periode", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "month", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "monat", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "zeitraum", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "date", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "datum", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "week", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "woche", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "kw", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "quarter", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "quartal", SC_IMPORT_COLUMN_PERIOD, -1 },
  { "value", SC_IMPORT_COLUMN_VALUE, -1 },
  { "wert", SC_IMPORT_COLUMN_VALUE, -1 },
  { "actual", SC_IMPORT_COLUMN_VALUE, -1 },
  { "ist", SC_IMPORT_COLUMN_VALUE, -1 },
  { "istwert", SC_IMPORT_COLUMN_VALUE, -1 },
  { "result", SC_IMPORT_COLUMN_VALUE, -1 },
  { "ergebnis", SC_IMPORT_COLUMN_VALUE, -1 },
  { "target", SC_IMPORT_COLUMN_TARGET, -1 },
  { "goal", SC_IMPORT_COLUMN_TARGET, -1 },
  { "ziel", SC_IMPORT_COLUMN_TARGET, -1 },
  { "zielwert", SC_IMPORT_COLUMN_TARGET, -1 },
  { "soll", SC_IMPORT_COLUMN_TARGET, -1 },
  { "sollwert", SC_IMPORT_COLUMN_TARGET, -1 },
  { "numerator", SC_IMPORT_COLUMN_NUMERATOR, -1 },
  { "zahler", SC_IMPORT_COLUMN_NUMERATOR, -1 },
  { "denominator", SC_IMPORT_COLUMN_DENOMINATOR, -1 },
  { "nenner", SC_IMPORT_COLUMN_DENOMINATOR, -1 },
};

/* Names that clearly mean a catalogue KPI, besides its id and its name */
static const struct {
  const char *name;
  const char *id;
} kpi_aliases[] = {
  { "otd", "on_time_delivery_pct" }, { "ontimedelivery", "on_time_delivery_pct" },
  { "deliveryperformance", "on_time_delivery_pct" }, { "liefertreue", "on_time_delivery_pct" },
  { "termintreue", "on_time_delivery_pct" },
  { "otif", "otif_pct" }, { "ontimeinfull", "otif_pct" },
  { "ppm", "ppm_defects" }, { "defectppm", "ppm_defects" }, { "fehlerppm", "ppm_defects" },
  { "defectiveppm", "ppm_defects" }, { "qualityppm", "ppm_defects" },
  { "scrap", "scrap_rate_pct" }, { "scraprate", "scrap_rate_pct" }, { "ausschuss", "scrap_rate_pct" },
  { "ausschussquote", "scrap_rate_pct" },
  { "fpy", "first_pass_yield_pct" }, { "firstpassyield", "first_pass_yield_pct" },
  { "copq", "cost_of_poor_quality_eur" }, { "costofpoorquality", "cost_of_poor_quality_eur" },
  { "fehlerkosten", "cost_of_poor_quality_eur" },
  { "rework", "rework_cost_eur" }, { "reworkcost", "rework_cost_eur" },
  { "costofrework", "rework_cost_eur" }, { "nacharbeit", "rework_cost_eur" },
  { "nacharbeitskosten", "rework_cost_eur" },
  { "complaints", "complaints_count" }, { "reklamationen", "complaints_count" },
  { "beanstandungen", "complaints_count" },
  { "returns", "returns_rate_pct" }, { "returnrate", "returns_rate_pct" },
  { "returnsrate", "returns_rate_pct" }, { "retourenquote", "returns_rate_pct" },
  { "auditfindings", "audit_findings_count" }, { "auditfeststellungen", "audit_findings_count" },
  { "csat", "csat_score" }, { "customersatisfaction", "csat_score" },
  { "kundenzufriedenheit", "csat_score" },
  { "nps", "nps" }, { "netpromoterscore", "nps" },
  { "responsetime", "response_time_days" }, { "reaktionszeit", "response_time_days" },
  { "leadtime", "lead_time_days" }, { "lieferzeit", "lead_time_days" },
  { "capaclosure", "capa_closure_days" }, { "capaclosuretime", "capa_closure_days" },
  { "correctiveactionclosuretime", "capa_closure_days" },
  { "ppv", "price_variance_pct" }, { "pricevariance", "price_variance_pct" },
  { "purchasepricevariance", "price_variance_pct" }, { "preisabweichung", "price_variance_pct" },
  { "invoiceaccuracy", "invoice_accuracy_pct" }, { "rechnungsgenauigkeit", "invoice_accuracy_pct" },
};

/* Unit words a KPI header may end in: "Lead time days", "Scrap rate (%)" */
static const char *unit_suffixes[] = {
  "pct", "percent", "prozent", "days", "tage", "eur", "euro", "count", "anzahl", "rate", "quote",
};

/* Casefolds @text, drops accents and keeps letters and digits only:
 * "On-time delivery %" → "ontimedelivery", "Zähler" → "zahler".
 */
char *
sc_import_normalize_name (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *ascii = NULL;
  char *out, *o;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  ascii = g_str_to_ascii (folded, "C");
  out = o = g_malloc (strlen (ascii) + 1);
  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p))
      *o++ = g_ascii_tolower (*p);
  *o = '\0';

  return out;
}

/**
 * sc_import_column_from_header:
 * @header: a header cell
 * @implied_type: (out): the partner type the header implies ("Customer")
 * @type_implied: (out): whether it implies one
 *
 * Returns: what the column holds, %SC_IMPORT_COLUMN_OTHER when unknown
 */
ScImportColumn
sc_import_column_from_header (const char    *header,
                              ScPartnerType *implied_type,
                              gboolean      *type_implied)
{
  g_autofree char *name = sc_import_normalize_name (header);

  *type_implied = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      if (g_str_equal (name, headers[i].name))
        {
          if (headers[i].implied_type >= 0)
            {
              *implied_type = headers[i].implied_type;
              *type_implied = TRUE;
            }
          return headers[i].column;
        }
    }

  return SC_IMPORT_COLUMN_OTHER;
}

const char *
sc_import_column_to_string (ScImportColumn column)
{
  static const char *names[] = {
    "other", "partner", "partner_id", "partner_type", "kpi", "period",
    "value", "target", "numerator", "denominator",
  };

  g_return_val_if_fail (column < SC_IMPORT_N_COLUMNS, NULL);
  return names[column];
}

static const char *
match_exact (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kpi_aliases); i++)
    if (g_str_equal (name, kpi_aliases[i].name))
      return kpi_aliases[i].id;

  for (guint i = 0; i < sc_catalogue_get_n_kpis (); i++)
    {
      g_autoptr(ScKpi) kpi = sc_catalogue_create_kpi (i);
      g_autofree char *id = sc_import_normalize_name (sc_kpi_get_id (kpi));
      g_autofree char *kpi_name = sc_import_normalize_name (sc_kpi_get_name (kpi));

      if (g_str_equal (name, id) || g_str_equal (name, kpi_name))
        return g_intern_string (sc_kpi_get_id (kpi));
    }

  return NULL;
}

/**
 * sc_import_match_catalogue:
 * @kpi_name: a KPI name or id as a file writes it
 *
 * Returns: (nullable): the id of the catalogue KPI that @kpi_name clearly
 *   means, or %NULL
 */
const char *
sc_import_match_catalogue (const char *kpi_name)
{
  g_autofree char *name = sc_import_normalize_name (kpi_name);
  const char *id;

  if (*name == '\0')
    return NULL;
  if ((id = match_exact (name)) != NULL)
    return id;

  for (guint i = 0; i < G_N_ELEMENTS (unit_suffixes); i++)
    {
      if (g_str_has_suffix (name, unit_suffixes[i]) && strlen (name) > strlen (unit_suffixes[i]))
        {
          name[strlen (name) - strlen (unit_suffixes[i])] = '\0';
          if ((id = match_exact (name)) != NULL)
            return id;
          break;
        }
    }

  return NULL;
}

/* An identifier from a name: "Lead time (h)" → "lead_time_h". */
char *
sc_import_slugify (const char *text,
                   char        separator)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != separator)
        g_string_append_c (out, separator);
    }
  while (out->len > 0 && out->str[out->len - 1] == separator)
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "x");

  return g_string_free (out, FALSE);
}

/* Partner names */

/* Characters that only make a name look wider: they are dropped */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == '\v';
}

/**
 * sc_import_tidy_name:
 * @name: a partner name as a file writes it (UTF-8)
 *
 * Trims the name and collapses each run of whitespace inside it (spaces,
 * tabs, line breaks, non-breaking and other Unicode spaces) into one space,
 * and drops zero-width characters: "  ACME\u00A0  Inc \t" → "ACME Inc". Padded
 * names from fixed-width exports so meet their plain spelling.
 *
 * Returns: (transfer full): the tidy name, "" when nothing is left
 */
char *
sc_import_tidy_name (const char *name)
{
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup (name);

  out = g_string_sized_new (strlen (name));
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        continue;
      if (is_blank (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/* Words for the company's legal form, as sc_import_partner_key() splits
 * them: "Inc.", "GmbH & Co. KG", "S.A." (split into "s", "a" and so joined
 * back below), "Pty Ltd".
 */
static const char *legal_forms[] = {
  "ab", "ag", "as", "asa", "aps", "bv", "co", "company", "corp", "corporation", "cv", "ev", "gbr",
  "gmbh", "inc", "incorporated", "kg", "kgaa", "kk", "limited", "llc", "llp", "lp", "ltd", "ltda",
  "mbh", "nv", "ohg", "oy", "oyj", "plc", "pte", "pty", "sa", "sarl", "sas", "se", "sl", "spa",
  "srl", "ug",
};

/* Words that join, and so may be written as a sign: "Smith & Sons" */
static const char *joining_words[] = { "and", "und", "et", "the" };

static gboolean
in_list (const char  *word,
         const char **list,
         guint        n)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;

  return FALSE;
}

#define MAX_WORDS 64

/* The words of a name, one after the other in @text, each ended by a NUL */
typedef struct
{
  GString  *text;
  guint     starts[MAX_WORDS];
  guint     n;
  gboolean  last_single;      /* the last word is one letter or digit */
} Words;

/* Ends the word being gathered; a single letter after single letters joins
 * them ("S.A." → "sa", "A/S" → "as").
 */
static void
end_word (Words *w,
          gsize  word_start)
{
  gsize len = w->text->len - word_start;
  gboolean single = len > 0 && g_utf8_strlen (w->text->str + word_start, len) == 1;

  if (len == 0)
    return;
  if (single && w->last_single && w->n > 0)
    {
      /* Drop the NUL between the two */
      memmove (w->text->str + word_start - 1, w->text->str + word_start, len);
      g_string_truncate (w->text, w->text->len - 1);
    }
  else if (w->n < MAX_WORDS)
    w->starts[w->n++] = word_start;
  else
    {
      g_string_truncate (w->text, word_start);
      return;
    }
  g_string_append_c (w->text, '\0');
  w->last_single = single;
}

/* Adds the words of a stretch of text with non-ASCII characters: accents
 * dropped, case folded ("Müller" → "muller", "Straße" → "strasse"), split
 * at what is not a letter or a digit (a non-breaking space, a dash).
 */
static void
add_folded (Words      *w,
            const char *text,
            gsize       len)
{
  g_autofree char *folded = g_utf8_casefold (text, len);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  gsize start = w->text->len;

  for (const char *p = decomposed ? decomposed : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (w->text, c);
          continue;
        }
      end_word (w, start);
      start = w->text->len;
    }
  end_word (w, start);
}

/* Splits @name at anything but a letter or a digit. ASCII, nearly every
 * name, is lower-cased a byte at a time; only other text is folded and
 * normalised.
 */
static void
split_words (const char *name,
             Words      *w)
{
  const char *p = name;

  w->text = g_string_sized_new (strlen (name) + 1);
  w->n = 0;
  w->last_single = FALSE;

  while (*p != '\0')
    {
      gsize start = w->text->len;
      const char *word = p;

      while (*p != '\0' && ((guchar) *p >= 0x80 || g_ascii_isalnum (*p)))
        p++;
      if (p > word)
        {
          gboolean ascii = TRUE;

          for (const char *q = word; q < p && ascii; q++)
            ascii = (guchar) *q < 0x80;
          if (ascii)
            {
              for (const char *q = word; q < p; q++)
                g_string_append_c (w->text, g_ascii_tolower (*q));
              end_word (w, start);
            }
          else
            add_folded (w, word, p - word);
        }
      while (*p != '\0' && (guchar) *p < 0x80 && !g_ascii_isalnum (*p))
        p++;
    }
}

#define WORD(w, i) ((w)->text->str + (w)->starts[i])

/**
 * sc_import_partner_key:
 * @name: a partner name
 *
 * A loose key for telling that two partner names probably mean the same
 * company: case, accents, punctuation and spacing do not count, nor a legal
 * form at the end ("Inc", "Ltd.", "GmbH & Co. KG") or the words "and",
 * "und", "et" and "the". "ACME Inc", "Acme Inc." and "ACME" share a key;
 * "Acme Tools" does not. A name that is nothing but a legal form keeps it.
 *
 * Returns: (transfer full): the key
 */
char *
sc_import_partner_key (const char *name)
{
  Words words;
  GString *key;
  guint end;

  g_return_val_if_fail (name != NULL, NULL);

  split_words (name, &words);
  for (end = words.n; end > 0; end--)
    if (!in_list (WORD (&words, end - 1), legal_forms, G_N_ELEMENTS (legal_forms)))
      break;
  if (end == 0)
    end = words.n;

  key = g_string_sized_new (words.text->len);
  for (guint i = 0; i < end; i++)
    if (end == 1 || !in_list (WORD (&words, i), joining_words, G_N_ELEMENTS (joining_words)))
      g_string_append (key, WORD (&words, i));
  g_string_free (words.text, TRUE);

  return g_string_free (key, FALSE);
}

/* "supplier", "Lieferant", "customer", "Kunde", "S", "C", … */
gboolean
sc_import_parse_partner_type (const char    *text,
                              ScPartnerType *type)
{
  static const char *suppliers[] = { "supplier", "s", "vendor", "lieferant", "l" };
  static const char *customers[] = { "customer", "c", "client", "kunde", "k" };
  g_autofree char *name = sc_import_normalize_name (text);

  for (guint i = 0; i < G_N_ELEMENTS (suppliers); i++)
    if (g_str_equal (name, suppliers[i]))
      {
        *type = SC_PARTNER_SUPPLIER;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    if (g_str_equal (name, customers[i]))
      {
        *type = SC_PARTNER_CUSTOMER;
        return TRUE;
      }

  return FALSE;
}
