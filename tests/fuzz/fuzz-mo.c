/* fuzz-mo.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the message catalogue reader (sc-mo-file.c): any
 * bytes load or are refused with an error, never a crash or a read past
 * the end; a catalogue that loads answers lookups and plural forms for
 * any count, and every translation it gives is UTF-8.
 */

#include "config.h"

#include <string.h>

#include "sc-mo-file.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
check_utf8 (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    g_error ("a translation that is not UTF-8 came out");
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const gulong counts[] = { 0, 1, 2, 3, 5, 11, 21, 101, 1000001, G_MAXULONG };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScMoFile) mo = sc_mo_file_new_from_bytes (bytes, "fuzz.mo", &error);
  g_autofree char *forms = NULL;

  if (mo == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  check_utf8 (sc_mo_file_lookup (mo, NULL, "Target"));
  check_utf8 (sc_mo_file_lookup (mo, "month", "May"));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      check_utf8 (sc_mo_file_lookup_plural (mo, "%u issue", counts[i]));
      sc_mo_file_plural_index (mo, counts[i]);
    }
  forms = sc_mo_file_dup_header (mo, "Plural-Forms");
  check_utf8 (forms);
  return 0;
}
