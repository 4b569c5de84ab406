/* sc-reviews-section.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_REVIEWS_SECTION (sc_reviews_section_get_type())

G_DECLARE_FINAL_TYPE (ScReviewsSection, sc_reviews_section, SC, REVIEWS_SECTION, GtkWidget)

GtkWidget  *sc_reviews_section_new         (void);
void        sc_reviews_section_set_partner (ScReviewsSection *self,
                                            ScWorkbook       *book,
                                            ScPartner        *partner,
                                            const ScRollup   *view);
GtkListBox *sc_reviews_section_get_list    (ScReviewsSection *self);

G_END_DECLS
