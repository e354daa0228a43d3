import Foundation
import TwinningTestSupport
import XCTest

/// `twinning match review` writes the change log like every other change, and
/// `twinning log` shows the review in words with who made it.
final class ReviewLogCommandTests: EndToEndTestCase {
    func testAReviewShowsInTheLog() throws {
        let db = try demoCopy("review-log.sqlite")
        try CLI.ok(["match", "review", "Dortmund", "Lyon", "--reject", "no common themes", "--db", db])
        let user = ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

        let json = try jsonArray(try CLI.ok(["log", "--format", "json", "--limit", "1", "--db", db]))
        let line = try XCTUnwrap(json.first)
        XCTAssertEqual(line["entity"] as? String, "review")
        XCTAssertEqual(line["action"] as? String, "create")
        XCTAssertEqual(line["user"] as? String, user)
        XCTAssertEqual(line["summary"] as? String, "review of Lyon for Dortmund: rejected (no common themes)")
        XCTAssertTrue((line["after"] as? String)?.contains("\"decision\":\"reject\"") == true, "\(line)")

        let text = try CLI.ok(["log", "--limit", "1", "--db", db])
        XCTAssertTrue(text.stdoutLines.contains { $0.contains(user) && $0.contains("create")
            && $0.hasSuffix("review of Lyon for Dortmund: rejected (no common themes)") }, text.summary)
    }
}
