/* sc-pg-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files of the PostgreSQL store: one connection with the
 * location it is shown as, parameterised queries with binary results, the
 * binary COPY writer, the schema, and reading and writing workbooks.
 * Nothing here builds SQL from data: every value travels as a parameter
 * or in a COPY stream.
 */

#pragma once

#include <libpq-fe.h>

#include "sc-store.h"
#include "sc-workbook.h"

G_BEGIN_DECLS

/* Type OIDs of the columns read in binary (pg_type.dat) */
#define SC_PG_BOOL        16
#define SC_PG_INT8        20
#define SC_PG_INT4        23
#define SC_PG_TEXT        25
#define SC_PG_JSON       114
#define SC_PG_FLOAT8     701
#define SC_PG_FLOAT8_ARRAY 1022
#define SC_PG_DATE      1082
#define SC_PG_TIMESTAMPTZ 1184

/* One operation on a connection */
typedef struct
{
  PGconn       *conn;
  const char   *display_name;  /* the location, for messages */
  GCancellable *cancellable;
  PGcancel     *cancel;
  gulong        cancelled_id;
  char          sqlstate[6];   /* of the last failure; "" when there was none */
} ScPgSession;

/* sc-pg-session.c */
PGconn     *sc_pg_session_connect    (const char         *conninfo,
                                      const char         *display_name,
                                      GError            **error);
PGconn     *sc_pg_session_connect_with_password (const char  *conninfo,
                                                 const char  *password,
                                                 const char  *display_name,
                                                 GError     **error);
void        sc_pg_session_watch      (ScPgSession        *s,
                                      PGconn             *conn,
                                      GCancellable       *cancellable);
void        sc_pg_session_clear      (ScPgSession        *s);
void        sc_pg_session_fail       (ScPgSession        *s,
                                      const PGresult     *result,
                                      GError            **error);
gboolean    sc_pg_session_exec       (ScPgSession        *s,
                                      const char         *sql,
                                      GError            **error);
PGresult   *sc_pg_session_query      (ScPgSession        *s,
                                      const char         *sql,
                                      int                 n_params,
                                      const char * const *params,
                                      GError            **error);
PGresult   *sc_pg_session_select     (ScPgSession        *s,
                                      const char         *sql,
                                      int                 n_params,
                                      const char * const *params,
                                      const Oid          *types,
                                      int                 n_types,
                                      GError            **error);
void        sc_pg_session_rollback   (ScPgSession        *s);
const char *sc_pg_session_get_user   (ScPgSession        *s);
gboolean    sc_pg_session_setup      (PGconn             *conn,
                                      const char         *display_name,
                                      GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScPgSession, sc_pg_session_clear)

/* sc-pg-binary.c: values of a binary result; NULL or NaN where SQL NULL */
const char *sc_pg_get_text           (const PGresult     *result,
                                      int                 row,
                                      int                 column);
gint32      sc_pg_get_int4           (const PGresult     *result,
                                      int                 row,
                                      int                 column);
gint64      sc_pg_get_int8           (const PGresult     *result,
                                      int                 row,
                                      int                 column);
gboolean    sc_pg_get_bool           (const PGresult     *result,
                                      int                 row,
                                      int                 column);
double      sc_pg_get_float8         (const PGresult     *result,
                                      int                 row,
                                      int                 column);
char       *sc_pg_get_date           (const PGresult     *result,
                                      int                 row,
                                      int                 column);
GDateTime  *sc_pg_get_timestamptz    (const PGresult     *result,
                                      int                 row,
                                      int                 column);
gboolean    sc_pg_get_float8_array   (const PGresult     *result,
                                      int                 row,
                                      int                 column,
                                      double             *out,
                                      guint               n_values);
gboolean    sc_pg_get_float8_matrix  (const PGresult     *result,
                                      int                 row,
                                      int                 column,
                                      double            **out,
                                      guint               n_rows,
                                      guint               n_values);

/* sc-pg-copy.c: COPY … FROM STDIN (FORMAT binary) */
typedef struct _ScPgCopy ScPgCopy;

ScPgCopy   *sc_pg_copy_begin         (ScPgSession        *s,
                                      const char         *sql,
                                      GError            **error);
void        sc_pg_copy_tuple         (ScPgCopy           *self,
                                      guint16             n_fields);
void        sc_pg_copy_null          (ScPgCopy           *self);
void        sc_pg_copy_text          (ScPgCopy           *self,
                                      const char         *text);
void        sc_pg_copy_bool          (ScPgCopy           *self,
                                      gboolean            value);
void        sc_pg_copy_int4          (ScPgCopy           *self,
                                      gint32              value);
void        sc_pg_copy_int8          (ScPgCopy           *self,
                                      gint64              value);
void        sc_pg_copy_float8        (ScPgCopy           *self,
                                      double              value);
void        sc_pg_copy_date          (ScPgCopy           *self,
                                      const char         *iso_date);
void        sc_pg_copy_timestamptz   (ScPgCopy           *self,
                                      GDateTime          *time);
void        sc_pg_copy_float8_array  (ScPgCopy           *self,
                                      const double       *values,
                                      guint               n_values);
void        sc_pg_copy_float8_matrix (ScPgCopy           *self,
                                      double * const     *rows,
                                      guint               n_rows,
                                      guint               n_values);
gboolean    sc_pg_copy_end           (ScPgCopy           *self,
                                      GError            **error);

/* sc-pg-schema.c */
int         sc_pg_schema_get_latest  (void);
gboolean    sc_pg_schema_prepare     (ScPgSession        *s,
                                      GError            **error);

/* sc-pg-read.c */
typedef struct
{
  gint64   id;
  gint64   revision;
  gboolean may_write;
} ScPgHeader;

gboolean    sc_pg_read_header        (ScPgSession        *s,
                                      const char         *name,
                                      gboolean            for_update,
                                      ScPgHeader         *header,
                                      GError            **error);
ScWorkbook *sc_pg_read_workbook      (ScPgSession        *s,
                                      const char         *name,
                                      gboolean            for_update,
                                      ScPgHeader         *header,
                                      GError            **error);

/* sc-pg-write.c */
gboolean    sc_pg_write_workbook     (ScPgSession        *s,
                                      const char         *name,
                                      ScWorkbook         *book,
                                      ScStoreSaveMode     mode,
                                      gint64              expected_revision,
                                      gint64             *new_revision,
                                      GError            **error);

G_END_DECLS
