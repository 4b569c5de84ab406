/* sc-review-agenda.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agenda a new review starts with, made from the data: the score and
 * grade, what changed since the last review, the KPIs off target, the
 * open and overdue actions, then decisions. The user edits it afterwards.
 */

#define G_LOG_DOMAIN "sc-review-agenda"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"

#include "sc-review-agenda.h"
#include "sc-review-edit.h"

static void
add_score_item (GPtrArray        *items,
                ScReviewSnapshot *figures)
{
  g_autofree char *score = NULL;

  if (isnan (figures->score))
    {
      /* Translators: an agenda item; %s is the period reviewed, "Jun 2025" */
      g_ptr_array_add (items, g_strdup_printf (_("Scorecard for %s: no data yet"), figures->view_label));
      return;
    }
  score = sc_language_format_number (NULL, figures->score, 1);
  /* Translators: an agenda item: the period reviewed, the overall score, the grade */
  g_ptr_array_add (items, g_strdup_printf (_("Scorecard for %1$s: overall score %2$s, grade %3$s"),
                                           figures->view_label, score, figures->grade));
}

static void
add_off_target_items (GPtrArray        *items,
                      ScReviewSnapshot *figures)
{
  ScWorkbook *book = sc_review_snapshot_get_book (figures, NULL);

  for (guint i = 0; book && i < figures->kpis->len; i++)
    {
      ScReviewKpiFigure *f = &g_array_index (figures->kpis, ScReviewKpiFigure, i);
      ScKpi *kpi = sc_workbook_lookup_kpi (book, f->id);
      g_autofree char *value = NULL;
      g_autofree char *target = NULL;

      if (kpi == NULL || (f->status != SC_STATUS_AMBER && f->status != SC_STATUS_RED))
        continue;
      value = sc_kpi_format_value (kpi, f->value, TRUE);
      target = sc_kpi_format_value (kpi, f->target, TRUE);
      /* Translators: an agenda item: a KPI, its value, its target */
      g_ptr_array_add (items, g_strdup_printf (_("Off target: %1$s at %2$s (target %3$s)"),
                                               sc_kpi_get_name_in (kpi, NULL), value, target));
    }
}

static void
add_action_items (GPtrArray        *items,
                  ScReviewSnapshot *figures)
{
  guint n_open = 0, n_overdue = 0;

  for (guint i = 0; i < figures->issues->len; i++)
    {
      ScReviewIssueFigure *f = &g_array_index (figures->issues, ScReviewIssueFigure, i);

      if (f->status < SC_ISSUE_RESOLVED)
        n_open++;
      n_overdue += f->overdue;
    }
  if (n_open > 0)
    g_ptr_array_add (items, g_strdup_printf (LN_ (NULL, "Follow up %u open action",
                                                        "Follow up %u open actions", n_open), n_open));
  if (n_overdue > 0)
    g_ptr_array_add (items, g_strdup_printf (LN_ (NULL, "%u action is overdue: new dates or escalation",
                                                        "%u actions are overdue: new dates or escalation",
                                                        n_overdue), n_overdue));
}

/* The generated agenda of @review showing @figures; @previous is the last
 * review's frozen figures, or NULL. Free with g_strfreev().
 */
char **
sc_review_agenda_generate (ScWorkbook       *book,
                           ScReview         *review,
                           ScReviewSnapshot *figures,
                           ScReviewSnapshot *previous)
{
  GPtrArray *items = g_ptr_array_new ();
  ScReview *last = sc_workbook_get_previous_review (book, review);

  g_ptr_array_add (items, g_strdup (_("Welcome and introductions")));
  if (figures != NULL)
    add_score_item (items, figures);
  if (last != NULL)
    {
      g_autofree char *date = sc_review_format_date (sc_review_get_date (last), TRUE);

      /* Translators: an agenda item; %s is a date, "12 June 2025" */
      g_ptr_array_add (items, g_strdup_printf (_("Since the last review on %s"), date));
    }
  if (figures != NULL)
    {
      add_off_target_items (items, figures);
      add_action_items (items, figures);
    }
  g_ptr_array_add (items, g_strdup (_("Decisions and next actions")));
  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (items, FALSE);
}
