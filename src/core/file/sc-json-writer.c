/* sc-json-writer.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small streaming JSON writer for the files and output Scorecards writes.
 * json-glib reads them; it does not write them, because its generator builds
 * a node per value (a million values cost a million nodes) and prints every
 * double with 17 digits (95.1 becomes 95.099999999999994). Here numbers get
 * the fewest digits that read back to the same double.
 */

#define G_LOG_DOMAIN "sc-json-writer"

#include "config.h"

#include <math.h>

#include "sc-json-writer.h"

struct _ScJsonWriter
{
  GString  *out;
  guint     depth;
  gboolean  first;   /* nothing written yet in the current container */
};

ScJsonWriter *
sc_json_writer_new (gsize reserve)
{
  ScJsonWriter *self = g_new0 (ScJsonWriter, 1);

  self->out = g_string_sized_new (MAX (reserve, 256));
  self->first = TRUE;

  return self;
}

/* Ends the document with a newline and returns it. */
GBytes *
sc_json_writer_free_to_bytes (ScJsonWriter *self)
{
  GString *out = self->out;

  g_assert (self->depth == 0);
  g_free (self);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

char *
sc_json_writer_free_to_string (ScJsonWriter *self)
{
  GString *out = self->out;

  g_assert (self->depth == 0);
  g_free (self);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/* TRUE for the bytes a JSON string must escape. */
static inline gboolean
needs_escape (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\';
}

static void
append_escaped (GString    *out,
                const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p; p++)
    {
      const char *run = p;
      guchar c;

      /* Copy the run of plain bytes at once: most strings are all plain */
      while (*p && !needs_escape (*p))
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;

      c = *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static const double powers_of_ten[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
static const guint64 int_powers_of_ten[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

/* Appends @n in decimal, at least @min_digits digits (zero padded). */
static void
append_uint (GString *out,
             guint64  n,
             guint    min_digits)
{
  char buf[24];
  int i = sizeof buf;

  do
    {
      buf[--i] = '0' + n % 10;
      n /= 10;
      min_digits = min_digits > 0 ? min_digits - 1 : 0;
    }
  while (n > 0 || min_digits > 0);

  g_string_append_len (out, buf + i, sizeof buf - i);
}

/* Values as spreadsheets and people write them (95.1, 0.25, 1250) have at
 * most a few decimals: @value is exactly n / 10^d for a whole n. Printing
 * n with the point put back is what %.15g would print, without a printf
 * and a strtod per value (a million of them in a large workbook).
 */
static gboolean
append_short_decimal (GString *out,
                      double   value)
{
  for (guint d = 0; d < G_N_ELEMENTS (powers_of_ten); d++)
    {
      double scaled = value * powers_of_ten[d];
      double n = round (scaled);
      guint64 whole, fraction, magnitude;

      if (fabs (n) >= 1e15)
        return FALSE;
      if (n / powers_of_ten[d] != value)
        continue;

      magnitude = (guint64) fabs (n);
      whole = magnitude / int_powers_of_ten[d];
      fraction = magnitude % int_powers_of_ten[d];
      if (n < 0)
        g_string_append_c (out, '-');
      append_uint (out, whole, 1);
      if (d > 0)
        {
          guint digits = d;

          /* n / 10^d == value with the smallest d, so the last digit is not 0 */
          g_string_append_c (out, '.');
          append_uint (out, fraction, digits);
        }
      return TRUE;
    }

  return FALSE;
}

/* Shortest of %.15g … %.17g that reads back to exactly @value; whole
 * numbers without a fraction; null for NaN and infinities.
 */
void
sc_json_append_number (GString *out,
                       double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (value == 0)
    {
      g_string_append_c (out, '0');
      return;
    }
  if (append_short_decimal (out, value))
    return;
  for (int digits = 15; digits <= 17; digits++)
    {
      static const char *formats[] = { "%.15g", "%.16g", "%.17g" };

      g_ascii_formatd (buf, sizeof buf, formats[digits - 15], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static void
newline (ScJsonWriter *self)
{
  static const char spaces[] = "                                                                ";
  guint n = self->depth * 2;

  g_string_append_c (self->out, '\n');
  while (n > 0)
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (self->out, spaces, chunk);
      n -= chunk;
    }
}

/* Starts a member (@name inside an object) or an element (@name NULL). */
static void
start (ScJsonWriter *self,
       const char   *name)
{
  if (self->depth > 0)
    {
      if (!self->first)
        g_string_append_c (self->out, ',');
      newline (self);
    }
  if (name != NULL)
    {
      append_escaped (self->out, name);
      g_string_append (self->out, ": ");
    }
  self->first = FALSE;
}

static void
begin (ScJsonWriter *self,
       const char   *name,
       char          bracket)
{
  start (self, name);
  g_string_append_c (self->out, bracket);
  self->depth++;
  self->first = TRUE;
}

static void
end (ScJsonWriter *self,
     char          bracket)
{
  g_assert (self->depth > 0);

  self->depth--;
  if (!self->first)
    newline (self);
  g_string_append_c (self->out, bracket);
  self->first = FALSE;
}

void
sc_json_writer_begin_object (ScJsonWriter *self,
                             const char   *name)
{
  begin (self, name, '{');
}

void
sc_json_writer_end_object (ScJsonWriter *self)
{
  end (self, '}');
}

void
sc_json_writer_begin_array (ScJsonWriter *self,
                            const char   *name)
{
  begin (self, name, '[');
}

void
sc_json_writer_end_array (ScJsonWriter *self)
{
  end (self, ']');
}

/* A string, or null when @value is NULL. */
void
sc_json_writer_string (ScJsonWriter *self,
                       const char   *name,
                       const char   *value)
{
  start (self, name);
  if (value == NULL)
    g_string_append (self->out, "null");
  else
    append_escaped (self->out, value);
}

void
sc_json_writer_number (ScJsonWriter *self,
                       const char   *name,
                       double        value)
{
  start (self, name);
  sc_json_append_number (self->out, value);
}

/* @value rounded to @decimals (0–9) decimals, printed without trailing
 * zeros: what sc_json_writer_number () prints for the rounded value, with
 * integer arithmetic instead of a printf and a strtod per number.
 */
void
sc_json_writer_number_rounded (ScJsonWriter *self,
                               const char   *name,
                               double        value,
                               guint         decimals)
{
  static const gint64 scales[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
                                   100000000, 1000000000 };
  char digits[32];
  gint64 n, scale;
  guint64 whole, fraction;
  int len;

  g_return_if_fail (decimals < G_N_ELEMENTS (scales));

  start (self, name);
  scale = scales[decimals];
  if (!isfinite (value) || fabs (value) * scale >= 9e15)
    {
      sc_json_append_number (self->out, isfinite (value) ? round (value * scale) / scale : value);
      return;
    }

  n = (gint64) round (value * scale);
  whole = (guint64) ABS (n) / scale;
  fraction = (guint64) ABS (n) % scale;
  if (n < 0)
    g_string_append_c (self->out, '-');
  g_string_append_printf (self->out, "%" G_GUINT64_FORMAT, whole);
  if (fraction == 0)
    return;

  len = g_snprintf (digits, sizeof digits, "%0*" G_GUINT64_FORMAT, (int) decimals, fraction);
  while (len > 0 && digits[len - 1] == '0')
    len--;
  g_string_append_c (self->out, '.');
  g_string_append_len (self->out, digits, len);
}

void
sc_json_writer_int (ScJsonWriter *self,
                    const char   *name,
                    gint64        value)
{
  start (self, name);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
sc_json_writer_boolean (ScJsonWriter *self,
                        const char   *name,
                        gboolean      value)
{
  start (self, name);
  g_string_append (self->out, value ? "true" : "false");
}

void
sc_json_writer_null (ScJsonWriter *self,
                     const char   *name)
{
  start (self, name);
  g_string_append (self->out, "null");
}

/* An array of numbers on one line, null for NaN: one series, one line. */
void
sc_json_writer_numbers (ScJsonWriter *self,
                        const char   *name,
                        const double *values,
                        guint         n_values)
{
  start (self, name);
  g_string_append_c (self->out, '[');
  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append (self->out, ", ");
      sc_json_append_number (self->out, values[i]);
    }
  g_string_append_c (self->out, ']');
}

/* A value already written as JSON (by json-glib), as it is. */
void
sc_json_writer_raw (ScJsonWriter *self,
                    const char   *name,
                    const char   *json)
{
  start (self, name);
  g_string_append (self->out, json);
}
