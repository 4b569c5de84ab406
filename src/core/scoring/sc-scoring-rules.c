/* sc-scoring-rules.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sandbox of scoring settings laid over a workbook: edited copies of KPI
 * definitions (weight, target, thresholds), grade bands and the period
 * weighting. A scorer made with sc_scorer_new_with_rules() scores with
 * them and the workbook's own settings for everything else, so a what-if
 * never touches the workbook until it is applied.
 */

#define G_LOG_DOMAIN "sc-scoring-rules"

#include "config.h"

#include <math.h>

#include "sc-scoring-rules.h"
#include "sc-standing.h"

struct _ScScoringRules
{
  gatomicrefcount    ref_count;
  ScWorkbook        *book;
  GHashTable        *kpis;          /* ScKpi* of the book → ScKpi* edited copy */
  GArray            *bands;         /* ScGradeBand, best first; NULL: the book's */
  ScPeriodWeighting  weighting;
  guint              has_weighting : 1;
};

G_DEFINE_BOXED_TYPE (ScScoringRules, sc_scoring_rules, sc_scoring_rules_ref, sc_scoring_rules_unref)

static void
clear_band (gpointer data)
{
  ScGradeBand *band = data;

  g_clear_pointer (&band->grade, g_free);
  g_clear_pointer (&band->action, g_free);
  g_clear_pointer (&band->colour, g_free);
  g_clear_pointer (&band->symbol, g_free);
}

ScScoringRules *
sc_scoring_rules_new (ScWorkbook *book)
{
  ScScoringRules *self;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  self = g_new0 (ScScoringRules, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->book = g_object_ref (book);
  self->kpis = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);

  return self;
}

ScScoringRules *
sc_scoring_rules_ref (ScScoringRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sc_scoring_rules_unref (ScScoringRules *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->kpis, g_hash_table_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_object (&self->book);
  g_free (self);
}

ScWorkbook *
sc_scoring_rules_get_workbook (ScScoringRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->book;
}

gboolean
sc_scoring_rules_is_empty (ScScoringRules *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return g_hash_table_size (self->kpis) == 0 && self->bands == NULL && !self->has_weighting;
}

/* Forgets every override. */
void
sc_scoring_rules_clear (ScScoringRules *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->kpis);
  g_clear_pointer (&self->bands, g_array_unref);
  self->has_weighting = FALSE;
}

/* The definition to score @kpi with: its edited copy, or @kpi itself. */
ScKpi *
sc_scoring_rules_get_kpi (ScScoringRules *self,
                          ScKpi          *kpi)
{
  ScKpi *copy;

  if (self == NULL)
    return kpi;
  copy = g_hash_table_lookup (self->kpis, kpi);
  return copy ? copy : kpi;
}

/* The edited copy of @kpi, made on first use: change its target,
 * thresholds or weight to try them out.
 */
ScKpi *
sc_scoring_rules_edit_kpi (ScScoringRules *self,
                           ScKpi          *kpi)
{
  ScKpi *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (SC_IS_KPI (kpi), NULL);

  if ((copy = g_hash_table_lookup (self->kpis, kpi)) != NULL)
    return copy;
  copy = sc_kpi_copy (kpi);
  g_hash_table_insert (self->kpis, g_object_ref (kpi), copy);
  return copy;
}

/* The KPIs of the workbook with an edited copy, in the workbook's order. */
GPtrArray *
sc_scoring_rules_dup_edited_kpis (ScScoringRules *self)
{
  GListModel *kpis;
  GPtrArray *list;

  g_return_val_if_fail (self != NULL, NULL);

  kpis = sc_workbook_get_kpis (self->book);
  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);

      if (g_hash_table_contains (self->kpis, kpi))
        g_ptr_array_add (list, g_steal_pointer (&kpi));
    }
  return list;
}

gboolean
sc_scoring_rules_has_grade_bands (ScScoringRules *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->bands != NULL;
}

guint
sc_scoring_rules_get_n_grade_bands (ScScoringRules *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bands ? self->bands->len : sc_workbook_get_n_grade_bands (self->book);
}

const ScGradeBand *
sc_scoring_rules_get_grade_band (ScScoringRules *self,
                                 guint           position)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->bands == NULL)
    return sc_workbook_get_grade_band (self->book, position);
  g_return_val_if_fail (position < self->bands->len, NULL);
  return &g_array_index (self->bands, ScGradeBand, position);
}

static int
compare_bands (gconstpointer a,
               gconstpointer b)
{
  const ScGradeBand *ba = a, *bb = b;

  return (ba->min_score < bb->min_score) - (ba->min_score > bb->min_score);
}

/* Tries other grade bands; sorted best first as the workbook keeps them. */
void
sc_scoring_rules_set_grade_bands (ScScoringRules    *self,
                                  const ScGradeBand *bands,
                                  guint              n_bands)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (bands != NULL && n_bands > 0);

  g_clear_pointer (&self->bands, g_array_unref);
  self->bands = g_array_new (FALSE, FALSE, sizeof (ScGradeBand));
  g_array_set_clear_func (self->bands, clear_band);
  for (guint i = 0; i < n_bands; i++)
    {
      ScGradeBand band = { g_strdup (bands[i].grade), bands[i].min_score,
                           g_strdup (bands[i].action), g_strdup (bands[i].colour),
                           g_strdup (bands[i].symbol) };

      g_array_append_val (self->bands, band);
    }
  g_array_sort (self->bands, compare_bands);
  /* Bands given as "A:90,B:75,…" take the standings' defaults */
  sc_standing_fill_defaults ((ScGradeBand *) (gpointer) self->bands->data, self->bands->len);
}

/* The same rule as sc_workbook_standing_for_score(), with the sandbox's
 * bands.
 */
const ScGradeBand *
sc_scoring_rules_standing_for_score (ScScoringRules *self,
                                     double          score)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->bands == NULL)
    return sc_workbook_standing_for_score (self->book, score);
  if (isnan (score) || self->bands->len == 0)
    return NULL;

  for (guint i = 0; i < self->bands->len; i++)
    {
      const ScGradeBand *band = &g_array_index (self->bands, ScGradeBand, i);

      if (score >= band->min_score)
        return band;
    }
  return &g_array_index (self->bands, ScGradeBand, self->bands->len - 1);
}

/* The same rule as sc_workbook_grade_for_score(), with the sandbox's bands. */
const char *
sc_scoring_rules_grade_for_score (ScScoringRules *self,
                                  double          score)
{
  const ScGradeBand *band;

  g_return_val_if_fail (self != NULL, NULL);

  band = sc_scoring_rules_standing_for_score (self, score);
  return band ? band->grade : NULL;
}

gboolean
sc_scoring_rules_has_period_weighting (ScScoringRules *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_weighting;
}

/* The sandbox's period weighting, or the workbook's. */
const ScPeriodWeighting *
sc_scoring_rules_get_period_weighting (ScScoringRules *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->has_weighting ? &self->weighting : sc_workbook_get_period_weighting (self->book);
}

void
sc_scoring_rules_set_period_weighting (ScScoringRules          *self,
                                       const ScPeriodWeighting *weighting)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (weighting != NULL);

  self->weighting = sc_period_weighting_is_latest (weighting) ? SC_PERIOD_WEIGHTING_LATEST : *weighting;
  self->has_weighting = TRUE;
}
