/* fuzz-import.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the import of data files: the CSV/TSV reader with
 * its encoding, delimiter and layout detection, and the JSON interchange
 * format (chosen by content, as for a real file). Whatever the input, the
 * import ends in a workbook or an error, never a crash, hang or unbounded
 * memory.
 */

#include "config.h"

#include "fuzz-max-len.h"
#include "sc-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;

  sc_import_set_skip_bad_rows (import, size % 2 == 0);
  if (sc_import_add_data (import, (const char *) data, size, "fuzz.csv", &error) &&
      sc_import_validate (import, &error))
    sc_import_commit (import, book, &error);

  return 0;
}
