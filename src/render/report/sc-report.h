/* sc-report.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sc-language.h"
#include "sc-rollup.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_REPORT_ERROR (sc_report_error_quark())

/**
 * ScReportError:
 * @SC_REPORT_ERROR_NO_PARTNERS: nothing to report: no partner selected or in the workbook
 * @SC_REPORT_ERROR_NO_DATA: the workbook holds no values
 * @SC_REPORT_ERROR_LOGO: the logo could not be read
 * @SC_REPORT_ERROR_WRITE: an output folder could not be made or a page
 *   not drawn into its file; the file's own errors (a full disk, a
 *   read-only folder) come in %SC_SAFE_FILE_ERROR
 * @SC_REPORT_ERROR_LANGUAGE: the report language asked for has no
 *   catalogue (the message lists those there are)
 */
typedef enum
{
  SC_REPORT_ERROR_NO_PARTNERS,
  SC_REPORT_ERROR_NO_DATA,
  SC_REPORT_ERROR_LOGO,
  SC_REPORT_ERROR_WRITE,
  SC_REPORT_ERROR_LANGUAGE,
} ScReportError;

typedef enum
{
  SC_REPORT_SECTION_SUMMARY = 1 << 0,
  SC_REPORT_SECTION_CHARTS  = 1 << 1,
  SC_REPORT_SECTION_ISSUES  = 1 << 2,
  SC_REPORT_SECTION_NOTES   = 1 << 3,
} ScReportSections;

#define SC_REPORT_SECTIONS_ALL (SC_REPORT_SECTION_SUMMARY | SC_REPORT_SECTION_CHARTS | \
                                SC_REPORT_SECTION_ISSUES | SC_REPORT_SECTION_NOTES)

typedef enum
{
  SC_REPORT_PAGE_A4,
  SC_REPORT_PAGE_LETTER,
} ScReportPageSize;

typedef enum
{
  SC_REPORT_FORMAT_PDF,
  SC_REPORT_FORMAT_PNG,
  SC_REPORT_FORMAT_SVG,
} ScReportFormat;

/* What goes into a report. sc_report_options_new() fills the defaults from
 * the workbook's settings (company, confidentiality line, page size); the
 * strings are owned by the struct and freed by sc_report_options_free().
 */
typedef struct
{
  GPtrArray        *partners;         /* ScPartner*; empty: every partner */
  ScRollupKind      rollup;           /* the summary's view, anchored at @last */
  ScPeriod          first;            /* SC_PERIOD_NONE: 12 periods up to @last, or the view */
  ScPeriod          last;             /* SC_PERIOD_NONE: the latest period with data */
  ScReportSections  sections;
  ScReportPageSize  page_size;
  char             *company;
  char             *logo_path;        /* PNG, or NULL */
  char             *confidentiality;
  char             *notes;            /* meeting notes for this report, or NULL */
  gboolean          workbook_notes;   /* also print the workbook's (internal) notes */
  char             *author;           /* PDF metadata; NULL: the company */
  GDateTime        *date;             /* creation date; NULL: SOURCE_DATE_EPOCH or now */
  double            png_resolution;   /* pixels per inch of PNG pages (default 150) */
  char             *language;         /* report language ("fr"); NULL or "": each partner's
                                       * report_language, else the application's */
} ScReportOptions;

/* @fraction of the whole job done (0–1) and what is being done. Called in
 * the thread that called the export.
 */
typedef void (*ScReportProgressFunc) (double      fraction,
                                      const char *message,
                                      gpointer    user_data);

/* A report laid out into pages: draw any page on any cairo_t (a PDF page,
 * a PNG, an SVG, a print job).
 */
typedef struct _ScReport ScReport;

GQuark           sc_report_error_quark        (void);

ScReportOptions *sc_report_options_new        (ScWorkbook             *book);
ScReportOptions *sc_report_options_copy       (const ScReportOptions  *options);
void             sc_report_options_free       (ScReportOptions        *options);
void             sc_report_options_add_partner (ScReportOptions       *options,
                                               ScPartner              *partner);
void             sc_report_options_set_string (char                  **field,
                                               const char             *value);

ScReport        *sc_report_new                (ScWorkbook             *book,
                                               const ScReportOptions  *options,
                                               ScReportProgressFunc    progress,
                                               gpointer                user_data,
                                               GCancellable           *cancellable,
                                               GError                **error);
void             sc_report_free               (ScReport               *self);
guint            sc_report_get_n_pages        (ScReport               *self);
guint            sc_report_get_n_partners     (ScReport               *self);
void             sc_report_get_page_size      (ScReport               *self,
                                               double                 *width,
                                               double                 *height);
void             sc_report_draw_page          (ScReport               *self,
                                               cairo_t                *cr,
                                               double                  width,
                                               double                  height,
                                               guint                   page);
gboolean         sc_report_write              (ScReport               *self,
                                               ScReportFormat          format,
                                               const char             *path,
                                               ScReportProgressFunc    progress,
                                               gpointer                user_data,
                                               GCancellable           *cancellable,
                                               GError                **error);

gboolean         sc_report_export             (ScWorkbook             *book,
                                               const ScReportOptions  *options,
                                               const char             *filename,
                                               ScReportProgressFunc    progress,
                                               gpointer                user_data,
                                               GCancellable           *cancellable,
                                               GError                **error);
GPtrArray       *sc_report_export_split       (ScWorkbook             *book,
                                               const ScReportOptions  *options,
                                               const char             *directory,
                                               ScReportProgressFunc    progress,
                                               gpointer                user_data,
                                               GCancellable           *cancellable,
                                               GError                **error);

char            *sc_report_safe_file_name     (const char             *name);
gboolean         sc_report_page_size_from_string (const char          *str,
                                                  ScReportPageSize    *size);
void             sc_report_page_size_get_points (ScReportPageSize      size,
                                                 double               *width,
                                                 double               *height);
const ScLanguage *sc_report_options_get_language (const ScReportOptions *options,
                                                 ScPartner             *partner);
gboolean         sc_report_options_check_language (const ScReportOptions *options,
                                                   GError               **error);
gboolean         sc_report_format_from_string (const char             *str,
                                               ScReportFormat         *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReport, sc_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReportOptions, sc_report_options_free)

G_END_DECLS
