/* sc-standing.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Standings — the grade bands with what they mean (a colour, a symbol, a
 * recommended action) — and the watch list: the partners whose standing
 * worsened since the previous view, or that stayed in the lowest standing
 * for the workbook's watch periods. docs/scoring.md, "Standings".
 */

#define G_LOG_DOMAIN "sc-standing"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"

#include "sc-standing.h"

typedef struct
{
  const char *grade;
  const char *action;
  const char *colour;
  const char *symbol;
} Default;

/* Okabe–Ito colours, best to worst; the symbols tell them apart without
 * colour.
 */
static const Default defaults[] = {
  { "A", N_("Preferred supplier"), "#009e73", "★" },
  { "B", N_("Approved: review at the next quarterly meeting"), "#56b4e9", "✓" },
  { "C", N_("Escalation meeting within 30 days"), "#e69f00", "!" },
  { "D", N_("No new RFQs"), "#d55e00", "✗" },
};

/* Fills the colour, symbol and action the bands leave unset (NULL): a band
 * named as a default one (A–D) takes its values; any other takes the
 * colour and symbol of its place from the best to the worst, and no action.
 */
void
sc_standing_fill_defaults (ScGradeBand *bands,
                           guint        n_bands)
{
  for (guint i = 0; i < n_bands; i++)
    {
      ScGradeBand *band = &bands[i];
      const Default *d = NULL;
      guint place;

      for (guint k = 0; k < G_N_ELEMENTS (defaults) && d == NULL; k++)
        if (g_strcmp0 (band->grade, defaults[k].grade) == 0)
          d = &defaults[k];

      /* The worst band always takes the worst look */
      place = n_bands <= 1 ? 0 : i * (G_N_ELEMENTS (defaults) - 1) / (n_bands - 1);
      /* Kept in English: it is translated where it is shown, in the
       * application's or the report's language (sc_standing_action_label())
       */
      if (band->action == NULL)
        band->action = g_strdup (d ? d->action : "");
      if (band->colour == NULL)
        band->colour = g_strdup (d ? d->colour : defaults[place].colour);
      if (band->symbol == NULL)
        band->symbol = g_strdup (d ? d->symbol : defaults[place].symbol);
    }
}

/* @action, a standing's recommended action, as shown in the language in
 * use: one of the default actions is translated, an action the user wrote
 * is shown as written.
 */
const char *
sc_standing_action_label (const char *action)
{
  if (action == NULL)
    return "";
  for (guint k = 0; k < G_N_ELEMENTS (defaults); k++)
    if (g_str_equal (action, defaults[k].action))
      return _(defaults[k].action);
  return action;
}

/* The action to keep for what the user typed in @label over @action: the
 * default action itself (in English) when the label is its translation
 * unchanged.
 */
const char *
sc_standing_action_from_label (const char *action,
                               const char *label)
{
  if (action != NULL && g_strcmp0 (sc_standing_action_label (action), label) == 0)
    return action;
  return label;
}

/* The standing of @score, as sc_workbook_grade_for_score(); %NULL for NaN. */
const ScGradeBand *
sc_workbook_standing_for_score (ScWorkbook *self,
                                double      score)
{
  guint n;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);

  n = sc_workbook_get_n_grade_bands (self);
  if (isnan (score) || n == 0)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      const ScGradeBand *band = sc_workbook_get_grade_band (self, i);

      if (score >= band->min_score)
        return band;
    }

  return sc_workbook_get_grade_band (self, n - 1);
}

/* The position of the standing of @score, 0 the best; -1 for no data. */
int
sc_standing_index (ScWorkbook *book,
                   double      score)
{
  const ScGradeBand *band = sc_workbook_standing_for_score (book, score);

  if (band == NULL)
    return -1;
  return (int) (band - sc_workbook_get_grade_band (book, 0));
}

/* How many views in a row, ending with @rollup, scored in the lowest
 * standing; @lowest is its index.
 */
static guint
count_lowest (ScScorer       *scorer,
              ScPartner      *partner,
              const ScRollup *rollup,
              int             lowest,
              double          score)
{
  ScWorkbook *book = sc_scorer_get_workbook (scorer);
  ScGranularity granularity = sc_workbook_get_granularity (book);
  ScPeriod first = sc_workbook_get_first_period (book);
  ScRollup view = *rollup;
  guint n = 0;

  while (sc_standing_index (book, score) == lowest && n < SC_WORKBOOK_MAX_PERIODS)
    {
      ScPeriod from, to;

      n++;
      view = sc_rollup_previous (&view, granularity);
      sc_rollup_get_range (&view, granularity, &from, &to);
      if (to < first)
        break;
      score = sc_scorer_overall (scorer, partner, &view);
    }

  return n;
}

/**
 * sc_standing_watch:
 * @scorer: a scorer
 * @partner: a partner of its workbook
 * @rollup: the view
 * @watch: (out caller-allocates): why @partner is on the watch list
 *
 * Whether @partner is on the watch list in the view @rollup: its standing
 * is worse than in the previous view of the same kind (the month, quarter,
 * year… before, across a year's end too), or it has been in the lowest
 * standing for at least sc_workbook_get_watch_periods() views in a row.
 * A worsening is reported first.
 *
 * Returns: %TRUE when @partner is on the watch list
 */
gboolean
sc_standing_watch (ScScorer       *scorer,
                   ScPartner      *partner,
                   const ScRollup *rollup,
                   ScWatch        *watch)
{
  ScWorkbook *book;
  ScRollup previous;
  double score, before;
  int now, then, lowest;

  g_return_val_if_fail (SC_IS_SCORER (scorer), FALSE);
  g_return_val_if_fail (watch != NULL, FALSE);

  *watch = (ScWatch) { SC_WATCH_NONE, NULL, NULL, 0 };
  book = sc_scorer_get_workbook (scorer);
  score = sc_scorer_overall (scorer, partner, rollup);
  now = sc_standing_index (book, score);
  if (now < 0)
    return FALSE;

  watch->to = sc_workbook_get_grade_band (book, now)->grade;
  previous = sc_rollup_previous (rollup, sc_workbook_get_granularity (book));
  before = sc_scorer_overall (scorer, partner, &previous);
  then = sc_standing_index (book, before);
  if (then >= 0 && now > then)
    {
      watch->reason = SC_WATCH_WORSENED;
      watch->from = sc_workbook_get_grade_band (book, then)->grade;
      watch->n_periods = 1;
      return TRUE;
    }

  /* With a single standing, staying in it says nothing */
  lowest = (int) sc_workbook_get_n_grade_bands (book) - 1;
  if (now != lowest || lowest == 0)
    return FALSE;
  watch->n_periods = count_lowest (scorer, partner, rollup, lowest, score);
  if (watch->n_periods < sc_workbook_get_watch_periods (book))
    return FALSE;

  watch->reason = SC_WATCH_LOWEST;
  return TRUE;
}

/* "fell from B to C", "D for 4 periods"; %NULL when not on the list. */
char *
sc_watch_describe (const ScWatch *watch)
{
  g_return_val_if_fail (watch != NULL, NULL);

  switch (watch->reason)
    {
    case SC_WATCH_WORSENED:
      /* Translators: standings, e.g. "fell from B to C" */
      return g_strdup_printf (_("fell from %s to %s"), watch->from, watch->to);
    case SC_WATCH_LOWEST:
      /* Translators: a standing and a count, e.g. "D for 4 periods" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s for %u period",
                                           "%s for %u periods", watch->n_periods),
                              watch->to, watch->n_periods);
    case SC_WATCH_NONE:
    default:
      return NULL;
    }
}

const char *
sc_watch_reason_to_string (ScWatchReason reason)
{
  switch (reason)
    {
    case SC_WATCH_WORSENED: return "worsened";
    case SC_WATCH_LOWEST: return "lowest";
    case SC_WATCH_NONE:
    default: return "none";
    }
}
