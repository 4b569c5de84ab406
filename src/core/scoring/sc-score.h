/* sc-score.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-rollup.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

/**
 * ScStatus:
 * @SC_STATUS_NO_DATA: no value in the view
 * @SC_STATUS_GREEN: at or better than the target
 * @SC_STATUS_AMBER: worse than the target, not past the warning threshold
 * @SC_STATUS_RED: past the warning threshold
 * @SC_STATUS_NO_TARGET: a value, but the KPI has no target (a new KPI not
 *   yet completed): not judged, and out of the score
 */
typedef enum
{
  SC_STATUS_NO_DATA,
  SC_STATUS_GREEN,
  SC_STATUS_AMBER,
  SC_STATUS_RED,
  SC_STATUS_NO_TARGET,
} ScStatus;

#define SC_N_STATUSES (SC_STATUS_NO_TARGET + 1)

typedef enum
{
  SC_TREND_NONE,
  SC_TREND_IMPROVING,
  SC_TREND_STABLE,
  SC_TREND_DECLINING,
} ScTrend;

/* One KPI of one partner in one period. */
typedef struct
{
  ScKpi    *kpi;
  double    value;      /* NaN: no data */
  double    target;     /* after the partner's override; NaN: none */
  double    weight;     /* after the partner's override */
  ScStatus  status;
  double    score;      /* 0–100, NaN: no data or no target */
  double    previous;   /* value of the period before, NaN if none */
  double    share;      /* weight / Σ weights of the KPIs with data (0–1) */
  double    contribution; /* share × score: points of the overall score */
  guint     n_present;  /* periods with data in the view */
} ScKpiResult;

/* One category (Quality, Delivery, …) of one partner in one view. */
typedef struct
{
  const char *category;  /* owned by the KPI definitions */
  double      score;     /* weighted mean of its KPIs' scores, NaN: no data */
  double      weight;    /* Σ weights of its KPIs with data */
} ScCategoryResult;

/* One partner in one period. */
typedef struct
{
  ScPartner *partner;
  ScPeriod   period;
  double     score;         /* weighted mean of KPI scores, NaN: no data */
  const char *grade;        /* NULL: no data */
  double     change;        /* score minus the previous period's score */
  double     slope;         /* least-squares slope of the score, points per period */
  ScTrend    trend;
  guint      rank;          /* 1-based among partners of the same type, 0: unranked */
  GArray    *kpis;          /* ScKpiResult, in the workbook's KPI order */
  GArray    *categories;    /* ScCategoryResult, in order of first appearance */
  ScRollup   rollup;        /* the view scored */

  /* Standings and scorecard groups (docs/scoring.md) */
  const char       *action;     /* the standing's recommended action, NULL: no data */
  ScScorecardGroup *scorecard;  /* borrowed; NULL: the workbook's default scorecard */
  guint             n_ranked;   /* partners ranked with it (same type and scorecard) */
} ScPartnerResult;

/* What a list of partners shows of each: a result without its KPIs. */
typedef struct
{
  double      score;
  double      change;
  double      slope;
  const char *grade;        /* NULL: no data */
  ScTrend     trend;
  guint       n_red;        /* KPIs in the red */
} ScPartnerSummary;

ScPartnerResult *sc_partner_result_new  (ScPartner      *partner,
                                         const ScRollup *rollup);
ScStatus     sc_score_status            (ScKpi          *kpi,
                                         double          target,
                                         double          value);
ScStatus     sc_score_status_for_periods (ScKpi         *kpi,
                                         double          target,
                                         double          value,
                                         double          n_periods);
double       sc_score_value             (ScKpi          *kpi,
                                         double          target,
                                         double          value);
double       sc_score_partner_period    (ScWorkbook     *book,
                                         ScPartner      *partner,
                                         ScPeriod        period);
ScPartnerResult *sc_score_partner       (ScWorkbook     *book,
                                         ScPartner      *partner,
                                         ScPeriod        period);
GPtrArray   *sc_score_all               (ScWorkbook     *book,
                                         ScPeriod        period);
ScPartnerResult *sc_partner_result_copy (const ScPartnerResult *result);
void         sc_partner_result_free     (ScPartnerResult *result);
void         sc_partner_summary_init    (ScPartnerSummary      *summary,
                                         const ScPartnerResult *result);

double       sc_least_squares_slope     (const double   *values,
                                         guint           n);
const char  *sc_status_to_string        (ScStatus        status);
const char  *sc_status_get_label        (ScStatus        status);
const char  *sc_trend_to_string         (ScTrend         trend);
const char  *sc_trend_get_label         (ScTrend         trend);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPartnerResult, sc_partner_result_free)

G_END_DECLS
