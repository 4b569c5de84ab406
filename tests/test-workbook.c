/* test-workbook.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the workbook model (sc-workbook.c): what partners, KPIs, values,
 * issues and settings do when a user edits them.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-workbook.h"

typedef struct
{
  guint      n_changed;
  guint      n_series_changed;
  guint      n_modified_notify;
  ScPartner *last_partner;
  ScKpi     *last_kpi;
  guint      changed_at_series_changed;
} SignalLog;

static ScPeriod
month (const char *str)
{
  ScPeriod period;

  g_assert_true (sc_period_parse (SC_GRANULARITY_MONTH, str, &period));
  return period;
}

static ScKpi *
new_kpi (const char  *id,
         ScDirection  direction,
         double       target,
         double       warning,
         double       critical)
{
  ScKpi *kpi = sc_kpi_new (id, NULL);

  sc_kpi_set_direction (kpi, direction);
  sc_kpi_set_target (kpi, target);
  sc_kpi_set_warning (kpi, warning);
  sc_kpi_set_critical (kpi, critical);

  return kpi;
}

/* A workbook with supplier s01, customer c01 and KPIs otd and ppm. */
static ScWorkbook *
new_small_book (void)
{
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(ScPartner) s01 = sc_partner_new ("s01", "Müller Drehteile GmbH", SC_PARTNER_SUPPLIER);
  g_autoptr(ScPartner) c01 = sc_partner_new ("c01", "Nordkap Trucks AS", SC_PARTNER_CUSTOMER);
  g_autoptr(ScKpi) otd = new_kpi ("on_time_delivery_pct", SC_DIRECTION_HIGHER, 95, 90, 80);
  g_autoptr(ScKpi) ppm = new_kpi ("ppm_defects", SC_DIRECTION_LOWER, 250, 500, 1000);

  g_assert_true (sc_workbook_add_partner (book, s01));
  g_assert_true (sc_workbook_add_partner (book, c01));
  g_assert_true (sc_workbook_add_kpi (book, otd));
  g_assert_true (sc_workbook_add_kpi (book, ppm));

  return book;
}

/* Adds a new issue; the workbook owns it, the pointer is borrowed. */
static ScIssue *
add_issue (ScWorkbook    *book,
           const char    *id,
           const char    *partner_id,
           ScIssueStatus  status)
{
  g_autoptr(ScIssue) issue = sc_issue_new (id, partner_id, "Late deliveries");

  sc_issue_set_status (issue, status);
  g_assert_true (sc_workbook_add_issue (book, issue));

  return issue;
}

/* Signal handlers */

static void
on_changed_cb (ScWorkbook *book,
               SignalLog  *log)
{
  log->n_changed++;
}

static void
on_series_changed_cb (ScWorkbook *book,
                      ScPartner  *partner,
                      ScKpi      *kpi,
                      SignalLog  *log)
{
  log->n_series_changed++;
  log->last_partner = partner;
  log->last_kpi = kpi;
  log->changed_at_series_changed = log->n_changed;
}

static void
on_modified_notified_cb (ScWorkbook *book,
                         GParamSpec *pspec,
                         SignalLog  *log)
{
  log->n_modified_notify++;
}

/* Tests */

static void
test_partners (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  g_autoptr(ScPartner) twin = sc_partner_new ("s01", "Another Müller", SC_PARTNER_CUSTOMER);
  GListModel *partners = sc_workbook_get_partners (book);
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");

  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 2);
  g_assert_nonnull (s01);
  g_assert_cmpstr (sc_partner_get_name (s01), ==, "Müller Drehteile GmbH");
  g_assert_cmpint (sc_partner_get_partner_type (sc_workbook_lookup_partner (book, "c01")), ==,
                   SC_PARTNER_CUSTOMER);
  g_assert_null (sc_workbook_lookup_partner (book, "s99"));
  g_assert_null (sc_workbook_lookup_partner (book, NULL));

  /* A second partner with the same id is refused and changes nothing */
  g_assert_false (sc_workbook_add_partner (book, twin));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 2);
  g_assert_true (sc_workbook_lookup_partner (book, "s01") == s01);
}

static void
test_kpis (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  g_autoptr(ScKpi) twin = sc_kpi_new ("ppm_defects", "PPM again");
  g_autoptr(ScKpi) scrap = new_kpi ("scrap_rate_pct", SC_DIRECTION_LOWER, 1.5, 2.5, 4);
  GListModel *kpis = sc_workbook_get_kpis (book);
  g_autoptr(ScKpi) second = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, 2);
  g_assert_false (sc_workbook_add_kpi (book, twin));
  g_assert_cmpstr (sc_kpi_get_name (sc_workbook_lookup_kpi (book, "ppm_defects")), ==, "ppm_defects");
  g_assert_true (sc_workbook_add_kpi (book, scrap));
  g_assert_true (sc_workbook_lookup_kpi (book, "scrap_rate_pct") == scrap);
  g_assert_null (sc_workbook_lookup_kpi (book, "otd2"));

  /* Display order is the order of adding */
  second = g_list_model_get_item (kpis, 1);
  g_assert_cmpstr (sc_kpi_get_id (second), ==, "ppm_defects");
}

static void
test_values (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  g_autoptr(GError) error = NULL;
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  ScPartner *c01 = sc_workbook_lookup_partner (book, "c01");
  ScKpi *otd = sc_workbook_lookup_kpi (book, "on_time_delivery_pct");
  ScKpi *ppm = sc_workbook_lookup_kpi (book, "ppm_defects");

  /* An empty workbook has no periods and no values */
  g_assert_cmpuint (sc_workbook_get_n_periods (book), ==, 0);
  g_assert_cmpint (sc_workbook_get_first_period (book), ==, SC_PERIOD_NONE);
  g_assert_true (isnan (sc_workbook_get_value (book, s01, otd, month ("2025-03"))));
  g_assert_cmpint (sc_workbook_get_latest_period (book), ==, SC_PERIOD_NONE);

  g_assert_true (sc_workbook_set_value (book, s01, otd, month ("2025-03"), 96.5, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_workbook_get_value (book, s01, otd, month ("2025-03")), ==, 96.5);
  g_assert_cmpint (sc_workbook_get_first_period (book), ==, month ("2025-03"));
  g_assert_cmpuint (sc_workbook_get_n_periods (book), ==, 1);
  g_assert_cmpuint (sc_workbook_get_n_series (book), ==, 1);

  /* Outside the range, and for series that do not exist: no data */
  g_assert_true (isnan (sc_workbook_get_value (book, s01, otd, month ("2025-02"))));
  g_assert_true (isnan (sc_workbook_get_value (book, s01, otd, month ("2025-04"))));
  g_assert_true (isnan (sc_workbook_get_value (book, s01, ppm, month ("2025-03"))));
  g_assert_true (isnan (sc_workbook_get_value (book, c01, otd, month ("2025-03"))));
  g_assert_true (isnan (sc_workbook_get_value (book, s01, otd, SC_PERIOD_NONE)));

  /* Overwriting, and setting NaN to clear a value */
  g_assert_true (sc_workbook_set_value (book, s01, otd, month ("2025-03"), 91.0, NULL));
  g_assert_cmpfloat (sc_workbook_get_value (book, s01, otd, month ("2025-03")), ==, 91.0);
  g_assert_true (sc_workbook_set_value (book, s01, otd, month ("2025-03"), NAN, NULL));
  g_assert_true (isnan (sc_workbook_get_value (book, s01, otd, month ("2025-03"))));
}

static void
test_ensure_periods (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  ScKpi *ppm = sc_workbook_lookup_kpi (book, "ppm_defects");
  ScSeries *series;
  static const double values[] = { 212, 198, 240 };
  static const guint new_slots[] = { 0, 1, 5, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_true (sc_workbook_set_value (book, s01, ppm, month ("2025-01") + i, values[i], NULL));

  /* Raw counts of a ratio KPI move along with the values */
  series = sc_workbook_ensure_series (book, s01, ppm);
  series->numerator = g_new (double, 3);
  series->denominator = g_new (double, 3);
  for (guint i = 0; i < 3; i++)
    {
      series->numerator[i] = 53 + i;
      series->denominator[i] = 250000 + i;
    }

  /* Grow at both ends at once */
  g_assert_true (sc_workbook_ensure_periods (book, month ("2024-11"), month ("2025-05"), NULL));
  g_assert_cmpint (sc_workbook_get_first_period (book), ==, month ("2024-11"));
  g_assert_cmpuint (sc_workbook_get_n_periods (book), ==, 7);

  series = sc_workbook_ensure_series (book, s01, ppm);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_cmpfloat (sc_workbook_get_value (book, s01, ppm, month ("2025-01") + i), ==, values[i]);
      g_assert_cmpfloat (series->numerator[2 + i], ==, 53 + i);
      g_assert_cmpfloat (series->denominator[2 + i], ==, 250000 + i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (new_slots); i++)
    {
      g_assert_true (isnan (series->values[new_slots[i]]));
      g_assert_true (isnan (series->numerator[new_slots[i]]));
      g_assert_true (isnan (series->denominator[new_slots[i]]));
    }

  /* A range inside the current one changes nothing */
  g_assert_true (sc_workbook_ensure_periods (book, month ("2025-01"), month ("2025-02"), NULL));
  g_assert_cmpuint (sc_workbook_get_n_periods (book), ==, 7);
  g_assert_cmpint (sc_workbook_get_latest_period (book), ==, month ("2025-03"));
}

static void
test_ensure_periods_limit (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  g_autoptr(GError) error = NULL;
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  ScKpi *otd = sc_workbook_lookup_kpi (book, "on_time_delivery_pct");

  g_assert_true (sc_workbook_set_value (book, s01, otd, month ("2025-01"), 97, NULL));

  /* 1200 periods are fine, 1201 are not, and a refusal changes nothing */
  g_assert_true (sc_workbook_ensure_periods (book, month ("2025-01"),
                                             month ("2025-01") + SC_WORKBOOK_MAX_PERIODS - 1, NULL));
  g_assert_false (sc_workbook_set_value (book, s01, otd, month ("2024-12"), 90, &error));
  g_assert_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_TOO_LARGE);
  g_assert_cmpuint (sc_workbook_get_n_periods (book), ==, SC_WORKBOOK_MAX_PERIODS);
  g_assert_cmpint (sc_workbook_get_first_period (book), ==, month ("2025-01"));
  g_assert_cmpfloat (sc_workbook_get_value (book, s01, otd, month ("2025-01")), ==, 97);
}

static void
test_signals (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  ScKpi *ppm = sc_workbook_lookup_kpi (book, "ppm_defects");
  SignalLog log = { 0 };

  g_signal_connect (book, "changed", G_CALLBACK (on_changed_cb), &log);
  g_signal_connect (book, "series-changed", G_CALLBACK (on_series_changed_cb), &log);

  g_assert_true (sc_workbook_set_value (book, s01, ppm, month ("2025-01"), 212, NULL));
  g_assert_cmpuint (log.n_series_changed, ==, 1);
  g_assert_true (log.last_partner == s01);
  g_assert_true (log.last_kpi == ppm);
  /* series-changed comes first, then changed */
  g_assert_cmpuint (log.n_changed, >, log.changed_at_series_changed);

  /* Editing a definition, a partner or a setting is a change too */
  log.n_changed = 0;
  sc_kpi_set_target (ppm, 200);
  g_assert_cmpuint (log.n_changed, ==, 1);
  sc_partner_set_tag (s01, "site", "Stuttgart");
  g_assert_cmpuint (log.n_changed, ==, 2);
  sc_partner_set_name (s01, "Müller Drehteile GmbH & Co. KG");
  g_assert_cmpuint (log.n_changed, ==, 3);
  sc_workbook_set_company (book, "Contoso Manufacturing GmbH");
  g_assert_cmpuint (log.n_changed, ==, 4);
  sc_workbook_set_company (book, "Contoso Manufacturing GmbH");
  g_assert_cmpuint (log.n_changed, ==, 4);
  g_assert_cmpuint (log.n_series_changed, ==, 1);
}

static void
test_modified (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScPartner) s01 = sc_partner_new ("s01", "Müller Drehteile GmbH", SC_PARTNER_SUPPLIER);
  g_autoptr(ScKpi) otd = new_kpi ("on_time_delivery_pct", SC_DIRECTION_HIGHER, 95, 90, 80);
  SignalLog log = { 0 };

  g_signal_connect (book, "notify::modified", G_CALLBACK (on_modified_notified_cb), &log);
  g_assert_false (sc_workbook_get_modified (book));

  sc_workbook_add_partner (book, s01);
  g_assert_true (sc_workbook_get_modified (book));
  g_assert_cmpuint (log.n_modified_notify, ==, 1);

  /* Only a real change of the flag notifies */
  sc_workbook_add_kpi (book, otd);
  g_assert_cmpuint (log.n_modified_notify, ==, 1);

  sc_workbook_set_modified (book, FALSE);
  g_assert_false (sc_workbook_get_modified (book));
  g_assert_cmpuint (log.n_modified_notify, ==, 2);

  sc_workbook_set_value (book, s01, otd, month ("2025-01"), 97, NULL);
  g_assert_true (sc_workbook_get_modified (book));
  sc_workbook_set_modified (book, FALSE);
  sc_workbook_set_trend_periods (book, 12);
  g_assert_true (sc_workbook_get_modified (book));
  g_assert_cmpuint (log.n_modified_notify, ==, 5);
}

static void
test_grades (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  static const ScGradeBand bands[] = {
    { (char *) "C", 50 }, { (char *) "A", 95 }, { (char *) "F", 0 }, { (char *) "B", 80 },
  };

  /* The default bands: A 90, B 75, C 60, D 0 */
  g_assert_cmpuint (sc_workbook_get_n_grade_bands (book), ==, 4);
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 100), ==, "A");
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 90), ==, "A");
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 89.99), ==, "B");
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 75), ==, "B");
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 60), ==, "C");
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 59.999), ==, "D");
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 0), ==, "D");
  g_assert_null (sc_workbook_grade_for_score (book, NAN));

  /* Bands given in any order are kept from the best to the worst */
  sc_workbook_set_grade_bands (book, bands, G_N_ELEMENTS (bands));
  g_assert_cmpstr (sc_workbook_get_grade_band (book, 0)->grade, ==, "A");
  g_assert_cmpfloat (sc_workbook_get_grade_band (book, 0)->min_score, ==, 95);
  g_assert_cmpstr (sc_workbook_get_grade_band (book, 3)->grade, ==, "F");
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 94.9), ==, "B");
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 50), ==, "C");
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 49), ==, "F");
}

static void
test_remove_partner (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  g_autoptr(ScPartner) s01 = g_object_ref (sc_workbook_lookup_partner (book, "s01"));
  ScPartner *c01 = sc_workbook_lookup_partner (book, "c01");
  ScKpi *otd = sc_workbook_lookup_kpi (book, "on_time_delivery_pct");
  ScKpi *ppm = sc_workbook_lookup_kpi (book, "ppm_defects");
  g_autoptr(GPtrArray) left = NULL;

  sc_workbook_set_value (book, s01, otd, month ("2025-01"), 97, NULL);
  sc_workbook_set_value (book, s01, ppm, month ("2025-01"), 212, NULL);
  sc_workbook_set_value (book, c01, otd, month ("2025-01"), 93, NULL);
  add_issue (book, "ISS-0001", "s01", SC_ISSUE_OPEN);
  add_issue (book, "ISS-0002", "c01", SC_ISSUE_OPEN);
  add_issue (book, "ISS-0003", "s01", SC_ISSUE_CLOSED);

  sc_workbook_remove_partner (book, s01);

  g_assert_null (sc_workbook_lookup_partner (book, "s01"));
  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_partners (book)), ==, 1);
  g_assert_cmpuint (sc_workbook_get_n_series (book), ==, 1);
  g_assert_null (sc_workbook_get_series (book, s01, otd));
  g_assert_true (isnan (sc_workbook_get_value (book, s01, otd, month ("2025-01"))));
  g_assert_cmpfloat (sc_workbook_get_value (book, c01, otd, month ("2025-01")), ==, 93);
  left = sc_workbook_dup_partner_series (book, s01);
  g_assert_cmpuint (left->len, ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (sc_workbook_get_issues (book)), ==, 1);
  g_assert_null (sc_workbook_lookup_issue (book, "ISS-0001"));
  g_assert_null (sc_workbook_lookup_issue (book, "ISS-0003"));
  g_assert_nonnull (sc_workbook_lookup_issue (book, "ISS-0002"));

  /* The same id can be used again */
  g_assert_true (sc_workbook_add_partner (book, s01));
}

static void
test_partner_series_order (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  ScKpi *otd = sc_workbook_lookup_kpi (book, "on_time_delivery_pct");
  ScKpi *ppm = sc_workbook_lookup_kpi (book, "ppm_defects");
  g_autoptr(GPtrArray) list = NULL;

  /* Created in the reverse order, listed in the KPI order */
  sc_workbook_set_value (book, s01, ppm, month ("2025-01"), 212, NULL);
  sc_workbook_set_value (book, s01, otd, month ("2025-01"), 97, NULL);
  list = sc_workbook_dup_partner_series (book, s01);

  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (((ScSeries *) g_ptr_array_index (list, 0))->kpi == otd);
  g_assert_true (((ScSeries *) g_ptr_array_index (list, 1))->kpi == ppm);

  /* With series, the granularity can no longer change */
  g_assert_false (sc_workbook_set_granularity (book, SC_GRANULARITY_WEEK));
  g_assert_cmpint (sc_workbook_get_granularity (book), ==, SC_GRANULARITY_MONTH);
}

static void
test_issue_ids (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  g_autoptr(ScIssue) twin = sc_issue_new ("ISS-0001", "c01", "Another one");
  g_autofree char *first = sc_workbook_next_issue_id (book);
  g_autofree char *next = NULL;

  g_assert_cmpstr (first, ==, "ISS-0001");
  add_issue (book, "ISS-0001", "s01", SC_ISSUE_OPEN);
  add_issue (book, "ISS-0003", "s01", SC_ISSUE_OPEN);
  g_assert_false (sc_workbook_add_issue (book, twin));

  /* Never an id already in use */
  next = sc_workbook_next_issue_id (book);
  g_assert_null (sc_workbook_lookup_issue (book, next));
  g_assert_true (g_str_has_prefix (next, "ISS-"));
  g_assert_cmpuint (strlen (next), ==, strlen ("ISS-0001"));
}

static void
test_insert_issue (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  g_autoptr(ScIssue) first = sc_issue_new ("ISS-0005", "s01", "First");
  g_autoptr(ScIssue) last = sc_issue_new ("ISS-0006", "s01", "Last");
  g_autoptr(ScIssue) twin = sc_issue_new ("ISS-0002", "c01", "Another one");
  GListModel *issues = sc_workbook_get_issues (book);
  g_autoptr(ScIssue) item = NULL;

  add_issue (book, "ISS-0001", "s01", SC_ISSUE_OPEN);
  add_issue (book, "ISS-0002", "s01", SC_ISSUE_OPEN);

  g_assert_true (sc_workbook_insert_issue (book, 0, first));
  g_assert_true (sc_workbook_insert_issue (book, 100, last));   /* past the end: last */
  g_assert_false (sc_workbook_insert_issue (book, 1, twin));
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 4);
  item = g_list_model_get_item (issues, 0);
  g_assert_true (item == first);
  g_clear_object (&item);
  item = g_list_model_get_item (issues, 3);
  g_assert_true (item == last);
  g_assert_true (sc_workbook_lookup_issue (book, "ISS-0005") == first);

  /* In the workbook, its edits are history */
  sc_issue_set_owner (first, "Jana Weber");
  g_assert_cmpuint (sc_issue_get_n_changes (first), ==, 1);
}

static void
test_count_open_issues (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  ScPartner *s01 = sc_workbook_lookup_partner (book, "s01");
  ScPartner *c01 = sc_workbook_lookup_partner (book, "c01");
  ScIssue *issue;

  g_assert_cmpuint (sc_workbook_count_open_issues (book, NULL), ==, 0);

  add_issue (book, "ISS-0001", "s01", SC_ISSUE_OPEN);
  issue = add_issue (book, "ISS-0002", "s01", SC_ISSUE_IN_PROGRESS);
  add_issue (book, "ISS-0003", "s01", SC_ISSUE_RESOLVED);
  add_issue (book, "ISS-0004", "s01", SC_ISSUE_CLOSED);
  add_issue (book, "ISS-0005", "c01", SC_ISSUE_OPEN);

  g_assert_cmpuint (sc_workbook_count_open_issues (book, s01), ==, 2);
  g_assert_cmpuint (sc_workbook_count_open_issues (book, c01), ==, 1);
  g_assert_cmpuint (sc_workbook_count_open_issues (book, NULL), ==, 3);

  sc_issue_set_status (issue, SC_ISSUE_CLOSED);
  g_assert_cmpuint (sc_workbook_count_open_issues (book, s01), ==, 1);
}

static void
test_issue_history (void)
{
  g_autoptr(ScWorkbook) book = new_small_book ();
  g_autoptr(ScIssue) issue = sc_issue_new ("ISS-0001", "s01", "Burrs on housing 4711");
  GDateTime *created = sc_issue_get_updated (issue);
  const ScIssueChange *change;

  /* A new issue is created and updated now */
  g_assert_nonnull (created);
  g_assert_true (sc_issue_get_created (issue) == created);

  /* Building the issue before it is in the workbook is not an edit */
  sc_issue_set_status (issue, SC_ISSUE_IN_PROGRESS);
  sc_issue_set_owner (issue, "Jana Weber");
  sc_issue_set_severity (issue, SC_SEVERITY_HIGH);
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, 0);
  g_assert_true (sc_issue_get_updated (issue) == created);

  g_assert_true (sc_workbook_add_issue (book, issue));
  sc_issue_set_status (issue, SC_ISSUE_RESOLVED);
  sc_issue_set_owner (issue, "Lukas Brandt");
  sc_issue_set_status (issue, SC_ISSUE_RESOLVED);

  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, 2);
  change = sc_issue_get_change (issue, 0);
  g_assert_cmpstr (change->field, ==, "status");
  g_assert_cmpstr (change->old_value, ==, "in-progress");
  g_assert_cmpstr (change->new_value, ==, "resolved");
  g_assert_nonnull (change->time);
  change = sc_issue_get_change (issue, 1);
  g_assert_cmpstr (change->field, ==, "owner");
  g_assert_cmpstr (change->old_value, ==, "Jana Weber");
  g_assert_cmpstr (change->new_value, ==, "Lukas Brandt");
  g_assert_nonnull (sc_issue_get_updated (issue));
  g_assert_true (g_date_time_equal (sc_issue_get_updated (issue), change->time));

  /* Once removed, edits are no longer the workbook's history */
  sc_workbook_remove_issue (book, issue);
  sc_issue_set_status (issue, SC_ISSUE_CLOSED);
  g_assert_cmpuint (sc_issue_get_n_changes (issue), ==, 2);
}

static void
test_settings (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();

  g_assert_cmpstr (sc_workbook_get_company (book), ==, "");
  g_assert_cmpstr (sc_workbook_get_page_size (book), ==, "a4");
  g_assert_cmpstr (sc_workbook_get_confidentiality (book), ==, "");
  g_assert_cmpstr (sc_workbook_get_notes (book), ==, "");
  g_assert_cmpuint (sc_workbook_get_trend_periods (book), ==, 6);

  sc_workbook_set_page_size (book, "letter");
  g_assert_cmpstr (sc_workbook_get_page_size (book), ==, "letter");
  sc_workbook_set_company (book, NULL);
  g_assert_cmpstr (sc_workbook_get_company (book), ==, "");

  /* The trend needs 2 to 60 periods */
  sc_workbook_set_trend_periods (book, 1);
  g_assert_cmpuint (sc_workbook_get_trend_periods (book), ==, 2);
  sc_workbook_set_trend_periods (book, 100);
  g_assert_cmpuint (sc_workbook_get_trend_periods (book), ==, 60);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workbook/partners", test_partners);
  g_test_add_func ("/workbook/kpis", test_kpis);
  g_test_add_func ("/workbook/values", test_values);
  g_test_add_func ("/workbook/ensure-periods", test_ensure_periods);
  g_test_add_func ("/workbook/ensure-periods-limit", test_ensure_periods_limit);
  g_test_add_func ("/workbook/signals", test_signals);
  g_test_add_func ("/workbook/modified", test_modified);
  g_test_add_func ("/workbook/grades", test_grades);
  g_test_add_func ("/workbook/remove-partner", test_remove_partner);
  g_test_add_func ("/workbook/partner-series-order", test_partner_series_order);
  g_test_add_func ("/workbook/issue-ids", test_issue_ids);
  g_test_add_func ("/workbook/insert-issue", test_insert_issue);
  g_test_add_func ("/workbook/count-open-issues", test_count_open_issues);
  g_test_add_func ("/workbook/issue-history", test_issue_history);
  g_test_add_func ("/workbook/settings", test_settings);

  return g_test_run ();
}
