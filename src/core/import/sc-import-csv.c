/* sc-import-csv.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV/TSV table into the import's staging area: the header mapped to
 * columns (with English and German synonyms), the layout detected (long:
 * one value per row; wide: one column per KPI), then row by row. Rows of a
 * file usually repeat the partner and KPI of the row before and step to the
 * next period, so those are checked before any hash lookup. In a wide file
 * a KPI's header may start with its period ("Mar 2025 OTD", as a sheet with
 * months merged over its KPIs gives): that column is of that period, and a
 * file whose KPI columns all are needs no period column.
 */

#define G_LOG_DOMAIN "sc-import-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-import-mapping.h"
#include "sc-import-names.h"
#include "sc-import-private.h"
#include "sc-number-parse.h"
#include "sc-period-parse.h"
#include "sc-reader-csv.h"
#include "sc-recipe-run.h"

#define NO_INDEX G_MAXUINT32
#define CANCEL_CHECK_ROWS 65536

typedef enum
{
  ROW_DONE,
  ROW_SKIPPED,
  ROW_FAILED,
} RowResult;

typedef struct
{
  guint   column;
  guint32 kpi;
  guint32 period;                  /* from the header, or NO_INDEX */
} KpiColumn;

typedef struct
{
  ScImport      *import;
  ScReaderCsv   *reader;
  guint          source;
  int            columns[SC_IMPORT_N_COLUMNS];
  GArray        *kpi_columns;      /* KpiColumn, wide layout */
  ScPartnerType  default_type;
  gboolean       has_default_type;
  char           decimal_mark;
  char           thousands;
  GString       *scratch;
  GPtrArray     *headers;          /* the header row, trimmed */

  /* The previous row */
  GString       *last_partner;
  guint32        partner;
  GString       *last_kpi;
  guint32        kpi;
  guint32        period;
} CsvImport;

static void
csv_import_clear (CsvImport *ci)
{
  g_clear_object (&ci->reader);
  g_clear_pointer (&ci->kpi_columns, g_array_unref);
  g_clear_pointer (&ci->headers, g_ptr_array_unref);
  if (ci->scratch)
    g_string_free (ci->scratch, TRUE);
  if (ci->last_partner)
    g_string_free (ci->last_partner, TRUE);
  if (ci->last_kpi)
    g_string_free (ci->last_kpi, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CsvImport, csv_import_clear)

static guint64
line (CsvImport *ci)
{
  return sc_reader_csv_get_line (ci->reader);
}

#define ROW_PROBLEM(ci, column, code, error, ...) \
  (sc_import_problem ((ci)->import, (ci)->source, line (ci), (column) + 1, (code), (error), __VA_ARGS__) \
   ? ROW_SKIPPED : ROW_FAILED)

/* The trimmed text of a cell, in ci->scratch. */
static const char *
trimmed_cell (CsvImport *ci,
              int        column)
{
  gsize len;
  const char *text = sc_reader_csv_get_field (ci->reader, column, &len);

  while (len > 0 && g_ascii_isspace (*text))
    text++, len--;
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;

  g_string_truncate (ci->scratch, 0);
  g_string_append_len (ci->scratch, text, len);

  return ci->scratch->str;
}

/* The header of the column that holds @kind, as the file writes it. */
static const char *
header_name (CsvImport *ci,
             int        kind)
{
  int column = ci->columns[kind];

  if (column < 0 || (guint) column >= ci->headers->len)
    return sc_import_column_to_string (kind);

  return g_ptr_array_index (ci->headers, column);
}

/* A cell that must hold text: not empty and valid UTF-8. */
static RowResult
text_cell (CsvImport   *ci,
           int          column,
           const char  *what,
           const char **text,
           GError     **error)
{
  *text = trimmed_cell (ci, column);

  if (**text == '\0')
    return ROW_PROBLEM (ci, column, SC_IMPORT_ERROR_VALUE, error,
                        _("expected the %s; the cell is empty"), what);
  if (!g_utf8_validate (*text, -1, NULL))
    {
      ScImportSource *src = g_ptr_array_index (ci->import->sources, ci->source);

      return ROW_PROBLEM (ci, column, SC_IMPORT_ERROR_ENCODING, error,
                          _("the text is not valid %s; choose the file’s encoding"), src->encoding);
    }

  return ROW_DONE;
}

static gboolean
same_as (GString    *last,
         const char *text,
         gsize       len)
{
  return last->len == len && memcmp (last->str, text, len) == 0;
}

static RowResult
row_partner_type (CsvImport    *ci,
                  StagePartner *p,
                  GError      **error)
{
  const char *text;
  ScPartnerType type;

  if (ci->columns[SC_IMPORT_COLUMN_PARTNER_TYPE] < 0 ||
      *(text = trimmed_cell (ci, ci->columns[SC_IMPORT_COLUMN_PARTNER_TYPE])) == '\0')
    {
      if (!p->type_known && ci->has_default_type)
        p->type = ci->default_type;
      return ROW_DONE;
    }

  if (!sc_import_parse_partner_type (text, &type))
    return ROW_PROBLEM (ci, ci->columns[SC_IMPORT_COLUMN_PARTNER_TYPE], SC_IMPORT_ERROR_VALUE, error,
                        _("expected “supplier” or “customer”, found “%s”"), text);
  p->type = type;
  p->type_known = TRUE;

  return ROW_DONE;
}

static RowResult
row_partner (CsvImport  *ci,
             guint32    *index,
             GError    **error)
{
  int name_col = ci->columns[SC_IMPORT_COLUMN_PARTNER];
  int id_col = ci->columns[SC_IMPORT_COLUMN_PARTNER_ID];
  int key_col = name_col >= 0 ? name_col : id_col;
  g_autofree char *id = NULL;
  g_autofree char *tidy = NULL;
  const char *raw, *text;
  RowResult result;
  gsize len;

  raw = sc_reader_csv_get_field (ci->reader, key_col, &len);
  if (ci->partner != NO_INDEX && same_as (ci->last_partner, raw, len) && id_col < 0)
    {
      *index = ci->partner;
      return ROW_DONE;
    }

  if (id_col >= 0)
    {
      if ((result = text_cell (ci, id_col, _("partner id"), &text, error)) != ROW_DONE)
        return result;
      id = g_strdup (text);
    }
  if ((result = text_cell (ci, key_col, _("partner name"), &text, error)) != ROW_DONE)
    return result;
  /* Non-breaking spaces only, as some exports pad an empty cell */
  tidy = sc_import_tidy_name (text);
  if (*tidy == '\0')
    return ROW_PROBLEM (ci, key_col, SC_IMPORT_ERROR_VALUE, error,
                        _("expected the %s; the cell is empty"), _("partner name"));

  *index = sc_import_stage_partner (ci->import, tidy, id);
  if ((result = row_partner_type (ci, g_ptr_array_index (ci->import->partners, *index), error)) != ROW_DONE)
    return result;

  ci->partner = *index;
  g_string_truncate (ci->last_partner, 0);
  g_string_append_len (ci->last_partner, raw, len);

  return ROW_DONE;
}

static RowResult
row_kpi (CsvImport  *ci,
         guint32    *index,
         GError    **error)
{
  int column = ci->columns[SC_IMPORT_COLUMN_KPI];
  const char *raw, *text;
  RowResult result;
  gsize len;

  raw = sc_reader_csv_get_field (ci->reader, column, &len);
  if (ci->kpi != NO_INDEX && same_as (ci->last_kpi, raw, len))
    {
      *index = ci->kpi;
      return ROW_DONE;
    }

  if ((result = text_cell (ci, column, _("KPI"), &text, error)) != ROW_DONE)
    return result;

  *index = sc_import_stage_kpi (ci->import, text, NULL);
  ci->kpi = *index;
  g_string_truncate (ci->last_kpi, 0);
  g_string_append_len (ci->last_kpi, raw, len);

  return ROW_DONE;
}

/* The period; the next one of the previous row is tried first. */
static RowResult
row_period (CsvImport  *ci,
            guint32    *index,
            GError    **error)
{
  int column = ci->columns[SC_IMPORT_COLUMN_PERIOD];
  GPtrArray *periods = ci->import->periods;
  const char *raw, *text;
  StagePeriod *p;
  RowResult result;

  raw = sc_reader_csv_get_field (ci->reader, column, NULL);
  if (ci->period != NO_INDEX && ci->period + 1 < periods->len &&
      strcmp (((StagePeriod *) g_ptr_array_index (periods, ci->period + 1))->text, raw) == 0)
    *index = ci->period + 1;
  else if (ci->period != NO_INDEX &&
           strcmp (((StagePeriod *) g_ptr_array_index (periods, ci->period))->text, raw) == 0)
    *index = ci->period;
  else
    {
      if ((result = text_cell (ci, column, _("period"), &text, error)) != ROW_DONE)
        return result;
      *index = sc_import_stage_period (ci->import, text, ci->source, line (ci), column + 1);
    }

  p = g_ptr_array_index (periods, *index);
  if (p->status == SC_LOOSE_PERIOD_UNREADABLE || p->status == SC_LOOSE_PERIOD_IMPOSSIBLE)
    return ROW_PROBLEM (ci, column, SC_IMPORT_ERROR_PERIOD, error, _("“%s”: %s"),
                        p->text, sc_import_period_problem (p->status));

  ci->period = *index;
  return ROW_DONE;
}

/* Reads a number cell; an empty one gives NaN. */
static RowResult
row_number (CsvImport   *ci,
            int          column,
            const char  *header,
            double      *value,
            GError     **error)
{
  const char *text;
  gsize len;

  *value = NAN;
  if (column < 0)
    return ROW_DONE;

  text = sc_reader_csv_get_field (ci->reader, column, &len);
  switch (sc_number_parse_cell (text, len, ci->decimal_mark, ci->thousands, value))
    {
    case SC_NUMBER_OK:
      return ROW_DONE;
    case SC_NUMBER_EMPTY:
      *value = NAN;
      return ROW_DONE;
    case SC_NUMBER_TOO_LARGE:
      *value = NAN;
      /* Translators: "1e309 is too large in column “value”" */
      return ROW_PROBLEM (ci, column, SC_IMPORT_ERROR_VALUE, error,
                          _("%s is too large in column “%s”"), text, header);
    case SC_NUMBER_INVALID:
    default:
      return ROW_PROBLEM (ci, column, SC_IMPORT_ERROR_VALUE, error,
                          _("expected a number in column “%s” (decimal mark “%c”), found “%s”"),
                          header, ci->decimal_mark, text);
    }
}

static RowResult
long_row (CsvImport  *ci,
          GError    **error)
{
  const int *col = ci->columns;
  StageValue v = { 0 };
  double value, target, numerator, denominator;
  RowResult r;

  if ((r = row_partner (ci, &v.partner, error)) != ROW_DONE ||
      (r = row_kpi (ci, &v.kpi, error)) != ROW_DONE ||
      (r = row_period (ci, &v.period, error)) != ROW_DONE ||
      (r = row_number (ci, col[SC_IMPORT_COLUMN_VALUE], header_name (ci, SC_IMPORT_COLUMN_VALUE),
                       &value, error)) != ROW_DONE ||
      (r = row_number (ci, col[SC_IMPORT_COLUMN_TARGET], header_name (ci, SC_IMPORT_COLUMN_TARGET),
                       &target, error)) != ROW_DONE ||
      (r = row_number (ci, col[SC_IMPORT_COLUMN_NUMERATOR], header_name (ci, SC_IMPORT_COLUMN_NUMERATOR),
                       &numerator, error)) != ROW_DONE ||
      (r = row_number (ci, col[SC_IMPORT_COLUMN_DENOMINATOR],
                       header_name (ci, SC_IMPORT_COLUMN_DENOMINATOR), &denominator, error)) != ROW_DONE)
    return r;

  if (!isnan (target))
    sc_import_stage_target (ci->import, v.partner, v.kpi, target);
  if (isnan (value) && isnan (numerator) && isnan (denominator))
    return ROW_DONE;

  v.source = ci->source;
  v.line = line (ci);
  v.column = col[SC_IMPORT_COLUMN_VALUE] + 1;
  v.value = value;
  sc_import_stage_value (ci->import, &v, numerator, denominator);

  return ROW_DONE;
}

static RowResult
wide_row (CsvImport  *ci,
          GError    **error)
{
  GArray *values = ci->import->values;
  guint n_before = values->len;
  StageValue v = { 0 };
  guint32 row_period_index = NO_INDEX;
  RowResult r;

  if ((r = row_partner (ci, &v.partner, error)) != ROW_DONE ||
      (ci->columns[SC_IMPORT_COLUMN_PERIOD] >= 0 &&
       (r = row_period (ci, &row_period_index, error)) != ROW_DONE))
    return r;

  v.source = ci->source;
  v.line = line (ci);
  for (guint i = 0; i < ci->kpi_columns->len; i++)
    {
      const KpiColumn *kc = &g_array_index (ci->kpi_columns, KpiColumn, i);
      StageKpi *kpi = g_ptr_array_index (ci->import->kpis, kc->kpi);

      v.period = kc->period != NO_INDEX ? kc->period : row_period_index;

      if ((r = row_number (ci, kc->column, kpi->name, &v.value, error)) != ROW_DONE)
        {
          g_array_set_size (values, n_before); /* the row is skipped whole */
          return r;
        }
      if (isnan (v.value))
        continue;
      v.kpi = kc->kpi;
      v.column = kc->column + 1;
      g_array_append_val (values, v);
    }

  return ROW_DONE;
}

/* The header */

static gboolean
header_problem (CsvImport   *ci,
                guint        column,
                GError     **error,
                const char  *message)
{
  ci->import->skip_bad_rows = FALSE; /* a bad header spoils every row */
  sc_import_problem (ci->import, ci->source, line (ci), column, SC_IMPORT_ERROR_HEADER, error,
                     "%s", message);
  return FALSE;
}

static gboolean
map_header (CsvImport  *ci,
            GError    **error)
{
  guint n = sc_reader_csv_get_n_fields (ci->reader);

  for (guint i = 0; i < SC_IMPORT_N_COLUMNS; i++)
    ci->columns[i] = -1;

  ci->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      const char *text = trimmed_cell (ci, i);
      ScPartnerType type;
      gboolean implied;
      ScImportColumn kind;
      ScImportRole role;

      if (!g_utf8_validate (text, -1, NULL))
        return header_problem (ci, i + 1, error, _("the header is not valid text in the detected encoding"));
      g_ptr_array_add (ci->headers, g_strdup (text));

      /* The role set for the column, or the one its name means */
      role = sc_import_role_for_header (ci->import, i, text);
      if (role == SC_IMPORT_ROLE_IGNORE || role == SC_IMPORT_ROLE_KPI_COLUMN)
        continue;
      kind = (ScImportColumn) role;
      if (sc_import_column_from_header (text, &type, &implied) != kind)
        implied = FALSE;
      if (ci->columns[kind] >= 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” names the %s again; column %d already does"),
                             text, sc_import_column_to_string (kind), ci->columns[kind] + 1);
          return header_problem (ci, i + 1, error, message);
        }
      ci->columns[kind] = i;
      if (implied)
        {
          ci->default_type = type;
          ci->has_default_type = TRUE;
        }
    }

  return TRUE;
}

static gboolean
require_column (CsvImport       *ci,
                ScImportColumn   kind,
                const char      *examples,
                GError         **error)
{
  g_autofree char *message = NULL;

  if (ci->columns[kind] >= 0)
    return TRUE;

  message = g_strdup_printf (_("no %s column in the header; expected one named like %s (%s layout)"),
                             sc_import_column_to_string (kind), examples,
                             sc_import_layout_to_string (ci->import->layout == SC_IMPORT_LAYOUT_WIDE ||
                                                         ci->columns[SC_IMPORT_COLUMN_KPI] < 0
                                                         ? SC_IMPORT_LAYOUT_WIDE : SC_IMPORT_LAYOUT_LONG));
  return header_problem (ci, 0, error, message);
}

/* "Mar 2025 OTD" → "Mar 2025" and "OTD": the longest run of up to three
 * leading words that reads as a period, if a KPI name follows it. The
 * import assistant asks it too, to know that a wide file whose KPI
 * columns all name their period needs no period column.
 */
gboolean
sc_import_split_period_header (const char  *header,
                               char       **period,
                               const char **kpi)
{
  const char *ends[3];
  guint n = 0;

  for (const char *p = header; *p != '\0' && n < 3; p++)
    if (*p == ' ' && p > header && p[-1] != ' ')
      ends[n++] = p;

  while (n-- > 0)
    {
      g_autofree char *text = g_strndup (header, ends[n] - header);
      const char *rest = ends[n];
      ScLoosePeriod loose;

      while (*rest == ' ')
        rest++;
      if (*rest != '\0' &&
          sc_loose_period_parse (text, SC_DATE_ORDER_UNKNOWN, &loose) == SC_LOOSE_PERIOD_OK)
        {
          *period = g_steal_pointer (&text);
          *kpi = rest;
          return TRUE;
        }
    }

  return FALSE;
}

/* Every column the import does not know is a KPI of a wide file. */
static gboolean
map_kpi_columns (CsvImport  *ci,
                 GError    **error)
{
  gboolean all_have_periods = TRUE;

  ci->kpi_columns = g_array_new (FALSE, FALSE, sizeof (KpiColumn));

  for (guint i = 0; i < ci->headers->len; i++)
    {
      const char *text = g_ptr_array_index (ci->headers, i);
      g_autofree char *period = NULL;
      const char *name;
      gboolean known = FALSE;
      KpiColumn kc;

      for (guint k = 0; k < SC_IMPORT_N_COLUMNS; k++)
        known |= ci->columns[k] == (int) i;
      if (known || sc_import_role_for_header (ci->import, i, text) != SC_IMPORT_ROLE_KPI_COLUMN)
        continue;

      kc.column = i;
      kc.period = NO_INDEX;
      if (sc_import_split_period_header (text, &period, &name))
        {
          kc.period = sc_import_stage_period (ci->import, period, ci->source, line (ci), i + 1);
          text = name;
        }
      kc.kpi = sc_import_stage_kpi (ci->import, text, NULL);
      g_array_append_val (ci->kpi_columns, kc);
      all_have_periods &= kc.period != NO_INDEX;
    }

  if (ci->kpi_columns->len == 0)
    return header_problem (ci, 0, error,
                           _("no KPI columns; a wide file has one column per KPI after the partner and "
                             "the period, a long one has kpi and value columns"));
  if (all_have_periods)
    return TRUE;
  return require_column (ci, SC_IMPORT_COLUMN_PERIOD, "period, month, Monat, date, Datum", error);
}

static gboolean
choose_layout (CsvImport       *ci,
               ScImportSource  *source,
               GError         **error)
{
  ScImportLayout layout = ci->import->layout;
  static const char partner_names[] = "partner, supplier, Lieferant, customer, Kunde";

  if (layout == SC_IMPORT_LAYOUT_AUTO)
    layout = ci->columns[SC_IMPORT_COLUMN_KPI] >= 0 && ci->columns[SC_IMPORT_COLUMN_VALUE] >= 0
             ? SC_IMPORT_LAYOUT_LONG : SC_IMPORT_LAYOUT_WIDE;
  source->layout = layout;

  if (ci->columns[SC_IMPORT_COLUMN_PARTNER] < 0 && ci->columns[SC_IMPORT_COLUMN_PARTNER_ID] >= 0)
    ; /* ids serve as names */
  else if (!require_column (ci, SC_IMPORT_COLUMN_PARTNER, partner_names, error))
    return FALSE;

  /* A wide file's KPI columns may give their own periods */
  if (layout == SC_IMPORT_LAYOUT_WIDE)
    return map_kpi_columns (ci, error);

  return require_column (ci, SC_IMPORT_COLUMN_PERIOD, "period, month, Monat, date, Datum", error) &&
         require_column (ci, SC_IMPORT_COLUMN_KPI, "kpi, Kennzahl, metric", error) &&
         require_column (ci, SC_IMPORT_COLUMN_VALUE, "value, Wert, actual", error);
}

/* More cells than the header has columns usually means an unquoted decimal
 * comma in a comma-separated file: refuse rather than read "1,5" as 1.
 */
static RowResult
check_width (CsvImport  *ci,
             GError    **error)
{
  guint n = sc_reader_csv_get_n_fields (ci->reader);

  for (guint i = ci->headers->len; i < n; i++)
    {
      gsize len;

      sc_reader_csv_get_field (ci->reader, i, &len);
      if (len > 0)
        return ROW_PROBLEM (ci, i, SC_IMPORT_ERROR_VALUE, error,
                            _("the row has %u cells but the header only %u; is a decimal comma "
                              "not quoted?"), n, ci->headers->len);
    }

  return ROW_DONE;
}

static gboolean
read_rows (CsvImport     *ci,
           ScImportLayout layout,
           GCancellable  *cancellable,
           GError       **error)
{
  for (guint64 n = 1;; n++)
    {
      g_autoptr(GError) local_error = NULL;
      RowResult result;

      if (!sc_reader_csv_next_row (ci->reader, cancellable, &local_error))
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      ci->import->n_rows++;

      result = check_width (ci, error);
      if (result == ROW_DONE)
        result = layout == SC_IMPORT_LAYOUT_WIDE ? wide_row (ci, error) : long_row (ci, error);
      if (result == ROW_FAILED)
        return FALSE;
      if (n % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
}

/* Reads the delimited text of @stream into the staging area. */
gboolean
sc_import_read_csv (ScImport      *self,
                    GInputStream  *stream,
                    const char    *name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_auto(CsvImport) ci = { 0 };
  g_autoptr(GError) local_error = NULL;
  ScImportSource *source;
  gboolean skip = self->skip_bad_rows;
  gboolean ok;

  source = sc_import_add_source (self, name, SC_IMPORT_FORMAT_CSV);
  ci.import = self;
  ci.source = self->sources->len - 1;
  ci.reader = sc_reader_csv_new (stream, name);
  ci.scratch = g_string_new (NULL);
  ci.last_partner = g_string_new (NULL);
  ci.last_kpi = g_string_new (NULL);
  ci.partner = ci.kpi = ci.period = NO_INDEX;
  sc_reader_csv_set_delimiter (ci.reader, self->delimiter);
  sc_reader_csv_set_encoding (ci.reader, self->encoding);
  sc_reader_csv_set_decimal_mark (ci.reader, self->decimal_mark);

  if (!sc_reader_csv_open (ci.reader, cancellable, error))
    return FALSE;
  source->encoding = g_strdup (sc_reader_csv_get_encoding (ci.reader));
  source->delimiter = sc_reader_csv_get_delimiter (ci.reader);
  source->decimal_mark = ci.decimal_mark = sc_reader_csv_get_decimal_mark (ci.reader);
  source->thousands_separator = ci.thousands = sc_reader_csv_get_thousands_separator (ci.reader);

  if (self->recipe != NULL)
    {
      if (self->run == NULL)
        self->run = sc_recipe_run_new (self->recipe);
      ok = sc_recipe_run_read (self->run, self, ci.reader, ci.source, self->spreadsheet, cancellable, error);
      source->n_rows = sc_reader_csv_get_n_rows (ci.reader);
      return ok;
    }

  if (!sc_reader_csv_next_row (ci.reader, cancellable, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY, _("%s: the file is empty"), name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  ok = map_header (&ci, error) && choose_layout (&ci, source, error);
  self->skip_bad_rows = skip;
  if (!ok)
    return FALSE;

  ok = read_rows (&ci, source->layout, cancellable, error);
  source->n_rows = sc_reader_csv_get_n_rows (ci.reader) - 1;

  return ok;
}
