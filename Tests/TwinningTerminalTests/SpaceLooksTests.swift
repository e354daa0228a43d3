import XCTest
import TwinningUI
@testable import TwinningTerminal

/// Spaces are drawn in whichever look makes a row one run of attributes, as
/// long as nothing of the difference can be seen on an empty cell (bold, dim,
/// foreground colour); a look that paints the cell (background, reverse video,
/// underline) is kept.
final class SpaceLooksTests: XCTestCase {
    private let theme = Theme(name: "test", styles: [
        .normal: ThemeStyle(), .marker: ThemeStyle(fg: .yellow, attributes: [.bold]),
        .homeCity: ThemeStyle(fg: .magenta, attributes: [.bold]), .selected: ThemeStyle(attributes: [.bold, .reverse]),
        .header: ThemeStyle(attributes: [.bold, .underline]), .dialog: ThemeStyle(bg: .blue),
    ])

    private func roles(_ parts: [(String, StyleRole)]) -> [StyleRole] {
        var cells: [Cell] = []
        for (text, role) in parts { cells += text.map { Cell(text: String($0), role: role) } }
        let looks = SpaceLooks.appearances(theme)
        return SpaceLooks.drawRoles(cells) { looks[$0] == looks[$1] }
    }

    func testTheMarkerSpaceOfARowThatIsNotSelectedIsDrawnLikeTheRow() {
        XCTAssertEqual(roles([(" ", .marker), (" Amiens  ", .normal)]), Array(repeating: .normal, count: 10))
    }

    func testSpacesInsideAHighlightedRunStayInItsLookAndTrailingOnesBecomeNormal() {
        let drawn = roles([(" ", .marker), (" ", .homeCity), ("Novi Sad", .homeCity), ("   ", .homeCity), ("DE", .homeCity),
                           ("   ", .homeCity)])
        XCTAssertEqual(drawn, [.normal, .normal] + Array(repeating: .homeCity, count: 13) + [.normal, .normal, .normal])
    }

    func testAWideGapInsideARunIsDrawnNormalSoItCanBeErased() {
        let gap = String(repeating: " ", count: SpaceLooks.longestGapInARun + 1)
        let drawn = roles([("A", .homeCity), (gap, .homeCity), ("B", .homeCity)])
        XCTAssertEqual(drawn, [.homeCity] + Array(repeating: .normal, count: gap.count) + [.homeCity])
    }

    func testReverseUnderlineAndAnotherBackgroundKeepTheirLook() {
        XCTAssertEqual(roles([("> A  ", .selected)]), Array(repeating: .selected, count: 5))
        XCTAssertEqual(roles([(" ", .header), ("Name  ", .header)]), Array(repeating: .header, count: 7))
        XCTAssertEqual(roles([(" ", .dialog), ("x", .normal)]), [.dialog, .normal])
        // Next to a reversed cell a plain space is still plain.
        XCTAssertEqual(roles([(">", .selected), (" ", .marker)]), [.selected, .normal])
    }

    func testTheShippedThemesOnlyEverSwapLooksThatPaintTheCellTheSame() throws {
        for name in ["default", "light", "high-contrast", "monochrome"] {
            let t = try XCTUnwrap(ThemeLoader.builtIn(name), name)
            let looks = SpaceLooks.appearances(t)
            XCTAssertEqual(looks.count, StyleRole.allCases.count, name)
            XCTAssertNotEqual(looks[.selected], looks[.normal], "\(name): a selected row's spaces must stay reversed")
            // high-contrast: a bold yellow marker space on black is a black cell, like a normal one.
            if name == "high-contrast" { XCTAssertEqual(looks[.marker], looks[.normal], name) }
        }
    }
}
