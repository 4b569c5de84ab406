/* sc-report-issues.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issues and actions of a partner (open ones first, then the most
 * severe), as a table that wraps long text and runs over pages, and the
 * meeting notes: the report's own notes, the workbook's notes only when
 * asked for (they are internal), or ruled lines to write on.
 */

#define G_LOG_DOMAIN "sc-report-issues"

#include "config.h"

#include <stdlib.h>

#include "sc-i18n.h"
#include "sc-report-private.h"

#define RULED_LINES 12

static gboolean
issue_is_active (ScIssue *issue)
{
  return sc_issue_get_status (issue) < SC_ISSUE_RESOLVED;
}

/* Open issues always belong in a review; resolved and closed ones when
 * they happened in the report's range.
 */
static gboolean
issue_in_report (ScIssue   *issue,
                 ScPartner *partner,
                 ScPeriod   first,
                 ScPeriod   last)
{
  ScPeriod period = sc_issue_get_period (issue);

  if (g_strcmp0 (sc_issue_get_partner_id (issue), sc_partner_get_id (partner)) != 0)
    return FALSE;
  if (issue_is_active (issue) || period == SC_PERIOD_NONE)
    return TRUE;
  return period >= first && period <= last;
}

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  ScIssue *ia = *(ScIssue **) a, *ib = *(ScIssue **) b;
  int active = issue_is_active (ib) - issue_is_active (ia);

  if (active != 0)
    return active;
  if (sc_issue_get_severity (ia) != sc_issue_get_severity (ib))
    return (int) sc_issue_get_severity (ib) - (int) sc_issue_get_severity (ia);
  return g_strcmp0 (sc_issue_get_id (ia), sc_issue_get_id (ib));
}

/* The issues of @partner a report lists, gathered before the layout (the
 * layout may run in another thread; the workbook's lists may not be read
 * from two threads at once).
 */
GPtrArray *
sc_report_collect_issues (ScWorkbook *book,
                          ScPartner  *partner,
                          ScPeriod    first,
                          ScPeriod    last)
{
  GListModel *issues = sc_workbook_get_issues (book);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);

      if (issue_in_report (issue, partner, first, last))
        g_ptr_array_add (found, g_steal_pointer (&issue));
    }
  g_ptr_array_sort (found, compare_issues);
  return found;
}

static char *
dup_issue_markup (ScReportFlow *flow,
                  ScIssue      *issue)
{
  ScKpi *kpi = sc_issue_get_kpi_id (issue) ? sc_workbook_lookup_kpi (flow->book, sc_issue_get_kpi_id (issue))
                                           : NULL;
  g_autofree char *period = sc_period_to_label (sc_workbook_get_granularity (flow->book),
                                                sc_issue_get_period (issue));
  g_autofree char *title = g_markup_escape_text (sc_issue_get_title (issue) ? sc_issue_get_title (issue) : "", -1);
  g_autofree char *where = NULL;
  g_autofree char *where_m = NULL;
  g_autofree char *hex = sc_report_color_markup (&flow->muted);

  if (kpi != NULL && sc_issue_get_period (issue) != SC_PERIOD_NONE)
    where = g_strdup_printf ("%s · %s", sc_kpi_get_name_in (kpi, NULL), period);
  else if (kpi != NULL)
    where = g_strdup (sc_kpi_get_name_in (kpi, NULL));
  else if (sc_issue_get_period (issue) != SC_PERIOD_NONE)
    where = g_strdup (period);
  else
    where = g_strdup (_("not pinned to a KPI"));
  where_m = g_markup_escape_text (where, -1);
  return g_strdup_printf ("<b>%s</b>\n<span foreground=\"%s\" size=\"smaller\">%s</span>", title, hex, where_m);
}

static char *
dup_severity_markup (ScReportFlow *flow,
                     ScIssue      *issue)
{
  ScColor color;
  g_autofree char *hex = NULL;
  static const char *symbols[] = { "▁", "▃", "▅", "▇" };
  ScSeverity severity = sc_issue_get_severity (issue);

  sc_palette_severity_color (flow->theme, severity, &color);
  hex = sc_report_color_markup (&color);
  return g_strdup_printf ("<span foreground=\"%s\">%s</span> %s", hex,
                          symbols[CLAMP (severity, SC_SEVERITY_LOW, SC_SEVERITY_CRITICAL)],
                          sc_severity_get_label (severity));
}

/* The due date; an overdue one says so in words, not only in colour. */
static char *
dup_due_markup (ScReportFlow *flow,
                ScIssue      *issue)
{
  const char *iso = sc_issue_get_due (issue);
  g_autofree char *date = NULL;
  g_autofree char *due = NULL;
  ScColor red;
  g_autofree char *hex = NULL;

  if (iso == NULL || iso[0] == '\0')
    return g_strdup ("—");
  date = sc_language_format_iso_date (NULL, iso);
  due = g_markup_escape_text (date, -1);
  if (!sc_issue_is_overdue (issue, &flow->today))
    return g_steal_pointer (&due);
  sc_palette_status_color (flow->theme, SC_STATUS_RED, &red);
  hex = sc_report_color_markup (&red);
  return g_strdup_printf ("%s\n<span foreground=\"%s\" weight=\"bold\">◆ %s</span>", due, hex, _("overdue"));
}

/* Widens the due column to hold @issue's due date on one line: "31 May"
 * above "2025" reads badly when "30 Sep 2025" beside it does not break.
 */
void
sc_report_table_fit_due (ScReportFlow  *flow,
                         ScReportTable *table,
                         guint          column,
                         ScIssue       *issue,
                         guint          flexible)
{
  const char *iso = sc_issue_get_due (issue);
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;

  if (iso == NULL || iso[0] == '\0')
    return;
  date = sc_language_format_iso_date (NULL, iso);
  markup = g_markup_escape_text (date, -1);
  sc_report_table_fit (flow, table, column, markup, SC_REPORT_FONT_SMALL, flexible);
}

static guint
add_issue_row (ScReportFlow  *flow,
               ScReportTable *table,
               ScIssue       *issue)
{
  g_autofree char *id = g_markup_escape_text (sc_issue_get_id (issue), -1);
  g_autofree char *title = dup_issue_markup (flow, issue);
  g_autofree char *severity = dup_severity_markup (flow, issue);
  g_autofree char *status = g_markup_escape_text (sc_issue_status_get_label (sc_issue_get_status (issue)), -1);
  g_autofree char *owner = g_markup_escape_text (sc_issue_get_owner (issue) ? sc_issue_get_owner (issue) : "—", -1);
  g_autofree char *due = dup_due_markup (flow, issue);
  g_autofree char *action = g_markup_escape_text (sc_issue_get_action (issue) ? sc_issue_get_action (issue) : "—", -1);
  ScReportCell cells[] = {
    { id, SC_REPORT_FONT_SMALL },
    { title, SC_REPORT_FONT_SMALL },
    { severity, SC_REPORT_FONT_SMALL },
    { status, SC_REPORT_FONT_SMALL },
    { owner, SC_REPORT_FONT_SMALL },
    { due, SC_REPORT_FONT_SMALL },
    { action, SC_REPORT_FONT_SMALL },
  };

  sc_report_table_row (flow, table, cells, -1);
  return sc_issue_is_overdue (issue, &flow->today) ? 1 : 0;
}

static char *
dup_issue_count (GPtrArray *issues,
                 guint      n_overdue)
{
  g_autofree char *total = NULL;
  g_autofree char *active = NULL;
  g_autofree char *overdue = NULL;
  guint n_active = 0;

  for (guint i = 0; i < issues->len; i++)
    n_active += issue_is_active (g_ptr_array_index (issues, i));
  /* Each count agrees with its own noun or adjective ("1 ouvert", "2 ouverts") */
  total = g_strdup_printf (LN_ (NULL, "%u issue", "%u issues", issues->len), issues->len);
  active = g_strdup_printf (LN_ (NULL, "%u open or in progress", "%u open or in progress", n_active), n_active);
  overdue = g_strdup_printf (LN_ (NULL, "%u overdue", "%u overdue", n_overdue), n_overdue);
  /* Translators: "3 issues: 1 open or in progress, 1 overdue." */
  return g_strdup_printf (_("%1$s: %2$s, %3$s."), total, active, overdue);
}

void
sc_report_add_issues (ScReportFlow *flow)
{
  const char *headers[] = { _("ID"), _("Issue"), _("Severity"), _("Status"), _("Owner"), _("Due"),
                            _("Corrective action") };
  double widths[] = { 46, 122, 50, 52, 56, 52, 0 };
  double xaligns[] = { 0, 0, 0, 0, 0, 0, 0 };
  GPtrArray *issues = flow->doc->issues;
  g_autofree char *count = NULL;
  ScReportTable table;
  guint n_overdue = 0;
  double rest = flow->right - flow->left;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    rest -= widths[i];
  widths[G_N_ELEMENTS (widths) - 1] = rest;
  sc_report_table_init (&table, G_N_ELEMENTS (headers), headers, widths, xaligns);
  for (guint c = 0; c + 1 < G_N_ELEMENTS (headers); c++)
    {
      g_autofree char *header = g_markup_escape_text (headers[c], -1);

      sc_report_table_fit (flow, &table, c, header, SC_REPORT_FONT_SMALL_BOLD, G_N_ELEMENTS (headers) - 1);
    }

  sc_report_flow_new_page (flow);
  sc_report_flow_heading (flow, _("Issues and actions"), SC_REPORT_MARK_ISSUES, 40);
  if (issues->len == 0)
    {
      sc_report_flow_paragraph (flow, SC_REPORT_FONT_BODY,
                                _("No open issues, and none raised in the period."), &flow->muted);
      return;
    }
  for (guint i = 0; i < issues->len; i++)
    sc_report_table_fit_due (flow, &table, 5, g_ptr_array_index (issues, i), G_N_ELEMENTS (headers) - 1);
  for (guint i = 0; i < issues->len; i++)
    n_overdue += add_issue_row (flow, &table, g_ptr_array_index (issues, i));
  sc_report_table_end (flow, &table);
  count = dup_issue_count (issues, n_overdue);
  flow->y += 5;
  sc_report_flow_paragraph (flow, SC_REPORT_FONT_SMALL, count, &flow->muted);
}

static void
add_paragraphs (ScReportFlow *flow,
                const char   *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      sc_report_flow_paragraph (flow, SC_REPORT_FONT_BODY, paragraphs[i], &flow->fg);
      flow->y += 5;
    }
}

/* Lines to write on in the meeting, as many as fit up to RULED_LINES. */
static void
add_ruled_lines (ScReportFlow *flow)
{
  double step = 22;

  sc_report_flow_ensure (flow, 4 * step);
  for (guint i = 0; i < RULED_LINES && flow->y + step <= flow->bottom; i++)
    {
      flow->y += step;
      sc_report_flow_add_hline (flow, flow->left, flow->y, flow->right - flow->left, 0.4, &flow->rule);
    }
}

void
sc_report_add_notes (ScReportFlow *flow)
{
  const char *notes = flow->options->notes;
  const char *book_notes = flow->options->workbook_notes ? sc_workbook_get_notes (flow->book) : NULL;
  gboolean has_notes = notes != NULL && notes[0] != '\0';
  gboolean has_book_notes = book_notes != NULL && book_notes[0] != '\0';

  sc_report_flow_heading (flow, _("Meeting notes"), SC_REPORT_MARK_NOTES, 40);
  if (has_notes)
    add_paragraphs (flow, notes);
  if (has_book_notes)
    add_paragraphs (flow, book_notes);
  if (!has_notes && !has_book_notes)
    add_ruled_lines (flow);
}
