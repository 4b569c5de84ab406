/* sc-cli.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line: dispatches subcommands, prints --help and --version.
 * Runs without a display; nothing here initialises GTK.
 */

#define G_LOG_DOMAIN "sc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli-private.h"
#include "sc-workbook-io.h"

typedef int (*CommandFunc) (int, char **);

static const struct {
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "chart", sc_cli_chart },
  { "copy", sc_cli_copy },
  { "export", sc_cli_export },
  { "import", sc_cli_import },
  { "issues", sc_cli_issues },
  { "recipe", sc_cli_recipe },
  { "report", sc_cli_report },
  { "review", sc_cli_review },
  { "reviews", sc_cli_reviews },
  { "summary", sc_cli_summary },
  { "whatif", sc_cli_whatif },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage:"),
           "  scorecards [FILE…]\n"
           "  scorecards import DATA… -o BOOK.scorecard [--into BOOK] [--layout long|wide]\n"
           "                    [--recipe R.json] [--dry-run] [--json] [--skip-bad-rows]\n"
           "  scorecards recipe DATA [--sheet S]\n"
           "  scorecards summary BOOK|DATA [--recipe R.json] [--period P] [--json]\n"
           "  scorecards chart BOOK [--partner NAME] [--kpi ID] [--kind KIND] -o OUT.png|OUT.svg|OUT.pdf\n"
           "                   [--width W] [--height H] [--theme light|dark|print] [--recipe R.json]\n"
           "  scorecards issues BOOK [--partner NAME_OR_ID] [--status S] [--kpi ID] [--overdue]\n"
           "                    [--json | --csv]\n"
           "  scorecards report BOOK|DATA -o OUT.pdf [--partner NAME]… [--from P] [--to P] [--period P]\n"
           "                    [--page-size a4|letter] [--split DIR] [--format pdf|png|svg] [--recipe R.json]\n"
           "  scorecards review BOOK --partner NAME [--date YYYY-MM-DD] [--period P] [--language L]\n"
           "                    [--page-size a4|letter] -o PACK.pdf\n"
           "  scorecards review BOOK [--partner NAME]… [--date YYYY-MM-DD] [--language L] --split DIR\n"
           "  scorecards reviews BOOK [--partner NAME] [--json]\n"
           "  scorecards export BOOK -o OUT.xlsx [--partner NAME]… [--period P]\n"
           "  scorecards copy SRC DST [--replace]\n"
           "  scorecards whatif BOOK --set NAME=VALUE… [--period P] [--json] [--apply -o OUT]\n"
           "  scorecards --version | --help\n");
  fprintf (stream, "\n%s\n", _("Review supplier and customer scorecards."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  fprintf (stream, "  %-10s %s\n", "import", _("Import CSV, TSV, JSON, .xlsx or .ods data into a workbook"));
  fprintf (stream, "  %-10s %s\n", "recipe", _("Suggest a recipe that turns transaction rows into KPIs"));
  fprintf (stream, "  %-10s %s\n", "summary", _("Print every partner’s score, grade, trend and KPIs"));
  fprintf (stream, "  %-10s %s\n", "chart", _("Draw a trend, bullet, ranking, heatmap, radar or Pareto chart"));
  fprintf (stream, "  %-10s %s\n", "issues", _("List the issues and their actions, as a table, JSON or CSV"));
  fprintf (stream, "  %-10s %s\n", "report", _("Write partner reports as PDF, or PNG or SVG pages"));
  fprintf (stream, "  %-10s %s\n", "review", _("Write the pack of a partner’s review meeting, or of every partner’s"));
  fprintf (stream, "  %-10s %s\n", "reviews", _("List the review meetings, as a table or JSON"));
  fprintf (stream, "  %-10s %s\n", "export", _("Export the scorecards, series and issues as an Excel workbook"));
  fprintf (stream, "  %-10s %s\n", "copy", _("Copy a workbook between a file and a team server"));
  fprintf (stream, "  %-10s %s\n", "whatif", _("Show who changes grade or rank under other weights or targets"));
  fprintf (stream, "\n%s\n", _("A BOOK is a .scorecard file or a team workbook on a PostgreSQL server:"));
  fprintf (stream, "  %s\n", "postgresql://[user@]host[:port]/database?workbook=NAME");
  fprintf (stream, "\n%s\n", _("Without a command, the application window opens with the given files."));
  fprintf (stream, "%s\n", _("Exit status: 0 success, 1 bad input, 2 bad usage."));
}

/* TRUE when the command line is for the CLI rather than the window. */
gboolean
sc_cli_handles (int    argc,
                char **argv)
{
  if (argc < 2)
    return FALSE;

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-v"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        return TRUE;
    }

  return FALSE;
}

int
sc_cli_run (int    argc,
            char **argv)
{
  g_return_val_if_fail (argc >= 2, SC_EXIT_USAGE);

  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-v"))
    {
      printf ("scorecards %s\n", PACKAGE_VERSION);
      return SC_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help (stdout);
      return SC_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        return commands[i].func (argc - 1, argv + 1);
    }

  print_help (stderr);
  return SC_EXIT_USAGE;
}

void
sc_cli_usage_error (const char *command,
                    const char *message)
{
  fprintf (stderr, "scorecards %s: %s\n", command, message);
  fprintf (stderr, _("Try “scorecards %s --help”.\n"), command);
}

/* Parses the --period of `summary` and `report`: a stored period or a view
 * of @book's granularity (2025-03, 2025-Q1, 2025, 2025-03/ytd,
 * 2025-03/r12; see sc_rollup_parse()). Prints a usage error for @command
 * and returns FALSE when @str is none of those.
 */
gboolean
sc_cli_parse_view (ScWorkbook *book,
                   const char *command,
                   const char *str,
                   ScRollup   *rollup)
{
  ScGranularity granularity = sc_workbook_get_granularity (book);
  g_autofree char *message = NULL;

  if (sc_rollup_parse (str, granularity, rollup))
    return TRUE;
  message = g_strdup_printf (_("“%s” is not a period of this %s workbook (for example 2025-03, "
                               "2025-Q1, 2025, 2025-03/ytd or 2025-03/r12)"),
                             str, sc_granularity_to_string (granularity));
  sc_cli_usage_error (command, message);
  return FALSE;
}



static gboolean
name_matches (ScPartner  *partner,
              const char *needle,
              gboolean    whole)
{
  g_autofree char *name = g_utf8_casefold (sc_partner_get_name (partner), -1);

  return whole ? g_str_equal (name, needle) : strstr (name, needle) != NULL;
}

/* The partner with id @query, else the one whose name is @query (ignoring
 * case), else the only one whose name contains it. Otherwise an error in
 * @domain / @code saying which partners it matched, if any.
 */
ScPartner *
sc_cli_find_partner (ScWorkbook  *book,
                     const char  *query,
                     GQuark       domain,
                     int          code,
                     GError     **error)
{
  GListModel *partners = sc_workbook_get_partners (book);
  g_autofree char *needle = g_utf8_casefold (query, -1);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  ScPartner *partner;

  if ((partner = sc_workbook_lookup_partner (book, query)))
    return partner;

  for (int whole = TRUE; whole >= FALSE && found->len == 0; whole--)
    {
      for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
        {
          g_autoptr(ScPartner) p = g_list_model_get_item (partners, i);

          if (name_matches (p, needle, whole))
            g_ptr_array_add (found, g_steal_pointer (&p));
        }
    }

  if (found->len == 1)
    return g_ptr_array_index (found, 0);

  if (found->len == 0)
    g_set_error (error, domain, code, _("no partner has the id or name “%s”"), query);
  else
    g_set_error (error, domain, code,
                 _("“%s” matches %u partners (%s, %s, …); give more of the name or the id"),
                 query, found->len,
                 sc_partner_get_name (g_ptr_array_index (found, 0)),
                 sc_partner_get_name (g_ptr_array_index (found, 1)));
  return NULL;
}
