/* sc-formula.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A formula's life: parsing its text (the limits first, then the parser,
 * the checker and the program over the parts), binding it to the columns
 * of a file, and the messages that say where something is wrong. The
 * language is described for users in docs/formulas.md.
 */

#define G_LOG_DOMAIN "sc-formula"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sc-formula-private.h"

G_DEFINE_QUARK (sc-formula-error-quark, sc_formula_error)

const ScFunctionInfo sc_formula_functions[SC_N_FUNCTIONS] = {
  [SC_FUNCTION_COUNT] = { "count", 0, 1, 1 },
  [SC_FUNCTION_SUM]   = { "sum",   1, 1, 1 },
  [SC_FUNCTION_MEAN]  = { "mean",  1, 1, 2 },
  [SC_FUNCTION_MIN]   = { "min",   1, 1, 1 },
  [SC_FUNCTION_MAX]   = { "max",   1, 1, 1 },
  [SC_FUNCTION_SHARE] = { "share", 1, 1, 2 },
  [SC_FUNCTION_IF]    = { "if",    3, 3, 0 },
  [SC_FUNCTION_DAYS]  = { "days",  2, 2, 0 },
  [SC_FUNCTION_ABS]   = { "abs",   1, 1, 0 },
  [SC_FUNCTION_ROUND] = { "round", 1, 2, 0 },
};

/* Characters before @offset. Counts lead bytes, so that it is safe on any
 * bytes (the length limit is checked before the text is validated).
 */
static guint
character_position (const char *text,
                    gsize       offset)
{
  guint n = 0;

  for (gsize i = 0; i < offset && text[i] != '\0'; i++)
    if (((guchar) text[i] & 0xC0) != 0x80)
      n++;

  return n + 1;
}

/* Sets @error to "at character N of the formula: …", N being the 1-based
 * character at byte @offset of @text, and @error_pos to N.
 */
void
sc_formula_set_error (const char      *text,
                      gsize            offset,
                      guint           *error_pos,
                      GError         **error,
                      ScFormulaError   code,
                      const char      *format,
                      ...)
{
  g_autofree char *detail = NULL;
  guint position = character_position (text, offset);
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  if (error_pos != NULL)
    *error_pos = position;

  /* Translators: the first is a position in the formula the user wrote,
   * counted in characters from 1; the second says what is wrong there. */
  g_set_error (error, SC_FORMULA_ERROR, code, _("at character %u of the formula: %s"),
               position, detail);
}

/* GDate's Julian day of 1970-01-01 (day 1 is 0001-01-01) */
#define EPOCH_JULIAN 719163

/* Reads YYYY-MM-DD as days since 1970-01-01. */
gboolean
sc_formula_parse_day (const char *text,
                      double     *day)
{
  int year, month, mday;
  GDate date;

  for (guint i = 0; i < 10; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (text[i] == '\0' || (dash ? text[i] != '-' : !g_ascii_isdigit (text[i])))
        return FALSE;
    }
  if (text[10] != '\0')
    return FALSE;

  year = atoi (text);
  month = atoi (text + 5);
  mday = atoi (text + 8);
  if (year < 1 || !g_date_valid_dmy (mday, month, year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, mday, month, year);
  *day = (double) g_date_get_julian (&date) - EPOCH_JULIAN;

  return TRUE;
}

static void
node_clear (gpointer data)
{
  ScNode *node = data;

  g_clear_pointer (&node->text, g_free);
}

static void
sc_formula_unbind (ScFormula *self)
{
  g_clear_pointer (&self->rows, sc_program_free);
  g_clear_pointer (&self->columns, g_free);
  self->n_columns = 0;
}

static void
sc_formula_free (ScFormula *self)
{
  sc_formula_unbind (self);
  g_clear_pointer (&self->outer, sc_program_free);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->part_combine, g_free);
  g_clear_pointer (&self->text, g_free);
  g_free (self);
}

/* Public API */

ScFormula *
sc_formula_parse (const char     *text,
                  ScFormulaKind   kind,
                  guint          *error_pos,
                  GError        **error)
{
  g_autoptr(ScFormula) self = NULL;
  g_autofree ScNodeInfo *info = NULL;
  const char *invalid = NULL;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (kind == SC_FORMULA_KPI || kind == SC_FORMULA_CONDITION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Before anything that reads the whole text: a huge one fails at once */
  length = strnlen (text, SC_FORMULA_MAX_LENGTH + 1);
  if (length > SC_FORMULA_MAX_LENGTH)
    {
      sc_formula_set_error (text, SC_FORMULA_MAX_LENGTH, error_pos, error,
                            SC_FORMULA_ERROR_TOO_COMPLEX,
                            _("the formula is too long: the limit is %d bytes"),
                            SC_FORMULA_MAX_LENGTH);
      return NULL;
    }

  if (!g_utf8_validate (text, length, &invalid))
    {
      sc_formula_set_error (text, invalid - text, error_pos, error, SC_FORMULA_ERROR_SYNTAX,
                            _("the text is not valid UTF-8"));
      return NULL;
    }

  self = g_new0 (ScFormula, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->text = g_strndup (text, length);
  self->nodes = g_array_new (FALSE, TRUE, sizeof (ScNode));
  g_array_set_clear_func (self->nodes, node_clear);

  if (!sc_formula_parse_nodes (self, error_pos, error))
    return NULL;

  /* Checks what needs no columns (literals, dates in quotes, the outer
   * expression), so a KPI formula can finish stored parts unbound.
   */
  info = g_new0 (ScNodeInfo, self->nodes->len);
  if (!sc_formula_check_types (self, NULL, info, error_pos, error))
    return NULL;

  if (kind == SC_FORMULA_KPI)
    self->outer = sc_program_compile_outer (self, info);

  return g_steal_pointer (&self);
}

ScFormula *
sc_formula_ref (ScFormula *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
sc_formula_unref (ScFormula *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    sc_formula_free (self);
}

const char *
sc_formula_get_text (ScFormula *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

ScFormulaKind
sc_formula_get_kind (ScFormula *self)
{
  g_return_val_if_fail (self != NULL, SC_FORMULA_KPI);

  return self->kind;
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The columns the row programs read, ascending, without repeats */
static void
collect_columns (ScFormula        *self,
                 const ScNodeInfo *info)
{
  const ScNode *nodes = (const ScNode *) (gpointer) self->nodes->data;
  guint n = 0;

  self->columns = g_new (guint, self->nodes->len + 1);
  for (guint i = 0; i < self->nodes->len; i++)
    if (nodes[i].kind == SC_NODE_COLUMN)
      self->columns[n++] = info[i].column;

  qsort (self->columns, n, sizeof (guint), compare_guint);

  self->n_columns = 0;
  for (guint i = 0; i < n; i++)
    if (i == 0 || self->columns[i] != self->columns[i - 1])
      self->columns[self->n_columns++] = self->columns[i];
}

gboolean
sc_formula_bind (ScFormula              *self,
                 const ScFormulaColumn  *columns,
                 guint                   n_columns,
                 guint                  *error_pos,
                 GError                **error)
{
  g_autofree ScNodeInfo *info = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (columns != NULL || n_columns == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A failed binding leaves the formula unbound, not half bound */
  sc_formula_unbind (self);

  info = g_new0 (ScNodeInfo, self->nodes->len);
  if (!sc_formula_resolve_columns (self, columns, n_columns, info, error_pos, error) ||
      !sc_formula_check_types (self, columns, info, error_pos, error))
    return FALSE;

  self->rows = sc_program_compile_rows (self, info);
  collect_columns (self, info);

  return TRUE;
}

const guint *
sc_formula_get_columns (ScFormula *self,
                        guint     *n_columns)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_columns != NULL)
    *n_columns = self->n_columns;

  return self->columns;
}

guint
sc_formula_get_n_parts (ScFormula *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_parts;
}
