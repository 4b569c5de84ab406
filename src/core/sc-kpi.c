/* sc-kpi.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KPI definition: what is measured, in which unit, which direction is
 * better, and the target and thresholds it is scored against. The target
 * and thresholds may be unset (NaN): a new KPI has none until the user
 * sets them.
 */

#define G_LOG_DOMAIN "sc-kpi"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-enum-types.h"
#include "sc-i18n.h"
#include "sc-kpi.h"
#include "sc-util-private.h"

struct _ScKpi
{
  GObject        parent_instance;

  char          *id;
  char          *name;
  char          *description;
  char          *unit;
  char          *category;
  ScDirection    direction;
  ScAggregation  aggregation;
  double         target;
  double         target_max;
  double         warning;
  double         critical;
  double         weight;
  double         ratio_scale;
  guint          decimals;
  GHashTable    *names;        /* language code → the user's name in it; NULL: none */
};

G_DEFINE_FINAL_TYPE (ScKpi, sc_kpi, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_UNIT,
  PROP_CATEGORY,
  PROP_DIRECTION,
  PROP_TARGET,
  PROP_TARGET_MAX,
  PROP_WARNING,
  PROP_CRITICAL,
  PROP_WEIGHT,
  PROP_AGGREGATION,
  PROP_RATIO_SCALE,
  PROP_DECIMALS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_string (ScKpi       *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (sc_set_str (field, value ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_double (ScKpi  *self,
            double *field,
            double  value,
            guint   prop_id)
{
  /* NaN is a legal "unset" value (target_max); compare bitwise-ish */
  if (*field == value || (isnan (*field) && isnan (value)))
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
sc_kpi_finalize (GObject *object)
{
  ScKpi *self = (ScKpi *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->category, g_free);

  G_OBJECT_CLASS (sc_kpi_parent_class)->finalize (object);
}

static void
sc_kpi_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  ScKpi *self = SC_KPI (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_DIRECTION: g_value_set_enum (value, self->direction); break;
    case PROP_TARGET: g_value_set_double (value, self->target); break;
    case PROP_TARGET_MAX: g_value_set_double (value, self->target_max); break;
    case PROP_WARNING: g_value_set_double (value, self->warning); break;
    case PROP_CRITICAL: g_value_set_double (value, self->critical); break;
    case PROP_WEIGHT: g_value_set_double (value, self->weight); break;
    case PROP_AGGREGATION: g_value_set_enum (value, self->aggregation); break;
    case PROP_RATIO_SCALE: g_value_set_double (value, self->ratio_scale); break;
    case PROP_DECIMALS: g_value_set_uint (value, self->decimals); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kpi_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  ScKpi *self = SC_KPI (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_dup_string (value); break;
    case PROP_NAME: sc_kpi_set_name (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: sc_kpi_set_description (self, g_value_get_string (value)); break;
    case PROP_UNIT: sc_kpi_set_unit (self, g_value_get_string (value)); break;
    case PROP_CATEGORY: sc_kpi_set_category (self, g_value_get_string (value)); break;
    case PROP_DIRECTION: sc_kpi_set_direction (self, g_value_get_enum (value)); break;
    case PROP_TARGET: sc_kpi_set_target (self, g_value_get_double (value)); break;
    case PROP_TARGET_MAX: sc_kpi_set_target_max (self, g_value_get_double (value)); break;
    case PROP_WARNING: sc_kpi_set_warning (self, g_value_get_double (value)); break;
    case PROP_CRITICAL: sc_kpi_set_critical (self, g_value_get_double (value)); break;
    case PROP_WEIGHT: sc_kpi_set_weight (self, g_value_get_double (value)); break;
    case PROP_AGGREGATION: sc_kpi_set_aggregation (self, g_value_get_enum (value)); break;
    case PROP_RATIO_SCALE: sc_kpi_set_ratio_scale (self, g_value_get_double (value)); break;
    case PROP_DECIMALS: sc_kpi_set_decimals (self, g_value_get_uint (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
double_pspec (const char *name,
              double      minimum,
              double      default_value)
{
  return g_param_spec_double (name, NULL, NULL, minimum, G_MAXDOUBLE, default_value,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
sc_kpi_class_init (ScKpiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_kpi_finalize;
  object_class->get_property = sc_kpi_get_property;
  object_class->set_property = sc_kpi_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = string_pspec ("name");
  properties[PROP_DESCRIPTION] = string_pspec ("description");
  properties[PROP_UNIT] = string_pspec ("unit");
  properties[PROP_CATEGORY] = string_pspec ("category");
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, SC_TYPE_DIRECTION, SC_DIRECTION_HIGHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] = double_pspec ("target", -G_MAXDOUBLE, 0);
  properties[PROP_TARGET_MAX] = double_pspec ("target-max", -G_MAXDOUBLE, 0);
  properties[PROP_WARNING] = double_pspec ("warning", -G_MAXDOUBLE, 0);
  properties[PROP_CRITICAL] = double_pspec ("critical", -G_MAXDOUBLE, 0);
  properties[PROP_WEIGHT] = double_pspec ("weight", 0, 1);
  properties[PROP_AGGREGATION] =
    g_param_spec_enum ("aggregation", NULL, NULL, SC_TYPE_AGGREGATION, SC_AGGREGATION_MEAN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATIO_SCALE] = double_pspec ("ratio-scale", -G_MAXDOUBLE, 1);
  properties[PROP_DECIMALS] =
    g_param_spec_uint ("decimals", NULL, NULL, 0, 6, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_kpi_init (ScKpi *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  self->unit = g_strdup ("");
  self->category = g_strdup ("quality");
  /* Until the user gives them, a KPI has no target and no thresholds: it
   * shows "No target" and stays out of the score (docs/scoring.md) */
  self->target = NAN;
  self->target_max = NAN;
  self->warning = NAN;
  self->critical = NAN;
  self->weight = 1;
  self->ratio_scale = 1;
  self->decimals = 1;
}

/* Public API */

ScKpi *
sc_kpi_new (const char *id,
            const char *name)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (SC_TYPE_KPI, "id", id, "name", name ? name : id, NULL);
}

static void
copy_names (ScKpi *self,
            ScKpi *from)
{
  GHashTableIter iter;
  gpointer code, name;

  g_clear_pointer (&self->names, g_hash_table_unref);
  if (from->names == NULL || g_hash_table_size (from->names) == 0)
    return;
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, from->names);
  while (g_hash_table_iter_next (&iter, &code, &name))
    g_hash_table_insert (self->names, g_strdup (code), g_strdup (name));
}

static gboolean
names_equal (ScKpi *a,
             ScKpi *b)
{
  GHashTableIter iter;
  gpointer code, name;
  guint n_a = a->names ? g_hash_table_size (a->names) : 0;
  guint n_b = b->names ? g_hash_table_size (b->names) : 0;

  if (n_a != n_b)
    return FALSE;
  if (n_a == 0)
    return TRUE;
  g_hash_table_iter_init (&iter, a->names);
  while (g_hash_table_iter_next (&iter, &code, &name))
    if (g_strcmp0 (name, g_hash_table_lookup (b->names, code)) != 0)
      return FALSE;
  return TRUE;
}

/* A detached copy, for editing a definition before it is applied. */
ScKpi *
sc_kpi_copy (ScKpi *self)
{
  ScKpi *copy;

  g_return_val_if_fail (SC_IS_KPI (self), NULL);

  copy = sc_kpi_new (self->id, self->name);
  sc_set_str (&copy->description, self->description);
  sc_set_str (&copy->unit, self->unit);
  sc_set_str (&copy->category, self->category);
  copy->direction = self->direction;
  copy->aggregation = self->aggregation;
  copy->target = self->target;
  copy->target_max = self->target_max;
  copy->warning = self->warning;
  copy->critical = self->critical;
  copy->weight = self->weight;
  copy->ratio_scale = self->ratio_scale;
  copy->decimals = self->decimals;
  copy_names (copy, self);

  return copy;
}

/* Takes every editable field of @from (not the id): how an edited copy is
 * applied, and how an edit is undone. Each changed field notifies.
 */
void
sc_kpi_assign (ScKpi *self,
               ScKpi *from)
{
  g_return_if_fail (SC_IS_KPI (self));
  g_return_if_fail (SC_IS_KPI (from));

  g_object_freeze_notify (G_OBJECT (self));
  sc_kpi_set_name (self, from->name);
  sc_kpi_set_description (self, from->description);
  sc_kpi_set_unit (self, from->unit);
  sc_kpi_set_category (self, from->category);
  sc_kpi_set_direction (self, from->direction);
  sc_kpi_set_aggregation (self, from->aggregation);
  sc_kpi_set_target (self, from->target);
  sc_kpi_set_target_max (self, from->target_max);
  sc_kpi_set_warning (self, from->warning);
  sc_kpi_set_critical (self, from->critical);
  sc_kpi_set_weight (self, from->weight);
  sc_kpi_set_ratio_scale (self, from->ratio_scale);
  sc_kpi_set_decimals (self, from->decimals);
  if (!names_equal (self, from))
    {
      copy_names (self, from);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

#define STRING_ACCESSORS(field, PROP)                                   \
  const char *                                                          \
  sc_kpi_get_##field (ScKpi *self)                                      \
  {                                                                     \
    g_return_val_if_fail (SC_IS_KPI (self), NULL);                      \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  sc_kpi_set_##field (ScKpi      *self,                                 \
                      const char *field)                                \
  {                                                                     \
    g_return_if_fail (SC_IS_KPI (self));                                \
    set_string (self, &self->field, field, PROP);                       \
  }

#define DOUBLE_ACCESSORS(field, PROP)                                   \
  double                                                                \
  sc_kpi_get_##field (ScKpi *self)                                      \
  {                                                                     \
    g_return_val_if_fail (SC_IS_KPI (self), 0);                         \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  sc_kpi_set_##field (ScKpi  *self,                                     \
                      double  field)                                    \
  {                                                                     \
    g_return_if_fail (SC_IS_KPI (self));                                \
    set_double (self, &self->field, field, PROP);                       \
  }

/* Whether the KPI has a target to be scored against */
gboolean
sc_kpi_has_target (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), FALSE);
  return !isnan (self->target);
}

const char *
sc_kpi_get_id (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);
  return self->id;
}

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (description, PROP_DESCRIPTION)
STRING_ACCESSORS (unit, PROP_UNIT)
STRING_ACCESSORS (category, PROP_CATEGORY)
DOUBLE_ACCESSORS (target, PROP_TARGET)
DOUBLE_ACCESSORS (target_max, PROP_TARGET_MAX)
DOUBLE_ACCESSORS (warning, PROP_WARNING)
DOUBLE_ACCESSORS (critical, PROP_CRITICAL)
DOUBLE_ACCESSORS (ratio_scale, PROP_RATIO_SCALE)

double
sc_kpi_get_weight (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 0);
  return self->weight;
}

void
sc_kpi_set_weight (ScKpi  *self,
                   double  weight)
{
  g_return_if_fail (SC_IS_KPI (self));
  set_double (self, &self->weight, MAX (weight, 0), PROP_WEIGHT);
}

ScDirection
sc_kpi_get_direction (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), SC_DIRECTION_HIGHER);
  return self->direction;
}

void
sc_kpi_set_direction (ScKpi       *self,
                      ScDirection  direction)
{
  g_return_if_fail (SC_IS_KPI (self));

  if (self->direction == direction)
    return;
  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

ScAggregation
sc_kpi_get_aggregation (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), SC_AGGREGATION_MEAN);
  return self->aggregation;
}

void
sc_kpi_set_aggregation (ScKpi         *self,
                        ScAggregation  aggregation)
{
  g_return_if_fail (SC_IS_KPI (self));

  if (self->aggregation == aggregation)
    return;
  self->aggregation = aggregation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGGREGATION]);
}

guint
sc_kpi_get_decimals (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 0);
  return self->decimals;
}

void
sc_kpi_set_decimals (ScKpi *self,
                     guint  decimals)
{
  g_return_if_fail (SC_IS_KPI (self));

  decimals = MIN (decimals, 6);
  if (self->decimals == decimals)
    return;
  self->decimals = decimals;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIMALS]);
}

/* Formats @value with the KPI's decimals in the user's locale, with digit
 * grouping, and the unit when asked ("93.1 %", "1,250 ppm", "€12,400").
 */
char *
sc_kpi_format_value (ScKpi    *self,
                     double    value,
                     gboolean  with_unit)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);

  if (isnan (value))
    return g_strdup ("—");

  if (!with_unit || self->unit[0] == '\0' || g_str_equal (self->unit, "count") ||
      g_str_equal (self->unit, "score"))
    return sc_language_format_number (NULL, value, (int) self->decimals);
  return sc_language_format_with_unit (NULL, value, (int) self->decimals, self->unit);
}

const char *
sc_direction_to_string (ScDirection direction)
{
  switch (direction)
    {
    case SC_DIRECTION_LOWER: return "lower";
    case SC_DIRECTION_BAND: return "band";
    case SC_DIRECTION_HIGHER:
    default: return "higher";
    }
}

gboolean
sc_direction_from_string (const char  *str,
                          ScDirection *direction)
{
  if (g_strcmp0 (str, "higher") == 0)
    *direction = SC_DIRECTION_HIGHER;
  else if (g_strcmp0 (str, "lower") == 0)
    *direction = SC_DIRECTION_LOWER;
  else if (g_strcmp0 (str, "band") == 0)
    *direction = SC_DIRECTION_BAND;
  else
    return FALSE;
  return TRUE;
}

const char *
sc_aggregation_to_string (ScAggregation aggregation)
{
  switch (aggregation)
    {
    case SC_AGGREGATION_SUM: return "sum";
    case SC_AGGREGATION_LAST: return "last";
    case SC_AGGREGATION_RATIO: return "ratio";
    case SC_AGGREGATION_MEAN:
    default: return "mean";
    }
}

gboolean
sc_aggregation_from_string (const char    *str,
                            ScAggregation *aggregation)
{
  if (g_strcmp0 (str, "mean") == 0)
    *aggregation = SC_AGGREGATION_MEAN;
  else if (g_strcmp0 (str, "sum") == 0)
    *aggregation = SC_AGGREGATION_SUM;
  else if (g_strcmp0 (str, "last") == 0)
    *aggregation = SC_AGGREGATION_LAST;
  else if (g_strcmp0 (str, "ratio") == 0)
    *aggregation = SC_AGGREGATION_RATIO;
  else
    return FALSE;
  return TRUE;
}

/* The translated label of a built-in category, or the user's own text. */
const char *
sc_category_get_label (const char *category)
{
  if (g_strcmp0 (category, "quality") == 0)
    return _("Quality");
  if (g_strcmp0 (category, "delivery") == 0)
    return _("Delivery");
  if (g_strcmp0 (category, "cost") == 0)
    return _("Cost");
  if (g_strcmp0 (category, "service") == 0)
    return _("Service");
  if (g_strcmp0 (category, "satisfaction") == 0)
    return _("Satisfaction");
  return category ? category : "";
}

/* Names per report language */

static int
sc_kpi_compare_strings (const void *a,
                        const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The KPI's name in @language (NULL: the one in use in this thread, see
 * sc_language_use()): the user's own name in that language when there is
 * one, else the name translated through the language's catalogue (which
 * knows the built-in catalogue's KPIs), else the name. Without a language
 * in use, the name.
 */
const char *
sc_kpi_get_name_in (ScKpi            *self,
                    const ScLanguage *language)
{
  const char *name;

  g_return_val_if_fail (SC_IS_KPI (self), NULL);

  if (language == NULL)
    language = sc_language_get_in_use ();
  if (language == NULL)
    return self->name;
  if ((name = sc_kpi_get_translated_name (self, sc_language_get_code (language))) != NULL)
    return name;
  return sc_language_gettext (language, self->name);
}

/* The user's name of the KPI in the language @code ("fr"), or NULL. */
const char *
sc_kpi_get_translated_name (ScKpi      *self,
                            const char *code)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);

  if (self->names == NULL || code == NULL)
    return NULL;
  return g_hash_table_lookup (self->names, code);
}

/* Sets the name in the language @code; NULL or "" removes it. */
void
sc_kpi_set_translated_name (ScKpi      *self,
                            const char *code,
                            const char *name)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (SC_IS_KPI (self));
  g_return_if_fail (code != NULL);

  normal = sc_language_normalize_code (code);
  if (g_strcmp0 (sc_kpi_get_translated_name (self, normal), name && name[0] ? name : NULL) == 0)
    return;
  if (name == NULL || name[0] == '\0')
    {
      if (self->names != NULL)
        g_hash_table_remove (self->names, normal);
    }
  else
    {
      if (self->names == NULL)
        self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->names, g_steal_pointer (&normal), g_strdup (name));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/* The codes of the languages the KPI has a name in, sorted. */
GStrv
sc_kpi_dup_translated_codes (ScKpi *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree gpointer *keys = NULL;
  guint n = 0;

  g_return_val_if_fail (SC_IS_KPI (self), NULL);

  if (self->names != NULL)
    keys = g_hash_table_get_keys_as_array (self->names, &n);
  if (keys != NULL)
    qsort (keys, n, sizeof (gpointer), sc_kpi_compare_strings);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, keys[i]);
  return g_strv_builder_end (builder);
}
