/* sc-import-assistant.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant: a modal window that takes a data file through the
 * import pipeline step by step (file → format and preview → column mapping
 * → KPI matching → validation results → import) and commits it into the
 * window's workbook, or a new one, as one undoable edit. Reading the
 * preview and staging the whole file run in worker threads, with a spinner
 * and Cancel. What each step shows is built in sc-import-assistant-pages.c.
 */

#define G_LOG_DOMAIN "sc-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-import-assistant-private.h"
#include "sc-import-memory.h"
#include "sc-import-recipe-page-private.h"

#define PREVIEW_ROWS 20

G_DEFINE_FINAL_TYPE (ScImportAssistant, sc_import_assistant, ADW_TYPE_WINDOW)

/* One committed import on the undo stack; shared with the toast. */
typedef struct
{
  gatomicrefcount  ref_count;
  ScImport        *import;
  ScWorkbook      *book;
  GWeakRef         undo_stack;
  char            *label;
  gboolean         applied;
} ImportEdit;

static void start_preview  (ScImportAssistant *self);
static void start_analysis (ScImportAssistant *self);
static void start_recipe   (ScImportAssistant *self);

/* Undo */

static ImportEdit *
import_edit_ref (ImportEdit *edit)
{
  g_atomic_ref_count_inc (&edit->ref_count);
  return edit;
}

static void
import_edit_unref (ImportEdit *edit)
{
  if (!g_atomic_ref_count_dec (&edit->ref_count))
    return;

  g_object_unref (edit->import);
  g_object_unref (edit->book);
  g_weak_ref_clear (&edit->undo_stack);
  g_free (edit->label);
  g_free (edit);
}

static void
import_edit_closure_notify (gpointer  data,
                            GClosure *closure)
{
  import_edit_unref (data);
}

static void
object_closure_notify (gpointer  data,
                       GClosure *closure)
{
  g_object_unref (data);
}

static void
import_edit_undo (gpointer data)
{
  ImportEdit *edit = data;

  if (!edit->applied)
    return;

  sc_import_undo (edit->import, edit->book);
  edit->applied = FALSE;
}

static void
import_edit_redo (gpointer data)
{
  ImportEdit *edit = data;
  g_autoptr(GError) error = NULL;

  if (edit->applied)
    return;

  /* Undo put the workbook back as it was, so the same import fits again */
  if (!sc_import_commit (edit->import, edit->book, &error))
    g_warning ("Cannot redo the import: %s", error->message);
  else
    edit->applied = TRUE;
}

/* The toast's Undo: through the undo stack when the import is its latest
 * edit, so that Redo brings it back; directly otherwise.
 */
static void
on_toast_undo_clicked_cb (AdwToast   *toast,
                          ImportEdit *edit)
{
  g_autoptr(ScUndoStack) stack = g_weak_ref_get (&edit->undo_stack);

  if (!edit->applied)
    return;

  if (stack != NULL && g_strcmp0 (sc_undo_stack_get_undo_label (stack), edit->label) == 0)
    sc_undo_stack_undo (stack);
  else
    import_edit_undo (edit);
}

static void
on_toast_details_clicked_cb (GtkButton *button,
                             ScImport  *import)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  sc_import_assistant_present_details (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, import);
}

/* Steps */

/* A file of transactions has the recipe step where others have the mapping */
static const char *steps[] = { "choose", "format", "mapping", "kpis", "results" };

static gboolean
is_step (ScImportAssistant *self,
         const char        *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0;
}

static gboolean
is_tabular (ScImportAssistant *self)
{
  return self->preview == NULL || self->preview->format == SC_IMPORT_FORMAT_CSV;
}

/* Whether the KPI step has something to show: after a recipe, only the
 * KPIs it invents, to confirm how they are defined
 */
static gboolean
shows_kpis (ScImportAssistant *self)
{
  if (self->import == NULL || sc_import_get_n_kpis (self->import) == 0)
    return FALSE;
  if (!self->recipe_step)
    return TRUE;

  for (guint i = 0; i < sc_import_get_n_kpis (self->import); i++)
    if (sc_import_match_kpi (self->import, i, self->book, NULL) == SC_IMPORT_KPI_MATCH_NEW)
      return TRUE;
  return FALSE;
}

static void
update_actions (ScImportAssistant *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  gboolean working = g_strcmp0 (step, "working") == 0;
  gboolean can_next = FALSE;

  if (g_strcmp0 (step, "format") == 0)
    can_next = self->preview != NULL;
  else if (g_strcmp0 (step, "mapping") == 0)
    can_next = _sc_import_assistant_check_mapping (self);
  else if (g_strcmp0 (step, "recipe") == 0)
    can_next = sc_import_recipe_page_get_ready (self->recipe_page);
  else if (g_strcmp0 (step, "kpis") == 0)
    can_next = self->import != NULL;
  else if (g_strcmp0 (step, "results") == 0)
    can_next = _sc_import_assistant_can_import (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", can_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back",
                                 !working && !self->details && g_strcmp0 (step, "choose") != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.cancel-work", working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.choose-file", !working && !self->details);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.map-columns",
                                 g_strcmp0 (step, "recipe") == 0 && !self->recipe_needed);
}

static void
set_step (ScImportAssistant *self,
          const char        *name)
{
  g_autofree char *file_name = self->file ? g_file_get_basename (self->file) : NULL;
  g_autofree char *subtitle = NULL;
  gboolean results = g_str_equal (name, "results");
  guint n_steps = is_tabular (self) ? G_N_ELEMENTS (steps) : 3;
  guint position = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (steps[i], g_str_equal (name, "recipe") ? "mapping" : name))
      position = is_tabular (self) || i < 3 ? i + 1 : i - 1;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_button_set_label (self->next_button, results ? _("_Import") : _("_Next"));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button),
                          !self->details && !g_str_equal (name, "choose") && !g_str_equal (name, "working"));
  gtk_widget_set_visible (self->back_button, !self->details && !g_str_equal (name, "choose"));

  if (g_str_equal (name, "working"))
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);

  if (self->details)
    subtitle = g_strdup (file_name);
  else if (position > 0 && file_name != NULL && self->queue_length > 1)
    /* Translators: "Step 2 of 5 · jan.csv, file 3 of 12" */
    subtitle = g_strdup_printf (_("Step %u of %u · %s, file %u of %u"), position, n_steps, file_name,
                                self->queue_position, self->queue_length);
  else if (position > 0 && file_name != NULL)
    /* Translators: "Step 2 of 5 · suppliers.csv" */
    subtitle = g_strdup_printf (_("Step %u of %u · %s"), position, n_steps, file_name);
  else if (position > 0)
    subtitle = g_strdup_printf (_("Step %u of %u"), position, n_steps);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");

  update_actions (self);
}

static void
show_working (ScImportAssistant *self,
              const char        *title)
{
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (current, "working") != 0)
    {
      g_free (self->working_from);
      self->working_from = g_strdup (current);
    }
  adw_status_page_set_title (self->working_page, title);
  set_step (self, "working");
}

static void
show_error (ScImportAssistant *self,
            const char        *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Options */

/* The sheet chosen in the format step, or NULL for the one with a table */
static const char *
chosen_sheet (ScImportAssistant *self)
{
  guint sheet = adw_combo_row_get_selected (self->sheet_row);

  if (self->sheets != NULL && sheet < g_strv_length (self->sheets))
    return self->sheets[sheet];
  return NULL;
}

static ScImport *
new_import_with_format (ScImportAssistant *self)
{
  static const ScImportLayout layouts[] = { SC_IMPORT_LAYOUT_AUTO, SC_IMPORT_LAYOUT_LONG, SC_IMPORT_LAYOUT_WIDE };
  static const char delimiters[] = { 0, ',', ';', '\t', '|' };
  static const char *encodings[] = { NULL, "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252" };
  static const char decimal_marks[] = { 0, '.', ',' };
  ScImport *import = sc_import_new ();
  guint layout = adw_combo_row_get_selected (self->layout_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint decimal = adw_combo_row_get_selected (self->decimal_row);

  sc_import_set_layout (import, layout < G_N_ELEMENTS (layouts) ? layouts[layout] : SC_IMPORT_LAYOUT_AUTO);
  sc_import_set_delimiter (import, delimiter < G_N_ELEMENTS (delimiters) ? delimiters[delimiter] : 0);
  sc_import_set_encoding (import, encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : NULL);
  sc_import_set_decimal_mark (import, decimal < G_N_ELEMENTS (decimal_marks) ? decimal_marks[decimal] : 0);
  /* None yet: the import chooses the sheet with a table, and the
   * preview shows which */
  if (chosen_sheet (self) != NULL)
    sc_import_set_sheet (import, chosen_sheet (self));

  return import;
}

/* An import with every choice made in the assistant. Rows are always
 * skipped so that validation lists every problem; without "Skip bad rows"
 * an import with problems is not committed.
 */
static ScImport *
new_import_for_analysis (ScImportAssistant *self)
{
  ScImport *import = new_import_with_format (self);
  GHashTableIter iter;
  gpointer name, id;

  /* Each import binds a recipe of its own, in its thread */
  if (self->recipe_step)
    {
      g_autoptr(ScRecipe) recipe = sc_import_recipe_page_dup_recipe (self->recipe_page);

      sc_import_set_recipe (import, recipe);
    }

  for (guint i = 0; is_tabular (self) && !self->recipe_step && i < self->roles->len; i++)
    sc_import_set_column_role (import, i, g_array_index (self->roles, ScImportRole, i));

  g_hash_table_iter_init (&iter, self->kpi_matches);
  while (g_hash_table_iter_next (&iter, &name, &id))
    sc_import_set_kpi_match (import, name, *(const char *) id ? id : NULL);
  g_hash_table_iter_init (&iter, self->new_kpis);
  while (g_hash_table_iter_next (&iter, &name, &id))
    sc_import_set_new_kpi (import, name, id);

  sc_import_set_skip_bad_rows (import, TRUE);
  sc_import_set_duplicates (import, adw_combo_row_get_selected (self->duplicates_row) == 1
                                    ? SC_IMPORT_DUPLICATES_REFUSE : SC_IMPORT_DUPLICATES_LAST_WINS);

  return import;
}

static void
fill_sheets (ScImportAssistant *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->updating = TRUE;
  for (guint i = 0; self->sheets && self->sheets[i]; i++)
    gtk_string_list_append (names, self->sheets[i]);
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->sheet_row, GTK_INVALID_LIST_POSITION);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), self->sheets != NULL);
  self->updating = FALSE;
}

static void
reset_cancellable (ScImportAssistant *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/* Preview */

static void
preview_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScImportAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  ScImportPreview *preview;
  gboolean from_choose;

  preview = sc_import_preview_file_finish (SC_IMPORT (source), result, &error);

  /* A later preview or analysis took over */
  if (cancellable != self->cancellable || gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      g_clear_pointer (&preview, sc_import_preview_free);
      return;
    }

  self->previewing = FALSE;
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_pointer (&preview, sc_import_preview_free);
      set_step (self, self->working_from ? self->working_from : "choose");
      return;
    }

  from_choose = is_step (self, "working") && g_strcmp0 (self->working_from, "choose") == 0;
  g_clear_pointer (&self->preview, sc_import_preview_free);
  self->preview = preview;

  if (preview == NULL)
    {
      show_error (self, error->message);
      _sc_import_assistant_show_preview (self);
      set_step (self, from_choose ? "choose" : "format");
      return;
    }

  /* The sheet the import chose, as the choice to change */
  if (preview->sheet != NULL && self->sheets != NULL &&
      adw_combo_row_get_selected (self->sheet_row) == GTK_INVALID_LIST_POSITION)
    {
      self->updating = TRUE;
      for (guint i = 0; self->sheets[i] != NULL; i++)
        if (g_str_equal (self->sheets[i], preview->sheet))
          adw_combo_row_set_selected (self->sheet_row, i);
      self->updating = FALSE;
    }

  g_array_set_size (self->roles, 0);
  g_array_append_vals (self->roles, preview->roles, preview->n_columns);
  /* The same header as an earlier import: its mapping, as the user left it */
  if (preview->format == SC_IMPORT_FORMAT_CSV && !self->matches_changed)
    sc_import_memory_recall ((const char * const *) preview->header, preview->n_columns,
                             self->roles, self->kpi_matches);
  _sc_import_assistant_show_preview (self);
  _sc_import_assistant_fill_mapping (self);

  if (preview->format != SC_IMPORT_FORMAT_CSV)
    start_analysis (self);
  else if (is_step (self, "working"))
    set_step (self, "format");
  else
    update_actions (self);
}

static void
start_preview (ScImportAssistant *self)
{
  g_autoptr(ScImport) import = NULL;

  if (self->file == NULL)
    return;

  reset_cancellable (self);
  g_clear_object (&self->import);
  g_clear_error (&self->import_error);
  g_hash_table_remove_all (self->kpi_matches);
  g_hash_table_remove_all (self->new_kpis);
  self->recipe_step = FALSE;
  self->recipe_needed = FALSE;
  sc_import_recipe_page_clear (self->recipe_page);

  self->previewing = TRUE;
  if (is_step (self, "choose") || is_step (self, "working"))
    show_working (self, _("Reading the File…"));
  else
    gtk_label_set_label (self->preview_label, _("Reading…"));

  import = new_import_with_format (self);
  sc_import_preview_file_async (import, self->file, PREVIEW_ROWS, self->cancellable,
                                preview_cb, g_object_ref (self));
}

/* Analysis: staging and validating the whole file */

static void
analysis_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (sc_import_add_file (source_object, task_data, cancellable, &error) &&
      sc_import_validate (source_object, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
analysis_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScImportAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  ScImport *import = SC_IMPORT (source);
  const char *from;

  g_task_propagate_boolean (G_TASK (result), &error);

  /* A later preview or analysis took over */
  if (cancellable != self->cancellable || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (g_cancellable_is_cancelled (cancellable))
    {
      set_step (self, self->working_from ? self->working_from : "choose");
      return;
    }

  g_set_object (&self->import, import);
  g_clear_error (&self->import_error);
  self->import_error = g_steal_pointer (&error);
  g_clear_pointer (&self->commit_error, g_free);
  self->matches_changed = FALSE;

  _sc_import_assistant_fill_kpis (self);
  _sc_import_assistant_fill_results (self);

  /* Transactions: no mapping will do, a recipe will */
  if (!self->recipe_step && g_error_matches (self->import_error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_NEEDED))
    {
      self->recipe_needed = TRUE;
      start_recipe (self);
      return;
    }

  from = self->working_from;
  if ((g_strcmp0 (from, "mapping") == 0 || g_strcmp0 (from, "choose") == 0 ||
       g_strcmp0 (from, "recipe") == 0) && shows_kpis (self))
    set_step (self, "kpis");
  else
    set_step (self, "results");
}

static void
start_analysis (ScImportAssistant *self)
{
  g_autoptr(ScImport) import = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = NULL;

  reset_cancellable (self);
  import = new_import_for_analysis (self);

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Reading “%s”…"), name);
  show_working (self, title);

  task = g_task_new (import, self->cancellable, analysis_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_analysis);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, analysis_thread);
}

/* Recipe: the first rows of a file of transactions, and a suggestion */

static void
recipe_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScImportAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  /* A later preview or analysis took over */
  if (cancellable != self->cancellable || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (g_cancellable_is_cancelled (cancellable))
    {
      set_step (self, self->working_from ? self->working_from : "choose");
      return;
    }

  if (sc_import_recipe_page_load_finish (self->recipe_page, result, &error))
    {
      self->recipe_step = TRUE;
      set_step (self, "recipe");
    }
  else if (self->recipe_needed)
    {
      /* The results say that the file needs a recipe; this, why none fits */
      show_error (self, error->message);
      set_step (self, "results");
    }
  else
    set_step (self, "mapping");
}

static void
start_recipe (ScImportAssistant *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = NULL;

  reset_cancellable (self);

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Reading “%s”…"), name);
  show_working (self, title);

  sc_import_recipe_page_load_async (self->recipe_page, self->file, chosen_sheet (self), self->book,
                                    self->cancellable, recipe_cb, g_object_ref (self));
}

/* A file with no KPI or period column, or one whose columns the workbook
 * keeps a recipe for, goes to the recipe step.
 */
static gboolean
wants_recipe (ScImportAssistant *self)
{
  const ScImportPreview *p = self->preview;

  if (p == NULL || p->format != SC_IMPORT_FORMAT_CSV)
    return FALSE;
  return !_sc_import_assistant_check_mapping (self) ||
         (self->book != NULL && sc_workbook_get_n_recipes (self->book) > 0 &&
          sc_workbook_find_recipe (self->book, (const char **) p->header, p->n_columns) != NULL);
}

/* Import */

static void
import_now (ScImportAssistant *self)
{
  g_autoptr(ScWorkbook) book = self->book ? g_object_ref (self->book) : sc_workbook_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (self->file);
  ImportEdit *edit;

  if (!_sc_import_assistant_can_import (self))
    return;

  if (!sc_import_commit (self->import, book, &error))
    {
      self->commit_error = g_strdup (error->message);
      _sc_import_assistant_fill_results (self);
      update_actions (self);
      return;
    }

  self->committed = TRUE;
  if (self->preview != NULL && self->preview->format == SC_IMPORT_FORMAT_CSV && !self->recipe_step)
    sc_import_memory_remember ((const char * const *) self->preview->header,
                               self->preview->n_columns,
                               (const ScImportRole *) self->roles->data, self->kpi_matches);
  self->counts.n_values = sc_import_get_n_values (self->import);
  self->counts.n_partners = sc_import_get_n_partners (self->import);
  self->counts.n_kpis = sc_import_get_n_kpis (self->import);
  self->counts.n_skipped = sc_import_get_n_skipped (self->import);
  self->counts.n_replaced = sc_import_get_n_replaced (self->import);

  edit = g_new0 (ImportEdit, 1);
  g_atomic_ref_count_init (&edit->ref_count);
  edit->import = g_object_ref (self->import);
  edit->book = g_object_ref (book);
  g_weak_ref_init (&edit->undo_stack, self->undo_stack);
  /* Translators: the undo label, e.g. "Import suppliers.csv" */
  edit->label = g_strdup_printf (_("Import %s"), name);
  edit->applied = TRUE;
  g_object_set_data_full (G_OBJECT (self), "sc-import-edit", edit, (GDestroyNotify) import_edit_unref);

  /* The window may show a new workbook here, which clears its undo stack */
  if (self->done != NULL)
    self->done (self, book, &self->counts, self->done_data);

  if (self->undo_stack != NULL)
    sc_undo_stack_push (self->undo_stack, edit->label, import_edit_undo, import_edit_redo,
                        import_edit_ref (edit), (GDestroyNotify) import_edit_unref);

  gtk_window_destroy (GTK_WINDOW (self));
}

/* Choosing a file */

static void
on_chooser_response_cb (ScImportAssistant    *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sc_import_assistant_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (ScImportAssistant *self)
{
  static const char *suffixes[] = { "csv", "tsv", "txt", "json", "xlsx", "ods", "scorecard" };
  g_autoptr(GtkFileFilter) data = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose Data to Import"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (data, _("Data Files (CSV, TSV, Excel, OpenDocument, JSON, Workbooks)"));
  gtk_file_filter_add_mime_type (data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (data, "application/vnd.oasis.opendocument.spreadsheet");
  gtk_file_filter_add_mime_type (data, "text/csv");
  gtk_file_filter_add_mime_type (data, "text/tab-separated-values");
  gtk_file_filter_add_mime_type (data, "application/json");
  gtk_file_filter_add_mime_type (data, "application/x-scorecard");
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (data, suffixes[i]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), data);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop_cb (GtkDropTarget     *target,
            const GValue      *value,
            double             x,
            double             y,
            ScImportAssistant *self)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || self->details || is_step (self, "working"))
    return FALSE;

  sc_import_assistant_set_file (self, g_value_get_object (value));
  return TRUE;
}

/* Actions */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScImportAssistant *self = SC_IMPORT_ASSISTANT (widget);
  const char *step = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (step, "format") && self->recipe_step)
    set_step (self, "recipe");
  else if (g_str_equal (step, "format") && wants_recipe (self))
    start_recipe (self);
  else if (g_str_equal (step, "format"))
    set_step (self, "mapping");
  else if (g_str_equal (step, "mapping") || g_str_equal (step, "recipe"))
    start_analysis (self);
  else if (g_str_equal (step, "kpis") && self->matches_changed)
    start_analysis (self);
  else if (g_str_equal (step, "kpis"))
    set_step (self, "results");
  else if (g_str_equal (step, "results"))
    import_now (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScImportAssistant *self = SC_IMPORT_ASSISTANT (widget);
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  gboolean has_kpis = shows_kpis (self);

  if (g_str_equal (step, "format"))
    set_step (self, "choose");
  else if (g_str_equal (step, "mapping") || g_str_equal (step, "recipe"))
    set_step (self, "format");
  else if (g_str_equal (step, "kpis") && self->recipe_step)
    set_step (self, "recipe");
  else if (g_str_equal (step, "results") && self->recipe_step && !has_kpis)
    set_step (self, "recipe");
  else if (g_str_equal (step, "kpis"))
    set_step (self, is_tabular (self) ? "mapping" : "choose");
  else if (g_str_equal (step, "results") && has_kpis)
    set_step (self, "kpis");
  else if (g_str_equal (step, "results"))
    set_step (self, is_tabular (self) ? "mapping" : "choose");
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_file (SC_IMPORT_ASSISTANT (widget));
}

/* From the recipe step: the file is a KPI table after all */
static void
map_columns_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ScImportAssistant *self = SC_IMPORT_ASSISTANT (widget);

  self->recipe_step = FALSE;
  set_step (self, "mapping");
}

static void
cancel_work_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ScImportAssistant *self = SC_IMPORT_ASSISTANT (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Callbacks */

static void
on_format_option_changed_cb (ScImportAssistant *self)
{
  if (self->updating || self->file == NULL)
    return;

  start_preview (self);
}

static void
on_skip_changed_cb (ScImportAssistant *self)
{
  if (self->updating)
    return;

  _sc_import_assistant_fill_results (self);
  update_actions (self);
}

static void
on_recipe_ready_changed_cb (ScImportAssistant *self)
{
  update_actions (self);
}

static void
on_duplicates_changed_cb (ScImportAssistant *self)
{
  if (self->updating || self->details || self->import == NULL)
    return;

  start_analysis (self);
}

/* GObject */

static void
sc_import_assistant_dispose (GObject *object)
{
  ScImportAssistant *self = (ScImportAssistant *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->preview_view != NULL)
    gtk_column_view_set_model (self->preview_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_IMPORT_ASSISTANT);

  G_OBJECT_CLASS (sc_import_assistant_parent_class)->dispose (object);
}

static void
sc_import_assistant_finalize (GObject *object)
{
  ScImportAssistant *self = (ScImportAssistant *)object;

  g_clear_object (&self->book);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_rows);
  g_clear_object (&self->import);
  g_clear_error (&self->import_error);
  g_clear_pointer (&self->preview, sc_import_preview_free);
  g_clear_pointer (&self->roles, g_array_unref);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  g_clear_pointer (&self->kpi_rows, g_ptr_array_unref);
  g_clear_pointer (&self->definition_rows, g_ptr_array_unref);
  g_clear_pointer (&self->kpi_matches, g_hash_table_unref);
  g_clear_pointer (&self->new_kpis, g_hash_table_unref);
  g_clear_pointer (&self->sheets, g_strfreev);
  g_clear_pointer (&self->commit_error, g_free);
  g_clear_pointer (&self->working_from, g_free);

  G_OBJECT_CLASS (sc_import_assistant_parent_class)->finalize (object);
}

static void
sc_import_assistant_class_init (ScImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_import_assistant_dispose;
  object_class->finalize = sc_import_assistant_finalize;

  g_type_ensure (SC_TYPE_IMPORT_RECIPE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, similar_group);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, new_kpi_group);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, similar_list);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, layout_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, preview_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, preview_view);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, mapping_hint);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, kpi_group);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, recipe_page);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, results_status);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, values_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, partners_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, kpis_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, periods_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, replaced_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, options_group);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, problems_group);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, problems_list);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, working_page);
  gtk_widget_class_bind_template_child (widget_class, ScImportAssistant, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_format_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duplicates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recipe_ready_changed_cb);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "assistant.cancel-work", NULL, cancel_work_action);
  gtk_widget_class_install_action (widget_class, "assistant.map-columns", NULL, map_columns_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "assistant.choose-file", NULL);
}

static void
sc_import_assistant_init (ScImportAssistant *self)
{
  GtkDropTarget *target;

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  self->preview_rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  self->roles = g_array_new (FALSE, FALSE, sizeof (ScImportRole));
  self->mapping_rows = g_ptr_array_new ();
  self->kpi_rows = g_ptr_array_new ();
  self->definition_rows = g_ptr_array_new ();
  self->kpi_matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->new_kpis = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  set_step (self, "choose");
}

/* Public API */

/**
 * sc_import_assistant_present:
 * @parent: (nullable): the window the assistant is modal for
 * @book: (nullable): the workbook to import into; %NULL for a new one
 * @undo_stack: (nullable): where the import goes as one undoable edit
 * @file: (nullable): the file to import, or %NULL to let the user choose
 * @done: (nullable): called with the workbook once the import is committed
 *
 * Opens the import assistant. Returns: (transfer none): the assistant
 */
ScImportAssistant *
sc_import_assistant_present (GtkWindow        *parent,
                             ScWorkbook       *book,
                             ScUndoStack      *undo_stack,
                             GFile            *file,
                             ScImportDoneFunc  done,
                             gpointer          user_data)
{
  ScImportAssistant *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (book == NULL || SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (undo_stack == NULL || SC_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (SC_TYPE_IMPORT_ASSISTANT, "transient-for", parent, NULL);
  g_set_object (&self->book, book);
  g_set_object (&self->undo_stack, undo_stack);
  self->done = done;
  self->done_data = user_data;

  gtk_window_present (GTK_WINDOW (self));
  if (file != NULL)
    sc_import_assistant_set_file (self, file);

  return self;
}

/* Shows the results of a committed @import again, read-only. */
ScImportAssistant *
sc_import_assistant_present_details (GtkWindow *parent,
                                     ScImport  *import)
{
  ScImportAssistant *self;

  g_return_val_if_fail (SC_IS_IMPORT (import), NULL);

  self = g_object_new (SC_TYPE_IMPORT_ASSISTANT,
                       "transient-for", parent,
                       "title", _("Import Details"),
                       NULL);
  self->details = TRUE;
  self->import = g_object_ref (import);
  adw_window_title_set_title (self->window_title, _("Import Details"));
  if (sc_import_get_n_sources (import) > 0)
    adw_window_title_set_subtitle (self->window_title, sc_import_get_source (import, 0)->name);

  self->updating = TRUE;
  gtk_switch_set_active (self->skip_switch, sc_import_get_n_skipped (import) > 0);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->options_group), FALSE);
  _sc_import_assistant_fill_results (self);
  gtk_stack_set_visible_child_name (self->stack, "results");
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
  gtk_widget_set_visible (self->back_button, FALSE);
  update_actions (self);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/* Starts over with @file: reads its first rows and shows them. */
/* Says which of several files being imported one after the other this
 * is, in the subtitle.
 */
void
sc_import_assistant_set_queue (ScImportAssistant *self,
                               guint              position,
                               guint              length)
{
  g_return_if_fail (SC_IS_IMPORT_ASSISTANT (self));

  self->queue_position = position;
  self->queue_length = length;
  if (gtk_stack_get_visible_child_name (self->stack) != NULL)
    set_step (self, gtk_stack_get_visible_child_name (self->stack));
}

void
sc_import_assistant_set_file (ScImportAssistant *self,
                              GFile             *file)
{
  g_return_if_fail (SC_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->details);

  g_set_object (&self->file, file);
  g_clear_pointer (&self->preview, sc_import_preview_free);

  /* A spreadsheet: its sheets to choose from */
  g_clear_pointer (&self->sheets, g_strfreev);
  self->sheets = sc_import_list_xlsx_sheets (file, NULL);
  fill_sheets (self);

  /* A new file starts from detection */
  self->updating = TRUE;
  adw_combo_row_set_selected (self->layout_row, 0);
  adw_combo_row_set_selected (self->delimiter_row, 0);
  adw_combo_row_set_selected (self->encoding_row, 0);
  adw_combo_row_set_selected (self->decimal_row, 0);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "choose");
  start_preview (self);
}

/* "Imported 1,234 values for 20 partners and 12 KPIs" */
char *
sc_import_counts_to_string (const ScImportCounts *counts)
{
  g_autofree char *n_values = g_strdup_printf ("%'" G_GUINT64_FORMAT, counts->n_values);
  g_autofree char *n_partners = g_strdup_printf ("%'u", counts->n_partners);
  g_autofree char *n_kpis = g_strdup_printf ("%'u", counts->n_kpis);
  g_autofree char *values = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *kpis = NULL;

  values = g_strdup_printf (ngettext ("%s value", "%s values", counts->n_values), n_values);
  partners = g_strdup_printf (ngettext ("%s partner", "%s partners", counts->n_partners), n_partners);
  kpis = g_strdup_printf (ngettext ("%s KPI", "%s KPIs", counts->n_kpis), n_kpis);

  /* Translators: "Imported 1,234 values for 20 partners and 12 KPIs" */
  return g_strdup_printf (_("Imported %s for %s and %s"), values, partners, kpis);
}

/**
 * sc_import_assistant_create_toast:
 *
 * A toast for the window the import went into: the counts, a Details
 * button that shows the results again and an Undo button. Call it from
 * the done callback.
 *
 * Returns: (transfer full): the toast
 */
AdwToast *
sc_import_assistant_create_toast (ScImportAssistant *self)
{
  ImportEdit *edit;
  g_autofree char *message = NULL;
  AdwToast *toast;
  GtkWidget *box, *label, *details;

  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), NULL);
  g_return_val_if_fail (self->committed, NULL);

  message = sc_import_counts_to_string (&self->counts);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (message);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  details = gtk_button_new_with_mnemonic (_("_Details"));
  gtk_widget_add_css_class (details, "flat");
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);
  g_signal_connect_data (details, "clicked", G_CALLBACK (on_toast_details_clicked_cb),
                         g_object_ref (self->import), object_closure_notify, 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), details);
  adw_toast_set_custom_title (toast, box);

  edit = g_object_get_data (G_OBJECT (self), "sc-import-edit");
  if (edit != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_undo_clicked_cb),
                             import_edit_ref (edit), import_edit_closure_notify, 0);
    }

  return toast;
}

/* Private API, for the tests */

const char *
sc_import_assistant_get_step (ScImportAssistant *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
sc_import_assistant_is_busy (ScImportAssistant *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), FALSE);
  return is_step (self, "working") || self->previewing ||
         (is_step (self, "recipe") && sc_import_recipe_page_is_busy (self->recipe_page));
}

ScImport *
sc_import_assistant_get_import (ScImportAssistant *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), NULL);
  return self->import;
}

GtkListBox *
sc_import_assistant_get_problem_list (ScImportAssistant *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), NULL);
  return self->problems_list;
}

/* The row with the definition of the new KPI the file calls @name */
GtkWidget *
sc_import_assistant_get_definition_row (ScImportAssistant *self,
                                        const char        *name)
{
  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), NULL);

  for (guint i = 0; i < self->kpi_rows->len && i < self->definition_rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (self->kpi_rows, i)), name) == 0)
      return g_ptr_array_index (self->definition_rows, i);

  return NULL;
}

GtkListBox *
sc_import_assistant_get_similar_list (ScImportAssistant *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), NULL);
  return self->similar_list;
}
