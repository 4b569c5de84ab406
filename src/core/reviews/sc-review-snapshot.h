/* sc-review-snapshot.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-issue.h"
#include "sc-json-writer.h"
#include "sc-review.h"
#include "sc-rollup.h"
#include "sc-score.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

/* One KPI as the review showed it, for the view reviewed. */
typedef struct
{
  char     *id;
  char     *name;
  double    value;     /* NaN: no data */
  double    target;    /* NaN: none */
  double    score;     /* NaN: none */
  ScStatus  status;
} ScReviewKpiFigure;

/* One issue of the partner as it stood when the review was frozen. */
typedef struct
{
  char          *id;
  char          *title;
  char          *owner;
  char          *due;        /* YYYY-MM-DD or NULL */
  char          *created;    /* YYYY-MM-DD or NULL */
  char          *review_id;  /* the review that agreed it, or NULL */
  ScIssueStatus  status;
  gboolean       overdue;    /* on the review's date */
} ScReviewIssueFigure;

/* The figures a review showed, frozen: they are what the pack prints and
 * what the next review compares against, whatever the live data does
 * later. @workbook holds the partner's data as it was (a .scorecard of one
 * partner), so that the pack's charts and tables are drawn from it.
 */
struct _ScReviewSnapshot
{
  /*< private >*/
  gint        ref_count;
  /*< public >*/
  GDateTime  *frozen_at;
  char       *view;          /* the view scored, as sc_rollup_to_string() writes it */
  char       *view_label;    /* "Jun 2025" */
  double      score;         /* NaN: no data */
  char       *grade;         /* NULL: no data */
  guint       rank;          /* 0: unranked */
  guint       n_ranked;
  GArray     *kpis;          /* ScReviewKpiFigure */
  GArray     *issues;        /* ScReviewIssueFigure */
  GBytes     *workbook;      /* the frozen data as .scorecard bytes */
  /*< private >*/
  ScWorkbook *book;          /* @workbook loaded, on demand */
};

ScReviewSnapshot *sc_review_snapshot_new        (ScWorkbook              *live,
                                                 ScPartner               *partner,
                                                 const ScRollup          *view,
                                                 const char              *date,
                                                 GError                 **error);
ScReviewSnapshot *sc_review_snapshot_new_ranked (ScWorkbook              *live,
                                                 ScPartner               *partner,
                                                 const ScRollup          *view,
                                                 const char              *date,
                                                 GPtrArray               *ranked,
                                                 GError                 **error);
GPtrArray        *sc_review_snapshot_rank_all   (ScWorkbook              *live,
                                                 const ScRollup          *view);
ScReviewSnapshot *sc_review_snapshot_ref        (ScReviewSnapshot        *self);
void              sc_review_snapshot_unref      (ScReviewSnapshot        *self);
ScWorkbook       *sc_review_snapshot_get_book   (ScReviewSnapshot        *self,
                                                 GError                 **error);
gboolean          sc_review_snapshot_same_figures (ScReviewSnapshot      *a,
                                                 ScReviewSnapshot        *b);
const ScReviewKpiFigure *sc_review_snapshot_find_kpi (ScReviewSnapshot   *self,
                                                 const char              *kpi_id);
void              sc_review_snapshot_write_json (ScReviewSnapshot        *self,
                                                 ScJsonWriter            *w,
                                                 const char              *member);
ScReviewSnapshot *sc_review_snapshot_read_json  (JsonObject              *object,
                                                 const char              *name,
                                                 const char              *path,
                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReviewSnapshot, sc_review_snapshot_unref)

G_END_DECLS
