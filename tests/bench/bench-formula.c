/* bench-formula.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Formula speed (docs/performance.md, "Formulas"): the four KPI formulas
 * of the transactions recipe accumulated over a million generated rows,
 * one formula at a time and all four on each row as the import runs them.
 * The rows cycle through a pool of 4,096, so they are in cache, as a row
 * just read by the import is.
 *
 *   bench-formula [N_ROWS]
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-formula.h"

#define POOL 4096
#define RUNS 5

static const ScFormulaColumn columns[] = {
  { "supplier", SC_CELL_TEXT },
  { "order_date", SC_CELL_DATE },
  { "due_date", SC_CELL_DATE },
  { "delivery_date", SC_CELL_DATE },
  { "status", SC_CELL_TEXT },
  { "quantity", SC_CELL_NUMBER },
  { "defective", SC_CELL_NUMBER },
  { "amount", SC_CELL_NUMBER },
};

#define N_COLUMNS G_N_ELEMENTS (columns)

static const char *formulas[] = {
  "100 * share(delivery_date <= due_date where status = \"Delivered\")",
  "1e6 * sum(defective where status = \"Delivered\") / sum(quantity where status = \"Delivered\")",
  "mean(days(order_date, delivery_date) where status = \"Delivered\")",
  "sum(amount)",
};

#define N_FORMULAS G_N_ELEMENTS (formulas)

static void
set_number (ScCell     *cell,
            ScCellType  type,
            double      number,
            GPtrArray  *texts)
{
  char *text = type == SC_CELL_DATE ? g_strdup_printf ("day %.0f", number)
                                    : g_strdup_printf ("%g", number);

  g_ptr_array_add (texts, text);
  cell->type = type;
  cell->number = number;
  cell->text = text;
  cell->length = strlen (text);
}

static void
set_text (ScCell     *cell,
          const char *text)
{
  cell->type = *text ? SC_CELL_TEXT : SC_CELL_EMPTY;
  cell->number = 0;
  cell->text = text;
  cell->length = strlen (text);
}

/* Order lines of a year: most delivered, some open (no delivery date) */
static ScCell *
make_rows (GPtrArray *texts)
{
  static const char *statuses[] = { "Delivered", "Delivered", "Delivered", "DELIVERED", "Open",
                                    "Cancelled", "In transit" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  ScCell *rows = g_new0 (ScCell, POOL * N_COLUMNS);

  for (guint r = 0; r < POOL; r++)
    {
      ScCell *row = rows + r * N_COLUMNS;
      double order = 20089 + g_rand_int_range (rand, 0, 365);
      const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];

      set_text (&row[0], "ACME Components");
      set_number (&row[1], SC_CELL_DATE, order, texts);
      set_number (&row[2], SC_CELL_DATE, order + g_rand_int_range (rand, 3, 15), texts);
      if (g_ascii_strcasecmp (status, "Delivered") == 0)
        set_number (&row[3], SC_CELL_DATE, order + g_rand_int_range (rand, 2, 20), texts);
      else
        set_text (&row[3], "");
      set_text (&row[4], status);
      set_number (&row[5], SC_CELL_NUMBER, g_rand_int_range (rand, 1, 1000), texts);
      if (g_rand_int_range (rand, 0, 20) == 0)
        set_text (&row[6], "");
      else
        set_number (&row[6], SC_CELL_NUMBER, g_rand_int_range (rand, 0, 5), texts);
      set_number (&row[7], SC_CELL_NUMBER, g_rand_int_range (rand, 100, 100000) / 100.0, texts);
    }

  return rows;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Accumulates @n_rows rows into each of @formulas; the best of RUNS
 * runs, in ns a row (the machines are shared: other work only adds).
 */
static double
time_rows (ScFormula   **list,
           guint         n_formulas,
           const ScCell *rows,
           guint         n_rows,
           double       *values)
{
  double runs[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      double parts[N_FORMULAS][SC_FORMULA_MAX_PARTS];
      gint64 start;

      for (guint f = 0; f < n_formulas; f++)
        sc_formula_init_parts (list[f], parts[f]);

      start = g_get_monotonic_time ();
      for (guint r = 0; r < n_rows; r++)
        {
          const ScCell *row = rows + (r % POOL) * N_COLUMNS;

          for (guint f = 0; f < n_formulas; f++)
            sc_formula_accumulate (list[f], row, parts[f]);
        }
      runs[run] = (g_get_monotonic_time () - start) * 1000.0 / n_rows;

      for (guint f = 0; f < n_formulas; f++)
        values[f] = sc_formula_finish (list[f], parts[f]);
    }

  qsort (runs, RUNS, sizeof (double), compare_doubles);
  return runs[0];
}

int
main (int   argc,
      char *argv[])
{
  guint n_rows = argc > 1 ? (guint) atoi (argv[1]) : 1000000;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree ScCell *rows = make_rows (texts);
  ScFormula *list[N_FORMULAS];
  double values[N_FORMULAS];
  double total = 0, together;
  gint64 start = g_get_monotonic_time ();

  for (guint f = 0; f < N_FORMULAS; f++)
    {
      g_autoptr(GError) error = NULL;

      list[f] = sc_formula_parse (formulas[f], SC_FORMULA_KPI, NULL, &error);
      if (list[f] == NULL || !sc_formula_bind (list[f], columns, N_COLUMNS, NULL, &error))
        g_error ("%s: %s", formulas[f], error->message);
    }
  printf ("parse and bind four formulas: %.1f µs\n", (g_get_monotonic_time () - start) / 1.0);
  printf ("rows %u (best of %d runs)\n", n_rows, RUNS);

  for (guint f = 0; f < N_FORMULAS; f++)
    {
      double ns = time_rows (&list[f], 1, rows, n_rows, &values[f]);

      total += ns;
      printf ("%6.1f ns/row  %-90s = %.6g\n", ns, formulas[f], values[f]);
    }

  together = time_rows (list, N_FORMULAS, rows, n_rows, values);
  printf ("%6.1f ns/row  all four on each row (%.1f ns/row one at a time)\n", together, total);

  for (guint f = 0; f < N_FORMULAS; f++)
    sc_formula_unref (list[f]);

  return 0;
}
