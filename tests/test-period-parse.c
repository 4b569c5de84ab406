/* test-period-parse.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of periods as spreadsheets write them (sc-period-parse.c): every
 * form, bucketing, and the ambiguous and impossible ones that must not be
 * guessed.
 */

#include "config.h"

#include "sc-period-parse.h"

static void
assert_month (const char  *text,
              ScDateOrder  order,
              const char  *expected)
{
  g_autofree char *str = NULL;
  ScLoosePeriod loose;
  ScPeriod period;

  g_assert_cmpint (sc_loose_period_parse (text, order, &loose), ==, SC_LOOSE_PERIOD_OK);
  g_assert_true (sc_loose_period_to_period (&loose, SC_GRANULARITY_MONTH, &period));
  str = sc_period_to_string (SC_GRANULARITY_MONTH, period);
  g_assert_cmpstr (str, ==, expected);
}

static void
test_months (void)
{
  const char *forms[] = {
    "2025-03", "2025/03", "03/2025", "3/2025", "03.2025", "Mar 2025", "March 2025",
    "März 2025", "Maerz 2025", "mar-2025", "Mar-25", "2025-03-17", "17.03.2025",
    "3/17/2025", "17/03/2025", "2025-03-17 00:00:00", "2025-03-17T08:15:00", " 2025-03 ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    assert_month (forms[i], SC_DATE_ORDER_UNKNOWN, "2025-03");

  assert_month ("Dezember 2024", SC_DATE_ORDER_UNKNOWN, "2024-12");
  assert_month ("Okt 2024", SC_DATE_ORDER_UNKNOWN, "2024-10");
  assert_month ("05/05/2025", SC_DATE_ORDER_UNKNOWN, "2025-05");
}

static void
test_quarters_and_weeks (void)
{
  const char *quarters[] = { "2025-Q1", "2025 Q1", "2025Q1", "Q1 2025", "Q1/2025", "q1-2025" };
  const char *weeks[] = { "2025-W12", "2025W12", "W12 2025", "KW12 2025", "KW 12/2025" };
  ScLoosePeriod loose;
  ScPeriod period;

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      g_autofree char *str = NULL;

      g_assert_cmpint (sc_loose_period_parse (quarters[i], SC_DATE_ORDER_UNKNOWN, &loose), ==, SC_LOOSE_PERIOD_OK);
      g_assert_true (sc_loose_period_to_period (&loose, SC_GRANULARITY_QUARTER, &period));
      str = sc_period_to_string (SC_GRANULARITY_QUARTER, period);
      g_assert_cmpstr (str, ==, "2025-Q1");
      g_assert_false (sc_loose_period_to_period (&loose, SC_GRANULARITY_MONTH, &period));
    }

  for (guint i = 0; i < G_N_ELEMENTS (weeks); i++)
    {
      g_autofree char *str = NULL;

      g_assert_cmpint (sc_loose_period_parse (weeks[i], SC_DATE_ORDER_UNKNOWN, &loose), ==, SC_LOOSE_PERIOD_OK);
      g_assert_true (sc_loose_period_to_period (&loose, SC_GRANULARITY_WEEK, &period));
      str = sc_period_to_string (SC_GRANULARITY_WEEK, period);
      g_assert_cmpstr (str, ==, "2025-W12");
    }

  /* A date buckets into its quarter and its ISO week */
  g_assert_cmpint (sc_loose_period_parse ("17.03.2025", SC_DATE_ORDER_UNKNOWN, &loose), ==, SC_LOOSE_PERIOD_OK);
  g_assert_true (sc_loose_period_to_period (&loose, SC_GRANULARITY_WEEK, &period));
  {
    g_autofree char *str = sc_period_to_string (SC_GRANULARITY_WEEK, period);

    g_assert_cmpstr (str, ==, "2025-W12");
  }
}

static void
test_ambiguous (void)
{
  ScLoosePeriod loose;

  g_assert_cmpint (sc_loose_period_parse ("03/04/2025", SC_DATE_ORDER_UNKNOWN, &loose), ==,
                   SC_LOOSE_PERIOD_AMBIGUOUS);
  assert_month ("03/04/2025", SC_DATE_ORDER_DMY, "2025-04");
  assert_month ("03/04/2025", SC_DATE_ORDER_MDY, "2025-03");

  g_assert_cmpint (sc_loose_period_parse ("17/03/2025", SC_DATE_ORDER_UNKNOWN, &loose), ==, SC_LOOSE_PERIOD_OK);
  g_assert_cmpint (loose.implied_order, ==, SC_DATE_ORDER_DMY);
  g_assert_cmpint (sc_loose_period_parse ("3/17/2025", SC_DATE_ORDER_UNKNOWN, &loose), ==, SC_LOOSE_PERIOD_OK);
  g_assert_cmpint (loose.implied_order, ==, SC_DATE_ORDER_MDY);
}

static void
test_impossible_and_unreadable (void)
{
  const char *impossible[] = {
    "2025-13", "2025-00", "13/2025", "31.02.2025", "2025-02-30", "13/13/2025", "2025-Q5",
    "2025-W54", "2025-W53", "0999-01",
  };
  const char *unreadable[] = { "", "soon", "2025", "March", "Foo 2025", "2025-03-17-01", "1e5" };
  ScLoosePeriod loose;

  for (guint i = 0; i < G_N_ELEMENTS (impossible); i++)
    g_assert_cmpint (sc_loose_period_parse (impossible[i], SC_DATE_ORDER_UNKNOWN, &loose), ==,
                     SC_LOOSE_PERIOD_IMPOSSIBLE);
  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    g_assert_cmpint (sc_loose_period_parse (unreadable[i], SC_DATE_ORDER_UNKNOWN, &loose), ==,
                     SC_LOOSE_PERIOD_UNREADABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period-parse/months", test_months);
  g_test_add_func ("/period-parse/quarters-and-weeks", test_quarters_and_weeks);
  g_test_add_func ("/period-parse/ambiguous", test_ambiguous);
  g_test_add_func ("/period-parse/impossible-and-unreadable", test_impossible_and_unreadable);

  return g_test_run ();
}
