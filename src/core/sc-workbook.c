/* sc-workbook.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook: partners, KPI definitions, dense measurement series over one
 * period range, issues and settings. Views listen to its list models and to
 * its "changed" signal.
 */

#define G_LOG_DOMAIN "sc-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-workbook.h"
#include "sc-issue-private.h"
#include "sc-score-history.h"
#include "sc-review-list-private.h"
#include "sc-scorecard-group.h"
#include "sc-standing.h"
#include "sc-util-private.h"

typedef struct
{
  ScPartner *partner;
  ScKpi     *kpi;
} SeriesKey;

struct _ScWorkbook
{
  GObject        parent_instance;

  GListStore    *partners;
  GListStore    *kpis;
  GListStore    *issues;
  GHashTable    *partners_by_id;     /* id → ScPartner (borrowed) */
  GHashTable    *kpis_by_id;         /* id → ScKpi (borrowed) */
  GHashTable    *kpi_positions;      /* ScKpi → position + 1 in kpis */
  GHashTable    *issues_by_id;       /* id → ScIssue (borrowed) */
  GHashTable    *series;             /* SeriesKey* → ScSeries* (owned) */
  GHashTable    *series_by_partner;  /* ScPartner* → GPtrArray of ScSeries* */

  ScGranularity  granularity;
  ScPeriod       first_period;
  guint          n_periods;

  char          *company;
  char          *confidentiality;
  char          *page_size;
  char          *notes;
  GArray        *grade_bands;        /* ScGradeBand */
  guint          trend_periods;
  GPtrArray     *recipes;            /* ScRecipe, newest last */
  GPtrArray     *groups;             /* ScScorecardGroup, in precedence order */
  guint          watch_periods;
  ScReviewList  *reviews;            /* sc-workbook-reviews.c */

  /* A score over several periods and as scored then (weighting branch) */
  ScPeriodWeighting weighting;
  GHashTable    *score_history;      /* "partner\tperiod" → ScScoredThen* */

  guint          modified : 1;
};

G_DEFINE_FINAL_TYPE (ScWorkbook, sc_workbook, G_TYPE_OBJECT)

G_DEFINE_QUARK (sc-workbook-error-quark, sc_workbook_error)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  SERIES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Series storage */

static guint
series_key_hash (gconstpointer data)
{
  const SeriesKey *key = data;

  return g_direct_hash (key->partner) * 31 + g_direct_hash (key->kpi);
}

static gboolean
series_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const SeriesKey *ka = a, *kb = b;

  return ka->partner == kb->partner && ka->kpi == kb->kpi;
}

static void
series_free (gpointer data)
{
  ScSeries *series = data;

  g_free (series->values);
  g_free (series->numerator);
  g_free (series->denominator);
  sc_series_clear_formula (series);
  g_object_unref (series->partner);
  g_object_unref (series->kpi);
  g_free (series);
}

static double *
new_nan_array (guint n)
{
  double *values = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    values[i] = NAN;

  return values;
}

/* Moves @old (n_old values starting at shift 0) into a new array of @n_new
 * values where the old first value lands at index @shift.
 */
static double *
regrow (double *old,
        guint   n_old,
        guint   n_new,
        guint   shift)
{
  double *values;

  if (old == NULL)
    return NULL;

  values = new_nan_array (n_new);
  memcpy (values + shift, old, n_old * sizeof (double));
  g_free (old);

  return values;
}

/* Signals */

static void
emit_changed (ScWorkbook *self)
{
  sc_workbook_changed (self);
}

static void
on_item_notify_cb (ScWorkbook *self,
                   GParamSpec *pspec,
                   GObject    *item)
{
  emit_changed (self);
}

static void
sc_workbook_finalize (GObject *object)
{
  ScWorkbook *self = (ScWorkbook *)object;

  g_clear_pointer (&self->series_by_partner, g_hash_table_unref);
  g_clear_pointer (&self->series, g_hash_table_unref);
  g_clear_pointer (&self->partners_by_id, g_hash_table_unref);
  g_clear_pointer (&self->kpis_by_id, g_hash_table_unref);
  g_clear_pointer (&self->kpi_positions, g_hash_table_unref);
  g_clear_pointer (&self->issues_by_id, g_hash_table_unref);
  g_clear_pointer (&self->reviews, sc_review_list_free);
  g_clear_object (&self->partners);
  g_clear_object (&self->kpis);
  g_clear_object (&self->issues);
  g_clear_pointer (&self->company, g_free);
  g_clear_pointer (&self->confidentiality, g_free);
  g_clear_pointer (&self->page_size, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->grade_bands, g_array_unref);
  g_clear_pointer (&self->recipes, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->score_history, g_hash_table_unref);

  G_OBJECT_CLASS (sc_workbook_parent_class)->finalize (object);
}

static void
sc_workbook_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScWorkbook *self = SC_WORKBOOK (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_workbook_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ScWorkbook *self = SC_WORKBOOK (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      sc_workbook_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_workbook_class_init (ScWorkbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_workbook_finalize;
  object_class->get_property = sc_workbook_get_property;
  object_class->set_property = sc_workbook_set_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScWorkbook::changed:
   *
   * Emitted after anything in the workbook changed: a definition, a value,
   * an issue or a setting.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * ScWorkbook::series-changed:
   * @partner: the partner
   * @kpi: the KPI
   *
   * Emitted when values of one series changed, before #ScWorkbook::changed.
   */
  signals[SERIES_CHANGED] =
    g_signal_new ("series-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, SC_TYPE_PARTNER, SC_TYPE_KPI);
}

static void
sc_workbook_init (ScWorkbook *self)
{
  static const ScGradeBand defaults[] = {
    { (char *) "A", 90 }, { (char *) "B", 75 }, { (char *) "C", 60 }, { (char *) "D", 0 },
  };  /* the rest from sc_standing_fill_defaults() */

  self->partners = g_list_store_new (SC_TYPE_PARTNER);
  self->kpis = g_list_store_new (SC_TYPE_KPI);
  self->issues = g_list_store_new (SC_TYPE_ISSUE);
  self->partners_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->kpis_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->kpi_positions = g_hash_table_new (NULL, NULL);
  self->issues_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->series = g_hash_table_new_full (series_key_hash, series_key_equal, NULL, series_free);
  self->series_by_partner = g_hash_table_new_full (NULL, NULL, NULL,
                                                   (GDestroyNotify) g_ptr_array_unref);
  self->recipes = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_recipe_unref);
  self->reviews = sc_review_list_new ();
  self->granularity = SC_GRANULARITY_MONTH;
  self->first_period = SC_PERIOD_NONE;
  self->company = g_strdup ("");
  self->confidentiality = g_strdup ("");
  self->page_size = g_strdup ("a4");
  self->notes = g_strdup ("");
  self->trend_periods = 6;
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_scorecard_group_unref);
  self->watch_periods = 3;
  self->weighting = SC_PERIOD_WEIGHTING_LATEST;
  self->score_history = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) sc_scored_then_free);
  sc_workbook_set_grade_bands (self, defaults, G_N_ELEMENTS (defaults));
  self->modified = FALSE;
}

/* Public API */

ScWorkbook *
sc_workbook_new (void)
{
  return g_object_new (SC_TYPE_WORKBOOK, NULL);
}

GListModel *
sc_workbook_get_partners (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->partners);
}

ScPartner *
sc_workbook_lookup_partner (ScWorkbook *self,
                            const char *id)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  return id ? g_hash_table_lookup (self->partners_by_id, id) : NULL;
}

/* Adds @partner; FALSE when a partner with its id is already there. */
gboolean
sc_workbook_add_partner (ScWorkbook *self,
                         ScPartner  *partner)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (SC_IS_PARTNER (partner), FALSE);

  if (g_hash_table_contains (self->partners_by_id, sc_partner_get_id (partner)))
    return FALSE;

  g_hash_table_insert (self->partners_by_id, (char *) sc_partner_get_id (partner), partner);
  g_list_store_append (self->partners, partner);
  g_signal_connect_object (partner, "notify", G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (partner, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  emit_changed (self);

  return TRUE;
}

/* Removes @partner with its series and issues. */
void
sc_workbook_remove_partner (ScWorkbook *self,
                            ScPartner  *partner)
{
  g_autoptr(ScPartner) hold = NULL;
  GPtrArray *list;
  guint position;

  g_return_if_fail (SC_IS_WORKBOOK (self));
  g_return_if_fail (SC_IS_PARTNER (partner));

  if (!g_list_store_find (self->partners, partner, &position))
    return;

  hold = g_object_ref (partner);
  g_signal_handlers_disconnect_by_data (partner, self);

  list = g_hash_table_lookup (self->series_by_partner, partner);
  if (list != NULL)
    {
      g_autoptr(GPtrArray) doomed = g_ptr_array_ref (list);

      g_hash_table_steal (self->series_by_partner, partner);
      for (guint i = 0; i < doomed->len; i++)
        {
          ScSeries *s = g_ptr_array_index (doomed, i);
          SeriesKey key = { s->partner, s->kpi };

          g_hash_table_remove (self->series, &key);
        }
      g_ptr_array_unref (doomed);
    }

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->issues)); i > 0; i--)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (G_LIST_MODEL (self->issues), i - 1);

      if (g_strcmp0 (sc_issue_get_partner_id (issue), sc_partner_get_id (partner)) == 0)
        sc_workbook_remove_issue (self, issue);
    }

  sc_workbook_remove_partner_reviews (self, partner);
  g_hash_table_remove (self->partners_by_id, sc_partner_get_id (partner));
  g_list_store_remove (self->partners, position);
  emit_changed (self);
}

GListModel *
sc_workbook_get_kpis (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->kpis);
}

ScKpi *
sc_workbook_lookup_kpi (ScWorkbook *self,
                        const char *id)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  return id ? g_hash_table_lookup (self->kpis_by_id, id) : NULL;
}

gboolean
sc_workbook_add_kpi (ScWorkbook *self,
                     ScKpi      *kpi)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (SC_IS_KPI (kpi), FALSE);

  if (g_hash_table_contains (self->kpis_by_id, sc_kpi_get_id (kpi)))
    return FALSE;

  g_hash_table_insert (self->kpis_by_id, (char *) sc_kpi_get_id (kpi), kpi);
  g_list_store_append (self->kpis, kpi);
  g_hash_table_insert (self->kpi_positions, kpi,
                       GUINT_TO_POINTER (g_list_model_get_n_items (G_LIST_MODEL (self->kpis))));
  g_signal_connect_object (kpi, "notify", G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
  emit_changed (self);

  return TRUE;
}

/* Removes @kpi with its series. Issues pinned to it keep their KPI id. */
void
sc_workbook_remove_kpi (ScWorkbook *self,
                        ScKpi      *kpi)
{
  g_autoptr(ScKpi) hold = NULL;
  GHashTableIter iter;
  gpointer key;
  guint position;

  g_return_if_fail (SC_IS_WORKBOOK (self));
  g_return_if_fail (SC_IS_KPI (kpi));

  if (!g_list_store_find (self->kpis, kpi, &position))
    return;

  hold = g_object_ref (kpi);
  g_signal_handlers_disconnect_by_data (kpi, self);

  g_hash_table_iter_init (&iter, self->series_by_partner);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    sc_workbook_remove_series (self, key, kpi);

  g_hash_table_remove (self->kpis_by_id, sc_kpi_get_id (kpi));
  g_list_store_remove (self->kpis, position);
  emit_changed (self);
}

GListModel *
sc_workbook_get_issues (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->issues);
}

ScIssue *
sc_workbook_lookup_issue (ScWorkbook *self,
                          const char *id)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  return id ? g_hash_table_lookup (self->issues_by_id, id) : NULL;
}

/* Adds @issue after the others and starts recording its edits in its
 * history. FALSE when the workbook holds an issue with its id already.
 */
gboolean
sc_workbook_add_issue (ScWorkbook *self,
                       ScIssue    *issue)
{
  return sc_workbook_insert_issue (self, G_MAXUINT, issue);
}

/* Like sc_workbook_add_issue(), at @position in the list of issues (the
 * end when past it): undoing a delete puts the issue back where it was.
 */
gboolean
sc_workbook_insert_issue (ScWorkbook *self,
                          guint       position,
                          ScIssue    *issue)
{
  guint n_issues;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (SC_IS_ISSUE (issue), FALSE);

  if (g_hash_table_contains (self->issues_by_id, sc_issue_get_id (issue)))
    return FALSE;

  n_issues = g_list_model_get_n_items (G_LIST_MODEL (self->issues));
  g_hash_table_insert (self->issues_by_id, (char *) sc_issue_get_id (issue), issue);
  g_list_store_insert (self->issues, MIN (position, n_issues), issue);
  sc_issue_set_granularity (issue, self->granularity);
  sc_issue_set_track_changes (issue, TRUE);
  g_signal_connect_object (issue, "notify", G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
  emit_changed (self);

  return TRUE;
}

void
sc_workbook_remove_issue (ScWorkbook *self,
                          ScIssue    *issue)
{
  guint position;

  g_return_if_fail (SC_IS_WORKBOOK (self));
  g_return_if_fail (SC_IS_ISSUE (issue));

  if (!g_list_store_find (self->issues, issue, &position))
    return;

  g_signal_handlers_disconnect_by_data (issue, self);
  sc_issue_set_track_changes (issue, FALSE);
  g_hash_table_remove (self->issues_by_id, sc_issue_get_id (issue));
  g_list_store_remove (self->issues, position);
  emit_changed (self);
}

/* A fresh issue id, "ISS-0001" upwards, not used in the workbook yet. */
char *
sc_workbook_next_issue_id (ScWorkbook *self)
{
  guint n;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);

  for (n = g_hash_table_size (self->issues_by_id) + 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("ISS-%04u", n);

      if (!g_hash_table_contains (self->issues_by_id, id))
        return g_steal_pointer (&id);
    }
}

/* Counts the issues of @partner (or of all partners when %NULL) that are
 * open or in progress.
 */
guint
sc_workbook_count_open_issues (ScWorkbook *self,
                               ScPartner  *partner)
{
  guint n_items, count = 0;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->issues));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (G_LIST_MODEL (self->issues), i);

      if (partner != NULL &&
          g_strcmp0 (sc_issue_get_partner_id (issue), sc_partner_get_id (partner)) != 0)
        continue;
      if (sc_issue_get_status (issue) <= SC_ISSUE_IN_PROGRESS)
        count++;
    }

  return count;
}

ScGranularity
sc_workbook_get_granularity (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), SC_GRANULARITY_MONTH);
  return self->granularity;
}

/* The granularity can only change while the workbook holds no series. */
gboolean
sc_workbook_set_granularity (ScWorkbook    *self,
                             ScGranularity  granularity)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), FALSE);

  if (self->granularity == granularity)
    return TRUE;
  if (g_hash_table_size (self->series) > 0)
    return FALSE;

  self->granularity = granularity;
  self->first_period = SC_PERIOD_NONE;
  self->n_periods = 0;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->issues)); i++)
    {
      g_autoptr(ScIssue) issue = g_list_model_get_item (G_LIST_MODEL (self->issues), i);

      sc_issue_set_granularity (issue, granularity);
    }
  emit_changed (self);

  return TRUE;
}

ScPeriod
sc_workbook_get_first_period (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), SC_PERIOD_NONE);
  return self->first_period;
}

guint
sc_workbook_get_n_periods (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), 0);
  return self->n_periods;
}

/* Grows the period range to cover @first … @last, moving every series. */
gboolean
sc_workbook_ensure_periods (ScWorkbook  *self,
                            ScPeriod     first,
                            ScPeriod     last,
                            GError     **error)
{
  ScPeriod new_first, new_last;
  GHashTableIter iter;
  gpointer value;
  guint n_new, shift;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (first <= last, FALSE);

  if (self->n_periods == 0)
    {
      new_first = first;
      new_last = last;
    }
  else
    {
      new_first = MIN (first, self->first_period);
      new_last = MAX (last, self->first_period + (ScPeriod) self->n_periods - 1);
    }

  if ((gint64) new_last - new_first + 1 > SC_WORKBOOK_MAX_PERIODS)
    {
      g_set_error (error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_TOO_LARGE,
                   _("The workbook would span %.0f periods; at most %d are supported"),
                   (double) new_last - new_first + 1, SC_WORKBOOK_MAX_PERIODS);
      return FALSE;
    }

  n_new = new_last - new_first + 1;
  if (self->n_periods != 0 && new_first == self->first_period && n_new == self->n_periods)
    return TRUE;

  shift = self->n_periods == 0 ? 0 : (guint) (self->first_period - new_first);
  g_hash_table_iter_init (&iter, self->series);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ScSeries *s = value;

      s->values = regrow (s->values, self->n_periods, n_new, shift);
      s->numerator = regrow (s->numerator, self->n_periods, n_new, shift);
      s->denominator = regrow (s->denominator, self->n_periods, n_new, shift);
      for (guint k = 0; k < s->n_parts; k++)
        s->parts[k] = regrow (s->parts[k], self->n_periods, n_new, shift);
    }

  self->first_period = new_first;
  self->n_periods = n_new;
  emit_changed (self);

  return TRUE;
}

/* The last period in which any series has a value, or SC_PERIOD_NONE. */
ScPeriod
sc_workbook_get_latest_period (ScWorkbook *self)
{
  GHashTableIter iter;
  gpointer value;
  int latest = -1;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), SC_PERIOD_NONE);

  g_hash_table_iter_init (&iter, self->series);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ScSeries *s = value;

      for (int i = (int) self->n_periods - 1; i > latest; i--)
        {
          if (!isnan (s->values[i]))
            {
              latest = i;
              break;
            }
        }
    }

  return latest < 0 ? SC_PERIOD_NONE : self->first_period + latest;
}

/* Returns the series of @partner × @kpi, creating an empty one. Both must
 * belong to the workbook.
 */
ScSeries *
sc_workbook_ensure_series (ScWorkbook *self,
                           ScPartner  *partner,
                           ScKpi      *kpi)
{
  SeriesKey key = { partner, kpi };
  ScSeries *series;
  GPtrArray *list;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (SC_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (SC_IS_KPI (kpi), NULL);

  series = g_hash_table_lookup (self->series, &key);
  if (series != NULL)
    return series;

  series = g_new0 (ScSeries, 1);
  series->partner = g_object_ref (partner);
  series->kpi = g_object_ref (kpi);
  series->values = new_nan_array (self->n_periods);
  /* The key lives inside the series: partner and kpi are its first members */
  g_hash_table_insert (self->series, series, series);

  list = g_hash_table_lookup (self->series_by_partner, partner);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->series_by_partner, partner, list);
    }
  g_ptr_array_add (list, series);

  return series;
}

const ScSeries *
sc_workbook_get_series (ScWorkbook *self,
                        ScPartner  *partner,
                        ScKpi      *kpi)
{
  SeriesKey key = { partner, kpi };

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);

  return g_hash_table_lookup (self->series, &key);
}

/* Removes the series of @partner and @kpi, if there is one. */
void
sc_workbook_remove_series (ScWorkbook *self,
                           ScPartner  *partner,
                           ScKpi      *kpi)
{
  SeriesKey key = { partner, kpi };
  ScSeries *series;
  GPtrArray *list;

  g_return_if_fail (SC_IS_WORKBOOK (self));

  series = g_hash_table_lookup (self->series, &key);
  if (series == NULL)
    return;

  list = g_hash_table_lookup (self->series_by_partner, partner);
  if (list != NULL)
    g_ptr_array_remove (list, series);
  g_hash_table_remove (self->series, &key);
  emit_changed (self);
}

static int
compare_series_by_kpi (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GHashTable *positions = user_data;
  const ScSeries *sa = *(ScSeries * const *) a;
  const ScSeries *sb = *(ScSeries * const *) b;
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (positions, sa->kpi));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (positions, sb->kpi));

  return (pa > pb) - (pa < pb);
}

/* The series of @partner in the order of the workbook's KPI list. */
GPtrArray *
sc_workbook_dup_partner_series (ScWorkbook *self,
                                ScPartner  *partner)
{
  GPtrArray *list, *ret;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);

  ret = g_ptr_array_new ();
  list = g_hash_table_lookup (self->series_by_partner, partner);
  if (list == NULL)
    return ret;

  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (ret, g_ptr_array_index (list, i));
  g_ptr_array_sort_with_data (ret, compare_series_by_kpi, self->kpi_positions);

  return ret;
}

guint
sc_workbook_get_n_series (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), 0);
  return g_hash_table_size (self->series);
}

double
sc_workbook_get_value (ScWorkbook *self,
                       ScPartner  *partner,
                       ScKpi      *kpi,
                       ScPeriod    period)
{
  const ScSeries *series;
  gint64 index;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NAN);

  series = sc_workbook_get_series (self, partner, kpi);
  index = (gint64) period - self->first_period;
  if (series == NULL || self->n_periods == 0 || index < 0 || index >= self->n_periods)
    return NAN;

  return series->values[index];
}

gboolean
sc_workbook_set_value (ScWorkbook  *self,
                       ScPartner   *partner,
                       ScKpi       *kpi,
                       ScPeriod     period,
                       double       value,
                       GError     **error)
{
  ScSeries *series;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), FALSE);

  if (!sc_workbook_ensure_periods (self, period, period, error))
    return FALSE;

  series = sc_workbook_ensure_series (self, partner, kpi);
  series->values[period - self->first_period] = value;
  /* An edited value no longer follows from the rows: roll-ups fall back
   * to the KPI's aggregation where they cover it.
   */
  for (guint k = 0; k < series->n_parts; k++)
    series->parts[k][period - self->first_period] = NAN;
  sc_workbook_series_changed (self, series);

  return TRUE;
}

/* Gives @series the recipe formula its values are computed with, and empty
 * parts (NaN) over @n_periods; replaces any formula and parts it had.
 */
void
sc_series_set_formula (ScSeries  *series,
                       ScFormula *formula,
                       guint      n_periods)
{
  g_return_if_fail (series != NULL);
  g_return_if_fail (formula != NULL);

  sc_series_clear_formula (series);
  series->formula = sc_formula_ref (formula);
  series->n_parts = 1 + sc_formula_get_n_parts (formula);
  series->parts = g_new (double *, series->n_parts);
  for (guint k = 0; k < series->n_parts; k++)
    series->parts[k] = new_nan_array (n_periods);
}

void
sc_series_clear_formula (ScSeries *series)
{
  for (guint k = 0; k < series->n_parts; k++)
    g_free (series->parts[k]);
  g_clear_pointer (&series->parts, g_free);
  g_clear_pointer (&series->formula, sc_formula_unref);
  series->n_parts = 0;
}

/* To be called after changing a series' arrays in place. */
void
sc_workbook_series_changed (ScWorkbook *self,
                            ScSeries   *series)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));
  g_return_if_fail (series != NULL);

  g_signal_emit (self, signals[SERIES_CHANGED], 0, series->partner, series->kpi);
  emit_changed (self);
}

#define STRING_SETTING(field)                                           \
  const char *                                                          \
  sc_workbook_get_##field (ScWorkbook *self)                            \
  {                                                                     \
    g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);                 \
    return self->field;                                                 \
  }

STRING_SETTING (company)
STRING_SETTING (confidentiality)
STRING_SETTING (page_size)
STRING_SETTING (notes)

void
sc_workbook_set_company (ScWorkbook *self,
                         const char *company)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));
  if (sc_set_str (&self->company, company ? company : ""))
    emit_changed (self);
}

void
sc_workbook_set_confidentiality (ScWorkbook *self,
                                 const char *text)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));
  if (sc_set_str (&self->confidentiality, text ? text : ""))
    emit_changed (self);
}

void
sc_workbook_set_page_size (ScWorkbook *self,
                           const char *page_size)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));
  g_return_if_fail (g_strcmp0 (page_size, "a4") == 0 || g_strcmp0 (page_size, "letter") == 0);
  if (sc_set_str (&self->page_size, page_size))
    emit_changed (self);
}

void
sc_workbook_set_notes (ScWorkbook *self,
                       const char *notes)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));
  if (sc_set_str (&self->notes, notes ? notes : ""))
    emit_changed (self);
}

guint
sc_workbook_get_trend_periods (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), 6);
  return self->trend_periods;
}

void
sc_workbook_set_trend_periods (ScWorkbook *self,
                               guint       n_periods)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));

  n_periods = CLAMP (n_periods, 2, 60);
  if (self->trend_periods == n_periods)
    return;
  self->trend_periods = n_periods;
  emit_changed (self);
}

guint
sc_workbook_get_n_grade_bands (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), 0);
  return self->grade_bands->len;
}

const ScGradeBand *
sc_workbook_get_grade_band (ScWorkbook *self,
                            guint       position)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (position < self->grade_bands->len, NULL);
  return &g_array_index (self->grade_bands, ScGradeBand, position);
}

static int
compare_bands (gconstpointer a,
               gconstpointer b)
{
  const ScGradeBand *ba = a, *bb = b;

  return (ba->min_score < bb->min_score) - (ba->min_score > bb->min_score);
}

static void
clear_band (gpointer data)
{
  ScGradeBand *band = data;

  g_clear_pointer (&band->grade, g_free);
  g_clear_pointer (&band->action, g_free);
  g_clear_pointer (&band->colour, g_free);
  g_clear_pointer (&band->symbol, g_free);
}

static GArray *
new_band_array (void)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (ScGradeBand));

  g_array_set_clear_func (array, clear_band);
  return array;
}

/* Replaces the grade bands; they are kept from the best to the worst. */
void
sc_workbook_set_grade_bands (ScWorkbook        *self,
                             const ScGradeBand *bands,
                             guint              n_bands)
{
  GArray *array;

  g_return_if_fail (SC_IS_WORKBOOK (self));
  g_return_if_fail (bands != NULL || n_bands == 0);

  array = new_band_array ();
  for (guint i = 0; i < n_bands; i++)
    {
      ScGradeBand band = { g_strdup (bands[i].grade), bands[i].min_score,
                           g_strdup (bands[i].action), g_strdup (bands[i].colour),
                           g_strdup (bands[i].symbol) };

      g_array_append_val (array, band);
    }
  g_array_sort (array, compare_bands);
  sc_standing_fill_defaults ((ScGradeBand *) (gpointer) array->data, array->len);

  g_clear_pointer (&self->grade_bands, g_array_unref);
  self->grade_bands = array;

  emit_changed (self);
}

/* The grade of @score: the first band whose minimum it reaches; the worst
 * band when it reaches none, and %NULL for NaN (no data).
 */
const char *
sc_workbook_grade_for_score (ScWorkbook *self,
                             double      score)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);

  if (isnan (score) || self->grade_bands->len == 0)
    return NULL;

  for (guint i = 0; i < self->grade_bands->len; i++)
    {
      const ScGradeBand *band = &g_array_index (self->grade_bands, ScGradeBand, i);

      if (score >= band->min_score)
        return band->grade;
    }

  return g_array_index (self->grade_bands, ScGradeBand, self->grade_bands->len - 1).grade;
}

/* A score over several periods (sc-period-weighting.c) */

const ScPeriodWeighting *
sc_workbook_get_period_weighting (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  return &self->weighting;
}

/* @weighting must be valid (sc_period_weighting_validate()). */
void
sc_workbook_set_period_weighting (ScWorkbook              *self,
                                  const ScPeriodWeighting *weighting)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));
  g_return_if_fail (weighting != NULL);
  g_return_if_fail (sc_period_weighting_validate (weighting, NULL));

  if (sc_period_weighting_equal (&self->weighting, weighting))
    return;
  self->weighting = sc_period_weighting_is_latest (weighting) ? SC_PERIOD_WEIGHTING_LATEST : *weighting;
  emit_changed (self);
}

/* The scores as scored then, for sc-score-history.c only: "partner\tperiod"
 * → ScScoredThen*, owned by the workbook.
 */
GHashTable *
sc_workbook_get_score_history (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  return self->score_history;
}

gboolean
sc_workbook_get_modified (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), FALSE);
  return self->modified;
}

void
sc_workbook_set_modified (ScWorkbook *self,
                          gboolean    modified)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Marks the workbook modified and tells the views. */
void
sc_workbook_changed (ScWorkbook *self)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));

  sc_workbook_set_modified (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Recipes */

guint
sc_workbook_get_n_recipes (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), 0);
  return self->recipes->len;
}

ScRecipe *
sc_workbook_get_recipe (ScWorkbook *self,
                        guint       position)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (position < self->recipes->len, NULL);
  return g_ptr_array_index (self->recipes, position);
}

static gboolean
same_columns (ScRecipe *a,
              ScRecipe *b)
{
  return a->columns != NULL && b->columns != NULL &&
         sc_recipe_fits_columns (a, (const char **) b->columns, g_strv_length (b->columns)) &&
         sc_recipe_fits_columns (b, (const char **) a->columns, g_strv_length (a->columns));
}

/**
 * sc_workbook_add_recipe:
 *
 * Keeps @recipe with the workbook, so that the next export of the same
 * kind imports with it. It replaces a recipe of the same name or made for
 * the same columns.
 *
 * Returns: (transfer full) (nullable): the recipe it replaced
 */
ScRecipe *
sc_workbook_add_recipe (ScWorkbook *self,
                        ScRecipe   *recipe)
{
  ScRecipe *replaced = NULL;

  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (recipe != NULL, NULL);

  for (guint i = 0; i < self->recipes->len; i++)
    {
      ScRecipe *old = g_ptr_array_index (self->recipes, i);

      if (old == recipe)
        return NULL;
      if ((old->name != NULL && g_strcmp0 (old->name, recipe->name) == 0) || same_columns (old, recipe))
        {
          replaced = g_ptr_array_steal_index (self->recipes, i);
          break;
        }
    }

  g_ptr_array_add (self->recipes, sc_recipe_ref (recipe));
  emit_changed (self);
  return replaced;
}

void
sc_workbook_remove_recipe (ScWorkbook *self,
                           ScRecipe   *recipe)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));

  if (g_ptr_array_remove (self->recipes, recipe))
    emit_changed (self);
}

/* The newest recipe made for a file with @columns, or NULL. */
ScRecipe *
sc_workbook_find_recipe (ScWorkbook  *self,
                         const char **columns,
                         guint        n_columns)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);

  for (guint i = self->recipes->len; i > 0; i--)
    {
      ScRecipe *recipe = g_ptr_array_index (self->recipes, i - 1);

      if (sc_recipe_fits_columns (recipe, columns, n_columns))
        return recipe;
    }
  return NULL;
}

/* Standings and scorecard groups */

/* How many periods in a row in the lowest standing put a partner on the
 * watch list (docs/scoring.md, "Watch list").
 */
guint
sc_workbook_get_watch_periods (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), 3);
  return self->watch_periods;
}

void
sc_workbook_set_watch_periods (ScWorkbook *self,
                               guint       n_periods)
{
  g_return_if_fail (SC_IS_WORKBOOK (self));

  n_periods = CLAMP (n_periods, 1, 60);
  if (self->watch_periods == n_periods)
    return;
  self->watch_periods = n_periods;
  emit_changed (self);
}

guint
sc_workbook_get_n_scorecard_groups (ScWorkbook *self)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), 0);
  return self->groups->len;
}

ScScorecardGroup *
sc_workbook_get_scorecard_group (ScWorkbook *self,
                                 guint       position)
{
  g_return_val_if_fail (SC_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (position < self->groups->len, NULL);
  return g_ptr_array_index (self->groups, position);
}

/* Replaces the scorecard groups with @groups (referenced), in precedence
 * order. A group edited in place is announced with sc_workbook_changed().
 */
void
sc_workbook_set_scorecard_groups (ScWorkbook        *self,
                                  ScScorecardGroup **groups,
                                  guint              n_groups)
{
  GPtrArray *array;

  g_return_if_fail (SC_IS_WORKBOOK (self));
  g_return_if_fail (groups != NULL || n_groups == 0);

  array = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_scorecard_group_unref);
  for (guint i = 0; i < n_groups; i++)
    g_ptr_array_add (array, sc_scorecard_group_ref (groups[i]));
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  self->groups = array;

  emit_changed (self);
}

/* Reviews: sc-workbook-reviews.c keeps them in this list */

ScReviewList *
sc_workbook_get_review_list (ScWorkbook *self)
{
  return self->reviews;
}
