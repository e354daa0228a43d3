import TwinningCore
@testable import TwinningUI
import TwinningTestSupport
import XCTest

/// While a date is typed, the form says what it will be read as, or that it
/// cannot be read (yet) — before Enter or a save.
final class LiveDateNoteTests: XCTestCase {
    func testADateFieldSaysWhatItReadsAsWhileTyping() throws {
        var (state, runner) = try UIFixtures.state()
        state.language = .de
        state.size = Size(rows: 24, columns: 80)
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        var form = try XCTUnwrap(state.form)
        let start = try XCTUnwrap(form.index(of: .start))
        form.focus = start
        form.fields[start].text = "14. Mai 2026"
        state.form = form
        XCTAssertTrue(render(state).text().contains("= Do 14. Mai 2026"), render(state).text())
        form.fields[start].text = "14. Mxi"
        state.form = form
        XCTAssertTrue(render(state).text().contains("? noch kein Datum"), render(state).text())
        XCTAssertNil(state.form?.fields[start].error, "not an error yet: nothing was saved")
    }
}
