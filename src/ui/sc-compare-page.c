/* sc-compare-page.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compare: every partner of the selected partner's type ranked by overall
 * score, and the partner × KPI heatmap of statuses. A click on a partner
 * asks to open its scorecard ("partner-activated").
 */

#define G_LOG_DOMAIN "sc-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-chart-data.h"
#include "sc-chart-widget.h"
#include "sc-compare-page.h"
#include "sc-scorecard-group.h"
#include "sc-compare-page-private.h"

/* Heights per partner row, so long lists stay readable and scroll */
#define RANKING_ROW_HEIGHT 22
#define HEATMAP_ROW_HEIGHT 24

struct _ScComparePage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkWidget     *scroller;
  GtkLabel      *ranking_heading;
  ScChartWidget *ranking;
  GtkLabel      *heatmap_heading;
  ScChartWidget *heatmap;

  /* What is shown, kept while only the highlighted partner changes */
  ScWorkbook    *book;
  ScPartnerType  type;
  ScScorecardGroup *scorecard;  /* borrowed: the partners shown are on it */
  ScRollup       rollup;
  gboolean       stale;
  guint          scroll_tick;   /* until the ranking is laid out */
  guint          scroll_tries;
};

G_DEFINE_FINAL_TYPE (ScComparePage, sc_compare_page, GTK_TYPE_WIDGET)

enum {
  PARTNER_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
on_point_activated_cb (ScComparePage *self,
                       ScPartner     *partner,
                       ScKpi         *kpi,
                       int            period)
{
  if (partner != NULL)
    g_signal_emit (self, signals[PARTNER_ACTIVATED], 0, partner);
}

/* The partners of @type on @scorecard (NULL: the default): the ones
 * ranked together; on any scorecard with @any
 */
static guint
count_partners_on (ScWorkbook       *book,
                   ScPartnerType     type,
                   gboolean          any,
                   ScScorecardGroup *scorecard)
{
  GListModel *partners = sc_workbook_get_partners (book);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);

      if (sc_partner_get_partner_type (partner) == type &&
          (any || sc_workbook_scorecard_group_for_partner (book, partner) == scorecard))
        n++;
    }

  return n;
}

/* "Suppliers by Overall Score", and with scorecard groups which scorecard
 * they are ranked on: "Ranked among 12 suppliers on the Castings scorecard"
 */
static char *
dup_ranking_heading (ScWorkbook       *book,
                     ScPartnerType     type,
                     ScScorecardGroup *scorecard,
                     guint             n)
{
  const char *heading = type == SC_PARTNER_CUSTOMER ? _("Customers by Overall Score")
                                                    : _("Suppliers by Overall Score");
  g_autofree char *pool = NULL;

  if (sc_workbook_get_n_scorecard_groups (book) == 0)
    return g_strdup (heading);

  if (scorecard != NULL)
    pool = g_strdup_printf (type == SC_PARTNER_CUSTOMER ?
                            g_dngettext (GETTEXT_PACKAGE, "ranked among %u customer on the %s scorecard",
                                         "ranked among %u customers on the %s scorecard", n) :
                            g_dngettext (GETTEXT_PACKAGE, "ranked among %u supplier on the %s scorecard",
                                         "ranked among %u suppliers on the %s scorecard", n),
                            n, sc_scorecard_group_get_name (scorecard));
  else
    pool = g_strdup_printf (type == SC_PARTNER_CUSTOMER ?
                            g_dngettext (GETTEXT_PACKAGE, "ranked among %u customer on the default scorecard",
                                         "ranked among %u customers on the default scorecard", n) :
                            g_dngettext (GETTEXT_PACKAGE, "ranked among %u supplier on the default scorecard",
                                         "ranked among %u suppliers on the default scorecard", n),
                            n);
  /* Translators: a heading, then which partners are ranked together */
  return g_strdup_printf (_("%s — %s"), heading, pool);
}

static void
sc_compare_page_dispose (GObject *object)
{
  ScComparePage *self = (ScComparePage *)object;

  if (self->scroll_tick != 0 && self->ranking != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->ranking), self->scroll_tick);
  self->scroll_tick = 0;
  if (self->book != NULL)
    g_signal_handlers_disconnect_by_data (self->book, self);
  g_clear_object (&self->book);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_COMPARE_PAGE);

  G_OBJECT_CLASS (sc_compare_page_parent_class)->dispose (object);
}

static void
sc_compare_page_class_init (ScComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_compare_page_dispose;

  /**
   * ScComparePage::partner-activated:
   * @partner: the partner clicked
   */
  signals[PARTNER_ACTIVATED] =
    g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_PARTNER);

  g_type_ensure (SC_TYPE_CHART_WIDGET);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScComparePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScComparePage, ranking_heading);
  gtk_widget_class_bind_template_child (widget_class, ScComparePage, ranking);
  gtk_widget_class_bind_template_child (widget_class, ScComparePage, heatmap_heading);
  gtk_widget_class_bind_template_child (widget_class, ScComparePage, heatmap);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sc_compare_page_init (ScComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->ranking, "point-activated", G_CALLBACK (on_point_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->heatmap, "point-activated", G_CALLBACK (on_point_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
sc_compare_page_new (void)
{
  return g_object_new (SC_TYPE_COMPARE_PAGE, NULL);
}

/* Compares the partners of @partner's type (suppliers when NULL) in the
 * view @rollup (a quarter, a year to date, ...), with @partner highlighted.
 */
/* Brings the highlighted partner's row of the ranking on screen, once the
 * ranking has its height: with thousands of suppliers it is far down.
 */
static gboolean
scroll_to_highlight_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  ScComparePage *self = SC_COMPARE_PAGE (user_data);
  ScChart *chart = sc_chart_widget_get_chart (self->ranking);
  const ScChartRankingData *data = chart ? sc_chart_get_data (chart) : NULL;
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  /* The viewport's child: its coordinates are the scrolled content's */
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  int requested;
  graphene_point_t point, in_content;
  double top, page;

  gtk_widget_get_size_request (widget, NULL, &requested);
  if (data != NULL && gtk_widget_get_height (widget) < requested && ++self->scroll_tries < 10)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  if (data == NULL)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < data->n_items; i++)
    {
      if (!data->items[i].highlight)
        continue;
      if (!sc_chart_widget_get_point_position (self->ranking, i, &point) ||
          !gtk_widget_compute_point (widget, content, &point, &in_content))
        break;
      top = gtk_adjustment_get_value (adjustment);
      page = gtk_adjustment_get_page_size (adjustment);
      /* Only when it is off screen: a visible row stays where it is */
      if (in_content.y < top + 40 || in_content.y > top + page - 40)
        gtk_adjustment_set_value (adjustment, in_content.y - page / 3);
      break;
    }
  return G_SOURCE_REMOVE;
}

static void
scroll_to_highlight (ScComparePage *self)
{
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->ranking), self->scroll_tick);
  self->scroll_tries = 0;
  self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->ranking), scroll_to_highlight_cb,
                                                    self, NULL);
}

static void
on_workbook_changed_cb (ScComparePage *self)
{
  self->stale = TRUE;
}

void
sc_compare_page_show (ScComparePage  *self,
                      ScScorer       *scorer,
                      ScPartner      *partner,
                      const ScRollup *rollup)
{
  ScWorkbook *book = scorer ? sc_scorer_get_workbook (scorer) : NULL;
  ScPartnerType type = partner ? sc_partner_get_partner_type (partner) : SC_PARTNER_SUPPLIER;
  ScScorecardGroup *scorecard = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(ScChart) ranking = NULL;
  g_autoptr(ScChart) heatmap = NULL;
  guint n;

  g_return_if_fail (SC_IS_COMPARE_PAGE (self));

  if (book == NULL || rollup == NULL || rollup->anchor == SC_PERIOD_NONE)
    {
      sc_chart_widget_set_chart (self->ranking, NULL);
      sc_chart_widget_set_chart (self->heatmap, NULL);
      return;
    }
  if (partner != NULL)
    scorecard = sc_workbook_scorecard_group_for_partner (book, partner);

  /* The same partners in the same view: only the highlight moves. With
   * thousands of partners, scoring and drawing them all again took a
   * quarter of a second per click.
   */
  if (book == self->book && !self->stale && type == self->type && scorecard == self->scorecard &&
      rollup->kind == self->rollup.kind && rollup->anchor == self->rollup.anchor &&
      sc_chart_widget_get_chart (self->ranking) != NULL && sc_chart_widget_get_chart (self->heatmap) != NULL)
    {
      sc_chart_set_highlight (sc_chart_widget_get_chart (self->ranking), partner);
      sc_chart_set_highlight (sc_chart_widget_get_chart (self->heatmap), partner);
      sc_chart_widget_chart_changed (self->ranking);
      sc_chart_widget_chart_changed (self->heatmap);
      scroll_to_highlight (self);
      return;
    }

  if (book != self->book)
    {
      if (self->book != NULL)
        g_signal_handlers_disconnect_by_data (self->book, self);
      g_set_object (&self->book, book);
      g_signal_connect_object (book, "changed", G_CALLBACK (on_workbook_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->stale = FALSE;
  self->type = type;
  self->scorecard = scorecard;
  self->rollup = *rollup;

  n = count_partners_on (book, type, partner == NULL, scorecard);
  heading = partner ? dup_ranking_heading (book, type, scorecard, n)
                    : g_strdup (type == SC_PARTNER_CUSTOMER ? _("Customers by Overall Score")
                                                            : _("Suppliers by Overall Score"));
  gtk_label_set_label (self->ranking_heading, heading);
  gtk_label_set_label (self->heatmap_heading, _("Status of Every KPI"));

  ranking = sc_chart_new (SC_CHART_RANKING, sc_chart_ranking_data_new_from_scorer (scorer, type, partner, rollup));
  heatmap = sc_chart_new (SC_CHART_HEATMAP, sc_chart_heatmap_data_new_from_scorer (scorer, type, partner, rollup));
  gtk_widget_set_size_request (GTK_WIDGET (self->ranking), -1, MAX (200, 60 + n * RANKING_ROW_HEIGHT));
  gtk_widget_set_size_request (GTK_WIDGET (self->heatmap), -1, MAX (240, 140 + n * HEATMAP_ROW_HEIGHT));
  sc_chart_widget_set_chart (self->ranking, ranking);
  sc_chart_widget_set_chart (self->heatmap, heatmap);
  if (partner != NULL)
    scroll_to_highlight (self);
}

/* Private API for tests */

ScChartWidget *
sc_compare_page_get_ranking (ScComparePage *self)
{
  g_return_val_if_fail (SC_IS_COMPARE_PAGE (self), NULL);
  return self->ranking;
}

ScChartWidget *
sc_compare_page_get_heatmap (ScComparePage *self)
{
  g_return_val_if_fail (SC_IS_COMPARE_PAGE (self), NULL);
  return self->heatmap;
}

GtkScrolledWindow *
sc_compare_page_get_scroller (ScComparePage *self)
{
  g_return_val_if_fail (SC_IS_COMPARE_PAGE (self), NULL);
  return GTK_SCROLLED_WINDOW (self->scroller);
}

const char *
sc_compare_page_get_ranking_heading (ScComparePage *self)
{
  g_return_val_if_fail (SC_IS_COMPARE_PAGE (self), NULL);
  return gtk_label_get_label (self->ranking_heading);
}
