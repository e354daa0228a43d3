import XCTest
import GRDB
@testable import TwinningCore

/// The database itself refuses what must never be stored, even when a bug
/// (or another program) bypasses the Swift validation.
final class SchemaTests: XCTestCase {
    var database: AppDatabase!
    var dortmund: Int64 = 0
    var amiens: Int64 = 0

    override func setUpWithError() throws {
        database = try Fixtures.database()
        dortmund = try Fixtures.id(database, 2935517)
        amiens = try Fixtures.id(database, 3037854)
    }

    func testMigrationsAreNamedAndComplete() throws {
        let applied = try database.read { db in try Schema.migrator.appliedIdentifiers(db) }
        XCTAssertEqual(Set(applied), ["v1-register", "v2-change-log", "v3-match-reviews", "v4-review-log", "v5-safe-values", "v6-import-log",
                                      "v7-city-names", "v8-theme-vocabulary", "v9-projects",
                                      "v10-perf-lists-summary", "v11-added-cities-index"])
        let tables = try database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
        }
        XCTAssertEqual(tables, ["change_log", "city", "city_name", "contact", "event", "import_row", "match_review", "meta", "partnership",
                                "partnership_activity", "project", "project_action", "project_city", "project_contact", "project_funding", "project_indicator",
                                "project_partnership"])
        XCTAssertTrue(try database.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false })
    }

    private func assertRefused(_ sql: String, _ arguments: StatementArguments = [], containing needle: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try database.write { db in try db.execute(sql: sql, arguments: arguments) }, file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(needle), "\(error) should mention \(needle)", file: file, line: line)
        }
    }

    private func insertPartnership() throws -> Int64 {
        try database.write { db in
            try db.execute(sql: "INSERT INTO partnership (cityA, cityB) VALUES (?, ?)", arguments: [min(dortmund, amiens), max(dortmund, amiens)])
            return db.lastInsertedRowID
        }
    }

    func testPartnershipConstraints() throws {
        assertRefused("INSERT INTO partnership (cityA, cityB) VALUES (?, ?)", [dortmund, dortmund], containing: "itself")
        assertRefused("INSERT INTO partnership (cityA, cityB) VALUES (?, ?)", [max(dortmund, amiens), min(dortmund, amiens)],
                      containing: "refused by the database")
        _ = try insertPartnership()
        assertRefused("INSERT INTO partnership (cityA, cityB) VALUES (?, ?)", [min(dortmund, amiens), max(dortmund, amiens)],
                      containing: "already partners")
        assertRefused("INSERT INTO partnership (cityA, cityB) VALUES (?, 999999)", [dortmund], containing: "does not exist")
        assertRefused("UPDATE partnership SET status = 'asleep'", containing: "refused")
        assertRefused("UPDATE partnership SET type = 'marriage'", containing: "refused")
        assertRefused("UPDATE partnership SET since = '1960-13'", containing: "refused")
        assertRefused("UPDATE partnership SET since = 'last year'", containing: "refused")
        assertRefused("UPDATE partnership SET since = '2025-02-30'", containing: "refused")
        assertRefused("UPDATE partnership SET since = '2025-00'", containing: "refused")
        assertRefused("UPDATE partnership SET since = '2000', until = '1999'", containing: "before since")
        assertRefused("UPDATE partnership SET themes = 'not json'", containing: "refused")
        // Partial dates are fine.
        try database.write { db in try db.execute(sql: "UPDATE partnership SET since = '1960', until = '2020-05'") }
    }

    func testEventConstraints() throws {
        let partnership = try insertPartnership()
        let insert = "INSERT INTO event (partnershipId, startDate, endDate, participants, youth) VALUES (?, ?, ?, ?, ?)"
        assertRefused(insert, [partnership, "2025-05-01", nil, 10, 11], containing: "under-30s cannot exceed participants")
        assertRefused(insert, [partnership, "2025-05-01", nil, nil, 3], containing: "under-30s cannot exceed participants")
        assertRefused(insert, [partnership, "2025-05-01", nil, -1, nil], containing: "cannot be negative")
        assertRefused(insert, [partnership, "2025-05-01", nil, 5, -1], containing: "cannot be negative")
        assertRefused(insert, [partnership, "2025-05-10", "2025-05-01", 5, 1], containing: "before the start")
        assertRefused(insert, [partnership, "14.05.2025", nil, 5, 1], containing: "refused")
        assertRefused(insert, [999999, "2025-05-01", nil, 5, 1], containing: "does not exist")
        assertRefused("INSERT INTO event (partnershipId, startDate, kind) VALUES (?, '2025', 'party')", [partnership], containing: "refused")
        assertRefused("INSERT INTO event (partnershipId, startDate, participantsByCountry) VALUES (?, '2025', '[1]')", [partnership], containing: "refused")
        try database.write { db in try db.execute(sql: insert, arguments: [partnership, "2025-05-01", "2025-05-03", 42, 42]) }
    }

    func testCityConstraints() throws {
        assertRefused("INSERT INTO city (name, searchKey, countryCode) VALUES ('', '', 'DE')", containing: "name")
        assertRefused("INSERT INTO city (name, searchKey, countryCode) VALUES ('Evil' || char(27) || '[2J', 'evil', 'DE')", containing: "name")
        assertRefused("INSERT INTO city (name, searchKey, countryCode) VALUES ('X', 'x', 'Germany')", containing: "country")
        assertRefused("INSERT INTO city (name, searchKey, countryCode, population) VALUES ('X', 'x', 'DE', -5)", containing: "negative")
        assertRefused("INSERT INTO city (name, searchKey, countryCode, latitude) VALUES ('X', 'x', 'DE', 91)", containing: "refused")
        assertRefused("INSERT INTO city (geonameId, name, searchKey, countryCode) VALUES (2935517, 'X', 'x', 'DE')", containing: "GeoNames id")
    }

    func testDeletingAPartnershipDeletesItsEventsAndContacts() throws {
        let partnership = try insertPartnership()
        try database.addEvent(Event(partnershipId: partnership, startDate: PartialDate(year: 2025)!))
        try database.addContact(Contact(name: "Claire", partnershipId: partnership))
        XCTAssertEqual(try database.removePartnership(id: partnership), 1)
        let counts = try database.counts()
        XCTAssertEqual(counts.events, 0)
        XCTAssertEqual(counts.contacts, 0)
        XCTAssertThrowsError(try database.removePartnership(id: partnership))
    }

    func testCityWithPartnersCannotBeDeleted() throws {
        _ = try insertPartnership()
        XCTAssertThrowsError(try database.write { db in try db.execute(sql: "DELETE FROM city WHERE id = ?", arguments: [self.dortmund]) })
    }
}
