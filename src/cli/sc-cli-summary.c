/* sc-cli-summary.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards summary BOOK [--period P] [--watch] [--json]`: every partner's
 * score, standing, trend and rank, and its KPIs that miss their target;
 * with --watch only the partners on the watch list, with the reason.
 */

#define G_LOG_DOMAIN "sc-cli-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "sc-cli-private.h"
#include "sc-palette.h"
#include "sc-score.h"
#include "sc-scorecard-group.h"
#include "sc-scorer.h"
#include "sc-standing.h"
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

/* The scorecard a partner is measured on, when some have their own */
static char *
dup_scorecard_cell (ScPartnerResult *r)
{
  const char *name = r->scorecard ? sc_scorecard_group_get_name (r->scorecard) : _("Default");

  return g_strdup (name);
}

/* Columns of words as wide as their longest word in the language in use
 * ("Fournisseur", "En amélioration"), at least as wide as in English
 */
typedef struct
{
  int type;
  int standing;
  int trend;
} Widths;

static int
widest (int         width,
        const char *label)
{
  return MAX (width, (int) g_utf8_strlen (label, -1));
}

static void
measure_widths (Widths *w)
{
  w->type = widest (widest (widest (9, _("Type")), sc_partner_type_get_label (SC_PARTNER_SUPPLIER)),
                    sc_partner_type_get_label (SC_PARTNER_CUSTOMER));
  w->standing = widest (8, _("Standing"));
  w->trend = widest (10, _("Trend"));
  for (ScTrend t = SC_TREND_NONE; t <= SC_TREND_DECLINING; t++)
    w->trend = widest (w->trend, sc_trend_get_label (t));
}

static void
print_header (const Widths *w,
              gboolean      with_scorecards,
              gboolean      watch_only)
{
  print_cell (_("Partner"), 34);
  print_cell (_("Type"), w->type);
  if (with_scorecards)
    print_cell (_("Scorecard"), 14);
  print_cell (_("Score"), 6);
  print_cell (_("Standing"), w->standing);
  print_cell (_("Trend"), w->trend);
  print_cell (_("Rank"), 7);
  if (watch_only)
    print_cell (_("Watch"), 22);
  printf ("%s\n", watch_only ? _("Action") : _("Action · off target"));
}

static void
print_row (const Widths    *w,
           ScWorkbook      *book,
           ScPartnerResult *r,
           gboolean         with_scorecards,
           const ScWatch   *watch)
{
  const ScGradeBand *standing = sc_workbook_standing_for_score (book, r->score);
  g_autoptr(GString) off = g_string_new (NULL);
  gboolean first_kpi = TRUE;
  g_autofree char *score = isnan (r->score) ? g_strdup ("—") : g_strdup_printf ("%.1f", r->score);
  g_autofree char *rank = r->rank ? g_strdup_printf ("%u/%u", r->rank, r->n_ranked) : g_strdup ("—");
  g_autofree char *shown = standing ? g_strdup_printf ("%s %s", standing->symbol, standing->grade)
                                    : g_strdup ("—");

  if (r->action != NULL && *r->action != '\0')
    g_string_append (off, sc_standing_action_label (r->action));
  for (guint k = 0; watch == NULL && k < r->kpis->len; k++)
    {
      ScKpiResult *kr = &g_array_index (r->kpis, ScKpiResult, k);

      if (kr->status == SC_STATUS_RED || kr->status == SC_STATUS_AMBER)
        {
          g_autofree char *value = sc_kpi_format_value (kr->kpi, kr->value, TRUE);

          g_string_append_printf (off, "%s%s %s %s", off->len ? (first_kpi ? " · " : ", ") : "",
                                  sc_palette_status_symbol (kr->status),
                                  sc_kpi_get_name (kr->kpi), value);
          first_kpi = FALSE;
        }
    }

  print_cell (sc_partner_get_name (r->partner), 34);
  print_cell (sc_partner_type_get_label (sc_partner_get_partner_type (r->partner)), w->type);
  if (with_scorecards)
    {
      g_autofree char *scorecard = dup_scorecard_cell (r);
      print_cell (scorecard, 14);
    }
  print_cell (score, 6);
  print_cell (shown, w->standing);
  print_cell (sc_trend_get_label (r->trend), w->trend);
  print_cell (rank, 7);
  if (watch != NULL)
    {
      g_autofree char *reason = sc_watch_describe (watch);
      print_cell (reason, 22);
    }
  printf ("%s\n", off->str);
}

static void
print_text (ScWorkbook     *book,
            const ScRollup *rollup,
            gboolean        watch_only)
{
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  g_autoptr(GPtrArray) results = sc_scorer_score_all (scorer, rollup);
  g_autofree char *label = sc_rollup_to_label (rollup, sc_workbook_get_granularity (book));
  gboolean with_scorecards = sc_workbook_get_n_scorecard_groups (book) > 0;
  g_autoptr(GArray) watches = g_array_new (FALSE, TRUE, sizeof (ScWatch));
  guint n_shown = 0;
  Widths widths;

  g_array_set_size (watches, results->len);
  for (guint i = 0; i < results->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (results, i);

      if (sc_standing_watch (scorer, r->partner, rollup, &g_array_index (watches, ScWatch, i)) ||
          !watch_only)
        n_shown++;
    }

  if (watch_only)
    printf (g_dngettext (GETTEXT_PACKAGE, "Period: %s — watch list: %u partner\n\n",
                         "Period: %s — watch list: %u partners\n\n", n_shown),
            label, n_shown);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Period: %s — %u partner\n\n", "Period: %s — %u partners\n\n",
                         results->len),
            label, results->len);
  if (with_scorecards)
    printf ("%s\n\n", _("Partners on different scorecards are ranked separately (rank/partners ranked)."));
  measure_widths (&widths);
  print_header (&widths, with_scorecards, watch_only);

  for (guint i = 0; i < results->len; i++)
    {
      const ScWatch *watch = &g_array_index (watches, ScWatch, i);

      if (watch_only && watch->reason == SC_WATCH_NONE)
        continue;
      print_row (&widths, book, g_ptr_array_index (results, i), with_scorecards, watch_only ? watch : NULL);
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
  gboolean watch = FALSE;
  ScRollup rollup = { SC_ROLLUP_PERIOD, SC_PERIOD_NONE };
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_arg,
      N_("Period or view to summarise: 2025-03, 2025-Q1, 2025, 2025-03/ytd or 2025-03/r12 "
         "(default: the latest period with data)"), "P" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print machine-readable JSON"), NULL },
    { "watch", 'w', 0, G_OPTION_ARG_NONE, &watch,
      N_("Only the partners on the watch list: standing worse than the view before, "
         "or in the lowest standing for several periods"), NULL },
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
      g_autofree char *text = sc_summary_rollup_to_json_full (book, &rollup, watch);
      printf ("%s\n", text);
    }
  else
    print_text (book, &rollup, watch);

  return SC_EXIT_OK;
}
