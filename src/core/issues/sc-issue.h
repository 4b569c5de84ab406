/* sc-issue.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-period.h"

G_BEGIN_DECLS

typedef enum
{
  SC_SEVERITY_LOW,
  SC_SEVERITY_MEDIUM,
  SC_SEVERITY_HIGH,
  SC_SEVERITY_CRITICAL,
} ScSeverity;

typedef enum
{
  SC_ISSUE_OPEN,
  SC_ISSUE_IN_PROGRESS,
  SC_ISSUE_RESOLVED,
  SC_ISSUE_CLOSED,
} ScIssueStatus;

/* One entry of an issue's history: @field changed from @old_value to @new_value. */
typedef struct
{
  GDateTime *time;
  char      *field;
  char      *old_value;
  char      *new_value;
} ScIssueChange;

#define SC_TYPE_ISSUE (sc_issue_get_type())

G_DECLARE_FINAL_TYPE (ScIssue, sc_issue, SC, ISSUE, GObject)

ScIssue       *sc_issue_new                (const char     *id,
                                            const char     *partner_id,
                                            const char     *title);
const char    *sc_issue_get_id             (ScIssue        *self);
const char    *sc_issue_get_partner_id     (ScIssue        *self);
const char    *sc_issue_get_kpi_id         (ScIssue        *self);
void           sc_issue_set_kpi_id         (ScIssue        *self,
                                            const char     *kpi_id);
ScPeriod       sc_issue_get_period         (ScIssue        *self);
void           sc_issue_set_period         (ScIssue        *self,
                                            ScPeriod        period);
const char    *sc_issue_get_title          (ScIssue        *self);
void           sc_issue_set_title          (ScIssue        *self,
                                            const char     *title);
const char    *sc_issue_get_description    (ScIssue        *self);
void           sc_issue_set_description    (ScIssue        *self,
                                            const char     *description);
ScSeverity     sc_issue_get_severity       (ScIssue        *self);
void           sc_issue_set_severity       (ScIssue        *self,
                                            ScSeverity      severity);
ScIssueStatus  sc_issue_get_status         (ScIssue        *self);
void           sc_issue_set_status         (ScIssue        *self,
                                            ScIssueStatus   status);
const char    *sc_issue_get_owner          (ScIssue        *self);
void           sc_issue_set_owner          (ScIssue        *self,
                                            const char     *owner);
const char    *sc_issue_get_due            (ScIssue        *self);
void           sc_issue_set_due            (ScIssue        *self,
                                            const char     *due);
const char    *sc_issue_get_action         (ScIssue        *self);
void           sc_issue_set_action         (ScIssue        *self,
                                            const char     *action);
const char    *sc_issue_get_reference      (ScIssue        *self);
const char    *sc_issue_get_review_id      (ScIssue        *self);
void           sc_issue_set_review_id      (ScIssue        *self,
                                            const char     *review_id);
void           sc_issue_set_reference      (ScIssue        *self,
                                            const char     *reference);
GDateTime     *sc_issue_get_created        (ScIssue        *self);
void           sc_issue_set_created        (ScIssue        *self,
                                            GDateTime      *created);
GDateTime     *sc_issue_get_updated        (ScIssue        *self);
void           sc_issue_set_updated        (ScIssue        *self,
                                            GDateTime      *updated);
gboolean       sc_issue_is_overdue         (ScIssue        *self,
                                            GDate          *today);
void           sc_issue_set_track_changes  (ScIssue        *self,
                                            gboolean        track_changes);
guint          sc_issue_get_n_changes      (ScIssue        *self);
const ScIssueChange *sc_issue_get_change   (ScIssue        *self,
                                            guint           position);
void           sc_issue_add_change         (ScIssue        *self,
                                            GDateTime      *time,
                                            const char     *field,
                                            const char     *old_value,
                                            const char     *new_value);

const char    *sc_severity_to_string       (ScSeverity      severity);
gboolean       sc_severity_from_string     (const char     *str,
                                            ScSeverity     *severity);
const char    *sc_severity_get_label       (ScSeverity      severity);
const char    *sc_issue_status_to_string   (ScIssueStatus   status);
gboolean       sc_issue_status_from_string (const char     *str,
                                            ScIssueStatus  *status);
const char    *sc_issue_status_get_label   (ScIssueStatus   status);
gboolean       sc_date_is_valid_iso        (const char     *str);

G_END_DECLS
