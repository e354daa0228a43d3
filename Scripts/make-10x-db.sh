#!/usr/bin/env bash
# The 10x database of issue 15, reproducibly: the demo database (`twinning
# init`) topped up to 110,000 partnerships between gazetteer cities and
# 200,000 events, written by `twinning-bench import-files` from fixed seeds
# and imported with twinning's own importer. The same seeds give the same
# database on every machine (ids and rows; timestamps differ).
#
#   Scripts/make-10x-db.sh OUT.sqlite            # builds the release binaries first
#   TWINNING=bin/twinning BENCH=bin/twinning-bench Scripts/make-10x-db.sh OUT.sqlite
#   PARTNERSHIPS=110000 EVENTS=200000 Scripts/make-10x-db.sh OUT.sqlite
#
# Prints the time of each import (the 10x build doubles as an import benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
out=${1:?usage: $0 OUT.sqlite}
partnerships=${PARTNERSHIPS:-110000}
events=${EVENTS:-200000}
if [ -z "${TWINNING:-}" ] || [ -z "${BENCH:-}" ]; then
  swift build -c release --product twinning >/dev/null
  swift build -c release --product twinning-bench >/dev/null
  bindir=$(swift build -c release --show-bin-path)
  TWINNING=${TWINNING:-$bindir/twinning}
  BENCH=${BENCH:-$bindir/twinning-bench}
fi
work=$(mktemp -d /tmp/twinning-10x.XXXXXX)
trap 'rm -rf "$work"' EXIT

rm -f "$out" "$out-wal" "$out-shm"
"$TWINNING" init --db "$work/10x.sqlite" >/dev/null 2>&1
count() { sqlite3 "$work/10x.sqlite" "SELECT count(*) FROM $1"; }

have=$(count partnership)
"$BENCH" import-files --db "$work/10x.sqlite" --out "$work" --partnerships $((partnerships - have)) --events 0 --seed 10
t0=$(date +%s.%N)
"$TWINNING" import partnerships "$work/partnerships.csv" --db "$work/10x.sqlite" >/dev/null
t1=$(date +%s.%N)
printf 'import %d partnerships: %.2f s\n' $((partnerships - have)) "$(echo "$t1 - $t0" | bc -l)" >&2

have=$(count event)
# Events on all partnerships now there, the generated ones too.
"$BENCH" import-files --db "$work/10x.sqlite" --out "$work" --partnerships 0 --events $((events - have)) --seed 11
t0=$(date +%s.%N)
"$TWINNING" import events "$work/events.csv" --db "$work/10x.sqlite" >/dev/null
t1=$(date +%s.%N)
printf 'import %d events: %.2f s\n' $((events - have)) "$(echo "$t1 - $t0" | bc -l)" >&2

sqlite3 "$work/10x.sqlite" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;" >/dev/null
mv "$work/10x.sqlite" "$out"
echo "$out: $(sqlite3 "$out" "SELECT (SELECT count(*) FROM partnership) || ' partnerships, ' || (SELECT count(*) FROM event) || ' events, ' || (SELECT count(*) FROM city) || ' cities'")"
