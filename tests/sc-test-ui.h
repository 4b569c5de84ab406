/* sc-test-ui.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sc_test_ui_init         (int         *argc,
                              char      ***argv);
void sc_test_settle          (void);
void sc_test_save_screenshot (GtkWidget  *widget,
                              const char *name);

G_END_DECLS
