/* sc-sheet-text-stream.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-reader-xlsx.h"

G_BEGIN_DECLS

#define SC_TYPE_SHEET_TEXT_STREAM (sc_sheet_text_stream_get_type())

G_DECLARE_FINAL_TYPE (ScSheetTextStream, sc_sheet_text_stream, SC, SHEET_TEXT_STREAM, GInputStream)

GInputStream *sc_sheet_text_stream_new        (ScReaderXlsx      *reader,
                                               guint              sheet,
                                               char               decimal_mark);
const char   *sc_sheet_text_stream_get_sheet  (ScSheetTextStream *self);
const GError *sc_sheet_text_stream_get_error  (ScSheetTextStream *self);

G_END_DECLS
