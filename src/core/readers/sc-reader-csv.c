/* sc-reader-csv.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A streaming reader of delimited text as spreadsheets write it: RFC 4180
 * quoting, a delimiter, encoding and decimal mark detected from the first
 * block (or chosen by the caller), any line ending. It holds one block and
 * one row at a time; fields, lines and the number of columns are capped so
 * that hostile input fails with a clear error instead of eating memory.
 */

#define G_LOG_DOMAIN "sc-reader-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sc-import.h"
#include "sc-reader-csv.h"

#define BLOCK_SIZE   (1024 * 1024)
#define SNIFF_LINES  50

typedef enum
{
  ENCODING_UTF8,
  ENCODING_UTF16LE,
  ENCODING_UTF16BE,
  ENCODING_CP1252,
} Encoding;

typedef enum
{
  ROW_OK,
  ROW_NEED_MORE,
  ROW_ERROR,
} RowStatus;

struct _ScReaderCsv
{
  GObject       parent_instance;

  GInputStream *stream;
  char         *display_name;

  /* Decoding */
  Encoding      encoding;
  char         *encoding_name;
  guchar       *raw;             /* one block of undecoded bytes */
  guchar        carry[4];        /* an odd byte of UTF-16 left from the last block */
  guint         n_carry;
  gunichar      high_surrogate;

  /* Decoded UTF-8 text; the current row starts at pos */
  char         *buf;
  gsize         buf_len;
  gsize         buf_size;
  gsize         pos;

  /* The current row: NUL-terminated fields packed into out */
  char         *out;
  gsize         out_len;
  gsize         out_size;
  gsize        *starts;          /* offset of each field in out */
  gsize        *lengths;
  guint         n_fields;
  guint         fields_size;

  guint64       line;            /* first line of the current row */
  guint64       next_line;
  guint64       n_rows;

  char          delimiter;
  char          decimal_mark;
  char          thousands;
  guchar        special[256];    /* bytes that end an unquoted field */

  guint         eof : 1;
  guint         opened : 1;
  guint         bom : 1;
};

G_DEFINE_FINAL_TYPE (ScReaderCsv, sc_reader_csv, G_TYPE_OBJECT)

/* Windows-1252 0x80–0x9F; the five undefined bytes become U+FFFD */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static void
sc_reader_csv_finalize (GObject *object)
{
  ScReaderCsv *self = (ScReaderCsv *)object;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->encoding_name, g_free);
  g_clear_pointer (&self->raw, g_free);
  g_clear_pointer (&self->buf, g_free);
  g_clear_pointer (&self->out, g_free);
  g_clear_pointer (&self->starts, g_free);
  g_clear_pointer (&self->lengths, g_free);

  G_OBJECT_CLASS (sc_reader_csv_parent_class)->finalize (object);
}

static void
sc_reader_csv_class_init (ScReaderCsvClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_reader_csv_finalize;
}

static void
sc_reader_csv_init (ScReaderCsv *self)
{
  self->next_line = 1;
  self->fields_size = 64;
  self->starts = g_new (gsize, self->fields_size);
  self->lengths = g_new (gsize, self->fields_size);
  self->out_size = 4096;
  self->out = g_malloc (self->out_size);
}

/* Errors */

/* The 1-based character column of @at in the line that holds it. */
static guint
column_at (ScReaderCsv *self,
           const char  *at)
{
  const char *row = self->buf + self->pos;
  const char *p = at;
  guint column = 1;

  while (p > row && p[-1] != '\n' && p[-1] != '\r')
    p--;
  for (; p < at; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      column++;

  return column;
}

G_GNUC_PRINTF (5, 6)
static void
set_error (ScReaderCsv  *self,
           GError      **error,
           int           code,
           guint64       line,
           const char   *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SC_IMPORT_ERROR, code, "%s:%" G_GUINT64_FORMAT ":%s",
               self->display_name, line, message);
}

/* Decoding */

static char *
put_unichar (char     *out,
             gunichar  c)
{
  return out + g_unichar_to_utf8 (c, out);
}

static gsize
decode_cp1252 (const guchar *in,
               gsize         n,
               char         *out)
{
  char *o = out;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = in[i];

      if (c < 0x80)
        *o++ = c;
      else if (c < 0xA0)
        o = put_unichar (o, cp1252_high[c - 0x80]);
      else
        o = put_unichar (o, c);
    }

  return o - out;
}

static char *
put_utf16_unit (ScReaderCsv *self,
                char        *o,
                gunichar     u)
{
  if (self->high_surrogate != 0)
    {
      gunichar high = self->high_surrogate;

      self->high_surrogate = 0;
      if (u >= 0xDC00 && u <= 0xDFFF)
        return put_unichar (o, 0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00));
      o = put_unichar (o, 0xFFFD);
    }

  if (u >= 0xD800 && u <= 0xDBFF)
    self->high_surrogate = u;
  else if (u >= 0xDC00 && u <= 0xDFFF)
    o = put_unichar (o, 0xFFFD);
  else
    o = put_unichar (o, u);

  return o;
}

static gsize
decode_utf16 (ScReaderCsv  *self,
              const guchar *in,
              gsize         n,
              char         *out)
{
  gboolean le = self->encoding == ENCODING_UTF16LE;
  char *o = out;
  gsize i = 0;

  if (self->n_carry == 1 && n > 0)
    {
      guchar pair[2] = { self->carry[0], in[0] };

      o = put_utf16_unit (self, o, le ? pair[0] | pair[1] << 8 : pair[0] << 8 | pair[1]);
      self->n_carry = 0;
      i = 1;
    }

  for (; i + 1 < n; i += 2)
    o = put_utf16_unit (self, o, le ? in[i] | in[i + 1] << 8 : in[i] << 8 | in[i + 1]);

  if (i < n)
    {
      self->carry[0] = in[i];
      self->n_carry = 1;
    }

  return o - out;
}

/* Appends @n raw bytes to the decoded text. */
static void
append_decoded (ScReaderCsv  *self,
                const guchar *in,
                gsize         n)
{
  gsize need = self->buf_len + n * 3 + 8;

  if (need > self->buf_size)
    {
      self->buf_size = MAX (need, self->buf_size * 2);
      self->buf = g_realloc (self->buf, self->buf_size);
    }

  switch (self->encoding)
    {
    case ENCODING_UTF8:
      memcpy (self->buf + self->buf_len, in, n);
      self->buf_len += n;
      break;
    case ENCODING_CP1252:
      self->buf_len += decode_cp1252 (in, n, self->buf + self->buf_len);
      break;
    case ENCODING_UTF16LE:
    case ENCODING_UTF16BE:
    default:
      self->buf_len += decode_utf16 (self, in, n, self->buf + self->buf_len);
      break;
    }
}

static gboolean
read_block (ScReaderCsv   *self,
            guchar        *into,
            gsize         *n_read,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_input_stream_read_all (self->stream, into, BLOCK_SIZE, n_read, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_IO, "%s: %s",
                     self->display_name, local_error->message);
      return FALSE;
    }

  if (*n_read < BLOCK_SIZE)
    self->eof = TRUE;

  return TRUE;
}

/* Moves the current row to the start of the buffer and reads one block. */
static gboolean
refill (ScReaderCsv   *self,
        GCancellable  *cancellable,
        GError       **error)
{
  gsize n_read = 0;

  if (self->pos > 0)
    {
      memmove (self->buf, self->buf + self->pos, self->buf_len - self->pos);
      self->buf_len -= self->pos;
      self->pos = 0;
    }

  if (self->encoding == ENCODING_UTF8)
    {
      if (self->buf_len + BLOCK_SIZE + 1 > self->buf_size)
        {
          self->buf_size = MAX (self->buf_len + BLOCK_SIZE + 1, self->buf_size * 2);
          self->buf = g_realloc (self->buf, self->buf_size);
        }
      if (!read_block (self, (guchar *) self->buf + self->buf_len, &n_read, cancellable, error))
        return FALSE;
      self->buf_len += n_read;
      return TRUE;
    }

  if (!read_block (self, self->raw, &n_read, cancellable, error))
    return FALSE;
  append_decoded (self, self->raw, n_read);
  if (self->eof && (self->n_carry > 0 || self->high_surrogate != 0))
    {
      char *o = self->buf + self->buf_len;

      o = put_unichar (o, 0xFFFD);
      self->buf_len = o - self->buf;
      self->n_carry = 0;
      self->high_surrogate = 0;
    }

  return TRUE;
}

/* Detection */

/* TRUE when @data is UTF-8, allowing a character cut at the end of the block. */
static gboolean
looks_like_utf8 (const guchar *data,
                 gsize         n,
                 gboolean      complete)
{
  const char *end;

  if (g_utf8_validate ((const char *) data, n, &end))
    return TRUE;
  if (complete)
    return FALSE;

  return (const guchar *) end + 4 > data + n &&
         g_utf8_get_char_validated (end, data + n - (const guchar *) end) == (gunichar) -2;
}

/* Excel's "Unicode text" has a BOM; without one, many NUL bytes in the
 * odd or even positions still give UTF-16 away.
 */
static Encoding
guess_utf16 (const guchar *data,
             gsize         n,
             gboolean     *found)
{
  gsize zero_even = 0, zero_odd = 0, m = MIN (n, 4096) & ~(gsize) 1;

  for (gsize i = 0; i < m; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
    }

  *found = m >= 4 && (zero_odd > m / 5 || zero_even > m / 5);
  return zero_odd >= zero_even ? ENCODING_UTF16LE : ENCODING_UTF16BE;
}

static gboolean
encoding_from_name (const char *name,
                    Encoding   *encoding)
{
  g_autofree char *up = g_ascii_strup (name, -1);

  if (g_str_equal (up, "UTF-8") || g_str_equal (up, "UTF8"))
    *encoding = ENCODING_UTF8;
  else if (g_str_equal (up, "UTF-16LE") || g_str_equal (up, "UTF-16"))
    *encoding = ENCODING_UTF16LE;
  else if (g_str_equal (up, "UTF-16BE"))
    *encoding = ENCODING_UTF16BE;
  else if (g_str_equal (up, "WINDOWS-1252") || g_str_equal (up, "CP1252") ||
           g_str_equal (up, "ISO-8859-1") || g_str_equal (up, "LATIN1"))
    *encoding = ENCODING_CP1252;
  else
    return FALSE;

  return TRUE;
}

static const char *
encoding_to_name (Encoding encoding)
{
  switch (encoding)
    {
    case ENCODING_UTF16LE:
      return "UTF-16LE";
    case ENCODING_UTF16BE:
      return "UTF-16BE";
    case ENCODING_CP1252:
      return "WINDOWS-1252";
    case ENCODING_UTF8:
    default:
      return "UTF-8";
    }
}

/* Picks the encoding from the first block; returns the BOM's length. */
static gsize
detect_encoding (ScReaderCsv  *self,
                 const guchar *data,
                 gsize         n)
{
  gboolean found;
  Encoding guess;

  if (n >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      self->encoding = ENCODING_UTF8;
      self->bom = TRUE;
      return 3;
    }
  if (n >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      self->encoding = data[0] == 0xFF ? ENCODING_UTF16LE : ENCODING_UTF16BE;
      self->bom = TRUE;
      return 2;
    }

  guess = guess_utf16 (data, n, &found);
  if (found)
    self->encoding = guess;
  else if (looks_like_utf8 (data, n, self->eof))
    self->encoding = ENCODING_UTF8;
  else
    self->encoding = ENCODING_CP1252;

  return 0;
}

typedef struct
{
  const char *p;
  const char *end;
  gboolean    complete;   /* the text ends at end: its last line is whole */
} Cursor;

/* Splits the next line of a sample, quote-aware; counts @candidates
 * outside quotes into @counts, or collects fields if @fields is set.
 */
static gboolean
sample_line (Cursor     *cur,
             const char *candidates,
             guint      *counts,
             char        delimiter,
             GPtrArray  *fields)
{
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  if (cur->p >= cur->end)
    return FALSE;

  for (; cur->p < cur->end; cur->p++)
    {
      char c = *cur->p;
      const char *hit;

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c != 0 && counts && (hit = strchr (candidates, c)) != NULL)
        counts[hit - candidates]++;
      else if (!quoted && c == delimiter && fields)
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
        }
      else if (fields)
        g_string_append_c (field, c);
    }

  if (cur->p >= cur->end)
    {
      /* An incomplete last line says nothing */
      if (!cur->complete)
        return FALSE;
      if (fields)
        g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      return TRUE;
    }
  if (*cur->p == '\r' && cur->p + 1 < cur->end && cur->p[1] == '\n')
    cur->p++;
  cur->p++;
  if (fields)
    g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

  return TRUE;
}

/* The delimiter that splits the header and the sample lines alike into the
 * most columns; the header's most frequent candidate when none is steady.
 */
static char
detect_delimiter (const char *text,
                  gsize       len,
                  gboolean    complete)
{
  static const char candidates[] = "\t;,|";
  guint header[4] = { 0 }, best = G_N_ELEMENTS (header);
  gboolean steady[4] = { TRUE, TRUE, TRUE, TRUE };
  Cursor cur = { text, text + len, complete };
  guint n_lines = 0;

  sample_line (&cur, candidates, header, 0, NULL);

  for (guint n; n_lines < SNIFF_LINES; n_lines++)
    {
      guint counts[4] = { 0 };

      if (!sample_line (&cur, candidates, counts, 0, NULL))
        break;
      n = counts[0] + counts[1] + counts[2] + counts[3];
      if (n == 0)
        continue; /* a blank line */
      for (guint i = 0; i < 4; i++)
        steady[i] = steady[i] && counts[i] == header[i];
    }

  for (guint i = 0; i < 4; i++)
    if (header[i] > 0 && steady[i] && (best == 4 || header[i] > header[best]))
      best = i;
  if (best == 4)
    for (guint i = 0; i < 4; i++)
      if (header[i] > 0 && (best == 4 || header[i] > header[best]))
        best = i;

  return best == 4 ? ',' : candidates[best];
}

/* "03.2025" or "3,2025": a month and a year, not a number. */
static gboolean
looks_like_month_year (const char *cell)
{
  gsize before = strspn (cell, "0123456789");
  int month, year;

  if (before < 1 || before > 2 || (cell[before] != '.' && cell[before] != ',') ||
      strspn (cell + before + 1, "0123456789") != 4 || cell[before + 5] != '\0')
    return FALSE;

  month = atoi (cell);
  year = atoi (cell + before + 1);
  return month >= 1 && month <= 12 && year >= 1900 && year <= 2100;
}

/* Votes of one cell for a decimal comma (+1) or point (−1): "1,5" and
 * "1.234,5" are German, "1.5" and "1,234.5" English; "1,500" is either,
 * and "03.2025" is a period, not a number.
 */
static int
decimal_vote (const char *cell)
{
  const char *comma = NULL, *point = NULL;
  guint n_comma = 0, n_point = 0, n_digits = 0;
  const char *last;
  gsize after;

  for (const char *p = cell; *p; p++)
    {
      if (*p == ',')
        comma = p, n_comma++;
      else if (*p == '.')
        point = p, n_point++;
      else if (g_ascii_isdigit (*p))
        n_digits++;
      else if (!strchr (" +-%'\t", *p))
        return 0;
    }

  if (n_digits == 0 || (comma == NULL && point == NULL) || looks_like_month_year (cell))
    return 0;
  if (comma && point)
    return comma > point ? 1 : -1;

  last = comma ? comma : point;
  if ((comma ? n_comma : n_point) > 1)
    return comma ? -1 : 1; /* repeated: a thousands separator */

  after = strspn (last + 1, "0123456789");
  if (after == 3)
    return 0;

  return comma ? 1 : -1;
}

static char
detect_decimal_mark (const char *text,
                     gsize       len,
                     gboolean    complete,
                     char        delimiter)
{
  Cursor cur = { text, text + len, complete };
  int votes = 0;

  sample_line (&cur, "", NULL, delimiter, NULL); /* the header */
  for (guint n = 0; n < SNIFF_LINES; n++)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

      if (!sample_line (&cur, "", NULL, delimiter, fields))
        break;
      for (guint i = 0; i < fields->len; i++)
        votes += decimal_vote (g_ptr_array_index (fields, i));
    }

  if (votes != 0)
    return votes > 0 ? ',' : '.';

  return delimiter == ';' ? ',' : '.';
}

/* Parsing */

static void
reserve_out (ScReaderCsv *self,
             gsize        n)
{
  if (self->out_len + n + 1 > self->out_size)
    {
      self->out_size = MAX (self->out_len + n + 1, self->out_size * 2);
      self->out = g_realloc (self->out, self->out_size);
    }
}

static gboolean
end_field (ScReaderCsv  *self,
           gsize         start,
           const char   *at,
           GError      **error)
{
  if (self->n_fields == SC_READER_CSV_MAX_COLUMNS)
    {
      set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE, self->next_line,
                 _("%u: more than %d columns in one row"),
                 column_at (self, at), SC_READER_CSV_MAX_COLUMNS);
      return FALSE;
    }
  if (self->n_fields == self->fields_size)
    {
      self->fields_size *= 2;
      self->starts = g_renew (gsize, self->starts, self->fields_size);
      self->lengths = g_renew (gsize, self->lengths, self->fields_size);
    }

  reserve_out (self, 0);
  self->starts[self->n_fields] = start;
  self->lengths[self->n_fields] = self->out_len - start;
  self->n_fields++;
  self->out[self->out_len++] = '\0';

  return TRUE;
}

static guint
count_line_breaks (const char *p,
                   const char *end)
{
  guint n = 0;

  for (; p < end; p++)
    n += *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'));

  return n;
}

/* Reads a quoted field starting at *pp (on the opening quote). */
static RowStatus
parse_quoted (ScReaderCsv  *self,
              const char  **pp,
              const char   *end,
              guint        *extra_lines,
              GError      **error)
{
  const char *open = *pp;
  const char *p = open + 1;
  gsize start = self->out_len;

  for (;;)
    {
      const char *q = memchr (p, '"', end - p);
      const char *chunk_end = q ? q : end;

      if (self->out_len - start + (chunk_end - p) > SC_READER_CSV_MAX_FIELD)
        {
          set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE, self->next_line,
                     _("%u: a quoted field is longer than 1 MiB; is its closing quote missing?"),
                     column_at (self, open));
          return ROW_ERROR;
        }
      reserve_out (self, chunk_end - p + 1);
      memcpy (self->out + self->out_len, p, chunk_end - p);
      self->out_len += chunk_end - p;
      *extra_lines += count_line_breaks (p, chunk_end);

      if (q == NULL || (q + 1 == end && !self->eof))
        {
          if (!self->eof)
            return ROW_NEED_MORE;
          set_error (self, error, SC_IMPORT_ERROR_SYNTAX, self->next_line,
                     _("%u: the quoted field starting here has no closing quote"),
                     column_at (self, open));
          return ROW_ERROR;
        }
      if (q + 1 < end && q[1] == '"')
        {
          self->out[self->out_len++] = '"';
          p = q + 2;
          continue;
        }

      p = q + 1;
      break;
    }

  /* Spreadsheets sometimes pad after the closing quote */
  while (p < end && *p == ' ' && *p != self->delimiter)
    p++;
  if (p < end && *p != self->delimiter && *p != '\n' && *p != '\r')
    {
      set_error (self, error, SC_IMPORT_ERROR_SYNTAX, self->next_line + *extra_lines,
                 _("%u: unexpected text after a closing quote; expected “%c” or the end of the line"),
                 column_at (self, p), self->delimiter == '\t' ? ' ' : self->delimiter);
      return ROW_ERROR;
    }
  if (p == end && !self->eof)
    return ROW_NEED_MORE;

  *pp = p;
  return ROW_OK;
}

static RowStatus
parse_unquoted (ScReaderCsv  *self,
                const char  **pp,
                const char   *end,
                GError      **error)
{
  const char *p = *pp, *q = p;

  while (q < end && !self->special[(guchar) *q])
    q++;

  if (q - p > SC_READER_CSV_MAX_FIELD)
    {
      set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE, self->next_line,
                 _("%u: a field is longer than 1 MiB"), column_at (self, p));
      return ROW_ERROR;
    }
  if (q == end && !self->eof)
    return ROW_NEED_MORE;

  reserve_out (self, q - p + 1);
  memcpy (self->out + self->out_len, p, q - p);
  self->out_len += q - p;
  *pp = q;

  return ROW_OK;
}

/* Splits the row at pos into fields. ROW_NEED_MORE when the buffer ends
 * inside it; the caller reads on and parses the row again.
 */
static RowStatus
parse_row (ScReaderCsv  *self,
           GError      **error)
{
  const char *p = self->buf + self->pos;
  const char *end = self->buf + self->buf_len;
  guint extra_lines = 0;

  self->out_len = 0;
  self->n_fields = 0;

  for (;;)
    {
      gsize start = self->out_len;
      RowStatus status;

      if (p < end && *p == '"')
        status = parse_quoted (self, &p, end, &extra_lines, error);
      else
        status = parse_unquoted (self, &p, end, error);
      if (status != ROW_OK)
        return status;
      if (!end_field (self, start, p, error))
        return ROW_ERROR;

      if (p == end)
        break;
      if (*p++ == self->delimiter)
        continue;
      if (p[-1] == '\r' && p < end && *p == '\n')
        p++;
      else if (p[-1] == '\r' && p == end && !self->eof)
        return ROW_NEED_MORE;
      break;
    }

  self->pos = p - self->buf;
  self->line = self->next_line;
  self->next_line += 1 + extra_lines;

  return ROW_OK;
}

static gboolean
is_blank_row (ScReaderCsv *self)
{
  return self->n_fields == 1 && self->lengths[0] == 0;
}

/* Public API */

ScReaderCsv *
sc_reader_csv_new (GInputStream *stream,
                   const char   *display_name)
{
  ScReaderCsv *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (SC_TYPE_READER_CSV, NULL);
  self->stream = g_object_ref (stream);
  self->display_name = g_strdup (display_name ? display_name : "data");

  return self;
}

/* Chooses the delimiter instead of detecting it; 0 detects. */
void
sc_reader_csv_set_delimiter (ScReaderCsv *self,
                             char         delimiter)
{
  g_return_if_fail (SC_IS_READER_CSV (self));
  g_return_if_fail (!self->opened);

  self->delimiter = delimiter;
}

/* Chooses the encoding ("UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252")
 * instead of detecting it; %NULL detects.
 */
void
sc_reader_csv_set_encoding (ScReaderCsv *self,
                            const char  *encoding)
{
  g_return_if_fail (SC_IS_READER_CSV (self));
  g_return_if_fail (!self->opened);

  g_free (self->encoding_name);
  self->encoding_name = g_strdup (encoding);
}

/* Chooses the decimal mark ('.' or ',') instead of detecting it; 0 detects. */
void
sc_reader_csv_set_decimal_mark (ScReaderCsv *self,
                                char         decimal_mark)
{
  g_return_if_fail (SC_IS_READER_CSV (self));
  g_return_if_fail (!self->opened);

  self->decimal_mark = decimal_mark;
}

/* A control character no text file has: not tab, line feed, vertical tab,
 * form feed, carriage return, nor the ^Z that ends old DOS files or the
 * escape of terminal colours
 */
static inline gboolean
is_binary_control (guint c)
{
  return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' &&
         c != 0x1A && c != 0x1B;
}

/* Whether the first block is binary data rather than text in @encoding:
 * a NUL character, or control characters in more than 1 % of it (at least
 * 8: a stray one in a cell of a short file is text). On TRUE @offset is
 * the byte of the first such character in the block.
 */
static gboolean
find_binary (const guchar *data,
             gsize         n,
             Encoding      encoding,
             gsize        *offset)
{
  gsize step = encoding == ENCODING_UTF16LE || encoding == ENCODING_UTF16BE ? 2 : 1;
  gsize n_controls = 0, first = G_MAXSIZE;

  for (gsize i = 0; i + step <= n; i += step)
    {
      guint c = step == 1 ? data[i] :
                encoding == ENCODING_UTF16LE ? data[i] | data[i + 1] << 8 : data[i] << 8 | data[i + 1];

      if (!is_binary_control (c))
        continue;
      if (first == G_MAXSIZE)
        first = i;
      n_controls++;
      if (c == 0)
        {
          *offset = i;
          return TRUE;
        }
    }
  *offset = first;
  return n_controls >= 8 && n_controls * step * 100 > n;
}

static gboolean
open_first_block (ScReaderCsv   *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gsize n_read = 0, skip = 0, binary_at;
  Encoding forced;

  self->raw = g_malloc (BLOCK_SIZE);
  if (!read_block (self, self->raw, &n_read, cancellable, error))
    return FALSE;

  if (self->encoding_name != NULL)
    {
      if (!encoding_from_name (self->encoding_name, &forced))
        {
          g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_ENCODING,
                       _("%s: unknown encoding “%s”; expected UTF-8, UTF-16LE, UTF-16BE or WINDOWS-1252"),
                       self->display_name, self->encoding_name);
          return FALSE;
        }
      detect_encoding (self, self->raw, n_read);
      if (self->bom && self->encoding == forced)
        skip = forced == ENCODING_UTF8 ? 3 : 2;
      self->encoding = forced;
    }
  else
    skip = detect_encoding (self, self->raw, n_read);

  if (find_binary (self->raw + skip, n_read - skip, self->encoding, &binary_at))
    {
      /* Translators: a file given as CSV is a picture, a zip or a program */
      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_ENCODING,
                   _("%s: not a text file: binary data at byte %llu"),
                   self->display_name, (unsigned long long) (binary_at + skip));
      return FALSE;
    }

  append_decoded (self, self->raw + skip, n_read - skip);
  if (self->encoding == ENCODING_UTF8)
    g_clear_pointer (&self->raw, g_free);
  g_free (self->encoding_name);
  self->encoding_name = g_strdup (encoding_to_name (self->encoding));

  return TRUE;
}

/**
 * sc_reader_csv_open:
 *
 * Reads the first block and detects what was not chosen: encoding,
 * delimiter and decimal mark. Called by the first sc_reader_csv_next_row().
 */
gboolean
sc_reader_csv_open (ScReaderCsv   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), FALSE);

  if (self->opened)
    return TRUE;
  if (!open_first_block (self, cancellable, error))
    return FALSE;

  if (self->delimiter == 0)
    self->delimiter = detect_delimiter (self->buf, self->buf_len, self->eof);
  if (self->decimal_mark == 0)
    self->decimal_mark = detect_decimal_mark (self->buf, self->buf_len, self->eof, self->delimiter);
  self->thousands = self->decimal_mark == ',' ? '.' : ',';

  self->special[(guchar) self->delimiter] = 1;
  self->special['\n'] = 1;
  self->special['\r'] = 1;
  self->opened = TRUE;

  return TRUE;
}

const char *
sc_reader_csv_get_display_name (ScReaderCsv *self)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), NULL);
  return self->display_name;
}

const char *
sc_reader_csv_get_encoding (ScReaderCsv *self)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), NULL);
  return self->encoding_name;
}

char
sc_reader_csv_get_delimiter (ScReaderCsv *self)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), 0);
  return self->delimiter;
}

char
sc_reader_csv_get_decimal_mark (ScReaderCsv *self)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), 0);
  return self->decimal_mark;
}

char
sc_reader_csv_get_thousands_separator (ScReaderCsv *self)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), 0);
  return self->thousands;
}

/**
 * sc_reader_csv_next_row:
 *
 * Reads the next row that is not blank.
 *
 * Returns: %TRUE with a row; %FALSE at the end (@error unset) or on error
 */
gboolean
sc_reader_csv_next_row (ScReaderCsv   *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), FALSE);

  if (!self->opened && !sc_reader_csv_open (self, cancellable, error))
    return FALSE;

  for (;;)
    {
      RowStatus status;

      if (self->pos == self->buf_len && self->eof)
        return FALSE;

      status = parse_row (self, error);
      if (status == ROW_ERROR)
        return FALSE;
      if (status == ROW_OK && is_blank_row (self))
        continue;
      if (status == ROW_OK)
        {
          self->n_rows++;
          return TRUE;
        }

      if (self->buf_len - self->pos >= SC_READER_CSV_MAX_LINE)
        {
          set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE, self->next_line,
                     _("1: a line is longer than 16 MiB"));
          return FALSE;
        }
      if (!refill (self, cancellable, error))
        return FALSE;
    }
}

guint
sc_reader_csv_get_n_fields (ScReaderCsv *self)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), 0);
  return self->n_fields;
}

/* The text of field @column (0-based) of the current row, NUL-terminated,
 * valid until the next row; "" beyond the last field.
 */
const char *
sc_reader_csv_get_field (ScReaderCsv *self,
                         guint        column,
                         gsize       *length)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), NULL);

  if (column >= self->n_fields)
    {
      if (length)
        *length = 0;
      return "";
    }

  if (length)
    *length = self->lengths[column];
  return self->out + self->starts[column];
}

/* The line the current row starts on (1-based; quoted line breaks count). */
guint64
sc_reader_csv_get_line (ScReaderCsv *self)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), 0);
  return self->line;
}

guint64
sc_reader_csv_get_n_rows (ScReaderCsv *self)
{
  g_return_val_if_fail (SC_IS_READER_CSV (self), 0);
  return self->n_rows;
}
