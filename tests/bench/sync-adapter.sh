#!/usr/bin/env bash
# Chronicle's adapter for the feed-sync benchmark (../shared/bench/README.md):
#   ../shared/bench/bench.sh tests/bench/sync-adapter.sh
# Subcommands: formats | version | setup STATE LISTS | sync STATE LISTS | count STATE LISTS | cleanup STATE
# CHRONICLE_CLI points at the chronicle-cli to measure (default: build/src/cli/chronicle-cli).
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CLI=${CHRONICLE_CLI:-$here/../../build/src/cli/chronicle-cli}
COUNT_SQL=${CHRONICLE_COUNT_SQL:-"SELECT count(*) FROM articles"}
UPDATED_SQL=${CHRONICLE_UPDATED_SQL:-"SELECT count(*) FROM articles WHERE title LIKE '%(updated%'"}
FEEDS_SQL=${CHRONICLE_FEEDS_SQL:-"SELECT count(*) FROM sources"}

cmd=${1:?subcommand}; shift || true
case "$cmd" in
  formats) echo "${CHRONICLE_FORMATS:-rss,atom,json}" ;;
  version) "$CLI" --version 2>&1 | head -1 ;;
  setup)
    STATE=$1 LISTS=$2
    mkdir -p "$STATE/home"
    # The sources come from the corpus's OPML list (the same feeds as urls.txt).
    env -i HOME="$STATE/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
      "$CLI" --db "$STATE/chronicle.db" sources import-opml "$LISTS/feeds.opml" >"$STATE/setup.log"
    ;;
  sync)
    STATE=$1 LISTS=$2
    cd "$STATE"
    # Exits only when every source is stored; --quiet prints failures and the summary.
    exec env -i HOME="$STATE/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
      "$CLI" --db "$STATE/chronicle.db" sync --quiet
    ;;
  count)
    db=$1/chronicle.db
    echo "items $(sqlite3 -readonly "$db" "$COUNT_SQL")"
    echo "updated $(sqlite3 -readonly "$db" "$UPDATED_SQL")"
    echo "feeds $(sqlite3 -readonly "$db" "$FEEDS_SQL")"
    echo "db_bytes $(stat -c %s "$db")"
    ;;
  cleanup) rm -f "$1/chronicle.db" "$1/chronicle.db-wal" "$1/chronicle.db-shm" ;;
  *) echo "sync-adapter.sh: unknown subcommand $cmd" >&2; exit 2 ;;
esac
