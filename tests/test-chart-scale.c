/* test-chart-scale.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests the axis scales of src/render/sc-chart-scale.c: ticks people use
 * (1, 2, 2.5, 5 × 10ⁿ), ranges that cover the data, awkward input, and
 * tick labels with units.
 */

#include "config.h"

#include <math.h>

#include "sc-chart-scale.h"

static void
test_nice_step (void)
{
  static const struct { double span; guint steps; ScChartScaleFlags flags; double step; } cases[] = {
    { 100, 5, 0, 20 },
    { 100, 4, 0, 25 },
    { 10, 4, 0, 2.5 },
    { 10, 4, SC_CHART_SCALE_INTEGER, 5 },
    { 1, 5, 0, 0.2 },
    { 3, 5, 0, 1 },
    { 0.07, 5, 0, 0.02 },
    { 8000, 5, 0, 2000 },
    { 7000, 8, 0, 1000 },
    { 2, 5, SC_CHART_SCALE_INTEGER, 1 },
    { 45, 5, 0, 10 },
    { 4.5e9, 5, 0, 1e9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double step = sc_chart_nice_step (cases[i].span, cases[i].steps, cases[i].flags);

      g_assert_cmpfloat_with_epsilon (step, cases[i].step, cases[i].step * 1e-9);
    }
  g_assert_cmpfloat (sc_chart_nice_step (NAN, 5, 0), ==, 1);
  g_assert_cmpfloat (sc_chart_nice_step (0, 5, 0), ==, 1);
}

/* Every step is a mantissa of 1, 2, 2.5 or 5; the range covers the data;
 * ticks land on multiples of the step.
 */
static void
check_scale (double lo,
             double hi,
             guint  max_steps)
{
  ScChartScale scale;
  double mantissa;

  sc_chart_scale_init (&scale, lo, hi, max_steps, 0);
  mantissa = scale.step / pow (10, floor (log10 (scale.step)));
  g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 ||
                 fabs (mantissa - 2.5) < 1e-9 || fabs (mantissa - 5) < 1e-9);
  if (isfinite (lo) && isfinite (hi) && hi > lo)
    {
      g_assert_cmpfloat (scale.min, <=, lo);
      g_assert_cmpfloat (scale.max, >=, hi);
    }
  g_assert_cmpuint (scale.n_ticks, >=, 2);
  g_assert_cmpuint (scale.n_ticks, <=, max_steps + 3);
  g_assert_cmpfloat (fabs (remainder (scale.min, scale.step)), <, scale.step * 1e-6);
  for (guint i = 0; i < scale.n_ticks; i++)
    g_assert_true (isfinite (sc_chart_scale_tick (&scale, i)));
}

static void
test_ranges (void)
{
  ScChartScale scale;

  sc_chart_scale_init (&scale, 66.6, 100, 5, 0);
  g_assert_cmpfloat (scale.min, ==, 60);
  g_assert_cmpfloat (scale.max, ==, 100);
  g_assert_cmpfloat (scale.step, ==, 10);
  g_assert_cmpuint (scale.n_ticks, ==, 5);
  g_assert_cmpuint (scale.decimals, ==, 0);

  sc_chart_scale_init (&scale, 0, 1, 4, 0);
  g_assert_cmpfloat (scale.step, ==, 0.25);
  g_assert_cmpuint (scale.decimals, ==, 2);

  sc_chart_scale_init (&scale, 12, 80, 5, SC_CHART_SCALE_INCLUDE_ZERO);
  g_assert_cmpfloat (scale.min, ==, 0);

  check_scale (-13, 54, 5);
  check_scale (0.001, 0.0013, 4);
  check_scale (183, 7479, 6);
  check_scale (-1e9, 3e12, 5);
  check_scale (1, 1, 5);
  check_scale (0, 0, 5);
  check_scale (NAN, NAN, 5);
  check_scale (-INFINITY, INFINITY, 5);
  check_scale (5, NAN, 5);
  check_scale (-1e300, 1e300, 5);
  check_scale (3, 2, 5);
  for (double hi = 0.1; hi < 1e7; hi *= 1.7)
    for (guint steps = 1; steps <= 10; steps++)
      check_scale (hi / 3, hi, steps);
}

static void
test_constant (void)
{
  ScChartScale scale;

  /* a constant series sits inside the axis, not on its edge */
  sc_chart_scale_init (&scale, 95, 95, 5, 0);
  g_assert_cmpfloat (scale.min, <, 95);
  g_assert_cmpfloat (scale.max, >, 95);
}

static void
test_format (void)
{
  ScChartScale scale;
  g_autofree char *percent = NULL;
  g_autofree char *money = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *millions = NULL;
  g_autofree char *fraction = NULL;

  sc_chart_scale_init (&scale, 60, 100, 4, 0);
  percent = sc_chart_scale_format_tick (&scale, 90, "%");
  g_assert_cmpstr (percent, ==, "90 %");
  money = sc_chart_scale_format_tick (&scale, 80, "€");
  g_assert_cmpstr (money, ==, "€80");
  negative = sc_chart_format_number (-13, 0, "points");
  g_assert_cmpstr (negative, ==, "−13");

  sc_chart_scale_init (&scale, 0, 4.5e6, 5, 0);
  millions = sc_chart_scale_format_tick (&scale, 2e6, "€");
  g_assert_cmpstr (millions, ==, "€2M");

  sc_chart_scale_init (&scale, 0, 1, 4, 0);
  fraction = sc_chart_scale_format_tick (&scale, 0.25, "days");
  g_assert_cmpstr (fraction, ==, "0.25 days");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-scale/nice-step", test_nice_step);
  g_test_add_func ("/chart-scale/ranges", test_ranges);
  g_test_add_func ("/chart-scale/constant", test_constant);
  g_test_add_func ("/chart-scale/format", test_format);

  return g_test_run ();
}
