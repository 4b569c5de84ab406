/* sc-formula-lex.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tokens of a formula: numbers, "text", names, [bracketed names],
 * operators and the keywords (and, or, not, in, is, empty, where; in any
 * case). The text is valid UTF-8 by now; positions are byte offsets, turned
 * into characters only for a message.
 */

#define G_LOG_DOMAIN "sc-formula"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-formula-private.h"

static const struct
{
  const char  *word;
  ScTokenKind  kind;
} keywords[] = {
  { "and", SC_TOKEN_AND },
  { "or", SC_TOKEN_OR },
  { "not", SC_TOKEN_NOT },
  { "in", SC_TOKEN_IN },
  { "is", SC_TOKEN_IS },
  { "empty", SC_TOKEN_EMPTY },
  { "where", SC_TOKEN_WHERE },
};

static gboolean
fail (ScLexer    *lexer,
      gsize       offset,
      const char *detail)
{
  sc_formula_set_error (lexer->text, offset, lexer->error_pos, lexer->error,
                        SC_FORMULA_ERROR_SYNTAX, "%s", detail);
  return FALSE;
}

/* “the token” as written, shortened, or "the end of the formula" */
char *
sc_lexer_describe (ScLexer       *lexer,
                   const ScToken *token)
{
  const char *start = lexer->text + token->start;
  const char *end = lexer->text + token->end;
  const char *cut = start;

  if (token->kind == SC_TOKEN_END)
    return g_strdup (_("the end of the formula"));

  for (guint n = 0; cut < end && n < 30; n++)
    cut = g_utf8_next_char (cut);

  return g_strdup_printf ("“%.*s%s”", (int) (cut - start), start, cut < end ? "…" : "");
}

static gunichar
char_at (ScLexer *lexer,
         gsize    at,
         gsize   *next)
{
  guchar c;

  if (at >= lexer->length)
    {
      *next = at;
      return 0;
    }

  c = lexer->text[at];
  if (c < 0x80)
    {
      *next = at + 1;
      return c;
    }

  /* The text was validated as UTF-8 */
  *next = g_utf8_next_char (lexer->text + at) - lexer->text;
  return g_utf8_get_char (lexer->text + at);
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c >= 0x80 && g_unichar_isspace (c));
}

static gboolean
is_name_start (gunichar c)
{
  return c == '_' || g_unichar_isalpha (c);
}

static gboolean
is_name_char (gunichar c)
{
  return c == '_' || c == '.' || g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static ScTokenKind
keyword_kind (const char *name,
              gsize       length)
{
  for (guint k = 0; k < G_N_ELEMENTS (keywords); k++)
    if (strlen (keywords[k].word) == length &&
        g_ascii_strncasecmp (name, keywords[k].word, length) == 0)
      return keywords[k].kind;

  return SC_TOKEN_NAME;
}

/* Whether @name can be written bare in a formula, without [brackets] */
gboolean
sc_formula_is_bare_name (const char *name)
{
  const char *p = name;

  if (!g_utf8_validate (name, -1, NULL) || !is_name_start (g_utf8_get_char (p)))
    return FALSE;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_name_char (g_utf8_get_char (p)))
      return FALSE;

  return keyword_kind (name, strlen (name)) == SC_TOKEN_NAME;
}

static gboolean
lex_number (ScLexer *lexer)
{
  const char *s = lexer->text;
  ScToken *t = &lexer->token;
  gsize i = t->start, next;
  char buffer[64];
  char *end;

  t->kind = SC_TOKEN_NUMBER;
  while (i < lexer->length && g_ascii_isdigit (s[i]))
    i++;
  if (i < lexer->length && s[i] == '.')
    for (i++; i < lexer->length && g_ascii_isdigit (s[i]); i++)
      ;
  if (i < lexer->length && (s[i] == 'e' || s[i] == 'E'))
    {
      gsize j = i + 1;

      if (j < lexer->length && (s[j] == '+' || s[j] == '-'))
        j++;
      if (j < lexer->length && g_ascii_isdigit (s[j]))
        for (i = j; i < lexer->length && g_ascii_isdigit (s[i]); i++)
          ;
    }
  t->end = i;

  /* "2e", "1.2.3", "3x": one word that is not a number */
  if (is_name_char (char_at (lexer, i, &next)))
    {
      g_autofree char *what = NULL;
      g_autofree char *detail = NULL;

      while (i < lexer->length && is_name_char (char_at (lexer, i, &next)))
        i = next;
      t->end = i;
      what = sc_lexer_describe (lexer, t);
      detail = g_strdup_printf (_("%s is not a number"), what);
      return fail (lexer, t->start, detail);
    }

  if (i - t->start >= sizeof buffer)
    return fail (lexer, t->start, _("the number has too many digits"));

  memcpy (buffer, s + t->start, i - t->start);
  buffer[i - t->start] = '\0';
  t->number = g_ascii_strtod (buffer, &end);
  if (!isfinite (t->number))
    return fail (lexer, t->start, _("the number is too large"));

  return TRUE;
}

/* "text", with "" or \" for a quote inside; or “text” as word processors
 * write it.
 */
static gboolean
lex_string (ScLexer  *lexer,
            gunichar  open)
{
  gsize i, next;

  char_at (lexer, lexer->token.start, &i);
  for (;;)
    {
      gunichar c = char_at (lexer, i, &next);

      if (i >= lexer->length)
        return fail (lexer, lexer->token.start,
                     _("the text in quotes that starts here is not closed"));

      if (open == '"' && (c == '\\' || c == '"') && next < lexer->length &&
          lexer->text[next] == '"')
        next++;
      else if ((open == '"' && c == '"') || (open != '"' && c == 0x201D))
        break;

      i = next;
    }

  lexer->token.kind = SC_TOKEN_STRING;
  lexer->token.end = next;
  return TRUE;
}

/* [Column name], with ]] for a ] inside */
static gboolean
lex_bracketed (ScLexer *lexer)
{
  gsize i = lexer->token.start + 1;

  for (;; i++)
    {
      if (i >= lexer->length)
        return fail (lexer, lexer->token.start,
                     _("the column name in square brackets that starts here is not closed"));
      if (lexer->text[i] == ']')
        {
          if (i + 1 < lexer->length && lexer->text[i + 1] == ']')
            i++;
          else
            break;
        }
    }

  lexer->token.kind = SC_TOKEN_BRACKETED;
  lexer->token.end = i + 1;
  return TRUE;
}

static void
lex_name (ScLexer *lexer)
{
  gsize i = lexer->token.start, next;

  while (i < lexer->length && is_name_char (char_at (lexer, i, &next)))
    i = next;

  lexer->token.end = i;
  lexer->token.kind = keyword_kind (lexer->text + lexer->token.start, i - lexer->token.start);
}

static gboolean
lex_operator (ScLexer  *lexer,
              gunichar  c,
              gsize     next)
{
  ScToken *t = &lexer->token;
  char following = next < lexer->length ? lexer->text[next] : '\0';
  g_autofree char *what = NULL;
  g_autofree char *detail = NULL;

  t->end = next;
  t->kind = SC_TOKEN_COMPARE;

  switch (c)
    {
    case '(': t->kind = SC_TOKEN_OPEN; return TRUE;
    case ')': t->kind = SC_TOKEN_CLOSE; return TRUE;
    case ',': t->kind = SC_TOKEN_COMMA; return TRUE;
    case '+': t->kind = SC_TOKEN_PLUS; return TRUE;
    case '-': t->kind = SC_TOKEN_MINUS; return TRUE;
    case '*': t->kind = SC_TOKEN_TIMES; return TRUE;
    case '/': t->kind = SC_TOKEN_DIVIDE; return TRUE;
    case 0x2260: t->compare = SC_COMPARE_NE; return TRUE;   /* ≠ */
    case 0x2264: t->compare = SC_COMPARE_LE; return TRUE;   /* ≤ */
    case 0x2265: t->compare = SC_COMPARE_GE; return TRUE;   /* ≥ */
    case '=':
      t->compare = SC_COMPARE_EQ;
      t->end += following == '=';
      return TRUE;
    case '<':
      t->compare = following == '=' ? SC_COMPARE_LE
                 : following == '>' ? SC_COMPARE_NE
                                    : SC_COMPARE_LT;
      t->end += following == '=' || following == '>';
      return TRUE;
    case '>':
      t->compare = following == '=' ? SC_COMPARE_GE : SC_COMPARE_GT;
      t->end += following == '=';
      return TRUE;
    case '!':
      if (following != '=')
        break;
      t->compare = SC_COMPARE_NE;
      t->end++;
      return TRUE;
    case '\'':
      return fail (lexer, t->start,
                   _("text goes in double quotes, as in status = \"Delivered\""));
    default:
      break;
    }

  what = sc_lexer_describe (lexer, t);
  detail = g_strdup_printf (_("unexpected %s"), what);
  return fail (lexer, t->start, detail);
}

/* Moves to the next token; FALSE with the error set when the text there
 * is not one.
 */
gboolean
sc_lexer_next (ScLexer *lexer)
{
  gsize at = lexer->token.end, next;
  gunichar c;

  lexer->previous = lexer->token;

  for (;;)
    {
      c = char_at (lexer, at, &next);
      if (at >= lexer->length || !is_space (c))
        break;
      at = next;
    }

  lexer->token.start = at;
  lexer->token.end = at;
  lexer->token.number = 0;
  lexer->token.compare = SC_COMPARE_EQ;

  if (at >= lexer->length)
    {
      lexer->token.kind = SC_TOKEN_END;
      return TRUE;
    }

  if (g_ascii_isdigit (c) ||
      (c == '.' && next < lexer->length && g_ascii_isdigit (lexer->text[next])))
    return lex_number (lexer);
  if (c == '"' || c == 0x201C)
    return lex_string (lexer, c);
  if (c == '[')
    return lex_bracketed (lexer);
  if (is_name_start (c))
    {
      lex_name (lexer);
      return TRUE;
    }

  return lex_operator (lexer, c, next);
}

/* The text between the quotes of a string token, unescaped */
char *
sc_lexer_string_value (ScLexer       *lexer,
                       const ScToken *token)
{
  const char *s = lexer->text + token->start;
  const char *end = lexer->text + token->end;
  gboolean straight = *s == '"';
  GString *value;

  s += straight ? 1 : strlen ("“");
  end -= straight ? 1 : strlen ("”");

  value = g_string_sized_new (end - s);
  while (s < end)
    {
      if (straight && (*s == '\\' || *s == '"') && s + 1 < end && s[1] == '"')
        s++;
      g_string_append_c (value, *s++);
    }

  return g_string_free (value, FALSE);
}

/* The column name between the brackets, "]]" as "]", without blanks
 * around it; NULL when there is none.
 */
char *
sc_lexer_bracketed_value (ScLexer       *lexer,
                          const ScToken *token)
{
  const char *s = lexer->text + token->start + 1;
  const char *end = lexer->text + token->end - 1;
  GString *value = g_string_sized_new (end - s);

  while (s < end)
    {
      if (*s == ']')
        s++;
      g_string_append_c (value, *s++);
    }

  g_strstrip (value->str);
  if (value->str[0] == '\0')
    {
      g_string_free (value, TRUE);
      return NULL;
    }

  return g_string_free (value, FALSE);
}
