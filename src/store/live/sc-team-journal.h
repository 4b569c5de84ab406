/* sc-team-journal.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The on-disk queue of a team workbook's live edits: every edit is
 * appended (and fsynced) before it is sent, and marked done once the
 * server has it, so that neither a lost connection nor a crash loses one.
 */

#pragma once

#include "sc-team-edit.h"

G_BEGIN_DECLS

typedef struct _ScTeamJournal ScTeamJournal;

ScTeamJournal *sc_team_journal_open      (const char        *dir,
                                          GPtrArray        **pending,
                                          GError           **error);
gboolean       sc_team_journal_append    (ScTeamJournal     *self,
                                          const ScTeamEdit  *edit,
                                          GError           **error);
gboolean       sc_team_journal_done      (ScTeamJournal     *self,
                                          const char        *key,
                                          GError           **error);
guint          sc_team_journal_get_n_pending (ScTeamJournal *self);
const char    *sc_team_journal_get_path  (ScTeamJournal     *self);
void           sc_team_journal_free      (ScTeamJournal     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTeamJournal, sc_team_journal_free)

G_END_DECLS
