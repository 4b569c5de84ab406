/* sc-chart-data.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-score.h"
#include "sc-scorer.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

/* What a hit test found under the pointer, or where a point of a chart is.
 * The pointers are borrowed from the chart's data. index is -1 when
 * nothing was hit.
 */
typedef struct
{
  int         index;
  ScPartner  *partner;
  ScKpi      *kpi;
  ScPeriod    period;     /* SC_PERIOD_NONE when the point has no period */
  const char *issue_id;   /* set when an issue marker was hit */
  double      x;          /* where the point is drawn, for a tooltip */
  double      y;
} ScChartHit;

void sc_chart_hit_clear (ScChartHit *hit);

/* An issue pinned to one period of a trend. */
typedef struct
{
  guint       index;      /* period offset in the trend */
  ScSeverity  severity;
  char       *id;
  char       *title;
} ScChartMarker;

/* A KPI of a partner over a run of periods. */
typedef struct
{
  char           *title;
  char           *subtitle;
  ScPartner      *partner;       /* may be NULL */
  ScKpi          *kpi;           /* may be NULL: values are plain numbers */
  ScGranularity   granularity;
  ScPeriod        first_period;
  guint           n_values;
  double         *values;        /* NaN: no data */
  ScStatus       *statuses;
  ScDirection     direction;
  double          target;        /* NaN: none */
  double          target_max;    /* upper edge of a band target */
  double          warning;
  double          critical;
  ScChartMarker  *markers;
  guint           n_markers;
} ScChartTrendData;

/* One KPI's actual against its target and qualitative ranges. */
typedef struct
{
  ScKpi       *kpi;
  char        *label;
  double       value;
  double       previous;
  ScDirection  direction;
  double       target;
  double       target_max;
  double       warning;
  double       critical;
  ScStatus     status;
} ScChartBulletItem;

typedef struct
{
  char              *title;
  char              *subtitle;
  ScPartner         *partner;
  ScPeriod           period;
  ScChartBulletItem *items;
  guint              n_items;
} ScChartBulletData;

typedef struct
{
  ScPartner *partner;
  char      *name;
  double     score;        /* NaN: no data */
  char      *grade;
  guint      grade_index;  /* 0 is the best band */
  guint      rank;
  gboolean   highlight;
} ScChartRankingItem;

/* Partners by overall score, best first. */
typedef struct
{
  char               *title;
  char               *subtitle;
  ScPeriod            period;
  guint               n_grades;
  ScChartRankingItem *items;
  guint               n_items;
} ScChartRankingData;

/* Partners (rows) × KPIs (columns): the status of each in one period. */
typedef struct
{
  char        *title;
  char        *subtitle;
  ScPeriod     period;
  guint        n_rows;
  guint        n_cols;
  ScPartner  **partners;
  char       **row_labels;
  ScKpi      **kpis;
  char       **col_labels;
  ScStatus    *statuses;     /* n_rows × n_cols, row by row */
  double      *values;
  int          highlight_row;  /* -1: none */
} ScChartHeatmapData;

typedef struct
{
  char   *category;
  char   *label;
  double  score;        /* 0–100, NaN: no data */
  double  reference;    /* e.g. the mean of all partners; NaN: none */
} ScChartRadarAxis;

/* A partner's score per KPI category. */
typedef struct
{
  char             *title;
  char             *subtitle;
  char             *reference_label;
  ScPartner        *partner;
  ScPeriod          period;
  ScChartRadarAxis *axes;
  guint             n_axes;
} ScChartRadarData;

typedef enum
{
  SC_CHART_PARETO_BY_KPI,
  SC_CHART_PARETO_BY_CATEGORY,
} ScChartParetoGroup;

typedef struct
{
  char   *label;
  ScKpi  *kpi;        /* NULL when grouped by category or not pinned */
  guint   count;
} ScChartParetoItem;

/* Issue counts, largest first, with their cumulative share. */
typedef struct
{
  char              *title;
  char              *subtitle;
  ScPartner         *partner;   /* NULL: every partner */
  ScChartParetoItem *items;
  guint              n_items;
} ScChartParetoData;

ScChartTrendData   *sc_chart_trend_data_new      (guint n_values);
void                sc_chart_trend_data_free     (ScChartTrendData   *data);
void                sc_chart_trend_data_add_marker (ScChartTrendData *data,
                                                    guint             index,
                                                    ScSeverity        severity,
                                                    const char       *id,
                                                    const char       *title);
ScChartBulletData  *sc_chart_bullet_data_new     (guint n_items);
void                sc_chart_bullet_data_free    (ScChartBulletData  *data);
ScChartRankingData *sc_chart_ranking_data_new    (guint n_items);
void                sc_chart_ranking_data_free   (ScChartRankingData *data);
ScChartHeatmapData *sc_chart_heatmap_data_new    (guint n_rows,
                                                  guint n_cols);
void                sc_chart_heatmap_data_free   (ScChartHeatmapData *data);
ScChartRadarData   *sc_chart_radar_data_new      (guint n_axes);
void                sc_chart_radar_data_free     (ScChartRadarData   *data);
ScChartParetoData  *sc_chart_pareto_data_new     (guint n_items);
void                sc_chart_pareto_data_free    (ScChartParetoData  *data);
void                sc_chart_pareto_data_sort    (ScChartParetoData  *data);

char               *sc_chart_format_value        (ScKpi              *kpi,
                                                  double              value);
char               *sc_chart_period_label        (ScGranularity       granularity,
                                                  ScPeriod            period);

/* Filled from a workbook (sc-chart-data-workbook.c) */
ScChartTrendData   *sc_chart_trend_data_new_from_workbook   (ScWorkbook *book,
                                                             ScPartner  *partner,
                                                             ScKpi      *kpi,
                                                             ScPeriod    first,
                                                             ScPeriod    last);
ScChartTrendData   *sc_chart_trend_data_new_for_view        (ScWorkbook     *book,
                                                             ScPartner      *partner,
                                                             ScKpi          *kpi,
                                                             const ScRollup *view,
                                                             guint           max_points);
ScChartBulletData  *sc_chart_bullet_data_new_from_workbook  (ScWorkbook *book,
                                                             ScPartner  *partner,
                                                             ScKpi      *kpi,
                                                             ScPeriod    period);
ScChartRankingData *sc_chart_ranking_data_new_from_workbook (ScWorkbook *book,
                                                             ScPartnerType type,
                                                             ScPartner  *highlight,
                                                             ScPeriod    period);
ScChartHeatmapData *sc_chart_heatmap_data_new_from_workbook (ScWorkbook *book,
                                                             ScPartnerType type,
                                                             ScPartner  *highlight,
                                                             ScPeriod    period);
ScChartRadarData   *sc_chart_radar_data_new_from_workbook   (ScWorkbook *book,
                                                             ScPartner  *partner,
                                                             ScPeriod    period);
ScChartRankingData *sc_chart_ranking_data_new_from_scorer   (ScScorer       *scorer,
                                                             ScPartnerType   type,
                                                             ScPartner      *highlight,
                                                             const ScRollup *rollup);
ScChartHeatmapData *sc_chart_heatmap_data_new_from_scorer   (ScScorer       *scorer,
                                                             ScPartnerType   type,
                                                             ScPartner      *highlight,
                                                             const ScRollup *rollup);
ScChartRadarData   *sc_chart_radar_data_new_from_scorer     (ScScorer       *scorer,
                                                             ScPartner      *partner,
                                                             const ScRollup *rollup);
ScChartParetoData  *sc_chart_pareto_data_new_from_workbook  (ScWorkbook *book,
                                                             ScPartner  *partner,
                                                             ScChartParetoGroup group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartTrendData, sc_chart_trend_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartBulletData, sc_chart_bullet_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartRankingData, sc_chart_ranking_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartHeatmapData, sc_chart_heatmap_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartRadarData, sc_chart_radar_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartParetoData, sc_chart_pareto_data_free)

G_END_DECLS
