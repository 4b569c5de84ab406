/* sc-test-ui.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-import-assistant.h"
#include "sc-window.h"

G_BEGIN_DECLS

void sc_test_ui_init         (int         *argc,
                              char      ***argv);
void sc_test_settle          (void);
void sc_test_save_screenshot (GtkWidget  *widget,
                              const char *name);
void sc_test_wait_for_import_step (ScImportAssistant *assistant,
                                   const char        *step);
void sc_test_import_through       (ScImportAssistant *assistant);

char      *sc_test_sample_path       (void);
void       sc_test_wait_until        (gboolean  (*done) (ScWindow *),
                                      ScWindow   *window);
gboolean   sc_test_has_workbook      (ScWindow   *window);
ScWindow  *sc_test_open_window       (const char *path);
GtkWidget *sc_test_find_widget_named (GtkWidget  *widget,
                                      const char *name);

G_END_DECLS
