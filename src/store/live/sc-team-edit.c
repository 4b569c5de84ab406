/* sc-team-edit.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Live edits as JSON lines (the journal) and issues as JSON objects of
 * text fields (what the worker writes and reads). Text goes through
 * unchanged: quotes, backslashes and 1 MB notes round-trip; text that is
 * not UTF-8 never gets here (the model refuses it, the server too).
 */

#define G_LOG_DOMAIN "sc-team-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-json-depth.h"
#include "sc-team-edit.h"

static const char * const kind_names[] = { "issue", "issue-delete", "series", "workbook" };

ScTeamEdit *
sc_team_edit_new (ScTeamEditKind  kind,
                  const char     *target,
                  gint64          base,
                  JsonObject     *data)
{
  ScTeamEdit *edit = g_new0 (ScTeamEdit, 1);

  edit->key = g_uuid_string_random ();
  edit->kind = kind;
  edit->target = g_strdup (target);
  edit->base = base;
  edit->data = data ? json_object_ref (data) : json_object_new ();

  return edit;
}

/* The values of @partner × @kpi over the workbook's periods. */
ScTeamEdit *
sc_team_edit_new_series (ScWorkbook *book,
                         ScPartner  *partner,
                         ScKpi      *kpi)
{
  const ScSeries *series = sc_workbook_get_series (book, partner, kpi);
  g_autoptr(JsonObject) data = json_object_new ();
  g_autofree char *target = g_strdup_printf ("%s\t%s", sc_partner_get_id (partner),
                                             sc_kpi_get_id (kpi));
  g_autofree char *first = sc_period_to_string (sc_workbook_get_granularity (book),
                                                sc_workbook_get_first_period (book));
  JsonArray *values = json_array_new ();
  guint n = sc_workbook_get_n_periods (book);

  for (guint i = 0; i < n; i++)
    {
      if (series == NULL || isnan (series->values[i]))
        json_array_add_null_element (values);
      else
        json_array_add_double_element (values, series->values[i]);
    }
  json_object_set_string_member (data, "partner", sc_partner_get_id (partner));
  json_object_set_string_member (data, "kpi", sc_kpi_get_id (kpi));
  json_object_set_string_member (data, "first", first);
  json_object_set_array_member (data, "values", values);

  return sc_team_edit_new (SC_TEAM_EDIT_SERIES, target, 0, data);
}

ScTeamEdit *
sc_team_edit_copy (const ScTeamEdit *edit)
{
  ScTeamEdit *copy = g_new0 (ScTeamEdit, 1);

  copy->key = g_strdup (edit->key);
  copy->kind = edit->kind;
  copy->target = g_strdup (edit->target);
  copy->base = edit->base;
  copy->force = edit->force;
  copy->data = json_object_ref (edit->data);

  return copy;
}

void
sc_team_edit_free (ScTeamEdit *edit)
{
  if (edit == NULL)
    return;

  g_free (edit->key);
  g_free (edit->target);
  g_clear_pointer (&edit->data, json_object_unref);
  g_free (edit);
}

/* One line of JSON, without the newline. */
char *
sc_team_edit_to_line (const ScTeamEdit *edit)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "key", edit->key);
  json_object_set_string_member (object, "kind", kind_names[edit->kind]);
  json_object_set_string_member (object, "target", edit->target);
  json_object_set_int_member (object, "base", edit->base);
  json_object_set_boolean_member (object, "force", edit->force);
  json_object_set_object_member (object, "data", json_object_ref (edit->data));
  json_node_set_object (node, object);

  return json_to_string (node, FALSE);
}

ScTeamEdit *
sc_team_edit_from_line (const char  *line,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  ScTeamEdit *edit;
  const char *kind;
  int k;

  if (!sc_json_check (line, strlen (line), 32, "journal", error) || !json_parser_load_from_data (parser, line, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;
  object = json_node_get_object (json_parser_get_root (parser));
  kind = sc_team_json_get_string (object, "kind");
  for (k = 0; k < (int) G_N_ELEMENTS (kind_names); k++)
    if (g_strcmp0 (kind, kind_names[k]) == 0)
      break;
  if (k == G_N_ELEMENTS (kind_names) || !sc_team_json_get_string (object, "key") ||
      !sc_team_json_get_string (object, "target") ||
      !json_object_has_member (object, "data") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "data")))
    goto invalid;

  edit = g_new0 (ScTeamEdit, 1);
  edit->key = g_strdup (sc_team_json_get_string (object, "key"));
  edit->kind = k;
  edit->target = g_strdup (sc_team_json_get_string (object, "target"));
  edit->base = json_object_get_int_member_with_default (object, "base", 0);
  edit->force = json_object_get_boolean_member_with_default (object, "force", FALSE);
  edit->data = json_object_ref (json_object_get_object_member (object, "data"));
  return edit;

invalid:
  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
               _("not an edit of a team workbook"));
  return NULL;
}

/* Issues */

const char *
sc_team_json_get_string (JsonObject *object,
                         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
set_nullable (JsonObject *object,
              const char *member,
              const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static void
set_time (JsonObject *object,
          const char *member,
          GDateTime  *time)
{
  g_autofree char *text = time ? g_date_time_format_iso8601 (time) : NULL;

  set_nullable (object, member, text);
}

/* The issue's fields; its history from entry @first_change on. */
JsonObject *
sc_team_issue_to_json (ScIssue       *issue,
                       ScGranularity  granularity,
                       guint          first_change)
{
  JsonObject *object = json_object_new ();
  ScPeriod period = sc_issue_get_period (issue);
  g_autofree char *period_text = NULL;
  JsonArray *changes = json_array_new ();

  if (period != SC_PERIOD_NONE)
    period_text = sc_period_to_string (granularity, period);

  json_object_set_string_member (object, "id", sc_issue_get_id (issue));
  json_object_set_string_member (object, "partner", sc_issue_get_partner_id (issue));
  set_nullable (object, "kpi", sc_issue_get_kpi_id (issue));
  set_nullable (object, "period", period_text);
  json_object_set_string_member (object, "title", sc_issue_get_title (issue));
  json_object_set_string_member (object, "description", sc_issue_get_description (issue));
  json_object_set_string_member (object, "severity",
                                 sc_severity_to_string (sc_issue_get_severity (issue)));
  json_object_set_string_member (object, "status",
                                 sc_issue_status_to_string (sc_issue_get_status (issue)));
  json_object_set_string_member (object, "owner", sc_issue_get_owner (issue));
  set_nullable (object, "due", sc_issue_get_due (issue));
  json_object_set_string_member (object, "action", sc_issue_get_action (issue));
  json_object_set_string_member (object, "reference", sc_issue_get_reference (issue));
  set_time (object, "created", sc_issue_get_created (issue));
  set_time (object, "updated", sc_issue_get_updated (issue));

  for (guint i = first_change; i < sc_issue_get_n_changes (issue); i++)
    {
      const ScIssueChange *change = sc_issue_get_change (issue, i);
      JsonObject *entry = json_object_new ();

      set_time (entry, "time", change->time);
      json_object_set_string_member (entry, "field", change->field);
      set_nullable (entry, "old", change->old_value);
      set_nullable (entry, "new", change->new_value);
      json_array_add_object_element (changes, entry);
    }
  json_object_set_array_member (object, "changes", changes);

  return object;
}

static GDateTime *
get_time (JsonObject *object,
          const char *member)
{
  const char *text = sc_team_json_get_string (object, member);

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static const char *
get_or (JsonObject *object,
        const char *member,
        const char *fallback)
{
  const char *text = sc_team_json_get_string (object, member);

  return text ? text : fallback;
}

/* Sets @issue's fields to @object's, recording nothing in its history;
 * appends the entries of @object's history beyond the issue's own.
 */
void
sc_team_issue_apply_json (ScIssue       *issue,
                          JsonObject    *object,
                          ScGranularity  granularity)
{
  g_autoptr(GDateTime) created = get_time (object, "created");
  g_autoptr(GDateTime) updated = get_time (object, "updated");
  const char *text;
  ScPeriod period = SC_PERIOD_NONE;
  ScSeverity severity = SC_SEVERITY_MEDIUM;
  ScIssueStatus status = SC_ISSUE_OPEN;
  JsonArray *changes;

  if ((text = sc_team_json_get_string (object, "period")))
    sc_period_parse (granularity, text, &period);
  sc_severity_from_string (get_or (object, "severity", "medium"), &severity);
  sc_issue_status_from_string (get_or (object, "status", "open"), &status);

  sc_issue_set_track_changes (issue, FALSE);
  sc_issue_set_kpi_id (issue, sc_team_json_get_string (object, "kpi"));
  sc_issue_set_period (issue, period);
  sc_issue_set_title (issue, get_or (object, "title", ""));
  sc_issue_set_description (issue, get_or (object, "description", ""));
  sc_issue_set_severity (issue, severity);
  sc_issue_set_status (issue, status);
  sc_issue_set_owner (issue, get_or (object, "owner", ""));
  sc_issue_set_due (issue, sc_team_json_get_string (object, "due"));
  sc_issue_set_action (issue, get_or (object, "action", ""));
  sc_issue_set_reference (issue, get_or (object, "reference", ""));
  sc_issue_set_created (issue, created);
  sc_issue_set_updated (issue, updated);

  changes = json_object_has_member (object, "changes")
            ? json_object_get_array_member (object, "changes") : NULL;
  for (guint i = sc_issue_get_n_changes (issue);
       changes != NULL && i < json_array_get_length (changes); i++)
    {
      JsonObject *entry = json_array_get_object_element (changes, i);
      g_autoptr(GDateTime) time = get_time (entry, "time");

      if (time != NULL && sc_team_json_get_string (entry, "field") != NULL)
        sc_issue_add_change (issue, time, sc_team_json_get_string (entry, "field"),
                             sc_team_json_get_string (entry, "old"),
                             sc_team_json_get_string (entry, "new"));
    }
  sc_issue_set_track_changes (issue, TRUE);
}

ScIssue *
sc_team_issue_new_from_json (JsonObject    *object,
                             ScGranularity  granularity)
{
  ScIssue *issue = sc_issue_new (get_or (object, "id", ""), get_or (object, "partner", ""),
                                 get_or (object, "title", ""));

  sc_team_issue_apply_json (issue, object, granularity);
  sc_issue_set_track_changes (issue, FALSE);
  return issue;
}

/* Whether two issues have the same fields (history and times aside). */
gboolean
sc_team_issue_equal_json (JsonObject *a,
                          JsonObject *b)
{
  static const char * const fields[] = {
    "partner", "kpi", "period", "title", "description", "severity", "status", "owner", "due",
    "action", "reference",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (sc_team_json_get_string (a, fields[i]),
                   sc_team_json_get_string (b, fields[i])) != 0)
      return FALSE;
  return TRUE;
}
