import Foundation
import GRDB
import TwinningTestSupport
import XCTest

/// The hostile test of issue 14 (B): huge counts, planted values, values that
/// start with "-", unknown or repeated countries, numbers too big for JSON.
/// Every run must end with exit 0 or a one-line message, never a trap (132).
final class SafeValuesCommandTests: EndToEndTestCase {
    private func assertNoTrap(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThanOrEqual(result.status, 1, "trapped: \(result.summary)", file: file, line: line)
        XCTAssertFalse(result.stderr.contains("Fatal error"), result.summary, file: file, line: line)
    }

    func testHugeParticipantsAreRefusedWithTheFieldNamed() throws {
        let db = try demoCopy()
        let pid = try addPartnership("Dortmund", "Kraków", db: db)
        let before = try counts(db)
        for (option, value, needle) in [("--participants", "9223372036854775807", "participants: must be at most 1,000,000"),
                                        ("--participants", "1000001", "participants: must be at most 1,000,000"),
                                        ("--participants", "-5", "participants: cannot be negative (-5)"),
                                        ("--by-country", "DE:9223372036854775807", "DE must be at most 1,000,000"),
                                        ("--by-country", "xx:1", "XX is not a country code"),
                                        ("--by-country", "DE:1; DE:2", "DE is given twice")] {
            let result = try CLI.fails(["events", "add", "--partnership", String(pid), "--date", "2026", "--kind", "visit",
                                        option, value, "--db", db])
            XCTAssertTrue(result.stderr.contains(needle), result.summary)
        }
        XCTAssertEqual(try counts(db), before, "nothing was stored")
        // Per-country numbers that together pass 2^63 no longer trap while adding up.
        let split = try CLI.fails(["events", "add", "--partnership", String(pid), "--date", "2026", "--kind", "visit",
                                   "--by-country", "DE:9223372036854775807; FR:9223372036854775807", "--db", db])
        assertNoTrap(split)
    }

    func testValuesStartingWithAMinusAreValues() throws {
        let db = try demoCopy()
        let pid = try addPartnership("Dortmund", "Kraków", db: db)
        let added = try CLI.ok(["events", "add", "--partnership", String(pid), "--date", "2026", "--kind", "visit",
                                "--participants", "-0", "--title", "-2+3", "--notes", "- agenda", "--db", db])
        let id = try XCTUnwrap(added.stdout.firstMatch(of: /event (\d+)/).map { String($0.1) })
        let list = try json(CLI.ok(["events", "list", "--partnership", String(pid), "--format", "json", "--db", db])) as? [[String: Any]]
        let event = try XCTUnwrap(list?.first { ($0["id"] as? NSNumber)?.stringValue == id })
        XCTAssertEqual(event["title"] as? String, "-2+3")
        XCTAssertEqual((event["participants"] as? NSNumber)?.intValue, 0)
        try CLI.ok(["cities", "add", "--name", "-Minus", "--country", "ZA", "--lat", "-33.9", "--lon", "18.4", "--db", db])
    }

    func testEventsAddHelpShowsDateAndKindAsRequired() throws {
        let help = try CLI.ok(["events", "add", "--help"])
        XCTAssertTrue(help.stdout.contains("--date <date> --kind <kind>"), help.summary)
        XCTAssertFalse(help.stdout.contains("[--kind <kind>]"), help.summary)
        let edit = try CLI.ok(["events", "edit", "--help"])
        // With more than 12 options (--lang is one) argument-parser folds the optional ones into [<options>].
        XCTAssertTrue((edit.stdout.contains("[--date <date>]") && edit.stdout.contains("[--kind <kind>]"))
                      || edit.stdout.contains("twinning events edit [<options>] <id>\n"), edit.summary)
    }

    /// Values planted with sqlite3 past every check, in a database made before
    /// v5-safe-values: the migration runs, keeps the rows, and every reader copes.
    func testPlantedValuesInAnOldDatabaseDoNotStopAnyCommand() throws {
        let db = try demoCopy()
        let queue = try DatabaseQueue(path: db)
        try queue.write { d in
            for name in try String.fetchAll(d, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%safe_values%'") {
                try d.execute(sql: "DROP TRIGGER \(name)")
            }
            try d.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5-safe-values'")
            let ids = try Int64.fetchAll(d, sql: "SELECT id FROM event WHERE startDate LIKE '2025%' ORDER BY id LIMIT 3")
            XCTAssertEqual(ids.count, 3)
            try d.execute(sql: "UPDATE event SET participants = 9223372036854775807, youth = 9223372036854775807 WHERE id = ?", arguments: [ids[0]])
            try d.execute(sql: "UPDATE event SET participants = 1e300, youth = NULL, participantsByCountry = '{\"DE\":1e300}' WHERE id = ?", arguments: [ids[1]])
            try d.execute(sql: "UPDATE event SET participants = 'many', youth = NULL, participantsByCountry = '{\"DE\":9223372036854775807,\"FR\":9223372036854775807}' WHERE id = ?", arguments: [ids[2]])
            try d.execute(sql: "UPDATE city SET population = 1e300 WHERE geonameId = 2935517")
            try d.execute(sql: "UPDATE city SET population = 'lots' WHERE geonameId = 3037854")
        }
        try queue.close()
        let commands: [[String]] = [["report"], ["report", "--year", "2025"], ["report", "--year", "2016-2025", "--format", "html"],
                                    ["report", "--year", "2025", "--format", "csv"], ["report", "--city", "Dortmund", "--year", "2025"],
                                    ["events", "list"], ["events", "list", "--format", "json"], ["partnerships", "list"],
                                    ["cities", "show", "2935517"], ["match", "Dortmund", "--limit", "3"],
                                    ["export", "events", "--format", "json"]]
        for command in commands {
            let result = try CLI.run(command + ["--db", db])
            XCTAssertEqual(result.status, 0, result.summary)
        }
        let applied = try DatabaseQueue(path: db).read { d in try String.fetchAll(d, sql: "SELECT identifier FROM grdb_migrations") }
        XCTAssertTrue(applied.contains("v5-safe-values"), "the old file was brought forward")
    }

    func testJSONNumberTooBigIsNamedWithRecordAndField() throws {
        let db = try demoCopy()
        let pid = try addPartnership("Dortmund", "Kraków", db: db)
        let file = try write("events.json", """
            [{"partnership_id": \(pid), "start": "2026", "kind": "visit", "participants": 10},
             {"partnership_id": \(pid), "start": "2026", "kind": "visit", "participants": 1e309}]
            """)
        let result = try CLI.fails(["import", "events", file, "--db", db])
        XCTAssertTrue(result.stderr.contains("events.json:2: participants: \"1e309\" is not a whole number"), result.summary)
        XCTAssertFalse(result.stderr.contains("array of objects"), result.summary)
    }

    func testAllZeroWeightsAreWarned() throws {
        let config = workDir.appendingPathComponent("config")
        let weights = config.appendingPathComponent("twinning/weights")
        try FileManager.default.createDirectory(at: weights, withIntermediateDirectories: true)
        try "mode = similar\nthemes = 0\n".write(to: weights.appendingPathComponent("zero.weights"), atomically: true, encoding: .utf8)
        setenv("XDG_CONFIG_HOME", config.path, 1)
        defer { unsetenv("XDG_CONFIG_HOME") }
        let result = try CLI.ok(["match", "Dortmund", "--profile", "zero", "--limit", "2", "--db", try demoDB()])
        XCTAssertTrue(result.stderr.contains("every weight of the profile \"zero\" is 0"), result.summary)
    }
}
