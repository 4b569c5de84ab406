/* test-workbook-io.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of saving and loading .scorecard files (sc-workbook-save.c and
 * sc-workbook-load.c): every field survives a round trip exactly, saving is
 * stable and atomic. Loading errors are in test-workbook-load.c, what the
 * shipped sample holds in test-sample.c.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sc-safe-file.h"
#include "sc-workbook-io.h"

#define N_PERIODS 8

/* Values that only survive when numbers are written with enough digits */
static const double tricky_values[N_PERIODS] = {
  95.1, NAN, 0.1 + 0.2, 1e-9, -3.75, 1234567.891, 1.0 / 3.0, 99.86,
};

static const char *notes_text =
  "Watch list: Precision Hydraulics (PPM).\n"
  "Quotes \"like this\", a backslash \\, a tab\t, a bell \x07 and 🚚 ümlauts.";

/* Helpers */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("scorecards-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static ScPeriod
parse_period (ScGranularity  granularity,
              const char    *str)
{
  ScPeriod period;

  g_assert_true (sc_period_parse (granularity, str, &period));
  return period;
}

static GBytes *
save_and_read (ScWorkbook *book,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (sc_workbook_save_to_file (book, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static ScWorkbook *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScWorkbook *book = sc_workbook_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (book);
  return book;
}

static ScWorkbook *
load_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  ScWorkbook *book = sc_workbook_load_from_data (data, length, "memory.scorecard", &error);

  g_assert_no_error (error);
  return book;
}

static const char *
sample_path (void)
{
  return g_test_get_filename (G_TEST_DIST, "..", "data", "samples",
                              "contoso-2024-2025.scorecard", NULL);
}

/* Equality, field by field */

/* Exactly the same double, NaN included. */
static void
assert_same_number (double a,
                    double b)
{
  if (isnan (a) || isnan (b))
    {
      g_assert_true (isnan (a));
      g_assert_true (isnan (b));
      return;
    }
  g_assert_cmpfloat (a, ==, b);
}

/* The file stores whole seconds in UTC: the same instant to the second. */
static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

static void
assert_settings_equal (ScWorkbook *a,
                       ScWorkbook *b)
{
  g_assert_cmpint (sc_workbook_get_granularity (a), ==, sc_workbook_get_granularity (b));
  g_assert_cmpint (sc_workbook_get_first_period (a), ==, sc_workbook_get_first_period (b));
  g_assert_cmpuint (sc_workbook_get_n_periods (a), ==, sc_workbook_get_n_periods (b));
  g_assert_cmpstr (sc_workbook_get_company (a), ==, sc_workbook_get_company (b));
  g_assert_cmpstr (sc_workbook_get_confidentiality (a), ==, sc_workbook_get_confidentiality (b));
  g_assert_cmpstr (sc_workbook_get_page_size (a), ==, sc_workbook_get_page_size (b));
  g_assert_cmpstr (sc_workbook_get_notes (a), ==, sc_workbook_get_notes (b));
  g_assert_cmpuint (sc_workbook_get_trend_periods (a), ==, sc_workbook_get_trend_periods (b));
  g_assert_cmpuint (sc_workbook_get_n_grade_bands (a), ==, sc_workbook_get_n_grade_bands (b));
  for (guint i = 0; i < sc_workbook_get_n_grade_bands (a); i++)
    {
      g_assert_cmpstr (sc_workbook_get_grade_band (a, i)->grade, ==,
                       sc_workbook_get_grade_band (b, i)->grade);
      assert_same_number (sc_workbook_get_grade_band (a, i)->min_score,
                          sc_workbook_get_grade_band (b, i)->min_score);
    }
}

static void
assert_kpi_equal (ScKpi *a,
                  ScKpi *b)
{
  g_assert_cmpstr (sc_kpi_get_id (a), ==, sc_kpi_get_id (b));
  g_assert_cmpstr (sc_kpi_get_name (a), ==, sc_kpi_get_name (b));
  g_assert_cmpstr (sc_kpi_get_description (a), ==, sc_kpi_get_description (b));
  g_assert_cmpstr (sc_kpi_get_unit (a), ==, sc_kpi_get_unit (b));
  g_assert_cmpstr (sc_kpi_get_category (a), ==, sc_kpi_get_category (b));
  g_assert_cmpint (sc_kpi_get_direction (a), ==, sc_kpi_get_direction (b));
  g_assert_cmpint (sc_kpi_get_aggregation (a), ==, sc_kpi_get_aggregation (b));
  assert_same_number (sc_kpi_get_target (a), sc_kpi_get_target (b));
  assert_same_number (sc_kpi_get_target_max (a), sc_kpi_get_target_max (b));
  assert_same_number (sc_kpi_get_warning (a), sc_kpi_get_warning (b));
  assert_same_number (sc_kpi_get_critical (a), sc_kpi_get_critical (b));
  assert_same_number (sc_kpi_get_weight (a), sc_kpi_get_weight (b));
  assert_same_number (sc_kpi_get_ratio_scale (a), sc_kpi_get_ratio_scale (b));
  g_assert_cmpuint (sc_kpi_get_decimals (a), ==, sc_kpi_get_decimals (b));
}

static void
assert_partner_equal (ScPartner *a,
                      ScPartner *b)
{
  g_auto(GStrv) tags_a = sc_partner_dup_tag_keys (a);
  g_auto(GStrv) tags_b = sc_partner_dup_tag_keys (b);
  g_auto(GStrv) overrides_a = sc_partner_dup_override_kpis (a);
  g_auto(GStrv) overrides_b = sc_partner_dup_override_kpis (b);

  g_assert_cmpstr (sc_partner_get_id (a), ==, sc_partner_get_id (b));
  g_assert_cmpstr (sc_partner_get_name (a), ==, sc_partner_get_name (b));
  g_assert_cmpint (sc_partner_get_partner_type (a), ==, sc_partner_get_partner_type (b));
  g_assert_cmpstr (sc_partner_get_contact (a), ==, sc_partner_get_contact (b));

  g_assert_cmpstrv (tags_a, tags_b);
  for (guint i = 0; tags_a[i] != NULL; i++)
    g_assert_cmpstr (sc_partner_get_tag (a, tags_a[i]), ==, sc_partner_get_tag (b, tags_a[i]));

  g_assert_cmpstrv (overrides_a, overrides_b);
  for (guint i = 0; overrides_a[i] != NULL; i++)
    {
      double target_a, weight_a, target_b, weight_b;

      sc_partner_get_override (a, overrides_a[i], &target_a, &weight_a);
      sc_partner_get_override (b, overrides_a[i], &target_b, &weight_b);
      assert_same_number (target_a, target_b);
      assert_same_number (weight_a, weight_b);
    }
}

static void
assert_arrays_equal (const double *a,
                     const double *b,
                     guint         n)
{
  g_assert_true ((a == NULL) == (b == NULL));
  for (guint i = 0; a != NULL && i < n; i++)
    assert_same_number (a[i], b[i]);
}

static void
assert_series_equal (ScWorkbook *a,
                     ScWorkbook *b,
                     ScPartner  *partner_a,
                     ScPartner  *partner_b)
{
  g_autoptr(GPtrArray) list_a = sc_workbook_dup_partner_series (a, partner_a);
  g_autoptr(GPtrArray) list_b = sc_workbook_dup_partner_series (b, partner_b);
  guint n = sc_workbook_get_n_periods (a);

  g_assert_cmpuint (list_a->len, ==, list_b->len);
  for (guint i = 0; i < list_a->len; i++)
    {
      const ScSeries *sa = g_ptr_array_index (list_a, i);
      const ScSeries *sb = g_ptr_array_index (list_b, i);

      g_assert_cmpstr (sc_kpi_get_id (sa->kpi), ==, sc_kpi_get_id (sb->kpi));
      assert_arrays_equal (sa->values, sb->values, n);
      assert_arrays_equal (sa->numerator, sb->numerator, n);
      assert_arrays_equal (sa->denominator, sb->denominator, n);
    }
}

static void
assert_issue_equal (ScIssue *a,
                    ScIssue *b)
{
  g_assert_cmpstr (sc_issue_get_id (a), ==, sc_issue_get_id (b));
  g_assert_cmpstr (sc_issue_get_partner_id (a), ==, sc_issue_get_partner_id (b));
  g_assert_cmpstr (sc_issue_get_kpi_id (a), ==, sc_issue_get_kpi_id (b));
  g_assert_cmpint (sc_issue_get_period (a), ==, sc_issue_get_period (b));
  g_assert_cmpstr (sc_issue_get_title (a), ==, sc_issue_get_title (b));
  g_assert_cmpstr (sc_issue_get_description (a), ==, sc_issue_get_description (b));
  g_assert_cmpint (sc_issue_get_severity (a), ==, sc_issue_get_severity (b));
  g_assert_cmpint (sc_issue_get_status (a), ==, sc_issue_get_status (b));
  g_assert_cmpstr (sc_issue_get_owner (a), ==, sc_issue_get_owner (b));
  g_assert_cmpstr (sc_issue_get_due (a), ==, sc_issue_get_due (b));
  g_assert_cmpstr (sc_issue_get_action (a), ==, sc_issue_get_action (b));
  g_assert_cmpstr (sc_issue_get_reference (a), ==, sc_issue_get_reference (b));
  assert_same_time (sc_issue_get_created (a), sc_issue_get_created (b));
  assert_same_time (sc_issue_get_updated (a), sc_issue_get_updated (b));

  g_assert_cmpuint (sc_issue_get_n_changes (a), ==, sc_issue_get_n_changes (b));
  for (guint i = 0; i < sc_issue_get_n_changes (a); i++)
    {
      const ScIssueChange *ca = sc_issue_get_change (a, i);
      const ScIssueChange *cb = sc_issue_get_change (b, i);

      assert_same_time (ca->time, cb->time);
      g_assert_cmpstr (ca->field, ==, cb->field);
      g_assert_cmpstr (ca->old_value, ==, cb->old_value);
      g_assert_cmpstr (ca->new_value, ==, cb->new_value);
    }
}

/* Calls @func on the items of two list models, which must be as long. */
static void
assert_lists_equal (GListModel *a,
                    GListModel *b,
                    void      (*func) (gpointer, gpointer))
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(GObject) item_a = g_list_model_get_item (a, i);
      g_autoptr(GObject) item_b = g_list_model_get_item (b, i);

      func (item_a, item_b);
    }
}

static void
assert_books_equal (ScWorkbook *a,
                    ScWorkbook *b)
{
  GListModel *partners = sc_workbook_get_partners (a);

  assert_settings_equal (a, b);
  assert_lists_equal (sc_workbook_get_kpis (a), sc_workbook_get_kpis (b),
                      (void (*) (gpointer, gpointer)) assert_kpi_equal);
  assert_lists_equal (partners, sc_workbook_get_partners (b),
                      (void (*) (gpointer, gpointer)) assert_partner_equal);
  assert_lists_equal (sc_workbook_get_issues (a), sc_workbook_get_issues (b),
                      (void (*) (gpointer, gpointer)) assert_issue_equal);

  g_assert_cmpuint (sc_workbook_get_n_series (a), ==, sc_workbook_get_n_series (b));
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      ScPartner *other = sc_workbook_lookup_partner (b, sc_partner_get_id (partner));

      assert_series_equal (a, b, partner, other);
    }
}

/* A workbook with every field set */

static void
add_full_kpis (ScWorkbook *book)
{
  g_autoptr(ScKpi) wall = sc_kpi_new ("wall_thickness", "Wall thickness — housing 4711");
  g_autoptr(ScKpi) ppm = sc_kpi_new ("ppm", "Defective parts per million");

  sc_kpi_set_description (wall, "Measured at 3 points; the \"mean\" of them");
  sc_kpi_set_unit (wall, "mm");
  sc_kpi_set_category (wall, "dimensional");
  sc_kpi_set_direction (wall, SC_DIRECTION_BAND);
  sc_kpi_set_target (wall, 20);
  sc_kpi_set_target_max (wall, 25.5);
  sc_kpi_set_warning (wall, 2);
  sc_kpi_set_critical (wall, 5);
  sc_kpi_set_weight (wall, 2.5);
  sc_kpi_set_aggregation (wall, SC_AGGREGATION_LAST);
  sc_kpi_set_ratio_scale (wall, 10);
  sc_kpi_set_decimals (wall, 3);
  g_assert_true (sc_workbook_add_kpi (book, wall));

  sc_kpi_set_description (ppm, "Rejected parts per million received");
  sc_kpi_set_unit (ppm, "ppm");
  sc_kpi_set_category (ppm, "service");
  sc_kpi_set_direction (ppm, SC_DIRECTION_LOWER);
  sc_kpi_set_target (ppm, 150);
  sc_kpi_set_warning (ppm, 400.5);
  sc_kpi_set_critical (ppm, 900);
  sc_kpi_set_weight (ppm, 0.75);
  sc_kpi_set_aggregation (ppm, SC_AGGREGATION_RATIO);
  sc_kpi_set_ratio_scale (ppm, 1000000);
  sc_kpi_set_decimals (ppm, 0);
  g_assert_true (sc_workbook_add_kpi (book, ppm));
}

static void
add_full_partners (ScWorkbook *book)
{
  g_autoptr(ScPartner) p1 = sc_partner_new ("p-001", "Schäfer, Müller & \"Söhne\" GmbH",
                                            SC_PARTNER_CUSTOMER);
  g_autoptr(ScPartner) p2 = sc_partner_new ("s02", "Fonderia Valle Trompia S.r.l.",
                                            SC_PARTNER_SUPPLIER);

  sc_partner_set_contact (p1, "Jana Weber <jana.weber@example.com>");
  sc_partner_set_tag (p1, "segment", "A");
  sc_partner_set_tag (p1, "site", "Stuttgart – Werk 2");
  sc_partner_set_tag (p1, "key with spaces", "value\nwith a new line");
  sc_partner_set_override (p1, "wall_thickness", 21, 3);
  sc_partner_set_override (p1, "ppm", 100, NAN);
  sc_partner_set_override (p2, "ppm", NAN, 0);
  g_assert_true (sc_workbook_add_partner (book, p1));
  g_assert_true (sc_workbook_add_partner (book, p2));
}

static void
add_full_series (ScWorkbook *book)
{
  ScPartner *p1 = sc_workbook_lookup_partner (book, "p-001");
  ScPartner *p2 = sc_workbook_lookup_partner (book, "s02");
  ScSeries *wall = sc_workbook_ensure_series (book, p1, sc_workbook_lookup_kpi (book, "wall_thickness"));
  ScSeries *ppm = sc_workbook_ensure_series (book, p2, sc_workbook_lookup_kpi (book, "ppm"));

  memcpy (wall->values, tricky_values, sizeof tricky_values);
  ppm->numerator = g_new (double, N_PERIODS);
  ppm->denominator = g_new (double, N_PERIODS);
  for (guint i = 0; i < N_PERIODS; i++)
    {
      gboolean hole = i == 2 || i == 5;

      ppm->numerator[i] = hole ? NAN : 53 + i;
      ppm->denominator[i] = hole ? NAN : 250000 - 1000 * i;
      ppm->values[i] = hole ? NAN : ppm->numerator[i] / ppm->denominator[i] * 1e6;
    }
  sc_workbook_series_changed (book, wall);
  sc_workbook_series_changed (book, ppm);
}

static void
add_full_issue (ScWorkbook *book)
{
  g_autoptr(ScIssue) issue = sc_issue_new ("ISS-0042", "p-001", "Walls too thin on lot 17");
  g_autoptr(GTimeZone) cet = g_time_zone_new_identifier ("+02:00");
  g_autoptr(GDateTime) created = g_date_time_new (cet, 2024, 3, 5, 11, 12, 0);
  g_autoptr(GDateTime) changed = g_date_time_new_utc (2024, 3, 20, 14, 40, 0);
  g_autoptr(GDateTime) updated = g_date_time_new_utc (2024, 4, 2, 8, 0, 30);

  sc_issue_set_kpi_id (issue, "wall_thickness");
  sc_issue_set_period (issue, parse_period (SC_GRANULARITY_QUARTER, "2024-Q1"));
  sc_issue_set_description (issue, "Incoming inspection found 3 lots below 20 mm.\nSee photos.");
  sc_issue_set_severity (issue, SC_SEVERITY_CRITICAL);
  sc_issue_set_status (issue, SC_ISSUE_RESOLVED);
  sc_issue_set_owner (issue, "Lukas Brandt");
  sc_issue_set_due (issue, "2024-04-30");
  sc_issue_set_action (issue, "New die; 100 % inspection until closed.");
  sc_issue_set_reference (issue, "8D-2024-017");
  sc_issue_set_created (issue, created);
  sc_issue_set_updated (issue, updated);
  sc_issue_add_change (issue, changed, "status", "open", "in-progress");
  sc_issue_add_change (issue, updated, "due", NULL, "2024-04-30");
  g_assert_true (sc_workbook_add_issue (book, issue));
}

static ScWorkbook *
new_full_book (void)
{
  ScWorkbook *book = sc_workbook_new ();
  static const ScGradeBand bands[] = {
    { (char *) "A+", 97.5 }, { (char *) "A", 90 }, { (char *) "B", 70 },
    { (char *) "C", 40.25 }, { (char *) "E", 0 },
  };
  ScPeriod first = parse_period (SC_GRANULARITY_QUARTER, "2023-Q3");

  g_assert_true (sc_workbook_set_granularity (book, SC_GRANULARITY_QUARTER));
  g_assert_true (sc_workbook_ensure_periods (book, first, first + N_PERIODS - 1, NULL));
  sc_workbook_set_company (book, "Contoso Manufacturing GmbH");
  sc_workbook_set_confidentiality (book, "Streng vertraulich – nur für den Lieferanten");
  sc_workbook_set_page_size (book, "letter");
  sc_workbook_set_notes (book, notes_text);
  sc_workbook_set_trend_periods (book, 12);
  sc_workbook_set_grade_bands (book, bands, G_N_ELEMENTS (bands));

  add_full_kpis (book);
  add_full_partners (book);
  add_full_series (book);
  add_full_issue (book);

  return book;
}

/* Tests */

static void
test_round_trip (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "full.scorecard", NULL);
  g_autoptr(ScWorkbook) book = new_full_book ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScWorkbook) loaded = NULL;
  ScPartner *p1;
  ScKpi *wall;
  ScPeriod first;

  g_assert_true (sc_workbook_get_modified (book));
  bytes = save_and_read (book, path);
  g_assert_false (sc_workbook_get_modified (book));

  loaded = load_path (path);
  p1 = sc_workbook_lookup_partner (loaded, "p-001");
  wall = sc_workbook_lookup_kpi (loaded, "wall_thickness");
  first = sc_workbook_get_first_period (loaded);
  assert_books_equal (book, loaded);
  g_assert_false (sc_workbook_get_modified (loaded));

  /* Spot checks that the comparison above did compare something */
  g_assert_cmpint (sc_workbook_get_granularity (loaded), ==, SC_GRANULARITY_QUARTER);
  g_assert_cmpstr (sc_workbook_get_page_size (loaded), ==, "letter");
  g_assert_cmpstr (sc_workbook_get_notes (loaded), ==, notes_text);
  g_assert_cmpfloat (sc_kpi_get_target_max (wall), ==, 25.5);
  g_assert_cmpstr (sc_partner_get_tag (p1, "site"), ==, "Stuttgart – Werk 2");
  for (guint i = 0; i < N_PERIODS; i++)
    assert_same_number (sc_workbook_get_value (loaded, p1, wall, first + i), tricky_values[i]);
  g_assert_null (sc_issue_get_change (sc_workbook_lookup_issue (loaded, "ISS-0042"), 1)->old_value);

  remove_temp_dir (dir);
}

/* Numbers are read back exactly, also ones that need 17 digits. */
static void
test_numbers (void)
{
  static const double extremes[] = {
    0.1, 0.1 + 0.2, 1e-9, -3.75, 1234567.891, 95.1, 99.86, 1.0 / 3.0, -2.0 / 3.0,
    1e15, 1e15 + 0.5, 123456789012345678.0, 9007199254740993.0, 1e300, -1e-300,
    2.2250738585072014e-308, 4.9e-324, 1.7976931348623157e308, -0.0,
  };
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScPartner) partner = sc_partner_new ("s01", NULL, SC_PARTNER_SUPPLIER);
  g_autoptr(ScKpi) kpi = sc_kpi_new ("x", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScWorkbook) loaded = NULL;

  sc_workbook_add_partner (book, partner);
  sc_workbook_add_kpi (book, kpi);
  for (guint i = 0; i < G_N_ELEMENTS (extremes); i++)
    g_assert_true (sc_workbook_set_value (book, partner, kpi, 2025 * 12 + i, extremes[i], NULL));

  bytes = sc_workbook_to_bytes (book);
  loaded = load_bytes (bytes);

  for (guint i = 0; i < G_N_ELEMENTS (extremes); i++)
    {
      double value = sc_workbook_get_value (loaded, sc_workbook_lookup_partner (loaded, "s01"),
                                            sc_workbook_lookup_kpi (loaded, "x"), 2025 * 12 + i);

      g_test_message ("%.17g read back as %.17g", extremes[i], value);
      g_assert_cmpfloat (value, ==, extremes[i]);
    }
}

/* The same workbook gives the same bytes, and so does loading and saving. */
static void
test_save_is_stable (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "book.scorecard", NULL);
  g_autofree char *again_path = g_build_filename (dir, "again.scorecard", NULL);
  g_autoptr(ScWorkbook) book = new_full_book ();
  g_autoptr(GBytes) first = save_and_read (book, path);
  g_autoptr(GBytes) second = save_and_read (book, path);
  g_autoptr(ScWorkbook) loaded = load_path (path);
  g_autoptr(GBytes) third = save_and_read (loaded, again_path);

  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_bytes_equal (first, third));

  remove_temp_dir (dir);
}

static void
assert_only_file_in (const char *dir,
                     const char *name)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  while ((entry = g_dir_read_name (handle)) != NULL)
    {
      g_test_message ("found %s", entry);
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

/* Saving over a workbook replaces it whole and leaves no temporary file. */
static void
test_atomic_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "book.scorecard", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "book.scorecard", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(ScWorkbook) book = new_full_book ();
  g_autoptr(ScWorkbook) empty = sc_workbook_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  before = save_and_read (book, path);
  after = save_and_read (empty, path);
  g_assert_cmpuint (g_bytes_get_size (after), <, g_bytes_get_size (before));
  assert_only_file_in (dir, "book.scorecard");

  /* A failed save reports why, keeps the workbook modified, leaves nothing */
  sc_workbook_set_modified (book, TRUE);
  g_assert_false (sc_workbook_save_to_file (book, missing_file, NULL, &error));
  g_assert_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_NOT_FOUND);
  g_assert_true (sc_workbook_get_modified (book));
  assert_only_file_in (dir, "book.scorecard");

  remove_temp_dir (dir);
}

static void
test_week_granularity (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScPartner) partner = sc_partner_new ("s01", NULL, SC_PARTNER_SUPPLIER);
  g_autoptr(ScKpi) kpi = sc_kpi_new ("otd", NULL);
  ScPeriod w53 = parse_period (SC_GRANULARITY_WEEK, "2020-W53");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScWorkbook) loaded = NULL;

  sc_workbook_set_granularity (book, SC_GRANULARITY_WEEK);
  sc_workbook_add_partner (book, partner);
  sc_workbook_add_kpi (book, kpi);
  sc_workbook_set_value (book, partner, kpi, w53, 96.5, NULL);
  sc_workbook_set_value (book, partner, kpi, w53 + 2, 97.5, NULL);

  bytes = sc_workbook_to_bytes (book);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"first_period\": \"2020-W53\""));
  loaded = load_bytes (bytes);
  assert_books_equal (book, loaded);
}

/* The shipped sample */

/* Saving the sample and reading it again changes nothing. */
static void
test_sample_round_trip (void)
{
  g_autoptr(ScWorkbook) book = load_path (sample_path ());
  g_autoptr(GBytes) bytes = sc_workbook_to_bytes (book);
  g_autoptr(ScWorkbook) loaded = load_bytes (bytes);
  g_autoptr(GBytes) again = sc_workbook_to_bytes (loaded);

  assert_books_equal (book, loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workbook-io/round-trip", test_round_trip);
  g_test_add_func ("/workbook-io/numbers", test_numbers);
  g_test_add_func ("/workbook-io/save-is-stable", test_save_is_stable);
  g_test_add_func ("/workbook-io/atomic-save", test_atomic_save);
  g_test_add_func ("/workbook-io/week-granularity", test_week_granularity);
  g_test_add_func ("/workbook-io/sample/round-trip", test_sample_round_trip);

  return g_test_run ();
}
