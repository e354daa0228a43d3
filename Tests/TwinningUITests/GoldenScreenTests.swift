import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// Every pane, the help, a question and the forms, drawn at 80×24, 100×30 and
/// 60×16 and compared with text files in Golden/ (as tig does). The fixtures
/// mix "Düsseldorf", "Kraków", "Ełk", "東京" and "Αθήνα" so misaligned
/// columns show up as a diff.
final class GoldenScreenTests: XCTestCase {
    static let sizes = [Size(rows: 24, columns: 80), Size(rows: 30, columns: 100), Size(rows: 16, columns: 60)]

    func name(_ base: String, _ size: Size) -> String { "\(base)-\(size.columns)x\(size.rows)" }

    func testCitiesPane() throws {
        for size in Self.sizes {
            let (state, _) = try UIFixtures.state(size: size)
            assertGolden(render(state), name("cities", size))
        }
    }

    func testCitiesPaneInGermanWithPartnersFocused() throws {
        var (state, runner) = try UIFixtures.state(language: .de)
        UIFixtures.press(&state, runner, .enter, .down)
        assertGolden(render(state), "cities-de-partners-80x24")
    }

    func testGazetteerScopeFiltered() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("a"), .char("/"))
        UIFixtures.type(&state, runner, "k")
        assertGolden(render(state), "cities-gazetteer-filter-80x24")
    }

    func testPartnershipsPane() throws {
        for size in Self.sizes {
            var (state, runner) = try UIFixtures.state(size: size)
            UIFixtures.press(&state, runner, .char("2"))
            assertGolden(render(state), name("partnerships", size))
        }
    }

    func testHelpScreen() throws {
        for size in Self.sizes {
            var (state, runner) = try UIFixtures.state(size: size)
            UIFixtures.press(&state, runner, .function(1))
            assertGolden(render(state), name("help", size))
        }
    }

    func testDeleteConfirmation() throws {
        for size in Self.sizes {
            var (state, runner) = try UIFixtures.state(size: size)
            UIFixtures.press(&state, runner, .char("2"), .char("d"))
            assertGolden(render(state), name("confirm-delete", size))
        }
    }

    func testPartnershipFormWithSuggestions() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("2"), .char("n"))
        UIFixtures.type(&state, runner, "k")
        assertGolden(render(state), "form-partnership-suggestions-80x24")
    }

    func testCityFormWithErrors() throws {
        for size in Self.sizes {
            var (state, runner) = try UIFixtures.state(size: size)
            UIFixtures.press(&state, runner, .char("n"))
            UIFixtures.type(&state, runner, "Neustadt")
            UIFixtures.press(&state, runner, .tab)
            UIFixtures.type(&state, runner, "Deutschland")
            UIFixtures.press(&state, runner, .tab, .tab)
            UIFixtures.type(&state, runner, "viele")
            UIFixtures.press(&state, runner, .function(2))
            assertGolden(render(state), name("form-city-errors", size))
        }
    }

    func testHomeCityQuestionOnFirstRun() throws {
        var (state, runner) = try UIFixtures.state(home: nil)
        state.form = Forms.homeCity()
        UIFixtures.type(&state, runner, "dü")
        assertGolden(render(state), "first-run-home-city-80x24")
    }

    func testTooSmallWindow() throws {
        var (state, _) = try UIFixtures.state()
        _ = reduce(&state, .resized(Size(rows: 12, columns: 50)))
        assertGolden(render(state), "too-small-50x12")
    }

    func testSelectionIsReverseVideoWithAMarkerAndTheCursorOnIt() throws {
        let (state, _) = try UIFixtures.state()
        let screen = render(state)
        let layout = Layout(state.size)
        let row = layout.list.row + 1
        XCTAssertEqual(screen[row, 0].text, ">")
        XCTAssertEqual(screen[row, 2].role, .selected)
        XCTAssertEqual(screen[row + 1, 0].text, " ")
        XCTAssertEqual(screen.cursor, Position(row: row, col: 0))
    }

    func testWideNamesLineUp() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("a"))
        let screen = render(state)
        // The country column starts at the same display column on every row,
        // whatever the width of the name before it.
        let layout = Layout(state.size)
        let lines = Array(screen.lines()[(layout.list.row + 1)..<(layout.list.row + layout.list.rows)])
        let rows = lines.filter { $0.contains("東京") || $0.contains("Kraków") || $0.contains("Αθήνα") || $0.contains("Düsseldorf") }
        XCTAssertEqual(rows.count, 4)
        let columns = rows.map { line -> Int in
            let prefix = line.components(separatedBy: " JP ").first!.components(separatedBy: " PL ").first!
                .components(separatedBy: " GR ").first!.components(separatedBy: " DE ").first!
            return DisplayWidth.of(prefix)
        }
        XCTAssertEqual(Set(columns).count, 1, "country column at \(columns)")
    }

    func testDataNeverPutsControlCharactersOnTheScreen() throws {
        var (state, runner) = try UIFixtures.state(size: Size(rows: 30, columns: 100))
        // A name that slipped past validation (e.g. written by another program).
        try runner.database.writer.write { db in
            try db.execute(sql: "UPDATE city SET notes = ? WHERE geonameId = 2935517", arguments: ["evil\u{1B}]0;pwned\u{07}\u{9B}31m"])
        }
        UIFixtures.run(&state, runner, [.loadCityDetail(state.selectedCity!.id)])
        state.cityDetail = nil
        UIFixtures.run(&state, runner, [.loadCityDetail(state.selectedCity!.id)])
        let screen = render(state)
        XCTAssertTrue(screen.text().contains("evil?]0;pwned??31m"))
        for line in screen.cells {
            for cell in line {
                XCTAssertFalse(cell.text.unicodeScalars.contains { TextSafety.isUnsafe($0) }, "unsafe \(cell.text.debugDescription)")
            }
        }
    }
}
