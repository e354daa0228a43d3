import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// Every pane, the help and the questions in German at 80×24 (files
/// Golden/de-*.txt), made by the same key presses as the French ones, so
/// `GoldenLanguageTests` can check that no English word is left on them.
final class GermanGoldenTests: XCTestCase {
    func german(_ pane: Character? = nil) throws -> (AppState, EffectRunner) {
        var (state, runner) = try UIFixtures.state(language: .de)
        if let pane { UIFixtures.press(&state, runner, .char(pane)) }
        return (state, runner)
    }

    func testPanes() throws {
        var (state, runner) = try german()
        assertGolden(render(state), "de-cities-80x24")
        UIFixtures.press(&state, runner, .enter, .down)
        assertGolden(render(state), "de-cities-partners-80x24")
        (state, runner) = try german("2")
        assertGolden(render(state), "de-partnerships-80x24")
        (state, runner) = try german("3")
        assertGolden(render(state), "de-events-80x24")
        (state, runner) = try german("4")
        assertGolden(render(state), "de-matches-80x24")
        (state, runner) = try german("5")
        state.reports.year = 2025
        assertGolden(render(state), "de-reports-80x24")
        UIFixtures.press(&state, runner, .char("m"))
        assertGolden(render(state), "de-map-80x24")
    }

    func testHelpAndQuestions() throws {
        var (state, runner) = try german()
        UIFixtures.press(&state, runner, .function(1))
        assertGolden(render(state), "de-help-80x24")
        (state, runner) = try german("2")
        UIFixtures.press(&state, runner, .char("d"))
        assertGolden(render(state), "de-confirm-delete-80x24")
        (state, runner) = try german("4")
        UIFixtures.press(&state, runner, .char("a"))
        assertGolden(render(state), "de-matches-accept-80x24")
        UIFixtures.press(&state, runner, .escape, .char("/"))
        assertGolden(render(state), "de-matches-filters-dialog-80x24")
        var (first, firstRunner) = try UIFixtures.state(language: .de, home: nil)
        first.form = Forms.homeCity()
        UIFixtures.type(&first, firstRunner, "dü")
        assertGolden(render(first), "de-first-run-home-city-80x24")
    }

    func testHistoryAndEventForm() throws {
        var (state, runner) = try german("3")
        UIFixtures.press(&state, runner, .char("n"))
        assertGolden(render(state), "de-form-event-empty-80x24")
        UIFixtures.type(&state, runner, "14. Mai 2026")
        assertGolden(render(state), "de-form-event-date-80x24")
        UIFixtures.press(&state, runner, .escape)
        if state.confirmation != nil { UIFixtures.press(&state, runner, .char("j")) }
        UIFixtures.press(&state, runner, .char("x"))
        assertGolden(render(state), "de-calendar-export-80x24")
    }
}
