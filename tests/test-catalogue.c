/* test-catalogue.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the built-in KPI catalogue (sc-catalogue.c): enough KPIs, unique
 * ids, and targets and thresholds that make sense for their direction.
 */

#include "config.h"

#include <math.h>

#include "sc-catalogue.h"

/* Warning and critical must lie on the bad side of the target, in order. */
static void
assert_thresholds_sane (ScKpi *kpi)
{
  const char *id = sc_kpi_get_id (kpi);
  double target = sc_kpi_get_target (kpi);
  double warning = sc_kpi_get_warning (kpi);
  double critical = sc_kpi_get_critical (kpi);

  g_test_message ("KPI %s: target %g, warning %g, critical %g", id, target, warning, critical);

  switch (sc_kpi_get_direction (kpi))
    {
    case SC_DIRECTION_HIGHER:
      g_assert_cmpfloat (target, >, warning);
      g_assert_cmpfloat (warning, >, critical);
      g_assert_true (isnan (sc_kpi_get_target_max (kpi)));
      break;
    case SC_DIRECTION_LOWER:
      g_assert_cmpfloat (target, <, warning);
      g_assert_cmpfloat (warning, <, critical);
      g_assert_true (isnan (sc_kpi_get_target_max (kpi)));
      break;
    case SC_DIRECTION_BAND:
      g_assert_cmpfloat (sc_kpi_get_target_max (kpi), >=, target);
      g_assert_cmpfloat (warning, >, 0);
      g_assert_cmpfloat (critical, >, warning);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_thresholds (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = sc_catalogue_get_n_kpis ();

  g_assert_cmpuint (n, >=, 15);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScKpi) kpi = sc_catalogue_create_kpi (i);
      g_autoptr(ScKpi) again = sc_catalogue_lookup (sc_kpi_get_id (kpi));

      g_assert_true (g_hash_table_add (ids, g_strdup (sc_kpi_get_id (kpi))));
      g_assert_cmpstr (sc_kpi_get_name (kpi), !=, "");
      g_assert_cmpstr (sc_kpi_get_description (kpi), !=, "");
      g_assert_cmpfloat (sc_kpi_get_weight (kpi), >, 0);
      g_assert_cmpuint (sc_kpi_get_decimals (kpi), <=, 6);
      if (sc_kpi_get_aggregation (kpi) == SC_AGGREGATION_RATIO)
        g_assert_cmpfloat (sc_kpi_get_ratio_scale (kpi), >, 0);
      assert_thresholds_sane (kpi);

      /* Each lookup is a fresh copy the workbook can own */
      g_assert_nonnull (again);
      g_assert_true (again != kpi);
      g_assert_cmpfloat (sc_kpi_get_target (again), ==, sc_kpi_get_target (kpi));
    }

  g_assert_null (sc_catalogue_lookup ("no_such_kpi"));
}

/* Creating a catalogue KPI logs nothing: target-max once went through
 * g_object_new() as NaN, which GLib refuses with a warning.
 */
static void
test_no_warnings (void)
{
  if (g_test_subprocess ())
    {
      for (guint i = 0; i < sc_catalogue_get_n_kpis (); i++)
        g_object_unref (sc_catalogue_create_kpi (i));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/thresholds", test_thresholds);
  g_test_add_func ("/catalogue/no-warnings", test_no_warnings);

  return g_test_run ();
}
