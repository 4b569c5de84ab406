/* test-window-export.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export as Excel…" in the window under Xvfb: the header bar's export
 * menu, the file chooser, then the workbook written with its four sheets.
 *
 * A test of its own, apart from test-window.c, because showing GTK's file
 * chooser pushes GLib past 2,048 quarks, and GLib then drops its first
 * quark table on purpose (16 KB, allocated while libglib was loaded), and
 * libcloudproviders 0.3.1 leaks a path per system data folder. The
 * sanitizer build can only name those two in build-aux/lsan.supp with the
 * slow unwinder (tests/meson.build), too slow for all of test-window.c;
 * see docs/reliability.md.
 */

#include "config.h"

#include "sc-test-ui.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sc-reader-xlsx.h"
#include "sc-window.h"
#include "sc-window-private.h"

/* "Export as Excel…" once a file is chosen: the window waits, then the
 * workbook holds the four sheets.
 */
static gboolean
export_done (ScWindow *window)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (window->main_stack));
}

static void
test_export_excel (void)
{
  g_autofree char *path = sc_test_sample_path ();
  ScWindow *window = sc_test_open_window (path);
  g_autofree char *dir = g_dir_make_tmp ("test-window-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "contoso.xlsx", NULL);
  g_autoptr(ScReaderXlsx) reader = sc_reader_xlsx_new (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;

  sc_test_wait_until (sc_test_has_workbook, window);
  /* the header bar's export button has it in its menu */
  {
    GtkWidget *button = sc_test_find_widget_named (GTK_WIDGET (window), "export_button");

    g_assert_true (ADW_IS_SPLIT_BUTTON (button));
    adw_split_button_popup (ADW_SPLIT_BUTTON (button));
    sc_test_settle ();
    sc_test_save_screenshot (GTK_WIDGET (adw_split_button_get_popover (ADW_SPLIT_BUTTON (button))),
                             "export-menu.png");
    adw_split_button_popdown (ADW_SPLIT_BUTTON (button));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-excel", NULL));
  g_assert_nonnull (window->chooser);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (window->chooser));
  g_clear_object (&window->chooser);

  _sc_window_export_excel (window, out);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->main_stack)));
  sc_test_wait_until (export_done, window);
  mapped = g_mapped_file_new (out, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  g_assert_true (sc_reader_xlsx_open (reader, bytes, &error));
  g_assert_cmpuint (sc_reader_xlsx_get_n_sheets (reader), ==, 4);
  g_assert_cmpstr (sc_reader_xlsx_get_sheet_name (reader, 1), ==, "Scorecard");
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (out);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recovery_home = NULL;

  /* Recovery files go to a directory of the test's own */
  recovery_home = g_dir_make_tmp ("sc-test-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", recovery_home, TRUE);

  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/window/export-excel", test_export_excel);

  return g_test_run ();
}
