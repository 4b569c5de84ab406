/* sc-test-cli.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a run of the scorecards binary printed and how it exited. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

/* What a run may not do: write a file past @max_file_size bytes (0: no
 * limit; RLIMIT_FSIZE with SIGXFSZ ignored, so writes fail as on a full
 * disk) or anything root may (@as_nobody: run as the user nobody).
 */
typedef struct
{
  gsize    max_file_size;
  gboolean as_nobody;
} CliLimits;

void    cli_run_free        (CliRun             *run);
CliRun *sc_test_cli_runv    (const char * const *args,
                             const char * const *env);
CliRun *sc_test_cli_run     (const char         *first_arg,
                             ...) G_GNUC_NULL_TERMINATED;
CliRun *sc_test_cli_run_limited (const CliLimits *limits,
                                 const char      *first_arg,
                                 ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

G_END_DECLS
