/* sc-report.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Partner reports: the options, and a report laid out into pages, one
 * document per partner ("Page X of Y" counts within a partner, also in a
 * batch). The layout is done once; any page can then be drawn on any
 * cairo_t, for a PDF, a PNG or SVG slide, or a print job. Writing files is
 * in sc-report-export.c.
 */

#define G_LOG_DOMAIN "sc-report"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sc-i18n.h"
#include "sc-report-private.h"

#define DEFAULT_PERIODS 12

struct _ScReport
{
  ScWorkbook      *book;
  ScReportOptions *options;
  GPtrArray       *docs;      /* ScReportDoc* */
  GPtrArray       *pages;     /* ScReportPage*, borrowed from the documents */
  cairo_surface_t *logo;
  const ScReportExtra *extra; /* sections around the standard ones, or NULL */
  ScPeriod         first;
  ScPeriod         last;
  GDate            today;
};

G_DEFINE_QUARK (sc-report-error-quark, sc_report_error)

/* Options */

ScReportOptions *
sc_report_options_new (ScWorkbook *book)
{
  ScReportOptions *options = g_new0 (ScReportOptions, 1);

  options->partners = g_ptr_array_new_with_free_func (g_object_unref);
  options->rollup = SC_ROLLUP_PERIOD;
  options->first = SC_PERIOD_NONE;
  options->last = SC_PERIOD_NONE;
  options->sections = SC_REPORT_SECTIONS_ALL;
  options->page_size = SC_REPORT_PAGE_A4;
  options->png_resolution = 150;
  if (book != NULL)
    {
      g_return_val_if_fail (SC_IS_WORKBOOK (book), options);
      options->company = g_strdup (sc_workbook_get_company (book));
      options->confidentiality = g_strdup (sc_workbook_get_confidentiality (book));
      sc_report_page_size_from_string (sc_workbook_get_page_size (book), &options->page_size);
    }
  return options;
}

ScReportOptions *
sc_report_options_copy (const ScReportOptions *options)
{
  ScReportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->partners = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < options->partners->len; i++)
    g_ptr_array_add (copy->partners, g_object_ref (g_ptr_array_index (options->partners, i)));
  copy->company = g_strdup (options->company);
  copy->logo_path = g_strdup (options->logo_path);
  copy->confidentiality = g_strdup (options->confidentiality);
  copy->notes = g_strdup (options->notes);
  copy->author = g_strdup (options->author);
  copy->language = g_strdup (options->language);
  copy->date = options->date ? g_date_time_ref (options->date) : NULL;
  return copy;
}

void
sc_report_options_free (ScReportOptions *options)
{
  if (options == NULL)
    return;
  g_ptr_array_unref (options->partners);
  g_free (options->company);
  g_free (options->logo_path);
  g_free (options->confidentiality);
  g_free (options->notes);
  g_free (options->author);
  g_free (options->language);
  g_clear_pointer (&options->date, g_date_time_unref);
  g_free (options);
}

void
sc_report_options_add_partner (ScReportOptions *options,
                               ScPartner       *partner)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (SC_IS_PARTNER (partner));

  if (!g_ptr_array_find (options->partners, partner, NULL))
    g_ptr_array_add (options->partners, g_object_ref (partner));
}

void
sc_report_options_set_string (char       **field,
                              const char  *value)
{
  g_return_if_fail (field != NULL);

  if (*field != value)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* The language of @partner's report: the options' language when one is
 * given, else the partner's own report language, else NULL (the
 * application's). A partner's language without a catalogue here falls back
 * to the application's: the workbook may come from a newer Scorecards.
 */
const ScLanguage *
sc_report_options_get_language (const ScReportOptions *options,
                                ScPartner             *partner)
{
  const char *code = options->language;

  if ((code == NULL || code[0] == '\0') && partner != NULL)
    code = sc_partner_get_report_language (partner);
  if (code == NULL || code[0] == '\0')
    return NULL;
  return sc_language_get (code, NULL);
}

/* Whether the options' language, if any, has a catalogue. */
gboolean
sc_report_options_check_language (const ScReportOptions  *options,
                                  GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  if (options->language == NULL || options->language[0] == '\0' ||
      sc_language_get (options->language, &local_error) != NULL)
    return TRUE;
  g_set_error_literal (error, SC_REPORT_ERROR, SC_REPORT_ERROR_LANGUAGE, local_error->message);
  return FALSE;
}

/* The report's date: the option, else SOURCE_DATE_EPOCH (reproducible
 * builds), else now.
 */
static GDateTime *
dup_report_date (const ScReportOptions *options)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (options->date != NULL)
    return g_date_time_ref (options->date);
  if (epoch != NULL && epoch[0] != '\0')
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != NULL && *end == '\0' && seconds >= 0)
        return g_date_time_new_from_unix_utc (seconds);
    }
  return g_date_time_new_now_utc ();
}

/* Documents */

static void
doc_free (gpointer data)
{
  ScReportDoc *doc = data;

  g_clear_object (&doc->partner);
  g_clear_pointer (&doc->result, sc_partner_result_free);
  g_free (doc->range_label);
  g_free (doc->view_label);
  g_free (doc->previous_label);
  g_ptr_array_unref (doc->pages);
  g_array_unref (doc->targets);
  g_clear_pointer (&doc->trends, g_ptr_array_unref);
  g_clear_pointer (&doc->issues, g_ptr_array_unref);
  g_free (doc);
}

const char *
sc_report_mark_get_label (ScReportMark mark)
{
  switch (mark)
    {
    case SC_REPORT_MARK_SUMMARY: return _("Summary");
    case SC_REPORT_MARK_CHARTS: return _("KPI trends");
    case SC_REPORT_MARK_ISSUES: return _("Issues and actions");
    case SC_REPORT_MARK_NOTES: return _("Meeting notes");
    case SC_REPORT_N_MARKS:
    default: return "";
    }
}

static char *
dup_range_label (ScReport *self)
{
  ScGranularity granularity = sc_workbook_get_granularity (self->book);
  g_autofree char *first = sc_period_to_label (granularity, self->first);
  g_autofree char *last = sc_period_to_label (granularity, self->last);

  if (self->first == self->last)
    return g_steal_pointer (&last);
  return g_strdup_printf ("%s – %s", first, last);
}

static ScReportDoc *
doc_new (ScReport  *self,
         ScScorer  *scorer,
         ScPartner *partner)
{
  ScReportDoc *doc = g_new0 (ScReportDoc, 1);
  ScRollup rollup = { self->options->rollup, self->last };
  const ScLanguage *before;

  doc->partner = g_object_ref (partner);
  doc->language = sc_report_options_get_language (self->options, partner);
  before = sc_language_use (doc->language);
  doc->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_report_page_free);
  doc->result = sc_scorer_score_partner (scorer, partner, &rollup);
  doc->targets = g_array_new (FALSE, FALSE, sizeof (ScReportTarget));
  g_array_set_size (doc->targets, doc->result->kpis->len);
  for (guint i = 0; i < doc->targets->len; i++)
    g_array_index (doc->targets, ScReportTarget, i).page = -1;
  for (guint i = 0; i < SC_REPORT_N_MARKS; i++)
    doc->marks[i].page = -1;
  doc->range_label = dup_range_label (self);
  doc->view_label = sc_rollup_to_label (&rollup, sc_workbook_get_granularity (self->book));
  {
    ScRollup previous = sc_rollup_previous (&rollup, sc_workbook_get_granularity (self->book));

    doc->previous_label = sc_rollup_to_label (&previous, sc_workbook_get_granularity (self->book));
  }
  if (self->options->sections & SC_REPORT_SECTION_CHARTS)
    doc->trends = sc_report_collect_trends (self->book, doc->result, self->first, self->last);
  if (self->options->sections & SC_REPORT_SECTION_ISSUES)
    doc->issues = sc_report_collect_issues (self->book, partner, self->first, self->last);
  sc_language_use (before);
  return doc;
}

/* Lays out one partner's document, section by section. */
static void
doc_layout (ScReport    *self,
            ScScorer    *scorer,
            ScReportDoc *doc)
{
  ScReportFlow flow;
  ScReportSections sections = self->options->sections;
  const ScLanguage *before = sc_language_use (doc->language);

  sc_report_flow_init (&flow, self->book, self->options, doc);
  flow.scorer = scorer;
  flow.logo = self->logo;
  flow.today = self->today;
  flow.first = self->first;
  flow.last = self->last;

  if (self->extra && self->extra->before)
    self->extra->before (&flow, self->extra->data);
  if (sections & SC_REPORT_SECTION_SUMMARY)
    sc_report_add_summary (&flow);
  if (sections & SC_REPORT_SECTION_CHARTS)
    sc_report_add_charts (&flow);
  if (sections & SC_REPORT_SECTION_ISSUES)
    sc_report_add_issues (&flow);
  if (sections & SC_REPORT_SECTION_NOTES)
    sc_report_add_notes (&flow);
  if (self->extra && self->extra->after)
    self->extra->after (&flow, self->extra->data);
  sc_report_flow_finish (&flow);
  sc_report_flow_clear (&flow);
  sc_language_use (before);
}

/* Ranks */

/* Ranks come from scoring every partner in the view once, not per report. */
static ScReportRanks *
ranks_new_from_scorer (ScScorer       *scorer,
                       const ScRollup *rollup)
{
  g_autoptr(GPtrArray) results = sc_scorer_score_all (scorer, rollup);
  ScReportRanks *ranks = g_new0 (ScReportRanks, 1);

  ranks->rollup = *rollup;
  ranks->ranks = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  ranks->pools = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  for (guint i = 0; i < results->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (results, i);

      if (r->rank == 0)
        continue;
      ranks->n_ranked[sc_partner_get_partner_type (r->partner) == SC_PARTNER_CUSTOMER]++;
      g_hash_table_insert (ranks->ranks, g_object_ref (r->partner), GUINT_TO_POINTER (r->rank));
      g_hash_table_insert (ranks->pools, g_object_ref (r->partner), GUINT_TO_POINTER (r->n_ranked));
    }
  return ranks;
}

void
sc_report_ranks_free (ScReportRanks *ranks)
{
  if (ranks == NULL)
    return;
  g_hash_table_unref (ranks->ranks);
  g_clear_pointer (&ranks->pools, g_hash_table_unref);
  g_free (ranks);
}

static void
apply_ranks (ScReport            *self,
             const ScReportRanks *ranks)
{
  for (guint d = 0; d < self->docs->len; d++)
    {
      ScReportDoc *doc = g_ptr_array_index (self->docs, d);

      /* Ranked among the partners of its type on its scorecard */
      doc->n_ranked = ranks->pools ? GPOINTER_TO_UINT (g_hash_table_lookup (ranks->pools, doc->partner)) : 0;
      if (doc->n_ranked == 0)
        doc->n_ranked = ranks->n_ranked[sc_partner_get_partner_type (doc->partner) == SC_PARTNER_CUSTOMER];
      doc->result->rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks->ranks, doc->partner));
      doc->result->n_ranked = doc->result->rank ? doc->n_ranked : 0;
    }
}

/* Setup */

/* The report's last period: the option, else the latest with data. */
static gboolean
resolve_last (ScWorkbook             *book,
              const ScReportOptions  *options,
              ScPeriod               *last,
              GError                **error)
{
  *last = options->last;
  if (*last == SC_PERIOD_NONE)
    *last = sc_workbook_get_latest_period (book);
  if (*last != SC_PERIOD_NONE)
    return TRUE;
  g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_NO_DATA,
               _("The workbook holds no values to report on"));
  return FALSE;
}

static gboolean
resolve_range (ScReport  *self,
               GError   **error)
{
  ScPeriod book_first = sc_workbook_get_first_period (self->book);

  if (!resolve_last (self->book, self->options, &self->last, error))
    return FALSE;
  self->first = self->options->first;
  if (self->first == SC_PERIOD_NONE)
    {
      /* 12 periods, or all of a longer view (a weekly workbook's year) */
      ScGranularity granularity = sc_workbook_get_granularity (self->book);
      ScRollup view = { self->options->rollup, self->last };
      ScPeriod view_first, view_last;

      sc_rollup_get_range (&view, granularity, &view_first, &view_last);
      self->first = MAX (book_first, MIN (view_first, self->last - (DEFAULT_PERIODS - 1)));
    }
  if (self->first > self->last)
    self->first = self->last;
  return TRUE;
}

static gboolean
load_logo (ScReport  *self,
           GError   **error)
{
  const char *path = self->options->logo_path;
  cairo_surface_t *logo;

  if (path == NULL || path[0] == '\0')
    return TRUE;
  if (!g_str_has_suffix (path, ".png") && !g_str_has_suffix (path, ".PNG"))
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_LOGO,
                   _("Could not use the logo “%s”: only PNG images are supported"), path);
      return FALSE;
    }
  logo = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (logo) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_width (logo) < 1 || cairo_image_surface_get_height (logo) < 1)
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_LOGO, _("Could not read the logo “%s”: %s"),
                   path, cairo_status_to_string (cairo_surface_status (logo)));
      cairo_surface_destroy (logo);
      return FALSE;
    }
  self->logo = logo;
  return TRUE;
}

static GPtrArray *
dup_partners (ScReport  *self,
              GError   **error)
{
  GPtrArray *partners = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all = sc_workbook_get_partners (self->book);

  if (self->options->partners->len > 0)
    {
      for (guint i = 0; i < self->options->partners->len; i++)
        g_ptr_array_add (partners, g_object_ref (g_ptr_array_index (self->options->partners, i)));
    }
  else
    {
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (partners, g_list_model_get_item (all, i));
    }
  if (partners->len == 0)
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_NO_PARTNERS,
                   _("There is no partner to report on"));
      g_clear_pointer (&partners, g_ptr_array_unref);
    }
  return partners;
}

static void
index_pages (ScReport *self)
{
  for (guint d = 0; d < self->docs->len; d++)
    {
      ScReportDoc *doc = g_ptr_array_index (self->docs, d);

      doc->first_page = self->pages->len;
      for (guint p = 0; p < doc->pages->len; p++)
        {
          ScReportPage *page = g_ptr_array_index (doc->pages, p);

          page->index = self->pages->len;
          g_ptr_array_add (self->pages, page);
        }
    }
}

static void
setup (ScReport              *self,
       ScWorkbook            *book,
       const ScReportOptions *options)
{
  g_autoptr(GDateTime) date = NULL;

  self->book = g_object_ref (book);
  self->options = sc_report_options_copy (options);
  date = dup_report_date (options);
  if (self->options->date == NULL)
    self->options->date = g_date_time_ref (date);
  if (self->options->company == NULL)
    self->options->company = g_strdup ("");
  if (self->options->confidentiality == NULL)
    self->options->confidentiality = g_strdup ("");
  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (date),
                  g_date_time_get_month (date), g_date_time_get_year (date));
  self->docs = g_ptr_array_new_with_free_func (doc_free);
  self->pages = g_ptr_array_new ();
}

/* Public API */

/* Lays out a report of every partner in @options (every partner of the
 * workbook when none is named). The workbook must not change meanwhile.
 */
ScReport *
sc_report_new (ScWorkbook             *book,
               const ScReportOptions  *options,
               ScReportProgressFunc    progress,
               gpointer                user_data,
               GCancellable           *cancellable,
               GError                **error)
{
  return sc_report_new_ranked (book, options, NULL, progress, user_data, cancellable, error);
}

/* The ranks of every partner in the view of @options, for
 * sc_report_new_ranked(): compute them once for many reports.
 */
ScReportRanks *
sc_report_ranks_new (ScWorkbook             *book,
                     const ScReportOptions  *options,
                     GError                **error)
{
  g_autoptr(ScScorer) scorer = NULL;
  ScRollup rollup = { options->rollup, SC_PERIOD_NONE };

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!resolve_last (book, options, &rollup.anchor, error))
    return NULL;
  scorer = sc_scorer_new (book);
  return ranks_new_from_scorer (scorer, &rollup);
}

/* sc_report_new() with the ranks made by sc_report_ranks_new() for the
 * same workbook and view (NULL: rank the partners here). @ranks is only
 * read, so reports in several threads may share it.
 */
ScReport *
sc_report_new_ranked (ScWorkbook             *book,
                      const ScReportOptions  *options,
                      const ScReportRanks    *ranks,
                      ScReportProgressFunc    progress,
                      gpointer                user_data,
                      GCancellable           *cancellable,
                      GError                **error)
{
  return sc_report_new_extra (book, options, ranks, NULL, progress, user_data, cancellable, error);
}

/* sc_report_new_ranked() with sections of @extra laid out before and after
 * the standard ones of each document (a review pack's).
 */
ScReport *
sc_report_new_extra (ScWorkbook             *book,
                     const ScReportOptions  *options,
                     const ScReportRanks    *ranks,
                     const ScReportExtra    *extra,
                     ScReportProgressFunc    progress,
                     gpointer                user_data,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(ScReport) self = g_new0 (ScReport, 1);
  g_autoptr(ScScorer) scorer = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(ScReportRanks) own_ranks = NULL;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  setup (self, book, options);
  self->extra = extra;
  if (!sc_report_options_check_language (options, error) || !resolve_range (self, error) || !load_logo (self, error) ||
      (partners = dup_partners (self, error)) == NULL)
    return NULL;

  scorer = sc_scorer_new (book);
  if (ranks == NULL)
    {
      ScRollup rollup = { self->options->rollup, self->last };

      ranks = own_ranks = ranks_new_from_scorer (scorer, &rollup);
    }
  g_return_val_if_fail (ranks->rollup.kind == self->options->rollup &&
                        ranks->rollup.anchor == self->last, NULL);
  for (guint i = 0; i < partners->len; i++)
    {
      ScReportDoc *doc;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      doc = doc_new (self, scorer, g_ptr_array_index (partners, i));
      g_ptr_array_add (self->docs, doc);
    }
  apply_ranks (self, ranks);
  for (guint i = 0; i < self->docs->len; i++)
    {
      ScReportDoc *doc = g_ptr_array_index (self->docs, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (progress != NULL)
        progress ((double) i / self->docs->len, sc_partner_get_name (doc->partner), user_data);
      doc_layout (self, scorer, doc);
    }
  index_pages (self);
  self->extra = NULL;
  return g_steal_pointer (&self);
}

void
sc_report_free (ScReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->docs, g_ptr_array_unref);
  g_clear_pointer (&self->options, sc_report_options_free);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_clear_object (&self->book);
  g_free (self);
}

guint
sc_report_get_n_pages (ScReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

guint
sc_report_get_n_partners (ScReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->docs->len;
}

void
sc_report_get_page_size (ScReport *self,
                         double   *width,
                         double   *height)
{
  g_return_if_fail (self != NULL);
  sc_report_page_size_get_points (self->options->page_size, width, height);
}

/* Draws page @page scaled to fit @width × @height (points of the print
 * job's page, or pixels), centred. Without links: for print and images.
 */
void
sc_report_draw_page (ScReport *self,
                     cairo_t  *cr,
                     double    width,
                     double    height,
                     guint     page)
{
  double page_w, page_h, scale;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  sc_report_get_page_size (self, &page_w, &page_h);
  scale = MIN (width / page_w, height / page_h);
  cairo_save (cr);
  cairo_translate (cr, (width - page_w * scale) / 2, (height - page_h * scale) / 2);
  cairo_scale (cr, scale, scale);
  sc_report_page_draw (g_ptr_array_index (self->pages, page), self->options, cr, SC_REPORT_DRAW_PLAIN);
  cairo_restore (cr);
}

/* What sc-report-export.c needs to see */

const ScReportOptions *
sc_report_get_options (ScReport *self)
{
  return self->options;
}

GPtrArray *
sc_report_get_docs (ScReport *self)
{
  return self->docs;
}

GPtrArray *
sc_report_get_pages (ScReport *self)
{
  return self->pages;
}

/* Names and sizes */

gboolean
sc_report_page_size_from_string (const char       *str,
                                 ScReportPageSize *size)
{
  if (g_strcmp0 (str, "a4") == 0 || g_strcmp0 (str, "A4") == 0)
    *size = SC_REPORT_PAGE_A4;
  else if (g_ascii_strcasecmp (str ? str : "", "letter") == 0)
    *size = SC_REPORT_PAGE_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
sc_report_page_size_get_points (ScReportPageSize  size,
                                double           *width,
                                double           *height)
{
  if (size == SC_REPORT_PAGE_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

gboolean
sc_report_format_from_string (const char     *str,
                              ScReportFormat *format)
{
  static const char *names[] = { "pdf", "png", "svg" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (str, names[i]) == 0)
        {
          *format = (ScReportFormat) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* A file name from a partner's name that any file system and mail client
 * accepts: ASCII letters, digits, dots and dashes, at most 80 characters.
 */
char *
sc_report_safe_file_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  GString *safe = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && safe->len < 80; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.' || *p == '_')
        g_string_append_c (safe, *p);
      else if (safe->len > 0 && safe->str[safe->len - 1] != '-')
        g_string_append_c (safe, '-');
    }
  while (safe->len > 0 && (safe->str[safe->len - 1] == '-' || safe->str[safe->len - 1] == '.'))
    g_string_truncate (safe, safe->len - 1);
  while (safe->len > 0 && (safe->str[0] == '.' || safe->str[0] == '-'))
    g_string_erase (safe, 0, 1);
  if (safe->len == 0)
    g_string_append (safe, "partner");
  return g_string_free (safe, FALSE);
}
