import XCTest
import GRDB
@testable import TwinningCore

/// Findings of the last hostile round: values planted past the rules (a
/// database changed by another program) must not stop the program, `check`
/// must see them, and special files are never written over or read as databases.
final class HostileRoundTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// A register of two cities and a partnership, then values planted with the rules switched off.
    private func planted() throws -> String {
        let file = folder.appendingPathComponent("planted.sqlite").path
        let database = try AppDatabase.open(path: file)
        let a = try database.addCity(City(name: "Trier", countryCode: "DE", latitude: 49.75, longitude: 6.64, addedByUser: true))
        let b = try database.addCity(City(name: "Leuven", countryCode: "BE", latitude: 50.88, longitude: 4.7, addedByUser: true))
        let p = try database.addPartnership(Partnership(between: a.id!, and: b.id!))
        try database.writer.close()
        let raw = try DatabaseQueue(path: file)
        try raw.writeWithoutTransaction { db in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try db.execute(sql: "DROP TRIGGER \"\(name)\"")
            }
            try db.execute(sql: "PRAGMA ignore_check_constraints = 1")
            try db.execute(sql: "INSERT INTO event (partnershipId, kind, startDate) VALUES (?, 'visit', 'abcd')", arguments: [p.id!])
            try db.execute(sql: "UPDATE city SET latitude = 'x' WHERE id = ?", arguments: [a.id!])
            try db.execute(sql: "UPDATE city SET longitude = 1e308 WHERE id = ?", arguments: [b.id!])
        }
        try raw.close()
        return file
    }

    func testPlantedDatesAndCoordinatesDoNotStopListsOrTheMatchEngine() throws {
        let database = try AppDatabase.open(path: try planted())
        let pairs = try database.partnerships()
        XCTAssertEqual(pairs.count, 1)
        XCTAssertNil(pairs[0].lastEvent, "an unreadable date counts as not known")
        XCTAssertNil(pairs[0].cityA.latitude, "a latitude 'x' counts as not known")
        XCTAssertNil(pairs[0].cityB.longitude, "a longitude 1e308 counts as not known")
        let engine = try MatchEngine(database: database)
        let ranking = try engine.rank(home: pairs[0].cityA.id, profile: WeightProfile.builtIn(.similar), filters: MatchFilters())
        XCTAssertGreaterThanOrEqual(ranking.count, 0)
    }

    func testCheckFindsValuesPlantedPastTheRulesWithoutChangingTheFile() throws {
        let file = try planted()
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let report = try AppDatabase.open(path: file, readOnly: true, create: false).check()
        XCTAssertFalse(report.isHealthy)
        XCTAssertTrue(report.problems.joined().contains("CHECK constraint failed"), "\(report.problems)")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "check changed the file")
    }

    func testAPipeIsNeitherADatabaseNorAnOutput() throws {
        let fifo = folder.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertThrowsError(try AppDatabase.open(path: fifo)) { XCTAssertTrue("\($0)".contains("not a database file"), "\($0)") }
        XCTAssertNotNil(DatabaseFile.problem(fifo))
        let writer = SafeFileWriter()
        XCTAssertThrowsError(try writer.checkTarget(fifo, existing: .replace)) { error in
            XCTAssertEqual(error as? SafeWriteError, .notPlainFile(fifo))
        }
        let link = folder.appendingPathComponent("out.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        XCTAssertThrowsError(try writer.checkTarget(link, existing: .replace), "a link to a device is never replaced")
        var info = stat()
        XCTAssertEqual(lstat(link, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "the link is still there")
    }
}
