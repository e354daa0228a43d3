import Foundation
import XCTest
@testable import TwinningUI

/// Compares a rendered screen with a golden text file in Golden/.
/// Run with UPDATE_GOLDEN=1 to write the files after a deliberate change.
func assertGolden(_ screen: Screen, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let folder = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden")
    let url = folder.appendingPathComponent(name + ".txt")
    var text = screen.lines().map { "|" + $0 + "|" }.joined(separator: "\n") + "\n"
    text += "cursor: " + (screen.cursor.map { "\($0.row),\($0.col)" } ?? "none") + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("missing golden file \(url.path); run the tests with UPDATE_GOLDEN=1 to create it", file: file, line: line)
        return
    }
    if expected != text {
        let actual = url.deletingPathExtension().appendingPathExtension("actual.txt")
        try? text.write(to: actual, atomically: true, encoding: .utf8)
        XCTFail("screen differs from \(url.lastPathComponent); see \(actual.path)", file: file, line: line)
    }
}
