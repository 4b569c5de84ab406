/* sc-team-login.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form both team dialogs share: server (or socket folder), port,
 * database, user, password and whether the keyring keeps the password.
 * It only holds what is typed; connecting is the dialogs' business.
 */

#define G_LOG_DOMAIN "sc-team-login"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sc-team-login.h"

struct _ScTeamLogin
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkWidget   *group;
  GtkEditable *host_row;
  GtkEditable *port_row;
  GtkEditable *database_row;
  GtkEditable *user_row;
  GtkEditable *password_row;
  GtkSwitch   *remember_switch;
};

G_DEFINE_FINAL_TYPE (ScTeamLogin, sc_team_login, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
on_row_changed_cb (ScTeamLogin *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
dup_text (GtkEditable *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (row));

  g_strstrip (text);
  return *text ? g_steal_pointer (&text) : NULL;
}

static void
sc_team_login_dispose (GObject *object)
{
  ScTeamLogin *self = (ScTeamLogin *)object;

  g_clear_pointer (&self->group, gtk_widget_unparent);

  G_OBJECT_CLASS (sc_team_login_parent_class)->dispose (object);
}

static void
sc_team_login_class_init (ScTeamLoginClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_team_login_dispose;

  /**
   * ScTeamLogin::changed:
   *
   * Something in the form was typed or set.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-team-login.ui");
  gtk_widget_class_bind_template_child (widget_class, ScTeamLogin, group);
  gtk_widget_class_bind_template_child (widget_class, ScTeamLogin, host_row);
  gtk_widget_class_bind_template_child (widget_class, ScTeamLogin, port_row);
  gtk_widget_class_bind_template_child (widget_class, ScTeamLogin, database_row);
  gtk_widget_class_bind_template_child (widget_class, ScTeamLogin, user_row);
  gtk_widget_class_bind_template_child (widget_class, ScTeamLogin, password_row);
  gtk_widget_class_bind_template_child (widget_class, ScTeamLogin, remember_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
}

static void
sc_team_login_init (ScTeamLogin *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/* What the form says, without a workbook; the port is 0 when empty or not
 * a number (the dialogs check sc_team_login_is_complete() first).
 */
ScTeamAddress *
sc_team_login_dup_address (ScTeamLogin *self)
{
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;

  g_return_val_if_fail (SC_IS_TEAM_LOGIN (self), NULL);

  host = dup_text (self->host_row);
  port = dup_text (self->port_row);
  database = dup_text (self->database_row);
  user = dup_text (self->user_row);

  return sc_team_address_new (host, port ? (guint) strtoul (port, NULL, 10) : 0, database,
                              user, NULL);
}

void
sc_team_login_set_address (ScTeamLogin         *self,
                           const ScTeamAddress *address)
{
  g_autofree char *port = NULL;

  g_return_if_fail (SC_IS_TEAM_LOGIN (self));
  g_return_if_fail (address != NULL);

  port = address->port ? g_strdup_printf ("%u", address->port) : g_strdup ("");
  gtk_editable_set_text (self->host_row, address->host ? address->host : "");
  gtk_editable_set_text (self->port_row, port);
  gtk_editable_set_text (self->database_row, address->database ? address->database : "");
  gtk_editable_set_text (self->user_row, address->user ? address->user : "");
}

/* The password typed, NULL when none. */
char *
sc_team_login_dup_password (ScTeamLogin *self)
{
  const char *text;

  g_return_val_if_fail (SC_IS_TEAM_LOGIN (self), NULL);

  text = gtk_editable_get_text (self->password_row);
  return *text ? g_strdup (text) : NULL;
}

void
sc_team_login_set_password (ScTeamLogin *self,
                            const char  *password)
{
  g_return_if_fail (SC_IS_TEAM_LOGIN (self));

  gtk_editable_set_text (self->password_row, password ? password : "");
}

gboolean
sc_team_login_get_remember (ScTeamLogin *self)
{
  g_return_val_if_fail (SC_IS_TEAM_LOGIN (self), FALSE);

  return gtk_switch_get_active (self->remember_switch);
}

/* TRUE when there is a server and a database, and the port (if any) is a
 * number from 1 to 65535.
 */
gboolean
sc_team_login_is_complete (ScTeamLogin *self)
{
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *database = NULL;
  char *end = NULL;
  gulong number = 0;

  g_return_val_if_fail (SC_IS_TEAM_LOGIN (self), FALSE);

  host = dup_text (self->host_row);
  port = dup_text (self->port_row);
  database = dup_text (self->database_row);
  if (port != NULL)
    number = strtoul (port, &end, 10);

  return host != NULL && database != NULL &&
         (port == NULL || (*end == '\0' && number >= 1 && number <= 65535));
}

void
sc_team_login_focus_password (ScTeamLogin *self)
{
  g_return_if_fail (SC_IS_TEAM_LOGIN (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}
