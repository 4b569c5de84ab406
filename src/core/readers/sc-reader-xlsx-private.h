/* sc-reader-xlsx-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of a spreadsheet reader, shared by its files: the container and
 * its parts (sc-reader-xlsx.c), the workbook, styles and shared strings of an
 * .xlsx (sc-reader-xlsx-book.c), its sheets (sc-reader-xlsx-sheet.c) and the
 * content of an .ods (sc-reader-ods.c).
 */

#pragma once

#include <gsf/gsf.h>
#include <string.h>

#include "sc-reader-xlsx.h"
#include "sc-xml-scanner.h"

G_BEGIN_DECLS

#define XLSX_CHUNK_SIZE (64 * 1024)

typedef struct
{
  char    *name;
  char    *path;                /* .xlsx: the sheet's part; .ods: NULL */
  guint64  n_rows;              /* the last row with content, when size_known */
  guint    n_columns;           /* the last column with content + 1, when size_known */
  guint    hidden : 1;
  guint    size_known : 1;      /* .xlsx: its <dimension>, or read whole; .ods: counted */
} XlsxSheet;

typedef enum
{
  XLSX_DATE_NONE,
  XLSX_DATE_DAY,                /* a date format that shows the day */
  XLSX_DATE_MONTH,              /* year and month only: "mmm yyyy", "yyyy/m" */
  XLSX_PERCENT,                 /* 0.95 shown as 95 % */
} XlsxDateKind;

/* A cell of the row being read: its text is at @offset in row_text */
typedef struct
{
  guint            column;
  ScSheetCellType  type;
  gsize            offset;
  gsize            length;
  guint            covered : 1;
  guint            merged_across : 1;
} XlsxCell;

/* A merged range of cells, and the value of its top-left cell once read */
typedef struct
{
  guint            first_column;
  guint            last_column;
  guint64          first_row;
  guint64          last_row;
  ScSheetCellType  type;
  char            *value;       /* NULL until its first row is read, or if empty */
  gsize            length;
} XlsxMerge;

typedef struct
{
  guint64          row;
  guint            first_cell;
  guint            n_cells;
} XlsxHeldRow;

struct _ScReaderXlsx
{
  GObject              parent_instance;

  char                *display_name;
  GBytes              *bytes;
  GsfInput            *source;
  GsfInfile           *zip;
  gint64               total_read;
  guint                ods : 1;
  guint                date1904 : 1;
  GPtrArray           *sheets;          /* XlsxSheet */
  char                *strings_path;
  char                *styles_path;
  guint                parts_loaded : 1;
  guint                no_merges : 1;   /* sampling: rows as they come, no look-ahead */

  /* Shared strings: NUL-terminated texts, one after the other */
  GString             *sst_data;
  GArray              *sst_offsets;     /* guint32 */
  guint                in_si : 1;
  guint                in_phonetic : 1;

  /* Styles */
  GHashTable          *numfmts;         /* id → XlsxDateKind */
  GArray              *xf_dates;        /* guint8 XlsxDateKind per cell format */
  guint                in_cell_xfs : 1;

  /* The part being parsed */
  GsfInput            *part;
  char                *part_path;
  GMarkupParseContext *context;
  ScXmlScanner        *scanner;         /* instead of context, for sheets */
  guint                use_gmarkup : 1;
  gsize                fed_since_event;
  guint                depth;
  guint                part_done : 1;   /* the parser has all it needs */
  gpointer             parse_data;      /* what the part's parser fills */

  /* The sheet being read */
  const char          *sheet_name;
  guint                sheet_index;
  ScSheetRowFunc       func;
  gpointer             func_data;
  guint64              row;
  guint64              n_rows_seen;
  guint                column;
  int                  last_column;
  ScSheetCellType      cell_type;
  char                 cell_t[12];      /* the t attribute */
  guint                cell_style;
  gboolean             collect;         /* gathering the text of <v>, <t> or <text:p> */
  guint                in_cell : 1;
  guint                in_sheet_data : 1;
  guint                have_value : 1;
  GString             *text;
  GString             *row_text;
  GArray              *row_cells;       /* XlsxCell */
  GArray              *cells;           /* ScSheetCell, handed to func */

  /* Merged ranges of the sheet being read (sc-reader-xlsx-merge.c) */
  GArray              *merges;          /* XlsxMerge, by first row */
  guint                next_merge;      /* the first whose first row is not reached */
  GArray              *active_merges;   /* guint: merges covering the row being read */
  guint64              merge_cells;     /* cells they cover together */
  guint                merges_done : 1; /* the pre-scan read </mergeCells> */
  GThread             *merge_thread;    /* the pre-scan of an .xlsx sheet, while running */
  char                *merge_path;
  GError              *merge_error;
  gint                 merge_ready;     /* atomic: the pre-scan is over */
  gint                 merge_cancel;    /* atomic: stop it */
  GString             *held_text;       /* rows read before the pre-scan was over */
  GArray              *held_cells;      /* XlsxCell, offsets in held_text */
  GArray              *held_rows;       /* XlsxHeldRow */

  /* .ods */
  guint                ods_table;       /* tables seen so far */
  guint                ods_in_target : 1;
  guint                ods_paragraphs;
  guint64              ods_row_repeat;
  guint64              ods_cell_repeat;
  ScSheetCellType      ods_type;
  char                *ods_value;       /* the cell's value attribute, or NULL for its text */
};

static inline const char *
xlsx_local_name (const char *name)
{
  const char *colon = strchr (name, ':');

  return colon ? colon + 1 : name;
}

const char *xlsx_attribute         (const char   **names,
                                    const char   **values,
                                    const char    *local);
gboolean    xlsx_set_error         (ScReaderXlsx  *self,
                                    GError       **error,
                                    int            code,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (4, 5);
gboolean    xlsx_cell_error        (ScReaderXlsx  *self,
                                    GError       **error,
                                    int            code,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (4, 5);
gboolean    xlsx_enter             (ScReaderXlsx  *self,
                                    GError       **error);
void        xlsx_leave             (ScReaderXlsx  *self);
gboolean    xlsx_part_open         (ScReaderXlsx  *self,
                                    const char    *path,
                                    const GMarkupParser *parser,
                                    gint64         max_size,
                                    gboolean      *found,
                                    GError       **error);
gboolean    xlsx_part_feed         (ScReaderXlsx  *self,
                                    gboolean      *done,
                                    GError       **error);
void        xlsx_part_close        (ScReaderXlsx  *self);
GsfInput   *xlsx_child_by_path     (GsfInfile     *zip,
                                    const char    *path);
gboolean    xlsx_parse_part        (ScReaderXlsx  *self,
                                    const char    *path,
                                    const GMarkupParser *parser,
                                    gboolean      *found,
                                    GError       **error);
void        xlsx_append_decoded    (GString       *into,
                                    const char    *text,
                                    gsize          len);
void        xlsx_collect_text      (GMarkupParseContext *context,
                                    const char    *text,
                                    gsize          len,
                                    gpointer       user_data,
                                    GError       **error);
void        xlsx_percent_text      (const char    *text,
                                    GString       *out);
void        xlsx_row_begin         (ScReaderXlsx  *self);
gboolean    xlsx_row_add_cell      (ScReaderXlsx  *self,
                                    guint          column,
                                    ScSheetCellType type,
                                    const char    *text,
                                    gsize          length,
                                    GError       **error);
gboolean    xlsx_row_end           (ScReaderXlsx  *self,
                                    GError       **error);
gboolean    xlsx_row_emit          (ScReaderXlsx  *self,
                                    GError       **error);

/* sc-reader-xlsx-book.c */
gboolean    xlsx_open_workbook     (ScReaderXlsx  *self,
                                    GError       **error);
gboolean    xlsx_load_parts        (ScReaderXlsx  *self,
                                    GError       **error);

/* sc-reader-xlsx-merge.c */
gboolean    xlsx_parse_range       (const char    *ref,
                                    guint         *first_column,
                                    guint64       *first_row,
                                    guint         *last_column,
                                    guint64       *last_row);
void        xlsx_merges_reset      (ScReaderXlsx  *self);
gboolean    xlsx_merge_add         (ScReaderXlsx  *self,
                                    guint          first_column,
                                    guint64        first_row,
                                    guint          last_column,
                                    guint64        last_row,
                                    GError       **error);
void        xlsx_merges_start      (ScReaderXlsx  *self,
                                    const char    *path);
gboolean    xlsx_merges_hold       (ScReaderXlsx  *self,
                                    GError       **error);
gboolean    xlsx_merges_finish     (ScReaderXlsx  *self,
                                    GError       **error);
void        xlsx_merges_free       (ScReaderXlsx  *self);
gboolean    xlsx_merges_apply      (ScReaderXlsx  *self,
                                    GError       **error);

/* sc-reader-xlsx-sheet.c */
extern const GMarkupParser xlsx_sheet_parser;

/* sc-reader-ods.c */
gboolean    xlsx_ods_open          (ScReaderXlsx  *self,
                                    GError       **error);
extern const GMarkupParser xlsx_ods_parser;

G_END_DECLS
