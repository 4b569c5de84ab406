/* sc-mo-file.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_MO_FILE_ERROR (sc_mo_file_error_quark())

/**
 * ScMoFileError:
 * @SC_MO_FILE_ERROR_INVALID: not a compiled message catalogue, or a damaged one
 *   (the message names what is wrong and where)
 * @SC_MO_FILE_ERROR_TOO_LARGE: larger than any catalogue Scorecards ships
 */
typedef enum
{
  SC_MO_FILE_ERROR_INVALID,
  SC_MO_FILE_ERROR_TOO_LARGE,
} ScMoFileError;

/* A compiled GNU gettext message catalogue (.mo), read without the C
 * library's gettext, so that a report can be written in a language the
 * process's locale is not in.
 */
typedef struct _ScMoFile ScMoFile;

GQuark      sc_mo_file_error_quark  (void);

ScMoFile   *sc_mo_file_new_from_bytes (GBytes      *bytes,
                                       const char  *name,
                                       GError     **error);
ScMoFile   *sc_mo_file_new_for_path (const char  *path,
                                     GError     **error);
void        sc_mo_file_free         (ScMoFile    *self);
guint       sc_mo_file_get_n_messages (ScMoFile  *self);
const char *sc_mo_file_lookup       (ScMoFile    *self,
                                     const char  *context,
                                     const char  *msgid);
const char *sc_mo_file_lookup_plural (ScMoFile   *self,
                                      const char *msgid,
                                      gulong      n);
gulong      sc_mo_file_plural_index (ScMoFile    *self,
                                     gulong       n);
char       *sc_mo_file_dup_header   (ScMoFile    *self,
                                     const char  *field);

/* Exposed for tests: the plural form index for @n by a Plural-Forms
 * expression; FALSE when @expression is not one.
 */
gboolean    sc_mo_plural_eval       (const char  *expression,
                                     gulong       n,
                                     gulong      *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScMoFile, sc_mo_file_free)

G_END_DECLS
