#!/bin/sh
# Runs a test inside a private D-Bus session with a real gnome-keyring-daemon whose
# login keyring is created and unlocked with the password "test". HOME and the XDG
# folders point into a temporary folder, so the user's own keyring is never touched.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

tmp=$(mktemp -d "${TMPDIR:-/tmp}/chronicle-keyring-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -m 700 "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
HOME="$tmp/home"
XDG_DATA_HOME="$tmp/data"
XDG_CONFIG_HOME="$tmp/config"
XDG_CACHE_HOME="$tmp/cache"
XDG_RUNTIME_DIR="$tmp/runtime"
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR

set +e
dbus-run-session -- sh -c '
  CHRONICLE_TEST_PRIVATE_KEYRING=1; export CHRONICLE_TEST_PRIVATE_KEYRING
  # The daemon is not under test: keep the strict test environment (fatal warnings,
  # malloc checks) away from it.
  printf %s test | env -u G_DEBUG -u G_SLICE -u MALLOC_CHECK_ -u MALLOC_PERTURB_ \
    gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
  # The daemon finishes starting after --unlock returns: wait until it owns its name,
  # or D-Bus activation would start a second, locked one.
  i=0
  until gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null |
      grep -q true; do
    i=$((i + 1))
    if [ $i -gt 100 ]; then
      echo "gnome-keyring-daemon did not start" >&2
      exit 1
    fi
    sleep 0.1
  done
  exec "$@"' sh "$@"
status=$?
set -e
exit $status
