// twinning-bench: figures for the full-screen program's hot paths.
// It prints numbers; it asserts nothing (the tests do that).
//
//   twinning-bench filter --db DB [--rows 24] [--columns 80] [--repeat 5]
//
// `filter` loads the data exactly as the TUI does (EffectRunner.loadData),
// builds the first screen (render), switches the Cities pane to all gazetteer
// cities (`a`) and times every filter keystroke (`/` then one key per
// character) through the real reducer, alone and with the render that follows
// each key in the TUI.

import Foundation
import TwinningCore
import TwinningUI
import TwinningTerminal

#if canImport(Glibc)
import Glibc
#endif

func usage() -> Never {
    let text = """
    usage: twinning-bench filter --db DB [--rows N] [--columns N] [--repeat N] [--stop first-screen|partnerships|events|matches] [--breakdown no] [--ahead MS] [--home NAME]
           twinning-bench import-files --db DEMO --out DIR [--partnerships N] [--events N] [--seed N]

      filter   median / max milliseconds per filter keystroke over the ~69k
               gazetteer names, load time, first-screen time and peak RSS.
      import-files  DIR/partnerships.csv (N pairs of gazetteer cities) and
               DIR/events.csv (N events on DEMO's partnerships), from a fixed seed,
               for Scripts/bench-import.sh.
    """
    FileHandle.standardError.write(Data((text + "\n").utf8))
    exit(2)
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1_000_000 }

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    // Linux reports ru_maxrss in kilobytes.
    return Double(usage.ru_maxrss) / 1024
}

func format(_ value: Double, _ decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    guard n < width else { return s }
    let fill = String(repeating: " ", count: width - n)
    return right ? fill + s : s + fill
}

// MARK: - Arguments

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { usage() }
arguments.removeFirst()
var options: [String: String] = [:]
while !arguments.isEmpty {
    let name = arguments.removeFirst()
    guard name.hasPrefix("--"), !arguments.isEmpty else { usage() }
    options[String(name.dropFirst(2))] = arguments.removeFirst()
}

if command == "import-files" {
    guard let demo = options["db"], let folder = options["out"] else { usage() }
    do {
        try writeImportFiles(demo: demo, folder: folder, partnerships: Int(options["partnerships"] ?? "100000") ?? 100_000,
                             events: Int(options["events"] ?? "100000") ?? 100_000, seed: UInt64(options["seed"] ?? "14") ?? 14)
    } catch {
        FileHandle.standardError.write(Data("twinning-bench: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
guard command == "filter" else { usage() }
guard let dbPath = options["db"] ?? ProcessInfo.processInfo.environment["TWINNING_DB"] else { usage() }
let rows = Int(options["rows"] ?? "24") ?? 24
let columns = Int(options["columns"] ?? "80") ?? 80
let repeats = max(1, Int(options["repeat"] ?? "5") ?? 5)
let queries = ["d", "du", "dus", "duss", "düsseldorf", "k", "kr", "krakow", "東", "san"]

// MARK: - Load and first screen, as the TUI does

let t0 = now()
let database: AppDatabase
do {
    database = try AppDatabase.open(path: dbPath, readOnly: true)
} catch {
    FileHandle.standardError.write(Data("twinning-bench: cannot open \(dbPath): \(error)\n".utf8))
    exit(1)
}
let runner = EffectRunner(database: database, config: UserConfig())
let tOpen = now()
let data: AppData
do {
    data = try runner.loadData()
} catch {
    FileHandle.standardError.write(Data("twinning-bench: loading failed: \(error)\n".utf8))
    exit(1)
}
let tLoad = now()
var state = AppState(size: Size(rows: rows, columns: columns), language: .en)
state.readOnly = true
// `--home NAME`: the home city the Matches pane ranks for (by its name in the register).
if let home = options["home"] { state.homeCityId = data.register.first { $0.name == home }?.id }
for effect in reduce(&state, .dataLoaded(data, select: nil)) {
    // The detail of the first city, as the main loop would load it.
    for action in runner.perform(effect, language: .en) { _ = reduce(&state, action) }
}
let tReduce = now()
var firstScreen = render(state)
let tRender = now()

let rssFirstScreen = peakRSSMegabytes()
let readAtFirstScreen = [("whole register", data.registerIsRead), ("gazetteer", data.gazetteerIsRead), ("partnerships", data.partnershipsAreRead), ("events", data.eventsAreRead)]
    .filter(\.1).map(\.0)
// `--stop first-screen`: only the start, for a profiler (perf record … twinning-bench filter --db DB --stop first-screen).
if options["stop"] == "first-screen" {
    print("open \(format(ms(tOpen - t0))) ms, load \(format(ms(tLoad - tOpen))) ms, apply \(format(ms(tReduce - tLoad))) ms, "
          + "render \(format(ms(tRender - tReduce))) ms, first screen \(format(ms(tRender - t0))) ms, RSS \(format(rssFirstScreen, 1)) MB")
    // What the load is made of, each read once more (warm cache now);
    // `--breakdown no` leaves it out, so a profile holds the first screen alone.
    if options["breakdown"] == "no" { exit(0) }
    func timed(_ name: String, _ body: () throws -> Int) {
        let a = now(); let n = (try? body()) ?? -1
        print("  \(pad(name, 30)) \(pad(format(ms(now() - a)), 9, right: true)) ms  (\(n))")
    }
    timed("registerHead (first screen)") { try database.registerHead(limit: EffectRunner.registerHeadSize, leading: nil).cities.count }
    timed("registerCitySummaries (after)") { try database.registerCitySummaries().count }
    timed("registerOtherNameKeys") { try database.registerOtherNameKeys().count }
    timed("partnerCountsByCity") { try database.partnerCountsByCity().count }
    timed("projectActivityByPartnership") { try database.projectActivityByPartnership().count }
    timed("register NameIndex") {
        let keys = try database.registerOtherNameKeys()
        return NameIndex(keys: data.register.map { NameIndex.key(for: $0, foldedOtherNames: keys[$0.id] ?? []) }).count
    }
    exit(0)
}

// The lists read on first use: the first switch to each pane, and `a`.
@MainActor func timedKeys(_ keys: [Key], on start: AppState) -> (Double, AppState) {
    var s = start
    let a = now()
    for key in keys {
        for effect in reduce(&s, .key(key)) {
            for action in runner.perform(effect, language: .en) { _ = reduce(&s, action) }
        }
    }
    firstScreen = render(s)
    return (ms(now() - a), s)
}
// `--stop events` measures that switch alone: the Partnerships list read
// behind its first page would take the other core meanwhile.
let (partnershipsMs, _) = options["stop"] == "events" ? (0, state) : timedKeys([.char("2")], on: state)
if options["stop"] == "partnerships" { print("first switch to Partnerships \(format(partnershipsMs)) ms"); exit(0) }
let (eventsMs, _) = timedKeys([.char("3")], on: state)
if options["stop"] == "events" { print("first switch to Events \(format(eventsMs)) ms"); exit(0) }
// `--ahead MS`: the engine built ahead as the program does, the user looking
// at the first screen for MS milliseconds before pressing 4.
if let ahead = options["ahead"].flatMap(Double.init) {
    runner.prepareAhead()
    Thread.sleep(forTimeInterval: ahead / 1000)
}
let (matchesMs, _) = timedKeys([.char("4")], on: state)
if options["stop"] == "matches" { print("first switch to Matches \(format(matchesMs)) ms, peak RSS \(format(peakRSSMegabytes(), 1)) MB"); exit(0) }

print("twinning-bench filter — \(dbPath)")
print("window \(columns)x\(rows); \(data.gazetteer.count) gazetteer cities, \(data.register.count) in the register, \(data.partnerships.count) partnerships, \(data.events.count) events")
print("")
print("open database                 \(pad(format(ms(tOpen - t0)), 9, right: true)) ms")
print("load data (EffectRunner)      \(pad(format(ms(tLoad - tOpen)), 9, right: true)) ms")
print("apply data + first detail     \(pad(format(ms(tReduce - tLoad)), 9, right: true)) ms")
print("first render                  \(pad(format(ms(tRender - tReduce)), 9, right: true)) ms")
print("total to first screen         \(pad(format(ms(tRender - t0)), 9, right: true)) ms")
print("peak RSS at first screen      \(pad(format(rssFirstScreen, 1), 9, right: true)) MB")
print("lists read for it             \(readAtFirstScreen.isEmpty ? "register's first page only" : "register's first page, " + readAtFirstScreen.joined(separator: ", "))")
print("first switch to Partnerships  \(pad(format(partnershipsMs), 9, right: true)) ms  (reads the partnerships)")
print("first switch to Events        \(pad(format(eventsMs), 9, right: true)) ms  (reads the events)")
print("first switch to Matches       \(pad(format(matchesMs), 9, right: true)) ms  (builds the match engine, ranks)")

// MARK: - Keys in the Partnerships and Events panes (ListKeys.swift)

printListKeys("Partnerships pane keys on \(data.partnerships.count) partnerships",
              timeListKeys(state, runner: runner, pane: .char("2"), steps: partnershipSteps))
printListKeys("Events pane keys on \(data.events.count) events", timeListKeys(state, runner: runner, pane: .char("3"), steps: eventSteps))
// A live refresh (another session wrote): the data is loaded again and the pane in front filtered again.
do {
    var s = state
    _ = reduce(&s, .key(.char("2")))
    let a = now()
    let fresh = try runner.loadData()
    _ = reduce(&s, .dataLoaded(fresh, select: nil))
    _ = render(s)
    print("live refresh, Partnerships in front \(pad(format(ms(now() - a)), 9, right: true)) ms  (loads the data again, reads the partnerships)")
} catch {
    print("live refresh failed: \(error)")
}

// MARK: - Filter keystrokes on the gazetteer

var base = state
let tGazetteer = now()
_ = reduce(&base, .key(.char("a")))  // register → all cities of the world
print("first `a` (all cities)        \(pad(format(ms(now() - tGazetteer)), 9, right: true)) ms  (reads the gazetteer)")
guard base.cities.scope == .gazetteer else {
    print("error: `a` did not switch the Cities pane to the gazetteer")
    exit(1)
}

print("")
print("filter keystrokes on all \(base.cityRows.count) gazetteer cities (\(repeats) runs per query; ms per key)")
print("\(pad("query", 12)) \(pad("keys", 4, right: true)) \(pad("matches", 8, right: true))   \(pad("reduce med", 10, right: true)) \(pad("reduce max", 10, right: true))   \(pad("+render med", 11, right: true)) \(pad("+render max", 11, right: true))")

var allReduce: [Double] = []
var allWithRender: [Double] = []
for query in queries {
    var reduceTimes: [Double] = []
    var renderTimes: [Double] = []
    var matches = 0
    for _ in 0..<repeats {
        var s = base
        _ = reduce(&s, .key(.char("/")))
        for c in query {
            let a = now()
            _ = reduce(&s, .key(.char(c)))
            let b = now()
            firstScreen = render(s)
            let r = now()
            reduceTimes.append(ms(b - a))
            renderTimes.append(ms(r - a))
        }
        matches = s.cities.visible.count
    }
    allReduce += reduceTimes
    allWithRender += renderTimes
    print("\(pad(query, 12)) \(pad(String(query.count), 4, right: true)) \(pad(String(matches), 8, right: true))   \(pad(format(median(reduceTimes), 3), 10, right: true)) \(pad(format(reduceTimes.max() ?? .nan, 3), 10, right: true))   \(pad(format(median(renderTimes), 3), 11, right: true)) \(pad(format(renderTimes.max() ?? .nan, 3), 11, right: true))")
}
print("\(pad("all", 12)) \(pad(String(allReduce.count), 4, right: true)) \(pad("", 8))   \(pad(format(median(allReduce), 3), 10, right: true)) \(pad(format(allReduce.max() ?? .nan, 3), 10, right: true))   \(pad(format(median(allWithRender), 3), 11, right: true)) \(pad(format(allWithRender.max() ?? .nan, 3), 11, right: true))")
print("")
print("peak RSS (ru_maxrss)          \(pad(format(peakRSSMegabytes(), 1), 9, right: true)) MB")
