/* sc-pending-edit.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns the keystrokes of one field edit into one undo step. The editor
 * applies every valid change to the model at once, so scores update live;
 * the first change of an edit takes a snapshot of the target, and the edit
 * is pushed onto the undo stack as a before/after pair when the field loses
 * focus or after a short pause.
 */

#define G_LOG_DOMAIN "sc-pending-edit"

#include "config.h"

#include "sc-pending-edit.h"

#define IDLE_COMMIT_MS 600

struct _ScPendingEdit
{
  const ScEditKind *kind;
  GObject          *target;
  ScUndoStack      *undo_stack;
  gpointer          before;
  char             *label;
  guint             timeout_id;
  guint             active : 1;
};

/* What the undo stack keeps: the target and its state on either side. */
typedef struct
{
  const ScEditKind *kind;
  GObject          *target;
  gpointer          before;
  gpointer          after;
} Step;

static void
step_free (gpointer data)
{
  Step *step = data;

  if (step->kind->free_snapshot)
    {
      step->kind->free_snapshot (step->before);
      step->kind->free_snapshot (step->after);
    }
  g_object_unref (step->target);
  g_free (step);
}

static void
step_undo (gpointer data)
{
  Step *step = data;

  step->kind->restore (step->target, step->before);
}

static void
step_redo (gpointer data)
{
  Step *step = data;

  step->kind->restore (step->target, step->after);
}

static gboolean
on_pause_elapsed_cb (gpointer user_data)
{
  ScPendingEdit *self = user_data;

  self->timeout_id = 0;
  sc_pending_edit_commit (self);

  return G_SOURCE_REMOVE;
}

/* @undo_stack may be %NULL: edits then apply without being recorded. */
ScPendingEdit *
sc_pending_edit_new (const ScEditKind *kind,
                     GObject          *target,
                     ScUndoStack      *undo_stack)
{
  ScPendingEdit *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (target), NULL);
  g_return_val_if_fail (undo_stack == NULL || SC_IS_UNDO_STACK (undo_stack), NULL);

  self = g_new0 (ScPendingEdit, 1);
  self->kind = kind;
  self->target = g_object_ref (target);
  self->undo_stack = undo_stack ? g_object_ref (undo_stack) : NULL;

  return self;
}

/* Commits what is pending, then frees @self. */
void
sc_pending_edit_free (ScPendingEdit *self)
{
  if (self == NULL)
    return;

  sc_pending_edit_commit (self);
  g_clear_object (&self->target);
  g_clear_object (&self->undo_stack);
  g_free (self);
}

/* Call before applying a change: the first change of an edit snapshots the
 * target; every change restarts the pause after which the edit commits.
 */
void
sc_pending_edit_begin (ScPendingEdit *self,
                       const char    *label)
{
  g_return_if_fail (self != NULL);

  if (!self->active)
    {
      self->before = self->kind->snapshot (self->target);
      g_free (self->label);
      self->label = g_strdup (label);
      self->active = TRUE;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (IDLE_COMMIT_MS, on_pause_elapsed_cb, self);
}

/* Ends the edit: pushes one undo step when the target really changed. */
void
sc_pending_edit_commit (ScPendingEdit *self)
{
  gpointer after;

  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->active)
    return;
  self->active = FALSE;

  after = self->kind->snapshot (self->target);
  if (self->undo_stack != NULL && !self->kind->equal (self->before, after))
    {
      Step *step = g_new0 (Step, 1);

      step->kind = self->kind;
      step->target = g_object_ref (self->target);
      step->before = g_steal_pointer (&self->before);
      step->after = g_steal_pointer (&after);
      sc_undo_stack_push (self->undo_stack, self->label, step_undo, step_redo, step, step_free);
    }

  if (self->kind->free_snapshot)
    {
      g_clear_pointer (&self->before, self->kind->free_snapshot);
      g_clear_pointer (&after, self->kind->free_snapshot);
    }
  self->before = NULL;
  g_clear_pointer (&self->label, g_free);
}

gboolean
sc_pending_edit_is_active (ScPendingEdit *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->active;
}
