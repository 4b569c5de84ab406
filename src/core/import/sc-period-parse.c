/* sc-period-parse.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Periods as spreadsheets write them: 2025-03, 03/2025, März 2025,
 * 17.03.2025, 3/17/2025, 2025-Q1, KW12 2025, … A string that could be read
 * two ways (03/04/2025) is ambiguous unless the caller knows the file's date
 * order; one that names no real day, month, quarter or week is impossible.
 * Neither is ever guessed.
 */

#define G_LOG_DOMAIN "sc-period-parse"

#include "config.h"

#include <string.h>

#include "sc-period-parse.h"

#define MIN_YEAR 1000
#define MAX_YEAR 9999
#define MAX_TOKENS 6

typedef struct
{
  gboolean    is_number;
  char        sep;       /* separator before the token: 0, ' ', '-', '/', '.', … */
  const char *text;
  gsize       len;
  int         value;     /* numbers only */
} Token;

static const struct {
  const char *name;
  int         month;
} month_names[] = {
  /* English */
  { "jan", 1 }, { "january", 1 }, { "feb", 2 }, { "february", 2 }, { "mar", 3 },
  { "march", 3 }, { "apr", 4 }, { "april", 4 }, { "may", 5 }, { "jun", 6 },
  { "june", 6 }, { "jul", 7 }, { "july", 7 }, { "aug", 8 }, { "august", 8 },
  { "sep", 9 }, { "sept", 9 }, { "september", 9 }, { "oct", 10 }, { "october", 10 },
  { "nov", 11 }, { "november", 11 }, { "dec", 12 }, { "december", 12 },
  /* German */
  { "januar", 1 }, { "jän", 1 }, { "jänner", 1 }, { "februar", 2 }, { "mär", 3 },
  { "märz", 3 }, { "maerz", 3 }, { "mrz", 3 }, { "mai", 5 }, { "juni", 6 },
  { "juli", 7 }, { "okt", 10 }, { "oktober", 10 }, { "dez", 12 }, { "dezember", 12 },
};

static gboolean
is_separator (char c)
{
  return c == ' ' || c == '\t' || c == '-' || c == '/' || c == '.' || c == ',' ||
         c == '_' || c == '\'';
}

/* Splits @str into numbers and words; FALSE when it holds anything else. */
static gboolean
tokenize (const char *str,
          gsize       len,
          Token      *tokens,
          guint      *n_tokens)
{
  const char *p = str, *end = str + len;
  guint n = 0;

  while (p < end)
    {
      Token *t;
      char sep = 0;

      for (; p < end && is_separator (*p); p++)
        if (sep == 0 || sep == ' ')
          sep = (*p == '\t') ? ' ' : *p;
      if (p == end)
        break;
      if (n == MAX_TOKENS)
        return FALSE;

      t = &tokens[n++];
      t->sep = sep;
      t->text = p;
      t->is_number = g_ascii_isdigit (*p);
      t->value = 0;
      if (t->is_number)
        {
          for (; p < end && g_ascii_isdigit (*p); p++)
            if (p - t->text < 5)
              t->value = t->value * 10 + (*p - '0');
        }
      else
        {
          for (; p < end && !g_ascii_isdigit (*p) && !is_separator (*p); p++)
            if (!g_ascii_isalpha (*p) && !((guchar) *p & 0x80))
              return FALSE;
        }
      t->len = p - t->text;
    }

  *n_tokens = n;
  return n > 0;
}

/* Cuts a trailing time of day ("2025-03-17 00:00:00", "…T08:15") off. */
static gsize
strip_time (const char *str,
            gsize       len)
{
  const char *colon = memchr (str, ':', len);

  if (colon == NULL)
    return len;
  for (const char *p = colon; p > str; p--)
    if (p[-1] == ' ' || p[-1] == 'T')
      return p - 1 - str;

  return len;
}

static int
lookup_month (const Token *t)
{
  g_autofree char *word = g_utf8_strdown (t->text, t->len);

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_equal (word, month_names[i].name))
      return month_names[i].month;

  return 0;
}

static gboolean
word_is (const Token *t,
         const char  *word)
{
  return !t->is_number && t->len == strlen (word) &&
         g_ascii_strncasecmp (t->text, word, t->len) == 0;
}

static gboolean
is_year (const Token *t)
{
  return t->is_number && t->len == 4;
}

static gboolean
is_small (const Token *t)
{
  return t->is_number && t->len <= 2;
}

static ScLoosePeriodStatus
make_month (ScLoosePeriod *out,
            int            year,
            int            month)
{
  out->kind = SC_LOOSE_PERIOD_MONTH;
  out->year = year;
  out->month = month;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12)
    return SC_LOOSE_PERIOD_IMPOSSIBLE;
  return SC_LOOSE_PERIOD_OK;
}

static ScLoosePeriodStatus
make_date (ScLoosePeriod *out,
           int            year,
           int            month,
           int            day)
{
  out->kind = SC_LOOSE_PERIOD_DATE;
  out->year = year;
  out->month = month;
  out->day = day;
  if (year < MIN_YEAR || year > MAX_YEAR || !g_date_valid_dmy (day, month, year))
    return SC_LOOSE_PERIOD_IMPOSSIBLE;
  return SC_LOOSE_PERIOD_OK;
}

static gboolean
valid_dmy (int day,
           int month,
           int year)
{
  return month >= 1 && month <= 12 && g_date_valid_dmy (day, month, year);
}

/* a/b/yyyy: day-first or month-first, decided by the values or by @order. */
static ScLoosePeriodStatus
make_slashed_date (ScLoosePeriod *out,
                   int            a,
                   int            b,
                   int            year,
                   ScDateOrder    order)
{
  gboolean dmy = valid_dmy (a, b, year);
  gboolean mdy = valid_dmy (b, a, year);

  if (dmy && mdy && a != b)
    {
      if (order == SC_DATE_ORDER_UNKNOWN)
        {
          make_date (out, year, b, a);
          return SC_LOOSE_PERIOD_AMBIGUOUS;
        }
      dmy = order == SC_DATE_ORDER_DMY;
    }
  else if (dmy && a != b)
    out->implied_order = SC_DATE_ORDER_DMY;
  else if (mdy && a != b)
    out->implied_order = SC_DATE_ORDER_MDY;
  else if (!dmy && !mdy)
    {
      make_date (out, year, a <= 12 ? a : b, a <= 12 ? b : a);
      return SC_LOOSE_PERIOD_IMPOSSIBLE;
    }

  return dmy ? make_date (out, year, b, a) : make_date (out, year, a, b);
}

static ScLoosePeriodStatus
make_quarter (ScLoosePeriod *out,
              int            year,
              int            quarter)
{
  out->kind = SC_LOOSE_PERIOD_QUARTER;
  out->year = year;
  out->quarter = quarter;
  if (year < MIN_YEAR || year > MAX_YEAR || quarter < 1 || quarter > 4)
    return SC_LOOSE_PERIOD_IMPOSSIBLE;
  return SC_LOOSE_PERIOD_OK;
}

static ScLoosePeriodStatus
make_week (ScLoosePeriod *out,
           int            year,
           int            week)
{
  g_autofree char *canonical = NULL;
  ScPeriod period;

  out->kind = SC_LOOSE_PERIOD_WEEK;
  out->year = year;
  out->week = week;
  if (year < MIN_YEAR || year > MAX_YEAR || week < 1 || week > 53)
    return SC_LOOSE_PERIOD_IMPOSSIBLE;

  canonical = g_strdup_printf ("%04d-W%02d", year, week);
  if (!sc_period_parse (SC_GRANULARITY_WEEK, canonical, &period))
    return SC_LOOSE_PERIOD_IMPOSSIBLE;

  return SC_LOOSE_PERIOD_OK;
}

/* Two tokens: 2025-03, 03/2025, Mar 2025, Mar-25, 2025-Q1, Q1 2025,
 * 2025W12, KW12 2025 (a glued "Q1"/"W12" arrives as a word and a number).
 */
static ScLoosePeriodStatus
parse_pair (const Token   *t,
            ScLoosePeriod *out)
{
  int month;

  if (is_year (&t[0]) && is_small (&t[1]) && t[1].sep != ' ' && t[1].sep != 0)
    return make_month (out, t[0].value, t[1].value);
  if (is_small (&t[0]) && is_year (&t[1]) && t[1].sep != 0)
    return make_month (out, t[1].value, t[0].value);
  if (!t[0].is_number && t[1].is_number && t[1].sep != 0 && (month = lookup_month (&t[0])) > 0)
    {
      if (is_year (&t[1]))
        return make_month (out, t[1].value, month);
      if (t[1].len == 2)
        return make_month (out, 2000 + t[1].value, month);
    }

  return SC_LOOSE_PERIOD_UNREADABLE;
}

/* Three tokens: dates, and quarters or weeks written with a glued letter. */
static ScLoosePeriodStatus
parse_triple (const Token   *t,
              ScDateOrder    order,
              ScLoosePeriod *out)
{
  if (is_year (&t[0]) && is_small (&t[1]) && is_small (&t[2]) && t[1].sep == t[2].sep &&
      (t[1].sep == '-' || t[1].sep == '/' || t[1].sep == '.'))
    return make_date (out, t[0].value, t[1].value, t[2].value);

  if (is_small (&t[0]) && is_small (&t[1]) && is_year (&t[2]) && t[1].sep == t[2].sep)
    {
      if (t[1].sep == '.')
        return make_date (out, t[2].value, t[1].value, t[0].value);
      if (t[1].sep == '/' || t[1].sep == '-')
        return make_slashed_date (out, t[0].value, t[1].value, t[2].value, order);
    }

  /* 2025-Q1, 2025 Q1, 2025-W12 */
  if (is_year (&t[0]) && is_small (&t[2]) && t[2].sep == 0)
    {
      if (word_is (&t[1], "Q"))
        return make_quarter (out, t[0].value, t[2].value);
      if (word_is (&t[1], "W") || word_is (&t[1], "KW"))
        return make_week (out, t[0].value, t[2].value);
    }

  /* Q1 2025, Q1/2025, W12 2025, KW12/2025, KW 12 2025 */
  if (is_small (&t[1]) && is_year (&t[2]) && t[2].sep != 0)
    {
      if (word_is (&t[0], "Q") && t[1].sep == 0)
        return make_quarter (out, t[2].value, t[1].value);
      if (word_is (&t[0], "W") || word_is (&t[0], "KW"))
        return make_week (out, t[2].value, t[1].value);
    }

  return SC_LOOSE_PERIOD_UNREADABLE;
}

/**
 * sc_loose_period_parse:
 * @str: the text of a cell
 * @order: the date order the file is known to use, or %SC_DATE_ORDER_UNKNOWN
 * @out: (out): the period read
 *
 * Reads a period in any of the forms spreadsheets write. Leading and
 * trailing white space and a time of day after a date are ignored.
 *
 * Returns: %SC_LOOSE_PERIOD_OK, or why @str is not a period
 */
ScLoosePeriodStatus
sc_loose_period_parse (const char    *str,
                       ScDateOrder    order,
                       ScLoosePeriod *out)
{
  Token tokens[MAX_TOKENS];
  guint n_tokens;
  gsize len;

  g_return_val_if_fail (str != NULL, SC_LOOSE_PERIOD_UNREADABLE);
  g_return_val_if_fail (out != NULL, SC_LOOSE_PERIOD_UNREADABLE);

  memset (out, 0, sizeof *out);
  len = strip_time (str, strlen (str));
  if (!tokenize (str, len, tokens, &n_tokens))
    return SC_LOOSE_PERIOD_UNREADABLE;

  if (n_tokens == 2)
    return parse_pair (tokens, out);
  if (n_tokens == 3)
    return parse_triple (tokens, order, out);

  return SC_LOOSE_PERIOD_UNREADABLE;
}

/**
 * sc_loose_period_to_period:
 * @loose: a period read by sc_loose_period_parse()
 * @granularity: the granularity of the workbook
 * @period: (out): the period in @granularity
 *
 * Buckets @loose into @granularity: a date into its month, quarter or ISO
 * week, a month into its quarter. A quarter cannot become a month or a week,
 * and a month cannot become a week.
 *
 * Returns: %FALSE when @loose does not fit @granularity
 */
gboolean
sc_loose_period_to_period (const ScLoosePeriod *loose,
                           ScGranularity        granularity,
                           ScPeriod            *period)
{
  g_return_val_if_fail (loose != NULL && period != NULL, FALSE);

  switch (loose->kind)
    {
    case SC_LOOSE_PERIOD_DATE:
      *period = sc_period_from_ymd (granularity, loose->year, loose->month, loose->day);
      return *period != SC_PERIOD_NONE;

    case SC_LOOSE_PERIOD_MONTH:
      if (granularity == SC_GRANULARITY_WEEK)
        return FALSE;
      *period = sc_period_from_ymd (granularity, loose->year, loose->month, 1);
      return TRUE;

    case SC_LOOSE_PERIOD_QUARTER:
      if (granularity != SC_GRANULARITY_QUARTER)
        return FALSE;
      *period = loose->year * 4 + loose->quarter - 1;
      return TRUE;

    case SC_LOOSE_PERIOD_WEEK:
      {
        g_autofree char *canonical = g_strdup_printf ("%04d-W%02d", loose->year, loose->week);

        return granularity == SC_GRANULARITY_WEEK &&
               sc_period_parse (SC_GRANULARITY_WEEK, canonical, period);
      }

    default:
      return FALSE;
    }
}
