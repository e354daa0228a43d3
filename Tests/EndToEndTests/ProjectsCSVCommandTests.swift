import Foundation
import TwinningTestSupport
import XCTest

/// `export projects --format csv --output FOLDER` → `import projects FOLDER`: the same files again, errors with FILE:LINE.
final class ProjectsCSVCommandTests: EndToEndTestCase {
    func files(_ folder: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            out[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return out
    }

    func testExportImportExportGivesTheSameFiles() throws {
        let db = try demoCopy()
        let first = workDir.appendingPathComponent("first").path
        let refused = try CLI.fails(["export", "projects", "--format", "csv", "--db", db])
        XCTAssertTrue(refused.stderr.contains("--output"), refused.summary)
        _ = try CLI.ok(["export", "projects", "--format", "csv", "--output", first, "--db", db])
        let written = try files(first)
        XCTAssertEqual(written.count, 9)
        XCTAssertEqual(written["projects.csv"]?.split(separator: "\n").first, "project,title,summary,status,start,end,goals,results,notes")
        // Nothing is replaced without --force.
        let again = try CLI.fails(["export", "projects", "--format", "csv", "--output", first, "--db", db])
        XCTAssertTrue(again.stderr.contains("--force"), again.summary)
        for project in try jsonArray(try CLI.ok(["projects", "list", "--format", "json", "--db", db])) {
            _ = try CLI.ok(["projects", "remove", String(project["id"] as! Int), "--yes", "--db", db])
        }
        let imported = try CLI.ok(["import", "projects", first + "/projects.csv", "--db", db])
        XCTAssertTrue(imported.stdout.contains("Imported 10 projects"), imported.summary)
        let second = workDir.appendingPathComponent("second").path
        _ = try CLI.ok(["export", "projects", "--format", "csv", "--output", second, "--db", db])
        XCTAssertEqual(try files(second), written, "export → import → export is exact")
        let unchanged = try CLI.ok(["import", "projects", first, "--db", db])
        XCTAssertTrue(unchanged.stdout.contains("10 unchanged"), unchanged.summary)
    }

    func testBadCellNamesFileLineAndFieldAndWritesNothing() throws {
        let db = try demoCopy()
        let folder = workDir.appendingPathComponent("out").path
        _ = try CLI.ok(["export", "projects", "--format", "csv", "--output", folder, "--db", db])
        for project in try jsonArray(try CLI.ok(["projects", "list", "--format", "json", "--db", db])) {
            _ = try CLI.ok(["projects", "remove", String(project["id"] as! Int), "--yes", "--db", db])
        }
        let path = folder + "/project_indicators.csv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let cells = lines[2].components(separatedBy: ",")
        lines[2] = ([cells[0], "many"] + cells.dropFirst(2)).joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.fails(["import", "projects", folder, "--db", db])
        XCTAssertTrue(result.stderr.contains("project_indicators.csv:3: value: \"many\" is not a number"), result.summary)
        XCTAssertEqual(try jsonArray(try CLI.ok(["projects", "list", "--format", "json", "--db", db])).count, 0, "all or nothing")
    }
}
