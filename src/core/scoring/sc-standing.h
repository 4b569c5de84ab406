/* sc-standing.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-scorer.h"

G_BEGIN_DECLS

/**
 * ScWatchReason:
 * @SC_WATCH_NONE: not on the watch list
 * @SC_WATCH_WORSENED: the standing is worse than in the previous view
 * @SC_WATCH_LOWEST: in the lowest standing for the workbook's watch periods
 *   or more, in a row
 */
typedef enum
{
  SC_WATCH_NONE,
  SC_WATCH_WORSENED,
  SC_WATCH_LOWEST,
} ScWatchReason;

/* Why a partner is on the watch list. The names are the workbook's. */
typedef struct
{
  ScWatchReason  reason;
  const char    *from;       /* the standing of the previous view (worsened) */
  const char    *to;         /* the standing now */
  guint          n_periods;  /* views in a row in the lowest standing, this one included */
} ScWatch;

void         sc_standing_fill_defaults  (ScGradeBand    *bands,
                                         guint           n_bands);
const char  *sc_standing_action_label   (const char     *action);
const char  *sc_standing_action_from_label (const char  *action,
                                         const char     *label);
int          sc_standing_index          (ScWorkbook     *book,
                                         double          score);
gboolean     sc_standing_watch          (ScScorer       *scorer,
                                         ScPartner      *partner,
                                         const ScRollup *rollup,
                                         ScWatch        *watch);
char        *sc_watch_describe          (const ScWatch  *watch);
const char  *sc_watch_reason_to_string  (ScWatchReason   reason);

G_END_DECLS
