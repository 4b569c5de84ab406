/* run-corpus.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a fuzz target over the files of its seed corpus without libFuzzer,
 * so that every ordinary build and CI run checks that no seed (and no
 * crash found earlier and added to the corpus) crashes the code.
 *
 *   run-corpus-TARGET DIR…
 *
 * Every input of the corpus runs whatever its size. libFuzzer itself only
 * makes inputs up to -max_len long; the JSON targets need megabytes to
 * reach the nesting and size limits, so run them with
 *
 *   fuzz-import -max_len=4000000 corpus/csv corpus/json
 *   fuzz-workbook -max_len=4000000 corpus/workbook
 *
 * (fuzz-max-len.h makes that their default). The deep-nesting seeds of
 * corpus/json and corpus/workbook are 100,000 levels deep.
 */

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static guint
run_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (file, &contents, &length, NULL))
        continue;
      LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
      n++;
    }

  return n;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    n += run_dir (argv[i]);

  /* One TAP line: the corpus ran through */
  printf ("1..1\n%s 1 - %u inputs\n", n > 0 ? "ok" : "not ok", n);
  return n > 0 ? 0 : 1;
}
