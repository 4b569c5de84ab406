/* sc-chart-data.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plain data structs every chart kind draws from: creating them empty
 * (for tests and callers with their own numbers), freeing them, and the
 * value and period formatting the charts share.
 */

#define G_LOG_DOMAIN "sc-chart-data"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sc-chart-data.h"
#include "sc-language.h"

void
sc_chart_hit_clear (ScChartHit *hit)
{
  hit->index = -1;
  hit->partner = NULL;
  hit->kpi = NULL;
  hit->period = SC_PERIOD_NONE;
  hit->issue_id = NULL;
  hit->x = hit->y = 0;
}

/* Trend */

ScChartTrendData *
sc_chart_trend_data_new (guint n_values)
{
  ScChartTrendData *data = g_new0 (ScChartTrendData, 1);

  data->n_values = n_values;
  data->values = g_new (double, MAX (n_values, 1));
  data->statuses = g_new0 (ScStatus, MAX (n_values, 1));
  for (guint i = 0; i < n_values; i++)
    data->values[i] = NAN;
  data->target = data->target_max = data->warning = data->critical = NAN;
  data->first_period = sc_period_from_ymd (SC_GRANULARITY_MONTH, 2024, 1, 1);
  return data;
}

void
sc_chart_trend_data_add_marker (ScChartTrendData *data,
                                guint             index,
                                ScSeverity        severity,
                                const char       *id,
                                const char       *title)
{
  ScChartMarker *marker;

  g_return_if_fail (data != NULL);

  data->markers = g_renew (ScChartMarker, data->markers, data->n_markers + 1);
  marker = &data->markers[data->n_markers++];
  marker->index = index;
  marker->severity = severity;
  marker->id = g_strdup (id);
  marker->title = g_strdup (title);
}

void
sc_chart_trend_data_free (ScChartTrendData *data)
{
  if (data == NULL)
    return;
  for (guint i = 0; i < data->n_markers; i++)
    {
      g_free (data->markers[i].id);
      g_free (data->markers[i].title);
    }
  g_free (data->markers);
  g_free (data->values);
  g_free (data->statuses);
  g_free (data->title);
  g_free (data->subtitle);
  g_clear_object (&data->partner);
  g_clear_object (&data->kpi);
  g_free (data);
}

/* Bullet */

ScChartBulletData *
sc_chart_bullet_data_new (guint n_items)
{
  ScChartBulletData *data = g_new0 (ScChartBulletData, 1);

  data->n_items = n_items;
  data->items = g_new0 (ScChartBulletItem, MAX (n_items, 1));
  data->period = SC_PERIOD_NONE;
  for (guint i = 0; i < n_items; i++)
    {
      ScChartBulletItem *item = &data->items[i];

      item->value = item->previous = NAN;
      item->target = item->target_max = item->warning = item->critical = NAN;
    }
  return data;
}

void
sc_chart_bullet_data_free (ScChartBulletData *data)
{
  if (data == NULL)
    return;
  for (guint i = 0; i < data->n_items; i++)
    {
      g_clear_object (&data->items[i].kpi);
      g_free (data->items[i].label);
    }
  g_free (data->items);
  g_free (data->title);
  g_free (data->subtitle);
  g_clear_object (&data->partner);
  g_free (data);
}

/* Ranking */

ScChartRankingData *
sc_chart_ranking_data_new (guint n_items)
{
  ScChartRankingData *data = g_new0 (ScChartRankingData, 1);

  data->n_items = n_items;
  data->items = g_new0 (ScChartRankingItem, MAX (n_items, 1));
  data->n_grades = 4;
  data->period = SC_PERIOD_NONE;
  for (guint i = 0; i < n_items; i++)
    data->items[i].score = NAN;
  return data;
}

void
sc_chart_ranking_data_free (ScChartRankingData *data)
{
  if (data == NULL)
    return;
  for (guint i = 0; i < data->n_items; i++)
    {
      g_clear_object (&data->items[i].partner);
      g_free (data->items[i].name);
      g_free (data->items[i].grade);
    }
  g_free (data->items);
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data);
}

/* Heatmap */

ScChartHeatmapData *
sc_chart_heatmap_data_new (guint n_rows,
                           guint n_cols)
{
  ScChartHeatmapData *data = g_new0 (ScChartHeatmapData, 1);
  gsize n = (gsize) n_rows * n_cols;

  data->n_rows = n_rows;
  data->n_cols = n_cols;
  data->partners = g_new0 (ScPartner *, n_rows + 1);
  data->row_labels = g_new0 (char *, n_rows + 1);
  data->kpis = g_new0 (ScKpi *, n_cols + 1);
  data->col_labels = g_new0 (char *, n_cols + 1);
  data->statuses = g_new0 (ScStatus, MAX (n, 1));
  data->values = g_new (double, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    data->values[i] = NAN;
  data->highlight_row = -1;
  data->period = SC_PERIOD_NONE;
  return data;
}

void
sc_chart_heatmap_data_free (ScChartHeatmapData *data)
{
  if (data == NULL)
    return;
  for (guint i = 0; i < data->n_rows; i++)
    g_clear_object (&data->partners[i]);
  for (guint i = 0; i < data->n_cols; i++)
    g_clear_object (&data->kpis[i]);
  g_free (data->partners);
  g_free (data->kpis);
  g_strfreev (data->row_labels);
  g_strfreev (data->col_labels);
  g_free (data->statuses);
  g_free (data->values);
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data);
}

/* Radar */

ScChartRadarData *
sc_chart_radar_data_new (guint n_axes)
{
  ScChartRadarData *data = g_new0 (ScChartRadarData, 1);

  data->n_axes = n_axes;
  data->axes = g_new0 (ScChartRadarAxis, MAX (n_axes, 1));
  data->period = SC_PERIOD_NONE;
  for (guint i = 0; i < n_axes; i++)
    data->axes[i].score = data->axes[i].reference = NAN;
  return data;
}

void
sc_chart_radar_data_free (ScChartRadarData *data)
{
  if (data == NULL)
    return;
  for (guint i = 0; i < data->n_axes; i++)
    {
      g_free (data->axes[i].category);
      g_free (data->axes[i].label);
    }
  g_free (data->axes);
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->reference_label);
  g_clear_object (&data->partner);
  g_free (data);
}

/* Pareto */

ScChartParetoData *
sc_chart_pareto_data_new (guint n_items)
{
  ScChartParetoData *data = g_new0 (ScChartParetoData, 1);

  data->n_items = n_items;
  data->items = g_new0 (ScChartParetoItem, MAX (n_items, 1));
  return data;
}

void
sc_chart_pareto_data_free (ScChartParetoData *data)
{
  if (data == NULL)
    return;
  for (guint i = 0; i < data->n_items; i++)
    {
      g_free (data->items[i].label);
      g_clear_object (&data->items[i].kpi);
    }
  g_free (data->items);
  g_free (data->title);
  g_free (data->subtitle);
  g_clear_object (&data->partner);
  g_free (data);
}

static int
compare_pareto_items (gconstpointer a,
                      gconstpointer b)
{
  const ScChartParetoItem *ia = a, *ib = b;

  if (ia->count != ib->count)
    return ia->count > ib->count ? -1 : 1;
  return g_utf8_collate (ia->label ? ia->label : "", ib->label ? ib->label : "");
}

/* Largest count first; equal counts by label, so the order is stable. */
void
sc_chart_pareto_data_sort (ScChartParetoData *data)
{
  g_return_if_fail (data != NULL);

  if (data->n_items > 1)
    qsort (data->items, data->n_items, sizeof (ScChartParetoItem), compare_pareto_items);
}

/* Formatting */

/* A value in the KPI's unit and decimals, with the locale's grouping; a
 * plain number when there is no KPI.
 */
char *
sc_chart_format_value (ScKpi  *kpi,
                       double  value)
{
  if (kpi != NULL)
    return sc_kpi_format_value (kpi, value, TRUE);
  if (isnan (value))
    return g_strdup ("—");
  if (fabs (value) >= 1e15)
    return g_strdup_printf ("%.3g", value);
  return sc_language_format_number (NULL, value, value == floor (value) || fabs (value) >= 1000 ? 0 : 1);
}

char *
sc_chart_period_label (ScGranularity granularity,
                       ScPeriod      period)
{
  return sc_period_to_label (granularity, period);
}
