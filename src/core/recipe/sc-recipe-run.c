/* sc-recipe-run.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a recipe over transaction rows: each row goes to its partner ×
 * period group (after lookups, aliases and the row filter), where every
 * KPI formula accumulates its aggregate parts. Rows of all the files of
 * one import share the groups, so twelve monthly exports or one yearly
 * one give the same values. Validation then stages one value per group
 * and KPI, with the parts for exact roll-ups.
 *
 * A million rows pass through here: per row, one hash lookup for the
 * partner (raw text first, so lookups and aliases run once per spelling),
 * one for the group, a conversion of each column the formulas read, and
 * the formulas. Nothing is allocated per row.
 */

#define G_LOG_DOMAIN "sc-recipe-run"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-date.h"
#include "sc-import-names.h"
#include "sc-import-xlsx.h"
#include "sc-number-parse.h"
#include "sc-recipe-run.h"
#include "sc-recipe-table.h"

#define CANCEL_CHECK_ROWS 65536
#define NO_GROUP          G_MAXUINT32

typedef struct
{
  guint32  partner;
  ScPeriod period;
  guint    source;
  guint64  line;             /* the first row of the group, for messages */
} Group;

struct _ScRecipeRun
{
  ScRecipe    *recipe;
  guint        n_kpis;
  guint       *offsets;      /* per KPI, into a group's parts; [0] is the row count */
  guint        stride;
  double      *fresh;        /* the parts of a group without rows */

  /* Partners, by their final name */
  GPtrArray   *partners;     /* char * */
  GArray      *types;        /* ScPartnerType */
  GHashTable  *partner_index;/* name → index + 1 */
  GHashTable  *aliases;      /* normalised spelling → name */

  /* Groups: open addressing on (partner, period) */
  guint64     *slot_keys;
  guint32     *slot_groups;  /* index + 1; 0 empty */
  guint        capacity;
  GArray      *groups;       /* Group */
  GArray      *parts;        /* double, stride per group */

  guint64      n_rows;
  guint64      n_used;
  guint64      n_no_partner;
  guint64      n_no_date;
};

/* Per file */
typedef struct
{
  ScRecipeRun    *run;
  ScImport       *import;
  ScReaderCsv    *reader;
  guint           source;
  const char     *name;
  ScRecipeTable  *table;
  int             partner_column;
  int             date_column;
  int             type_column;
  ScPartnerType   fixed_type;
  GHashTable    **lookups;   /* per column: code → name, or NULL */
  guint          *used;      /* the columns formulas and the filter read */
  guint           n_used;
  ScCell         *cells;
  GHashTable     *raw;       /* partner cell as written → index + 1 */
  GString        *scratch;
  char          **held;      /* a row of the table being taken, or NULL: the reader's */
  guint64         held_line;
  double          last_day;
  ScPeriod        last_period;
} FileRun;

ScRecipeRun *
sc_recipe_run_new (ScRecipe *recipe)
{
  ScRecipeRun *run = g_new0 (ScRecipeRun, 1);

  run->recipe = sc_recipe_ref (recipe);
  run->n_kpis = recipe->kpis->len;
  run->offsets = g_new (guint, run->n_kpis);
  run->stride = 1;
  for (guint k = 0; k < run->n_kpis; k++)
    {
      ScRecipeKpi *kpi = g_ptr_array_index (recipe->kpis, k);

      run->offsets[k] = run->stride;
      run->stride += sc_formula_get_n_parts (kpi->parsed);
    }
  run->fresh = g_new0 (double, run->stride);
  for (guint k = 0; k < run->n_kpis; k++)
    sc_formula_init_parts (((ScRecipeKpi *) g_ptr_array_index (recipe->kpis, k))->parsed,
                           run->fresh + run->offsets[k]);

  run->partners = g_ptr_array_new_with_free_func (g_free);
  run->types = g_array_new (FALSE, FALSE, sizeof (ScPartnerType));
  run->partner_index = g_hash_table_new (g_str_hash, g_str_equal);
  run->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i + 1 < recipe->aliases->len; i += 2)
    g_hash_table_insert (run->aliases, sc_import_normalize_name (g_ptr_array_index (recipe->aliases, i)),
                         g_ptr_array_index (recipe->aliases, i + 1));

  run->capacity = 1024;
  run->slot_keys = g_new (guint64, run->capacity);
  run->slot_groups = g_new0 (guint32, run->capacity);
  run->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  run->parts = g_array_new (FALSE, FALSE, sizeof (double));

  return run;
}

void
sc_recipe_run_free (ScRecipeRun *run)
{
  if (run == NULL)
    return;
  sc_recipe_unref (run->recipe);
  g_free (run->offsets);
  g_free (run->fresh);
  g_ptr_array_unref (run->partners);
  g_array_unref (run->types);
  g_hash_table_unref (run->partner_index);
  g_hash_table_unref (run->aliases);
  g_free (run->slot_keys);
  g_free (run->slot_groups);
  g_array_unref (run->groups);
  g_array_unref (run->parts);
  g_free (run);
}

guint64
sc_recipe_run_get_n_rows (ScRecipeRun *run)
{
  return run->n_rows;
}

guint64
sc_recipe_run_get_n_used (ScRecipeRun *run)
{
  return run->n_used;
}

/* Groups */

static guint64
current_line (FileRun *fr)
{
  return fr->held ? fr->held_line : sc_reader_csv_get_line (fr->reader);
}


static inline guint
slot_hash (guint64 key)
{
  key *= G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (guint) (key >> 32);
}

static void
grow_slots (ScRecipeRun *run)
{
  guint capacity = run->capacity * 2;
  guint64 *keys = g_new (guint64, capacity);
  guint32 *groups = g_new0 (guint32, capacity);

  for (guint i = 0; i < run->capacity; i++)
    {
      guint j;

      if (run->slot_groups[i] == 0)
        continue;
      for (j = slot_hash (run->slot_keys[i]) & (capacity - 1); groups[j] != 0; j = (j + 1) & (capacity - 1))
        ;
      keys[j] = run->slot_keys[i];
      groups[j] = run->slot_groups[i];
    }

  g_free (run->slot_keys);
  g_free (run->slot_groups);
  run->slot_keys = keys;
  run->slot_groups = groups;
  run->capacity = capacity;
}

/* The parts of @partner × @period, made on first use; NULL past the limit. */
static double *
group_parts (FileRun  *fr,
             guint32   partner,
             ScPeriod  period)
{
  ScRecipeRun *run = fr->run;
  guint64 key = (guint64) partner << 32 | (guint32) period;
  guint mask = run->capacity - 1;
  guint i;
  Group group;

  for (i = slot_hash (key) & mask; run->slot_groups[i] != 0; i = (i + 1) & mask)
    if (run->slot_keys[i] == key)
      return &g_array_index (run->parts, double, (gsize) (run->slot_groups[i] - 1) * run->stride);

  if (run->groups->len >= SC_RECIPE_MAX_GROUPS)
    return NULL;

  group.partner = partner;
  group.period = period;
  group.source = fr->source;
  group.line = current_line (fr);
  g_array_append_val (run->groups, group);
  g_array_append_vals (run->parts, run->fresh, run->stride);
  run->slot_keys[i] = key;
  run->slot_groups[i] = run->groups->len;
  if (run->groups->len * 2 > run->capacity)
    grow_slots (run);

  return &g_array_index (run->parts, double, (gsize) (run->groups->len - 1) * run->stride);
}

/* Partners */

/* Collapses runs of whitespace (non-breaking spaces too) to one space and
 * trims the ends: "  ACME   Inc " is "ACME Inc".
 */
static char *
clean_name (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_c (out, '?');
          continue;
        }
      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static ScPartnerType
fixed_partner_type (const char *text)
{
  return g_ascii_strcasecmp (text, "customer") == 0 ? SC_PARTNER_CUSTOMER : SC_PARTNER_SUPPLIER;
}

/* The partner of a cell as written: through the lookup, cleaned, through
 * the aliases. Returns the index, or G_MAXUINT32 past the limit.
 */
static guint32
resolve_partner (FileRun    *fr,
                 const char *raw)
{
  ScRecipeRun *run = fr->run;
  GHashTable *lookup = fr->lookups[fr->partner_column];
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  const char *alias;
  gpointer found;
  guint32 index;

  name = clean_name (raw);
  if (lookup != NULL && (found = g_hash_table_lookup (lookup, name)) != NULL)
    {
      g_free (name);
      name = clean_name (found);
    }
  key = sc_import_normalize_name (name);
  if ((alias = g_hash_table_lookup (run->aliases, key)) != NULL)
    {
      g_free (name);
      name = clean_name (alias);
    }

  if ((found = g_hash_table_lookup (run->partner_index, name)) != NULL)
    index = GPOINTER_TO_UINT (found) - 1;
  else if (run->partners->len >= SC_RECIPE_MAX_PARTNERS)
    return G_MAXUINT32;
  else
    {
      ScPartnerType type = fr->fixed_type;

      g_ptr_array_add (run->partners, g_steal_pointer (&name));
      g_array_append_val (run->types, type);
      index = run->partners->len - 1;
      g_hash_table_insert (run->partner_index, g_ptr_array_index (run->partners, index),
                           GUINT_TO_POINTER (index + 1));
    }

  g_hash_table_insert (fr->raw, g_strdup (raw), GUINT_TO_POINTER (index + 1));
  return index;
}

/* Reading the columns */

/* The cell as written (NUL-terminated), of a held row or the reader's. */
static const char *
raw_field (FileRun *fr,
           guint    column,
           gsize   *length)
{
  if (fr->held != NULL)
    {
      const char *text = "";

      for (guint i = 0; fr->held[i] != NULL; i++)
        if (i == column)
          {
            text = fr->held[i];
            break;
          }
      if (length)
        *length = strlen (text);
      return text;
    }
  return sc_reader_csv_get_field (fr->reader, column, length);
}

static const char *
field (FileRun *fr,
       guint    column,
       gsize   *length)
{
  const char *text = raw_field (fr, column, length);

  while (*length > 0 && (*text == ' ' || *text == '\t'))
    text++, (*length)--;
  while (*length > 0 && (text[*length - 1] == ' ' || text[*length - 1] == '\t' ||
                         text[*length - 1] == '\r'))
    (*length)--;
  return text;
}

static gboolean
row_problem (FileRun     *fr,
             guint        column,
             int          code,
             GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (5, 6);

/* A bad cell: the row is skipped and listed with "skip bad rows",
 * otherwise the import fails with file, line and column.
 */
static gboolean
row_problem (FileRun     *fr,
             guint        column,
             int          code,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return sc_import_problem (fr->import, fr->source, current_line (fr), column + 1,
                            code, error, "%s", message);
}

/* Fills fr->cells for the columns the formulas read; FALSE for a row to
 * skip (@error set when the import fails).
 */
static gboolean
convert_cells (FileRun  *fr,
               gboolean *skip,
               GError  **error)
{
  ScRecipeTable *table = fr->table;

  for (guint u = 0; u < fr->n_used; u++)
    {
      guint c = fr->used[u];
      ScCell *cell = &fr->cells[c];
      gsize length;
      const char *text = field (fr, c, &length);

      cell->text = text;
      cell->length = length;
      if (length == 0)
        {
          cell->type = SC_CELL_EMPTY;
          continue;
        }
      if (fr->lookups[c] != NULL)
        {
          const char *name = g_hash_table_lookup (fr->lookups[c], text);

          if (name != NULL)
            cell->text = name, cell->length = strlen (name);
        }

      switch (table->types[c])
        {
        case SC_CELL_NUMBER:
          switch (sc_number_parse_cell (text, length, table->decimal_mark, table->thousands, &cell->number))
            {
            case SC_NUMBER_OK:
              cell->type = SC_CELL_NUMBER;
              break;
            case SC_NUMBER_EMPTY:
              cell->type = SC_CELL_EMPTY;
              break;
            case SC_NUMBER_INVALID:
            default:
              *skip = TRUE;
              return row_problem (fr, c, SC_IMPORT_ERROR_VALUE, error,
                                  _("“%.*s” in column “%s” is not a number"),
                                  (int) MIN (length, 40), text, table->headers[c]);
            }
          break;

        case SC_CELL_DATE:
          if (!sc_date_parse (table->date_format, text, length, &cell->number) &&
              !sc_date_parse (NULL, text, length, &cell->number))
            {
              *skip = TRUE;
              return row_problem (fr, c, SC_IMPORT_ERROR_PERIOD, error,
                                  _("“%.*s” in column “%s” is not a date like the others (%s)"),
                                  (int) MIN (length, 40), text, table->headers[c],
                                  table->date_format ? table->date_format : "YYYY-MM-DD");
            }
          cell->type = SC_CELL_DATE;
          break;

        case SC_CELL_EMPTY:
        case SC_CELL_TEXT:
        default:
          cell->type = SC_CELL_TEXT;
          break;
        }
    }

  return TRUE;
}

static ScPeriod
period_of_day (FileRun *fr,
               double   day)
{
  int y, m, d;

  if (day == fr->last_day)
    return fr->last_period;

  sc_date_to_ymd (day, &y, &m, &d);
  fr->last_day = day;
  fr->last_period = sc_period_from_ymd (fr->run->recipe->granularity, y, m, d);
  return fr->last_period;
}

/* One row into its group. FALSE when the import fails. */
static gboolean
take_row (FileRun  *fr,
          GError  **error)
{
  ScRecipeRun *run = fr->run;
  gboolean skip = FALSE;
  const char *raw;
  gsize length;
  gpointer found;
  guint32 partner;
  ScPeriod period;
  double *parts;
  ScCell *date;

  run->n_rows++;
  if (!convert_cells (fr, &skip, error))
    return FALSE;
  if (skip)
    return TRUE;

  date = &fr->cells[fr->date_column];
  if (date->type != SC_CELL_DATE)
    {
      run->n_no_date++;
      return TRUE;
    }
  if (fr->run->recipe->filter_parsed != NULL && !sc_formula_test_row (fr->run->recipe->filter_parsed, fr->cells))
    return TRUE;

  raw = field (fr, fr->partner_column, &length);
  if (length == 0)
    {
      run->n_no_partner++;
      return TRUE;
    }
  raw = raw_field (fr, fr->partner_column, NULL);
  if ((found = g_hash_table_lookup (fr->raw, raw)) != NULL)
    partner = GPOINTER_TO_UINT (found) - 1;
  else if ((partner = resolve_partner (fr, raw)) == G_MAXUINT32)
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_TOO_LARGE,
                   _("%s:%" G_GUINT64_FORMAT ": more than %d different partners in column “%s”; "
                     "is it the column that names the partner?"),
                   fr->name, current_line (fr), SC_RECIPE_MAX_PARTNERS,
                   fr->table->headers[fr->partner_column]);
      return FALSE;
    }

  if (fr->type_column >= 0)
    {
      ScPartnerType type;
      const char *text = field (fr, fr->type_column, &length);

      if (length > 0 && sc_import_parse_partner_type (text, &type))
        g_array_index (run->types, ScPartnerType, partner) = type;
    }

  period = period_of_day (fr, date->number);
  if ((parts = group_parts (fr, partner, period)) == NULL)
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_TOO_LARGE,
                   _("%s:%" G_GUINT64_FORMAT ": more than %d partner × period groups"),
                   fr->name, current_line (fr), SC_RECIPE_MAX_GROUPS);
      return FALSE;
    }

  parts[0] += 1;
  for (guint k = 0; k < run->n_kpis; k++)
    sc_formula_accumulate (((ScRecipeKpi *) g_ptr_array_index (run->recipe->kpis, k))->parsed,
                           fr->cells, parts + run->offsets[k]);
  run->n_used++;

  return TRUE;
}

/* Binding the recipe to a file's columns */

static char *
closest_header (ScRecipeTable *table,
                const char    *name)
{
  g_autofree char *want = g_utf8_casefold (name, -1);
  guint best = G_MAXUINT;
  const char *best_name = NULL;

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *have = g_utf8_casefold (table->headers[i], -1);
      guint n = strlen (want), m = strlen (have);
      g_autofree guint *row = g_new (guint, m + 1);
      guint distance;

      /* Levenshtein distance over bytes, one row at a time */
      for (guint j = 0; j <= m; j++)
        row[j] = j;
      for (guint a = 1; a <= n; a++)
        {
          guint diagonal = row[0];

          row[0] = a;
          for (guint j = 1; j <= m; j++)
            {
              guint above = row[j];

              row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (want[a - 1] != have[j - 1]));
              diagonal = above;
            }
        }
      distance = row[m];
      if (distance < best)
        {
          best = distance;
          best_name = table->headers[i];
        }
    }

  return best_name != NULL && best <= MAX (3, strlen (name) / 2) ? g_strdup (best_name) : NULL;
}

static gboolean
find_column (FileRun     *fr,
             const char  *member,
             const char  *name,
             int         *column,
             GError     **error)
{
  g_autofree char *hint = NULL;
  g_autofree char *list = NULL;

  if ((*column = sc_recipe_table_find (fr->table, name)) >= 0)
    return TRUE;

  hint = closest_header (fr->table, name);
  list = g_strjoinv ("”, “", fr->table->headers);
  if (hint != NULL)
    g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN,
                 _("%s: the recipe’s %s column “%s” is not in the file; did you mean “%s”?"),
                 fr->name, member, name, hint);
  else
    g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN,
                 _("%s: the recipe’s %s column “%s” is not in the file, whose columns are “%s”"),
                 fr->name, member, name, list);
  return FALSE;
}

static gboolean
bind_formula (FileRun               *fr,
              ScFormula             *formula,
              const char            *what,
              const ScFormulaColumn *columns,
              GHashTable            *used,
              GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  const guint *reads;
  guint n_reads, pos = 0;

  if (!sc_formula_bind (formula, columns, fr->table->n_columns, &pos, &local_error))
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_FORMULA, "%s: %s: %s",
                   fr->name, what, local_error->message);
      return FALSE;
    }

  reads = sc_formula_get_columns (formula, &n_reads);
  for (guint i = 0; i < n_reads; i++)
    g_hash_table_add (used, GUINT_TO_POINTER (reads[i] + 1));
  return TRUE;
}

static gboolean
bind_recipe (FileRun  *fr,
             GError  **error)
{
  ScRecipe *recipe = fr->run->recipe;
  ScRecipeTable *table = fr->table;
  g_autofree ScFormulaColumn *columns = g_new0 (ScFormulaColumn, MAX (table->n_columns, 1));
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GList) keys = NULL;
  guint u = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      columns[c].name = table->headers[c];
      columns[c].type = table->types[c];
    }

  if (recipe->filter_parsed != NULL &&
      !bind_formula (fr, recipe->filter_parsed, "filter", columns, used, error))
    return FALSE;
  for (guint k = 0; k < recipe->kpis->len; k++)
    {
      ScRecipeKpi *kpi = g_ptr_array_index (recipe->kpis, k);
      g_autofree char *what = g_strdup_printf ("kpis[%u] (%s)", k, kpi->id);

      if (!bind_formula (fr, kpi->parsed, what, columns, used, error))
        return FALSE;
    }

  /* The date is read with the other columns, as a date */
  table->types[fr->date_column] = SC_CELL_DATE;
  g_hash_table_add (used, GUINT_TO_POINTER (fr->date_column + 1));

  keys = g_hash_table_get_keys (used);
  fr->n_used = g_list_length (keys);
  fr->used = g_new (guint, MAX (fr->n_used, 1));
  for (GList *l = keys; l != NULL; l = l->next)
    fr->used[u++] = GPOINTER_TO_UINT (l->data) - 1;

  return TRUE;
}

/* Lookups */

/* Reads a code → name table from @stream (CSV, or a sheet's text). */
static GHashTable *
read_lookup_table (ScRecipeLookup *lookup,
                   GInputStream   *stream,
                   const char     *name,
                   char            delimiter,
                   GError        **error)
{
  g_autoptr(ScReaderCsv) reader = sc_reader_csv_new (stream, name);
  g_autoptr(ScRecipeTable) table = NULL;
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int key, value = -1;

  if (delimiter)
    {
      sc_reader_csv_set_delimiter (reader, delimiter);
      sc_reader_csv_set_encoding (reader, "UTF-8");
    }
  if (!sc_reader_csv_open (reader, NULL, error) ||
      !(table = sc_recipe_table_read (reader, NULL, G_MAXUINT, NULL, error)))
    return NULL;

  key = sc_recipe_table_find (table, lookup->key ? lookup->key : lookup->column);
  if (key < 0 && lookup->key == NULL)
    key = 0;
  if (lookup->value != NULL)
    value = sc_recipe_table_find (table, lookup->value);
  else if (!sc_recipe_table_infer (table, -1, NULL, name, NULL))
    value = -1;
  else
    for (guint c = 0; c < table->n_columns && value < 0; c++)
      if ((int) c != key && table->types[c] == SC_CELL_TEXT)
        value = c;

  if (key < 0 || value < 0)
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN,
                   _("%s: the lookup table has no column “%s” with the codes and a column with the names; "
                     "name them with “key” and “value”"),
                   name, key < 0 ? (lookup->key ? lookup->key : lookup->column) : (lookup->value ? lookup->value : "?"));
      return NULL;
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      const char *code = sc_recipe_table_cell (table, r, key);
      const char *text = sc_recipe_table_cell (table, r, value);

      if (*code != '\0' && *text != '\0')
        g_hash_table_insert (map, g_strdup (code), g_strdup (text));
    }

  return g_steal_pointer (&map);
}

static GHashTable *
open_lookup (FileRun         *fr,
             ScRecipeLookup  *lookup,
             GBytes          *spreadsheet,
             GError         **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *name = NULL;
  char delimiter = 0;

  if (lookup->sheet != NULL && spreadsheet != NULL)
    {
      name = g_strdup_printf ("%s!%s", fr->name, lookup->sheet);
      stream = sc_import_open_sheet_text (spreadsheet, fr->name, lookup->sheet, '.', NULL, error);
      delimiter = '\t';
    }
  else if (lookup->file != NULL)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (g_path_is_absolute (lookup->file) || fr->run->recipe->base_dir == NULL)
        file = g_file_new_for_path (lookup->file);
      else
        file = g_file_new_build_filename (fr->run->recipe->base_dir, lookup->file, NULL);
      name = g_file_get_basename (file);
      if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)))
        return NULL;
      if (sc_import_is_spreadsheet (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)))
        {
          stream = sc_import_open_sheet_text (bytes, name, lookup->sheet, '.', NULL, error);
          delimiter = '\t';
        }
      else
        stream = g_memory_input_stream_new_from_bytes (bytes);
    }
  else
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN,
                   _("%s: the lookup of column “%s” names the sheet “%s”, but the file is not a workbook"),
                   fr->name, lookup->column, lookup->sheet);
      return NULL;
    }

  if (stream == NULL)
    return NULL;
  return read_lookup_table (lookup, stream, name, delimiter, error);
}

static gboolean
open_lookups (FileRun  *fr,
              GBytes   *spreadsheet,
              GError  **error)
{
  ScRecipe *recipe = fr->run->recipe;

  fr->lookups = g_new0 (GHashTable *, MAX (fr->table->n_columns, 1));
  for (guint i = 0; i < recipe->lookups->len; i++)
    {
      ScRecipeLookup *lookup = g_ptr_array_index (recipe->lookups, i);
      int column;

      if (!find_column (fr, "lookup", lookup->column, &column, error))
        return FALSE;
      g_clear_pointer (&fr->lookups[column], g_hash_table_unref);
      if (!(fr->lookups[column] = open_lookup (fr, lookup, spreadsheet, error)))
        return FALSE;
      /* The names are text, whatever the codes were */
      fr->table->types[column] = SC_CELL_TEXT;
    }

  return TRUE;
}

static void
file_run_clear (FileRun *fr)
{
  if (fr->lookups != NULL)
    for (guint c = 0; c < fr->table->n_columns; c++)
      g_clear_pointer (&fr->lookups[c], g_hash_table_unref);
  g_clear_pointer (&fr->lookups, g_free);
  g_clear_pointer (&fr->table, sc_recipe_table_free);
  g_clear_pointer (&fr->used, g_free);
  g_clear_pointer (&fr->cells, g_free);
  g_clear_pointer (&fr->raw, g_hash_table_unref);
  if (fr->scratch)
    g_string_free (fr->scratch, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileRun, file_run_clear)

/* Binds the recipe to fr->table: its columns, kinds, lookups, formulas. */
static gboolean
prepare_table (FileRun  *fr,
               GBytes   *spreadsheet,
               GError  **error)
{
  ScRecipe *recipe = fr->run->recipe;

  if (!find_column (fr, "partner", recipe->partner, &fr->partner_column, error) ||
      !find_column (fr, "date", recipe->date, &fr->date_column, error))
    return FALSE;
  if (recipe->date_format != NULL && !sc_date_format_is_valid (recipe->date_format))
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_INVALID,
                   _("date_format: “%s” is not a date format such as “%%d.%%m.%%Y”, “%%m/%%d/%%Y” or “excel”"),
                   recipe->date_format);
      return FALSE;
    }
  if (!sc_recipe_table_infer (fr->table, fr->date_column, recipe->date_format, fr->name, error))
    return FALSE;

  fr->type_column = -1;
  fr->fixed_type = SC_PARTNER_SUPPLIER;
  if (g_ascii_strcasecmp (recipe->partner_type, "supplier") == 0 ||
      g_ascii_strcasecmp (recipe->partner_type, "customer") == 0)
    fr->fixed_type = fixed_partner_type (recipe->partner_type);
  else if (!find_column (fr, "partner_type", recipe->partner_type, &fr->type_column, error))
    return FALSE;

  if (!open_lookups (fr, spreadsheet, error) || !bind_recipe (fr, error))
    return FALSE;
  if (recipe->columns == NULL)
    sc_recipe_set_columns (recipe, (const char **) fr->table->headers, fr->table->n_columns);

  fr->cells = g_new0 (ScCell, MAX (fr->table->n_columns, 1));
  fr->raw = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fr->last_day = NAN;
  return TRUE;
}

static gboolean
prepare (FileRun  *fr,
         GBytes   *spreadsheet,
         GError  **error)
{
  ScRecipe *recipe = fr->run->recipe;
  const char *wanted[] = { recipe->partner, recipe->date, NULL };

  if (!(fr->table = sc_recipe_table_read (fr->reader, wanted, SC_RECIPE_SAMPLE_ROWS, NULL, error)))
    return FALSE;
  return prepare_table (fr, spreadsheet, error);
}

static gboolean
take_held_rows (FileRun  *fr,
                GError  **error)
{
  for (guint i = 0; i < fr->table->rows->len; i++)
    {
      fr->held = g_ptr_array_index (fr->table->rows, i);
      fr->held_line = g_array_index (fr->table->lines, guint64, i);
      if (!take_row (fr, error))
        return FALSE;
    }
  fr->held = NULL;
  return TRUE;
}

/**
 * sc_recipe_run_read:
 * @reader: an opened reader before its first row
 * @spreadsheet: (nullable): the workbook the rows come from, for lookups
 *   on its other sheets
 *
 * Reads every row of @reader into the run's groups.
 */
gboolean
sc_recipe_run_read (ScRecipeRun   *run,
                    ScImport      *import,
                    ScReaderCsv   *reader,
                    guint          source,
                    GBytes        *spreadsheet,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_auto(FileRun) fr = { 0 };
  g_autoptr(GError) local_error = NULL;
  ScImportSource *src = g_ptr_array_index (import->sources, source);

  fr.run = run;
  fr.import = import;
  fr.reader = reader;
  fr.source = source;
  fr.name = src->name;
  fr.scratch = g_string_new (NULL);

  if (!prepare (&fr, spreadsheet, error))
    return FALSE;

  /* The rows read ahead to learn the columns, then the rest */
  if (!take_held_rows (&fr, error))
    return FALSE;

  for (guint64 i = 0; sc_reader_csv_next_row (reader, cancellable, &local_error); i++)
    {
      if (i % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!take_row (&fr, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  src->n_rows = sc_reader_csv_get_n_rows (reader);
  return TRUE;
}

/* Staging */

/* The parts of group @group (0-based) for KPI @kpi, with the group's row
 * count first: what a series keeps per period.
 */
void
sc_recipe_run_get_parts (ScRecipeRun *run,
                         guint32      group,
                         guint        kpi,
                         double      *out)
{
  const double *parts = &g_array_index (run->parts, double, (gsize) group * run->stride);
  ScRecipeKpi *k = g_ptr_array_index (run->recipe->kpis, kpi);
  guint n = sc_formula_get_n_parts (k->parsed);

  out[0] = parts[0];
  memcpy (out + 1, parts + run->offsets[kpi], n * sizeof (double));
}

/**
 * sc_recipe_run_stage:
 *
 * Stages the partners, the recipe's KPIs and one value per partner ×
 * period × KPI, each with its parts. A KPI without data in a group (a
 * share of no rows) stages its parts without a value.
 */
gboolean
sc_recipe_run_stage (ScRecipeRun  *run,
                     ScImport     *import,
                     GError      **error)
{
  ScRecipe *recipe = run->recipe;
  g_autofree guint32 *partners = g_new (guint32, MAX (run->partners->len, 1));
  g_autofree guint32 *kpis = g_new (guint32, MAX (run->n_kpis, 1));
  g_autoptr(GHashTable) periods = g_hash_table_new (NULL, NULL);
  g_autofree double *parts = g_new (double, run->stride);

  if (run->groups->len == 0)
    {
      const char *name = import->sources->len > 0
        ? ((ScImportSource *) g_ptr_array_index (import->sources, 0))->name : "";

      g_set_error (error, SC_IMPORT_ERROR, SC_IMPORT_ERROR_EMPTY,
                   _("%s: no row has both a partner (“%s”) and a date (“%s”)%s"),
                   name, recipe->partner, recipe->date,
                   recipe->filter ? _(" that passes the recipe’s filter") : "");
      return FALSE;
    }

  for (guint p = 0; p < run->partners->len; p++)
    {
      StagePartner *sp;

      partners[p] = sc_import_stage_partner (import, g_ptr_array_index (run->partners, p), NULL);
      sp = g_ptr_array_index (import->partners, partners[p]);
      sp->type = g_array_index (run->types, ScPartnerType, p);
      sp->type_known = TRUE;
    }
  for (guint k = 0; k < run->n_kpis; k++)
    {
      ScRecipeKpi *rk = g_ptr_array_index (recipe->kpis, k);
      StageKpi *sk;

      kpis[k] = sc_import_stage_recipe_kpi (import, rk);
      sk = g_ptr_array_index (import->kpis, kpis[k]);
      (void) sk;
    }

  for (guint g = 0; g < run->groups->len; g++)
    {
      const Group *group = &g_array_index (run->groups, Group, g);
      gpointer found = g_hash_table_lookup (periods, GINT_TO_POINTER (group->period));
      guint32 period;

      if (found == NULL)
        {
          g_autofree char *text = sc_period_to_string (recipe->granularity, group->period);

          period = sc_import_stage_period (import, text, group->source, group->line, 0);
          g_hash_table_insert (periods, GINT_TO_POINTER (group->period), GUINT_TO_POINTER (period + 1));
        }
      else
        period = GPOINTER_TO_UINT (found) - 1;

      for (guint k = 0; k < run->n_kpis; k++)
        {
          ScRecipeKpi *rk = g_ptr_array_index (recipe->kpis, k);
          StageValue v = { 0 };

          sc_recipe_run_get_parts (run, g, k, parts);
          v.partner = partners[group->partner];
          v.kpi = kpis[k];
          v.period = period;
          v.source = group->source;
          v.line = group->line;
          v.value = sc_formula_finish (rk->parsed, parts + 1);
          v.group = g + 1;
          v.group_kpi = k;
          sc_import_stage_value (import, &v, NAN, NAN);
        }
    }

  return TRUE;
}

/* Previews */

void
sc_recipe_preview_free (ScRecipePreview *preview)
{
  if (preview == NULL)
    return;
  g_strfreev (preview->partners);
  g_free (preview->values);
  g_free (preview);
}

/**
 * sc_recipe_preview:
 * @table: the first rows of a file (its column kinds are learnt again)
 *
 * Runs @recipe over the rows @table holds, for the import assistant to
 * show what the recipe makes before anything is imported: every partner ×
 * period × KPI value of those rows. Fails as the import would, with the
 * file, line and column.
 */
ScRecipePreview *
sc_recipe_preview (ScRecipe       *recipe,
                   ScRecipeTable  *table,
                   const char     *display_name,
                   GError        **error)
{
  g_autoptr(ScImport) import = sc_import_new ();
  ScRecipeRun *run = sc_recipe_run_new (recipe);
  ScRecipePreview *preview = NULL;
  FileRun fr = { 0 };
  ScPeriod first = G_MAXINT32, last = G_MININT32;
  double parts[SC_FORMULA_MAX_PARTS + 1];

  sc_import_add_source (import, display_name, SC_IMPORT_FORMAT_CSV);
  fr.run = run;
  fr.import = import;
  fr.name = display_name;
  fr.table = table;
  fr.scratch = g_string_new (NULL);

  if (prepare_table (&fr, NULL, error) && take_held_rows (&fr, error))
    {
      guint n_partners = run->partners->len;

      for (guint g = 0; g < run->groups->len; g++)
        {
          first = MIN (first, g_array_index (run->groups, Group, g).period);
          last = MAX (last, g_array_index (run->groups, Group, g).period);
        }
      preview = g_new0 (ScRecipePreview, 1);
      g_ptr_array_add (run->partners, NULL);
      preview->partners = (char **) g_ptr_array_steal (run->partners, NULL);
      preview->n_partners = n_partners;
      preview->n_kpis = run->n_kpis;
      preview->granularity = recipe->granularity;
      preview->first = run->groups->len ? first : SC_PERIOD_NONE;
      preview->n_periods = run->groups->len ? (guint) (last - first + 1) : 0;
      preview->n_rows = run->n_rows;
      preview->n_used = run->n_used;
      preview->values = g_new (double, MAX ((gsize) preview->n_kpis * n_partners * preview->n_periods, 1));
      for (gsize i = 0; i < (gsize) preview->n_kpis * n_partners * preview->n_periods; i++)
        preview->values[i] = NAN;
      for (guint g = 0; g < run->groups->len; g++)
        {
          const Group *group = &g_array_index (run->groups, Group, g);

          for (guint k = 0; k < run->n_kpis; k++)
            {
              ScRecipeKpi *rk = g_ptr_array_index (recipe->kpis, k);

              sc_recipe_run_get_parts (run, g, k, parts);
              preview->values[((gsize) k * n_partners + group->partner) * preview->n_periods +
                              (group->period - first)] = sc_formula_finish (rk->parsed, parts + 1);
            }
        }
    }

  /* The table is the caller's: let go of the lookups over its columns,
   * then of everything else but the table
   */
  if (fr.lookups != NULL)
    for (guint c = 0; c < table->n_columns; c++)
      g_clear_pointer (&fr.lookups[c], g_hash_table_unref);
  g_clear_pointer (&fr.lookups, g_free);
  fr.table = NULL;
  file_run_clear (&fr);
  sc_recipe_run_free (run);
  return preview;
}

/* The value of KPI @kpi for partner @partner in the preview's @period-th
 * period; NaN when none.
 */
double
sc_recipe_preview_get (ScRecipePreview *preview,
                       guint            kpi,
                       guint            partner,
                       guint            period)
{
  g_return_val_if_fail (kpi < preview->n_kpis && partner < preview->n_partners &&
                        period < preview->n_periods, NAN);
  return preview->values[((gsize) kpi * preview->n_partners + partner) * preview->n_periods + period];
}
