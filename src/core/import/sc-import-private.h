/* sc-import-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import's staging area, shared by the files of the import pipeline:
 * readers add partners, KPIs, periods and values here (sc-import-stage.c),
 * validation turns them into dense series, commit applies them to a
 * workbook and keeps what undo needs (sc-import-commit.c).
 */

#pragma once

#include "sc-import.h"
#include "sc-period-parse.h"
#include "sc-recipe.h"

G_BEGIN_DECLS

#define SC_IMPORT_MAX_PROBLEMS 100000

typedef struct
{
  char          *name;           /* as written */
  char          *id;             /* given by the file, or NULL */
  ScPartnerType  type;
  ScPartner     *template;       /* tags, contact, overrides from JSON; or NULL */
  guint          type_known : 1;
} StagePartner;

typedef struct
{
  char  *key;                    /* a catalogue id, or an id made from the name */
  char  *name;                   /* as written */
  ScKpi *template;               /* a definition from JSON; or NULL */
  ScRecipeKpi *recipe_kpi;       /* computed by the import's recipe; or NULL */
  ScKpi *definition;             /* what a new KPI gets: guessed, or the user's; or NULL */
  guint  force_new : 1;          /* matched to nothing: a new KPI named as written */
} StageKpi;

typedef struct
{
  char                *text;
  guint                source;   /* where it was first used */
  guint64              line;
  guint                column;
  ScLoosePeriodStatus  status;
  ScLoosePeriod        loose;
  ScPeriod             period;   /* resolved by validation */
  const char          *problem;  /* why it cannot be used, or NULL */
} StagePeriod;

typedef struct
{
  guint32 partner;
  guint32 kpi;
  guint32 period;
  guint32 source;
  guint64 line;
  guint32 column;
  guint32 ratio;                 /* index + 1 into ratios, or 0 */
  guint32 group;                 /* index + 1 of the recipe's group, or 0 */
  guint32 group_kpi;             /* the recipe KPI of that group */
  double  value;                 /* NaN when only numerator and denominator were given */
} StageValue;

typedef struct
{
  double numerator;
  double denominator;
} StageRatio;

typedef struct
{
  guint32 partner;
  guint32 kpi;
  double  target;
} StageTarget;

typedef struct
{
  guint32  partner;
  guint32  kpi;
  double  *values;               /* n_periods of the validated range */
  double  *numerator;
  double  *denominator;
  guint32 *rows;                 /* index + 1 of the value that set each cell */
  ScFormula *formula;            /* of the recipe, with parts[n_parts][n]; or NULL */
  double  **parts;
  guint     n_parts;
} StageSeries;

typedef struct _ImportUndo ImportUndo;
typedef struct _ScRecipeRun ScRecipeRun;

struct _ScImport
{
  GObject             parent_instance;

  /* Options */
  ScImportLayout      layout;
  char                delimiter;
  char                decimal_mark;
  char               *encoding;
  ScImportDuplicates  duplicates;
  GArray             *roles;            /* int per column: an ScImportRole, or -1 to detect */
  GHashTable         *kpi_matches;      /* name as written → KPI id, "" for a new KPI */
  GHashTable         *new_kpis;         /* name as written → ScKpi the user defined */
  char               *sheet;            /* of a workbook; NULL: the first with data */
  ScRecipe           *recipe;           /* transaction rows into KPI values; or NULL */
  guint               skip_bad_rows : 1;
  guint               list_bad_rows : 1;  /* with skip_bad_rows set: list, skip nothing */

  /* Report */
  GPtrArray          *sources;          /* ScImportSource */
  GPtrArray          *problems;         /* ScImportProblem */
  guint64             n_rows;
  guint64             n_values;
  guint64             n_skipped;
  guint64             n_replaced;
  guint64             n_problems_dropped;
  GError             *first_bad_row;    /* when listing bad rows */

  /* Stage */
  GPtrArray          *partners;         /* StagePartner */
  GHashTable         *partners_by_name; /* name → index + 1 */
  GHashTable         *partners_by_id;   /* id → index + 1 */
  GPtrArray          *kpis;             /* StageKpi */
  GHashTable         *kpis_by_key;      /* key → index + 1 */
  GHashTable         *kpis_by_name;     /* name as written → index + 1 */
  GPtrArray          *periods;          /* StagePeriod */
  GHashTable         *periods_by_text;  /* text → index + 1 */
  GArray             *values;           /* StageValue */
  GArray             *ratios;           /* StageRatio */
  GArray             *targets;          /* StageTarget */

  /* Validated */
  GPtrArray          *series;           /* StageSeries */
  ScGranularity       granularity;
  ScPeriod            first;
  ScPeriod            last;
  GPtrArray          *near_duplicates;  /* ScImportNearDuplicate */

  ImportUndo         *undo;
  ScRecipeRun        *run;              /* the recipe's groups, across files */
  GPtrArray          *committed_partners; /* ScPartner per staged partner, after commit */
  GPtrArray          *committed_kpis;     /* ScKpi per staged KPI, after commit */
  GBytes             *spreadsheet;      /* the workbook being read, for lookups */

  guint               validated : 1;
  guint               committed : 1;
};

/* sc-import.c */
ScImportSource *sc_import_add_source        (ScImport        *self,
                                             const char      *name,
                                             ScImportFormat   format);
gboolean        sc_import_problem           (ScImport        *self,
                                             guint            source,
                                             guint64          line,
                                             guint            column,
                                             int              code,
                                             GError         **error,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (7, 8);

/* sc-import-csv.c */
gboolean        sc_import_read_csv          (ScImport        *self,
                                             GInputStream    *stream,
                                             const char      *name,
                                             GCancellable    *cancellable,
                                             GError         **error);

/* sc-import-json.c */
gboolean        sc_import_read_json         (ScImport        *self,
                                             const char      *data,
                                             gsize            length,
                                             const char      *name,
                                             GError         **error);

/* sc-import-stage.c */
void            sc_import_stage_init        (ScImport        *self);
void            sc_import_stage_clear       (ScImport        *self);
guint32         sc_import_stage_partner     (ScImport        *self,
                                             const char      *name,
                                             const char      *id);
guint32         sc_import_stage_kpi         (ScImport        *self,
                                             const char      *name,
                                             ScKpi           *template);
guint32         sc_import_stage_recipe_kpi  (ScImport        *self,
                                             ScRecipeKpi     *kpi);
guint32         sc_import_stage_period      (ScImport        *self,
                                             const char      *text,
                                             guint            source,
                                             guint64          line,
                                             guint            column);
void            sc_import_stage_value       (ScImport        *self,
                                             const StageValue *value,
                                             double           numerator,
                                             double           denominator);
void            sc_import_stage_target      (ScImport        *self,
                                             guint32          partner,
                                             guint32          kpi,
                                             double           target);
const char     *sc_import_period_problem    (ScLoosePeriodStatus status);
void            sc_import_stage_guess_kpis  (ScImport        *self);
ScKpi          *sc_import_stage_guess_kpi   (ScImport        *self,
                                             guint            position);
gboolean        sc_import_stage_validate    (ScImport        *self,
                                             GError         **error);

/* sc-import-commit.c */
gboolean        sc_import_stage_commit      (ScImport        *self,
                                             ScWorkbook      *book,
                                             GError         **error);
void            sc_import_stage_undo        (ScImport        *self,
                                             ScWorkbook      *book);
void            sc_import_undo_free         (ImportUndo      *undo);
GPtrArray      *sc_import_stage_added_kpis  (ScImport        *self);
ScKpi          *sc_import_stage_match_kpi   (ScImport        *self,
                                             guint            position,
                                             ScWorkbook      *book);
ScPartner     **sc_import_stage_match_partners (ScImport     *self,
                                                ScWorkbook   *book);
char           *sc_import_partner_match_key (const char      *name);

/* sc-import-near-duplicates.c */
void            sc_import_near_duplicate_free (gpointer        data);
void            sc_import_stage_near_duplicates (ScImport     *self,
                                                 ScWorkbook   *book,
                                                 ScPartner   **map);

G_END_DECLS
