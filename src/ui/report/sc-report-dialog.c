/* sc-report-dialog.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export dialog: which partners, which periods, which sections, how
 * the page looks, and one PDF or a PDF per partner. The export runs in one
 * worker thread with progress and Cancel; the dialog is modal, so nothing
 * reads or changes the workbook from the main thread meanwhile (its lists
 * are not safe to read from two threads at once). Success closes the
 * dialog with a toast in the main window; an error stays in the dialog,
 * with the choices made, as a toast.
 */

#define G_LOG_DOMAIN "sc-report-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-language-row.h"
#include "sc-logo-chooser.h"
#include "sc-report-dialog.h"
#include "sc-view-choices.h"
#include "sc-report-dialog-private.h"
#include "sc-report-print.h"
#include "sc-report-save.h"
#include "sc-report-send.h"

struct _ScReportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkButton            *export_button;
  AdwComboRow          *partners_row;
  AdwPreferencesGroup  *choose_group;
  GtkSearchEntry       *partner_search;
  GtkListBox           *partner_list;
  AdwPreferencesGroup  *periods_group;
  AdwComboRow          *view_row;
  ScRollupKind          views[SC_VIEW_CHOICES_MAX];   /* the view row's choices */
  guint                 n_views;
  AdwComboRow          *from_row;
  AdwComboRow          *to_row;
  GtkSwitch            *summary_switch;
  GtkSwitch            *charts_switch;
  GtkSwitch            *issues_switch;
  GtkSwitch            *notes_switch;
  AdwPreferencesGroup  *notes_group;
  GtkTextView          *notes_view;
  AdwComboRow          *page_size_row;
  AdwComboRow          *language_row;
  AdwEntryRow          *company_row;
  AdwActionRow         *logo_row;
  GtkButton            *logo_clear_button;
  AdwEntryRow          *confidentiality_row;
  AdwComboRow          *output_row;
  AdwPreferencesGroup  *send_group;
  AdwActionRow         *email_row;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;

  /* Owned state */
  ScWorkbook           *book;
  ScPartner            *selected;
  GArray               *modes;        /* ScReportPartners, parallel to partners_row */
  GHashTable           *chosen;       /* ScPartner* set */
  char                 *logo_path;    /* a PNG, or NULL */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;  /* while exporting */
  char                 *saved_path;
  ScPartner            *email_partner; /* the report being saved is for its contact */
  GError               *error;
  ScPeriod              first_period; /* of from_row and to_row */
  guint                 n_periods;

  guint                 updating : 1;
  guint                 language_follows : 1;  /* the user has not chosen a language */
  guint                 saving_split : 1;
  guint                 close_when_done : 1;
  guint                 disposed : 1;
};

G_DEFINE_FINAL_TYPE (ScReportDialog, sc_report_dialog, ADW_TYPE_WINDOW)


#define DEFAULT_PERIODS 12

/* Defaults */

static gboolean
is_png (const char *path)
{
  return path != NULL && (g_str_has_suffix (path, ".png") || g_str_has_suffix (path, ".PNG"));
}

/* The range ending at the view's period: at least DEFAULT_PERIODS periods,
 * and all of the view (a rolling 12 months or a year) when it is longer.
 */
static void
view_range (ScWorkbook     *book,
            const ScRollup *view,
            ScPeriod       *first,
            ScPeriod       *last)
{
  ScPeriod book_first = sc_workbook_get_first_period (book);
  ScPeriod latest = sc_workbook_get_latest_period (book);
  ScPeriod view_first, view_last;
  ScRollup rollup;

  *first = *last = SC_PERIOD_NONE;
  if (latest == SC_PERIOD_NONE)
    return;

  rollup.kind = view ? view->kind : SC_ROLLUP_PERIOD;
  rollup.anchor = view && view->anchor != SC_PERIOD_NONE ? view->anchor : latest;
  rollup.anchor = CLAMP (rollup.anchor, book_first, latest);
  sc_rollup_get_range (&rollup, sc_workbook_get_granularity (book), &view_first, &view_last);
  *last = rollup.anchor;
  *first = MAX (book_first, MIN (view_first, rollup.anchor - (DEFAULT_PERIODS - 1)));
}

/* Company and confidentiality saved in the workbook win over the
 * preferences (as the schema says); the page size and the logo come from
 * the preferences.
 */
static void
apply_settings (ScReportOptions *options,
                GSettings       *settings)
{
  g_autofree char *company = g_settings_get_string (settings, "company-name");
  g_autofree char *logo = g_settings_get_string (settings, "company-logo");
  g_autofree char *page_size = g_settings_get_string (settings, "report-page-size");
  g_autofree char *confidentiality = g_settings_get_string (settings, "report-confidentiality");

  if (options->company == NULL || options->company[0] == '\0')
    sc_report_options_set_string (&options->company, company);
  if (options->confidentiality == NULL || options->confidentiality[0] == '\0')
    sc_report_options_set_string (&options->confidentiality, confidentiality);
  sc_report_page_size_from_string (page_size, &options->page_size);
  /* The engine reads PNG only; the dialog says why another is left out */
  if (is_png (logo))
    sc_report_options_set_string (&options->logo_path, logo);
}

/* Helpers */

static ScReportPartners
get_mode (ScReportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->partners_row);

  if (i >= self->modes->len)
    return SC_REPORT_PARTNERS_ALL;
  return g_array_index (self->modes, ScReportPartners, i);
}

static gboolean
partner_in_mode (ScReportDialog   *self,
                 ScReportPartners  mode,
                 ScPartner        *partner)
{
  switch (mode)
    {
    case SC_REPORT_PARTNERS_SELECTED:
      return partner == self->selected;
    case SC_REPORT_PARTNERS_SUPPLIERS:
      return sc_partner_get_partner_type (partner) == SC_PARTNER_SUPPLIER;
    case SC_REPORT_PARTNERS_CUSTOMERS:
      return sc_partner_get_partner_type (partner) == SC_PARTNER_CUSTOMER;
    case SC_REPORT_PARTNERS_CHOSEN:
      return g_hash_table_contains (self->chosen, partner);
    case SC_REPORT_PARTNERS_ALL:
    default:
      return TRUE;
    }
}

/* The partners to report on, in the workbook's order. */
static GPtrArray *
dup_partners (ScReportDialog *self)
{
  GListModel *all = sc_workbook_get_partners (self->book);
  ScReportPartners mode = get_mode (self);
  GPtrArray *partners = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (all, i);

      if (partner_in_mode (self, mode, partner))
        g_ptr_array_add (partners, g_steal_pointer (&partner));
    }
  return partners;
}

static ScReportSections
get_sections (ScReportDialog *self)
{
  ScReportSections sections = 0;

  if (gtk_switch_get_active (self->summary_switch))
    sections |= SC_REPORT_SECTION_SUMMARY;
  if (gtk_switch_get_active (self->charts_switch))
    sections |= SC_REPORT_SECTION_CHARTS;
  if (gtk_switch_get_active (self->issues_switch))
    sections |= SC_REPORT_SECTION_ISSUES;
  if (gtk_switch_get_active (self->notes_switch))
    sections |= SC_REPORT_SECTION_NOTES;
  return sections;
}

static char *
dup_notes (ScReportDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static gboolean
is_split (ScReportDialog *self)
{
  return adw_combo_row_get_selected (self->output_row) == 1;
}

/* Counts the partners of the current choice, without building the list. */
static guint
count_partners (ScReportDialog *self)
{
  GListModel *all = sc_workbook_get_partners (self->book);
  ScReportPartners mode = get_mode (self);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (all, i);

      n += partner_in_mode (self, mode, partner);
    }
  return n;
}

/* "Email to <contact>…" is for a single partner's single PDF. */
static void
update_email (ScReportDialog *self,
              gboolean        ready)
{
  g_autoptr(GPtrArray) partners = NULL;
  gboolean single = !is_split (self) && count_partners (self) == 1;

  gtk_widget_set_visible (GTK_WIDGET (self->send_group), single);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.email", ready && single);
  if (single)
    {
      g_autofree char *label = NULL;

      partners = dup_partners (self);
      label = sc_report_send_dup_label (g_ptr_array_index (partners, 0));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->email_row), label);
    }
}

static void
update_actions (ScReportDialog *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean ready = !busy && self->n_periods > 0 && get_sections (self) != 0 && count_partners (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.cancel", busy);
  update_email (self, ready);
}

static void
show_logo (ScReportDialog *self)
{
  g_autofree char *name = self->logo_path ? g_filename_display_basename (self->logo_path) : NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->logo_row), "sc-problem");
  adw_action_row_set_subtitle (self->logo_row, name ? name : _("None"));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_clear_button), name != NULL);
}

/* A logo in the preferences that reports cannot use (an SVG) */
static void
warn_unused_logo (ScReportDialog *self,
                  GSettings      *settings)
{
  g_autofree char *logo = g_settings_get_string (settings, "company-logo");
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (logo[0] == '\0' || is_png (logo))
    return;

  name = g_filename_display_basename (logo);
  /* Translators: %s is the file name of the logo chosen in the preferences */
  text = g_strdup_printf (_("%s is not a PNG image; reports leave it out"), name);
  adw_action_row_set_subtitle (self->logo_row, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->logo_row), "sc-problem");
}

/* Partner list */

static gboolean
filter_partner_row (GtkListBoxRow *row,
                    gpointer       user_data)
{
  ScReportDialog *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->partner_search));
  ScPartner *partner = g_object_get_data (G_OBJECT (row), "partner");
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;

  if (text == NULL || text[0] == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  name = g_utf8_casefold (sc_partner_get_name (partner), -1);
  return strstr (name, needle) != NULL;
}

static void
update_chosen_count (ScReportDialog *self)
{
  guint n_all = g_list_model_get_n_items (sc_workbook_get_partners (self->book));
  guint n = g_hash_table_size (self->chosen);
  /* Translators: how many partners are chosen for the report, e.g. "3 of 27 chosen" */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u chosen",
                                                        "%u of %u chosen", n), n, n_all);

  adw_preferences_group_set_description (self->choose_group, text);
}

static void
on_partner_toggled_cb (GtkCheckButton *check,
                       GParamSpec     *pspec,
                       ScReportDialog *self)
{
  ScPartner *partner = g_object_get_data (G_OBJECT (check), "partner");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_object_ref (partner));
  else
    g_hash_table_remove (self->chosen, partner);
  update_chosen_count (self);
  update_actions (self);
}

static GtkWidget *
create_partner_row (ScReportDialog *self,
                    ScPartner      *partner)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_partner_get_name (partner));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               sc_partner_type_get_label (sc_partner_get_partner_type (partner)));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sc_partner_get_name (partner), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "partner", g_object_ref (partner), g_object_unref);
  g_object_set_data_full (G_OBJECT (check), "partner", g_object_ref (partner), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_signal_connect_object (check, "notify::active", G_CALLBACK (on_partner_toggled_cb), self, 0);
  return row;
}

/* Adds a choice to the "Report On" row; takes @label. */
static void
add_mode (ScReportDialog   *self,
          GtkStringList    *labels,
          ScReportPartners  mode,
          char             *label)
{
  g_array_append_val (self->modes, mode);
  gtk_string_list_take (labels, label);
}

static void
fill_partners (ScReportDialog *self)
{
  GListModel *all = sc_workbook_get_partners (self->book);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_suppliers = 0, n_customers = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (all, i);

      if (sc_partner_get_partner_type (partner) == SC_PARTNER_CUSTOMER)
        n_customers++;
      else
        n_suppliers++;
      gtk_list_box_append (self->partner_list, create_partner_row (self, partner));
    }
  gtk_list_box_set_filter_func (self->partner_list, filter_partner_row, self, NULL);

  if (self->selected != NULL)
    add_mode (self, labels, SC_REPORT_PARTNERS_SELECTED, g_strdup (sc_partner_get_name (self->selected)));
  add_mode (self, labels, SC_REPORT_PARTNERS_ALL,
            g_strdup_printf (_("All Partners (%u)"), n_suppliers + n_customers));
  if (n_suppliers > 0)
    add_mode (self, labels, SC_REPORT_PARTNERS_SUPPLIERS,
              g_strdup_printf (_("All Suppliers (%u)"), n_suppliers));
  if (n_customers > 0)
    add_mode (self, labels, SC_REPORT_PARTNERS_CUSTOMERS,
              g_strdup_printf (_("All Customers (%u)"), n_customers));
  add_mode (self, labels, SC_REPORT_PARTNERS_CHOSEN, g_strdup (_("Chosen Partners")));

  adw_combo_row_set_model (self->partners_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->partners_row, 0);
  update_chosen_count (self);
}

/* Periods */

static void
fill_periods (ScReportDialog *self,
              const ScRollup *view)
{
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  ScPeriod latest = sc_workbook_get_latest_period (self->book);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  ScPeriod first, last;

  self->first_period = sc_workbook_get_first_period (self->book);
  self->n_periods = latest != SC_PERIOD_NONE ? (guint) (latest - self->first_period + 1) : 0;
  for (guint i = 0; i < self->n_periods; i++)
    {
      g_autofree char *label = sc_period_to_label (granularity, self->first_period + (ScPeriod) i);

      gtk_string_list_append (labels, label);
    }

  if (self->n_periods == 0)
    adw_preferences_group_set_description (self->periods_group,
                                           _("The workbook holds no values to report on"));

  self->updating = TRUE;
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (labels));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (labels));
  view_range (self->book, view, &first, &last);
  if (self->n_periods > 0)
    {
      adw_combo_row_set_selected (self->from_row, (guint) (first - self->first_period));
      adw_combo_row_set_selected (self->to_row, (guint) (last - self->first_period));
    }
  {
    g_autoptr(GtkStringList) views = sc_view_choices_new (granularity, self->views, &self->n_views);
    ScRollupKind kind = view != NULL ? view->kind : SC_ROLLUP_PERIOD;

    /* A quarter of a quarterly workbook is its single period */
    if (kind == SC_ROLLUP_QUARTER && granularity == SC_GRANULARITY_QUARTER)
      kind = SC_ROLLUP_PERIOD;
    adw_combo_row_set_model (self->view_row, G_LIST_MODEL (views));
    for (guint i = 0; i < self->n_views; i++)
      if (self->views[i] == kind)
        adw_combo_row_set_selected (self->view_row, i);
  }
  self->updating = FALSE;
}

/* Callbacks */

/* Until the user chooses a language, it follows the partners: the
 * selected partner's own language for its report, each partner's for
 * several.
 */
static void
follow_partners_language (ScReportDialog *self)
{
  const char *code = NULL;

  if (!self->language_follows)
    return;
  if (self->selected != NULL && get_mode (self) == SC_REPORT_PARTNERS_SELECTED)
    code = sc_partner_get_report_language (self->selected);
  self->updating = TRUE;
  sc_language_row_set_code (self->language_row, code);
  self->updating = FALSE;
}

static void
on_language_selected_cb (ScReportDialog *self)
{
  if (!self->updating)
    self->language_follows = FALSE;
}

static void
on_partners_mode_changed_cb (ScReportDialog *self)
{
  if (self->modes == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->choose_group), get_mode (self) == SC_REPORT_PARTNERS_CHOSEN);
  follow_partners_language (self);
  update_actions (self);
}

static void
on_partner_search_changed_cb (ScReportDialog *self)
{
  gtk_list_box_invalidate_filter (self->partner_list);
}

static void
on_from_changed_cb (ScReportDialog *self)
{
  guint from = adw_combo_row_get_selected (self->from_row);

  if (self->updating || from == GTK_INVALID_LIST_POSITION)
    return;
  if (from > adw_combo_row_get_selected (self->to_row))
    {
      self->updating = TRUE;
      adw_combo_row_set_selected (self->to_row, from);
      self->updating = FALSE;
    }
}

static void
on_to_changed_cb (ScReportDialog *self)
{
  guint to = adw_combo_row_get_selected (self->to_row);

  if (self->updating || to == GTK_INVALID_LIST_POSITION)
    return;
  if (to < adw_combo_row_get_selected (self->from_row))
    {
      self->updating = TRUE;
      adw_combo_row_set_selected (self->from_row, to);
      self->updating = FALSE;
    }
}

static void
on_sections_changed_cb (ScReportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_group), gtk_switch_get_active (self->notes_switch));
  update_actions (self);
}

static void
on_output_changed_cb (ScReportDialog *self)
{
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->export_button),
                               is_split (self) ? _("Save a PDF per Partner into a Folder")
                                               : _("Save the Report as PDF"));
}

static void
on_logo_response_cb (ScReportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_free (self->logo_path);
          self->logo_path = g_steal_pointer (&path);
          show_logo (self);
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_logo_clicked_cb (ScReportDialog *self)
{
  if (self->chooser != NULL)
    return;

  self->chooser = sc_logo_chooser_new (GTK_WINDOW (self));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_logo_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_logo_clear_clicked_cb (ScReportDialog *self)
{
  g_clear_pointer (&self->logo_path, g_free);
  show_logo (self);
}

/* Export */

static char *
dup_partner_text (guint partner,
                  guint n_partners)
{
  /* Translators: export progress, e.g. "Partner 12 of 27" */
  return g_strdup_printf (_("Partner %u of %u"), partner, n_partners);
}

static void
on_open_clicked_cb (AdwToast *toast,
                    gpointer  user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gdk_display_get_default ());

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, NULL, NULL);
}

static void
show_saved (ScReportDialog *self,
            guint           n_files)
{
  AdwToast *toast;
  g_autofree char *uri = g_filename_to_uri (self->saved_path, NULL, NULL);

  if (self->saving_split)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report saved",
                                                             "%u reports saved", n_files),
                                                n_files);

      toast = adw_toast_new (title);
    }
  else
    toast = adw_toast_new (_("Report saved"));

  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "uri", g_steal_pointer (&uri), g_free);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), NULL);
    }
  _sc_report_add_toast (gtk_window_get_transient_for (GTK_WINDOW (self)), toast);
}

static void
show_error (ScReportDialog *self,
            const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_save_progress_cb (double      fraction,
                     guint       partner,
                     guint       n_partners,
                     const char *what,
                     gpointer    user_data)
{
  ScReportDialog *self = user_data;
  g_autofree char *text = dup_partner_text (partner, n_partners);

  if (self->disposed || g_cancellable_is_cancelled (self->cancellable))
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  if (what != NULL)
    gtk_label_set_label (self->progress_label, what);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_files = sc_report_save_finish (result, &error);

  g_clear_object (&self->cancellable);
  if (self->disposed)
    return;

  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "options");
  if (n_files > 0 && self->email_partner != NULL)
    {
      g_autoptr(ScReportOptions) options = sc_report_dialog_dup_options (self);

      sc_report_send (gtk_window_get_transient_for (GTK_WINDOW (self)), self->email_partner,
                      self->saved_path, options->company);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (n_files > 0)
    {
      show_saved (self, n_files);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  g_clear_pointer (&self->saved_path, g_free);
  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_error (self, error->message);
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
    }
}

static char *
dup_suggested_name (ScReportDialog        *self,
                    const ScReportOptions *options)
{
  g_autofree char *base = NULL;

  if (options->partners->len == 1)
    base = sc_report_safe_file_name (sc_partner_get_name (g_ptr_array_index (options->partners, 0)));
  else
    base = g_strdup (_("Scorecards"));
  return g_strdup_printf ("%s.pdf", base);
}

static void
on_export_response_cb (ScReportDialog       *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sc_report_dialog_export_to (self, path);
      else if (file != NULL)
        show_error (self, _("Reports can only be saved to a local folder"));
    }
  g_clear_object (&self->chooser);
}

/* Actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScReportDialog *self = SC_REPORT_DIALOG (widget);
  gboolean split = is_split (self);

  if (self->chooser != NULL || self->cancellable != NULL)
    return;

  if (split)
    self->chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Reports"), GTK_WINDOW (self),
                                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                 _("_Save"), _("_Cancel"));
  else
    {
      g_autoptr(ScReportOptions) options = sc_report_dialog_dup_options (self);
      g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
      g_autofree char *name = dup_suggested_name (self, options);

      self->chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_SAVE,
                                                   _("_Save"), _("_Cancel"));
      gtk_file_filter_set_name (pdf, _("PDF Documents"));
      gtk_file_filter_add_mime_type (pdf, "application/pdf");
      gtk_file_filter_add_suffix (pdf, "pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Saves the report where outgoing files are kept, then opens a message to
 * the partner's contact with it attached (sc-report-send.c).
 */
static void
email_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScReportDialog *self = SC_REPORT_DIALOG (widget);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->chooser != NULL || self->cancellable != NULL || count_partners (self) != 1)
    return;
  partners = dup_partners (self);
  if ((path = sc_report_send_dup_path (g_ptr_array_index (partners, 0), &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  sc_report_dialog_export_to (self, path);
  g_set_object (&self->email_partner, g_ptr_array_index (partners, 0));
}

/* Prints with the dialog's choices; the print dialog takes the place of
 * this one, over the main window.
 */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScReportDialog *self = SC_REPORT_DIALOG (widget);
  g_autoptr(ScReportOptions) options = sc_report_dialog_dup_options (self);
  g_autoptr(ScWorkbook) book = g_object_ref (self->book);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->cancellable != NULL)
    return;

  if (parent != NULL)
    g_object_ref (parent);
  gtk_window_destroy (GTK_WINDOW (self));
  sc_report_print_run (parent, book, options);
  g_clear_object (&parent);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScReportDialog *self = SC_REPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_label_set_label (self->progress_label, _("Cancelling…"));
    }
}

/* GObject */

/* Closing while exporting cancels, and closes once the worker has
 * stopped: it still holds the workbook.
 */
static gboolean
sc_report_dialog_close_request (GtkWindow *window)
{
  ScReportDialog *self = SC_REPORT_DIALOG (window);

  if (self->cancellable != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (sc_report_dialog_parent_class)->close_request (window);
}

static void
sc_report_dialog_dispose (GObject *object)
{
  ScReportDialog *self = (ScReportDialog *)object;

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (sc_report_dialog_parent_class)->dispose (object);
}

static void
sc_report_dialog_finalize (GObject *object)
{
  ScReportDialog *self = (ScReportDialog *)object;

  g_clear_object (&self->book);
  g_clear_object (&self->selected);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->modes, g_array_unref);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->logo_path, g_free);
  g_clear_pointer (&self->saved_path, g_free);
  g_clear_object (&self->email_partner);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (sc_report_dialog_parent_class)->finalize (object);
}

static void
sc_report_dialog_class_init (ScReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sc_report_dialog_dispose;
  object_class->finalize = sc_report_dialog_finalize;
  window_class->close_request = sc_report_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, partners_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, choose_group);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, partner_search);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, partner_list);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, periods_group);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, view_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, summary_switch);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, charts_switch);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, issues_switch);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, notes_switch);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, page_size_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, logo_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, logo_clear_button);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, confidentiality_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, send_group);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ScReportDialog, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, on_partners_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_partner_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_output_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clear_clicked_cb);

  gtk_widget_class_install_action (widget_class, "report.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.email", NULL, email_action);
  gtk_widget_class_install_action (widget_class, "report.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_report_dialog_init (ScReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/* Public API */

/* The options of a report on @selected (every partner when NULL) over
 * @view (the latest period when NULL), with the company, logo, page size
 * and confidentiality line of @book and @settings (may be NULL).
 */
ScReportOptions *
sc_report_dialog_dup_default_options (ScWorkbook     *book,
                                      ScPartner      *selected,
                                      const ScRollup *view,
                                      GSettings      *settings)
{
  ScReportOptions *options;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (selected == NULL || SC_IS_PARTNER (selected), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  options = sc_report_options_new (book);
  if (settings != NULL)
    apply_settings (options, settings);
  if (selected != NULL)
    sc_report_options_add_partner (options, selected);
  if (view != NULL)
    options->rollup = view->kind;
  view_range (book, view, &options->first, &options->last);
  return options;
}

/* A modal export dialog over @parent, opened on @selected (may be NULL)
 * and @view (the window's, may be NULL), with defaults from @settings (may
 * be NULL).
 */
GtkWindow *
sc_report_dialog_new (GtkWindow      *parent,
                      ScWorkbook     *book,
                      ScPartner      *selected,
                      const ScRollup *view,
                      GSettings      *settings)
{
  g_autoptr(ScReportOptions) options = NULL;
  ScReportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (selected == NULL || SC_IS_PARTNER (selected), NULL);

  self = g_object_new (SC_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  g_set_object (&self->selected, selected);
  self->modes = g_array_new (FALSE, FALSE, sizeof (ScReportPartners));

  options = sc_report_dialog_dup_default_options (book, NULL, view, settings);
  fill_partners (self);
  fill_periods (self, view);
  adw_combo_row_set_selected (self->page_size_row, options->page_size == SC_REPORT_PAGE_LETTER);
  /* Translators: the report language that follows each partner's own */
  sc_language_row_setup (self->language_row, _("Each Partner’s Language"));
  self->language_follows = TRUE;
  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (on_language_selected_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_editable_set_text (GTK_EDITABLE (self->company_row), options->company ? options->company : "");
  gtk_editable_set_text (GTK_EDITABLE (self->confidentiality_row),
                         options->confidentiality ? options->confidentiality : "");
  self->logo_path = g_strdup (options->logo_path);
  show_logo (self);
  if (settings != NULL)
    warn_unused_logo (self, settings);
  on_partners_mode_changed_cb (self);
  update_actions (self);

  return GTK_WINDOW (self);
}

void
sc_report_dialog_present (GtkWindow      *parent,
                          ScWorkbook     *book,
                          ScPartner      *selected,
                          const ScRollup *view,
                          GSettings      *settings)
{
  GtkWindow *dialog = sc_report_dialog_new (parent, book, selected, view, settings);

  if (dialog != NULL)
    gtk_window_present (dialog);
}

/* Private API, for the tests */

gboolean
sc_report_dialog_set_partners_mode (ScReportDialog   *self,
                                    ScReportPartners  mode)
{
  g_return_val_if_fail (SC_IS_REPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->modes->len; i++)
    {
      if (g_array_index (self->modes, ScReportPartners, i) == mode)
        {
          adw_combo_row_set_selected (self->partners_row, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Ticks @partner's check button in the list of chosen partners. */
gboolean
sc_report_dialog_set_chosen (ScReportDialog *self,
                             ScPartner      *partner,
                             gboolean        chosen)
{
  g_return_val_if_fail (SC_IS_REPORT_DIALOG (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->partner_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_object_get_data (G_OBJECT (row), "partner") == partner)
        {
          gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), chosen);
          return TRUE;
        }
    }
  return FALSE;
}

void
sc_report_dialog_set_split (ScReportDialog *self,
                            gboolean        split)
{
  g_return_if_fail (SC_IS_REPORT_DIALOG (self));

  adw_combo_row_set_selected (self->output_row, split ? 1 : 0);
}

/* The options of the choices on screen. */
ScReportOptions *
sc_report_dialog_dup_options (ScReportDialog *self)
{
  ScReportOptions *options;
  g_autoptr(GPtrArray) partners = NULL;
  guint view, from, to;

  g_return_val_if_fail (SC_IS_REPORT_DIALOG (self), NULL);

  options = sc_report_options_new (self->book);
  partners = dup_partners (self);
  for (guint i = 0; i < partners->len; i++)
    sc_report_options_add_partner (options, g_ptr_array_index (partners, i));

  view = adw_combo_row_get_selected (self->view_row);
  options->rollup = view < self->n_views ? self->views[view] : SC_ROLLUP_PERIOD;
  from = adw_combo_row_get_selected (self->from_row);
  to = adw_combo_row_get_selected (self->to_row);
  if (self->n_periods > 0 && from < self->n_periods && to < self->n_periods)
    {
      options->first = self->first_period + (ScPeriod) MIN (from, to);
      options->last = self->first_period + (ScPeriod) MAX (from, to);
    }

  options->sections = get_sections (self);
  options->page_size = adw_combo_row_get_selected (self->page_size_row) == 1
                       ? SC_REPORT_PAGE_LETTER : SC_REPORT_PAGE_A4;
  sc_report_options_set_string (&options->company, gtk_editable_get_text (GTK_EDITABLE (self->company_row)));
  sc_report_options_set_string (&options->confidentiality,
                                gtk_editable_get_text (GTK_EDITABLE (self->confidentiality_row)));
  sc_report_options_set_string (&options->logo_path, self->logo_path);
  sc_report_options_set_string (&options->language, sc_language_row_get_code (self->language_row));
  g_free (options->notes);
  options->notes = dup_notes (self);
  return options;
}

/* Exports the choices on screen to @path: a PDF file, or the folder of a
 * PDF per partner.
 */
void
sc_report_dialog_export_to (ScReportDialog *self,
                            const char     *path)
{
  g_autoptr(ScReportOptions) options = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (SC_IS_REPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->cancellable != NULL)
    return;

  options = sc_report_dialog_dup_options (self);
  g_clear_error (&self->error);
  g_clear_pointer (&self->saved_path, g_free);
  self->saved_path = g_strdup (path);
  g_clear_object (&self->email_partner);
  self->saving_split = is_split (self);
  self->cancellable = g_cancellable_new ();
  self->close_when_done = FALSE;
  update_actions (self);

  text = dup_partner_text (1, options->partners->len);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_label_set_label (self->progress_label, _("Preparing…"));
  gtk_stack_set_visible_child_name (self->stack, "progress");

  /* The dialog lives until save_cb: the progress goes to it */
  sc_report_save_async (self->book, options, path, self->saving_split, on_save_progress_cb, self,
                        self->cancellable, save_cb, g_object_ref (self));
}

gboolean
sc_report_dialog_get_busy (ScReportDialog *self)
{
  g_return_val_if_fail (SC_IS_REPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

/* Where the last export saved (or is saving), or NULL. */
const char *
sc_report_dialog_get_saved_path (ScReportDialog *self)
{
  g_return_val_if_fail (SC_IS_REPORT_DIALOG (self), NULL);
  return self->saved_path;
}

/* Why the last export failed, or NULL (also when cancelled). */
const GError *
sc_report_dialog_get_error (ScReportDialog *self)
{
  g_return_val_if_fail (SC_IS_REPORT_DIALOG (self), NULL);
  return self->error;
}

GtkProgressBar *
sc_report_dialog_get_progress_bar (ScReportDialog *self)
{
  g_return_val_if_fail (SC_IS_REPORT_DIALOG (self), NULL);
  return self->progress_bar;
}

GtkListBox *
sc_report_dialog_get_partner_list (ScReportDialog *self)
{
  g_return_val_if_fail (SC_IS_REPORT_DIALOG (self), NULL);
  return self->partner_list;
}

GtkEditable *
sc_report_dialog_get_partner_search (ScReportDialog *self)
{
  g_return_val_if_fail (SC_IS_REPORT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->partner_search);
}

AdwComboRow *
sc_report_dialog_get_language_row (ScReportDialog *self)
{
  g_return_val_if_fail (SC_IS_REPORT_DIALOG (self), NULL);
  return self->language_row;
}
