#!/usr/bin/env python3
"""The pairs of Scripts/bench-compare.sh: twinning and its anchor, run in
alternation, medians of wall and CPU time (user + system of the child, which a
loaded machine disturbs less than wall time), and the ratio of the CPU
medians. Prints one table. Asserts nothing.

    bench_compare.py TWINNING DEMO TENX WORK RUNS

Imports: cities.tsv into `init --bare`, 99,000 generated partnerships into
`init --empty`... (the files Scripts/make-10x-db.sh writes, here regenerated
into WORK by the shell script), each against `sqlite3 .import` of the very rows
twinning wrote into a table with the same columns and indexes, holding the
same rows before.
CLI: the whole process of a twinning command against `sqlite3` running the
query that command runs, start-up included on both sides.
"""
import os, shutil, sqlite3, statistics, subprocess, sys, time

twinning, demo, tenx, work, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
env = dict(os.environ, LANG="C.UTF-8", TWINNING_LANG="en")


def run(cmd, stdin=None):
    """(wall s, cpu s) of one child process; its output is dropped."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=stdin, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench-compare: {' '.join(cmd)} failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime


def pair(prepare_a, cmd_a, prepare_b, cmd_b):
    """Alternates a and b `runs` times; medians of (wall, cpu) for each."""
    a, b = [], []
    for i in range(runs):
        for prepare, cmd, out in ((prepare_a, cmd_a, a), (prepare_b, cmd_b, b)) if i % 2 == 0 else \
                ((prepare_b, cmd_b, b), (prepare_a, cmd_a, a)):
            if prepare: prepare()
            out.append(run(cmd))
    med = lambda xs, k: statistics.median(x[k] for x in xs)
    return (med(a, 0), med(a, 1)), (med(b, 0), med(b, 1))


rows = []


def row(what, unit_n, tw, anchor, anchor_name, goal):
    (tw_wall, tw_cpu), (an_wall, an_cpu) = tw, anchor
    ratio = tw_cpu / an_cpu if an_cpu > 0 else float("nan")
    per = f"{tw_cpu * 1e6 / unit_n:8.1f}" if unit_n else "        "
    rows.append((what, f"{tw_wall * 1000:9.0f}", f"{tw_cpu * 1000:9.0f}", per, anchor_name,
                 f"{an_wall * 1000:9.0f}", f"{an_cpu * 1000:9.0f}", f"{ratio:6.2f}", goal))


def copy(src, dst):
    def do():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(dst + suffix): os.remove(dst + suffix)
        shutil.copyfile(src, dst)
    return do


def bench_table(db, table, before):
    """A copy of `table` with the same columns and indexes (unique ones too)
    holding the rows up to id `before`, but no CHECKs, triggers or foreign
    keys: sqlite3 -csv writes NULL as an empty cell, which .import reads back
    as '' and the CHECKs would refuse."""
    c = sqlite3.connect(db)
    cols = c.execute(f"PRAGMA table_info({table})").fetchall()
    defs = ", ".join(f"{col[1]} {col[2]}" + (" PRIMARY KEY" if col[5] else "") for col in cols)
    c.execute(f"CREATE TABLE bench_{table} ({defs})")
    for _, index, unique, _, _ in c.execute(f"PRAGMA index_list({table})").fetchall():
        names = ", ".join(r[2] for r in c.execute(f"PRAGMA index_info({index})").fetchall())
        c.execute(f"CREATE {'UNIQUE ' if unique else ''}INDEX bench_{index} ON bench_{table} ({names})")
    c.execute(f"INSERT INTO bench_{table} SELECT * FROM {table} WHERE id <= ?", (before,))
    c.commit()
    c.close()


def imports():
    cities = os.path.join(root, "Sources/TwinningCore/Resources/cities.tsv")
    bare, empty, with_pairs = (os.path.join(work, n) for n in ("bare.sqlite", "empty.sqlite", "pairs.sqlite"))
    for kind, table, start, path in (("cities", "city", bare, cities),
                                     ("partnerships", "partnership", empty, os.path.join(work, "partnerships.csv")),
                                     ("events", "event", with_pairs, os.path.join(work, "events.csv"))):
        c = sqlite3.connect(start)
        before = c.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        c.close()
        tw_db = os.path.join(work, f"{kind}-tw.sqlite")
        # One import first, to get the rows for the anchor (not timed).
        copy(start, tw_db)()
        run([twinning, "import", kind, path, "--db", tw_db])
        c = sqlite3.connect(tw_db)
        n = c.execute(f"SELECT count(*) FROM {table} WHERE id > ?", (before,)).fetchone()[0]
        c.close()
        csv = os.path.join(work, f"{kind}-rows.csv")
        with open(csv, "w") as out:
            subprocess.run(["sqlite3", "-csv", tw_db, f"SELECT * FROM {table} WHERE id > {before} ORDER BY id"],
                           stdout=out, check=True)
        anchor_start = os.path.join(work, f"{kind}-anchor-start.sqlite")
        copy(tw_db, anchor_start)()
        bench_table(anchor_start, table, before)
        c = sqlite3.connect(anchor_start)
        c.execute(f"DELETE FROM {table} WHERE id > ?", (before,))
        c.commit(); c.execute("VACUUM"); c.close()
        anchor_db = os.path.join(work, f"{kind}-anchor.sqlite")
        tw, an = pair(copy(start, tw_db), [twinning, "import", kind, path, "--db", tw_db],
                      copy(anchor_start, anchor_db), ["sqlite3", "-bail", anchor_db, f".import --csv {csv} bench_{table}"])
        row(f"import {kind} ({n:,} rows)", n, tw, an, "sqlite3 .import", "<= 2")


def cli():
    c = sqlite3.connect(demo)
    dortmund = c.execute("SELECT id FROM city WHERE geonameId = 2935517").fetchone()[0]
    c.close()
    # The query each command runs (as AppDatabase builds it), for sqlite3.
    search_sql = "".join(l for l in open(os.path.join(root, "Scripts/bench-sql/cities-search-dortmund.sql"))
                         if not l.startswith("--"))
    sides = """
          a.id AS a_id, a.geonameId AS a_geonameId, a.name AS a_name, a.searchKey AS a_searchKey,
          a.asciiKey AS a_asciiKey, a.countryCode AS a_countryCode, a.admin1Name AS a_admin1Name, a.population AS a_population,
          a.latitude AS a_latitude, a.longitude AS a_longitude,
          b.id AS b_id, b.geonameId AS b_geonameId, b.name AS b_name, b.searchKey AS b_searchKey,
          b.asciiKey AS b_asciiKey, b.countryCode AS b_countryCode, b.admin1Name AS b_admin1Name, b.population AS b_population,
          b.latitude AS b_latitude, b.longitude AS b_longitude"""
    # AppDatabase.partnershipDetailSQL and AppDatabase.events, with the city filled in.
    partners_sql = f"""SELECT p.*, {sides},
          (SELECT COUNT(*) FROM event e WHERE e.partnershipId = p.id) AS eventCount,
          (SELECT MAX(e.startDate) FROM event e WHERE e.partnershipId = p.id) AS lastEvent
        FROM partnership p JOIN city a ON a.id = p.cityA JOIN city b ON b.id = p.cityB
        WHERE (p.cityA = {dortmund} OR p.cityB = {dortmund}) ORDER BY a.searchKey, b.searchKey;"""
    events_sql = f"""SELECT e.*, {sides}
        FROM event e JOIN partnership p ON p.id = e.partnershipId JOIN city a ON a.id = p.cityA JOIN city b ON b.id = p.cityB
        WHERE (p.cityA = {dortmund} OR p.cityB = {dortmund}) ORDER BY e.startDate DESC, e.id DESC;"""
    for what, db, cmd, sql in (
            ("cities search dortmund (demo)", demo, ["cities", "search", "dortmund"], search_sql),
            ("partnerships list --city Dortmund (10x)", tenx, ["partnerships", "list", "--city", "2935517"], partners_sql),
            ("events list --city Dortmund (10x)", tenx, ["events", "list", "--city", "2935517"], events_sql)):
        tw, an = pair(None, [twinning, *cmd, "--db", db], None, ["sqlite3", db, sql])
        row(what, 0, tw, an, "sqlite3 same query", "<= 1.5")
    # Start-up alone: the cheapest command there is, against sqlite3 doing nothing.
    tw, an = pair(None, [twinning, "cities", "--help"], None, ["sqlite3", ":memory:", "SELECT 1"])
    row("start-up (twinning cities --help)", 0, tw, an, "sqlite3 SELECT 1", "")


def report():
    # report over the whole register: demo against 10x (the goal is linear: <= 12x).
    tw, an = pair(None, [twinning, "report", "--db", tenx, "--format", "md"], None, [twinning, "report", "--db", demo, "--format", "md"])
    row("report, whole register: 10x", 0, tw, an, "the same on demo", "<= 12")




if "imports" in os.environ.get("BENCH_PARTS", "imports cli"): imports()
if "cli" in os.environ.get("BENCH_PARTS", "imports cli"): cli()
if "report" in os.environ.get("BENCH_PARTS", "imports cli"): report()

head = ("what", "wall ms", "cpu ms", "µs/row", "anchor", "wall ms", "cpu ms", "ratio", "goal")
widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
line = lambda r: "  ".join(c.ljust(w) if i in (0, 4) else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
print(f"pairs, {runs} alternated runs each, medians; ratio = twinning cpu / anchor cpu")
print(line(head))
print("  ".join("-" * w for w in widths))
for r in rows: print(line(r))
