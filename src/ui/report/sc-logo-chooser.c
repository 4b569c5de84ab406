/* sc-logo-chooser.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file chooser for the company logo of reports, the same in the
 * preferences and in the export dialog: PNG only, which is what the report
 * engine draws (cairo_image_surface_create_from_png).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-logo-chooser.h"

/* A modal chooser for a PNG logo; the caller connects "response" and shows it. */
GtkFileChooserNative *
sc_logo_chooser_new (GtkWindow *parent)
{
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (images, _("PNG Images"));
  gtk_file_filter_add_mime_type (images, "image/png");
  gtk_file_filter_add_suffix (images, "png");

  chooser = gtk_file_chooser_native_new (_("Choose a Logo"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);

  return chooser;
}
