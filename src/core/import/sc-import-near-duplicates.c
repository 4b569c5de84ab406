/* sc-import-near-duplicates.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Partner names of an import that probably mean a company it also names
 * otherwise, or that the workbook already has: "ACME Inc" and "Acme Inc.".
 * They are not merged (a manager decides that), only listed. Each name is
 * reduced to a loose key (sc_import_partner_key()) and hashed, so a
 * hundred thousand partners take one pass, not a comparison of each pair.
 */

#define G_LOG_DOMAIN "sc-import-near-duplicates"

#include "config.h"

#include "sc-import-names.h"
#include "sc-import-private.h"

/* The first partner seen under a key */
typedef struct
{
  const char    *name;
  gconstpointer  identity;
  gboolean       in_workbook;
} Group;

void
sc_import_near_duplicate_free (gpointer data)
{
  ScImportNearDuplicate *pair = data;

  g_free (pair->first);
  g_free (pair->second);
  g_free (pair);
}

/* The group of the partner's key; the partner starts it if it is new. */
static Group *
group_add (GHashTable    *groups,
           const char    *name,
           gconstpointer  identity,
           gboolean       in_workbook)
{
  g_autofree char *key = sc_import_partner_key (name);
  Group *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->name = name;
      group->identity = identity;
      group->in_workbook = in_workbook;
      g_hash_table_insert (groups, g_steal_pointer (&key), group);
    }

  return group;
}

static void
add_pair (ScImport   *self,
          const char *first,
          const char *second,
          gboolean    in_workbook)
{
  ScImportNearDuplicate *pair = g_new0 (ScImportNearDuplicate, 1);

  pair->first = g_strdup (first);
  pair->second = g_strdup (second);
  pair->in_workbook = in_workbook;
  g_ptr_array_add (self->near_duplicates, pair);
}

/* An identity for each staged partner: the workbook partner it goes to, or
 * itself where the import adds one (an odd pointer no object has).
 */
static gconstpointer
staged_identity (ScPartner **map,
                 guint       i)
{
  return map && map[i] ? (gconstpointer) map[i] : GUINT_TO_POINTER (2 * i + 1);
}

/**
 * sc_import_stage_near_duplicates:
 * @book: (nullable): the workbook the import goes into
 * @map: (nullable): the workbook partner of each staged one, as commit
 *   matches them (sc_import_stage_match_partners())
 *
 * Lists, for each partner of the import, the first other partner (of the
 * workbook, then of the files in their order) whose name has the same
 * loose key. Partners the import merges (the same name, or a workbook
 * partner matched ignoring case) are one partner, not a pair; two partners
 * of the workbook alone are not this import's concern.
 */
void
sc_import_stage_near_duplicates (ScImport    *self,
                                 ScWorkbook  *book,
                                 ScPartner  **map)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListModel *partners = book ? sc_workbook_get_partners (book) : NULL;
  guint n = partners ? g_list_model_get_n_items (partners) : 0;

  g_ptr_array_set_size (self->near_duplicates, 0);

  /* The workbook's partners stay alive with the workbook: borrow them */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScPartner) partner = g_list_model_get_item (partners, i);

      group_add (groups, sc_partner_get_name (partner), partner, TRUE);
    }

  for (guint i = 0; i < self->partners->len; i++)
    {
      StagePartner *p = g_ptr_array_index (self->partners, i);
      gconstpointer identity = staged_identity (map, i);
      Group *group;

      /* Several spellings that went to one workbook partner are one */
      if (!g_hash_table_add (seen, (gpointer) identity))
        continue;

      group = group_add (groups, p->name, identity, FALSE);
      if (group->identity != identity)
        add_pair (self, group->name, p->name, group->in_workbook);
    }
}

/**
 * sc_import_find_near_duplicates:
 * @book: (nullable): the workbook the import is to go into, or %NULL to
 *   compare the names of the files only
 *
 * Lists the partner names of the import that look like another partner's
 * — the same but for case, accents, punctuation, spacing or a legal form
 * ("ACME Inc" / "Acme Inc.") — and were not merged with it. Validation
 * compares the files' names, commit compares them with the workbook's too;
 * call this to see what commit will find before committing.
 */
void
sc_import_find_near_duplicates (ScImport   *self,
                                ScWorkbook *book)
{
  g_autofree ScPartner **map = NULL;

  g_return_if_fail (SC_IS_IMPORT (self));
  g_return_if_fail (book == NULL || SC_IS_WORKBOOK (book));

  if (book != NULL)
    map = sc_import_stage_match_partners (self, book);
  sc_import_stage_near_duplicates (self, book, map);
}

/**
 * sc_import_get_near_duplicates:
 *
 * Returns: (transfer none) (element-type ScImportNearDuplicate): the pairs
 *   of names found by validation, commit or sc_import_find_near_duplicates(),
 *   in the order of the files
 */
GPtrArray *
sc_import_get_near_duplicates (ScImport *self)
{
  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  return self->near_duplicates;
}
