import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// What one cursor move (Down) asks the terminal to redraw, in every list at
/// 80×24: only the row the selection left, the row it reached and detail
/// lines whose text changed. The frame around the panes (title, tabs, list
/// header, status line, key bar) and the other list rows are not sent again.
/// Counts of cells, from `ScreenDiff` on the frames `render` produces; the
/// bytes these cost through ncurses are measured by `Scripts/bench-tui-moves.sh`.
final class CursorMoveCostTests: XCTestCase {
    private struct Move {
        var changes: [ScreenDiff.Change]
        var before: Screen
        var after: Screen
        var rows: Set<Int> { Set(changes.map(\.row)) }
    }

    /// Renders, presses Down, renders again and diffs the two frames.
    private func moveDown(_ state: inout AppState, _ runner: EffectRunner) -> Move {
        let before = render(state)
        UIFixtures.press(&state, runner, .down)
        let after = render(state)
        return Move(changes: ScreenDiff.changes(from: before, to: after), before: before, after: after)
    }

    /// The checks every list shares; `listRows` are the rows of the list's data.
    private func assertCheap(_ move: Move, listRows: Range<Int>, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let layout = Layout(Size(rows: 24, columns: 80))
        let screenCells = 24 * 80
        XCTAssertFalse(move.changes.isEmpty, "\(name): Down changed nothing", file: file, line: line)
        XCTAssertNotEqual(move.before.cursor, move.after.cursor, "\(name): the selection did not move", file: file, line: line)
        // The frame stays as it is.
        for row in [layout.titleRow, layout.tabRow, layout.list.row, layout.statusRow, layout.barRow] {
            XCTAssertFalse(move.rows.contains(row), "\(name): row \(row) redrawn: \(move.after.lines()[row])", file: file, line: line)
        }
        // In the list: the row left and the row reached, nothing else.
        let listChanged = move.rows.filter { listRows.contains($0) }
        XCTAssertEqual(listChanged.count, 2, "\(name): list rows redrawn: \(listChanged.sorted())", file: file, line: line)
        if let from = move.before.cursor?.row, let to = move.after.cursor?.row {
            XCTAssertEqual(listChanged, [from, to], name, file: file, line: line)
        }
        // Detail lines that read the same are not sent again.
        let detail = (layout.detail.row..<(layout.detail.row + layout.detail.rows))
        for row in detail where move.before.cells[row] == move.after.cells[row] {
            XCTAssertFalse(move.rows.contains(row), "\(name): unchanged detail row \(row) redrawn", file: file, line: line)
        }
        // The two list rows at most in full, and detail cells that changed; far from a repaint.
        let detailCells = move.changes.filter { detail.contains($0.row) }.count
        XCTAssertLessThanOrEqual(move.changes.count - detailCells, 2 * 80, name, file: file, line: line)
        XCTAssertLessThan(move.changes.count, screenCells / 3, "\(name): \(move.changes.count) of \(screenCells) cells", file: file, line: line)
    }

    private func listRows(_ state: AppState) -> Range<Int> {
        let layout = Layout(state.size)
        return (layout.list.row + 1)..<(layout.list.row + layout.list.rows)
    }

    func testDownInTheCitiesListRedrawsTwoRowsAndTheChangedDetail() throws {
        var (state, runner) = try UIFixtures.state()
        XCTAssertEqual(state.pane, .cities)
        let move = moveDown(&state, runner)
        assertCheap(move, listRows: listRows(state), "Cities")
        // The new city's detail differs from the old one's, so it is sent.
        XCTAssertTrue(move.rows.contains { $0 > Layout(state.size).detail.row }, "Cities: the detail did not follow")
    }

    func testDownInThePartnershipsListRedrawsTwoRowsAndTheChangedDetail() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("2"))
        XCTAssertEqual(state.pane, .partnerships)
        assertCheap(moveDown(&state, runner), listRows: listRows(state), "Partnerships")
    }

    func testDownInTheEventsListRedrawsTwoRowsAndTheChangedDetail() throws {
        var (state, runner) = try UIFixtures.state()
        // The fixture has one event; a second one to move to.
        let partnership = try XCTUnwrap(runner.database.partnerships().first)
        _ = try runner.database.addEvent(Event(partnershipId: partnership.id, title: "Städtepartnerschaftsfest", kind: .visit,
                                               startDate: PartialDate.parse("2024-05-01")!))
        UIFixtures.run(&state, runner, [.loadData(select: nil)])
        UIFixtures.press(&state, runner, .char("3"))
        XCTAssertEqual(state.pane, .events)
        assertCheap(moveDown(&state, runner), listRows: listRows(state), "Events")
    }

    func testDownInTheMatchesListRedrawsTwoRowsAndTheChangedDetail() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        XCTAssertEqual(state.pane, .matches)
        // The explorer's filter line sits under its header.
        let rows = listRows(state)
        assertCheap(moveDown(&state, runner), listRows: (rows.lowerBound + 1)..<rows.upperBound, "Matches")
    }

    func testDownInTheProjectsListRedrawsTwoRowsAndTheChangedDetail() throws {
        var (state, runner) = try ProjectFixtures.state()
        XCTAssertEqual(state.pane, .projects)
        assertCheap(moveDown(&state, runner), listRows: listRows(state), "Projects")
    }
}
