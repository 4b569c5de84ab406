/* sc-review-snapshot.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Freezing what a review showed. The snapshot keeps the partner's data as
 * it was (KPI definitions, the partner, its series over the periods the
 * pack draws, its issues and the report settings) as a one-partner
 * workbook, plus the figures computed from it: the pack is drawn from the
 * former, the next review compares against the latter. Later imports or
 * edits of the live workbook change neither.
 */

#define G_LOG_DOMAIN "sc-review-snapshot"

#include "config.h"

#include "sc-i18n.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-review-snapshot.h"
#include "sc-scorer.h"
#include "sc-workbook-io.h"

/* Periods kept before the view's end: the charts' twelve, the previous
 * view of a rolling year, and the trend.
 */
#define HISTORY_PERIODS 36

static void
kpi_figure_clear (gpointer data)
{
  ScReviewKpiFigure *f = data;

  g_free (f->id);
  g_free (f->name);
}

static void
issue_figure_clear (gpointer data)
{
  ScReviewIssueFigure *f = data;

  g_free (f->id);
  g_free (f->title);
  g_free (f->owner);
  g_free (f->due);
  g_free (f->created);
  g_free (f->review_id);
}

static ScReviewSnapshot *
snapshot_alloc (void)
{
  ScReviewSnapshot *self = g_new0 (ScReviewSnapshot, 1);

  self->ref_count = 1;
  self->score = NAN;
  self->kpis = g_array_new (FALSE, TRUE, sizeof (ScReviewKpiFigure));
  g_array_set_clear_func (self->kpis, kpi_figure_clear);
  self->issues = g_array_new (FALSE, TRUE, sizeof (ScReviewIssueFigure));
  g_array_set_clear_func (self->issues, issue_figure_clear);
  return self;
}

/* Building the frozen workbook */

static void
copy_settings (ScWorkbook *to,
               ScWorkbook *from)
{
  g_autofree ScGradeBand *bands = NULL;
  guint n_bands = sc_workbook_get_n_grade_bands (from);

  sc_workbook_set_company (to, sc_workbook_get_company (from));
  sc_workbook_set_confidentiality (to, sc_workbook_get_confidentiality (from));
  sc_workbook_set_page_size (to, sc_workbook_get_page_size (from));
  sc_workbook_set_trend_periods (to, sc_workbook_get_trend_periods (from));
  bands = g_new0 (ScGradeBand, MAX (n_bands, 1));
  for (guint i = 0; i < n_bands; i++)
    bands[i] = *sc_workbook_get_grade_band (from, i);
  sc_workbook_set_grade_bands (to, bands, n_bands);
}

static ScPartner *
copy_partner (ScPartner *partner)
{
  ScPartner *copy = sc_partner_new (sc_partner_get_id (partner), sc_partner_get_name (partner),
                                    sc_partner_get_partner_type (partner));
  g_auto(GStrv) tags = sc_partner_dup_tag_keys (partner);
  g_auto(GStrv) overrides = sc_partner_dup_override_kpis (partner);

  sc_partner_set_contact (copy, sc_partner_get_contact (partner));
  for (guint i = 0; tags[i]; i++)
    sc_partner_set_tag (copy, tags[i], sc_partner_get_tag (partner, tags[i]));
  for (guint i = 0; overrides[i]; i++)
    {
      double target, weight;

      sc_partner_get_override (partner, overrides[i], &target, &weight);
      sc_partner_set_override (copy, overrides[i], target, weight);
    }
  return copy;
}

static double *
copy_span (const double *values,
           guint         offset,
           guint         n)
{
  return values ? g_memdup2 (values + offset, n * sizeof (double)) : NULL;
}

static void
copy_series (ScWorkbook     *to,
             ScPartner      *partner,
             const ScSeries *from,
             guint           offset,
             guint           n)
{
  ScSeries *series = sc_workbook_ensure_series (to, partner, sc_workbook_lookup_kpi (to, sc_kpi_get_id (from->kpi)));

  memcpy (series->values, from->values + offset, n * sizeof (double));
  series->numerator = copy_span (from->numerator, offset, n);
  series->denominator = copy_span (from->denominator, offset, n);
  if (from->formula != NULL)
    {
      sc_series_set_formula (series, from->formula, n);
      for (guint k = 0; k < from->n_parts && k < series->n_parts; k++)
        memcpy (series->parts[k], from->parts[k] + offset, n * sizeof (double));
    }
}

static ScIssue *
copy_issue (ScIssue *issue)
{
  ScIssue *copy = sc_issue_new (sc_issue_get_id (issue), sc_issue_get_partner_id (issue),
                                sc_issue_get_title (issue));

  sc_issue_set_kpi_id (copy, sc_issue_get_kpi_id (issue));
  sc_issue_set_period (copy, sc_issue_get_period (issue));
  sc_issue_set_description (copy, sc_issue_get_description (issue));
  sc_issue_set_severity (copy, sc_issue_get_severity (issue));
  sc_issue_set_status (copy, sc_issue_get_status (issue));
  sc_issue_set_owner (copy, sc_issue_get_owner (issue));
  sc_issue_set_due (copy, sc_issue_get_due (issue));
  sc_issue_set_action (copy, sc_issue_get_action (issue));
  sc_issue_set_reference (copy, sc_issue_get_reference (issue));
  sc_issue_set_review_id (copy, sc_issue_get_review_id (issue));
  sc_issue_set_created (copy, sc_issue_get_created (issue));
  sc_issue_set_updated (copy, sc_issue_get_updated (issue));
  return copy;
}

/* The partner's data from @first to @last as a workbook of its own. */
static ScWorkbook *
build_frozen_book (ScWorkbook  *live,
                   ScPartner   *partner,
                   ScPeriod     first,
                   ScPeriod     last,
                   GError     **error)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScPartner) copy = copy_partner (partner);
  g_autoptr(GPtrArray) series = sc_workbook_dup_partner_series (live, partner);
  GListModel *kpis = sc_workbook_get_kpis (live);
  GListModel *issues = sc_workbook_get_issues (live);
  guint offset = first - sc_workbook_get_first_period (live);
  guint n = last - first + 1;

  sc_workbook_set_granularity (book, sc_workbook_get_granularity (live));
  copy_settings (book, live);
  if (!sc_workbook_ensure_periods (book, first, last, error))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);
      g_autoptr(ScKpi) kpi_copy = sc_kpi_copy (kpi);

      sc_workbook_add_kpi (book, kpi_copy);
    }
  sc_workbook_add_partner (book, copy);
  for (guint i = 0; i < series->len; i++)
    copy_series (book, copy, g_ptr_array_index (series, i), offset, n);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
      g_autoptr(ScIssue) issue_copy = NULL;

      if (g_strcmp0 (sc_issue_get_partner_id (issue), sc_partner_get_id (partner)) != 0)
        continue;
      issue_copy = copy_issue (issue);
      sc_workbook_add_issue (book, issue_copy);
    }
  return g_steal_pointer (&book);
}

/* Figures */

static char *
dup_date (GDateTime *time)
{
  return time ? g_date_time_format (time, "%Y-%m-%d") : NULL;
}

static void
add_issue_figures (ScReviewSnapshot *self,
                   ScWorkbook       *book,
                   const char       *date)
{
  GListModel *issues = sc_workbook_get_issues (book);
  GDate today;
  int y = 0, m = 0, d = 0;

  g_date_clear (&today, 1);
  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    g_date_set_time_t (&today, time (NULL));
  else
    g_date_set_dmy (&today, d, m, y);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
      ScReviewIssueFigure f = { 0 };

      f.id = g_strdup (sc_issue_get_id (issue));
      f.title = g_strdup (sc_issue_get_title (issue));
      f.owner = g_strdup (sc_issue_get_owner (issue));
      f.due = g_strdup (sc_issue_get_due (issue));
      f.created = dup_date (sc_issue_get_created (issue));
      f.review_id = g_strdup (sc_issue_get_review_id (issue));
      f.status = sc_issue_get_status (issue);
      f.overdue = sc_issue_is_overdue (issue, &today);
      g_array_append_val (self->issues, f);
    }
}

static void
add_score_figures (ScReviewSnapshot *self,
                   ScWorkbook       *book,
                   ScPartner        *partner,
                   const ScRollup   *view)
{
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  g_autoptr(ScPartnerResult) result = sc_scorer_score_partner (scorer, partner, view);

  self->score = result->score;
  self->grade = g_strdup (result->grade);
  for (guint i = 0; i < result->kpis->len; i++)
    {
      ScKpiResult *r = &g_array_index (result->kpis, ScKpiResult, i);
      ScReviewKpiFigure f = { 0 };

      f.id = g_strdup (sc_kpi_get_id (r->kpi));
      f.name = g_strdup (sc_kpi_get_name (r->kpi));
      f.value = r->value;
      f.target = r->target;
      f.score = r->score;
      f.status = r->status;
      g_array_append_val (self->kpis, f);
    }
}

/* Every partner of @live scored in @view (ScPartnerResult*), for
 * sc_review_snapshot_new_ranked().
 */
GPtrArray *
sc_review_snapshot_rank_all (ScWorkbook     *live,
                             const ScRollup *view)
{
  g_autoptr(ScScorer) scorer = sc_scorer_new (live);

  return sc_scorer_score_all (scorer, view);
}

/* The partner's rank among those of its type in the live workbook. */
static void
add_rank (ScReviewSnapshot *self,
          ScWorkbook       *live,
          ScPartner        *partner,
          const ScRollup   *view,
          GPtrArray        *ranked)
{
  g_autoptr(GPtrArray) own = ranked ? NULL : sc_review_snapshot_rank_all (live, view);
  GPtrArray *results = ranked ? ranked : own;
  ScPartnerType type = sc_partner_get_partner_type (partner);
  /* Ranked among the partners of its type on its own scorecard */
  ScScorecardGroup *scorecard = sc_workbook_scorecard_group_for_partner (live, partner);

  for (guint i = 0; i < results->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (results, i);

      if (r->rank == 0 || sc_partner_get_partner_type (r->partner) != type ||
          r->scorecard != scorecard)
        continue;
      self->n_ranked++;
      if (r->partner == partner)
        self->rank = r->rank;
    }
}

/* Public API */

/* Freezes what a review of @partner on @date (YYYY-MM-DD) over @view
 * shows in @live now.
 */
ScReviewSnapshot *
sc_review_snapshot_new (ScWorkbook      *live,
                        ScPartner       *partner,
                        const ScRollup  *view,
                        const char      *date,
                        GError         **error)
{
  return sc_review_snapshot_new_ranked (live, partner, view, date, NULL, error);
}

/* sc_review_snapshot_new() with the rank of every partner in @view
 * already known (ScPartner* → rank, 0 absent; NULL: rank them here):
 * freezing many reviews then scores every partner once, not once each.
 */
ScReviewSnapshot *
sc_review_snapshot_new_ranked (ScWorkbook      *live,
                               ScPartner       *partner,
                               const ScRollup  *view,
                               const char      *date,
                               GPtrArray       *ranked,
                               GError         **error)
{
  g_autoptr(ScReviewSnapshot) self = snapshot_alloc ();
  ScGranularity granularity;
  ScPeriod first, last, prev_first, prev_last, book_first;
  ScRollup previous;
  ScPartner *frozen_partner;

  g_return_val_if_fail (SC_IS_WORKBOOK (live), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (view != NULL && view->anchor != SC_PERIOD_NONE, NULL);

  granularity = sc_workbook_get_granularity (live);
  book_first = sc_workbook_get_first_period (live);
  sc_rollup_get_range (view, granularity, &first, &last);
  previous = sc_rollup_previous (view, granularity);
  sc_rollup_get_range (&previous, granularity, &prev_first, &prev_last);
  last = MIN (view->anchor, book_first + (ScPeriod) sc_workbook_get_n_periods (live) - 1);
  first = MAX (book_first, MIN (MIN (first, prev_first), view->anchor - (HISTORY_PERIODS - 1)));
  if (first > last)
    first = last;

  self->book = build_frozen_book (live, partner, first, last, error);
  if (self->book == NULL)
    return NULL;
  self->workbook = sc_workbook_to_bytes (self->book);
  self->frozen_at = g_date_time_new_now_utc ();
  self->view = sc_rollup_to_string (view, granularity);
  self->view_label = sc_rollup_to_label (view, granularity);
  frozen_partner = sc_workbook_lookup_partner (self->book, sc_partner_get_id (partner));
  add_score_figures (self, self->book, frozen_partner, view);
  add_issue_figures (self, self->book, date);
  add_rank (self, live, partner, view, ranked);
  return g_steal_pointer (&self);
}

ScReviewSnapshot *
sc_review_snapshot_ref (ScReviewSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
sc_review_snapshot_unref (ScReviewSnapshot *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_clear_pointer (&self->frozen_at, g_date_time_unref);
  g_free (self->view);
  g_free (self->view_label);
  g_free (self->grade);
  g_array_unref (self->kpis);
  g_array_unref (self->issues);
  g_clear_pointer (&self->workbook, g_bytes_unref);
  g_clear_object (&self->book);
  g_free (self);
}

/* The frozen data as a workbook (loaded once); do not change it. */
ScWorkbook *
sc_review_snapshot_get_book (ScReviewSnapshot  *self,
                             GError           **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->book == NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (self->workbook, &size);

      self->book = sc_workbook_load_from_data (data, size, _("review snapshot"), error);
    }
  return self->book;
}

const ScReviewKpiFigure *
sc_review_snapshot_find_kpi (ScReviewSnapshot *self,
                             const char       *kpi_id)
{
  for (guint i = 0; i < self->kpis->len; i++)
    {
      ScReviewKpiFigure *f = &g_array_index (self->kpis, ScReviewKpiFigure, i);

      if (g_strcmp0 (f->id, kpi_id) == 0)
        return f;
    }
  return NULL;
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* TRUE when @a and @b show the same data: the same frozen workbook, score
 * and rank. The time they were taken does not count.
 */
gboolean
sc_review_snapshot_same_figures (ScReviewSnapshot *a,
                                 ScReviewSnapshot *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return same_number (a->score, b->score) && g_strcmp0 (a->grade, b->grade) == 0 &&
         a->rank == b->rank && a->n_ranked == b->n_ranked &&
         g_strcmp0 (a->view, b->view) == 0 && g_bytes_equal (a->workbook, b->workbook);
}

/* JSON */

static void
write_kpis (ScReviewSnapshot *self,
            ScJsonWriter     *w)
{
  sc_json_writer_begin_array (w, "kpis");
  for (guint i = 0; i < self->kpis->len; i++)
    {
      ScReviewKpiFigure *f = &g_array_index (self->kpis, ScReviewKpiFigure, i);

      sc_json_writer_begin_object (w, NULL);
      sc_json_writer_string (w, "id", f->id);
      sc_json_writer_string (w, "name", f->name);
      sc_json_writer_number (w, "value", f->value);
      sc_json_writer_number (w, "target", f->target);
      sc_json_writer_string (w, "status", sc_status_to_string (f->status));
      sc_json_writer_number (w, "score", f->score);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);
}

static void
write_issues (ScReviewSnapshot *self,
              ScJsonWriter     *w)
{
  sc_json_writer_begin_array (w, "issues");
  for (guint i = 0; i < self->issues->len; i++)
    {
      ScReviewIssueFigure *f = &g_array_index (self->issues, ScReviewIssueFigure, i);

      sc_json_writer_begin_object (w, NULL);
      sc_json_writer_string (w, "id", f->id);
      sc_json_writer_string (w, "title", f->title);
      sc_json_writer_string (w, "owner", f->owner);
      sc_json_writer_string (w, "status", sc_issue_status_to_string (f->status));
      sc_json_writer_string (w, "due", f->due);
      sc_json_writer_string (w, "created", f->created);
      sc_json_writer_string (w, "review", f->review_id);
      sc_json_writer_boolean (w, "overdue", f->overdue);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);
}

void
sc_review_snapshot_write_json (ScReviewSnapshot *self,
                               ScJsonWriter     *w,
                               const char       *member)
{
  g_autofree char *frozen_at = NULL;
  g_autofree char *workbook = NULL;
  gsize size;
  const char *data;

  g_return_if_fail (self != NULL);

  frozen_at = g_date_time_format (self->frozen_at, "%Y-%m-%dT%H:%M:%SZ");
  data = g_bytes_get_data (self->workbook, &size);
  workbook = g_strndup (data, size);

  sc_json_writer_begin_object (w, member);
  sc_json_writer_string (w, "frozen_at", frozen_at);
  sc_json_writer_string (w, "view", self->view);
  sc_json_writer_string (w, "view_label", self->view_label);
  sc_json_writer_number (w, "score", self->score);
  sc_json_writer_string (w, "grade", self->grade);
  sc_json_writer_int (w, "rank", self->rank);
  sc_json_writer_int (w, "n_ranked", self->n_ranked);
  write_kpis (self, w);
  write_issues (self, w);
  sc_json_writer_raw (w, "workbook", workbook);
  sc_json_writer_end_object (w);
}

/* Reading */

typedef struct
{
  const char  *name;
  GError     **error;
} Reader;

static gboolean
read_fail (Reader     *r,
           const char *path,
           const char *message)
{
  g_set_error (r->error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID, "%s: %s: %s",
               r->name, path, message);
  return FALSE;
}

/* A string member or NULL; FALSE when it is there but not a string. */
static gboolean
read_string (Reader      *r,
             JsonObject  *object,
             const char  *member,
             const char  *path,
             char       **out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return read_fail (r, member_path, _("expected a string"));
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* A number member; null or absent is NaN. */
static gboolean
read_number (Reader     *r,
             JsonObject *object,
             const char *member,
             const char *path,
             double     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
  GType type;

  *out = NAN;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    *out = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return read_fail (r, member_path, _("expected a number"));
  return TRUE;
}

static gboolean
status_from_string (const char *str,
                    ScStatus   *status)
{
  for (guint i = 0; i < SC_N_STATUSES; i++)
    {
      if (g_strcmp0 (str, sc_status_to_string (i)) == 0)
        {
          *status = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
read_kpi (Reader           *r,
          ScReviewSnapshot *self,
          JsonObject       *o,
          const char       *path)
{
  ScReviewKpiFigure f = { 0 };
  g_autofree char *status = NULL;
  gboolean ok;

  ok = read_string (r, o, "id", path, &f.id) && read_string (r, o, "name", path, &f.name) &&
       read_number (r, o, "value", path, &f.value) && read_number (r, o, "target", path, &f.target) &&
       read_number (r, o, "score", path, &f.score) && read_string (r, o, "status", path, &status);
  if (ok && (f.id == NULL || !status_from_string (status, &f.status)))
    ok = read_fail (r, path, _("expected a KPI with an id and a status"));
  if (!ok)
    {
      kpi_figure_clear (&f);
      return FALSE;
    }
  g_array_append_val (self->kpis, f);
  return TRUE;
}

static gboolean
read_issue (Reader           *r,
            ScReviewSnapshot *self,
            JsonObject       *o,
            const char       *path)
{
  ScReviewIssueFigure f = { 0 };
  g_autofree char *status = NULL;
  gboolean ok;

  ok = read_string (r, o, "id", path, &f.id) && read_string (r, o, "title", path, &f.title) &&
       read_string (r, o, "owner", path, &f.owner) && read_string (r, o, "due", path, &f.due) &&
       read_string (r, o, "created", path, &f.created) &&
       read_string (r, o, "review", path, &f.review_id) &&
       read_string (r, o, "status", path, &status);
  if (ok && (f.id == NULL || !sc_issue_status_from_string (status, &f.status)))
    ok = read_fail (r, path, _("expected an issue with an id and a status"));
  if (!ok)
    {
      issue_figure_clear (&f);
      return FALSE;
    }
  f.overdue = json_object_get_boolean_member_with_default (o, "overdue", FALSE);
  g_array_append_val (self->issues, f);
  return TRUE;
}

typedef gboolean (*ReadItemFunc) (Reader *, ScReviewSnapshot *, JsonObject *, const char *);

static gboolean
read_list (Reader           *r,
           ScReviewSnapshot *self,
           JsonObject       *object,
           const char       *member,
           const char       *path,
           ReadItemFunc      func)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
      return read_fail (r, member_path, _("expected an array"));
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s.%s[%u]", path, member, i);
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return read_fail (r, item_path, _("expected an object"));
      if (!func (r, self, json_node_get_object (item), item_path))
        return FALSE;
    }
  return TRUE;
}

/* The frozen workbook, checked by the workbook reader and kept in its
 * canonical form so that comparing two snapshots compares their data.
 */
static gboolean
read_workbook (Reader           *r,
               ScReviewSnapshot *self,
               JsonObject       *object,
               const char       *path)
{
  JsonNode *node = json_object_get_member (object, "workbook");
  g_autofree char *member_path = g_strdup_printf ("%s.workbook", path);
  g_autofree char *name = g_strdup_printf ("%s: %s", r->name, member_path);
  g_autofree char *json = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return read_fail (r, member_path, _("expected an object"));
  json = json_to_string (node, FALSE);
  self->book = sc_workbook_load_from_data (json, strlen (json), name, r->error);
  if (self->book == NULL)
    return FALSE;
  self->workbook = sc_workbook_to_bytes (self->book);
  return TRUE;
}

ScReviewSnapshot *
sc_review_snapshot_read_json (JsonObject  *object,
                              const char  *name,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(ScReviewSnapshot) self = snapshot_alloc ();
  g_autofree char *frozen_at = NULL;
  double rank, n_ranked;
  Reader r = { name, error };

  if (!read_string (&r, object, "frozen_at", path, &frozen_at) ||
      !read_string (&r, object, "view", path, &self->view) ||
      !read_string (&r, object, "view_label", path, &self->view_label) ||
      !read_number (&r, object, "score", path, &self->score) ||
      !read_string (&r, object, "grade", path, &self->grade) ||
      !read_number (&r, object, "rank", path, &rank) ||
      !read_number (&r, object, "n_ranked", path, &n_ranked) ||
      !read_list (&r, self, object, "kpis", path, read_kpi) ||
      !read_list (&r, self, object, "issues", path, read_issue) ||
      !read_workbook (&r, self, object, path))
    return NULL;
  if (frozen_at != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      self->frozen_at = g_date_time_new_from_iso8601 (frozen_at, utc);
    }
  if (self->frozen_at == NULL || self->view == NULL)
    {
      g_autofree char *p = g_strdup_printf ("%s.frozen_at", path);
      read_fail (&r, p, _("expected an ISO 8601 date and time"));
      return NULL;
    }
  self->rank = isnan (rank) || rank < 0 ? 0 : (guint) rank;
  self->n_ranked = isnan (n_ranked) || n_ranked < 0 ? 0 : (guint) n_ranked;
  return g_steal_pointer (&self);
}
