/* fuzz-max-len.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by the fuzz targets that read JSON. libFuzzer's inputs are no
 * longer than -max_len, by default the largest seed or 4096 bytes: far
 * below the inputs that reach JSON's limits (100,000 levels of nesting are
 * 200–600 KB). Unless a -max_len is given, these targets run with
 * -max_len=4000000. run-corpus.c ignores this.
 */

#pragma once

#include <glib.h>

#define SC_FUZZ_MAX_LEN "-max_len=4000000"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

/* libFuzzer reads its flags from @argv after this returns */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  char **args;

  for (int i = 1; i < *argc; i++)
    if (g_str_has_prefix ((*argv)[i], "-max_len="))
      return 0;

  /* Lives as long as the process, as argv does */
  args = g_new0 (char *, *argc + 2);
  args[0] = (*argv)[0];
  args[1] = (char *) SC_FUZZ_MAX_LEN;
  for (int i = 1; i < *argc; i++)
    args[i + 1] = (*argv)[i];
  *argv = args;
  (*argc)++;
  return 0;
}
