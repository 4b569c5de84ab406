#!/usr/bin/env bash
# Installs what is missing, builds Scorecards and runs every test headless
# under Xvfb. Ends with the line "N passed, N failed" and exits non-zero
# when anything failed.

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

set +e
xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$BUILDDIR" --print-errorlogs --num-processes 2 "$@"
status=$?
set -e

summary=$(python3 "$SRCDIR/build-aux/count-tests.py" "$BUILDDIR/meson-logs/testlog.json")
echo "$summary"

failed=${summary#*, }
failed=${failed%% failed*}
if [ "$status" -ne 0 ] || [ "$failed" != "0" ]; then
  exit 1
fi
