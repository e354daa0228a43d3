import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// The match explorer lists cities abroad by default (96 % of real twinnings
/// cross a border); `d` brings the home country back, and the filter line says which.
final class AbroadByDefaultTests: XCTestCase {
    func testDefaultIsAbroadAndDBringsTheHomeCountryBack() throws {
        var (state, runner) = try UIFixtures.state(abroadOnly: true)
        XCTAssertTrue(AppState(size: Size(rows: 24, columns: 80), language: .en).matches.filters.leaveOutHomeCountry, "the program's default")
        UIFixtures.press(&state, runner, .char("4"))
        XCTAssertFalse(state.matches.rows.isEmpty)
        XCTAssertTrue(state.matches.rows.allSatisfy { $0.countryCode != "DE" }, "no German city for Dortmund by default")
        let screen = render(state).text()
        XCTAssertTrue(screen.contains("Abroad only (DE left out; d shows DE too)"), screen)
        UIFixtures.press(&state, runner, .char("d"))
        XCTAssertTrue(state.matches.rows.contains { $0.countryCode == "DE" }, "d: German cities too")
        XCTAssertTrue(render(state).text().contains("All countries, DE included (d: abroad only)"))
        UIFixtures.press(&state, runner, .char("d"))
        XCTAssertTrue(state.matches.rows.allSatisfy { $0.countryCode != "DE" })
    }
}
