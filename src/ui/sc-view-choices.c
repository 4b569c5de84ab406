/* sc-view-choices.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The views offered in the window's header bar and in the report dialog:
 * the single period is named after the workbook's granularity (a week, a
 * month, a quarter), and a quarterly workbook has no separate quarter view.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-view-choices.h"

/**
 * sc_view_choices_new:
 * @granularity: the workbook's
 * @kinds: (out caller-allocates) (array fixed-size=5): the view of each item
 * @n_kinds: (out): how many items
 *
 * Returns: (transfer full): the items' labels, in the order of @kinds
 */
GtkStringList *
sc_view_choices_new (ScGranularity  granularity,
                     ScRollupKind  *kinds,
                     guint         *n_kinds)
{
  static const ScRollupKind order[] = {
    SC_ROLLUP_PERIOD, SC_ROLLUP_QUARTER, SC_ROLLUP_YTD, SC_ROLLUP_ROLLING_12, SC_ROLLUP_YEAR,
  };
  GtkStringList *labels = gtk_string_list_new (NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (order) == SC_VIEW_CHOICES_MAX);

  *n_kinds = 0;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *label;

      if (order[i] == SC_ROLLUP_QUARTER && granularity == SC_GRANULARITY_QUARTER)
        continue;
      switch (order[i])
        {
        case SC_ROLLUP_PERIOD:
          label = granularity == SC_GRANULARITY_WEEK ? _("Week") :
                  granularity == SC_GRANULARITY_QUARTER ? _("Quarter") : _("Month");
          break;
        case SC_ROLLUP_QUARTER:
          label = _("Quarter");
          break;
        case SC_ROLLUP_YTD:
          label = _("Year to Date");
          break;
        case SC_ROLLUP_ROLLING_12:
          label = _("Rolling 12 Months");
          break;
        case SC_ROLLUP_YEAR:
        default:
          label = _("Year");
          break;
        }
      gtk_string_list_append (labels, label);
      kinds[(*n_kinds)++] = order[i];
    }

  return labels;
}
