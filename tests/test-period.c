/* test-period.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of sc-period.c: parsing and formatting months, quarters and ISO
 * weeks, the strings that must be refused, and the labels users read.
 */

#include "config.h"

#include "sc-period.h"

/* Parses @str, formats the result again and checks it comes back unchanged. */
static ScPeriod
assert_round_trip (ScGranularity  granularity,
                   const char    *str)
{
  g_autofree char *back = NULL;
  ScPeriod period = SC_PERIOD_NONE;

  if (!sc_period_parse (granularity, str, &period))
    g_error ("“%s” did not parse as a %s", str, sc_granularity_to_string (granularity));

  back = sc_period_to_string (granularity, period);
  g_assert_cmpstr (back, ==, str);

  return period;
}

/* Checks that @str is refused and that the output is left alone. */
static void
assert_invalid (ScGranularity  granularity,
                const char    *str)
{
  ScPeriod period = 42;

  if (sc_period_parse (granularity, str, &period))
    g_error ("“%s” parsed as a %s", str, sc_granularity_to_string (granularity));
  g_assert_cmpint (period, ==, 42);
}

static void
assert_label (ScGranularity  granularity,
              const char    *str,
              const char    *expected)
{
  g_autofree char *label = NULL;
  ScPeriod period;

  g_assert_true (sc_period_parse (granularity, str, &period));
  label = sc_period_to_label (granularity, period);
  g_assert_cmpstr (label, ==, expected);
}

/* Checks that the seven days from the Monday of @period all fall in it. */
static void
assert_days_of_week (ScPeriod period)
{
  g_autoptr(GDate) day = g_date_new_julian ((guint32) period * 7 + 1);

  g_assert_cmpint (g_date_get_weekday (day), ==, G_DATE_MONDAY);
  for (int i = 0; i < 7; i++)
    {
      g_assert_cmpint (sc_period_from_ymd (SC_GRANULARITY_WEEK,
                                           g_date_get_year (day),
                                           g_date_get_month (day),
                                           g_date_get_day (day)), ==, period);
      g_date_add_days (day, 1);
    }
}

static void
test_granularity_strings (void)
{
  static const char *names[] = { "month", "quarter", "week" };
  ScGranularity granularity;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (sc_granularity_from_string (names[i], &granularity));
      g_assert_cmpstr (sc_granularity_to_string (granularity), ==, names[i]);
    }

  g_assert_false (sc_granularity_from_string ("Month", &granularity));
  g_assert_false (sc_granularity_from_string ("year", &granularity));
  g_assert_false (sc_granularity_from_string (NULL, &granularity));
}

static void
test_month_round_trip (void)
{
  ScPeriod previous = SC_PERIOD_NONE;

  g_assert_cmpint (assert_round_trip (SC_GRANULARITY_MONTH, "2025-03"), ==, 2025 * 12 + 2);

  /* Every month over three decades, each one right after the other */
  for (int year = 1999; year <= 2031; year++)
    {
      for (int month = 1; month <= 12; month++)
        {
          g_autofree char *str = g_strdup_printf ("%04d-%02d", year, month);
          ScPeriod period = assert_round_trip (SC_GRANULARITY_MONTH, str);

          g_assert_cmpint (period, ==, sc_period_from_ymd (SC_GRANULARITY_MONTH, year, month, 15));
          g_assert_cmpint (sc_period_get_year (SC_GRANULARITY_MONTH, period), ==, year);
          if (previous != SC_PERIOD_NONE)
            g_assert_cmpint (period, ==, previous + 1);
          previous = period;
        }
    }
}

static void
test_quarter_round_trip (void)
{
  g_autofree char *canonical = NULL;
  ScPeriod period;

  g_assert_cmpint (assert_round_trip (SC_GRANULARITY_QUARTER, "2025-Q1"), ==, 2025 * 4);
  g_assert_cmpint (assert_round_trip (SC_GRANULARITY_QUARTER, "2024-Q4") + 1, ==,
                   assert_round_trip (SC_GRANULARITY_QUARTER, "2025-Q1"));

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *str = NULL;
      g_autofree char *expected = g_strdup_printf ("2025-Q%d", (month - 1) / 3 + 1);

      period = sc_period_from_ymd (SC_GRANULARITY_QUARTER, 2025, month, 1);
      str = sc_period_to_string (SC_GRANULARITY_QUARTER, period);
      g_assert_cmpstr (str, ==, expected);
      g_assert_cmpint (sc_period_get_year (SC_GRANULARITY_QUARTER, period), ==, 2025);
    }

  /* A lower-case q is read; the file always gets the canonical form */
  g_assert_true (sc_period_parse (SC_GRANULARITY_QUARTER, "2025-q3", &period));
  canonical = sc_period_to_string (SC_GRANULARITY_QUARTER, period);
  g_assert_cmpstr (canonical, ==, "2025-Q3");
}

/* Every ISO week from 2015 to 2030: strings round-trip, weeks follow each
 * other without gaps, and each of the seven days maps to its week.
 */
static void
test_week_round_trip (void)
{
  ScPeriod first, last;
  int year = 2015, week = 1;

  g_assert_true (sc_period_parse (SC_GRANULARITY_WEEK, "2015-W01", &first));
  g_assert_true (sc_period_parse (SC_GRANULARITY_WEEK, "2030-W52", &last));

  for (ScPeriod period = first; period <= last; period++)
    {
      g_autofree char *str = sc_period_to_string (SC_GRANULARITY_WEEK, period);
      g_autofree char *next_year = g_strdup_printf ("%04d-W01", year + 1);
      g_autofree char *expected = NULL;

      if (g_str_equal (str, next_year))
        {
          year++;
          week = 1;
        }
      expected = g_strdup_printf ("%04d-W%02d", year, week++);
      g_assert_cmpstr (str, ==, expected);
      g_assert_cmpint (assert_round_trip (SC_GRANULARITY_WEEK, str), ==, period);
      g_assert_cmpint (sc_period_get_year (SC_GRANULARITY_WEEK, period), ==, year);
      assert_days_of_week (period);
    }
  g_assert_cmpint (year, ==, 2030);
}

static void
test_week_edges (void)
{
  g_autofree char *dec31 = NULL;
  ScPeriod w53, w01, w52;

  /* 2020 has 53 weeks; its last one ends on Sunday 2021-01-03 */
  w53 = assert_round_trip (SC_GRANULARITY_WEEK, "2020-W53");
  g_assert_cmpint (sc_period_from_ymd (SC_GRANULARITY_WEEK, 2020, 12, 28), ==, w53);
  g_assert_cmpint (sc_period_from_ymd (SC_GRANULARITY_WEEK, 2021, 1, 3), ==, w53);
  g_assert_cmpint (sc_period_from_ymd (SC_GRANULARITY_WEEK, 2021, 1, 4), ==, w53 + 1);

  /* 2021 has only 52 */
  assert_invalid (SC_GRANULARITY_WEEK, "2021-W53");

  /* 2025-W01 starts on Monday 2024-12-30 */
  w01 = assert_round_trip (SC_GRANULARITY_WEEK, "2025-W01");
  w52 = assert_round_trip (SC_GRANULARITY_WEEK, "2024-W52");
  g_assert_cmpint (sc_period_from_ymd (SC_GRANULARITY_WEEK, 2024, 12, 30), ==, w01);
  g_assert_cmpint (sc_period_from_ymd (SC_GRANULARITY_WEEK, 2024, 12, 29), ==, w52);
  g_assert_cmpint (w52 + 1, ==, w01);
  dec31 = sc_period_to_string (SC_GRANULARITY_WEEK,
                               sc_period_from_ymd (SC_GRANULARITY_WEEK, 2024, 12, 31));
  g_assert_cmpstr (dec31, ==, "2025-W01");
  g_assert_cmpint (sc_period_get_year (SC_GRANULARITY_WEEK, w01), ==, 2025);

  /* Other long years, and the short ones after them */
  assert_round_trip (SC_GRANULARITY_WEEK, "2015-W53");
  assert_round_trip (SC_GRANULARITY_WEEK, "2026-W53");
  assert_invalid (SC_GRANULARITY_WEEK, "2027-W53");

  /* An invalid date has no week */
  g_assert_cmpint (sc_period_from_ymd (SC_GRANULARITY_WEEK, 2025, 2, 30), ==, SC_PERIOD_NONE);
}

static void
test_invalid_strings (void)
{
  static const char *months[] = {
    "2025-13", "2025-00", "2025-3", "2025-003", "2025-03-01", "2025-03 ", " 2025-03",
    "2025/03", "25-03", "0999-12", "abc", "", "2025-Q1", "2025-W12", "2025-", "-2025-03",
  };
  static const char *quarters[] = {
    "2025-Q5", "2025-Q0", "2025-Q", "2025-Q12", "2025-1", "2025-03", "2025Q1", "abc", "",
  };
  static const char *weeks[] = {
    "2021-W53", "2025-W00", "2025-W54", "2025-W1", "2025-W001", "2025-12", "2025-Q1", "abc", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    assert_invalid (SC_GRANULARITY_MONTH, months[i]);
  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    assert_invalid (SC_GRANULARITY_QUARTER, quarters[i]);
  for (guint i = 0; i < G_N_ELEMENTS (weeks); i++)
    assert_invalid (SC_GRANULARITY_WEEK, weeks[i]);

  assert_invalid (SC_GRANULARITY_MONTH, NULL);
}

static void
test_parse_any (void)
{
  ScGranularity granularity;
  ScPeriod period;

  g_assert_true (sc_period_parse_any ("2025-03", &granularity, &period));
  g_assert_cmpint (granularity, ==, SC_GRANULARITY_MONTH);
  g_assert_cmpint (period, ==, 2025 * 12 + 2);

  g_assert_true (sc_period_parse_any ("2025-Q2", &granularity, &period));
  g_assert_cmpint (granularity, ==, SC_GRANULARITY_QUARTER);
  g_assert_cmpint (period, ==, 2025 * 4 + 1);

  g_assert_true (sc_period_parse_any ("2025-W07", &granularity, &period));
  g_assert_cmpint (granularity, ==, SC_GRANULARITY_WEEK);
  g_assert_cmpint (period, ==, sc_period_from_ymd (SC_GRANULARITY_WEEK, 2025, 2, 12));

  g_assert_true (sc_period_parse_any ("2025-12", NULL, &period));
  g_assert_false (sc_period_parse_any ("2025-13", &granularity, &period));
  g_assert_false (sc_period_parse_any ("Q1 2025", &granularity, &period));
}

/* The tests run in the C locale, so month names are English. */
static void
test_labels (void)
{
  g_autofree char *none = sc_period_to_label (SC_GRANULARITY_MONTH, SC_PERIOD_NONE);

  assert_label (SC_GRANULARITY_MONTH, "2025-03", "Mar 2025");
  assert_label (SC_GRANULARITY_MONTH, "2024-12", "Dec 2024");
  assert_label (SC_GRANULARITY_QUARTER, "2025-Q1", "Q1 2025");
  assert_label (SC_GRANULARITY_QUARTER, "2024-Q4", "Q4 2024");
  assert_label (SC_GRANULARITY_WEEK, "2025-W12", "W12 2025");
  /* The ISO year, not the calendar year of the Monday */
  assert_label (SC_GRANULARITY_WEEK, "2025-W01", "W1 2025");

  g_assert_cmpstr (none, ==, "—");
  g_assert_null (sc_period_to_string (SC_GRANULARITY_MONTH, SC_PERIOD_NONE));
  g_assert_null (sc_period_to_string (SC_GRANULARITY_QUARTER, -1));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/granularity/strings", test_granularity_strings);
  g_test_add_func ("/period/month/round-trip", test_month_round_trip);
  g_test_add_func ("/period/quarter/round-trip", test_quarter_round_trip);
  g_test_add_func ("/period/week/round-trip", test_week_round_trip);
  g_test_add_func ("/period/week/edges", test_week_edges);
  g_test_add_func ("/period/invalid", test_invalid_strings);
  g_test_add_func ("/period/parse-any", test_parse_any);
  g_test_add_func ("/period/labels", test_labels);

  return g_test_run ();
}
