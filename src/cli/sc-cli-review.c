/* sc-cli-review.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards review BOOK --partner P [--date D] [--period P] [--language L]
 * -o PACK.pdf`: the pack of a partner's latest review (or the one on D),
 * making the review when there is none on that date. With `--split DIR`
 * instead of -o, the same for every partner (or each --partner given),
 * one PDF each in DIR, a worker per core. The pack is in L,
 * else in the language the review was frozen in, else the partner's
 * report language; freezing keeps that language with the review. Exporting a pack
 * freezes the review's figures; the workbook is then saved through its
 * store (a file or a team server).
 *
 * `scorecards reviews BOOK [--partner P] [--json]`: the reviews, as a table
 * or JSON.
 */

#define G_LOG_DOMAIN "sc-cli-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sc-cli-private.h"
#include "sc-json-writer.h"
#include "sc-report-review.h"
#include "sc-review-edit.h"
#include "sc-safe-file.h"
#include "sc-store-location.h"

typedef struct
{
  char  *output;
  char  *split;
  char **partners;
  char  *date;
  char  *period;
  char  *language;
  char  *page_size;
  char **args;
} ReviewArgs;

static void
review_args_clear (ReviewArgs *args)
{
  g_free (args->output);
  g_free (args->split);
  g_strfreev (args->partners);
  g_free (args->date);
  g_free (args->period);
  g_free (args->language);
  g_free (args->page_size);
  g_strfreev (args->args);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReviewArgs, review_args_clear)

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
check_review_usage (ReviewArgs       *args,
                    ScReportPageSize *page_size)
{
  g_autoptr(GError) error = NULL;

  if (args->args == NULL || g_strv_length (args->args) != 1)
    sc_cli_usage_error ("review", _("expected exactly one workbook"));
  else if (args->output != NULL && args->split != NULL)
    sc_cli_usage_error ("review", _("give either -o PACK.pdf or --split DIR, not both"));
  else if (args->split == NULL && args->partners == NULL)
    sc_cli_usage_error ("review", _("--partner is required"));
  else if (args->split == NULL && g_strv_length (args->partners) > 1)
    sc_cli_usage_error ("review", _("one --partner for -o PACK.pdf; use --split DIR for several"));
  else if (args->output == NULL && args->split == NULL)
    sc_cli_usage_error ("review", _("-o PACK.pdf or --split DIR is required"));
  else if (args->date != NULL && !sc_date_is_valid_iso (args->date))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date written YYYY-MM-DD"), args->date);
      sc_cli_usage_error ("review", message);
    }
  else if (args->page_size != NULL && !sc_report_page_size_from_string (args->page_size, page_size))
    sc_cli_usage_error ("review", _("--page-size must be a4 or letter"));
  else if (args->language != NULL && sc_language_get (args->language, &error) == NULL)
    sc_cli_usage_error ("review", error->message);
  else
    return TRUE;
  return FALSE;
}

/* The review to print: the one on --date or the latest, else a new one
 * (*created). NULL after printing a usage error.
 */
static ScReview *
find_or_create (ReviewArgs *args,
                ScWorkbook *book,
                ScPartner  *partner,
                gboolean   *created)
{
  ScReview *review = sc_workbook_find_review (book, partner, args->date);
  g_autoptr(ScReview) fresh = NULL;
  ScRollup view = { SC_ROLLUP_PERIOD, sc_workbook_get_latest_period (book) };

  *created = FALSE;
  if (review != NULL)
    return review;
  if (args->period != NULL && !sc_cli_parse_view (book, "review", args->period, &view))
    return NULL;
  if (args->period != NULL)
    {
      ScGranularity granularity = sc_workbook_get_granularity (book);
      ScPeriod first, last;

      /* A review is kept: a mistyped year must not make reviews of nothing */
      sc_rollup_get_range (&view, granularity, &first, &last);
      if (first > sc_workbook_get_latest_period (book))
        {
          g_autofree char *latest = sc_period_to_label (granularity, sc_workbook_get_latest_period (book));
          g_autofree char *message = g_strdup_printf (_("“%s” is after the latest period with data (%s)"),
                                                      args->period, latest);

          sc_cli_usage_error ("review", message);
          return NULL;
        }
    }
  if (args->date == NULL)
    args->date = dup_today ();
  fresh = sc_review_create_in_language (book, partner, args->date, &view, args->language);
  sc_review_edit_add (NULL, book, fresh);
  *created = TRUE;
  return fresh;
}

static void
print_error (const char   *book_arg,
             const GError *error)
{
  if (error->domain == SC_SAFE_FILE_ERROR || error->domain == SC_REPORT_ERROR)
    fprintf (stderr, "scorecards: %s\n", error->message);
  else
    {
      g_autofree char *shown = sc_store_location_dup_display_name (book_arg);
      fprintf (stderr, "scorecards: %s: %s\n", shown, error->message);
    }
}

static void
print_written (ScWorkbook *book,
               ScReview   *review,
               const char *path)
{
  ScPartner *partner = sc_workbook_lookup_partner (book, sc_review_get_partner_id (review));

  /* Translators: "PACK.pdf: review R3 of Acme on 2026-11-30 (Held)" */
  printf (_("%s: review %s of %s on %s (%s)\n"), path, sc_review_get_id (review),
          partner ? sc_partner_get_name (partner) : sc_review_get_partner_id (review),
          sc_review_get_date (review), sc_review_state_get_label (sc_review_get_state (review)));
}

/* Freezes @review if it is not yet, writes its pack, saves the workbook
 * when it changed.
 */
static int
write_pack (ReviewArgs        *args,
            ScStore           *store,
            ScWorkbook        *book,
            ScReview          *review,
            gboolean           created,
            ScReportPageSize   page_size)
{
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(GError) error = NULL;
  gboolean froze = !sc_review_is_frozen (review);

  if (args->page_size != NULL)
    options->page_size = page_size;
  sc_report_options_set_string (&options->language, args->language);
  /* The pack is frozen in its language: without --language, it is made
   * again in the same words
   */
  if (froze)
    sc_review_set_language (review, sc_review_resolve_language (
        sc_workbook_lookup_partner (book, sc_review_get_partner_id (review)),
        args->language ? args->language : sc_review_get_language (review)));
  if (froze && !sc_review_edit_freeze (NULL, book, review, SC_REVIEW_DRAFT, &error))
    {
      print_error (args->args[0], error);
      return SC_EXIT_BAD_INPUT;
    }
  if (!sc_report_review_export (book, review, options, args->output, &error) ||
      ((created || froze) && !sc_store_save (store, book, SC_STORE_SAVE_UPDATE, NULL, &error)))
    {
      print_error (args->args[0], error);
      return SC_EXIT_BAD_INPUT;
    }
  print_written (book, review, args->output);
  return SC_EXIT_OK;
}

/* The partners of --partner (each once, in the order given), else all */
static GPtrArray *
dup_partners (ReviewArgs  *args,
              ScWorkbook  *book,
              GError     **error)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all = sc_workbook_get_partners (book);

  if (args->partners == NULL)
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      g_ptr_array_add (partners, g_list_model_get_item (all, i));
  for (guint i = 0; args->partners && args->partners[i]; i++)
    {
      ScPartner *partner = sc_cli_find_partner (book, args->partners[i], SC_REPORT_ERROR,
                                                SC_REPORT_ERROR_NO_PARTNERS, error);

      if (partner == NULL)
        return NULL;
      if (!g_ptr_array_find (partners, partner, NULL))
        g_ptr_array_add (partners, g_object_ref (partner));
    }
  return g_steal_pointer (&partners);
}

/* --split DIR: a pack per partner, the reviews found or made, those not
 * frozen frozen in one go, the packs written a worker per core, the
 * workbook saved once.
 */
static int
write_packs (ReviewArgs        *args,
             ScStore           *store,
             ScWorkbook        *book,
             GPtrArray         *partners,
             ScReportPageSize   page_size)
{
  g_autoptr(ScReportOptions) options = sc_report_options_new (book);
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  if (args->page_size != NULL)
    options->page_size = page_size;
  sc_report_options_set_string (&options->language, args->language);
  for (guint i = 0; i < partners->len; i++)
    {
      ScPartner *partner = g_ptr_array_index (partners, i);
      gboolean created;
      ScReview *review = find_or_create (args, book, partner, &created);

      if (review == NULL)
        return SC_EXIT_USAGE;
      if (!sc_review_is_frozen (review))
        {
          sc_review_set_language (review, sc_review_resolve_language (
              partner, args->language ? args->language : sc_review_get_language (review)));
          changed = TRUE;
        }
      changed |= created;
      g_ptr_array_add (reviews, g_object_ref (review));
    }
  if (!sc_review_freeze_all (book, reviews, &error) ||
      !(paths = sc_report_review_export_batch (book, reviews, options, args->split, &error)) ||
      (changed && !sc_store_save (store, book, SC_STORE_SAVE_UPDATE, NULL, &error)))
    {
      print_error (args->args[0], error);
      return SC_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < reviews->len; i++)
    print_written (book, g_ptr_array_index (reviews, i), g_ptr_array_index (paths, i));
  return SC_EXIT_OK;
}

int
sc_cli_review (int    argc,
               char **argv)
{
  g_auto(ReviewArgs) args = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GError) error = NULL;
  ScReportPageSize page_size = SC_REPORT_PAGE_A4;
  g_autoptr(GPtrArray) partners = NULL;
  ScReview *review;
  gboolean created;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write the pack to PACK.pdf"), "PACK.pdf" },
    { "split", 0, 0, G_OPTION_ARG_FILENAME, &args.split,
      N_("Write a pack per partner into DIR (every partner, or each --partner)"), "DIR" },
    { "partner", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &args.partners, N_("Partner id or name"), "NAME" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &args.date,
      N_("The review on this date, made if there is none (default: the latest review, or today)"),
      "YYYY-MM-DD" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &args.period,
      N_("Period or view a new review scores (default: the latest period with data)"), "P" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &args.language, N_("Language of the pack"), "L" },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &args.page_size, N_("a4 or letter (default: the workbook’s)"), "SIZE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args.args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — write the pack of a partner’s review meeting"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("scorecards review");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("review", error->message);
      return SC_EXIT_USAGE;
    }
  if (!check_review_usage (&args, &page_size))
    return SC_EXIT_USAGE;

  if (!(store = sc_store_new_for_location (args.args[0], &error)) ||
      !(book = sc_store_load (store, NULL, &error)) ||
      !(partners = dup_partners (&args, book, &error)))
    {
      g_autofree char *shown = sc_store_location_dup_display_name (args.args[0]);

      fprintf (stderr, "scorecards: %s: %s\n", shown, error->message);
      return SC_EXIT_BAD_INPUT;
    }
  if (sc_workbook_get_latest_period (book) == SC_PERIOD_NONE)
    {
      g_autofree char *shown = sc_store_location_dup_display_name (args.args[0]);

      fprintf (stderr, "scorecards: %s: %s\n", shown, _("The workbook holds no values to review"));
      return SC_EXIT_BAD_INPUT;
    }
  if (partners->len == 0)
    {
      g_autofree char *shown = sc_store_location_dup_display_name (args.args[0]);

      fprintf (stderr, "scorecards: %s: %s\n", shown, _("The workbook has no partners"));
      return SC_EXIT_BAD_INPUT;
    }
  if (args.split != NULL)
    return write_packs (&args, store, book, partners, page_size);
  if (!(review = find_or_create (&args, book, g_ptr_array_index (partners, 0), &created)))
    return SC_EXIT_USAGE;
  return write_pack (&args, store, book, review, created, page_size);
}

/* `reviews` */

static void
count_actions (ScWorkbook *book,
               ScReview   *review,
               guint      *n_actions,
               guint      *n_open)
{
  g_autoptr(GPtrArray) actions = sc_workbook_dup_review_actions (book, review);

  *n_actions = actions->len;
  *n_open = 0;
  for (guint i = 0; i < actions->len; i++)
    *n_open += sc_issue_get_status (g_ptr_array_index (actions, i)) < SC_ISSUE_RESOLVED;
}

static void
write_strings (ScJsonWriter       *w,
               const char         *name,
               const char * const *strings)
{
  sc_json_writer_begin_array (w, name);
  for (guint i = 0; strings && strings[i]; i++)
    sc_json_writer_string (w, NULL, strings[i]);
  sc_json_writer_end_array (w);
}

static void
print_json (ScWorkbook *book,
            GPtrArray  *reviews)
{
  ScJsonWriter *w = sc_json_writer_new (4096);
  g_autofree char *text = NULL;

  sc_json_writer_begin_array (w, NULL);
  for (guint i = 0; i < reviews->len; i++)
    {
      ScReview *review = g_ptr_array_index (reviews, i);
      ScPartner *partner = sc_workbook_lookup_partner (book, sc_review_get_partner_id (review));
      g_autofree char *sent_at = NULL;
      guint n_actions, n_open;

      count_actions (book, review, &n_actions, &n_open);
      if (sc_review_get_sent_at (review) != NULL)
        sent_at = g_date_time_format (sc_review_get_sent_at (review), "%Y-%m-%dT%H:%M:%SZ");
      sc_json_writer_begin_object (w, NULL);
      sc_json_writer_string (w, "id", sc_review_get_id (review));
      sc_json_writer_string (w, "partner", sc_review_get_partner_id (review));
      sc_json_writer_string (w, "partner_name", partner ? sc_partner_get_name (partner) : NULL);
      sc_json_writer_string (w, "date", sc_review_get_date (review));
      sc_json_writer_string (w, "period", sc_review_get_period (review));
      sc_json_writer_string (w, "state", sc_review_state_to_string (sc_review_get_state (review)));
      sc_json_writer_boolean (w, "frozen", sc_review_is_frozen (review));
      sc_json_writer_begin_object (w, "attendees");
      write_strings (w, "ours", sc_review_get_attendees_ours (review));
      write_strings (w, "theirs", sc_review_get_attendees_theirs (review));
      sc_json_writer_end_object (w);
      sc_json_writer_int (w, "n_actions", n_actions);
      sc_json_writer_int (w, "open_actions", n_open);
      sc_json_writer_string (w, "sent_at", sent_at);
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);
  text = sc_json_writer_free_to_string (w);
  printf ("%s\n", text);
}

/* Pads @str to @width display columns (not bytes), cutting with "…". */
static void
print_cell (const char *str,
            int         width)
{
  glong len = g_utf8_strlen (str, -1);

  if (len > width)
    {
      g_autofree char *cut = g_utf8_substring (str, 0, width - 1);
      printf ("%s… ", cut);
      return;
    }
  printf ("%s%*s ", str, (int) (width - len), "");
}

static void
print_table (ScWorkbook *book,
             GPtrArray  *reviews)
{
  glong state_width;

  if (reviews->len == 0)
    {
      printf ("%s\n", _("No reviews."));
      return;
    }
  /* The state column as wide as its words in the language in use ("Brouillon") */
  state_width = g_utf8_strlen (_("State"), -1);
  for (guint i = 0; i < reviews->len; i++)
    state_width = MAX (state_width, g_utf8_strlen (sc_review_state_get_label (
        sc_review_get_state (g_ptr_array_index (reviews, i))), -1));
  print_cell (_("ID"), 9);
  print_cell (_("Partner"), 28);
  print_cell (_("Date"), 10);
  print_cell (_("Period"), 10);
  print_cell (_("State"), (int) state_width);
  printf ("%s\n", _("Open actions"));
  for (guint i = 0; i < reviews->len; i++)
    {
      ScReview *review = g_ptr_array_index (reviews, i);
      ScPartner *partner = sc_workbook_lookup_partner (book, sc_review_get_partner_id (review));
      const char *period = sc_review_get_period (review);
      guint n_actions, n_open;

      count_actions (book, review, &n_actions, &n_open);
      print_cell (sc_review_get_id (review), 9);
      print_cell (partner ? sc_partner_get_name (partner) : sc_review_get_partner_id (review), 28);
      print_cell (sc_review_get_date (review), 10);
      print_cell (period ? period : "—", 10);
      print_cell (sc_review_state_get_label (sc_review_get_state (review)), (int) state_width);
      /* Translators: open actions of all the review's actions, "2 of 5" */
      printf (_("%u of %u\n"), n_open, n_actions);
    }
}

int
sc_cli_reviews (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *partner_arg = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  ScPartner *partner = NULL;
  GOptionEntry entries[] = {
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &partner_arg, N_("Only the reviews of this partner"), "NAME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print machine-readable JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — list the review meetings of a workbook"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("scorecards reviews");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("reviews", error->message);
      return SC_EXIT_USAGE;
    }
  if (args == NULL || g_strv_length (args) != 1)
    {
      sc_cli_usage_error ("reviews", _("expected exactly one workbook"));
      return SC_EXIT_USAGE;
    }
  if (!(book = sc_cli_open_book (args[0], NULL, &error)) ||
      (partner_arg && !(partner = sc_cli_find_partner (book, partner_arg, SC_REPORT_ERROR,
                                                       SC_REPORT_ERROR_NO_PARTNERS, &error))))
    {
      g_autofree char *shown = sc_store_location_dup_display_name (args[0]);

      fprintf (stderr, "scorecards: %s: %s\n", shown, error->message);
      return SC_EXIT_BAD_INPUT;
    }
  reviews = sc_workbook_dup_partner_reviews (book, partner);
  if (json)
    print_json (book, reviews);
  else
    print_table (book, reviews);
  return SC_EXIT_OK;
}
