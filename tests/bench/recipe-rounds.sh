#!/usr/bin/env bash
# recipe-rounds.sh - the recipe benchmark of docs/performance.md ("KPIs from transactions")
#
#   tests/bench/recipe-rounds.sh BUILDDIR [ROUNDS] [LINES.csv]
#
# Times `scorecards import LINES.csv --recipe transactions.recipe.json -o BOOK`
# against shared/anchors/pandas_kpis.py and datatable_kpis.R (2 threads) on the
# same file, alternating, ROUNDS times each (default 3); prints wall time and peak
# memory of every run (GNU time) and each tool's checksums. Without LINES.csv it
# generates 1,000,000 lines with tools/sc-gen.py transactions. Needs Debian's
# python3-pandas, r-base-core and r-cran-data.table, and time.
set -euo pipefail

build=${1:?usage: recipe-rounds.sh BUILDDIR [ROUNDS] [LINES.csv]}
rounds=${2:-3}
src=$(cd "$(dirname "$0")/../.." && pwd)
anchors=${ANCHORS:-$src/../shared/anchors}
lines=${3:-/tmp/sc-bench-lines.csv}
book=/tmp/sc-bench-lines.scorecard

if [ ! -f "$lines" ]; then
  python3 "$src/tools/sc-gen.py" transactions --rows 1000000 "$lines"
fi
ls -l "$lines"

measure ()
{
  local label=$1; shift
  local log
  log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log" "$@" > "$log.out" 2>/dev/null
  read -r secs kb < "$log"
  printf '%-12s %6.2f s %7.0f MB   %s\n' "$label" "$secs" "$((kb / 1024))" "$(tail -n 1 "$log.out")"
  rm -f "$log" "$log.out"
}

for ((i = 1; i <= rounds; i++)); do
  rm -f "$book"
  measure scorecards "$build/src/scorecards" import "$lines" --recipe "$anchors/transactions.recipe.json" -o "$book"
  echo "             checksums: $(python3 "$src/tests/bench/recipe-checksums.py" "$book")"
  measure pandas /usr/bin/python3 "$anchors/pandas_kpis.py" "$lines"
  measure data.table Rscript "$anchors/datatable_kpis.R" "$lines" 2
done
rm -f "$book"
