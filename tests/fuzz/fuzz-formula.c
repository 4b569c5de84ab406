/* fuzz-formula.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the formula language of recipes: the input is
 * parsed as a KPI formula and as a row filter, bound to a fixed set of
 * columns and run on a few rows (empty cells, text that is not UTF-8,
 * numbers as text). Whatever the input, parsing ends in a formula or an
 * error with a position inside the text, and a value is never infinite.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-formula.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static const ScFormulaColumn columns[] = {
  { "supplier", SC_CELL_TEXT },
  { "order_date", SC_CELL_DATE },
  { "due_date", SC_CELL_DATE },
  { "delivery_date", SC_CELL_DATE },
  { "status", SC_CELL_TEXT },
  { "quantity", SC_CELL_NUMBER },
  { "defective", SC_CELL_NUMBER },
  { "amount", SC_CELL_NUMBER },
  { "on_time", SC_CELL_TEXT },
  { "On Time", SC_CELL_TEXT },
  { "Größe", SC_CELL_NUMBER },
  { "notes", SC_CELL_EMPTY },
};

#define N_COLUMNS G_N_ELEMENTS (columns)
#define TEXT(s) SC_CELL_TEXT, 0, s, sizeof s - 1
#define NUMBER(n, s) SC_CELL_NUMBER, n, s, sizeof s - 1
#define DATE(n, s) SC_CELL_DATE, n, s, sizeof s - 1
#define EMPTY SC_CELL_EMPTY, 0, "", 0

static const ScCell rows[][N_COLUMNS] = {
  {
    { TEXT ("ACME") }, { DATE (20090, "2025-01-02") }, { DATE (20098, "2025-01-10") },
    { DATE (20097, "2025-01-09") }, { TEXT ("Delivered") }, { NUMBER (100, "100") },
    { NUMBER (2, "2") }, { NUMBER (1000.5, "1000.5") }, { TEXT ("yes") }, { TEXT ("On Time") },
    { NUMBER (5, "5") }, { EMPTY },
  },
  {
    { TEXT ("Ünïcödé") }, { DATE (20093, "2025-01-05") }, { EMPTY }, { EMPTY },
    { TEXT ("NÃO ENTREGUE") }, { NUMBER (0, "0") }, { EMPTY }, { NUMBER (-1e308, "-1e308") },
    { TEXT ("nein") }, { TEXT ("\xff\xfe late") }, { EMPTY }, { EMPTY },
  },
  {
    { EMPTY }, { EMPTY }, { DATE (20100, "2025-01-12") }, { DATE (20110, "2025-01-22") },
    { TEXT ("") }, { TEXT ("n/a") }, { NUMBER (1e308, "1e308") }, { EMPTY },
    { TEXT ("maybe") }, { TEXT ("\xc3") }, { NUMBER (0.5, "0.5") }, { EMPTY },
  },
};

static void
run (const char    *text,
     ScFormulaKind  kind)
{
  g_autoptr(ScFormula) formula = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *parts = NULL;
  g_autofree double *combined = NULL;
  guint error_pos = 0;
  guint n_parts;

  formula = sc_formula_parse (text, kind, &error_pos, &error);
  if (formula == NULL)
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (error_pos, >=, 1);
      g_assert_cmpuint (error_pos, <=, strlen (text) + 1);
      return;
    }

  n_parts = sc_formula_get_n_parts (formula);
  g_assert_cmpuint (n_parts, <=, SC_FORMULA_MAX_PARTS);
  parts = g_new (double, n_parts + 1);
  combined = g_new (double, n_parts + 1);

  /* Stored parts finish unbound */
  if (kind == SC_FORMULA_KPI)
    {
      sc_formula_init_parts (formula, parts);
      g_assert_false (isinf (sc_formula_finish (formula, parts)));
    }

  if (!sc_formula_bind (formula, columns, N_COLUMNS, &error_pos, &error))
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (error_pos, >=, 1);
      g_assert_cmpuint (error_pos, <=, strlen (text) + 1);
      return;
    }

  if (kind == SC_FORMULA_CONDITION)
    {
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        sc_formula_test_row (formula, rows[r]);
      return;
    }

  sc_formula_init_parts (formula, combined);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      sc_formula_init_parts (formula, parts);
      sc_formula_accumulate (formula, rows[r], parts);
      sc_formula_combine_parts (formula, combined, parts);
    }
  g_assert_false (isinf (sc_formula_finish (formula, combined)));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  run (text, SC_FORMULA_KPI);
  run (text, SC_FORMULA_CONDITION);

  return 0;
}
