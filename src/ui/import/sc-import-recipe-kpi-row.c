/* sc-import-recipe-kpi-row.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One KPI of the import assistant's recipe step: its name and id, its
 * formula in an entry checked against the file's columns as the user
 * types, and under it either what is wrong (with the position, underlined
 * in the formula) or an example value of the first rows.
 */

#define G_LOG_DOMAIN "sc-import-recipe-kpi-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-import-recipe-kpi-row.h"

struct _ScImportRecipeKpiRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkLabel      *name_label;
  GtkLabel      *id_label;
  GtkEntry      *formula_entry;
  GtkImage      *message_icon;
  GtkLabel      *message_label;
  GtkWidget     *remove_button;

  /* State */
  char          *id;
  char          *name;
  char          *formula_error;   /* NULL: the formula fits the columns */
  char          *problem;         /* set by the page, e.g. a repeated id */
  char          *example;
  guint          error_pos;       /* 1-based character of the formula; 0: none */
};

G_DEFINE_FINAL_TYPE (ScImportRecipeKpiRow, sc_import_recipe_kpi_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The characters from @pos (1-based) to the end of the token there: a
 * [bracketed column], a name, a quoted string or one character.
 */
static PangoAttrList *
error_attributes (const char *text,
                  guint       pos)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *underline;
  const char *start, *end;
  glong length = g_utf8_strlen (text, -1);

  if (pos == 0 || pos > (guint) length)
    return attrs;

  start = g_utf8_offset_to_pointer (text, pos - 1);
  end = g_utf8_next_char (start);
  if (*start == '[')
    {
      while (*end != '\0' && *end != ']')
        end = g_utf8_next_char (end);
      if (*end == ']')
        end++;
    }
  else if (*start == '"')
    {
      while (*end != '\0' && *end != '"')
        end = g_utf8_next_char (end);
      if (*end == '"')
        end++;
    }
  else if (g_unichar_isalnum (g_utf8_get_char (start)) || *start == '_')
    {
      while (*end != '\0' && (g_unichar_isalnum (g_utf8_get_char (end)) || *end == '_'))
        end = g_utf8_next_char (end);
    }

  underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
  underline->start_index = start - text;
  underline->end_index = end - text;
  pango_attr_list_insert (attrs, underline);

  return attrs;
}

static void
update_message (ScImportRecipeKpiRow *self)
{
  GtkWidget *label = GTK_WIDGET (self->message_label);
  const char *error = self->formula_error ? self->formula_error : self->problem;
  g_autoptr(PangoAttrList) attrs = NULL;
  const char *text;

  if (error != NULL)
    {
      text = error;
      gtk_image_set_from_icon_name (self->message_icon, "dialog-error-symbolic");
      gtk_widget_set_visible (GTK_WIDGET (self->message_icon), TRUE);
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->formula_entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->formula_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      text = self->example ? self->example : "";
      gtk_widget_set_visible (GTK_WIDGET (self->message_icon), FALSE);
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->formula_entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->formula_entry), GTK_ACCESSIBLE_STATE_INVALID);
    }

  gtk_label_set_label (self->message_label, text);
  gtk_widget_set_visible (label, *text != '\0');
  /* The entry's description is what the line under it says */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->formula_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);

  attrs = self->formula_error ? error_attributes (gtk_editable_get_text (GTK_EDITABLE (self->formula_entry)),
                                                  self->error_pos)
                              : pango_attr_list_new ();
  gtk_entry_set_attributes (self->formula_entry, attrs);
}

/* Callbacks */

static void
on_formula_changed_cb (ScImportRecipeKpiRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

/* GObject */

static void
sc_import_recipe_kpi_row_finalize (GObject *object)
{
  ScImportRecipeKpiRow *self = (ScImportRecipeKpiRow *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->formula_error, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->example, g_free);

  G_OBJECT_CLASS (sc_import_recipe_kpi_row_parent_class)->finalize (object);
}

static void
sc_import_recipe_kpi_row_class_init (ScImportRecipeKpiRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sc_import_recipe_kpi_row_finalize;

  /**
   * ScImportRecipeKpiRow::changed:
   *
   * The formula was edited.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * ScImportRecipeKpiRow::remove:
   *
   * The user asked to leave this KPI out of the recipe.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/scorecards/Scorecards/sc-import-recipe-kpi-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipeKpiRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipeKpiRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipeKpiRow, formula_entry);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipeKpiRow, message_icon);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipeKpiRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportRecipeKpiRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_formula_changed_cb);

  gtk_widget_class_install_action (widget_class, "kpi.remove", NULL, remove_action);
}

static void
sc_import_recipe_kpi_row_init (ScImportRecipeKpiRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_import_recipe_kpi_row_new (const char *id,
                              const char *name,
                              const char *formula)
{
  ScImportRecipeKpiRow *self;
  g_autofree char *accessible = NULL;
  g_autofree char *remove = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (SC_TYPE_IMPORT_RECIPE_KPI_ROW, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name ? name : id);
  gtk_label_set_label (self->name_label, self->name);
  gtk_label_set_label (self->id_label, self->id);
  gtk_widget_set_visible (GTK_WIDGET (self->id_label), g_strcmp0 (self->name, self->id) != 0);
  g_signal_handlers_block_by_func (self->formula_entry, on_formula_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->formula_entry), formula ? formula : "");
  g_signal_handlers_unblock_by_func (self->formula_entry, on_formula_changed_cb, self);

  /* Translators: the accessible name of a KPI's formula entry, e.g. "Formula of Spend" */
  accessible = g_strdup_printf (_("Formula of %s"), self->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->formula_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  /* Translators: the accessible name of a KPI's remove button, e.g. "Remove Spend" */
  remove = g_strdup_printf (_("Remove %s"), self->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->name, -1);
  update_message (self);

  return GTK_WIDGET (self);
}

const char *
sc_import_recipe_kpi_row_get_id (ScImportRecipeKpiRow *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_KPI_ROW (self), NULL);
  return self->id;
}

const char *
sc_import_recipe_kpi_row_get_name (ScImportRecipeKpiRow *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_KPI_ROW (self), NULL);
  return self->name;
}

const char *
sc_import_recipe_kpi_row_get_formula (ScImportRecipeKpiRow *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_KPI_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->formula_entry));
}

void
sc_import_recipe_kpi_row_set_formula (ScImportRecipeKpiRow *self,
                                      const char           *formula)
{
  g_return_if_fail (SC_IS_IMPORT_RECIPE_KPI_ROW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->formula_entry), formula ? formula : "");
}

/* Parses the formula and binds it to @columns (the file's headers and
 * kinds); shows what is wrong, at which character, under the entry.
 * Returns whether it fits.
 */
gboolean
sc_import_recipe_kpi_row_check (ScImportRecipeKpiRow  *self,
                                const ScFormulaColumn *columns,
                                guint                  n_columns)
{
  const char *text;
  g_autoptr(ScFormula) formula = NULL;
  g_autoptr(GError) error = NULL;
  guint pos = 0;

  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_KPI_ROW (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self->formula_entry));
  g_clear_pointer (&self->formula_error, g_free);
  self->error_pos = 0;

  if (*text == '\0')
    self->formula_error = g_strdup (_("Write a formula, such as count(), sum(amount) or "
                                      "100 * share(status = \"Delivered\")"));
  else if ((formula = sc_formula_parse (text, SC_FORMULA_KPI, &pos, &error)) == NULL ||
           !sc_formula_bind (formula, columns, n_columns, &pos, &error))
    {
      /* The messages start with "at character N of the formula: …" */
      self->formula_error = g_strdup (error->message);
      if (*self->formula_error != '\0')
        {
          g_autofree char *rest = g_strdup (g_utf8_next_char (self->formula_error));
          g_autofree char *first = g_utf8_strup (self->formula_error,
                                                 g_utf8_next_char (self->formula_error) - self->formula_error);

          g_free (self->formula_error);
          self->formula_error = g_strconcat (first, rest, NULL);
        }
      self->error_pos = pos;
    }

  update_message (self);
  return self->formula_error == NULL;
}

gboolean
sc_import_recipe_kpi_row_is_valid (ScImportRecipeKpiRow *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_KPI_ROW (self), FALSE);
  return self->formula_error == NULL && self->problem == NULL;
}

/* A problem only the page sees, such as a second KPI with this id. */
void
sc_import_recipe_kpi_row_set_problem (ScImportRecipeKpiRow *self,
                                      const char           *problem)
{
  g_return_if_fail (SC_IS_IMPORT_RECIPE_KPI_ROW (self));

  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  update_message (self);
}

/* What the formula gives for the first rows, shown while it is valid. */
void
sc_import_recipe_kpi_row_set_example (ScImportRecipeKpiRow *self,
                                      const char           *example)
{
  g_return_if_fail (SC_IS_IMPORT_RECIPE_KPI_ROW (self));

  if (g_strcmp0 (self->example, example) == 0)
    return;
  g_free (self->example);
  self->example = g_strdup (example);
  update_message (self);
}

/* The line under the formula: what is wrong, or the example. */
const char *
sc_import_recipe_kpi_row_get_message (ScImportRecipeKpiRow *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_KPI_ROW (self), NULL);
  return gtk_label_get_label (self->message_label);
}

GtkEditable *
sc_import_recipe_kpi_row_get_entry (ScImportRecipeKpiRow *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_RECIPE_KPI_ROW (self), NULL);
  return GTK_EDITABLE (self->formula_entry);
}
