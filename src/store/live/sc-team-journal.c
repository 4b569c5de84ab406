/* sc-team-journal.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file of JSON lines per team workbook: an edit per line as it is
 * made, {"done": KEY} once the server has applied it. Appends are fsynced
 * before the edit is sent; a line cut short by a crash is ignored (its
 * edit was never sent). When nothing is pending the file is emptied with
 * the safe writer, so it does not grow without end.
 */

#define G_LOG_DOMAIN "sc-team-journal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sc-safe-file.h"
#include "sc-team-journal.h"

struct _ScTeamJournal
{
  char       *path;
  int         fd;
  GHashTable *pending;   /* keys of edits not yet done */
  gsize       size;
};

static gboolean
open_fd (ScTeamJournal  *self,
         GError        **error)
{
  self->fd = g_open (self->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
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

/* Opens (or creates) the journal at @path; @pending receives its edits
 * not yet done, oldest first.
 */
ScTeamJournal *
sc_team_journal_open (const char  *path,
                      GPtrArray  **pending,
                      GError     **error)
{
  g_autoptr(ScTeamJournal) self = g_new0 (ScTeamJournal, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  self->path = g_strdup (path);
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
  if (g_file_get_contents (path, &contents, &length, &local_error))
    read_lines (self, contents, length, *pending);
  else if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self->size = length;
  if (length > 0 && contents[length - 1] != '\n' && *pending != NULL)
    {
      /* drop the torn line before appending after it */
      GString *kept = g_string_new (NULL);

      for (guint i = 0; i < (*pending)->len; i++)
        {
          g_autofree char *line = sc_team_edit_to_line (g_ptr_array_index (*pending, i));
          g_string_append_printf (kept, "%s\n", line);
        }
      if (!sc_safe_file_set_contents (path, kept->str, kept->len, SC_SAFE_FILE_PRIVATE, error))
        {
          g_string_free (kept, TRUE);
          return NULL;
        }
      self->size = kept->len;
      g_string_free (kept, TRUE);
    }
  if (!open_fd (self, error))
    return NULL;

  return g_steal_pointer (&self);
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
      if (!sc_safe_file_set_contents (self->path, "", 0, SC_SAFE_FILE_PRIVATE, error))
        return FALSE;
      close (self->fd);
      self->size = 0;
      return open_fd (self, error);
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

  if (self->fd >= 0)
    close (self->fd);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_free (self->path);
  g_free (self);
}
