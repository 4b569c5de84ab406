/* sc-reader-xlsx.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A streaming reader of spreadsheet workbooks: Office Open XML (.xlsx) and
 * OpenDocument (.ods). libgsf opens the zip container; each XML part is
 * inflated in chunks of 64 KiB and fed to a GMarkupParseContext, so a sheet
 * is never held whole. This file reads the container and the small parts
 * (relationships, the workbook's sheet list, styles, shared strings) and
 * hands the cells of a sheet's rows to a callback. Every part is capped in
 * size, nesting and count, so hostile files fail quickly with a clear error.
 * The workbook's own parts are read in sc-reader-xlsx-book.c.
 */

#define G_LOG_DOMAIN "sc-reader-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include <gsf/gsf-infile-impl.h>

#include "sc-import.h"
#include "sc-reader-xlsx-private.h"

G_DEFINE_FINAL_TYPE (ScReaderXlsx, sc_reader_xlsx, G_TYPE_OBJECT)

static void
xlsx_sheet_free (gpointer data)
{
  XlsxSheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->path);
  g_free (sheet);
}

static void
sc_reader_xlsx_finalize (GObject *object)
{
  ScReaderXlsx *self = (ScReaderXlsx *)object;

  xlsx_merges_free (self); /* first: stops the thread that reads the bytes */
  xlsx_part_close (self);
  g_clear_object (&self->zip);
  g_clear_object (&self->source);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->ods_value, g_free);
  g_clear_pointer (&self->strings_path, g_free);
  g_clear_pointer (&self->styles_path, g_free);
  g_string_free (self->sst_data, TRUE);
  g_clear_pointer (&self->sst_offsets, g_array_unref);
  g_clear_pointer (&self->numfmts, g_hash_table_unref);
  g_clear_pointer (&self->xf_dates, g_array_unref);
  g_string_free (self->text, TRUE);
  g_string_free (self->row_text, TRUE);
  g_clear_pointer (&self->row_cells, g_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);

  G_OBJECT_CLASS (sc_reader_xlsx_parent_class)->finalize (object);
}

static void
sc_reader_xlsx_class_init (ScReaderXlsxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_reader_xlsx_finalize;
}

static void
sc_reader_xlsx_init (ScReaderXlsx *self)
{
  self->sheets = g_ptr_array_new_with_free_func (xlsx_sheet_free);
  self->sst_data = g_string_new (NULL);
  self->sst_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->numfmts = g_hash_table_new (NULL, NULL);
  self->xf_dates = g_array_new (FALSE, TRUE, sizeof (guint8));
  self->text = g_string_sized_new (256);
  self->row_text = g_string_sized_new (1024);
  self->row_cells = g_array_new (FALSE, FALSE, sizeof (XlsxCell));
  self->cells = g_array_new (FALSE, FALSE, sizeof (ScSheetCell));
}

/* Helpers shared with the sheet and .ods parsers */

const char *
xlsx_attribute (const char **names,
                const char **values,
                const char  *local)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (xlsx_local_name (names[i]), local) == 0)
      return values[i];

  return NULL;
}

/* An error about the file or the part being read: "book.xlsx: part: …" */
gboolean
xlsx_set_error (ScReaderXlsx  *self,
                GError       **error,
                int            code,
                const char    *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->part_path != NULL)
    g_set_error (error, SC_IMPORT_ERROR, code, "%s: %s: %s", self->display_name, self->part_path, message);
  else
    g_set_error (error, SC_IMPORT_ERROR, code, "%s: %s", self->display_name, message);

  return FALSE;
}

/* An error about the current cell of the sheet: "book.xlsx: Suppliers!C17: …" */
gboolean
xlsx_cell_error (ScReaderXlsx  *self,
                 GError       **error,
                 int            code,
                 const char    *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *cell = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  cell = sc_reader_xlsx_cell_name (self->sheet_name, self->column, self->row);
  g_set_error (error, SC_IMPORT_ERROR, code, "%s: %s: %s", self->display_name, cell, message);

  return FALSE;
}

/* Each element start: GMarkup keeps its own stack, so depth is capped here. */
gboolean
xlsx_enter (ScReaderXlsx  *self,
            GError       **error)
{
  self->fed_since_event = 0;
  if (++self->depth > SC_READER_XLSX_MAX_DEPTH)
    return xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                           _("the XML is nested more than %d levels deep"), SC_READER_XLSX_MAX_DEPTH);
  return TRUE;
}

void
xlsx_leave (ScReaderXlsx *self)
{
  self->fed_since_event = 0;
  if (self->depth > 0)
    self->depth--;
}

/* Parts */

/* The child @name of @dir, or NULL. gsf_infile_child_by_name() prints a
 * warning when an entry is damaged; the class's lookup gives the error to us
 * instead, and the reader's own error names the file and the part.
 */
static GsfInput *
child_quietly (GsfInfile  *dir,
               const char *name)
{
  GsfInfileClass *klass = G_TYPE_INSTANCE_GET_CLASS (dir, GSF_INFILE_TYPE, GsfInfileClass);
  int n = gsf_infile_num_children (dir);

  for (int i = 0; i < n; i++)
    {
      const char *child = gsf_infile_name_by_index (dir, i);
      g_autoptr(GError) error = NULL;

      if (child != NULL && strcmp (child, name) == 0)
        return klass->child_by_index (dir, i, &error);
    }

  return NULL;
}

GsfInput *
xlsx_child_by_path (GsfInfile  *zip,
                    const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInput *input = g_object_ref (GSF_INPUT (zip));

  for (guint i = 0; names[i] != NULL && input != NULL; i++)
    {
      GsfInput *child = GSF_IS_INFILE (input) ? child_quietly (GSF_INFILE (input), names[i]) : NULL;

      g_object_unref (input);
      input = child;
    }

  return input;
}

/* Checks the sizes a part declares before inflating anything, so a zip
 * bomb fails at once rather than after gigabytes.
 */
static gboolean
check_part_size (ScReaderXlsx  *self,
                 gint64         size,
                 gint64         max_size,
                 GError       **error)
{
  gint64 file_size = g_bytes_get_size (self->bytes);
  g_autofree char *size_mib = NULL;
  g_autofree char *other = NULL;

  if (size > max_size || self->total_read + size > SC_READER_XLSX_MAX_TOTAL_SIZE)
    {
      size_mib = g_strdup_printf ("%" G_GINT64_FORMAT, size >> 20);
      other = g_strdup_printf ("%" G_GINT64_FORMAT, max_size >> 20);
      return xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                             /* Translators: both %s are sizes in mebibytes; a part is
                              * one file inside the workbook's zip archive */
                             _("the part unpacks to %s MiB, more than the %s MiB a workbook may hold"),
                             size_mib, other);
    }
  if (size > SC_READER_XLSX_MAX_SMALL_PART && size / MAX (file_size, 1) > SC_READER_XLSX_MAX_RATIO)
    {
      size_mib = g_strdup_printf ("%" G_GINT64_FORMAT, size >> 20);
      other = g_strdup_printf ("%" G_GINT64_FORMAT, file_size >> 10);
      return xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                             /* Translators: the first %s is a size in mebibytes, the
                              * second the workbook's size in kibibytes; a part is one
                              * file inside the workbook's zip archive */
                             _("the part unpacks to %s MiB from a %s KiB file; "
                               "this looks like a zip bomb, not a workbook"),
                             size_mib, other);
    }
  return TRUE;
}

/* Opens the part at @path for parsing with @parser. A missing part sets
 * *@found to FALSE when @found is given, and is an error otherwise.
 */
gboolean
xlsx_part_open (ScReaderXlsx         *self,
                const char           *path,
                const GMarkupParser  *parser,
                gint64                max_size,
                gboolean             *found,
                GError              **error)
{
  xlsx_part_close (self);
  self->part_path = g_strdup (path);
  self->part = xlsx_child_by_path (self->zip, path);
  if (found != NULL)
    *found = self->part != NULL;
  if (self->part == NULL)
    {
      if (found != NULL)
        {
          g_clear_pointer (&self->part_path, g_free);
          return TRUE;
        }
      g_clear_pointer (&self->part_path, g_free);
      return xlsx_set_error (self, error, SC_IMPORT_ERROR_SYNTAX,
                             _("the workbook has no part “%s”; is the file damaged?"), path);
    }

  if (!check_part_size (self, gsf_input_size (self->part), max_size, error))
    return FALSE;

  self->context = g_markup_parse_context_new (parser, 0, self, NULL);
  self->depth = 0;
  self->fed_since_event = 0;
  self->part_done = FALSE;

  return TRUE;
}

void
xlsx_part_close (ScReaderXlsx *self)
{
  g_clear_pointer (&self->context, g_markup_parse_context_free);
  g_clear_pointer (&self->scanner, sc_xml_scanner_free);
  g_clear_object (&self->part);
  g_clear_pointer (&self->part_path, g_free);
}

static gboolean
markup_error (ScReaderXlsx  *self,
              GError        *local_error,
              GError       **error)
{
  if (local_error->domain == SC_IMPORT_ERROR || local_error->domain == G_IO_ERROR)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  xlsx_set_error (self, error, SC_IMPORT_ERROR_SYNTAX, _("the XML is malformed: %s"), local_error->message);
  g_error_free (local_error);
  return FALSE;
}

/* Inflates one chunk of the open part and parses it; *@done at its end. */
gboolean
xlsx_part_feed (ScReaderXlsx  *self,
                gboolean      *done,
                GError       **error)
{
  GError *local_error = NULL;
  gsize n = MIN ((gsize) gsf_input_remaining (self->part), XLSX_CHUNK_SIZE);
  const guint8 *data;

  *done = FALSE;
  if (n == 0 || self->part_done)
    {
      *done = TRUE;
      if (!self->part_done &&
          !(self->scanner ? sc_xml_scanner_end (self->scanner, &local_error)
                          : g_markup_parse_context_end_parse (self->context, &local_error)))
        return markup_error (self, local_error, error);
      return TRUE;
    }

  if ((data = gsf_input_read (self->part, n, NULL)) == NULL)
    return xlsx_set_error (self, error, SC_IMPORT_ERROR_SYNTAX,
                           _("the part cannot be unpacked; is the file damaged?"));
  self->total_read += n;

  /* GMarkup gathers a text or a tag whole before any callback: cap that */
  self->fed_since_event += n;
  if (self->fed_since_event > 2 * SC_READER_XLSX_MAX_CELL + XLSX_CHUNK_SIZE)
    return xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                           _("a text or a tag is longer than %d MiB"), 2 * SC_READER_XLSX_MAX_CELL >> 20);

  if (!(self->scanner ? sc_xml_scanner_feed (self->scanner, (const char *) data, n, &local_error)
                      : g_markup_parse_context_parse (self->context, (const char *) data, n, &local_error)))
    return markup_error (self, local_error, error);

  return TRUE;
}

gboolean
xlsx_parse_part (ScReaderXlsx         *self,
                 const char           *path,
                 const GMarkupParser  *parser,
                 gboolean             *found,
                 GError              **error)
{
  gboolean done = FALSE;

  if (!xlsx_part_open (self, path, parser, SC_READER_XLSX_MAX_SMALL_PART, found, error))
    return FALSE;
  if (self->part == NULL)
    return TRUE;

  while (!done)
    if (!xlsx_part_feed (self, &done, error))
      return FALSE;

  xlsx_part_close (self);
  return TRUE;
}

/* Rows, for the sheet parsers */

void
xlsx_row_begin (ScReaderXlsx *self)
{
  g_string_truncate (self->row_text, 0);
  g_array_set_size (self->row_cells, 0);
  self->last_column = -1;
}

gboolean
xlsx_row_add_cell (ScReaderXlsx     *self,
                   guint             column,
                   ScSheetCellType   type,
                   const char       *text,
                   gsize             length,
                   GError          **error)
{
  XlsxCell cell = { column, type, self->row_text->len, length, FALSE, FALSE };

  if ((int) column <= self->last_column)
    return xlsx_cell_error (self, error, SC_IMPORT_ERROR_SYNTAX,
                            _("the cell comes after a cell to its right; is the file damaged?"));
  if (column >= SC_READER_XLSX_MAX_COLUMNS)
    return xlsx_cell_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                            _("more than %d columns"), SC_READER_XLSX_MAX_COLUMNS);
  if (self->row_text->len + length > 16 * SC_READER_XLSX_MAX_CELL)
    return xlsx_cell_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                            _("the row holds more than %d MiB"), 16 * SC_READER_XLSX_MAX_CELL >> 20);

  self->last_column = column;
  g_string_append_len (self->row_text, text, length);
  g_string_append_c (self->row_text, '\0');
  g_array_append_val (self->row_cells, cell);

  return TRUE;
}

gboolean
xlsx_row_end (ScReaderXlsx  *self,
              GError       **error)
{
  if (self->row_cells->len == 0)
    return TRUE;
  if (self->merge_thread != NULL)
    return xlsx_merges_hold (self, error);

  return xlsx_row_emit (self, error);
}

/* The row read, with its merged cells filled, to the callback. */
gboolean
xlsx_row_emit (ScReaderXlsx  *self,
               GError       **error)
{
  guint n;

  if (!xlsx_merges_apply (self, error))
    return FALSE;
  n = self->row_cells->len;

  g_array_set_size (self->cells, n);
  for (guint i = 0; i < n; i++)
    {
      const XlsxCell *c = &g_array_index (self->row_cells, XlsxCell, i);
      ScSheetCell *out = &g_array_index (self->cells, ScSheetCell, i);

      out->column = c->column;
      out->type = c->type;
      out->text = self->row_text->str + c->offset;
      out->length = c->length;
      out->covered = c->covered;
      out->merged_across = c->merged_across;
    }

  return self->func (self->row, (const ScSheetCell *) self->cells->data, n, self->func_data, error);
}

/* Public API */

ScReaderXlsx *
sc_reader_xlsx_new (const char *display_name)
{
  ScReaderXlsx *self = g_object_new (SC_TYPE_READER_XLSX, NULL);

  self->display_name = g_strdup (display_name);
  return self;
}

static gboolean
open_ole (ScReaderXlsx  *self,
          GError       **error)
{
  GsfInfile *ole = gsf_infile_msole_new (self->source, NULL);
  GsfInput *encrypted = ole ? xlsx_child_by_path (ole, "EncryptedPackage") : NULL;

  g_clear_object (&ole);
  if (encrypted != NULL)
    {
      g_object_unref (encrypted);
      return xlsx_set_error (self, error, SC_IMPORT_ERROR_ENCRYPTED,
                             _("This workbook is password-protected; save it without a password in "
                               "Excel and import again"));
    }

  return xlsx_set_error (self, error, SC_IMPORT_ERROR_SYNTAX,
                         _("this is an Excel 97–2003 workbook (.xls) or another Office file; save it "
                           "as an Excel workbook (.xlsx) or as CSV and import again"));
}

/**
 * sc_reader_xlsx_open:
 * @bytes: the whole file, an .xlsx or .ods (a zip) or an encrypted workbook
 *
 * Opens the container and reads the list of sheets.
 */
gboolean
sc_reader_xlsx_open (ScReaderXlsx  *self,
                     GBytes        *bytes,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GsfInput *content;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  g_return_val_if_fail (SC_IS_READER_XLSX (self), FALSE);
  g_return_val_if_fail (self->bytes == NULL, FALSE);

  self->bytes = g_bytes_ref (bytes);
  self->source = gsf_input_memory_new (data, size, FALSE);

  if (size >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return open_ole (self, error);

  self->zip = gsf_infile_zip_new (self->source, &local_error);
  if (self->zip == NULL)
    return xlsx_set_error (self, error, SC_IMPORT_ERROR_SYNTAX,
                           _("not a readable .xlsx or .ods workbook (%s)"),
                           local_error ? local_error->message : _("not a zip file"));

  content = xlsx_child_by_path (self->zip, "content.xml");
  if (content != NULL)
    {
      g_object_unref (content);
      self->ods = TRUE;
      return xlsx_ods_open (self, error);
    }

  return xlsx_open_workbook (self, error);
}

/* The name of the file in messages */
const char *
sc_reader_xlsx_get_display_name (ScReaderXlsx *self)
{
  g_return_val_if_fail (SC_IS_READER_XLSX (self), NULL);
  return self->display_name;
}

gboolean
sc_reader_xlsx_is_ods (ScReaderXlsx *self)
{
  g_return_val_if_fail (SC_IS_READER_XLSX (self), FALSE);
  return self->ods;
}

guint
sc_reader_xlsx_get_n_sheets (ScReaderXlsx *self)
{
  g_return_val_if_fail (SC_IS_READER_XLSX (self), 0);
  return self->sheets->len;
}

const char *
sc_reader_xlsx_get_sheet_name (ScReaderXlsx *self,
                               guint         sheet)
{
  g_return_val_if_fail (SC_IS_READER_XLSX (self), NULL);
  g_return_val_if_fail (sheet < self->sheets->len, NULL);
  return ((XlsxSheet *) g_ptr_array_index (self->sheets, sheet))->name;
}

gboolean
sc_reader_xlsx_get_sheet_hidden (ScReaderXlsx *self,
                                 guint         sheet)
{
  g_return_val_if_fail (SC_IS_READER_XLSX (self), FALSE);
  g_return_val_if_fail (sheet < self->sheets->len, FALSE);
  return ((XlsxSheet *) g_ptr_array_index (self->sheets, sheet))->hidden;
}

/**
 * sc_reader_xlsx_begin_sheet:
 *
 * Starts reading @sheet; sc_reader_xlsx_read_chunk() then calls @func for
 * its rows a chunk at a time.
 */
gboolean
sc_reader_xlsx_begin_sheet (ScReaderXlsx    *self,
                            guint            sheet,
                            ScSheetRowFunc   func,
                            gpointer         user_data,
                            GError         **error)
{
  XlsxSheet *s;

  g_return_val_if_fail (SC_IS_READER_XLSX (self), FALSE);
  g_return_val_if_fail (sheet < self->sheets->len, FALSE);

  s = g_ptr_array_index (self->sheets, sheet);
  self->sheet_index = sheet;
  self->sheet_name = s->name;
  self->func = func;
  self->func_data = user_data;
  self->row = 0;
  self->column = 0;
  self->n_rows_seen = 0;
  self->ods_table = 0;
  self->in_sheet_data = self->in_cell = self->collect = FALSE;
  xlsx_merges_reset (self);

  if (self->ods)
    return xlsx_part_open (self, "content.xml", &xlsx_ods_parser, SC_READER_XLSX_MAX_PART_SIZE, NULL, error);

  if (!xlsx_load_parts (self, error) ||
      !xlsx_part_open (self, s->path, &xlsx_sheet_parser, SC_READER_XLSX_MAX_PART_SIZE, NULL, error))
    return FALSE;
  if (!self->no_merges)
    xlsx_merges_start (self, s->path);

  /* Sheets are most of a workbook: the faster scanner drives the same callbacks */
  if (!self->use_gmarkup)
    {
      g_clear_pointer (&self->context, g_markup_parse_context_free);
      self->scanner = sc_xml_scanner_new (&xlsx_sheet_parser, self);
      sc_xml_scanner_set_text_wanted (self->scanner, &self->collect);
    }
  return TRUE;
}

typedef struct
{
  ScSheetRowFunc  func;
  gpointer        user_data;
  guint           max_rows;
  guint           n_rows;
  guint64         last_row;
  guint           n_columns;
} Sample;

static gboolean
sample_row_cb (guint64             row,
               const ScSheetCell  *cells,
               guint               n_cells,
               gpointer            user_data,
               GError            **error)
{
  Sample *sample = user_data;

  sample->last_row = row;
  sample->n_columns = MAX (sample->n_columns, cells[n_cells - 1].column + 1);
  if (sample->n_rows++ >= sample->max_rows)
    return TRUE;

  return sample->func (row, cells, n_cells, sample->user_data, error);
}

/* The rows of a sheet not read to its end and without a <dimension>: as
 * many as the rows read would make of the whole part.
 */
static void
estimate_size (ScReaderXlsx *self,
               XlsxSheet    *sheet,
               const Sample *sample)
{
  gint64 read = self->part ? gsf_input_tell (self->part) : 0;
  gint64 size = self->part ? gsf_input_size (self->part) : 0;

  sheet->n_rows = sample->last_row;
  if (read > 0 && size > read)
    sheet->n_rows = MIN ((guint64) ((double) sample->last_row * size / read), SC_READER_XLSX_MAX_ROWS);
  sheet->n_columns = sample->n_columns;
  sheet->size_known = TRUE;
}

/**
 * sc_reader_xlsx_sample_sheet:
 * @max_rows: how many rows with content to give @func
 * @complete: (out): whether the whole sheet was read
 *
 * A look at the shape of @sheet: calls @func for its first @max_rows rows
 * with content, and stops soon after. Merged ranges are not looked ahead
 * for (the cells they cover come empty), so a large sheet costs only its
 * first chunk. Afterwards sc_reader_xlsx_get_sheet_size() knows the sheet's
 * size: counted when it was read whole, else from its dimension or, for a
 * sheet without one, estimated from the part's size.
 */
gboolean
sc_reader_xlsx_sample_sheet (ScReaderXlsx    *self,
                             guint            sheet,
                             guint            max_rows,
                             ScSheetRowFunc   func,
                             gpointer         user_data,
                             gboolean        *complete,
                             GCancellable    *cancellable,
                             GError         **error)
{
  Sample sample = { func, user_data, max_rows, 0, 0, 0 };
  XlsxSheet *s;
  gboolean done = FALSE;
  gboolean ok;

  g_return_val_if_fail (SC_IS_READER_XLSX (self), FALSE);
  g_return_val_if_fail (sheet < self->sheets->len, FALSE);

  self->no_merges = TRUE;
  ok = sc_reader_xlsx_begin_sheet (self, sheet, sample_row_cb, &sample, error);
  while (ok && !done && sample.n_rows < max_rows)
    ok = sc_reader_xlsx_read_chunk (self, &done, cancellable, error);
  self->no_merges = FALSE;
  if (!ok)
    return FALSE;

  s = g_ptr_array_index (self->sheets, sheet);
  if (done)
    {
      s->n_rows = sample.last_row;
      s->n_columns = sample.n_columns;
      s->size_known = TRUE;
    }
  else if (!s->size_known)
    estimate_size (self, s, &sample);
  xlsx_part_close (self);

  *complete = done;
  return TRUE;
}

/**
 * sc_reader_xlsx_get_sheet_size:
 * @n_rows: (out): the last row with content (1-based), 0 for an empty sheet
 * @n_columns: (out): the last column with content + 1
 *
 * The size of @sheet, where it is known without reading it: an .ods
 * counts it when opened, an .xlsx once sampled (sc_reader_xlsx_sample_sheet())
 * or read.
 *
 * Returns: whether the size is known
 */
gboolean
sc_reader_xlsx_get_sheet_size (ScReaderXlsx *self,
                               guint         sheet,
                               guint64      *n_rows,
                               guint        *n_columns)
{
  XlsxSheet *s;

  g_return_val_if_fail (SC_IS_READER_XLSX (self), FALSE);
  g_return_val_if_fail (sheet < self->sheets->len, FALSE);

  s = g_ptr_array_index (self->sheets, sheet);
  *n_rows = s->size_known ? s->n_rows : 0;
  *n_columns = s->size_known ? s->n_columns : 0;
  return s->size_known;
}

/* Reads sheets with GMarkupParseContext rather than the faster scanner:
 * the tests and the fuzzer compare the two.
 */
void
sc_reader_xlsx_set_use_gmarkup (ScReaderXlsx *self,
                                gboolean      use_gmarkup)
{
  g_return_if_fail (SC_IS_READER_XLSX (self));
  self->use_gmarkup = !!use_gmarkup;
}

gboolean
sc_reader_xlsx_read_chunk (ScReaderXlsx  *self,
                           gboolean      *done,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (SC_IS_READER_XLSX (self), FALSE);
  g_return_val_if_fail (self->context != NULL || self->scanner != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!xlsx_part_feed (self, done, error))
    return FALSE;
  if (*done)
    {
      xlsx_part_close (self);
      return xlsx_merges_finish (self, error);
    }

  return TRUE;
}

/* "C17", or "Suppliers!C17"; a sheet name with spaces or punctuation is
 * quoted as Excel writes it: 'Q1 data'!C17.
 */
char *
sc_reader_xlsx_cell_name (const char *sheet,
                          guint       column,
                          guint64     row)
{
  char letters[8];
  int n = 0;
  gboolean quote = FALSE;
  g_autofree char *escaped = NULL;
  char reversed[8];

  for (guint c = column + 1; c > 0 && n < 7; c = (c - 1) / 26)
    reversed[n++] = 'A' + (c - 1) % 26;
  for (int i = 0; i < n; i++)
    letters[i] = reversed[n - 1 - i];
  letters[n] = '\0';

  if (sheet == NULL)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, letters, row);

  for (const char *p = sheet; *p != '\0'; p++)
    quote |= !g_ascii_isalnum (*p) && *p != '_' && !((guchar) *p & 0x80);
  if (!quote)
    return g_strdup_printf ("%s!%s%" G_GUINT64_FORMAT, sheet, letters, row);

  {
    g_auto(GStrv) parts = g_strsplit (sheet, "'", -1);
    escaped = g_strjoinv ("''", parts);
  }
  return g_strdup_printf ("'%s'!%s%" G_GUINT64_FORMAT, escaped, letters, row);
}

/**
 * sc_reader_xlsx_serial_to_date:
 * @serial: days since the epoch of the date system, with the time as fraction
 * @date1904: the 1904 date system (days since 1904-01-01) rather than 1900
 * @with_day: write "YYYY-MM-DD" rather than "YYYY-MM"
 *
 * In the 1900 system serial 1 is 1900-01-01 and serial 60 is the
 * 1900-02-29 that Lotus 1-2-3 believed in and Excel keeps; it is written
 * as such, and the period parser refuses it as a day that does not exist.
 *
 * Returns: %FALSE when @serial is no date Excel can show
 */
gboolean
sc_reader_xlsx_serial_to_date (double    serial,
                               gboolean  date1904,
                               gboolean  with_day,
                               char     *buffer,
                               gsize     size)
{
  g_autoptr(GDate) date = NULL;
  double days = floor (serial + 1e-9);

  if (!isfinite (serial) || days < (date1904 ? 0 : 1) || days > 2958465)
    return FALSE;

  if (!date1904 && days == 60)
    {
      g_snprintf (buffer, size, with_day ? "1900-02-29" : "1900-02");
      return TRUE;
    }

  date = date1904 ? g_date_new_dmy (1, 1, 1904) : g_date_new_dmy (31, 12, 1899);
  if (!date1904 && days > 60)
    days--;
  g_date_add_days (date, (guint) days);

  if (with_day)
    g_snprintf (buffer, size, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                g_date_get_day (date));
  else
    g_snprintf (buffer, size, "%04u-%02u", g_date_get_year (date), g_date_get_month (date));
  return TRUE;
}
