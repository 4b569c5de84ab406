/* sc-team-edit.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One live edit of a team workbook, as the journal keeps it and the worker
 * sends it: what changed (an issue, an issue deleted, a series' values),
 * the row version it was made on and a key that makes sending it twice
 * harmless. Issues travel as JSON objects of text fields, in both ways.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-workbook.h"

G_BEGIN_DECLS

typedef enum
{
  SC_TEAM_EDIT_ISSUE,
  SC_TEAM_EDIT_ISSUE_DELETE,
  SC_TEAM_EDIT_SERIES,
  SC_TEAM_EDIT_WORKBOOK,
} ScTeamEditKind;

typedef struct
{
  char           *key;
  ScTeamEditKind  kind;
  char           *target;   /* the issue's id, or "partner\tkpi" */
  gint64          base;     /* the row version it was made on; 0: a new issue */
  gboolean        force;    /* "keep mine" after a conflict: whatever the version */
  JsonObject     *data;     /* the issue (sc_team_issue_to_json), {"first", "values"}
                             * or {"file": a .scorecard snapshot of the whole workbook} */
} ScTeamEdit;

ScTeamEdit *sc_team_edit_new               (ScTeamEditKind   kind,
                                            const char      *target,
                                            gint64           base,
                                            JsonObject      *data);
ScTeamEdit *sc_team_edit_new_series        (ScWorkbook      *book,
                                            ScPartner       *partner,
                                            ScKpi           *kpi);
ScTeamEdit *sc_team_edit_copy              (const ScTeamEdit *edit);
void        sc_team_edit_free              (ScTeamEdit      *edit);
char       *sc_team_edit_to_line           (const ScTeamEdit *edit);
ScTeamEdit *sc_team_edit_from_line         (const char      *line,
                                            GError         **error);

JsonObject *sc_team_issue_to_json          (ScIssue         *issue,
                                            ScGranularity    granularity,
                                            guint            first_change);
ScIssue    *sc_team_issue_new_from_json    (JsonObject      *object,
                                            ScGranularity    granularity);
void        sc_team_issue_apply_json       (ScIssue         *issue,
                                            JsonObject      *object,
                                            ScGranularity    granularity);
gboolean    sc_team_issue_equal_json       (JsonObject      *a,
                                            JsonObject      *b);
const char *sc_team_json_get_string        (JsonObject      *object,
                                            const char      *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTeamEdit, sc_team_edit_free)

G_END_DECLS
