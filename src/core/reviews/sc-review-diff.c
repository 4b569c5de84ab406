/* sc-review-diff.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Since the last review": what a review's figures say against the last
 * held review of the same partner, in sentences a customer reads: the
 * score and grade then and now, the KPIs that moved into or out of target,
 * the actions agreed last time (closed, still open, overdue) and the new
 * issues. Every sentence is translated whole, with plurals and positional
 * arguments; numbers and dates follow the language in use (the pack's,
 * see sc_language_use()), else the application's.
 */

#define G_LOG_DOMAIN "sc-review-diff"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"

#include "sc-review-diff.h"
#include "sc-review-edit.h"

static gboolean
on_target (ScStatus status)
{
  return status == SC_STATUS_GREEN;
}

static gboolean
off_target (ScStatus status)
{
  return status == SC_STATUS_AMBER || status == SC_STATUS_RED;
}

static void
add_score (GPtrArray        *out,
           ScReviewSnapshot *now,
           ScReviewSnapshot *then,
           const char       *then_date)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (isnan (now->score) || isnan (then->score))
    return;
  a = sc_language_format_number (NULL, then->score, 1);
  b = sc_language_format_number (NULL, now->score, 1);
  /* Translators: the overall score and grade at the last review (on the
   * date) and at this one, e.g. "Overall score 72.5 (grade C) on 12 June
   * → 80.1 (grade B)."
   */
  g_ptr_array_add (out, g_strdup_printf (_("Overall score %1$s (grade %2$s) on %3$s → %4$s (grade %5$s)."),
                                         a, then->grade, then_date, b, now->grade));
}

static void
add_kpi_moves (GPtrArray        *out,
               ScReviewSnapshot *now,
               ScReviewSnapshot *then)
{
  ScWorkbook *book = sc_review_snapshot_get_book (now, NULL);

  for (guint i = 0; book && i < now->kpis->len; i++)
    {
      ScReviewKpiFigure *f = &g_array_index (now->kpis, ScReviewKpiFigure, i);
      const ScReviewKpiFigure *p = sc_review_snapshot_find_kpi (then, f->id);
      ScKpi *kpi = sc_workbook_lookup_kpi (book, f->id);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (p == NULL || kpi == NULL)
        continue;
      a = sc_kpi_format_value (kpi, p->value, TRUE);
      b = sc_kpi_format_value (kpi, f->value, TRUE);
      if (off_target (p->status) && on_target (f->status))
        /* Translators: a KPI, its value at the last review and now */
        g_ptr_array_add (out, g_strdup_printf (_("%1$s is back on target: %2$s → %3$s."),
                                               sc_kpi_get_name_in (kpi, NULL), a, b));
      else if (on_target (p->status) && off_target (f->status))
        /* Translators: a KPI, its value at the last review and now */
        g_ptr_array_add (out, g_strdup_printf (_("%1$s has moved off target: %2$s → %3$s."),
                                               sc_kpi_get_name_in (kpi, NULL), a, b));
    }
}

static void
add_actions (GPtrArray        *out,
             ScReviewSnapshot *now,
             const char       *previous_id,
             const char       *then_date)
{
  guint n_total = 0, n_closed = 0, n_open, n_overdue = 0;

  for (guint i = 0; i < now->issues->len; i++)
    {
      ScReviewIssueFigure *f = &g_array_index (now->issues, ScReviewIssueFigure, i);

      if (g_strcmp0 (f->review_id, previous_id) != 0)
        continue;
      n_total++;
      n_closed += f->status >= SC_ISSUE_RESOLVED;
      n_overdue += f->overdue;
    }
  n_open = n_total - n_closed;
  if (n_total == 0)
    {
      /* Translators: %s is a date, "12 June" */
      g_ptr_array_add (out, g_strdup_printf (_("No actions were agreed on %s."), then_date));
      return;
    }
  /* Translators: closed actions, all actions, the date they were agreed:
   * "3 of 4 actions agreed on 12 June are closed"
   */
  g_ptr_array_add (out, g_strdup_printf (LN_ (NULL, "%1$u of %2$u actions agreed on %3$s is closed.",
                                                    "%1$u of %2$u actions agreed on %3$s are closed.",
                                                    n_closed),
                                         n_closed, n_total, then_date));
  if (n_open > 0 && n_overdue == 0)
    g_ptr_array_add (out, g_strdup_printf (LN_ (NULL, "%u is still open, none overdue.",
                                                      "%u are still open, none overdue.", n_open), n_open));
  else if (n_open > 0)
    /* Translators: open actions, then how many of them are overdue */
    g_ptr_array_add (out, g_strdup_printf (LN_ (NULL, "%1$u is still open, %2$u of them overdue.",
                                                      "%1$u are still open, %2$u of them overdue.", n_open),
                                           n_open, n_overdue));
}

static void
add_new_issues (GPtrArray        *out,
                ScReviewSnapshot *now,
                ScReviewSnapshot *then,
                const char       *then_iso,
                const char       *then_date)
{
  guint n_new = 0;

  for (guint i = 0; i < now->issues->len; i++)
    {
      ScReviewIssueFigure *f = &g_array_index (now->issues, ScReviewIssueFigure, i);
      gboolean known = FALSE;

      for (guint j = 0; j < then->issues->len && !known; j++)
        known = g_strcmp0 (g_array_index (then->issues, ScReviewIssueFigure, j).id, f->id) == 0;
      if (!known && (f->created == NULL || g_strcmp0 (f->created, then_iso) >= 0))
        n_new++;
    }
  if (n_new == 0)
    /* Translators: %s is a date, "12 June" */
    g_ptr_array_add (out, g_strdup_printf (_("No new issues since %s."), then_date));
  else
    /* Translators: a number of issues, then a date, "12 June" */
    g_ptr_array_add (out, g_strdup_printf (LN_ (NULL, "%1$u new issue since %2$s.",
                                                      "%1$u new issues since %2$s.", n_new),
                                           n_new, then_date));
}

/* The sentences comparing @figures (of @review) with @previous_figures
 * (of @previous, the last held review; NULL: there is none).
 */
char **
sc_review_diff_sentences (ScReview         *review,
                          ScReviewSnapshot *figures,
                          ScReview         *previous,
                          ScReviewSnapshot *previous_figures)
{
  GPtrArray *out = g_ptr_array_new ();

  if (previous == NULL || previous_figures == NULL || figures == NULL)
    g_ptr_array_add (out, g_strdup (_("This is the first review with this partner.")));
  else
    {
      g_autofree char *date = sc_review_format_date (sc_review_get_date (previous), FALSE);

      add_score (out, figures, previous_figures, date);
      add_kpi_moves (out, figures, previous_figures);
      add_actions (out, figures, sc_review_get_id (previous), date);
      add_new_issues (out, figures, previous_figures, sc_review_get_date (previous), date);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* The sentences for @review in @book, against its last held review. */
char **
sc_review_since_last (ScWorkbook *book,
                      ScReview   *review)
{
  g_autoptr(ScReviewSnapshot) figures = sc_review_dup_figures (book, review, NULL);
  ScReview *previous = sc_workbook_get_previous_review (book, review);

  return sc_review_diff_sentences (review, figures, previous,
                                   previous ? sc_review_get_snapshot (previous) : NULL);
}
