/* sc-review-edit.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Making reviews and changing them as undoable edits: a new review with
 * its generated agenda, edits of its fields, and freezing it when it is
 * held (sc-review-snapshot.c). As in sc-issue-edit.c, every function
 * accepts a %NULL stack and then just applies the change.
 */

#define G_LOG_DOMAIN "sc-review-edit"

#include "config.h"

#include <stdio.h>

#include "sc-i18n.h"

#include "sc-review-agenda.h"
#include "sc-review-edit.h"
#include "sc-score-history.h"

/* Views and figures */

/* The view @review scores: its period, else the latest period with data.
 * FALSE when the workbook has no data at all.
 */
gboolean
sc_review_get_view (ScWorkbook *book,
                    ScReview   *review,
                    ScRollup   *view)
{
  const char *period = sc_review_get_period (review);

  if (period != NULL && sc_rollup_parse (period, sc_workbook_get_granularity (book), view))
    return TRUE;
  view->kind = SC_ROLLUP_PERIOD;
  view->anchor = sc_workbook_get_latest_period (book);
  return view->anchor != SC_PERIOD_NONE;
}

static ScReviewSnapshot *
dup_figures_ranked (ScWorkbook  *book,
                    ScReview    *review,
                    GPtrArray   *ranked,
                    GError     **error)
{
  ScPartner *partner;
  ScRollup view;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_REVIEW (review), NULL);

  if (sc_review_get_snapshot (review) != NULL)
    return sc_review_snapshot_ref (sc_review_get_snapshot (review));
  partner = sc_workbook_lookup_partner (book, sc_review_get_partner_id (review));
  if (partner == NULL || !sc_review_get_view (book, review, &view))
    {
      g_set_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID,
                   _("The review of %s has no data to show"), sc_review_get_partner_id (review));
      return NULL;
    }
  return sc_review_snapshot_new_ranked (book, partner, &view, sc_review_get_date (review), ranked, error);
}

/* What @review shows: its frozen snapshot, or for a draft the live data
 * taken now (not kept).
 */
ScReviewSnapshot *
sc_review_dup_figures (ScWorkbook  *book,
                       ScReview    *review,
                       GError     **error)
{
  return dup_figures_ranked (book, review, NULL, error);
}

/* TRUE when the live data no longer shows what @review froze: an import
 * or an edit since changed a value, a target, an issue or the rank.
 */
gboolean
sc_review_live_differs (ScWorkbook *book,
                        ScReview   *review)
{
  ScReviewSnapshot *frozen = sc_review_get_snapshot (review);
  g_autoptr(ScReviewSnapshot) live = NULL;
  ScPartner *partner;
  ScRollup view;

  if (frozen == NULL)
    return FALSE;
  partner = sc_workbook_lookup_partner (book, sc_review_get_partner_id (review));
  if (partner == NULL || !sc_rollup_parse (frozen->view, sc_workbook_get_granularity (book), &view))
    return TRUE;
  live = sc_review_snapshot_new (book, partner, &view, sc_review_get_date (review), NULL);
  return live == NULL || !sc_review_snapshot_same_figures (frozen, live);
}

/* "12 June" or "12 June 2025" from YYYY-MM-DD, in the words of the
 * language in use (sc_language_use()), else of the application's.
 */
char *
sc_review_format_date (const char *date,
                       gboolean    with_year)
{
  GDate d;
  int year, month, day;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return g_strdup (date ? date : "");
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  if (with_year)
    return sc_language_format_long_date (NULL, &d);
  /* Translators: a day of a month in a sentence, as strftime: "12 June";
   * only %e, %d, %B, %b and %m may be used
   */
  return sc_language_format_date (NULL, &d, LC_ (NULL, "day and month", "%e %B"));
}

/* The language code a review of @partner is written in: @requested, else
 * the partner's report language when there is a catalogue of it, else
 * NULL (the application's).
 */
const char *
sc_review_resolve_language (ScPartner  *partner,
                            const char *requested)
{
  const char *code = requested;

  if (code == NULL || code[0] == '\0')
    code = partner ? sc_partner_get_report_language (partner) : NULL;
  if (code == NULL || code[0] == '\0' || sc_language_get (code, NULL) == NULL)
    return NULL;
  return code;
}

/* A new review of @partner on @date over @view, with an agenda made from
 * the data in @language ("fr"; NULL: the partner's report language, else
 * the application's), which the review keeps; not yet in @book (see
 * sc_review_edit_add()).
 */
ScReview *
sc_review_create_in_language (ScWorkbook     *book,
                              ScPartner      *partner,
                              const char     *date,
                              const ScRollup *view,
                              const char     *language)
{
  g_autofree char *id = NULL;
  g_autofree char *period = NULL;
  g_autoptr(ScReview) review = NULL;
  g_autoptr(ScReviewSnapshot) figures = NULL;
  g_auto(GStrv) agenda = NULL;
  g_autoptr(GPtrArray) unranked = NULL;
  const char *code;
  const ScLanguage *before;
  ScReview *previous;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  id = sc_workbook_next_review_id (book);
  review = sc_review_new (id, sc_partner_get_id (partner), date);
  code = sc_review_resolve_language (partner, language);
  sc_review_set_language (review, code);
  if (view != NULL && view->anchor != SC_PERIOD_NONE)
    {
      period = sc_rollup_to_string (view, sc_workbook_get_granularity (book));
      sc_review_set_period (review, period);
    }
  before = sc_language_use (code ? sc_language_get (code, NULL) : NULL);
  /* The agenda needs no rank: spare scoring every partner */
  unranked = g_ptr_array_new ();
  figures = dup_figures_ranked (book, review, unranked, NULL);
  previous = sc_workbook_get_previous_review (book, review);
  agenda = sc_review_agenda_generate (book, review, figures,
                                      previous ? sc_review_get_snapshot (previous) : NULL);
  sc_language_use (before);
  sc_review_set_agenda (review, (const char * const *) agenda);
  return g_steal_pointer (&review);
}

/* A new review in the partner's report language. */
ScReview *
sc_review_create (ScWorkbook     *book,
                  ScPartner      *partner,
                  const char     *date,
                  const ScRollup *view)
{
  return sc_review_create_in_language (book, partner, date, view, NULL);
}

/* Field edits */

typedef struct
{
  ScReview *review;
  char     *name;
  GValue    old_value;
  GValue    new_value;
} FieldEdit;

static void
field_edit_free (FieldEdit *edit)
{
  g_value_unset (&edit->old_value);
  g_value_unset (&edit->new_value);
  g_free (edit->name);
  g_clear_object (&edit->review);
  g_free (edit);
}

static void
field_edit_undo (gpointer data)
{
  FieldEdit *edit = data;

  g_object_set_property (G_OBJECT (edit->review), edit->name, &edit->old_value);
}

static void
field_edit_redo (gpointer data)
{
  FieldEdit *edit = data;

  g_object_set_property (G_OBJECT (edit->review), edit->name, &edit->new_value);
}

static const char *
field_label (const char *property)
{
  if (g_str_equal (property, "agenda"))
    return _("Edit Agenda");
  if (g_str_equal (property, "decisions"))
    return _("Edit Decisions");
  if (g_str_equal (property, "notes"))
    return _("Edit Review Notes");
  if (g_str_has_prefix (property, "attendees"))
    return _("Edit Attendees");
  return _("Edit Review");
}

/* Sets @property of @review to @value as one undo step; FALSE when that
 * changes nothing.
 */
gboolean
sc_review_edit_set (ScUndoStack  *stack,
                    ScReview     *review,
                    const char   *property,
                    const GValue *value)
{
  GParamSpec *pspec;
  FieldEdit *edit;

  g_return_val_if_fail (stack == NULL || SC_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (SC_IS_REVIEW (review), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (review), property);
  g_return_val_if_fail (pspec != NULL && (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0, FALSE);

  edit = g_new0 (FieldEdit, 1);
  g_value_init (&edit->old_value, pspec->value_type);
  g_value_init (&edit->new_value, pspec->value_type);
  g_object_get_property (G_OBJECT (review), property, &edit->old_value);
  if (!g_value_transform (value, &edit->new_value) ||
      g_param_values_cmp (pspec, &edit->old_value, &edit->new_value) == 0)
    {
      field_edit_free (edit);
      return FALSE;
    }
  edit->review = g_object_ref (review);
  edit->name = g_strdup (property);
  field_edit_redo (edit);
  if (stack != NULL)
    sc_undo_stack_push (stack, field_label (property), field_edit_undo, field_edit_redo, edit,
                        (GDestroyNotify) field_edit_free);
  else
    field_edit_free (edit);
  return TRUE;
}

gboolean
sc_review_edit_set_string (ScUndoStack *stack,
                           ScReview    *review,
                           const char  *property,
                           const char  *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return sc_review_edit_set (stack, review, property, &v);
}

gboolean
sc_review_edit_set_strv (ScUndoStack        *stack,
                         ScReview           *review,
                         const char         *property,
                         const char * const *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  return sc_review_edit_set (stack, review, property, &v);
}

/* Adding and removing */

typedef struct
{
  ScWorkbook *book;
  ScReview   *review;
  guint       position;
} MembershipEdit;

static void
membership_edit_free (MembershipEdit *edit)
{
  g_clear_object (&edit->book);
  g_clear_object (&edit->review);
  g_free (edit);
}

static void
membership_add (gpointer data)
{
  MembershipEdit *edit = data;

  sc_workbook_insert_review (edit->book, edit->position, edit->review);
}

static void
membership_remove (gpointer data)
{
  MembershipEdit *edit = data;

  sc_workbook_remove_review (edit->book, edit->review);
}

static MembershipEdit *
membership_edit_new (ScWorkbook *book,
                     ScReview   *review,
                     guint       position)
{
  MembershipEdit *edit = g_new0 (MembershipEdit, 1);

  edit->book = g_object_ref (book);
  edit->review = g_object_ref (review);
  edit->position = position;
  return edit;
}

gboolean
sc_review_edit_add (ScUndoStack *stack,
                    ScWorkbook  *book,
                    ScReview    *review)
{
  guint position;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), FALSE);
  g_return_val_if_fail (SC_IS_REVIEW (review), FALSE);

  if (!sc_workbook_add_review (book, review))
    return FALSE;
  if (stack != NULL)
    {
      position = g_list_model_get_n_items (sc_workbook_get_reviews (book)) - 1;
      sc_undo_stack_push (stack, _("Add Review"), membership_remove, membership_add,
                          membership_edit_new (book, review, position),
                          (GDestroyNotify) membership_edit_free);
    }
  return TRUE;
}

void
sc_review_edit_remove (ScUndoStack *stack,
                       ScWorkbook  *book,
                       ScReview    *review)
{
  guint position;

  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (SC_IS_REVIEW (review));

  if (!g_list_store_find (G_LIST_STORE (sc_workbook_get_reviews (book)), review, &position))
    return;
  if (stack != NULL)
    sc_undo_stack_push (stack, _("Delete Review"), membership_add, membership_remove,
                        membership_edit_new (book, review, position),
                        (GDestroyNotify) membership_edit_free);
  sc_workbook_remove_review (book, review);
}

/* Freezing */

typedef struct
{
  ScWorkbook       *book;
  ScReview         *review;
  ScReviewSnapshot *old_snapshot;
  ScReviewSnapshot *new_snapshot;
  ScReviewState     old_state;
  ScReviewState     new_state;
  ScScoredThen     *old_record;   /* the period's score as scored then, before */
  ScScoredThen     *new_record;   /* and as the held review scored it */
} FreezeEdit;

static void
freeze_edit_free (FreezeEdit *edit)
{
  g_clear_object (&edit->book);
  g_clear_object (&edit->review);
  g_clear_pointer (&edit->old_snapshot, sc_review_snapshot_unref);
  g_clear_pointer (&edit->new_snapshot, sc_review_snapshot_unref);
  g_clear_pointer (&edit->old_record, sc_scored_then_free);
  g_clear_pointer (&edit->new_record, sc_scored_then_free);
  g_free (edit);
}

static void
freeze_undo (gpointer data)
{
  FreezeEdit *edit = data;

  sc_review_set_snapshot (edit->review, edit->old_snapshot);
  sc_review_set_state (edit->review, edit->old_state);
  if (edit->new_record != NULL)
    {
      sc_score_history_remove (edit->book, edit->new_record->partner_id, edit->new_record->period);
      if (edit->old_record != NULL)
        sc_score_history_add (edit->book, sc_scored_then_copy (edit->old_record));
      sc_workbook_changed (edit->book);
    }
}

static void
freeze_redo (gpointer data)
{
  FreezeEdit *edit = data;

  sc_review_set_snapshot (edit->review, edit->new_snapshot);
  sc_review_set_state (edit->review, edit->new_state);
  if (edit->new_record != NULL)
    {
      sc_score_history_add (edit->book, sc_scored_then_copy (edit->new_record));
      sc_workbook_changed (edit->book);
    }
}

/* The last stored period of the view @review is about, for the score
 * history: a review held records the partner's score as it was told.
 */
static ScPartner *
review_scored_period (ScWorkbook *book,
                      ScReview   *review,
                      ScPeriod   *period)
{
  ScPartner *partner = sc_workbook_lookup_partner (book, sc_review_get_partner_id (review));
  ScRollup view;
  ScPeriod first;

  if (partner == NULL || !sc_review_get_view (book, review, &view))
    return NULL;
  sc_rollup_get_range (&view, sc_workbook_get_granularity (book), &first, period);
  return partner;
}

/* Freezes every review of @reviews that is not frozen yet, scoring the
 * partners for the ranks once per view rather than once per review; not
 * undoable (a batch, as the command line and benchmarks make).
 */
gboolean
sc_review_freeze_all (ScWorkbook  *book,
                      GPtrArray   *reviews,
                      GError     **error)
{
  g_autoptr(GPtrArray) ranked = NULL;
  ScRollup ranked_view = { SC_ROLLUP_PERIOD, SC_PERIOD_NONE };

  g_return_val_if_fail (SC_IS_WORKBOOK (book), FALSE);

  for (guint i = 0; i < reviews->len; i++)
    {
      ScReview *review = g_ptr_array_index (reviews, i);
      g_autoptr(ScReviewSnapshot) snapshot = NULL;
      ScRollup view;

      if (sc_review_is_frozen (review) || !sc_review_get_view (book, review, &view))
        continue;
      if (ranked == NULL || view.kind != ranked_view.kind || view.anchor != ranked_view.anchor)
        {
          g_clear_pointer (&ranked, g_ptr_array_unref);
          ranked = sc_review_snapshot_rank_all (book, &view);
          ranked_view = view;
        }
      if (!(snapshot = dup_figures_ranked (book, review, ranked, error)))
        return FALSE;
      sc_review_set_snapshot (review, snapshot);
      {
        ScPeriod period;
        ScPartner *partner = review_scored_period (book, review, &period);

        if (partner != NULL)
          sc_score_history_record (book, partner, period, SC_SCORED_THEN_REVIEW);
      }
    }
  return TRUE;
}

/* Freezes the figures @review shows now and gives it @state (held or
 * sent), as one undo step. A review frozen already keeps its figures:
 * what was shown stays what was shown.
 */
gboolean
sc_review_edit_freeze (ScUndoStack    *stack,
                       ScWorkbook     *book,
                       ScReview       *review,
                       ScReviewState   state,
                       GError        **error)
{
  FreezeEdit *edit;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), FALSE);
  g_return_val_if_fail (SC_IS_REVIEW (review), FALSE);

  edit = g_new0 (FreezeEdit, 1);
  edit->review = g_object_ref (review);
  edit->old_state = sc_review_get_state (review);
  edit->new_state = MAX (state, edit->old_state);
  if (sc_review_get_snapshot (review) != NULL)
    edit->old_snapshot = sc_review_snapshot_ref (sc_review_get_snapshot (review));
  edit->new_snapshot = sc_review_dup_figures (book, review, error);
  if (edit->new_snapshot == NULL)
    {
      freeze_edit_free (edit);
      return FALSE;
    }
  if (edit->new_snapshot == edit->old_snapshot && edit->new_state == edit->old_state)
    {
      freeze_edit_free (edit);
      return TRUE;
    }
  if (edit->old_snapshot == NULL)
    {
      ScPeriod period;
      ScPartner *partner = review_scored_period (book, review, &period);

      if (partner != NULL)
        {
          const ScScoredThen *old = sc_score_history_lookup (book, partner, period);

          edit->book = g_object_ref (book);
          if (old != NULL)
            edit->old_record = sc_scored_then_copy (old);
          edit->new_record = sc_scored_then_copy (sc_score_history_record (book, partner, period,
                                                                           SC_SCORED_THEN_REVIEW));
        }
    }
  freeze_redo (edit);
  if (stack != NULL)
    sc_undo_stack_push (stack, _("Mark Review as Held"), freeze_undo, freeze_redo, edit,
                        (GDestroyNotify) freeze_edit_free);
  else
    freeze_edit_free (edit);
  return TRUE;
}

/* Sending */

typedef struct
{
  ScReview      *review;
  GDateTime     *old_at;
  char          *old_file;
  ScReviewState  old_state;
  GDateTime     *new_at;
  char          *new_file;
} SentEdit;

static void
sent_edit_free (SentEdit *edit)
{
  g_clear_object (&edit->review);
  g_clear_pointer (&edit->old_at, g_date_time_unref);
  g_clear_pointer (&edit->new_at, g_date_time_unref);
  g_free (edit->old_file);
  g_free (edit->new_file);
  g_free (edit);
}

static void
sent_undo (gpointer data)
{
  SentEdit *edit = data;

  sc_review_set_sent (edit->review, edit->old_at, edit->old_file);
  sc_review_set_state (edit->review, edit->old_state);
}

static void
sent_redo (gpointer data)
{
  SentEdit *edit = data;

  sc_review_set_sent (edit->review, edit->new_at, edit->new_file);
}

/* Records that @review's pack went out at @sent_at as @sent_file: the
 * review becomes "sent"; one undo step.
 */
void
sc_review_edit_set_sent (ScUndoStack *stack,
                         ScReview    *review,
                         GDateTime   *sent_at,
                         const char  *sent_file)
{
  SentEdit *edit;

  g_return_if_fail (SC_IS_REVIEW (review));
  g_return_if_fail (sent_at != NULL);

  edit = g_new0 (SentEdit, 1);
  edit->review = g_object_ref (review);
  edit->old_at = sc_review_get_sent_at (review) ? g_date_time_ref (sc_review_get_sent_at (review)) : NULL;
  edit->old_file = g_strdup (sc_review_get_sent_file (review));
  edit->old_state = sc_review_get_state (review);
  edit->new_at = g_date_time_ref (sent_at);
  edit->new_file = g_strdup (sent_file);
  sent_redo (edit);
  if (stack != NULL)
    sc_undo_stack_push (stack, _("Mark Review as Sent"), sent_undo, sent_redo, edit,
                        (GDestroyNotify) sent_edit_free);
  else
    sent_edit_free (edit);
}
