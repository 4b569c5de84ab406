/* sc-import-json.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON into the import's staging area: the interchange format of
 * docs/import-formats.md (partners, KPIs, values) and whole workbooks,
 * which merge into the one they are imported into. Read with json-glib.
 */

#define G_LOG_DOMAIN "sc-import-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sc-import-private.h"
#include "sc-json-depth.h"
#include "sc-workbook-io.h"

#define INTERCHANGE_FORMAT  "scorecards-data"
#define INTERCHANGE_VERSION 1

typedef struct
{
  ScImport *import;
  guint     source;
  GError  **error;
} JsonImport;

G_GNUC_PRINTF (3, 4)
static gboolean
json_problem (JsonImport *ji,
              int         code,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return sc_import_problem (ji->import, ji->source, 0, 0, code, ji->error, "%s", message);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* A number member: NaN when absent or null; FALSE when not a number. */
static gboolean
member_number (JsonObject *object,
               const char *name,
               double     *value)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  *value = NAN;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_double (node);
  return TRUE;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static ScKpi *
kpi_from_json (JsonObject *object,
               const char *id)
{
  ScKpi *kpi = sc_kpi_new (id, member_string (object, "name"));
  ScDirection direction;
  ScAggregation aggregation;
  double number;

  if (member_string (object, "description"))
    sc_kpi_set_description (kpi, member_string (object, "description"));
  if (member_string (object, "unit"))
    sc_kpi_set_unit (kpi, member_string (object, "unit"));
  if (member_string (object, "category"))
    sc_kpi_set_category (kpi, member_string (object, "category"));
  if (sc_direction_from_string (member_string (object, "direction"), &direction))
    sc_kpi_set_direction (kpi, direction);
  if (sc_aggregation_from_string (member_string (object, "aggregation"), &aggregation))
    sc_kpi_set_aggregation (kpi, aggregation);
  if (member_number (object, "target", &number) && !isnan (number))
    sc_kpi_set_target (kpi, number);
  if (member_number (object, "target_max", &number) && !isnan (number))
    sc_kpi_set_target_max (kpi, number);
  if (member_number (object, "warning", &number) && !isnan (number))
    sc_kpi_set_warning (kpi, number);
  if (member_number (object, "critical", &number) && !isnan (number))
    sc_kpi_set_critical (kpi, number);
  if (member_number (object, "weight", &number) && !isnan (number))
    sc_kpi_set_weight (kpi, number);
  if (member_number (object, "ratio_scale", &number) && !isnan (number))
    sc_kpi_set_ratio_scale (kpi, number);
  if (member_number (object, "decimals", &number) && !isnan (number))
    sc_kpi_set_decimals (kpi, CLAMP ((int) number, 0, 6));

  return kpi;
}

static gboolean
read_kpis (JsonImport *ji,
           JsonArray  *kpis)
{
  for (guint i = 0; kpis && i < json_array_get_length (kpis); i++)
    {
      JsonNode *node = json_array_get_element (kpis, i);
      g_autoptr(ScKpi) kpi = NULL;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          (id = member_string (json_node_get_object (node), "id")) == NULL || *id == '\0')
        {
          if (!json_problem (ji, SC_IMPORT_ERROR_VALUE, _("kpis[%u]: expected an object with an “id”"), i))
            return FALSE;
          continue;
        }
      kpi = kpi_from_json (json_node_get_object (node), id);
      sc_import_stage_kpi (ji->import, id, kpi);
    }

  return TRUE;
}

static void
read_partner_details (StagePartner *p,
                      JsonObject   *object)
{
  JsonNode *tags = json_object_get_member (object, "tags");
  ScPartnerType type;

  if (sc_partner_type_from_string (member_string (object, "type"), &type))
    {
      p->type = type;
      p->type_known = TRUE;
    }

  g_clear_object (&p->template);
  p->template = sc_partner_new (p->id ? p->id : "x", p->name, p->type);
  if (member_string (object, "contact"))
    sc_partner_set_contact (p->template, member_string (object, "contact"));
  if (tags && JSON_NODE_HOLDS_OBJECT (tags))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (tags));
      while (json_object_iter_next (&iter, &key, &value))
        if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
          sc_partner_set_tag (p->template, key, json_node_get_string (value));
    }
}

static gboolean
read_partners (JsonImport *ji,
               JsonArray  *partners)
{
  for (guint i = 0; partners && i < json_array_get_length (partners); i++)
    {
      JsonNode *node = json_array_get_element (partners, i);
      const char *id, *name;
      guint32 index;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          ((id = member_string (json_node_get_object (node), "id")) == NULL &&
           member_string (json_node_get_object (node), "name") == NULL))
        {
          if (!json_problem (ji, SC_IMPORT_ERROR_VALUE,
                             _("partners[%u]: expected an object with an “id” or a “name”"), i))
            return FALSE;
          continue;
        }
      name = member_string (json_node_get_object (node), "name");
      index = sc_import_stage_partner (ji->import, name ? name : id, id);
      read_partner_details (g_ptr_array_index (ji->import->partners, index), json_node_get_object (node));
    }

  return TRUE;
}

/* A value's partner: an id from "partners", or a name. */
static guint32
value_partner (JsonImport *ji,
               const char *text)
{
  gpointer found = g_hash_table_lookup (ji->import->partners_by_id, text);

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  return sc_import_stage_partner (ji->import, text, NULL);
}

static gboolean
read_value (JsonImport *ji,
            JsonObject *object,
            guint       i)
{
  const char *partner = member_string (object, "partner");
  const char *kpi = member_string (object, "kpi");
  const char *period = member_string (object, "period");
  double value, target, numerator, denominator;
  StageValue v = { 0 };
  StagePeriod *p;

  if (partner == NULL || kpi == NULL || period == NULL)
    return json_problem (ji, SC_IMPORT_ERROR_VALUE,
                         _("values[%u]: expected the strings “partner”, “kpi” and “period”"), i);
  if (!member_number (object, "value", &value) || !member_number (object, "target", &target) ||
      !member_number (object, "numerator", &numerator) ||
      !member_number (object, "denominator", &denominator))
    return json_problem (ji, SC_IMPORT_ERROR_VALUE,
                         _("values[%u]: “value”, “target”, “numerator” and “denominator” must be "
                           "numbers or null"), i);

  v.partner = value_partner (ji, partner);
  v.kpi = sc_import_stage_kpi (ji->import, kpi, NULL);
  v.period = sc_import_stage_period (ji->import, period, ji->source, 0, 0);
  p = g_ptr_array_index (ji->import->periods, v.period);
  if (p->status == SC_LOOSE_PERIOD_UNREADABLE || p->status == SC_LOOSE_PERIOD_IMPOSSIBLE)
    return json_problem (ji, SC_IMPORT_ERROR_PERIOD, _("values[%u].period: “%s”: %s"),
                         i, period, sc_import_period_problem (p->status));

  if (!isnan (target))
    sc_import_stage_target (ji->import, v.partner, v.kpi, target);
  if (isnan (value) && isnan (numerator) && isnan (denominator))
    return TRUE;

  v.source = ji->source;
  v.value = value;
  sc_import_stage_value (ji->import, &v, numerator, denominator);
  return TRUE;
}

static gboolean
read_interchange (JsonImport *ji,
                  JsonObject *root)
{
  JsonNode *version = json_object_get_member (root, "version");
  JsonArray *values;

  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) > INTERCHANGE_VERSION)
    return json_problem (ji, SC_IMPORT_ERROR_SYNTAX,
                         _("“version” must be an integer up to %d"), INTERCHANGE_VERSION);

  if (!read_kpis (ji, member_array (root, "kpis")) ||
      !read_partners (ji, member_array (root, "partners")))
    return FALSE;

  values = member_array (root, "values");
  for (guint i = 0; values && i < json_array_get_length (values); i++)
    {
      JsonNode *node = json_array_get_element (values, i);

      ji->import->n_rows++;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          if (!json_problem (ji, SC_IMPORT_ERROR_VALUE, _("values[%u]: expected an object"), i))
            return FALSE;
          continue;
        }
      if (!read_value (ji, json_node_get_object (node), i))
        return FALSE;
    }

  return TRUE;
}

/* Workbooks */

static void
stage_workbook_series (JsonImport     *ji,
                       ScWorkbook     *book,
                       const ScSeries *series,
                       guint32         partner,
                       guint32         kpi)
{
  ScGranularity granularity = sc_workbook_get_granularity (book);
  ScPeriod first = sc_workbook_get_first_period (book);
  guint n = sc_workbook_get_n_periods (book);

  for (guint i = 0; i < n; i++)
    {
      double numerator = series->numerator ? series->numerator[i] : NAN;
      double denominator = series->denominator ? series->denominator[i] : NAN;
      g_autofree char *text = NULL;
      StageValue v = { 0 };

      if (isnan (series->values[i]) && isnan (numerator) && isnan (denominator))
        continue;

      text = sc_period_to_string (granularity, first + i);
      v.partner = partner;
      v.kpi = kpi;
      v.period = sc_import_stage_period (ji->import, text, ji->source, 0, 0);
      v.source = ji->source;
      v.value = series->values[i];
      sc_import_stage_value (ji->import, &v, numerator, denominator);
      ji->import->n_rows++;
    }
}

/* Stages every partner, KPI and value of another workbook. Issues are not
 * merged (see docs/import-formats.md).
 */
/* A message that begins with @prefix and maybe a line and a column
 * ("book.scorecard:12:18: …", json-glib's "<data>:12:18: …"): returns the
 * rest, the position in @line and @column (0 when absent).
 */
static const char *
split_position (const char *message,
                const char *prefix,
                guint64    *line,
                guint64    *column)
{
  char *end;

  *line = *column = 0;
  if (!g_str_has_prefix (message, prefix) || message[strlen (prefix)] != ':')
    return message;
  message += strlen (prefix) + 1;
  if (g_ascii_isdigit (*message))
    {
      *line = g_ascii_strtoull (message, &end, 10);
      if (*end == ':' && g_ascii_isdigit (end[1]))
        *column = g_ascii_strtoull (end + 1, &end, 10);
      message = *end == ':' ? end + 1 : end;
    }
  while (*message == ' ')
    message++;
  return message;
}

/* The loader's message names the file: the problem says it once, with the
 * position as its own.
 */
static gboolean
workbook_problem (JsonImport   *ji,
                  const char   *name,
                  const GError *error)
{
  guint64 line, column;
  const char *message = split_position (error->message, name, &line, &column);

  return sc_import_problem (ji->import, ji->source, line, (guint) MIN (column, G_MAXUINT),
                            g_error_matches (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_TOO_LARGE)
                            ? SC_IMPORT_ERROR_TOO_LARGE : SC_IMPORT_ERROR_SYNTAX,
                            ji->error, "%s", message);
}

static gboolean
read_workbook (JsonImport *ji,
               const char *data,
               gsize       length,
               const char *name)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScWorkbook) book = sc_workbook_load_from_data (data, length, name, &local_error);
  GListModel *partners, *kpis;

  if (book == NULL)
    {
      ji->import->skip_bad_rows = FALSE;
      return workbook_problem (ji, name, local_error);
    }

  kpis = sc_workbook_get_kpis (book);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);

      sc_import_stage_kpi (ji->import, sc_kpi_get_id (kpi), kpi);
    }

  partners = sc_workbook_get_partners (book);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(GPtrArray) series = sc_workbook_dup_partner_series (book, partner);
      guint32 index = sc_import_stage_partner (ji->import, sc_partner_get_name (partner),
                                               sc_partner_get_id (partner));
      StagePartner *p = g_ptr_array_index (ji->import->partners, index);

      p->type = sc_partner_get_partner_type (partner);
      p->type_known = TRUE;
      g_set_object (&p->template, partner);

      for (guint k = 0; k < series->len; k++)
        {
          const ScSeries *s = g_ptr_array_index (series, k);

          stage_workbook_series (ji, book, s, index,
                                 sc_import_stage_kpi (ji->import, sc_kpi_get_id (s->kpi), NULL));
        }
    }

  return TRUE;
}

/* Reads the interchange format or a workbook from @data. */
gboolean
sc_import_read_json (ScImport    *self,
                     const char  *data,
                     gsize        length,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gboolean skip = self->skip_bad_rows;
  g_auto(ScJsonProblem) problem = { 0 };
  JsonImport ji = { self, 0, error };
  ScImportSource *source;
  const char *format;
  JsonObject *root;
  gboolean ok;

  source = sc_import_add_source (self, name, SC_IMPORT_FORMAT_JSON);
  source->encoding = g_strdup ("UTF-8");
  ji.source = self->sources->len - 1;

  /* Before json-glib, which recurses once per level of nesting and reads
   * 1e309 as infinity
   */
  if (!sc_json_find_problem (data, length, SC_JSON_MAX_DEPTH, &problem))
    {
      self->skip_bad_rows = FALSE;
      sc_import_problem (self, ji.source, problem.line, (guint) MIN (problem.column, G_MAXUINT),
                         problem.code == SC_JSON_ERROR_TOO_DEEP ? SC_IMPORT_ERROR_TOO_LARGE
                                                                : SC_IMPORT_ERROR_VALUE,
                         error, "%s", problem.message);
      self->skip_bad_rows = skip;
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      guint64 line, column;
      const char *message = split_position (local_error->message, "<data>", &line, &column);

      /* json-glib's own words for what "invalid JSON" says already */
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");
      self->skip_bad_rows = FALSE;
      sc_import_problem (self, ji.source, line, (guint) MIN (column, G_MAXUINT), SC_IMPORT_ERROR_SYNTAX,
                         error, _("invalid JSON: %s"), message);
      self->skip_bad_rows = skip;
      return FALSE;
    }

  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  format = root ? member_string (root, "format") : NULL;

  if (g_strcmp0 (format, "scorecards") == 0)
    {
      source->format = SC_IMPORT_FORMAT_SCORECARD;
      ok = read_workbook (&ji, data, length, name);
    }
  else if (g_strcmp0 (format, INTERCHANGE_FORMAT) == 0)
    ok = read_interchange (&ji, root);
  else
    {
      self->skip_bad_rows = FALSE;
      ok = json_problem (&ji, SC_IMPORT_ERROR_SYNTAX,
                         _("not Scorecards data: expected “format” to be “%s” or “scorecards”"),
                         INTERCHANGE_FORMAT);
    }

  self->skip_bad_rows = skip;
  source->n_rows = self->n_rows;
  return ok;
}
