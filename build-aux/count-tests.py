#!/usr/bin/env python3
"""Counts test results in meson's testlog.json and prints
"N passed, N failed, N skipped" as its last line.

A test that prints TAP (GLib tests run with --tap) counts each of its test
cases; any other test counts once. A test that failed, crashed or timed out
without a failing TAP line still counts as one failure. Every skipped test
case is named, with its reason, on a line of its own before the summary:
build-aux/test.sh fails the run when anything was skipped."""
import json
import re
import sys

SKIP_TAP = re.compile(r"^(?:not )?ok \d+ (.*?)\s*# (?:SKIP|TODO)\b\s*(.*)$", re.M)

passed = failed = skipped = 0
skips = []
try:
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
except OSError as e:
    print(f"count-tests: {e}", file=sys.stderr)
    print("0 passed, 1 failed, 0 skipped")
    sys.exit(0)

for line in lines:
    if not line.strip():
        continue
    test = json.loads(line)
    name = test.get("name", "?")
    result = test.get("result", "")
    out = test.get("stdout") or ""
    ok = len(re.findall(r"^ok \d+(?! .*# SKIP)", out, re.M))
    skip = len(re.findall(r"^ok \d+ .*# SKIP", out, re.M))
    # "not ok ... # TODO" is a known, expected failure in TAP: not a pass
    skip += len(re.findall(r"^not ok \d+ .*# (TODO|SKIP)", out, re.M))
    not_ok = len(re.findall(r"^not ok \d+(?! .*# (TODO|SKIP))", out, re.M))
    for case, reason in SKIP_TAP.findall(out):
        skips.append(f"{name}: {case or '?'}: {reason}".rstrip(": "))
    if ok + skip + not_ok == 0:
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
            reason = out.strip().splitlines()[-1] if out.strip() else ""
            skips.append(f"{name}: {reason}".rstrip(": "))
        else:
            failed += 1
        continue
    passed += ok
    skipped += skip
    failed += not_ok
    if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not_ok == 0:
        failed += 1

for s in skips:
    print(f"skipped: {s}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
