/* test-csv.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the streaming CSV reader (sc-reader-csv.c) on one fixture per
 * dialect spreadsheets write, and on hostile input that must fail with a
 * position instead of eating memory.
 */

#include "config.h"

#include <string.h>

#include "sc-import.h"
#include "sc-reader-csv.h"

static ScReaderCsv *
open_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(GError) error = NULL;
  ScReaderCsv *reader;

  g_assert_nonnull (stream);
  reader = sc_reader_csv_new (G_INPUT_STREAM (stream), name);
  g_assert_true (sc_reader_csv_open (reader, NULL, &error));
  g_assert_no_error (error);

  return reader;
}

static ScReaderCsv *
open_data (const char *data,
           gsize       length)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, length, NULL);

  return sc_reader_csv_new (stream, "data.csv");
}

/* Reads the next row and compares its fields with @expected (NULL-ended). */
static void
assert_row (ScReaderCsv *reader,
            guint64      line,
            ...)
{
  g_autoptr(GError) error = NULL;
  const char *expected;
  va_list args;
  guint i = 0;

  g_assert_true (sc_reader_csv_next_row (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_reader_csv_get_line (reader), ==, line);

  va_start (args, line);
  while ((expected = va_arg (args, const char *)) != NULL)
    g_assert_cmpstr (sc_reader_csv_get_field (reader, i++, NULL), ==, expected);
  va_end (args);

  g_assert_cmpuint (sc_reader_csv_get_n_fields (reader), ==, i);
}

static void
assert_end (ScReaderCsv *reader)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sc_reader_csv_next_row (reader, NULL, &error));
  g_assert_no_error (error);
}

static void
test_utf16_bom (void)
{
  g_autoptr(ScReaderCsv) reader = open_fixture ("excel-utf16-tab.txt");

  g_assert_cmpstr (sc_reader_csv_get_encoding (reader), ==, "UTF-16LE");
  g_assert_cmpint (sc_reader_csv_get_delimiter (reader), ==, '\t');
  g_assert_cmpint (sc_reader_csv_get_decimal_mark (reader), ==, '.');
  assert_row (reader, 1, "Supplier", "Month", "OTD", "PPM", NULL);
  assert_row (reader, 2, "Müller Drehteile GmbH", "2025-01", "96.5", "120", NULL);
  assert_row (reader, 3, "Müller Drehteile GmbH", "2025-02", "94", "180", NULL);
  assert_row (reader, 4, "Nordkap AS", "2025-01", "88.25", "410", NULL);
  assert_end (reader);
}

static void
test_utf16be_bom (void)
{
  g_autoptr(ScReaderCsv) reader = open_fixture ("excel-utf16be-tab.txt");

  g_assert_cmpstr (sc_reader_csv_get_encoding (reader), ==, "UTF-16BE");
  assert_row (reader, 1, "Supplier", "Month", "OTD", NULL);
  assert_row (reader, 2, "Åkesson AB", "2025-03", "91.5", NULL);
  assert_end (reader);
}

static void
test_semicolon_decimal_comma (void)
{
  g_autoptr(ScReaderCsv) reader = open_fixture ("de-semicolon-decimal-comma.csv");

  g_assert_cmpstr (sc_reader_csv_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpint (sc_reader_csv_get_delimiter (reader), ==, ';');
  g_assert_cmpint (sc_reader_csv_get_decimal_mark (reader), ==, ',');
  g_assert_cmpint (sc_reader_csv_get_thousands_separator (reader), ==, '.');
  assert_row (reader, 1, "Lieferant", "Monat", "Kennzahl", "Wert", NULL);
  assert_row (reader, 2, "Schäfer Gusswerk KG", "Jan 2025", "Liefertreue", "97,5", NULL);
}

/* Periods written "01.2025" on every row must not outvote the one decimal
 * comma per row: they are a month and a year, not numbers.
 */
static void
test_month_year_periods (void)
{
  g_autoptr(ScReaderCsv) reader = open_fixture ("de-month-year-periods.csv");

  g_assert_cmpint (sc_reader_csv_get_delimiter (reader), ==, ';');
  g_assert_cmpint (sc_reader_csv_get_decimal_mark (reader), ==, ',');
  assert_row (reader, 1, "Lieferant", "Typ", "Kennzahl", "Monat", "Wert", NULL);
  assert_row (reader, 2, "Nordwind GmbH", "Lieferant", "Liefertreue", "01.2025", "95,5", NULL);
}

static void
test_windows_1252 (void)
{
  g_autoptr(ScReaderCsv) reader = open_fixture ("windows-1252.csv");

  g_assert_cmpstr (sc_reader_csv_get_encoding (reader), ==, "WINDOWS-1252");
  assert_row (reader, 1, "partner", "period", "kpi", "value", NULL);
  assert_row (reader, 2, "Müller Drehteile GmbH", "2025-03", "Cost of rework", "1500", NULL);
  assert_row (reader, 3, "Société Générale des Pièces", "2025-03", "Cost of rework", "2500", NULL);
  assert_end (reader);
}

static void
test_quoted_newlines (void)
{
  g_autoptr(ScReaderCsv) reader = open_fixture ("quoted-newlines.csv");

  assert_row (reader, 1, "partner", "kpi", "period", "value", NULL);
  assert_row (reader, 2, "Acme, \"Metals\" & Sons\nPlant 2", "OTD", "2025-01", "95", NULL);
  assert_row (reader, 4, "Acme, \"Metals\" & Sons\nPlant 2", "OTD", "2025-02", "96", NULL);
  assert_row (reader, 6, "Beta Oy", "OTD", "2025-01", "abc", NULL);
  assert_end (reader);
}

static void
test_line_endings (void)
{
  const char *names[] = { "crlf.csv", "cr-only.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(ScReaderCsv) reader = open_fixture (names[i]);

      assert_row (reader, 1, "partner", "kpi", "period", "value", NULL);
      assert_row (reader, 2, "Alpha AB", "OTIF", "2025-01", "91", NULL);
      assert_row (reader, 3, "Alpha AB", "OTIF", "2025-02", "92.5", NULL);
      assert_end (reader);
    }
}

static void
test_bom_utf8 (void)
{
  g_autoptr(ScReaderCsv) reader = open_fixture ("bom-utf8.csv");

  g_assert_cmpstr (sc_reader_csv_get_encoding (reader), ==, "UTF-8");
  assert_row (reader, 1, "partner", "kpi", "period", "value", NULL);
  assert_row (reader, 2, "Öresund AB", "ppm_defects", "2025-01", "300", NULL);
}

static void
test_pipe (void)
{
  g_autoptr(ScReaderCsv) reader = open_fixture ("pipe.csv");

  g_assert_cmpint (sc_reader_csv_get_delimiter (reader), ==, '|');
  assert_row (reader, 1, "Customer", "Period", "KPI", "Value", NULL);
}

static void
test_overrides (void)
{
  static const char data[] = "a;b,c\n1;2,5\n";
  g_autoptr(ScReaderCsv) reader = open_data (data, strlen (data));

  sc_reader_csv_set_delimiter (reader, ',');
  sc_reader_csv_set_decimal_mark (reader, '.');
  assert_row (reader, 1, "a;b", "c", NULL);
  assert_row (reader, 2, "1;2", "5", NULL);
  g_assert_cmpint (sc_reader_csv_get_decimal_mark (reader), ==, '.');
}

static void
test_unterminated_quote (void)
{
  g_autoptr(ScReaderCsv) reader = open_fixture ("unterminated-quote.csv");
  g_autoptr(GError) error = NULL;

  assert_row (reader, 1, "partner", "kpi", "period", "value", NULL);
  assert_row (reader, 2, "Alpha", "OTD", "2025-01", "90", NULL);
  g_assert_false (sc_reader_csv_next_row (reader, NULL, &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "unterminated-quote.csv:3:1: "));
}

/* A quote opened at the top of a huge file: fails at the field cap. */
static void
test_huge_quoted_field (void)
{
  gsize n = 3 * SC_READER_CSV_MAX_FIELD;
  g_autofree char *data = g_malloc (n);
  g_autoptr(ScReaderCsv) reader = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, 'x', n);
  memcpy (data, "a,b\n1,\"", 7);
  reader = open_data (data, n);
  assert_row (reader, 1, "a", "b", NULL);
  g_assert_false (sc_reader_csv_next_row (reader, NULL, &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "data.csv:2:3: "));
  g_assert_nonnull (strstr (error->message, "1 MiB"));
}

/* A line without a newline and without delimiters. */
static void
test_huge_line (void)
{
  gsize n = 2 * SC_READER_CSV_MAX_FIELD;
  g_autofree char *data = g_malloc (n);
  g_autoptr(ScReaderCsv) reader = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, 'y', n);
  reader = open_data (data, n);
  g_assert_false (sc_reader_csv_next_row (reader, NULL, &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "data.csv:1:1: "));
}

static void
test_too_many_columns (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(ScReaderCsv) reader = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < SC_READER_CSV_MAX_COLUMNS + 10; i++)
    g_string_append (data, "1,");
  g_string_append (data, "\n");
  reader = open_data (data->str, data->len);
  sc_reader_csv_set_delimiter (reader, ',');
  g_assert_false (sc_reader_csv_next_row (reader, NULL, &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_TOO_LARGE);
}

/* Rows across block boundaries come out whole. */
static void
test_many_rows (void)
{
  g_autoptr(GString) data = g_string_new ("partner,kpi,period,value\n");
  g_autoptr(ScReaderCsv) reader = NULL;
  guint n = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (data, "\"Partner %u\nsecond line\",otd,2025-01,%u.5\r\n", i, i);
  reader = open_data (data->str, data->len);
  assert_row (reader, 1, "partner", "kpi", "period", "value", NULL);
  while (sc_reader_csv_next_row (reader, NULL, NULL))
    {
      g_autofree char *expected = g_strdup_printf ("%u.5", n);

      g_assert_cmpstr (sc_reader_csv_get_field (reader, 3, NULL), ==, expected);
      g_assert_cmpuint (sc_reader_csv_get_line (reader), ==, 2 + 2 * (guint64) n);
      n++;
    }
  g_assert_cmpuint (n, ==, 100000);
}

/* A binary file given as CSV (a picture, a zip, random bytes) says so and
 * where, instead of looking for a partner column in its "header"; text
 * with one stray control character in a cell still reads.
 */
static void
test_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\x80";
  static const char nul_late[] = "partner,kpi,period,value\nAlpha,OTD,2025-01,9\0\0";
  static const char utf16_nul[] = "\xff\xfep\0a\0,\0\0\0\n\0";
  static const char stray[] = "partner,kpi,period,value\nAl\x02pha,OTD,2025-01,90\n";
  struct { const char *data; gsize length; gsize byte; } binary[] = {
    { png, sizeof png - 1, 8 },
    { nul_late, sizeof nul_late - 1, 44 },
    { utf16_nul, sizeof utf16_nul - 1, 8 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autofree guint32 *noise = g_new (guint32, 256 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (binary); i++)
    {
      g_autoptr(ScReaderCsv) reader = open_data (binary[i].data, binary[i].length);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("data.csv: not a text file: binary data at byte %"
                                                   G_GSIZE_FORMAT, binary[i].byte);

      g_assert_false (sc_reader_csv_open (reader, NULL, &error));
      g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_ENCODING);
      g_assert_cmpstr (error->message, ==, expected);
    }

  /* A megabyte of noise without a NUL */
  for (guint i = 0; i < 256 * 1024; i++)
    noise[i] = g_rand_int (rand) | 0x01010101;
  {
    g_autoptr(ScReaderCsv) reader = open_data ((const char *) noise, 1024 * 1024);
    g_autoptr(GError) error = NULL;

    g_assert_false (sc_reader_csv_open (reader, NULL, &error));
    g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_ENCODING);
    g_assert_true (g_str_has_prefix (error->message, "data.csv: not a text file: binary data at byte "));
  }

  {
    g_autoptr(ScReaderCsv) reader = open_data (stray, sizeof stray - 1);

    assert_row (reader, 1, "partner", "kpi", "period", "value", NULL);
    assert_row (reader, 2, "Al\x02pha", "OTD", "2025-01", "90", NULL);
    assert_end (reader);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/utf16-bom", test_utf16_bom);
  g_test_add_func ("/csv/utf16be-bom", test_utf16be_bom);
  g_test_add_func ("/csv/semicolon-decimal-comma", test_semicolon_decimal_comma);
  g_test_add_func ("/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/month-year-periods", test_month_year_periods);
  g_test_add_func ("/csv/quoted-newlines", test_quoted_newlines);
  g_test_add_func ("/csv/line-endings", test_line_endings);
  g_test_add_func ("/csv/bom-utf8", test_bom_utf8);
  g_test_add_func ("/csv/pipe", test_pipe);
  g_test_add_func ("/csv/overrides", test_overrides);
  g_test_add_func ("/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/huge-quoted-field", test_huge_quoted_field);
  g_test_add_func ("/csv/huge-line", test_huge_line);
  g_test_add_func ("/csv/too-many-columns", test_too_many_columns);
  g_test_add_func ("/csv/many-rows", test_many_rows);
  g_test_add_func ("/csv/binary", test_binary);

  return g_test_run ();
}
