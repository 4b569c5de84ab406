/* sc-workbook-load.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading .scorecard files (docs/file-format.md). Every member is checked
 * before it is used; an error names the file and the JSON path of the
 * offending member, and nothing half-read is ever returned.
 */

#define G_LOG_DOMAIN "sc-workbook-load"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sc-json-depth.h"
#include "sc-review-snapshot.h"
#include "sc-workbook-io.h"
#include "sc-workbook-load-private.h"

typedef ScLoader Loader;

gboolean
sc_loader_fail (ScLoader   *loader,
                int         code,
                const char *path,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL)
    g_set_error (loader->error, SC_WORKBOOK_ERROR, code, "%s: %s: %s", loader->name, path, message);
  else
    g_set_error (loader->error, SC_WORKBOOK_ERROR, code, "%s: %s", loader->name, message);

  return FALSE;
}

#define fail sc_loader_fail

/* Member access with type checks */

static gboolean
get_object (Loader      *loader,
            JsonObject  *object,
            const char  *member,
            const char  *path,
            JsonObject **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected an object"));

  *out = json_node_get_object (node);
  return TRUE;
}

/* A language code: two or three lowercase letters ("fr", "de"), or "". */
static gboolean
is_language_code (const char *code)
{
  gsize n = strlen (code);

  if (n != 0 && n != 2 && n != 3)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (code[i]))
      return FALSE;
  return TRUE;
}

static gboolean
get_language (Loader      *loader,
              JsonObject  *object,
              const char  *member,
              const char  *path,
              const char **out);

static gboolean
get_array (Loader      *loader,
           JsonObject  *object,
           const char  *member,
           const char  *path,
           gboolean     required,
           JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("is missing"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected an array"));

  *out = json_node_get_array (node);
  return TRUE;
}

/* A string member; absent or null gives @fallback (which may be NULL). */
static gboolean
get_string (Loader      *loader,
            JsonObject  *object,
            const char  *member,
            const char  *path,
            gboolean     required,
            const char  *fallback,
            const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("is missing"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected a string"));

  *out = json_node_get_string (node);
  if (required && **out == '\0')
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("must not be empty"));

  return TRUE;
}

static gboolean
get_language (Loader      *loader,
              JsonObject  *object,
              const char  *member,
              const char  *path,
              const char **out)
{
  if (!get_string (loader, object, member, path, FALSE, "", out))
    return FALSE;
  if (!is_language_code (*out))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path,
                 _("expected a language code such as “fr”, found “%s”"), *out);
  return TRUE;
}

static gboolean
node_get_number (JsonNode *node,
                 double   *out)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;

  return isfinite (*out);
}

/* A number member; absent or null gives @fallback. */
static gboolean
get_number (Loader     *loader,
            JsonObject *object,
            const char *member,
            const char *path,
            gboolean    required,
            double      fallback,
            double     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("is missing"));
      return TRUE;
    }
  if (!node_get_number (node, out))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected a number"));

  return TRUE;
}

/* A number member that must be there but may be null (unset): NaN. */
static gboolean
get_number_or_null (Loader     *loader,
                    JsonObject *object,
                    const char *member,
                    const char *path,
                    double     *out)
{
  if (!json_object_has_member (object, member))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("is missing"));

  return get_number (loader, object, member, path, FALSE, NAN, out);
}

static gboolean
get_period (Loader     *loader,
            JsonObject *object,
            const char *member,
            const char *path,
            ScPeriod   *out)
{
  const char *str;

  *out = SC_PERIOD_NONE;
  if (!get_string (loader, object, member, path, FALSE, NULL, &str))
    return FALSE;
  if (str == NULL)
    return TRUE;
  if (!sc_period_parse (loader->granularity, str, out))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path,
                 _("“%s” is not a %s period (expected e.g. %s)"), str,
                 sc_granularity_to_string (loader->granularity),
                 loader->granularity == SC_GRANULARITY_QUARTER ? "2025-Q1" :
                 loader->granularity == SC_GRANULARITY_WEEK ? "2025-W12" : "2025-03");
  return TRUE;
}

static GDateTime *
parse_timestamp (const char *str)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return str ? g_date_time_new_from_iso8601 (str, utc) : NULL;
}

/* For sc-workbook-load-scoring.c */

gboolean
sc_loader_get_object (ScLoader    *loader,
                      JsonObject  *object,
                      const char  *member,
                      const char  *path,
                      JsonObject **out)
{
  return get_object (loader, object, member, path, out);
}

gboolean
sc_loader_get_string (ScLoader    *loader,
                      JsonObject  *object,
                      const char  *member,
                      const char  *path,
                      gboolean     required,
                      const char  *fallback,
                      const char **out)
{
  return get_string (loader, object, member, path, required, fallback, out);
}

gboolean
sc_loader_get_number (ScLoader   *loader,
                      JsonObject *object,
                      const char *member,
                      const char *path,
                      gboolean    required,
                      double      fallback,
                      double     *out)
{
  return get_number (loader, object, member, path, required, fallback, out);
}

gboolean
sc_loader_get_period (ScLoader   *loader,
                      JsonObject *object,
                      const char *member,
                      const char *path,
                      ScPeriod   *out)
{
  return get_period (loader, object, member, path, out);
}

/* Sections */

/* What a grade band says as a standing; absent members keep their
 * defaults (NULL here).
 */
static gboolean
load_standing (Loader      *loader,
               JsonObject  *band,
               const char  *path,
               ScGradeBand *out)
{
  g_autofree char *colour_path = g_strdup_printf ("%s.colour", path);
  g_autofree char *symbol_path = g_strdup_printf ("%s.symbol", path);
  g_autofree char *action_path = g_strdup_printf ("%s.action", path);
  const char *colour, *symbol, *action;

  if (!get_string (loader, band, "colour", colour_path, FALSE, NULL, &colour) ||
      !get_string (loader, band, "symbol", symbol_path, FALSE, NULL, &symbol) ||
      !get_string (loader, band, "action", action_path, FALSE, NULL, &action))
    return FALSE;
  if (colour != NULL &&
      (strlen (colour) != 7 || colour[0] != '#' || strspn (colour + 1, "0123456789abcdefABCDEF") != 6))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, colour_path,
                 _("expected a colour as #rrggbb, found “%s”"), colour);
  if (symbol != NULL && g_utf8_strlen (symbol, -1) > 2)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, symbol_path,
                 _("expected one or two characters, found “%s”"), symbol);

  out->colour = (char *) colour;
  out->symbol = (char *) symbol;
  out->action = (char *) action;
  return TRUE;
}

static gboolean
load_settings (Loader     *loader,
               JsonObject *root)
{
  JsonObject *settings, *report;
  JsonArray *bands;
  const char *str;
  double number;

  if (!get_object (loader, root, "settings", "settings", &settings))
    return FALSE;
  if (settings == NULL)
    return TRUE;

  if (!get_string (loader, settings, "company", "settings.company", FALSE, "", &str))
    return FALSE;
  sc_workbook_set_company (loader->book, str);

  if (!get_string (loader, settings, "notes", "settings.notes", FALSE, "", &str))
    return FALSE;
  sc_workbook_set_notes (loader->book, str);

  if (!get_number (loader, settings, "trend_periods", "settings.trend_periods", FALSE, 6, &number))
    return FALSE;
  if (number < 2 || number > 60 || number != floor (number))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, "settings.trend_periods",
                 _("expected a whole number from 2 to 60"));
  sc_workbook_set_trend_periods (loader->book, (guint) number);

  if (!get_array (loader, settings, "grade_bands", "settings.grade_bands", FALSE, &bands))
    return FALSE;
  if (bands != NULL)
    {
      guint n = json_array_get_length (bands);
      g_autofree ScGradeBand *parsed = g_new0 (ScGradeBand, MAX (n, 1));

      if (n == 0)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, "settings.grade_bands",
                     _("needs at least one grade"));
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *path = g_strdup_printf ("settings.grade_bands[%u]", i);
          JsonNode *node = json_array_get_element (bands, i);
          JsonObject *band;
          const char *grade;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected an object"));
          band = json_node_get_object (node);
          if (!get_string (loader, band, "grade", path, TRUE, NULL, &grade) ||
              !get_number (loader, band, "min", path, TRUE, 0, &number) ||
              !load_standing (loader, band, path, &parsed[i]))
            return FALSE;
          parsed[i].grade = (char *) grade;
          parsed[i].min_score = number;
        }
      sc_workbook_set_grade_bands (loader->book, parsed, n);
    }

  if (!get_number (loader, settings, "watch_periods", "settings.watch_periods", FALSE, 3, &number))
    return FALSE;
  if (number < 1 || number > 60 || number != floor (number))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, "settings.watch_periods",
                 _("expected a whole number from 1 to 60"));
  sc_workbook_set_watch_periods (loader->book, (guint) number);
  if (!sc_loader_load_weighting (loader, settings))
    return FALSE;

  if (!get_object (loader, settings, "report", "settings.report", &report))
    return FALSE;
  if (report != NULL)
    {
      if (!get_string (loader, report, "page_size", "settings.report.page_size", FALSE, "a4", &str))
        return FALSE;
      if (g_strcmp0 (str, "a4") != 0 && g_strcmp0 (str, "letter") != 0)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, "settings.report.page_size",
                     _("expected “a4” or “letter”, found “%s”"), str);
      sc_workbook_set_page_size (loader->book, str);

      if (!get_string (loader, report, "confidentiality", "settings.report.confidentiality",
                       FALSE, "", &str))
        return FALSE;
      sc_workbook_set_confidentiality (loader->book, str);
    }

  return TRUE;
}

/* "names": {"fr": "Taux de rebut"}: the KPI's name per report language. */
static gboolean
load_kpi_names (Loader     *loader,
                JsonObject *object,
                const char *path,
                ScKpi      *kpi)
{
  g_autofree char *names_path = g_strdup_printf ("%s.names", path);
  g_autoptr(GList) members = NULL;
  JsonObject *names;

  if (!get_object (loader, object, "names", names_path, &names))
    return FALSE;
  if (names == NULL)
    return TRUE;
  members = json_object_get_members (names);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *name_path = g_strdup_printf ("%s.%s", names_path, (char *) l->data);
      const char *name;

      if (!is_language_code (l->data) || ((char *) l->data)[0] == '\0')
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, name_path,
                     _("expected a language code such as “fr”, found “%s”"), (char *) l->data);
      if (!get_string (loader, names, l->data, name_path, TRUE, NULL, &name))
        return FALSE;
      sc_kpi_set_translated_name (kpi, l->data, name);
    }
  return TRUE;
}

static gboolean
load_kpi (Loader     *loader,
          JsonObject *object,
          const char *path)
{
  g_autoptr(ScKpi) kpi = NULL;
  g_autofree char *member_path = NULL;
  const char *id, *name, *str;
  ScDirection direction;
  ScAggregation aggregation;
  double number;

#define MEMBER(m) (g_free (member_path), member_path = g_strdup_printf ("%s.%s", path, m))

  if (!get_string (loader, object, "id", MEMBER ("id"), TRUE, NULL, &id) ||
      !get_string (loader, object, "name", MEMBER ("name"), TRUE, NULL, &name))
    return FALSE;
  if (sc_workbook_lookup_kpi (loader->book, id) != NULL)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, MEMBER ("id"), _("KPI “%s” is defined twice"), id);

  kpi = sc_kpi_new (id, name);

  if (!get_string (loader, object, "description", MEMBER ("description"), FALSE, "", &str))
    return FALSE;
  sc_kpi_set_description (kpi, str);
  if (!get_string (loader, object, "unit", MEMBER ("unit"), FALSE, "", &str))
    return FALSE;
  sc_kpi_set_unit (kpi, str);
  if (!get_string (loader, object, "category", MEMBER ("category"), FALSE, "quality", &str))
    return FALSE;
  sc_kpi_set_category (kpi, str);

  if (!get_string (loader, object, "direction", MEMBER ("direction"), FALSE, "higher", &str))
    return FALSE;
  if (!sc_direction_from_string (str, &direction))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("expected “higher”, “lower” or “band”, found “%s”"), str);
  sc_kpi_set_direction (kpi, direction);

  if (!get_string (loader, object, "aggregation", MEMBER ("aggregation"), FALSE, "mean", &str))
    return FALSE;
  if (!sc_aggregation_from_string (str, &aggregation))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("expected “mean”, “sum”, “last” or “ratio”, found “%s”"), str);
  sc_kpi_set_aggregation (kpi, aggregation);

  if (!get_number_or_null (loader, object, "target", MEMBER ("target"), &number))
    return FALSE;
  sc_kpi_set_target (kpi, number);
  if (!get_number (loader, object, "target_max", MEMBER ("target_max"),
                   direction == SC_DIRECTION_BAND, NAN, &number))
    return FALSE;
  if (direction == SC_DIRECTION_BAND && number < sc_kpi_get_target (kpi))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("the upper edge of the band is below its lower edge"));
  sc_kpi_set_target_max (kpi, number);
  if (!get_number_or_null (loader, object, "warning", MEMBER ("warning"), &number))
    return FALSE;
  sc_kpi_set_warning (kpi, number);
  if (!get_number_or_null (loader, object, "critical", MEMBER ("critical"), &number))
    return FALSE;
  sc_kpi_set_critical (kpi, number);

  if (!get_number (loader, object, "weight", MEMBER ("weight"), FALSE, 1, &number))
    return FALSE;
  if (number < 0)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path, _("a weight cannot be negative"));
  sc_kpi_set_weight (kpi, number);

  if (!get_number (loader, object, "ratio_scale", MEMBER ("ratio_scale"), FALSE, 1, &number))
    return FALSE;
  sc_kpi_set_ratio_scale (kpi, number);

  if (!get_number (loader, object, "decimals", MEMBER ("decimals"), FALSE, 1, &number))
    return FALSE;
  if (number < 0 || number > 6 || number != floor (number))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("expected a whole number from 0 to 6"));
  sc_kpi_set_decimals (kpi, (guint) number);
  if (!load_kpi_names (loader, object, path, kpi))
    return FALSE;

#undef MEMBER

  sc_workbook_add_kpi (loader->book, kpi);
  return TRUE;
}

static gboolean
load_partner (Loader     *loader,
              JsonObject *object,
              const char *path)
{
  g_autoptr(ScPartner) partner = NULL;
  g_autofree char *member_path = NULL;
  JsonObject *tags, *overrides;
  const char *id, *name, *str;
  ScPartnerType type;

#define MEMBER(m) (g_free (member_path), member_path = g_strdup_printf ("%s.%s", path, m))

  if (!get_string (loader, object, "id", MEMBER ("id"), TRUE, NULL, &id) ||
      !get_string (loader, object, "name", MEMBER ("name"), TRUE, NULL, &name))
    return FALSE;
  if (sc_workbook_lookup_partner (loader->book, id) != NULL)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, MEMBER ("id"),
                 _("partner “%s” is defined twice"), id);

  if (!get_string (loader, object, "type", MEMBER ("type"), FALSE, "supplier", &str))
    return FALSE;
  if (!sc_partner_type_from_string (str, &type))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("expected “supplier” or “customer”, found “%s”"), str);

  partner = sc_partner_new (id, name, type);

  if (!get_string (loader, object, "contact", MEMBER ("contact"), FALSE, "", &str))
    return FALSE;
  sc_partner_set_contact (partner, str);
  if (!get_language (loader, object, "report_language", MEMBER ("report_language"), &str))
    return FALSE;
  sc_partner_set_report_language (partner, str);

  if (!get_object (loader, object, "tags", MEMBER ("tags"), &tags))
    return FALSE;
  if (tags != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (tags);

      for (GList *l = members; l; l = l->next)
        {
          g_autofree char *tag_path = g_strdup_printf ("%s.tags.%s", path, (char *) l->data);

          if (!get_string (loader, tags, l->data, tag_path, FALSE, NULL, &str))
            return FALSE;
          sc_partner_set_tag (partner, l->data, str);
        }
    }

  if (!get_object (loader, object, "overrides", MEMBER ("overrides"), &overrides))
    return FALSE;
  if (overrides != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (overrides);

      for (GList *l = members; l; l = l->next)
        {
          g_autofree char *o_path = g_strdup_printf ("%s.overrides.%s", path, (char *) l->data);
          JsonObject *o;
          double target, weight;

          if (!get_object (loader, overrides, l->data, o_path, &o))
            return FALSE;
          if (o == NULL)
            continue;
          if (sc_workbook_lookup_kpi (loader->book, l->data) == NULL)
            return fail (loader, SC_WORKBOOK_ERROR_INVALID, o_path, _("unknown KPI “%s”"),
                         (char *) l->data);
          if (!get_number (loader, o, "target", o_path, FALSE, NAN, &target) ||
              !get_number (loader, o, "weight", o_path, FALSE, NAN, &weight))
            return FALSE;
          if (weight < 0)
            return fail (loader, SC_WORKBOOK_ERROR_INVALID, o_path, _("a weight cannot be negative"));
          sc_partner_set_override (partner, l->data, target, weight);
        }
    }

#undef MEMBER

  sc_workbook_add_partner (loader->book, partner);
  return TRUE;
}

static gboolean
load_issue (Loader     *loader,
            JsonObject *object,
            const char *path)
{
  g_autoptr(ScIssue) issue = NULL;
  g_autofree char *member_path = NULL;
  JsonArray *history;
  const char *id, *partner_id, *title, *str;
  ScSeverity severity;
  ScIssueStatus status;
  ScPeriod period;

#define MEMBER(m) (g_free (member_path), member_path = g_strdup_printf ("%s.%s", path, m))

  if (!get_string (loader, object, "id", MEMBER ("id"), TRUE, NULL, &id) ||
      !get_string (loader, object, "partner", MEMBER ("partner"), TRUE, NULL, &partner_id) ||
      !get_string (loader, object, "title", MEMBER ("title"), TRUE, NULL, &title))
    return FALSE;
  if (sc_workbook_lookup_issue (loader->book, id) != NULL)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("issue “%s” appears twice"), id);
  if (sc_workbook_lookup_partner (loader->book, partner_id) == NULL)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("unknown partner “%s”"), partner_id);

  issue = sc_issue_new (id, partner_id, title);
  /* The file's timestamps or none: loading is not an edit */
  sc_issue_set_created (issue, NULL);
  sc_issue_set_updated (issue, NULL);

  if (!get_string (loader, object, "kpi", MEMBER ("kpi"), FALSE, NULL, &str))
    return FALSE;
  if (str != NULL && sc_workbook_lookup_kpi (loader->book, str) == NULL)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path, _("unknown KPI “%s”"), str);
  sc_issue_set_kpi_id (issue, str);

  if (!get_period (loader, object, "period", MEMBER ("period"), &period))
    return FALSE;
  sc_issue_set_period (issue, period);

  if (!get_string (loader, object, "severity", MEMBER ("severity"), FALSE, "medium", &str))
    return FALSE;
  if (!sc_severity_from_string (str, &severity))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("expected “low”, “medium”, “high” or “critical”, found “%s”"), str);
  sc_issue_set_severity (issue, severity);

  if (!get_string (loader, object, "status", MEMBER ("status"), FALSE, "open", &str))
    return FALSE;
  if (!sc_issue_status_from_string (str, &status))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("expected “open”, “in-progress”, “resolved” or “closed”, found “%s”"), str);
  sc_issue_set_status (issue, status);

  if (!get_string (loader, object, "due", MEMBER ("due"), FALSE, NULL, &str))
    return FALSE;
  if (str != NULL && !sc_date_is_valid_iso (str))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("“%s” is not a date written YYYY-MM-DD"), str);
  sc_issue_set_due (issue, str);

  if (!get_string (loader, object, "description", MEMBER ("description"), FALSE, "", &str))
    return FALSE;
  sc_issue_set_description (issue, str);
  if (!get_string (loader, object, "owner", MEMBER ("owner"), FALSE, "", &str))
    return FALSE;
  sc_issue_set_owner (issue, str);
  if (!get_string (loader, object, "action", MEMBER ("action"), FALSE, "", &str))
    return FALSE;
  sc_issue_set_action (issue, str);
  if (!get_string (loader, object, "reference", MEMBER ("reference"), FALSE, "", &str))
    return FALSE;
  sc_issue_set_reference (issue, str);
  if (!get_string (loader, object, "review", MEMBER ("review"), FALSE, NULL, &str))
    return FALSE;
  sc_issue_set_review_id (issue, str);

  if (!get_string (loader, object, "created", MEMBER ("created"), FALSE, NULL, &str))
    return FALSE;
  if (str != NULL)
    {
      g_autoptr(GDateTime) dt = parse_timestamp (str);

      if (dt == NULL)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                     _("“%s” is not an ISO 8601 date and time"), str);
      sc_issue_set_created (issue, dt);
    }
  if (!get_string (loader, object, "updated", MEMBER ("updated"), FALSE, NULL, &str))
    return FALSE;
  if (str != NULL)
    {
      g_autoptr(GDateTime) dt = parse_timestamp (str);

      if (dt == NULL)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                     _("“%s” is not an ISO 8601 date and time"), str);
      sc_issue_set_updated (issue, dt);
    }

  if (!get_array (loader, object, "history", MEMBER ("history"), FALSE, &history))
    return FALSE;
  for (guint i = 0; history && i < json_array_get_length (history); i++)
    {
      g_autofree char *h_path = g_strdup_printf ("%s.history[%u]", path, i);
      g_autoptr(GDateTime) dt = NULL;
      JsonNode *node = json_array_get_element (history, i);
      JsonObject *h;
      const char *time, *field, *old_value, *new_value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, h_path, _("expected an object"));
      h = json_node_get_object (node);
      if (!get_string (loader, h, "time", h_path, TRUE, NULL, &time) ||
          !get_string (loader, h, "field", h_path, TRUE, NULL, &field) ||
          !get_string (loader, h, "old", h_path, FALSE, NULL, &old_value) ||
          !get_string (loader, h, "new", h_path, FALSE, NULL, &new_value))
        return FALSE;
      if (!(dt = parse_timestamp (time)))
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, h_path,
                     _("“%s” is not an ISO 8601 date and time"), time);
      sc_issue_add_change (issue, dt, field, old_value, new_value);
    }

#undef MEMBER

  sc_workbook_add_issue (loader->book, issue);
  return TRUE;
}

/* An array of strings, as a NULL-terminated vector (absent: empty). */
static gboolean
get_strings (Loader      *loader,
             JsonObject  *object,
             const char  *member,
             const char  *path,
             GStrv       *out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (object != NULL && !get_array (loader, object, member, path, FALSE, &array))
    return FALSE;
  for (guint i = 0; object && array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected an array of strings"));
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* A review (docs/file-format.md, "Reviews") */
static gboolean
load_review (Loader     *loader,
             JsonObject *object,
             const char *path)
{
  g_autoptr(ScReview) review = NULL;
  g_autofree char *member_path = NULL;
  g_auto(GStrv) ours = NULL;
  g_auto(GStrv) theirs = NULL;
  g_auto(GStrv) agenda = NULL;
  JsonObject *attendees, *snapshot_object;
  const char *id, *partner_id, *date, *str;
  ScReviewState state;

#define MEMBER(m) (g_free (member_path), member_path = g_strdup_printf ("%s.%s", path, m))

  if (!get_string (loader, object, "id", MEMBER ("id"), TRUE, NULL, &id) ||
      !get_string (loader, object, "partner", MEMBER ("partner"), TRUE, NULL, &partner_id) ||
      !get_string (loader, object, "date", MEMBER ("date"), TRUE, NULL, &date))
    return FALSE;
  if (sc_workbook_lookup_review (loader->book, id) != NULL)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("review “%s” appears twice"), id);
  if (sc_workbook_lookup_partner (loader->book, partner_id) == NULL)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("unknown partner “%s”"), partner_id);
  if (!sc_date_is_valid_iso (date))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("“%s” is not a date written YYYY-MM-DD"), date);
  review = sc_review_new (id, partner_id, date);

  if (!get_string (loader, object, "period", MEMBER ("period"), FALSE, NULL, &str))
    return FALSE;
  sc_review_set_period (review, str);
  if (!get_string (loader, object, "state", MEMBER ("state"), FALSE, "draft", &str))
    return FALSE;
  if (!sc_review_state_from_string (str, &state))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("expected “draft”, “held” or “sent”, found “%s”"), str);
  if (!get_object (loader, object, "attendees", MEMBER ("attendees"), &attendees) ||
      !get_strings (loader, attendees, "ours", MEMBER ("attendees.ours"), &ours) ||
      !get_strings (loader, attendees, "theirs", MEMBER ("attendees.theirs"), &theirs) ||
      !get_strings (loader, object, "agenda", MEMBER ("agenda"), &agenda))
    return FALSE;
  sc_review_set_attendees_ours (review, (const char * const *) ours);
  sc_review_set_attendees_theirs (review, (const char * const *) theirs);
  sc_review_set_agenda (review, (const char * const *) agenda);
  if (!get_string (loader, object, "decisions", MEMBER ("decisions"), FALSE, "", &str))
    return FALSE;
  sc_review_set_decisions (review, str);
  if (!get_string (loader, object, "notes", MEMBER ("notes"), FALSE, "", &str))
    return FALSE;
  sc_review_set_notes (review, str);
  if (!get_language (loader, object, "language", MEMBER ("language"), &str))
    return FALSE;
  sc_review_set_language (review, str);

  if (!get_object (loader, object, "snapshot", MEMBER ("snapshot"), &snapshot_object))
    return FALSE;
  if (snapshot_object != NULL)
    {
      g_autoptr(ScReviewSnapshot) snapshot = NULL;

      snapshot = sc_review_snapshot_read_json (snapshot_object, loader->name, member_path, loader->error);
      if (snapshot == NULL)
        return FALSE;
      sc_review_set_snapshot (review, snapshot);
    }

  if (!get_string (loader, object, "sent_at", MEMBER ("sent_at"), FALSE, NULL, &str))
    return FALSE;
  if (str != NULL)
    {
      g_autoptr(GDateTime) dt = parse_timestamp (str);
      const char *file;

      if (dt == NULL)
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                     _("“%s” is not an ISO 8601 date and time"), str);
      if (!get_string (loader, object, "sent_file", MEMBER ("sent_file"), FALSE, NULL, &file))
        return FALSE;
      sc_review_set_sent (review, dt, file);
    }
  sc_review_set_state (review, state);

#undef MEMBER

  sc_workbook_add_review (loader->book, review);
  return TRUE;
}

/* A recipe kept with the workbook (docs/recipes.md) */
static gboolean
load_recipe (Loader     *loader,
             JsonObject *object,
             const char *path)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *name = g_strdup_printf ("%s: %s", loader->name, path);
  g_autoptr(ScRecipe) recipe = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRecipe) replaced = NULL;

  json_node_set_object (node, object);
  if (!(recipe = sc_recipe_new_from_json (node, name, &error)))
    {
      g_set_error_literal (loader->error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID, error->message);
      return FALSE;
    }
  replaced = sc_workbook_add_recipe (loader->book, recipe);
  return TRUE;
}

typedef gboolean (*LoadItemFunc) (Loader *, JsonObject *, const char *);

static gboolean
load_list (Loader       *loader,
           JsonObject   *root,
           const char   *member,
           LoadItemFunc  func)
{
  JsonArray *array;

  if (!get_array (loader, root, member, member, FALSE, &array))
    return FALSE;

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected an object"));
      if (!func (loader, json_node_get_object (node), path))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_header (Loader     *loader,
             JsonObject *root)
{
  const char *format, *str;
  double version, n_periods;
  ScPeriod first;

  if (!get_string (loader, root, "format", "format", FALSE, NULL, &format))
    return FALSE;
  if (format == NULL)
    return fail (loader, SC_WORKBOOK_ERROR_NOT_A_WORKBOOK, NULL,
                 _("not a Scorecards workbook (member “format” is missing)"));
  if (!g_str_equal (format, "scorecards"))
    return fail (loader, SC_WORKBOOK_ERROR_NOT_A_WORKBOOK, NULL,
                 _("not a Scorecards workbook (format is “%s”)"), format);

  if (!get_number (loader, root, "version", "version", TRUE, 0, &version))
    return FALSE;
  if (version != floor (version) || version < 1)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, "version", _("expected a whole number from 1"));
  if (version > SC_WORKBOOK_FORMAT_VERSION)
    return fail (loader, SC_WORKBOOK_ERROR_NEWER_VERSION, NULL,
                 _("written by a newer Scorecards (file format version %.0f, this version reads up to %d)"),
                 version, SC_WORKBOOK_FORMAT_VERSION);

  if (!get_string (loader, root, "granularity", "granularity", FALSE, "month", &str))
    return FALSE;
  if (!sc_granularity_from_string (str, &loader->granularity))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, "granularity",
                 _("expected “month”, “quarter” or “week”, found “%s”"), str);
  sc_workbook_set_granularity (loader->book, loader->granularity);

  if (!get_period (loader, root, "first_period", "first_period", &first) ||
      !get_number (loader, root, "n_periods", "n_periods", FALSE, 0, &n_periods))
    return FALSE;
  if (n_periods < 0 || n_periods > SC_WORKBOOK_MAX_PERIODS || n_periods != floor (n_periods))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, "n_periods",
                 _("expected a whole number from 0 to %d"), SC_WORKBOOK_MAX_PERIODS);
  if (n_periods > 0 && first == SC_PERIOD_NONE)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, "first_period",
                 _("is missing although the workbook has periods"));
  if (n_periods > 0 &&
      !sc_workbook_ensure_periods (loader->book, first, first + (ScPeriod) n_periods - 1, loader->error))
    return FALSE;

  return TRUE;
}

/* Turns json-glib's "<data>:3:14: Parse error: …" into "NAME:3:14: …". */
static void
set_parse_error (Loader       *loader,
                 const GError *parse_error)
{
  const char *message = parse_error->message;

  if (g_str_has_prefix (message, "<data>:"))
    message += strlen ("<data>:");
  else if (g_str_has_prefix (message, "<data>"))
    message += strlen ("<data>");

  g_set_error (loader->error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID_JSON,
               _("%s:%s"), loader->name, message);
}

/* Parses a workbook from @data; @display_name names it in error messages. */
ScWorkbook *
sc_workbook_load_from_data (const char  *data,
                            gsize        length,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader loader = { display_name ? display_name : "workbook", book, SC_GRANULARITY_MONTH, error };
  gsize series_start = 0, series_end = 0;
  gboolean has_series, parsed;
  JsonNode *root;
  JsonObject *object;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > SC_WORKBOOK_MAX_FILE_SIZE)
    {
      fail (&loader, SC_WORKBOOK_ERROR_TOO_LARGE, NULL,
            _("the file is larger than %d MiB"), SC_WORKBOOK_MAX_FILE_SIZE >> 20);
      return NULL;
    }
  if (length == 0)
    {
      fail (&loader, SC_WORKBOOK_ERROR_INVALID_JSON, NULL, _("the file is empty"));
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      const char *end;
      g_autofree char *offset = NULL;

      g_utf8_validate (data, length, &end);
      offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (end - data));
      fail (&loader, SC_WORKBOOK_ERROR_INVALID_JSON, NULL,
            /* Translators: %s is a byte offset into the file */
            _("the file is not valid UTF-8 (at byte %s)"), offset);
      return NULL;
    }
  /* Before json-glib, which recurses once per level (a hostile file must
   * not exhaust the stack) and reads 1e309 as infinity without a position
   */
  if (!sc_json_check (data, length, SC_JSON_MAX_DEPTH, loader.name, &local_error))
    {
      g_set_error_literal (error, SC_WORKBOOK_ERROR,
                           g_error_matches (local_error, SC_JSON_ERROR, SC_JSON_ERROR_TOO_DEEP)
                           ? SC_WORKBOOK_ERROR_TOO_LARGE : SC_WORKBOOK_ERROR_INVALID,
                           local_error->message);
      return NULL;
    }

  /* json-glib reads the document without its "series", which is streamed
   * into the workbook below; the span keeps its line breaks so that
   * json-glib's line numbers stay those of the file.
   */
  has_series = sc_series_span_find (data, length, &series_start, &series_end);
  parser = json_parser_new_immutable ();
  if (has_series)
    {
      g_autoptr(GString) rest = g_string_sized_new (length - (series_end - series_start) + 64);

      g_string_append_len (rest, data, series_start);
      g_string_append (rest, "[]");
      for (gsize i = series_start; i < series_end; i++)
        if (data[i] == '\n')
          g_string_append_c (rest, '\n');
      g_string_append_len (rest, data + series_end, length - series_end);
      parsed = json_parser_load_from_data (parser, rest->str, rest->len, &local_error);
    }
  else
    parsed = json_parser_load_from_data (parser, data, length, &local_error);

  if (!parsed)
    {
      set_parse_error (&loader, local_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&loader, SC_WORKBOOK_ERROR_NOT_A_WORKBOOK, NULL,
            _("not a Scorecards workbook (the document is not a JSON object)"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!load_header (&loader, object) ||
      !load_settings (&loader, object) ||
      !load_list (&loader, object, "kpis", load_kpi) ||
      !load_list (&loader, object, "partners", load_partner) ||
      !sc_scorecard_groups_load (&loader, object) ||
      (has_series && !sc_series_load_stream (&loader, data, series_start, series_end)) ||
      !load_list (&loader, object, "issues", load_issue) ||
      !load_list (&loader, object, "reviews", load_review) ||
      !load_list (&loader, object, "recipes", load_recipe) ||
      !load_list (&loader, object, "score_history", sc_loader_load_scored_then))
    return NULL;

  sc_workbook_set_modified (book, FALSE);
  return g_steal_pointer (&book);
}

ScWorkbook *
sc_workbook_load_from_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > SC_WORKBOOK_MAX_FILE_SIZE)
    {
      g_set_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), name, SC_WORKBOOK_MAX_FILE_SIZE >> 20);
      return NULL;
    }

  /* A local file is mapped rather than read into a growing buffer: a large
   * workbook then never needs its size twice over while loading.
   */
  path = g_file_get_path (file);
  if (path != NULL)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

      if (mapped != NULL)
        return sc_workbook_load_from_data (g_mapped_file_get_contents (mapped),
                                           g_mapped_file_get_length (mapped), name, error);
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return sc_workbook_load_from_data (contents, length, name, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  ScWorkbook *book = sc_workbook_load_from_file (task_data, cancellable, &error);

  if (book == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, book, g_object_unref);
}

/* Loads @file in a worker thread. */
void
sc_workbook_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_workbook_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

ScWorkbook *
sc_workbook_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
