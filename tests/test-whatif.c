/* test-whatif.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of sc-whatif.c: the before/after table for a changed KPI weight
 * worked out by hand, grade bands and period weighting in the sandbox,
 * apply as one undo step and undo restoring exactly, discard, and the
 * errors of `--set`.
 */

#include "config.h"

#include <math.h>

#include "sc-scorer.h"
#include "sc-whatif.h"
#include "sc-workbook-io.h"

/* KPIs "a" and "b", target 100, warning 50, critical 0, weight 1, so a
 * KPI's score is its value. March 2025:
 *
 *   partner  a    b    score  grade  rank
 *   p1       100  40   70     C      3
 *   p2       60   90   75     B      2
 *   p3       80   80   80     B      1
 */
static ScWorkbook *
new_book (void)
{
  static const char *ids[] = { "p1", "p2", "p3" };
  static const double a[] = { 100, 60, 80 }, b[] = { 40, 90, 80 };
  ScWorkbook *book = sc_workbook_new ();
  ScPeriod march;

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-03", &march));
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(ScKpi) kpi = sc_kpi_new (k == 0 ? "a" : "b", NULL);

      sc_kpi_set_direction (kpi, SC_DIRECTION_HIGHER);
      sc_kpi_set_target (kpi, 100);
      sc_kpi_set_warning (kpi, 50);
      sc_kpi_set_critical (kpi, 0);
      sc_kpi_set_weight (kpi, 1);
      sc_workbook_add_kpi (book, kpi);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(ScPartner) partner = sc_partner_new (ids[i], NULL, SC_PARTNER_SUPPLIER);

      sc_workbook_add_partner (book, partner);
      g_assert_true (sc_workbook_set_value (book, partner, sc_workbook_lookup_kpi (book, "a"), march, a[i], NULL));
      g_assert_true (sc_workbook_set_value (book, partner, sc_workbook_lookup_kpi (book, "b"), march, b[i], NULL));
    }
  sc_workbook_set_modified (book, FALSE);

  return book;
}

typedef struct
{
  double      before, after;
  const char *grade_before, *grade_after;
  guint       rank_before, rank_after;
  gboolean    changed;
} Row;

static void
assert_rows (GArray    *rows,
             const Row *expected,
             guint      n)
{
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const ScWhatifRow *r = &g_array_index (rows, ScWhatifRow, i);

      g_test_message ("row %u", i);
      g_assert_cmpfloat_with_epsilon (r->score_before, expected[i].before, 0.005);
      g_assert_cmpfloat_with_epsilon (r->score_after, expected[i].after, 0.005);
      g_assert_cmpstr (r->grade_before, ==, expected[i].grade_before);
      g_assert_cmpstr (r->grade_after, ==, expected[i].grade_after);
      g_assert_cmpuint (r->rank_before, ==, expected[i].rank_before);
      g_assert_cmpuint (r->rank_after, ==, expected[i].rank_after);
      g_assert_cmpint (r->changed, ==, expected[i].changed);
    }
}

static ScRollup
march (void)
{
  ScRollup rollup = { SC_ROLLUP_PERIOD, SC_PERIOD_NONE };

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, "2025-03", &rollup.anchor));
  return rollup;
}

/* a.weight = 3: p1 (3 × 100 + 40) / 4 = 85, p2 (3 × 60 + 90) / 4 = 67.5 */
static const Row weight_rows[] = {
  { 70, 85, "C", "B", 3, 1, TRUE },
  { 75, 67.5, "B", "C", 2, 3, TRUE },
  { 80, 80, "B", "B", 1, 2, TRUE },
};

static void
test_table (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  g_autoptr(ScWhatif) whatif = sc_whatif_new (book);
  g_autoptr(GArray) same = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  ScRollup rollup = march ();
  static const Row unchanged[] = {
    { 70, 70, "C", "C", 3, 3, FALSE },
    { 75, 75, "B", "B", 2, 2, FALSE },
    { 80, 80, "B", "B", 1, 1, FALSE },
  };

  same = sc_whatif_compute (whatif, &rollup);
  assert_rows (same, unchanged, G_N_ELEMENTS (unchanged));

  g_assert_true (sc_whatif_set (whatif, "a.weight=3", &error));
  g_assert_no_error (error);
  rows = sc_whatif_compute (whatif, &rollup);
  assert_rows (rows, weight_rows, G_N_ELEMENTS (weight_rows));

  /* The sandbox never touched the workbook */
  g_assert_cmpfloat (sc_kpi_get_weight (sc_workbook_lookup_kpi (book, "a")), ==, 1);
  g_assert_false (sc_workbook_get_modified (book));
}

/* b.target = 80 (critical 0): b = 40 scores 50, 90 and 80 score 100.
 * With bands A ≥ 85, B ≥ 70, C below.
 */
static void
test_target_and_bands (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  g_autoptr(ScWhatif) whatif = sc_whatif_new (book);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  ScRollup rollup = march ();
  static const Row expected[] = {
    { 70, 75, "C", "B", 3, 3, TRUE },
    { 75, 80, "B", "B", 2, 2, FALSE },
    { 80, 90, "B", "A", 1, 1, TRUE },
  };

  g_assert_true (sc_whatif_set (whatif, "b.target=80", &error));
  g_assert_true (sc_whatif_set (whatif, "bands=A:85,B:70,C:0", &error));
  g_assert_no_error (error);
  rows = sc_whatif_compute (whatif, &rollup);
  assert_rows (rows, expected, G_N_ELEMENTS (expected));
}

static void
assert_bands (ScWorkbook *book,
              const char *expected)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sc_workbook_get_n_grade_bands (book); i++)
    {
      const ScGradeBand *band = sc_workbook_get_grade_band (book, i);
      g_string_append_printf (text, "%s%s:%g", i ? "," : "", band->grade, band->min_score);
    }
  g_assert_cmpstr (text->str, ==, expected);
}

/* Apply is one undo step; undo brings back every setting exactly. */
static void
test_apply_undo (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  g_autoptr(ScWhatif) whatif = sc_whatif_new (book);
  g_autoptr(ScUndoStack) undo = sc_undo_stack_new ();
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  ScKpi *a = sc_workbook_lookup_kpi (book, "a");
  ScKpi *b = sc_workbook_lookup_kpi (book, "b");
  ScRollup rollup = march ();
  g_autofree char *w = NULL;
  g_autoptr(GBytes) before = sc_workbook_to_bytes (book);
  g_autoptr(GBytes) undone = NULL;

  g_assert_true (sc_whatif_set (whatif, "a.weight=3", &error));
  g_assert_true (sc_whatif_set (whatif, "b.warning=none", &error));
  g_assert_true (sc_whatif_set (whatif, "bands=A:85,B:70,C:0", &error));
  g_assert_true (sc_whatif_set (whatif, "weighting=exponential:12:3", &error));
  g_assert_no_error (error);
  sc_whatif_apply (whatif, undo);

  g_assert_false (sc_whatif_has_changes (whatif));
  g_assert_cmpstr (sc_undo_stack_get_undo_label (undo), ==, "Apply What-If");
  g_assert_cmpfloat (sc_kpi_get_weight (a), ==, 3);
  g_assert_true (isnan (sc_kpi_get_warning (b)));
  assert_bands (book, "A:85,B:70,C:0");
  w = sc_period_weighting_to_string (sc_workbook_get_period_weighting (book));
  g_assert_cmpstr (w, ==, "exponential:12:3");
  g_assert_cmpfloat_with_epsilon (sc_scorer_overall (scorer, sc_workbook_lookup_partner (book, "p1"), &rollup),
                                  85, 0.005);

  g_assert_true (sc_undo_stack_undo (undo));
  g_assert_false (sc_undo_stack_get_can_undo (undo));
  g_assert_cmpfloat (sc_kpi_get_weight (a), ==, 1);
  g_assert_cmpfloat (sc_kpi_get_warning (b), ==, 50);
  assert_bands (book, "A:90,B:75,C:60,D:0");
  g_assert_true (sc_period_weighting_is_latest (sc_workbook_get_period_weighting (book)));
  g_assert_cmpfloat (sc_scorer_overall (scorer, sc_workbook_lookup_partner (book, "p1"), &rollup), ==, 70);
  /* Exactly: the file it would save is the same, byte for byte */
  undone = sc_workbook_to_bytes (book);
  g_assert_true (g_bytes_equal (before, undone));

  g_assert_true (sc_undo_stack_redo (undo));
  g_assert_cmpfloat (sc_kpi_get_weight (a), ==, 3);

  /* The table after applying: nothing left to change */
  rows = sc_whatif_compute (whatif, &rollup);
  for (guint i = 0; i < rows->len; i++)
    g_assert_false (g_array_index (rows, ScWhatifRow, i).changed);
}

static void
test_discard (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  g_autoptr(ScWhatif) whatif = sc_whatif_new (book);
  g_autoptr(GArray) rows = NULL;
  ScRollup rollup = march ();

  g_assert_true (sc_whatif_set (whatif, "a.weight=3", NULL));
  g_assert_true (sc_whatif_has_changes (whatif));
  sc_whatif_discard (whatif);
  g_assert_false (sc_whatif_has_changes (whatif));
  rows = sc_whatif_compute (whatif, &rollup);
  g_assert_cmpfloat (g_array_index (rows, ScWhatifRow, 0).score_after, ==, 70);
  g_assert_false (sc_workbook_get_modified (book));
}

static void
test_errors (void)
{
  g_autoptr(ScWorkbook) book = new_book ();
  g_autoptr(ScWhatif) whatif = sc_whatif_new (book);
  static const struct
  {
    const char *set;
    int         code;
    const char *message;
  } cases[] = {
    { "a.weight", SC_WHATIF_ERROR_SYNTAX, "“a.weight” is not NAME=VALUE" },
    { "zz.weight=3", SC_WHATIF_ERROR_UNKNOWN_KPI, "the workbook has no KPI “zz”" },
    { "a.colour=3", SC_WHATIF_ERROR_UNKNOWN_FIELD,
      "“colour” is not a KPI setting a what-if can change (weight, target, target_max, warning, critical)" },
    { "colour=3", SC_WHATIF_ERROR_UNKNOWN_FIELD, "“colour” is not KPI.FIELD, bands or weighting" },
    { "a.weight=-1", SC_WHATIF_ERROR_INVALID_VALUE, "a.weight must be a number of 0 or more" },
    { "a.target=high", SC_WHATIF_ERROR_INVALID_VALUE, "a.target: “high” is not a number" },
    { "bands=A", SC_WHATIF_ERROR_INVALID_VALUE, NULL },
    { "weighting=recent:3", SC_WHATIF_ERROR_INVALID_VALUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].set);
      g_assert_false (sc_whatif_set (whatif, cases[i].set, &error));
      g_assert_error (error, SC_WHATIF_ERROR, cases[i].code);
      if (cases[i].message)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  g_assert_false (sc_whatif_has_changes (whatif));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/whatif/table", test_table);
  g_test_add_func ("/whatif/target-and-bands", test_target_and_bands);
  g_test_add_func ("/whatif/apply-undo", test_apply_undo);
  g_test_add_func ("/whatif/discard", test_discard);
  g_test_add_func ("/whatif/errors", test_errors);

  return g_test_run ();
}
