/* sc-kpi-guess.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-kpi.h"

G_BEGIN_DECLS

/**
 * ScKpiGuess:
 * @SC_KPI_GUESS_DIRECTION: the direction came from a word of the name
 *   (else it is the default, higher is better)
 * @SC_KPI_GUESS_UNIT: the unit came from the name (or its values)
 * @SC_KPI_GUESS_CATEGORY: the category came from a word of the name
 *
 * What sc_kpi_guess_from_name() found evidence for, so that a user
 * interface can say which fields are guessed and which are defaults.
 */
typedef enum
{
  SC_KPI_GUESS_NONE      = 0,
  SC_KPI_GUESS_DIRECTION = 1 << 0,
  SC_KPI_GUESS_UNIT      = 1 << 1,
  SC_KPI_GUESS_CATEGORY  = 1 << 2,
} ScKpiGuess;

ScKpiGuess sc_kpi_guess_from_name (ScKpi        *kpi,
                                   const char   *name,
                                   const double *sample_values,
                                   guint         n_values);

G_END_DECLS
