/* sc-reader-xlsx-sheet.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cells of an .xlsx worksheet part (<sheetData>), as GMarkup callbacks:
 * shared and inline strings, numbers as written, booleans, formula errors,
 * cached formula results, and serial numbers in a date format turned into
 * dates. Rows and cells may skip (sparse sheets); a cell without a reference
 * follows the one before.
 */

#define G_LOG_DOMAIN "sc-reader-xlsx-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sc-import.h"
#include "sc-reader-xlsx-private.h"

/* "C17" → column 2 (the row is unused: <row r> gives it). FALSE if
 * malformed.
 */
static gboolean
parse_cell_ref (const char *ref,
                guint      *column)
{
  guint64 row, last_row;
  guint last_column;

  return xlsx_parse_range (ref, column, &row, &last_column, &last_row) &&
         last_column == *column && last_row == row;
}

typedef enum
{
  ELEMENT_OTHER,
  ELEMENT_SHEET_DATA,
  ELEMENT_ROW,
  ELEMENT_CELL,
  ELEMENT_VALUE,
  ELEMENT_TEXT,
  ELEMENT_PHONETIC,
} Element;

/* Elements by their local name, without a string compare for the common ones. */
static Element
classify (const char *name)
{
  const char *local = name[1] == '\0' ? name : xlsx_local_name (name);

  switch (local[0])
    {
    case 'c':
      return local[1] == '\0' ? ELEMENT_CELL : ELEMENT_OTHER;
    case 'v':
      return local[1] == '\0' ? ELEMENT_VALUE : ELEMENT_OTHER;
    case 't':
      return local[1] == '\0' ? ELEMENT_TEXT : ELEMENT_OTHER;
    case 'r':
      return strcmp (local, "row") == 0 ? ELEMENT_ROW : strcmp (local, "rPh") == 0 ? ELEMENT_PHONETIC : ELEMENT_OTHER;
    case 's':
      return strcmp (local, "sheetData") == 0 ? ELEMENT_SHEET_DATA : ELEMENT_OTHER;
    default:
      return ELEMENT_OTHER;
    }
}

static gboolean
parse_uint (const char *text,
            guint64    *value)
{
  char *end;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  *value = g_ascii_strtoull (text, &end, 10);

  return *end == '\0';
}

static gboolean
start_row (ScReaderXlsx  *self,
           const char   **names,
           const char   **values,
           GError       **error)
{
  const char *r = xlsx_attribute (names, values, "r");
  guint64 row = self->row + 1;

  if (r != NULL && !parse_uint (r, &row))
    return xlsx_set_error (self, error, SC_IMPORT_ERROR_SYNTAX, _("the row number “%s” is not a number"), r);
  if (row <= self->row && self->n_rows_seen > 0)
    {
      g_autofree char *row_text = g_strdup_printf ("%" G_GUINT64_FORMAT, row);
      g_autofree char *last_text = g_strdup_printf ("%" G_GUINT64_FORMAT, self->row);

      return xlsx_set_error (self, error, SC_IMPORT_ERROR_SYNTAX,
                             /* Translators: both %s are row numbers of the sheet */
                             _("row %s comes after row %s; is the file damaged?"), row_text, last_text);
    }
  if (row == 0 || row > SC_READER_XLSX_MAX_ROWS)
    {
      g_autofree char *row_text = g_strdup_printf ("%" G_GUINT64_FORMAT, row);

      return xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                             /* Translators: %s is a row number, %d the highest row
                              * number a sheet may have */
                             _("row %s is past the last row a sheet may have (%d)"),
                             row_text, SC_READER_XLSX_MAX_ROWS);
    }

  self->row = row;
  self->n_rows_seen++;
  xlsx_row_begin (self);

  return TRUE;
}

static gboolean
start_cell (ScReaderXlsx  *self,
            const char   **names,
            const char   **values,
            GError       **error)
{
  const char *r = NULL, *t = NULL, *s = NULL;
  guint64 style = 0;

  /* One pass over the attributes: cells are most of a sheet */
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *local = names[i][1] == '\0' ? names[i] : xlsx_local_name (names[i]);

      if (local[1] != '\0')
        continue;
      if (local[0] == 'r')
        r = values[i];
      else if (local[0] == 't')
        t = values[i];
      else if (local[0] == 's')
        s = values[i];
    }

  self->column = self->last_column + 1;
  if (r != NULL && !parse_cell_ref (r, &self->column))
    {
      g_autofree char *row_text = g_strdup_printf ("%" G_GUINT64_FORMAT, self->row);

      return xlsx_set_error (self, error, SC_IMPORT_ERROR_SYNTAX,
                             /* Translators: the first %s is the text found in the
                              * file, the second a row number */
                             _("“%s” in row %s is not a cell reference"), r, row_text);
    }

  g_strlcpy (self->cell_t, t ? t : "n", sizeof self->cell_t);
  self->cell_style = parse_uint (s, &style) ? (guint) MIN (style, G_MAXUINT) : 0;
  self->in_cell = TRUE;
  self->have_value = FALSE;
  g_string_truncate (self->text, 0);

  return TRUE;
}

/* <dimension ref="A1:F1000"/>, before the rows: the sheet's size without
 * reading them. A sheet with nothing in it says "A1".
 */
static void
read_dimension (ScReaderXlsx  *self,
                const char   **names,
                const char   **values)
{
  XlsxSheet *sheet = g_ptr_array_index (self->sheets, self->sheet_index);
  guint first_column, last_column;
  guint64 first_row, last_row;

  if (sheet->size_known ||
      !xlsx_parse_range (xlsx_attribute (names, values, "ref"), &first_column, &first_row,
                         &last_column, &last_row))
    return;

  sheet->n_rows = last_row;
  sheet->n_columns = last_column + 1;
  sheet->size_known = TRUE;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  ScReaderXlsx *self = user_data;
  Element kind = classify (element);

  if (!xlsx_enter (self, error))
    return;

  if (!self->in_sheet_data)
    {
      self->in_sheet_data = kind == ELEMENT_SHEET_DATA;
      if (kind == ELEMENT_OTHER && strcmp (xlsx_local_name (element), "dimension") == 0)
        read_dimension (self, names, values);
    }
  else if (kind == ELEMENT_ROW)
    start_row (self, names, values, error);
  else if (kind == ELEMENT_CELL)
    start_cell (self, names, values, error);
  else if (!self->in_cell)
    return;
  else if (kind == ELEMENT_VALUE || (kind == ELEMENT_TEXT && !self->in_phonetic))
    self->collect = TRUE;
  else if (kind == ELEMENT_PHONETIC)
    self->in_phonetic = TRUE;
}

static gboolean
add_shared_string (ScReaderXlsx  *self,
                   GError       **error)
{
  guint64 index;
  const char *text;
  guint32 offset;

  if (!parse_uint (self->text->str, &index) || index >= self->sst_offsets->len)
    return xlsx_cell_error (self, error, SC_IMPORT_ERROR_SYNTAX,
                            _("the cell refers to shared string %s, but the workbook has %u"),
                            self->text->str, self->sst_offsets->len);

  offset = g_array_index (self->sst_offsets, guint32, index);
  text = self->sst_data->str + offset;
  if (*text == '\0')
    return TRUE;

  return xlsx_row_add_cell (self, self->column, SC_SHEET_CELL_STRING, text, strlen (text), error);
}

static gboolean
add_number (ScReaderXlsx  *self,
            GError       **error)
{
  const char *text = g_strstrip (self->text->str);
  guint8 kind = self->cell_style < self->xf_dates->len
                ? g_array_index (self->xf_dates, guint8, self->cell_style) : XLSX_DATE_NONE;
  char date[16];

  if (*text == '\0')
    return TRUE;

  if (kind == XLSX_PERCENT)
    {
      g_autoptr(GString) percent = g_string_new (NULL);

      xlsx_percent_text (text, percent);
      return xlsx_row_add_cell (self, self->column, SC_SHEET_CELL_NUMBER, percent->str, percent->len, error);
    }
  if (kind != XLSX_DATE_NONE &&
      sc_reader_xlsx_serial_to_date (g_ascii_strtod (text, NULL), self->date1904, kind == XLSX_DATE_DAY,
                                     date, sizeof date))
    return xlsx_row_add_cell (self, self->column, SC_SHEET_CELL_DATE, date, strlen (date), error);

  return xlsx_row_add_cell (self, self->column, SC_SHEET_CELL_NUMBER, text, strlen (text), error);
}

static gboolean
add_string (ScReaderXlsx     *self,
            ScSheetCellType   type,
            GError          **error)
{
  g_autoptr(GString) decoded = NULL;

  if (self->text->len == 0)
    return TRUE;
  if (strstr (self->text->str, "_x") == NULL)
    return xlsx_row_add_cell (self, self->column, type, self->text->str, self->text->len, error);

  decoded = g_string_sized_new (self->text->len);
  xlsx_append_decoded (decoded, self->text->str, self->text->len);
  return xlsx_row_add_cell (self, self->column, type, decoded->str, decoded->len, error);
}

/* The value of the cell just closed, by its type (the t attribute). */
static gboolean
end_cell (ScReaderXlsx  *self,
          GError       **error)
{
  const char *t = self->cell_t;

  self->in_cell = FALSE;
  if (!self->have_value)
    return TRUE; /* empty, or a formula never calculated */

  if (strcmp (t, "s") == 0)
    return add_shared_string (self, error);
  if (strcmp (t, "n") == 0)
    return add_number (self, error);
  if (strcmp (t, "str") == 0 || strcmp (t, "inlineStr") == 0)
    return add_string (self, SC_SHEET_CELL_STRING, error);
  if (strcmp (t, "e") == 0)
    return add_string (self, SC_SHEET_CELL_ERROR, error);
  if (strcmp (t, "b") == 0)
    {
      const char *text = g_strstrip (self->text->str);
      const char *value = strcmp (text, "1") == 0 || g_ascii_strcasecmp (text, "true") == 0 ? "TRUE" : "FALSE";

      return xlsx_row_add_cell (self, self->column, SC_SHEET_CELL_BOOLEAN, value, strlen (value), error);
    }
  if (strcmp (t, "d") == 0 && self->text->len >= 10)
    {
      /* An ISO 8601 date: keep the day, drop the time */
      return xlsx_row_add_cell (self, self->column, SC_SHEET_CELL_DATE, self->text->str, 10, error);
    }

  return xlsx_cell_error (self, error, SC_IMPORT_ERROR_SYNTAX, _("unknown cell type “%s”"), t);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  ScReaderXlsx *self = user_data;
  Element kind = classify (element);

  xlsx_leave (self);
  if (!self->in_sheet_data)
    return;

  if (kind == ELEMENT_VALUE || kind == ELEMENT_TEXT)
    {
      self->have_value |= self->collect;
      self->collect = FALSE;
    }
  else if (kind == ELEMENT_PHONETIC)
    self->in_phonetic = FALSE;
  else if (kind == ELEMENT_CELL)
    end_cell (self, error);
  else if (kind == ELEMENT_ROW)
    xlsx_row_end (self, error);
  else if (kind == ELEMENT_SHEET_DATA)
    {
      /* What follows is not needed: merged cells were read ahead
       * (sc-reader-xlsx-merge.c), page setup and the rest are not used */
      self->in_sheet_data = FALSE;
      self->part_done = TRUE;
    }
}

const GMarkupParser xlsx_sheet_parser = { sheet_start, sheet_end, xlsx_collect_text, NULL, NULL };
