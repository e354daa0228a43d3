import XCTest
import GRDB
@testable import TwinningCore

/// The per-partnership events summary (v10-perf-lists-summary) stays equal
/// to a fresh count after every kind of write, and the list rows read by
/// column position are the rows the by-name decoders read.
final class PartnershipActivityTests: XCTestCase {
    var db: AppDatabase!
    var dortmund: Int64 = 0, amiens: Int64 = 0, krakow: Int64 = 0

    override func setUpWithError() throws {
        db = try Fixtures.database()
        dortmund = try Fixtures.id(db, 2935517)
        amiens = try Fixtures.id(db, 3037854)
        krakow = try Fixtures.id(db, 3094802)
    }

    struct Activity: Equatable { var count: Int; var last: String }

    func summary() throws -> [Int64: Activity] {
        try db.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT partnershipId, eventCount, lastEvent FROM partnership_activity")
                .map { ($0[0] as Int64, Activity(count: $0[1], last: $0[2])) })
        }
    }

    func counted() throws -> [Int64: Activity] {
        try db.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT partnershipId, COUNT(*), MAX(startDate) FROM event GROUP BY partnershipId")
                .map { ($0[0] as Int64, Activity(count: $0[1], last: $0[2])) })
        }
    }

    /// The summary equals a fresh count, and the list shows it.
    func assertFresh(_ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = try counted()
        XCTAssertEqual(try summary(), fresh, message, file: file, line: line)
        for detail in try db.partnerships() {
            XCTAssertEqual(detail.eventCount, fresh[detail.id]?.count ?? 0, "\(message): count of \(detail.id)", file: file, line: line)
            XCTAssertEqual(detail.lastEvent?.iso, fresh[detail.id]?.last, "\(message): last event of \(detail.id)", file: file, line: line)
        }
    }

    func date(_ text: String) -> PartialDate { PartialDate.parse(text)! }

    func testSummaryFollowsInsertUpdateDeleteAndUndo() throws {
        let first = try db.addPartnership(Partnership(between: dortmund, and: amiens))
        let second = try db.addPartnership(Partnership(between: dortmund, and: krakow))
        try assertFresh("no events: no rows")
        XCTAssertEqual(try summary(), [:])

        var early = try db.addEvent(Event(partnershipId: first.id!, title: "early", startDate: date("2019")))
        let late = try db.addEvent(Event(partnershipId: first.id!, title: "late", startDate: date("2024-05-14")))
        try db.addEvent(Event(partnershipId: second.id!, title: "other", startDate: date("2021-03")))
        try assertFresh("after inserts")
        XCTAssertEqual(try summary()[first.id!], Activity(count: 2, last: "2024-05-14"))

        // An edit that makes the early event the latest, then moves it to the other partnership.
        early.startDate = date("2025-01-02")
        early = try db.updateEvent(early)
        try assertFresh("after a date change")
        XCTAssertEqual(try summary()[first.id!]?.last, "2025-01-02")
        try db.write { db in try db.execute(sql: "UPDATE event SET partnershipId = ? WHERE id = ?", arguments: [second.id!, early.id!]) }
        try assertFresh("after moving an event")
        XCTAssertEqual(try summary()[first.id!], Activity(count: 1, last: "2024-05-14"))
        XCTAssertEqual(try summary()[second.id!], Activity(count: 2, last: "2025-01-02"))

        // Deleting the latest event counts again; deleting the last one removes the row.
        try db.removeEvent(id: late.id!)
        try assertFresh("after deleting the only event")
        XCTAssertNil(try summary()[first.id!])
        XCTAssertEqual(try db.partnership(id: first.id!)?.eventCount, 0)

        // Undo brings the event back, and its count with it.
        XCTAssertEqual(try db.undoLast()?.action, .delete)
        try assertFresh("after undoing the delete")
        XCTAssertEqual(try summary()[first.id!], Activity(count: 1, last: "2024-05-14"))

        // Deleting a partnership deletes its events by cascade and its row.
        try db.removePartnership(id: second.id!)
        try assertFresh("after deleting a partnership")
        XCTAssertNil(try summary()[second.id!])
        XCTAssertEqual(try db.undoLast()?.action, .delete)
        try assertFresh("after undoing the partnership delete")
        XCTAssertEqual(try summary()[second.id!], Activity(count: 2, last: "2025-01-02"))
    }

    func testSummaryAfterAnImportAndItsUndo() throws {
        try db.addPartnership(Partnership(between: dortmund, and: amiens))
        var events = "geonameid_a,geonameid_b,start,title\n"
        for i in 0..<300 { events += "2935517,3037854,20\(10 + i % 15)-05-\(String(format: "%02d", 1 + i % 28)),Event \(i)\n" }
        try Importer(database: db).importEvents(path: try Fixtures.write(events, name: "events.csv"))
        try assertFresh("after an import")
        XCTAssertEqual(try summary().values.first?.count, 300)
        XCTAssertEqual(try db.undoLast()?.action, .import)
        try assertFresh("after undoing the import")
        XCTAssertEqual(try summary(), [:])
    }

    func testMigrationFillsTheSummaryOfAnOlderFileAndAnOlderFileIsStillListed() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v9-projects")
        try queue.write { db in
            for var city in Fixtures.cities { try city.insert(db) }
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM city ORDER BY id LIMIT 3")
            try db.execute(sql: "INSERT INTO partnership (cityA, cityB) VALUES (?, ?), (?, ?)", arguments: [ids[0], ids[1], ids[0], ids[2]])
            try db.execute(sql: """
                INSERT INTO event (partnershipId, startDate) VALUES (1, '2020'), (1, '2023-06'), (1, '2023-05-31'), (2, '1999')
                """)
            // Before v10 the list counts the events itself.
            XCTAssertFalse(try AppDatabase.hasPartnershipActivity(db))
            let old = try AppDatabase.fetchDetails(db, sql: try AppDatabase.partnershipRowSQL(db) + " ORDER BY p.id", arguments: [])
            XCTAssertEqual(old.map(\.eventCount), [3, 1])
            XCTAssertEqual(old.map(\.lastEvent?.iso), ["2023-06", "1999"])
        }
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT partnershipId, eventCount, lastEvent FROM partnership_activity ORDER BY partnershipId")
            XCTAssertEqual(rows.map { [$0[0] as Int64, $0[1] as Int64] }, [[1, 3], [2, 1]])
            XCTAssertEqual(rows.map { $0[2] as String }, ["2023-06", "1999"])
            let new = try AppDatabase.fetchDetails(db, sql: try AppDatabase.partnershipRowSQL(db) + " ORDER BY p.id", arguments: [])
            XCTAssertEqual(new.map(\.eventCount), [3, 1])
            XCTAssertEqual(new.map(\.lastEvent?.iso), ["2023-06", "1999"])
        }
    }

    func testRowsByPositionEqualRowsByName() throws {
        let p = try db.addPartnership(Partnership(between: dortmund, and: amiens, type: .friendship, status: .dormant,
                                                  since: date("1960"), until: date("2020-05"), themes: ["youth", "sdg13"],
                                                  notes: "Notizen", source: "test"))
        try db.addPartnership(Partnership(between: dortmund, and: krakow))
        try db.addEvent(Event(partnershipId: p.id!, title: "Besuch", kind: .visit, startDate: date("2025-07-14"), endDate: date("2025-07-21"),
                              direction: .to_b, format: .hybrid, participants: 38, youth: 31, participantsByCountry: ["DE": 24, "FR": 14],
                              notes: "Zwei Busse"))
        try db.addEvent(Event(partnershipId: p.id!, startDate: date("2024")))
        let byName = try db.read { db in try Partnership.order(Column("id")).fetchAll(db) }
        XCTAssertEqual(try db.partnerships().map(\.partnership).sorted { $0.id! < $1.id! }, byName)
        let eventsByName = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY startDate DESC, id DESC").map(Event.init(row:))
        }
        XCTAssertEqual(try db.events().map(\.event), eventsByName)
        XCTAssertEqual(try db.events().first?.cityA.name, try db.partnership(id: p.id!)?.cityA.name)
    }

    func testABadStoredValueIsAnErrorNamingThePartnership() throws {
        let p = try db.addPartnership(Partnership(between: dortmund, and: amiens))
        try db.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = 1")
            try db.execute(sql: "UPDATE partnership SET status = 'gone' WHERE id = ?", arguments: [p.id!])
            try db.execute(sql: "PRAGMA ignore_check_constraints = 0")
        }
        XCTAssertThrowsError(try db.partnerships()) { error in
            XCTAssertTrue("\(error)".contains("Partnership \(p.id!)") && "\(error)".contains("status"), "\(error)")
        }
    }
}

/// The byte-level reader of stored dates gives what `parse` gives, for the
/// stored forms and for the odd values an old file may hold.
final class StoredDateTests: XCTestCase {
    func testStoredDatesReadAsParseReadsThem() {
        for text in ["2025", "2025-05", "2025-05-14", "1000", "0999", "9999-12-31", "2025-13", "2025-02-30", "2024-02-29", "2025-00",
                     "2025-5", "2025-05-1", "20a5", "2025/05", " 2025", "14.05.2026", "", "-", "2025-05-14T10:00", "٢٠٢٥", "2025-٠5"] {
            XCTAssertEqual(PartialDate.stored(text), PartialDate.parse(text), text)
        }
        XCTAssertEqual(PartialDate.stored("2025-05-14")?.iso, "2025-05-14")
        XCTAssertNil(PartialDate.stored("2025-02-30"))
    }
}
