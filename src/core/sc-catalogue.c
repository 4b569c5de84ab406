/* sc-catalogue.c
 *
 * Copyright 2026 Scorecards developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in KPI catalogue: the measures supplier and customer scorecards
 * commonly use, with sensible default targets and thresholds. A workbook
 * starts from these and the user tunes them.
 */

#define G_LOG_DOMAIN "sc-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sc-catalogue.h"

typedef struct
{
  const char    *id;
  const char    *name;
  const char    *description;
  const char    *unit;
  const char    *category;
  ScDirection    direction;
  double         target;
  double         warning;
  double         critical;
  double         weight;
  ScAggregation  aggregation;
  double         ratio_scale;
  guint          decimals;
} CatalogueEntry;

#define H SC_DIRECTION_HIGHER
#define L SC_DIRECTION_LOWER

static const CatalogueEntry entries[] = {
  { "on_time_delivery_pct", N_("On-time delivery"),
    N_("Share of order lines delivered within the agreed delivery window"),
    "%", "delivery", H, 95, 90, 80, 2, SC_AGGREGATION_MEAN, 100, 1 },
  { "otif_pct", N_("On time in full (OTIF)"),
    N_("Share of order lines delivered on time and in the full quantity"),
    "%", "delivery", H, 92, 85, 75, 1, SC_AGGREGATION_MEAN, 100, 1 },
  { "ppm_defects", N_("Defective parts per million (PPM)"),
    N_("Rejected parts per million parts received"),
    "ppm", "quality", L, 250, 500, 1000, 2, SC_AGGREGATION_RATIO, 1000000, 0 },
  { "scrap_rate_pct", N_("Scrap rate"),
    N_("Share of produced parts scrapped"),
    "%", "quality", L, 1.5, 2.5, 4, 1, SC_AGGREGATION_MEAN, 100, 2 },
  { "first_pass_yield_pct", N_("First-pass yield"),
    N_("Share of units that pass inspection the first time, without rework"),
    "%", "quality", H, 98, 95, 90, 1, SC_AGGREGATION_MEAN, 100, 1 },
  { "cost_of_poor_quality_eur", N_("Cost of poor quality"),
    N_("Cost of scrap, rework, sorting, returns and claims caused by defects"),
    "€", "cost", L, 10000, 20000, 40000, 1, SC_AGGREGATION_SUM, 1, 0 },
  { "rework_cost_eur", N_("Cost of rework"),
    N_("Cost of reworking defective parts"),
    "€", "cost", L, 3000, 6000, 12000, 1, SC_AGGREGATION_SUM, 1, 0 },
  { "complaints_count", N_("Complaints"),
    N_("Number of quality complaints raised"),
    "count", "quality", L, 1, 3, 6, 1, SC_AGGREGATION_SUM, 1, 0 },
  { "returns_rate_pct", N_("Returns rate"),
    N_("Share of delivered units returned"),
    "%", "quality", L, 0.8, 1.5, 3, 1, SC_AGGREGATION_MEAN, 100, 2 },
  { "audit_findings_count", N_("Audit findings"),
    N_("Open findings from process and system audits"),
    "count", "quality", L, 0, 2, 5, 1, SC_AGGREGATION_SUM, 1, 0 },
  { "csat_score", N_("Customer satisfaction"),
    N_("Average satisfaction rating on a scale from 1 to 5"),
    "score", "satisfaction", H, 4.2, 3.8, 3.0, 2, SC_AGGREGATION_MEAN, 1, 1 },
  { "nps", N_("Net Promoter Score"),
    N_("Promoters minus detractors, in points from −100 to 100"),
    "points", "satisfaction", H, 40, 20, 0, 1, SC_AGGREGATION_LAST, 1, 0 },
  { "response_time_days", N_("Response time"),
    N_("Days from a request or complaint to the first answer"),
    "days", "service", L, 2, 4, 7, 1, SC_AGGREGATION_MEAN, 1, 1 },
  { "lead_time_days", N_("Lead time"),
    N_("Days from order to delivery"),
    "days", "delivery", L, 21, 28, 40, 1, SC_AGGREGATION_MEAN, 1, 1 },
  { "capa_closure_days", N_("Corrective-action closure time"),
    N_("Days from opening a corrective action to its verified closure"),
    "days", "service", L, 30, 45, 60, 1, SC_AGGREGATION_MEAN, 1, 0 },
  { "price_variance_pct", N_("Purchase price variance"),
    N_("Change of the purchase price against the agreed price"),
    "%", "cost", L, 0, 2, 5, 1, SC_AGGREGATION_MEAN, 1, 1 },
  { "invoice_accuracy_pct", N_("Invoice accuracy"),
    N_("Share of invoices without errors"),
    "%", "service", H, 99, 97, 93, 1, SC_AGGREGATION_MEAN, 100, 1 },
};

#undef H
#undef L

guint
sc_catalogue_get_n_kpis (void)
{
  return G_N_ELEMENTS (entries);
}

/* Returns a new KPI definition for the catalogue entry at @position. */
ScKpi *
sc_catalogue_create_kpi (guint position)
{
  const CatalogueEntry *e;

  g_return_val_if_fail (position < G_N_ELEMENTS (entries), NULL);

  e = &entries[position];
  return g_object_new (SC_TYPE_KPI,
                       "id", e->id,
                       "name", _(e->name),
                       "description", _(e->description),
                       "unit", e->unit,
                       "category", e->category,
                       "direction", e->direction,
                       "target", e->target,
                       "warning", e->warning,
                       "critical", e->critical,
                       "weight", e->weight,
                       "aggregation", e->aggregation,
                       "ratio-scale", e->ratio_scale,
                       "decimals", e->decimals,
                       NULL);
}

/* Returns a new KPI definition for the catalogue entry @id, or %NULL. */
ScKpi *
sc_catalogue_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      if (g_strcmp0 (entries[i].id, id) == 0)
        return sc_catalogue_create_kpi (i);
    }

  return NULL;
}
