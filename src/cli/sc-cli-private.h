/* sc-cli-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-cli.h"
#include "sc-rollup.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

ScWorkbook *sc_cli_open_book   (const char  *path,
                                const char  *recipe,
                                GError     **error);
ScRecipe   *sc_cli_load_recipe (const char  *path,
                                GError     **error);
int         sc_cli_recipe      (int          argc,
                                char       **argv);
int         sc_cli_import      (int          argc,
                                char       **argv);
ScPartner  *sc_cli_find_partner (ScWorkbook *book,
                                 const char *query,
                                 GQuark      domain,
                                 int         code,
                                 GError    **error);
void        sc_cli_usage_error (const char  *command,
                                const char  *message);
gboolean    sc_cli_parse_view  (ScWorkbook  *book,
                                const char  *command,
                                const char  *str,
                                ScRollup    *rollup);
int         sc_cli_chart       (int          argc,
                                char       **argv);
int         sc_cli_copy        (int          argc,
                                char       **argv);
int         sc_cli_export      (int          argc,
                                char       **argv);
int         sc_cli_issues      (int          argc,
                                char       **argv);
int         sc_cli_report      (int          argc,
                                char       **argv);
int         sc_cli_review      (int          argc,
                                char       **argv);
int         sc_cli_reviews     (int          argc,
                                char       **argv);
int         sc_cli_summary     (int          argc,
                                char       **argv);
int         sc_cli_whatif      (int          argc,
                                char       **argv);

G_END_DECLS
