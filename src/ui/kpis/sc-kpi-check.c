/* sc-kpi-check.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the KPI editor checks before it applies a definition (thresholds in
 * the order the direction needs, see docs/scoring.md), the sentence that
 * explains the thresholds, and numbers as the user types them.
 */

#define G_LOG_DOMAIN "sc-kpi-check"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sc-kpi-check.h"

static ScKpiField
check_higher (ScKpi  *kpi,
              char  **message)
{
  double target = sc_kpi_get_target (kpi);
  /* Unset, the warning threshold is the target: no amber band */
  double warning = isnan (sc_kpi_get_warning (kpi)) ? target : sc_kpi_get_warning (kpi);
  double critical = sc_kpi_get_critical (kpi);
  g_autofree char *t = sc_kpi_format_value (kpi, target, TRUE);
  g_autofree char *w = sc_kpi_format_value (kpi, warning, TRUE);
  g_autofree char *c = sc_kpi_format_value (kpi, critical, TRUE);

  if (warning > target)
    {
      *message = g_strdup_printf (_("Higher is better, so the warning threshold (%s) must not be above the target (%s)"),
                                  w, t);
      return SC_KPI_FIELD_WARNING | SC_KPI_FIELD_TARGET;
    }
  if (critical > warning)
    {
      *message = g_strdup_printf (_("Higher is better, so the critical threshold (%s) must not be above the warning threshold (%s)"),
                                  c, w);
      return SC_KPI_FIELD_CRITICAL | SC_KPI_FIELD_WARNING;
    }
  return SC_KPI_FIELD_NONE;
}

static ScKpiField
check_lower (ScKpi  *kpi,
             char  **message)
{
  double target = sc_kpi_get_target (kpi);
  /* Unset, the warning threshold is the target: no amber band */
  double warning = isnan (sc_kpi_get_warning (kpi)) ? target : sc_kpi_get_warning (kpi);
  double critical = sc_kpi_get_critical (kpi);
  g_autofree char *t = sc_kpi_format_value (kpi, target, TRUE);
  g_autofree char *w = sc_kpi_format_value (kpi, warning, TRUE);
  g_autofree char *c = sc_kpi_format_value (kpi, critical, TRUE);

  if (warning < target)
    {
      *message = g_strdup_printf (_("Lower is better, so the warning threshold (%s) must not be below the target (%s)"),
                                  w, t);
      return SC_KPI_FIELD_WARNING | SC_KPI_FIELD_TARGET;
    }
  if (critical < warning)
    {
      *message = g_strdup_printf (_("Lower is better, so the critical threshold (%s) must not be below the warning threshold (%s)"),
                                  c, w);
      return SC_KPI_FIELD_CRITICAL | SC_KPI_FIELD_WARNING;
    }
  return SC_KPI_FIELD_NONE;
}

static ScKpiField
check_band (ScKpi  *kpi,
            char  **message)
{
  double target = sc_kpi_get_target (kpi);
  double target_max = sc_kpi_get_target_max (kpi);
  double warning = sc_kpi_get_warning (kpi);
  double critical = sc_kpi_get_critical (kpi);
  g_autofree char *low = sc_kpi_format_value (kpi, target, TRUE);
  g_autofree char *high = sc_kpi_format_value (kpi, target_max, TRUE);
  g_autofree char *w = sc_kpi_format_value (kpi, warning, TRUE);
  g_autofree char *c = sc_kpi_format_value (kpi, critical, TRUE);

  if (isnan (target_max) && !isnan (target))
    {
      *message = g_strdup (_("Enter the upper edge of the band"));
      return SC_KPI_FIELD_TARGET_MAX;
    }
  if (target_max < target)
    {
      *message = g_strdup_printf (_("The upper edge of the band (%s) must not be below its lower edge (%s)"),
                                  high, low);
      return SC_KPI_FIELD_TARGET_MAX | SC_KPI_FIELD_TARGET;
    }
  if (warning < 0)
    {
      *message = g_strdup (_("The warning distance must not be negative"));
      return SC_KPI_FIELD_WARNING;
    }
  if (critical < warning)
    {
      *message = g_strdup_printf (_("The critical distance (%s) must not be smaller than the warning distance (%s)"),
                                  c, w);
      return SC_KPI_FIELD_CRITICAL | SC_KPI_FIELD_WARNING;
    }
  return SC_KPI_FIELD_NONE;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Returns the fields that make @kpi unusable, or %SC_KPI_FIELD_NONE; when
 * there are any, @message says what is wrong in a sentence for the user.
 */
ScKpiField
sc_kpi_check (ScKpi  *kpi,
              char  **message)
{
  g_return_val_if_fail (SC_IS_KPI (kpi), SC_KPI_FIELD_NONE);
  g_return_val_if_fail (message != NULL && *message == NULL, SC_KPI_FIELD_NONE);

  if (is_blank (sc_kpi_get_name (kpi)))
    {
      *message = g_strdup (_("The name must not be empty"));
      return SC_KPI_FIELD_NAME;
    }
  if (is_blank (sc_kpi_get_category (kpi)))
    {
      *message = g_strdup (_("The category must not be empty"));
      return SC_KPI_FIELD_CATEGORY;
    }
  if (sc_kpi_get_aggregation (kpi) == SC_AGGREGATION_RATIO && !(sc_kpi_get_ratio_scale (kpi) > 0))
    {
      *message = g_strdup (_("The ratio scale must be greater than zero"));
      return SC_KPI_FIELD_RATIO_SCALE;
    }

  switch (sc_kpi_get_direction (kpi))
    {
    case SC_DIRECTION_LOWER:
      return check_lower (kpi, message);
    case SC_DIRECTION_BAND:
      return check_band (kpi, message);
    case SC_DIRECTION_HIGHER:
    default:
      return check_higher (kpi, message);
    }
}

/* One sentence saying what the thresholds of a valid @kpi mean:
 * "On target at 95.0 % or more, red below 90.0 %, score 0 at 80.0 %". An
 * unset warning threshold is the target (no amber), an unset critical one
 * the warning threshold (docs/scoring.md).
 */
char *
sc_kpi_describe_thresholds (ScKpi *kpi)
{
  g_autofree char *t = NULL;
  g_autofree char *t_max = NULL;
  g_autofree char *w = NULL;
  g_autofree char *c = NULL;
  gboolean band;
  double warning, critical;

  g_return_val_if_fail (SC_IS_KPI (kpi), NULL);

  if (!sc_kpi_has_target (kpi))
    return g_strdup (_("No target yet: the KPI is shown, but not scored"));

  band = sc_kpi_get_direction (kpi) == SC_DIRECTION_BAND;
  warning = sc_kpi_get_warning (kpi);
  if (isnan (warning))
    warning = band ? 0 : sc_kpi_get_target (kpi);
  critical = sc_kpi_get_critical (kpi);
  if (isnan (critical))
    critical = warning;
  t = sc_kpi_format_value (kpi, sc_kpi_get_target (kpi), TRUE);
  t_max = sc_kpi_format_value (kpi, sc_kpi_get_target_max (kpi), TRUE);
  w = sc_kpi_format_value (kpi, warning, TRUE);
  c = sc_kpi_format_value (kpi, critical, TRUE);

  switch (sc_kpi_get_direction (kpi))
    {
    case SC_DIRECTION_LOWER:
      return g_strdup_printf (_("On target at %s or less, red above %s, score 0 at %s"), t, w, c);
    case SC_DIRECTION_BAND:
      return g_strdup_printf (_("On target from %s to %s, red more than %s outside, score 0 at %s outside"),
                              t, t_max, w, c);
    case SC_DIRECTION_HIGHER:
    default:
      return g_strdup_printf (_("On target at %s or more, red below %s, score 0 at %s"), t, w, c);
    }
}

/* Reads a number as the user types it: the locale's decimal separator or a
 * point, an optional sign (a typographic minus too), spaces around it.
 * Empty text is not a number.
 */
gboolean
sc_kpi_check_parse_number (const char *text,
                 double     *value)
{
  const char *point = localeconv ()->decimal_point;
  g_autoptr(GString) ascii = NULL;
  char *end = NULL;
  double v;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  ascii = g_string_new (text);
  g_strstrip (ascii->str);
  g_string_set_size (ascii, strlen (ascii->str));
  g_string_replace (ascii, "−", "-", 0);
  if (point != NULL && *point != '\0' && g_strcmp0 (point, ".") != 0)
    g_string_replace (ascii, point, ".", 0);
  if (ascii->len == 0)
    return FALSE;

  v = g_ascii_strtod (ascii->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;

  *value = v;
  return TRUE;
}

/* The shortest text that reads back as @value, in the user's locale; empty
 * for NaN (an unset value).
 */
char *
sc_number_format (double value)
{
  if (isnan (value))
    return g_strdup ("");
  if (value == 0)
    return g_strdup ("0");
  return g_strdup_printf ("%.12g", value);
}
