import XCTest
import GRDB
@testable import TwinningCore

/// Imports are in the change log (who, when, file, counts) and are undone
/// as one step, or refused with the reason when their rows changed since.
final class ImportLogTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-importlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func file(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Two handles on one file: two volunteers.
    func twoUsers() throws -> (AppDatabase, AppDatabase) {
        let path = folder.appendingPathComponent("shared.sqlite").path
        let anna = try AppDatabase.open(path: path, actor: ChangeActor(user: "anna"))
        try anna.write { db in for var city in Fixtures.cities { try city.insert(db) } }
        return (anna, try AppDatabase.open(path: path, actor: ChangeActor(user: "ben")))
    }

    let pairs = "geonameid_a,geonameid_b,notes\n2935517,3037854,first\n2934246,3094802,second\n"

    func testAnImportIsLoggedWithUserFileAndCounts() throws {
        let db = try Fixtures.database()
        let report = try Importer(database: db).importPartnerships(path: try file("pairs.csv", pairs))
        let line = try XCTUnwrap(try db.changes().first)
        XCTAssertEqual(line.action, .import)
        XCTAssertEqual(line.entity, .partnership)
        XCTAssertEqual(line.user, "test")
        XCTAssertEqual(line.summary, "import of pairs.csv: 2 added")
        XCTAssertEqual(line.id, report.changeId)
        XCTAssertEqual(line.entityId, report.changeId, "an import's id is its log line")
        XCTAssertEqual(line.importSummary?.added, 2)
        XCTAssertFalse(line.at.isEmpty)

        var events = "geonameid_a,geonameid_b,start,title\n"
        for i in 0..<10_000 { events += "2935517,3037854,2024-05-\(String(format: "%02d", 1 + i % 28)),Event \(i)\n" }
        try Importer(database: db).importEvents(path: try file("events.csv", events))
        XCTAssertEqual(try db.changes().first?.summary, "import of events.csv: 10,000 added")
        XCTAssertEqual(try db.counts().events, 10_000)

        // A cities file: one new, one changed, one the same as in the database.
        let amiens = try XCTUnwrap(try db.city(geonameId: 3037854))
        let cities = """
            geonameid,name,ascii_name,country_code,latitude,longitude,population
            2935517,Dortmund,Dortmund,DE,51.51494,7.466,600000
            3037854,Amiens,Amiens,FR,\(amiens.latitude!),\(amiens.longitude!),\(amiens.population!)
            999001,Neuort,Neuort,DE,50.0,8.0,10
            """
        let cityReport = try Importer(database: db).importCities(path: try file("cities.csv", cities))
        XCTAssertEqual([cityReport.added, cityReport.updated, cityReport.unchanged], [1, 1, 1])
        XCTAssertEqual(try db.changes().first?.summary, "import of cities.csv: 1 added, 1 updated, 1 unchanged")
        XCTAssertEqual(try db.city(geonameId: 3037854)?.version, amiens.version, "an unchanged city is not written")
        XCTAssertEqual(try db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM import_row") }, 1,
                       "the updated city's old copy is kept for undo")
    }

    func testUndoTakesAnImportBackAsOneStepExactly() throws {
        let db = try Fixtures.database()
        let before = try db.read { db in try City.order(Column("id")).fetchAll(db) }
        let cities = """
            geonameid,name,country_code,population,themes,notes
            2935517,Dortmund,DE,600000,"youth, climate",changed
            999001,Neuort,DE,10,,new
            """
        try Importer(database: db).importCities(path: try file("cities.csv", cities))
        XCTAssertEqual(try db.city(geonameId: 2935517)?.notes, "changed")
        XCTAssertEqual(try db.nextUndo()?.action, .import, "u in the program undoes the import")
        let undone = try XCTUnwrap(try db.undoLast())
        XCTAssertEqual(undone.action, .import)
        let after = try db.read { db in try City.order(Column("id")).fetchAll(db) }
        func withoutVersion(_ cities: [City]) -> [City] { cities.map { var c = $0; c.version = 0; return c } }
        XCTAssertEqual(withoutVersion(after), withoutVersion(before), "the added city is gone and the changed one is as before")
        let log = try db.changes()
        XCTAssertEqual(log.first?.action, .undo)
        XCTAssertEqual(log.first?.undoes, undone.id)
        XCTAssertEqual(log.first(where: { $0.action == .import })?.undone, true)
        XCTAssertNil(try db.undoLast(), "one step: nothing more to undo")

        // From another session (the CLI), by number.
        let pairsReport = try Importer(database: db).importPartnerships(path: try file("pairs.csv", pairs))
        let other = try AppDatabase(writer: db.writer, path: nil, isReadOnly: false, actor: ChangeActor(user: "cli"))
        try other.undoImport(id: try XCTUnwrap(pairsReport.changeId))
        XCTAssertEqual(try db.counts().partnerships, 0)
        XCTAssertThrowsError(try other.undoImport(id: pairsReport.changeId!)) { error in
            XCTAssertTrue("\(error)".contains("was undone already"), "\(error)")
        }
        XCTAssertThrowsError(try other.undoImport(id: 9999)) { error in
            XCTAssertTrue("\(error)".contains("There is no import 9999"), "\(error)")
        }
    }

    func testUndoOfAnImportIsRefusedWhenItsRowsChangedSince() throws {
        let (anna, ben) = try twoUsers()
        let report = try Importer(database: anna).importPartnerships(path: try file("pairs.csv", pairs))
        let id = try XCTUnwrap(report.changeId)
        var edited = try XCTUnwrap(try ben.partnerships().first?.partnership)
        edited.notes = "Ben's note"
        try ben.updatePartnership(edited)
        XCTAssertThrowsError(try anna.undoImport(id: id)) { error in
            XCTAssertTrue("\(error)".contains("1 of the rows it added were changed since"), "\(error)")
        }
        XCTAssertEqual(try anna.counts().partnerships, 2, "nothing was removed")

        // Events added to an imported partnership block it as well.
        let (carla, _) = (try AppDatabase(writer: anna.writer, path: nil, isReadOnly: false, actor: ChangeActor(user: "carla")), 0)
        let second = try Importer(database: carla).importPartnerships(path: try file("more.csv", "geonameid_a,geonameid_b\n1850147,776029\n"))
        let pair = try XCTUnwrap(try carla.partnerships().first { $0.cityA.geonameId == 776029 || $0.cityB.geonameId == 776029 })
        try ben.addEvent(Event(partnershipId: pair.partnership.id!, startDate: PartialDate(year: 2025)!))
        XCTAssertThrowsError(try carla.undoImport(id: second.changeId!)) { error in
            XCTAssertTrue("\(error)".contains("1 events were added to its rows since"), "\(error)")
        }

        // A city the import updated and someone edited after it.
        let cities = try Importer(database: anna).importCities(path: try file("c.csv", "geonameid,name,country_code,population\n3094802,Kraków,PL,800000\n"))
        var krakow = try XCTUnwrap(try ben.city(geonameId: 3094802))
        krakow.notes = "edited"
        try ben.updateCity(krakow)
        XCTAssertThrowsError(try anna.undoImport(id: cities.changeId!)) { error in
            XCTAssertTrue("\(error)".contains("of the rows it updated were changed or deleted since"), "\(error)")
        }
        XCTAssertEqual(try anna.city(geonameId: 3094802)?.notes, "edited")
    }

    /// An ordinary undo sees a later import of the same row.
    func testUndoOfAnEditIsRefusedWhenALaterImportUpdatedTheRow() throws {
        let (anna, ben) = try twoUsers()
        var dortmund = try XCTUnwrap(try anna.city(geonameId: 2935517))
        dortmund.notes = "Anna's note"
        try anna.updateCity(dortmund)
        try Importer(database: ben).importCities(path: try file("c.csv", "geonameid,name,country_code,population\n2935517,Dortmund,DE,590000\n"))
        XCTAssertThrowsError(try anna.undoLast()) { error in
            XCTAssertTrue("\(error)".contains("someone else changed it since"), "\(error)")
        }
        XCTAssertEqual(try anna.city(geonameId: 2935517)?.population, 590000)
    }

    /// v4 → v6: every change-log line keeps its id, the AUTOINCREMENT
    /// counter is carried over (no id is used twice), imports can be logged.
    func testMigrationFromV4KeepsRowsAndCounter() throws {
        let path = folder.appendingPathComponent("v4.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v4-review-log")
            try queue.write { db in
                for id in [1, 2, 7] {
                    try db.execute(sql: """
                        INSERT INTO change_log (id, at, user, session, action, entity, entityId, summary, after, undone)
                        VALUES (?, '2026-01-01T00:00:00Z', 'old', 's', 'create', 'review', ?, ?, '{}', 0)
                        """, arguments: [id, id, "line \(id)"])
                }
                try db.execute(sql: "DELETE FROM change_log WHERE id = 7")
                XCTAssertThrowsError(try db.execute(sql: """
                    INSERT INTO change_log (at, user, session, action, entity, entityId) VALUES ('x', 'u', 's', 'import', 'event', 1)
                    """), "v4 does not know imports")
            }
        }
        let db = try AppDatabase.open(path: path, actor: ChangeActor(user: "new"))
        let lines = try db.changes().sorted { $0.id! < $1.id! }
        XCTAssertEqual(lines.map(\.id), [1, 2])
        XCTAssertEqual(lines.map(\.summary), ["line 1", "line 2"])
        XCTAssertEqual(try db.read { db in try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'") }, 7)
        let indexes = try db.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log' AND sql IS NOT NULL ORDER BY name")
        }
        XCTAssertEqual(indexes, ["change_log_at", "change_log_session"])
        try db.write { db in for var city in Fixtures.cities { try city.insert(db) } }
        let report = try Importer(database: db).importPartnerships(path: try file("pairs.csv", pairs))
        XCTAssertEqual(report.changeId, 8, "the next line after the counter, not 3")
    }
}
