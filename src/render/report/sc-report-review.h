/* sc-report-review.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-report.h"

G_BEGIN_DECLS

ScReport *sc_report_review_new    (ScWorkbook             *book,
                                   ScReview               *review,
                                   const ScReportOptions  *options,
                                   GError                **error);
gboolean  sc_report_review_export (ScWorkbook             *book,
                                   ScReview               *review,
                                   const ScReportOptions  *options,
                                   const char             *filename,
                                   GError                **error);
GPtrArray *sc_report_review_export_batch (ScWorkbook          *book,
                                          GPtrArray           *reviews,
                                          const ScReportOptions *options,
                                          const char          *directory,
                                          GError             **error);

G_END_DECLS
