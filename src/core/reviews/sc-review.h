/* sc-review.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ScReviewState:
 * @SC_REVIEW_DRAFT: being prepared; its figures follow the live data
 * @SC_REVIEW_HELD: the meeting took place; its figures are frozen
 * @SC_REVIEW_SENT: its pack was sent to the partner; frozen as well
 */
typedef enum
{
  SC_REVIEW_DRAFT,
  SC_REVIEW_HELD,
  SC_REVIEW_SENT,
} ScReviewState;

typedef struct _ScReviewSnapshot ScReviewSnapshot;

#define SC_TYPE_REVIEW (sc_review_get_type())

G_DECLARE_FINAL_TYPE (ScReview, sc_review, SC, REVIEW, GObject)

ScReview         *sc_review_new                  (const char        *id,
                                                  const char        *partner_id,
                                                  const char        *date);
const char       *sc_review_get_id               (ScReview          *self);
const char       *sc_review_get_partner_id       (ScReview          *self);
const char       *sc_review_get_date             (ScReview          *self);
void              sc_review_set_date             (ScReview          *self,
                                                  const char        *date);
const char       *sc_review_get_period           (ScReview          *self);
void              sc_review_set_period           (ScReview          *self,
                                                  const char        *period);
const char * const *sc_review_get_attendees_ours   (ScReview        *self);
void              sc_review_set_attendees_ours   (ScReview          *self,
                                                  const char * const *attendees);
const char * const *sc_review_get_attendees_theirs (ScReview        *self);
void              sc_review_set_attendees_theirs (ScReview          *self,
                                                  const char * const *attendees);
const char * const *sc_review_get_agenda         (ScReview          *self);
void              sc_review_set_agenda           (ScReview          *self,
                                                  const char * const *agenda);
const char       *sc_review_get_decisions        (ScReview          *self);
void              sc_review_set_decisions        (ScReview          *self,
                                                  const char        *decisions);
const char       *sc_review_get_notes            (ScReview          *self);
void              sc_review_set_notes            (ScReview          *self,
                                                  const char        *notes);
ScReviewState     sc_review_get_state            (ScReview          *self);
void              sc_review_set_state            (ScReview          *self,
                                                  ScReviewState      state);
GDateTime        *sc_review_get_sent_at          (ScReview          *self);
const char       *sc_review_get_sent_file        (ScReview          *self);
void              sc_review_set_sent             (ScReview          *self,
                                                  GDateTime         *sent_at,
                                                  const char        *sent_file);
const char       *sc_review_get_language         (ScReview          *self);
void              sc_review_set_language         (ScReview          *self,
                                                  const char        *language);
ScReviewSnapshot *sc_review_get_snapshot         (ScReview          *self);
void              sc_review_set_snapshot         (ScReview          *self,
                                                  ScReviewSnapshot  *snapshot);
gboolean          sc_review_is_frozen            (ScReview          *self);
int               sc_review_compare              (ScReview          *a,
                                                  ScReview          *b);

const char       *sc_review_state_to_string      (ScReviewState      state);
gboolean          sc_review_state_from_string    (const char        *str,
                                                  ScReviewState     *state);
const char       *sc_review_state_get_label      (ScReviewState      state);

G_END_DECLS
