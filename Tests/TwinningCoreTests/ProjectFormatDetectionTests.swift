import XCTest
@testable import TwinningCore

/// `import projects FILE` reads JSON or the CSV form by what the file holds,
/// not only by its name: a JSON export saved as "projects.csv" is still JSON.
final class ProjectFormatDetectionTests: XCTestCase {
    func testJSONIsRecognisedByItsTextAndCSVByFolderOrName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("detect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let jsonNamedCSV = folder.appendingPathComponent("projects.csv")
        try Data("\u{FEFF}\n  [ {\"title\": \"x\"} ]".utf8).write(to: jsonNamedCSV)
        XCTAssertFalse(ProjectCSV.isCSV(jsonNamedCSV.path), "JSON text, whatever the name")
        let realCSV = folder.appendingPathComponent("p.csv")
        try Data("project,title\n1,x\n".utf8).write(to: realCSV)
        XCTAssertTrue(ProjectCSV.isCSV(realCSV.path))
        XCTAssertTrue(ProjectCSV.isCSV(folder.path), "a folder is the CSV form")
        XCTAssertTrue(ProjectCSV.isCSV(folder.appendingPathComponent("missing.csv").path), "a missing .csv names the CSV form")
        XCTAssertFalse(ProjectCSV.isCSV(folder.appendingPathComponent("missing.json").path))
    }
}
