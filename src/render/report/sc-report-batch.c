/* sc-report-batch.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One PDF per partner into a folder (`scorecards report --split DIR`).
 * Partners are independent, so they go to a thread pool with a worker per
 * core. What they share, the ranks (which take scoring every partner), is
 * computed once before the workers start and then only read. The
 * workbook's lists are not safe to read from two threads at once, so a
 * worker holds a lock while it gathers its partner's data and lays it out,
 * and writes its PDF (most of the work) without it. The PDFs are renamed
 * into place together at the end, so a failed batch changes nothing.
 */

#define G_LOG_DOMAIN "sc-report-batch"

#include "config.h"

#include <sys/resource.h>

#include "sc-i18n.h"
#include "sc-report-private.h"

typedef struct
{
  ScWorkbook            *book;
  const ScReportOptions *options;
  const ScReportRanks   *ranks;      /* read-only while the workers run */
  GMutex                 book_lock;
  GAsyncQueue           *done;       /* Job*, as they finish */
  GCancellable          *cancellable;
} Batch;

typedef struct
{
  Batch      *batch;
  ScPartner  *partner;
  char       *path;
  ScSafeFile *out;     /* written and synced, renamed once every job is */
  GError     *error;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->partner);
  g_free (job->path);
  g_clear_pointer (&job->out, sc_safe_file_free);
  g_clear_error (&job->error);
  g_free (job);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Batch *batch = user_data;
  g_autoptr(ScReportOptions) options = sc_report_options_copy (batch->options);
  g_autoptr(ScReport) report = NULL;

  g_ptr_array_set_size (options->partners, 0);
  g_ptr_array_add (options->partners, g_object_ref (job->partner));
  /* Finding the latest period reads every series: once per batch is enough */
  options->last = batch->ranks->rollup.anchor;

  g_mutex_lock (&batch->book_lock);
  if (!g_cancellable_set_error_if_cancelled (batch->cancellable, &job->error))
    report = sc_report_new_ranked (batch->book, options, batch->ranks, NULL, NULL,
                                   batch->cancellable, &job->error);
  g_mutex_unlock (&batch->book_lock);

  if (report != NULL &&
      (job->out = sc_safe_file_new (job->path, SC_SAFE_FILE_NONE, &job->error)) != NULL)
    sc_report_write_pdf_to (report, job->out, NULL, NULL, batch->cancellable, &job->error);
  if (job->error != NULL)
    g_cancellable_cancel (batch->cancellable);
  g_async_queue_push (batch->done, job);
}

/* A file name per partner, made unique with the partner's id. */
static char *
dup_job_path (const char *directory,
              ScPartner  *partner,
              GHashTable *taken)
{
  g_autofree char *base = sc_report_safe_file_name (sc_partner_get_name (partner));
  g_autofree char *name = g_strdup_printf ("%s.pdf", base);

  if (g_hash_table_contains (taken, name))
    {
      g_autofree char *id = sc_report_safe_file_name (sc_partner_get_id (partner));

      g_free (name);
      name = g_strdup_printf ("%s-%s.pdf", base, id);
    }
  g_hash_table_add (taken, g_strdup (name));
  return g_build_filename (directory, name, NULL);
}

static GPtrArray *
dup_partners (ScWorkbook            *book,
              const ScReportOptions *options)
{
  GPtrArray *partners = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all = sc_workbook_get_partners (book);

  for (guint i = 0; i < options->partners->len; i++)
    g_ptr_array_add (partners, g_object_ref (g_ptr_array_index (options->partners, i)));
  for (guint i = 0; options->partners->len == 0 && i < g_list_model_get_n_items (all); i++)
    g_ptr_array_add (partners, g_list_model_get_item (all, i));
  return partners;
}

/* Renames every finished file into place, in the order of their names. */
static GPtrArray *
commit_jobs (GPtrArray  *jobs,
             GError    **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);

      if (!sc_safe_file_commit (job->out, error))
        return NULL;
      g_ptr_array_add (files, g_strdup (job->path));
    }
  g_ptr_array_sort (files, compare_paths);
  return g_steal_pointer (&files);
}

/* Collects the finished jobs, reporting progress from this thread; the
 * first error wins, and then no file is renamed into place.
 */
static GPtrArray *
collect_jobs (Batch                 *batch,
              guint                  n_jobs,
              ScReportProgressFunc   progress,
              gpointer               user_data,
              GError               **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  GError *first_error = NULL;

  for (guint i = 0; i < n_jobs; i++)
    {
      Job *job = g_async_queue_pop (batch->done);

      if (job->error != NULL && (first_error == NULL ||
                                 g_error_matches (first_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
        {
          g_clear_error (&first_error);
          first_error = g_steal_pointer (&job->error);
        }
      if (progress != NULL)
        progress ((double) (i + 1) / n_jobs, sc_partner_get_name (job->partner), user_data);
      g_ptr_array_add (jobs, job);
    }
  if (first_error != NULL)
    {
      g_propagate_error (error, first_error);
      return NULL;
    }
  return commit_jobs (jobs, error);
}

/* Each finished file holds a descriptor (and its lock) until the end */
static void
ensure_open_files (guint n_files)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      limit.rlim_cur < (rlim_t) n_files + 256 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = MIN (limit.rlim_max, (rlim_t) n_files + 256);
      setrlimit (RLIMIT_NOFILE, &limit);
    }
}

/* Writes a PDF per partner of @options into @directory (created when
 * missing) and returns their paths, sorted. Every file is written to a
 * temporary file first and renamed into place only when all of them have
 * been: on an error or a cancel the folder is as it was.
 */
GPtrArray *
sc_report_export_split (ScWorkbook             *book,
                        const ScReportOptions  *options,
                        const char             *directory,
                        ScReportProgressFunc    progress,
                        gpointer                user_data,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GCancellable) batch_cancellable = g_cancellable_new ();
  g_autoptr(ScReportRanks) ranks = NULL;
  GThreadPool *pool;
  GPtrArray *files;
  Batch batch = { book, options, NULL, { 0 }, NULL, batch_cancellable };
  gulong handler = 0;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (directory != NULL, NULL);

  partners = dup_partners (book, options);
  if (partners->len == 0)
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_NO_PARTNERS, _("There is no partner to report on"));
      return NULL;
    }
  if ((ranks = sc_report_ranks_new (book, options, error)) == NULL)
    return NULL;
  if (g_mkdir_with_parents (directory, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_WRITE, _("Could not create the folder “%s”: %s"),
                   directory, g_strerror (saved));
      return NULL;
    }
  ensure_open_files (partners->len);
  batch.ranks = ranks;
  batch.done = g_async_queue_new ();
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (g_cancellable_cancel),
                                     batch_cancellable, NULL);
  g_mutex_init (&batch.book_lock);
  pool = g_thread_pool_new (run_job, &batch, MAX (1, (int) g_get_num_processors ()), FALSE, NULL);
  for (guint i = 0; i < partners->len; i++)
    {
      Job *job = g_new0 (Job, 1);

      job->batch = &batch;
      job->partner = g_object_ref (g_ptr_array_index (partners, i));
      job->path = dup_job_path (directory, job->partner, taken);
      g_thread_pool_push (pool, job, NULL);
    }
  files = collect_jobs (&batch, partners->len, progress, user_data, error);
  g_thread_pool_free (pool, FALSE, TRUE);
  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);
  g_mutex_clear (&batch.book_lock);
  g_async_queue_unref (batch.done);
  return files;
}
