/* sc-scored-then-view.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "As scored then" on a partner's scorecard: the scores kept when each
 * period's data was complete or a review was held (sc-score-history.c),
 * newest first, beside the same period under today's rules. Hidden when
 * the partner has none.
 */

#define G_LOG_DOMAIN "sc-scored-then-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-score-history.h"
#include "sc-scored-then-view.h"

#define MAX_ROWS 12

enum {
  COLUMN_PERIOD,
  COLUMN_THEN,
  COLUMN_TODAY,
  COLUMN_CHANGE,
  COLUMN_KEPT,
  N_COLUMNS
};

struct _ScScoredThenView
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkWidget *box;
  GtkGrid   *grid;

  guint      n_rows;
};

G_DEFINE_FINAL_TYPE (ScScoredThenView, sc_scored_then_view, GTK_TYPE_WIDGET)

static void
cell (ScScoredThenView *self,
      const char       *text,
      int               column,
      int               row,
      const char       *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_PERIOD || column == COLUMN_KEPT ? 0 : 1);
  if (column != COLUMN_PERIOD && column != COLUMN_KEPT)
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (self->grid, label, column, row, 1, 1);
}

static char *
score_and_grade (double      score,
                 const char *grade)
{
  if (isnan (score))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f  %s", score, grade ? grade : "");
}

static void
add_row (ScScoredThenView   *self,
         ScScorer           *scorer,
         ScPartner          *partner,
         const ScScoredThen *record,
         int                 row)
{
  ScGranularity granularity = sc_workbook_get_granularity (sc_scorer_get_workbook (scorer));
  ScRollup rollup = { SC_ROLLUP_PERIOD, record->period };
  double today = sc_scorer_overall (scorer, partner, &rollup);
  g_autofree char *period = sc_rollup_to_label (&rollup, granularity);
  g_autofree char *then = score_and_grade (record->score, record->grade);
  g_autofree char *now = score_and_grade (today, sc_scorer_grade_for_score (scorer, today));
  g_autofree char *change = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *date = g_date_time_format (record->recorded, "%x");

  if (isnan (today) || isnan (record->score) || fabs (today - record->score) < 0.05)
    change = g_strdup (isnan (today) || isnan (record->score) ? "—" : _("same"));
  else
    change = g_strdup_printf ("%s%.1f", today > record->score ? "+" : "−", fabs (today - record->score));
  kept = g_strdup_printf (record->reason == SC_SCORED_THEN_REVIEW ? _("Review, %s") : _("Data complete, %s"),
                          date);

  cell (self, period, COLUMN_PERIOD, row, NULL);
  cell (self, then, COLUMN_THEN, row, NULL);
  cell (self, now, COLUMN_TODAY, row, NULL);
  cell (self, change, COLUMN_CHANGE, row, NULL);
  cell (self, kept, COLUMN_KEPT, row, "dim-label");
}

static void
clear_grid (ScScoredThenView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);
  self->n_rows = 0;
}

static void
sc_scored_then_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_SCORED_THEN_VIEW);

  G_OBJECT_CLASS (sc_scored_then_view_parent_class)->dispose (object);
}

static void
sc_scored_then_view_class_init (ScScoredThenViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_scored_then_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-scored-then-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ScScoredThenView, box);
  gtk_widget_class_bind_template_child (widget_class, ScScoredThenView, grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sc_scored_then_view_init (ScScoredThenView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sc_scored_then_view_new (void)
{
  return g_object_new (SC_TYPE_SCORED_THEN_VIEW, NULL);
}

/* Shows the scores kept for @partner, the newest twelve; hides itself when
 * there are none (or @partner is NULL).
 */
void
sc_scored_then_view_show (ScScoredThenView *self,
                          ScScorer         *scorer,
                          ScPartner        *partner)
{
  static const char *titles[] = { N_("Period"), N_("As scored then"), N_("Under today’s rules"),
                                  N_("Change"), N_("Kept") };
  g_autoptr(GPtrArray) records = NULL;

  g_return_if_fail (SC_IS_SCORED_THEN_VIEW (self));

  clear_grid (self);
  if (scorer == NULL || partner == NULL ||
      sc_score_history_get_n_records (sc_scorer_get_workbook (scorer)) == 0 ||
      (records = sc_score_history_list (sc_scorer_get_workbook (scorer), partner))->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  for (int c = 0; c < N_COLUMNS; c++)
    cell (self, _(titles[c]), c, 0, "caption-heading");
  for (guint i = records->len; i > 0 && self->n_rows < MAX_ROWS; i--)
    add_row (self, scorer, partner, g_ptr_array_index (records, i - 1), ++self->n_rows);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

guint
sc_scored_then_view_get_n_rows (ScScoredThenView *self)
{
  g_return_val_if_fail (SC_IS_SCORED_THEN_VIEW (self), 0);
  return self->n_rows;
}

/* The text of a cell, row 0 the newest period (for tests). */
const char *
sc_scored_then_view_get_cell_text (ScScoredThenView *self,
                                   guint             row,
                                   guint             column)
{
  GtkWidget *child;

  g_return_val_if_fail (SC_IS_SCORED_THEN_VIEW (self), NULL);

  child = gtk_grid_get_child_at (self->grid, column, row + 1);
  return GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child)) : NULL;
}
