/* sc-export-xlsx-sheets.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheets of an Excel export, each a table with a frozen header row and
 * an autofilter: Summary (a partner a row), Scorecard (a KPI of a partner
 * a row, its status in words and in Excel's good/neutral/bad colours),
 * Series (a KPI of a partner a row, a period a column) and Issues. The
 * workbook writes in constant memory, so every sheet is written row by
 * row, top to bottom.
 */

#define G_LOG_DOMAIN "sc-export-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "sc-export-xlsx-private.h"
#include "sc-issue.h"

#define CANCEL_CHECK_ROWS 4096

typedef struct
{
  const char *title;
  double      width;     /* characters */
} Column;

/* The header row, column widths, a frozen first row and the filter. */
static lxw_worksheet *
add_table_sheet (ScExportXlsx *self,
                 const char   *name,
                 const Column *columns,
                 guint         n_columns,
                 guint         n_rows)
{
  lxw_worksheet *ws = workbook_add_worksheet (self->wb, name);

  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (ws, (lxw_col_t) c, (lxw_col_t) c, columns[c].width, NULL);
  worksheet_freeze_panes (ws, 1, 0);
  worksheet_autofilter (ws, 0, 0, (lxw_row_t) MAX (n_rows, 1), (lxw_col_t) (n_columns - 1));
  for (guint c = 0; c < n_columns; c++)
    worksheet_write_string (ws, 0, (lxw_col_t) c, columns[c].title, self->header);
  return ws;
}

/* A number, or an empty cell for no value. Computed figures are cut to 12
 * significant digits, so that a customer's own sums start from 66, not
 * from the 66.00000000000004 that floating point left.
 */
static lxw_error
write_number (lxw_worksheet *ws,
              lxw_row_t      row,
              lxw_col_t      col,
              double         value,
              lxw_format    *format)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    return LXW_NO_ERROR;
  value = g_ascii_strtod (g_ascii_formatd (text, sizeof text, "%.12g", value), NULL);
  return worksheet_write_number (ws, row, col, value, format);
}

static lxw_error
write_text (lxw_worksheet *ws,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  if (text == NULL || text[0] == '\0')
    return LXW_NO_ERROR;
  return worksheet_write_string (ws, row, col, text, format);
}

static gboolean
cancelled (ScExportXlsx *self,
           guint         row,
           GError      **error)
{
  return row % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

/* Summary */

static lxw_error
write_summary_row (ScExportXlsx    *self,
                   lxw_worksheet   *ws,
                   lxw_row_t        row,
                   ScPartnerResult *r)
{
  ScPartner *p = r->partner;
  lxw_error status = LXW_NO_ERROR;

  status |= write_text (ws, row, 0, sc_partner_get_name (p), NULL);
  status |= write_text (ws, row, 1, sc_partner_get_id (p), NULL);
  status |= write_text (ws, row, 2, sc_partner_type_get_label (sc_partner_get_partner_type (p)), NULL);
  status |= write_number (ws, row, 3, r->score, self->score);
  status |= write_text (ws, row, 4, r->grade, NULL);
  status |= write_number (ws, row, 5, r->change, self->signed_score);
  status |= write_text (ws, row, 6, sc_trend_get_label (r->trend), NULL);
  status |= write_number (ws, row, 7, r->slope, sc_export_xlsx_number_format (self, "+0.00;-0.00;0.00"));
  if (r->rank > 0)
    status |= worksheet_write_number (ws, row, 8, r->rank, self->integer);
  status |= worksheet_write_number (ws, row, 9, sc_workbook_count_open_issues (self->book, p), self->integer);
  status |= write_text (ws, row, 10, sc_partner_get_contact (p), NULL);
  return status;
}

gboolean
sc_export_xlsx_write_summary (ScExportXlsx  *self,
                              GError       **error)
{
  const Column columns[] = {
    { _("Partner"), 34 }, { _("Partner ID"), 12 }, { _("Type"), 10 }, { _("Overall score"), 9 },
    { _("Grade"), 7 }, { _("Change"), 9 }, { _("Trend"), 11 }, { _("Points per period"), 9 },
    { _("Rank"), 7 }, { _("Open issues"), 8 }, { _("Contact"), 28 },
  };
  lxw_worksheet *ws = add_table_sheet (self, _("Summary"), columns, G_N_ELEMENTS (columns),
                                       self->results->len);

  for (guint i = 0; i < self->results->len; i++)
    {
      lxw_error status = write_summary_row (self, ws, (lxw_row_t) (i + 1),
                                            g_ptr_array_index (self->results, i));

      if (!sc_export_xlsx_check (self, status, error) || cancelled (self, i + 1, error))
        return FALSE;
    }
  return TRUE;
}

/* Scorecard */

static lxw_format *
status_format (ScExportXlsx *self,
               ScStatus      status)
{
  switch (status)
    {
    case SC_STATUS_GREEN: return self->status[0];
    case SC_STATUS_AMBER: return self->status[1];
    case SC_STATUS_RED: return self->status[2];
    case SC_STATUS_NO_DATA:
    case SC_STATUS_NO_TARGET:
    default: return NULL;
    }
}

/* The status column is coloured by its words, as Excel users colour cells:
 * a rule per status, so the colours follow a sort or an edited cell.
 */
static void
add_status_rules (ScExportXlsx  *self,
                  lxw_worksheet *ws,
                  lxw_col_t      col,
                  lxw_row_t      last_row)
{
  const ScStatus statuses[] = { SC_STATUS_GREEN, SC_STATUS_AMBER, SC_STATUS_RED };

  if (last_row < 1)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *escaped = NULL;
      g_autofree char *quoted = NULL;
      lxw_conditional_format rule = { 0 };
      g_auto(GStrv) parts = g_strsplit (sc_status_get_label (statuses[i]), "\"", -1);

      escaped = g_strjoinv ("\"\"", parts);
      quoted = g_strdup_printf ("\"%s\"", escaped);
      rule.type = LXW_CONDITIONAL_TYPE_CELL;
      rule.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
      rule.value_string = quoted;
      rule.format = status_format (self, statuses[i]);
      worksheet_conditional_format_range (ws, 1, col, last_row, col, &rule);
    }
}

static lxw_error
write_kpi_row (ScExportXlsx      *self,
               lxw_worksheet     *ws,
               lxw_row_t          row,
               ScPartner         *p,
               const ScKpiResult *kr)
{
  ScKpi *kpi = kr->kpi;
  lxw_format *number = sc_export_xlsx_kpi_format (self, kpi);
  lxw_error status = LXW_NO_ERROR;

  status |= write_text (ws, row, 0, sc_partner_get_name (p), NULL);
  status |= write_text (ws, row, 1, sc_partner_get_id (p), NULL);
  status |= write_text (ws, row, 2, sc_partner_type_get_label (sc_partner_get_partner_type (p)), NULL);
  status |= write_text (ws, row, 3, sc_category_get_label (sc_kpi_get_category (kpi)), NULL);
  status |= write_text (ws, row, 4, sc_kpi_get_name (kpi), NULL);
  status |= write_text (ws, row, 5, sc_kpi_get_id (kpi), NULL);
  status |= write_text (ws, row, 6, sc_kpi_get_unit (kpi), NULL);
  status |= write_number (ws, row, 7, sc_export_xlsx_kpi_number (kpi, kr->value), number);
  status |= write_number (ws, row, 8, sc_export_xlsx_kpi_number (kpi, kr->target), number);
  status |= write_text (ws, row, 9, sc_status_get_label (kr->status), NULL);
  status |= write_number (ws, row, 10, kr->score, self->score);
  status |= write_number (ws, row, 11, kr->weight, NULL);
  status |= write_number (ws, row, 12, sc_export_xlsx_kpi_number (kpi, kr->value - kr->previous), number);
  status |= write_number (ws, row, 13, kr->contribution, sc_export_xlsx_number_format (self, "0.00"));
  return status;
}

static guint
count_kpi_rows (ScExportXlsx *self)
{
  guint n = 0;

  for (guint i = 0; i < self->results->len; i++)
    n += ((ScPartnerResult *) g_ptr_array_index (self->results, i))->kpis->len;
  return n;
}

gboolean
sc_export_xlsx_write_scorecard (ScExportXlsx  *self,
                                GError       **error)
{
  const Column columns[] = {
    { _("Partner"), 30 }, { _("Partner ID"), 11 }, { _("Type"), 9 }, { _("Category"), 12 },
    { _("KPI"), 30 }, { _("KPI ID"), 14 }, { _("Unit"), 6 }, { _("Value"), 11 }, { _("Target"), 11 },
    { _("Status"), 11 }, { _("Score"), 7 }, { _("Weight"), 7 }, { _("Change"), 10 },
    { _("Points of the score"), 9 },
  };
  guint n_rows = count_kpi_rows (self);
  lxw_worksheet *ws = add_table_sheet (self, _("Scorecard"), columns, G_N_ELEMENTS (columns), n_rows);
  lxw_row_t row = 1;

  add_status_rules (self, ws, 9, (lxw_row_t) n_rows);
  for (guint i = 0; i < self->results->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (self->results, i);

      for (guint k = 0; k < r->kpis->len; k++, row++)
        {
          lxw_error status = write_kpi_row (self, ws, row, r->partner,
                                            &g_array_index (r->kpis, ScKpiResult, k));

          if (!sc_export_xlsx_check (self, status, error) || cancelled (self, row, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Series */

/* A month as a date cell ("Jan 2025"), a week or quarter as its name. */
static lxw_error
write_period_header (ScExportXlsx  *self,
                     lxw_worksheet *ws,
                     lxw_col_t      col,
                     ScPeriod       period)
{
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  g_autofree char *name = NULL;

  if (granularity == SC_GRANULARITY_MONTH)
    {
      lxw_datetime date = { period / 12, period % 12 + 1, 1, 0, 0, 0 };

      return worksheet_write_datetime (ws, 0, col, &date, self->month);
    }
  name = sc_period_to_string (granularity, period);
  return worksheet_write_string (ws, 0, col, name, self->header);
}

static lxw_error
write_series_row (ScExportXlsx  *self,
                  lxw_worksheet *ws,
                  lxw_row_t      row,
                  ScPartner     *p,
                  ScKpi         *kpi)
{
  ScPeriod first = sc_workbook_get_first_period (self->book);
  guint n = sc_workbook_get_n_periods (self->book);
  lxw_format *number = sc_export_xlsx_kpi_format (self, kpi);
  lxw_error status = LXW_NO_ERROR;

  status |= write_text (ws, row, 0, sc_partner_get_name (p), NULL);
  status |= write_text (ws, row, 1, sc_partner_get_id (p), NULL);
  status |= write_text (ws, row, 2, sc_kpi_get_name (kpi), NULL);
  status |= write_text (ws, row, 3, sc_kpi_get_id (kpi), NULL);
  status |= write_text (ws, row, 4, sc_kpi_get_unit (kpi), NULL);
  for (guint t = 0; t < n; t++)
    {
      double value = sc_workbook_get_value (self->book, p, kpi, first + (ScPeriod) t);

      status |= write_number (ws, row, (lxw_col_t) (5 + t), sc_export_xlsx_kpi_number (kpi, value), number);
    }
  return status;
}

gboolean
sc_export_xlsx_write_series (ScExportXlsx  *self,
                             GError       **error)
{
  const Column columns[] = {
    { _("Partner"), 30 }, { _("Partner ID"), 11 }, { _("KPI"), 30 }, { _("KPI ID"), 14 }, { _("Unit"), 6 },
  };
  guint n_periods = sc_workbook_get_n_periods (self->book);
  guint n_rows = count_kpi_rows (self);
  ScPeriod first = sc_workbook_get_first_period (self->book);
  lxw_worksheet *ws = add_table_sheet (self, _("Series"), columns, G_N_ELEMENTS (columns), n_rows);
  lxw_row_t row = 1;

  if (n_periods > 0)
    {
      worksheet_set_column (ws, 5, (lxw_col_t) (5 + n_periods - 1), 10, NULL);
      worksheet_autofilter (ws, 0, 0, (lxw_row_t) MAX (n_rows, 1), (lxw_col_t) (5 + n_periods - 1));
    }
  worksheet_freeze_panes (ws, 1, 3);
  for (guint t = 0; t < n_periods; t++)
    {
      if (!sc_export_xlsx_check (self, write_period_header (self, ws, (lxw_col_t) (5 + t), first + (ScPeriod) t),
                                 error))
        return FALSE;
    }
  for (guint i = 0; i < self->results->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (self->results, i);

      for (guint k = 0; k < r->kpis->len; k++, row++)
        {
          ScKpi *kpi = g_array_index (r->kpis, ScKpiResult, k).kpi;

          if (!sc_export_xlsx_check (self, write_series_row (self, ws, row, r->partner, kpi), error) ||
              cancelled (self, row, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Issues */

/* A "YYYY-MM-DD" due date as a date cell; anything else as text. */
static lxw_error
write_due (ScExportXlsx  *self,
           lxw_worksheet *ws,
           lxw_row_t      row,
           lxw_col_t      col,
           const char    *due)
{
  int y, m, d;
  char end;

  if (due == NULL || due[0] == '\0')
    return LXW_NO_ERROR;
  if (sscanf (due, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 && g_date_valid_dmy (d, m, y))
    {
      lxw_datetime date = { y, m, d, 0, 0, 0 };

      return worksheet_write_datetime (ws, row, col, &date, self->date);
    }
  return worksheet_write_string (ws, row, col, due, NULL);
}

static lxw_error
write_time (ScExportXlsx  *self,
            lxw_worksheet *ws,
            lxw_row_t      row,
            lxw_col_t      col,
            GDateTime     *time)
{
  g_autoptr(GDateTime) local = NULL;
  lxw_datetime when;

  if (time == NULL)
    return LXW_NO_ERROR;
  local = g_date_time_to_local (time);
  when = (lxw_datetime) { g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                          g_date_time_get_minute (local), g_date_time_get_second (local) };
  return worksheet_write_datetime (ws, row, col, &when, self->date_time);
}

static lxw_error
write_issue_row (ScExportXlsx  *self,
                 lxw_worksheet *ws,
                 lxw_row_t      row,
                 ScPartner     *p,
                 ScIssue       *issue)
{
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  const char *kpi_id = sc_issue_get_kpi_id (issue);
  ScKpi *kpi = kpi_id ? sc_workbook_lookup_kpi (self->book, kpi_id) : NULL;
  g_autofree char *period = sc_issue_get_period (issue) == SC_PERIOD_NONE ? NULL
                            : sc_period_to_string (granularity, sc_issue_get_period (issue));
  lxw_error status = LXW_NO_ERROR;

  status |= write_text (ws, row, 0, sc_issue_get_id (issue), NULL);
  status |= write_text (ws, row, 1, sc_partner_get_name (p), NULL);
  status |= write_text (ws, row, 2, sc_partner_get_id (p), NULL);
  status |= write_text (ws, row, 3, kpi ? sc_kpi_get_name (kpi) : kpi_id, NULL);
  status |= write_text (ws, row, 4, period, NULL);
  status |= write_text (ws, row, 5, sc_issue_get_title (issue), self->wrap);
  status |= write_text (ws, row, 6, sc_severity_get_label (sc_issue_get_severity (issue)), NULL);
  status |= write_text (ws, row, 7, sc_issue_status_get_label (sc_issue_get_status (issue)), NULL);
  status |= write_text (ws, row, 8, sc_issue_get_owner (issue), NULL);
  status |= write_due (self, ws, row, 9, sc_issue_get_due (issue));
  status |= write_text (ws, row, 10, sc_issue_get_action (issue), self->wrap);
  status |= write_time (self, ws, row, 11, sc_issue_get_created (issue));
  status |= write_time (self, ws, row, 12, sc_issue_get_updated (issue));
  return status;
}

/* The issues of the partners exported, in the workbook's order. */
static GPtrArray *
collect_issues (ScExportXlsx *self)
{
  g_autoptr(GHashTable) partners = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *issues = sc_workbook_get_issues (self->book);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->results->len; i++)
    {
      ScPartner *p = ((ScPartnerResult *) g_ptr_array_index (self->results, i))->partner;

      g_hash_table_insert (partners, (gpointer) sc_partner_get_id (p), p);
    }
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      if (g_hash_table_contains (partners, sc_issue_get_partner_id (issue)))
        g_ptr_array_add (out, g_steal_pointer (&issue));
    }
  return out;
}

gboolean
sc_export_xlsx_write_issues (ScExportXlsx  *self,
                             GError       **error)
{
  const Column columns[] = {
    { _("ID"), 10 }, { _("Partner"), 28 }, { _("Partner ID"), 11 }, { _("KPI"), 24 }, { _("Period"), 9 },
    { _("Issue"), 40 }, { _("Severity"), 9 }, { _("Status"), 11 }, { _("Owner"), 16 }, { _("Due"), 11 },
    { _("Corrective action"), 48 }, { _("Created"), 16 }, { _("Updated"), 16 },
  };
  g_autoptr(GPtrArray) issues = collect_issues (self);
  lxw_worksheet *ws = add_table_sheet (self, _("Issues"), columns, G_N_ELEMENTS (columns), issues->len);

  for (guint i = 0; i < issues->len; i++)
    {
      ScIssue *issue = g_ptr_array_index (issues, i);
      ScPartner *p = sc_workbook_lookup_partner (self->book, sc_issue_get_partner_id (issue));
      lxw_error status = write_issue_row (self, ws, (lxw_row_t) (i + 1), p, issue);

      if (!sc_export_xlsx_check (self, status, error) || cancelled (self, i + 1, error))
        return FALSE;
    }
  return TRUE;
}
