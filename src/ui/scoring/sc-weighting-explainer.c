/* sc-weighting-explainer.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of "Overall score — why?" that shows a score over several
 * periods: each period's own score, its weight and share, and the points
 * it adds, newest first; periods without data are listed as skipped.
 */

#define G_LOG_DOMAIN "sc-weighting-explainer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-weighting-explainer.h"

enum {
  COLUMN_PERIOD,
  COLUMN_SCORE,
  COLUMN_WEIGHT,
  COLUMN_SHARE,
  COLUMN_POINTS,
  N_COLUMNS
};

static GtkWidget *
cell (GtkGrid    *grid,
      const char *text,
      int         column,
      int         row,
      int         width)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_PERIOD ? 0 : 1);
  if (column != COLUMN_PERIOD)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, width, 1);
  return label;
}

static void
add_header (GtkGrid *grid)
{
  static const char *titles[] = { N_("Period"), N_("Score"), N_("Weight"), N_("Share"), N_("Points") };

  for (int c = 0; c < N_COLUMNS; c++)
    gtk_widget_add_css_class (cell (grid, _(titles[c]), c, 0, 1), "caption-heading");
}

/* One row a period, k periods before @rollup; returns the weighted sum's
 * parts through @sum and @total.
 */
static void
add_periods (GtkGrid                 *grid,
             ScScorer                *scorer,
             ScPartner               *partner,
             const ScRollup          *rollup,
             const ScPeriodWeighting *w,
             double                  *score_out)
{
  ScGranularity granularity = sc_workbook_get_granularity (sc_scorer_get_workbook (scorer));
  double weights[SC_WEIGHTING_MAX_PERIODS], scores[SC_WEIGHTING_MAX_PERIODS];
  double total = 0, sum = 0;
  ScRollup r = *rollup;

  sc_period_weighting_get_weights (w, weights);
  for (guint k = 0; k < w->n_periods; k++)
    {
      scores[k] = sc_scorer_view_score (scorer, partner, &r);
      if (!isnan (scores[k]))
        total += weights[k];
      r = sc_rollup_previous (&r, granularity);
    }

  r = *rollup;
  for (guint k = 0; k < w->n_periods; k++)
    {
      g_autofree char *label = sc_rollup_to_label (&r, granularity);
      g_autofree char *weight = g_strdup_printf ("%.3g", weights[k]);

      cell (grid, label, COLUMN_PERIOD, k + 1, 1);
      if (isnan (scores[k]))
        {
          GtkWidget *note = cell (grid, _("No data — skipped"), COLUMN_SCORE, k + 1, N_COLUMNS - COLUMN_SCORE);

          gtk_label_set_xalign (GTK_LABEL (note), 0);
          gtk_widget_add_css_class (note, "dim-label");
        }
      else
        {
          g_autofree char *score = g_strdup_printf ("%.1f", scores[k]);
          g_autofree char *share = g_strdup_printf ("%.1f %%", 100 * weights[k] / total);
          g_autofree char *points = g_strdup_printf ("%.1f", weights[k] / total * scores[k]);

          cell (grid, score, COLUMN_SCORE, k + 1, 1);
          cell (grid, weight, COLUMN_WEIGHT, k + 1, 1);
          cell (grid, share, COLUMN_SHARE, k + 1, 1);
          cell (grid, points, COLUMN_POINTS, k + 1, 1);
          sum += weights[k] * scores[k];
        }
      r = sc_rollup_previous (&r, granularity);
    }

  *score_out = total > 0 ? sum / total : NAN;
}

/**
 * sc_weighting_explainer_new:
 * @scorer: the scorer of the page
 * @partner: the partner explained
 * @rollup: the view shown
 *
 * Returns: (transfer floating) (nullable): the periods behind the overall
 *   score, or %NULL when the workbook scores the latest period only
 */
GtkWidget *
sc_weighting_explainer_new (ScScorer       *scorer,
                            ScPartner      *partner,
                            const ScRollup *rollup)
{
  const ScPeriodWeighting *w;
  g_autofree char *description = NULL;
  g_autofree char *total_text = NULL;
  GtkWidget *box, *heading, *caption, *grid, *total;
  double score;

  g_return_val_if_fail (SC_IS_SCORER (scorer), NULL);

  w = sc_scorer_get_period_weighting (scorer);
  if (sc_period_weighting_is_latest (w))
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = gtk_label_new (_("Over Several Periods"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  description = sc_period_weighting_describe (w);
  caption = gtk_label_new (description);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption");
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 14);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  add_header (GTK_GRID (grid));
  add_periods (GTK_GRID (grid), scorer, partner, rollup, w, &score);
  total_text = isnan (score) ? g_strdup ("—") : g_strdup_printf ("%.1f", score);
  gtk_grid_attach (GTK_GRID (grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, w->n_periods + 1,
                   N_COLUMNS, 1);
  gtk_widget_add_css_class (cell (GTK_GRID (grid), _("Overall score"), COLUMN_PERIOD, w->n_periods + 2, 1),
                            "heading");
  total = cell (GTK_GRID (grid), total_text, COLUMN_POINTS, w->n_periods + 2, 1);
  gtk_widget_add_css_class (total, "heading");

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scores of the periods combined"), -1);
  return box;
}
