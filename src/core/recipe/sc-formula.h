/* sc-formula.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The KPI formula language of recipes (docs/recipes.md): an expression over
 * aggregates — count(), sum(x), mean(x), min(x), max(x), share(c),
 * count(c), each with an optional "where" clause — evaluated over the
 * transaction rows of one partner × period.
 *
 * Every aggregate keeps "parts" (sums, counts, a minimum) that combine
 * across periods, so a quarter's value is the formula over the quarter's
 * rows, not a mean of monthly results: the import keeps the parts per
 * stored period, and a roll-up combines them and evaluates the formula once.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_FORMULA_ERROR (sc_formula_error_quark())

/* Hostile input stays bounded */
#define SC_FORMULA_MAX_LENGTH (64 * 1024)   /* bytes of formula text */
#define SC_FORMULA_MAX_DEPTH  64            /* nesting of parentheses and calls */
#define SC_FORMULA_MAX_PARTS  256           /* aggregate parts of one formula */

/**
 * ScFormulaError:
 * @SC_FORMULA_ERROR_SYNTAX: the text is not a formula (unexpected token,
 *   unclosed parenthesis or quote, …)
 * @SC_FORMULA_ERROR_UNKNOWN_COLUMN: a column the file does not have; the
 *   message names the closest header as a hint
 * @SC_FORMULA_ERROR_UNKNOWN_FUNCTION: a function the language does not have,
 *   or called with the wrong number of arguments
 * @SC_FORMULA_ERROR_TYPE: a value of the wrong kind (sum of a text column,
 *   days() of a number, a column outside an aggregate in a KPI formula, an
 *   aggregate nested in another, an aggregate in a row filter)
 * @SC_FORMULA_ERROR_TOO_COMPLEX: longer or deeper than the limits above
 *
 * Every message says where, as "at character N of the formula", and
 * @error_pos of the functions below returns that position.
 */
typedef enum
{
  SC_FORMULA_ERROR_SYNTAX,
  SC_FORMULA_ERROR_UNKNOWN_COLUMN,
  SC_FORMULA_ERROR_UNKNOWN_FUNCTION,
  SC_FORMULA_ERROR_TYPE,
  SC_FORMULA_ERROR_TOO_COMPLEX,
} ScFormulaError;

/**
 * ScCellType:
 * @SC_CELL_EMPTY: an empty cell (aggregates skip it; comparisons with it
 *   are unknown, and an unknown condition counts as false in "where")
 * @SC_CELL_NUMBER: @number holds the value
 * @SC_CELL_DATE: @number holds the day: days since 1970-01-01
 * @SC_CELL_TEXT: only @text is meaningful
 *
 * The kind of a column (from its values) and of one cell. A cell always
 * carries its text as written, so a number column compared with a string
 * compares the text.
 */
typedef enum
{
  SC_CELL_EMPTY,
  SC_CELL_NUMBER,
  SC_CELL_DATE,
  SC_CELL_TEXT,
} ScCellType;

/* One cell of the row being evaluated; @text need not be NUL-terminated. */
typedef struct
{
  ScCellType  type;
  double      number;
  const char *text;
  gsize       length;
} ScCell;

/* A column of the data, as binding sees it */
typedef struct
{
  const char *name;       /* the header as written */
  ScCellType  type;       /* from its values; SC_CELL_EMPTY when all are empty */
} ScFormulaColumn;

/**
 * ScFormulaKind:
 * @SC_FORMULA_KPI: an expression over aggregates, giving one number per
 *   partner × period (bare columns only inside aggregates)
 * @SC_FORMULA_CONDITION: a condition over one row: a recipe's row filter
 *   (no aggregates)
 */
typedef enum
{
  SC_FORMULA_KPI,
  SC_FORMULA_CONDITION,
} ScFormulaKind;

typedef struct _ScFormula ScFormula;

GQuark      sc_formula_error_quark       (void);

/* Parses @text. On error returns NULL, sets @error and, when @error_pos is
 * not NULL, the 1-based character (not byte) position in @text where the
 * problem is. Parsing needs no columns: a parsed KPI formula already knows
 * its parts, which is all sc_formula_finish() needs to roll stored parts up.
 */
ScFormula  *sc_formula_parse             (const char             *text,
                                          ScFormulaKind           kind,
                                          guint                  *error_pos,
                                          GError                **error);
ScFormula  *sc_formula_ref               (ScFormula              *self);
void        sc_formula_unref             (ScFormula              *self);
const char *sc_formula_get_text          (ScFormula              *self);
ScFormulaKind sc_formula_get_kind        (ScFormula              *self);

/* Resolves column references against @columns: a bare name or one in
 * [square brackets], matched case-insensitively; an unknown one is an
 * error naming the closest header. Checks types: sum/mean/min/max and
 * arithmetic need numbers (or dates, for min/max), days() needs dates, a
 * date compared with a string literal parses the literal as a date
 * (YYYY-MM-DD). Must be called once before sc_formula_accumulate() or
 * sc_formula_test_row(); may be called again with other columns.
 */
gboolean    sc_formula_bind              (ScFormula              *self,
                                          const ScFormulaColumn  *columns,
                                          guint                   n_columns,
                                          guint                  *error_pos,
                                          GError                **error);

const char *sc_formula_closest_column    (const char            *name,
                                          const ScFormulaColumn *columns,
                                          guint                  n_columns);

/* The columns the bound formula reads, as indexes into the bound columns,
 * in ascending order, without repeats.
 */
const guint *sc_formula_get_columns      (ScFormula              *self,
                                          guint                  *n_columns);

/* Aggregate parts (a KPI formula; a condition has none). The parts of a
 * partner × period start with sc_formula_init_parts(), take each row with
 * sc_formula_accumulate(), and give the KPI value with sc_formula_finish().
 * Parts of several periods combine with sc_formula_combine_parts() (sums
 * add, minimums take the lower, …): finishing the combined parts gives the
 * formula over all their rows. Parts are plain doubles, stored as they are
 * in the workbook; their order follows the aggregates in the text.
 */
guint       sc_formula_get_n_parts       (ScFormula              *self);
void        sc_formula_init_parts        (ScFormula              *self,
                                          double                 *parts);
void        sc_formula_accumulate        (ScFormula              *self,
                                          const ScCell           *row,
                                          double                 *parts);
void        sc_formula_combine_parts     (ScFormula              *self,
                                          double                 *into,
                                          const double           *parts);
/* The value: NaN when there is no data — no rows an aggregate could use,
 * a division by zero, an empty min/max — never an infinity.
 */
double      sc_formula_finish            (ScFormula              *self,
                                          const double           *parts);

/* A condition formula on one row: TRUE only when it is true (unknown,
 * from an empty cell, is FALSE).
 */
gboolean    sc_formula_test_row          (ScFormula              *self,
                                          const ScCell           *row);

/* @row is indexed like the bound columns: row[i] is column i. Only the
 * columns of sc_formula_get_columns() need to be filled in.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScFormula, sc_formula_unref)

G_END_DECLS
