/* sc-partner.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A partner: a supplier or a customer whose KPIs the workbook tracks, with
 * free tags and per-KPI overrides of target and weight.
 */

#define G_LOG_DOMAIN "sc-partner"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "sc-enum-types.h"
#include "sc-language.h"
#include "sc-partner.h"
#include "sc-util-private.h"

typedef struct
{
  double target;
  double weight;
} Override;

struct _ScPartner
{
  GObject        parent_instance;

  char          *id;
  char          *name;
  char          *contact;
  char          *report_language;  /* a language code ("fr"), "": the application's */
  GHashTable    *tags;       /* char* → char* */
  GHashTable    *overrides;  /* kpi id → Override* */
  ScPartnerType  type;
};

G_DEFINE_FINAL_TYPE (ScPartner, sc_partner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PARTNER_TYPE,
  PROP_CONTACT,
  PROP_REPORT_LANGUAGE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
sc_partner_finalize (GObject *object)
{
  ScPartner *self = (ScPartner *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->report_language, g_free);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_pointer (&self->overrides, g_hash_table_unref);

  G_OBJECT_CLASS (sc_partner_parent_class)->finalize (object);
}

static void
sc_partner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ScPartner *self = SC_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PARTNER_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case PROP_REPORT_LANGUAGE:
      g_value_set_string (value, self->report_language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_partner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ScPartner *self = SC_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      sc_partner_set_name (self, g_value_get_string (value));
      break;
    case PROP_PARTNER_TYPE:
      sc_partner_set_partner_type (self, g_value_get_enum (value));
      break;
    case PROP_CONTACT:
      sc_partner_set_contact (self, g_value_get_string (value));
      break;
    case PROP_REPORT_LANGUAGE:
      sc_partner_set_report_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_partner_class_init (ScPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_partner_finalize;
  object_class->get_property = sc_partner_get_property;
  object_class->set_property = sc_partner_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_TYPE] =
    g_param_spec_enum ("partner-type", NULL, NULL, SC_TYPE_PARTNER_TYPE, SC_PARTNER_SUPPLIER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the language of the partner's reports, "" for the application's */
  properties[PROP_REPORT_LANGUAGE] =
    g_param_spec_string ("report-language", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScPartner::changed:
   *
   * Emitted when tags or overrides change (properties notify on their own).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sc_partner_init (ScPartner *self)
{
  self->name = g_strdup ("");
  self->contact = g_strdup ("");
  self->report_language = g_strdup ("");
  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API */

ScPartner *
sc_partner_new (const char    *id,
                const char    *name,
                ScPartnerType  type)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (SC_TYPE_PARTNER,
                       "id", id,
                       "name", name ? name : id,
                       "partner-type", type,
                       NULL);
}

const char *
sc_partner_get_id (ScPartner *self)
{
  g_return_val_if_fail (SC_IS_PARTNER (self), NULL);
  return self->id;
}

const char *
sc_partner_get_name (ScPartner *self)
{
  g_return_val_if_fail (SC_IS_PARTNER (self), NULL);
  return self->name;
}

void
sc_partner_set_name (ScPartner  *self,
                     const char *name)
{
  g_return_if_fail (SC_IS_PARTNER (self));

  if (sc_set_str (&self->name, name ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

ScPartnerType
sc_partner_get_partner_type (ScPartner *self)
{
  g_return_val_if_fail (SC_IS_PARTNER (self), SC_PARTNER_SUPPLIER);
  return self->type;
}

void
sc_partner_set_partner_type (ScPartner     *self,
                             ScPartnerType  type)
{
  g_return_if_fail (SC_IS_PARTNER (self));

  if (self->type == type)
    return;
  self->type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_TYPE]);
}

const char *
sc_partner_get_contact (ScPartner *self)
{
  g_return_val_if_fail (SC_IS_PARTNER (self), NULL);
  return self->contact;
}

void
sc_partner_set_contact (ScPartner  *self,
                        const char *contact)
{
  g_return_if_fail (SC_IS_PARTNER (self));

  if (sc_set_str (&self->contact, contact ? contact : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

/* The language code of the partner's reports ("fr"), "" when they are in
 * the application's language.
 */
const char *
sc_partner_get_report_language (ScPartner *self)
{
  g_return_val_if_fail (SC_IS_PARTNER (self), NULL);
  return self->report_language;
}

void
sc_partner_set_report_language (ScPartner  *self,
                                const char *code)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (SC_IS_PARTNER (self));

  normal = sc_language_normalize_code (code ? code : "");
  if (sc_set_str (&self->report_language, normal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_LANGUAGE]);
}

const char *
sc_partner_get_tag (ScPartner  *self,
                    const char *key)
{
  g_return_val_if_fail (SC_IS_PARTNER (self), NULL);
  return g_hash_table_lookup (self->tags, key);
}

/* Sets a tag; a %NULL or empty @value removes it. */
void
sc_partner_set_tag (ScPartner  *self,
                    const char *key,
                    const char *value)
{
  g_return_if_fail (SC_IS_PARTNER (self));
  g_return_if_fail (key != NULL);

  if (value == NULL || *value == '\0')
    {
      if (!g_hash_table_remove (self->tags, key))
        return;
    }
  else
    {
      if (g_strcmp0 (g_hash_table_lookup (self->tags, key), value) == 0)
        return;
      g_hash_table_insert (self->tags, g_strdup (key), g_strdup (value));
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char **
dup_sorted_keys (GHashTable *table)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (table, NULL);
  char **ret = g_strdupv ((char **) keys);

  qsort (ret, g_strv_length (ret), sizeof (char *), compare_strings);
  return ret;
}

/* Returns the tag keys, sorted. */
char **
sc_partner_dup_tag_keys (ScPartner *self)
{
  g_return_val_if_fail (SC_IS_PARTNER (self), NULL);
  return dup_sorted_keys (self->tags);
}

/* Looks up the override of @kpi_id; unset parts come back as NaN. */
gboolean
sc_partner_get_override (ScPartner  *self,
                         const char *kpi_id,
                         double     *target,
                         double     *weight)
{
  Override *o;

  g_return_val_if_fail (SC_IS_PARTNER (self), FALSE);

  o = g_hash_table_lookup (self->overrides, kpi_id);
  if (target)
    *target = o ? o->target : NAN;
  if (weight)
    *weight = o ? o->weight : NAN;

  return o != NULL;
}

/* Sets the override of @kpi_id; NaN leaves a part unset, both NaN removes it. */
void
sc_partner_set_override (ScPartner  *self,
                         const char *kpi_id,
                         double      target,
                         double      weight)
{
  Override *o;

  g_return_if_fail (SC_IS_PARTNER (self));
  g_return_if_fail (kpi_id != NULL);

  if (isnan (target) && isnan (weight))
    {
      if (!g_hash_table_remove (self->overrides, kpi_id))
        return;
    }
  else
    {
      o = g_new (Override, 1);
      o->target = target;
      o->weight = isnan (weight) ? NAN : MAX (weight, 0);
      g_hash_table_insert (self->overrides, g_strdup (kpi_id), o);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns the ids of the KPIs with an override, sorted. */
char **
sc_partner_dup_override_kpis (ScPartner *self)
{
  g_return_val_if_fail (SC_IS_PARTNER (self), NULL);
  return dup_sorted_keys (self->overrides);
}

const char *
sc_partner_type_to_string (ScPartnerType type)
{
  return type == SC_PARTNER_CUSTOMER ? "customer" : "supplier";
}

gboolean
sc_partner_type_from_string (const char    *str,
                             ScPartnerType *type)
{
  if (g_strcmp0 (str, "supplier") == 0)
    *type = SC_PARTNER_SUPPLIER;
  else if (g_strcmp0 (str, "customer") == 0)
    *type = SC_PARTNER_CUSTOMER;
  else
    return FALSE;
  return TRUE;
}

const char *
sc_partner_type_get_label (ScPartnerType type)
{
  return type == SC_PARTNER_CUSTOMER ? _("Customer") : _("Supplier");
}
