/* sc-kpi-item.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the KPI table: a KPI's result in a view, with the texts the
 * table shows (value, target, change, status as symbol and word) and the
 * numbers it sorts by, computed once.
 */

#define G_LOG_DOMAIN "sc-kpi-item"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-kpi-item.h"
#include "sc-palette.h"

struct _ScKpiItem
{
  GObject   parent_instance;

  ScKpi    *kpi;
  char     *details;
  char     *value_text;
  char     *target_text;
  char     *change_text;
  char     *status_text;
  char     *description;
  double   *history;
  guint     n_history;
  double    value;
  double    change;
  double    score;
  double    target;
  ScStatus  status;
};

G_DEFINE_FINAL_TYPE (ScKpiItem, sc_kpi_item, G_TYPE_OBJECT)

/* "≥ 95.0 %", "≤ 250 ppm" or "20.0 – 25.0 °C"; "Not set" without one. */
static char *
format_target (ScKpi  *kpi,
               double  target)
{
  g_autofree char *value = sc_kpi_format_value (kpi, target, TRUE);

  if (isnan (target))
    /* Translators: the target of a KPI that has none yet */
    return g_strdup (_("Not set"));
  switch (sc_kpi_get_direction (kpi))
    {
    case SC_DIRECTION_LOWER:
      return g_strdup_printf ("≤ %s", value);
    case SC_DIRECTION_BAND:
      {
        g_autofree char *low = sc_kpi_format_value (kpi, target, FALSE);
        g_autofree char *high = sc_kpi_format_value (kpi, sc_kpi_get_target_max (kpi), TRUE);
        return g_strdup_printf ("%s – %s", low, high);
      }
    case SC_DIRECTION_HIGHER:
    default:
      return g_strdup_printf ("≥ %s", value);
    }
}

static char *
format_change (ScKpi  *kpi,
               double  change)
{
  g_autofree char *delta = NULL;

  if (isnan (change))
    return g_strdup ("—");

  delta = sc_kpi_format_value (kpi, fabs (change), FALSE);
  if (change > 0)
    return g_strdup_printf ("+%s", delta);
  if (change < 0)
    return g_strdup_printf ("−%s", delta);
  return g_strdup ("±0");
}

static void
sc_kpi_item_finalize (GObject *object)
{
  ScKpiItem *self = (ScKpiItem *)object;

  g_clear_object (&self->kpi);
  g_clear_pointer (&self->details, g_free);
  g_clear_pointer (&self->value_text, g_free);
  g_clear_pointer (&self->target_text, g_free);
  g_clear_pointer (&self->change_text, g_free);
  g_clear_pointer (&self->status_text, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->history, g_free);

  G_OBJECT_CLASS (sc_kpi_item_parent_class)->finalize (object);
}

static void
sc_kpi_item_class_init (ScKpiItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_kpi_item_finalize;
}

static void
sc_kpi_item_init (ScKpiItem *self)
{
}

/* @series gives the sparkline: its values up to @period. */
/* Shows @result again in @self: the scorecard keeps its items, and the
 * table its rows, from one partner to the next.
 */
void
sc_kpi_item_update (ScKpiItem         *self,
                    ScWorkbook        *book,
                    const ScKpiResult *result,
                    const ScSeries    *series,
                    ScPeriod           period)
{
  g_autofree char *target = NULL;
  guint n;

  g_return_if_fail (SC_IS_KPI_ITEM (self));
  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (result != NULL);

  n = MIN (sc_workbook_get_n_periods (book),
           (guint) MAX (0, period - sc_workbook_get_first_period (book) + 1));

  g_set_object (&self->kpi, result->kpi);
  self->value = result->value;
  self->change = result->value - result->previous;
  self->score = result->score;
  self->target = result->target;
  self->status = result->status;
  target = format_target (result->kpi, result->target);
  g_free (self->details);
  /* A KPI without a unit (a count, a spend in the workbook's currency) shows its category alone */
  if (*sc_kpi_get_unit (result->kpi) != '\0')
    self->details = g_strdup_printf ("%s · %s", sc_category_get_label (sc_kpi_get_category (result->kpi)),
                                     sc_kpi_get_unit (result->kpi));
  else
    self->details = g_strdup (sc_category_get_label (sc_kpi_get_category (result->kpi)));
  g_free (self->value_text);
  self->value_text = sc_kpi_format_value (result->kpi, result->value, TRUE);
  g_free (self->target_text);
  self->target_text = g_steal_pointer (&target);
  g_free (self->change_text);
  self->change_text = format_change (result->kpi, self->change);
  g_free (self->status_text);
  self->status_text = g_strdup_printf ("%s %s", sc_palette_status_symbol (result->status),
                                       sc_status_get_label (result->status));
  g_free (self->description);
  self->description = g_strdup_printf (_("%s: %s, %s, target %s, change %s"),
                                       sc_kpi_get_name (result->kpi), self->value_text,
                                       sc_status_get_label (result->status), self->target_text,
                                       self->change_text);
  g_clear_pointer (&self->history, g_free);
  self->n_history = 0;
  if (series != NULL && n > 0)
    {
      self->history = g_memdup2 (series->values, n * sizeof (double));
      self->n_history = n;
    }
}

ScKpiItem *
sc_kpi_item_new (ScWorkbook        *book,
                 const ScKpiResult *result,
                 const ScSeries    *series,
                 ScPeriod           period)
{
  ScKpiItem *self = g_object_new (SC_TYPE_KPI_ITEM, NULL);

  sc_kpi_item_update (self, book, result, series, period);
  return self;
}

ScKpi *
sc_kpi_item_get_kpi (ScKpiItem *self)
{
  g_return_val_if_fail (SC_IS_KPI_ITEM (self), NULL);
  return self->kpi;
}

const char *
sc_kpi_item_get_name (ScKpiItem *self)
{
  g_return_val_if_fail (SC_IS_KPI_ITEM (self), NULL);
  return sc_kpi_get_name (self->kpi);
}

#define TEXT_GETTER(field)                                              \
  const char *                                                          \
  sc_kpi_item_get_##field (ScKpiItem *self)                             \
  {                                                                     \
    g_return_val_if_fail (SC_IS_KPI_ITEM (self), NULL);                 \
    return self->field;                                                 \
  }

#define NUMBER_GETTER(field)                                            \
  double                                                                \
  sc_kpi_item_get_##field (ScKpiItem *self)                             \
  {                                                                     \
    g_return_val_if_fail (SC_IS_KPI_ITEM (self), NAN);                  \
    return self->field;                                                 \
  }

TEXT_GETTER (details)
TEXT_GETTER (value_text)
TEXT_GETTER (target_text)
TEXT_GETTER (change_text)
TEXT_GETTER (status_text)
TEXT_GETTER (description)
NUMBER_GETTER (value)
NUMBER_GETTER (change)
NUMBER_GETTER (score)
NUMBER_GETTER (target)

ScStatus
sc_kpi_item_get_status (ScKpiItem *self)
{
  g_return_val_if_fail (SC_IS_KPI_ITEM (self), SC_STATUS_NO_DATA);
  return self->status;
}

const double *
sc_kpi_item_get_history (ScKpiItem *self,
                         guint     *n_values)
{
  g_return_val_if_fail (SC_IS_KPI_ITEM (self), NULL);
  *n_values = self->n_history;
  return self->history;
}
