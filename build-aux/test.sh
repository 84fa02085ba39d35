#!/bin/sh
# Quick start, part two: install what is missing, build, and run the whole
# test suite (widget tests use $DISPLAY, or a private Xvfb when there is none).
#   build-aux/test.sh [BUILD_DIR [meson setup options…]]
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

cd "$(dirname "$0")/.."
build-aux/install-deps.sh

builddir=${1:-build}
[ $# -gt 0 ] && shift
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@"
elif [ $# -gt 0 ]; then
  meson configure "$builddir" "$@"
fi
meson compile -C "$builddir"
meson test -C "$builddir" --print-errorlogs --num-processes 2
