#!/usr/bin/env bash
# Import speed, in µs per row, against two anchors: sqlite3's own .import of
# the same rows into a table with the same columns and indexes but none of the
# rules (issue 15's anchor), and sqlite3 doing the same job with the rules
# (.import into a staging table, then INSERT … SELECT into twinning's own table
# with its CHECKs, triggers and foreign keys); the same rows already there in
# both. And how long an import keeps other writers waiting. Not part of CI.
#
#   Scripts/bench-import.sh            # builds the release binaries first
#   TWINNING=/path/to/twinning Scripts/bench-import.sh   # measure another binary
#
# Files: cities.tsv (the shipped gazetteer, into `init --bare`); 100,000
# partnerships between gazetteer cities (into `init --empty`) and 100,000
# events on the demo partnerships (into `init`), both written by
# `twinning-bench import-files` from a fixed seed. The lock column is the
# longest stretch during the import in which another connection could not
# start a write (probed every 10 ms with BEGIN IMMEDIATE).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
if [ -z "${TWINNING:-}" ]; then
  swift build -c release --product twinning >/dev/null
  TWINNING=.build/release/twinning
fi
swift build -c release --product twinning-bench >/dev/null
BENCH=.build/release/twinning-bench
N=${ROWS:-100000}
WORK=$(mktemp -d /tmp/twinning-bench-import.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
# Runs "$@" while probing the write lock of $DB; prints "seconds lock_seconds".
timed_with_probe() {
  local db=$1; shift
  python3 - "$db" "$WORK/probe.out" <<'PY' &
import sqlite3, sys, time, os
db, out = sys.argv[1], sys.argv[2]
longest = 0.0; start = None
stop = db + ".stop"
while not os.path.exists(stop):
    try:
        c = sqlite3.connect(db, timeout=0, isolation_level=None)
        c.execute("BEGIN IMMEDIATE"); c.execute("ROLLBACK"); c.close()
        if start is not None: longest = max(longest, time.time() - start); start = None
    except sqlite3.OperationalError:
        if start is None: start = time.time()
    time.sleep(0.01)
if start is not None: longest = max(longest, time.time() - start)
open(out, "w").write("%.2f" % longest)
PY
  local probe=$!
  sleep 0.3
  local t0; t0=$(now)
  "$@" >/dev/null
  local t1; t1=$(now)
  touch "$db.stop"; wait $probe; rm -f "$db.stop"
  echo "$(echo "$t1 - $t0" | bc -l) $(cat "$WORK/probe.out")"
}

t0=$(now); "$TWINNING" init --db "$WORK/demo.sqlite" 2>/dev/null; t1=$(now)
INIT=$(echo "$t1 - $t0" | bc -l)
"$TWINNING" init --empty --db "$WORK/empty.sqlite" 2>/dev/null
"$TWINNING" init --bare --db "$WORK/bare.sqlite" 2>/dev/null
"$BENCH" import-files --db "$WORK/demo.sqlite" --out "$WORK" --partnerships "$N" --events "$N" --seed 14

CITIES=Sources/TwinningCore/Resources/cities.tsv
# name, table, start database, file, twinning import kind
runs=("cities city bare $CITIES cities" "partnerships partnership empty $WORK/partnerships.csv partnerships" "events event demo $WORK/events.csv events")
printf '%-14s %9s %10s %9s %12s %8s %12s %8s %10s\n' what rows twinning_s µs/row sqlite3_µs/row ratio rules_µs/row ratio lock_s
for run in "${runs[@]}"; do
  read -r name table start file kind <<<"$run"
  cp "$WORK/$start.sqlite" "$WORK/$name-twinning.sqlite"
  cp "$WORK/$start.sqlite" "$WORK/$name-sqlite3.sqlite"
  before=$(sqlite3 "$WORK/$start.sqlite" "SELECT coalesce(max(id), 0) FROM $table")
  read -r secs lock < <(timed_with_probe "$WORK/$name-twinning.sqlite" "$TWINNING" import "$kind" "$file" --db "$WORK/$name-twinning.sqlite")
  rows=$(sqlite3 "$WORK/$name-twinning.sqlite" "SELECT count(*) FROM $table WHERE id > $before")
  # The very rows twinning wrote, as sqlite3 .import reads them.
  sqlite3 -csv "$WORK/$name-twinning.sqlite" "SELECT * FROM $table WHERE id > $before ORDER BY id" > "$WORK/$name-rows.csv"
  # The comparison table: the same columns and the same indexes (unique ones
  # too) as twinning's table, holding the same rows before the import, but no
  # CHECKs or foreign keys: sqlite3 -csv writes NULL as an empty cell, which
  # .import reads back as '' and the CHECKs would refuse.
  python3 - "$WORK/$name-sqlite3.sqlite" "$table" <<'PY'
import sqlite3, sys
db, table = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
cols = c.execute(f"PRAGMA table_info({table})").fetchall()
defs = ", ".join(f"{col[1]} {col[2]}" + (" PRIMARY KEY" if col[5] else "") for col in cols)
c.execute(f"CREATE TABLE bench_{table} ({defs})")
for _, index, unique, _, _ in c.execute(f"PRAGMA index_list({table})").fetchall():
    names = ", ".join(r[2] for r in c.execute(f"PRAGMA index_info({index})").fetchall())
    c.execute(f"CREATE {'UNIQUE ' if unique else ''}INDEX bench_{index} ON bench_{table} ({names})")
c.execute(f"INSERT INTO bench_{table} SELECT * FROM {table}")
c.commit()
PY
  t0=$(now)
  sqlite3 -bail "$WORK/$name-sqlite3.sqlite" ".import --csv $WORK/$name-rows.csv bench_$table"
  t1=$(now)
  got=$(sqlite3 "$WORK/$name-sqlite3.sqlite" "SELECT count(*) FROM bench_$table WHERE id > $before")
  [ "$got" = "$rows" ] || { echo "sqlite3 .import wrote $got of $rows $table rows" >&2; exit 1; }
  ssecs=$(echo "$t1 - $t0" | bc -l)
  # The second anchor: sqlite3 doing the whole job twinning does, into
  # twinning's own table with its CHECKs, triggers and foreign keys (.import
  # into a staging table, then one INSERT … SELECT that turns empty cells
  # back into NULL). What SQLite itself needs for these rules.
  cp "$WORK/$start.sqlite" "$WORK/$name-rules.sqlite"
  insert_sql=$(python3 - "$WORK/$name-rules.sqlite" "$table" <<'PY'
import sqlite3, sys
db, table = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
cols = c.execute(f"PRAGMA table_info({table})").fetchall()
c.execute(f"CREATE TABLE bench_staging AS SELECT * FROM {table} WHERE 0")
c.commit()
names = ", ".join(col[1] for col in cols)
values = ", ".join(col[1] if col[3] else f"NULLIF({col[1]}, '')" for col in cols)
print(f"PRAGMA foreign_keys = ON; BEGIN; INSERT INTO {table} ({names}) SELECT {values} FROM bench_staging; COMMIT;")
PY
)
  t0=$(now)
  sqlite3 -bail "$WORK/$name-rules.sqlite" ".import --csv $WORK/$name-rows.csv bench_staging" "$insert_sql"
  t1=$(now)
  got=$(sqlite3 "$WORK/$name-rules.sqlite" "SELECT count(*) FROM $table WHERE id > $before")
  [ "$got" = "$rows" ] || { echo "sqlite3 with the rules wrote $got of $rows $table rows" >&2; exit 1; }
  rsecs=$(echo "$t1 - $t0" | bc -l)
  us=$(echo "$secs * 1000000 / $rows" | bc -l); sus=$(echo "$ssecs * 1000000 / $rows" | bc -l); rus=$(echo "$rsecs * 1000000 / $rows" | bc -l)
  printf '%-14s %9d %10.2f %9.1f %12.1f %8.1f %12.1f %8.1f %10.2f\n' "$name" "$rows" "$secs" "$us" "$sus" "$(echo "$us / $sus" | bc -l)" \
    "$rus" "$(echo "$us / $rus" | bc -l)" "$lock"
done
printf '\ninit (gazetteer + demo network): %.2f s\n' "$INIT"
