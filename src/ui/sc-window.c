/* sc-window.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: the partners of a workbook in a searchable, sortable
 * sidebar and the selected partner's scorecard (score, grade, trend and
 * every KPI with its value, target and status) for the chosen view.
 * Documents and undo live in sc-window-actions.c, autosave in
 * sc-window-recovery.c, team workbooks in sc-window-team.c.
 */

#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-issue-editor.h"
#include "sc-palette.h"
#include "sc-partner-row.h"
#include "sc-store-location.h"
#include "sc-view-choices.h"
#include "sc-window-private.h"
#include "sc-workbook-io.h"

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_PARTNER_FILTER,
  N_PROPS
};

enum {
  SORT_NAME,
  SORT_SCORE_ASCENDING,
  SORT_SCORE_DESCENDING,
  SORT_TREND,
  SORT_CHANGE,
};

static GParamSpec *properties [N_PROPS];

static void show_partner (ScWindow  *self,
                          ScPartner *partner);

/* What the loading thread hands to the window */
typedef struct
{
  ScWorkbook *book;
  ScScorer   *scorer;
  ScRollup    rollup;
  gboolean    with_trend;
  GHashTable *summaries;   /* ScPartner* → ScPartnerSummary* */
} LoadResult;

static void set_workbook_scored (ScWindow   *self,
                                 ScWorkbook *book,
                                 GFile      *file,
                                 ScStore    *store,
                                 LoadResult *scored);

/* Scores */

/* What the sidebar shows of @partner, NULL before scoring */
static const ScPartnerSummary *
get_summary (ScWindow  *self,
             ScPartner *partner)
{
  return g_hash_table_lookup (self->summaries, partner);
}

/* The overall score of @partner in every stored period up to the view's
 * period, for its sparkline.
 */
static const double *
get_history (ScWindow  *self,
             ScPartner *partner,
             guint     *n_values)
{
  guint n = sc_workbook_get_n_periods (self->book);
  double *history = g_hash_table_lookup (self->histories, partner);
  ScPeriod first = sc_workbook_get_first_period (self->book);

  if (history == NULL)
    {
      history = g_new (double, MAX (n, 1));
      sc_scorer_overall_history (self->scorer, partner, SC_ROLLUP_PERIOD, history);
      g_hash_table_insert (self->histories, partner, history);
    }

  *n_values = MIN (n, (guint) MAX (0, self->rollup.anchor - first + 1));
  return history;
}

/* The change and the trend of every partner are only needed to sort by
 * them; they cost several times the score itself.
 */
static gboolean
sorts_by_trend (ScWindow *self)
{
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  return sort == SORT_TREND || sort == SORT_CHANGE;
}

/* What the sidebar keeps per partner, made again on demand after a change
 * (the summaries are made again by whoever calls this)
 */
static void
forget_partner_caches (ScWindow *self)
{
  g_hash_table_remove_all (self->summaries);
  g_hash_table_remove_all (self->histories);
  g_hash_table_remove_all (self->name_keys);
  g_hash_table_remove_all (self->search_texts);
  g_hash_table_remove_all (self->watches);
  g_clear_pointer (&self->open_issues, g_hash_table_unref);
}

/* Scores every partner for the sidebar, keeping only what it shows: the
 * full result (every KPI) is made again for the partner being shown.
 */
static void
rescore (ScWindow *self)
{
  GListModel *partners;
  guint n;

  forget_partner_caches (self);

  if (self->book == NULL || self->rollup.anchor == SC_PERIOD_NONE)
    return;

  partners = sc_workbook_get_partners (self->book);
  n = g_list_model_get_n_items (partners);
  self->summaries_have_trend = sorts_by_trend (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      ScPartnerSummary *summary = g_new (ScPartnerSummary, 1);

      sc_scorer_summarize (self->scorer, partner, &self->rollup, self->summaries_have_trend, summary);
      g_hash_table_insert (self->summaries, partner, summary);
    }
}

/* The open issues of @partner, counted for every partner in one pass over
 * the issues when first asked after a change: counting per row went over
 * all the issues for each row shown.
 */
static guint
count_open_issues (ScWindow  *self,
                   ScPartner *partner)
{
  if (self->open_issues == NULL)
    {
      GListModel *issues = sc_workbook_get_issues (self->book);

      self->open_issues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
        {
          g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
          const char *id = sc_issue_get_partner_id (issue);

          if (id == NULL || sc_issue_get_status (issue) > SC_ISSUE_IN_PROGRESS)
            continue;
          g_hash_table_insert (self->open_issues, g_strdup (id),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->open_issues, id)) + 1));
        }
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->open_issues, sc_partner_get_id (partner)));
}

static void
update_row (ScWindow    *self,
            GtkListItem *item)
{
  ScPartner *partner = gtk_list_item_get_item (item);
  const ScPartnerSummary *summary = get_summary (self, partner);
  ScPartnerSummary empty;
  const double *history;
  guint n_history;

  if (summary == NULL)
    {
      sc_partner_summary_init (&empty, NULL);
      summary = &empty;
    }

  history = get_history (self, partner, &n_history);
  {
    g_autofree char *watch = _sc_window_dup_watch_text (self, partner);

    sc_partner_row_set_standing (SC_PARTNER_ROW (gtk_list_item_get_child (item)),
                                 sc_workbook_standing_for_score (self->book, summary->score), watch);
  }
  sc_partner_row_update (SC_PARTNER_ROW (gtk_list_item_get_child (item)), partner, summary,
                         history, n_history,
                         count_open_issues (self, partner));
}

/* Everything that shows a score follows the workbook and the view. */
static void
refresh (ScWindow *self)
{
  GHashTableIter iter;
  gpointer item;

  rescore (self);

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_row (self, item);

  if (gtk_drop_down_get_selected (self->sort_dropdown) != SORT_NAME)
    gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);

  if (self->selection)
    show_partner (self, gtk_single_selection_get_selected_item (self->selection));
  _sc_window_update_title (self);
}

static gboolean
rescore_idle_cb (gpointer data)
{
  ScWindow *self = data;

  self->rescore_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Coalesces a burst of edits into one refresh. */
static void
on_workbook_changed_cb (ScWindow   *self,
                        ScWorkbook *book)
{
  /* At default priority: an idle would starve behind the redraws of a
   * window full of charts
   */
  if (self->rescore_source == 0)
    self->rescore_source = g_timeout_add (0, rescore_idle_cb, self);
  _sc_window_autosave_schedule (self);
}

static void
on_modified_changed_cb (ScWindow *self)
{
  _sc_window_update_title (self);
}

/* Sidebar */

static void
setup_partner_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  gtk_list_item_set_child (item, sc_partner_row_new ());
}

static void
bind_partner_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ScWindow                 *self)
{
  g_hash_table_add (self->bound_items, item);
  update_row (self, item);
}

static void
unbind_partner_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       ScWindow                 *self)
{
  g_hash_table_remove (self->bound_items, item);
}

/* Tags */

static gboolean
partner_has_selected_tag (ScWindow  *self,
                          ScPartner *partner)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);
  g_auto(GStrv) parts = NULL;

  if (self->tags == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->tags->len)
    return TRUE;

  parts = g_strsplit (g_ptr_array_index (self->tags, selected - 1), "\x1f", 2);
  return g_strcmp0 (sc_partner_get_tag (partner, parts[0]), parts[1]) == 0;
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(char * const *) a, *(char * const *) b);
}

/* The tag dropdown: "All tags" and every key/value the partners have,
 * shown as "Castings (commodity)".
 */
static void
fill_tags (ScWindow *self)
{
  GListModel *partners = sc_workbook_get_partners (self->book);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      g_auto(GStrv) keys = sc_partner_dup_tag_keys (partner);

      for (guint k = 0; keys[k]; k++)
        {
          char *pair = g_strdup_printf ("%s\x1f%s", keys[k], sc_partner_get_tag (partner, keys[k]));

          if (g_hash_table_add (seen, pair))
            g_ptr_array_add (self->tags, g_strdup (pair));
        }
    }

  /* Sorted by value, the way a manager looks for "Castings" */
  g_ptr_array_sort (self->tags, compare_tags);
  gtk_string_list_append (labels, _("All tags"));
  for (guint i = 0; i < self->tags->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (self->tags, i), "\x1f", 2);
      g_autofree char *label = g_strdup_printf ("%s (%s)", parts[1], parts[0]);

      gtk_string_list_append (labels, label);
    }
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_dropdown), self->tags->len > 0);
}

static void
on_tag_changed_cb (ScWindow *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* What the search looks in: the partner's name and tags, casefolded,
 * separated by a character no search contains. Made once per partner, not
 * on every key typed for every partner.
 */
static const char *
get_search_text (ScWindow  *self,
                 ScPartner *partner)
{
  char *text = g_hash_table_lookup (self->search_texts, partner);

  if (text == NULL)
    {
      g_auto(GStrv) keys = sc_partner_dup_tag_keys (partner);
      g_autoptr(GString) all = g_string_new (sc_partner_get_name (partner));

      for (guint i = 0; keys[i]; i++)
        {
          g_string_append_c (all, '\n');
          g_string_append (all, sc_partner_get_tag (partner, keys[i]));
        }
      text = g_utf8_casefold (all->str, -1);
      g_hash_table_insert (self->search_texts, partner, text);
    }
  return text;
}

static gboolean
filter_partner (gpointer item,
                gpointer user_data)
{
  ScWindow *self = user_data;
  ScPartner *partner = item;
  ScPartnerType type = sc_partner_get_partner_type (partner);

  if (g_str_equal (self->partner_filter, "supplier") && type != SC_PARTNER_SUPPLIER)
    return FALSE;
  if (g_str_equal (self->partner_filter, "customer") && type != SC_PARTNER_CUSTOMER)
    return FALSE;

  if (!partner_has_selected_tag (self, partner))
    return FALSE;

  if (self->watch_only && _sc_window_get_watch (self, partner)->reason == SC_WATCH_NONE)
    return FALSE;

  if (self->search != NULL)
    return strstr (get_search_text (self, partner), self->search) != NULL;

  return TRUE;
}

/* Sorting by name compares collation keys made once per partner:
 * g_utf8_collate() normalises both names on every comparison, and sorting
 * 3,500 partners took 55 ms that way.
 */
static const char *
get_name_key (ScWindow  *self,
              ScPartner *partner)
{
  char *key = g_hash_table_lookup (self->name_keys, partner);

  if (key == NULL)
    {
      key = g_utf8_collate_key (sc_partner_get_name (partner), -1);
      g_hash_table_insert (self->name_keys, partner, key);
    }
  return key;
}

/* NaN (no data) sorts after every number, whatever the direction. */
static int
compare_numbers (double a,
                 double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a > b) - (a < b);
}

static int
compare_partners (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ScWindow *self = user_data;
  const ScPartnerSummary *ra = get_summary (self, (ScPartner *) a);
  const ScPartnerSummary *rb = get_summary (self, (ScPartner *) b);
  double sa = ra ? ra->score : NAN, sb = rb ? rb->score : NAN;
  int order = 0;

  switch (gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_SCORE_ASCENDING:
      order = compare_numbers (sa, sb);
      break;
    case SORT_SCORE_DESCENDING:
      order = compare_numbers (isnan (sa) ? sa : -sa, isnan (sb) ? sb : -sb);
      break;
    case SORT_TREND:
      order = compare_numbers (ra ? ra->slope : NAN, rb ? rb->slope : NAN);
      break;
    case SORT_CHANGE:
      order = compare_numbers (ra ? ra->change : NAN, rb ? rb->change : NAN);
      break;
    case SORT_NAME:
    default:
      break;
    }

  if (order == 0)
    order = strcmp (get_name_key (self, (ScPartner *) a), get_name_key (self, (ScPartner *) b));

  return order;
}

static GSettings *get_settings (void);

static const char *sort_names[] = { "name", "score", "score-descending", "trend", "change" };

static void
on_sort_changed_cb (ScWindow *self)
{
  GSettings *settings = get_settings ();
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  if (sorts_by_trend (self) && !self->summaries_have_trend)
    rescore (self);
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  if (settings != NULL && sort < G_N_ELEMENTS (sort_names))
    g_settings_set_string (settings, "sidebar-sort", sort_names[sort]);
}

static void
on_search_changed_cb (ScWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *before = g_steal_pointer (&self->search);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  /* A search is one line: a newline would match across name and tags */
  if (text != NULL && *text != '\0' && strchr (text, '\n') == NULL)
    self->search = g_utf8_casefold (text, -1);

  /* Typing on only narrows the list, and deleting only widens it: the
   * list then keeps the rows it has
   */
  if (before == NULL && self->search == NULL)
    return;
  if (before != NULL && self->search != NULL && strstr (self->search, before) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (before == NULL || (self->search != NULL && strstr (before, self->search) != NULL))
    change = before == NULL ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT;
  else if (self->search == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  gtk_filter_changed (self->filter, change);
}

static void
on_search_stopped_cb (ScWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
set_partner_filter (ScWindow   *self,
                    const char *filter)
{
  if (g_strcmp0 (filter, "supplier") != 0 && g_strcmp0 (filter, "customer") != 0)
    filter = "all";
  if (g_strcmp0 (self->partner_filter, filter) == 0)
    return;

  g_free (self->partner_filter);
  self->partner_filter = g_strdup (filter);
  g_simple_action_set_state (self->filter_action, g_variant_new_string (filter));
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  if (get_settings () != NULL)
    g_settings_set_string (get_settings (), "sidebar-filter", filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER_FILTER]);
}

static void
on_filter_change_state_cb (ScWindow      *self,
                           GVariant      *state,
                           GSimpleAction *action)
{
  set_partner_filter (self, g_variant_get_string (state, NULL));
}

static void
on_partner_activated_cb (ScWindow *self,
                         guint     position)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* In a narrow window a click on a partner shows its scorecard; a wide one
 * shows both already.
 */
static void
on_partner_list_released_cb (ScWindow        *self,
                             int              n_press,
                             double           x,
                             double           y,
                             GtkGestureClick *gesture)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_back_clicked_cb (ScWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Period controls */

static const ScRollupKind view_kinds[] = {
  SC_ROLLUP_PERIOD, SC_ROLLUP_QUARTER, SC_ROLLUP_YTD, SC_ROLLUP_ROLLING_12, SC_ROLLUP_YEAR,
};

/* The views the workbook's granularity offers: the single period is a
 * week, a month or a quarter, and a quarterly workbook has no separate
 * quarter view.
 */
static void
fill_view_dropdown (ScWindow      *self,
                    ScGranularity  granularity)
{
  g_autoptr(GtkStringList) labels = NULL;
  guint selected = 0;

  /* A quarter of a quarterly workbook is its single period */
  if (self->rollup.kind == SC_ROLLUP_QUARTER && granularity == SC_GRANULARITY_QUARTER)
    self->rollup.kind = SC_ROLLUP_PERIOD;

  if (self->views_granularity == (int) granularity)
    {
      for (guint i = 0; i < self->n_views; i++)
        if (self->views[i] == self->rollup.kind)
          gtk_drop_down_set_selected (self->view_dropdown, i);
      return;
    }

  labels = sc_view_choices_new (granularity, self->views, &self->n_views);
  self->views_granularity = granularity;
  for (guint i = 0; i < self->n_views; i++)
    if (self->views[i] == self->rollup.kind)
      selected = i;
  gtk_drop_down_set_model (self->view_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->view_dropdown, selected);
}

/* The period list: every stored period up to the latest with data. */
static void
fill_period_controls (ScWindow *self)
{
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  ScPeriod first = sc_workbook_get_first_period (self->book);
  ScPeriod latest = sc_workbook_get_latest_period (self->book);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->updating_controls = TRUE;
  fill_view_dropdown (self, granularity);
  for (ScPeriod p = first; latest != SC_PERIOD_NONE && p <= latest; p++)
    {
      g_autofree char *label = sc_period_to_label (granularity, p);
      gtk_string_list_append (labels, label);
    }
  g_set_object (&self->period_labels, labels);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (labels));
  if (latest != SC_PERIOD_NONE)
    gtk_drop_down_set_selected (self->period_dropdown, (guint) (self->rollup.anchor - first));
  self->updating_controls = FALSE;
}

static void
on_view_changed_cb (ScWindow *self)
{
  ScRollup rollup = self->rollup;
  guint selected = gtk_drop_down_get_selected (self->view_dropdown);

  if (self->updating_controls || self->book == NULL || selected >= self->n_views)
    return;

  rollup.kind = self->views[selected];
  sc_window_set_rollup (self, &rollup);
}

static void
on_period_changed_cb (ScWindow *self)
{
  ScRollup rollup = self->rollup;
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->updating_controls || self->book == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  rollup.anchor = sc_workbook_get_first_period (self->book) + (ScPeriod) selected;
  sc_window_set_rollup (self, &rollup);
}

/* Pages */

static ScPartner *
selected_partner (ScWindow *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
show_compare_if_visible (ScWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "compare") == 0)
    sc_compare_page_show (self->compare_page, self->book ? self->scorer : NULL, selected_partner (self),
                          &self->rollup);
}

static void
show_partner (ScWindow  *self,
              ScPartner *partner)
{
  g_autoptr(ScPartnerResult) result = NULL;
  g_autofree char *label = NULL;

  if (partner != NULL && self->book != NULL && self->rollup.anchor != SC_PERIOD_NONE)
    result = sc_scorer_score_partner (self->scorer, partner, &self->rollup);
  label = self->book ? sc_rollup_to_label (&self->rollup, sc_workbook_get_granularity (self->book))
                     : g_strdup ("");
  adw_view_switcher_title_set_title (self->switcher_title, partner ? sc_partner_get_name (partner) : "");
  adw_view_switcher_title_set_subtitle (self->switcher_title, label);

  sc_scorecard_page_show (self->scorecard_page, self->book ? self->scorer : NULL, partner,
                          result, &self->rollup);
  if (self->issues_page != NULL)
    sc_issues_page_set_partner (self->issues_page, partner);
  show_compare_if_visible (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-issue", partner != NULL);
}

/* The Issues page, a third of the window's widgets, is made the first
 * time it is shown: most sessions start on a scorecard.
 */
ScIssuesPage *
_sc_window_ensure_issues_page (ScWindow *self)
{
  if (self->issues_page == NULL)
    {
      self->issues_page = SC_ISSUES_PAGE (sc_issues_page_new ());
      adw_bin_set_child (self->issues_bin, GTK_WIDGET (self->issues_page));
      if (self->book != NULL)
        sc_issues_page_set_workbook (self->issues_page, self->book, self->undo_stack);
      sc_issues_page_set_partner (self->issues_page, selected_partner (self));
      _sc_window_team_update_actions (self);
    }
  return self->issues_page;
}

static void
on_page_changed_cb (ScWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "issues") == 0)
    _sc_window_ensure_issues_page (self);
  show_compare_if_visible (self);
}

/* From the compare page: open that partner's scorecard. */
static void
on_compare_partner_activated_cb (ScWindow  *self,
                                 ScPartner *partner)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScPartner) item = g_list_model_get_item (model, i);

      if (item == partner)
        {
          gtk_single_selection_set_selected (self->selection, i);
          adw_view_stack_set_visible_child_name (self->view_stack, "scorecard");
          return;
        }
    }
}

static void
on_create_issue_cb (ScWindow  *self,
                    ScPartner *partner,
                    ScKpi     *kpi,
                    int        period)
{
  GtkWindow *editor;

  if (self->book == NULL || partner == NULL)
    return;
  if (_sc_window_team_refuses_edit (self))
    return;

  editor = sc_issue_editor_new_for_create (GTK_WINDOW (self), self->book, self->undo_stack,
                                           partner, kpi, period);
  gtk_window_present (editor);
}

static void
on_selection_changed_cb (ScWindow *self)
{
  show_partner (self, gtk_single_selection_get_selected_item (self->selection));
}

/* Workbook */

void
_sc_window_update_title (ScWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gboolean modified;

  if (self->book == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Scorecards"));
      return;
    }
  if (_sc_window_team_update_title (self))
    return;

  name = self->file ? g_file_get_basename (self->file) : g_strdup (_("Untitled Workbook"));
  modified = sc_workbook_get_modified (self->book);
  /* Translators: a workbook with unsaved changes, e.g. "• suppliers.scorecard" */
  title = modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->sidebar_title, title);
}

/* Shows @book (already loaded) in the window; @file is where it is saved,
 * NULL for an untitled workbook.
 */
void
_sc_window_set_workbook (ScWindow   *self,
                         ScWorkbook *book,
                         GFile      *file)
{
  set_workbook_scored (self, book, file, NULL, NULL);
}

/* Shows @book, from @file or the team workbook of @store (or neither);
 * @scored, when not NULL, holds its scores for the window's view, made in
 * the loading thread.
 */
static void
set_workbook_scored (ScWindow   *self,
                     ScWorkbook *book,
                     GFile      *file,
                     ScStore    *store,
                     LoadResult *scored)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;

  if (book != self->book)
    _sc_window_live_stop (self);
  g_set_object (&self->file, file);
  g_set_object (&self->store, store);
  if (self->book != NULL)
    g_signal_handlers_disconnect_by_data (self->book, self);
  if (!g_set_object (&self->book, book))
    return;

  g_signal_connect_object (book, "changed", G_CALLBACK (on_workbook_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (book, "notify::modified", G_CALLBACK (on_modified_changed_cb),
                           self, G_CONNECT_SWAPPED);
  sc_undo_stack_clear (self->undo_stack);
  if (self->issues_page != NULL)
    sc_issues_page_set_workbook (self->issues_page, book, self->undo_stack);

  g_clear_object (&self->scorer);
  if (scored != NULL && scored->rollup.kind == self->rollup.kind &&
      (scored->with_trend || !sorts_by_trend (self)))
    {
      self->scorer = g_steal_pointer (&scored->scorer);
      self->rollup = scored->rollup;
      forget_partner_caches (self);
      g_hash_table_unref (self->summaries);
      self->summaries = g_steal_pointer (&scored->summaries);
      self->summaries_have_trend = scored->with_trend;
    }
  else
    {
      self->scorer = sc_scorer_new (book);
      self->rollup.anchor = sc_workbook_get_latest_period (book);
      rescore (self);
    }
  fill_period_controls (self);
  fill_tags (self);

  sorted = gtk_sort_list_model_new (g_object_ref (sc_workbook_get_partners (book)),
                                    g_object_ref (self->sorter));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&sorted)),
                                        g_object_ref (self->filter));
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&filtered)));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->partner_list, GTK_SELECTION_MODEL (self->selection));

  _sc_window_update_title (self);
  gtk_stack_set_visible_child_name (self->main_stack, "book");
  show_partner (self, gtk_single_selection_get_selected_item (self->selection));
  _sc_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKBOOK]);
}

/* A toast for an error stays until dismissed: the user must be able to
 * read the file name and line.
 */
void
_sc_window_show_error (ScWindow   *self,
                       const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_debug ("%s", message);
}

void
_sc_window_show_toast (ScWindow   *self,
                       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Loading: the workbook is read and scored for the window's view in a
 * thread, where no one else can see it yet; with thousands of partners the
 * scoring alone would hold the window for tens of milliseconds.
 */
static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->book);
  g_clear_object (&result->scorer);
  g_clear_pointer (&result->summaries, g_hash_table_unref);
  g_free (result);
}

/* What the loading thread is asked: the file, and the window's view */
typedef struct
{
  GFile        *file;
  ScStore      *store;   /* or a team workbook */
  ScRollupKind  kind;
  gboolean      with_trend;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->file);
  g_clear_object (&request->store);
  g_free (request);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  LoadResult *result = g_new0 (LoadResult, 1);
  GError *error = NULL;
  GListModel *partners;

  result->rollup.kind = request->kind;
  result->with_trend = request->with_trend;
  if (request->store != NULL)
    result->book = sc_store_load (request->store, cancellable, &error);
  else
    result->book = sc_workbook_load_from_file (request->file, cancellable, &error);
  if (result->book == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }

  result->scorer = sc_scorer_new (result->book);
  result->rollup.anchor = sc_workbook_get_latest_period (result->book);
  result->summaries = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  partners = sc_workbook_get_partners (result->book);
  for (guint i = 0; result->rollup.anchor != SC_PERIOD_NONE && i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);
      ScPartnerSummary *summary = g_new (ScPartnerSummary, 1);

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_free (summary);
          load_result_free (result);
          g_task_return_error_if_cancelled (task);
          return;
        }
      sc_scorer_summarize (result->scorer, partner, &result->rollup, result->with_trend, summary);
      g_hash_table_insert (result->summaries, partner, summary);
    }

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
load_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(ScWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_task_propagate_pointer (G_TASK (res), &error);
  g_autofree char *uri = NULL;
  LoadRequest *request = g_task_get_task_data (G_TASK (res));
  GFile *file = request->file;

  /* A newer load took over: its own end tidies up */
  if (g_task_get_cancellable (G_TASK (res)) != self->load_cancellable)
    {
      g_clear_pointer (&result, load_result_free);
      return;
    }
  gtk_spinner_stop (self->spinner);
  g_clear_handle_id (&self->loading_pulse, g_source_remove);
  g_clear_object (&self->load_cancellable);
  _sc_window_update_actions (self);

  if (result == NULL)
    {
      if (gtk_widget_in_destruction (GTK_WIDGET (self)))
        return;
      gtk_stack_set_visible_child_name (self->main_stack, self->book ? "book" : "empty");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (request->store == NULL || !_sc_window_team_load_failed (self, request->store, error))
        _sc_window_show_error (self, error->message);
      return;
    }

  set_workbook_scored (self, result->book, file, request->store, result);
  load_result_free (result);
  if (request->store != NULL)
    {
      _sc_window_team_loaded (self, request->store);
      return;
    }
  uri = g_file_get_uri (file);
  if (g_get_application_name () != NULL)
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* Recent workbooks, on the empty page */

#define N_RECENT 5

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified (*(GtkRecentInfo * const *) a);
  GDateTime *tb = gtk_recent_info_get_modified (*(GtkRecentInfo * const *) b);

  return g_date_time_compare (tb, ta);
}

static void
fill_recent (ScWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) books = g_ptr_array_new ();
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l; l = l->next)
    if ((g_str_has_suffix (gtk_recent_info_get_uri (l->data), ".scorecard") &&
         gtk_recent_info_exists (l->data)) ||
        sc_store_location_is_server (gtk_recent_info_get_uri (l->data)))
      g_ptr_array_add (books, l->data);
  g_ptr_array_sort (books, compare_recent);

  for (guint i = 0; i < books->len && n < N_RECENT; i++, n++)
    {
      GtkRecentInfo *info = g_ptr_array_index (books, i);
      const char *uri = gtk_recent_info_get_uri (info);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (sc_store_location_is_server (uri))
        {
          /* Translators: a team workbook in the recent list, e.g. "Team · anna@db.example.com" */
          g_autofree char *where = g_strdup_printf (_("Team · %s"), gtk_recent_info_get_description (info));

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
          g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_uri (uri);
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("");

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
          g_object_set_data_full (G_OBJECT (row), "file", g_steal_pointer (&file), g_object_unref);
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (self->recent_box, n > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
on_recent_activated_cb (ScWindow      *self,
                        GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");

  if (file != NULL)
    sc_window_open_file (self, file);
  else if (uri != NULL)
    _sc_window_team_open_uri (self, uri);
}

/* Window state */

static GSettings *
get_settings (void)
{
  GApplication *app = g_application_get_default ();

  return SC_IS_APPLICATION (app) ? sc_application_get_settings (SC_APPLICATION (app)) : NULL;
}

static void
load_window_state (ScWindow *self)
{
  static const char *view_names[] = { "month", "quarter", "ytd", "rolling12", "year" };
  GSettings *settings = get_settings ();
  g_autofree char *view = NULL;
  g_autofree char *sort = NULL;
  g_autofree char *filter = NULL;

  if (settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
      return;
    }

  view = g_settings_get_string (settings, "default-period-view");
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    if (g_str_equal (view, view_names[i]))
      self->rollup.kind = view_kinds[i];
  sort = g_settings_get_string (settings, "sidebar-sort");
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_str_equal (sort, sort_names[i]))
      gtk_drop_down_set_selected (self->sort_dropdown, i);
  filter = g_settings_get_string (settings, "sidebar-filter");
  set_partner_filter (self, filter);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (ScWindow *self)
{
  GSettings *settings = get_settings ();
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
sc_window_close_request (GtkWindow *window)
{
  ScWindow *self = SC_WINDOW (window);

  if (!_sc_window_confirm_close (self))
    return TRUE;

  save_window_state (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (sc_window_parent_class)->close_request (window);
}

static void
sc_window_dispose (GObject *object)
{
  ScWindow *self = (ScWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->loading_pulse, g_source_remove);
  g_queue_clear_full (&self->import_queue, g_object_unref);
  g_clear_handle_id (&self->rescore_source, g_source_remove);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->book)
    g_signal_handlers_disconnect_by_data (self->book, self);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->partner_list)
    gtk_list_view_set_model (self->partner_list, NULL);
  g_clear_object (&self->selection);

  _sc_window_live_stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WINDOW);

  G_OBJECT_CLASS (sc_window_parent_class)->dispose (object);
}

static void
sc_window_finalize (GObject *object)
{
  ScWindow *self = (ScWindow *)object;

  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_clear_pointer (&self->histories, g_hash_table_unref);
  g_clear_pointer (&self->name_keys, g_hash_table_unref);
  g_clear_pointer (&self->search_texts, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->open_issues, g_hash_table_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_object (&self->filter);
  g_clear_object (&self->filter_action);
  g_clear_object (&self->watch_action);
  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_object (&self->sorter);
  g_clear_object (&self->period_labels);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_object (&self->scorer);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->book);
  g_clear_object (&self->store);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->recovery_file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->partner_filter, g_free);

  G_OBJECT_CLASS (sc_window_parent_class)->finalize (object);
}

static void
sc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->book);
      break;
    case PROP_PARTNER_FILTER:
      g_value_set_string (value, self->partner_filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PARTNER_FILTER:
      set_partner_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_class_init (ScWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sc_window_dispose;
  object_class->finalize = sc_window_finalize;
  object_class->get_property = sc_window_get_property;
  object_class->set_property = sc_window_set_property;
  window_class->close_request = sc_window_close_request;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, SC_TYPE_WORKBOOK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_FILTER] =
    g_param_spec_string ("partner-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_SCORECARD_PAGE);
  g_type_ensure (SC_TYPE_COMPARE_PAGE);
  g_type_ensure (SC_TYPE_TEAM_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, team_bar);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, team_icon);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, team_label);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, content);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, team_banner);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, scorecard_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, issues_bin);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, empty_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, partner_list);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_partner_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_partner_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_issue_cb);

  _sc_window_class_init_actions (widget_class);
}

/* The primary menu's popover is made when first opened: it is a few
 * dozen widgets the window does not need to show its first frame.
 */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  ScWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
sc_window_init (ScWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GSimpleActionGroup) group = NULL;
  GtkGesture *click;

  /* The state of the sidebar.partner-filter action */
  self->partner_filter = g_strdup ("all");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->undo_stack = sc_undo_stack_new ();
  sc_scorecard_page_set_undo_stack (self->scorecard_page, self->undo_stack);
  self->rollup.kind = SC_ROLLUP_PERIOD;
  self->rollup.anchor = SC_PERIOD_NONE;
  self->views_granularity = -1;
  self->summaries = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->histories = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->name_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->search_texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->bound_items = g_hash_table_new (NULL, NULL);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_partner, self, NULL));
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_partners, self, NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_partner_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_partner_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_partner_row_cb), self);
  gtk_list_view_set_factory (self->partner_list, factory);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->partner_list));
  gtk_menu_button_set_create_popup_func (self->empty_menu_button, create_primary_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button, create_primary_menu_cb, self, NULL);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (on_partner_list_released_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->partner_list), GTK_EVENT_CONTROLLER (click));

  /* A stateful GAction rather than a widget property action: GTK 4.8's
   * property actions hand the toggle buttons' targets a NULL state. Not a
   * GPropertyAction either: it would hold the window alive.
   */
  self->filter_action = g_simple_action_new_stateful ("partner-filter", G_VARIANT_TYPE_STRING,
                                                      g_variant_new_string ("all"));
  g_signal_connect_object (self->filter_action, "change-state",
                           G_CALLBACK (on_filter_change_state_cb), self, G_CONNECT_SWAPPED);
  group = g_simple_action_group_new ();
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->filter_action));
  _sc_window_init_watch (self, G_ACTION_MAP (group));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "sidebar", G_ACTION_GROUP (group));

  _sc_window_init_actions (self);
  load_window_state (self);
  /* The recent workbooks are read when the empty page shows, which a
   * window opened on a workbook never does
   */
  g_signal_connect_object (gtk_stack_get_child_by_name (self->main_stack, "empty"), "map",
                           G_CALLBACK (fill_recent), self, G_CONNECT_SWAPPED);
}

/* Public API */

ScWindow *
sc_window_new (ScApplication *application)
{
  return g_object_new (SC_TYPE_WINDOW, "application", application, NULL);
}

ScWorkbook *
sc_window_get_workbook (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->book;
}

GFile *
sc_window_get_file (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->file;
}

static gboolean
loading_pulse_cb (gpointer data)
{
  ScWindow *self = data;

  gtk_progress_bar_pulse (self->loading_progress);
  return G_SOURCE_CONTINUE;
}

/* Reads @request in a thread. Over an open workbook nothing changes until
 * the new one is there; an empty window shows what is loading, with
 * progress and Cancel. A load replaces any under way.
 */
static void
start_load (ScWindow    *self,
            LoadRequest *request,
            const char  *what)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  _sc_window_update_actions (self);

  gtk_label_set_text (self->loading_label, what);
  if (self->book == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  else
    _sc_window_show_toast (self, what);
  if (self->loading_pulse == 0)
    self->loading_pulse = g_timeout_add (150, loading_pulse_cb, self);

  request->kind = self->rollup.kind;
  request->with_trend = sorts_by_trend (self);
  task = g_task_new (NULL, self->load_cancellable, load_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, load_thread);
}

/* Loads @file in the background; an error appears as a toast, leaving
 * any open workbook as it was.
 */
void
sc_window_open_file (ScWindow *self,
                     GFile    *file)
{
  LoadRequest *request;
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;

  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  request = g_new0 (LoadRequest, 1);
  request->file = g_object_ref (file);
  name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  what = g_strdup_printf (_("Opening %s…"), name);
  start_load (self, request, what);
}

/* Loads the team workbook of @store in the background, as
 * sc_window_open_file() loads a file; the window never waits on the
 * server, and Cancel stops the server's query.
 */
void
sc_window_open_store (ScWindow *self,
                      ScStore  *store)
{
  LoadRequest *request;
  g_autofree char *what = NULL;

  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (SC_IS_STORE (store));

  request = g_new0 (LoadRequest, 1);
  request->store = g_object_ref (store);
  what = _sc_window_team_dup_loading_text (store);
  start_load (self, request, what);
}

/* Stops the load under way; the window shows what it showed before. */
void
sc_window_cancel_loading (ScWindow *self)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  g_cancellable_cancel (self->load_cancellable);
}

/* Private API, used by the tests */

GtkSelectionModel *
sc_window_get_partner_selection (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

ScKpiTable *
sc_window_get_kpi_table (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return sc_scorecard_page_get_kpi_table (self->scorecard_page);
}

const char *
sc_window_get_partner_title (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return sc_scorecard_page_get_title (self->scorecard_page);
}

GtkFlowBox *
sc_window_get_chart_grid (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return sc_scorecard_page_get_chart_grid (self->scorecard_page);
}

AdwViewStack *
sc_window_get_view_stack (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->view_stack;
}

const char *
sc_window_get_visible_page (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

void
sc_window_set_search_text (ScWindow   *self,
                           const char *text)
{
  g_return_if_fail (SC_IS_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}

ScUndoStack *
sc_window_get_undo_stack (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->undo_stack;
}

const ScRollup *
sc_window_get_rollup (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return &self->rollup;
}

/* Shows the view @rollup on every page and in the period controls. */
void
sc_window_set_rollup (ScWindow       *self,
                      const ScRollup *rollup)
{
  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (rollup != NULL);

  if (self->rollup.kind == rollup->kind && self->rollup.anchor == rollup->anchor)
    return;

  self->rollup = *rollup;
  if (self->book != NULL)
    {
      fill_period_controls (self);
      refresh (self);
    }
}

void
sc_window_set_tag (ScWindow   *self,
                   const char *key,
                   const char *value)
{
  g_autofree char *pair = NULL;

  g_return_if_fail (SC_IS_WINDOW (self));

  pair = g_strdup_printf ("%s\x1f%s", key, value);
  for (guint i = 0; self->tags && i < self->tags->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tags, i), pair))
      {
        gtk_drop_down_set_selected (self->tag_dropdown, i + 1);
        return;
      }
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
}

void
sc_window_set_sort (ScWindow *self,
                    guint     sort)
{
  g_return_if_fail (SC_IS_WINDOW (self));
  gtk_drop_down_set_selected (self->sort_dropdown, sort);
}
