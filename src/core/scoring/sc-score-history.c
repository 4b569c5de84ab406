/* sc-score-history.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As scored then: a partner's overall score and grade for a period, kept
 * in the workbook at the moment the period's data was complete or a review
 * of it was held, so that a target changed later never rewrites what a
 * partner was told. The rule is in docs/scoring.md, "As scored then".
 */

#define G_LOG_DOMAIN "sc-score-history"

#include "config.h"

#include <math.h>

#include "sc-json-writer.h"
#include "sc-score-history.h"
#include "sc-scorer.h"

static const char * const reason_names[] = { "complete", "review" };

ScScoredThen *
sc_scored_then_new (const char         *partner_id,
                    ScPeriod            period,
                    double              score,
                    const char         *grade,
                    ScScoredThenReason  reason,
                    GDateTime          *recorded)
{
  ScScoredThen *record;

  g_return_val_if_fail (partner_id != NULL, NULL);

  record = g_new0 (ScScoredThen, 1);
  record->partner_id = g_strdup (partner_id);
  record->period = period;
  record->score = score;
  record->grade = isnan (score) ? NULL : g_strdup (grade);
  record->reason = reason;
  record->recorded = recorded ? g_date_time_ref (recorded) : g_date_time_new_now_utc ();

  return record;
}

ScScoredThen *
sc_scored_then_copy (const ScScoredThen *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return sc_scored_then_new (record->partner_id, record->period, record->score, record->grade,
                             record->reason, record->recorded);
}

void
sc_scored_then_free (ScScoredThen *record)
{
  if (record == NULL)
    return;
  g_free (record->partner_id);
  g_free (record->grade);
  g_clear_pointer (&record->recorded, g_date_time_unref);
  g_free (record);
}

const char *
sc_scored_then_reason_to_string (ScScoredThenReason reason)
{
  g_return_val_if_fail (reason <= SC_SCORED_THEN_REVIEW, NULL);
  return reason_names[reason];
}

gboolean
sc_scored_then_reason_from_string (const char         *str,
                                   ScScoredThenReason *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    if (g_strcmp0 (str, reason_names[i]) == 0)
      {
        *reason = (ScScoredThenReason) i;
        return TRUE;
      }
  return FALSE;
}

static char *
make_key (const char *partner_id,
          ScPeriod    period)
{
  return g_strdup_printf ("%s\t%d", partner_id, (int) period);
}

/* Keeps @record (taking it), replacing a record of the same partner and
 * period: what the file and the team store read back.
 */
void
sc_score_history_add (ScWorkbook   *book,
                      ScScoredThen *record)
{
  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (record != NULL);

  g_hash_table_replace (sc_workbook_get_score_history (book),
                        make_key (record->partner_id, record->period), record);
}

/* Forgets the record of @partner_id in @period, if any. */
void
sc_score_history_remove (ScWorkbook *book,
                         const char *partner_id,
                         ScPeriod    period)
{
  g_autofree char *key = NULL;

  g_return_if_fail (SC_IS_WORKBOOK (book));

  key = make_key (partner_id, period);
  g_hash_table_remove (sc_workbook_get_score_history (book), key);
}

const ScScoredThen *
sc_score_history_lookup (ScWorkbook *book,
                         ScPartner  *partner,
                         ScPeriod    period)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);

  key = make_key (sc_partner_get_id (partner), period);
  return g_hash_table_lookup (sc_workbook_get_score_history (book), key);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const ScScoredThen *ra = *(const ScScoredThen * const *) a;
  const ScScoredThen *rb = *(const ScScoredThen * const *) b;
  int cmp = g_strcmp0 (ra->partner_id, rb->partner_id);

  return cmp != 0 ? cmp : (ra->period > rb->period) - (ra->period < rb->period);
}

/* The records of @partner, or of every partner when NULL, by partner id
 * and period; the records stay the workbook's.
 */
GPtrArray *
sc_score_history_list (ScWorkbook *book,
                       ScPartner  *partner)
{
  const char *id = partner ? sc_partner_get_id (partner) : NULL;
  GPtrArray *list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), list);

  g_hash_table_iter_init (&iter, sc_workbook_get_score_history (book));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ScScoredThen *record = value;

      if (id == NULL || g_strcmp0 (record->partner_id, id) == 0)
        g_ptr_array_add (list, record);
    }
  g_ptr_array_sort (list, compare_records);

  return list;
}

guint
sc_score_history_get_n_records (ScWorkbook *book)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (book), 0);
  return g_hash_table_size (sc_workbook_get_score_history (book));
}

static ScScoredThen *
score_now (ScScorer           *scorer,
           ScPartner          *partner,
           ScPeriod            period,
           ScScoredThenReason  reason)
{
  ScRollup rollup = { SC_ROLLUP_PERIOD, period };
  double score = sc_scorer_overall (scorer, partner, &rollup);

  return sc_scored_then_new (sc_partner_get_id (partner), period, score,
                             sc_scorer_grade_for_score (scorer, score), reason, NULL);
}

/**
 * sc_score_history_record:
 * @book: a workbook
 * @partner: one of its partners
 * @period: a stored period
 * @reason: why the score is kept (a review calls with
 *   %SC_SCORED_THEN_REVIEW when it is held)
 *
 * Keeps @partner's overall score and grade for @period as the workbook's
 * rules score it now, replacing what was kept before: what a partner is
 * told at a review is what it is held to.
 *
 * Returns: (transfer none): the record kept
 */
const ScScoredThen *
sc_score_history_record (ScWorkbook         *book,
                         ScPartner          *partner,
                         ScPeriod            period,
                         ScScoredThenReason  reason)
{
  g_autoptr(ScScorer) scorer = NULL;
  ScScoredThen *record;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);

  scorer = sc_scorer_new (book);
  record = score_now (scorer, partner, period, reason);
  sc_score_history_add (book, record);
  sc_workbook_changed (book);

  return record;
}

/* Whether @partner's data for @period is complete: every KPI it is scored
 * on (a series with a target and a weight above 0) has a value.
 */
gboolean
sc_score_history_is_complete (ScWorkbook *book,
                              ScPartner  *partner,
                              ScPeriod    period)
{
  g_autoptr(GPtrArray) list = NULL;
  ScPeriod first = sc_workbook_get_first_period (book);
  guint n = sc_workbook_get_n_periods (book);
  guint n_scored = 0;

  if (n == 0 || period < first || period >= first + (ScPeriod) n)
    return FALSE;

  list = sc_workbook_dup_partner_series (book, partner);
  for (guint i = 0; i < list->len; i++)
    {
      const ScSeries *s = g_ptr_array_index (list, i);
      double target, weight;

      sc_partner_get_override (partner, sc_kpi_get_id (s->kpi), &target, &weight);
      if (isnan (target) && !sc_kpi_has_target (s->kpi))
        continue;
      if ((isnan (weight) ? sc_kpi_get_weight (s->kpi) : weight) <= 0)
        continue;
      if (isnan (s->values[period - first]))
        return FALSE;
      n_scored++;
    }

  return n_scored > 0;
}

/**
 * sc_score_history_record_complete:
 * @book: a workbook
 *
 * @added: (nullable): where to append a copy of each record added, so
 *   that undoing the import can remove them
 *
 * Keeps the score of every partner and period whose data is complete and
 * that has no record yet: called when an import is committed.
 *
 * Returns: the number of records added
 */
guint
sc_score_history_record_complete (ScWorkbook *book,
                                  GPtrArray  *added_records)
{
  g_autoptr(ScScorer) scorer = NULL;
  GListModel *partners;
  ScPeriod first;
  guint n, added = 0;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), 0);

  scorer = sc_scorer_new (book);
  partners = sc_workbook_get_partners (book);
  first = sc_workbook_get_first_period (book);
  n = sc_workbook_get_n_periods (book);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);

      for (guint p = 0; p < n; p++)
        {
          ScPeriod period = first + (ScPeriod) p;
          ScScoredThen *record;

          if (sc_score_history_lookup (book, partner, period) != NULL ||
              !sc_score_history_is_complete (book, partner, period))
            continue;
          record = score_now (scorer, partner, period, SC_SCORED_THEN_COMPLETE);
          if (added_records != NULL)
            g_ptr_array_add (added_records, sc_scored_then_copy (record));
          sc_score_history_add (book, record);
          added++;
        }
    }
  if (added > 0)
    sc_workbook_changed (book);

  return added;
}

/* The "scored_then" member of a partner in `summary --json`: each kept
 * score beside the score of the same period under today's rules; nothing
 * when none was kept.
 */
void
sc_score_history_write_json (ScJsonWriter *w,
                             ScScorer     *scorer,
                             ScPartner    *partner)
{
  ScWorkbook *book = sc_scorer_get_workbook (scorer);
  ScGranularity granularity = sc_workbook_get_granularity (book);
  g_autoptr(GPtrArray) records = NULL;

  if (sc_score_history_get_n_records (book) == 0)
    return;
  records = sc_score_history_list (book, partner);
  if (records->len == 0)
    return;

  sc_json_writer_begin_array (w, "scored_then");
  for (guint i = 0; i < records->len; i++)
    {
      const ScScoredThen *r = g_ptr_array_index (records, i);
      ScRollup rollup = { SC_ROLLUP_PERIOD, r->period };
      double today = sc_scorer_overall (scorer, partner, &rollup);
      g_autofree char *period = sc_period_to_string (granularity, r->period);
      g_autofree char *recorded = g_date_time_format (r->recorded, "%Y-%m-%dT%H:%M:%SZ");

      sc_json_writer_begin_object (w, NULL);
      sc_json_writer_string (w, "period", period);
      sc_json_writer_number_rounded (w, "score", r->score, 2);
      sc_json_writer_string (w, "grade", r->grade);
      sc_json_writer_number_rounded (w, "today", today, 2);
      sc_json_writer_string (w, "today_grade", sc_scorer_grade_for_score (scorer, today));
      sc_json_writer_string (w, "reason", sc_scored_then_reason_to_string (r->reason));
      sc_json_writer_string (w, "recorded", recorded);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);
}
