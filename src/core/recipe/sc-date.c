/* sc-date.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates of transaction rows. The ISO path is the hot one (a million rows
 * hold three dates each), so it is written out by hand; the
 * strptime-style formats are interpreted, and month names are read in
 * the languages exports come in.
 */

#define G_LOG_DOMAIN "sc-date"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-date.h"

/* Days from 1970-01-01 to a civil date (proleptic Gregorian), after
 * Howard Hinnant's days_from_civil.
 */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + (gint64) doe - 719468;
}

static gboolean
valid_ymd (int year,
           int month,
           int day)
{
  static const guint8 days_in_month[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1)
    return FALSE;
  if (day > days_in_month[month - 1])
    return FALSE;
  if (month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
    return FALSE;
  return TRUE;
}

gboolean
sc_date_from_ymd (int     year,
                  int     month,
                  int     day,
                  double *days)
{
  if (!valid_ymd (year, month, day))
    return FALSE;

  *days = (double) days_from_civil (year, month, day);
  return TRUE;
}

void
sc_date_to_ymd (double  days,
                int    *year,
                int    *month,
                int    *day)
{
  gint64 z = (gint64) floor (days) + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  guint doe = (guint) (z - era * 146097);
  guint yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  guint doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  guint mp = (5 * doy + 2) / 153;
  guint d = doy - (153 * mp + 2) / 5 + 1;
  guint m = mp < 10 ? mp + 3 : mp - 9;

  *year = (int) (yoe + era * 400 + (m <= 2));
  *month = (int) m;
  *day = (int) d;
}

/* Up to @max digits at *p as a number; FALSE without a digit. */
static gboolean
read_digits (const char **p,
             const char  *end,
             guint        min,
             guint        max,
             int         *value)
{
  guint n = 0;
  int v = 0;

  while (*p < end && n < max && g_ascii_isdigit (**p))
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *value = v;
  return n >= min;
}

/* A time after a date ("T10:30:00", " 00:00", " 10:30:00.000Z"): ignored. */
static gboolean
only_time_left (const char *p,
                const char *end)
{
  if (p == end)
    return TRUE;
  if ((*p != 'T' && *p != ' ') || p + 1 >= end || !g_ascii_isdigit (p[1]))
    return FALSE;
  for (p++; p < end; p++)
    if (!g_ascii_isdigit (*p) && strchr (":.,+-Z ", *p) == NULL &&
        !(*p == 'A' || *p == 'P' || *p == 'M' || *p == 'a' || *p == 'p' || *p == 'm'))
      return FALSE;
  return TRUE;
}

/* YYYY-MM-DD, with a time after it or not; YYYY-MM (a typed month) is the
 * first day of the month.
 */
static gboolean
parse_iso (const char *p,
           const char *end,
           double     *days)
{
  int y, m, d = 1;

  if (end - p >= 10 && p[4] == '-' && p[7] == '-' &&
      g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
      g_ascii_isdigit (p[5]) && g_ascii_isdigit (p[6]) && g_ascii_isdigit (p[8]) && g_ascii_isdigit (p[9]))
    {
      y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      m = (p[5] - '0') * 10 + (p[6] - '0');
      d = (p[8] - '0') * 10 + (p[9] - '0');
      if (!only_time_left (p + 10, end))
        return FALSE;
    }
  else if (end - p == 7 && p[4] == '-' && read_digits (&p, end, 4, 4, &y) && p++ &&
           read_digits (&p, end, 2, 2, &m))
    ;
  else
    return FALSE;

  return sc_date_from_ymd (y, m, d, days);
}

/* An Excel serial date (the 1900 date system, days since 1899-12-30,
 * with Excel's 29 February 1900 before day 61).
 */
static gboolean
parse_excel (const char *p,
             const char *end,
             double     *days)
{
  char buffer[32];
  char *stop;
  double serial;

  if (end - p <= 0 || end - p >= (gssize) sizeof buffer)
    return FALSE;
  memcpy (buffer, p, end - p);
  buffer[end - p] = '\0';
  serial = g_ascii_strtod (buffer, &stop);
  if (*stop != '\0' || !(serial >= 1 && serial < 2958466))
    return FALSE;
  if (serial < 61)
    serial += 1;
  *days = floor (serial) - 25569;
  return TRUE;
}

/* Month names and abbreviations of the languages exports come in; a name
 * matches by a prefix of at least three letters.
 */
static const char *month_names[12] = {
  "january|januar|janeiro|janvier|enero|gennaio|jänner|janv",
  "february|februar|fevereiro|février|fevrier|febrero|febbraio|fev|févr|fevr",
  "march|märz|marz|mrz|março|marco|mars|marzo",
  "april|abril|avril|aprile|abr|avr",
  "may|mai|maio|mayo|maggio|mag",
  "june|juni|junho|juin|junio|giugno|giu",
  "july|juli|julho|juillet|julio|luglio|juil|lug",
  "august|agosto|août|aout|ago",
  "september|setembro|septembre|septiembre|settembre|set|sept",
  "october|oktober|outubro|octobre|octubre|ottobre|okt|out|ott",
  "november|novembro|novembre|noviembre|nov",
  "december|dezember|dezembro|décembre|decembre|diciembre|dicembre|dez|déc|dic",
};

static gboolean
read_month_name (const char **p,
                 const char  *end,
                 int         *month)
{
  const char *start = *p;
  g_autofree char *word = NULL;
  gsize n;

  while (*p < end && (g_ascii_isalpha (**p) || (guchar) **p >= 0x80))
    (*p)++;
  n = *p - start;
  if (n < 3)
    return FALSE;
  word = g_utf8_strdown (start, n);
  if (word[strlen (word) - 1] == '.')
    word[strlen (word) - 1] = '\0';

  for (int m = 0; m < 12; m++)
    {
      g_auto(GStrv) names = g_strsplit (month_names[m], "|", -1);

      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_has_prefix (names[i], word))
          {
            *month = m + 1;
            return TRUE;
          }
    }
  return FALSE;
}

/* A strptime-style @format: %Y %y %m %d %e %b %B %H %M %S %j %%;
 * whitespace matches any run of whitespace; other characters themselves.
 */
static gboolean
parse_format (const char *format,
              const char *p,
              const char *end,
              double     *days)
{
  int y = -1, m = 1, d = 1, yday = -1, ignored;

  for (const char *f = format; *f != '\0'; f++)
    {
      if (g_ascii_isspace (*f))
        {
          while (p < end && g_ascii_isspace (*p))
            p++;
          continue;
        }
      if (*f != '%')
        {
          if (p >= end || *p != *f)
            return FALSE;
          p++;
          continue;
        }

      switch (*++f)
        {
        case 'Y':
          if (!read_digits (&p, end, 4, 4, &y))
            return FALSE;
          break;
        case 'y':
          if (!read_digits (&p, end, 2, 2, &y))
            return FALSE;
          y += y < 70 ? 2000 : 1900;
          break;
        case 'm':
          if (!read_digits (&p, end, 1, 2, &m))
            return FALSE;
          break;
        case 'd':
        case 'e':
          while (*f == 'e' && p < end && *p == ' ')
            p++;
          if (!read_digits (&p, end, 1, 2, &d))
            return FALSE;
          break;
        case 'j':
          if (!read_digits (&p, end, 1, 3, &yday))
            return FALSE;
          break;
        case 'b':
        case 'B':
        case 'h':
          if (!read_month_name (&p, end, &m))
            return FALSE;
          if (p < end && *p == '.')
            p++;
          break;
        case 'H':
        case 'M':
        case 'S':
          if (!read_digits (&p, end, 1, 2, &ignored))
            return FALSE;
          break;
        case '%':
          if (p >= end || *p != '%')
            return FALSE;
          p++;
          break;
        default:
          return FALSE;
        }
    }

  if (y < 0 || !only_time_left (p, end))
    return FALSE;
  if (yday > 0)
    return sc_date_from_ymd (y, 1, 1, days) && (*days += yday - 1, yday <= 366);
  return sc_date_from_ymd (y, m, d, days);
}

/* Whether @format is one sc_date_parse() takes: a strptime-style format
 * with a year, or "excel".
 */
gboolean
sc_date_format_is_valid (const char *format)
{
  gboolean year = FALSE;

  if (format == NULL || g_strcmp0 (format, SC_DATE_FORMAT_EXCEL) == 0)
    return TRUE;
  for (const char *f = format; *f != '\0'; f++)
    {
      if (*f != '%')
        continue;
      f++;
      if (*f == '\0' || strchr ("YymdebBhHMSj%", *f) == NULL)
        return FALSE;
      year |= *f == 'Y' || *f == 'y';
    }
  return year;
}

/**
 * sc_date_parse:
 * @format: (nullable): a strptime-style format, "excel" for serial
 *   numbers, or %NULL for ISO dates (YYYY-MM-DD, with or without a time)
 * @days: (out): days since 1970-01-01
 *
 * Reads one date; spaces around it are ignored. FALSE when @text is not a
 * real date in @format (there is no 31 April).
 */
gboolean
sc_date_parse (const char *format,
               const char *text,
               gsize       length,
               double     *days)
{
  const char *p = text, *end = text + length;

  while (p < end && g_ascii_isspace (*p))
    p++;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  if (p == end)
    return FALSE;

  if (format == NULL || strcmp (format, "%Y-%m-%d") == 0)
    return parse_iso (p, end, days);
  if (strcmp (format, SC_DATE_FORMAT_EXCEL) == 0)
    return parse_excel (p, end, days);
  return parse_format (format, p, end, days);
}

/* Guessing */

/* Formats tried on a column, in pairs where day and month swap places. */
static const char *candidates[] = {
  "%d.%m.%Y", "%m.%d.%Y",
  "%d/%m/%Y", "%m/%d/%Y",
  "%d-%m-%Y", "%m-%d-%Y",
  "%d.%m.%y", "%m.%d.%y",
  "%d/%m/%y", "%m/%d/%y",
  "%d-%m-%y", "%m-%d-%y",
  "%Y/%m/%d", "%Y/%d/%m",
  "%Y.%m.%d", "%Y.%d.%m",
  "%d %b %Y", "%b %d, %Y",
  "%d-%b-%Y", "%b %d %Y",
  "%d-%b-%y", "%b-%d-%y",
  "%d. %b %Y", "%Y%m%d",
};

static guint
count_parsed (const char          *format,
              const char * const  *samples,
              guint                n_samples)
{
  guint n = 0;
  double days;

  for (guint i = 0; i < n_samples; i++)
    if (sc_date_parse (format, samples[i], strlen (samples[i]), &days))
      n++;
  return n;
}

/**
 * sc_date_guess_format:
 * @samples: non-empty values of a column
 * @ambiguous: (out): whether the best format reads the samples both
 *   day-first and month-first
 * @n_parsed: (out): how many samples the format reads
 *
 * The format that reads most of @samples: %NULL for ISO dates,
 * "excel" for serial numbers, a strptime-style format otherwise.
 * Returns %NULL with @n_parsed 0 when no format reads any.
 */
char *
sc_date_guess_format (const char * const *samples,
                      guint               n_samples,
                      gboolean           *ambiguous,
                      guint              *n_parsed)
{
  guint best = 0, best_n = 0, n;

  *ambiguous = FALSE;
  if ((n = count_parsed (NULL, samples, n_samples)) * 10 >= n_samples * 9 && n > 0)
    {
      *n_parsed = n;
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      n = count_parsed (candidates[i], samples, n_samples);
      if (n > best_n)
        {
          best = i;
          best_n = n;
        }
    }

  *n_parsed = best_n;
  if (best_n == 0)
    {
      n = count_parsed (SC_DATE_FORMAT_EXCEL, samples, n_samples);
      *n_parsed = n;
      return n == n_samples && n > 0 ? g_strdup (SC_DATE_FORMAT_EXCEL) : NULL;
    }

  /* The twin with day and month swapped reads them all too */
  if (best < 16)
    *ambiguous = count_parsed (candidates[best ^ 1], samples, n_samples) == best_n;

  return g_strdup (candidates[best]);
}
