import XCTest
@testable import TwinningUI

/// The README's key list is generated from the key table; this test fails when
/// they drift apart. UPDATE_README=1 rewrites the list.
final class ReadmeKeysTests: XCTestCase {
    func testReadmeKeyListMatchesTheKeyMap() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = "<!-- keys:start -->\n", end = "\n<!-- keys:end -->"
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else {
            return XCTFail("README.md has no <!-- keys:start --> … <!-- keys:end --> section")
        }
        let expected = KeyMap.markdownTable()
        if ProcessInfo.processInfo.environment["UPDATE_README"] != nil {
            try (text[..<from.upperBound] + expected + text[to.lowerBound...]).write(to: readme, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(String(text[from.upperBound..<to.lowerBound]), expected, "run the tests with UPDATE_README=1 to refresh README.md")
    }
}
