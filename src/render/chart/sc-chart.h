/* sc-chart.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sc-chart-bullet.h"
#include "sc-chart-data.h"
#include "sc-chart-heatmap.h"
#include "sc-chart-pareto.h"
#include "sc-chart-radar.h"
#include "sc-chart-ranking.h"
#include "sc-chart-style.h"
#include "sc-chart-trend.h"

G_BEGIN_DECLS

typedef enum
{
  SC_CHART_TREND,
  SC_CHART_BULLET,
  SC_CHART_RANKING,
  SC_CHART_HEATMAP,
  SC_CHART_RADAR,
  SC_CHART_PARETO,
} ScChartKind;

typedef enum
{
  SC_CHART_FORMAT_PNG,
  SC_CHART_FORMAT_SVG,
  SC_CHART_FORMAT_PDF,
} ScChartFormat;

#define SC_CHART_ERROR (sc_chart_error_quark())

/**
 * ScChartError:
 * @SC_CHART_ERROR_NO_DATA: the workbook has nothing to chart for the request
 * @SC_CHART_ERROR_WRITE: the chart could not be drawn into the output file;
 *   the file's own errors (a full disk, a read-only folder) come in
 *   %SC_SAFE_FILE_ERROR
 */
typedef enum
{
  SC_CHART_ERROR_NO_DATA,
  SC_CHART_ERROR_WRITE,
} ScChartError;

/* Any chart kind with its data, reference counted, so a widget, an export
 * and a report can share one.
 */
typedef struct _ScChart ScChart;

#define SC_TYPE_CHART (sc_chart_get_type())

GType        sc_chart_get_type          (void) G_GNUC_CONST;
GQuark       sc_chart_error_quark       (void);

ScChart     *sc_chart_new               (ScChartKind         kind,
                                         gpointer            data);
ScChart     *sc_chart_new_from_workbook (ScWorkbook         *book,
                                         ScChartKind         kind,
                                         ScPartner          *partner,
                                         ScKpi              *kpi,
                                         ScPeriod            first,
                                         ScPeriod            last,
                                         GError            **error);
ScChart     *sc_chart_ref               (ScChart            *self);
void         sc_chart_unref             (ScChart            *self);
ScChartKind  sc_chart_get_kind          (ScChart            *self);
gconstpointer sc_chart_get_data         (ScChart            *self);
gboolean     sc_chart_set_highlight     (ScChart            *self,
                                         ScPartner          *partner);
void         sc_chart_draw              (ScChart            *self,
                                         cairo_t            *cr,
                                         const ScChartStyle *style,
                                         double              width,
                                         double              height);
gboolean     sc_chart_hit_test          (ScChart            *self,
                                         const ScChartStyle *style,
                                         double              width,
                                         double              height,
                                         double              x,
                                         double              y,
                                         ScChartHit         *hit);
guint        sc_chart_get_n_points      (ScChart            *self);
gboolean     sc_chart_get_point         (ScChart            *self,
                                         const ScChartStyle *style,
                                         double              width,
                                         double              height,
                                         guint               index,
                                         ScChartHit         *hit);
char        *sc_chart_dup_tooltip       (ScChart            *self,
                                         const ScChartHit   *hit);
char        *sc_chart_dup_title         (ScChart            *self);
char        *sc_chart_dup_description   (ScChart            *self);
gboolean     sc_chart_export            (ScChart            *self,
                                         const ScChartStyle *style,
                                         double              width,
                                         double              height,
                                         ScChartFormat       format,
                                         const char         *filename,
                                         GError            **error);
gboolean     sc_chart_export_scaled     (ScChart            *self,
                                         const ScChartStyle *style,
                                         double              width,
                                         double              height,
                                         double              scale,
                                         ScChartFormat       format,
                                         const char         *filename,
                                         GError            **error);

const char  *sc_chart_kind_to_string    (ScChartKind         kind);
gboolean     sc_chart_kind_from_string  (const char         *str,
                                         ScChartKind        *kind);
gboolean     sc_chart_format_from_filename (const char      *filename,
                                            ScChartFormat   *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChart, sc_chart_unref)

G_END_DECLS
