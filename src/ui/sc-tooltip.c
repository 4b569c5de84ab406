/* sc-tooltip.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tooltips for widgets that are filled again and again (list rows, the
 * scorecard's cards). gtk_widget_set_tooltip_text() asks the display where
 * the pointer is each time it is called on a visible widget — on X11 a
 * round trip to the server, which made up a sixth of the time of switching
 * partner. Here the text is kept with the widget and handed to GTK only
 * when a tooltip is about to be shown.
 */

#include "config.h"

#include "sc-tooltip.h"

#define TOOLTIP_KEY "sc-tooltip-text"

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * sc_tooltip_set_text:
 * @widget: a widget
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * Like gtk_widget_set_tooltip_text(), without asking the display where the
 * pointer is: a tooltip already on screen keeps its text until it is shown
 * again.
 */
void
sc_tooltip_set_text (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY) == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
      gtk_widget_set_has_tooltip (widget, TRUE);
    }

  /* An empty string keeps the handler connected and shows nothing */
  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text ? text : ""), g_free);
}

/* The text sc_tooltip_set_text() gave @widget, %NULL if none. */
const char *
sc_tooltip_get_text (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);
  return text && *text ? text : NULL;
}
