/* sc-window-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's state, shared by sc-window.c (pages and sidebar),
 * sc-window-actions.c (documents, undo, drag and drop) and
 * sc-window-recovery.c (autosave); and what the tests reach into.
 */

#pragma once

#include "sc-compare-page.h"
#include "sc-issues-page.h"
#include "sc-scorecard-page.h"
#include "sc-scorer.h"
#include "sc-store.h"
#include "sc-team-banner.h"
#include "sc-team-session.h"
#include "sc-standing.h"
#include "sc-undo-stack.h"
#include "sc-window.h"

G_BEGIN_DECLS

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  GtkProgressBar       *loading_progress;
  GtkWidget            *team_bar;
  GtkImage             *team_icon;
  GtkLabel             *team_label;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  AdwWindowTitle       *sidebar_title;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  ScScorecardPage      *scorecard_page;
  ScComparePage        *compare_page;
  AdwBin               *issues_bin;
  GtkMenuButton        *empty_menu_button;
  GtkMenuButton        *sidebar_menu_button;
  GMenuModel           *primary_menu;
  ScIssuesPage         *issues_page;   /* made when first shown */
  GtkSearchEntry       *search_entry;
  GtkDropDown          *sort_dropdown;
  GtkDropDown          *tag_dropdown;
  GtkDropDown          *view_dropdown;
  GtkDropDown          *period_dropdown;
  GtkListView          *partner_list;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;

  /* Owned state */
  ScWorkbook           *book;
  ScStore              *store;       /* a team workbook's; NULL: a file or untitled */
  GCancellable         *load_cancellable;  /* the load under way */
  guint                 loading_pulse;
  guint                 team_changes;      /* edits since the team save began */
  ScScorer             *scorer;
  ScUndoStack          *undo_stack;
  GFile                *file;
  GFile                *recovery_file;
  GCancellable         *cancellable;
  GtkFilter            *filter;
  GSimpleAction        *filter_action;
  GtkSorter            *sorter;
  GtkSingleSelection   *selection;
  GtkStringList        *period_labels;
  ScRollupKind          views[5];     /* the view dropdown's items */
  guint                 n_views;
  int                   views_granularity;  /* -1: none yet */
  GPtrArray            *tags;        /* "key\x1fvalue" per tag dropdown item after the first */
  GHashTable           *summaries;   /* ScPartner* → ScPartnerSummary* */
  gboolean              summaries_have_trend;
  GHashTable           *histories;   /* ScPartner* → double[n_periods] */
  GHashTable           *name_keys;   /* ScPartner* → collation key of its name */
  GHashTable           *open_issues; /* partner id → open issues, NULL: to count */
  GHashTable           *search_texts; /* ScPartner* → its name and tags, casefolded */
  GHashTable           *watches;     /* ScPartner* → ScWatch, made on demand */
  GSimpleAction        *watch_action; /* sidebar.watch-list */
  gboolean              watch_only;  /* the sidebar shows the watch list only */
  char                 *search;      /* the search, casefolded; NULL: none */
  GQueue                import_queue;      /* GFile*: data files still to import */
  GtkWindow            *import_assistant;  /* the one open, not owned */
  gboolean              import_committed;  /* it imported before closing */
  gboolean              import_queued;     /* it imports a file of the queue */
  guint                 import_batch_done; /* files of the queue started so far */
  guint                 import_batch_size; /* and in all */
  GHashTable           *bound_items; /* GtkListItem* set: rows on screen */
  GtkFileChooserNative *chooser;
  char                 *partner_filter;  /* "all", "supplier" or "customer" */
  ScRollup              rollup;
  guint                 rescore_source;
  guint                 autosave_source;

  /* A team workbook edited live (sc-window-live.c) */
  ScTeamBanner         *team_banner;
  ScTeamSession        *live_session;

  guint                 team_saving : 1;
  guint                 updating_controls : 1;
  guint                 close_confirmed : 1;
};

/* sc-window.c */
ScIssuesPage      *_sc_window_ensure_issues_page (ScWindow  *self);
void               _sc_window_set_workbook      (ScWindow   *self,
                                                 ScWorkbook *book,
                                                 GFile      *file);
void               _sc_window_show_error        (ScWindow   *self,
                                                 const char *message);
void               _sc_window_show_toast        (ScWindow   *self,
                                                 const char *message);
void               _sc_window_update_title      (ScWindow   *self);

/* sc-window-actions.c */
void               _sc_window_class_init_actions (GtkWidgetClass *widget_class);
void               _sc_window_init_actions       (ScWindow       *self);
void               _sc_window_update_actions     (ScWindow       *self);
gboolean           _sc_window_confirm_close      (ScWindow       *self);
void               _sc_window_close_later        (ScWindow       *self);

/* sc-window-team.c */
void               _sc_window_class_init_team    (GtkWidgetClass *widget_class);
void               _sc_window_init_team          (ScWindow       *self);
void               _sc_window_team_update_actions (ScWindow      *self);
gboolean           _sc_window_team_refuses_edit  (ScWindow       *self);
gboolean           _sc_window_team_update_title  (ScWindow       *self);
void               _sc_window_team_loaded        (ScWindow       *self,
                                                  ScStore        *store);
gboolean           _sc_window_team_load_failed   (ScWindow       *self,
                                                  ScStore        *store,
                                                  const GError   *error);
void               _sc_window_team_save          (ScWindow       *self,
                                                  gboolean        close_after);
void               _sc_window_team_open_uri      (ScWindow       *self,
                                                  const char     *uri);
char              *_sc_window_team_dup_name      (ScWindow       *self);
char              *_sc_window_team_dup_loading_text (ScStore     *store);
void               sc_window_open_store          (ScWindow       *self,
                                                  ScStore        *store);
ScStore           *sc_window_get_store           (ScWindow       *self);
const char        *sc_window_get_team_description (ScWindow      *self);

/* sc-window-watch.c */
const ScWatch     *_sc_window_get_watch          (ScWindow       *self,
                                                  ScPartner      *partner);
char              *_sc_window_dup_watch_text     (ScWindow       *self,
                                                  ScPartner      *partner);
void               _sc_window_init_watch         (ScWindow       *self,
                                                  GActionMap     *group);
void               sc_window_set_watch_only      (ScWindow       *self,
                                                  gboolean        watch_only);
/* sc-window-export.c */
void               _sc_window_class_init_export  (GtkWidgetClass *widget_class);
void               _sc_window_export_excel       (ScWindow       *self,
                                                  const char     *path);

/* sc-window-recovery.c */
void               _sc_window_autosave_schedule  (ScWindow       *self);
void               _sc_window_recovery_discard   (ScWindow       *self);
gboolean           _sc_window_autosave_now       (ScWindow       *self);
GFile             *sc_window_recovery_dir        (void);
void               sc_window_open_recovered      (ScWindow       *self,
                                                  GFile          *recovery_file);
GPtrArray         *sc_window_list_recovery_files (void);

/* sc-window-live.c */
void               _sc_window_live_start         (ScWindow       *self,
                                                  ScTeamSession  *session);
void               _sc_window_live_stop          (ScWindow       *self);

/* For the tests */
GtkSelectionModel *sc_window_get_partner_selection (ScWindow   *self);
ScKpiTable        *sc_window_get_kpi_table         (ScWindow   *self);
const char        *sc_window_get_partner_title     (ScWindow   *self);
const char        *sc_window_get_visible_page      (ScWindow   *self);
void               sc_window_set_search_text       (ScWindow   *self,
                                                    const char *text);
ScUndoStack       *sc_window_get_undo_stack        (ScWindow   *self);
AdwViewStack      *sc_window_get_view_stack        (ScWindow   *self);
GtkFlowBox        *sc_window_get_chart_grid        (ScWindow   *self);
const ScRollup    *sc_window_get_rollup            (ScWindow   *self);
void               sc_window_set_rollup            (ScWindow       *self,
                                                    const ScRollup *rollup);
void               sc_window_set_tag               (ScWindow   *self,
                                                    const char *key,
                                                    const char *value);
void               sc_window_set_sort              (ScWindow   *self,
                                                    guint       sort);
gboolean           sc_window_save_to              (ScWindow   *self,
                                                    GFile      *file,
                                                    GError    **error);

G_END_DECLS
