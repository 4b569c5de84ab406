/* sc-reader-xlsx-book.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of an .xlsx around its sheets: the relationships that lead from
 * the package to the workbook and from the workbook to its sheets, shared
 * strings and styles; the sheet names in order and the date system; which
 * cell formats show dates (a day, or only a month) or percentages; the
 * shared strings, capped in number and size.
 */

#define G_LOG_DOMAIN "sc-reader-xlsx-book"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sc-import.h"
#include "sc-reader-xlsx-private.h"

/* Relationships: _rels/.rels and xl/_rels/workbook.xml.rels */

typedef struct
{
  GHashTable *targets;           /* id → resolved path */
  GHashTable *types;             /* type's last word → resolved path */
  const char *base;              /* the folder targets are relative to */
} Rels;

static char *
resolve_target (const char *base,
                const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_auto(GStrv) names = NULL;

  joined = target[0] == '/' ? g_strdup (target + 1) : g_strconcat (base, target, NULL);
  names = g_strsplit (joined, "/", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "..") == 0)
        {
          if (parts->len > 0)
            g_ptr_array_remove_index (parts, parts->len - 1);
        }
      else if (names[i][0] != '\0' && strcmp (names[i], ".") != 0)
        g_ptr_array_add (parts, names[i]);
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv ("/", (char **) parts->pdata);
}

static void
rels_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  ScReaderXlsx *self = user_data;
  Rels *rels = self->parse_data;
  const char *id, *type, *target, *mode, *slash;

  if (!xlsx_enter (self, error) || strcmp (xlsx_local_name (element), "Relationship") != 0)
    return;

  id = xlsx_attribute (names, values, "Id");
  type = xlsx_attribute (names, values, "Type");
  target = xlsx_attribute (names, values, "Target");
  mode = xlsx_attribute (names, values, "TargetMode");
  if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
    return;

  g_hash_table_insert (rels->targets, g_strdup (id), resolve_target (rels->base, target));
  if (type != NULL && (slash = strrchr (type, '/')) != NULL && !g_hash_table_contains (rels->types, slash + 1))
    g_hash_table_insert (rels->types, g_strdup (slash + 1), resolve_target (rels->base, target));
}

static void
generic_end (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  xlsx_leave (user_data);
}

static const GMarkupParser rels_parser = { rels_start, generic_end, NULL, NULL, NULL };

static gboolean
read_rels (ScReaderXlsx  *self,
           const char    *path,
           const char    *base,
           Rels          *rels,
           GError       **error)
{
  gboolean found, ok;

  rels->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rels->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rels->base = base;
  self->parse_data = rels;
  ok = xlsx_parse_part (self, path, &rels_parser, &found, error);
  self->parse_data = NULL;

  return ok;
}

static void
rels_clear (Rels *rels)
{
  g_clear_pointer (&rels->targets, g_hash_table_unref);
  g_clear_pointer (&rels->types, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rels, rels_clear)

/* The workbook part: sheet names in order, their relationship ids, and the date system */

static void
workbook_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  ScReaderXlsx *self = user_data;
  const char *local = xlsx_local_name (element);
  XlsxSheet *sheet;
  const char *v;

  if (!xlsx_enter (self, error))
    return;

  if (strcmp (local, "workbookPr") == 0 && (v = xlsx_attribute (names, values, "date1904")) != NULL)
    self->date1904 = strcmp (v, "1") == 0 || g_ascii_strcasecmp (v, "true") == 0;
  else if (strcmp (local, "sheet") == 0)
    {
      if (self->sheets->len >= SC_READER_XLSX_MAX_SHEETS)
        {
          xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE, _("more than %d sheets"),
                          SC_READER_XLSX_MAX_SHEETS);
          return;
        }
      sheet = g_new0 (XlsxSheet, 1);
      sheet->name = g_strdup (xlsx_attribute (names, values, "name"));
      sheet->path = g_strdup (xlsx_attribute (names, values, "id")); /* r:id, resolved later */
      v = xlsx_attribute (names, values, "state");
      sheet->hidden = v != NULL && strcmp (v, "visible") != 0;
      if (sheet->name == NULL)
        sheet->name = g_strdup_printf ("Sheet%u", self->sheets->len + 1);
      g_ptr_array_add (self->sheets, sheet);
    }
}

static const GMarkupParser workbook_parser = { workbook_start, generic_end, NULL, NULL, NULL };

static char *
find_workbook_part (ScReaderXlsx  *self,
                    GError       **error)
{
  g_auto(Rels) rels = { 0 };
  const char *path;

  if (!read_rels (self, "_rels/.rels", "", &rels, error))
    return NULL;
  path = g_hash_table_lookup (rels.types, "officeDocument");

  return g_strdup (path ? path : "xl/workbook.xml");
}

gboolean
xlsx_open_workbook (ScReaderXlsx  *self,
                    GError       **error)
{
  g_autofree char *workbook = NULL;
  g_autofree char *rels_path = NULL;
  g_autofree char *base = NULL;
  g_auto(Rels) rels = { 0 };
  const char *slash;

  if ((workbook = find_workbook_part (self, error)) == NULL ||
      !xlsx_parse_part (self, workbook, &workbook_parser, NULL, error))
    return FALSE;

  slash = strrchr (workbook, '/');
  base = slash ? g_strndup (workbook, slash - workbook + 1) : g_strdup ("");
  rels_path = g_strdup_printf ("%s_rels/%s.rels", base, slash ? slash + 1 : workbook);
  if (!read_rels (self, rels_path, base, &rels, error))
    return FALSE;

  for (guint i = 0; i < self->sheets->len; i++)
    {
      XlsxSheet *sheet = g_ptr_array_index (self->sheets, i);
      const char *path = sheet->path ? g_hash_table_lookup (rels.targets, sheet->path) : NULL;

      g_free (sheet->path);
      sheet->path = path ? g_strdup (path) : g_strdup_printf ("%sworksheets/sheet%u.xml", base, i + 1);
    }
  self->strings_path = g_strdup (g_hash_table_lookup (rels.types, "sharedStrings"));
  self->styles_path = g_strdup (g_hash_table_lookup (rels.types, "styles"));

  if (self->sheets->len == 0)
    return xlsx_set_error (self, error, SC_IMPORT_ERROR_EMPTY, _("the workbook has no sheets"));
  return TRUE;
}

/* Styles: which cell formats show dates */

static XlsxDateKind
classify_builtin (guint id)
{
  if (id == 9 || id == 10)
    return XLSX_PERCENT;
  if (id == 17)
    return XLSX_DATE_MONTH;
  if ((id >= 14 && id <= 16) || id == 22 || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
      (id >= 50 && id <= 58))
    return XLSX_DATE_DAY;
  return XLSX_DATE_NONE;
}

/* A custom number format shows a date when, outside quoted text, escapes and
 * [brackets], it has a day or a year; without a day it is a month.
 */
static XlsxDateKind
classify_format_code (const char *code)
{
  gboolean day = FALSE, year = FALSE, month = FALSE, percent = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          while (p[1] != '\0' && p[1] != '"')
            p++;
          p += p[1] == '"';
          break;
        case '\\':
        case '_':
        case '*':
          p += p[1] != '\0';
          break;
        case '[':
          while (p[1] != '\0' && p[1] != ']')
            p++;
          break;
        case 'd': case 'D':
          day = TRUE;
          break;
        case 'y': case 'Y': case 'e':
          year = TRUE;
          break;
        case 'm': case 'M':
          month = TRUE;
          break;
        case '%':
          percent = TRUE;
          break;
        default:
          break;
        }
    }

  if (day)
    return XLSX_DATE_DAY;
  if (year)
    return month ? XLSX_DATE_MONTH : XLSX_DATE_DAY;
  return percent ? XLSX_PERCENT : XLSX_DATE_NONE;
}

static void
styles_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  ScReaderXlsx *self = user_data;
  const char *local = xlsx_local_name (element);
  const char *id, *code;
  guint8 kind;

  if (!xlsx_enter (self, error))
    return;

  if (strcmp (local, "numFmt") == 0)
    {
      id = xlsx_attribute (names, values, "numFmtId");
      code = xlsx_attribute (names, values, "formatCode");
      if (id != NULL && code != NULL)
        g_hash_table_insert (self->numfmts, GUINT_TO_POINTER (strtoul (id, NULL, 10) + 1),
                             GUINT_TO_POINTER (classify_format_code (code) + 1));
    }
  else if (strcmp (local, "cellXfs") == 0)
    self->in_cell_xfs = TRUE;
  else if (strcmp (local, "xf") == 0 && self->in_cell_xfs && self->xf_dates->len < 65536)
    {
      guint fmt = (id = xlsx_attribute (names, values, "numFmtId")) ? strtoul (id, NULL, 10) : 0;
      gpointer custom = g_hash_table_lookup (self->numfmts, GUINT_TO_POINTER (fmt + 1));

      kind = custom ? GPOINTER_TO_UINT (custom) - 1 : classify_builtin (fmt);
      g_array_append_val (self->xf_dates, kind);
    }
}

static void
styles_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  ScReaderXlsx *self = user_data;

  xlsx_leave (self);
  if (strcmp (xlsx_local_name (element), "cellXfs") == 0)
    self->in_cell_xfs = FALSE;
}

static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };

/* Shared strings */

/* Excel writes characters XML cannot hold as _xHHHH_ ("_x000D_"). */
void
xlsx_append_decoded (GString    *into,
                     const char *text,
                     gsize       len)
{
  const char *end = text + len;

  while (text < end)
    {
      const char *u = memchr (text, '_', end - text);
      gunichar c;
      char utf8[6];
      char *stop;

      if (u == NULL || end - u < 7 || u[1] != 'x' || u[6] != '_' || !g_ascii_isxdigit (u[2]))
        {
          const char *upto = u ? u + 1 : end;

          g_string_append_len (into, text, upto - text);
          text = upto;
          continue;
        }
      g_string_append_len (into, text, u - text);
      c = strtoul (u + 2, &stop, 16);
      if (stop != u + 6 || !g_unichar_validate (c) || c == 0)
        {
          g_string_append_c (into, '_');
          text = u + 1;
          continue;
        }
      g_string_append_len (into, utf8, g_unichar_to_utf8 (c, utf8));
      text = u + 7;
    }
}

static void
strings_start (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ScReaderXlsx *self = user_data;
  const char *local = xlsx_local_name (element);

  if (!xlsx_enter (self, error))
    return;

  if (strcmp (local, "si") == 0)
    {
      if (self->sst_offsets->len >= SC_READER_XLSX_MAX_STRINGS)
        {
          xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                          _("more than %d shared strings"), SC_READER_XLSX_MAX_STRINGS);
          return;
        }
      self->in_si = TRUE;
      g_string_truncate (self->text, 0);
    }
  else if (strcmp (local, "rPh") == 0)
    self->in_phonetic = TRUE;
  else if (strcmp (local, "t") == 0 && self->in_si && !self->in_phonetic)
    self->collect = TRUE;
}

static void
strings_end (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  ScReaderXlsx *self = user_data;
  const char *local = xlsx_local_name (element);
  guint32 offset = self->sst_data->len;

  xlsx_leave (self);
  if (strcmp (local, "t") == 0)
    self->collect = FALSE;
  else if (strcmp (local, "rPh") == 0)
    self->in_phonetic = FALSE;
  else if (strcmp (local, "si") == 0 && self->in_si)
    {
      self->in_si = FALSE;
      if (self->sst_data->len + self->text->len + 1 > SC_READER_XLSX_MAX_STRING_DATA)
        {
          xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                          _("the shared strings hold more than %zu MiB"), SC_READER_XLSX_MAX_STRING_DATA >> 20);
          return;
        }
      xlsx_append_decoded (self->sst_data, self->text->str, self->text->len);
      g_string_append_c (self->sst_data, '\0');
      g_array_append_val (self->sst_offsets, offset);
    }
}

void
xlsx_collect_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              user_data,
              GError              **error)
{
  ScReaderXlsx *self = user_data;

  if (!self->collect)
    return;
  if (self->text->len + len > SC_READER_XLSX_MAX_CELL)
    {
      xlsx_set_error (self, error, SC_IMPORT_ERROR_TOO_LARGE,
                      _("a text is longer than %d MiB"), SC_READER_XLSX_MAX_CELL >> 20);
      return;
    }
  g_string_append_len (self->text, text, len);
}

static const GMarkupParser strings_parser = { strings_start, strings_end, xlsx_collect_text, NULL, NULL };

/* The shared strings and styles, read once before the first sheet. */
gboolean
xlsx_load_parts (ScReaderXlsx  *self,
                 GError       **error)
{
  gboolean found;

  if (self->parts_loaded)
    return TRUE;
  self->parts_loaded = TRUE;

  if (!xlsx_parse_part (self, self->styles_path ? self->styles_path : "xl/styles.xml",
                   &styles_parser, &found, error))
    return FALSE;

  if (!xlsx_part_open (self, self->strings_path ? self->strings_path : "xl/sharedStrings.xml",
                       &strings_parser, SC_READER_XLSX_MAX_STRING_DATA * 2, &found, error))
    return FALSE;
  for (gboolean done = !found; !done;)
    if (!xlsx_part_feed (self, &done, error))
      return FALSE;
  xlsx_part_close (self);
  g_string_truncate (self->text, 0);

  return TRUE;
}

/* A percentage as the user sees it: 0.955 → "95.5". Rounded to the 15
 * significant digits Excel shows, so that 0.9380000000000001 is 93.8.
 */
void
xlsx_percent_text (const char *text,
                   GString    *out)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;
  double value = g_ascii_strtod (text, &end);

  g_string_truncate (out, 0);
  if (end == text || *end != '\0')
    g_string_append (out, text); /* not a number: as written, for the import to refuse */
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.15g", value * 100));
}
