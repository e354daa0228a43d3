import Foundation
import TwinningTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// `--db` pointing at something that is not a usable database.
final class DatabaseFileTests: EndToEndTestCase {

    func testFileThatIsNotSQLite() throws {
        let text = "hello, this is a shopping list, not a database\n"
        let path = try write("notes.sqlite", text)
        for arguments in [["cities", "search", "berlin"], ["partnerships", "list"],
                          ["cities", "add", "--name", "X", "--country", "DE"], ["init"]] {
            let result = try CLI.fails(arguments + ["--db", path])
            XCTAssertTrue(result.stderr.contains(path), "message names the file: \(result.summary)")
            XCTAssertTrue(result.stderr.contains("not a twinning database") || result.stderr.contains("not SQLite")
                          || result.stderr.contains("already exists"), result.summary)
            XCTAssertEqual(result.stderrLines.count, 1, result.summary)
            XCTAssertTrue(result.stdout.isEmpty, result.summary)
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text, "the file is left alone")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    func testDirectoryAsDatabase() throws {
        let folder = workDir.appendingPathComponent("a-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for arguments in [["cities", "search", "berlin"], ["partnerships", "list"], ["init"],
                          ["import", "partnerships", "/dev/null"]] {
            let result = try CLI.fails(arguments + ["--db", folder.path])
            XCTAssertTrue(result.stderr.contains(folder.path), "message names the path: \(result.summary)")
            XCTAssertTrue(result.stderr.contains("folder"), result.summary)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "nothing created inside")
    }

    // MARK: read-only

    /// When the tests run as root, permissions do not stop writes; the program
    /// is then run as user "nobody" through setpriv.
    private func readOnlySetup(readOnlyFolder: Bool) throws -> (db: String, user: UInt32?) {
        let folder = workDir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = try DemoDatabase.copy(try DemoDatabase.shared.get().demo, to: folder.appendingPathComponent("twinning.sqlite"))
        if FileManager.default.fileExists(atPath: db + "-wal") {
            // Caught with a reader's WAL: one run of the program folds it in
            // (the last close checkpoints), so the file is whole on its own.
            _ = try CLI.run(["cities", "search", "dortmund", "--db", db])
        }
        var user: UInt32? = nil
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                throw XCTSkip("Running as root, where chmod 0444 does not stop writes, and /usr/bin/setpriv is missing to run as another user.")
            }
            user = 65534
            chmod(workDir.path, 0o755)
            XCTAssertEqual(chown(folder.path, 65534, 65534), 0)
            XCTAssertEqual(chown(db, 65534, 65534), 0)
            // "nobody" must be able to reach the binary and the folder.
            let probe = try CLI.run(["--help"], asUser: user)
            guard probe.status == 0 else {
                throw XCTSkip("Running as root; the binary cannot be run as nobody (\(probe.summary)).")
            }
        }
        XCTAssertEqual(chmod(db, 0o444), 0)
        if readOnlyFolder { XCTAssertEqual(chmod(folder.path, 0o555), 0) }
        return (db, user)
    }

    private func checkReadOnly(readOnlyFolder: Bool) throws {
        let (db, user) = try readOnlySetup(readOnlyFolder: readOnlyFolder)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))

        // Reading still works.
        let search = try CLI.run(["cities", "search", "dortmund", "--db", db], asUser: user)
        XCTAssertEqual(search.status, 0, search.summary)
        XCTAssertTrue(search.stdout.contains("Dortmund"), search.summary)
        let list = try CLI.run(["partnerships", "list", "--city", "Dortmund", "--db", db], asUser: user)
        XCTAssertEqual(list.status, 0, list.summary)
        XCTAssertEqual(list.stdoutLines.last, "8 partnerships", list.summary)
        let show = try CLI.run(["cities", "show", "Dortmund", "--db", db], asUser: user)
        XCTAssertEqual(show.status, 0, show.summary)
        XCTAssertTrue(show.stdout.contains("Amiens"), show.summary)
        let export = try CLI.run(["export", "events", "--format", "json", "--db", db], asUser: user)
        XCTAssertEqual(export.status, 0, export.summary)
        XCTAssertEqual((try? JSONSerialization.jsonObject(with: export.stdoutData) as? [Any])?.count, 15, export.summary)

        // Writing fails with a clear message.
        let importFile = try write("ro-import.csv", "geonameid_a,geonameid_b\n3094802,3037854\n")
        chmod(importFile, 0o644)
        for arguments in [["cities", "add", "--name", "Nurlesestadt", "--country", "DE"],
                          ["cities", "edit", "Dortmund", "--themes", "x"],
                          ["partnerships", "add", "Dortmund", "Kraków"],
                          ["events", "remove", "1", "--yes"],
                          ["import", "partnerships", importFile]] {
            let result = try CLI.fails(arguments + ["--db", db], asUser: user)
            XCTAssertTrue(result.stderr.contains("read-only"), "message says read-only: \(result.summary)")
            XCTAssertEqual(result.stderrLines.count, 1, result.summary)
            XCTAssertFalse(result.stderr.contains("Fatal error"), result.summary)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before, "the database file is unchanged")
    }

    func testReadOnlyDatabaseFile() throws {
        try checkReadOnly(readOnlyFolder: false)
    }

    /// A read-only file in a read-only folder (a shared or mounted read-only
    /// folder): SQLite cannot create the -shm file next to it, yet browsing
    /// and exporting must still work.
    func testReadOnlyDatabaseFileInReadOnlyFolder() throws {
        try checkReadOnly(readOnlyFolder: true)
    }
}
