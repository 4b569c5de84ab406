/* sc-workbook-load-scoring.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the scoring members of a .scorecard file that sc-workbook-load.c
 * leaves to this file: settings.period_weighting and score_history
 * (docs/file-format.md). Both are optional: a file without them scores the
 * latest period only and has no scores kept from before.
 */

#define G_LOG_DOMAIN "sc-workbook-load"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sc-score-history.h"
#include "sc-workbook-load-private.h"

#define fail sc_loader_fail

gboolean
sc_loader_load_weighting (ScLoader   *loader,
                          JsonObject *settings)
{
  const char *path = "settings.period_weighting";
  g_autoptr(GError) error = NULL;
  ScPeriodWeighting w = SC_PERIOD_WEIGHTING_LATEST;
  JsonObject *object;
  const char *mode;
  double n, half_life;

  if (!sc_loader_get_object (loader, settings, "period_weighting", path, &object))
    return FALSE;
  if (object == NULL)
    return TRUE;

  if (!sc_loader_get_string (loader, object, "mode", "settings.period_weighting.mode", TRUE, NULL, &mode))
    return FALSE;
  if (!sc_weighting_mode_from_string (mode, &w.mode))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, "settings.period_weighting.mode",
                 _("expected “latest”, “equal”, “linear” or “exponential”, found “%s”"), mode);
  if (!sc_loader_get_number (loader, object, "periods", "settings.period_weighting.periods",
                             w.mode != SC_WEIGHTING_LATEST, 1, &n) ||
      !sc_loader_get_number (loader, object, "half_life", "settings.period_weighting.half_life",
                             w.mode == SC_WEIGHTING_EXPONENTIAL, 0, &half_life))
    return FALSE;
  if (n != floor (n) || n < 1 || n > SC_WEIGHTING_MAX_PERIODS)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, "settings.period_weighting.periods",
                 _("expected a whole number from 2 to %d"), SC_WEIGHTING_MAX_PERIODS);
  w.n_periods = (guint) n;
  w.half_life = half_life;
  if (!sc_period_weighting_validate (&w, &error))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, path, "%s", error->message);

  sc_workbook_set_period_weighting (loader->book, &w);
  return TRUE;
}

/* One element of score_history */
gboolean
sc_loader_load_scored_then (ScLoader   *loader,
                            JsonObject *object,
                            const char *path)
{
  g_autofree char *member_path = NULL;
  g_autoptr(GDateTime) recorded = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *partner_id, *grade, *reason_str, *time;
  ScScoredThenReason reason;
  ScPeriod period;
  double score;

#define MEMBER(m) (g_free (member_path), member_path = g_strdup_printf ("%s.%s", path, m))

  if (!sc_loader_get_string (loader, object, "partner", MEMBER ("partner"), TRUE, NULL, &partner_id))
    return FALSE;
  if (sc_workbook_lookup_partner (loader->book, partner_id) == NULL)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path, _("unknown partner “%s”"), partner_id);
  if (!sc_loader_get_period (loader, object, "period", MEMBER ("period"), &period))
    return FALSE;
  if (period == SC_PERIOD_NONE)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path, _("is missing"));
  if (!sc_loader_get_number (loader, object, "score", MEMBER ("score"), FALSE, NAN, &score))
    return FALSE;
  if (!isnan (score) && (score < 0 || score > 100))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path, _("expected a score from 0 to 100"));
  if (!sc_loader_get_string (loader, object, "grade", MEMBER ("grade"), FALSE, NULL, &grade) ||
      !sc_loader_get_string (loader, object, "reason", MEMBER ("reason"), TRUE, NULL, &reason_str))
    return FALSE;
  if (!sc_scored_then_reason_from_string (reason_str, &reason))
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("expected “complete” or “review”, found “%s”"), reason_str);
  if (!sc_loader_get_string (loader, object, "recorded", MEMBER ("recorded"), TRUE, NULL, &time))
    return FALSE;
  if ((recorded = g_date_time_new_from_iso8601 (time, utc)) == NULL)
    return fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                 _("“%s” is not an ISO 8601 date and time"), time);

#undef MEMBER

  sc_score_history_add (loader->book,
                        sc_scored_then_new (partner_id, period, score, grade, reason, recorded));
  return TRUE;
}
