/* sc-issue-export.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issues as a CSV file a spreadsheet opens safely, and as JSON for scripts.
 * The CSV is RFC 4180 (CRLF, quotes doubled) in UTF-8 with a BOM so that
 * Excel detects the encoding. A cell that starts like a formula (=, +, -,
 * @, tab or carriage return) gets a leading single quote, so that opening
 * the file never runs what a partner or a colleague typed into an issue
 * (OWASP "CSV injection").
 */

#define G_LOG_DOMAIN "sc-issue-export"

#include "config.h"

#include <string.h>

#include "sc-issue-export.h"
#include "sc-issue-private.h"
#include "sc-json-writer.h"

static const char *csv_columns[] = {
  "id", "partner_id", "partner_name", "kpi", "period", "title", "description",
  "severity", "status", "owner", "due", "overdue", "action", "reference",
  "created", "updated",
};

/* Today's date in the local time zone: what "overdue" is measured against. */
void
sc_issue_export_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
starts_like_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

/* One CSV cell: neutralised when it starts like a formula, quoted when it
 * holds a separator, a quote, a line break or the neutralising quote.
 */
char *
sc_issue_export_csv_cell (const char *value)
{
  g_autoptr(GString) cell = NULL;
  gboolean neutralise;

  if (value == NULL)
    return g_strdup ("");

  neutralise = starts_like_formula (value);
  if (!neutralise && strpbrk (value, ",\"\r\n") == NULL)
    return g_strdup (value);

  cell = g_string_new ("\"");
  if (neutralise)
    g_string_append_c (cell, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (cell, '"');
      g_string_append_c (cell, *p);
    }
  g_string_append_c (cell, '"');

  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static void
append_cell (GString    *out,
             const char *value,
             gboolean    first)
{
  g_autofree char *cell = sc_issue_export_csv_cell (value);

  if (!first)
    g_string_append_c (out, ',');
  g_string_append (out, cell);
}

static const char *
kpi_name (ScWorkbook *book,
          ScIssue    *issue)
{
  const char *kpi_id = sc_issue_get_kpi_id (issue);
  ScKpi *kpi = kpi_id ? sc_workbook_lookup_kpi (book, kpi_id) : NULL;

  return kpi ? sc_kpi_get_name (kpi) : kpi_id;
}

static const char *
partner_name (ScWorkbook *book,
              ScIssue    *issue)
{
  ScPartner *partner = sc_workbook_lookup_partner (book, sc_issue_get_partner_id (issue));

  return partner ? sc_partner_get_name (partner) : NULL;
}

static void
append_csv_row (GString    *out,
                ScWorkbook *book,
                ScIssue    *issue,
                GDate      *today)
{
  ScGranularity granularity = sc_workbook_get_granularity (book);
  ScPeriod period = sc_issue_get_period (issue);
  g_autofree char *period_str = NULL;
  g_autofree char *created = format_time (sc_issue_get_created (issue));
  g_autofree char *updated = format_time (sc_issue_get_updated (issue));

  if (period != SC_PERIOD_NONE)
    period_str = sc_period_to_string (granularity, period);

  append_cell (out, sc_issue_get_id (issue), TRUE);
  append_cell (out, sc_issue_get_partner_id (issue), FALSE);
  append_cell (out, partner_name (book, issue), FALSE);
  append_cell (out, kpi_name (book, issue), FALSE);
  append_cell (out, period_str, FALSE);
  append_cell (out, sc_issue_get_title (issue), FALSE);
  append_cell (out, sc_issue_get_description (issue), FALSE);
  append_cell (out, sc_severity_to_string (sc_issue_get_severity (issue)), FALSE);
  append_cell (out, sc_issue_status_to_string (sc_issue_get_status (issue)), FALSE);
  append_cell (out, sc_issue_get_owner (issue), FALSE);
  append_cell (out, sc_issue_get_due (issue), FALSE);
  append_cell (out, sc_issue_is_overdue (issue, today) ? "yes" : "no", FALSE);
  append_cell (out, sc_issue_get_action (issue), FALSE);
  append_cell (out, sc_issue_get_reference (issue), FALSE);
  append_cell (out, created, FALSE);
  append_cell (out, updated, FALSE);
  g_string_append (out, "\r\n");
}

/* The issues of @issues (a list of ScIssue of @book, e.g. the workbook's
 * own or a filtered view of it) as CSV. Overdue is measured against @today,
 * or the local date when %NULL.
 */
GBytes *
sc_issue_export_csv (ScWorkbook *book,
                     GListModel *issues,
                     GDate      *today)
{
  GString *out;
  GDate local_today;
  guint n_items;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (issues), NULL);

  if (today == NULL)
    {
      sc_issue_export_today (&local_today);
      today = &local_today;
    }

  n_items = g_list_model_get_n_items (issues);
  out = g_string_sized_new (256 + 256 * n_items);
  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    append_cell (out, csv_columns[i], i == 0);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      append_csv_row (out, book, issue, today);
    }

  return g_string_free_to_bytes (out);
}

static void
write_json_issue (ScJsonWriter *w,
                  ScWorkbook   *book,
                  ScIssue      *issue,
                  GDate        *today)
{
  ScPeriod period = sc_issue_get_period (issue);
  g_autofree char *period_str = NULL;

  if (period != SC_PERIOD_NONE)
    period_str = sc_period_to_string (sc_workbook_get_granularity (book), period);

  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "id", sc_issue_get_id (issue));
  sc_json_writer_string (w, "partner", sc_issue_get_partner_id (issue));
  sc_json_writer_string (w, "partner_name", partner_name (book, issue));
  sc_json_writer_string (w, "kpi", sc_issue_get_kpi_id (issue));
  sc_json_writer_string (w, "kpi_name", sc_issue_get_kpi_id (issue) ? kpi_name (book, issue) : NULL);
  sc_json_writer_string (w, "period", period_str);
  sc_json_writer_boolean (w, "overdue", sc_issue_is_overdue (issue, today));
  sc_issue_write_json_members (w, issue);
  sc_json_writer_end_object (w);
}

/* The issues as a JSON object: "today" (the date overdue is measured
 * against), "count" and "issues", each with the partner's and KPI's names
 * and an "overdue" flag beside the members of the workbook file.
 */
char *
sc_issue_export_json (ScWorkbook *book,
                      GListModel *issues,
                      GDate      *today)
{
  ScJsonWriter *w;
  GDate local_today;
  char today_str[16];
  guint n_items;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (issues), NULL);

  if (today == NULL)
    {
      sc_issue_export_today (&local_today);
      today = &local_today;
    }
  g_date_strftime (today_str, sizeof today_str, "%Y-%m-%d", today);

  n_items = g_list_model_get_n_items (issues);
  w = sc_json_writer_new (1024 + 1024 * n_items);
  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "today", today_str);
  sc_json_writer_int (w, "count", n_items);
  sc_json_writer_begin_array (w, "issues");
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      write_json_issue (w, book, issue, today);
    }
  sc_json_writer_end_array (w);
  sc_json_writer_end_object (w);

  return sc_json_writer_free_to_string (w);
}
