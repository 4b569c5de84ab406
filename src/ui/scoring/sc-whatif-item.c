/* sc-whatif-item.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One partner of the What If table: its row before and after, the text of
 * each cell, and read-only properties the column sorters compare (no
 * score sorts below every score, unranked below every rank).
 */

#define G_LOG_DOMAIN "sc-whatif-item"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-whatif-item.h"

struct _ScWhatifItem
{
  GObject      parent_instance;

  ScWhatifRow  row;
  char        *name;
  char        *grade_before;   /* the row's strings may go with the sandbox */
  char        *grade_after;
};

G_DEFINE_FINAL_TYPE (ScWhatifItem, sc_whatif_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SCORE_BEFORE,
  PROP_SCORE_AFTER,
  PROP_CHANGE,
  PROP_GRADE_BEFORE,
  PROP_GRADE_AFTER,
  PROP_RANK_BEFORE,
  PROP_RANK_AFTER,
  PROP_MOVED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *column_properties[] = {
  "name", "score-before", "score-after", "change", "grade-before", "grade-after",
  "rank-before", "rank-after", "moved",
};

static double
score_key (double score)
{
  return isnan (score) ? -1000 : score;
}

/* Ranks count within a partner type: suppliers' ranks, then customers' */
static guint
rank_key (const ScWhatifRow *row,
          guint              rank)
{
  guint type = sc_partner_get_partner_type (row->partner);

  return type * (G_MAXUINT / 2) + (rank ? rank : G_MAXUINT / 2 - 1);
}

static void
sc_whatif_item_finalize (GObject *object)
{
  ScWhatifItem *self = (ScWhatifItem *)object;

  g_free (self->name);
  g_free (self->grade_before);
  g_free (self->grade_after);
  g_clear_object (&self->row.partner);

  G_OBJECT_CLASS (sc_whatif_item_parent_class)->finalize (object);
}

static void
sc_whatif_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScWhatifItem *self = SC_WHATIF_ITEM (object);
  const ScWhatifRow *r = &self->row;

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SCORE_BEFORE: g_value_set_double (value, score_key (r->score_before)); break;
    case PROP_SCORE_AFTER: g_value_set_double (value, score_key (r->score_after)); break;
    case PROP_CHANGE: g_value_set_double (value, score_key (r->score_after - r->score_before)); break;
    case PROP_GRADE_BEFORE: g_value_set_string (value, self->grade_before ? self->grade_before : "~"); break;
    case PROP_GRADE_AFTER: g_value_set_string (value, self->grade_after ? self->grade_after : "~"); break;
    case PROP_RANK_BEFORE: g_value_set_uint (value, rank_key (r, r->rank_before)); break;
    case PROP_RANK_AFTER: g_value_set_uint (value, rank_key (r, r->rank_after)); break;
    case PROP_MOVED: g_value_set_boolean (value, r->changed); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_whatif_item_class_init (ScWhatifItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sc_whatif_item_finalize;
  object_class->get_property = sc_whatif_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SCORE_BEFORE] = g_param_spec_double ("score-before", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_SCORE_AFTER] = g_param_spec_double ("score-after", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_CHANGE] = g_param_spec_double ("change", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_GRADE_BEFORE] = g_param_spec_string ("grade-before", NULL, NULL, NULL, flags);
  properties[PROP_GRADE_AFTER] = g_param_spec_string ("grade-after", NULL, NULL, NULL, flags);
  properties[PROP_RANK_BEFORE] = g_param_spec_uint ("rank-before", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_RANK_AFTER] = g_param_spec_uint ("rank-after", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MOVED] = g_param_spec_boolean ("moved", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_whatif_item_init (ScWhatifItem *self)
{
}

ScWhatifItem *
sc_whatif_item_new (const ScWhatifRow *row)
{
  ScWhatifItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (SC_TYPE_WHATIF_ITEM, NULL);
  self->row = *row;
  g_object_ref (self->row.partner);
  self->name = g_strdup (sc_partner_get_name (row->partner));
  self->grade_before = g_strdup (row->grade_before);
  self->grade_after = g_strdup (row->grade_after);
  self->row.grade_before = self->grade_before;
  self->row.grade_after = self->grade_after;

  return self;
}

const ScWhatifRow *
sc_whatif_item_get_row (ScWhatifItem *self)
{
  g_return_val_if_fail (SC_IS_WHATIF_ITEM (self), NULL);
  return &self->row;
}

/* The property a column sorts by */
const char *
sc_whatif_column_get_property (ScWhatifColumn column)
{
  g_return_val_if_fail (column < SC_WHATIF_N_COLUMNS, NULL);
  return column_properties[column];
}

static char *
format_score (double score)
{
  return isnan (score) ? g_strdup ("—") : g_strdup_printf ("%.1f", score);
}

/* The text of a cell; numbers follow the locale. */
char *
sc_whatif_item_dup_text (ScWhatifItem   *self,
                         ScWhatifColumn  column)
{
  const ScWhatifRow *r;
  double change;

  g_return_val_if_fail (SC_IS_WHATIF_ITEM (self), NULL);

  r = &self->row;
  change = r->score_after - r->score_before;
  switch (column)
    {
    case SC_WHATIF_COLUMN_PARTNER: return g_strdup (self->name);
    case SC_WHATIF_COLUMN_SCORE_BEFORE: return format_score (r->score_before);
    case SC_WHATIF_COLUMN_SCORE_AFTER: return format_score (r->score_after);
    case SC_WHATIF_COLUMN_CHANGE:
      if (isnan (change))
        return g_strdup ("—");
      if (fabs (change) < 0.05)
        return g_strdup ("±0.0");
      return g_strdup_printf ("%s%.1f", change > 0 ? "+" : "−", fabs (change));
    case SC_WHATIF_COLUMN_GRADE_BEFORE: return g_strdup (r->grade_before ? r->grade_before : "—");
    case SC_WHATIF_COLUMN_GRADE_AFTER: return g_strdup (r->grade_after ? r->grade_after : "—");
    case SC_WHATIF_COLUMN_RANK_BEFORE: return r->rank_before ? g_strdup_printf ("%u", r->rank_before) : g_strdup ("—");
    case SC_WHATIF_COLUMN_RANK_AFTER: return r->rank_after ? g_strdup_printf ("%u", r->rank_after) : g_strdup ("—");
    case SC_WHATIF_COLUMN_MOVED:
      if (!r->changed)
        return g_strdup ("");
      if (g_strcmp0 (r->grade_before, r->grade_after) != 0)
        return g_strdup (_("● Grade"));
      return g_strdup (r->rank_after && r->rank_after < r->rank_before ? _("▲ Rank") : _("▼ Rank"));
    case SC_WHATIF_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}
