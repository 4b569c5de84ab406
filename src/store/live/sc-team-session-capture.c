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
#include "sc-workbook-io.h"

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
  _sc_team_session_send_edit (self, sc_team_edit_new (SC_TEAM_EDIT_ISSUE, id,
                                                       _sc_team_session_known_version (self, id),
                                                       data));
}

/* Every property of @object, as text, into @out */
static void
append_properties (GString *out,
                   GObject *object)
{
  guint n_specs;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                  &n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) text = G_VALUE_INIT;

      if (!(specs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (object, specs[i]->name, &value);
      g_value_init (&text, G_TYPE_STRING);
      if (g_value_transform (&value, &text))
        g_string_append_printf (out, "%s=%s\x1f", specs[i]->name,
                                g_value_get_string (&text) ? g_value_get_string (&text) : "");
    }
}

static void
append_partner (GString   *out,
                ScPartner *partner)
{
  g_auto(GStrv) tags = sc_partner_dup_tag_keys (partner);
  g_auto(GStrv) overrides = sc_partner_dup_override_kpis (partner);

  append_properties (out, G_OBJECT (partner));
  for (guint i = 0; tags && tags[i]; i++)
    g_string_append_printf (out, "tag %s=%s\x1f", tags[i], sc_partner_get_tag (partner, tags[i]));
  for (guint i = 0; overrides && overrides[i]; i++)
    {
      double target, weight;

      sc_partner_get_override (partner, overrides[i], &target, &weight);
      g_string_append_printf (out, "override %s=%g/%g\x1f", overrides[i], target, weight);
    }
}

/* What is not issues or values: partners, KPI definitions, settings and
 * the period range, as one text; when it changes, the whole workbook is
 * written (those are not edited live row by row).
 */
char *
_sc_team_session_dup_structure (ScWorkbook *book)
{
  GString *out = g_string_new (NULL);
  GListModel *partners = sc_workbook_get_partners (book);
  GListModel *kpis = sc_workbook_get_kpis (book);

  g_string_append_printf (out, "%d %d %u %s|%s|%s|%s|%u|%u\n", sc_workbook_get_granularity (book),
                          sc_workbook_get_first_period (book), sc_workbook_get_n_periods (book),
                          sc_workbook_get_company (book), sc_workbook_get_confidentiality (book),
                          sc_workbook_get_page_size (book), sc_workbook_get_notes (book),
                          sc_workbook_get_trend_periods (book), sc_workbook_get_n_recipes (book));
  for (guint i = 0; i < sc_workbook_get_n_grade_bands (book); i++)
    g_string_append_printf (out, "band %s %g\n", sc_workbook_get_grade_band (book, i)->grade,
                            sc_workbook_get_grade_band (book, i)->min_score);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(GObject) kpi = g_list_model_get_item (kpis, i);

      append_properties (out, kpi);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);

      append_partner (out, partner);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The whole workbook as an edit: saved to a file beside the journal (the
 * journal keeps its name), written by the worker with the server's
 * "replace". Edits of issues and values made meanwhile are in it.
 */
static gboolean
send_workbook (ScTeamSession *self)
{
  g_autofree char *dir = g_path_get_dirname (sc_team_session_get_journal_path (self));
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (uuid, ".scorecard", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(GError) error = NULL;
  ScTeamEdit *edit;

  if (!sc_workbook_save_to_file (self->book, file, NULL, &error))
    {
      _sc_team_session_set_state (self, self->state, error->message);
      return FALSE;
    }
  json_object_set_string_member (data, "file", path);
  edit = sc_team_edit_new (SC_TEAM_EDIT_WORKBOOK, "workbook", 0, data);
  g_hash_table_insert (self->snapshots, g_strdup (edit->key), g_strdup (path));
  _sc_team_session_send_edit (self, edit);
  return TRUE;
}

/* Sends what was changed since the last flush. */
gboolean
_sc_team_session_flush_cb (gpointer data)
{
  ScTeamSession *self = data;
  g_autoptr(GHashTable) dirty = g_steal_pointer (&self->dirty);
  g_autoptr(GHashTable) series = g_steal_pointer (&self->dirty_series);
  g_autofree char *structure = NULL;
  GHashTableIter iter;
  gpointer key;

  self->flush_id = 0;
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dirty_series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (self->structure_changed)
    {
      self->structure_changed = FALSE;
      structure = _sc_team_session_dup_structure (self->book);
      if (g_strcmp0 (structure, self->structure) != 0 && send_workbook (self))
        {
          g_free (self->structure);
          self->structure = g_steal_pointer (&structure);
          return G_SOURCE_REMOVE;
        }
    }

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

static void
on_workbook_changed_cb (ScTeamSession *self)
{
  if (self->applying > 0 || self->state == SC_TEAM_SESSION_READ_ONLY)
    return;
  self->structure_changed = TRUE;
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
  g_signal_connect_object (self->book, "changed", G_CALLBACK (on_workbook_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->structure = _sc_team_session_dup_structure (self->book);
}
