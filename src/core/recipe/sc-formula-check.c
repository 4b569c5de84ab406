/* sc-formula-check.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Types: what each node of a formula holds (a number, a date, text, a
 * condition), whether its parent reads it as a value, as text or as a
 * condition, and the messages when a kind does not fit ("sum() needs
 * numbers, but column “status” holds text"). Runs once when parsing, with
 * every column of unknown type, and again when binding, with the columns'
 * types. Nodes are in postfix order, so one pass from the front sees every
 * child before its parent.
 */

#define G_LOG_DOMAIN "sc-formula"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>

#include "sc-formula-private.h"

typedef enum
{
  NEED_NUMBERS,
  NEED_DATES,
  NEED_NUMBERS_OR_DATES,
  NEED_CONDITION,
} Need;

typedef struct
{
  ScFormula             *self;
  const ScNode          *nodes;
  ScNodeInfo            *info;
  const ScFormulaColumn *columns;   /* NULL before binding */
  guint                 *error_pos;
  GError               **error;
} Check;

static gboolean fail (Check      *c,
                      guint32     at,
                      const char *format,
                      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Check      *c,
      guint32     at,
      const char *format,
      ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  sc_formula_set_error (c->self->text, c->nodes[at].offset, c->error_pos, c->error,
                        SC_FORMULA_ERROR_TYPE, "%s", detail);
  return FALSE;
}

/* What a node is, for "… but %s" */
static char *
describe (Check   *c,
          guint32  i)
{
  const ScNode *node = &c->nodes[i];
  ScType type = c->info[i].type;

  if (node->kind == SC_NODE_COLUMN)
    {
      const char *name = c->columns ? c->columns[c->info[i].column].name : node->text;

      switch (type)
        {
        case SC_TYPE_TEXT:
          return g_strdup_printf (_("column “%s” holds text"), name);
        case SC_TYPE_DATE:
          return g_strdup_printf (_("column “%s” holds dates"), name);
        case SC_TYPE_NUMBER:
        case SC_TYPE_BOOL:
        case SC_TYPE_ANY:
        default:
          return g_strdup_printf (_("column “%s” holds numbers"), name);
        }
    }

  if (node->kind == SC_NODE_STRING)
    return g_strdup_printf (type == SC_TYPE_DATE ? _("“%s” is a date") : _("“%s” is text"),
                            node->text);
  if (node->kind == SC_NODE_NUMBER)
    return g_strdup_printf (_("%s is a number"), node->text);

  switch (type)
    {
    case SC_TYPE_DATE:
      return g_strdup (_("it gets a date"));
    case SC_TYPE_TEXT:
      return g_strdup (_("it gets text"));
    case SC_TYPE_BOOL:
      return g_strdup (_("it gets a condition (true or false)"));
    case SC_TYPE_NUMBER:
    case SC_TYPE_ANY:
    default:
      return g_strdup (_("it gets a number"));
    }
}

/* What one side of a comparison is, for "%s and %s, so they cannot be
 * compared"
 */
static char *
describe_side (Check   *c,
               guint32  i)
{
  ScNodeKind kind = c->nodes[i].kind;

  if (kind == SC_NODE_COLUMN || kind == SC_NODE_STRING || kind == SC_NODE_NUMBER)
    return describe (c, i);

  switch (c->info[i].type)
    {
    case SC_TYPE_DATE:
      return g_strdup (_("one side is a date"));
    case SC_TYPE_TEXT:
      return g_strdup (_("one side is text"));
    case SC_TYPE_BOOL:
      return g_strdup (_("one side is a condition (true or false)"));
    case SC_TYPE_NUMBER:
    case SC_TYPE_ANY:
    default:
      return g_strdup (_("one side is a number"));
    }
}

/* The operator or function of a node, as written */
static char *
node_name (Check   *c,
           guint32  i)
{
  static const char *compare_names[] = { "=", "<>", "<", "<=", ">", ">=" };
  const ScNode *node = &c->nodes[i];

  switch (node->kind)
    {
    case SC_NODE_NEGATE:
    case SC_NODE_SUBTRACT:
      return g_strdup ("“-”");
    case SC_NODE_NOT:
      return g_strdup ("“not”");
    case SC_NODE_ADD:
      return g_strdup ("“+”");
    case SC_NODE_MULTIPLY:
      return g_strdup ("“*”");
    case SC_NODE_DIVIDE:
      return g_strdup ("“/”");
    case SC_NODE_COMPARE:
      return g_strdup_printf ("“%s”", compare_names[node->op]);
    case SC_NODE_AND:
      return g_strdup ("“and”");
    case SC_NODE_OR:
      return g_strdup ("“or”");
    case SC_NODE_IN:
      return g_strdup ("“in”");
    case SC_NODE_IS_EMPTY:
      return g_strdup ("“is empty”");
    case SC_NODE_CALL:
    case SC_NODE_AGGREGATE:
      return g_strdup_printf ("%s()", sc_formula_functions[node->op].name);
    case SC_NODE_NUMBER:
    case SC_NODE_STRING:
    case SC_NODE_COLUMN:
    default:
      return g_strdup (_("the formula"));
    }
}

static gboolean
fail_need (Check   *c,
           guint32  at,
           guint32  operand,
           Need     need)
{
  g_autofree char *what = node_name (c, at);
  g_autofree char *but = describe (c, operand);

  switch (need)
    {
    case NEED_DATES:
      /* Translators: "days() needs dates, but column “quantity” holds numbers" */
      return fail (c, at, _("%s needs dates, but %s"), what, but);
    case NEED_NUMBERS_OR_DATES:
      return fail (c, at, _("%s needs numbers or dates, but %s"), what, but);
    case NEED_CONDITION:
      return fail (c, at, _("%s needs a condition, but %s"), what, but);
    case NEED_NUMBERS:
    default:
      /* Translators: "sum() needs numbers, but column “status” holds text" */
      return fail (c, at, _("%s needs numbers, but %s"), what, but);
    }
}

static gboolean
fail_compare (Check   *c,
              guint32  at,
              guint32  a,
              guint32  b)
{
  g_autofree char *first = describe_side (c, a);
  g_autofree char *second = describe_side (c, b);

  /* Translators: "column “order_date” holds dates and 5 is a number, so …" */
  return fail (c, at, _("%s and %s, so they cannot be compared"), first, second);
}

/* A literal in quotes where a date belongs */
static gboolean
read_date (Check   *c,
           guint32  i)
{
  ScNodeInfo *info = &c->info[i];

  if (info->is_date)
    return TRUE;

  if (!sc_formula_parse_day (c->nodes[i].text, &info->day))
    return fail (c, i, _("“%s” is not a date; write dates as YYYY-MM-DD, as in \"2025-03-31\""),
                 c->nodes[i].text);

  info->is_date = TRUE;
  info->type = SC_TYPE_DATE;
  return TRUE;
}

static gboolean
is_numeric (ScType type)
{
  return type == SC_TYPE_NUMBER || type == SC_TYPE_BOOL || type == SC_TYPE_ANY;
}

static gboolean
use_number (Check   *c,
            guint32  at,
            guint32  operand)
{
  if (!is_numeric (c->info[operand].type))
    return fail_need (c, at, operand, NEED_NUMBERS);

  c->info[operand].mode = SC_MODE_VALUE;
  return TRUE;
}

static gboolean
use_date (Check   *c,
          guint32  at,
          guint32  operand)
{
  ScType type = c->info[operand].type;

  if (c->nodes[operand].kind == SC_NODE_STRING)
    {
      if (!read_date (c, operand))
        return FALSE;
    }
  else if (type != SC_TYPE_DATE && type != SC_TYPE_ANY)
    return fail_need (c, at, operand, NEED_DATES);

  c->info[operand].mode = SC_MODE_VALUE;
  return TRUE;
}

/* Any value but a date or a text literal is a condition: a column of
 * yes/no words, a number (not 0) or a comparison.
 */
static gboolean
use_condition (Check   *c,
               guint32  at,
               guint32  operand)
{
  ScType type = c->info[operand].type;

  if (type == SC_TYPE_DATE || (type == SC_TYPE_TEXT && c->nodes[operand].kind != SC_NODE_COLUMN))
    return fail_need (c, at, operand, NEED_CONDITION);

  c->info[operand].mode = SC_MODE_CONDITION;
  return TRUE;
}

static gboolean
check_arithmetic (Check   *c,
                  guint32  i)
{
  const ScNode *node = &c->nodes[i];
  guint32 a = node->args[0], b = node->args[1];
  ScType ta = c->info[a].type, tb = c->info[b].type;
  gboolean dates = node->kind == SC_NODE_ADD || node->kind == SC_NODE_SUBTRACT;

  /* Dates take part in + and - only, as in spreadsheets */
  for (guint k = 0; k < 2; k++)
    {
      guint32 operand = node->args[k];
      ScType type = c->info[operand].type;

      if (type == SC_TYPE_TEXT || (type == SC_TYPE_DATE && !dates))
        return fail_need (c, i, operand, NEED_NUMBERS);
      c->info[operand].mode = SC_MODE_VALUE;
    }

  c->info[i].type = SC_TYPE_NUMBER;
  if (!dates)
    return TRUE;

  if (node->kind == SC_NODE_ADD && ta == SC_TYPE_DATE && tb == SC_TYPE_DATE)
    return fail (c, i, _("two dates cannot be added; days(a, b) gives the days from one "
                         "to the other"));
  if (node->kind == SC_NODE_SUBTRACT && tb == SC_TYPE_DATE && ta != SC_TYPE_DATE &&
      ta != SC_TYPE_ANY)
    return fail (c, i, _("a date cannot be taken from a number"));

  if (node->kind == SC_NODE_SUBTRACT && tb == SC_TYPE_DATE)
    c->info[i].type = SC_TYPE_NUMBER;                      /* days between */
  else if (ta == SC_TYPE_DATE || tb == SC_TYPE_DATE)
    c->info[i].type = tb == SC_TYPE_ANY && node->kind == SC_NODE_SUBTRACT ? SC_TYPE_ANY
                                                                          : SC_TYPE_DATE;
  else if (ta == SC_TYPE_ANY || tb == SC_TYPE_ANY)
    c->info[i].type = SC_TYPE_ANY;

  return TRUE;
}

/* Outside aggregates, a KPI formula has no text: "…" there is a date */
static gboolean
is_outer (Check   *c,
          guint32  i)
{
  return c->self->kind == SC_FORMULA_KPI && !(c->nodes[i].flags & SC_NODE_IN_AGGREGATE);
}

static void
set_text_compare (Check   *c,
                  guint32  i,
                  guint32  a,
                  guint32  b)
{
  c->info[i].text_compare = TRUE;
  c->info[a].mode = SC_MODE_TEXT;
  if (b != SC_NODE_NONE)
    c->info[b].mode = SC_MODE_TEXT;
}

/* Text with text; a column with text (its cells as written); a date with
 * a date in quotes; numbers with numbers.
 */
static gboolean
check_compare (Check   *c,
               guint32  i)
{
  guint32 a = c->nodes[i].args[0], b = c->nodes[i].args[1];
  ScType ta = c->info[a].type, tb = c->info[b].type;

  c->info[i].type = SC_TYPE_BOOL;
  c->info[a].mode = SC_MODE_VALUE;
  c->info[b].mode = SC_MODE_VALUE;

  if (ta == SC_TYPE_TEXT || tb == SC_TYPE_TEXT)
    {
      guint32 text = ta == SC_TYPE_TEXT ? a : b, other = ta == SC_TYPE_TEXT ? b : a;
      ScType to = c->info[other].type;

      if (to == SC_TYPE_DATE)
        return c->nodes[text].kind == SC_NODE_STRING ? read_date (c, text)
                                                     : fail_compare (c, i, a, b);

      if (to != SC_TYPE_TEXT && c->nodes[other].kind != SC_NODE_COLUMN &&
          !(to == SC_TYPE_ANY && c->columns == NULL))
        return fail_compare (c, i, a, b);

      set_text_compare (c, i, a, b);
      return TRUE;
    }

  if ((ta == SC_TYPE_DATE && tb != SC_TYPE_DATE && tb != SC_TYPE_ANY) ||
      (tb == SC_TYPE_DATE && ta != SC_TYPE_DATE && ta != SC_TYPE_ANY))
    return fail_compare (c, i, a, b);

  return TRUE;
}

/* x in (…): the items are the n_items nodes just before this one */
static gboolean
check_in (Check   *c,
          guint32  i)
{
  const ScNode *node = &c->nodes[i];
  guint32 x = node->args[0], first = i - node->n_items;
  ScType tx = c->info[x].type;
  gboolean all_numbers = TRUE;

  c->info[i].type = SC_TYPE_BOOL;
  c->info[x].mode = SC_MODE_VALUE;

  for (guint32 item = first; item < i; item++)
    all_numbers &= c->nodes[item].kind == SC_NODE_NUMBER;

  if (tx == SC_TYPE_DATE || is_outer (c, i))
    {
      for (guint32 item = first; item < i; item++)
        {
          if (c->nodes[item].kind == SC_NODE_STRING)
            {
              if (!read_date (c, item))
                return FALSE;
            }
          else if (tx == SC_TYPE_DATE)
            return fail_compare (c, i, x, item);
        }
      return TRUE;
    }

  if (tx == SC_TYPE_TEXT ||
      (!all_numbers && (c->nodes[x].kind == SC_NODE_COLUMN ||
                        (tx == SC_TYPE_ANY && c->columns == NULL))))
    {
      set_text_compare (c, i, x, SC_NODE_NONE);
      return TRUE;
    }

  for (guint32 item = first; item < i; item++)
    if (c->nodes[item].kind == SC_NODE_STRING)
      return fail_compare (c, i, x, item);

  return TRUE;
}

static gboolean
check_call (Check   *c,
            guint32  i)
{
  const ScNode *node = &c->nodes[i];
  const guint32 *args = node->args;
  ScType t1, t2;

  c->info[i].type = SC_TYPE_NUMBER;

  switch ((ScFunction) node->op)
    {
    case SC_FUNCTION_IF:
      if (!use_condition (c, i, args[0]))
        return FALSE;
      for (guint k = 1; k < 3; k++)
        {
          if (c->info[args[k]].type == SC_TYPE_TEXT)
            return fail_need (c, i, args[k], NEED_NUMBERS_OR_DATES);
          c->info[args[k]].mode = SC_MODE_VALUE;
        }
      t1 = c->info[args[1]].type;
      t2 = c->info[args[2]].type;
      if ((t1 == SC_TYPE_DATE && t2 != SC_TYPE_DATE && t2 != SC_TYPE_ANY) ||
          (t2 == SC_TYPE_DATE && t1 != SC_TYPE_DATE && t1 != SC_TYPE_ANY))
        return fail (c, i, _("if() gives a date in one case and a number in the other"));
      if (t1 == t2 || t1 == SC_TYPE_DATE || t2 == SC_TYPE_DATE)
        c->info[i].type = t1 == SC_TYPE_ANY ? t2 : t1;
      return TRUE;

    case SC_FUNCTION_DAYS:
      return use_date (c, i, args[0]) && use_date (c, i, args[1]);

    case SC_FUNCTION_ABS:
      return use_number (c, i, args[0]);

    case SC_FUNCTION_ROUND:
      return use_number (c, i, args[0]) && (node->n_args < 2 || use_number (c, i, args[1]));

    case SC_FUNCTION_COUNT:
    case SC_FUNCTION_SUM:
    case SC_FUNCTION_MEAN:
    case SC_FUNCTION_MIN:
    case SC_FUNCTION_MAX:
    case SC_FUNCTION_SHARE:
    case SC_N_FUNCTIONS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_aggregate (Check   *c,
                 guint32  i)
{
  const ScNode *node = &c->nodes[i];
  guint32 arg = node->args[0];
  ScType type;

  c->info[i].type = SC_TYPE_NUMBER;

  if (node->where != SC_NODE_NONE && !use_condition (c, i, node->where))
    return FALSE;

  switch ((ScFunction) node->op)
    {
    case SC_FUNCTION_COUNT:
      return node->n_args == 0 || use_condition (c, i, arg);

    case SC_FUNCTION_SHARE:
      return use_condition (c, i, arg);

    case SC_FUNCTION_SUM:
    case SC_FUNCTION_MEAN:
      return use_number (c, i, arg);

    case SC_FUNCTION_MIN:
    case SC_FUNCTION_MAX:
      type = c->info[arg].type;
      if (type == SC_TYPE_TEXT)
        return fail_need (c, i, arg, NEED_NUMBERS_OR_DATES);
      if (type == SC_TYPE_DATE || type == SC_TYPE_ANY)
        c->info[i].type = type;
      c->info[arg].mode = SC_MODE_VALUE;
      return TRUE;

    case SC_FUNCTION_IF:
    case SC_FUNCTION_DAYS:
    case SC_FUNCTION_ABS:
    case SC_FUNCTION_ROUND:
    case SC_N_FUNCTIONS:
    default:
      g_assert_not_reached ();
    }
}

static ScType
column_type (ScCellType type)
{
  switch (type)
    {
    case SC_CELL_NUMBER:
      return SC_TYPE_NUMBER;
    case SC_CELL_DATE:
      return SC_TYPE_DATE;
    case SC_CELL_TEXT:
      return SC_TYPE_TEXT;
    case SC_CELL_EMPTY:
    default:
      return SC_TYPE_ANY;
    }
}

static gboolean
check_node (Check   *c,
            guint32  i)
{
  const ScNode *node = &c->nodes[i];
  ScNodeInfo *info = &c->info[i];

  switch ((ScNodeKind) node->kind)
    {
    case SC_NODE_NUMBER:
      info->type = SC_TYPE_NUMBER;
      return TRUE;
    case SC_NODE_STRING:
      info->type = SC_TYPE_TEXT;
      return !is_outer (c, i) || read_date (c, i);
    case SC_NODE_COLUMN:
      info->type = c->columns ? column_type (c->columns[info->column].type) : SC_TYPE_ANY;
      return TRUE;
    case SC_NODE_NEGATE:
      info->type = SC_TYPE_NUMBER;
      return use_number (c, i, node->args[0]);
    case SC_NODE_NOT:
    case SC_NODE_AND:
    case SC_NODE_OR:
      info->type = SC_TYPE_BOOL;
      return use_condition (c, i, node->args[0]) &&
             (node->n_args < 2 || use_condition (c, i, node->args[1]));
    case SC_NODE_ADD:
    case SC_NODE_SUBTRACT:
    case SC_NODE_MULTIPLY:
    case SC_NODE_DIVIDE:
      return check_arithmetic (c, i);
    case SC_NODE_COMPARE:
      return check_compare (c, i);
    case SC_NODE_IN:
      return check_in (c, i);
    case SC_NODE_IS_EMPTY:
      info->type = SC_TYPE_BOOL;
      c->info[node->args[0]].mode = c->nodes[node->args[0]].kind == SC_NODE_COLUMN ||
                                    c->info[node->args[0]].type == SC_TYPE_TEXT
                                      ? SC_MODE_TEXT : SC_MODE_VALUE;
      return TRUE;
    case SC_NODE_CALL:
      return check_call (c, i);
    case SC_NODE_AGGREGATE:
      return check_aggregate (c, i);
    default:
      g_assert_not_reached ();
    }
}

gboolean
sc_formula_check_types (ScFormula             *self,
                        const ScFormulaColumn *columns,
                        ScNodeInfo            *info,
                        guint                 *error_pos,
                        GError               **error)
{
  guint32 root = self->nodes->len - 1;
  Check c = { 0, };

  c.self = self;
  c.nodes = (const ScNode *) (gpointer) self->nodes->data;
  c.info = info;
  c.columns = columns;
  c.error_pos = error_pos;
  c.error = error;

  for (guint32 i = 0; i <= root; i++)
    if (!check_node (&c, i))
      return FALSE;

  if (self->kind == SC_FORMULA_KPI)
    {
      info[root].mode = SC_MODE_VALUE;
      return TRUE;
    }

  /* A row filter is a condition */
  if (info[root].type == SC_TYPE_DATE ||
      (info[root].type == SC_TYPE_TEXT && c.nodes[root].kind != SC_NODE_COLUMN))
    {
      g_autofree char *but = describe (&c, root);

      return fail (&c, root, _("a row filter needs a condition such as "
                               "status = \"Delivered\", but %s"), but);
    }

  info[root].mode = SC_MODE_CONDITION;
  return TRUE;
}
