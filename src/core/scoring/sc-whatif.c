/* sc-whatif.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What if: KPI weights, targets and thresholds, grade bands or the period
 * weighting changed in a sandbox (sc-scoring-rules.c), every partner's
 * score, grade and rank before and after, and applying the sandbox to the
 * workbook as one undoable edit. Used by the "What If…" window and
 * `scorecards whatif`.
 */

#define G_LOG_DOMAIN "sc-whatif"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-score.h"
#include "sc-scorer.h"
#include "sc-whatif.h"

struct _ScWhatif
{
  GObject         parent_instance;

  ScWorkbook     *book;
  ScScoringRules *rules;
  ScScorer       *before;
  ScScorer       *after;
};

G_DEFINE_FINAL_TYPE (ScWhatif, sc_whatif, G_TYPE_OBJECT)

G_DEFINE_QUARK (sc-whatif-error-quark, sc_whatif_error)

/* The fields of a KPI a what-if may change: the ones scoring reads. */
static const char * const kpi_fields[] = { "weight", "target", "target_max", "warning", "critical" };

static void
sc_whatif_dispose (GObject *object)
{
  ScWhatif *self = (ScWhatif *)object;

  g_clear_object (&self->before);
  g_clear_object (&self->after);
  g_clear_pointer (&self->rules, sc_scoring_rules_unref);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (sc_whatif_parent_class)->dispose (object);
}

static void
sc_whatif_class_init (ScWhatifClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_whatif_dispose;
}

static void
sc_whatif_init (ScWhatif *self)
{
}

/* Copies the fields scoring reads, and only those: a name edited while
 * the what-if was open is kept.
 */
static void
assign_scoring_fields (ScKpi *kpi,
                       ScKpi *from)
{
  g_object_freeze_notify (G_OBJECT (kpi));
  sc_kpi_set_target (kpi, sc_kpi_get_target (from));
  sc_kpi_set_target_max (kpi, sc_kpi_get_target_max (from));
  sc_kpi_set_warning (kpi, sc_kpi_get_warning (from));
  sc_kpi_set_critical (kpi, sc_kpi_get_critical (from));
  sc_kpi_set_weight (kpi, sc_kpi_get_weight (from));
  g_object_thaw_notify (G_OBJECT (kpi));
}

static void
rules_changed (ScWhatif *self)
{
  sc_scorer_rules_changed (self->after);
}

/* Public API */

ScWhatif *
sc_whatif_new (ScWorkbook *book)
{
  ScWhatif *self;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  self = g_object_new (SC_TYPE_WHATIF, NULL);
  self->book = g_object_ref (book);
  self->rules = sc_scoring_rules_new (book);
  self->before = sc_scorer_new (book);
  self->after = sc_scorer_new_with_rules (book, self->rules);

  return self;
}

ScWorkbook *
sc_whatif_get_workbook (ScWhatif *self)
{
  g_return_val_if_fail (SC_IS_WHATIF (self), NULL);
  return self->book;
}

ScScoringRules *
sc_whatif_get_rules (ScWhatif *self)
{
  g_return_val_if_fail (SC_IS_WHATIF (self), NULL);
  return self->rules;
}

/**
 * sc_whatif_set_kpi_field:
 * @self: a what-if
 * @kpi: a KPI of the workbook
 * @field: "weight", "target", "target_max", "warning" or "critical"
 * @value: the value to try; NaN unsets a target or threshold
 * @error: %SC_WHATIF_ERROR_UNKNOWN_FIELD or %SC_WHATIF_ERROR_INVALID_VALUE
 */
gboolean
sc_whatif_set_kpi_field (ScWhatif    *self,
                         ScKpi       *kpi,
                         const char  *field,
                         double       value,
                         GError     **error)
{
  ScKpi *copy;

  g_return_val_if_fail (SC_IS_WHATIF (self), FALSE);
  g_return_val_if_fail (SC_IS_KPI (kpi), FALSE);

  if (!g_strv_contains ((const char * const *) kpi_fields, field))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) kpi_fields);

      g_set_error (error, SC_WHATIF_ERROR, SC_WHATIF_ERROR_UNKNOWN_FIELD,
                   _("“%s” is not a KPI setting a what-if can change (%s)"), field, known);
      return FALSE;
    }
  if (isinf (value) || (g_str_equal (field, "weight") && !(value >= 0)))
    {
      g_set_error (error, SC_WHATIF_ERROR, SC_WHATIF_ERROR_INVALID_VALUE,
                   _("%s.%s must be a number of 0 or more"), sc_kpi_get_id (kpi), field);
      return FALSE;
    }

  copy = sc_scoring_rules_edit_kpi (self->rules, kpi);
  if (g_str_equal (field, "weight"))
    sc_kpi_set_weight (copy, value);
  else if (g_str_equal (field, "target"))
    sc_kpi_set_target (copy, value);
  else if (g_str_equal (field, "target_max"))
    sc_kpi_set_target_max (copy, value);
  else if (g_str_equal (field, "warning"))
    sc_kpi_set_warning (copy, value);
  else
    sc_kpi_set_critical (copy, value);
  rules_changed (self);

  return TRUE;
}

void
sc_whatif_set_grade_bands (ScWhatif          *self,
                           const ScGradeBand *bands,
                           guint              n_bands)
{
  g_return_if_fail (SC_IS_WHATIF (self));

  sc_scoring_rules_set_grade_bands (self->rules, bands, n_bands);
  rules_changed (self);
}

void
sc_whatif_set_period_weighting (ScWhatif                *self,
                                const ScPeriodWeighting *weighting)
{
  g_return_if_fail (SC_IS_WHATIF (self));
  g_return_if_fail (sc_period_weighting_validate (weighting, NULL));

  sc_scoring_rules_set_period_weighting (self->rules, weighting);
  rules_changed (self);
}

static void
clear_band (gpointer data)
{
  ScGradeBand *band = data;

  g_clear_pointer (&band->grade, g_free);
  g_clear_pointer (&band->action, g_free);
  g_clear_pointer (&band->colour, g_free);
  g_clear_pointer (&band->symbol, g_free);
}

/* "A:90,B:75,C:60,D:0" → grade bands */
gboolean
sc_grade_bands_parse (const char  *str,
                      GArray     **bands,
                      GError     **error)
{
  g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (ScGradeBand));
  g_auto(GStrv) items = g_strsplit (str, ",", -1);

  g_array_set_clear_func (array, clear_band);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *colon = strrchr (items[i], ':');
      g_autofree char *grade = colon ? g_strstrip (g_strndup (items[i], colon - items[i])) : NULL;
      ScGradeBand band = { NULL };
      char *end;

      band.min_score = colon ? g_ascii_strtod (colon + 1, &end) : NAN;
      if (grade == NULL || *grade == '\0' || colon[1] == '\0' || *end != '\0' ||
          !(band.min_score >= 0 && band.min_score <= 100))
        {
          g_set_error (error, SC_WHATIF_ERROR, SC_WHATIF_ERROR_INVALID_VALUE,
                       _("“%s” is not a list of grade bands: expected GRADE:MIN,… "
                         "with minimums from 0 to 100, e.g. A:90,B:75,C:60,D:0"), str);
          return FALSE;
        }
      band.grade = g_steal_pointer (&grade);
      g_array_append_val (array, band);
    }

  *bands = g_steal_pointer (&array);
  return TRUE;
}

static gboolean
set_kpi_assignment (ScWhatif    *self,
                    const char  *name,
                    const char  *value,
                    GError     **error)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *kpi_id = dot ? g_strndup (name, dot - name) : NULL;
  ScKpi *kpi;
  double number;
  char *end;

  if (dot == NULL)
    {
      g_set_error (error, SC_WHATIF_ERROR, SC_WHATIF_ERROR_UNKNOWN_FIELD,
                   _("“%s” is not KPI.FIELD, bands or weighting"), name);
      return FALSE;
    }
  if ((kpi = sc_workbook_lookup_kpi (self->book, kpi_id)) == NULL)
    {
      g_set_error (error, SC_WHATIF_ERROR, SC_WHATIF_ERROR_UNKNOWN_KPI,
                   _("the workbook has no KPI “%s”"), kpi_id);
      return FALSE;
    }
  if (g_ascii_strcasecmp (value, "none") == 0 && !g_str_equal (dot + 1, "weight"))
    number = NAN;
  else
    {
      number = g_ascii_strtod (value, &end);
      if (*value == '\0' || *end != '\0' || isnan (number))
        {
          g_set_error (error, SC_WHATIF_ERROR, SC_WHATIF_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not a number"), name, value);
          return FALSE;
        }
    }

  return sc_whatif_set_kpi_field (self, kpi, dot + 1, number, error);
}

/**
 * sc_whatif_set:
 * @self: a what-if
 * @assignment: KPI.FIELD=VALUE (weight, target, target_max, warning,
 *   critical; "none" unsets a target or threshold), bands=A:90,B:75,… or
 *   weighting=latest|equal:N|linear:N|exponential:N:HALF-LIFE
 * @error: a #ScWhatifError
 *
 * Tries one change in the sandbox, as `scorecards whatif --set` does.
 */
gboolean
sc_whatif_set (ScWhatif    *self,
               const char  *assignment,
               GError     **error)
{
  const char *eq;
  g_autofree char *name = NULL;
  const char *value;

  g_return_val_if_fail (SC_IS_WHATIF (self), FALSE);
  g_return_val_if_fail (assignment != NULL, FALSE);

  if ((eq = strchr (assignment, '=')) == NULL || eq == assignment)
    {
      g_set_error (error, SC_WHATIF_ERROR, SC_WHATIF_ERROR_SYNTAX,
                   _("“%s” is not NAME=VALUE"), assignment);
      return FALSE;
    }
  name = g_strndup (assignment, eq - assignment);
  value = eq + 1;

  if (g_str_equal (name, "bands"))
    {
      g_autoptr(GArray) bands = NULL;

      if (!sc_grade_bands_parse (value, &bands, error))
        return FALSE;
      sc_whatif_set_grade_bands (self, (ScGradeBand *) bands->data, bands->len);
      return TRUE;
    }
  if (g_str_equal (name, "weighting"))
    {
      ScPeriodWeighting w;
      g_autoptr(GError) local_error = NULL;

      if (!sc_period_weighting_parse (value, &w, &local_error))
        {
          g_set_error_literal (error, SC_WHATIF_ERROR, SC_WHATIF_ERROR_INVALID_VALUE,
                               local_error->message);
          return FALSE;
        }
      sc_whatif_set_period_weighting (self, &w);
      return TRUE;
    }

  return set_kpi_assignment (self, name, value, error);
}

gboolean
sc_whatif_has_changes (ScWhatif *self)
{
  g_return_val_if_fail (SC_IS_WHATIF (self), FALSE);
  return !sc_scoring_rules_is_empty (self->rules);
}

/**
 * sc_whatif_compute:
 * @self: a what-if
 * @rollup: the view to score
 *
 * Scores every partner with the workbook's settings and with the
 * sandbox's.
 *
 * Returns: (transfer full): #ScWhatifRow, one a partner in the workbook's
 *   order; the strings are the workbook's and the sandbox's
 */
GArray *
sc_whatif_compute (ScWhatif       *self,
                   const ScRollup *rollup)
{
  GListModel *partners;
  g_autofree double *before = NULL;
  g_autofree double *after = NULL;
  g_autofree guint *rank_before = NULL;
  g_autofree guint *rank_after = NULL;
  GArray *rows;
  guint n;

  g_return_val_if_fail (SC_IS_WHATIF (self), NULL);
  g_return_val_if_fail (rollup != NULL, NULL);

  partners = sc_workbook_get_partners (self->book);
  n = g_list_model_get_n_items (partners);
  before = g_new (double, MAX (n, 1));
  after = g_new (double, MAX (n, 1));
  rank_before = g_new (guint, MAX (n, 1));
  rank_after = g_new (guint, MAX (n, 1));
  sc_scorer_rank_all (self->before, rollup, before, rank_before);
  sc_scorer_rank_all (self->after, rollup, after, rank_after);

  rows = g_array_sized_new (FALSE, TRUE, sizeof (ScWhatifRow), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      ScWhatifRow row = {
        partner, before[i], after[i],
        sc_scorer_grade_for_score (self->before, before[i]),
        sc_scorer_grade_for_score (self->after, after[i]),
        rank_before[i], rank_after[i],
      };

      row.changed = g_strcmp0 (row.grade_before, row.grade_after) != 0 ||
                    row.rank_before != row.rank_after;
      g_array_append_val (rows, row);
    }

  return rows;
}

/* Apply and undo */

typedef struct
{
  ScWorkbook        *book;
  GPtrArray         *kpis;           /* ScKpi of the workbook */
  GPtrArray         *kpis_before;    /* copies: the fields before */
  GPtrArray         *kpis_after;
  GArray            *bands_before;   /* ScGradeBand; NULL: unchanged */
  GArray            *bands_after;
  ScPeriodWeighting  weighting_before;
  ScPeriodWeighting  weighting_after;
} WhatifEdit;

static void
whatif_edit_free (gpointer data)
{
  WhatifEdit *edit = data;

  g_clear_object (&edit->book);
  g_clear_pointer (&edit->kpis, g_ptr_array_unref);
  g_clear_pointer (&edit->kpis_before, g_ptr_array_unref);
  g_clear_pointer (&edit->kpis_after, g_ptr_array_unref);
  g_clear_pointer (&edit->bands_before, g_array_unref);
  g_clear_pointer (&edit->bands_after, g_array_unref);
  g_free (edit);
}

static GArray *
copy_bands (guint               n,
            const ScGradeBand *(*get) (gpointer, guint),
            gpointer            owner)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (ScGradeBand));

  g_array_set_clear_func (array, clear_band);
  for (guint i = 0; i < n; i++)
    {
      const ScGradeBand *band = get (owner, i);
      ScGradeBand copy = { g_strdup (band->grade), band->min_score, g_strdup (band->action),
                           g_strdup (band->colour), g_strdup (band->symbol) };

      g_array_append_val (array, copy);
    }
  return array;
}

static void
whatif_edit_set (WhatifEdit *edit,
                 gboolean    after)
{
  GPtrArray *values = after ? edit->kpis_after : edit->kpis_before;
  GArray *bands = after ? edit->bands_after : edit->bands_before;

  for (guint i = 0; i < edit->kpis->len; i++)
    assign_scoring_fields (g_ptr_array_index (edit->kpis, i), g_ptr_array_index (values, i));
  if (bands != NULL)
    sc_workbook_set_grade_bands (edit->book, (ScGradeBand *) bands->data, bands->len);
  sc_workbook_set_period_weighting (edit->book, after ? &edit->weighting_after : &edit->weighting_before);
}

static void
whatif_edit_undo (gpointer data)
{
  whatif_edit_set (data, FALSE);
}

static void
whatif_edit_redo (gpointer data)
{
  whatif_edit_set (data, TRUE);
}

static WhatifEdit *
whatif_edit_new (ScWhatif *self)
{
  WhatifEdit *edit = g_new0 (WhatifEdit, 1);

  edit->book = g_object_ref (self->book);
  edit->kpis = sc_scoring_rules_dup_edited_kpis (self->rules);
  edit->kpis_before = g_ptr_array_new_with_free_func (g_object_unref);
  edit->kpis_after = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < edit->kpis->len; i++)
    {
      ScKpi *kpi = g_ptr_array_index (edit->kpis, i);

      g_ptr_array_add (edit->kpis_before, sc_kpi_copy (kpi));
      g_ptr_array_add (edit->kpis_after, sc_kpi_copy (sc_scoring_rules_get_kpi (self->rules, kpi)));
    }
  if (sc_scoring_rules_has_grade_bands (self->rules))
    {
      edit->bands_before = copy_bands (sc_workbook_get_n_grade_bands (self->book),
                                       (gpointer) sc_workbook_get_grade_band, self->book);
      edit->bands_after = copy_bands (sc_scoring_rules_get_n_grade_bands (self->rules),
                                      (gpointer) sc_scoring_rules_get_grade_band, self->rules);
    }
  edit->weighting_before = *sc_workbook_get_period_weighting (self->book);
  edit->weighting_after = *sc_scoring_rules_get_period_weighting (self->rules);

  return edit;
}

/**
 * sc_whatif_apply:
 * @self: a what-if
 * @undo_stack: (nullable): where the edit goes, as one step
 *
 * Makes the sandbox's settings the workbook's, and empties the sandbox.
 */
void
sc_whatif_apply (ScWhatif    *self,
                 ScUndoStack *undo_stack)
{
  WhatifEdit *edit;

  g_return_if_fail (SC_IS_WHATIF (self));

  if (!sc_whatif_has_changes (self))
    return;

  edit = whatif_edit_new (self);
  whatif_edit_redo (edit);
  sc_whatif_discard (self);
  if (undo_stack != NULL)
    sc_undo_stack_push (undo_stack, _("Apply What-If"), whatif_edit_undo, whatif_edit_redo,
                        edit, whatif_edit_free);
  else
    whatif_edit_free (edit);
}

/* Forgets the sandbox's changes; the workbook was never touched. */
void
sc_whatif_discard (ScWhatif *self)
{
  g_return_if_fail (SC_IS_WHATIF (self));

  sc_scoring_rules_clear (self->rules);
  rules_changed (self);
}
