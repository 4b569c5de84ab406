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

#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#define NOBODY 65534

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

/* In the child, between fork and exec: only async-signal-safe calls */
static void
apply_limits (gpointer data)
{
  const CliLimits *limits = data;

  if (limits->max_file_size > 0)
    {
      struct rlimit limit = { limits->max_file_size, limits->max_file_size };

      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        _exit (125);
    }
  if (limits->as_nobody &&
      (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
    _exit (125);
}

static CliRun *
run_limited (const char * const *args,
             const char * const *env,
             const CliLimits    *limits)
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
  if (limits != NULL)
    g_subprocess_launcher_set_child_setup (launcher, apply_limits, (gpointer) limits, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_assert_cmpint (run->status, !=, 125);

  g_test_message ("exit status %d\nstderr: %s", run->status, run->err);
  return run;
}

/* Runs scorecards with @args (NULL-terminated), and @env as NAME=VALUE
 * pairs (NULL-terminated, may be NULL) added to the environment.
 */
CliRun *
sc_test_cli_runv (const char * const *args,
                  const char * const *env)
{
  return run_limited (args, env, NULL);
}

static GPtrArray *
collect_args (const char *first_arg,
              va_list     ap)
{
  GPtrArray *args = g_ptr_array_new ();

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);
  return args;
}

/* Runs scorecards with the arguments up to NULL. */
CliRun *
sc_test_cli_run (const char *first_arg,
                 ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap);
  va_end (ap);

  return run_limited ((const char * const *) args->pdata, NULL, NULL);
}

/* The same within @limits. */
CliRun *
sc_test_cli_run_limited (const CliLimits *limits,
                         const char      *first_arg,
                         ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap);
  va_end (ap);

  return run_limited ((const char * const *) args->pdata, NULL, limits);
}
