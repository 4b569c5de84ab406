#!/usr/bin/env python3
# sc-check.py - check a .scorecard workbook against docs/file-format.md (versions 1 and 2)
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check .scorecard workbooks against the file format (versions 1 and 2), and show statuses.

Usage:
  sc-check.py BOOK.scorecard...                 validate; exit 1 on the first bad file
  sc-check.py --status [--period P] BOOK        also print, per partner, the green/amber/red
                                                count in period P (default: the last one)
                                                and every red value of the workbook
  sc-check.py --red-only --status BOOK          only partners with red values

The status rule is the one of docs/file-format.md: at or better than the target is
green, worse than the warning threshold is red, amber in between (per-partner target
overrides apply). The score is 100 at the target, 0 at the critical threshold and
linear in between; a KPI without a target (null, version 2) is not scored; the overall
score is the weighted mean over KPIs with data and a target. This is
a quick cross-check for the sample data, not the application's scoring
(docs/scoring.md is authoritative). Python 3 standard library only.
"""

import argparse
import json
import re
import sys

PERIOD_RE = {"month": re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"),
             "quarter": re.compile(r"^(\d{4})-Q([1-4])$"),
             "week": re.compile(r"^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$")}
DATE_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


class Bad(Exception):
    pass


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def period_ordinal(gran, s):
    m = PERIOD_RE[gran].match(s) if isinstance(s, str) else None
    if not m:
        raise Bad("bad %s period %r" % (gran, s))
    y, n = int(m.group(1)), int(m.group(2))
    return y * {"month": 12, "quarter": 4, "week": 53}[gran] + n - 1


def need(cond, where, msg):
    if not cond:
        raise Bad("%s: %s" % (where, msg))


def check_kpi(i, k, ids):
    w = "kpis[%d]" % i
    need(isinstance(k, dict), w, "expected an object")
    need(isinstance(k.get("id"), str) and k["id"], w + ".id", "expected a string")
    need(k["id"] not in ids, w + ".id", "duplicate KPI id %r" % k["id"])
    need(isinstance(k.get("name"), str), w + ".name", "expected a string")
    version = k.get("_version", 1)
    for f in ("target", "warning", "critical"):
        need(f in k, "%s.%s" % (w, f), "is missing")
        need(is_num(k[f]) or (k[f] is None and version >= 2), "%s.%s" % (w, f),
             "expected a number" + (" or null" if version >= 2 else ""))
    d = k.get("direction", "higher")
    need(d in ("higher", "lower", "band"), w + ".direction", "bad value %r" % d)
    tm = k.get("target_max")
    need(tm is None or is_num(tm), w + ".target_max", "expected a number or null")
    set_ = [k[f] for f in ("target", "warning", "critical") if k[f] is not None]
    if d == "band":
        need(is_num(tm) or k["target"] is None, w + ".target_max", "required for band")
    elif d == "higher":
        need(set_ == sorted(set_, reverse=True), w, "thresholds out of order")
    else:
        need(set_ == sorted(set_), w, "thresholds out of order")
    need(k.get("aggregation", "mean") in ("mean", "sum", "last", "ratio"),
         w + ".aggregation", "bad value")
    need(is_num(k.get("weight", 1)) and k.get("weight", 1) >= 0, w + ".weight", "bad weight")
    need(is_num(k.get("ratio_scale", 1)), w + ".ratio_scale", "expected a number")
    dec = k.get("decimals", 1)
    need(isinstance(dec, int) and 0 <= dec <= 6, w + ".decimals", "expected 0..6")
    for f in ("description", "unit", "category"):
        need(isinstance(k.get(f, ""), str), "%s.%s" % (w, f), "expected a string")
    ids[k["id"]] = k


def check_partner(i, p, ids, kpis):
    w = "partners[%d]" % i
    need(isinstance(p, dict), w, "expected an object")
    need(isinstance(p.get("id"), str) and p["id"], w + ".id", "expected a string")
    need(p["id"] not in ids, w + ".id", "duplicate partner id %r" % p["id"])
    need(isinstance(p.get("name"), str) and p["name"], w + ".name", "expected a string")
    need(p.get("type", "supplier") in ("supplier", "customer"), w + ".type", "bad value")
    tags = p.get("tags", {})
    need(isinstance(tags, dict) and all(isinstance(v, str) for v in tags.values()),
         w + ".tags", "expected an object of strings")
    need(isinstance(p.get("contact", ""), str), w + ".contact", "expected a string")
    for kid, o in p.get("overrides", {}).items():
        need(kid in kpis, w + ".overrides", "unknown KPI %r" % kid)
        need(isinstance(o, dict) and set(o) <= {"target", "weight"}
             and all(is_num(v) for v in o.values()), w + ".overrides." + kid, "bad override")
    ids[p["id"]] = p


def check_series(i, s, book, pairs):
    w = "series[%d]" % i
    need(isinstance(s, dict), w, "expected an object")
    need(s.get("partner") in book["_partners"], w, "unknown partner %r" % s.get("partner"))
    need(s.get("kpi") in book["_kpis"], w, "unknown KPI %r" % s.get("kpi"))
    key = (s["partner"], s["kpi"])
    need(key not in pairs, w, "second series for %s × %s" % key)
    pairs.add(key)
    vals = s.get("values")
    need(isinstance(vals, list), w + ".values", "expected an array")
    need(all(v is None or is_num(v) for v in vals), w + ".values", "number or null only")
    gran = book.get("granularity", "month")
    off = 0
    if "first" in s:
        need(book["_first"] is not None, w + ".first", "workbook has no first_period")
        off = period_ordinal(gran, s["first"]) - book["_first"]
    need(off >= 0 and off + len(vals) <= book.get("n_periods", 0), w,
         "values outside the workbook range")
    for f in ("numerator", "denominator"):
        if f in s:
            a = s[f]
            need(isinstance(a, list) and len(a) == len(vals), "%s.%s" % (w, f),
                 "expected an array as long as values")
            need(all(v is None or is_num(v) for v in a), "%s.%s" % (w, f), "number or null")
    if "numerator" in s and "denominator" in s:
        scale = book["_kpis"][s["kpi"]].get("ratio_scale", 1)
        dec = book["_kpis"][s["kpi"]].get("decimals", 1)
        for t, (v, n, d) in enumerate(zip(vals, s["numerator"], s["denominator"])):
            if v is not None and n is not None and d:
                need(abs(round(n / d * scale, dec) - v) <= 10 ** -dec, w,
                     "value %d disagrees with numerator/denominator" % t)


def check_issue(i, it, book, ids):
    w = "issues[%d]" % i
    need(isinstance(it, dict), w, "expected an object")
    need(isinstance(it.get("id"), str) and it["id"] not in ids, w + ".id", "missing/duplicate")
    ids.add(it["id"])
    need(it.get("partner") in book["_partners"], w, "unknown partner %r" % it.get("partner"))
    need(it.get("kpi") is None or it["kpi"] in book["_kpis"], w, "unknown KPI %r" % it.get("kpi"))
    if it.get("period") is not None:
        o = period_ordinal(book.get("granularity", "month"), it["period"]) - book["_first"]
        need(0 <= o < book["n_periods"], w + ".period", "outside the workbook range")
    need(isinstance(it.get("title"), str) and it["title"], w + ".title", "expected a string")
    need(it.get("severity", "medium") in ("low", "medium", "high", "critical"),
         w + ".severity", "bad value")
    need(it.get("status", "open") in ("open", "in-progress", "resolved", "closed"),
         w + ".status", "bad value")
    need(it.get("due") is None or DATE_RE.match(it["due"]), w + ".due", "expected YYYY-MM-DD")
    for f in ("created", "updated"):
        need(f not in it or TIME_RE.match(it[f]), "%s.%s" % (w, f), "expected ISO 8601")
    if "created" in it and "updated" in it:
        need(it["created"] <= it["updated"], w, "updated before created")
    last = None
    for j, h in enumerate(it.get("history", [])):
        need(set(h) >= {"time", "field", "old", "new"} and TIME_RE.match(h["time"]),
             "%s.history[%d]" % (w, j), "needs time, field, old, new")
        need(last is None or last <= h["time"], "%s.history[%d]" % (w, j), "not oldest first")
        last = h["time"]


def load(path):
    with open(path, "rb") as fh:
        raw = fh.read()
    text = raw.decode("utf-8")                      # must be UTF-8
    book = json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(Bad(c)))
    need(isinstance(book, dict), path, "top level is not an object")
    need(book.get("format") == "scorecards", path, "member \"format\" is not \"scorecards\"")
    need(book.get("version") in (1, 2), path, "version is not 1 or 2")
    gran = book.get("granularity", "month")
    need(gran in PERIOD_RE, path, "bad granularity")
    n = book.get("n_periods", 0)
    need(isinstance(n, int) and 0 <= n <= 1200, path, "bad n_periods")
    book["_first"] = period_ordinal(gran, book["first_period"]) if "first_period" in book else None
    book["_kpis"], book["_partners"] = {}, {}
    for i, k in enumerate(book.get("kpis", [])):
        if isinstance(k, dict):
            k["_version"] = book["version"]
        check_kpi(i, k, book["_kpis"])
    for i, p in enumerate(book.get("partners", [])):
        check_partner(i, p, book["_partners"], book["_kpis"])
    pairs = set()
    for i, s in enumerate(book.get("series", [])):
        check_series(i, s, book, pairs)
    ids = set()
    for i, it in enumerate(book.get("issues", [])):
        check_issue(i, it, book, ids)
    st = book.get("settings", {})
    need(isinstance(st, dict), "settings", "expected an object")
    tp = st.get("trend_periods", 6)
    need(isinstance(tp, int) and 2 <= tp <= 60, "settings.trend_periods", "expected 2..60")
    return book


# ---------------------------------------------------------------------------
# Status overview
# ---------------------------------------------------------------------------

def status_of(k, target, v):
    if v is None or target is None:
        return None                                 # no data, or no target: not scored
    warning = target if k["warning"] is None else k["warning"]
    if k.get("direction", "higher") == "higher":
        return "G" if v >= target else "A" if v >= warning else "R"
    return "G" if v <= target else "A" if v <= warning else "R"


def score_of(k, target, v):
    crit = k["critical"] if k["critical"] is not None else k["warning"]
    crit = target if crit is None else crit
    if target == crit:
        return 100.0 if status_of(k, target, v) == "G" else 0.0
    f = (v - crit) / (target - crit)
    return 100.0 * max(0.0, min(1.0, f))


def period_label(book, t):
    o = book["_first"] + t
    return "%04d-%02d" % (o // 12, o % 12 + 1)


def status_report(book, period, red_only):
    n = book["n_periods"]
    t_sel = n - 1
    if period:
        t_sel = period_ordinal("month", period) - book["_first"]
        if not 0 <= t_sel < n:
            raise Bad("period %s outside the workbook" % period)
    by_partner = {}
    for s in book.get("series", []):
        by_partner.setdefault(s["partner"], []).append(s)
    print("period %s   G/A/R = green/amber/red count, score = weighted mean"
          % period_label(book, t_sel))
    for p in book.get("partners", []):
        rows, reds, num, den, counts = by_partner.get(p["id"], []), [], 0.0, 0.0, {}
        for s in rows:
            k = dict(book["_kpis"][s["kpi"]])
            o = p.get("overrides", {}).get(s["kpi"], {})
            target, weight = o.get("target", k["target"]), o.get("weight", k.get("weight", 1))
            vals = s["values"]
            for t, v in enumerate(vals):
                if status_of(k, target, v) == "R":
                    reds.append((s["kpi"], period_label(book, t), v))
            v = vals[t_sel] if t_sel < len(vals) else None
            st = status_of(k, target, v)
            if st:
                counts[st] = counts.get(st, 0) + 1
                num += weight * score_of(k, target, v)
                den += weight
        if red_only and not reds:
            continue
        score = "%5.1f" % (num / den) if den else "  n/a"
        print("%-4s %-52.52s G%2d A%2d R%2d score %s  red values: %d" % (
            p["id"], p["name"], counts.get("G", 0), counts.get("A", 0), counts.get("R", 0),
            score, len(reds)))
        grouped = {}
        for kid, per, v in reds:
            grouped.setdefault(kid, []).append("%s=%s" % (per, v))
        for kid, items in grouped.items():
            print("       %-26s %s" % (kid, " ".join(items)))


def main():
    ap = argparse.ArgumentParser(prog="sc-check.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--status", action="store_true", help="print statuses per partner")
    ap.add_argument("--period", help="period for --status (default: the last)")
    ap.add_argument("--red-only", action="store_true", help="only partners with red values")
    ap.add_argument("books", nargs="+", metavar="BOOK.scorecard")
    a = ap.parse_args()
    for path in a.books:
        try:
            book = load(path)
        except (Bad, ValueError, OSError, KeyError, TypeError) as e:
            print("%s: %s" % (path, e), file=sys.stderr)
            return 1
        print("%s: ok (%d KPIs, %d partners, %d series, %d issues, %d periods from %s)" % (
            path, len(book["_kpis"]), len(book["_partners"]), len(book.get("series", [])),
            len(book.get("issues", [])), book.get("n_periods", 0), book.get("first_period")))
        if a.status:
            status_report(book, a.period, a.red_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
