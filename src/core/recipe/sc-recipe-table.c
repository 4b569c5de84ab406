/* sc-recipe-table.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first rows of a transaction file, held in memory: where its header
 * is, what kind of values each column holds (numbers, dates, text), and
 * how its dates are written. Running a recipe and suggesting one both
 * start here.
 */

#define G_LOG_DOMAIN "sc-recipe-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-date.h"
#include "sc-import-names.h"
#include "sc-import.h"
#include "sc-number-parse.h"
#include "sc-recipe-table.h"

void
sc_recipe_table_free (ScRecipeTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->headers);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
  g_free (table->types);
  g_free (table->date_format);
  g_free (table);
}

static char *
trimmed (const char *text,
         gsize       length)
{
  while (length > 0 && g_ascii_isspace (*text))
    text++, length--;
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  return g_strndup (text, length);
}

static char **
current_row (ScReaderCsv *reader)
{
  guint n = sc_reader_csv_get_n_fields (reader);
  char **row = g_new (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      gsize length;
      const char *text = sc_reader_csv_get_field (reader, i, &length);

      row[i] = trimmed (text, length);
    }
  row[n] = NULL;
  return row;
}

/* Whether @row names every column of @wanted (ignoring case and spacing). */
static gboolean
row_has_columns (char       **row,
                 const char **wanted)
{
  for (guint w = 0; wanted != NULL && wanted[w] != NULL; w++)
    {
      g_autofree char *key = sc_import_normalize_name (wanted[w]);
      gboolean found = FALSE;

      for (guint i = 0; row[i] != NULL && !found; i++)
        {
          g_autofree char *have = sc_import_normalize_name (row[i]);

          found = g_str_equal (key, have);
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static guint
count_filled (char **row)
{
  guint n = 0;

  for (guint i = 0; row[i] != NULL; i++)
    n += row[i][0] != '\0';
  return n;
}

/**
 * sc_recipe_table_read:
 * @reader: an opened reader, before its first row
 * @wanted: (nullable): columns the header must have, or %NULL
 * @max_rows: how many rows after the header to hold
 *
 * Reads the header and up to @max_rows rows. The header is the first row
 * that names every column of @wanted among the first rows (a sheet may
 * have a title above it), else the first row with two or more cells.
 */
ScRecipeTable *
sc_recipe_table_read (ScReaderCsv   *reader,
                      const char   **wanted,
                      guint          max_rows,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) before_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GError) local_error = NULL;
  ScRecipeTable *table = g_new0 (ScRecipeTable, 1);
  int header = -1;

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint64));

  /* The header, among the first 30 rows */
  while (before->len < 30 && sc_reader_csv_next_row (reader, cancellable, &local_error))
    {
      char **row = current_row (reader);
      guint64 line = sc_reader_csv_get_line (reader);

      g_ptr_array_add (before, row);
      g_array_append_val (before_lines, line);
      if (wanted != NULL && row_has_columns (row, wanted))
        {
          header = before->len - 1;
          break;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      sc_recipe_table_free (table);
      return NULL;
    }
  if (header < 0)
    for (guint i = 0; i < before->len && header < 0; i++)
      if (count_filled (g_ptr_array_index (before, i)) >= 2)
        header = i;
  if (header < 0)
    {
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY, _("%s: no header row with column names"),
                   sc_reader_csv_get_display_name (reader));
      sc_recipe_table_free (table);
      return NULL;
    }

  table->headers = g_steal_pointer ((char ***) &before->pdata[header]);
  table->n_columns = g_strv_length (table->headers);
  table->header_line = g_array_index (before_lines, guint64, header);
  for (guint i = header + 1; i < before->len; i++)
    {
      g_ptr_array_add (table->rows, g_steal_pointer (&before->pdata[i]));
      g_array_append_val (table->lines, g_array_index (before_lines, guint64, i));
    }

  while (table->rows->len < max_rows && sc_reader_csv_next_row (reader, cancellable, &local_error))
    {
      guint64 line = sc_reader_csv_get_line (reader);

      g_ptr_array_add (table->rows, current_row (reader));
      g_array_append_val (table->lines, line);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      sc_recipe_table_free (table);
      return NULL;
    }
  table->complete = table->rows->len < max_rows;
  table->decimal_mark = sc_reader_csv_get_decimal_mark (reader);
  table->thousands = sc_reader_csv_get_thousands_separator (reader);
  if (table->decimal_mark == 0)
    table->decimal_mark = '.';

  return table;
}

/* The column called @name: exactly, else ignoring case and spacing; -1. */
int
sc_recipe_table_find (ScRecipeTable *table,
                      const char    *name)
{
  g_autofree char *key = NULL;

  if (name == NULL)
    return -1;
  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->headers[i], name) == 0)
      return i;

  key = sc_import_normalize_name (name);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *have = sc_import_normalize_name (table->headers[i]);

      if (g_str_equal (have, key))
        return i;
    }
  return -1;
}

const char *
sc_recipe_table_cell (ScRecipeTable *table,
                      guint          row,
                      guint          column)
{
  char **cells = g_ptr_array_index (table->rows, row);

  for (guint i = 0; i <= column; i++)
    if (cells[i] == NULL)
      return "";
  return cells[column];
}

/* The non-empty values of a column among the held rows. */
static GPtrArray *
column_samples (ScRecipeTable *table,
                guint          column)
{
  GPtrArray *samples = g_ptr_array_new ();

  for (guint r = 0; r < table->rows->len; r++)
    {
      const char *text = sc_recipe_table_cell (table, r, column);

      if (*text != '\0')
        g_ptr_array_add (samples, (gpointer) text);
    }
  return samples;
}

/**
 * sc_recipe_table_infer:
 * @date_column: the column whose dates decide the format, or -1
 * @date_format: (nullable): the recipe's format, or %NULL to guess it
 *
 * Decides each column's kind from the held rows: numbers when every value
 * is one, dates when every value reads as a date (ISO, or the format of
 * the dates), text otherwise. Guessed dates that read both day-first and
 * month-first are an error naming an example.
 */
gboolean
sc_recipe_table_infer (ScRecipeTable  *table,
                       int             date_column,
                       const char     *date_format,
                       const char     *display_name,
                       GError        **error)
{
  g_free (table->types);
  table->types = g_new0 (ScCellType, MAX (table->n_columns, 1));
  g_clear_pointer (&table->date_format, g_free);

  if (date_format != NULL)
    table->date_format = g_strdup (date_format);
  else if (date_column >= 0)
    {
      g_autoptr(GPtrArray) samples = column_samples (table, date_column);
      gboolean ambiguous = FALSE;
      guint n_parsed = 0;

      table->date_format = sc_date_guess_format ((const char * const *) samples->pdata, samples->len,
                                                 &ambiguous, &n_parsed);
      if (ambiguous)
        {
          g_autofree char *twin = g_strdup (table->date_format);

          /* The same format with day and month swapped */
          for (char *p = twin; p[0] && p[1]; p++)
            if (p[0] == '%' && (p[1] == 'd' || p[1] == 'm'))
              p[1] = p[1] == 'd' ? 'm' : 'd', p++;
          g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_DATE,
                       _("%s: the dates of column “%s” (such as “%s”) read both day-first and month-first, "
                         "and none of them decides; say which in the recipe: "
                         "\"date_format\": \"%s\" or \"%s\""),
                       display_name, table->headers[date_column], (const char *) samples->pdata[0],
                       table->date_format, twin);
          return FALSE;
        }
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autoptr(GPtrArray) samples = column_samples (table, c);
      guint numbers = 0, dates = 0, iso = 0;
      double value;

      if (samples->len == 0)
        {
          table->types[c] = SC_CELL_EMPTY;
          continue;
        }
      for (guint i = 0; i < samples->len; i++)
        {
          const char *text = samples->pdata[i];
          gsize length = strlen (text);

          if (sc_number_parse_cell (text, length, table->decimal_mark, table->thousands, &value) != SC_NUMBER_INVALID)
            numbers++;
          if (sc_date_parse (NULL, text, length, &value))
            iso++;
          else if (table->date_format != NULL &&
                   g_strcmp0 (table->date_format, SC_DATE_FORMAT_EXCEL) != 0 &&
                   sc_date_parse (table->date_format, text, length, &value))
            dates++;
        }

      /* A few bad cells do not change a column's kind: they are errors
       * naming their line, which says more than "holds text"
       */
      if ((int) c == date_column && g_strcmp0 (table->date_format, SC_DATE_FORMAT_EXCEL) == 0 &&
          numbers == samples->len)
        table->types[c] = SC_CELL_DATE;
      else if ((int) c == date_column && dates + iso > 0 && (dates + iso) * 2 >= samples->len)
        table->types[c] = SC_CELL_DATE;
      else if (numbers == samples->len)
        table->types[c] = SC_CELL_NUMBER;
      else if (iso + dates == samples->len)
        table->types[c] = SC_CELL_DATE;
      else if (iso + dates == 0 && numbers > 0 && numbers * 2 >= samples->len)
        table->types[c] = SC_CELL_NUMBER;
      else
        table->types[c] = SC_CELL_TEXT;
    }

  return TRUE;
}

/* How many different values a column holds among the held rows. */
guint
sc_recipe_table_count_distinct (ScRecipeTable *table,
                                guint          column,
                                guint          max)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < table->rows->len && g_hash_table_size (seen) < max; r++)
    {
      const char *text = sc_recipe_table_cell (table, r, column);

      if (*text != '\0')
        g_hash_table_add (seen, (gpointer) text);
    }
  return g_hash_table_size (seen);
}
