/* sc-review-diff.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-review-snapshot.h"

G_BEGIN_DECLS

char **sc_review_diff_sentences (ScReview         *review,
                                 ScReviewSnapshot *figures,
                                 ScReview         *previous,
                                 ScReviewSnapshot *previous_figures);
char **sc_review_since_last     (ScWorkbook       *book,
                                 ScReview         *review);

G_END_DECLS
