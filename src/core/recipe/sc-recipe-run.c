/* sc-recipe-run.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a recipe over transaction rows: each row goes to its partner ×
 * period group (after lookups, aliases and the row filter), where every
 * KPI formula accumulates its aggregate parts. Rows of all the files of
 * one import share the groups, so twelve monthly exports or one yearly
 * one give the same values. Validation then stages one value per group
 * and KPI, with the parts for exact roll-ups.
 *
 * A million rows pass through here: per row, one hash lookup for the
 * partner (raw text first, so lookups and aliases run once per spelling),
 * one for the group, a conversion of each column the formulas read, and
 * the formulas. Nothing is allocated per row.
 */

#define G_LOG_DOMAIN "sc-recipe-run"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-date.h"
#include "sc-import-names.h"
#include "sc-import-xlsx.h"
#include "sc-number-parse.h"
#include "sc-recipe-run-private.h"
#include "sc-recipe-table.h"

#define NO_GROUP          G_MAXUINT32

ScRecipeRun *
sc_recipe_run_new (ScRecipe *recipe)
{
  ScRecipeRun *run = g_new0 (ScRecipeRun, 1);

  run->recipe = sc_recipe_ref (recipe);
  run->n_kpis = recipe->kpis->len;
  run->offsets = g_new (guint, run->n_kpis);
  run->stride = 1;
  for (guint k = 0; k < run->n_kpis; k++)
    {
      ScRecipeKpi *kpi = g_ptr_array_index (recipe->kpis, k);

      run->offsets[k] = run->stride;
      run->stride += sc_formula_get_n_parts (kpi->parsed);
    }
  run->fresh = g_new0 (double, run->stride);
  for (guint k = 0; k < run->n_kpis; k++)
    sc_formula_init_parts (((ScRecipeKpi *) g_ptr_array_index (recipe->kpis, k))->parsed,
                           run->fresh + run->offsets[k]);

  run->partners = g_ptr_array_new_with_free_func (g_free);
  run->types = g_array_new (FALSE, FALSE, sizeof (ScPartnerType));
  run->partner_index = g_hash_table_new (g_str_hash, g_str_equal);
  run->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i + 1 < recipe->aliases->len; i += 2)
    g_hash_table_insert (run->aliases, sc_import_normalize_name (g_ptr_array_index (recipe->aliases, i)),
                         g_ptr_array_index (recipe->aliases, i + 1));

  run->windows = g_array_new (FALSE, TRUE, sizeof (PartnerWindow));
  run->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  run->parts = g_array_new (FALSE, FALSE, sizeof (double));

  return run;
}

void
sc_recipe_run_free (ScRecipeRun *run)
{
  if (run == NULL)
    return;
  sc_recipe_unref (run->recipe);
  g_free (run->offsets);
  g_free (run->fresh);
  g_ptr_array_unref (run->partners);
  g_array_unref (run->types);
  g_hash_table_unref (run->partner_index);
  g_hash_table_unref (run->aliases);
  for (guint i = 0; i < run->windows->len; i++)
    g_free (g_array_index (run->windows, PartnerWindow, i).groups);
  g_array_unref (run->windows);
  g_array_unref (run->groups);
  g_array_unref (run->parts);
  g_free (run);
}

/* Groups */

static guint64
current_line (FileRun *fr)
{
  if (fr->held != NULL)
    return fr->held_line;
  if (fr->batch != NULL)
    return g_array_index (fr->batch->lines, guint64, fr->batch_row);
  return sc_reader_csv_get_line (fr->reader);
}


/* Widens @w to take @period, with room for a year more on the side it
 * grows, as dates often come in order. FALSE past the limits.
 */
static gboolean
widen_window (ScRecipeRun   *run,
              PartnerWindow *w,
              ScPeriod       period)
{
  ScPeriod base, end;
  guint32 *groups;

  if (w->n == 0)
    {
      base = period - 12;
      end = period + 13;
    }
  else if (period < w->base)
    {
      base = period - 12;
      end = w->base + (ScPeriod) w->n;
    }
  else
    {
      base = w->base;
      end = period + 13;
    }

  if ((gint64) end - base > SC_WORKBOOK_MAX_PERIODS + 26 ||
      run->n_window_cells + (end - base) - w->n > SC_RECIPE_MAX_GROUPS)
    return FALSE;

  groups = g_new0 (guint32, end - base);
  if (w->n > 0)
    memcpy (groups + (w->base - base), w->groups, w->n * sizeof (guint32));
  g_free (w->groups);
  run->n_window_cells += (end - base) - w->n;
  w->groups = groups;
  w->base = base;
  w->n = end - base;
  return TRUE;
}

/* The parts of @partner × @period, made on first use; NULL past the limits. */
static double *
group_parts (FileRun  *fr,
             guint32   partner,
             ScPeriod  period)
{
  ScRecipeRun *run = fr->run;
  PartnerWindow *w;
  guint32 *slot;
  Group group;

  if (partner >= run->windows->len)
    g_array_set_size (run->windows, partner + 1);
  w = &g_array_index (run->windows, PartnerWindow, partner);
  if ((w->n == 0 || period < w->base || period >= w->base + (ScPeriod) w->n) &&
      !widen_window (run, w, period))
    return NULL;

  slot = &w->groups[period - w->base];
  if (*slot != 0)
    return &g_array_index (run->parts, double, (gsize) (*slot - 1) * run->stride);

  if (run->groups->len >= SC_RECIPE_MAX_GROUPS)
    return NULL;

  group.partner = partner;
  group.period = period;
  group.source = fr->source;
  group.line = current_line (fr);
  g_array_append_val (run->groups, group);
  g_array_append_vals (run->parts, run->fresh, run->stride);
  *slot = run->groups->len;

  return &g_array_index (run->parts, double, (gsize) (run->groups->len - 1) * run->stride);
}

/* Partners */

/* The partner of a cell as written: through the lookup, cleaned, through
 * the aliases. Returns the index, or G_MAXUINT32 past the limit.
 */
static guint32
resolve_partner (FileRun    *fr,
                 const char *raw)
{
  ScRecipeRun *run = fr->run;
  GHashTable *lookup = fr->lookups[fr->partner_column];
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  const char *alias;
  gpointer found;
  guint32 index;

  name = sc_import_tidy_name (raw);
  if (lookup != NULL && (found = g_hash_table_lookup (lookup, name)) != NULL)
    {
      g_free (name);
      name = sc_import_tidy_name (found);
    }
  key = sc_import_normalize_name (name);
  if ((alias = g_hash_table_lookup (run->aliases, key)) != NULL)
    {
      g_free (name);
      name = sc_import_tidy_name (alias);
    }

  if ((found = g_hash_table_lookup (run->partner_index, name)) != NULL)
    index = GPOINTER_TO_UINT (found) - 1;
  else if (run->partners->len >= SC_RECIPE_MAX_PARTNERS)
    return G_MAXUINT32;
  else
    {
      ScPartnerType type = fr->fixed_type;

      g_ptr_array_add (run->partners, g_steal_pointer (&name));
      g_array_append_val (run->types, type);
      index = run->partners->len - 1;
      g_hash_table_insert (run->partner_index, g_ptr_array_index (run->partners, index),
                           GUINT_TO_POINTER (index + 1));
    }

  g_hash_table_insert (fr->raw, g_strdup (raw), GUINT_TO_POINTER (index + 1));
  return index;
}

/* Reading the columns */

/* The cell as written (NUL-terminated), of a held row or the reader's. */
static const char *
raw_field (FileRun *fr,
           guint    column,
           gsize   *length)
{
  if (fr->held != NULL)
    {
      const char *text = "";

      for (guint i = 0; fr->held[i] != NULL; i++)
        if (i == column)
          {
            text = fr->held[i];
            break;
          }
      if (length)
        *length = strlen (text);
      return text;
    }
  if (fr->batch != NULL)
    {
      const guint32 *cell;

      if (fr->slots[column] < 0)
        {
          if (length)
            *length = 0;
          return "";
        }
      cell = &g_array_index (fr->batch->cells, guint32, ((gsize) fr->batch_row * fr->n_slots + fr->slots[column]) * 2);
      if (length)
        *length = cell[1];
      return fr->batch->text->str + cell[0];
    }
  return sc_reader_csv_get_field (fr->reader, column, length);
}

static const char *
field (FileRun *fr,
       guint    column,
       gsize   *length)
{
  const char *text = raw_field (fr, column, length);

  while (*length > 0 && (*text == ' ' || *text == '\t'))
    text++, (*length)--;
  while (*length > 0 && (text[*length - 1] == ' ' || text[*length - 1] == '\t' ||
                         text[*length - 1] == '\r'))
    (*length)--;
  return text;
}

static gboolean
row_problem (FileRun     *fr,
             guint        column,
             int          code,
             GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (5, 6);

/* A bad cell: the row is skipped and listed with "skip bad rows",
 * otherwise the import fails with file, line and column.
 */
static gboolean
row_problem (FileRun     *fr,
             guint        column,
             int          code,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return sc_import_problem (fr->import, fr->source, current_line (fr), column + 1,
                            code, error, "%s", message);
}

/* Fills fr->cells for the columns the formulas read; FALSE for a row to
 * skip (@error set when the import fails).
 */
static gboolean
convert_cells (FileRun  *fr,
               gboolean *skip,
               GError  **error)
{
  ScRecipeTable *table = fr->table;

  for (guint u = 0; u < fr->n_used; u++)
    {
      guint c = fr->used[u];
      ScCell *cell = &fr->cells[c];
      gsize length;
      const char *text = field (fr, c, &length);

      cell->text = text;
      cell->length = length;
      if (length == 0)
        {
          cell->type = SC_CELL_EMPTY;
          continue;
        }
      if (fr->lookups[c] != NULL)
        {
          const char *name = g_hash_table_lookup (fr->lookups[c], text);

          if (name != NULL)
            cell->text = name, cell->length = strlen (name);
        }

      switch (table->types[c])
        {
        case SC_CELL_NUMBER:
          switch (sc_number_parse_cell (text, length, table->decimal_mark, table->thousands, &cell->number))
            {
            case SC_NUMBER_OK:
              cell->type = SC_CELL_NUMBER;
              break;
            case SC_NUMBER_EMPTY:
              cell->type = SC_CELL_EMPTY;
              break;
            case SC_NUMBER_INVALID:
            default:
              *skip = TRUE;
              return row_problem (fr, c, SC_IMPORT_ERROR_VALUE, error,
                                  _("“%.*s” in column “%s” is not a number"),
                                  (int) MIN (length, 40), text, table->headers[c]);
            }
          break;

        case SC_CELL_DATE:
          if (!sc_date_parse (table->date_format, text, length, &cell->number) &&
              !sc_date_parse (NULL, text, length, &cell->number))
            {
              *skip = TRUE;
              return row_problem (fr, c, SC_IMPORT_ERROR_PERIOD, error,
                                  _("“%.*s” in column “%s” is not a date like the others (%s)"),
                                  (int) MIN (length, 40), text, table->headers[c],
                                  table->date_format ? table->date_format : "YYYY-MM-DD");
            }
          cell->type = SC_CELL_DATE;
          break;

        case SC_CELL_EMPTY:
        case SC_CELL_TEXT:
        default:
          cell->type = SC_CELL_TEXT;
          break;
        }
    }

  return TRUE;
}

static ScPeriod
period_of_day (FileRun *fr,
               double   day)
{
  int y, m, d;

  if (day == fr->last_day)
    return fr->last_period;

  sc_date_to_ymd (day, &y, &m, &d);
  fr->last_day = day;
  fr->last_period = sc_period_from_ymd (fr->run->recipe->granularity, y, m, d);
  return fr->last_period;
}

/* One row into its group. FALSE when the import fails. */
gboolean
sc_recipe_file_take_row (FileRun  *fr,
          GError  **error)
{
  ScRecipeRun *run = fr->run;
  gboolean skip = FALSE;
  const char *raw;
  gsize length;
  gpointer found;
  guint32 partner;
  ScPeriod period;
  double *parts;
  ScCell *date;

  run->n_rows++;
  if (!convert_cells (fr, &skip, error))
    return FALSE;
  if (skip)
    return TRUE;

  date = &fr->cells[fr->date_column];
  if (date->type != SC_CELL_DATE)
    {
      run->n_no_date++;
      return TRUE;
    }
  if (fr->run->recipe->filter_parsed != NULL && !sc_formula_test_row (fr->run->recipe->filter_parsed, fr->cells))
    return TRUE;

  raw = field (fr, fr->partner_column, &length);
  if (length == 0)
    {
      run->n_no_partner++;
      return TRUE;
    }
  raw = raw_field (fr, fr->partner_column, NULL);
  if ((found = g_hash_table_lookup (fr->raw, raw)) != NULL)
    partner = GPOINTER_TO_UINT (found) - 1;
  else if ((partner = resolve_partner (fr, raw)) == G_MAXUINT32)
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_TOO_LARGE,
                   _("%s:%llu: more than %d different partners in column “%s”; "
                     "is it the column that names the partner?"),
                   fr->name, (unsigned long long) current_line (fr), SC_RECIPE_MAX_PARTNERS,
                   fr->table->headers[fr->partner_column]);
      return FALSE;
    }

  if (fr->type_column >= 0)
    {
      ScPartnerType type;
      const char *text = field (fr, fr->type_column, &length);

      if (length > 0 && sc_import_parse_partner_type (text, &type))
        g_array_index (run->types, ScPartnerType, partner) = type;
    }

  period = period_of_day (fr, date->number);
  if ((parts = group_parts (fr, partner, period)) == NULL)
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_TOO_LARGE,
                   _("%s:%llu: the dates of “%s” span more than %d periods, or the "
                     "file has more than %d partner × period groups; is “%s” the date column?"),
                   fr->name, (unsigned long long) current_line (fr), fr->table->headers[fr->date_column],
                   SC_WORKBOOK_MAX_PERIODS, SC_RECIPE_MAX_GROUPS, fr->table->headers[fr->date_column]);
      return FALSE;
    }

  parts[0] += 1;
  for (guint k = 0; k < run->n_kpis; k++)
    sc_formula_accumulate (((ScRecipeKpi *) g_ptr_array_index (run->recipe->kpis, k))->parsed,
                           fr->cells, parts + run->offsets[k]);
  run->n_used++;

  return TRUE;
}

gboolean
sc_recipe_file_take_held_rows (FileRun  *fr,
                GError  **error)
{
  for (guint i = 0; i < fr->table->rows->len; i++)
    {
      fr->held = g_ptr_array_index (fr->table->rows, i);
      fr->held_line = g_array_index (fr->table->lines, guint64, i);
      if (!sc_recipe_file_take_row (fr, error))
        return FALSE;
    }
  fr->held = NULL;
  return TRUE;
}

/* Staging */

/* The parts of group @group (0-based) for KPI @kpi, with the group's row
 * count first: what a series keeps per period.
 */
void
sc_recipe_run_get_parts (ScRecipeRun *run,
                         guint32      group,
                         guint        kpi,
                         double      *out)
{
  const double *parts = &g_array_index (run->parts, double, (gsize) group * run->stride);
  ScRecipeKpi *k = g_ptr_array_index (run->recipe->kpis, kpi);
  guint n = sc_formula_get_n_parts (k->parsed);

  out[0] = parts[0];
  memcpy (out + 1, parts + run->offsets[kpi], n * sizeof (double));
}

/**
 * sc_recipe_run_stage:
 *
 * Stages the partners, the recipe's KPIs and one value per partner ×
 * period × KPI, each with its parts. A KPI without data in a group (a
 * share of no rows) stages its parts without a value.
 */
gboolean
sc_recipe_run_stage (ScRecipeRun  *run,
                     ScImport     *import,
                     GError      **error)
{
  ScRecipe *recipe = run->recipe;
  g_autofree guint32 *partners = g_new (guint32, MAX (run->partners->len, 1));
  g_autofree guint32 *kpis = g_new (guint32, MAX (run->n_kpis, 1));
  g_autoptr(GHashTable) periods = g_hash_table_new (NULL, NULL);
  g_autofree double *parts = g_new (double, run->stride);

  if (run->groups->len == 0)
    {
      const char *name = import->sources->len > 0
        ? ((ScImportSource *) g_ptr_array_index (import->sources, 0))->name : "";

      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY,
                   _("%s: no row has both a partner (“%s”) and a date (“%s”)%s"),
                   name, recipe->partner, recipe->date,
                   recipe->filter ? _(" that passes the recipe’s filter") : "");
      return FALSE;
    }

  for (guint p = 0; p < run->partners->len; p++)
    {
      StagePartner *sp;

      partners[p] = sc_import_stage_partner (import, g_ptr_array_index (run->partners, p), NULL);
      sp = g_ptr_array_index (import->partners, partners[p]);
      sp->type = g_array_index (run->types, ScPartnerType, p);
      sp->type_known = TRUE;
    }
  for (guint k = 0; k < run->n_kpis; k++)
    kpis[k] = sc_import_stage_recipe_kpi (import, g_ptr_array_index (recipe->kpis, k));

  for (guint g = 0; g < run->groups->len; g++)
    {
      const Group *group = &g_array_index (run->groups, Group, g);
      gpointer found = g_hash_table_lookup (periods, GINT_TO_POINTER (group->period));
      guint32 period;

      if (found == NULL)
        {
          g_autofree char *text = sc_period_to_string (recipe->granularity, group->period);

          period = sc_import_stage_period (import, text, group->source, group->line, 0);
          g_hash_table_insert (periods, GINT_TO_POINTER (group->period), GUINT_TO_POINTER (period + 1));
        }
      else
        period = GPOINTER_TO_UINT (found) - 1;

      for (guint k = 0; k < run->n_kpis; k++)
        {
          ScRecipeKpi *rk = g_ptr_array_index (recipe->kpis, k);
          StageValue v = { 0 };

          sc_recipe_run_get_parts (run, g, k, parts);
          v.partner = partners[group->partner];
          v.kpi = kpis[k];
          v.period = period;
          v.source = group->source;
          v.line = group->line;
          v.value = sc_formula_finish (rk->parsed, parts + 1);
          v.group = g + 1;
          v.group_kpi = k;
          sc_import_stage_value (import, &v, NAN, NAN);
        }
    }

  return TRUE;
}

