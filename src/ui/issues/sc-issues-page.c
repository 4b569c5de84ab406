/* sc-issues-page.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Issues page: every issue of the workbook, searched, filtered (partner,
 * KPI, status, severity, owner, overdue) and sorted, with a bulk status
 * change for the selected ones, a button for a new issue and an export as
 * CSV. It follows the workbook live: issues added, removed or changed,
 * whether here, in the editor or by undo.
 */

#define G_LOG_DOMAIN "sc-issues-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-issue-edit.h"
#include "sc-issue-editor.h"
#include "sc-issue-export.h"
#include "sc-issue-row.h"
#include "sc-issues-page.h"
#include "sc-issues-page-private.h"
#include "sc-safe-file.h"

/* Positions in the status and severity dropdowns of the template */
#define STATUS_ANY      0
#define STATUS_NOT_DONE 1
#define STATUS_FIRST    2
#define SEVERITY_ANY    0

struct _ScIssuesPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkWidget            *box;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *sort_dropdown;
  GtkFlowBox           *filter_box;
  GtkToggleButton      *partner_toggle;
  GtkDropDown          *kpi_dropdown;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *severity_dropdown;
  GtkDropDown          *owner_dropdown;
  GtkToggleButton      *overdue_toggle;
  GtkRevealer          *selection_revealer;
  GtkLabel             *selection_label;
  GtkStack             *stack;
  GtkListView          *list_view;
  AdwStatusPage        *status_page;
  GtkButton            *empty_button;

  /* Owned state */
  ScWorkbook           *book;
  ScUndoStack          *undo_stack;
  ScPartner            *partner;
  GtkCustomFilter      *filter;
  GtkCustomSorter      *sorter;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkMultiSelection    *selection;
  GPtrArray            *kpi_ids;     /* char*, parallel to kpi_dropdown after "Any KPI" */
  GPtrArray            *owners;      /* char*, parallel to owner_dropdown after "Any owner" */
  GtkFileChooserNative *chooser;
  char                 *search;      /* casefolded, NULL when empty */
  GDate                 today;
  guint                 refresh_source;

  guint                 today_fixed : 1;
  guint                 read_only : 1;   /* a team workbook the user may only read */
  guint                 updating : 1;
};

G_DEFINE_FINAL_TYPE (ScIssuesPage, sc_issues_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Filtering */

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
matches_search (ScIssuesPage *self,
                ScIssue      *issue)
{
  ScPartner *partner;

  if (self->search == NULL)
    return TRUE;
  partner = sc_workbook_lookup_partner (self->book, sc_issue_get_partner_id (issue));

  return contains_casefolded (sc_issue_get_title (issue), self->search) ||
         contains_casefolded (sc_issue_get_description (issue), self->search) ||
         contains_casefolded (sc_issue_get_owner (issue), self->search) ||
         contains_casefolded (sc_issue_get_id (issue), self->search) ||
         (partner && contains_casefolded (sc_partner_get_name (partner), self->search));
}

static const char *
selected_string (GtkDropDown *dropdown,
                 GPtrArray   *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > values->len)
    return NULL;
  return g_ptr_array_index (values, selected - 1);
}

static gboolean
matches_status (ScIssuesPage *self,
                ScIssue      *issue)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  ScIssueStatus status = sc_issue_get_status (issue);

  if (selected == STATUS_ANY || selected == GTK_INVALID_LIST_POSITION)
    return TRUE;
  if (selected == STATUS_NOT_DONE)
    return status <= SC_ISSUE_IN_PROGRESS;
  return status == selected - STATUS_FIRST;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ScIssuesPage *self = user_data;
  ScIssue *issue = item;
  const char *kpi_id = selected_string (self->kpi_dropdown, self->kpi_ids);
  const char *owner = selected_string (self->owner_dropdown, self->owners);
  guint severity = gtk_drop_down_get_selected (self->severity_dropdown);

  if (self->partner && gtk_toggle_button_get_active (self->partner_toggle) &&
      g_strcmp0 (sc_issue_get_partner_id (issue), sc_partner_get_id (self->partner)) != 0)
    return FALSE;
  if (kpi_id && g_strcmp0 (sc_issue_get_kpi_id (issue), kpi_id) != 0)
    return FALSE;
  if (owner && g_strcmp0 (sc_issue_get_owner (issue), owner) != 0)
    return FALSE;
  if (severity != SEVERITY_ANY && severity != GTK_INVALID_LIST_POSITION &&
      sc_issue_get_severity (issue) != severity - 1)
    return FALSE;
  if (!matches_status (self, issue))
    return FALSE;
  if (gtk_toggle_button_get_active (self->overdue_toggle) && !sc_issue_is_overdue (issue, &self->today))
    return FALSE;

  return matches_search (self, issue);
}

/* Sorting */

static const char *
partner_name (ScIssuesPage *self,
              ScIssue      *issue)
{
  ScPartner *partner = sc_workbook_lookup_partner (self->book, sc_issue_get_partner_id (issue));

  return partner ? sc_partner_get_name (partner) : sc_issue_get_partner_id (issue);
}

/* Soonest due first, issues without a due date last. */
static int
compare_due (ScIssue *a,
             ScIssue *b)
{
  const char *da = sc_issue_get_due (a), *db = sc_issue_get_due (b);

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return strcmp (da, db);
}

static int
compare_updated (ScIssue *a,
                 ScIssue *b)
{
  GDateTime *ua = sc_issue_get_updated (a), *ub = sc_issue_get_updated (b);

  if (ua == NULL || ub == NULL)
    return (ua == NULL) - (ub == NULL);
  return -g_date_time_compare (ua, ub);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  ScIssuesPage *self = user_data;
  ScIssue *ia = (ScIssue *) a, *ib = (ScIssue *) b;
  int result = 0;

  switch (gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SC_ISSUES_SORT_SEVERITY:
      result = (int) sc_issue_get_severity (ib) - (int) sc_issue_get_severity (ia);
      break;
    case SC_ISSUES_SORT_STATUS:
      result = (int) sc_issue_get_status (ia) - (int) sc_issue_get_status (ib);
      break;
    case SC_ISSUES_SORT_PARTNER:
      result = g_utf8_collate (partner_name (self, ia), partner_name (self, ib));
      break;
    case SC_ISSUES_SORT_UPDATED:
      result = compare_updated (ia, ib);
      break;
    case SC_ISSUES_SORT_DUE:
    default:
      result = compare_due (ia, ib);
      break;
    }
  if (result == 0 && gtk_drop_down_get_selected (self->sort_dropdown) != SC_ISSUES_SORT_DUE)
    result = compare_due (ia, ib);
  if (result == 0)
    result = strcmp (sc_issue_get_id (ia), sc_issue_get_id (ib));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Keeping the page up to date */

static void
update_empty_state (ScIssuesPage *self)
{
  guint n_all = self->book ? g_list_model_get_n_items (sc_workbook_get_issues (self->book)) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  if (n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (n_all == 0)
    {
      adw_status_page_set_icon_name (self->status_page, "checkbox-checked-symbolic");
      adw_status_page_set_title (self->status_page, _("No Issues"));
      adw_status_page_set_description (self->status_page,
                                       _("Note what went wrong, what is being done about it, "
                                         "who owns it and by when."));
      gtk_button_set_label (self->empty_button, _("_New Issue"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "issues.new");
    }
  else
    {
      adw_status_page_set_icon_name (self->status_page, "edit-find-symbolic");
      adw_status_page_set_title (self->status_page, _("No Matching Issues"));
      adw_status_page_set_description (self->status_page, _("Try another search or fewer filters."));
      gtk_button_set_label (self->empty_button, _("_Show All Issues"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "issues.clear-filters");
    }
  gtk_button_set_use_underline (self->empty_button, TRUE);
}

static void
update_selection_bar (ScIssuesPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = gtk_bitset_get_size (selected);
  g_autofree char *label = NULL;

  label = g_strdup_printf (ngettext ("%u issue selected", "%u issues selected", n), n);
  gtk_label_set_label (self->selection_label, label);
  gtk_revealer_set_reveal_child (self->selection_revealer, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issues.set-status", n > 0 && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issues.unselect-all", n > 0);
}

/* Replaces the choices of @dropdown ("Any …" then @values with @labels),
 * keeping the selected value when it is still there.
 */
static void
set_choices (ScIssuesPage *self,
             GtkDropDown  *dropdown,
             GPtrArray    *values,
             GPtrArray    *new_values,
             GPtrArray    *labels,
             const char   *any_label)
{
  g_autofree char *kept = g_strdup (selected_string (dropdown, values));
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (values, 0);
  gtk_string_list_append (list, any_label);
  for (guint i = 0; i < new_values->len; i++)
    {
      g_ptr_array_add (values, g_strdup (g_ptr_array_index (new_values, i)));
      gtk_string_list_append (list, g_ptr_array_index (labels, i));
      if (g_strcmp0 (kept, g_ptr_array_index (new_values, i)) == 0)
        selected = i + 1;
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating = FALSE;
}

static gboolean
same_strings (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
        return FALSE;
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The owner filter offers every owner named in an issue, by name. */
static void
update_owner_choices (ScIssuesPage *self)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *issues = self->book ? sc_workbook_get_issues (self->book) : NULL;

  for (guint i = 0; issues && i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (issues, i);
      const char *owner = sc_issue_get_owner (issue);

      if (*owner && g_hash_table_add (seen, (char *) owner))
        g_ptr_array_add (owners, (char *) owner);
    }
  g_ptr_array_sort (owners, compare_strings);

  if (!same_strings (owners, self->owners) ||
      gtk_drop_down_get_model (self->owner_dropdown) == NULL)
    set_choices (self, self->owner_dropdown, self->owners, owners, owners, _("Any owner"));
}

/* The KPI filter offers the workbook's KPIs, in its order. */
static void
update_kpi_choices (ScIssuesPage *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GListModel *kpis = self->book ? sc_workbook_get_kpis (self->book) : NULL;

  for (guint i = 0; kpis && i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);

      g_ptr_array_add (ids, (char *) sc_kpi_get_id (kpi));
      g_ptr_array_add (names, (char *) sc_kpi_get_name (kpi));
    }

  if (!same_strings (ids, self->kpi_ids) || gtk_drop_down_get_model (self->kpi_dropdown) == NULL)
    set_choices (self, self->kpi_dropdown, self->kpi_ids, ids, names, _("Any KPI"));
}

static void
refilter (ScIssuesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

static gboolean
refresh_cb (gpointer data)
{
  ScIssuesPage *self = data;

  self->refresh_source = 0;
  if (!self->today_fixed)
    sc_issue_export_today (&self->today);
  update_owner_choices (self);
  update_kpi_choices (self);
  refilter (self);

  return G_SOURCE_REMOVE;
}

/* Many changes come at once (a bulk edit, an undo): refresh once after. */
static void
queue_refresh (ScIssuesPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE - 10, refresh_cb, self, NULL);
}

/* Callbacks */

static void
on_workbook_changed_cb (ScIssuesPage *self)
{
  queue_refresh (self);
}

static void
on_filter_changed_cb (ScIssuesPage *self)
{
  if (!self->updating)
    refilter (self);
}

static void
on_search_changed_cb (ScIssuesPage   *self,
                      GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped)
    self->search = g_utf8_casefold (stripped, -1);
  refilter (self);
}

static void
on_sort_changed_cb (ScIssuesPage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_items_changed_cb (ScIssuesPage *self)
{
  update_empty_state (self);
  update_selection_bar (self);
}

static void
on_selection_changed_cb (ScIssuesPage *self)
{
  update_selection_bar (self);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ScIssuesPage             *self)
{
  gtk_list_item_set_child (item, sc_issue_row_new ());
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ScIssuesPage             *self)
{
  sc_issue_row_bind (SC_ISSUE_ROW (gtk_list_item_get_child (item)), self->book,
                     gtk_list_item_get_item (item), &self->today);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ScIssuesPage             *self)
{
  sc_issue_row_unbind (SC_ISSUE_ROW (gtk_list_item_get_child (item)));
}

static GtkWindow *
parent_window (ScIssuesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_issue (ScIssuesPage *self,
            ScIssue      *issue)
{
  GtkWindow *editor;

  if (issue == NULL || self->book == NULL)
    return;
  editor = sc_issue_editor_new_for_issue (parent_window (self), self->book, self->undo_stack, issue);
  gtk_window_present (editor);
}

static void
on_activate_cb (ScIssuesPage *self,
                guint         position)
{
  g_autoptr(ScIssue) issue = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  open_issue (self, issue);
}

/* Export */

static void
show_message (ScIssuesPage *self,
              const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* Runs in a worker thread: the file is written safely (sc-safe-file.c). */
static void
write_csv_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GError *error = NULL;

  if (sc_safe_file_replace_contents (G_FILE (source_object), g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes), SC_SAFE_FILE_NONE, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_csv_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(ScIssuesPage) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autofree char *message = NULL;

  /* The error names the file */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Could not export the issues: %s"), error->message);
  else
    message = g_strdup_printf (_("Issues exported to “%s”"), name);
  show_message (self, message);
}

static void
on_chooser_response_cb (ScIssuesPage *self,
                        int           response)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) task = NULL;

  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL || self->book == NULL)
    return;

  bytes = sc_issue_export_csv (self->book, G_LIST_MODEL (self->sort_model), &self->today);
  task = g_task_new (file, NULL, on_csv_written_cb, g_object_ref (self));
  g_task_set_source_tag (task, on_chooser_response_cb);
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_csv_thread);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ScIssuesPage *self = SC_ISSUES_PAGE (widget);
  GtkWindow *editor;

  if (self->book == NULL)
    return;
  editor = sc_issue_editor_new_for_create (parent_window (self), self->book, self->undo_stack,
                                           self->partner, NULL, SC_PERIOD_NONE);
  gtk_window_present (editor);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ScIssuesPage *self = SC_ISSUES_PAGE (widget);

  if (self->book != NULL)
    open_issue (self, sc_workbook_lookup_issue (self->book, g_variant_get_string (param, NULL)));
}

/* Gives the status named by @param to every selected issue: one undo step. */
static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ScIssuesPage *self = SC_ISSUES_PAGE (widget);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  ScIssueStatus status;
  guint position;

  if (!sc_issue_status_from_string (g_variant_get_string (param, NULL), &status))
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (issues, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  sc_issue_edit_set_status_bulk (self->undo_stack, (ScIssue **) issues->pdata, issues->len, status);
}

static void
unselect_all_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ScIssuesPage *self = SC_ISSUES_PAGE (widget);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ScIssuesPage *self = SC_ISSUES_PAGE (widget);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search, g_free);
  gtk_drop_down_set_selected (self->kpi_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, STATUS_ANY);
  gtk_drop_down_set_selected (self->severity_dropdown, SEVERITY_ANY);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_toggle_button_set_active (self->partner_toggle, FALSE);
  self->updating = FALSE;
  refilter (self);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ScIssuesPage *self = SC_ISSUES_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->book == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Issues as CSV"), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->partner && gtk_toggle_button_get_active (self->partner_toggle))
    name = g_strdup_printf (_("Issues – %s.csv"), sc_partner_get_name (self->partner));
  else
    name = g_strdup (_("Issues.csv"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
update_actions (ScIssuesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issues.new", self->book != NULL && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issues.export-csv", self->book != NULL);
  update_selection_bar (self);
}

/* GObject */

static void
sc_issues_page_dispose (GObject *object)
{
  ScIssuesPage *self = (ScIssuesPage *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ISSUES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->book);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->partner);

  G_OBJECT_CLASS (sc_issues_page_parent_class)->dispose (object);
}

static void
sc_issues_page_finalize (GObject *object)
{
  ScIssuesPage *self = (ScIssuesPage *)object;

  g_clear_pointer (&self->kpi_ids, g_ptr_array_unref);
  g_clear_pointer (&self->owners, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (sc_issues_page_parent_class)->finalize (object);
}

static void
sc_issues_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScIssuesPage *self = SC_ISSUES_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->book);
      break;
    case PROP_PARTNER:
      g_value_set_object (value, self->partner);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_issues_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScIssuesPage *self = SC_ISSUES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PARTNER:
      sc_issues_page_set_partner (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_issues_page_class_init (ScIssuesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_issues_page_dispose;
  object_class->finalize = sc_issues_page_finalize;
  object_class->get_property = sc_issues_page_get_property;
  object_class->set_property = sc_issues_page_set_property;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, SC_TYPE_WORKBOOK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL, SC_TYPE_PARTNER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-issues-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, box);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, partner_toggle);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, kpi_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, ScIssuesPage, empty_button);

  gtk_widget_class_install_action (widget_class, "issues.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "issues.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "issues.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "issues.unselect-all", NULL, unselect_all_action);
  gtk_widget_class_install_action (widget_class, "issues.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "issues.export-csv", NULL, export_csv_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "issuespage");
}

static void
connect_filter (ScIssuesPage *self,
                gpointer      widget,
                const char   *signal)
{
  g_signal_connect_object (widget, signal, G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
on_list_view_map_cb (ScIssuesPage *self)
{
  if (gtk_list_view_get_model (self->list_view) == NULL)
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
init_models (ScIssuesPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), GTK_SORTER (self->sorter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  /* The rows are made when the page is first shown: a list view that has
   * not been allocated yet builds rows for hundreds of issues nobody sees.
   */
  g_signal_connect_object (self->list_view, "map",
                           G_CALLBACK (on_list_view_map_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate",
                           G_CALLBACK (on_activate_cb), self, G_CONNECT_SWAPPED);
}

static void
sc_issues_page_init (ScIssuesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->kpi_ids = g_ptr_array_new_with_free_func (g_free);
  self->owners = g_ptr_array_new_with_free_func (g_free);
  sc_issue_export_today (&self->today);
  init_models (self);

  /* The flow box only lays the filters out; its children are not items */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->partner_toggle)), FALSE);

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_dropdown, "notify::selected",
                           G_CALLBACK (on_sort_changed_cb), self, G_CONNECT_SWAPPED);
  connect_filter (self, self->kpi_dropdown, "notify::selected");
  connect_filter (self, self->status_dropdown, "notify::selected");
  connect_filter (self, self->severity_dropdown, "notify::selected");
  connect_filter (self, self->owner_dropdown, "notify::selected");
  connect_filter (self, self->overdue_toggle, "toggled");
  connect_filter (self, self->partner_toggle, "toggled");

  update_owner_choices (self);
  update_kpi_choices (self);
  update_actions (self);
  update_empty_state (self);
}

/* Public API */

GtkWidget *
sc_issues_page_new (void)
{
  return g_object_new (SC_TYPE_ISSUES_PAGE, NULL);
}

ScWorkbook *
sc_issues_page_get_workbook (ScIssuesPage *self)
{
  g_return_val_if_fail (SC_IS_ISSUES_PAGE (self), NULL);
  return self->book;
}

/* Shows the issues of @book (or none); edits go onto @undo_stack. */
void
sc_issues_page_set_workbook (ScIssuesPage *self,
                             ScWorkbook   *book,
                             ScUndoStack  *undo_stack)
{
  g_return_if_fail (SC_IS_ISSUES_PAGE (self));
  g_return_if_fail (book == NULL || SC_IS_WORKBOOK (book));
  g_return_if_fail (undo_stack == NULL || SC_IS_UNDO_STACK (undo_stack));

  g_set_object (&self->undo_stack, undo_stack);
  if (self->book == book)
    return;

  if (self->book != NULL)
    g_signal_handlers_disconnect_by_data (self->book, self);
  g_set_object (&self->book, book);
  if (book != NULL)
    g_signal_connect_object (book, "changed", G_CALLBACK (on_workbook_changed_cb), self, G_CONNECT_SWAPPED);
  sc_issues_page_set_partner (self, NULL);

  gtk_filter_list_model_set_model (self->filter_model, book ? sc_workbook_get_issues (book) : NULL);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh_cb (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKBOOK]);
}

/* Turns off creating issues and changing their status, for a team
 * workbook the user may only read.
 */
void
sc_issues_page_set_read_only (ScIssuesPage *self,
                              gboolean      read_only)
{
  g_return_if_fail (SC_IS_ISSUES_PAGE (self));

  if (self->read_only == !!read_only)
    return;
  self->read_only = !!read_only;
  update_actions (self);
}

ScPartner *
sc_issues_page_get_partner (ScIssuesPage *self)
{
  g_return_val_if_fail (SC_IS_ISSUES_PAGE (self), NULL);
  return self->partner;
}

/* The partner selected elsewhere (the sidebar): "Only <partner>" filters
 * by it, and New Issue creates an issue for it.
 */
void
sc_issues_page_set_partner (ScIssuesPage *self,
                            ScPartner    *partner)
{
  g_autofree char *label = NULL;

  g_return_if_fail (SC_IS_ISSUES_PAGE (self));
  g_return_if_fail (partner == NULL || SC_IS_PARTNER (partner));

  if (!g_set_object (&self->partner, partner))
    return;

  if (partner != NULL)
    {
      label = g_strdup_printf (_("Only %s"), sc_partner_get_name (partner));
      gtk_button_set_label (GTK_BUTTON (self->partner_toggle), label);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->partner_toggle))),
                               PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->partner_toggle))), 28);
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->partner_toggle)), partner != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->partner_toggle), partner != NULL);
  refilter (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER]);
}

/* For the tests */

GtkEditable *
sc_issues_page_get_search_entry (ScIssuesPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
sc_issues_page_get_sort_dropdown (ScIssuesPage *self)
{
  return self->sort_dropdown;
}

GtkDropDown *
sc_issues_page_get_kpi_dropdown (ScIssuesPage *self)
{
  return self->kpi_dropdown;
}

GtkDropDown *
sc_issues_page_get_status_dropdown (ScIssuesPage *self)
{
  return self->status_dropdown;
}

GtkDropDown *
sc_issues_page_get_severity_dropdown (ScIssuesPage *self)
{
  return self->severity_dropdown;
}

GtkDropDown *
sc_issues_page_get_owner_dropdown (ScIssuesPage *self)
{
  return self->owner_dropdown;
}

GtkToggleButton *
sc_issues_page_get_overdue_toggle (ScIssuesPage *self)
{
  return self->overdue_toggle;
}

GtkToggleButton *
sc_issues_page_get_partner_toggle (ScIssuesPage *self)
{
  return self->partner_toggle;
}

GtkSelectionModel *
sc_issues_page_get_selection (ScIssuesPage *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

GtkListView *
sc_issues_page_get_list_view (ScIssuesPage *self)
{
  return self->list_view;
}

const char *
sc_issues_page_get_visible_child (ScIssuesPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

AdwStatusPage *
sc_issues_page_get_status_page (ScIssuesPage *self)
{
  return self->status_page;
}

/* Measures overdue against @today instead of the clock. */
void
sc_issues_page_set_today (ScIssuesPage *self,
                          const GDate  *today)
{
  self->today = *today;
  self->today_fixed = TRUE;
  refilter (self);
}

/* Writes the issues as shown (filtered and sorted) to @file as CSV. */
gboolean
sc_issues_page_export_csv_to (ScIssuesPage  *self,
                              GFile         *file,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SC_IS_ISSUES_PAGE (self), FALSE);
  g_return_val_if_fail (self->book != NULL, FALSE);

  bytes = sc_issue_export_csv (self->book, G_LIST_MODEL (self->sort_model), &self->today);
  return sc_safe_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        SC_SAFE_FILE_NONE, error);
}
