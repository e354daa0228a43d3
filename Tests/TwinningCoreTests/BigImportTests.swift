import XCTest
import GRDB
@testable import TwinningCore

/// A big file is checked whole before the write lock; a row the database
/// refuses in the write phase still names FILE:LINE, and nothing is written.
final class BigImportTests: XCTestCase {
    func bigEvents(rows: Int, bad: (line: Int, row: String)? = nil) -> String {
        var text = "geonameid_a,geonameid_b,start,title,participants,youth\n"
        for i in 0..<rows {
            let line = i + 2
            if let bad, bad.line == line { text += bad.row + "\n"; continue }
            text += "2935517,3037854,2024-06-\(String(format: "%02d", 1 + i % 28)),Event \(i),\(i % 90 + 10),5\n"
        }
        return text
    }

    func seeded() throws -> AppDatabase {
        let db = try Fixtures.database()
        try db.addPartnership(Partnership(between: try Fixtures.id(db, 2935517), and: try Fixtures.id(db, 3037854)))
        return db
    }

    func assertNothingWritten(_ db: AppDatabase, logLines: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try db.counts().events, 0, "nothing written", file: file, line: line)
        XCTAssertEqual(try db.changes().count, logLines, "no import in the log", file: file, line: line)
    }

    func testABadRowNearTheEndIsFoundBeforeAnythingIsWritten() throws {
        let db = try seeded()
        let path = try Fixtures.write(bigEvents(rows: 20_000, bad: (19_998, "2935517,3037854,2024-06-01,Late,10,11")), name: "big.csv")
        XCTAssertThrowsError(try Importer(database: db).importEvents(path: path)) { error in
            XCTAssertEqual("\(error)", "\(path):19998: youth: under-30s (11) cannot exceed participants (10)")
        }
        try assertNothingWritten(db, logLines: 1)
    }

    /// The database refuses a row the checks let through (here a trigger, as a
    /// later CHECK or trigger might): the error still names the file's line.
    func testARowRefusedInTheWritePhaseNamesItsLineAndNothingIsWritten() throws {
        let db = try seeded()
        try db.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_title BEFORE INSERT ON event WHEN NEW.title = 'Refused'
                BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: event_title'); END
                """)
        }
        let path = try Fixtures.write(bigEvents(rows: 20_000, bad: (19_999, "2935517,3037854,2024-06-01,Refused,10,5")), name: "big.csv")
        XCTAssertThrowsError(try Importer(database: db).importEvents(path: path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path):19999: record: refused by the database"), "\(error)")
        }
        try assertNothingWritten(db, logLines: 1)
    }

    /// Someone deletes a partnership between the checks and the write: the
    /// re-check under the lock finds it with one query and names the row.
    func testAReferenceDeletedAfterTheChecksIsFoundUnderTheLock() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        let anna = try AppDatabase.open(path: path, actor: ChangeActor(user: "anna"))
        try anna.write { db in for var city in Fixtures.cities { try city.insert(db) } }
        try anna.addPartnership(Partnership(between: try Fixtures.id(anna, 2935517), and: try Fixtures.id(anna, 3037854)))
        let ben = try AppDatabase.open(path: path, actor: ChangeActor(user: "ben"))
        let file = try Fixtures.write(bigEvents(rows: 100), name: "events.csv")
        let deleted = ManagedFlag()
        // The progress callback runs during the checks (a read): Ben deletes
        // the partnership then, from his own connection.
        let importer = Importer(database: anna) { _, _ in
            guard !deleted.value else { return }
            deleted.value = true
            _ = try? ben.write { db in try db.execute(sql: "DELETE FROM partnership") }
        }
        XCTAssertThrowsError(try importer.importEvents(path: file)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(file):2: the partnership "), "\(error)")
            XCTAssertTrue("\(error)".contains("was deleted by someone else while this file was checked"), "\(error)")
        }
        XCTAssertTrue(deleted.value)
        XCTAssertEqual(try anna.counts().events, 0)
    }
}

final class ManagedFlag: @unchecked Sendable { var value = false }
