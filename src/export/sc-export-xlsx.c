/* sc-export-xlsx.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export as Excel": the scorecards as a real .xlsx workbook written with
 * libxlsxwriter, numbers as numbers with number formats by the KPI's unit,
 * for the customers who want to compute with them. This file holds the
 * options, the formats and the file handling: libxlsxwriter writes to a
 * path itself, so it writes the temporary file of sc-safe-file.c, which is
 * then synced and renamed over the target; the sheets are in
 * sc-export-xlsx-sheets.c.
 */

#define G_LOG_DOMAIN "sc-export-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-export-xlsx-private.h"
#include "sc-safe-file.h"

G_DEFINE_QUARK (sc-export-error-quark, sc_export_error)

/* Options */

ScExportOptions *
sc_export_options_new (void)
{
  ScExportOptions *options = g_new0 (ScExportOptions, 1);

  options->partners = g_ptr_array_new_with_free_func (g_object_unref);
  options->rollup.kind = SC_ROLLUP_PERIOD;
  options->rollup.anchor = SC_PERIOD_NONE;
  return options;
}

ScExportOptions *
sc_export_options_copy (const ScExportOptions *options)
{
  ScExportOptions *copy = sc_export_options_new ();

  g_return_val_if_fail (options != NULL, copy);

  for (guint i = 0; i < options->partners->len; i++)
    sc_export_options_add_partner (copy, g_ptr_array_index (options->partners, i));
  copy->rollup = options->rollup;
  return copy;
}

void
sc_export_options_free (ScExportOptions *options)
{
  if (options == NULL)
    return;
  g_ptr_array_unref (options->partners);
  g_free (options);
}

void
sc_export_options_add_partner (ScExportOptions *options,
                               ScPartner       *partner)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (SC_IS_PARTNER (partner));

  g_ptr_array_add (options->partners, g_object_ref (partner));
}

/* Formats */

/* The workbook's format with number format @num_format, made once. */
lxw_format *
sc_export_xlsx_number_format (ScExportXlsx *self,
                              const char   *num_format)
{
  lxw_format *format = g_hash_table_lookup (self->formats, num_format);

  if (format == NULL)
    {
      format = workbook_add_format (self->wb);
      format_set_num_format (format, num_format);
      g_hash_table_insert (self->formats, g_strdup (num_format), format);
    }
  return format;
}

static gboolean
is_currency (const char *unit)
{
  return g_str_equal (unit, "€") || g_str_equal (unit, "$") || g_str_equal (unit, "£");
}

/* "0.0%", "#,##0", "\"€\"#,##0.00", "#,##0.0\" days\"": the KPI's unit and
 * decimals as an Excel number format, so the cell stays a number.
 */
static char *
dup_kpi_num_format (ScKpi *kpi)
{
  const char *unit = sc_kpi_get_unit (kpi);
  guint decimals = MIN (sc_kpi_get_decimals (kpi), 9);
  g_autofree char *zeros = g_strnfill (decimals, '0');
  g_autofree char *number = g_strdup_printf ("#,##0%s%s", decimals ? "." : "", zeros);
  g_autofree char *literal = NULL;

  if (g_str_equal (unit, "%"))
    return g_strdup_printf ("0%s%s%%", decimals ? "." : "", zeros);
  if (is_currency (unit))
    return g_strdup_printf ("\"%s\"%s", unit, number);
  if (unit[0] == '\0' || g_str_equal (unit, "count") || g_str_equal (unit, "score") ||
      g_str_equal (unit, "ppm"))
    return g_steal_pointer (&number);
  literal = g_strdup (unit);
  g_strdelimit (literal, "\"\\", '\'');
  return g_strdup_printf ("%s\" %s\"", number, literal);
}

lxw_format *
sc_export_xlsx_kpi_format (ScExportXlsx *self,
                           ScKpi        *kpi)
{
  g_autofree char *num_format = dup_kpi_num_format (kpi);

  return sc_export_xlsx_number_format (self, num_format);
}

/* The number a cell holds for @value of @kpi: a percentage as the fraction
 * Excel's percent format shows (91.7 % is 0.917), anything else as it is.
 */
double
sc_export_xlsx_kpi_number (ScKpi  *kpi,
                           double  value)
{
  return g_str_equal (sc_kpi_get_unit (kpi), "%") ? value / 100.0 : value;
}

static lxw_format *
add_fill (lxw_workbook *wb,
          lxw_color_t   background,
          lxw_color_t   foreground)
{
  lxw_format *format = workbook_add_format (wb);

  format_set_bg_color (format, background);
  format_set_font_color (format, foreground);
  return format;
}

static void
init_formats (ScExportXlsx *self)
{
  self->formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->header = workbook_add_format (self->wb);
  format_set_bold (self->header);
  format_set_bottom (self->header, LXW_BORDER_THIN);
  format_set_text_wrap (self->header);
  format_set_align (self->header, LXW_ALIGN_VERTICAL_TOP);
  self->text = NULL;
  self->wrap = workbook_add_format (self->wb);
  format_set_text_wrap (self->wrap);
  format_set_align (self->wrap, LXW_ALIGN_VERTICAL_TOP);
  self->date = sc_export_xlsx_number_format (self, "yyyy-mm-dd");
  self->date_time = sc_export_xlsx_number_format (self, "yyyy-mm-dd hh:mm");
  self->month = workbook_add_format (self->wb);   /* a header: a month's name */
  format_set_num_format (self->month, "mmm yyyy");
  format_set_bold (self->month);
  format_set_bottom (self->month, LXW_BORDER_THIN);
  format_set_align (self->month, LXW_ALIGN_LEFT);
  self->score = sc_export_xlsx_number_format (self, "0.0");
  self->signed_score = sc_export_xlsx_number_format (self, "+0.0;-0.0;0.0");
  self->integer = sc_export_xlsx_number_format (self, "0");
  /* Excel's own "good", "neutral" and "bad" cell styles: status also in words */
  self->status[0] = add_fill (self->wb, 0xC6EFCE, 0x006100);
  self->status[1] = add_fill (self->wb, 0xFFEB9C, 0x9C5700);
  self->status[2] = add_fill (self->wb, 0xFFC7CE, 0x9C0006);
}

gboolean
sc_export_xlsx_check (ScExportXlsx *self,
                      lxw_error     status,
                      GError      **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  /* Translators: "FILE: could not write the Excel workbook: Error creating output xlsx file." */
  g_set_error (error, SC_EXPORT_ERROR, SC_EXPORT_ERROR_WRITE, _("%s: could not write the Excel workbook: %s"),
               self->display_name,
               /* the sheets OR the statuses of a row's cells: a mix names no one error */
               status > LXW_MAX_ERRNO ? _("a cell could not be written") : lxw_strerror (status));
  return FALSE;
}

/* The export */

/* Scores every partner (ranks are among all partners of a type, as the
 * summary's) and keeps the results of those exported, in the workbook's
 * order.
 */
static gboolean
score_partners (ScExportXlsx          *self,
                const ScExportOptions *options,
                GError               **error)
{
  g_autoptr(ScScorer) scorer = sc_scorer_new (self->book);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);

  self->rollup = options->rollup;
  if (self->rollup.anchor == SC_PERIOD_NONE)
    self->rollup.anchor = sc_workbook_get_latest_period (self->book);
  if (self->rollup.anchor == SC_PERIOD_NONE)
    {
      g_set_error (error, SC_EXPORT_ERROR, SC_EXPORT_ERROR_NO_DATA,
                   _("%s: nothing to export: the workbook holds no values yet"), self->display_name);
      return FALSE;
    }
  for (guint i = 0; i < options->partners->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (options->partners, i));
  all = sc_scorer_score_all (scorer, &self->rollup);
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_partner_result_free);
  for (guint i = 0; i < all->len; i++)
    {
      ScPartnerResult *r = g_ptr_array_index (all, i);

      if (g_hash_table_size (wanted) == 0 || g_hash_table_contains (wanted, r->partner))
        g_ptr_array_add (self->results, g_steal_pointer (&g_ptr_array_index (all, i)));
    }
  return TRUE;
}

static gboolean
check_size (ScExportXlsx  *self,
            GError       **error)
{
  guint64 rows = 0;

  for (guint i = 0; i < self->results->len; i++)
    rows += ((ScPartnerResult *) g_ptr_array_index (self->results, i))->kpis->len;
  if (rows < SC_EXPORT_MAX_ROW)
    return TRUE;
  g_set_error (error, SC_EXPORT_ERROR, SC_EXPORT_ERROR_TOO_LARGE,
               _("%s: %llu KPI rows do not fit in an Excel sheet (at most 1,048,575): "
                 "export fewer partners"), self->display_name, (unsigned long long) rows);
  return FALSE;
}

static void
set_properties (ScExportXlsx *self)
{
  g_autofree char *label = sc_rollup_to_label (&self->rollup, sc_workbook_get_granularity (self->book));
  /* Translators: the title of an exported Excel workbook: "Scorecards, Dec 2025" */
  g_autofree char *title = g_strdup_printf (_("Scorecards, %s"), label);
  lxw_doc_properties properties = { 0 };

  properties.title = title;
  properties.company = (char *) sc_workbook_get_company (self->book);
  properties.author = (char *) sc_workbook_get_company (self->book);
  properties.comments = (char *) "Scorecards " PACKAGE_VERSION;
  workbook_set_properties (self->wb, &properties);
}

static gboolean
write_sheets (ScExportXlsx  *self,
              GError       **error)
{
  return sc_export_xlsx_write_summary (self, error) &&
         !g_cancellable_set_error_if_cancelled (self->cancellable, error) &&
         sc_export_xlsx_write_scorecard (self, error) &&
         !g_cancellable_set_error_if_cancelled (self->cancellable, error) &&
         sc_export_xlsx_write_series (self, error) &&
         !g_cancellable_set_error_if_cancelled (self->cancellable, error) &&
         sc_export_xlsx_write_issues (self, error) &&
         !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

/* Writes the workbook to @target (the safe file's temporary file). */
static gboolean
write_workbook (ScExportXlsx  *self,
                const char    *target,
                GError       **error)
{
  lxw_workbook_options lxw_options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  lxw_error status;
  gboolean ok;

  self->wb = workbook_new_opt (target, &lxw_options);
  if (self->wb == NULL)
    return sc_export_xlsx_check (self, LXW_ERROR_CREATING_XLSX_FILE, error);
  init_formats (self);
  set_properties (self);
  ok = write_sheets (self, error);
  /* closing writes the file, and frees the workbook even after a failure */
  status = workbook_close (self->wb);
  self->wb = NULL;
  return ok && sc_export_xlsx_check (self, status, error);
}

/* Writes the scorecards of @options as an Excel workbook at @path: a
 * Summary sheet (a partner a row), a Scorecard sheet (a KPI of a partner a
 * row), the monthly Series and the Issues. A failed or cancelled export
 * leaves no file behind and an existing @path as it was.
 */
gboolean
sc_export_xlsx (ScWorkbook            *book,
                const ScExportOptions *options,
                const char            *path,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(ScSafeFile) out = NULL;
  ScExportXlsx self = { 0 };
  const char *target;
  gboolean ok;

  g_return_val_if_fail (SC_IS_WORKBOOK (book), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((out = sc_safe_file_new (path, SC_SAFE_FILE_NONE, error)) == NULL)
    return FALSE;
  self.book = book;
  self.display_name = sc_safe_file_get_display_name (out);
  self.cancellable = cancellable;
  target = sc_safe_file_get_temp_path (out) ? sc_safe_file_get_temp_path (out) : path;

  ok = score_partners (&self, options, error) && check_size (&self, error) &&
       write_workbook (&self, target, error);
  g_clear_pointer (&self.results, g_ptr_array_unref);
  g_clear_pointer (&self.formats, g_hash_table_unref);
  return ok && sc_safe_file_commit (out, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ScWorkbook *book = g_object_get_data (G_OBJECT (task), "book");
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (sc_export_xlsx (book, task_data, path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Exports in a worker thread. Nothing may change @book meanwhile: its
 * lists are not safe to read from two threads at once.
 */
void
sc_export_xlsx_async (ScWorkbook            *book,
                      const ScExportOptions *options,
                      const char            *path,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_WORKBOOK (book));
  g_return_if_fail (options != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_export_xlsx_async);
  g_task_set_task_data (task, sc_export_options_copy (options), (GDestroyNotify) sc_export_options_free);
  g_object_set_data_full (G_OBJECT (task), "book", g_object_ref (book), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sc_export_xlsx_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_export_xlsx_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
