/* sc-review-list-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook's reviews, kept by sc-workbook-reviews.c in a list the
 * workbook owns; for src/core only.
 */

#pragma once

#include "sc-workbook.h"

G_BEGIN_DECLS

typedef struct _ScReviewList ScReviewList;

ScReviewList *sc_review_list_new                 (void);
void          sc_review_list_free                (ScReviewList *list);
ScReviewList *sc_workbook_get_review_list        (ScWorkbook   *self);
void          sc_workbook_remove_partner_reviews (ScWorkbook   *self,
                                                  ScPartner    *partner);

G_END_DECLS
