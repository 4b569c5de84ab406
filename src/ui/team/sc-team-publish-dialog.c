/* sc-team-publish-dialog.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Publish to Team Server…": copies the open workbook to a team server
 * under a name, as `scorecards copy FILE URI` does. The workbook is
 * written out in the window's thread (its model is not shared), read back
 * and sent in a worker thread, with progress and Cancel; a name that is
 * taken asks before replacing. Once published, ::published hands the
 * store to the window, which then shows the team workbook.
 */

#define G_LOG_DOMAIN "sc-team-publish-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-pg-store.h"
#include "sc-team-publish-dialog-private.h"
#include "sc-team-secret.h"
#include "sc-workbook-io.h"

struct _ScTeamPublishDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkWidget      *publish_button;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  GtkEditable    *name_row;
  ScTeamLogin    *login;
  GtkWidget      *progress_box;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;

  /* State */
  ScWorkbook     *book;
  GCancellable   *cancellable;
  ScTeamAddress  *address;     /* as publishing, with the workbook's name */
  char           *password;
  char           *error;
  GtkWindow      *question;    /* "Replace?", while asked */
  guint           pulse_source;
  GtkWidget      *busy_focus;  /* weak: the focus before going busy */
  guint           busy : 1;
};

G_DEFINE_FINAL_TYPE (ScTeamPublishDialog, sc_team_publish_dialog, ADW_TYPE_WINDOW)

enum {
  PUBLISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* What the worker is given: a snapshot of the workbook, and where to */
typedef struct
{
  GBytes          *bytes;
  char            *uri;
  char            *password;
  ScStoreSaveMode  mode;
  ScStore         *store;      /* made by the worker */
} Publish;

static void
publish_free (Publish *publish)
{
  g_bytes_unref (publish->bytes);
  g_free (publish->uri);
  sc_team_secret_free (publish->password);
  g_clear_object (&publish->store);
  g_free (publish);
}

static void
update_actions (ScTeamPublishDialog *self)
{
  const char *name = gtk_editable_get_text (self->name_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.publish",
                                 !self->busy && *name != '\0' &&
                                 sc_team_login_is_complete (self->login));
}

static gboolean
pulse_cb (gpointer data)
{
  ScTeamPublishDialog *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (ScTeamPublishDialog *self,
          const char          *message)
{
  self->busy = message != NULL;
  gtk_widget_set_visible (self->progress_box, self->busy);
  gtk_label_set_text (self->progress_label, message ? message : "");
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->busy)
    self->pulse_source = g_timeout_add (100, pulse_cb, self);
  /* The focus leaves the form while it is insensitive, and comes back:
   * GTK 4.8 loses track of a focused entry made insensitive
   */
  if (self->busy)
    {
      g_set_weak_pointer (&self->busy_focus, gtk_root_get_focus (GTK_ROOT (self)));
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->login), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !self->busy);
  if (!self->busy && self->busy_focus != NULL)
    gtk_widget_grab_focus (self->busy_focus);
  if (!self->busy)
    g_clear_weak_pointer (&self->busy_focus);
  update_actions (self);
}

static void
show_error (ScTeamPublishDialog *self,
            const char          *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/* Publishing */

static void start_publish (ScTeamPublishDialog *self,
                           ScStoreSaveMode      mode);

static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Publish *publish = task_data;
  g_autoptr(ScWorkbook) book = NULL;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (publish->bytes, &length);

  if (!(book = sc_workbook_load_from_data (data, length, publish->uri, &error)) ||
      !(publish->store = sc_pg_store_new_with_password (publish->uri, publish->password, &error)) ||
      !sc_store_save (publish->store, book, publish->mode, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_replace_response_cb (ScTeamPublishDialog *self,
                        const char          *response)
{
  self->question = NULL;
  if (g_str_equal (response, "replace"))
    start_publish (self, SC_STORE_SAVE_REPLACE);
}

static void
ask_replace (ScTeamPublishDialog *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Team Workbook?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("There is already a team workbook “%s” on this server. "
                                    "Replacing it changes it for everyone who uses it."),
                                  self->address->workbook);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->question = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_secret_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("the keyring did not keep the change: %s", error->message);
}

static void
on_published_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ScTeamPublishDialog *self = SC_TEAM_PUBLISH_DIALOG (source);
  Publish *publish = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          gtk_widget_in_destruction (GTK_WIDGET (self)))
        return;
      set_busy (self, NULL);
      if (g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_EXISTS))
        ask_replace (self);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Publishing was cancelled; the server is as it was."));
      else
        show_error (self, error->message);
      if (g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_PASSWORD))
        sc_team_login_focus_password (self->login);
      return;
    }

  set_busy (self, NULL);
  if (sc_team_login_get_remember (self->login) && self->password != NULL)
    sc_team_secret_store (self->address, self->password, NULL, on_secret_done_cb, NULL);
  else if (!sc_team_login_get_remember (self->login))
    sc_team_secret_clear (self->address, NULL, on_secret_done_cb, NULL);

  g_object_ref (self);
  g_signal_emit (self, signals[PUBLISHED], 0, publish->store);
  /* GTK 4.8 warns when a focused entry goes with its window */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
start_publish (ScTeamPublishDialog *self,
               ScStoreSaveMode      mode)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *who = sc_team_address_describe (self->address);
  g_autofree char *message = NULL;
  Publish *publish = g_new0 (Publish, 1);

  /* the snapshot: the window's workbook is not to be touched in a thread */
  publish->bytes = sc_workbook_to_bytes (self->book);
  publish->uri = sc_team_address_to_uri (self->address);
  publish->password = g_strdup (self->password);
  publish->mode = mode;

  g_cancellable_reset (self->cancellable);
  task = g_task_new (self, self->cancellable, on_published_cb, NULL);
  g_task_set_source_tag (task, start_publish);
  g_task_set_task_data (task, publish, (GDestroyNotify) publish_free);
  /* Translators: "Copying “Suppliers” to anna@db.example.com…" */
  message = g_strdup_printf (_("Copying “%s” to %s…"), self->address->workbook, who);
  set_busy (self, message);
  g_task_run_in_thread (task, publish_thread);
}

static void
on_secret_found_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScTeamPublishDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = sc_team_secret_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  sc_team_secret_free (self->password);
  self->password = password;
  start_publish (self, SC_STORE_SAVE_CREATE);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScTeamPublishDialog *self = SC_TEAM_PUBLISH_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_row)));

  if (self->busy || *name == '\0' || !sc_team_login_is_complete (self->login))
    return;

  show_error (self, NULL);
  g_clear_pointer (&self->address, sc_team_address_free);
  self->address = sc_team_login_dup_address (self->login);
  self->address->workbook = g_steal_pointer (&name);
  sc_team_secret_free (self->password);
  self->password = sc_team_login_dup_password (self->login);
  if (self->password != NULL)
    {
      start_publish (self, SC_STORE_SAVE_CREATE);
      return;
    }
  set_busy (self, _("Looking for the password in the keyring…"));
  sc_team_secret_lookup (self->address, self->cancellable, on_secret_found_cb, g_object_ref (self));
}

/* Cancel stops the copy under way (the server keeps what it had), or
 * closes the dialog.
 */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScTeamPublishDialog *self = SC_TEAM_PUBLISH_DIALOG (widget);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_changed_cb (ScTeamPublishDialog *self)
{
  update_actions (self);
}

/* GObject */

static void
sc_team_publish_dialog_dispose (GObject *object)
{
  ScTeamPublishDialog *self = (ScTeamPublishDialog *)object;

  g_cancellable_cancel (self->cancellable);
  /* GTK 4.8 warns when a focused entry goes with its window */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  g_clear_handle_id (&self->pulse_source, g_source_remove);

  G_OBJECT_CLASS (sc_team_publish_dialog_parent_class)->dispose (object);
}

static void
sc_team_publish_dialog_finalize (GObject *object)
{
  ScTeamPublishDialog *self = (ScTeamPublishDialog *)object;

  g_clear_object (&self->book);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->address, sc_team_address_free);
  g_clear_pointer (&self->password, sc_team_secret_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sc_team_publish_dialog_parent_class)->finalize (object);
}

static void
sc_team_publish_dialog_class_init (ScTeamPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_team_publish_dialog_dispose;
  object_class->finalize = sc_team_publish_dialog_finalize;

  /**
   * ScTeamPublishDialog::published:
   * @store: the team workbook now holding the copy, logged in
   *
   * The copy is on the server; the dialog closes.
   */
  signals[PUBLISHED] = g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_STORE);

  g_type_ensure (SC_TYPE_TEAM_LOGIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-team-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScTeamPublishDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPublishDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPublishDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPublishDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPublishDialog, login);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPublishDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPublishDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPublishDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);

  gtk_widget_class_install_action (widget_class, "publish.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "publish.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "publish.cancel", NULL);
}

static void
sc_team_publish_dialog_init (ScTeamPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), self->publish_button);
  update_actions (self);
}

/* Public API */

/* A dialog over @parent to publish @book; @name (e.g. the file's name
 * without .scorecard) is offered as the team workbook's name.
 */
ScTeamPublishDialog *
sc_team_publish_dialog_new (GtkWindow  *parent,
                            ScWorkbook *book,
                            const char *name)
{
  ScTeamPublishDialog *self;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  self = g_object_new (SC_TYPE_TEAM_PUBLISH_DIALOG, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  gtk_editable_set_text (self->name_row, name ? name : "");
  return self;
}

/* For the tests */

ScTeamLogin *
sc_team_publish_dialog_get_login (ScTeamPublishDialog *self)
{
  return self->login;
}

const char *
sc_team_publish_dialog_get_error (ScTeamPublishDialog *self)
{
  return self->error;
}

gboolean
sc_team_publish_dialog_get_busy (ScTeamPublishDialog *self)
{
  return self->busy;
}

/* The "Replace?" question while it is asked, else NULL */
GtkWindow *
sc_team_publish_dialog_get_question (ScTeamPublishDialog *self)
{
  return self->question;
}
