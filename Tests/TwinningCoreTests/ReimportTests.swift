import XCTest
@testable import TwinningCore

/// Importing a file again, or a file with some of the columns, changes only
/// what the file says: no doubled events, no blanked coordinates.
final class ReimportTests: XCTestCase {
    var db: AppDatabase!
    var partnership: Int64 = 0
    var other: Int64 = 0

    override func setUpWithError() throws {
        db = try Fixtures.database()
        partnership = try db.addPartnership(Partnership(between: try Fixtures.id(db, 2935517), and: try Fixtures.id(db, 3037854))).id!
        other = try db.addPartnership(Partnership(between: try Fixtures.id(db, 2935517), and: try Fixtures.id(db, 3094802))).id!
    }

    func count() throws -> Int { try db.read { try Event.fetchCount($0) } }

    func testAnExportImportedAgainAddsNothing() throws {
        try db.addEvent(Event(partnershipId: partnership, title: "Jugendcamp", kind: .youth_exchange,
                              startDate: PartialDate(year: 2025, month: 5, day: 14)!, participants: 42, youth: 30))
        try db.addEvent(Event(partnershipId: other, title: "Besuch", startDate: PartialDate(year: 2024)!))
        let csv = try Exporter(database: db).exportEvents(format: .csv)
        let path = try Fixtures.write(csv, name: "events.csv")
        let report = try Importer(database: db).importEvents(path: path)
        XCTAssertEqual(report.added, 0)
        XCTAssertEqual(report.unchanged, 2)
        XCTAssertEqual(try count(), 2)
    }

    func testARowWithTheIdOfAnEventCorrectsItAndCanBeUndone() throws {
        let event = try db.addEvent(Event(partnershipId: partnership, title: "Camp", startDate: PartialDate(year: 2025, month: 5)!, participants: 40))
        let path = try Fixtures.write("id,partnership_id,title,start,participants\n\(event.id!),\(partnership),Camp,2025-05-14,42\n", name: "fix.csv")
        let report = try Importer(database: db).importEvents(path: path)
        XCTAssertEqual(report.updated, 1)
        XCTAssertEqual(report.added, 0)
        let corrected = try db.read { try Event.fetchOne($0, key: event.id!) }!
        XCTAssertEqual(corrected.participants, 42)
        XCTAssertEqual(corrected.startDate.iso, "2025-05-14")
        XCTAssertEqual(corrected.version, 2)
        try db.undoImport(id: report.changeId!)
        let restored = try db.read { try Event.fetchOne($0, key: event.id!) }!
        XCTAssertEqual(restored.participants, 40)
        XCTAssertEqual(restored.startDate.iso, "2025-05")
    }

    func testAnIdOfAnotherPartnershipIsNotTrusted() throws {
        let event = try db.addEvent(Event(partnershipId: partnership, title: "Camp", startDate: PartialDate(year: 2025)!))
        let path = try Fixtures.write("id,partnership_id,title,start\n\(event.id!),\(other),Fremd,2023\n", name: "foreign.csv")
        let report = try Importer(database: db).importEvents(path: path)
        XCTAssertEqual(report.added, 1)
        XCTAssertEqual(try db.read { try Event.fetchOne($0, key: event.id!) }?.title, "Camp", "the event there is untouched")
        XCTAssertEqual(try count(), 2)
    }

    func testTwoSameRowsInOneFileAreTwoEvents() throws {
        let path = try Fixtures.write("partnership_id,start\n\(partnership),2025\n\(partnership),2025\n", name: "twice.csv")
        XCTAssertEqual(try Importer(database: db).importEvents(path: path).added, 2)
        XCTAssertEqual(try Importer(database: db).importEvents(path: path).unchanged, 2, "and a second import finds both")
        XCTAssertEqual(try count(), 2)
    }

    func testACityFileWithSomeColumnsKeepsTheOthers() throws {
        var dortmund = try db.city(geonameId: 2935517)!
        dortmund.themes = ["youth"]
        dortmund.notes = "Auslandsgesellschaft"
        try db.updateCity(dortmund)
        let path = try Fixtures.write("geonameid,name,country_code,population\n2935517,Dortmund,DE,600000\n", name: "pop.csv")
        let report = try Importer(database: db).importCities(path: path)
        XCTAssertEqual(report.updated, 1)
        let after = try db.city(geonameId: 2935517)!
        XCTAssertEqual(after.population, 600000)
        XCTAssertEqual(after.latitude, 51.51494)
        XCTAssertEqual(after.admin1Name, "North Rhine-Westphalia")
        XCTAssertEqual(after.timezone, "Europe/Berlin")
        XCTAssertEqual(after.asciiKey, "dortmund")
        XCTAssertEqual(after.themes, ["youth"])
        XCTAssertEqual(after.notes, "Auslandsgesellschaft")
        // A column that is there but empty does clear the field: the file says so.
        let clear = try Fixtures.write("geonameid,name,country_code,timezone\n2935517,Dortmund,DE,\n", name: "tz.csv")
        try Importer(database: db).importCities(path: clear)
        XCTAssertNil(try db.city(geonameId: 2935517)!.timezone)
    }
}
