/* sc-scorecard-group.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scorecard for a group of partners (carriers, castings suppliers, key
 * accounts): which partners it applies to (a partner type and/or tags),
 * which KPIs count, and the weights, targets and thresholds it changes.
 * Which group a partner is on (the precedence between groups) is at the
 * end, and in docs/scoring.md.
 */

#define G_LOG_DOMAIN "sc-scorecard-group"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-scorecard-group.h"
#include "sc-util-private.h"
#include "sc-workbook.h"

typedef struct
{
  char *key;
  char *value;
} Tag;

struct _ScScorecardGroup
{
  gatomicrefcount  ref_count;
  char            *id;
  char            *name;
  ScPartnerType    type;
  gboolean         any_type;
  GArray          *tags;      /* Tag */
  GStrv            kpis;      /* NULL: every KPI of the workbook */
  GHashTable      *overrides; /* KPI id → ScGroupKpi* */
};

G_DEFINE_BOXED_TYPE (ScScorecardGroup, sc_scorecard_group,
                     sc_scorecard_group_ref, sc_scorecard_group_unref)

static void
clear_tag (gpointer data)
{
  Tag *tag = data;

  g_clear_pointer (&tag->key, g_free);
  g_clear_pointer (&tag->value, g_free);
}

void
sc_group_kpi_init (ScGroupKpi *kpi)
{
  kpi->target = NAN;
  kpi->warning = NAN;
  kpi->critical = NAN;
  kpi->weight = NAN;
}

ScScorecardGroup *
sc_scorecard_group_new (const char *id,
                        const char *name)
{
  ScScorecardGroup *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self = g_new0 (ScScorecardGroup, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (id);
  self->name = g_strdup (name ? name : id);
  self->any_type = TRUE;
  self->tags = g_array_new (FALSE, TRUE, sizeof (Tag));
  g_array_set_clear_func (self->tags, clear_tag);
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return self;
}

ScScorecardGroup *
sc_scorecard_group_copy (const ScScorecardGroup *self)
{
  ScScorecardGroup *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  copy = sc_scorecard_group_new (self->id, self->name);
  copy->type = self->type;
  copy->any_type = self->any_type;
  for (guint i = 0; i < self->tags->len; i++)
    {
      const Tag *tag = &g_array_index (self->tags, Tag, i);
      sc_scorecard_group_add_tag (copy, tag->key, tag->value);
    }
  copy->kpis = g_strdupv (self->kpis);
  g_hash_table_iter_init (&iter, self->overrides);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->overrides, g_strdup (key), g_memdup2 (value, sizeof (ScGroupKpi)));

  return copy;
}

ScScorecardGroup *
sc_scorecard_group_ref (ScScorecardGroup *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sc_scorecard_group_unref (ScScorecardGroup *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->name);
  g_array_unref (self->tags);
  g_strfreev (self->kpis);
  g_hash_table_unref (self->overrides);
  g_free (self);
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
same_overrides (GHashTable *a,
                GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const ScGroupKpi *x = value, *y = g_hash_table_lookup (b, key);

      if (y == NULL || !same_number (x->target, y->target) ||
          !same_number (x->warning, y->warning) || !same_number (x->critical, y->critical) ||
          !same_number (x->weight, y->weight))
        return FALSE;
    }

  return TRUE;
}

/* Whether two groups hold the same definition: for undo snapshots. */
gboolean
sc_scorecard_group_equal (const ScScorecardGroup *a,
                          const ScScorecardGroup *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->name, b->name) != 0 ||
      a->any_type != b->any_type || (!a->any_type && a->type != b->type) ||
      a->tags->len != b->tags->len || (a->kpis == NULL) != (b->kpis == NULL) ||
      (a->kpis != NULL && !g_strv_equal ((const char * const *) a->kpis,
                                         (const char * const *) b->kpis)))
    return FALSE;
  for (guint i = 0; i < a->tags->len; i++)
    {
      const Tag *x = &g_array_index (a->tags, Tag, i), *y = &g_array_index (b->tags, Tag, i);

      if (g_strcmp0 (x->key, y->key) != 0 || g_strcmp0 (x->value, y->value) != 0)
        return FALSE;
    }

  return same_overrides (a->overrides, b->overrides);
}

const char *
sc_scorecard_group_get_id (const ScScorecardGroup *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

const char *
sc_scorecard_group_get_name (const ScScorecardGroup *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

void
sc_scorecard_group_set_name (ScScorecardGroup *self,
                             const char       *name)
{
  g_return_if_fail (self != NULL);
  sc_set_str (&self->name, name ? name : self->id);
}

/* Matching */

/* Returns FALSE when the group applies to partners of any type. */
gboolean
sc_scorecard_group_get_partner_type (const ScScorecardGroup *self,
                                     ScPartnerType          *type)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (type != NULL)
    *type = self->type;
  return !self->any_type;
}

void
sc_scorecard_group_set_partner_type (ScScorecardGroup *self,
                                     gboolean          any,
                                     ScPartnerType     type)
{
  g_return_if_fail (self != NULL);

  self->any_type = !!any;
  self->type = any ? SC_PARTNER_SUPPLIER : type;
}

guint
sc_scorecard_group_get_n_tags (const ScScorecardGroup *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->tags->len;
}

void
sc_scorecard_group_get_tag (const ScScorecardGroup  *self,
                            guint                    position,
                            const char             **key,
                            const char             **value)
{
  const Tag *tag;

  g_return_if_fail (self != NULL);
  g_return_if_fail (position < self->tags->len);

  tag = &g_array_index (self->tags, Tag, position);
  if (key != NULL)
    *key = tag->key;
  if (value != NULL)
    *value = tag->value;
}

void
sc_scorecard_group_add_tag (ScScorecardGroup *self,
                            const char       *key,
                            const char       *value)
{
  Tag tag;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL && value != NULL);

  tag.key = g_strdup (key);
  tag.value = g_strdup (value);
  g_array_append_val (self->tags, tag);
}

void
sc_scorecard_group_clear_tags (ScScorecardGroup *self)
{
  g_return_if_fail (self != NULL);
  g_array_set_size (self->tags, 0);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  if (strcmp (a, b) == 0)
    return TRUE;
  /* Most tags are ASCII: no allocation to compare them */
  if (g_str_is_ascii (a) && g_str_is_ascii (b))
    return g_ascii_strcasecmp (a, b) == 0;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return strcmp (fa, fb) == 0;
}

/* A group with a type applies to partners of that type only; with tags, to
 * partners holding at least one of them (key and value, case ignored); with
 * neither, to no partner. The answer says how strongly it applies.
 */
ScGroupMatch
sc_scorecard_group_match (const ScScorecardGroup *self,
                          ScPartner              *partner)
{
  g_return_val_if_fail (self != NULL, SC_GROUP_MATCH_NONE);
  g_return_val_if_fail (SC_IS_PARTNER (partner), SC_GROUP_MATCH_NONE);

  if (!self->any_type && sc_partner_get_partner_type (partner) != self->type)
    return SC_GROUP_MATCH_NONE;
  if (self->tags->len == 0)
    return self->any_type ? SC_GROUP_MATCH_NONE : SC_GROUP_MATCH_TYPE;

  for (guint i = 0; i < self->tags->len; i++)
    {
      const Tag *tag = &g_array_index (self->tags, Tag, i);

      if (same_text (sc_partner_get_tag (partner, tag->key), tag->value))
        return SC_GROUP_MATCH_TAG;
    }

  return SC_GROUP_MATCH_NONE;
}

/* The KPI set */

/* Whether the group names the KPIs that count; without a set, every KPI
 * of the workbook counts.
 */
gboolean
sc_scorecard_group_has_kpi_set (const ScScorecardGroup *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->kpis != NULL;
}

const char * const *
sc_scorecard_group_get_kpis (const ScScorecardGroup *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->kpis;
}

/* @kpi_ids: the KPIs that count, or %NULL for every KPI. */
void
sc_scorecard_group_set_kpis (ScScorecardGroup   *self,
                             const char * const *kpi_ids)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->kpis);
  self->kpis = g_strdupv ((char **) kpi_ids);
}

gboolean
sc_scorecard_group_includes_kpi (const ScScorecardGroup *self,
                                 const char             *kpi_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->kpis == NULL || g_strv_contains ((const char * const *) self->kpis, kpi_id);
}

/* Fills @kpi with what the group changes of @kpi_id (NaN for what it
 * leaves); returns FALSE when it changes nothing.
 */
gboolean
sc_scorecard_group_get_kpi (const ScScorecardGroup *self,
                            const char             *kpi_id,
                            ScGroupKpi             *kpi)
{
  const ScGroupKpi *found;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kpi != NULL, FALSE);

  found = kpi_id ? g_hash_table_lookup (self->overrides, kpi_id) : NULL;
  if (found == NULL)
    {
      sc_group_kpi_init (kpi);
      return FALSE;
    }

  *kpi = *found;
  return TRUE;
}

/* @kpi: %NULL, or all NaN, to remove the group's changes to @kpi_id. */
void
sc_scorecard_group_set_kpi (ScScorecardGroup *self,
                            const char       *kpi_id,
                            const ScGroupKpi *kpi)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kpi_id != NULL);

  if (kpi == NULL || (isnan (kpi->target) && isnan (kpi->warning) &&
                      isnan (kpi->critical) && isnan (kpi->weight)))
    {
      g_hash_table_remove (self->overrides, kpi_id);
      return;
    }
  g_hash_table_insert (self->overrides, g_strdup (kpi_id), g_memdup2 (kpi, sizeof *kpi));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The ids of the KPIs the group changes, sorted. */
char **
sc_scorecard_group_dup_kpi_overrides (const ScScorecardGroup *self)
{
  char **result;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  result = (char **) g_hash_table_get_keys_as_array (self->overrides, &n);
  for (guint i = 0; i < n; i++)
    result[i] = g_strdup (result[i]);
  g_qsort_with_data (result, n, sizeof (char *), compare_strings, NULL);

  return result;
}

/* The groups of a workbook */

ScScorecardGroup *
sc_workbook_lookup_scorecard_group (ScWorkbook *self,
                                    const char *id)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);

  for (guint i = 0; id != NULL && i < sc_workbook_get_n_scorecard_groups (self); i++)
    if (g_strcmp0 (sc_scorecard_group_get_id (sc_workbook_get_scorecard_group (self, i)), id) == 0)
      return sc_workbook_get_scorecard_group (self, i);

  return NULL;
}

/* The scorecard @partner is measured on: of the groups that apply to it, a
 * group matching one of its tags beats a group matching its type only, and
 * the first in the workbook's order wins among equals. %NULL: the
 * workbook's default scorecard.
 */
ScScorecardGroup *
sc_workbook_scorecard_group_for_partner (ScWorkbook *self,
                                         ScPartner  *partner)
{
  ScScorecardGroup *best = NULL;
  ScGroupMatch best_match = SC_GROUP_MATCH_NONE;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);

  for (guint i = 0; i < sc_workbook_get_n_scorecard_groups (self) && best_match != SC_GROUP_MATCH_TAG; i++)
    {
      ScScorecardGroup *group = sc_workbook_get_scorecard_group (self, i);
      ScGroupMatch match = sc_scorecard_group_match (group, partner);

      if (match > best_match)
        {
          best = group;
          best_match = match;
        }
    }

  return best;
}
