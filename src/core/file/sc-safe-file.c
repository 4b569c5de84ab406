/* sc-safe-file.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way Scorecards writes a file the user sees: workbooks, the
 * recovery copy, PDF/PNG/SVG exports, the issue CSV. The bytes go to a
 * temporary file ".NAME.sc-tmp-XXXXXX" beside the target, every write and
 * the close are checked, the data is synced, and only then is it renamed
 * over the target. On any failure the temporary file is removed and the
 * target is exactly as it was (or still absent). A crash leaves at most a
 * temporary file, which the next successful save into that folder removes.
 *
 * GIO's g_file_replace() is not used: when a write fails, dropping its
 * stream closes it, and the close renames the partial file over the target.
 */

#define G_LOG_DOMAIN "sc-safe-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-safe-file.h"

#define BUFFER_SIZE (64 * 1024)
/* A temporary file nobody holds locked is a crash's leftover; where locks
 * do not work, one this old is
 */
#define STRAY_AGE_SECONDS (10 * 60)
/* Room left for ".", the infix and "XXXXXX" within NAME_MAX */
#define MAX_BASENAME 200

struct _ScSafeFile
{
  char    *path;          /* the file replaced: symbolic links followed */
  char    *display_name;  /* the file as the user named it, for messages */
  char    *directory;
  char    *temp_path;     /* NULL when writing straight to a device or pipe */
  int      fd;
  guint8  *buffer;
  gsize    buffered;
  GError  *error;         /* the first failure: later calls fail with it */
  gboolean existed;
  gboolean finished;
  gboolean committed;
};

G_DEFINE_QUARK (sc-safe-file-error-quark, sc_safe_file_error)

/* Errors */

static void
set_write_error (ScSafeFile *self,
                 int         saved_errno)
{
  if (self->error != NULL)
    return;
  if (self->existed)
    /* Translators: "FILE: could not write: No space left on device (…)" */
    self->error = g_error_new (SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_WRITE,
                               _("%s: could not write: %s (the file on disk is unchanged)"),
                               self->display_name, g_strerror (saved_errno));
  else
    self->error = g_error_new (SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_WRITE,
                               _("%s: could not write: %s (no file was created)"),
                               self->display_name, g_strerror (saved_errno));
}

static gboolean
propagate_failure (ScSafeFile  *self,
                   GError     **error)
{
  if (error != NULL)
    *error = g_error_copy (self->error);
  return FALSE;
}

static void
set_create_error (ScSafeFile  *self,
                  int          saved_errno,
                  GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (self->directory, NULL);
  g_autofree char *folder = g_filename_display_name (absolute);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_READ_ONLY,
                   _("%s: cannot save safely: the folder “%s” is read-only — choose Save As"),
                   self->display_name, folder);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_NOT_FOUND,
                   _("%s: cannot save: the folder “%s” does not exist"),
                   self->display_name, folder);
      break;
    default:
      g_set_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_WRITE,
                   _("%s: cannot save: no temporary file could be made in “%s”: %s"),
                   self->display_name, folder, g_strerror (saved_errno));
      break;
    }
}

/* Stray temporary files */

static gboolean
is_temp_name (const char *name)
{
  const char *infix;

  if (name[0] != '.')
    return FALSE;
  infix = g_strrstr (name, SC_SAFE_FILE_TEMP_INFIX);
  return infix != NULL && infix > name + 1 &&
         strlen (infix + strlen (SC_SAFE_FILE_TEMP_INFIX)) == 6;
}

/* A temporary file is being written while its writer holds it locked;
 * the lock goes with the process, so a crash's leftover is unlocked.
 */
static gboolean
is_stray (int          dir_fd,
          const char  *name)
{
  struct stat st;
  gboolean stray = FALSE;
  int fd;

  fd = openat (dir_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    {
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        stray = TRUE;
      else if (errno != EWOULDBLOCK)
        stray = (g_get_real_time () / G_USEC_PER_SEC) - st.st_mtime > STRAY_AGE_SECONDS;
    }
  /* Unlinked before the lock goes: a writer that locks it afterwards sees
   * that its name is gone and starts again
   */
  if (stray && unlinkat (dir_fd, name, 0) != 0)
    stray = FALSE;
  close (fd);
  return stray;
}

/* Removes the temporary files that earlier crashes left in @directory,
 * leaving those that are being written. Returns how many went.
 */
guint
sc_safe_file_remove_strays (const char *directory)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;
  int dir_fd;

  g_return_val_if_fail (directory != NULL, 0);

  if ((dir = g_dir_open (directory, 0, NULL)) == NULL)
    return 0;
  if ((dir_fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_temp_name (name) && is_stray (dir_fd, name))
      {
        g_debug ("Removed %s/%s, left by an earlier save", directory, name);
        n++;
      }
  close (dir_fd);
  return n;
}

/* Opening */

/* The file that will be replaced: a symbolic link's target, so that the
 * link stays a link.
 */
static char *
resolve_path (const char *path)
{
  struct stat st;
  char *resolved;

  if (lstat (path, &st) == 0 && S_ISLNK (st.st_mode) &&
      (resolved = realpath (path, NULL)) != NULL)
    {
      char *copy = g_strdup (resolved);

      free (resolved);
      return copy;
    }
  return g_strdup (path);
}

static gboolean
open_temp (ScSafeFile       *self,
           int               mode,
           GError          **error)
{
  g_autofree char *base = g_path_get_basename (self->path);

  if (strlen (base) > MAX_BASENAME)
    base[MAX_BASENAME] = '\0';

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s" SC_SAFE_FILE_TEMP_INFIX "XXXXXX", base);
      struct stat mine, named;

      g_free (self->temp_path);
      self->temp_path = g_build_filename (self->directory, name, NULL);
      self->fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, mode);
      if (self->fd < 0)
        {
          int saved = errno;

          g_clear_pointer (&self->temp_path, g_free);
          set_create_error (self, saved, error);
          return FALSE;
        }
      /* Another save's clean-up may have taken it for a stray between its
       * creation and the lock: then its name is gone
       */
      if (flock (self->fd, LOCK_EX) != 0 ||
          (fstat (self->fd, &mine) == 0 && stat (self->temp_path, &named) == 0 &&
           mine.st_dev == named.st_dev && mine.st_ino == named.st_ino))
        return TRUE;
      close (self->fd);
      self->fd = -1;
    }

  set_create_error (self, EEXIST, error);
  return FALSE;
}

/* Opens the temporary file for @path (in the GLib file name encoding).
 * The target is not touched until sc_safe_file_commit(); freeing the
 * ScSafeFile without committing removes the temporary file.
 */
ScSafeFile *
sc_safe_file_new (const char       *path,
                  ScSafeFileFlags   flags,
                  GError          **error)
{
  g_autoptr(ScSafeFile) self = g_new0 (ScSafeFile, 1);
  int mode = (flags & SC_SAFE_FILE_PRIVATE) ? 0600 : 0666;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  self->fd = -1;
  self->display_name = g_filename_display_name (path);
  self->path = resolve_path (path);
  self->directory = g_path_get_dirname (self->path);

  if (stat (self->path, &st) == 0)
    {
      self->existed = TRUE;
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_IS_DIRECTORY,
                       _("%s: cannot save: it is a folder"), self->display_name);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          /* A device or a pipe (-o /dev/stdout): nothing to replace */
          if ((self->fd = open (self->path, O_WRONLY | O_CLOEXEC)) < 0)
            {
              set_write_error (self, errno);
              propagate_failure (self, error);
              return NULL;
            }
          self->buffer = g_malloc (BUFFER_SIZE);
          return g_steal_pointer (&self);
        }
      if (access (self->path, W_OK) != 0 && errno == EACCES)
        {
          g_set_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_READ_ONLY,
                       _("%s: cannot save: the file is read-only — choose Save As"),
                       self->display_name);
          return NULL;
        }
    }

  if (!open_temp (self, mode, error))
    return NULL;
  if (self->existed)
    {
      /* The new file keeps the old one's permissions and, where we may, its owner */
      if (fchmod (self->fd, (flags & SC_SAFE_FILE_PRIVATE) ? 0600 : st.st_mode & 07777) != 0)
        g_debug ("%s: could not keep the permissions: %s", self->display_name, g_strerror (errno));
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) &&
          fchown (self->fd, st.st_uid, st.st_gid) != 0)
        g_debug ("%s: could not keep the owner: %s", self->display_name, g_strerror (errno));
    }
  self->buffer = g_malloc (BUFFER_SIZE);
  return g_steal_pointer (&self);
}

/* The same for a GFile, which must have a local path. */
ScSafeFile *
sc_safe_file_new_for_file (GFile            *file,
                           ScSafeFileFlags   flags,
                           GError          **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_NOT_LOCAL,
                   _("%s: cannot save safely: not a local file — choose Save As"), name);
      return NULL;
    }
  return sc_safe_file_new (path, flags, error);
}

/* Removes the temporary file unless the ScSafeFile was committed. */
void
sc_safe_file_free (ScSafeFile *self)
{
  if (self == NULL)
    return;
  if (self->temp_path != NULL && !self->committed)
    g_unlink (self->temp_path);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->display_name);
  g_free (self->directory);
  g_free (self->temp_path);
  g_free (self->buffer);
  g_clear_error (&self->error);
  g_free (self);
}

/* The target as the user named it: what every message names. */
const char *
sc_safe_file_get_display_name (ScSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

/* Where the bytes go until the commit (NULL for a device or a pipe). */
const char *
sc_safe_file_get_temp_path (ScSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

/* Writing */

static gboolean
write_fully (ScSafeFile   *self,
             const guint8 *data,
             gsize         length)
{
  while (length > 0)
    {
      gssize n = write (self->fd, data, MIN (length, G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* A write that makes no progress is a full disk */
          set_write_error (self, n < 0 ? errno : ENOSPC);
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

static gboolean
flush_buffer (ScSafeFile *self)
{
  gsize n = self->buffered;

  self->buffered = 0;
  return write_fully (self, self->buffer, n);
}

/* Appends @data. After a failure every later write fails at once with the
 * first error, so a producer that cannot pass errors on (a cairo stream)
 * may carry on and leave the reporting to sc_safe_file_commit().
 */
gboolean
sc_safe_file_write (ScSafeFile  *self,
                    const void  *data,
                    gsize        length,
                    GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (self->error != NULL)
    return propagate_failure (self, error);
  if (self->buffered + length > BUFFER_SIZE && !flush_buffer (self))
    return propagate_failure (self, error);
  if (length >= BUFFER_SIZE)
    {
      if (!write_fully (self, data, length))
        return propagate_failure (self, error);
      return TRUE;
    }
  memcpy (self->buffer + self->buffered, data, length);
  self->buffered += length;
  return TRUE;
}

/* Writes out what is buffered and syncs it to the disk, keeping the
 * temporary file (locked) for sc_safe_file_commit(): a batch finishes
 * every file before it renames any.
 */
gboolean
sc_safe_file_finish (ScSafeFile  *self,
                     GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->finished || self->error != NULL)
    return self->error == NULL || propagate_failure (self, error);

  self->finished = TRUE;
  if (!flush_buffer (self))
    return propagate_failure (self, error);
  g_clear_pointer (&self->buffer, g_free);
  /* Without the sync, a power cut after the rename can leave an empty
   * file under the user's name on some file systems
   */
  if (self->temp_path != NULL && fsync (self->fd) != 0 && errno != EINVAL)
    {
      set_write_error (self, errno);
      return propagate_failure (self, error);
    }
  return TRUE;
}

static void
sync_directory (const char *directory)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Renames the finished file over the target, then removes the leftovers of
 * earlier crashes in its folder. On failure the target is as it was.
 */
gboolean
sc_safe_file_commit (ScSafeFile  *self,
                     GError     **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (!sc_safe_file_finish (self, error))
    return FALSE;

  fd = self->fd;
  self->fd = -1;
  if (self->temp_path == NULL)
    {
      if (close (fd) != 0 && errno != EINTR)
        {
          set_write_error (self, errno);
          return propagate_failure (self, error);
        }
      self->committed = TRUE;
      return TRUE;
    }
  /* Renamed while still locked: once closed, the temporary file looks like
   * a crash's leftover to another save's clean-up in the same folder, which
   * could remove it before the rename
   */
  if (g_rename (self->temp_path, self->path) != 0)
    {
      set_write_error (self, errno);
      close (fd);
      return propagate_failure (self, error);
    }
  /* The data was synced by sc_safe_file_finish(): a failing close now has
   * nothing left to lose
   */
  if (close (fd) != 0 && errno != EINTR)
    g_debug ("%s: close after the rename failed: %s", self->display_name, g_strerror (errno));
  self->committed = TRUE;
  sync_directory (self->directory);
  sc_safe_file_remove_strays (self->directory);
  return TRUE;
}

/* Convenience */

/* Replaces @file with @length bytes of @data, safely. */
gboolean
sc_safe_file_replace_contents (GFile            *file,
                               const void       *data,
                               gsize             length,
                               ScSafeFileFlags   flags,
                               GError          **error)
{
  g_autoptr(ScSafeFile) out = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((out = sc_safe_file_new_for_file (file, flags, error)) == NULL)
    return FALSE;
  return sc_safe_file_write (out, data, length, error) && sc_safe_file_commit (out, error);
}

/* The same for a path in the GLib file name encoding. */
gboolean
sc_safe_file_set_contents (const char       *path,
                           const void       *data,
                           gsize             length,
                           ScSafeFileFlags   flags,
                           GError          **error)
{
  g_autoptr(ScSafeFile) out = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((out = sc_safe_file_new (path, flags, error)) == NULL)
    return FALSE;
  return sc_safe_file_write (out, data, length, error) && sc_safe_file_commit (out, error);
}
