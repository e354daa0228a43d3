// `twinning-bench import-files`: big import files with a fixed seed, for
// Scripts/bench-import.sh. The same seed writes the same files on every machine.

import Foundation
import GRDB
import TwinningCore

/// Writes DIR/partnerships.csv (pairs of gazetteer cities, none twice) and
/// DIR/events.csv (events on the partnerships of `demo`).
func writeImportFiles(demo: String, folder: String, partnerships: Int, events: Int, seed: UInt64) throws {
    let database = try AppDatabase.open(path: demo, readOnly: true)
    var random = SeededRandom(seed: seed)
    let (cities, pairs) = try database.read { db -> ([Int64], [(Int64, Int64)]) in
        let cities = try Int64.fetchAll(db, sql: "SELECT geonameId FROM city WHERE geonameId IS NOT NULL ORDER BY geonameId")
        let pairs = try Row.fetchAll(db, sql: """
            SELECT a.geonameId, b.geonameId FROM partnership p JOIN city a ON a.id = p.cityA JOIN city b ON b.id = p.cityB
            WHERE a.geonameId IS NOT NULL AND b.geonameId IS NOT NULL ORDER BY p.id
            """).map { (row: Row) in (row[0] as Int64, row[1] as Int64) }
        return (cities, pairs)
    }
    guard cities.count > 1, !pairs.isEmpty || events == 0 else { throw BenchError("\(demo) needs the gazetteer and the demo partnerships") }
    let statuses = ["active", "active", "active", "dormant", "proposed"]
    var text = "geonameid_a,geonameid_b,status,since,notes\n"
    // Pairs already in the database count as seen: the import refuses them.
    var seen = Set(pairs.map { min($0.0, $0.1) &* 16_777_216 &+ max($0.0, $0.1) })
    var written = 0
    while written < partnerships {
        let a = cities[Int(random.next() % UInt64(cities.count))]
        let b = cities[Int(random.next() % UInt64(cities.count))]
        guard a != b, seen.insert(min(a, b) &* 16_777_216 &+ max(a, b)).inserted else { continue }
        let since = 1950 + Int(random.next() % 75)
        text += "\(a),\(b),\(statuses[Int(random.next() % 5)]),\(since),generated pair \(written + 1)\n"
        written += 1
    }
    try text.write(toFile: folder + "/partnerships.csv", atomically: true, encoding: .utf8)

    let kinds = ["visit", "youth_exchange", "culture", "sport", "official_delegation", "online_meeting"]
    text = "geonameid_a,geonameid_b,title,kind,start,participants,youth,notes\n"
    for index in 0..<events {
        let (a, b) = pairs[Int(random.next() % UInt64(pairs.count))]
        let year = 1990 + Int(random.next() % 36), month = 1 + Int(random.next() % 12), day = 1 + Int(random.next() % 28)
        let participants = Int(random.next() % 200)
        let youth = participants == 0 ? 0 : Int(random.next() % UInt64(participants + 1))
        text += "\(a),\(b),Event \(index + 1),\(kinds[Int(random.next() % 6)]),"
            + String(format: "%04d-%02d-%02d", year, month, day) + ",\(participants),\(youth),\"notes, line \(index + 1)\"\n"
    }
    try text.write(toFile: folder + "/events.csv", atomically: true, encoding: .utf8)
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
