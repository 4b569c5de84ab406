/* sc-report-send.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Email to <contact>…" of the export dialog: the partner's report, saved
 * where outgoing files are kept (the user's cache), attached to a new
 * message to the partner's contact (sc-email.c), with a subject and a
 * greeting to edit. The result is a toast in the main window.
 */

#define G_LOG_DOMAIN "sc-report-send"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sc-email.h"
#include "sc-report.h"
#include "sc-report-print.h"
#include "sc-report-send.h"

/* "Email to Oliver Hughes…": what the dialog's row says. */
char *
sc_report_send_dup_label (ScPartner *partner)
{
  g_autofree char *who = sc_email_dup_partner_label (partner);

  /* Translators: a row of the export dialog: "Email to Oliver Hughes…" */
  return g_strdup_printf (_("Email to %s…"), who);
}

/* Where the report to attach is saved: the cache's outgoing folder, under
 * the partner's name, as the customer will see it.
 */
char *
sc_report_send_dup_path (ScPartner  *partner,
                         GError    **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "scorecards", "outgoing", NULL);
  g_autofree char *base = sc_report_safe_file_name (sc_partner_get_name (partner));
  g_autofree char *name = g_strdup_printf ("%s.pdf", base);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved));
      return NULL;
    }
  return g_build_filename (dir, name, NULL);
}

typedef struct
{
  GtkWindow *parent;
  char      *who;
} Send;

static void
send_free (Send *send)
{
  g_clear_object (&send->parent);
  g_free (send->who);
  g_free (send);
}

static void
composed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Send *send = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (sc_email_compose_finish (result, &error))
    {
      /* Translators: a toast once the mail client has the message */
      message = g_strdup_printf (_("Email to %s ready in your email program"), send->who);
      _sc_report_add_toast (send->parent, adw_toast_new (message));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      _sc_report_add_toast (send->parent, toast);
    }
  send_free (send);
}

/* Opens a new message to @partner's contact with the report at @path. */
void
sc_report_send (GtkWindow  *parent,
                ScPartner  *partner,
                const char *path,
                const char *company)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *address = sc_email_dup_partner_address (partner);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  Send *send = g_new0 (Send, 1);

  g_return_if_fail (SC_IS_PARTNER (partner));

  send->parent = parent ? g_object_ref (parent) : NULL;
  send->who = sc_email_dup_partner_label (partner);
  /* Translators: the subject of the email a report is attached to */
  subject = g_strdup_printf (_("Scorecard: %s"), sc_partner_get_name (partner));
  /* Translators: the email a report is attached to; the first %s is the
   * contact, the second the partner, the third the company sending it */
  body = g_strdup_printf (_("Dear %s,\n\nplease find the scorecard of %s attached.\n\nKind regards,\n%s"),
                          send->who, sc_partner_get_name (partner), company ? company : "");
  sc_email_compose_async (parent, address, subject, body, file, NULL, composed_cb, send);
}
