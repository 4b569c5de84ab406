/* sc-language-row.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A combo row choosing a report language: a first entry for the default
 * (the partner's language in the export dialog, the application's on a
 * partner's page), then every language with a catalogue, by its own name
 * ("Deutsch", "Français"), as a customer would recognise it.
 */

#define G_LOG_DOMAIN "sc-language-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-language-row.h"
#include "sc-language.h"

#define CODES_KEY "sc-language-row-codes"

/* Fills @row with @default_label and the available languages. */
void
sc_language_row_setup (AdwComboRow *row,
                       const char  *default_label)
{
  g_auto(GStrv) codes = sc_language_list_available ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  gtk_string_list_append (model, default_label);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (model, sc_language_get_name (sc_language_get (codes[i], NULL)));
  g_object_set_data_full (G_OBJECT (row), CODES_KEY, g_steal_pointer (&codes), (GDestroyNotify) g_strfreev);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, 0);
}

/* The chosen language's code, NULL for the default entry. */
const char *
sc_language_row_get_code (AdwComboRow *row)
{
  GStrv codes = g_object_get_data (G_OBJECT (row), CODES_KEY);
  guint selected = adw_combo_row_get_selected (row);

  if (codes == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length (codes))
    return NULL;
  return codes[selected - 1];
}

/* Chooses @code (NULL or "": the default entry); FALSE when the language
 * has no catalogue here, and the default entry is chosen.
 */
gboolean
sc_language_row_set_code (AdwComboRow *row,
                          const char  *code)
{
  GStrv codes = g_object_get_data (G_OBJECT (row), CODES_KEY);

  for (guint i = 0; codes != NULL && code != NULL && codes[i] != NULL; i++)
    {
      if (g_str_equal (codes[i], code))
        {
          adw_combo_row_set_selected (row, i + 1);
          return TRUE;
        }
    }
  adw_combo_row_set_selected (row, 0);
  return code == NULL || code[0] == '\0';
}
