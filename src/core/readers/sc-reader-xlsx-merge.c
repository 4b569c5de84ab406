/* sc-reader-xlsx-merge.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Merged ranges of cells: a group label merged over the KPIs below it, a
 * partner's name merged down its rows. Every cell of a range takes the
 * value of its top-left cell, so the header and the long rows read as the
 * user sees them.
 *
 * An .xlsx sheet lists its ranges in <mergeCells> after <sheetData>, so
 * the reader looks ahead: a second thread inflates the sheet's part once
 * more, on its own zip reader, and only searches it for "<mergeCells" with
 * memmem(); nothing else is parsed, and only the list is kept. Meanwhile
 * the rows read are held back, up to HOLD_MAX bytes (then the reader
 * waits), and given out with their merged cells filled once the
 * list is known, so a large sheet still streams in flat memory and the
 * look-ahead costs little wall time on two cores. An .ods gives the spans
 * on the top-left cell itself (sc-reader-ods.c), before the cells they
 * cover. The count of ranges and the cells they cover are capped.
 */

#define G_LOG_DOMAIN "sc-reader-xlsx-merge"
#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sc-import.h"
#include "sc-reader-xlsx-private.h"

#define NEEDLE     "mergeCells"
#define NEEDLE_LEN (sizeof NEEDLE - 1)
#define EDGE       64
#define HOLD_MAX   (4 * 1024 * 1024)

/* "AB12" → column 27, row 12; the end of the reference in *@end. */
static gboolean
parse_cell (const char  *ref,
            guint       *column,
            guint64     *row,
            const char **end)
{
  guint c = 0;
  guint64 r = 0;
  int n = 0;

  for (; g_ascii_isalpha (*ref); ref++)
    {
      if (++n > 3)
        return FALSE;
      c = c * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
    }
  if (n == 0 || !g_ascii_isdigit (*ref))
    return FALSE;
  for (n = 0; g_ascii_isdigit (*ref); ref++)
    {
      if (++n > 7)
        return FALSE;
      r = r * 10 + (*ref - '0');
    }
  if (r == 0)
    return FALSE;

  *column = c - 1;
  *row = r;
  *end = ref;
  return TRUE;
}

/* "B1:D3" (or "D3:B1", or one cell "B1"), 0-based columns and 1-based rows. */
gboolean
xlsx_parse_range (const char *ref,
                  guint      *first_column,
                  guint64    *first_row,
                  guint      *last_column,
                  guint64    *last_row)
{
  const char *end;
  guint c1, c2;
  guint64 r1, r2;

  if (ref == NULL || !parse_cell (ref, &c1, &r1, &end))
    return FALSE;
  if (*end == '\0')
    c2 = c1, r2 = r1;
  else if (*end != ':' || !parse_cell (end + 1, &c2, &r2, &end) || *end != '\0')
    return FALSE;

  *first_column = MIN (c1, c2);
  *last_column = MAX (c1, c2);
  *first_row = MIN (r1, r2);
  *last_row = MAX (r1, r2);
  return TRUE;
}

static void
merge_clear (gpointer data)
{
  XlsxMerge *merge = data;

  g_clear_pointer (&merge->value, g_free);
}

static void
stop_thread (ScReaderXlsx *self)
{
  if (self->merge_thread == NULL)
    return;
  g_atomic_int_set (&self->merge_cancel, 1);
  g_clear_pointer (&self->merge_thread, g_thread_join);
  g_clear_error (&self->merge_error);
}

void
xlsx_merges_reset (ScReaderXlsx *self)
{
  stop_thread (self);
  g_clear_pointer (&self->merge_path, g_free);
  if (self->held_text != NULL)
    {
      g_string_truncate (self->held_text, 0);
      g_array_set_size (self->held_cells, 0);
      g_array_set_size (self->held_rows, 0);
    }
  if (self->merges == NULL)
    {
      self->merges = g_array_new (FALSE, FALSE, sizeof (XlsxMerge));
      g_array_set_clear_func (self->merges, merge_clear);
      self->active_merges = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  g_array_set_size (self->merges, 0);
  g_array_set_size (self->active_merges, 0);
  self->next_merge = 0;
  self->merge_cells = 0;
  self->merges_done = FALSE;
}

/* Adds a range; one cell is no range. The error names the range's first cell. */
gboolean
xlsx_merge_add (ScReaderXlsx  *self,
                guint          first_column,
                guint64        first_row,
                guint          last_column,
                guint64        last_row,
                GError       **error)
{
  XlsxMerge merge = { first_column, last_column, first_row, last_row,
                      SC_SHEET_CELL_STRING, NULL, 0 };
  guint64 width = (guint64) last_column - first_column + 1;
  guint64 height = last_row - first_row + 1;
  g_autofree char *cell = NULL;

  if (width == 1 && height == 1)
    return TRUE;

  cell = sc_reader_xlsx_cell_name (self->sheet_name, first_column, first_row);
  if (self->merges->len >= SC_READER_XLSX_MAX_MERGES)
    {
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: %s: the file; %s: a cell such as Suppliers!B7; %d: a number */
                   _("%s: %s: the sheet merges more than %d ranges of cells"),
                   self->display_name, cell, SC_READER_XLSX_MAX_MERGES);
      return FALSE;
    }
  if (last_column >= SC_READER_XLSX_MAX_COLUMNS || last_row > SC_READER_XLSX_MAX_ROWS ||
      width * height > SC_READER_XLSX_MAX_MERGE_CELLS ||
      self->merge_cells + width * height > 16 * (guint64) SC_READER_XLSX_MAX_MERGE_CELLS)
    {
      g_autofree char *last = sc_reader_xlsx_cell_name (NULL, MIN (last_column, 16383),
                                                        MIN (last_row, G_MAXUINT32));
      g_autofree char *first = sc_reader_xlsx_cell_name (NULL, first_column, first_row);

      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: %s: the file; %s: a cell; %s:%s a range of cells such
                    * as B7:D9; %d: the most columns, %d the most cells a range may cover */
                   _("%s: %s: the merged range %s:%s is too large; a range may span at most "
                     "%d columns and cover at most %d cells, all ranges of a sheet 16 times that"),
                   self->display_name, cell, first, last, SC_READER_XLSX_MAX_COLUMNS,
                   SC_READER_XLSX_MAX_MERGE_CELLS);
      return FALSE;
    }

  self->merge_cells += width * height;
  g_array_append_val (self->merges, merge);
  return TRUE;
}

/* Reading <mergeCells> of an .xlsx sheet */

typedef struct
{
  ScReaderXlsx *reader;
  ScXmlScanner *scanner;
} MergeScan;

static void
merge_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  MergeScan *scan = user_data;
  ScReaderXlsx *self = scan->reader;
  const char *ref;
  guint c1, c2;
  guint64 r1, r2;

  if (strcmp (xlsx_local_name (element), "mergeCell") != 0)
    return;

  ref = xlsx_attribute (names, values, "ref");
  if (!xlsx_parse_range (ref, &c1, &r1, &c2, &r2))
    {
      const char *end;
      g_autofree char *where = ref != NULL && parse_cell (ref, &c1, &r1, &end)
                               ? sc_reader_xlsx_cell_name (self->sheet_name, c1, r1)
                               : g_strdup (self->sheet_name);

      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_SYNTAX,
                   /* Translators: %s: the file; %s: a cell such as Suppliers!B1, or a
                    * sheet; %s: the text found */
                   _("%s: %s: the merged range “%s” is not a range of cells such as B1:D1; "
                     "is the file damaged?"),
                   self->display_name, where, ref ? ref : "");
      return;
    }
  xlsx_merge_add (self, c1, r1, c2, r2, error);
}

static void
merge_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  MergeScan *scan = user_data;

  if (strcmp (xlsx_local_name (element), NEEDLE) == 0)
    {
      scan->reader->merges_done = TRUE;
      sc_xml_scanner_stop (scan->scanner);
    }
}

static const GMarkupParser merge_parser = { merge_start, merge_end, NULL, NULL, NULL };

/* Where the start tag of <mergeCells> (or <x:mergeCells>) begins in @data, or -1.
 * Text cannot hold a raw '<', so the name right after one is an element.
 */
static gssize
find_start_tag (const char *data,
                gsize       len)
{
  const char *p = data, *end = data + len;

  while ((p = memmem (p, end - p, NEEDLE, NEEDLE_LEN)) != NULL)
    {
      const char *q = p;
      char after = p + NEEDLE_LEN < end ? p[NEEDLE_LEN] : '\0';

      if (q > data && q[-1] == ':')
        for (q--; q > data && (g_ascii_isalnum (q[-1]) || q[-1] == '_'); q--)
          ;
      if (q > data && q[-1] == '<' && (after == '>' || after == '/' || g_ascii_isspace (after)))
        return q - 1 - data;
      p += NEEDLE_LEN;
    }

  return -1;
}

static gboolean
feed (MergeScan   *scan,
      const char  *data,
      gsize        len,
      GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (sc_xml_scanner_feed (scan->scanner, data, len, &local_error))
    return TRUE;
  if (local_error->domain == SC_IMPORT_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_SYNTAX,
                 /* Translators: %s: the file; %s: a sheet; %s: what is wrong */
                 _("%s: %s: the list of merged cells is malformed: %s"),
                 scan->reader->display_name, scan->reader->sheet_name, local_error->message);
  return FALSE;
}

static int
compare_merges (gconstpointer a,
                gconstpointer b)
{
  const XlsxMerge *x = a, *y = b;

  return x->first_row < y->first_row ? -1 : x->first_row > y->first_row ? 1
       : (int) x->first_column - (int) y->first_column;
}

static gboolean
scan_part (ScReaderXlsx  *self,
           GsfInput      *part,
           GError       **error)
{
  g_autoptr(ScXmlScanner) scanner = NULL;
  MergeScan scan = { self, NULL };
  char edge[2 * EDGE];
  gsize edge_len = 0;

  while (!self->merges_done && gsf_input_remaining (part) > 0 &&
         !g_atomic_int_get (&self->merge_cancel))
    {
      gsize n = MIN ((gsize) gsf_input_remaining (part), XLSX_CHUNK_SIZE);
      const char *data = (const char *) gsf_input_read (part, n, NULL);
      gssize at;

      if (data == NULL)
        break; /* reading the rows will say that the part is damaged */
      if (scan.scanner != NULL)
        {
          if (!feed (&scan, data, n, error))
            return FALSE;
          continue;
        }

      /* A tag cut by the end of the last chunk */
      memcpy (edge + edge_len, data, MIN (n, EDGE));
      if ((at = find_start_tag (edge, edge_len + MIN (n, EDGE))) >= 0 && (gsize) at < edge_len)
        {
          scan.scanner = scanner = sc_xml_scanner_new (&merge_parser, &scan);
          if (!feed (&scan, edge + at, edge_len - at, error) || !feed (&scan, data, n, error))
            return FALSE;
          continue;
        }
      if ((at = find_start_tag (data, n)) >= 0)
        {
          scan.scanner = scanner = sc_xml_scanner_new (&merge_parser, &scan);
          if (!feed (&scan, data + at, n - at, error))
            return FALSE;
          continue;
        }
      edge_len = MIN (n, EDGE);
      memcpy (edge, data + n - edge_len, edge_len);
    }

  return TRUE;
}

/* The pre-scan's thread: its own zip reader over the same bytes, so that
 * nothing of libgsf is shared with the reading of the rows.
 */
static gpointer
merge_thread_cb (gpointer data)
{
  ScReaderXlsx *self = data;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (self->bytes, &size);
  GsfInput *source = gsf_input_memory_new (bytes, size, FALSE);
  GsfInfile *zip = gsf_infile_zip_new (source, NULL);
  GsfInput *part = zip != NULL ? xlsx_child_by_path (zip, self->merge_path) : NULL;

  if (part != NULL)
    scan_part (self, part, &self->merge_error);
  g_array_sort (self->merges, compare_merges);

  g_clear_object (&part);
  g_clear_object (&zip);
  g_clear_object (&source);
  g_atomic_int_set (&self->merge_ready, 1);

  return NULL;
}

/**
 * xlsx_merges_start:
 * @path: the sheet's part
 *
 * Starts reading the sheet's merged ranges, while its rows are read. Until
 * the list is known (xlsx_merges_finish()), only the thread touches it.
 */
void
xlsx_merges_start (ScReaderXlsx *self,
                   const char   *path)
{
  xlsx_merges_reset (self);
  if (self->held_text == NULL)
    {
      self->held_text = g_string_new (NULL);
      self->held_cells = g_array_new (FALSE, FALSE, sizeof (XlsxCell));
      self->held_rows = g_array_new (FALSE, FALSE, sizeof (XlsxHeldRow));
    }
  self->merge_path = g_strdup (path);
  g_atomic_int_set (&self->merge_ready, 0);
  g_atomic_int_set (&self->merge_cancel, 0);
  self->merge_thread = g_thread_new ("sc-xlsx-merges", merge_thread_cb, self);
}

/* Keeps the row just read until the merged ranges are known. */
gboolean
xlsx_merges_hold (ScReaderXlsx  *self,
                  GError       **error)
{
  XlsxHeldRow held = { self->row, self->held_cells->len, self->row_cells->len };
  gsize base = self->held_text->len;

  g_string_append_len (self->held_text, self->row_text->str, self->row_text->len);
  for (guint i = 0; i < self->row_cells->len; i++)
    {
      XlsxCell cell = g_array_index (self->row_cells, XlsxCell, i);

      cell.offset += base;
      g_array_append_val (self->held_cells, cell);
    }
  g_array_append_val (self->held_rows, held);

  if (!g_atomic_int_get (&self->merge_ready) &&
      self->held_text->len + self->held_cells->len * sizeof (XlsxCell) < HOLD_MAX)
    return TRUE;
  return xlsx_merges_finish (self, error);
}

/* Waits for the merged ranges, then gives out the rows held back. */
gboolean
xlsx_merges_finish (ScReaderXlsx  *self,
                    GError       **error)
{
  guint64 row = self->row;

  if (self->merge_thread == NULL)
    return TRUE;

  g_clear_pointer (&self->merge_thread, g_thread_join);
  if (self->merge_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->merge_error));
      return FALSE;
    }

  for (guint i = 0; i < self->held_rows->len; i++)
    {
      const XlsxHeldRow *held = &g_array_index (self->held_rows, XlsxHeldRow, i);

      g_string_truncate (self->row_text, 0);
      g_array_set_size (self->row_cells, 0);
      for (guint k = 0; k < held->n_cells; k++)
        {
          XlsxCell cell = g_array_index (self->held_cells, XlsxCell, held->first_cell + k);
          gsize offset = self->row_text->len;

          g_string_append_len (self->row_text, self->held_text->str + cell.offset, cell.length + 1);
          cell.offset = offset;
          g_array_append_val (self->row_cells, cell);
        }
      self->row = held->row;
      if (!xlsx_row_emit (self, error))
        return FALSE;
    }

  self->row = row;
  g_string_truncate (self->held_text, 0);
  g_array_set_size (self->held_cells, 0);
  g_array_set_size (self->held_rows, 0);
  return TRUE;
}

void
xlsx_merges_free (ScReaderXlsx *self)
{
  stop_thread (self);
  g_clear_pointer (&self->merge_path, g_free);
  g_clear_pointer (&self->merges, g_array_unref);
  g_clear_pointer (&self->active_merges, g_array_unref);
  if (self->held_text != NULL)
    g_string_free (g_steal_pointer (&self->held_text), TRUE);
  g_clear_pointer (&self->held_cells, g_array_unref);
  g_clear_pointer (&self->held_rows, g_array_unref);
}

/* Filling the rows */

static const XlsxCell *
cell_at (ScReaderXlsx *self,
         guint         column)
{
  for (guint i = 0; i < self->row_cells->len; i++)
    {
      const XlsxCell *cell = &g_array_index (self->row_cells, XlsxCell, i);

      if (cell->column == column)
        return cell;
      if (cell->column > column)
        break;
    }
  return NULL;
}

/* The merges that cover self->row, the value of those it starts. */
static void
update_active (ScReaderXlsx *self)
{
  GArray *active = self->active_merges;

  for (guint i = 0; i < active->len;)
    {
      XlsxMerge *merge = &g_array_index (self->merges, XlsxMerge, g_array_index (active, guint, i));

      if (merge->last_row < self->row)
        g_array_remove_index_fast (active, i);
      else
        i++;
    }

  for (; self->next_merge < self->merges->len; self->next_merge++)
    {
      XlsxMerge *merge = &g_array_index (self->merges, XlsxMerge, self->next_merge);
      const XlsxCell *first;

      if (merge->first_row > self->row)
        break;
      if (merge->last_row < self->row)
        continue;
      g_array_append_val (active, self->next_merge);
      if (merge->first_row == self->row && (first = cell_at (self, merge->first_column)) != NULL)
        {
          merge->value = g_strndup (self->row_text->str + first->offset, first->length);
          merge->length = first->length;
          merge->type = first->type;
        }
    }
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const XlsxCell *x = a, *y = b;

  return x->column < y->column ? -1 : x->column > y->column;
}

static XlsxCell *
own_cell (ScReaderXlsx *self,
          guint         n_own,
          guint         column)
{
  for (guint k = 0; k < n_own; k++)
    if (g_array_index (self->row_cells, XlsxCell, k).column == column)
      return &g_array_index (self->row_cells, XlsxCell, k);
  return NULL;
}

/* Gives each empty cell of a merged range in the row the range's value. */
gboolean
xlsx_merges_apply (ScReaderXlsx  *self,
                   GError       **error)
{
  guint8 taken[SC_READER_XLSX_MAX_COLUMNS / 8] = { 0 };
  guint n_own = self->row_cells->len;
  gboolean added = FALSE;

  if (self->merges == NULL ||
      (self->active_merges->len == 0 && self->next_merge >= self->merges->len))
    return TRUE;

  update_active (self);
  for (guint k = 0; k < n_own; k++)
    {
      guint c = g_array_index (self->row_cells, XlsxCell, k).column;

      taken[c / 8] |= 1 << (c % 8);
    }

  for (guint i = 0; i < self->active_merges->len; i++)
    {
      guint index = g_array_index (self->active_merges, guint, i);
      const XlsxMerge *merge = &g_array_index (self->merges, XlsxMerge, index);
      gboolean across = merge->last_column > merge->first_column;

      for (guint c = merge->first_column; c <= merge->last_column; c++)
        {
          XlsxCell cell = { c, merge->type, self->row_text->len, merge->length, TRUE, across };
          XlsxCell *own;

          if (taken[c / 8] & (1 << (c % 8)))
            {
              /* A cell with a value of its own, or filled by an overlapping range */
              if (across && (own = own_cell (self, n_own, c)) != NULL)
                own->merged_across = TRUE;
              continue;
            }
          if (merge->value == NULL)
            continue;
          if (self->row_text->len + merge->length > 16 * SC_READER_XLSX_MAX_CELL)
            {
              self->column = c;
              return xlsx_cell_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                                      _("the row holds more than %d MiB"),
                                      16 * SC_READER_XLSX_MAX_CELL >> 20);
            }
          taken[c / 8] |= 1 << (c % 8);
          g_string_append_len (self->row_text, merge->value, merge->length);
          g_string_append_c (self->row_text, '\0');
          g_array_append_val (self->row_cells, cell);
          added = TRUE;
        }
    }

  if (added)
    g_array_sort (self->row_cells, compare_cells);
  return TRUE;
}
