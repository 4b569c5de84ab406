/* sc-recipe-bind.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Binding a recipe to one file: finding its partner, date and lookup
 * columns (with the closest header as a hint), learning the columns'
 * kinds, reading lookup tables, and binding the formulas.
 */

#define G_LOG_DOMAIN "sc-recipe-run"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-date.h"
#include "sc-import-names.h"
#include "sc-import-xlsx.h"
#include "sc-recipe-run-private.h"

static ScPartnerType
fixed_partner_type (const char *text)
{
  return g_ascii_strcasecmp (text, "customer") == 0 ? SC_PARTNER_CUSTOMER : SC_PARTNER_SUPPLIER;
}

/* Binding the recipe to a file's columns */

static gboolean
find_column (FileRun     *fr,
             const char  *member,
             const char  *name,
             int         *column,
             GError     **error)
{
  g_autofree ScFormulaColumn *columns = g_new0 (ScFormulaColumn, MAX (fr->table->n_columns, 1));
  g_autofree char *list = NULL;
  const char *hint;

  if ((*column = sc_recipe_table_find (fr->table, name)) >= 0)
    return TRUE;

  for (guint c = 0; c < fr->table->n_columns; c++)
    columns[c].name = fr->table->headers[c];
  hint = sc_formula_closest_column (name, columns, fr->table->n_columns);
  list = g_strjoinv ("”, “", fr->table->headers);
  if (hint != NULL)
    g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN,
                 _("%s: the recipe’s %s column “%s” is not in the file; did you mean “%s”?"),
                 fr->name, member, name, hint);
  else
    g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN,
                 _("%s: the recipe’s %s column “%s” is not in the file, whose columns are “%s”"),
                 fr->name, member, name, list);
  return FALSE;
}

static gboolean
bind_formula (FileRun               *fr,
              ScFormula             *formula,
              const char            *what,
              const ScFormulaColumn *columns,
              GHashTable            *used,
              GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  const guint *reads;
  guint n_reads, pos = 0;

  if (!sc_formula_bind (formula, columns, fr->table->n_columns, &pos, &local_error))
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_FORMULA, "%s: %s: %s",
                   fr->name, what, local_error->message);
      return FALSE;
    }

  reads = sc_formula_get_columns (formula, &n_reads);
  for (guint i = 0; i < n_reads; i++)
    g_hash_table_add (used, GUINT_TO_POINTER (reads[i] + 1));
  return TRUE;
}

static gboolean
bind_recipe (FileRun  *fr,
             GError  **error)
{
  ScRecipe *recipe = fr->run->recipe;
  ScRecipeTable *table = fr->table;
  g_autofree ScFormulaColumn *columns = g_new0 (ScFormulaColumn, MAX (table->n_columns, 1));
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GList) keys = NULL;
  guint u = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      columns[c].name = table->headers[c];
      columns[c].type = table->types[c];
    }

  if (recipe->filter_parsed != NULL &&
      !bind_formula (fr, recipe->filter_parsed, "filter", columns, used, error))
    return FALSE;
  for (guint k = 0; k < recipe->kpis->len; k++)
    {
      ScRecipeKpi *kpi = g_ptr_array_index (recipe->kpis, k);
      g_autofree char *what = g_strdup_printf ("kpis[%u] (%s)", k, kpi->id);

      if (!bind_formula (fr, kpi->parsed, what, columns, used, error))
        return FALSE;
    }

  /* The date is read with the other columns, as a date */
  table->types[fr->date_column] = SC_CELL_DATE;
  g_hash_table_add (used, GUINT_TO_POINTER (fr->date_column + 1));

  keys = g_hash_table_get_keys (used);
  fr->n_used = g_list_length (keys);
  fr->used = g_new (guint, MAX (fr->n_used, 1));
  for (GList *l = keys; l != NULL; l = l->next)
    fr->used[u++] = GPOINTER_TO_UINT (l->data) - 1;

  return TRUE;
}

/* Lookups */

/* Reads a code → name table from @stream (CSV, or a sheet's text). */
static GHashTable *
read_lookup_table (ScRecipeLookup *lookup,
                   GInputStream   *stream,
                   const char     *name,
                   char            delimiter,
                   GError        **error)
{
  g_autoptr(ScReaderCsv) reader = sc_reader_csv_new (stream, name);
  g_autoptr(ScRecipeTable) table = NULL;
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int key, value = -1;

  if (delimiter)
    {
      sc_reader_csv_set_delimiter (reader, delimiter);
      sc_reader_csv_set_encoding (reader, "UTF-8");
    }
  if (!sc_reader_csv_open (reader, NULL, error) ||
      !(table = sc_recipe_table_read (reader, NULL, G_MAXUINT, NULL, error)))
    return NULL;

  key = sc_recipe_table_find (table, lookup->key ? lookup->key : lookup->column);
  if (key < 0 && lookup->key == NULL)
    key = 0;
  if (lookup->value != NULL)
    value = sc_recipe_table_find (table, lookup->value);
  else if (!sc_recipe_table_infer (table, -1, NULL, name, NULL))
    value = -1;
  else
    for (guint c = 0; c < table->n_columns && value < 0; c++)
      if ((int) c != key && table->types[c] == SC_CELL_TEXT)
        value = c;

  if (key < 0 || value < 0)
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN,
                   _("%s: the lookup table has no column “%s” with the codes and a column with the names; "
                     "name them with “key” and “value”"),
                   name, key < 0 ? (lookup->key ? lookup->key : lookup->column) : (lookup->value ? lookup->value : "?"));
      return NULL;
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      const char *code = sc_recipe_table_cell (table, r, key);
      const char *text = sc_recipe_table_cell (table, r, value);

      if (*code != '\0' && *text != '\0')
        g_hash_table_insert (map, g_strdup (code), g_strdup (text));
    }

  return g_steal_pointer (&map);
}

static GHashTable *
open_lookup (FileRun         *fr,
             ScRecipeLookup  *lookup,
             GBytes          *spreadsheet,
             GError         **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *name = NULL;
  char delimiter = 0;

  if (lookup->sheet != NULL && spreadsheet != NULL)
    {
      name = g_strdup_printf ("%s!%s", fr->name, lookup->sheet);
      stream = sc_import_open_sheet_text (spreadsheet, fr->name, lookup->sheet, '.', NULL, error);
      delimiter = '\t';
    }
  else if (lookup->file != NULL)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (g_path_is_absolute (lookup->file) || fr->run->recipe->base_dir == NULL)
        file = g_file_new_for_path (lookup->file);
      else
        file = g_file_new_build_filename (fr->run->recipe->base_dir, lookup->file, NULL);
      name = g_file_get_basename (file);
      if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)))
        return NULL;
      if (sc_import_is_spreadsheet (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)))
        {
          stream = sc_import_open_sheet_text (bytes, name, lookup->sheet, '.', NULL, error);
          delimiter = '\t';
        }
      else
        stream = g_memory_input_stream_new_from_bytes (bytes);
    }
  else
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN,
                   _("%s: the lookup of column “%s” names the sheet “%s”, but the file is not a workbook"),
                   fr->name, lookup->column, lookup->sheet);
      return NULL;
    }

  if (stream == NULL)
    return NULL;
  return read_lookup_table (lookup, stream, name, delimiter, error);
}

static gboolean
open_lookups (FileRun  *fr,
              GBytes   *spreadsheet,
              GError  **error)
{
  ScRecipe *recipe = fr->run->recipe;

  fr->lookups = g_new0 (GHashTable *, MAX (fr->table->n_columns, 1));
  for (guint i = 0; i < recipe->lookups->len; i++)
    {
      ScRecipeLookup *lookup = g_ptr_array_index (recipe->lookups, i);
      int column;

      if (!find_column (fr, "lookup", lookup->column, &column, error))
        return FALSE;
      g_clear_pointer (&fr->lookups[column], g_hash_table_unref);
      if (!(fr->lookups[column] = open_lookup (fr, lookup, spreadsheet, error)))
        return FALSE;
      /* The names are text, whatever the codes were */
      fr->table->types[column] = SC_CELL_TEXT;
    }

  return TRUE;
}

void
sc_recipe_file_clear (FileRun *fr)
{
  if (fr->lookups != NULL)
    for (guint c = 0; c < fr->table->n_columns; c++)
      g_clear_pointer (&fr->lookups[c], g_hash_table_unref);
  g_clear_pointer (&fr->lookups, g_free);
  g_clear_pointer (&fr->table, sc_recipe_table_free);
  g_clear_pointer (&fr->used, g_free);
  g_clear_pointer (&fr->cells, g_free);
  g_clear_pointer (&fr->raw, g_hash_table_unref);
  g_clear_pointer (&fr->slots, g_free);
  g_clear_pointer (&fr->slot_columns, g_free);
  if (fr->scratch)
    g_string_free (fr->scratch, TRUE);
}


/* Binds the recipe to fr->table: its columns, kinds, lookups, formulas. */
gboolean
sc_recipe_file_prepare_table (FileRun  *fr,
               GBytes   *spreadsheet,
               GError  **error)
{
  ScRecipe *recipe = fr->run->recipe;

  if (!find_column (fr, "partner", recipe->partner, &fr->partner_column, error) ||
      !find_column (fr, "date", recipe->date, &fr->date_column, error))
    return FALSE;
  if (recipe->date_format != NULL && !sc_date_format_is_valid (recipe->date_format))
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_INVALID,
                   _("date_format: “%s” is not a date format such as “%%d.%%m.%%Y”, “%%m/%%d/%%Y” or “excel”"),
                   recipe->date_format);
      return FALSE;
    }
  if (!sc_recipe_table_infer (fr->table, fr->date_column, recipe->date_format, fr->name, error))
    return FALSE;

  fr->type_column = -1;
  fr->fixed_type = SC_PARTNER_SUPPLIER;
  if (g_ascii_strcasecmp (recipe->partner_type, "supplier") == 0 ||
      g_ascii_strcasecmp (recipe->partner_type, "customer") == 0)
    fr->fixed_type = fixed_partner_type (recipe->partner_type);
  else if (!find_column (fr, "partner_type", recipe->partner_type, &fr->type_column, error))
    return FALSE;

  if (!open_lookups (fr, spreadsheet, error) || !bind_recipe (fr, error))
    return FALSE;
  if (recipe->columns == NULL)
    sc_recipe_set_columns (recipe, (const char **) fr->table->headers, fr->table->n_columns);

  fr->cells = g_new0 (ScCell, MAX (fr->table->n_columns, 1));
  fr->raw = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fr->last_day = NAN;
  return TRUE;
}

gboolean
sc_recipe_file_prepare (FileRun  *fr,
         GBytes   *spreadsheet,
         GError  **error)
{
  ScRecipe *recipe = fr->run->recipe;
  const char *wanted[] = { recipe->partner, recipe->date, NULL };

  if (!(fr->table = sc_recipe_table_read (fr->reader, wanted, SC_RECIPE_SAMPLE_ROWS, NULL, error)))
    return FALSE;
  return sc_recipe_file_prepare_table (fr, spreadsheet, error);
}

