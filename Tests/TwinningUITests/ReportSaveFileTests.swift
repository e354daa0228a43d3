import Foundation
import TwinningCore
@testable import TwinningUI
import TwinningTestSupport
import XCTest

/// The TUI's report save goes through SafeFileWriter: a second save of the
/// same report keeps the first (a new numbered name, named in the message),
/// and a file in a shared export folder gets the folder's group and g+rw.
final class ReportSaveFileTests: XCTestCase {
    func testSavingTwiceKeepsBothReports() throws {
        var (state, runner) = try UIFixtures.state()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("twinning-report-dortmund-2025.html")
        try "an earlier report".write(to: first, atomically: false, encoding: .utf8)
        runner.exportFolder = folder.path
        state.reports.year = 2025
        UIFixtures.press(&state, runner, .char("5"), .char("x"))
        XCTAssertEqual(try String(contentsOf: first, encoding: .utf8), "an earlier report", "never overwritten silently")
        let second = folder.appendingPathComponent("twinning-report-dortmund-2025-2.html")
        XCTAssertTrue(try String(contentsOf: second, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(state.status?.text, "Saved the report as \(second.path)", "the message names the file actually written")
        UIFixtures.press(&state, runner, .char("x"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["twinning-report-dortmund-2025-2.html", "twinning-report-dortmund-2025-3.html", "twinning-report-dortmund-2025.html"])
    }

    func testAReportInASharedFolderIsGroupWritable() throws {
        try XCTSkipUnless(getuid() == 0, "needs root to hand the folder to another group")
        var (state, runner) = try UIFixtures.state()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(chown(folder.path, uid_t.max, 100), 0)
        XCTAssertEqual(chmod(folder.path, 0o2770), 0)
        runner.exportFolder = folder.path
        state.reports.year = 2025
        UIFixtures.press(&state, runner, .char("5"), .char("x"))
        var info = stat()
        XCTAssertEqual(stat(folder.appendingPathComponent("twinning-report-dortmund-2025.html").path, &info), 0, state.status?.text ?? "")
        XCTAssertEqual(info.st_gid, 100)
        XCTAssertEqual(info.st_mode & 0o060, 0o060)
    }
}
