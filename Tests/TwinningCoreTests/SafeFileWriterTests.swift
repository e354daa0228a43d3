import Foundation
import GRDB
@testable import TwinningCore
import XCTest

/// The one place files are written: consent before replacing, never the
/// database, never half a file, the shared folder's group.
final class SafeFileWriterTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-safe-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
    func contents(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    func testWritesExactlyAndLeavesNoTemporaryFile() throws {
        let text = "a,b\r\nZürich \u{9B}31m,\u{202E}x\n"
        try SafeFileWriter().write(Data(text.utf8), to: path("out.csv"), existing: .refuse)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("out.csv"))), Data(text.utf8), "files get the exact bytes")
        XCTAssertEqual(try listing(), ["out.csv"])
    }

    func testAnExistingFileIsReplacedOnlyWithConsent() throws {
        try "old".write(toFile: path("out.csv"), atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try SafeFileWriter().write(Data("new".utf8), to: path("out.csv"), existing: .refuse)) {
            XCTAssertEqual($0 as? SafeWriteError, .exists(self.path("out.csv")))
        }
        XCTAssertEqual(try contents("out.csv"), "old")
        try SafeFileWriter().write(Data("new".utf8), to: path("out.csv"), existing: .replace)
        XCTAssertEqual(try contents("out.csv"), "new")
        XCTAssertEqual(try listing(), ["out.csv"])
    }

    func testNewNameKeepsEveryEarlierFile() throws {
        let writer = SafeFileWriter()
        let first = try writer.write(Data("1".utf8), to: path("bericht-2025.html"), existing: .newName)
        let second = try writer.write(Data("2".utf8), to: path("bericht-2025.html"), existing: .newName)
        let third = try writer.write(Data("3".utf8), to: path("bericht-2025.html"), existing: .newName)
        XCTAssertEqual([first, second, third], [path("bericht-2025.html"), path("bericht-2025-2.html"), path("bericht-2025-3.html")])
        XCTAssertEqual(try [contents("bericht-2025.html"), contents("bericht-2025-2.html"), contents("bericht-2025-3.html")], ["1", "2", "3"])
        XCTAssertEqual(SafeFileWriter.numbered("/x/notes", 2), "/x/notes-2")
    }

    func testTheDatabaseAndItsCompanionsAreNeverWritten() throws {
        let database = path("twinning.sqlite")
        try "DATABASE".write(toFile: database, atomically: false, encoding: .utf8)
        try "WAL".write(toFile: database + "-wal", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("link.sqlite"), withDestinationPath: database)
        XCTAssertEqual(link(database, path("hard.sqlite")), 0)
        try FileManager.default.createDirectory(atPath: path("sub"), withIntermediateDirectories: true)
        let writer = SafeFileWriter(protecting: [database])
        let root: String = folder
        var spellings: [String] = [database, root + "/./twinning.sqlite", root + "/sub/../twinning.sqlite"]
        spellings += [path("link.sqlite"), path("hard.sqlite")]
        spellings += ["-wal", "-shm", "-journal"].map { database + $0 }
        for target in spellings {
            for existing in [SafeFileWriter.Existing.refuse, .replace, .newName] {
                XCTAssertThrowsError(try writer.write(Data("x".utf8), to: target, existing: existing), "\(target) \(existing)") {
                    XCTAssertEqual($0 as? SafeWriteError, .isDatabase(target))
                }
            }
        }
        XCTAssertEqual(try contents("twinning.sqlite"), "DATABASE")
        XCTAssertEqual(try contents("twinning.sqlite-wal"), "WAL")
        XCTAssertFalse(FileManager.default.fileExists(atPath: database + "-shm"), "a companion that does not exist yet is protected by name")
        XCTAssertEqual(try listing(), ["hard.sqlite", "link.sqlite", "sub", "twinning.sqlite", "twinning.sqlite-wal"])
    }

    func testAFolderOrAMissingFolderIsRefusedAndNothingIsCreated() throws {
        XCTAssertThrowsError(try SafeFileWriter().write(Data(), to: folder, existing: .replace)) {
            XCTAssertEqual($0 as? SafeWriteError, .isFolder(self.folder))
        }
        let target = path("missing/out.csv")
        XCTAssertThrowsError(try SafeFileWriter().write(Data(), to: target, existing: .replace)) {
            XCTAssertEqual($0 as? SafeWriteError, .noFolder(path: target, folder: self.path("missing")))
        }
        XCTAssertEqual(try listing(), [])
    }

    /// A failure while filling (a killed export is the same up to the cleanup)
    /// never leaves anything under the final name, and the temporary name is a
    /// hidden ".NAME.partial-XXXXXX" next to it.
    func testAFailedFillLeavesNoFileAndTheTemporaryNameIsNeverFinal() throws {
        try "old".write(toFile: path("backup.sqlite"), atomically: false, encoding: .utf8)
        struct Boom: Error {}
        var seen: String?
        XCTAssertThrowsError(try SafeFileWriter().write(to: path("backup.sqlite"), existing: .replace) { temporary in
            seen = temporary
            try "half a fi".write(toFile: temporary, atomically: false, encoding: .utf8)
            throw Boom()
        })
        let temporary = try XCTUnwrap(seen)
        XCTAssertEqual((temporary as NSString).deletingLastPathComponent, folder, "same folder, so the rename is atomic")
        XCTAssertTrue((temporary as NSString).lastPathComponent.hasPrefix(".backup.sqlite.partial-"), temporary)
        XCTAssertFalse(BackupPlan.isDatedName((temporary as NSString).lastPathComponent))
        XCTAssertEqual(try contents("backup.sqlite"), "old", "the old file is untouched")
        XCTAssertEqual(try listing(), ["backup.sqlite"], "the temporary file is removed")
    }

    func testAFileInASharedFolderGetsTheFoldersGroupAndGroupWrite() throws {
        try XCTSkipUnless(getuid() == 0, "needs root to hand the folder to another group")
        let shared = path("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        let group: gid_t = 100 // "users" on Debian
        XCTAssertEqual(chown(shared, uid_t.max, group), 0)
        XCTAssertEqual(chmod(shared, 0o2770), 0)
        let old = umask(0o022); defer { umask(old) }
        let file = shared + "/report.html"
        try SafeFileWriter().write(Data("x".utf8), to: file, existing: .refuse)
        var info = stat()
        XCTAssertEqual(stat(file, &info), 0)
        XCTAssertEqual(info.st_gid, group)
        XCTAssertEqual(info.st_mode & 0o777, 0o664, "group members can replace it")

        // A plain private folder: the umask decides, nothing is widened.
        try SafeFileWriter().write(Data("x".utf8), to: path("private.csv"), existing: .refuse)
        XCTAssertEqual(stat(path("private.csv"), &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o644)
    }

    // MARK: - Terminal output

    func testTerminalTextHasNoControlsButKeepsLines() {
        let planted = "A\u{1B}[31mB\u{9B}31mC\u{9D}0;x\u{7}D\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}E\u{2066}\u{2067}\u{2068}\u{2069}F\u{85}\u{80}\u{9F}"
        let shown = TextSafety.forTerminal(planted + "\tnext\r\nline\rX\n")
        XCTAssertEqual(shown, "A?[31mB?31mC?0;x?D?????E????F???\tnext\nline X\n")
        for scalar in shown.unicodeScalars {
            XCTAssertFalse(TextSafety.isUnsafe(scalar, allowLineBreaks: true), "U+\(String(scalar.value, radix: 16))")
        }
        XCTAssertEqual(TextSafety.forTerminal("Kraków ↔ Zürich, 北京\n"), "Kraków ↔ Zürich, 北京\n")
    }

    // MARK: - Backups

    func testBackupDestinations() throws {
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        XCTAssertEqual(BackupPlan.datedName(now), "twinning-2026-11-30T00-53-20Z.sqlite")
        XCTAssertTrue(BackupPlan.isDatedName(BackupPlan.datedName(now)))
        for other in ["twinning-keepme.sqlite", "twinning-2026-11-30T00-53-20Z.sqlite.partial-abc123", ".twinning-2026-11-30T00-53-20Z.sqlite",
                      "twinning-2026-11-30T00-53-20Z.sqlite-wal", "mine-2026-11-29T23-33-20Z.sqlite"] {
            XCTAssertFalse(BackupPlan.isDatedName(other), other)
        }
        XCTAssertEqual(try BackupPlan.resolve(folder, now: now), BackupPlan(target: folder + "/" + BackupPlan.datedName(now), folder: folder))
        XCTAssertEqual(try BackupPlan.resolve(folder + "/", now: now).folder, folder + "/")
        XCTAssertEqual(try BackupPlan.resolve(path("copy.sqlite"), now: now), BackupPlan(target: path("copy.sqlite"), folder: nil))
        XCTAssertThrowsError(try BackupPlan.resolve(path("missing") + "/")) { XCTAssertTrue("\($0)".contains("does not exist"), "\($0)") }
        XCTAssertThrowsError(try BackupPlan.resolve(path("missing/copy.sqlite"))) { XCTAssertTrue("\($0)".contains("does not exist"), "\($0)") }
        XCTAssertEqual(try listing(), [], "nothing is created")
    }

    func testRotationKeepsTheNewestOwnBackupsAndNothingElse() throws {
        let own = ["twinning-2026-01-01T03-00-00Z.sqlite", "twinning-2026-01-02T03-00-00Z.sqlite",
                   "twinning-2026-01-03T03-00-00Z.sqlite", "twinning-2025-12-31T03-00-00Z.sqlite"]
        let foreign = ["notes.txt", "twinning-keepme.sqlite", ".twinning-2020-01-01T03-00-00Z.sqlite.partial-ABCDEF",
                       "twinning-2020-01-01T03-00-00Z.sqlite.bak"]
        for name in own + foreign { try "x".write(toFile: path(name), atomically: false, encoding: .utf8) }
        let removed = try AppDatabase.rotateBackups(in: folder, keep: 2, protecting: nil)
        XCTAssertEqual(removed.map { ($0 as NSString).lastPathComponent }.sorted(),
                       ["twinning-2025-12-31T03-00-00Z.sqlite", "twinning-2026-01-01T03-00-00Z.sqlite"])
        XCTAssertEqual(try listing(), (foreign + ["twinning-2026-01-02T03-00-00Z.sqlite", "twinning-2026-01-03T03-00-00Z.sqlite"]).sorted())
        // The database itself is never removed, even when it has a dated name.
        let removedAgain = try AppDatabase.rotateBackups(in: folder, keep: 1, protecting: path("twinning-2026-01-02T03-00-00Z.sqlite"))
        XCTAssertEqual(removedAgain, [])
    }

    func testABackupIsVerifiedAndAFailedCheckKeepsNothing() throws {
        let source = path("source.sqlite")
        let database = try AppDatabase.open(path: source)
        try database.setMeta("note", "x")
        let result = try database.backup(to: path("copy.sqlite"), replace: false)
        XCTAssertEqual(result.path, path("copy.sqlite"))
        XCTAssertEqual(try AppDatabase.open(path: path("copy.sqlite"), readOnly: true).meta("note"), "x")
        XCTAssertEqual(try listing().filter { $0.contains("partial") }, [])
        XCTAssertThrowsError(try database.backup(to: path("copy.sqlite"), replace: false)) {
            XCTAssertEqual($0 as? SafeWriteError, .exists(self.path("copy.sqlite")))
        }
        XCTAssertThrowsError(try database.backup(to: source, replace: true)) {
            XCTAssertEqual($0 as? SafeWriteError, .isDatabase(source))
        }

        // A copy whose counts differ from the snapshot is refused, and the
        // SafeFileWriter removes it: nothing under the final name.
        XCTAssertThrowsError(try SafeFileWriter().write(to: path("bad.sqlite"), existing: .refuse) { temporary in
            try FileManager.default.removeItem(atPath: temporary)
            try FileManager.default.copyItem(atPath: self.path("copy.sqlite"), toPath: temporary)
            try AppDatabase.verifyCopy(temporary, expected: ["meta": 999], reportingAs: self.path("bad.sqlite"))
        }) { XCTAssertTrue("\($0)".contains("failed its check"), "\($0)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("bad.sqlite")))
        XCTAssertEqual(try listing().filter { $0.contains("bad") }, [])
    }

    // MARK: - What a database file is

    func testEmptyTextAndForeignFilesAreNamed() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path("empty.sqlite"), contents: nil))
        try "name,country\n".write(toFile: path("cities.csv"), atomically: false, encoding: .utf8)
        let foreign = try DatabaseQueue(path: path("foreign.sqlite"))
        try foreign.write { try $0.execute(sql: "CREATE TABLE notes(text)") }
        try foreign.close()
        _ = try AppDatabase.open(path: path("real.sqlite"))
        XCTAssertEqual(DatabaseFile.inspect(path("nothing.sqlite")), .missing)
        XCTAssertEqual(DatabaseFile.inspect(folder), .folder)
        XCTAssertEqual(DatabaseFile.inspect(path("empty.sqlite")), .empty)
        XCTAssertEqual(DatabaseFile.inspect(path("cities.csv")), .notSQLite)
        XCTAssertEqual(DatabaseFile.inspect(path("foreign.sqlite")), .foreign(tables: ["notes"]))
        XCTAssertEqual(DatabaseFile.inspect(path("real.sqlite")), .twinning)
        XCTAssertTrue(DatabaseFile.problem(path("empty.sqlite"))!.contains("empty file"))
        XCTAssertTrue(DatabaseFile.problem(path("foreign.sqlite"))!.contains("not twinning's"))
        XCTAssertNil(DatabaseFile.problem(path("real.sqlite")))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("empty.sqlite"))), Data(), "inspecting writes nothing")
        XCTAssertThrowsError(try AppDatabase.open(path: path("nothing.sqlite"), create: false))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("nothing.sqlite")), "create: false never makes a file")
    }
}
