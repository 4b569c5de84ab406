/* sc-number-parse.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers as spreadsheets export them: a decimal point or comma, thousands
 * separated in groups of three, a trailing percent sign, surrounding blanks.
 * The common case (up to 15 significant digits) is converted exactly without
 * a library call; anything else goes through g_ascii_strtod().
 */

#define G_LOG_DOMAIN "sc-number-parse"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-number-parse.h"

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static gboolean
is_missing (const char *s,
            gsize       n)
{
  static const struct { const char *word; gsize length; } words[] = {
    { "-", 1 }, { "na", 2 }, { "n/a", 3 }, { "n.a.", 4 }, { "nan", 3 }, { "null", 4 },
    { "—", 3 }, { "–", 3 }, { "#n/a", 4 },
  };

  /* The hot path: a number starts with a digit, a missing marker never */
  if (g_ascii_isdigit (*s) || n > 4)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (n == words[i].length && g_ascii_strncasecmp (s, words[i].word, n) == 0)
      return TRUE;

  return FALSE;
}

/* Slow path: normalise into "[-]digits[.digits][e±n]" for g_ascii_strtod(). */
static ScNumberStatus
parse_slow (const char *s,
            gsize       n,
            char        decimal_mark,
            double     *value)
{
  char copy[128];
  char *end;
  gsize j = 0;

  if (n >= sizeof copy)
    return SC_NUMBER_INVALID;

  for (gsize i = 0; i < n; i++)
    copy[j++] = s[i] == decimal_mark ? '.' : s[i];
  copy[j] = '\0';

  *value = g_ascii_strtod (copy, &end);
  if (end != copy + j || isnan (*value))
    return SC_NUMBER_INVALID;
  /* strtod reads "inf" too: only digits overflow into too large */
  if (isinf (*value))
    return strpbrk (copy, "iInN") ? SC_NUMBER_INVALID : SC_NUMBER_TOO_LARGE;

  return SC_NUMBER_OK;
}

/* Reads digits with optional thousands separators (groups of exactly three
 * after the first). Returns the number of bytes consumed, or -1.
 */
static gssize
read_integer_part (const char *s,
                   gsize       n,
                   char        thousands,
                   guint64    *mantissa,
                   int        *n_significant)
{
  gsize i = 0, group = 0;
  gboolean grouped = FALSE;

  for (; i < n; i++)
    {
      char c = s[i];

      if (g_ascii_isdigit (c))
        {
          if (*mantissa != 0 || c != '0')
            {
              if (*n_significant < 19)
                *mantissa = *mantissa * 10 + (c - '0');
              (*n_significant)++;
            }
          group++;
        }
      else if (thousands != 0 && (c == thousands || (c == ' ' || c == '\'')) && i > 0)
        {
          if ((grouped && group != 3) || group == 0 || group > 3)
            return -1;
          grouped = TRUE;
          group = 0;
        }
      else
        break;
    }

  if (grouped && group != 3)
    return -1;

  return i;
}

/**
 * sc_number_parse_cell:
 * @str: the cell's text (need not be NUL-terminated)
 * @length: its length in bytes
 * @decimal_mark: '.' or ','
 * @thousands_separator: the other of the two, or 0 for none; blanks and
 *   apostrophes are accepted as thousands separators too
 * @value: (out): the number
 *
 * Returns: whether @str is a number, no value, too large, or invalid
 */
ScNumberStatus
sc_number_parse_cell (const char *str,
                      gsize       length,
                      char        decimal_mark,
                      char        thousands_separator,
                      double     *value)
{
  const char *s = str, *end = str + length;
  guint64 mantissa = 0;
  int n_significant = 0, exponent = 0;
  gboolean negative = FALSE;
  gssize used;

  while (s < end && (*s == ' ' || *s == '\t'))
    s++;
  while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '%'))
    end--;
  if (s == end)
    return SC_NUMBER_EMPTY;
  if (is_missing (s, end - s))
    return SC_NUMBER_EMPTY;

  if (*s == '-' || *s == '+')
    negative = *s++ == '-';

  used = read_integer_part (s, end - s, thousands_separator, &mantissa, &n_significant);
  if (used < 0)
    return SC_NUMBER_INVALID;
  s += used;

  if (s < end && *s == decimal_mark)
    {
      for (s++; s < end && g_ascii_isdigit (*s); s++)
        {
          if (mantissa == 0 && *s == '0')
            {
              exponent--;
              continue;
            }
          if (n_significant < 19)
            {
              mantissa = mantissa * 10 + (*s - '0');
              exponent--;
            }
          n_significant++;
        }
    }

  if (used == 0 && (s == str || !g_ascii_isdigit (s[-1])))
    return SC_NUMBER_INVALID;

  if (s == end && n_significant <= 15 && exponent >= -22)
    {
      *value = exponent < 0 ? (double) mantissa / powers_of_ten[-exponent] : (double) mantissa;
      if (negative)
        *value = -*value;
      return SC_NUMBER_OK;
    }

  /* Exponents, long mantissas: let the C library round correctly */
  {
    g_autofree char *plain = g_strndup (str, length);
    char *p = plain, *q = plain;

    for (; *p; p++)
      {
        if (*p == thousands_separator || *p == ' ' || *p == '\'' || *p == '%' || *p == '\t')
          continue;
        if (!g_ascii_isdigit (*p) && !strchr ("+-eE", *p) && *p != decimal_mark)
          return SC_NUMBER_INVALID;
        *q++ = *p;
      }
    *q = '\0';
    return parse_slow (plain, q - plain, decimal_mark, value);
  }
}
