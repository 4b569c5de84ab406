/* sc-recipe.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recipes: reading and writing their JSON (docs/recipes.md). Every
 * message names the recipe and the member that is wrong, as
 * "r.json: kpis[2].formula: at character 17 of the formula: …".
 */

#define G_LOG_DOMAIN "sc-recipe"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-import-names.h"
#include "sc-json-depth.h"
#include "sc-kpi.h"
#include "sc-recipe.h"

G_DEFINE_QUARK (sc-recipe-error-quark, sc_recipe_error)

static void
recipe_kpi_free (gpointer data)
{
  ScRecipeKpi *k = data;

  g_free (k->id);
  g_free (k->formula);
  g_free (k->name);
  g_free (k->unit);
  g_free (k->category);
  g_free (k->direction);
  g_clear_pointer (&k->parsed, sc_formula_unref);
  g_free (k);
}

static void
recipe_lookup_free (gpointer data)
{
  ScRecipeLookup *l = data;

  g_free (l->column);
  g_free (l->sheet);
  g_free (l->file);
  g_free (l->key);
  g_free (l->value);
  g_free (l);
}

ScRecipe *
sc_recipe_new (void)
{
  ScRecipe *self = g_new0 (ScRecipe, 1);

  self->ref_count = 1;
  self->granularity = SC_GRANULARITY_MONTH;
  self->lookups = g_ptr_array_new_with_free_func (recipe_lookup_free);
  self->aliases = g_ptr_array_new_with_free_func (g_free);
  self->kpis = g_ptr_array_new_with_free_func (recipe_kpi_free);

  return self;
}

ScRecipe *
sc_recipe_ref (ScRecipe *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
sc_recipe_unref (ScRecipe *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;

  g_free (self->name);
  g_free (self->sheet);
  g_free (self->partner);
  g_free (self->partner_type);
  g_free (self->date);
  g_free (self->date_format);
  g_free (self->filter);
  g_clear_pointer (&self->filter_parsed, sc_formula_unref);
  g_ptr_array_unref (self->lookups);
  g_ptr_array_unref (self->aliases);
  g_ptr_array_unref (self->kpis);
  g_strfreev (self->columns);
  g_free (self->base_dir);
  g_free (self);
}

/* Reading */

typedef struct
{
  const char *name;
  GError    **error;
} Reader;

static gboolean
fail (Reader     *r,
      const char *path,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader     *r,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (r->error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_INVALID, "%s: %s: %s", r->name, path, message);
  return FALSE;
}

/* An optional string member: absent or null leaves *out NULL. */
static gboolean
get_string (Reader      *r,
            JsonObject  *object,
            const char  *path,
            const char  *member,
            char       **out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      g_free (*out);
      *out = g_strstrip (g_strdup (text));
      return TRUE;
    }

  member_path = *path ? g_strdup_printf ("%s.%s", path, member) : g_strdup (member);
  return fail (r, member_path, _("expected a string"));
}

static gboolean
get_number (Reader      *r,
            JsonObject  *object,
            const char  *path,
            const char  *member,
            double      *out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) &&
      (json_node_get_value_type (node) == G_TYPE_DOUBLE || json_node_get_value_type (node) == G_TYPE_INT64))
    {
      *out = json_node_get_double (node);
      return TRUE;
    }

  member_path = g_strdup_printf ("%s.%s", path, member);
  return fail (r, member_path, _("expected a number"));
}

static gboolean
require (Reader     *r,
         const char *path,
         const char *member,
         const char *value)
{
  g_autofree char *member_path = NULL;

  if (value != NULL && *value != '\0')
    return TRUE;

  member_path = *path ? g_strdup_printf ("%s.%s", path, member) : g_strdup (member);
  return fail (r, member_path, _("is missing; it names a column of the data"));
}

static gboolean
read_kpi (Reader     *r,
          ScRecipe   *self,
          JsonNode   *node,
          guint       index)
{
  g_autofree char *path = g_strdup_printf ("kpis[%u]", index);
  g_autofree char *formula_path = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  ScRecipeKpi *k;
  double decimals = -1;
  guint pos = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, path, _("expected an object with an “id” and a “formula”"));
  object = json_node_get_object (node);

  k = g_new0 (ScRecipeKpi, 1);
  k->target = k->warning = k->critical = k->weight = NAN;
  k->decimals = -1;
  g_ptr_array_add (self->kpis, k);

  if (!get_string (r, object, path, "id", &k->id) ||
      !get_string (r, object, path, "formula", &k->formula) ||
      !get_string (r, object, path, "name", &k->name) ||
      !get_string (r, object, path, "unit", &k->unit) ||
      !get_string (r, object, path, "category", &k->category) ||
      !get_string (r, object, path, "direction", &k->direction) ||
      !get_number (r, object, path, "target", &k->target) ||
      !get_number (r, object, path, "warning", &k->warning) ||
      !get_number (r, object, path, "critical", &k->critical) ||
      !get_number (r, object, path, "weight", &k->weight) ||
      !get_number (r, object, path, "decimals", &decimals))
    return FALSE;

  if (k->id == NULL || *k->id == '\0')
    {
      g_autofree char *p = g_strdup_printf ("%s.id", path);
      return fail (r, p, _("is missing: a KPI of the catalogue such as “on_time_delivery_pct”, or a new one"));
    }
  if (k->formula == NULL || *k->formula == '\0')
    {
      g_autofree char *p = g_strdup_printf ("%s.formula", path);
      return fail (r, p, _("is missing: for example “100 * share(delivered <= due)”"));
    }
  if (k->direction != NULL && g_strcmp0 (k->direction, "higher") != 0 &&
      g_strcmp0 (k->direction, "lower") != 0 && g_strcmp0 (k->direction, "band") != 0)
    {
      g_autofree char *p = g_strdup_printf ("%s.direction", path);
      return fail (r, p, _("expected “higher” or “lower”"));
    }
  if (decimals >= 0 && decimals <= 6)
    k->decimals = (int) decimals;
  for (guint i = 0; i < index; i++)
    if (g_strcmp0 (((ScRecipeKpi *) g_ptr_array_index (self->kpis, i))->id, k->id) == 0)
      {
        g_autofree char *p = g_strdup_printf ("%s.id", path);
        return fail (r, p, _("“%s” is computed twice"), k->id);
      }

  k->parsed = sc_formula_parse (k->formula, SC_FORMULA_KPI, &pos, &error);
  if (k->parsed == NULL)
    {
      formula_path = g_strdup_printf ("%s.formula", path);
      g_set_error (r->error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_FORMULA, "%s: %s (%s): %s",
                   r->name, formula_path, k->id, error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_lookup (Reader   *r,
             ScRecipe *self,
             JsonNode *node,
             guint     index)
{
  g_autofree char *path = g_strdup_printf ("lookups[%u]", index);
  ScRecipeLookup *l;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, path, _("expected an object with a “column” and a “sheet” or “file”"));
  object = json_node_get_object (node);

  l = g_new0 (ScRecipeLookup, 1);
  g_ptr_array_add (self->lookups, l);
  if (!get_string (r, object, path, "column", &l->column) ||
      !get_string (r, object, path, "sheet", &l->sheet) ||
      !get_string (r, object, path, "file", &l->file) ||
      !get_string (r, object, path, "key", &l->key) ||
      !get_string (r, object, path, "value", &l->value) ||
      !require (r, path, "column", l->column))
    return FALSE;
  if (l->sheet == NULL && l->file == NULL)
    return fail (r, path, _("needs a “sheet” of the same workbook or a “file”"));

  return TRUE;
}

static gboolean
read_aliases (Reader   *r,
              ScRecipe *self,
              JsonNode *node)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, "aliases", _("expected an object: {\"spelling\": \"partner name\", …}"));

  object = json_node_get_object (node);
  if (json_object_get_size (object) > SC_RECIPE_MAX_ALIASES)
    return fail (r, "aliases", _("more than %d aliases"), SC_RECIPE_MAX_ALIASES);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          g_autofree char *p = g_strdup_printf ("aliases.%s", (const char *) l->data);
          return fail (r, p, _("expected the partner’s name as a string"));
        }
      g_ptr_array_add (self->aliases, g_strdup (l->data));
      g_ptr_array_add (self->aliases, g_strdup (json_node_get_string (value)));
    }

  return TRUE;
}

static gboolean
read_array (Reader     *r,
            ScRecipe   *self,
            JsonObject *root,
            const char *member,
            guint       max,
            gboolean  (*read_one) (Reader *, ScRecipe *, JsonNode *, guint))
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, member, _("expected an array"));

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max)
    return fail (r, member, _("more than %u entries"), max);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_one (r, self, json_array_get_element (array, i), i))
      return FALSE;

  return TRUE;
}

static gboolean
read_columns (Reader     *r,
              ScRecipe   *self,
              JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "columns");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, "columns", _("expected an array of column names"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_autofree char *p = g_strdup_printf ("columns[%u]", i);
          return fail (r, p, _("expected a string"));
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  self->columns = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
read_granularity (Reader     *r,
                  ScRecipe   *self,
                  JsonObject *root)
{
  g_autofree char *text = NULL;

  if (!get_string (r, root, "", "granularity", &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "month") == 0 || g_ascii_strcasecmp (text, "monthly") == 0)
    self->granularity = SC_GRANULARITY_MONTH;
  else if (g_ascii_strcasecmp (text, "quarter") == 0 || g_ascii_strcasecmp (text, "quarterly") == 0)
    self->granularity = SC_GRANULARITY_QUARTER;
  else if (g_ascii_strcasecmp (text, "week") == 0 || g_ascii_strcasecmp (text, "weekly") == 0)
    self->granularity = SC_GRANULARITY_WEEK;
  else
    return fail (r, "granularity", _("“%s”: expected “month”, “quarter” or “week”"), text);

  return TRUE;
}

static gboolean
read_filter (Reader   *r,
             ScRecipe *self)
{
  g_autoptr(GError) error = NULL;
  guint pos = 0;

  if (self->filter == NULL || *self->filter == '\0')
    return TRUE;

  self->filter_parsed = sc_formula_parse (self->filter, SC_FORMULA_CONDITION, &pos, &error);
  if (self->filter_parsed == NULL)
    {
      g_set_error (r->error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_FORMULA, "%s: filter: %s", r->name, error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_recipe_new_from_json:
 * @node: the recipe's JSON object
 * @display_name: the recipe's name in messages
 *
 * Reads and checks a recipe: members of the right types, the formulas
 * parsed. Whether the columns exist is only known with the data.
 */
ScRecipe *
sc_recipe_new_from_json (JsonNode    *node,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(ScRecipe) self = sc_recipe_new ();
  Reader r = { display_name, error };
  JsonObject *root;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_INVALID,
                   _("%s: a recipe is a JSON object with “partner”, “date” and “kpis”"), display_name);
      return NULL;
    }
  root = json_node_get_object (node);

  if (!get_string (&r, root, "", "name", &self->name) ||
      !get_string (&r, root, "", "sheet", &self->sheet) ||
      !get_string (&r, root, "", "partner", &self->partner) ||
      !get_string (&r, root, "", "partner_type", &self->partner_type) ||
      !get_string (&r, root, "", "date", &self->date) ||
      !get_string (&r, root, "", "date_format", &self->date_format) ||
      !get_string (&r, root, "", "filter", &self->filter) ||
      !require (&r, "", "partner", self->partner) ||
      !require (&r, "", "date", self->date) ||
      !read_granularity (&r, self, root) ||
      !read_filter (&r, self) ||
      !read_array (&r, self, root, "lookups", SC_RECIPE_MAX_LOOKUPS, read_lookup) ||
      !read_aliases (&r, self, json_object_get_member (root, "aliases")) ||
      !read_array (&r, self, root, "kpis", SC_RECIPE_MAX_KPIS, read_kpi) ||
      !read_columns (&r, self, root))
    return NULL;

  if (self->kpis->len == 0)
    {
      fail (&r, "kpis", _("is missing or empty: a recipe computes at least one KPI"));
      return NULL;
    }
  if (self->partner_type == NULL)
    self->partner_type = g_strdup ("supplier");

  return g_steal_pointer (&self);
}

ScRecipe *
sc_recipe_new_from_data (const char  *data,
                         gsize        length,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (length > SC_RECIPE_MAX_SIZE)
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_INVALID,
                   _("%s: the recipe is larger than %d MB"), display_name, SC_RECIPE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!sc_json_check_depth (data, length, SC_RECIPE_MAX_DEPTH, display_name, &local_error))
    {
      g_set_error_literal (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_INVALID, local_error->message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_INVALID, "%s:%s", display_name, local_error->message);
      return NULL;
    }

  return sc_recipe_new_from_json (json_parser_get_root (parser), display_name, error);
}

ScRecipe *
sc_recipe_new_from_file (GFile   *file,
                         GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *data = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) local_error = NULL;
  ScRecipe *self;
  gsize length;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_INVALID, _("%s: cannot read the recipe: %s"),
                   name, local_error->message);
      return NULL;
    }

  self = sc_recipe_new_from_data (data, length, name, error);
  if (self != NULL && parent != NULL)
    self->base_dir = g_file_get_path (parent);

  return self;
}

/* Writing */

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_number (JsonBuilder *b,
            const char  *member,
            double       value)
{
  if (isnan (value))
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_double_value (b, value);
}

static void
add_kpi (JsonBuilder *b,
         ScRecipeKpi *k)
{
  json_builder_begin_object (b);
  add_string (b, "id", k->id);
  add_string (b, "formula", k->formula);
  add_string (b, "name", k->name);
  add_string (b, "unit", k->unit);
  add_string (b, "category", k->category);
  add_string (b, "direction", k->direction);
  add_number (b, "target", k->target);
  add_number (b, "warning", k->warning);
  add_number (b, "critical", k->critical);
  add_number (b, "weight", k->weight);
  if (k->decimals >= 0)
    {
      json_builder_set_member_name (b, "decimals");
      json_builder_add_int_value (b, k->decimals);
    }
  json_builder_end_object (b);
}

/* The recipe as JSON, members in the order docs/recipes.md lists them. */
JsonNode *
sc_recipe_to_json (ScRecipe *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  add_string (b, "name", self->name);
  add_string (b, "sheet", self->sheet);
  add_string (b, "partner", self->partner);
  add_string (b, "partner_type", self->partner_type);
  add_string (b, "date", self->date);
  add_string (b, "date_format", self->date_format);
  add_string (b, "granularity", sc_granularity_to_string (self->granularity));
  add_string (b, "filter", self->filter);
  if (self->lookups->len > 0)
    {
      json_builder_set_member_name (b, "lookups");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->lookups->len; i++)
        {
          ScRecipeLookup *l = g_ptr_array_index (self->lookups, i);

          json_builder_begin_object (b);
          add_string (b, "column", l->column);
          add_string (b, "sheet", l->sheet);
          add_string (b, "file", l->file);
          add_string (b, "key", l->key);
          add_string (b, "value", l->value);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  if (self->aliases->len > 0)
    {
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_object (b);
      for (guint i = 0; i + 1 < self->aliases->len; i += 2)
        add_string (b, g_ptr_array_index (self->aliases, i), g_ptr_array_index (self->aliases, i + 1));
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "kpis");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->kpis->len; i++)
    add_kpi (b, g_ptr_array_index (self->kpis, i));
  json_builder_end_array (b);
  if (self->columns != NULL)
    {
      json_builder_set_member_name (b, "columns");
      json_builder_begin_array (b);
      for (guint i = 0; self->columns[i] != NULL; i++)
        json_builder_add_string_value (b, self->columns[i]);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static char *
to_string (ScRecipe *self,
           gboolean  pretty)
{
  g_autoptr(JsonNode) node = sc_recipe_to_json (self);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}

/* For people: indented, a member a line */
char *
sc_recipe_to_string (ScRecipe *self)
{
  return to_string (self, TRUE);
}

/* For the workbook file */
char *
sc_recipe_to_compact_string (ScRecipe *self)
{
  return to_string (self, FALSE);
}

/* Columns */

void
sc_recipe_set_columns (ScRecipe    *self,
                       const char **columns,
                       guint        n_columns)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n_columns; i++)
    g_strv_builder_add (builder, columns[i]);
  g_strfreev (self->columns);
  self->columns = g_strv_builder_end (builder);
}

/* Whether a file with @columns is the kind the recipe was made for: every
 * column the recipe was made with is there (ignoring case and spaces
 * around), in any order; a file may add columns.
 */
gboolean
sc_recipe_fits_columns (ScRecipe    *self,
                        const char **columns,
                        guint        n_columns)
{
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (self->columns == NULL || self->columns[0] == NULL)
    return FALSE;

  for (guint i = 0; i < n_columns; i++)
    g_hash_table_add (have, sc_import_normalize_name (columns[i]));
  for (guint i = 0; self->columns[i] != NULL; i++)
    {
      g_autofree char *key = sc_import_normalize_name (self->columns[i]);

      if (!g_hash_table_contains (have, key))
        return FALSE;
    }

  return TRUE;
}

ScRecipeKpi *
sc_recipe_add_kpi (ScRecipe   *self,
                   const char *id,
                   const char *formula)
{
  ScRecipeKpi *k = g_new0 (ScRecipeKpi, 1);

  k->id = g_strdup (id);
  k->formula = g_strdup (formula);
  k->target = k->warning = k->critical = k->weight = NAN;
  k->decimals = -1;
  k->parsed = sc_formula_parse (formula, SC_FORMULA_KPI, NULL, NULL);
  g_ptr_array_add (self->kpis, k);

  return k;
}

/* A readable name from an id: "lead_time_days" → "Lead time days". */
static char *
name_from_id (const char *id)
{
  char *name = g_strdup (id);

  for (char *p = name; *p != '\0'; p++)
    if (*p == '_' || *p == '-')
      *p = ' ';
  if (g_ascii_islower (name[0]))
    name[0] = g_ascii_toupper (name[0]);
  return name;
}

/**
 * sc_recipe_kpi_apply:
 *
 * Gives a KPI the recipe invents (its id is neither in the catalogue nor
 * in the workbook) what the recipe says of it: name, unit, category,
 * direction, target, thresholds, weight, decimals. The rest stays as
 * guessed from its name (sc_kpi_guess_from_name()); without a target it
 * has none, shows "no target" and stays out of the score.
 */
void
sc_recipe_kpi_apply (ScRecipeKpi *k,
                     ScKpi       *kpi)
{
  ScDirection direction;

  if (k->name != NULL)
    sc_kpi_set_name (kpi, k->name);
  else if (g_strcmp0 (sc_kpi_get_name (kpi), k->id) == 0)
    {
      g_autofree char *name = name_from_id (k->id);
      sc_kpi_set_name (kpi, name);
    }
  if (k->unit != NULL)
    sc_kpi_set_unit (kpi, k->unit);
  if (k->category != NULL)
    sc_kpi_set_category (kpi, k->category);
  if (k->direction != NULL && sc_direction_from_string (k->direction, &direction))
    sc_kpi_set_direction (kpi, direction);
  if (!isnan (k->target))
    sc_kpi_set_target (kpi, k->target);
  if (!isnan (k->warning))
    sc_kpi_set_warning (kpi, k->warning);
  if (!isnan (k->critical))
    sc_kpi_set_critical (kpi, k->critical);
  if (!isnan (k->weight))
    sc_kpi_set_weight (kpi, k->weight);
  if (k->decimals >= 0)
    sc_kpi_set_decimals (kpi, k->decimals);
}
