/* sc-workbook-load-groups.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the "scorecard_groups" of a .scorecard file (docs/file-format.md,
 * "Scorecard groups"): the scorecard of each group of partners.
 */

#define G_LOG_DOMAIN "sc-workbook-load"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sc-scorecard-group.h"
#include "sc-workbook-load-private.h"

#define fail sc_loader_fail

/* A member that is absent, null or a string; a wrong type fails. */
static gboolean
member_string (ScLoader    *loader,
               JsonObject  *object,
               const char  *member,
               const char  *path,
               const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected a string"));
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
member_number (ScLoader   *loader,
               JsonObject *object,
               const char *member,
               const char *path,
               double     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  *out = NAN;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  if (!isfinite (*out))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected a number"));
  return TRUE;
}

static gboolean
check_kpi (ScLoader   *loader,
           const char *id,
           const char *path)
{
  if (sc_workbook_lookup_kpi (loader->book, id) == NULL)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("no KPI “%s” in the workbook"), id);
  return TRUE;
}

static gboolean
load_match (ScLoader         *loader,
            JsonObject       *object,
            const char       *path,
            ScScorecardGroup *group)
{
  JsonNode *node = json_object_get_member (object, "match");
  g_autofree char *type_path = g_strdup_printf ("%s.match.type", path);
  JsonObject *match;
  JsonArray *tags;
  const char *type_str;
  ScPartnerType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("match: expected an object"));
  match = json_node_get_object (node);

  if (!member_string (loader, match, "type", type_path, &type_str))
    return FALSE;
  if (type_str != NULL && !sc_partner_type_from_string (type_str, &type))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, type_path,
                 _("expected “supplier” or “customer”, found “%s”"), type_str);
  sc_scorecard_group_set_partner_type (group, type_str == NULL, type_str ? type : 0);

  node = json_object_get_member (match, "tags");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("match.tags: expected an array"));
  tags = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      g_autofree char *tag_path = g_strdup_printf ("%s.match.tags[%u]", path, i);
      JsonNode *element = json_array_get_element (tags, i);
      const char *key, *value;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, tag_path, _("expected an object"));
      if (!member_string (loader, json_node_get_object (element), "key", tag_path, &key) ||
          !member_string (loader, json_node_get_object (element), "value", tag_path, &value))
        return FALSE;
      if (key == NULL || *key == '\0' || value == NULL)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, tag_path, _("needs a “key” and a “value”"));
      sc_scorecard_group_add_tag (group, key, value);
    }

  return TRUE;
}

static gboolean
load_kpi_set (ScLoader         *loader,
              JsonObject       *object,
              const char       *path,
              ScScorecardGroup *group)
{
  JsonNode *node = json_object_get_member (object, "kpis");
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;   /* every KPI */
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("kpis: expected an array"));

  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *kpi_path = g_strdup_printf ("%s.kpis[%u]", path, i);
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, kpi_path, _("expected a string"));
      if (!check_kpi (loader, json_node_get_string (element), kpi_path))
        return FALSE;
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  ids = g_strv_builder_end (builder);
  sc_scorecard_group_set_kpis (group, (const char * const *) ids);

  return TRUE;
}

static gboolean
load_overrides (ScLoader         *loader,
                JsonObject       *object,
                const char       *path,
                ScScorecardGroup *group)
{
  JsonNode *node = json_object_get_member (object, "overrides");
  g_autoptr(GList) members = NULL;
  JsonObject *overrides;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("overrides: expected an object"));

  overrides = json_node_get_object (node);
  members = json_object_get_members (overrides);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *kpi_path = g_strdup_printf ("%s.overrides.%s", path, (char *) l->data);
      JsonNode *element = json_object_get_member (overrides, l->data);
      JsonObject *o;
      ScGroupKpi kpi;

      if (!check_kpi (loader, l->data, kpi_path))
        return FALSE;
      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, kpi_path, _("expected an object"));
      o = json_node_get_object (element);
      if (!member_number (loader, o, "target", kpi_path, &kpi.target) ||
          !member_number (loader, o, "warning", kpi_path, &kpi.warning) ||
          !member_number (loader, o, "critical", kpi_path, &kpi.critical) ||
          !member_number (loader, o, "weight", kpi_path, &kpi.weight))
        return FALSE;
      if (kpi.weight < 0)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, kpi_path, _("a weight must not be negative"));
      sc_scorecard_group_set_kpi (group, l->data, &kpi);
    }

  return TRUE;
}

static ScScorecardGroup *
load_group (ScLoader   *loader,
            JsonObject *object,
            const char *path,
            GPtrArray  *groups)
{
  g_autofree char *id_path = g_strdup_printf ("%s.id", path);
  g_autoptr(ScScorecardGroup) group = NULL;
  const char *id, *name;

  if (!member_string (loader, object, "id", id_path, &id) ||
      !member_string (loader, object, "name", path, &name))
    return NULL;
  if (id == NULL || *id == '\0')
    {
      fail (loader, SC_WORKBOOK_ERROR_INVALID, id_path, _("is missing"));
      return NULL;
    }
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (sc_scorecard_group_get_id (g_ptr_array_index (groups, i)), id) == 0)
      {
        fail (loader, SC_WORKBOOK_ERROR_INVALID, id_path, _("a second group “%s”"), id);
        return NULL;
      }

  group = sc_scorecard_group_new (id, name);
  if (!load_match (loader, object, path, group) ||
      !load_kpi_set (loader, object, path, group) ||
      !load_overrides (loader, object, path, group))
    return NULL;

  return g_steal_pointer (&group);
}

/* Reads the optional "scorecard_groups" array; the KPIs must be loaded. */
gboolean
sc_scorecard_groups_load (ScLoader   *loader,
                          JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "scorecard_groups");
  g_autoptr(GPtrArray) groups = NULL;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, "scorecard_groups", _("expected an array"));

  array = json_node_get_array (node);
  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_scorecard_group_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("scorecard_groups[%u]", i);
      JsonNode *element = json_array_get_element (array, i);
      ScScorecardGroup *group;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected an object"));
      group = load_group (loader, json_node_get_object (element), path, groups);
      if (group == NULL)
        return FALSE;
      g_ptr_array_add (groups, group);
    }
  sc_workbook_set_scorecard_groups (loader->book, (ScScorecardGroup **) groups->pdata, groups->len);

  return TRUE;
}
