/* sc-review.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review: a meeting with a partner about its scorecard, with its date,
 * the period reviewed, who attended, the agenda, the decisions and notes.
 * Its action items are ordinary issues linked to it (ScIssue's review-id).
 * Once held (or once its pack is exported) it keeps a frozen snapshot of
 * the figures it showed (sc-review-snapshot.c).
 */

#define G_LOG_DOMAIN "sc-review"

#include "config.h"

#include "sc-i18n.h"

#include "sc-enum-types.h"
#include "sc-review.h"
#include "sc-review-snapshot.h"
#include "sc-util-private.h"

struct _ScReview
{
  GObject           parent_instance;

  char             *id;
  char             *partner_id;
  char             *date;          /* YYYY-MM-DD */
  char             *period;        /* a view as sc_rollup_to_string() writes it, or NULL */
  char            **attendees_ours;
  char            **attendees_theirs;
  char            **agenda;
  char             *decisions;
  char             *notes;
  char             *sent_file;
  char             *language;      /* the pack's language ("fr"), or NULL: the application's */
  GDateTime        *sent_at;
  ScReviewSnapshot *snapshot;
  ScReviewState     state;
};

G_DEFINE_FINAL_TYPE (ScReview, sc_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTNER_ID,
  PROP_DATE,
  PROP_PERIOD,
  PROP_ATTENDEES_OURS,
  PROP_ATTENDEES_THEIRS,
  PROP_AGENDA,
  PROP_DECISIONS,
  PROP_NOTES,
  PROP_STATE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const char * const empty_strv[] = { NULL };

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  a = a ? a : empty_strv;
  b = b ? b : empty_strv;
  return g_strv_equal (a, b);
}

static void
set_strv (ScReview           *self,
          char             ***slot,
          const char * const *value,
          guint               prop_id)
{
  if (strv_equal ((const char * const *) *slot, value))
    return;
  g_strfreev (*slot);
  *slot = g_strdupv ((char **) (value ? value : empty_strv));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_string (ScReview    *self,
            char       **slot,
            const char  *value,
            guint        prop_id)
{
  if (sc_set_str (slot, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
sc_review_finalize (GObject *object)
{
  ScReview *self = (ScReview *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->partner_id, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->attendees_ours, g_strfreev);
  g_clear_pointer (&self->attendees_theirs, g_strfreev);
  g_clear_pointer (&self->agenda, g_strfreev);
  g_clear_pointer (&self->decisions, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->sent_file, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  g_clear_pointer (&self->snapshot, sc_review_snapshot_unref);

  G_OBJECT_CLASS (sc_review_parent_class)->finalize (object);
}

static void
sc_review_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScReview *self = SC_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_PARTNER_ID: g_value_set_string (value, self->partner_id); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_PERIOD: g_value_set_string (value, self->period); break;
    case PROP_ATTENDEES_OURS: g_value_set_boxed (value, self->attendees_ours); break;
    case PROP_ATTENDEES_THEIRS: g_value_set_boxed (value, self->attendees_theirs); break;
    case PROP_AGENDA: g_value_set_boxed (value, self->agenda); break;
    case PROP_DECISIONS: g_value_set_string (value, self->decisions); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_review_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScReview *self = SC_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_dup_string (value); break;
    case PROP_PARTNER_ID: self->partner_id = g_value_dup_string (value); break;
    case PROP_DATE: sc_review_set_date (self, g_value_get_string (value)); break;
    case PROP_PERIOD: sc_review_set_period (self, g_value_get_string (value)); break;
    case PROP_ATTENDEES_OURS: sc_review_set_attendees_ours (self, g_value_get_boxed (value)); break;
    case PROP_ATTENDEES_THEIRS: sc_review_set_attendees_theirs (self, g_value_get_boxed (value)); break;
    case PROP_AGENDA: sc_review_set_agenda (self, g_value_get_boxed (value)); break;
    case PROP_DECISIONS: sc_review_set_decisions (self, g_value_get_string (value)); break;
    case PROP_NOTES: sc_review_set_notes (self, g_value_get_string (value)); break;
    case PROP_STATE: sc_review_set_state (self, g_value_get_enum (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_review_class_init (ScReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sc_review_finalize;
  object_class->get_property = sc_review_get_property;
  object_class->set_property = sc_review_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER_ID] =
    g_param_spec_string ("partner-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_PERIOD] = g_param_spec_string ("period", NULL, NULL, NULL, flags);
  properties[PROP_ATTENDEES_OURS] =
    g_param_spec_boxed ("attendees-ours", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_ATTENDEES_THEIRS] =
    g_param_spec_boxed ("attendees-theirs", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_AGENDA] = g_param_spec_boxed ("agenda", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_DECISIONS] = g_param_spec_string ("decisions", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SC_TYPE_REVIEW_STATE, SC_REVIEW_DRAFT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when something without a property changed: the snapshot, or
   * the sending.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sc_review_init (ScReview *self)
{
  self->attendees_ours = g_new0 (char *, 1);
  self->attendees_theirs = g_new0 (char *, 1);
  self->agenda = g_new0 (char *, 1);
  self->decisions = g_strdup ("");
  self->notes = g_strdup ("");
}

/* Public API */

ScReview *
sc_review_new (const char *id,
               const char *partner_id,
               const char *date)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (partner_id != NULL, NULL);

  return g_object_new (SC_TYPE_REVIEW, "id", id, "partner-id", partner_id, "date", date, NULL);
}

const char *
sc_review_get_id (ScReview *self)
{
  g_return_val_if_fail (SC_IS_REVIEW (self), NULL);
  return self->id;
}

const char *
sc_review_get_partner_id (ScReview *self)
{
  g_return_val_if_fail (SC_IS_REVIEW (self), NULL);
  return self->partner_id;
}

#define STRING_ACCESSORS(field, PROP, fallback)                         \
  const char *                                                          \
  sc_review_get_##field (ScReview *self)                                \
  {                                                                     \
    g_return_val_if_fail (SC_IS_REVIEW (self), NULL);                   \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  sc_review_set_##field (ScReview   *self,                              \
                         const char *value)                             \
  {                                                                     \
    g_return_if_fail (SC_IS_REVIEW (self));                             \
    set_string (self, &self->field, value ? value : fallback, PROP);    \
  }

STRING_ACCESSORS (date, PROP_DATE, NULL)
STRING_ACCESSORS (period, PROP_PERIOD, NULL)
STRING_ACCESSORS (decisions, PROP_DECISIONS, "")
STRING_ACCESSORS (notes, PROP_NOTES, "")

#undef STRING_ACCESSORS

#define STRV_ACCESSORS(field, PROP)                                     \
  const char * const *                                                  \
  sc_review_get_##field (ScReview *self)                                \
  {                                                                     \
    g_return_val_if_fail (SC_IS_REVIEW (self), NULL);                   \
    return (const char * const *) self->field;                          \
  }                                                                     \
  void                                                                  \
  sc_review_set_##field (ScReview           *self,                      \
                         const char * const *value)                     \
  {                                                                     \
    g_return_if_fail (SC_IS_REVIEW (self));                             \
    set_strv (self, &self->field, value, PROP);                         \
  }

STRV_ACCESSORS (attendees_ours, PROP_ATTENDEES_OURS)
STRV_ACCESSORS (attendees_theirs, PROP_ATTENDEES_THEIRS)
STRV_ACCESSORS (agenda, PROP_AGENDA)

#undef STRV_ACCESSORS

ScReviewState
sc_review_get_state (ScReview *self)
{
  g_return_val_if_fail (SC_IS_REVIEW (self), SC_REVIEW_DRAFT);
  return self->state;
}

void
sc_review_set_state (ScReview      *self,
                     ScReviewState  state)
{
  g_return_if_fail (SC_IS_REVIEW (self));

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

GDateTime *
sc_review_get_sent_at (ScReview *self)
{
  g_return_val_if_fail (SC_IS_REVIEW (self), NULL);
  return self->sent_at;
}

const char *
sc_review_get_sent_file (ScReview *self)
{
  g_return_val_if_fail (SC_IS_REVIEW (self), NULL);
  return self->sent_file;
}

/* Records that the pack went out at @sent_at as @sent_file (the file name
 * attached to the mail); the state becomes "sent". Both NULL: not sent.
 */
void
sc_review_set_sent (ScReview   *self,
                    GDateTime  *sent_at,
                    const char *sent_file)
{
  g_return_if_fail (SC_IS_REVIEW (self));

  if (sent_at)
    g_date_time_ref (sent_at);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  self->sent_at = sent_at;
  sc_set_str (&self->sent_file, sent_file);
  if (sent_at != NULL)
    sc_review_set_state (self, SC_REVIEW_SENT);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The language the review's pack and generated sentences are written in
 * ("fr"), kept when the pack is frozen so that exporting it again gives
 * the same words; NULL: the partner's report language, else the
 * application's.
 */
const char *
sc_review_get_language (ScReview *self)
{
  g_return_val_if_fail (SC_IS_REVIEW (self), NULL);
  return self->language;
}

void
sc_review_set_language (ScReview   *self,
                        const char *language)
{
  g_return_if_fail (SC_IS_REVIEW (self));

  if (language != NULL && language[0] == '\0')
    language = NULL;
  if (sc_set_str (&self->language, language))
    g_signal_emit (self, signals[CHANGED], 0);
}

ScReviewSnapshot *
sc_review_get_snapshot (ScReview *self)
{
  g_return_val_if_fail (SC_IS_REVIEW (self), NULL);
  return self->snapshot;
}

/* Keeps @snapshot (a reference) as the review's frozen figures; NULL
 * thaws the review.
 */
void
sc_review_set_snapshot (ScReview         *self,
                        ScReviewSnapshot *snapshot)
{
  g_return_if_fail (SC_IS_REVIEW (self));

  if (self->snapshot == snapshot)
    return;
  if (snapshot)
    sc_review_snapshot_ref (snapshot);
  g_clear_pointer (&self->snapshot, sc_review_snapshot_unref);
  self->snapshot = snapshot;
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
sc_review_is_frozen (ScReview *self)
{
  g_return_val_if_fail (SC_IS_REVIEW (self), FALSE);
  return self->snapshot != NULL;
}

/* Orders reviews by date, then id: the order of a partner's history. */
int
sc_review_compare (ScReview *a,
                   ScReview *b)
{
  int cmp = g_strcmp0 (a->date, b->date);

  return cmp != 0 ? cmp : g_strcmp0 (a->id, b->id);
}

const char *
sc_review_state_to_string (ScReviewState state)
{
  static const char *names[] = { "draft", "held", "sent" };

  return state <= SC_REVIEW_SENT ? names[state] : "draft";
}

gboolean
sc_review_state_from_string (const char    *str,
                             ScReviewState *state)
{
  for (guint i = 0; i <= SC_REVIEW_SENT; i++)
    {
      if (g_strcmp0 (str, sc_review_state_to_string (i)) == 0)
        {
          *state = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
sc_review_state_get_label (ScReviewState state)
{
  switch (state)
    {
    case SC_REVIEW_HELD: return _("Held");
    case SC_REVIEW_SENT: return _("Sent");
    case SC_REVIEW_DRAFT:
    default: return _("Draft");
    }
}
