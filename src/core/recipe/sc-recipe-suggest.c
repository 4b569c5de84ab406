/* sc-recipe-suggest.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Suggesting a recipe for a transaction file from its header and first
 * rows: the partner and date columns, and the KPIs the columns allow —
 * due and delivery dates give on-time delivery, quantity and defectives
 * give PPM, order and delivery dates give lead time, an amount gives
 * spend, a yes/no column gives a share. Headers are matched in the
 * languages exports come in.
 */

#define G_LOG_DOMAIN "sc-recipe-suggest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-date.h"
#include "sc-import-names.h"
#include "sc-import-xlsx.h"
#include "sc-import.h"
#include "sc-recipe-suggest.h"

/* Words in headers, normalised (lower case ASCII letters and digits) */
static const char *partner_words[] = {
  "supplier", "vendor", "lieferant", "fornecedor", "proveedor", "fournisseur", "fornitore",
  "customer", "client", "kunde", "cliente", "carrier", "transportador", "transportadora",
  "spediteur", "forwarder", "partner", "haulier", "shipper", "creditor", "kreditor",
  "debitor", "account", "company", "firma", "empresa", "name", "nome", NULL
};
static const char *customer_words[] = {
  "customer", "client", "kunde", "cliente", "debitor", "account", "buyer", NULL
};
static const char *order_date_words[] = {
  "orderdate", "order", "bestell", "pedido", "commande", "ordine", "po", "created", "document",
  "posting", "invoice", "rechnung", "fatura", "date", "datum", "data", "fecha", NULL
};
static const char *due_words[] = {
  "due", "promised", "requested", "required", "planned", "soll", "wunsch", "liefertermin",
  "prazo", "previst", "prevista", "target", "expected", "committed", "confirmed", "need", NULL
};
static const char *delivery_words[] = {
  "delivery", "delivered", "receipt", "received", "goodsreceipt", "arrival", "actual",
  "entrega", "eingang", "geliefert", "lieferdatum", "livraison", "consegna", "recebimento", "ist", NULL
};
static const char *quantity_words[] = {
  "quantity", "qty", "menge", "quantidade", "cantidad", "quantite", "quantita", "units", "pieces",
  "stuck", "pcs", "received", "delivered", "lotsize", NULL
};
static const char *received_quantity_words[] = {
  "qtyreceived", "receivedqty", "quantityreceived", "receivedquantity", "qtydelivered",
  "deliveredqty", "quantitydelivered", "deliveredquantity", "liefermenge", "eingangsmenge",
  "wareneingangsmenge", "quantidaderecebida", "lotqty", "lotsize", "inspectedqty", NULL
};
static const char *defect_words[] = {
  "defective", "defect", "defects", "reject", "rejected", "fehler", "ausschuss", "nok", "nio",
  "defeito", "defeituos", "scrap", "bad", "nonconform", "ncr", "failed", NULL
};
static const char *amount_words[] = {
  "amount", "total", "value", "betrag", "wert", "valor", "importe", "montant", "spend",
  "netamount", "invoiceamount", "linetotal", "umsatz", NULL
};
static const char *status_words[] = {
  "status", "state", "estado", "stato", "statut", "situacao", NULL
};
static const char *positive_values[] = {
  "yes", "y", "ja", "j", "sim", "si", "oui", "true", "ok", "x", "1", "pass", "passed", "accepted",
  "ontime", "infull", "delivered", "complete", "completed", "closed", "received", "good", "conform",
  NULL
};
static const char *negative_values[] = {
  "no", "n", "nein", "nao", "non", "false", "nok", "0", "fail", "failed", "rejected", "late",
  "notontime", "notinfull", "open", "bad", NULL
};
static const char *done_values[] = {
  "delivered", "received", "closed", "complete", "completed", "done", "entregue", "geliefert",
  "erledigt", "abgeschlossen", "livre", "consegnato", "entregado", NULL
};

static gboolean
header_has (const char  *header,
            const char **words)
{
  g_autofree char *key = sc_import_normalize_name (header);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (key, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
value_is (const char  *value,
          const char **words)
{
  g_autofree char *key = sc_import_normalize_name (value);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (key, words[i]))
      return TRUE;
  return FALSE;
}

/* A reference to a column as a formula writes it: bare when it can be. */
static char *
column_ref (const char *name)
{
  gboolean bare = *name != '\0' && !g_ascii_isdigit (*name);
  GString *out;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      bare = FALSE;
  if (bare && !(g_ascii_strcasecmp (name, "and") == 0 || g_ascii_strcasecmp (name, "or") == 0 ||
                g_ascii_strcasecmp (name, "not") == 0 || g_ascii_strcasecmp (name, "in") == 0 ||
                g_ascii_strcasecmp (name, "is") == 0 || g_ascii_strcasecmp (name, "where") == 0 ||
                g_ascii_strcasecmp (name, "empty") == 0))
    return g_strdup (name);

  out = g_string_new ("[");
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == ']')
        g_string_append_c (out, ']');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static char *
quoted (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* The distinct values of a column among the held rows, up to @max + 1,
 * with how often each appears.
 */
static GHashTable *
value_counts (ScRecipeTable *table,
              guint          column,
              guint          max)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const char *text = sc_recipe_table_cell (table, r, column);
      guint n;

      if (*text == '\0')
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, text));
      if (n == 0 && g_hash_table_size (counts) > max)
        continue;
      g_hash_table_insert (counts, (gpointer) text, GUINT_TO_POINTER (n + 1));
    }
  return counts;
}

/* Columns */

/* Dates that are not ISO: the columns whose values read with one format,
 * decided on the values of all of them together (one file writes its
 * dates one way, and a day above 12 in any column settles the order).
 */
static gboolean
find_dates (ScRecipeTable  *table,
            const char     *display_name,
            GError        **error)
{
  g_autoptr(GPtrArray) pool = g_ptr_array_new ();
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *format = NULL;
  gboolean ambiguous = FALSE;
  guint n_parsed = 0;
  int first = -1;

  if (!sc_recipe_table_infer (table, -1, NULL, display_name, error))
    return FALSE;

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autoptr(GPtrArray) samples = g_ptr_array_new ();

      if (table->types[c] != SC_CELL_TEXT && table->types[c] != SC_CELL_NUMBER)
        continue;
      for (guint r = 0; r < table->rows->len; r++)
        if (*sc_recipe_table_cell (table, r, c) != '\0')
          g_ptr_array_add (samples, (gpointer) sc_recipe_table_cell (table, r, c));
      if (samples->len == 0)
        continue;
      g_free (format);
      format = sc_date_guess_format ((const char * const *) samples->pdata, samples->len, &ambiguous, &n_parsed);
      if (format == NULL || g_str_equal (format, SC_DATE_FORMAT_EXCEL) || n_parsed * 10 < samples->len * 9)
        continue;
      g_array_append_val (candidates, c);
      g_ptr_array_extend (pool, samples, NULL, NULL);
      if (first < 0)
        first = c;
    }

  if (candidates->len == 0)
    return TRUE;

  g_free (format);
  format = sc_date_guess_format ((const char * const *) pool->pdata, pool->len, &ambiguous, &n_parsed);
  return sc_recipe_table_infer (table, first, format, display_name, error);
}

static int
find_partner (ScRecipeTable *table)
{
  int best = -1, best_score = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      guint distinct;
      int score = 0;

      if (table->types[c] != SC_CELL_TEXT && !header_has (table->headers[c], partner_words))
        continue;
      distinct = sc_recipe_table_count_distinct (table, c, table->rows->len + 1);
      if (distinct < 1 || (table->rows->len >= 20 && distinct * 10 > table->rows->len * 9))
        continue;  /* an id of each row, not a partner */
      if (header_has (table->headers[c], partner_words))
        score += 10;
      if (table->types[c] == SC_CELL_TEXT)
        score += 3;
      if (distinct >= 2)
        score += 1;
      if (score > best_score)
        {
          best = c;
          best_score = score;
        }
    }
  return best;
}

static int
find_date (ScRecipeTable  *table,
           const char    **words,
           int             not_this,
           int             nor_this)
{
  for (guint w = 0; words[w] != NULL; w++)
    for (guint c = 0; c < table->n_columns; c++)
      {
        g_autofree char *key = NULL;

        if (table->types[c] != SC_CELL_DATE || (int) c == not_this || (int) c == nor_this)
          continue;
        key = sc_import_normalize_name (table->headers[c]);
        if (strstr (key, words[w]) != NULL)
          return c;
      }
  return -1;
}

static int
find_number (ScRecipeTable  *table,
             const char    **words,
             const char    **unless)
{
  for (guint w = 0; words[w] != NULL; w++)
    for (guint c = 0; c < table->n_columns; c++)
      {
        g_autofree char *key = NULL;

        if (table->types[c] != SC_CELL_NUMBER || (unless != NULL && header_has (table->headers[c], unless)))
          continue;
        key = sc_import_normalize_name (table->headers[c]);
        if (strstr (key, words[w]) != NULL)
          return c;
      }
  return -1;
}

/* KPIs */

typedef struct
{
  ScRecipe      *recipe;
  ScRecipeTable *table;
  char          *done;       /* "where status = …" for delivered rows, or NULL */
} Suggestion;

static void
add_kpi (Suggestion *s,
         const char *id,
         const char *name,
         char       *formula)   /* (transfer full) */
{
  ScRecipeKpi *k;

  for (guint i = 0; i < s->recipe->kpis->len; i++)
    if (g_str_equal (((ScRecipeKpi *) g_ptr_array_index (s->recipe->kpis, i))->id, id))
      {
        g_free (formula);
        return;
      }
  k = sc_recipe_add_kpi (s->recipe, id, formula);
  if (name != NULL)
    k->name = g_strdup (name);
  g_free (formula);
}

/* A share is a percentage, and more of the positive value is better */
static void
set_percent (Suggestion *s,
             const char *id)
{
  ScRecipeKpi *k = g_ptr_array_index (s->recipe->kpis, s->recipe->kpis->len - 1);

  if (!g_str_equal (k->id, id))
    return;
  g_free (k->unit);
  k->unit = g_strdup ("%");
  g_free (k->direction);
  k->direction = g_strdup ("higher");
}

/* The status value of finished rows ("Delivered"), if a status column
 * has one: delivery KPIs count those rows only.
 */
static void
find_done_rows (Suggestion *s)
{
  for (guint c = 0; c < s->table->n_columns; c++)
    {
      g_autoptr(GHashTable) counts = NULL;
      GHashTableIter iter;
      gpointer key;

      if (s->table->types[c] != SC_CELL_TEXT || !header_has (s->table->headers[c], status_words))
        continue;
      const char *done = NULL;
      guint best = 0;
      gpointer count;

      counts = value_counts (s->table, c, 20);
      if (g_hash_table_size (counts) < 2)
        continue;
      /* The most frequent spelling ("Delivered" rather than "delivered") */
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &count))
        if (value_is (key, done_values) && GPOINTER_TO_UINT (count) > best)
          {
            done = key;
            best = GPOINTER_TO_UINT (count);
          }
      if (done != NULL)
        {
          g_autofree char *ref = column_ref (s->table->headers[c]);
          g_autofree char *value = quoted (done);

          s->done = g_strdup_printf (" where %s = %s", ref, value);
          return;
        }
    }
}

/* Two-valued columns: the share of the positive value. */
static void
add_shares (Suggestion *s,
            int         partner,
            int         status)
{
  for (guint c = 0; c < s->table->n_columns; c++)
    {
      g_autoptr(GHashTable) counts = NULL;
      g_autofree char *ref = NULL;
      g_autofree char *value = NULL;
      g_autofree char *slug = NULL;
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      const char *positive = NULL, *other = NULL;
      GHashTableIter iter;
      gpointer key, count;
      guint best = 0;

      if ((int) c == partner || (int) c == status || s->table->types[c] != SC_CELL_TEXT)
        continue;
      counts = value_counts (s->table, c, 2);
      if (g_hash_table_size (counts) != 2)
        continue;

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &count))
        {
          g_autofree char *norm = sc_import_normalize_name (key);
          g_autofree char *header = sc_import_normalize_name (s->table->headers[c]);

          if (value_is (key, negative_values))
            other = key;
          else if (value_is (key, positive_values) || g_str_equal (norm, header))
            positive = key;
        }
      if (positive == NULL)
        {
          /* Neither reads as yes: the more frequent one */
          g_hash_table_iter_init (&iter, counts);
          while (g_hash_table_iter_next (&iter, &key, &count))
            if (key != other && (positive == NULL || GPOINTER_TO_UINT (count) > best))
              {
                positive = key;
                best = GPOINTER_TO_UINT (count);
              }
        }
      if (positive == NULL)
        continue;

      ref = column_ref (s->table->headers[c]);
      value = quoted (positive);
      slug = sc_import_slugify (s->table->headers[c], '_');
      id = g_strdup_printf ("%s_pct", slug);
      {
        g_autofree char *header_key = sc_import_normalize_name (s->table->headers[c]);
        g_autofree char *value_key = sc_import_normalize_name (positive);

        /* "On Time" = "On Time" reads as the column's name alone */
        if (g_str_equal (header_key, value_key) || value_is (positive, positive_values))
          name = g_strdup (s->table->headers[c]);
        else
          /* Translators: a suggested KPI: the share of rows whose column %s holds %s */
          name = g_strdup_printf (_("%s: %s"), s->table->headers[c], positive);
      }
      add_kpi (s, id, name, g_strdup_printf ("100 * share(%s = %s)", ref, value));
      set_percent (s, id);
    }
}

static void
add_kpis (Suggestion *s,
          int         partner,
          int         order)
{
  ScRecipeTable *table = s->table;
  int due = find_date (table, due_words, -1, -1);
  int delivery = find_date (table, delivery_words, due, order);
  int quantity = find_number (table, received_quantity_words, defect_words);
  int defective = find_number (table, defect_words, NULL);
  int amount = find_number (table, amount_words, (const char *[]) { "price", "preis", "preco", "unit", NULL });
  int status = -1;
  const char *where = "";

  if (quantity < 0)
    quantity = find_number (table, quantity_words, defect_words);

  find_done_rows (s);
  if (s->done != NULL)
    where = s->done;
  for (guint c = 0; c < table->n_columns && status < 0; c++)
    if (header_has (table->headers[c], status_words))
      status = c;

  if (due >= 0 && delivery >= 0)
    {
      g_autofree char *a = column_ref (table->headers[delivery]);
      g_autofree char *b = column_ref (table->headers[due]);

      add_kpi (s, "on_time_delivery_pct", NULL, g_strdup_printf ("100 * share(%s <= %s%s)", a, b, where));
    }
  if (quantity >= 0 && defective >= 0 && quantity != defective)
    {
      g_autofree char *q = column_ref (table->headers[quantity]);
      g_autofree char *d = column_ref (table->headers[defective]);

      add_kpi (s, "ppm_defects", NULL,
               g_strdup_printf ("1e6 * sum(%s%s) / sum(%s%s)", d, where, q, where));
    }
  else if (defective >= 0)
    {
      g_autofree char *d = column_ref (table->headers[defective]);

      add_kpi (s, "defective_units", NULL, g_strdup_printf ("sum(%s)", d));
    }
  if (order >= 0 && delivery >= 0 && order != delivery)
    {
      g_autofree char *a = column_ref (table->headers[order]);
      g_autofree char *b = column_ref (table->headers[delivery]);

      add_kpi (s, "lead_time_days", NULL, g_strdup_printf ("mean(days(%s, %s)%s)", a, b, where));
    }
  if (amount >= 0)
    {
      g_autofree char *a = column_ref (table->headers[amount]);

      add_kpi (s, "spend", _("Spend"), g_strdup_printf ("sum(%s)", a));
    }

  add_shares (s, partner, status);
  if (s->recipe->kpis->len == 0)
    add_kpi (s, "rows", _("Number of rows"), g_strdup ("count()"));
}

/**
 * sc_recipe_suggest:
 * @table: the header and first rows of a file
 *
 * Suggests a recipe for @table: fails (naming the columns there are) when
 * no column names partners or none holds dates.
 */
ScRecipe *
sc_recipe_suggest (ScRecipeTable  *table,
                   const char     *display_name,
                   GError        **error)
{
  g_autoptr(ScRecipe) recipe = sc_recipe_new ();
  g_autofree char *columns = g_strjoinv ("”, “", table->headers);
  Suggestion s = { recipe, table, NULL };
  int partner, date, due, delivery;

  if (!find_dates (table, display_name, error))
    return NULL;

  partner = find_partner (table);
  due = find_date (table, due_words, -1, -1);
  date = find_date (table, order_date_words, due, -1);
  delivery = find_date (table, delivery_words, due, date);
  if (date < 0)
    date = delivery >= 0 ? delivery : find_date (table, (const char *[]) { "", NULL }, -1, -1);

  if (partner < 0 || date < 0)
    {
      g_set_error (error, SC_RECIPE_ERROR, SC_RECIPE_ERROR_COLUMN,
                   partner < 0 ? _("%s: no column names the partners (a supplier, customer or carrier); "
                                   "the columns are “%s”")
                               : _("%s: no column holds dates; the columns are “%s”"),
                   display_name, columns);
      return NULL;
    }

  recipe->partner = g_strdup (table->headers[partner]);
  recipe->partner_type = g_strdup (header_has (table->headers[partner], customer_words) ? "customer" : "supplier");
  recipe->date = g_strdup (table->headers[date]);
  recipe->date_format = g_strdup (table->date_format);
  add_kpis (&s, partner, date);
  sc_recipe_set_columns (recipe, (const char **) table->headers, table->n_columns);
  g_free (s.done);

  return g_steal_pointer (&recipe);
}

/**
 * sc_recipe_table_read_file:
 * @sheet: (nullable): the sheet of a workbook, or %NULL to choose
 * @wanted: (nullable): columns the header row must have
 * @sheet_used: (out) (optional): the sheet read, or %NULL for text
 *
 * The header and first @max_rows rows of a CSV/TSV file or a sheet.
 */
ScRecipeTable *
sc_recipe_table_read_file (GFile        *file,
                           const char   *sheet,
                           const char  **wanted,
                           guint         max_rows,
                           char        **sheet_used,
                           GError      **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ScReaderCsv) reader = NULL;
  char head[8];
  gssize n;

  if (sheet_used != NULL)
    *sheet_used = NULL;
  if (!(stream = G_INPUT_STREAM (g_file_read (file, NULL, error))))
    return NULL;
  n = g_input_stream_read (stream, head, sizeof head, NULL, error);
  if (n < 0)
    return NULL;

  if (sc_import_is_spreadsheet (head, n))
    {
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

      if (bytes == NULL)
        return NULL;
      g_clear_object (&stream);
      if (!(stream = sc_import_open_sheet_text (bytes, name, sheet, '.', sheet_used, error)))
        return NULL;
      reader = sc_reader_csv_new (stream, name);
      sc_reader_csv_set_delimiter (reader, '\t');
      sc_reader_csv_set_encoding (reader, "UTF-8");
    }
  else
    {
      g_clear_object (&stream);
      if (!(stream = G_INPUT_STREAM (g_file_read (file, NULL, error))))
        return NULL;
      reader = sc_reader_csv_new (stream, name);
    }

  if (!sc_reader_csv_open (reader, NULL, error))
    return NULL;
  return sc_recipe_table_read (reader, wanted, max_rows, NULL, error);
}

/* Codes: a partner column of numbers or ids ("Vendor ID") that another
 * sheet of the same workbook names ("Vendor": Vendor ID, Vendor Name)
 * becomes a lookup on that sheet.
 */
void
sc_recipe_suggest_lookups (ScRecipe *recipe,
                           GFile    *file)
{
  g_auto(GStrv) sheets = NULL;
  g_autoptr(GError) error = NULL;

  if (recipe->lookups->len > 0 || recipe->sheet == NULL ||
      !(sheets = sc_import_list_xlsx_sheets (file, &error)))
    return;

  for (guint i = 0; sheets[i] != NULL; i++)
    {
      g_autoptr(ScRecipeTable) table = NULL;
      ScRecipeLookup *lookup;
      int key;

      if (g_str_equal (sheets[i], recipe->sheet))
        continue;
      table = sc_recipe_table_read_file (file, sheets[i], NULL, 200, NULL, NULL);
      if (table == NULL || table->n_columns < 2 || (key = sc_recipe_table_find (table, recipe->partner)) < 0)
        continue;
      if (!sc_recipe_table_infer (table, -1, NULL, "", NULL))
        continue;

      lookup = g_new0 (ScRecipeLookup, 1);
      lookup->column = g_strdup (recipe->partner);
      lookup->sheet = g_strdup (sheets[i]);
      lookup->key = g_strdup (table->headers[key]);
      for (guint c = 0; c < table->n_columns && lookup->value == NULL; c++)
        if ((int) c != key && table->types[c] == SC_CELL_TEXT)
          lookup->value = g_strdup (table->headers[c]);
      if (lookup->value == NULL)
        {
          g_free (lookup->column);
          g_free (lookup->sheet);
          g_free (lookup->key);
          g_free (lookup);
          continue;
        }
      g_ptr_array_add (recipe->lookups, lookup);
      return;
    }
}
