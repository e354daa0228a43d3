#!/usr/bin/env bash
# Issue 15's one table: twinning side by side with its anchors, on the demo
# database and on the 10x database (110,000 partnerships, 200,000 events,
# built reproducibly by Scripts/make-10x-db.sh). Each pair runs in
# alternation (Scripts/bench_compare.py); medians; the ratio is of CPU time
# (user + system), which other load on the machine disturbs less than wall
# time. Then the full-screen figures of Scripts/bench-tui.sh on both
# databases. A benchmark prints figures; it does not pass or fail.
#
#   Scripts/bench-compare.sh [--no-build] [--runs N] [--tenx PATH]
#
#   SCRATCH=/work/relbuild  swift build's --scratch-path for the release build
#                           (default .build)
#   BENCH_PARTS="imports cli report tui"   which parts to run (default all)
#   TWINNING=/path/to/twinning      measure that binary (e.g. a build of main)
#
# --tenx PATH keeps the 10x database there and reuses it when it exists
# (default /tmp/twinning-10x.sqlite); delete it to build it again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
build=1 runs=5 tenx=/tmp/twinning-10x.sqlite
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --runs) runs=$2; shift 2 ;;
    --tenx) tenx=$2; shift 2 ;;
    *) echo "usage: $0 [--no-build] [--runs N] [--tenx PATH]" >&2; exit 2 ;;
  esac
done
parts=${BENCH_PARTS:-imports cli report tui}
scratch=(--scratch-path "${SCRATCH:-.build}")
if [ "$build" = 1 ]; then
  echo "Building release (swift build -c release ${scratch[*]}) …" >&2
  swift build -c release "${scratch[@]}" --product twinning >&2
  swift build -c release "${scratch[@]}" --product twinning-bench >&2
fi
bindir=$(swift build -c release "${scratch[@]}" --show-bin-path)
# TWINNING=path measures another twinning binary (an older build, for a before/after).
export TWINNING=${TWINNING:-$bindir/twinning} BENCH=$bindir/twinning-bench
[ -x "$TWINNING" ] && [ -x "$BENCH" ] || { echo "bench-compare: no release binaries in $bindir (run without --no-build)" >&2; exit 1; }

work=$(mktemp -d /tmp/twinning-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$TWINNING" init --db "$work/demo.sqlite" >/dev/null 2>&1
if [ ! -s "$tenx" ]; then
  echo "Building the 10x database $tenx (Scripts/make-10x-db.sh) …" >&2
  Scripts/make-10x-db.sh "$tenx" >&2
fi

# Import files: the 99,000 partnerships of the 10x database (into a database
# with the gazetteer only) and 100,000 of its events (onto the demo pairs).
"$TWINNING" init --bare --db "$work/bare.sqlite" >/dev/null 2>&1
"$TWINNING" init --empty --db "$work/empty.sqlite" >/dev/null 2>&1
cp "$work/demo.sqlite" "$work/pairs.sqlite"
"$BENCH" import-files --db "$work/demo.sqlite" --out "$work" --partnerships 99000 --events 100000 --seed 10

echo
echo "twinning bench-compare — $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "demo: $(sqlite3 "$work/demo.sqlite" "SELECT (SELECT count(*) FROM partnership) || ' partnerships, ' || (SELECT count(*) FROM event) || ' events'");" \
     "10x: $(sqlite3 "$tenx" "SELECT (SELECT count(*) FROM partnership) || ' partnerships, ' || (SELECT count(*) FROM event) || ' events'")"
echo
BENCH_PARTS="$parts" python3 Scripts/bench_compare.py "$TWINNING" "$work/demo.sqlite" "$tenx" "$work" "$runs"

case " $parts " in *" tui "*) ;; *) exit 0 ;; esac
if [ ! -x Scripts/bench-tui.sh ] || ! command -v tmux >/dev/null; then
  echo; echo "full screen: Scripts/bench-tui.sh or tmux missing; no figures"; exit 0
fi
# bench-tui.sh finds its binaries with `swift build -c release --show-bin-path`;
# a `swift` on PATH that answers with ours keeps it on the same build.
mkdir -p "$work/shim"
printf '#!/bin/sh\necho %q\n' "$bindir" > "$work/shim/swift"
chmod +x "$work/shim/swift"
echo
printf '%-44s %12s %12s %12s\n' "full screen (Scripts/bench-tui.sh)" demo 10x goal
for db in demo tenx; do
  path=$([ $db = demo ] && echo "$work/demo.sqlite" || echo "$tenx")
  PATH="$work/shim:$PATH" Scripts/bench-tui.sh --no-build --db "$path" > "$work/tui-$db.out" 2>&1 || true
done
# The first "number unit" after the label on its line (a note in brackets may follow).
pick() { grep -m1 -F "$2" "$work/tui-$1.out" | sed 's/.*'"$2"'//' | grep -oE '[0-9]+(\.[0-9]+)? (ms|MB|B)' | head -1 || true; }
for figure in "launch → first full screen:≤ 150 / 200 ms" "bytes per Down:≤ 200 B" "peak RSS (VmHWM) after start:≤ 60 / 80 MB" \
              "first switch to Matches:≤ 100 ms"; do
  label=${figure%%:*} goal=${figure#*:}
  printf '%-44s %12s %12s %12s\n' "$label" "$(pick demo "$label")" "$(pick tenx "$label")" "$goal"
done
