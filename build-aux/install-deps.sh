#!/bin/sh
# Install everything Chronicle needs to build, run and test on Debian 12.
# Used by the README's quick start and by .ci/run. Idempotent and non-interactive.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

PACKAGES="
  meson ninja-build pkg-config gcc clang libclang-rt-14-dev
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsqlite3-dev libxml2-dev libsecret-1-dev
  gettext appstream desktop-file-utils iso-codes gnome-keyring
  xvfb xauth dbus dbus-x11 at-spi2-core python3 python3-gi gir1.2-atspi-2.0 gir1.2-glib-2.0
  gir1.2-gtk-4.0 xdotool imagemagick x11-utils fonts-cantarell fonts-noto-color-emoji
  adwaita-icon-theme
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "Installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
