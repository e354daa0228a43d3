#!/usr/bin/env bash
# Hostile probe of the files twinning writes (issue 14 A). Prints counts:
# inputs tried, files overwritten without consent, backups reported good that
# were not. Usage: Tests/Scripts/file_safety_probe.sh [path/to/twinning]
set -u
T=${1:-.build/debug/twinning}
W=$(mktemp -d /tmp/twinning-probe-XXXXXX)
trap 'rm -rf "$W"' EXIT
cd "$W"
"$T" init --db db.sqlite >/dev/null 2>&1 || { echo "init failed"; exit 2; }
tried=0; overwritten=0; badgood=0
sum() { md5sum "$1" 2>/dev/null | cut -d' ' -f1; }
ln -s db.sqlite alias.sqlite; ln db.sqlite hard.sqlite; mkdir sub
dbsum=$(sum db.sqlite)
# 1. --output onto the database, its companions, other spellings, with and without --force.
for target in db.sqlite ./db.sqlite sub/../db.sqlite "$W/db.sqlite" alias.sqlite hard.sqlite db.sqlite-wal db.sqlite-shm db.sqlite-journal; do
  for force in "" --force; do
    for cmd in "export cities" "export partnerships --format json" "export events --format ics" "report --format csv" "report --format html"; do
      tried=$((tried+1))
      $T $cmd --output "$target" $force --db db.sqlite >/dev/null 2>&1 && { echo "ACCEPTED: $cmd --output $target $force"; }
      [ "$(sum db.sqlite)" = "$dbsum" ] || { echo "DATABASE CHANGED by $cmd --output $target $force"; overwritten=$((overwritten+1)); dbsum=$(sum db.sqlite); }
      for c in -wal -shm -journal; do [ -f "db.sqlite$c" ] && [ "$(stat -c %s db.sqlite$c)" -gt 0 ] && head -c 20 "db.sqlite$c" | grep -qa 'geonameid\|BEGIN\|<!DOC\|^#' && { echo "COMPANION $c WRITTEN"; overwritten=$((overwritten+1)); }; done
    done
  done
done
# 2. An existing file without --force must stay as it was.
for cmd in "export cities" "export events --format json" "export events --format ics" "report --format md"; do
  echo precious > mine.txt; tried=$((tried+1))
  $T $cmd --output mine.txt --db db.sqlite >/dev/null 2>&1
  [ "$(cat mine.txt)" = precious ] || { echo "OVERWRITTEN without --force: $cmd"; overwritten=$((overwritten+1)); }
done
# 3. Backups: missing folder, missing/empty/foreign source; each must fail and leave nothing.
mkdir bk; : > empty.sqlite; echo text > text.sqlite; sqlite3 foreign.sqlite 'create table x(a)' 2>/dev/null || python3 -c "import sqlite3;sqlite3.connect('foreign.sqlite').execute('create table x(a)')"
for args in "nofolder/ --db db.sqlite" "nofolder/x.sqlite --db db.sqlite" "bk/ --db typo.sqlite" "bk/ --db empty.sqlite" "bk/ --db text.sqlite" "bk/ --db foreign.sqlite" "db.sqlite --force --db db.sqlite" "alias.sqlite --force --db db.sqlite"; do
  tried=$((tried+1))
  if $T backup $args >/dev/null 2>&1; then echo "BACKUP REPORTED GOOD: $args"; badgood=$((badgood+1)); fi
done
[ -e nofolder ] && { echo "nofolder created"; overwritten=$((overwritten+1)); }
[ -e typo.sqlite ] && { echo "typo.sqlite created"; badgood=$((badgood+1)); }
[ "$(ls -A bk)" = "" ] || { echo "files left in bk: $(ls -A bk)"; badgood=$((badgood+1)); }
# 4. Killed backups: whatever is left under a dated name must be complete.
expected=$($T check --db db.sqlite | head -1)
for delay in 0.02 0.05 0.1 0.15 0.2 0.3 0.5 0.8; do
  tried=$((tried+1))
  $T backup bk/ --db db.sqlite >/dev/null 2>&1 & pid=$!
  sleep $delay; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  sleep 1.1   # a new second, so the next dated name is free
done
for f in bk/twinning-*.sqlite; do
  [ -e "$f" ] || continue
  got=$($T check --db "$f" 2>&1 | head -1)
  [ "$got" = "$expected" ] || { echo "INCOMPLETE BACKUP UNDER FINAL NAME: $f ($got)"; badgood=$((badgood+1)); }
done
echo "killed backups: $(ls bk | grep -c '^twinning-') finished, $(ls -A bk | grep -c 'partial') partial left (hidden .NAME.partial-XXXXXX)"
# 5. check never writes.
for f in db.sqlite empty.sqlite text.sqlite foreign.sqlite; do
  tried=$((tried+1)); before=$(sum "$f")$(stat -c %Y.%y "$f")
  $T check --db "$f" >/dev/null 2>&1; rc=$?
  [ "$(sum "$f")$(stat -c %Y.%y "$f")" = "$before" ] || { echo "check CHANGED $f"; overwritten=$((overwritten+1)); }
  [ "$f" != db.sqlite ] && [ $rc -eq 0 ] && { echo "check passed $f"; badgood=$((badgood+1)); }
done
echo "inputs tried: $tried"
echo "files overwritten without consent: $overwritten"
echo "backups/checks reported good that were not: $badgood"
