/* sc-cli-whatif.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards whatif BOOK --set KPI.weight=3 … [--period P] [--json]
 * [--apply -o OUT]`: every partner's score, grade and rank before and
 * after trying other weights, targets, thresholds, grade bands or period
 * weighting (sc-whatif.c); with --apply, the workbook with them written to
 * OUT.
 */

#define G_LOG_DOMAIN "sc-cli-whatif"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "sc-cli-private.h"
#include "sc-json-writer.h"
#include "sc-store-location.h"
#include "sc-whatif.h"

typedef struct
{
  char     *period;
  char     *output;
  char    **sets;
  char    **args;
  gboolean  json;
  gboolean  apply;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->period);
  g_free (o->output);
  g_strfreev (o->sets);
  g_strfreev (o->args);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_options (int      argc,
               char   **argv,
               Options *o)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "set", 's', 0, G_OPTION_ARG_STRING_ARRAY, &o->sets,
      N_("Try a change: KPI.weight=3, KPI.target=97 (also target_max, warning, critical; "
         "“none” unsets), bands=A:90,B:75,C:60,D:0 or weighting=exponential:12:3"), "NAME=VALUE" },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &o->period,
      N_("Period or view to score (default: the latest period with data)"), "P" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_("Print machine-readable JSON"), NULL },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &o->apply,
      N_("Write the workbook with the changes applied to OUT"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output, N_("Where --apply writes"), "OUT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — see who changes grade or rank before changing scoring"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("scorecards whatif");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("whatif", error->message);
      return FALSE;
    }
  if (o->args == NULL || g_strv_length (o->args) != 1)
    {
      sc_cli_usage_error ("whatif", _("expected exactly one workbook"));
      return FALSE;
    }
  if (o->sets == NULL)
    {
      sc_cli_usage_error ("whatif", _("nothing to try: give at least one --set NAME=VALUE"));
      return FALSE;
    }
  if (o->apply != (o->output != NULL))
    {
      sc_cli_usage_error ("whatif", _("--apply and -o OUT go together"));
      return FALSE;
    }
  return TRUE;
}

/* Partners of one type together, by rank after, unranked last, then name */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const ScWhatifRow *ra = a, *rb = b;
  int ta = sc_partner_get_partner_type (ra->partner);
  int tb = sc_partner_get_partner_type (rb->partner);
  guint ka = ra->rank_after ? ra->rank_after : G_MAXUINT;
  guint kb = rb->rank_after ? rb->rank_after : G_MAXUINT;

  if (ta != tb)
    return ta - tb;
  if (ka != kb)
    return ka < kb ? -1 : 1;
  return g_utf8_collate (sc_partner_get_name (ra->partner), sc_partner_get_name (rb->partner));
}

static void
print_cell (const char *str,
            int         width,
            gboolean    right)
{
  glong len = g_utf8_strlen (str, -1);
  g_autofree char *cut = len > width ? g_utf8_substring (str, 0, width - 1) : NULL;

  if (cut != NULL)
    printf ("%s… ", cut);
  else if (right)
    printf ("%*s%s ", (int) (width - len), "", str);
  else
    printf ("%s%*s ", str, (int) (width - len), "");
}

static char *
format_score (double score)
{
  return isnan (score) ? g_strdup ("—") : g_strdup_printf ("%.1f", score);
}

static char *
format_rank (guint rank)
{
  return rank ? g_strdup_printf ("%u", rank) : g_strdup ("—");
}

static void
print_row (const ScWhatifRow *r)
{
  g_autofree char *before = format_score (r->score_before);
  g_autofree char *after = format_score (r->score_after);
  g_autofree char *delta = isnan (r->score_before) || isnan (r->score_after) ? g_strdup ("—")
                           : g_strdup_printf ("%+.1f", r->score_after - r->score_before);
  g_autofree char *rank_before = format_rank (r->rank_before);
  g_autofree char *rank_after = format_rank (r->rank_after);

  print_cell (r->changed ? "*" : "", 1, FALSE);
  print_cell (sc_partner_get_name (r->partner), 30, FALSE);
  print_cell (before, 6, TRUE);
  print_cell (after, 6, TRUE);
  print_cell (delta, 6, TRUE);
  print_cell (r->grade_before ? r->grade_before : "—", 6, FALSE);
  print_cell (r->grade_after ? r->grade_after : "—", 6, FALSE);
  print_cell (rank_before, 6, TRUE);
  print_cell (rank_after, 6, TRUE);
  printf ("\n");
}

static void
print_text (ScWorkbook     *book,
            const ScRollup *rollup,
            char          **sets,
            GArray         *rows)
{
  g_autofree char *label = sc_rollup_to_label (rollup, sc_workbook_get_granularity (book));
  g_autofree char *changes = g_strjoinv (", ", sets);
  guint n_changed = 0;

  for (guint i = 0; i < rows->len; i++)
    n_changed += g_array_index (rows, ScWhatifRow, i).changed;

  printf (_("Period: %s — what if %s\n"), label, changes);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u partners changes grade or rank (marked *)\n\n",
                       "%u of %u partners change grade or rank (marked *)\n\n", n_changed),
          n_changed, rows->len);
  print_cell ("", 1, FALSE);
  print_cell (_("Partner"), 30, FALSE);
  print_cell (_("Before"), 6, TRUE);
  print_cell (_("After"), 6, TRUE);
  print_cell ("Δ", 6, TRUE);
  print_cell (_("Grade"), 6, FALSE);
  print_cell (_("→"), 6, FALSE);
  print_cell (_("Rank"), 6, TRUE);
  print_cell (_("→"), 6, TRUE);
  printf ("\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const ScWhatifRow *r = &g_array_index (rows, ScWhatifRow, i);
      ScPartnerType type = sc_partner_get_partner_type (r->partner);

      /* Ranks count within a type: say where each list starts */
      if (i == 0 || type != sc_partner_get_partner_type (g_array_index (rows, ScWhatifRow, i - 1).partner))
        printf ("%s%s\n", i == 0 ? "" : "\n",
                type == SC_PARTNER_CUSTOMER ? _("Customers") : _("Suppliers"));
      print_row (r);
    }
}

static void
add_side (ScJsonWriter *w,
          const char   *name,
          double        score,
          const char   *grade,
          guint         rank)
{
  sc_json_writer_begin_object (w, name);
  sc_json_writer_number_rounded (w, "score", score, 2);
  sc_json_writer_string (w, "grade", grade);
  if (rank > 0)
    sc_json_writer_int (w, "rank", rank);
  else
    sc_json_writer_null (w, "rank");
  sc_json_writer_end_object (w);
}

static void
print_json (ScWorkbook     *book,
            const ScRollup *rollup,
            char          **sets,
            GArray         *rows)
{
  ScGranularity granularity = sc_workbook_get_granularity (book);
  g_autofree char *view = sc_rollup_to_string (rollup, granularity);
  g_autofree char *text = NULL;
  ScJsonWriter *w = sc_json_writer_new (4096 + 300 * rows->len);

  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "period", view);
  sc_json_writer_begin_array (w, "set");
  for (guint i = 0; sets[i] != NULL; i++)
    sc_json_writer_string (w, NULL, sets[i]);
  sc_json_writer_end_array (w);
  sc_json_writer_begin_array (w, "partners");
  for (guint i = 0; i < rows->len; i++)
    {
      const ScWhatifRow *r = &g_array_index (rows, ScWhatifRow, i);

      sc_json_writer_begin_object (w, NULL);
      sc_json_writer_string (w, "id", sc_partner_get_id (r->partner));
      sc_json_writer_string (w, "name", sc_partner_get_name (r->partner));
      sc_json_writer_string (w, "type", sc_partner_type_to_string (sc_partner_get_partner_type (r->partner)));
      add_side (w, "before", r->score_before, r->grade_before, r->rank_before);
      add_side (w, "after", r->score_after, r->grade_after, r->rank_after);
      sc_json_writer_number_rounded (w, "change", r->score_after - r->score_before, 2);
      sc_json_writer_boolean (w, "changed", r->changed);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);
  sc_json_writer_end_object (w);

  text = sc_json_writer_free_to_string (w);
  printf ("%s\n", text);
}

static int
apply_to (ScWhatif   *whatif,
          const char *output)
{
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;

  sc_whatif_apply (whatif, NULL);
  if (!(store = sc_store_new_for_location (output, &error)) ||
      !sc_store_save (store, sc_whatif_get_workbook (whatif), SC_STORE_SAVE_REPLACE, NULL, &error))
    {
      fprintf (stderr, "scorecards: %s\n", error->message);
      return SC_EXIT_BAD_INPUT;
    }
  return SC_EXIT_OK;
}

int
sc_cli_whatif (int    argc,
               char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(ScWhatif) whatif = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  ScRollup rollup = { SC_ROLLUP_PERIOD, SC_PERIOD_NONE };

  if (!parse_options (argc, argv, &o))
    return SC_EXIT_USAGE;

  if (!(book = sc_cli_open_book (o.args[0], NULL, &error)))
    {
      fprintf (stderr, "scorecards: %s\n", error->message);
      return SC_EXIT_BAD_INPUT;
    }
  if (o.period != NULL && !sc_cli_parse_view (book, "whatif", o.period, &rollup))
    return SC_EXIT_USAGE;
  if (o.period == NULL)
    rollup.anchor = sc_workbook_get_latest_period (book);
  if (rollup.anchor == SC_PERIOD_NONE)
    {
      g_autofree char *shown = sc_store_location_dup_display_name (o.args[0]);

      fprintf (stderr, _("scorecards: %s: the workbook holds no values yet\n"), shown);
      return SC_EXIT_BAD_INPUT;
    }

  whatif = sc_whatif_new (book);
  for (guint i = 0; o.sets[i] != NULL; i++)
    if (!sc_whatif_set (whatif, o.sets[i], &error))
      {
        g_autofree char *message = g_strdup_printf ("--set %s: %s", o.sets[i], error->message);

        sc_cli_usage_error ("whatif", message);
        return SC_EXIT_USAGE;
      }

  rows = sc_whatif_compute (whatif, &rollup);
  g_array_sort (rows, compare_rows);
  if (o.json)
    print_json (book, &rollup, o.sets, rows);
  else
    print_text (book, &rollup, o.sets, rows);

  return o.apply ? apply_to (whatif, o.output) : SC_EXIT_OK;
}
