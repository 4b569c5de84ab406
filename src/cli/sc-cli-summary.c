/* sc-cli-summary.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards summary BOOK [--period P] [--json]`: every partner's score,
 * grade, trend and rank, and its KPIs that miss their target.
 */

#define G_LOG_DOMAIN "sc-cli-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "sc-cli-private.h"
#include "sc-palette.h"
#include "sc-score.h"
#include "sc-scorer.h"
#include "sc-store-location.h"
#include "sc-summary.h"

/* Pads @str to @width display columns (not bytes), cutting with "…". */
static void
print_cell (const char *str,
            int         width)
{
  glong len = g_utf8_strlen (str, -1);

  if (len > width)
    {
      g_autofree char *cut = g_utf8_substring (str, 0, width - 1);
      printf ("%s… ", cut);
      return;
    }
  printf ("%s%*s ", str, (int) (width - len), "");
}

static void
print_text (ScWorkbook     *book,
            const ScRollup *rollup)
{
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  g_autoptr(GPtrArray) results = sc_scorer_score_all (scorer, rollup);
  g_autofree char *label = sc_rollup_to_label (rollup, sc_workbook_get_granularity (book));

  printf (g_dngettext (GETTEXT_PACKAGE, "Period: %s — %u partner\n\n", "Period: %s — %u partners\n\n",
                       results->len),
          label, results->len);
  print_cell (_("Partner"), 34);
  print_cell (_("Type"), 9);
  print_cell (_("Score"), 6);
  print_cell (_("Grade"), 5);
  print_cell (_("Trend"), 10);
  print_cell (_("Rank"), 5);
  printf ("%s\n", _("Off target"));

  for (guint i = 0; i < results->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (results, i);
      g_autoptr(GString) off = g_string_new (NULL);
      g_autofree char *score = isnan (r->score) ? g_strdup ("—") : g_strdup_printf ("%.1f", r->score);
      g_autofree char *rank = r->rank ? g_strdup_printf ("%u", r->rank) : g_strdup ("—");

      for (guint k = 0; k < r->kpis->len; k++)
        {
          ScKpiResult *kr = &g_array_index (r->kpis, ScKpiResult, k);

          if (kr->status == SC_STATUS_RED || kr->status == SC_STATUS_AMBER)
            {
              g_autofree char *value = sc_kpi_format_value (kr->kpi, kr->value, TRUE);

              g_string_append_printf (off, "%s%s %s %s", off->len ? ", " : "",
                                      sc_palette_status_symbol (kr->status),
                                      sc_kpi_get_name (kr->kpi), value);
            }
        }

      print_cell (sc_partner_get_name (r->partner), 34);
      print_cell (sc_partner_type_get_label (sc_partner_get_partner_type (r->partner)), 9);
      print_cell (score, 6);
      print_cell (r->grade ? r->grade : "—", 5);
      print_cell (sc_trend_get_label (r->trend), 10);
      print_cell (rank, 5);
      printf ("%s\n", off->str);
    }
}

int
sc_cli_summary (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period_arg = NULL;
  g_autofree char *recipe = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  ScRollup rollup = { SC_ROLLUP_PERIOD, SC_PERIOD_NONE };
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_arg,
      N_("Period or view to summarise: 2025-03, 2025-Q1, 2025, 2025-03/ytd or 2025-03/r12 "
         "(default: the latest period with data)"), "P" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print machine-readable JSON"), NULL },
    { "recipe", 0, 0, G_OPTION_ARG_FILENAME, &recipe, N_("Aggregate transaction rows with the recipe R.json"), "R.json" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — print every partner’s scores"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("scorecards summary");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("summary", error->message);
      return SC_EXIT_USAGE;
    }
  if (args == NULL || g_strv_length (args) != 1)
    {
      sc_cli_usage_error ("summary", _("expected exactly one workbook"));
      return SC_EXIT_USAGE;
    }

  book = sc_cli_open_book (args[0], recipe, &error);
  if (book == NULL)
    {
      fprintf (stderr, "scorecards: %s\n", error->message);
      return SC_EXIT_BAD_INPUT;
    }

  if (period_arg != NULL)
    {
      if (!sc_cli_parse_view (book, "summary", period_arg, &rollup))
        return SC_EXIT_USAGE;
    }
  else
    rollup.anchor = sc_workbook_get_latest_period (book);

  if (rollup.anchor == SC_PERIOD_NONE)
    {
      g_autofree char *shown = sc_store_location_dup_display_name (args[0]);

      fprintf (stderr, _("scorecards: %s: the workbook holds no values yet\n"), shown);
      return SC_EXIT_BAD_INPUT;
    }

  if (json)
    {
      g_autofree char *text = sc_summary_rollup_to_json (book, &rollup);
      printf ("%s\n", text);
    }
  else
    print_text (book, &rollup);

  return SC_EXIT_OK;
}
