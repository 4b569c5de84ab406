/* sc-email.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-partner.h"

G_BEGIN_DECLS

#define SC_EMAIL_ERROR (sc_email_error_quark())

/**
 * ScEmailError:
 * @SC_EMAIL_ERROR_NO_CLIENT: neither the desktop portal nor xdg-email could
 *   open a mail client
 * @SC_EMAIL_ERROR_FAILED: the mail client or portal reported a failure
 * @SC_EMAIL_ERROR_ATTACHMENT: the file to attach could not be opened
 */
typedef enum
{
  SC_EMAIL_ERROR_NO_CLIENT,
  SC_EMAIL_ERROR_FAILED,
  SC_EMAIL_ERROR_ATTACHMENT,
} ScEmailError;

GQuark    sc_email_error_quark          (void);

char     *sc_email_dup_partner_address  (ScPartner           *partner);
char     *sc_email_dup_partner_label    (ScPartner           *partner);

void      sc_email_compose_async        (GtkWindow           *parent,
                                         const char          *to,
                                         const char          *subject,
                                         const char          *body,
                                         GFile               *attachment,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  sc_email_compose_finish       (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
