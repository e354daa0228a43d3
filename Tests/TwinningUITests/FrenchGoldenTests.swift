import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// Every pane, the help, the questions and the forms in French at 80×24
/// (files Golden/fr-*.txt), made by the same key presses as the English and
/// German golden screens, so a French text too long for its place shows up
/// as a diff.
final class FrenchGoldenTests: XCTestCase {
    func french(_ pane: Character? = nil) throws -> (AppState, EffectRunner) {
        var (state, runner) = try UIFixtures.state(language: .fr)
        if let pane { UIFixtures.press(&state, runner, .char(pane)) }
        return (state, runner)
    }

    func testPanes() throws {
        var (state, runner) = try french()
        assertGolden(render(state), "fr-cities-80x24")
        UIFixtures.press(&state, runner, .enter, .down)
        assertGolden(render(state), "fr-cities-partners-80x24")
        (state, runner) = try french("2")
        assertGolden(render(state), "fr-partnerships-80x24")
        (state, runner) = try french("3")
        assertGolden(render(state), "fr-events-80x24")
        (state, runner) = try french("4")
        assertGolden(render(state), "fr-matches-80x24")
        (state, runner) = try french("5")
        state.reports.year = 2025
        assertGolden(render(state), "fr-reports-80x24")
        UIFixtures.press(&state, runner, .char("m"))
        assertGolden(render(state), "fr-map-80x24")
    }

    func testHelpAndQuestions() throws {
        var (state, runner) = try french()
        UIFixtures.press(&state, runner, .function(1))
        assertGolden(render(state), "fr-help-80x24")
        (state, runner) = try french("2")
        UIFixtures.press(&state, runner, .char("d"))
        assertGolden(render(state), "fr-confirm-delete-80x24")
        (state, runner) = try french("4")
        UIFixtures.press(&state, runner, .char("a"))
        assertGolden(render(state), "fr-matches-accept-80x24")
        UIFixtures.press(&state, runner, .escape, .char("/"))
        assertGolden(render(state), "fr-matches-filters-dialog-80x24")
        var (first, firstRunner) = try UIFixtures.state(language: .fr, home: nil)
        first.form = Forms.homeCity()
        UIFixtures.type(&first, firstRunner, "dü")
        assertGolden(render(first), "fr-first-run-home-city-80x24")
    }

    func testEventForm() throws {
        var (state, runner) = try french("3")
        UIFixtures.press(&state, runner, .char("n"))
        assertGolden(render(state), "fr-form-event-empty-80x24")
        UIFixtures.type(&state, runner, "14/05/2026")
        XCTAssertTrue(render(state).text().contains("= jeu. 14 mai 2026"), render(state).text())
        UIFixtures.press(&state, runner, .tab, .tab)
        UIFixtures.type(&state, runner, "42")
        UIFixtures.press(&state, runner, .tab)
        UIFixtures.type(&state, runner, "50")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.form?.field(.youth)?.error, "Moins de 30 ans (50) > participants (42).")
        assertGolden(render(state), "fr-form-event-error-80x24")
    }

    func testCityFormWithErrors() throws {
        var (state, runner) = try french()
        UIFixtures.press(&state, runner, .char("n"))
        UIFixtures.type(&state, runner, "Neustadt")
        UIFixtures.press(&state, runner, .tab)
        UIFixtures.type(&state, runner, "Deutschland")
        UIFixtures.press(&state, runner, .tab, .tab)
        UIFixtures.type(&state, runner, "viele")
        UIFixtures.press(&state, runner, .function(2))
        assertGolden(render(state), "fr-form-city-errors-80x24")
    }

    func testFrenchNumbersOnTheScreenAreOneColumnPerCharacter() throws {
        let (state, _) = try french()
        let text = render(state).text()
        XCTAssertTrue(text.contains("588\u{202F}462"), "Dortmund's population with the narrow no-break space")
        XCTAssertEqual(DisplayWidth.of("588\u{202F}462"), 7)
    }
}
