/* sc-partner-row.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-score.h"

G_BEGIN_DECLS

#define SC_TYPE_PARTNER_ROW (sc_partner_row_get_type())

G_DECLARE_FINAL_TYPE (ScPartnerRow, sc_partner_row, SC, PARTNER_ROW, GtkWidget)

GtkWidget *sc_partner_row_new    (void);
void       sc_partner_row_update (ScPartnerRow           *self,
                                  ScPartner              *partner,
                                  const ScPartnerSummary *summary,
                                  const double          *history,
                                  guint                  n_history,
                                  guint                  open_issues);
void       sc_partner_row_set_standing (ScPartnerRow      *self,
                                        const ScGradeBand *standing,
                                        const char        *watch_text);

const char *sc_partner_row_get_grade_text (ScPartnerRow *self);
const char *sc_partner_row_get_detail_text (ScPartnerRow *self);

G_END_DECLS
