/* sc-workbook-save-scoring.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing the scoring members of a .scorecard file: the period weighting
 * and the scores as scored then, each only when the workbook has one, so a
 * workbook without them is written as before.
 */

#define G_LOG_DOMAIN "sc-workbook-save"

#include "config.h"

#include <math.h>

#include "sc-score-history.h"
#include "sc-workbook-save-private.h"

void
sc_workbook_write_weighting (ScJsonWriter *w,
                             ScWorkbook   *book)
{
  const ScPeriodWeighting *weighting = sc_workbook_get_period_weighting (book);

  if (sc_period_weighting_is_latest (weighting))
    return;

  sc_json_writer_begin_object (w, "period_weighting");
  sc_json_writer_string (w, "mode", sc_weighting_mode_to_string (weighting->mode));
  sc_json_writer_number (w, "periods", weighting->n_periods);
  if (weighting->mode == SC_WEIGHTING_EXPONENTIAL)
    sc_json_writer_number (w, "half_life", weighting->half_life);
  sc_json_writer_end_object (w);
}

void
sc_workbook_write_score_history (ScJsonWriter *w,
                                 ScWorkbook   *book)
{
  g_autoptr(GPtrArray) records = NULL;
  ScGranularity granularity = sc_workbook_get_granularity (book);

  if (sc_score_history_get_n_records (book) == 0)
    return;

  records = sc_score_history_list (book, NULL);
  sc_json_writer_begin_array (w, "score_history");
  for (guint i = 0; i < records->len; i++)
    {
      const ScScoredThen *r = g_ptr_array_index (records, i);
      g_autofree char *period = sc_period_to_string (granularity, r->period);
      g_autofree char *recorded = g_date_time_format (r->recorded, "%Y-%m-%dT%H:%M:%SZ");

      sc_json_writer_begin_object (w, NULL);
      sc_json_writer_string (w, "partner", r->partner_id);
      sc_json_writer_string (w, "period", period);
      sc_json_writer_number_rounded (w, "score", r->score, 4);
      sc_json_writer_string (w, "grade", r->grade);
      sc_json_writer_string (w, "reason", sc_scored_then_reason_to_string (r->reason));
      sc_json_writer_string (w, "recorded", recorded);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);
}
