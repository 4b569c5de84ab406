/* sc-import-xlsx.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sheet of an .xlsx or .ods workbook into the import. The sheet is read
 * as text (sc-sheet-text-stream.c) by the CSV import, so mapping, number and
 * period parsing, validation, staging, commit and undo are the very same;
 * positions in that text are then named as cells: "Suppliers!C17".
 */

#define G_LOG_DOMAIN "sc-import-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-import-private.h"
#include "sc-import-xlsx.h"
#include "sc-reader-xlsx.h"
#include "sc-sheet-text-stream.h"

#define READ_BLOCK (1024 * 1024)

/* The whole (compressed) file: a zip is read from its end. */
static GBytes *
read_bytes (GInputStream  *stream,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  gsize n;

  do
    {
      gsize len = data->len;

      if (len >= SC_READER_XLSX_MAX_FILE_SIZE)
        {
          g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_TOO_LARGE,
                       _("%s: the file is larger than %zu MiB"), name, SC_READER_XLSX_MAX_FILE_SIZE >> 20);
          return NULL;
        }
      g_byte_array_set_size (data, len + READ_BLOCK);
      if (!g_input_stream_read_all (stream, data->data + len, READ_BLOCK, &n, cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_IO, "%s: %s", name, local_error->message);
          return NULL;
        }
      g_byte_array_set_size (data, len + n);
    }
  while (n == READ_BLOCK);

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * sc_import_open_sheet_text:
 * @workbook: the bytes of an .xlsx or .ods file
 * @sheet: (nullable): the sheet, or %NULL for the one that holds a table
 *   (sc_import_choose_table_sheet())
 * @decimal_mark: how numbers are written, '.' or ','
 * @sheet_used: (out) (optional): the sheet read
 *
 * The sheet as tab-separated text for the CSV reader; line N is row N.
 */
GInputStream *
sc_import_open_sheet_text (GBytes      *workbook,
                           const char  *name,
                           const char  *sheet,
                           char         decimal_mark,
                           char       **sheet_used,
                           GError     **error)
{
  g_autoptr(ScReaderXlsx) reader = sc_reader_xlsx_new (name);
  guint index;

  if (!sc_reader_xlsx_open (reader, workbook, error) ||
      !sc_import_choose_sheet (reader, sheet, &index, NULL, error))
    return NULL;

  if (sheet_used != NULL)
    *sheet_used = g_strdup (sc_reader_xlsx_get_sheet_name (reader, index));
  return sc_sheet_text_stream_new (reader, index, decimal_mark);
}

/* Errors */

/* "book.xlsx:17:3: text" → 17, 3 and "text"; FALSE if not so. */
static gboolean
split_position (const char  *message,
                const char  *name,
                guint64     *line,
                guint       *column,
                const char **text)
{
  const char *p = message + strlen (name);
  char *end;

  *column = 0;
  if (!g_str_has_prefix (message, name) || *p != ':' || !g_ascii_isdigit (p[1]))
    return FALSE;
  *line = g_ascii_strtoull (p + 1, &end, 10);
  if (*end == ':' && g_ascii_isdigit (end[1]))
    *column = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != ':')
    return FALSE;
  for (*text = end + 1; **text == ' '; (*text)++)
    ;

  return TRUE;
}

/* "Suppliers!C17" for a cell, "Suppliers, row 3" for a row. */
static char *
position_name (const char *sheet,
               guint64     line,
               guint       column)
{
  g_autofree char *row = NULL;

  if (column > 0)
    return sc_reader_xlsx_cell_name (sheet, column - 1, line);

  row = g_strdup_printf ("%" G_GUINT64_FORMAT, line);
  /* Translators: the first %s is a sheet name, the second a row number */
  return g_strdup_printf (_("%s, row %s"), sheet, row);
}

static void
rename_problems (ScImport   *self,
                 guint       first,
                 const char *sheet)
{
  for (guint i = first; i < self->problems->len; i++)
    {
      ScImportProblem *problem = g_ptr_array_index (self->problems, i);
      g_autofree char *where = NULL;
      char *message;

      if (problem->line == 0)
        continue;
      where = position_name (sheet, problem->line, problem->column);
      message = g_strdup_printf ("%s: %s", where, problem->message);
      g_free (problem->message);
      problem->message = message;
    }
}

static void
add_problem (ScImport     *self,
             const char   *name,
             guint64       line,
             guint         column,
             const GError *error,
             const char   *message)
{
  ScImportProblem *problem = g_new0 (ScImportProblem, 1);

  problem->file = g_strdup (name);
  problem->line = line;
  problem->column = column;
  problem->domain = error->domain;
  problem->code = error->code;
  problem->message = g_strdup (message);
  g_ptr_array_add (self->problems, problem);
}

/* Names cells in the error of the CSV import and in the problems it listed. */
static void
rename_error (ScImport   *self,
              const char *name,
              const char *sheet,
              guint       first_problem,
              GError     *error)
{
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;
  const char *text;
  guint64 line;
  guint column;

  if (!split_position (error->message, name, &line, &column, &text))
    {
      /* Reader errors name the file (and the cell) already */
      if (self->problems->len == first_problem)
        add_problem (self, name, 0, 0, error,
                     g_str_has_prefix (error->message, name) ? error->message + strlen (name) + 2
                                                              : error->message);
      return;
    }

  where = position_name (sheet, line, column);
  message = g_strdup_printf ("%s: %s", where, text);
  if (self->problems->len == first_problem)
    add_problem (self, name, line, column, error, message);
  g_free (error->message);
  error->message = g_strdup_printf ("%s: %s", name, message);
}

/* Reading */

gboolean
sc_import_is_spreadsheet (const char *data,
                          gsize       length)
{
  return length >= 4 && (memcmp (data, "PK\3\4", 4) == 0 || memcmp (data, "\xD0\xCF\x11\xE0", 4) == 0);
}

static void
describe_source (ScImport   *self,
                 guint       index,
                 gboolean    ods,
                 const char *sheet)
{
  ScImportSource *source;

  if (index >= self->sources->len)
    return;
  source = g_ptr_array_index (self->sources, index);
  source->format = ods ? SC_IMPORT_FORMAT_ODS : SC_IMPORT_FORMAT_XLSX;
  g_free (source->sheet);
  source->sheet = g_strdup (sheet);
  source->delimiter = 0;
  source->thousands_separator = 0;
  g_clear_pointer (&source->encoding, g_free);
}

/* Runs the CSV import on the sheet's text with the options the text needs. */
static gboolean
read_sheet_text (ScImport      *self,
                 GInputStream  *text,
                 const char    *name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  char delimiter = self->delimiter, decimal = self->decimal_mark;
  g_autofree char *encoding = g_steal_pointer (&self->encoding);
  gboolean ok;

  self->delimiter = '\t';
  self->encoding = g_strdup ("UTF-8");
  self->decimal_mark = decimal ? decimal : '.';
  ok = sc_import_read_csv (self, text, name, cancellable, error);
  g_free (self->encoding);
  self->encoding = g_steal_pointer (&encoding);
  self->delimiter = delimiter;
  self->decimal_mark = decimal;

  return ok;
}

/**
 * sc_import_read_spreadsheet:
 *
 * Reads the chosen sheet (sc_import_set_sheet()) of the .xlsx or .ods
 * workbook in @stream, or the sheet that holds a table.
 */
gboolean
sc_import_read_spreadsheet (ScImport      *self,
                            GInputStream  *stream,
                            const char    *name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(ScReaderXlsx) reader = sc_reader_xlsx_new (name);
  g_autoptr(GInputStream) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  guint first_problem = self->problems->len;
  guint first_source = self->sources->len;
  gboolean had_bad_row = self->first_bad_row != NULL;
  guint sheet;
  const char *sheet_name;

  if ((bytes = read_bytes (stream, name, cancellable, error)) == NULL ||
      !sc_reader_xlsx_open (reader, bytes, error) ||
      !sc_import_choose_sheet (reader, self->sheet, &sheet, cancellable, error))
    {
      sc_import_add_source (self, name, SC_IMPORT_FORMAT_XLSX);
      return FALSE;
    }

  text = sc_sheet_text_stream_new (reader, sheet, self->decimal_mark ? self->decimal_mark : '.');
  /* A recipe may look codes up on another sheet */
  g_clear_pointer (&self->spreadsheet, g_bytes_unref);
  self->spreadsheet = g_bytes_ref (bytes);
  if (read_sheet_text (self, text, name, cancellable, &local_error))
    {
      sheet_name = sc_sheet_text_stream_get_sheet (SC_SHEET_TEXT_STREAM (text));
      rename_problems (self, first_problem, sheet_name);
      /* Listing bad rows (a dry run): the error to come is the first of them */
      if (!had_bad_row && self->first_bad_row != NULL)
        rename_error (self, name, sheet_name, G_MAXUINT, self->first_bad_row);
      describe_source (self, first_source, sc_reader_xlsx_is_ods (reader), sheet_name);
      return TRUE;
    }

  sheet_name = sc_sheet_text_stream_get_sheet (SC_SHEET_TEXT_STREAM (text));
  describe_source (self, first_source, sc_reader_xlsx_is_ods (reader), sheet_name);
  if (sc_sheet_text_stream_get_error (SC_SHEET_TEXT_STREAM (text)) != NULL)
    {
      g_clear_error (&local_error);
      local_error = g_error_copy (sc_sheet_text_stream_get_error (SC_SHEET_TEXT_STREAM (text)));
    }
  else if (g_error_matches (local_error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY,
                   _("%s: the sheet “%s” is empty"), name, sheet_name);
    }
  else
    rename_problems (self, first_problem, sheet_name);

  if (local_error->domain == SC_IMPORT_ERROR)
    rename_error (self, name, sheet_name, first_problem, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Public API */

/**
 * sc_import_set_sheet:
 * @sheet: (nullable): the sheet of a workbook to import, by name; %NULL for
 *   the sheet that holds a table (sc_import_choose_table_sheet())
 *
 * Chooses the sheet of the .xlsx or .ods files added after this call.
 */
void
sc_import_set_sheet (ScImport   *self,
                     const char *sheet)
{
  g_return_if_fail (SC_IS_IMPORT (self));

  g_free (self->sheet);
  self->sheet = g_strdup (sheet);
}

/**
 * sc_import_list_xlsx_sheets:
 * @file: an .xlsx or .ods workbook
 *
 * Lists the sheets of a workbook in their order, for the user to choose
 * from (hidden sheets included).
 *
 * Returns: (transfer full): the sheet names, or %NULL with @error set
 */
char **
sc_import_list_xlsx_sheets (GFile   *file,
                            GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(ScReaderXlsx) reader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  if ((stream = g_file_read (file, NULL, &local_error)) == NULL)
    {
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }

  reader = sc_reader_xlsx_new (name);
  if ((bytes = read_bytes (G_INPUT_STREAM (stream), name, NULL, error)) == NULL ||
      !sc_reader_xlsx_open (reader, bytes, error))
    return NULL;

  for (guint i = 0; i < sc_reader_xlsx_get_n_sheets (reader); i++)
    g_strv_builder_add (names, sc_reader_xlsx_get_sheet_name (reader, i));

  return g_strv_builder_end (names);
}
