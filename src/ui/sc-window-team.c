/* sc-window-team.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window and team workbooks on a PostgreSQL server: "Connect to Team
 * Server…" and "Publish to Team Server…", team workbooks in the recent
 * list (reopened with the keyring's password, asking only when it has
 * none), the header saying who is connected as what, editing turned off
 * for a role that may only read, and saving through the store in a
 * thread. Until live editing replaces it, Save writes the whole workbook
 * and a save by someone else in between is a conflict the user is told
 * about.
 */

#define G_LOG_DOMAIN "sc-window-team"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-issues-page.h"
#include "sc-pg-store.h"
#include "sc-store-location.h"
#include "sc-team-address.h"
#include "sc-team-connect-dialog.h"
#include "sc-team-publish-dialog.h"
#include "sc-team-secret.h"
#include "sc-window-private.h"
#include "sc-workbook-io.h"

/* The actions a role that may only read cannot use */
static const char *edit_actions[] = {
  "win.save", "win.import", "win.edit-kpis", "win.new-issue", "win.undo", "win.redo",
};

static gboolean
is_read_only (ScWindow *self)
{
  return self->store != NULL && sc_store_get_read_only (self->store);
}

static const char *
store_user (ScWindow *self)
{
  const char *user = SC_IS_PG_STORE (self->store) ? sc_pg_store_get_user (SC_PG_STORE (self->store)) : NULL;

  return user ? user : "";
}

/* "Team · anna@db.example.com — editor" */
static char *
dup_description (ScWindow *self)
{
  ScPgStore *store = SC_PG_STORE (self->store);
  const char *host = sc_pg_store_get_host (store);
  g_autofree char *who = g_strdup_printf ("%s@%s", store_user (self), host ? host : "");

  if (is_read_only (self))
    /* Translators: the header of a team workbook the user may only read */
    return g_strdup_printf (_("Team · %s — viewer (read-only)"), who);
  /* Translators: the header of a team workbook the user may change */
  return g_strdup_printf (_("Team · %s — editor"), who);
}

/* The recent list: the URI without any password, the workbook's name and
 * who connected where; the keyring keeps the password.
 */
static void
remember_recent (ScWindow *self)
{
  g_autofree char *uri = sc_store_location_dup_display_name (sc_store_get_display_name (self->store));
  g_autofree char *name = _sc_window_team_dup_name (self);
  g_autofree char *who = NULL;
  GtkRecentData data = { 0 };
  const char *host;

  if (g_get_application_name () == NULL || !SC_IS_PG_STORE (self->store))
    return;
  host = sc_pg_store_get_host (SC_PG_STORE (self->store));

  who = g_strdup_printf ("%s@%s", store_user (self), host ? host : "");
  data.display_name = name;
  data.description = who;
  data.mime_type = (char *) "x-scheme-handler/postgresql";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "scorecards %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Connect */

static void
on_open_store_cb (ScWindow *self,
                  ScStore  *store)
{
  sc_window_open_store (self, store);
}

static ScTeamConnectDialog *
present_connect_dialog (ScWindow            *self,
                        const ScTeamAddress *address)
{
  ScTeamConnectDialog *dialog = sc_team_connect_dialog_new (GTK_WINDOW (self), address);

  g_signal_connect_object (dialog, "open-store", G_CALLBACK (on_open_store_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
connect_team_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  present_connect_dialog (SC_WINDOW (widget), NULL);
}

/* Publish */

static void
on_published_cb (ScWindow *self,
                 ScStore  *store)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->book == NULL)
    return;

  g_set_object (&self->store, store);
  g_clear_object (&self->file);
  sc_workbook_set_modified (self->book, FALSE);
  _sc_window_recovery_discard (self);
  remember_recent (self);
  _sc_window_update_title (self);
  _sc_window_update_actions (self);

  name = _sc_window_team_dup_name (self);
  /* Translators: a toast, e.g. "“Suppliers” is on the team server now" */
  message = g_strdup_printf (_("“%s” is on the team server now"), name);
  _sc_window_show_toast (self, message);
}

static void
publish_team_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  g_autofree char *name = NULL;
  ScTeamPublishDialog *dialog;

  if (self->book == NULL || self->store != NULL)
    return;

  name = self->file ? g_file_get_basename (self->file) : g_strdup ("");
  if (g_str_has_suffix (name, ".scorecard"))
    name[strlen (name) - strlen (".scorecard")] = '\0';
  dialog = sc_team_publish_dialog_new (GTK_WINDOW (self), self->book, name);
  g_signal_connect_object (dialog, "published", G_CALLBACK (on_published_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reopening from the recent list */

typedef struct
{
  ScWindow *self;
  char     *uri;
} Reopen;

static void
reopen_free (Reopen *reopen)
{
  g_object_unref (reopen->self);
  g_free (reopen->uri);
  g_free (reopen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reopen, reopen_free)

static void
on_secret_found_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Reopen) reopen = user_data;
  ScWindow *self = reopen->self;
  const char *uri = reopen->uri;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  char *password = sc_team_secret_lookup_finish (result, &error);

  if (error != NULL)
    g_message ("the keyring cannot be read: %s", error->message);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      sc_team_secret_free (password);
      return;
    }

  /* No password kept: libpq may find one (~/.pgpass) or need none; when
   * the server asks, _sc_window_team_load_failed() asks the user
   */
  store = sc_pg_store_new_with_password (uri, password, &error);
  sc_team_secret_free (password);
  if (store == NULL)
    _sc_window_show_error (self, error->message);
  else
    sc_window_open_store (self, store);
}

/* Opens the team workbook @uri (without password), logging in with the
 * keyring's password for it.
 */
void
_sc_window_team_open_uri (ScWindow   *self,
                          const char *uri)
{
  g_autoptr(ScTeamAddress) address = sc_team_address_parse (uri);
  Reopen *reopen;

  if (address == NULL || address->workbook == NULL)
    {
      g_autofree char *shown = sc_store_location_dup_display_name (uri);
      g_autofree char *message = g_strdup_printf (_("%s is not a team workbook address"), shown);

      _sc_window_show_error (self, message);
      return;
    }

  reopen = g_new0 (Reopen, 1);
  reopen->self = g_object_ref (self);
  reopen->uri = g_strdup (uri);
  sc_team_secret_lookup (address, self->cancellable, on_secret_found_cb, reopen);
}

/* Saving */

typedef struct
{
  GBytes  *bytes;
  ScStore *store;
  gboolean close_after;
} Save;

static void
save_free (Save *save)
{
  g_bytes_unref (save->bytes);
  g_object_unref (save->store);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *save = task_data;
  g_autoptr(ScWorkbook) book = NULL;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (save->bytes, &length);

  if (!(book = sc_workbook_load_from_data (data, length, sc_store_get_display_name (save->store),
                                           &error)) ||
      !sc_store_save (save->store, book, SC_STORE_SAVE_UPDATE, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_conflict (ScWindow     *self,
               const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Someone Else Saved This Workbook"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s\n\nYour changes were not saved. To keep them, save a copy "
                                    "as a file (Save As…), reopen the team workbook and make "
                                    "them again."), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ScWindow *self = SC_WINDOW (source);
  Save *save = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->team_saving = FALSE;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  _sc_window_update_actions (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_CONFLICT))
        show_conflict (self, error);
      else
        _sc_window_show_error (self, error->message);
      return;
    }

  /* what was edited while saving is still to save */
  if (self->store == save->store && self->team_changes == 0)
    {
      sc_workbook_set_modified (self->book, FALSE);
      _sc_window_recovery_discard (self);
    }
  _sc_window_show_toast (self, _("Saved to the team server"));
  if (save->close_after)
    _sc_window_close_later (self);
}

/* Saves the whole workbook through the store, in a thread; the model is
 * written out here first, as the window's thread is the only one to touch
 * it.
 */
void
_sc_window_team_save (ScWindow *self,
                      gboolean  close_after)
{
  g_autoptr(GTask) task = NULL;
  Save *save;

  if (self->team_saving || self->book == NULL || self->store == NULL)
    return;
  if (is_read_only (self))
    {
      g_autofree char *message = g_strdup_printf (_("Role “%s” may read this team workbook but "
                                                    "not change it"), store_user (self));
      _sc_window_show_error (self, message);
      return;
    }

  save = g_new0 (Save, 1);
  save->bytes = sc_workbook_to_bytes (self->book);
  save->store = g_object_ref (self->store);
  save->close_after = close_after;
  self->team_saving = TRUE;
  self->team_changes = 0;
  _sc_window_update_actions (self);

  task = g_task_new (self, self->cancellable, on_saved_cb, NULL);
  g_task_set_source_tag (task, _sc_window_team_save);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  g_task_run_in_thread (task, save_thread);
}

/* The window's state */

static void
on_book_changed_cb (ScWindow *self)
{
  self->team_changes++;
}

static void
on_workbook_notify_cb (ScWindow *self)
{
  if (self->book != NULL)
    g_signal_connect_object (self->book, "changed", G_CALLBACK (on_book_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/* The header of a team workbook: its name, and who is connected where as
 * what. FALSE for a file or an untitled workbook.
 */
gboolean
_sc_window_team_update_title (ScWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (self->store == NULL || !SC_IS_PG_STORE (self->store))
    {
      adw_window_title_set_title (self->sidebar_title, _("Partners"));
      return FALSE;
    }

  name = _sc_window_team_dup_name (self);
  description = dup_description (self);
  /* Translators: a workbook with unsaved changes, e.g. "• Suppliers" */
  title = sc_workbook_get_modified (self->book) ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->sidebar_title, title);
  adw_window_title_set_subtitle (self->sidebar_title, description);

  return TRUE;
}

static void
update_team_bar (ScWindow *self)
{
  g_autofree char *reason = NULL;

  gtk_widget_set_visible (self->team_bar, is_read_only (self));
  if (!is_read_only (self))
    return;

  reason = g_strdup_printf (_("Read-only: role “%s” may read this team workbook but not change "
                              "it. The database owner can make it an editor."), store_user (self));
  gtk_label_set_text (self->team_label, reason);
  gtk_image_set_from_icon_name (self->team_icon, "changes-prevent-symbolic");
  gtk_widget_add_css_class (self->team_bar, "read-only");
}

/* Turns off what a viewer may not do; the reason shows under the header. */
void
_sc_window_team_update_actions (ScWindow *self)
{
  gboolean read_only = is_read_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish-team",
                                 self->book != NULL && self->store == NULL);
  if (read_only)
    for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], FALSE);
  /* live: every edit is on the server as it happens, nothing to save */
  if (self->team_saving || self->live_session != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", FALSE);
  if (self->issues_page != NULL)
    sc_issues_page_set_read_only (self->issues_page, read_only);
  update_team_bar (self);
}

/* For edits that do not go through an action (files dropped on the
 * window, a note on a chart point): TRUE, with the reason in a toast,
 * when the user may only read the team workbook.
 */
gboolean
_sc_window_team_refuses_edit (ScWindow *self)
{
  g_autofree char *message = NULL;

  if (!is_read_only (self))
    return FALSE;

  message = g_strdup_printf (_("Role “%s” may read this team workbook but not change it"),
                             store_user (self));
  _sc_window_show_toast (self, message);
  return TRUE;
}

/* After a team workbook loaded: the recent list remembers it, and it is
 * edited live from now on (each edit sent as it happens; others' edits
 * arrive in place). A viewer's window reads it live too.
 */
void
_sc_window_team_loaded (ScWindow *self,
                        ScStore  *store)
{
  remember_recent (self);
  if (SC_IS_PG_STORE (store) && self->book != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScTeamSession) session =
        sc_team_session_new_with_password (sc_store_get_display_name (store),
                                           sc_pg_store_get_password (SC_PG_STORE (store)),
                                           self->book, &error);

      if (session != NULL)
        _sc_window_live_start (self, session);
      else
        _sc_window_show_error (self, error->message);
    }
  _sc_window_update_actions (self);
}

/* A team workbook that did not open because the server wants a password
 * (none kept, or the keyring's is out of date) asks for one in the
 * connect dialog, filled in. TRUE when handled so.
 */
gboolean
_sc_window_team_load_failed (ScWindow     *self,
                             ScStore      *store,
                             const GError *error)
{
  g_autofree char *uri = NULL;
  g_autoptr(ScTeamAddress) address = NULL;
  ScTeamConnectDialog *dialog;

  if (!g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_PASSWORD))
    return FALSE;

  uri = sc_store_location_dup_display_name (sc_store_get_display_name (store));
  if (!(address = sc_team_address_parse (uri)))
    return FALSE;
  dialog = present_connect_dialog (self, address);
  sc_team_connect_dialog_show_error (dialog, error->message);
  return TRUE;
}

/* The workbook's name as the user knows it */
char *
_sc_window_team_dup_name (ScWindow *self)
{
  if (self->store != NULL && SC_IS_PG_STORE (self->store))
    return g_strdup (sc_pg_store_get_workbook_name (SC_PG_STORE (self->store)));
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (_("Untitled Workbook"));
}

/* "Opening “Suppliers” from anna@db.example.com…" */
char *
_sc_window_team_dup_loading_text (ScStore *store)
{
  g_autofree char *uri = sc_store_location_dup_display_name (sc_store_get_display_name (store));
  g_autoptr(ScTeamAddress) address = sc_team_address_parse (uri);
  g_autofree char *who = NULL;

  if (address == NULL || address->workbook == NULL)
    /* Translators: %s is a team workbook's address (without password) */
    return g_strdup_printf (_("Opening the team workbook %s…"), uri);

  who = sc_team_address_describe (address);
  /* Translators: e.g. "Opening “Suppliers” from anna@db.example.com…" */
  return g_strdup_printf (_("Opening “%s” from %s…"), address->workbook, who);
}

void
_sc_window_class_init_team (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.connect-team", NULL, connect_team_action);
  gtk_widget_class_install_action (widget_class, "win.publish-team", NULL, publish_team_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.connect-team", NULL);
}

void
_sc_window_init_team (ScWindow *self)
{
  g_signal_connect (self, "notify::workbook", G_CALLBACK (on_workbook_notify_cb), NULL);
}

/* For the tests */

ScStore *
sc_window_get_store (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return self->store;
}

/* The header's "Team · anna@host — editor"; NULL for a file */
const char *
sc_window_get_team_description (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return self->store ? adw_window_title_get_subtitle (self->sidebar_title) : NULL;
}
