import Foundation
import GRDB
import TwinningCore
import TwinningTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 14 (A): every file the program writes — export/report --output,
/// backups — is written with consent, never onto the database, never half, and
/// with the shared folder's group; `check` never writes; output to a terminal
/// is cleaned while files and pipes stay exact.
final class FileSafetyTests: EndToEndTestCase {
    /// What a file is, to prove it was not touched: bytes and modification time.
    struct Fingerprint: Equatable {
        let data: Data
        let mtime: timespec
        static func == (a: Fingerprint, b: Fingerprint) -> Bool {
            a.data == b.data && a.mtime.tv_sec == b.mtime.tv_sec && a.mtime.tv_nsec == b.mtime.tv_nsec
        }
    }

    func fingerprint(_ path: String) throws -> Fingerprint {
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0, path)
        return Fingerprint(data: try Data(contentsOf: URL(fileURLWithPath: path)), mtime: info.st_mtim)
    }

    func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    // MARK: - export / report --output

    func testExportAndReportOntoTheDatabaseAreRefusedEvenWithForce() throws {
        let db = try demoCopy("twinning.sqlite")
        let before = try counts(db)
        let original = try fingerprint(db)
        try FileManager.default.createSymbolicLink(atPath: workDir.appendingPathComponent("alias.sqlite").path, withDestinationPath: db)
        let spellings = [db, workDir.path + "/./twinning.sqlite", workDir.appendingPathComponent("alias.sqlite").path,
                         db + "-wal", db + "-shm"]
        for target in spellings {
            for force in [[], ["--force"]] {
                for command in [["export", "cities"], ["export", "events", "--format", "ics"], ["report", "--format", "csv"]] {
                    let result = try CLI.fails(command + ["--output", target, "--db", db] + force)
                    XCTAssertTrue(result.stderr.contains("is the database itself"), result.summary)
                }
            }
        }
        XCTAssertEqual(try fingerprint(db), original, "the register is byte for byte intact")
        XCTAssertEqual(try counts(db), before)
        XCTAssertEqual(try CLI.run(["check", "--db", db]).status, 0)
    }

    func testAnExistingFileIsReplacedOnlyWithForce() throws {
        let db = try demoDB()
        let target = try write("mine.csv", "precious\n")
        for command in [["export", "partnerships"], ["report", "--format", "md"], ["export", "events", "--format", "ics"]] {
            let refused = try CLI.fails(command + ["--output", target, "--db", db])
            XCTAssertTrue(refused.stderr.contains("already exists. Use --force"), refused.summary)
            XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "precious\n", "\(command) overwrote without consent")
        }
        try CLI.ok(["export", "partnerships", "--output", target, "--force", "--db", db])
        let replaced = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertTrue(replaced.hasPrefix("id,") || replaced.contains("geonameid_a"), replaced.prefix(200).description)
        XCTAssertEqual(replaced, try CLI.ok(["export", "partnerships", "--db", db]).stdout, "the file holds the whole export")
        XCTAssertEqual(try files(in: workDir.path), ["mine.csv"], "no temporary file is left")
    }

    func testAnOutputIntoAMissingFolderCreatesNothing() throws {
        let target = workDir.appendingPathComponent("no-such-folder/report.html").path
        let result = try CLI.fails(["report", "--format", "html", "--output", target, "--db", try demoDB()])
        XCTAssertTrue(result.stderr.contains("does not exist"), result.summary)
        XCTAssertEqual(try files(in: workDir.path), [])
    }

    // MARK: - backup

    func testBackupIntoAMissingFolderIsRefusedAndCreatesNothing() throws {
        let db = try demoCopy()
        for destination in ["nightly/", "nightly/copy.sqlite", "a/b/"] {
            let result = try CLI.fails(["backup", workDir.appendingPathComponent(destination).path + (destination.hasSuffix("/") ? "/" : ""),
                                        "--db", db])
            XCTAssertTrue(result.stderr.contains("does not exist"), result.summary)
            XCTAssertFalse(result.stdout.contains("Backed up"), result.summary)
        }
        // (-wal/-shm are SQLite's own companions of the source, from reading it.)
        XCTAssertEqual(try files(in: workDir.path).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }, ["demo-copy.sqlite"],
                       "no file named like the folder, no folder")
    }

    func testBackupFromAMissingOrForeignDatabaseIsRefusedAndCreatesNothing() throws {
        let folder = workDir.appendingPathComponent("backups").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let missing = workDir.appendingPathComponent("typo.sqlite").path
        let result = try CLI.fails(["backup", folder + "/", "--db", missing])
        XCTAssertTrue(result.stderr.contains("There is no database at \(missing)"), result.summary)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "backup never creates a database")

        let empty = try write("empty.sqlite", "")
        let text = try write("notes.txt", "not a database\n")
        for source in [empty, text] {
            let before = try fingerprint(source)
            let refused = try CLI.fails(["backup", folder + "/", "--db", source])
            XCTAssertTrue(refused.stderr.contains("not a twinning database"), refused.summary)
            XCTAssertEqual(try fingerprint(source), before)
        }
        XCTAssertEqual(try files(in: folder), [], "nothing was reported as backed up, nothing was written")
    }

    func testBackupIsVerifiedRenamedAndKeepRotatesOnlyItsOwnFiles() throws {
        let db = try demoCopy()
        let folder = workDir.appendingPathComponent("backups").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let oldest = "twinning-2020-01-01T03-00-00Z.sqlite", older = "twinning-2021-01-01T03-00-00Z.sqlite"
        let previous = "twinning-2022-01-01T03-00-00Z.sqlite"
        let foreign = ["notes.txt", "twinning-before-upgrade.sqlite", ".twinning-2019-01-01T03-00-00Z.sqlite.partial-AB12CD"]
        for name in [oldest, older, previous] + foreign {
            try Data("keep?".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let result = try CLI.ok(["backup", folder + "/", "--keep", "2", "--db", db])
        let line = try XCTUnwrap(result.stdoutLines.first { $0.hasPrefix("Backed up to ") }, result.summary)
        let written = try XCTUnwrap(line.firstMatch(of: /Backed up to (.+\.sqlite) and checked it/)?.1).description
        XCTAssertTrue(BackupPlan.isDatedName((written as NSString).lastPathComponent), written)
        XCTAssertEqual(try counts(written), try counts(db), "the copy holds what the original holds")
        XCTAssertEqual(try CLI.run(["check", "--db", written]).status, 0)
        XCTAssertTrue(result.stdout.contains("Removed 2 older backups"), result.summary)
        XCTAssertEqual(try files(in: folder), (foreign + [previous, (written as NSString).lastPathComponent]).sorted(),
                       "the 2 newest own backups stay; other files, even a leftover partial one, are untouched")

        // --keep needs a folder; a dated name that exists is not replaced without --force.
        XCTAssertTrue(try CLI.fails(["backup", folder + "/copy.sqlite", "--keep", "1", "--db", db]).stderr.contains("--keep works only"))
        XCTAssertTrue(try CLI.fails(["backup", folder + "/", "--keep", "0", "--db", db]).stderr.contains("--keep"))
        XCTAssertTrue(try CLI.fails(["backup", written, "--db", db]).stderr.contains("--force"))
        XCTAssertFalse(try files(in: folder).contains { $0.contains(".partial-") && !foreign.contains($0) }, "no temporary file left")
    }

    func testBackupOntoTheDatabaseIsRefusedEvenWithForce() throws {
        let db = try demoCopy("twinning.sqlite")
        let before = try fingerprint(db)
        for target in [db, workDir.path + "/./twinning.sqlite", db + "-wal"] {
            let result = try CLI.fails(["backup", target, "--force", "--db", db])
            XCTAssertTrue(result.stderr.contains("is the database itself"), result.summary)
        }
        XCTAssertEqual(try fingerprint(db), before)
    }

    /// A killed backup cannot be shown directly without timing; what makes it
    /// safe is that the copy is written as ".NAME.partial-XXXXXX" and renamed
    /// only after its check. A failed copy (here: the folder is read-only for
    /// the user) exits non-zero and leaves nothing under any name.
    func testAFailedBackupLeavesNoFile() throws {
        try XCTSkipUnless(getuid() == 0, "needs root to run the CLI as another user")
        let db = try demoCopy()
        chmod(workDir.path, 0o755)
        chmod(db, 0o644)
        let folder = workDir.appendingPathComponent("locked").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o555)
        let result = try CLI.fails(["backup", folder + "/", "--db", db], asUser: 65534)
        XCTAssertFalse(result.stdout.contains("Backed up"), result.summary)
        XCTAssertEqual(try files(in: folder), [])
    }

    // MARK: - check

    func testCheckNamesEmptyTextAndForeignFilesAndChangesNothing() throws {
        let empty = try write("empty.sqlite", "")
        let text = try write("cities.csv", "name,country\nLyon,FR\n")
        let foreignPath = workDir.appendingPathComponent("photos.sqlite").path
        let foreign = try DatabaseQueue(path: foreignPath)
        try foreign.write { try $0.execute(sql: "CREATE TABLE album(name); INSERT INTO album VALUES ('summer')") }
        try foreign.close()
        let cases: [(String, String)] = [(empty, "empty file (0 bytes)"), (text, "not an SQLite file"),
                                        (foreignPath, "not twinning's: it has tables album")]
        for (path, reason) in cases {
            let before = try fingerprint(path)
            let result = try CLI.fails(["check", "--db", path])
            XCTAssertTrue(result.stderr.contains(reason), result.summary)
            XCTAssertFalse(result.stdout.contains("All checks passed"), result.summary)
            XCTAssertEqual(try fingerprint(path), before, "check changed \(path)")
        }
        XCTAssertEqual(try files(in: workDir.path), ["cities.csv", "empty.sqlite", "photos.sqlite"], "no -wal/-shm, no new file")
        let missing = workDir.appendingPathComponent("missing.sqlite").path
        XCTAssertTrue(try CLI.fails(["check", "--db", missing]).stderr.contains("There is no database"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    }

    func testCheckOfAGoodDatabaseNeverWritesIt() throws {
        let db = try demoCopy()
        let before = try fingerprint(db)
        let result = try CLI.ok(["check", "--db", db])
        XCTAssertTrue(result.stdout.contains("All checks passed"), result.summary)
        XCTAssertEqual(try fingerprint(db), before, "check opens read-only: bytes and mtime unchanged")
    }

    // MARK: - Shared folders

    func testFilesInASetgidFolderGetItsGroupAndGroupWrite() throws {
        try XCTSkipUnless(getuid() == 0, "needs root to hand the folder to another group")
        let db = try demoCopy()
        let folder = workDir.appendingPathComponent("exports").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let group: gid_t = 100 // "users" on Debian
        XCTAssertEqual(chown(folder, uid_t.max, group), 0)
        XCTAssertEqual(chmod(folder, 0o2770), 0)
        try CLI.ok(["export", "events", "--output", folder + "/events.csv", "--db", db])
        try CLI.ok(["report", "--format", "html", "--output", folder + "/bericht.html", "--db", db])
        let backup = try CLI.ok(["backup", folder + "/", "--db", db])
        let written = try XCTUnwrap(backup.stdout.firstMatch(of: /Backed up to (.+\.sqlite) and/)?.1).description
        try CLI.ok(["export", "events", "--output", folder + "/events.csv", "--force", "--db", db])
        for file in [folder + "/events.csv", folder + "/bericht.html", written] {
            var info = stat()
            XCTAssertEqual(stat(file, &info), 0, file)
            XCTAssertEqual(info.st_gid, group, "\(file) has the folder's group")
            XCTAssertEqual(info.st_mode & 0o060, 0o060, "\(file): group members can replace it")
        }
    }

    // MARK: - Terminal output

    /// A name planted directly in the database with C1 and bidi controls: to a
    /// terminal it arrives as "?", into a file and a pipe exactly.
    func testExportToATerminalIsCleanedButFilesAndPipesAreExact() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pseudo-terminal")
        let db = try demoCopy()
        let planted = "Evil\u{9B}31m\u{9D}0;pwned\u{7}\u{202E}cba\u{2066}x\u{2069}"
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            // The database may refuse such names (triggers); this scratch copy drops them to plant one anyway.
            for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'city'") {
                try db.execute(sql: "DROP TRIGGER \(trigger.quotedDatabaseIdentifier)")
            }
            try db.execute(sql: """
                UPDATE city SET name = ? WHERE id = (SELECT cityA FROM partnership ORDER BY id LIMIT 1)
                """, arguments: [planted])
        }
        try queue.close()

        let piped = try CLI.ok(["export", "cities", "--db", db])
        XCTAssertTrue(piped.stdout.contains(planted), "piped output is exact")
        let file = workDir.appendingPathComponent("cities.csv").path
        try CLI.ok(["export", "cities", "--output", file, "--db", db])
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains(planted), "file output is exact")

        let binary = try Binary.require()
        let captured = workDir.appendingPathComponent("tty.out").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(binary)' export cities --format json --db '\(db)'", "/dev/null"]
        process.standardInput = FileHandle.nullDevice
        XCTAssertTrue(FileManager.default.createFile(atPath: captured, contents: nil))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: captured))
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let shown = String(decoding: try Data(contentsOf: URL(fileURLWithPath: captured)), as: UTF8.self)
        // The terminal turns "\n" into "\r\n" (one Character in Swift): split on scalars.
        let line = shown.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").first { $0.contains("Evil") }.map(String.init) ?? "no line with the planted name"
        XCTAssertTrue(line.contains("\"Evil?31m?0;pwned\\u0007?cba?x?\""), line)
        for scalar in shown.unicodeScalars where scalar.value != 0x0A && scalar.value != 0x0D && scalar.value != 0x09 {
            XCTAssertFalse(TextSafety.isUnsafe(scalar), String(format: "U+%04X reached the terminal", scalar.value))
        }
    }
}
