import XCTest
@testable import TwinningUI

final class ScreenDiffTests: XCTestCase {
    /// A list of cities with one selected row, the way a list pane draws it.
    private func listScreen(selected: Int) -> Screen {
        var screen = Screen(rows: 10, columns: 30)
        screen.fillRow(0, role: .title)
        screen.put("Partnerships", row: 0, col: 1, role: .title)
        let cities = ["Düsseldorf", "Kraków", "Ełk", "東京", "Αθήνα"]
        for (index, city) in cities.enumerated() {
            let row = 2 + index
            let role: StyleRole = index == selected ? .selected : .normal
            screen.fill(row: row, col: 0, width: screen.columns, role: role)
            screen.put(index == selected ? ">" : " ", row: row, col: 0, role: index == selected ? .marker : role)
            screen.put(city, row: row, col: 2, role: role)
        }
        screen.cursor = Position(row: 2 + selected, col: 2)
        return screen
    }

    func testNoPreviousFrameRedrawsEverythingExceptContinuations() {
        let screen = listScreen(selected: 0)
        let changes = ScreenDiff.changes(from: nil, to: screen)
        // 300 cells, minus the continuation cell of 東 and of 京.
        XCTAssertEqual(changes.count, 300 - 2)
        XCTAssertFalse(changes.contains { $0.cell.isContinuation })
    }

    func testSameFrameHasNoChanges() {
        XCTAssertEqual(ScreenDiff.changes(from: listScreen(selected: 1), to: listScreen(selected: 1)), [])
    }

    func testMovingTheSelectionChangesOnlyTwoRows() {
        let before = listScreen(selected: 1)
        let after = listScreen(selected: 2)
        let changes = ScreenDiff.changes(from: before, to: after)
        XCTAssertEqual(Set(changes.map(\.row)), [3, 4])
        XCTAssertFalse(changes.isEmpty)
        XCTAssertEqual(changes.filter { $0.row == 4 }.count, 30)       // whole new selected row restyled
        XCTAssertTrue(changes.allSatisfy { after[$0.row, $0.col] == $0.cell })
    }

    func testMovingTheSelectionOntoAWideCharacterRowDrawsItOnce() {
        let changes = ScreenDiff.changes(from: listScreen(selected: 2), to: listScreen(selected: 3))
        XCTAssertEqual(Set(changes.map(\.row)), [4, 5])
        let row5 = changes.filter { $0.row == 5 }
        XCTAssertEqual(row5.filter { $0.cell.text == "東" }.count, 1)
        XCTAssertFalse(row5.contains { $0.cell.isContinuation })
        XCTAssertEqual(row5.count, 28)   // 30 cells minus two continuation cells
    }

    func testReplacingAWideCharacterRedrawsBothCells() {
        var before = Screen(rows: 1, columns: 4)
        before.put("東x", row: 0, col: 0, role: .normal)
        var after = Screen(rows: 1, columns: 4)
        after.put("abx", row: 0, col: 0, role: .normal)
        XCTAssertEqual(ScreenDiff.changes(from: before, to: after).map(\.col), [0, 1])
        XCTAssertEqual(ScreenDiff.changes(from: after, to: before).map(\.col), [0])
    }

    func testSizeChangeRedrawsEverything() {
        let small = Screen(rows: 2, columns: 2)
        let large = Screen(rows: 3, columns: 3)
        XCTAssertEqual(ScreenDiff.changes(from: small, to: large).count, 9)
    }

    func testCursorAloneIsNotACellChange() {
        var a = Screen(rows: 2, columns: 2)
        let b = a
        a.cursor = Position(row: 1, col: 1)
        XCTAssertEqual(ScreenDiff.changes(from: b, to: a), [])
    }
}
