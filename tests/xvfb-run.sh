#!/bin/sh
# Runs a widget test on the display in $DISPLAY, or on a private Xvfb when
# there is none (xvfb-run picks a free display number).
# SPDX-License-Identifier: GPL-3.0-or-later
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$@"
fi
exec xvfb-run -a -s "-screen 0 1920x1200x24 -nolisten tcp" "$@"
