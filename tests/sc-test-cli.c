/* sc-test-cli.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built scorecards binary for the command-line tests, the way a
 * user's shell would but with no display (DISPLAY and WAYLAND_DISPLAY
 * unset) and a fixed locale.
 */

#include "config.h"

#include "sc-test-cli.h"

void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

static const char *
binary_path (void)
{
  const char *path = g_getenv ("SCORECARDS_BIN");

  if (path == NULL)
    path = g_test_get_filename (G_TEST_BUILT, "..", "src", "scorecards", NULL);
  return path;
}

/* Runs scorecards with @args (NULL-terminated), and @env as NAME=VALUE
 * pairs (NULL-terminated, may be NULL) added to the environment.
 */
CliRun *
sc_test_cli_runv (const char * const *args,
                  const char * const *env)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CliRun *run = g_new0 (CliRun, 1);

  g_ptr_array_add (argv, (char *) binary_path ());
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  for (guint i = 0; env && env[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1] ? pair[1] : "", TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  g_test_message ("exit status %d\nstderr: %s", run->status, run->err);
  return run;
}

/* Runs scorecards with the arguments up to NULL. */
CliRun *
sc_test_cli_run (const char *first_arg,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return sc_test_cli_runv ((const char * const *) args->pdata, NULL);
}
