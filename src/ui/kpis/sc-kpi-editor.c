/* sc-kpi-editor.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "KPI definitions" window: every KPI of a workbook with its target,
 * thresholds, weight and aggregation, KPIs added from the built-in
 * catalogue, one partner's overrides of target and weight, the standings
 * (grade bands with their actions), the watch list and the trend length,
 * and the scorecards of partner groups (sc-scorecard-groups-page.c). Every change applies to the workbook at once, so
 * the scores behind the window update live, and is one undo step.
 */

#define G_LOG_DOMAIN "sc-kpi-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-catalogue.h"
#include "sc-kpi-definition-row.h"
#include "sc-kpi-editor.h"
#include "sc-kpi-editor-private.h"
#include "sc-kpi-override-row.h"
#include "sc-pending-edit.h"
#include "sc-scorecard-groups-page.h"
#include "sc-standing.h"

struct _ScKpiEditor
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *kpi_group;
  GtkMenuButton        *add_button;
  AdwPreferencesPage   *overrides_page;
  AdwPreferencesGroup  *overrides_group;
  AdwPreferencesGroup  *bands_group;
  GtkSpinButton        *trend_spin;
  AdwPreferencesGroup  *actions_group;
  GtkSpinButton        *watch_spin;

  /* Owned state */
  ScWorkbook           *book;
  ScUndoStack          *undo_stack;
  ScPartner            *partner;
  GPtrArray            *kpi_rows;       /* ScKpiDefinitionRow* */
  GPtrArray            *override_rows;  /* ScKpiOverrideRow* */
  GPtrArray            *band_rows;      /* AdwActionRow*, best grade first */
  GPtrArray            *band_spins;     /* GtkSpinButton*, all bands but the worst */
  GPtrArray            *action_rows;    /* AdwEntryRow*, a standing's action, best first */
  GMenu                *catalogue_menu;
  ScPendingEdit        *overrides_edit;
  ScPendingEdit        *bands_edit;
  ScPendingEdit        *trend_edit;
  ScPendingEdit        *watch_edit;
  ScScorecardGroupsPage *groups_page;  /* owned by the window */

  guint                 syncing : 1;
  guint                 applying : 1;
};

G_DEFINE_FINAL_TYPE (ScKpiEditor, sc_kpi_editor, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_UNDO_STACK,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const ScGradeBand default_bands[] = {
  { (char *) "A", 90 }, { (char *) "B", 75 }, { (char *) "C", 60 }, { (char *) "D", 0 },
};

/* Undo of a partner's overrides: every override of the partner */

typedef struct
{
  char   *kpi_id;
  double  target;
  double  weight;
} Override;

static void
clear_override (gpointer data)
{
  g_free (((Override *) data)->kpi_id);
}

static gpointer
overrides_snapshot (GObject *target)
{
  ScPartner *partner = SC_PARTNER (target);
  g_auto(GStrv) ids = sc_partner_dup_override_kpis (partner);
  GArray *overrides = g_array_new (FALSE, FALSE, sizeof (Override));

  g_array_set_clear_func (overrides, clear_override);
  for (guint i = 0; ids[i]; i++)
    {
      Override o = { g_strdup (ids[i]) };

      sc_partner_get_override (partner, ids[i], &o.target, &o.weight);
      g_array_append_val (overrides, o);
    }
  return overrides;
}

static void
overrides_restore (GObject  *target,
                   gpointer  snapshot)
{
  ScPartner *partner = SC_PARTNER (target);
  g_auto(GStrv) ids = sc_partner_dup_override_kpis (partner);
  GArray *overrides = snapshot;

  for (guint i = 0; ids[i]; i++)
    sc_partner_set_override (partner, ids[i], NAN, NAN);
  for (guint i = 0; i < overrides->len; i++)
    {
      const Override *o = &g_array_index (overrides, Override, i);

      sc_partner_set_override (partner, o->kpi_id, o->target, o->weight);
    }
}

static gboolean
same_double (double a,
             double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static gboolean
overrides_equal (gpointer a,
                 gpointer b)
{
  GArray *oa = a, *ob = b;

  if (oa->len != ob->len)
    return FALSE;
  for (guint i = 0; i < oa->len; i++)
    {
      const Override *x = &g_array_index (oa, Override, i);
      const Override *y = &g_array_index (ob, Override, i);

      if (g_strcmp0 (x->kpi_id, y->kpi_id) != 0 ||
          !same_double (x->target, y->target) || !same_double (x->weight, y->weight))
        return FALSE;
    }
  return TRUE;
}

static const ScEditKind overrides_edit_kind = {
  overrides_snapshot, overrides_restore, overrides_equal, (GDestroyNotify) g_array_unref,
};

/* Undo of the grade bands */

static void
clear_band (gpointer data)
{
  ScGradeBand *band = data;

  g_free (band->grade);
  g_free (band->action);
  g_free (band->colour);
  g_free (band->symbol);
}

static GArray *
copy_bands (const ScGradeBand *bands,
            guint              n_bands)
{
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (ScGradeBand));

  g_array_set_clear_func (copy, clear_band);
  for (guint i = 0; i < n_bands; i++)
    {
      ScGradeBand band = { g_strdup (bands[i].grade), bands[i].min_score,
                           g_strdup (bands[i].action), g_strdup (bands[i].colour),
                           g_strdup (bands[i].symbol) };

      g_array_append_val (copy, band);
    }
  return copy;
}

static gpointer
bands_snapshot (GObject *target)
{
  ScWorkbook *book = SC_WORKBOOK (target);
  guint n = sc_workbook_get_n_grade_bands (book);

  return copy_bands (n ? sc_workbook_get_grade_band (book, 0) : NULL, n);
}

static void
bands_restore (GObject  *target,
               gpointer  snapshot)
{
  GArray *bands = snapshot;

  sc_workbook_set_grade_bands (SC_WORKBOOK (target), (ScGradeBand *) (gpointer) bands->data, bands->len);
}

static gboolean
bands_equal (gpointer a,
             gpointer b)
{
  GArray *ba = a, *bb = b;

  if (ba->len != bb->len)
    return FALSE;
  for (guint i = 0; i < ba->len; i++)
    {
      const ScGradeBand *x = &g_array_index (ba, ScGradeBand, i);
      const ScGradeBand *y = &g_array_index (bb, ScGradeBand, i);

      if (g_strcmp0 (x->grade, y->grade) != 0 || x->min_score != y->min_score ||
          g_strcmp0 (x->action, y->action) != 0 || g_strcmp0 (x->colour, y->colour) != 0 ||
          g_strcmp0 (x->symbol, y->symbol) != 0)
        return FALSE;
    }
  return TRUE;
}

static const ScEditKind bands_edit_kind = {
  bands_snapshot, bands_restore, bands_equal, (GDestroyNotify) g_array_unref,
};

/* Undo of the trend length: the number itself is the snapshot */

static gpointer
trend_snapshot (GObject *target)
{
  return GUINT_TO_POINTER (sc_workbook_get_trend_periods (SC_WORKBOOK (target)));
}

static void
trend_restore (GObject  *target,
               gpointer  snapshot)
{
  sc_workbook_set_trend_periods (SC_WORKBOOK (target), GPOINTER_TO_UINT (snapshot));
}

static gboolean
trend_equal (gpointer a,
             gpointer b)
{
  return a == b;
}

static const ScEditKind trend_edit_kind = {
  trend_snapshot, trend_restore, trend_equal, NULL,
};

/* KPI definitions */

static void
add_kpi_rows (ScKpiEditor *self,
              guint        position,
              guint        n_added)
{
  GListModel *kpis = sc_workbook_get_kpis (self->book);

  for (guint i = position; i < position + n_added; i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);
      GtkWidget *row = sc_kpi_definition_row_new (kpi, self->undo_stack);

      adw_preferences_group_add (self->kpi_group, row);
      g_ptr_array_add (self->kpi_rows, row);

      if (self->partner != NULL)
        {
          GtkWidget *override_row = sc_kpi_override_row_new (kpi, self->partner, self->overrides_edit);

          adw_preferences_group_add (self->overrides_group, override_row);
          g_ptr_array_add (self->override_rows, override_row);
        }
    }
}

static void
remove_kpi_rows (ScKpiEditor *self)
{
  for (guint i = 0; i < self->kpi_rows->len; i++)
    adw_preferences_group_remove (self->kpi_group, g_ptr_array_index (self->kpi_rows, i));
  for (guint i = 0; i < self->override_rows->len; i++)
    adw_preferences_group_remove (self->overrides_group, g_ptr_array_index (self->override_rows, i));
  g_ptr_array_set_size (self->kpi_rows, 0);
  g_ptr_array_set_size (self->override_rows, 0);
}

/* The catalogue KPIs that are not in the workbook yet, as menu items. */
static void
update_catalogue_menu (ScKpiEditor *self)
{
  guint n_items;

  g_menu_remove_all (self->catalogue_menu);
  for (guint i = 0; i < sc_catalogue_get_n_kpis (); i++)
    {
      g_autoptr(ScKpi) kpi = sc_catalogue_create_kpi (i);
      g_autoptr(GMenuItem) item = NULL;

      if (sc_workbook_lookup_kpi (self->book, sc_kpi_get_id (kpi)) != NULL)
        continue;
      item = g_menu_item_new (sc_kpi_get_name (kpi), NULL);
      g_menu_item_set_action_and_target (item, "editor.add-kpi", "s", sc_kpi_get_id (kpi));
      g_menu_append_item (self->catalogue_menu, item);
    }

  n_items = g_menu_model_get_n_items (G_MENU_MODEL (self->catalogue_menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), n_items > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               n_items > 0 ? _("Add a KPI from the built-in catalogue")
                                           : _("Every catalogue KPI is in the workbook"));
}

static void
on_kpis_changed_cb (ScKpiEditor *self,
                    guint        position,
                    guint        removed,
                    guint        added)
{
  if (self->kpi_rows == NULL)
    return;

  /* Definitions are only ever appended; anything else rebuilds the list */
  if (removed == 0 && position == self->kpi_rows->len)
    {
      add_kpi_rows (self, position, added);
    }
  else
    {
      remove_kpi_rows (self);
      add_kpi_rows (self, 0, g_list_model_get_n_items (sc_workbook_get_kpis (self->book)));
    }
  update_catalogue_menu (self);
}

/* Grade bands */

static void
set_band_problem (ScKpiEditor *self,
                  guint        position,
                  const char  *message)
{
  for (guint i = 0; i < self->band_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->band_rows, i);

      if (i == position && message != NULL)
        {
          gtk_widget_add_css_class (row, "sc-problem");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
        }
      else
        gtk_widget_remove_css_class (row, "sc-problem");
    }
}

/* Subtitles: "Overall score of at least", "Below 60.0" for the worst. */
static void
update_band_subtitles (ScKpiEditor *self)
{
  guint n = self->band_rows->len;

  for (guint i = 0; i + 1 < n; i++)
    adw_action_row_set_subtitle (g_ptr_array_index (self->band_rows, i),
                                 _("Overall score of at least"));
  if (n > 1)
    {
      double above = gtk_spin_button_get_value (g_ptr_array_index (self->band_spins, n - 2));
      g_autofree char *subtitle = g_strdup_printf (_("Overall score below %.1f"), above);

      adw_action_row_set_subtitle (g_ptr_array_index (self->band_rows, n - 1), subtitle);
    }
  set_band_problem (self, G_MAXUINT, NULL);
}

static void
apply_bands (ScKpiEditor *self)
{
  guint n = sc_workbook_get_n_grade_bands (self->book);
  g_autoptr(GArray) bands = NULL;

  if (n != self->band_rows->len)
    return;

  bands = copy_bands (sc_workbook_get_grade_band (self->book, 0), n);
  for (guint i = 0; i < self->action_rows->len && i < n; i++)
    {
      ScGradeBand *band = &g_array_index (bands, ScGradeBand, i);
      const char *label = gtk_editable_get_text (g_ptr_array_index (self->action_rows, i));
      char *action = g_strdup (sc_standing_action_from_label (band->action, label));

      g_free (band->action);
      band->action = action;
    }
  for (guint i = 0; i < self->band_spins->len; i++)
    {
      ScGradeBand *band = &g_array_index (bands, ScGradeBand, i);

      band->min_score = gtk_spin_button_get_value (g_ptr_array_index (self->band_spins, i));
      if (i > 0 && band->min_score >= g_array_index (bands, ScGradeBand, i - 1).min_score)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("Must be below the minimum of %s (%.1f)"),
                                     g_array_index (bands, ScGradeBand, i - 1).grade,
                                     g_array_index (bands, ScGradeBand, i - 1).min_score);
          set_band_problem (self, i, message);
          return;
        }
    }

  sc_pending_edit_begin (self->bands_edit, _("Edit grade bands"));
  self->applying = TRUE;
  bands_restore (G_OBJECT (self->book), bands);
  self->applying = FALSE;
  update_band_subtitles (self);
}

static void
on_band_changed_cb (ScKpiEditor *self)
{
  if (!self->syncing)
    apply_bands (self);
}

static void
on_band_focus_left_cb (ScKpiEditor *self)
{
  sc_pending_edit_commit (self->bands_edit);
}

static GtkWidget *
band_spin_new (ScKpiEditor *self,
               const char  *grade)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *label = g_strdup_printf (_("Minimum score of grade %s"), grade);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_band_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_band_focus_left_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (spin, focus);

  return spin;
}

/* The recommended action of one standing, applied as it is typed */
static void
add_action_row (ScKpiEditor       *self,
                const ScGradeBand *band)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *title = g_strdup_printf (_("%s %s: recommended action"), band->symbol, band->grade);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), sc_standing_action_label (band->action));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_band_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_band_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, focus);
  adw_preferences_group_add (self->actions_group, row);
  g_ptr_array_add (self->action_rows, row);
}

/* Shows the workbook's bands, building the rows when their number changed. */
static void
sync_bands (ScKpiEditor *self)
{
  guint n = sc_workbook_get_n_grade_bands (self->book);

  self->syncing = TRUE;
  if (n != self->band_rows->len)
    {
      for (guint i = 0; i < self->band_rows->len; i++)
        adw_preferences_group_remove (self->bands_group, g_ptr_array_index (self->band_rows, i));
      for (guint i = 0; i < self->action_rows->len; i++)
        adw_preferences_group_remove (self->actions_group, g_ptr_array_index (self->action_rows, i));
      g_ptr_array_set_size (self->band_rows, 0);
      g_ptr_array_set_size (self->band_spins, 0);
      g_ptr_array_set_size (self->action_rows, 0);

      for (guint i = 0; i < n; i++)
        {
          const ScGradeBand *band = sc_workbook_get_grade_band (self->book, i);
          GtkWidget *row = adw_action_row_new ();

          g_autofree char *title = g_strdup_printf ("%s %s", band->symbol, band->grade);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          gtk_widget_add_css_class (row, "grade-band-row");
          add_action_row (self, band);
          if (i + 1 < n)
            {
              GtkWidget *spin = band_spin_new (self, band->grade);

              adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
              adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
              g_ptr_array_add (self->band_spins, spin);
            }
          adw_preferences_group_add (self->bands_group, row);
          g_ptr_array_add (self->band_rows, row);
        }
    }

  for (guint i = 0; i < self->band_spins->len; i++)
    gtk_spin_button_set_value (g_ptr_array_index (self->band_spins, i),
                               sc_workbook_get_grade_band (self->book, i)->min_score);
  for (guint i = 0; i < self->action_rows->len; i++)
    {
      GtkEditable *entry = g_ptr_array_index (self->action_rows, i);
      const char *action = sc_standing_action_label (sc_workbook_get_grade_band (self->book, i)->action);

      if (g_strcmp0 (gtk_editable_get_text (entry), action) != 0)
        gtk_editable_set_text (entry, action);
    }
  self->syncing = FALSE;

  update_band_subtitles (self);
}

static void
restore_grade_bands_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ScKpiEditor *self = SC_KPI_EDITOR (widget);
  g_autoptr(GArray) bands = copy_bands (default_bands, G_N_ELEMENTS (default_bands));

  sc_pending_edit_commit (self->bands_edit);
  sc_pending_edit_begin (self->bands_edit, _("Restore default grade bands"));
  bands_restore (G_OBJECT (self->book), bands);
  sc_pending_edit_commit (self->bands_edit);
  sync_bands (self);
}

/* Trend */

static void
on_trend_changed_cb (ScKpiEditor *self)
{
  if (self->syncing || self->book == NULL)
    return;

  sc_pending_edit_begin (self->trend_edit, _("Change the trend length"));
  self->applying = TRUE;
  sc_workbook_set_trend_periods (self->book, gtk_spin_button_get_value_as_int (self->trend_spin));
  self->applying = FALSE;
}

static void
on_trend_focus_left_cb (ScKpiEditor *self)
{
  if (self->trend_edit != NULL)
    sc_pending_edit_commit (self->trend_edit);
}

/* Watch list */

static gpointer
watch_snapshot (GObject *target)
{
  return GUINT_TO_POINTER (sc_workbook_get_watch_periods (SC_WORKBOOK (target)));
}

static void
watch_restore (GObject  *target,
               gpointer  snapshot)
{
  sc_workbook_set_watch_periods (SC_WORKBOOK (target), GPOINTER_TO_UINT (snapshot));
}

static const ScEditKind watch_edit_kind = {
  watch_snapshot, watch_restore, trend_equal, NULL,
};

static void
on_watch_changed_cb (ScKpiEditor *self)
{
  if (self->syncing || self->book == NULL)
    return;

  sc_pending_edit_begin (self->watch_edit, _("Change the watch list"));
  self->applying = TRUE;
  sc_workbook_set_watch_periods (self->book, gtk_spin_button_get_value_as_int (self->watch_spin));
  self->applying = FALSE;
}

static void
on_watch_focus_left_cb (ScKpiEditor *self)
{
  if (self->watch_edit != NULL)
    sc_pending_edit_commit (self->watch_edit);
}

static void
on_workbook_changed_cb (ScKpiEditor *self)
{
  /* Undo and redo change the settings behind our back */
  if (self->applying || self->band_rows == NULL)
    return;

  sync_bands (self);
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->trend_spin, sc_workbook_get_trend_periods (self->book));
  gtk_spin_button_set_value (self->watch_spin, sc_workbook_get_watch_periods (self->book));
  self->syncing = FALSE;
}

/* Actions */

static void
add_kpi_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScKpiEditor *self = SC_KPI_EDITOR (widget);
  g_autoptr(ScKpi) kpi = sc_catalogue_lookup (g_variant_get_string (parameter, NULL));
  GtkWidget *row;

  if (kpi == NULL || !sc_workbook_add_kpi (self->book, kpi))
    return;

  /* Open the new definition, ready to tune */
  row = g_ptr_array_index (self->kpi_rows, self->kpi_rows->len - 1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (row);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScKpiEditor *self = SC_KPI_EDITOR (widget);

  sc_kpi_editor_commit (self);
  if (g_str_equal (action_name, "editor.undo"))
    sc_undo_stack_undo (self->undo_stack);
  else
    sc_undo_stack_redo (self->undo_stack);
}

/* Object */

static void
sc_kpi_editor_constructed (GObject *object)
{
  ScKpiEditor *self = (ScKpiEditor *)object;
  GListModel *kpis;

  G_OBJECT_CLASS (sc_kpi_editor_parent_class)->constructed (object);

  g_assert (SC_IS_WORKBOOK (self->book));
  kpis = sc_workbook_get_kpis (self->book);

  self->bands_edit = sc_pending_edit_new (&bands_edit_kind, G_OBJECT (self->book), self->undo_stack);
  self->trend_edit = sc_pending_edit_new (&trend_edit_kind, G_OBJECT (self->book), self->undo_stack);
  self->watch_edit = sc_pending_edit_new (&watch_edit_kind, G_OBJECT (self->book), self->undo_stack);
  self->groups_page = sc_scorecard_groups_page_new (self->book, self->undo_stack);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->groups_page));
  if (self->partner != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Overrides for %s"), sc_partner_get_name (self->partner));

      self->overrides_edit = sc_pending_edit_new (&overrides_edit_kind, G_OBJECT (self->partner),
                                                  self->undo_stack);
      adw_preferences_group_set_title (self->overrides_group, title);
    }
  else
    {
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->overrides_page);
      self->overrides_page = NULL;
      self->overrides_group = NULL;
    }

  add_kpi_rows (self, 0, g_list_model_get_n_items (kpis));
  update_catalogue_menu (self);
  on_workbook_changed_cb (self);

  g_signal_connect_object (kpis, "items-changed", G_CALLBACK (on_kpis_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->book, "changed", G_CALLBACK (on_workbook_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", self->undo_stack != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", self->undo_stack != NULL);
}

static void
sc_kpi_editor_dispose (GObject *object)
{
  ScKpiEditor *self = (ScKpiEditor *)object;

  /* Edits still waiting for their pause become undo steps now; the rows
   * commit their own when they go.
   */
  if (self->book != NULL)
    sc_kpi_editor_commit (self);
  /* The window owns the page and drops it with its other pages */
  self->groups_page = NULL;
  g_clear_pointer (&self->kpi_rows, g_ptr_array_unref);
  g_clear_pointer (&self->override_rows, g_ptr_array_unref);
  g_clear_pointer (&self->band_rows, g_ptr_array_unref);
  g_clear_pointer (&self->band_spins, g_ptr_array_unref);
  g_clear_pointer (&self->action_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_KPI_EDITOR);

  G_OBJECT_CLASS (sc_kpi_editor_parent_class)->dispose (object);
}

static void
sc_kpi_editor_finalize (GObject *object)
{
  ScKpiEditor *self = (ScKpiEditor *)object;

  /* Freed only now: the override rows borrow overrides_edit until they go */
  g_clear_pointer (&self->overrides_edit, sc_pending_edit_free);
  g_clear_pointer (&self->bands_edit, sc_pending_edit_free);
  g_clear_pointer (&self->trend_edit, sc_pending_edit_free);
  g_clear_pointer (&self->watch_edit, sc_pending_edit_free);
  g_clear_object (&self->catalogue_menu);
  g_clear_object (&self->partner);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (sc_kpi_editor_parent_class)->finalize (object);
}

static void
sc_kpi_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScKpiEditor *self = SC_KPI_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->book);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    case PROP_PARTNER:
      g_value_set_object (value, self->partner);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kpi_editor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScKpiEditor *self = SC_KPI_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      self->book = g_value_dup_object (value);
      break;
    case PROP_UNDO_STACK:
      self->undo_stack = g_value_dup_object (value);
      break;
    case PROP_PARTNER:
      self->partner = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kpi_editor_class_init (ScKpiEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_kpi_editor_constructed;
  object_class->dispose = sc_kpi_editor_dispose;
  object_class->finalize = sc_kpi_editor_finalize;
  object_class->get_property = sc_kpi_editor_get_property;
  object_class->set_property = sc_kpi_editor_set_property;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, SC_TYPE_WORKBOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, SC_TYPE_UNDO_STACK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL, SC_TYPE_PARTNER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-kpi-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKpiEditor, kpi_group);
  gtk_widget_class_bind_template_child (widget_class, ScKpiEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScKpiEditor, overrides_page);
  gtk_widget_class_bind_template_child (widget_class, ScKpiEditor, overrides_group);
  gtk_widget_class_bind_template_child (widget_class, ScKpiEditor, bands_group);
  gtk_widget_class_bind_template_child (widget_class, ScKpiEditor, trend_spin);
  gtk_widget_class_bind_template_child (widget_class, ScKpiEditor, actions_group);
  gtk_widget_class_bind_template_child (widget_class, ScKpiEditor, watch_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_trend_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_watch_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-kpi", "s", add_kpi_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-grade-bands", NULL,
                                   restore_grade_bands_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
}

static void
sc_kpi_editor_init (ScKpiEditor *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *watch_focus = gtk_event_controller_focus_new ();

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  self->kpi_rows = g_ptr_array_new ();
  self->override_rows = g_ptr_array_new ();
  self->band_rows = g_ptr_array_new ();
  self->band_spins = g_ptr_array_new ();
  self->action_rows = g_ptr_array_new ();
  self->catalogue_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->add_button, G_MENU_MODEL (self->catalogue_menu));

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_trend_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->trend_spin), focus);
  g_signal_connect_object (watch_focus, "leave", G_CALLBACK (on_watch_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->watch_spin), watch_focus);
}

/* Public API */

/* A modal window over @parent that edits the KPI definitions and grading
 * settings of @book, recording every change on @undo_stack (may be %NULL).
 * With a @partner it also edits that partner's overrides.
 */
ScKpiEditor *
sc_kpi_editor_new (GtkWindow   *parent,
                   ScWorkbook  *book,
                   ScUndoStack *undo_stack,
                   ScPartner   *partner)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (undo_stack == NULL || SC_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (partner == NULL || SC_IS_PARTNER (partner), NULL);

  return g_object_new (SC_TYPE_KPI_EDITOR,
                       "transient-for", parent,
                       "workbook", book,
                       "undo-stack", undo_stack,
                       "partner", partner,
                       NULL);
}

ScWorkbook *
sc_kpi_editor_get_workbook (ScKpiEditor *self)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);
  return self->book;
}

ScPartner *
sc_kpi_editor_get_partner (ScKpiEditor *self)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);
  return self->partner;
}

/* Ends every edit in progress, so that each is an undo step of its own:
 * call before undoing from outside the editor.
 */
void
sc_kpi_editor_commit (ScKpiEditor *self)
{
  g_return_if_fail (SC_IS_KPI_EDITOR (self));

  for (guint i = 0; self->kpi_rows && i < self->kpi_rows->len; i++)
    sc_kpi_definition_row_commit (g_ptr_array_index (self->kpi_rows, i));
  if (self->overrides_edit)
    sc_pending_edit_commit (self->overrides_edit);
  if (self->bands_edit)
    sc_pending_edit_commit (self->bands_edit);
  if (self->trend_edit)
    sc_pending_edit_commit (self->trend_edit);
  if (self->watch_edit)
    sc_pending_edit_commit (self->watch_edit);
  if (self->groups_page)
    sc_scorecard_groups_page_commit (self->groups_page);
}

/* Private API for tests */

ScKpiDefinitionRow *
sc_kpi_editor_get_kpi_row (ScKpiEditor *self,
                           const char  *kpi_id)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);

  for (guint i = 0; i < self->kpi_rows->len; i++)
    {
      ScKpiDefinitionRow *row = g_ptr_array_index (self->kpi_rows, i);

      if (g_strcmp0 (sc_kpi_get_id (sc_kpi_definition_row_get_kpi (row)), kpi_id) == 0)
        return row;
    }
  return NULL;
}

ScKpiOverrideRow *
sc_kpi_editor_get_override_row (ScKpiEditor *self,
                                const char  *kpi_id)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);

  for (guint i = 0; i < self->override_rows->len; i++)
    {
      ScKpiOverrideRow *row = g_ptr_array_index (self->override_rows, i);

      if (g_strcmp0 (sc_kpi_get_id (sc_kpi_override_row_get_kpi (row)), kpi_id) == 0)
        return row;
    }
  return NULL;
}

GtkSpinButton *
sc_kpi_editor_get_band_spin (ScKpiEditor *self,
                             guint        position)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);
  g_return_val_if_fail (position < self->band_spins->len, NULL);
  return g_ptr_array_index (self->band_spins, position);
}

AdwActionRow *
sc_kpi_editor_get_band_row (ScKpiEditor *self,
                            guint        position)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);
  g_return_val_if_fail (position < self->band_rows->len, NULL);
  return g_ptr_array_index (self->band_rows, position);
}

GtkSpinButton *
sc_kpi_editor_get_trend_spin (ScKpiEditor *self)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);
  return self->trend_spin;
}

GtkEditable *
sc_kpi_editor_get_action_row (ScKpiEditor *self,
                              guint        position)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);
  g_return_val_if_fail (position < self->action_rows->len, NULL);
  return g_ptr_array_index (self->action_rows, position);
}

GtkSpinButton *
sc_kpi_editor_get_watch_spin (ScKpiEditor *self)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);
  return self->watch_spin;
}

ScScorecardGroupsPage *
sc_kpi_editor_get_groups_page (ScKpiEditor *self)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);
  return self->groups_page;
}

GMenuModel *
sc_kpi_editor_get_catalogue_menu (ScKpiEditor *self)
{
  g_return_val_if_fail (SC_IS_KPI_EDITOR (self), NULL);
  return G_MENU_MODEL (self->catalogue_menu);
}
