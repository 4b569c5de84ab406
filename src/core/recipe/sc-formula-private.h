/* sc-formula-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The insides of a formula, shared by the files of the formula language:
 * the parser builds nodes (sc-formula-parse.c), the checker gives them
 * types (sc-formula-check.c), the compiler turns them into flat programs
 * (sc-formula-compile.c) and the evaluator runs those on rows and parts
 * (sc-formula-eval.c).
 *
 * Nodes are kept in postfix order: every node comes after its children,
 * and a subtree is the contiguous run of nodes from its @first to itself.
 * So checking and compiling walk the array once, front to back, and
 * nothing after the parser recurses, however long an "a + b + c + …"
 * chain is. The parser itself recurses only into parentheses and calls,
 * at most SC_FORMULA_MAX_DEPTH deep.
 */

#pragma once

#include "sc-formula.h"

G_BEGIN_DECLS

#define SC_NODE_NONE G_MAXUINT32

/* Values waiting on the evaluator's stack; the parser refuses formulas
 * that would need more (SC_FORMULA_MAX_DEPTH keeps real ones far below).
 */
#define SC_FORMULA_STACK_SIZE 256

typedef enum
{
  SC_NODE_NUMBER,
  SC_NODE_STRING,
  SC_NODE_COLUMN,
  SC_NODE_NEGATE,
  SC_NODE_NOT,
  SC_NODE_ADD,
  SC_NODE_SUBTRACT,
  SC_NODE_MULTIPLY,
  SC_NODE_DIVIDE,
  SC_NODE_COMPARE,     /* @op is an ScCompare */
  SC_NODE_AND,
  SC_NODE_OR,
  SC_NODE_IN,          /* its @n_items literals are the nodes just before it */
  SC_NODE_IS_EMPTY,
  SC_NODE_CALL,        /* @op is an ScFunction that is not an aggregate */
  SC_NODE_AGGREGATE,   /* @op is an aggregate ScFunction */
} ScNodeKind;

typedef enum
{
  SC_COMPARE_EQ,
  SC_COMPARE_NE,
  SC_COMPARE_LT,
  SC_COMPARE_LE,
  SC_COMPARE_GT,
  SC_COMPARE_GE,
} ScCompare;

typedef enum
{
  SC_FUNCTION_COUNT,
  SC_FUNCTION_SUM,
  SC_FUNCTION_MEAN,
  SC_FUNCTION_MIN,
  SC_FUNCTION_MAX,
  SC_FUNCTION_SHARE,
  SC_FUNCTION_IF,
  SC_FUNCTION_DAYS,
  SC_FUNCTION_ABS,
  SC_FUNCTION_ROUND,
  SC_N_FUNCTIONS,
} ScFunction;

typedef enum
{
  SC_NODE_NEGATED      = 1 << 0,  /* "not in", "is not empty" */
  SC_NODE_IN_AGGREGATE = 1 << 1,  /* evaluated on rows, inside an aggregate */
  SC_NODE_LIST_ITEM    = 1 << 2,  /* a literal of an "in (…)" list */
} ScNodeFlags;

typedef struct
{
  guint8   kind;       /* ScNodeKind */
  guint8   op;         /* ScCompare or ScFunction */
  guint8   flags;      /* ScNodeFlags */
  guint8   n_args;
  guint32  offset;     /* byte offset in the text, for messages */
  guint32  first;      /* first node of this subtree */
  guint32  args[3];    /* children, in the order written */
  guint32  where;      /* AGGREGATE: its where clause, or SC_NODE_NONE */
  guint32  n_items;    /* IN: literals in the list */
  guint32  part;       /* AGGREGATE: its first part */
  double   number;     /* NUMBER */
  char    *text;       /* STRING: unescaped; COLUMN: the name; NUMBER: as written */
} ScNode;

typedef enum
{
  SC_TYPE_ANY,         /* not known before binding, or an all-empty column */
  SC_TYPE_NUMBER,
  SC_TYPE_DATE,
  SC_TYPE_TEXT,
  SC_TYPE_BOOL,
} ScType;

/* How a node's parent reads it */
typedef enum
{
  SC_MODE_VALUE,       /* a double: number, day or 1/0; NaN when unknown */
  SC_MODE_TEXT,        /* text, NULL when the cell is empty */
  SC_MODE_CONDITION,   /* 1, 0 or NaN (unknown) */
} ScMode;

/* What checking learns of a node, for one binding */
typedef struct
{
  guint8   type;          /* ScType */
  guint8   mode;          /* ScMode */
  guint8   text_compare;  /* COMPARE, IN: compare text, not values */
  guint8   is_date;       /* STRING read as a date, held in @day */
  guint32  column;        /* COLUMN: index in the bound columns */
  double   day;
} ScNodeInfo;

/* Instructions of the evaluator: a stack machine */
typedef enum
{
  SC_OP_NUMBER,           /* push @number */
  SC_OP_TEXT,             /* push @text */
  SC_OP_COLUMN_VALUE,     /* push row[@a] as a number or day */
  SC_OP_COLUMN_TEXT,      /* push row[@a] as text */
  SC_OP_COLUMN_TRUTH,     /* push row[@a] as a condition (yes/no/1/0/…) */
  SC_OP_AGGREGATE,        /* push aggregate @op with parts from @a */
  SC_OP_NEGATE,
  SC_OP_NOT,
  SC_OP_TO_CONDITION,
  SC_OP_ADD,
  SC_OP_SUBTRACT,
  SC_OP_MULTIPLY,
  SC_OP_DIVIDE,
  SC_OP_COMPARE,          /* @op: ScCompare */
  SC_OP_COMPARE_TEXT,
  SC_OP_AND,
  SC_OP_OR,
  SC_OP_IN,               /* @list; @negated */
  SC_OP_IN_TEXT,
  SC_OP_IS_EMPTY,         /* @negated */
  SC_OP_IS_EMPTY_TEXT,
  SC_OP_IF,
  SC_OP_DAYS,
  SC_OP_ABS,
  SC_OP_ROUND,            /* @a: 1 or 2 arguments */

  /* Fused forms of the common row tests */
  SC_OP_COLUMN_COMPARE,       /* row[@a] @op @number */
  SC_OP_COLUMN_COMPARE_COLUMN,/* row[@a] @op row[@b] */
  SC_OP_COLUMN_COMPARE_TEXT,  /* row[@a] @op @text */
  SC_OP_COLUMN_IN_TEXT,       /* row[@a] in @list */
  SC_OP_COLUMN_IS_EMPTY,      /* row[@a] is empty */
  SC_OP_COLUMN_DAYS,          /* row[@b] - row[@a] */
} ScOpCode;

/* A text literal, lowered char by char as the comparisons lower cells */
typedef struct
{
  char     *lower;
  gsize     length;
  gboolean  ascii;
} ScText;

typedef struct
{
  guint     n;
  double   *numbers;   /* SC_OP_IN */
  ScText   *texts;     /* SC_OP_IN_TEXT, SC_OP_COLUMN_IN_TEXT */
} ScList;

typedef struct
{
  guint8   code;       /* ScOpCode */
  guint8   op;         /* ScCompare or ScFunction */
  guint8   negated;
  guint8   reserved;
  guint32  a;
  guint32  b;
  union
  {
    double         number;
    const ScText  *text;
    const ScList  *list;
  };
} ScOp;

typedef struct
{
  guint8   function;   /* ScFunction */
  gint     where;      /* index of its where program, or -1 */
  guint32  part;
  guint32  start;      /* its argument's ops, none for count() */
  guint32  length;
} ScAggregate;

typedef struct
{
  GArray      *ops;         /* ScOp */
  GPtrArray   *texts;       /* owned ScText */
  GPtrArray   *lists;       /* owned ScList */
  ScAggregate *aggregates;
  guint        n_aggregates;
  guint32     *where_start; /* distinct where clauses, each run once a row */
  guint32     *where_length;
  guint        n_wheres;
} ScProgram;

typedef enum
{
  SC_PART_ADD,
  SC_PART_MIN,
  SC_PART_MAX,
} ScPartCombine;

struct _ScFormula
{
  gatomicrefcount  ref_count;
  ScFormulaKind    kind;
  char            *text;

  GArray          *nodes;        /* ScNode, postfix */
  guint            n_parts;
  guint8          *part_combine; /* ScPartCombine of each part */

  ScProgram       *outer;        /* KPI: the expression over the parts */

  /* Bound */
  ScProgram       *rows;         /* aggregates' arguments and where clauses,
                                  * or the condition (ops 0…n) */
  guint           *columns;
  guint            n_columns;
};

/* sc-formula.c */
typedef struct
{
  const char *name;
  guint8      min_args;
  guint8      max_args;
  guint8      n_parts;     /* an aggregate's parts; 0 for other functions */
} ScFunctionInfo;

extern const ScFunctionInfo sc_formula_functions[SC_N_FUNCTIONS];

void        sc_formula_set_error      (const char      *text,
                                       gsize            offset,
                                       guint           *error_pos,
                                       GError         **error,
                                       ScFormulaError   code,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (6, 7);
gboolean    sc_formula_parse_day      (const char      *text,
                                       double          *day);

/* sc-formula-lex.c */
typedef enum
{
  SC_TOKEN_END,
  SC_TOKEN_NUMBER,
  SC_TOKEN_STRING,
  SC_TOKEN_NAME,        /* a bare name: a column, or a function before "(" */
  SC_TOKEN_BRACKETED,   /* a [column name] */
  SC_TOKEN_OPEN,
  SC_TOKEN_CLOSE,
  SC_TOKEN_COMMA,
  SC_TOKEN_PLUS,
  SC_TOKEN_MINUS,
  SC_TOKEN_TIMES,
  SC_TOKEN_DIVIDE,
  SC_TOKEN_COMPARE,     /* @compare says which */
  SC_TOKEN_AND,
  SC_TOKEN_OR,
  SC_TOKEN_NOT,
  SC_TOKEN_IN,
  SC_TOKEN_IS,
  SC_TOKEN_EMPTY,
  SC_TOKEN_WHERE,
} ScTokenKind;

typedef struct
{
  ScTokenKind  kind;
  ScCompare    compare;
  gsize        start;     /* bytes */
  gsize        end;
  double       number;
} ScToken;

typedef struct
{
  const char  *text;
  gsize        length;
  ScToken      token;       /* the current token */
  ScToken      previous;
  guint       *error_pos;
  GError     **error;
} ScLexer;

gboolean    sc_lexer_next             (ScLexer         *lexer);
char       *sc_lexer_describe         (ScLexer         *lexer,
                                       const ScToken   *token);
char       *sc_lexer_string_value     (ScLexer         *lexer,
                                       const ScToken   *token);
char       *sc_lexer_bracketed_value  (ScLexer         *lexer,
                                       const ScToken   *token);
gboolean    sc_formula_is_bare_name   (const char      *name);

/* sc-formula-parse.c */
gboolean    sc_formula_parse_nodes    (ScFormula       *self,
                                       guint           *error_pos,
                                       GError         **error);

/* sc-formula-columns.c */
gboolean    sc_formula_resolve_columns (ScFormula             *self,
                                        const ScFormulaColumn *columns,
                                        guint                  n_columns,
                                        ScNodeInfo            *info,
                                        guint                 *error_pos,
                                        GError               **error);

/* sc-formula-check.c: @columns is NULL when parsing, before binding */
gboolean    sc_formula_check_types    (ScFormula             *self,
                                       const ScFormulaColumn *columns,
                                       ScNodeInfo            *info,
                                       guint                 *error_pos,
                                       GError               **error);

/* sc-formula-compile.c */
ScProgram  *sc_program_compile_outer  (ScFormula        *self,
                                       const ScNodeInfo *info);
ScProgram  *sc_program_compile_rows   (ScFormula        *self,
                                       const ScNodeInfo *info);
void        sc_program_free           (ScProgram        *program);
void        sc_text_lower             (const char       *text,
                                       gsize             length,
                                       ScText           *out);

/* sc-formula-eval.c */
double      sc_program_run            (const ScOp       *ops,
                                       guint             n_ops,
                                       const ScCell     *row,
                                       const double     *parts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScProgram, sc_program_free)

G_END_DECLS
