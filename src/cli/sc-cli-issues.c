/* sc-cli-issues.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards issues BOOK [--partner NAME_OR_ID] [--status S] [--kpi ID]
 * [--overdue] [--json | --csv]`: the workbook's issues, filtered, as a
 * table to read, JSON for scripts or CSV for a spreadsheet.
 */

#define G_LOG_DOMAIN "sc-cli-issues"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli-private.h"
#include "sc-issue-export.h"

typedef struct
{
  ScPartner     *partner;
  ScKpi         *kpi;
  ScIssueStatus  status;
  gboolean       any_status;
  gboolean       overdue;
  GDate          today;
} Filter;

/* Pads @str to @width display columns (not bytes), cutting with "…". */
static void
print_cell (const char *str,
            int         width)
{
  glong len = g_utf8_strlen (str ? str : "", -1);

  if (len > width)
    {
      g_autofree char *cut = g_utf8_substring (str, 0, width - 1);
      printf ("%s… ", cut);
      return;
    }
  printf ("%s%*s ", str ? str : "", (int) (width - len), "");
}

static gboolean
filter_matches (const Filter *filter,
                ScIssue      *issue)
{
  if (filter->partner &&
      g_strcmp0 (sc_issue_get_partner_id (issue), sc_partner_get_id (filter->partner)) != 0)
    return FALSE;
  if (filter->kpi && g_strcmp0 (sc_issue_get_kpi_id (issue), sc_kpi_get_id (filter->kpi)) != 0)
    return FALSE;
  if (!filter->any_status && sc_issue_get_status (issue) != filter->status)
    return FALSE;
  if (filter->overdue && !sc_issue_is_overdue (issue, (GDate *) &filter->today))
    return FALSE;
  return TRUE;
}

static GListStore *
filter_issues (ScWorkbook   *book,
               const Filter *filter)
{
  GListModel *issues = sc_workbook_get_issues (book);
  GListStore *store = g_list_store_new (SC_TYPE_ISSUE);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      if (filter_matches (filter, issue))
        g_list_store_append (store, issue);
    }
  return store;
}

static void
print_row (ScWorkbook *book,
           ScIssue    *issue,
           GDate      *today)
{
  ScPartner *partner = sc_workbook_lookup_partner (book, sc_issue_get_partner_id (issue));
  const char *kpi_id = sc_issue_get_kpi_id (issue);
  ScKpi *kpi = kpi_id ? sc_workbook_lookup_kpi (book, kpi_id) : NULL;
  ScPeriod period = sc_issue_get_period (issue);
  g_autofree char *period_str = NULL;
  g_autofree char *due = NULL;
  const char *owner = sc_issue_get_owner (issue);

  if (period != SC_PERIOD_NONE)
    period_str = sc_period_to_string (sc_workbook_get_granularity (book), period);
  if (sc_issue_is_overdue (issue, today))
    /* Translators: a due date in the table of issues, e.g. "2025-09-30 OVERDUE" */
    due = g_strdup_printf (_("%s OVERDUE"), sc_issue_get_due (issue));
  else
    due = g_strdup (sc_issue_get_due (issue) ? sc_issue_get_due (issue) : "—");

  print_cell (sc_issue_get_id (issue), 9);
  print_cell (partner ? sc_partner_get_name (partner) : sc_issue_get_partner_id (issue), 28);
  print_cell (kpi ? sc_kpi_get_name (kpi) : kpi_id ? kpi_id : "—", 20);
  print_cell (period_str ? period_str : "—", 8);
  print_cell (sc_severity_get_label (sc_issue_get_severity (issue)), 8);
  print_cell (sc_issue_status_get_label (sc_issue_get_status (issue)), 11);
  print_cell (*owner ? owner : "—", 16);
  print_cell (due, 18);
  printf ("%s\n", sc_issue_get_title (issue));
}

static void
print_text (ScWorkbook *book,
            GListModel *issues,
            GDate      *today)
{
  guint n_items = g_list_model_get_n_items (issues);
  guint n_overdue = 0;
  char today_str[16];

  if (n_items == 0)
    {
      printf ("%s\n", _("No issues match."));
      return;
    }

  print_cell (_("ID"), 9);
  print_cell (_("Partner"), 28);
  print_cell (_("KPI"), 20);
  print_cell (_("Period"), 8);
  print_cell (_("Severity"), 8);
  print_cell (_("Status"), 11);
  print_cell (_("Owner"), 16);
  print_cell (_("Due"), 18);
  printf ("%s\n", _("Title"));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      print_row (book, issue, today);
      n_overdue += sc_issue_is_overdue (issue, today);
    }

  g_date_strftime (today_str, sizeof today_str, "%Y-%m-%d", today);
  printf ("\n");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u issue", "%u issues", n_items), n_items);
  printf (g_dngettext (GETTEXT_PACKAGE, ", %u overdue on %s\n", ", %u overdue on %s\n", n_overdue),
          n_overdue, today_str);
}

/* Fills @filter from the options; FALSE with a message for bad usage. */
static gboolean
parse_filter (ScWorkbook  *book,
              const char  *partner_arg,
              const char  *status_arg,
              const char  *kpi_arg,
              Filter      *filter,
              GError     **error)
{
  filter->any_status = status_arg == NULL;
  if (status_arg && !sc_issue_status_from_string (status_arg, &filter->status))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a status (expected open, in-progress, resolved or closed)"),
                   status_arg);
      return FALSE;
    }
  if (partner_arg && !(filter->partner = sc_cli_find_partner (book, partner_arg, G_OPTION_ERROR,
                                                                  G_OPTION_ERROR_BAD_VALUE, error)))
    return FALSE;
  if (kpi_arg && !(filter->kpi = sc_workbook_lookup_kpi (book, kpi_arg)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the workbook has no KPI with the id “%s”"), kpi_arg);
      return FALSE;
    }
  return TRUE;
}

static void
print_output (ScWorkbook *book,
              GListModel *issues,
              GDate      *today,
              gboolean    json,
              gboolean    csv)
{
  if (json)
    {
      g_autofree char *text = sc_issue_export_json (book, issues, today);
      fputs (text, stdout);
    }
  else if (csv)
    {
      g_autoptr(GBytes) bytes = sc_issue_export_csv (book, issues, today);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      fwrite (data, 1, size, stdout);
    }
  else
    print_text (book, issues, today);
}

int
sc_cli_issues (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GListStore) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *partner_arg = NULL;
  g_autofree char *status_arg = NULL;
  g_autofree char *kpi_arg = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE, csv = FALSE;
  Filter filter = { 0 };
  GOptionEntry entries[] = {
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &partner_arg,
      N_("Only the issues of this partner (id, name or part of the name)"), "NAME_OR_ID" },
    { "status", 's', 0, G_OPTION_ARG_STRING, &status_arg,
      N_("Only issues with this status: open, in-progress, resolved or closed"), "S" },
    { "kpi", 'k', 0, G_OPTION_ARG_STRING, &kpi_arg, N_("Only issues pinned to this KPI"), "ID" },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &filter.overdue,
      N_("Only open or in-progress issues past their due date"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print machine-readable JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV for a spreadsheet"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — list the issues of a workbook"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("scorecards issues");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("issues", error->message);
      return SC_EXIT_USAGE;
    }
  if (args == NULL || g_strv_length (args) != 1)
    {
      sc_cli_usage_error ("issues", _("expected exactly one workbook"));
      return SC_EXIT_USAGE;
    }
  if (json && csv)
    {
      sc_cli_usage_error ("issues", _("--json and --csv cannot be used together"));
      return SC_EXIT_USAGE;
    }

  book = sc_cli_open_book (args[0], NULL, &error);
  if (book == NULL)
    {
      fprintf (stderr, "scorecards: %s\n", error->message);
      return SC_EXIT_BAD_INPUT;
    }

  if (!parse_filter (book, partner_arg, status_arg, kpi_arg, &filter, &error))
    {
      sc_cli_usage_error ("issues", error->message);
      return SC_EXIT_USAGE;
    }

  sc_issue_export_today (&filter.today);
  issues = filter_issues (book, &filter);
  print_output (book, G_LIST_MODEL (issues), &filter.today, json, csv);

  return SC_EXIT_OK;
}
