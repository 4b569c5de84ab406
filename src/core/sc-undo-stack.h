/* sc-undo-stack.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Applies one direction of an edit; @data is the edit's own state. */
typedef void (*ScUndoFunc) (gpointer data);

#define SC_TYPE_UNDO_STACK (sc_undo_stack_get_type())

G_DECLARE_FINAL_TYPE (ScUndoStack, sc_undo_stack, SC, UNDO_STACK, GObject)

ScUndoStack *sc_undo_stack_new            (void);
void         sc_undo_stack_push           (ScUndoStack    *self,
                                           const char     *label,
                                           ScUndoFunc      undo,
                                           ScUndoFunc      redo,
                                           gpointer        data,
                                           GDestroyNotify  destroy);
gboolean     sc_undo_stack_undo           (ScUndoStack    *self);
gboolean     sc_undo_stack_redo           (ScUndoStack    *self);
gboolean     sc_undo_stack_get_can_undo   (ScUndoStack    *self);
gboolean     sc_undo_stack_get_can_redo   (ScUndoStack    *self);
const char  *sc_undo_stack_get_undo_label (ScUndoStack    *self);
const char  *sc_undo_stack_get_redo_label (ScUndoStack    *self);
void         sc_undo_stack_clear          (ScUndoStack    *self);

G_END_DECLS
