#!/bin/bash
# Alternates the window benchmarks in rounds, so that each figure is beside the
# bare window's from the same minutes (docs/performance.md, "Window").
#
#   tests/bench/window-rounds.sh BUILD_DIR LARGE.scorecard [ROUNDS]
#
# LARGE.scorecard: tools/sc-gen.py book --partners 3500 --periods 24 OUT

set -eu
build=${1:?build directory}
large=${2:?large workbook}
rounds=${3:-3}
bench="$build/tests/bench/bench-window"
sample="$(dirname "$0")/../../data/samples/contoso-2024-2025.scorecard"

pick () { grep -o "$1" | tr '\n' ' '; echo; }

for i in $(seq "$rounds"); do
  echo "== round $i"
  echo -n "bare, GTK's renderer:        "; xvfb-run -a "$bench" bare | pick "after [0-9.]* ms\|peak [0-9]* MB"
  echo -n "bare, cairo:                 "; GSK_RENDERER=cairo xvfb-run -a "$bench" bare | pick "after [0-9.]* ms\|peak [0-9]* MB"
  echo -n "sample, as shipped:          "; xvfb-run -a "$bench" open "$sample" | pick "frame painted [0-9.]*\|, peak [0-9]* MB"
  echo -n "sample, GL:                  "; GSK_RENDERER=gl xvfb-run -a "$bench" open "$sample" | pick "frame painted [0-9.]*\|, peak [0-9]* MB"
  echo -n "switch, as shipped:          "; xvfb-run -a "$bench" switch "$large" 30 | pick "peak [0-9]* MB\|mean [0-9.]* ms, worst [0-9.]* ms"
  echo -n "switch, GL:                  "; GSK_RENDERER=gl xvfb-run -a "$bench" switch "$large" 30 | pick "peak [0-9]* MB\|mean [0-9.]* ms, worst [0-9.]* ms"
  echo -n "switch on Compare:           "; xvfb-run -a "$bench" compare "$large" 10 | pick "mean [0-9.]* ms, worst [0-9.]* ms"
  echo -n "change the view:             "; xvfb-run -a "$bench" view "$large" | pick "mean [0-9.]* ms, worst [0-9.]* ms"
  echo -n "scroll the sidebar:          "; xvfb-run -a "$bench" scroll "$large" 30 | pick "mean [0-9.]* ms, worst [0-9.]* ms"
  echo -n "search the sidebar:          "; xvfb-run -a "$bench" search "$large" castings | pick "mean [0-9.]* ms, worst [0-9.]* ms"
done
