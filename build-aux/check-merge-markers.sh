#!/bin/sh
# check-merge-markers.sh SRCDIR: fail, naming file and line, where a merge
# left its conflict markers in the sources, tests, translations or docs.
set -u
cd "$1" || exit 1
found=$(grep -rnE '^(<<<<<<< |>>>>>>> |\|\|\|\|\|\|\| )' \
          src tests/*.c tests/*.h tests/meson.build po docs README.md data build-aux meson.build \
          --exclude=check-merge-markers.sh 2>/dev/null)
if [ -n "$found" ]; then
  echo "merge conflict markers left in:"
  echo "$found"
  exit 1
fi
echo "no merge conflict markers"
