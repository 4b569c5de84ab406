/* fuzz-workbook.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for reading .scorecard files: the json-glib half and the
 * streamed series. A hostile workbook is an error with a place, never a
 * crash; a workbook that loads also saves.
 */

#include "config.h"

#include "fuzz-max-len.h"
#include "sc-workbook-io.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GBytes) bytes = NULL;

  book = sc_workbook_load_from_data ((const char *) data, size, "fuzz.scorecard", NULL);
  if (book != NULL)
    bytes = sc_workbook_to_bytes (book);

  return 0;
}
