/* sc-scorecard-groups-page.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Scorecards" page of the KPI editor: which scorecard is being edited
 * (the default one, whose KPIs are the definitions, or a partner group's),
 * and for a group which partners it applies to (a type and/or tags) and
 * which KPIs count with what target and weight. Every change applies at
 * once and is one undo step.
 */

#define G_LOG_DOMAIN "sc-scorecard-groups-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-kpi-check.h"
#include "sc-pending-edit.h"
#include "sc-scorecard-group.h"
#include "sc-scorecard-groups-page.h"

struct _ScScorecardGroupsPage
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *chooser_group;
  AdwPreferencesGroup *match_group;
  AdwPreferencesGroup *kpis_group;
  AdwComboRow         *scorecard_row;
  AdwComboRow         *type_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *tags_row;

  /* Owned state */
  ScWorkbook          *book;
  ScUndoStack         *undo_stack;
  ScPendingEdit       *edit;
  GtkStringList       *scorecards;  /* the default, then each group */
  GPtrArray           *kpi_rows;    /* AdwActionRow*, one per KPI */
  char                *editing_text;

  guint                syncing : 1;
  guint                applying : 1;
};

G_DEFINE_FINAL_TYPE (ScScorecardGroupsPage, sc_scorecard_groups_page, ADW_TYPE_PREFERENCES_PAGE)

static void sync_page (ScScorecardGroupsPage *self);

/* Undo: copies of every group */

static gpointer
groups_snapshot (GObject *target)
{
  ScWorkbook *book = SC_WORKBOOK (target);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_scorecard_group_unref);

  for (guint i = 0; i < sc_workbook_get_n_scorecard_groups (book); i++)
    g_ptr_array_add (groups, sc_scorecard_group_copy (sc_workbook_get_scorecard_group (book, i)));
  return groups;
}

static void
groups_restore (GObject  *target,
                gpointer  snapshot)
{
  GPtrArray *groups = snapshot;
  g_autoptr(GPtrArray) copies =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sc_scorecard_group_unref);

  for (guint i = 0; i < groups->len; i++)
    g_ptr_array_add (copies, sc_scorecard_group_copy (g_ptr_array_index (groups, i)));
  sc_workbook_set_scorecard_groups (SC_WORKBOOK (target), (ScScorecardGroup **) copies->pdata, copies->len);
}

static gboolean
groups_equal (gpointer a,
              gpointer b)
{
  GPtrArray *ga = a, *gb = b;

  if (ga->len != gb->len)
    return FALSE;
  for (guint i = 0; i < ga->len; i++)
    if (!sc_scorecard_group_equal (g_ptr_array_index (ga, i), g_ptr_array_index (gb, i)))
      return FALSE;
  return TRUE;
}

static const ScEditKind groups_edit_kind = {
  groups_snapshot, groups_restore, groups_equal, (GDestroyNotify) g_ptr_array_unref,
};

/* Helpers */

/* The group being edited; NULL: the default scorecard */
static ScScorecardGroup *
current_group (ScScorecardGroupsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->scorecard_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > sc_workbook_get_n_scorecard_groups (self->book))
    return NULL;
  return sc_workbook_get_scorecard_group (self->book, selected - 1);
}

/* Starts (or continues) the undo step @label and announces the change */
static void
begin_change (ScScorecardGroupsPage *self,
              const char            *label)
{
  sc_pending_edit_begin (self->edit, label);
}

static void
end_change (ScScorecardGroupsPage *self,
            gboolean               commit)
{
  self->applying = TRUE;
  sc_workbook_changed (self->book);
  self->applying = FALSE;
  if (commit)
    sc_pending_edit_commit (self->edit);
}

static void
fill_chooser (ScScorecardGroupsPage *self)
{
  guint n = sc_workbook_get_n_scorecard_groups (self->book);
  guint selected = adw_combo_row_get_selected (self->scorecard_row);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  g_strv_builder_add (builder, _("Default scorecard (the KPI definitions)"));
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, sc_scorecard_group_get_name (sc_workbook_get_scorecard_group (self->book, i)));
  names = g_strv_builder_end (builder);

  self->syncing = TRUE;
  gtk_string_list_splice (self->scorecards, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->scorecards)),
                          (const char * const *) names);
  adw_combo_row_set_selected (self->scorecard_row,
                              selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected, n));
  self->syncing = FALSE;
}

/* Tags as the user writes them: "commodity=Iron castings; segment=Structures" */
static char *
format_tags (const ScScorecardGroup *group)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sc_scorecard_group_get_n_tags (group); i++)
    {
      const char *key, *value;

      sc_scorecard_group_get_tag (group, i, &key, &value);
      g_string_append_printf (text, "%s%s=%s", i ? "; " : "", key, value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
parse_tags (const char       *text,
            ScScorecardGroup *group)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  g_autoptr(ScScorecardGroup) parsed = sc_scorecard_group_new ("parsed", NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = NULL;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      pair = g_strsplit (parts[i], "=", 2);
      if (pair[1] == NULL || *g_strstrip (pair[0]) == '\0')
        return FALSE;
      sc_scorecard_group_add_tag (parsed, pair[0], g_strstrip (pair[1]));
    }

  sc_scorecard_group_clear_tags (group);
  for (guint i = 0; i < sc_scorecard_group_get_n_tags (parsed); i++)
    {
      const char *key, *value;

      sc_scorecard_group_get_tag (parsed, i, &key, &value);
      sc_scorecard_group_add_tag (group, key, value);
    }
  return TRUE;
}

/* KPI rows */

static GtkWidget *
row_widget (GtkWidget  *row,
            const char *name)
{
  return g_object_get_data (G_OBJECT (row), name);
}

static void
on_kpi_active_changed_cb (ScScorecardGroupsPage *self)
{
  ScScorecardGroup *group = current_group (self);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) set = NULL;

  if (self->syncing || group == NULL)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->kpi_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->kpi_rows, i);

      if (gtk_switch_get_active (GTK_SWITCH (row_widget (row, "switch"))))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "kpi-id"));
    }
  set = g_strv_builder_end (builder);

  begin_change (self, _("Choose the KPIs of a scorecard"));
  sc_scorecard_group_set_kpis (group, (const char * const *) set);
  end_change (self, TRUE);
}

/* A target or weight typed: empty is the KPI's own, a bad number waits */
static void
on_kpi_entry_changed_cb (ScScorecardGroupsPage *self,
                         GtkEditable           *entry)
{
  ScScorecardGroup *group = current_group (self);
  GtkWidget *row = g_object_get_data (G_OBJECT (entry), "row");
  const char *id = g_object_get_data (G_OBJECT (row), "kpi-id");
  const char *text = gtk_editable_get_text (entry);
  gboolean is_weight = row_widget (row, "weight") == GTK_WIDGET (entry);
  double value = NAN;
  ScGroupKpi kpi;

  if (self->syncing || group == NULL)
    return;
  if (*text != '\0' && (!sc_kpi_check_parse_number (text, &value) || (is_weight && value < 0)))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");

  sc_scorecard_group_get_kpi (group, id, &kpi);
  if (is_weight)
    kpi.weight = value;
  else
    kpi.target = value;
  begin_change (self, _("Change a scorecard’s target or weight"));
  sc_scorecard_group_set_kpi (group, id, &kpi);
  end_change (self, FALSE);
}

static void
on_entry_focus_left_cb (ScScorecardGroupsPage *self)
{
  sc_pending_edit_commit (self->edit);
}

static GtkWidget *
kpi_entry_new (ScScorecardGroupsPage *self,
               GtkWidget             *row,
               ScKpi                 *kpi,
               gboolean               weight)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *own = sc_number_format (weight ? sc_kpi_get_weight (kpi) : sc_kpi_get_target (kpi));
  g_autofree char *label = g_strdup_printf (weight ? _("Weight of %s on this scorecard")
                                                   : _("Target of %s on this scorecard"),
                                            sc_kpi_get_name (kpi));

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 7);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), own);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (entry, weight ? _("Weight (empty: the KPI’s)") : _("Target (empty: the KPI’s)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (entry), "row", row);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_kpi_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_entry_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static GtkWidget *
kpi_row_new (ScScorecardGroupsPage *self,
             ScKpi                 *kpi)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *target = kpi_entry_new (self, row, kpi, FALSE);
  GtkWidget *weight = kpi_entry_new (self, row, kpi, TRUE);
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *label = g_strdup_printf (_("Score %s on this scorecard"), sc_kpi_get_name (kpi));
  g_autofree char *target_text = sc_kpi_format_value (kpi, sc_kpi_get_target (kpi), TRUE);
  g_autofree char *subtitle = g_strdup_printf (_("Default target %s · weight %g"), target_text,
                                               sc_kpi_get_weight (kpi));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_kpi_get_name (kpi));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), weight);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  g_object_set_data_full (G_OBJECT (row), "kpi-id", g_strdup (sc_kpi_get_id (kpi)), g_free);
  g_object_set_data (G_OBJECT (row), "switch", toggle);
  g_object_set_data (G_OBJECT (row), "target", target);
  g_object_set_data (G_OBJECT (row), "weight", weight);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_kpi_active_changed_cb), self, G_CONNECT_SWAPPED);
  return row;
}

/* One row per KPI of the workbook, made again when the KPIs changed */
static void
ensure_kpi_rows (ScScorecardGroupsPage *self)
{
  GListModel *kpis = sc_workbook_get_kpis (self->book);
  guint n = g_list_model_get_n_items (kpis);
  gboolean same = n == self->kpi_rows->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);

      same = g_strcmp0 (g_object_get_data (g_ptr_array_index (self->kpi_rows, i), "kpi-id"),
                        sc_kpi_get_id (kpi)) == 0;
    }
  if (same)
    return;

  for (guint i = 0; i < self->kpi_rows->len; i++)
    adw_preferences_group_remove (self->kpis_group, g_ptr_array_index (self->kpi_rows, i));
  g_ptr_array_set_size (self->kpi_rows, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);
      GtkWidget *row = kpi_row_new (self, kpi);

      adw_preferences_group_add (self->kpis_group, row);
      g_ptr_array_add (self->kpi_rows, row);
    }
}

static void
set_entry_number (GtkEditable *entry,
                  double       value)
{
  g_autofree char *text = isnan (value) ? g_strdup ("") : sc_number_format (value);
  double current;

  /* Leave what is being typed when it means the same */
  if ((isnan (value) && *gtk_editable_get_text (entry) == '\0') ||
      (sc_kpi_check_parse_number (gtk_editable_get_text (entry), &current) && current == value))
    return;
  gtk_editable_set_text (entry, text);
}

static void
sync_kpi_rows (ScScorecardGroupsPage *self,
               ScScorecardGroup      *group)
{
  ensure_kpi_rows (self);
  for (guint i = 0; i < self->kpi_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->kpi_rows, i);
      const char *id = g_object_get_data (G_OBJECT (row), "kpi-id");
      ScGroupKpi kpi;

      sc_scorecard_group_get_kpi (group, id, &kpi);
      gtk_switch_set_active (GTK_SWITCH (row_widget (row, "switch")),
                             sc_scorecard_group_includes_kpi (group, id));
      set_entry_number (GTK_EDITABLE (row_widget (row, "target")), kpi.target);
      set_entry_number (GTK_EDITABLE (row_widget (row, "weight")), kpi.weight);
    }
}

/* Shows the scorecard chosen */
static void
sync_page (ScScorecardGroupsPage *self)
{
  ScScorecardGroup *group = current_group (self);
  g_autofree char *tags = NULL;
  ScPartnerType type;

  g_free (self->editing_text);
  self->editing_text = group ? g_strdup_printf (_("Editing the %s scorecard"), sc_scorecard_group_get_name (group))
                             : g_strdup (_("Editing the default scorecard: its KPIs, targets and weights are the "
                                           "KPI definitions on the KPIs page"));
  adw_preferences_group_set_description (self->match_group, self->editing_text);
  gtk_widget_set_visible (GTK_WIDGET (self->match_group), group != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->kpis_group), group != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecards.remove", group != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecards.move-up",
                                 adw_combo_row_get_selected (self->scorecard_row) >= 2 &&
                                 adw_combo_row_get_selected (self->scorecard_row) != GTK_INVALID_LIST_POSITION);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scorecard_row), group ? "" : self->editing_text);
  if (group == NULL)
    return;

  self->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), sc_scorecard_group_get_name (group)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), sc_scorecard_group_get_name (group));
  adw_combo_row_set_selected (self->type_row,
                              !sc_scorecard_group_get_partner_type (group, &type) ? 0 :
                              type == SC_PARTNER_SUPPLIER ? 1 : 2);
  tags = format_tags (group);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->tags_row), "error") &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), tags) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  sync_kpi_rows (self, group);
  self->syncing = FALSE;
}

/* Callbacks */

static void
on_scorecard_selected_cb (ScScorecardGroupsPage *self)
{
  if (self->syncing || self->book == NULL)
    return;
  sc_pending_edit_commit (self->edit);
  gtk_widget_remove_css_class (GTK_WIDGET (self->tags_row), "error");
  sync_page (self);
}

static void
on_name_changed_cb (ScScorecardGroupsPage *self)
{
  ScScorecardGroup *group = self->book ? current_group (self) : NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (self->syncing || group == NULL || *name == '\0')
    return;

  begin_change (self, _("Rename a scorecard"));
  sc_scorecard_group_set_name (group, name);
  end_change (self, FALSE);
  fill_chooser (self);
  sync_page (self);
}

static void
on_type_selected_cb (ScScorecardGroupsPage *self)
{
  ScScorecardGroup *group = self->book ? current_group (self) : NULL;
  guint selected = adw_combo_row_get_selected (self->type_row);

  if (self->syncing || group == NULL)
    return;

  begin_change (self, _("Change which partners a scorecard applies to"));
  sc_scorecard_group_set_partner_type (group, selected == 0,
                                       selected == 2 ? SC_PARTNER_CUSTOMER : SC_PARTNER_SUPPLIER);
  end_change (self, TRUE);
}

static void
on_tags_changed_cb (ScScorecardGroupsPage *self)
{
  ScScorecardGroup *group = self->book ? current_group (self) : NULL;
  g_autoptr(ScScorecardGroup) edited = NULL;

  if (self->syncing || group == NULL)
    return;

  edited = sc_scorecard_group_copy (group);
  if (!parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), edited))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->tags_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->tags_row), _("Write each tag as key=value, separated by “;”"));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->tags_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tags_row), NULL);

  begin_change (self, _("Change which partners a scorecard applies to"));
  parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), group);
  end_change (self, FALSE);
}

static void
on_workbook_changed_cb (ScScorecardGroupsPage *self)
{
  /* Undo and redo change the groups behind our back */
  if (self->applying)
    return;
  fill_chooser (self);
  sync_page (self);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ScScorecardGroupsPage *self = SC_SCORECARD_GROUPS_PAGE (widget);
  guint n = sc_workbook_get_n_scorecard_groups (self->book);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(ScScorecardGroup) group = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  for (guint k = n + 1; id == NULL || sc_workbook_lookup_scorecard_group (self->book, id); k++)
    {
      g_free (id);
      id = g_strdup_printf ("group-%u", k);
      g_free (name);
      name = g_strdup_printf (_("Group %u"), k);
    }
  group = sc_scorecard_group_new (id, name);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (groups, sc_workbook_get_scorecard_group (self->book, i));
  g_ptr_array_add (groups, group);

  sc_pending_edit_commit (self->edit);
  begin_change (self, _("Add a scorecard"));
  self->applying = TRUE;
  sc_workbook_set_scorecard_groups (self->book, (ScScorecardGroup **) groups->pdata, groups->len);
  self->applying = FALSE;
  sc_pending_edit_commit (self->edit);

  fill_chooser (self);
  sc_scorecard_groups_page_select (self, n + 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScScorecardGroupsPage *self = SC_SCORECARD_GROUPS_PAGE (widget);
  ScScorecardGroup *current = current_group (self);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  if (current == NULL)
    return;
  for (guint i = 0; i < sc_workbook_get_n_scorecard_groups (self->book); i++)
    if (sc_workbook_get_scorecard_group (self->book, i) != current)
      g_ptr_array_add (groups, sc_workbook_get_scorecard_group (self->book, i));

  sc_pending_edit_commit (self->edit);
  begin_change (self, _("Remove a scorecard"));
  self->applying = TRUE;
  sc_workbook_set_scorecard_groups (self->book, (ScScorecardGroup **) groups->pdata, groups->len);
  self->applying = FALSE;
  sc_pending_edit_commit (self->edit);

  fill_chooser (self);
  sync_page (self);
}

/* Moves the group shown one place earlier: the first group that matches
 * a partner the same way wins (docs/scoring.md)
 */
static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScScorecardGroupsPage *self = SC_SCORECARD_GROUPS_PAGE (widget);
  guint selected = adw_combo_row_get_selected (self->scorecard_row);
  guint n = sc_workbook_get_n_scorecard_groups (self->book);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  if (selected < 2 || selected > n)
    return;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (groups, sc_workbook_get_scorecard_group (self->book, i));
  groups->pdata[selected - 1] = sc_workbook_get_scorecard_group (self->book, selected - 2);
  groups->pdata[selected - 2] = sc_workbook_get_scorecard_group (self->book, selected - 1);

  sc_pending_edit_commit (self->edit);
  begin_change (self, _("Move a scorecard up"));
  self->applying = TRUE;
  sc_workbook_set_scorecard_groups (self->book, (ScScorecardGroup **) groups->pdata, groups->len);
  self->applying = FALSE;
  sc_pending_edit_commit (self->edit);

  fill_chooser (self);
  sc_scorecard_groups_page_select (self, selected - 1);
}

/* GObject */

static void
sc_scorecard_groups_page_dispose (GObject *object)
{
  ScScorecardGroupsPage *self = (ScScorecardGroupsPage *)object;

  if (self->edit != NULL)
    sc_pending_edit_commit (self->edit);
  g_clear_pointer (&self->kpi_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SCORECARD_GROUPS_PAGE);

  G_OBJECT_CLASS (sc_scorecard_groups_page_parent_class)->dispose (object);
}

static void
sc_scorecard_groups_page_finalize (GObject *object)
{
  ScScorecardGroupsPage *self = (ScScorecardGroupsPage *)object;

  g_clear_pointer (&self->edit, sc_pending_edit_free);
  g_clear_pointer (&self->editing_text, g_free);
  g_clear_object (&self->scorecards);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (sc_scorecard_groups_page_parent_class)->finalize (object);
}

static void
sc_scorecard_groups_page_class_init (ScScorecardGroupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_scorecard_groups_page_dispose;
  object_class->finalize = sc_scorecard_groups_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-scorecard-groups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScScorecardGroupsPage, chooser_group);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardGroupsPage, match_group);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardGroupsPage, kpis_group);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardGroupsPage, scorecard_row);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardGroupsPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardGroupsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScScorecardGroupsPage, tags_row);
  gtk_widget_class_bind_template_callback (widget_class, on_scorecard_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tags_changed_cb);

  gtk_widget_class_install_action (widget_class, "scorecards.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "scorecards.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "scorecards.move-up", NULL, move_up_action);
}

static void
sc_scorecard_groups_page_init (ScScorecardGroupsPage *self)
{
  GtkEventController *name_focus = gtk_event_controller_focus_new ();
  GtkEventController *tags_focus = gtk_event_controller_focus_new ();

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  self->kpi_rows = g_ptr_array_new ();
  self->scorecards = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->scorecard_row, G_LIST_MODEL (self->scorecards));
  g_signal_connect_object (name_focus, "leave", G_CALLBACK (on_entry_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->name_row), name_focus);
  g_signal_connect_object (tags_focus, "leave", G_CALLBACK (on_entry_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tags_row), tags_focus);
}

/* Public API */

/* The page for @book, recording every change on @undo_stack (may be %NULL). */
ScScorecardGroupsPage *
sc_scorecard_groups_page_new (ScWorkbook  *book,
                              ScUndoStack *undo_stack)
{
  ScScorecardGroupsPage *self;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);

  self = g_object_new (SC_TYPE_SCORECARD_GROUPS_PAGE, NULL);
  self->book = g_object_ref (book);
  self->undo_stack = undo_stack ? g_object_ref (undo_stack) : NULL;
  self->edit = sc_pending_edit_new (&groups_edit_kind, G_OBJECT (book), undo_stack);
  g_signal_connect_object (book, "changed", G_CALLBACK (on_workbook_changed_cb), self, G_CONNECT_SWAPPED);
  fill_chooser (self);
  sync_page (self);

  return self;
}

/* Ends the edit in progress, so that it is an undo step of its own. */
void
sc_scorecard_groups_page_commit (ScScorecardGroupsPage *self)
{
  g_return_if_fail (SC_IS_SCORECARD_GROUPS_PAGE (self));

  if (self->edit != NULL)
    sc_pending_edit_commit (self->edit);
}

/* 0: the default scorecard; n: the workbook's group n − 1 */
guint
sc_scorecard_groups_page_get_selected (ScScorecardGroupsPage *self)
{
  g_return_val_if_fail (SC_IS_SCORECARD_GROUPS_PAGE (self), 0);
  return adw_combo_row_get_selected (self->scorecard_row);
}

void
sc_scorecard_groups_page_select (ScScorecardGroupsPage *self,
                                 guint                  position)
{
  g_return_if_fail (SC_IS_SCORECARD_GROUPS_PAGE (self));

  adw_combo_row_set_selected (self->scorecard_row, position);
  sync_page (self);
}

/* "Editing the Carriers scorecard" */
const char *
sc_scorecard_groups_page_get_editing_text (ScScorecardGroupsPage *self)
{
  g_return_val_if_fail (SC_IS_SCORECARD_GROUPS_PAGE (self), NULL);
  return self->editing_text;
}

/* For the tests */

GtkEditable *
sc_scorecard_groups_page_get_name_row (ScScorecardGroupsPage *self)
{
  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
sc_scorecard_groups_page_get_tags_row (ScScorecardGroupsPage *self)
{
  return GTK_EDITABLE (self->tags_row);
}

static GtkWidget *
find_kpi_row (ScScorecardGroupsPage *self,
              const char            *kpi_id)
{
  for (guint i = 0; i < self->kpi_rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->kpi_rows, i), "kpi-id"), kpi_id) == 0)
      return g_ptr_array_index (self->kpi_rows, i);
  return NULL;
}

GtkSwitch *
sc_scorecard_groups_page_get_kpi_switch (ScScorecardGroupsPage *self,
                                         const char            *kpi_id)
{
  GtkWidget *row = find_kpi_row (self, kpi_id);

  return row ? GTK_SWITCH (row_widget (row, "switch")) : NULL;
}

GtkEditable *
sc_scorecard_groups_page_get_kpi_entry (ScScorecardGroupsPage *self,
                                        const char            *kpi_id,
                                        gboolean               weight)
{
  GtkWidget *row = find_kpi_row (self, kpi_id);

  return row ? GTK_EDITABLE (row_widget (row, weight ? "weight" : "target")) : NULL;
}
