/* sc-whatif-dialog.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-undo-stack.h"
#include "sc-whatif.h"

G_BEGIN_DECLS

#define SC_TYPE_WHATIF_DIALOG (sc_whatif_dialog_get_type())

G_DECLARE_FINAL_TYPE (ScWhatifDialog, sc_whatif_dialog, SC, WHATIF_DIALOG, AdwWindow)

ScWhatifDialog *sc_whatif_dialog_new            (GtkWindow      *parent,
                                                 ScWorkbook     *book,
                                                 ScUndoStack    *undo_stack,
                                                 const ScRollup *rollup);
GListModel     *sc_whatif_dialog_get_rows       (ScWhatifDialog *self);
GtkColumnView  *sc_whatif_dialog_get_column_view (ScWhatifDialog *self);
gboolean        sc_whatif_dialog_set_kpi_value  (ScWhatifDialog *self,
                                                 ScKpi          *kpi,
                                                 const char     *field,
                                                 double          value);
const char     *sc_whatif_dialog_get_summary    (ScWhatifDialog *self);

G_END_DECLS
