import TwinningTestSupport
import XCTest
import GRDB
@testable import TwinningCore

/// The proofs of "nothing is lost": many writers at once, killed imports,
/// backups and checks. These run the real binary.
final class ProofTests: EndToEndTestCase {
    func testEightProcessesWritingAtOnceLoseNothing() throws {
        let db = try demoCopy("stress.sqlite")
        let processes = 8, writes = 1000
        let running = try (1...processes).map { try RunningCLI(["stress", "--writes", String(writes), "--seed", String($0), "--db", db]) }
        var sessions: [String: Int] = [:]
        for (index, process) in running.enumerated() {
            let result = try process.wait(timeout: 600)
            XCTAssertEqual(result.status, 0, "process \(index + 1) saw an error: \(result.summary)")
            let summary = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], result.summary)
            XCTAssertEqual(summary["writes"] as? Int, writes)
            XCTAssertEqual((summary["errors"] as? [Any])?.count, 0)
            sessions[summary["session"] as! String] = summary["writes"] as? Int
        }
        XCTAssertEqual(sessions.count, processes)
        let database = try AppDatabase.open(path: db)
        try database.read { db in
            // Every write of every process is in the change log …
            for (session, count) in sessions {
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM change_log WHERE session = ?", arguments: [session]), count)
            }
            // … and the database holds exactly what the log says: the last logged
            // state of every record written, or its absence after a delete.
            for entity in ["event", "partnership"] {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, entityId, action, after FROM change_log c
                    WHERE entity = ? AND id = (SELECT MAX(id) FROM change_log WHERE entity = c.entity AND entityId = c.entityId)
                    """, arguments: [entity])
                XCTAssertGreaterThan(rows.count, 100)
                for row in rows {
                    let id: Int64 = row["entityId"], action: String = row["action"]
                    let version = try Int.fetchOne(db, sql: "SELECT version FROM \(entity) WHERE id = ?", arguments: [id])
                    if action == "delete" {
                        XCTAssertNil(version, "\(entity) \(id) was deleted but is still there")
                    } else if version == nil && entity == "event" {
                        // Gone with its partnership: the partnership's delete entry keeps it.
                        let kept = try Bool.fetchOne(db, sql: """
                            SELECT EXISTS (SELECT 1 FROM change_log p, json_each(p.before, '$.events') e
                                           WHERE p.entity = 'partnership' AND p.action = 'delete' AND p.id > ?
                                           AND json_extract(e.value, '$.id') = ?)
                            """, arguments: [row["id"] as Int64, id]) ?? false
                        XCTAssertTrue(kept, "event \(id) vanished without a trace in the log")
                    } else {
                        let after = try JSONSerialization.jsonObject(with: Data((row["after"] as String).utf8)) as! [String: Any]
                        XCTAssertEqual(version, after["version"] as? Int, "\(entity) \(id) is not as last written")
                    }
                }
            }
        }
        let check = try CLI.run(["check", "--db", db])
        XCTAssertEqual(check.status, 0, check.summary)
    }

    func testAKilledImportLeavesTheGazetteerEntirelyAbsentOrPresent() throws {
        let db = try bareCopy()
        let file = Binary.packageRoot.appendingPathComponent("Sources/TwinningCore/Resources/cities.tsv").path
        // Kill moments spread over reading the file and writing the transaction.
        var random = SeededRandom(seed: 20261129)
        var outcomes: [Int] = []
        for _ in 0..<5 {
            let process = try RunningCLI(["import", "cities", file, "--db", db])
            usleep(useconds_t(300_000 + random.next() % 5_000_000))
            kill(process.process.processIdentifier, SIGKILL)
            _ = try process.wait(timeout: 60)
            let check = try CLI.run(["check", "--db", db])
            XCTAssertEqual(check.status, 0, "the database opens and passes its checks after a kill: \(check.summary)")
            let cities = try counts(db).cities
            XCTAssertTrue(cities == 0 || cities == 69472, "the import is all or nothing, found \(cities) cities")
            outcomes.append(cities)
            if cities > 0 { break }
        }
        print("killed imports left: \(outcomes.map(String.init).joined(separator: ", ")) cities")
        if outcomes.last == 0 {
            let finished = try CLI.run(["import", "cities", file, "--db", db], timeout: 300)
            XCTAssertEqual(finished.status, 0, finished.summary)
            XCTAssertEqual(try counts(db).cities, 69472)
        }
    }

    func testBackupIsCheckedAndCheckFindsDamage() throws {
        let db = try demoCopy("backup-source.sqlite")
        try CLI.ok(["events", "add", "--partnership", "1", "--date", "2026-05-14", "--kind", "visit", "--db", db])
        let copy = workDir.appendingPathComponent("copy.sqlite").path
        let backup = try CLI.run(["backup", copy, "--db", db])
        XCTAssertEqual(backup.status, 0, backup.summary)
        XCTAssertTrue(backup.stdout.contains("checked"), backup.summary)
        XCTAssertEqual(try counts(copy), try counts(db))
        let again = try CLI.run(["backup", copy, "--db", db])
        XCTAssertEqual(again.status, 1, "an existing copy is not overwritten without --force")
        XCTAssertTrue(again.stderr.contains("--force"), again.summary)

        // Damage the copy in its middle: check must say so in plain words.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: copy))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 8192))
        try handle.close()
        let check = try CLI.run(["check", "--db", copy])
        XCTAssertEqual(check.status, 1, check.summary)
        XCTAssertTrue(check.stderr.contains("damaged") || check.stderr.contains("refer to"), check.summary)
    }

    func testLogShowsWhoChangedWhat() throws {
        let db = try demoCopy("log.sqlite")
        try CLI.ok(["partnerships", "edit", "1", "--status", "dormant", "--db", db])
        let log = try CLI.run(["log", "--format", "json", "--db", db])
        XCTAssertEqual(log.status, 0, log.summary)
        let lines = try jsonArray(log)
        let first = try XCTUnwrap(lines.first)
        XCTAssertEqual(first["action"] as? String, "update")
        XCTAssertEqual(first["entity"] as? String, "partnership")
        XCTAssertEqual(first["user"] as? String, ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? NSUserName())
        XCTAssertTrue((first["after"] as? String)?.contains("\"status\":\"dormant\"") == true)
        let none = try CLI.run(["log", "--user", "nobody-at-all", "--db", db])
        XCTAssertEqual(none.stdout, "No changes recorded.\n")
    }

    private func bareCopy() throws -> String {
        let path = workDir.appendingPathComponent("bare.sqlite").path
        try CLI.ok(["init", "--bare", "--db", path])
        return path
    }
}

