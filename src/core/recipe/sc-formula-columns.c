/* sc-formula-columns.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A formula's column names against the headers of a file: an exact match
 * first, then one that ignores case and blanks around the header. A name
 * that matches nothing is an error naming the closest header (edit
 * distance, ignoring case), which catches "Delivery Date" for
 * "delivery_date".
 */

#define G_LOG_DOMAIN "sc-formula"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-formula-private.h"

/* Past this, names are not compared for a hint: the cost is the product
 * of the lengths, and a name this long is no typo.
 */
#define MAX_HINT_LENGTH 64

/* Headers listed in full when no single one is close */
#define MAX_LISTED_COLUMNS 12

/* A name as compared: valid UTF-8, NFC, case folded, without blanks around */
static char *
column_key (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  g_autofree char *normal = g_utf8_normalize (g_strstrip (valid), -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (normal ? normal : valid, -1);
}

/* Levenshtein distance over characters, in one row */
static guint
edit_distance (const gunichar *a,
               glong           na,
               const gunichar *b,
               glong           nb)
{
  g_autofree guint *row = g_new (guint, nb + 1);

  for (glong j = 0; j <= nb; j++)
    row[j] = j;

  for (glong i = 1; i <= na; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= nb; j++)
        {
          guint above = row[j];
          guint cost = diagonal + (a[i - 1] != b[j - 1]);

          row[j] = MIN (MIN (above + 1, row[j - 1] + 1), cost);
          diagonal = above;
        }
    }

  return row[nb];
}

/**
 * sc_formula_closest_column:
 *
 * The header of @columns closest to @name (ignoring case), if it is close
 * enough to be a typo of it; %NULL otherwise. For "did you mean" hints.
 */
const char *
sc_formula_closest_column (const char            *name,
                const ScFormulaColumn *columns,
                guint                  n_columns)
{
  g_autofree char *key = column_key (name);
  g_autofree gunichar *wanted = NULL;
  glong n_wanted = 0;
  guint best = G_MAXUINT;
  const char *closest = NULL;

  wanted = g_utf8_to_ucs4_fast (key, -1, &n_wanted);
  if (n_wanted > MAX_HINT_LENGTH)
    return NULL;

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *header = column_key (columns[i].name);
      g_autofree gunichar *chars = NULL;
      glong n_chars = 0;
      guint distance;

      chars = g_utf8_to_ucs4_fast (header, -1, &n_chars);
      if (n_chars > MAX_HINT_LENGTH)
        continue;

      distance = edit_distance (wanted, n_wanted, chars, n_chars);
      if (distance < best)
        {
          best = distance;
          closest = columns[i].name ? columns[i].name : "";
        }
    }

  return best <= MAX (2, (guint) n_wanted / 3) ? closest : NULL;
}

/* A header as the user would write it in a formula */
static char *
written_name (const char *header)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *escaped = NULL;

  if (sc_formula_is_bare_name (header))
    return g_strdup (header);

  parts = g_strsplit (header, "]", -1);
  escaped = g_strjoinv ("]]", parts);
  return g_strdup_printf ("[%s]", escaped);
}

static gboolean
fail_unknown (ScFormula             *self,
              const ScNode          *node,
              const ScFormulaColumn *columns,
              guint                  n_columns,
              guint                 *error_pos,
              GError               **error)
{
  const char *closest = sc_formula_closest_column (node->text, columns, n_columns);
  g_autoptr(GString) list = NULL;

  if (n_columns == 0)
    {
      sc_formula_set_error (self->text, node->offset, error_pos, error,
                            SC_FORMULA_ERROR_UNKNOWN_COLUMN,
                            _("unknown column “%s”: the data has no columns"), node->text);
    }
  else if (closest != NULL)
    {
      g_autofree char *written = written_name (closest);

      sc_formula_set_error (self->text, node->offset, error_pos, error,
                            SC_FORMULA_ERROR_UNKNOWN_COLUMN,
                            _("unknown column “%s” — did you mean “%s”?"), node->text, written);
    }
  else if (n_columns <= MAX_LISTED_COLUMNS)
    {
      list = g_string_new (NULL);
      for (guint i = 0; i < n_columns; i++)
        {
          g_autofree char *written = written_name (columns[i].name ? columns[i].name : "");

          g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", written);
        }

      sc_formula_set_error (self->text, node->offset, error_pos, error,
                            SC_FORMULA_ERROR_UNKNOWN_COLUMN,
                            _("unknown column “%s”; the columns are %s"), node->text, list->str);
    }
  else
    {
      sc_formula_set_error (self->text, node->offset, error_pos, error,
                            SC_FORMULA_ERROR_UNKNOWN_COLUMN,
                            _("unknown column “%s”"), node->text);
    }

  return FALSE;
}

/* Sets info[i].column of every column node */
gboolean
sc_formula_resolve_columns (ScFormula             *self,
                            const ScFormulaColumn *columns,
                            guint                  n_columns,
                            ScNodeInfo            *info,
                            guint                 *error_pos,
                            GError               **error)
{
  g_autoptr(GHashTable) exact = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const ScNode *nodes = (const ScNode *) (gpointer) self->nodes->data;

  /* The first of several headers that look alike wins */
  for (guint i = 0; i < n_columns; i++)
    {
      const char *name = columns[i].name ? columns[i].name : "";
      g_autofree char *key = column_key (name);

      if (!g_hash_table_contains (exact, name))
        g_hash_table_insert (exact, (gpointer) name, GUINT_TO_POINTER (i + 1));
      if (!g_hash_table_contains (folded, key))
        g_hash_table_insert (folded, g_steal_pointer (&key), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < self->nodes->len; i++)
    {
      guint index;

      if (nodes[i].kind != SC_NODE_COLUMN)
        continue;

      index = GPOINTER_TO_UINT (g_hash_table_lookup (exact, nodes[i].text));
      if (index == 0)
        {
          g_autofree char *key = column_key (nodes[i].text);

          index = GPOINTER_TO_UINT (g_hash_table_lookup (folded, key));
        }
      if (index == 0)
        return fail_unknown (self, &nodes[i], columns, n_columns, error_pos, error);

      info[i].column = index - 1;
    }

  return TRUE;
}
