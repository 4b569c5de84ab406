/* sc-chart-scale.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Axis scales with the tick values people use: steps of 1, 2, 2.5 or 5
 * times a power of ten, and tick labels in the locale's number format.
 */

#define G_LOG_DOMAIN "sc-chart-scale"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-i18n.h"
#include "sc-chart-scale.h"

/* The smallest nice step that covers @span in at most @max_steps steps. */
double
sc_chart_nice_step (double            span,
                    guint             max_steps,
                    ScChartScaleFlags flags)
{
  static const double mantissas[] = { 1, 2, 2.5, 5, 10 };
  double raw, magnitude;

  if (max_steps == 0)
    max_steps = 1;
  if (!isfinite (span) || span <= 0)
    return 1;

  raw = span / max_steps;
  magnitude = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    {
      double step = mantissas[i] * magnitude;

      /* 2.5 × 10⁰ is no step for counts; 25 and 250 are fine */
      if ((flags & SC_CHART_SCALE_INTEGER) && step != floor (step))
        continue;
      if (step >= raw * (1 - 1e-9))
        return (flags & SC_CHART_SCALE_INTEGER) ? MAX (step, 1) : step;
    }
  return 10 * magnitude;
}

static guint
step_decimals (double step)
{
  for (guint d = 0; d < 12; d++)
    {
      double scaled = step * pow (10, d);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1, scaled))
        return d;
    }
  return 12;
}

/* Sanitises the requested range: no NaN, no infinities, no empty span. */
static void
sanitise_range (double *lo,
                double *hi)
{
  if (!isfinite (*lo) && !isfinite (*hi))
    {
      *lo = 0;
      *hi = 1;
    }
  else if (!isfinite (*lo))
    *lo = *hi;
  else if (!isfinite (*hi))
    *hi = *lo;

  *lo = CLAMP (*lo, -1e300, 1e300);
  *hi = CLAMP (*hi, -1e300, 1e300);
  if (*lo > *hi)
    {
      double tmp = *lo;
      *lo = *hi;
      *hi = tmp;
    }
  if (*hi - *lo <= fabs (*hi) * 1e-12)
    {
      /* a constant series sits in the middle of the axis */
      double pad = *hi == 0 ? 1 : fabs (*hi) * 0.1;
      *lo -= pad;
      *hi += pad;
    }
}

/* Covers [@lo, @hi] with at most @max_steps nice steps (a few more when
 * rounding the ends outward needs them).
 */
void
sc_chart_scale_init (ScChartScale      *scale,
                     double             lo,
                     double             hi,
                     guint              max_steps,
                     ScChartScaleFlags  flags)
{
  double step;

  g_return_if_fail (scale != NULL);

  sanitise_range (&lo, &hi);
  if (flags & SC_CHART_SCALE_INCLUDE_ZERO)
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }
  max_steps = CLAMP (max_steps, 1, 50);

  step = sc_chart_nice_step (hi - lo, max_steps, flags);
  scale->min = floor (lo / step + 1e-9) * step;
  scale->max = ceil (hi / step - 1e-9) * step;
  if (scale->max <= scale->min)
    scale->max = scale->min + step;
  /* rounding both ends outward may add a step too many: widen the step */
  while ((scale->max - scale->min) / step > max_steps + 1.5)
    {
      step = sc_chart_nice_step (step * 1.01 * max_steps, max_steps, flags);
      scale->min = floor (lo / step + 1e-9) * step;
      scale->max = ceil (hi / step - 1e-9) * step;
    }
  scale->step = step;
  scale->n_ticks = (guint) round ((scale->max - scale->min) / step) + 1;
  scale->decimals = step_decimals (step);
}

double
sc_chart_scale_tick (const ScChartScale *scale,
                     guint               position)
{
  double value = scale->min + position * scale->step;

  /* avoid printing -0 or 1e-17 for the tick at zero */
  return fabs (value) < scale->step * 1e-9 ? 0 : value;
}

/* Where @value lies on the scale: 0 at min, 1 at max. */
double
sc_chart_scale_fraction (const ScChartScale *scale,
                         double              value)
{
  return (value - scale->min) / (scale->max - scale->min);
}

/* Places @unit the way sc_kpi_format_value() does ("95 %", "€12,000");
 * takes @number.
 */
static char *
attach_unit (char       *number,
             const char *unit)
{
  g_autofree char *owned = number;

  if (unit == NULL || unit[0] == '\0' || g_str_equal (unit, "count") ||
      g_str_equal (unit, "score") || g_str_equal (unit, "points"))
    return g_steal_pointer (&owned);
  if (sc_language_get_in_use () != NULL)
    return sc_language_attach_unit (NULL, owned, unit);
  if (g_str_equal (unit, "€") || g_str_equal (unit, "$") || g_str_equal (unit, "£"))
    {
      if (g_str_has_prefix (owned, "−"))
        return g_strdup_printf ("−%s%s", unit, owned + strlen ("−"));
      return g_strdup_printf ("%s%s", unit, owned);
    }
  return g_strdup_printf ("%s %s", owned, unit);
}

/* @value with the locale's grouping, @decimals decimals, a real minus sign
 * and @unit.
 */
char *
sc_chart_format_number (double      value,
                        guint       decimals,
                        const char *unit)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup ("—");

  number = sc_language_format_number (NULL, value, (int) MIN (decimals, 12));
  if (number[0] == '-')
    return attach_unit (g_strconcat ("−", number + 1, NULL), unit);
  return attach_unit (g_steal_pointer (&number), unit);
}

/* A tick label: exact at the step's decimals; thousands, millions and
 * billions shortened to k, M and G so huge values keep short labels.
 */
char *
sc_chart_scale_format_tick (const ScChartScale *scale,
                            double              value,
                            const char         *unit)
{
  const struct { double factor; const char *suffix; } units[] = {
    /* Translators: abbreviations of trillion, billion and million on a chart axis */
    { 1e12, C_("number", "T") }, { 1e9, C_("number", "B") }, { 1e6, C_("number", "M") },
  };
  double largest = MAX (fabs (scale->min), fabs (scale->max));

  if (largest >= 1e15)
    return g_strdup_printf ("%.0e", value);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      /* grouping keeps 100,000 readable; shorten from a million up */
      if (largest >= units[i].factor)
        {
          g_autofree char *number = NULL;

          number = sc_chart_format_number (value / units[i].factor,
                                           step_decimals (scale->step / units[i].factor),
                                           NULL);
          return attach_unit (g_strconcat (number, units[i].suffix, NULL), unit);
        }
    }

  return sc_chart_format_number (value, scale->decimals, unit);
}
