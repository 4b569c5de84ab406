/* sc-workbook-load-private.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the two halves of the workbook reader: sc-workbook-load.c reads
 * the document with json-glib, sc-workbook-load-series.c streams its
 * "series" array (nearly all of a large file) without building a tree.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-workbook.h"

G_BEGIN_DECLS

typedef struct
{
  const char    *name;     /* file name for messages */
  ScWorkbook    *book;
  ScGranularity  granularity;
  GError       **error;
} ScLoader;

gboolean sc_loader_fail        (ScLoader    *loader,
                                int          code,
                                const char  *path,
                                const char  *format,
                                ...) G_GNUC_PRINTF (4, 5);
gboolean sc_series_span_find   (const char  *data,
                                gsize        length,
                                gsize       *start,
                                gsize       *end);
gboolean sc_series_load_stream (ScLoader    *loader,
                                const char  *data,
                                gsize        start,
                                gsize        end);
gboolean sc_scorecard_groups_load (ScLoader   *loader,
                                   JsonObject *root);

/* Members of a JSON object, checked; and the sections of
 * sc-workbook-load-scoring.c
 */
gboolean sc_loader_get_object  (ScLoader    *loader,
                                JsonObject  *object,
                                const char  *member,
                                const char  *path,
                                JsonObject **out);
gboolean sc_loader_get_string  (ScLoader    *loader,
                                JsonObject  *object,
                                const char  *member,
                                const char  *path,
                                gboolean     required,
                                const char  *fallback,
                                const char **out);
gboolean sc_loader_get_number  (ScLoader    *loader,
                                JsonObject  *object,
                                const char  *member,
                                const char  *path,
                                gboolean     required,
                                double       fallback,
                                double      *out);
gboolean sc_loader_get_period  (ScLoader    *loader,
                                JsonObject  *object,
                                const char  *member,
                                const char  *path,
                                ScPeriod    *out);
gboolean sc_loader_load_weighting  (ScLoader   *loader,
                                    JsonObject *settings);
gboolean sc_loader_load_scored_then (ScLoader   *loader,
                                     JsonObject *object,
                                     const char *path);

G_END_DECLS
