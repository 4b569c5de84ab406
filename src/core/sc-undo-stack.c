/* sc-undo-stack.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo and redo of edits. Whoever makes an edit applies it, then pushes a
 * pair of functions that undo and redo it; a new edit drops what could be
 * redone. The stack is bounded so a long session cannot grow it forever.
 */

#define G_LOG_DOMAIN "sc-undo-stack"

#include "config.h"

#include "sc-undo-stack.h"

#define MAX_EDITS 500

typedef struct
{
  char           *label;
  ScUndoFunc      undo;
  ScUndoFunc      redo;
  gpointer        data;
  GDestroyNotify  destroy;
} Edit;

struct _ScUndoStack
{
  GObject  parent_instance;

  GQueue   done;     /* Edit*, newest at the head */
  GQueue   undone;   /* Edit*, most recently undone at the head */
};

G_DEFINE_FINAL_TYPE (ScUndoStack, sc_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  if (edit->destroy)
    edit->destroy (edit->data);
  g_free (edit->label);
  g_free (edit);
}

static void
notify_state (ScUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
sc_undo_stack_finalize (GObject *object)
{
  ScUndoStack *self = (ScUndoStack *)object;

  g_queue_clear_full (&self->done, edit_free);
  g_queue_clear_full (&self->undone, edit_free);

  G_OBJECT_CLASS (sc_undo_stack_parent_class)->finalize (object);
}

static void
sc_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScUndoStack *self = SC_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sc_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sc_undo_stack_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_undo_stack_class_init (ScUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_undo_stack_finalize;
  object_class->get_property = sc_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_undo_stack_init (ScUndoStack *self)
{
  g_queue_init (&self->done);
  g_queue_init (&self->undone);
}

ScUndoStack *
sc_undo_stack_new (void)
{
  return g_object_new (SC_TYPE_UNDO_STACK, NULL);
}

/* Records an edit that has just been applied. @label names it for the
 * user ("Edit On-time delivery"); @data is freed with @destroy.
 */
void
sc_undo_stack_push (ScUndoStack    *self,
                    const char     *label,
                    ScUndoFunc      undo,
                    ScUndoFunc      redo,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  Edit *edit;

  g_return_if_fail (SC_IS_UNDO_STACK (self));
  g_return_if_fail (undo != NULL && redo != NULL);

  edit = g_new0 (Edit, 1);
  edit->label = g_strdup (label);
  edit->undo = undo;
  edit->redo = redo;
  edit->data = data;
  edit->destroy = destroy;

  g_queue_clear_full (&self->undone, edit_free);
  g_queue_push_head (&self->done, edit);
  while (self->done.length > MAX_EDITS)
    edit_free (g_queue_pop_tail (&self->done));

  notify_state (self);
}

gboolean
sc_undo_stack_undo (ScUndoStack *self)
{
  Edit *edit;

  g_return_val_if_fail (SC_IS_UNDO_STACK (self), FALSE);

  if (!(edit = g_queue_pop_head (&self->done)))
    return FALSE;

  edit->undo (edit->data);
  g_queue_push_head (&self->undone, edit);
  notify_state (self);

  return TRUE;
}

gboolean
sc_undo_stack_redo (ScUndoStack *self)
{
  Edit *edit;

  g_return_val_if_fail (SC_IS_UNDO_STACK (self), FALSE);

  if (!(edit = g_queue_pop_head (&self->undone)))
    return FALSE;

  edit->redo (edit->data);
  g_queue_push_head (&self->done, edit);
  notify_state (self);

  return TRUE;
}

gboolean
sc_undo_stack_get_can_undo (ScUndoStack *self)
{
  g_return_val_if_fail (SC_IS_UNDO_STACK (self), FALSE);
  return self->done.length > 0;
}

gboolean
sc_undo_stack_get_can_redo (ScUndoStack *self)
{
  g_return_val_if_fail (SC_IS_UNDO_STACK (self), FALSE);
  return self->undone.length > 0;
}

const char *
sc_undo_stack_get_undo_label (ScUndoStack *self)
{
  Edit *edit;

  g_return_val_if_fail (SC_IS_UNDO_STACK (self), NULL);
  edit = g_queue_peek_head (&self->done);
  return edit ? edit->label : NULL;
}

const char *
sc_undo_stack_get_redo_label (ScUndoStack *self)
{
  Edit *edit;

  g_return_val_if_fail (SC_IS_UNDO_STACK (self), NULL);
  edit = g_queue_peek_head (&self->undone);
  return edit ? edit->label : NULL;
}

/* Forgets every edit, e.g. when another workbook is opened. */
void
sc_undo_stack_clear (ScUndoStack *self)
{
  g_return_if_fail (SC_IS_UNDO_STACK (self));

  g_queue_clear_full (&self->done, edit_free);
  g_queue_clear_full (&self->undone, edit_free);
  notify_state (self);
}
