/* sc-import-assistant.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-import.h"
#include "sc-undo-stack.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_IMPORT_ASSISTANT (sc_import_assistant_get_type())

G_DECLARE_FINAL_TYPE (ScImportAssistant, sc_import_assistant, SC, IMPORT_ASSISTANT, AdwWindow)

/* What an import added, for the toast and the window. */
typedef struct
{
  guint64 n_values;
  guint   n_partners;
  guint   n_kpis;
  guint64 n_skipped;
  guint64 n_replaced;
} ScImportCounts;

/**
 * ScImportDoneFunc:
 * @assistant: the assistant, about to close
 * @book: the workbook imported into: the window's, or a new untitled one
 *   when the window had none (the callee takes a reference to keep it)
 * @counts: what was imported
 * @user_data: as given to sc_import_assistant_present()
 *
 * Called once the import is committed. The undo entry is pushed onto the
 * undo stack after this returns, so a window may show @book (and clear its
 * undo stack) here.
 */
typedef void (*ScImportDoneFunc) (ScImportAssistant    *assistant,
                                  ScWorkbook           *book,
                                  const ScImportCounts *counts,
                                  gpointer              user_data);

ScImportAssistant *sc_import_assistant_present         (GtkWindow         *parent,
                                                        ScWorkbook        *book,
                                                        ScUndoStack       *undo_stack,
                                                        GFile             *file,
                                                        ScImportDoneFunc   done,
                                                        gpointer           user_data);
ScImportAssistant *sc_import_assistant_present_details (GtkWindow         *parent,
                                                        ScImport          *import);
void               sc_import_assistant_set_queue       (ScImportAssistant *self,
                                                        guint              position,
                                                        guint              length);
void               sc_import_assistant_set_file        (ScImportAssistant *self,
                                                        GFile             *file);
AdwToast          *sc_import_assistant_create_toast    (ScImportAssistant *self);
char              *sc_import_counts_to_string          (const ScImportCounts *counts);

G_END_DECLS
