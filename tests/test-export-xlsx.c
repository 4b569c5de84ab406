/* test-export-xlsx.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests "Export as Excel" (src/export/sc-export-xlsx*.c) and `scorecards
 * export` by reading the workbook back twice: with the project's own xlsx
 * reader (numbers are number cells, dates date cells, the values those of
 * `summary --json`) and with Gnumeric's ssconvert (the same numbers in
 * its CSV). Also: --partner and --period, the errors naming the file, and
 * that a failed or cancelled export leaves no file and changes nothing.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sc-export-xlsx.h"
#include "sc-reader-xlsx.h"
#include "sc-summary.h"
#include "sc-test-cli.h"
#include "sc-workbook-io.h"

enum { SHEET_SUMMARY, SHEET_SCORECARD, SHEET_SERIES, SHEET_ISSUES };

/* Scorecard sheet columns */
enum { COL_PARTNER_ID = 1, COL_KPI_ID = 5, COL_UNIT = 6, COL_VALUE = 7, COL_TARGET = 8, COL_STATUS = 9,
       COL_SCORE = 10 };

static const char *
sample_path (void)
{
  return g_test_get_filename (G_TEST_DIST, "..", "data", "samples", "contoso-2024-2025.scorecard", NULL);
}

static ScWorkbook *
load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (sample_path ());
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return book;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-export-xlsx-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Reading back */

typedef struct
{
  ScSheetCellType type;
  char           *text;
} Cell;

/* A sheet as rows (0 is the header) of cells by column, NULL: empty. */
typedef GPtrArray Sheet;

static gboolean
collect_row_cb (guint64             row,
                const ScSheetCell  *cells,
                guint               n_cells,
                gpointer            user_data,
                GError            **error)
{
  Sheet *sheet = user_data;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  while (sheet->len + 1 < row)
    g_ptr_array_add (sheet, g_ptr_array_new ());
  for (guint i = 0; i < n_cells; i++)
    {
      Cell *cell;

      while (out->len < cells[i].column)
        g_ptr_array_add (out, NULL);
      cell = g_malloc (sizeof (Cell) + cells[i].length + 1);
      cell->type = cells[i].type;
      cell->text = (char *) (cell + 1);
      memcpy (cell->text, cells[i].text, cells[i].length + 1);
      g_ptr_array_add (out, cell);
    }
  g_ptr_array_add (sheet, out);
  return TRUE;
}

static Sheet *
read_sheet (const char *path,
            guint       index,
            const char *name)
{
  g_autoptr(ScReaderXlsx) reader = sc_reader_xlsx_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
  g_autoptr(GBytes) bytes = NULL;
  Sheet *sheet = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gboolean done = FALSE;

  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  g_assert_true (sc_reader_xlsx_open (reader, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_reader_xlsx_get_n_sheets (reader), ==, 4);
  g_assert_cmpstr (sc_reader_xlsx_get_sheet_name (reader, index), ==, name);
  g_assert_true (sc_reader_xlsx_begin_sheet (reader, index, collect_row_cb, sheet, &error));
  while (!done)
    g_assert_true (sc_reader_xlsx_read_chunk (reader, &done, NULL, &error));
  g_assert_no_error (error);
  return sheet;
}

static const Cell *
cell_at (Sheet *sheet,
         guint  row,
         guint  col)
{
  GPtrArray *cells;

  g_assert_cmpuint (row, <, sheet->len);
  cells = g_ptr_array_index (sheet, row);
  return col < cells->len ? g_ptr_array_index (cells, col) : NULL;
}

static double
number_at (Sheet *sheet,
           guint  row,
           guint  col)
{
  const Cell *cell = cell_at (sheet, row, col);

  if (cell == NULL)
    return NAN;
  g_assert_cmpint (cell->type, ==, SC_SHEET_CELL_NUMBER);
  return g_ascii_strtod (cell->text, NULL);
}

static const char *
text_at (Sheet *sheet,
         guint  row,
         guint  col)
{
  const Cell *cell = cell_at (sheet, row, col);

  return cell ? cell->text : NULL;
}

/* The row of the Scorecard sheet for a partner's KPI, or 0. */
static guint
find_kpi_row (Sheet      *sheet,
              const char *partner,
              const char *kpi)
{
  for (guint r = 1; r < sheet->len; r++)
    {
      if (g_strcmp0 (text_at (sheet, r, COL_PARTNER_ID), partner) == 0 &&
          g_strcmp0 (text_at (sheet, r, COL_KPI_ID), kpi) == 0)
        return r;
    }
  return 0;
}

static void
assert_close (double      got,
              JsonObject *object,
              const char *member,
              double      scale,
              double      tolerance)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_assert_true (isnan (got));
      return;
    }
  g_assert_cmpfloat_with_epsilon (got, json_node_get_double (node) * scale, tolerance);
}

/* Every KPI of every partner in @summary (summary --json) is in the
 * Scorecard sheet with the same numbers, as number cells.
 */
static guint
assert_matches_summary (Sheet      *sheet,
                        JsonObject *summary)
{
  JsonArray *partners = json_object_get_array_member (summary, "partners");
  guint n = 0;

  for (guint p = 0; p < json_array_get_length (partners); p++)
    {
      JsonObject *partner = json_array_get_object_element (partners, p);
      JsonArray *kpis = json_object_get_array_member (partner, "kpis");

      for (guint k = 0; k < json_array_get_length (kpis); k++, n++)
        {
          JsonObject *kpi = json_array_get_object_element (kpis, k);
          guint row = find_kpi_row (sheet, json_object_get_string_member (partner, "id"),
                                    json_object_get_string_member (kpi, "id"));
          /* JSON rounds to the KPI's decimals + 2 and scores to 0.01. The file
           * holds a percentage as a fraction in a percent format;
           * the reader gives it back as the percentage, as a user sees it */
          g_assert_cmpuint (row, >, 0);
          assert_close (number_at (sheet, row, COL_VALUE), kpi, "value", 1, 0.0051);
          assert_close (number_at (sheet, row, COL_TARGET), kpi, "target", 1, 1e-9);
          assert_close (number_at (sheet, row, COL_SCORE), kpi, "score", 1, 0.0051);
        }
    }
  g_assert_cmpuint (n, ==, sheet->len - 1);
  return n;
}

static JsonObject *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
export_sample (ScWorkbook *book)
{
  g_autoptr(ScExportOptions) options = sc_export_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  char *path = g_build_filename (dir, "scorecards.xlsx", NULL);

  g_assert_true (sc_export_xlsx (book, options, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_numbers_match_summary (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autofree char *path = export_sample (book);
  g_autofree char *json = sc_summary_to_json (book, sc_workbook_get_latest_period (book));
  g_autoptr(JsonObject) summary = parse_json (json);
  g_autoptr(GPtrArray) sheet = read_sheet (path, SHEET_SCORECARD, "Scorecard");
  guint row;

  g_assert_cmpstr (text_at (sheet, 0, COL_VALUE), ==, "Value");
  assert_matches_summary (sheet, summary);

  /* what docs/sample-data.md says of s07 in Dec 2025, and status in words */
  row = find_kpi_row (sheet, "s07", "scrap_rate_pct");
  g_assert_cmpfloat_with_epsilon (number_at (sheet, row, COL_VALUE), 5.54, 5e-3);
  g_assert_cmpstr (text_at (sheet, row, COL_STATUS), ==, "Critical");
  g_assert_cmpstr (text_at (sheet, row, COL_UNIT), ==, "%");
}

static void
test_summary_sheet (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autofree char *path = export_sample (book);
  g_autofree char *json = sc_summary_to_json (book, sc_workbook_get_latest_period (book));
  g_autoptr(JsonObject) summary = parse_json (json);
  g_autoptr(GPtrArray) sheet = read_sheet (path, SHEET_SUMMARY, "Summary");
  JsonArray *partners = json_object_get_array_member (summary, "partners");

  g_assert_cmpuint (sheet->len - 1, ==, json_array_get_length (partners));
  for (guint p = 0; p < json_array_get_length (partners); p++)
    {
      JsonObject *partner = json_array_get_object_element (partners, p);

      g_assert_cmpstr (text_at (sheet, p + 1, 1), ==, json_object_get_string_member (partner, "id"));
      assert_close (number_at (sheet, p + 1, 3), partner, "score", 1, 0.0051);
      g_assert_cmpstr (text_at (sheet, p + 1, 4), ==, json_object_get_string_member (partner, "grade"));
      assert_close (number_at (sheet, p + 1, 8), partner, "rank", 1, 1e-9);
    }
}

static void
test_series_and_issues (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autofree char *path = export_sample (book);
  g_autoptr(GPtrArray) series = read_sheet (path, SHEET_SERIES, "Series");
  g_autoptr(GPtrArray) issues = read_sheet (path, SHEET_ISSUES, "Issues");
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  ScKpi *otd = sc_workbook_lookup_kpi (book, "on_time_delivery_pct");
  ScPeriod first = sc_workbook_get_first_period (book);
  const Cell *header = cell_at (series, 0, 5);
  guint row = 0;

  /* a month is a date in the header */
  g_assert_cmpint (header->type, ==, SC_SHEET_CELL_DATE);
  g_assert_cmpstr (header->text, ==, "2024-01");
  g_assert_cmpstr (cell_at (series, 0, 5 + 23)->text, ==, "2025-12");
  for (guint r = 1; r < series->len && row == 0; r++)
    if (g_strcmp0 (text_at (series, r, 1), "s01") == 0 && g_strcmp0 (text_at (series, r, 3), "on_time_delivery_pct") == 0)
      row = r;
  g_assert_cmpuint (row, >, 0);
  for (guint t = 0; t < 24; t++)
    {
      double value = sc_workbook_get_value (book, s01, otd, first + (ScPeriod) t);

      if (isnan (value))
        g_assert_null (cell_at (series, row, 5 + t));
      else
        g_assert_cmpfloat_with_epsilon (number_at (series, row, 5 + t), value, 1e-9);
    }

  /* the issues: a due date is a date cell */
  g_assert_cmpuint (issues->len - 1, ==, g_list_model_get_n_items (sc_workbook_get_issues (book)));
  g_assert_cmpstr (text_at (issues, 1, 0), ==, "ISS-0001");
  g_assert_cmpstr (text_at (issues, 1, 2), ==, "s02");
  g_assert_cmpint (cell_at (issues, 1, 9)->type, ==, SC_SHEET_CELL_DATE);
  g_assert_cmpstr (text_at (issues, 1, 9), ==, "2025-05-31");
  g_assert_cmpstr (text_at (issues, 1, 6), ==, "Critical");
}

/* ssconvert */

/* The fields of one CSV line as ssconvert writes it (quotes doubled). */
static GPtrArray *
split_csv_line (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (*p == ',' && !quoted)
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_string_free (field, FALSE));
  return fields;
}

static void
test_ssconvert (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autofree char *path = export_sample (book);
  g_autofree char *dir = temp_dir ();
  g_autofree char *pattern = g_build_filename (dir, "%s.csv", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "Scorecard.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) sheet = read_sheet (path, SHEET_SCORECARD, "Scorecard");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "ssconvert", "-S", path, pattern, NULL };
  int status = 0;
  guint n = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Partner,\"Partner ID\",Type,Category,KPI,\"KPI ID\",Unit,Value,Target,"
                                 "Status,Score,Weight,Change,\"Points of the score\"");
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++, n++)
    {
      g_autoptr(GPtrArray) fields = split_csv_line (lines[i]);
      guint row = find_kpi_row (sheet, g_ptr_array_index (fields, COL_PARTNER_ID),
                                g_ptr_array_index (fields, COL_KPI_ID));
      const char *value = g_ptr_array_index (fields, COL_VALUE);
      const char *score = g_ptr_array_index (fields, COL_SCORE);
      /* ssconvert writes the cell's number: a percentage as its fraction */
      double scale = g_str_equal (g_ptr_array_index (fields, COL_UNIT), "%") ? 100 : 1;

      g_assert_cmpuint (row, ==, i);
      if (value[0] == '\0')
        g_assert_null (cell_at (sheet, row, COL_VALUE));
      else
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (value, NULL) * scale, number_at (sheet, row, COL_VALUE), 1e-9);
      if (score[0] != '\0')
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (score, NULL), number_at (sheet, row, COL_SCORE), 1e-9);
      g_assert_cmpstr (g_ptr_array_index (fields, COL_STATUS), ==, text_at (sheet, row, COL_STATUS));
    }
  g_assert_cmpuint (n, ==, sheet->len - 1);
}

/* The command line */

static void
test_cli_partner_period (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "two.xlsx", NULL);
  g_autoptr(CliRun) run = sc_test_cli_run ("export", sample_path (), "-o", path, "--partner", "s02",
                                           "--partner", "Fonderia Valle Trompia S.r.l.", "--period", "2025-Q2",
                                           NULL);
  g_autoptr(CliRun) json = sc_test_cli_run ("summary", sample_path (), "--period", "2025-Q2", "--json", NULL);
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(JsonArray) two = json_array_new ();
  g_autoptr(GPtrArray) sheet = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  JsonArray *partners;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (json->status, ==, 0);
  summary = parse_json (json->out);
  partners = json_object_get_array_member (summary, "partners");
  for (guint p = 0; p < json_array_get_length (partners); p++)
    {
      JsonObject *partner = json_array_get_object_element (partners, p);
      const char *id = json_object_get_string_member (partner, "id");

      if (g_str_equal (id, "s02") || g_str_equal (id, "s07"))
        json_array_add_object_element (two, json_object_ref (partner));
    }
  json_object_set_array_member (summary, "partners", json_array_ref (two));
  sheet = read_sheet (path, SHEET_SCORECARD, "Scorecard");
  g_assert_cmpuint (assert_matches_summary (sheet, summary), >, 10);
  totals = read_sheet (path, SHEET_SUMMARY, "Summary");
  g_assert_cmpuint (totals->len, ==, 3);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_cli_errors (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.xlsx", NULL);
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(CliRun) no_folder = sc_test_cli_run ("export", sample_path (), "-o", missing, NULL);
  g_autoptr(CliRun) no_output = sc_test_cli_run ("export", sample_path (), NULL);
  g_autoptr(CliRun) not_xlsx = sc_test_cli_run ("export", sample_path (), "-o", "out.pdf", NULL);
  g_autoptr(CliRun) no_partner = sc_test_cli_run ("export", sample_path (), "-o", path, "--partner", "nobody", NULL);
  g_autoptr(CliRun) bad_period = sc_test_cli_run ("export", sample_path (), "-o", path, "--period", "2025-X", NULL);

  g_assert_cmpint (no_folder->status, ==, 1);
  g_assert_nonnull (strstr (no_folder->err, missing));
  g_assert_cmpint (no_output->status, ==, 2);
  g_assert_nonnull (strstr (no_output->err, "-o OUT.xlsx"));
  g_assert_cmpint (not_xlsx->status, ==, 2);
  g_assert_cmpint (no_partner->status, ==, 1);
  g_assert_nonnull (strstr (no_partner->err, "nobody"));
  g_assert_cmpint (bad_period->status, ==, 2);
  g_assert_cmpuint (count_files (dir), ==, 0);
}

/* A cancelled export leaves the file that was there as it was, and no
 * temporary file.
 */
static void
test_cancelled (void)
{
  g_autoptr(ScWorkbook) book = load_sample ();
  g_autoptr(ScExportOptions) options = sc_export_options_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kept.xlsx", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "before", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (sc_export_xlsx (book, options, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "before");
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_empty_workbook (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScExportOptions) options = sc_export_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.xlsx", NULL);

  g_assert_false (sc_export_xlsx (book, options, path, NULL, &error));
  g_assert_error (error, SC_EXPORT_ERROR, SC_EXPORT_ERROR_NO_DATA);
  g_assert_nonnull (strstr (error->message, "empty.xlsx"));
  g_assert_cmpuint (count_files (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-xlsx/numbers-match-summary", test_numbers_match_summary);
  g_test_add_func ("/export-xlsx/summary-sheet", test_summary_sheet);
  g_test_add_func ("/export-xlsx/series-and-issues", test_series_and_issues);
  g_test_add_func ("/export-xlsx/ssconvert", test_ssconvert);
  g_test_add_func ("/export-xlsx/cli-partner-period", test_cli_partner_period);
  g_test_add_func ("/export-xlsx/cli-errors", test_cli_errors);
  g_test_add_func ("/export-xlsx/cancelled", test_cancelled);
  g_test_add_func ("/export-xlsx/empty-workbook", test_empty_workbook);

  return g_test_run ();
}
