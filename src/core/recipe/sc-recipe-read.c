/* sc-recipe-read.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a file's rows into a recipe run.
 */

#define G_LOG_DOMAIN "sc-recipe-run"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-recipe-run-private.h"

/* Large files: one thread reads and splits the rows (as fast as the
 * disk and the CSV reader go), the calling thread aggregates them. Batches
 * go round between two queues, so at most N_BATCHES are in memory.
 */
#define BATCH_ROWS 8192
#define N_BATCHES  4

typedef struct
{
  FileRun      *fr;
  GAsyncQueue  *full;
  GAsyncQueue  *empty;
  GCancellable *cancellable;
  GError       *error;       /* the reader's, when it failed */
  gint          stop;        /* the aggregating side failed */
} Pipe;

static RowBatch *
row_batch_new (void)
{
  RowBatch *batch = g_new0 (RowBatch, 1);

  batch->text = g_string_sized_new (BATCH_ROWS * 64);
  batch->cells = g_array_new (FALSE, FALSE, sizeof (guint32));
  batch->lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  return batch;
}

static void
row_batch_free (RowBatch *batch)
{
  g_string_free (batch->text, TRUE);
  g_array_unref (batch->cells);
  g_array_unref (batch->lines);
  g_free (batch);
}

static void
row_batch_reset (RowBatch *batch)
{
  g_string_truncate (batch->text, 0);
  g_array_set_size (batch->cells, 0);
  g_array_set_size (batch->lines, 0);
  batch->n_rows = 0;
  batch->last = FALSE;
}

static void
add_slot (FileRun *fr,
          guint    column)
{
  if (fr->slots[column] >= 0)
    return;
  fr->slots[column] = fr->n_slots;
  fr->slot_columns[fr->n_slots++] = column;
}

/* The columns a batch row keeps: those the formulas read, the partner's
 * and the partner type's.
 */
static void
choose_slots (FileRun *fr)
{
  fr->slots = g_new (int, MAX (fr->table->n_columns, 1));
  fr->slot_columns = g_new (guint, fr->n_used + 2);
  for (guint c = 0; c < fr->table->n_columns; c++)
    fr->slots[c] = -1;
  for (guint u = 0; u < fr->n_used; u++)
    add_slot (fr, fr->used[u]);
  add_slot (fr, fr->partner_column);
  if (fr->type_column >= 0)
    add_slot (fr, fr->type_column);
}

static void
copy_row (FileRun  *fr,
          RowBatch *batch)
{
  guint64 line = sc_reader_csv_get_line (fr->reader);
  const char *texts[SC_READER_CSV_MAX_COLUMNS];
  gsize lengths[SC_READER_CSV_MAX_COLUMNS];
  gsize start = batch->text->len, total = 0;
  guint32 *cells;
  char *out;

  /* One resize and a memcpy per cell: this runs a million times */
  for (guint s = 0; s < fr->n_slots; s++)
    {
      texts[s] = sc_reader_csv_get_field (fr->reader, fr->slot_columns[s], &lengths[s]);
      total += lengths[s] + 1;
    }
  g_string_set_size (batch->text, start + total);
  g_array_set_size (batch->cells, batch->cells->len + fr->n_slots * 2);
  cells = &g_array_index (batch->cells, guint32, (gsize) batch->n_rows * fr->n_slots * 2);
  out = batch->text->str + start;
  for (guint s = 0; s < fr->n_slots; s++)
    {
      cells[2 * s] = out - batch->text->str;
      cells[2 * s + 1] = lengths[s];
      memcpy (out, texts[s], lengths[s]);
      out += lengths[s];
      *out++ = '\0';
    }
  g_array_append_val (batch->lines, line);
  batch->n_rows++;
}

static gpointer
read_thread (gpointer data)
{
  Pipe *pipe = data;
  FileRun *fr = pipe->fr;
  RowBatch *batch = g_async_queue_pop (pipe->empty);

  while (!g_atomic_int_get (&pipe->stop) &&
         sc_reader_csv_next_row (fr->reader, pipe->cancellable, &pipe->error))
    {
      copy_row (fr, batch);
      if (batch->n_rows < BATCH_ROWS && batch->text->len < 16 * 1024 * 1024)
        continue;
      g_async_queue_push (pipe->full, batch);
      batch = g_async_queue_pop (pipe->empty);
      row_batch_reset (batch);
    }

  batch->last = TRUE;
  g_async_queue_push (pipe->full, batch);
  return NULL;
}

static gboolean
read_rows_in_two_threads (FileRun       *fr,
                          GCancellable  *cancellable,
                          GError       **error)
{
  Pipe pipe = { fr, g_async_queue_new (), g_async_queue_new (), cancellable, NULL, 0 };
  g_autoptr(GThread) thread = NULL;
  gboolean ok = TRUE, last = FALSE;

  choose_slots (fr);
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (pipe.empty, row_batch_new ());
  thread = g_thread_new ("sc-recipe-read", read_thread, &pipe);

  while (!last)
    {
      RowBatch *batch = g_async_queue_pop (pipe.full);

      last = batch->last;
      fr->batch = batch;
      for (fr->batch_row = 0; ok && fr->batch_row < batch->n_rows; fr->batch_row++)
        if (!sc_recipe_file_take_row (fr, error))
          {
            ok = FALSE;
            g_atomic_int_set (&pipe.stop, TRUE);
          }
      fr->batch = NULL;
      row_batch_reset (batch);
      g_async_queue_push (pipe.empty, batch);
    }

  g_thread_join (g_steal_pointer (&thread));
  while (g_async_queue_length (pipe.empty) > 0)
    row_batch_free (g_async_queue_pop (pipe.empty));
  g_async_queue_unref (pipe.full);
  g_async_queue_unref (pipe.empty);

  if (ok && pipe.error != NULL)
    {
      g_propagate_error (error, pipe.error);
      return FALSE;
    }
  g_clear_error (&pipe.error);
  return ok;
}

static gboolean
read_rows (FileRun       *fr,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  for (guint64 i = 0; sc_reader_csv_next_row (fr->reader, cancellable, &local_error); i++)
    {
      if (i % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!sc_recipe_file_take_row (fr, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * sc_recipe_run_read:
 * @reader: an opened reader before its first row
 * @spreadsheet: (nullable): the workbook the rows come from, for lookups
 *   on its other sheets
 *
 * Reads every row of @reader into the run's groups: the first rows to
 * learn the columns, then the rest — on a second thread when there are
 * more than those.
 */
gboolean
sc_recipe_run_read (ScRecipeRun   *run,
                    ScImport      *import,
                    ScReaderCsv   *reader,
                    guint          source,
                    GBytes        *spreadsheet,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_auto(FileRun) fr = { 0 };
  ScImportSource *src = g_ptr_array_index (import->sources, source);
  gboolean ok;

  fr.run = run;
  fr.import = import;
  fr.reader = reader;
  fr.source = source;
  fr.name = src->name;
  fr.scratch = g_string_new (NULL);

  if (!sc_recipe_file_prepare (&fr, spreadsheet, error) ||
      !sc_recipe_file_take_held_rows (&fr, error))
    return FALSE;

  if (fr.table->complete)
    ok = TRUE;
  else if (g_get_num_processors () > 1)
    ok = read_rows_in_two_threads (&fr, cancellable, error);
  else
    ok = read_rows (&fr, cancellable, error);

  src->n_rows = sc_reader_csv_get_n_rows (reader);
  return ok;
}
