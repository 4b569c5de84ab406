/* sc-cli-import.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecards import DATA… -o BOOK.scorecard [--into BOOK] [--layout long|wide]
 * [--dry-run] [--json] [--skip-bad-rows] [--sheet NAME]`: CSV, TSV, JSON, a sheet
 * of an .xlsx or .ods, or workbooks into a new workbook or an existing one. Nothing is written unless every file
 * imports; --dry-run reports what would be imported.
 */

#define G_LOG_DOMAIN "sc-cli-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-catalogue.h"
#include "sc-cli-private.h"
#include "sc-import.h"
#include "sc-json-writer.h"
#include "sc-recipe-suggest.h"
#include "sc-workbook-io.h"

typedef struct
{
  char     *output;
  char     *into;
  char     *layout;
  char     *duplicates;
  char     *delimiter;
  char     *decimal_mark;
  char     *encoding;
  char     *sheet;
  char     *recipe;
  gboolean  dry_run;
  gboolean  json;
  gboolean  skip_bad_rows;
  GStrv     files;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->output);
  g_free (o->into);
  g_free (o->layout);
  g_free (o->duplicates);
  g_free (o->delimiter);
  g_free (o->decimal_mark);
  g_free (o->encoding);
  g_free (o->sheet);
  g_free (o->recipe);
  g_strfreev (o->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static char *
char_to_string (char c)
{
  return c == '\t' ? g_strdup ("\\t") : c == 0 ? g_strdup ("") : g_strdup_printf ("%c", c);
}

static void
write_problem (ScJsonWriter          *w,
               const ScImportProblem *problem)
{
  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_string (w, "file", problem->file);
  if (problem->line > 0)
    sc_json_writer_int (w, "line", problem->line);
  else
    sc_json_writer_null (w, "line");
  if (problem->column > 0)
    sc_json_writer_int (w, "column", problem->column);
  else
    sc_json_writer_null (w, "column");
  sc_json_writer_boolean (w, "skipped", problem->skipped);
  sc_json_writer_string (w, "message", problem->message);
  sc_json_writer_end_object (w);
}

static void
write_source (ScJsonWriter         *w,
              const char           *name,
              const ScImportSource *source)
{
  g_autofree char *delimiter = char_to_string (source->delimiter);
  g_autofree char *decimal = char_to_string (source->decimal_mark);
  g_autofree char *thousands = char_to_string (source->thousands_separator);

  sc_json_writer_begin_object (w, name);
  sc_json_writer_string (w, "file", source->name);
  sc_json_writer_string (w, "format", sc_import_format_to_string (source->format));
  if (source->sheet != NULL)
    sc_json_writer_string (w, "sheet", source->sheet);
  if (source->format == SC_IMPORT_FORMAT_CSV)
    {
      sc_json_writer_string (w, "layout", sc_import_layout_to_string (source->layout));
      sc_json_writer_string (w, "encoding", source->encoding);
      sc_json_writer_string (w, "delimiter", delimiter);
      sc_json_writer_string (w, "decimal_mark", decimal);
      sc_json_writer_string (w, "thousands_separator", thousands);
    }
  sc_json_writer_int (w, "rows", source->n_rows);
  sc_json_writer_end_object (w);
}

static void
write_period (ScJsonWriter *w,
              ScImport     *import,
              const char   *name,
              gboolean      last)
{
  ScPeriod first, end;
  g_autofree char *text = NULL;

  if (!sc_import_get_period_range (import, &first, &end))
    {
      sc_json_writer_null (w, name);
      return;
    }
  text = sc_period_to_string (sc_import_get_granularity (import), last ? end : first);
  sc_json_writer_string (w, name, text);
}

/* What a recipe made: its partners, periods and every value, as they
 * are in @book after the import.
 */
static void
write_recipe_values (ScJsonWriter *w,
                     ScImport     *import,
                     ScWorkbook   *book)
{
  GPtrArray *partners = sc_import_get_committed_partners (import);
  GPtrArray *kpis = sc_import_get_committed_kpis (import);
  ScGranularity granularity = sc_import_get_granularity (import);
  ScPeriod first, last, book_first = sc_workbook_get_first_period (book);

  if (partners == NULL || !sc_import_get_period_range (import, &first, &last))
    return;

  sc_json_writer_begin_array (w, "partner_names");
  for (guint i = 0; i < partners->len; i++)
    sc_json_writer_string (w, NULL, sc_partner_get_name (g_ptr_array_index (partners, i)));
  sc_json_writer_end_array (w);

  sc_json_writer_begin_array (w, "periods");
  for (ScPeriod p = first; p <= last; p++)
    {
      g_autofree char *text = sc_period_to_string (granularity, p);
      sc_json_writer_string (w, NULL, text);
    }
  sc_json_writer_end_array (w);

  sc_json_writer_begin_array (w, "values");
  for (guint i = 0; i < partners->len; i++)
    for (guint k = 0; k < kpis->len; k++)
      {
        const ScSeries *s = sc_workbook_get_series (book, g_ptr_array_index (partners, i),
                                                    g_ptr_array_index (kpis, k));

        for (ScPeriod p = first; s != NULL && p <= last; p++)
          {
            g_autofree char *text = NULL;
            guint at = p - book_first;

            if (s->parts == NULL || isnan (s->parts[0][at]))
              continue;
            text = sc_period_to_string (granularity, p);
            sc_json_writer_begin_object (w, NULL);
            sc_json_writer_string (w, "partner", sc_partner_get_name (s->partner));
            sc_json_writer_string (w, "kpi", sc_kpi_get_id (s->kpi));
            sc_json_writer_string (w, "period", text);
            sc_json_writer_number (w, "value", s->values[at]);
            sc_json_writer_int (w, "rows", (gint64) s->parts[0][at]);
            sc_json_writer_end_object (w);
          }
      }
  sc_json_writer_end_array (w);
}

/* Whether @kpi came from the catalogue, rather than a name the data invented */
static gboolean
is_catalogue_kpi (ScKpi *kpi)
{
  g_autoptr(ScKpi) builtin = sc_catalogue_lookup (sc_kpi_get_id (kpi));

  return builtin != NULL;
}

/* The report of `--json`: what was (or would be) imported, and every problem. */
static char *
report_to_json (ScImport     *import,
                const Options *o,
                ScWorkbook   *book,
                const GError *error)
{
  GPtrArray *problems = sc_import_get_problems (import);
  GPtrArray *added = sc_import_get_added_kpis (import);
  GPtrArray *pairs = sc_import_get_near_duplicates (import);
  ScJsonWriter *w = sc_json_writer_new (4096 + problems->len * 160);
  gboolean listed = FALSE;

  sc_json_writer_begin_object (w, NULL);
  sc_json_writer_boolean (w, "ok", error == NULL);
  sc_json_writer_boolean (w, "dry_run", o->dry_run);
  if (sc_import_get_n_sources (import) > 0)
    {
      const ScImportSource *first = sc_import_get_source (import, 0);
      g_autofree char *delimiter = char_to_string (first->delimiter);
      g_autofree char *decimal = char_to_string (first->decimal_mark);

      sc_json_writer_string (w, "format", sc_import_format_to_string (first->format));
      if (first->sheet != NULL)
        sc_json_writer_string (w, "sheet", first->sheet);
      sc_json_writer_string (w, "layout", first->format == SC_IMPORT_FORMAT_CSV
                                          ? sc_import_layout_to_string (first->layout) : NULL);
      sc_json_writer_string (w, "encoding", first->encoding);
      sc_json_writer_string (w, "delimiter", delimiter);
      sc_json_writer_string (w, "decimal_mark", decimal);
    }
  sc_json_writer_int (w, "rows", sc_import_get_n_rows (import));
  sc_json_writer_int (w, "imported", error ? 0 : sc_import_get_n_values (import));
  sc_json_writer_int (w, "skipped", sc_import_get_n_skipped (import));
  sc_json_writer_int (w, "replaced", sc_import_get_n_replaced (import));
  sc_json_writer_int (w, "partners", sc_import_get_n_partners (import));
  sc_json_writer_int (w, "kpis", sc_import_get_n_kpis (import));
  sc_json_writer_string (w, "granularity", sc_granularity_to_string (sc_import_get_granularity (import)));
  write_period (w, import, "first_period", FALSE);
  write_period (w, import, "last_period", TRUE);

  sc_json_writer_begin_array (w, "near_duplicates");
  for (guint i = 0; i < pairs->len; i++)
    {
      const ScImportNearDuplicate *pair = g_ptr_array_index (pairs, i);

      sc_json_writer_begin_array (w, NULL);
      sc_json_writer_string (w, NULL, pair->first);
      sc_json_writer_string (w, NULL, pair->second);
      sc_json_writer_end_array (w);
    }
  sc_json_writer_end_array (w);

  /* The KPIs the data invented, as guessed: none has a target yet */
  sc_json_writer_begin_array (w, "new_kpis");
  for (guint i = 0; error == NULL && added && i < added->len; i++)
    {
      ScKpi *kpi = g_ptr_array_index (added, i);

      if (is_catalogue_kpi (kpi))
        continue;
      sc_json_writer_begin_object (w, NULL);
      sc_json_writer_string (w, "id", sc_kpi_get_id (kpi));
      sc_json_writer_string (w, "name", sc_kpi_get_name (kpi));
      sc_json_writer_string (w, "direction", sc_direction_to_string (sc_kpi_get_direction (kpi)));
      sc_json_writer_string (w, "unit", sc_kpi_get_unit (kpi));
      sc_json_writer_string (w, "category", sc_kpi_get_category (kpi));
      sc_json_writer_string (w, "aggregation",
                             sc_aggregation_to_string (sc_kpi_get_aggregation (kpi)));
      sc_json_writer_number (w, "target", sc_kpi_get_target (kpi));
      sc_json_writer_end_object (w);
    }
  sc_json_writer_end_array (w);

  sc_json_writer_begin_array (w, "files");
  for (guint i = 0; i < sc_import_get_n_sources (import); i++)
    write_source (w, NULL, sc_import_get_source (import, i));
  sc_json_writer_end_array (w);

  sc_json_writer_begin_array (w, "errors");
  for (guint i = 0; i < problems->len; i++)
    {
      const ScImportProblem *problem = g_ptr_array_index (problems, i);

      listed |= error && !problem->skipped;
      write_problem (w, problem);
    }
  if (error && !listed)
    {
      ScImportProblem extra = { (char *) "", 0, 0, error->domain, error->code, error->message, FALSE };

      if (sc_import_get_n_sources (import) > 0)
        extra.file = sc_import_get_source (import, 0)->name;
      write_problem (w, &extra);
    }
  sc_json_writer_end_array (w);
  if (error == NULL && book != NULL && sc_import_get_recipe (import) != NULL)
    write_recipe_values (w, import, book);
  sc_json_writer_end_object (w);

  return sc_json_writer_free_to_string (w);
}

static gboolean
parse_char_option (const char *value,
                   const char *allowed,
                   char       *out)
{
  if (value == NULL)
    return TRUE;
  if (g_str_equal (value, "tab") || g_str_equal (value, "\\t"))
    value = "\t";
  if (strlen (value) != 1 || strchr (allowed, value[0]) == NULL)
    return FALSE;

  *out = value[0];
  return TRUE;
}

/* Applies the options to @import; FALSE with a usage message. */
static gboolean
configure (ScImport       *import,
           const Options  *o,
           char          **message)
{
  ScImportLayout layout = SC_IMPORT_LAYOUT_AUTO;
  char delimiter = 0, decimal = 0;

  if (o->layout && !sc_import_layout_from_string (o->layout, &layout))
    *message = g_strdup_printf (_("unknown layout “%s”; expected long or wide"), o->layout);
  else if (!parse_char_option (o->delimiter, ",;\t|", &delimiter))
    *message = g_strdup (_("the delimiter must be one of , ; tab |"));
  else if (!parse_char_option (o->decimal_mark, ".,", &decimal))
    *message = g_strdup (_("the decimal mark must be . or ,"));
  else if (o->duplicates && !g_str_equal (o->duplicates, "last") && !g_str_equal (o->duplicates, "refuse"))
    *message = g_strdup (_("--duplicates must be last or refuse"));
  else
    {
      sc_import_set_layout (import, layout);
      sc_import_set_delimiter (import, delimiter);
      sc_import_set_decimal_mark (import, decimal);
      sc_import_set_encoding (import, o->encoding);
      sc_import_set_sheet (import, o->sheet);
      sc_import_set_skip_bad_rows (import, o->skip_bad_rows);
      /* A dry run lists every bad row, as --skip-bad-rows does, and fails */
      sc_import_set_list_bad_rows (import, o->dry_run && !o->skip_bad_rows);
      sc_import_set_duplicates (import, o->duplicates && g_str_equal (o->duplicates, "refuse")
                                        ? SC_IMPORT_DUPLICATES_REFUSE : SC_IMPORT_DUPLICATES_LAST_WINS);
      return TRUE;
    }

  return FALSE;
}

static void
print_problems (ScImport *import)
{
  GPtrArray *problems = sc_import_get_problems (import);

  for (guint i = 0; i < problems->len; i++)
    {
      const ScImportProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;

      if (!p->skipped)
        continue;
      line = g_strdup_printf ("%" G_GUINT64_FORMAT, p->line);
      if (p->line > 0 && p->column > 0)
        /* Translators: file:line:column: skipped: reason. The second %s is
         * the line number, %u the column. Keep the colons: editors jump to
         * the position from this form. */
        fprintf (stderr, _("%s:%s:%u: skipped: %s\n"), p->file, line, p->column, p->message);
      else if (p->line > 0)
        /* Translators: file:line: skipped: reason. The second %s is the line
         * number. Keep the colons: editors jump to the position from this form. */
        fprintf (stderr, _("%s:%s: skipped: %s\n"), p->file, line, p->message);
      else
        fprintf (stderr, _("%s: skipped: %s\n"), p->file, p->message);
    }
}

/* The bad rows a failed dry run found, one a line as "FILE:LINE:COLUMN:
 * reason" (the first is the error); FALSE, printing nothing, when there
 * is one at most: then the error says all.
 */
static gboolean
print_bad_rows (ScImport *import)
{
  GPtrArray *problems = sc_import_get_problems (import);
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += !((const ScImportProblem *) g_ptr_array_index (problems, i))->skipped;
  if (n < 2)
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      const ScImportProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, p->line);

      if (p->skipped)
        continue;
      if (p->line > 0 && p->column > 0)
        fprintf (stderr, "scorecards: %s:%s:%u: %s\n", p->file, line, p->column, p->message);
      else if (p->line > 0)
        fprintf (stderr, "scorecards: %s:%s: %s\n", p->file, line, p->message);
      else
        fprintf (stderr, "scorecards: %s: %s\n", p->file, p->message);
    }
  return TRUE;
}

/* "1,234 values of 20 partners and 12 KPIs", each count with its own
 * plural: one message cannot choose the plural of three numbers.
 */
static void
print_counts (ScImport      *import,
              const Options *o,
              const char    *first_label,
              const char    *last_label)
{
  guint64 n_values = sc_import_get_n_values (import);
  guint n_partners = sc_import_get_n_partners (import);
  guint n_kpis = sc_import_get_n_kpis (import);
  g_autofree char *values_number = g_strdup_printf ("%'" G_GUINT64_FORMAT, n_values);
  g_autofree char *partners_number = g_strdup_printf ("%u", n_partners);
  g_autofree char *kpis_number = g_strdup_printf ("%u", n_kpis);
  g_autofree char *values = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *kpis = NULL;

  /* the window's import counts use the same three messages */
  values = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s value", "%s values", n_values), values_number);
  partners = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s partner", "%s partners", n_partners),
                              partners_number);
  kpis = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s KPI", "%s KPIs", n_kpis), kpis_number);

  /* Translators: "Would import 1,234 values of 20 partners and 12 KPIs
   * (2024-01 – 2025-12)": the first three %s are “%s values”, “%s partners”
   * and “%s KPIs”, the last two the first and last period. */
  printf (o->dry_run ? _("Would import %s of %s and %s (%s – %s)\n")
                     /* Translators: as “Would import…”, after the import. */
                     : _("Imported %s of %s and %s (%s – %s)\n"),
          values, partners, kpis, first_label ? first_label : "—", last_label ? last_label : "—");
}

/* The sheet read of each workbook: without --sheet, the import chose it */
static void
print_sheets (ScImport *import)
{
  for (guint i = 0; i < sc_import_get_n_sources (import); i++)
    {
      const ScImportSource *source = sc_import_get_source (import, i);

      if (source->sheet != NULL)
        /* Translators: the first %s is a sheet's name, the second the file */
        printf (_("Read the sheet “%s” of %s\n"), source->sheet, source->name);
    }
}

#define MAX_PRINTED_PAIRS 20

/* Names that look alike and were not merged, for the user to decide */
static void
print_near_duplicates (ScImport *import)
{
  GPtrArray *pairs = sc_import_get_near_duplicates (import);
  g_autofree char *n_pairs = g_strdup_printf ("%'u", pairs->len);

  if (pairs->len == 0)
    return;

  /* Translators: %s is the number of pairs of names, already formatted */
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "%s pair of partner names looks alike but was not merged:\n",
                       "%s pairs of partner names look alike but were not merged:\n", pairs->len),
          n_pairs);
  for (guint i = 0; i < MIN (pairs->len, MAX_PRINTED_PAIRS); i++)
    {
      const ScImportNearDuplicate *pair = g_ptr_array_index (pairs, i);

      if (pair->in_workbook)
        /* Translators: a name of the workbook and a name of the data file */
        printf (_("  “%s” (in the workbook) and “%s”\n"), pair->first, pair->second);
      else
        /* Translators: two partner names of the data */
        printf (_("  “%s” and “%s”\n"), pair->first, pair->second);
    }
  if (pairs->len > MAX_PRINTED_PAIRS)
    {
      g_autofree char *more = g_strdup_printf ("%'u", pairs->len - MAX_PRINTED_PAIRS);

      /* Translators: %s is a number, already formatted */
      printf (_("  and %s more (--json lists them all)\n"), more);
    }
}

static const char *
direction_words (ScDirection direction)
{
  switch (direction)
    {
    case SC_DIRECTION_LOWER:
      return _("lower is better");
    case SC_DIRECTION_BAND:
      return _("within a band");
    case SC_DIRECTION_HIGHER:
    default:
      return _("higher is better");
    }
}

/* The KPIs the data invented, as guessed, for the user to check */
static void
print_new_kpis (ScImport *import)
{
  GPtrArray *added = sc_import_get_added_kpis (import);

  for (guint i = 0; added && i < added->len; i++)
    {
      ScKpi *kpi = g_ptr_array_index (added, i);
      const char *unit = sc_kpi_get_unit (kpi);
      g_autofree char *guess = NULL;

      if (is_catalogue_kpi (kpi))
        continue;
      if (*unit != '\0' && !g_str_equal (unit, "count"))
        /* Translators: a new KPI's direction, unit and category: "lower is better, in €, Cost" */
        guess = g_strdup_printf (_("%s, in %s, %s"), direction_words (sc_kpi_get_direction (kpi)),
                                 unit, sc_category_get_label (sc_kpi_get_category (kpi)));
      else
        /* Translators: a new KPI's direction and category: "lower is better, Quality" */
        guess = g_strdup_printf (_("%s, %s"), direction_words (sc_kpi_get_direction (kpi)),
                                 sc_category_get_label (sc_kpi_get_category (kpi)));
      if (sc_kpi_has_target (kpi))
        /* Translators: the first %s is a KPI's name, the second what was guessed of it */
        printf (_("New KPI “%s”: %s\n"), sc_kpi_get_name (kpi), guess);
      else
        /* Translators: the first %s is a KPI's name, the second what was guessed of it */
        printf (_("New KPI “%s”: %s; no target yet, so it is not in the score\n"),
                sc_kpi_get_name (kpi), guess);
    }
}

static void
print_result (ScImport      *import,
              const Options *o,
              const char    *target)
{
  ScPeriod first, last;
  g_autofree char *first_label = NULL;
  g_autofree char *last_label = NULL;
  guint64 skipped = sc_import_get_n_skipped (import);
  guint64 replaced = sc_import_get_n_replaced (import);
  g_autofree char *n_skipped = g_strdup_printf ("%'" G_GUINT64_FORMAT, skipped);
  g_autofree char *n_replaced = g_strdup_printf ("%'" G_GUINT64_FORMAT, replaced);

  print_problems (import);
  if (sc_import_get_period_range (import, &first, &last))
    {
      first_label = sc_period_to_string (sc_import_get_granularity (import), first);
      last_label = sc_period_to_string (sc_import_get_granularity (import), last);
    }

  print_sheets (import);
  print_counts (import, o, first_label, last_label);
  if (skipped > 0)
    /* Translators: %s is the number of rows, already formatted ("1,234") */
    printf (g_dngettext (GETTEXT_PACKAGE, "Skipped %s bad row (listed above)\n",
                         "Skipped %s bad rows (listed above)\n", skipped), n_skipped);
  if (replaced > 0)
    /* Translators: %s is the number of values, already formatted ("1,234") */
    printf (g_dngettext (GETTEXT_PACKAGE, "%s value was given more than once; the last one was kept\n",
                         "%s values were given more than once; the last one was kept\n", replaced),
            n_replaced);
  print_new_kpis (import);
  print_near_duplicates (import);
  if (!o->dry_run)
    printf (_("Saved %s\n"), target);
}

/* The recipe of --recipe, or the one @book keeps for files with the
 * columns of the first file; none for KPI tables.
 */
static gboolean
choose_recipe (ScImport       *import,
               const Options  *o,
               ScWorkbook     *book,
               GError        **error)
{
  g_autoptr(ScRecipe) recipe = NULL;
  g_autoptr(ScRecipeTable) table = NULL;
  g_autoptr(GFile) file = NULL;
  ScRecipe *kept;

  if (o->recipe != NULL)
    {
      if (!(recipe = sc_cli_load_recipe (o->recipe, error)))
        return FALSE;
      sc_import_set_recipe (import, recipe);
      return TRUE;
    }
  if (sc_workbook_get_n_recipes (book) == 0)
    return TRUE;

  file = g_file_new_for_commandline_arg (o->files[0]);
  if (!(table = sc_recipe_table_read_file (file, o->sheet, NULL, 1, NULL, NULL)))
    return TRUE;  /* the import will say what is wrong with the file */
  if ((kept = sc_workbook_find_recipe (book, (const char **) table->headers, table->n_columns)) != NULL)
    {
      if (!o->json)
        fprintf (stderr, _("Using the recipe kept in the workbook for files with these columns%s%s\n"),
                 kept->name ? ": " : "", kept->name ? kept->name : "");
      sc_import_set_recipe (import, kept);
    }
  return TRUE;
}

/* Adds every file and commits into @book; FALSE with @error set. */
static gboolean
run_import (ScImport       *import,
            const Options  *o,
            ScWorkbook     *book,
            GError        **error)
{
  for (guint i = 0; o->files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->files[i]);

      if (!sc_import_add_file (import, file, NULL, error))
        return FALSE;
    }

  return sc_import_commit (import, book, error);
}

static int
check_usage (const Options *o)
{
  if (o->files == NULL || o->files[0] == NULL)
    sc_cli_usage_error ("import", _("expected at least one data file"));
  else if (o->output == NULL && o->into == NULL && !o->dry_run)
    sc_cli_usage_error ("import", _("expected -o BOOK.scorecard, --into BOOK or --dry-run"));
  else if (o->output && !o->into && !o->dry_run && g_file_test (o->output, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s exists; use --into %s to add to it"), o->output, o->output);
      sc_cli_usage_error ("import", message);
    }
  else
    return SC_EXIT_OK;

  return SC_EXIT_USAGE;
}

static gboolean
parse_options (int       argc,
               char    **argv,
               Options  *o)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output, N_("Write the workbook to BOOK"), "BOOK" },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &o->into, N_("Add to the workbook BOOK"), "BOOK" },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &o->layout, N_("Layout of the data: long or wide (default: detect)"), "LAYOUT" },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &o->dry_run, N_("Report what would be imported; write nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_("Print the report as JSON"), NULL },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &o->skip_bad_rows, N_("Skip and list rows that cannot be read"), NULL },
    { "duplicates", 0, 0, G_OPTION_ARG_STRING, &o->duplicates, N_("A value given twice: last (keep the last) or refuse"), "POLICY" },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &o->delimiter, N_("Field delimiter: , ; tab | (default: detect)"), "C" },
    { "decimal-mark", 0, 0, G_OPTION_ARG_STRING, &o->decimal_mark, N_("Decimal mark: . or , (default: detect)"), "C" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &o->encoding, N_("UTF-8, UTF-16LE, UTF-16BE or WINDOWS-1252 (default: detect)"), "NAME" },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &o->sheet, N_("The sheet of an .xlsx or .ods workbook (default: the first with data)"), "NAME" },
    { "recipe", 0, 0, G_OPTION_ARG_FILENAME, &o->recipe, N_("Aggregate transaction rows with the recipe R.json (see “scorecards recipe”)"), "R.json" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("DATA… — import CSV, TSV, JSON, .xlsx or .ods data into a workbook"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("scorecards import");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_usage_error ("import", error->message);
      return FALSE;
    }

  return TRUE;
}

int
sc_cli_import (int    argc,
               char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(ScImport) import = sc_import_new ();
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *target;

  if (!parse_options (argc, argv, &o) || check_usage (&o) != SC_EXIT_OK)
    return SC_EXIT_USAGE;
  if (!configure (import, &o, &message))
    {
      sc_cli_usage_error ("import", message);
      return SC_EXIT_USAGE;
    }

  target = o.output ? o.output : o.into;
  book = o.into ? sc_cli_open_book (o.into, NULL, &error) : sc_workbook_new ();
  if (book != NULL && choose_recipe (import, &o, book, &error) &&
      run_import (import, &o, book, &error) && !o.dry_run)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (target);

      sc_workbook_save_to_file (book, file, NULL, &error);
    }

  if (o.json)
    {
      g_autofree char *json = report_to_json (import, &o, book, error);
      printf ("%s\n", json);
    }
  if (error != NULL)
    {
      if (o.dry_run && !o.json && print_bad_rows (import))
        return SC_EXIT_BAD_INPUT;
      fprintf (stderr, "scorecards: %s\n", error->message);
      return SC_EXIT_BAD_INPUT;
    }
  if (!o.json)
    print_result (import, &o, target);

  return SC_EXIT_OK;
}

static gboolean
is_workbook (const char *path)
{
  g_autoptr(GRegex) regex = NULL;
  char head[4096];
  gsize n;
  FILE *f;

  if (g_str_has_suffix (path, ".scorecard"))
    return TRUE;
  if ((f = fopen (path, "rb")) == NULL)
    return TRUE; /* let the loader say what is wrong */
  n = fread (head, 1, sizeof head - 1, f);
  fclose (f);
  head[n] = '\0';

  regex = g_regex_new ("^\\s*\\{[^}]*\"format\"\\s*:\\s*\"scorecards\"", G_REGEX_RAW, 0, NULL);
  return g_regex_match (regex, head, 0, NULL);
}

/* Opens a workbook named on the command line; a data file (CSV, TSV,
 * JSON, a sheet) is imported into a new workbook in memory, its rows
 * aggregated by the recipe at @recipe_path when one is given.
 */
ScWorkbook *
sc_cli_open_book (const char  *path,
                  const char  *recipe_path,
                  GError     **error)
{
  g_autoptr(ScRecipe) recipe = NULL;
  g_autoptr(ScImport) import = NULL;
  g_autoptr(ScWorkbook) book = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  if (recipe_path == NULL && is_workbook (path))
    return sc_workbook_load_from_file (file, NULL, error);

  import = sc_import_new ();
  if (recipe_path != NULL)
    {
      if (!(recipe = sc_cli_load_recipe (recipe_path, error)))
        return NULL;
      sc_import_set_recipe (import, recipe);
    }
  book = sc_workbook_new ();
  if (!sc_import_add_file (import, file, NULL, error) || !sc_import_commit (import, book, error))
    return NULL;

  sc_workbook_set_modified (book, FALSE);
  return g_steal_pointer (&book);
}
