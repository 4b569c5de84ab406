/* sc-json-depth.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's parser recurses once per level of nesting, without a limit:
 * 100,000 nested arrays in a 200 KB file exhaust the stack. Every JSON
 * Scorecards reads (a workbook, the interchange format, a recipe) is
 * measured here first, in one pass without recursion, and refused when it
 * is deeper than it can be for real.
 */

#define G_LOG_DOMAIN "sc-json-depth"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-json-depth.h"

G_DEFINE_QUARK (sc-json-error-quark, sc_json_error)

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
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;
  const guchar *line_start = p;
  guint64 lines = 1;
  gboolean in_string = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  for (; p < end; p++)
    {
      switch (*p)
        {
        case '\n':
          lines++;
          line_start = p + 1;
          break;
        case '\\':
          /* An escaped character is skipped, whatever it is */
          if (in_string && p + 1 < end && p[1] != '\n')
            p++;
          break;
        case '"':
          in_string = !in_string;
          break;
        case '[':
        case '{':
          if (!in_string && ++depth > max_depth)
            {
              guint64 chars = 1;

              /* Count characters, not bytes: UTF-8 continuation bytes are 10xxxxxx */
              for (const guchar *q = line_start; q < p; q++)
                chars += (*q & 0xC0) != 0x80;
              if (line != NULL)
                *line = lines;
              if (column != NULL)
                *column = chars;
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (!in_string && depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
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
  guint64 line = 0, column = 0;

  if (sc_json_scan_depth (data, length, max_depth, &line, &column))
    return TRUE;

  g_set_error (error, SC_JSON_ERROR, SC_JSON_ERROR_TOO_DEEP,
               /* Translators: "book.scorecard:1:65: the JSON is nested more than 64 levels deep" */
               _("%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": the JSON is nested more than %u levels deep"),
               display_name != NULL ? display_name : "JSON", line, column, max_depth);
  return FALSE;
}
