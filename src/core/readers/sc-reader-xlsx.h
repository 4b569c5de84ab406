/* sc-reader-xlsx.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Limits that keep hostile workbooks from taking unbounded time or memory */
#define SC_READER_XLSX_MAX_FILE_SIZE   ((gsize) 512 * 1024 * 1024)  /* the zip itself */
#define SC_READER_XLSX_MAX_PART_SIZE   ((gint64) 1024 * 1024 * 1024) /* one part, uncompressed */
#define SC_READER_XLSX_MAX_TOTAL_SIZE  ((gint64) 1024 * 1024 * 1024) /* all parts read */
#define SC_READER_XLSX_MAX_RATIO       250                         /* uncompressed : file size */
#define SC_READER_XLSX_MAX_SMALL_PART  ((gint64) 32 * 1024 * 1024)  /* workbook, styles, rels */
#define SC_READER_XLSX_MAX_STRINGS     (4 * 1024 * 1024)            /* shared strings */
#define SC_READER_XLSX_MAX_STRING_DATA ((gsize) 128 * 1024 * 1024)   /* their bytes */
#define SC_READER_XLSX_MAX_CELL        (1024 * 1024)                /* as a CSV field */
#define SC_READER_XLSX_MAX_COLUMNS     4096                         /* as a CSV row */
#define SC_READER_XLSX_MAX_ROWS        1048576                      /* as Excel */
#define SC_READER_XLSX_MAX_DEPTH       64                           /* XML nesting */
#define SC_READER_XLSX_MAX_SHEETS      4096
#define SC_READER_XLSX_MAX_MERGES      65536                        /* merged ranges of a sheet */
#define SC_READER_XLSX_MAX_MERGE_CELLS (1024 * 1024)                /* cells one range covers */

/**
 * ScSheetCellType:
 * @SC_SHEET_CELL_STRING: text (a shared, inline or formula string)
 * @SC_SHEET_CELL_NUMBER: a number, written as the file stores it ("95.1")
 * @SC_SHEET_CELL_DATE: a date, written "YYYY-MM-DD", or "YYYY-MM" when its
 *   format shows no day
 * @SC_SHEET_CELL_BOOLEAN: "TRUE" or "FALSE"
 * @SC_SHEET_CELL_ERROR: a formula error such as "#N/A" or "#DIV/0!"
 */
typedef enum
{
  SC_SHEET_CELL_STRING,
  SC_SHEET_CELL_NUMBER,
  SC_SHEET_CELL_DATE,
  SC_SHEET_CELL_BOOLEAN,
  SC_SHEET_CELL_ERROR,
} ScSheetCellType;

/* One non-empty cell of a row; @text is NUL-terminated UTF-8. A cell of a
 * merged range takes the value of the range's top-left cell: @covered says
 * the file has no value of its own there, @merged_across that the range is
 * more than one column wide (a group label rather than a value).
 */
typedef struct
{
  guint            column;  /* 0 is column A */
  ScSheetCellType  type;
  const char      *text;
  gsize            length;
  guint            covered : 1;
  guint            merged_across : 1;
} ScSheetCell;

/* Called for each row that has a non-empty cell, in order; @row is 1-based
 * and the cells are in column order. Returning %FALSE (with @error set)
 * stops the reading.
 */
typedef gboolean (*ScSheetRowFunc) (guint64             row,
                                    const ScSheetCell  *cells,
                                    guint               n_cells,
                                    gpointer            user_data,
                                    GError            **error);

#define SC_TYPE_READER_XLSX (sc_reader_xlsx_get_type())

G_DECLARE_FINAL_TYPE (ScReaderXlsx, sc_reader_xlsx, SC, READER_XLSX, GObject)

ScReaderXlsx *sc_reader_xlsx_new              (const char      *display_name);
gboolean      sc_reader_xlsx_open             (ScReaderXlsx    *self,
                                               GBytes          *bytes,
                                               GError         **error);
const char   *sc_reader_xlsx_get_display_name (ScReaderXlsx    *self);
gboolean      sc_reader_xlsx_is_ods           (ScReaderXlsx    *self);
guint         sc_reader_xlsx_get_n_sheets     (ScReaderXlsx    *self);
const char   *sc_reader_xlsx_get_sheet_name   (ScReaderXlsx    *self,
                                               guint            sheet);
gboolean      sc_reader_xlsx_get_sheet_hidden (ScReaderXlsx    *self,
                                               guint            sheet);
gboolean      sc_reader_xlsx_begin_sheet      (ScReaderXlsx    *self,
                                               guint            sheet,
                                               ScSheetRowFunc   func,
                                               gpointer         user_data,
                                               GError         **error);
gboolean      sc_reader_xlsx_sample_sheet     (ScReaderXlsx    *self,
                                               guint            sheet,
                                               guint            max_rows,
                                               ScSheetRowFunc   func,
                                               gpointer         user_data,
                                               gboolean        *complete,
                                               GCancellable    *cancellable,
                                               GError         **error);
gboolean      sc_reader_xlsx_get_sheet_size   (ScReaderXlsx    *self,
                                               guint            sheet,
                                               guint64         *n_rows,
                                               guint           *n_columns);
void          sc_reader_xlsx_set_use_gmarkup  (ScReaderXlsx    *self,
                                               gboolean         use_gmarkup);
gboolean      sc_reader_xlsx_read_chunk       (ScReaderXlsx    *self,
                                               gboolean        *done,
                                               GCancellable    *cancellable,
                                               GError         **error);
char         *sc_reader_xlsx_cell_name        (const char      *sheet,
                                               guint            column,
                                               guint64          row);
gboolean      sc_reader_xlsx_serial_to_date   (double           serial,
                                               gboolean         date1904,
                                               gboolean         with_day,
                                               char            *buffer,
                                               gsize            size);

G_END_DECLS
