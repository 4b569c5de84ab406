#!/usr/bin/env python3
# recipe-checksums.py - the checksums of shared/anchors/pandas_kpis.py, from a workbook
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Print the number of partner × period groups and the sum of each KPI's values
in BOOK.scorecard, in the form pandas_kpis.py and datatable_kpis.R print, so that
the recipe benchmark can check Scorecards computed the same values.

Usage: recipe-checksums.py BOOK.scorecard [KPI…]
(default KPIs: on_time_delivery_pct ppm_defects lead_time_days spend)"""
import json
import math
import sys

book = json.load(open(sys.argv[1], encoding="utf-8"))
kpis = sys.argv[2:] or ["on_time_delivery_pct", "ppm_defects", "lead_time_days", "spend"]
sums = {k: 0.0 for k in kpis}
groups = set()
for s in book["series"]:
    if s["kpi"] not in sums:
        continue
    rows = s["parts"][0] if "parts" in s else [None] * len(s["values"])
    for i, (v, n) in enumerate(zip(s["values"], rows)):
        if n is not None and n > 0:
            groups.add((s["partner"], i))
        if v is not None and not math.isnan(v):
            sums[s["kpi"]] += v
print(len(groups), " ".join(f"{k}={sums[k]:.6g}" for k in kpis))
