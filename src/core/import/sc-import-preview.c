/* sc-import-preview.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first rows of a file as the import would read them with an import's
 * options (delimiter, encoding, decimal mark, layout, column roles), without
 * staging anything: the assistant shows it and reads it again whenever an
 * option changes, so it reads only the block detection needs and the rows
 * asked for, however large the file.
 */

#define G_LOG_DOMAIN "sc-import-preview"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-import-preview.h"
#include "sc-import-private.h"
#include "sc-import-xlsx.h"
#include "sc-reader-csv.h"

static gboolean
looks_like_json (const char *data,
                 gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && data[i] == '{';
}

/* The cells of the reader's row as UTF-8, @n_columns of them. */
static char **
dup_row (ScReaderCsv *reader,
         guint        n_columns,
         gboolean     trim)
{
  char **cells = g_new0 (char *, n_columns + 1);
  guint n_fields = sc_reader_csv_get_n_fields (reader);

  for (guint i = 0; i < n_columns; i++)
    {
      const char *text = "";
      gsize len = 0;

      if (i < n_fields)
        text = sc_reader_csv_get_field (reader, i, &len);
      while (trim && len > 0 && g_ascii_isspace (*text))
        text++, len--;
      while (trim && len > 0 && g_ascii_isspace (text[len - 1]))
        len--;
      cells[i] = g_utf8_make_valid (text, len);
    }

  return cells;
}

static ScImportLayout
choose_layout (ScImport        *self,
               ScImportPreview *preview)
{
  gboolean has_kpi = FALSE, has_value = FALSE;

  if (self->layout != SC_IMPORT_LAYOUT_AUTO)
    return self->layout;

  for (guint i = 0; i < preview->n_columns; i++)
    {
      has_kpi |= preview->roles[i] == SC_IMPORT_ROLE_KPI;
      has_value |= preview->roles[i] == SC_IMPORT_ROLE_VALUE;
    }

  return has_kpi && has_value ? SC_IMPORT_LAYOUT_LONG : SC_IMPORT_LAYOUT_WIDE;
}

static gboolean
read_header (ScImport         *self,
             ScReaderCsv      *reader,
             ScImportPreview  *preview,
             const char       *name,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sc_reader_csv_next_row (reader, cancellable, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY, _("%s: the file is empty"), name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  preview->n_columns = sc_reader_csv_get_n_fields (reader);
  preview->header = dup_row (reader, preview->n_columns, TRUE);
  preview->roles = g_new0 (ScImportRole, MAX (preview->n_columns, 1));
  for (guint i = 0; i < preview->n_columns; i++)
    preview->roles[i] = sc_import_role_for_header (self, i, preview->header[i]);

  /* Unknown headers are KPIs in a wide file only */
  preview->layout = choose_layout (self, preview);
  for (guint i = 0; i < preview->n_columns; i++)
    if (preview->layout == SC_IMPORT_LAYOUT_LONG && preview->roles[i] == SC_IMPORT_ROLE_KPI_COLUMN &&
        !sc_import_get_column_role (self, i, NULL))
      preview->roles[i] = SC_IMPORT_ROLE_IGNORE;

  return TRUE;
}

static gboolean
read_csv (ScImport         *self,
          GInputStream     *stream,
          ScImportPreview  *preview,
          const char       *name,
          guint             max_rows,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(ScReaderCsv) reader = sc_reader_csv_new (stream, name);

  sc_reader_csv_set_delimiter (reader, self->delimiter);
  sc_reader_csv_set_encoding (reader, self->encoding);
  sc_reader_csv_set_decimal_mark (reader, self->decimal_mark);
  if (!sc_reader_csv_open (reader, cancellable, error))
    return FALSE;

  preview->encoding = g_strdup (sc_reader_csv_get_encoding (reader));
  preview->delimiter = sc_reader_csv_get_delimiter (reader);
  preview->decimal_mark = sc_reader_csv_get_decimal_mark (reader);
  if (!read_header (self, reader, preview, name, cancellable, error))
    return FALSE;

  /* A bad row ends the preview; validation will name it */
  while (sc_reader_csv_next_row (reader, cancellable, NULL))
    {
      if (preview->rows->len == max_rows)
        {
          preview->more = TRUE;
          break;
        }
      g_ptr_array_add (preview->rows, dup_row (reader, preview->n_columns, FALSE));
    }

  return TRUE;
}

/**
 * sc_import_preview_file:
 * @self: an import whose options apply; nothing is staged in it
 * @max_rows: how many rows after the header to read
 *
 * Returns: (transfer full): the start of @file as the import reads it, or
 *   %NULL when it cannot be read (an #SC_IMPORT_ERROR as staging gives)
 */
ScImportPreview *
sc_import_preview_file (ScImport      *self,
                        GFile         *file,
                        guint          max_rows,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(ScImportPreview) preview = g_new0 (ScImportPreview, 1);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  const char *peek;
  gsize n_peek;

  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  preview->header = g_new0 (char *, 1);

  if ((stream = g_file_read (file, cancellable, &local_error)) == NULL)
    {
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }

  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (stream), 4096);
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 4096, cancellable, &local_error) < 0)
    {
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }

  peek = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &n_peek);
  if (looks_like_json (peek, n_peek))
    {
      preview->format = SC_IMPORT_FORMAT_JSON;
      return g_steal_pointer (&preview);
    }

  g_clear_pointer (&preview->header, g_strfreev);
  preview->format = SC_IMPORT_FORMAT_CSV;

  /* A spreadsheet previews as the import reads it: its sheet as rows of
   * text (the sheet with a table unless one was chosen)
   */
  if (sc_import_is_spreadsheet (peek, n_peek))
    {
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, error);
      g_autoptr(GInputStream) sheet = NULL;
      char delimiter = self->delimiter;
      gboolean ok;

      if (bytes == NULL ||
          !(sheet = sc_import_open_sheet_text (bytes, name, self->sheet, self->decimal_mark,
                                              &preview->sheet, error)))
        return NULL;
      /* The sheet comes as tab-separated text, whatever was detected */
      self->delimiter = '\t';
      ok = read_csv (self, sheet, preview, name, max_rows, cancellable, error);
      self->delimiter = delimiter;
      return ok ? g_steal_pointer (&preview) : NULL;
    }

  if (!read_csv (self, buffered, preview, name, max_rows, cancellable, error))
    return NULL;

  return g_steal_pointer (&preview);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  guint max_rows = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "max-rows"));
  ScImportPreview *preview;
  GError *error = NULL;

  preview = sc_import_preview_file (source_object, task_data, max_rows, cancellable, &error);
  if (preview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) sc_import_preview_free);
}

/* Reads the preview in a worker thread; do not change @self until it finished. */
void
sc_import_preview_file_async (ScImport            *self,
                              GFile               *file,
                              guint                max_rows,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_IMPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_import_preview_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "max-rows", GUINT_TO_POINTER (max_rows));
  g_task_run_in_thread (task, preview_thread);
}

ScImportPreview *
sc_import_preview_file_finish (ScImport      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The cell at @row and @column (0-based, after the header), "" past the end. */
const char *
sc_import_preview_get_cell (const ScImportPreview *preview,
                            guint                  row,
                            guint                  column)
{
  g_return_val_if_fail (preview != NULL, NULL);

  if (row >= preview->rows->len || column >= preview->n_columns)
    return "";

  return ((char **) g_ptr_array_index (preview->rows, row))[column];
}

void
sc_import_preview_free (ScImportPreview *preview)
{
  if (preview == NULL)
    return;

  g_free (preview->encoding);
  g_free (preview->sheet);
  g_strfreev (preview->header);
  g_free (preview->roles);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}
