/* sc-team-banner.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strip above a team workbook's pages that says when it is not
 * simply live: offline (edits kept and sent later, how many), read-only,
 * or unusable, and a Resolve button while conflicts wait. It also shows
 * the conflict dialog when a conflict arrives. Hidden while all is well.
 * An icon and words, never colour alone; the label is a status for
 * screen readers.
 */

#define G_LOG_DOMAIN "sc-team-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-team-banner.h"
#include "sc-team-conflict-dialog.h"

struct _ScTeamBanner
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkRevealer   *revealer;
  GtkImage      *icon;
  GtkLabel      *label;
  GtkButton     *resolve_button;

  /* Owned references */
  ScTeamSession *session;
};

G_DEFINE_FINAL_TYPE (ScTeamBanner, sc_team_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char banner_css[] =
  ".sc-team-banner { padding: 6px 12px; border-bottom: 1px solid alpha(currentColor, 0.15);"
  "  background-color: alpha(@warning_bg_color, 0.25); }"
  ".sc-team-banner.error { background-color: alpha(@error_bg_color, 0.2); }"
  ".sc-team-banner.info { background-color: alpha(@accent_bg_color, 0.15); }";

static char *
pending_text (guint n_pending)
{
  if (n_pending == 0)
    return g_strdup ("");
  /* Translators: after "Offline — your changes are kept …" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (%u change waiting)",
                                       " (%u changes waiting)", n_pending), n_pending);
}

static void
set_look (ScTeamBanner *self,
          const char   *icon_name,
          const char   *css_class,
          const char   *text)
{
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_widget_remove_css_class (gtk_widget_get_first_child (GTK_WIDGET (self->revealer)), "error");
  gtk_widget_remove_css_class (gtk_widget_get_first_child (GTK_WIDGET (self->revealer)), "info");
  if (css_class != NULL)
    gtk_widget_add_css_class (gtk_widget_get_first_child (GTK_WIDGET (self->revealer)), css_class);
  gtk_label_set_text (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
update (ScTeamBanner *self)
{
  g_auto(GStrv) conflicts = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *text = NULL;
  const char *message;
  gboolean shown = TRUE;

  if (self->session == NULL)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }

  conflicts = sc_team_session_dup_conflicts (self->session);
  pending = pending_text (sc_team_session_get_n_pending (self->session));
  message = sc_team_session_get_message (self->session);
  switch (sc_team_session_get_state (self->session))
    {
    case SC_TEAM_SESSION_OFFLINE:
      text = g_strconcat (_("Offline — your changes are kept and sent when the server is back"),
                          pending, NULL);
      set_look (self, "network-offline-symbolic", NULL, text);
      break;
    case SC_TEAM_SESSION_READ_ONLY:
      text = g_strdup_printf (_("Read only — %s"),
                              message ? message : _("you may read this workbook but not change it"));
      set_look (self, "changes-prevent-symbolic", "info", text);
      break;
    case SC_TEAM_SESSION_FAILED:
      set_look (self, "dialog-error-symbolic", "error", message ? message : "");
      break;
    case SC_TEAM_SESSION_CONNECTING:
    case SC_TEAM_SESSION_ONLINE:
    default:
      if (g_strv_length (conflicts) > 0)
        {
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u issue was changed by someone else while you "
                                               "edited it",
                                               "%u issues were changed by someone else while you "
                                               "edited them", g_strv_length (conflicts)),
                                  g_strv_length (conflicts));
          set_look (self, "dialog-warning-symbolic", NULL, text);
        }
      else if (message != NULL)
        set_look (self, "dialog-warning-symbolic", NULL, message);
      else
        shown = FALSE;
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->resolve_button), g_strv_length (conflicts) > 0);
  gtk_revealer_set_reveal_child (self->revealer, shown);
}

static void
present_conflict (ScTeamBanner *self,
                  const char   *issue_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = sc_team_conflict_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   self->session, issue_id);

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_state_changed_cb (ScTeamBanner *self)
{
  update (self);
}

static void
on_conflict_cb (ScTeamBanner  *self,
                const char    *issue_id,
                ScIssue       *mine,
                ScIssue       *theirs,
                ScTeamSession *session)
{
  update (self);
  present_conflict (self, issue_id);
}

static void
on_resolve_clicked_cb (ScTeamBanner *self)
{
  g_auto(GStrv) conflicts = NULL;

  if (self->session == NULL)
    return;
  conflicts = sc_team_session_dup_conflicts (self->session);
  if (conflicts[0] != NULL)
    present_conflict (self, conflicts[0]);
}

static void
sc_team_banner_dispose (GObject *object)
{
  ScTeamBanner *self = (ScTeamBanner *)object;

  sc_team_banner_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_TEAM_BANNER);

  G_OBJECT_CLASS (sc_team_banner_parent_class)->dispose (object);
}

static void
sc_team_banner_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScTeamBanner *self = SC_TEAM_BANNER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_team_banner_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScTeamBanner *self = SC_TEAM_BANNER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      sc_team_banner_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_team_banner_class_init (ScTeamBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_team_banner_dispose;
  object_class->get_property = sc_team_banner_get_property;
  object_class->set_property = sc_team_banner_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_TEAM_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/"
                                               "sc-team-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, ScTeamBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, ScTeamBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, ScTeamBanner, label);
  gtk_widget_class_bind_template_child (widget_class, ScTeamBanner, resolve_button);
  gtk_widget_class_bind_template_callback (widget_class, on_resolve_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
sc_team_banner_init (ScTeamBanner *self)
{
  static gsize css_loaded;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, banner_css, -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }
}

/* Public API */

GtkWidget *
sc_team_banner_new (void)
{
  return g_object_new (SC_TYPE_TEAM_BANNER, NULL);
}

ScTeamSession *
sc_team_banner_get_session (ScTeamBanner *self)
{
  g_return_val_if_fail (SC_IS_TEAM_BANNER (self), NULL);

  return self->session;
}

/* Follows @session (NULL: a workbook that is not a team one: hidden). */
void
sc_team_banner_set_session (ScTeamBanner  *self,
                            ScTeamSession *session)
{
  g_return_if_fail (SC_IS_TEAM_BANNER (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "state-changed", G_CALLBACK (on_state_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "conflict", G_CALLBACK (on_conflict_cb), self,
                               G_CONNECT_SWAPPED);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* What the banner says now ("" when hidden), for tests. */
const char *
sc_team_banner_get_text (ScTeamBanner *self)
{
  g_return_val_if_fail (SC_IS_TEAM_BANNER (self), NULL);

  return gtk_revealer_get_reveal_child (self->revealer) ? gtk_label_get_text (self->label) : "";
}
