/* sc-json-depth.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every JSON Scorecards reads (a workbook, the interchange format, a
 * recipe) goes through before json-glib sees it, in one pass without
 * recursion. json-glib's parser recurses once per level of nesting without
 * a limit: 100,000 nested arrays in a 200 KB file exhaust the stack. And it
 * reads 1e309 as infinity, which later only says "expected a number" with
 * no position. Both are refused here with the line and the column.
 */

#define G_LOG_DOMAIN "sc-json-depth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-json-depth.h"

/* Longer than any double's shortest form: 17 digits and an exponent */
#define MAX_SHOWN_NUMBER 40

G_DEFINE_QUARK (sc-json-error-quark, sc_json_error)

typedef struct
{
  const guchar *data;
  const guchar *line_start;
  guint64       line;
} Cursor;

static void
set_position (const Cursor  *cur,
              const guchar  *p,
              ScJsonProblem *problem)
{
  guint64 chars = 1;

  /* Count characters, not bytes: UTF-8 continuation bytes are 10xxxxxx */
  for (const guchar *q = cur->line_start; q < p; q++)
    chars += (*q & 0xC0) != 0x80;
  problem->line = cur->line;
  problem->column = chars;
}

/* A number token at @p: only one with an exponent or hundreds of digits
 * can be out of range, so the common case costs no conversion.
 */
static gboolean
number_in_range (const guchar  *p,
                 const guchar  *end,
                 const guchar **token_end)
{
  const guchar *q = p;
  gboolean exponent = FALSE;
  char copy[512];
  double value;

  while (q < end && (g_ascii_isdigit (*q) || strchr ("+-.eE", *q) != NULL))
    exponent |= *q == 'e' || *q == 'E', q++;
  *token_end = q;
  if (!exponent && q - p < 300)
    return TRUE;
  if ((gsize) (q - p) >= sizeof copy)
    return FALSE;
  memcpy (copy, p, q - p);
  copy[q - p] = '\0';
  value = g_ascii_strtod (copy, NULL);
  return !isinf (value);
}

static gboolean
scan (const char    *data,
      gsize          length,
      guint          max_depth,
      gboolean       numbers,
      ScJsonProblem *problem)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;
  Cursor cur = { p, p, 1 };
  gboolean in_string = FALSE;
  guint depth = 0;

  for (; p < end; p++)
    {
      const guchar *token_end;

      if (*p == '\n')
        {
          cur.line++;
          cur.line_start = p + 1;
        }
      else if (in_string)
        {
          /* An escaped character is skipped, whatever it is */
          if (*p == '\\' && p + 1 < end && p[1] != '\n')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if ((*p == '[' || *p == '{') && ++depth > max_depth)
        {
          set_position (&cur, p, problem);
          problem->code = SC_JSON_ERROR_TOO_DEEP;
          problem->message = g_strdup_printf (_("the JSON is nested more than %u levels deep"), max_depth);
          return FALSE;
        }
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
      else if (numbers && (*p == '-' || g_ascii_isdigit (*p)))
        {
          if (!number_in_range (p, end, &token_end))
            {
              int shown = (int) MIN (token_end - p, MAX_SHOWN_NUMBER);

              set_position (&cur, p, problem);
              problem->code = SC_JSON_ERROR_NUMBER_TOO_LARGE;
              /* Translators: "1e309 is too large"; %s… is the number as written */
              problem->message = g_strdup_printf (_("%.*s%s is too large"), shown, (const char *) p,
                                                  token_end - p > shown ? "…" : "");
              return FALSE;
            }
          p = token_end - 1;
        }
    }

  return TRUE;
}

/* Whether @data nests arrays and objects at most @max_depth levels deep;
 * if not, @line and @column (1-based, the column in characters) are where
 * the first opening bracket too many is. Brackets inside strings do not
 * count; the JSON need not be valid (the parser says what else is wrong).
 */
gboolean
sc_json_scan_depth (const char *data,
                    gsize       length,
                    guint       max_depth,
                    guint64    *line,
                    guint64    *column)
{
  g_auto(ScJsonProblem) problem = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (scan (data, length, max_depth, FALSE, &problem))
    return TRUE;
  if (line != NULL)
    *line = problem.line;
  if (column != NULL)
    *column = problem.column;
  return FALSE;
}

static gboolean
set_error (const ScJsonProblem  *problem,
           const char           *display_name,
           GError              **error)
{
  g_set_error (error, SC_JSON_ERROR, problem->code,
               /* Translators: "book.scorecard:1:65: the JSON is nested more than 64 levels deep" */
               _("%s:%llu:%llu: %s"),
               display_name != NULL ? display_name : "JSON",
               (unsigned long long) problem->line, (unsigned long long) problem->column,
               problem->message);
  return FALSE;
}

/* The same with an error for users: "NAME:LINE:COLUMN: the JSON is nested
 * more than N levels deep". @display_name names the data (NULL: "JSON").
 */
gboolean
sc_json_check_depth (const char  *data,
                     gsize        length,
                     guint        max_depth,
                     const char  *display_name,
                     GError     **error)
{
  g_auto(ScJsonProblem) problem = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return scan (data, length, max_depth, FALSE, &problem) || set_error (&problem, display_name, error);
}

/* The nesting as sc_json_scan_depth(), and numbers beyond a double's range
 * (1e309), which json-glib would read as infinity. On FALSE @problem says
 * what and where; clear it with sc_json_problem_clear().
 */
gboolean
sc_json_find_problem (const char    *data,
                      gsize          length,
                      guint          max_depth,
                      ScJsonProblem *problem)
{
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (problem != NULL, FALSE);

  return scan (data, length, max_depth, TRUE, problem);
}

void
sc_json_problem_clear (ScJsonProblem *problem)
{
  g_clear_pointer (&problem->message, g_free);
}

/* sc_json_find_problem() with an error naming @display_name, the line and
 * the column: "book.scorecard:12:18: 1e309 is too large".
 */
gboolean
sc_json_check (const char  *data,
               gsize        length,
               guint        max_depth,
               const char  *display_name,
               GError     **error)
{
  g_auto(ScJsonProblem) problem = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return scan (data, length, max_depth, TRUE, &problem) || set_error (&problem, display_name, error);
}
