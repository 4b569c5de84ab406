/* sc-period.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Periods as integers: months, quarters and ISO weeks, with their canonical
 * file representation ("2025-03", "2025-Q1", "2025-W12") and a label for users.
 */

#define G_LOG_DOMAIN "sc-period"

#include "config.h"

#include <stdlib.h>

#include "sc-i18n.h"
#include "sc-period.h"

#define MIN_YEAR 1000
#define MAX_YEAR 9999

const char *
sc_granularity_to_string (ScGranularity granularity)
{
  switch (granularity)
    {
    case SC_GRANULARITY_QUARTER:
      return "quarter";
    case SC_GRANULARITY_WEEK:
      return "week";
    case SC_GRANULARITY_MONTH:
    default:
      return "month";
    }
}

gboolean
sc_granularity_from_string (const char    *str,
                            ScGranularity *granularity)
{
  g_return_val_if_fail (granularity != NULL, FALSE);

  if (g_strcmp0 (str, "month") == 0)
    *granularity = SC_GRANULARITY_MONTH;
  else if (g_strcmp0 (str, "quarter") == 0)
    *granularity = SC_GRANULARITY_QUARTER;
  else if (g_strcmp0 (str, "week") == 0)
    *granularity = SC_GRANULARITY_WEEK;
  else
    return FALSE;

  return TRUE;
}

/* Reads exactly @n_digits decimal digits; returns the end or NULL. */
static const char *
read_digits (const char *p,
             guint       n_digits,
             int        *out)
{
  int v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return NULL;
      v = v * 10 + (p[i] - '0');
    }

  *out = v;
  return p + n_digits;
}

static ScPeriod
week_from_date (GDate *date)
{
  /* Monday of the ISO week, as days since 0001-01-01 (a Monday) */
  guint32 julian = g_date_get_julian (date);
  guint weekday = g_date_get_weekday (date); /* 1 = Monday */

  return (ScPeriod) ((julian - 1 - (weekday - 1)) / 7);
}

ScPeriod
sc_period_from_ymd (ScGranularity granularity,
                    int           year,
                    int           month,
                    int           day)
{
  switch (granularity)
    {
    case SC_GRANULARITY_QUARTER:
      return year * 4 + (month - 1) / 3;

    case SC_GRANULARITY_WEEK:
      {
        g_autoptr(GDate) date = NULL;

        if (!g_date_valid_dmy (day, month, year))
          return SC_PERIOD_NONE;
        date = g_date_new_dmy (day, month, year);
        return week_from_date (date);
      }

    case SC_GRANULARITY_MONTH:
    default:
      return year * 12 + month - 1;
    }
}

/* The Monday that starts ISO week 1 of @year, as a week index. */
static ScPeriod
first_iso_week (int year)
{
  g_autoptr(GDate) jan4 = g_date_new_dmy (4, G_DATE_JANUARY, year);

  return week_from_date (jan4);
}

gboolean
sc_period_parse (ScGranularity  granularity,
                 const char    *str,
                 ScPeriod      *period)
{
  const char *p;
  int year, n;

  g_return_val_if_fail (period != NULL, FALSE);

  if (str == NULL || !(p = read_digits (str, 4, &year)) || *p++ != '-')
    return FALSE;
  if (year < MIN_YEAR || year > MAX_YEAR)
    return FALSE;

  switch (granularity)
    {
    case SC_GRANULARITY_MONTH:
      if (!(p = read_digits (p, 2, &n)) || *p != '\0' || n < 1 || n > 12)
        return FALSE;
      *period = year * 12 + n - 1;
      return TRUE;

    case SC_GRANULARITY_QUARTER:
      if ((*p != 'Q' && *p != 'q') || !(p = read_digits (p + 1, 1, &n)) ||
          *p != '\0' || n < 1 || n > 4)
        return FALSE;
      *period = year * 4 + n - 1;
      return TRUE;

    case SC_GRANULARITY_WEEK:
      {
        ScPeriod first, next;

        if ((*p != 'W' && *p != 'w') || !(p = read_digits (p + 1, 2, &n)) ||
            *p != '\0' || n < 1)
          return FALSE;
        first = first_iso_week (year);
        next = first_iso_week (year + 1);
        if (first + n - 1 >= next)
          return FALSE;
        *period = first + n - 1;
        return TRUE;
      }

    default:
      return FALSE;
    }
}

gboolean
sc_period_parse_any (const char    *str,
                     ScGranularity *granularity,
                     ScPeriod      *period)
{
  static const ScGranularity order[] = {
    SC_GRANULARITY_MONTH, SC_GRANULARITY_QUARTER, SC_GRANULARITY_WEEK,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (sc_period_parse (order[i], str, period))
        {
          if (granularity)
            *granularity = order[i];
          return TRUE;
        }
    }

  return FALSE;
}

static void
week_to_year_week (ScPeriod  period,
                   int      *year,
                   int      *week)
{
  /* The Thursday of the week decides its ISO year */
  g_autoptr(GDate) thursday = g_date_new_julian ((guint32) period * 7 + 1 + 3);
  int y = g_date_get_year (thursday);

  *year = y;
  *week = period - first_iso_week (y) + 1;
}

int
sc_period_get_year (ScGranularity granularity,
                    ScPeriod      period)
{
  int year, week;

  switch (granularity)
    {
    case SC_GRANULARITY_QUARTER:
      return period / 4;
    case SC_GRANULARITY_WEEK:
      week_to_year_week (period, &year, &week);
      return year;
    case SC_GRANULARITY_MONTH:
    default:
      return period / 12;
    }
}

char *
sc_period_to_string (ScGranularity granularity,
                     ScPeriod      period)
{
  int year, week;

  if (period == SC_PERIOD_NONE || period < 0)
    return NULL;

  switch (granularity)
    {
    case SC_GRANULARITY_QUARTER:
      return g_strdup_printf ("%04d-Q%d", period / 4, period % 4 + 1);
    case SC_GRANULARITY_WEEK:
      week_to_year_week (period, &year, &week);
      return g_strdup_printf ("%04d-W%02d", year, week);
    case SC_GRANULARITY_MONTH:
    default:
      return g_strdup_printf ("%04d-%02d", period / 12, period % 12 + 1);
    }
}

/* A short label in the user's locale: "Mar 2025", "Q1 2025", "W12 2025". */
char *
sc_period_to_label (ScGranularity granularity,
                    ScPeriod      period)
{
  int year, week;

  if (period == SC_PERIOD_NONE || period < 0)
    return g_strdup ("—");

  switch (granularity)
    {
    case SC_GRANULARITY_QUARTER:
      /* Translators: a calendar quarter, e.g. "Q1 2025" */
      return g_strdup_printf (_("Q%d %d"), period % 4 + 1, period / 4);
    case SC_GRANULARITY_WEEK:
      week_to_year_week (period, &year, &week);
      /* Translators: an ISO week, e.g. "W12 2025" */
      return g_strdup_printf (_("W%d %d"), week, year);
    case SC_GRANULARITY_MONTH:
    default:
      return sc_language_format_month (NULL, period / 12, period % 12 + 1);
    }
}
