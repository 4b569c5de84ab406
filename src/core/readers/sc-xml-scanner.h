/* sc-xml-scanner.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ScXmlScanner ScXmlScanner;

ScXmlScanner *sc_xml_scanner_new  (const GMarkupParser  *parser,
                                   gpointer              user_data);
gboolean      sc_xml_scanner_feed (ScXmlScanner         *self,
                                   const char           *data,
                                   gsize                 length,
                                   GError              **error);
gboolean      sc_xml_scanner_end  (ScXmlScanner         *self,
                                   GError              **error);
void          sc_xml_scanner_set_text_wanted (ScXmlScanner   *self,
                                              const gboolean *wanted);
void          sc_xml_scanner_stop (ScXmlScanner         *self);
void          sc_xml_scanner_free (ScXmlScanner         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScXmlScanner, sc_xml_scanner_free)

G_END_DECLS
