#!/usr/bin/env python3
"""Counts test results in meson's testlog.json and prints "N passed, N failed".

A test that prints TAP (GLib tests run with --tap) counts each of its test
cases; any other test counts once. A test that failed, crashed or timed out
without a failing TAP line still counts as one failure."""
import json
import re
import sys

passed = failed = skipped = 0
try:
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
except OSError as e:
    print(f"count-tests: {e}", file=sys.stderr)
    print("0 passed, 1 failed")
    sys.exit(0)

for line in lines:
    if not line.strip():
        continue
    test = json.loads(line)
    result = test.get("result", "")
    out = test.get("stdout") or ""
    ok = len(re.findall(r"^ok \d+(?! .*# SKIP)", out, re.M))
    skip = len(re.findall(r"^ok \d+ .*# SKIP", out, re.M))
    # "not ok ... # TODO" is a known, expected failure in TAP: not a pass
    skip += len(re.findall(r"^not ok \d+ .*# (TODO|SKIP)", out, re.M))
    not_ok = len(re.findall(r"^not ok \d+(?! .*# (TODO|SKIP))", out, re.M))
    if ok + skip + not_ok == 0:
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
        continue
    passed += ok
    skipped += skip
    failed += not_ok
    if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not_ok == 0:
        failed += 1

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
