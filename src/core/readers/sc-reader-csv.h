/* sc-reader-csv.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Limits that keep hostile input from taking unbounded memory */
#define SC_READER_CSV_MAX_FIELD   (1024 * 1024)
#define SC_READER_CSV_MAX_LINE    (16 * 1024 * 1024)
#define SC_READER_CSV_MAX_COLUMNS 4096

#define SC_TYPE_READER_CSV (sc_reader_csv_get_type())

G_DECLARE_FINAL_TYPE (ScReaderCsv, sc_reader_csv, SC, READER_CSV, GObject)

ScReaderCsv *sc_reader_csv_new                (GInputStream  *stream,
                                               const char    *display_name);
void         sc_reader_csv_set_delimiter      (ScReaderCsv   *self,
                                               char           delimiter);
void         sc_reader_csv_set_encoding       (ScReaderCsv   *self,
                                               const char    *encoding);
void         sc_reader_csv_set_decimal_mark   (ScReaderCsv   *self,
                                               char           decimal_mark);
gboolean     sc_reader_csv_open               (ScReaderCsv   *self,
                                               GCancellable  *cancellable,
                                               GError       **error);
const char  *sc_reader_csv_get_display_name   (ScReaderCsv   *self);
const char  *sc_reader_csv_get_encoding       (ScReaderCsv   *self);
char         sc_reader_csv_get_delimiter      (ScReaderCsv   *self);
char         sc_reader_csv_get_decimal_mark   (ScReaderCsv   *self);
char         sc_reader_csv_get_thousands_separator (ScReaderCsv *self);
gboolean     sc_reader_csv_next_row           (ScReaderCsv   *self,
                                               GCancellable  *cancellable,
                                               GError       **error);
guint        sc_reader_csv_get_n_fields       (ScReaderCsv   *self);
const char  *sc_reader_csv_get_field          (ScReaderCsv   *self,
                                               guint          column,
                                               gsize         *length);
guint64      sc_reader_csv_get_line           (ScReaderCsv   *self);
guint64      sc_reader_csv_get_n_rows         (ScReaderCsv   *self);

G_END_DECLS
