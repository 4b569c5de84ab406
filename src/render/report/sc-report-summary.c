/* sc-report-summary.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first page of a partner's report: who and when, the overall score,
 * grade, trend and rank, the category scores, and the KPI table (status
 * symbol and word, value, target, change, score), each row linked to the
 * KPI's trend chart.
 */

#define G_LOG_DOMAIN "sc-report-summary"

#include "config.h"

#include <math.h>

#include "sc-i18n.h"
#include "sc-report-private.h"
#include "sc-scorecard-group.h"
#include "sc-standing.h"

#define LOGO_MAX_WIDTH  150.0
#define LOGO_MAX_HEIGHT 46.0
#define PANEL_HEIGHT    80.0

/* The logo's size scaled down to fit its box, never up. */
static void
logo_size (cairo_surface_t *logo,
           double          *width,
           double          *height)
{
  double w = cairo_image_surface_get_width (logo);
  double h = cairo_image_surface_get_height (logo);
  double scale = MIN (1.0, MIN (LOGO_MAX_WIDTH / w, LOGO_MAX_HEIGHT / h));

  *width = w * scale;
  *height = h * scale;
}

static char *
dup_date_label (ScReportFlow *flow)
{
  return sc_language_format_long_date (NULL, &flow->today);
}

static char *
dup_meta_line (ScReportFlow *flow)
{
  ScReportDoc *doc = flow->doc;
  const char *contact = sc_partner_get_contact (doc->partner);
  g_autofree char *date = dup_date_label (flow);
  GString *line = g_string_new (NULL);

  /* Translators: the period range a report covers, then the period scored */
  g_string_append_printf (line, _("Period %s · scored for %s"), doc->range_label, doc->view_label);
  if (contact != NULL && contact[0] != '\0')
    g_string_append_printf (line, " · %s %s", _("Contact:"), contact);
  /* Translators: the date the report was made */
  g_string_append_printf (line, " · %s %s", _("Issued"), date);
  return g_string_free (line, FALSE);
}

static void
add_title (ScReportFlow *flow)
{
  ScReportDoc *doc = flow->doc;
  double width = flow->right - flow->left;
  double logo_w = 0, logo_h = 0, text_w;
  const char *kicker = sc_partner_get_partner_type (doc->partner) == SC_PARTNER_CUSTOMER
                       ? _("Customer scorecard") : _("Supplier scorecard");
  g_autofree char *upper = g_utf8_strup (kicker, -1);
  g_autofree char *meta = dup_meta_line (flow);
  ScReportItem *item;
  double top = flow->y;

  if (flow->logo != NULL)
    {
      logo_size (flow->logo, &logo_w, &logo_h);
      item = sc_report_flow_add_item (flow, SC_REPORT_ITEM_IMAGE);
      item->image = cairo_surface_reference (flow->logo);
      item->x = flow->right - logo_w;
      item->y = flow->y;
      item->width = logo_w;
      item->height = logo_h;
      item->tag = SC_REPORT_TAG_FIGURE;
      /* Translators: the alternative text of the company's logo on a report */
      item->alt = g_strdup_printf (_("Logo of %s"), flow->options->company ? flow->options->company : "");
    }
  text_w = width - (logo_w > 0 ? logo_w + 18 : 0);

  item = sc_report_flow_add_text (flow, SC_REPORT_FONT_SMALL_BOLD, upper, flow->left, flow->y,
                                  text_w, &flow->accent);
  flow->y += item->height + 2;
  item = sc_report_flow_add_text (flow, SC_REPORT_FONT_TITLE, sc_partner_get_name (doc->partner),
                                  flow->left, flow->y, text_w, &flow->fg);
  item->tag = SC_REPORT_TAG_H1;
  flow->y += item->height + 3;
  item = sc_report_flow_add_text (flow, SC_REPORT_FONT_BODY, meta, flow->left, flow->y, text_w,
                                  &flow->muted);
  flow->y = MAX (flow->y + item->height, top + logo_h) + 14;
}

/* One box of the score panel: a caption, a big figure, a line of detail. */
static void
add_panel_box (ScReportFlow *flow,
               double        x,
               double        width,
               const char   *caption,
               const char   *figure,
               const char   *detail)
{
  double inner = width - 16;
  ScReportItem *item;
  double y = flow->y + 8;

  sc_report_flow_add_fill (flow, x, flow->y, width, PANEL_HEIGHT, &flow->stripe);
  item = sc_report_flow_add_text (flow, SC_REPORT_FONT_SMALL_BOLD, caption, x + 8, y, inner, &flow->muted);
  pango_layout_set_ellipsize (item->layout, PANGO_ELLIPSIZE_END);
  y += item->height;
  item = sc_report_flow_add_text (flow, SC_REPORT_FONT_FIGURE, figure, x + 8, y, inner, &flow->fg);
  pango_layout_set_ellipsize (item->layout, PANGO_ELLIPSIZE_END);
  y += item->height;
  item = sc_report_flow_add_text (flow, SC_REPORT_FONT_SMALL, detail, x + 8, y, inner, &flow->fg);
  pango_layout_set_height (item->layout, (int) ((flow->y + PANEL_HEIGHT - y - 4) * PANGO_SCALE));
  pango_layout_set_ellipsize (item->layout, PANGO_ELLIPSIZE_END);
  item->height = sc_report_layout_height (item->layout);
}

/* "+1.2" or "−1.2", with a real minus sign. */
static char *
dup_signed (double value)
{
  g_autofree char *number = sc_language_format_number (NULL, fabs (value), 1);

  return g_strdup_printf ("%s%s", value < -0.05 ? "−" : value > 0.05 ? "+" : "", number);
}

static char *
dup_grade_bands (ScWorkbook *book)
{
  GString *bands = g_string_new (NULL);
  guint n = sc_workbook_get_n_grade_bands (book);

  for (guint i = 0; i < n; i++)
    {
      const ScGradeBand *band = sc_workbook_get_grade_band (book, i);

      if (i + 1 < n)
        {
          g_autofree char *min = sc_language_format_number (NULL, band->min_score,
                                                            band->min_score == floor (band->min_score) ? 0 : 1);

          g_string_append_printf (bands, "%s%s ≥ %s", i ? " · " : "", band->grade, min);
        }
      else
        g_string_append_printf (bands, "%s%s %s", i ? " · " : "", band->grade, _("below"));
    }
  return g_string_free (bands, FALSE);
}

/* "among 12 suppliers", and with scorecard groups "on the Castings
 * scorecard" too: a rank never compares partners on different scorecards.
 */
static char *
dup_rank_detail (ScReportFlow *flow)
{
  ScPartnerResult *r = flow->doc->result;
  guint n = flow->doc->n_ranked;
  g_autofree char *among = NULL;

  if (r->rank == 0)
    return g_strdup (_("not ranked without data"));

  among = g_strdup_printf (sc_partner_get_partner_type (r->partner) == SC_PARTNER_CUSTOMER
                           ? LN_ (NULL, "among %u customer", "among %u customers", n)
                           : LN_ (NULL, "among %u supplier", "among %u suppliers", n), n);
  if (sc_workbook_get_n_scorecard_groups (flow->book) == 0)
    return g_steal_pointer (&among);
  if (r->scorecard != NULL)
    /* Translators: "among 12 suppliers" on the "Castings" scorecard */
    return g_strdup_printf (_("%s on the %s scorecard"), among, sc_scorecard_group_get_name (r->scorecard));
  /* Translators: "among 12 suppliers" on the default scorecard */
  return g_strdup_printf (_("%s on the default scorecard"), among);
}

static void
add_score_panel (ScReportFlow *flow)
{
  ScPartnerResult *r = flow->doc->result;
  double gap = 8, width = (flow->right - flow->left - 3 * gap) / 4, x = flow->left;
  g_autofree char *score = isnan (r->score) ? g_strdup ("—") : sc_language_format_number (NULL, r->score, 1);
  g_autofree char *delta = dup_signed (r->change);
  const ScPeriodWeighting *weighting = sc_workbook_get_period_weighting (flow->book);
  g_autofree char *change = isnan (r->change) ? g_strdup (_("no change to compare"))
                            : sc_period_weighting_is_latest (weighting)
                            ? g_strdup_printf (_("out of 100, %s on the previous period"), delta)
                            /* A score over several periods (docs/scoring.md) says so */
                            : g_strdup_printf (_("out of 100 over the last %u periods, %s on the previous period"),
                                               weighting->n_periods, delta);
  g_autofree char *per = dup_signed (r->slope);
  g_autofree char *bands = dup_grade_bands (flow->book);
  g_autofree char *slope = isnan (r->slope) ? g_strdup (_("Too little data for a trend"))
                           : g_strdup_printf (_("%s, %s points a period over %u periods"),
                                              sc_trend_get_label (r->trend), per,
                                              sc_workbook_get_trend_periods (flow->book));
  const char *arrow = r->trend == SC_TREND_IMPROVING ? "↗" : r->trend == SC_TREND_DECLINING ? "↘"
                      : r->trend == SC_TREND_STABLE ? "→" : "—";
  g_autofree char *rank = r->rank ? g_strdup_printf ("%u", r->rank) : g_strdup ("—");
  g_autofree char *rank_detail = dup_rank_detail (flow);
  const ScGradeBand *standing = sc_workbook_standing_for_score (flow->book, r->score);
  g_autofree char *standing_figure = standing ? g_strdup_printf ("%s %s", standing->symbol, standing->grade)
                                              : g_strdup ("—");
  /* The action says what the standing means; without one, the bands do */
  const char *standing_detail = standing && *standing->action ? sc_standing_action_label (standing->action) : bands;

  sc_report_flow_ensure (flow, PANEL_HEIGHT);
  add_panel_box (flow, x, width, _("Overall score"), score, change);
  add_panel_box (flow, x += width + gap, width, _("Standing"), standing_figure, standing_detail);
  add_panel_box (flow, x += width + gap, width, _("Trend"), arrow, slope);
  add_panel_box (flow, x += width + gap, width, _("Rank"), rank, rank_detail);
  flow->y += PANEL_HEIGHT + 14;
}

/* What a category without a score says: "no target" when its KPIs have
 * values but none has a target yet, "no data" otherwise.
 */
static const char *
unscored_category_label (ScPartnerResult *result,
                         const char      *category)
{
  for (guint i = 0; i < result->kpis->len; i++)
    {
      ScKpiResult *kr = &g_array_index (result->kpis, ScKpiResult, i);

      if (kr->status == SC_STATUS_NO_TARGET && g_strcmp0 (sc_kpi_get_category (kr->kpi), category) == 0)
        return _("no target");
    }

  return _("no data");
}

/* A bar per category, with its score as a number: the bar only repeats it. */
static void
add_categories (ScReportFlow *flow)
{
  GArray *categories = flow->doc->result->categories;
  double label_w = 120, number_w = 56;
  double bar_w = flow->right - flow->left - label_w - number_w;

  if (categories->len == 0)
    return;
  sc_report_flow_heading (flow, _("Category scores"), SC_REPORT_MARK_NONE, 14);
  for (guint i = 0; i < categories->len; i++)
    {
      ScCategoryResult *cat = &g_array_index (categories, ScCategoryResult, i);
      g_autofree char *number = isnan (cat->score) ? g_strdup (unscored_category_label (flow->doc->result, cat->category))
                                                   : sc_language_format_number (NULL, cat->score, 1);
      ScReportItem *item;
      double row = 15;

      sc_report_flow_ensure (flow, row);
      item = sc_report_flow_add_text (flow, SC_REPORT_FONT_BODY, sc_category_get_label (cat->category),
                                      flow->left, flow->y + 1.5, label_w - 8, &flow->fg);
      pango_layout_set_ellipsize (item->layout, PANGO_ELLIPSIZE_END);
      sc_report_flow_add_fill (flow, flow->left + label_w, flow->y + 4, bar_w - 10, 7, &flow->stripe);
      if (!isnan (cat->score))
        sc_report_flow_add_fill (flow, flow->left + label_w, flow->y + 4,
                                 (bar_w - 10) * CLAMP (cat->score, 0, 100) / 100, 7, &flow->accent);
      item = sc_report_flow_add_text (flow, SC_REPORT_FONT_BODY_BOLD, number, flow->right - number_w,
                                      flow->y + 1.5, number_w, &flow->fg);
      pango_layout_set_alignment (item->layout, PANGO_ALIGN_RIGHT);
      flow->y += row;
    }
}

static char *
dup_target (ScKpiResult *kr)
{
  g_autofree char *target = sc_kpi_format_value (kr->kpi, kr->target, TRUE);

  if (isnan (kr->target))
    /* Translators: in the Target column, for a KPI without a target */
    return g_strdup (_("not set"));
  switch (sc_kpi_get_direction (kr->kpi))
    {
    case SC_DIRECTION_HIGHER:
      return g_strdup_printf ("≥ %s", target);
    case SC_DIRECTION_LOWER:
      return g_strdup_printf ("≤ %s", target);
    case SC_DIRECTION_BAND:
    default:
      {
        g_autofree char *lo = sc_kpi_format_value (kr->kpi, kr->target, FALSE);
        g_autofree char *hi = sc_kpi_format_value (kr->kpi, sc_kpi_get_target_max (kr->kpi), TRUE);
        return g_strdup_printf ("%s – %s", lo, hi);
      }
    }
}

/* How far @value is on the wrong side of the target, so that a change can
 * be called better or worse whatever the KPI's direction.
 */
static double
distance_from_target (ScKpiResult *kr,
                      double       value)
{
  switch (sc_kpi_get_direction (kr->kpi))
    {
    case SC_DIRECTION_HIGHER:
      return -value;
    case SC_DIRECTION_LOWER:
      return value;
    case SC_DIRECTION_BAND:
    default:
      return MAX (0, MAX (kr->target - value, value - sc_kpi_get_target_max (kr->kpi)));
    }
}

/* The change against the previous period, with "better" or "worse" in
 * words, as the direction of a KPI is not obvious from the sign.
 */
static char *
dup_change_markup (ScReportFlow *flow,
                   ScKpiResult  *kr)
{
  double delta = kr->value - kr->previous;
  double before = distance_from_target (kr, kr->previous);
  double now = distance_from_target (kr, kr->value);
  g_autofree char *number = NULL;
  g_autofree char *zero = sc_kpi_format_value (kr->kpi, 0, FALSE);
  g_autofree char *hex = sc_report_color_markup (&flow->muted);
  const char *word = now < before ? _("better") : now > before ? _("worse") : _("same");

  if (isnan (delta))
    return g_strdup ("—");
  number = sc_kpi_format_value (kr->kpi, fabs (delta), FALSE);
  if (g_str_equal (number, zero))
    word = _("same");
  return g_strdup_printf ("%s%s\n<span foreground=\"%s\" size=\"smaller\">%s</span>",
                          delta > 0 ? "+" : delta < 0 ? "−" : "", number, hex, word);
}

static void
add_kpi_row (ScReportFlow  *flow,
             ScReportTable *table,
             guint          index)
{
  ScKpiResult *kr = &g_array_index (flow->doc->result->kpis, ScKpiResult, index);
  g_autofree char *status = sc_report_status_markup (flow->theme, kr->status, TRUE);
  g_autofree char *name = g_markup_escape_text (sc_kpi_get_name_in (kr->kpi, NULL), -1);
  g_autofree char *category = g_markup_escape_text (sc_category_get_label (sc_kpi_get_category (kr->kpi)), -1);
  g_autofree char *hex = sc_report_color_markup (&flow->muted);
  g_autofree char *kpi = g_strdup_printf ("%s\n<span foreground=\"%s\" size=\"smaller\">%s</span>",
                                          name, hex, category);
  g_autofree char *value = sc_kpi_format_value (kr->kpi, kr->value, TRUE);
  g_autofree char *value_m = g_markup_escape_text (value, -1);
  g_autofree char *target = dup_target (kr);
  g_autofree char *target_m = g_markup_escape_text (target, -1);
  g_autofree char *change = dup_change_markup (flow, kr);
  g_autofree char *score = isnan (kr->score) ? g_strdup ("—") : sc_language_format_number (NULL, kr->score, 0);
  ScReportCell cells[] = {
    { status, SC_REPORT_FONT_BODY },
    { kpi, SC_REPORT_FONT_BODY },
    { value_m, SC_REPORT_FONT_BODY_BOLD },
    { target_m, SC_REPORT_FONT_BODY },
    { change, SC_REPORT_FONT_BODY },
    { score, SC_REPORT_FONT_BODY },
    { "", SC_REPORT_FONT_SMALL },  /* the page number comes with the link */
  };

  sc_report_table_row (flow, table, cells,
                       flow->options->sections & SC_REPORT_SECTION_CHARTS ? (int) index : -1);
}

/* Every header on one line, and the status words too (within reason: a
 * status column never takes more than a fifth of the line).
 */
static void
fit_columns (ScReportFlow  *flow,
             ScReportTable *table)
{
  static const ScStatus statuses[] = { SC_STATUS_GREEN, SC_STATUS_AMBER, SC_STATUS_RED,
                                       SC_STATUS_NO_DATA, SC_STATUS_NO_TARGET };
  double limit = (flow->right - flow->left) / 5;

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autofree char *header = g_markup_escape_text (table->headers[c], -1);

      if (c != 1)
        sc_report_table_fit (flow, table, c, header, SC_REPORT_FONT_SMALL_BOLD, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *status = sc_report_status_markup (flow->theme, statuses[i], TRUE);
      g_autoptr(PangoLayout) layout = sc_report_flow_markup (flow, SC_REPORT_FONT_BODY, status, -1);

      if (sc_report_layout_width (layout) + 2 * table->padding < limit)
        sc_report_table_fit (flow, table, 0, status, SC_REPORT_FONT_BODY, 1);
    }
}

static void
add_kpi_table (ScReportFlow *flow)
{
  const char *headers[] = { _("Status"), _("KPI"), _("Value"), _("Target"), _("Change"),
                            _("Score"), _("Chart") };
  double widths[] = { 70, 0, 74, 78, 60, 36, 34 };
  double xaligns[] = { 0, 0, 1, 1, 1, 1, 1 };
  GArray *kpis = flow->doc->result->kpis;
  g_autofree char *legend = NULL;
  ScReportTable table;
  double rest = flow->right - flow->left;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    rest -= widths[i];
  widths[1] = rest;
  sc_report_table_init (&table, G_N_ELEMENTS (headers), headers, widths, xaligns);
  fit_columns (flow, &table);

  sc_report_flow_heading (flow, _("Key performance indicators"), SC_REPORT_MARK_NONE, 40);
  if (kpis->len == 0)
    {
      sc_report_flow_paragraph (flow, SC_REPORT_FONT_BODY, _("No KPIs are recorded for this partner."),
                                &flow->muted);
      return;
    }
  for (guint i = 0; i < kpis->len; i++)
    add_kpi_row (flow, &table, i);
  sc_report_table_end (flow, &table);

  /* Translators: the first %s is the view scored, e.g. "Q2 2025", the second
   * the one before it, "Q1 2025"
   */
  legend = g_strdup_printf (_("● on target   ▲ warning   ◆ critical   ○ no data   □ no target, not in the "
                              "score.\nScore: 100 at the target, 0 at the critical threshold. Change: %s "
                              "against %s."),
                            flow->doc->view_label, flow->doc->previous_label);
  flow->y += 5;
  sc_report_flow_paragraph (flow, SC_REPORT_FONT_SMALL, legend, &flow->muted);
}

/* The summary starts the document, on its first page. */
void
sc_report_add_summary (ScReportFlow *flow)
{
  sc_report_flow_new_page (flow);
  sc_report_flow_mark (flow, &flow->doc->marks[SC_REPORT_MARK_SUMMARY]);
  add_title (flow);
  add_score_panel (flow);
  add_categories (flow);
  add_kpi_table (flow);
}
