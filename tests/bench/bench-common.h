/* bench-common.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the report and review-pack benchmarks share: the 100-partner long
 * CSV, importing it, medians, and the matplotlib anchor.
 */

#pragma once

#include "sc-workbook.h"

G_BEGIN_DECLS

double      bench_median       (double     *values,
                                guint       n);
char       *bench_generate_csv (const char *dir);
ScWorkbook *bench_import_csv   (const char *path);
double      bench_run_anchor   (const char *anchor,
                                const char *csv,
                                const char *dir);
char       *bench_default_anchor (void);

G_END_DECLS
