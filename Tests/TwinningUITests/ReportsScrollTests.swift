import TwinningTestSupport
import XCTest
@testable import TwinningUI

/// The Reports pane scrolls within the report: PgUp/PgDn (the hint names
/// them), Home/End, and never past its end, so Up moves at once after many Downs.
final class ReportsScrollTests: XCTestCase {
    func testScrollStopsAtTheEndAndPagesBothWays() throws {
        var (state, runner) = try UIFixtures.state(size: Size(rows: 16, columns: 60))
        UIFixtures.press(&state, runner, .char("5"))
        let rows = reportBodyRows(Layout(state.size))
        let last = reportLines(state).count - 1 - rows
        XCTAssertGreaterThan(last, 3, "the fixture's report is longer than a 60×16 screen")

        for _ in 0..<(last + 50) { UIFixtures.press(&state, runner, .down) }
        XCTAssertEqual(state.reports.scroll, last, "Down stops at the last line")
        XCTAssertFalse(render(state).text().contains("▼"), "nothing more below at the end")
        UIFixtures.press(&state, runner, .up)
        XCTAssertEqual(state.reports.scroll, last - 1, "one Up after running past the end moves one line")

        UIFixtures.press(&state, runner, .home)
        XCTAssertEqual(state.reports.scroll, 0)
        UIFixtures.press(&state, runner, .pageDown)
        XCTAssertEqual(state.reports.scroll, min(last, rows - 1), "PgDn moves a page, keeping one line of the old page")
        XCTAssertTrue(render(state).text().contains("▲"), "a mark says there is more above")
        UIFixtures.press(&state, runner, .pageUp)
        XCTAssertEqual(state.reports.scroll, 0)
        UIFixtures.press(&state, runner, .end)
        XCTAssertEqual(state.reports.scroll, last)
    }
}
