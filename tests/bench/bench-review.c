/* bench-review.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 100-partner batch of review packs (docs/performance.md, "Review
 * packs"): imports the 100-partner long CSV of the report benchmark, then
 * for every partner makes a review, freezes it and writes its pack, one
 * PDF each; the matplotlib anchor once, as bench-report does.
 *
 *   build/tests/bench/bench-review [p100.csv] [runs] [anchor.py]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "sc-report-review.h"
#include "sc-review-edit.h"

/* Makes, freezes and writes the pack of every partner's review; the
 * number of pages written.
 */
static guint
write_packs (ScWorkbook *book,
             const char *dir,
             double     *t_freeze,
             double     *t_packs)
{
  GListModel *partners = sc_workbook_get_partners (book);
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  ScRollup view = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };
  g_autoptr(GPtrArray) reviews = g_ptr_array_new ();
  gint64 t0 = g_get_monotonic_time (), t1;
  guint n_pages = 0;

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(ScReview) review = sc_review_create (book, partner, "2025-12-15", &view);

      sc_review_edit_add (NULL, book, review);
      g_ptr_array_add (reviews, review);
    }
  {
    g_autoptr(GError) error = NULL;

    if (!sc_review_freeze_all (book, reviews, &error))
      g_error ("%s", error->message);
  }
  t1 = g_get_monotonic_time ();
  if (g_getenv ("BENCH_REVIEW_SERIAL") != NULL)
    for (guint i = 0; i < reviews->len; i++)
      {
        g_autofree char *name = g_strdup_printf ("pack-%03u.pdf", i);
        g_autofree char *out = g_build_filename (dir, name, NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(ScReport) report = sc_report_review_new (book, g_ptr_array_index (reviews, i), options, &error);

        if (report == NULL || !sc_report_write (report, SC_REPORT_FORMAT_PDF, out, NULL, NULL, NULL, &error))
          g_error ("%s", error->message);
        n_pages += sc_report_get_n_pages (report);
        g_unlink (out);
      }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) paths = sc_report_review_export_batch (book, reviews, options, dir, &error);

      if (paths == NULL)
        g_error ("%s", error->message);
      for (guint i = 0; i < paths->len; i++)
        g_unlink (g_ptr_array_index (paths, i));
    }
  *t_freeze = (t1 - t0) / 1e6;
  *t_packs = (g_get_monotonic_time () - t1) / 1e6;
  return n_pages;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-review-XXXXXX", NULL);
  g_autofree char *csv = argc > 1 ? g_strdup (argv[1]) : bench_generate_csv (dir);
  guint runs = argc > 2 ? (guint) MAX (1, atoi (argv[2])) : 5;
  g_autofree char *anchor = argc > 3 ? g_strdup (argv[3]) : bench_default_anchor ();
  g_autofree double *t_import = g_new (double, runs);
  g_autofree double *t_freeze = g_new (double, runs);
  g_autofree double *t_packs = g_new (double, runs);
  g_autofree double *t_total = g_new (double, runs);
  guint n_pages = 0, n_partners = 0;
  double anchor_s, ours;

  g_setenv ("SOURCE_DATE_EPOCH", "1767139200", TRUE);
  for (guint i = 0; i < runs; i++)
    {
      gint64 t0 = g_get_monotonic_time (), t1;
      g_autoptr(ScWorkbook) book = bench_import_csv (csv);

      t1 = g_get_monotonic_time ();
      n_partners = g_list_model_get_n_items (sc_workbook_get_partners (book));
      n_pages = write_packs (book, dir, &t_freeze[i], &t_packs[i]);
      t_import[i] = (t1 - t0) / 1e6;
      t_total[i] = (g_get_monotonic_time () - t0) / 1e6;
    }
  ours = bench_median (t_total, runs);
  g_print ("review packs: %u partners, one PDF each (%s), median of %u runs\n", n_partners,
           n_pages ? "serial" : "a worker per core", runs);
  if (n_pages)
    g_print ("  pages          %u\n", n_pages);
  g_print ("  import CSV     %6.3f s\n", bench_median (t_import, runs));
  g_print ("  make + freeze  %6.3f s\n", bench_median (t_freeze, runs));
  g_print ("  packs          %6.3f s\n", bench_median (t_packs, runs));
  g_print ("  total          %6.3f s   %.1f ms per partner\n", ours, ours * 1000 / MAX (1, n_partners));

  anchor_s = g_getenv ("BENCH_REPORT_NO_ANCHOR") ? -1 : bench_run_anchor (anchor, csv, dir);
  if (anchor_s > 0)
    g_print ("  anchor         %6.3f s   matplotlib_report.py, 100 one-page reports: ratio %.3f (target <= 0.05)\n",
             anchor_s, ours / anchor_s);
  else
    g_print ("  anchor         not run (needs /usr/bin/python3 with pandas and matplotlib)\n");
  g_rmdir (dir);
  return 0;
}
