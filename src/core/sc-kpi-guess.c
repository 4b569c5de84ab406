/* sc-kpi-guess.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A first definition for a KPI that a file invents (a column or a recipe
 * formula that matches no KPI the workbook or the catalogue knows): its
 * direction, unit, category, decimals and how it combines over periods,
 * guessed from the words of its name in English and German and from a
 * sample of its values. Never a target: that is the user's to give, and
 * until then the KPI is not scored. docs/import-formats.md lists the words.
 */

#define G_LOG_DOMAIN "sc-kpi-guess"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-kpi-guess.h"

/* The name as sc_kpi_guess_from_name() looks at it */
typedef struct
{
  const char  *raw;
  char        *flat;   /* folded to lower-case ASCII, letters and digits only */
  char       **words;  /* folded, split at anything else */
} Name;

/* Keywords, compared with the name folded to lower-case ASCII: "=late" a
 * whole word (not in "plate"), "^defect" the start of a word ("Defects"),
 * any other inside the name, so that German compounds match
 * ("kosten" in "Ausschusskosten").
 */

/* Better when higher, whatever else the name says ("Fehlerfrei") */
static const char *higher_words[] = {
  "ontime", "intime", "infull", "otif", "treue", "fehlerfrei", "defectfree", "errorfree",
  "yield", "ausbeute", "accuracy", "genauigkeit", "zufriedenheit", "satisfaction", "savings",
  "einsparung", "availability", "verfugbarkeit", "punctual", "punktlich", "=nps", "=csat",
  "^score", "^rating", NULL
};

/* Better when lower: costs, defects, complaints, returns, times and delays */
static const char *lower_words[] = {
  "kosten", "ausschuss", "fehler", "reklamation", "retoure", "durchlaufzeit", "lieferzeit",
  "reaktionszeit", "bearbeitungszeit", "wartezeit", "verzug", "verspatung", "beanstandung",
  "nacharbeit", "ruckstand", "leadtime", "ausfall", "storno", "^cost", "^scrap", "^defect",
  "^complaint", "^return", "^retour", "^delay", "=late", "=lateness", "=days", "=tage",
  "=tagen", "^rework", "^reject", "^claim", "^incident", "^error", "^failure", "^downtime",
  "^backlog", "^backorder", "=overdue", "=ppm", "^waste", "^breakdown", NULL
};

/* Things counted: a count unit when the values are whole numbers */
static const char *counted_words[] = {
  "reklamation", "retoure", "beanstandung", "feststellung", "anzahl", "^complaint", "^return",
  "^claim", "^incident", "^defect", "^finding", "^error", "=fehler", "=count", "=number",
  "=qty", "=tickets", NULL
};

/* Words of a share, in % when the values are between 0 and 100 */
static const char *share_words[] = {
  "=rate", "=share", "=ratio", "quote", "anteil", "quota", NULL
};

static const struct
{
  const char *category;
  const char *words[24];
} categories[] = {
  /* first: "Ausschusskosten" is a cost, though scrap is quality */
  { "cost", {
      "kosten", "^cost", "preis", "^price", "^spend", "ausgaben", "savings", "einsparung",
      "budget", "umsatz", "^revenue", NULL } },
  { "satisfaction", {
      "satisfaction", "zufriedenheit", "=nps", "=csat", "^rating", "bewertung", "^survey",
      "umfrage", "^promoter", NULL } },
  { "service", {
      "^response", "reaktion", "^ticket", "^service", "^support", "bearbeitung", "=capa",
      "^closure", "antwort", "hotline", "^answer", NULL } },
  { "quality", {
      "ausschuss", "^scrap", "^defect", "fehler", "=ppm", "^rework", "nacharbeit",
      "reklamation", "^complaint", "yield", "ausbeute", "^quality", "qualitat", "^audit",
      "^reject", "retoure", "^return", "beanstandung", "^claim", "firstpass", NULL } },
  { "delivery", {
      "deliver", "liefer", "leadtime", "durchlaufzeit", "^delay", "verzug", "verspatung",
      "=late", "ontime", "otif", "termin", "^backorder", "^backlog", "ruckstand", "^shipment",
      "versand", "^transport", NULL } },
};

/* Currency words and the unit written for them */
static const struct
{
  const char *word;
  const char *unit;
} currencies[] = {
  { "eur", "€" }, { "euro", "€" }, { "euros", "€" }, { "teur", "T€" }, { "keur", "k€" },
  { "usd", "$" }, { "chf", "CHF" }, { "gbp", "£" },
};

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_str_to_ascii (folded, "C");
}

static void
name_init (Name       *n,
           const char *raw)
{
  g_autofree char *ascii = fold (raw);
  g_autoptr(GString) flat = g_string_new (NULL);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = ascii; ; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (flat, *p);
          g_string_append_c (word, *p);
          continue;
        }
      if (word->len > 0)
        g_strv_builder_add (words, word->str);
      g_string_truncate (word, 0);
      if (*p == '\0')
        break;
    }

  n->raw = raw;
  n->flat = g_string_free (g_steal_pointer (&flat), FALSE);
  n->words = g_strv_builder_end (words);
}

static void
name_clear (Name *n)
{
  g_free (n->flat);
  g_strfreev (n->words);
}

static gboolean
has_word (const Name *n,
          const char *word)
{
  return g_strv_contains ((const char * const *) n->words, word);
}

static gboolean
matches (const Name *n,
         const char *keyword)
{
  switch (keyword[0])
    {
    case '=':
      return has_word (n, keyword + 1);
    case '^':
      for (guint i = 0; n->words[i] != NULL; i++)
        if (g_str_has_prefix (n->words[i], keyword + 1))
          return TRUE;
      return FALSE;
    default:
      return strstr (n->flat, keyword) != NULL;
    }
}

/* @keywords ends with NULL */
static gboolean
matches_any (const Name  *n,
             const char **keywords)
{
  for (guint i = 0; keywords[i] != NULL; i++)
    if (matches (n, keywords[i]))
      return TRUE;

  return FALSE;
}

/* The values between @lo and @hi, and at least one above @above */
static gboolean
values_within (const double *values,
               guint         n_values,
               double        lo,
               double        hi,
               double        above)
{
  gboolean any_above = FALSE;
  guint n = 0;

  for (guint i = 0; i < n_values; i++)
    {
      if (isnan (values[i]))
        continue;
      if (values[i] < lo || values[i] > hi)
        return FALSE;
      any_above |= values[i] > above;
      n++;
    }

  return n > 0 && any_above;
}

/* The decimals the values are written with, up to @max */
static guint
values_decimals (const double *values,
                 guint         n_values,
                 guint         max)
{
  guint decimals = 0;

  for (guint i = 0; i < n_values; i++)
    {
      double scaled = values[i];

      if (!isfinite (scaled))
        continue;
      for (guint d = 0; d <= max; d++, scaled *= 10)
        if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1, fabs (scaled)) || d == max)
          {
            decimals = MAX (decimals, d);
            break;
          }
    }

  return decimals;
}

static const char *
guess_currency (const Name *n)
{
  if (strstr (n->raw, "€") != NULL)
    return "€";
  if (strstr (n->raw, "£") != NULL)
    return "£";
  if (strchr (n->raw, '$') != NULL)
    return "$";
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (has_word (n, currencies[i].word))
      return currencies[i].unit;

  return NULL;
}

/* The unit, from the name and, for shares and counts, the values */
static const char *
guess_unit (const Name   *n,
            const double *values,
            guint         n_values)
{
  const char *currency = guess_currency (n);

  if (currency != NULL)
    return currency;
  if (strchr (n->raw, '%') != NULL || has_word (n, "pct") || has_word (n, "percent") ||
      has_word (n, "prozent") ||
      (matches_any (n, share_words) && values_within (values, n_values, 0, 100, 1)))
    return "%";
  if (has_word (n, "ppm"))
    return "ppm";
  if (has_word (n, "days") || has_word (n, "day") || has_word (n, "tage") || has_word (n, "tagen"))
    return "days";
  if (has_word (n, "hours") || has_word (n, "stunden") || has_word (n, "h"))
    return "h";
  if (matches_any (n, counted_words) && n_values > 0 && values_decimals (values, n_values, 2) == 0)
    return "count";

  return NULL;
}

/**
 * sc_kpi_guess_from_name:
 * @kpi: a KPI to fill in, usually new (sc_kpi_new())
 * @name: the name a file or a recipe gives it ("Ausschusskosten EUR")
 * @sample_values: (array length=n_values) (nullable): some of its values,
 *   NaN for none
 * @n_values: the number of @sample_values
 *
 * Sets @kpi's direction, unit, category, decimals and aggregation from the
 * words of @name (English and German) and its values:
 *
 * - lower is better for costs, scrap, defects, errors, complaints, returns,
 *   rework, lead and waiting times, days and delays (cost, Kosten, scrap,
 *   Ausschuss, defects, Fehler, complaints, Reklamationen, returns, Retouren,
 *   lead time, Durchlaufzeit, days, Tage, delay, late, …), unless the name
 *   says the opposite (on time, Liefertreue, fehlerfrei, yield, accuracy,
 *   satisfaction, …); higher otherwise;
 * - a currency unit for EUR, €, USD, $, CHF, GBP, £; % for %, pct, percent,
 *   Prozent, and for a rate, share or Quote whose values lie within 0–100;
 *   ppm, days (days, Tage) and h; a count for complaints, returns, defects
 *   and the like when the values are whole numbers;
 * - the category Cost, Satisfaction, Service, Quality or Delivery, the
 *   first whose words the name has ("Fehler je Lieferung" is quality);
 * - sums over periods for money and counts, means otherwise; decimals as
 *   the values show them (2 for money with cents, 1 for %).
 *
 * The target and thresholds are left as they are: unset on a new KPI.
 *
 * Returns: what came from evidence rather than a default
 */
ScKpiGuess
sc_kpi_guess_from_name (ScKpi        *kpi,
                        const char   *name,
                        const double *sample_values,
                        guint         n_values)
{
  ScKpiGuess found = SC_KPI_GUESS_NONE;
  const char *unit;
  guint decimals;
  Name n;

  g_return_val_if_fail (SC_IS_KPI (kpi), SC_KPI_GUESS_NONE);
  g_return_val_if_fail (name != NULL, SC_KPI_GUESS_NONE);
  g_return_val_if_fail (sample_values != NULL || n_values == 0, SC_KPI_GUESS_NONE);

  name_init (&n, name);

  if (matches_any (&n, higher_words))
    {
      sc_kpi_set_direction (kpi, SC_DIRECTION_HIGHER);
      found |= SC_KPI_GUESS_DIRECTION;
    }
  else if (matches_any (&n, lower_words))
    {
      sc_kpi_set_direction (kpi, SC_DIRECTION_LOWER);
      found |= SC_KPI_GUESS_DIRECTION;
    }

  unit = guess_unit (&n, sample_values, n_values);
  if (unit != NULL)
    {
      sc_kpi_set_unit (kpi, unit);
      found |= SC_KPI_GUESS_UNIT;
    }

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (matches_any (&n, (const char **) categories[i].words) ||
        (i == 0 && guess_currency (&n) != NULL))
      {
        sc_kpi_set_category (kpi, categories[i].category);
        found |= SC_KPI_GUESS_CATEGORY;
        break;
      }

  /* Money and counts add up over a quarter; rates and times average */
  decimals = values_decimals (sample_values, n_values, 2);
  if (unit != NULL && guess_currency (&n) != NULL)
    {
      sc_kpi_set_aggregation (kpi, SC_AGGREGATION_SUM);
      sc_kpi_set_decimals (kpi, decimals == 0 && n_values > 0 ? 0 : 2);
    }
  else if (g_strcmp0 (unit, "count") == 0)
    {
      sc_kpi_set_aggregation (kpi, SC_AGGREGATION_SUM);
      sc_kpi_set_decimals (kpi, 0);
    }
  else
    {
      sc_kpi_set_aggregation (kpi, SC_AGGREGATION_MEAN);
      if (g_strcmp0 (unit, "%") == 0)
        sc_kpi_set_decimals (kpi, MAX (decimals, 1));
      else if (n_values > 0)
        sc_kpi_set_decimals (kpi, decimals);
    }

  name_clear (&n);
  return found;
}
