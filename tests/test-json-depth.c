/* test-json-depth.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the nesting check every JSON path runs before json-glib
 * (sc-json-depth.c): the limit itself, brackets in strings and after
 * escapes, the line:column of the error in characters, hostile depths,
 * numbers out of range.
 */

#include "config.h"

#include <string.h>

#include "sc-json-depth.h"

static char *
nested (guint       depth,
        const char *open,
        const char *close)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, open);
  g_string_append (s, "1");
  for (guint i = 0; i < depth; i++)
    g_string_append (s, close);
  return g_string_free (s, FALSE);
}

static gboolean
check (const char  *json,
       guint        max_depth,
       GError     **error)
{
  return sc_json_check_depth (json, strlen (json), max_depth, "data.json", error);
}

static void
test_limit (void)
{
  g_autofree char *arrays = nested (64, "[", "]");
  g_autofree char *objects = nested (64, "{\"a\":", "}");
  g_autofree char *deeper = nested (65, "[", "]");
  g_autoptr(GError) error = NULL;

  g_assert_true (check ("", 64, &error));
  g_assert_true (check ("1", 0, &error));
  g_assert_true (check (arrays, 64, &error));
  g_assert_true (check (objects, 64, &error));
  g_assert_no_error (error);

  g_assert_false (check (deeper, 64, &error));
  g_assert_error (error, SC_JSON_ERROR, SC_JSON_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, "data.json:1:65: the JSON is nested more than 64 levels deep");
}

/* Brackets inside strings do not count, also after escaped quotes and
 * escaped backslashes; siblings do not add up.
 */
static void
test_strings (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (check ("[\"[[[[[[\"]", 2, &error));
  g_assert_true (check ("[\"\\\"[[[[[[\"]", 2, &error));
  g_assert_true (check ("[[1],[2],[3],{\"a\":4}]", 2, &error));
  g_assert_no_error (error);

  /* "C:\\" ends after the escaped backslash: the brackets after it count */
  g_assert_false (check ("{\"path\": \"C:\\\\\", \"x\": [[[1]]]}", 3, &error));
  g_assert_error (error, SC_JSON_ERROR, SC_JSON_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, "data.json:1:25: the JSON is nested more than 3 levels deep");
}

/* The position is a line and a column in characters, as an editor shows. */
static void
test_position (void)
{
  const char *json = "{\n  \"größe\": {\n    \"ä\": [[1]]\n  }\n}\n";
  guint64 line = 0, column = 0;

  g_assert_false (sc_json_scan_depth (json, strlen (json), 3, &line, &column));
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 11);
  g_assert_true (sc_json_scan_depth (json, strlen (json), 4, NULL, NULL));
}

/* 100,000 levels (600 KB) are refused at once, whatever the brackets;
 * an unterminated document is the parser's to report.
 */
static void
test_hostile (void)
{
  g_autofree char *objects = nested (100000, "{\"a\":", "}");
  g_autofree char *arrays = nested (100000, "[", "]");
  g_autoptr(GError) error = NULL;

  g_assert_false (check (objects, 64, &error));
  g_assert_error (error, SC_JSON_ERROR, SC_JSON_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "data.json:1:321: "));
  g_clear_error (&error);
  g_assert_false (check (arrays, 64, &error));
  g_clear_error (&error);
  g_assert_true (check ("[[[\"unterminated", 64, &error));
  g_assert_true (check ("]]]}}}", 1, &error));
  g_assert_no_error (error);
}

/* Numbers beyond a double's range, which json-glib reads as infinity, are
 * refused with their position; in strings they are text.
 */
static void
test_numbers (void)
{
  const char *json = "{\"a\": [1, 2.5e3, 1e308, \"1e999\",\n -1e309]}";
  g_autoptr(GString) digits = g_string_new ("[1");
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_json_check_depth (json, strlen (json), 64, "data.json", &error));
  g_assert_false (sc_json_check (json, strlen (json), 64, "data.json", &error));
  g_assert_error (error, SC_JSON_ERROR, SC_JSON_ERROR_NUMBER_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "data.json:2:2: -1e309 is too large");
  g_clear_error (&error);

  for (guint i = 0; i < 400; i++)
    g_string_append_c (digits, '0');
  g_string_append_c (digits, ']');
  g_assert_false (sc_json_check (digits->str, digits->len, 64, "data.json", &error));
  g_assert_true (g_str_has_prefix (error->message, "data.json:1:2: 1000000000"));
  g_assert_true (g_str_has_suffix (error->message, "… is too large"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-depth/limit", test_limit);
  g_test_add_func ("/json-depth/strings", test_strings);
  g_test_add_func ("/json-depth/position", test_position);
  g_test_add_func ("/json-depth/hostile", test_hostile);
  g_test_add_func ("/json-depth/numbers", test_numbers);

  return g_test_run ();
}
