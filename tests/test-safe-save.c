/* test-safe-save.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of saving that cannot lose a workbook (sc-safe-file.c and the
 * workbook save on top of it) with real failures, not mocks: a write that
 * fails for a child process limited by RLIMIT_FSIZE (as a full disk does,
 * without root), kill -9 at many points of a large save, a read-only
 * folder (as the unprivileged user "nobody" when the suite runs as root,
 * where permission bits stop nothing), and the leftovers of crashes.
 *
 * The failures happen in a child: this binary run again as
 *   test-safe-save --save-child SRC DST [--fsize BYTES] [--as-nobody] [--bytes]
 * which loads the workbook SRC, writes "R" on stdout and saves it to DST
 * with sc_workbook_save_to_file(). With --bytes it takes SRC's bytes as the
 * serialised workbook (they are: SRC was saved by the same code) and writes
 * them as the second half of sc_workbook_save_to_file() does, so that the
 * kills land where the files change rather than in the second it takes to
 * load and serialise a large workbook.
 * SC_SAFE_SAVE_KILLS sets the number of kills (default 40).
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sc-safe-file.h"
#include "sc-workbook-io.h"

#define NOBODY 65534

static char *self_path;

/* Helpers */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("scorecards-safe-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_chmod (dir, 0700);
  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_temp_dir (path);
      else
        g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A workbook of @n_partners × 20 KPIs × 120 months, its values from @seed. */
static ScWorkbook *
make_book (guint  n_partners,
           double seed)
{
  ScWorkbook *book = sc_workbook_new ();
  ScPeriod first = sc_period_from_ymd (SC_GRANULARITY_MONTH, 2016, 1, 1);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < 20; k++)
    {
      g_autofree char *id = g_strdup_printf ("kpi%02u", k);
      ScKpi *kpi = sc_kpi_new (id, id);

      sc_workbook_add_kpi (book, kpi);
      g_ptr_array_add (kpis, kpi);
    }
  for (guint p = 0; p < n_partners; p++)
    {
      g_autofree char *id = g_strdup_printf ("s%04u", p);
      g_autofree char *name = g_strdup_printf ("Supplier %u", p);
      g_autoptr(ScPartner) partner = sc_partner_new (id, name, SC_PARTNER_SUPPLIER);

      sc_workbook_add_partner (book, partner);
      for (guint k = 0; k < kpis->len; k++)
        for (guint m = 0; m < 120; m++)
          sc_workbook_set_value (book, partner, g_ptr_array_index (kpis, k), first + m,
                                 seed + p * 0.01 + k + m / 7.0, NULL);
    }
  sc_workbook_set_modified (book, FALSE);
  return book;
}

static void
save_book (ScWorkbook *book,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_workbook_save_to_file (book, file, NULL, &error));
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_same_file (const char *path,
                  GBytes     *expected)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  g_assert_true (g_bytes_equal (bytes, expected));
}

static guint
count_temps (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    n += strstr (name, SC_SAFE_FILE_TEMP_INFIX) != NULL;
  return n;
}

/* Runs the child to save @src over @dst; returns its exit status and
 * what it printed on stderr.
 */
static int
run_child (const char  *src,
           const char  *dst,
           gsize        fsize,
           gboolean     as_nobody,
           char       **err)
{
  g_autofree char *fsize_str = g_strdup_printf ("%" G_GSIZE_FORMAT, fsize);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_ptr_array_add (argv, (char *) self_path);
  g_ptr_array_add (argv, (char *) "--save-child");
  g_ptr_array_add (argv, (char *) src);
  g_ptr_array_add (argv, (char *) dst);
  if (fsize > 0)
    {
      g_ptr_array_add (argv, (char *) "--fsize");
      g_ptr_array_add (argv, fsize_str);
    }
  if (as_nobody)
    g_ptr_array_add (argv, (char *) "--as-nobody");
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("child: %s", *err);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* The child */

static int
save_child (int    argc,
            char **argv)
{
  g_autoptr(GFile) src = NULL;
  g_autoptr(GFile) dst = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (argc < 4)
    return 2;
  src = g_file_new_for_path (argv[2]);
  dst = g_file_new_for_path (argv[3]);
  for (int i = 4; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--fsize") && i + 1 < argc)
        {
          struct rlimit limit;

          /* Without the signal, the write fails with EFBIG as on a full disk */
          signal (SIGXFSZ, SIG_IGN);
          limit.rlim_cur = limit.rlim_max = g_ascii_strtoull (argv[++i], NULL, 10);
          if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
            return 3;
        }
      else if (g_str_equal (argv[i], "--as-nobody"))
        {
          if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
            {
              fprintf (stderr, "cannot become nobody: %s\n", g_strerror (errno));
              return 3;
            }
        }
      else if (g_str_equal (argv[i], "--bytes"))
        bytes = g_bytes_new (NULL, 0);
    }

  if (bytes != NULL)
    {
      g_bytes_unref (bytes);
      if ((bytes = g_file_load_bytes (src, NULL, NULL, &error)) == NULL)
        return 2;
    }
  else if ((book = sc_workbook_load_from_file (src, NULL, &error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (write (STDOUT_FILENO, "R", 1) != 1)
    return 2;
  if (bytes != NULL)
    ok = sc_safe_file_replace_contents (dst, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        SC_SAFE_FILE_NONE, &error);
  else
    ok = sc_workbook_save_to_file (book, dst, NULL, &error);
  if (!ok)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}

/* The tests */

/* A new file appears whole with the usual permissions; a replaced one
 * keeps its permissions; nothing else is left in the folder.
 */
static void
test_replace (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (sc_safe_file_set_contents (path, "one", 3, SC_SAFE_FILE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~022);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (sc_safe_file_set_contents (path, "two", 3, SC_SAFE_FILE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_temps (dir), ==, 0);

  {
    g_autoptr(GBytes) bytes = read_bytes (path);

    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "two", 3);
  }
  remove_temp_dir (dir);
}

/* A save given up before its commit leaves the target and the folder as
 * they were, and creates no new file.
 */
static void
test_abandon (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "book.scorecard", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.scorecard", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old = NULL;
  ScSafeFile *out;

  g_assert_true (sc_safe_file_set_contents (path, "old", 3, SC_SAFE_FILE_NONE, &error));
  old = read_bytes (path);

  out = sc_safe_file_new (path, SC_SAFE_FILE_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (sc_safe_file_write (out, "new and longer", 14, &error));
  g_assert_true (g_file_test (sc_safe_file_get_temp_path (out), G_FILE_TEST_EXISTS));
  sc_safe_file_free (out);
  assert_same_file (path, old);

  out = sc_safe_file_new (fresh, SC_SAFE_FILE_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (sc_safe_file_write (out, "x", 1, &error));
  g_assert_true (sc_safe_file_finish (out, &error));
  sc_safe_file_free (out);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temps (dir), ==, 0);

  remove_temp_dir (dir);
}

/* A symbolic link stays a link to the file that was saved. */
static void
test_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *real = g_build_filename (dir, "real.scorecard", NULL);
  g_autofree char *link = g_build_filename (dir, "link.scorecard", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (sc_safe_file_set_contents (real, "old", 3, SC_SAFE_FILE_NONE, &error));
  g_assert_cmpint (symlink ("real.scorecard", link), ==, 0);
  g_assert_true (sc_safe_file_set_contents (link, "new", 3, SC_SAFE_FILE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  bytes = read_bytes (real);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "new", 3);

  remove_temp_dir (dir);
}

/* The next successful save removes the temporary files of earlier
 * crashes, not one being written (it is locked) nor anyone else's files.
 */
static void
test_strays (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "book.scorecard", NULL);
  g_autofree char *stray = g_build_filename (dir, ".book.scorecard.sc-tmp-AB12cd", NULL);
  g_autofree char *other = g_build_filename (dir, ".other.pdf.sc-tmp-x9Y8z7", NULL);
  g_autofree char *busy = g_build_filename (dir, ".busy.pdf.sc-tmp-QQQQQQ", NULL);
  g_autofree char *hidden = g_build_filename (dir, ".hidden", NULL);
  g_autofree char *lookalike = g_build_filename (dir, "book.sc-tmp-notmine", NULL);
  g_autoptr(GError) error = NULL;
  int fd;

  for (guint i = 0; i < 2; i++)
    g_file_set_contents (i ? other : stray, "half a workbook", -1, &error);
  g_file_set_contents (busy, "being written", -1, &error);
  g_file_set_contents (hidden, "mine", -1, &error);
  g_file_set_contents (lookalike, "mine too", -1, &error);
  g_assert_no_error (error);
  fd = open (busy, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_true (sc_safe_file_set_contents (path, "{}", 2, SC_SAFE_FILE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (hidden, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (lookalike, G_FILE_TEST_EXISTS));

  close (fd);
  g_assert_cmpuint (sc_safe_file_remove_strays (dir), ==, 1);
  g_assert_false (g_file_test (busy, G_FILE_TEST_EXISTS));
  remove_temp_dir (dir);
}

/* Saves of different files into one folder at the same time, from threads
 * of one process (the review packs' batch): none takes another's
 * temporary file for a crash's leftover.
 */
typedef struct
{
  const char *dir;
  guint       thread;
  guint       failures;
  char       *first_error;
} ConcurrentSaves;

static gpointer
save_many (gpointer data)
{
  ConcurrentSaves *saves = data;
  g_autofree char *contents = g_strnfill (20000, 'a' + saves->thread);

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("pack-%u-%03u.pdf", saves->thread, i);
      g_autofree char *path = g_build_filename (saves->dir, name, NULL);
      g_autoptr(GError) error = NULL;

      if (!sc_safe_file_set_contents (path, contents, strlen (contents), SC_SAFE_FILE_NONE, &error))
        {
          if (saves->failures++ == 0)
            saves->first_error = g_strdup (error->message);
        }
    }
  return NULL;
}

static void
test_concurrent_saves (void)
{
  g_autofree char *dir = make_temp_dir ();
  ConcurrentSaves saves[4];
  GThread *threads[G_N_ELEMENTS (saves)];
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;

  for (guint t = 0; t < G_N_ELEMENTS (saves); t++)
    {
      saves[t] = (ConcurrentSaves) { dir, t, 0, NULL };
      threads[t] = g_thread_new ("save", save_many, &saves[t]);
    }
  for (guint t = 0; t < G_N_ELEMENTS (saves); t++)
    {
      g_thread_join (threads[t]);
      g_assert_cmpstr (saves[t].first_error, ==, NULL);
      g_assert_cmpuint (saves[t].failures, ==, 0);
      g_free (saves[t].first_error);
    }
  /* Every file there, whole, and no temporary file left */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_str_has_prefix (name, "pack-"));
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, ==, 20000);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 4 * 150);
  remove_temp_dir (dir);
}

/* Errors name the file: a folder that does not exist, a folder as target. */
static void
test_errors_name_the_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "book.scorecard", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (sc_safe_file_set_contents (missing, "x", 1, SC_SAFE_FILE_NONE, &error));
  g_assert_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_false (sc_safe_file_set_contents (dir, "x", 1, SC_SAFE_FILE_NONE, &error));
  g_assert_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_cmpuint (count_temps (dir), ==, 0);

  remove_temp_dir (dir);
}

/* A write fails half-way (RLIMIT_FSIZE, as a full disk): the save fails
 * naming the file, the old workbook is byte-identical, a new one does not
 * appear, and no temporary file stays.
 */
static void
test_write_failure (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *src = g_build_filename (dir, "big.scorecard", NULL);
  g_autofree char *dst = g_build_filename (dir, "book.scorecard", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.scorecard", NULL);
  g_autoptr(ScWorkbook) big = make_book (60, 1);
  g_autoptr(ScWorkbook) small = make_book (2, 5);
  g_autoptr(GBytes) old = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  save_book (big, src);
  save_book (small, dst);
  old = read_bytes (dst);
  g_assert_cmpuint (g_bytes_get_size (old), <, 256 * 1024);
  {
    g_autoptr(GBytes) new = read_bytes (src);

    g_test_message ("saving %" G_GSIZE_FORMAT " bytes over %" G_GSIZE_FORMAT " with a limit of 256 KiB",
                    g_bytes_get_size (new), g_bytes_get_size (old));
  }

  g_assert_cmpint (run_child (src, dst, 256 * 1024, FALSE, &err), ==, 1);
  g_assert_nonnull (strstr (err, dst));
  g_assert_nonnull (strstr (err, g_strerror (EFBIG)));
  g_assert_nonnull (strstr (err, "unchanged"));
  assert_same_file (dst, old);

  g_assert_cmpint (run_child (src, fresh, 256 * 1024, FALSE, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, fresh));
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temps (dir), ==, 0);

  remove_temp_dir (dir);
}

/* Saves in a child in the background; returns when its bytes are ready. */
static GPid
start_child (const char *src,
             const char *dst,
             int        *out_fd)
{
  const char *argv[] = { self_path, "--save-child", src, dst, "--bytes", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  char ready;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, out_fd, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read (*out_fd, &ready, 1), ==, 1);
  return pid;
}

static int
wait_child (GPid pid,
            int  out_fd)
{
  int status;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  close (out_fd);
  g_spawn_close_pid (pid);
  return status;
}

/* kill -9 at many points of a large save, from before its first byte to
 * after its rename: the file is always the old or the new workbook, byte
 * for byte, and the next save removes what the kills left.
 */
static void
test_kill_during_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *src = g_build_filename (dir, "new.scorecard", NULL);
  g_autofree char *dst = g_build_filename (dir, "book.scorecard", NULL);
  g_autoptr(ScWorkbook) old_book = make_book (150, 1);
  g_autoptr(ScWorkbook) new_book = make_book (151, 2);
  g_autoptr(GBytes) old = NULL;
  g_autoptr(GBytes) new = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  const char *env = g_getenv ("SC_SAFE_SAVE_KILLS");
  guint n_kills = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 40;
  guint n_old = 0, n_new = 0, n_strays = 0, n_finished = 0;
  gint64 start, duration;
  int fd, status;
  GPid pid;

  save_book (new_book, src);
  save_book (old_book, dst);
  new = read_bytes (src);
  old = read_bytes (dst);

  /* How long a whole save takes, from the child's "ready" */
  pid = start_child (src, dst, &fd);
  start = g_get_monotonic_time ();
  status = wait_child (pid, fd);
  duration = g_get_monotonic_time () - start;
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  assert_same_file (dst, new);
  g_test_message ("a save of %" G_GSIZE_FORMAT " bytes takes %" G_GINT64_FORMAT " ms",
                  g_bytes_get_size (new), duration / 1000);

  for (guint i = 0; i < n_kills; i++)
    {
      /* Increasing delays with some jitter, up to 20 % past the end */
      gint64 delay = duration * 6 / 5 * i / MAX (n_kills - 1, 1);
      g_autoptr(GBytes) now = NULL;

      sc_safe_file_set_contents (dst, g_bytes_get_data (old, NULL), g_bytes_get_size (old),
                                 SC_SAFE_FILE_NONE, NULL);
      g_assert_cmpuint (count_temps (dir), ==, 0);
      delay += g_rand_int_range (rand, 0, MAX (duration / 20, 1));
      pid = start_child (src, dst, &fd);
      g_usleep (delay);
      kill (pid, SIGKILL);
      status = wait_child (pid, fd);
      n_finished += WIFEXITED (status);

      now = read_bytes (dst);
      if (g_bytes_equal (now, old))
        n_old++;
      else if (g_bytes_equal (now, new))
        n_new++;
      else
        g_error ("kill %u after %" G_GINT64_FORMAT " µs: the workbook is neither the old nor the new one"
                 " (%" G_GSIZE_FORMAT " bytes)", i, delay, g_bytes_get_size (now));
      n_strays += count_temps (dir);
    }
  g_test_message ("%u kills: %u left the old workbook, %u the new one (%u saves had finished); "
                  "%u left a temporary file", n_kills, n_old, n_new, n_finished, n_strays);
  g_assert_cmpuint (n_old + n_new, ==, n_kills);
  g_assert_cmpuint (n_old, >, 0);
  g_assert_cmpuint (n_strays, >, 0);

  /* The next save cleans up */
  save_book (old_book, dst);
  g_assert_cmpuint (count_temps (dir), ==, 0);
  remove_temp_dir (dir);
}

/* Prepares @dir as read-only for the saver and @path in it as writable,
 * so that only the folder is in the way (and an in-place rewrite would
 * have worked).
 */
static void
make_read_only_folder (const char *top,
                       const char *dir,
                       const char *path)
{
  g_assert_cmpint (g_chmod (top, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
}

/* Saving into a read-only folder says so, naming the file and the folder,
 * and leaves the file as it was: no in-place rewrite. As root the check
 * runs in a child that became "nobody".
 */
static void
test_read_only_folder (void)
{
  g_autofree char *top = make_temp_dir ();
  g_autofree char *src = g_build_filename (top, "new.scorecard", NULL);
  g_autofree char *dir = g_build_filename (top, "locked", NULL);
  g_autofree char *dst = g_build_filename (dir, "book.scorecard", NULL);
  g_autoptr(ScWorkbook) old_book = make_book (1, 1);
  g_autoptr(ScWorkbook) new_book = make_book (2, 2);
  g_autoptr(GBytes) old = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  save_book (new_book, src);
  save_book (old_book, dst);
  old = read_bytes (dst);
  make_read_only_folder (top, dir, dst);
  g_assert_cmpint (g_chmod (src, 0644), ==, 0);

  if (geteuid () == 0)
    g_assert_cmpint (run_child (src, dst, 0, TRUE, &err), ==, 1);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (dst);
      g_autoptr(GError) error = NULL;

      g_assert_false (sc_workbook_save_to_file (new_book, file, NULL, &error));
      g_assert_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_READ_ONLY);
      err = g_strdup (error->message);
    }
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, dst));
  g_assert_nonnull (strstr (err, "cannot save safely: the folder"));
  g_assert_nonnull (strstr (err, "is read-only — choose Save As"));
  assert_same_file (dst, old);
  g_assert_cmpuint (count_temps (dir), ==, 0);

  remove_temp_dir (top);
}

/* A read-only file in a writable folder is not replaced behind the
 * user's back either.
 */
static void
test_read_only_file (void)
{
  g_autofree char *top = make_temp_dir ();
  g_autofree char *src = g_build_filename (top, "new.scorecard", NULL);
  g_autofree char *dir = g_build_filename (top, "open", NULL);
  g_autofree char *dst = g_build_filename (dir, "book.scorecard", NULL);
  g_autoptr(ScWorkbook) old_book = make_book (1, 1);
  g_autoptr(ScWorkbook) new_book = make_book (2, 2);
  g_autoptr(GBytes) old = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  save_book (new_book, src);
  save_book (old_book, dst);
  old = read_bytes (dst);
  g_assert_cmpint (g_chmod (top, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (dst, 0444), ==, 0);

  if (geteuid () == 0)
    g_assert_cmpint (run_child (src, dst, 0, TRUE, &err), ==, 1);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (dst);
      g_autoptr(GError) error = NULL;

      g_assert_false (sc_workbook_save_to_file (new_book, file, NULL, &error));
      g_assert_error (error, SC_SAFE_FILE_ERROR, SC_SAFE_FILE_ERROR_READ_ONLY);
      err = g_strdup (error->message);
    }
  g_assert_nonnull (strstr (err, dst));
  g_assert_nonnull (strstr (err, "the file is read-only"));
  assert_same_file (dst, old);
  g_assert_cmpuint (count_temps (dir), ==, 0);

  remove_temp_dir (top);
}

int
main (int    argc,
      char **argv)
{
  if (argc > 1 && g_str_equal (argv[1], "--save-child"))
    return save_child (argc, argv);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safe-save/replace", test_replace);
  g_test_add_func ("/safe-save/abandon", test_abandon);
  g_test_add_func ("/safe-save/symlink", test_symlink);
  g_test_add_func ("/safe-save/strays", test_strays);
  g_test_add_func ("/safe-save/concurrent-saves", test_concurrent_saves);
  g_test_add_func ("/safe-save/errors-name-the-file", test_errors_name_the_file);
  g_test_add_func ("/safe-save/write-failure", test_write_failure);
  g_test_add_func ("/safe-save/kill-during-save", test_kill_during_save);
  g_test_add_func ("/safe-save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/safe-save/read-only-file", test_read_only_file);

  return g_test_run ();
}
