/* sc-cli-report.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards report BOOK|DATA -o OUT.pdf [--partner NAME]… [--from P]
 * [--to P] [--period P] [--page-size a4|letter] [--split DIR]
 * [--language L]`: partner
 * reports as one PDF (a bookmark per partner), one PDF per partner, or
 * PNG/SVG pages for slides, with the same layout the window exports and
 * prints. --period chooses the summary's view as `scorecards summary
 * --period` does. --language writes every report in L (each partner's
 * report language by default).
 */

#define G_LOG_DOMAIN "sc-cli-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sc-cli-private.h"
#include "sc-report.h"
#include "sc-safe-file.h"
#include "sc-store-location.h"

typedef struct
{
  GStrv   partners;
  char   *from;
  char   *to;
  char   *period;
  char   *page_size;
  char   *split;
  char   *output;
  char   *format;
  char   *company;
  char   *logo;
  char   *notes;
  char   *recipe;
  char   *language;
  gboolean workbook_notes;
  gboolean quiet;
  GStrv   args;
} ReportArgs;

static void
report_args_clear (ReportArgs *args)
{
  g_strfreev (args->partners);
  g_free (args->from);
  g_free (args->to);
  g_free (args->period);
  g_free (args->page_size);
  g_free (args->split);
  g_free (args->output);
  g_free (args->format);
  g_free (args->company);
  g_free (args->logo);
  g_free (args->notes);
  g_free (args->recipe);
  g_free (args->language);
  g_strfreev (args->args);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportArgs, report_args_clear)

/* Checks what GOption cannot; prints the problem and returns FALSE. */
static gboolean
check_usage (ReportArgs       *args,
             ScReportPageSize *page_size,
             ScReportFormat   *format)
{
  const char *problem = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (args->args == NULL || g_strv_length (args->args) != 1)
    problem = _("expected exactly one workbook or data file");
  else if (args->output == NULL && args->split == NULL)
    problem = _("missing -o OUT.pdf or --split DIR");
  else if (args->output != NULL && args->split != NULL)
    problem = _("give either -o OUT.pdf or --split DIR, not both");
  else if (args->to != NULL && args->period != NULL)
    problem = _("give either --to or --period, not both (the report ends with the view)");
  else if (args->page_size && !sc_report_page_size_from_string (args->page_size, page_size))
    problem = message = g_strdup_printf (_("unknown page size “%s” (a4 or letter)"), args->page_size);
  else if (args->format && !sc_report_format_from_string (args->format, format))
    problem = message = g_strdup_printf (_("unknown format “%s” (pdf, png or svg)"), args->format);
  else if (args->split != NULL && *format != SC_REPORT_FORMAT_PDF)
    problem = _("--split writes PDF files; use -o DIR for PNG or SVG pages");
  else if (args->language != NULL && sc_language_get (args->language, &error) == NULL)
    problem = error->message;

  if (problem == NULL)
    return TRUE;
  sc_cli_usage_error ("report", problem);
  return FALSE;
}

/* A period argument of the workbook's granularity; prints a usage error. */
static gboolean
parse_period (ScWorkbook *book,
              const char *option,
              const char *str,
              ScPeriod   *period)
{
  ScGranularity granularity = sc_workbook_get_granularity (book);
  g_autofree char *message = NULL;

  if (str == NULL || sc_period_parse (granularity, str, period))
    return TRUE;
  message = g_strdup_printf (_("%s “%s” is not a period of this %s workbook (for example 2025-03)"),
                             option, str, sc_granularity_to_string (granularity));
  sc_cli_usage_error ("report", message);
  return FALSE;
}

/* Where a report of @view ends: at its anchor, except that a quarter or a
 * year, which cover the same periods wherever they are anchored, end at
 * their last period, or at the latest with data when that comes earlier
 * (`--period 2025` reports up to December, not January).
 */
static ScPeriod
view_end (ScWorkbook     *book,
          const ScRollup *view)
{
  ScPeriod latest = sc_workbook_get_latest_period (book);
  ScPeriod first, last;

  if (view->kind != SC_ROLLUP_QUARTER && view->kind != SC_ROLLUP_YEAR)
    return view->anchor;
  sc_rollup_get_range (view, sc_workbook_get_granularity (book), &first, &last);
  if (latest != SC_PERIOD_NONE && latest >= first && latest < last)
    return latest;
  return last;
}

/* --from, --to and --period into the options; prints a usage error. */
static gboolean
fill_range (ReportArgs      *args,
            ScWorkbook      *book,
            ScReportOptions *options)
{
  ScRollup view;

  if (!parse_period (book, "--from", args->from, &options->first) ||
      !parse_period (book, "--to", args->to, &options->last))
    return FALSE;
  if (args->period != NULL)
    {
      if (!sc_cli_parse_view (book, "report", args->period, &view))
        return FALSE;
      options->rollup = view.kind;
      options->last = view_end (book, &view);
    }
  if (options->first != SC_PERIOD_NONE && options->last != SC_PERIOD_NONE && options->first > options->last)
    {
      sc_cli_usage_error ("report", args->period ? _("--from comes after the end of --period")
                                                 : _("--from comes after --to"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_notes (const char  *path,
            char       **notes,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (path == NULL)
    return TRUE;
  if (g_file_get_contents (path, notes, NULL, &local_error) && g_utf8_validate (*notes, -1, NULL))
    return TRUE;
  g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_NO_DATA, _("%s: %s"), path,
               local_error ? local_error->message : _("the notes are not UTF-8 text"));
  return FALSE;
}

/* Fills the options from the arguments: 1 on bad input, 2 on bad usage. */
static int
fill_options (ReportArgs       *args,
              ScWorkbook       *book,
              ScReportOptions  *options,
              GError          **error)
{
  for (guint i = 0; args->partners != NULL && args->partners[i] != NULL; i++)
    {
      ScPartner *partner = sc_cli_find_partner (book, args->partners[i], SC_REPORT_ERROR,
                                                SC_REPORT_ERROR_NO_PARTNERS, error);

      if (partner == NULL)
        return SC_EXIT_BAD_INPUT;
      sc_report_options_add_partner (options, partner);
    }
  if (!fill_range (args, book, options))
    return SC_EXIT_USAGE;
  if (args->company != NULL)
    sc_report_options_set_string (&options->company, args->company);
  sc_report_options_set_string (&options->logo_path, args->logo);
  sc_report_options_set_string (&options->language, args->language);
  options->workbook_notes = args->workbook_notes;
  if (!read_notes (args->notes, &options->notes, error))
    return SC_EXIT_BAD_INPUT;
  return SC_EXIT_OK;
}

static void
progress_cb (double      fraction,
             const char *message,
             gpointer    user_data)
{
  g_autofree char *cut = g_utf8_substring (message, 0, 40);

  fprintf (stderr, "\r%3.0f %%  %-40s", fraction * 100, cut);
  if (fraction >= 1)
    fprintf (stderr, "\r%50s\r", "");
}

static gboolean
run_report (ReportArgs       *args,
            ScWorkbook       *book,
            ScReportOptions  *options,
            ScReportFormat    format,
            GError          **error)
{
  ScReportProgressFunc progress = !args->quiet && isatty (STDERR_FILENO) ? progress_cb : NULL;

  if (args->split != NULL)
    {
      g_autoptr(GPtrArray) files = sc_report_export_split (book, options, args->split, progress, NULL, NULL, error);

      if (files == NULL)
        return FALSE;
      if (!args->quiet)
        printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u report\n", "%s: %u reports\n", files->len),
                args->split, files->len);
      return TRUE;
    }
  if (format == SC_REPORT_FORMAT_PDF)
    return sc_report_export (book, options, args->output, progress, NULL, NULL, error);
  else
    {
      g_autoptr(ScReport) report = sc_report_new (book, options, NULL, NULL, NULL, error);

      return report != NULL && sc_report_write (report, format, args->output, progress, NULL, NULL, error);
    }
}

int
sc_cli_report (int    argc,
               char **argv)
{
  g_auto(ReportArgs) args = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(ScReportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  ScReportPageSize page_size = SC_REPORT_PAGE_A4;
  ScReportFormat format = SC_REPORT_FORMAT_PDF;
  int status;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("Write the report to OUT.pdf (a folder for --format png or svg)"), "OUT" },
    { "partner", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &args.partners,
      N_("Partner id or name; repeat for several (default: every partner)"), "NAME" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args.from, N_("First period (default: 12 periods before --to)"), "P" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args.to, N_("Last period (default: the latest with data)"), "P" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &args.period,
      N_("Period or view the summary page scores, where the report ends: 2025-03, 2025-Q1, 2025, "
         "2025-03/ytd or 2025-03/r12 (default: the last period)"), "P" },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &args.page_size, N_("a4 or letter (default: the workbook’s)"), "SIZE" },
    { "split", 0, 0, G_OPTION_ARG_FILENAME, &args.split, N_("Write one PDF per partner into DIR"), "DIR" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &args.format, N_("pdf, or png or svg pages for slides"), "FORMAT" },
    { "company", 0, 0, G_OPTION_ARG_STRING, &args.company, N_("Company name (default: the workbook’s)"), "NAME" },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &args.logo, N_("Company logo, a PNG image"), "FILE" },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &args.notes, N_("Meeting notes, a UTF-8 text file"), "FILE" },
    { "workbook-notes", 0, 0, G_OPTION_ARG_NONE, &args.workbook_notes,
      N_("Also print the workbook’s internal notes"), NULL },
    { "language", 0, 0, G_OPTION_ARG_STRING, &args.language,
      N_("Write the reports in language L, e.g. fr or de (default: each partner’s report language)"), "L" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &args.quiet, N_("Print nothing but errors"), NULL },
    { "recipe", 0, 0, G_OPTION_ARG_FILENAME, &args.recipe, N_("Aggregate transaction rows with the recipe R.json"), "R.json" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args.args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK|DATA — write partner reports as PDF"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("scorecards report");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("report", error->message);
      return SC_EXIT_USAGE;
    }
  if (!check_usage (&args, &page_size, &format))
    return SC_EXIT_USAGE;

  book = sc_cli_open_book (args.args[0], args.recipe, &error);
  if (book == NULL)
    {
      fprintf (stderr, "scorecards: %s\n", error->message);
      return SC_EXIT_BAD_INPUT;
    }
  options = sc_report_options_new (book);
  if (args.page_size != NULL)
    options->page_size = page_size;
  status = fill_options (&args, book, options, &error);
  if (status == SC_EXIT_OK && !run_report (&args, book, options, format, &error))
    status = SC_EXIT_BAD_INPUT;
  /* An output's error names the output; the others are the workbook's */
  if (error != NULL && (error->domain == SC_SAFE_FILE_ERROR ||
                        g_error_matches (error, SC_REPORT_ERROR, SC_REPORT_ERROR_WRITE)))
    fprintf (stderr, "scorecards: %s\n", error->message);
  else if (error != NULL)
    {
      g_autofree char *shown = sc_store_location_dup_display_name (args.args[0]);

      fprintf (stderr, "scorecards: %s: %s\n", shown, error->message);
    }
  return status;
}
