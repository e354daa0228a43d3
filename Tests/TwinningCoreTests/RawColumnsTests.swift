import XCTest
import GRDB
@testable import TwinningCore

/// The city lists read with SQLite's column functions are the lists read
/// through GRDB's `Row`, value for value, also for values of the wrong type
/// that another program could have stored.
final class RawColumnsTests: XCTestCase {
    func testTheFastReadEqualsTheRowReadForEveryKindOfStoredValue() throws {
        let db = try Fixtures.database()
        try db.write { db in
            // As an older version or another program could have stored them: without the checks and the safe-value triggers.
            try db.execute(sql: "PRAGMA ignore_check_constraints = 1")
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'city'") {
                try db.execute(sql: "DROP TRIGGER \"\(name)\"")
            }
            let hostile: [(String, String)] = [
                ("name", "42"), ("name", "4.5"), ("name", "x'00ff'"), ("admin1Name", "NULL"), ("name", "'Nul' || char(0) || 'after'"),
                ("admin1Name", "7"), ("population", "'many'"), ("population", "1e300"), ("population", "3.7"),
                ("latitude", "'north'"), ("latitude", "95.0"), ("latitude", "45"), ("longitude", "1e308 * 10"),
                ("longitude", "-179.5"), ("geonameId", "'abc'"), ("geonameId", "2.5"), ("countryCode", "x'4445'"),
                ("searchKey", "12"),
            ]
            for (i, (column, value)) in hostile.enumerated() {
                try db.execute(sql: "UPDATE city SET \(column) = \(value) WHERE id = (SELECT id FROM city ORDER BY id LIMIT 1 OFFSET \(i % 10))")
            }
            try db.execute(sql: "PRAGMA ignore_check_constraints = 0")
        }
        let sql = "SELECT \(CitySummary.columnsSQL("city")) FROM city ORDER BY id"
        let fast = try db.read { try CitySummary.fetchAllByPosition($0, sql: sql) }
        let rows = try db.read { try CitySummary.fetchAllThroughRows($0, sql: sql) }
        XCTAssertEqual(fast.count, 10)
        XCTAssertEqual(fast, rows)
        XCTAssertTrue(fast.contains { $0.population == nil }, "a text population is not known")
        XCTAssertTrue(fast.contains { $0.latitude == nil }, "a latitude beyond 90° is not known")
        XCTAssertTrue(fast.contains { $0.name == "Nul" }, "a stored NUL ends the text, as GRDB reads it")
    }
}
