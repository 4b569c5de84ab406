/* sc-score-history.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-workbook.h"

G_BEGIN_DECLS

/**
 * ScScoredThenReason:
 * @SC_SCORED_THEN_COMPLETE: every scored KPI of the partner had a value for
 *   the period when its data was imported
 * @SC_SCORED_THEN_REVIEW: a review of the period was held
 */
typedef enum
{
  SC_SCORED_THEN_COMPLETE,
  SC_SCORED_THEN_REVIEW,
} ScScoredThenReason;

/* A partner's overall score and grade for one stored period as it was
 * scored then: kept in the workbook and never recomputed.
 */
typedef struct
{
  char               *partner_id;
  ScPeriod            period;
  double              score;     /* NaN: no data */
  char               *grade;     /* NULL: no data */
  ScScoredThenReason  reason;
  GDateTime          *recorded;  /* UTC */
} ScScoredThen;

ScScoredThen *sc_scored_then_new            (const char         *partner_id,
                                             ScPeriod            period,
                                             double              score,
                                             const char         *grade,
                                             ScScoredThenReason  reason,
                                             GDateTime          *recorded);
ScScoredThen *sc_scored_then_copy           (const ScScoredThen *record);
void          sc_scored_then_free           (ScScoredThen       *record);
const char   *sc_scored_then_reason_to_string (ScScoredThenReason reason);
gboolean      sc_scored_then_reason_from_string (const char      *str,
                                                 ScScoredThenReason *reason);

void          sc_score_history_add          (ScWorkbook         *book,
                                             ScScoredThen       *record);
const ScScoredThen *sc_score_history_lookup (ScWorkbook         *book,
                                             ScPartner          *partner,
                                             ScPeriod            period);
GPtrArray    *sc_score_history_list         (ScWorkbook         *book,
                                             ScPartner          *partner);
guint         sc_score_history_get_n_records (ScWorkbook        *book);
const ScScoredThen *sc_score_history_record (ScWorkbook         *book,
                                             ScPartner          *partner,
                                             ScPeriod            period,
                                             ScScoredThenReason  reason);
guint         sc_score_history_record_complete (ScWorkbook      *book,
                                                GPtrArray       *added_records);
void          sc_score_history_remove       (ScWorkbook         *book,
                                             const char         *partner_id,
                                             ScPeriod            period);
gboolean      sc_score_history_is_complete  (ScWorkbook         *book,
                                             ScPartner          *partner,
                                             ScPeriod            period);

typedef struct _ScJsonWriter ScJsonWriter;
typedef struct _ScScorer ScScorer;

void          sc_score_history_write_json   (ScJsonWriter       *w,
                                             ScScorer           *scorer,
                                             ScPartner          *partner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScScoredThen, sc_scored_then_free)

G_END_DECLS
