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

/**
 * sc_recipe_run_read:
 * @reader: an opened reader before its first row
 * @spreadsheet: (nullable): the workbook the rows come from, for lookups
 *   on its other sheets
 *
 * Reads every row of @reader into the run's groups.
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
  g_autoptr(GError) local_error = NULL;
  ScImportSource *src = g_ptr_array_index (import->sources, source);

  fr.run = run;
  fr.import = import;
  fr.reader = reader;
  fr.source = source;
  fr.name = src->name;
  fr.scratch = g_string_new (NULL);

  if (!sc_recipe_file_prepare (&fr, spreadsheet, error))
    return FALSE;

  /* The rows read ahead to learn the columns, then the rest */
  if (!sc_recipe_file_take_held_rows (&fr, error))
    return FALSE;

  for (guint64 i = 0; sc_reader_csv_next_row (reader, cancellable, &local_error); i++)
    {
      if (i % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!sc_recipe_file_take_row (&fr, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  src->n_rows = sc_reader_csv_get_n_rows (reader);
  return TRUE;
}

