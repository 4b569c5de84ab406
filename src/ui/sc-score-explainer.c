/* sc-score-explainer.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Explain this score": how each KPI makes up a partner's overall score,
 * its value, status, score, weight, share and the points it adds and
 * loses, starting with the KPIs that cost the most. It answers the question
 * every customer asks in a review meeting.
 */

#define G_LOG_DOMAIN "sc-score-explainer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-palette.h"
#include "sc-score-explainer.h"
#include "sc-score-explainer-private.h"

enum {
  COLUMN_NAME,
  COLUMN_VALUE,
  COLUMN_STATUS,
  COLUMN_SCORE,
  COLUMN_WEIGHT,
  COLUMN_SHARE,
  COLUMN_POINTS,
  COLUMN_LOST,
  N_COLUMNS
};

struct _ScScoreExplainer
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkWidget *box;
  GtkLabel  *score_label;
  GtkLabel  *title_label;
  GtkLabel  *summary_label;
  GtkGrid   *grid;

  /* Owned state */
  GArray    *rows;     /* ScExplainerRow, in the order shown */
  GPtrArray *cells;    /* GtkWidget* in the grid below its header */
  double     score;
};

G_DEFINE_FINAL_TYPE (ScScoreExplainer, sc_score_explainer, GTK_TYPE_WIDGET)

static const char *
status_css_class (ScStatus status)
{
  switch (status)
    {
    case SC_STATUS_GREEN: return "status-green";
    case SC_STATUS_AMBER: return "status-amber";
    case SC_STATUS_RED: return "status-red";
    case SC_STATUS_NO_DATA:
    default: return "status-none";
    }
}

static void
clear_row (gpointer data)
{
  g_clear_object (&((ScExplainerRow *) data)->kpi);
}

/* Counted KPIs first, the most points lost first; ties keep the workbook's
 * order. KPIs without data go last.
 */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const ScExplainerRow *ra = a, *rb = b;

  if (ra->counted != rb->counted)
    return ra->counted ? -1 : 1;
  if (ra->counted && ra->lost != rb->lost)
    return ra->lost > rb->lost ? -1 : 1;
  return (ra->position > rb->position) - (ra->position < rb->position);
}

static GtkWidget *
add_cell (ScScoreExplainer *self,
          const char       *text,
          int               column,
          int               row,
          int               width)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_NAME || column == COLUMN_STATUS ? 0 : 1);
  if (column != COLUMN_NAME && column != COLUMN_STATUS)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->grid, label, column, row, width, 1);
  g_ptr_array_add (self->cells, label);

  return label;
}

static void
add_row (ScScoreExplainer     *self,
         const ScExplainerRow *r,
         int                   row)
{
  g_autofree char *value = sc_kpi_format_value (r->kpi, r->value, TRUE);
  g_autofree char *status = g_strdup_printf ("%s %s", sc_palette_status_symbol (r->status),
                                             sc_status_get_label (r->status));
  GtkWidget *name, *status_label;

  name = add_cell (self, sc_kpi_get_name (r->kpi), COLUMN_NAME, row, 1);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 32);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_tooltip_text (name, sc_kpi_get_name (r->kpi));
  add_cell (self, value, COLUMN_VALUE, row, 1);
  status_label = add_cell (self, status, COLUMN_STATUS, row, 1);
  gtk_widget_add_css_class (status_label, "status-badge");
  gtk_widget_add_css_class (status_label, status_css_class (r->status));

  if (!r->counted && isnan (r->score))
    {
      GtkWidget *note = add_cell (self, r->status == SC_STATUS_NO_TARGET ? _("No target — not counted")
                                                                          : _("No data — not counted"),
                                  COLUMN_SCORE, row,
                                  N_COLUMNS - COLUMN_SCORE);

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_add_css_class (note, "dim-label");
      return;
    }

  {
    g_autofree char *score = g_strdup_printf ("%.1f", r->score);
    g_autofree char *weight = g_strdup_printf ("%g", r->weight);
    g_autofree char *share = g_strdup_printf ("%.1f %%", 100 * r->share);
    g_autofree char *points = g_strdup_printf ("%.1f", r->contribution);
    g_autofree char *lost = r->lost > 0.05 ? g_strdup_printf ("−%.1f", r->lost) : g_strdup ("0.0");
    GtkWidget *lost_label;

    add_cell (self, score, COLUMN_SCORE, row, 1);
    add_cell (self, weight, COLUMN_WEIGHT, row, 1);
    add_cell (self, share, COLUMN_SHARE, row, 1);
    add_cell (self, points, COLUMN_POINTS, row, 1);
    lost_label = add_cell (self, lost, COLUMN_LOST, row, 1);
    if (r->lost > 0.05)
      gtk_widget_add_css_class (lost_label, "explainer-lost");
  }
}

static void
add_total (ScScoreExplainer *self,
           int               row)
{
  GtkWidget *separator;
  double weights = 0, period_score = 0;
  g_autofree char *weight = NULL;
  g_autofree char *score = NULL;
  g_autofree char *lost = NULL;
  GtkWidget *cell;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const ScExplainerRow *r = &g_array_index (self->rows, ScExplainerRow, i);

      if (r->counted)
        {
          weights += r->weight;
          period_score += r->contribution;
        }
    }
  /* With a score over several periods the contributions add up to this
   * period's own score; the periods are explained below it
   */
  if (weights <= 0)
    return;
  score = g_strdup_printf ("%.1f", period_score);
  lost = g_strdup_printf ("−%.1f", 100 - period_score);
  separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  weight = g_strdup_printf ("%g", weights);

  gtk_grid_attach (self->grid, separator, 0, row, N_COLUMNS, 1);
  g_ptr_array_add (self->cells, separator);
  gtk_widget_add_css_class (add_cell (self, fabs (period_score - self->score) < 0.005 ? _("Overall score")
                                                                                  : _("Score of this period"),
                                      COLUMN_NAME, row + 1, 1), "heading");
  add_cell (self, weight, COLUMN_WEIGHT, row + 1, 1);
  add_cell (self, "100.0 %", COLUMN_SHARE, row + 1, 1);
  cell = add_cell (self, score, COLUMN_POINTS, row + 1, 1);
  gtk_widget_add_css_class (cell, "heading");
  add_cell (self, 100 - period_score > 0.05 ? lost : "0.0", COLUMN_LOST, row + 1, 1);
}

static void
clear_grid (ScScoreExplainer *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    gtk_grid_remove (self->grid, g_ptr_array_index (self->cells, i));
  g_ptr_array_set_size (self->cells, 0);
}

/* Header, summary sentence and what a screen reader says. */
static void
update_header (ScScoreExplainer      *self,
               const ScPartnerResult *result)
{
  g_autoptr(GString) accessible = g_string_new (NULL);
  g_autofree char *score = NULL;
  g_autofree char *summary = NULL;
  guint n_counted = 0, n_lost = 0, n_no_target = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      n_counted += g_array_index (self->rows, ScExplainerRow, i).counted;
      n_no_target += g_array_index (self->rows, ScExplainerRow, i).status == SC_STATUS_NO_TARGET;
    }

  score = isnan (self->score) ? g_strdup ("—") : g_strdup_printf ("%.1f", self->score);
  gtk_label_set_label (self->score_label, score);
  gtk_label_set_label (self->title_label, result ? sc_partner_get_name (result->partner) : "");
  if (result != NULL && result->grade != NULL && n_no_target > 0)
    /* Translators: grade, then "9 of 13 KPIs scored" (the others have no
     * data or no target) */
    summary = g_strdup_printf (ngettext ("Grade %s · %u of %u KPI scored",
                                         "Grade %s · %u of %u KPIs scored", self->rows->len),
                               result->grade, n_counted, self->rows->len);
  else if (result != NULL && result->grade != NULL)
    /* Translators: grade, then "9 of 13 KPIs with data" */
    summary = g_strdup_printf (ngettext ("Grade %s · %u of %u KPI with data",
                                         "Grade %s · %u of %u KPIs with data", self->rows->len),
                               result->grade, n_counted, self->rows->len);
  else if (n_no_target > 0)
    summary = g_strdup (_("No KPI with data has a target yet"));
  else
    summary = g_strdup (_("No KPI has data in this period"));
  gtk_label_set_label (self->summary_label, summary);

  g_string_append_printf (accessible, _("Overall score %s."), score);
  for (guint i = 0; i < self->rows->len && n_lost < 3; i++)
    {
      const ScExplainerRow *r = &g_array_index (self->rows, ScExplainerRow, i);

      if (!r->counted || r->lost < 0.05)
        break;
      g_string_append_printf (accessible, n_lost == 0 ? _(" Most points lost: %s %.1f") : ", %s %.1f",
                              sc_kpi_get_name (r->kpi), r->lost);
      n_lost++;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible->str,
                                  -1);
}

static void
sc_score_explainer_dispose (GObject *object)
{
  ScScoreExplainer *self = (ScScoreExplainer *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SCORE_EXPLAINER);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (sc_score_explainer_parent_class)->dispose (object);
}

static void
sc_score_explainer_class_init (ScScoreExplainerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_score_explainer_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-score-explainer.ui");
  gtk_widget_class_bind_template_child (widget_class, ScScoreExplainer, box);
  gtk_widget_class_bind_template_child (widget_class, ScScoreExplainer, score_label);
  gtk_widget_class_bind_template_child (widget_class, ScScoreExplainer, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScScoreExplainer, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScScoreExplainer, grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scoreexplainer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sc_score_explainer_init (ScScoreExplainer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, TRUE, sizeof (ScExplainerRow));
  g_array_set_clear_func (self->rows, clear_row);
  self->cells = g_ptr_array_new ();
  self->score = NAN;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Explanation of the overall score"),
                                  -1);
  update_header (self, NULL);
}

/* Public API */

GtkWidget *
sc_score_explainer_new (void)
{
  return g_object_new (SC_TYPE_SCORE_EXPLAINER, NULL);
}

/* Shows how @result's overall score comes about; the widget keeps what it
 * needs, so @result may be freed afterwards. %NULL clears it.
 */
void
sc_score_explainer_set_result (ScScoreExplainer      *self,
                               const ScPartnerResult *result)
{
  g_return_if_fail (SC_IS_SCORE_EXPLAINER (self));

  g_array_set_size (self->rows, 0);
  self->score = result ? result->score : NAN;

  for (guint i = 0; result && i < result->kpis->len; i++)
    {
      const ScKpiResult *kr = &g_array_index (result->kpis, ScKpiResult, i);
      ScExplainerRow r = {
        g_object_ref (kr->kpi), kr->value, kr->status, kr->score, kr->weight,
        kr->share, kr->contribution, 0, i, !isnan (kr->score) && kr->weight > 0,
      };

      r.lost = r.counted ? r.share * (100 - r.score) : 0;
      g_array_append_val (self->rows, r);
    }
  g_array_sort (self->rows, compare_rows);

  clear_grid (self);
  for (guint i = 0; i < self->rows->len; i++)
    add_row (self, &g_array_index (self->rows, ScExplainerRow, i), i + 1);
  if (!isnan (self->score))
    add_total (self, self->rows->len + 1);

  update_header (self, result);
}

/* Private API for tests */

guint
sc_score_explainer_get_n_rows (ScScoreExplainer *self)
{
  g_return_val_if_fail (SC_IS_SCORE_EXPLAINER (self), 0);
  return self->rows->len;
}

const ScExplainerRow *
sc_score_explainer_get_row (ScScoreExplainer *self,
                            guint             position)
{
  g_return_val_if_fail (SC_IS_SCORE_EXPLAINER (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return &g_array_index (self->rows, ScExplainerRow, position);
}

const char *
sc_score_explainer_get_cell_text (ScScoreExplainer *self,
                                  guint             position,
                                  guint             column)
{
  GtkWidget *cell;

  g_return_val_if_fail (SC_IS_SCORE_EXPLAINER (self), NULL);

  cell = gtk_grid_get_child_at (self->grid, column, position + 1);
  return GTK_IS_LABEL (cell) ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}
