/* sc-i18n.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Translation in the report language. Include this instead of
 * <glib/gi18n-lib.h> in code that draws or words anything a report shows
 * (src/render/report, the charts a report uses, and the core functions
 * they call: period and roll-up labels, KPI values, statuses, issues):
 * its _() and C_() then translate into the language set with
 * sc_language_use() for the thread, and fall back to the application's
 * language (gettext, as <glib/gi18n-lib.h> does) when none is set.
 *
 * For plurals, and to name a language explicitly, use
 *   L_ (language, "text")                        sc_language_gettext
 *   LN_ (language, "one", "many", n)             sc_language_ngettext
 *   LC_ (language, "context", "text")            sc_language_pgettext
 * with language NULL for the one in use. xgettext extracts all three
 * (po/meson.build gives it the keywords).
 */

#pragma once

#include <glib/gi18n-lib.h>

#include "sc-language.h"

#undef _
#define _(String) sc_language_gettext (NULL, (String))
#undef C_
#define C_(Context, String) sc_language_pgettext (NULL, (Context), (String))

#define L_(Language, String) sc_language_gettext ((Language), (String))
#define LN_(Language, String, Plural, N) sc_language_ngettext ((Language), (String), (Plural), (N))
#define LC_(Language, Context, String) sc_language_pgettext ((Language), (Context), (String))
