/* sc-import-stage.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The staging area of an import: the partners, KPIs, periods and values the
 * files hold, by index, before anything touches a workbook. Validation
 * resolves the periods (learning a file's date order from its unambiguous
 * dates), builds one dense series per partner × KPI and applies the
 * duplicates policy.
 */

#define G_LOG_DOMAIN "sc-import-stage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-catalogue.h"
#include "sc-import-names.h"
#include "sc-import-private.h"
#include "sc-kpi-guess.h"

static void
stage_partner_free (gpointer data)
{
  StagePartner *p = data;

  g_free (p->name);
  g_free (p->id);
  g_clear_object (&p->template);
  g_free (p);
}

static void
stage_kpi_free (gpointer data)
{
  StageKpi *k = data;

  g_free (k->key);
  g_free (k->name);
  g_clear_object (&k->template);
  g_clear_object (&k->definition);
  g_free (k);
}

static void
stage_period_free (gpointer data)
{
  StagePeriod *p = data;

  g_free (p->text);
  g_free (p);
}

static void
stage_series_free (gpointer data)
{
  StageSeries *s = data;

  g_free (s->values);
  g_free (s->numerator);
  g_free (s->denominator);
  g_free (s->rows);
  for (guint k = 0; k < s->n_parts; k++)
    g_free (s->parts[k]);
  g_free (s->parts);
  g_free (s);
}

void
sc_import_stage_init (ScImport *self)
{
  self->partners = g_ptr_array_new_with_free_func (stage_partner_free);
  self->partners_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->partners_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->kpis = g_ptr_array_new_with_free_func (stage_kpi_free);
  self->kpis_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->kpis_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->periods = g_ptr_array_new_with_free_func (stage_period_free);
  self->periods_by_text = g_hash_table_new (g_str_hash, g_str_equal);
  self->values = g_array_new (FALSE, FALSE, sizeof (StageValue));
  self->ratios = g_array_new (FALSE, FALSE, sizeof (StageRatio));
  self->targets = g_array_new (FALSE, FALSE, sizeof (StageTarget));
  self->series = g_ptr_array_new_with_free_func (stage_series_free);
  self->near_duplicates = g_ptr_array_new_with_free_func (sc_import_near_duplicate_free);
}

void
sc_import_stage_clear (ScImport *self)
{
  g_clear_pointer (&self->partners_by_name, g_hash_table_unref);
  g_clear_pointer (&self->partners_by_id, g_hash_table_unref);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->kpis_by_key, g_hash_table_unref);
  g_clear_pointer (&self->kpis_by_name, g_hash_table_unref);
  g_clear_pointer (&self->kpis, g_ptr_array_unref);
  g_clear_pointer (&self->periods_by_text, g_hash_table_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->ratios, g_array_unref);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->near_duplicates, g_ptr_array_unref);
}

/* Staging */

/* The index of the partner @name (or @id when given), added if new. The
 * name is tidied first (sc_import_tidy_name()), so "  ACME   Inc " is
 * "ACME Inc".
 */
guint32
sc_import_stage_partner (ScImport   *self,
                         const char *name,
                         const char *id)
{
  g_autofree char *tidy = name ? sc_import_tidy_name (name) : NULL;
  StagePartner *p;
  gpointer found;

  if (id != NULL && (found = g_hash_table_lookup (self->partners_by_id, id)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  if (id == NULL && (found = g_hash_table_lookup (self->partners_by_name, tidy)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  p = g_new0 (StagePartner, 1);
  p->name = tidy && *tidy ? g_steal_pointer (&tidy) : g_strdup (name ? name : id);
  p->id = g_strdup (id);
  p->type = SC_PARTNER_SUPPLIER;
  g_ptr_array_add (self->partners, p);

  if (p->id != NULL)
    g_hash_table_insert (self->partners_by_id, p->id, GUINT_TO_POINTER (self->partners->len));
  if (!g_hash_table_contains (self->partners_by_name, p->name))
    g_hash_table_insert (self->partners_by_name, p->name, GUINT_TO_POINTER (self->partners->len));

  return self->partners->len - 1;
}

/* A key for a new staged KPI that no other staged KPI uses. */
static char *
unused_kpi_key (ScImport   *self,
                const char *wanted)
{
  char *key = g_strdup (wanted);

  for (guint n = 2; g_hash_table_contains (self->kpis_by_key, key); n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s_%u", wanted, n);
    }

  return key;
}

/* The index of the KPI a file calls @name: names that mean the same
 * catalogue KPI ("OTD", "Liefertreue") share one. @template, if given, is
 * the definition the file carries. A match set with
 * sc_import_set_kpi_match() comes before the catalogue.
 */
guint32
sc_import_stage_kpi (ScImport   *self,
                     const char *name,
                     ScKpi      *template)
{
  g_autofree char *key = NULL;
  const char *catalogue_id;
  const char *match = NULL;
  gboolean force_new = FALSE;
  gpointer found;
  StageKpi *k;

  if ((found = g_hash_table_lookup (self->kpis_by_name, name)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  if (template == NULL)
    match = g_hash_table_lookup (self->kpi_matches, name);

  if (match != NULL && *match != '\0')
    key = g_strdup (match);
  else if (match != NULL)
    {
      key = sc_import_slugify (name, '_');
      force_new = TRUE;
    }
  else if (template != NULL)
    key = g_strdup (sc_kpi_get_id (template));
  else if ((catalogue_id = sc_import_match_catalogue (name)) != NULL)
    key = g_strdup (catalogue_id);
  else
    key = sc_import_slugify (name, '_');

  found = g_hash_table_lookup (self->kpis_by_key, key);
  if (found != NULL &&
      ((StageKpi *) g_ptr_array_index (self->kpis, GPOINTER_TO_UINT (found) - 1))->force_new != force_new)
    {
      /* A new KPI must not merge with a matched one that happens to share its id */
      char *unused = unused_kpi_key (self, key);

      g_free (key);
      key = unused;
      found = NULL;
    }

  if (found == NULL)
    {
      k = g_new0 (StageKpi, 1);
      k->key = g_steal_pointer (&key);
      k->name = g_strdup (template ? sc_kpi_get_name (template) : name);
      k->template = template ? g_object_ref (template) : NULL;
      k->force_new = force_new;
      g_ptr_array_add (self->kpis, k);
      found = GUINT_TO_POINTER (self->kpis->len);
      g_hash_table_insert (self->kpis_by_key, k->key, found);
    }

  g_hash_table_insert (self->kpis_by_name, g_strdup (name), found);
  return GPOINTER_TO_UINT (found) - 1;
}

/* The index of a KPI the recipe computes: its id names it. */
guint32
sc_import_stage_recipe_kpi (ScImport    *self,
                            ScRecipeKpi *kpi)
{
  gpointer found = g_hash_table_lookup (self->kpis_by_key, kpi->id);
  StageKpi *k;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  k = g_new0 (StageKpi, 1);
  k->key = g_strdup (kpi->id);
  k->name = g_strdup (kpi->name ? kpi->name : kpi->id);
  k->recipe_kpi = kpi;
  g_ptr_array_add (self->kpis, k);
  g_hash_table_insert (self->kpis_by_key, k->key, GUINT_TO_POINTER (self->kpis->len));

  return self->kpis->len - 1;
}

/* The index of the period written @text, read on first use. Its status
 * says whether it can be used; an ambiguous one waits for validation.
 */
guint32
sc_import_stage_period (ScImport   *self,
                        const char *text,
                        guint       source,
                        guint64     line,
                        guint       column)
{
  StagePeriod *p;
  gpointer found;

  if ((found = g_hash_table_lookup (self->periods_by_text, text)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  p = g_new0 (StagePeriod, 1);
  p->text = g_strdup (text);
  p->source = source;
  p->line = line;
  p->column = column;
  p->status = sc_loose_period_parse (text, SC_DATE_ORDER_UNKNOWN, &p->loose);
  p->period = SC_PERIOD_NONE;
  g_ptr_array_add (self->periods, p);
  g_hash_table_insert (self->periods_by_text, p->text, GUINT_TO_POINTER (self->periods->len));

  return self->periods->len - 1;
}

void
sc_import_stage_value (ScImport         *self,
                       const StageValue *value,
                       double            numerator,
                       double            denominator)
{
  StageValue v = *value;

  v.ratio = 0;
  if (!isnan (numerator) || !isnan (denominator))
    {
      StageRatio r = { numerator, denominator };

      g_array_append_val (self->ratios, r);
      v.ratio = self->ratios->len;
    }

  g_array_append_val (self->values, v);
}

void
sc_import_stage_target (ScImport *self,
                        guint32   partner,
                        guint32   kpi,
                        double    target)
{
  StageTarget t = { partner, kpi, target };

  g_array_append_val (self->targets, t);
}

/* New KPIs */

#define GUESS_SAMPLE 256

/* Values of the staged KPI at @position, for guessing from: up to
 * GUESS_SAMPLE, partner by partner, in period order.
 */
static GArray *
sample_values (ScImport *self,
               guint     position)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = self->series->len > 0 ? self->last - self->first + 1 : 0;

  for (guint i = 0; i < self->series->len && values->len < GUESS_SAMPLE; i++)
    {
      StageSeries *s = g_ptr_array_index (self->series, i);

      if (s->kpi != position)
        continue;
      for (guint p = 0; p < n && values->len < GUESS_SAMPLE; p++)
        if (!isnan (s->values[p]))
          g_array_append_val (values, s->values[p]);
    }

  return values;
}

/* The definition a user gave for any name the KPI is written as */
static ScKpi *
user_definition (ScImport *self,
                 guint     position,
                 StageKpi *k)
{
  GHashTableIter iter;
  gpointer name, index;
  ScKpi *kpi;

  if ((kpi = g_hash_table_lookup (self->new_kpis, k->name)) != NULL)
    return kpi;

  g_hash_table_iter_init (&iter, self->kpis_by_name);
  while (g_hash_table_iter_next (&iter, &name, &index))
    if (GPOINTER_TO_UINT (index) - 1 == position &&
        (kpi = g_hash_table_lookup (self->new_kpis, name)) != NULL)
      return kpi;

  return NULL;
}

/**
 * sc_import_stage_guess_kpis:
 *
 * Gives each staged KPI that would be new (no definition in the file, no
 * catalogue KPI of its name) a definition: the user's, or one guessed from
 * its name and values (sc_kpi_guess_from_name()), without a target.
 */
void
sc_import_stage_guess_kpis (ScImport *self)
{
  for (guint i = 0; i < self->kpis->len; i++)
    {
      StageKpi *k = g_ptr_array_index (self->kpis, i);
      g_autoptr(ScKpi) catalogue = NULL;
      ScKpi *user;

      if (k->template != NULL ||
          (!k->force_new && (catalogue = sc_catalogue_lookup (k->key)) != NULL))
        continue;
      g_clear_object (&k->definition);
      if ((user = user_definition (self, i, k)) != NULL)
        {
          k->definition = sc_kpi_copy (user);
          continue;
        }

      k->definition = sc_import_stage_guess_kpi (self, i);
    }
}

/* A definition for the staged KPI at @position, guessed from its name and
 * the values staged so far.
 */
ScKpi *
sc_import_stage_guess_kpi (ScImport *self,
                           guint     position)
{
  StageKpi *k = g_ptr_array_index (self->kpis, position);
  g_autoptr(GArray) values = sample_values (self, position);
  ScKpi *kpi = sc_kpi_new (k->key, k->name);

  sc_kpi_guess_from_name (kpi, k->name, (const double *) values->data, values->len);
  return kpi;
}

/* What is wrong with a period, for users. */
const char *
sc_import_period_problem (ScLoosePeriodStatus status)
{
  switch (status)
    {
    case SC_LOOSE_PERIOD_IMPOSSIBLE:
      return _("there is no such month, day, quarter or week");
    case SC_LOOSE_PERIOD_AMBIGUOUS:
      return _("the date reads both day-first and month-first, and no other date in the "
               "file decides; write it as YYYY-MM-DD");
    case SC_LOOSE_PERIOD_UNREADABLE:
    case SC_LOOSE_PERIOD_OK:
    default:
      return _("expected a period such as 2025-03, 03/2025, Mar 2025, 17.03.2025, "
               "2025-Q1 or 2025-W12");
    }
}
