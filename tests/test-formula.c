/* test-formula.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the formula language of recipes (src/core/recipe/sc-formula*.c):
 * the KPI values a manager would check by hand on a few deliveries, every
 * function and operator, empty cells, the messages and positions of every
 * kind of error, the limits on hostile input, and the exact roll-up of a
 * quarter from its months' parts.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-formula.h"

/* Test data: rows written as "cell|cell|…", read by their column's type */

typedef struct
{
  const ScFormulaColumn *columns;
  guint                  n_columns;
  const char * const    *rows;
  guint                  n_rows;
} Table;

/* Deliveries, with the columns of the transactions recipe */
static const ScFormulaColumn delivery_columns[] = {
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
  { "In Full", SC_CELL_TEXT },
  { "Weird]Name", SC_CELL_NUMBER },
  { "Größe", SC_CELL_NUMBER },
};

static const char * const delivery_rows[] = {
  "ACME|2025-01-02|2025-01-10|2025-01-09|Delivered|100|2|1000|yes|On Time|In Full|1|5",
  "ACME|2025-01-05|2025-01-12|2025-01-15|Delivered|200|0|2000|no|Late|In Full|2|6",
  "ACME|2025-01-07|2025-01-14||Open|50||500||On Time|Short|3|",
  "ACME|2025-01-09|2025-01-16|2025-01-16|DELIVERED|150|3|1500|Ja|On time|IN FULL||7",
  "ACME|2025-01-11|2025-01-18|2025-01-20|Cancelled|0|0|0|nein|Late|Short|4|8",
  "ACME|2025-01-12|2025-01-19|2025-01-19|delivered|100|5||maybe|ON TIME|in full|5|9",
};

static const Table deliveries = {
  delivery_columns, G_N_ELEMENTS (delivery_columns),
  delivery_rows, G_N_ELEMENTS (delivery_rows),
};

/* The headers of another export, as in issue #14 */
static const ScFormulaColumn order_columns[] = {
  { "Ontime_Status", SC_CELL_TEXT },
  { "Defective_Units", SC_CELL_NUMBER },
  { "Quantity", SC_CELL_NUMBER },
  { "Order_Date", SC_CELL_DATE },
  { "Delivery_Date", SC_CELL_DATE },
  { "Order_Status", SC_CELL_TEXT },
  { "On Time", SC_CELL_TEXT },
  { "In Full", SC_CELL_TEXT },
};

static const char * const order_rows[] = {
  "Ontime|1|100|2025-02-01|2025-02-05|Delivered|On Time|In Full",
  "Late|0|300|2025-02-03|2025-02-13|Delivered|Late|In Full",
  "Ontime|4|100|2025-02-04|2025-02-06|Cancelled|On Time|Partial",
  "ontime||500|2025-02-10||Open|On Time|In Full",
};

static const Table orders = {
  order_columns, G_N_ELEMENTS (order_columns),
  order_rows, G_N_ELEMENTS (order_rows),
};

static double
day (const char *iso)
{
  GDate date, epoch;
  int y, m, d;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&date, 1);
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_set_dmy (&epoch, 1, 1, 1970);

  return (double) g_date_get_julian (&date) - g_date_get_julian (&epoch);
}

/* Fills @row from "a|b|c"; the cells point into @cells */
static void
read_row (const Table  *table,
          const char   *line,
          char       ***cells,
          ScCell       *row)
{
  *cells = g_strsplit (line, "|", -1);
  g_assert_cmpuint (g_strv_length (*cells), ==, table->n_columns);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *text = (*cells)[i];
      char *end;

      row[i].text = text;
      row[i].length = strlen (text);
      row[i].number = 0;
      row[i].type = SC_CELL_TEXT;

      if (*text == '\0')
        row[i].type = SC_CELL_EMPTY;
      else if (table->columns[i].type == SC_CELL_DATE)
        {
          row[i].type = SC_CELL_DATE;
          row[i].number = day (text);
        }
      else if (table->columns[i].type == SC_CELL_NUMBER)
        {
          row[i].number = g_ascii_strtod (text, &end);
          row[i].type = *end == '\0' ? SC_CELL_NUMBER : SC_CELL_TEXT;
        }
    }
}

static ScFormula *
parse_and_bind (const Table   *table,
                const char    *text,
                ScFormulaKind  kind)
{
  g_autoptr(ScFormula) formula = NULL;
  g_autoptr(GError) error = NULL;

  formula = sc_formula_parse (text, kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (formula);
  sc_formula_bind (formula, table->columns, table->n_columns, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&formula);
}

/* Accumulates rows [first, last) into @parts */
static void
accumulate_rows (ScFormula   *formula,
                 const Table *table,
                 guint        first,
                 guint        last,
                 double      *parts)
{
  g_autofree ScCell *row = g_new0 (ScCell, table->n_columns);

  for (guint r = first; r < last; r++)
    {
      g_auto(GStrv) cells = NULL;

      read_row (table, table->rows[r], &cells, row);
      sc_formula_accumulate (formula, row, parts);
    }
}

static double
evaluate (const Table *table,
          const char  *text)
{
  g_autoptr(ScFormula) formula = parse_and_bind (table, text, SC_FORMULA_KPI);
  g_autofree double *parts = g_new (double, sc_formula_get_n_parts (formula) + 1);

  sc_formula_init_parts (formula, parts);
  accumulate_rows (formula, table, 0, table->n_rows, parts);

  return sc_formula_finish (formula, parts);
}

#define assert_value(table, text, expected) \
  g_assert_cmpfloat_with_epsilon (evaluate (table, text), expected, 1e-9)

#define assert_nan(table, text) \
  g_assert_true (isnan (evaluate (table, text)))

/* Which rows a row filter keeps, as "0,2,5" */
static char *
filter_rows (const Table *table,
             const char  *text)
{
  g_autoptr(ScFormula) formula = parse_and_bind (table, text, SC_FORMULA_CONDITION);
  g_autofree ScCell *row = g_new0 (ScCell, table->n_columns);
  GString *kept = g_string_new (NULL);

  g_assert_cmpuint (sc_formula_get_n_parts (formula), ==, 0);
  for (guint r = 0; r < table->n_rows; r++)
    {
      g_auto(GStrv) cells = NULL;

      read_row (table, table->rows[r], &cells, row);
      if (sc_formula_test_row (formula, row))
        g_string_append_printf (kept, "%s%u", kept->len > 0 ? "," : "", r);
    }

  return g_string_free (kept, FALSE);
}

#define assert_filter(table, text, expected) \
  G_STMT_START { \
    g_autofree char *kept_ = filter_rows (table, text); \
    g_assert_cmpstr (kept_, ==, expected); \
  } G_STMT_END

/* Parses (and binds, with @table) @text, expecting an error; @message is
 * the whole message when it starts with "at character", else a part of it.
 */
static void
assert_error_full (const Table    *table,
                   ScFormulaKind   kind,
                   const char     *text,
                   ScFormulaError  code,
                   guint           position,
                   const char     *message)
{
  g_autoptr(ScFormula) formula = NULL;
  g_autoptr(GError) error = NULL;
  guint error_pos = 0;

  formula = sc_formula_parse (text, kind, &error_pos, &error);
  if (formula != NULL && table != NULL)
    g_assert_false (sc_formula_bind (formula, table->columns, table->n_columns, &error_pos,
                                     &error));

  if (error == NULL)
    g_error ("“%s” gave no error", text);
  if (!g_error_matches (error, SC_FORMULA_ERROR, code) || error_pos != position)
    g_error ("“%s”: %s (code %d, position %u; expected code %d, position %u)",
             text, error->message, error->code, error_pos, code, position);

  if (g_str_has_prefix (message, "at character"))
    g_assert_cmpstr (error->message, ==, message);
  else if (strstr (error->message, message) == NULL)
    g_error ("“%s”: “%s” does not say “%s”", text, error->message, message);
}

#define assert_error(text, code, position, message) \
  assert_error_full (&deliveries, SC_FORMULA_KPI, text, code, position, message)

/* The formulas of issue #14 and of the transactions recipe */

static void
test_recipe_formulas (void)
{
  assert_value (&deliveries, "100 * share(delivery_date <= due_date where status = \"Delivered\")",
                75);
  g_assert_cmpfloat (evaluate (&deliveries, "1e6 * sum(defective where status = \"Delivered\") / "
                                            "sum(quantity where status = \"Delivered\")"),
                     ==, 1e6 * 10 / 550);
  assert_value (&deliveries,
                "mean(days(order_date, delivery_date) where status = \"Delivered\")", 7.75);
  assert_value (&deliveries, "sum(amount)", 5000);
}

static void
test_issue_formulas (void)
{
  assert_value (&orders, "100 * share(Ontime_Status = \"Ontime\")", 75);
  assert_value (&orders, "1e6 * sum(Defective_Units) / sum(Quantity)", 5000);
  assert_value (&orders, "mean(days(Order_Date, Delivery_Date))", 16.0 / 3);
  assert_value (&orders, "count(Order_Status = \"Cancelled\")", 1);
  assert_value (&orders, "100 * share([On Time] = \"On Time\" and [In Full] = \"In Full\")", 50);
  assert_value (&deliveries, "100 * share([On Time] = \"On Time\" and [In Full] = \"In Full\")",
                50);
}

/* Aggregates */

static void
test_count (void)
{
  assert_value (&deliveries, "count()", 6);
  assert_value (&deliveries, "count(status = \"Open\")", 1);
  assert_value (&deliveries, "count(where status = \"Open\")", 1);
  assert_value (&deliveries, "count(defective > 0)", 3);
  assert_value (&deliveries, "count(defective > 0 where status = \"Delivered\")", 3);
  assert_value (&deliveries, "count(where status = \"Nobody\")", 0);
}

static void
test_sum_mean (void)
{
  assert_value (&deliveries, "sum(defective)", 10);
  assert_value (&deliveries, "sum(quantity where status = \"Delivered\")", 550);
  assert_value (&deliveries, "mean(defective)", 2);
  assert_value (&deliveries, "mean(quantity)", 100);
  /* A condition counts 1 when true, as in spreadsheets */
  assert_value (&deliveries, "sum(quantity > 100)", 2);
}

static void
test_min_max (void)
{
  assert_value (&deliveries, "min(defective)", 0);
  assert_value (&deliveries, "max(defective)", 5);
  assert_value (&deliveries, "min(order_date)", day ("2025-01-02"));
  assert_value (&deliveries, "max(delivery_date)", day ("2025-01-20"));
  assert_value (&deliveries, "max(days(order_date, delivery_date))", 10);
  assert_value (&deliveries, "min(quantity where status = \"Delivered\")", 100);
  assert_value (&deliveries, "days(min(order_date), max(delivery_date))", 18);
}

static void
test_share (void)
{
  assert_value (&deliveries, "share(defective > 0)", 0.6);
  assert_value (&deliveries, "share(status = \"Delivered\")", 4.0 / 6);
  assert_value (&deliveries, "100 * share(quantity >= 100 where status = \"Delivered\")", 100);
  assert_value (&deliveries, "share(defective > 0 or defective = 0)", 1);
}

static void
test_where_shared (void)
{
  /* Two aggregates with one where clause (run once a row) and a third
   * with another */
  assert_value (&deliveries,
                "sum(quantity where status = \"Delivered\") + count(where status = \"Delivered\")"
                " + 1000 * count(where status = \"Open\")",
                550 + 4 + 1000);
}

/* Operators */

static void
test_arithmetic (void)
{
  assert_value (&deliveries, "1 + 2 * 3", 7);
  assert_value (&deliveries, "(1 + 2) * 3", 9);
  assert_value (&deliveries, "10 - 4 - 3", 3);
  assert_value (&deliveries, "8 / 4 / 2", 1);
  assert_value (&deliveries, "-2 * 3", -6);
  assert_value (&deliveries, "2 * -3", -6);
  assert_value (&deliveries, "- -3", 3);
  assert_value (&deliveries, "-(1 + 2)", -3);
  assert_value (&deliveries, "+4", 4);
  assert_value (&deliveries, "0.5 + .25 + 1e3 + 2E-1", 1000.95);
  assert_value (&deliveries, "sum(quantity - defective * 2)", 530);
  assert_value (&deliveries, "-sum(defective)", -10);
  assert_value (&deliveries, "sum(-quantity)", -600);
}

static void
test_comparisons (void)
{
  assert_value (&deliveries, "1 + 2 = 3", 1);
  assert_value (&deliveries, "1 <> 1", 0);
  assert_value (&deliveries, "1 != 2", 1);
  assert_value (&deliveries, "1 == 1", 1);
  assert_value (&deliveries, "2 < 1", 0);
  assert_value (&deliveries, "2 <= 2", 1);
  assert_value (&deliveries, "2 > 1", 1);
  assert_value (&deliveries, "2 >= 3", 0);
  assert_value (&deliveries, "count(quantity > 100)", 2);
  assert_value (&deliveries, "count(100 < quantity)", 2);
  assert_value (&deliveries, "count(quantity <> 100)", 4);
  assert_value (&deliveries, "count(delivery_date > due_date)", 2);
  assert_value (&deliveries, "count(quantity * 2 >= 300)", 2);
}

static void
test_logic (void)
{
  assert_value (&deliveries, "1 < 2 and 2 < 1 or 1 = 1", 1);
  assert_value (&deliveries, "1 = 1 or 1 = 1 and 1 = 2", 1);
  assert_value (&deliveries, "not 1 = 2", 1);
  assert_value (&deliveries, "not 1 = 1 or 1 = 1", 1);
  assert_value (&deliveries, "not (1 = 1 or 1 = 1)", 0);
  assert_value (&deliveries, "NOT 1 = 1 AND 1 = 1", 0);
  assert_value (&deliveries, "not not 1 = 1", 1);
  /* An empty cell makes a comparison unknown: "or" with true is true,
   * "and" with true stays unknown, "not" of it too */
  assert_value (&deliveries, "count(defective > 0 or status = \"Open\")", 4);
  assert_value (&deliveries, "count(defective > 0 and status = \"Open\")", 0);
  assert_value (&deliveries, "count(not defective > 0)", 2);
  assert_value (&deliveries, "count(defective = 0 and not status = \"Cancelled\")", 1);
}

static void
test_text (void)
{
  /* Case-insensitive, in UTF-8 too */
  assert_value (&deliveries, "count(status = \"Delivered\")", 4);
  assert_value (&deliveries, "count(status = \"DELIVERED\")", 4);
  assert_value (&deliveries, "count(status <> \"delivered\")", 2);
  assert_value (&deliveries, "count(\"delivered\" = status)", 4);
  assert_value (&deliveries, "count([On Time] = [on time])", 6);
  assert_value (&deliveries, "count(status < \"E\")", 5);
  assert_value (&deliveries, "count(status >= \"open\")", 1);
  /* A number column compared with text compares the cells as written */
  assert_value (&deliveries, "count(quantity = \"100\")", 2);
}

static const ScFormulaColumn word_columns[] = {
  { "Lieferstatus", SC_CELL_TEXT },
  { "ok", SC_CELL_TEXT },
  { "flag", SC_CELL_NUMBER },
};

static const char * const word_rows[] = {
  "NÃO ENTREGUE|NÃO|1",
  "Não entregue|não|0",
  "Entregue|SIM|2",
  "ENTREGUE|Sí|",
  "İstanbul|Y|-1",
  "Straße|n|0.5",
};

static const Table words = {
  word_columns, G_N_ELEMENTS (word_columns), word_rows, G_N_ELEMENTS (word_rows),
};

static void
test_text_utf8 (void)
{
  assert_value (&words, "count(Lieferstatus = \"não entregue\")", 2);
  assert_value (&words, "count(Lieferstatus = \"entregue\")", 2);
  assert_value (&words, "count(Lieferstatus in (\"NÃO ENTREGUE\", \"straße\"))", 3);
  assert_value (&words, "count(lieferstatus = \"istanbul\")", 1);
  /* yes/no words in any case and language, numbers not 0 */
  assert_value (&words, "share(ok)", 3.0 / 6);
  assert_value (&words, "count(ok)", 3);
  assert_value (&words, "count(flag)", 4);
  assert_value (&words, "count(not flag)", 1);
}

static void
test_in (void)
{
  assert_value (&deliveries, "count(status in (\"open\", \"cancelled\"))", 2);
  assert_value (&deliveries, "count(status not in (\"Delivered\"))", 2);
  assert_value (&deliveries, "count(not status in (\"Delivered\", \"Open\"))", 1);
  assert_value (&deliveries, "count(quantity in (100, 200))", 3);
  assert_value (&deliveries, "count(quantity not in (100, -5))", 4);
  assert_value (&deliveries, "count(quantity in (\"100\", \"50\"))", 3);
  assert_value (&deliveries, "count(defective in (0, 2))", 3);
  assert_value (&deliveries, "count(defective not in (0, 2))", 2);
  assert_value (&deliveries, "count(delivery_date in (\"2025-01-09\", \"2025-01-16\"))", 2);
  assert_value (&deliveries, "count(quantity + 0 in (50))", 1);
  assert_value (&deliveries, "count() in (6, 7)", 1);
}

static void
test_is_empty (void)
{
  assert_value (&deliveries, "count(delivery_date is empty)", 1);
  assert_value (&deliveries, "count(amount is not empty)", 5);
  assert_value (&deliveries, "count(defective = \"\")", 1);
  assert_value (&deliveries, "count(on_time <> \"\")", 5);
  assert_value (&deliveries, "count(days(order_date, delivery_date) is empty)", 1);
  assert_value (&deliveries, "mean(quantity where status = \"Nobody\") is empty", 1);
  assert_value (&deliveries, "count(status IS NOT EMPTY)", 6);
}

static void
test_if (void)
{
  assert_value (&deliveries, "sum(if(status = \"Delivered\", quantity, 0))", 550);
  /* An unknown condition takes the third value, as in spreadsheets */
  assert_value (&deliveries, "sum(if(defective > 0, 1, 10))", 33);
  assert_value (&deliveries, "if(count() > 5, sum(defective), -1)", 10);
  assert_value (&deliveries, "if(count() > 6, sum(defective), -1)", -1);
  assert_value (&deliveries, "if(sum(defective) / count(where status = \"No\") > 1, 1, 2)", 2);
  assert_value (&deliveries, "max(if(status = \"Open\", order_date, due_date))",
                day ("2025-01-19"));
}

static void
test_days (void)
{
  assert_value (&deliveries, "sum(days(order_date, delivery_date))", 7 + 10 + 7 + 9 + 7);
  assert_value (&deliveries, "mean(days(\"2025-01-01\", order_date))", 40.0 / 6);
  assert_value (&deliveries, "count(days(due_date, delivery_date) > 0)", 2);
  /* As in spreadsheets, a date minus a date is days */
  assert_value (&deliveries, "sum(delivery_date - order_date)", 40);
  assert_value (&deliveries, "count(order_date + 7 <= due_date)", 6);
}

static void
test_date_literals (void)
{
  assert_value (&deliveries, "count(order_date >= \"2025-01-09\")", 3);
  assert_value (&deliveries, "count(\"2025-01-09\" < order_date)", 2);
  assert_value (&deliveries, "count(delivery_date = \"2025-01-16\")", 1);
  assert_value (&deliveries, "if(max(order_date) > \"2025-01-10\", 1, 0)", 1);
  assert_value (&deliveries, "days(\"2024-12-31\", \"2025-03-01\")", 60);
}

static void
test_abs_round (void)
{
  assert_value (&deliveries, "abs(sum(quantity * -1))", 600);
  assert_value (&deliveries, "sum(abs(quantity - 100))", 0 + 100 + 50 + 50 + 100 + 0);
  assert_value (&deliveries, "round(mean(defective) / 3, 2)", 0.67);
  assert_value (&deliveries, "round(2.5)", 3);
  assert_value (&deliveries, "round(-2.5)", -3);
  assert_value (&deliveries, "round(1234.5678, -2)", 1200);
  assert_value (&deliveries, "round(1234.5678, 1)", 1234.6);
  assert_value (&deliveries, "sum(round(amount / 300))", 3 + 7 + 2 + 5 + 0);
}

static void
test_empty_cells (void)
{
  /* Aggregates skip empty cells */
  assert_value (&deliveries, "count(defective >= 0)", 5);
  assert_value (&deliveries, "mean(amount)", 1000);
  /* No values: a sum is 0, the others have no data */
  assert_value (&deliveries, "sum(quantity where status = \"Nobody\")", 0);
  assert_value (&deliveries, "count(where status = \"Nobody\")", 0);
  assert_nan (&deliveries, "mean(quantity where status = \"Nobody\")");
  assert_nan (&deliveries, "min(quantity where status = \"Nobody\")");
  assert_nan (&deliveries, "max(delivery_date where status = \"Nobody\")");
  assert_nan (&deliveries, "share(quantity > 0 where status = \"Nobody\")");
  /* An unknown where clause leaves the row out */
  assert_value (&deliveries, "count(where defective < 1)", 2);
}

static void
test_division_by_zero (void)
{
  assert_nan (&deliveries, "1 / 0");
  assert_nan (&deliveries, "sum(defective) / count(where status = \"Nobody\")");
  /* In a row, it is unknown, and the aggregate skips the row */
  assert_value (&deliveries, "sum(amount / quantity)", 40);
  assert_value (&deliveries, "count(amount / quantity >= 0)", 4);
  /* Never an infinity */
  assert_nan (&deliveries, "1e308 * 10");
  assert_nan (&deliveries, "-1e308 * 10 + sum(quantity)");
  assert_nan (&deliveries, "1 / (1 / 0)");
}

static void
test_names (void)
{
  assert_value (&deliveries, "sum([Weird]]Name])", 15);
  assert_value (&deliveries, "sum([ Weird]]Name ])", 15);
  assert_value (&deliveries, "sum(Größe)", 35);
  assert_value (&deliveries, "sum(GRÖSSE)", 35);
  assert_value (&deliveries, "sum([größe])", 35);
  assert_value (&deliveries, "SUM(Quantity WHERE Status = \"delivered\")", 550);
  assert_value (&deliveries, "Count(Where STATUS In (\"open\"))", 1);
  assert_value (&deliveries, "sum ( quantity )", 600);
  assert_value (&deliveries, "sum(\n  quantity\n)\t+ 1", 601);
}

static const ScFormulaColumn quote_columns[] = {
  { "note", SC_CELL_TEXT },
  { "a.b", SC_CELL_NUMBER },
  { "_x1", SC_CELL_NUMBER },
};

static const char * const quote_rows[] = {
  "say \"hi\"|1|2",
  "C:\\path|3|4",
};

static const Table quotes = {
  quote_columns, G_N_ELEMENTS (quote_columns), quote_rows, G_N_ELEMENTS (quote_rows),
};

static void
test_strings (void)
{
  assert_value (&quotes, "count(note = \"say \"\"hi\"\"\")", 1);
  assert_value (&quotes, "count(note = \"say \\\"hi\\\"\")", 1);
  assert_value (&quotes, "count(note = \"c:\\path\")", 1);
  /* Quotes as word processors write them */
  assert_value (&quotes, "count(note = “C:\\PATH”)", 1);
  assert_value (&quotes, "sum(a.b) + sum(_x1)", 10);
}

static void
test_conditions (void)
{
  assert_filter (&deliveries, "status = \"Delivered\" and quantity > 100", "1,3");
  assert_filter (&deliveries, "on_time", "0,3");
  assert_filter (&deliveries, "not on_time", "1,4");
  assert_filter (&deliveries, "delivery_date is empty or defective > 4", "2,5");
  assert_filter (&deliveries, "defective", "0,3,5");
  assert_filter (&deliveries, "order_date >= \"2025-01-11\"", "4,5");
  assert_filter (&deliveries, "days(order_date, delivery_date) > 7 or amount = \"\"", "1,4,5");
  assert_filter (&deliveries, "if(defective > 0, 1, 0) = 0", "1,2,4");
}

/* The formula object */

static void
test_parts (void)
{
  g_autoptr(ScFormula) formula = NULL;
  g_autoptr(GError) error = NULL;
  double parts[8];

  formula = sc_formula_parse ("mean(quantity) + share(on_time) + count() + min(quantity) + "
                              "max(quantity) + sum(amount)",
                              SC_FORMULA_KPI, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_formula_get_n_parts (formula), ==, 8);
  g_assert_cmpint (sc_formula_get_kind (formula), ==, SC_FORMULA_KPI);
  g_assert_cmpstr (sc_formula_get_text (formula), ==,
                   "mean(quantity) + share(on_time) + count() + min(quantity) + "
                   "max(quantity) + sum(amount)");

  sc_formula_init_parts (formula, parts);
  g_assert_cmpfloat (parts[0], ==, 0);
  g_assert_cmpfloat (parts[3], ==, 0);
  g_assert_cmpfloat (parts[4], ==, 0);
  g_assert_true (isnan (parts[5]));
  g_assert_true (isnan (parts[6]));
  g_assert_cmpfloat (parts[7], ==, 0);

  g_assert_true (sc_formula_bind (formula, delivery_columns, G_N_ELEMENTS (delivery_columns),
                                  NULL, &error));
  accumulate_rows (formula, &deliveries, 0, deliveries.n_rows, parts);
  /* mean: [sum, n]; share: [true, known]; count: [n]; min; max; sum */
  g_assert_cmpfloat (parts[0], ==, 600);
  g_assert_cmpfloat (parts[1], ==, 6);
  g_assert_cmpfloat (parts[2], ==, 2);
  g_assert_cmpfloat (parts[3], ==, 4);
  g_assert_cmpfloat (parts[4], ==, 6);
  g_assert_cmpfloat (parts[5], ==, 0);
  g_assert_cmpfloat (parts[6], ==, 200);
  g_assert_cmpfloat (parts[7], ==, 5000);
  g_assert_cmpfloat (sc_formula_finish (formula, parts), ==, 100 + 0.5 + 6 + 0 + 200 + 5000);
}

/* A stored period's parts finish without the data's columns */
static void
test_finish_unbound (void)
{
  g_autoptr(ScFormula) formula = NULL;
  g_autoptr(GError) error = NULL;
  const double parts[] = { 10, 550 };

  formula = sc_formula_parse ("1e6 * sum(defective) / sum(quantity)", SC_FORMULA_KPI, NULL,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_formula_finish (formula, parts), ==, 1e6 * 10 / 550);
}

static void
test_columns (void)
{
  static const ScFormulaColumn reordered[] = {
    { "STATUS", SC_CELL_TEXT },
    { "due_date", SC_CELL_DATE },
    { "extra", SC_CELL_NUMBER },
    { "Delivery_Date", SC_CELL_DATE },
  };
  g_autoptr(ScFormula) formula = NULL;
  g_autoptr(GError) error = NULL;
  const guint *columns;
  guint n_columns = 99;

  formula = sc_formula_parse ("100 * share(delivery_date <= due_date where status = "
                              "\"Delivered\" and due_date is not empty)",
                              SC_FORMULA_KPI, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (sc_formula_get_columns (formula, &n_columns));
  g_assert_cmpuint (n_columns, ==, 0);

  g_assert_true (sc_formula_bind (formula, delivery_columns, G_N_ELEMENTS (delivery_columns),
                                  NULL, &error));
  columns = sc_formula_get_columns (formula, &n_columns);
  g_assert_cmpuint (n_columns, ==, 3);
  g_assert_cmpuint (columns[0], ==, 2);
  g_assert_cmpuint (columns[1], ==, 3);
  g_assert_cmpuint (columns[2], ==, 4);

  /* Bound again, to a file with other columns */
  g_assert_true (sc_formula_bind (formula, reordered, G_N_ELEMENTS (reordered), NULL, &error));
  columns = sc_formula_get_columns (formula, &n_columns);
  g_assert_cmpuint (n_columns, ==, 3);
  g_assert_cmpuint (columns[0], ==, 0);
  g_assert_cmpuint (columns[1], ==, 1);
  g_assert_cmpuint (columns[2], ==, 3);

  /* A failed binding leaves it unbound */
  g_assert_false (sc_formula_bind (formula, order_columns, G_N_ELEMENTS (order_columns), NULL,
                                   &error));
  g_assert_error (error, SC_FORMULA_ERROR, SC_FORMULA_ERROR_UNKNOWN_COLUMN);
  g_assert_null (sc_formula_get_columns (formula, &n_columns));
  g_assert_cmpuint (n_columns, ==, 0);
}

static void
test_ref (void)
{
  ScFormula *formula = sc_formula_parse ("count()", SC_FORMULA_KPI, NULL, NULL);

  g_assert_true (sc_formula_ref (formula) == formula);
  sc_formula_unref (formula);
  g_assert_cmpstr (sc_formula_get_text (formula), ==, "count()");
  sc_formula_unref (formula);
}

/* Roll-ups: a quarter from its months' parts is the formula over the
 * quarter's rows, exactly. Whole numbers keep the sums exact in doubles,
 * whatever order they are added in.
 */

static char **
make_quarter (guint *month_ends)
{
  static const char *statuses[] = { "Delivered", "Delivered", "Delivered", "Open", "Cancelled" };
  static const char *months[] = { "2025-01", "2025-02", "2025-03" };
  GPtrArray *rows = g_ptr_array_new ();

  for (guint m = 0; m < 3; m++)
    {
      guint n = g_test_rand_int_range (150, 300);

      for (guint i = 0; i < n; i++)
        {
          int d = g_test_rand_int_range (1, 29);
          int due = d + g_test_rand_int_range (0, 10);
          int late = g_test_rand_int_range (-3, 8);
          const char *status = statuses[g_test_rand_int_range (0, G_N_ELEMENTS (statuses))];
          gboolean delivered = g_strcmp0 (status, "Delivered") == 0 || late > 5;
          g_autofree char *delivery = NULL;
          g_autofree char *quantity = NULL;
          g_autofree char *defective = NULL;

          if (delivered)
            delivery = g_strdup_printf ("2025-%02u-%02d", m + 1 + (due + late > 28 ? 1 : 0),
                                        (due + late + 27) % 28 + 1);
          quantity = g_strdup_printf ("%d", g_test_rand_int_range (1, 1000));
          defective = g_test_rand_int_range (0, 10) == 0
                        ? g_strdup ("") : g_strdup_printf ("%d", g_test_rand_int_range (0, 6));

          g_ptr_array_add (rows, g_strdup_printf ("ACME|%s-%02d|2025-%02u-%02d|%s|%s|%s|%s|%d|%s"
                                                  "|x|y|1|2",
                                                  months[m], d, m + 1 + (due > 28 ? 1 : 0),
                                                  (due - 1) % 28 + 1, delivery ? delivery : "",
                                                  status, quantity, defective,
                                                  g_test_rand_int_range (-500, 5000),
                                                  late < 0 ? "no" : late < 6 ? "yes" : ""));
        }
      month_ends[m] = rows->len;
    }

  g_ptr_array_add (rows, NULL);
  return (char **) g_ptr_array_free (rows, FALSE);
}

static void
test_quarter_rollup (void)
{
  static const char *formulas[] = {
    "1e6 * sum(defective) / sum(quantity)",
    "100 * share(delivery_date <= due_date where status = \"Delivered\")",
    "1e6 * sum(defective where status = \"Delivered\") / "
    "sum(quantity where status = \"Delivered\")",
    "mean(days(order_date, delivery_date) where status = \"Delivered\")",
    "sum(amount)",
    "count()",
    "count(defective > 0) / count() * 100",
    "min(quantity where status = \"Delivered\") + max(days(order_date, delivery_date))",
    "share(on_time) - mean(amount) / 1000",
    "max(delivery_date) - min(order_date)",
  };
  g_auto(GStrv) rows = NULL;
  guint month_ends[3];
  Table quarter = { delivery_columns, G_N_ELEMENTS (delivery_columns), NULL, 0 };

  rows = make_quarter (month_ends);
  quarter.rows = (const char * const *) rows;
  quarter.n_rows = month_ends[2];

  for (guint f = 0; f < G_N_ELEMENTS (formulas); f++)
    {
      g_autoptr(ScFormula) formula = parse_and_bind (&quarter, formulas[f], SC_FORMULA_KPI);
      guint n_parts = sc_formula_get_n_parts (formula);
      g_autofree double *all = g_new (double, n_parts);
      g_autofree double *combined = g_new (double, n_parts);
      g_autofree double *month = g_new (double, n_parts);
      double direct, rolled;

      sc_formula_init_parts (formula, all);
      accumulate_rows (formula, &quarter, 0, quarter.n_rows, all);
      direct = sc_formula_finish (formula, all);

      sc_formula_init_parts (formula, combined);
      for (guint m = 0; m < 3; m++)
        {
          sc_formula_init_parts (formula, month);
          accumulate_rows (formula, &quarter, m > 0 ? month_ends[m - 1] : 0, month_ends[m],
                           month);
          sc_formula_combine_parts (formula, combined, month);
        }

      /* A period without stored parts (NaN) changes nothing */
      for (guint i = 0; i < n_parts; i++)
        month[i] = NAN;
      sc_formula_combine_parts (formula, combined, month);

      rolled = sc_formula_finish (formula, combined);
      g_assert_false (isnan (direct));
      if (rolled != direct)
        g_error ("%s: quarter %.17g, months rolled up %.17g", formulas[f], direct, rolled);
    }
}

/* Errors: what is wrong and where */

static void
test_syntax_errors (void)
{
  assert_error ("(1 + 2", SC_FORMULA_ERROR_SYNTAX, 7,
                "at character 7 of the formula: expected “)”");
  assert_error ("sum(quantity", SC_FORMULA_ERROR_SYNTAX, 13,
                "at character 13 of the formula: expected “)”");
  assert_error ("", SC_FORMULA_ERROR_SYNTAX, 1,
                "at character 1 of the formula: the formula is empty");
  assert_error ("  \n ", SC_FORMULA_ERROR_SYNTAX, 1, "the formula is empty");
  assert_error ("sum(quantity) +", SC_FORMULA_ERROR_SYNTAX, 16,
                "at character 16 of the formula: expected a number, a column or a function, "
                "not the end of the formula");
  assert_error ("count(status = \"Open)", SC_FORMULA_ERROR_SYNTAX, 16,
                "at character 16 of the formula: the text in quotes that starts here is not "
                "closed");
  assert_error ("sum([On Time)", SC_FORMULA_ERROR_SYNTAX, 5,
                "the column name in square brackets that starts here is not closed");
  assert_error ("sum([ ])", SC_FORMULA_ERROR_SYNTAX, 5, "the square brackets hold no column name");
  assert_error ("count(status = 'Open')", SC_FORMULA_ERROR_SYNTAX, 16,
                "text goes in double quotes");
  assert_error ("sum(quantity) # 2", SC_FORMULA_ERROR_SYNTAX, 15,
                "at character 15 of the formula: unexpected “#”");
  assert_error ("sum(quantity))", SC_FORMULA_ERROR_SYNTAX, 14,
                "at character 14 of the formula: “)” has no “(” before it");
  assert_error ("count(1 < quantity < 3)", SC_FORMULA_ERROR_SYNTAX, 20,
                "comparisons cannot follow each other");
  assert_error ("sum(Delivery Date)", SC_FORMULA_ERROR_SYNTAX, 14,
                "at character 14 of the formula: expected an operator or “)”, not “Date”; a "
                "column name with spaces goes in square brackets, as in [Delivery Date]");
  assert_error ("sum(quantity) where status = \"x\"", SC_FORMULA_ERROR_SYNTAX, 15,
                "“where” belongs inside the parentheses of an aggregate");
  assert_error ("abs(sum(quantity) where 1 = 1)", SC_FORMULA_ERROR_SYNTAX, 19,
                "“where” belongs inside");
  assert_error ("2e * count()", SC_FORMULA_ERROR_SYNTAX, 1, "“2e” is not a number");
  assert_error ("1.2.3", SC_FORMULA_ERROR_SYNTAX, 1, "“1.2.3” is not a number");
  assert_error ("1e999", SC_FORMULA_ERROR_SYNTAX, 1, "the number is too large");
  assert_error ("count(status is nothing)", SC_FORMULA_ERROR_SYNTAX, 17,
                "expected “empty” or “not empty”");
  assert_error ("count(status not \"x\")", SC_FORMULA_ERROR_SYNTAX, 18,
                "expected “in” after “not”");
  assert_error ("count(status in \"x\")", SC_FORMULA_ERROR_SYNTAX, 17, "expected “(” and a list");
  assert_error ("count(status in (quantity))", SC_FORMULA_ERROR_SYNTAX, 18,
                "the list after “in” takes numbers and text in quotes");
  assert_error ("count(status in (\"a\" \"b\"))", SC_FORMULA_ERROR_SYNTAX, 22,
                "expected “,” or “)”");
  assert_error ("1, 2", SC_FORMULA_ERROR_SYNTAX, 2, "unexpected “,” outside the parentheses");
  assert_error ("round(1 2)", SC_FORMULA_ERROR_SYNTAX, 9,
                "expected an operator, “,” or “)”, not “2”");
  assert_error ("count(and)", SC_FORMULA_ERROR_SYNTAX, 7,
                "expected a number, a column or a function, not “and”");
  assert_error ("sum(quantity) ! 2", SC_FORMULA_ERROR_SYNTAX, 15, "unexpected “!”");
  assert_error ("sum(\xff)", SC_FORMULA_ERROR_SYNTAX, 5, "not valid UTF-8");
  /* Positions count characters, not bytes */
  assert_error ("sum(größe) + ( 1", SC_FORMULA_ERROR_SYNTAX, 17, "expected “)”");
}

static void
test_unknown_columns (void)
{
  assert_error ("share(due_date<=[Delivery Date])", SC_FORMULA_ERROR_UNKNOWN_COLUMN, 17,
                "at character 17 of the formula: unknown column “Delivery Date” — did you "
                "mean “delivery_date”?");
  assert_error ("sum(quantiy)", SC_FORMULA_ERROR_UNKNOWN_COLUMN, 5,
                "unknown column “quantiy” — did you mean “quantity”?");
  assert_error ("count([In Fll] = \"x\")", SC_FORMULA_ERROR_UNKNOWN_COLUMN, 7,
                "did you mean “[In Full]”?");
  assert_error ("sum(größe) + sum(Lieferdatum)", SC_FORMULA_ERROR_UNKNOWN_COLUMN, 18,
                "at character 18 of the formula: unknown column “Lieferdatum”");
  assert_error_full (&orders, SC_FORMULA_KPI, "sum(Menge)", SC_FORMULA_ERROR_UNKNOWN_COLUMN, 5,
                     "at character 5 of the formula: unknown column “Menge”; the columns are "
                     "“Ontime_Status”, “Defective_Units”, “Quantity”, “Order_Date”, "
                     "“Delivery_Date”, “Order_Status”, “[On Time]”, “[In Full]”");
  assert_error_full (&words, SC_FORMULA_CONDITION, "ok and bad",
                     SC_FORMULA_ERROR_UNKNOWN_COLUMN, 8, "unknown column “bad”");
}

static void
test_unknown_functions (void)
{
  assert_error ("average(quantity)", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 1,
                "at character 1 of the formula: unknown function “average” — did you mean "
                "mean()?");
  assert_error ("100 * median(quantity)", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 7,
                "at character 7 of the formula: unknown function “median”; the functions are "
                "count, sum, mean, min, max, share, if, days, abs and round");
  assert_error ("sum()", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 1,
                "at character 1 of the formula: sum() takes one value, as in sum(quantity)");
  assert_error ("sum(where status = \"x\")", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 1,
                "sum() takes one value");
  assert_error ("sum(quantity, defective)", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 1,
                "sum() takes one value");
  assert_error ("count(status, quantity)", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 1,
                "count() takes nothing or one condition");
  assert_error ("mean(days(order_date))", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 6,
                "days() takes two dates");
  assert_error ("if(count() > 1, 2)", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 1,
                "if() takes three values");
  assert_error ("round(1, 2, 3)", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 1, "round() takes a value");
  assert_error ("abs()", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 1, "abs() takes one value");
  assert_error ("share()", SC_FORMULA_ERROR_UNKNOWN_FUNCTION, 1, "share() takes one condition");
}

static void
test_type_errors (void)
{
  assert_error ("sum(status)", SC_FORMULA_ERROR_TYPE, 1,
                "at character 1 of the formula: sum() needs numbers, but column “status” holds "
                "text");
  assert_error ("mean(days(quantity, delivery_date))", SC_FORMULA_ERROR_TYPE, 6,
                "at character 6 of the formula: days() needs dates, but column “quantity” holds "
                "numbers");
  assert_error ("quantity * 2", SC_FORMULA_ERROR_TYPE, 1,
                "at character 1 of the formula: column “quantity” must be inside an aggregate "
                "such as sum(quantity)");
  assert_error ("sum(quantity) / [On Time]", SC_FORMULA_ERROR_TYPE, 17,
                "column “On Time” must be inside an aggregate such as sum([On Time])");
  assert_error ("sum(count())", SC_FORMULA_ERROR_TYPE, 5,
                "at character 5 of the formula: count() cannot be inside sum(): an aggregate "
                "cannot contain another");
  assert_error ("count(order_date > 5)", SC_FORMULA_ERROR_TYPE, 18,
                "at character 18 of the formula: column “order_date” holds dates and 5 is a "
                "number, so they cannot be compared");
  assert_error ("count(order_date > \"soon\")", SC_FORMULA_ERROR_TYPE, 20,
                "“soon” is not a date; write dates as YYYY-MM-DD");
  assert_error ("count(order_date > \"2025-02-30\")", SC_FORMULA_ERROR_TYPE, 20,
                "is not a date");
  assert_error ("count(status = 5)", SC_FORMULA_ERROR_TYPE, 14,
                "column “status” holds text and 5 is a number, so they cannot be compared");
  assert_error ("count(quantity + 1 = \"5\")", SC_FORMULA_ERROR_TYPE, 20,
                "one side is a number and “5” is text, so they cannot be compared");
  assert_error ("share(order_date)", SC_FORMULA_ERROR_TYPE, 1,
                "share() needs a condition, but column “order_date” holds dates");
  assert_error ("count(\"yes\")", SC_FORMULA_ERROR_TYPE, 1,
                "count() needs a condition, but “yes” is text");
  assert_error ("min(status)", SC_FORMULA_ERROR_TYPE, 1,
                "min() needs numbers or dates, but column “status” holds text");
  assert_error ("mean(order_date)", SC_FORMULA_ERROR_TYPE, 1,
                "mean() needs numbers, but column “order_date” holds dates");
  assert_error ("sum(quantity + status)", SC_FORMULA_ERROR_TYPE, 14,
                "“+” needs numbers, but column “status” holds text");
  assert_error ("sum(quantity * order_date)", SC_FORMULA_ERROR_TYPE, 14,
                "“*” needs numbers, but column “order_date” holds dates");
  assert_error ("sum(\"abc\")", SC_FORMULA_ERROR_TYPE, 1, "sum() needs numbers, but “abc” is text");
  assert_error ("max(order_date) > \"later\"", SC_FORMULA_ERROR_TYPE, 19,
                "“later” is not a date");
  assert_error ("days(min(quantity), max(quantity))", SC_FORMULA_ERROR_TYPE, 1,
                "days() needs dates, but it gets a number");
  assert_error ("sum(if(status = \"x\", order_date, 1))", SC_FORMULA_ERROR_TYPE, 5,
                "if() gives a date in one case and a number in the other");
  assert_error ("sum(order_date + delivery_date)", SC_FORMULA_ERROR_TYPE, 16,
                "two dates cannot be added");
  assert_error ("sum(-order_date)", SC_FORMULA_ERROR_TYPE, 5, "“-” needs numbers");
  assert_error ("count(not order_date)", SC_FORMULA_ERROR_TYPE, 7,
                "“not” needs a condition, but column “order_date” holds dates");

  /* Row filters */
  assert_error_full (&deliveries, SC_FORMULA_CONDITION, "quantity > mean(quantity)",
                     SC_FORMULA_ERROR_TYPE, 12,
                     "at character 12 of the formula: a row filter looks at one row at a time, "
                     "so it cannot use the aggregate mean()");
  assert_error_full (&deliveries, SC_FORMULA_CONDITION, "order_date", SC_FORMULA_ERROR_TYPE, 1,
                     "a row filter needs a condition such as status = \"Delivered\", but column "
                     "“order_date” holds dates");
  assert_error_full (NULL, SC_FORMULA_CONDITION, "\"Delivered\"", SC_FORMULA_ERROR_TYPE, 1,
                     "a row filter needs a condition");
}

/* Limits: hostile input fails fast, with a clear error */

static char *
repeat (const char *head,
        const char *unit,
        guint       n,
        const char *tail)
{
  GString *s = g_string_new (head);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  g_string_append (s, tail);

  return g_string_free (s, FALSE);
}

static void
test_limit_length (void)
{
  g_autofree char *huge = repeat ("", "(", 1024 * 1024, "1");
  g_autofree char *parens = repeat ("", "(", 100000, "1");
  gint64 start = g_get_monotonic_time ();

  assert_error_full (NULL, SC_FORMULA_KPI, huge, SC_FORMULA_ERROR_TOO_COMPLEX,
                     SC_FORMULA_MAX_LENGTH + 1,
                     "at character 65537 of the formula: the formula is too long: the limit is "
                     "65536 bytes");

  parens = g_realloc (parens, 200002);
  memset (parens + 100001, ')', 100000);
  parens[200001] = '\0';
  assert_error_full (NULL, SC_FORMULA_KPI, parens, SC_FORMULA_ERROR_TOO_COMPLEX,
                     SC_FORMULA_MAX_LENGTH + 1, "the formula is too long");

  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
}

/* (((…1…))) nested @n deep */
static char *
nest (const char *open,
      guint       n,
      const char *inner)
{
  g_autofree char *head = repeat ("", open, n, inner);

  return repeat (head, ")", n, "");
}

static void
test_limit_depth (void)
{
  g_autofree char *deep = nest ("(", 30000, "1");
  g_autofree char *calls = nest ("abs(", SC_FORMULA_MAX_DEPTH + 1, "1");
  g_autofree char *waiting = repeat ("", "1 or 2 and 3 = 4 + 5 * (", 60, "1");
  g_autofree char *deepest = nest ("(", SC_FORMULA_MAX_DEPTH, "1");
  g_autofree char *calls_ok = nest ("abs(", SC_FORMULA_MAX_DEPTH - 1, "sum(-quantity)");
  gint64 start = g_get_monotonic_time ();

  assert_error_full (NULL, SC_FORMULA_KPI, deep, SC_FORMULA_ERROR_TOO_COMPLEX, 65,
                     "at character 65 of the formula: the formula is nested too deeply: the limit "
                     "is 64 parentheses and functions inside each other");
  assert_error_full (NULL, SC_FORMULA_KPI, calls, SC_FORMULA_ERROR_TOO_COMPLEX,
                     4 * SC_FORMULA_MAX_DEPTH + 1, "nested too deeply");

  /* Too many values waiting at once on the evaluator's stack: the 257th
   * is the "2" of the 52nd "1 or 2 and 3 = 4 + 5 * (" */
  assert_error_full (NULL, SC_FORMULA_KPI, waiting, SC_FORMULA_ERROR_TOO_COMPLEX, 51 * 24 + 6,
                     "too complex");

  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);

  /* At the limit, it works */
  assert_value (&deliveries, deepest, 1);
  assert_value (&deliveries, calls_ok, 600);
}

/* Long chains and prefixes are loops: nothing recurses through them */
static void
test_limit_chains (void)
{
  g_autofree char *chain = repeat ("1", " + 1", 16000, "");
  g_autofree char *minus = repeat ("", "- ", 30000, "1");
  g_autofree char *nots = repeat ("", "not ", 16000, "1 = 1");
  g_autofree char *rows = repeat ("sum(quantity", " + quantity", 5000, ")");
  g_autofree char *ands = repeat ("count(status = \"Delivered\"", " and quantity > 0", 3000, ")");

  assert_value (&deliveries, chain, 16001);
  assert_value (&deliveries, minus, 1);
  assert_value (&deliveries, nots, 1);
  assert_value (&deliveries, rows, 600 * 5001);
  assert_value (&deliveries, ands, 4);
}

static void
test_limit_parts (void)
{
  g_autofree char *ok = repeat ("mean(quantity)", " + mean(quantity)", 127, "");
  g_autofree char *too_many = repeat ("mean(quantity)", " + mean(quantity)", 128, "");

  assert_value (&deliveries, ok, 100 * 128);
  assert_error_full (NULL, SC_FORMULA_KPI, too_many, SC_FORMULA_ERROR_TOO_COMPLEX,
                     128 * 17 + 1,
                     "the formula has too many aggregates: the limit is 256 parts");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formula/recipe-formulas", test_recipe_formulas);
  g_test_add_func ("/formula/issue-formulas", test_issue_formulas);
  g_test_add_func ("/formula/count", test_count);
  g_test_add_func ("/formula/sum-mean", test_sum_mean);
  g_test_add_func ("/formula/min-max", test_min_max);
  g_test_add_func ("/formula/share", test_share);
  g_test_add_func ("/formula/where-shared", test_where_shared);
  g_test_add_func ("/formula/arithmetic", test_arithmetic);
  g_test_add_func ("/formula/comparisons", test_comparisons);
  g_test_add_func ("/formula/logic", test_logic);
  g_test_add_func ("/formula/text", test_text);
  g_test_add_func ("/formula/text-utf8", test_text_utf8);
  g_test_add_func ("/formula/in", test_in);
  g_test_add_func ("/formula/is-empty", test_is_empty);
  g_test_add_func ("/formula/if", test_if);
  g_test_add_func ("/formula/days", test_days);
  g_test_add_func ("/formula/date-literals", test_date_literals);
  g_test_add_func ("/formula/abs-round", test_abs_round);
  g_test_add_func ("/formula/empty-cells", test_empty_cells);
  g_test_add_func ("/formula/division-by-zero", test_division_by_zero);
  g_test_add_func ("/formula/names", test_names);
  g_test_add_func ("/formula/strings", test_strings);
  g_test_add_func ("/formula/conditions", test_conditions);
  g_test_add_func ("/formula/parts", test_parts);
  g_test_add_func ("/formula/finish-unbound", test_finish_unbound);
  g_test_add_func ("/formula/columns", test_columns);
  g_test_add_func ("/formula/ref", test_ref);
  g_test_add_func ("/formula/quarter-rollup", test_quarter_rollup);
  g_test_add_func ("/formula/errors/syntax", test_syntax_errors);
  g_test_add_func ("/formula/errors/unknown-column", test_unknown_columns);
  g_test_add_func ("/formula/errors/unknown-function", test_unknown_functions);
  g_test_add_func ("/formula/errors/type", test_type_errors);
  g_test_add_func ("/formula/limits/length", test_limit_length);
  g_test_add_func ("/formula/limits/depth", test_limit_depth);
  g_test_add_func ("/formula/limits/chains", test_limit_chains);
  g_test_add_func ("/formula/limits/parts", test_limit_parts);

  return g_test_run ();
}
