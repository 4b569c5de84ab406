/* sc-import-commit.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Applies a validated import to a workbook, all at once: whatever could
 * fail (granularity, period range) is checked before the first change.
 * Keeps what it replaced so that the import can be undone.
 */

#define G_LOG_DOMAIN "sc-import-commit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-catalogue.h"
#include "sc-import-names.h"
#include "sc-import-private.h"
#include "sc-score-history.h"

typedef struct
{
  ScPartner *partner;
  ScKpi     *kpi;
  ScPeriod   first;
  guint      n;
  double    *values;        /* NULL: the import created the series */
  double    *numerator;
  double    *denominator;
  ScFormula *formula;       /* and its parts, as they were */
  double   **parts;
  guint      n_parts;
} SavedSeries;

typedef struct
{
  ScPartner *partner;
  char      *kpi_id;
  double     target;
  double     weight;
} SavedOverride;

struct _ImportUndo
{
  GPtrArray     *added_partners;
  GPtrArray     *added_kpis;
  GPtrArray     *saved_series;
  GPtrArray     *saved_overrides;
  ScGranularity  old_granularity;
  ScRecipe      *added_recipe;
  ScRecipe      *replaced_recipe;
  GPtrArray     *scored_then;       /* ScScoredThen the commit kept */
};

static void
saved_series_free (gpointer data)
{
  SavedSeries *s = data;

  g_object_unref (s->partner);
  g_object_unref (s->kpi);
  g_free (s->values);
  g_free (s->numerator);
  g_free (s->denominator);
  for (guint k = 0; k < s->n_parts; k++)
    g_free (s->parts[k]);
  g_free (s->parts);
  g_clear_pointer (&s->formula, sc_formula_unref);
  g_free (s);
}

static void
saved_override_free (gpointer data)
{
  SavedOverride *o = data;

  g_object_unref (o->partner);
  g_free (o->kpi_id);
  g_free (o);
}

void
sc_import_undo_free (ImportUndo *undo)
{
  g_ptr_array_unref (undo->added_partners);
  g_ptr_array_unref (undo->added_kpis);
  g_ptr_array_unref (undo->saved_series);
  g_ptr_array_unref (undo->saved_overrides);
  g_clear_pointer (&undo->added_recipe, sc_recipe_unref);
  g_clear_pointer (&undo->replaced_recipe, sc_recipe_unref);
  g_clear_pointer (&undo->scored_then, g_ptr_array_unref);
  g_free (undo);
}

static ImportUndo *
import_undo_new (ScWorkbook *book)
{
  ImportUndo *undo = g_new0 (ImportUndo, 1);

  undo->added_partners = g_ptr_array_new_with_free_func (g_object_unref);
  undo->added_kpis = g_ptr_array_new_with_free_func (g_object_unref);
  undo->saved_series = g_ptr_array_new_with_free_func (saved_series_free);
  undo->saved_overrides = g_ptr_array_new_with_free_func (saved_override_free);
  undo->old_granularity = sc_workbook_get_granularity (book);
  undo->scored_then = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_scored_then_free);

  return undo;
}

/* Matching the staged names to the workbook */

/* How a staged partner's name meets a workbook partner's: tidied, and
 * ignoring case (a workbook may hold names padded by an older import).
 */
char *
sc_import_partner_match_key (const char *name)
{
  g_autofree char *tidy = sc_import_tidy_name (name);

  return g_utf8_casefold (tidy, -1);
}

static GHashTable *
index_by_name (GListModel *model,
               gboolean    kpis)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *name = kpis ? sc_kpi_get_name (SC_KPI (item)) : sc_partner_get_name (SC_PARTNER (item));
      char *key = kpis ? sc_import_normalize_name (name) : sc_import_partner_match_key (name);

      if (!g_hash_table_contains (index, key))
        g_hash_table_insert (index, key, g_steal_pointer (&item));
      else
        g_free (key);
    }

  return index;
}

/* The workbook's partner for each staged one, NULL where a new one is needed. */
ScPartner **
sc_import_stage_match_partners (ScImport   *self,
                                ScWorkbook *book)
{
  g_autoptr(GHashTable) by_name = index_by_name (sc_workbook_get_partners (book), FALSE);
  ScPartner **map = g_new0 (ScPartner *, self->partners->len + 1);

  for (guint i = 0; i < self->partners->len; i++)
    {
      StagePartner *p = g_ptr_array_index (self->partners, i);
      g_autofree char *key = sc_import_partner_match_key (p->name);

      if (p->id != NULL)
        map[i] = sc_workbook_lookup_partner (book, p->id);
      if (map[i] == NULL)
        map[i] = g_hash_table_lookup (by_name, key);
    }

  return map;
}

/* The workbook's KPI for a staged one (by id, then by name), or NULL where
 * a new one is needed.
 */
static ScKpi *
match_kpi (StageKpi   *k,
           ScWorkbook *book,
           GHashTable *by_name)
{
  g_autofree char *key = NULL;
  ScKpi *kpi;

  if (k->force_new)
    return NULL;
  if ((kpi = sc_workbook_lookup_kpi (book, k->key)) != NULL)
    return kpi;

  key = sc_import_normalize_name (k->name);
  return g_hash_table_lookup (by_name, key);
}

static ScKpi **
match_kpis (ScImport   *self,
            ScWorkbook *book)
{
  g_autoptr(GHashTable) by_name = index_by_name (sc_workbook_get_kpis (book), TRUE);
  ScKpi **map = g_new0 (ScKpi *, self->kpis->len + 1);

  for (guint i = 0; i < self->kpis->len; i++)
    map[i] = match_kpi (g_ptr_array_index (self->kpis, i), book, by_name);

  return map;
}

/* What commit would match the staged KPI at @position to in @book: its KPI,
 * or NULL where the import adds one.
 */
ScKpi *
sc_import_stage_match_kpi (ScImport   *self,
                           guint       position,
                           ScWorkbook *book)
{
  g_autoptr(GHashTable) by_name = index_by_name (sc_workbook_get_kpis (book), TRUE);

  return match_kpi (g_ptr_array_index (self->kpis, position), book, by_name);
}

/* Everything that could make the commit fail, before anything changes. */
static gboolean
check_fits (ScImport    *self,
            ScWorkbook  *book,
            GError     **error)
{
  ScPeriod first = sc_workbook_get_first_period (book);
  guint n = sc_workbook_get_n_periods (book);

  if (self->series->len == 0)
    return TRUE;

  if (sc_workbook_get_granularity (book) != self->granularity && sc_workbook_get_n_series (book) > 0)
    {
      if (self->recipe != NULL)
        g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_CONFLICT,
                     /* Translators: the %s are "week", "month" or "quarter"; the last one
                      * is the workbook's, as the recipe's "granularity" member takes it */
                     _("The recipe makes %s periods but the workbook holds %s periods; "
                       "set \"granularity\": \"%s\" in the recipe"),
                     sc_granularity_to_string (self->granularity),
                     sc_granularity_to_string (sc_workbook_get_granularity (book)),
                     sc_granularity_to_string (sc_workbook_get_granularity (book)));
      else
        g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_CONFLICT,
                     _("The data holds %s periods but the workbook holds %s periods"),
                     sc_granularity_to_string (self->granularity),
                     sc_granularity_to_string (sc_workbook_get_granularity (book)));
      return FALSE;
    }

  if (n > 0 && sc_workbook_get_granularity (book) == self->granularity &&
      (gint64) MAX (self->last, first + (ScPeriod) n - 1) - MIN (self->first, first) + 1 > SC_WORKBOOK_MAX_PERIODS)
    {
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_CONFLICT,
                   _("With the data, the workbook would span more than %d periods"),
                   SC_WORKBOOK_MAX_PERIODS);
      return FALSE;
    }

  return TRUE;
}

/* Changing the workbook (nothing below can fail) */

static char *
unique_partner_id (ScWorkbook *book,
                   const char *wanted)
{
  char *id = g_strdup (wanted);

  for (guint n = 2; sc_workbook_lookup_partner (book, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", wanted, n);
    }

  return id;
}

static ScPartner *
create_partner (ScImport     *self,
                ScWorkbook   *book,
                StagePartner *p)
{
  g_autofree char *slug = p->id ? g_strdup (p->id) : sc_import_slugify (p->name, '-');
  g_autofree char *id = unique_partner_id (book, slug);
  g_autoptr(ScPartner) partner = sc_partner_new (id, p->name, p->type);

  if (p->template != NULL)
    {
      g_auto(GStrv) keys = sc_partner_dup_tag_keys (p->template);
      g_auto(GStrv) kpis = sc_partner_dup_override_kpis (p->template);

      for (guint i = 0; keys && keys[i]; i++)
        sc_partner_set_tag (partner, keys[i], sc_partner_get_tag (p->template, keys[i]));
      for (guint i = 0; kpis && kpis[i]; i++)
        {
          double target, weight;

          sc_partner_get_override (p->template, kpis[i], &target, &weight);
          sc_partner_set_override (partner, kpis[i], target, weight);
        }
      sc_partner_set_contact (partner, sc_partner_get_contact (p->template));
    }

  sc_workbook_add_partner (book, partner);
  g_ptr_array_add (self->undo->added_partners, g_object_ref (partner));

  return partner;
}

static ScKpi *
create_kpi (ScImport   *self,
            ScWorkbook *book,
            StageKpi   *k)
{
  g_autoptr(ScKpi) kpi = NULL;
  gboolean invented = FALSE;

  if (k->template != NULL)
    kpi = sc_kpi_copy (k->template);
  else if (k->force_new)
    {
      g_autofree char *id = g_strdup (k->key);

      for (guint n = 2; sc_workbook_lookup_kpi (book, id) != NULL; n++)
        {
          g_free (id);
          id = g_strdup_printf ("%s_%u", k->key, n);
        }
      kpi = sc_kpi_new (id, k->name);
      invented = TRUE;
    }
  else if ((kpi = sc_catalogue_lookup (k->key)) == NULL)
    {
      kpi = sc_kpi_new (k->key, k->name);
      invented = TRUE;
    }

  /* A KPI the file invents: its guessed or confirmed definition, no target
   * unless the user gave one */
  if (invented && k->definition != NULL)
    sc_kpi_assign (kpi, k->definition);
  /* What the recipe says of a KPI it invents wins over the guess */
  if (invented && k->recipe_kpi != NULL)
    sc_recipe_kpi_apply (k->recipe_kpi, kpi);

  sc_workbook_add_kpi (book, kpi);
  g_ptr_array_add (self->undo->added_kpis, g_object_ref (kpi));

  return kpi;
}

static double *
dup_array (const double *values,
           guint         n)
{
  return values ? g_memdup2 (values, sizeof (double) * MAX (n, 1)) : NULL;
}

static void
save_series (ScImport   *self,
             ScWorkbook *book,
             ScPartner  *partner,
             ScKpi      *kpi)
{
  const ScSeries *old = sc_workbook_get_series (book, partner, kpi);
  SavedSeries *saved = g_new0 (SavedSeries, 1);
  guint n = sc_workbook_get_n_periods (book);

  saved->partner = g_object_ref (partner);
  saved->kpi = g_object_ref (kpi);
  saved->first = sc_workbook_get_first_period (book);
  saved->n = n;
  if (old != NULL)
    {
      saved->values = dup_array (old->values, n);
      saved->numerator = dup_array (old->numerator, n);
      saved->denominator = dup_array (old->denominator, n);
      if (old->formula != NULL)
        {
          saved->formula = sc_formula_ref (old->formula);
          saved->n_parts = old->n_parts;
          saved->parts = g_new (double *, old->n_parts);
          for (guint k = 0; k < old->n_parts; k++)
            saved->parts[k] = dup_array (old->parts[k], n);
        }
    }
  g_ptr_array_add (self->undo->saved_series, saved);
}

static double *
ensure_array (double **array,
              guint    n)
{
  if (*array == NULL)
    {
      *array = g_new (double, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        (*array)[i] = NAN;
    }

  return *array;
}

/* The recipe's parts of the imported periods; a series computed with
 * another formula before keeps its values but not their parts.
 */
static void
write_parts (StageSeries *s,
             ScSeries    *series,
             guint        n,
             guint        n_book,
             guint        offset)
{
  if (series->formula == NULL ||
      g_strcmp0 (sc_formula_get_text (series->formula), sc_formula_get_text (s->formula)) != 0)
    sc_series_set_formula (series, s->formula, n_book);

  for (guint i = 0; i < n; i++)
    {
      if (isnan (s->parts[0][i]))
        continue;
      for (guint k = 0; k < s->n_parts; k++)
        series->parts[k][offset + i] = s->parts[k][i];
    }
}

static void
write_series (ScImport    *self,
              ScWorkbook  *book,
              StageSeries *s,
              ScPartner   *partner,
              ScKpi       *kpi)
{
  guint n = self->last - self->first + 1;
  guint n_book = sc_workbook_get_n_periods (book);
  guint offset = self->first - sc_workbook_get_first_period (book);
  ScSeries *series;

  save_series (self, book, partner, kpi);
  series = sc_workbook_ensure_series (book, partner, kpi);
  if (s->formula != NULL)
    write_parts (s, series, n, n_book, offset);

  for (guint i = 0; i < n; i++)
    {
      double value = s->values[i];

      /* A recipe's period was computed again from its rows: even "no data" replaces */
      if (s->formula != NULL && !isnan (s->parts[0][i]))
        series->values[offset + i] = value;

      if (isnan (value) && s->numerator && !isnan (s->numerator[i]) && s->denominator[i] != 0)
        value = s->numerator[i] / s->denominator[i] * sc_kpi_get_ratio_scale (kpi);
      if (!isnan (value))
        series->values[offset + i] = value;
      if (s->numerator && (!isnan (s->numerator[i]) || !isnan (s->denominator[i])))
        {
          ensure_array (&series->numerator, n_book)[offset + i] = s->numerator[i];
          ensure_array (&series->denominator, n_book)[offset + i] = s->denominator[i];
        }
    }

  sc_workbook_series_changed (book, series);
}

static void
apply_targets (ScImport   *self,
               ScPartner **partners,
               ScKpi     **kpis)
{
  for (guint i = 0; i < self->targets->len; i++)
    {
      StageTarget *t = &g_array_index (self->targets, StageTarget, i);
      ScPartner *partner = partners[t->partner];
      const char *kpi_id = sc_kpi_get_id (kpis[t->kpi]);
      SavedOverride *o = g_new0 (SavedOverride, 1);

      o->partner = g_object_ref (partner);
      o->kpi_id = g_strdup (kpi_id);
      if (!sc_partner_get_override (partner, kpi_id, &o->target, &o->weight))
        o->target = o->weight = NAN;
      g_ptr_array_add (self->undo->saved_overrides, o);

      sc_partner_set_override (partner, kpi_id, t->target, o->weight);
    }
}

gboolean
sc_import_stage_commit (ScImport    *self,
                        ScWorkbook  *book,
                        GError     **error)
{
  g_autofree ScPartner **partners = NULL;
  g_autofree ScKpi **kpis = NULL;

  if (!check_fits (self, book, error))
    return FALSE;

  partners = sc_import_stage_match_partners (self, book);
  sc_import_stage_near_duplicates (self, book, partners);
  kpis = match_kpis (self, book);
  self->undo = import_undo_new (book);

  if (self->series->len > 0)
    {
      if (sc_workbook_get_n_series (book) == 0)
        sc_workbook_set_granularity (book, self->granularity);
      if (!sc_workbook_ensure_periods (book, self->first, self->last, error))
        g_assert_not_reached ();
    }

  for (guint i = 0; i < self->partners->len; i++)
    if (partners[i] == NULL)
      partners[i] = create_partner (self, book, g_ptr_array_index (self->partners, i));
  for (guint i = 0; i < self->kpis->len; i++)
    if (kpis[i] == NULL)
      kpis[i] = create_kpi (self, book, g_ptr_array_index (self->kpis, i));

  for (guint i = 0; i < self->series->len; i++)
    {
      StageSeries *s = g_ptr_array_index (self->series, i);

      write_series (self, book, s, partners[s->partner], kpis[s->kpi]);
    }
  apply_targets (self, partners, kpis);

  /* a redo commits again: the first commit's arrays go */
  g_clear_pointer (&self->committed_partners, g_ptr_array_unref);
  g_clear_pointer (&self->committed_kpis, g_ptr_array_unref);
  self->committed_partners = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->partners->len; i++)
    g_ptr_array_add (self->committed_partners, g_object_ref (partners[i]));
  self->committed_kpis = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->kpis->len; i++)
    g_ptr_array_add (self->committed_kpis, g_object_ref (kpis[i]));

  /* Next month's export imports with the same recipe */
  if (self->recipe != NULL)
    {
      self->undo->replaced_recipe = sc_workbook_add_recipe (book, self->recipe);
      self->undo->added_recipe = sc_recipe_ref (self->recipe);
    }

  /* As scored then: periods this import completed keep today's score */
  sc_score_history_record_complete (book, self->undo->scored_then);

  return TRUE;
}

/* The KPIs the commit added, or NULL before a commit */
GPtrArray *
sc_import_stage_added_kpis (ScImport *self)
{
  return self->undo ? self->undo->added_kpis : NULL;
}

/* Undo */

static void
restore_series (ScWorkbook  *book,
                SavedSeries *saved)
{
  ScSeries *series;
  guint offset;

  if (saved->values == NULL)
    {
      sc_workbook_remove_series (book, saved->partner, saved->kpi);
      return;
    }

  series = sc_workbook_ensure_series (book, saved->partner, saved->kpi);
  offset = saved->first - sc_workbook_get_first_period (book);
  memcpy (series->values + offset, saved->values, saved->n * sizeof (double));
  g_clear_pointer (&series->numerator, g_free);
  g_clear_pointer (&series->denominator, g_free);
  sc_series_clear_formula (series);
  if (saved->formula != NULL)
    {
      sc_series_set_formula (series, saved->formula, sc_workbook_get_n_periods (book));
      for (guint k = 0; k < saved->n_parts; k++)
        memcpy (series->parts[k] + offset, saved->parts[k], saved->n * sizeof (double));
    }
  if (saved->numerator != NULL)
    {
      memcpy (ensure_array (&series->numerator, sc_workbook_get_n_periods (book)) + offset,
              saved->numerator, saved->n * sizeof (double));
      memcpy (ensure_array (&series->denominator, sc_workbook_get_n_periods (book)) + offset,
              saved->denominator, saved->n * sizeof (double));
    }
  sc_workbook_series_changed (book, series);
}

void
sc_import_stage_undo (ScImport   *self,
                      ScWorkbook *book)
{
  ImportUndo *undo = self->undo;

  for (guint i = 0; i < undo->scored_then->len; i++)
    {
      ScScoredThen *r = g_ptr_array_index (undo->scored_then, i);
      sc_score_history_remove (book, r->partner_id, r->period);
    }

  if (undo->added_recipe != NULL)
    {
      sc_workbook_remove_recipe (book, undo->added_recipe);
      if (undo->replaced_recipe != NULL)
        {
          g_autoptr(ScRecipe) none = sc_workbook_add_recipe (book, undo->replaced_recipe);
        }
    }

  for (guint i = undo->saved_overrides->len; i > 0; i--)
    {
      SavedOverride *o = g_ptr_array_index (undo->saved_overrides, i - 1);

      sc_partner_set_override (o->partner, o->kpi_id, o->target, o->weight);
    }

  /* Latest first, so that a series the import wrote twice ends as it began */
  for (guint i = undo->saved_series->len; i > 0; i--)
    restore_series (book, g_ptr_array_index (undo->saved_series, i - 1));

  for (guint i = 0; i < undo->added_partners->len; i++)
    sc_workbook_remove_partner (book, g_ptr_array_index (undo->added_partners, i));
  for (guint i = 0; i < undo->added_kpis->len; i++)
    sc_workbook_remove_kpi (book, g_ptr_array_index (undo->added_kpis, i));

  if (sc_workbook_get_n_series (book) == 0)
    sc_workbook_set_granularity (book, undo->old_granularity);
}
