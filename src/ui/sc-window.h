/* sc-window.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-application.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_TYPE_WINDOW (sc_window_get_type())

G_DECLARE_FINAL_TYPE (ScWindow, sc_window, SC, WINDOW, AdwApplicationWindow)

ScWindow   *sc_window_new          (ScApplication *application);
ScWorkbook *sc_window_get_workbook (ScWindow      *self);
GFile      *sc_window_get_file     (ScWindow      *self);
void        sc_window_cancel_loading (ScWindow    *self);
void        sc_window_open_file    (ScWindow      *self,
                                    GFile         *file);
void        sc_window_import_file  (ScWindow      *self,
                                    GFile         *file);
void        sc_window_import_files (ScWindow      *self,
                                    GFile        **files,
                                    guint          n_files);
void        sc_window_open_or_import (ScWindow    *self,
                                    GFile         *file);

G_END_DECLS
