/* main.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Entry point: a subcommand goes to the command line without touching GTK,
 * anything else opens the application.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sc-application.h"
#include "sc-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ScApplication) app = NULL;
  const char *localedir = g_getenv ("SCORECARDS_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Run from the build (build-aux/run.sh), the catalogues are there */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (sc_cli_handles (argc, argv))
    return sc_cli_run (argc, argv);

  sc_application_choose_renderer ();
  app = sc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
