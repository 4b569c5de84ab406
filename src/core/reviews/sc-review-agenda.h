/* sc-review-agenda.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-review-snapshot.h"

G_BEGIN_DECLS

char **sc_review_agenda_generate (ScWorkbook       *book,
                                  ScReview         *review,
                                  ScReviewSnapshot *figures,
                                  ScReviewSnapshot *previous);

G_END_DECLS
