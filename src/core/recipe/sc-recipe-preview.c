/* sc-recipe-preview.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a recipe makes of the first rows of a file, before anything is
 * imported: for the import assistant's recipe step.
 */

#define G_LOG_DOMAIN "sc-recipe-preview"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-recipe-preview.h"
#include "sc-recipe-run-private.h"

/* Previews */

void
sc_recipe_preview_free (ScRecipePreview *preview)
{
  if (preview == NULL)
    return;
  g_strfreev (preview->partners);
  g_free (preview->values);
  g_free (preview);
}

/**
 * sc_recipe_preview:
 * @table: the first rows of a file (its column kinds are learnt again)
 *
 * Runs @recipe over the rows @table holds, for the import assistant to
 * show what the recipe makes before anything is imported: every partner ×
 * period × KPI value of those rows. Fails as the import would, with the
 * file, line and column.
 */
ScRecipePreview *
sc_recipe_preview (ScRecipe       *recipe,
                   ScRecipeTable  *table,
                   const char     *display_name,
                   GError        **error)
{
  g_autoptr(ScImport) import = sc_import_new ();
  ScRecipeRun *run = sc_recipe_run_new (recipe);
  ScRecipePreview *preview = NULL;
  FileRun fr = { 0 };
  ScPeriod first = G_MAXINT32, last = G_MININT32;
  double parts[SC_FORMULA_MAX_PARTS + 1];

  sc_import_add_source (import, display_name, SC_IMPORT_FORMAT_CSV);
  fr.run = run;
  fr.import = import;
  fr.name = display_name;
  fr.table = table;
  fr.scratch = g_string_new (NULL);

  if (sc_recipe_file_prepare_table (&fr, NULL, error) && sc_recipe_file_take_held_rows (&fr, error))
    {
      guint n_partners = run->partners->len;

      for (guint g = 0; g < run->groups->len; g++)
        {
          first = MIN (first, g_array_index (run->groups, Group, g).period);
          last = MAX (last, g_array_index (run->groups, Group, g).period);
        }
      preview = g_new0 (ScRecipePreview, 1);
      g_ptr_array_add (run->partners, NULL);
      preview->partners = (char **) g_ptr_array_steal (run->partners, NULL);
      preview->n_partners = n_partners;
      preview->n_kpis = run->n_kpis;
      preview->granularity = recipe->granularity;
      preview->first = run->groups->len ? first : SC_PERIOD_NONE;
      preview->n_periods = run->groups->len ? (guint) (last - first + 1) : 0;
      preview->n_rows = run->n_rows;
      preview->n_used = run->n_used;
      preview->values = g_new (double, MAX ((gsize) preview->n_kpis * n_partners * preview->n_periods, 1));
      for (gsize i = 0; i < (gsize) preview->n_kpis * n_partners * preview->n_periods; i++)
        preview->values[i] = NAN;
      for (guint g = 0; g < run->groups->len; g++)
        {
          const Group *group = &g_array_index (run->groups, Group, g);

          for (guint k = 0; k < run->n_kpis; k++)
            {
              ScRecipeKpi *rk = g_ptr_array_index (recipe->kpis, k);

              sc_recipe_run_get_parts (run, g, k, parts);
              preview->values[((gsize) k * n_partners + group->partner) * preview->n_periods +
                              (group->period - first)] = sc_formula_finish (rk->parsed, parts + 1);
            }
        }
    }

  /* The table is the caller's: let go of the lookups over its columns,
   * then of everything else but the table
   */
  if (fr.lookups != NULL)
    for (guint c = 0; c < table->n_columns; c++)
      g_clear_pointer (&fr.lookups[c], g_hash_table_unref);
  g_clear_pointer (&fr.lookups, g_free);
  fr.table = NULL;
  sc_recipe_file_clear (&fr);
  sc_recipe_run_free (run);
  return preview;
}

/* The value of KPI @kpi for partner @partner in the preview's @period-th
 * period; NaN when none.
 */
double
sc_recipe_preview_get (ScRecipePreview *preview,
                       guint            kpi,
                       guint            partner,
                       guint            period)
{
  g_return_val_if_fail (kpi < preview->n_kpis && partner < preview->n_partners &&
                        period < preview->n_periods, NAN);
  return preview->values[((gsize) kpi * preview->n_partners + partner) * preview->n_periods + period];
}

