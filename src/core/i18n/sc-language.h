/* sc-language.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_LANGUAGE_ERROR (sc_language_error_quark())

/**
 * ScLanguageError:
 * @SC_LANGUAGE_ERROR_UNKNOWN: no catalogue of that language is installed
 *   (the message lists the languages there are)
 */
typedef enum
{
  SC_LANGUAGE_ERROR_UNKNOWN,
} ScLanguageError;

/* A report language: its message catalogue and its conventions for
 * numbers, percentages, money and dates, independent of the process's
 * locale (the machine may have no locale of that language at all).
 *
 * Languages are loaded once and live as long as the process: a
 * const ScLanguage * can be kept anywhere and shared between threads.
 *
 * Every function taking a language accepts NULL for "the language in use
 * in this thread": the one set with sc_language_use() while a report is
 * laid out or drawn, else the application's own (gettext and the locale,
 * as before report languages existed).
 */
typedef struct _ScLanguage ScLanguage;

GQuark             sc_language_error_quark      (void);

const ScLanguage  *sc_language_get              (const char        *code,
                                                 GError           **error);
GStrv              sc_language_list_available   (void);
char              *sc_language_dup_available_text (void);
char              *sc_language_normalize_code   (const char        *code);
const char        *sc_language_get_code         (const ScLanguage  *self);
const char        *sc_language_get_name         (const ScLanguage  *self);

const ScLanguage  *sc_language_use              (const ScLanguage  *language);
const ScLanguage  *sc_language_get_in_use       (void);

const char        *sc_language_gettext          (const ScLanguage  *language,
                                                 const char        *msgid) G_GNUC_FORMAT (2);
const char        *sc_language_ngettext         (const ScLanguage  *language,
                                                 const char        *msgid,
                                                 const char        *msgid_plural,
                                                 gulong             n) G_GNUC_FORMAT (3);
const char        *sc_language_pgettext         (const ScLanguage  *language,
                                                 const char        *context,
                                                 const char        *msgid) G_GNUC_FORMAT (3);

char              *sc_language_format_number    (const ScLanguage  *language,
                                                 double             value,
                                                 int                decimals);
char              *sc_language_format_with_unit (const ScLanguage  *language,
                                                 double             value,
                                                 int                decimals,
                                                 const char        *unit);
char              *sc_language_attach_unit      (const ScLanguage  *language,
                                                 const char        *number,
                                                 const char        *unit);
char              *sc_language_format_date      (const ScLanguage  *language,
                                                 const GDate       *date,
                                                 const char        *format);
char              *sc_language_format_long_date (const ScLanguage  *language,
                                                 const GDate       *date);
char              *sc_language_format_iso_date  (const ScLanguage  *language,
                                                 const char        *iso);
char              *sc_language_format_month     (const ScLanguage  *language,
                                                 int                year,
                                                 int                month);

/* For tests: where catalogues are looked for (NULL: the environment's
 * SCORECARDS_LOCALEDIR, else the installed locale directory), and
 * forgetting the languages loaded so far.
 */
void               sc_language_set_locale_dir   (const char        *directory);

G_END_DECLS
