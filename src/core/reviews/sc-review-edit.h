/* sc-review-edit.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-review.h"
#include "sc-review-snapshot.h"
#include "sc-undo-stack.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

gboolean          sc_review_get_view        (ScWorkbook          *book,
                                             ScReview            *review,
                                             ScRollup            *view);
ScReview         *sc_review_create          (ScWorkbook          *book,
                                             ScPartner           *partner,
                                             const char          *date,
                                             const ScRollup      *view);
ScReview         *sc_review_create_in_language (ScWorkbook       *book,
                                                ScPartner        *partner,
                                                const char       *date,
                                                const ScRollup   *view,
                                                const char       *language);
const char       *sc_review_resolve_language (ScPartner         *partner,
                                              const char        *requested);
ScReviewSnapshot *sc_review_dup_figures     (ScWorkbook          *book,
                                             ScReview            *review,
                                             GError             **error);
gboolean          sc_review_live_differs    (ScWorkbook          *book,
                                             ScReview            *review);
char             *sc_review_format_date     (const char          *date,
                                             gboolean             with_year);

gboolean          sc_review_edit_set        (ScUndoStack         *stack,
                                             ScReview            *review,
                                             const char          *property,
                                             const GValue        *value);
gboolean          sc_review_edit_set_string (ScUndoStack         *stack,
                                             ScReview            *review,
                                             const char          *property,
                                             const char          *value);
gboolean          sc_review_edit_set_strv   (ScUndoStack         *stack,
                                             ScReview            *review,
                                             const char          *property,
                                             const char * const  *value);
gboolean          sc_review_edit_add        (ScUndoStack         *stack,
                                             ScWorkbook          *book,
                                             ScReview            *review);
void              sc_review_edit_remove     (ScUndoStack         *stack,
                                             ScWorkbook          *book,
                                             ScReview            *review);
gboolean          sc_review_freeze_all      (ScWorkbook          *book,
                                             GPtrArray           *reviews,
                                             GError             **error);
gboolean          sc_review_edit_freeze     (ScUndoStack         *stack,
                                             ScWorkbook          *book,
                                             ScReview            *review,
                                             ScReviewState        state,
                                             GError             **error);

void              sc_review_edit_set_sent   (ScUndoStack         *stack,
                                             ScReview            *review,
                                             GDateTime           *sent_at,
                                             const char          *sent_file);

G_END_DECLS
