/* sc-report-pdf-tags.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a tagged PDF needs that cairo 1.16 cannot write: the document's
 * language (/Lang), the alternative text of figures (/Alt) and the scope
 * of table header cells (/A << /O /Table /Scope /Column >>). Cairo writes
 * the structure tree, the catalog and the cross-reference table when the
 * surface finishes; the stream here keeps that last part, and an
 * incremental update (ISO 32000-1, 7.5.6) appended to the file replaces
 * those objects with completed copies. See docs/decisions.md.
 */

#define G_LOG_DOMAIN "sc-report-pdf-tags"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-report-private.h"

/* Stream */

cairo_status_t
sc_report_pdf_stream_write_cb (void                *closure,
                               const unsigned char *data,
                               unsigned int         length)
{
  ScReportPdfStream *stream = closure;

  if (!sc_safe_file_write (stream->out, data, length, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  if (stream->tail != NULL)
    g_byte_array_append (stream->tail, data, length);
  stream->written += length;
  return CAIRO_STATUS_SUCCESS;
}

/* From now on (just before the surface finishes), keep what is written. */
void
sc_report_pdf_stream_capture (ScReportPdfStream *stream)
{
  if (stream->tail == NULL)
    stream->tail = g_byte_array_new ();
  stream->tail_start = stream->written;
}

void
sc_report_pdf_stream_clear (ScReportPdfStream *stream)
{
  g_clear_pointer (&stream->tail, g_byte_array_unref);
}

/* Language */

/* A BCP 47 tag ("de", "pt-BR") from a locale name or a tag
 * ("pt_BR.UTF-8@euro"); "C" and anything odd become "en".
 */
char *
sc_report_language_tag (const char *language)
{
  g_autofree char *tag = NULL;
  char *cut;

  if (language == NULL || language[0] == '\0')
    language = g_get_language_names ()[0];
  tag = g_strdup (language);
  if ((cut = strpbrk (tag, ".@")) != NULL)
    *cut = '\0';
  g_strdelimit (tag, "_", '-');
  if (tag[0] == '\0' || g_str_equal (tag, "C") || g_str_equal (tag, "POSIX") || strlen (tag) > 35)
    return g_strdup ("en");
  for (const char *p = tag; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-')
        return g_strdup ("en");
    }
  return g_steal_pointer (&tag);
}

/* Scanning what cairo wrote */

static gssize
find (const GByteArray *bytes,
      gsize             from,
      const char       *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= bytes->len; i++)
    {
      const guint8 *hit = memchr (bytes->data + i, needle[0], bytes->len - i - n + 1);

      if (hit == NULL)
        return -1;
      i = (gsize) (hit - bytes->data);
      if (memcmp (hit, needle, n) == 0)
        return (gssize) i;
    }
  return -1;
}

static gssize
rfind (const GByteArray *bytes,
       const char       *needle)
{
  gsize n = strlen (needle);

  for (gsize i = bytes->len >= n ? bytes->len - n + 1 : 0; i-- > 0;)
    {
      if (memcmp (bytes->data + i, needle, n) == 0)
        return (gssize) i;
    }
  return -1;
}

/* One object cairo wrote as "N 0 obj\n<< … >>\nendobj". */
typedef struct
{
  guint  number;
  char  *dict;       /* "<< … " without its closing ">>" */
  char  *extra;      /* entries to add */
} PdfObject;

static void
pdf_object_clear (PdfObject *object)
{
  g_free (object->dict);
  g_free (object->extra);
}

/* The object whose dictionary starts at @at, or FALSE. */
static gboolean
read_object (const GByteArray *tail,
             gsize             at,
             PdfObject        *object)
{
  static const char obj[] = " 0 obj\n";
  gsize start, n = strlen (obj);
  gssize end = find (tail, at, ">>\nendobj");

  if (end < 0 || at < n + 1 || memcmp (tail->data + at - n, obj, n) != 0)
    return FALSE;
  start = at - n;
  while (start > 0 && g_ascii_isdigit (tail->data[start - 1]))
    start--;
  if (start == at - n)
    return FALSE;
  /* a dictionary of text: a NUL in it is not an object cairo wrote */
  if (memchr (tail->data + at, '\0', (gsize) end - at) != NULL)
    return FALSE;
  object->number = (guint) strtoul ((const char *) tail->data + start, NULL, 10);
  object->dict = g_strndup ((const char *) tail->data + at, (gsize) end - at);
  object->extra = NULL;
  return TRUE;
}

/* A PDF text string: UTF-16BE with a byte order mark, in hexadecimal. */
static char *
dup_text_string (const char *utf8)
{
  g_autofree gunichar2 *units = NULL;
  glong n = 0;
  GString *out = g_string_new ("<FEFF");

  units = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  for (glong i = 0; units != NULL && i < n; i++)
    g_string_append_printf (out, "%04X", units[i]);
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}

/* The entries each structure element of @tail lacks, in document order:
 * the Nth figure gets the Nth of @alts.
 */
static GArray *
complete_elements (const GByteArray *tail,
                   const char       *lang,
                   GPtrArray        *alts)
{
  GArray *objects = g_array_new (FALSE, TRUE, sizeof (PdfObject));
  guint n_figures = 0;
  gssize at = 0;

  g_array_set_clear_func (objects, (GDestroyNotify) pdf_object_clear);
  while ((at = find (tail, (gsize) at, "<< /Type /StructElem\n")) >= 0)
    {
      PdfObject object;

      if (read_object (tail, (gsize) at, &object))
        {
          if (strstr (object.dict, "/S /Figure\n") != NULL)
            {
              const char *alt = n_figures < alts->len ? g_ptr_array_index (alts, n_figures) : NULL;
              g_autofree char *text = alt ? dup_text_string (alt) : NULL;

              n_figures++;
              object.extra = text ? g_strdup_printf ("   /Alt %s\n", text) : NULL;
            }
          else if (strstr (object.dict, "/S /TH\n") != NULL)
            object.extra = g_strdup ("   /A << /O /Table /Scope /Column >>\n");
          else if (strstr (object.dict, "/S /Document\n") != NULL)
            object.extra = g_strdup_printf ("   /Lang (%s)\n", lang);
          if (object.extra != NULL)
            g_array_append_val (objects, object);
          else
            pdf_object_clear (&object);
        }
      at++;
    }
  return objects;
}

static int
compare_objects (gconstpointer a,
                 gconstpointer b)
{
  const PdfObject *x = a, *y = b;

  return x->number < y->number ? -1 : x->number > y->number;
}

/* The trailer of the update: cairo's, with /Prev pointing at its table. */
static char *
dup_trailer (const GByteArray *tail,
             guint64           tail_start)
{
  gssize trailer = rfind (tail, "trailer\n");
  gssize startxref = rfind (tail, "startxref\n");
  g_autofree char *dict = NULL;
  char *close;
  guint64 prev;

  if (trailer < 0 || startxref < trailer)
    return NULL;
  prev = g_ascii_strtoull ((const char *) tail->data + startxref + strlen ("startxref\n"), NULL, 10);
  if (prev == 0 || prev >= tail_start + tail->len)
    return NULL;
  dict = g_strndup ((const char *) tail->data + trailer + strlen ("trailer\n"),
                    (gsize) (startxref - trailer) - strlen ("trailer\n"));
  if ((close = g_strrstr (dict, ">>")) == NULL || strstr (dict, "/Root ") == NULL)
    return NULL;
  *close = '\0';
  return g_strdup_printf ("%s   /Prev %" G_GUINT64_FORMAT "\n>>", dict, prev);
}

static GString *
build_update (ScReportPdfStream *stream,
              GArray            *objects,
              const char        *trailer)
{
  GString *update = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint64 base = stream->written;
  guint64 xref;

  if (stream->tail->len > 0 && stream->tail->data[stream->tail->len - 1] != '\n')
    g_string_append_c (update, '\n');
  g_array_sort (objects, compare_objects);
  for (guint i = 0; i < objects->len; i++)
    {
      PdfObject *object = &g_array_index (objects, PdfObject, i);
      guint64 offset = base + update->len;

      g_array_append_val (offsets, offset);
      g_string_append_printf (update, "%u 0 obj\n%s%s>>\nendobj\n", object->number, object->dict,
                              object->extra);
    }
  /* a subsection per object: their numbers are not contiguous */
  xref = base + update->len;
  g_string_append (update, "xref\n");
  for (guint i = 0; i < objects->len; i++)
    g_string_append_printf (update, "%u 1\n%010" G_GUINT64_FORMAT " 00000 n \n",
                            g_array_index (objects, PdfObject, i).number,
                            g_array_index (offsets, guint64, i));
  g_string_append_printf (update, "trailer\n%s\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                          trailer, xref);
  return update;
}

/* Appends the update that completes the tagged structure cairo wrote
 * into @stream: /Lang @language on the catalog and the document element,
 * @alts (one per figure, in document order) and header cell scopes. When
 * what cairo wrote does not look as expected the file stays as it is.
 */
gboolean
sc_report_pdf_complete_tags (ScReportPdfStream *stream,
                             const char        *language,
                             GPtrArray         *alts,
                             GError           **error)
{
  g_autofree char *lang = sc_report_language_tag (language);
  g_autoptr(GArray) objects = NULL;
  g_autofree char *trailer = NULL;
  g_autoptr(GString) update = NULL;
  PdfObject catalog;
  gssize at;

  g_return_val_if_fail (stream->tail != NULL, FALSE);

  trailer = dup_trailer (stream->tail, stream->tail_start);
  at = rfind (stream->tail, "<< /Type /Catalog\n");
  if (trailer == NULL || at < 0 || !read_object (stream->tail, (gsize) at, &catalog))
    {
      g_warning ("The PDF cairo wrote has no trailer or catalog where expected: "
                 "its language and alternative texts are left out");
      return TRUE;
    }
  objects = complete_elements (stream->tail, lang, alts);
  catalog.extra = g_strdup_printf ("   /Lang (%s)\n", lang);
  g_array_append_val (objects, catalog);
  update = build_update (stream, objects, trailer);
  return sc_safe_file_write (stream->out, update->str, update->len, error);
}
