#!/bin/sh
# Runs a test in a D-Bus session of its own, with a GNOME keyring that is
# unlocked and lives in a throwaway home: the tests of team workbooks keep
# passwords there as a user's session would. Only the test writes to
# stdout (TAP); the session's services write to stderr.
set -e
home=$(mktemp -d "${TMPDIR:-/tmp}/sc-test-keyring-XXXXXX")
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/run" "$home/data" "$home/config" "$home/cache"
export HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/data" \
       XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"
exec 3>&1
dbus-run-session -- sh -c '
  printf "keyring-of-the-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@" >&3' sh "$@" >&2
