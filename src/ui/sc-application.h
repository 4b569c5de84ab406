/* sc-application.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_APPLICATION (sc_application_get_type())

G_DECLARE_FINAL_TYPE (ScApplication, sc_application, SC, APPLICATION, AdwApplication)

void           sc_application_choose_renderer (void);
ScApplication *sc_application_new          (void);
GSettings     *sc_application_get_settings (ScApplication *self);

G_END_DECLS
