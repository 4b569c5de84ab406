/* sc-cli-export.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards export BOOK -o OUT.xlsx [--partner NAME]… [--period P]`: the
 * scorecards as an Excel workbook (src/export/sc-export-xlsx.c), scored in
 * the period or view `summary --period` takes.
 */

#define G_LOG_DOMAIN "sc-cli-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sc-cli-private.h"
#include "sc-export-xlsx.h"
#include "sc-safe-file.h"
#include "sc-store-location.h"

typedef struct
{
  char   *output;
  char   *period;
  char   *recipe;
  GStrv   partners;
  GStrv   args;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->output);
  g_free (args->period);
  g_free (args->recipe);
  g_strfreev (args->partners);
  g_strfreev (args->args);
}

static gboolean
check_usage (ExportArgs *args)
{
  if (args->args == NULL || g_strv_length (args->args) != 1)
    {
      sc_cli_usage_error ("export", _("expected exactly one workbook"));
      return FALSE;
    }
  if (args->output == NULL)
    {
      sc_cli_usage_error ("export", _("missing -o OUT.xlsx"));
      return FALSE;
    }
  if (!g_str_has_suffix (args->output, ".xlsx") && !g_str_has_suffix (args->output, ".XLSX"))
    {
      sc_cli_usage_error ("export", _("the output must be an Excel workbook (.xlsx)"));
      return FALSE;
    }
  return TRUE;
}

/* Fills the options: 1 on bad input, 2 on bad usage. */
static int
fill_options (ExportArgs       *args,
              ScWorkbook       *book,
              ScExportOptions  *options,
              GError          **error)
{
  for (guint i = 0; args->partners != NULL && args->partners[i] != NULL; i++)
    {
      ScPartner *partner = sc_cli_find_partner (book, args->partners[i], SC_EXPORT_ERROR,
                                                SC_EXPORT_ERROR_NO_DATA, error);

      if (partner == NULL)
        return SC_EXIT_BAD_INPUT;
      sc_export_options_add_partner (options, partner);
    }
  if (args->period != NULL && !sc_cli_parse_view (book, "export", args->period, &options->rollup))
    return SC_EXIT_USAGE;
  return SC_EXIT_OK;
}

static int
run (ExportArgs  *args,
     GError     **error)
{
  g_autoptr(ScWorkbook) book = sc_cli_open_book (args->args[0], args->recipe, error);
  g_autoptr(ScExportOptions) options = sc_export_options_new ();
  int status;

  if (book == NULL)
    return SC_EXIT_BAD_INPUT;
  status = fill_options (args, book, options, error);
  if (status == SC_EXIT_OK && !sc_export_xlsx (book, options, args->output, NULL, error))
    status = SC_EXIT_BAD_INPUT;
  return status;
}

int
sc_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  ExportArgs args = { 0 };
  int status;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write the Excel workbook OUT.xlsx"), "OUT.xlsx" },
    { "partner", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.partners,
      N_("Partner id or name; repeat for several (default: every partner)"), "NAME" },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &args.period,
      N_("Period or view to score: 2025-03, 2025-Q1, 2025, 2025-03/ytd or 2025-03/r12 "
         "(default: the latest period with data)"), "P" },
    { "recipe", 0, 0, G_OPTION_ARG_FILENAME, &args.recipe, N_("Aggregate transaction rows with the recipe R.json"), "R.json" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args.args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — export the scorecards as an Excel workbook"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("scorecards export");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("export", error->message);
      export_args_clear (&args);
      return SC_EXIT_USAGE;
    }
  if (!check_usage (&args))
    {
      export_args_clear (&args);
      return SC_EXIT_USAGE;
    }
  status = run (&args, &error);
  /* An output's error names the output; the others are the workbook's */
  if (error != NULL && (error->domain == SC_SAFE_FILE_ERROR || error->domain == SC_EXPORT_ERROR))
    fprintf (stderr, "scorecards: %s\n", error->message);
  else if (error != NULL)
    {
      g_autofree char *shown = sc_store_location_dup_display_name (args.args[0]);

      fprintf (stderr, "scorecards: %s: %s\n", shown, error->message);
    }
  export_args_clear (&args);
  return status;
}
