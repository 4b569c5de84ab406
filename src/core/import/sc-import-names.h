/* sc-import-names.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-partner.h"

G_BEGIN_DECLS

/**
 * ScImportColumn:
 * @SC_IMPORT_COLUMN_OTHER: not a column the import knows (in a wide file: a KPI)
 * @SC_IMPORT_COLUMN_PARTNER: the partner's name
 * @SC_IMPORT_COLUMN_PARTNER_ID: the partner's identifier
 * @SC_IMPORT_COLUMN_PARTNER_TYPE: supplier or customer
 * @SC_IMPORT_COLUMN_KPI: the KPI's name or identifier
 * @SC_IMPORT_COLUMN_PERIOD: the period
 * @SC_IMPORT_COLUMN_VALUE: the value
 * @SC_IMPORT_COLUMN_TARGET: the partner's target for the KPI
 * @SC_IMPORT_COLUMN_NUMERATOR: the numerator of a ratio KPI
 * @SC_IMPORT_COLUMN_DENOMINATOR: the denominator of a ratio KPI
 */
typedef enum
{
  SC_IMPORT_COLUMN_OTHER,
  SC_IMPORT_COLUMN_PARTNER,
  SC_IMPORT_COLUMN_PARTNER_ID,
  SC_IMPORT_COLUMN_PARTNER_TYPE,
  SC_IMPORT_COLUMN_KPI,
  SC_IMPORT_COLUMN_PERIOD,
  SC_IMPORT_COLUMN_VALUE,
  SC_IMPORT_COLUMN_TARGET,
  SC_IMPORT_COLUMN_NUMERATOR,
  SC_IMPORT_COLUMN_DENOMINATOR,
  SC_IMPORT_N_COLUMNS,
} ScImportColumn;

char           *sc_import_normalize_name     (const char     *text);
ScImportColumn  sc_import_column_from_header (const char     *header,
                                              ScPartnerType  *implied_type,
                                              gboolean       *type_implied);
const char     *sc_import_column_to_string   (ScImportColumn  column);
const char     *sc_import_match_catalogue    (const char     *kpi_name);
char           *sc_import_slugify            (const char     *text,
                                              char            separator);
gboolean        sc_import_parse_partner_type (const char     *text,
                                              ScPartnerType  *type);
char           *sc_import_tidy_name          (const char     *name);
char           *sc_import_partner_key        (const char     *name);

G_END_DECLS
