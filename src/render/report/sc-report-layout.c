/* sc-report-layout.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The typesetting of a report: text measured with Pango before it is
 * placed, a flow that starts a new page when a block does not fit,
 * paragraphs that break between lines, tables that repeat their header row
 * on every page, and, once a document is laid out and its length known,
 * the header and footer with "Page X of Y" on every page.
 */

#define G_LOG_DOMAIN "sc-report-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-i18n.h"
#include "sc-chart-style.h"
#include "sc-report-private.h"

#define MARGIN_SIDE     48.0
#define MARGIN_TOP      66.0
#define MARGIN_BOTTOM   62.0
#define HEADER_BASELINE 34.0
#define FOOTER_OFFSET   40.0
#define TABLE_PADDING   3.5

static GPrivate context_key = G_PRIVATE_INIT (g_object_unref);

/* One Pango context per thread (font maps are per thread), with metrics
 * unhinted so that text measures the same in a PDF, a PNG and a print job.
 */
static PangoContext *
get_context (void)
{
  PangoContext *context = g_private_get (&context_key);

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      pango_context_set_round_glyph_positions (context, FALSE);
      cairo_font_options_destroy (options);
      g_private_set (&context_key, context);
    }
  return context;
}

static void
init_fonts (ScReportFlow *flow)
{
  static const struct { double size; PangoWeight weight; } specs[SC_REPORT_N_FONTS] = {
    [SC_REPORT_FONT_BODY] = { 8.5, PANGO_WEIGHT_NORMAL },
    [SC_REPORT_FONT_BODY_BOLD] = { 8.5, PANGO_WEIGHT_BOLD },
    [SC_REPORT_FONT_SMALL] = { 7.0, PANGO_WEIGHT_NORMAL },
    [SC_REPORT_FONT_SMALL_BOLD] = { 7.0, PANGO_WEIGHT_BOLD },
    [SC_REPORT_FONT_TITLE] = { 19.0, PANGO_WEIGHT_BOLD },
    [SC_REPORT_FONT_HEADING] = { 12.5, PANGO_WEIGHT_BOLD },
    [SC_REPORT_FONT_FIGURE] = { 28.0, PANGO_WEIGHT_BOLD },
    [SC_REPORT_FONT_SYMBOL] = { 8.5, PANGO_WEIGHT_NORMAL },
  };

  for (guint i = 0; i < SC_REPORT_N_FONTS; i++)
    {
      flow->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (flow->fonts[i], SC_CHART_FONT_FAMILY);
      pango_font_description_set_absolute_size (flow->fonts[i], specs[i].size * PANGO_SCALE);
      pango_font_description_set_weight (flow->fonts[i], specs[i].weight);
    }
}

static void
init_colors (ScReportFlow *flow)
{
  flow->theme = SC_THEME_PRINT;
  sc_palette_foreground (flow->theme, &flow->fg);
  sc_palette_muted (flow->theme, &flow->muted);
  sc_palette_grid (flow->theme, &flow->rule);
  sc_palette_accent (flow->theme, &flow->accent);
  flow->stripe = (ScColor) { 0.955, 0.955, 0.96, 1.0 };
}

void
sc_report_flow_init (ScReportFlow          *flow,
                     ScWorkbook            *book,
                     const ScReportOptions *options,
                     ScReportDoc           *doc)
{
  memset (flow, 0, sizeof *flow);
  flow->book = book;
  flow->options = options;
  flow->doc = doc;
  flow->context = g_object_ref (get_context ());
  init_fonts (flow);
  init_colors (flow);

  sc_report_page_size_get_points (options->page_size, &flow->page_width, &flow->page_height);
  flow->left = MARGIN_SIDE;
  flow->right = flow->page_width - MARGIN_SIDE;
  flow->top = MARGIN_TOP;
  flow->bottom = flow->page_height - MARGIN_BOTTOM;
}

void
sc_report_flow_clear (ScReportFlow *flow)
{
  for (guint i = 0; i < SC_REPORT_N_FONTS; i++)
    g_clear_pointer (&flow->fonts[i], pango_font_description_free);
  g_clear_object (&flow->context);
}

void
sc_report_flow_new_page (ScReportFlow *flow)
{
  ScReportPage *page = g_new0 (ScReportPage, 1);

  page->items = g_array_new (FALSE, TRUE, sizeof (ScReportItem));
  page->doc = flow->doc;
  g_ptr_array_add (flow->doc->pages, page);
  page->number = flow->doc->pages->len;
  flow->page = page;
  flow->y = flow->top;
}

/* Makes room for a block @height tall: starts a new page when it does not
 * fit below what is there. Returns TRUE when a page was started.
 */
gboolean
sc_report_flow_ensure (ScReportFlow *flow,
                       double        height)
{
  if (flow->page != NULL && (flow->y + height <= flow->bottom || flow->y <= flow->top))
    return FALSE;
  sc_report_flow_new_page (flow);
  return TRUE;
}

static PangoLayout *
new_layout (ScReportFlow *flow,
            ScReportFont  font,
            double        width)
{
  PangoLayout *layout = pango_layout_new (flow->context);

  pango_layout_set_font_description (layout, flow->fonts[font]);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

/* A layout of plain @text wrapped at @width points (≤ 0: one line). */
PangoLayout *
sc_report_flow_layout (ScReportFlow *flow,
                       ScReportFont  font,
                       const char   *text,
                       double        width)
{
  PangoLayout *layout = new_layout (flow, font, width);

  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

PangoLayout *
sc_report_flow_markup (ScReportFlow *flow,
                       ScReportFont  font,
                       const char   *markup,
                       double        width)
{
  PangoLayout *layout = new_layout (flow, font, width);

  pango_layout_set_markup (layout, markup ? markup : "", -1);
  return layout;
}

double
sc_report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
sc_report_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

ScReportItem *
sc_report_flow_add_item (ScReportFlow     *flow,
                         ScReportItemKind  kind)
{
  ScReportItem item = { 0 };

  if (flow->page == NULL)
    sc_report_flow_new_page (flow);
  item.kind = kind;
  item.color = flow->fg;
  item.target = -1;
  g_array_append_val (flow->page->items, item);
  return &g_array_index (flow->page->items, ScReportItem, flow->page->items->len - 1);
}

/* Places @layout (taking ownership) with its top left corner at (@x, @y). */
ScReportItem *
sc_report_flow_add_layout (ScReportFlow  *flow,
                           PangoLayout   *layout,
                           double         x,
                           double         y,
                           const ScColor *color)
{
  ScReportItem *item = sc_report_flow_add_item (flow, SC_REPORT_ITEM_TEXT);

  item->layout = layout;
  item->tag = SC_REPORT_TAG_P;
  item->x = x;
  item->y = y;
  item->height = sc_report_layout_height (layout);
  item->width = pango_layout_get_width (layout) > 0
                ? (double) pango_layout_get_width (layout) / PANGO_SCALE
                : sc_report_layout_width (layout);
  if (color != NULL)
    item->color = *color;
  return item;
}

ScReportItem *
sc_report_flow_add_text (ScReportFlow  *flow,
                         ScReportFont   font,
                         const char    *text,
                         double         x,
                         double         y,
                         double         width,
                         const ScColor *color)
{
  return sc_report_flow_add_layout (flow, sc_report_flow_layout (flow, font, text, width), x, y, color);
}

void
sc_report_flow_add_fill (ScReportFlow  *flow,
                         double         x,
                         double         y,
                         double         width,
                         double         height,
                         const ScColor *color)
{
  ScReportItem *item = sc_report_flow_add_item (flow, SC_REPORT_ITEM_FILL);

  item->x = x;
  item->y = y;
  item->width = width;
  item->height = height;
  item->color = *color;
}

void
sc_report_flow_add_hline (ScReportFlow  *flow,
                          double         x,
                          double         y,
                          double         width,
                          double         thickness,
                          const ScColor *color)
{
  ScReportItem *item = sc_report_flow_add_item (flow, SC_REPORT_ITEM_HLINE);

  item->x = x;
  item->y = y;
  item->width = width;
  item->height = thickness;
  item->color = *color;
}

/* The y of the bottom of each line of @layout, so a paragraph can be cut
 * between lines.
 */
static GArray *
line_bottoms (PangoLayout *layout)
{
  GArray *bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = (double) y1 / PANGO_SCALE;
      g_array_append_val (bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return bottoms;
}

/* A paragraph across the content width; when it does not fit, it is cut
 * between two lines and continues on the next page.
 */
void
sc_report_flow_paragraph (ScReportFlow  *flow,
                          ScReportFont   font,
                          const char    *text,
                          const ScColor *color)
{
  double width = flow->right - flow->left;
  PangoLayout *layout = sc_report_flow_layout (flow, font, text, width);
  g_autoptr(GArray) bottoms = line_bottoms (layout);
  double shown = 0;
  guint line = 0;

  while (line < bottoms->len)
    {
      double room = flow->bottom - flow->y;
      guint last = line;
      ScReportItem *item;

      while (last < bottoms->len && g_array_index (bottoms, double, last) - shown <= room)
        last++;
      if (last == line)
        {
          if (flow->y > flow->top)
            {
              sc_report_flow_new_page (flow);
              continue;
            }
          last = line + 1;  /* a line taller than a page: show it anyway */
        }
      item = sc_report_flow_add_layout (flow, line == 0 ? layout : g_object_ref (layout),
                                        flow->left, flow->y, color);
      item->offset = shown;
      item->height = g_array_index (bottoms, double, last - 1) - shown;
      flow->y += item->height;
      shown = g_array_index (bottoms, double, last - 1);
      line = last;
    }
}

void
sc_report_flow_mark (ScReportFlow   *flow,
                     ScReportTarget *target)
{
  if (flow->page == NULL)
    sc_report_flow_new_page (flow);
  target->page = (int) flow->page->number - 1;
  target->y = flow->y;
}

/* Opens a structure element of role @tag (SC_REPORT_TAG_*) around what
 * is added until sc_report_flow_end_tag(), across pages if need be. Open it
 * once the page its first content goes on is started: an element opened on
 * a page where it holds nothing would be tagged as empty content there.
 */
void
sc_report_flow_begin_tag (ScReportFlow *flow,
                          const char   *tag)
{
  g_return_if_fail (flow->n_open_tags < SC_REPORT_MAX_TAG_DEPTH);

  sc_report_flow_add_item (flow, SC_REPORT_ITEM_TAG_BEGIN)->tag = tag;
  flow->open_tags[flow->n_open_tags++] = tag;
}

void
sc_report_flow_end_tag (ScReportFlow *flow)
{
  g_return_if_fail (flow->n_open_tags > 0);

  flow->n_open_tags--;
  sc_report_flow_add_item (flow, SC_REPORT_ITEM_TAG_END)->tag = flow->open_tags[flow->n_open_tags];
}

/* A section heading, kept on one page with the first @keep_with_next
 * points of what follows it.
 */
void
sc_report_flow_heading (ScReportFlow *flow,
                        const char   *text,
                        ScReportMark  mark,
                        double        keep_with_next)
{
  PangoLayout *layout = sc_report_flow_layout (flow, SC_REPORT_FONT_HEADING, text,
                                               flow->right - flow->left);
  double height = sc_report_layout_height (layout);
  double space = flow->y > flow->top ? 16 : 0;

  /* a heading ends the table before it, if its author did not */
  while (flow->n_open_tags > 0 && g_str_equal (flow->open_tags[flow->n_open_tags - 1], SC_REPORT_TAG_TABLE))
    sc_report_flow_end_tag (flow);
  if (sc_report_flow_ensure (flow, space + height + 6 + keep_with_next))
    space = 0;
  flow->y += space;
  if (mark < SC_REPORT_N_MARKS)
    sc_report_flow_mark (flow, &flow->doc->marks[mark]);
  sc_report_flow_add_layout (flow, layout, flow->left, flow->y, &flow->fg)->tag = SC_REPORT_TAG_H2;
  flow->y += height + 2;
  sc_report_flow_add_hline (flow, flow->left, flow->y, flow->right - flow->left, 0.8, &flow->accent);
  flow->y += 6;
}

/* Colours */

char *
sc_report_color_markup (const ScColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) round (color->red * 255),
                          (int) round (color->green * 255),
                          (int) round (color->blue * 255));
}

/* "◆ Critical" with the symbol in the status colour: never colour alone. */
char *
sc_report_status_markup (ScTheme  theme,
                         ScStatus status,
                         gboolean with_label)
{
  ScColor color;
  g_autofree char *hex = NULL;
  g_autofree char *label = NULL;

  sc_palette_status_color (theme, status, &color);
  hex = sc_report_color_markup (&color);
  if (!with_label)
    return g_strdup_printf ("<span foreground=\"%s\">%s</span>", hex,
                            sc_palette_status_symbol (status));
  label = g_markup_escape_text (sc_status_get_label (status), -1);
  return g_strdup_printf ("<span foreground=\"%s\">%s</span> %s", hex,
                          sc_palette_status_symbol (status), label);
}

/* Tables */

void
sc_report_table_init (ScReportTable  *table,
                      guint           n_columns,
                      const char    **headers,
                      double         *widths,
                      double         *xaligns)
{
  memset (table, 0, sizeof *table);
  table->n_columns = n_columns;
  table->headers = headers;
  table->widths = widths;
  table->xaligns = xaligns;
  table->padding = TABLE_PADDING;
}

/* Widens column @column to hold @markup in @font on one line, taking the
 * room from column @flexible: a header or a status word in a longer
 * language ("Graphique", "Dans l’objectif") must not break inside a word.
 */
void
sc_report_table_fit (ScReportFlow  *flow,
                     ScReportTable *table,
                     guint          column,
                     const char    *markup,
                     ScReportFont   font,
                     guint          flexible)
{
  g_autoptr(PangoLayout) layout = sc_report_flow_markup (flow, font, markup, -1);
  double want = ceil (sc_report_layout_width (layout) + 2 * table->padding + 1);

  g_return_if_fail (column < table->n_columns && flexible < table->n_columns);

  if (want <= table->widths[column])
    return;
  table->widths[flexible] -= want - table->widths[column];
  table->widths[column] = want;
}

/* Lays out one row of cells; the layouts are returned in @layouts and the
 * row's height (with padding) is returned.
 */
static double
measure_row (ScReportFlow        *flow,
             ScReportTable       *table,
             const ScReportCell  *cells,
             gboolean             markup,
             PangoLayout        **layouts)
{
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double width = table->widths[c] - 2 * table->padding;
      const char *text = cells[c].markup ? cells[c].markup : "";

      layouts[c] = markup ? sc_report_flow_markup (flow, cells[c].font, text, width)
                          : sc_report_flow_layout (flow, cells[c].font, text, width);
      pango_layout_set_alignment (layouts[c], table->xaligns[c] > 0.5 ? PANGO_ALIGN_RIGHT
                                                                      : PANGO_ALIGN_LEFT);
      height = MAX (height, sc_report_layout_height (layouts[c]));
    }
  return height + 2 * table->padding;
}

/* A row link: the whole row is the link's area; its label, the page it
 * leads to, is known once the document is laid out (add_link_labels). In
 * the structure it is the content of the row's last cell.
 */
static void
add_row_link (ScReportFlow *flow,
              double        height,
              int           link_target)
{
  ScReportItem *link = sc_report_flow_add_item (flow, SC_REPORT_ITEM_LINK);

  link->x = flow->left;
  link->y = flow->y;
  link->width = flow->right - flow->left;
  link->height = height;
  link->target = link_target;
}

/* Places a row's cells, each a structure element of role @cell_tag (NULL:
 * a repeated header row, not in the structure).
 */
static void
place_row (ScReportFlow  *flow,
           ScReportTable *table,
           PangoLayout  **layouts,
           double         height,
           const ScColor *fill,
           const char    *cell_tag,
           int            link_target)
{
  double x = flow->left;

  if (fill != NULL)
    sc_report_flow_add_fill (flow, flow->left, flow->y, flow->right - flow->left, height, fill);
  for (guint c = 0; c < table->n_columns; c++)
    {
      gboolean link_cell = link_target >= 0 && c + 1 == table->n_columns;
      ScReportItem *item;

      if (link_cell)
        sc_report_flow_begin_tag (flow, cell_tag);
      item = sc_report_flow_add_layout (flow, layouts[c], x + table->padding, flow->y + table->padding,
                                        &flow->fg);
      item->tag = link_cell ? NULL : cell_tag;
      if (link_cell)
        {
          add_row_link (flow, height, link_target);
          sc_report_flow_end_tag (flow);
        }
      x += table->widths[c];
    }
  flow->y += height;
}

/* The header row; @tagged: the table's own, the first time, rather than
 * its repetition on a later page.
 */
static void
place_header (ScReportFlow  *flow,
              ScReportTable *table,
              gboolean       tagged)
{
  g_autofree ScReportCell *cells = g_new0 (ScReportCell, table->n_columns);
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, table->n_columns);
  double height;

  for (guint c = 0; c < table->n_columns; c++)
    {
      cells[c].markup = table->headers[c];
      cells[c].font = SC_REPORT_FONT_SMALL_BOLD;
    }
  height = measure_row (flow, table, cells, FALSE, layouts);
  if (tagged)
    sc_report_flow_begin_tag (flow, SC_REPORT_TAG_TR);
  place_row (flow, table, layouts, height, NULL, tagged ? SC_REPORT_TAG_TH : NULL, -1);
  if (tagged)
    sc_report_flow_end_tag (flow);
  sc_report_flow_add_hline (flow, flow->left, flow->y, flow->right - flow->left, 0.8, &flow->fg);
  flow->y += 0.8;
  table->header_drawn = TRUE;
}

static double
header_height (ScReportFlow  *flow,
               ScReportTable *table)
{
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, table->n_columns);
  g_autofree ScReportCell *cells = g_new0 (ScReportCell, table->n_columns);
  double height;

  for (guint c = 0; c < table->n_columns; c++)
    {
      cells[c].markup = table->headers[c];
      cells[c].font = SC_REPORT_FONT_SMALL_BOLD;
    }
  height = measure_row (flow, table, cells, FALSE, layouts);
  for (guint c = 0; c < table->n_columns; c++)
    g_object_unref (layouts[c]);
  return height + 0.8;
}

/* Places the lines of each cell that fit above the bottom of the page,
 * from where the part before left off (@shown, per cell). Returns TRUE
 * when every cell is shown completely.
 */
static gboolean
place_row_part (ScReportFlow  *flow,
                ScReportTable *table,
                PangoLayout  **layouts,
                GArray       **bottoms,
                double        *shown,
                const ScColor *fill)
{
  double room = flow->bottom - flow->y - 2 * table->padding;
  double height = 0, x = flow->left;
  gboolean done = TRUE;
  guint first_item = flow->page->items->len;

  if (fill != NULL)
    sc_report_flow_add_fill (flow, flow->left, flow->y, flow->right - flow->left, 0, fill);
  for (guint c = 0; c < table->n_columns; c++)
    {
      guint last = 0;
      ScReportItem *item;

      while (last < bottoms[c]->len && g_array_index (bottoms[c], double, last) - shown[c] <= room)
        last++;
      if (last > 0 && g_array_index (bottoms[c], double, last - 1) > shown[c])
        {
          item = sc_report_flow_add_layout (flow, g_object_ref (layouts[c]), x + table->padding,
                                            flow->y + table->padding, &flow->fg);
          item->tag = SC_REPORT_TAG_TD;
          item->offset = shown[c];
          item->height = g_array_index (bottoms[c], double, last - 1) - shown[c];
          height = MAX (height, item->height);
          shown[c] = g_array_index (bottoms[c], double, last - 1);
        }
      done = done && last == bottoms[c]->len;
      x += table->widths[c];
    }
  if (fill != NULL)
    g_array_index (flow->page->items, ScReportItem, first_item).height = height + 2 * table->padding;
  flow->y += height + 2 * table->padding;
  return done;
}

/* A row taller than a whole page: its cells continue on the next pages,
 * under the header row again.
 */
static void
split_row (ScReportFlow  *flow,
           ScReportTable *table,
           PangoLayout  **layouts,
           const ScColor *fill)
{
  g_autofree GArray **bottoms = g_new0 (GArray *, table->n_columns);
  g_autofree double *shown = g_new0 (double, table->n_columns);

  for (guint c = 0; c < table->n_columns; c++)
    bottoms[c] = line_bottoms (layouts[c]);
  while (!place_row_part (flow, table, layouts, bottoms, shown, fill))
    {
      sc_report_flow_new_page (flow);
      place_header (flow, table, FALSE);
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_array_unref (bottoms[c]);
      g_object_unref (layouts[c]);
    }
}

/* Adds a row of markup cells; on a new page the header row comes first.
 * With @link_target ≥ 0 the whole row links to that target.
 */
void
sc_report_table_row (ScReportFlow       *flow,
                     ScReportTable      *table,
                     const ScReportCell *cells,
                     int                 link_target)
{
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, table->n_columns);
  double height = measure_row (flow, table, cells, TRUE, layouts);
  double head = header_height (flow, table);
  const ScColor *fill = table->n_rows % 2 ? &flow->stripe : NULL;
  /* a row taller than a page starts where there is a fair amount of room */
  double want = height > flow->bottom - flow->top - head ? 120 : height;

  gboolean new_page = sc_report_flow_ensure (flow, want + (table->header_drawn ? 0 : head));

  if (!table->open)
    {
      sc_report_flow_begin_tag (flow, SC_REPORT_TAG_TABLE);
      table->open = TRUE;
      place_header (flow, table, TRUE);
    }
  else if (new_page || !table->header_drawn)
    place_header (flow, table, FALSE);
  sc_report_flow_begin_tag (flow, SC_REPORT_TAG_TR);
  if (flow->y + height > flow->bottom)
    split_row (flow, table, layouts, fill);
  else
    place_row (flow, table, layouts, height, fill, SC_REPORT_TAG_TD, link_target);
  sc_report_flow_end_tag (flow);
  sc_report_flow_add_hline (flow, flow->left, flow->y, flow->right - flow->left, 0.3, &flow->rule);
  table->n_rows++;
}

/* Closes the table's structure element, after its last row (a heading or
 * the end of the document closes it too).
 */
void
sc_report_table_end (ScReportFlow  *flow,
                     ScReportTable *table)
{
  if (!table->open)
    return;
  table->open = FALSE;
  if (flow->n_open_tags > 0 && g_str_equal (flow->open_tags[flow->n_open_tags - 1], SC_REPORT_TAG_TABLE))
    sc_report_flow_end_tag (flow);
}

/* Header and footer, once the document's length is known */

static void
add_running_text (ScReportFlow *flow,
                  ScReportPage *page)
{
  const ScReportOptions *options = flow->options;
  double width = flow->right - flow->left;
  g_autofree char *where = g_strdup_printf ("%s · %s", sc_partner_get_name (flow->doc->partner),
                                            flow->doc->range_label);
  /* Translators: the page number in a report's footer */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page->number, flow->doc->pages->len);
  PangoLayout *layout;
  guint first = page->items->len;
  double w;

  flow->page = page;
  layout = sc_report_flow_layout (flow, SC_REPORT_FONT_SMALL, where, width * 0.62);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  sc_report_flow_add_layout (flow, layout, flow->right - width * 0.62,
                             HEADER_BASELINE - sc_report_layout_height (layout), &flow->muted);
  layout = sc_report_flow_layout (flow, SC_REPORT_FONT_SMALL_BOLD, options->company, width * 0.36);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  sc_report_flow_add_layout (flow, layout, flow->left,
                             HEADER_BASELINE - sc_report_layout_height (layout), &flow->fg);
  sc_report_flow_add_hline (flow, flow->left, HEADER_BASELINE + 3, width, 0.5, &flow->rule);

  sc_report_flow_add_hline (flow, flow->left, flow->page_height - FOOTER_OFFSET - 5, width, 0.5,
                            &flow->rule);
  layout = sc_report_flow_layout (flow, SC_REPORT_FONT_SMALL, number, -1);
  w = sc_report_layout_width (layout);
  sc_report_flow_add_layout (flow, layout, flow->right - w, flow->page_height - FOOTER_OFFSET,
                             &flow->fg);
  layout = sc_report_flow_layout (flow, SC_REPORT_FONT_SMALL, options->confidentiality,
                                  width - w - 24);
  sc_report_flow_add_layout (flow, layout, flow->left, flow->page_height - FOOTER_OFFSET,
                             &flow->muted);
  /* running text repeats on every page: not part of the structure */
  for (guint i = first; i < page->items->len; i++)
    g_array_index (page->items, ScReportItem, i).tag = NULL;
}

/* A link from a table row shows the page it leads to in its last column,
 * known only once the whole document is laid out; the label is the link's
 * content.
 */
static void
add_link_labels (ScReportFlow *flow,
                 ScReportPage *page)
{
  g_autofree char *hex = sc_report_color_markup (&flow->accent);

  for (guint i = 0; i < page->items->len; i++)
    {
      ScReportItem *link = &g_array_index (page->items, ScReportItem, i);
      ScReportTarget *target;
      g_autofree char *markup = NULL;

      if (link->kind != SC_REPORT_ITEM_LINK)
        continue;
      target = &g_array_index (flow->doc->targets, ScReportTarget, link->target);
      if (target->page < 0)
        continue;
      /* Translators: "p. 3", the page a table row links to */
      markup = g_strdup_printf ("<span foreground=\"%s\">%s %d</span>", hex, _("p."), target->page + 1);
      link->layout = sc_report_flow_markup (flow, SC_REPORT_FONT_SMALL, markup, -1);
    }
}

void
sc_report_flow_finish (ScReportFlow *flow)
{
  if (flow->doc->pages->len == 0)
    sc_report_flow_new_page (flow);
  flow->page = g_ptr_array_index (flow->doc->pages, flow->doc->pages->len - 1);
  while (flow->n_open_tags > 0)
    sc_report_flow_end_tag (flow);
  for (guint i = 0; i < flow->doc->pages->len; i++)
    {
      add_link_labels (flow, g_ptr_array_index (flow->doc->pages, i));
      add_running_text (flow, g_ptr_array_index (flow->doc->pages, i));
    }
}

/* Drawing */

static void
draw_text (const ScReportItem *item,
           cairo_t            *cr)
{
  double full = sc_report_layout_height (item->layout);

  cairo_save (cr);
  if (item->offset > 0 || item->height + 0.01 < full)
    {
      cairo_rectangle (cr, item->x - 2, item->y, item->width + 4, item->height);
      cairo_clip (cr);
    }
  sc_color_set_source (cr, &item->color);
  cairo_move_to (cr, item->x, item->y - item->offset);
  pango_cairo_show_layout (cr, item->layout);
  cairo_restore (cr);
}

static void
draw_image (const ScReportItem *item,
            cairo_t            *cr)
{
  double w = cairo_image_surface_get_width (item->image);
  double h = cairo_image_surface_get_height (item->image);

  cairo_save (cr);
  cairo_translate (cr, item->x, item->y);
  cairo_scale (cr, item->width / w, item->height / h);
  cairo_set_source_surface (cr, item->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* Cairo 1.16 writes a page's link annotations when the page ends, before
 * a later page exists, so links point at named destinations, which are
 * resolved when the document ends.
 */
static char *
dup_dest_name (ScReportDoc *doc,
               int          target)
{
  return g_strdup_printf ("doc%u-kpi%d", doc->first_page, target);
}

/* The link's label in the last column of its row, and, in a PDF, the
 * link around it over the whole row.
 */
static void
draw_link (const ScReportItem *item,
           ScReportPage       *page,
           cairo_t            *cr,
           gboolean            tags)
{
  const ScReportTarget *target;
  g_autofree char *attributes = NULL;
  g_autofree char *name = NULL;

  if (item->layout == NULL || item->target < 0 || (guint) item->target >= page->doc->targets->len)
    return;
  target = &g_array_index (page->doc->targets, ScReportTarget, item->target);
  if (target->page < 0)
    return;
  name = dup_dest_name (page->doc, item->target);
  attributes = g_strdup_printf ("rect=[%.2f %.2f %.2f %.2f] dest='%s'",
                                item->x, item->y, item->width, item->height, name);
  if (tags)
    cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
  cairo_save (cr);
  sc_color_set_source (cr, &item->color);
  cairo_move_to (cr, item->x + item->width - TABLE_PADDING - sc_report_layout_width (item->layout),
                 item->y + TABLE_PADDING + 1);
  pango_cairo_show_layout (cr, item->layout);
  cairo_restore (cr);
  if (tags)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

/* A chart that a link points at is a named destination. */
static void
draw_chart (const ScReportItem *item,
            ScReportPage       *page,
            cairo_t            *cr,
            gboolean            tags)
{
  g_autofree char *attributes = NULL;
  g_autofree char *name = NULL;

  if (!tags || item->target < 0)
    {
      sc_report_draw_chart (item, cr);
      return;
    }
  /* the destination is outside the figure: only the figure is structure */
  name = dup_dest_name (page->doc, item->target);
  attributes = g_strdup_printf ("name='%s' x=%.2f y=%.2f", name, item->x, MAX (0, item->y - 12));
  cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
  sc_report_draw_chart (item, cr);
  cairo_tag_end (cr, CAIRO_TAG_DEST);
}

static void
draw_content (const ScReportItem *item,
              ScReportPage       *page,
              cairo_t            *cr,
              gboolean            tags)
{
  switch (item->kind)
    {
    case SC_REPORT_ITEM_TEXT:
      draw_text (item, cr);
      break;
    case SC_REPORT_ITEM_FILL:
      sc_color_set_source (cr, &item->color);
      cairo_rectangle (cr, item->x, item->y, item->width, item->height);
      cairo_fill (cr);
      break;
    case SC_REPORT_ITEM_HLINE:
      sc_color_set_source (cr, &item->color);
      cairo_rectangle (cr, item->x, item->y - item->height / 2, item->width, item->height);
      cairo_fill (cr);
      break;
    case SC_REPORT_ITEM_CHART:
      draw_chart (item, page, cr, tags);
      break;
    case SC_REPORT_ITEM_IMAGE:
      draw_image (item, cr);
      break;
    case SC_REPORT_ITEM_LINK:
      draw_link (item, page, cr, tags);
      break;
    case SC_REPORT_ITEM_TAG_BEGIN:
      if (tags)
        cairo_tag_begin (cr, item->tag, "");
      break;
    case SC_REPORT_ITEM_TAG_END:
      if (tags)
        cairo_tag_end (cr, item->tag);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* With @tags (a PDF), an item with a role is a structure element. */
static void
draw_item (const ScReportItem *item,
           ScReportPage       *page,
           cairo_t            *cr,
           gboolean            tags)
{
  gboolean element = tags && item->tag != NULL &&
                     item->kind != SC_REPORT_ITEM_TAG_BEGIN && item->kind != SC_REPORT_ITEM_TAG_END;

  if (element)
    cairo_tag_begin (cr, item->tag, "");
  draw_content (item, page, cr, tags);
  if (element)
    cairo_tag_end (cr, item->tag);
}

/* Draws @page in points from its top left corner on a white sheet. Tags
 * (the structure, links and destinations) only go to a PDF surface, where
 * the report is the Document element and each partner's document a
 * section (Sect) in it.
 */
void
sc_report_page_draw (ScReportPage          *page,
                     const ScReportOptions *options,
                     cairo_t               *cr,
                     ScReportDrawFlags      flags)
{
  gboolean tags = (flags & SC_REPORT_DRAW_TAGS) != 0;
  double width, height;
  const ScLanguage *before = sc_language_use (page->doc->language);

  sc_report_page_size_get_points (options->page_size, &width, &height);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  /* Tags open after the sheet: cairo drops what a page drew before an
   * opaque fill of the whole page (Letter size, in whole points), and
   * would drop a tag with it.
   */
  if (tags && page->index == 0)
    cairo_tag_begin (cr, SC_REPORT_TAG_DOCUMENT, "");
  if (tags && page->number == 1)
    cairo_tag_begin (cr, SC_REPORT_TAG_SECT, "");
  for (guint i = 0; i < page->items->len; i++)
    draw_item (&g_array_index (page->items, ScReportItem, i), page, cr, tags);
  if (tags && page->number == page->doc->pages->len)
    cairo_tag_end (cr, SC_REPORT_TAG_SECT);
  if (tags && (flags & SC_REPORT_DRAW_LAST))
    cairo_tag_end (cr, SC_REPORT_TAG_DOCUMENT);
  cairo_restore (cr);
  sc_language_use (before);
}

void
sc_report_page_free (ScReportPage *page)
{
  if (page == NULL)
    return;
  for (guint i = 0; i < page->items->len; i++)
    {
      ScReportItem *item = &g_array_index (page->items, ScReportItem, i);

      g_clear_object (&item->layout);
      g_clear_pointer (&item->trend, sc_chart_trend_data_free);
      g_clear_pointer (&item->image, cairo_surface_destroy);
      g_clear_pointer (&item->alt, g_free);
    }
  g_array_unref (page->items);
  g_free (page);
}
