/* sc-team-session-capture.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session's watching of the workbook: an issue's fields (its
 * "notify"), issues added and removed (the list's "items-changed") and a
 * series' values ("series-changed") become edits to send. Changes to one
 * issue within SC_TEAM_COALESCE_MS (typing) become one edit; nothing is
 * recorded while the server's changes are being set.
 */

#define G_LOG_DOMAIN "sc-team-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-team-session-private.h"

static void on_issue_notify_cb (ScTeamSession *self, GParamSpec *pspec, ScIssue *issue);

static gboolean
may_edit (ScTeamSession *self)
{
  if (self->state != SC_TEAM_SESSION_READ_ONLY)
    return TRUE;

  /* nothing is kept: the server's text comes back */
  sc_team_worker_resync (self->worker);
  return FALSE;
}

/* Text that is not UTF-8 is refused here, before it is journalled. */
static gboolean
check_utf8 (ScTeamSession *self,
            ScIssue       *issue)
{
  const char *texts[] = {
    sc_issue_get_title (issue), sc_issue_get_description (issue), sc_issue_get_owner (issue),
    sc_issue_get_action (issue), sc_issue_get_reference (issue), sc_issue_get_kpi_id (issue),
  };
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && !g_utf8_validate (texts[i], -1, NULL))
      {
        message = g_strdup_printf (_("Issue %s: the text is not valid UTF-8 and was not saved"),
                                   g_utf8_validate (sc_issue_get_id (issue), -1, NULL)
                                   ? sc_issue_get_id (issue) : "?");
        _sc_team_session_set_state (self, self->state, message);
        sc_team_worker_resync (self->worker);
        return FALSE;
      }
  return TRUE;
}

void
_sc_team_session_queue_issue (ScTeamSession *self,
             ScIssue       *issue)
{
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  const char *id = sc_issue_get_id (issue);
  guint sent = GPOINTER_TO_UINT (g_hash_table_lookup (self->sent, id));
  g_autoptr(JsonObject) data = NULL;

  if (!check_utf8 (self, issue))
    return;
  data = sc_team_issue_to_json (issue, granularity, sent);
  if (g_hash_table_contains (self->created, id))
    json_object_set_boolean_member (data, "new", TRUE);
  g_debug ("%p: sending issue %s made on version %" G_GINT64_FORMAT, self, id,
           _sc_team_session_known_version (self, id));
  g_hash_table_insert (self->sent, g_strdup (id), GUINT_TO_POINTER (sc_issue_get_n_changes (issue)));
  _sc_team_session_send_edit (self, sc_team_edit_new (SC_TEAM_EDIT_ISSUE, id, _sc_team_session_known_version (self, id), data));
}

/* Sends what was changed since the last flush. */
gboolean
_sc_team_session_flush_cb (gpointer data)
{
  ScTeamSession *self = data;
  g_autoptr(GHashTable) dirty = g_steal_pointer (&self->dirty);
  g_autoptr(GHashTable) series = g_steal_pointer (&self->dirty_series);
  GHashTableIter iter;
  gpointer key;

  self->flush_id = 0;
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dirty_series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      ScIssue *issue = sc_workbook_lookup_issue (self->book, key);

      if (issue != NULL && !g_hash_table_contains (self->conflicts, key))
        _sc_team_session_queue_issue (self, issue);
    }
  g_hash_table_iter_init (&iter, series);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\t", 2);
      ScPartner *partner = sc_workbook_lookup_partner (self->book, parts[0]);
      ScKpi *kpi = parts[1] ? sc_workbook_lookup_kpi (self->book, parts[1]) : NULL;

      if (partner != NULL && kpi != NULL)
        _sc_team_session_send_edit (self, sc_team_edit_new_series (self->book, partner, kpi));
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_flush (ScTeamSession *self)
{
  if (self->flush_id == 0)
    self->flush_id = g_timeout_add (SC_TEAM_COALESCE_MS, _sc_team_session_flush_cb, self);
}

static void
on_issue_notify_cb (ScTeamSession *self,
                    GParamSpec    *pspec,
                    ScIssue       *issue)
{
  if (self->applying > 0 || !may_edit (self))
    return;
  g_hash_table_add (self->dirty, g_strdup (sc_issue_get_id (issue)));
  schedule_flush (self);
}

static void
watch_issue (ScTeamSession *self,
             ScIssue       *issue)
{
  g_hash_table_insert (self->issues, g_strdup (sc_issue_get_id (issue)), g_object_ref (issue));
  g_signal_connect_object (issue, "notify", G_CALLBACK (on_issue_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
forget_issue (ScTeamSession *self,
              ScIssue       *issue)
{
  g_signal_handlers_disconnect_by_data (issue, self);
  g_hash_table_remove (self->issues, sc_issue_get_id (issue));
}

/* Compares the workbook's issues with those it held: added and removed
 * ones become edits (unless the server's changes are being set).
 */
static void
on_issues_changed_cb (ScTeamSession *self)
{
  GListModel *issues = sc_workbook_get_issues (self->book);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean record = self->applying == 0 && may_edit (self);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
      const char *id = sc_issue_get_id (issue);

      g_hash_table_add (present, (gpointer) id);
      if (g_hash_table_lookup (self->issues, id) == issue)
        continue;
      watch_issue (self, issue);
      if (record)
        {
          g_hash_table_remove (self->versions, id);
          g_hash_table_remove (self->sent, id);
          g_hash_table_add (self->created, g_strdup (id));
          g_hash_table_add (self->dirty, g_strdup (id));
          schedule_flush (self);
        }
    }

  g_hash_table_iter_init (&iter, self->issues);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (present, key) ||
        sc_workbook_lookup_issue (self->book, key) != value)
      g_ptr_array_add (gone, g_object_ref (value));

  for (guint i = 0; i < gone->len; i++)
    {
      ScIssue *issue = g_ptr_array_index (gone, i);
      const char *id = sc_issue_get_id (issue);

      if (record && !g_hash_table_contains (present, id))
        {
          g_hash_table_remove (self->dirty, id);
          _sc_team_session_send_edit (self, sc_team_edit_new (SC_TEAM_EDIT_ISSUE_DELETE, id,
                                             _sc_team_session_known_version (self, id), NULL));
        }
      if (g_hash_table_lookup (self->issues, id) == issue)
        forget_issue (self, issue);
      else
        g_signal_handlers_disconnect_by_data (issue, self);
    }
}

static void
on_series_changed_cb (ScTeamSession *self,
                      ScPartner     *partner,
                      ScKpi         *kpi)
{
  if (self->applying > 0 || !may_edit (self))
    return;
  g_hash_table_add (self->dirty_series, g_strdup_printf ("%s\t%s", sc_partner_get_id (partner),
                                                         sc_kpi_get_id (kpi)));
  schedule_flush (self);
}

void
_sc_team_session_start_watching (ScTeamSession *self)
{
  GListModel *issues = sc_workbook_get_issues (self->book);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      watch_issue (self, issue);
      g_hash_table_insert (self->sent, g_strdup (sc_issue_get_id (issue)),
                           GUINT_TO_POINTER (sc_issue_get_n_changes (issue)));
    }
  g_signal_connect_object (issues, "items-changed", G_CALLBACK (on_issues_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->book, "series-changed", G_CALLBACK (on_series_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
