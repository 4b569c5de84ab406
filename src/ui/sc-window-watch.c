/* sc-window-watch.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar's watch list: which partners are on it in the view shown
 * (sc-standing.c decides), kept per partner until the workbook or the view
 * changes, and the "Watch list" toggle that shows only them.
 */

#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include "sc-window-private.h"

/* Why @partner is on the watch list in the view shown; never NULL. */
const ScWatch *
_sc_window_get_watch (ScWindow  *self,
                      ScPartner *partner)
{
  static const ScWatch none = { SC_WATCH_NONE };
  ScWatch *watch;

  if (self->book == NULL || self->rollup.anchor == SC_PERIOD_NONE)
    return &none;

  watch = g_hash_table_lookup (self->watches, partner);
  if (watch == NULL)
    {
      watch = g_new0 (ScWatch, 1);
      sc_standing_watch (self->scorer, partner, &self->rollup, watch);
      g_hash_table_insert (self->watches, partner, watch);
    }

  return watch;
}

/* "fell from B to C", "D for 4 periods", or NULL */
char *
_sc_window_dup_watch_text (ScWindow  *self,
                           ScPartner *partner)
{
  return sc_watch_describe (_sc_window_get_watch (self, partner));
}

void
sc_window_set_watch_only (ScWindow *self,
                          gboolean  watch_only)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  watch_only = !!watch_only;
  if (self->watch_only == watch_only)
    return;

  self->watch_only = watch_only;
  g_simple_action_set_state (self->watch_action, g_variant_new_boolean (watch_only));
  gtk_filter_changed (self->filter, watch_only ? GTK_FILTER_CHANGE_MORE_STRICT
                                               : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_watch_change_state_cb (ScWindow      *self,
                          GVariant      *state,
                          GSimpleAction *action)
{
  sc_window_set_watch_only (self, g_variant_get_boolean (state));
}

/* Adds sidebar.watch-list to @group; the state lives in the window. */
void
_sc_window_init_watch (ScWindow   *self,
                       GActionMap *group)
{
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->watch_action = g_simple_action_new_stateful ("watch-list", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (self->watch_action, "change-state",
                           G_CALLBACK (on_watch_change_state_cb), self, G_CONNECT_SWAPPED);
  g_action_map_add_action (group, G_ACTION (self->watch_action));
}
