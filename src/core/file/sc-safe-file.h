/* sc-safe-file.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SC_SAFE_FILE_ERROR (sc_safe_file_error_quark())

/**
 * ScSafeFileError:
 * @SC_SAFE_FILE_ERROR_READ_ONLY: the folder (or the file) may not be
 *   written: saving elsewhere is the only way
 * @SC_SAFE_FILE_ERROR_NOT_FOUND: the folder does not exist
 * @SC_SAFE_FILE_ERROR_NOT_LOCAL: the location has no local path
 * @SC_SAFE_FILE_ERROR_IS_DIRECTORY: the target is a folder
 * @SC_SAFE_FILE_ERROR_WRITE: creating, writing, syncing, closing or
 *   renaming the temporary file failed (a full disk, a quota, an I/O
 *   error); the target is as it was
 */
typedef enum
{
  SC_SAFE_FILE_ERROR_READ_ONLY,
  SC_SAFE_FILE_ERROR_NOT_FOUND,
  SC_SAFE_FILE_ERROR_NOT_LOCAL,
  SC_SAFE_FILE_ERROR_IS_DIRECTORY,
  SC_SAFE_FILE_ERROR_WRITE,
} ScSafeFileError;

/**
 * ScSafeFileFlags:
 * @SC_SAFE_FILE_NONE: a new file gets the usual permissions (0666 less the umask)
 * @SC_SAFE_FILE_PRIVATE: a new file is readable by its owner only
 */
typedef enum
{
  SC_SAFE_FILE_NONE    = 0,
  SC_SAFE_FILE_PRIVATE = 1 << 0,
} ScSafeFileFlags;

/* The infix of the temporary files: ".NAME.sc-tmp-XXXXXX" */
#define SC_SAFE_FILE_TEMP_INFIX ".sc-tmp-"

typedef struct _ScSafeFile ScSafeFile;

GQuark      sc_safe_file_error_quark      (void);

ScSafeFile *sc_safe_file_new              (const char       *path,
                                           ScSafeFileFlags   flags,
                                           GError          **error);
ScSafeFile *sc_safe_file_new_for_file     (GFile            *file,
                                           ScSafeFileFlags   flags,
                                           GError          **error);
void        sc_safe_file_free             (ScSafeFile       *self);
const char *sc_safe_file_get_display_name (ScSafeFile       *self);
const char *sc_safe_file_get_temp_path    (ScSafeFile       *self);
gboolean    sc_safe_file_write            (ScSafeFile       *self,
                                           const void       *data,
                                           gsize             length,
                                           GError          **error);
gboolean    sc_safe_file_finish           (ScSafeFile       *self,
                                           GError          **error);
gboolean    sc_safe_file_commit           (ScSafeFile       *self,
                                           GError          **error);

gboolean    sc_safe_file_replace_contents (GFile            *file,
                                           const void       *data,
                                           gsize             length,
                                           ScSafeFileFlags   flags,
                                           GError          **error);
gboolean    sc_safe_file_set_contents     (const char       *path,
                                           const void       *data,
                                           gsize             length,
                                           ScSafeFileFlags   flags,
                                           GError          **error);
guint       sc_safe_file_remove_strays    (const char       *directory);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSafeFile, sc_safe_file_free)

G_END_DECLS
