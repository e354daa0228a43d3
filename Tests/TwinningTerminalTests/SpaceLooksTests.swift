import XCTest
import TwinningUI
@testable import TwinningTerminal

/// Spaces are drawn in the normal look when nothing of the difference can be
/// seen on an empty cell (bold, dim, foreground colour), and keep their own
/// look when it paints the cell (background, reverse video, underline).
final class SpaceLooksTests: XCTestCase {
    private func theme(_ styles: [StyleRole: ThemeStyle]) -> Theme { Theme(name: "test", styles: styles) }

    func testABoldOrColouredSpaceIsDrawnAsANormalOne() {
        let t = theme([.normal: ThemeStyle(), .marker: ThemeStyle(fg: .yellow, attributes: [.bold]),
                       .dim: ThemeStyle(attributes: [.dim])])
        XCTAssertEqual(SpaceLooks.role(forSpaceIn: .marker, theme: t), .normal)
        XCTAssertEqual(SpaceLooks.role(forSpaceIn: .dim, theme: t), .normal)
        XCTAssertEqual(SpaceLooks.role(forSpaceIn: .normal, theme: t), .normal)
    }

    func testReverseUnderlineAndAnotherBackgroundKeepTheirLook() {
        let t = theme([.normal: ThemeStyle(), .selected: ThemeStyle(attributes: [.bold, .reverse]),
                       .header: ThemeStyle(attributes: [.bold, .underline]), .dialog: ThemeStyle(bg: .blue)])
        XCTAssertEqual(SpaceLooks.role(forSpaceIn: .selected, theme: t), .selected)
        XCTAssertEqual(SpaceLooks.role(forSpaceIn: .header, theme: t), .header)
        XCTAssertEqual(SpaceLooks.role(forSpaceIn: .dialog, theme: t), .dialog)
    }

    func testOnAColouredBackgroundTheBackgroundDecides() {
        // high-contrast: everything on black; a bold yellow space on black is a black cell.
        let t = theme([.normal: ThemeStyle(fg: .white, bg: .black), .marker: ThemeStyle(fg: .brightYellow, bg: .black, attributes: [.bold]),
                       .dialog: ThemeStyle(fg: .white, bg: .blue)])
        XCTAssertEqual(SpaceLooks.role(forSpaceIn: .marker, theme: t), .normal)
        XCTAssertEqual(SpaceLooks.role(forSpaceIn: .dialog, theme: t), .dialog)
    }

    func testTheShippedThemesKeepTheSelectionVisible() throws {
        for name in ["default", "light", "high-contrast", "monochrome"] {
            let t = try XCTUnwrap(ThemeLoader.builtIn(name), name)
            let table = SpaceLooks.table(for: t)
            XCTAssertEqual(table.count, StyleRole.allCases.count, name)
            XCTAssertEqual(table[.selected], .selected, "\(name): a selected row's spaces must stay reversed")
            for (role, spaceRole) in table where spaceRole != role {
                XCTAssertEqual(SpaceLooks.appearance(ofSpaceIn: t.style(role)), SpaceLooks.appearance(ofSpaceIn: t.style(spaceRole)),
                               "\(name): \(role)")
            }
        }
    }
}
