/* sc-partner.h
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SC_PARTNER_SUPPLIER,
  SC_PARTNER_CUSTOMER,
} ScPartnerType;

#define SC_TYPE_PARTNER (sc_partner_get_type())

G_DECLARE_FINAL_TYPE (ScPartner, sc_partner, SC, PARTNER, GObject)

ScPartner     *sc_partner_new                 (const char     *id,
                                               const char     *name,
                                               ScPartnerType   type);
const char    *sc_partner_get_id              (ScPartner      *self);
const char    *sc_partner_get_name            (ScPartner      *self);
void           sc_partner_set_name            (ScPartner      *self,
                                               const char     *name);
ScPartnerType  sc_partner_get_partner_type    (ScPartner      *self);
void           sc_partner_set_partner_type    (ScPartner      *self,
                                               ScPartnerType   type);
const char    *sc_partner_get_contact         (ScPartner      *self);
void           sc_partner_set_contact         (ScPartner      *self,
                                               const char     *contact);
const char    *sc_partner_get_report_language (ScPartner      *self);
void           sc_partner_set_report_language (ScPartner      *self,
                                               const char     *code);
const char    *sc_partner_get_tag             (ScPartner      *self,
                                               const char     *key);
void           sc_partner_set_tag             (ScPartner      *self,
                                               const char     *key,
                                               const char     *value);
char         **sc_partner_dup_tag_keys        (ScPartner      *self);
gboolean       sc_partner_get_override        (ScPartner      *self,
                                               const char     *kpi_id,
                                               double         *target,
                                               double         *weight);
void           sc_partner_set_override        (ScPartner      *self,
                                               const char     *kpi_id,
                                               double          target,
                                               double          weight);
char         **sc_partner_dup_override_kpis   (ScPartner      *self);

const char    *sc_partner_type_to_string      (ScPartnerType   type);
gboolean       sc_partner_type_from_string    (const char     *str,
                                               ScPartnerType  *type);
const char    *sc_partner_type_get_label      (ScPartnerType   type);

G_END_DECLS
