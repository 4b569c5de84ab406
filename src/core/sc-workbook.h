/* sc-workbook.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-formula.h"
#include "sc-issue.h"
#include "sc-kpi.h"
#include "sc-partner.h"
#include "sc-period.h"
#include "sc-period-weighting.h"
#include "sc-recipe.h"
#include "sc-review.h"

G_BEGIN_DECLS

#define SC_WORKBOOK_ERROR (sc_workbook_error_quark())

/**
 * ScWorkbookError:
 * @SC_WORKBOOK_ERROR_INVALID_JSON: the file is not valid JSON
 * @SC_WORKBOOK_ERROR_NOT_A_WORKBOOK: valid JSON, but not a Scorecards workbook
 * @SC_WORKBOOK_ERROR_NEWER_VERSION: written by a newer Scorecards
 * @SC_WORKBOOK_ERROR_INVALID: a member has a wrong type or value
 * @SC_WORKBOOK_ERROR_TOO_LARGE: the file or a part of it exceeds a limit
 */
typedef enum
{
  SC_WORKBOOK_ERROR_INVALID_JSON,
  SC_WORKBOOK_ERROR_NOT_A_WORKBOOK,
  SC_WORKBOOK_ERROR_NEWER_VERSION,
  SC_WORKBOOK_ERROR_INVALID,
  SC_WORKBOOK_ERROR_TOO_LARGE,
} ScWorkbookError;

/* The newest file format this version reads; it writes the oldest one that
 * holds the workbook (docs/file-format.md, "Versions")
 */
#define SC_WORKBOOK_FORMAT_VERSION 3
#define SC_WORKBOOK_MAX_PERIODS    1200

/* One partner × KPI series over the workbook's period range: values[i] is the
 * value of period first_period + i, NaN when there is no data. numerator and
 * denominator are NULL unless the raw counts of a ratio KPI were imported.
 *
 * A series computed from transaction rows by a recipe keeps its formula and
 * the formula's aggregate parts per period, so that roll-ups are exact:
 * parts[0][i] is the number of rows period i was computed from (NaN when
 * none), parts[1 + k][i] the formula's part k. n_parts is
 * 1 + sc_formula_get_n_parts (formula), 0 without a formula.
 */
typedef struct
{
  ScPartner  *partner;
  ScKpi      *kpi;
  double     *values;
  double     *numerator;
  double     *denominator;
  ScFormula  *formula;
  double    **parts;
  guint       n_parts;
} ScSeries;

/* A grade band is a standing (docs/scoring.md, "Standings"): its name
 * (the grade), the lowest score it takes, and what it means — a colour, a
 * symbol that tells it without colour, and the recommended action. NULL
 * colour, symbol or action given to sc_workbook_set_grade_bands() take the
 * defaults (sc-standing.c).
 */
typedef struct
{
  char   *grade;
  double  min_score;
  char   *action;
  char   *colour;     /* "#rrggbb" */
  char   *symbol;
} ScGradeBand;

typedef struct _ScScorecardGroup ScScorecardGroup;

#define SC_TYPE_WORKBOOK (sc_workbook_get_type())

G_DECLARE_FINAL_TYPE (ScWorkbook, sc_workbook, SC, WORKBOOK, GObject)

GQuark          sc_workbook_error_quark         (void);

ScWorkbook     *sc_workbook_new                 (void);

/* Partners */
GListModel     *sc_workbook_get_partners        (ScWorkbook     *self);
ScPartner      *sc_workbook_lookup_partner      (ScWorkbook     *self,
                                                 const char     *id);
gboolean        sc_workbook_add_partner         (ScWorkbook     *self,
                                                 ScPartner      *partner);
void            sc_workbook_remove_partner      (ScWorkbook     *self,
                                                 ScPartner      *partner);

/* KPI definitions */
GListModel     *sc_workbook_get_kpis            (ScWorkbook     *self);
ScKpi          *sc_workbook_lookup_kpi          (ScWorkbook     *self,
                                                 const char     *id);
gboolean        sc_workbook_add_kpi             (ScWorkbook     *self,
                                                 ScKpi          *kpi);
void            sc_workbook_remove_kpi          (ScWorkbook     *self,
                                                 ScKpi          *kpi);

/* Issues */
GListModel     *sc_workbook_get_issues          (ScWorkbook     *self);
ScIssue        *sc_workbook_lookup_issue        (ScWorkbook     *self,
                                                 const char     *id);
gboolean        sc_workbook_add_issue           (ScWorkbook     *self,
                                                 ScIssue        *issue);
gboolean        sc_workbook_insert_issue        (ScWorkbook     *self,
                                                 guint           position,
                                                 ScIssue        *issue);
void            sc_workbook_remove_issue        (ScWorkbook     *self,
                                                 ScIssue        *issue);
char           *sc_workbook_next_issue_id       (ScWorkbook     *self);
guint           sc_workbook_count_open_issues   (ScWorkbook     *self,
                                                 ScPartner      *partner);

/* Periods */
ScGranularity   sc_workbook_get_granularity     (ScWorkbook     *self);
gboolean        sc_workbook_set_granularity     (ScWorkbook     *self,
                                                 ScGranularity   granularity);
ScPeriod        sc_workbook_get_first_period    (ScWorkbook     *self);
guint           sc_workbook_get_n_periods       (ScWorkbook     *self);
gboolean        sc_workbook_ensure_periods      (ScWorkbook     *self,
                                                 ScPeriod        first,
                                                 ScPeriod        last,
                                                 GError        **error);
ScPeriod        sc_workbook_get_latest_period   (ScWorkbook     *self);

/* Measurements */
ScSeries       *sc_workbook_ensure_series       (ScWorkbook     *self,
                                                 ScPartner      *partner,
                                                 ScKpi          *kpi);
const ScSeries *sc_workbook_get_series          (ScWorkbook     *self,
                                                 ScPartner      *partner,
                                                 ScKpi          *kpi);
void            sc_workbook_remove_series       (ScWorkbook     *self,
                                                 ScPartner      *partner,
                                                 ScKpi          *kpi);
GPtrArray      *sc_workbook_dup_partner_series  (ScWorkbook     *self,
                                                 ScPartner      *partner);
guint           sc_workbook_get_n_series        (ScWorkbook     *self);
double          sc_workbook_get_value           (ScWorkbook     *self,
                                                 ScPartner      *partner,
                                                 ScKpi          *kpi,
                                                 ScPeriod        period);
gboolean        sc_workbook_set_value           (ScWorkbook     *self,
                                                 ScPartner      *partner,
                                                 ScKpi          *kpi,
                                                 ScPeriod        period,
                                                 double          value,
                                                 GError        **error);
void            sc_workbook_series_changed      (ScWorkbook     *self,
                                                 ScSeries       *series);
void            sc_series_set_formula           (ScSeries       *series,
                                                 ScFormula      *formula,
                                                 guint           n_periods);
void            sc_series_clear_formula         (ScSeries       *series);

/* Settings */
const char     *sc_workbook_get_company         (ScWorkbook     *self);
void            sc_workbook_set_company         (ScWorkbook     *self,
                                                 const char     *company);
const char     *sc_workbook_get_confidentiality (ScWorkbook     *self);
void            sc_workbook_set_confidentiality (ScWorkbook     *self,
                                                 const char     *text);
const char     *sc_workbook_get_page_size       (ScWorkbook     *self);
void            sc_workbook_set_page_size       (ScWorkbook     *self,
                                                 const char     *page_size);
const char     *sc_workbook_get_notes           (ScWorkbook     *self);
void            sc_workbook_set_notes           (ScWorkbook     *self,
                                                 const char     *notes);
guint           sc_workbook_get_trend_periods   (ScWorkbook     *self);
void            sc_workbook_set_trend_periods   (ScWorkbook     *self,
                                                 guint           n_periods);
guint           sc_workbook_get_n_grade_bands   (ScWorkbook     *self);
const ScGradeBand *sc_workbook_get_grade_band   (ScWorkbook     *self,
                                                 guint           position);
void            sc_workbook_set_grade_bands     (ScWorkbook     *self,
                                                 const ScGradeBand *bands,
                                                 guint           n_bands);
const char     *sc_workbook_grade_for_score     (ScWorkbook     *self,
                                                 double          score);

/* Standings and scorecard groups; sc_workbook_standing_for_score() is in
 * sc-standing.c, the lookups of groups in sc-scorecard-group.c
 */
const ScGradeBand *sc_workbook_standing_for_score (ScWorkbook   *self,
                                                 double          score);
guint           sc_workbook_get_watch_periods   (ScWorkbook     *self);
void            sc_workbook_set_watch_periods   (ScWorkbook     *self,
                                                 guint           n_periods);
guint           sc_workbook_get_n_scorecard_groups (ScWorkbook  *self);
ScScorecardGroup *sc_workbook_get_scorecard_group (ScWorkbook   *self,
                                                 guint           position);
ScScorecardGroup *sc_workbook_lookup_scorecard_group (ScWorkbook *self,
                                                 const char     *id);
void            sc_workbook_set_scorecard_groups (ScWorkbook    *self,
                                                 ScScorecardGroup **groups,
                                                 guint           n_groups);
ScScorecardGroup *sc_workbook_scorecard_group_for_partner (ScWorkbook *self,
                                                 ScPartner      *partner);
/* A score over several periods; as scored then (sc-score-history.h) */
const ScPeriodWeighting *sc_workbook_get_period_weighting (ScWorkbook *self);
void            sc_workbook_set_period_weighting (ScWorkbook    *self,
                                                 const ScPeriodWeighting *weighting);
GHashTable     *sc_workbook_get_score_history   (ScWorkbook     *self);

/* Recipes */
guint           sc_workbook_get_n_recipes       (ScWorkbook     *self);
ScRecipe       *sc_workbook_get_recipe          (ScWorkbook     *self,
                                                 guint           position);
ScRecipe       *sc_workbook_add_recipe          (ScWorkbook     *self,
                                                 ScRecipe       *recipe);
void            sc_workbook_remove_recipe       (ScWorkbook     *self,
                                                 ScRecipe       *recipe);
ScRecipe       *sc_workbook_find_recipe         (ScWorkbook     *self,
                                                 const char    **columns,
                                                 guint           n_columns);

/* Reviews (sc-workbook-reviews.c) */
GListModel     *sc_workbook_get_reviews         (ScWorkbook     *self);
ScReview       *sc_workbook_lookup_review       (ScWorkbook     *self,
                                                 const char     *id);
gboolean        sc_workbook_add_review          (ScWorkbook     *self,
                                                 ScReview       *review);
gboolean        sc_workbook_insert_review       (ScWorkbook     *self,
                                                 guint           position,
                                                 ScReview       *review);
void            sc_workbook_remove_review       (ScWorkbook     *self,
                                                 ScReview       *review);
char           *sc_workbook_next_review_id      (ScWorkbook     *self);
GPtrArray      *sc_workbook_dup_partner_reviews (ScWorkbook     *self,
                                                 ScPartner      *partner);
ScReview       *sc_workbook_find_review         (ScWorkbook     *self,
                                                 ScPartner      *partner,
                                                 const char     *date);
ScReview       *sc_workbook_get_previous_review (ScWorkbook     *self,
                                                 ScReview       *review);
GPtrArray      *sc_workbook_dup_review_actions  (ScWorkbook     *self,
                                                 ScReview       *review);

/* State */
gboolean        sc_workbook_get_modified        (ScWorkbook     *self);
void            sc_workbook_set_modified        (ScWorkbook     *self,
                                                 gboolean        modified);
void            sc_workbook_changed             (ScWorkbook     *self);

G_END_DECLS
