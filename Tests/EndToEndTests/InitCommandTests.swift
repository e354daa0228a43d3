import Foundation
import TwinningTestSupport
import XCTest

/// `twinning init [--empty] [--force]`.
final class InitCommandTests: EndToEndTestCase {

    func testInitCreatedTheDemoAndEmptyDatabases() throws {
        let fixtures = try DemoDatabase.shared.get()
        XCTAssertTrue(fixtures.demoInit.stderr.contains("Loaded "), fixtures.demoInit.summary)
        XCTAssertTrue(fixtures.demoInit.stderr.contains("demo events"), fixtures.demoInit.summary)
        XCTAssertFalse(fixtures.demoInit.stderrData.contains(0x1B), "no terminal escapes when stderr is not a terminal")
        // Seen when init had finished (FixtureCache): a test reading the shared file now may hold a WAL open.
        for name in ["demo", "empty"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: fixtures.root.appendingPathComponent(name + ".wal-after-init").path),
                           "init left a WAL behind next to \(name).sqlite")
        }

        let demo = try counts(fixtures.demo.path)
        let empty = try counts(fixtures.empty.path)
        XCTAssertGreaterThan(demo.cities, 60_000)
        XCTAssertGreaterThan(demo.partnerships, 10_000)
        XCTAssertEqual(demo.events, 15)
        XCTAssertGreaterThan(demo.contacts, 0)
        XCTAssertEqual(empty.cities, demo.cities, "the same gazetteer")
        XCTAssertEqual(empty.partnerships, 0)
        XCTAssertEqual(empty.events, 0)
        XCTAssertEqual(empty.registerCities, 0)
        XCTAssertTrue(fixtures.emptyInit.stderr.contains("Loaded "), fixtures.emptyInit.summary)
        XCTAssertFalse(fixtures.emptyInit.stderr.contains("partnerships"), fixtures.emptyInit.summary)
    }

    func testInitOnExistingFileWithoutForceFails() throws {
        let db = try demoCopy()
        try CLI.ok(["cities", "add", "--name", "Bleibstadt", "--country", "DE", "--db", db])
        let before = try counts(db)
        let result = try CLI.fails(["init", "--db", db])
        XCTAssertTrue(result.stderr.contains("already exists"), result.summary)
        XCTAssertTrue(result.stderr.contains("--force"), result.summary)
        XCTAssertEqual(result.stderrLines.count, 1, result.summary)
        XCTAssertEqual(try counts(db), before)
        try CLI.ok(["cities", "show", "Bleibstadt", "--db", db])
    }

    func testInitForceRecreates() throws {
        let db = try demoCopy()
        try CLI.ok(["cities", "add", "--name", "Verschwindestadt", "--country", "DE", "--db", db])
        XCTAssertGreaterThan(try counts(db).partnerships, 0)
        // --empty keeps this test fast; it still proves the old data is gone.
        let result = try CLI.run(["init", "--force", "--empty", "--db", db], timeout: 300)
        XCTAssertEqual(result.status, 0, result.summary)
        let after = try counts(db)
        XCTAssertEqual(after.partnerships, 0)
        XCTAssertEqual(after.events, 0)
        XCTAssertEqual(after.registerCities, 0)
        XCTAssertEqual(after.cities, try counts(DemoDatabase.shared.get().empty.path).cities)
        let gone = try CLI.fails(["cities", "show", "Verschwindestadt", "--db", db])
        XCTAssertTrue(gone.stderr.contains("No city matches"), gone.summary)
        try CLI.ok(["cities", "show", "Dortmund", "--db", db])
    }
}
