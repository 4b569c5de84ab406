/* sc-report-review.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack of a review meeting: a first page with the review (partner,
 * date, period, attendees, what changed since the last review, the
 * agenda), then the scorecard summary and trend charts of the partner's
 * report, then the decisions, the action items agreed and the notes.
 *
 * Everything is drawn from the review's frozen snapshot (a held review),
 * never from the live data, and the pack is dated with the review's date:
 * exporting it again gives the same bytes. It is written in the review's
 * language (sc_review_get_language(), kept when the pack is frozen) unless
 * the options name another; its words, numbers and dates are laid out
 * with that language in use.
 */

#define G_LOG_DOMAIN "sc-report-review"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include "sc-i18n.h"

#include "sc-report-private.h"
#include "sc-report-review.h"
#include "sc-review-diff.h"
#include "sc-review-edit.h"

typedef struct
{
  ScWorkbook        *book;
  ScReview          *review;
  ScReviewSnapshot  *figures;
  ScWorkbook        *frozen;
  char             **since_last;  /* gathered before the layout, in its language */
} Pack;

#define LIST_INDENT 18

/* A bulleted or numbered list, each item's lines hanging after its mark
 * and kept on one page.
 */
static void
add_list (ScReportFlow       *flow,
          const char * const *items,
          gboolean            numbered,
          const char         *empty)
{
  double width = flow->right - flow->left - LIST_INDENT;
  guint n = 0;

  for (guint i = 0; items && items[i]; i++)
    {
      g_autofree char *mark = NULL;
      PangoLayout *text, *mark_layout;
      double height;

      if (items[i][0] == '\0')
        continue;
      n++;
      mark = numbered ? g_strdup_printf ("%u.", n) : g_strdup ("•");
      text = sc_report_flow_layout (flow, SC_REPORT_FONT_BODY, items[i], width);
      mark_layout = sc_report_flow_layout (flow, SC_REPORT_FONT_BODY, mark, LIST_INDENT);
      height = sc_report_layout_height (text);
      sc_report_flow_ensure (flow, height);
      sc_report_flow_add_layout (flow, mark_layout, flow->left, flow->y, &flow->muted);
      sc_report_flow_add_layout (flow, text, flow->left + LIST_INDENT, flow->y, &flow->fg);
      flow->y += height + 4;
    }
  if (n == 0 && empty != NULL)
    sc_report_flow_paragraph (flow, SC_REPORT_FONT_BODY, empty, &flow->muted);
}

static void
add_text (ScReportFlow *flow,
          const char   *text,
          const char   *empty)
{
  g_auto(GStrv) paragraphs = g_strsplit (text ? text : "", "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      sc_report_flow_paragraph (flow, SC_REPORT_FONT_BODY, paragraphs[i], &flow->fg);
      flow->y += 5;
      any = TRUE;
    }
  if (!any && empty != NULL)
    sc_report_flow_paragraph (flow, SC_REPORT_FONT_BODY, empty, &flow->muted);
}

static char *
dup_names (const char * const *names)
{
  g_autofree char *joined = NULL;

  if (names == NULL || names[0] == NULL)
    return g_strdup ("—");
  joined = g_strjoinv (", ", (char **) names);
  return g_steal_pointer (&joined);
}

static void
add_title (ScReportFlow *flow,
           Pack         *pack)
{
  g_autofree char *date = sc_review_format_date (sc_review_get_date (pack->review), TRUE);
  g_autofree char *line = NULL;
  PangoLayout *layout;

  layout = sc_report_flow_layout (flow, SC_REPORT_FONT_TITLE, sc_partner_get_name (flow->doc->partner),
                                  flow->right - flow->left);
  sc_report_flow_add_layout (flow, layout, flow->left, flow->y, &flow->fg);
  flow->y += sc_report_layout_height (layout) + 4;
  /* Translators: under the partner's name on a review pack: the meeting's
   * date and the period whose scorecard is reviewed
   */
  line = g_strdup_printf (_("Review meeting of %1$s · scorecard for %2$s"), date,
                          flow->doc->view_label);
  sc_report_flow_paragraph (flow, SC_REPORT_FONT_BODY, line, &flow->muted);
  flow->y += 6;
}

static void
add_attendees (ScReportFlow *flow,
               Pack         *pack)
{
  g_autofree char *ours = dup_names (sc_review_get_attendees_ours (pack->review));
  g_autofree char *theirs = dup_names (sc_review_get_attendees_theirs (pack->review));
  g_autofree char *ours_line = NULL;
  g_autofree char *theirs_line = NULL;
  const char *company = flow->options->company;

  sc_report_flow_heading (flow, _("Attendees"), SC_REPORT_MARK_NONE, 30);
  /* Translators: the attendees of one side: "Contoso: Ana Ruiz, Tom Berg" */
  ours_line = g_strdup_printf (_("%1$s: %2$s"), company && company[0] ? company : _("Us"), ours);
  theirs_line = g_strdup_printf (_("%1$s: %2$s"), sc_partner_get_name (flow->doc->partner), theirs);
  sc_report_flow_paragraph (flow, SC_REPORT_FONT_BODY, ours_line, &flow->fg);
  flow->y += 3;
  sc_report_flow_paragraph (flow, SC_REPORT_FONT_BODY, theirs_line, &flow->fg);
}

/* The review's first page; the report's summary starts on the next. */
static void
add_review_front (ScReportFlow *flow,
                  gpointer      data)
{
  Pack *pack = data;

  sc_report_flow_new_page (flow);
  add_title (flow, pack);
  add_attendees (flow, pack);
  sc_report_flow_heading (flow, _("Since the last review"), SC_REPORT_MARK_NONE, 30);
  add_list (flow, (const char * const *) pack->since_last, FALSE, NULL);
  sc_report_flow_heading (flow, _("Agenda"), SC_REPORT_MARK_NONE, 30);
  add_list (flow, sc_review_get_agenda (pack->review), TRUE, _("No agenda."));
}

static char *
dup_action_markup (ScIssue *issue)
{
  g_autofree char *title = g_markup_escape_text (sc_issue_get_title (issue), -1);
  const char *action = sc_issue_get_action (issue);
  g_autofree char *action_m = NULL;

  if (action == NULL || action[0] == '\0')
    return g_strdup_printf ("<b>%s</b>", title);
  action_m = g_markup_escape_text (action, -1);
  return g_strdup_printf ("<b>%s</b>\n%s", title, action_m);
}

/* The status in words; an overdue action says so, not only in colour. */
static char *
dup_status_markup (ScReportFlow *flow,
                   ScIssue      *issue)
{
  g_autofree char *label = g_markup_escape_text (sc_issue_status_get_label (sc_issue_get_status (issue)), -1);
  g_autofree char *hex = NULL;
  ScColor red;

  if (!sc_issue_is_overdue (issue, &flow->today))
    return g_steal_pointer (&label);
  sc_palette_status_color (flow->theme, SC_STATUS_RED, &red);
  hex = sc_report_color_markup (&red);
  return g_strdup_printf ("%s\n<span foreground=\"%s\" weight=\"bold\">◆ %s</span>", label, hex, _("overdue"));
}

static void
add_action_row (ScReportFlow  *flow,
                ScReportTable *table,
                ScIssue       *issue)
{
  g_autofree char *id = g_markup_escape_text (sc_issue_get_id (issue), -1);
  g_autofree char *action = dup_action_markup (issue);
  const char *owner = sc_issue_get_owner (issue);
  g_autofree char *owner_m = g_markup_escape_text (owner && owner[0] ? owner : "—", -1);
  const char *due = sc_issue_get_due (issue);
  g_autofree char *date = due && due[0] ? sc_language_format_iso_date (NULL, due) : g_strdup ("—");
  g_autofree char *due_m = g_markup_escape_text (date, -1);
  g_autofree char *status = dup_status_markup (flow, issue);
  ScReportCell cells[] = {
    { id, SC_REPORT_FONT_SMALL },
    { action, SC_REPORT_FONT_SMALL },
    { owner_m, SC_REPORT_FONT_SMALL },
    { due_m, SC_REPORT_FONT_SMALL },
    { status, SC_REPORT_FONT_SMALL },
  };

  sc_report_table_row (flow, table, cells, -1);
}

static void
add_actions (ScReportFlow *flow,
             Pack         *pack)
{
  const char *headers[] = { _("ID"), _("Action"), _("Owner"), _("Due"), _("Status") };
  double widths[] = { 50, 0, 80, 60, 70 };
  double xaligns[] = { 0, 0, 0, 0, 0 };
  GListModel *issues = sc_workbook_get_issues (pack->frozen);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  ScReportTable table;

  widths[1] = flow->right - flow->left - widths[0] - widths[2] - widths[3] - widths[4];
  sc_report_table_init (&table, G_N_ELEMENTS (headers), headers, widths, xaligns);
  sc_report_flow_heading (flow, _("Action items"), SC_REPORT_MARK_ISSUES, 40);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      if (g_strcmp0 (sc_issue_get_review_id (issue), sc_review_get_id (pack->review)) == 0)
        g_ptr_array_add (actions, g_steal_pointer (&issue));
    }
  for (guint i = 0; i < actions->len; i++)
    sc_report_table_fit_due (flow, &table, 3, g_ptr_array_index (actions, i), 1);
  for (guint i = 0; i < actions->len; i++)
    add_action_row (flow, &table, g_ptr_array_index (actions, i));
  if (actions->len == 0)
    sc_report_flow_paragraph (flow, SC_REPORT_FONT_BODY, _("No action items were agreed."), &flow->muted);
}

/* Decisions, action items and notes, after the scorecard. */
static void
add_review_back (ScReportFlow *flow,
                 gpointer      data)
{
  Pack *pack = data;

  sc_report_flow_new_page (flow);
  sc_report_flow_heading (flow, _("Decisions"), SC_REPORT_MARK_NONE, 30);
  add_text (flow, sc_review_get_decisions (pack->review), _("No decisions recorded."));
  add_actions (flow, pack);
  sc_report_flow_heading (flow, _("Notes"), SC_REPORT_MARK_NOTES, 30);
  add_text (flow, sc_review_get_notes (pack->review), _("No notes."));
}

/* Setup */

static GDateTime *
dup_review_time (ScReview *review)
{
  int y, m, d;

  if (sscanf (sc_review_get_date (review), "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_date_time_new_now_utc ();
  return g_date_time_new_utc (y, m, d, 12, 0, 0);
}

static ScReportRanks *
ranks_from_figures (ScReviewSnapshot *figures,
                    ScPartner        *partner,
                    const ScRollup   *view)
{
  ScReportRanks *ranks = g_new0 (ScReportRanks, 1);

  ranks->rollup = *view;
  ranks->ranks = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  if (figures->rank > 0)
    g_hash_table_insert (ranks->ranks, g_object_ref (partner), GUINT_TO_POINTER (figures->rank));
  ranks->n_ranked[sc_partner_get_partner_type (partner) == SC_PARTNER_CUSTOMER] = figures->n_ranked;
  return ranks;
}

/* What a pack is laid out from, gathered from the workbook first so that
 * the layout itself does not read it (a batch lays packs out in parallel).
 */
typedef struct
{
  Pack              pack;
  ScReportOptions  *options;
  ScReportRanks    *ranks;
} PackPlan;

static void
pack_plan_clear (PackPlan *plan)
{
  g_clear_pointer (&plan->pack.figures, sc_review_snapshot_unref);
  g_clear_pointer (&plan->pack.since_last, g_strfreev);
  g_clear_pointer (&plan->options, sc_report_options_free);
  g_clear_pointer (&plan->ranks, sc_report_ranks_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PackPlan, pack_plan_clear)

static gboolean
pack_plan_init (PackPlan               *plan,
                ScWorkbook             *book,
                ScReview               *review,
                const ScReportOptions  *options,
                GError                **error)
{
  ScPartner *partner;
  ScRollup view;
  const char *language;
  const ScLanguage *before;

  plan->pack.book = book;
  plan->pack.review = review;
  if (!(plan->pack.figures = sc_review_dup_figures (book, review, error)) ||
      !(plan->pack.frozen = sc_review_snapshot_get_book (plan->pack.figures, error)))
    return FALSE;
  partner = sc_workbook_lookup_partner (plan->pack.frozen, sc_review_get_partner_id (review));
  if (partner == NULL ||
      !sc_rollup_parse (plan->pack.figures->view, sc_workbook_get_granularity (plan->pack.frozen), &view))
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_NO_DATA,
                   _("The review “%s” has no figures to show"), sc_review_get_id (review));
      return FALSE;
    }

  plan->options = sc_report_options_copy (options);
  g_ptr_array_set_size (plan->options->partners, 0);
  sc_report_options_add_partner (plan->options, partner);
  plan->options->rollup = view.kind;
  plan->options->last = view.anchor;
  plan->options->first = SC_PERIOD_NONE;
  plan->options->sections = SC_REPORT_SECTION_SUMMARY | SC_REPORT_SECTION_CHARTS;
  plan->options->workbook_notes = FALSE;
  g_clear_pointer (&plan->options->date, g_date_time_unref);
  plan->options->date = dup_review_time (review);
  /* The language asked for, else the one the review was frozen in, else
   * the partner's (as any report)
   */
  language = options->language && options->language[0] ? options->language : sc_review_get_language (review);
  if (language != NULL && sc_language_get (language, NULL) != NULL)
    sc_report_options_set_string (&plan->options->language, language);

  plan->ranks = ranks_from_figures (plan->pack.figures, partner, &view);
  /* What changed since the last review reads the workbook's reviews; its
   * sentences are in the language the pack is laid out in
   */
  before = sc_language_use (sc_report_options_get_language (plan->options, partner));
  plan->pack.since_last = sc_review_since_last (book, review);
  sc_language_use (before);
  return TRUE;
}

static ScReport *
pack_plan_lay_out (PackPlan  *plan,
                   GError   **error)
{
  ScReportExtra extra = { add_review_front, add_review_back, &plan->pack };

  return sc_report_new_extra (plan->pack.frozen, plan->options, plan->ranks, &extra, NULL, NULL, NULL, error);
}

/* Lays out the pack of @review in @book; @options gives the company, logo,
 * confidentiality line and page size (its partners, period and sections
 * are the review's). A draft review is shown as the live data stands
 * now; export freezes it first (see sc_review_edit_freeze()).
 */
ScReport *
sc_report_review_new (ScWorkbook             *book,
                      ScReview               *review,
                      const ScReportOptions  *options,
                      GError                **error)
{
  g_auto(PackPlan) plan = { { NULL } };

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_REVIEW (review), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!pack_plan_init (&plan, book, review, options, error))
    return NULL;
  return pack_plan_lay_out (&plan, error);
}

/* Writes the pack of @review to @filename as PDF. */
gboolean
sc_report_review_export (ScWorkbook             *book,
                         ScReview               *review,
                         const ScReportOptions  *options,
                         const char             *filename,
                         GError                **error)
{
  g_autoptr(ScReport) report = sc_report_review_new (book, review, options, error);

  if (report == NULL)
    return FALSE;
  return sc_report_write (report, SC_REPORT_FORMAT_PDF, filename, NULL, NULL, NULL, error);
}

/* Batches */

typedef struct
{
  ScWorkbook            *book;
  const ScReportOptions *options;
  GMutex                 lock;       /* the workbook, and laying out */
  GAsyncQueue           *done;
} PackBatch;

typedef struct
{
  ScReview *review;
  char     *path;
  gboolean  ok;
  GError   *error;
} PackJob;

static void
pack_job_free (PackJob *job)
{
  g_clear_object (&job->review);
  g_free (job->path);
  g_clear_error (&job->error);
  g_free (job);
}

/* Gathers what the pack shows holding the lock (the workbook's reviews and
 * lists are read), lays it out and writes it without, so that two packs
 * are laid out and written at once.
 */
static void
run_pack_job (gpointer data,
              gpointer user_data)
{
  PackJob *job = data;
  PackBatch *batch = user_data;
  g_autoptr(ScReport) report = NULL;

  g_auto(PackPlan) plan = { { NULL } };
  gboolean planned;

  g_mutex_lock (&batch->lock);
  planned = pack_plan_init (&plan, batch->book, job->review, batch->options, &job->error);
  g_mutex_unlock (&batch->lock);
  if (planned)
    report = pack_plan_lay_out (&plan, &job->error);
  job->ok = report != NULL &&
            sc_report_write (report, SC_REPORT_FORMAT_PDF, job->path, NULL, NULL, NULL, &job->error);
  g_async_queue_push (batch->done, job);
}

/* Writes the packs of @reviews (frozen already) into @directory, one PDF
 * each named after the partner and the date, a worker per core. Returns
 * the paths written, in the order of @reviews, or NULL with the first
 * error. @directory is made when it does not exist.
 */
GPtrArray *
sc_report_review_export_batch (ScWorkbook             *book,
                               GPtrArray              *reviews,
                               const ScReportOptions  *options,
                               const char             *directory,
                               GError                **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_job_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PackBatch batch = { book, options, { 0 }, g_async_queue_new () };
  GThreadPool *pool;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (reviews != NULL, NULL);

  if (g_mkdir_with_parents (directory, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_WRITE, _("Could not create the folder “%s”: %s"),
                   directory, g_strerror (saved));
      return NULL;
    }
  g_mutex_init (&batch.lock);
  pool = g_thread_pool_new (run_pack_job, &batch, MAX (1, (int) g_get_num_processors ()), FALSE, NULL);
  for (guint i = 0; i < reviews->len; i++)
    {
      ScReview *review = g_ptr_array_index (reviews, i);
      ScPartner *partner = sc_workbook_lookup_partner (book, sc_review_get_partner_id (review));
      g_autofree char *base = sc_report_safe_file_name (partner ? sc_partner_get_name (partner)
                                                                : sc_review_get_partner_id (review));
      g_autofree char *name = g_strdup_printf ("%s-review-%s.pdf", base, sc_review_get_date (review));
      PackJob *job = g_new0 (PackJob, 1);

      /* Two partners whose names make the same file name: the partner's id tells them apart */
      if (g_hash_table_contains (taken, name))
        {
          g_autofree char *id = sc_report_safe_file_name (sc_review_get_partner_id (review));

          g_free (name);
          name = g_strdup_printf ("%s-%s-review-%s.pdf", base, id, sc_review_get_date (review));
        }
      g_hash_table_add (taken, g_strdup (name));

      job->review = g_object_ref (review);
      job->path = g_build_filename (directory, name, NULL);
      g_ptr_array_add (jobs, job);
      g_thread_pool_push (pool, job, NULL);
    }
  for (guint i = 0; i < jobs->len; i++)
    g_async_queue_pop (batch.done);
  g_thread_pool_free (pool, FALSE, TRUE);
  g_async_queue_unref (batch.done);
  g_mutex_clear (&batch.lock);

  for (guint i = 0; i < jobs->len; i++)
    {
      PackJob *job = g_ptr_array_index (jobs, i);

      if (!job->ok)
        {
          g_propagate_error (error, g_steal_pointer (&job->error));
          return NULL;
        }
      g_ptr_array_add (paths, g_strdup (job->path));
    }
  return g_steal_pointer (&paths);
}
