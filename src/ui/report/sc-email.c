/* sc-email.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Email to …": opens the user's mail client with a message to a partner's
 * contact and a file attached, ready to be checked and sent. Through the
 * desktop portal (org.freedesktop.portal.Email.ComposeEmail, the file
 * passed as a descriptor, which also works from a Flatpak sandbox), or,
 * where no portal answers, through xdg-email. The user sends the mail;
 * success means the message was handed to the mail client.
 */

#define G_LOG_DOMAIN "sc-email"

#include "config.h"

#include <fcntl.h>
#include <gio/gunixfdlist.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sc-email.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_EMAIL       "org.freedesktop.portal.Email"
#define PORTAL_REQUEST     "org.freedesktop.portal.Request"

G_DEFINE_QUARK (sc-email-error-quark, sc_email_error)

typedef struct
{
  char            *parent_handle;
  char            *to;
  char            *subject;
  char            *body;
  char            *path;
  GDBusConnection *bus;
  char            *request_path;
  guint            response_id;
} Compose;

static void
compose_free (gpointer data)
{
  Compose *compose = data;

  if (compose->response_id != 0)
    g_dbus_connection_signal_unsubscribe (compose->bus, compose->response_id);
  g_clear_object (&compose->bus);
  g_free (compose->parent_handle);
  g_free (compose->to);
  g_free (compose->subject);
  g_free (compose->body);
  g_free (compose->path);
  g_free (compose->request_path);
  g_free (compose);
}

/* Partners */

/* The address in a partner's contact ("Jana Weber <jana@example.com>" or
 * "jana@example.com"), else in its "email" tag; NULL when there is none.
 */
char *
sc_email_dup_partner_address (ScPartner *partner)
{
  const char *sources[] = { sc_partner_get_contact (partner), sc_partner_get_tag (partner, "email") };

  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      const char *text = sources[i], *open, *close;

      if (text == NULL || strchr (text, '@') == NULL)
        continue;
      if ((open = strchr (text, '<')) != NULL && (close = strchr (open, '>')) != NULL && close > open + 1)
        return g_strstrip (g_strndup (open + 1, close - open - 1));
      if (strchr (text, ' ') == NULL)
        return g_strdup (text);
    }
  return NULL;
}

/* Who the mail is for, as a button says it: the contact's name, or the
 * partner's when it names no contact.
 */
char *
sc_email_dup_partner_label (ScPartner *partner)
{
  const char *contact = sc_partner_get_contact (partner);
  const char *open;

  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);

  if (contact == NULL || contact[0] == '\0')
    return g_strdup (sc_partner_get_name (partner));
  if ((open = strchr (contact, '<')) != NULL && open > contact)
    return g_strstrip (g_strndup (contact, open - contact));
  return g_strdup (contact);
}

/* xdg-email */

static void
xdg_email_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  if (!g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, NULL, &err, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_subprocess_get_successful (G_SUBPROCESS (source)))
    g_task_return_new_error (task, SC_EMAIL_ERROR, SC_EMAIL_ERROR_FAILED,
                             _("Your email program could not be opened: %s"),
                             err && err[0] ? g_strstrip (err) : _("xdg-email failed"));
  else
    g_task_return_boolean (task, TRUE);
}

static void
compose_with_xdg_email (GTask *task)
{
  Compose *compose = g_task_get_task_data (task);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) "xdg-email");
  g_ptr_array_add (argv, (char *) "--utf8");
  if (compose->subject != NULL)
    {
      g_ptr_array_add (argv, (char *) "--subject");
      g_ptr_array_add (argv, compose->subject);
    }
  if (compose->body != NULL)
    {
      g_ptr_array_add (argv, (char *) "--body");
      g_ptr_array_add (argv, compose->body);
    }
  g_ptr_array_add (argv, (char *) "--attach");
  g_ptr_array_add (argv, compose->path);
  if (compose->to != NULL)
    g_ptr_array_add (argv, compose->to);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (process == NULL)
    {
      g_task_return_new_error (task, SC_EMAIL_ERROR, SC_EMAIL_ERROR_NO_CLIENT,
                               _("No email program found: neither the desktop portal nor xdg-email is available"));
      g_object_unref (task);
      return;
    }
  g_subprocess_communicate_utf8_async (process, NULL, g_task_get_cancellable (task), xdg_email_done_cb, task);
}

/* The portal */

static void
on_response_cb (GDBusConnection *bus,
                const char      *sender,
                const char      *path,
                const char      *interface,
                const char      *signal,
                GVariant        *parameters,
                gpointer         user_data)
{
  GTask *task = user_data;
  Compose *compose = g_task_get_task_data (task);
  guint32 response = 2;

  if (g_strcmp0 (path, compose->request_path) != 0)
    return;
  g_variant_get (parameters, "(u@a{sv})", &response, NULL);
  if (response == 0)
    g_task_return_boolean (task, TRUE);
  else if (response == 1)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The email was not written"));
  else
    g_task_return_new_error (task, SC_EMAIL_ERROR, SC_EMAIL_ERROR_FAILED,
                             _("Your email program could not be opened"));
  /* last: it may drop the subscription's reference to the task */
  g_dbus_connection_signal_unsubscribe (bus, compose->response_id);
  compose->response_id = 0;
}

static void
subscribe_response (GTask      *task,
                    const char *path)
{
  Compose *compose = g_task_get_task_data (task);

  if (compose->response_id != 0)
    g_dbus_connection_signal_unsubscribe (compose->bus, compose->response_id);
  g_free (compose->request_path);
  compose->request_path = g_strdup (path);
  /* the subscription holds a reference: the signal may come before the
   * call's reply */
  compose->response_id = g_dbus_connection_signal_subscribe (compose->bus, PORTAL_BUS_NAME, PORTAL_REQUEST,
                                                             "Response", path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                             on_response_cb, g_object_ref (task),
                                                             g_object_unref);
}

/* Errors that say the portal, or its Email interface, is not there. */
static gboolean
portal_missing (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NOT_SUPPORTED);
}

static void
compose_called_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Compose *compose = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *handle = NULL;

  reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (source), NULL, result, &error);
  if (reply == NULL)
    {
      if (compose->response_id != 0)
        g_dbus_connection_signal_unsubscribe (compose->bus, compose->response_id);
      compose->response_id = 0;
      if (portal_missing (error))
        {
          compose_with_xdg_email (g_steal_pointer (&task));
          return;
        }
      g_dbus_error_strip_remote_error (error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* an older portal may answer on a path of its own choosing */
  g_variant_get (reply, "(&o)", &handle);
  if (compose->response_id != 0 && g_strcmp0 (handle, compose->request_path) != 0)
    subscribe_response (task, handle);
}

static GVariant *
build_options (Compose    *compose,
               const char *token,
               int         fd_index)
{
  GVariantBuilder options;
  GVariantBuilder fds;

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  if (compose->to != NULL)
    g_variant_builder_add (&options, "{sv}", "address", g_variant_new_string (compose->to));
  if (compose->subject != NULL)
    g_variant_builder_add (&options, "{sv}", "subject", g_variant_new_string (compose->subject));
  if (compose->body != NULL)
    g_variant_builder_add (&options, "{sv}", "body", g_variant_new_string (compose->body));
  g_variant_builder_init (&fds, G_VARIANT_TYPE ("ah"));
  g_variant_builder_add (&fds, "h", fd_index);
  g_variant_builder_add (&options, "{sv}", "attachment_fds", g_variant_builder_end (&fds));
  return g_variant_builder_end (&options);
}

/* The request object the portal will create for @token: its Response
 * signal is subscribed to before the call, so it cannot be missed.
 */
static char *
dup_request_path (GDBusConnection *bus,
                  const char      *token)
{
  g_autofree char *sender = g_strdup (g_dbus_connection_get_unique_name (bus) + 1);

  g_strdelimit (sender, ".", '_');
  return g_strdup_printf ("%s/request/%s/%s", PORTAL_OBJECT_PATH, sender, token);
}

static void
compose_with_portal (GTask *task)
{
  Compose *compose = g_task_get_task_data (task);
  g_autoptr(GUnixFDList) fd_list = g_unix_fd_list_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *token = g_strdup_printf ("scorecards_%u", g_random_int ());
  g_autofree char *request = NULL;
  int fd = g_open (compose->path, O_RDONLY | O_CLOEXEC, 0);
  int index;

  if (fd < 0)
    {
      int saved = errno;

      g_task_return_new_error (task, SC_EMAIL_ERROR, SC_EMAIL_ERROR_ATTACHMENT, _("%s: cannot attach: %s"),
                               compose->path, g_strerror (saved));
      g_object_unref (task);
      return;
    }
  index = g_unix_fd_list_append (fd_list, fd, &error);
  close (fd);
  if (index < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  request = dup_request_path (compose->bus, token);
  subscribe_response (task, request);
  g_dbus_connection_call_with_unix_fd_list (compose->bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, PORTAL_EMAIL,
                                            "ComposeEmail",
                                            g_variant_new ("(s@a{sv})", compose->parent_handle,
                                                           build_options (compose, token, index)),
                                            G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, G_MAXINT,
                                            fd_list, g_task_get_cancellable (task), compose_called_cb, task);
}

/* The portal is there when its Email interface has a version. */
static void
version_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  if (reply == NULL)
    compose_with_xdg_email (task);
  else
    compose_with_portal (task);
}

static void
bus_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Compose *compose = g_task_get_task_data (task);

  compose->bus = g_bus_get_finish (result, NULL);
  if (compose->bus == NULL)
    {
      compose_with_xdg_email (task);
      return;
    }
  g_dbus_connection_call (compose->bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, "org.freedesktop.DBus.Properties",
                          "Get", g_variant_new ("(ss)", PORTAL_EMAIL, "version"), G_VARIANT_TYPE ("(v)"),
                          G_DBUS_CALL_FLAGS_NONE, 10000, g_task_get_cancellable (task), version_ready_cb, task);
}

static char *
dup_parent_handle (GtkWindow *parent)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = parent ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;

  if (surface != NULL && GDK_IS_X11_SURFACE (surface))
    return g_strdup_printf ("x11:%lx", (unsigned long) gdk_x11_surface_get_xid (surface));
#endif
  return g_strdup ("");
}

/* Public API */

/* Opens the user's mail client with a new message to @to (an address, or
 * NULL to let the user fill it in), @subject and @body, and @attachment (a
 * local file) attached. Completes when the client has the message;
 * cancelled (G_IO_ERROR_CANCELLED) when the user closed the portal's
 * dialog.
 */
void
sc_email_compose_async (GtkWindow           *parent,
                        const char          *to,
                        const char          *subject,
                        const char          *body,
                        GFile               *attachment,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Compose *compose;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (attachment));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_email_compose_async);
  compose = g_new0 (Compose, 1);
  compose->parent_handle = dup_parent_handle (parent);
  compose->to = to && to[0] ? g_strdup (to) : NULL;
  compose->subject = g_strdup (subject);
  compose->body = g_strdup (body);
  compose->path = g_file_get_path (attachment);
  g_task_set_task_data (task, compose, compose_free);
  if (compose->path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (attachment);

      g_task_return_new_error (task, SC_EMAIL_ERROR, SC_EMAIL_ERROR_ATTACHMENT,
                               _("%s: cannot attach: not a local file"), name);
      return;
    }
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_ready_cb, g_steal_pointer (&task));
}

gboolean
sc_email_compose_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_email_compose_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
