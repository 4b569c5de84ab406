/* sc-json-writer.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ScJsonWriter ScJsonWriter;

ScJsonWriter *sc_json_writer_new          (gsize         reserve);
GBytes       *sc_json_writer_free_to_bytes (ScJsonWriter *self);
char         *sc_json_writer_free_to_string (ScJsonWriter *self);
void          sc_json_writer_begin_object (ScJsonWriter *self,
                                           const char   *name);
void          sc_json_writer_end_object   (ScJsonWriter *self);
void          sc_json_writer_begin_array  (ScJsonWriter *self,
                                           const char   *name);
void          sc_json_writer_end_array    (ScJsonWriter *self);
void          sc_json_writer_string       (ScJsonWriter *self,
                                           const char   *name,
                                           const char   *value);
void          sc_json_writer_number       (ScJsonWriter *self,
                                           const char   *name,
                                           double        value);
void          sc_json_writer_number_rounded (ScJsonWriter *self,
                                             const char   *name,
                                             double        value,
                                             guint         decimals);
void          sc_json_writer_int          (ScJsonWriter *self,
                                           const char   *name,
                                           gint64        value);
void          sc_json_writer_boolean      (ScJsonWriter *self,
                                           const char   *name,
                                           gboolean      value);
void          sc_json_writer_null         (ScJsonWriter *self,
                                           const char   *name);
void          sc_json_writer_numbers      (ScJsonWriter *self,
                                           const char   *name,
                                           const double *values,
                                           guint         n_values);
void          sc_json_writer_raw          (ScJsonWriter *self,
                                           const char   *name,
                                           const char   *json);
void          sc_json_append_number       (GString      *out,
                                           double        value);

G_END_DECLS
