/* sc-report-send.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-partner.h"

G_BEGIN_DECLS

char *sc_report_send_dup_label  (ScPartner  *partner);
char *sc_report_send_dup_path   (ScPartner  *partner,
                                 GError    **error);
void  sc_report_send            (GtkWindow  *parent,
                                 ScPartner  *partner,
                                 const char *path,
                                 const char *company);

G_END_DECLS
