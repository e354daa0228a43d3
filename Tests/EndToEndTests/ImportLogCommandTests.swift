import Foundation
import TwinningCore
import TwinningTestSupport
import XCTest

/// `twinning import` writes one change-log line, `twinning log` tells it in
/// words, `twinning undo --import ID` takes it back as one step.
final class ImportLogCommandTests: EndToEndTestCase {
    func testTenThousandEventsAreLoggedAndUndoneAsOneStep() throws {
        let db = try demoCopy()
        let before = try counts(db)
        var text = "geonameid_a,geonameid_b,start,title\n"
        for i in 0..<10_000 { text += "2935517,3037854,2025-\(String(format: "%02d", 1 + i % 12))-01,Besuch \(i)\n" }
        let file = try write("events.csv", text)
        let imported = try CLI.ok(["import", "events", file, "--db", db])
        let match = try XCTUnwrap(imported.stdout.firstMatch(of: /undo it with: twinning undo --import (\d+)/), imported.summary)
        let id = String(match.1)
        XCTAssertEqual(try counts(db).events, before.events + 10_000)

        let log = try CLI.ok(["log", "--db", db])
        XCTAssertFalse(log.stdout.contains("No changes recorded"), log.summary)
        XCTAssertTrue(log.stdout.contains("import of events.csv: 10,000 added"), log.summary)
        XCTAssertTrue(log.stdout.contains("import \(id)"), log.summary)
        let json = try jsonArray(try CLI.ok(["log", "--format", "json", "--db", db]))
        XCTAssertEqual(json.first?["action"] as? String, "import")
        XCTAssertEqual((json.first?["id"] as? Int).map(String.init), id)
        XCTAssertEqual(json.first?["user"] as? String, ProcessInfo.processInfo.environment["USER"] ?? json.first?["user"] as? String)

        let undone = try CLI.ok(["undo", "--import", id, "--db", db])
        XCTAssertTrue(undone.stdout.contains("Undid import \(id): import of events.csv: 10,000 added"), undone.summary)
        XCTAssertEqual(try counts(db), before, "exactly as before the import")
        let after = try CLI.ok(["log", "--db", db]).stdout
        XCTAssertTrue(after.contains("import \(id) (undone)"), after)
        XCTAssertTrue(after.contains("undo"), after)

        let again = try CLI.fails(["undo", "--import", id, "--db", db])
        XCTAssertTrue(again.stderr.contains("was undone already"), again.summary)
        let unknown = try CLI.fails(["undo", "--import", "999999", "--db", db])
        XCTAssertTrue(unknown.stderr.contains("There is no import 999999"), unknown.summary)
    }

    func testUndoOfAnImportIsRefusedWhenItsRowsGainedEvents() throws {
        let db = try emptyCopy()
        let file = try write("pairs.csv", "name_a,country_a,name_b,country_b\nDortmund,DE,Amiens,FR\nBochum,DE,Sheffield,GB\n")
        let imported = try CLI.ok(["import", "partnerships", file, "--db", db])
        let id = String(try XCTUnwrap(imported.stdout.firstMatch(of: /--import (\d+)/), imported.summary).1)
        let partnership = try addPartnershipId(db)
        try CLI.ok(["events", "add", "--partnership", String(partnership), "--kind", "visit", "--date", "2025-06", "--db", db])
        let refused = try CLI.fails(["undo", "--import", id, "--db", db])
        XCTAssertTrue(refused.stderr.contains("Cannot undo “import of pairs.csv: 2 added”: 1 events were added to its rows since"), refused.summary)
        XCTAssertEqual(try counts(db).partnerships, 2, "nothing removed")
        XCTAssertEqual(try counts(db).events, 1)
    }

    private func addPartnershipId(_ db: String) throws -> Int {
        let list = try jsonArray(try CLI.ok(["partnerships", "list", "--format", "json", "--db", db]))
        return try XCTUnwrap(list.first?["id"] as? Int, "\(list)")
    }
}
