#!/usr/bin/env bash
# Bytes sent to the terminal per cursor move (Down) in every list, under tmux.
#
#   Scripts/bench-tui-moves.sh [--bin BINARY] [--db DB] [--moves N] [--size COLSxROWS] [--keep DIR]
#
# For each list (Cities, Partnerships, Events, Matches, Projects) it opens the
# pane, waits until the screen is still, then sends N × Down, one at a time
# (each drawn before the next, so no two keys share a frame), and counts what
# the program wrote to the terminal (tmux `pipe-pane`): the bytes per Down of
# a run of moves. The detail is drawn once the cursor rests (DetailHold), so
# "alone/Down" adds three moves that each wait until the screen is still. `--keep DIR` saves the
# raw bytes of each list (DIR/<list>.bytes) for `Scripts/decode-tty.py`, and
# where each move began in them (DIR/<list>.offsets).
# Without --bin it uses the release build (build it first: swift build -c release).
# The byte counts do not depend on the build mode, so a debug binary gives the
# same figures. A benchmark prints figures; it does not pass or fail.
set -euo pipefail

cd "$(dirname "$0")/.."
bin=""
db=""
moves=20
size="80x24"
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) bin="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --moves) moves="$2"; shift 2 ;;
        --size) size="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        *) echo "usage: $0 [--bin BINARY] [--db DB] [--moves N] [--size COLSxROWS] [--keep DIR]" >&2; exit 2 ;;
    esac
done
cols=${size%x*}
rows=${size#*x}

command -v tmux >/dev/null || { echo "bench-tui-moves: tmux is required" >&2; exit 1; }
[ -n "$bin" ] || bin="$(swift build -c release --show-bin-path)/twinning"
[ -x "$bin" ] || { echo "bench-tui-moves: $bin missing (swift build -c release, or --bin)" >&2; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

work=$(mktemp -d /tmp/twinning-moves.XXXXXX)
sock="twmoves-$$"
export TMUX_TMPDIR="$work/tmux"
mkdir -p "$TMUX_TMPDIR" "$work/home/config/twinning"
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
[ -z "$keep" ] || mkdir -p "$keep"

t() { tmux -L "$sock" -f /dev/null "$@"; }
now_ns() { date +%s%N; }

if [ -z "$db" ]; then
    db="$work/demo.sqlite"
    "$bin" init --db "$db" >/dev/null
else
    # Never let this build migrate the caller's file.
    cp "$db" "$work/copy.sqlite"
    db="$work/copy.sqlite"
fi
# The association's city is known, so the program opens on the main screen.
printf 'home_city = 2935517\n' > "$work/home/config/twinning/config"

t new-session -d -s app -x "$cols" -y "$rows" \
    "exec env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME='$work/home' XDG_CONFIG_HOME='$work/home/config' '$bin' --db '$db'"

wait_for() { # wait_for TEXT: until the screen shows TEXT (60 s)
    local deadline=$(( $(date +%s) + 60 ))
    until t capture-pane -p -t app | grep -qF -- "$1"; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "bench-tui-moves: \"$1\" not shown within 60 s" >&2; t capture-pane -p -t app >&2; exit 1; }
        sleep 0.02
    done
}

# Until the screen (with attributes) has not changed for 300 ms.
wait_idle() {
    local prev cur since deadline
    deadline=$(( $(date +%s) + 20 ))
    prev=$(t capture-pane -p -e -t app)
    since=$(now_ns)
    while [ "$(date +%s)" -lt "$deadline" ]; do
        sleep 0.05
        cur=$(t capture-pane -p -e -t app)
        if [ "$cur" != "$prev" ]; then prev=$cur; since=$(now_ns)
        elif [ $(( ($(now_ns) - since) / 1000000 )) -ge 300 ]; then return 0; fi
    done
}

# The whole screen with attributes: changes with every drawn move.
snapshot() { t capture-pane -p -e -t app; }

wait_for "Quit"
wait_idle

printf '%-14s %8s %10s %12s %14s\n' "list ($size)" "moves" "bytes" "bytes/Down" "alone/Down"
printf '%-14s %8s %10s %12s %14s\n' "--------------" "--------" "----------" "------------" "--------------"
for entry in "1 cities" "2 partnerships" "3 events" "4 matches" "6 projects"; do
    key=${entry%% *}
    name=${entry#* }
    shown=$(snapshot)
    t send-keys -t app "$key"
    # The pane may take a while to load its list: first the change, then stillness.
    deadline=$(( $(date +%s) + 60 ))
    while [ "$(snapshot)" = "$shown" ] && [ "$(date +%s)" -lt "$deadline" ] && [ "$name" != cities ]; do sleep 0.02; done
    wait_idle
    out="$work/$name.bytes"
    : > "$out"
    t pipe-pane -o -t app "cat >> '$out'"
    sleep 0.3
    before=$(stat -c %s "$out")
    done_moves=0
    : > "$work/$name.offsets"
    for _ in $(seq 1 "$moves"); do
        stat -c %s "$out" >> "$work/$name.offsets"
        prev=$(snapshot)
        t send-keys -t app Down
        deadline=$(( $(date +%s) + 10 ))
        while [ "$(snapshot)" = "$prev" ]; do
            # The end of the list: nothing moves any more.
            [ "$(date +%s)" -lt "$deadline" ] || break 2
            sleep 0.01
        done
        done_moves=$((done_moves + 1))
    done
    wait_idle
    after=$(stat -c %s "$out")
    # Then three moves alone: each waits until the screen is still again, so
    # the detail of every record is drawn (a run of moves draws it once).
    alone=0
    for _ in 1 2 3; do
        prev=$(snapshot)
        t send-keys -t app Down
        deadline=$(( $(date +%s) + 10 ))
        while [ "$(snapshot)" = "$prev" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.01; done
        [ "$(snapshot)" != "$prev" ] || break
        wait_idle
        alone=$((alone + 1))
    done
    last=$(stat -c %s "$out")
    t pipe-pane -t app
    bytes=$((after - before))
    per=$(awk -v b="$bytes" -v n="$done_moves" 'BEGIN {printf (n ? "%.1f" : "-"), (n ? b/n : 0)}')
    per_alone=$(awk -v b="$((last - after))" -v n="$alone" 'BEGIN {printf (n ? "%.1f" : "-"), (n ? b/n : 0)}')
    printf '%-14s %8s %10s %12s %14s\n' "$name" "$done_moves" "$bytes" "$per" "$per_alone"
    if [ -n "$keep" ]; then
        cp "$out" "$keep/$name.bytes"
        # Where each move began in the bytes (approximate: the size when its key was sent).
        cp "$work/$name.offsets" "$keep/$name.offsets"
    fi
done
t send-keys -t app q
