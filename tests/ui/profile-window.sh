#!/bin/sh
# Measures the window on a database (e.g. the 1,000,000-article one that
# `build/tests/bench-store --articles 1000000 --db DB` leaves behind):
#   tests/ui/profile-window.sh DB [BUILD_DIR]
# Starts a private Xvfb (1400x900) and D-Bus session, runs Chronicle with
# CHRONICLE_PROFILE=1, a fresh profile and the cairo renderer (Xvfb has no GPU), scrolls the timeline, changes
# filters and searches with xdotool (no accessibility bus: it slows GTK), closes
# the window and prints the `PROFILE name value unit` lines.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

db=$(realpath "$1")
build=$(realpath "${2:-build}")
profile=$(mktemp -d "${TMPDIR:-/tmp}/chronicle-profile-XXXXXX")
display=:$((70 + $$ % 20))

mkdir -p "$profile/config/glib-2.0/settings"
cat > "$profile/config/glib-2.0/settings/keyfile" <<EOK
[io/github/chronicle_news/Chronicle]
window-width=1400
window-height=900
sync-at-startup=false
EOK

Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$profile"' EXIT
sleep 1

export DISPLAY=$display XDG_DATA_HOME=$profile/data XDG_CONFIG_HOME=$profile/config \
  XDG_CACHE_HOME=$profile/cache GSETTINGS_SCHEMA_DIR=$build/data GSETTINGS_BACKEND=keyfile \
  NO_AT_BRIDGE=1 GTK_A11Y=none ADW_DISABLE_PORTAL=1 CHRONICLE_PROFILE=1 GSK_RENDERER=cairo

dbus-run-session -- "$build/src/chronicle" --db "$db" 2> "$profile/app.log" &
app=$!
sleep 6

# Scroll the timeline: 300 wheel steps, as fast as a person flicks.
xdotool mousemove 480 500
for _ in $(seq 30); do xdotool click --repeat 10 --delay 15 5; done
# Filters: Unread, then All; a search; Escape.
xdotool mousemove 120 103 click 1; sleep 2
xdotool mousemove 120 65 click 1; sleep 2
xdotool key ctrl+f; sleep 0.5
xdotool type --delay 60 election; sleep 3
xdotool key Escape; sleep 2
xdotool mousemove 480 500
for _ in $(seq 30); do xdotool click --repeat 10 --delay 15 4; done
sleep 1
xdotool key ctrl+w
wait $app || true
grep '^PROFILE' "$profile/app.log"
