/* sc-whatif.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-rollup.h"
#include "sc-scoring-rules.h"
#include "sc-undo-stack.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_WHATIF_ERROR (sc_whatif_error_quark())

/**
 * ScWhatifError:
 * @SC_WHATIF_ERROR_SYNTAX: not NAME=VALUE
 * @SC_WHATIF_ERROR_UNKNOWN_KPI: no KPI with that id
 * @SC_WHATIF_ERROR_UNKNOWN_FIELD: not weight, target, target_max, warning,
 *   critical, bands or weighting
 * @SC_WHATIF_ERROR_INVALID_VALUE: the value is not a number in range, or
 *   not grade bands or a period weighting
 */
typedef enum
{
  SC_WHATIF_ERROR_SYNTAX,
  SC_WHATIF_ERROR_UNKNOWN_KPI,
  SC_WHATIF_ERROR_UNKNOWN_FIELD,
  SC_WHATIF_ERROR_INVALID_VALUE,
} ScWhatifError;

/* One partner before and after: what the table shows. */
typedef struct
{
  ScPartner  *partner;
  double      score_before;   /* NaN: no data */
  double      score_after;
  const char *grade_before;   /* NULL: no data */
  const char *grade_after;
  guint       rank_before;    /* 0: unranked */
  guint       rank_after;
  gboolean    changed;        /* grade or rank moved */
} ScWhatifRow;

#define SC_TYPE_WHATIF (sc_whatif_get_type())

G_DECLARE_FINAL_TYPE (ScWhatif, sc_whatif, SC, WHATIF, GObject)

GQuark          sc_whatif_error_quark     (void);
ScWhatif       *sc_whatif_new             (ScWorkbook        *book);
ScWorkbook     *sc_whatif_get_workbook    (ScWhatif          *self);
ScScoringRules *sc_whatif_get_rules       (ScWhatif          *self);
gboolean        sc_whatif_set             (ScWhatif          *self,
                                           const char        *assignment,
                                           GError           **error);
gboolean        sc_whatif_set_kpi_field   (ScWhatif          *self,
                                           ScKpi             *kpi,
                                           const char        *field,
                                           double             value,
                                           GError           **error);
void            sc_whatif_set_grade_bands (ScWhatif          *self,
                                           const ScGradeBand *bands,
                                           guint              n_bands);
void            sc_whatif_set_period_weighting (ScWhatif     *self,
                                           const ScPeriodWeighting *weighting);
gboolean        sc_whatif_has_changes     (ScWhatif          *self);
GArray         *sc_whatif_compute         (ScWhatif          *self,
                                           const ScRollup    *rollup);
void            sc_whatif_apply           (ScWhatif          *self,
                                           ScUndoStack       *undo_stack);
void            sc_whatif_discard         (ScWhatif          *self);
gboolean        sc_grade_bands_parse      (const char        *str,
                                           GArray           **bands,
                                           GError           **error);

G_END_DECLS
