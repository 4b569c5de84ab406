/* sc-report-save.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves a report in one worker thread, for the export dialog: one PDF with
 * a bookmark per partner, or a PDF per partner into a folder. Progress
 * ("Partner 12 of 27") reaches the main thread through an idle, however
 * often the engine reports it. The workbook must not be read or changed
 * by anyone else until the save is done: its lists are not safe to read
 * from two threads at once.
 */

#define G_LOG_DOMAIN "sc-report-save"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-report-save.h"

/* Share of a single PDF's time spent laying out (the rest writes) */
#define LAYOUT_SHARE 0.3

typedef struct
{
  ScWorkbook           *book;
  ScReportOptions      *options;
  char                 *path;
  gboolean              split;
  guint                 n_partners;
  ScReportSaveProgress  progress;
  gpointer              progress_data;

  /* The worker's: the partner of the last page written, and how many */
  char                 *last_name;
  guint                 n_written;

  /* Progress, from the worker to the main thread */
  GMutex                lock;
  double                fraction;
  guint                 partner;
  char                 *what;
  gboolean              idle_queued;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->book);
  g_clear_pointer (&job->options, sc_report_options_free);
  g_free (job->path);
  g_free (job->last_name);
  g_free (job->what);
  g_mutex_clear (&job->lock);
  g_free (job);
}

/* Progress */

static gboolean
progress_idle_cb (gpointer data)
{
  GTask *task = data;
  SaveJob *job = g_task_get_task_data (task);
  g_autofree char *what = NULL;
  double fraction;
  guint partner;

  g_mutex_lock (&job->lock);
  job->idle_queued = FALSE;
  fraction = job->fraction;
  partner = job->partner;
  what = g_steal_pointer (&job->what);
  g_mutex_unlock (&job->lock);

  /* not after the save has been reported done */
  if (!g_task_get_completed (task))
    job->progress (CLAMP (fraction, 0, 1), partner, job->n_partners, what, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* Called in the worker: stores the progress and wakes the main thread,
 * once for any number of updates in between. Takes @what.
 */
static void
post_progress (GTask *task,
               double fraction,
               guint  partner,
               char  *what)
{
  SaveJob *job = g_task_get_task_data (task);
  gboolean queue;

  g_mutex_lock (&job->lock);
  job->fraction = fraction;
  job->partner = CLAMP (partner, 1, MAX (job->n_partners, 1));
  g_free (job->what);
  job->what = what;
  queue = !job->idle_queued;
  job->idle_queued = TRUE;
  g_mutex_unlock (&job->lock);

  if (queue)
    g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle_cb, g_object_ref (task), g_object_unref);
}

static void
layout_progress_cb (double      fraction,
                    const char *message,
                    gpointer    user_data)
{
  GTask *task = user_data;
  SaveJob *job = g_task_get_task_data (task);
  guint partner = (guint) floor (fraction * job->n_partners + 0.5) + 1;

  /* Translators: export progress, %s is a partner's name */
  post_progress (task, LAYOUT_SHARE * fraction, partner, g_strdup_printf (_("Preparing “%s”"), message));
}

static void
write_progress_cb (double      fraction,
                   const char *message,
                   gpointer    user_data)
{
  GTask *task = user_data;
  SaveJob *job = g_task_get_task_data (task);

  /* The pages come partner by partner */
  if (g_strcmp0 (message, job->last_name) != 0)
    {
      g_free (job->last_name);
      job->last_name = g_strdup (message);
      job->n_written++;
    }
  /* Translators: export progress, %s is a partner's name */
  post_progress (task, LAYOUT_SHARE + (1 - LAYOUT_SHARE) * fraction, job->n_written,
                 g_strdup_printf (_("Writing “%s”"), message));
}

static void
split_progress_cb (double      fraction,
                   const char *message,
                   gpointer    user_data)
{
  GTask *task = user_data;
  SaveJob *job = g_task_get_task_data (task);
  guint done = (guint) floor (fraction * job->n_partners + 0.5);

  /* Translators: export progress, %s is a partner's name */
  post_progress (task, fraction, done + 1, g_strdup_printf (_("Saved “%s”"), message));
}

/* The worker */

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(ScReport) report = NULL;
  g_autoptr(GPtrArray) files = NULL;
  ScReportProgressFunc progress;
  GError *error = NULL;

  if (job->split)
    {
      progress = job->progress ? split_progress_cb : NULL;
      files = sc_report_export_split (job->book, job->options, job->path, progress, task,
                                      cancellable, &error);
      if (files == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_int (task, files->len);
      return;
    }

  progress = job->progress ? layout_progress_cb : NULL;
  report = sc_report_new (job->book, job->options, progress, task, cancellable, &error);
  progress = job->progress ? write_progress_cb : NULL;
  if (report == NULL ||
      !sc_report_write (report, SC_REPORT_FORMAT_PDF, job->path, progress, task, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_int (task, 1);
}

/* Public API */

/* Saves a report of @options to @path in a worker thread: one PDF, or with
 * @split a PDF per partner into the folder @path. @progress (may be NULL)
 * is called in the main thread with @progress_data, which must live until
 * @callback has been called. Nothing else may read or change @book
 * meanwhile. A failed or cancelled save leaves no file behind.
 */
void
sc_report_save_async (ScWorkbook             *book,
                      const ScReportOptions  *options,
                      const char             *path,
                      gboolean                split,
                      ScReportSaveProgress    progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (options != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (SaveJob, 1);
  g_mutex_init (&job->lock);
  job->book = g_object_ref (book);
  job->options = sc_report_options_copy (options);
  job->path = g_strdup (path);
  job->split = split;
  job->n_partners = options->partners->len > 0 ? options->partners->len
                                               : g_list_model_get_n_items (sc_workbook_get_partners (book));
  job->progress = progress;
  job->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_report_save_async);
  g_task_set_task_data (task, job, save_job_free);
  g_task_run_in_thread (task, save_thread);
}

/* The number of files written, or 0 with @error set. */
guint
sc_report_save_finish (GAsyncResult  *result,
                       GError       **error)
{
  gssize n_files;

  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_report_save_async, 0);

  n_files = g_task_propagate_int (G_TASK (result), error);
  return n_files > 0 ? (guint) n_files : 0;
}
