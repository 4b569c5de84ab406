/* sc-scorecard-page.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scorecard of one partner in one view: who it is, its overall score
 * (with the explanation of where the points went), grade, trend, change and
 * open issues, a sortable table of every KPI with value, target, change and
 * status, a grid of trend
 * charts that reflows with the width, and the category radar. Asking to
 * note an issue on a KPI or a chart point is passed on as "create-issue".
 */

#define G_LOG_DOMAIN "sc-scorecard-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-widget.h"
#include "sc-kpi-table.h"
#include "sc-language-row.h"
#include "sc-reviews-section.h"
#include "sc-score-explainer.h"
#include "sc-scorecard-group.h"
#include "sc-scored-then-view.h"
#include "sc-scorecard-page.h"
#include "sc-standing.h"
#include "sc-tooltip.h"
#include "sc-weighting-explainer.h"

/* Trend charts show at most this many periods up to the view's period */
#define CHART_PERIODS 24

struct _ScScorecardPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkWidget     *scroller;
  GtkLabel      *name_label;
  GtkLabel      *detail_label;
  GtkLabel      *standing_label;
  AdwComboRow   *language_row;
  GtkFlowBox    *facts_box;
  ScKpiTable    *kpi_table;
  GtkFlowBox    *chart_grid;
  ScChartWidget *radar;
  ScScoredThenView *scored_then;
  ScReviewsSection *reviews;

  /* Owned state */
  ScWorkbook    *book;
  ScUndoStack   *undo_stack;
  ScScorer      *scorer;
  GPtrArray     *chart_kpis;   /* ScKpi, the charts to show */
  GListStore    *kpi_items;    /* ScKpiItem, what the KPI table shows */
  GPtrArray     *kpi_pool;     /* ScKpiItem, reused from partner to partner */
  guint          charts_source;
  gboolean       showing;      /* filling the widgets: not the user's choice */

  /* Borrowed while shown */
  ScPartner     *partner;
  ScPeriod       period;
  ScRollup       view;
};

G_DEFINE_FINAL_TYPE (ScScorecardPage, sc_scorecard_page, GTK_TYPE_WIDGET)

enum {
  CREATE_ISSUE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GtkWidget *
fact_content_new (const char *caption,
                  const char *value,
                  const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *caption_label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_widget_add_css_class (value_label, "title-2");
  gtk_widget_add_css_class (value_label, "numeric");
  if (css_class)
    gtk_widget_add_css_class (value_label, css_class);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_box_append (GTK_BOX (box), value_label);

  return box;
}

static GtkWidget *
fact_new (const char *caption,
          const char *value,
          const char *css_class,
          const char *tooltip)
{
  GtkWidget *box = fact_content_new (caption, value, css_class);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", caption, value);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "fact");
  if (tooltip)
    sc_tooltip_set_text (box, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return box;
}

/* What the explanation needs: the result, and the scorer for the periods
 * of a score over several periods
 */
typedef struct
{
  ScPartnerResult *result;
  ScScorer        *scorer;
} Explained;

static void
explained_free (gpointer data)
{
  Explained *e = data;

  sc_partner_result_free (e->result);
  g_clear_object (&e->scorer);
  g_free (e);
}

/* The explanation is made when it is first opened, not with every partner
 * shown.
 */
static void
create_explainer_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  const Explained *e = user_data;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *explainer = sc_score_explainer_new ();
  GtkWidget *periods = NULL;

  sc_score_explainer_set_result (SC_SCORE_EXPLAINER (explainer), e->result);
  gtk_widget_set_size_request (explainer, 460, -1);
  if (e->scorer != NULL)
    periods = sc_weighting_explainer_new (e->scorer, e->result->partner, &e->result->rollup);
  if (periods != NULL)
    {
      /* A score over several periods: the periods below the KPIs */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

      gtk_box_append (GTK_BOX (box), explainer);
      gtk_box_append (GTK_BOX (box), periods);
      explainer = box;
    }
  gtk_popover_set_child (GTK_POPOVER (popover), explainer);
  gtk_menu_button_set_popover (button, popover);
}

/* The overall score opens the explanation: which KPIs cost the points. */
static GtkWidget *
score_fact_new (ScScorer              *scorer,
                const ScPartnerResult *result)
{
  Explained *explained = g_new0 (Explained, 1);
  g_autofree char *score = isnan (result->score) ? g_strdup ("—") : g_strdup_printf ("%.1f", result->score);
  g_autofree char *accessible = g_strdup_printf (_("Overall score: %s. Explain the score"), score);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *content = fact_content_new (_("Overall score — why?"), score, NULL);

  explained->result = sc_partner_result_copy (result);
  explained->scorer = scorer ? g_object_ref (scorer) : NULL;
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_explainer_cb,
                                         explained, explained_free);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), content);
  /* Left-aligned like the other cards, however wide the card: the menu
   * button centres its child in a box of its own
   */
  for (GtkWidget *w = gtk_widget_get_parent (content); w != NULL && w != button; w = gtk_widget_get_parent (w))
    gtk_widget_set_halign (w, GTK_ALIGN_FILL);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "fact");
  gtk_widget_add_css_class (button, "fact-button");
  sc_tooltip_set_text (button, _("Weighted mean of the KPI scores (0–100). "
                                 "Click to see what each KPI contributes."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static const char *
trend_arrow (ScTrend trend)
{
  switch (trend)
    {
    case SC_TREND_IMPROVING: return "↗";
    case SC_TREND_DECLINING: return "↘";
    case SC_TREND_STABLE: return "→";
    case SC_TREND_NONE:
    default: return "";
    }
}

static void
show_facts (ScScorecardPage       *self,
            ScScorer              *scorer,
            ScWorkbook            *book,
            const ScPartnerResult *result)
{
  g_autofree char *trend = NULL;
  g_autofree char *change = NULL;
  g_autofree char *issues = NULL;
  g_autofree char *grade_class = NULL;
  g_autofree char *trend_tip = NULL;
  g_autofree char *standing_text = NULL;
  const ScGradeBand *standing;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_box))))
    gtk_flow_box_remove (self->facts_box, child);

  trend = g_strdup_printf ("%s %s", trend_arrow (result->trend), sc_trend_get_label (result->trend));
  trend_tip = g_strdup_printf (_("Least-squares slope of the overall score over the last %u periods"),
                               sc_workbook_get_trend_periods (book));
  if (isnan (result->change))
    change = g_strdup ("—");
  else
    change = g_strdup_printf ("%s%.1f", result->change > 0 ? "+" : result->change < 0 ? "−" : "±",
                              fabs (result->change));
  issues = g_strdup_printf ("%u", sc_workbook_count_open_issues (book, result->partner));
  grade_class = g_strdup_printf ("grade-%c", result->grade ? g_ascii_tolower (result->grade[0]) : 'x');
  standing = sc_workbook_standing_for_score (book, result->score);
  standing_text = standing ? g_strdup_printf ("%s %s", standing->symbol, standing->grade) : g_strdup ("—");

  gtk_flow_box_append (self->facts_box, score_fact_new (scorer, result));
  gtk_flow_box_append (self->facts_box,
                       fact_new (_("Standing"), standing_text, grade_class,
                                 standing && *standing->action ? sc_standing_action_label (standing->action) : NULL));
  gtk_flow_box_append (self->facts_box, fact_new (_("Trend"), trend, NULL, trend_tip));
  gtk_flow_box_append (self->facts_box,
                       fact_new (_("Change"), change, NULL,
                                 _("Change of the overall score against the previous period")));
  gtk_flow_box_append (self->facts_box, fact_new (_("Open issues"), issues, NULL, NULL));
}

/* Under the partner's name: the standing and its action, the scorecard
 * the partner is measured on when the workbook has several, and why it is
 * on the watch list.
 */
static void
show_standing (ScScorecardPage       *self,
               ScScorer              *scorer,
               const ScPartnerResult *result)
{
  ScWorkbook *book = sc_scorer_get_workbook (scorer);
  const ScGradeBand *standing = sc_workbook_standing_for_score (book, result->score);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *reason = NULL;
  ScWatch watch;

  if (standing != NULL)
    {
      /* Translators: a standing's symbol and name, then its recommended action */
      g_string_append_printf (text, _("%s Standing %s"), standing->symbol, standing->grade);
      if (*standing->action != '\0')
        g_string_append_printf (text, " — %s", sc_standing_action_label (standing->action));
    }
  if (sc_workbook_get_n_scorecard_groups (book) > 0)
    {
      g_autofree char *scorecard = NULL;

      if (result->scorecard != NULL)
        scorecard = g_strdup_printf (_("Measured on the %s scorecard"),
                                     sc_scorecard_group_get_name (result->scorecard));
      else
        scorecard = g_strdup (_("Measured on the default scorecard"));
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", scorecard);
    }
  if (sc_standing_watch (scorer, result->partner, &result->rollup, &watch))
    {
      reason = sc_watch_describe (&watch);
      /* Translators: why the partner is on the watch list, e.g. "fell from B to C" */
      g_string_append_printf (text, "%s⚑ ", text->len ? "\n" : "");
      g_string_append_printf (text, _("On the watch list: %s"), reason);
    }

  gtk_label_set_label (self->standing_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->standing_label), text->len > 0);
}

static void
on_table_create_issue_cb (ScScorecardPage *self,
                          ScKpi           *kpi)
{
  g_signal_emit (self, signals[CREATE_ISSUE], 0, self->partner, kpi, (int) self->period);
}

static void
on_point_activated_cb (ScScorecardPage *self,
                       ScPartner       *partner,
                       ScKpi           *kpi,
                       int              period)
{
  g_signal_emit (self, signals[CREATE_ISSUE], 0, partner ? partner : self->partner, kpi, period);
}

static void
set_trend_chart (ScScorecardPage *self,
                 ScWorkbook      *book,
                 ScKpi           *kpi,
                 guint            position)
{
  GtkFlowBoxChild *slot = gtk_flow_box_get_child_at_index (self->chart_grid, position);
  g_autoptr(ScChart) chart = NULL;
  GtkWidget *widget;

  chart = sc_chart_new (SC_CHART_TREND,
                        sc_chart_trend_data_new_for_view (book, self->partner, kpi, &self->view,
                                                          CHART_PERIODS));

  /* Switching partner reuses the chart widgets: creating a dozen of them
   * each time cost more than drawing them
   */
  if (slot != NULL)
    {
      sc_chart_widget_set_chart (SC_CHART_WIDGET (gtk_flow_box_child_get_child (slot)), chart);
      return;
    }

  widget = sc_chart_widget_new ();
  sc_chart_widget_set_chart (SC_CHART_WIDGET (widget), chart);
  gtk_widget_set_size_request (widget, 300, 220);
  gtk_widget_add_css_class (widget, "card");
  g_signal_connect_object (widget, "point-activated", G_CALLBACK (on_point_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_flow_box_append (self->chart_grid, widget);
}

/* Drops the chart widgets from @n_kept on. */
static void
trim_charts (ScScorecardPage *self,
             guint            n_kept)
{
  GtkFlowBoxChild *slot;

  while ((slot = gtk_flow_box_get_child_at_index (self->chart_grid, n_kept)))
    gtk_flow_box_remove (self->chart_grid, GTK_WIDGET (slot));
}

static gboolean
show_charts_cb (gpointer data)
{
  ScScorecardPage *self = data;
  g_autoptr(ScChart) radar = NULL;

  self->charts_source = 0;
  if (self->book == NULL || self->scorer == NULL || self->partner == NULL || self->chart_kpis == NULL)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < self->chart_kpis->len; i++)
    set_trend_chart (self, self->book, g_ptr_array_index (self->chart_kpis, i), i);
  trim_charts (self, self->chart_kpis->len);

  radar = sc_chart_new (SC_CHART_RADAR, sc_chart_radar_data_new_from_scorer (self->scorer, self->partner,
                                                                              &self->view));
  sc_chart_widget_set_chart (self->radar, radar);

  return G_SOURCE_REMOVE;
}


static void
clear (ScScorecardPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_box))))
    gtk_flow_box_remove (self->facts_box, child);
  sc_chart_widget_set_chart (self->radar, NULL);
  sc_scored_then_view_show (self->scored_then, NULL, NULL);
}

static void
sc_scorecard_page_dispose (GObject *object)
{
  ScScorecardPage *self = (ScScorecardPage *)object;

  g_clear_handle_id (&self->charts_source, g_source_remove);
  g_clear_pointer (&self->chart_kpis, g_ptr_array_unref);
  if (self->kpi_items)
    g_list_store_remove_all (self->kpi_items);
  g_clear_object (&self->kpi_items);
  g_clear_pointer (&self->kpi_pool, g_ptr_array_unref);
  g_clear_object (&self->book);
  g_clear_object (&self->scorer);
  g_clear_object (&self->undo_stack);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SCORECARD_PAGE);

  G_OBJECT_CLASS (sc_scorecard_page_parent_class)->dispose (object);
}

/* A partner's report language changed, for undo */
typedef struct
{
  ScWorkbook *book;
  ScPartner  *partner;
  char       *before;
  char       *after;
} LanguageEdit;

static void
language_edit_free (gpointer data)
{
  LanguageEdit *edit = data;

  g_clear_object (&edit->book);
  g_clear_object (&edit->partner);
  g_free (edit->before);
  g_free (edit->after);
  g_free (edit);
}

/* The language is no score: the views only need to show it again */
static void
language_edit_undo (gpointer data)
{
  LanguageEdit *edit = data;

  sc_partner_set_report_language (edit->partner, edit->before);
  sc_workbook_changed (edit->book);
}

static void
language_edit_redo (gpointer data)
{
  LanguageEdit *edit = data;

  sc_partner_set_report_language (edit->partner, edit->after);
  sc_workbook_changed (edit->book);
}

/* The user chose the partner's report language: kept in the workbook, one
 * undo step.
 */
static void
on_language_selected_cb (ScScorecardPage *self)
{
  const char *code = sc_language_row_get_code (self->language_row);
  ScWorkbook *book = self->scorer ? sc_scorer_get_workbook (self->scorer) : NULL;
  LanguageEdit *edit;

  if (self->showing || self->partner == NULL || book == NULL ||
      g_strcmp0 (code ? code : "", sc_partner_get_report_language (self->partner)) == 0)
    return;
  edit = g_new0 (LanguageEdit, 1);
  edit->book = g_object_ref (book);
  edit->partner = g_object_ref (self->partner);
  edit->before = g_strdup (sc_partner_get_report_language (self->partner));
  edit->after = g_strdup (code ? code : "");
  sc_partner_set_report_language (self->partner, code);
  sc_workbook_set_modified (book, TRUE);
  if (self->undo_stack != NULL)
    /* Translators: an undo step */
    sc_undo_stack_push (self->undo_stack, _("Change Report Language"), language_edit_undo,
                        language_edit_redo, edit, language_edit_free);
  else
    language_edit_free (edit);
}

static void
sc_scorecard_page_class_init (ScScorecardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_scorecard_page_dispose;

  /**
   * ScScorecardPage::create-issue:
   * @partner: the partner
   * @kpi: (nullable): the KPI
   * @period: the period, or SC_PERIOD_NONE
   *
   * The user asked to note an issue here.
   */
  signals[CREATE_ISSUE] =
    g_signal_new ("create-issue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, SC_TYPE_PARTNER, SC_TYPE_KPI, G_TYPE_INT);

  g_type_ensure (SC_TYPE_CHART_WIDGET);
  g_type_ensure (SC_TYPE_KPI_TABLE);
  g_type_ensure (SC_TYPE_SCORED_THEN_VIEW);
  g_type_ensure (SC_TYPE_REVIEWS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-scorecard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, standing_label);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, facts_box);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, kpi_table);
  gtk_widget_class_bind_template_callback (widget_class, on_table_create_issue_cb);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, chart_grid);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, radar);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, scored_then);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardPage, reviews);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sc_scorecard_page_init (ScScorecardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->showing = TRUE;
  /* Translators: a partner's reports in the application's language */
  sc_language_row_setup (self->language_row, _("Same as the Application"));
  self->showing = FALSE;
  self->kpi_items = g_list_store_new (SC_TYPE_KPI_ITEM);
  self->kpi_pool = g_ptr_array_new_with_free_func (g_object_unref);
  sc_kpi_table_set_items (self->kpi_table, self->kpi_items);
  g_signal_connect_object (self->radar, "point-activated", G_CALLBACK (on_point_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
sc_scorecard_page_new (void)
{
  return g_object_new (SC_TYPE_SCORECARD_PAGE, NULL);
}

/* Shows @partner's @result for the view @rollup; a NULL @partner empties
 * the page.
 */
void
sc_scorecard_page_show (ScScorecardPage       *self,
                        ScScorer              *scorer,
                        ScPartner             *partner,
                        const ScPartnerResult *result,
                        const ScRollup        *rollup)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_auto(GStrv) keys = NULL;
  ScWorkbook *book = scorer ? sc_scorer_get_workbook (scorer) : NULL;

  g_return_if_fail (SC_IS_SCORECARD_PAGE (self));
  g_return_if_fail (scorer == NULL || SC_IS_SCORER (scorer));

  clear (self);
  g_clear_handle_id (&self->charts_source, g_source_remove);
  self->partner = partner;
  self->period = rollup ? rollup->anchor : SC_PERIOD_NONE;
  if (rollup)
    self->view = *rollup;
  sc_reviews_section_set_partner (self->reviews, book, partner, rollup);

  if (partner == NULL)
    {
      g_list_store_remove_all (self->kpi_items);
      trim_charts (self, 0);
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->detail_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->standing_label), FALSE);
      return;
    }

  gtk_label_set_label (self->name_label, sc_partner_get_name (partner));
  g_string_append (detail, sc_partner_type_get_label (sc_partner_get_partner_type (partner)));
  keys = sc_partner_dup_tag_keys (partner);
  for (guint i = 0; keys[i]; i++)
    g_string_append_printf (detail, " · %s", sc_partner_get_tag (partner, keys[i]));
  if (*sc_partner_get_contact (partner))
    g_string_append_printf (detail, " · %s", sc_partner_get_contact (partner));
  gtk_label_set_label (self->detail_label, detail->str);
  self->showing = TRUE;
  sc_language_row_set_code (self->language_row, sc_partner_get_report_language (partner));
  self->showing = FALSE;

  if (result == NULL)
    {
      g_list_store_remove_all (self->kpi_items);
      trim_charts (self, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->standing_label), FALSE);
      return;
    }

  show_standing (self, scorer, result);
  show_facts (self, scorer, book, result);
  sc_scored_then_view_show (self->scored_then, scorer, partner);
  g_clear_pointer (&self->chart_kpis, g_ptr_array_unref);
  self->chart_kpis = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < result->kpis->len; i++)
    {
      const ScKpiResult *kr = &g_array_index (result->kpis, ScKpiResult, i);
      const ScSeries *series = sc_workbook_get_series (book, partner, kr->kpi);

      if (i < self->kpi_pool->len)
        sc_kpi_item_update (g_ptr_array_index (self->kpi_pool, i), book, kr, series, self->period);
      else
        g_ptr_array_add (self->kpi_pool, sc_kpi_item_new (book, kr, series, self->period));
      g_ptr_array_add (self->chart_kpis, g_object_ref (kr->kpi));
    }
  /* The same items replace themselves: the table rebinds the rows it has
   * instead of making new ones
   */
  g_list_store_splice (self->kpi_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->kpi_items)),
                       self->kpi_pool->pdata, result->kpis->len);

  /* The charts below the table come a moment later: what the user looks at
   * first (score, grade, the KPIs) is drawn without waiting for a dozen
   * charts
   */
  g_set_object (&self->book, book);
  g_set_object (&self->scorer, scorer);
  g_clear_handle_id (&self->charts_source, g_source_remove);
  self->charts_source = g_timeout_add_full (G_PRIORITY_LOW, 0, show_charts_cb, self, NULL);
}

ScKpiTable *
sc_scorecard_page_get_kpi_table (ScScorecardPage *self)
{
  g_return_val_if_fail (SC_IS_SCORECARD_PAGE (self), NULL);
  return self->kpi_table;
}

const char *
sc_scorecard_page_get_standing_text (ScScorecardPage *self)
{
  g_return_val_if_fail (SC_IS_SCORECARD_PAGE (self), NULL);
  return gtk_label_get_label (self->standing_label);
}

const char *
sc_scorecard_page_get_title (ScScorecardPage *self)
{
  g_return_val_if_fail (SC_IS_SCORECARD_PAGE (self), NULL);
  return gtk_label_get_label (self->name_label);
}

GtkFlowBox *
sc_scorecard_page_get_chart_grid (ScScorecardPage *self)
{
  g_return_val_if_fail (SC_IS_SCORECARD_PAGE (self), NULL);
  return self->chart_grid;
}

/* Where the partner's page records its edits (the report language). */
void
sc_scorecard_page_set_undo_stack (ScScorecardPage *self,
                                  ScUndoStack     *undo_stack)
{
  g_return_if_fail (SC_IS_SCORECARD_PAGE (self));
  g_return_if_fail (undo_stack == NULL || SC_IS_UNDO_STACK (undo_stack));

  g_set_object (&self->undo_stack, undo_stack);
}
