/* sc-logo-chooser.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *sc_logo_chooser_new (GtkWindow *parent);

G_END_DECLS
