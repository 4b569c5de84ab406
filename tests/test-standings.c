/* test-standings.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of standings (sc-standing.c), the watch list and scorecard groups
 * (sc-scorecard-group.c, the scorer's use of them) against numbers worked
 * out by hand in docs/scoring.md, and of how the file keeps them.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "sc-score.h"
#include "sc-scorecard-group.h"
#include "sc-scorer.h"
#include "sc-standing.h"
#include "sc-summary.h"
#include "sc-workbook-io.h"

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
         double       critical,
         double       weight)
{
  ScKpi *kpi = sc_kpi_new (id, NULL);

  sc_kpi_set_direction (kpi, direction);
  sc_kpi_set_target (kpi, target);
  sc_kpi_set_warning (kpi, warning);
  sc_kpi_set_critical (kpi, critical);
  sc_kpi_set_weight (kpi, weight);

  return kpi;
}

static ScPartner *
add_partner (ScWorkbook    *book,
             const char    *id,
             ScPartnerType  type)
{
  g_autoptr(ScPartner) partner = sc_partner_new (id, NULL, type);

  g_assert_true (sc_workbook_add_partner (book, partner));
  return partner;
}

static void
set (ScWorkbook *book,
     ScPartner  *partner,
     const char *kpi_id,
     const char *period,
     double      value)
{
  g_assert_true (sc_workbook_set_value (book, partner, sc_workbook_lookup_kpi (book, kpi_id),
                                        month (period), value, NULL));
}

/* The worked example of docs/scoring.md: on-time delivery (weight 2),
 * PPM (weight 2) and complaints (weight 1), and a carrier on the
 * "Carriers" scorecard, which leaves out PPM, weighs on-time delivery 3
 * and asks 97 % of it.
 */
static ScWorkbook *
new_carrier_book (void)
{
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(ScKpi) otd = new_kpi ("otd", SC_DIRECTION_HIGHER, 95, 90, 80, 2);
  g_autoptr(ScKpi) ppm = new_kpi ("ppm", SC_DIRECTION_LOWER, 250, 500, 1000, 2);
  g_autoptr(ScKpi) complaints = new_kpi ("complaints", SC_DIRECTION_LOWER, 1, 2, 4, 1);
  g_autoptr(ScScorecardGroup) carriers = sc_scorecard_group_new ("carriers", "Carriers");
  const char *kpis[] = { "otd", "complaints", NULL };
  ScGroupKpi change;
  ScPartner *partners[2];

  sc_workbook_add_kpi (book, otd);
  sc_workbook_add_kpi (book, ppm);
  sc_workbook_add_kpi (book, complaints);
  sc_scorecard_group_add_tag (carriers, "mode", "Freight");
  sc_scorecard_group_set_kpis (carriers, kpis);
  sc_group_kpi_init (&change);
  change.target = 97;
  change.weight = 3;
  sc_scorecard_group_set_kpi (carriers, "otd", &change);
  sc_workbook_set_scorecard_groups (book, &carriers, 1);

  partners[0] = add_partner (book, "maker", SC_PARTNER_SUPPLIER);
  partners[1] = add_partner (book, "carrier", SC_PARTNER_SUPPLIER);
  sc_partner_set_tag (partners[1], "mode", "freight");
  for (guint i = 0; i < 2; i++)
    {
      set (book, partners[i], "otd", "2025-03", 92.5);
      set (book, partners[i], "ppm", "2025-03", 625);
      set (book, partners[i], "complaints", "2025-03", 3);
    }

  return book;
}

static void
test_group_scores (void)
{
  g_autoptr(ScWorkbook) book = new_carrier_book ();
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);
  ScRollup rollup = { SC_ROLLUP_PERIOD, month ("2025-03") };
  g_autoptr(ScPartnerResult) maker = NULL;
  g_autoptr(ScPartnerResult) carrier = NULL;
  const ScKpiResult *otd;

  /* Default scorecard: (2 × 83.33 + 2 × 50 + 1 × 33.33) / 5 = 60 */
  maker = sc_scorer_score_partner (scorer, sc_workbook_lookup_partner (book, "maker"), &rollup);
  g_assert_null (maker->scorecard);
  g_assert_cmpuint (maker->kpis->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (maker->score, 60.0, 0.005);
  g_assert_cmpstr (maker->grade, ==, "C");
  g_assert_cmpstr (maker->action, ==, "Escalation meeting within 30 days");

  /* Carriers: PPM not scored; on-time delivery against 97 %: d = 4.5,
   * c = 17, 73.53; (3 × 73.53 + 1 × 33.33) / 4 = 63.48
   */
  carrier = sc_scorer_score_partner (scorer, sc_workbook_lookup_partner (book, "carrier"), &rollup);
  g_assert_nonnull (carrier->scorecard);
  g_assert_cmpstr (sc_scorecard_group_get_name (carrier->scorecard), ==, "Carriers");
  g_assert_cmpuint (carrier->kpis->len, ==, 2);
  otd = &g_array_index (carrier->kpis, ScKpiResult, 0);
  g_assert_cmpstr (sc_kpi_get_id (otd->kpi), ==, "otd");
  g_assert_cmpfloat (otd->target, ==, 97);
  g_assert_cmpfloat (otd->weight, ==, 3);
  g_assert_cmpfloat_with_epsilon (otd->score, 73.53, 0.005);
  g_assert_cmpfloat_with_epsilon (otd->share, 0.75, 1e-9);
  g_assert_cmpstr (sc_kpi_get_id (g_array_index (carrier->kpis, ScKpiResult, 1).kpi), ==, "complaints");
  g_assert_cmpfloat_with_epsilon (carrier->score, 63.48, 0.005);
  g_assert_cmpfloat_with_epsilon (sc_scorer_overall (scorer, carrier->partner, &rollup), 63.48, 0.005);
}

/* A partner's own override beats the group's */
static void
test_group_partner_override (void)
{
  g_autoptr(ScWorkbook) book = new_carrier_book ();
  ScPartner *carrier = sc_workbook_lookup_partner (book, "carrier");
  g_autoptr(ScPartnerResult) result = NULL;

  sc_partner_set_override (carrier, "otd", 92, NAN);
  result = sc_score_partner (book, carrier, month ("2025-03"));
  /* otd on target: (3 × 100 + 1 × 33.33) / 4 = 83.33 */
  g_assert_cmpfloat_with_epsilon (result->score, 83.33, 0.005);
}

static void
test_group_ranks (void)
{
  g_autoptr(ScWorkbook) book = new_carrier_book ();
  ScPartner *other = add_partner (book, "other-carrier", SC_PARTNER_SUPPLIER);
  g_autoptr(GPtrArray) results = NULL;

  sc_partner_set_tag (other, "mode", "Freight");
  set (book, other, "otd", "2025-03", 99);
  results = sc_score_all (book, month ("2025-03"));

  /* The maker alone on the default scorecard; the two carriers together */
  g_assert_cmpuint (((ScPartnerResult *) results->pdata[0])->rank, ==, 1);
  g_assert_cmpuint (((ScPartnerResult *) results->pdata[0])->n_ranked, ==, 1);
  g_assert_cmpuint (((ScPartnerResult *) results->pdata[1])->rank, ==, 2);
  g_assert_cmpuint (((ScPartnerResult *) results->pdata[1])->n_ranked, ==, 2);
  g_assert_cmpuint (((ScPartnerResult *) results->pdata[2])->rank, ==, 1);
  g_assert_cmpuint (((ScPartnerResult *) results->pdata[2])->n_ranked, ==, 2);
}

/* Precedence: a tag match beats a type match; among equals the first in
 * the workbook's order wins; a partner no group applies to is on the
 * default scorecard.
 */
static void
test_group_precedence (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  g_autoptr(ScScorecardGroup) suppliers = sc_scorecard_group_new ("suppliers", "All suppliers");
  g_autoptr(ScScorecardGroup) castings = sc_scorecard_group_new ("castings", "Castings");
  g_autoptr(ScScorecardGroup) structures = sc_scorecard_group_new ("structures", "Structures");
  ScPartner *both = add_partner (book, "both", SC_PARTNER_SUPPLIER);
  ScPartner *plain = add_partner (book, "plain", SC_PARTNER_SUPPLIER);
  ScPartner *customer = add_partner (book, "customer", SC_PARTNER_CUSTOMER);
  ScPartner *untagged = add_partner (book, "untagged", SC_PARTNER_CUSTOMER);
  ScScorecardGroup *order1[] = { suppliers, castings, structures };
  ScScorecardGroup *order2[] = { suppliers, structures, castings };

  sc_scorecard_group_set_partner_type (suppliers, FALSE, SC_PARTNER_SUPPLIER);
  sc_scorecard_group_add_tag (castings, "commodity", "Iron castings");
  sc_scorecard_group_add_tag (castings, "commodity", "Investment castings");
  sc_scorecard_group_add_tag (structures, "segment", "Structures");
  sc_partner_set_tag (both, "commodity", "Iron castings");
  sc_partner_set_tag (both, "segment", "Structures");
  sc_partner_set_tag (plain, "commodity", "Fasteners");
  sc_partner_set_tag (customer, "segment", "structures");

  g_assert_cmpint (sc_scorecard_group_match (suppliers, both), ==, SC_GROUP_MATCH_TYPE);
  g_assert_cmpint (sc_scorecard_group_match (castings, both), ==, SC_GROUP_MATCH_TAG);
  g_assert_cmpint (sc_scorecard_group_match (suppliers, customer), ==, SC_GROUP_MATCH_NONE);

  sc_workbook_set_scorecard_groups (book, order1, G_N_ELEMENTS (order1));
  g_assert_true (sc_workbook_scorecard_group_for_partner (book, both) == castings);
  g_assert_true (sc_workbook_scorecard_group_for_partner (book, plain) == suppliers);
  g_assert_true (sc_workbook_scorecard_group_for_partner (book, customer) == structures);
  g_assert_null (sc_workbook_scorecard_group_for_partner (book, untagged));

  sc_workbook_set_scorecard_groups (book, order2, G_N_ELEMENTS (order2));
  g_assert_true (sc_workbook_scorecard_group_for_partner (book, both) == structures);
  g_assert_true (sc_workbook_scorecard_group_for_partner (book, plain) == suppliers);

  /* A type and a tag: both must hold */
  sc_scorecard_group_set_partner_type (structures, FALSE, SC_PARTNER_SUPPLIER);
  g_assert_cmpint (sc_scorecard_group_match (structures, customer), ==, SC_GROUP_MATCH_NONE);
  g_assert_cmpint (sc_scorecard_group_match (structures, both), ==, SC_GROUP_MATCH_TAG);
}

/* Standings */

static void
test_standing_defaults (void)
{
  g_autoptr(ScWorkbook) book = sc_workbook_new ();
  const ScGradeBand *d;
  ScGradeBand custom[] = {
    { (char *) "Gold", 80, (char *) "Preferred", NULL, NULL },
    { (char *) "Silver", 50 },
    { (char *) "Probation", 0, NULL, (char *) "#000000", (char *) "!" },
  };

  g_assert_cmpuint (sc_workbook_get_n_grade_bands (book), ==, 4);
  d = sc_workbook_standing_for_score (book, 59.99);
  g_assert_cmpstr (d->grade, ==, "D");
  g_assert_cmpstr (d->action, ==, "No new RFQs");
  g_assert_cmpstr (d->symbol, ==, "✗");
  g_assert_cmpstr (d->colour, ==, "#d55e00");
  g_assert_cmpstr (sc_workbook_standing_for_score (book, 90)->action, ==, "Preferred supplier");
  g_assert_null (sc_workbook_standing_for_score (book, NAN));
  g_assert_cmpint (sc_standing_index (book, 75), ==, 1);
  g_assert_cmpint (sc_standing_index (book, NAN), ==, -1);

  /* Bands of other names keep what is given and take the look of their place */
  sc_workbook_set_grade_bands (book, custom, G_N_ELEMENTS (custom));
  g_assert_cmpstr (sc_workbook_get_grade_band (book, 0)->action, ==, "Preferred");
  g_assert_cmpstr (sc_workbook_get_grade_band (book, 0)->symbol, ==, "★");
  g_assert_cmpstr (sc_workbook_get_grade_band (book, 1)->action, ==, "");
  g_assert_cmpstr (sc_workbook_get_grade_band (book, 2)->symbol, ==, "!");
  g_assert_cmpstr (sc_workbook_get_grade_band (book, 2)->colour, ==, "#000000");
}

/* The watch list */

/* A workbook whose KPI "score" has target 100, warning 50 and critical 0,
 * so that a partner's score is the value entered; months 2024-10 to
 * 2025-03.
 */
static ScWorkbook *
new_watch_book (void)
{
  ScWorkbook *book = sc_workbook_new ();
  g_autoptr(ScKpi) kpi = new_kpi ("score", SC_DIRECTION_HIGHER, 100, 50, 0, 1);
  static const struct { const char *id; double values[6]; } rows[] = {
    /*            Oct  Nov  Dec  Jan  Feb  Mar */
    { "falls",  { 85,  85,  80,  70,  70,  70 } },   /* B → C across the year */
    { "stuck",  { NAN, 50,  40,  55,  95,  95 } },   /* D for 3 months to January */
    { "steady", { 95,  95,  95,  95,  95,  95 } },
  };

  sc_workbook_add_kpi (book, kpi);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ScPartner *partner = add_partner (book, rows[i].id, SC_PARTNER_SUPPLIER);

      for (guint m = 0; m < 6; m++)
        if (!isnan (rows[i].values[m]))
          g_assert_true (sc_workbook_set_value (book, partner, kpi, month ("2024-10") + m,
                                                rows[i].values[m], NULL));
    }

  return book;
}

static void
assert_watch (ScScorer      *scorer,
              const char    *partner_id,
              ScRollupKind   kind,
              const char    *anchor,
              const char    *expected)
{
  ScWorkbook *book = sc_scorer_get_workbook (scorer);
  ScRollup rollup = { kind, month (anchor) };
  g_autofree char *text = NULL;
  ScWatch watch;
  gboolean on;

  on = sc_standing_watch (scorer, sc_workbook_lookup_partner (book, partner_id), &rollup, &watch);
  text = sc_watch_describe (&watch);
  g_test_message ("%s %s: %s", partner_id, anchor, text ? text : "(none)");
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (on == (expected != NULL));
}

static void
test_watch_year_boundary (void)
{
  g_autoptr(ScWorkbook) book = new_watch_book ();
  g_autoptr(ScScorer) scorer = sc_scorer_new (book);

  /* 2024-12 → 2025-01 */
  assert_watch (scorer, "falls", SC_ROLLUP_PERIOD, "2025-01", "fell from B to C");
  assert_watch (scorer, "falls", SC_ROLLUP_PERIOD, "2024-12", NULL);
  assert_watch (scorer, "falls", SC_ROLLUP_PERIOD, "2025-02", NULL);
  assert_watch (scorer, "steady", SC_ROLLUP_PERIOD, "2025-01", NULL);

  /* D in November, December and January: three in a row */
  assert_watch (scorer, "stuck", SC_ROLLUP_PERIOD, "2025-01", "D for 3 periods");
  assert_watch (scorer, "stuck", SC_ROLLUP_PERIOD, "2024-12", NULL);
  assert_watch (scorer, "stuck", SC_ROLLUP_PERIOD, "2025-02", NULL);
  sc_workbook_set_watch_periods (book, 2);
  assert_watch (scorer, "stuck", SC_ROLLUP_PERIOD, "2024-12", "D for 2 periods");
  sc_workbook_set_watch_periods (book, 4);
  assert_watch (scorer, "stuck", SC_ROLLUP_PERIOD, "2025-01", NULL);

  /* Q4 2024 (83.33, B) → Q1 2025 (70, C) */
  assert_watch (scorer, "falls", SC_ROLLUP_QUARTER, "2025-02", "fell from B to C");
  assert_watch (scorer, "steady", SC_ROLLUP_QUARTER, "2025-02", NULL);
}

static void
test_watch_summary_json (void)
{
  g_autoptr(ScWorkbook) book = new_watch_book ();
  ScRollup rollup = { SC_ROLLUP_PERIOD, month ("2025-01") };
  g_autofree char *text = sc_summary_rollup_to_json_full (book, &rollup, TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *partners;
  JsonObject *falls, *stuck, *watch;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  partners = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "partners");
  g_assert_cmpuint (json_array_get_length (partners), ==, 2);

  falls = json_array_get_object_element (partners, 0);
  g_assert_cmpstr (json_object_get_string_member (falls, "id"), ==, "falls");
  g_assert_cmpstr (json_object_get_string_member (falls, "standing"), ==, "C");
  g_assert_cmpstr (json_object_get_string_member (falls, "action"), ==, "Escalation meeting within 30 days");
  g_assert_true (json_object_get_null_member (falls, "scorecard"));
  watch = json_object_get_object_member (falls, "watch");
  g_assert_cmpstr (json_object_get_string_member (watch, "reason"), ==, "worsened");
  g_assert_cmpstr (json_object_get_string_member (watch, "from"), ==, "B");
  g_assert_cmpstr (json_object_get_string_member (watch, "text"), ==, "fell from B to C");

  stuck = json_array_get_object_element (partners, 1);
  watch = json_object_get_object_member (stuck, "watch");
  g_assert_cmpstr (json_object_get_string_member (stuck, "standing"), ==, "D");
  g_assert_cmpstr (json_object_get_string_member (stuck, "action"), ==, "No new RFQs");
  g_assert_cmpstr (json_object_get_string_member (watch, "reason"), ==, "lowest");
  g_assert_cmpint (json_object_get_int_member (watch, "periods"), ==, 3);
}

static void
test_summary_scorecard_json (void)
{
  g_autoptr(ScWorkbook) book = new_carrier_book ();
  g_autofree char *text = sc_summary_to_json (book, month ("2025-03"));
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *partners;
  JsonObject *carrier;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  partners = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "partners");
  carrier = json_array_get_object_element (partners, 1);
  g_assert_cmpstr (json_object_get_string_member (carrier, "scorecard"), ==, "Carriers");
  g_assert_cmpstr (json_object_get_string_member (carrier, "scorecard_id"), ==, "carriers");
  g_assert_cmpstr (json_object_get_string_member (carrier, "standing"), ==, "C");
  g_assert_cmpint (json_object_get_int_member (carrier, "ranked_among"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (carrier, "kpis")), ==, 2);
}

/* The file */

static void
test_file_round_trip (void)
{
  g_autoptr(ScWorkbook) book = new_carrier_book ();
  g_autoptr(ScWorkbook) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  ScGradeBand bands[] = {
    { (char *) "Preferred", 85, (char *) "Offer a frame contract", (char *) "#0072b2", (char *) "✓" },
    { (char *) "Blocked", 0, (char *) "", (char *) "#d55e00", (char *) "✗" },
  };
  ScScorecardGroup *group;
  ScGroupKpi kpi;
  ScPartnerType type;
  const char *key, *value;

  sc_workbook_set_grade_bands (book, bands, G_N_ELEMENTS (bands));
  sc_workbook_set_watch_periods (book, 5);
  group = sc_workbook_get_scorecard_group (book, 0);
  sc_scorecard_group_set_partner_type (group, FALSE, SC_PARTNER_SUPPLIER);

  bytes = sc_workbook_to_bytes (book);
  /* Version 3: an older Scorecards refuses it rather than ignore the groups */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), 200, "\"version\": 3,"));
  back = sc_workbook_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "round-trip.scorecard", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (sc_workbook_get_watch_periods (back), ==, 5);
  g_assert_cmpstr (sc_workbook_get_grade_band (back, 0)->action, ==, "Offer a frame contract");
  g_assert_cmpstr (sc_workbook_get_grade_band (back, 0)->symbol, ==, "✓");
  g_assert_cmpstr (sc_workbook_get_grade_band (back, 1)->colour, ==, "#d55e00");
  g_assert_cmpstr (sc_workbook_get_grade_band (back, 1)->action, ==, "");
  g_assert_cmpuint (sc_workbook_get_n_scorecard_groups (back), ==, 1);
  group = sc_workbook_get_scorecard_group (back, 0);
  g_assert_true (sc_scorecard_group_equal (group, sc_workbook_get_scorecard_group (book, 0)));
  g_assert_cmpstr (sc_scorecard_group_get_name (group), ==, "Carriers");
  g_assert_true (sc_scorecard_group_get_partner_type (group, &type));
  g_assert_cmpint (type, ==, SC_PARTNER_SUPPLIER);
  sc_scorecard_group_get_tag (group, 0, &key, &value);
  g_assert_cmpstr (key, ==, "mode");
  g_assert_cmpstr (value, ==, "Freight");
  g_assert_false (sc_scorecard_group_includes_kpi (group, "ppm"));
  g_assert_true (sc_scorecard_group_get_kpi (group, "otd", &kpi));
  g_assert_cmpfloat (kpi.target, ==, 97);
  g_assert_true (isnan (kpi.warning));

  again = sc_workbook_to_bytes (back);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* A group naming a KPI the workbook no longer has (an import undone)
 * still saves a file that reads back
 */
static void
test_file_removed_kpi (void)
{
  g_autoptr(ScWorkbook) book = new_carrier_book ();
  g_autoptr(ScKpi) gone = new_kpi ("gone", SC_DIRECTION_HIGHER, 1, NAN, NAN, 1);
  ScScorecardGroup *group = sc_workbook_get_scorecard_group (book, 0);
  const char *kpis[] = { "otd", "gone", NULL };
  ScGroupKpi change = { 5, NAN, NAN, 2 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) back = NULL;

  sc_workbook_add_kpi (book, gone);
  sc_scorecard_group_set_kpis (group, kpis);
  sc_scorecard_group_set_kpi (group, "gone", &change);
  sc_workbook_remove_kpi (book, gone);

  bytes = sc_workbook_to_bytes (book);
  back = sc_workbook_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "removed.scorecard", &error);
  g_assert_no_error (error);
  group = sc_workbook_get_scorecard_group (back, 0);
  g_assert_true (sc_scorecard_group_includes_kpi (group, "otd"));
  g_assert_false (sc_scorecard_group_includes_kpi (group, "gone"));
  g_assert_false (sc_scorecard_group_get_kpi (group, "gone", &change));
}

/* An older file's bands get the defaults, and it scores as before */
static void
test_old_file_bands (void)
{
  static const char old[] =
    "{ \"format\": \"scorecards\", \"version\": 1,\n"
    "  \"settings\": { \"grade_bands\": [ { \"grade\": \"A\", \"min\": 80 },\n"
    "                                   { \"grade\": \"E\", \"min\": 0 } ] } }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = sc_workbook_load_from_data (old, sizeof old - 1, "old.scorecard", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sc_workbook_get_watch_periods (book), ==, 3);
  g_assert_cmpuint (sc_workbook_get_n_scorecard_groups (book), ==, 0);
  g_assert_cmpstr (sc_workbook_get_grade_band (book, 0)->action, ==, "Preferred supplier");
  g_assert_cmpstr (sc_workbook_get_grade_band (book, 1)->action, ==, "");
  g_assert_cmpstr (sc_workbook_get_grade_band (book, 1)->symbol, ==, "✗");
  g_assert_cmpstr (sc_workbook_grade_for_score (book, 79.9), ==, "E");

  /* Without groups it stays a version 1 file */
  {
    g_autoptr(GBytes) bytes = sc_workbook_to_bytes (book);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), 200, "\"version\": 1,"));
  }
}

static void
assert_load_fails (const char *json,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScWorkbook) book = sc_workbook_load_from_data (json, strlen (json), "bad.scorecard", &error);

  g_assert_null (book);
  g_assert_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_bad_groups (void)
{
  assert_load_fails ("{ \"format\": \"scorecards\", \"version\": 1, \"kpis\": [],"
                     "  \"scorecard_groups\": [ { \"id\": \"g\", \"kpis\": [ \"nope\" ] } ] }",
                     "bad.scorecard: scorecard_groups[0].kpis[0]: no KPI “nope” in the workbook");
  assert_load_fails ("{ \"format\": \"scorecards\", \"version\": 1,"
                     "  \"scorecard_groups\": [ { \"id\": \"g\", \"match\": { \"type\": \"carrier\" } } ] }",
                     "bad.scorecard: scorecard_groups[0].match.type: expected “supplier” or "
                     "“customer”, found “carrier”");
  assert_load_fails ("{ \"format\": \"scorecards\", \"version\": 1,"
                     "  \"scorecard_groups\": [ { \"id\": \"g\" }, { \"id\": \"g\" } ] }",
                     "bad.scorecard: scorecard_groups[1].id: a second group “g”");
  assert_load_fails ("{ \"format\": \"scorecards\", \"version\": 1, \"settings\": { \"grade_bands\":"
                     "  [ { \"grade\": \"A\", \"min\": 0, \"colour\": \"red\" } ] } }",
                     "bad.scorecard: settings.grade_bands[0].colour: expected a colour as #rrggbb, "
                     "found “red”");
  assert_load_fails ("{ \"format\": \"scorecards\", \"version\": 1, \"settings\": { \"watch_periods\": 0 } }",
                     "bad.scorecard: settings.watch_periods: expected a whole number from 1 to 60");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/groups/scores", test_group_scores);
  g_test_add_func ("/groups/partner-override", test_group_partner_override);
  g_test_add_func ("/groups/ranks", test_group_ranks);
  g_test_add_func ("/groups/precedence", test_group_precedence);
  g_test_add_func ("/standings/defaults", test_standing_defaults);
  g_test_add_func ("/standings/watch-year-boundary", test_watch_year_boundary);
  g_test_add_func ("/standings/watch-summary-json", test_watch_summary_json);
  g_test_add_func ("/standings/scorecard-json", test_summary_scorecard_json);
  g_test_add_func ("/file/round-trip", test_file_round_trip);
  g_test_add_func ("/file/removed-kpi", test_file_removed_kpi);
  g_test_add_func ("/file/old-bands", test_old_file_bands);
  g_test_add_func ("/file/bad-groups", test_bad_groups);

  return g_test_run ();
}
