/* sc-pg-binary.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the values of a binary query result: PostgreSQL's send formats
 * (network byte order; dates and times counted from 2000-01-01; arrays
 * with their dimensions). Binary saves printing and parsing a million
 * numbers when a large workbook is opened, and is exact.
 */

#define G_LOG_DOMAIN "sc-pg-binary"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-pg-private.h"

/* Seconds from the Unix epoch to PostgreSQL's, 2000-01-01 00:00 UTC */
#define PG_EPOCH_UNIX G_GINT64_CONSTANT (946684800)

static guint32
read_u32 (const char *p)
{
  guint32 v;

  memcpy (&v, p, 4);
  return GUINT32_FROM_BE (v);
}

static guint64
read_u64 (const char *p)
{
  guint64 v;

  memcpy (&v, p, 8);
  return GUINT64_FROM_BE (v);
}

static double
read_double (const char *p)
{
  guint64 bits = read_u64 (p);
  double v;

  memcpy (&v, &bits, 8);
  return v;
}

const char *
sc_pg_get_text (const PGresult *result,
                int             row,
                int             column)
{
  if (PQgetisnull (result, row, column))
    return NULL;

  /* libpq ends every value, binary too, with a NUL byte */
  return PQgetvalue (result, row, column);
}

gint32
sc_pg_get_int4 (const PGresult *result,
                int             row,
                int             column)
{
  if (PQgetisnull (result, row, column) || PQgetlength (result, row, column) != 4)
    return 0;

  return (gint32) read_u32 (PQgetvalue (result, row, column));
}

gint64
sc_pg_get_int8 (const PGresult *result,
                int             row,
                int             column)
{
  if (PQgetisnull (result, row, column) || PQgetlength (result, row, column) != 8)
    return 0;

  return (gint64) read_u64 (PQgetvalue (result, row, column));
}

gboolean
sc_pg_get_bool (const PGresult *result,
                int             row,
                int             column)
{
  if (PQgetisnull (result, row, column) || PQgetlength (result, row, column) != 1)
    return FALSE;

  return PQgetvalue (result, row, column)[0] != 0;
}

double
sc_pg_get_float8 (const PGresult *result,
                  int             row,
                  int             column)
{
  if (PQgetisnull (result, row, column) || PQgetlength (result, row, column) != 8)
    return NAN;

  return read_double (PQgetvalue (result, row, column));
}

/* "YYYY-MM-DD", or NULL for NULL and dates a workbook cannot hold. */
char *
sc_pg_get_date (const PGresult *result,
                int             row,
                int             column)
{
  g_autoptr(GDate) epoch = g_date_new_dmy (1, G_DATE_JANUARY, 2000);
  gint64 julian;
  GDate date;

  if (PQgetisnull (result, row, column) || PQgetlength (result, row, column) != 4)
    return NULL;

  julian = (gint64) g_date_get_julian (epoch) +
           (gint32) read_u32 (PQgetvalue (result, row, column));
  if (julian < 1 || julian > G_MAXUINT32 || !g_date_valid_julian ((guint32) julian))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) julian);
  if (g_date_get_year (&date) > 9999)
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

GDateTime *
sc_pg_get_timestamptz (const PGresult *result,
                       int             row,
                       int             column)
{
  g_autoptr(GDateTime) seconds = NULL;
  gint64 usec, secs, rest;

  if (PQgetisnull (result, row, column) || PQgetlength (result, row, column) != 8)
    return NULL;

  usec = (gint64) read_u64 (PQgetvalue (result, row, column));
  secs = usec / G_USEC_PER_SEC;
  rest = usec % G_USEC_PER_SEC;
  if (rest < 0)
    {
      secs--;
      rest += G_USEC_PER_SEC;
    }
  /* NULL for ±infinity and anything GDateTime cannot hold */
  if (!(seconds = g_date_time_new_from_unix_utc (secs + PG_EPOCH_UNIX)))
    return NULL;

  return g_date_time_add (seconds, rest);
}

/* Reads an array of float8 with @n_dims dimensions of the sizes in @dims
 * into @out (one row of @dims[n_dims - 1] values each); NULL elements
 * become NaN. FALSE when the array has another shape or element type.
 */
static gboolean
read_array (const PGresult *result,
            int             row,
            int             column,
            guint           n_dims,
            const guint    *dims,
            double * const *out)
{
  const char *p = PQgetvalue (result, row, column);
  const char *end = p + PQgetlength (result, row, column);
  guint n_rows = n_dims == 2 ? dims[0] : 1;
  guint n = dims[n_dims - 1];
  guint ndim;

  if (PQgetisnull (result, row, column) || end - p < 12)
    return FALSE;

  /* An empty array has no dimensions at all */
  ndim = read_u32 (p);
  if ((guint64) n_rows * n == 0)
    return ndim == 0;
  if (ndim != n_dims || read_u32 (p + 8) != SC_PG_FLOAT8 || end - p < 12 + 8 * n_dims)
    return FALSE;
  for (guint d = 0; d < n_dims; d++)
    if (read_u32 (p + 12 + 8 * d) != dims[d])
      return FALSE;
  p += 12 + 8 * n_dims;

  if (end - p < (gint64) n_rows * n * 4)
    return FALSE;
  for (guint r = 0; r < n_rows; r++)
    {
      double *values = out[r];

      for (guint i = 0; i < n; i++)
        {
          gint32 length = (gint32) read_u32 (p);

          if (length == -1)
            {
              values[i] = NAN;
              p += 4;
              continue;
            }
          if (length != 8 || end - p < 12)
            return FALSE;
          values[i] = read_double (p + 4);
          p += 12;
        }
    }

  return p == end;
}

gboolean
sc_pg_get_float8_array (const PGresult *result,
                        int             row,
                        int             column,
                        double         *out,
                        guint           n_values)
{
  return read_array (result, row, column, 1, &n_values, &out);
}

gboolean
sc_pg_get_float8_matrix (const PGresult  *result,
                         int              row,
                         int              column,
                         double         **out,
                         guint            n_rows,
                         guint            n_values)
{
  guint dims[2] = { n_rows, n_values };

  return read_array (result, row, column, 2, dims, out);
}
