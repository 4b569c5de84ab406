/* test-import-names.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of partner names in an import (sc-import-names.c,
 * sc-import-near-duplicates.c): padded names meet their plain spelling,
 * and names that only look alike are listed, not merged — within the
 * files and against the workbook, in one pass over many partners.
 */

#include "config.h"

#include <string.h>

#include "sc-import.h"
#include "sc-import-names.h"
#include "sc-test-book.h"

static ScImport *
stage_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScImport *import = sc_import_new ();

  g_assert_true (sc_import_add_file (import, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sc_import_validate (import, &error));
  g_assert_no_error (error);

  return import;
}

/* "first|second" for each pair, one per line */
static char *
pairs_text (ScImport *import)
{
  GPtrArray *pairs = sc_import_get_near_duplicates (import);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < pairs->len; i++)
    {
      const ScImportNearDuplicate *pair = g_ptr_array_index (pairs, i);

      g_string_append_printf (text, "%s%s|%s\n", pair->in_workbook ? "book:" : "", pair->first, pair->second);
    }

  return g_string_free (text, FALSE);
}

static void
test_tidy (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "  ACME   Inc ", "ACME Inc" },
    { "ACME\u00A0\tInc", "ACME Inc" },
    { "\u00A0Smith\u202F& Sons\u00A0", "Smith & Sons" },
    { "Nord\u200Bkap\r\nAS", "Nordkap AS" },
    { "Müller Drehteile GmbH", "Müller Drehteile GmbH" },
    { " \u00A0\t", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tidy = sc_import_tidy_name (cases[i].in);

      g_assert_cmpstr (tidy, ==, cases[i].out);
    }
}

static void
test_partner_key (void)
{
  static const struct { const char *a, *b; gboolean same; } cases[] = {
    { "ACME Inc", "Acme Inc.", TRUE },
    { "ACME Inc", "ACME", TRUE },
    { "Acme Ltd", "ACME Incorporated", TRUE },
    { "Müller Drehteile GmbH", "Muller Drehteile", TRUE },
    { "Schäfer Gusswerk GmbH & Co. KG", "Schafer Gusswerk", TRUE },
    { "Nordkap AS", "NORDKAP A/S", TRUE },
    { "Société Générale S.A.", "Societe Generale", TRUE },
    { "Smith & Sons Ltd", "Smith and Sons", TRUE },
    { "Acme Tools", "Acme Inc", FALSE },
    { "Nordkap AS", "Nordkap Logistics AS", FALSE },
    { "北京制造有限公司", "上海制造有限公司", FALSE },
    { "AG", "GmbH", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = sc_import_partner_key (cases[i].a);
      g_autofree char *b = sc_import_partner_key (cases[i].b);

      if (cases[i].same)
        g_assert_cmpstr (a, ==, b);
      else
        g_assert_cmpstr (a, !=, b);
    }
}

/* Padded names from an export are one partner with the plain name */
static void
test_padded_names_merged (void)
{
  g_autoptr(ScImport) import = stage_fixture ("padded-names.csv");
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(GError) error = NULL;

  /* "  ACME   Inc ", "ACME Inc" and "ACME<nbsp><tab>Inc": one; "Acme Inc." another */
  g_assert_cmpuint (sc_import_get_n_partners (import), ==, 8);
  g_assert_true (sc_import_commit (import, book, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 8);
  g_assert_cmpfloat (sc_test_value_at (book, "ACME Inc", "on_time_delivery_pct", "2025-01"), ==, 90);
  g_assert_cmpfloat (sc_test_value_at (book, "ACME Inc", "on_time_delivery_pct", "2025-03"), ==, 92);
  g_assert_cmpfloat (sc_test_value_at (book, "Smith & Sons Ltd", "on_time_delivery_pct", "2025-01"), ==, 70);
}

/* Names that only look alike are listed, in the order of the file */
static void
test_near_duplicates (void)
{
  g_autoptr(ScImport) import = stage_fixture ("padded-names.csv");
  g_autofree char *text = pairs_text (import);

  g_assert_cmpstr (text, ==,
                   "ACME Inc|Acme Inc.\n"
                   "Müller Drehteile GmbH|Muller Drehteile\n"
                   "Smith & Sons Ltd|Smith and Sons\n");
}

/* Against the workbook: a name matched ignoring case is merged, not a
 * pair; one that only looks like a workbook partner is a pair.
 */
static void
test_near_duplicates_into (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScImport) first = stage_fixture ("padded-names.csv");
  g_autoptr(ScImport) second = sc_import_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *data = "Supplier,Month,OTD\n"
                     "acme inc,2025-04,93\n"
                     "NORDKAP A/S,2025-04,90\n"
                     "Fabrikam,2025-04,88\n"
                     "Fabrikam Inc,2025-04,87\n";

  g_assert_true (sc_import_commit (first, book, &error));
  g_assert_true (sc_import_add_data (second, data, strlen (data), "april.csv", &error));
  g_assert_no_error (error);

  /* What the assistant shows before the import, and what commit finds */
  g_assert_true (sc_import_validate (second, &error));
  before = pairs_text (second);
  g_assert_cmpstr (before, ==, "Fabrikam|Fabrikam Inc\n");
  sc_import_find_near_duplicates (second, book);
  after = pairs_text (second);
  g_assert_cmpstr (after, ==, "book:Nordkap AS|NORDKAP A/S\nFabrikam|Fabrikam Inc\n");

  g_assert_true (sc_import_commit (second, book, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = pairs_text (second);
  g_assert_cmpstr (after, ==, "book:Nordkap AS|NORDKAP A/S\nFabrikam|Fabrikam Inc\n");
  /* "acme inc" went to "ACME Inc" */
  g_assert_cmpfloat (sc_test_value_at (book, "ACME Inc", "on_time_delivery_pct", "2025-04"), ==, 93);
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 11);
}

/* A hundred thousand partners, a near duplicate every thousandth: one
 * hashed pass (docs/import-formats.md); quadratic would take minutes.
 */
static void
test_near_duplicates_many (void)
{
  g_autoptr(GString) data = g_string_new ("Supplier,Month,OTD\n");
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *pairs;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (data, "Supplier %06u GmbH,2025-01,90\n", i);
  for (guint i = 0; i < 100000; i += 1000)
    g_string_append_printf (data, "SUPPLIER %06u,2025-02,91\n", i);

  g_assert_true (sc_import_add_data (import, data->str, data->len, "many.csv", &error));
  g_assert_true (sc_import_validate (import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_import_get_n_partners (import), ==, 100100);

  pairs = sc_import_get_near_duplicates (import);
  g_assert_cmpuint (pairs->len, ==, 100);
  g_assert_cmpstr (((ScImportNearDuplicate *) g_ptr_array_index (pairs, 1))->first, ==, "Supplier 001000 GmbH");
  g_assert_cmpstr (((ScImportNearDuplicate *) g_ptr_array_index (pairs, 1))->second, ==, "SUPPLIER 001000");
}

/* A name of nothing but non-breaking spaces is an empty cell */
static void
test_blank_name (void)
{
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(GError) error = NULL;
  const char *data = "Supplier,Month,OTD\n\xC2\xA0\xC2\xA0,2025-01,90\n";

  g_assert_false (sc_import_add_data (import, data, strlen (data), "blank.csv", &error));
  g_assert_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "blank.csv:2:1: expected the partner name; the cell is empty"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-names/tidy", test_tidy);
  g_test_add_func ("/import-names/partner-key", test_partner_key);
  g_test_add_func ("/import-names/padded-names-merged", test_padded_names_merged);
  g_test_add_func ("/import-names/near-duplicates", test_near_duplicates);
  g_test_add_func ("/import-names/near-duplicates-into", test_near_duplicates_into);
  g_test_add_func ("/import-names/near-duplicates-many", test_near_duplicates_many);
  g_test_add_func ("/import-names/blank-name", test_blank_name);

  return g_test_run ();
}
