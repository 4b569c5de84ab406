/* sc-reader-ods.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables of an OpenDocument spreadsheet (content.xml), as GMarkup
 * callbacks for the spreadsheet reader: typed cells (office:value-type with
 * office:value, office:date-value, office:boolean-value, or the text of the
 * paragraphs), rows and cells repeated (LibreOffice writes the empty rest of
 * a sheet as one row repeated a million times; those only move the row
 * number, and repeating a cell with content stops at the column limit),
 * merged cells (table:number-columns-spanned and number-rows-spanned on the
 * first cell of the range, whose value the covered cells take).
 */

#define G_LOG_DOMAIN "sc-reader-ods"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sc-import.h"
#include "sc-reader-xlsx-private.h"

static guint64
repeat_count (const char **names,
              const char **values,
              const char  *attribute)
{
  const char *text = xlsx_attribute (names, values, attribute);
  guint64 n = text ? g_ascii_strtoull (text, NULL, 10) : 1;

  return MAX (n, 1);
}

/* Listing the tables when the file is opened, with their sizes: the
 * last row and column that hold something, counted through the repeats.
 */

typedef struct
{
  guint64  row;                 /* rows of the table so far */
  guint64  row_repeat;
  guint64  column;              /* columns of the row so far */
  guint64  cell_repeat;
  guint64  last_column;         /* of the row: 0 while it is empty */
  gboolean cell_filled;
  gboolean in_comment;          /* a comment's text is not the cell's */
} TableSize;

static void
names_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  ScReaderXlsx *self = user_data;
  TableSize *size = self->parse_data;
  XlsxSheet *sheet;

  if (!xlsx_enter (self, error))
    return;

  if (strcmp (element, "table:table-row") == 0)
    {
      size->row_repeat = repeat_count (names, values, "number-rows-repeated");
      size->column = size->last_column = 0;
    }
  else if (strcmp (element, "table:table-cell") == 0 || strcmp (element, "table:covered-table-cell") == 0)
    {
      size->cell_repeat = repeat_count (names, values, "number-columns-repeated");
      size->cell_filled = xlsx_attribute (names, values, "value-type") != NULL;
    }
  else if (strcmp (element, "text:p") == 0)
    size->cell_filled |= !size->in_comment;
  else if (strcmp (element, "office:annotation") == 0)
    size->in_comment = TRUE;
  else if (strcmp (element, "table:table") == 0)
    {
      if (self->sheets->len >= SC_READER_XLSX_MAX_SHEETS)
        {
          xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE, _("more than %d sheets"), SC_READER_XLSX_MAX_SHEETS);
          return;
        }
      sheet = g_new0 (XlsxSheet, 1);
      sheet->name = g_strdup (xlsx_attribute (names, values, "name"));
      if (sheet->name == NULL)
        sheet->name = g_strdup_printf ("Sheet%u", self->sheets->len + 1);
      sheet->size_known = TRUE;
      g_ptr_array_add (self->sheets, sheet);
      size->row = 0;
    }
}

static void
names_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  ScReaderXlsx *self = user_data;
  TableSize *size = self->parse_data;
  XlsxSheet *sheet = self->sheets->len > 0 ? g_ptr_array_index (self->sheets, self->sheets->len - 1) : NULL;

  xlsx_leave (self);
  if (sheet == NULL)
    return;

  if (strcmp (element, "office:annotation") == 0)
    size->in_comment = FALSE;
  else if (strcmp (element, "table:table-cell") == 0 || strcmp (element, "table:covered-table-cell") == 0)
    {
      size->column = MIN (size->column + size->cell_repeat, (guint64) SC_READER_XLSX_MAX_COLUMNS);
      if (size->cell_filled)
        size->last_column = size->column;
      size->cell_filled = FALSE;
    }
  else if (strcmp (element, "table:table-row") == 0)
    {
      size->row = MIN (size->row + size->row_repeat, (guint64) SC_READER_XLSX_MAX_ROWS + 1);
      if (size->last_column > 0)
        {
          sheet->n_rows = size->row;
          sheet->n_columns = MAX (sheet->n_columns, (guint) size->last_column);
        }
    }
}

static const GMarkupParser names_parser = { names_start, names_end, NULL, NULL, NULL };

gboolean
xlsx_ods_open (ScReaderXlsx  *self,
               GError       **error)
{
  TableSize size = { 0 };
  gboolean done = FALSE;
  gboolean ok = TRUE;

  if (!xlsx_part_open (self, "content.xml", &names_parser, SC_READER_XLSX_MAX_PART_SIZE, NULL, error))
    return FALSE;
  self->parse_data = &size;
  while (!done && ok)
    ok = xlsx_part_feed (self, &done, error);
  self->parse_data = NULL;
  if (!ok)
    return FALSE;
  xlsx_part_close (self);

  if (self->sheets->len == 0)
    return xlsx_set_error (self, error, SC_IMPORT_ERROR_EMPTY, _("the workbook has no sheets"));
  return TRUE;
}

/* Reading one table */

/* A merged range starting at the cell: its spans, before the cells it covers. */
static gboolean
add_span (ScReaderXlsx  *self,
          const char   **names,
          const char   **values,
          GError       **error)
{
  guint64 columns = repeat_count (names, values, "number-columns-spanned");
  guint64 rows = repeat_count (names, values, "number-rows-spanned");
  guint64 row = self->row + 1;

  if (columns == 1 && rows == 1)
    return TRUE;
  columns = MIN (columns, (guint64) SC_READER_XLSX_MAX_COLUMNS + 1);
  rows = MIN (rows, (guint64) SC_READER_XLSX_MAX_ROWS + 1);

  return xlsx_merge_add (self, self->column, row,
                         (guint) MIN (self->column + columns - 1, G_MAXUINT), row + rows - 1, error);
}

static void
start_cell (ScReaderXlsx  *self,
            const char   **names,
            const char   **values,
            GError       **error)
{
  const char *type = xlsx_attribute (names, values, "value-type");
  const char *value = NULL;

  if (!add_span (self, names, values, error))
    return;

  self->ods_cell_repeat = repeat_count (names, values, "number-columns-repeated");
  self->ods_paragraphs = 0;
  self->in_cell = TRUE;
  g_string_truncate (self->text, 0);
  g_clear_pointer (&self->ods_value, g_free);
  self->ods_type = SC_SHEET_CELL_STRING;

  if (type == NULL || strcmp (type, "string") == 0)
    return;
  if (strcmp (type, "float") == 0 || strcmp (type, "currency") == 0 || strcmp (type, "percentage") == 0)
    {
      self->ods_type = SC_SHEET_CELL_NUMBER;
      if ((value = xlsx_attribute (names, values, "value")) != NULL && strcmp (type, "percentage") == 0)
        {
          xlsx_percent_text (value, self->text);
          value = self->text->str;
        }
    }
  else if (strcmp (type, "date") == 0)
    {
      self->ods_type = SC_SHEET_CELL_DATE;
      value = xlsx_attribute (names, values, "date-value");
    }
  else if (strcmp (type, "boolean") == 0)
    {
      value = xlsx_attribute (names, values, "boolean-value");
      self->ods_type = SC_SHEET_CELL_BOOLEAN;
      value = g_strcmp0 (value, "true") == 0 ? "TRUE" : "FALSE";
    }

  if (value != NULL)
    self->ods_value = self->ods_type == SC_SHEET_CELL_DATE && strlen (value) > 10 ? g_strndup (value, 10) : g_strdup (value);
}

static void
ods_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  ScReaderXlsx *self = user_data;

  if (!xlsx_enter (self, error))
    return;

  if (strcmp (element, "table:table") == 0)
    self->ods_in_target = self->ods_table++ == self->sheet_index;
  if (!self->ods_in_target)
    return;

  if (strcmp (element, "table:table-row") == 0)
    {
      self->ods_row_repeat = repeat_count (names, values, "number-rows-repeated");
      self->column = 0;
      xlsx_row_begin (self);
    }
  else if (strcmp (element, "table:table-cell") == 0 || strcmp (element, "table:covered-table-cell") == 0)
    start_cell (self, names, values, error);
  else if (strcmp (element, "text:p") == 0 && self->in_cell)
    {
      if (self->ods_paragraphs++ > 0)
        g_string_append_c (self->text, '\n');
      self->collect = TRUE;
    }
  else if (strcmp (element, "text:s") == 0 && self->collect)
    {
      guint64 n = MIN (repeat_count (names, values, "c"), 1024);

      for (guint64 i = 0; i < n; i++)
        g_string_append_c (self->text, ' ');
    }
  else if (strcmp (element, "office:annotation") == 0)
    self->in_phonetic = TRUE; /* a comment: not the cell's text */
}

/* The cell just closed, repeated as asked up to the column limit. */
static gboolean
end_cell (ScReaderXlsx  *self,
          GError       **error)
{
  const char *text = self->ods_value ? self->ods_value : self->text->str;
  guint64 repeat = self->ods_cell_repeat;

  self->in_cell = FALSE;
  if (*text == '\0')
    {
      self->column += MIN (repeat, SC_READER_XLSX_MAX_COLUMNS);
      return TRUE;
    }

  for (guint64 i = 0; i < repeat; i++, self->column++)
    if (!xlsx_row_add_cell (self, self->column, self->ods_type, text, strlen (text), error))
      return FALSE;

  return TRUE;
}

/* The row just closed: a row with content is given as often as it is
 * repeated; an empty one only moves the row number.
 */
static gboolean
end_row (ScReaderXlsx  *self,
         GError       **error)
{
  guint64 repeat = self->ods_row_repeat;

  if (self->row_cells->len == 0)
    {
      self->row = MIN (self->row + repeat, (guint64) SC_READER_XLSX_MAX_ROWS + 1);
      return TRUE;
    }

  for (guint64 i = 0; i < repeat; i++)
    {
      if (++self->row > SC_READER_XLSX_MAX_ROWS)
        return xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                               _("the sheet has more rows than a sheet may have (%d)"), SC_READER_XLSX_MAX_ROWS);
      if (!xlsx_row_end (self, error))
        return FALSE;
    }

  return TRUE;
}

static void
ods_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  ScReaderXlsx *self = user_data;

  xlsx_leave (self);
  if (!self->ods_in_target)
    return;

  if (strcmp (element, "text:p") == 0)
    self->collect = FALSE;
  else if (strcmp (element, "office:annotation") == 0)
    self->in_phonetic = FALSE;
  else if (strcmp (element, "table:table-cell") == 0 || strcmp (element, "table:covered-table-cell") == 0)
    end_cell (self, error);
  else if (strcmp (element, "table:table-row") == 0)
    end_row (self, error);
  else if (strcmp (element, "table:table") == 0)
    {
      self->ods_in_target = FALSE;
      self->part_done = TRUE;
    }
}

static void
ods_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 len,
          gpointer              user_data,
          GError              **error)
{
  ScReaderXlsx *self = user_data;

  if (!self->in_phonetic)
    xlsx_collect_text (context, text, len, user_data, error);
}

const GMarkupParser xlsx_ods_parser = { ods_start, ods_end, ods_text, NULL, NULL };
