/* sc-import.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-recipe.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_IMPORT_ERROR (sc_import_error_quark())

/**
 * ScImportError:
 * @SC_IMPORT_ERROR_IO: the file could not be read
 * @SC_IMPORT_ERROR_ENCODING: the bytes are not text in the detected or chosen encoding
 * @SC_IMPORT_ERROR_SYNTAX: malformed CSV (a quote not closed, text after a closing quote)
 *   or JSON
 * @SC_IMPORT_ERROR_TOO_LARGE: a field, a line or the number of columns exceeds a limit
 * @SC_IMPORT_ERROR_HEADER: the header lacks a column the layout needs, or names one twice
 * @SC_IMPORT_ERROR_VALUE: a cell is not a number, or a required cell is empty
 * @SC_IMPORT_ERROR_PERIOD: a period cannot be read, or names no real month, day, quarter or week
 * @SC_IMPORT_ERROR_AMBIGUOUS_PERIOD: a date reads both day-first and month-first and
 *   nothing in the file decides
 * @SC_IMPORT_ERROR_DUPLICATE: a partner × KPI × period value appears twice and
 *   duplicates are refused
 * @SC_IMPORT_ERROR_CONFLICT: the data does not fit the workbook (granularity, period range)
 * @SC_IMPORT_ERROR_EMPTY: the file holds no values (a workbook: no sheet holds a table)
 * @SC_IMPORT_ERROR_CANCELLED: reserved; cancellation reports %G_IO_ERROR_CANCELLED
 * @SC_IMPORT_ERROR_ENCRYPTED: the workbook is password-protected
 *
 * Errors of importing data. Messages name the file, line and column and say
 * what was expected.
 */
typedef enum
{
  SC_IMPORT_ERROR_IO,
  SC_IMPORT_ERROR_ENCODING,
  SC_IMPORT_ERROR_SYNTAX,
  SC_IMPORT_ERROR_TOO_LARGE,
  SC_IMPORT_ERROR_HEADER,
  SC_IMPORT_ERROR_VALUE,
  SC_IMPORT_ERROR_PERIOD,
  SC_IMPORT_ERROR_AMBIGUOUS_PERIOD,
  SC_IMPORT_ERROR_DUPLICATE,
  SC_IMPORT_ERROR_CONFLICT,
  SC_IMPORT_ERROR_EMPTY,
  SC_IMPORT_ERROR_CANCELLED,
  SC_IMPORT_ERROR_ENCRYPTED,
} ScImportError;

/**
 * ScImportLayout:
 * @SC_IMPORT_LAYOUT_AUTO: detect from the header
 * @SC_IMPORT_LAYOUT_LONG: one row per value: partner, KPI, period, value
 * @SC_IMPORT_LAYOUT_WIDE: one row per partner and period, one column per KPI
 */
typedef enum
{
  SC_IMPORT_LAYOUT_AUTO,
  SC_IMPORT_LAYOUT_LONG,
  SC_IMPORT_LAYOUT_WIDE,
} ScImportLayout;

/**
 * ScImportDuplicates:
 * @SC_IMPORT_DUPLICATES_LAST_WINS: a later value replaces an earlier one (reported)
 * @SC_IMPORT_DUPLICATES_REFUSE: a repeated value is an error
 */
typedef enum
{
  SC_IMPORT_DUPLICATES_LAST_WINS,
  SC_IMPORT_DUPLICATES_REFUSE,
} ScImportDuplicates;

/**
 * ScImportFormat:
 * @SC_IMPORT_FORMAT_CSV: delimited text (CSV, TSV, …)
 * @SC_IMPORT_FORMAT_JSON: the JSON interchange format of docs/import-formats.md
 * @SC_IMPORT_FORMAT_SCORECARD: another workbook, merged
 * @SC_IMPORT_FORMAT_XLSX: a sheet of an Excel workbook (.xlsx)
 * @SC_IMPORT_FORMAT_ODS: a sheet of an OpenDocument spreadsheet (.ods)
 */
typedef enum
{
  SC_IMPORT_FORMAT_CSV,
  SC_IMPORT_FORMAT_JSON,
  SC_IMPORT_FORMAT_SCORECARD,
  SC_IMPORT_FORMAT_XLSX,
  SC_IMPORT_FORMAT_ODS,
} ScImportFormat;

/* One skipped row, refused duplicate or other problem, for the user. Line
 * and column are 1-based; 0 when they do not apply.
 */
typedef struct
{
  char   *file;
  guint64 line;
  guint   column;
  GQuark  domain;
  int     code;
  char   *message;
  guint   skipped : 1;
} ScImportProblem;

/* What was detected in one file: shown by the assistant and `--dry-run`.
 * @sheet is the sheet read of a workbook (.xlsx, .ods), else %NULL.
 */
typedef struct
{
  char           *name;
  char           *sheet;
  ScImportFormat  format;
  ScImportLayout  layout;
  char           *encoding;
  char            delimiter;
  char            decimal_mark;
  char            thousands_separator;
  guint64         n_rows;
} ScImportSource;

/* Two partner names that probably mean one company and were not merged:
 * @first is the earlier (a partner of the workbook when @in_workbook, else
 * a name earlier in the files), @second a name of the import.
 */
typedef struct
{
  char  *first;
  char  *second;
  guint  in_workbook : 1;
} ScImportNearDuplicate;

#define SC_TYPE_IMPORT (sc_import_get_type())

G_DECLARE_FINAL_TYPE (ScImport, sc_import, SC, IMPORT, GObject)

GQuark              sc_import_error_quark          (void);

ScImport           *sc_import_new                  (void);

/* Options, set before adding files */
void                sc_import_set_layout           (ScImport           *self,
                                                    ScImportLayout      layout);
void                sc_import_set_delimiter        (ScImport           *self,
                                                    char                delimiter);
void                sc_import_set_decimal_mark     (ScImport           *self,
                                                    char                decimal_mark);
void                sc_import_set_encoding         (ScImport           *self,
                                                    const char         *encoding);
void                sc_import_set_skip_bad_rows    (ScImport           *self,
                                                    gboolean            skip_bad_rows);
void                sc_import_set_list_bad_rows    (ScImport           *self,
                                                    gboolean            list_bad_rows);
void                sc_import_set_duplicates       (ScImport           *self,
                                                    ScImportDuplicates  duplicates);
void                sc_import_set_sheet            (ScImport           *self,
                                                    const char         *sheet);
void                sc_import_set_recipe           (ScImport           *self,
                                                    ScRecipe           *recipe);
ScRecipe           *sc_import_get_recipe           (ScImport           *self);

/* Spreadsheets (sc-import-xlsx.c) */
char              **sc_import_list_xlsx_sheets     (GFile              *file,
                                                    GError            **error);

/* Staging */
gboolean            sc_import_add_file             (ScImport           *self,
                                                    GFile              *file,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
gboolean            sc_import_add_stream           (ScImport           *self,
                                                    GInputStream       *stream,
                                                    const char         *display_name,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
gboolean            sc_import_add_data             (ScImport           *self,
                                                    const char         *data,
                                                    gsize               length,
                                                    const char         *display_name,
                                                    GError            **error);
void                sc_import_add_file_async       (ScImport           *self,
                                                    GFile              *file,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean            sc_import_add_file_finish      (ScImport           *self,
                                                    GAsyncResult       *result,
                                                    GError            **error);
gboolean            sc_import_validate             (ScImport           *self,
                                                    GError            **error);

/* Changing the workbook */
gboolean            sc_import_commit               (ScImport           *self,
                                                    ScWorkbook         *book,
                                                    GError            **error);
GPtrArray          *sc_import_get_added_kpis       (ScImport           *self);
gboolean            sc_import_can_undo             (ScImport           *self);
void                sc_import_undo                 (ScImport           *self,
                                                    ScWorkbook         *book);

/* Report */
guint               sc_import_get_n_sources        (ScImport           *self);
const ScImportSource *sc_import_get_source         (ScImport           *self,
                                                    guint               position);
GPtrArray          *sc_import_get_problems         (ScImport           *self);
guint64             sc_import_get_n_rows           (ScImport           *self);
guint64             sc_import_get_n_values         (ScImport           *self);
guint64             sc_import_get_n_skipped        (ScImport           *self);
guint64             sc_import_get_n_replaced       (ScImport           *self);
guint               sc_import_get_n_partners       (ScImport           *self);
guint               sc_import_get_n_kpis           (ScImport           *self);
GPtrArray          *sc_import_get_committed_partners (ScImport         *self);
GPtrArray          *sc_import_get_committed_kpis   (ScImport           *self);
ScGranularity       sc_import_get_granularity      (ScImport           *self);
gboolean            sc_import_get_period_range     (ScImport           *self,
                                                    ScPeriod           *first,
                                                    ScPeriod           *last);
void                sc_import_find_near_duplicates (ScImport           *self,
                                                    ScWorkbook         *book);
GPtrArray          *sc_import_get_near_duplicates  (ScImport           *self);

const char         *sc_import_format_to_string     (ScImportFormat      format);
const char         *sc_import_layout_to_string     (ScImportLayout      layout);
gboolean            sc_import_layout_from_string   (const char         *str,
                                                    ScImportLayout     *layout);

G_END_DECLS
