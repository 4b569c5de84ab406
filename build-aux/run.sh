#!/usr/bin/env bash
# Installs what is missing, builds Scorecards and opens it on the sample
# workbook. Extra arguments are passed to the application instead.

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# report languages read their catalogues from the build when not installed
export SCORECARDS_LOCALEDIR="${SCORECARDS_LOCALEDIR:-$BUILDDIR/po}"

if [ $# -eq 0 ]; then
  set -- "$SRCDIR/data/samples/contoso-2024-2025.scorecard"
fi
exec "$BUILDDIR/src/scorecards" "$@"
