/* sc-sheet-text-stream.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sheet of a workbook as tab-separated UTF-8 text, read as it is asked
 * for: the import (and its preview) reads it with the CSV reader, so that a
 * sheet goes through exactly the column mapping, number and period parsing,
 * validation, staging and commit of a CSV file. Line N of the text is row N
 * of the sheet and field N its column N, so positions map back to cells.
 *
 * The header is found as a person would: rows above it with at most one
 * cell (a title, a merged banner) are dropped; the header is the block of
 * adjacent rows right above the first row holding numbers or dates, its
 * cells merged column by column, the lowest row winning (a group label
 * merged over several columns only names the columns below it that are
 * empty).
 *
 * Merged cells arrive filled with the value of their range's first cell
 * (sc-reader-xlsx-merge.c): only a row's own cells count towards telling a
 * title from a header, numbers or dates merged across columns are labels,
 * not values, and a period merged over the KPIs below it ("Mar 2025" over
 * OTD and PPM) is kept in their names ("Mar 2025 OTD"), which the import
 * reads as a KPI column of that period.
 */

#define G_LOG_DOMAIN "sc-sheet-text-stream"

#include "config.h"

#include <string.h>

#include "sc-period-parse.h"
#include "sc-sheet-text-stream.h"

#define HEAD_MAX_ROWS   32
#define CHUNK_TEXT      (256 * 1024)
#define XLSX_TEXT_SLACK (64 * 1024)
#define MAX_QUEUED      8

typedef struct
{
  guint64    row;
  GPtrArray *cells;            /* char * per column from A, NULL where empty */
  GByteArray *across;          /* per column: merged across columns */
  guint      n_cells;          /* cells with a value of their own */
  guint      has_number : 1;
} HeadRow;

struct _ScSheetTextStream
{
  GInputStream  parent_instance;

  ScReaderXlsx *reader;
  guint         sheet;
  char          decimal_mark;
  GString      *out;
  gsize         out_pos;
  guint64       line;          /* lines written */
  guint64       n_rows;        /* rows with content in the current sheet */
  GPtrArray    *head;          /* HeadRow, until the header is found */
  GError       *error;

  /* Between the producer thread and the reader of the stream */
  GThread      *thread;
  GCancellable *cancellable;
  GMutex        mutex;
  GCond         cond;
  GQueue       *queue;         /* GBytes of text */
  GBytes       *chunk;         /* being read */
  gsize         chunk_pos;
  gboolean      stopping;      /* these two under the mutex */
  gboolean      finished;

  /* The producer's own state. Not bit fields: a bit field shares its word
   * with its neighbours, and writing one rewrote stopping and finished
   * without the mutex (helgrind)
   */
  gboolean      started;
  gboolean      header_done;
  gboolean      done;
};

G_DEFINE_FINAL_TYPE (ScSheetTextStream, sc_sheet_text_stream, G_TYPE_INPUT_STREAM)

static void
head_row_free (gpointer data)
{
  HeadRow *row = data;

  g_ptr_array_unref (row->cells);
  g_byte_array_unref (row->across);
  g_free (row);
}

/* Writing text */

static void
append_field (GString    *out,
              const char *text,
              gsize       len)
{
  gboolean plain = TRUE;

  for (gsize i = 0; i < len && plain; i++)
    plain = text[i] != '\t' && text[i] != '"' && text[i] != '\n' && text[i] != '\r';
  if (plain)
    {
      g_string_append_len (out, text, len);
      return;
    }

  /* Line breaks in a cell become spaces, so that lines stay rows */
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];

      if (c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
begin_line (ScSheetTextStream *self,
            guint64            row)
{
  while (self->line + 1 < row)
    {
      g_string_append_c (self->out, '\n');
      self->line++;
    }
}

static void
end_line (ScSheetTextStream *self,
          guint64            row)
{
  g_string_append_c (self->out, '\n');
  self->line = MAX (row, self->line + 1);
}

/* A number with the import's decimal mark: "95.1" → "95,1" */
static void
append_cell (ScSheetTextStream *self,
             const ScSheetCell *cell)
{
  if (cell->type == SC_SHEET_CELL_NUMBER && self->decimal_mark == ',' && memchr (cell->text, '.', cell->length))
    {
      g_autofree char *copy = g_strndup (cell->text, cell->length);

      g_strdelimit (copy, ".", ',');
      append_field (self->out, copy, cell->length);
      return;
    }

  append_field (self->out, cell->text, cell->length);
}

static void
write_row (ScSheetTextStream *self,
           guint64            row,
           const ScSheetCell *cells,
           guint              n_cells)
{
  guint column = 0;

  begin_line (self, row);
  for (guint i = 0; i < n_cells; i++)
    {
      for (; column < cells[i].column; column++)
        g_string_append_c (self->out, '\t');
      append_cell (self, &cells[i]);
    }
  end_line (self, row);
}

/* The header */

static void
head_add (ScSheetTextStream *self,
          guint64            row,
          const ScSheetCell *cells,
          guint              n_cells)
{
  HeadRow *head = g_new0 (HeadRow, 1);

  head->row = row;
  head->cells = g_ptr_array_new_with_free_func (g_free);
  head->across = g_byte_array_new ();
  for (guint i = 0; i < n_cells; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      GString *saved = self->out;

      /* Kept as written out, so that numbers carry the decimal mark */
      self->out = text;
      append_cell (self, &cells[i]);
      self->out = saved;

      g_ptr_array_set_size (head->cells, MAX (head->cells->len, cells[i].column + 1));
      g_ptr_array_index (head->cells, cells[i].column) = g_string_free (g_steal_pointer (&text), FALSE);
      g_byte_array_set_size (head->across, head->cells->len);
      head->across->data[cells[i].column] = cells[i].merged_across;
      head->n_cells += !cells[i].covered;
      head->has_number |= (cells[i].type == SC_SHEET_CELL_NUMBER ||
                           cells[i].type == SC_SHEET_CELL_DATE) && !cells[i].merged_across;
    }
  g_ptr_array_add (self->head, head);
}

static HeadRow *
head_at (ScSheetTextStream *self,
         guint              i)
{
  return g_ptr_array_index (self->head, i);
}

/* Row @i has a header row right above it. */
static gboolean
has_header_above (ScSheetTextStream *self,
                  guint              i)
{
  return i > 0 && head_at (self, i - 1)->row + 1 == head_at (self, i)->row && head_at (self, i - 1)->n_cells >= 2;
}

static void
write_head_row (ScSheetTextStream *self,
                guint64            row,
                GPtrArray         *cells)
{
  begin_line (self, row);
  for (guint c = 0; c < cells->len; c++)
    {
      const char *text = g_ptr_array_index (cells, c);

      if (c > 0)
        g_string_append_c (self->out, '\t');
      if (text != NULL)
        g_string_append (self->out, text);
    }
  end_line (self, row);
}

/* The period merged over the column above its name (row @lowest), if any:
 * group labels that are no period (Quality, Delivery) are passed over.
 */
static const char *
period_group (ScSheetTextStream *self,
              guint              first,
              guint              lowest,
              guint              column)
{
  for (guint i = lowest; i-- > first;)
    {
      HeadRow *row = head_at (self, i);
      const char *text = column < row->cells->len ? g_ptr_array_index (row->cells, column) : NULL;
      ScLoosePeriod period;

      if (text == NULL)
        continue;
      if (!row->across->data[column])
        return NULL;
      if (sc_loose_period_parse (text, SC_DATE_ORDER_UNKNOWN, &period) == SC_LOOSE_PERIOD_OK)
        return text;
    }

  return NULL;
}

/* Chooses the header among the rows read so far and writes it and the rows after it. */
static void
decide_header (ScSheetTextStream *self)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lowest = g_array_new (FALSE, TRUE, sizeof (guint));
  guint first = 0, last = G_MAXUINT;

  self->header_done = TRUE;
  for (guint i = 1; i < self->head->len && last == G_MAXUINT; i++)
    if (head_at (self, i)->has_number && has_header_above (self, i))
      last = i - 1;

  if (last != G_MAXUINT)
    for (first = last; has_header_above (self, first);)
      first--;
  else
    {
      for (first = 0; first + 1 < self->head->len && head_at (self, first)->n_cells < 2;)
        first++;
      last = first;
    }

  /* The lowest non-empty cell of each column names it, after a period above it */
  for (guint i = first; i <= last && i < self->head->len; i++)
    {
      GPtrArray *cells = head_at (self, i)->cells;

      g_array_set_size (lowest, MAX (lowest->len, cells->len));
      for (guint c = 0; c < cells->len; c++)
        if (g_ptr_array_index (cells, c) != NULL)
          g_array_index (lowest, guint, c) = i + 1;
    }
  for (guint c = 0; c < lowest->len; c++)
    {
      guint i = g_array_index (lowest, guint, c);
      const char *name = i > 0 ? g_ptr_array_index (head_at (self, i - 1)->cells, c) : NULL;
      const char *period = i > 0 ? period_group (self, first, i - 1, c) : NULL;

      g_ptr_array_add (header, period ? g_strconcat (period, " ", name, NULL) : g_strdup (name));
    }

  if (last < self->head->len)
    write_head_row (self, head_at (self, last)->row, header);
  for (guint i = last + 1; i < self->head->len; i++)
    write_head_row (self, head_at (self, i)->row, head_at (self, i)->cells);

  g_ptr_array_set_size (self->head, 0);
}

static gboolean
on_row_cb (guint64             row,
           const ScSheetCell  *cells,
           guint               n_cells,
           gpointer            user_data,
           GError            **error)
{
  ScSheetTextStream *self = user_data;

  self->n_rows++;
  if (self->header_done)
    {
      write_row (self, row, cells, n_cells);
      return TRUE;
    }

  head_add (self, row, cells, n_cells);
  if (self->head->len >= HEAD_MAX_ROWS ||
      (head_at (self, self->head->len - 1)->has_number && has_header_above (self, self->head->len - 1)))
    decide_header (self);

  return TRUE;
}

/* Reading */

/* Reads one chunk of the sheet into self->out. */
static gboolean
fill (ScSheetTextStream  *self,
      GCancellable       *cancellable,
      GError            **error)
{
  gboolean done = FALSE;

  if (!self->started)
    {
      self->started = TRUE;
      return sc_reader_xlsx_begin_sheet (self->reader, self->sheet, on_row_cb, self, error);
    }

  if (!sc_reader_xlsx_read_chunk (self->reader, &done, cancellable, error))
    return FALSE;
  if (!done)
    return TRUE;

  if (!self->header_done)
    decide_header (self);

  self->done = TRUE;
  return TRUE;
}

/* The producer: runs in its own thread, so that unpacking and scanning the
 * sheet on one core overlaps with the import of its text on the other.
 */
static gpointer
produce_thread (gpointer data)
{
  ScSheetTextStream *self = data;
  GError *error = NULL;
  gboolean stop = FALSE;

  while (!stop)
    {
      GBytes *chunk = NULL;

      if (self->stopping || !fill (self, self->cancellable, &error) || self->done || self->out->len >= CHUNK_TEXT)
        {
          chunk = g_bytes_new (self->out->str, self->out->len);
          g_string_truncate (self->out, 0);
        }
      if (chunk == NULL)
        continue;

      g_mutex_lock (&self->mutex);
      while (self->queue->length >= MAX_QUEUED && !self->stopping)
        g_cond_wait (&self->cond, &self->mutex);
      g_queue_push_tail (self->queue, chunk);
      stop = self->stopping || error != NULL || self->done;
      if (error != NULL)
        self->error = error;
      self->finished = stop;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);
    }

  return NULL;
}

static void
stop_producer (ScSheetTextStream *self)
{
  if (self->thread == NULL)
    return;

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_clear_pointer (&self->thread, g_thread_join);
}

/* The next chunk of text; NULL at the end or on error. */
static GBytes *
next_chunk (ScSheetTextStream *self)
{
  GBytes *chunk;

  g_mutex_lock (&self->mutex);
  while (self->queue->length == 0 && !self->finished)
    g_cond_wait (&self->cond, &self->mutex);
  chunk = g_queue_pop_head (self->queue);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  return chunk;
}

static gssize
sc_sheet_text_stream_read (GInputStream  *stream,
                           void          *buffer,
                           gsize          count,
                           GCancellable  *cancellable,
                           GError       **error)
{
  ScSheetTextStream *self = SC_SHEET_TEXT_STREAM (stream);
  gsize n = 0;

  if (self->thread == NULL && !self->finished)
    {
      g_set_object (&self->cancellable, cancellable);
      self->thread = g_thread_new ("sc-sheet-text", produce_thread, self);
    }

  while (self->chunk == NULL || self->chunk_pos == g_bytes_get_size (self->chunk))
    {
      g_clear_pointer (&self->chunk, g_bytes_unref);
      self->chunk_pos = 0;
      if ((self->chunk = next_chunk (self)) == NULL)
        break;
    }

  if (self->chunk != NULL)
    {
      n = MIN (count, g_bytes_get_size (self->chunk) - self->chunk_pos);
      memcpy (buffer, (const char *) g_bytes_get_data (self->chunk, NULL) + self->chunk_pos, n);
      self->chunk_pos += n;
      return n;
    }

  stop_producer (self);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return -1;
    }
  return 0;
}

static gboolean
sc_sheet_text_stream_close (GInputStream  *stream,
                            GCancellable  *cancellable,
                            GError       **error)
{
  stop_producer (SC_SHEET_TEXT_STREAM (stream));
  return TRUE;
}

static void
sc_sheet_text_stream_finalize (GObject *object)
{
  ScSheetTextStream *self = (ScSheetTextStream *)object;

  stop_producer (self);
  g_clear_object (&self->reader);
  g_clear_object (&self->cancellable);
  g_string_free (self->out, TRUE);
  g_clear_pointer (&self->head, g_ptr_array_unref);
  g_clear_pointer (&self->chunk, g_bytes_unref);
  g_queue_free_full (self->queue, (GDestroyNotify) g_bytes_unref);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (sc_sheet_text_stream_parent_class)->finalize (object);
}

static void
sc_sheet_text_stream_class_init (ScSheetTextStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = sc_sheet_text_stream_finalize;
  stream_class->read_fn = sc_sheet_text_stream_read;
  stream_class->close_fn = sc_sheet_text_stream_close;
}

static void
sc_sheet_text_stream_init (ScSheetTextStream *self)
{
  self->out = g_string_sized_new (CHUNK_TEXT + XLSX_TEXT_SLACK);
  self->head = g_ptr_array_new_with_free_func (head_row_free);
  self->queue = g_queue_new ();
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
}

/**
 * sc_sheet_text_stream_new:
 * @reader: an opened workbook
 * @sheet: the sheet to read (sc_import_choose_sheet() chooses it)
 * @decimal_mark: the mark numbers are written with, '.' or ','
 */
GInputStream *
sc_sheet_text_stream_new (ScReaderXlsx *reader,
                          guint         sheet,
                          char          decimal_mark)
{
  ScSheetTextStream *self;

  g_return_val_if_fail (SC_IS_READER_XLSX (reader), NULL);

  self = g_object_new (SC_TYPE_SHEET_TEXT_STREAM, NULL);
  self->reader = g_object_ref (reader);
  self->sheet = sheet;
  self->decimal_mark = decimal_mark == ',' ? ',' : '.';

  return G_INPUT_STREAM (self);
}

/* The sheet read. */
const char *
sc_sheet_text_stream_get_sheet (ScSheetTextStream *self)
{
  g_return_val_if_fail (SC_IS_SHEET_TEXT_STREAM (self), NULL);
  stop_producer (self);
  return sc_reader_xlsx_get_sheet_name (self->reader, self->sheet);
}

/* The error of reading the workbook, if any: the CSV reader only sees an I/O error. */
const GError *
sc_sheet_text_stream_get_error (ScSheetTextStream *self)
{
  g_return_val_if_fail (SC_IS_SHEET_TEXT_STREAM (self), NULL);
  stop_producer (self);
  return self->error;
}
