/* sc-report-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the report files share: a laid-out document is a list of pages,
 * each a list of measured items placed in points. Sections add items
 * through a flow that breaks pages; drawing replays the items.
 */

#pragma once

#include <pango/pangocairo.h>

#include "sc-chart-data.h"
#include "sc-palette.h"
#include "sc-report.h"
#include "sc-safe-file.h"
#include "sc-scorer.h"

G_BEGIN_DECLS

typedef enum
{
  SC_REPORT_FONT_BODY,      /* table cells, paragraphs */
  SC_REPORT_FONT_BODY_BOLD,
  SC_REPORT_FONT_SMALL,     /* header, footer, notes under a table */
  SC_REPORT_FONT_SMALL_BOLD, /* table headers */
  SC_REPORT_FONT_TITLE,     /* the partner's name */
  SC_REPORT_FONT_HEADING,   /* a section */
  SC_REPORT_FONT_FIGURE,    /* the overall score and grade */
  SC_REPORT_FONT_SYMBOL,    /* status and severity symbols */
  SC_REPORT_N_FONTS
} ScReportFont;

typedef enum
{
  SC_REPORT_ITEM_TEXT,
  SC_REPORT_ITEM_FILL,
  SC_REPORT_ITEM_HLINE,
  SC_REPORT_ITEM_CHART,
  SC_REPORT_ITEM_IMAGE,
  SC_REPORT_ITEM_LINK,
  SC_REPORT_ITEM_TAG_BEGIN,   /* a structure element around the items up to its end */
  SC_REPORT_ITEM_TAG_END,
} ScReportItemKind;

/* Structure roles of a tagged PDF (ISO 32000-1, 14.8.4). A text, chart or
 * image item with a role is one element of that role; without one it is
 * not in the structure tree (the running header and footer). Groups
 * (Sect, Table, TR, L) span items, and pages, between a TAG_BEGIN and a
 * TAG_END item.
 */
#define SC_REPORT_TAG_DOCUMENT "Document"
#define SC_REPORT_TAG_SECT    "Sect"
#define SC_REPORT_TAG_H1      "H1"
#define SC_REPORT_TAG_H2      "H2"
#define SC_REPORT_TAG_P       "P"
#define SC_REPORT_TAG_TABLE   "Table"
#define SC_REPORT_TAG_TR      "TR"
#define SC_REPORT_TAG_TH      "TH"
#define SC_REPORT_TAG_TD      "TD"
#define SC_REPORT_TAG_FIGURE  "Figure"
#define SC_REPORT_TAG_L       "L"
#define SC_REPORT_TAG_LI      "LI"
#define SC_REPORT_MAX_TAG_DEPTH 8

/* One thing on a page, in points from the page's top left corner. */
typedef struct
{
  ScReportItemKind  kind;
  double            x;
  double            y;
  double            width;
  double            height;
  ScColor           color;
  PangoLayout      *layout;   /* text: owned */
  double            offset;   /* text: layout y shown at @y (a paragraph split over pages) */
  ScChartTrendData *trend;    /* chart: owned */
  cairo_surface_t  *image;    /* image: a reference */
  int               target;   /* link: index into the document's targets */
  const char       *tag;      /* SC_REPORT_TAG_*: the structure role, NULL: an artifact */
  char             *alt;      /* figure: the alternative text, owned */
} ScReportItem;

typedef struct _ScReportDoc ScReportDoc;

/* How a page is drawn: with tags (a PDF), and whether it is the report's
 * last page, where the Document element closes.
 */
typedef enum
{
  SC_REPORT_DRAW_PLAIN = 0,
  SC_REPORT_DRAW_TAGS  = 1 << 0,
  SC_REPORT_DRAW_LAST  = 1 << 1,
} ScReportDrawFlags;

typedef struct
{
  GArray      *items;         /* ScReportItem */
  ScReportDoc *doc;
  guint        number;        /* 1-based within its document */
  guint        index;         /* 0-based in the whole report */
} ScReportPage;

/* Where a link or bookmark points: a page of the same document. */
typedef struct
{
  int    page;                /* 0-based within the document, -1: nowhere yet */
  double y;
} ScReportTarget;

typedef enum
{
  SC_REPORT_MARK_SUMMARY,
  SC_REPORT_MARK_CHARTS,
  SC_REPORT_MARK_ISSUES,
  SC_REPORT_MARK_NOTES,
  SC_REPORT_N_MARKS,
  SC_REPORT_MARK_NONE = SC_REPORT_N_MARKS
} ScReportMark;

/* One partner's report: its pages are numbered "Page X of Y" on their own,
 * also inside a batch.
 */
struct _ScReportDoc
{
  ScPartner       *partner;
  const ScLanguage *language;     /* what its words, numbers and dates are in; NULL: the application's */
  ScPartnerResult *result;
  char            *range_label;   /* "Jan 2025 – Dec 2025" */
  char            *view_label;    /* the summary's view, "Dec 2025" */
  char            *previous_label; /* the view before it, "Nov 2025" */
  GPtrArray       *pages;         /* ScReportPage* */
  GArray          *targets;       /* ScReportTarget, one per KPI result */
  GPtrArray       *trends;        /* ScChartTrendData*, one per KPI result, NULL: no data */
  GPtrArray       *issues;        /* ScIssue*, in the order the report lists them */
  ScReportTarget   marks[SC_REPORT_N_MARKS];
  guint            first_page;    /* index of its first page in the report */
  guint            n_ranked;      /* partners of its type and scorecard with a score */
};

/* The rank of every partner among those of its type in one view. A batch
 * computes it once, before its workers start, and they only read it:
 * ranking means scoring every partner, which per report would make a batch
 * of n partners cost n².
 */
typedef struct
{
  ScRollup    rollup;
  GHashTable *ranks;          /* ScPartner* → rank (GUINT_TO_POINTER), absent: not ranked */
  GHashTable *pools;          /* ScPartner* → partners ranked with it (same type and scorecard);
                               * NULL: n_ranked[] (a review's frozen figures) */
  guint       n_ranked[2];    /* partners with a score, per ScPartnerType */
} ScReportRanks;

/* Everything a section needs to lay out one document. */
typedef struct
{
  ScWorkbook            *book;
  const ScReportOptions *options;
  ScScorer              *scorer;
  ScReportDoc           *doc;
  PangoContext          *context;
  PangoFontDescription  *fonts[SC_REPORT_N_FONTS];
  ScTheme                theme;
  ScColor                fg;
  ScColor                muted;
  ScColor                rule;
  ScColor                stripe;
  ScColor                accent;
  cairo_surface_t       *logo;
  GDate                  today;
  ScPeriod               first;
  ScPeriod               last;

  double                 page_width;
  double                 page_height;
  double                 left;          /* content box */
  double                 right;
  double                 top;
  double                 bottom;

  ScReportPage          *page;          /* the page being filled */
  double                 y;             /* where the next block goes */

  const char            *open_tags[SC_REPORT_MAX_TAG_DEPTH];
  guint                  n_open_tags;
} ScReportFlow;

/* A table that repeats its header row on every page it runs over. */
typedef struct
{
  guint        n_columns;
  const char **headers;
  double      *widths;        /* points; the last may be 0: the rest of the line */
  double      *xaligns;       /* 0 left, 1 right */
  double       padding;
  gboolean     header_drawn;  /* on the current page */
  guint        n_rows;
  gboolean     open;          /* its Table structure element is open */
} ScReportTable;

/* A table cell: Pango markup (escape the data with g_markup_escape_text). */
typedef struct
{
  const char   *markup;
  ScReportFont  font;
} ScReportCell;

/* Sections a variant of the report adds around the standard ones. */
typedef void (*ScReportExtraFunc) (ScReportFlow *flow,
                                   gpointer      data);

typedef struct
{
  ScReportExtraFunc before;
  ScReportExtraFunc after;
  gpointer          data;
} ScReportExtra;

/* sc-report-layout.c */
void          sc_report_flow_init        (ScReportFlow          *flow,
                                          ScWorkbook            *book,
                                          const ScReportOptions *options,
                                          ScReportDoc           *doc);
void          sc_report_flow_clear       (ScReportFlow          *flow);
void          sc_report_flow_new_page    (ScReportFlow          *flow);
gboolean      sc_report_flow_ensure      (ScReportFlow          *flow,
                                          double                 height);
PangoLayout  *sc_report_flow_layout      (ScReportFlow          *flow,
                                          ScReportFont           font,
                                          const char            *text,
                                          double                 width);
PangoLayout  *sc_report_flow_markup      (ScReportFlow          *flow,
                                          ScReportFont           font,
                                          const char            *markup,
                                          double                 width);
double        sc_report_layout_height    (PangoLayout           *layout);
double        sc_report_layout_width     (PangoLayout           *layout);
ScReportItem *sc_report_flow_add_layout  (ScReportFlow          *flow,
                                          PangoLayout           *layout,
                                          double                 x,
                                          double                 y,
                                          const ScColor         *color);
ScReportItem *sc_report_flow_add_text    (ScReportFlow          *flow,
                                          ScReportFont           font,
                                          const char            *text,
                                          double                 x,
                                          double                 y,
                                          double                 width,
                                          const ScColor         *color);
void          sc_report_flow_add_fill    (ScReportFlow          *flow,
                                          double                 x,
                                          double                 y,
                                          double                 width,
                                          double                 height,
                                          const ScColor         *color);
void          sc_report_flow_add_hline   (ScReportFlow          *flow,
                                          double                 x,
                                          double                 y,
                                          double                 width,
                                          double                 thickness,
                                          const ScColor         *color);
ScReportItem *sc_report_flow_add_item    (ScReportFlow          *flow,
                                          ScReportItemKind       kind);
void          sc_report_flow_paragraph   (ScReportFlow          *flow,
                                          ScReportFont           font,
                                          const char            *text,
                                          const ScColor         *color);
void          sc_report_flow_heading     (ScReportFlow          *flow,
                                          const char            *text,
                                          ScReportMark           mark,
                                          double                 keep_with_next);
void          sc_report_flow_mark        (ScReportFlow          *flow,
                                          ScReportTarget        *target);
void          sc_report_flow_begin_tag   (ScReportFlow          *flow,
                                          const char            *tag);
void          sc_report_flow_end_tag     (ScReportFlow          *flow);
void          sc_report_flow_finish      (ScReportFlow          *flow);
char         *sc_report_color_markup     (const ScColor         *color);
char         *sc_report_status_markup    (ScTheme                theme,
                                          ScStatus               status,
                                          gboolean               with_label);

void          sc_report_table_init       (ScReportTable         *table,
                                          guint                  n_columns,
                                          const char           **headers,
                                          double                *widths,
                                          double                *xaligns);
void          sc_report_table_fit        (ScReportFlow          *flow,
                                          ScReportTable         *table,
                                          guint                  column,
                                          const char            *markup,
                                          ScReportFont           font,
                                          guint                  flexible);
void          sc_report_table_fit_due    (ScReportFlow          *flow,
                                          ScReportTable         *table,
                                          guint                  column,
                                          ScIssue               *issue,
                                          guint                  flexible);
void          sc_report_table_row        (ScReportFlow          *flow,
                                          ScReportTable         *table,
                                          const ScReportCell    *cells,
                                          int                    link_target);
void          sc_report_table_end        (ScReportFlow          *flow,
                                          ScReportTable         *table);

void          sc_report_page_draw        (ScReportPage          *page,
                                          const ScReportOptions *options,
                                          cairo_t               *cr,
                                          ScReportDrawFlags      flags);
void          sc_report_page_free        (ScReportPage          *page);

/* sc-report-summary.c */
void          sc_report_add_summary      (ScReportFlow          *flow);

/* sc-report-charts.c */
GPtrArray    *sc_report_collect_trends   (ScWorkbook            *book,
                                          ScPartnerResult       *result,
                                          ScPeriod               first,
                                          ScPeriod               last);
void          sc_report_add_charts       (ScReportFlow          *flow);
void          sc_report_draw_chart       (const ScReportItem    *item,
                                          cairo_t               *cr);

/* sc-report-issues.c */
GPtrArray    *sc_report_collect_issues   (ScWorkbook            *book,
                                          ScPartner             *partner,
                                          ScPeriod               first,
                                          ScPeriod               last);
void          sc_report_add_issues       (ScReportFlow          *flow);
void          sc_report_add_notes        (ScReportFlow          *flow);

/* sc-report.c */
ScReportRanks *sc_report_ranks_new       (ScWorkbook            *book,
                                          const ScReportOptions *options,
                                          GError               **error);
void          sc_report_ranks_free       (ScReportRanks         *ranks);
ScReport     *sc_report_new_ranked       (ScWorkbook            *book,
                                          const ScReportOptions *options,
                                          const ScReportRanks   *ranks,
                                          ScReportProgressFunc   progress,
                                          gpointer               user_data,
                                          GCancellable          *cancellable,
                                          GError               **error);
ScReport     *sc_report_new_extra       (ScWorkbook            *book,
                                          const ScReportOptions *options,
                                          const ScReportRanks   *ranks,
                                          const ScReportExtra   *extra,
                                          ScReportProgressFunc   progress,
                                          gpointer               user_data,
                                          GCancellable          *cancellable,
                                          GError               **error);
const char   *sc_report_mark_get_label   (ScReportMark           mark);
const ScReportOptions *sc_report_get_options (ScReport          *self);
GPtrArray    *sc_report_get_docs         (ScReport              *self);
GPtrArray    *sc_report_get_pages        (ScReport              *self);

/* sc-report-pdf-tags.c: cairo's PDF stream, and what it cannot tag */
typedef struct
{
  ScSafeFile *out;
  guint64     written;        /* bytes so far */
  GByteArray *tail;           /* what was written since the capture began, or NULL */
  guint64     tail_start;
} ScReportPdfStream;

cairo_status_t sc_report_pdf_stream_write_cb (void                *closure,
                                              const unsigned char *data,
                                              unsigned int         length);
void          sc_report_pdf_stream_capture (ScReportPdfStream   *stream);
void          sc_report_pdf_stream_clear (ScReportPdfStream     *stream);
gboolean      sc_report_pdf_complete_tags (ScReportPdfStream    *stream,
                                           const char           *language,
                                           GPtrArray            *alts,
                                           GError              **error);
char         *sc_report_language_tag     (const char            *language);

/* sc-report-export.c */
gboolean      sc_report_write_pdf_to     (ScReport              *report,
                                          ScSafeFile            *out,
                                          ScReportProgressFunc   progress,
                                          gpointer               user_data,
                                          GCancellable          *cancellable,
                                          GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReportRanks, sc_report_ranks_free)

G_END_DECLS
