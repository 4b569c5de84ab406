/* sc-issue.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An issue: a note pinned to a partner (and optionally a KPI and period)
 * saying what is wrong and what is being done about it, with the history of
 * its changes.
 */

#define G_LOG_DOMAIN "sc-issue"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sc-i18n.h"
#include "sc-enum-types.h"
#include "sc-issue.h"
#include "sc-issue-private.h"
#include "sc-util-private.h"

struct _ScIssue
{
  GObject        parent_instance;

  char          *id;
  char          *partner_id;
  char          *kpi_id;
  char          *title;
  char          *description;
  char          *owner;
  char          *due;
  char          *action;
  char          *reference;
  char          *review_id;   /* the review that agreed this action, or NULL */
  GDateTime     *created;
  GDateTime     *updated;
  GPtrArray     *history;   /* ScIssueChange* */
  ScPeriod       period;
  ScSeverity     severity;
  ScIssueStatus  status;
  ScGranularity  granularity;   /* the workbook's, to write periods in the history */

  guint          track_changes : 1;
};

G_DEFINE_FINAL_TYPE (ScIssue, sc_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTNER_ID,
  PROP_KPI_ID,
  PROP_PERIOD,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SEVERITY,
  PROP_STATUS,
  PROP_OWNER,
  PROP_DUE,
  PROP_ACTION,
  PROP_REFERENCE,
  PROP_REVIEW_ID,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
change_free (gpointer data)
{
  ScIssueChange *change = data;

  g_clear_pointer (&change->time, g_date_time_unref);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/* Records a user's edit: a history entry and a new "updated" time. */
static void
record_change (ScIssue    *self,
               const char *field,
               const char *old_value,
               const char *new_value)
{
  g_autoptr(GDateTime) now = NULL;

  if (!self->track_changes)
    return;

  now = g_date_time_new_now_utc ();
  sc_issue_add_change (self, now, field, old_value, new_value);
  sc_issue_set_updated (self, now);
}

/* Sets one of the string fields, recording the change under @field. */
static void
set_string_field (ScIssue    *self,
                  char      **slot,
                  const char *value,
                  const char *field,
                  guint       prop_id)
{
  g_autofree char *old = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return;

  old = g_strdup (*slot);
  sc_set_str (slot, value);
  record_change (self, field, old, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
sc_issue_finalize (GObject *object)
{
  ScIssue *self = (ScIssue *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->partner_id, g_free);
  g_clear_pointer (&self->kpi_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->review_id, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_issue_parent_class)->finalize (object);
}

static void
sc_issue_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ScIssue *self = SC_ISSUE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_PARTNER_ID: g_value_set_string (value, self->partner_id); break;
    case PROP_KPI_ID: g_value_set_string (value, self->kpi_id); break;
    case PROP_PERIOD: g_value_set_int (value, self->period); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_SEVERITY: g_value_set_enum (value, self->severity); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_OWNER: g_value_set_string (value, self->owner); break;
    case PROP_DUE: g_value_set_string (value, self->due); break;
    case PROP_ACTION: g_value_set_string (value, self->action); break;
    case PROP_REFERENCE: g_value_set_string (value, self->reference); break;
    case PROP_REVIEW_ID: g_value_set_string (value, self->review_id); break;
    case PROP_UPDATED: g_value_set_boxed (value, self->updated); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_issue_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ScIssue *self = SC_ISSUE (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_dup_string (value); break;
    case PROP_PARTNER_ID: self->partner_id = g_value_dup_string (value); break;
    case PROP_KPI_ID: sc_issue_set_kpi_id (self, g_value_get_string (value)); break;
    case PROP_PERIOD: sc_issue_set_period (self, g_value_get_int (value)); break;
    case PROP_TITLE: sc_issue_set_title (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: sc_issue_set_description (self, g_value_get_string (value)); break;
    case PROP_SEVERITY: sc_issue_set_severity (self, g_value_get_enum (value)); break;
    case PROP_STATUS: sc_issue_set_status (self, g_value_get_enum (value)); break;
    case PROP_OWNER: sc_issue_set_owner (self, g_value_get_string (value)); break;
    case PROP_DUE: sc_issue_set_due (self, g_value_get_string (value)); break;
    case PROP_ACTION: sc_issue_set_action (self, g_value_get_string (value)); break;
    case PROP_REFERENCE: sc_issue_set_reference (self, g_value_get_string (value)); break;
    case PROP_REVIEW_ID: sc_issue_set_review_id (self, g_value_get_string (value)); break;
    case PROP_UPDATED: sc_issue_set_updated (self, g_value_get_boxed (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
sc_issue_class_init (ScIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_issue_finalize;
  object_class->get_property = sc_issue_get_property;
  object_class->set_property = sc_issue_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_ID] =
    g_param_spec_string ("partner-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KPI_ID] = string_pspec ("kpi-id");
  properties[PROP_PERIOD] =
    g_param_spec_int ("period", NULL, NULL, G_MININT32, G_MAXINT32, SC_PERIOD_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = string_pspec ("title");
  properties[PROP_DESCRIPTION] = string_pspec ("description");
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, SC_TYPE_SEVERITY, SC_SEVERITY_MEDIUM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SC_TYPE_ISSUE_STATUS, SC_ISSUE_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] = string_pspec ("owner");
  properties[PROP_DUE] = string_pspec ("due");
  properties[PROP_ACTION] = string_pspec ("action");
  properties[PROP_REFERENCE] = string_pspec ("reference");
  properties[PROP_REVIEW_ID] = string_pspec ("review-id");
  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_issue_init (ScIssue *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->owner = g_strdup ("");
  self->action = g_strdup ("");
  self->reference = g_strdup ("");
  self->period = SC_PERIOD_NONE;
  self->severity = SC_SEVERITY_MEDIUM;
  self->status = SC_ISSUE_OPEN;
  self->history = g_ptr_array_new_with_free_func (change_free);
}

/* Public API */

ScIssue *
sc_issue_new (const char *id,
              const char *partner_id,
              const char *title)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  ScIssue *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (partner_id != NULL, NULL);

  self = g_object_new (SC_TYPE_ISSUE,
                       "id", id,
                       "partner-id", partner_id,
                       "title", title,
                       NULL);
  self->created = g_date_time_ref (now);
  self->updated = g_date_time_ref (now);

  return self;
}

const char *
sc_issue_get_id (ScIssue *self)
{
  g_return_val_if_fail (SC_IS_ISSUE (self), NULL);
  return self->id;
}

const char *
sc_issue_get_partner_id (ScIssue *self)
{
  g_return_val_if_fail (SC_IS_ISSUE (self), NULL);
  return self->partner_id;
}

#define STRING_ACCESSORS(field, PROP)                                   \
  const char *                                                          \
  sc_issue_get_##field (ScIssue *self)                                  \
  {                                                                     \
    g_return_val_if_fail (SC_IS_ISSUE (self), NULL);                    \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  sc_issue_set_##field (ScIssue    *self,                               \
                        const char *value)                              \
  {                                                                     \
    g_return_if_fail (SC_IS_ISSUE (self));                              \
    set_string_field (self, &self->field, value, #field, PROP);         \
  }

/* Optional fields keep NULL for "none"; text fields keep "" */
STRING_ACCESSORS (kpi_id, PROP_KPI_ID)
STRING_ACCESSORS (due, PROP_DUE)
STRING_ACCESSORS (review_id, PROP_REVIEW_ID)

#undef STRING_ACCESSORS
#define STRING_ACCESSORS(field, PROP)                                   \
  const char *                                                          \
  sc_issue_get_##field (ScIssue *self)                                  \
  {                                                                     \
    g_return_val_if_fail (SC_IS_ISSUE (self), NULL);                    \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  sc_issue_set_##field (ScIssue    *self,                               \
                        const char *value)                              \
  {                                                                     \
    g_return_if_fail (SC_IS_ISSUE (self));                              \
    set_string_field (self, &self->field, value ? value : "", #field, PROP); \
  }

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (description, PROP_DESCRIPTION)
STRING_ACCESSORS (owner, PROP_OWNER)
STRING_ACCESSORS (action, PROP_ACTION)
STRING_ACCESSORS (reference, PROP_REFERENCE)

ScPeriod
sc_issue_get_period (ScIssue *self)
{
  g_return_val_if_fail (SC_IS_ISSUE (self), SC_PERIOD_NONE);
  return self->period;
}

void
sc_issue_set_period (ScIssue  *self,
                     ScPeriod  period)
{
  ScPeriod old;

  g_return_if_fail (SC_IS_ISSUE (self));

  if (self->period == period)
    return;
  old = self->period;
  self->period = period;
  if (self->track_changes)
    {
      /* Written as in the file ("2025-03"), like the other fields' values;
       * the history's reader turns it into a label.
       */
      g_autofree char *old_str = sc_period_to_string (self->granularity, old);
      g_autofree char *new_str = sc_period_to_string (self->granularity, period);

      record_change (self, "period", old_str, new_str);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

ScSeverity
sc_issue_get_severity (ScIssue *self)
{
  g_return_val_if_fail (SC_IS_ISSUE (self), SC_SEVERITY_MEDIUM);
  return self->severity;
}

void
sc_issue_set_severity (ScIssue    *self,
                       ScSeverity  severity)
{
  ScSeverity old;

  g_return_if_fail (SC_IS_ISSUE (self));

  if (self->severity == severity)
    return;
  old = self->severity;
  self->severity = severity;
  record_change (self, "severity", sc_severity_to_string (old), sc_severity_to_string (severity));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

ScIssueStatus
sc_issue_get_status (ScIssue *self)
{
  g_return_val_if_fail (SC_IS_ISSUE (self), SC_ISSUE_OPEN);
  return self->status;
}

void
sc_issue_set_status (ScIssue       *self,
                     ScIssueStatus  status)
{
  ScIssueStatus old;

  g_return_if_fail (SC_IS_ISSUE (self));

  if (self->status == status)
    return;
  old = self->status;
  self->status = status;
  record_change (self, "status", sc_issue_status_to_string (old), sc_issue_status_to_string (status));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

GDateTime *
sc_issue_get_created (ScIssue *self)
{
  g_return_val_if_fail (SC_IS_ISSUE (self), NULL);
  return self->created;
}

void
sc_issue_set_created (ScIssue   *self,
                      GDateTime *created)
{
  g_return_if_fail (SC_IS_ISSUE (self));

  if (created)
    g_date_time_ref (created);
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created;
}

GDateTime *
sc_issue_get_updated (ScIssue *self)
{
  g_return_val_if_fail (SC_IS_ISSUE (self), NULL);
  return self->updated;
}

void
sc_issue_set_updated (ScIssue   *self,
                      GDateTime *updated)
{
  g_return_if_fail (SC_IS_ISSUE (self));

  if (self->updated == updated)
    return;
  if (updated)
    g_date_time_ref (updated);
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = updated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

/* An issue is overdue when it has a due date before @today and is still open
 * or in progress.
 */
gboolean
sc_issue_is_overdue (ScIssue *self,
                     GDate   *today)
{
  GDate due;
  int y, m, d;

  g_return_val_if_fail (SC_IS_ISSUE (self), FALSE);

  if (self->due == NULL || self->status >= SC_ISSUE_RESOLVED)
    return FALSE;
  if (sscanf (self->due, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (&due, 1);
  g_date_set_dmy (&due, d, m, y);
  return g_date_compare (&due, today) < 0;
}

/* While tracking, every edit through a setter lands in the history. The
 * workbook turns tracking on once the issue is part of it, so that loading
 * a file or building a new issue is not recorded as edits.
 */
void
sc_issue_set_track_changes (ScIssue  *self,
                            gboolean  track_changes)
{
  g_return_if_fail (SC_IS_ISSUE (self));
  self->track_changes = !!track_changes;
}

/* The granularity the issue's period is counted in: the workbook's. The
 * issue needs it only to write its period changes into the history.
 */
void
sc_issue_set_granularity (ScIssue       *self,
                          ScGranularity  granularity)
{
  g_return_if_fail (SC_IS_ISSUE (self));
  self->granularity = granularity;
}

guint
sc_issue_get_n_changes (ScIssue *self)
{
  g_return_val_if_fail (SC_IS_ISSUE (self), 0);
  return self->history->len;
}

const ScIssueChange *
sc_issue_get_change (ScIssue *self,
                     guint    position)
{
  g_return_val_if_fail (SC_IS_ISSUE (self), NULL);
  g_return_val_if_fail (position < self->history->len, NULL);
  return g_ptr_array_index (self->history, position);
}

void
sc_issue_add_change (ScIssue    *self,
                     GDateTime  *time,
                     const char *field,
                     const char *old_value,
                     const char *new_value)
{
  ScIssueChange *change;

  g_return_if_fail (SC_IS_ISSUE (self));
  g_return_if_fail (time != NULL);
  g_return_if_fail (field != NULL);

  change = g_new0 (ScIssueChange, 1);
  change->time = g_date_time_ref (time);
  change->field = g_strdup (field);
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  g_ptr_array_add (self->history, change);
}

const char *
sc_severity_to_string (ScSeverity severity)
{
  static const char *names[] = { "low", "medium", "high", "critical" };

  return severity <= SC_SEVERITY_CRITICAL ? names[severity] : "medium";
}

gboolean
sc_severity_from_string (const char *str,
                         ScSeverity *severity)
{
  for (guint i = 0; i <= SC_SEVERITY_CRITICAL; i++)
    {
      if (g_strcmp0 (str, sc_severity_to_string (i)) == 0)
        {
          *severity = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
sc_severity_get_label (ScSeverity severity)
{
  switch (severity)
    {
    case SC_SEVERITY_LOW: return _("Low");
    case SC_SEVERITY_HIGH: return _("High");
    case SC_SEVERITY_CRITICAL: return _("Critical");
    case SC_SEVERITY_MEDIUM:
    default: return _("Medium");
    }
}

const char *
sc_issue_status_to_string (ScIssueStatus status)
{
  static const char *names[] = { "open", "in-progress", "resolved", "closed" };

  return status <= SC_ISSUE_CLOSED ? names[status] : "open";
}

gboolean
sc_issue_status_from_string (const char    *str,
                             ScIssueStatus *status)
{
  for (guint i = 0; i <= SC_ISSUE_CLOSED; i++)
    {
      if (g_strcmp0 (str, sc_issue_status_to_string (i)) == 0)
        {
          *status = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
sc_issue_status_get_label (ScIssueStatus status)
{
  switch (status)
    {
    case SC_ISSUE_IN_PROGRESS: return _("In progress");
    case SC_ISSUE_RESOLVED: return _("Resolved");
    case SC_ISSUE_CLOSED: return _("Closed");
    case SC_ISSUE_OPEN:
    default: return _("Open");
    }
}

/* TRUE when @str is a valid calendar date written YYYY-MM-DD. */
gboolean
sc_date_is_valid_iso (const char *str)
{
  int y, m, d;
  char tail;

  if (str == NULL || strlen (str) != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7 ? str[i] != '-' : !g_ascii_isdigit (str[i]))
        return FALSE;
    }
  if (sscanf (str, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}
