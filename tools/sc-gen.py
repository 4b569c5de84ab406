#!/usr/bin/env python3
# sc-gen.py - deterministic sample and benchmark data for Scorecards
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate deterministic Scorecards data: the sample workbook and benchmark files.

Usage:
  sc-gen.py sample [--seed S] OUT.scorecard
  sc-gen.py long  --partners N --periods P [--seed S] [--missing F] OUT.csv
  sc-gen.py wide  --partners N --periods P [--seed S] [--missing F] OUT.csv
  sc-gen.py book  --partners N --periods P [--seed S] [--missing F] OUT.scorecard
  sc-gen.py transactions --rows N [--suppliers S] [--seed S] OUT.csv

sample  the demonstration workbook (data/samples/contoso-2024-2025.scorecard):
        19 suppliers and 8 customers over 2024-01..2025-12 with trends, seasonality,
        noise, outliers, missing data, four partners in clear trouble and 14 issues.
long    benchmark CSV, one row per value:
        partner,partner_type,kpi,period,value
wide    benchmark CSV, one row per partner and period, one column per KPI:
        partner,partner_type,period,<12 KPI ids>
book    the same benchmark data as a .scorecard workbook (plus tags and a few issues).
transactions
        purchase-order lines, one row per line, as an ERP exports them:
        po_line,supplier,order_date,due_date,delivery_date,quantity,defective,
        unit_price,amount,status (the columns of shared/anchors/gen_transactions.py;
        ISO dates from 2024-01-01 to 2025-12-31, about 3 % open lines without a
        delivery date). For the recipe benchmark (docs/recipes.md).

The CSV layouts and KPI ids are those of shared/anchors/gen_long_csv.py; periods are
months from 2024-01. For equal --partners/--periods/--seed, long, wide and book hold
exactly the same values. Output depends only on the arguments: every random draw
comes from a random.Random seeded from --seed, so the same arguments give
byte-identical files on every run and machine. Python 3 standard library only.
See docs/sample-data.md.
"""

import argparse
import csv
import json
import math
import random
import sys

GENERATOR = "tools/sc-gen.py"

# ----------------------------------------------------------------------------
# The KPI catalogue the application ships (ids and thresholds are fixed).
# id, name, unit, category, direction, target, warning, critical, aggregation,
# ratio_scale, decimals, weight, description
# ----------------------------------------------------------------------------

CATALOGUE = [
    ("on_time_delivery_pct", "On-time delivery", "%", "delivery", "higher",
     95, 90, 80, "mean", 100, 1, 2,
     "Share of order lines delivered within the agreed delivery window."),
    ("otif_pct", "On time in full (OTIF)", "%", "delivery", "higher",
     92, 85, 75, "mean", 100, 1, 1,
     "Share of order lines delivered both on time and in the full ordered quantity."),
    ("ppm_defects", "Defective parts per million (PPM)", "ppm", "quality", "lower",
     250, 500, 1000, "ratio", 1000000, 0, 2,
     "Defective parts per million parts received or shipped, "
     "from defects divided by delivered quantity."),
    ("scrap_rate_pct", "Scrap rate", "%", "quality", "lower",
     1.5, 2.5, 4, "mean", 100, 2, 1,
     "Share of produced parts scrapped because they cannot be used or reworked."),
    ("first_pass_yield_pct", "First-pass yield", "%", "quality", "higher",
     98, 95, 90, "mean", 100, 1, 1,
     "Share of parts that pass every process step and test the first time, "
     "without rework."),
    ("cost_of_poor_quality_eur", "Cost of poor quality", "€", "cost", "lower",
     10000, 20000, 40000, "sum", 1, 0, 1,
     "Costs caused by defects: sorting, scrap, rework, line stops, "
     "extra freight and claims."),
    ("rework_cost_eur", "Cost of rework", "€", "cost", "lower",
     3000, 6000, 12000, "sum", 1, 0, 1,
     "Labour and material spent reworking nonconforming parts."),
    ("complaints_count", "Complaints", "count", "quality", "lower",
     1, 3, 6, "sum", 1, 0, 1,
     "Number of formal quality complaints raised in the period."),
    ("returns_rate_pct", "Returns rate", "%", "quality", "lower",
     0.8, 1.5, 3, "mean", 100, 2, 1,
     "Share of shipped quantity that the customer returned."),
    ("audit_findings_count", "Audit findings", "count", "quality", "lower",
     0, 2, 5, "sum", 1, 0, 1,
     "Number of findings from process and system audits held in the period."),
    ("csat_score", "Customer satisfaction", "score", "satisfaction", "higher",
     4.2, 3.8, 3.0, "mean", 1, 1, 2,
     "Average rating from the customer satisfaction survey on a scale of 1 to 5."),
    ("nps", "Net Promoter Score", "points", "satisfaction", "higher",
     40, 20, 0, "last", 1, 0, 1,
     "Share of promoters minus share of detractors in the relationship survey, "
     "from -100 to 100."),
    ("response_time_days", "Response time", "days", "service", "lower",
     2, 4, 7, "mean", 1, 1, 1,
     "Average days from a request or complaint to the first substantive answer."),
    ("lead_time_days", "Lead time", "days", "delivery", "lower",
     21, 28, 40, "mean", 1, 1, 1,
     "Average days from purchase order to receipt of goods."),
    ("capa_closure_days", "Corrective-action closure time", "days", "service", "lower",
     30, 45, 60, "mean", 1, 0, 1,
     "Average days needed to close corrective actions (CAPA/8D) closed in the period."),
    ("price_variance_pct", "Purchase price variance", "%", "cost", "lower",
     0, 2, 5, "mean", 1, 1, 1,
     "Deviation of paid prices from the agreed standard price; "
     "positive means paying more."),
    ("invoice_accuracy_pct", "Invoice accuracy", "%", "service", "higher",
     99, 97, 93, "mean", 100, 1, 1,
     "Share of invoices matching order and receipt without correction."),
]

CAT = {row[0]: row for row in CATALOGUE}


def kpi_definitions():
    """The catalogue as the "kpis" array of a workbook, in catalogue order."""
    out = []
    for (kid, name, unit, cat, direction, target, warning, critical, agg, scale,
         dec, weight, desc) in CATALOGUE:
        out.append({
            "id": kid,
            "name": name,
            "description": desc,
            "unit": unit,
            "category": cat,
            "direction": direction,
            "target": target,
            "target_max": None,
            "warning": warning,
            "critical": critical,
            "weight": weight,
            "aggregation": agg,
            "ratio_scale": scale,
            "decimals": dec,
        })
    return out


def default_settings(company, confidentiality, notes):
    return {
        "company": company,
        "trend_periods": 6,
        "grade_bands": [
            {"grade": "A", "min": 90},
            {"grade": "B", "min": 75},
            {"grade": "C", "min": 60},
            {"grade": "D", "min": 0},
        ],
        "report": {"page_size": "a4", "confidentiality": confidentiality},
        "notes": notes,
    }


# ----------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------

def period_name(index, first_year=2024):
    """Month string of period `index` counted from January of first_year."""
    return "%04d-%02d" % (first_year + index // 12, index % 12 + 1)


def month_of(index):
    """Calendar month 1..12 of period `index` (periods start in January)."""
    return index % 12 + 1


def clamp(v, lo, hi):
    return lo if v < lo else hi if v > hi else v


def rounded(v, decimals):
    """Round to the KPI's decimals: an int for 0 decimals, never -0.0."""
    if v is None:
        return None
    if decimals == 0:
        return int(round(v))
    return round(v, decimals) + 0.0


def poisson(rng, lam):
    """Poisson draw from rng (Knuth; normal approximation for large means)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    limit = math.exp(-lam)
    k, p = 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


# ----------------------------------------------------------------------------
# JSON writer: 2-space indentation, arrays of numbers and short flat objects on
# one line, UTF-8 text.
# Key order is the insertion order of the dicts built here, so output is stable.
# ----------------------------------------------------------------------------

def _scalar(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError("non-finite number in workbook")
        return repr(v)              # shortest round-trip form, e.g. 95.0, 0.85
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    raise TypeError("cannot write %r" % (v,))


def _emit(obj, indent, out, col=0):
    """Append obj's JSON text; col is the column where it starts on its line."""
    pad = " " * indent
    if isinstance(obj, dict):
        if not obj:
            out.append("{}")
            return
        if all(not isinstance(x, (dict, list)) for x in obj.values()):
            flat = "{ " + ", ".join(json.dumps(k, ensure_ascii=False) + ": " + _scalar(v)
                                    for k, v in obj.items()) + " }"
            if col + len(flat) <= 100:              # short records on one line
                out.append(flat)
                return
        out.append("{\n")
        items = list(obj.items())
        for i, (key, val) in enumerate(items):
            head = pad + "  " + json.dumps(key, ensure_ascii=False) + ": "
            out.append(head)
            _emit(val, indent + 2, out, len(head))
            out.append(",\n" if i + 1 < len(items) else "\n")
        out.append(pad + "}")
    elif isinstance(obj, list):
        if not obj:
            out.append("[]")
        elif all(not isinstance(x, (dict, list)) for x in obj):
            out.append("[" + ", ".join(_scalar(x) for x in obj) + "]")
        else:
            out.append("[\n")
            for i, val in enumerate(obj):
                out.append(pad + "  ")
                _emit(val, indent + 2, out, indent + 2)
                out.append(",\n" if i + 1 < len(obj) else "\n")
            out.append(pad + "]")
    else:
        out.append(_scalar(obj))


def write_workbook(path, book):
    out = []
    _emit(book, 0, out)
    out.append("\n")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("".join(out))


def workbook(n_periods, settings, partners, series, issues, generator):
    return {
        "format": "scorecards",
        "version": 1,
        "generator": generator,
        "granularity": "month",
        "first_period": period_name(0),
        "n_periods": n_periods,
        "settings": settings,
        "kpis": kpi_definitions(),
        "partners": partners,
        "series": series,
        "issues": issues,
    }


# ============================================================================
# The sample workbook
# ============================================================================

N_SAMPLE = 24           # 2024-01 .. 2025-12

SUPPLIER_KPIS = ["on_time_delivery_pct", "otif_pct", "ppm_defects", "scrap_rate_pct",
                 "first_pass_yield_pct", "cost_of_poor_quality_eur", "rework_cost_eur",
                 "complaints_count", "audit_findings_count", "lead_time_days",
                 "capa_closure_days", "price_variance_pct", "invoice_accuracy_pct"]
CUSTOMER_KPIS = ["on_time_delivery_pct", "otif_pct", "ppm_defects", "returns_rate_pct",
                 "complaints_count", "csat_score", "nps", "response_time_days"]

# Levels at "badness" 0 (excellent) and 1 (poor), the noise and its kind
# ("add": Gaussian sd in units, "mul": log-normal sd), and the valid range.
SUPPLIER_MODEL = {
    "on_time_delivery_pct": (99.0, 82.0, 1.1, "add", 0, 100),
    "ppm_defects":          (30.0, 900.0, 0.25, "mul", 0, 1e6),
    "scrap_rate_pct":       (0.5, 4.0, 0.15, "mul", 0, 100),
    "first_pass_yield_pct": (99.4, 90.0, 0.45, "add", 0, 100),
    "cost_of_poor_quality_eur": (1500.0, 32000.0, 0.28, "mul", 0, 1e7),
    "invoice_accuracy_pct": (99.9, 94.0, 0.35, "add", 0, 100),
    "capa_closure_days":    (14.0, 64.0, 4.0, "add", 1, 365),
}
CUSTOMER_MODEL = {
    "on_time_delivery_pct": (99.0, 85.0, 0.9, "add", 0, 100),
    "ppm_defects":          (15.0, 600.0, 0.35, "mul", 0, 1e6),
    "returns_rate_pct":     (0.12, 2.8, 0.25, "mul", 0, 100),
    "csat_score":           (4.8, 3.1, 0.11, "add", 1, 5),
    "nps":                  (70.0, 0.0, 4.5, "add", -100, 100),
    "response_time_days":   (0.8, 6.0, 0.18, "mul", 0, 365),
}

# Seasonal dip of delivery performance (percentage points at badness 0.6) by region
# and month; volume factors by region and month; extra lead-time days.
DELIVERY_DIP = {
    "de": {8: 4.0, 12: 2.5, 1: 1.0}, "it": {8: 6.0, 12: 2.5}, "uk": {8: 2.5, 12: 3.0},
    "nordic": {7: 3.0, 12: 2.0}, "us": {7: 1.5, 11: 1.0, 12: 2.5},
    "cn": {2: 5.0, 10: 1.5}, "pl": {8: 3.0, 12: 2.0},
}
VOLUME = {
    "de": {8: 0.65, 12: 0.8}, "it": {8: 0.5, 12: 0.8}, "uk": {8: 0.8, 12: 0.75},
    "nordic": {7: 0.6, 12: 0.8}, "us": {7: 0.9, 12: 0.85}, "cn": {2: 0.6, 10: 0.85},
    "pl": {8: 0.7, 12: 0.8},
}
LEAD_BASE = {"de": 11.0, "it": 13.0, "uk": 14.0, "nordic": 11.0, "us": 16.0,
             "cn": 20.0, "pl": 12.0}
LEAD_SEASON = {"de": {8: 3.0, 12: 1.5}, "it": {8: 4.0, 12: 1.5}, "uk": {8: 1.5, 12: 2.0},
               "nordic": {7: 3.0, 12: 1.5}, "us": {7: 1.0, 12: 2.0},
               "cn": {2: 7.0, 10: 2.0}, "pl": {8: 2.0, 12: 1.5}}


class P:
    """One partner of the sample and the knobs of its data."""

    def __init__(self, pid, name, ptype, tags, contact, q, trend=0.0, region="de",
                 volume=50000, start=0, survey_phase=2, audit_month=None,
                 overrides=None, troubled=False):
        self.pid, self.name, self.ptype, self.tags, self.contact = pid, name, ptype, tags, contact
        self.q, self.trend, self.region, self.volume = q, trend, region, volume
        self.start, self.survey_phase, self.audit_month = start, survey_phase, audit_month
        self.overrides = overrides
        self.troubled = troubled
        self.events = {}        # kpi -> {period index: (op, x)}

    def event(self, kpi, changes):
        self.events.setdefault(kpi, {}).update(changes)
        return self


def ev(op, pairs):
    """Events from (period string, x) pairs: {index: (op, x)}."""
    out = {}
    for per, x in pairs:
        year, month = int(per[:4]), int(per[5:7])
        out[(year - 2024) * 12 + month - 1] = (op, x)
    return out


def ramp(op, first, last, x0, x1, n=N_SAMPLE):
    """Linear change from x0 at period `first` to x1 at `last`, held afterwards."""
    i0 = (int(first[:4]) - 2024) * 12 + int(first[5:7]) - 1
    i1 = (int(last[:4]) - 2024) * 12 + int(last[5:7]) - 1
    out = {}
    for t in range(i0, n):
        f = min(1.0, (t - i0) / max(1, i1 - i0))
        out[t] = (op, x0 + (x1 - x0) * f)
    return out


def sample_partners():
    S, C = "supplier", "customer"
    ps = [
        P("s01", "Müller Drehteile GmbH", S,
          {"commodity": "Turned parts", "site": "Stuttgart, DE", "segment": "Powertrain"},
          "Thomas Brandt", q=0.04, trend=-0.02, region="de", volume=180000),
        P("s02", "Precision Hydraulics & Fluid Power Components Ltd.", S,
          {"commodity": "Hydraulic valve blocks", "site": "Sheffield, GB", "segment": "Hydraulics"},
          "Oliver Hughes", q=0.22, region="uk", volume=42000, troubled=True),
        P("s03", "Nordström Stål AB", S,
          {"commodity": "Steel strip and plate", "site": "Borlänge, SE", "segment": "Structures"},
          "Karin Nordström", q=0.08, trend=-0.04, region="nordic", volume=65000),
        P("s04", "Officine Meccaniche Bergamasche S.p.A.", S,
          {"commodity": "Machined gear housings", "site": "Bergamo, IT", "segment": "Powertrain"},
          "Giulia Colombo", q=0.28, region="it", volume=24000, troubled=True),
        P("s05", "Great Lakes Fastener Corporation", S,
          {"commodity": "Fasteners", "site": "Cleveland, OH, US", "segment": "Assembly"},
          "Mike Kowalczyk", q=0.26, trend=0.12, region="us", volume=950000),
        P("s06", "Shenzhen Huaxin Electronics Co., Ltd.", S,
          {"commodity": "PCB assemblies", "site": "Shenzhen, CN", "segment": "Electronics"},
          "Li Na", q=0.38, trend=-0.18, region="cn", volume=30000),
        P("s07", "Fonderia Valle Trompia S.r.l.", S,
          {"commodity": "Aluminium die castings", "site": "Brescia, IT", "segment": "Powertrain"},
          "Marco Gatti", q=0.33, region="it", volume=16000, audit_month=5, troubled=True),
        P("s08", "Dansk Elektronik Montage A/S", S,
          {"commodity": "Cable assemblies", "site": "Odense, DK", "segment": "Electronics"},
          "Mette Rasmussen", q=0.03, region="nordic", volume=85000,
          overrides={"ppm_defects": {"target": 100, "weight": 3}}),
        P("s09", 'Gummiwerk "Alpenland" GmbH', S,
          {"commodity": "Rubber seals and gaskets", "site": "Rosenheim, DE", "segment": "Hydraulics"},
          "Sepp Huber", q=0.18, region="de", volume=400000),
        P("s10", "Meyer, Lang & Partner Oberflächentechnik GmbH", S,
          {"commodity": "Surface coating", "site": "Pforzheim, DE", "segment": "Finishing"},
          "Claudia Meyer", q=0.3, trend=-0.12, region="de", volume=120000),
        P("s11", "Järvinen Precision Castings Oy", S,
          {"commodity": "Investment castings", "site": "Tampere, FI", "segment": "Structures"},
          "Mikko Järvinen", q=0.14, region="nordic", volume=9000),
        P("s12", "Ningbo Oriental Precision Casting Co., Ltd.", S,
          {"commodity": "Iron castings", "site": "Ningbo, CN", "segment": "Structures"},
          "Chen Jie", q=0.36, trend=-0.1, region="cn", volume=14000),
        P("s13", "Schäfer & Söhne Federnfabrik KG", S,
          {"commodity": "Springs and wire forms", "site": "Iserlohn, DE", "segment": "Assembly"},
          "Frank Schäfer", q=0.12, region="de", volume=600000),
        P("s14", "Torino Trasmissioni S.p.A.", S,
          {"commodity": "Gears and shafts", "site": "Turin, IT", "segment": "Powertrain"},
          "Luca Ferraro", q=0.2, trend=0.1, region="it", volume=38000),
        P("s15", "Texas Thermal Systems, Inc.", S,
          {"commodity": "Heat exchangers", "site": "Houston, TX, US", "segment": "Thermal"},
          "Sarah Jenkins", q=0.27, region="us", volume=15000),
        P("s16", "Suzhou Jinhai Wire Harness Co., Ltd.", S,
          {"commodity": "Wire harnesses", "site": "Suzhou, CN", "segment": "Electronics"},
          "Zhou Min", q=0.3, region="cn", volume=22000),
        P("s17", "Østfold Aluminium AS", S,
          {"commodity": "Aluminium extrusions", "site": "Sarpsborg, NO", "segment": "Structures"},
          "Ingrid Halvorsen", q=0.06, region="nordic", volume=48000),
        P("s18", "Pacific Northwest Bearings LLC", S,
          {"commodity": "Bearings", "site": "Portland, OR, US", "segment": "Powertrain"},
          "Jason Reed", q=0.18, region="us", volume=70000, start=14),
        P("s19", "Kowalski i Synowie Tłocznia Sp. z o.o.", S,
          {"commodity": "Sheet-metal stampings", "site": "Poznań, PL", "segment": "Structures"},
          "Piotr Kowalski", q=0.24, trend=-0.06, region="pl", volume=210000),

        P("c01", "Nordkap Trucks AB", C,
          {"segment": "Trucks", "site": "Södertälje, SE", "channel": "OEM"},
          "Jonas Eriksson", q=0.08, region="de", volume=160000),
        P("c02", "Isar Fahrzeugbau AG", C,
          {"segment": "Special vehicles", "site": "Munich, DE", "channel": "OEM"},
          "Lena Hoffmann", q=0.14, region="de", volume=90000),
        P("c03", "Lombardia Macchine Agricole S.p.A.", C,
          {"segment": "Agricultural machinery", "site": "Cremona, IT", "channel": "OEM"},
          "Anna Bianchi", q=0.18, region="de", volume=70000, troubled=True),
        P("c04", "Midwest Industrial Supply, Inc.", C,
          {"segment": "Distribution", "site": "Chicago, IL, US", "channel": "Distributor"},
          "Emily Carter", q=0.3, region="de", volume=120000),
        P("c05", "Rheinland Technischer Handel GmbH & Co. KG", C,
          {"segment": "Distribution", "site": "Cologne, DE", "channel": "Distributor"},
          "Lena Hoffmann", q=0.24, trend=-0.08, region="de", volume=100000),
        P("c06", "Hangzhou Greenfield Machinery Co., Ltd.", C,
          {"segment": "Construction machinery", "site": "Hangzhou, CN", "channel": "OEM"},
          "Wei Zhang", q=0.3, trend=-0.12, region="de", volume=55000, survey_phase=1),
        P("c07", "Fjord Marine Propulsion AS", C,
          {"segment": "Marine", "site": "Bergen, NO", "channel": "OEM"},
          "Jonas Eriksson", q=0.03, region="de", volume=20000,
          overrides={"ppm_defects": {"target": 100}}),
        P("c08", "Atlantic Rail Systems Corp.", C,
          {"segment": "Rail", "site": "Pittsburgh, PA, US", "channel": "OEM"},
          "David Novak", q=0.22, trend=0.08, region="de", volume=35000),
    ]
    by = {p.pid: p for p in ps}

    # s02: PPM explodes in spring 2025 (leaking seals), then recovers.
    by["s02"].event("ppm_defects", ev("mul", [
        ("2025-01", 1.5), ("2025-02", 6.0), ("2025-03", 21.0), ("2025-04", 27.0),
        ("2025-05", 14.0), ("2025-06", 5.0), ("2025-07", 2.2), ("2025-08", 1.3)]))
    by["s02"].event("complaints_count", ev("add", [
        ("2025-02", 2), ("2025-03", 5), ("2025-04", 6), ("2025-05", 3),
        ("2025-06", 2), ("2025-07", 1)]))
    by["s02"].event("cost_of_poor_quality_eur", ev("add", [
        ("2025-02", 9000), ("2025-03", 38000), ("2025-04", 61000), ("2025-05", 42000),
        ("2025-06", 18000), ("2025-07", 7000)]))
    by["s02"].event("capa_closure_days", ev("add", [
        ("2025-04", 20), ("2025-05", 35), ("2025-06", 30), ("2025-07", 15)]))

    # s04: delivery collapse from June 2025 (lost second shift), still red in December.
    by["s04"].event("on_time_delivery_pct", ev("add", [
        ("2025-05", -2), ("2025-06", -7), ("2025-07", -13), ("2025-08", -19),
        ("2025-09", -22), ("2025-10", -24), ("2025-11", -21), ("2025-12", -22)]))
    by["s04"].event("otif_pct", ev("add", [
        ("2025-06", -2), ("2025-07", -4), ("2025-08", -6), ("2025-09", -7),
        ("2025-10", -8), ("2025-11", -7), ("2025-12", -7)]))
    by["s04"].event("lead_time_days", ev("add", [
        ("2025-06", 4), ("2025-07", 9), ("2025-08", 14), ("2025-09", 16),
        ("2025-10", 17), ("2025-11", 15), ("2025-12", 15)]))
    by["s04"].event("complaints_count", ev("add", [
        ("2025-07", 1), ("2025-08", 2), ("2025-09", 2), ("2025-10", 3),
        ("2025-11", 2), ("2025-12", 2)]))

    # s07: die-casting quality declines through 2025 (porosity), red at year end.
    by["s07"].event("scrap_rate_pct", ramp("add", "2024-12", "2025-12", 0.0, 3.6))
    by["s07"].event("first_pass_yield_pct", ramp("add", "2024-12", "2025-12", 0.0, -8.5))
    by["s07"].event("cost_of_poor_quality_eur", ramp("add", "2024-12", "2025-12", 0, 34000))
    by["s07"].event("ppm_defects", ramp("mul", "2024-12", "2025-12", 1.0, 3.0))
    by["s07"].event("complaints_count", ramp("add", "2025-02", "2025-12", 0, 3))
    by["s07"].event("audit_findings_count", ev("set", [("2025-05", 6), ("2025-11", 4)]))

    # c03: customer satisfaction falls throughout, NPS negative by Q4 2025.
    by["c03"].event("csat_score", ramp("add", "2024-07", "2025-12", 0.0, -1.65))
    by["c03"].event("nps", ramp("add", "2024-07", "2025-12", 0.0, -68.0))
    by["c03"].event("response_time_days", ramp("add", "2025-01", "2025-12", 0.0, 5.2))
    by["c03"].event("complaints_count", ramp("add", "2025-01", "2025-12", 0, 2.5))

    # Blips that the issues of the sample refer to.
    by["s10"].event("complaints_count", ev("set", [("2024-06", 4)]))
    by["c04"].event("returns_rate_pct", ev("mul", [("2024-11", 5.0)]))
    by["s05"].event("price_variance_pct", ev("add", [
        ("2024-01", 3.1), ("2024-02", 3.0), ("2024-03", 3.0)]))
    by["s06"].event("lead_time_days", ev("add", [("2024-02", 10.0)]))
    by["s09"].event("ppm_defects", ev("mul", [("2024-09", 6.0)]))
    return ps


def sample_issues():
    """The issues of the sample, pinned where the trouble shows in the data."""
    def issue(iid, partner, kpi, period, title, description, severity, status, owner,
              due, action, reference, created, updated, history=None):
        d = {"id": iid, "partner": partner, "kpi": kpi, "period": period, "title": title,
             "description": description, "severity": severity, "status": status,
             "owner": owner, "due": due, "action": action}
        if reference:
            d["reference"] = reference
        d["created"], d["updated"] = created, updated
        if history:
            d["history"] = [{"time": t, "field": f, "old": o, "new": n}
                            for (t, f, o, n) in history]
        return d

    return [
        issue("ISS-0001", "s02", "ppm_defects", "2025-03",
              "Leaking O-ring seals on valve block HV-220",
              "The leak test on our assembly line rejected valve blocks HV-220 from nine "
              "lots received in February and March. The seals are below the specified "
              "Shore hardness; Nordkap Trucks reported two field failures.",
              "critical", "resolved", "Jana Weber", "2025-05-31",
              "Containment: supplier sorts all stock at our plant and leak-tests 100 % "
              "before shipment. Root cause: unapproved change of the O-ring "
              "sub-supplier. Permanent: return to the approved source, hardness check "
              "per incoming lot, PPAP resubmission.",
              "8D-2025-004", "2025-03-04T07:55:00Z", "2025-07-14T15:20:00Z",
              [("2025-03-04T10:30:00Z", "status", "open", "in-progress"),
               ("2025-03-18T09:05:00Z", "severity", "high", "critical"),
               ("2025-04-29T13:10:00Z", "due", "2025-04-30", "2025-05-31"),
               ("2025-07-14T15:20:00Z", "status", "in-progress", "resolved")]),
        issue("ISS-0002", "s02", "cost_of_poor_quality_eur", "2025-04",
              "Recover sorting and line-stop costs for HV-220 leaks",
              "Sorting, rework and two line stops between February and June drove the "
              "cost of poor quality far above the 40 k€ critical limit. The supplier "
              "accepts the sorting costs but disputes its share of the line stops.",
              "high", "in-progress", "Markus Lehmann", "2025-09-30",
              "Debit note DN-2025-0117 issued for sorting and rework; line-stop costs "
              "escalated to the supplier's managing director for the Q4 business review.",
              "8D-2025-004", "2025-04-22T11:02:00Z", "2025-10-08T08:45:00Z",
              [("2025-05-06T09:00:00Z", "status", "open", "in-progress")]),
        issue("ISS-0003", "s04", "on_time_delivery_pct", "2025-08",
              "Delivery performance collapsed after loss of second shift",
              "Since June the supplier runs a single shift on the gear-housing line "
              "after losing machinists to a competitor. On-time delivery is far below "
              "80 % and our assembly had to re-sequence orders twice.",
              "critical", "in-progress", "Paolo Ricci", "2025-11-30",
              "Weekly capacity call; supplier hires six machinists and qualifies a "
              "second machining centre. Dual sourcing of GH-40 with Torino Trasmissioni "
              "started (PPAP due in Q1 2026).",
              "ESC-2025-006", "2025-07-03T14:15:00Z", "2025-12-10T10:00:00Z",
              [("2025-07-15T08:30:00Z", "status", "open", "in-progress"),
               ("2025-09-02T16:45:00Z", "severity", "high", "critical"),
               ("2025-10-01T09:20:00Z", "due", "2025-09-30", "2025-11-30")]),
        issue("ISS-0004", "s04", "otif_pct", "2025-10",
              "Partial shipments of gear housings GH-40",
              "October orders arrived split into up to four partial deliveries; OTIF "
              "fell below 70 %, with extra freight and receiving effort on our side.",
              "high", "open", "Markus Lehmann", "2026-01-31",
              "Supplier confirms complete deliveries five working days ahead; extra "
              "freight is charged back.",
              "", "2025-11-05T13:40:00Z", "2025-11-05T13:40:00Z"),
        issue("ISS-0005", "s07", "scrap_rate_pct", "2025-09",
              "Rising porosity scrap on die-cast housings AH-310",
              "The supplier's scrap rate has risen every month since spring and is now "
              "above 4 %. X-ray inspection shows gas porosity in the sealing face of "
              "housing AH-310.",
              "high", "in-progress", "Paolo Ricci", "2025-12-15",
              "Supplier overhauls the vacuum system of die 3 and requalifies the "
              "process; X-ray sampling raised to 1 part in 50 until three months are "
              "below 2 %.",
              "8D-2025-019", "2025-09-12T09:25:00Z", "2025-11-20T17:05:00Z",
              [("2025-09-19T10:00:00Z", "status", "open", "in-progress"),
               ("2025-11-20T17:05:00Z", "due", "2025-10-31", "2025-12-15")]),
        issue("ISS-0006", "s07", "audit_findings_count", "2025-05",
              "Process audit (VDA 6.3): 6 findings, 1 major",
              "The re-audit of die casting and machining found six findings. The major "
              "one: no reaction plan for vacuum-pressure alarms on the casting cells.",
              "high", "in-progress", "Paolo Ricci", "2025-09-30",
              "Supplier action plan received on 10 June; verification audit to be "
              "scheduled once the vacuum system overhaul is done.",
              "AUD-2025-011", "2025-05-21T15:30:00Z", "2025-06-10T08:15:00Z"),
        issue("ISS-0007", "c03", "csat_score", "2025-06",
              "Survey: responsiveness and technical support rated poor",
              "The Q2 satisfaction survey dropped below 3.5 of 5. Comments cite slow "
              "answers to technical queries and missed call-backs from the service desk.",
              "high", "open", "Anna Bianchi", "2025-09-30",
              "Named application engineer for Lombardia; 48-hour answer commitment "
              "for technical queries; monthly service review with their purchasing.",
              "", "2025-07-08T10:10:00Z", "2025-07-08T10:10:00Z"),
        issue("ISS-0008", "c03", "response_time_days", "2025-09",
              "Technical queries waiting about five days",
              "Average response time to Lombardia's technical queries has climbed to "
              "about five days; 14 tickets have been open for more than two weeks.",
              "medium", "in-progress", "David Novak", "2025-10-31",
              "Ticket triage twice a week; application engineering clears the backlog; "
              "escalation to the head of service after three days.",
              "", "2025-09-10T12:00:00Z", "2025-10-20T09:35:00Z",
              [("2025-10-20T09:35:00Z", "status", "open", "in-progress")]),
        issue("ISS-0009", "c03", "nps", "2025-12",
              "NPS turned negative – executive review requested",
              "The Q4 relationship survey gives a negative Net Promoter Score. The "
              "customer's purchasing director asked for an executive review before the "
              "2026 frame contract is signed.",
              "critical", "open", "Anna Bianchi", "2026-01-31",
              "Executive meeting in January; recovery plan covering service, delivery "
              "and complaint handling to be presented there.",
              "", "2025-12-18T16:20:00Z", "2025-12-18T16:20:00Z"),
        issue("ISS-0010", "c04", "returns_rate_pct", "2024-11",
              "Returned cartons with wrong labels",
              "Midwest Industrial Supply returned 38 cartons whose outer labels showed a "
              "neighbouring part number; mix-up at our packing station 4.",
              "medium", "closed", "Thomas Klein", "2024-12-20",
              "Label scan with poka-yoke check at packing; packing staff retrained.",
              "8D-2024-031", "2024-11-14T08:05:00Z", "2025-01-09T11:30:00Z",
              [("2024-11-15T09:00:00Z", "status", "open", "in-progress"),
               ("2024-12-02T14:20:00Z", "status", "in-progress", "resolved"),
               ("2025-01-09T11:30:00Z", "status", "resolved", "closed")]),
        issue("ISS-0011", "s05", "price_variance_pct", "2024-01",
              "Alloy surcharge added to fastener prices without notice",
              "January invoices carry a 3 % alloy surcharge that the frame contract "
              "does not provide for.",
              "medium", "resolved", "Ryan Mitchell", "2024-03-31",
              "Surcharge replaced by an index-based clause from April; credit note for "
              "the first quarter received.",
              "", "2024-02-06T15:45:00Z", "2024-04-15T10:05:00Z"),
        issue("ISS-0012", "s06", "lead_time_days", "2024-02",
              "Extended Chinese New Year shutdown",
              "The supplier closed for three weeks instead of two; lead time for PCB "
              "assemblies rose above 40 days.",
              "low", "closed", "Wei Zhang", "2024-03-15",
              "Four weeks of safety stock built ahead of Chinese New Year 2025; shutdown "
              "calendar agreed every October.",
              "", "2024-02-20T03:30:00Z", "2024-03-12T06:50:00Z"),
        issue("ISS-0013", "s10", "complaints_count", "2024-06",
              "Zinc-nickel coating too thin on brackets BR-12",
              "Four complaints in June: coating thickness below specification, salt "
              "spray test failed after 480 hours.",
              "low", "closed", "Jana Weber", "2024-07-31",
              "Bath chemistry checked daily instead of weekly; layer thickness measured "
              "on every lot.",
              "8D-2024-018", "2024-06-12T07:20:00Z", "2024-08-05T13:00:00Z"),
        issue("ISS-0014", "s09", "ppm_defects", "2024-09",
              "Seal hardness out of tolerance, lot 24-0917",
              "One lot of NBR seals measured 78 Shore A against 70 ± 5; parts sorted "
              "at incoming inspection.",
              "medium", "closed", "Jana Weber", "2024-10-31",
              "Supplier tightened the vulcanisation time control and added a hardness "
              "test per batch to the outgoing inspection.",
              "8D-2024-025", "2024-09-24T09:40:00Z", "2024-11-04T10:15:00Z"),
        issue("ISS-0015", "s18", None, "2025-03",
              "Onboarding: PPAP level 3 for deep-groove bearing BRG-6204",
              "New supplier since March 2025. First-article inspection and PPAP "
              "documents are needed before series release.",
              "medium", "resolved", "Ryan Mitchell", "2025-04-30",
              "PPAP approved on 28 April; enhanced incoming inspection for the first "
              "six months.",
              "", "2025-03-03T14:00:00Z", "2025-04-28T16:30:00Z",
              [("2025-04-28T16:30:00Z", "status", "in-progress", "resolved")]),
    ]


class SampleGen:
    """Generates the series of one partner of the sample."""

    def __init__(self, p, rng, n, protected):
        self.p, self.rng, self.n, self.protected = p, rng, n, protected
        self.model = SUPPLIER_MODEL if p.ptype == "supplier" else CUSTOMER_MODEL
        # badness over time: level + trend, the base of every KPI
        self.bad = [clamp(p.q + p.trend * t / (n - 1), 0.0, 1.3) for t in range(n)]

    def apply(self, kpi, t, v):
        e = self.p.events.get(kpi, {}).get(t)
        if e is None:
            return v
        op, x = e
        return v * x if op == "mul" else v + x if op == "add" else x

    def modelled(self, kpi, season=None, outliers=True):
        """Values from the model table: level, trend, season, noise, events, outliers."""
        good, bad, sd, kind, lo, hi = self.model[kpi]
        rng, jitter = self.rng, self.rng.gauss(0.0, 0.03)
        lower = CAT[kpi][4] == "lower"
        out = []
        for t in range(self.n):
            b = max(0.0, self.bad[t] + jitter)
            level = good + (bad - good) * b
            s = season(t, b) if season else (1.0 if kind == "mul" else 0.0)
            if kind == "mul":
                v = level * s * math.exp(rng.gauss(0.0, sd))
            else:
                v = level + s + rng.gauss(0.0, sd)
            if outliers and rng.random() < 0.006:       # a rare bad month
                worse = 1 if lower else -1
                v = v * (2.3 if lower else 0.8) if kind == "mul" else v + worse * 5 * sd
            v = self.apply(kpi, t, v)
            out.append(clamp(v, lo, hi))
        return out

    def delivery_dip(self, t, b):
        region = "de" if self.p.ptype == "customer" else self.p.region
        return -DELIVERY_DIP[region].get(month_of(t), 0.0) * (0.4 + b) / 0.6

    def volumes(self):
        region = self.p.region if self.p.ptype == "supplier" else "de"
        out = []
        for t in range(self.n):
            f = VOLUME[region].get(month_of(t), 1.0) * self.rng.uniform(0.85, 1.15)
            out.append(int(round(self.p.volume * f)))
        return out

    def counts(self, kpi, lam_good, lam_bad):
        out = []
        for t in range(self.n):
            lam = lam_good + (lam_bad - lam_good) * self.bad[t]
            e = self.p.events.get(kpi, {}).get(t)
            if e and e[0] == "add":
                lam += e[1]
            k = poisson(self.rng, lam)
            if e and e[0] == "set":
                k = e[1]
            out.append(k)
        return out

    def generate(self):
        p, n, rng = self.p, self.n, self.rng
        vals, ratio = {}, {}
        otd = self.modelled("on_time_delivery_pct", self.delivery_dip)
        vals["on_time_delivery_pct"] = otd
        otif = []
        for t in range(n):
            gap = 1.2 + 5.0 * self.bad[t] + abs(rng.gauss(0.0, 1.0))
            otif.append(clamp(self.apply("otif_pct", t, otd[t] - gap), 0.0, otd[t]))
        vals["otif_pct"] = otif

        # PPM as defects / delivered parts: the rate comes from the model table.
        rate = self.modelled("ppm_defects")
        den = self.volumes()
        num = [poisson(self.rng, rate[t] * den[t] / 1e6) for t in range(n)]
        ratio["ppm_defects"] = (num, den)
        vals["ppm_defects"] = [num[t] / den[t] * 1e6 for t in range(n)]

        if p.ptype == "supplier":
            self.supplier_kpis(vals)
        else:
            self.customer_kpis(vals)
        return vals, ratio

    def supplier_kpis(self, vals):
        p, n, rng = self.p, self.n, self.rng
        vals["scrap_rate_pct"] = self.modelled(
            "scrap_rate_pct", lambda t, b: 1.18 if month_of(t) == 1 else 1.0)
        vals["first_pass_yield_pct"] = self.modelled("first_pass_yield_pct")
        copq = self.modelled("cost_of_poor_quality_eur")
        vals["cost_of_poor_quality_eur"] = copq
        vals["rework_cost_eur"] = [c * rng.uniform(0.22, 0.36) for c in copq]
        complaints = self.counts("complaints_count", 0.08, 4.0)
        vals["complaints_count"] = complaints
        audit_month = p.audit_month or 1 + rng.randrange(6)
        audits = []
        for t in range(n):
            m = month_of(t)
            if (m - audit_month) % 6 == 0:
                e = p.events.get("audit_findings_count", {}).get(t)
                audits.append(e[1] if e else poisson(rng, 0.3 + 3.0 * self.bad[t]))
            else:
                audits.append(None)
        vals["audit_findings_count"] = audits
        base = LEAD_BASE[p.region] + 10.0 * p.q
        lead = []
        for t in range(n):
            v = base + 9.0 * (self.bad[t] - p.q) + LEAD_SEASON[p.region].get(month_of(t), 0.0)
            v = self.apply("lead_time_days", t, v + rng.gauss(0.0, 0.9))
            lead.append(clamp(v, 1.0, 180.0))
        vals["lead_time_days"] = lead
        capa = self.modelled("capa_closure_days")
        for t in range(n):
            recent = complaints[t] + (complaints[t - 1] if t else 0)
            if recent == 0 and rng.random() < 0.55:
                capa[t] = None          # nothing closed this month
        vals["capa_closure_days"] = capa
        # price variance moves in yearly steps (annual negotiations) plus noise
        years = {}
        pv = []
        for t in range(n):
            y = t // 12
            if y not in years:
                years[y] = -0.6 + 3.2 * self.bad[t] + rng.gauss(0.0, 0.5)
            pv.append(self.apply("price_variance_pct", t, years[y] + rng.gauss(0.0, 0.2)))
        vals["price_variance_pct"] = pv
        vals["invoice_accuracy_pct"] = self.modelled("invoice_accuracy_pct")

    def customer_kpis(self, vals):
        p, n = self.p, self.n
        vals["returns_rate_pct"] = self.modelled("returns_rate_pct")
        vals["complaints_count"] = self.counts("complaints_count", 0.1, 4.0)
        for kpi in ("csat_score", "nps"):
            v = self.modelled(kpi, outliers=False)
            vals[kpi] = [v[t] if t % 3 == p.survey_phase else None for t in range(n)]
        vals["response_time_days"] = self.modelled("response_time_days")

    def blank(self, vals, ratio):
        """Missing data: before the partner started, a lost month, random holes."""
        p, n, rng = self.p, self.n, self.rng
        lost = None
        if not p.troubled and rng.random() < 0.3:
            lost = p.start + rng.randrange(n - p.start - 3)
        kpis = SUPPLIER_KPIS if p.ptype == "supplier" else CUSTOMER_KPIS
        for kpi in kpis:
            holes = rng.random() < 0.35         # only some series have random holes
            for t in range(n):
                drop = t < p.start or t == lost or (holes and rng.random() < 0.04)
                if t >= p.start and ((p.pid, kpi, t) in self.protected
                                     or t in p.events.get(kpi, {})):
                    drop = False
                if drop:
                    vals[kpi][t] = None
                    if kpi in ratio:
                        ratio[kpi][0][t] = None
                        ratio[kpi][1][t] = None


def period_index(per):
    return (int(per[:4]) - 2024) * 12 + int(per[5:7]) - 1


def gen_sample(seed):
    n = N_SAMPLE
    partners = sample_partners()
    issues = sample_issues()
    protected = set()
    for iss in issues:
        if iss["kpi"] is not None:
            protected.add((iss["partner"], iss["kpi"], period_index(iss["period"])))

    out_partners, series = [], []
    for index, p in enumerate(partners):
        rng = random.Random(seed * 1000003 + index * 7919 + 17)
        g = SampleGen(p, rng, n, protected)
        vals, ratio = g.generate()
        g.blank(vals, ratio)
        entry = {"id": p.pid, "name": p.name, "type": p.ptype, "tags": p.tags,
                 "contact": p.contact}
        if p.overrides:
            entry["overrides"] = p.overrides
        out_partners.append(entry)
        kpis = SUPPLIER_KPIS if p.ptype == "supplier" else CUSTOMER_KPIS
        for kpi in [k[0] for k in CATALOGUE if k[0] in kpis]:
            dec = CAT[kpi][10]
            s = {"partner": p.pid, "kpi": kpi, "first": period_name(0),
                 "values": [rounded(v, dec) for v in vals[kpi]]}
            if kpi in ratio:
                s["numerator"] = list(ratio[kpi][0])
                s["denominator"] = list(ratio[kpi][1])
            series.append(s)

    # every issue must point at a value the app can show
    lookup = {(s["partner"], s["kpi"]): s["values"] for s in series}
    for iss in issues:
        if iss["kpi"] is not None:
            v = lookup[(iss["partner"], iss["kpi"])][period_index(iss["period"])]
            assert v is not None, iss["id"]

    notes = (
        "Fictitious demonstration data generated by tools/sc-gen.py (seed %d); every "
        "company and person is invented.\n"
        "Supplier KPIs come from incoming inspection, purchasing and accounts payable; "
        "PPM is defective parts per million received parts (numerator and denominator "
        "are stored). Audit findings are recorded only in months with an audit, and "
        "corrective-action closure time only in months in which a CAPA was closed.\n"
        "Customer KPIs measure our own performance towards the customer: delivery from "
        "our shipping data, PPM and returns from the customers' scorecards, CSAT and "
        "NPS from the quarterly survey (one value per quarter).\n"
        "Pacific Northwest Bearings LLC is a new supplier since March 2025.\n"
        "Watch list for the 2025 reviews: Precision Hydraulics (PPM, 8D-2025-004), "
        "Officine Meccaniche Bergamasche (delivery), Fonderia Valle Trompia (scrap and "
        "cost of poor quality), Lombardia Macchine Agricole (satisfaction)." % seed)
    settings = default_settings("Contoso Manufacturing GmbH",
                                "Confidential – for the named partner only", notes)
    return workbook(n, settings, out_partners, series, issues,
                    "%s sample --seed %d" % (GENERATOR, seed))


# ============================================================================
# Benchmark data: long CSV, wide CSV and the same data as a workbook
# ============================================================================

# The twelve KPIs of shared/anchors/gen_long_csv.py, in its order:
# id, base, spread, lo, hi, decimals, seasonal dip (months -> share of spread)
BENCH_KPIS = [
    ("on_time_delivery_pct", 95, 3, 50, 100, 1, {8: -0.9, 12: -0.5}),
    ("otif_pct", 92, 4, 40, 100, 1, {8: -0.9, 12: -0.5}),
    ("ppm_defects", 250, 200, 0, 20000, 0, {1: 0.3}),
    ("scrap_rate_pct", 1.5, 0.8, 0, 30, 2, {1: 0.3}),
    ("cost_of_poor_quality_eur", 12000, 8000, 0, 1e7, 2, {}),
    ("rework_cost_eur", 4000, 3000, 0, 1e6, 2, {}),
    ("complaints_count", 2, 2, 0, 100, 0, {}),
    ("returns_rate_pct", 0.8, 0.5, 0, 50, 2, {1: 0.2}),
    ("audit_findings_count", 1, 1.2, 0, 50, 0, {}),
    ("csat_score", 4.1, 0.4, 1, 5, 1, {}),
    ("response_time_days", 3, 1.5, 0, 60, 1, {8: 0.5, 12: 0.4}),
    ("lead_time_days", 21, 6, 1, 180, 1, {8: 0.6, 12: 0.3}),
]
BENCH_IDS = [k[0] for k in BENCH_KPIS]
# +1: a higher value is worse for this KPI (partner offsets lean that way)
BENCH_WORSE = [-1, -1, 1, 1, 1, 1, 1, 1, 1, -1, 1, 1]

NAME_PREFIX = ["Acme", "Nordic", "Müller", "Schäfer", "Rhein", "Alpine", "Pacific", "Delta",
               "Orion", "Vega", "Summit", "Keystone", "Granite", "Harbor", "Zenith", "Apex",
               "Falcon", "Meridian", "Atlas", "Beacon", "Østergaard", "Järvinen", "Lombardi",
               "Huaxin", "Brückner", "Sørensen", "Donau", "Baltic", "Sierra", "Lakeside",
               "Weiß", "Ferraro", "Kowalski", "Čapek", "Great Lakes", "Fjord", "Bodensee",
               "Jinhai", "Ålesund", "Gdańsk"]
NAME_KIND = ["Metals", "Plastics", "Castings", "Electronics", "Logistics", "Drehteile",
             "Components", "Präzisionstechnik", "Hydraulics", "Fasteners", "Stanztechnik",
             "Motors", "Gummiwerk", "Packaging", "Coatings", "Bearings", "Forgings",
             "Wire Harness", "Sensors", "Tooling"]
NAME_FORM = ["GmbH", "AB", "Ltd.", "Inc.", "S.A.", "GmbH & Co. KG", "S.p.A.", "Co., Ltd.",
             "Oy", "B.V.", "A/S", "LLC", "s.r.o.", "Sp. z o.o."]
SEGMENTS = ["Powertrain", "Structures", "Electronics", "Hydraulics", "Assembly", "Thermal"]


def bench_names(n, rng):
    """n unique partner names; some with commas, quotes and non-ASCII letters."""
    combos = [(a, b, c) for a in NAME_PREFIX for b in NAME_KIND for c in NAME_FORM]
    rng.shuffle(combos)
    names, seen = [], set()
    for i in range(n):
        a, b, c = combos[i % len(combos)]
        r = rng.random()
        if r < 0.05:
            name = '%s "%s" %s' % (a, b, c)
        elif r < 0.10:
            name = "%s, %s & Sons %s" % (a, rng.choice(NAME_PREFIX), c)
        else:
            name = "%s %s %s" % (a, b, c)
        base, k = name, 2
        while name in seen:
            name = "%s – Werk %d" % (base, k)
            k += 1
        seen.add(name)
        names.append(name)
    return names


def bench_partners(n_partners, n_periods, seed):
    """Yield (name, type, columns) per partner; columns[j][t] is KPI j at period t.

    Values follow gen_long_csv.py: a base, a per-partner offset and drift, noise, a
    mild wave and a seasonal dip, clamped and rounded to the anchor's decimals.
    """
    rng = random.Random(seed)
    names = bench_names(n_partners, rng)
    gauss, uniform = rng.gauss, rng.uniform
    months = [month_of(t) for t in range(n_periods)]
    wave = [0.2 * math.sin(t / 2.0) for t in range(n_periods)]
    frac = [t / max(1, n_periods) for t in range(n_periods)]
    for i, name in enumerate(names):
        ptype = "customer" if i % 5 == 4 else "supplier"
        quality = rng.random() ** 1.5          # 0 = excellent .. 1 = poor
        cols = []
        for j, (kid, base, spread, lo, hi, dec, season) in enumerate(BENCH_KPIS):
            level = base + BENCH_WORSE[j] * spread * (quality - 0.35) + gauss(0, spread * 0.2)
            drift = uniform(-1.0, 1.0) * spread
            sd = spread / 3.0
            col = []
            for t in range(n_periods):
                v = (level + drift * frac[t] + gauss(0.0, sd)
                     + spread * (wave[t] + season.get(months[t], 0.0)))
                v = lo if v < lo else hi if v > hi else v
                col.append(int(round(v)) if dec == 0 else round(v, dec) + 0.0)
            cols.append(col)
        yield name, ptype, cols


def missing_mask(n_partners, n_periods, seed, fraction):
    """Random holes, drawn from their own generator so values stay the same."""
    if fraction <= 0:
        return None
    rng = random.Random(seed * 7 + 123457)
    rnd = rng.random
    return [[[rnd() < fraction for _ in range(n_periods)] for _ in BENCH_KPIS]
            for _ in range(n_partners)]


def write_long(a):
    periods = [period_name(t) for t in range(a.periods)]
    mask = missing_mask(a.partners, a.periods, a.seed, a.missing)
    with open(a.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["partner", "partner_type", "kpi", "period", "value"])
        for i, (name, ptype, cols) in enumerate(bench_partners(a.partners, a.periods, a.seed)):
            for j, kid in enumerate(BENCH_IDS):
                col = cols[j]
                if mask is None:
                    w.writerows([(name, ptype, kid, periods[t], col[t])
                                 for t in range(a.periods)])
                else:
                    m = mask[i][j]
                    w.writerows([(name, ptype, kid, periods[t], col[t])
                                 for t in range(a.periods) if not m[t]])


def write_wide(a):
    periods = [period_name(t) for t in range(a.periods)]
    mask = missing_mask(a.partners, a.periods, a.seed, a.missing)
    nk = len(BENCH_IDS)
    with open(a.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["partner", "partner_type", "period"] + BENCH_IDS)
        for i, (name, ptype, cols) in enumerate(bench_partners(a.partners, a.periods, a.seed)):
            for t in range(a.periods):
                row = [name, ptype, periods[t]]
                if mask is None:
                    row.extend(cols[j][t] for j in range(nk))
                else:
                    row.extend("" if mask[i][j][t] else cols[j][t] for j in range(nk))
                w.writerow(row)


BENCH_ISSUE_TITLES = {
    "on_time_delivery_pct": "Late deliveries",
    "otif_pct": "Incomplete deliveries",
    "ppm_defects": "Defective parts above PPM limit",
    "scrap_rate_pct": "Scrap rate above limit",
    "cost_of_poor_quality_eur": "High cost of poor quality",
    "rework_cost_eur": "Rework costs rising",
    "complaints_count": "Repeated complaints",
    "returns_rate_pct": "Returns above limit",
    "audit_findings_count": "Open audit findings",
    "csat_score": "Low satisfaction score",
    "response_time_days": "Slow responses",
    "lead_time_days": "Lead time too long",
}
OWNERS = ["Jana Weber", "Markus Lehmann", "Paolo Ricci", "Anna Bianchi", "Wei Zhang",
          "Ryan Mitchell", "Sofia Lindqvist", "Thomas Klein"]


def bench_issue(rng, number, pid, name, kid, t, n_periods):
    severity = rng.choice(["low", "medium", "medium", "high", "high", "critical"])
    status = rng.choice(["open", "open", "in-progress", "in-progress", "resolved", "closed"])
    day = 1 + rng.randrange(27)
    year, month = 2024 + t // 12, month_of(t)
    created = "%04d-%02d-%02dT%02d:%02d:00Z" % (year, month, day, 7 + rng.randrange(10),
                                               rng.randrange(60))
    ty, tm = (t + 2) // 12 + 2024, month_of(t + 2)
    due = "%04d-%02d-%02d" % (ty, tm, min(28, day))
    ref = "8D-%04d-%03d" % (year, number % 1000)
    iss = {"id": "ISS-%05d" % number, "partner": pid, "kpi": kid, "period": period_name(t),
           "title": BENCH_ISSUE_TITLES[kid], "description": "Flagged in the review of %s: "
           "%s." % (name, CAT[kid][1].lower() if kid in CAT else kid),
           "severity": severity, "status": status, "owner": rng.choice(OWNERS),
           "due": due, "action": "Supplier to send an 8D report and a containment plan.",
           "reference": ref, "created": created, "updated": created}
    if status != "open":
        iss["history"] = [{"time": created, "field": "status", "old": "open",
                           "new": status}]
    return iss


def write_book(a):
    width = max(4, len(str(a.partners)))
    mask = missing_mask(a.partners, a.periods, a.seed, a.missing)
    extra = random.Random(a.seed * 7 + 987651)      # tags and issues only
    partners, series, issues = [], [], []
    for i, (name, ptype, cols) in enumerate(bench_partners(a.partners, a.periods, a.seed)):
        pid = "p%0*d" % (width, i + 1)
        partners.append({"id": pid, "name": name, "type": ptype,
                         "tags": {"segment": extra.choice(SEGMENTS)},
                         "contact": extra.choice(OWNERS)})
        for j, kid in enumerate(BENCH_IDS):
            col = cols[j]
            if mask is not None:
                col = [None if mask[i][j][t] else col[t] for t in range(a.periods)]
            series.append({"partner": pid, "kpi": kid, "first": period_name(0),
                           "values": col})
        if i % 10 == 3:
            j = extra.randrange(len(BENCH_IDS))
            t = extra.randrange(a.periods)
            issues.append(bench_issue(extra, len(issues) + 1, pid, name, BENCH_IDS[j], t,
                                      a.periods))
    notes = ("Benchmark workbook generated by %s book --partners %d --periods %d --seed %d: "
             "the values of the long and wide CSV files of the same arguments."
             % (GENERATOR, a.partners, a.periods, a.seed))
    settings = default_settings("Benchmark Industries AG", "Internal", notes)
    book = workbook(a.periods, settings, partners, series, issues,
                    "%s book --partners %d --periods %d --seed %d"
                    % (GENERATOR, a.partners, a.periods, a.seed))
    write_workbook(a.out, book)


# ============================================================================
# Command line
# ============================================================================

TX_WORDS = ["Acme", "Nordic", "Müller", "Schäfer", "Rhein", "Alpine", "Pacific", "Delta",
            "Orion", "Vega", "Summit", "Keystone", "Granite", "Harbor", "Zenith", "Apex"]
TX_KINDS = ["Metals", "Plastics", "Castings", "Electronics", "Logistics", "Drehteile"]
TX_FORMS = ["GmbH", "AB", "Ltd", "Inc.", "S.A.", "KG", "S.p.A."]


def write_transactions(a):
    """Order lines of a.suppliers suppliers over two years: each supplier has its
    own share of late lines and its own defect rate."""
    import datetime
    rng = random.Random(a.seed)
    suppliers = []
    for i in range(a.suppliers):
        name = "%s %s %s #%d" % (rng.choice(TX_WORDS), rng.choice(TX_KINDS), rng.choice(TX_FORMS), i)
        suppliers.append((name, rng.uniform(0.02, 0.3), rng.uniform(0.0002, 0.01)))
    start = datetime.date(2024, 1, 1)
    with open(a.out, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["po_line", "supplier", "order_date", "due_date", "delivery_date", "quantity",
                      "defective", "unit_price", "amount", "status"])
        for i in range(a.rows):
            name, late, quality = suppliers[rng.randrange(len(suppliers))]
            order = start + datetime.timedelta(days=rng.randrange(731))
            due = order + datetime.timedelta(days=rng.randint(7, 45))
            quantity = rng.randint(1, 5000)
            price = round(rng.uniform(0.5, 250.0), 2)
            if rng.random() < 0.03:
                delivered, status, defective = "", "Open", 0
            else:
                slip = rng.randint(1, 20) if rng.random() < late else -rng.randint(0, 5)
                delivered = (due + datetime.timedelta(days=slip)).isoformat()
                status = "Delivered"
                defective = rng.randint(0, quantity // 50 + 1) if rng.random() < quality * 60 else 0
            out.writerow(["PO%07d-%d" % (i // 4, i % 4 + 1), name, order.isoformat(), due.isoformat(),
                          delivered, quantity, defective, "%.2f" % price, "%.2f" % (quantity * price),
                          status])


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="sc-gen.py", description=__doc__.split("\n\n")[0],
        epilog="Same arguments, same bytes. See docs/sample-data.md.")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    sp = sub.add_parser("sample", help="write the demonstration workbook",
                        description="Write the sample workbook (2024-01..2025-12).")
    sp.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    sp.add_argument("out", metavar="OUT.scorecard")

    for cmd, what, ext in (("long", "long CSV: one row per value", "csv"),
                           ("wide", "wide CSV: one column per KPI", "csv"),
                           ("book", "the same data as a large workbook", "scorecard")):
        bp = sub.add_parser(cmd, help=what, description="Benchmark data, " + what + ".")
        bp.add_argument("--partners", type=int, required=True, help="number of partners")
        bp.add_argument("--periods", type=int, required=True,
                        help="number of months from 2024-01 (1..1200)")
        bp.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        bp.add_argument("--missing", type=float, default=0.0, metavar="F",
                        help="fraction of values left out (default 0: none)")
        bp.add_argument("out", metavar="OUT." + ext)

    tp = sub.add_parser("transactions", help="purchase-order lines for recipes",
                        description="Purchase-order lines, one row per line.")
    tp.add_argument("--rows", type=int, default=1000000, help="number of lines (default 1,000,000)")
    tp.add_argument("--suppliers", type=int, default=500, help="number of suppliers (default 500)")
    tp.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    tp.add_argument("out", metavar="OUT.csv")

    a = ap.parse_args(argv)
    if a.command == "transactions":
        write_transactions(a)
        return 0
    if a.command != "sample":
        if a.partners < 1:
            ap.error("--partners must be at least 1")
        if not 1 <= a.periods <= 1200:
            ap.error("--periods must be between 1 and 1200")
        if not 0.0 <= a.missing < 1.0:
            ap.error("--missing must be in [0, 1)")
    if a.command == "sample":
        write_workbook(a.out, gen_sample(a.seed))
    elif a.command == "long":
        write_long(a)
    elif a.command == "wide":
        write_wide(a)
    else:
        write_book(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
