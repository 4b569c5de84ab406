/* sc-import-mapping.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the user decides between detection and staging: the role of each
 * column of a delimited file (overriding what its header name means) and
 * which KPI each KPI name of the file stands for (a workbook KPI, a
 * catalogue KPI or a new one). The import assistant sets both before it
 * stages the file; the reader and the stage consult them.
 */

#define G_LOG_DOMAIN "sc-import-mapping"

#include "config.h"

#include "sc-catalogue.h"
#include "sc-import-mapping.h"
#include "sc-import-private.h"
#include "sc-reader-csv.h"

#define ROLE_DETECT (-1)

/* Column mapping */

/**
 * sc_import_set_column_role:
 * @column: 0-based
 *
 * Makes @column of every delimited file added hold @role, whatever its
 * header says. Two columns with one role are a header error.
 */
void
sc_import_set_column_role (ScImport     *self,
                           guint         column,
                           ScImportRole  role)
{
  int detect = ROLE_DETECT;
  int value = role;

  g_return_if_fail (SC_IS_IMPORT (self));
  g_return_if_fail (role < SC_IMPORT_N_ROLES);
  g_return_if_fail (column < SC_READER_CSV_MAX_COLUMNS);

  while (self->roles->len <= column)
    g_array_append_val (self->roles, detect);
  g_array_index (self->roles, int, column) = value;
}

/* Back to the roles the headers mean. */
void
sc_import_clear_column_roles (ScImport *self)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  g_array_set_size (self->roles, 0);
}

/* TRUE and the role when one was set for @column. */
gboolean
sc_import_get_column_role (ScImport     *self,
                           guint         column,
                           ScImportRole *role)
{
  int value;

  g_return_val_if_fail (SC_IS_IMPORT (self), FALSE);

  if (column >= self->roles->len || (value = g_array_index (self->roles, int, column)) == ROLE_DETECT)
    return FALSE;
  if (role != NULL)
    *role = value;

  return TRUE;
}

/**
 * sc_import_role_for_header:
 * @column: 0-based
 * @header: the column's header as written
 *
 * Returns: the role set for @column, or else the one @header means; a
 *   header the import does not know is a KPI column (used as such in a
 *   wide file, ignored in a long one), an empty one is ignored
 */
ScImportRole
sc_import_role_for_header (ScImport   *self,
                           guint       column,
                           const char *header)
{
  ScImportRole role;
  ScPartnerType type;
  gboolean implied;
  ScImportColumn kind;

  g_return_val_if_fail (SC_IS_IMPORT (self), SC_IMPORT_ROLE_IGNORE);
  g_return_val_if_fail (header != NULL, SC_IMPORT_ROLE_IGNORE);

  if (sc_import_get_column_role (self, column, &role))
    return role;
  if (*header == '\0')
    return SC_IMPORT_ROLE_IGNORE;

  kind = sc_import_column_from_header (header, &type, &implied);
  return kind == SC_IMPORT_COLUMN_OTHER ? SC_IMPORT_ROLE_KPI_COLUMN : (ScImportRole) kind;
}

/* KPI matching */

/**
 * sc_import_set_kpi_match:
 * @name: a KPI name as the file writes it
 * @kpi_id: (nullable): the id of a workbook or catalogue KPI, or %NULL for
 *   a new KPI named as written
 *
 * Decides what @name stands for, instead of the usual matching (workbook
 * id or name, then the catalogue's names and synonyms).
 */
void
sc_import_set_kpi_match (ScImport   *self,
                         const char *name,
                         const char *kpi_id)
{
  g_return_if_fail (SC_IS_IMPORT (self));
  g_return_if_fail (name != NULL);

  g_hash_table_insert (self->kpi_matches, g_strdup (name), g_strdup (kpi_id ? kpi_id : ""));
}

/* The staged KPI's name as first written. */
const char *
sc_import_get_kpi_name (ScImport *self,
                        guint     position)
{
  StageKpi *k;

  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  g_return_val_if_fail (position < self->kpis->len, NULL);

  k = g_ptr_array_index (self->kpis, position);
  return k->name;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Every name the files write for the staged KPI at @position ("OTD" and
 * "On-time delivery %"), sorted.
 */
char **
sc_import_dup_kpi_spellings (ScImport *self,
                             guint     position)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name, index;

  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  g_return_val_if_fail (position < self->kpis->len, NULL);

  g_hash_table_iter_init (&iter, self->kpis_by_name);
  while (g_hash_table_iter_next (&iter, &name, &index))
    if (GPOINTER_TO_UINT (index) - 1 == position)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * sc_import_match_kpi:
 * @book: (nullable): the workbook the import will go into; %NULL for a new one
 * @kpi_id: (out) (optional): the id of the KPI it is matched to, or the
 *   id a new one would start from
 *
 * Returns: what committing into @book would do with the staged KPI at
 *   @position
 */
ScImportKpiMatch
sc_import_match_kpi (ScImport    *self,
                     guint        position,
                     ScWorkbook  *book,
                     char       **kpi_id)
{
  g_autoptr(ScKpi) catalogue = NULL;
  StageKpi *k;
  ScKpi *kpi;

  g_return_val_if_fail (SC_IS_IMPORT (self), SC_IMPORT_KPI_MATCH_NEW);
  g_return_val_if_fail (position < self->kpis->len, SC_IMPORT_KPI_MATCH_NEW);
  g_return_val_if_fail (book == NULL || SC_IS_WORKBOOK (book), SC_IMPORT_KPI_MATCH_NEW);

  k = g_ptr_array_index (self->kpis, position);
  if (book != NULL && (kpi = sc_import_stage_match_kpi (self, position, book)) != NULL)
    {
      if (kpi_id != NULL)
        *kpi_id = g_strdup (sc_kpi_get_id (kpi));
      return SC_IMPORT_KPI_MATCH_WORKBOOK;
    }

  if (kpi_id != NULL)
    *kpi_id = g_strdup (k->key);
  if (k->template == NULL && !k->force_new && (catalogue = sc_catalogue_lookup (k->key)) != NULL)
    return SC_IMPORT_KPI_MATCH_CATALOGUE;

  return SC_IMPORT_KPI_MATCH_NEW;
}

/**
 * sc_import_dup_kpi_definition:
 *
 * What the staged KPI at @position becomes if it is added as a new KPI: the
 * definition set with sc_import_set_new_kpi(), or one guessed from its name
 * and values (sc_kpi_guess_from_name()), without a target. The assistant
 * shows it for the user to confirm or change.
 *
 * Returns: (transfer full): a detached definition
 */
ScKpi *
sc_import_dup_kpi_definition (ScImport *self,
                              guint     position)
{
  StageKpi *k;

  g_return_val_if_fail (SC_IS_IMPORT (self), NULL);
  g_return_val_if_fail (position < self->kpis->len, NULL);

  k = g_ptr_array_index (self->kpis, position);
  if (k->definition != NULL)
    return sc_kpi_copy (k->definition);

  return sc_import_stage_guess_kpi (self, position);
}

/**
 * sc_import_set_new_kpi:
 * @name: a KPI name as the file writes it
 * @definition: how a new KPI of that name is defined (its id is not used)
 *
 * Defines the KPI a file names @name, when it is added as a new one,
 * instead of the guess: the user's confirmed direction, unit, category and
 * perhaps a target. Applies to files added later and to a KPI already
 * staged under that name.
 */
void
sc_import_set_new_kpi (ScImport   *self,
                       const char *name,
                       ScKpi      *definition)
{
  gpointer found;

  g_return_if_fail (SC_IS_IMPORT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (SC_IS_KPI (definition));

  g_hash_table_replace (self->new_kpis, g_strdup (name), sc_kpi_copy (definition));
  if ((found = g_hash_table_lookup (self->kpis_by_name, name)) != NULL)
    {
      StageKpi *k = g_ptr_array_index (self->kpis, GPOINTER_TO_UINT (found) - 1);

      g_clear_object (&k->definition);
      k->definition = sc_kpi_copy (definition);
    }
}

const char *
sc_import_role_to_string (ScImportRole role)
{
  switch (role)
    {
    case SC_IMPORT_ROLE_IGNORE:
      return "ignore";
    case SC_IMPORT_ROLE_KPI_COLUMN:
      return "kpi_column";
    case SC_IMPORT_ROLE_PARTNER:
    case SC_IMPORT_ROLE_PARTNER_ID:
    case SC_IMPORT_ROLE_PARTNER_TYPE:
    case SC_IMPORT_ROLE_KPI:
    case SC_IMPORT_ROLE_PERIOD:
    case SC_IMPORT_ROLE_VALUE:
    case SC_IMPORT_ROLE_TARGET:
    case SC_IMPORT_ROLE_NUMERATOR:
    case SC_IMPORT_ROLE_DENOMINATOR:
      return sc_import_column_to_string ((ScImportColumn) role);
    case SC_IMPORT_N_ROLES:
    default:
      g_return_val_if_reached (NULL);
    }
}
