/* fuzz-xlsx.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the spreadsheet reader. A zip (or an OLE file) is
 * imported whole, as a dropped .xlsx or .ods would be; anything else is
 * taken as the XML of a worksheet part and read by both the scanner the
 * import uses and GMarkupParseContext, since mutations of a deflated zip
 * rarely reach the XML. Whatever the input: an error or rows, never a
 * crash, hang or unbounded memory.
 */

#include "config.h"

#include <string.h>

#include "sc-import.h"
#include "sc-reader-xlsx.h"
#include "sc-xml-scanner.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
start_cb (GMarkupParseContext  *context,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              user_data,
          GError              **error)
{
  guint *n = user_data;

  for (guint i = 0; names[i] != NULL; i++)
    *n += strlen (names[i]) + strlen (values[i]);
  (*n)++;
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  *(guint *) user_data += len;
}

static const GMarkupParser parser = { start_cb, NULL, text_cb, NULL, NULL };

/* Feeds the XML in uneven chunks, as the reader does across chunk ends,
 * to the scanner and to GMarkup.
 */
static void
scan_xml (const char *data,
          gsize       size)
{
  g_autoptr(ScXmlScanner) scanner = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) markup_error = NULL;
  guint n = 0, m = 0;

  scanner = sc_xml_scanner_new (&parser, &n);
  context = g_markup_parse_context_new (&parser, 0, &m, NULL);
  for (gsize pos = 0, step = 1; pos < size && error == NULL; pos += step, step = step * 3 % 257 + 1)
    if (!sc_xml_scanner_feed (scanner, data + pos, MIN (step, size - pos), &error))
      break;
  if (error == NULL)
    sc_xml_scanner_end (scanner, &error);
  if (g_markup_parse_context_parse (context, data, size, &markup_error))
    g_markup_parse_context_end_parse (context, &markup_error);
}

static void
import_workbook (const guint8 *data,
                 size_t        size)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;

  sc_import_set_skip_bad_rows (import, size % 2 == 0);
  if (sc_import_add_data (import, (const char *) data, size, "fuzz.xlsx", &error) &&
      sc_import_validate (import, &error))
    sc_import_commit (import, book, &error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  if (size >= 4 && (memcmp (data, "PK", 2) == 0 || memcmp (data, "\xD0\xCF", 2) == 0))
    import_workbook (data, size);
  else
    scan_xml ((const char *) data, size);

  return 0;
}
