/* sc-number-parse.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ScNumberStatus:
 * @SC_NUMBER_OK: a number
 * @SC_NUMBER_EMPTY: no value: an empty cell, "NA", "n/a", "-", "—"
 * @SC_NUMBER_INVALID: text that is not a number in the file's notation
 * @SC_NUMBER_TOO_LARGE: a number beyond the range of a double (1e309)
 */
typedef enum
{
  SC_NUMBER_OK,
  SC_NUMBER_EMPTY,
  SC_NUMBER_INVALID,
  SC_NUMBER_TOO_LARGE,
} ScNumberStatus;

ScNumberStatus sc_number_parse_cell (const char *str,
                                     gsize       length,
                                     char        decimal_mark,
                                     char        thousands_separator,
                                     double     *value);

G_END_DECLS
