/* sc-date.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates of transaction rows as day numbers (days since 1970-01-01): ISO
 * dates and typed spreadsheet dates, Excel serial numbers, and the
 * strptime-style formats of a recipe's "date_format"; and guessing the
 * format of a column from its values.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_DATE_FORMAT_EXCEL "excel"

gboolean  sc_date_from_ymd      (int          year,
                                 int          month,
                                 int          day,
                                 double      *days);
void      sc_date_to_ymd        (double       days,
                                 int         *year,
                                 int         *month,
                                 int         *day);
gboolean  sc_date_format_is_valid (const char *format);
gboolean  sc_date_parse         (const char  *format,
                                 const char  *text,
                                 gsize        length,
                                 double      *days);
char     *sc_date_guess_format  (const char * const *samples,
                                 guint        n_samples,
                                 gboolean    *ambiguous,
                                 guint       *n_parsed);

G_END_DECLS
