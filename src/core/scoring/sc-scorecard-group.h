/* sc-scorecard-group.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-partner.h"

G_BEGIN_DECLS

/**
 * ScGroupMatch:
 * @SC_GROUP_MATCH_NONE: the group does not apply to the partner
 * @SC_GROUP_MATCH_TYPE: the group applies by partner type only
 * @SC_GROUP_MATCH_TAG: the group applies by one of its tags
 *
 * How a scorecard group matches a partner; a tag match beats a type match
 * (docs/scoring.md, "Scorecards per partner group").
 */
typedef enum
{
  SC_GROUP_MATCH_NONE,
  SC_GROUP_MATCH_TYPE,
  SC_GROUP_MATCH_TAG,
} ScGroupMatch;

/* What a group changes of one KPI; NaN: the KPI's own value. */
typedef struct
{
  double target;
  double warning;
  double critical;
  double weight;
} ScGroupKpi;

typedef struct _ScScorecardGroup ScScorecardGroup;

#define SC_TYPE_SCORECARD_GROUP (sc_scorecard_group_get_type ())

GType             sc_scorecard_group_get_type      (void) G_GNUC_CONST;
ScScorecardGroup *sc_scorecard_group_new           (const char             *id,
                                                    const char             *name);
ScScorecardGroup *sc_scorecard_group_copy          (const ScScorecardGroup *self);
ScScorecardGroup *sc_scorecard_group_ref           (ScScorecardGroup       *self);
void              sc_scorecard_group_unref         (ScScorecardGroup       *self);
gboolean          sc_scorecard_group_equal         (const ScScorecardGroup *a,
                                                    const ScScorecardGroup *b);

const char       *sc_scorecard_group_get_id        (const ScScorecardGroup *self);
const char       *sc_scorecard_group_get_name      (const ScScorecardGroup *self);
void              sc_scorecard_group_set_name      (ScScorecardGroup       *self,
                                                    const char             *name);

/* Matching */
gboolean          sc_scorecard_group_get_partner_type (const ScScorecardGroup *self,
                                                    ScPartnerType          *type);
void              sc_scorecard_group_set_partner_type (ScScorecardGroup     *self,
                                                    gboolean                any,
                                                    ScPartnerType           type);
guint             sc_scorecard_group_get_n_tags    (const ScScorecardGroup *self);
void              sc_scorecard_group_get_tag       (const ScScorecardGroup *self,
                                                    guint                   position,
                                                    const char            **key,
                                                    const char            **value);
void              sc_scorecard_group_add_tag       (ScScorecardGroup       *self,
                                                    const char             *key,
                                                    const char             *value);
void              sc_scorecard_group_clear_tags    (ScScorecardGroup       *self);
ScGroupMatch      sc_scorecard_group_match         (const ScScorecardGroup *self,
                                                    ScPartner              *partner);

/* The KPI set and what the group changes of each KPI */
gboolean          sc_scorecard_group_has_kpi_set   (const ScScorecardGroup *self);
const char * const *sc_scorecard_group_get_kpis    (const ScScorecardGroup *self);
void              sc_scorecard_group_set_kpis      (ScScorecardGroup       *self,
                                                    const char * const     *kpi_ids);
gboolean          sc_scorecard_group_includes_kpi  (const ScScorecardGroup *self,
                                                    const char             *kpi_id);
gboolean          sc_scorecard_group_get_kpi       (const ScScorecardGroup *self,
                                                    const char             *kpi_id,
                                                    ScGroupKpi             *kpi);
void              sc_scorecard_group_set_kpi       (ScScorecardGroup       *self,
                                                    const char             *kpi_id,
                                                    const ScGroupKpi       *kpi);
char            **sc_scorecard_group_dup_kpi_overrides (const ScScorecardGroup *self);

void              sc_group_kpi_init                (ScGroupKpi             *kpi);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScScorecardGroup, sc_scorecard_group_unref)

G_END_DECLS
