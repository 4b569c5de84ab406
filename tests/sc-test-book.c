/* sc-test-book.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a workbook back in the tests: a partner by its name, a value by
 * partner name, KPI id and period as written ("2025-03").
 */

#include "config.h"

#include "sc-test-book.h"

/* The partner called @name; the test fails when there is none. */
ScPartner *
sc_test_find_partner (ScWorkbook *book,
                      const char *name)
{
  GListModel *partners = sc_workbook_get_partners (book);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);

      if (g_str_equal (sc_partner_get_name (partner), name))
        return partner;   /* the workbook keeps it */
    }

  g_error ("no partner “%s”", name);
  return NULL;
}

/* The value of @kpi_id for @partner_name in @period_str, NaN when missing. */
double
sc_test_value_at (ScWorkbook *book,
                  const char *partner_name,
                  const char *kpi_id,
                  const char *period_str)
{
  ScKpi *kpi = sc_workbook_lookup_kpi (book, kpi_id);
  ScPeriod period;

  g_assert_nonnull (kpi);
  g_assert_true (sc_period_parse (sc_workbook_get_granularity (book), period_str, &period));
  return sc_workbook_get_value (book, sc_test_find_partner (book, partner_name), kpi, period);
}
