#!/usr/bin/env bash
# Installs what is missing, builds Scorecards and runs every test headless
# under Xvfb. Ends with the line "N passed, N failed, N skipped" and exits
# non-zero when anything failed or was skipped: setup.sh has installed
# every tool a test uses, so a skipped test is a test that did not run.
# SCORECARDS_ALLOW_SKIPS=1 accepts skips (a machine set up by hand).
# SCORECARDS_SANITIZE=1 builds and runs the suite with AddressSanitizer,
# LeakSanitizer and UndefinedBehaviorSanitizer (see docs/reliability.md).

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

meson_test_options=()
if [ "$SCORECARDS_SANITIZE" = "1" ]; then
  # Any report fails the test. The leaks that are not ours are listed and
  # explained in lsan.supp. Mesa cannot be suppressed by name: it unloads
  # its driver before the leak check, leaving "<unknown module>" frames;
  # without GL the window draws through cairo, the code of ours the same.
  export ASAN_OPTIONS="detect_leaks=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  export LSAN_OPTIONS="suppressions=$SRCDIR/build-aux/lsan.supp:print_suppressions=0"
  export GDK_DEBUG=gl-disable
  meson_test_options=(--timeout-multiplier 3)
fi

set +e
xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$BUILDDIR" --print-errorlogs --num-processes 2 "${meson_test_options[@]}" "$@"
status=$?
set -e

report=$(python3 "$SRCDIR/build-aux/count-tests.py" "$BUILDDIR/meson-logs/testlog.json")
summary=$(tail -n 1 <<< "$report")
read -r _ _ failed _ skipped _ <<< "$summary"

result=0
if [ "$status" -ne 0 ] || [ "$failed" != "0" ]; then
  result=1
fi
# The skipped tests with their reasons; the summary stays the last line
if [ "$report" != "$summary" ]; then
  head -n -1 <<< "$report"
fi
if [ "$skipped" != "0" ] && [ "${SCORECARDS_ALLOW_SKIPS:-0}" != "1" ]; then
  echo "error: $skipped skipped on a machine set up by build-aux/setup.sh: install what they need"
  result=1
fi
echo "$summary"
exit $result
