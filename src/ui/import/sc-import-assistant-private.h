/* sc-import-assistant-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's state, shared by sc-import-assistant.c (steps,
 * background work, import and undo) and sc-import-assistant-pages.c (what
 * each step shows); and what the tests reach into.
 */

#pragma once

#include "sc-import-assistant.h"
#include "sc-import-preview.h"
#include "sc-import-recipe-page.h"

G_BEGIN_DECLS

struct _ScImportAssistant
{
  AdwWindow             parent_instance;

  guint                 queue_position;   /* of several files, 1-based; 0: one */
  guint                 queue_length;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkButton            *next_button;
  GtkStack             *stack;
  AdwComboRow          *sheet_row;
  AdwComboRow          *layout_row;
  AdwComboRow          *delimiter_row;
  AdwComboRow          *encoding_row;
  AdwComboRow          *decimal_row;
  GtkLabel             *preview_label;
  GtkColumnView        *preview_view;
  AdwPreferencesGroup  *mapping_group;
  GtkLabel             *mapping_hint;
  AdwPreferencesGroup  *kpi_group;
  AdwPreferencesGroup  *new_kpi_group;
  ScImportRecipePage   *recipe_page;
  GtkLabel             *results_status;
  GtkLabel             *values_label;
  GtkLabel             *partners_label;
  GtkLabel             *kpis_label;
  GtkLabel             *periods_label;
  GtkLabel             *replaced_label;
  AdwPreferencesGroup  *options_group;
  GtkSwitch            *skip_switch;
  AdwComboRow          *duplicates_row;
  AdwPreferencesGroup  *problems_group;
  GtkListBox           *problems_list;
  AdwPreferencesGroup  *similar_group;
  GtkListBox           *similar_list;
  AdwStatusPage        *working_page;
  GtkSpinner           *spinner;

  /* Owned state */
  ScWorkbook           *book;          /* NULL: import into a new workbook */
  ScUndoStack          *undo_stack;
  GFile                *file;
  GCancellable         *cancellable;   /* of the running preview or analysis */
  GtkFileChooserNative *chooser;
  ScImportPreview      *preview;
  GListStore           *preview_rows;  /* GtkStringList per row */
  GStrv                 sheets;        /* of a spreadsheet; NULL for text files */
  GArray               *roles;         /* ScImportRole per column, as the user sees them */
  GPtrArray            *mapping_rows;  /* AdwComboRow per column */
  GHashTable           *kpi_matches;   /* name as written → KPI id, "" for new */
  GPtrArray            *kpi_rows;      /* AdwComboRow per staged KPI */
  GPtrArray            *definition_rows; /* ScKpiDefinitionRow per staged KPI, shown when new */
  GHashTable           *new_kpis;      /* name as written → ScKpi, as the user confirmed it */
  ScImport             *import;        /* the last analysis */
  GError               *import_error;  /* why it failed, or NULL */
  char                 *commit_error;
  char                 *working_from;  /* the step to return to on cancel */
  ScImportDoneFunc      done;
  gpointer              done_data;
  ScImportCounts        counts;

  guint                 matches_changed : 1;
  guint                 details : 1;
  guint                 committed : 1;
  guint                 updating : 1;
  guint                 previewing : 1;
  guint                 recipe_step : 1;   /* transactions: a recipe instead of the mapping */
  guint                 recipe_needed : 1; /* the analysis said so: no mapping will do */
};

/* sc-import-assistant-pages.c */
void        _sc_import_assistant_show_preview   (ScImportAssistant *self);
void        _sc_import_assistant_fill_mapping   (ScImportAssistant *self);
gboolean    _sc_import_assistant_check_mapping  (ScImportAssistant *self);
void        _sc_import_assistant_fill_kpis      (ScImportAssistant *self);
void        _sc_import_assistant_fill_results   (ScImportAssistant *self);
gboolean    _sc_import_assistant_can_import     (ScImportAssistant *self);

/* For the tests */
const char *sc_import_assistant_get_step         (ScImportAssistant *self);
gboolean    sc_import_assistant_is_busy          (ScImportAssistant *self);
ScImport   *sc_import_assistant_get_import       (ScImportAssistant *self);
const char *sc_import_assistant_get_preview_cell (ScImportAssistant *self,
                                                  guint              row,
                                                  guint              column);
guint       sc_import_assistant_get_n_preview_columns (ScImportAssistant *self);
AdwComboRow *sc_import_assistant_get_column_row  (ScImportAssistant *self,
                                                  guint              column);
AdwComboRow *sc_import_assistant_get_kpi_row     (ScImportAssistant *self,
                                                  const char        *name);
GtkWidget  *sc_import_assistant_get_definition_row (ScImportAssistant *self,
                                                    const char        *name);
GtkListBox *sc_import_assistant_get_problem_list (ScImportAssistant *self);
GtkListBox *sc_import_assistant_get_similar_list (ScImportAssistant *self);

G_END_DECLS
