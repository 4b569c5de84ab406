/* sc-pg-copy.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bulk writing with COPY … FROM STDIN (FORMAT binary): rows are encoded
 * in PostgreSQL's binary copy format and streamed with PQputCopyData.
 * Text goes over byte for byte, with nothing to escape, so quotes,
 * backslashes and anything else round-trip exactly; numbers go as their
 * eight bytes, so nothing is lost to printing them.
 *
 * The first problem (text that is not UTF-8, a lost connection) is kept
 * and the rest of the rows ignored; sc_pg_copy_end() then aborts the COPY
 * so that the server keeps nothing of it.
 */

#define G_LOG_DOMAIN "sc-pg-copy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-pg-private.h"

#define PG_EPOCH_UNIX G_GINT64_CONSTANT (946684800)
#define FLUSH_SIZE    (512 * 1024)

struct _ScPgCopy
{
  ScPgSession *s;
  GByteArray  *buffer;
  GError      *error;
};

static void
put_u16 (ScPgCopy *self,
         guint16   value)
{
  guint16 be = GUINT16_TO_BE (value);

  g_byte_array_append (self->buffer, (const guint8 *) &be, 2);
}

static void
put_u32 (ScPgCopy *self,
         guint32   value)
{
  guint32 be = GUINT32_TO_BE (value);

  g_byte_array_append (self->buffer, (const guint8 *) &be, 4);
}

static void
put_u64 (ScPgCopy *self,
         guint64   value)
{
  guint64 be = GUINT64_TO_BE (value);

  g_byte_array_append (self->buffer, (const guint8 *) &be, 8);
}

static void
put_double (ScPgCopy *self,
            double    value)
{
  guint64 bits;

  memcpy (&bits, &value, 8);
  put_u64 (self, bits);
}

static void
flush (ScPgCopy *self)
{
  if (self->error != NULL || self->buffer->len == 0)
    return;
  if (PQputCopyData (self->s->conn, (const char *) self->buffer->data, self->buffer->len) != 1)
    sc_pg_session_fail (self->s, NULL, &self->error);
  g_byte_array_set_size (self->buffer, 0);
}

/* Starts the COPY of @sql, a constant "COPY table (columns) FROM STDIN
 * (FORMAT binary)".
 */
ScPgCopy *
sc_pg_copy_begin (ScPgSession  *s,
                  const char   *sql,
                  GError      **error)
{
  static const char signature[11] = "PGCOPY\n\377\r\n";
  PGresult *result = PQexec (s->conn, sql);
  ScPgCopy *self;

  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      sc_pg_session_fail (s, result, error);
      PQclear (result);
      return NULL;
    }
  PQclear (result);

  self = g_new0 (ScPgCopy, 1);
  self->s = s;
  self->buffer = g_byte_array_sized_new (FLUSH_SIZE + 64 * 1024);
  g_byte_array_append (self->buffer, (const guint8 *) signature, sizeof signature);
  put_u32 (self, 0);  /* flags */
  put_u32 (self, 0);  /* header extension */

  return self;
}

/* Starts a row of @n_fields values. */
void
sc_pg_copy_tuple (ScPgCopy *self,
                  guint16   n_fields)
{
  if (self->buffer->len >= FLUSH_SIZE)
    flush (self);
  put_u16 (self, n_fields);
}

void
sc_pg_copy_null (ScPgCopy *self)
{
  put_u32 (self, (guint32) -1);
}

/* Text, or NULL for SQL NULL. Text that is not UTF-8 fails the COPY. */
void
sc_pg_copy_text (ScPgCopy   *self,
                 const char *text)
{
  gsize length;

  if (text == NULL)
    {
      sc_pg_copy_null (self);
      return;
    }

  length = strlen (text);
  if (self->error == NULL && !g_utf8_validate_len (text, length, NULL))
    {
      g_autofree char *head = g_strndup (text, 60);
      g_autofree char *shown = g_utf8_make_valid (head, -1);

      g_set_error (&self->error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("%s: text that is not valid UTF-8 cannot be saved: “%s”"),
                   self->s->display_name, shown);
    }
  put_u32 (self, (guint32) length);
  g_byte_array_append (self->buffer, (const guint8 *) text, length);
}

void
sc_pg_copy_bool (ScPgCopy *self,
                 gboolean  value)
{
  guint8 byte = value ? 1 : 0;

  put_u32 (self, 1);
  g_byte_array_append (self->buffer, &byte, 1);
}

void
sc_pg_copy_int4 (ScPgCopy *self,
                 gint32    value)
{
  put_u32 (self, 4);
  put_u32 (self, (guint32) value);
}

void
sc_pg_copy_int8 (ScPgCopy *self,
                 gint64    value)
{
  put_u32 (self, 8);
  put_u64 (self, (guint64) value);
}

/* A number; NaN, the model's "none", is SQL NULL. */
void
sc_pg_copy_float8 (ScPgCopy *self,
                   double    value)
{
  if (isnan (value))
    {
      sc_pg_copy_null (self);
      return;
    }
  put_u32 (self, 8);
  put_double (self, value);
}

/* A date written YYYY-MM-DD, or NULL. */
void
sc_pg_copy_date (ScPgCopy   *self,
                 const char *iso_date)
{
  g_autoptr(GDate) epoch = g_date_new_dmy (1, G_DATE_JANUARY, 2000);
  unsigned year, month, day;
  GDate date;

  if (iso_date == NULL)
    {
      sc_pg_copy_null (self);
      return;
    }
  if (sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    {
      if (self->error == NULL)
        g_set_error (&self->error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                     _("%s: “%s” is not a date written YYYY-MM-DD"),
                     self->s->display_name, iso_date);
      sc_pg_copy_null (self);
      return;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  put_u32 (self, 4);
  put_u32 (self, (guint32) ((gint64) g_date_get_julian (&date) - g_date_get_julian (epoch)));
}

/* A time, or NULL; microseconds are kept. */
void
sc_pg_copy_timestamptz (ScPgCopy  *self,
                        GDateTime *time)
{
  gint64 usec;

  if (time == NULL)
    {
      sc_pg_copy_null (self);
      return;
    }

  usec = (g_date_time_to_unix (time) - PG_EPOCH_UNIX) * G_USEC_PER_SEC +
         g_date_time_get_microsecond (time);
  put_u32 (self, 8);
  put_u64 (self, (guint64) usec);
}

/* A float8 array of @n_dims dimensions @dims; NaN elements are NULL. */
static void
put_array (ScPgCopy       *self,
           guint           n_dims,
           const guint    *dims,
           double * const *rows)
{
  guint n_rows = n_dims == 2 ? dims[0] : 1;
  guint n = dims[n_dims - 1];
  guint32 size;
  guint size_at;

  if ((guint64) n_rows * n == 0)
    {
      put_u32 (self, 12);
      put_u32 (self, 0);   /* no dimensions: the empty array */
      put_u32 (self, 0);
      put_u32 (self, SC_PG_FLOAT8);
      return;
    }

  size_at = self->buffer->len;
  put_u32 (self, 0);     /* the size, filled in below */
  put_u32 (self, n_dims);
  put_u32 (self, 0);     /* "has nulls": the server works that out itself */
  put_u32 (self, SC_PG_FLOAT8);
  for (guint d = 0; d < n_dims; d++)
    {
      put_u32 (self, dims[d]);
      put_u32 (self, 1);  /* lower bound */
    }
  for (guint r = 0; r < n_rows; r++)
    for (guint i = 0; i < n; i++)
      {
        double value = rows[r][i];

        if (isnan (value))
          {
            put_u32 (self, (guint32) -1);
            continue;
          }
        put_u32 (self, 8);
        put_double (self, value);
      }

  size = GUINT32_TO_BE (self->buffer->len - size_at - 4);
  memcpy (self->buffer->data + size_at, &size, 4);
}

void
sc_pg_copy_float8_array (ScPgCopy     *self,
                         const double *values,
                         guint         n_values)
{
  double *rows[1] = { (double *) values };

  put_array (self, 1, &n_values, rows);
}

void
sc_pg_copy_float8_matrix (ScPgCopy       *self,
                          double * const *rows,
                          guint           n_rows,
                          guint           n_values)
{
  guint dims[2] = { n_rows, n_values };

  put_array (self, 2, dims, rows);
}

/* Ends the COPY: sends the rest, and waits for the server to take all of
 * it. After an earlier problem the COPY is aborted and that problem
 * returned. Frees @self either way.
 */
gboolean
sc_pg_copy_end (ScPgCopy  *self,
                GError   **error)
{
  ScPgSession *s = self->s;
  gboolean ok = TRUE;
  PGresult *result;

  put_u16 (self, (guint16) -1);
  flush (self);

  if (PQputCopyEnd (s->conn, self->error ? self->error->message : NULL) != 1 && self->error == NULL)
    sc_pg_session_fail (s, NULL, &self->error);

  while ((result = PQgetResult (s->conn)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK && self->error == NULL)
        sc_pg_session_fail (s, result, &self->error);
      PQclear (result);
    }

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      ok = FALSE;
    }
  g_byte_array_unref (self->buffer);
  g_free (self);

  return ok;
}
