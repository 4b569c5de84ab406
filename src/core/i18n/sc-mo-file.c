/* sc-mo-file.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reader of compiled gettext catalogues (.mo): a header (magic, count,
 * offsets of the original and translated string tables), then two tables
 * of (length, offset) pairs. Every offset and length is checked against
 * the file before it is used, every translation must be UTF-8, and a
 * translation whose printf conversions differ from its original's is
 * dropped (the English text is shown instead): a damaged or hostile file
 * fails cleanly instead of crashing a report.
 */

#define G_LOG_DOMAIN "sc-mo-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-mo-file.h"

#define MO_MAGIC        0x950412deU
#define MO_HEADER_SIZE  28
#define MO_MAX_SIZE     (32 * 1024 * 1024)
#define PLURAL_MAX_DEPTH 32

struct _ScMoFile
{
  GBytes     *bytes;
  GHashTable *messages;   /* msgid (with "context\004" before it) → translation, in @bytes */
  GHashTable *lengths;    /* the same key → translation length (with the NULs of plural forms) */
  char       *plural;     /* the Plural-Forms expression, or NULL: n != 1 */
  gulong      n_plurals;
};

G_DEFINE_QUARK (sc-mo-file-error-quark, sc_mo_file_error)

/* Reading */

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string of table @table's entry @i, checked to lie inside the file
 * and to end with a NUL.
 */
static gboolean
read_string (const guint8  *data,
             gsize          size,
             guint32        table,
             guint32        i,
             gboolean       swap,
             const char   **string,
             guint32       *length)
{
  guint64 entry = (guint64) table + (guint64) i * 8;
  guint32 offset;

  if (entry + 8 > size)
    return FALSE;
  *length = read_u32 (data, entry, swap);
  offset = read_u32 (data, entry + 4, swap);
  if ((guint64) offset + *length + 1 > size || data[(gsize) offset + *length] != '\0')
    return FALSE;
  *string = (const char *) data + offset;
  return TRUE;
}

/* The printf conversions of @format in argument order ("%1$s" counts as
 * the first), e.g. "su" for "%s has %u"; NULL when it has none.
 */
static char *
dup_conversions (const char *format,
                 gsize       length)
{
  char slots[16] = { 0 };
  guint next = 0, top = 0;

  for (gsize i = 0; i < length; i++)
    {
      guint position = 0;

      if (format[i] != '%')
        continue;
      if (++i >= length || format[i] == '%')
        continue;
      if (g_ascii_isdigit (format[i]))
        {
          gsize j = i;

          while (j < length && g_ascii_isdigit (format[j]))
            position = position * 10 + (guint) (format[j++] - '0');
          if (j < length && format[j] == '$')
            i = j + 1;
          else
            position = 0;
        }
      while (i < length && strchr ("-+ #0'123456789.lhzjtL", format[i]) != NULL)
        i++;
      if (i >= length)
        break;
      position = position ? position - 1 : next++;
      if (position >= sizeof slots - 1)
        return g_strdup ("?");
      slots[position] = format[i] == 'i' ? 'd' : format[i];
      top = MAX (top, position + 1);
    }
  /* "%2$s" without a first argument: nothing printf can be trusted with */
  if (memchr (slots, '\0', top) != NULL)
    return g_strdup ("?");
  return top ? g_strndup (slots, top) : NULL;
}

/* Whether every plural form of @translation takes the arguments @msgid
 * takes, or the first of them ("one issue" may leave the number out):
 * printf ignores arguments after those a format uses, never before.
 */
static gboolean
formats_agree (const char *msgid,
               guint32     msgid_length,
               const char *translation,
               guint32     length)
{
  g_autofree char *want = NULL;
  gsize plural_at = strlen (msgid);

  if (memchr (msgid, '%', msgid_length) == NULL)
    return TRUE;
  if (plural_at < msgid_length)
    want = dup_conversions (msgid + plural_at + 1, msgid_length - plural_at - 1);
  else
    want = dup_conversions (msgid, msgid_length);
  for (gsize start = 0; start <= length;)
    {
      gsize end = start + strlen (translation + start);
      g_autofree char *got = dup_conversions (translation + start, end - start);

      if (!g_str_has_prefix (want ? want : "", got ? got : ""))
        return FALSE;
      start = end + 1;
    }
  return TRUE;
}

/* UTF-8 in each of the NUL-separated parts (the plural forms). */
static gboolean
is_utf8 (const char *text,
         gsize       length)
{
  for (gsize start = 0; start <= length;)
    {
      gsize end = start + strlen (text + start);

      if (!g_utf8_validate (text + start, end - start, NULL))
        return FALSE;
      start = end + 1;
    }
  return TRUE;
}

static gboolean
read_header (const guint8  *data,
             gsize          size,
             const char    *name,
             gboolean      *swap,
             guint32       *n,
             guint32       *originals,
             guint32       *translations,
             GError       **error)
{
  guint32 magic;

  if (size < MO_HEADER_SIZE)
    {
      g_set_error (error, SC_MO_FILE_ERROR, SC_MO_FILE_ERROR_INVALID,
                   _("%s: not a message catalogue: only %zu bytes"), name, size);
      return FALSE;
    }
  memcpy (&magic, data, sizeof magic);
  *swap = magic == GUINT32_SWAP_LE_BE (MO_MAGIC);
  if (magic != MO_MAGIC && !*swap)
    {
      g_set_error (error, SC_MO_FILE_ERROR, SC_MO_FILE_ERROR_INVALID,
                   _("%s: not a message catalogue: wrong magic number"), name);
      return FALSE;
    }
  if (read_u32 (data, 4, *swap) >> 16 > 1)
    {
      g_set_error (error, SC_MO_FILE_ERROR, SC_MO_FILE_ERROR_INVALID,
                   _("%s: unknown message catalogue revision"), name);
      return FALSE;
    }
  *n = read_u32 (data, 8, *swap);
  *originals = read_u32 (data, 12, *swap);
  *translations = read_u32 (data, 16, *swap);
  if ((guint64) *originals + (guint64) *n * 8 > size || (guint64) *translations + (guint64) *n * 8 > size)
    {
      g_set_error (error, SC_MO_FILE_ERROR, SC_MO_FILE_ERROR_INVALID,
                   _("%s: %u messages do not fit in %zu bytes"), name, *n, size);
      return FALSE;
    }
  return TRUE;
}

/* "nplurals=2; plural=(n > 1);" from the header's Plural-Forms. */
static void
parse_plural_forms (ScMoFile *self)
{
  g_autofree char *forms = sc_mo_file_dup_header (self, "Plural-Forms");
  const char *nplurals, *plural;
  gulong check;

  self->n_plurals = 2;
  if (forms == NULL)
    return;
  nplurals = strstr (forms, "nplurals=");
  plural = strstr (forms, "plural=");
  if (plural == nplurals + 1)
    plural = strstr (plural + 1, "plural=");
  if (nplurals != NULL)
    self->n_plurals = CLAMP (g_ascii_strtoull (nplurals + strlen ("nplurals="), NULL, 10), 1, 6);
  if (plural != NULL)
    {
      const char *end = strchr (plural, ';');
      char *expression = end ? g_strndup (plural + 7, end - plural - 7) : g_strdup (plural + 7);

      if (sc_mo_plural_eval (expression, 1, &check))
        self->plural = expression;
      else
        g_free (expression);
    }
}

/* Public API */

/* Reads a catalogue from @bytes; @name (the file) is for error messages. */
ScMoFile *
sc_mo_file_new_from_bytes (GBytes      *bytes,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(ScMoFile) self = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint32 n, originals, translations;
  gboolean swap;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (size > MO_MAX_SIZE)
    {
      g_set_error (error, SC_MO_FILE_ERROR, SC_MO_FILE_ERROR_TOO_LARGE,
                   _("%s: a message catalogue of %zu bytes is too large"), name, size);
      return NULL;
    }
  if (!read_header (data, size, name, &swap, &n, &originals, &translations, error))
    return NULL;

  self = g_new0 (ScMoFile, 1);
  self->bytes = g_bytes_ref (bytes);
  self->messages = g_hash_table_new (g_str_hash, g_str_equal);
  self->lengths = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid, *translation;
      guint32 msgid_length, length;

      if (!read_string (data, size, originals, i, swap, &msgid, &msgid_length) ||
          !read_string (data, size, translations, i, swap, &translation, &length))
        {
          g_set_error (error, SC_MO_FILE_ERROR, SC_MO_FILE_ERROR_INVALID,
                       _("%s: message %u lies outside the file"), name, i + 1);
          return NULL;
        }
      if (!is_utf8 (translation, length) || !is_utf8 (msgid, msgid_length))
        {
          g_set_error (error, SC_MO_FILE_ERROR, SC_MO_FILE_ERROR_INVALID,
                       _("%s: message %u is not UTF-8"), name, i + 1);
          return NULL;
        }
      if (length == 0 || !formats_agree (msgid, msgid_length, translation, length))
        continue;
      g_hash_table_insert (self->messages, (gpointer) msgid, (gpointer) translation);
      g_hash_table_insert (self->lengths, (gpointer) msgid, GUINT_TO_POINTER (length));
    }
  parse_plural_forms (self);
  return g_steal_pointer (&self);
}

ScMoFile *
sc_mo_file_new_for_path (const char  *path,
                         GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (file);
  return sc_mo_file_new_from_bytes (bytes, path, error);
}

void
sc_mo_file_free (ScMoFile *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->lengths, g_hash_table_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->plural);
  g_free (self);
}

guint
sc_mo_file_get_n_messages (ScMoFile *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->messages);
}

/* The translation of @msgid in @context (NULL: none), or NULL. */
const char *
sc_mo_file_lookup (ScMoFile   *self,
                   const char *context,
                   const char *msgid)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (context == NULL)
    return g_hash_table_lookup (self->messages, msgid);
  key = g_strconcat (context, "\004", msgid, NULL);
  return g_hash_table_lookup (self->messages, key);
}

gulong
sc_mo_file_plural_index (ScMoFile *self,
                         gulong    n)
{
  gulong index = n != 1;

  if (self->plural != NULL && !sc_mo_plural_eval (self->plural, n, &index))
    index = n != 1;
  return MIN (index, self->n_plurals - 1);
}

/* The plural form of @msgid (the singular) for @n, or NULL. */
const char *
sc_mo_file_lookup_plural (ScMoFile   *self,
                          const char *msgid,
                          gulong      n)
{
  const char *forms;
  gsize length, start = 0;
  gulong index;

  g_return_val_if_fail (self != NULL, NULL);

  forms = g_hash_table_lookup (self->messages, msgid);
  if (forms == NULL)
    return NULL;
  length = GPOINTER_TO_UINT (g_hash_table_lookup (self->lengths, msgid));
  index = sc_mo_file_plural_index (self, n);
  for (gulong i = 0; i < index; i++)
    {
      start += strlen (forms + start) + 1;
      if (start > length)
        return NULL;
    }
  return forms + start;
}

/* The value of a header field ("Language", "Plural-Forms") up to the end
 * of its line, or NULL when absent.
 */
char *
sc_mo_file_dup_header (ScMoFile   *self,
                       const char *field)
{
  const char *header;
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  header = g_hash_table_lookup (self->messages, "");
  key = g_strconcat (field, ": ", NULL);
  for (const char *line = header; line != NULL && *line != '\0';)
    {
      const char *end = strchr (line, '\n');

      if (g_str_has_prefix (line, key))
        return end ? g_strndup (line + strlen (key), end - line - strlen (key))
                   : g_strdup (line + strlen (key));
      line = end ? end + 1 : NULL;
    }
  return NULL;
}

/* Plural-Forms expressions: C's conditional, logical, comparison and
 * arithmetic operators over n and integers.
 */

typedef struct
{
  const char *p;
  gulong      n;
  guint       depth;
  gboolean    failed;
} PluralParser;

static gulong parse_conditional (PluralParser *parser);

static void
skip_spaces (PluralParser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static gboolean
accept (PluralParser *parser,
        const char   *token)
{
  skip_spaces (parser);
  if (!g_str_has_prefix (parser->p, token))
    return FALSE;
  /* "<" must not take the first half of "<=", nor "!" of "!=" */
  if (strlen (token) == 1 && strchr ("<>!=", token[0]) && parser->p[1] == '=')
    return FALSE;
  parser->p += strlen (token);
  return TRUE;
}

static gulong
parse_primary (PluralParser *parser)
{
  gulong value;

  skip_spaces (parser);
  if (accept (parser, "!"))
    return !parse_primary (parser);
  if (accept (parser, "n"))
    return parser->n;
  if (g_ascii_isdigit (*parser->p))
    {
      char *end = NULL;

      value = g_ascii_strtoull (parser->p, &end, 10);
      parser->p = end;
      return value;
    }
  if (accept (parser, "("))
    {
      value = parse_conditional (parser);
      if (!accept (parser, ")"))
        parser->failed = TRUE;
      return value;
    }
  parser->failed = TRUE;
  return 0;
}

static gulong
parse_binary (PluralParser *parser,
              guint         level)
{
  static const char *operators[][4] = {
    { "||" }, { "&&" }, { "==", "!=" }, { "<=", ">=", "<", ">" }, { "+", "-" }, { "*", "/", "%" },
  };
  gulong left;

  if (level == G_N_ELEMENTS (operators))
    return parse_primary (parser);
  left = parse_binary (parser, level + 1);
  while (!parser->failed)
    {
      const char *op = NULL;
      gulong right;

      for (guint i = 0; i < 4 && operators[level][i] != NULL && op == NULL; i++)
        if (accept (parser, operators[level][i]))
          op = operators[level][i];
      if (op == NULL)
        break;
      right = parse_binary (parser, level + 1);
      if (g_str_equal (op, "||")) left = left || right;
      else if (g_str_equal (op, "&&")) left = left && right;
      else if (g_str_equal (op, "==")) left = left == right;
      else if (g_str_equal (op, "!=")) left = left != right;
      else if (g_str_equal (op, "<=")) left = left <= right;
      else if (g_str_equal (op, ">=")) left = left >= right;
      else if (g_str_equal (op, "<")) left = left < right;
      else if (g_str_equal (op, ">")) left = left > right;
      else if (g_str_equal (op, "+")) left = left + right;
      else if (g_str_equal (op, "-")) left = left - right;
      else if (g_str_equal (op, "*")) left = left * right;
      else if (right == 0) parser->failed = TRUE;
      else if (g_str_equal (op, "/")) left = left / right;
      else left = left % right;
    }
  return left;
}

static gulong
parse_conditional (PluralParser *parser)
{
  gulong condition, yes, no;

  if (++parser->depth > PLURAL_MAX_DEPTH)
    {
      parser->failed = TRUE;
      return 0;
    }
  condition = parse_binary (parser, 0);
  if (!parser->failed && accept (parser, "?"))
    {
      yes = parse_conditional (parser);
      if (!accept (parser, ":"))
        parser->failed = TRUE;
      no = parse_conditional (parser);
      condition = condition ? yes : no;
    }
  parser->depth--;
  return condition;
}

gboolean
sc_mo_plural_eval (const char *expression,
                   gulong      n,
                   gulong     *result)
{
  PluralParser parser = { expression, n, 0, FALSE };

  g_return_val_if_fail (expression != NULL, FALSE);

  *result = parse_conditional (&parser);
  skip_spaces (&parser);
  return !parser.failed && *parser.p == '\0';
}
