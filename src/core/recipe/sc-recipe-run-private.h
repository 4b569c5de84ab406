/* sc-recipe-run-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of a recipe run and of one file in it, shared by the files of
 * the run: sc-recipe-run.c (groups, partners, one row), sc-recipe-bind.c
 * (columns, lookups, formulas bound to a file), sc-recipe-read.c (reading
 * a file, on two threads when it is large) and sc-recipe-preview.c.
 */

#pragma once

#include "sc-recipe-run.h"
#include "sc-recipe-table.h"

G_BEGIN_DECLS

#define CANCEL_CHECK_ROWS 65536

typedef struct
{
  guint32  partner;
  ScPeriod period;
  guint    source;
  guint64  line;             /* the first row of the group, for messages */
} Group;

struct _ScRecipeRun
{
  ScRecipe    *recipe;
  guint        n_kpis;
  guint       *offsets;      /* per KPI, into a group's parts; [0] is the row count */
  guint        stride;
  double      *fresh;        /* the parts of a group without rows */

  /* Partners, by their final name */
  GPtrArray   *partners;     /* char * */
  GArray      *types;        /* ScPartnerType */
  GHashTable  *partner_index;/* name → index + 1 */
  GHashTable  *aliases;      /* normalised spelling → name */

  /* Groups: open addressing on (partner, period) */
  GArray      *windows;      /* PartnerWindow, by partner index */
  gsize        n_window_cells;
  GArray      *groups;       /* Group */
  GArray      *parts;        /* double, stride per group */

  guint64      n_rows;
  guint64      n_used;
  guint64      n_no_partner;
  guint64      n_no_date;
};

/* A partner's groups by period: groups[period - base] is a group's
 * index + 1, 0 where the partner has none yet. Two array lookups per row
 * instead of a hash probe: a million rows cost no cache misses for it.
 */
typedef struct
{
  ScPeriod  base;
  guint32   n;
  guint32  *groups;
} PartnerWindow;

/* Rows passed from the reading thread to the one that aggregates: the
 * cells of the columns the recipe reads, copied, NUL-terminated.
 */
typedef struct
{
  GString  *text;
  GArray   *cells;           /* guint32 offset and guint32 length per row × slot */
  GArray   *lines;           /* guint64 per row */
  guint     n_rows;
  guint     last : 1;        /* the reader is done (or failed) */
} RowBatch;

/* Per file */
typedef struct
{
  ScRecipeRun    *run;
  ScImport       *import;
  ScReaderCsv    *reader;
  guint           source;
  const char     *name;
  ScRecipeTable  *table;
  int             partner_column;
  int             date_column;
  int             type_column;
  ScPartnerType   fixed_type;
  GHashTable    **lookups;   /* per column: code → name, or NULL */
  guint          *used;      /* the columns formulas and the filter read */
  guint           n_used;
  ScCell         *cells;
  GHashTable     *raw;       /* partner cell as written → index + 1 */
  GString        *scratch;
  char          **held;      /* a row of the table being taken, or NULL: the reader's */
  guint64         held_line;
  const RowBatch *batch;     /* or a row of a batch */
  guint           batch_row;
  int            *slots;     /* per column: its place in a batch row, or -1 */
  guint          *slot_columns; /* per place: its column */
  guint           n_slots;
  double          last_day;
  ScPeriod        last_period;
} FileRun;

gboolean sc_recipe_file_prepare        (FileRun  *fr,
                                        GBytes   *spreadsheet,
                                        GError  **error);
gboolean sc_recipe_file_prepare_table  (FileRun  *fr,
                                        GBytes   *spreadsheet,
                                        GError  **error);
gboolean sc_recipe_file_take_row       (FileRun  *fr,
                                        GError  **error);
gboolean sc_recipe_file_take_held_rows (FileRun  *fr,
                                        GError  **error);
void     sc_recipe_file_clear          (FileRun  *fr);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileRun, sc_recipe_file_clear)

G_END_DECLS
