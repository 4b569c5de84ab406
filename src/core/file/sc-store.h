/* sc-store.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-workbook.h"

G_BEGIN_DECLS

#define SC_STORE_ERROR (sc_store_error_quark())

/**
 * ScStoreError:
 * @SC_STORE_ERROR_LOCATION: the location is neither a path nor a valid team
 *   workbook URI (`postgresql://…?workbook=NAME`)
 * @SC_STORE_ERROR_CONNECT: the server cannot be reached, or refused the login
 * @SC_STORE_ERROR_NOT_FOUND: there is no workbook of that name on the server
 * @SC_STORE_ERROR_EXISTS: a new workbook was to be saved where one exists
 * @SC_STORE_ERROR_CONFLICT: someone else saved the workbook since it was loaded
 * @SC_STORE_ERROR_READ_ONLY: the user may read the workbook but not change it
 * @SC_STORE_ERROR_DENIED: the user may not even read team workbooks there
 * @SC_STORE_ERROR_SCHEMA: the server's tables were made by a newer Scorecards,
 *   or are missing or outdated and the user may not create or upgrade them
 * @SC_STORE_ERROR_INVALID: text that is not valid UTF-8, or data on the
 *   server that is not a valid workbook
 * @SC_STORE_ERROR_FAILED: any other error the server reported
 * @SC_STORE_ERROR_PASSWORD: the server wants a password for the role, and
 *   none was given or it refused the one given
 *
 * Errors of the file store are those of sc_workbook_load_from_file() and
 * sc_workbook_save_to_file() (GIO and #SC_WORKBOOK_ERROR), and
 * @SC_STORE_ERROR_EXISTS.
 */
typedef enum
{
  SC_STORE_ERROR_LOCATION,
  SC_STORE_ERROR_CONNECT,
  SC_STORE_ERROR_NOT_FOUND,
  SC_STORE_ERROR_EXISTS,
  SC_STORE_ERROR_CONFLICT,
  SC_STORE_ERROR_READ_ONLY,
  SC_STORE_ERROR_DENIED,
  SC_STORE_ERROR_SCHEMA,
  SC_STORE_ERROR_INVALID,
  SC_STORE_ERROR_FAILED,
  SC_STORE_ERROR_PASSWORD,
} ScStoreError;

/**
 * ScStoreSaveMode:
 * @SC_STORE_SAVE_UPDATE: save over the workbook as this store last loaded
 *   or saved it; where someone else has saved it since, fail with
 *   @SC_STORE_ERROR_CONFLICT (or @SC_STORE_ERROR_NOT_FOUND when it was
 *   deleted). A store that never loaded nor saved creates the workbook, as
 *   @SC_STORE_SAVE_CREATE does.
 * @SC_STORE_SAVE_CREATE: save a new workbook; fail with
 *   @SC_STORE_ERROR_EXISTS where there is one
 * @SC_STORE_SAVE_REPLACE: save over whatever is there
 */
typedef enum
{
  SC_STORE_SAVE_UPDATE,
  SC_STORE_SAVE_CREATE,
  SC_STORE_SAVE_REPLACE,
} ScStoreSaveMode;

/* Changes @book in place; FALSE with @error set to change nothing. */
typedef gboolean (*ScStoreEditFunc) (ScWorkbook  *book,
                                     gpointer     user_data,
                                     GError     **error);

#define SC_TYPE_STORE (sc_store_get_type ())

G_DECLARE_INTERFACE (ScStore, sc_store, SC, STORE, GObject)

struct _ScStoreInterface
{
  GTypeInterface parent_iface;

  const char *(*get_display_name) (ScStore          *self);
  gboolean    (*get_read_only)    (ScStore          *self);
  ScWorkbook *(*load)             (ScStore          *self,
                                   GCancellable     *cancellable,
                                   GError          **error);
  gboolean    (*save)             (ScStore          *self,
                                   ScWorkbook       *book,
                                   ScStoreSaveMode   mode,
                                   GCancellable     *cancellable,
                                   GError          **error);
  ScWorkbook *(*edit)             (ScStore          *self,
                                   ScStoreEditFunc   func,
                                   gpointer          user_data,
                                   GCancellable     *cancellable,
                                   GError          **error);
};

GQuark      sc_store_error_quark     (void);

const char *sc_store_get_display_name (ScStore            *self);
gboolean    sc_store_get_read_only   (ScStore            *self);
ScWorkbook *sc_store_load            (ScStore            *self,
                                      GCancellable       *cancellable,
                                      GError            **error);
void        sc_store_load_async      (ScStore            *self,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
ScWorkbook *sc_store_load_finish     (ScStore            *self,
                                      GAsyncResult       *result,
                                      GError            **error);
gboolean    sc_store_save            (ScStore            *self,
                                      ScWorkbook         *book,
                                      ScStoreSaveMode     mode,
                                      GCancellable       *cancellable,
                                      GError            **error);
ScWorkbook *sc_store_edit            (ScStore            *self,
                                      ScStoreEditFunc     func,
                                      gpointer            user_data,
                                      GCancellable       *cancellable,
                                      GError            **error);

G_END_DECLS
