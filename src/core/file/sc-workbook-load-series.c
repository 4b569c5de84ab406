/* sc-workbook-load-series.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Streams the "series" array of a .scorecard file straight into the
 * workbook's dense arrays. In a large workbook it is nearly all of the
 * file: parsed by json-glib it would cost a node per value (a million
 * values, well over 100 MB) where the arrays need 8 bytes each. The rest of
 * the document is small and read with json-glib; the messages follow its
 * style ("NAME:LINE:COLUMN: Parse error: …") and the JSON paths of
 * sc-workbook-load.c ("series[3].values[5]").
 */

#define G_LOG_DOMAIN "sc-workbook-load"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-workbook-load-private.h"

typedef struct
{
  ScLoader   *loader;
  const char *data;
  const char *p;
  const char *end;
  GString    *text;        /* the last string read, unescaped */
  GArray     *numbers;     /* the last number array read */
  GHashTable *formulas;    /* text → ScFormula, parsed once per load */
} Scanner;

typedef struct
{
  char     *partner;
  char     *kpi;
  char     *first;
  gboolean  has_first;
  GArray   *arrays[3];     /* values, numerator, denominator; NULL when absent */
  char     *formula;
  GPtrArray *parts;        /* GArray of doubles each; NULL when absent */
} Item;

static const char *array_names[] = { "values", "numerator", "denominator" };

/* Finding the span */

static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

static const char *
skip_ws (const char *p,
         const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* The byte span of the top-level member "series" when its value is an
 * array that closes; FALSE otherwise (absent, or broken JSON that
 * json-glib will then report).
 */
gboolean
sc_series_span_find (const char *data,
                     gsize       length,
                     gsize      *start,
                     gsize      *end)
{
  const char *p = data, *stop = data + length;
  int depth = 0;

  while (p < stop)
    {
      if (*p == '"')
        {
          const char *key = p;

          if (!(p = skip_string (p, stop)))
            return FALSE;
          if (depth == 1 && p - key == 8 && memcmp (key, "\"series\"", 8) == 0)
            {
              const char *q = skip_ws (p, stop);

              if (q < stop && *q == ':' && (q = skip_ws (q + 1, stop)) < stop && *q == '[')
                {
                  int d = 0;

                  *start = q - data;
                  for (; q < stop; q++)
                    {
                      if (*q == '"')
                        {
                          const char *after = skip_string (q, stop);

                          if (after == NULL)
                            return FALSE;
                          q = after - 1;
                        }
                      else if (*q == '[' || *q == '{')
                        d++;
                      else if ((*q == ']' || *q == '}') && --d == 0)
                        {
                          *end = q + 1 - data;
                          return TRUE;
                        }
                    }
                  return FALSE;
                }
            }
          continue;
        }
      if (*p == '{' || *p == '[')
        depth++;
      else if (*p == '}' || *p == ']')
        depth--;
      p++;
    }

  return FALSE;
}

/* Errors */

static void
position (Scanner *s,
          guint   *line,
          guint   *column)
{
  *line = 1;
  *column = 1;
  for (const char *q = s->data; q < s->p; q++)
    {
      if (*q == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((*q & 0xc0) != 0x80)
        (*column)++;
    }
}

static gboolean
syntax_error (Scanner    *s,
              const char *expected)
{
  guint line, column;

  position (s, &line, &column);
  g_set_error (s->loader->error, SC_WORKBOOK_ERROR, SC_WORKBOOK_ERROR_INVALID_JSON,
               _("%s:%u:%u: Parse error: expected %s"), s->loader->name, line, column, expected);
  return FALSE;
}

/* Tokens */

static gboolean
expect (Scanner *s,
        char     c)
{
  s->p = skip_ws (s->p, s->end);
  if (s->p < s->end && *s->p == c)
    {
      s->p++;
      return TRUE;
    }
  {
    char what[4] = { '\'', c, '\'', 0 };
    return syntax_error (s, what);
  }
}

static gboolean
peek (Scanner *s,
      char     c)
{
  s->p = skip_ws (s->p, s->end);
  return s->p < s->end && *s->p == c;
}

static gboolean
read_hex4 (Scanner  *s,
           gunichar *out)
{
  *out = 0;
  for (int i = 0; i < 4; i++)
    {
      int v = s->p < s->end ? g_ascii_xdigit_value (*s->p) : -1;

      if (v < 0)
        return syntax_error (s, _("four hexadecimal digits"));
      *out = *out * 16 + v;
      s->p++;
    }
  return TRUE;
}

static gboolean
read_escape (Scanner *s)
{
  gunichar c, low;

  switch (*s->p++)
    {
    case '"': g_string_append_c (s->text, '"'); return TRUE;
    case '\\': g_string_append_c (s->text, '\\'); return TRUE;
    case '/': g_string_append_c (s->text, '/'); return TRUE;
    case 'b': g_string_append_c (s->text, '\b'); return TRUE;
    case 'f': g_string_append_c (s->text, '\f'); return TRUE;
    case 'n': g_string_append_c (s->text, '\n'); return TRUE;
    case 'r': g_string_append_c (s->text, '\r'); return TRUE;
    case 't': g_string_append_c (s->text, '\t'); return TRUE;
    case 'u':
      if (!read_hex4 (s, &c))
        return FALSE;
      if (c >= 0xd800 && c < 0xdc00 && s->end - s->p >= 6 && s->p[0] == '\\' && s->p[1] == 'u')
        {
          s->p += 2;
          if (!read_hex4 (s, &low))
            return FALSE;
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        }
      g_string_append_unichar (s->text, g_unichar_validate (c) ? c : 0xfffd);
      return TRUE;
    default:
      s->p--;
      return syntax_error (s, _("a valid escape sequence"));
    }
}

/* Reads a string into s->text. */
static gboolean
read_string (Scanner *s)
{
  if (!expect (s, '"'))
    return FALSE;

  g_string_truncate (s->text, 0);
  while (s->p < s->end && *s->p != '"')
    {
      if (*s->p == '\\')
        {
          s->p++;
          if (s->p >= s->end || !read_escape (s))
            return s->p >= s->end ? syntax_error (s, _("the end of the string")) : FALSE;
        }
      else if ((guchar) *s->p < 0x20)
        return syntax_error (s, _("the end of the string"));
      else
        g_string_append_c (s->text, *s->p++);
    }
  if (s->p >= s->end)
    return syntax_error (s, _("the end of the string"));
  s->p++;
  return TRUE;
}

static gboolean
read_literal (Scanner    *s,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) >= n && memcmp (s->p, word, n) == 0)
    {
      s->p += n;
      return TRUE;
    }
  return FALSE;
}

/* A JSON number; the strict grammar, so "1." or "+1" are errors. */
static gboolean
read_number (Scanner *s,
             double  *out)
{
  const char *start = s->p, *q = s->p;
  char *parse_end;

  if (q < s->end && *q == '-')
    q++;
  if (q >= s->end || !g_ascii_isdigit (*q))
    return syntax_error (s, _("a number or null"));
  while (q < s->end && (g_ascii_isdigit (*q) || *q == '.' || *q == 'e' || *q == 'E' ||
                        *q == '+' || *q == '-'))
    q++;

  *out = g_ascii_strtod (start, &parse_end);
  if (parse_end != q || !isfinite (*out))
    return syntax_error (s, _("a number or null"));
  s->p = q;
  return TRUE;
}

static gboolean skip_value (Scanner *s);

static gboolean
skip_container (Scanner *s,
                char     close)
{
  s->p++;
  if (peek (s, close))
    {
      s->p++;
      return TRUE;
    }
  for (;;)
    {
      if (close == '}' && (!read_string (s) || !expect (s, ':')))
        return FALSE;
      if (!skip_value (s))
        return FALSE;
      if (peek (s, ','))
        s->p++;
      else
        return expect (s, close);
    }
}

/* Skips a member this version does not know (newer files may add some). */
static gboolean
skip_value (Scanner *s)
{
  double number;

  s->p = skip_ws (s->p, s->end);
  if (s->p >= s->end)
    return syntax_error (s, _("a value"));
  switch (*s->p)
    {
    case '"': return read_string (s);
    case '{': return skip_container (s, '}');
    case '[': return skip_container (s, ']');
    default:
      if (read_literal (s, "null") || read_literal (s, "true") || read_literal (s, "false"))
        return TRUE;
      return read_number (s, &number);
    }
}

/* An array of numbers and nulls (NaN) into a fresh GArray. */
static gboolean
read_numbers (Scanner     *s,
              const char  *path,
              GArray     **out)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (double), 64);

  *out = array;
  if (!expect (s, '['))
    return FALSE;
  if (peek (s, ']'))
    {
      s->p++;
      return TRUE;
    }
  for (;;)
    {
      double v = NAN;

      s->p = skip_ws (s->p, s->end);
      if (s->p < s->end && strchr ("\"{[tf", *s->p) != NULL)
        {
          /* Valid JSON of the wrong type: say where, as for other members */
          g_autofree char *element = g_strdup_printf ("%s[%u]", path, array->len);
          return sc_loader_fail (s->loader, SC_WORKBOOK_ERROR_INVALID, element,
                                 _("expected a number or null"));
        }
      if (!read_literal (s, "null") && !read_number (s, &v))
        return FALSE;
      g_array_append_val (array, v);
      if (peek (s, ','))
        s->p++;
      else
        return expect (s, ']');
    }
}

/* "parts": an array of number arrays, one per part of the formula. */
static gboolean
read_parts (Scanner    *s,
            const char *path,
            Item       *item)
{
  g_clear_pointer (&item->parts, g_ptr_array_unref);
  item->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (!expect (s, '['))
    return FALSE;
  if (peek (s, ']'))
    {
      s->p++;
      return TRUE;
    }
  for (;;)
    {
      g_autofree char *element = g_strdup_printf ("%s.parts[%u]", path, item->parts->len);
      GArray *array = NULL;

      if (item->parts->len > SC_FORMULA_MAX_PARTS)
        return sc_loader_fail (s->loader, SC_WORKBOOK_ERROR_TOO_LARGE, element,
                               _("more parts than a formula has"));
      s->p = skip_ws (s->p, s->end);
      if (s->p < s->end && *s->p != '[')
        return sc_loader_fail (s->loader, SC_WORKBOOK_ERROR_INVALID, element, _("expected an array"));
      if (!read_numbers (s, element, &array))
        {
          g_clear_pointer (&array, g_array_unref);
          return FALSE;
        }
      g_ptr_array_add (item->parts, array);
      if (peek (s, ','))
        s->p++;
      else
        return expect (s, ']');
    }
}

/* One series */

static void
item_clear (Item *item)
{
  g_clear_pointer (&item->partner, g_free);
  g_clear_pointer (&item->kpi, g_free);
  g_clear_pointer (&item->first, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (item->arrays); i++)
    g_clear_pointer (&item->arrays[i], g_array_unref);
  g_clear_pointer (&item->formula, g_free);
  g_clear_pointer (&item->parts, g_ptr_array_unref);
  item->has_first = FALSE;
}

/* Reads a string member, or null for an optional one; any other type is an
 * error on that member's path.
 */
static gboolean
read_string_member (Scanner     *s,
                    const char  *path,
                    const char  *member,
                    char       **out)
{
  s->p = skip_ws (s->p, s->end);
  if (read_literal (s, "null"))
    return TRUE;
  if (s->p < s->end && *s->p != '"')
    {
      g_autofree char *p = g_strdup_printf ("%s.%s", path, member);
      return sc_loader_fail (s->loader, SC_WORKBOOK_ERROR_INVALID, p, _("expected a string"));
    }
  if (!read_string (s))
    return FALSE;
  g_free (*out);
  *out = g_strndup (s->text->str, s->text->len);
  return TRUE;
}

static gboolean
read_member (Scanner    *s,
             const char *path,
             Item       *item)
{
  g_autofree char *key = NULL;
  g_autofree char *member_path = NULL;

  if (!read_string (s))
    return FALSE;
  key = g_strndup (s->text->str, s->text->len);
  if (!expect (s, ':'))
    return FALSE;

  if (g_str_equal (key, "partner"))
    return read_string_member (s, path, key, &item->partner);
  if (g_str_equal (key, "kpi"))
    return read_string_member (s, path, key, &item->kpi);
  if (g_str_equal (key, "first"))
    {
      item->has_first = TRUE;
      return read_string_member (s, path, key, &item->first);
    }
  if (g_str_equal (key, "formula"))
    return read_string_member (s, path, key, &item->formula);
  if (g_str_equal (key, "parts"))
    return read_parts (s, path, item);
  for (guint i = 0; i < G_N_ELEMENTS (array_names); i++)
    {
      if (!g_str_equal (key, array_names[i]))
        continue;
      if (peek (s, 'n') && read_literal (s, "null"))
        return TRUE;
      if (!peek (s, '['))
        {
          g_autofree char *p = g_strdup_printf ("%s.%s", path, key);
          return sc_loader_fail (s->loader, SC_WORKBOOK_ERROR_INVALID, p, _("expected an array"));
        }
      g_clear_pointer (&item->arrays[i], g_array_unref);
      member_path = g_strdup_printf ("%s.%s", path, key);
      return read_numbers (s, member_path, &item->arrays[i]);
    }

  return skip_value (s);
}

/* The checks of docs/file-format.md, then the values into the workbook. */
/* The recipe formula of a series and its parts, checked against each
 * other: the parts must be the formula's, over the values' periods.
 */
static gboolean
store_formula (Scanner    *s,
               const char *path,
               Item       *item,
               ScSeries   *series,
               guint       offset)
{
  ScLoader *loader = s->loader;
  guint n_periods = sc_workbook_get_n_periods (loader->book);
  g_autofree char *member_path = g_strdup_printf ("%s.formula", path);
  ScFormula *formula = g_hash_table_lookup (s->formulas, item->formula);

  if (formula == NULL)
    {
      g_autoptr(GError) error = NULL;

      formula = sc_formula_parse (item->formula, SC_FORMULA_KPI, NULL, &error);
      if (formula == NULL)
        return sc_loader_fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path, "%s", error->message);
      g_hash_table_insert (s->formulas, g_strdup (item->formula), formula);
    }

  g_free (member_path);
  member_path = g_strdup_printf ("%s.parts", path);
  if (item->parts == NULL || item->parts->len != 1 + sc_formula_get_n_parts (formula))
    return sc_loader_fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                           _("expected %u arrays for the formula"), 1 + sc_formula_get_n_parts (formula));

  sc_series_set_formula (series, formula, n_periods);
  for (guint k = 0; k < item->parts->len; k++)
    {
      GArray *array = g_ptr_array_index (item->parts, k);

      if ((guint64) offset + array->len > n_periods)
        return sc_loader_fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                               _("%u values run past the workbook’s last period"), array->len);
      memcpy (series->parts[k] + offset, array->data, array->len * sizeof (double));
    }

  return TRUE;
}

static gboolean
store_item (Scanner    *s,
            const char *path,
            Item       *item)
{
  ScLoader *loader = s->loader;
  g_autofree char *member_path = NULL;
  ScPartner *partner;
  ScKpi *kpi;
  ScSeries *series;
  ScPeriod first;
  guint offset, n_periods = sc_workbook_get_n_periods (loader->book);
  double **dests[3];

  if (item->partner == NULL || item->kpi == NULL || item->arrays[0] == NULL)
    {
      member_path = g_strdup_printf ("%s.%s", path, item->partner == NULL ? "partner" :
                                     item->kpi == NULL ? "kpi" : "values");
      return sc_loader_fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path, _("is missing"));
    }
  if (!(partner = sc_workbook_lookup_partner (loader->book, item->partner)))
    return sc_loader_fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("unknown partner “%s”"), item->partner);
  if (!(kpi = sc_workbook_lookup_kpi (loader->book, item->kpi)))
    return sc_loader_fail (loader, SC_WORKBOOK_ERROR_INVALID, path, _("unknown KPI “%s”"), item->kpi);
  if (sc_workbook_get_series (loader->book, partner, kpi) != NULL)
    return sc_loader_fail (loader, SC_WORKBOOK_ERROR_INVALID, path,
                           _("a second series for partner “%s” and KPI “%s”"), item->partner, item->kpi);

  first = sc_workbook_get_first_period (loader->book);
  if (item->first != NULL && !sc_period_parse (loader->granularity, item->first, &first))
    {
      member_path = g_strdup_printf ("%s.first", path);
      return sc_loader_fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                             _("“%s” is not a %s period (expected e.g. %s)"), item->first,
                             sc_granularity_to_string (loader->granularity),
                             loader->granularity == SC_GRANULARITY_QUARTER ? "2025-Q1" :
                             loader->granularity == SC_GRANULARITY_WEEK ? "2025-W12" : "2025-03");
    }
  if (n_periods == 0 || first < sc_workbook_get_first_period (loader->book))
    return sc_loader_fail (loader, SC_WORKBOOK_ERROR_INVALID, path,
                           _("starts before the workbook’s first period"));
  offset = first - sc_workbook_get_first_period (loader->book);

  series = sc_workbook_ensure_series (loader->book, partner, kpi);
  dests[0] = &series->values;
  dests[1] = &series->numerator;
  dests[2] = &series->denominator;
  for (guint i = 0; i < G_N_ELEMENTS (array_names); i++)
    {
      GArray *array = item->arrays[i];

      if (array == NULL)
        continue;
      if ((guint64) offset + array->len > n_periods)
        {
          member_path = g_strdup_printf ("%s.%s", path, array_names[i]);
          return sc_loader_fail (loader, SC_WORKBOOK_ERROR_INVALID, member_path,
                                 _("%u values run past the workbook’s last period"), array->len);
        }
      if (*dests[i] == NULL)
        {
          *dests[i] = g_new (double, MAX (n_periods, 1));
          for (guint j = 0; j < n_periods; j++)
            (*dests[i])[j] = NAN;
        }
      memcpy (*dests[i] + offset, array->data, array->len * sizeof (double));
    }

  if (item->formula != NULL)
    return store_formula (s, path, item, series, offset);

  return TRUE;
}

static gboolean
read_item (Scanner *s,
           guint    index)
{
  g_autofree char *path = g_strdup_printf ("series[%u]", index);
  Item item = { 0 };
  gboolean ok = FALSE;

  s->p = skip_ws (s->p, s->end);
  if (s->p < s->end && *s->p != '{')
    return sc_loader_fail (s->loader, SC_WORKBOOK_ERROR_INVALID, path, _("expected an object"));
  if (!expect (s, '{'))
    return FALSE;

  if (peek (s, '}'))
    s->p++;
  else
    for (;;)
      {
        if (!read_member (s, path, &item))
          goto out;
        if (peek (s, ','))
          s->p++;
        else if (!expect (s, '}'))
          goto out;
        else
          break;
      }

  ok = store_item (s, path, &item);

out:
  item_clear (&item);
  return ok;
}

/* Reads the array at data[start, end) into the workbook, whose partners,
 * KPIs and period range are already loaded.
 */
gboolean
sc_series_load_stream (ScLoader   *loader,
                       const char *data,
                       gsize       start,
                       gsize       end)
{
  g_autoptr(GString) text = g_string_sized_new (64);
  g_autoptr(GHashTable) formulas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) sc_formula_unref);
  Scanner s = { loader, data, data + start, data + end, text, NULL, formulas };

  if (!expect (&s, '['))
    return FALSE;
  if (peek (&s, ']'))
    return TRUE;

  for (guint i = 0; ; i++)
    {
      if (!read_item (&s, i))
        return FALSE;
      if (peek (&s, ','))
        s.p++;
      else
        return expect (&s, ']');
    }
}
