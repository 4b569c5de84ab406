/* test-kpi-guess.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of sc-kpi-guess.c: the direction, unit and category a KPI that a
 * file invents gets from its name (English and German) and its values —
 * and never a target.
 */

#include "config.h"

#include <math.h>

#include "sc-kpi-guess.h"

typedef struct
{
  const char  *name;
  ScDirection  direction;
  const char  *unit;
  const char  *category;
} Case;

static void
check_case (const Case   *c,
            const double *values,
            guint         n_values)
{
  g_autoptr(ScKpi) kpi = sc_kpi_new ("x", c->name);

  g_test_message ("%s", c->name);
  sc_kpi_guess_from_name (kpi, c->name, values, n_values);
  g_assert_cmpstr (sc_direction_to_string (sc_kpi_get_direction (kpi)), ==, sc_direction_to_string (c->direction));
  g_assert_cmpstr (sc_kpi_get_unit (kpi), ==, c->unit);
  g_assert_cmpstr (sc_kpi_get_category (kpi), ==, c->category);
  g_assert_false (sc_kpi_has_target (kpi));
}

/* The user story: a German KPI table's scrap cost, rising */
static void
test_scrap_cost (void)
{
  static const double values[] = { 1234.5, 4560, 12480 };
  g_autoptr(ScKpi) kpi = sc_kpi_new ("ausschusskosten_eur", "Ausschusskosten EUR");
  ScKpiGuess found;

  found = sc_kpi_guess_from_name (kpi, "Ausschusskosten EUR", values, G_N_ELEMENTS (values));
  g_assert_cmpint (found, ==, SC_KPI_GUESS_DIRECTION | SC_KPI_GUESS_UNIT | SC_KPI_GUESS_CATEGORY);
  g_assert_cmpint (sc_kpi_get_direction (kpi), ==, SC_DIRECTION_LOWER);
  g_assert_cmpstr (sc_kpi_get_unit (kpi), ==, "€");
  g_assert_cmpstr (sc_kpi_get_category (kpi), ==, "cost");
  /* Money adds up over a quarter, and shows its cents */
  g_assert_cmpint (sc_kpi_get_aggregation (kpi), ==, SC_AGGREGATION_SUM);
  g_assert_cmpuint (sc_kpi_get_decimals (kpi), ==, 2);
  g_assert_false (sc_kpi_has_target (kpi));
  g_assert_true (isnan (sc_kpi_get_warning (kpi)));
}

static void
test_lower_is_better (void)
{
  static const Case cases[] = {
    { "Kosten", SC_DIRECTION_LOWER, "", "cost" },
    { "Freight cost", SC_DIRECTION_LOWER, "", "cost" },
    { "Scrap", SC_DIRECTION_LOWER, "", "quality" },
    { "Ausschussmenge", SC_DIRECTION_LOWER, "", "quality" },
    { "Defects", SC_DIRECTION_LOWER, "", "quality" },
    { "Fehler je Lieferung", SC_DIRECTION_LOWER, "", "quality" },
    { "Complaints", SC_DIRECTION_LOWER, "", "quality" },
    { "Reklamationen", SC_DIRECTION_LOWER, "", "quality" },
    { "Returns", SC_DIRECTION_LOWER, "", "quality" },
    { "Retouren", SC_DIRECTION_LOWER, "", "quality" },
    { "Lead time", SC_DIRECTION_LOWER, "", "delivery" },
    { "Durchlaufzeit", SC_DIRECTION_LOWER, "", "delivery" },
    { "Delay", SC_DIRECTION_LOWER, "", "delivery" },
    { "Late deliveries", SC_DIRECTION_LOWER, "", "delivery" },
    { "Lieferverzug Tage", SC_DIRECTION_LOWER, "days", "delivery" },
    { "Days to answer", SC_DIRECTION_LOWER, "days", "service" },
    { "Reaktionszeit Reklamationen", SC_DIRECTION_LOWER, "", "service" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case (&cases[i], NULL, 0);
}

/* What says higher is better wins over a word of the other kind; with no
 * word at all, higher is better and the category stays the default
 */
static void
test_higher_is_better (void)
{
  static const Case cases[] = {
    { "Fehlerfreie Lieferungen %", SC_DIRECTION_HIGHER, "%", "quality" },
    { "On time deliveries", SC_DIRECTION_HIGHER, "", "delivery" },
    { "Termintreue", SC_DIRECTION_HIGHER, "", "delivery" },
    { "First pass yield", SC_DIRECTION_HIGHER, "", "quality" },
    { "Kundenzufriedenheit", SC_DIRECTION_HIGHER, "", "satisfaction" },
    { "Tickets je Woche", SC_DIRECTION_HIGHER, "", "service" },
    { "Plate thickness", SC_DIRECTION_HIGHER, "", "quality" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case (&cases[i], NULL, 0);
}

static void
test_units (void)
{
  static const double shares[] = { 0.8, 1.5, 2.25 };
  static const double fractions[] = { 0.008, 0.015 };
  static const double counts[] = { 3, 0, 7 };
  static const Case cases[] = {
    { "Scrap cost €", SC_DIRECTION_LOWER, "€", "cost" },
    { "Spend USD", SC_DIRECTION_HIGHER, "$", "cost" },
    { "Spend ($)", SC_DIRECTION_HIGHER, "$", "cost" },
    { "Rework CHF", SC_DIRECTION_LOWER, "CHF", "cost" },
    { "Claims GBP", SC_DIRECTION_LOWER, "£", "cost" },
    { "Claims in £", SC_DIRECTION_LOWER, "£", "cost" },
    { "Scrap %", SC_DIRECTION_LOWER, "%", "quality" },
    { "Scrap pct", SC_DIRECTION_LOWER, "%", "quality" },
    { "Defect PPM", SC_DIRECTION_LOWER, "ppm", "quality" },
  };
  static const Case share = { "Return rate", SC_DIRECTION_LOWER, "%", "quality" };
  static const Case fraction = { "Return rate", SC_DIRECTION_LOWER, "", "quality" };
  static const Case count = { "Complaints", SC_DIRECTION_LOWER, "count", "quality" };
  g_autoptr(ScKpi) kpi = sc_kpi_new ("x", "Complaints");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case (&cases[i], NULL, 0);

  /* A rate is in % when its values look like percentages */
  check_case (&share, shares, G_N_ELEMENTS (shares));
  check_case (&fraction, fractions, G_N_ELEMENTS (fractions));

  /* Things counted, in whole numbers: a count, summed over periods */
  check_case (&count, counts, G_N_ELEMENTS (counts));
  sc_kpi_guess_from_name (kpi, "Complaints", counts, G_N_ELEMENTS (counts));
  g_assert_cmpint (sc_kpi_get_aggregation (kpi), ==, SC_AGGREGATION_SUM);
  g_assert_cmpuint (sc_kpi_get_decimals (kpi), ==, 0);
}

/* Nothing to go by: the defaults, reported as such */
static void
test_no_evidence (void)
{
  g_autoptr(ScKpi) kpi = sc_kpi_new ("x", "Kennzahl 7");

  g_assert_cmpint (sc_kpi_guess_from_name (kpi, "Kennzahl 7", NULL, 0), ==, SC_KPI_GUESS_NONE);
  g_assert_cmpint (sc_kpi_get_direction (kpi), ==, SC_DIRECTION_HIGHER);
  g_assert_cmpstr (sc_kpi_get_unit (kpi), ==, "");
  g_assert_cmpint (sc_kpi_get_aggregation (kpi), ==, SC_AGGREGATION_MEAN);
  g_assert_cmpuint (sc_kpi_get_decimals (kpi), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kpi-guess/scrap-cost", test_scrap_cost);
  g_test_add_func ("/kpi-guess/lower-is-better", test_lower_is_better);
  g_test_add_func ("/kpi-guess/higher-is-better", test_higher_is_better);
  g_test_add_func ("/kpi-guess/units", test_units);
  g_test_add_func ("/kpi-guess/no-evidence", test_no_evidence);

  return g_test_run ();
}
