import TwinningTestSupport
import XCTest
@testable import TwinningCore

/// Kiosk mode for an SSH ForceCommand account: only the full-screen program.
final class KioskTests: EndToEndTestCase {
    func testKioskRefusesEverySubcommandAndNeverRunsTheRequestedCommand() throws {
        let db = try demoCopy("kiosk.sqlite")
        let marker = workDir.appendingPathComponent("pwned").path
        for arguments in [["--kiosk", "partnerships", "remove", "1", "--yes"], ["--kiosk", "export", "events", "--output", marker],
                          ["--kiosk", "backup", marker], ["--kiosk", "init", "--force"]] {
            let result = try CLI.run(arguments + ["--db", db])
            XCTAssertEqual(result.status, 1, result.summary)
            XCTAssertEqual(result.stderr, "twinning: this account may only use the full-screen program (kiosk mode).\n")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "nothing was written")
        XCTAssertEqual(try counts(db).partnerships, try counts(demoDB()).partnerships, "nothing was deleted")
        // Without a terminal the full-screen program says so and stops; SSH_ORIGINAL_COMMAND is ignored.
        let open = try CLI.run(["--kiosk", "--db", db])
        XCTAssertEqual(open.status, 1)
        XCTAssertTrue(open.stderr.contains("interactive terminal"), open.summary)
    }
}

/// A database in a folder shared by the association's group is created
/// group-writable, and `check` names a file that would lock others out.
final class SharedFolderTests: EndToEndTestCase {
    func testDatabaseInASharedFolderIsGroupWritable() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to give the folder another group") }
        let folder = workDir.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let group: gid_t = 100 // "users" on Debian
        XCTAssertEqual(chown(folder.path, uid_t.max, group), 0)
        XCTAssertEqual(chmod(folder.path, 0o2770), 0) // setgid: files inherit the group
        let db = folder.appendingPathComponent("twinning.sqlite").path
        try CLI.ok(["init", "--empty", "--db", db])
        var info = stat()
        XCTAssertEqual(stat(db, &info), 0)
        XCTAssertEqual(info.st_gid, group)
        XCTAssertNotEqual(info.st_mode & S_IWGRP, 0, "group members can write")
        XCTAssertEqual(try CLI.run(["check", "--db", db]).status, 0)

        XCTAssertEqual(chmod(db, 0o600), 0)
        let check = try CLI.run(["check", "--db", db])
        XCTAssertEqual(check.status, 1, check.summary)
        XCTAssertTrue(check.stderr.contains("not writable for the group"), check.summary)
        XCTAssertTrue(check.stderr.contains("chmod g+rw"), check.summary)
    }
}
