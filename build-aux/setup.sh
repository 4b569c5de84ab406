#!/usr/bin/env bash
# Shared set-up of build-aux/run.sh and build-aux/test.sh: installs the
# Debian packages that are missing (apt as root, sudo otherwise), then
# configures and builds Scorecards in ./build, or with
# SCORECARDS_SANITIZE=1 with AddressSanitizer and UndefinedBehaviorSanitizer
# in ./build-asan.
# Source it; it sets SRCDIR and BUILDDIR.

set -euo pipefail

SRCDIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCORECARDS_SANITIZE="${SCORECARDS_SANITIZE:-0}"
if [ "$SCORECARDS_SANITIZE" = "1" ]; then
  BUILDDIR="${BUILDDIR:-$SRCDIR/build-asan}"
else
  BUILDDIR="${BUILDDIR:-$SRCDIR/build}"
fi

install_missing_packages ()
{
  local missing=() pkg
  while read -r pkg; do
    case "$pkg" in ''|'#'*) continue ;; esac
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
      missing+=("$pkg")
    fi
  done < "$SRCDIR/build-aux/debian-packages.txt"

  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing missing packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "error: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build ()
{
  local options=()
  if [ "$SCORECARDS_SANITIZE" = "1" ]; then
    options=(-Db_sanitize=address,undefined -Db_lundef=false)
  fi
  if [ ! -f "$BUILDDIR/build.ninja" ]; then
    meson setup "${options[@]}" "$BUILDDIR" "$SRCDIR"
  fi
  meson compile -C "$BUILDDIR"
}

if command -v dpkg-query >/dev/null; then
  install_missing_packages
else
  echo "warning: not a Debian system; install the packages of build-aux/debian-packages.txt by hand" >&2
fi
configure_and_build

# Run from the build tree: the compiled schema and the icons of the source tree
export GSETTINGS_SCHEMA_DIR="$BUILDDIR/data"
export XDG_DATA_DIRS="$SRCDIR/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
