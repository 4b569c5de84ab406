/* sc-formula-parse.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text of a formula into nodes: a lexer and a recursive-descent parser
 * with the usual precedence (or < and < not < comparisons, in, is < + and -
 * < * and / < unary minus). It recurses only into parentheses and calls,
 * counted against SC_FORMULA_MAX_DEPTH; chains of operators and of prefixes
 * are loops. What a formula's shape alone rules out (a column outside an
 * aggregate in a KPI formula, an aggregate inside another or in a row
 * filter) is found here, before any column is known.
 */

#define G_LOG_DOMAIN "sc-formula"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "sc-formula-private.h"

typedef struct
{
  ScLexer      lexer;
  ScFormula   *self;
  guint        depth;
  int          aggregate;   /* the ScFunction being parsed, or -1 */
  guint        stack;       /* values the evaluator would hold here */
  GByteArray  *part_combine;
} Parser;

static guint32 parse_or (Parser *p);

static guint32 fail (Parser         *p,
                     gsize           offset,
                     ScFormulaError  code,
                     const char     *format,
                     ...) G_GNUC_PRINTF (4, 5);

/* Sets the error; returns SC_NODE_NONE, for the parse functions to return */
static guint32
fail (Parser         *p,
      gsize           offset,
      ScFormulaError  code,
      const char     *format,
      ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  sc_formula_set_error (p->lexer.text, offset, p->lexer.error_pos, p->lexer.error, code, "%s",
                        detail);

  return SC_NODE_NONE;
}

static gboolean
lex (Parser *p)
{
  return sc_lexer_next (&p->lexer);
}

/* Failures that depend on where the parser is */

/* When two names follow each other, the user most likely meant a column
 * whose header has a space in it.
 */
static guint32
fail_expected (Parser     *p,
               const char *expected)
{
  g_autofree char *what = sc_lexer_describe (&p->lexer, &p->lexer.token);

  if (p->lexer.token.kind == SC_TOKEN_WHERE)
    return fail (p, p->lexer.token.start, SC_FORMULA_ERROR_SYNTAX,
                 _("“where” belongs inside the parentheses of an aggregate, "
                   "as in sum(quantity where status = \"Delivered\")"));

  if (p->lexer.previous.kind == SC_TOKEN_NAME && p->lexer.token.kind == SC_TOKEN_NAME)
    return fail (p, p->lexer.token.start, SC_FORMULA_ERROR_SYNTAX,
                 /* Translators: the first is what was expected, the second
                  * what was found, the third a column name with a space */
                 _("expected %s, not %s; a column name with spaces goes in square brackets, "
                   "as in [%.*s]"),
                 expected, what, (int) (p->lexer.token.end - p->lexer.previous.start),
                 p->lexer.text + p->lexer.previous.start);

  /* Translators: the first is what was expected, the second what was found */
  return fail (p, p->lexer.token.start, SC_FORMULA_ERROR_SYNTAX, _("expected %s, not %s"),
               expected, what);
}

static guint32
fail_close (Parser   *p,
            gboolean  in_call)
{
  if (p->lexer.token.kind == SC_TOKEN_END)
    return fail (p, p->lexer.token.start, SC_FORMULA_ERROR_SYNTAX, _("expected “)”"));

  if (in_call)
    return fail_expected (p, _("an operator, “,” or “)”"));

  return fail_expected (p, _("an operator or “)”"));
}

static guint32
fail_usage (Parser     *p,
            ScFunction  function,
            gsize       offset)
{
  const char *usage = NULL;

  switch (function)
    {
    case SC_FUNCTION_COUNT:
      usage = _("count() takes nothing or one condition, as in count() or "
                "count(status = \"Open\")");
      break;
    case SC_FUNCTION_SUM:
      usage = _("sum() takes one value, as in sum(quantity)");
      break;
    case SC_FUNCTION_MEAN:
      usage = _("mean() takes one value, as in mean(days(order_date, delivery_date))");
      break;
    case SC_FUNCTION_MIN:
      usage = _("min() takes one value, as in min(price)");
      break;
    case SC_FUNCTION_MAX:
      usage = _("max() takes one value, as in max(price)");
      break;
    case SC_FUNCTION_SHARE:
      usage = _("share() takes one condition, as in share(delivery_date <= due_date)");
      break;
    case SC_FUNCTION_IF:
      usage = _("if() takes three values: a condition, the value when it is true and the "
                "value otherwise, as in if(count() > 0, sum(amount), 0)");
      break;
    case SC_FUNCTION_DAYS:
      usage = _("days() takes two dates, as in days(order_date, delivery_date)");
      break;
    case SC_FUNCTION_ABS:
      usage = _("abs() takes one value, as in abs(sum(amount))");
      break;
    case SC_FUNCTION_ROUND:
    case SC_N_FUNCTIONS:
    default:
      usage = _("round() takes a value and, if wanted, a number of decimals, "
                "as in round(mean(score), 1)");
      break;
    }

  return fail (p, offset, SC_FORMULA_ERROR_UNKNOWN_FUNCTION, "%s", usage);
}

/* Nodes */

static ScNode *
node_at (Parser  *p,
         guint32  index)
{
  return &g_array_index (p->self->nodes, ScNode, index);
}

/* Appends a node over @n_args children and, for an aggregate, its where
 * clause, and follows the evaluator's stack: a leaf pushes a value, an
 * operator replaces its operands with its result.
 */
static guint32
add_node (Parser         *p,
          ScNodeKind      kind,
          guint           op,
          gsize           offset,
          guint           n_args,
          const guint32  *args,
          guint32         where)
{
  guint32 index = p->self->nodes->len;
  ScNode node = { 0, };

  node.kind = kind;
  node.op = op;
  node.offset = offset;
  node.n_args = n_args;
  node.where = where;
  node.first = index;
  node.flags = p->aggregate >= 0 ? SC_NODE_IN_AGGREGATE : 0;
  for (guint i = 0; i < n_args; i++)
    node.args[i] = args[i];
  if (n_args > 0)
    node.first = node_at (p, args[0])->first;
  else if (where != SC_NODE_NONE)
    node.first = node_at (p, where)->first;

  g_array_append_val (p->self->nodes, node);

  p->stack = p->stack + 1 - n_args - (where != SC_NODE_NONE);
  if (p->stack > SC_FORMULA_STACK_SIZE)
    {
      fail (p, offset, SC_FORMULA_ERROR_TOO_COMPLEX,
            _("the formula is too complex: too many values wait for an operator"));
      return SC_NODE_NONE;
    }

  return index;
}

static guint32
add_leaf (Parser     *p,
          ScNodeKind  kind,
          char       *text)
{
  guint32 index = add_node (p, kind, 0, p->lexer.token.start, 0, NULL, SC_NODE_NONE);

  if (index == SC_NODE_NONE)
    {
      g_free (text);
      return SC_NODE_NONE;
    }

  node_at (p, index)->text = text;
  node_at (p, index)->number = p->lexer.token.number;

  return lex (p) ? index : SC_NODE_NONE;
}

static guint32
add_column (Parser *p,
            char   *name)
{
  if (p->self->kind == SC_FORMULA_KPI && p->aggregate < 0)
    {
      g_autofree char *written = g_strndup (p->lexer.text + p->lexer.token.start,
                                            p->lexer.token.end - p->lexer.token.start);

      fail (p, p->lexer.token.start, SC_FORMULA_ERROR_TYPE,
            _("column “%s” must be inside an aggregate such as sum(%s)"),
            name, written);
      g_free (name);
      return SC_NODE_NONE;
    }

  return add_leaf (p, SC_NODE_COLUMN, name);
}

/* Grammar */

static gboolean
enter (Parser *p,
       gsize   offset)
{
  if (++p->depth <= SC_FORMULA_MAX_DEPTH)
    return TRUE;

  fail (p, offset, SC_FORMULA_ERROR_TOO_COMPLEX,
        _("the formula is nested too deeply: the limit is %d parentheses and "
          "functions inside each other"),
        SC_FORMULA_MAX_DEPTH);
  return FALSE;
}

static int
lookup_function (const char *name,
                 gsize       length)
{
  for (guint f = 0; f < SC_N_FUNCTIONS; f++)
    if (strlen (sc_formula_functions[f].name) == length &&
        g_ascii_strncasecmp (name, sc_formula_functions[f].name, length) == 0)
      return f;

  return -1;
}

static guint32
fail_unknown_function (Parser        *p,
                       const ScToken *name)
{
  static const struct
  {
    const char *alias;
    const char *function;
  } aliases[] = {
    { "average", "mean" }, { "avg", "mean" }, { "total", "sum" },
    { "minimum", "min" }, { "maximum", "max" }, { "datedif", "days" },
    { "countif", "count" }, { "sumif", "sum" }, { "averageif", "mean" },
  };
  gsize length = name->end - name->start;
  const char *text = p->lexer.text + name->start;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strlen (aliases[i].alias) == length &&
        g_ascii_strncasecmp (text, aliases[i].alias, length) == 0)
      return fail (p, name->start, SC_FORMULA_ERROR_UNKNOWN_FUNCTION,
                   _("unknown function “%.*s” — did you mean %s()?"),
                   (int) length, text, aliases[i].function);

  return fail (p, name->start, SC_FORMULA_ERROR_UNKNOWN_FUNCTION,
               _("unknown function “%.*s”; the functions are count, sum, mean, min, max, "
                 "share, if, days, abs and round"),
               (int) length, text);
}

static guint32
parse_call_arguments (Parser     *p,
                      ScFunction  function,
                      gsize       offset)
{
  const ScFunctionInfo *info = &sc_formula_functions[function];
  guint32 args[3];
  guint n = 0;

  if (p->lexer.token.kind != SC_TOKEN_CLOSE)
    for (;;)
      {
        if (n == info->max_args)
          return fail_usage (p, function, offset);
        if ((args[n++] = parse_or (p)) == SC_NODE_NONE)
          return SC_NODE_NONE;
        if (p->lexer.token.kind != SC_TOKEN_COMMA)
          break;
        if (!lex (p))
          return SC_NODE_NONE;
      }

  if (p->lexer.token.kind != SC_TOKEN_CLOSE)
    return fail_close (p, TRUE);
  if (n < info->min_args)
    return fail_usage (p, function, offset);

  p->depth--;
  if (!lex (p))
    return SC_NODE_NONE;

  return add_node (p, SC_NODE_CALL, function, offset, n, args, SC_NODE_NONE);
}

/* sum(x), sum(x where c), count(), count(c), count(where c) */
static guint32
parse_aggregate_arguments (Parser     *p,
                           ScFunction  function,
                           gsize       offset)
{
  const ScFunctionInfo *info = &sc_formula_functions[function];
  guint32 arg = SC_NODE_NONE, where = SC_NODE_NONE, index;

  p->aggregate = function;

  if (p->lexer.token.kind != SC_TOKEN_CLOSE && p->lexer.token.kind != SC_TOKEN_WHERE &&
      (arg = parse_or (p)) == SC_NODE_NONE)
    return SC_NODE_NONE;
  if (p->lexer.token.kind == SC_TOKEN_WHERE &&
      (!lex (p) || (where = parse_or (p)) == SC_NODE_NONE))
    return SC_NODE_NONE;

  if (p->lexer.token.kind == SC_TOKEN_COMMA)
    return fail_usage (p, function, offset);
  if (p->lexer.token.kind != SC_TOKEN_CLOSE)
    return fail_close (p, FALSE);
  if ((arg != SC_NODE_NONE) < info->min_args)
    return fail_usage (p, function, offset);

  p->aggregate = -1;
  p->depth--;
  if (!lex (p))
    return SC_NODE_NONE;

  index = add_node (p, SC_NODE_AGGREGATE, function, offset, arg != SC_NODE_NONE, &arg, where);
  if (index == SC_NODE_NONE)
    return SC_NODE_NONE;

  node_at (p, index)->part = p->self->n_parts;
  p->self->n_parts += info->n_parts;
  if (p->self->n_parts > SC_FORMULA_MAX_PARTS)
    return fail (p, offset, SC_FORMULA_ERROR_TOO_COMPLEX,
                 _("the formula has too many aggregates: the limit is %d parts"),
                 SC_FORMULA_MAX_PARTS);

  for (guint i = 0; i < info->n_parts; i++)
    {
      guint8 combine = function == SC_FUNCTION_MIN ? SC_PART_MIN
                     : function == SC_FUNCTION_MAX ? SC_PART_MAX
                                                   : SC_PART_ADD;

      g_byte_array_append (p->part_combine, &combine, 1);
    }

  return index;
}

/* After the name, with the current token the "(" */
static guint32
parse_call (Parser        *p,
            const ScToken *name)
{
  int function = lookup_function (p->lexer.text + name->start, name->end - name->start);

  if (function < 0)
    return fail_unknown_function (p, name);

  if (sc_formula_functions[function].n_parts > 0)
    {
      if (p->self->kind == SC_FORMULA_CONDITION)
        return fail (p, name->start, SC_FORMULA_ERROR_TYPE,
                     _("a row filter looks at one row at a time, so it cannot use "
                       "the aggregate %s()"),
                     sc_formula_functions[function].name);
      if (p->aggregate >= 0)
        return fail (p, name->start, SC_FORMULA_ERROR_TYPE,
                     _("%s() cannot be inside %s(): an aggregate cannot contain another"),
                     sc_formula_functions[function].name,
                     sc_formula_functions[p->aggregate].name);
    }

  if (!enter (p, name->start) || !lex (p))
    return SC_NODE_NONE;

  if (sc_formula_functions[function].n_parts > 0)
    return parse_aggregate_arguments (p, function, name->start);

  return parse_call_arguments (p, function, name->start);
}

static guint32
parse_primary (Parser *p)
{
  ScToken *token = &p->lexer.token;
  guint32 inner;
  ScToken name;
  char *text;

  switch (p->lexer.token.kind)
    {
    case SC_TOKEN_NUMBER:
      return add_leaf (p, SC_NODE_NUMBER,
                       g_strndup (p->lexer.text + token->start, token->end - token->start));

    case SC_TOKEN_STRING:
      return add_leaf (p, SC_NODE_STRING, sc_lexer_string_value (&p->lexer, token));

    case SC_TOKEN_BRACKETED:
      if ((text = sc_lexer_bracketed_value (&p->lexer, token)) == NULL)
        return fail (p, token->start, SC_FORMULA_ERROR_SYNTAX,
                     _("the square brackets hold no column name"));
      return add_column (p, text);

    case SC_TOKEN_NAME:
      name = *token;
      if (!lex (p))
        return SC_NODE_NONE;
      if (token->kind == SC_TOKEN_OPEN)
        return parse_call (p, &name);
      /* Back to the name, for add_column(), which reads it again */
      *token = name;
      return add_column (p, g_strndup (p->lexer.text + name.start, name.end - name.start));

    case SC_TOKEN_OPEN:
      if (!enter (p, token->start) || !lex (p))
        return SC_NODE_NONE;
      if ((inner = parse_or (p)) == SC_NODE_NONE)
        return SC_NODE_NONE;
      if (token->kind != SC_TOKEN_CLOSE)
        return fail_close (p, FALSE);
      p->depth--;
      return lex (p) ? inner : SC_NODE_NONE;

    default:
      return fail_expected (p, _("a number, a column or a function"));
    }
}

/* Prefixes are a loop, not a recursion: "- - - x" cannot use up the stack */
static guint32
parse_unary (Parser *p)
{
  g_autoptr(GArray) minus = NULL;
  guint32 operand;
  ScNode *node;

  while (p->lexer.token.kind == SC_TOKEN_MINUS || p->lexer.token.kind == SC_TOKEN_PLUS)
    {
      if (p->lexer.token.kind == SC_TOKEN_MINUS)
        {
          if (minus == NULL)
            minus = g_array_new (FALSE, FALSE, sizeof (gsize));
          g_array_append_val (minus, p->lexer.token.start);
        }
      if (!lex (p))
        return SC_NODE_NONE;
    }

  operand = parse_primary (p);
  if (operand == SC_NODE_NONE || minus == NULL)
    return operand;

  /* -5 is a number of its own, for "in (-1, 0)" and for messages */
  node = node_at (p, operand);
  if (node->kind == SC_NODE_NUMBER)
    {
      if (minus->len % 2 == 1)
        {
          char *text = g_strconcat ("-", node->text, NULL);

          node->number = -node->number;
          g_free (node->text);
          node->text = text;
        }
      node->offset = g_array_index (minus, gsize, 0);
      return operand;
    }

  for (guint i = minus->len; i-- > 0 && operand != SC_NODE_NONE;)
    operand = add_node (p, SC_NODE_NEGATE, 0, g_array_index (minus, gsize, i), 1, &operand,
                        SC_NODE_NONE);

  return operand;
}

static guint32
parse_multiplicative (Parser *p)
{
  guint32 args[2];

  args[0] = parse_unary (p);
  while (args[0] != SC_NODE_NONE &&
         (p->lexer.token.kind == SC_TOKEN_TIMES || p->lexer.token.kind == SC_TOKEN_DIVIDE))
    {
      ScNodeKind kind = p->lexer.token.kind == SC_TOKEN_TIMES ? SC_NODE_MULTIPLY : SC_NODE_DIVIDE;
      gsize offset = p->lexer.token.start;

      if (!lex (p) || (args[1] = parse_unary (p)) == SC_NODE_NONE)
        return SC_NODE_NONE;
      args[0] = add_node (p, kind, 0, offset, 2, args, SC_NODE_NONE);
    }

  return args[0];
}

static guint32
parse_additive (Parser *p)
{
  guint32 args[2];

  args[0] = parse_multiplicative (p);
  while (args[0] != SC_NODE_NONE &&
         (p->lexer.token.kind == SC_TOKEN_PLUS || p->lexer.token.kind == SC_TOKEN_MINUS))
    {
      ScNodeKind kind = p->lexer.token.kind == SC_TOKEN_PLUS ? SC_NODE_ADD : SC_NODE_SUBTRACT;
      gsize offset = p->lexer.token.start;

      if (!lex (p) || (args[1] = parse_multiplicative (p)) == SC_NODE_NONE)
        return SC_NODE_NONE;
      args[0] = add_node (p, kind, 0, offset, 2, args, SC_NODE_NONE);
    }

  return args[0];
}

static guint32
fail_list (Parser *p)
{
  g_autofree char *what = sc_lexer_describe (&p->lexer, &p->lexer.token);

  fail (p, p->lexer.token.start, SC_FORMULA_ERROR_SYNTAX,
        _("the list after “in” takes numbers and text in quotes, as in "
          "status in (\"Open\", \"Late\"), not %s"),
        what);
  return SC_NODE_NONE;
}

/* x [not] in ("a", "b", 3), with the current token the "in" */
static guint32
parse_in (Parser   *p,
          guint32   x,
          gboolean  negated,
          gsize     offset)
{
  guint n_items = 0;
  guint32 index;

  if (!lex (p))
    return SC_NODE_NONE;
  if (p->lexer.token.kind != SC_TOKEN_OPEN)
    return fail_expected (p, _("“(” and a list, as in status in (\"Open\", \"Late\")"));

  do
    {
      ScNode item = { 0, };
      gsize start;

      if (!lex (p))
        return SC_NODE_NONE;
      start = p->lexer.token.start;
      item.number = 1;
      if (p->lexer.token.kind == SC_TOKEN_MINUS)
        {
          item.number = -1;
          if (!lex (p))
            return SC_NODE_NONE;
          if (p->lexer.token.kind != SC_TOKEN_NUMBER)
            return fail_list (p);
        }

      if (p->lexer.token.kind == SC_TOKEN_NUMBER)
        {
          item.kind = SC_NODE_NUMBER;
          item.number *= p->lexer.token.number;
          item.text = g_strndup (p->lexer.text + start, p->lexer.token.end - start);
        }
      else if (p->lexer.token.kind == SC_TOKEN_STRING)
        {
          item.kind = SC_NODE_STRING;
          item.text = sc_lexer_string_value (&p->lexer, &p->lexer.token);
        }
      else
        return fail_list (p);

      /* Items are read by their "in", not pushed on the stack */
      item.offset = start;
      item.first = p->self->nodes->len;
      item.flags = SC_NODE_LIST_ITEM | (p->aggregate >= 0 ? SC_NODE_IN_AGGREGATE : 0);
      g_array_append_val (p->self->nodes, item);
      n_items++;

      if (!lex (p))
        return SC_NODE_NONE;
    }
  while (p->lexer.token.kind == SC_TOKEN_COMMA);

  if (p->lexer.token.kind != SC_TOKEN_CLOSE)
    return fail_expected (p, _("“,” or “)”"));
  if (!lex (p))
    return SC_NODE_NONE;

  index = add_node (p, SC_NODE_IN, 0, offset, 1, &x, SC_NODE_NONE);
  if (index != SC_NODE_NONE)
    {
      node_at (p, index)->n_items = n_items;
      node_at (p, index)->flags |= negated ? SC_NODE_NEGATED : 0;
    }

  return index;
}

/* x is [not] empty, with the current token the "is" */
static guint32
parse_is_empty (Parser  *p,
                guint32  x)
{
  gsize offset = p->lexer.token.start;
  gboolean negated = FALSE;
  guint32 index;

  if (!lex (p))
    return SC_NODE_NONE;
  if (p->lexer.token.kind == SC_TOKEN_NOT)
    {
      negated = TRUE;
      if (!lex (p))
        return SC_NODE_NONE;
    }
  if (p->lexer.token.kind != SC_TOKEN_EMPTY)
    return fail_expected (p, _("“empty” or “not empty”, as in status is empty"));
  if (!lex (p))
    return SC_NODE_NONE;

  index = add_node (p, SC_NODE_IS_EMPTY, 0, offset, 1, &x, SC_NODE_NONE);
  if (index != SC_NODE_NONE && negated)
    node_at (p, index)->flags |= SC_NODE_NEGATED;

  return index;
}

static guint32
parse_comparison (Parser *p)
{
  guint32 args[2];
  ScCompare compare;
  gsize offset;

  if ((args[0] = parse_additive (p)) == SC_NODE_NONE)
    return SC_NODE_NONE;

  offset = p->lexer.token.start;
  switch (p->lexer.token.kind)
    {
    case SC_TOKEN_COMPARE:
      compare = p->lexer.token.compare;
      if (!lex (p) || (args[1] = parse_additive (p)) == SC_NODE_NONE)
        return SC_NODE_NONE;
      if (p->lexer.token.kind == SC_TOKEN_COMPARE)
        return fail (p, p->lexer.token.start, SC_FORMULA_ERROR_SYNTAX,
                     _("comparisons cannot follow each other; join them with “and”, "
                       "as in a < b and b < c"));
      return add_node (p, SC_NODE_COMPARE, compare, offset, 2, args, SC_NODE_NONE);

    case SC_TOKEN_IN:
      return parse_in (p, args[0], FALSE, offset);

    case SC_TOKEN_NOT:
      if (!lex (p))
        return SC_NODE_NONE;
      if (p->lexer.token.kind != SC_TOKEN_IN)
        return fail_expected (p, _("“in” after “not”, as in status not in (\"Open\")"));
      return parse_in (p, args[0], TRUE, offset);

    case SC_TOKEN_IS:
      return parse_is_empty (p, args[0]);

    default:
      return args[0];
    }
}

static guint32
parse_not (Parser *p)
{
  g_autoptr(GArray) offsets = NULL;
  guint32 operand;

  while (p->lexer.token.kind == SC_TOKEN_NOT)
    {
      if (offsets == NULL)
        offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_array_append_val (offsets, p->lexer.token.start);
      if (!lex (p))
        return SC_NODE_NONE;
    }

  operand = parse_comparison (p);

  for (guint i = offsets ? offsets->len : 0; i-- > 0 && operand != SC_NODE_NONE;)
    operand = add_node (p, SC_NODE_NOT, 0, g_array_index (offsets, gsize, i), 1, &operand,
                        SC_NODE_NONE);

  return operand;
}

static guint32
parse_and (Parser *p)
{
  guint32 args[2];

  args[0] = parse_not (p);
  while (args[0] != SC_NODE_NONE && p->lexer.token.kind == SC_TOKEN_AND)
    {
      gsize offset = p->lexer.token.start;

      if (!lex (p) || (args[1] = parse_not (p)) == SC_NODE_NONE)
        return SC_NODE_NONE;
      args[0] = add_node (p, SC_NODE_AND, 0, offset, 2, args, SC_NODE_NONE);
    }

  return args[0];
}

static guint32
parse_or (Parser *p)
{
  guint32 args[2];

  args[0] = parse_and (p);
  while (args[0] != SC_NODE_NONE && p->lexer.token.kind == SC_TOKEN_OR)
    {
      gsize offset = p->lexer.token.start;

      if (!lex (p) || (args[1] = parse_and (p)) == SC_NODE_NONE)
        return SC_NODE_NONE;
      args[0] = add_node (p, SC_NODE_OR, 0, offset, 2, args, SC_NODE_NONE);
    }

  return args[0];
}

static guint32
fail_trailing (Parser *p)
{
  switch (p->lexer.token.kind)
    {
    case SC_TOKEN_CLOSE:
      return fail (p, p->lexer.token.start, SC_FORMULA_ERROR_SYNTAX,
                   _("“)” has no “(” before it"));
    case SC_TOKEN_COMMA:
      return fail (p, p->lexer.token.start, SC_FORMULA_ERROR_SYNTAX,
                   _("unexpected “,” outside the parentheses of a function"));
    default:
      return fail_expected (p, _("an operator such as +, = or “and”"));
    }
}

/* Fills self->nodes (postfix), self->n_parts and self->part_combine */
gboolean
sc_formula_parse_nodes (ScFormula  *self,
                        guint      *error_pos,
                        GError    **error)
{
  g_autoptr(GByteArray) part_combine = g_byte_array_new ();
  Parser p = { 0, };

  p.lexer.text = self->text;
  p.lexer.length = strlen (self->text);
  p.lexer.error_pos = error_pos;
  p.lexer.error = error;
  p.self = self;
  p.aggregate = -1;
  p.part_combine = part_combine;

  if (!lex (&p))
    return FALSE;
  if (p.lexer.token.kind == SC_TOKEN_END)
    {
      fail (&p, 0, SC_FORMULA_ERROR_SYNTAX, _("the formula is empty"));
      return FALSE;
    }

  if (parse_or (&p) == SC_NODE_NONE)
    return FALSE;
  if (p.lexer.token.kind != SC_TOKEN_END)
    {
      fail_trailing (&p);
      return FALSE;
    }

  self->part_combine = g_byte_array_free (g_steal_pointer (&part_combine), FALSE);

  return TRUE;
}
