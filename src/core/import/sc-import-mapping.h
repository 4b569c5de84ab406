/* sc-import-mapping.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-import.h"
#include "sc-import-names.h"

G_BEGIN_DECLS

/**
 * ScImportRole:
 * @SC_IMPORT_ROLE_IGNORE: the column is not imported
 * @SC_IMPORT_ROLE_PARTNER: the partner's name
 * @SC_IMPORT_ROLE_PARTNER_ID: the partner's identifier
 * @SC_IMPORT_ROLE_PARTNER_TYPE: supplier or customer
 * @SC_IMPORT_ROLE_KPI: the KPI's name or id (long layout)
 * @SC_IMPORT_ROLE_PERIOD: the period
 * @SC_IMPORT_ROLE_VALUE: the value (long layout)
 * @SC_IMPORT_ROLE_TARGET: the partner's target for the KPI (long layout)
 * @SC_IMPORT_ROLE_NUMERATOR: the numerator of a ratio KPI (long layout)
 * @SC_IMPORT_ROLE_DENOMINATOR: the denominator of a ratio KPI (long layout)
 * @SC_IMPORT_ROLE_KPI_COLUMN: the values of the KPI the header names (wide layout)
 *
 * What a column of a delimited file holds. The roles from partner to
 * denominator have the values of the #ScImportColumn they stand for.
 */
typedef enum
{
  SC_IMPORT_ROLE_IGNORE,
  SC_IMPORT_ROLE_PARTNER = SC_IMPORT_COLUMN_PARTNER,
  SC_IMPORT_ROLE_PARTNER_ID = SC_IMPORT_COLUMN_PARTNER_ID,
  SC_IMPORT_ROLE_PARTNER_TYPE = SC_IMPORT_COLUMN_PARTNER_TYPE,
  SC_IMPORT_ROLE_KPI = SC_IMPORT_COLUMN_KPI,
  SC_IMPORT_ROLE_PERIOD = SC_IMPORT_COLUMN_PERIOD,
  SC_IMPORT_ROLE_VALUE = SC_IMPORT_COLUMN_VALUE,
  SC_IMPORT_ROLE_TARGET = SC_IMPORT_COLUMN_TARGET,
  SC_IMPORT_ROLE_NUMERATOR = SC_IMPORT_COLUMN_NUMERATOR,
  SC_IMPORT_ROLE_DENOMINATOR = SC_IMPORT_COLUMN_DENOMINATOR,
  SC_IMPORT_ROLE_KPI_COLUMN = SC_IMPORT_N_COLUMNS,
  SC_IMPORT_N_ROLES,
} ScImportRole;

/**
 * ScImportKpiMatch:
 * @SC_IMPORT_KPI_MATCH_WORKBOOK: a KPI the workbook already defines
 * @SC_IMPORT_KPI_MATCH_CATALOGUE: a built-in KPI, added with its definition
 * @SC_IMPORT_KPI_MATCH_NEW: a new KPI named as the file writes it
 */
typedef enum
{
  SC_IMPORT_KPI_MATCH_WORKBOOK,
  SC_IMPORT_KPI_MATCH_CATALOGUE,
  SC_IMPORT_KPI_MATCH_NEW,
} ScImportKpiMatch;

/* Column mapping, set before adding files */
void              sc_import_set_column_role    (ScImport      *self,
                                                guint          column,
                                                ScImportRole   role);
void              sc_import_clear_column_roles (ScImport      *self);
gboolean          sc_import_get_column_role    (ScImport      *self,
                                                guint          column,
                                                ScImportRole  *role);
ScImportRole      sc_import_role_for_header    (ScImport      *self,
                                                guint          column,
                                                const char    *header);

/* KPI matching, set before adding files */
void              sc_import_set_kpi_match      (ScImport      *self,
                                                const char    *name,
                                                const char    *kpi_id);

/* The KPIs staged from the files, once added */
const char       *sc_import_get_kpi_name       (ScImport      *self,
                                                guint          position);
char            **sc_import_dup_kpi_spellings  (ScImport      *self,
                                                guint          position);
ScImportKpiMatch  sc_import_match_kpi          (ScImport      *self,
                                                guint          position,
                                                ScWorkbook    *book,
                                                char         **kpi_id);
ScKpi            *sc_import_dup_kpi_definition (ScImport      *self,
                                                guint          position);
void              sc_import_set_new_kpi        (ScImport      *self,
                                                const char    *name,
                                                ScKpi         *definition);

const char       *sc_import_role_to_string     (ScImportRole   role);

G_END_DECLS
