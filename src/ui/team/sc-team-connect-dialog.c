/* sc-team-connect-dialog.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Connect to Team Server…": the server, database, user and password,
 * then the team workbooks there to open, or a name for a new one. Logging
 * in and listing run in a thread and the keyring is asked asynchronously,
 * so the dialog never waits on the network; what goes wrong (no server,
 * a refused password, a schema made by a newer Scorecards) is written in
 * the dialog. What it opens leaves as an #ScStore in ::open-store.
 */

#define G_LOG_DOMAIN "sc-team-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-pg-server.h"
#include "sc-pg-store.h"
#include "sc-team-connect-dialog-private.h"
#include "sc-team-secret.h"

struct _ScTeamConnectDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkWidget      *back_button;
  GtkButton      *go_button;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  GtkStack       *stack;
  ScTeamLogin    *login;
  AdwPreferencesGroup *workbooks_group;
  GtkWidget      *empty_label;
  GtkListBox     *workbook_list;
  GtkEditable    *new_name_row;
  GtkWidget      *busy_box;
  GtkSpinner     *spinner;
  GtkLabel       *busy_label;

  /* State */
  GCancellable   *cancellable;
  ScTeamAddress  *address;    /* as connected */
  char           *password;   /* as connected; NULL: none needed */
  GStrv           workbooks;
  char           *wanted;     /* the workbook to open once connected */
  char           *error;
  GtkWidget      *busy_focus;  /* weak: the focus before going busy */
  guint           busy : 1;
};

G_DEFINE_FINAL_TYPE (ScTeamConnectDialog, sc_team_connect_dialog, ADW_TYPE_WINDOW)

enum {
  OPEN_STORE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
forget_password (ScTeamConnectDialog *self)
{
  g_clear_pointer (&self->password, sc_team_secret_free);
}

static void
update_actions (ScTeamConnectDialog *self)
{
  gboolean on_login = g_str_equal (gtk_stack_get_visible_child_name (self->stack), "login");
  const char *name = gtk_editable_get_text (self->new_name_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.go",
                                 !self->busy && on_login && sc_team_login_is_complete (self->login));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.create",
                                 !self->busy && !on_login && *name != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.back", !self->busy && !on_login);
  gtk_widget_set_visible (GTK_WIDGET (self->go_button), on_login);
  gtk_widget_set_visible (self->back_button, !on_login);
}

static void
set_busy (ScTeamConnectDialog *self,
          const char          *message)
{
  self->busy = message != NULL;
  gtk_widget_set_visible (self->busy_box, self->busy);
  gtk_label_set_text (self->busy_label, message ? message : "");
  if (self->busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  /* The focus leaves the form while it is insensitive, and comes back:
   * GTK 4.8 loses track of a focused entry made insensitive
   */
  if (self->busy)
    {
      g_set_weak_pointer (&self->busy_focus, gtk_root_get_focus (GTK_ROOT (self)));
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !self->busy);
  if (!self->busy && self->busy_focus != NULL)
    gtk_widget_grab_focus (self->busy_focus);
  if (!self->busy)
    g_clear_weak_pointer (&self->busy_focus);
  update_actions (self);
}

static void
show_error (ScTeamConnectDialog *self,
            const char          *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/* Hands @store on and closes. */
static void
open_store (ScTeamConnectDialog *self,
            ScStore             *store)
{
  g_object_ref (self);
  g_signal_emit (self, signals[OPEN_STORE], 0, store);
  /* GTK 4.8 warns when a focused entry goes with its window */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static ScStore *
new_store (ScTeamConnectDialog  *self,
           const char           *name,
           GError              **error)
{
  g_autoptr(ScTeamAddress) address = sc_team_address_copy (self->address);
  g_autofree char *uri = NULL;

  g_free (address->workbook);
  address->workbook = g_strdup (name);
  uri = sc_team_address_to_uri (address);

  return sc_pg_store_new_with_password (uri, self->password, error);
}

/* The list of workbooks */

static void
fill_workbooks (ScTeamConnectDialog  *self,
                const ScPgServerInfo *info)
{
  g_autofree char *who = sc_team_address_describe (self->address);
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->workbook_list))))
    gtk_list_box_remove (self->workbook_list, child);
  for (guint i = 0; info->workbooks[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->workbooks[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->workbook_list, row);
    }
  gtk_widget_set_visible (self->empty_label, info->workbooks[0] == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->workbook_list), info->workbooks[0] != NULL);

  /* Translators: "Connected as anna to db.example.com — you may change workbooks" */
  description = g_strdup_printf (info->may_write
                                   ? _("Connected as %s to %s. Your role may change workbooks.")
                                   : _("Connected as %s to %s. Your role may read workbooks but "
                                       "not change them."),
                                 info->user, info->host);
  adw_preferences_group_set_description (self->workbooks_group, description);
  g_strfreev (self->workbooks);
  self->workbooks = g_strdupv (info->workbooks);
}

static void
on_workbook_activated_cb (ScTeamConnectDialog *self,
                          GtkListBoxRow       *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  const char *name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  if (self->busy)
    return;
  if (!(store = new_store (self, name, &error)))
    {
      show_error (self, error->message);
      return;
    }
  open_store (self, store);
}

/* Connecting */

static void
on_secret_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A keyring that is not there or locked is no reason to stop */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("the keyring did not keep the change: %s", error->message);
}

static void
remember_or_forget (ScTeamConnectDialog *self)
{
  if (sc_team_login_get_remember (self->login) && self->password != NULL)
    sc_team_secret_store (self->address, self->password, NULL, on_secret_done_cb, NULL);
  else if (!sc_team_login_get_remember (self->login))
    sc_team_secret_clear (self->address, NULL, on_secret_done_cb, NULL);
}

/* What the thread is given: copies, the dialog's own may change meanwhile */
typedef struct
{
  char *uri;
  char *password;
} Login;

static void
login_free (Login *login)
{
  g_free (login->uri);
  sc_team_secret_free (login->password);
  g_free (login);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Login *login = task_data;
  GError *error = NULL;
  ScPgServerInfo *info = sc_pg_server_query (login->uri, login->password, cancellable, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) sc_pg_server_info_free);
}

static void
on_queried_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ScTeamConnectDialog *self = SC_TEAM_CONNECT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPgServerInfo) info = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, NULL);
  if (info == NULL)
    {
      show_error (self, error->message);
      if (g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_PASSWORD))
        sc_team_login_focus_password (self->login);
      return;
    }

  remember_or_forget (self);
  if (self->wanted != NULL && g_strv_contains ((const char * const *) info->workbooks, self->wanted))
    {
      g_autoptr(ScStore) store = new_store (self, self->wanted, &error);

      if (store != NULL)
        {
          open_store (self, store);
          return;
        }
    }
  fill_workbooks (self, info);
  gtk_stack_set_visible_child_name (self->stack, "workbooks");
  update_actions (self);
}

static void
query_server (ScTeamConnectDialog *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_queried_cb, NULL);
  g_autofree char *who = sc_team_address_describe (self->address);
  /* Translators: %s is e.g. "anna@db.example.com" */
  g_autofree char *message = g_strdup_printf (_("Connecting as %s…"), who);
  Login *login = g_new0 (Login, 1);

  login->uri = sc_team_address_to_uri (self->address);
  login->password = g_strdup (self->password);
  g_task_set_task_data (task, login, (GDestroyNotify) login_free);
  set_busy (self, message);
  g_task_set_source_tag (task, query_server);
  g_task_run_in_thread (task, query_thread);
}

static void
on_secret_found_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScTeamConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = sc_team_secret_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_message ("the keyring cannot be read: %s", error->message);
  forget_password (self);
  self->password = password;
  query_server (self);
}

/* Without a typed password, the keyring's (if any) is tried. */
static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ScTeamConnectDialog *self = SC_TEAM_CONNECT_DIALOG (widget);

  if (self->busy || !sc_team_login_is_complete (self->login))
    return;

  show_error (self, NULL);
  g_clear_pointer (&self->address, sc_team_address_free);
  self->address = sc_team_login_dup_address (self->login);
  forget_password (self);
  self->password = sc_team_login_dup_password (self->login);
  if (self->password != NULL)
    {
      query_server (self);
      return;
    }
  set_busy (self, _("Looking for the password in the keyring…"));
  sc_team_secret_lookup (self->address, self->cancellable, on_secret_found_cb, g_object_ref (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScTeamConnectDialog *self = SC_TEAM_CONNECT_DIALOG (widget);

  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "login");
  update_actions (self);
}

/* A new workbook */

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  GError *error = NULL;

  if (sc_store_save (task_data, book, SC_STORE_SAVE_CREATE, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_created_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ScTeamConnectDialog *self = SC_TEAM_CONNECT_DIALOG (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, NULL);
      show_error (self, error->message);
      return;
    }
  set_busy (self, NULL);
  open_store (self, g_task_get_task_data (G_TASK (result)));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScTeamConnectDialog *self = SC_TEAM_CONNECT_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->new_name_row)));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  ScStore *store;

  if (self->busy || *name == '\0')
    return;
  show_error (self, NULL);
  if (self->workbooks != NULL && g_strv_contains ((const char * const *) self->workbooks, name))
    {
      g_autofree char *message = g_strdup_printf (_("There is already a team workbook “%s” on "
                                                    "this server: open it from the list, or "
                                                    "choose another name."), name);
      show_error (self, message);
      return;
    }
  if (!(store = new_store (self, name, &error)))
    {
      show_error (self, error->message);
      return;
    }

  task = g_task_new (self, self->cancellable, on_created_cb, NULL);
  g_task_set_task_data (task, store, g_object_unref);
  set_busy (self, _("Creating the workbook…"));
  g_task_run_in_thread (task, create_thread);
}

static void
on_login_changed_cb (ScTeamConnectDialog *self)
{
  update_actions (self);
}

static void
on_new_name_changed_cb (ScTeamConnectDialog *self)
{
  update_actions (self);
}

/* GObject */

static void
sc_team_connect_dialog_dispose (GObject *object)
{
  ScTeamConnectDialog *self = (ScTeamConnectDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->busy_focus);
  /* GTK 4.8 warns when a focused entry goes with its window */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  G_OBJECT_CLASS (sc_team_connect_dialog_parent_class)->dispose (object);
}

static void
sc_team_connect_dialog_finalize (GObject *object)
{
  ScTeamConnectDialog *self = (ScTeamConnectDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->address, sc_team_address_free);
  forget_password (self);
  g_clear_pointer (&self->workbooks, g_strfreev);
  g_clear_pointer (&self->wanted, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sc_team_connect_dialog_parent_class)->finalize (object);
}

static void
sc_team_connect_dialog_class_init (ScTeamConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_team_connect_dialog_dispose;
  object_class->finalize = sc_team_connect_dialog_finalize;

  /**
   * ScTeamConnectDialog::open-store:
   * @store: the team workbook to open, logged in
   *
   * The user chose a workbook (or created one); the dialog closes.
   */
  signals[OPEN_STORE] = g_signal_new ("open-store", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_STORE);

  g_type_ensure (SC_TYPE_TEAM_LOGIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-team-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, go_button);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, login);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, workbooks_group);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, workbook_list);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, busy_box);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScTeamConnectDialog, busy_label);
  gtk_widget_class_bind_template_callback (widget_class, on_login_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_workbook_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "connect.go", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "connect.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "connect.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_team_connect_dialog_init (ScTeamConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->go_button));
  update_actions (self);
}

/* Public API */

/* A dialog over @parent, its form filled from @address when given (a
 * recent team workbook whose password the keyring does not have).
 */
ScTeamConnectDialog *
sc_team_connect_dialog_new (GtkWindow           *parent,
                            const ScTeamAddress *address)
{
  ScTeamConnectDialog *self = g_object_new (SC_TYPE_TEAM_CONNECT_DIALOG,
                                            "transient-for", parent, NULL);

  if (address != NULL)
    {
      sc_team_login_set_address (self->login, address);
      self->wanted = g_strdup (address->workbook);
      sc_team_login_focus_password (self->login);
    }
  return self;
}

/* Shows @message (a store's error) above the form. */
void
sc_team_connect_dialog_show_error (ScTeamConnectDialog *self,
                                   const char          *message)
{
  g_return_if_fail (SC_IS_TEAM_CONNECT_DIALOG (self));

  show_error (self, message);
}

/* For the tests */

ScTeamLogin *
sc_team_connect_dialog_get_login (ScTeamConnectDialog *self)
{
  return self->login;
}

GtkListBox *
sc_team_connect_dialog_get_workbook_list (ScTeamConnectDialog *self)
{
  return self->workbook_list;
}

/* The error shown, NULL when none */
const char *
sc_team_connect_dialog_get_error (ScTeamConnectDialog *self)
{
  return self->error;
}

/* "login" or "workbooks" */
const char *
sc_team_connect_dialog_get_page (ScTeamConnectDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
sc_team_connect_dialog_get_busy (ScTeamConnectDialog *self)
{
  return self->busy;
}

void
sc_team_connect_dialog_set_new_name (ScTeamConnectDialog *self,
                                     const char          *name)
{
  gtk_editable_set_text (self->new_name_row, name ? name : "");
}
