/* sc-cli-recipe.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards recipe DATA [--sheet S]`: prints a suggested recipe (JSON)
 * for transaction data, to check and then import with
 * `scorecards import DATA --recipe R.json -o BOOK.scorecard`.
 */

#define G_LOG_DOMAIN "sc-cli-recipe"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sc-cli-private.h"
#include "sc-recipe-suggest.h"

/* Loads --recipe for `import`, `summary`, `report` and `chart`. */
ScRecipe *
sc_cli_load_recipe (const char  *path,
                    GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return sc_recipe_new_from_file (file, error);
}

int
sc_cli_recipe (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRecipeTable) table = NULL;
  g_autoptr(ScRecipe) recipe = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *sheet_used = NULL;
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet,
      N_("The sheet of an .xlsx or .ods workbook (default: the one with the table)"), "NAME" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("DATA — suggest a recipe for transaction data"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("scorecards recipe");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("recipe", error->message);
      return SC_EXIT_USAGE;
    }
  if (args == NULL || g_strv_length (args) != 1)
    {
      sc_cli_usage_error ("recipe", _("expected exactly one data file"));
      return SC_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (args[0]);
  name = g_file_get_basename (file);
  table = sc_recipe_table_read_file (file, sheet, NULL, SC_RECIPE_SUGGEST_ROWS, &sheet_used, &error);
  if (table != NULL)
    recipe = sc_recipe_suggest (table, name, &error);
  if (recipe == NULL)
    {
      fprintf (stderr, "scorecards: %s\n", error->message);
      return SC_EXIT_BAD_INPUT;
    }

  if (sheet_used != NULL)
    {
      recipe->sheet = g_strdup (sheet_used);
      sc_recipe_suggest_lookups (recipe, file);
    }
  json = sc_recipe_to_string (recipe);
  printf ("%s\n", json);
  {
    g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", table->rows->len),
                                             table->rows->len);
    g_autofree char *kpis = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u KPI", "%u KPIs", recipe->kpis->len),
                                             recipe->kpis->len);

    /* Translators: "Suggested from the first 5000 rows: partners in “Supplier”,
     * dates in “Order Date”, 4 KPIs." The first and last %s are “%u rows” and “%u KPIs”. */
    fprintf (stderr, _("Suggested from the first %s: partners in “%s”, dates in “%s”, %s.\n"),
             rows, recipe->partner, recipe->date, kpis);
  }
  fprintf (stderr, _("Save it, check the formulas, then: scorecards import %s --recipe RECIPE.json -o BOOK.scorecard\n"),
           args[0]);

  return SC_EXIT_OK;
}
