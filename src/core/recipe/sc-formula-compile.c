/* sc-formula-compile.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checked nodes into flat programs for the evaluator's stack machine: one
 * over the parts (a KPI formula's outer expression, made when parsing) and
 * one over a row (each aggregate's argument and where clause, or a row
 * filter, made when binding). Columns are indexes, text literals are
 * lowered once, dates in quotes are days, and the common row tests become
 * single instructions ("status = \"Delivered\"" reads one cell and
 * compares it). Aggregates with the same where clause share one run of it.
 */

#define G_LOG_DOMAIN "sc-formula"

#include "config.h"

#include <string.h>

#include "sc-formula-private.h"

typedef struct
{
  ScFormula        *self;
  const ScNode     *nodes;
  const ScNodeInfo *info;
  ScProgram        *program;
} Compiler;

/* Lowers @text char by char, as the evaluator lowers cells; bytes that
 * are not UTF-8 stay as they are.
 */
void
sc_text_lower (const char *text,
               gsize       length,
               ScText     *out)
{
  GString *lower = g_string_sized_new (length);
  const char *p = text, *end = text + length;

  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (lower, g_ascii_tolower (*p++));
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_c (lower, *p++);
          continue;
        }

      g_string_append_unichar (lower, g_unichar_tolower (c));
      p = g_utf8_next_char (p);
    }

  out->ascii = TRUE;
  for (gsize i = 0; i < lower->len; i++)
    if ((guchar) lower->str[i] >= 0x80)
      out->ascii = FALSE;

  out->length = lower->len;
  out->lower = g_string_free (lower, FALSE);
}

static void
text_free (gpointer data)
{
  ScText *text = data;

  g_free (text->lower);
  g_free (text);
}

static void
list_free (gpointer data)
{
  ScList *list = data;

  for (guint i = 0; list->texts != NULL && i < list->n; i++)
    g_free (list->texts[i].lower);
  g_free (list->texts);
  g_free (list->numbers);
  g_free (list);
}

static ScProgram *
program_new (void)
{
  ScProgram *program = g_new0 (ScProgram, 1);

  program->ops = g_array_new (FALSE, TRUE, sizeof (ScOp));
  program->texts = g_ptr_array_new_with_free_func (text_free);
  program->lists = g_ptr_array_new_with_free_func (list_free);

  return program;
}

void
sc_program_free (ScProgram *program)
{
  g_clear_pointer (&program->ops, g_array_unref);
  g_clear_pointer (&program->texts, g_ptr_array_unref);
  g_clear_pointer (&program->lists, g_ptr_array_unref);
  g_free (program->aggregates);
  g_free (program->where_start);
  g_free (program->where_length);
  g_free (program);
}

static ScOp *
op_at (Compiler *k,
       guint     index)
{
  return &g_array_index (k->program->ops, ScOp, index);
}

static ScOp *
emit (Compiler *k,
      ScOpCode  code)
{
  ScOp op = { 0, };

  op.code = code;
  g_array_append_val (k->program->ops, op);

  return op_at (k, k->program->ops->len - 1);
}

static void
emit_number (Compiler *k,
             double    number)
{
  emit (k, SC_OP_NUMBER)->number = number;
}

static void
emit_text (Compiler   *k,
           const char *text)
{
  ScText *lowered = g_new0 (ScText, 1);

  sc_text_lower (text, strlen (text), lowered);
  g_ptr_array_add (k->program->texts, lowered);
  emit (k, SC_OP_TEXT)->text = lowered;
}

/* The last @n instructions, replaced by @fused */
static void
replace_last (Compiler   *k,
              guint       n,
              const ScOp *fused)
{
  ScOp copy = *fused;

  g_array_set_size (k->program->ops, k->program->ops->len - n);
  g_array_append_val (k->program->ops, copy);
}

/* The last @n instructions, or NULL */
static ScOp *
last (Compiler *k,
      guint     n)
{
  return k->program->ops->len >= n ? op_at (k, k->program->ops->len - n) : NULL;
}

static ScCompare
flip (ScCompare compare)
{
  switch (compare)
    {
    case SC_COMPARE_LT: return SC_COMPARE_GT;
    case SC_COMPARE_LE: return SC_COMPARE_GE;
    case SC_COMPARE_GT: return SC_COMPARE_LT;
    case SC_COMPARE_GE: return SC_COMPARE_LE;
    case SC_COMPARE_EQ:
    case SC_COMPARE_NE:
    default:
      return compare;
    }
}

/* An operand that is a single push is the whole operand: every longer
 * one ends with its operator. So when the two instructions before a
 * comparison are pushes of a cell and a literal, they are its operands.
 */
static void
fuse_compare (Compiler *k)
{
  ScOp *o = last (k, 3);
  ScOp fused = { 0, };
  const ScText *text;

  if (o == NULL)
    return;

  fused.op = o[2].op;
  if (o[2].code == SC_OP_COMPARE)
    {
      fused.code = SC_OP_COLUMN_COMPARE;
      if (o[0].code == SC_OP_COLUMN_VALUE && o[1].code == SC_OP_NUMBER)
        {
          fused.a = o[0].a;
          fused.number = o[1].number;
        }
      else if (o[0].code == SC_OP_NUMBER && o[1].code == SC_OP_COLUMN_VALUE)
        {
          fused.a = o[1].a;
          fused.number = o[0].number;
          fused.op = flip (o[2].op);
        }
      else if (o[0].code == SC_OP_COLUMN_VALUE && o[1].code == SC_OP_COLUMN_VALUE)
        {
          fused.code = SC_OP_COLUMN_COMPARE_COLUMN;
          fused.a = o[0].a;
          fused.b = o[1].a;
        }
      else
        return;
    }
  else
    {
      if (o[0].code == SC_OP_COLUMN_TEXT && o[1].code == SC_OP_TEXT)
        {
          fused.a = o[0].a;
          text = o[1].text;
        }
      else if (o[0].code == SC_OP_TEXT && o[1].code == SC_OP_COLUMN_TEXT)
        {
          fused.a = o[1].a;
          text = o[0].text;
          fused.op = flip (o[2].op);
        }
      else
        return;

      /* As in spreadsheets, = "" asks whether the cell is empty */
      if (text->length == 0 && (fused.op == SC_COMPARE_EQ || fused.op == SC_COMPARE_NE))
        {
          fused.code = SC_OP_COLUMN_IS_EMPTY;
          fused.negated = fused.op == SC_COMPARE_NE;
        }
      else
        {
          fused.code = SC_OP_COLUMN_COMPARE_TEXT;
          fused.text = text;
        }
    }

  replace_last (k, 3, &fused);
}

static void
compile_in (Compiler *k,
            guint32   i)
{
  const ScNode *node = &k->nodes[i];
  guint32 first = i - node->n_items;
  ScList *list = g_new0 (ScList, 1);
  gboolean text = k->info[i].text_compare;
  ScOp *op, *o;

  list->n = node->n_items;
  if (text)
    list->texts = g_new0 (ScText, list->n);
  else
    list->numbers = g_new0 (double, list->n);

  for (guint j = 0; j < list->n; j++)
    {
      const ScNode *item = &k->nodes[first + j];

      if (text)
        sc_text_lower (item->text, strlen (item->text), &list->texts[j]);
      else
        list->numbers[j] = item->kind == SC_NODE_STRING ? k->info[first + j].day : item->number;
    }
  g_ptr_array_add (k->program->lists, list);

  op = emit (k, text ? SC_OP_IN_TEXT : SC_OP_IN);
  op->list = list;
  op->negated = (node->flags & SC_NODE_NEGATED) != 0;

  o = last (k, 2);
  if (text && o != NULL && o[0].code == SC_OP_COLUMN_TEXT)
    {
      ScOp fused = o[1];

      fused.code = SC_OP_COLUMN_IN_TEXT;
      fused.a = o[0].a;
      replace_last (k, 2, &fused);
    }
}

static void
compile_is_empty (Compiler *k,
                  guint32   i)
{
  const ScNode *node = &k->nodes[i];
  gboolean text = k->info[node->args[0]].mode == SC_MODE_TEXT;
  ScOp *op = emit (k, text ? SC_OP_IS_EMPTY_TEXT : SC_OP_IS_EMPTY);
  ScOp *o;

  op->negated = (node->flags & SC_NODE_NEGATED) != 0;

  o = last (k, 2);
  if (text && o != NULL && o[0].code == SC_OP_COLUMN_TEXT)
    {
      ScOp fused = o[1];

      fused.code = SC_OP_COLUMN_IS_EMPTY;
      fused.a = o[0].a;
      replace_last (k, 2, &fused);
    }
}

static void
compile_call (Compiler *k,
              guint32   i)
{
  const ScNode *node = &k->nodes[i];
  ScOp *o;

  switch ((ScFunction) node->op)
    {
    case SC_FUNCTION_IF:
      emit (k, SC_OP_IF);
      break;

    case SC_FUNCTION_DAYS:
      emit (k, SC_OP_DAYS);
      o = last (k, 3);
      if (o[0].code == SC_OP_COLUMN_VALUE && o[1].code == SC_OP_COLUMN_VALUE)
        {
          ScOp fused = { 0, };

          fused.code = SC_OP_COLUMN_DAYS;
          fused.a = o[0].a;
          fused.b = o[1].a;
          replace_last (k, 3, &fused);
        }
      break;

    case SC_FUNCTION_ABS:
      emit (k, SC_OP_ABS);
      break;

    case SC_FUNCTION_ROUND:
      emit (k, SC_OP_ROUND)->a = node->n_args;
      break;

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

static void
compile_node (Compiler *k,
              guint32   i)
{
  static const ScOpCode simple[] = {
    [SC_NODE_NEGATE] = SC_OP_NEGATE,
    [SC_NODE_NOT] = SC_OP_NOT,
    [SC_NODE_ADD] = SC_OP_ADD,
    [SC_NODE_SUBTRACT] = SC_OP_SUBTRACT,
    [SC_NODE_MULTIPLY] = SC_OP_MULTIPLY,
    [SC_NODE_DIVIDE] = SC_OP_DIVIDE,
    [SC_NODE_AND] = SC_OP_AND,
    [SC_NODE_OR] = SC_OP_OR,
  };
  const ScNode *node = &k->nodes[i];
  const ScNodeInfo *info = &k->info[i];
  ScOp *op;

  switch ((ScNodeKind) node->kind)
    {
    case SC_NODE_NUMBER:
      if (info->mode == SC_MODE_TEXT)
        emit_text (k, node->text);
      else
        emit_number (k, node->number);
      break;

    case SC_NODE_STRING:
      if (info->is_date)
        emit_number (k, info->day);
      else
        emit_text (k, node->text);
      break;

    case SC_NODE_COLUMN:
      op = emit (k, info->mode == SC_MODE_TEXT ? SC_OP_COLUMN_TEXT
                  : info->mode == SC_MODE_CONDITION ? SC_OP_COLUMN_TRUTH
                                                    : SC_OP_COLUMN_VALUE);
      op->a = info->column;
      return;

    case SC_NODE_NEGATE:
    case SC_NODE_NOT:
    case SC_NODE_ADD:
    case SC_NODE_SUBTRACT:
    case SC_NODE_MULTIPLY:
    case SC_NODE_DIVIDE:
    case SC_NODE_AND:
    case SC_NODE_OR:
      emit (k, simple[node->kind]);
      break;

    case SC_NODE_COMPARE:
      emit (k, info->text_compare ? SC_OP_COMPARE_TEXT : SC_OP_COMPARE)->op = node->op;
      fuse_compare (k);
      break;

    case SC_NODE_IN:
      compile_in (k, i);
      break;

    case SC_NODE_IS_EMPTY:
      compile_is_empty (k, i);
      break;

    case SC_NODE_CALL:
      compile_call (k, i);
      break;

    case SC_NODE_AGGREGATE:
      op = emit (k, SC_OP_AGGREGATE);
      op->op = node->op;
      op->a = node->part;
      break;

    default:
      g_assert_not_reached ();
    }

  /* A number used as a condition: true when it is not 0 */
  if (info->mode == SC_MODE_CONDITION && info->type != SC_TYPE_BOOL)
    emit (k, SC_OP_TO_CONDITION);
}

/* Appends the instructions of the subtree ending at @root; @outer skips
 * what is inside aggregates, which the parts stand for.
 */
static void
compile_subtree (Compiler *k,
                 guint32   root,
                 gboolean  outer)
{
  for (guint32 i = k->nodes[root].first; i <= root; i++)
    {
      guint8 flags = k->nodes[i].flags;

      if ((flags & SC_NODE_LIST_ITEM) || (outer && (flags & SC_NODE_IN_AGGREGATE)))
        continue;
      compile_node (k, i);
    }
}

static gboolean
ops_equal (const ScOp *a,
           const ScOp *b,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      if (a[i].code != b[i].code || a[i].op != b[i].op || a[i].negated != b[i].negated ||
          a[i].a != b[i].a || a[i].b != b[i].b)
        return FALSE;

      switch ((ScOpCode) a[i].code)
        {
        case SC_OP_TEXT:
        case SC_OP_COLUMN_COMPARE_TEXT:
          if (strcmp (a[i].text->lower, b[i].text->lower) != 0)
            return FALSE;
          break;
        case SC_OP_IN:
        case SC_OP_IN_TEXT:
        case SC_OP_COLUMN_IN_TEXT:
          /* Lists are rarely the same; not worth comparing */
          if (a[i].list != b[i].list)
            return FALSE;
          break;
        default:
          if (memcmp (&a[i].number, &b[i].number, sizeof (double)) != 0)
            return FALSE;
          break;
        }
    }

  return TRUE;
}

/* Compiles an aggregate's where clause, or finds the same one compiled */
static gint
compile_where (Compiler *k,
               guint32   where)
{
  ScProgram *program = k->program;
  guint32 start = program->ops->len;
  guint32 length;

  compile_subtree (k, where, FALSE);
  length = program->ops->len - start;

  for (guint w = 0; w < program->n_wheres; w++)
    if (program->where_length[w] == length &&
        ops_equal (op_at (k, program->where_start[w]), op_at (k, start), length))
      {
        g_array_set_size (program->ops, start);
        return w;
      }

  program->where_start[program->n_wheres] = start;
  program->where_length[program->n_wheres] = length;
  return program->n_wheres++;
}

ScProgram *
sc_program_compile_outer (ScFormula        *self,
                          const ScNodeInfo *info)
{
  Compiler k = { self, (const ScNode *) (gpointer) self->nodes->data, info, program_new () };

  compile_subtree (&k, self->nodes->len - 1, TRUE);

  return k.program;
}

ScProgram *
sc_program_compile_rows (ScFormula        *self,
                         const ScNodeInfo *info)
{
  Compiler k = { self, (const ScNode *) (gpointer) self->nodes->data, info, program_new () };
  ScProgram *program = k.program;
  guint n = 0;

  if (self->kind == SC_FORMULA_CONDITION)
    {
      compile_subtree (&k, self->nodes->len - 1, FALSE);
      return program;
    }

  for (guint32 i = 0; i < self->nodes->len; i++)
    n += k.nodes[i].kind == SC_NODE_AGGREGATE;

  program->aggregates = g_new0 (ScAggregate, n);
  program->where_start = g_new0 (guint32, n);
  program->where_length = g_new0 (guint32, n);

  for (guint32 i = 0; i < self->nodes->len; i++)
    {
      const ScNode *node = &k.nodes[i];
      ScAggregate *aggregate;

      if (node->kind != SC_NODE_AGGREGATE)
        continue;

      aggregate = &program->aggregates[program->n_aggregates++];
      aggregate->function = node->op;
      aggregate->part = node->part;
      aggregate->where = node->where != SC_NODE_NONE ? compile_where (&k, node->where) : -1;
      aggregate->start = program->ops->len;
      if (node->n_args > 0)
        compile_subtree (&k, node->args[0], FALSE);
      aggregate->length = program->ops->len - aggregate->start;
    }

  return program;
}
