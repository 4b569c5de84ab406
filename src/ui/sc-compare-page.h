/* sc-compare-page.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-scorer.h"

#include "sc-rollup.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_COMPARE_PAGE (sc_compare_page_get_type())

G_DECLARE_FINAL_TYPE (ScComparePage, sc_compare_page, SC, COMPARE_PAGE, GtkWidget)

GtkWidget *sc_compare_page_new  (void);
void       sc_compare_page_show (ScComparePage  *self,
                                 ScScorer       *scorer,
                                 ScPartner      *partner,
                                 const ScRollup *rollup);

G_END_DECLS
