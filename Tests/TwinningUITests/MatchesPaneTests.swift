import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// The match explorer pane: ranking, review, weights, why-not.
final class MatchesPaneTests: XCTestCase {
    func names(_ state: AppState) -> [String] { state.matches.rows.map(\.name) }

    func testRanksWithoutTheHomeCityOrItsPartners() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        XCTAssertEqual(state.pane, .matches)
        XCTAssertEqual(state.keyContexts, [.matches, .list, .global])
        XCTAssertEqual(state.matches.rankedKey, state.matchKey)
        XCTAssertFalse(state.matches.rows.isEmpty)
        XCTAssertTrue(Set(names(state)).isDisjoint(with: ["Dortmund", "Amiens", "東京"]), "\(names(state))")
        XCTAssertEqual(state.matches.rows.map(\.rank), Array(1...state.matches.rows.count))
        let key = state.matches.rankedKey
        UIFixtures.press(&state, runner, .char("m"))
        XCTAssertEqual(state.matches.mode, .similar)
        XCTAssertNotEqual(state.matches.rankedKey, key, "ranked again for the other mode")
        assertGolden(render(state), "matches-80x24")
    }

    func testAcceptCreatesAProposedPartnershipAndTheCityLeavesTheList() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        let first = try XCTUnwrap(state.selectedMatch)
        UIFixtures.press(&state, runner, .char("a"))
        XCTAssertEqual(state.keyContexts, [.accept])
        assertGolden(render(state), "matches-accept-80x24")
        UIFixtures.press(&state, runner, .char("p"))
        XCTAssertNil(state.matches.accepting)
        let created = try XCTUnwrap(try runner.database.partnership(between: state.matchHome!, and: first.cityId))
        XCTAssertEqual(created.status, .proposed)
        XCTAssertEqual(try runner.database.reviews(home: state.matchHome).first?.decision, .accept)
        XCTAssertFalse(names(state).contains(first.name), "a partner is never suggested")
    }

    func testRejectWithAReasonAndSnooze() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        let first = try XCTUnwrap(state.selectedMatch)
        UIFixtures.press(&state, runner, .char("r"))
        XCTAssertTrue(render(state).text().contains("Reject \(first.name)"), "the dialog names the city")
        UIFixtures.press(&state, runner, .right)
        UIFixtures.press(&state, runner, .tab)
        UIFixtures.type(&state, runner, "zu groß")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNil(state.form)
        let review = try XCTUnwrap(try runner.database.reviews(home: state.matchHome).first)
        XCTAssertEqual(review.decision, .reject)
        XCTAssertEqual(review.reason, "too different in size: zu groß")
        XCTAssertEqual(review.user, "test")
        XCTAssertFalse(names(state).contains(first.name), "a rejected city is not suggested again")

        let second = try XCTUnwrap(state.selectedMatch)
        UIFixtures.press(&state, runner, .char("s"))
        XCTAssertTrue(render(state).text().contains("Suggest \(second.name) again later"))
        XCTAssertEqual(state.form?.field(.snoozeUntil)?.text, "2026-08-01", "three months on")
        // The snooze counts from the real date: make it lie ahead of it.
        let later = PartialDate(year: PartialDate.today().year + 1, month: 1, day: 1)!
        state.form!.fields[0].text = later.iso
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(try runner.database.reviews(home: state.matchHome).first?.snoozeUntil, later.iso)
        XCTAssertFalse(names(state).contains(second.name))
        UIFixtures.press(&state, runner, .char("R"))
        XCTAssertEqual(state.overlay?.title, "Reviews")
        XCTAssertEqual(state.overlay?.lines.count, 2)
    }

    func testWeightsReRankAtOnceAndWhyNotExplains() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"), .char("g"))
        XCTAssertEqual(state.keyContexts, [.weights])
        let before = state.matchProfile.weight(MatchFeature.allCases[0])
        let key = state.matches.rankedKey
        UIFixtures.press(&state, runner, .right)
        XCTAssertEqual(state.matchProfile.weight(MatchFeature.allCases[0]), ((before + 0.25) * 4).rounded() / 4, "a quarter more, on the quarter grid")
        XCTAssertNotEqual(state.matches.rankedKey, key, "re-ranked on the change")
        XCTAssertEqual(state.matches.rankedKey, state.matchKey)
        UIFixtures.press(&state, runner, .escape)
        XCTAssertFalse(state.matches.weightsOpen)
        UIFixtures.press(&state, runner, .char("w"))
        UIFixtures.type(&state, runner, "amiens")
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(state.overlay?.title, "Why not Amiens?")
        XCTAssertEqual(state.overlay?.lines.first, "Already a partner (any status).")
    }

    func testASavedProfileIsWrittenToTheGivenFolderAndUsedAgainAfterAModeSwitch() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"), .char("g"), .right, .right, .char("s"))
        let saved = state.matchProfile.weight(MatchFeature.allCases[0])
        XCTAssertEqual(saved, WeightProfile.builtIn(.learn).weight(MatchFeature.allCases[0]) + 0.5, accuracy: 0.25)
        let file = runner.weightsDirectory.appendingPathComponent("learn.weights")
        let written = try WeightProfile.parse(String(contentsOf: file, encoding: .utf8), name: "learn")
        XCTAssertEqual(written.weight(MatchFeature.allCases[0]), saved, "the file holds the saved weight")
        UIFixtures.press(&state, runner, .escape, .char("m"), .char("m"))
        XCTAssertEqual(state.matches.mode, .learn)
        XCTAssertEqual(state.matchProfile.weight(MatchFeature.allCases[0]), saved, "back in the mode: the saved profile, not the built-in")
        // A new session reads it from the folder, as `twinning match` does.
        let again = EffectRunner(database: runner.database, config: UserConfig(), weightsDirectory: runner.weightsDirectory)
        XCTAssertEqual(again.savedProfiles().profiles[.learn], written)
        XCTAssertNil(again.savedProfiles().warning)
        try "size_similarity = lots\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertNil(again.savedProfiles().profiles[.learn], "a broken file falls back to the built-in")
        XCTAssertTrue(again.savedProfiles().warning?.contains("learn.weights") == true)
    }
}
