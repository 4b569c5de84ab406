/* sc-team-journal.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file of JSON lines per live session, in a folder per team workbook
 * URI: an edit per line as it is made, {"done": KEY} once the server has
 * applied it. Appends are fsynced before the edit is sent; a line cut
 * short by a crash is ignored (its edit was never sent). The session holds
 * a lock on its file; a new session takes over the files nobody holds (a
 * crashed or closed session's) and removes them once their edits are in
 * its own. When nothing is pending the file is truncated, so it does not
 * grow without end, and removed when the session ends.
 */

#define G_LOG_DOMAIN "sc-team-journal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "sc-team-journal.h"

struct _ScTeamJournal
{
  char       *path;
  int         fd;
  GHashTable *pending;   /* keys of edits not yet done */
  gsize       size;
};

static gboolean append_line (ScTeamJournal  *self,
                             const char     *line,
                             GError        **error);

static gboolean
open_fd (ScTeamJournal  *self,
         GError        **error)
{
  self->fd = g_open (self->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (self->fd >= 0 && flock (self->fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (self->fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot keep the queue of edits in %s: %s"), self->path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
read_lines (ScTeamJournal *self,
            const char    *contents,
            gsize          length,
            GPtrArray     *edits)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *end = contents + length;

  for (const char *p = contents; p < end; )
    {
      const char *nl = memchr (p, '\n', end - p);
      g_autofree char *line = NULL;
      g_autoptr(GError) error = NULL;
      ScTeamEdit *edit;

      if (nl == NULL)
        break;  /* cut short by a crash: never sent */
      line = g_strndup (p, nl - p);
      p = nl + 1;

      if (g_str_has_prefix (line, "{\"done\":"))
        {
          g_autoptr(JsonParser) parser = json_parser_new ();

          if (json_parser_load_from_data (parser, line, -1, NULL) &&
              JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
            {
              const char *key = sc_team_json_get_string (
                json_node_get_object (json_parser_get_root (parser)), "done");
              if (key != NULL)
                g_hash_table_add (done, g_strdup (key));
            }
          continue;
        }
      if (!(edit = sc_team_edit_from_line (line, &error)))
        {
          g_warning ("%s: %s", self->path, error->message);
          continue;
        }
      g_ptr_array_add (edits, edit);
    }

  for (guint i = 0; i < edits->len; )
    {
      ScTeamEdit *edit = g_ptr_array_index (edits, i);

      if (g_hash_table_contains (done, edit->key))
        g_ptr_array_remove_index (edits, i);
      else
        {
          g_hash_table_add (self->pending, g_strdup (edit->key));
          i++;
        }
    }
}

/* The edits still pending in the journal of a session that is gone: its
 * file is in @dir and nobody holds its lock. Takes the lock (kept in
 * @fds until the edits are safe in the new journal).
 */
static void
read_orphans (ScTeamJournal *self,
              const char    *dir,
              GPtrArray     *pending,
              GPtrArray     *orphans,
              GArray        *fds)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      int fd;

      if (!g_str_has_suffix (name, ".jsonl"))
        continue;
      if ((fd = g_open (path, O_RDWR | O_CLOEXEC, 0)) < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          close (fd);   /* a live session's */
          continue;
        }
      if (g_file_get_contents (path, &contents, &length, NULL))
        read_lines (self, contents, length, pending);
      g_array_append_val (fds, fd);
      g_ptr_array_add (orphans, g_steal_pointer (&path));
    }
}

/* Opens a new journal in @dir (one per session, locked while it lives).
 * @pending receives, oldest first, the edits that sessions gone before
 * (a crash, or closed while offline) left unsent; they are moved into the
 * new journal before their files are removed, so a crash now loses none.
 */
ScTeamJournal *
sc_team_journal_open (const char  *dir,
                      GPtrArray  **pending,
                      GError     **error)
{
  g_autoptr(ScTeamJournal) self = g_new0 (ScTeamJournal, 1);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) fds = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (uuid, ".jsonl", NULL);

  self->path = g_build_filename (dir, name, NULL);
  self->fd = -1;
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  *pending = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_team_edit_free);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot keep the queue of edits in %s: %s"), dir, g_strerror (saved));
      return NULL;
    }

  read_orphans (self, dir, *pending, orphans, fds);
  if (!open_fd (self, error))
    goto failed;
  for (guint i = 0; i < (*pending)->len; i++)
    {
      g_autofree char *line = sc_team_edit_to_line (g_ptr_array_index (*pending, i));

      if (!append_line (self, line, error))
        goto failed;
    }
  for (guint i = 0; i < orphans->len; i++)
    g_unlink (g_ptr_array_index (orphans, i));
  for (guint i = 0; i < fds->len; i++)
    close (g_array_index (fds, int, i));
  return g_steal_pointer (&self);

failed:
  for (guint i = 0; i < fds->len; i++)
    close (g_array_index (fds, int, i));
  return NULL;
}

static gboolean
append_line (ScTeamJournal  *self,
             const char     *line,
             GError        **error)
{
  g_autofree char *text = g_strconcat (line, "\n", NULL);
  gsize length = strlen (text);
  gsize written = 0;

  while (written < length)
    {
      gssize n = write (self->fd, text + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("cannot keep the queue of edits in %s: %s"), self->path,
                       g_strerror (saved));
          return FALSE;
        }
      written += n;
    }
  if (fsync (self->fd) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot keep the queue of edits in %s: %s"), self->path, g_strerror (saved));
      return FALSE;
    }
  self->size += length;
  return TRUE;
}

/* Appends @edit; on return it survives a crash. */
gboolean
sc_team_journal_append (ScTeamJournal     *self,
                        const ScTeamEdit  *edit,
                        GError           **error)
{
  g_autofree char *line = sc_team_edit_to_line (edit);

  if (!append_line (self, line, error))
    return FALSE;
  g_hash_table_add (self->pending, g_strdup (edit->key));
  return TRUE;
}

/* Marks the edit @key done; empties the file when nothing is pending. */
gboolean
sc_team_journal_done (ScTeamJournal  *self,
                      const char     *key,
                      GError        **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *line = NULL;

  if (!g_hash_table_remove (self->pending, key))
    return TRUE;

  if (g_hash_table_size (self->pending) == 0)
    {
      /* nothing left: start afresh rather than keep every edit ever made */
      if (ftruncate (self->fd, 0) != 0 || fsync (self->fd) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("cannot keep the queue of edits in %s: %s"), self->path,
                       g_strerror (saved));
          return FALSE;
        }
      self->size = 0;
      return TRUE;
    }

  json_object_set_string_member (object, "done", key);
  json_node_set_object (node, object);
  line = json_to_string (node, FALSE);
  return append_line (self, line, error);
}

guint
sc_team_journal_get_n_pending (ScTeamJournal *self)
{
  return g_hash_table_size (self->pending);
}

const char *
sc_team_journal_get_path (ScTeamJournal *self)
{
  return self->path;
}

void
sc_team_journal_free (ScTeamJournal *self)
{
  if (self == NULL)
    return;

  /* nothing to keep: no file left behind (else the next session takes it) */
  if (self->fd >= 0 && self->pending != NULL && g_hash_table_size (self->pending) == 0)
    g_unlink (self->path);
  if (self->fd >= 0)
    close (self->fd);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_free (self->path);
  g_free (self);
}
