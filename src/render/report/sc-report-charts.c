/* sc-report-charts.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trend pages of a report: one trend chart per KPI with data in the
 * report's range, six to a page (two columns, three rows), drawn with the
 * print theme, with the target line, threshold bands and issue markers.
 * Each chart is the target of its row in the summary's KPI table.
 */

#define G_LOG_DOMAIN "sc-report-charts"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"
#include "sc-chart-trend.h"
#include "sc-report-private.h"

#define COLUMNS   2
#define ROWS      3
#define GAP       14.0
#define FONT_SIZE 7.5

static gboolean
has_values (const ScChartTrendData *data)
{
  for (guint i = 0; i < data->n_values; i++)
    {
      if (!isnan (data->values[i]))
        return TRUE;
    }
  return FALSE;
}

/* The chart's subtitle says what good looks like: the partner's name is
 * already on every page.
 */
static char *
dup_subtitle (ScKpiResult *kr)
{
  g_autofree char *target = sc_kpi_format_value (kr->kpi, kr->target, TRUE);
  const char *category = sc_category_get_label (sc_kpi_get_category (kr->kpi));

  if (isnan (kr->target))
    {
      /* Translators: a chart's subtitle: a KPI category, and that the KPI
       * has no target (lower is better: "Cost · no target, lower is better") */
      return g_strdup_printf (sc_kpi_get_direction (kr->kpi) == SC_DIRECTION_LOWER
                              ? _("%s · no target, lower is better") : _("%s · no target"), category);
    }
  switch (sc_kpi_get_direction (kr->kpi))
    {
    case SC_DIRECTION_HIGHER:
      return g_strdup_printf (_("%s · target ≥ %s"), category, target);
    case SC_DIRECTION_LOWER:
      return g_strdup_printf (_("%s · target ≤ %s"), category, target);
    case SC_DIRECTION_BAND:
    default:
      {
        g_autofree char *hi = sc_kpi_format_value (kr->kpi, sc_kpi_get_target_max (kr->kpi), TRUE);
        return g_strdup_printf (_("%s · target %s – %s"), category, target, hi);
      }
    }
}

static void
start_chart_page (ScReportFlow *flow,
                  gboolean      first)
{
  sc_report_flow_new_page (flow);
  sc_report_flow_heading (flow, first ? _("KPI trends") : _("KPI trends (continued)"),
                          first ? SC_REPORT_MARK_CHARTS : SC_REPORT_MARK_NONE, 0);
}

/* What a reader who cannot see the chart needs: the KPI, what good looks
 * like, the span and the latest value with its status (words, not colour).
 */
static char *
dup_chart_alt (const ScChartTrendData *data)
{
  ScPeriod first = data->first_period;
  g_autofree char *from = sc_period_to_label (data->granularity, first);
  g_autofree char *to = sc_period_to_label (data->granularity, first + (ScPeriod) data->n_values - 1);
  g_autofree char *when = NULL;
  g_autofree char *value = NULL;
  guint n = 0;
  int latest = -1;

  for (guint i = 0; i < data->n_values; i++)
    {
      if (isnan (data->values[i]))
        continue;
      n++;
      latest = (int) i;
    }
  if (latest < 0)
    return g_strdup_printf (_("Trend chart of %s (%s), %s to %s: no values."),
                            data->title, data->subtitle, from, to);
  when = sc_period_to_label (data->granularity, first + latest);
  value = data->kpi ? sc_kpi_format_value (data->kpi, data->values[latest], TRUE)
                    : g_strdup_printf ("%g", data->values[latest]);
  /* Translators: the alternative text of a trend chart in a PDF report:
   * "Trend chart of On-time delivery (Delivery · target ≥ 95.0 %), Jan 2025
   * to Dec 2025, 12 values; latest 96.1 % in Dec 2025: On target." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Trend chart of %s (%s), %s to %s, %u value; latest %s in %s: %s.",
                                       "Trend chart of %s (%s), %s to %s, %u values; latest %s in %s: %s.", n),
                          data->title, data->subtitle, from, to, n, value, when,
                          data->statuses ? sc_status_get_label (data->statuses[latest]) : "");
}

static void
place_chart (ScReportFlow     *flow,
             ScChartTrendData *data,
             guint             slot,
             double            grid_top,
             double            cell_width,
             double            cell_height)
{
  ScReportItem *item = sc_report_flow_add_item (flow, SC_REPORT_ITEM_CHART);

  item->trend = data;
  item->tag = SC_REPORT_TAG_FIGURE;
  item->alt = dup_chart_alt (data);
  item->x = flow->left + (slot % COLUMNS) * (cell_width + GAP);
  item->y = grid_top + (slot / COLUMNS) * (cell_height + GAP);
  item->width = cell_width;
  item->height = cell_height;
}

/* Names the KPIs left out for having no value in the range, so that a
 * missing chart is never a silent gap.
 */
static void
add_missing_note (ScReportFlow *flow,
                  GString      *missing)
{
  g_autofree char *text = NULL;

  if (missing->len == 0)
    return;
  text = g_strdup_printf (_("No data in %s for: %s."), flow->doc->range_label, missing->str);
  flow->y += 4;
  sc_report_flow_paragraph (flow, SC_REPORT_FONT_SMALL, text, &flow->muted);
}

/* The trend data of every KPI of @result, NULL where the range holds no
 * value; gathered before the layout, like the issues.
 */
GPtrArray *
sc_report_collect_trends (ScWorkbook      *book,
                          ScPartnerResult *result,
                          ScPeriod         first,
                          ScPeriod         last)
{
  GPtrArray *trends = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_trend_data_free);

  for (guint i = 0; i < result->kpis->len; i++)
    {
      ScKpiResult *kr = &g_array_index (result->kpis, ScKpiResult, i);
      ScChartTrendData *data = sc_chart_trend_data_new_from_workbook (book, result->partner, kr->kpi,
                                                                      first, last);

      if (!has_values (data))
        g_clear_pointer (&data, sc_chart_trend_data_free);
      else
        {
          g_free (data->subtitle);
          data->subtitle = dup_subtitle (kr);
        }
      g_ptr_array_add (trends, data);
    }
  return trends;
}

void
sc_report_add_charts (ScReportFlow *flow)
{
  GArray *kpis = flow->doc->result->kpis;
  g_autoptr(GString) missing = g_string_new (NULL);
  double cell_width = (flow->right - flow->left - (COLUMNS - 1) * GAP) / COLUMNS;
  double grid_top = 0, cell_height = 0;
  guint slot = 0;

  for (guint i = 0; i < kpis->len; i++)
    {
      ScKpiResult *kr = &g_array_index (kpis, ScKpiResult, i);
      ScChartTrendData *data = g_ptr_array_index (flow->doc->trends, i);
      ScReportTarget *target = &g_array_index (flow->doc->targets, ScReportTarget, i);

      if (data == NULL)
        {
          g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", sc_kpi_get_name_in (kr->kpi, NULL));
          continue;
        }
      /* the page owns the chart's data from now on */
      g_ptr_array_index (flow->doc->trends, i) = NULL;
      if (slot % (COLUMNS * ROWS) == 0)
        {
          start_chart_page (flow, slot == 0);
          grid_top = flow->y + 4;
          cell_height = (flow->bottom - grid_top - (ROWS - 1) * GAP - 24) / ROWS;
        }
      place_chart (flow, data, slot % (COLUMNS * ROWS), grid_top, cell_width, cell_height);
      g_array_index (flow->page->items, ScReportItem, flow->page->items->len - 1).target = (int) i;
      target->page = (int) flow->page->number - 1;
      target->y = grid_top + (slot % (COLUMNS * ROWS)) / COLUMNS * (cell_height + GAP);
      slot++;
      flow->y = grid_top + ((slot - 1) % (COLUMNS * ROWS) / COLUMNS + 1) * (cell_height + GAP);
    }
  if (slot == 0 && missing->len > 0)
    start_chart_page (flow, TRUE);
  add_missing_note (flow, missing);
}

void
sc_report_draw_chart (const ScReportItem *item,
                      cairo_t            *cr)
{
  ScChartStyle style;

  sc_chart_style_init (&style, SC_THEME_PRINT);
  style.font_size = FONT_SIZE;
  style.paint_background = FALSE;
  cairo_save (cr);
  cairo_translate (cr, item->x, item->y);
  cairo_rectangle (cr, 0, 0, item->width, item->height);
  cairo_clip (cr);
  sc_chart_trend_draw (cr, &style, item->width, item->height, item->trend);
  cairo_restore (cr);
}
