/* sc-period-weighting.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A score over several periods: the weights with which the overall score
 * combines the overall scores of the last N views, latest first, and the
 * setting's text form ("exponential:12:3") used by the file, the team
 * store and `scorecards whatif --set weighting=…`. The rules and worked
 * examples are in docs/scoring.md.
 */

#define G_LOG_DOMAIN "sc-period-weighting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "sc-period-weighting.h"
#include "sc-workbook.h"

static const char * const mode_names[] = { "latest", "equal", "linear", "exponential" };

const char *
sc_weighting_mode_to_string (ScWeightingMode mode)
{
  g_return_val_if_fail (mode <= SC_WEIGHTING_EXPONENTIAL, NULL);
  return mode_names[mode];
}

gboolean
sc_weighting_mode_from_string (const char      *str,
                               ScWeightingMode *mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (mode_names); i++)
    if (g_strcmp0 (str, mode_names[i]) == 0)
      {
        *mode = (ScWeightingMode) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
sc_period_weighting_is_latest (const ScPeriodWeighting *w)
{
  return w == NULL || w->mode == SC_WEIGHTING_LATEST || w->n_periods <= 1;
}

gboolean
sc_period_weighting_equal (const ScPeriodWeighting *a,
                           const ScPeriodWeighting *b)
{
  if (sc_period_weighting_is_latest (a) || sc_period_weighting_is_latest (b))
    return sc_period_weighting_is_latest (a) == sc_period_weighting_is_latest (b);
  return a->mode == b->mode && a->n_periods == b->n_periods &&
         (a->mode != SC_WEIGHTING_EXPONENTIAL || a->half_life == b->half_life);
}

/* Checks the ranges: N from 2 to 60 for a weighting over several periods, a
 * half-life above 0 and at most 60 periods for the exponential one.
 */
gboolean
sc_period_weighting_validate (const ScPeriodWeighting *w,
                              GError                 **error)
{
  if (w->mode == SC_WEIGHTING_LATEST)
    return TRUE;
  if (w->mode > SC_WEIGHTING_EXPONENTIAL)
    {
      g_set_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID,
                   _("unknown period weighting"));
      return FALSE;
    }
  if (w->n_periods < 2 || w->n_periods > SC_WEIGHTING_MAX_PERIODS)
    {
      g_set_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID,
                   _("the number of periods must be a whole number from 2 to %d"),
                   SC_WEIGHTING_MAX_PERIODS);
      return FALSE;
    }
  if (w->mode == SC_WEIGHTING_EXPONENTIAL &&
      (!(w->half_life > 0) || w->half_life > SC_WEIGHTING_MAX_PERIODS))
    {
      g_set_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID,
                   _("the half-life must be more than 0 and at most %d periods"),
                   SC_WEIGHTING_MAX_PERIODS);
      return FALSE;
    }
  return TRUE;
}

/* Fills @weights (n_periods long) with the weight of the view k periods
 * before the latest, k = 0 … n_periods − 1; not normalised.
 */
void
sc_period_weighting_get_weights (const ScPeriodWeighting *w,
                                 double                  *weights)
{
  guint n = sc_period_weighting_is_latest (w) ? 1 : w->n_periods;

  for (guint k = 0; k < n; k++)
    {
      switch (sc_period_weighting_is_latest (w) ? SC_WEIGHTING_LATEST : w->mode)
        {
        case SC_WEIGHTING_LINEAR:
          weights[k] = n - k;
          break;
        case SC_WEIGHTING_EXPONENTIAL:
          weights[k] = exp2 (-(double) k / w->half_life);
          break;
        case SC_WEIGHTING_LATEST:
        case SC_WEIGHTING_EQUAL:
        default:
          weights[k] = 1;
          break;
        }
    }
}

/* The weighted mean of @scores (latest first, NaN: no data) with
 * @weights, the weights renormalised over the views with data; NaN when
 * none has data.
 */
double
sc_period_weighting_combine (const ScPeriodWeighting *w,
                             const double            *weights,
                             const double            *scores)
{
  guint n = sc_period_weighting_is_latest (w) ? 1 : w->n_periods;
  double sum = 0, total = 0;

  for (guint k = 0; k < n; k++)
    {
      if (isnan (scores[k]))
        continue;
      sum += weights[k] * scores[k];
      total += weights[k];
    }

  return total > 0 ? sum / total : NAN;
}

/* "latest", "equal:12", "linear:6" or "exponential:12:3" */
char *
sc_period_weighting_to_string (const ScPeriodWeighting *w)
{
  char half_life[G_ASCII_DTOSTR_BUF_SIZE];

  if (sc_period_weighting_is_latest (w))
    return g_strdup ("latest");
  if (w->mode != SC_WEIGHTING_EXPONENTIAL)
    return g_strdup_printf ("%s:%u", mode_names[w->mode], w->n_periods);

  g_ascii_formatd (half_life, sizeof half_life, "%.6g", w->half_life);
  return g_strdup_printf ("exponential:%u:%s", w->n_periods, half_life);
}

static gboolean
parse_fail (const char  *str,
            GError     **error)
{
  g_set_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID,
               _("“%s” is not a period weighting: expected “latest”, “equal:N”, "
                 "“linear:N” or “exponential:N:HALF-LIFE”"), str);
  return FALSE;
}

/* Reads the text form of sc_period_weighting_to_string(), checking ranges. */
gboolean
sc_period_weighting_parse (const char         *str,
                           ScPeriodWeighting  *out,
                           GError            **error)
{
  g_auto(GStrv) parts = NULL;
  ScPeriodWeighting w = SC_PERIOD_WEIGHTING_LATEST;
  guint n_parts;
  char *end;

  g_return_val_if_fail (str != NULL, FALSE);

  parts = g_strsplit (str, ":", -1);
  n_parts = g_strv_length (parts);
  if (n_parts == 0 || !sc_weighting_mode_from_string (parts[0], &w.mode))
    return parse_fail (str, error);
  if (w.mode == SC_WEIGHTING_LATEST)
    {
      if (n_parts != 1)
        return parse_fail (str, error);
      *out = w;
      return TRUE;
    }
  if (n_parts != (w.mode == SC_WEIGHTING_EXPONENTIAL ? 3u : 2u))
    return parse_fail (str, error);

  w.n_periods = (guint) g_ascii_strtoull (parts[1], &end, 10);
  if (*parts[1] == '\0' || *end != '\0')
    return parse_fail (str, error);
  if (w.mode == SC_WEIGHTING_EXPONENTIAL)
    {
      w.half_life = g_ascii_strtod (parts[2], &end);
      if (*parts[2] == '\0' || *end != '\0')
        return parse_fail (str, error);
    }
  if (!sc_period_weighting_validate (&w, error))
    return FALSE;

  *out = w;
  return TRUE;
}

/* A sentence for people: "Last 12 periods, half-life 3 periods" */
char *
sc_period_weighting_describe (const ScPeriodWeighting *w)
{
  g_autofree char *half_life = NULL;

  if (sc_period_weighting_is_latest (w))
    return g_strdup (_("Latest period only"));

  switch (w->mode)
    {
    case SC_WEIGHTING_EQUAL:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %u period, equal weights",
                                           "Last %u periods, equal weights", w->n_periods),
                              w->n_periods);
    case SC_WEIGHTING_LINEAR:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %u period, linear weights",
                                           "Last %u periods, linear weights", w->n_periods),
                              w->n_periods);
    case SC_WEIGHTING_EXPONENTIAL:
    case SC_WEIGHTING_LATEST:
    default:
      half_life = g_strdup_printf ("%g", w->half_life);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %u period, half-life %s periods",
                                           "Last %u periods, half-life %s periods", w->n_periods),
                              w->n_periods, half_life);
    }
}
