/* sc-import-sheets.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which sheet of an .xlsx or .ods workbook to import. Exports often open
 * on notes, a description or a pasted one-column dump; the data is a table
 * further on. Each visible sheet is sampled (its first rows, plus its size
 * from the sheet's dimension or the .ods count) and the table with the most
 * data rows is chosen. docs/import-formats.md states the rule.
 */

#define G_LOG_DOMAIN "sc-import-sheets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-import-xlsx.h"

/* Rows with content looked at per sheet: enough to pass a title block */
#define SAMPLE_ROWS 64

/* The shape of a sheet from its first rows */
typedef struct
{
  guint64 header_row;   /* the first row with two cells or more; 0: none */
  guint   n_sampled;    /* rows with content read */
  guint   n_data;       /* rows read under the header with two cells or more */
} Shape;

static gboolean
on_sample_row_cb (guint64             row,
                  const ScSheetCell  *cells,
                  guint               n_cells,
                  gpointer            user_data,
                  GError            **error)
{
  Shape *shape = user_data;
  guint own = 0;

  /* A title merged across the table is one cell, not a header */
  for (guint i = 0; i < n_cells; i++)
    own += !cells[i].covered;

  shape->n_sampled++;
  if (own < 2)
    return TRUE;
  if (shape->header_row == 0)
    shape->header_row = row;
  else
    shape->n_data++;

  return TRUE;
}

/* The sheet called @name (exactly, else ignoring case); G_MAXUINT if none. */
static guint
find_sheet (ScReaderXlsx *reader,
            const char   *name)
{
  guint n = sc_reader_xlsx_get_n_sheets (reader);

  for (guint i = 0; i < n; i++)
    if (strcmp (sc_reader_xlsx_get_sheet_name (reader, i), name) == 0)
      return i;
  for (guint i = 0; i < n; i++)
    if (g_utf8_collate (sc_reader_xlsx_get_sheet_name (reader, i), name) == 0 ||
        g_ascii_strcasecmp (sc_reader_xlsx_get_sheet_name (reader, i), name) == 0)
      return i;

  return G_MAXUINT;
}

static char *
sheet_list (ScReaderXlsx *reader)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < sc_reader_xlsx_get_n_sheets (reader); i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "",
                            sc_reader_xlsx_get_sheet_name (reader, i));

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* "“Notes” (3 rows × 1 column)", "“Cover” (empty)", "“Lists” (hidden)" */
static void
append_sheet (GString      *list,
              ScReaderXlsx *reader,
              guint         sheet)
{
  const char *name = sc_reader_xlsx_get_sheet_name (reader, sheet);
  g_autofree char *rows_number = NULL;
  g_autofree char *columns_number = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *columns = NULL;
  guint64 n_rows;
  guint n_columns;

  if (list->len > 0)
    g_string_append (list, ", ");
  if (sc_reader_xlsx_get_sheet_hidden (reader, sheet))
    {
      /* Translators: a sheet of a workbook that the user hid; %s is its name */
      g_string_append_printf (list, _("“%s” (hidden)"), name);
      return;
    }
  if (!sc_reader_xlsx_get_sheet_size (reader, sheet, &n_rows, &n_columns) || n_rows == 0)
    {
      /* Translators: a sheet of a workbook with nothing in it; %s is its name */
      g_string_append_printf (list, _("“%s” (empty)"), name);
      return;
    }

  rows_number = g_strdup_printf ("%'" G_GUINT64_FORMAT, n_rows);
  columns_number = g_strdup_printf ("%'u", n_columns);
  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", n_rows), rows_number);
  columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s column", "%s columns", n_columns),
                             columns_number);
  /* Translators: a sheet and its size: "“Dump” (400 rows × 1 column)"; the
   * first %s is the sheet's name, the others “%s rows” and “%s columns” */
  g_string_append_printf (list, _("“%s” (%s × %s)"), name, rows, columns);
}

/* How many data rows the sheet's table has, from the sample and the size;
 * 0 when the sheet holds no table.
 */
static guint64
count_data_rows (ScReaderXlsx *reader,
                 guint         sheet,
                 const Shape  *shape,
                 gboolean      complete)
{
  guint64 n_rows;
  guint n_columns;

  if (shape->header_row == 0 || shape->n_data == 0)
    return 0;
  if (complete || !sc_reader_xlsx_get_sheet_size (reader, sheet, &n_rows, &n_columns) ||
      n_rows <= shape->header_row)
    return shape->n_data;

  return MAX (n_rows - shape->header_row, shape->n_data);
}

/**
 * sc_import_choose_table_sheet:
 * @reader: an opened workbook
 * @sheet: (out): the sheet chosen
 *
 * Chooses the sheet that holds a table: among the visible sheets, those
 * with a header row (the first row with two cells or more) and at least one
 * row of two cells or more under it, the one with the most such rows; the
 * first of them on a tie. Each sheet is sampled, not read whole. When
 * only one visible sheet has anything in it, that one, table or not: the
 * import then says what it lacks.
 *
 * Returns: %FALSE with %SC_IMPORT_ERROR_EMPTY when no sheet holds a table;
 *   the message lists the sheets with their sizes
 */
gboolean
sc_import_choose_table_sheet (ScReaderXlsx  *reader,
                              guint         *sheet,
                              GCancellable  *cancellable,
                              GError       **error)
{
  guint n = sc_reader_xlsx_get_n_sheets (reader);
  g_autoptr(GString) list = g_string_new (NULL);
  guint64 best_rows = 0;
  guint n_with_rows = 0;
  guint with_rows = 0;

  g_return_val_if_fail (SC_IS_READER_XLSX (reader), FALSE);

  *sheet = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      Shape shape = { 0 };
      gboolean complete;
      guint64 n_data;

      if (sc_reader_xlsx_get_sheet_hidden (reader, i))
        continue;
      if (!sc_reader_xlsx_sample_sheet (reader, i, SAMPLE_ROWS, on_sample_row_cb, &shape, &complete,
                                        cancellable, error))
        return FALSE;

      if (shape.n_sampled > 0 && n_with_rows++ == 0)
        with_rows = i;
      n_data = count_data_rows (reader, i, &shape, complete);
      if (n_data > best_rows)
        {
          best_rows = n_data;
          *sheet = i;
        }
    }
  if (*sheet != G_MAXUINT)
    return TRUE;

  /* Nothing to choose between: the import says what the sheet lacks */
  if (n_with_rows == 1)
    {
      *sheet = with_rows;
      return TRUE;
    }
  if (n_with_rows == 0)
    {
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY,
                   _("%s: no sheet of the workbook has data"), sc_reader_xlsx_get_display_name (reader));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    append_sheet (list, reader, i);
  g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY,
               /* Translators: the first %s is the file; the second lists its sheets with
                * their sizes: “Notes” (3 rows × 1 column), “Dump” (400 rows × 1 column) */
               _("%s: no sheet holds a table (a header row over rows of two columns or more); "
                 "the workbook has %s"),
               sc_reader_xlsx_get_display_name (reader), list->str);
  return FALSE;
}

/**
 * sc_import_choose_sheet:
 * @reader: an opened workbook
 * @wanted: (nullable): the sheet the user named, or %NULL to choose the
 *   one with a table (sc_import_choose_table_sheet())
 * @sheet: (out): the sheet
 *
 * Returns: %FALSE with @error set when there is no sheet @wanted (the
 *   message lists the sheets) or no sheet holds a table
 */
gboolean
sc_import_choose_sheet (ScReaderXlsx  *reader,
                        const char    *wanted,
                        guint         *sheet,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *list = NULL;

  g_return_val_if_fail (SC_IS_READER_XLSX (reader), FALSE);

  if (wanted == NULL)
    return sc_import_choose_table_sheet (reader, sheet, cancellable, error);

  if ((*sheet = find_sheet (reader, wanted)) != G_MAXUINT)
    return TRUE;

  list = sheet_list (reader);
  g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_HEADER,
               _("%s: there is no sheet “%s”; the workbook has %s"),
               sc_reader_xlsx_get_display_name (reader), wanted, list);
  return FALSE;
}
