/* sc-pending-edit.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-undo-stack.h"

G_BEGIN_DECLS

/* How to take and put back the state of one kind of target (a KPI
 * definition, a partner's overrides, the grade bands…).
 */
typedef struct
{
  gpointer (*snapshot)      (GObject  *target);
  void     (*restore)       (GObject  *target,
                             gpointer  snapshot);
  gboolean (*equal)         (gpointer  a,
                             gpointer  b);
  GDestroyNotify free_snapshot;
} ScEditKind;

typedef struct _ScPendingEdit ScPendingEdit;

ScPendingEdit *sc_pending_edit_new      (const ScEditKind *kind,
                                         GObject          *target,
                                         ScUndoStack      *undo_stack);
void           sc_pending_edit_free     (ScPendingEdit    *self);
void           sc_pending_edit_begin    (ScPendingEdit    *self,
                                         const char       *label);
void           sc_pending_edit_commit   (ScPendingEdit    *self);
gboolean       sc_pending_edit_is_active (ScPendingEdit   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPendingEdit, sc_pending_edit_free)

G_END_DECLS
