/* bench-import.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import speed (docs/performance.md, "Import"): a long CSV of 3,500
 * partners × 12 KPIs × 24 months (1,008,000 rows, the format of
 * tools/sc-gen.py long) read, validated, committed into a new workbook and
 * saved. Times each stage; the best of three runs.
 *
 *   bench-import [FILE.csv]     (default: generates the file in /tmp)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "sc-import.h"
#include "sc-workbook-io.h"

static const char *kpis[] = {
  "on_time_delivery_pct", "otif_pct", "ppm_defects", "scrap_rate_pct",
  "cost_of_poor_quality_eur", "rework_cost_eur", "complaints_count", "returns_rate_pct",
  "audit_findings_count", "csat_score", "response_time_days", "lead_time_days",
};

static char *
generate (void)
{
  g_autoptr(GString) csv = g_string_new ("partner,partner_type,kpi,period,value\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "bench-import.csv", NULL);

  for (guint p = 0; p < 3500; p++)
    for (guint k = 0; k < G_N_ELEMENTS (kpis); k++)
      for (guint m = 0; m < 24; m++)
        g_string_append_printf (csv, "\"Partner %u, Ltd\",%s,%s,%04u-%02u,%.1f\n", p,
                                p % 5 == 4 ? "customer" : "supplier", kpis[k],
                                2024 + m / 12, m % 12 + 1, g_rand_double_range (rand, 0, 100));

  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    g_error ("%s", error->message);

  return path;
}

static double
run_once (const char *path,
          gboolean    verbose)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out_path = g_build_filename (g_get_tmp_dir (), "bench-import.scorecard", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  gint64 t0, t1, t2, t3, t4;

  t0 = g_get_monotonic_time ();
  if (!sc_import_add_file (import, file, NULL, &error))
    g_error ("%s", error->message);
  t1 = g_get_monotonic_time ();
  if (!sc_import_validate (import, &error))
    g_error ("%s", error->message);
  t2 = g_get_monotonic_time ();
  if (!sc_import_commit (import, book, &error))
    g_error ("%s", error->message);
  t3 = g_get_monotonic_time ();
  if (!sc_workbook_save_to_file (book, out, NULL, &error))
    g_error ("%s", error->message);
  t4 = g_get_monotonic_time ();

  if (verbose)
    printf ("rows %" G_GUINT64_FORMAT ", values %" G_GUINT64_FORMAT
            ": read %.0f ms, validate %.0f ms, commit %.0f ms, save %.0f ms, total %.0f ms\n",
            sc_import_get_n_rows (import), sc_import_get_n_values (import),
            (t1 - t0) / 1e3, (t2 - t1) / 1e3, (t3 - t2) / 1e3, (t4 - t3) / 1e3, (t4 - t0) / 1e3);
  g_unlink (out_path);

  return (t4 - t0) / 1e3;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *generated = NULL;
  const char *path = argc > 1 ? argv[1] : NULL;
  double best = G_MAXDOUBLE;

  if (path == NULL)
    path = generated = generate ();

  for (guint i = 0; i < 3; i++)
    {
      double ms = run_once (path, TRUE);

      best = MIN (best, ms);
    }
  printf ("best of 3: %.0f ms\n", best);

  if (generated != NULL)
    g_unlink (generated);

  return 0;
}
