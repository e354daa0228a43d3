import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// A review made in the match explorer shows in the history (L) with who made
/// it, and u takes it back: the city is suggested again.
final class ReviewHistoryTests: XCTestCase {
    func names(_ state: AppState) -> [String] { state.matches.rows.map(\.name) }

    /// The words on the screen, box lines and runs of spaces removed, so a
    /// description wrapped onto two lines reads as one.
    func words(_ state: AppState) -> String {
        render(state).lines().map { $0.replacingOccurrences(of: "│", with: " ") }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
    }

    func testARejectShowsInTheHistoryAndUndoBringsTheCityBack() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        let first = try XCTUnwrap(state.selectedMatch)
        UIFixtures.press(&state, runner, .char("r"), .function(2))
        XCTAssertFalse(names(state).contains(first.name), "rejected")

        UIFixtures.press(&state, runner, .char("L"))
        let line = try XCTUnwrap(state.history?.first)
        XCTAssertEqual(line.entity, .review)
        XCTAssertEqual(line.user, "test")
        XCTAssertEqual(line.review?.candidateCityId, first.cityId)
        XCTAssertTrue(words(state).contains("test created review of \(first.name) for Dortmund: rejected (too far)"),
                      render(state).lines().joined(separator: "\n"))
        UIFixtures.press(&state, runner, .escape)
        XCTAssertNil(state.history)

        UIFixtures.press(&state, runner, .char("u"))
        XCTAssertEqual(state.status?.text, "Undone: review of \(first.name) for Dortmund: rejected (too far) (created)")
        XCTAssertEqual(state.selectedMatch?.name, first.name, "suggested again, in its old place")
        XCTAssertEqual(try runner.database.reviews(), [])
        UIFixtures.press(&state, runner, .char("L"))
        XCTAssertEqual(state.history?.first?.action, .undo)
        XCTAssertEqual(state.history?.dropFirst().first?.undone, true)
    }

    func testTheHistorySpeaksGermanForReviews() throws {
        var (state, runner) = try UIFixtures.state(language: .de)
        UIFixtures.press(&state, runner, .char("4"))
        let first = try XCTUnwrap(state.selectedMatch)
        UIFixtures.press(&state, runner, .char("s"), .function(2))
        UIFixtures.press(&state, runner, .char("L"))
        XCTAssertTrue(words(state).contains("test angelegt Bewertung von \(first.name) für Dortmund: ab 01.08.2026 wieder vorschlagen"),
                      render(state).lines().joined(separator: "\n"))
        UIFixtures.press(&state, runner, .escape, .char("R"))
        XCTAssertEqual(state.overlay?.lines.count, 1)
        XCTAssertTrue(state.overlay?.lines.first?.hasSuffix("\(first.name): ab 01.08.2026 wieder vorschlagen") == true,
                      "\(state.overlay?.lines ?? [])")
    }
}
