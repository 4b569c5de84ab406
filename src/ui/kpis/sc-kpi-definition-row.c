/* sc-kpi-definition-row.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One KPI in the KPI editor: an expander row whose rows edit every field of
 * the definition. Each change is checked as the user types; a valid
 * definition applies to the workbook at once, an invalid one is shown with
 * what is wrong and not applied. Keystrokes coalesce into one undo step per
 * field edit. Below the fields, the KPI's name in each report language
 * (one row per language with a catalogue), for customers' reports.
 */

#define G_LOG_DOMAIN "sc-kpi-definition-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-kpi-check.h"
#include "sc-kpi-definition-row.h"
#include "sc-kpi-editor-private.h"
#include "sc-language.h"
#include "sc-pending-edit.h"

struct _ScKpiDefinitionRow
{
  AdwExpanderRow  parent_instance;

  /* Template widgets */
  AdwEntryRow    *name_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *unit_row;
  AdwComboRow    *category_row;
  AdwEntryRow    *custom_category_row;
  AdwComboRow    *direction_row;
  AdwEntryRow    *target_row;
  AdwEntryRow    *target_max_row;
  AdwEntryRow    *warning_row;
  AdwEntryRow    *critical_row;
  GtkLabel       *message_label;
  GtkSpinButton  *weight_spin;
  AdwComboRow    *aggregation_row;
  AdwEntryRow    *ratio_scale_row;
  GtkSpinButton  *decimals_spin;

  /* Made in code: one per report language but English */
  GPtrArray      *name_rows;   /* AdwEntryRow, its language code in "sc-language" */

  /* Owned state */
  ScKpi          *kpi;
  ScUndoStack    *undo_stack;
  ScPendingEdit  *pending;
  ScKpiField      problem;

  guint           syncing : 1;
  guint           applying : 1;
};

G_DEFINE_FINAL_TYPE (ScKpiDefinitionRow, sc_kpi_definition_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_KPI,
  PROP_UNDO_STACK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The built-in categories, in the order of the category row */
static const char * const categories[] = {
  "quality", "delivery", "cost", "service", "satisfaction",
};

/* Undo of a definition: the whole KPI before and after, as sc_kpi_copy() */

static gpointer
kpi_snapshot (GObject *target)
{
  return sc_kpi_copy (SC_KPI (target));
}

static void
kpi_restore (GObject  *target,
             gpointer  snapshot)
{
  sc_kpi_assign (SC_KPI (target), snapshot);
}

static gboolean
same_double (double a,
             double b)
{
  return a == b || (isnan (a) && isnan (b));
}

/* Whether two KPIs have the same names in report languages. */
static gboolean
translated_names_equal (ScKpi *a,
                        ScKpi *b)
{
  g_auto(GStrv) codes_a = sc_kpi_dup_translated_codes (a);
  g_auto(GStrv) codes_b = sc_kpi_dup_translated_codes (b);

  if (!g_strv_equal ((const char * const *) codes_a, (const char * const *) codes_b))
    return FALSE;
  for (guint i = 0; codes_a[i] != NULL; i++)
    if (g_strcmp0 (sc_kpi_get_translated_name (a, codes_a[i]), sc_kpi_get_translated_name (b, codes_a[i])) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
kpi_equal (gpointer a,
           gpointer b)
{
  return g_strcmp0 (sc_kpi_get_name (a), sc_kpi_get_name (b)) == 0 &&
         translated_names_equal (a, b) &&
         g_strcmp0 (sc_kpi_get_description (a), sc_kpi_get_description (b)) == 0 &&
         g_strcmp0 (sc_kpi_get_unit (a), sc_kpi_get_unit (b)) == 0 &&
         g_strcmp0 (sc_kpi_get_category (a), sc_kpi_get_category (b)) == 0 &&
         sc_kpi_get_direction (a) == sc_kpi_get_direction (b) &&
         sc_kpi_get_aggregation (a) == sc_kpi_get_aggregation (b) &&
         sc_kpi_get_decimals (a) == sc_kpi_get_decimals (b) &&
         same_double (sc_kpi_get_target (a), sc_kpi_get_target (b)) &&
         same_double (sc_kpi_get_target_max (a), sc_kpi_get_target_max (b)) &&
         same_double (sc_kpi_get_warning (a), sc_kpi_get_warning (b)) &&
         same_double (sc_kpi_get_critical (a), sc_kpi_get_critical (b)) &&
         same_double (sc_kpi_get_weight (a), sc_kpi_get_weight (b)) &&
         same_double (sc_kpi_get_ratio_scale (a), sc_kpi_get_ratio_scale (b));
}

static const ScEditKind kpi_edit_kind = {
  kpi_snapshot, kpi_restore, kpi_equal, g_object_unref,
};

/* Showing the definition */

/* Without a target, what the direction and unit are, as a new KPI's were
 * guessed: "lower is better, in € · no target"
 */
static char *
no_target_summary (ScKpi *kpi)
{
  const char *unit = sc_kpi_get_unit (kpi);
  const char *direction;

  switch (sc_kpi_get_direction (kpi))
    {
    case SC_DIRECTION_LOWER:
      direction = _("lower is better");
      break;
    case SC_DIRECTION_BAND:
      direction = _("within a band");
      break;
    case SC_DIRECTION_HIGHER:
    default:
      direction = _("higher is better");
      break;
    }

  if (*unit == '\0' || g_str_equal (unit, "count"))
    /* Translators: a KPI's direction, e.g. "lower is better · no target" */
    return g_strdup_printf (_("%s · no target"), direction);
  /* Translators: a KPI's direction and unit, e.g. "lower is better, in € · no target" */
  return g_strdup_printf (_("%s, in %s · no target"), direction, unit);
}

/* "Target ≥ 95.0 %", "Target ≤ 250 ppm" or "Target 20.0 – 25.0 °C" */
static char *
format_target (ScKpi *kpi)
{
  g_autofree char *value = sc_kpi_format_value (kpi, sc_kpi_get_target (kpi), TRUE);

  if (!sc_kpi_has_target (kpi))
    return no_target_summary (kpi);
  switch (sc_kpi_get_direction (kpi))
    {
    case SC_DIRECTION_LOWER:
      return g_strdup_printf (_("Target ≤ %s"), value);
    case SC_DIRECTION_BAND:
      {
        g_autofree char *low = sc_kpi_format_value (kpi, sc_kpi_get_target (kpi), FALSE);
        g_autofree char *high = sc_kpi_format_value (kpi, sc_kpi_get_target_max (kpi), TRUE);
        return g_strdup_printf (_("Target %s – %s"), low, high);
      }
    case SC_DIRECTION_HIGHER:
    default:
      return g_strdup_printf (_("Target ≥ %s"), value);
    }
}

static void
update_summary (ScKpiDefinitionRow *self)
{
  g_autofree char *target = format_target (self->kpi);
  g_autofree char *weight = sc_number_format (sc_kpi_get_weight (self->kpi));
  g_autofree char *subtitle = NULL;

  /* Translators: category · target · weight of a KPI in the KPI editor */
  subtitle = g_strdup_printf (_("%s · %s · weight %s"),
                              sc_category_get_label (sc_kpi_get_category (self->kpi)),
                              target, weight);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sc_kpi_get_name (self->kpi));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
show_problem (ScKpiDefinitionRow *self,
              ScKpiField          problem,
              const char         *message)
{
  const struct { ScKpiField field; gpointer row; } rows[] = {
    { SC_KPI_FIELD_NAME, self->name_row },
    { SC_KPI_FIELD_CATEGORY, self->custom_category_row },
    { SC_KPI_FIELD_TARGET, self->target_row },
    { SC_KPI_FIELD_TARGET_MAX, self->target_max_row },
    { SC_KPI_FIELD_WARNING, self->warning_row },
    { SC_KPI_FIELD_CRITICAL, self->critical_row },
    { SC_KPI_FIELD_RATIO_SCALE, self->ratio_scale_row },
  };
  GtkWidget *label = GTK_WIDGET (self->message_label);

  self->problem = problem;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (problem & rows[i].field)
        gtk_widget_add_css_class (rows[i].row, "error");
      else
        gtk_widget_remove_css_class (rows[i].row, "error");
    }

  if (problem != SC_KPI_FIELD_NONE)
    {
      gtk_label_set_label (self->message_label, message);
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      g_autofree char *hint = sc_kpi_describe_thresholds (self->kpi);

      gtk_label_set_label (self->message_label, hint);
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
update_for_choices (ScKpiDefinitionRow *self)
{
  gboolean band = adw_combo_row_get_selected (self->direction_row) == SC_DIRECTION_BAND;
  gboolean ratio = adw_combo_row_get_selected (self->aggregation_row) == SC_AGGREGATION_RATIO;
  gboolean custom = adw_combo_row_get_selected (self->category_row) >= G_N_ELEMENTS (categories);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row),
                                 band ? _("Band Lower Edge") : _("Target"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->warning_row),
                                 band ? _("Warning Distance Outside the Band") : _("Warning Threshold"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->critical_row),
                                 band ? _("Critical Distance Outside the Band") : _("Critical Threshold"));
  gtk_widget_set_visible (GTK_WIDGET (self->target_max_row), band);
  gtk_widget_set_visible (GTK_WIDGET (self->ratio_scale_row), ratio);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_category_row), custom);
}

/* Sets @row to @value unless it already reads as @value, so that a user's
 * "95.0" is not rewritten to "95" under the cursor.
 */
static void
set_number (AdwEntryRow *row,
            double       value)
{
  g_autofree char *text = NULL;
  double current;

  if (sc_kpi_check_parse_number (gtk_editable_get_text (GTK_EDITABLE (row)), &current)
      ? same_double (current, value) : isnan (value))
    return;

  text = sc_number_format (value);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
sync_category (ScKpiDefinitionRow *self)
{
  const char *category = sc_kpi_get_category (self->kpi);
  guint position = G_N_ELEMENTS (categories);

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (category, categories[i]) == 0)
      position = i;

  adw_combo_row_set_selected (self->category_row, position);
  set_text (self->custom_category_row, position < G_N_ELEMENTS (categories) ? "" : category);
}

/* Shows the KPI as it is in the workbook, dropping what the user typed. */
static void
sync_form (ScKpiDefinitionRow *self)
{
  if (self->name_rows == NULL)   /* disposed */
    return;
  self->syncing = TRUE;
  set_text (self->name_row, sc_kpi_get_name (self->kpi));
  for (guint i = 0; i < self->name_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->name_rows, i);
      const char *name = sc_kpi_get_translated_name (self->kpi, g_object_get_data (G_OBJECT (row), "sc-language"));

      set_text (row, name ? name : "");
    }
  set_text (self->description_row, sc_kpi_get_description (self->kpi));
  set_text (self->unit_row, sc_kpi_get_unit (self->kpi));
  sync_category (self);
  adw_combo_row_set_selected (self->direction_row, sc_kpi_get_direction (self->kpi));
  adw_combo_row_set_selected (self->aggregation_row, sc_kpi_get_aggregation (self->kpi));
  set_number (self->target_row, sc_kpi_get_target (self->kpi));
  set_number (self->target_max_row, sc_kpi_get_target_max (self->kpi));
  set_number (self->warning_row, sc_kpi_get_warning (self->kpi));
  set_number (self->critical_row, sc_kpi_get_critical (self->kpi));
  set_number (self->ratio_scale_row, sc_kpi_get_ratio_scale (self->kpi));
  gtk_spin_button_set_value (self->weight_spin, sc_kpi_get_weight (self->kpi));
  gtk_spin_button_set_value (self->decimals_spin, sc_kpi_get_decimals (self->kpi));
  update_for_choices (self);
  self->syncing = FALSE;

  show_problem (self, SC_KPI_FIELD_NONE, NULL);
  update_summary (self);
}

/* Reading and applying the form */

/* The number in @row; an empty @optional row is unset (NaN), as the
 * target and thresholds of a KPI nobody has completed yet. A value once
 * set is not unset by emptying its field: that is how one types a new one.
 */
static double
read_number (AdwEntryRow  *row,
             ScKpiField    field,
             gboolean      optional,
             ScKpiField   *problem,
             char        **message)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  double value;

  if (sc_kpi_check_parse_number (text, &value))
    return value;
  if (optional && *trimmed == '\0')
    return NAN;

  *problem |= field;
  if (*message == NULL)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped == '\0')
        *message = g_strdup_printf (_("Enter a number for “%s”"), title);
      else
        *message = g_strdup_printf (_("“%s” is not a number"), text);
    }
  return NAN;
}

/* A copy of the KPI with what the form says; @problem and @message tell
 * what could not be read or does not make sense.
 */
static ScKpi *
read_form (ScKpiDefinitionRow  *self,
           ScKpiField          *problem,
           char               **message)
{
  ScKpi *edited = sc_kpi_copy (self->kpi);
  guint category = adw_combo_row_get_selected (self->category_row);
  ScDirection direction = adw_combo_row_get_selected (self->direction_row);
  ScAggregation aggregation = adw_combo_row_get_selected (self->aggregation_row);
  g_autofree char *custom = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->custom_category_row))));

  *problem = SC_KPI_FIELD_NONE;
  sc_kpi_set_name (edited, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  for (guint i = 0; i < self->name_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->name_rows, i);
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

      sc_kpi_set_translated_name (edited, g_object_get_data (G_OBJECT (row), "sc-language"), name);
    }
  sc_kpi_set_description (edited, gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  sc_kpi_set_unit (edited, gtk_editable_get_text (GTK_EDITABLE (self->unit_row)));
  sc_kpi_set_category (edited, category < G_N_ELEMENTS (categories) ? categories[category] : custom);
  sc_kpi_set_direction (edited, direction);
  sc_kpi_set_aggregation (edited, aggregation);
  sc_kpi_set_target (edited, read_number (self->target_row, SC_KPI_FIELD_TARGET,
                                          !sc_kpi_has_target (self->kpi), problem, message));
  if (direction == SC_DIRECTION_BAND)
    sc_kpi_set_target_max (edited, read_number (self->target_max_row, SC_KPI_FIELD_TARGET_MAX,
                                                isnan (sc_kpi_get_target (edited)), problem, message));
  sc_kpi_set_warning (edited, read_number (self->warning_row, SC_KPI_FIELD_WARNING,
                                           isnan (sc_kpi_get_warning (self->kpi)), problem, message));
  sc_kpi_set_critical (edited, read_number (self->critical_row, SC_KPI_FIELD_CRITICAL,
                                            isnan (sc_kpi_get_critical (self->kpi)), problem, message));
  if (aggregation == SC_AGGREGATION_RATIO)
    sc_kpi_set_ratio_scale (edited, read_number (self->ratio_scale_row, SC_KPI_FIELD_RATIO_SCALE,
                                                 FALSE, problem, message));
  sc_kpi_set_weight (edited, gtk_spin_button_get_value (self->weight_spin));
  sc_kpi_set_decimals (edited, gtk_spin_button_get_value_as_int (self->decimals_spin));

  if (*problem == SC_KPI_FIELD_NONE)
    *problem = sc_kpi_check (edited, message);

  return edited;
}

/* Applies the form to the KPI when it makes sense, else says why not. */
static void
apply_form (ScKpiDefinitionRow *self)
{
  g_autoptr(ScKpi) edited = NULL;
  g_autofree char *message = NULL;
  g_autofree char *label = NULL;
  ScKpiField problem;

  edited = read_form (self, &problem, &message);
  if (problem != SC_KPI_FIELD_NONE)
    {
      show_problem (self, problem, message);
      return;
    }

  if (!kpi_equal (edited, self->kpi))
    {
      /* Translators: an undo step, %s is the KPI's name */
      label = g_strdup_printf (_("Edit %s"), sc_kpi_get_name (self->kpi));
      sc_pending_edit_begin (self->pending, label);
      self->applying = TRUE;
      sc_kpi_assign (self->kpi, edited);
      self->applying = FALSE;
    }

  show_problem (self, SC_KPI_FIELD_NONE, NULL);
  update_summary (self);
}

/* Callbacks */

static void
on_field_changed_cb (ScKpiDefinitionRow *self)
{
  if (!self->syncing)
    apply_form (self);
}

static void
on_choice_changed_cb (ScKpiDefinitionRow *self)
{
  if (self->syncing)
    return;

  update_for_choices (self);
  apply_form (self);
  /* A choice is a whole edit: no keystrokes to wait for */
  sc_pending_edit_commit (self->pending);
}

static void
on_focus_left_cb (ScKpiDefinitionRow *self)
{
  sc_pending_edit_commit (self->pending);
}

static void
on_kpi_notified_cb (ScKpiDefinitionRow *self)
{
  /* Our own changes are already on screen; others (undo) are not */
  if (self->applying)
    return;

  sync_form (self);
}

/* Object */

/* A row for the KPI's name in each report language but English (the
 * language of the name itself), empty: the catalogue's translation or the
 * name.
 */
static void
add_name_rows (ScKpiDefinitionRow *self)
{
  g_auto(GStrv) codes = sc_language_list_available ();

  self->name_rows = g_ptr_array_new ();
  for (guint i = 0; codes[i] != NULL; i++)
    {
      const ScLanguage *language = sc_language_get (codes[i], NULL);
      g_autofree char *title = NULL;
      GtkEventController *focus;
      GtkWidget *row;

      if (language == NULL || g_str_equal (codes[i], "en"))
        continue;
      /* Translators: a KPI's name in a report language, %s is the language's own name ("Français") */
      title = g_strdup_printf (_("Name in Reports (%s)"), sc_language_get_name (language));
      row = adw_entry_row_new ();
      focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_left_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (row, focus);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_object_set_data_full (G_OBJECT (row), "sc-language", g_strdup (codes[i]), g_free);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->name_rows, row);
    }
}

static void
sc_kpi_definition_row_constructed (GObject *object)
{
  ScKpiDefinitionRow *self = (ScKpiDefinitionRow *)object;

  G_OBJECT_CLASS (sc_kpi_definition_row_parent_class)->constructed (object);

  g_assert (SC_IS_KPI (self->kpi));
  add_name_rows (self);

  self->pending = sc_pending_edit_new (&kpi_edit_kind, G_OBJECT (self->kpi), self->undo_stack);
  g_signal_connect_object (self->kpi, "notify", G_CALLBACK (on_kpi_notified_cb), self,
                           G_CONNECT_SWAPPED);
  sync_form (self);
}

static void
sc_kpi_definition_row_dispose (GObject *object)
{
  ScKpiDefinitionRow *self = (ScKpiDefinitionRow *)object;

  /* An edit still waiting for its pause becomes an undo step now */
  g_clear_pointer (&self->pending, sc_pending_edit_free);
  g_clear_pointer (&self->name_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_KPI_DEFINITION_ROW);

  G_OBJECT_CLASS (sc_kpi_definition_row_parent_class)->dispose (object);
}

static void
sc_kpi_definition_row_finalize (GObject *object)
{
  ScKpiDefinitionRow *self = (ScKpiDefinitionRow *)object;

  g_clear_object (&self->kpi);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (sc_kpi_definition_row_parent_class)->finalize (object);
}

static void
sc_kpi_definition_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ScKpiDefinitionRow *self = SC_KPI_DEFINITION_ROW (object);

  switch (prop_id)
    {
    case PROP_KPI:
      g_value_set_object (value, self->kpi);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kpi_definition_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ScKpiDefinitionRow *self = SC_KPI_DEFINITION_ROW (object);

  switch (prop_id)
    {
    case PROP_KPI:
      self->kpi = g_value_dup_object (value);
      break;
    case PROP_UNDO_STACK:
      self->undo_stack = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kpi_definition_row_class_init (ScKpiDefinitionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_kpi_definition_row_constructed;
  object_class->dispose = sc_kpi_definition_row_dispose;
  object_class->finalize = sc_kpi_definition_row_finalize;
  object_class->get_property = sc_kpi_definition_row_get_property;
  object_class->set_property = sc_kpi_definition_row_set_property;

  properties[PROP_KPI] =
    g_param_spec_object ("kpi", NULL, NULL, SC_TYPE_KPI,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, SC_TYPE_UNDO_STACK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-kpi-definition-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, description_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, category_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, custom_category_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, direction_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, target_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, target_max_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, warning_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, critical_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, aggregation_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, ratio_scale_row);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDefinitionRow, decimals_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed_cb);
}

static void
sc_kpi_definition_row_init (ScKpiDefinitionRow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *fields[11];
  guint n = 0;

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    gtk_string_list_append (labels, sc_category_get_label (categories[i]));
  /* Translators: a category of the user's own, typed in the row below */
  gtk_string_list_append (labels, _("Other"));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (labels));
  self->syncing = FALSE;

  /* Leaving a field ends its edit: one undo step per field */
  fields[n++] = GTK_WIDGET (self->name_row);
  fields[n++] = GTK_WIDGET (self->description_row);
  fields[n++] = GTK_WIDGET (self->unit_row);
  fields[n++] = GTK_WIDGET (self->custom_category_row);
  fields[n++] = GTK_WIDGET (self->target_row);
  fields[n++] = GTK_WIDGET (self->target_max_row);
  fields[n++] = GTK_WIDGET (self->warning_row);
  fields[n++] = GTK_WIDGET (self->critical_row);
  fields[n++] = GTK_WIDGET (self->ratio_scale_row);
  fields[n++] = GTK_WIDGET (self->weight_spin);
  fields[n++] = GTK_WIDGET (self->decimals_spin);
  g_assert (n == G_N_ELEMENTS (fields));
  for (guint i = 0; i < n; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_left_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (fields[i], focus);
    }
}

/* Public API */

GtkWidget *
sc_kpi_definition_row_new (ScKpi       *kpi,
                           ScUndoStack *undo_stack)
{
  g_return_val_if_fail (SC_IS_KPI (kpi), NULL);
  g_return_val_if_fail (undo_stack == NULL || SC_IS_UNDO_STACK (undo_stack), NULL);

  return g_object_new (SC_TYPE_KPI_DEFINITION_ROW,
                       "kpi", kpi,
                       "undo-stack", undo_stack,
                       NULL);
}

ScKpi *
sc_kpi_definition_row_get_kpi (ScKpiDefinitionRow *self)
{
  g_return_val_if_fail (SC_IS_KPI_DEFINITION_ROW (self), NULL);
  return self->kpi;
}

/* Ends the edit in progress, so that it is one undo step of its own. */
void
sc_kpi_definition_row_commit (ScKpiDefinitionRow *self)
{
  g_return_if_fail (SC_IS_KPI_DEFINITION_ROW (self));

  if (self->pending != NULL)
    sc_pending_edit_commit (self->pending);
}

/* Private API for tests */

GtkEditable *
sc_kpi_definition_row_get_field (ScKpiDefinitionRow *self,
                                 ScKpiField          field)
{
  g_return_val_if_fail (SC_IS_KPI_DEFINITION_ROW (self), NULL);

  switch ((int) field)
    {
    case SC_KPI_FIELD_NAME: return GTK_EDITABLE (self->name_row);
    case SC_KPI_FIELD_CATEGORY: return GTK_EDITABLE (self->custom_category_row);
    case SC_KPI_FIELD_TARGET: return GTK_EDITABLE (self->target_row);
    case SC_KPI_FIELD_TARGET_MAX: return GTK_EDITABLE (self->target_max_row);
    case SC_KPI_FIELD_WARNING: return GTK_EDITABLE (self->warning_row);
    case SC_KPI_FIELD_CRITICAL: return GTK_EDITABLE (self->critical_row);
    case SC_KPI_FIELD_RATIO_SCALE: return GTK_EDITABLE (self->ratio_scale_row);
    case SC_KPI_FIELD_WEIGHT: return GTK_EDITABLE (self->weight_spin);
    default: g_return_val_if_reached (NULL);
    }
}

AdwComboRow *
sc_kpi_definition_row_get_direction_row (ScKpiDefinitionRow *self)
{
  g_return_val_if_fail (SC_IS_KPI_DEFINITION_ROW (self), NULL);
  return self->direction_row;
}

ScKpiField
sc_kpi_definition_row_get_problem (ScKpiDefinitionRow *self)
{
  g_return_val_if_fail (SC_IS_KPI_DEFINITION_ROW (self), SC_KPI_FIELD_NONE);
  return self->problem;
}

const char *
sc_kpi_definition_row_get_message (ScKpiDefinitionRow *self)
{
  g_return_val_if_fail (SC_IS_KPI_DEFINITION_ROW (self), NULL);
  return gtk_label_get_label (self->message_label);
}

/* The entry of the KPI's name in the report language @code, or NULL. */
GtkEditable *
sc_kpi_definition_row_get_name_field (ScKpiDefinitionRow *self,
                                      const char         *code)
{
  g_return_val_if_fail (SC_IS_KPI_DEFINITION_ROW (self), NULL);

  for (guint i = 0; self->name_rows != NULL && i < self->name_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->name_rows, i);

      if (g_strcmp0 (g_object_get_data (row, "sc-language"), code) == 0)
        return GTK_EDITABLE (row);
    }
  return NULL;
}
