/* test-number-parse.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of reading numbers as spreadsheets write them (sc-number-parse.c):
 * the notations, the empty cells, and what is not a number or too large
 * for one.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-number-parse.h"

static ScNumberStatus
parse (const char *text,
       char        decimal_mark,
       double     *value)
{
  return sc_number_parse_cell (text, strlen (text), decimal_mark, decimal_mark == ',' ? '.' : ',', value);
}

static void
test_notations (void)
{
  static const struct { const char *text; char mark; double value; } cases[] = {
    { "95.5", '.', 95.5 },
    { " 95,5 % ", ',', 95.5 },
    { "1.234.567,5", ',', 1234567.5 },
    { "1,234", '.', 1234 },
    { "-0.001", '.', -0.001 },
    { "2.5e3", '.', 2500 },
    { "1e308", '.', 1e308 },
    { "1e-400", '.', 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = NAN;

      g_assert_cmpint (parse (cases[i].text, cases[i].mark, &value), ==, SC_NUMBER_OK);
      g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
    }
}

static void
test_empty_and_invalid (void)
{
  static const char *empty[] = { "", "  ", "NA", "n/a", "-", "—" };
  static const char *invalid[] = { "n.v.", "12 apples", "1,23,4", "inf", "-Infinity", "nan%x", "0x10" };
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    g_assert_cmpint (parse (empty[i], '.', &value), ==, SC_NUMBER_EMPTY);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_cmpint (parse (invalid[i], '.', &value), ==, SC_NUMBER_INVALID);
}

/* Beyond a double's range is its own answer, so that the message can say
 * "1e309 is too large" rather than "expected a number".
 */
static void
test_too_large (void)
{
  static const char *large[] = { "1e309", "-1.5e400", "1,5e999" };
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (large); i++)
    g_assert_cmpint (parse (large[i], i == 2 ? ',' : '.', &value), ==, SC_NUMBER_TOO_LARGE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number-parse/notations", test_notations);
  g_test_add_func ("/number-parse/empty-and-invalid", test_empty_and_invalid);
  g_test_add_func ("/number-parse/too-large", test_too_large);

  return g_test_run ();
}
