#!/usr/bin/env bash
# Benchmark of the real full-screen program (release build) under tmux.
#
#   Scripts/bench-tui.sh [--no-build] [--db DB]
#
# Prints: time from launch to the first full screen, bytes written to the
# terminal per cursor move (Down) in the Cities list at 80x24, and the peak
# RSS (VmHWM) of the TUI process; then bytes per Down in every list
# (Scripts/bench-tui-moves.sh) and `twinning-bench filter` (filter
# keystrokes through the reducer) on the same database.
# Needs tmux. A benchmark prints figures; it does not pass or fail.
set -euo pipefail

cd "$(dirname "$0")/.."
build=1
db=""
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0; shift ;;
        --db) db="$2"; shift 2 ;;
        *) echo "usage: $0 [--no-build] [--db DB]" >&2; exit 2 ;;
    esac
done

command -v tmux >/dev/null || { echo "bench-tui: tmux is required" >&2; exit 1; }

if [ "$build" = 1 ]; then
    echo "Building release (swift build -c release) …" >&2
    swift build -c release >&2
fi
bindir=$(swift build -c release --show-bin-path)
bin="$bindir/twinning"
benchbin="$bindir/twinning-bench"
[ -x "$bin" ] || { echo "bench-tui: $bin missing (run without --no-build)" >&2; exit 1; }

work=$(mktemp -d /tmp/twinning-bench.XXXXXX)
sock="twbench-$$"
export TMUX_TMPDIR="$work/tmux"
mkdir -p "$TMUX_TMPDIR" "$work/home/config/twinning"
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

t() { tmux -L "$sock" -f /dev/null "$@"; }
now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }

init_ms=""
if [ -z "$db" ]; then
    db="$work/demo.sqlite"
    start=$(now_ns)
    "$bin" init --db "$db" >/dev/null
    init_ms=$(ms_since "$start")
fi
# The association's city is known, so the program opens on the main screen.
printf 'home_city = 2935517\n' > "$work/home/config/twinning/config"

launch() { # launch COLS ROWS [extra tmux command...]
    local cols=$1 rows=$2; shift 2
    t new-session -d -s app -x "$cols" -y "$rows" \
        "exec env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME='$work/home' XDG_CONFIG_HOME='$work/home/config' '$bin' --db '$db'" "$@"
}

# A full screen: the title on the first line, the key bar on the last.
full_screen() {
    local screen
    screen=$(t capture-pane -p -t app 2>/dev/null) || return 1
    [[ "$(printf '%s\n' "$screen" | head -n 1)" == *"Our city: Dortmund"* ]] || return 1
    [[ "$(printf '%s\n' "$screen" | grep -v '^ *$' | tail -n 1)" == *"Quit"* ]] || return 1
}

wait_full_screen() { # deadline 60 s, polling every 20 ms
    local deadline=$(( $(date +%s) + 60 ))
    until full_screen; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "bench-tui: no full screen within 60 s" >&2; t capture-pane -p -t app >&2 || true; exit 1; }
        sleep 0.02
    done
}

# Waits until the screen (with attributes) has not changed for 300 ms.
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

selected_row() { t capture-pane -p -t app | grep -m1 '^> ' || true; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# 1. Launch to first full screen (3 runs).
launch_times=()
first_bytes=""
for run in 1 2 3; do
    : > "$work/first.out"
    start=$(now_ns)
    launch 80 24 \; pipe-pane -o -t app "cat >> '$work/first.out'"
    wait_full_screen
    launch_times+=("$(ms_since "$start")")
    wait_idle
    [ -n "$first_bytes" ] || first_bytes=$(stat -c %s "$work/first.out")
    t kill-server
    sleep 0.2
done
launch_median=$(printf '%s\n' "${launch_times[@]}" | median)

# 2. Bytes per Down, 3. peak RSS: one session at 80x24.
launch 80 24
wait_full_screen
wait_idle
pid=$(t display -p -t app '#{pane_pid}')
hwm_start=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
: > "$work/moves.out"
t pipe-pane -o -t app "cat >> '$work/moves.out'"
sleep 0.3
before=$(stat -c %s "$work/moves.out")
moves=50
move_start=$(now_ns)
for i in $(seq 1 "$moves"); do
    prev=$(selected_row)
    t send-keys -t app Down
    # One key at a time, each drawn before the next (no typeahead coalescing).
    deadline=$(( $(date +%s) + 10 ))
    while [ "$(selected_row)" = "$prev" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.01; done
done
move_ms=$(ms_since "$move_start")
wait_idle
after=$(stat -c %s "$work/moves.out")
t pipe-pane -t app   # stop piping
down_bytes=$(( after - before ))
hwm_moves=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")

# Peak RSS after switching to all cities of the world and filtering them.
t send-keys -t app a
sleep 0.2
t send-keys -t app /
t send-keys -t app -l "düsseldorf"
deadline=$(( $(date +%s) + 20 ))
until t capture-pane -p -t app | grep -q 'Filter: düsseldorf'; do
    [ "$(date +%s)" -lt "$deadline" ] || break
    sleep 0.02
done
wait_idle
t send-keys -t app Escape
t send-keys -t app Escape
wait_idle
hwm_filter=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
rss_now=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
t send-keys -t app q
t kill-server 2>/dev/null || true

kb_to_mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k/1024}'; }

echo
echo "twinning TUI benchmark (release, tmux $(tmux -V | cut -d' ' -f2), $(nproc) cores)"
echo "database: $( [ -n "$init_ms" ] && echo "demo, created by init in ${init_ms} ms" || echo "$db")"
echo
printf '%-52s %12s\n' "figure" "value"
printf '%-52s %12s\n' "----------------------------------------------------" "------------"
printf '%-52s %9s ms\n' "launch → first full screen, 80x24 (median of 3)" "$launch_median"
printf '%-52s %12s\n' "  runs (ms)" "$(IFS=/; echo "${launch_times[*]}")"
printf '%-52s %9s B\n' "bytes written for the first screen" "$first_bytes"
printf '%-52s %9s B\n' "bytes written for $moves × Down in Cities (80x24)" "$down_bytes"
printf '%-52s %9s B\n' "bytes per Down" "$(awk -v b="$down_bytes" -v n="$moves" 'BEGIN {printf "%.1f", b/n}')"
printf '%-52s %9s ms\n' "time per Down, key sent → row moved (incl. tmux)" "$(awk -v t="$move_ms" -v n="$moves" 'BEGIN {printf "%.1f", t/n}')"
printf '%-52s %9s MB\n' "peak RSS (VmHWM) after start" "$(kb_to_mb "$hwm_start")"
printf '%-52s %9s MB\n' "peak RSS (VmHWM) after $moves × Down" "$(kb_to_mb "$hwm_moves")"
printf '%-52s %9s MB\n' "peak RSS (VmHWM) after 'a' + filter \"düsseldorf\"" "$(kb_to_mb "$hwm_filter")"
printf '%-52s %9s MB\n' "RSS (VmRSS) at the end" "$(kb_to_mb "$rss_now")"

echo
echo "bytes per Down in every list (Scripts/bench-tui-moves.sh; decode with Scripts/decode-tty.py):"
Scripts/bench-tui-moves.sh --bin "$bin" --db "$db"

if [ -x "$benchbin" ]; then
    echo
    "$benchbin" filter --db "$db"
fi
