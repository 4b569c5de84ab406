/* sc-import-assistant-pages.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each step of the import assistant shows: the preview table and the
 * detected format, one row per column with its role, one row per KPI with
 * its match, and the validation results with every problem by file, line
 * and column. The steps themselves live in sc-import-assistant.c.
 */

#define G_LOG_DOMAIN "sc-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-catalogue.h"
#include "sc-import-assistant-private.h"
#include "sc-kpi-definition-row.h"

#define MAX_PROBLEM_ROWS 500
#define MAX_SIMILAR_ROWS 200
#define SAMPLE_LENGTH 48

/* Preview */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (user_data);
  const char *text = gtk_string_list_get_string (row, column);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

static void
clear_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}

static char *
column_title (ScImportAssistant *self,
              guint              column)
{
  const char *header = self->preview->header[column];

  /* Translators: a column whose header cell is empty */
  return *header ? g_strdup (header) : g_strdup_printf (_("Column %u"), column + 1);
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return _("Comma");
    case ';':
      return _("Semicolon");
    case '\t':
      return _("Tab");
    case '|':
      return _("Pipe");
    default:
      return "?";
    }
}

/* What was detected, under each option left on Automatic */
static void
show_detected (ScImportAssistant *self)
{
  const ScImportPreview *p = self->preview;
  g_autofree char *delimiter = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *decimal = NULL;
  const char *layout = "";

  if (p != NULL && p->format == SC_IMPORT_FORMAT_CSV)
    {
      layout = p->layout == SC_IMPORT_LAYOUT_LONG ? _("Long: one value per row")
                                                  : _("Wide: one column per KPI");
      /* Translators: what the file was found to use, e.g. "Detected: Semicolon" */
      delimiter = g_strdup_printf (_("Detected: %s"), delimiter_name (p->delimiter));
      encoding = g_strdup_printf (_("Detected: %s"), p->encoding);
      decimal = g_strdup_printf (_("Detected: %s"), p->decimal_mark == ',' ? _("Comma") : _("Point"));
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->layout_row), layout);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row),
                               adw_combo_row_get_selected (self->delimiter_row) == 0 && delimiter ? delimiter : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row),
                               adw_combo_row_get_selected (self->encoding_row) == 0 && encoding ? encoding : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decimal_row),
                               adw_combo_row_get_selected (self->decimal_row) == 0 && decimal ? decimal : "");
}

/* The preview table: one column per header cell, one row per row read. */
void
_sc_import_assistant_show_preview (ScImportAssistant *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  const ScImportPreview *p = self->preview;

  clear_columns (self->preview_view);
  g_list_store_remove_all (self->preview_rows);
  show_detected (self);

  if (p == NULL || p->format != SC_IMPORT_FORMAT_CSV)
    {
      gtk_label_set_label (self->preview_label, "");
      return;
    }

  for (guint i = 0; i < p->n_columns; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *title = column_title (self, i);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->preview_view, column);
    }

  for (guint r = 0; r < p->rows->len; r++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new ((const char * const *) g_ptr_array_index (p->rows, r));

      g_list_store_append (self->preview_rows, row);
    }

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->preview_rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));

  if (p->more)
    gtk_label_set_label (self->preview_label, _("The first rows, as they will be read"));
  else
    gtk_label_set_label (self->preview_label, _("Every row, as it will be read"));
}

/* Column mapping */

static const char *
role_label (ScImportRole role)
{
  switch (role)
    {
    case SC_IMPORT_ROLE_PARTNER:
      return _("Partner");
    case SC_IMPORT_ROLE_PARTNER_ID:
      return _("Partner ID");
    case SC_IMPORT_ROLE_PARTNER_TYPE:
      return _("Partner Type");
    case SC_IMPORT_ROLE_KPI:
      return _("KPI");
    case SC_IMPORT_ROLE_PERIOD:
      return _("Period");
    case SC_IMPORT_ROLE_VALUE:
      return _("Value");
    case SC_IMPORT_ROLE_TARGET:
      return _("Target");
    case SC_IMPORT_ROLE_NUMERATOR:
      return _("Numerator");
    case SC_IMPORT_ROLE_DENOMINATOR:
      return _("Denominator");
    case SC_IMPORT_ROLE_KPI_COLUMN:
      return _("Values of This KPI (Wide)");
    case SC_IMPORT_ROLE_IGNORE:
    case SC_IMPORT_N_ROLES:
    default:
      return _("Ignore");
    }
}

/* "e.g. 97,5, 93,25, 1.234,5": the first distinct values of @column */
static char *
column_samples (const ScImportPreview *p,
                guint                  column)
{
  g_autoptr(GString) samples = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < p->rows->len && g_hash_table_size (seen) < 3; r++)
    {
      const char *cell = sc_import_preview_get_cell (p, r, column);

      if (*cell == '\0' || !g_hash_table_add (seen, (gpointer) cell))
        continue;
      if (samples->len > 0)
        g_string_append (samples, "  ·  ");
      g_string_append (samples, cell);
    }

  if (samples->len > SAMPLE_LENGTH)
    {
      g_string_truncate (samples, g_utf8_find_prev_char (samples->str, samples->str + SAMPLE_LENGTH) - samples->str);
      g_string_append (samples, "…");
    }

  return samples->len ? g_strdup (samples->str) : g_strdup (_("Empty in the first rows"));
}

static void
on_role_changed_cb (AdwComboRow       *row,
                    GParamSpec        *pspec,
                    ScImportAssistant *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (column < self->roles->len && selected < SC_IMPORT_N_ROLES)
    g_array_index (self->roles, ScImportRole, column) = selected;

  /* The KPIs and results belong to the old mapping */
  g_clear_object (&self->import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next",
                                 _sc_import_assistant_check_mapping (self));
}

static void
clear_group (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* One row per column, its role chosen from a list, pre-filled from detection. */
void
_sc_import_assistant_fill_mapping (ScImportAssistant *self)
{
  const ScImportPreview *p = self->preview;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  clear_group (self->mapping_group, self->mapping_rows);
  if (p == NULL || p->format != SC_IMPORT_FORMAT_CSV)
    return;

  for (guint r = 0; r < SC_IMPORT_N_ROLES; r++)
    gtk_string_list_append (labels, role_label (r));

  for (guint i = 0; i < p->n_columns; i++)
    {
      g_autofree char *title = column_title (self, i);
      g_autofree char *samples = column_samples (p, i);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_array_index (self->roles, ScImportRole, i));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_role_changed_cb), self, 0);
      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }

  _sc_import_assistant_check_mapping (self);
}

/* Says what the mapping lacks; TRUE when it has what an import needs. */
/* TRUE when every column of KPI values is headed with its period ("Mar
 * 2025 OTD", as a sheet with months merged over its KPIs gives): then no
 * period column is needed.
 */
static gboolean
kpi_columns_name_periods (ScImportAssistant *self)
{
  guint n = 0;

  for (guint i = 0; i < self->roles->len && i < self->preview->n_columns; i++)
    {
      g_autofree char *period = NULL;
      const char *kpi;

      if (g_array_index (self->roles, ScImportRole, i) != SC_IMPORT_ROLE_KPI_COLUMN)
        continue;
      if (self->preview->header == NULL || self->preview->header[i] == NULL ||
          !sc_import_split_period_header (self->preview->header[i], &period, &kpi))
        return FALSE;
      n++;
    }
  return n > 0;
}

gboolean
_sc_import_assistant_check_mapping (ScImportAssistant *self)
{
  guint counts[SC_IMPORT_N_ROLES] = { 0 };
  g_autofree char *hint = NULL;
  gboolean long_layout;

  if (self->preview == NULL || self->preview->format != SC_IMPORT_FORMAT_CSV)
    return self->preview != NULL;

  for (guint i = 0; i < self->roles->len; i++)
    counts[g_array_index (self->roles, ScImportRole, i)]++;
  long_layout = adw_combo_row_get_selected (self->layout_row) == 1 ||
                (adw_combo_row_get_selected (self->layout_row) == 0 &&
                 counts[SC_IMPORT_ROLE_KPI] > 0 && counts[SC_IMPORT_ROLE_VALUE] > 0);

  for (guint r = SC_IMPORT_ROLE_PARTNER; hint == NULL && r < SC_IMPORT_ROLE_KPI_COLUMN; r++)
    if (counts[r] > 1)
      /* Translators: %s is a role, e.g. "Partner" */
      hint = g_strdup_printf (_("Two columns hold the %s; choose one."), role_label (r));

  if (hint != NULL)
    ;
  else if (counts[SC_IMPORT_ROLE_PARTNER] + counts[SC_IMPORT_ROLE_PARTNER_ID] == 0)
    hint = g_strdup (_("Choose the column that names the partner."));
  else if (counts[SC_IMPORT_ROLE_PERIOD] == 0 && (long_layout || !kpi_columns_name_periods (self)))
    hint = g_strdup (_("Choose the column that holds the period."));
  else if (long_layout && (counts[SC_IMPORT_ROLE_KPI] == 0 || counts[SC_IMPORT_ROLE_VALUE] == 0))
    hint = g_strdup (_("A long file needs a KPI column and a value column."));
  else if (!long_layout && counts[SC_IMPORT_ROLE_KPI_COLUMN] == 0)
    hint = g_strdup (_("A wide file needs at least one column of KPI values."));

  gtk_label_set_label (self->mapping_hint, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_hint), hint != NULL);

  return hint == NULL;
}

/* KPI matching */

/* The definition rows of the KPIs that are new, and their group if any is */
static void
show_definition_rows (ScImportAssistant *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->kpi_rows->len && i < self->definition_rows->len; i++)
    {
      gboolean new_kpi = adw_combo_row_get_selected (g_ptr_array_index (self->kpi_rows, i)) == 0;

      gtk_widget_set_visible (g_ptr_array_index (self->definition_rows, i), new_kpi);
      any |= new_kpi;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->new_kpi_group), any);
}

static void
on_kpi_match_changed_cb (AdwComboRow       *row,
                         GParamSpec        *pspec,
                         ScImportAssistant *self)
{
  const char * const *ids = g_object_get_data (G_OBJECT (row), "ids");
  const char * const *spellings = g_object_get_data (G_OBJECT (row), "spellings");
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || ids == NULL || selected >= g_strv_length ((char **) ids))
    return;

  for (guint i = 0; spellings[i]; i++)
    g_hash_table_insert (self->kpi_matches, g_strdup (spellings[i]), g_strdup (ids[selected]));
  self->matches_changed = TRUE;
  show_definition_rows (self);
}

/* The user changed a new KPI's definition: the import takes it, and so
 * does the next analysis of the file.
 */
static void
on_definition_changed_cb (ScKpi             *definition,
                          GParamSpec        *pspec,
                          ScImportAssistant *self)
{
  const char *name = g_object_get_data (G_OBJECT (definition), "name-as-written");

  g_hash_table_replace (self->new_kpis, g_strdup (name), g_object_ref (definition));
  if (self->import != NULL)
    sc_import_set_new_kpi (self->import, name, definition);
}

/* The definition a new KPI gets, guessed and editable; an edit applies to
 * a detached copy, without undo.
 */
static GtkWidget *
definition_row_new (ScImportAssistant *self,
                    guint              position)
{
  g_autoptr(ScKpi) definition = sc_import_dup_kpi_definition (self->import, position);
  GtkWidget *row = sc_kpi_definition_row_new (definition, NULL);

  g_object_set_data_full (G_OBJECT (definition), "name-as-written",
                          g_strdup (sc_import_get_kpi_name (self->import, position)), g_free);
  g_signal_connect_object (definition, "notify", G_CALLBACK (on_definition_changed_cb), self, 0);

  return row;
}

/* The choices for one KPI of the file: new, the workbook's, the catalogue's. */
static void
kpi_choices (ScImportAssistant  *self,
             const char         *name,
             GtkStringList      *labels,
             GPtrArray          *ids)
{
  GListModel *kpis = self->book ? sc_workbook_get_kpis (self->book) : NULL;

  /* Translators: %s is a KPI name as the file writes it */
  g_autofree char *new_label = g_strdup_printf (_("New KPI “%s”"), name);

  gtk_string_list_append (labels, new_label);
  g_ptr_array_add (ids, g_strdup (""));

  for (guint i = 0; kpis && i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);

      gtk_string_list_append (labels, sc_kpi_get_name (kpi));
      g_ptr_array_add (ids, g_strdup (sc_kpi_get_id (kpi)));
    }

  for (guint i = 0; i < sc_catalogue_get_n_kpis (); i++)
    {
      g_autoptr(ScKpi) kpi = sc_catalogue_create_kpi (i);
      g_autofree char *label = NULL;

      if (self->book && sc_workbook_lookup_kpi (self->book, sc_kpi_get_id (kpi)))
        continue;
      /* Translators: a KPI of the built-in catalogue, e.g. "Scrap rate (built-in)" */
      label = g_strdup_printf (_("%s (built-in)"), sc_kpi_get_name (kpi));
      gtk_string_list_append (labels, label);
      g_ptr_array_add (ids, g_strdup (sc_kpi_get_id (kpi)));
    }
  g_ptr_array_add (ids, NULL);
}

static GtkWidget *
kpi_row_new (ScImportAssistant *self,
             guint              position)
{
  const char *name = sc_import_get_kpi_name (self->import, position);
  g_auto(GStrv) spellings = sc_import_dup_kpi_spellings (self->import, position);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *id = NULL;
  ScImportKpiMatch match;
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  kpi_choices (self, name, labels, ids);
  match = sc_import_match_kpi (self->import, position, self->book, &id);
  for (guint i = 1; match != SC_IMPORT_KPI_MATCH_NEW && i + 1 < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      selected = i;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (g_strv_length (spellings) > 1)
    {
      g_autofree char *joined = g_strjoinv (", ", spellings);
      /* Translators: the ways a file writes one KPI, e.g. "Written OTD, On-time delivery %" */
      g_autofree char *subtitle = g_strdup_printf (_("Written %s"), joined);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "ids", g_ptr_array_free (g_steal_pointer (&ids), FALSE),
                          (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (row), "spellings", g_steal_pointer (&spellings),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_kpi_match_changed_cb), self, 0);

  return row;
}

/* One row per KPI the file names, with what it is matched to. */
void
_sc_import_assistant_fill_kpis (ScImportAssistant *self)
{
  clear_group (self->kpi_group, self->kpi_rows);
  clear_group (self->new_kpi_group, self->definition_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->new_kpi_group), FALSE);
  if (self->import == NULL)
    return;

  /* A recipe names its KPIs by id: nothing to match, only new ones to define */
  gtk_widget_set_visible (GTK_WIDGET (self->kpi_group), sc_import_get_recipe (self->import) == NULL);

  self->updating = TRUE;
  for (guint i = 0; i < sc_import_get_n_kpis (self->import); i++)
    {
      GtkWidget *row = kpi_row_new (self, i);
      GtkWidget *definition = definition_row_new (self, i);

      adw_preferences_group_add (self->kpi_group, row);
      g_ptr_array_add (self->kpi_rows, row);
      adw_preferences_group_add (self->new_kpi_group, definition);
      g_ptr_array_add (self->definition_rows, definition);
    }
  show_definition_rows (self);
  self->updating = FALSE;
}

/* Results */

static void
set_count (GtkLabel *label,
           guint64   n)
{
  g_autofree char *text = g_strdup_printf ("%'" G_GUINT64_FORMAT, n);

  gtk_label_set_label (label, text);
}

static void
set_period_range (ScImportAssistant *self)
{
  ScPeriod first, last;
  ScGranularity granularity = sc_import_get_granularity (self->import);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *range = NULL;

  if (!sc_import_get_period_range (self->import, &first, &last))
    {
      gtk_label_set_label (self->periods_label, "–");
      return;
    }

  from = sc_period_to_label (granularity, first);
  to = sc_period_to_label (granularity, last);
  /* Translators: a range of periods, e.g. "Jan 2025 – Dec 2025" */
  range = first == last ? g_strdup (from) : g_strdup_printf (_("%s – %s"), from, to);
  gtk_label_set_label (self->periods_label, range);
}

static GtkWidget *
problem_row_new (const ScImportProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *where = NULL;

  if (problem->line > 0 && problem->column > 0)
    where = g_strdup_printf ("%s:%" G_GUINT64_FORMAT ":%u", problem->file, problem->line, problem->column);
  else if (problem->line > 0)
    where = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, problem->file, problem->line);
  else
    where = g_strdup (problem->file);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
fill_problems (ScImportAssistant *self,
               GPtrArray         *problems,
               gboolean           skipping)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  for (guint i = 0; problems && i < MIN (problems->len, MAX_PROBLEM_ROWS); i++)
    gtk_list_box_append (self->problems_list, problem_row_new (g_ptr_array_index (problems, i)));

  if (problems && problems->len > MAX_PROBLEM_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("And %u more"), problems->len - MAX_PROBLEM_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (self->problems_list, row);
    }

  adw_preferences_group_set_title (self->problems_group, skipping ? _("Skipped Rows") : _("Problems"));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems && problems->len > 0);
}

static GtkWidget *
similar_row_new (const ScImportNearDuplicate *pair)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  /* Translators: two partner names that look alike */
  title = g_strdup_printf (_("“%s” and “%s”"), pair->first, pair->second);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pair->in_workbook ? _("The first is in the workbook")
                                                                        : _("Both are in the file"));
  return row;
}

/* Partner names that look alike and were not merged. Before the import,
 * compared with the workbook's too, as commit will.
 */
static void
fill_similar (ScImportAssistant *self)
{
  GPtrArray *pairs;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->similar_list))) != NULL)
    gtk_list_box_remove (self->similar_list, child);

  if (self->import == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->similar_group), FALSE);
      return;
    }

  if (!self->details && !self->committed && self->import_error == NULL)
    sc_import_find_near_duplicates (self->import, self->book);
  pairs = sc_import_get_near_duplicates (self->import);
  for (guint i = 0; i < MIN (pairs->len, MAX_SIMILAR_ROWS); i++)
    gtk_list_box_append (self->similar_list, similar_row_new (g_ptr_array_index (pairs, i)));
  if (pairs->len > MAX_SIMILAR_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("And %u more"), pairs->len - MAX_SIMILAR_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (self->similar_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->similar_group), pairs->len > 0);
}

static char *
status_text (ScImportAssistant *self,
             gboolean          *is_error)
{
  GPtrArray *problems = sc_import_get_problems (self->import);
  guint64 n_values = sc_import_get_n_values (self->import);
  g_autofree char *values = g_strdup_printf ("%'" G_GUINT64_FORMAT, n_values);

  *is_error = TRUE;
  if (self->commit_error != NULL)
    return g_strdup_printf (_("The import failed and the workbook was not changed. %s"), self->commit_error);
  if (self->import_error != NULL)
    return g_strdup_printf (_("The file cannot be imported. %s"), self->import_error->message);
  if (n_values == 0)
    return g_strdup (_("The file holds no values to import."));
  if (problems->len > 0 && !gtk_switch_get_active (self->skip_switch))
    return g_strdup_printf (ngettext ("%u row has a problem. Turn on “Skip bad rows” to import the "
                                      "others, or correct the file and choose it again.",
                                      "%u rows have problems. Turn on “Skip bad rows” to import the "
                                      "others, or correct the file and choose it again.",
                                      problems->len), problems->len);

  *is_error = FALSE;
  if (self->details)
    return g_strdup_printf (ngettext ("%s value was imported.", "%s values were imported.", n_values), values);
  if (problems->len > 0)
    return g_strdup_printf (ngettext ("%s value will be imported; the rows below will be skipped.",
                                      "%s values will be imported; the rows below will be skipped.",
                                      n_values), values);

  return g_strdup_printf (ngettext ("Ready to import %s value.", "Ready to import %s values.", n_values),
                          values);
}

/* The counts, the problems and what the import will do. */
void
_sc_import_assistant_fill_results (ScImportAssistant *self)
{
  g_autofree char *status = NULL;
  gboolean is_error;

  fill_similar (self);
  if (self->import == NULL)
    {
      fill_problems (self, NULL, FALSE);
      return;
    }

  set_count (self->values_label, sc_import_get_n_values (self->import));
  set_count (self->partners_label, sc_import_get_n_partners (self->import));
  set_count (self->kpis_label, sc_import_get_n_kpis (self->import));
  set_count (self->replaced_label, sc_import_get_n_replaced (self->import));
  set_period_range (self);
  fill_problems (self, sc_import_get_problems (self->import), gtk_switch_get_active (self->skip_switch));

  status = status_text (self, &is_error);
  gtk_label_set_label (self->results_status, status);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->results_status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->results_status), "error");
}

gboolean
_sc_import_assistant_can_import (ScImportAssistant *self)
{
  return self->import != NULL && !self->details && !self->committed &&
         self->import_error == NULL && self->commit_error == NULL &&
         sc_import_get_n_values (self->import) > 0 &&
         (sc_import_get_problems (self->import)->len == 0 || gtk_switch_get_active (self->skip_switch));
}

/* Private API, for the tests */

guint
sc_import_assistant_get_n_preview_columns (ScImportAssistant *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), 0);
  return g_list_model_get_n_items (gtk_column_view_get_columns (self->preview_view));
}

/* The text of a preview cell, as the table's model holds it. */
const char *
sc_import_assistant_get_preview_cell (ScImportAssistant *self,
                                      guint              row,
                                      guint              column)
{
  g_autoptr(GtkStringList) item = NULL;

  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), NULL);

  if (row >= g_list_model_get_n_items (G_LIST_MODEL (self->preview_rows)))
    return NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->preview_rows), row);
  return gtk_string_list_get_string (item, column);
}

AdwComboRow *
sc_import_assistant_get_column_row (ScImportAssistant *self,
                                    guint              column)
{
  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), NULL);
  return column < self->mapping_rows->len ? g_ptr_array_index (self->mapping_rows, column) : NULL;
}

AdwComboRow *
sc_import_assistant_get_kpi_row (ScImportAssistant *self,
                                 const char        *name)
{
  g_return_val_if_fail (SC_IS_IMPORT_ASSISTANT (self), NULL);

  for (guint i = 0; i < self->kpi_rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (self->kpi_rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), name) == 0)
        return ADW_COMBO_ROW (row);
    }

  return NULL;
}
