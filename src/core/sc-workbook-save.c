/* sc-workbook-save.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing .scorecard files (docs/file-format.md). The document is written by
 * a small streaming writer rather than through a JsonNode tree: a million
 * values would otherwise cost a million nodes, and json-glib prints every
 * double with 17 digits (95.1 becomes 95.099999999999994). Numbers are
 * written with the fewest digits that read back to the same double.
 */

#define G_LOG_DOMAIN "sc-workbook-save"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-workbook-io.h"

typedef struct
{
  GString *out;
  guint    depth;
  gboolean first;      /* no member written yet at this depth */
} Writer;

static void
write_escaped (GString    *out,
               const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str ? str : ""; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* Shortest of %.15g … %.17g that reads back to exactly @value. */
static void
write_number (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static void
newline (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

static void
begin (Writer *w,
       char    bracket)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
end (Writer *w,
     char    bracket)
{
  w->depth--;
  if (!w->first)
    newline (w);
  g_string_append_c (w->out, bracket);
  w->first = FALSE;
}

static void
key (Writer     *w,
     const char *name)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  newline (w);
  if (name != NULL)
    {
      write_escaped (w->out, name);
      g_string_append (w->out, ": ");
    }
  w->first = FALSE;
}

static void
member_string (Writer     *w,
               const char *name,
               const char *value)
{
  key (w, name);
  if (value == NULL)
    g_string_append (w->out, "null");
  else
    write_escaped (w->out, value);
}

static void
member_number (Writer     *w,
               const char *name,
               double      value)
{
  key (w, name);
  write_number (w->out, value);
}

static void
member_period (Writer        *w,
               const char    *name,
               ScGranularity  granularity,
               ScPeriod       period)
{
  g_autofree char *str = sc_period_to_string (granularity, period);

  member_string (w, name, str);
}

static void
member_time (Writer     *w,
             const char *name,
             GDateTime  *time)
{
  g_autofree char *str = NULL;

  if (time != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
      str = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
  member_string (w, name, str);
}

/* Values on one line: a series is one line in the file. */
static void
member_values (Writer       *w,
               const char   *name,
               const double *values,
               guint         n)
{
  key (w, name);
  g_string_append_c (w->out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");
      write_number (w->out, values[i]);
    }
  g_string_append_c (w->out, ']');
}

static void
write_settings (Writer     *w,
                ScWorkbook *book)
{
  key (w, "settings");
  begin (w, '{');
  member_string (w, "company", sc_workbook_get_company (book));
  member_number (w, "trend_periods", sc_workbook_get_trend_periods (book));
  key (w, "grade_bands");
  begin (w, '[');
  for (guint i = 0; i < sc_workbook_get_n_grade_bands (book); i++)
    {
      const ScGradeBand *band = sc_workbook_get_grade_band (book, i);

      key (w, NULL);
      g_string_append (w->out, "{ \"grade\": ");
      write_escaped (w->out, band->grade);
      g_string_append (w->out, ", \"min\": ");
      write_number (w->out, band->min_score);
      g_string_append (w->out, " }");
    }
  end (w, ']');
  key (w, "report");
  begin (w, '{');
  member_string (w, "page_size", sc_workbook_get_page_size (book));
  member_string (w, "confidentiality", sc_workbook_get_confidentiality (book));
  end (w, '}');
  member_string (w, "notes", sc_workbook_get_notes (book));
  end (w, '}');
}

static void
write_kpi (Writer *w,
           ScKpi  *kpi)
{
  key (w, NULL);
  begin (w, '{');
  member_string (w, "id", sc_kpi_get_id (kpi));
  member_string (w, "name", sc_kpi_get_name (kpi));
  member_string (w, "description", sc_kpi_get_description (kpi));
  member_string (w, "unit", sc_kpi_get_unit (kpi));
  member_string (w, "category", sc_kpi_get_category (kpi));
  member_string (w, "direction", sc_direction_to_string (sc_kpi_get_direction (kpi)));
  member_number (w, "target", sc_kpi_get_target (kpi));
  member_number (w, "target_max", sc_kpi_get_target_max (kpi));
  member_number (w, "warning", sc_kpi_get_warning (kpi));
  member_number (w, "critical", sc_kpi_get_critical (kpi));
  member_number (w, "weight", sc_kpi_get_weight (kpi));
  member_string (w, "aggregation", sc_aggregation_to_string (sc_kpi_get_aggregation (kpi)));
  member_number (w, "ratio_scale", sc_kpi_get_ratio_scale (kpi));
  member_number (w, "decimals", sc_kpi_get_decimals (kpi));
  end (w, '}');
}

static void
write_partner (Writer    *w,
               ScPartner *partner)
{
  g_auto(GStrv) tags = sc_partner_dup_tag_keys (partner);
  g_auto(GStrv) overrides = sc_partner_dup_override_kpis (partner);

  key (w, NULL);
  begin (w, '{');
  member_string (w, "id", sc_partner_get_id (partner));
  member_string (w, "name", sc_partner_get_name (partner));
  member_string (w, "type", sc_partner_type_to_string (sc_partner_get_partner_type (partner)));
  member_string (w, "contact", sc_partner_get_contact (partner));
  key (w, "tags");
  begin (w, '{');
  for (guint i = 0; tags[i]; i++)
    member_string (w, tags[i], sc_partner_get_tag (partner, tags[i]));
  end (w, '}');
  key (w, "overrides");
  begin (w, '{');
  for (guint i = 0; overrides[i]; i++)
    {
      double target, weight;

      sc_partner_get_override (partner, overrides[i], &target, &weight);
      key (w, overrides[i]);
      begin (w, '{');
      if (!isnan (target))
        member_number (w, "target", target);
      if (!isnan (weight))
        member_number (w, "weight", weight);
      end (w, '}');
    }
  end (w, '}');
  end (w, '}');
}

static void
write_series (Writer         *w,
              ScWorkbook     *book,
              const ScSeries *series)
{
  ScGranularity granularity = sc_workbook_get_granularity (book);
  guint n = sc_workbook_get_n_periods (book);

  key (w, NULL);
  begin (w, '{');
  member_string (w, "partner", sc_partner_get_id (series->partner));
  member_string (w, "kpi", sc_kpi_get_id (series->kpi));
  member_period (w, "first", granularity, sc_workbook_get_first_period (book));
  member_values (w, "values", series->values, n);
  if (series->numerator)
    member_values (w, "numerator", series->numerator, n);
  if (series->denominator)
    member_values (w, "denominator", series->denominator, n);
  end (w, '}');
}

static void
write_issue (Writer        *w,
             ScGranularity  granularity,
             ScIssue       *issue)
{
  key (w, NULL);
  begin (w, '{');
  member_string (w, "id", sc_issue_get_id (issue));
  member_string (w, "partner", sc_issue_get_partner_id (issue));
  member_string (w, "kpi", sc_issue_get_kpi_id (issue));
  member_period (w, "period", granularity, sc_issue_get_period (issue));
  member_string (w, "title", sc_issue_get_title (issue));
  member_string (w, "description", sc_issue_get_description (issue));
  member_string (w, "severity", sc_severity_to_string (sc_issue_get_severity (issue)));
  member_string (w, "status", sc_issue_status_to_string (sc_issue_get_status (issue)));
  member_string (w, "owner", sc_issue_get_owner (issue));
  member_string (w, "due", sc_issue_get_due (issue));
  member_string (w, "action", sc_issue_get_action (issue));
  member_string (w, "reference", sc_issue_get_reference (issue));
  member_time (w, "created", sc_issue_get_created (issue));
  member_time (w, "updated", sc_issue_get_updated (issue));
  key (w, "history");
  begin (w, '[');
  for (guint i = 0; i < sc_issue_get_n_changes (issue); i++)
    {
      const ScIssueChange *change = sc_issue_get_change (issue, i);

      key (w, NULL);
      begin (w, '{');
      member_time (w, "time", change->time);
      member_string (w, "field", change->field);
      member_string (w, "old", change->old_value);
      member_string (w, "new", change->new_value);
      end (w, '}');
    }
  end (w, ']');
  end (w, '}');
}

/* Serialises the workbook to the bytes of a .scorecard file. */
GBytes *
sc_workbook_to_bytes (ScWorkbook *self)
{
  GListModel *partners, *kpis, *issues;
  ScGranularity granularity;
  Writer w = { 0 };

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);

  partners = sc_workbook_get_partners (self);
  kpis = sc_workbook_get_kpis (self);
  issues = sc_workbook_get_issues (self);
  granularity = sc_workbook_get_granularity (self);
  w.out = g_string_sized_new (4096 + 16 * sc_workbook_get_n_series (self) *
                              (sc_workbook_get_n_periods (self) + 8));

  begin (&w, '{');
  member_string (&w, "format", "scorecards");
  member_number (&w, "version", SC_WORKBOOK_FORMAT_VERSION);
  member_string (&w, "generator", "Scorecards " PACKAGE_VERSION);
  member_string (&w, "granularity", sc_granularity_to_string (granularity));
  if (sc_workbook_get_n_periods (self) > 0)
    member_period (&w, "first_period", granularity, sc_workbook_get_first_period (self));
  member_number (&w, "n_periods", sc_workbook_get_n_periods (self));
  write_settings (&w, self);

  key (&w, "kpis");
  begin (&w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);
      write_kpi (&w, kpi);
    }
  end (&w, ']');

  key (&w, "partners");
  begin (&w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      write_partner (&w, partner);
    }
  end (&w, ']');

  key (&w, "series");
  begin (&w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(GPtrArray) list = sc_workbook_dup_partner_series (self, partner);

      for (guint j = 0; j < list->len; j++)
        write_series (&w, self, g_ptr_array_index (list, j));
    }
  end (&w, ']');

  key (&w, "issues");
  begin (&w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
      write_issue (&w, granularity, issue);
    }
  end (&w, ']');

  end (&w, '}');
  g_string_append_c (w.out, '\n');

  return g_string_free_to_bytes (w.out);
}

/* Saves atomically: the bytes go to a temporary file beside @file, which is
 * then renamed over it, so a crash or a full disk never truncates a workbook.
 */
gboolean
sc_workbook_save_to_file (ScWorkbook    *self,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = sc_workbook_to_bytes (self);
  if (!g_file_replace_contents (file,
                                g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                cancellable, error))
    return FALSE;

  sc_workbook_set_modified (self, FALSE);
  return TRUE;
}
