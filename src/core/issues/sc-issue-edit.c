/* sc-issue-edit.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undoable edits of issues: each function applies a change to an issue (or
 * adds or removes one) and pushes the pair that undoes and redoes it onto
 * an ScUndoStack. Several fields changed together, or one status given to
 * many issues, are one undo step. The issue records every change in its
 * history while it belongs to a workbook, undoing included: the history
 * says what happened, the undo stack only how to go back.
 *
 * Every function accepts a %NULL stack and then just applies the change.
 */

#define G_LOG_DOMAIN "sc-issue-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-enum-types.h"
#include "sc-issue-edit.h"

/* Property edits: one or more properties of one or more issues */

typedef struct
{
  ScIssue  *issue;
  guint     n_properties;
  char    **names;         /* NULL-terminated */
  GValue   *old_values;
  GValue   *new_values;
} PropertyEdit;

static void
property_edit_free (PropertyEdit *edit)
{
  for (guint i = 0; i < edit->n_properties; i++)
    {
      g_value_unset (&edit->old_values[i]);
      g_value_unset (&edit->new_values[i]);
    }
  g_free (edit->old_values);
  g_free (edit->new_values);
  g_strfreev (edit->names);
  g_clear_object (&edit->issue);
  g_free (edit);
}

/* Records the properties of @names that @values would change, with their
 * current values; NULL when nothing would change.
 */
static PropertyEdit *
property_edit_new (ScIssue            *issue,
                   guint               n_properties,
                   const char * const *names,
                   const GValue       *values)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (issue);
  g_autoptr(GPtrArray) changed_names = g_ptr_array_new ();
  g_autoptr(GArray) old_values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autoptr(GArray) new_values = g_array_new (FALSE, TRUE, sizeof (GValue));
  PropertyEdit *edit;

  for (guint i = 0; i < n_properties; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, names[i]);
      GValue old_value = G_VALUE_INIT;
      GValue new_value = G_VALUE_INIT;

      g_return_val_if_fail (pspec != NULL && (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0, NULL);

      g_value_init (&old_value, pspec->value_type);
      g_object_get_property (G_OBJECT (issue), names[i], &old_value);
      g_value_init (&new_value, pspec->value_type);
      if (!g_value_transform (&values[i], &new_value) ||
          g_param_values_cmp (pspec, &old_value, &new_value) == 0)
        {
          g_value_unset (&old_value);
          g_value_unset (&new_value);
          continue;
        }

      g_ptr_array_add (changed_names, g_strdup (names[i]));
      g_array_append_val (old_values, old_value);
      g_array_append_val (new_values, new_value);
    }

  if (changed_names->len == 0)
    return NULL;

  edit = g_new0 (PropertyEdit, 1);
  edit->issue = g_object_ref (issue);
  edit->n_properties = changed_names->len;
  g_ptr_array_add (changed_names, NULL);
  edit->names = (char **) g_ptr_array_free (g_steal_pointer (&changed_names), FALSE);
  edit->old_values = (GValue *) (gpointer) g_array_free (g_steal_pointer (&old_values), FALSE);
  edit->new_values = (GValue *) (gpointer) g_array_free (g_steal_pointer (&new_values), FALSE);

  return edit;
}

static void
property_edit_apply (PropertyEdit *edit,
                     gboolean      forward)
{
  g_object_setv (G_OBJECT (edit->issue), edit->n_properties, (const char **) edit->names,
                 forward ? edit->new_values : edit->old_values);
}

/* A group of property edits, undone and redone together */

static void
edits_undo (gpointer data)
{
  GPtrArray *edits = data;

  for (guint i = edits->len; i > 0; i--)
    property_edit_apply (g_ptr_array_index (edits, i - 1), FALSE);
}

static void
edits_redo (gpointer data)
{
  GPtrArray *edits = data;

  for (guint i = 0; i < edits->len; i++)
    property_edit_apply (g_ptr_array_index (edits, i), TRUE);
}

static GPtrArray *
edits_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) property_edit_free);
}

/* Applies @edits and makes them one undo step labelled @label. */
static void
edits_commit (ScUndoStack *stack,
              GPtrArray   *edits,
              const char  *label)
{
  edits_redo (edits);
  if (stack != NULL)
    sc_undo_stack_push (stack, label, edits_undo, edits_redo,
                        g_ptr_array_ref (edits), (GDestroyNotify) g_ptr_array_unref);
}

/* Sets @n_properties properties of @issue (by property name: "title",
 * "description", "owner", "due", "action", "reference", "kpi-id", "period",
 * "severity", "status") as one undo step. Returns FALSE, pushing nothing,
 * when no property would change.
 */
gboolean
sc_issue_edit_setv (ScUndoStack        *stack,
                    ScIssue            *issue,
                    const char         *label,
                    guint               n_properties,
                    const char * const *names,
                    const GValue       *values)
{
  g_autoptr(GPtrArray) edits = NULL;
  PropertyEdit *edit;

  g_return_val_if_fail (stack == NULL || SC_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (SC_IS_ISSUE (issue), FALSE);
  g_return_val_if_fail (n_properties == 0 || (names != NULL && values != NULL), FALSE);

  edit = property_edit_new (issue, n_properties, names, values);
  if (edit == NULL)
    return FALSE;

  edits = edits_new ();
  g_ptr_array_add (edits, edit);
  edits_commit (stack, edits, label ? label : _("Edit Issue"));

  return TRUE;
}

static gboolean
set_one (ScUndoStack  *stack,
         ScIssue      *issue,
         const char   *label,
         const char   *property,
         const GValue *value)
{
  return sc_issue_edit_setv (stack, issue, label, 1, &property, value);
}

/* Sets one string property ("title", "owner", "due", "kpi-id", …). */
gboolean
sc_issue_edit_set_string (ScUndoStack *stack,
                          ScIssue     *issue,
                          const char  *property,
                          const char  *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (property != NULL, FALSE);

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return set_one (stack, issue, NULL, property, &gvalue);
}

gboolean
sc_issue_edit_set_period (ScUndoStack *stack,
                          ScIssue     *issue,
                          ScPeriod     period)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT);
  g_value_set_int (&gvalue, period);
  return set_one (stack, issue, NULL, "period", &gvalue);
}

gboolean
sc_issue_edit_set_severity (ScUndoStack *stack,
                            ScIssue     *issue,
                            ScSeverity   severity)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (severity <= SC_SEVERITY_CRITICAL, FALSE);

  g_value_init (&gvalue, SC_TYPE_SEVERITY);
  g_value_set_enum (&gvalue, severity);
  return set_one (stack, issue, _("Change Issue Severity"), "severity", &gvalue);
}

static GValue *
status_value (GValue        *gvalue,
              ScIssueStatus  status)
{
  g_value_init (gvalue, SC_TYPE_ISSUE_STATUS);
  g_value_set_enum (gvalue, status);
  return gvalue;
}

gboolean
sc_issue_edit_set_status (ScUndoStack   *stack,
                          ScIssue       *issue,
                          ScIssueStatus  status)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (status <= SC_ISSUE_CLOSED, FALSE);

  return set_one (stack, issue, _("Change Issue Status"), "status", status_value (&gvalue, status));
}

/* Gives @status to every issue of @issues as one undo step. Returns the
 * number of issues that changed.
 */
guint
sc_issue_edit_set_status_bulk (ScUndoStack     *stack,
                               ScIssue * const *issues,
                               guint            n_issues,
                               ScIssueStatus    status)
{
  g_autoptr(GPtrArray) edits = edits_new ();
  g_auto(GValue) gvalue = G_VALUE_INIT;
  g_autofree char *label = NULL;
  const char *name = "status";

  g_return_val_if_fail (stack == NULL || SC_IS_UNDO_STACK (stack), 0);
  g_return_val_if_fail (n_issues == 0 || issues != NULL, 0);
  g_return_val_if_fail (status <= SC_ISSUE_CLOSED, 0);

  status_value (&gvalue, status);
  for (guint i = 0; i < n_issues; i++)
    {
      PropertyEdit *edit;

      g_return_val_if_fail (SC_IS_ISSUE (issues[i]), 0);
      if ((edit = property_edit_new (issues[i], 1, &name, &gvalue)))
        g_ptr_array_add (edits, edit);
    }

  if (edits->len == 0)
    return 0;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Change Status of %u Issue",
                                        "Change Status of %u Issues", edits->len),
                           edits->len);
  edits_commit (stack, edits, label);

  return edits->len;
}

/* Adding and removing issues */

typedef struct
{
  ScWorkbook *book;
  ScIssue    *issue;
  guint       position;   /* in the workbook's issues, while it is there */
} MembershipEdit;

static void
membership_edit_free (MembershipEdit *edit)
{
  g_clear_object (&edit->book);
  g_clear_object (&edit->issue);
  g_free (edit);
}

static MembershipEdit *
membership_edit_new (ScWorkbook *book,
                     ScIssue    *issue,
                     guint       position)
{
  MembershipEdit *edit = g_new0 (MembershipEdit, 1);

  edit->book = g_object_ref (book);
  edit->issue = g_object_ref (issue);
  edit->position = position;
  return edit;
}

/* Puts the issue back where it was, so that the Issues page and the saved
 * file list the issues as before.
 */
static void
membership_add (gpointer data)
{
  MembershipEdit *edit = data;

  sc_workbook_insert_issue (edit->book, edit->position, edit->issue);
}

static void
membership_remove (gpointer data)
{
  MembershipEdit *edit = data;

  sc_workbook_remove_issue (edit->book, edit->issue);
}

/* Where @issue is among the issues of @book, which holds it. */
static guint
find_position (ScWorkbook *book,
               ScIssue    *issue)
{
  GListModel *issues = sc_workbook_get_issues (book);
  guint n_issues = g_list_model_get_n_items (issues);

  for (guint i = 0; i < n_issues; i++)
    {
      g_autoptr(ScIssue) item = g_list_model_get_item (issues, i);

      if (item == issue)
        return i;
    }
  g_assert_not_reached ();
  return n_issues;
}

/* Adds @issue to @book as one undo step. FALSE when @book already holds an
 * issue with its id (nothing changes then).
 */
gboolean
sc_issue_edit_add (ScUndoStack *stack,
                   ScWorkbook  *book,
                   ScIssue     *issue)
{
  g_autofree char *label = NULL;
  guint position;

  g_return_val_if_fail (stack == NULL || SC_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (SC_IS_WORKBOOK (book), FALSE);
  g_return_val_if_fail (SC_IS_ISSUE (issue), FALSE);

  if (!sc_workbook_add_issue (book, issue))
    return FALSE;

  if (stack != NULL)
    {
      position = g_list_model_get_n_items (sc_workbook_get_issues (book)) - 1;
      label = g_strdup_printf (_("Add Issue “%s”"), sc_issue_get_title (issue));
      sc_undo_stack_push (stack, label, membership_remove, membership_add,
                          membership_edit_new (book, issue, position),
                          (GDestroyNotify) membership_edit_free);
    }

  return TRUE;
}

/* Removes @issue from @book as one undo step. */
void
sc_issue_edit_remove (ScUndoStack *stack,
                      ScWorkbook  *book,
                      ScIssue     *issue)
{
  g_autoptr(ScIssue) hold = NULL;
  g_autofree char *label = NULL;
  guint position;

  g_return_if_fail (stack == NULL || SC_IS_UNDO_STACK (stack));
  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (SC_IS_ISSUE (issue));

  if (sc_workbook_lookup_issue (book, sc_issue_get_id (issue)) != issue)
    return;

  position = find_position (book, issue);
  hold = g_object_ref (issue);
  sc_workbook_remove_issue (book, issue);

  if (stack != NULL)
    {
      label = g_strdup_printf (_("Delete Issue “%s”"), sc_issue_get_title (issue));
      sc_undo_stack_push (stack, label, membership_add, membership_remove,
                          membership_edit_new (book, issue, position),
                          (GDestroyNotify) membership_edit_free);
    }
}
