/* sc-import-validate.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation of a staged import: periods resolved across all its files (a
 * day above 12 anywhere decides whether 03/04/2025 is March or April; if
 * nothing does, it is an error), one granularity, the period range, and one
 * dense series per partner × KPI with the duplicates policy applied.
 */

#define G_LOG_DOMAIN "sc-import-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-import-private.h"
#include "sc-recipe-run.h"

static ScDateOrder
learn_date_order (ScImport *self)
{
  ScDateOrder order = SC_DATE_ORDER_UNKNOWN;

  for (guint i = 0; i < self->periods->len; i++)
    {
      StagePeriod *p = g_ptr_array_index (self->periods, i);

      if (p->status != SC_LOOSE_PERIOD_OK || p->loose.implied_order == SC_DATE_ORDER_UNKNOWN)
        continue;
      if (order == SC_DATE_ORDER_UNKNOWN)
        order = p->loose.implied_order;
      else if (order != p->loose.implied_order)
        {
          p->status = SC_LOOSE_PERIOD_AMBIGUOUS;
          p->problem = _("the file writes dates both day-first and month-first; write them as "
                         "YYYY-MM-DD");
        }
    }

  return order;
}

/* The granularity the periods need: weeks or quarters if they are written
 * so, months otherwise (dates are bucketed into it).
 */
static ScGranularity
choose_granularity (ScImport *self)
{
  gboolean weeks = FALSE, quarters = FALSE;

  for (guint i = 0; i < self->periods->len; i++)
    {
      StagePeriod *p = g_ptr_array_index (self->periods, i);

      if (p->status != SC_LOOSE_PERIOD_OK)
        continue;
      weeks |= p->loose.kind == SC_LOOSE_PERIOD_WEEK;
      quarters |= p->loose.kind == SC_LOOSE_PERIOD_QUARTER;
    }

  if (weeks)
    return SC_GRANULARITY_WEEK;
  if (quarters)
    return SC_GRANULARITY_QUARTER;
  return SC_GRANULARITY_MONTH;
}

static void
resolve_periods (ScImport *self)
{
  ScDateOrder order = learn_date_order (self);

  self->granularity = choose_granularity (self);

  for (guint i = 0; i < self->periods->len; i++)
    {
      StagePeriod *p = g_ptr_array_index (self->periods, i);

      if (p->status == SC_LOOSE_PERIOD_AMBIGUOUS && p->problem == NULL && order != SC_DATE_ORDER_UNKNOWN)
        p->status = sc_loose_period_parse (p->text, order, &p->loose);

      if (p->status != SC_LOOSE_PERIOD_OK)
        {
          if (p->problem == NULL)
            p->problem = sc_import_period_problem (p->status);
          continue;
        }
      if (!sc_loose_period_to_period (&p->loose, self->granularity, &p->period))
        {
          p->status = SC_LOOSE_PERIOD_IMPOSSIBLE;
          p->problem = self->granularity == SC_GRANULARITY_WEEK
                       ? _("the other periods are ISO weeks; expected a week such as 2025-W12 or a date")
                       : _("the other periods are quarters; expected a quarter such as 2025-Q1 or a date");
        }
    }
}

static const char *
source_name (ScImport *self,
             guint     source)
{
  return ((ScImportSource *) g_ptr_array_index (self->sources, source))->name;
}

/* Drops values whose period cannot be used, or fails on the first. */
static gboolean
check_periods (ScImport  *self,
               GError   **error)
{
  guint kept = 0;

  for (guint i = 0; i < self->values->len; i++)
    {
      StageValue *v = &g_array_index (self->values, StageValue, i);
      StagePeriod *p = g_ptr_array_index (self->periods, v->period);

      if (p->problem == NULL)
        {
          g_array_index (self->values, StageValue, kept++) = *v;
          continue;
        }
      if (!sc_import_problem (self, v->source, v->line, p->source == v->source ? p->column : v->column,
                              p->status == SC_LOOSE_PERIOD_AMBIGUOUS ? SC_IMPORT_ERROR_AMBIGUOUS_PERIOD
                                                                     : SC_IMPORT_ERROR_PERIOD,
                              error, _("“%s”: %s"), p->text, p->problem))
        return FALSE;
    }

  g_array_set_size (self->values, kept);
  return TRUE;
}

static gboolean
compute_range (ScImport  *self,
               GError   **error)
{
  ScPeriod first = G_MAXINT32, last = G_MININT32;

  for (guint i = 0; i < self->periods->len; i++)
    {
      StagePeriod *p = g_ptr_array_index (self->periods, i);

      if (p->problem != NULL)
        continue;
      first = MIN (first, p->period);
      last = MAX (last, p->period);
    }

  if (self->values->len == 0)
    return TRUE;

  if ((gint64) last - first + 1 > SC_WORKBOOK_MAX_PERIODS)
    {
      g_autofree char *n_periods = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) last - first + 1);

      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_CONFLICT,
                   /* Translators: the first %s is a file name, the second the
                    * number of periods (months, quarters…) in the data; %d is
                    * the most a workbook holds */
                   _("%s: the data spans %s periods; at most %d are supported"),
                   source_name (self, 0), n_periods, SC_WORKBOOK_MAX_PERIODS);
      return FALSE;
    }

  self->first = first;
  self->last = last;
  return TRUE;
}

static double *
nan_array (guint n)
{
  double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = NAN;

  return values;
}

/* Series are keyed by their partner and KPI indices; spread both over the
 * hash (g_int64_hash would XOR them into few buckets).
 */
static guint
series_hash (gconstpointer data)
{
  const StageSeries *s = data;
  guint64 v = ((guint64) s->partner << 32 | s->kpi) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (v >> 32);
}

static gboolean
series_equal (gconstpointer a,
              gconstpointer b)
{
  const StageSeries *sa = a, *sb = b;

  return sa->partner == sb->partner && sa->kpi == sb->kpi;
}

static StageSeries *
lookup_series (ScImport   *self,
               GHashTable *index,
               guint32     partner,
               guint32     kpi)
{
  StageSeries key = { partner, kpi };
  guint n = self->last - self->first + 1;
  StageSeries *s = g_hash_table_lookup (index, &key);

  if (s != NULL)
    return s;

  s = g_new0 (StageSeries, 1);
  s->partner = partner;
  s->kpi = kpi;
  s->values = nan_array (n);
  s->rows = g_new0 (guint32, n);
  g_ptr_array_add (self->series, s);
  g_hash_table_add (index, s);

  return s;
}

/* A value for a cell that already has one: kept, replaced or refused. */
static gboolean
handle_duplicate (ScImport          *self,
                  StageSeries       *s,
                  const StageValue  *v,
                  const StageValue  *earlier,
                  gboolean          *use,
                  GError           **error)
{
  StagePartner *partner = g_ptr_array_index (self->partners, v->partner);
  StageKpi *kpi = g_ptr_array_index (self->kpis, v->kpi);
  StagePeriod *period = g_ptr_array_index (self->periods, v->period);
  g_autofree char *earlier_line = NULL;

  if (self->duplicates == SC_IMPORT_DUPLICATES_LAST_WINS)
    {
      self->n_replaced++;
      *use = TRUE;
      return TRUE;
    }

  earlier_line = g_strdup_printf ("%" G_GUINT64_FORMAT, earlier->line);
  *use = FALSE;
  return sc_import_problem (self, v->source, v->line, v->column, SC_IMPORT_ERROR_DUPLICATE, error,
                            /* Translators: the first three %s are a partner, a KPI and
                             * a period; the last two a file name and a line number in it */
                            _("a second value for %s, %s, %s; the first is in %s line %s"),
                            partner->name, kpi->name, period->text,
                            source_name (self, earlier->source), earlier_line);
}

/* A recipe's value: its formula and the parts of its group. */
static void
set_parts (ScImport         *self,
           StageSeries      *s,
           const StageValue *v,
           guint             i,
           guint             n)
{
  StageKpi *kpi = g_ptr_array_index (self->kpis, v->kpi);
  double parts[SC_FORMULA_MAX_PARTS + 1];

  if (s->formula == NULL)
    {
      s->formula = kpi->recipe_kpi->parsed;
      s->n_parts = 1 + sc_formula_get_n_parts (s->formula);
      s->parts = g_new (double *, s->n_parts);
      for (guint k = 0; k < s->n_parts; k++)
        s->parts[k] = nan_array (n);
    }

  sc_recipe_run_get_parts (self->run, v->group - 1, v->group_kpi, parts);
  for (guint k = 0; k < s->n_parts; k++)
    s->parts[k][i] = parts[k];
}

static gboolean
set_cell (ScImport          *self,
          StageSeries       *s,
          guint32            row,
          const StageValue  *v,
          GError           **error)
{
  guint n = self->last - self->first + 1;
  StagePeriod *period = g_ptr_array_index (self->periods, v->period);
  guint i = period->period - self->first;
  gboolean use = TRUE;

  if (s->rows[i] != 0)
    {
      const StageValue *earlier = &g_array_index (self->values, StageValue, s->rows[i] - 1);

      if (!handle_duplicate (self, s, v, earlier, &use, error))
        return FALSE;
      if (!use)
        return TRUE;
    }
  else if (!isnan (v->value) || v->group == 0)
    self->n_values++;

  s->rows[i] = row + 1;
  s->values[i] = v->value;
  if (v->group != 0)
    set_parts (self, s, v, i, n);
  if (v->ratio != 0)
    {
      StageRatio *r = &g_array_index (self->ratios, StageRatio, v->ratio - 1);

      if (s->numerator == NULL)
        {
          s->numerator = nan_array (n);
          s->denominator = nan_array (n);
        }
      s->numerator[i] = r->numerator;
      s->denominator[i] = r->denominator;
    }

  return TRUE;
}

static gboolean
build_series (ScImport  *self,
              GError   **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new (series_hash, series_equal);
  StageSeries *last = NULL;

  for (guint i = 0; i < self->values->len; i++)
    {
      const StageValue *v = &g_array_index (self->values, StageValue, i);

      if (last == NULL || last->partner != v->partner || last->kpi != v->kpi)
        last = lookup_series (self, index, v->partner, v->kpi);
      if (!set_cell (self, last, i, v, error))
        return FALSE;
    }

  return TRUE;
}

/* Rows that repeat partner × KPI × period many times are transactions
 * (order lines, defect reports): keeping the last of each would make a
 * month's defects the last report's. They need a recipe, whatever the
 * duplicates policy says.
 */
static gboolean
check_not_transactions (ScImport  *self,
                        GError   **error)
{
  g_autofree char *rows = NULL;
  g_autofree char *cells = NULL;
  const char *name;

  /* On average two rows or more per cell: not a re-exported row or two */
  if (self->n_replaced < 3 || self->n_replaced < self->n_values)
    return TRUE;

  name = source_name (self, 0);
  rows = g_strdup_printf ("%'" G_GUINT64_FORMAT, self->n_values + self->n_replaced);
  cells = g_strdup_printf ("%'" G_GUINT64_FORMAT, self->n_values);
  g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_NEEDED,
               /* Translators: %s are a file name, two numbers and the file name again */
               _("%s looks like transactions, not a KPI table: its %s values fall on only %s partner × KPI × "
                 "period cells. Rows like these must be added up with a recipe; “scorecards recipe %s” "
                 "suggests one"),
               name, rows, cells, name);
  return FALSE;
}

/* Private API */

gboolean
sc_import_stage_validate (ScImport  *self,
                          GError   **error)
{
  if (self->run != NULL && !sc_recipe_run_stage (self->run, self, error))
    return FALSE;

  resolve_periods (self);

  if (!check_periods (self, error) || !compute_range (self, error))
    return FALSE;

  if (self->values->len == 0 && self->partners->len == 0)
    {
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY, _("%s: no values to import"),
                   self->sources->len > 0 ? source_name (self, 0) : "");
      return FALSE;
    }

  if (self->values->len > 0 && !build_series (self, error))
    return FALSE;
  if (self->run == NULL && !check_not_transactions (self, error))
    return FALSE;
  sc_import_stage_guess_kpis (self);

  /* The staged values live on in the series; rows are only kept for messages */
  for (guint i = 0; i < self->series->len; i++)
    g_clear_pointer (&((StageSeries *) g_ptr_array_index (self->series, i))->rows, g_free);
  g_array_set_size (self->values, 0);
  g_clear_pointer (&self->values, g_array_unref);
  self->values = g_array_new (FALSE, FALSE, sizeof (StageValue));

  /* Commit compares with the workbook too */
  sc_import_stage_near_duplicates (self, NULL, NULL);

  self->validated = TRUE;
  return TRUE;
}
