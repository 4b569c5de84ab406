/* sc-whatif-item.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-whatif.h"

G_BEGIN_DECLS

/* What a column of the What If table shows and sorts by */
typedef enum
{
  SC_WHATIF_COLUMN_PARTNER,
  SC_WHATIF_COLUMN_SCORE_BEFORE,
  SC_WHATIF_COLUMN_SCORE_AFTER,
  SC_WHATIF_COLUMN_CHANGE,
  SC_WHATIF_COLUMN_GRADE_BEFORE,
  SC_WHATIF_COLUMN_GRADE_AFTER,
  SC_WHATIF_COLUMN_RANK_BEFORE,
  SC_WHATIF_COLUMN_RANK_AFTER,
  SC_WHATIF_COLUMN_MOVED,
  SC_WHATIF_N_COLUMNS
} ScWhatifColumn;

#define SC_TYPE_WHATIF_ITEM (sc_whatif_item_get_type())

G_DECLARE_FINAL_TYPE (ScWhatifItem, sc_whatif_item, SC, WHATIF_ITEM, GObject)

ScWhatifItem      *sc_whatif_item_new      (const ScWhatifRow *row);
const ScWhatifRow *sc_whatif_item_get_row  (ScWhatifItem      *self);
char              *sc_whatif_item_dup_text (ScWhatifItem      *self,
                                            ScWhatifColumn     column);
const char        *sc_whatif_column_get_property (ScWhatifColumn column);

G_END_DECLS
