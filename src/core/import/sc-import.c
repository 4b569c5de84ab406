/* sc-import.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import: options, the files added to it, the problems found, and the
 * staged change that is committed to a workbook at once (or not at all).
 * The pipeline is reader → table → column mapping → validation → staged
 * change → commit, for the window and the command line alike.
 */

#define G_LOG_DOMAIN "sc-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-import-private.h"
#include "sc-import-xlsx.h"
#include "sc-recipe-run.h"
#include "sc-recipe-suggest.h"
#include "sc-workbook-io.h"

G_DEFINE_FINAL_TYPE (ScImport, sc_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (sc-import-error-quark, sc_import_error)

static void
source_free (gpointer data)
{
  ScImportSource *source = data;

  g_free (source->name);
  g_free (source->encoding);
  g_free (source->sheet);
  g_free (source);
}

static void
problem_free (gpointer data)
{
  ScImportProblem *problem = data;

  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

static void
sc_import_finalize (GObject *object)
{
  ScImport *self = (ScImport *)object;

  sc_import_stage_clear (self);
  g_clear_pointer (&self->undo, sc_import_undo_free);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->roles, g_array_unref);
  g_clear_pointer (&self->kpi_matches, g_hash_table_unref);
  g_clear_pointer (&self->run, sc_recipe_run_free);
  g_clear_pointer (&self->committed_partners, g_ptr_array_unref);
  g_clear_pointer (&self->committed_kpis, g_ptr_array_unref);
  g_clear_pointer (&self->recipe, sc_recipe_unref);
  g_clear_pointer (&self->spreadsheet, g_bytes_unref);
  g_clear_pointer (&self->new_kpis, g_hash_table_unref);
  g_clear_error (&self->first_bad_row);

  G_OBJECT_CLASS (sc_import_parent_class)->finalize (object);
}

static void
sc_import_class_init (ScImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_import_finalize;
}

static void
sc_import_init (ScImport *self)
{
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->roles = g_array_new (FALSE, FALSE, sizeof (int));
  self->kpi_matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->new_kpis = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->granularity = SC_GRANULARITY_MONTH;
  self->first = self->last = SC_PERIOD_NONE;
  sc_import_stage_init (self);
}

/* Private API */

ScImportSource *
sc_import_add_source (ScImport       *self,
                      const char     *name,
                      ScImportFormat  format)
{
  ScImportSource *source = g_new0 (ScImportSource, 1);

  source->name = g_strdup (name);
  source->format = format;
  source->layout = self->layout;
  g_ptr_array_add (self->sources, source);

  return source;
}

/* Records a problem at @line and @column (1-based, 0 when unknown) of
 * @source. With "skip bad rows" it is listed and the caller skips the row
 * (returns %TRUE); when listing bad rows, the same, and the first one is
 * the import's error later; otherwise it sets @error and returns %FALSE.
 */
gboolean
sc_import_problem (ScImport    *self,
                   guint        source,
                   guint64      line,
                   guint        column,
                   int          code,
                   GError     **error,
                   const char  *format,
                   ...)
{
  ScImportSource *src = g_ptr_array_index (self->sources, source);
  ScImportProblem *problem;
  g_autofree char *message = NULL;
  gboolean listing;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Listing every bad row reads on like skipping, but skips nothing: the
   * import fails at the end with the first
   */
  listing = self->skip_bad_rows && self->list_bad_rows;
  if (self->skip_bad_rows && !listing)
    self->n_skipped++;

  if (self->problems->len < SC_IMPORT_MAX_PROBLEMS)
    {
      problem = g_new0 (ScImportProblem, 1);
      problem->file = g_strdup (src->name);
      problem->line = line;
      problem->column = column;
      problem->domain = SC_IMPORT_ERROR;
      problem->code = code;
      problem->message = g_strdup (message);
      problem->skipped = self->skip_bad_rows && !listing;
      g_ptr_array_add (self->problems, problem);
    }
  else
    self->n_problems_dropped++;

  if (self->skip_bad_rows && !listing)
    return TRUE;

  if (listing)
    {
      if (self->first_bad_row != NULL)
        return TRUE;
      error = &self->first_bad_row;
    }
  if (line > 0 && column > 0)
    g_set_error (error, SC_IMPORT_ERROR, code, "%s:%" G_GUINT64_FORMAT ":%u: %s",
                 src->name, line, column, message);
  else if (line > 0)
    g_set_error (error, SC_IMPORT_ERROR, code, "%s:%" G_GUINT64_FORMAT ": %s",
                 src->name, line, message);
  else
    g_set_error (error, SC_IMPORT_ERROR, code, "%s: %s", src->name, message);

  return listing;
}

/* Records an error that stops the import (a reader error) as a problem too,
 * so that reports list it with its position.
 */
static void
note_fatal_error (ScImport     *self,
                  const char   *name,
                  const GError *error)
{
  ScImportProblem *problem = g_new0 (ScImportProblem, 1);
  const char *msg = error->message;
  guint64 line = 0;
  guint column = 0;

  /* Reader messages read "file:line:column: text" */
  if (g_str_has_prefix (msg, name) && msg[strlen (name)] == ':')
    {
      char *end;

      msg += strlen (name) + 1;
      line = g_ascii_strtoull (msg, &end, 10);
      if (end != msg && *end == ':')
        {
          msg = end + 1;
          column = g_ascii_strtoull (msg, &end, 10);
          msg = (end != msg && *end == ':') ? end + 1 : msg;
        }
      while (*msg == ' ')
        msg++;
    }

  problem->file = g_strdup (name);
  problem->line = line;
  problem->column = column;
  problem->domain = error->domain;
  problem->code = error->code;
  problem->message = g_strdup (msg);
  g_ptr_array_add (self->problems, problem);
}

/* Format detection */

static gboolean
is_json (const char *data,
         gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && data[i] == '{';
}

static gboolean
read_all (GInputStream  *stream,
          const char    *name,
          GBytes       **bytes,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) local_error = NULL;
  gssize n;

  n = g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              cancellable, &local_error);
  if (n < 0)
    {
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_IO, "%s: %s", name, local_error->message);
      return FALSE;
    }
  if (n > SC_WORKBOOK_MAX_FILE_SIZE)
    {
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than 512 MiB"), name);
      return FALSE;
    }

  *bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  return TRUE;
}

static gboolean
add_stream (ScImport      *self,
            GInputStream  *stream,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new_sized (stream, 4096);
  g_autoptr(GBytes) bytes = NULL;
  const char *peek;
  gsize n_peek;

  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 4096, cancellable, error) < 0)
    return FALSE;
  peek = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &n_peek);

  if (sc_import_is_spreadsheet (peek, n_peek))
    return sc_import_read_spreadsheet (self, buffered, name, cancellable, error);
  if (!is_json (peek, n_peek))
    return sc_import_read_csv (self, buffered, name, cancellable, error);

  if (!read_all (buffered, name, &bytes, cancellable, error))
    return FALSE;

  return sc_import_read_json (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              name, error);
}

/* Public API */

ScImport *
sc_import_new (void)
{
  return g_object_new (SC_TYPE_IMPORT, NULL);
}

void
sc_import_set_layout (ScImport       *self,
                      ScImportLayout  layout)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  self->layout = layout;
}

/* 0 detects the delimiter of each file. */
void
sc_import_set_delimiter (ScImport *self,
                         char      delimiter)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  self->delimiter = delimiter;
}

/* '.' or ','; 0 detects it per file. The thousands separator is the other one. */
void
sc_import_set_decimal_mark (ScImport *self,
                            char      decimal_mark)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  g_return_if_fail (decimal_mark == 0 || decimal_mark == '.' || decimal_mark == ',');
  self->decimal_mark = decimal_mark;
}

/* %NULL detects the encoding of each file. */
void
sc_import_set_encoding (ScImport   *self,
                        const char *encoding)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

void
sc_import_set_skip_bad_rows (ScImport *self,
                             gboolean  skip_bad_rows)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  self->skip_bad_rows = !!skip_bad_rows;
}

/* Reads on after a bad row, to list every one (a dry run): unlike
 * skipping, the rows count as errors, and validating or committing the
 * import fails with the first of them once every file has been read.
 * "Skip bad rows" wins when both are set.
 */
void
sc_import_set_list_bad_rows (ScImport *self,
                             gboolean  list_bad_rows)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  g_return_if_fail (!self->validated);

  self->list_bad_rows = !!list_bad_rows && !self->skip_bad_rows;
  if (self->list_bad_rows)
    self->skip_bad_rows = TRUE;
}

void
sc_import_set_duplicates (ScImport           *self,
                          ScImportDuplicates  duplicates)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  self->duplicates = duplicates;
}

/**
 * sc_import_set_recipe:
 * @recipe: (nullable): how transaction rows become KPI values
 *
 * Makes the files added after this call transaction data: their rows are
 * aggregated by the recipe, over all the files together. The recipe's
 * sheet is read unless sc_import_set_sheet() chose another.
 */
void
sc_import_set_recipe (ScImport *self,
                      ScRecipe *recipe)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  g_return_if_fail (self->run == NULL);

  g_clear_pointer (&self->recipe, sc_recipe_unref);
  if (recipe != NULL)
    self->recipe = sc_recipe_ref (recipe);
  if (recipe != NULL && recipe->sheet != NULL && self->sheet == NULL)
    self->sheet = g_strdup (recipe->sheet);
}

ScRecipe *
sc_import_get_recipe (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  return self->recipe;
}

/**
 * sc_import_add_stream:
 * @self: an import not yet validated
 * @stream: CSV/TSV text, the JSON interchange format or a workbook
 * @display_name: the name errors use
 *
 * Reads @stream into the staging area. Nothing changes in any workbook.
 * On failure the import is spoilt: its problems tell why, and it cannot be
 * committed.
 */
gboolean
sc_import_add_stream (ScImport      *self,
                      GInputStream  *stream,
                      const char    *display_name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n_problems;

  g_return_val_if_fail (SC_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (!self->validated, FALSE);

  n_problems = self->problems->len;
  if (add_stream (self, stream, display_name, cancellable, &local_error))
    return TRUE;

  if (self->problems->len == n_problems)
    note_fatal_error (self, display_name, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/* Whether the user said what a column holds: then a header error is theirs to mend */
static gboolean
roles_chosen (ScImport *self)
{
  for (guint i = 0; i < self->roles->len; i++)
    if (g_array_index (self->roles, int, i) >= 0)
      return TRUE;
  return FALSE;
}

/* A file with no KPI or period column that a recipe could read: a
 * partner column, a date column, and a partner on several rows.
 */
static gboolean
looks_like_transactions (ScImport *self,
                         GFile    *file)
{
  g_autoptr(ScRecipeTable) table = sc_recipe_table_read_file (file, self->sheet, NULL, 2000, NULL, NULL);
  g_autoptr(ScRecipe) recipe = NULL;
  int partner;

  if (table == NULL || table->rows->len < 2 || !(recipe = sc_recipe_suggest (table, "", NULL)))
    return FALSE;
  partner = sc_recipe_table_find (table, recipe->partner);
  return partner >= 0 && sc_recipe_table_count_distinct (table, partner, G_MAXUINT) < table->rows->len;
}

gboolean
sc_import_add_file (ScImport      *self,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SC_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      sc_import_add_source (self, name, SC_IMPORT_FORMAT_CSV);
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_IO, "%s: %s", name, local_error->message);
      note_fatal_error (self, name, *error);
      return FALSE;
    }

  if (sc_import_add_stream (self, G_INPUT_STREAM (stream), name, cancellable, &local_error))
    return TRUE;

  if (self->recipe == NULL && g_error_matches (local_error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_HEADER) &&
      !roles_chosen (self) && looks_like_transactions (self, file))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_NEEDED,
                   _("%s holds transactions (a row per order line, delivery or report), not KPI values: "
                     "its rows must be added up with a recipe; “scorecards recipe %s” suggests one"),
                   name, name);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
sc_import_add_data (ScImport    *self,
                    const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (SC_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  stream = g_memory_input_stream_new_from_data (data, length, NULL);
  return sc_import_add_stream (self, stream, display_name, NULL, error);
}

static void
add_file_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (sc_import_add_file (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Reads @file in a worker thread; do not touch @self until it finished. */
void
sc_import_add_file_async (ScImport            *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_IMPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_import_add_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, add_file_thread);
}

gboolean
sc_import_add_file_finish (ScImport      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sc_import_validate:
 *
 * Resolves the periods of everything added (a date order learnt anywhere
 * in the files applies to all), builds the series and applies the
 * duplicates policy. Called by sc_import_commit() if not before.
 */
gboolean
sc_import_validate (ScImport  *self,
                    GError   **error)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), FALSE);

  /* When listing bad rows, validation lists those it finds too */
  if (!self->validated && !sc_import_stage_validate (self, error))
    return FALSE;
  if (self->first_bad_row != NULL)
    {
      g_propagate_error (error, g_error_copy (self->first_bad_row));
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_import_commit:
 *
 * Applies the validated import to @book: adds partners and KPIs, sets the
 * values. Everything that could fail is checked first, so on error @book
 * is unchanged. Can be undone with sc_import_undo().
 */
gboolean
sc_import_commit (ScImport    *self,
                  ScWorkbook  *book,
                  GError     **error)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (SC_IS_WORKBOOK (book), FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (!sc_import_validate (self, error))
    return FALSE;
  if (!sc_import_stage_commit (self, book, error))
    return FALSE;

  self->committed = TRUE;
  return TRUE;
}

/**
 * sc_import_get_added_kpis:
 *
 * The KPIs the commit added to the workbook: catalogue KPIs with their
 * definitions, and the KPIs the files invented, as guessed or confirmed
 * (sc_import_set_new_kpi()), without a target unless one was given.
 *
 * Returns: (transfer none) (element-type ScKpi) (nullable): the KPIs, or
 *   %NULL when the import is not committed
 */
GPtrArray *
sc_import_get_added_kpis (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  return sc_import_stage_added_kpis (self);
}

gboolean
sc_import_can_undo (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), FALSE);
  return self->undo != NULL;
}

/* Takes back a committed import: removes the partners, KPIs and series it
 * added and restores the values it replaced. The import can then be
 * committed again (redo).
 */
void
sc_import_undo (ScImport   *self,
                ScWorkbook *book)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (self->undo != NULL);

  sc_import_stage_undo (self, book);
  g_clear_pointer (&self->undo, sc_import_undo_free);
  self->committed = FALSE;
}

guint
sc_import_get_n_sources (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), 0);
  return self->sources->len;
}

const ScImportSource *
sc_import_get_source (ScImport *self,
                      guint     position)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  g_return_val_if_fail (position < self->sources->len, NULL);
  return g_ptr_array_index (self->sources, position);
}

/* The problems found, in the order found: ScImportProblem. */
GPtrArray *
sc_import_get_problems (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  return self->problems;
}

guint64
sc_import_get_n_rows (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), 0);
  return self->n_rows;
}

/* Values that will be set (after validation). */
guint64
sc_import_get_n_values (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), 0);
  return self->validated ? self->n_values : self->values->len;
}

guint64
sc_import_get_n_skipped (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), 0);
  return self->n_skipped;
}

/* Values given twice in the data whose last one was kept. */
guint64
sc_import_get_n_replaced (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), 0);
  return self->n_replaced;
}

guint
sc_import_get_n_partners (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), 0);
  return self->partners->len;
}

/* After a commit: the workbook's partners and KPIs the import wrote to,
 * in the order they were staged; NULL before.
 */
GPtrArray *
sc_import_get_committed_partners (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  return self->committed_partners;
}

GPtrArray *
sc_import_get_committed_kpis (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  return self->committed_kpis;
}

guint
sc_import_get_n_kpis (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), 0);
  return self->kpis->len;
}

ScGranularity
sc_import_get_granularity (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), SC_GRANULARITY_MONTH);
  return self->granularity;
}

/* The range of the values, once validated; FALSE when there are none. */
gboolean
sc_import_get_period_range (ScImport *self,
                            ScPeriod *first,
                            ScPeriod *last)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), FALSE);

  if (first)
    *first = self->first;
  if (last)
    *last = self->last;

  return self->validated && self->first != SC_PERIOD_NONE;
}

const char *
sc_import_format_to_string (ScImportFormat format)
{
  switch (format)
    {
    case SC_IMPORT_FORMAT_JSON:
      return "json";
    case SC_IMPORT_FORMAT_SCORECARD:
      return "scorecard";
    case SC_IMPORT_FORMAT_XLSX:
      return "xlsx";
    case SC_IMPORT_FORMAT_ODS:
      return "ods";
    case SC_IMPORT_FORMAT_CSV:
    default:
      return "csv";
    }
}

const char *
sc_import_layout_to_string (ScImportLayout layout)
{
  switch (layout)
    {
    case SC_IMPORT_LAYOUT_LONG:
      return "long";
    case SC_IMPORT_LAYOUT_WIDE:
      return "wide";
    case SC_IMPORT_LAYOUT_AUTO:
    default:
      return "auto";
    }
}

gboolean
sc_import_layout_from_string (const char     *str,
                              ScImportLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (g_strcmp0 (str, "long") == 0)
    *layout = SC_IMPORT_LAYOUT_LONG;
  else if (g_strcmp0 (str, "wide") == 0)
    *layout = SC_IMPORT_LAYOUT_WIDE;
  else if (g_strcmp0 (str, "auto") == 0)
    *layout = SC_IMPORT_LAYOUT_AUTO;
  else
    return FALSE;

  return TRUE;
}
