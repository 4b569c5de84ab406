/* fuzz-period.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the periods spreadsheets write (sc-period-parse.c):
 * "2025-03", "03/2025", "März 2025", "2025-Q1", "KW12 2025", dates in
 * both orders. Any text reads or is refused, never a crash; a period that
 * reads goes to every granularity, and its name reads back as itself.
 */

#include "config.h"

#include <string.h>

#include "sc-period-parse.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
check_round_trip (const ScLoosePeriod *loose)
{
  for (ScGranularity g = SC_GRANULARITY_MONTH; g <= SC_GRANULARITY_WEEK; g++)
    {
      g_autofree char *name = NULL;
      ScPeriod period, again;

      if (!sc_loose_period_to_period (loose, g, &period))
        continue;
      name = sc_period_to_string (g, period);
      if (!sc_period_parse (g, name, &again) || again != period)
        g_error ("“%s” does not read back as the period it names", name);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;

  /* Cells are short; a period is never longer than this */
  if (size > 256)
    return 0;
  text = g_strndup ((const char *) data, size);
  for (ScDateOrder order = SC_DATE_ORDER_UNKNOWN; order <= SC_DATE_ORDER_MDY; order++)
    {
      ScLoosePeriod loose;

      if (sc_loose_period_parse (text, order, &loose) == SC_LOOSE_PERIOD_OK)
        check_round_trip (&loose);
    }

  return 0;
}
