/* test-email.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests "Email to …" (src/ui/report/sc-email.c) on a real session bus
 * (meson runs this test under dbus-run-session): a small service owns
 * org.freedesktop.portal.Desktop and implements the Email portal's
 * ComposeEmail as xdg-desktop-portal does (a request object answering
 * with its Response signal), and the test checks what reached it: the
 * address, the subject and, read through the passed file descriptor, the
 * attached file's contents. Without a portal on the bus the message goes
 * to xdg-email, here a stub script on PATH recording its arguments.
 */

#include "config.h"

#include <gio/gunixfdlist.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sc-email.h"

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Email'>"
  "    <method name='ComposeEmail'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

/* What the fake portal received, and how it answers. */
typedef struct
{
  GDBusConnection *bus;
  guint            object_id;
  guint            owner_id;
  gboolean         owned;
  guint32          response;
  guint            n_calls;
  char            *address;
  char            *subject;
  char            *body;
  char            *attachment;    /* the contents read through the descriptor */
} Portal;

static char *
read_fd (int fd)
{
  GString *contents = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (contents, buffer, n);
  close (fd);
  return g_string_free (contents, FALSE);
}

static char *
lookup_string (GVariant   *options,
               const char *key)
{
  const char *value = NULL;

  return g_variant_lookup (options, key, "&s", &value) ? g_strdup (value) : NULL;
}

static void
compose_email (Portal                *portal,
               GDBusMethodInvocation *invocation,
               GVariant              *parameters)
{
  g_autoptr(GVariant) options = NULL;
  g_autoptr(GVariant) fds = NULL;
  g_autofree char *sender = g_strdup (g_dbus_method_invocation_get_sender (invocation) + 1);
  g_autofree char *handle = NULL;
  GUnixFDList *fd_list = g_dbus_message_get_unix_fd_list (g_dbus_method_invocation_get_message (invocation));
  const char *token = "t";
  const char *parent = NULL;

  g_variant_get (parameters, "(&s@a{sv})", &parent, &options);
  portal->n_calls++;
  portal->address = lookup_string (options, "address");
  portal->subject = lookup_string (options, "subject");
  portal->body = lookup_string (options, "body");
  g_variant_lookup (options, "handle_token", "&s", &token);
  fds = g_variant_lookup_value (options, "attachment_fds", G_VARIANT_TYPE ("ah"));
  if (fds != NULL && g_variant_n_children (fds) == 1 && fd_list != NULL)
    {
      gint32 index;
      g_autoptr(GError) error = NULL;
      int fd;

      g_variant_get_child (fds, 0, "h", &index);
      fd = g_unix_fd_list_get (fd_list, index, &error);
      g_assert_no_error (error);
      portal->attachment = read_fd (fd);
    }
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf ("%s/request/%s/%s", PORTAL_OBJECT_PATH, sender, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));
  /* as the portal does, once the mail client has the message */
  g_dbus_connection_emit_signal (portal->bus, g_dbus_method_invocation_get_sender (invocation), handle,
                                 "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(u@a{sv})", portal->response,
                                                g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                                 NULL);
}

static void
method_call_cb (GDBusConnection       *bus,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  g_assert_cmpstr (method, ==, "ComposeEmail");
  compose_email (user_data, invocation, parameters);
}

static GVariant *
get_property_cb (GDBusConnection  *bus,
                 const char       *sender,
                 const char       *path,
                 const char       *interface,
                 const char       *property,
                 GError          **error,
                 gpointer          user_data)
{
  return g_variant_new_uint32 (4);
}

static void
name_acquired_cb (GDBusConnection *bus,
                  const char      *name,
                  gpointer         user_data)
{
  ((Portal *) user_data)->owned = TRUE;
}

static void
portal_start (Portal  *portal,
              guint32  response)
{
  static const GDBusInterfaceVTable vtable = { method_call_cb, get_property_cb, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr(GError) error = NULL;

  memset (portal, 0, sizeof *portal);
  portal->response = response;
  /* a connection of its own, as the portal is another process */
  portal->bus = g_dbus_connection_new_for_address_sync (g_getenv ("DBUS_SESSION_BUS_ADDRESS"),
                                                        G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                        NULL, NULL, &error);
  g_assert_no_error (error);
  portal->object_id = g_dbus_connection_register_object (portal->bus, PORTAL_OBJECT_PATH, info->interfaces[0],
                                                         &vtable, portal, NULL, &error);
  g_assert_no_error (error);
  portal->owner_id = g_bus_own_name_on_connection (portal->bus, PORTAL_BUS_NAME, G_BUS_NAME_OWNER_FLAGS_NONE,
                                                   name_acquired_cb, NULL, portal, NULL);
  while (!portal->owned)
    g_main_context_iteration (NULL, TRUE);
}

static void
portal_stop (Portal *portal)
{
  g_bus_unown_name (portal->owner_id);
  g_dbus_connection_unregister_object (portal->bus, portal->object_id);
  g_dbus_connection_close_sync (portal->bus, NULL, NULL);
  g_clear_object (&portal->bus);
  g_free (portal->address);
  g_free (portal->subject);
  g_free (portal->body);
  g_free (portal->attachment);
}

/* Composing */

static void
composed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!sc_email_compose_finish (result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

/* Composes and waits; NULL on success, else the error. */
static GError *
compose (const char *to,
         GFile      *attachment)
{
  GError *error = NULL;

  sc_email_compose_async (NULL, to, "Scorecard Q4 2025", "Dear Jana,\nthe scorecard is attached.",
                          attachment, NULL, composed_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NONE))
    g_clear_error (&error);
  return error;
}

static GFile *
make_attachment (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "Fonderia scorecard.pdf", NULL);

  g_assert_true (g_file_set_contents (path, "%PDF-1.5 the pack", -1, NULL));
  return g_file_new_for_path (path);
}

static void
test_portal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-email-XXXXXX", NULL);
  g_autoptr(GFile) attachment = make_attachment (dir);
  g_autoptr(GError) error = NULL;
  Portal portal;

  portal_start (&portal, 0);
  error = compose ("jana@example.com", attachment);
  g_assert_no_error (error);
  g_assert_cmpuint (portal.n_calls, ==, 1);
  g_assert_cmpstr (portal.address, ==, "jana@example.com");
  g_assert_cmpstr (portal.subject, ==, "Scorecard Q4 2025");
  g_assert_cmpstr (portal.body, ==, "Dear Jana,\nthe scorecard is attached.");
  g_assert_cmpstr (portal.attachment, ==, "%PDF-1.5 the pack");
  portal_stop (&portal);
}

/* The user closed the portal's dialog: the compose is cancelled. */
static void
test_portal_cancelled (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-email-XXXXXX", NULL);
  g_autoptr(GFile) attachment = make_attachment (dir);
  g_autoptr(GError) error = NULL;
  Portal portal;

  portal_start (&portal, 1);
  error = compose (NULL, attachment);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (portal.address);
  portal_stop (&portal);
}

/* xdg-email */

static char *
install_stub (const char *dir,
              const char *script)
{
  g_autofree char *bin = g_build_filename (dir, "bin", NULL);
  g_autofree char *stub = g_build_filename (bin, "xdg-email", NULL);
  g_autofree char *path = g_strdup_printf ("%s:%s", bin, g_getenv ("PATH"));
  char *log = g_build_filename (dir, "xdg-email.log", NULL);

  g_assert_cmpint (g_mkdir_with_parents (bin, 0755), ==, 0);
  g_assert_true (g_file_set_contents (stub, script, -1, NULL));
  g_assert_cmpint (g_chmod (stub, 0755), ==, 0);
  g_setenv ("PATH", path, TRUE);
  g_setenv ("XDG_EMAIL_LOG", log, TRUE);
  return log;
}

static void
test_xdg_email (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-email-XXXXXX", NULL);
  g_autoptr(GFile) attachment = make_attachment (dir);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *log = install_stub (dir, "#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\"; done "
                                            "> \"$XDG_EMAIL_LOG\"\n");
  g_autofree char *args = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  /* no portal owns its name on this bus */
  error = compose ("jana@example.com", attachment);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (log, &args, NULL, NULL));
  expected = g_strdup_printf ("--utf8|--subject|Scorecard Q4 2025|--body|Dear Jana,\nthe scorecard is attached.|"
                              "--attach|%s/Fonderia scorecard.pdf|jana@example.com|", dir);
  g_assert_cmpstr (args, ==, expected);
  g_setenv ("PATH", old_path, TRUE);
}

static void
test_xdg_email_fails (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-email-XXXXXX", NULL);
  g_autoptr(GFile) attachment = make_attachment (dir);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *log = install_stub (dir, "#!/bin/sh\necho 'no mail client configured' >&2\nexit 3\n");
  g_autoptr(GError) error = NULL;

  error = compose (NULL, attachment);
  g_assert_error (error, SC_EMAIL_ERROR, SC_EMAIL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no mail client configured"));
  g_setenv ("PATH", old_path, TRUE);
}

/* Addresses */

static void
test_partner_address (void)
{
  g_autoptr(ScPartner) named = sc_partner_new ("s1", "Fonderia", SC_PARTNER_SUPPLIER);
  g_autoptr(ScPartner) address = sc_partner_new ("s2", "Acme", SC_PARTNER_SUPPLIER);
  g_autoptr(ScPartner) tagged = sc_partner_new ("s3", "Bolt", SC_PARTNER_SUPPLIER);
  g_autofree char *a1 = NULL, *a2 = NULL, *a3 = NULL, *l1 = NULL, *l3 = NULL;

  sc_partner_set_contact (named, "Jana Weber <jana@example.com>");
  sc_partner_set_contact (address, "buyer@acme.example");
  sc_partner_set_contact (tagged, "Oliver Hughes");
  a1 = sc_email_dup_partner_address (named);
  a2 = sc_email_dup_partner_address (address);
  a3 = sc_email_dup_partner_address (tagged);
  g_assert_cmpstr (a1, ==, "jana@example.com");
  g_assert_cmpstr (a2, ==, "buyer@acme.example");
  g_assert_null (a3);
  sc_partner_set_tag (tagged, "email", "oliver@bolt.example");
  g_clear_pointer (&a3, g_free);
  a3 = sc_email_dup_partner_address (tagged);
  g_assert_cmpstr (a3, ==, "oliver@bolt.example");
  l1 = sc_email_dup_partner_label (named);
  l3 = sc_email_dup_partner_label (tagged);
  g_assert_cmpstr (l1, ==, "Jana Weber");
  g_assert_cmpstr (l3, ==, "Oliver Hughes");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  g_test_add_func ("/email/partner-address", test_partner_address);
  g_test_add_func ("/email/xdg-email", test_xdg_email);
  g_test_add_func ("/email/xdg-email-fails", test_xdg_email_fails);
  g_test_add_func ("/email/portal", test_portal);
  g_test_add_func ("/email/portal-cancelled", test_portal_cancelled);

  return g_test_run ();
}
