/* bench-xlsx.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Excel import speed (docs/performance.md, "XLSX"), stage by stage, best of
 * three: unpacking the sheet part alone, scanning its XML into rows (with
 * GMarkupParseContext and with the scanner the import uses), the sheet as
 * text, and the whole import into a workbook. With a CSV beside it, checks
 * that both make the same workbook byte for byte.
 *
 *   bench-xlsx WIDE.xlsx [WIDE.csv]
 *
 * Make the files with tools/sc-gen.py wide --partners 4200 --periods 24
 * wide.csv and Gnumeric's `ssconvert wide.csv wide.xlsx`.
 */

#include "config.h"

#include <gsf/gsf.h>
#include <stdio.h>
#include <string.h>

#include "sc-import.h"
#include "sc-import-xlsx.h"
#include "sc-reader-xlsx.h"
#include "sc-workbook-io.h"

typedef double (*Stage) (GBytes *bytes, const char *path);

static guint64 n_cells;

static double
now (void)
{
  return g_get_monotonic_time () / 1e3;
}

static double
stage_unpack (GBytes     *bytes,
              const char *path)
{
  GsfInput *source = gsf_input_memory_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), FALSE);
  GsfInfile *zip = gsf_infile_zip_new (source, NULL);
  const char *names[] = { "xl", "worksheets", "sheet1.xml", NULL };
  GsfInput *part = gsf_infile_child_by_aname (zip, names);
  double t0 = now ();
  gsf_off_t n;

  while ((n = MIN (gsf_input_remaining (part), 65536)) > 0)
    gsf_input_read (part, n, NULL);
  t0 = now () - t0;

  g_object_unref (part);
  g_object_unref (zip);
  g_object_unref (source);
  return t0;
}

static gboolean
count_row_cb (guint64             row,
              const ScSheetCell  *cells,
              guint               n,
              gpointer            user_data,
              GError            **error)
{
  n_cells += n;
  return TRUE;
}

static double
scan_rows (GBytes   *bytes,
           gboolean  use_gmarkup)
{
  g_autoptr(ScReaderXlsx) reader = sc_reader_xlsx_new ("bench.xlsx");
  g_autoptr(GError) error = NULL;
  double t0 = now ();
  gboolean done = FALSE;

  sc_reader_xlsx_set_use_gmarkup (reader, use_gmarkup);
  if (!sc_reader_xlsx_open (reader, bytes, &error) ||
      !sc_reader_xlsx_begin_sheet (reader, 0, count_row_cb, NULL, &error))
    g_error ("%s", error->message);
  while (!done)
    if (!sc_reader_xlsx_read_chunk (reader, &done, NULL, &error))
      g_error ("%s", error->message);

  return now () - t0;
}

static double
stage_rows_gmarkup (GBytes     *bytes,
                    const char *path)
{
  return scan_rows (bytes, TRUE);
}

static double
stage_rows (GBytes     *bytes,
            const char *path)
{
  return scan_rows (bytes, FALSE);
}

static double
stage_text (GBytes     *bytes,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) text = sc_import_open_sheet_text (bytes, "bench.xlsx", NULL, '.', NULL, &error);
  static char buffer[1024 * 1024];
  double t0 = now ();
  gssize n;

  if (text == NULL)
    g_error ("%s", error->message);
  while ((n = g_input_stream_read (text, buffer, sizeof buffer, NULL, &error)) > 0)
    ;
  if (n < 0)
    g_error ("%s", error->message);

  return now () - t0;
}

static GBytes *
import_to_bytes (const char *path,
                 double     *ms)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  double t0 = now ();

  if (!sc_import_add_file (import, file, NULL, &error) || !sc_import_commit (import, book, &error))
    g_error ("%s", error->message);
  *ms = now () - t0;

  return sc_workbook_to_bytes (book);
}

static double
stage_import (GBytes     *bytes,
              const char *path)
{
  double ms;

  g_bytes_unref (import_to_bytes (path, &ms));
  return ms;
}

static void
run (const char *name,
     Stage       stage,
     GBytes     *bytes,
     const char *path)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < 3; i++)
    best = MIN (best, stage (bytes, path));
  printf ("%-34s %8.0f ms\n", name, best);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-xlsx WIDE.xlsx [WIDE.csv]\n");
      return 77; /* skipped as a meson benchmark without data */
    }
  if (!g_file_get_contents (argv[1], &data, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);

  run ("unpack the sheet part", stage_unpack, bytes, argv[1]);
  run ("rows (GMarkupParseContext)", stage_rows_gmarkup, bytes, argv[1]);
  run ("rows (scanner)", stage_rows, bytes, argv[1]);
  run ("sheet as text", stage_text, bytes, argv[1]);
  run ("import (read, validate, commit)", stage_import, bytes, argv[1]);

  if (argc > 2)
    {
      double ms;
      g_autoptr(GBytes) from_xlsx = import_to_bytes (argv[1], &ms);
      g_autoptr(GBytes) from_csv = import_to_bytes (argv[2], &ms);

      printf ("import of the CSV                  %8.0f ms\n", ms);
      printf ("workbooks from the xlsx and the CSV: %s\n",
              g_bytes_equal (from_xlsx, from_csv) ? "identical" : "DIFFERENT");
      return g_bytes_equal (from_xlsx, from_csv) ? 0 : 1;
    }

  return 0;
}
