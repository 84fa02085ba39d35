#!/bin/sh
# Quick start, part one: install what is missing, build, and start Chronicle
# with a fresh profile (its own database, settings and cache in a new folder),
# so nothing of yours is touched and it works offline. --load-sample imports
# the bundled sample news (144 Wikinews articles) when the database is empty,
# so the timeline is full from the first second.
#   build-aux/run.sh [--keep-profile DIR] [chronicle options…]
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

cd "$(dirname "$0")/.."
build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

profile=""
if [ "${1:-}" = "--keep-profile" ]; then
  profile=$2
  shift 2
  mkdir -p "$profile"
else
  profile=$(mktemp -d "${TMPDIR:-/tmp}/chronicle-profile-XXXXXX")
fi
echo "Chronicle profile: $profile" >&2

export XDG_DATA_HOME="$profile/data" XDG_CONFIG_HOME="$profile/config" XDG_CACHE_HOME="$profile/cache"
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
export GSETTINGS_BACKEND=keyfile

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: start Chronicle from a desktop session (or set DISPLAY)." >&2
  exit 1
fi

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- build/src/chronicle --load-sample "$@"
fi
exec build/src/chronicle --load-sample "$@"
