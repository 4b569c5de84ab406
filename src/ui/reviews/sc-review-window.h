/* sc-review-window.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-undo-stack.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_REVIEW_WINDOW (sc_review_window_get_type())

G_DECLARE_FINAL_TYPE (ScReviewWindow, sc_review_window, SC, REVIEW_WINDOW, AdwWindow)

GtkWindow *sc_review_window_new        (GtkWindow      *parent,
                                        ScWorkbook     *book,
                                        ScUndoStack    *undo_stack,
                                        ScReview       *review);
ScReview  *sc_review_window_get_review (ScReviewWindow *self);
gboolean   sc_review_window_export_to  (ScReviewWindow *self,
                                        GFile          *file,
                                        GError        **error);

G_END_DECLS
