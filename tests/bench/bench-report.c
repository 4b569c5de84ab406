/* bench-report.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long a batch of partner reports takes: imports a long CSV (by
 * default 100 partners × 24 months from tools/sc-gen.py), then lays out
 * and writes one PDF of every partner, several times, and prints the
 * median of each phase. When Debian's python3-matplotlib is installed it
 * also runs the anchor (shared/anchors/matplotlib_report.py) on the same
 * file, once, and prints the ratio. docs/performance.md has figures.
 *
 *   bench-report [CSV [RUNS [ANCHOR.py]]]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "sc-report.h"

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-report-XXXXXX", NULL);
  g_autofree char *csv = argc > 1 ? g_strdup (argv[1]) : bench_generate_csv (dir);
  guint runs = argc > 2 ? (guint) MAX (1, atoi (argv[2])) : 5;
  g_autofree char *anchor = argc > 3 ? g_strdup (argv[3]) : bench_default_anchor ();
  g_autofree char *out = g_build_filename (dir, "report.pdf", NULL);
  g_autofree double *t_import = g_new (double, runs);
  g_autofree double *t_layout = g_new (double, runs);
  g_autofree double *t_write = g_new (double, runs);
  g_autofree double *t_total = g_new (double, runs);
  guint n_pages = 0, n_partners = 0;
  double anchor_s, ours;

  g_setenv ("SOURCE_DATE_EPOCH", "1767139200", TRUE);
  for (guint i = 0; i < runs; i++)
    {
      gint64 t0 = g_get_monotonic_time (), t1, t2, t3;
      g_autoptr(ScWorkbook) book = bench_import_csv (csv);
      g_autoptr(ScReportOptions) options = NULL;
      g_autoptr(ScReport) report = NULL;
      g_autoptr(GError) error = NULL;

      t1 = g_get_monotonic_time ();
      options = sc_report_options_new (book);
      report = sc_report_new (book, options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      t2 = g_get_monotonic_time ();
      if (!sc_report_write (report, SC_REPORT_FORMAT_PDF, out, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      t3 = g_get_monotonic_time ();
      n_pages = sc_report_get_n_pages (report);
      n_partners = sc_report_get_n_partners (report);
      t_import[i] = (t1 - t0) / 1e6;
      t_layout[i] = (t2 - t1) / 1e6;
      t_write[i] = (t3 - t2) / 1e6;
      t_total[i] = (t3 - t0) / 1e6;
    }
  ours = bench_median (t_total, runs);
  g_print ("report batch: %u partners, %u pages, one PDF, median of %u runs\n", n_partners, n_pages, runs);
  g_print ("  import CSV   %6.3f s\n", bench_median (t_import, runs));
  g_print ("  layout       %6.3f s\n", bench_median (t_layout, runs));
  g_print ("  write PDF    %6.3f s\n", bench_median (t_write, runs));
  g_print ("  total        %6.3f s   %.1f ms per partner\n", ours, ours * 1000 / MAX (1, n_partners));

  anchor_s = g_getenv ("BENCH_REPORT_NO_ANCHOR") ? -1 : bench_run_anchor (anchor, csv, dir);
  if (anchor_s > 0)
    g_print ("  anchor       %6.3f s   matplotlib_report.py, 100 one-page reports: ratio %.3f (target <= 0.05)\n",
             anchor_s, ours / anchor_s);
  else
    g_print ("  anchor       not run (needs /usr/bin/python3 with pandas and matplotlib)\n");
  return 0;
}
