import XCTest
import GRDB
@testable import TwinningCore

/// No value a person can enter, and no value stored in the database (even one
/// planted with sqlite3 past every check), may stop the program: counts are
/// bounded at every entry point and in the database (v5-safe-values), sums
/// saturate, and readers cope with rows written before the bounds existed.
final class SafeValuesTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-safevalues-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func event(participants: Int? = nil, youth: Int? = nil, byCountry: [String: Int] = [:], year: Int = 2025) -> Event {
        Event(partnershipId: 1, startDate: PartialDate(year: year)!, participants: participants, youth: youth,
              participantsByCountry: byCountry)
    }

    private func assertRefused(_ e: Event, field: String, containing needle: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try e.validate(), file: file, line: line) { error in
            let v = error as? ValidationError
            XCTAssertEqual(v?.field, field, "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".contains(needle), "\(error)", file: file, line: line)
        }
    }

    // MARK: - Validation

    func testCountsAreBoundedToAMillionWithTheFieldNamed() throws {
        XCTAssertEqual(Validation.maxParticipants, 1_000_000)
        XCTAssertNoThrow(try event(participants: 1_000_000, youth: 1_000_000).validate())
        assertRefused(event(participants: Int.max), field: "participants", containing: "at most 1,000,000")
        assertRefused(event(participants: 1_000_001), field: "participants", containing: "1000001")
        assertRefused(event(participants: -1), field: "participants", containing: "negative")
        assertRefused(event(participants: 10, youth: Int.max), field: "youth", containing: "at most 1,000,000")
        assertRefused(event(byCountry: ["DE": Int.max]), field: "participants_by_country", containing: "DE must be at most")
        // Many countries of up to a million each: the sum is bounded too, and computing it cannot overflow.
        assertRefused(event(byCountry: ["DE": 900_000, "FR": 900_000]), field: "participants_by_country", containing: "1800000")
        assertRefused(event(participants: 5, byCountry: ["DE": 3, "FR": 3]), field: "participants_by_country", containing: "more than the 5")
    }

    func testCountryOfTheSplitMustBeARealCountry() throws {
        assertRefused(event(byCountry: ["XX": 1]), field: "participants_by_country", containing: "XX is not a country code")
        XCTAssertNoThrow(try event(byCountry: ["DE": 1, "XK": 2]).validate())
        switch CountryCounts.parse("xx:1") {
        case .success(let counts): XCTFail("accepted \(counts)")
        case .failure(let error): XCTAssertTrue(error.message.contains("XX is not a country code"), error.message)
        }
        switch CountryCounts.parse("DE:1; DE:2") {
        case .success(let counts): XCTFail("summed silently: \(counts)")
        case .failure(let error): XCTAssertEqual(error.message, "DE is given twice")
        }
        XCTAssertEqual(try CountryCounts.parse("de:1; fr:2").get(), ["DE": 1, "FR": 2], "lower case is read as the code")
    }

    /// The list in code is the list of the shipped countries.tsv.
    func testCountryCodesAgreeWithCountriesFile() throws {
        let table = try Table.read(path: try DataFiles.url(for: "countries.tsv").path)
        let codes = Set(table.records.compactMap { $0["iso"] })
        XCTAssertEqual(codes.count, CountryCodes.all.count)
        XCTAssertEqual(codes, CountryCodes.all)
    }

    func testPopulationIsBounded() throws {
        var city = City(name: "Hugetown", countryCode: "DE", population: Int.max)
        XCTAssertThrowsError(try city.validate()) { XCTAssertEqual(($0 as? ValidationError)?.field, "population") }
        city.population = 25_000_000
        XCTAssertNoThrow(try city.validate())
    }

    func testWeightProfilesRefuseHugeWeights() throws {
        XCTAssertThrowsError(try WeightProfile.parse("themes = 1e30\n", name: "x")) { error in
            XCTAssertTrue("\(error)".contains("from 0 to 1000000"), "\(error)")
        }
        XCTAssertThrowsError(try WeightProfile.parse("themes = 1e308\n", name: "x"))
        XCTAssertThrowsError(try WeightProfile.parse("themes = nan\n", name: "x"))
        XCTAssertTrue(try WeightProfile.parse("mode = learn\n", name: "zero").allWeightsZero)
        XCTAssertFalse(WeightProfile.builtIn(.similar).allWeightsZero)
        // Formatting a whole but huge weight (a profile built in code) must not trap in Int(w).
        XCTAssertEqual(WeightProfile.format(1e30), "1e+30")
    }

    // MARK: - Arithmetic

    func testSafeMathSaturatesInsteadOfTrapping() {
        XCTAssertEqual(SafeMath.add(Int.max, 1), Int.max)
        XCTAssertEqual(SafeMath.add(Int.min, -1), Int.min)
        XCTAssertEqual(SafeMath.sum([Int.max, Int.max, 5]), Int.max)
        XCTAssertEqual(SafeMath.int(Double.infinity), Int.max)
        XCTAssertEqual(SafeMath.int(-Double.infinity), Int.min)
        XCTAssertEqual(SafeMath.int(Double.nan), 0)
        XCTAssertEqual(SafeMath.int(9_223_372_036_854_775_807.0), Int.max, "rounds to 2^63, which Int() cannot hold")
        XCTAssertEqual(SafeMath.int(2.5), 3)
        XCTAssertEqual(SafeMath.percent(31, of: 38), 82)
        XCTAssertNil(SafeMath.percent(5, of: 0), "a share of 0 participants is not shown")
        XCTAssertEqual(SafeMath.percent(Int.max, of: 1), 100, "a share above 100 % is held at 100")
    }

    /// The issue: one event with Int.max participants made every report of that year trap.
    func testReportOverHugeStoredValuesDoesNotTrap() throws {
        let events = [event(participants: Int.max, youth: Int.max), event(participants: Int.max, youth: 1),
                      event(participants: 10, byCountry: ["DE": Int.max, "FR": Int.max]), event(participants: 0, youth: 0)]
        let figures = Report.figures(year: 2025, events: events)
        XCTAssertEqual(figures.events, 4)
        XCTAssertEqual(figures.participants, Int.max)
        XCTAssertLessThanOrEqual(figures.youthShare ?? 2, 1)
        let countries = Report.countries(events)
        XCTAssertEqual(countries.first { $0.country == "DE" }?.participants, Int.max)
        XCTAssertEqual(countries.first { $0.isUnknown }?.participants, Int.max)
        XCTAssertEqual(Report.youthShare(event(participants: 1, youth: Int.max)), 1)
        XCTAssertNil(Report.youthShare(event(participants: 0, youth: 0)), "no share of 0 participants")
        let check = FundingCheck.check(event(participants: 10, byCountry: ["FR": Int.max, "PL": Int.max]), hostCountry: "DE")
        XCTAssertEqual(check.invited, Int.max)
    }

    // MARK: - Database (v5-safe-values)

    private func v4Database(at path: String) throws {
        let queue = try DatabaseQueue(path: path, configuration: AppDatabase.configuration(readOnly: false))
        try Schema.migrator.migrate(queue, upTo: "v4-review-log")
        try queue.write { db in
            for var city in Fixtures.cities { try city.insert(db) }
            try db.execute(sql: "INSERT INTO partnership (id, cityA, cityB) VALUES (1, 1, 2)")
            // Rows an old version or sqlite3 could write: every one passes the v1 CHECKs.
            try db.execute(sql: """
                INSERT INTO event (id, partnershipId, title, startDate, participants, youth, participantsByCountry) VALUES
                  (1, 1, 'huge', '2025-07-14', 9223372036854775807, 9223372036854775807, '{"DE":9223372036854775807,"FR":9223372036854775807}'),
                  (2, 1, 'real', '2025-08-01', 1e300, NULL, '{"DE":1e300}'),
                  (3, 1, 'text', '2025-09-01', 'abc', NULL, '{"DE":"x"}'),
                  (9, 1, 'csi \u{9B}31m', '2024-01-01', 12, 3, '{}')
                """)
            try db.execute(sql: "UPDATE city SET population = 1e300 WHERE id = 1")
            try db.execute(sql: "UPDATE city SET population = 'many' WHERE id = 2")
            try db.execute(sql: "DELETE FROM event WHERE id = 9")
            try db.execute(sql: "INSERT INTO event (id, partnershipId, title, startDate) VALUES (5, 1, 'bidi \u{202E}olleh', '2024-01-01')")
        }
    }

    func testMigrationFromV4KeepsBadRowsAndRefusesNewOnes() throws {
        let path = folder.appendingPathComponent("v4.sqlite").path
        try v4Database(at: path)
        let before = try DatabaseQueue(path: path).read { db in
            (try Row.fetchAll(db, sql: "SELECT id, partnershipId, title, kind, startDate, endDate, direction, format, participants, youth, participantsByCountry, notes, version FROM event ORDER BY id"), try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'event'"))
        }
        XCTAssertEqual(before.1, 9)

        let database = try AppDatabase.open(path: path)
        try database.read { db in
            XCTAssertTrue(try Schema.migrator.appliedIdentifiers(db).contains("v5-safe-values"))
            // The columns a v4 file had (later migrations add some, e.g. v9's projectId, empty for old rows).
            XCTAssertEqual(try Row.fetchAll(db, sql: "SELECT id, partnershipId, title, kind, startDate, endDate, direction, format, participants, youth, participantsByCountry, notes, version FROM event ORDER BY id"), before.0, "old rows are left as they were")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE projectId IS NOT NULL"), 0)
            XCTAssertEqual(try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'event'"), 9, "the id counter is kept")
            let triggers = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            // v5's eight, and v10's four that keep the events summary per partnership.
            XCTAssertEqual(triggers.filter { !$0.hasPrefix("partnership_activity") }.count, 8)
            XCTAssertEqual(triggers.filter { $0.hasPrefix("partnership_activity") }.count, 4)
        }

        // Readers cope: lists and the report work, sums saturate.
        let events = try database.events()
        XCTAssertEqual(events.count, 4)
        XCTAssertEqual(events.first { $0.id == 1 }?.event.participants, Int.max)
        XCTAssertEqual(events.first { $0.id == 2 }?.event.participants, Int.max, "1e300 held within Int")
        XCTAssertNil(events.first { $0.id == 3 }?.event.participants, "text is not a count")
        XCTAssertEqual(events.first { $0.id == 3 }?.event.participantsByCountry, [:])
        XCTAssertEqual(events.first?.cityA.population, Int.max, "a city's 1e300 inhabitants are read, not trapped on")
        let report = try database.report(ReportScope(year: 2025), today: PartialDate(year: 2026)!)
        XCTAssertEqual(report.periodFigures.participants, Int.max)
        XCTAssertEqual(report.years.count, 10)
        for format in ReportFormat.allCases {
            XCTAssertFalse(try ReportDocument.render(report, format: format, language: .de).isEmpty)
        }

        // New writes are refused by the database itself, with a readable message.
        func refused(_ sql: String, _ needle: String, line: UInt = #line) {
            XCTAssertThrowsError(try database.write { db in try db.execute(sql: sql) }, line: line) { error in
                XCTAssertTrue("\(error)".contains(needle), "\(error)", line: line)
            }
        }
        refused("INSERT INTO event (partnershipId, startDate, participants) VALUES (1, '2025', 1000001)",
                "event.participants must be a whole number from 0 to 1000000")
        refused("INSERT INTO event (partnershipId, startDate, participants) VALUES (1, '2025', 12.5)", "event.participants")
        refused("INSERT INTO event (partnershipId, startDate, participants) VALUES (1, '2025', '12 people')", "event.participants")
        refused("UPDATE event SET participants = 9223372036854775807, youth = NULL WHERE id = 3", "event.participants")
        refused("INSERT INTO event (partnershipId, startDate, participantsByCountry) VALUES (1, '2025', '{\"DE\":1e300}')",
                "participantsByCountry")
        refused("INSERT INTO event (partnershipId, startDate, participants, participantsByCountry) VALUES (1, '2025', 5, '{\"DE\":3,\"FR\":3}')",
                "adds up to more than the participants")
        refused("INSERT INTO event (partnershipId, startDate) VALUES (1, '0000-01-01')", "years 1000 to 9999")
        refused("UPDATE city SET population = 100000001 WHERE id = 3", "city.population")
        refused("INSERT INTO city (name, searchKey, countryCode) VALUES ('x\u{9B}31m', 'x', 'DE')", "city.name contains a control character")
        refused("INSERT INTO city (name, searchKey, countryCode) VALUES ('x\u{2067}y', 'x', 'DE')", "control character")
        refused("UPDATE event SET title = 'a\u{202E}b' WHERE id = 5", "event.title contains a control character")
        // A row that was bad before v5 can only be saved again once its value is put right.
        refused("UPDATE event SET title = 'fine' WHERE id = 2", "event.participants")
        refused("INSERT INTO contact (name, cityId) VALUES ('Ann\u{85}', 3)", "contact.name contains a control character")
        // Ordinary values still pass, including right-to-left marks in a name.
        try database.write { db in
            try db.execute(sql: "INSERT INTO event (partnershipId, startDate, participants, youth, participantsByCountry) VALUES (1, '2025', 1000000, 10, '{\"DE\":6}')")
            try db.execute(sql: "INSERT INTO city (name, searchKey, countryCode, population) VALUES ('\u{200F}עכו', 'x', 'IL', 48000)")
        }
        // And the id counter went on from where it was: no id is used twice.
        XCTAssertEqual(try database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM event") }, 10)
    }

    func testTextSafetyRefusesTheSameCharactersAsTheDatabase() {
        for scalar: UInt32 in [0x1B, 0x7F, 0x85, 0x9B, 0x202A, 0x202E, 0x2066, 0x2069, 0x2028, 0xFEFF] {
            XCTAssertTrue(TextSafety.isUnsafe(Unicode.Scalar(scalar)!), String(format: "U+%04X", scalar))
        }
        for scalar: UInt32 in [0x200E, 0x200F, 0xA0, 0xE9] {
            XCTAssertFalse(TextSafety.isUnsafe(Unicode.Scalar(scalar)!), String(format: "U+%04X", scalar))
        }
    }

    // MARK: - Import

    func testJSONNumberTooBigForADoubleIsNamedByRecordAndField() throws {
        let path = folder.appendingPathComponent("events.json").path
        try #"[{"partnership_id": 1, "start": "2025", "kind": "visit", "participants": 10},"#
            .appending(#" {"partnership_id": 1, "start": "2025", "kind": "visit", "participants": 1e309}]"#)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let table = try Table.read(path: path)
        XCTAssertEqual(table.records.count, 2)
        XCTAssertEqual(table.records[1]["participants"], "1e309")
        let database = try Fixtures.database()
        let a = try XCTUnwrap(try database.city(geonameId: 2935517)?.id), b = try XCTUnwrap(try database.city(geonameId: 3037854)?.id)
        let partnership = try database.addPartnership(Partnership(between: a, and: b))
        XCTAssertEqual(partnership.id, 1)
        XCTAssertThrowsError(try Importer(database: database).importEvents(path: path)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("events.json:2") && text.contains("participants") && text.contains("1e309"), text)
        }
    }
}
