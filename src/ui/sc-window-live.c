/* sc-window-live.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's side of a team workbook edited live: it keeps the
 * ScTeamSession of the workbook it shows, hands it to the banner (offline,
 * read-only, conflicts), and gives it the name issue history records.
 * Everything else — the sidebar, the scorecard, the issues — follows the
 * workbook's own signals as the session sets others' changes on it.
 */

#define G_LOG_DOMAIN "sc-window-live"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-window-live.h"
#include "sc-window-private.h"

static void
on_display_name_changed_cb (ScWindow  *self,
                            const char *key,
                            GSettings *settings)
{
  g_autofree char *name = g_settings_get_string (settings, "display-name");

  if (self->live_session != NULL)
    sc_team_session_set_display_name (self->live_session, name);
}

static void
on_session_state_changed_cb (ScWindow      *self,
                             ScTeamSession *session)
{
  /* the workbook is on the server, edit by edit: nothing to save */
  if (sc_workbook_get_modified (self->book))
    sc_workbook_set_modified (self->book, FALSE);
}

/* Starts showing the live @session of the workbook the window shows. */
void
_sc_window_live_start (ScWindow      *self,
                       ScTeamSession *session)
{
  GApplication *app = g_application_get_default ();

  g_return_if_fail (sc_team_session_get_workbook (session) == self->book);

  _sc_window_live_stop (self);
  self->live_session = g_object_ref (session);
  sc_team_banner_set_session (self->team_banner, session);
  g_signal_connect_object (session, "state-changed", G_CALLBACK (on_session_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  if (SC_IS_APPLICATION (app))
    {
      GSettings *settings = sc_application_get_settings (SC_APPLICATION (app));

      g_signal_connect_object (settings, "changed::display-name",
                               G_CALLBACK (on_display_name_changed_cb), self, G_CONNECT_SWAPPED);
      on_display_name_changed_cb (self, "display-name", settings);
    }
}

/* Ends the live session (edits not yet sent stay in its journal). */
void
_sc_window_live_stop (ScWindow *self)
{
  GApplication *app = g_application_get_default ();

  if (self->live_session == NULL)
    return;

  if (SC_IS_APPLICATION (app))
    g_signal_handlers_disconnect_by_func (sc_application_get_settings (SC_APPLICATION (app)),
                                          on_display_name_changed_cb, self);
  if (self->team_banner != NULL)
    sc_team_banner_set_session (self->team_banner, NULL);
  g_signal_handlers_disconnect_by_data (self->live_session, self);
  sc_team_session_close (self->live_session);
  g_clear_object (&self->live_session);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTeamSession) session = sc_team_session_open_finish (result, &error);

  if (session == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          _sc_window_set_workbook (self, NULL, NULL);
          _sc_window_show_error (self, error->message);
        }
      return;
    }

  _sc_window_set_workbook (self, sc_team_session_get_workbook (session), NULL);
  _sc_window_live_start (self, session);
}

/* Opens the team workbook @uri and edits it live. */
void
sc_window_open_team (ScWindow   *self,
                     const char *uri)
{
  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (uri != NULL);

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  sc_team_session_open_async (uri, self->cancellable, opened_cb, g_object_ref (self));
}

ScTeamSession *
sc_window_get_live_session (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return self->live_session;
}
