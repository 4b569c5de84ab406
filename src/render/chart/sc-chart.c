/* sc-chart.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One handle for every chart kind: what the widget, the command line and
 * the reports hold. It dispatches drawing, hit tests, tooltips and
 * descriptions to the kind's own file and builds a chart straight from a
 * workbook.
 */

#define G_LOG_DOMAIN "sc-chart"

#include "config.h"


#include "sc-i18n.h"
#include "sc-chart.h"

struct _ScChart
{
  gatomicrefcount ref_count;
  ScChartKind     kind;
  gpointer        data;
};

G_DEFINE_BOXED_TYPE (ScChart, sc_chart, sc_chart_ref, sc_chart_unref)
G_DEFINE_QUARK (sc-chart-error-quark, sc_chart_error)

/* Takes @data, which must be the data struct of @kind. */
ScChart *
sc_chart_new (ScChartKind kind,
              gpointer    data)
{
  ScChart *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_new0 (ScChart, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->data = data;
  return self;
}

ScChart *
sc_chart_ref (ScChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
free_data (ScChartKind kind,
           gpointer    data)
{
  switch (kind)
    {
    case SC_CHART_TREND: sc_chart_trend_data_free (data); break;
    case SC_CHART_BULLET: sc_chart_bullet_data_free (data); break;
    case SC_CHART_RANKING: sc_chart_ranking_data_free (data); break;
    case SC_CHART_HEATMAP: sc_chart_heatmap_data_free (data); break;
    case SC_CHART_RADAR: sc_chart_radar_data_free (data); break;
    case SC_CHART_PARETO: sc_chart_pareto_data_free (data); break;
    default: g_assert_not_reached ();
    }
}

void
sc_chart_unref (ScChart *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      free_data (self->kind, self->data);
      g_free (self);
    }
}

ScChartKind
sc_chart_get_kind (ScChart *self)
{
  g_return_val_if_fail (self != NULL, SC_CHART_TREND);

  return self->kind;
}

gconstpointer
sc_chart_get_data (ScChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data;
}

void
sc_chart_draw (ScChart            *self,
               cairo_t            *cr,
               const ScChartStyle *style,
               double              width,
               double              height)
{
  g_return_if_fail (self != NULL);

  switch (self->kind)
    {
    case SC_CHART_TREND: sc_chart_trend_draw (cr, style, width, height, self->data); break;
    case SC_CHART_BULLET: sc_chart_bullet_draw (cr, style, width, height, self->data); break;
    case SC_CHART_RANKING: sc_chart_ranking_draw (cr, style, width, height, self->data); break;
    case SC_CHART_HEATMAP: sc_chart_heatmap_draw (cr, style, width, height, self->data); break;
    case SC_CHART_RADAR: sc_chart_radar_draw (cr, style, width, height, self->data); break;
    case SC_CHART_PARETO: sc_chart_pareto_draw (cr, style, width, height, self->data); break;
    default: g_assert_not_reached ();
    }
}

gboolean
sc_chart_hit_test (ScChart            *self,
                   const ScChartStyle *style,
                   double              width,
                   double              height,
                   double              x,
                   double              y,
                   ScChartHit         *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->kind)
    {
    case SC_CHART_TREND: return sc_chart_trend_hit_test (style, width, height, self->data, x, y, hit);
    case SC_CHART_BULLET: return sc_chart_bullet_hit_test (style, width, height, self->data, x, y, hit);
    case SC_CHART_RANKING: return sc_chart_ranking_hit_test (style, width, height, self->data, x, y, hit);
    case SC_CHART_HEATMAP: return sc_chart_heatmap_hit_test (style, width, height, self->data, x, y, hit);
    case SC_CHART_RADAR: return sc_chart_radar_hit_test (style, width, height, self->data, x, y, hit);
    case SC_CHART_PARETO: return sc_chart_pareto_hit_test (style, width, height, self->data, x, y, hit);
    default: g_assert_not_reached ();
    }
}

/* How many points keyboard navigation steps through (some may be empty:
 * sc_chart_get_point() returns FALSE for those).
 */
guint
sc_chart_get_n_points (ScChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  switch (self->kind)
    {
    case SC_CHART_TREND: return ((ScChartTrendData *) self->data)->n_values;
    case SC_CHART_BULLET: return ((ScChartBulletData *) self->data)->n_items;
    case SC_CHART_RANKING: return ((ScChartRankingData *) self->data)->n_items;
    case SC_CHART_HEATMAP:
      return ((ScChartHeatmapData *) self->data)->n_rows * ((ScChartHeatmapData *) self->data)->n_cols;
    case SC_CHART_RADAR: return ((ScChartRadarData *) self->data)->n_axes;
    case SC_CHART_PARETO: return ((ScChartParetoData *) self->data)->n_items;
    default: g_assert_not_reached ();
    }
}

gboolean
sc_chart_get_point (ScChart            *self,
                    const ScChartStyle *style,
                    double              width,
                    double              height,
                    guint               index,
                    ScChartHit         *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->kind)
    {
    case SC_CHART_TREND: return sc_chart_trend_get_point (style, width, height, self->data, index, hit);
    case SC_CHART_BULLET: return sc_chart_bullet_get_point (style, width, height, self->data, index, hit);
    case SC_CHART_RANKING: return sc_chart_ranking_get_point (style, width, height, self->data, index, hit);
    case SC_CHART_HEATMAP: return sc_chart_heatmap_get_point (style, width, height, self->data, index, hit);
    case SC_CHART_RADAR: return sc_chart_radar_get_point (style, width, height, self->data, index, hit);
    case SC_CHART_PARETO: return sc_chart_pareto_get_point (style, width, height, self->data, index, hit);
    default: g_assert_not_reached ();
    }
}

char *
sc_chart_dup_tooltip (ScChart          *self,
                      const ScChartHit *hit)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case SC_CHART_TREND: return sc_chart_trend_dup_tooltip (self->data, hit);
    case SC_CHART_BULLET: return sc_chart_bullet_dup_tooltip (self->data, hit);
    case SC_CHART_RANKING: return sc_chart_ranking_dup_tooltip (self->data, hit);
    case SC_CHART_HEATMAP: return sc_chart_heatmap_dup_tooltip (self->data, hit);
    case SC_CHART_RADAR: return sc_chart_radar_dup_tooltip (self->data, hit);
    case SC_CHART_PARETO: return sc_chart_pareto_dup_tooltip (self->data, hit);
    default: g_assert_not_reached ();
    }
}

char *
sc_chart_dup_title (ScChart *self)
{
  const char *title = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case SC_CHART_TREND: title = ((ScChartTrendData *) self->data)->title; break;
    case SC_CHART_BULLET: title = ((ScChartBulletData *) self->data)->title; break;
    case SC_CHART_RANKING: title = ((ScChartRankingData *) self->data)->title; break;
    case SC_CHART_HEATMAP: title = ((ScChartHeatmapData *) self->data)->title; break;
    case SC_CHART_RADAR: title = ((ScChartRadarData *) self->data)->title; break;
    case SC_CHART_PARETO: title = ((ScChartParetoData *) self->data)->title; break;
    default: g_assert_not_reached ();
    }
  return g_strdup (title ? title : _("Chart"));
}

/* One sentence for screen readers, e.g. "On-time delivery, 24 months,
 * latest 93.1 %, below target 95 %".
 */
char *
sc_chart_dup_description (ScChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case SC_CHART_TREND: return sc_chart_trend_dup_description (self->data);
    case SC_CHART_BULLET: return sc_chart_bullet_dup_description (self->data);
    case SC_CHART_RANKING: return sc_chart_ranking_dup_description (self->data);
    case SC_CHART_HEATMAP: return sc_chart_heatmap_dup_description (self->data);
    case SC_CHART_RADAR: return sc_chart_radar_dup_description (self->data);
    case SC_CHART_PARETO: return sc_chart_pareto_dup_description (self->data);
    default: g_assert_not_reached ();
    }
}

const char *
sc_chart_kind_to_string (ScChartKind kind)
{
  static const char *names[] = { "trend", "bullet", "ranking", "heatmap", "radar", "pareto" };

  g_return_val_if_fail (kind <= SC_CHART_PARETO, NULL);
  return names[kind];
}

gboolean
sc_chart_kind_from_string (const char  *str,
                           ScChartKind *kind)
{
  for (guint i = SC_CHART_TREND; i <= SC_CHART_PARETO; i++)
    {
      if (g_strcmp0 (str, sc_chart_kind_to_string (i)) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The format a file name's extension asks for: .png, .svg or .pdf. */
gboolean
sc_chart_format_from_filename (const char    *filename,
                               ScChartFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (filename ? filename : "", -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = SC_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = SC_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = SC_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

/* The partner's first KPI with a series, for a trend with no KPI named. */
static ScKpi *
first_kpi (ScWorkbook *book,
           ScPartner  *partner)
{
  g_autoptr(GPtrArray) series = sc_workbook_dup_partner_series (book, partner);

  return series->len ? ((const ScSeries *) g_ptr_array_index (series, 0))->kpi : NULL;
}

static gboolean
needs_partner (ScChartKind   kind,
               ScPartner    *partner,
               GError      **error)
{
  if (partner != NULL)
    return TRUE;
  g_set_error (error, SC_CHART_ERROR, SC_CHART_ERROR_NO_DATA,
               _("A %s chart needs a partner"), sc_chart_kind_to_string (kind));
  return FALSE;
}

/**
 * sc_chart_set_highlight:
 * @self: a ranking or heatmap chart
 * @partner: (nullable): the partner to highlight
 *
 * Highlights @partner's row instead of the one highlighted, so that going
 * from partner to partner does not build a chart of every partner again.
 *
 * Returns: %TRUE if the chart is of a kind that highlights a partner
 */
gboolean
sc_chart_set_highlight (ScChart   *self,
                        ScPartner *partner)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->kind)
    {
    case SC_CHART_RANKING:
      {
        ScChartRankingData *data = self->data;

        for (guint i = 0; i < data->n_items; i++)
          data->items[i].highlight = partner != NULL && data->items[i].partner == partner;
        return TRUE;
      }
    case SC_CHART_HEATMAP:
      {
        ScChartHeatmapData *data = self->data;

        data->highlight_row = -1;
        for (guint r = 0; r < data->n_rows && partner != NULL; r++)
          if (data->partners[r] == partner)
            data->highlight_row = (int) r;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

/* Builds a chart of @kind from @book: a trend of @partner's @kpi (the
 * first KPI it has when @kpi is NULL) from @first to @last; a bullet,
 * radar, ranking or heatmap at @last (SC_PERIOD_NONE: the latest period
 * with data), the last two of @partner's type with @partner highlighted;
 * a Pareto of @partner's issues, or of all when @partner is NULL.
 */
ScChart *
sc_chart_new_from_workbook (ScWorkbook  *book,
                            ScChartKind  kind,
                            ScPartner   *partner,
                            ScKpi       *kpi,
                            ScPeriod     first,
                            ScPeriod     last,
                            GError     **error)
{
  ScPartnerType type = partner ? sc_partner_get_partner_type (partner) : SC_PARTNER_SUPPLIER;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  switch (kind)
    {
    case SC_CHART_TREND:
      if (!needs_partner (kind, partner, error))
        return NULL;
      if (kpi == NULL && (kpi = first_kpi (book, partner)) == NULL)
        {
          g_set_error (error, SC_CHART_ERROR, SC_CHART_ERROR_NO_DATA,
                       _("“%s” has no KPI values"), sc_partner_get_name (partner));
          return NULL;
        }
      return sc_chart_new (kind, sc_chart_trend_data_new_from_workbook (book, partner, kpi, first, last));
    case SC_CHART_BULLET:
      if (!needs_partner (kind, partner, error))
        return NULL;
      return sc_chart_new (kind, sc_chart_bullet_data_new_from_workbook (book, partner, kpi, last));
    case SC_CHART_RANKING:
      return sc_chart_new (kind, sc_chart_ranking_data_new_from_workbook (book, type, partner, last));
    case SC_CHART_HEATMAP:
      return sc_chart_new (kind, sc_chart_heatmap_data_new_from_workbook (book, type, partner, last));
    case SC_CHART_RADAR:
      if (!needs_partner (kind, partner, error))
        return NULL;
      return sc_chart_new (kind, sc_chart_radar_data_new_from_workbook (book, partner, last));
    case SC_CHART_PARETO:
      return sc_chart_new (kind, sc_chart_pareto_data_new_from_workbook (book, partner, SC_CHART_PARETO_BY_KPI));
    default:
      g_return_val_if_reached (NULL);
    }
}
