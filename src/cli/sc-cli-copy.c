/* sc-cli-copy.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards copy SRC DST [--replace]`: a workbook from a file to a team
 * server, back, or between two servers or two files. Without --replace an
 * existing DST is an error and nothing is written.
 */

#define G_LOG_DOMAIN "sc-cli-copy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "sc-cli-private.h"
#include "sc-store-location.h"

static guint64
count_values (ScWorkbook *book)
{
  GListModel *partners = sc_workbook_get_partners (book);
  guint n_periods = sc_workbook_get_n_periods (book);
  guint64 n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(GPtrArray) list = sc_workbook_dup_partner_series (book, partner);

      for (guint k = 0; k < list->len; k++)
        {
          const ScSeries *series = g_ptr_array_index (list, k);

          for (guint p = 0; p < n_periods; p++)
            n += !isnan (series->values[p]);
        }
    }

  return n;
}

static void
print_result (ScWorkbook *book,
              ScStore    *target)
{
  guint n_partners = g_list_model_get_n_items (sc_workbook_get_partners (book));
  guint n_issues = g_list_model_get_n_items (sc_workbook_get_issues (book));
  guint64 n_values = count_values (book);
  g_autofree char *values_number = g_strdup_printf ("%'" G_GUINT64_FORMAT, n_values);
  g_autofree char *values = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *issues = NULL;

  values = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s value", "%s values", n_values),
                            values_number);
  partners = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner", "%u partners",
                                           n_partners), n_partners);
  issues = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u issue", "%u issues", n_issues),
                            n_issues);

  /* Translators: "Copied 1,234 values of 20 partners and 15 issues to
   * LOCATION": the first three %s are “%s values”, “%u partners” and “%u
   * issues”, the last the location written. */
  printf (_("Copied %s of %s and %s to %s\n"), values, partners, issues,
          sc_store_get_display_name (target));
}

static gboolean
parse_options (int        argc,
               char     **argv,
               gboolean  *replace,
               GStrv     *args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, replace, N_("Overwrite DST if it exists"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("SRC DST — copy a workbook between a file and a team server"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("SRC and DST are .scorecard files or team workbooks, "
      "postgresql://[user@]host[:port]/database?workbook=NAME."));
  g_set_prgname ("scorecards copy");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("copy", error->message);
      return FALSE;
    }
  if (*args == NULL || g_strv_length (*args) != 2)
    {
      sc_cli_usage_error ("copy", _("expected a source and a destination"));
      return FALSE;
    }

  return TRUE;
}

int
sc_cli_copy (int    argc,
             char **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(ScStore) target = NULL;
  g_autoptr(GError) error = NULL;
  gboolean replace = FALSE;
  ScStoreSaveMode mode;

  if (!parse_options (argc, argv, &replace, &args))
    return SC_EXIT_USAGE;

  mode = replace ? SC_STORE_SAVE_REPLACE : SC_STORE_SAVE_CREATE;
  if (!(target = sc_store_new_for_location (args[1], &error)) ||
      !(book = sc_cli_open_book (args[0], NULL, &error)) ||
      !sc_store_save (target, book, mode, NULL, &error))
    {
      if (g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_EXISTS))
        fprintf (stderr, _("scorecards: %s; add --replace to overwrite it\n"), error->message);
      else
        fprintf (stderr, "scorecards: %s\n", error->message);
      return SC_EXIT_BAD_INPUT;
    }

  print_result (book, target);
  return SC_EXIT_OK;
}
