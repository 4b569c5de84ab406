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

#include "sc-cli-private.h"
#include "sc-workbook-io.h"

typedef int (*CommandFunc) (int, char **);

static const struct {
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "chart", sc_cli_chart },
  { "import", sc_cli_import },
  { "issues", sc_cli_issues },
  { "report", sc_cli_report },
  { "summary", sc_cli_summary },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage:"),
           "  scorecards [FILE…]\n"
           "  scorecards import DATA… -o BOOK.scorecard [--into BOOK] [--layout long|wide]\n"
           "                    [--dry-run] [--json] [--skip-bad-rows]\n"
           "  scorecards summary BOOK|DATA [--period P] [--json]\n"
           "  scorecards chart BOOK [--partner NAME] [--kpi ID] [--kind KIND] -o OUT.png|OUT.svg|OUT.pdf\n"
           "                   [--width W] [--height H] [--theme light|dark|print]\n"
           "  scorecards issues BOOK [--partner NAME_OR_ID] [--status S] [--kpi ID] [--overdue]\n"
           "                    [--json | --csv]\n"
           "  scorecards report BOOK|DATA -o OUT.pdf [--partner NAME]… [--from P] [--to P]\n"
           "                    [--page-size a4|letter] [--split DIR] [--format pdf|png|svg]\n"
           "  scorecards --version | --help\n");
  fprintf (stream, "\n%s\n", _("Review supplier and customer scorecards."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  fprintf (stream, "  %-10s %s\n", "import", _("Import CSV, TSV or JSON data into a workbook"));
  fprintf (stream, "  %-10s %s\n", "summary", _("Print every partner’s score, grade, trend and KPIs"));
  fprintf (stream, "  %-10s %s\n", "chart", _("Draw a trend, bullet, ranking, heatmap, radar or Pareto chart"));
  fprintf (stream, "  %-10s %s\n", "issues", _("List the issues and their actions, as a table, JSON or CSV"));
  fprintf (stream, "  %-10s %s\n", "report", _("Write partner reports as PDF, or PNG or SVG pages"));
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

/* Opens a workbook named on the command line; a data file (CSV, TSV,
 * JSON) is imported into a new workbook in memory.
 */
ScWorkbook *
sc_cli_open_book (const char  *path,
                  GError     **error)
{
  return sc_cli_import_book (path, error);
}
