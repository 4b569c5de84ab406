/* sc-formula-eval.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running formulas: the stack machine over a row or over the parts, the
 * aggregates' accumulation, and the parts' combination across periods.
 * This is the import's inner loop (a million rows times a few formulas),
 * so it allocates nothing, and compares text without folding whole cells:
 * ASCII byte by byte, other characters one at a time.
 *
 * Values are doubles; NaN is "unknown" (an empty cell, a division by 0, a
 * comparison with an empty cell). A condition is 1, 0 or NaN, combined as
 * in SQL and spreadsheets: false and unknown is false, true or unknown is
 * true.
 */

#define G_LOG_DOMAIN "sc-formula"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-formula-private.h"

typedef struct
{
  double       number;
  const char  *text;     /* SC_MODE_TEXT values; NULL for an empty cell */
  gsize        length;
} ScValue;

static inline char
lower_ascii (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* The next character of @s, lowered; bytes that are not UTF-8 come out
 * past the last code point, so they never equal a character.
 */
static inline gunichar
next_lower (const char **s,
            const char  *end,
            gboolean     lower)
{
  gunichar c;

  if ((guchar) **s < 0x80)
    {
      c = (guchar) **s;
      (*s)++;
      return lower ? (gunichar) lower_ascii (c) : c;
    }

  c = g_utf8_get_char_validated (*s, end - *s);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return 0x110000 + (guchar) *(*s)++;

  *s = g_utf8_next_char (*s);
  return lower ? g_unichar_tolower (c) : c;
}

/* Compares @a lowered with @b, which is lowered already when @b_lowered */
static int
compare_text (const char *a,
              gsize       a_length,
              const char *b,
              gsize       b_length,
              gboolean    b_lowered)
{
  const char *a_end = a + a_length, *b_end = b + b_length;

  while (a < a_end && b < b_end)
    {
      gunichar x = next_lower (&a, a_end, TRUE);
      gunichar y = next_lower (&b, b_end, !b_lowered);

      if (x != y)
        return x < y ? -1 : 1;
    }

  return (a < a_end) - (b < b_end);
}

/* A cell equals a lowered literal. A character outside ASCII is at least
 * two bytes and lowers to at most one ASCII byte, so a cell equals an
 * ASCII literal of the same length only byte for byte, and never when it
 * is shorter.
 */
static inline gboolean
equal_text (const char   *text,
            gsize         length,
            const ScText *literal)
{
  if (literal->ascii)
    {
      gboolean plain = TRUE;

      if (length < literal->length)
        return FALSE;
      if (length == literal->length)
        {
          for (gsize i = 0; i < length; i++)
            if (lower_ascii (text[i]) != literal->lower[i])
              return FALSE;
          return TRUE;
        }

      for (gsize i = 0; i < length && plain; i++)
        plain = (guchar) text[i] < 0x80;
      if (plain)
        return FALSE;
    }

  return compare_text (text, length, literal->lower, literal->length, FALSE) == 0;
}

static inline double
cell_value (const ScCell *cell)
{
  return cell->type == SC_CELL_NUMBER || cell->type == SC_CELL_DATE ? cell->number : NAN;
}

/* yes/no words of the languages Scorecards is used in: one switch on
 * the lowered ASCII word, the two accented ones apart.
 */
static double
word_truth (const char *text,
            gsize       length)
{
  char word[6];

  if (length == 0 || length > 5)
    return NAN;

  for (gsize i = 0; i < length; i++)
    {
      if ((guchar) text[i] >= 0x80)
        {
          if (compare_text (text, length, "sí", strlen ("sí"), TRUE) == 0)
            return 1;
          if (compare_text (text, length, "não", strlen ("não"), TRUE) == 0)
            return 0;
          return NAN;
        }
      word[i] = lower_ascii (text[i]);
    }
  word[length] = '\0';

#define IS(w) (strcmp (word, w) == 0)
  if (IS ("yes") || IS ("y") || IS ("true") || IS ("x") || IS ("1") || IS ("ja") ||
      IS ("sim") || IS ("si") || IS ("oui"))
    return 1;
  if (IS ("no") || IS ("n") || IS ("false") || IS ("0") || IS ("nein") || IS ("nao") ||
      IS ("non"))
    return 0;
#undef IS

  return NAN;
}

static double
cell_truth (const ScCell *cell)
{
  switch (cell->type)
    {
    case SC_CELL_EMPTY:
      return NAN;
    case SC_CELL_NUMBER:
      return isnan (cell->number) ? NAN : cell->number != 0;
    case SC_CELL_DATE:
    case SC_CELL_TEXT:
    default:
      return word_truth (cell->text, cell->length);
    }
}

static inline double
compare_values (double a,
                double b,
                guint  op)
{
  if (isnan (a) || isnan (b))
    return NAN;

  switch (op)
    {
    case SC_COMPARE_EQ: return a == b;
    case SC_COMPARE_NE: return a != b;
    case SC_COMPARE_LT: return a < b;
    case SC_COMPARE_LE: return a <= b;
    case SC_COMPARE_GT: return a > b;
    case SC_COMPARE_GE:
    default:
      return a >= b;
    }
}

static inline double
compare_order (int   order,
               guint op)
{
  return compare_values (order, 0, op);
}

/* Text against text; an empty cell is unknown, except that = "" and
 * <> "" ask whether it is empty.
 */
static double
compare_texts (const ScValue *a,
               const ScValue *b,
               guint          op)
{
  if (a->text == NULL || b->text == NULL)
    {
      const ScValue *other = a->text == NULL ? b : a;

      if ((op == SC_COMPARE_EQ || op == SC_COMPARE_NE) && other->text != NULL &&
          other->length == 0)
        return op == SC_COMPARE_EQ;
      return NAN;
    }

  return compare_order (compare_text (a->text, a->length, b->text, b->length, FALSE), op);
}

static double
cell_compare_text (const ScCell *cell,
                   const ScText *literal,
                   guint         op)
{
  if (cell->type == SC_CELL_EMPTY)
    return NAN;

  if (op == SC_COMPARE_EQ || op == SC_COMPARE_NE)
    return equal_text (cell->text, cell->length, literal) == (op == SC_COMPARE_EQ);

  return compare_order (compare_text (cell->text, cell->length, literal->lower, literal->length,
                                      TRUE),
                        op);
}

static double
in_list (const char   *text,
         gsize         length,
         const ScList *list,
         gboolean      negated)
{
  if (text == NULL)
    return NAN;

  for (guint i = 0; i < list->n; i++)
    if (equal_text (text, length, &list->texts[i]))
      return !negated;

  return negated;
}

static double
in_numbers (double        x,
            const ScList *list,
            gboolean      negated)
{
  if (isnan (x))
    return NAN;

  for (guint i = 0; i < list->n; i++)
    if (x == list->numbers[i])
      return !negated;

  return negated;
}

static double
aggregate_value (guint         function,
                 const double *parts)
{
  switch (function)
    {
    case SC_FUNCTION_MEAN:
    case SC_FUNCTION_SHARE:
      return parts[1] > 0 ? parts[0] / parts[1] : NAN;
    case SC_FUNCTION_COUNT:
    case SC_FUNCTION_SUM:
    case SC_FUNCTION_MIN:
    case SC_FUNCTION_MAX:
    default:
      return parts[0];
    }
}

/* Half away from zero, to @digits decimals (negative: tens, hundreds) */
static double
round_to (double x,
          double digits)
{
  double scale, scaled;

  if (isnan (digits))
    return NAN;

  digits = CLAMP (trunc (digits), -15, 15);
  scale = pow (10, fabs (digits));
  scaled = digits >= 0 ? x * scale : x / scale;
  if (!isfinite (scaled))
    return x;

  scaled = round (scaled);
  return digits >= 0 ? scaled / scale : scaled * scale;
}

/* Kleene's three-valued logic on 1, 0 and NaN */
static inline double
and_values (double a,
            double b)
{
  if (a == 0 || b == 0)
    return 0;
  return isnan (a) || isnan (b) ? NAN : 1;
}

static inline double
or_values (double a,
           double b)
{
  if (a == 1 || b == 1)
    return 1;
  return isnan (a) || isnan (b) ? NAN : 0;
}

/* The instructions that push one value read from the row: the fused
 * row tests, which are whole programs in the common formulas.
 */
static inline double
row_value (const ScOp   *op,
           const ScCell *row)
{
  const ScCell *cell = &row[op->a];

  switch ((ScOpCode) op->code)
    {
    case SC_OP_NUMBER:
      return op->number;
    case SC_OP_COLUMN_VALUE:
      return cell_value (cell);
    case SC_OP_COLUMN_TRUTH:
      return cell_truth (cell);
    case SC_OP_COLUMN_COMPARE:
      return compare_values (cell_value (cell), op->number, op->op);
    case SC_OP_COLUMN_COMPARE_COLUMN:
      return compare_values (cell_value (cell), cell_value (&row[op->b]), op->op);
    case SC_OP_COLUMN_COMPARE_TEXT:
      return cell_compare_text (cell, op->text, op->op);
    case SC_OP_COLUMN_IN_TEXT:
      if (cell->type == SC_CELL_EMPTY)
        return NAN;
      return in_list (cell->text ? cell->text : "", cell->length, op->list, op->negated);
    case SC_OP_COLUMN_IS_EMPTY:
      return (cell->type == SC_CELL_EMPTY) != op->negated;
    case SC_OP_COLUMN_DAYS:
      return cell_value (&row[op->b]) - cell_value (cell);
    default:
      g_assert_not_reached ();
    }
}

static inline gboolean
is_row_value (const ScOp *op)
{
  return op->code == SC_OP_NUMBER || op->code == SC_OP_COLUMN_VALUE ||
         op->code == SC_OP_COLUMN_TRUTH || op->code >= SC_OP_COLUMN_COMPARE;
}

/* Runs @n_ops instructions on @row (row programs) or @parts (the outer
 * program); returns the value left on the stack. One switch, kept whole:
 * it is the loop the import spends its time in.
 */
double
sc_program_run (const ScOp   *op,
                guint         n_ops,
                const ScCell *row,
                const double *parts)
{
  ScValue stack[SC_FORMULA_STACK_SIZE];
  ScValue *top = stack;   /* the next free slot */
  const ScOp *end = op + n_ops;
  const ScCell *cell;

  for (; op < end; op++)
    {
      switch ((ScOpCode) op->code)
        {
        case SC_OP_NUMBER:
        case SC_OP_COLUMN_VALUE:
        case SC_OP_COLUMN_TRUTH:
          (top++)->number = row_value (op, row);
          break;
        case SC_OP_TEXT:
          top->text = op->text->lower;
          (top++)->length = op->text->length;
          break;
        case SC_OP_COLUMN_TEXT:
          cell = &row[op->a];
          top->text = cell->type == SC_CELL_EMPTY ? NULL : cell->text ? cell->text : "";
          (top++)->length = cell->type == SC_CELL_EMPTY ? 0 : cell->length;
          break;
        case SC_OP_AGGREGATE:
          (top++)->number = aggregate_value (op->op, parts + op->a);
          break;

        case SC_OP_NEGATE:
          top[-1].number = -top[-1].number;
          break;
        case SC_OP_NOT:
          top[-1].number = 1 - top[-1].number;
          break;
        case SC_OP_TO_CONDITION:
          top[-1].number = isnan (top[-1].number) ? NAN : top[-1].number != 0;
          break;
        case SC_OP_ADD:
          top--;
          top[-1].number += top->number;
          break;
        case SC_OP_SUBTRACT:
          top--;
          top[-1].number -= top->number;
          break;
        case SC_OP_MULTIPLY:
          top--;
          top[-1].number *= top->number;
          break;
        case SC_OP_DIVIDE:
          top--;
          top[-1].number = top->number == 0 ? NAN : top[-1].number / top->number;
          break;
        case SC_OP_COMPARE:
          top--;
          top[-1].number = compare_values (top[-1].number, top->number, op->op);
          break;
        case SC_OP_COMPARE_TEXT:
          top--;
          top[-1].number = compare_texts (&top[-1], top, op->op);
          break;
        case SC_OP_AND:
          top--;
          top[-1].number = and_values (top[-1].number, top->number);
          break;
        case SC_OP_OR:
          top--;
          top[-1].number = or_values (top[-1].number, top->number);
          break;
        case SC_OP_IN:
          top[-1].number = in_numbers (top[-1].number, op->list, op->negated);
          break;
        case SC_OP_IN_TEXT:
          top[-1].number = in_list (top[-1].text, top[-1].length, op->list, op->negated);
          break;
        case SC_OP_IS_EMPTY:
          top[-1].number = isnan (top[-1].number) != op->negated;
          break;
        case SC_OP_IS_EMPTY_TEXT:
          top[-1].number = (top[-1].text == NULL) != op->negated;
          break;
        case SC_OP_IF:
          /* An unknown condition takes the "otherwise" value, as spreadsheets do */
          top -= 2;
          top[-1].number = top[-1].number == 1 ? top[0].number : top[1].number;
          break;
        case SC_OP_DAYS:
          top--;
          top[-1].number = top->number - top[-1].number;
          break;
        case SC_OP_ABS:
          top[-1].number = fabs (top[-1].number);
          break;
        case SC_OP_ROUND:
          if (op->a == 2)
            top--;
          top[-1].number = round_to (top[-1].number, op->a == 2 ? top->number : 0);
          break;

        case SC_OP_COLUMN_COMPARE:
        case SC_OP_COLUMN_COMPARE_COLUMN:
        case SC_OP_COLUMN_COMPARE_TEXT:
        case SC_OP_COLUMN_IN_TEXT:
        case SC_OP_COLUMN_IS_EMPTY:
        case SC_OP_COLUMN_DAYS:
          (top++)->number = row_value (op, row);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return top > stack ? top[-1].number : NAN;
}

/* A program of one instruction, the common case, runs without the
 * machine's loop and stack.
 */
static inline double
run_row (const ScOp   *ops,
         guint         n_ops,
         const ScCell *row)
{
  if (n_ops == 1 && is_row_value (ops))
    return row_value (ops, row);

  return sc_program_run (ops, n_ops, row, NULL);
}

/* Public API */

void
sc_formula_init_parts (ScFormula *self,
                       double    *parts)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (parts != NULL || self->n_parts == 0);

  for (guint i = 0; i < self->n_parts; i++)
    parts[i] = self->part_combine[i] == SC_PART_ADD ? 0 : NAN;
}

void
sc_formula_accumulate (ScFormula    *self,
                       const ScCell *row,
                       double       *parts)
{
  gboolean passes[SC_FORMULA_MAX_PARTS];
  const ScProgram *program;
  const ScOp *ops;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->kind == SC_FORMULA_CONDITION || self->rows != NULL);

  program = self->rows;
  if (program == NULL || program->n_aggregates == 0)
    return;

  ops = (const ScOp *) (gpointer) program->ops->data;

  for (guint w = 0; w < program->n_wheres; w++)
    passes[w] = run_row (ops + program->where_start[w], program->where_length[w], row) == 1;

  for (guint i = 0; i < program->n_aggregates; i++)
    {
      const ScAggregate *aggregate = &program->aggregates[i];
      double *p = parts + aggregate->part;
      double v;

      if (aggregate->where >= 0 && !passes[aggregate->where])
        continue;

      if (aggregate->length == 0)   /* count() */
        {
          p[0] += 1;
          continue;
        }

      v = run_row (ops + aggregate->start, aggregate->length, row);
      if (isnan (v))
        continue;

      switch (aggregate->function)
        {
        case SC_FUNCTION_COUNT:
          p[0] += v == 1;
          break;
        case SC_FUNCTION_SUM:
          p[0] += v;
          break;
        case SC_FUNCTION_MEAN:
          p[0] += v;
          p[1] += 1;
          break;
        case SC_FUNCTION_SHARE:
          p[0] += v == 1;
          p[1] += 1;
          break;
        case SC_FUNCTION_MIN:
          if (!(v >= p[0]))
            p[0] = v;
          break;
        case SC_FUNCTION_MAX:
          if (!(v <= p[0]))
            p[0] = v;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* A part that is NaN (a period without stored parts) adds nothing */
void
sc_formula_combine_parts (ScFormula    *self,
                          double       *into,
                          const double *parts)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->n_parts; i++)
    {
      double p = parts[i];

      if (isnan (p))
        continue;

      switch (self->part_combine[i])
        {
        case SC_PART_ADD:
          into[i] = isnan (into[i]) ? p : into[i] + p;
          break;
        case SC_PART_MIN:
          if (!(p >= into[i]))
            into[i] = p;
          break;
        case SC_PART_MAX:
          if (!(p <= into[i]))
            into[i] = p;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

double
sc_formula_finish (ScFormula    *self,
                   const double *parts)
{
  double value;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (self->outer != NULL, NAN);

  value = sc_program_run ((const ScOp *) (gpointer) self->outer->ops->data,
                          self->outer->ops->len, NULL, parts);

  return isfinite (value) ? value : NAN;
}

gboolean
sc_formula_test_row (ScFormula    *self,
                     const ScCell *row)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->kind == SC_FORMULA_CONDITION, FALSE);
  g_return_val_if_fail (self->rows != NULL, FALSE);

  return run_row ((const ScOp *) (gpointer) self->rows->ops->data, self->rows->ops->len,
                  row) == 1;
}
